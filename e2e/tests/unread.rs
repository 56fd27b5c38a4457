//! Unread conversations, kept per member in the browser: a "new" mark on rows with activity
//! since the member last looked, a marker where the new replies begin, and a list of only
//! the unread ones, in English and Spanish.

use std::time::Duration;

use board_e2e::{Journey, Setup};
use board_sandbox::seed::DEMO_MEMBER;
use serde_json::json;

/// "Welcome our new members!" in General.
const THREAD: i64 = 10054;

struct Words {
    new: &'static str,
    unread_only: &'static str,
    marker: &'static str,
}

async fn unread_journey(language: Option<&str>, words: Words) {
    let j = Journey::start_with(Setup { language: language.map(str::to_owned), ..Setup::default() }).await;
    j.sign_in(DEMO_MEMBER.email, DEMO_MEMBER.password).await;
    j.open("/").await;
    j.wait_for(".thread-row").await;
    assert_eq!(j.count(".badge-new").await, 0, "a first visit marks nothing new");
    assert_eq!(j.text("label[for=unread-only]").await, words.unread_only);

    // Someone replies (a second later: the API's times have whole seconds).
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let priya = j.api("priya@example.com", "demo-member").await;
    let posted = priya.post(&format!("/api/public/community/board/threads/{THREAD}/messages"), &json!({ "Content": "Hello again" })).await;
    let reply = posted["Value"]["Id"].as_i64().unwrap();
    j.open("/").await;
    let row = format!(".thread-row[data-thread-id='{THREAD}']");
    j.wait_for_text(&format!("{row} .badge-new"), words.new).await;
    assert_eq!(j.count(".thread-row.unread").await, 1, "only the conversation with the reply is new");

    // Only the unread ones: the box puts it in the URL.
    j.click("#unread-only").await;
    j.wait_until("the unread list", "return location.search === '?unread=1' && document.querySelectorAll('.thread-row').length === 1;").await;
    assert_eq!(j.count(&row).await, 1);
    assert!(!j.text("#unread-note").await.is_empty(), "it says where unread conversations are looked for");
    assert_eq!(j.js("return document.getElementById('unread-only').checked;", vec![]).await, json!(true));

    // Opening it marks where the new replies begin: at Priya's.
    j.click(&format!("{row} .thread-subject a")).await;
    j.wait_for_text(".new-replies-marker", words.marker).await;
    let marked = j.js("return +document.querySelector('.reply.first-new').dataset.replyId;", vec![]).await;
    assert_eq!(marked, json!(reply));
    assert_eq!(j.count(".new-replies-marker").await, 1);

    // Seen now: the unread list is empty, and the row is no longer new.
    j.open("/?unread=1").await;
    j.wait_until("the empty unread list", "return !!document.querySelector('.thread-list-region .empty');").await;
    j.click("#unread-only").await;
    j.wait_until("every conversation", "return location.search === '' && document.querySelectorAll('.thread-row').length > 1;").await;
    assert_eq!(j.count(".badge-new").await, 0);

    // Reopened: nothing marked new any more.
    j.open(&format!("/threads/{THREAD}")).await;
    j.wait_until("the replies", "return document.querySelectorAll('.reply').length > 0;").await;
    assert_eq!(j.count(".new-replies-marker").await, 0);
    j.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unread_conversations_in_english() {
    unread_journey(None, Words { new: "New", unread_only: "Unread only", marker: "New since your last visit" }).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unread_conversations_in_spanish() {
    unread_journey(Some("es"), Words { new: "Nuevo", unread_only: "Solo sin leer", marker: "Nuevo desde tu última visita" }).await;
}
