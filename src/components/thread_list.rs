//! A page of threads with their authors: two requests, whatever the number of rows.

use std::collections::HashMap;

use leptos::prelude::*;

use super::thread_row::ThreadRow;
use crate::api::{self, ApiClient, ApiError};
use crate::model::query::ThreadQuery;
use crate::model::{CommunityThread, User};

#[derive(Debug, Clone, PartialEq)]
pub struct ThreadPage {
    pub threads: Vec<CommunityThread>,
    pub authors: HashMap<i64, User>,
    pub has_next: bool,
}

/// The threads, then every author on the page in one batch request.
pub async fn load_thread_page(client: &ApiClient, query: &ThreadQuery) -> Result<ThreadPage, ApiError> {
    let envelope = api::threads::list(client, query).await?;
    let author_ids: Vec<i64> = envelope.records.iter().map(|t| t.user_id).collect();
    let authors = api::users::by_ids(client, &author_ids).await?.into_iter().map(|u| (u.id, u)).collect();
    Ok(ThreadPage { has_next: envelope.has_next(), threads: envelope.records, authors })
}

#[component]
pub fn ThreadList(#[prop(into)] query: Signal<ThreadQuery>) -> impl IntoView {
    let client = expect_context::<ApiClient>();
    let page = LocalResource::new(move || {
        let client = client.clone();
        let query = query.get();
        async move { load_thread_page(&client, &query).await }
    });
    let now_ms = js_sys::Date::now() as i64;

    view! {
        <Transition fallback=|| view! { <p class="loading" role="status">"Loading conversations…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(ThreadPage { threads, authors, .. }) if threads.is_empty() => {
                        let _ = authors;
                        view! { <p class="empty">"No conversations yet."</p> }.into_any()
                    }
                    Ok(ThreadPage { threads, authors, .. }) => view! {
                        <ol class="thread-list" aria-label="Conversations">
                            {threads
                                .into_iter()
                                .map(|thread| {
                                    let author = authors.get(&thread.user_id).cloned();
                                    view! { <ThreadRow thread=thread author=author now_ms=now_ms/> }
                                })
                                .collect_view()}
                        </ol>
                    }
                    .into_any(),
                    Err(e) => view! { <p class="form-error" role="alert">{e.to_string()}</p> }.into_any(),
                }
            })}
        </Transition>
    }
}
