//! Signing in with the password grant.

use super::client::ApiClient;
use super::error::ApiError;
use crate::model::{TokenRequest, TokenResponse};

pub async fn sign_in(client: &ApiClient, email: &str, password: &str, totp: Option<&str>) -> Result<TokenResponse, ApiError> {
    let request = TokenRequest::Password {
        username: email.trim().to_owned(),
        password: password.to_owned(),
        totp: totp.map(str::trim).filter(|c| !c.is_empty()).map(str::to_owned),
    };
    client.post_form("/api/token", request.to_form()).await
}
