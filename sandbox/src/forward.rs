//! Development against a real tenant (`--forward-api`): every `/api` request goes on to the
//! tenant and its answer comes back as it was.
//!
//! A board served by the sandbox calls its own origin, so the browser never makes a
//! cross-origin request and the tenant's CORS settings do not matter. The board's files,
//! `/__sandbox/*` and the CSP stay local. To the tenant each request is a plain
//! server-to-server call: the browser's `Origin`, `Referer`, cookies and fetch metadata are
//! left behind, and so are the headers that only describe the hop between two machines.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderName, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use axum::{Json, Router};

use crate::server::AppState;

/// How long the tenant has to answer a request, body included.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// The largest body forwarded either way. Board requests and answers are a few KB (a long
/// message is a few hundred); anything past this is refused with a message, never cut short.
pub const MAX_BODY_BYTES: usize = 32 * 1024 * 1024;

/// A tenant's address as `--forward-api` takes it: scheme, host and port only
/// (`https://yourspace.spaces.nexudus.com`). The sandbox appends each request's own path.
#[derive(Clone, PartialEq, Eq)]
pub struct TenantOrigin(String);

impl TenantOrigin {
    pub fn parse(text: &str) -> Result<TenantOrigin, String> {
        let example = "e.g. https://yourspace.spaces.nexudus.com";
        let url = reqwest::Url::parse(text.trim()).map_err(|e| format!("not a URL ({e}); expected the tenant's address, {example}"))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(format!("the address must start with https:// (or http://), {example}"));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err("the address must not carry a user name or password; the board sends its own token".into());
        }
        if url.host_str().is_none_or(str::is_empty) {
            return Err(format!("the address has no host, {example}"));
        }
        if url.path() != "/" || url.query().is_some() || url.fragment().is_some() {
            return Err(format!(
                "give the tenant's address alone, without a path, query or fragment ({example}); requests keep their own /api/… path"
            ));
        }
        Ok(TenantOrigin(url.origin().ascii_serialization()))
    }

    /// `https://host[:port]`, without a trailing slash.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Host and port the way `SocketAddr` would print them, to notice a sandbox pointed at itself.
    pub fn host_and_port(&self) -> Option<(String, u16)> {
        let url = reqwest::Url::parse(&self.0).ok()?;
        Some((url.host_str()?.trim_matches(['[', ']']).to_owned(), url.port_or_known_default()?))
    }
}

impl fmt::Display for TenantOrigin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for TenantOrigin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TenantOrigin({})", self.0)
    }
}

/// Where `/api` goes and how long it may take.
#[derive(Clone, Debug)]
pub struct ForwardApi {
    pub tenant: TenantOrigin,
    pub timeout: Duration,
}

impl ForwardApi {
    pub fn new(tenant: TenantOrigin) -> Self {
        ForwardApi { tenant, timeout: DEFAULT_TIMEOUT }
    }
}

/// The forwarding client, built once per sandbox so connections to the tenant are reused.
pub struct Forwarder {
    tenant: TenantOrigin,
    timeout: Duration,
    client: reqwest::Client,
}

impl Forwarder {
    pub fn new(settings: &ForwardApi) -> Result<Forwarder, reqwest::Error> {
        let client = reqwest::Client::builder()
            .timeout(settings.timeout)
            .connect_timeout(settings.timeout.min(Duration::from_secs(10)))
            // A redirect is part of the tenant's answer; the board (or its browser) decides.
            .redirect(reqwest::redirect::Policy::none())
            .build()?;
        Ok(Forwarder { tenant: settings.tenant.clone(), timeout: settings.timeout, client })
    }
}

/// `/api` and everything under it, to the tenant.
pub fn routes() -> Router<AppState> {
    Router::new().route("/api", any(forward)).route("/api/", any(forward)).route("/api/{*rest}", any(forward))
}

async fn forward(State(state): State<AppState>, request: Request) -> Response {
    let Some(forwarder) = state.forwarder.clone() else {
        return failure(StatusCode::NOT_FOUND, "forwarding is not configured".into());
    };
    let method = request.method().clone();
    // Logged without the query string: filters can hold search text or e-mail addresses.
    let path = request.uri().path().to_owned();
    let started = Instant::now();
    let response = forwarder.send(request).await;
    let ms = started.elapsed().as_millis();
    let status = response.status().as_u16();
    match response.extensions().get::<OwnAnswer>() {
        Some(OwnAnswer(why)) => tracing::warn!(%method, %path, status, ms, why = %why, "forwarding failed; answered by the sandbox"),
        None => tracing::info!(%method, %path, status, ms, "forwarded"),
    }
    response
}

