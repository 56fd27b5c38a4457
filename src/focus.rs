//! Where focus goes: to a screen's heading when it opens (keyboard and screen-reader users
//! keep their place), to a field the member must fix. An embedded board leaves focus where
//! the host page has it until the member moves within the board (`RouterState::may_move_focus`).

use leptos::html::H1;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::routing::{use_router, RouterState};

/// Focuses the heading `heading` once it is in the document, after each navigation to its
/// screen. A tick later than its creation: a view is built before it is attached.
pub fn heading_on_open(heading: NodeRef<H1>) {
    let router = use_router();
    Effect::new(move |_| {
        if let Some(el) = heading.get() {
            if router.may_move_focus() {
                crate::browser::after_ms(0, move || {
                    let _ = el.focus();
                });
            }
        }
    });
}

/// Focus moves for a component's handlers, which run outside it (no context there).
#[derive(Clone, Copy)]
pub struct Focus(RouterState);

pub fn use_focus() -> Focus {
    Focus(use_router())
}

impl Focus {
    /// Moves focus to the first element under the board's root matching `selector` (a field
    /// named by an error, known only by the API's field name), a tick later.
    pub fn field(&self, selector: &str) {
        if !self.0.may_move_focus() {
            return;
        }
        let selector = selector.to_owned();
        crate::browser::after_ms(0, move || now(&selector));
    }
}

/// Moves focus to the first element under the board's root matching `selector`, at once.
pub fn now(selector: &str) {
    if let Some(el) = crate::mount::query(selector).and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}
