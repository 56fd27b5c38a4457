//! Browser tests of the API client's session handling against a real sandbox (started by the
//! test command with fault injection on): refresh and retry on 401, "not allowed" versus
//! "signed out", and what is kept where.
#![cfg(target_arch = "wasm32")]

use community_board::api::{self, ApiClient, ApiError};
use community_board::model::backend::{ApiChoice, Backend};
use community_board::model::query::ThreadQuery;
use community_board::session::{Session, Status};
use gloo_net::http::Request;
use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn sandbox_url() -> &'static str {
    // Read when the tests are built: the browser has no environment to ask at run time.
    match option_env!("BOARD_SANDBOX_URL") {
        Some(url) => url,
        None => panic!("build the browser tests with BOARD_SANDBOX_URL set (scripts/test.sh does)"),
    }
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

/// Signed in as `email` with a fresh client (each test its own session and context owner).
async fn signed_in_as(email: &str, password: &str, choice: ApiChoice) -> (Owner, ApiClient) {
    let owner = Owner::new();
    owner.set();
    let mut client = ApiClient::new(sandbox_url(), Session::new());
    client.api = choice;
    api::auth::sign_in(&client, email, password, None).await.expect("the seeded account signs in");
    (owner, client)
}

/// The community manager: staff, on REST (where these session tests were written).
async fn signed_in() -> (Owner, ApiClient) {
    signed_in_as("manager@example.com", "demo-manager", ApiChoice::Auto).await
}

