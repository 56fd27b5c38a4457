//! A person's initials, with their portrait over them when the API has one.

use leptos::prelude::*;

use crate::api::ApiClient;
use crate::model::user::initials;

#[component]
pub fn Avatar(
    /// Whose: their initials show until the portrait loads (empty while the name is on its way).
    #[prop(into)]
    name: Signal<String>,
    coworker_id: Option<i64>,
) -> impl IntoView {
    let client = expect_context::<ApiClient>();
    let failed = RwSignal::new(false);
    let src = coworker_id.map(|id| client.url(&format!("/media/coworker/{id}/avatar")));
    view! {
        // Decorative: the name is always written next to it.
        <span class="avatar" aria-hidden="true">
            {move || name.with(|name| initials(name))}
            {src.map(|src| view! {
                <Show when=move || !failed.get()>
                    <img src=src.clone() alt="" loading="lazy" on:error=move |_| failed.set(true)/>
                </Show>
            })}
        </span>
    }
}
