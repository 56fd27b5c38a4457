//! Follows, likes and mutes (contract doc §7): one user's mark on one thread, at most one of
//! each kind per user and thread; and likes on replies, one per user and reply. Staff may mark
//! any thread or reply, as themselves.

use rusqlite::Connection;
use serde_json::{Map, Value};

use super::authorship::check_author;
use super::resource::{Resource, Values};
use crate::auth::Caller;
use crate::entity::{Entity, COMMUNITY_MESSAGE_LIKE, COMMUNITY_THREAD_FOLLOW, COMMUNITY_THREAD_LIKE, COMMUNITY_THREAD_MUTE};
use crate::error::ApiError;
use crate::writes;

/// What a mark is set on: its property, table and column, and the noun in the duplicate error.
struct Target {
    prop: &'static str,
    table: &'static str,
    column: &'static str,
    noun: &'static str,
}

const THREAD: Target = Target { prop: "ThreadId", table: "community_threads", column: "thread_id", noun: "thread" };
const MESSAGE: Target = Target { prop: "MessageId", table: "community_messages", column: "message_id", noun: "message" };

fn check_mark(
    entity: &Entity,
    target: &Target,
    verb: &str,
    conn: &Connection,
    caller: &Caller,
    values: &Values,
    existing: Option<&Map<String, Value>>,
) -> Result<(), ApiError> {
    let mut errors = writes::check_references(conn, values, &[(target.prop, target.table), ("UserId", "users")])?;
    check_author(caller, values, existing, &mut errors);
    let marked = writes::int_of(values, target.prop);
    let user = writes::int_of(values, "UserId");
    if let (Some(marked), Some(user), true) = (marked, user, errors.is_empty()) {
        let own_id = existing.and_then(|e| e.get("Id")).and_then(Value::as_i64).unwrap_or(0);
        let duplicate: bool = conn.query_row(
            &format!("SELECT EXISTS (SELECT 1 FROM {} WHERE {} = ?1 AND user_id = ?2 AND id <> ?3)", entity.table, target.column),
            rusqlite::params![marked, user, own_id],
            |r| r.get(0),
        )?;
        if duplicate {
            errors.push(writes::field_error(target.prop, &format!("The user already {verb} this {}.", target.noun), marked));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Validation(errors))
    }
}

macro_rules! mark {
    ($name:ident, $entity:expr, $target:expr, $verb:literal) => {
        pub struct $name;

        impl Resource for $name {
            const ENTITY: &'static Entity = &$entity;

            fn check(conn: &Connection, caller: &Caller, values: &mut Values, existing: Option<&Map<String, Value>>) -> Result<(), ApiError> {
                check_mark(Self::ENTITY, &$target, $verb, conn, caller, values, existing)
            }
        }
    };
}

mark!(Follows, COMMUNITY_THREAD_FOLLOW, THREAD, "follows");
mark!(Likes, COMMUNITY_THREAD_LIKE, THREAD, "likes");
mark!(Mutes, COMMUNITY_THREAD_MUTE, THREAD, "mutes");
mark!(MessageLikes, COMMUNITY_MESSAGE_LIKE, MESSAGE, "likes");
