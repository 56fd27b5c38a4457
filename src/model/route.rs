//! The board's addresses, independent of where they live in the browser's URL.
//!
//! Inside the board every place is an *app path* such as `/threads/7?x=1`. Where that sits in
//! the real URL depends on the routing mode: under a base path (`/portal/community/threads/7`)
//! or in the fragment (`…#/threads/7`) when the host owns the path. Pure, so it is tested
//! natively.

/// Where the board keeps its place in the URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Routing {
    /// Real paths under `base` (`""` for the site root): `/portal/community/threads/7`.
    /// The server must answer every path under `base` with the page that hosts the board.
    Path { base: String },
    /// The fragment only (`#/threads/7`), for hosts that own the path.
    Hash,
}

/// A screen of the board.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Board,
    SignIn,
    New,
    Thread(i64),
    EditThread(i64),
    NotFound,
}

impl Page {
    /// The screen for an app path (without its query).
    pub fn from_path(path: &str) -> Page {
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let id = |s: &str| s.parse::<i64>().ok().filter(|id| *id > 0);
        match segments.as_slice() {
            [] => Page::Board,
            ["sign-in"] => Page::SignIn,
            ["new"] => Page::New,
            ["threads", n] => id(n).map_or(Page::NotFound, Page::Thread),
            ["threads", n, "edit"] => id(n).map_or(Page::NotFound, Page::EditThread),
            _ => Page::NotFound,
        }
    }
}

/// An app path split into its parts: `path` always starts with `/`; `query` has no `?`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AppUrl {
    pub path: String,
    pub query: String,
}

impl AppUrl {
    /// `/threads/7?x=1` (a leading `/` is added when missing).
    pub fn parse(app_path: &str) -> AppUrl {
        let (path, query) = app_path.split_once('?').unwrap_or((app_path, ""));
        let path = if path.starts_with('/') { path.to_owned() } else { format!("/{path}") };
        AppUrl { path, query: query.to_owned() }
    }

    pub fn page(&self) -> Page {
        Page::from_path(&self.path)
    }

    /// The query's key/value pairs, decoded, in order.
    pub fn pairs(&self) -> Vec<(String, String)> {
        self.query
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
                (decode(k), decode(v))
            })
            .collect()
    }

    /// A query value, decoded; the first wins for a repeated key.
    pub fn param(&self, key: &str) -> Option<String> {
        self.pairs().into_iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Back to the app-path form, `/threads/7?x=1`.
    pub fn to_app_path(&self) -> String {
        if self.query.is_empty() {
            self.path.clone()
        } else {
            format!("{}?{}", self.path, self.query)
        }
    }
}

/// Where the board is in the browser's URL (`pathname`, `search` with `?`, `hash` with `#`),
/// or `None` when the URL is not one of the board's (outside the base path, or a fragment
/// such as `#main` that is not a route).
pub fn from_browser(routing: &Routing, pathname: &str, search: &str, hash: &str) -> Option<AppUrl> {
    match routing {
        Routing::Path { base } => {
            let rest = pathname.strip_prefix(base.as_str())?;
            if !rest.is_empty() && !rest.starts_with('/') {
                // `/portal/communityX` is not under `/portal/community`.
                return None;
            }
            Some(AppUrl::parse(&format!("{rest}{search}")))
        }
        Routing::Hash => {
            let fragment = hash.strip_prefix('#').unwrap_or(hash);
            if fragment.is_empty() {
                return Some(AppUrl::parse("/"));
            }
            fragment.starts_with('/').then(|| AppUrl::parse(fragment))
        }
    }
}

/// The `href` for an app path: what goes in links, so opening one in a new tab works too.
pub fn to_href(routing: &Routing, app_path: &str) -> String {
    let url = AppUrl::parse(app_path);
    match routing {
        Routing::Path { base } => {
            let path = if url.path == "/" && !base.is_empty() { format!("{base}/") } else { format!("{base}{}", url.path) };
            if url.query.is_empty() {
                path
            } else {
                format!("{path}?{}", url.query)
            }
        }
        Routing::Hash => format!("#{}", url.to_app_path()),
    }
}

/// Percent-decoding for query values (`+` is a space, as forms send it); malformed escapes
/// are kept as typed.
pub fn decode(text: &str) -> String {
    let hex = |b: u8| (b as char).to_digit(16);
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&hi), Some(&lo)) => hex(hi).zip(hex(lo)).map(|(h, l)| (h * 16 + l) as u8),
            _ => None,
        };
        match (escaped, bytes[i]) {
            (Some(byte), _) => {
                out.push(byte);
                i += 3;
            }
            (None, b'+') => {
                out.push(b' ');
                i += 1;
            }
            (None, other) => {
                out.push(other);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
