//! The requests `index.html` starts before the board's code has arrived.
//!
//! A reload's first request is always the renewal of the kept session (the access token lives
//! only in memory). A few lines of script in the page's head send it while the wasm downloads
//! and compiles, instead of after; the client takes its answer here in place of sending its
//! own. Only once, and only for the same refresh token and token endpoint: anything else
//! (no script, an embedding host's page, a token renewed since) means the client asks itself.
//!
//! With the renewal's answer, the same script asks for the first list page, when the page is
//! the unfiltered list: on the members' API or, for staff, on REST (the kept backend says
//! which). The list's own request then leaves as soon as a token exists, not once the board
//! (and for staff, REST's chunk) has started. The client takes that answer only for exactly
//! the URL it would have asked for (`take_read`).

use wasm_bindgen::{JsCast, JsValue};

use super::error::ApiError;

/// Where on `window` index.html leaves the renewal.
const SLOT: &str = "communityBoardRenewal";
/// Where it leaves the first read (the list page) it asked for after the renewal.
const READ_SLOT: &str = "communityBoardFirstRead";

pub struct EarlyRenewal {
    /// When it was sent, in `Date.now()` milliseconds (the pacer counts from it).
    pub sent_at: f64,
    answer: js_sys::Promise,
}

/// Takes the renewal the page started, if it renewed the session that holds `refresh_token`
/// at `url`.
pub fn take(url: &str, refresh_token: &str) -> Option<EarlyRenewal> {
    let window: js_sys::Object = web_sys::window()?.unchecked_into();
    let slot = js_sys::Reflect::get(&window, &SLOT.into()).ok().filter(|v| v.is_object())?;
    // One use: a later renewal (an hour on) must go to the server.
    let _ = js_sys::Reflect::delete_property(&window, &SLOT.into());
    let field = |key: &str| js_sys::Reflect::get(&slot, &key.into()).ok();
    let text = |key: &str| field(key).and_then(|v| v.as_string());
    // The token it sent, or the one the page's script kept from its answer (the board may
    // have read the storage after that).
    let ours = text("token").as_deref() == Some(refresh_token) || text("kept").as_deref() == Some(refresh_token);
    if text("url")? != url || !ours {
        return None;
    }
    Some(EarlyRenewal { sent_at: field("sentAt")?.as_f64()?, answer: field("answer")?.dyn_into().ok()? })
}

/// A read the page started: its answer, and when it was sent (known once it was).
pub struct EarlyRead {
    slot: JsValue,
    answer: js_sys::Promise,
}

/// Takes the read the page started, if it asks for exactly `url`. One use, like the renewal.
pub fn take_read(url: &str) -> Option<EarlyRead> {
    let window: js_sys::Object = web_sys::window()?.unchecked_into();
    let slot = js_sys::Reflect::get(&window, &READ_SLOT.into()).ok().filter(|v| v.is_object())?;
    let answer = js_sys::Reflect::get(&slot, &"answer".into()).ok()?.dyn_into().ok()?;
    if js_sys::Reflect::get(&slot, &"url".into()).ok()?.as_string()? != url {
        return None;
    }
    let _ = js_sys::Reflect::delete_property(&window, &READ_SLOT.into());
    Some(EarlyRead { slot, answer })
}

impl EarlyRead {
    /// The server's answer (an error when the page's script could not send it: no renewed
    /// token, say), and when it was sent, in `Date.now()` milliseconds.
    pub async fn response(self) -> (Result<gloo_net::http::Response, ApiError>, Option<f64>) {
        let answer = EarlyRenewal { sent_at: 0.0, answer: self.answer }.response().await;
        (answer, js_sys::Reflect::get(&self.slot, &"sentAt".into()).ok().and_then(|v| v.as_f64()))
    }
}

impl EarlyRenewal {
    /// The server's answer, as the client's own request would have had it.
    pub async fn response(self) -> Result<gloo_net::http::Response, ApiError> {
        match wasm_bindgen_futures::JsFuture::from(self.answer).await {
            Ok(raw) => raw.dyn_into::<web_sys::Response>().map(Into::into).map_err(|_| ApiError::Network("no response".into())),
            // The page's script gives up after the client's own time bound.
            Err(e) if e.dyn_ref::<web_sys::DomException>().is_some_and(|e| e.name() == "TimeoutError") => Err(ApiError::Timeout),
            Err(e) => Err(ApiError::Network(e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default())),
        }
    }
}
