//! `/api/community/communitymessages`: replies (contract doc §5). Staff may reply in any
//! thread, as themselves.

use rusqlite::{params, Connection};
use serde_json::{Map, Value};

use super::authorship::{check_author, default_coworker};
use super::resource::{Resource, Values};
use crate::auth::Caller;
use crate::entity::{Entity, COMMUNITY_MESSAGE};
use crate::error::ApiError;
use crate::writes;

pub struct Messages;

impl Resource for Messages {
    const ENTITY: &'static Entity = &COMMUNITY_MESSAGE;

    fn check(conn: &Connection, caller: &Caller, values: &mut Values, existing: Option<&Map<String, Value>>) -> Result<(), ApiError> {
        let mut errors =
            writes::check_references(conn, values, &[("CommunityThreadId", "community_threads"), ("UserId", "users"), ("CoworkerId", "coworkers")])?;
        check_author(caller, values, existing, &mut errors);
        errors.extend(writes::stays_with_parent(values, existing, "CommunityThreadId", "A reply"));
        if !errors.is_empty() {
            return Err(ApiError::Validation(errors));
        }
        default_coworker(conn, values)?;
        Ok(())
    }

    fn after_create(conn: &Connection, _id: i64, values: &Values, now: &str) -> rusqlite::Result<()> {
        // Each reply moves its thread to the top of "recent activity".
        if let Some(thread) = writes::int_of(values, "CommunityThreadId") {
            conn.execute("UPDATE community_threads SET last_message_date = ?1 WHERE id = ?2", params![now, thread])?;
        }
        Ok(())
    }
}
