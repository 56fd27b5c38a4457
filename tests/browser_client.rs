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

/// What index.html does on a reload: sends the kept session's renewal and leaves it on
/// `window` for the client (src/api/early.rs).
fn start_renewal_like_the_page(token: &str, client_id: &str) {
    let url = format!("{}/api/token", sandbox_url());
    let request: web_sys::Request = Request::post(&url)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .header("client_id", client_id)
        .body(format!("grant_type=refresh_token&refresh_token={}", community_board::model::query::encode(token)))
        .unwrap()
        .into();
    let window = web_sys::window().unwrap();
    let slot = js_sys::Object::new();
    for (key, value) in [("url", url.into()), ("token", token.into()), ("sentAt", js_sys::Date::now().into()), ("answer", window.fetch_with_request(&request).into())] {
        js_sys::Reflect::set(&slot, &key.into(), &value).unwrap();
    }
    js_sys::Reflect::set(&window, &"communityBoardRenewal".into(), &slot).unwrap();
}

fn renewal_left_on_window() -> bool {
    js_sys::Reflect::has(&web_sys::window().unwrap(), &"communityBoardRenewal".into()).unwrap()
}

#[wasm_bindgen_test]
async fn the_pages_renewal_is_used_once_and_only_for_its_own_session() {
    clear_faults().await;
    let (_owner, client) = signed_in().await;
    let session = client.session();
    let kept = session.refresh_token().expect("a refresh token after sign-in");

    // Its answer becomes the session's tokens. (The server rotates refresh tokens, so a
    // second renewal with the same one, by the client itself, would have been refused.)
    start_renewal_like_the_page(&kept, &session.client_id());
    let before = session.access_token();
    client.refresh().await.expect("the page's renewal is taken");
    assert!(!renewal_left_on_window(), "taken once");
    assert_ne!(session.access_token(), before);
    let rotated = session.refresh_token().expect("the renewal's refresh token");
    assert_ne!(rotated, kept);
    client.refresh().await.expect("the next renewal is the client's own, with the rotated token");

    // A renewal of some other session is not taken: the client renews its own.
    start_renewal_like_the_page("not-this-sessions-token", &session.client_id());
    let before = session.refresh_token();
    client.refresh().await.expect("the client renews by itself");
    assert!(!renewal_left_on_window(), "dropped all the same");
    assert_ne!(session.refresh_token(), before);
    assert_eq!(session.status(), Status::SignedIn);
}
