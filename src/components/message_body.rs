//! A message as the member wrote it. Plain text: line breaks kept (by CSS), http(s) links made
//! clickable, nothing else interpreted. Markup from the portal's editor (`model::markup`):
//! the allow-listed elements rebuilt here from the inert parse, everything else as text.
//! Every piece is a text node or an element built here; nothing goes through `inner_html`.

use leptos::prelude::*;

use crate::model::linkify::{segments, Segment};
use crate::model::markup::{is_markup, AllowedTag, RichNode};

#[component]
pub fn MessageBody(#[prop(into)] text: String, #[prop(optional)] class: &'static str) -> impl IntoView {
    if is_markup(&text) {
        let nodes = rich(crate::markup_dom::parse(&text), false);
        return view! { <div class=format!("message-body rich {class}")>{nodes}</div> }.into_any();
    }
    view! { <div class=format!("message-body {class}")>{linked(&text)}</div> }.into_any()
}

/// Text with its http(s) addresses as links.
fn linked(text: &str) -> Vec<AnyView> {
    segments(text)
        .into_iter()
        .map(|segment| match segment {
            Segment::Text(t) => t.into_any(),
            Segment::Link(url) => view! {
                <a href=url.clone() rel="noopener noreferrer ugc" target="_blank">{url.clone()}</a>
            }
            .into_any(),
        })
        .collect()
}

/// The parsed nodes as views. Text inside a link stays text; elsewhere its addresses link.
fn rich(nodes: Vec<RichNode>, in_link: bool) -> Vec<AnyView> {
    nodes
        .into_iter()
        .map(|node| match node {
            RichNode::Text(text) if in_link => text.into_any(),
            RichNode::Text(text) => linked(&text).into_any(),
            RichNode::Element { tag, href, children } => {
                let kids = rich(children, in_link || tag == AllowedTag::Link);
                match tag {
                    AllowedTag::Paragraph => view! { <p>{kids}</p> }.into_any(),
                    AllowedTag::LineBreak => view! { <br/> }.into_any(),
                    AllowedTag::Bold => view! { <strong>{kids}</strong> }.into_any(),
                    AllowedTag::Italic => view! { <em>{kids}</em> }.into_any(),
                    AllowedTag::Underline => view! { <u>{kids}</u> }.into_any(),
                    AllowedTag::UnorderedList => view! { <ul>{kids}</ul> }.into_any(),
                    AllowedTag::OrderedList => view! { <ol>{kids}</ol> }.into_any(),
                    AllowedTag::ListItem => view! { <li>{kids}</li> }.into_any(),
                    AllowedTag::Quote => view! { <blockquote>{kids}</blockquote> }.into_any(),
                    AllowedTag::Preformatted => view! { <pre>{kids}</pre> }.into_any(),
                    AllowedTag::Code => view! { <code>{kids}</code> }.into_any(),
                    AllowedTag::Link => view! { <a href=href rel="noopener noreferrer ugc" target="_blank">{kids}</a> }.into_any(),
                }
            }
        })
        .collect()
}
