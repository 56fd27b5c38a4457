//! Per-session caches: people by id (filled a page at a time with one batch request) and the
//! groups (loaded once). They keep list pages to at most three requests.

use std::collections::HashMap;

use leptos::prelude::*;

use super::client::ApiClient;
use super::error::ApiError;
use crate::model::backend::Backend;
use crate::model::{CommunityGroup, User};

#[derive(Clone, Copy)]
pub struct Directory {
    users: RwSignal<HashMap<i64, User>>,
    groups: RwSignal<Option<Vec<CommunityGroup>>>,
    /// A groups request is on its way.
    groups_loading: StoredValue<bool>,
    /// Bumped by `clear`: answers to requests made before it are not kept.
    generation: StoredValue<u32>,
}

impl Default for Directory {
    fn default() -> Self {
        Self::new()
    }
}

impl Directory {
    pub fn new() -> Self {
        Directory {
            users: RwSignal::new(HashMap::new()),
            groups: RwSignal::new(None),
            groups_loading: StoredValue::new(false),
            generation: StoredValue::new(0),
        }
    }

    /// Makes sure every id is known, with at most one request for those that are not.
    /// Where people cannot be looked up (the Public API: `/api/sys/users` is a staff role),
    /// the names come with the answers instead (`remember`) and this asks nothing.
    pub async fn load_users(&self, client: &ApiClient, ids: &[i64]) -> Result<(), ApiError> {
        if !client.session().backend().capabilities().people_lookup {
            return Ok(());
        }
        let missing: Vec<i64> =
            self.users.try_with_untracked(|known| ids.iter().copied().filter(|id| !known.contains_key(id)).collect()).unwrap_or_default();
        if missing.is_empty() {
            return Ok(());
        }
        let found = super::users::by_ids(client, &missing).await?;
        self.users.try_update(|known| {
            for user in found {
                known.insert(user.id, user);
            }
        });
        Ok(())
    }

    pub fn remember(&self, users: Vec<User>) {
        // `try_`: called after a request, when the board may have been unmounted meanwhile.
        self.users.try_update(|known| {
            for user in users {
                known.insert(user.id, user);
            }
        });
    }

    /// The name to show for a user id (tracked: re-renders once the batch arrives).
    pub fn name_of(&self, id: i64) -> Option<String> {
        self.users.with(|known| known.get(&id).map(|u| u.full_name.clone()).filter(|n| !n.trim().is_empty()))
    }

    /// The groups, loaded on first use and kept for the session.
    pub async fn groups(&self, client: &ApiClient) -> Result<Vec<CommunityGroup>, ApiError> {
        // One request however many parts of the screen ask at once: later askers wait for it.
        // (`try_`: a board unmounted by its host meanwhile has no directory any more.)
        let loading_elsewhere = || self.groups_loading.try_get_value().unwrap_or(false) && self.groups.try_get_untracked().flatten().is_none();
        crate::browser::wait_while(loading_elsewhere, i32::MAX).await;
        if let Some(groups) = self.groups.try_get_untracked().flatten() {
            return Ok(groups);
        }
        self.groups_loading.try_set_value(true);
        // Lowered however this ends: a page that asked may be left (and this future dropped)
        // mid-request, and a flag left up would keep every later asker waiting for good.
        let _loading = LoweredOnDrop(self.groups_loading);
        let generation = self.generation.try_get_value();
        let loaded = match client.session().backend() {
            Backend::Portal => super::portal::groups(client).await,
            Backend::Rest => super::groups::all(client).await,
        };
        if self.generation.try_get_value() != generation {
            // Signed out meanwhile: the next member's groups are asked for afresh.
            return loaded;
        }
        let groups = loaded?;
        self.groups.try_set(Some(groups.clone()));
        Ok(groups)
    }

    /// One group, once the groups are loaded (found in place: the list is not copied).
    pub async fn group(&self, client: &ApiClient, id: i64) -> Option<CommunityGroup> {
        if self.groups.try_with_untracked(Option::is_none).unwrap_or(true) {
            self.groups(client).await.ok()?;
        }
        self.groups.try_with_untracked(|g| g.as_ref()?.iter().find(|x| x.id == id).cloned()).flatten()
    }

    /// Starts loading the groups, behind the screen's own requests, unless they are known.
    pub fn load_groups_later(&self, client: &ApiClient) {
        if self.groups.try_with_untracked(Option::is_some).unwrap_or(true) || self.groups_loading.try_get_value().unwrap_or(true) {
            return;
        }
        let (directory, client) = (*self, client.in_background());
        leptos::task::spawn_local(async move {
            let _ = directory.groups(&client).await;
        });
    }

    /// The groups if already loaded (tracked).
    pub fn known_groups(&self) -> Option<Vec<CommunityGroup>> {
        self.groups.get()
    }

    pub fn group_name(&self, id: i64) -> Option<String> {
        self.groups.with(|g| g.as_ref().and_then(|g| g.iter().find(|x| x.id == id)).map(|x| x.name.clone()))
    }

    /// A group with its member list (fetched once, when first needed).
    pub async fn group_with_members(&self, client: &ApiClient, id: i64) -> Result<CommunityGroup, ApiError> {
        let cached =
            self.groups.try_with_untracked(|g| g.as_ref().and_then(|g| g.iter().find(|x| x.id == id && x.members.is_some()).cloned())).flatten();
        if let Some(group) = cached {
            return Ok(group);
        }
        let group = super::groups::get(client, id).await?;
        self.groups.try_update(|groups| {
            if let Some(list) = groups {
                if let Some(slot) = list.iter_mut().find(|x| x.id == id) {
                    *slot = group.clone();
                }
            }
        });
        Ok(group)
    }

    /// Whether the member (customer profile `coworker`) may post in `group`: from the group
    /// list when its access level decides, else from its member list (fetched once).
    pub async fn may_post(&self, client: &ApiClient, group: &CommunityGroup, coworker: Option<i64>) -> Result<bool, ApiError> {
        match group.may_post(coworker) {
            Some(answer) => Ok(answer),
            // Member lists are REST's (a staff role): the members' API says `CanPostMessages`
            // instead, and a group that came without it is not offered.
            None if client.session().backend() == Backend::Portal => Ok(false),
            None => Ok(self.group_with_members(client, group.id).await?.may_post(coworker).unwrap_or(false)),
        }
    }

    /// Forgets everything (on sign-out: another member may sign in next).
    pub fn clear(&self) {
        self.users.set(HashMap::new());
        self.groups.set(None);
        // A load still on its way belongs to the member who left.
        self.groups_loading.set_value(false);
        self.generation.update_value(|g| *g += 1);
    }
}

/// Sets its flag back to false when dropped.
struct LoweredOnDrop(StoredValue<bool>);

impl Drop for LoweredOnDrop {
    fn drop(&mut self) {
        self.0.try_set_value(false);
    }
}
