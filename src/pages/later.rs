//! Screens that are not needed for the first paint of the list, loaded when first shown.
//!
//! With the `split` feature (the release build) each function below becomes a split point:
//! its code, and everything only it reaches, goes into a separate wasm chunk that the browser
//! fetches the first time the screen opens. Without it (tests, debug builds) they are plain
//! calls, so the same code runs either way.

use leptos::prelude::*;

use super::{EditThreadPage, NewThreadPage, SignInPage, ThreadPage};

#[cfg_attr(feature = "split", leptos::lazy)]
fn thread_screen() -> AnyView {
    view! { <ThreadPage/> }.into_any()
}

#[cfg_attr(feature = "split", leptos::lazy)]
fn new_thread_screen() -> AnyView {
    view! { <NewThreadPage/> }.into_any()
}

#[cfg_attr(feature = "split", leptos::lazy)]
fn edit_thread_screen() -> AnyView {
    view! { <EditThreadPage/> }.into_any()
}

#[cfg_attr(feature = "split", leptos::lazy)]
fn sign_in_screen() -> AnyView {
    view! { <SignInPage/> }.into_any()
}

/// Which screen to load.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LaterScreen {
    Thread,
    NewThread,
    EditThread,
    SignIn,
}

/// The screen, once its code is here.
pub fn later(screen: LaterScreen) -> impl IntoView {
    Suspend::new(async move {
        #[cfg(feature = "split")]
        let view = match screen {
            LaterScreen::Thread => thread_screen().await,
            LaterScreen::NewThread => new_thread_screen().await,
            LaterScreen::EditThread => edit_thread_screen().await,
            LaterScreen::SignIn => sign_in_screen().await,
        };
        #[cfg(not(feature = "split"))]
        let view = match screen {
            LaterScreen::Thread => thread_screen(),
            LaterScreen::NewThread => new_thread_screen(),
            LaterScreen::EditThread => edit_thread_screen(),
            LaterScreen::SignIn => sign_in_screen(),
        };
        view
    })
}
