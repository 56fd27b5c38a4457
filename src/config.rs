//! Where the API lives. The page says so in a meta tag, so pointing the board at a real
//! tenant is a change to `index.html` (or the host page), not to the code:
//!
//! `<meta name="nexudus-api-base" content="https://yourspace.spaces.nexudus.com">`
//!
//! Without the tag (or with it empty) the board calls the origin that served it, which is
//! how the sandbox serves it.

#[derive(Debug, Clone, PartialEq)]
pub struct BoardConfig {
    pub api_base: String,
}

impl BoardConfig {
    pub fn from_document() -> Self {
        let window = web_sys::window();
        let from_meta = window
            .as_ref()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("meta[name='nexudus-api-base']").ok().flatten())
            .and_then(|meta| meta.get_attribute("content"))
            .map(|c| c.trim().to_owned())
            .filter(|c| !c.is_empty());
        let api_base = from_meta
            .or_else(|| window.and_then(|w| w.location().origin().ok()))
            .unwrap_or_default();
        BoardConfig { api_base }
    }
}
