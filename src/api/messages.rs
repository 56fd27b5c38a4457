//! `/api/community/communitymessages`: replies.

use super::client::ApiClient;
use super::error::ApiError;
use serde::Serialize;

use super::client::body;
use crate::model::draft::RawRecord;
use crate::model::query::{encode, Direction};
use crate::model::{Author, CommunityMessage, ListEnvelope};

const PATH: &str = "/api/community/communitymessages";

/// `POST /api/community/communitymessages`.
#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct NewMessage<'a> {
    community_thread_id: i64,
    user_id: i64,
    coworker_id: Option<i64>,
    message: &'a str,
}

/// Replies of a thread, oldest first, a page at a time.
pub async fn for_thread(client: &ApiClient, thread: i64, page: u32) -> Result<ListEnvelope<CommunityMessage>, ApiError> {
    let dir = client.dir_convention.code(Direction::Ascending);
    let size = client.page_sizes.replies;
    client.get_json(&format!("{PATH}?CommunityMessage_CommunityThread={thread}&orderBy=CreatedOn&dir={dir}&page={page}&size={size}")).await
}

/// Replies newer than `after_id` (for polling); ids grow with time.
pub async fn newer_than(client: &ApiClient, thread: i64, after_id: i64) -> Result<ListEnvelope<CommunityMessage>, ApiError> {
    let dir = client.dir_convention.code(Direction::Ascending);
    client.get_json(&format!("{PATH}?CommunityMessage_CommunityThread={thread}&from_Id={}&orderBy=Id&dir={dir}&size=100", after_id + 1)).await
}

pub async fn create(client: &ApiClient, thread: i64, author: Author, text: &str) -> Result<i64, ApiError> {
    let reply = NewMessage { community_thread_id: thread, user_id: author.user_id, coworker_id: author.coworker_id, message: text };
    let envelope = client.post(PATH, Some(body(&reply)?)).await?;
    envelope.created_id().ok_or_else(|| ApiError::Decode("no Value.Id in the create answer".into()))
}

/// Puts back the reply's record as it is now, with only `Message` changed.
pub async fn replace_text(client: &ApiClient, id: i64, text: &str) -> Result<(), ApiError> {
    let mut record: RawRecord = client.get_json(&format!("{PATH}/{id}")).await?;
    let text = serde_json::value::to_raw_value(text).map_err(|e| ApiError::Decode(e.to_string()))?;
    record.insert("Message".to_owned(), text);
    client.put(PATH, body(&record)?).await?;
    Ok(())
}

pub async fn delete(client: &ApiClient, id: i64) -> Result<(), ApiError> {
    client.delete(&format!("{PATH}/{id}")).await?;
    Ok(())
}

/// Whether the member's reply with this text reached the thread after `since_id`.
pub async fn find_own_since(client: &ApiClient, thread: i64, user_id: i64, text: &str, since_id: i64) -> Result<Option<i64>, ApiError> {
    let qs = format!(
        "CommunityMessage_CommunityThread={thread}&CommunityMessage_User={user_id}&from_Id={}&CommunityMessage_Message={}",
        since_id + 1,
        encode(text.get(..text.len().min(200)).unwrap_or(text))
    );
    let envelope: ListEnvelope<CommunityMessage> = client.get_json(&format!("{PATH}?{qs}")).await?;
    Ok(envelope.records.into_iter().find(|m| m.message.as_deref().map(str::trim) == Some(text.trim())).map(|m| m.id))
}