impl Forwarder {
    async fn send(self: Arc<Self>, request: Request) -> Response {
        let (parts, body) = request.into_parts();
        let target = match self.target(parts.uri.path_and_query().map_or("/api", |pq| pq.as_str())) {
            Ok(url) => url,
            Err(message) => return failure(StatusCode::BAD_REQUEST, message),
        };
        let body = match read_limited(body, MAX_BODY_BYTES).await {
            Ok(bytes) => bytes,
            Err(BodyError::TooLarge) => {
                return failure(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    format!("the request body is over {} MB; the sandbox does not forward it", MAX_BODY_BYTES >> 20),
                )
            }
            Err(BodyError::Broken(e)) => return failure(StatusCode::BAD_REQUEST, format!("the request body could not be read: {e}")),
        };
        let answer = self.client.request(parts.method.clone(), target).headers(outgoing_headers(&parts.headers)).body(body).send().await;
        let mut answer = match answer {
            Ok(answer) => answer,
            Err(e) => return self.unreachable(&e),
        };
        let status = answer.status();
        let headers = incoming_headers(answer.headers(), parts.method == Method::HEAD);
        let mut bytes = Vec::new();
        loop {
            match answer.chunk().await {
                Ok(Some(chunk)) if bytes.len() + chunk.len() > MAX_BODY_BYTES => {
                    return failure(
                        StatusCode::BAD_GATEWAY,
                        format!("the tenant's answer is over {} MB; the sandbox does not pass it on", MAX_BODY_BYTES >> 20),
                    );
                }
                Ok(Some(chunk)) => bytes.extend_from_slice(&chunk),
                Ok(None) => break,
                Err(e) => return self.unreachable(&e),
            }
        }
        let mut response = Response::new(Body::from(bytes));
        *response.status_mut() = status;
        *response.headers_mut() = headers;
        response
    }

    /// The tenant's URL for a request's path and query. The path must still be under `/api`
    /// once `.` and `..` segments are resolved, so nothing else on the tenant is reachable.
    fn target(&self, path_and_query: &str) -> Result<reqwest::Url, String> {
        let url = reqwest::Url::parse(&format!("{}{path_and_query}", self.tenant)).map_err(|e| format!("the path cannot be forwarded: {e}"))?;
        if url.path() == "/api" || url.path().starts_with("/api/") {
            Ok(url)
        } else {
            Err("the path leaves /api once resolved; only /api is forwarded".into())
        }
    }

    /// 504 when the tenant took too long, 502 when it could not be reached or broke off.
    fn unreachable(&self, error: &reqwest::Error) -> Response {
        let status = if error.is_timeout() && !error.is_connect() { StatusCode::GATEWAY_TIMEOUT } else { StatusCode::BAD_GATEWAY };
        let what = if error.is_connect() {
            "could not be reached"
        } else if error.is_timeout() {
            "did not answer in time"
        } else {
            "broke off the exchange"
        };
        let limit = if error.is_timeout() { format!(" (limit {} s)", self.timeout.as_secs_f32()) } else { String::new() };
        failure(status, format!("the tenant {} {what}{limit}: {}", self.tenant, causes(error)))
    }
}

/// An error and its causes on one line, without the URL (its query may hold search text).
fn causes(error: &reqwest::Error) -> String {
    let mut text = String::new();
    let mut cause: Option<&dyn std::error::Error> = Some(error);
    while let Some(e) = cause {
        let part = match e.downcast_ref::<reqwest::Error>() {
            Some(r) if r.url().is_some() => r.to_string().split(" for url (").next().unwrap_or_default().to_owned(),
            _ => e.to_string(),
        };
        if !part.is_empty() && !text.contains(&part) {
            if !text.is_empty() {
                text.push_str(": ");
            }
            text.push_str(&part);
        }
        cause = e.source();
    }
    text
}

