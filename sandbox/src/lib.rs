//! A local stand-in for the Nexudus community API.
//!
//! It implements the contract in `shared/docs/nexudus-api.md` over a real SQLite file, so the
//! board can be developed, demonstrated and tested end to end without a Nexudus tenant.
//! `Sandbox::start` is what the binary, the integration tests and the e2e suite all use.

pub mod attachment;
pub mod auth;
pub mod config;
pub mod csp;
pub mod db;
pub mod entity;
pub mod envelope;
pub mod error;
pub mod faults;
pub mod forward;
pub mod list_query;
pub mod portal;
pub mod routes;
pub mod seed;
pub mod server;
pub mod visibility;
pub mod web;
pub mod writes;

pub use config::{DirConvention, SandboxConfig};
pub use server::Sandbox;
