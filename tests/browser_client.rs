//! Browser tests of the API client's session handling against a real sandbox (started by the
//! test command with fault injection on): refresh and retry on 401, "not allowed" versus
//! "signed out", and what is kept where.
#![cfg(target_arch = "wasm32")]

use community_board::api::{self, ApiClient, ApiError};
use community_board::json::Object;
use community_board::model::query::ThreadQuery;
use community_board::session::{Session, Status};
use gloo_net::http::Request;
use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn sandbox_url() -> &'static str {
    option_env!("BOARD_SANDBOX_URL").expect("build the browser tests with BOARD_SANDBOX_URL set (scripts/test.sh does)")
}

/// Queues a sandbox fault for the next `count` requests to `path`.
async fn fault(path: &str, kind: &str, count: u32) {
    let body = serde_json::json!({ "path": path, "kind": kind, "count": count }).to_string();
    let response = Request::post(&format!("{}/__sandbox/faults", sandbox_url()))
        .header("Content-Type", "application/json")
        .body(body)
        .unwrap()
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200, "the sandbox accepts the fault");
}

async fn clear_faults() {
    Request::delete(&format!("{}/__sandbox/faults", sandbox_url())).send().await.unwrap();
}

async fn signed_in() -> (Owner, ApiClient) {
    let owner = Owner::new();
    owner.set();
    let client = ApiClient::new(sandbox_url(), Session::new());
    api::auth::sign_in(&client, "member@example.com", "demo-member", None).await.expect("demo member signs in");
    (owner, client)
}

const THREADS: &str = "/api/community/communitythreads";

#[wasm_bindgen_test]
async fn a_401_gets_one_refresh_and_a_retry() {
    clear_faults().await;
    let (_owner, client) = signed_in().await;
    let session = client.session();
    let before = session.access_token();
    fault(THREADS, "unauthorized", 1).await;
    let page = api::threads::list(&client, &ThreadQuery::default()).await.expect("the retry after refreshing succeeds");
    assert_eq!(page.records.len(), 25);
    assert_ne!(session.access_token(), before, "the token was renewed");
    assert_eq!(session.status(), Status::SignedIn);
}

#[wasm_bindgen_test]
async fn a_401_with_a_fresh_token_means_not_allowed() {
    clear_faults().await;
    let (_owner, client) = signed_in().await;
    fault(THREADS, "unauthorized", 2).await;
    let result = api::threads::list(&client, &ThreadQuery::default()).await;
    assert_eq!(result, Err(ApiError::NotAllowed));
    assert_eq!(client.session().status(), Status::SignedIn, "the member stays signed in");
}

#[wasm_bindgen_test]
async fn a_session_that_cannot_be_renewed_is_signed_out_and_forgotten() {
    clear_faults().await;
    let (_owner, client) = signed_in().await;
    let storage = web_sys::window().unwrap().session_storage().unwrap().unwrap();
    assert!(storage.get_item("community-board:refresh-token").unwrap().is_some(), "the refresh token is kept for reloads");
    let local = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    for i in 0..local.length().unwrap() {
        let key = local.key(i).unwrap().unwrap();
        assert!(!key.contains("token"), "no token in localStorage ({key})");
    }
    fault(THREADS, "unauthorized", 1).await;
    fault("/api/token", "unauthorized", 1).await;
    let result = api::threads::list(&client, &ThreadQuery::default()).await;
    assert_eq!(result, Err(ApiError::SignedOut));
    let session = client.session();
    assert_eq!(session.access_token(), None, "the token is gone at once");
    // The status flips on the next task, once the page has taken in the failure.
    let tick = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(tick).await.unwrap();
    assert_eq!(session.status(), Status::SignedOut);
    assert_eq!(session.access_token(), None);
    assert!(session.notice().is_some(), "the sign-in page will say why");
    assert_eq!(storage.get_item("community-board:refresh-token").unwrap(), None);
}

#[wasm_bindgen_test]
async fn reads_are_retried_and_writes_are_not() {
    clear_faults().await;
    let (_owner, client) = signed_in().await;
    // A read is retried twice: one failure is absorbed, three are reported as what they are.
    fault(THREADS, "server_error", 1).await;
    assert!(api::threads::list(&client, &ThreadQuery::default()).await.is_ok(), "one 500 is retried away");
    fault(THREADS, "server_error", 3).await;
    assert_eq!(api::threads::list(&client, &ThreadQuery::default()).await, Err(ApiError::Server(500)));
    fault(THREADS, "malformed_json", 3).await;
    assert!(matches!(api::threads::list(&client, &ThreadQuery::default()).await, Err(ApiError::Decode(_))));
    // A 409 is waited out for as long as Retry-After says, then retried.
    fault(THREADS, "throttle", 1).await;
    let started = js_sys::Date::now();
    assert!(api::threads::list(&client, &ThreadQuery::default()).await.is_ok());
    assert!(js_sys::Date::now() - started >= 1000.0, "the retry waited for Retry-After");
    // Writes are never retried blindly: one failure is the answer.
    fault("/api/community/communitymessages", "throttle", 1).await;
    let author = client.session().author().unwrap();
    let reply = api::messages::create(&client, 10062, author, "throttled write").await;
    assert!(matches!(reply, Err(ApiError::Throttled(_))), "{reply:?}");
}

#[wasm_bindgen_test]
async fn validation_errors_name_their_fields() {
    clear_faults().await;
    let (_owner, client) = signed_in().await;
    let result = api::threads::create(&client, &Object::new().with("BusinessId", 1001).with("UserId", 2002).into()).await;
    let error = result.expect_err("a thread without subject and message is refused");
    assert!(error.field_message("subject").is_some());
    assert!(error.field_message("Message").is_some());
    assert_eq!(error.field_message("Tags"), None);
}
