//! Likes, follows and mutes as the screens see them, whichever API keeps them.

/// What a member can set on a thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Like,
    Follow,
    Mute,
}

/// A mark's state on one thread: how many set it, whether the member did, and (REST) the
/// member's own record, which is what turning it off deletes. The Public API only toggles and
/// never says whether the member's mark is set, so `on` stays unknown there until the first
/// toggle's answer tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MarkState {
    pub count: Option<u64>,
    pub on: Option<bool>,
    pub record: Option<i64>,
}

impl MarkState {
    /// The state after a toggle that turned the mark `on` (or off): the count follows.
    pub fn switched(self, on: bool, record: Option<i64>) -> MarkState {
        let count = self.count.map(|n| if on { n + 1 } else { n.saturating_sub(1) });
        MarkState { count, on: Some(on), record }
    }
}
