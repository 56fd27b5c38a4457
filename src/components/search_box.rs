//! Search over subject and message. Typing updates the URL's `?q=` after a pause (debounced),
//! replacing the history entry so back does not step through every keystroke.

use crate::routing::{use_navigate, NavigateOptions};
use leptos::prelude::*;

use crate::browser;
use crate::i18n::{use_i18n, Msg};
use crate::model::query::ListFilters;

pub const DEBOUNCE_MS: i32 = 350;

#[component]
pub fn SearchBox(#[prop(into)] filters: Signal<ListFilters>) -> impl IntoView {
    let i18n = use_i18n();
    let text = RwSignal::new(filters.get_untracked().q.unwrap_or_default());
    // Back/forward change the URL: the box follows it.
    Effect::new(move |_| {
        let q = filters.get().q.unwrap_or_default();
        if text.get_untracked().trim() != q {
            text.set(q);
        }
    });
    let timer = StoredValue::new(None::<i32>);
    // A search typed just before leaving the page is not applied after it.
    on_cleanup(move || {
        if let Some(handle) = timer.get_value() {
            browser::cancel_timer(handle);
        }
    });
    let navigate = use_navigate();
    let apply = move |replace: bool| {
        let typed = text.get_untracked();
        let q = Some(typed.trim().to_owned()).filter(|q| !q.is_empty());
        let current = filters.get_untracked();
        if current.q == q {
            return;
        }
        let target = ListFilters { q, page: 1, ..current };
        navigate(&target.href(), NavigateOptions { replace });
    };
    let apply_later = apply.clone();
    let on_input = move |ev: leptos::ev::Event| {
        text.set(event_target_value(&ev));
        if let Some(handle) = timer.get_value() {
            browser::cancel_timer(handle);
        }
        let apply = apply_later.clone();
        timer.set_value(browser::after_ms(DEBOUNCE_MS, move || apply(true)));
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(handle) = timer.get_value() {
            browser::cancel_timer(handle);
        }
        apply(false);
    };
    view! {
        <form class="search-box" role="search" on:submit=on_submit>
            <label for="thread-search">{i18n.t(Msg::SearchConversations)}</label>
            <input id="thread-search" type="search" autocomplete="off" prop:value=move || text.get() on:input=on_input/>
        </form>
    }
}
