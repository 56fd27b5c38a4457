//! Which API a signed-in person's board talks to (`Backend`), when the deployment leaves it
//! to the board (`<meta name="nexudus-api" content="auto">`, the default).
//!
//! A full administrator (the profile's `User.IsAdmin`) is staff. Anyone else is asked about
//! with one REST list request of one record: answered means the token holds REST roles
//! (staff); a 401 means a customer without roles (a member), who uses the Public API as the
//! official Members Portal does. The probe runs beside the profile request at sign-in, and the
//! answer is kept with the member for the tab, so reloads ask nothing.
//!
//! Why this is safe: the choice only decides which API the board calls. Every permission is
//! the server's: a member pushed onto REST gets 401s, staff on the Public API act as the
//! customer they also are. Nothing is shown that the token could not already read.

use super::client::ApiClient;
use crate::model::backend::{Backend, Probe};

/// The smallest REST request the list itself needs the role for.
const PROBE_PATH: &str = "/api/community/communitythreads?size=1&page=1";

/// Asks REST whether this token may list threads (not for a fixed choice: then it is `None`).
pub async fn probe(client: &ApiClient) -> Option<Probe> {
    if client.api.fixed().is_some() {
        return None;
    }
    Some(match client.probe(PROBE_PATH).await {
        Ok(true) => Probe::RestAnswered,
        Ok(false) => Probe::RestRefused,
        Err(_) => Probe::Unknown,
    })
}

/// The backend, and whether to keep the choice for the tab.
pub fn decide(client: &ApiClient, is_admin: bool, probe: Option<Probe>) -> (Backend, bool) {
    if let Some(fixed) = client.api.fixed() {
        return (fixed, true);
    }
    match (is_admin, probe) {
        (true, _) => Probe::Administrator.decide(),
        (false, Some(probe)) => probe.decide(),
        (false, None) => Probe::Unknown.decide(),
    }
}
