//! What can go wrong talking to the API, typed so each page can say something useful.

use thiserror::Error;

use crate::model::{FieldError, OAuthError};

#[derive(Debug, Clone, PartialEq, Error)]
pub enum ApiError {
    /// The request never got an answer (offline, DNS, CORS, aborted).
    #[error("Could not reach the server. Check your connection and try again.")]
    Network(String),
    /// 401: signed out, token expired, or missing a role; Nexudus does not say which.
    #[error("Your session has ended or you are not allowed to do this. Please sign in again.")]
    Unauthorized,
    #[error("That conversation no longer exists.")]
    NotFound,
    /// 400 with `Errors[]`, to show beside each field.
    #[error("Please check the highlighted fields.")]
    Validation(Vec<FieldError>),
    /// 400 from the token endpoint.
    #[error("{}", .0.explain())]
    OAuth(OAuthError),
    /// 409 + `Retry-After`: Nexudus' way of saying "too many requests".
    #[error("The server is busy. Trying again in {0} seconds.")]
    Throttled(u32),
    #[error("The server had a problem ({0}). Please try again.")]
    Server(u16),
    /// A 2xx whose body was not what the contract describes.
    #[error("The server sent an answer the board could not read.")]
    Decode(String),
}
