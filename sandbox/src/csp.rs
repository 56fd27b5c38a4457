//! The Content-Security-Policy the board runs under, and a place for browsers to report
//! violations (the e2e suite asserts there are none).
//!
//! Trunk's loader is one inline module script; rather than allowing inline script, the policy
//! names that script by its SHA-256, computed from the `index.html` being served.

use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use base64::Engine;
use sha2::{Digest, Sha256};

use crate::server::AppState;

/// Where violation reports go (the `report-uri` of the policy).
pub const REPORT_PATH: &str = "/__sandbox/csp-reports";

/// `'sha256-…'` for every inline `<script>` in `html`.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find("<script") {
        let after_open = &rest[open..];
        let Some(tag_end) = after_open.find('>') else { break };
        let tag = &after_open[..tag_end];
        let body_start = &after_open[tag_end + 1..];
        let Some(close) = body_start.find("</script>") else { break };
        if !tag.contains(" src=") {
            let digest = Sha256::digest(&body_start.as_bytes()[..close]);
            hashes.push(format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest)));
        }
        rest = &body_start[close..];
    }
    hashes
}

/// The policy for a board page. `frame_ancestors` says who may embed the board
/// (`'self'` by default; a portal adds its own origin). `connect_src` adds API origins
/// besides this one (a real tenant).
pub fn policy(index_html: &str, frame_ancestors: &str, connect_src: &[String]) -> String {
    let scripts = inline_script_hashes(index_html).join(" ");
    let connect = std::iter::once("'self'".to_owned()).chain(connect_src.iter().cloned()).collect::<Vec<_>>().join(" ");
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {scripts}; style-src 'self'; img-src 'self' data: blob:; \
         connect-src {connect}; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; \
         frame-ancestors {frame_ancestors}; report-uri {REPORT_PATH}"
    )
}

/// Violation reports received, newest last.
#[derive(Clone, Default)]
pub struct Reports(Arc<Mutex<Vec<serde_json::Value>>>);

impl Reports {
    pub fn all(&self) -> Vec<serde_json::Value> {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
}

pub async fn receive(State(state): State<AppState>, body: Bytes) -> StatusCode {
    let report = serde_json::from_slice(&body).unwrap_or_else(|_| serde_json::Value::String(String::from_utf8_lossy(&body).into_owned()));
    tracing::warn!(%report, "CSP violation reported");
    let mut reports = state.csp_reports.0.lock().unwrap_or_else(|p| p.into_inner());
    // Bounded: a misbehaving page must not grow the server's memory without end.
    if reports.len() < 1000 {
        reports.push(report);
    }
    StatusCode::NO_CONTENT
}

pub async fn list(State(state): State<AppState>) -> Json<Vec<serde_json::Value>> {
    Json(state.csp_reports.all())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_inline_scripts_only() {
        let html = "<script src=\"/a.js\"></script><script type=\"module\">alert(1)</script>";
        let hashes = inline_script_hashes(html);
        assert_eq!(hashes.len(), 1);
        // sha256("alert(1)"), base64.
        assert_eq!(hashes[0], "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
        let p = policy(html, "'self'", &["https://x.example".into()]);
        assert!(p.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"));
        assert!(p.contains("connect-src 'self' https://x.example;"));
        assert!(!p.contains("unsafe-inline") && !p.contains("'unsafe-eval'"));
        assert!(p.contains("object-src 'none'") && p.contains("base-uri 'none'"));
    }
}
