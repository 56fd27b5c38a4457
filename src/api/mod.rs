//! Talking to the Nexudus REST API: one client, one error type, one module per resource, and
//! the per-session caches of people and groups.

pub mod auth;
pub mod client;
pub mod directory;
pub mod early;
pub mod error;
pub mod groups;
pub mod host_token;
pub mod marks;
pub mod messages;
pub mod once;
pub mod pacing;
pub mod profiles;
pub mod threads;
pub mod users;

pub use client::ApiClient;
pub use directory::Directory;
pub use error::ApiError;
