//! The API's data as Rust types, and pure logic over it. Nothing here touches the browser,
//! so all of it is tested natively with `cargo test`.

pub mod dates;
pub mod envelope;
pub mod query;
pub mod thread;
pub mod token;
pub mod user;

pub use envelope::{ActionEnvelope, FieldError, ListEnvelope};
pub use thread::CommunityThread;
pub use token::{OAuthError, TokenRequest, TokenResponse};
pub use user::{Profile, User};
