//! The two APIs a Nexudus board can talk to, and what each can do.
//!
//! Members hold no REST roles, so Nexudus serves them through the Members Portal's Public API
//! (`/api/public/community/board/…`); staff (community managers, administrators) use the REST
//! API (`/api/community/…`). Screens ask the backend's `Capabilities` what to offer, never
//! which backend it is.

/// Which API the signed-in person's board talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// The Public API, as the signed-in customer: the member's own board.
    Portal,
    /// The REST API, with the account's roles: staff.
    Rest,
}

/// What a deployment asked for (`<meta name="nexudus-api">` or the mount option `api`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ApiChoice {
    /// Decided after sign-in from what the token may do.
    #[default]
    Auto,
    Portal,
    Rest,
}

impl ApiChoice {
    pub fn parse(text: &str) -> Option<ApiChoice> {
        match text {
            "auto" => Some(ApiChoice::Auto),
            "portal" => Some(ApiChoice::Portal),
            "rest" => Some(ApiChoice::Rest),
            _ => None,
        }
    }

    /// The backend fixed by the deployment, if it fixed one.
    pub fn fixed(self) -> Option<Backend> {
        match self {
            ApiChoice::Auto => None,
            ApiChoice::Portal => Some(Backend::Portal),
            ApiChoice::Rest => Some(Backend::Rest),
        }
    }
}

/// What the automatic choice found out about the token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Probe {
    /// The profile says the account is a full administrator.
    Administrator,
    /// A REST list request was answered.
    RestAnswered,
    /// A REST list request was refused with 401: no REST roles.
    RestRefused,
    /// The REST request failed some other way (offline, 5xx): nothing learnt.
    Unknown,
}

impl Probe {
    /// The backend to use, and whether the answer may be kept for the session. A failed probe
    /// falls back to the member's API, which every customer may use, and asks again next time.
    pub fn decide(self) -> (Backend, bool) {
        match self {
            Probe::Administrator | Probe::RestAnswered => (Backend::Rest, true),
            Probe::RestRefused => (Backend::Portal, true),
            Probe::Unknown => (Backend::Portal, false),
        }
    }
}

/// What the screens may offer on a backend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Capabilities {
    /// Private threads, their guests, InstantDelivery and a Zoom meeting on new threads: REST
    /// fields that the Public API's create call does not take.
    pub staff_composer: bool,
    /// A conversation may be started outside any group (the Public API requires `GroupId`).
    pub thread_without_group: bool,
    /// Editing a conversation (the Public API has no edit call).
    pub edit_threads: bool,
    /// Editing a reply (nor for replies).
    pub edit_replies: bool,
    /// Editing and deleting other people's posts: REST roles are granted to staff only.
    pub moderate: bool,
    /// Names of people looked up by id and searched (`/api/sys/users`, a staff role).
    pub people_lookup: bool,
    /// Pictures and files on the opening post (`CommunityThreadFile`): the Public API
    /// documents no file calls.
    pub attach_files: bool,
}

impl Backend {
    pub fn capabilities(self) -> Capabilities {
        match self {
            Backend::Portal => Capabilities {
                staff_composer: false,
                thread_without_group: false,
                edit_threads: false,
                edit_replies: false,
                moderate: false,
                people_lookup: false,
                attach_files: false,
            },
            Backend::Rest => Capabilities {
                staff_composer: true,
                thread_without_group: true,
                edit_threads: true,
                edit_replies: true,
                moderate: true,
                people_lookup: true,
                attach_files: true,
            },
        }
    }

    /// How the choice is kept in `sessionStorage` over a reload.
    pub fn as_str(self) -> &'static str {
        match self {
            Backend::Portal => "portal",
            Backend::Rest => "rest",
        }
    }

    pub fn parse(text: &str) -> Option<Backend> {
        ApiChoice::parse(text)?.fixed()
    }
}
