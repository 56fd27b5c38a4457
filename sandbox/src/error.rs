//! Every failure the sandbox answers with, in the shapes the Nexudus docs give
//! (contract doc §2.4 and §3.2).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use crate::db::DbError;

/// One entry of a validation failure's `Errors` array.
#[derive(Debug, Clone)]
pub struct FieldError {
    pub property: String,
    pub message: String,
    pub attempted: Value,
}

impl FieldError {
    pub fn new(property: &str, message: &str, attempted: Value) -> Self {
        FieldError { property: property.to_owned(), message: message.to_owned(), attempted }
    }
}

/// `Display` is for the log; the client gets the documented body (`IntoResponse`).
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// Missing, unknown or expired credentials, or a missing role. Nexudus answers all of
    /// these with 401 and an empty body; it never sends 403.
    #[error("unauthorized")]
    Unauthorized,
    /// `"Not found"` as a JSON string.
    #[error("not found")]
    NotFound,
    /// 400 with the action envelope and `Errors[]`.
    #[error("invalid: {}", .0.iter().map(|e| e.property.as_str()).collect::<Vec<_>>().join(", "))]
    Validation(Vec<FieldError>),
    /// 400 from `/api/token`: `{"error": ..., "error_description": ...}`.
    #[error("{error}: {description}")]
    OAuth { error: &'static str, description: String },
    /// 500 `{"Message": "An error has occurred."}`; the detail goes to the log only.
    #[error("database: {0}")]
    Database(#[from] DbError),
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

impl ApiError {
    pub fn invalid(property: &str, message: &str, attempted: impl Into<Value>) -> Self {
        ApiError::Validation(vec![FieldError::new(property, message, attempted.into())])
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        match self {
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED.into_response(),
            ApiError::NotFound => (StatusCode::NOT_FOUND, Json(json!("Not found"))).into_response(),
            ApiError::Validation(errors) => {
                let summary = errors.iter().map(|e| format!("{}: {}", e.property, e.message)).collect::<Vec<_>>().join("\n");
                let errors: Vec<Value> =
                    errors.into_iter().map(|e| json!({ "AttemptedValue": e.attempted, "Message": e.message, "PropertyName": e.property })).collect();
                let body = json!({
                    "Status": 400, "Message": summary, "Value": null, "WasSuccessful": false,
                    "Errors": errors, "OpenInDialog": false, "OpenInWindow": false,
                    "RedirectURL": null, "JavaScript": null,
                });
                (StatusCode::BAD_REQUEST, Json(body)).into_response()
            }
            ApiError::OAuth { error, description } => {
                (StatusCode::BAD_REQUEST, Json(json!({ "error": error, "error_description": description }))).into_response()
            }
            internal @ (ApiError::Database(_) | ApiError::Sqlite(_)) => {
                tracing::error!(error = %internal, "request failed");
                (StatusCode::INTERNAL_SERVER_ERROR, Json(json!({ "Message": "An error has occurred." }))).into_response()
            }
        }
    }
}
