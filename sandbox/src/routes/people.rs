//! People and places, read-only: `/api/sys/users`, `/api/spaces/coworkers`,
//! `/api/sys/businesses` (list, batch and get, behind `<Entity>-List`/`-Read`), and avatars.

use axum::extract::{Path, RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use rusqlite::OptionalExtension;
use serde_json::{Map, Value};

use super::listing;
use crate::auth::Caller;
use crate::entity::{Entity, BUSINESS, COWORKER, USER};
use crate::error::ApiError;
use crate::list_query;
use crate::server::AppState;

pub trait ReadOnly: Send + Sync + 'static {
    const ENTITY: &'static Entity;
}

pub struct Users;
pub struct Coworkers;
pub struct Businesses;

impl ReadOnly for Users {
    const ENTITY: &'static Entity = &USER;
}
impl ReadOnly for Coworkers {
    const ENTITY: &'static Entity = &COWORKER;
}
impl ReadOnly for Businesses {
    const ENTITY: &'static Entity = &BUSINESS;
}

pub fn read_routes<R: ReadOnly>(base: &str) -> Router<AppState> {
    Router::new().route(base, get(list::<R>)).route(&format!("{base}/"), get(list::<R>)).route(&format!("{base}/{{id}}"), get(get_one::<R>))
}

async fn list<R: ReadOnly>(State(state): State<AppState>, caller: Caller, RawQuery(query): RawQuery) -> Result<Response, ApiError> {
    let action = if list_query::is_batch(query.as_deref()) { "Read" } else { "List" };
    caller.require(&format!("{}-{action}", R::ENTITY.name))?;
    Ok(listing::list(&state, R::ENTITY, query).await?.into_response())
}

async fn get_one<R: ReadOnly>(State(state): State<AppState>, caller: Caller, Path(id): Path<String>) -> Result<Json<Map<String, Value>>, ApiError> {
    caller.require(&format!("{}-Read", R::ENTITY.name))?;
    let id = listing::parse_id(&id)?;
    Ok(Json(listing::get_one(&state, R::ENTITY, id).await?))
}

/// `/media/coworker/{id}/avatar`: a placeholder portrait (initials on a colour derived from
/// the id). Images load without a bearer token, as on Nexudus, so this route is public.
pub async fn avatar(State(state): State<AppState>, Path(id): Path<String>) -> Result<Response, ApiError> {
    let id = listing::parse_id(&id)?;
    let name: Option<String> =
        state.db.call(move |conn| Ok(conn.query_row("SELECT full_name FROM coworkers WHERE id = ?1", [id], |r| r.get(0)).optional()?)).await?;
    let name = name.ok_or(ApiError::NotFound)?;
    let initials: String = {
        let words: Vec<&str> = name.split_whitespace().collect();
        let picked = match words.as_slice() {
            [] => vec![],
            [one] => vec![*one],
            [first, .., last] => vec![*first, *last],
        };
        picked.iter().filter_map(|w| w.chars().next()).flat_map(char::to_uppercase).collect()
    };
    let hue = (id * 47) % 360;
    // Initials are letters from a seeded or validated name; escape anyway, it is markup.
    let text = initials.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96"><rect width="96" height="96" fill="hsl({hue},45%,35%)"/><text x="48" y="58" font-family="sans-serif" font-size="36" fill="#fff" text-anchor="middle">{text}</text></svg>"##
    );
    Ok(([(header::CONTENT_TYPE, "image/svg+xml"), (header::CACHE_CONTROL, "public, max-age=3600")], svg).into_response())
}
