//! Like, follow and mute: each a toggle with a count, changed on screen at once and put back
//! if the API refuses.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::marks::{self, Mark, MarkState};
use crate::api::ApiClient;
use crate::i18n::{use_i18n, Msg, Phrase};
use crate::session::Session;

#[component]
pub fn Reactions(thread_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="reactions" role="group" aria-label=i18n.t(Msg::Reactions)>
            <MarkToggle thread_id=thread_id mark=Mark::Like label=Msg::Like show_count=true/>
            <MarkToggle thread_id=thread_id mark=Mark::Follow label=Msg::Follow show_count=true/>
            <MarkToggle thread_id=thread_id mark=Mark::Mute label=Msg::Mute show_count=false/>
        </div>
    }
}

#[component]
fn MarkToggle(thread_id: i64, mark: Mark, label: Msg, show_count: bool) -> impl IntoView {
    let i18n = use_i18n();
    let client = expect_context::<ApiClient>();
    let session = expect_context::<Session>();
    let state = RwSignal::new(None::<MarkState>);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let user_id = session.author().map(|a| a.user_id).unwrap_or_default();
    {
        let client = client.clone();
        spawn_local(async move {
            match marks::state(&client.in_background(), mark, thread_id, user_id).await {
                Ok(s) => state.set(Some(s)),
                Err(e) => error.set(Some(i18n.text(e.describe()))),
            }
        });
    }
    let toggle = move |_| {
        let Some(before) = state.get_untracked() else { return };
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        // Optimistic: show the new state now, with a placeholder id until the API answers.
        let optimistic = match before.mine {
            Some(_) => MarkState { count: before.count.saturating_sub(1), mine: None },
            None => MarkState { count: before.count + 1, mine: Some(0) },
        };
        state.set(Some(optimistic));
        let client = client.clone();
        spawn_local(async move {
            let result = match before.mine {
                Some(id) => marks::clear(&client, mark, id).await.map(|_| None),
                None => marks::set(&client, mark, thread_id, user_id).await.map(Some),
            };
            match result {
                Ok(mine) => state.set(Some(MarkState { count: optimistic.count, mine })),
                Err(e) => {
                    state.set(Some(before));
                    error.set(Some(i18n.text(Phrase::CouldNotChange(i18n.text(e.describe())))));
                }
            }
            busy.set(false);
        });
    };
    let pressed = move || state.get().is_some_and(|s| s.mine.is_some());
    let class = match mark {
        Mark::Like => "toggle toggle-like",
        Mark::Follow => "toggle toggle-follow",
        Mark::Mute => "toggle toggle-mute",
    };
    view! {
        <span class="mark">
            <button
                type="button"
                class=class
                aria-pressed=move || pressed().to_string()
                data-busy=move || busy.get().then_some("true")
                disabled=move || state.get().is_none()
                on:click=toggle
            >
                // The name stays the same; aria-pressed says whether it is on.
                {i18n.t(label)}
                {show_count.then(|| view! { <span class="count">{move || state.get().map(|s| format!(" {}", s.count))}</span> })}
            </button>
            <span class="form-error" role="alert">{move || error.get()}</span>
        </span>
    }
}
