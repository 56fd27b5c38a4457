//! Previous/next page links: plain links carrying the filters, so they work with the keyboard,
//! open in new tabs and survive reloads.

use leptos::prelude::*;

use crate::routing::Link;

use crate::i18n::{use_i18n, Msg, Phrase};
use crate::model::query::ListFilters;

#[component]
pub fn Pager(filters: ListFilters, has_next: bool) -> impl IntoView {
    let i18n = use_i18n();
    let page = filters.page;
    let prev = (page > 1).then(|| ListFilters { page: page - 1, ..filters.clone() }.href());
    let next = has_next.then(|| ListFilters { page: page + 1, ..filters.clone() }.href());
    (prev.is_some() || next.is_some()).then(|| {
        view! {
            <nav class="pager" aria-label=i18n.t(Msg::Pages)>
                {prev.map(|to| view! { <Link to=to rel="prev">{i18n.t(Msg::NewerPage)}</Link> })}
                <span aria-current="page">{i18n.text(Phrase::Page(page))}</span>
                {next.map(|to| view! { <Link to=to rel="next">{i18n.t(Msg::OlderPage)}</Link> })}
            </nav>
        }
    })
}
