//! The signed-in member: tokens and profile.
//!
//! Tokens live in memory only for now: a reload signs the member out. Whether anything
//! should survive a reload is a deliberate decision left to the hardening work.

use leptos::prelude::*;

use crate::model::{Profile, TokenResponse};

#[derive(Clone, Debug, PartialEq)]
struct Tokens {
    access: String,
    refresh: Option<String>,
}

/// Cheap to copy: two signal handles.
#[derive(Clone, Copy)]
pub struct Session {
    tokens: RwSignal<Option<Tokens>>,
    member: RwSignal<Option<Profile>>,
}

impl Default for Session {
    fn default() -> Self {
        Self::new()
    }
}

impl Session {
    pub fn new() -> Self {
        Session { tokens: RwSignal::new(None), member: RwSignal::new(None) }
    }

    pub fn set_tokens(&self, response: TokenResponse) {
        self.tokens.set(Some(Tokens { access: response.access_token, refresh: response.refresh_token }));
    }

    pub fn set_member(&self, profile: Profile) {
        self.member.set(Some(profile));
    }

    /// Read without tracking: the API client must not subscribe components to token changes.
    pub fn access_token(&self) -> Option<String> {
        self.tokens.with_untracked(|t| t.as_ref().map(|t| t.access.clone()))
    }

    pub fn is_signed_in(&self) -> bool {
        self.tokens.with(Option::is_some)
    }

    pub fn member_name(&self) -> Option<String> {
        self.member.with(|m| m.as_ref().map(|p| p.user.full_name.clone()))
    }

    /// Forgets everything about the member.
    pub fn sign_out(&self) {
        self.tokens.set(None);
        self.member.set(None);
    }
}
