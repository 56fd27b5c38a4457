//! The board's home: conversations, filtered and paged through the URL.

use crate::routing::{use_query_map, Link};
use leptos::prelude::*;

use crate::components::group_filter::GroupFilter;
use crate::components::require_member::RequireMember;
use crate::components::search_box::SearchBox;
use crate::components::thread_list::ThreadList;
use crate::components::unread_toggle::UnreadToggle;
use crate::i18n::{use_i18n, Msg, Phrase};
use crate::model::query::ListFilters;
use crate::pages::later::{prefetch, LaterScreen};

#[component]
pub fn BoardPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_query_map();
    // Focus goes to the heading once it is on screen (after a restored session, too).
    let heading = NodeRef::new();
    crate::focus::heading_on_open(heading);
    let filters = Memo::new(move |_| {
        let p = params.read();
        ListFilters::from_params(p.get_str("group"), p.get_str("tag"), p.get_str("q"), p.get_str("page")).with_unread(p.get_str("unread"))
    });
    view! {
        <RequireMember>
            <div class="page-head">
                <h1 id="board-heading" tabindex="-1" node_ref=heading>{i18n.t(Msg::Conversations)}</h1>
                <span on:pointerover=|_| prefetch(LaterScreen::NewThread) on:focusin=|_| prefetch(LaterScreen::NewThread)>
                    {move || {
                        let to = match filters.get().group {
                            Some(g) => format!("/new?group={g}"),
                            None => "/new".to_owned(),
                        };
                        view! { <Link class="button primary" to=to>{i18n.t(Msg::StartConversation)}</Link> }
                    }}
                </span>
            </div>
            <div class="filters">
                <GroupFilter filters=filters/>
                <SearchBox filters=filters/>
                <UnreadToggle filters=filters/>
            </div>
            {move || filters.get().tag.map(|tag| {
                let cleared = ListFilters { tag: None, page: 1, ..filters.get() }.href();
                view! {
                    <p class="active-tag">
                        {i18n.t(Msg::TaggedPrefix)} " " <strong>{format!("#{tag}")}</strong> " "
                        <Link to=cleared label=i18n.text(Phrase::RemoveTagFilter(tag.clone()))>{i18n.t(Msg::Clear)}</Link>
                    </p>
                }
            })}
            // The conversation screen's code is fetched as soon as a row is pointed at or
            // focused, so opening one waits for nothing.
            <div on:pointerover=|_| prefetch(LaterScreen::Thread) on:focusin=|_| prefetch(LaterScreen::Thread)>
                <ThreadList filters=filters/>
            </div>
        </RequireMember>
    }
}
