//! Tags as chips: Enter or comma adds the typed tag (trimmed, no duplicates, no commas inside);
//! each chip has a remove button.

use leptos::prelude::*;

use crate::i18n::{use_i18n, LaterMsg, LaterPhrase, Msg};
use crate::model::tags::add_tag;

#[component]
pub fn TagInput(tags: RwSignal<Vec<String>>) -> impl IntoView {
    let typed = RwSignal::new(String::new());
    let i18n = use_i18n();
    let problem = RwSignal::new(None::<LaterMsg>);
    let commit = move || {
        let text = typed.get_untracked();
        if text.trim().is_empty() {
            return;
        }
        let mut next = tags.get_untracked();
        match add_tag(&mut next, &text) {
            Ok(()) => {
                tags.set(next);
                typed.set(String::new());
                problem.set(None);
            }
            Err(p) => problem.set(Some(p.message())),
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" || ev.key() == "," {
            // Enter must not submit the whole form, and a comma never lands in a tag.
            ev.prevent_default();
            commit();
        }
    };
    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        // Pasted "a, b, c" becomes three chips.
        if value.contains(',') {
            let mut next = tags.get_untracked();
            for part in value.split(',') {
                let _ = add_tag(&mut next, part);
            }
            tags.set(next);
            typed.set(String::new());
        } else {
            typed.set(value);
        }
    };
    view! {
        <div class="field tag-input">
            <label for="thread-tags">{i18n.t(Msg::Tags)}</label>
            <ul class="chips" aria-label=i18n.t(LaterMsg::AddedTags)>
                <For each=move || tags.get() key=|t| t.clone() let:tag>
                    <li class="chip">
                        <span>{tag.clone()}</span>
                        <button type="button" aria-label=i18n.text(LaterPhrase::RemoveTag(tag.clone())) on:click={
                            let tag = tag.clone();
                            move |_| tags.update(|all| all.retain(|t| *t != tag))
                        }>"×"</button>
                    </li>
                </For>
            </ul>
            <input id="thread-tags" type="text" autocomplete="off" aria-describedby="thread-tags-hint thread-tags-error"
                prop:value=move || typed.get() on:input=on_input on:keydown=on_keydown on:blur=move |_| {
                    // Chromium also blurs a focused field removed with its form (after a post),
                    // once this component is gone: nothing to commit then.
                    if typed.try_get_untracked().is_some() {
                        commit();
                    }
                }/>
            <p class="hint" id="thread-tags-hint">{i18n.t(LaterMsg::TagHint)}</p>
            <p class="field-error" id="thread-tags-error" role="alert">{move || problem.get().map(|p| i18n.t(p))}</p>
        </div>
    }
}