/// The sandbox's own answer when forwarding fails, in Nexudus' error shape so the board shows
/// it as any other server error.
fn failure(status: StatusCode, message: String) -> Response {
    let mut response = (status, Json(serde_json::json!({ "Message": format!("sandbox --forward-api: {message}") }))).into_response();
    response.extensions_mut().insert(OwnAnswer(message));
    response
}

/// Marks an answer the sandbox made up (the tenant gave none), so the log says why.
#[derive(Clone)]
struct OwnAnswer(String);

enum BodyError {
    TooLarge,
    Broken(axum::Error),
}

/// The whole body, or why not. Buffered: the bodies are small, and a complete body lets a
/// failed request be answered with a status rather than a cut-off stream.
async fn read_limited(body: Body, limit: usize) -> Result<axum::body::Bytes, BodyError> {
    axum::body::to_bytes(body, limit).await.map_err(|e| {
        let too_large = std::iter::successors(Some(&e as &dyn std::error::Error), |e| e.source()).any(|e| e.is::<http_body_util::LengthLimitError>());
        if too_large {
            BodyError::TooLarge
        } else {
            BodyError::Broken(e)
        }
    })
}

/// Headers that describe one connection, not the message (RFC 9110 §7.6.1), plus those the
/// `Connection` header names.
fn hop_by_hop(headers: &HeaderMap) -> Vec<HeaderName> {
    let mut names: Vec<HeaderName> = [
        header::CONNECTION,
        header::PROXY_AUTHENTICATE,
        header::PROXY_AUTHORIZATION,
        header::TE,
        header::TRAILER,
        header::TRANSFER_ENCODING,
        header::UPGRADE,
        HeaderName::from_static("keep-alive"),
        HeaderName::from_static("proxy-connection"),
    ]
    .into();
    for value in headers.get_all(header::CONNECTION) {
        let listed = value.to_str().unwrap_or_default().split(',').filter_map(|n| HeaderName::try_from(n.trim()).ok());
        names.extend(listed);
    }
    names
}

/// What goes to the tenant: the request's end-to-end headers, minus what ties it to the
/// browser page. `Host` and `Content-Length` are set by the client for the new request.
fn outgoing_headers(incoming: &HeaderMap) -> HeaderMap {
    let mut headers = incoming.clone();
    for name in hop_by_hop(incoming) {
        headers.remove(name);
    }
    for name in [header::HOST, header::CONTENT_LENGTH, header::ORIGIN, header::REFERER, header::COOKIE] {
        headers.remove(name);
    }
    let fetch_metadata: Vec<HeaderName> = headers.keys().filter(|n| n.as_str().starts_with("sec-fetch-")).cloned().collect();
    for name in fetch_metadata {
        headers.remove(name);
    }
    headers
}

/// What goes back to the browser: the tenant's end-to-end headers, except
/// - `Content-Length`, recomputed for the buffered body (kept for HEAD, which has none);
/// - CORS headers: the browser talks to the sandbox, whose own CORS policy applies;
/// - `Set-Cookie`: cookies would land on the sandbox's origin and are never sent back.
fn incoming_headers(tenant: &HeaderMap, head: bool) -> HeaderMap {
    let mut headers = tenant.clone();
    for name in hop_by_hop(tenant) {
        headers.remove(name);
    }
    if !head {
        headers.remove(header::CONTENT_LENGTH);
    }
    headers.remove(header::SET_COOKIE);
    let cors: Vec<HeaderName> = headers.keys().filter(|n| n.as_str().starts_with("access-control-")).cloned().collect();
    for name in cors {
        headers.remove(name);
    }
    headers
}

