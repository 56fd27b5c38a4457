//! Putting the board on a page: standalone (`index.html`, settings from meta tags), and what
//! the standalone and the embedded board (`embedded.rs`, `mount(element, options)`) share:
//! the node the board lives under, its root element's attributes, the host's handle.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::config::BoardConfig;
use crate::i18n::Locale;
use crate::{App, BoardSetup};

thread_local! {
    /// The node the board's elements live under (the shadow root when embedded): where focus
    /// and element look-ups happen. One board per page: the request pacer is per page too.
    static BOARD_ROOT: RefCell<Option<web_sys::Node>> = const { RefCell::new(None) };
}

/// Where to look for the board's elements: its shadow root, else the document.
pub fn board_root() -> Option<web_sys::Node> {
    BOARD_ROOT.with(|r| r.borrow().clone()).or_else(|| web_sys::window()?.document().map(Into::into))
}

/// The first element under the board's root that matches `selector`.
pub fn query(selector: &str) -> Option<web_sys::Element> {
    let root = board_root()?;
    if let Some(shadow) = root.dyn_ref::<web_sys::ShadowRoot>() {
        return shadow.query_selector(selector).ok().flatten();
    }
    root.dyn_ref::<web_sys::Document>()?.query_selector(selector).ok().flatten()
}

/// The standalone page: mounts into `<div data-community-board>` with the meta tags' settings.
/// A host page that only loads the module (for `mount`) has no such element, so nothing happens.
pub fn mount_standalone() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(element) = document.query_selector("[data-community-board]").ok().flatten() else { return };
    let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() else { return };
    let (config, problems) = BoardConfig::from_document();
    for problem in problems {
        web_sys::console::warn_1(&format!("community board: {problem}; using the default").into());
    }
    let locale = resolve_locale(&config);
    document.document_element().map(|html| html.set_attribute("lang", locale.tag()));
    style_root(&element, &config, locale);
    let setup = BoardSetup { config, locale, host_token: None, embedded: false };
    std::mem::forget(leptos::mount::mount_to(element, move || view! { <App setup=setup/> }));
}

/// A board mounted by a host; `unmount()` takes it away again (a single-page portal
/// navigating elsewhere).
#[wasm_bindgen]
pub struct MountedBoard {
    view: Option<Box<dyn std::any::Any>>,
}

impl MountedBoard {
    /// The handle of a board just mounted by `embedded::mount` (after `enter_root`).
    pub(crate) fn new(view: Box<dyn std::any::Any>) -> MountedBoard {
        MountedBoard { view: Some(view) }
    }
}

/// Whether a board is mounted in a host's element on this page.
pub(crate) fn board_is_mounted() -> bool {
    BOARD_ROOT.with(|r| r.borrow().is_some())
}

/// Makes `root` (a host element's shadow root) the board's, before the board is built in it.
pub(crate) fn enter_root(root: web_sys::Node) {
    BOARD_ROOT.with(|r| *r.borrow_mut() = Some(root));
}

#[wasm_bindgen]
impl MountedBoard {
    pub fn unmount(&mut self) {
        // Dropping leptos' handle removes the view and disposes its reactive state. A second
        // call (an old handle) must not touch a board mounted since.
        if self.view.take().is_some() {
            BOARD_ROOT.with(|r| r.borrow_mut().take());
        }
    }
}

/// The host's choice, else the browser's languages.
pub(crate) fn resolve_locale(config: &BoardConfig) -> Locale {
    config.locale.as_deref().and_then(Locale::parse).unwrap_or_else(Locale::from_browser)
}

/// The root element carries the theme and language the stylesheet and screen readers use.
pub(crate) fn style_root(root: &web_sys::HtmlElement, config: &BoardConfig, locale: Locale) {
    root.class_list().add_1("community-board").ok();
    root.set_attribute("data-theme", config.theme.attribute()).ok();
    root.set_attribute("lang", locale.tag()).ok();
}
