//! `/api/community/communitygroups`.

use super::client::ApiClient;
use super::error::ApiError;
use crate::model::{CommunityGroup, ListEnvelope};

/// Every group the member can see (one request; 1000 is the API's page cap).
pub async fn all(client: &ApiClient) -> Result<Vec<CommunityGroup>, ApiError> {
    let only = client.business.map(|b| format!("&CommunityGroup_Business={b}")).unwrap_or_default();
    let envelope: ListEnvelope<CommunityGroup> = client.get_json(&format!("/api/community/communitygroups?size=1000&orderBy=Name{only}")).await?;
    Ok(envelope.records)
}

/// One group with its `Members`.
pub async fn get(client: &ApiClient, id: i64) -> Result<CommunityGroup, ApiError> {
    client.get_json(&format!("/api/community/communitygroups/{id}")).await
}