/// Whether forwarding to `tenant` from a sandbox listening on `local` would reach the sandbox
/// itself, and so loop until every request timed out.
pub fn points_at_itself(tenant: &TenantOrigin, local: std::net::SocketAddr) -> bool {
    let Some((host, port)) = tenant.host_and_port() else { return false };
    if port != local.port() {
        return false;
    }
    let ip = host.parse::<std::net::IpAddr>().ok();
    if ip == Some(local.ip()) {
        return true;
    }
    // A sandbox on loopback or on every interface answers any loopback name at its port.
    let tenant_loopback = host == "localhost" || ip.is_some_and(|ip| ip.is_loopback() || ip.is_unspecified());
    tenant_loopback && (local.ip().is_loopback() || local.ip().is_unspecified())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn tenant_addresses_are_origins_only() {
        let ok = TenantOrigin::parse("https://yourspace.spaces.nexudus.com").unwrap();
        assert_eq!(ok.as_str(), "https://yourspace.spaces.nexudus.com");
        assert_eq!(TenantOrigin::parse("https://Yourspace.spaces.nexudus.com/").unwrap().as_str(), "https://yourspace.spaces.nexudus.com");
        assert_eq!(TenantOrigin::parse("http://127.0.0.1:9000").unwrap().as_str(), "http://127.0.0.1:9000");
        assert_eq!(TenantOrigin::parse("https://x.example:443").unwrap().as_str(), "https://x.example");
        for bad in [
            "",
            "yourspace.spaces.nexudus.com",
            "ftp://x.example",
            "https://x.example/api",
            "https://x.example/?a=1",
            "https://x.example?",
            "https://x.example/#top",
            "https://user:pw@x.example",
            "file:///etc/passwd",
        ] {
            assert!(TenantOrigin::parse(bad).is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn forwarded_paths_stay_under_api() {
        let settings = ForwardApi::new(TenantOrigin::parse("https://t.example").unwrap());
        let f = Forwarder::new(&settings).unwrap();
        assert_eq!(f.target("/api/token").unwrap().as_str(), "https://t.example/api/token");
        assert_eq!(
            f.target("/api/community/communitythreads?page=2&id=[1,2]").unwrap().as_str(),
            "https://t.example/api/community/communitythreads?page=2&id=[1,2]"
        );
        assert!(f.target("/api").is_ok());
        assert!(f.target("/api/../admin").is_err());
        assert!(f.target("/api/%2e%2e/admin").is_err());
        assert!(f.target("/apiary").is_err());
    }

    #[test]
    fn browser_and_connection_headers_stay_behind() {
        let mut h = HeaderMap::new();
        for (n, v) in [
            ("authorization", "Bearer t"),
            ("client_id", "tab-1"),
            ("content-type", "application/json"),
            ("accept", "application/json"),
            ("host", "127.0.0.1:8080"),
            ("origin", "http://127.0.0.1:8080"),
            ("referer", "http://127.0.0.1:8080/threads/1"),
            ("cookie", "a=b"),
            ("sec-fetch-site", "same-origin"),
            ("connection", "keep-alive, x-hop"),
            ("x-hop", "1"),
            ("keep-alive", "timeout=5"),
            ("content-length", "12"),
        ] {
            h.insert(HeaderName::from_static(n), HeaderValue::from_static(v));
        }
        let out = outgoing_headers(&h);
        let mut names: Vec<&str> = out.keys().map(|n| n.as_str()).collect();
        names.sort();
        assert_eq!(names, ["accept", "authorization", "client_id", "content-type"]);
    }

    #[test]
    fn tenant_headers_come_back_but_cors_and_cookies_do_not() {
        let mut h = HeaderMap::new();
        for (n, v) in [
            ("content-type", "application/json"),
            ("retry-after", "3"),
            ("access-control-allow-origin", "*"),
            ("set-cookie", "ARRAffinity=1"),
            ("transfer-encoding", "chunked"),
            ("content-length", "5"),
        ] {
            h.insert(HeaderName::from_static(n), HeaderValue::from_static(v));
        }
        let mut names: Vec<String> = incoming_headers(&h, false).keys().map(|n| n.to_string()).collect();
        names.sort();
        assert_eq!(names, ["content-type", "retry-after"]);
        assert!(incoming_headers(&h, true).contains_key("content-length"));
    }

    #[test]
    fn a_sandbox_pointed_at_itself_is_noticed() {
        let local: std::net::SocketAddr = "127.0.0.1:8080".parse().unwrap();
        let at = |u: &str| points_at_itself(&TenantOrigin::parse(u).unwrap(), local);
        assert!(at("http://127.0.0.1:8080"));
        assert!(at("http://localhost:8080"));
        assert!(!at("http://127.0.0.1:8081"));
        assert!(!at("https://yourspace.spaces.nexudus.com"));
    }

    #[tokio::test]
    async fn oversized_bodies_are_refused_not_cut() {
        assert!(matches!(read_limited(Body::from(vec![0u8; 11]), 10).await, Err(BodyError::TooLarge)));
        assert_eq!(read_limited(Body::from(vec![0u8; 10]), 10).await.ok().map(|b| b.len()), Some(10));
    }
}
