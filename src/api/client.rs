//! The one HTTP client: base URL, bearer token, JSON decoding, and status → error mapping.

use gloo_net::http::{Request, RequestBuilder, Response};
use serde::de::DeserializeOwned;

use super::error::ApiError;
use crate::model::query::DirConvention;
use crate::model::{ActionEnvelope, OAuthError};
use crate::session::Session;

#[derive(Clone)]
pub struct ApiClient {
    /// `https://{space}.spaces.nexudus.com` or the sandbox origin, without a trailing slash.
    base: String,
    pub dir_convention: DirConvention,
    session: Session,
}

impl ApiClient {
    pub fn new(base: &str, session: Session) -> Self {
        ApiClient { base: base.trim_end_matches('/').to_owned(), dir_convention: DirConvention::Dev, session }
    }

    pub fn session(&self) -> Session {
        self.session
    }

    pub fn url(&self, path_and_query: &str) -> String {
        format!("{}{path_and_query}", self.base)
    }

    fn authorised(&self, builder: RequestBuilder) -> RequestBuilder {
        match self.session.access_token() {
            Some(token) => builder.header("Authorization", &format!("Bearer {token}")),
            None => builder,
        }
    }

    /// GET a JSON document with the member's bearer token.
    pub async fn get_json<T: DeserializeOwned>(&self, path_and_query: &str) -> Result<T, ApiError> {
        let request = self.authorised(Request::get(&self.url(path_and_query))).header("Accept", "application/json");
        let response = request.send().await.map_err(|e| ApiError::Network(e.to_string()))?;
        decode(response).await
    }

    /// POST a form body without a token (the token endpoint).
    pub async fn post_form<T: DeserializeOwned>(&self, path: &str, form: String) -> Result<T, ApiError> {
        let request = Request::post(&self.url(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .body(form)
            .map_err(|e| ApiError::Network(e.to_string()))?;
        let response = request.send().await.map_err(|e| ApiError::Network(e.to_string()))?;
        decode(response).await
    }
}

/// Maps a response to the value or to the error the contract says it is.
async fn decode<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    let status = response.status();
    let text = response.text().await.map_err(|e| ApiError::Network(e.to_string()))?;
    match status {
        200..=299 => serde_json::from_str(&text).map_err(|e| ApiError::Decode(e.to_string())),
        400 => Err(bad_request(&text)),
        401 => Err(ApiError::Unauthorized),
        404 => Err(ApiError::NotFound),
        409 => Err(ApiError::Throttled(retry_after(&response))),
        other => Err(ApiError::Server(other)),
    }
}

/// A 400 is either the token endpoint's OAuth error or a validation envelope.
fn bad_request(text: &str) -> ApiError {
    if let Ok(oauth) = serde_json::from_str::<OAuthError>(text) {
        return ApiError::OAuth(oauth);
    }
    match serde_json::from_str::<ActionEnvelope>(text) {
        Ok(envelope) => ApiError::Validation(envelope.errors.unwrap_or_default()),
        Err(_) => ApiError::Server(400),
    }
}

fn retry_after(response: &Response) -> u32 {
    response.headers().get("Retry-After").and_then(|v| v.trim().parse().ok()).unwrap_or(1)
}
