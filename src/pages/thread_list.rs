//! The board's home: conversations, most recent activity first, paged through the URL.

use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_query_map;

use crate::components::thread_list::ThreadList;
use crate::model::query::ThreadQuery;
use crate::session::Session;

#[component]
pub fn ThreadListPage() -> impl IntoView {
    let session = expect_context::<Session>();
    let params = use_query_map();
    let query = Signal::derive(move || {
        let page = params.read().get("page").and_then(|p| p.parse().ok()).filter(|p| *p >= 1).unwrap_or(1);
        ThreadQuery { page, ..ThreadQuery::default() }
    });

    view! {
        <Show when=move || session.is_signed_in() fallback=|| view! { <Redirect path="/sign-in"/> }>
            <h1>"Conversations"</h1>
            <ThreadList query=query/>
        </Show>
    }
}
