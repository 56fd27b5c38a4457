//! The board's home: conversations, filtered and paged through the URL.

use crate::routing::{href, use_query_map};
use leptos::prelude::*;

use crate::browser;
use crate::components::group_filter::GroupFilter;
use crate::components::require_member::RequireMember;
use crate::components::search_box::SearchBox;
use crate::components::thread_list::ThreadList;
use crate::i18n::{use_i18n, Msg, Phrase};
use crate::model::query::ListFilters;
use crate::pages::later::{prefetch, LaterScreen};

#[component]
pub fn BoardPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_query_map();
    let filters = Memo::new(move |_| {
        let p = params.read();
        ListFilters::from_params(p.get_str("group"), p.get_str("tag"), p.get_str("q"), p.get_str("page"))
    });
    view! {
        <RequireMember>
            <FocusHeading/>
            <div class="page-head">
                <h1 id="board-heading" tabindex="-1">{i18n.t(Msg::Conversations)}</h1>
                <a
                    class="button primary"
                    on:pointerover=|_| prefetch(LaterScreen::NewThread)
                    on:focusin=|_| prefetch(LaterScreen::NewThread)
                    href=move || href(&match filters.get().group {
                    Some(g) => format!("/new?group={g}"),
                    None => "/new".to_owned(),
                })>{i18n.t(Msg::StartConversation)}</a>
            </div>
            <div class="filters">
                <GroupFilter filters=filters/>
                <SearchBox filters=filters/>
            </div>
            {move || filters.get().tag.map(|tag| {
                let cleared = ListFilters { tag: None, page: 1, ..filters.get() }.href();
                view! {
                    <p class="active-tag">
                        {i18n.t(Msg::TaggedPrefix)} " " <strong>{format!("#{tag}")}</strong> " "
                        <a href=href(&cleared) aria-label=i18n.text(Phrase::RemoveTagFilter(tag.clone()))>{i18n.t(Msg::Clear)}</a>
                    </p>
                }
            })}
            <ThreadList filters=filters/>
        </RequireMember>
    }
}

/// Moves focus to the page's heading once it is on screen (after a restored session, too).
#[component]
fn FocusHeading() -> impl IntoView {
    Effect::new(move |_| browser::focus("#board-heading"));
}
