//! The fault matrix while reading and replying, as a member on the members' API: offline,
//! malformed JSON, a thread deleted under the member, and throttling with Retry-After. Each
//! ends with the reply intact and exactly one reply stored (checked through staff REST).

use board_e2e::{Api, Journey};
use board_sandbox::seed::DEMO_MEMBER;
use serde_json::json;

const THREAD: i64 = 10062;
const BOARD: &str = "/api/public/community/board";

async fn replies_saying(api: &Api, thread: i64, text: &str) -> i64 {
    let q = text.replace(' ', "%20");
    api.get(&format!("/api/community/communitymessages?CommunityMessage_CommunityThread={thread}&CommunityMessage_Message={q}")).await["TotalItems"]
        .as_i64()
        .unwrap()
}

async fn open_thread(j: &Journey, id: i64) {
    j.open(&format!("/threads/{id}")).await;
    j.wait_for("#reply-text").await;
    j.wait_until("replies", "return document.querySelectorAll('.reply').length > 0;").await;
}

async fn send_reply(j: &Journey) {
    j.click(".reply-composer button[type=submit]").await;
}

async fn reply_text(j: &Journey) -> String {
    j.js("return document.querySelector('#reply-text').value;", vec![]).await.as_str().unwrap().to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replies_survive_every_network_fault() {
    let mut j = Journey::start().await;
    j.sign_in(DEMO_MEMBER.email, DEMO_MEMBER.password).await;
    let api = j.staff_api().await;
    let member = j.api(DEMO_MEMBER.email, DEMO_MEMBER.password).await;

    // Offline: the reply is kept, and goes once the network is back.
    open_thread(&j, THREAD).await;
    j.fill("#reply-text", "Sent while offline").await;
    j.go_offline().await;
    send_reply(&j).await;
    j.wait_for_text("#reply-error", "Could not reach the server").await;
    assert_eq!(reply_text(&j).await, "Sent while offline");
    j.come_back_online().await;
    send_reply(&j).await;
    j.wait_until("the reply", "return [...document.querySelectorAll('.reply .message-body')].some(e => e.textContent === 'Sent while offline');")
        .await;
    assert_eq!(replies_saying(&api, THREAD, "Sent while offline").await, 1);

    // Malformed JSON while loading: retried; past the retries, said in words with a way to retry.
    // (The thread and its replies share this prefix and load together: three tries each.)
    let path = format!("{BOARD}/threads/{THREAD}");
    j.fault(json!({ "path": path, "kind": "malformed_json", "count": 6 })).await;
    j.open(&format!("/threads/{THREAD}")).await;
    j.wait_for_text(".notice.error", "could not read").await;
    j.click(".notice.error button").await;
    j.wait_for_text("#thread-heading", "Monthly members' town hall").await;
    // ... and malformed JSON in answer to a reply: checked, kept, sent once.
    j.wait_for("#reply-text").await;
    j.fill("#reply-text", "Answer was garbled").await;
    j.fault(json!({ "path": format!("{BOARD}/threads/{THREAD}/messages"), "method": "POST", "kind": "malformed_json" })).await;
    send_reply(&j).await;
    j.wait_for_text("#reply-error", "could not read").await;
    assert_eq!(reply_text(&j).await, "Answer was garbled");
    send_reply(&j).await;
    j.wait_until("the reply", "return [...document.querySelectorAll('.reply .message-body')].some(e => e.textContent === 'Answer was garbled');")
        .await;
    assert_eq!(replies_saying(&api, THREAD, "Answer was garbled").await, 1);

    // 409 with Retry-After: a read waits and retries by itself; a reply is not retried
    // blindly but kept, and goes once when sent again.
    j.fault(json!({ "path": format!("{BOARD}/threads"), "method": "GET", "kind": "throttle", "retry_after": 1 })).await;
    j.open("/").await;
    j.wait_for(".thread-row").await;
    assert_eq!(j.count(".notice.error").await, 0, "the throttled read was retried quietly");
    open_thread(&j, THREAD).await;
    j.fill("#reply-text", "Throttled once").await;
    j.fault(json!({ "path": format!("{BOARD}/threads/{THREAD}/messages"), "method": "POST", "kind": "throttle", "retry_after": 2 })).await;
    send_reply(&j).await;
    j.wait_for_text("#reply-error", "busy").await;
    assert_eq!(replies_saying(&api, THREAD, "Throttled once").await, 0);
    send_reply(&j).await;
    j.wait_until("the reply", "return [...document.querySelectorAll('.reply .message-body')].some(e => e.textContent === 'Throttled once');").await;
    assert_eq!(replies_saying(&api, THREAD, "Throttled once").await, 1);

    // The thread is deleted while the member writes: said plainly, the reply kept.
    let made = member.post(&format!("{BOARD}/threads"), &json!({ "GroupId": 4001, "Title": "Soon gone", "Content": "m" })).await;
    let doomed = made["Value"]["Id"].as_i64().unwrap();
    j.open(&format!("/threads/{doomed}")).await;
    j.wait_for("#reply-text").await;
    j.fill("#reply-text", "Too late").await;
    let admin = j.api("admin@example.com", "demo-admin").await;
    assert_eq!(admin.http_delete(&format!("/api/community/communitythreads/{doomed}")).await, 200);
    send_reply(&j).await;
    j.wait_for_text("#reply-error", "no longer exists").await;
    assert_eq!(reply_text(&j).await, "Too late");
    j.browser.refresh().await.unwrap();
    j.wait_for_text(".notice.error", "no longer exists").await;
    j.finish().await;
}
