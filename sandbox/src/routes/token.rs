//! `POST /api/token`: the OAuth2 password and refresh-token grants (contract doc §2.1, §2.2).

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap};
use axum::Json;
use rusqlite::{params, OptionalExtension};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::auth::issue_tokens;
use crate::error::ApiError;
use crate::server::AppState;

#[derive(Deserialize, Default)]
struct TokenForm {
    grant_type: Option<String>,
    username: Option<String>,
    password: Option<String>,
    totp: Option<String>,
    refresh_token: Option<String>,
}

fn unsupported() -> ApiError {
    ApiError::OAuth { error: "unsupported_grant_type", description: "The grant type is not supported.".into() }
}

fn invalid_grant(description: &str) -> ApiError {
    ApiError::OAuth { error: "invalid_grant", description: description.into() }
}

pub async fn issue(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Result<Json<Value>, ApiError> {
    // Only a form body is read; JSON, even with the right fields, is refused as Nexudus does.
    let is_form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim().to_ascii_lowercase().starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return Err(unsupported());
    }
    let form: TokenForm = serde_urlencoded::from_bytes(&body).map_err(|_| unsupported())?;
    let client_id = headers.get("client_id").and_then(|v| v.to_str().ok()).map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned);
    let ttl = state.config.access_token_ttl.as_secs() as i64;
    let now = chrono::Utc::now().timestamp();

    let (access, refresh) = match form.grant_type.as_deref() {
        Some("password") => {
            let email = form.username.unwrap_or_default();
            let password = form.password.unwrap_or_default();
            let totp = form.totp;
            state
                .db
                .call(move |conn| {
                    let user: Option<(i64, Option<String>, bool)> = conn
                        .query_row("SELECT id, totp, active FROM users WHERE email = ?1 AND password = ?2", params![email.trim(), password], |r| {
                            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                        })
                        .optional()?;
                    let Some((user_id, expected_totp, active)) = user else {
                        return Ok(Err(invalid_grant("The user name or password is incorrect.")));
                    };
                    if !active {
                        return Ok(Err(invalid_grant("This account is suspended.")));
                    }
                    if let Some(expected) = expected_totp {
                        match totp.as_deref().map(str::trim) {
                            None | Some("") => {
                                return Ok(Err(ApiError::OAuth {
                                    error: "two_factor_auth_check",
                                    description: "Two-factor authentication is enabled: send the code as totp.".into(),
                                }))
                            }
                            Some(code) if code != expected => return Ok(Err(invalid_grant("The one-time code is incorrect."))),
                            Some(_) => {}
                        }
                    }
                    // Without a client_id header the email stands in for it (contract doc §2.1).
                    let client = client_id.unwrap_or_else(|| email.trim().to_lowercase());
                    Ok(Ok(issue_tokens(conn, user_id, &client, ttl, now)?))
                })
                .await??
        }
        Some("refresh_token") => {
            let client = client_id.ok_or_else(|| invalid_grant("The client_id header is required to refresh a token."))?;
            let token = form.refresh_token.unwrap_or_default();
            state
                .db
                .call(move |conn| {
                    let user_id: Option<i64> = conn
                        .query_row(
                            "SELECT user_id FROM refresh_tokens WHERE token = ?1 AND client_id = ?2 AND expires_at > ?3",
                            params![token, client, now],
                            |r| r.get(0),
                        )
                        .optional()?;
                    match user_id {
                        None => Ok(Err(invalid_grant("The refresh token is invalid, expired or already used."))),
                        Some(user_id) => Ok(Ok(issue_tokens(conn, user_id, &client, ttl, now)?)),
                    }
                })
                .await??
        }
        _ => return Err(unsupported()),
    };
    Ok(Json(json!({ "access_token": access, "token_type": "bearer", "expires_in": ttl, "refresh_token": refresh })))
}
