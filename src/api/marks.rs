//! Likes, follows and mutes on the REST backend: each a record per member and thread, created
//! to switch on and deleted to switch off.

use super::client::ApiClient;
use super::error::ApiError;
use serde::Serialize;

use super::client::body;
use crate::model::marks::{Mark, MarkState};
use crate::model::{ListEnvelope, ThreadMark};

/// A like, follow or mute record as created.
#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct NewMark {
    thread_id: i64,
    user_id: i64,
}

/// Where REST keeps each kind of mark.
trait RestMark {
    fn path(self) -> &'static str;
    fn entity(self) -> &'static str;
}

impl RestMark for Mark {
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

pub async fn state(client: &ApiClient, mark: Mark, thread: i64, user_id: i64) -> Result<MarkState, ApiError> {
    let entity = mark.entity();
    let envelope: ListEnvelope<ThreadMark> = client.get_json(&format!("{}?{entity}_Thread={thread}&size=1000", mark.path())).await?;
    let mine = envelope.records.iter().find(|m| m.user_id == user_id).map(|m| m.id);
    Ok(MarkState { count: Some(envelope.total_items.unwrap_or(envelope.records.len() as u64)), on: Some(mine.is_some()), record: mine })
}

/// Switches the member's mark: deletes their record if it is on, else creates one.
pub async fn toggle(client: &ApiClient, mark: Mark, thread: i64, user_id: i64, before: MarkState) -> Result<MarkState, ApiError> {
    match before.record.filter(|_| before.on == Some(true)) {
        Some(id) => clear(client, mark, id).await.map(|_| before.switched(false, None)),
        None => set(client, mark, thread, user_id).await.map(|id| before.switched(true, Some(id))),
    }
}

async fn set(client: &ApiClient, mark: Mark, thread: i64, user_id: i64) -> Result<i64, ApiError> {
    let envelope = client.post(mark.path(), Some(body(&NewMark { thread_id: thread, user_id })?)).await?;
    envelope.created_id().ok_or_else(|| ApiError::Decode("no Value.Id in the create answer".into()))
}

async fn clear(client: &ApiClient, mark: Mark, id: i64) -> Result<(), ApiError> {
    client.delete(&format!("{}/{id}", mark.path())).await?;
    Ok(())
}
