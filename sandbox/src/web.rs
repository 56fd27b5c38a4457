//! Serving the built board next to the API: static files with an SPA fallback, the
//! security headers every page gets, and CORS for board pages served from other origins.

use std::path::Path;

use axum::body::Bytes;
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method};
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::server::AppState;

/// Serves `dist` at `/`; any path that is not a file gets `index.html`, so the board's own
/// routes (`/threads/42`) survive a reload. `/api/...` never reaches this fallback. Every
/// file goes out under the board's Content-Security-Policy; `index.html` carries the
/// configured `<meta>` settings.
pub fn board_files(router: Router<AppState>, dist: &Path, config: &crate::config::SandboxConfig) -> Router<AppState> {
    let original = std::fs::read_to_string(dist.join("index.html")).unwrap_or_default();
    let index = with_meta(&original, &config.board_meta);
    let policy = crate::csp::policy(&index, &config.frame_ancestors, &config.connect_src);
    let policy = HeaderValue::from_str(&policy).unwrap_or_else(|_| HeaderValue::from_static("default-src 'self'"));
    let page = Page::new(index);
    let page = move |headers: HeaderMap| {
        let page = page.clone();
        async move { page.answer(&headers) }
    };
    // The release build's files come with `.br` and `.gz` made once at the highest levels
    // (scripts/precompress.mjs): those are sent as they are; the compression layer leaves an
    // answer that is already encoded alone, and compresses what has no such file.
    let files = ServeDir::new(dist).precompressed_br().precompressed_gzip().fallback(axum::routing::get(page.clone()));
    let with_policy =
        tower::ServiceBuilder::new().layer(SetResponseHeaderLayer::overriding(header::CONTENT_SECURITY_POLICY, policy.clone())).service(files);
    let router = crate::portal::routes(router, policy.clone());
    router
        .route("/", axum::routing::get(page.clone()).layer(SetResponseHeaderLayer::overriding(header::CONTENT_SECURITY_POLICY, policy.clone())))
        .route("/index.html", axum::routing::get(page).layer(SetResponseHeaderLayer::overriding(header::CONTENT_SECURITY_POLICY, policy)))
        .fallback_service(with_policy)
}

/// The page every board route gets. It is the same for every request of this sandbox, so it
/// is compressed once, at brotli's highest quality, as a build compresses a static file
/// (scripts/precompress.mjs does the others; this one is rewritten with the settings at
/// start-up). The compression layer's on-the-fly brotli is a faster, lower level: the release
/// page, as the e2e sandbox serves it, was 1.63 KB that way and is 1.40 KB at quality 11.
#[derive(Clone)]
struct Page {
    html: Bytes,
    brotli: Option<Bytes>,
}

impl Page {
    fn new(html: String) -> Page {
        let brotli = brotli_best(html.as_bytes());
        Page { html: Bytes::from(html), brotli }
    }

    /// Brotli when the browser takes it; otherwise the page as it is, which the compression
    /// layer still gzips for a browser that asks for gzip.
    fn answer(&self, headers: &HeaderMap) -> Response {
        let html = (header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
        let vary = (header::VARY, HeaderValue::from_static("accept-encoding"));
        match &self.brotli {
            Some(brotli) if accepts_brotli(headers) => {
                ([html, vary, (header::CONTENT_ENCODING, HeaderValue::from_static("br"))], brotli.clone()).into_response()
            }
            _ => ([html, vary], self.html.clone()).into_response(),
        }
    }
}

/// `bytes` at brotli quality 11 (window 2^22, as the build's files).
fn brotli_best(mut bytes: &[u8]) -> Option<Bytes> {
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    let mut out = Vec::new();
    brotli::BrotliCompress(&mut bytes, &mut out, &params).ok()?;
    Some(Bytes::from(out))
}

/// Whether `Accept-Encoding` lists `br` (names and parameters in any case), not refused with
/// `q=0`.
fn accepts_brotli(headers: &HeaderMap) -> bool {
    let mut codings = headers.get_all(header::ACCEPT_ENCODING).into_iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(','));
    codings.any(|coding| {
        let mut parts = coding.split(';');
        let named = parts.next().is_some_and(|name| name.trim().eq_ignore_ascii_case("br"));
        let weight =
            |p: &str| p.split_once('=').filter(|(key, _)| key.trim().eq_ignore_ascii_case("q")).and_then(|(_, q)| q.trim().parse::<f32>().ok());
        let refused = parts.any(|p| weight(p) == Some(0.0));
        named && !refused
    })
}

