//! Pieces shared between pages.

pub mod header;
pub mod thread_list;
pub mod thread_row;
