//! Shared by the sandbox's HTTP tests: a real server on a free port over a temporary file.
#![allow(dead_code)]

use board_sandbox::{Sandbox, SandboxConfig};
use serde_json::Value;

// Seeded accounts, as (email, password).

/// An ordinary member: no REST roles; the Public API's demo member.
pub const MEMBER: (&str, &str) = ("member@example.com", "demo-member");
/// Another member, Priya (user 2003).
pub const PRIYA: (&str, &str) = ("priya@example.com", "demo-member");
/// The community manager (user 2011): staff holding every community REST role.
pub const MANAGER: (&str, &str) = ("manager@example.com", "demo-manager");
/// The full administrator (user 2001).
pub const ADMIN: (&str, &str) = ("admin@example.com", "demo-admin");
/// Read-only staff (user 2010): List and Read roles only.
pub const READER: (&str, &str) = ("reader@example.com", "demo-reader");

pub struct Running {
    pub sandbox: Sandbox,
    pub http: reqwest::Client,
    pub dir: tempfile::TempDir,
}

impl Running {
    pub async fn start() -> Running {
        let dir = tempfile::tempdir().unwrap();
        let sandbox = Sandbox::start(SandboxConfig::for_tests(dir.path().join("sandbox.sqlite"))).await.unwrap();
        Running { sandbox, http: reqwest::Client::new(), dir }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.sandbox.url())
    }

    pub async fn token_for(&self, email: &str, password: &str) -> String {
        let response = self
            .http
            .post(self.url("/api/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(format!("grant_type=password&username={}&password={password}", email.replace('@', "%40")))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "sign-in of {email}");
        let body: Value = response.json().await.unwrap();
        body["access_token"].as_str().unwrap().to_owned()
    }

    /// A token for one of the accounts above.
    pub async fn sign_in(&self, account: (&str, &str)) -> String {
        self.token_for(account.0, account.1).await
    }

    pub async fn start_with(adjust: impl FnOnce(&mut SandboxConfig)) -> Running {
        let dir = tempfile::tempdir().unwrap();
        let mut config = SandboxConfig::for_tests(dir.path().join("sandbox.sqlite"));
        adjust(&mut config);
        let sandbox = Sandbox::start(config).await.unwrap();
        Running { sandbox, http: reqwest::Client::new(), dir }
    }

    /// GET with a bearer token: (status, body as JSON or Null when empty).
    pub async fn get(&self, token: &str, path: &str) -> (u16, Value) {
        let response = self.http.get(self.url(path)).bearer_auth(token).send().await.unwrap();
        read(response).await
    }

    /// A JSON request with a bearer token: (status, body).
    pub async fn send(&self, method: reqwest::Method, token: &str, path: &str, body: &Value) -> (u16, Value) {
        let response = self.http.request(method, self.url(path)).bearer_auth(token).json(body).send().await.unwrap();
        read(response).await
    }

    pub async fn post(&self, token: &str, path: &str, body: &Value) -> (u16, Value) {
        self.send(reqwest::Method::POST, token, path, body).await
    }

    pub async fn put(&self, token: &str, path: &str, body: &Value) -> (u16, Value) {
        self.send(reqwest::Method::PUT, token, path, body).await
    }

    pub async fn delete(&self, token: &str, path: &str) -> (u16, Value) {
        let response = self.http.delete(self.url(path)).bearer_auth(token).send().await.unwrap();
        read(response).await
    }
}

/// Status and body; an empty body reads as Null, a non-JSON one as a JSON string.
pub async fn read(response: reqwest::Response) -> (u16, Value) {
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    let body = if text.is_empty() { Value::Null } else { serde_json::from_str(&text).unwrap_or(Value::String(text)) };
    (status, body)
}

/// The property names of a 400's `Errors`, sorted.
pub fn error_properties(body: &Value) -> Vec<String> {
    let mut names: Vec<String> = body["Errors"]
        .as_array()
        .map(|errors| errors.iter().map(|e| e["PropertyName"].as_str().unwrap_or("").to_owned()).collect())
        .unwrap_or_default();
    names.sort();
    names
}

impl Running {
    /// A valid new REST thread from the community manager in the General group.
    pub fn new_thread(subject: &str) -> Value {
        serde_json::json!({
            "BusinessId": 1001, "UserId": 2011, "CommunityGroupId": 4001,
            "Subject": subject, "Message": "Body text", "Tags": "a,b", "InstantDelivery": true,
        })
    }
}
