//! Community Board: the Nexudus Members Portal discussion board as a Leptos app.
//!
//! `App` wires the router and the app-wide context (configuration, session, API client,
//! caches, announcements); pages live in `pages/`, reusable pieces in `components/`, HTTP in
//! `api/`, and the data types with their pure logic in `model/`.

pub mod api;
pub mod browser;
pub mod components;
pub mod config;
pub mod i18n;
pub mod model;
pub mod pages;
pub mod session;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::api::{ApiClient, Directory};
use crate::components::header::BoardHeader;
use crate::components::live_region::{Announcer, LiveRegion};
use crate::config::BoardConfig;
use crate::pages::{BoardPage, EditThreadPage, NewThreadPage, NotFoundPage, SignInPage, ThreadPage};
use crate::session::Session;

/// Puts the app-wide context in place; `App` and the browser tests both use it.
pub fn provide_board_context(api_base: &str) -> ApiClient {
    provide_board_context_with(&BoardConfig { api_base: api_base.to_owned(), dir_convention: Default::default(), limits: Default::default() })
}

pub fn provide_board_context_with(config: &BoardConfig) -> ApiClient {
    api::client::configure_pacing(config.limits);
    let session = Session::new();
    let mut client = ApiClient::new(&config.api_base, session);
    client.dir_convention = config.dir_convention;
    provide_context(i18n::I18n::new(i18n::Locale::from_browser()));
    provide_context(session);
    provide_context(client.clone());
    provide_context(Directory::new());
    provide_context(Announcer::new());
    client
}

#[component]
pub fn App() -> impl IntoView {
    let config = BoardConfig::from_document();
    let client = provide_board_context_with(&config);
    if client.session().resume_from_storage() {
        let client = client.clone();
        spawn_local(async move {
            let _ = api::auth::restore(&client).await;
        });
    }

    view! {
        <Router>
            <BoardHeader/>
            <LiveRegion/>
            <main id="main" class="board-main" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=BoardPage/>
                    <Route path=path!("/sign-in") view=SignInPage/>
                    <Route path=path!("/new") view=NewThreadPage/>
                    <Route path=path!("/threads/:id") view=ThreadPage/>
                    <Route path=path!("/threads/:id/edit") view=EditThreadPage/>
                </Routes>
            </main>
        </Router>
    }
}
