//! `/api/public/coworkers/profiles`: the signed-in member.

use super::client::ApiClient;
use super::error::ApiError;
use crate::model::Profile;

pub async fn current(client: &ApiClient) -> Result<Profile, ApiError> {
    client.get_json("/api/public/coworkers/profiles").await
}
