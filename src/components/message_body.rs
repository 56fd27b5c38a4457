//! A message as text: line breaks kept (by CSS), http(s) links made clickable, nothing else
//! interpreted. Every piece is a text node or an anchor built here; nothing goes through
//! `inner_html`.

use leptos::prelude::*;

use crate::model::linkify::{segments, Segment};

#[component]
pub fn MessageBody(#[prop(into)] text: String, #[prop(optional)] class: &'static str) -> impl IntoView {
    let parts = segments(&text)
        .into_iter()
        .map(|segment| match segment {
            Segment::Text(t) => t.into_any(),
            Segment::Link(url) => view! {
                <a href=url.clone() rel="noopener noreferrer ugc" target="_blank">{url.clone()}</a>
            }
            .into_any(),
        })
        .collect_view();
    view! { <div class=format!("message-body {class}")>{parts}</div> }
}