/// `html` with each `<meta name=… content=…>` set: an existing tag of that name is replaced
/// where it stands, a new one goes before the first script (the page's inline script reads
/// the settings as it runs: a tag after it would be seen by the board only).
/// The release build's `index.html` is minified (`<meta name=nexudus-api-base>`, attributes
/// unquoted and in any order), so tags are recognised by their `name` attribute, not by text.
pub fn with_meta(html: &str, meta: &[(String, String)]) -> String {
    let mut out = html.to_owned();
    for (name, value) in meta {
        let escape = |s: &str| s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;");
        let tag = format!("<meta name=\"{}\" content=\"{}\">\n", escape(name), escape(value));
        if let Some(range) = meta_tag_named(&out, name) {
            out.replace_range(range, &tag);
            continue;
        }
        match out.find("<script").or_else(|| out.find("</head>")) {
            Some(at) => out.insert_str(at, &tag),
            None => out.insert_str(0, &tag),
        }
    }
    out
}

/// Where the first `<meta>` tag whose `name` is `wanted` sits in `html`, `<` to `>`.
fn meta_tag_named(html: &str, wanted: &str) -> Option<std::ops::Range<usize>> {
    let mut from = 0;
    while let Some(found) = html[from..].find("<meta") {
        let start = from + found;
        let attributes = &html[start + "<meta".len()..];
        // `<metadata>` and the like are other elements.
        if !attributes.bytes().next().is_some_and(|b| b.is_ascii_whitespace() || b == b'/' || b == b'>') {
            from = start + "<meta".len();
            continue;
        }
        let (names, len) = tag_attributes(attributes);
        let end = start + "<meta".len() + len;
        if names.iter().any(|(key, value)| key.eq_ignore_ascii_case("name") && *value == wanted) {
            return Some(start..end);
        }
        from = end;
    }
    None
}

/// The attributes of a tag whose name has been read, up to and including its `>`, and how
/// many bytes that took. Values may be double-quoted, single-quoted or bare.
fn tag_attributes(text: &str) -> (Vec<(&str, &str)>, usize) {
    let bytes = text.as_bytes();
    let mut at = 0;
    let mut found = Vec::new();
    let is_space = |b: u8| b.is_ascii_whitespace();
    loop {
        while at < bytes.len() && (is_space(bytes[at]) || bytes[at] == b'/') {
            at += 1;
        }
        if at >= bytes.len() {
            return (found, at);
        }
        if bytes[at] == b'>' {
            return (found, at + 1);
        }
        let key_start = at;
        while at < bytes.len() && !is_space(bytes[at]) && !matches!(bytes[at], b'=' | b'>' | b'/') {
            at += 1;
        }
        let key = &text[key_start..at];
        let mut value = "";
        if at < bytes.len() && bytes[at] == b'=' {
            at += 1;
            match bytes.get(at) {
                Some(&quote @ (b'"' | b'\'')) => {
                    let value_start = at + 1;
                    let close = text[value_start..].find(quote as char).map_or(bytes.len(), |n| value_start + n);
                    value = &text[value_start..close];
                    at = (close + 1).min(bytes.len());
                }
                _ => {
                    let value_start = at;
                    while at < bytes.len() && !is_space(bytes[at]) && bytes[at] != b'>' {
                        at += 1;
                    }
                    value = &text[value_start..at];
                }
            }
        }
        found.push((key, value));
    }
}

pub fn security_headers(router: Router<AppState>) -> Router<AppState> {
    router
        .layer(SetResponseHeaderLayer::if_not_present(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(SetResponseHeaderLayer::if_not_present(header::REFERRER_POLICY, HeaderValue::from_static("same-origin")))
}

/// The host of an origin.
enum OriginHost {
    /// A name or an IPv4 address, lowercased.
    Name(String),
    /// An IPv6 address (written in brackets).
    V6(String),
}

/// The host of a serialized origin, `scheme "://" host [":" port]` (RFC 6454) with an `http`
/// or `https` scheme. `None` for anything else: an origin has no user name, password, path,
/// query or fragment, so an `Origin` header with any of them is no browser's and is not trusted.
fn origin_host(origin: &str) -> Option<OriginHost> {
    let (scheme, authority) = origin.split_once("://")?;
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    if authority.contains(['@', '/', '\\', '?', '#']) || authority.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let (host, port) = match authority.strip_prefix('[') {
        Some(bracketed) => {
            let (host, port) = bracketed.split_once(']')?;
            (OriginHost::V6(host.to_owned()), port)
        }
        None => {
            let (host, port) = authority.split_at(authority.find(':').unwrap_or(authority.len()));
            if host.is_empty() {
                return None;
            }
            (OriginHost::Name(host.to_ascii_lowercase()), port)
        }
    };
    let port_ok =
        port.is_empty() || port.strip_prefix(':').is_some_and(|digits| digits.bytes().all(|b| b.is_ascii_digit()) && digits.parse::<u16>().is_ok());
    port_ok.then_some(host)
}

/// Whether `origin` is a page on this machine: browser tests and a development board run on
/// other loopback ports than the sandbox. Only the name `localhost` and real loopback
/// addresses count (127.0.0.0/8 and `[::1]`); a host that merely starts like one
/// (`127.0.0.1.example.net`, `localhost.example.net`) is somebody else's.
pub fn is_loopback_origin(origin: &str) -> bool {
    match origin_host(origin) {
        Some(OriginHost::Name(name)) => name == "localhost" || name.parse::<std::net::Ipv4Addr>().is_ok_and(|ip| ip.is_loopback()),
        Some(OriginHost::V6(address)) => address.parse::<std::net::Ipv6Addr>().is_ok_and(|ip| ip.is_loopback()),
        None => false,
    }
}

pub fn cors(extra_origins: Vec<String>) -> CorsLayer {
    CorsLayer::new()
        .allow_origin(AllowOrigin::predicate(move |origin: &HeaderValue, _| {
            origin.to_str().is_ok_and(|o| is_loopback_origin(o) || extra_origins.iter().any(|e| e == o))
        }))
        .allow_methods([Method::GET, Method::POST, Method::PUT, Method::DELETE])
        .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE, HeaderName::from_static("client_id"), HeaderName::from_static("x-use-timezone")])
        .expose_headers([header::RETRY_AFTER])
}

