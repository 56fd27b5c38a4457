//! `GET …/board/groups`: the groups the caller may see, by name, each saying whether the
//! caller may post in it.

use axum::extract::State;
use axum::Json;
use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, OptionalExtension};

use super::wire::{BusinessRef, Group, Groups, Owner};
use super::{local, Customer};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::server::AppState;
use crate::visibility;

/// The Public API names the access levels REST numbers.
fn access_name(level: i64) -> &'static str {
    match level {
        visibility::RESTRICTED => "Restricted",
        visibility::PRIVATE => "Private",
        _ => "Public",
    }
}

pub async fn list(State(state): State<AppState>, customer: Customer) -> Result<Json<Groups>, ApiError> {
    let caller = customer.caller;
    let groups = state
        .db
        .call(move |conn| {
            let (may_post, mut params) = visibility::may_post_sql(&caller, "g");
            let (visible, visible_params) = visibility::condition(visibility::groups(&caller, "g"));
            params.extend(visible_params);
            let sql = format!(
                "SELECT g.id, g.unique_id, g.name, g.description, g.group_access, {may_post}, g.business_id, COALESCE(b.name, ''),
                        COALESCE(b.web_address, ''), g.user_id, COALESCE(u.full_name, ''), g.created_on, g.updated_on
                 FROM community_groups g
                 LEFT JOIN businesses b ON b.id = g.business_id
                 LEFT JOIN users u ON u.id = g.user_id
                 WHERE {visible} ORDER BY g.name COLLATE NOCASE, g.id"
            );
            let mut stmt = conn.prepare(&sql)?;
            let rows = stmt.query_map(rusqlite::params_from_iter(params.iter()), |r| {
                let created: String = r.get(11)?;
                let updated: String = r.get(12)?;
                Ok(Group {
                    id: r.get(0)?,
                    unique_id: r.get(1)?,
                    name: r.get(2)?,
                    description: r.get(3)?,
                    group_access: access_name(r.get(4)?),
                    can_post_messages: r.get(5)?,
                    business: BusinessRef { id: r.get(6)?, name: r.get(7)?, web_address: r.get(8)? },
                    user: Owner { id: r.get(9)?, full_name: r.get(10)? },
                    created_on: local(&created),
                    updated_on: local(&updated),
                    created_on_utc: created,
                    updated_on_utc: updated,
                })
            })?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
        .await?;
    Ok(Json(Groups { groups }))
}

/// Whether the caller may see group `group` and post in it; the group's business if so.
pub fn postable(conn: &Connection, caller: &Caller, group: i64) -> rusqlite::Result<Option<i64>> {
    let (may_post, mut params) = visibility::may_post_sql(caller, "g");
    let (visible, visible_params) = visibility::condition(visibility::groups(caller, "g"));
    params.extend(visible_params);
    params.insert(0, SqlValue::Integer(group));
    conn.query_row(
        &format!("SELECT g.business_id FROM community_groups g WHERE g.id = ? AND {may_post} AND {visible}"),
        rusqlite::params_from_iter(params.iter()),
        |r| r.get(0),
    )
    .optional()
}
