//! `/api/community/communitythreads`.

use super::client::ApiClient;
use super::error::ApiError;
use crate::model::query::ThreadQuery;
use crate::model::{CommunityThread, ListEnvelope};

pub async fn list(client: &ApiClient, query: &ThreadQuery) -> Result<ListEnvelope<CommunityThread>, ApiError> {
    let qs = query.to_query_string(client.dir_convention);
    client.get_json(&format!("/api/community/communitythreads?{qs}")).await
}
