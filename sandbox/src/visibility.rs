//! Who may see and post what on the Public API (contract doc §6, §8, §11): group access
//! levels and private threads. REST is the staff's back office and has none of these rules.
//!
//! Access levels: 1 Restricted (everyone sees, members post), 2 Public (everyone sees and
//! posts), 3 Private (members see and post). A Private thread is for its author and its
//! guests. Administrators see and post everywhere. Group members are customer (coworker) ids;
//! thread guests are user ids.

use rusqlite::types::Value as SqlValue;
use rusqlite::{params, Connection, OptionalExtension};

use crate::auth::Caller;

/// Rows the caller may see, as one SQL condition and its parameters. `None` means no
/// restriction.
pub type Visibility = Option<(String, Vec<SqlValue>)>;

/// The condition itself, `1` for no restriction.
pub fn condition(visibility: Visibility) -> (String, Vec<SqlValue>) {
    visibility.unwrap_or_else(|| ("1".to_owned(), Vec::new()))
}

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

/// Groups (table alias `alias`) the caller may see: all but the Private ones they are not in.
pub fn groups(caller: &Caller, alias: &str) -> Visibility {
    if caller.is_admin {
        return None;
    }
    let condition = format!("({alias}.group_access <> {PRIVATE} OR {})", member_of(&format!("{alias}.id")));
    Some((condition, vec![SqlValue::Integer(caller.user_id)]))
}

/// SQL: whether the caller may post in group `alias` (a row of `community_groups`): `Public`
/// groups take everyone, the others their members. `CanPostMessages` on the Public API.
pub fn may_post_sql(caller: &Caller, alias: &str) -> (String, Vec<SqlValue>) {
    if caller.is_admin {
        return ("1".to_owned(), Vec::new());
    }
    let condition = format!("({alias}.group_access = {PUBLIC} OR {})", member_of(&format!("{alias}.id")));
    (condition, vec![SqlValue::Integer(caller.user_id)])
}

/// Whether the caller may start or reply to a conversation in `group` (None: no group).
pub fn may_post_in_group(conn: &Connection, caller: &Caller, group: Option<i64>) -> rusqlite::Result<bool> {
    let Some(group) = group else { return Ok(true) };
    if caller.is_admin {
        return Ok(true);
    }
    let access: Option<i64> = conn.query_row("SELECT group_access FROM community_groups WHERE id = ?1", [group], |r| r.get(0)).optional()?;
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

/// A thread as far as the caller may see it.
pub struct SeenThread {
    pub author: i64,
    pub subject: String,
    pub group: Option<i64>,
}

/// Thread `id` if it exists and the caller may see it; a hidden thread is as good as missing.
pub fn thread(conn: &Connection, caller: &Caller, id: i64) -> rusqlite::Result<Option<SeenThread>> {
    let (visible, mut params) = condition(threads(caller, "t"));
    params.insert(0, SqlValue::Integer(id));
    conn.query_row(
        &format!("SELECT t.user_id, t.subject, t.community_group_id FROM community_threads t WHERE t.id = ? AND {visible}"),
        rusqlite::params_from_iter(params.iter()),
        |r| Ok(SeenThread { author: r.get(0)?, subject: r.get(1)?, group: r.get(2)? }),
    )
    .optional()
}
