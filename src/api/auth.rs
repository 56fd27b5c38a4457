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
    let tokens = client.token_request(&request).await?;
    client.session().set_tokens(tokens);
    load_member(client, super::profiles::current(client).await)
}

/// After a reload: exchanges the kept refresh token and loads the profile.
pub async fn restore(client: &ApiClient) -> Result<(), ApiError> {
    let profile = async {
        client.refresh().await?;
        super::profiles::current(client).await
    }
    .await;
    load_member(client, profile)
}

/// Completes a sign-in with the member's profile, or undoes it: a session without a known
/// member is no session.
fn load_member(client: &ApiClient, profile: Result<crate::model::Profile, ApiError>) -> Result<(), ApiError> {
    let session = client.session();
    match profile {
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
