//! Links to the list filtered one way: by a group (its name, once the groups are known) and
//! by a tag. One component each, so every screen links a group or a tag the same way.

use leptos::prelude::*;

use crate::api::Directory;
use crate::i18n::{use_i18n, Msg, Phrase};
use crate::model::query::ListFilters;
use crate::routing::Link;

/// The conversations of group `group`, named by the group (`fallback` until its name is known).
#[component]
pub fn GroupLink(group: i64, fallback: Msg) -> impl IntoView {
    let directory = expect_context::<Directory>();
    let i18n = use_i18n();
    let to = ListFilters { group: Some(group), ..ListFilters::default() }.href();
    view! {
        <Link to=to class="thread-group">
            {move || directory.group_name(group).unwrap_or_else(|| i18n.t(fallback).to_owned())}
        </Link>
    }
}

/// The conversations tagged `tag`, within group `within` when the list is filtered by one.
#[component]
pub fn TagLink(#[prop(into)] tag: String, #[prop(default = None)] within: Option<i64>) -> impl IntoView {
    let i18n = use_i18n();
    let to = ListFilters { tag: Some(tag.clone()), group: within, ..ListFilters::default() }.href();
    let label = i18n.text(Phrase::ShowTagged(tag.clone()));
    view! { <Link to=to class="tag" label=label>{format!("#{tag}")}</Link> }
}
