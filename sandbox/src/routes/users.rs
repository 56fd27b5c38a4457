//! `/api/sys/users`: names and emails behind the `UserId`s on threads and replies.

use axum::extract::{Path, RawQuery, State};
use axum::response::Response;
use axum::Json;
use serde_json::{Map, Value};

use super::listing;
use crate::auth::Caller;
use crate::entity::USER;
use crate::error::ApiError;
use crate::list_query;
use crate::server::AppState;

pub async fn list(State(state): State<AppState>, caller: Caller, RawQuery(query): RawQuery) -> Result<Response, ApiError> {
    caller.require(if list_query::is_batch(query.as_deref()) { "User-Read" } else { "User-List" })?;
    listing::list(&state, &USER, query, None).await
}

pub async fn get_one(State(state): State<AppState>, caller: Caller, Path(id): Path<String>) -> Result<Json<Map<String, Value>>, ApiError> {
    caller.require("User-Read")?;
    let id = listing::parse_id(&id)?;
    Ok(Json(listing::get_one(&state, &USER, id, None).await?))
}
