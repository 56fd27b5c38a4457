//! `CommunityThread`: a conversation (contract doc §4.3).

use serde::Deserialize;

use super::wire;

/// A thread record as REST returns it. Optional and nullable fields default, so a record
/// with fields missing (lists omit `Guests`) or null still reads.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct CommunityThread {
    #[serde(deserialize_with = "wire::or_default")]
    pub id: i64,
    #[serde(deserialize_with = "wire::or_default")]
    pub business_id: i64,
    pub community_group_id: Option<i64>,
    #[serde(deserialize_with = "wire::or_default")]
    pub user_id: i64,
    pub coworker_id: Option<i64>,
    #[serde(deserialize_with = "wire::or_default")]
    pub subject: String,
    #[serde(deserialize_with = "wire::or_default")]
    pub message: String,
    #[serde(deserialize_with = "wire::or_default")]
    pub instant_delivery: bool,
    pub tags: Option<String>,
    #[serde(deserialize_with = "wire::or_default")]
    pub private: bool,
    #[serde(deserialize_with = "wire::or_default")]
    pub guests: Vec<i64>,
    pub last_message_date: Option<String>,
    #[serde(deserialize_with = "wire::or_default")]
    pub include_zoom_invite: bool,
    pub zoom_event_data: Option<String>,
    pub unique_id: Option<String>,
    pub created_on: Option<String>,
    pub updated_on: Option<String>,
    pub updated_by: Option<String>,
    pub system_id: Option<String>,
    /// Counts the Public API's answers carry (REST records do not).
    #[serde(skip)]
    pub like_count: Option<u64>,
    #[serde(skip)]
    pub reply_count: Option<u64>,
    /// The last reply's author, by name (the Public API's list says; REST's does not).
    #[serde(skip)]
    pub last_reply_by: Option<String>,
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
