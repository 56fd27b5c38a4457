//! Fault injection, off unless the sandbox starts with `--faults`: makes the next N requests
//! to a path fail in a chosen way, so the board's handling of each failure can be tested end
//! to end against a real server.
//!
//! `POST /__sandbox/faults` with `{"path": "/api/community/communitythreads", "kind":
//! "throttle", "count": 2, "retry_after": 3}` queues a fault; `GET` lists the queue;
//! `DELETE` clears it. Kinds: `server_error` (500), `throttle` (409 + `Retry-After`),
//! `delay` (`delay_ms`, then the real answer), `slow_response` (the real work at once, the
//! answer after `delay_ms`), `malformed_json` (200 with a broken body),
//! `unauthorized` (401).

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::server::AppState;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FaultKind {
    ServerError,
    Throttle,
    Delay,
    /// The request is carried out, but the answer is held back for `delay_ms`: the case
    /// where a client gives up and cannot know whether its write happened.
    SlowResponse,
    MalformedJson,
    Unauthorized,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Fault {
    /// Matches requests whose path starts with this.
    pub path: String,
    /// Only this method (any when absent).
    #[serde(default)]
    pub method: Option<String>,
    pub kind: FaultKind,
    /// How many matching requests fail; 1 when absent.
    #[serde(default = "one")]
    pub count: u32,
    #[serde(default)]
    pub retry_after: Option<u32>,
    #[serde(default)]
    pub delay_ms: Option<u64>,
}

fn one() -> u32 {
    1
}

/// The queue of pending faults, shared by the middleware and the control routes.
#[derive(Clone, Default)]
pub struct Faults(Arc<Mutex<Vec<Fault>>>);

impl Faults {
    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Fault>> {
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Takes one use of the first fault matching the request, if any.
    fn take(&self, method: &Method, path: &str) -> Option<Fault> {
        let mut queue = self.lock();
        let index =
            queue.iter().position(|f| path.starts_with(&f.path) && f.method.as_deref().is_none_or(|m| m.eq_ignore_ascii_case(method.as_str())))?;
        let fault = queue[index].clone();
        queue[index].count = queue[index].count.saturating_sub(1);
        if queue[index].count == 0 {
            queue.remove(index);
        }
        Some(fault)
    }
}

pub fn control_routes() -> Router<AppState> {
    Router::new().route("/__sandbox/faults", get(list).post(add).delete(clear))
}

async fn list(State(state): State<AppState>) -> Json<Vec<Fault>> {
    Json(state.faults.lock().clone())
}

async fn add(State(state): State<AppState>, Json(fault): Json<Fault>) -> impl IntoResponse {
    if fault.count == 0 || fault.path.is_empty() {
        return (StatusCode::BAD_REQUEST, Json(json!({ "Message": "A fault needs a path and a count of at least 1." })));
    }
    let mut queue = state.faults.lock();
    queue.push(fault);
    (StatusCode::OK, Json(json!({ "Queued": queue.len() })))
}

async fn clear(State(state): State<AppState>) -> StatusCode {
    state.faults.lock().clear();
    StatusCode::NO_CONTENT
}

/// The middleware: fails a request as queued, or lets it through. Preflights and the
/// control routes themselves are never faulted.
pub async fn inject(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if request.method() == Method::OPTIONS || request.uri().path().starts_with("/__sandbox/") {
        return next.run(request).await;
    }
    let Some(fault) = state.faults.take(request.method(), request.uri().path()) else {
        return next.run(request).await;
    };
    match fault.kind {
        FaultKind::ServerError => (StatusCode::INTERNAL_SERVER_ERROR, Json(json!({ "Message": "An error has occurred." }))).into_response(),
        FaultKind::Throttle => {
            // Nexudus throttles with 409 (not 429), an empty body and Retry-After in seconds.
            let mut response = Response::new(Body::empty());
            *response.status_mut() = StatusCode::CONFLICT;
            let seconds = fault.retry_after.unwrap_or(1).to_string();
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_str(&seconds).expect("digits"));
            response
        }
        FaultKind::Delay => {
            tokio::time::sleep(Duration::from_millis(fault.delay_ms.unwrap_or(5_000))).await;
            next.run(request).await
        }
        FaultKind::SlowResponse => {
            let response = next.run(request).await;
            tokio::time::sleep(Duration::from_millis(fault.delay_ms.unwrap_or(5_000))).await;
            response
        }
        FaultKind::MalformedJson => {
            ([(header::CONTENT_TYPE, "application/json; charset=utf-8")], r#"{"Records": [{"Id": 1, "Subject": "#).into_response()
        }
        FaultKind::Unauthorized => StatusCode::UNAUTHORIZED.into_response(),
    }
}
