//! List rows on the members' API say how many replies a conversation has and who wrote the
//! last, from the list's own answer (no request more), in English and Spanish. REST's list
//! carries neither, and a request per row is over the budget, so staff rows say nothing.

use board_e2e::{Journey, Setup, MANAGER};
use board_sandbox::seed::DEMO_MEMBER;

async fn rows_match_the_api(language: Option<&str>, (one, many): (&str, &str), last: &str, none: &str) {
    let j = Journey::start_with(Setup { language: language.map(str::to_owned), ..Setup::default() }).await;
    j.sign_in(DEMO_MEMBER.email, DEMO_MEMBER.password).await;
    let member = j.api(DEMO_MEMBER.email, DEMO_MEMBER.password).await;
    j.open("/").await;
    j.wait_for(".thread-row .thread-replies").await;
    let requests = j.api_requests().await;
    let page = member.get("/api/public/community/board/threads?page=1&size=25").await;
    let mut checked = (0, 0);
    for record in page["Records"].as_array().unwrap() {
        let id = record["Id"].as_i64().unwrap();
        let shown = j.text(&format!(".thread-row[data-thread-id='{id}'] .thread-replies")).await;
        let count = record["MessageCount"].as_i64().unwrap();
        if count == 0 {
            assert_eq!(shown, none, "thread {id}");
            checked.0 += 1;
        } else {
            let name = record["LastMessageUserFullName"].as_str().unwrap();
            let expected = format!("{count} {}{last}{name}", if count == 1 { one } else { many });
            assert_eq!(shown, expected, "thread {id}");
            checked.1 += 1;
        }
    }
    assert!(checked.0 > 0 && checked.1 > 0, "the seed has threads with and without replies: {checked:?}");
    assert_eq!(j.api_requests().await, requests, "no request more for the counts");
    j.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn member_rows_show_reply_counts_and_the_last_replier_in_english() {
    rows_match_the_api(None, ("reply", "replies"), ", the last by ", "No replies yet").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn member_rows_show_reply_counts_and_the_last_replier_in_spanish() {
    rows_match_the_api(Some("es"), ("respuesta", "respuestas"), ", la última de ", "Sin respuestas aún").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_rows_on_rest_do_not_guess() {
    let j = Journey::start().await;
    j.sign_in(MANAGER.0, MANAGER.1).await;
    j.open("/").await;
    j.wait_for(".thread-row").await;
    assert_eq!(j.count(".thread-row .thread-replies").await, 0);
    j.finish().await;
}
