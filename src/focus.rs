//! Where focus goes: to a screen's heading when it opens (keyboard and screen-reader users
//! keep their place), to a field the member must fix. An embedded board leaves focus where
//! the host page has it until the member moves within the board.

use leptos::html::H1;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses the heading `heading` once it is in the document, after each navigation to its
/// screen. A tick later than its creation: a view is built before it is attached.
pub fn heading_on_open(heading: NodeRef<H1>) {
    Effect::new(move |_| {
        if let Some(el) = heading.get() {
            if crate::routing::may_move_focus() {
                crate::browser::after_ms(0, move || {
                    let _ = el.focus();
                });
            }
        }
    });
}

/// Moves focus to the first element under the board's root matching `selector` (a field
/// named by an error, known only as the API's field name), a tick later.
pub fn later(selector: &str) {
    if !crate::routing::may_move_focus() {
        return;
    }
    let selector = selector.to_owned();
    crate::browser::after_ms(0, move || now(&selector));
}

/// `later`, at once.
pub fn now(selector: &str) {
    if let Some(el) = crate::mount::query(selector).and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}
