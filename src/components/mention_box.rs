//! A message box that offers people when the member types `@` and a name: the people the
//! backend's search finds (`api::people`), in a list under the box that works from the
//! keyboard (arrows, Enter or Tab to pick, Escape to close) and is announced. The box stays
//! the focused element throughout (`aria-activedescendant` names the highlighted person).

use leptos::html;
use leptos::prelude::*;

use super::live_region::Announcer;
use crate::api::{people, ApiClient};
use crate::browser;
use crate::i18n::{use_i18n, LaterMsg, LaterPhrase};
use crate::model::mention::{active_query, chars_to_utf16, insert, utf16_to_chars};
use crate::model::user::Mentionable;
use crate::reads::Reads;

/// How long typing must pause before people are looked up.
const PAUSE_MS: i32 = 250;

#[component]
pub fn MentionBox(
    id: &'static str,
    value: RwSignal<String>,
    /// After every change, typed or picked.
    on_change: Callback<String>,
    /// A person picked from the list.
    on_pick: Callback<Mentionable>,
    #[prop(default = 4)] rows: u32,
    /// Ids of the texts that describe the box (its error, hints).
    described_by: &'static str,
    #[prop(into, optional)] invalid: Signal<String>,
    #[prop(optional)] data_field: &'static str,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let client = expect_context::<ApiClient>();
    let announcer = expect_context::<Announcer>();
    let i18n = use_i18n();
    let field = NodeRef::<html::Textarea>::new();
    let offered = RwSignal::new(Vec::<Mentionable>::new());
    let active = RwSignal::new(0usize);
    // Where the `@name` being typed starts, and the caret after it (characters).
    let typing = StoredValue::new(None::<(usize, usize)>);
    let timer = StoredValue::new(None::<i32>);
    on_cleanup(move || {
        if let Some(h) = timer.get_value() {
            browser::cancel_timer(h);
        }
    });
    let reads = Reads::new();
    let close = move || {
        reads.stop();
        typing.set_value(None);
        offered.set(Vec::new());
    };
    let look_up = move |text: String| {
        let client = client.clone();
        reads.replace(async move { people::search(&client, &text).await }, move |found| {
            let found = found.unwrap_or_default();
            if !found.is_empty() {
                announcer.say(i18n.text(LaterPhrase::MentionOptions(found.len())));
            }
            active.set(0);
            offered.set(found);
        });
    };
    let caret = move || {
        let el = field.get_untracked()?;
        let units = el.selection_start().ok().flatten()? as usize;
        Some(utf16_to_chars(&el.value(), units))
    };
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        value.set(text.clone());
        on_change.run(text.clone());
        if let Some(h) = timer.get_value() {
            browser::cancel_timer(h);
        }
        match caret().and_then(|at| active_query(&text, at).map(|(start, typed)| (start, at, typed))) {
            Some((start, at, typed)) if typed.chars().count() >= 2 => {
                typing.set_value(Some((start, at)));
                let look_up = look_up.clone();
                timer.set_value(browser::after_ms(PAUSE_MS, move || look_up(typed)));
            }
            _ => close(),
        }
    };
    let pick = move |person: Mentionable| {
        let Some((start, at)) = typing.get_value() else { return };
        let (text, new_caret) = insert(&value.get_untracked(), start, at, &person.name);
        value.set(text.clone());
        on_change.run(text.clone());
        close();
        if let Some(el) = field.get_untracked() {
            el.set_value(&text);
            let unit = chars_to_utf16(&text, new_caret) as u32;
            let _ = el.set_selection_range(unit, unit);
            let _ = el.focus();
        }
        announcer.say(i18n.text(LaterPhrase::Mentioned(person.name.clone())));
        on_pick.run(person);
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let count = offered.with_untracked(Vec::len);
        if count == 0 {
            return;
        }
        match ev.key().as_str() {
            "ArrowDown" => active.update(|a| *a = (*a + 1) % count),
            "ArrowUp" => active.update(|a| *a = (*a + count - 1) % count),
            "Enter" | "Tab" => {
                if let Some(person) = offered.with_untracked(|o| o.get(active.get_untracked()).cloned()) {
                    pick(person);
                }
            }
            "Escape" => close(),
            _ => return,
        }
        // Handled here: the key neither moves the caret nor reaches the form.
        ev.prevent_default();
        ev.stop_propagation();
    };
    let list_id = format!("{id}-mentions");
    let option_id = move |i: usize| format!("{id}-mention-{i}");
    let open = move || offered.with(|o| !o.is_empty());
    view! {
        <div class="mention-box">
            <textarea id=id rows=rows node_ref=field data-field=data_field required=required prop:value=move || value.get()
                on:input=on_input on:keydown=on_key on:blur=move |_| {
                    // Chromium also blurs a focused field removed with its form (after a post),
                    // once this box is gone: nothing to close then.
                    let Some(pending) = timer.try_get_value() else { return };
                    if let Some(h) = pending {
                        browser::cancel_timer(h);
                    }
                    // Later, so a press on the list still picks; ended with the box.
                    timer.set_value(browser::after_ms(150, close));
                }
                aria-describedby=described_by aria-invalid=move || invalid.get()
                aria-autocomplete="list" aria-controls=list_id.clone()
                aria-activedescendant=move || open().then(|| option_id(active.get()))></textarea>
            <ul id=list_id class="mention-list" role="listbox" aria-label=i18n.t(LaterMsg::PeopleToMention) hidden=move || !open()>
                {move || offered.get().into_iter().enumerate().map(|(i, person)| {
                    let chosen = move || active.get() == i;
                    view! {
                        <li id=option_id(i) role="option" class="mention-option" class:active=chosen aria-selected=move || chosen().to_string()
                            // Picked on press, before the box loses focus.
                            on:mousedown={
                                let person = person.clone();
                                move |ev| { ev.prevent_default(); pick(person.clone()); }
                            }>
                            {person.name.clone()}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}
