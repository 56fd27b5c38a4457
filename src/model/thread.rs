//! `CommunityThread`: a conversation (contract doc §4.3).

use serde::{Deserialize, Deserializer, Serialize};

/// A thread record as REST returns it. Optional and nullable fields default, so a record
/// with fields missing (lists omit `Guests`) or null still reads.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct CommunityThread {
    pub id: i64,
    pub business_id: i64,
    pub community_group_id: Option<i64>,
    pub user_id: i64,
    pub coworker_id: Option<i64>,
    #[serde(deserialize_with = "null_as_empty")]
    pub subject: String,
    #[serde(deserialize_with = "null_as_empty")]
    pub message: String,
    #[serde(deserialize_with = "null_as_false")]
    pub instant_delivery: bool,
    pub tags: Option<String>,
    #[serde(deserialize_with = "null_as_false")]
    pub private: bool,
    #[serde(deserialize_with = "null_as_empty_vec")]
    pub guests: Vec<i64>,
    pub last_message_date: Option<String>,
    #[serde(deserialize_with = "null_as_false")]
    pub include_zoom_invite: bool,
    pub zoom_event_data: Option<String>,
    pub unique_id: Option<String>,
    pub created_on: Option<String>,
    pub updated_on: Option<String>,
    pub updated_by: Option<String>,
    pub system_id: Option<String>,
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

pub(crate) fn null_as_empty<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(Option::<String>::deserialize(d)?.unwrap_or_default())
}

pub(crate) fn null_as_false<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(Option::<bool>::deserialize(d)?.unwrap_or(false))
}

fn null_as_empty_vec<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<i64>, D::Error> {
    Ok(Option::<Vec<i64>>::deserialize(d)?.unwrap_or_default())
}
