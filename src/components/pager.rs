//! Previous/next page links: plain links carrying the filters, so they work with the keyboard,
//! open in new tabs and survive reloads.

use leptos::prelude::*;

use crate::model::query::ListFilters;

#[component]
pub fn Pager(filters: ListFilters, has_next: bool) -> impl IntoView {
    let page = filters.page;
    let prev = (page > 1).then(|| ListFilters { page: page - 1, ..filters.clone() }.href());
    let next = has_next.then(|| ListFilters { page: page + 1, ..filters.clone() }.href());
    (prev.is_some() || next.is_some()).then(|| {
        view! {
            <nav class="pager" aria-label="Pages">
                {prev.map(|href| view! { <a href=href rel="prev">"← Newer"</a> })}
                <span aria-current="page">{format!("Page {page}")}</span>
                {next.map(|href| view! { <a href=href rel="next">"Older →"</a> })}
            </nav>
        }
    })
}
