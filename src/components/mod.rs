//! Pieces shared between pages.

pub mod avatar;
pub mod confirm;
pub mod field;
pub mod file_attach;
pub mod group_filter;
pub mod guest_picker;
pub mod header;
pub mod links;
pub mod live_region;
pub mod mention_box;
pub mod message_body;
pub mod pager;
pub mod reactions;
pub mod relative_time;
pub mod replies;
pub mod require_member;
pub mod search_box;
pub mod tag_input;
pub mod thread_files;
pub mod thread_form;
pub mod thread_list;
pub mod thread_row;
pub mod unread_toggle;
pub mod writes;
pub mod zoom_fields;

// A note for every component here: nothing async is spawned bare. Reads go through `reads`
// (they end with their component, so no code of theirs runs against disposed signals) and
// writes through `Action` with `writes::on_answer` (the write goes on; the component shows its
// answer only while it is there).
