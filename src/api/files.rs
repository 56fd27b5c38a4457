//! `/api/community/communitythreadfiles`: pictures and files on a conversation's opening post
//! (REST, staff). Nexudus documents the record but no address for a file's bytes; the board
//! asks for them at `…/{id}/file` (the sandbox's, contract doc §7), with the member's token, so
//! a picture needs no public URL.

use super::client::ApiClient;
use super::error::ApiError;
use crate::model::attachment::{NewThreadFile, PickedFile, ThreadFile};
use crate::model::ListEnvelope;

const PATH: &str = "/api/community/communitythreadfiles";

/// The files of one conversation, oldest first.
pub async fn for_thread(client: &ApiClient, thread: i64) -> Result<Vec<ThreadFile>, ApiError> {
    let envelope: ListEnvelope<ThreadFile> =
        client.get_json(&format!("{PATH}?CommunityThreadFile_CommunityThread={thread}&orderBy=Id&size=25")).await?;
    Ok(envelope.records)
}

/// Attaches `file` to `thread`; returns the new record's id.
pub async fn create(client: &ApiClient, thread: i64, file: &PickedFile, description: &str) -> Result<i64, ApiError> {
    let description = Some(description.trim()).filter(|d| !d.is_empty());
    let body = super::client::body(&NewThreadFile { community_thread_id: thread, name: &file.name, description, new_file_data_url: &file.data_url })?;
    let envelope = client.post(PATH, Some(body)).await?;
    envelope.created_id().ok_or_else(|| ApiError::Decode("no Value.Id in the create answer".into()))
}

/// A file's bytes and the type the server declared for them.
pub async fn content(client: &ApiClient, id: i64) -> Result<(Vec<u8>, String), ApiError> {
    client.get_bytes(&format!("{PATH}/{id}/file")).await
}
