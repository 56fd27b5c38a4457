//! Signing in: the password grant, then who the member is and which API their board uses
//! (`choice`), asked for together.

use super::client::ApiClient;
use super::error::ApiError;
use crate::host_token::{HostToken, TokenReason};
use crate::model::backend::{Backend, Probe};
use crate::model::{Profile, TokenRequest};

/// Who the member is, and the backend probe beside it (two requests at once).
async fn member_and_probe(client: &ApiClient) -> (Result<Profile, ApiError>, Option<Probe>) {
    futures::join!(super::profiles::current(client), super::choice::probe(client))
}

/// Embedded: takes the host's token and loads the member it belongs to.
pub async fn start_with_host(client: &ApiClient, host: &HostToken) -> Result<(), ApiError> {
    if let Err(e) = client.token_from_host(host, TokenReason::Initial).await {
        client.session().sign_out();
        return Err(e);
    }
    let (profile, probe) = member_and_probe(client).await;
    load_member(client, profile, probe)
}

/// `start_with_host` without waiting; a failure leaves the session signed out (the board then
/// offers to try again) and is logged for the host's developers.
pub fn start_with_host_in_background(client: &ApiClient, host: HostToken) {
    let client = client.clone();
    // Ends with the board, should the host unmount it first.
    let start = async move { start_with_host(&client, &host).await };
    crate::reads::Reads::new().spawn(start, |started| {
        if let Err(e) = started {
            // The host's developers need the host's own words, not the member's message.
            let reason = match &e {
                super::error::ApiError::Host(reason) => reason.clone(),
                other => other.to_string(),
            };
            web_sys::console::warn_1(&format!("community board: could not start with the host's token: {reason}").into());
        }
    });
}

/// Signs in and loads the member's profile into the session.
pub async fn sign_in(client: &ApiClient, email: &str, password: &str, totp: Option<&str>) -> Result<(), ApiError> {
    let request = TokenRequest::Password {
        username: email.trim().to_owned(),
        password: password.to_owned(),
        totp: totp.map(str::trim).filter(|c| !c.is_empty()).map(str::to_owned),
    };
    let tokens = client.token_request(&request).await?;
    client.session().set_tokens(tokens);
    let (profile, probe) = member_and_probe(client).await;
    load_member(client, profile, probe)
}

/// After a reload: exchanges the kept refresh token and loads the profile.
///
/// With the member kept from before the reload, the board is on screen after the token
/// exchange alone; the profile is then asked for behind the screen's own requests, in case
/// it changed.
pub async fn restore(client: &ApiClient) -> Result<(), ApiError> {
    let session = client.session();
    if let Err(e) = client.refresh().await {
        session.sign_out();
        return Err(e);
    }
    let (Some(kept), Some(backend)) = (session.kept_member(), session.kept_backend()) else {
        let (profile, probe) = member_and_probe(client).await;
        return load_member(client, profile, probe);
    };
    session.set_backend(backend, true);
    session.set_member(kept);
    if let Ok(fresh) = super::profiles::current(&client.in_background()).await {
        if session.is_signed_in_untracked() {
            session.set_member(fresh);
        }
    }
    Ok(())
}

/// Completes a sign-in with the member's profile, or undoes it: a session without a known
/// member is no session.
fn load_member(client: &ApiClient, profile: Result<Profile, ApiError>, probe: Option<Probe>) -> Result<(), ApiError> {
    let session = client.session();
    match profile {
        Ok(profile) => {
            let (backend, keep) = super::choice::decide(client, profile.user.is_admin, probe);
            if backend == Backend::Rest {
                super::staff_reads::preload();
            }
            // Before the member: screens start their requests as soon as the session is signed in.
            session.set_backend(backend, keep);
            session.set_member(profile);
            Ok(())
        }
        Err(e) => {
            session.sign_out();
            Err(e)
        }
    }
}
