use leptos::prelude::*;

use crate::i18n::{use_i18n, Msg};
use crate::routing::Link;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{i18n.t(Msg::PageNotFound)}</h1>
        <p><Link to="/">{i18n.t(Msg::BackToConversations)}</Link></p>
    }
}