async fn signed_in_member() -> (Owner, ApiClient) {
    signed_in_as("member@example.com", "demo-member", ApiChoice::Auto).await
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
    let result = api::threads::create(&client, serde_json::json!({ "BusinessId": 1001, "UserId": 2002 }).to_string()).await;
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
    for (key, value) in
        [("url", url.into()), ("token", token.into()), ("sentAt", js_sys::Date::now().into()), ("answer", window.fetch_with_request(&request).into())]
    {
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

const PORTAL_THREADS: &str = "/api/public/community/board/threads";

fn kept_backend() -> Option<String> {
    web_sys::window().unwrap().session_storage().unwrap().unwrap().get_item("community-board:api").unwrap()
}

#[wasm_bindgen_test]
async fn each_account_is_given_the_api_its_token_may_use() {
    clear_faults().await;
    // A member holds no REST roles: the probe's 401 sends them to the members' API, and it is
    // an answer, not a failed session (no renewal, still signed in).
    let (_owner, member) = signed_in_member().await;
    assert_eq!(member.session().backend(), Backend::Portal);
    assert_eq!(kept_backend().as_deref(), Some("portal"), "kept for reloads");
    assert_eq!(member.session().status(), Status::SignedIn);
    assert_eq!(api::threads::list(&member, &ThreadQuery::default()).await, Err(ApiError::NotAllowed), "REST refuses a member");
    // Staff with REST roles, and a full administrator (the profile says so), get REST.
    let (_owner, manager) = signed_in().await;
    assert_eq!(manager.session().backend(), Backend::Rest);
    let (_owner, admin) = signed_in_as("admin@example.com", "demo-admin", ApiChoice::Auto).await;
    assert_eq!(admin.session().backend(), Backend::Rest);
    // A deployment's fixed choice wins over the probe.
    let (_owner, fixed) = signed_in_as("manager@example.com", "demo-manager", ApiChoice::Portal).await;
    assert_eq!(fixed.session().backend(), Backend::Portal);
}

#[wasm_bindgen_test]
async fn a_failed_probe_falls_back_to_the_members_api_and_asks_again_next_time() {
    clear_faults().await;
    fault(THREADS, "server_error", 1).await;
    let (_owner, manager) = signed_in().await;
    assert_eq!(manager.session().backend(), Backend::Portal, "nothing learnt: the API every customer may use");
    assert_eq!(kept_backend(), None, "a guess is not kept");
}

#[wasm_bindgen_test]
async fn the_members_api_renews_retries_and_reports_like_rest() {
    clear_faults().await;
    let (_owner, client) = signed_in_member().await;
    let before = client.session().access_token();
    fault(PORTAL_THREADS, "unauthorized", 1).await;
    let (page, authors) = api::portal::threads(&client, &ThreadQuery::default()).await.expect("the retry after refreshing succeeds");
    assert_eq!(page.threads.len(), 25);
    assert!(page.has_next);
    assert_eq!(authors.len(), 25, "every summary names its author");
    assert_ne!(client.session().access_token(), before, "the token was renewed");
    fault(PORTAL_THREADS, "server_error", 1).await;
    assert!(api::portal::threads(&client, &ThreadQuery::default()).await.is_ok(), "one 500 is retried away");
    fault(PORTAL_THREADS, "malformed_json", 3).await;
    assert!(matches!(api::portal::threads(&client, &ThreadQuery::default()).await, Err(ApiError::Decode(_))));
    // Its 400s arrive in the form's terms: a thread without a group names the group field.
    let draft = community_board::model::ThreadDraft { subject: "s".into(), message: "m".into(), ..Default::default() };
    let error = api::portal::create_thread(&client, &draft).await.expect_err("no group");
    assert!(error.field_message("CommunityGroupId").is_some(), "{error:?}");
}

/// A page of replies comes with its likes on both backends, counted alike: the Public API's
/// reply counts its own, REST looks them up in one request by the thread. A REST toggle
/// creates the member's like record and a second deletes it.
#[wasm_bindgen_test]
async fn replies_come_with_their_likes_on_both_backends() {
    use community_board::api::{board, Directory};
    use community_board::model::marks::MarkTarget;
    const THREAD: i64 = 10054;
    let (_m, member) = signed_in_member().await;
    let portal = board::replies(&member, Directory::new(), THREAD, 1).await.expect("the member reads the replies");
    let (_s, staff) = signed_in().await;
    let rest = board::replies(&staff, Directory::new(), THREAD, 1).await.expect("staff read the replies");
    let counts = |page: &board::RepliesPage| page.records.iter().map(|r| (r.id, r.like.count)).collect::<Vec<_>>();
    assert_eq!(counts(&portal), counts(&rest), "both backends count the same likes");
    assert!(rest.records.iter().any(|r| r.like.count.unwrap_or(0) > 0), "the seed has liked replies here");
    assert!(portal.records.iter().all(|r| r.like.on.is_none()), "the Public API does not say whose");
    assert!(rest.records.iter().all(|r| r.like.on == Some(false)), "REST does: the manager liked none");

    let reply = &rest.records[0];
    let target = MarkTarget::Reply { thread: THREAD, message: reply.id };
    let liked = board::toggle_mark(&staff, target, reply.like).await.expect("the like is created");
    assert_eq!((liked.on, liked.count), (Some(true), reply.like.count.map(|n| n + 1)));
    let again = board::replies(&staff, Directory::new(), THREAD, 1).await.unwrap();
    assert_eq!(again.records[0].like, liked, "the stored like is read back as the member's");
    let unliked = board::toggle_mark(&staff, target, liked).await.expect("the like is deleted");
    assert_eq!((unliked.on, unliked.count), (Some(false), reply.like.count));
}

#[wasm_bindgen_test]
async fn files_go_up_as_data_urls_and_come_back_as_bytes_on_rest_only() {
    use community_board::api::board;
    use community_board::model::attachment::{FileKind, PickedFile};
    const THREAD: i64 = 10054;
    let (_s, staff) = signed_in().await;
    let before = board::thread_files(&staff, THREAD).await.expect("staff list a thread's files").len();
    let file = PickedFile { name: "notes.txt".into(), bytes: 5, kind: FileKind::Document, data_url: "data:text/plain;base64,aGVsbG8=".into() };
    board::attach_file(&staff, THREAD, &file, "Meeting notes", false).await.expect("the file is attached");
    // Sent again after an unknown outcome: found there, not attached twice.
    board::attach_file(&staff, THREAD, &file, "Meeting notes", true).await.expect("a repeat is a no-op");
    let files = board::thread_files(&staff, THREAD).await.unwrap();
    assert_eq!(files.len(), before + 1);
    let stored = files.iter().find(|f| f.name.as_deref() == Some("notes.txt")).expect("the new file is listed");
    assert_eq!((stored.description.as_deref(), stored.file_data_file_name.as_deref()), (Some("Meeting notes"), Some("notes.txt")));
    let (bytes, content_type) = board::thread_file_content(&staff, stored.id).await.expect("its bytes");
    assert_eq!((bytes.as_slice(), content_type.as_str()), (&b"hello"[..], "text/plain"));
    // A file the API refuses names the field.
    let svg = PickedFile { data_url: "data:image/svg+xml;base64,PHN2Zz4=".into(), ..file };
    match board::attach_file(&staff, THREAD, &svg, "", false).await {
        Err(ApiError::Validation(errors)) => assert_eq!(errors[0].property_name.as_deref(), Some("NewFileDataUrl")),
        other => panic!("expected a validation error, got {other:?}"),
    }
    // The members' API has no files: nothing to list, and nothing asked for.
    let (_m, member) = signed_in_member().await;
    assert_eq!(member.session().backend(), Backend::Portal);
    assert!(board::thread_files(&member, THREAD).await.unwrap().is_empty());
}
