//! The list, batch and get-by-id handlers shared by every entity.

use axum::response::{IntoResponse, Response};
use axum::Json;
use rusqlite::types::Value as SqlValue;
use rusqlite::OptionalExtension;
use serde_json::{Map, Value};

use crate::entity::Entity;
use crate::envelope::list_envelope;
use crate::error::ApiError;
use crate::list_query;
use crate::server::AppState;

/// What a list request answers: a page in the envelope, or the batch form's bare records
/// (to which an entity may still add its collection properties).
pub enum Listing {
    Page(Value),
    Batch(Vec<Map<String, Value>>),
}

impl IntoResponse for Listing {
    fn into_response(self) -> Response {
        match self {
            Listing::Page(envelope) => Json(envelope).into_response(),
            Listing::Batch(records) => Json(records).into_response(),
        }
    }
}

/// `GET /<entities>?...`: the list envelope, or a bare array for `?id=[..]`.
pub async fn list(state: &AppState, entity: &'static Entity, raw_query: Option<String>) -> Result<Listing, ApiError> {
    let mut query = list_query::parse(raw_query.as_deref(), entity, state.config.dir_convention)?;
    if let Some(ids) = query.batch_ids.take() {
        // A batch lists records by id; paging does not apply.
        if ids.is_empty() {
            return Ok(Listing::Batch(Vec::new()));
        }
        query.conditions.push(format!("t.id IN ({})", vec!["?"; ids.len()].join(",")));
        query.params.extend(ids.into_iter().map(SqlValue::Integer));
        let records = state
            .db
            .call(move |conn| {
                let sql =
                    format!("SELECT {} FROM {} t WHERE {} ORDER BY t.id", entity.select_columns("t"), entity.table, query.conditions.join(" AND "));
                let mut stmt = conn.prepare(&sql)?;
                let rows = stmt.query_map(rusqlite::params_from_iter(query.params.iter()), |r| entity.record_from_row(r))?;
                Ok(rows.collect::<Result<Vec<_>, _>>()?)
            })
            .await?;
        return Ok(Listing::Batch(records));
    }

    let paging = query.paging.clone();
    let (records, total) = state
        .db
        .call(move |conn| {
            let filter = if query.conditions.is_empty() { "1".to_owned() } else { query.conditions.join(" AND ") };
            let total: i64 = conn.query_row(
                &format!("SELECT COUNT(*) FROM {} t WHERE {filter}", entity.table),
                rusqlite::params_from_iter(query.params.iter()),
                |r| r.get(0),
            )?;
            let dir = if query.paging.descending { "DESC" } else { "ASC" };
            // NULLs sort as the smallest value, as SQL Server (Nexudus' store) does; id breaks ties.
            let sql = format!(
                "SELECT {} FROM {} t WHERE {filter} ORDER BY {} {dir}, t.id {dir} LIMIT ? OFFSET ?",
                entity.select_columns("t"),
                entity.table,
                query.paging.order_sql,
            );
            let mut params = query.params.clone();
            params.push(SqlValue::Integer(query.paging.size));
            params.push(SqlValue::Integer(query.paging.offset()));
            let mut stmt = conn.prepare(&sql)?;
            let rows = stmt.query_map(rusqlite::params_from_iter(params.iter()), |r| entity.record_from_row(r))?;
            Ok((rows.collect::<Result<Vec<Map<String, Value>>, _>>()?, total))
        })
        .await?;
    Ok(Listing::Page(list_envelope(records, &paging, total)))
}

/// `GET /<entities>/{id}`: one record, or 404 `"Not found"` when it does not exist.
pub async fn get_one(state: &AppState, entity: &'static Entity, id: i64) -> Result<Map<String, Value>, ApiError> {
    state
        .db
        .call(move |conn| {
            let sql = format!("SELECT {} FROM {} t WHERE t.id = ?1", entity.select_columns("t"), entity.table);
            Ok(conn.query_row(&sql, [id], |r| entity.record_from_row(r)).optional()?)
        })
        .await?
        .ok_or(ApiError::NotFound)
}

/// Path ids that are not numbers are unknown records, as on Nexudus.
pub fn parse_id(raw: &str) -> Result<i64, ApiError> {
    raw.parse().map_err(|_| ApiError::NotFound)
}
