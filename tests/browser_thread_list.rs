//! Browser tests: components mounted in headless Chromium, calling a real sandbox through
//! the board's own API client. The test command starts the sandbox and passes its URL in
//! `BOARD_SANDBOX_URL` at build time.
#![cfg(target_arch = "wasm32")]

use community_board::api::{self, ApiClient, ApiError};
use community_board::components::thread_list::ThreadList;
use community_board::model::backend::Backend;
use community_board::model::query::{ListFilters, ThreadQuery};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn sandbox_url() -> &'static str {
    // Read when the tests are built: the browser has no environment to ask at run time.
    match option_env!("BOARD_SANDBOX_URL") {
        Some(url) => url,
        None => panic!("build the browser tests with BOARD_SANDBOX_URL set (scripts/test.sh does)"),
    }
}

async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Polls until `ready` holds, failing the test after `timeout_ms`.
async fn wait_until(what: &str, timeout_ms: i32, ready: impl Fn() -> bool) {
    let mut waited = 0;
    while !ready() {
        assert!(waited < timeout_ms, "timed out after {timeout_ms} ms waiting for {what}");
        sleep_ms(20).await;
        waited += 20;
    }
}

/// Mounts `view` with the board's context, signed in as `email`.
async fn mount_signed_in<V: IntoView + 'static>(
    host: &web_sys::HtmlElement,
    email: &str,
    password: &str,
    view: impl Fn() -> V + 'static,
) -> ApiClient {
    let (tx, rx) = futures::channel::oneshot::channel();
    let mut tx = Some(tx);
    let handle = leptos::mount::mount_to(host.clone(), move || {
        let client = community_board::provide_board_context(sandbox_url());
        if let Some(tx) = tx.take() {
            let _ = tx.send(client);
        }
        view()
    });
    handle.forget();
    let client = rx.await.unwrap();
    api::auth::sign_in(&client, email, password, None).await.expect("the seeded account signs in");
    client
}

fn mount_host() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host.unchecked_into()
}

#[wasm_bindgen_test]
async fn wrong_password_is_refused_with_invalid_grant() {
    let client = ApiClient::new(sandbox_url(), community_board::session::Session::new());
    match api::auth::sign_in(&client, "member@example.com", "not-the-password", None).await {
        Err(ApiError::OAuth(e)) => assert_eq!(e.error, "invalid_grant"),
        other => panic!("expected invalid_grant, got {other:?}"),
    }
}

/// Page one as the component shows it, against what the API says page one holds (asked
/// independently of the component), on whichever backend the account was given.
async fn list_renders_page_one_with_authors(email: &str, password: &str, backend: Backend) {
    let host = mount_host();
    let filters = RwSignal::new(None::<ListFilters>);
    let client = mount_signed_in(&host, email, password, move || {
        view! { {move || filters.get().map(|f| view! { <ThreadList filters=f/> })} }
    })
    .await;
    assert_eq!(client.session().backend(), backend);
    filters.set(Some(ListFilters::from_params(None, None, None, None)));
    let expected: Vec<String> = match backend {
        Backend::Portal => api::portal::threads(&client, &ThreadQuery::default())
            .await
            .expect("thread list loads")
            .0
            .threads
            .into_iter()
            .map(|t| t.subject)
            .collect(),
        Backend::Rest => {
            api::threads::list(&client, &ThreadQuery::default()).await.expect("thread list loads").records.into_iter().map(|t| t.subject).collect()
        }
    };
    assert_eq!(expected.len(), 25, "the seed has more than one page of threads");
    wait_until("25 thread rows", 5000, || host.query_selector_all(".thread-row").unwrap().length() == 25).await;

    let subjects = host.query_selector_all(".thread-subject").unwrap();
    for (i, subject) in expected.iter().enumerate() {
        let shown = subjects.item(i as u32).unwrap().text_content().unwrap();
        assert_eq!(&shown, subject, "row {i} shows the API's thread in the API's order");
    }
    // Authors come with the summaries (members) or from the user batch that follows the rows
    // (staff): every row gets a real name, none the placeholder.
    wait_until("the authors' names", 5000, || host.query_selector(".thread-author[aria-busy]").unwrap().is_none()).await;
    let authors = host.query_selector_all(".thread-author").unwrap();
    for i in 0..authors.length() {
        let name = authors.item(i).unwrap().text_content().unwrap();
        assert!(!name.is_empty() && name != "Unknown member", "row {i} author {name:?}");
    }
    let time = host.query_selector(".thread-row time").unwrap().expect("a time element");
    assert!(time.get_attribute("datetime").unwrap().ends_with('Z'));
    host.remove();
}

#[wasm_bindgen_test]
async fn a_members_list_comes_from_the_members_api() {
    list_renders_page_one_with_authors("member@example.com", "demo-member", Backend::Portal).await;
}

#[wasm_bindgen_test]
async fn a_community_managers_list_comes_from_rest() {
    list_renders_page_one_with_authors("manager@example.com", "demo-manager", Backend::Rest).await;
}
