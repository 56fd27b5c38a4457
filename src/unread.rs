//! The signed-in member's `Seen` record (`model::seen`), kept in `localStorage` per member.
//! Read once per list page and per opened conversation; written when a conversation is seen.

use crate::browser;
use crate::model::dates::parse_timestamp_ms;
use crate::model::json_read::from_json;
use crate::model::seen::{storage_key, Seen};

/// The member's record; the first read on this browser starts one from now.
pub fn load(user_id: i64) -> Seen {
    let key = storage_key(user_id);
    if let Some(seen) = browser::read_local(&key).and_then(|text| from_json(&text).ok()) {
        return seen;
    }
    let seen = Seen::starting(browser::now_ms() as i64);
    save(user_id, &seen);
    seen
}

fn save(user_id: i64, seen: &Seen) {
    if let Ok(text) = serde_json::to_string(seen) {
        browser::write_local(&storage_key(user_id), &text);
    }
}

/// Records that the member has seen `thread` up to the latest of `times` (server timestamps).
pub fn mark_seen<'a>(user_id: i64, thread: i64, times: impl IntoIterator<Item = &'a str>) {
    let Some(latest) = times.into_iter().filter_map(parse_timestamp_ms).max() else { return };
    let mut seen = load(user_id);
    if seen.mark(thread, latest) {
        save(user_id, &seen);
    }
}

/// Whether a conversation last active at `activity` (a server timestamp) is new to `seen`.
pub fn is_new(seen: &Seen, thread: i64, activity: Option<&str>) -> bool {
    seen.is_new(thread, activity.and_then(parse_timestamp_ms))
}
