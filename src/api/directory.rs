//! Per-session caches: people by id (filled a page at a time with one batch request) and the
//! groups (loaded once). They keep list pages to at most three requests.

use std::collections::HashMap;

use futures::future::{FutureExt, LocalBoxFuture, Shared};
use leptos::prelude::*;

use super::client::ApiClient;
use super::error::ApiError;
use crate::model::backend::Backend;
use crate::model::{CommunityGroup, User};
use crate::reads::Reads;

/// A screen's node that changes whenever the people or the groups do (`provide_changes`).
#[derive(Clone, Copy)]
struct DirectoryChanges(Memo<u32>);

/// The groups request on its way, shared by everyone who asks meanwhile.
type GroupsLoad = Shared<LocalBoxFuture<'static, Result<Vec<CommunityGroup>, ApiError>>>;

/// A person as the directory knows them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Person {
    Named(String),
    /// Asked for, not answered yet (`load_users_later`).
    Asking,
    /// Not known, and not being asked for (or the answer left them out).
    Unknown,
}

#[derive(Clone, Copy)]
pub struct Directory {
    users: RwSignal<HashMap<i64, User>>,
    /// People asked for and not answered yet: their names are on the way, not unknown. (A
    /// page's authors at most: a list is enough.)
    asking: RwSignal<Vec<i64>>,
    groups: RwSignal<Option<Vec<CommunityGroup>>>,
    groups_loading: StoredValue<Option<GroupsLoad>, LocalStorage>,
    /// Bumped by `clear`: answers to requests made before it are not kept.
    generation: StoredValue<u32>,
    /// Loads started for screens to come (the groups after a list): they end with the board.
    background: Reads,
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
            asking: RwSignal::new(Vec::new()),
            groups: RwSignal::new(None),
            groups_loading: StoredValue::new_local(None),
            generation: StoredValue::new(0),
            background: Reads::new(),
        }
    }

    /// Makes sure every id is known, with at most one request for those that are not.
    /// Where people cannot be looked up (the Public API: `/api/sys/users` is a staff role),
    /// the names come with the answers instead (`remember`) and this asks nothing.
    pub async fn load_users(&self, client: &ApiClient, ids: &[i64]) -> Result<(), ApiError> {
        if !client.session().backend().capabilities().people_lookup {
            return Ok(());
        }
        let missing: Vec<i64> = self.users.with_untracked(|known| ids.iter().copied().filter(|id| !known.contains_key(id)).collect());
        if missing.is_empty() {
            return Ok(());
        }
        let found = super::staff_reads::users_by_ids(client, &missing).await?;
        self.remember(found);
        Ok(())
    }

    /// Starts asking for the people not known yet, without waiting for them: a list paints
    /// its rows at once and their names fill in (`person` says `Asking` meanwhile). A failed
    /// batch leaves them unknown; the rows stay.
    pub fn load_users_later(&self, client: &ApiClient, ids: &[i64]) {
        if !client.session().backend().capabilities().people_lookup {
            return;
        }
        let mut missing = Vec::new();
        self.users.with_untracked(|known| {
            self.asking.with_untracked(|asking| {
                for &id in ids {
                    if !known.contains_key(&id) && !asking.contains(&id) && !missing.contains(&id) {
                        missing.push(id);
                    }
                }
            })
        });
        if missing.is_empty() {
            return;
        }
        self.asking.update(|asking| asking.extend(&missing));
        let (directory, client, generation) = (*self, client.clone(), self.generation.get_value());
        let ids = missing.clone();
        self.background.spawn(async move { super::staff_reads::users_by_ids(&client, &ids).await }, move |found| {
            // Signed out meanwhile: these people were the last member's to see.
            if directory.generation.get_value() != generation {
                return;
            }
            if let Ok(found) = found {
                directory.remember(found);
            }
            directory.asking.update(|asking| asking.retain(|id| !missing.contains(id)));
        });
    }

    pub fn remember(&self, users: Vec<User>) {
        self.users.update(|known| {
            for user in users {
                known.insert(user.id, user);
            }
        });
    }

    /// The name to show for a user id (tracked: re-renders once the batch arrives).
    pub fn name_of(&self, id: i64) -> Option<String> {
        self.track();
        self.users.with_untracked(|known| known.get(&id).map(|u| u.full_name.clone()).filter(|n| !n.trim().is_empty()))
    }

    /// What is known of a person (tracked, like `name_of`).
    pub fn person(&self, id: i64) -> Person {
        match self.name_of(id) {
            Some(name) => Person::Named(name),
            None if self.asking.with_untracked(|asking| asking.contains(&id)) => Person::Asking,
            None => Person::Unknown,
        }
    }

    /// The groups, loaded on first use and kept for the session. One request however many
    /// parts of the screen ask at once: later askers await the same answer.
    pub async fn groups(&self, client: &ApiClient) -> Result<Vec<CommunityGroup>, ApiError> {
        if let Some(groups) = self.groups.get_untracked() {
            return Ok(groups);
        }
        let generation = self.generation.get_value();
        let load = match self.groups_loading.get_value() {
            Some(load) => load,
            None => {
                let client = client.clone();
                let load = async move {
                    match client.session().backend() {
                        Backend::Portal => super::portal::groups(&client).await,
                        Backend::Rest => super::staff_reads::all_groups(&client).await,
                    }
                }
                .boxed_local()
                .shared();
                self.groups_loading.set_value(Some(load.clone()));
                load
            }
        };
        let loaded = load.await;
        // Signed out meanwhile: the next member's groups are asked for afresh.
        if self.generation.get_value() == generation {
            self.groups_loading.set_value(None);
            if let Ok(groups) = &loaded {
                self.groups.set(Some(groups.clone()));
            }
        }
        loaded
    }

    /// One group, once the groups are loaded (found in place: the list is not copied).
    pub async fn group(&self, client: &ApiClient, id: i64) -> Option<CommunityGroup> {
        if self.groups.with_untracked(Option::is_none) {
            self.groups(client).await.ok()?;
        }
        self.groups.with_untracked(|g| g.as_ref()?.iter().find(|x| x.id == id).cloned())
    }

    /// Starts loading the groups, once the screen's own first requests are answered (its
    /// callers ask after them), unless they are known. The group names are on screen, so
    /// this goes before the background requests (likes, a kept member's profile).
    pub fn load_groups_later(&self, client: &ApiClient) {
        if self.groups.with_untracked(Option::is_some) || self.groups_loading.with_value(Option::is_some) {
            return;
        }
        let (directory, client) = (*self, client.clone());
        self.background.spawn(async move { directory.groups(&client).await }, |_| ());
    }

    /// The groups if already loaded (tracked).
    pub fn known_groups(&self) -> Option<Vec<CommunityGroup>> {
        self.groups.get()
    }

    /// A group's name (tracked, like `name_of`).
    pub fn group_name(&self, id: i64) -> Option<String> {
        self.track();
        self.groups.with_untracked(|g| g.as_ref().and_then(|g| g.iter().find(|x| x.id == id)).map(|x| x.name.clone()))
    }

    /// Gives the screen now being built one node that changes with the people and the
    /// groups (`App` calls this for every screen). Names on screen follow it rather than the
    /// session-long signals themselves: Leptos' signals keep an entry for every reader that
    /// ever subscribed, dropped or not (reactive_graph 0.2), so 25 rows reading them on every
    /// list page made the wasm memory grow without end; a screen's node goes with its screen.
    pub fn provide_changes(&self) {
        let (users, asking, groups) = (self.users, self.asking, self.groups);
        let changes = Memo::new(move |before: Option<&u32>| {
            users.track();
            asking.track();
            groups.track();
            before.map_or(0, |n| n.wrapping_add(1))
        });
        provide_context(DirectoryChanges(changes));
    }

    /// Subscribes the running reader to the screen's node, or to the signals themselves
    /// outside a screen (the header).
    fn track(&self) {
        match use_context::<DirectoryChanges>() {
            // Read, not only tracked: a memo that is never read never runs, so it would never
            // subscribe to the signals and never change. (`try_`: a name asked for after its
            // screen has gone reads nothing rather than panic.)
            Some(DirectoryChanges(changes)) => {
                let _ = changes.try_get();
            }
            None => {
                self.users.track();
                self.asking.track();
                self.groups.track();
            }
        }
    }

    /// A group with its member list (fetched once, when first needed).
    pub async fn group_with_members(&self, client: &ApiClient, id: i64) -> Result<CommunityGroup, ApiError> {
        let cached = self.groups.with_untracked(|g| g.as_ref().and_then(|g| g.iter().find(|x| x.id == id && x.members.is_some()).cloned()));
        if let Some(group) = cached {
            return Ok(group);
        }
        let group = super::staff_reads::group(client, id).await?;
        self.groups.update(|groups| {
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
        self.asking.set(Vec::new());
        self.groups.set(None);
        // A load still on its way belongs to the member who left.
        self.groups_loading.set_value(None);
        self.generation.update_value(|g| *g += 1);
    }
}
