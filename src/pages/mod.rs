//! One module per screen.

mod board;
mod compose;
pub mod later;
mod not_found;
mod screen_styles;
mod sign_in;
mod thread;

pub use board::BoardPage;
pub use compose::{EditThreadPage, NewThreadPage};
pub use not_found::NotFoundPage;
pub use sign_in::SignInPage;
pub use thread::ThreadPage;
