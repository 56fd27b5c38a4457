//! `/api/sys/users`: the names behind `UserId`s, and people search for the guest picker.

use super::client::ApiClient;
use super::error::ApiError;
use crate::model::query::{batch_ids_query, encode};
use crate::model::{ListEnvelope, User};

/// All the given users in ONE request (the batch form), whatever the number of rows shown.
pub async fn by_ids(client: &ApiClient, ids: &[i64]) -> Result<Vec<User>, ApiError> {
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    client.get_json(&format!("/api/sys/users/?{}", batch_ids_query(&ids))).await
}

/// People whose name contains `text`, for choosing guests.
pub async fn search(client: &ApiClient, text: &str) -> Result<Vec<User>, ApiError> {
    let envelope: ListEnvelope<User> =
        client.get_json(&format!("/api/sys/users?User_FullName={}&size=10&orderBy=FullName", encode(text.trim()))).await?;
    Ok(envelope.records)
}
