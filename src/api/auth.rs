//! Signing in: the password grant, then who the member is.

use super::client::ApiClient;
use super::error::ApiError;
use crate::model::TokenRequest;

/// Signs in and loads the member's profile into the session.
pub async fn sign_in(client: &ApiClient, email: &str, password: &str, totp: Option<&str>) -> Result<(), ApiError> {
    let request = TokenRequest::Password {
        username: email.trim().to_owned(),
        password: password.to_owned(),
        totp: totp.map(str::trim).filter(|c| !c.is_empty()).map(str::to_owned),
    };
    let tokens = client.sign_in(&request).await?;
    let session = client.session();
    session.set_tokens(tokens);
    match super::profiles::current(client).await {
        Ok(profile) => {
            session.set_member(profile);
            Ok(())
        }
        Err(e) => {
            session.sign_out();
            Err(e)
        }
    }
}

/// After a reload: exchanges the kept refresh token and loads the profile.
pub async fn restore(client: &ApiClient) -> Result<(), ApiError> {
    let session = client.session();
    let result = async {
        client.refresh().await?;
        super::profiles::current(client).await
    }
    .await;
    match result {
        Ok(profile) => {
            session.set_member(profile);
            Ok(())
        }
        Err(e) => {
            session.sign_out();
            Err(e)
        }
    }
}
