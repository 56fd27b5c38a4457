//! Who a record is by: rules every member-written entity (threads, replies, marks) shares.

use rusqlite::types::Value as SqlValue;
use rusqlite::Connection;
use serde_json::{Map, Value};

use super::resource::Values;
use crate::auth::Caller;
use crate::writes;

/// Staff write as themselves; only an administrator may post for someone else, and the
/// author of an existing record never changes (a moderator's edit keeps it).
pub fn check_author(caller: &Caller, values: &Values, existing: Option<&Map<String, Value>>, errors: &mut Vec<crate::error::FieldError>) {
    let user = writes::int_of(values, "UserId");
    if let Some(existing) = existing {
        let author = existing.get("UserId").and_then(Value::as_i64);
        if user.is_some() && user != author {
            errors.push(writes::field_error("UserId", "The author of a record cannot be changed.", user));
        }
    } else if !caller.is_admin && user.is_some() && user != Some(caller.user_id) {
        errors.push(writes::field_error("UserId", "must be the signed-in user.", user));
    }
}

/// Without a `CoworkerId`, Nexudus uses the author's customer profile at that location.
pub fn default_coworker(conn: &Connection, values: &mut Values) -> rusqlite::Result<()> {
    if writes::value_of(values, "CoworkerId") != Some(SqlValue::Null) {
        return Ok(());
    }
    let Some(user) = writes::int_of(values, "UserId") else { return Ok(()) };
    let coworker: Option<i64> = conn.query_row("SELECT id FROM coworkers WHERE user_id = ?1 ORDER BY id LIMIT 1", [user], |r| r.get(0)).ok();
    if let Some(c) = coworker {
        writes::set_value(values, "CoworkerId", SqlValue::Integer(c));
    }
    Ok(())
}
