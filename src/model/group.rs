//! `CommunityGroup` (contract doc §6) and who may post in one.

use crate::i18n::Msg;
use serde::Deserialize;

use super::wire;

#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct CommunityGroup {
    #[serde(deserialize_with = "wire::or_default")]
    pub id: i64,
    #[serde(deserialize_with = "wire::or_default")]
    pub name: String,
    pub description: Option<String>,
    /// 1 Restricted, 2 Public, 3 Private.
    #[serde(deserialize_with = "wire::or_default")]
    pub group_access: i64,
    /// Customer (coworker) ids; only present in get-by-id and batch answers.
    pub members: Option<Vec<i64>>,
    /// Whether the signed-in member may post here, when the API says so (the Public API's
    /// `CanPostMessages`); REST leaves it to the access level and the member list.
    #[serde(skip)]
    pub can_post: Option<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Restricted,
    Public,
    Private,
}

impl CommunityGroup {
    pub fn access(&self) -> Access {
        match self.group_access {
            1 => Access::Restricted,
            3 => Access::Private,
            _ => Access::Public,
        }
    }

    /// Whether the member (by customer profile) may start a conversation here. `None` when it
    /// depends on a membership list not loaded yet.
    pub fn may_post(&self, coworker_id: Option<i64>) -> Option<bool> {
        if self.can_post.is_some() {
            return self.can_post;
        }
        match self.access() {
            Access::Public => Some(true),
            // A Private group the member can see at all is one they belong to.
            Access::Private => Some(true),
            Access::Restricted => {
                let members = self.members.as_ref()?;
                Some(coworker_id.is_some_and(|c| members.contains(&c)))
            }
        }
    }
}

impl Access {
    pub fn label(self) -> Msg {
        match self {
            Access::Restricted => Msg::AccessRestricted,
            Access::Public => Msg::AccessPublic,
            Access::Private => Msg::AccessPrivate,
        }
    }

    /// What the level means, for the group filter.
    pub fn explain(self) -> Msg {
        match self {
            Access::Restricted => Msg::AccessRestrictedExplained,
            Access::Public => Msg::AccessPublicExplained,
            Access::Private => Msg::AccessPrivateExplained,
        }
    }
}
