//! Shared by the sandbox's HTTP tests: a real server on a free port over a temporary file.
#![allow(dead_code)]

use board_sandbox::{Sandbox, SandboxConfig};
use serde_json::Value;

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

    /// GET with a bearer token: (status, body as JSON or Null when empty).
    pub async fn get(&self, token: &str, path: &str) -> (u16, Value) {
        let response = self.http.get(self.url(path)).bearer_auth(token).send().await.unwrap();
        let status = response.status().as_u16();
        let text = response.text().await.unwrap();
        (status, if text.is_empty() { Value::Null } else { serde_json::from_str(&text).unwrap() })
    }
}
