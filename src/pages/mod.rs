//! One module per screen.

mod not_found;
mod sign_in;
mod thread_list;

pub use not_found::NotFoundPage;
pub use sign_in::SignInPage;
pub use thread_list::ThreadListPage;
