//! People: `User` records (authors) and the signed-in member's profile.

use serde::{Deserialize, Serialize};

use super::wire;

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct User {
    #[serde(deserialize_with = "wire::or_default")]
    pub id: i64,
    #[serde(deserialize_with = "wire::or_default")]
    pub full_name: String,
    pub email: Option<String>,
    /// A full administrator (the profile's `User.IsAdmin`): the REST API is theirs.
    #[serde(deserialize_with = "wire::or_default")]
    pub is_admin: bool,
}

/// `GET /api/public/coworkers/profiles`: who is signed in. Also what the board keeps over a
/// reload, written in the API's own shape so one reader does both.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Profile {
    #[serde(deserialize_with = "wire::or_default")]
    pub user: User,
    pub default_business: Option<Business>,
    #[serde(deserialize_with = "wire::or_default")]
    pub profiles: Vec<CustomerProfile>,
}

/// One of the member's customer (coworker) profiles.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct CustomerProfile {
    #[serde(deserialize_with = "wire::or_default")]
    pub id: i64,
    #[serde(deserialize_with = "wire::or_default")]
    pub is_default_profile: bool,
}

impl Profile {
    /// The ids the API wants on what this member writes.
    pub fn author(&self) -> super::Author {
        let coworker = self.profiles.iter().find(|p| p.is_default_profile).or(self.profiles.first()).map(|p| p.id);
        super::Author { user_id: self.user.id, business_id: self.default_business.as_ref().map_or(0, |b| b.id), coworker_id: coworker }
    }
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Business {
    #[serde(deserialize_with = "wire::or_default")]
    pub id: i64,
    #[serde(deserialize_with = "wire::or_default")]
    pub name: String,
}

/// Up to two initials, for an avatar placeholder: "Tomás García" → "TG".
pub fn initials(full_name: &str) -> String {
    let words: Vec<&str> = full_name.split_whitespace().collect();
    let pick = match words.as_slice() {
        [] => vec![],
        [only] => vec![*only],
        [first, .., last] => vec![*first, *last],
    };
    let firsts: String = pick.iter().filter_map(|w| w.chars().next()).collect();
    super::case::uppercase(&firsts)
}

/// A person to mention: their name, and (REST) their user id, which makes them a guest of
/// the thread. The members' directory names profiles, not users, so it has none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mentionable {
    pub name: String,
    pub user_id: Option<i64>,
}

/// One entry of the members' directory (`GET /api/public/coworkers/published`).
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct PublishedMember {
    #[serde(deserialize_with = "wire::or_default")]
    pub id: i64,
    #[serde(deserialize_with = "wire::or_default")]
    pub full_name: String,
}
