//! Talking to Nexudus: one client, one error type, the interface the screens use (`board`)
//! over two backends (the Public API in `portal`, REST in one module per resource), how the
//! backend is chosen (`choice`), and the per-session caches of people and groups.

pub mod auth;
pub mod board;
pub mod choice;
pub mod client;
pub mod directory;
pub mod early;
pub mod error;
pub mod files;
pub mod groups;
pub mod marks;
pub mod messages;
pub mod once;
pub mod people;
pub mod portal;
pub mod profiles;
pub mod retry;
pub mod staff_reads;
pub mod threads;
pub mod users;

pub use client::ApiClient;
pub use directory::{Directory, Person};
pub use error::ApiError;
