//! A page of threads with their authors and groups. Requests on the members' API: the
//! threads (their authors' names included), and the groups once per session. On REST: the
//! threads (two with search text), one user batch for authors not yet known, and the groups.

use leptos::prelude::*;

use super::pager::Pager;
use super::thread_row::ThreadRow;
use crate::api::{board, ApiClient, ApiError, Directory};
use crate::i18n::{use_i18n, Msg};
use crate::model::query::{ListFilters, ThreadQuery};
use crate::model::seen::UNREAD_WINDOW;
use crate::model::thread::ThreadsPage;
use crate::reads::Reads;
use crate::routing::Link;
use crate::session::Session;
use crate::unread;

/// Loads one list page into the caches and returns the threads. The unread filter looks
/// through the `UNREAD_WINDOW` most recently active in one request and keeps the unread.
pub async fn load_page(client: &ApiClient, directory: Directory, filters: &ListFilters) -> Result<ThreadsPage, ApiError> {
    let size = if filters.unread { UNREAD_WINDOW } else { client.page_sizes.threads };
    let query = ThreadQuery { size, business: client.business, ..filters.thread_query() };
    let mut page = board::threads_page(client, directory, &query).await?;
    if filters.unread {
        if let Some(author) = client.session().author() {
            let seen = unread::load(author.user_id);
            page.threads.retain(|t| unread::is_new(&seen, t.id, t.last_activity()));
        }
        page.has_next = false;
    }
    // The names the answer did not carry (REST), for the rows kept: asked for, not waited for.
    let authors: Vec<i64> = page.threads.iter().map(|t| t.user_id).collect();
    directory.load_users_later(client, &authors);
    // Group names are a nicety on the rows (they fill in when known): fetched after the
    // rows' own requests, and a failure must not hide the threads.
    directory.load_groups_later(client);
    Ok(page)
}

#[component]
pub fn ThreadList(#[prop(into)] filters: Signal<ListFilters>) -> impl IntoView {
    let client = expect_context::<ApiClient>();
    let directory = expect_context::<Directory>();
    let session = expect_context::<Session>();
    let i18n = use_i18n();
    // The last page loaded, kept on screen while the next one loads (aria-busy says it is
    // stale).
    let page = RwSignal::new(None::<Result<ThreadsPage, ApiError>>);
    let pending = RwSignal::new(true);
    let retries = RwSignal::new(0u32);
    let reads = Reads::new();
    Effect::new(move |_| {
        retries.track();
        let filters = filters.get();
        let client = client.clone();
        pending.set(true);
        reads.replace(async move { load_page(&client, directory, &filters).await }, move |result| {
            page.set(Some(result));
            pending.set(false);
        });
    });

    view! {
        <div class="thread-list-region" aria-busy=move || pending.get().to_string()>
            {move || match page.get() {
                    None => view! { <Skeleton/> }.into_any(),
                    Some(Ok(result)) if result.threads.is_empty() => view! {
                        <div class="empty">
                            <p>{i18n.t(Msg::NoConversationsMatch)}</p>
                            <Link to="/">{i18n.t(Msg::ShowAllConversations)}</Link>
                        </div>
                    }
                    .into_any(),
                    Some(Ok(result)) => {
                        let current = filters.get_untracked();
                        // The member's record, read once for the page.
                        let seen = session.author().map(|a| unread::load(a.user_id));
                        let is_new = move |t: &crate::model::CommunityThread| seen.as_ref().is_some_and(|s| unread::is_new(s, t.id, t.last_activity()));
                        view! {
                            <ol class="thread-list" aria-label=i18n.t(Msg::Conversations)>
                                {result
                                    .threads
                                    .into_iter()
                                    .map(|thread| {
                                        let is_new = is_new(&thread);
                                        view! { <ThreadRow thread=thread filters=current.clone() is_new=is_new/> }
                                    })
                                    .collect_view()}
                            </ol>
                            <Pager filters=current has_next=result.has_next/>
                        }
                        .into_any()
                    }
                    Some(Err(e)) => view! {
                        <div class="notice error" role="alert">
                            <p>{i18n.text(e.describe())}</p>
                            <button type="button" on:click=move |_| retries.update(|n| *n += 1)>{i18n.t(Msg::TryAgain)}</button>
                        </div>
                    }
                    .into_any(),
            }}
        </div>
    }
}

/// Placeholder rows while the first page loads.
#[component]
fn Skeleton() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="skeleton" role="status" aria-label=i18n.t(Msg::LoadingConversations)>
            {(0..5).map(|_| view! { <div class="skeleton-row"></div> }).collect_view()}
        </div>
    }
}
