//! `/api/community/communitythreads`.

use axum::extract::{Path, RawQuery, State};
use axum::response::Response;
use axum::Json;
use rusqlite::types::Value as SqlValue;
use rusqlite::params;
use serde_json::{Map, Value};

use super::listing::{self, Visibility};
use crate::auth::Caller;
use crate::entity::COMMUNITY_THREAD;
use crate::error::ApiError;
use crate::list_query;
use crate::server::AppState;

/// Threads a member may see: not in a Private group they do not belong to, and not a
/// Private thread unless they wrote it or are one of its guests. Administrators see all.
pub fn visible_to(caller: &Caller) -> Visibility {
    if caller.is_admin {
        return None;
    }
    let me = SqlValue::Integer(caller.user_id);
    let condition = "(t.private = 0 OR t.user_id = ? \
          OR EXISTS (SELECT 1 FROM community_thread_guests g WHERE g.thread_id = t.id AND g.user_id = ?)) \
        AND (t.community_group_id IS NULL OR EXISTS (SELECT 1 FROM community_groups cg WHERE cg.id = t.community_group_id \
          AND (cg.group_access <> 3 OR EXISTS (SELECT 1 FROM community_group_members m JOIN coworkers c ON c.id = m.coworker_id \
            WHERE m.group_id = cg.id AND c.user_id = ?))))";
    Some((condition.to_owned(), vec![me.clone(), me.clone(), me]))
}

pub async fn list(State(state): State<AppState>, caller: Caller, RawQuery(query): RawQuery) -> Result<Response, ApiError> {
    caller.require(if list_query::is_batch(query.as_deref()) { "CommunityThread-Read" } else { "CommunityThread-List" })?;
    listing::list(&state, &COMMUNITY_THREAD, query, visible_to(&caller)).await
}

pub async fn get_one(State(state): State<AppState>, caller: Caller, Path(id): Path<String>) -> Result<Json<Map<String, Value>>, ApiError> {
    caller.require("CommunityThread-Read")?;
    let id = listing::parse_id(&id)?;
    let mut record = listing::get_one(&state, &COMMUNITY_THREAD, id, visible_to(&caller)).await?;
    // Collection properties come only with get-by-id, never in lists.
    let guests = state
        .db
        .call(move |conn| {
            let mut stmt = conn.prepare("SELECT user_id FROM community_thread_guests WHERE thread_id = ?1 ORDER BY user_id")?;
            let ids = stmt.query_map(params![id], |r| r.get::<_, i64>(0))?.collect::<Result<Vec<_>, _>>()?;
            Ok(ids)
        })
        .await?;
    insert_after(&mut record, "Private", "Guests", Value::from(guests));
    Ok(Json(record))
}

/// Inserts `key` right after `anchor`, keeping the documented field order.
fn insert_after(record: &mut Map<String, Value>, anchor: &str, key: &str, value: Value) {
    let mut out = Map::with_capacity(record.len() + 1);
    for (k, v) in std::mem::take(record) {
        let is_anchor = k == anchor;
        out.insert(k, v);
        if is_anchor {
            out.insert(key.to_owned(), value.clone());
        }
    }
    *record = out;
}
