//! The Members Portal's Public API board, `/api/public/community/board/…` (contract doc §8;
//! the wire shapes are in the README's sandbox section). It acts as the signed-in customer,
//! so the members' rules live here: visibility, who may post in which group, author-only
//! deletes, and one like, follow or mute per user as toggles. Same database as REST.
//!
//! One module per job: `groups`, `threads` (list, detail, start, delete), `replies`, `marks`
//! (the toggles), `directory` (the published members, for mentions); `wire` holds the
//! answers' shapes, `input` reads queries and bodies.

mod directory;
mod groups;
mod input;
mod marks;
mod replies;
mod threads;
mod wire;

use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use axum::routing::{delete, get, post};
use axum::Router;
use rusqlite::OptionalExtension;

use super::listing;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::server::AppState;

pub const BASE: &str = "/api/public/community/board";

/// Every Public API board route. `X-Use-Timezone` is accepted and ignored: the business runs
/// on UTC, so its local times and the UTC ones are the same instants.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(&format!("{BASE}/groups"), get(groups::list))
        .route(&format!("{BASE}/threads"), get(threads::list).post(threads::create))
        .route(&format!("{BASE}/threads/{{id}}"), get(threads::detail).delete(threads::delete))
        .route(&format!("{BASE}/threads/{{id}}/messages"), get(replies::list).post(replies::create))
        .route(&format!("{BASE}/threads/{{id}}/messages/{{message}}"), delete(replies::delete))
        .route(&format!("{BASE}/threads/{{id}}/like"), post(marks::like))
        .route(&format!("{BASE}/threads/{{id}}/follow"), post(marks::follow))
        .route(&format!("{BASE}/threads/{{id}}/mute"), post(marks::mute))
        // The documented path has no `threads/` segment (contract doc §10.15); it is served as written.
        .route(&format!("{BASE}/{{id}}/messages/{{message}}/like"), post(marks::like_message))
        // The members' directory: how a member finds people to mention.
        .route(directory::PATH, get(directory::list))
}

/// The signed-in customer: a valid token whose user has a customer (coworker) profile. The
/// Public API answers 401 to anyone without one (contract doc §2.4).
pub struct Customer {
    pub caller: Caller,
    /// The customer profile posts are made as: the user's first, as on REST.
    pub coworker_id: i64,
}

impl FromRequestParts<AppState> for Customer {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let caller = Caller::from_request_parts(parts, state).await?;
        let user = caller.user_id;
        let coworker = state
            .db
            .call(move |conn| {
                Ok(conn.query_row("SELECT id FROM coworkers WHERE user_id = ?1 ORDER BY id LIMIT 1", [user], |r| r.get(0)).optional()?)
            })
            .await?;
        coworker.map(|coworker_id| Customer { caller, coworker_id }).ok_or(ApiError::Unauthorized)
    }
}

/// The ids in a route's path, in order. Anything that is not a whole number (or does not
/// decode) names no record: 404 `"Not found"`, as on REST.
pub struct Ids<const N: usize>(pub [i64; N]);

impl<const N: usize> FromRequestParts<AppState> for Ids<N> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let Path(raw) = Path::<Vec<String>>::from_request_parts(parts, state).await.map_err(|_| ApiError::NotFound)?;
        let ids = raw.iter().map(|id| listing::parse_id(id)).collect::<Result<Vec<i64>, _>>()?;
        Ok(Ids(ids.try_into().map_err(|_| ApiError::NotFound)?))
    }
}

/// The business's local time for a stored UTC timestamp (`…Z`). The sandbox's business runs
/// on UTC, so local is the same instant written without the zone.
pub fn local(utc: &str) -> String {
    utc.strip_suffix('Z').unwrap_or(utc).to_owned()
}

/// `Message` and `LastMessageText` go out HTML-encoded, as the portal sends them.
pub fn html_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

/// "Sam Rivera" → "Sam R.": the first name and the last name's initial.
pub fn short_name(full: &str) -> String {
    let words: Vec<&str> = full.split_whitespace().collect();
    match words.as_slice() {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [first, .., last] => format!("{first} {}.", last.chars().next().unwrap_or_default()),
    }
}

/// A stored comma-separated `Tags` as a list: trimmed, empty ones dropped.
pub fn tag_list(tags: Option<&str>) -> Vec<String> {
    tags.map(|t| t.split(',').map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_the_five_characters() {
        assert_eq!(html_encode(r#"<b>"Tom's" & co</b>"#), "&lt;b&gt;&quot;Tom&#39;s&quot; &amp; co&lt;/b&gt;");
        assert_eq!(html_encode("plain é"), "plain é");
    }

    #[test]
    fn short_names_keep_the_first_name_and_an_initial() {
        assert_eq!(short_name("Sam Rivera"), "Sam R.");
        assert_eq!(short_name("Tomás  García"), "Tomás G.");
        assert_eq!(short_name("Anne Marie van Dyke"), "Anne D.");
        assert_eq!(short_name("Cher"), "Cher");
        assert_eq!(short_name("  "), "");
    }

    #[test]
    fn local_time_drops_the_zone_and_tags_split() {
        assert_eq!(local("2025-01-15T10:30:00Z"), "2025-01-15T10:30:00");
        assert_eq!(tag_list(Some(" food, ,local ")), vec!["food", "local"]);
        assert!(tag_list(None).is_empty());
    }
}
