//! Putting the board on a page: standalone (`index.html`, settings from meta tags) or embedded
//! in a host page through the JavaScript entry point `mount(element, options)`.
//!
//! Embedded, the board lives in a shadow root attached to the host's element: the host's
//! ordinary rules (`button {…}`, `* {…}`) cannot reach in and the board's cannot leak out.
//! Only inherited custom properties cross the boundary, which is how a host themes it
//! (`--board-accent: #c0392b` on the element or any ancestor).

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::config::{BoardConfig, Setting, Source};
use crate::host_token::HostToken;
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

/// `mount(element, options)`: see the README's "Embedding" section for the options.
/// Throws (with every problem listed) when an option cannot be used, rather than showing a
/// board that calls the wrong place.
#[wasm_bindgen]
pub fn mount(element: web_sys::HtmlElement, options: JsValue) -> Result<MountedBoard, JsError> {
    if BOARD_ROOT.with(|r| r.borrow().is_some()) {
        return Err(JsError::new("community board: already mounted on this page; unmount() it first"));
    }
    let options = if options.is_object() { options } else { js_sys::Object::new().into() };
    let read = |key: &str| js_sys::Reflect::get(&options, &JsValue::from_str(key)).ok().filter(|v| !v.is_undefined() && !v.is_null());
    let (config, problems) = BoardConfig::parse(Source::Embedded, |setting: Setting| {
        // Numbers are written out by JS itself: Rust's float formatting would add KBs of wasm.
        read(setting.option_key()).map(|v| {
            v.as_string()
                .or_else(|| v.as_f64().and_then(|n| js_sys::Number::from(n).to_string(10).ok()).map(String::from))
                // Any other kind of value is named, so the parser reports it as unusable.
                .unwrap_or_else(|| format!("(a {})", v.js_typeof().as_string().unwrap_or_default()))
        })
    });
    let host_token = match read("getToken") {
        Some(f) => match f.dyn_into::<js_sys::Function>() {
            Ok(f) => Some(HostToken::new(f)),
            Err(_) => return Err(JsError::new("community board: options.getToken must be a function")),
        },
        None => None,
    };
    if !problems.is_empty() {
        return Err(JsError::new(&format!("community board: {}", problems.join("; "))));
    }

    let shadow = shadow_root_for(&element)?;
    let document = element.owner_document().ok_or_else(|| JsError::new("community board: the element is not in a document"))?;
    let container: web_sys::HtmlElement =
        document.create_element("div").map_err(|_| JsError::new("community board: cannot create elements"))?.unchecked_into();
    let locale = resolve_locale(&config);
    style_root(&container, &config, locale);
    if let Some(href) = read("stylesheet").and_then(|v| v.as_string()) {
        add_stylesheet(&document, &shadow, &container, &href);
    }
    let _ = shadow.append_child(&container);
    BOARD_ROOT.with(|r| *r.borrow_mut() = Some(shadow.clone().into()));

    let setup = BoardSetup { config, locale, host_token, embedded: true };
    let handle = leptos::mount::mount_to(container, move || view! { <App setup=setup/> });
    Ok(MountedBoard { view: Some(Box::new(handle)) })
}

/// The element's shadow root for the board: a new one, or the one a board unmounted from this
/// element left behind (emptied). Anyone else's shadow root is left alone.
fn shadow_root_for(element: &web_sys::HtmlElement) -> Result<web_sys::ShadowRoot, JsError> {
    if let Some(shadow) = element.shadow_root() {
        let ours = shadow.first_element_child().is_none() || shadow.query_selector(".community-board").ok().flatten().is_some();
        if !ours {
            return Err(JsError::new("community board: this element already holds other content in a shadow root"));
        }
        while let Some(child) = shadow.first_child() {
            let _ = shadow.remove_child(&child);
        }
        return Ok(shadow);
    }
    element
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .map_err(|_| JsError::new("community board: this element cannot hold a shadow root"))
}

/// The host's choice, else the browser's languages.
fn resolve_locale(config: &BoardConfig) -> Locale {
    config.locale.as_deref().and_then(Locale::parse).unwrap_or_else(Locale::from_browser)
}

/// The root element carries the theme and language the stylesheet and screen readers use.
fn style_root(root: &web_sys::HtmlElement, config: &BoardConfig, locale: Locale) {
    root.class_list().add_1("community-board").ok();
    root.set_attribute("data-theme", config.theme.attribute()).ok();
    root.set_attribute("lang", locale.tag()).ok();
}

/// Links the board's stylesheet inside the shadow root and keeps the board hidden until it
/// has loaded (or failed), so members never see an unstyled flash.
fn add_stylesheet(document: &web_sys::Document, shadow: &web_sys::ShadowRoot, container: &web_sys::HtmlElement, href: &str) {
    let Ok(link) = document.create_element("link") else { return };
    let _ = link.set_attribute("rel", "stylesheet");
    let _ = link.set_attribute("href", href);
    container.set_hidden(true);
    let shown = container.clone();
    let reveal = Closure::<dyn Fn()>::new(move || shown.set_hidden(false));
    let _ = link.add_event_listener_with_callback("load", reveal.as_ref().unchecked_ref());
    let _ = link.add_event_listener_with_callback("error", reveal.as_ref().unchecked_ref());
    // Lives as long as the page: the link fires once and the closure is tiny.
    reveal.forget();
    let _ = shadow.append_child(&link);
}
