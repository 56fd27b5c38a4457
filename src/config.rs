//! Where the API lives. The page says so in a meta tag, so pointing the board at a real
//! tenant is a change to `index.html` (or the host page), not to the code:
//!
//! `<meta name="nexudus-api-base" content="https://yourspace.spaces.nexudus.com">`
//!
//! Without the tag (or with it empty) the board calls the origin that served it, which is
//! how the sandbox serves it.
//!
//! `<meta name="nexudus-sort-convention" content="learn">` says the tenant reads `dir=1` as
//! descending (learn.nexudus.com); the default follows developers.nexudus.com (`-1`).

//!
//! `nexudus-requests-per-minute`, `nexudus-writes-per-minute` and `nexudus-request-spacing-ms`
//! change the client's pacing (default: Nexudus' documented 120, 60 and 100 ms).

use crate::api::pacing::Limits;
use crate::model::query::DirConvention;

#[derive(Debug, Clone, PartialEq)]
pub struct BoardConfig {
    pub api_base: String,
    pub dir_convention: DirConvention,
    pub limits: Limits,
}

fn meta(name: &str) -> Option<String> {
    web_sys::window()?
        .document()?
        .query_selector(&format!("meta[name='{name}']"))
        .ok()
        .flatten()?
        .get_attribute("content")
        .map(|c| c.trim().to_owned())
        .filter(|c| !c.is_empty())
}

impl BoardConfig {
    pub fn from_document() -> Self {
        let api_base = meta("nexudus-api-base")
            .or_else(|| web_sys::window().and_then(|w| w.location().origin().ok()))
            .unwrap_or_default();
        let dir_convention = match meta("nexudus-sort-convention").as_deref() {
            Some("learn") => DirConvention::Learn,
            _ => DirConvention::Dev,
        };
        let defaults = Limits::default();
        let number = |name: &str| meta(name).and_then(|v| v.parse::<f64>().ok()).filter(|n| *n >= 0.0);
        let limits = Limits {
            spacing_ms: number("nexudus-request-spacing-ms").unwrap_or(defaults.spacing_ms),
            per_minute: number("nexudus-requests-per-minute").map_or(defaults.per_minute, |n| n as usize),
            writes_per_minute: number("nexudus-writes-per-minute").map_or(defaults.writes_per_minute, |n| n as usize),
        };
        BoardConfig { api_base, dir_convention, limits }
    }
}