#[cfg(test)]
mod tests {
    use super::is_loopback_origin;

    #[test]
    fn meta_settings_replace_or_join_the_head() {
        let html = "<head><meta name=\"nexudus-api-base\" content=\"\"><title>x</title></head>";
        let out = super::with_meta(html, &[("nexudus-api-base".into(), "https://a.example".into()), ("x".into(), "\"<>".into())]);
        assert_eq!(out.matches("nexudus-api-base").count(), 1);
        assert!(out.contains("<meta name=\"nexudus-api-base\" content=\"https://a.example\">"));
        assert!(out.contains("content=\"&quot;&lt;&gt;\""));
    }

    #[test]
    fn meta_settings_replace_minified_tags() {
        // As trunk's release build writes them: unquoted, any attribute order, no content.
        let html = "<meta content=\"width=device-width\" name=viewport><meta name=nexudus-api-base><meta content=x name='board-routing'/><title>x</title></head>";
        let settings = [("nexudus-api-base".into(), "https://a.example".into()), ("board-routing".into(), "hash".into())];
        let out = super::with_meta(html, &settings);
        assert_eq!(out.matches("nexudus-api-base").count(), 1, "{out}");
        assert_eq!(out.matches("board-routing").count(), 1, "{out}");
        assert!(out.contains("<meta name=\"nexudus-api-base\" content=\"https://a.example\">"), "{out}");
        assert!(out.contains("<meta content=\"width=device-width\" name=viewport>"), "{out}");
        // A name that only starts like the wanted one is not it, nor another element.
        let out = super::with_meta("<metadata name=nexudus-api-base><meta name=nexudus-api-base-old></head>", &settings[..1]);
        assert!(out.contains("<meta name=nexudus-api-base-old>") && out.contains("<metadata name=nexudus-api-base>"), "{out}");
        // Before the page's inline script, which reads the settings as it runs: replaced
        // where it stood, or new before the first script.
        let page = "<meta name=nexudus-api-base><script>read()</script></head>";
        let out = super::with_meta(page, &[("nexudus-api-base".into(), "https://a.example".into()), ("board-page-size".into(), "1000".into())]);
        let script = out.find("<script").unwrap();
        assert!(out.find("https://a.example").unwrap() < script && out.find("board-page-size").unwrap() < script, "{out}");
    }

    #[test]
    fn only_loopback_origins_count() {
        for origin in [
            "http://127.0.0.1:5000",
            "http://127.0.0.1",
            "https://127.255.10.2:443",
            "http://localhost:8080",
            "HTTP://LOCALHOST:8080",
            "http://[::1]:3000",
            "http://[0:0:0:0:0:0:0:1]",
        ] {
            assert!(is_loopback_origin(origin), "{origin}");
        }
        for origin in [
            "http://127.0.0.1.evil.example",
            "http://127.evil.example.com",
            "http://127.x.example",
            "http://127.0.0.1.example.net",
            "http://localhost.example.net",
            "http://localhost.",
            // The host is evil.example; "127.0.0.1" is a user name.
            "http://127.0.0.1@evil.example",
            // The host is 127.0.0.1, but no browser sends an origin with a user name.
            "http://evil.example@127.0.0.1",
            "http://127.0.0.1:5000/path",
            "http://127.0.0.1:",
            "http://127.0.0.1:99999",
            "http://127.0.0.1:80x",
            "http://[::1",
            "http://::1",
            "http://[127.0.0.1]",
            "http://[::2]",
            "http://128.0.0.1",
            "ftp://127.0.0.1",
            "http://",
            "https://example.com",
            "127.0.0.1",
            "null",
            "",
        ] {
            assert!(!is_loopback_origin(origin), "{origin}");
        }
    }
}
