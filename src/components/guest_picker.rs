//! Choose who may read a private conversation: search people by name, pick, remove.
//! `Guests` are user ids: the people invited and the people mentioned (`MentionBox` adds
//! them here), one list. On a conversation that is not Private they are the mentioned.

use leptos::prelude::*;

use crate::api::{self, ApiClient, Directory};
use crate::browser;
use crate::i18n::{use_i18n, LaterMsg, LaterPhrase};
use crate::model::User;
use crate::reads::Reads;

#[component]
pub fn GuestPicker(guests: RwSignal<Vec<i64>>, #[prop(into)] private: Signal<bool>, #[prop(into)] error: Signal<Option<String>>) -> impl IntoView {
    let client = expect_context::<ApiClient>();
    let directory = expect_context::<Directory>();
    let i18n = use_i18n();
    // A guest's name, or their id while the name is not loaded.
    let guest_name = move |id: i64| directory.name_of(id).unwrap_or_else(|| i18n.text(LaterPhrase::Member(id)));
    let query = RwSignal::new(String::new());
    let results = RwSignal::new(Vec::<User>::new());
    let searching = RwSignal::new(false);
    let timer = StoredValue::new(None::<i32>);
    on_cleanup(move || {
        if let Some(h) = timer.get_value() {
            browser::cancel_timer(h);
        }
    });
    // One search at a time: each keystroke's replaces the one before, whose answer is dropped.
    let reads = Reads::new();
    let search = move |text: String| {
        let client = client.clone();
        if text.trim().chars().count() < 2 {
            reads.stop();
            results.set(Vec::new());
            searching.set(false);
            return;
        }
        searching.set(true);
        reads.replace(async move { api::users::search(&client, &text).await }, move |found| {
            if let Ok(found) = found {
                directory.remember(found.clone());
                results.set(found);
            }
            searching.set(false);
        });
    };
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        query.set(text.clone());
        if let Some(h) = timer.get_value() {
            browser::cancel_timer(h);
        }
        let search = search.clone();
        timer.set_value(browser::after_ms(300, move || search(text)));
    };
    view! {
        <div class="field guest-picker">
            <label for="guest-search">{move || i18n.t(if private.get() { LaterMsg::WhoMayRead } else { LaterMsg::Mentioned })}</label>
            <ul class="chips" aria-label=i18n.t(LaterMsg::Guests)>
                <For each=move || guests.get() key=|id| *id let:id>
                    <li class="chip">
                        <span>{move || guest_name(id)}</span>
                        <button type="button" aria-label=move || i18n.text(LaterPhrase::RemovePerson(guest_name(id)))
                            on:click=move |_| guests.update(|g| g.retain(|x| *x != id))>"×"</button>
                    </li>
                </For>
            </ul>
            <input id="guest-search" type="search" autocomplete="off" placeholder=i18n.t(LaterMsg::SearchPeople)
                aria-describedby="Guests-error" prop:value=move || query.get() on:input=on_input/>
            <p class="field-error" id="Guests-error" role="alert">{move || error.get()}</p>
            <ul class="guest-results" aria-label=i18n.t(LaterMsg::PeopleFound) aria-busy=move || searching.get().to_string()>
                {move || results.get().into_iter().filter(|u| !guests.get().contains(&u.id)).map(|u| {
                    let id = u.id;
                    view! {
                        <li><button type="button" class="secondary" on:click=move |_| {
                            guests.update(|g| if !g.contains(&id) { g.push(id) });
                            query.set(String::new());
                            results.set(Vec::new());
                        }>{i18n.text(LaterPhrase::AddPerson(u.full_name))}</button></li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}
