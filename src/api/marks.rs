//! Likes, follows and mutes on the REST backend: each a record per member and thread (or, for
//! a like on a reply, per member and reply), created to switch on and deleted to switch off.

use std::collections::HashMap;

use super::client::ApiClient;
use super::error::ApiError;
use serde::Serialize;

use super::client::body;
use crate::model::marks::{Mark, MarkState};
use crate::model::{ListEnvelope, MessageLike, ThreadMark};

/// A like, follow or mute record as created.
#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct NewMark {
    thread_id: i64,
    user_id: i64,
}

/// A like on a reply as created.
#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct NewMessageLike {
    message_id: i64,
    user_id: i64,
}

const MESSAGE_LIKES: &str = "/api/community/communitymessagelikes";

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
        Some(id) => clear(client, mark.path(), id).await.map(|_| before.switched(false, None)),
        None => set(client, mark, thread, user_id).await.map(|id| before.switched(true, Some(id))),
    }
}

/// The likes of every reply in a thread, by reply id: one request (the reply's thread is a
/// related filter). Likes of other replies, should a tenant ignore the filter, are counted
/// under their own ids and never shown.
pub async fn reply_likes(client: &ApiClient, thread: i64, user_id: i64) -> Result<HashMap<i64, MarkState>, ApiError> {
    let path = format!("{MESSAGE_LIKES}?CommunityMessageLike_Message_CommunityThread={thread}&size=1000");
    let envelope: ListEnvelope<MessageLike> = client.get_json(&path).await?;
    let mut by_reply: HashMap<i64, (usize, Option<i64>)> = HashMap::new();
    for like in envelope.records {
        let entry = by_reply.entry(like.message_id).or_default();
        entry.0 += 1;
        if like.user_id == user_id {
            entry.1 = Some(like.id);
        }
    }
    Ok(by_reply.into_iter().map(|(id, (count, mine))| (id, MarkState::counted(count, mine))).collect())
}

/// Switches the member's like on a reply, as `toggle` does for a thread's marks.
pub async fn toggle_reply_like(client: &ApiClient, message: i64, user_id: i64, before: MarkState) -> Result<MarkState, ApiError> {
    match before.record.filter(|_| before.on == Some(true)) {
        Some(id) => clear(client, MESSAGE_LIKES, id).await.map(|_| before.switched(false, None)),
        None => {
            create(client, MESSAGE_LIKES, body(&NewMessageLike { message_id: message, user_id })?).await.map(|id| before.switched(true, Some(id)))
        }
    }
}

async fn set(client: &ApiClient, mark: Mark, thread: i64, user_id: i64) -> Result<i64, ApiError> {
    create(client, mark.path(), body(&NewMark { thread_id: thread, user_id })?).await
}

async fn create(client: &ApiClient, path: &str, record: String) -> Result<i64, ApiError> {
    let envelope = client.post(path, Some(record)).await?;
    envelope.created_id().ok_or_else(|| ApiError::Decode("no Value.Id in the create answer".into()))
}

async fn clear(client: &ApiClient, path: &str, id: i64) -> Result<(), ApiError> {
    client.delete(&format!("{path}/{id}")).await?;
    Ok(())
}
