//! Screens that are not needed for the first paint of the list, loaded when first shown.
//!
//! With the `split` feature (the release build) each `*_screen` function below is a split
//! point: its code, and everything only it reaches, goes into a separate wasm chunk that the
//! browser fetches the first time the screen opens (scripts/split-wasm.sh cuts the module).
//! Without it (tests, debug builds) they are plain calls, so the same code runs either way.
//!
//! Each brings its styles too (`screen_styles`), so they are not in the first page's either.
//!
//! The points are `fallible`: a chunk that cannot be fetched (offline for a moment) is an
//! error the member can retry, not a panic, which would stop the whole board.

use leptos::prelude::*;

use super::{screen_styles, EditThreadPage, NewThreadPage, SignInPage, ThreadPage};
use crate::i18n::{use_i18n, Msg};

/// A screen's code (or the embedded board's, `embedded.rs`) could not be fetched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotLoaded;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> NotLoaded {
        NotLoaded
    }
}

#[cfg_attr(feature = "split", leptos::wasm_split::wasm_split(board_thread, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_thread_screen)))]
fn thread_screen() -> Result<AnyView, NotLoaded> {
    screen_styles::adopt();
    Ok(view! { <ThreadPage/> }.into_any())
}

#[cfg_attr(feature = "split", leptos::wasm_split::wasm_split(board_new_thread, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_new_thread_screen)))]
fn new_thread_screen() -> Result<AnyView, NotLoaded> {
    screen_styles::adopt();
    Ok(view! { <NewThreadPage/> }.into_any())
}

#[cfg_attr(feature = "split", leptos::wasm_split::wasm_split(board_edit_thread, wasm_split_path = ::leptos::wasm_split, fallible))]
fn edit_thread_screen() -> Result<AnyView, NotLoaded> {
    screen_styles::adopt();
    Ok(view! { <EditThreadPage/> }.into_any())
}

#[cfg_attr(feature = "split", leptos::wasm_split::wasm_split(board_sign_in, wasm_split_path = ::leptos::wasm_split, fallible))]
fn sign_in_screen() -> Result<AnyView, NotLoaded> {
    screen_styles::adopt();
    Ok(view! { <SignInPage/> }.into_any())
}

/// Which screen to load.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LaterScreen {
    Thread,
    NewThread,
    EditThread,
    SignIn,
}

async fn load(screen: LaterScreen) -> Result<AnyView, NotLoaded> {
    #[cfg(feature = "split")]
    return match screen {
        LaterScreen::Thread => thread_screen().await,
        LaterScreen::NewThread => new_thread_screen().await,
        LaterScreen::EditThread => edit_thread_screen().await,
        LaterScreen::SignIn => sign_in_screen().await,
    };
    #[cfg(not(feature = "split"))]
    match screen {
        LaterScreen::Thread => thread_screen(),
        LaterScreen::NewThread => new_thread_screen(),
        LaterScreen::EditThread => edit_thread_screen(),
        LaterScreen::SignIn => sign_in_screen(),
    }
}

/// The screen once its code is here; if it cannot be fetched, a notice with a retry.
pub fn later(screen: LaterScreen) -> impl IntoView {
    let i18n = use_i18n();
    let attempt = RwSignal::new(0u32);
    move || {
        attempt.track();
        Suspend::new(async move {
            match load(screen).await {
                Ok(view) => view,
                Err(NotLoaded) => view! {
                    <div class="notice error" role="alert">
                        <p>{i18n.t(Msg::ScreenNotLoaded)}</p>
                        <button type="button" on:click=move |_| attempt.update(|n| *n += 1)>{i18n.t(Msg::TryAgain)}</button>
                    </div>
                }
                .into_any(),
            }
        })
    }
}

/// Starts fetching a screen's code before it is opened (the pointer is over a link to it, or
/// the link has focus), so opening it waits for nothing. A failure is left for the opening to
/// report.
pub fn prefetch(screen: LaterScreen) {
    #[cfg(feature = "split")]
    {
        // Once per screen (pointer events come in bursts); a failed fetch may be tried again.
        let bit = 1u8 << screen as u8;
        if PREFETCHED.with(|p| p.replace(p.get() | bit)) & bit != 0 {
            return;
        }
        leptos::task::spawn_local(async move {
            let fetched = match screen {
                LaterScreen::Thread => preload_thread_screen().await,
                LaterScreen::NewThread => preload_new_thread_screen().await,
                LaterScreen::EditThread | LaterScreen::SignIn => Ok(()),
            };
            if fetched.is_err() {
                PREFETCHED.with(|p| p.set(p.get() & !bit));
            }
        });
    }
    #[cfg(not(feature = "split"))]
    let _ = screen;
}

#[cfg(feature = "split")]
thread_local! {
    /// Screens whose code has been asked for ahead of time, one bit each.
    static PREFETCHED: std::cell::Cell<u8> = const { std::cell::Cell::new(0) };
}
