//! Follows, likes and mutes (contract doc §7): one user's mark on one thread, at most one of
//! each kind per user and thread. Staff may mark any thread, as themselves.

use rusqlite::Connection;
use serde_json::{Map, Value};

use super::authorship::check_author;
use super::resource::{Resource, Values};
use crate::auth::Caller;
use crate::entity::{Entity, COMMUNITY_THREAD_FOLLOW, COMMUNITY_THREAD_LIKE, COMMUNITY_THREAD_MUTE};
use crate::error::ApiError;
use crate::writes;

fn check_mark(
    entity: &Entity,
    verb: &str,
    conn: &Connection,
    caller: &Caller,
    values: &Values,
    existing: Option<&Map<String, Value>>,
) -> Result<(), ApiError> {
    let mut errors = writes::check_references(conn, values, &[("ThreadId", "community_threads"), ("UserId", "users")])?;
    check_author(caller, values, existing, &mut errors);
    let thread = writes::int_of(values, "ThreadId");
    let user = writes::int_of(values, "UserId");
    if let (Some(thread), Some(user), true) = (thread, user, errors.is_empty()) {
        let own_id = existing.and_then(|e| e.get("Id")).and_then(Value::as_i64).unwrap_or(0);
        let duplicate: bool = conn.query_row(
            &format!("SELECT EXISTS (SELECT 1 FROM {} WHERE thread_id = ?1 AND user_id = ?2 AND id <> ?3)", entity.table),
            rusqlite::params![thread, user, own_id],
            |r| r.get(0),
        )?;
        if duplicate {
            errors.push(writes::field_error("ThreadId", &format!("The user already {verb} this thread."), thread));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Validation(errors))
    }
}

macro_rules! thread_mark {
    ($name:ident, $entity:expr, $verb:literal) => {
        pub struct $name;

        impl Resource for $name {
            const ENTITY: &'static Entity = &$entity;

            fn check(conn: &Connection, caller: &Caller, values: &mut Values, existing: Option<&Map<String, Value>>) -> Result<(), ApiError> {
                check_mark(Self::ENTITY, $verb, conn, caller, values, existing)
            }
        }
    };
}

thread_mark!(Follows, COMMUNITY_THREAD_FOLLOW, "follows");
thread_mark!(Likes, COMMUNITY_THREAD_LIKE, "likes");
thread_mark!(Mutes, COMMUNITY_THREAD_MUTE, "mutes");
