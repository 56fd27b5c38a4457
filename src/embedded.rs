//! The board embedded in a host page: the JavaScript entry point `mount(element, options)`
//! (through `embed.js`, see the README's "Embedding" section).
//!
//! The board lives in a shadow root attached to the host's element: the host's ordinary rules
//! (`button {…}`, `* {…}`) cannot reach in and the board's cannot leak out. Only inherited
//! custom properties cross the boundary, which is how a host themes it (`--board-accent:
//! #c0392b` on the element or any ancestor).
//!
//! Only an embedding host runs this code, so in the release build it is a wasm chunk of its
//! own (the `split` feature, as `pages/later.rs`'s screens), fetched when `mount` is called:
//! the standalone page does not download it (1.2 KB brotli, bench/HISTORY.md). `embed.js`
//! preloads the chunk beside the main module, so a host's board does not wait for it.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::config::{BoardConfig, Setting, Source};
use crate::host_token::HostToken;
use crate::mount::{board_is_mounted, enter_root, resolve_locale, style_root, MountedBoard};
use crate::pages::later::NotLoaded;
use crate::{App, BoardSetup};

/// `mount(element, options)`: a promise of the mounted board. Rejects (with every problem
/// listed) when an option cannot be used, rather than showing a board that calls the wrong
/// place; and when the embedded board's code cannot be fetched (offline for a moment), in
/// which case calling it again tries again.
#[wasm_bindgen]
pub async fn mount(element: web_sys::HtmlElement, options: JsValue) -> Result<MountedBoard, JsError> {
    #[cfg(feature = "split")]
    let mounted = mount_in_shadow_root(element, options).await;
    #[cfg(not(feature = "split"))]
    let mounted = mount_in_shadow_root(element, options);
    mounted.unwrap_or_else(|NotLoaded| Err(JsError::new("community board: its code could not be fetched; call mount() again")))
}

#[cfg_attr(feature = "split", leptos::wasm_split::wasm_split(board_embed, wasm_split_path = ::leptos::wasm_split, fallible))]
fn mount_in_shadow_root(element: web_sys::HtmlElement, options: JsValue) -> Result<Result<MountedBoard, JsError>, NotLoaded> {
    Ok(mount_now(element, options))
}

fn mount_now(element: web_sys::HtmlElement, options: JsValue) -> Result<MountedBoard, JsError> {
    if board_is_mounted() {
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
    enter_root(shadow.into());

    let setup = BoardSetup { config, locale, host_token, embedded: true };
    let handle = leptos::mount::mount_to(container, move || view! { <App setup=setup/> });
    Ok(MountedBoard::new(Box::new(handle)))
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
