//! `POST /api/token` and bearer/Basic authentication, over real HTTP.

mod common;

use common::{Running, MANAGER, MEMBER};
use serde_json::Value;

async fn token_request(run: &Running, content_type: &str, body: &str, client_id: Option<&str>) -> (u16, Value) {
    let mut request = run.http.post(run.url("/api/token")).header("Content-Type", content_type).body(body.to_owned());
    if let Some(id) = client_id {
        request = request.header("client_id", id);
    }
    let response = request.send().await.unwrap();
    (response.status().as_u16(), response.json().await.unwrap())
}

const FORM: &str = "application/x-www-form-urlencoded";

#[tokio::test]
async fn password_grant_returns_the_four_documented_fields() {
    let run = Running::start().await;
    let (status, body) = token_request(&run, FORM, "grant_type=password&username=member%40example.com&password=demo-member", None).await;
    assert_eq!(status, 200);
    assert_eq!(body["token_type"], "bearer");
    assert_eq!(body["access_token"].as_str().unwrap().split('.').count(), 3);
    assert!(body["expires_in"].as_i64().unwrap() > 0);
    assert!(body["refresh_token"].is_string());
}

#[tokio::test]
async fn json_body_is_an_unsupported_grant_type() {
    let run = Running::start().await;
    let json = r#"{"grant_type":"password","username":"member@example.com","password":"demo-member"}"#;
    let (status, body) = token_request(&run, "application/json", json, None).await;
    assert_eq!((status, body["error"].as_str()), (400, Some("unsupported_grant_type")));
}

#[tokio::test]
async fn bad_credentials_are_an_invalid_grant() {
    let run = Running::start().await;
    let (status, body) = token_request(&run, FORM, "grant_type=password&username=member%40example.com&password=nope", None).await;
    assert_eq!((status, body["error"].as_str()), (400, Some("invalid_grant")));
    assert!(body["error_description"].is_string());
}

