//! Community Board: the Nexudus Members Portal discussion board as a Leptos app.
//!
//! `App` wires the router and the app-wide context (configuration, session, API client,
//! caches, announcements); pages live in `pages/`, reusable pieces in `components/`, HTTP in
//! `api/`, and the data types with their pure logic in `model/`.

pub mod api;
pub mod browser;
pub mod components;
pub mod config;
pub mod embedded;
pub mod file_dom;
pub mod focus;
pub mod host_token;
pub mod i18n;
pub mod markup_dom;
pub mod model;
pub mod mount;
pub mod pages;
pub mod reads;
pub mod routing;
pub mod session;
pub mod unread;

pub use embedded::mount;

use leptos::prelude::*;

use crate::api::{ApiClient, Directory};
use crate::components::header::BoardHeader;
use crate::components::live_region::{Announcer, LiveRegion};
use crate::config::BoardConfig;
use crate::host_token::HostToken;
use crate::model::route::Page;
use crate::pages::later::{later, LaterScreen};
use crate::pages::{BoardPage, NotFoundPage};
use crate::reads::Reads;
use crate::session::Session;

/// Everything a board is mounted with.
#[derive(Clone, Debug)]
pub struct BoardSetup {
    pub config: BoardConfig,
    pub locale: i18n::Locale,
    /// The host's token callback, when embedded with one: no sign-in form then.
    pub host_token: Option<HostToken>,
    pub embedded: bool,
}

/// Puts the app-wide context in place for the browser tests (English, defaults).
pub fn provide_board_context(api_base: &str) -> ApiClient {
    let config = BoardConfig { api_base: api_base.to_owned(), ..BoardConfig::default() };
    provide_board_context_with(&BoardSetup { config, locale: i18n::Locale::En, host_token: None, embedded: false })
}

pub fn provide_board_context_with(setup: &BoardSetup) -> ApiClient {
    let config = &setup.config;
    api::client::configure_pacing(config.limits);
    let session = Session::new();
    session.post_to_business(config.business);
    // Empty: the origin that served the page.
    let api_base = match config.api_base.as_str() {
        "" => web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default(),
        base => base.to_owned(),
    };
    let mut client = ApiClient::new(&api_base, session);
    client.api = config.api;
    client.dir_convention = config.dir_convention;
    client.page_sizes = config.page_sizes;
    client.business = config.business;
    provide_context(i18n::I18n::new(setup.locale));
    provide_context(session);
    provide_context(client.clone());
    provide_context(Directory::new());
    provide_context(Announcer::new());
    client
}

#[component]
pub fn App(setup: BoardSetup) -> impl IntoView {
    let client = provide_board_context_with(&setup);
    routing::provide_router(setup.config.routing.clone(), setup.embedded);
    if let Some(host) = setup.host_token.clone() {
        client.session().use_host_tokens(host.clone());
        api::auth::start_with_host_in_background(&client, host);
    } else if client.session().resume_from_storage() {
        // Staff read through REST, whose reads are a chunk of their own: fetched while the
        // session is renewed.
        if client.session().kept_backend() == Some(crate::model::backend::Backend::Rest) {
            api::staff_reads::preload();
        }
        let client = client.clone();
        // Ends with the board, should a host unmount it first.
        Reads::new().spawn(async move { api::auth::restore(&client).await }, |_| ());
    }

    let page = routing::use_page();
    view! {
        <BoardHeader/>
        <LiveRegion/>
        <main id="main" class="board-main" tabindex="-1">
            {move || {
                // One node per screen for what its many readers follow (see there).
                expect_context::<Directory>().provide_changes();
                routing::provide_screen_place();
                match page.get() {
                Page::Board => view! { <BoardPage/> }.into_any(),
                Page::SignIn => later(LaterScreen::SignIn).into_any(),
                Page::New => later(LaterScreen::NewThread).into_any(),
                Page::Thread(_) => later(LaterScreen::Thread).into_any(),
                Page::EditThread(_) => later(LaterScreen::EditThread).into_any(),
                Page::NotFound => view! { <NotFoundPage/> }.into_any(),
                }
            }}
        </main>
    }
}
