//! `POST /api/token`: the form the board sends and the answers it reads (contract doc §2).

use crate::i18n::{Msg, Phrase, Text};
use serde::Deserialize;

/// A token request. Nexudus reads form fields only: a JSON body is refused.
#[derive(Debug, Clone, PartialEq)]
pub enum TokenRequest {
    Password { username: String, password: String, totp: Option<String> },
    Refresh { refresh_token: String },
}

impl TokenRequest {
    /// The `application/x-www-form-urlencoded` body.
    pub fn to_form(&self) -> String {
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        match self {
            TokenRequest::Password { username, password, totp } => {
                pairs.push(("grant_type", "password"));
                pairs.push(("username", username));
                pairs.push(("password", password));
                if let Some(code) = totp {
                    pairs.push(("totp", code));
                }
            }
            TokenRequest::Refresh { refresh_token } => {
                pairs.push(("grant_type", "refresh_token"));
                pairs.push(("refresh_token", refresh_token));
            }
        }
        pairs.iter().map(|(k, v)| format!("{k}={}", super::query::encode(v))).collect::<Vec<_>>().join("&")
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct TokenResponse {
    /// Required: missing or null is an error.
    pub access_token: String,
    pub token_type: Option<String>,
    /// Seconds until the access token expires.
    pub expires_in: Option<u64>,
    pub refresh_token: Option<String>,
}

/// A 400 from the token endpoint.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct OAuthError {
    /// Required: what tells this answer from a validation envelope.
    pub error: String,
    pub error_description: Option<String>,
}

impl OAuthError {
    /// What to tell the member, in words rather than codes: the board's own for the codes
    /// it knows, else the server's description as sent, else the bare code.
    pub fn explain(&self) -> Text {
        match self.error.as_str() {
            "invalid_grant" => Msg::OAuthInvalidGrant.into(),
            "two_factor_auth_check" => Msg::OAuthTwoFactor.into(),
            "must_reset_password" => Msg::OAuthMustResetPassword.into(),
            "unsupported_grant_type" => Msg::OAuthUnsupportedGrant.into(),
            _ => match &self.error_description {
                Some(description) => Text::Api(description.clone()),
                None => Phrase::SignInFailed(self.error.clone()).into(),
            },
        }
    }
}