#[tokio::test]
async fn two_factor_user_needs_the_code() {
    let run = Running::start().await;
    let base = "grant_type=password&username=twofactor%40example.com&password=demo-member";
    let (status, body) = token_request(&run, FORM, base, None).await;
    assert_eq!((status, body["error"].as_str()), (400, Some("two_factor_auth_check")));
    let (status, body) = token_request(&run, FORM, &format!("{base}&totp=000000"), None).await;
    assert_eq!((status, body["error"].as_str()), (400, Some("invalid_grant")));
    let (status, _) = token_request(&run, FORM, &format!("{base}&totp=246810"), None).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn refresh_rotates_the_refresh_token() {
    let run = Running::start().await;
    let login = "grant_type=password&username=member%40example.com&password=demo-member";
    let (_, first) = token_request(&run, FORM, login, Some("board")).await;
    let rt = first["refresh_token"].as_str().unwrap();
    let (status, second) = token_request(&run, FORM, &format!("grant_type=refresh_token&refresh_token={rt}"), Some("board")).await;
    assert_eq!(status, 200);
    assert_ne!(second["refresh_token"], first["refresh_token"]);
    // The used refresh token is gone; so is one presented without its client_id.
    let (status, body) = token_request(&run, FORM, &format!("grant_type=refresh_token&refresh_token={rt}"), Some("board")).await;
    assert_eq!((status, body["error"].as_str()), (400, Some("invalid_grant")));
    let rt2 = second["refresh_token"].as_str().unwrap();
    let (status, _) = token_request(&run, FORM, &format!("grant_type=refresh_token&refresh_token={rt2}"), None).await;
    assert_eq!(status, 400);
    // The first access token still works after rotation.
    let (status, _) = run.get(first["access_token"].as_str().unwrap(), "/api/public/community/board/threads").await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn missing_unknown_or_expired_tokens_get_an_empty_401() {
    let run = Running::start().await;
    let response = run.http.get(run.url("/api/community/communitythreads")).send().await.unwrap();
    assert_eq!(response.status(), 401);
    assert_eq!(response.text().await.unwrap(), "");
    let (status, body) = run.get("not-a-token", "/api/community/communitythreads").await;
    assert_eq!((status, body), (401, Value::Null));

    let dir = tempfile::tempdir().unwrap();
    let mut config = board_sandbox::SandboxConfig::for_tests(dir.path().join("short.sqlite"));
    // Expiry is counted in whole seconds: a 1 s token can be gone by the first request on a
    // busy machine, so this one lives 3 s.
    config.access_token_ttl = std::time::Duration::from_secs(3);
    let short = board_sandbox::Sandbox::start(config).await.unwrap();
    let short_run = Running { sandbox: short, http: reqwest::Client::new(), dir };
    let member = short_run.sign_in(MEMBER).await;
    let manager = short_run.sign_in(MANAGER).await;
    assert_eq!(short_run.get(&member, "/api/public/community/board/threads").await.0, 200);
    assert_eq!(short_run.get(&manager, "/api/community/communitythreads").await.0, 200);
    tokio::time::sleep(std::time::Duration::from_millis(4100)).await;
    assert_eq!(short_run.get(&member, "/api/public/community/board/threads").await, (401, Value::Null), "an expired token is refused");
    assert_eq!(short_run.get(&manager, "/api/community/communitythreads").await, (401, Value::Null), "on REST too");
}

#[tokio::test]
async fn basic_credentials_are_accepted() {
    let run = Running::start().await;
    let response = run.http.get(run.url("/api/community/communitythreads")).basic_auth(MANAGER.0, Some(MANAGER.1)).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let response = run.http.get(run.url("/api/community/communitythreads")).basic_auth(MANAGER.0, Some("wrong")).send().await.unwrap();
    assert_eq!(response.status(), 401);
}

#[tokio::test]
async fn a_missing_role_is_a_401_not_a_403() {
    let run = Running::start().await;
    // The read-only staff account holds User-Read but not User-List: the batch form works, a
    // search is refused with the same empty 401 as a bad token.
    let reader = run.token_for("reader@example.com", "demo-reader").await;
    assert_eq!(run.get(&reader, "/api/community/communitythreads").await.0, 200);
    assert_eq!(run.get(&reader, "/api/sys/users/?id=%5B2002%5D").await.0, 200);
    assert_eq!(run.get(&reader, "/api/sys/users").await, (401, Value::Null));
    let manager = run.sign_in(MANAGER).await;
    assert_eq!(run.get(&manager, "/api/sys/users").await.0, 200);
    // An ordinary member holds no role at all (Nexudus grants REST roles to staff only).
    let member = run.sign_in(MEMBER).await;
    assert_eq!(run.get(&member, "/api/sys/users").await, (401, Value::Null));
}

#[tokio::test]
async fn every_community_endpoint_checks_its_role() {
    let run = Running::start().await;
    // The reader holds List and Read on threads, replies and groups, and nothing else.
    let reader = run.token_for("reader@example.com", "demo-reader").await;
    let body = serde_json::json!({ "Id": 10001 });
    for (path, readable) in [
        ("/api/community/communitythreads", true),
        ("/api/community/communitymessages", true),
        ("/api/community/communitygroups", true),
        ("/api/community/communitythreadfollows", false),
        ("/api/community/communitythreadlikes", false),
        ("/api/community/communitythreadmutes", false),
        ("/api/spaces/coworkers", false),
        ("/api/sys/businesses", false),
    ] {
        let (status, _) = run.get(&reader, path).await;
        assert_eq!(status, if readable { 200 } else { 401 }, "GET {path}");
        let (status, _) = run.get(&reader, &format!("{path}/1")).await;
        assert_eq!(status, if readable { 404 } else { 401 }, "GET {path}/1");
        if path.starts_with("/api/community/") {
            for (method, url) in [
                (reqwest::Method::POST, path.to_owned()),
                (reqwest::Method::PUT, path.to_owned()),
                (reqwest::Method::DELETE, format!("{path}/10001")),
                (reqwest::Method::POST, format!("{path}/runcommand")),
            ] {
                let (status, answer) = run.send(method.clone(), &reader, &url, &body).await;
                assert_eq!((status, answer), (401, Value::Null), "{method} {url}");
            }
        }
    }
}
