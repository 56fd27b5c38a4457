//! Reads a markup message (`model::markup::is_markup`) into `RichNode`s with the browser's
//! HTML parser, in an inert document: `DOMParser` documents run no script and load nothing.
//! The parser is given `clean_source`'s output, which holds only bare allow-listed tags; the
//! walk still keeps only allow-listed elements in the HTML namespace, with no attribute but a
//! link address checked again, and gives the text of anything else. The nodes are then built
//! by the view, never taken from this document.

use wasm_bindgen::JsCast;
use web_sys::{DomParser, Element, Node, SupportedType};

use crate::model::markup::{clean_source, plain_text, safe_href, AllowedTag, RichNode};

const HTML_NAMESPACE: &str = "http://www.w3.org/1999/xhtml";

/// Nesting kept as elements; deeper content is flattened to its text.
const MAX_DEPTH: usize = 32;

pub fn parse(markup: &str) -> Vec<RichNode> {
    let body =
        DomParser::new().and_then(|parser| parser.parse_from_string(&clean_source(markup), SupportedType::TextHtml)).ok().and_then(|doc| doc.body());
    match body {
        Some(body) => {
            let mut out = Vec::new();
            read_children(&body, 0, &mut out);
            out
        }
        // No parser (not in a browser): the text, without its tags.
        None => vec![RichNode::Text(plain_text(markup))],
    }
}

fn read_children(parent: &Node, depth: usize, out: &mut Vec<RichNode>) {
    let mut child = parent.first_child();
    while let Some(node) = child {
        match node.node_type() {
            Node::TEXT_NODE | Node::CDATA_SECTION_NODE => push_text(out, node.text_content().unwrap_or_default()),
            Node::ELEMENT_NODE => read_element(node.unchecked_ref::<Element>(), depth, out),
            _ => {}
        }
        child = node.next_sibling();
    }
}

fn read_element(element: &Element, depth: usize, out: &mut Vec<RichNode>) {
    let tag = (element.namespace_uri().as_deref() == Some(HTML_NAMESPACE)).then(|| AllowedTag::from_name(&element.local_name())).flatten();
    match tag {
        _ if depth >= MAX_DEPTH => push_text(out, element.text_content().unwrap_or_default()),
        Some(tag) => {
            let mut children = Vec::new();
            read_children(element, depth + 1, &mut children);
            let href = if tag == AllowedTag::Link { element.get_attribute("href").as_deref().and_then(safe_href) } else { None };
            if tag == AllowedTag::Link && href.is_none() {
                // A link to somewhere not allowed (or nowhere) is its text.
                for child in children {
                    match child {
                        RichNode::Text(text) => push_text(out, text),
                        element => out.push(element),
                    }
                }
            } else {
                out.push(RichNode::Element { tag, href, children });
            }
        }
        // Not allowed: its content stays, as text or allowed elements.
        None => read_children(element, depth + 1, out),
    }
}

/// Adds text, joined to text just before it.
fn push_text(out: &mut Vec<RichNode>, text: String) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(RichNode::Text(last)) => last.push_str(&text),
        _ => out.push(RichNode::Text(text)),
    }
}
