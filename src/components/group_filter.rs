//! Choose a group (or all conversations); says what the chosen group's access level means and
//! whether the member may post in it.

use crate::routing::use_navigate;
use leptos::prelude::*;

use crate::api::{ApiClient, Directory};
use crate::i18n::{use_i18n, Msg};
use crate::model::group::Access;
use crate::model::query::ListFilters;
use crate::reads::Reads;
use crate::session::Session;

#[component]
pub fn GroupFilter(#[prop(into)] filters: Signal<ListFilters>) -> impl IntoView {
    let client = expect_context::<ApiClient>();
    let directory = expect_context::<Directory>();
    let session = expect_context::<Session>();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let group = value.parse().ok();
        let target = ListFilters { group, page: 1, ..filters.get_untracked() };
        navigate(&target.href(), Default::default());
    };
    // Whether the member may post needs a Restricted group's member list: fetched only when
    // such a group is chosen, then cached.
    // Only the chosen group matters here: typing a search or paging asks nothing again.
    let chosen = Memo::new(move |_| filters.with(|f| f.group));
    let note = RwSignal::new(None::<(Access, bool)>);
    let reads = Reads::new();
    Effect::new(move |_| {
        let group = chosen.get();
        let client = client.clone();
        let answer = async move {
            let group = group?;
            let known = directory.group(&client, group).await?;
            let coworker = session.author().and_then(|a| a.coworker_id);
            let answer = directory.may_post(&client, &known, coworker).await.ok()?;
            Some((known.access(), answer))
        };
        reads.replace(answer, move |answer| note.set(answer));
    });

    view! {
        <div class="group-filter">
            <label for="group-filter">{i18n.t(Msg::Group)}</label>
            <select id="group-filter" on:change=on_change prop:value=move || filters.get().group.map(|g| g.to_string()).unwrap_or_default()>
                <option value="">{i18n.t(Msg::AllConversations)}</option>
                {move || directory.known_groups().unwrap_or_default().into_iter().map(|g| {
                    let selected = filters.get().group == Some(g.id);
                    view! { <option value=g.id.to_string() selected=selected>{format!("{} ({})", g.name, i18n.t(g.access().label()))}</option> }
                }).collect_view()}
            </select>
            {move || note.get().map(|(access, answer)| {
                let posting = i18n.t(if answer { Msg::CanPostHere } else { Msg::OnlyMembersPostHere });
                view! { <p class="group-note" id="group-note">{i18n.t(access.explain())} " " <strong>{posting}</strong></p> }
            })}
        </div>
    }
}
