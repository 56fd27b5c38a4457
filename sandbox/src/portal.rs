//! The example host page: a stand-in Members Portal (its own header, navigation and styles)
//! with the board embedded through `embed.js` and `mount(element, options)`. Served with the
//! board at `/portal/community/` (path routing under that base; `?routing=hash` for fragment
//! routing, `?locale=es`, `?theme=dark`), so operators can see an embedding working and the e2e
//! suite can test one. The files are compiled in: the sandbox needs nothing else to show it.

use axum::http::{header, HeaderValue};
use axum::response::{Html, IntoResponse};
use axum::routing::get;
use axum::Router;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::server::AppState;

const PAGE: &str = include_str!("../portal/index.html");
const STYLES: &str = include_str!("../portal/portal.css");
const SCRIPT: &str = include_str!("../portal/portal.js");

/// Adds the portal's routes; every answer carries the board's Content-Security-Policy, which
/// the portal keeps to (no inline script or style).
pub fn routes(router: Router<AppState>, policy: HeaderValue) -> Router<AppState> {
    let page = || async { Html(PAGE) };
    let portal = Router::new()
        .route("/portal", get(page))
        .route("/portal/", get(page))
        // Path routing: every place of the board under the base is the same host page.
        .route("/portal/{*rest}", get(page))
        .route("/portal-assets/portal.css", get(|| async { ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], STYLES).into_response() }))
        .route("/portal-assets/portal.js", get(|| async { ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8")], SCRIPT).into_response() }))
        .layer(SetResponseHeaderLayer::overriding(header::CONTENT_SECURITY_POLICY, policy));
    router.merge(portal)
}
