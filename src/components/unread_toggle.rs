//! "Unread only": a checkbox that puts `unread=1` in the list's URL (so back, reload and
//! shared links keep it), and says where the unread conversations are looked for.

use leptos::prelude::*;

use crate::i18n::{use_i18n, Msg};
use crate::model::query::ListFilters;
use crate::routing::use_navigate;

#[component]
pub fn UnreadToggle(#[prop(into)] filters: Signal<ListFilters>) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let on_change = move |ev: leptos::ev::Event| {
        let unread = event_target_checked(&ev);
        let target = ListFilters { unread, page: 1, ..filters.get_untracked() };
        navigate(&target.href(), Default::default());
    };
    view! {
        <div class="unread-toggle field checkbox">
            <input type="checkbox" id="unread-only" prop:checked=move || filters.with(|f| f.unread) on:change=on_change
                aria-describedby="unread-note"/>
            <label for="unread-only">{i18n.t(Msg::UnreadOnly)}</label>
            <p class="hint" id="unread-note" hidden=move || !filters.with(|f| f.unread)>{i18n.t(Msg::UnreadWindowNote)}</p>
        </div>
    }
}
