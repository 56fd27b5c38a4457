//! Tokens supplied by the page that embeds the board.
//!
//! Inside the portal the member has already signed in, so an embedded board asks the host for
//! a bearer token instead of a password: `options.getToken(reason)` returns the token, or a
//! promise of it. It is called once at start (`"initial"`) and again whenever the API answers
//! 401 (`"expired"`), so the host can renew its own session first.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenReason {
    Initial,
    Expired,
}

impl TokenReason {
    fn as_str(self) -> &'static str {
        match self {
            TokenReason::Initial => "initial",
            TokenReason::Expired => "expired",
        }
    }
}

#[derive(Clone, Debug)]
pub struct HostToken(js_sys::Function);

impl HostToken {
    pub fn new(callback: js_sys::Function) -> Self {
        HostToken(callback)
    }

    /// Asks the host for a token. A throw, a rejection or anything but a non-empty string
    /// is an error with the host's own words where there are some.
    pub async fn fetch(&self, reason: TokenReason) -> Result<String, String> {
        let returned = self.0.call1(&JsValue::NULL, &JsValue::from_str(reason.as_str())).map_err(describe)?;
        // `Promise.resolve` takes a plain string, a promise or any thenable alike.
        let value = JsFuture::from(js_sys::Promise::resolve(&returned)).await.map_err(describe)?;
        value
            .as_string()
            .map(|t| t.trim().trim_start_matches("Bearer ").trim().to_owned())
            .filter(|t| !t.is_empty())
            .ok_or_else(|| "getToken() must return (or resolve to) a non-empty bearer token string".to_owned())
    }
}

fn describe(error: JsValue) -> String {
    if let Some(e) = error.dyn_ref::<js_sys::Error>() {
        return String::from(e.message());
    }
    error.as_string().unwrap_or_else(|| "getToken() failed".to_owned())
}
