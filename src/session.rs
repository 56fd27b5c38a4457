//! The signed-in member: tokens, profile, and whether the session is still being restored.
//!
//! Where tokens live (a deliberate choice): the access token only in memory; the refresh token
//! and this tab's `client_id` in `sessionStorage`, so a reload keeps the member signed in
//! while closing the tab ends the session. Nothing goes to `localStorage`, URLs or logs.
//! Sign-out, and a 401 that a refresh cannot fix, clear all of it.

use leptos::prelude::*;

use crate::host_token::HostToken;
use crate::i18n::Msg;
use crate::model::backend::{Backend, Capabilities};
use crate::model::json_read::from_json;
use crate::model::{Author, Profile, TokenResponse};

const REFRESH_KEY: &str = "community-board:refresh-token";
const CLIENT_ID_KEY: &str = "community-board:client-id";
/// Who the member is (ids and name, no secret), kept beside the refresh token so a reload
/// paints the board without first asking for the profile again.
const MEMBER_KEY: &str = "community-board:member";
/// Which API this member's board uses (`portal` or `rest`), kept beside the member so a reload
/// does not ask again.
const BACKEND_KEY: &str = "community-board:api";

#[derive(Clone, Debug, PartialEq)]
struct Tokens {
    access: String,
    refresh: Option<String>,
    /// When the access token expires, in `Date.now()` milliseconds.
    expires_at_ms: Option<f64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// A refresh token from before a reload is being exchanged.
    Restoring,
    SignedOut,
    SignedIn,
}

/// Cheap to copy: signal handles only.
#[derive(Clone, Copy)]
pub struct Session {
    tokens: RwSignal<Option<Tokens>>,
    member: RwSignal<Option<Profile>>,
    /// The API the board talks to for this member: chosen at sign-in (`api::choice`).
    backend: RwSignal<Option<Backend>>,
    status: RwSignal<Status>,
    /// The embedding host's token callback: with it the board never asks for a password.
    host: StoredValue<Option<HostToken>, LocalStorage>,
    /// The location the board is set to, if any (`businessId`).
    business: StoredValue<Option<i64>>,
    /// Why the member was signed out, shown on the sign-in page (a key: the page says it in
    /// the member's language).
    notice: RwSignal<Option<Msg>>,
}

impl Default for Session {
    fn default() -> Self {
        Self::new()
    }
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

impl Session {
    pub fn new() -> Self {
        Session {
            tokens: RwSignal::new(None),
            member: RwSignal::new(None),
            backend: RwSignal::new(None),
            status: RwSignal::new(Status::SignedOut),
            host: StoredValue::new_local(None),
            business: StoredValue::new(None),
            notice: RwSignal::new(None),
        }
    }

    /// Takes tokens from the embedding host from now on; the app then asks it for the first.
    pub fn use_host_tokens(&self, host: HostToken) {
        self.host.set_value(Some(host));
        self.begin_restoring();
    }

    /// A session is on its way (the host's token, a kept refresh token).
    pub fn begin_restoring(&self) {
        self.status.set(Status::Restoring);
    }

    /// The host's token callback, when the board is embedded with one.
    pub fn host_token(&self) -> Option<HostToken> {
        self.host.try_get_value().flatten()
    }

    /// The member as kept over a reload, if any.
    pub fn kept_member(&self) -> Option<Profile> {
        let json = session_storage()?.get_item(MEMBER_KEY).ok()??;
        from_json(&json).ok()
    }

    /// The backend kept over a reload with the member, if any.
    pub fn kept_backend(&self) -> Option<Backend> {
        Backend::parse(&session_storage()?.get_item(BACKEND_KEY).ok()??)
    }

    /// Sets the API this member's board talks to; `keep` it for the tab unless it was a guess
    /// (or the host owns the session).
    pub fn set_backend(&self, backend: Backend, keep: bool) {
        if let Some(storage) = session_storage().filter(|_| self.host_token().is_none()) {
            let _ = if keep { storage.set_item(BACKEND_KEY, backend.as_str()) } else { storage.remove_item(BACKEND_KEY) };
        }
        if self.backend.try_get_untracked() != Some(Some(backend)) {
            self.backend.try_set(Some(backend));
        }
    }

    /// The backend for requests (untracked). Before one is chosen, the members' API: the one
    /// every customer may use.
    pub fn backend(&self) -> Backend {
        self.backend.try_get_untracked().flatten().unwrap_or(Backend::Portal)
    }

    /// What the screens may offer (tracked).
    pub fn capabilities(&self) -> Capabilities {
        self.backend.get().unwrap_or(Backend::Portal).capabilities()
    }

    /// Picks up the refresh token kept over a reload; the app then exchanges it.
    pub fn resume_from_storage(&self) -> bool {
        let saved = session_storage().and_then(|s| s.get_item(REFRESH_KEY).ok().flatten());
        match saved {
            Some(refresh) if !refresh.is_empty() => {
                self.tokens.set(Some(Tokens { access: String::new(), refresh: Some(refresh), expires_at_ms: Some(0.0) }));
                self.status.set(Status::Restoring);
                true
            }
            _ => false,
        }
    }

