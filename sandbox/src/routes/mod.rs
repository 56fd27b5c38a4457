//! HTTP handlers: the shared REST surface (`resource`, `listing`), one module per family of
//! entities with its own rules, and the Members Portal's Public API board (`portal_board`).

pub mod authorship;
pub mod files;
pub mod groups;
pub mod listing;
pub mod marks;
pub mod messages;
pub mod people;
pub mod portal_board;
pub mod profiles;
pub mod resource;
pub mod threads;
pub mod token;

use axum::routing::{get, post};
use axum::Router;

use crate::server::AppState;

/// Every route under `/api` the sandbox answers.
pub fn api_routes() -> Router<AppState> {
    Router::new()
        .route("/api/token", post(token::issue))
        .merge(resource::routes::<threads::Threads>("/api/community/communitythreads"))
        .merge(resource::routes::<messages::Messages>("/api/community/communitymessages"))
        .merge(resource::routes::<groups::Groups>("/api/community/communitygroups"))
        .merge(resource::routes::<marks::Follows>("/api/community/communitythreadfollows"))
        .merge(resource::routes::<marks::Likes>("/api/community/communitythreadlikes"))
        .merge(resource::routes::<marks::MessageLikes>("/api/community/communitymessagelikes"))
        .merge(resource::routes::<marks::Mutes>("/api/community/communitythreadmutes"))
        .merge(files::routes())
        .merge(people::read_routes::<people::Users>("/api/sys/users"))
        .merge(people::read_routes::<people::Coworkers>("/api/spaces/coworkers"))
        .merge(people::read_routes::<people::Businesses>("/api/sys/businesses"))
        .route("/api/public/coworkers/profiles", get(profiles::who_am_i))
        .merge(portal_board::routes())
}

/// Images outside `/api`: served locally even when `/api` goes to a tenant.
pub fn media_routes() -> Router<AppState> {
    Router::new().route("/media/coworker/{id}/avatar", get(people::avatar))
}
