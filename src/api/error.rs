//! What can go wrong talking to the API, typed so each page can say something useful.

use thiserror::Error;

use crate::model::{FieldError, OAuthError};

#[derive(Debug, Clone, PartialEq, Error)]
pub enum ApiError {
    /// The request never got an answer (offline, DNS, CORS).
    #[error("Could not reach the server. Check your connection and try again.")]
    Network(String),
    /// No answer within the client's time bound; the request was aborted.
    #[error("The server took too long to answer. Please try again.")]
    Timeout,
    /// 401 and the session could not be renewed: the member must sign in again.
    #[error("Your session has ended. Please sign in again.")]
    SignedOut,
    /// 401 with a freshly renewed session: the account lacks the permission.
    #[error("You are not allowed to do this.")]
    NotAllowed,
    #[error("That conversation no longer exists.")]
    NotFound,
    /// 400 with `Errors[]`, to show beside each field.
    #[error("Please check the highlighted fields.")]
    Validation(Vec<FieldError>),
    /// 400 from the token endpoint.
    #[error("{}", .0.explain())]
    OAuth(OAuthError),
    /// 409 + `Retry-After`: Nexudus' way of saying "too many requests".
    #[error("The server is busy. Please try again in {0} seconds.")]
    Throttled(u32),
    #[error("The server had a problem ({0}). Please try again.")]
    Server(u16),
    /// A 2xx whose body was not what the contract describes.
    #[error("The server sent an answer the board could not read.")]
    Decode(String),
}

impl ApiError {
    /// Whether a write that failed this way may still have been carried out (the request may
    /// have reached the server): then the board checks before offering to send again.
    pub fn is_ambiguous(&self) -> bool {
        matches!(self, ApiError::Network(_) | ApiError::Timeout | ApiError::Decode(_)) || matches!(self, ApiError::Server(s) if *s >= 500)
    }

    /// The message for a field, by the API's `PropertyName` (case-insensitive).
    pub fn field_message(&self, property: &str) -> Option<String> {
        match self {
            ApiError::Validation(errors) => errors
                .iter()
                .find(|e| e.property_name.as_deref().is_some_and(|p| p.eq_ignore_ascii_case(property)))
                .map(|e| e.message.clone().unwrap_or_else(|| "Please check this field.".into())),
            _ => None,
        }
    }
}
