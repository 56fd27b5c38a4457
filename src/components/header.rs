//! The bar above every page: the board's name, the member, sign-out.

use crate::routing::{use_navigate, Link};
use leptos::prelude::*;

use crate::api::Directory;
use crate::i18n::{use_i18n, Msg};
use crate::session::Session;

#[component]
pub fn BoardHeader() -> impl IntoView {
    let session = expect_context::<Session>();
    let directory = expect_context::<Directory>();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let sign_out = move |_| {
        session.sign_out();
        directory.clear();
        navigate("/sign-in", Default::default());
    };
    // Handled here rather than by the browser: with fragment routing `#main` would be taken
    // for a place of the board, and inside a shadow root the browser would not find it.
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        crate::focus::now("#main");
    };
    // Embedded with the host's token, the portal owns the session: no sign-out here.
    let own_session = session.host_token().is_none();
    view! {
        <header class="board-header">
            <a class="skip-link" href="#main" on:click=skip>{i18n.t(Msg::SkipToContent)}</a>
            <Link to="/" class="board-title">{i18n.t(Msg::BoardTitle)}</Link>
            <Show when=move || own_session && session.is_signed_in()>
                <span class="board-member">{move || session.member_name()}</span>
                <button type="button" class="link-button" on:click=sign_out.clone()>{i18n.t(Msg::SignOut)}</button>
            </Show>
        </header>
    }
}
