//! What can go wrong talking to the API, typed so each page can say something useful.

use std::fmt;

use crate::i18n::{Locale, Msg, Phrase, Text};
use crate::model::{FieldError, OAuthError};

/// `Display` gives the English text (for logs and tests); the member sees `describe()` in
/// their language.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The request never got an answer (offline, DNS, CORS).
    Network(String),
    /// No answer within the client's time bound; the request was aborted.
    Timeout,
    /// 401 and the session could not be renewed: the member must sign in again.
    SignedOut,
    /// 401 with a freshly renewed session: the account lacks the permission.
    NotAllowed,
    NotFound,
    /// 400 with `Errors[]`, to show beside each field.
    Validation(Vec<FieldError>),
    /// 400 from the token endpoint.
    OAuth(OAuthError),
    /// 409 + `Retry-After`: Nexudus' way of saying "too many requests".
    Throttled(u32),
    Server(u16),
    /// A 2xx whose body was not what the contract describes.
    Decode(String),
    /// The embedding host's `getToken()` failed (its words, for the console).
    Host(String),
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Locale::En.text(self.describe()))
    }
}

impl std::error::Error for ApiError {}

impl ApiError {
    /// What to tell the member about it.
    pub fn describe(&self) -> Text {
        match self {
            ApiError::Network(_) => Msg::ErrorNetwork.into(),
            ApiError::Timeout => Msg::ErrorTimeout.into(),
            ApiError::SignedOut => Msg::ErrorSignedOut.into(),
            ApiError::NotAllowed => Msg::ErrorNotAllowed.into(),
            ApiError::NotFound => Msg::ErrorNotFound.into(),
            ApiError::Validation(_) => Msg::CheckHighlightedFields.into(),
            ApiError::OAuth(e) => e.explain(),
            ApiError::Throttled(seconds) => Phrase::Throttled(*seconds).into(),
            ApiError::Server(status) => Phrase::ServerProblem(*status).into(),
            ApiError::Decode(_) => Msg::ErrorDecode.into(),
            ApiError::Host(_) => Msg::ErrorSignedOut.into(),
        }
    }

    /// Whether a write that failed this way may still have been carried out (the request may
    /// have reached the server): then the board checks before offering to send again.
    pub fn is_ambiguous(&self) -> bool {
        matches!(self, ApiError::Network(_) | ApiError::Timeout | ApiError::Decode(_)) || matches!(self, ApiError::Server(s) if *s >= 500)
    }

    /// The message for a field, by the API's `PropertyName` (case-insensitive): the server's
    /// own words when it gave some.
    pub fn field_message(&self, property: &str) -> Option<Text> {
        match self {
            ApiError::Validation(errors) => errors
                .iter()
                .find(|e| e.property_name.as_deref().is_some_and(|p| p.eq_ignore_ascii_case(property)))
                .map(|e| e.message.clone().map_or(Msg::CheckThisField.into(), Text::Api)),
            _ => None,
        }
    }
}
