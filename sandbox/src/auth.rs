//! Who is calling: bearer tokens (and Basic credentials, which Nexudus' REST API also
//! accepts), token issue and refresh-token rotation, and role checks.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use base64::Engine;
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::ApiError;
use crate::server::AppState;

/// Refresh tokens live 15 days (contract doc §2.2).
pub const REFRESH_TOKEN_TTL_SECS: i64 = 15 * 24 * 3600;

/// The authenticated user behind a request.
#[derive(Debug, Clone)]
pub struct Caller {
    pub user_id: i64,
    pub email: String,
    pub is_admin: bool,
    roles: Vec<String>,
}

impl Caller {
    /// A full administrator passes every check; anyone else needs `<Entity>-<Action>`.
    /// Role names are compared without regard to case: the legacy docs write them lowercase.
    pub fn require(&self, role: &str) -> Result<(), ApiError> {
        if self.is_admin || self.roles.iter().any(|r| r.eq_ignore_ascii_case(role)) {
            Ok(())
        } else {
            Err(ApiError::Unauthorized)
        }
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let header =
            parts.headers.get(axum::http::header::AUTHORIZATION).and_then(|v| v.to_str().ok()).ok_or(ApiError::Unauthorized)?.trim().to_owned();
        let credentials = parse_authorization(&header).ok_or(ApiError::Unauthorized)?;
        let now = chrono::Utc::now().timestamp();
        state.db.call(move |conn| Ok(lookup_caller(conn, &credentials, now)?)).await?.ok_or(ApiError::Unauthorized)
    }
}

enum Credentials {
    Bearer(String),
    Basic { email: String, password: String },
}

fn parse_authorization(header: &str) -> Option<Credentials> {
    let (scheme, rest) = header.split_once(' ')?;
    let rest = rest.trim();
    if scheme.eq_ignore_ascii_case("bearer") && !rest.is_empty() {
        return Some(Credentials::Bearer(rest.to_owned()));
    }
    if scheme.eq_ignore_ascii_case("basic") {
        let decoded = base64::engine::general_purpose::STANDARD.decode(rest).ok()?;
        let decoded = String::from_utf8(decoded).ok()?;
        let (email, password) = decoded.split_once(':')?;
        return Some(Credentials::Basic { email: email.to_owned(), password: password.to_owned() });
    }
    None
}

fn lookup_caller(conn: &Connection, credentials: &Credentials, now: i64) -> rusqlite::Result<Option<Caller>> {
    let row = |r: &rusqlite::Row<'_>| -> rusqlite::Result<Caller> {
        let roles: String = r.get(3)?;
        Ok(Caller {
            user_id: r.get(0)?,
            email: r.get(1)?,
            is_admin: r.get(2)?,
            roles: roles.split(',').map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect(),
        })
    };
    match credentials {
        Credentials::Bearer(token) => conn
            .query_row(
                "SELECT u.id, u.email, u.is_admin, u.roles FROM access_tokens a JOIN users u ON u.id = a.user_id
                 WHERE a.token = ?1 AND a.expires_at > ?2 AND u.active = 1",
                params![token, now],
                row,
            )
            .optional(),
        // Basic skips two-factor, as an API integration would; only the demo accounts exist here.
        Credentials::Basic { email, password } => conn
            .query_row(
                "SELECT id, email, is_admin, roles FROM users WHERE email = ?1 AND password = ?2 AND active = 1",
                params![email, password],
                row,
            )
            .optional(),
    }
}

/// A fresh random token. Access tokens are shaped like a JWT (three base64url parts), as
/// Nexudus' are, so clients that peek at the shape behave as they would against a tenant.
pub fn new_token(parts: usize) -> String {
    let engine = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    (0..parts)
        .map(|_| {
            let mut bytes = [0u8; 24];
            getrandom::fill(&mut bytes).expect("the OS random source is available");
            engine.encode(bytes)
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// Issues an access token and a refresh token for `client_id`, revoking the client's earlier
/// refresh tokens (rotation). Earlier access tokens stay valid until they expire.
pub fn issue_tokens(conn: &Connection, user_id: i64, client_id: &str, access_ttl_secs: i64, now: i64) -> rusqlite::Result<(String, String)> {
    let access = new_token(3);
    let refresh = new_token(1);
    conn.execute("DELETE FROM access_tokens WHERE expires_at <= ?1", params![now])?;
    conn.execute("INSERT INTO access_tokens (token, user_id, expires_at) VALUES (?1, ?2, ?3)", params![access, user_id, now + access_ttl_secs])?;
    conn.execute("DELETE FROM refresh_tokens WHERE user_id = ?1 AND client_id = ?2", params![user_id, client_id])?;
    conn.execute(
        "INSERT INTO refresh_tokens (token, user_id, client_id, expires_at) VALUES (?1, ?2, ?3, ?4)",
        params![refresh, user_id, client_id, now + REFRESH_TOKEN_TTL_SECS],
    )?;
    Ok((access, refresh))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bearer_and_basic_headers_parse() {
        assert!(matches!(parse_authorization("Bearer abc"), Some(Credentials::Bearer(t)) if t == "abc"));
        let basic = base64::engine::general_purpose::STANDARD.encode("a@b.c:pw:with:colons");
        match parse_authorization(&format!("Basic {basic}")) {
            Some(Credentials::Basic { email, password }) => assert_eq!((email.as_str(), password.as_str()), ("a@b.c", "pw:with:colons")),
            _ => panic!("basic credentials did not parse"),
        }
        assert!(parse_authorization("Bearer ").is_none());
        assert!(parse_authorization("Token x").is_none());
        assert!(parse_authorization("Basic %%%").is_none());
    }

    #[test]
    fn tokens_are_distinct_and_jwt_shaped() {
        let a = new_token(3);
        assert_eq!(a.split('.').count(), 3);
        assert_ne!(a, new_token(3));
    }
}
