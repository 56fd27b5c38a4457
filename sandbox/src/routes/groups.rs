//! `/api/community/communitygroups` (contract doc §6): every group, to whoever holds the
//! CommunityGroup-* role for what they do.

use rusqlite::Connection;
use serde_json::{Map, Value};

use super::resource::{Collection, Resource, Values};
use crate::auth::Caller;
use crate::entity::{Entity, COMMUNITY_GROUP};
use crate::error::ApiError;
use crate::writes;

pub struct Groups;

/// Group `Members` are customer (coworker) ids, unlike thread guests.
const MEMBERS: Collection = Collection {
    prop: "Members",
    after: "GroupAccess",
    table: "community_group_members",
    owner_column: "group_id",
    value_column: "coworker_id",
    refers_to: "coworkers",
};

impl Resource for Groups {
    const ENTITY: &'static Entity = &COMMUNITY_GROUP;
    const COLLECTION: Option<&'static Collection> = Some(&MEMBERS);

    fn check(conn: &Connection, _caller: &Caller, values: &mut Values, _existing: Option<&Map<String, Value>>) -> Result<(), ApiError> {
        let mut errors = writes::check_references(conn, values, &[("BusinessId", "businesses"), ("UserId", "users")])?;
        if let Some(access) = writes::int_of(values, "GroupAccess") {
            if !(1..=3).contains(&access) {
                errors.push(writes::field_error("GroupAccess", "must be 1 (Restricted), 2 (Public) or 3 (Private)", access));
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(ApiError::Validation(errors))
        }
    }
}
