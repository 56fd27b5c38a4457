//! Community Board: the Nexudus Members Portal discussion board as a Leptos app.
//!
//! `App` wires the router and the app-wide context (configuration, session, API client);
//! pages live in `pages/`, reusable pieces in `components/`, HTTP in `api/`, and the data
//! types with their pure logic in `model/`.

pub mod api;
pub mod components;
pub mod config;
pub mod model;
pub mod pages;
pub mod session;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::api::ApiClient;
use crate::components::header::BoardHeader;
use crate::config::BoardConfig;
use crate::pages::{NotFoundPage, SignInPage, ThreadListPage};
use crate::session::Session;

#[component]
pub fn App() -> impl IntoView {
    let config = BoardConfig::from_document();
    let session = Session::new();
    provide_context(session);
    provide_context(ApiClient::new(&config.api_base, session));

    view! {
        <Router>
            <BoardHeader/>
            <main id="main" class="board-main">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=ThreadListPage/>
                    <Route path=path!("/sign-in") view=SignInPage/>
                </Routes>
            </main>
        </Router>
    }
}
