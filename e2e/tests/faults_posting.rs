//! The fault matrix for writing a conversation: a 500, a request that hangs past the time
//! bound, a 401 that ends the session mid-compose, and double submits. Each ends with the
//! draft intact and exactly one post. The member writes through the members' API; what was
//! stored is checked through staff REST.

use board_e2e::{Api, Journey};
use board_sandbox::seed::DEMO_MEMBER;
use serde_json::json;

/// Where staff count what was stored.
const THREADS: &str = "/api/community/communitythreads";
/// Where the member's board posts.
const POSTS: &str = "/api/public/community/board/threads";

async fn threads_titled(api: &Api, subject: &str) -> i64 {
    let q = subject.replace(' ', "%20");
    api.get(&format!("{THREADS}?CommunityThread_Subject={q}")).await["TotalItems"].as_i64().unwrap()
}

async fn start_draft(j: &Journey, subject: &str) {
    j.open("/new").await;
    j.wait_for("#thread-group option[value='4001']").await;
    j.fill("#thread-subject", subject).await;
    j.fill("#thread-message", "Written before the trouble.").await;
    j.set_value("#thread-group", "4001").await;
}

async fn submit(j: &Journey) {
    j.click(".thread-form button[type=submit]").await;
}

async fn expect_posted(j: &Journey) {
    j.wait_until("the new thread's page", "return /^\\/threads\\/\\d+$/.test(location.pathname);").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_post_keeps_the_draft_and_never_posts_twice() {
    let j = Journey::start().await;
    j.sign_in(DEMO_MEMBER.email, DEMO_MEMBER.password).await;
    let api = j.staff_api().await;

    // 500: said in words; the draft survives even a reload; the second try posts once.
    start_draft(&j, "Fault five hundred").await;
    j.fault(json!({ "path": POSTS, "method": "POST", "kind": "server_error" })).await;
    submit(&j).await;
    j.wait_for_text(".thread-form .form-error", "server had a problem").await;
    assert_eq!(threads_titled(&api, "Fault five hundred").await, 0);
    j.browser.refresh().await.unwrap();
    j.wait_until(
        "the draft after a reload",
        "return document.querySelector('#thread-subject') && document.querySelector('#thread-subject').value === 'Fault five hundred';",
    )
    .await;
    submit(&j).await;
    expect_posted(&j).await;
    assert_eq!(threads_titled(&api, "Fault five hundred").await, 1);

    // 401 mid-compose, and the session cannot be renewed: sign in again, the draft is back.
    start_draft(&j, "Fault session ended").await;
    j.fault(json!({ "path": POSTS, "method": "POST", "kind": "unauthorized" })).await;
    j.fault(json!({ "path": "/api/token", "kind": "unauthorized" })).await;
    submit(&j).await;
    j.wait_until("the sign-in page", "return location.pathname === '/sign-in';").await;
    j.wait_for_text(".sign-in .notice", "session has ended").await;
    j.fill("#sign-in-email", DEMO_MEMBER.email).await;
    j.fill("#sign-in-password", DEMO_MEMBER.password).await;
    j.click("button[type=submit]").await;
    j.wait_until("back on the composer with the draft", "return location.pathname === '/new' && document.querySelector('#thread-subject') && document.querySelector('#thread-subject').value === 'Fault session ended';").await;
    assert_eq!(threads_titled(&api, "Fault session ended").await, 0);
    submit(&j).await;
    expect_posted(&j).await;
    assert_eq!(threads_titled(&api, "Fault session ended").await, 1);

    // Double click, and Enter twice: one thread each.
    start_draft(&j, "Fault double click").await;
    j.js("const b = document.querySelector('.thread-form button[type=submit]'); b.click(); b.click();", vec![]).await;
    expect_posted(&j).await;
    start_draft(&j, "Fault enter twice").await;
    j.js("const f = document.querySelector('.thread-form'); f.requestSubmit(); f.requestSubmit();", vec![]).await;
    expect_posted(&j).await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(threads_titled(&api, "Fault double click").await, 1);
    assert_eq!(threads_titled(&api, "Fault enter twice").await, 1);
    j.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_post_that_hangs_past_the_time_bound_is_checked_before_sending_again() {
    let j = Journey::start().await;
    j.sign_in(DEMO_MEMBER.email, DEMO_MEMBER.password).await;
    let api = j.staff_api().await;

    // The server stores the post but holds its answer past the board's 20 s bound: the board
    // gives up waiting, looks, finds the post, and goes to it. One thread.
    start_draft(&j, "Fault slow answer").await;
    j.fault(json!({ "path": POSTS, "method": "POST", "kind": "slow_response", "delay_ms": 22_000 })).await;
    submit(&j).await;
    j.wait_until_for("the post, found after the time bound", 35, "return /^\\/threads\\/\\d+$/.test(location.pathname);").await;
    assert_eq!(threads_titled(&api, "Fault slow answer").await, 1);

    // The server sits on the request past the bound and the board's abort means it never
    // lands: the member is told, keeps the draft, and sending again posts it once.
    start_draft(&j, "Fault hung request").await;
    j.fault(json!({ "path": POSTS, "method": "POST", "kind": "delay", "delay_ms": 22_000 })).await;
    submit(&j).await;
    j.wait_until_for(
        "the time bound",
        35,
        "return (document.querySelector('.thread-form .form-error') || {}).textContent?.includes('took too long') === true;",
    )
    .await;
    j.wait_for_text(".thread-form .form-error", "not clear whether").await;
    j.wait_for(".form-actions button.secondary").await;
    assert_eq!(threads_titled(&api, "Fault hung request").await, 0);
    submit(&j).await;
    expect_posted(&j).await;
    assert_eq!(threads_titled(&api, "Fault hung request").await, 1, "posted exactly once");
    j.finish().await;
}
