//! Like, follow and mute on a thread, and like on a reply: each a toggle with a count, changed
//! on screen at once and put back if the API refuses. On the members' API the member's own
//! state is unknown until the first press (it only toggles), and so is said as such.

use leptos::prelude::*;

use super::writes::on_answer;
use crate::api::{board, ApiClient};
use crate::i18n::{use_i18n, LaterMsg, LaterPhrase};
use crate::model::marks::{Mark, MarkState, MarkTarget};
use crate::reads::Reads;

#[component]
pub fn Reactions(
    thread_id: i64,
    /// The like count the thread came with, where the API gives one with it.
    like_count: Option<u64>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="reactions" role="group" aria-label=i18n.t(LaterMsg::Reactions)>
            <MarkToggle target=MarkTarget::Thread(thread_id, Mark::Like) like_count=like_count/>
            <MarkToggle target=MarkTarget::Thread(thread_id, Mark::Follow) like_count=None/>
            <MarkToggle target=MarkTarget::Thread(thread_id, Mark::Mute) like_count=None/>
        </div>
    }
}

/// One toggle. A thread's marks load their own state; a reply's like comes with the reply
/// (`known`).
#[component]
pub fn MarkToggle(
    target: MarkTarget,
    /// The like count the thread came with, where the API gives one with it.
    #[prop(default = None)]
    like_count: Option<u64>,
    #[prop(default = None)] known: Option<MarkState>,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = expect_context::<ApiClient>();
    let state = RwSignal::new(known);
    let error = RwSignal::new(None::<String>);
    let mark = target.mark();
    if let (None, MarkTarget::Thread(thread_id, mark)) = (known, target) {
        let client = client.clone();
        Reads::new().spawn(async move { board::mark_state(&client, mark, thread_id, like_count).await }, move |answer| match answer {
            Ok(s) => state.set(Some(s)),
            Err(e) => error.set(Some(i18n.text(e.describe()))),
        });
    }
    let (label, unknown_label, show_count) = match mark {
        Mark::Like => (LaterMsg::Like, LaterMsg::LikeOrUnlike, true),
        Mark::Follow => (LaterMsg::Follow, LaterMsg::FollowOrUnfollow, true),
        Mark::Mute => (LaterMsg::Mute, LaterMsg::MuteOrUnmute, false),
    };
    // The state before the press goes with it: a refusal puts it back.
    let switching = Action::new_local(move |before: &MarkState| {
        let (client, before) = (client.clone(), *before);
        async move { (board::toggle_mark(&client, target, before).await, before) }
    });
    on_answer(switching, move |(answer, before)| match answer {
        Ok(after) => state.set(Some(after)),
        Err(e) => {
            state.set(Some(before));
            error.set(Some(i18n.text(LaterPhrase::CouldNotChange(i18n.text(e.describe())))));
        }
    });
    let busy = switching.pending();
    let toggle = move |_| {
        let Some(before) = state.get_untracked() else { return };
        if busy.get_untracked() {
            return;
        }
        error.set(None);
        // Optimistic where the state is known: show the new state now. Where it is not (the
        // Public API), the answer says what it became.
        if let Some(on) = before.on {
            state.set(Some(before.switched(!on, None)));
        }
        switching.dispatch_local(before);
    };
    // Unknown (nothing said yet on the Public API): no aria-pressed, and a name that says the
    // button switches either way.
    let pressed = move || state.get().and_then(|s| s.on).map(|on| on.to_string());
    let name = move || i18n.t(if state.get().is_some_and(|s| s.on.is_none()) { unknown_label } else { label });
    let class = match target {
        MarkTarget::Reply { .. } => "toggle toggle-like toggle-reply-like",
        MarkTarget::Thread(_, Mark::Like) => "toggle toggle-like",
        MarkTarget::Thread(_, Mark::Follow) => "toggle toggle-follow",
        MarkTarget::Thread(_, Mark::Mute) => "toggle toggle-mute",
    };
    view! {
        <span class="mark">
            <button
                type="button"
                class=class
                aria-pressed=pressed
                data-busy=move || busy.get().then_some("true")
                disabled=move || state.get().is_none()
                on:click=toggle
            >
                // Once the state is known the name stays the same; aria-pressed says whether it is on.
                {name}
                {show_count.then(|| view! { <span class="count">{move || state.get().and_then(|s| s.count).map(|n| format!(" {n}"))}</span> })}
            </button>
            <span class="form-error" role="alert">{move || error.get()}</span>
        </span>
    }
}
