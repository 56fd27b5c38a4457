//! `CommunityMessage`: a reply (contract doc §5).

use crate::json::{FromJson, Json, JsonError};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct CommunityMessage {
    pub id: i64,
    pub community_thread_id: i64,
    pub user_id: i64,
    pub coworker_id: Option<i64>,
    /// Optional in the contract: a reply may have no text.
    pub message: Option<String>,
    pub created_on: Option<String>,
    pub updated_on: Option<String>,
}

/// A like, follow or mute: one user's mark on one thread (contract doc §7).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ThreadMark {
    pub id: i64,
    pub thread_id: i64,
    pub user_id: i64,
}

impl FromJson for CommunityMessage {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let o = value.object("a reply")?;
        Ok(CommunityMessage {
            id: o.int("Id")?,
            community_thread_id: o.int("CommunityThreadId")?,
            user_id: o.int("UserId")?,
            coworker_id: o.opt_int("CoworkerId")?,
            message: o.opt_text("Message")?,
            created_on: o.opt_text("CreatedOn")?,
            updated_on: o.opt_text("UpdatedOn")?,
        })
    }
}

impl FromJson for ThreadMark {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let o = value.object("a like, follow or mute")?;
        Ok(ThreadMark { id: o.int("Id")?, thread_id: o.int("ThreadId")?, user_id: o.int("UserId")? })
    }
}
