//! The API's data as Rust types, and pure logic over it. Nothing here touches the browser,
//! so all of it is tested natively with `cargo test`.

pub mod attachment;
pub mod backend;
pub mod case;
pub mod dates;
pub mod draft;
pub mod entities;
pub mod envelope;
pub mod group;
pub mod json_read;
pub mod linkify;
pub mod marks;
pub mod markup;
pub mod mention;
pub mod message;
pub mod pacing;
pub mod portal;
pub mod problem;
pub mod query;
pub mod route;
pub mod search;
pub mod seen;
pub mod tags;
pub mod thread;
pub mod token;
pub mod user;
pub mod wire;
pub mod zoom;

pub use draft::{Author, DraftContext, ThreadDraft};
pub use envelope::{ActionEnvelope, FieldError, ListEnvelope};
pub use group::CommunityGroup;
pub use message::{CommunityMessage, MessageLike, ThreadMark};
pub use thread::CommunityThread;
pub use token::{OAuthError, TokenRequest, TokenResponse};
pub use user::{Profile, User};
