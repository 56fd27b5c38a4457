//! `CommunityMessage`: a reply (contract doc §5).

use serde::Deserialize;

use super::marks::MarkState;
use super::wire;

#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct CommunityMessage {
    #[serde(deserialize_with = "wire::or_default")]
    pub id: i64,
    #[serde(deserialize_with = "wire::or_default")]
    pub community_thread_id: i64,
    #[serde(deserialize_with = "wire::or_default")]
    pub user_id: i64,
    pub coworker_id: Option<i64>,
    /// Optional in the contract: a reply may have no text.
    pub message: Option<String>,
    pub created_on: Option<String>,
    pub updated_on: Option<String>,
    /// Its likes: counted by the Public API's reply, looked up separately on REST (the record
    /// carries none).
    #[serde(skip)]
    pub like: MarkState,
}

/// A like on a reply (REST `CommunityMessageLike`, contract doc §7).
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct MessageLike {
    #[serde(deserialize_with = "wire::or_default")]
    pub id: i64,
    #[serde(deserialize_with = "wire::or_default")]
    pub message_id: i64,
    #[serde(deserialize_with = "wire::or_default")]
    pub user_id: i64,
}

/// A like, follow or mute: one user's mark on one thread (contract doc §7).
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ThreadMark {
    #[serde(deserialize_with = "wire::or_default")]
    pub id: i64,
    #[serde(deserialize_with = "wire::or_default")]
    pub thread_id: i64,
    #[serde(deserialize_with = "wire::or_default")]
    pub user_id: i64,
}
