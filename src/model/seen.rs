//! What a member has seen, kept in their browser: when each conversation's activity was last
//! looked at. A conversation is new (unread) when its last activity is later than that; one
//! never opened counts from the moment the board was first used on this browser (`since`), so
//! a first visit does not mark the whole board new.
//!
//! Times are the server's (the thread's last activity, a reply's creation), never the
//! browser's clock, except `since` at first use.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

/// How many conversations are remembered; the ones looked at longest ago are forgotten first
/// (and then count from `since` again).
pub const REMEMBERED: usize = 1000;

/// How many of the most recently active conversations the unread filter looks through: one
/// request, and unread conversations are by nature the recently active ones.
pub const UNREAD_WINDOW: u32 = 100;

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Seen {
    /// First use, in ms since the epoch.
    pub since: i64,
    /// Conversation id → the latest activity seen in it, in ms since the epoch.
    pub threads: HashMap<i64, i64>,
}

impl Seen {
    pub fn starting(now_ms: i64) -> Seen {
        Seen { since: now_ms, threads: HashMap::new() }
    }

    /// The activity up to which `thread` has been seen.
    pub fn seen_until(&self, thread: i64) -> i64 {
        self.threads.get(&thread).copied().unwrap_or(self.since)
    }

    /// Whether `thread`, last active at `activity_ms`, has activity the member has not seen.
    pub fn is_new(&self, thread: i64, activity_ms: Option<i64>) -> bool {
        activity_ms.is_some_and(|at| at > self.seen_until(thread))
    }

    /// Records that `thread` has been seen up to `activity_ms` (never moving back). Returns
    /// whether anything changed.
    pub fn mark(&mut self, thread: i64, activity_ms: i64) -> bool {
        if activity_ms <= self.seen_until(thread) {
            return false;
        }
        self.threads.insert(thread, activity_ms);
        if self.threads.len() > REMEMBERED {
            // Of equal times, the lowest id: the same choice whatever the map's order.
            if let Some((&oldest, _)) = self.threads.iter().min_by_key(|(id, at)| (**at, **id)) {
                self.threads.remove(&oldest);
            }
        }
        true
    }
}

/// Where a member's record is kept in `localStorage`.
pub fn storage_key(user_id: i64) -> String {
    format!("community-board:seen:{user_id}")
}
