use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{use_i18n, Msg};

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{i18n.t(Msg::PageNotFound)}</h1>
        <p><A href="/">{i18n.t(Msg::BackToConversations)}</A></p>
    }
}
