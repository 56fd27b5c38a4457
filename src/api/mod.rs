//! Talking to the Nexudus REST API: one client, one error type, one module per resource.

pub mod auth;
pub mod client;
pub mod error;
pub mod profiles;
pub mod threads;
pub mod users;

pub use client::ApiClient;
pub use error::ApiError;
