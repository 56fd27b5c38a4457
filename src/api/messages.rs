//! `/api/community/communitymessages`: replies.

use super::client::ApiClient;
use super::error::ApiError;
use crate::json::Object;
use crate::model::query::{encode, Direction};
use crate::model::{ActionEnvelope, Author, CommunityMessage, ListEnvelope};

const PATH: &str = "/api/community/communitymessages";
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
    let body =
        Object::new().with("CommunityThreadId", thread).with("UserId", author.user_id).with("CoworkerId", author.coworker_id).with("Message", text);
    let envelope: ActionEnvelope = client.post_json(PATH, &body.into()).await?;
    envelope.created_id().ok_or_else(|| ApiError::Decode("no Value.Id in the create answer".into()))
}

pub async fn delete(client: &ApiClient, id: i64) -> Result<(), ApiError> {
    let _: ActionEnvelope = client.delete(&format!("{PATH}/{id}")).await?;
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
