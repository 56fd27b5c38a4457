//! Finding people to mention, through the search each backend allows: REST's users
//! (`User-List`, staff), the members' directory on the Public API.

use super::client::ApiClient;
use super::error::ApiError;
use super::users;
use crate::model::backend::Backend;
use crate::model::portal::Page;
use crate::model::query::encode;
use crate::model::user::{Mentionable, PublishedMember};

/// At most this many are offered at once.
pub const OFFERED: usize = 8;

pub async fn search(client: &ApiClient, text: &str) -> Result<Vec<Mentionable>, ApiError> {
    let mut found = match client.session().backend() {
        Backend::Rest => users::search(client, text).await?.into_iter().map(|u| Mentionable { name: u.full_name, user_id: Some(u.id) }).collect(),
        Backend::Portal => {
            let path = format!("/api/public/coworkers/published?query={}&page=1&size={OFFERED}", encode(text.trim()));
            let page: Page<PublishedMember> = client.get_json(&path).await?;
            page.records.into_iter().map(|m| Mentionable { name: m.full_name, user_id: None }).collect::<Vec<_>>()
        }
    };
    found.retain(|p| !p.name.trim().is_empty());
    found.truncate(OFFERED);
    Ok(found)
}
