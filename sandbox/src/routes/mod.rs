//! HTTP handlers, one module per resource family.

pub mod listing;
pub mod profiles;
pub mod threads;
pub mod token;
pub mod users;

use axum::routing::{get, post};
use axum::Router;

use crate::server::AppState;

/// Every API route the sandbox answers.
pub fn api_routes() -> Router<AppState> {
    Router::new()
        .route("/api/token", post(token::issue))
        .route("/api/community/communitythreads", get(threads::list))
        .route("/api/community/communitythreads/", get(threads::list))
        .route("/api/community/communitythreads/{id}", get(threads::get_one))
        .route("/api/sys/users", get(users::list))
        .route("/api/sys/users/", get(users::list))
        .route("/api/sys/users/{id}", get(users::get_one))
        .route("/api/public/coworkers/profiles", get(profiles::who_am_i))
}
