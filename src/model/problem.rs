//! A problem with one form field, found before anything is sent.

use crate::i18n::LaterMsg;

/// Keyed by the API's `PropertyName` or a form field id, with what to tell the member (a
/// catalogue key: the model says nothing in any one language).
pub type FieldProblem = (&'static str, LaterMsg);
