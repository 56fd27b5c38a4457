//! `CommunityThread`: a conversation (contract doc §4.3).

use crate::json::{FromJson, Json, JsonError};

/// A thread record as REST returns it. Optional and nullable fields default, so a record
/// with fields missing (lists omit `Guests`) or null still reads.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CommunityThread {
    pub id: i64,
    pub business_id: i64,
    pub community_group_id: Option<i64>,
    pub user_id: i64,
    pub coworker_id: Option<i64>,
    pub subject: String,
    pub message: String,
    pub instant_delivery: bool,
    pub tags: Option<String>,
    pub private: bool,
    pub guests: Vec<i64>,
    pub last_message_date: Option<String>,
    pub include_zoom_invite: bool,
    pub zoom_event_data: Option<String>,
    pub unique_id: Option<String>,
    pub created_on: Option<String>,
    pub updated_on: Option<String>,
    pub updated_by: Option<String>,
    pub system_id: Option<String>,
    /// Counts the Public API's answers carry (REST records do not).
    pub like_count: Option<u64>,
    pub reply_count: Option<u64>,
}

/// A page of threads for the list screen: `has_next` says whether another exists.
#[derive(Debug, Clone, PartialEq)]
pub struct ThreadsPage {
    pub threads: Vec<CommunityThread>,
    pub has_next: bool,
    pub total: Option<u64>,
}

impl CommunityThread {
    /// Tags from the comma string: trimmed, empty ones dropped.
    pub fn tag_list(&self) -> Vec<&str> {
        self.tags.as_deref().unwrap_or("").split(',').map(str::trim).filter(|t| !t.is_empty()).collect()
    }

    /// When the conversation last moved: the latest reply, else its creation.
    pub fn last_activity(&self) -> Option<&str> {
        self.last_message_date.as_deref().or(self.created_on.as_deref())
    }
}

impl FromJson for CommunityThread {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let o = value.object("a thread")?;
        Ok(CommunityThread {
            id: o.int("Id")?,
            business_id: o.int("BusinessId")?,
            community_group_id: o.opt_int("CommunityGroupId")?,
            user_id: o.int("UserId")?,
            coworker_id: o.opt_int("CoworkerId")?,
            subject: o.text("Subject")?,
            message: o.text("Message")?,
            instant_delivery: o.flag("InstantDelivery")?,
            tags: o.opt_text("Tags")?,
            private: o.flag("Private")?,
            guests: o.list("Guests")?,
            last_message_date: o.opt_text("LastMessageDate")?,
            include_zoom_invite: o.flag("IncludeZoomInvite")?,
            zoom_event_data: o.opt_text("ZoomEventData")?,
            unique_id: o.opt_text("UniqueId")?,
            created_on: o.opt_text("CreatedOn")?,
            updated_on: o.opt_text("UpdatedOn")?,
            updated_by: o.opt_text("UpdatedBy")?,
            system_id: o.opt_text("SystemId")?,
            like_count: None,
            reply_count: None,
        })
    }
}
