//! Likes, follows and mutes: each a record per member and thread, created to switch on and
//! deleted to switch off.

use super::client::ApiClient;
use super::error::ApiError;
use crate::json::Object;
use crate::model::{ActionEnvelope, ListEnvelope, ThreadMark};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Like,
    Follow,
    Mute,
}

impl Mark {
    fn path(self) -> &'static str {
        match self {
            Mark::Like => "/api/community/communitythreadlikes",
            Mark::Follow => "/api/community/communitythreadfollows",
            Mark::Mute => "/api/community/communitythreadmutes",
        }
    }

    fn entity(self) -> &'static str {
        match self {
            Mark::Like => "CommunityThreadLike",
            Mark::Follow => "CommunityThreadFollow",
            Mark::Mute => "CommunityThreadMute",
        }
    }
}

/// How many members set this mark on the thread, and the member's own mark (to delete it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MarkState {
    pub count: u64,
    pub mine: Option<i64>,
}

pub async fn state(client: &ApiClient, mark: Mark, thread: i64, user_id: i64) -> Result<MarkState, ApiError> {
    let entity = mark.entity();
    let envelope: ListEnvelope<ThreadMark> =
        client.get_json(&format!("{}?{entity}_Thread={thread}&size=1000", mark.path())).await?;
    let mine = envelope.records.iter().find(|m| m.user_id == user_id).map(|m| m.id);
    Ok(MarkState { count: envelope.total_items.unwrap_or(envelope.records.len() as u64), mine })
}

pub async fn set(client: &ApiClient, mark: Mark, thread: i64, user_id: i64) -> Result<i64, ApiError> {
    let envelope: ActionEnvelope = client.post_json(mark.path(), &Object::new().with("ThreadId", thread).with("UserId", user_id).into()).await?;
    envelope.created_id().ok_or_else(|| ApiError::Decode("no Value.Id in the create answer".into()))
}

pub async fn clear(client: &ApiClient, mark: Mark, id: i64) -> Result<(), ApiError> {
    let _: ActionEnvelope = client.delete(&format!("{}/{id}", mark.path())).await?;
    Ok(())
}
