//! `/api/community/communitythreads`: conversations (contract doc §4). Staff may start one
//! in any group (or none), as themselves.

use rusqlite::types::Value as SqlValue;
use rusqlite::{params, Connection};
use serde_json::{Map, Value};

use super::authorship::{check_author, default_coworker};
use super::resource::{Collection, Resource, Values};
use crate::auth::Caller;
use crate::entity::{Entity, COMMUNITY_THREAD};
use crate::error::ApiError;
use crate::writes;

pub struct Threads;

/// Thread `Guests` are user ids.
const GUESTS: Collection = Collection {
    prop: "Guests",
    after: "Private",
    table: "community_thread_guests",
    owner_column: "thread_id",
    value_column: "user_id",
    refers_to: "users",
};

impl Resource for Threads {
    const ENTITY: &'static Entity = &COMMUNITY_THREAD;
    const COLLECTION: Option<&'static Collection> = Some(&GUESTS);

    fn check(conn: &Connection, caller: &Caller, values: &mut Values, existing: Option<&Map<String, Value>>) -> Result<(), ApiError> {
        let mut errors = writes::check_references(
            conn,
            values,
            &[("BusinessId", "businesses"), ("UserId", "users"), ("CoworkerId", "coworkers"), ("CommunityGroupId", "community_groups")],
        )?;
        check_author(caller, values, existing, &mut errors);
        if !errors.is_empty() {
            return Err(ApiError::Validation(errors));
        }
        default_coworker(conn, values)?;
        if writes::int_of(values, "IncludeZoomInvite") == Some(1) && writes::value_of(values, "ZoomEventData") == Some(SqlValue::Null) {
            writes::set_value(values, "ZoomEventData", SqlValue::Text(fake_zoom_meeting()));
        }
        Ok(())
    }

    fn after_create(conn: &Connection, id: i64, _values: &Values, now: &str) -> rusqlite::Result<()> {
        // A new conversation counts as activity.
        conn.execute("UPDATE community_threads SET last_message_date = ?1 WHERE id = ?2", params![now, id])?;
        Ok(())
    }

    /// "Mentioned users auto-follow" (contract doc §7): a guest is who a thread mentions, so a
    /// newly added guest follows it (a follow they already have is kept as it is).
    fn after_collection_added(conn: &Connection, caller: &Caller, id: i64, added: &[i64], now: &str) -> rusqlite::Result<()> {
        for user in added {
            conn.execute(
                "INSERT OR IGNORE INTO community_thread_follows (unique_id, thread_id, user_id, created_on, updated_on, updated_by)
                 VALUES (?1, ?2, ?3, ?4, ?4, ?5)",
                params![writes::new_guid(), id, user, now, caller.email],
            )?;
        }
        Ok(())
    }
}

/// Stands in for the meeting Nexudus would create in the member's Zoom account. Marked as
/// invented: the docs do not describe `ZoomEventData`.
fn fake_zoom_meeting() -> String {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).expect("the OS random source is available");
    let id = 80_000_000_000 + u64::from_le_bytes(bytes) % 9_999_999_999;
    format!(r#"{{"id":"{id}","join_url":"https://zoom.us/j/{id}","sandbox_generated":true}}"#)
}
