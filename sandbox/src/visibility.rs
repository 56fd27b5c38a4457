//! Who may see and post what (contract doc §6, §11): group access levels and private threads.
//!
//! Access levels: 1 Restricted (everyone sees, members post), 2 Public (everyone sees and
//! posts), 3 Private (members see and post). A Private thread is for its author and its
//! guests. Administrators see and post everywhere. Group members are customer (coworker) ids;
//! thread guests are user ids.

use rusqlite::types::Value as SqlValue;
use rusqlite::{params, Connection, OptionalExtension};

use crate::auth::Caller;
use crate::routes::listing::Visibility;

pub const RESTRICTED: i64 = 1;
pub const PUBLIC: i64 = 2;
pub const PRIVATE: i64 = 3;

/// SQL: the caller (user id bound to every `?`) is a member of group `{g}`.
fn member_of(group_sql: &str) -> String {
    format!(
        "EXISTS (SELECT 1 FROM community_group_members m JOIN coworkers c ON c.id = m.coworker_id \
         WHERE m.group_id = {group_sql} AND c.user_id = ?)"
    )
}

/// Threads (table alias `alias`) the caller may see.
pub fn threads(caller: &Caller, alias: &str) -> Visibility {
    if caller.is_admin {
        return None;
    }
    let me = SqlValue::Integer(caller.user_id);
    let condition = format!(
        "(({a}.private = 0 OR {a}.user_id = ? \
            OR EXISTS (SELECT 1 FROM community_thread_guests g WHERE g.thread_id = {a}.id AND g.user_id = ?)) \
          AND ({a}.community_group_id IS NULL OR EXISTS (SELECT 1 FROM community_groups cg \
            WHERE cg.id = {a}.community_group_id AND (cg.group_access <> {PRIVATE} OR {member}))))",
        a = alias,
        member = member_of("cg.id"),
    );
    Some((condition, vec![me.clone(), me.clone(), me]))
}

/// Records that hang off a thread through `thread_column` (replies, likes, follows, mutes):
/// visible when the thread is.
pub fn through_thread(caller: &Caller, thread_column: &str) -> Visibility {
    let (condition, params) = threads(caller, "vt")?;
    Some((format!("EXISTS (SELECT 1 FROM community_threads vt WHERE vt.id = t.{thread_column} AND {condition})"), params))
}

/// Groups the caller may see: all but the Private ones they are not in.
pub fn groups(caller: &Caller) -> Visibility {
    if caller.is_admin {
        return None;
    }
    Some((format!("(t.group_access <> {PRIVATE} OR {})", member_of("t.id")), vec![SqlValue::Integer(caller.user_id)]))
}

/// Whether the caller may start or reply to a conversation in `group` (None: no group).
pub fn may_post_in_group(conn: &Connection, caller: &Caller, group: Option<i64>) -> rusqlite::Result<bool> {
    let Some(group) = group else { return Ok(true) };
    if caller.is_admin {
        return Ok(true);
    }
    let access: Option<i64> =
        conn.query_row("SELECT group_access FROM community_groups WHERE id = ?1", [group], |r| r.get(0)).optional()?;
    match access {
        None => Ok(false),
        Some(PUBLIC) => Ok(true),
        Some(_) => conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM community_group_members m JOIN coworkers c ON c.id = m.coworker_id \
             WHERE m.group_id = ?1 AND c.user_id = ?2)",
            params![group, caller.user_id],
            |r| r.get(0),
        ),
    }
}

/// Whether the caller may see thread `id` at all.
pub fn may_see_thread(conn: &Connection, caller: &Caller, id: i64) -> rusqlite::Result<bool> {
    let (condition, mut params) = threads(caller, "t").unwrap_or_else(|| ("1".into(), Vec::new()));
    params.insert(0, SqlValue::Integer(id));
    conn.query_row(
        &format!("SELECT EXISTS (SELECT 1 FROM community_threads t WHERE t.id = ? AND {condition})"),
        rusqlite::params_from_iter(params.iter()),
        |r| r.get(0),
    )
}

/// The group of thread `id`, if the thread exists.
pub fn thread_group(conn: &Connection, id: i64) -> rusqlite::Result<Option<Option<i64>>> {
    conn.query_row("SELECT community_group_id FROM community_threads WHERE id = ?1", [id], |r| r.get(0)).optional()
}
