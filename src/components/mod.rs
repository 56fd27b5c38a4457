//! Pieces shared between pages.

pub mod avatar;
pub mod confirm;
pub mod field;
pub mod group_filter;
pub mod guest_picker;
pub mod header;
pub mod latest;
pub mod live_region;
pub mod message_body;
pub mod pager;
pub mod reactions;
pub mod relative_time;
pub mod replies;
pub mod require_member;
pub mod search_box;
pub mod tag_input;
pub mod thread_form;
pub mod thread_list;
pub mod thread_row;
pub mod zoom_fields;

// A note for every component here: code that runs after an `.await` (or in a timer) may find
// its component gone. Writing to a disposed signal is a no-op, but reading one panics, and a
// panic ends the whole wasm app, so such code reads signals with `try_get_untracked`.
