use leptos::prelude::*;

use crate::i18n::{use_i18n, Msg};
use crate::routing::href;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{i18n.t(Msg::PageNotFound)}</h1>
        <p><a href=href("/")>{i18n.t(Msg::BackToConversations)}</a></p>
    }
}
