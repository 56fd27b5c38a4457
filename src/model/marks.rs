//! Likes, follows and mutes as the screens see them, whichever API keeps them.

/// What a member can set on a thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Like,
    Follow,
    Mute,
}

/// What one toggle marks: a thread (liked, followed or muted) or a reply (liked).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkTarget {
    Thread(i64, Mark),
    Reply { thread: i64, message: i64 },
}

impl MarkTarget {
    /// Replies can only be liked.
    pub fn mark(self) -> Mark {
        match self {
            MarkTarget::Thread(_, mark) => mark,
            MarkTarget::Reply { .. } => Mark::Like,
        }
    }
}

/// A mark's state on one thread or reply: how many set it, whether the member did, and (REST) the
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
    /// The state of a mark counted from its records (REST), `mine` the member's own record.
    pub fn counted(count: usize, mine: Option<i64>) -> MarkState {
        MarkState { count: Some(count as u64), on: Some(mine.is_some()), record: mine }
    }

    /// The state after a toggle that turned the mark `on` (or off): the count follows.
    pub fn switched(self, on: bool, record: Option<i64>) -> MarkState {
        let count = self.count.map(|n| if on { n + 1 } else { n.saturating_sub(1) });
        MarkState { count, on: Some(on), record }
    }
}
