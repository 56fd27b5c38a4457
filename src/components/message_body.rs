//! A message as the member wrote it. Plain text: line breaks kept (by CSS), http(s) links made
//! clickable, nothing else interpreted. Markup from the portal's editor (`model::markup`):
//! the allow-listed elements rebuilt here from the inert parse, everything else as text.
//! Mentions of the signed-in member (`@Their Name`) are highlighted for them.
//! Every piece is a text node or an element built here; nothing goes through `inner_html`.

use leptos::prelude::*;

use crate::model::linkify::{segments, Segment};
use crate::model::markup::{is_markup, AllowedTag, RichNode};
use crate::model::mention::split_mentions;
use crate::session::Session;

#[component]
pub fn MessageBody(#[prop(into)] text: String, #[prop(optional)] class: &'static str) -> impl IntoView {
    // Read once: a message is not re-rendered when the member changes (the screen is).
    let me = use_context::<Session>().and_then(|s| s.member_name()).unwrap_or_default();
    if is_markup(&text) {
        let nodes = rich(crate::markup_dom::parse(&text), false, &me);
        return view! { <div class=format!("message-body rich {class}")>{nodes}</div> }.into_any();
    }
    view! { <div class=format!("message-body {class}")>{linked(&text, &me)}</div> }.into_any()
}

/// Text with its http(s) addresses as links and the member's mentions marked.
fn linked(text: &str, me: &str) -> Vec<AnyView> {
    segments(text)
        .into_iter()
        .map(|segment| match segment {
            Segment::Text(t) => marked(&t, me).into_any(),
            Segment::Link(url) => view! {
                <a href=url.clone() rel="noopener noreferrer ugc" target="_blank">{url.clone()}</a>
            }
            .into_any(),
        })
        .collect()
}

/// Mentions of `me` in `text` as `<mark>`, the rest as text.
fn marked(text: &str, me: &str) -> Vec<AnyView> {
    split_mentions(text, me)
        .into_iter()
        .map(|(mention, part)| {
            let part = part.to_owned();
            if mention {
                view! { <mark class="mention-me">{part}</mark> }.into_any()
            } else {
                part.into_any()
            }
        })
        .collect()
}

/// The parsed nodes as views. Text inside a link stays text; elsewhere its addresses link.
fn rich(nodes: Vec<RichNode>, in_link: bool, me: &str) -> Vec<AnyView> {
    nodes
        .into_iter()
        .map(|node| match node {
            RichNode::Text(text) if in_link => marked(&text, me).into_any(),
            RichNode::Text(text) => linked(&text, me).into_any(),
            RichNode::Element { tag, href, children } => {
                let kids = rich(children, in_link || tag == AllowedTag::Link, me);
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