    /// This tab's OAuth client id: one refresh token per tab, so tabs never revoke each other's.
    pub fn client_id(&self) -> String {
        let storage = session_storage();
        if let Some(id) = storage.as_ref().and_then(|s| s.get_item(CLIENT_ID_KEY).ok().flatten()) {
            return id;
        }
        let id = format!("community-board-{:x}", (js_sys::Math::random() * 1e15) as u64);
        if let Some(s) = storage {
            let _ = s.set_item(CLIENT_ID_KEY, &id);
        }
        id
    }

    pub fn set_tokens(&self, response: TokenResponse) {
        let expires_at_ms = response.expires_in.map(|s| now_ms() + s as f64 * 1000.0);
        let refresh = response.refresh_token.or_else(|| self.refresh_token());
        if let (Some(storage), Some(rt)) = (session_storage(), refresh.as_deref()) {
            let _ = storage.set_item(REFRESH_KEY, rt);
        }
        self.tokens.try_set(Some(Tokens { access: response.access_token, refresh, expires_at_ms }));
    }

    pub fn set_member(&self, profile: Profile) {
        // Embedded, the host owns the session and nothing of it is kept by the board.
        if self.host_token().is_none() {
            if let (Some(storage), Ok(json)) = (session_storage(), serde_json::to_string(&profile)) {
                let _ = storage.set_item(MEMBER_KEY, &json);
            }
        }
        // Only what changed is set: every set notifies, and a status "change" to the same
        // value would rebuild the whole page (and ask for its data again).
        // (`try_` throughout: this runs after requests, when a host may have unmounted the board.)
        if self.member.try_with_untracked(|m| m.as_ref() != Some(&profile)) == Some(true) {
            self.member.try_set(Some(profile));
        }
        if self.notice.try_with_untracked(Option::is_some) == Some(true) {
            self.notice.try_set(None);
        }
        if self.status.try_get_untracked().is_some_and(|s| s != Status::SignedIn) {
            self.status.try_set(Status::SignedIn);
        }
    }

    /// Read without tracking: the API client must not subscribe components to token changes.
    pub fn access_token(&self) -> Option<String> {
        self.tokens.try_with_untracked(|t| t.as_ref().map(|t| t.access.clone()).filter(|a| !a.is_empty())).flatten()
    }

    pub fn refresh_token(&self) -> Option<String> {
        self.tokens.try_with_untracked(|t| t.as_ref().and_then(|t| t.refresh.clone())).flatten()
    }

    /// Whether the access token is missing or expires within `margin_ms` while a refresh
    /// token could renew it.
    pub fn expires_within(&self, margin_ms: f64) -> bool {
        self.tokens
            .try_with_untracked(|t| match t {
                Some(t) if t.refresh.is_some() => t.access.is_empty() || t.expires_at_ms.is_some_and(|at| at - now_ms() < margin_ms),
                _ => false,
            })
            .unwrap_or(false)
    }

    pub fn status(&self) -> Status {
        self.status.get()
    }

    pub fn is_signed_in(&self) -> bool {
        self.status.get() == Status::SignedIn
    }

    /// The same, without subscribing (after an `.await`; false once the board is gone).
    pub fn is_signed_in_untracked(&self) -> bool {
        self.status.try_get_untracked() == Some(Status::SignedIn)
    }

    pub fn member(&self) -> Option<Profile> {
        self.member.get()
    }

    pub fn member_name(&self) -> Option<String> {
        self.member.with(|m| m.as_ref().map(|p| p.user.full_name.clone()))
    }

    /// The signed-in member's ids, untracked (for requests).
    pub fn author(&self) -> Option<Author> {
        let business = self.business.try_get_value().flatten();
        self.member
            .try_with_untracked(|m| m.as_ref().map(Profile::author))
            .flatten()
            .map(|a| Author { business_id: business.unwrap_or(a.business_id), ..a })
    }

    /// New conversations go to this location instead of the member's default one.
    pub fn post_to_business(&self, business: Option<i64>) {
        self.business.set_value(business);
    }

    pub fn notice(&self) -> Option<Msg> {
        self.notice.get()
    }

    /// The session could not be renewed: forget it and say why on the sign-in page.
    ///
    /// This happens in the middle of some page's request. The tokens go at once; the status
    /// flips (which unmounts the page) on the next task, after the page has finished
    /// reacting to the failed request: a view must not be torn down while its own updates
    /// are still queued.
    pub fn expire(&self) {
        self.tokens.try_set(None);
        if let Some(storage) = session_storage() {
            let _ = storage.remove_item(REFRESH_KEY);
        }
        let session = *self;
        crate::browser::after_ms(0, move || {
            session.clear();
            // `try_`: a host may have unmounted the board in the meantime.
            session.notice.try_set(Some(Msg::SessionEndedNotice));
        });
    }

    /// Forgets everything about the member.
    pub fn sign_out(&self) {
        self.clear();
        self.notice.set(None);
    }

    fn clear(&self) {
        if let Some(storage) = session_storage() {
            let _ = storage.remove_item(REFRESH_KEY);
            let _ = storage.remove_item(MEMBER_KEY);
            let _ = storage.remove_item(BACKEND_KEY);
        }
        self.tokens.try_set(None);
        self.member.try_set(None);
        self.backend.try_set(None);
        self.status.try_set(Status::SignedOut);
    }
}
