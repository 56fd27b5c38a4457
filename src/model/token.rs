//! `POST /api/token`: the form the board sends and the answers it reads (contract doc §2).

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
    pub access_token: String,
    #[serde(default)]
    pub token_type: Option<String>,
    /// Seconds until the access token expires.
    #[serde(default)]
    pub expires_in: Option<u64>,
    #[serde(default)]
    pub refresh_token: Option<String>,
}

/// A 400 from the token endpoint.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct OAuthError {
    pub error: String,
    #[serde(default)]
    pub error_description: Option<String>,
}

impl OAuthError {
    /// What to tell the member, in words rather than codes.
    pub fn explain(&self) -> String {
        match self.error.as_str() {
            "invalid_grant" => "The email or password is incorrect, or this account cannot sign in here.".into(),
            "two_factor_auth_check" => "Enter the one-time code from your authenticator app.".into(),
            "must_reset_password" => "You need to reset your password before signing in.".into(),
            "unsupported_grant_type" => "The server refused the sign-in request.".into(),
            _ => self.error_description.clone().unwrap_or_else(|| format!("Sign-in failed ({}).", self.error)),
        }
    }
}
