//! Many writers at once: every thread and reply is stored, none lost, on REST (staff) and on
//! the Public API (members).

mod common;

use common::{Running, MANAGER, MEMBER};
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_creates_and_replies_are_all_stored() {
    let run = Running::start().await;
    let token = run.sign_in(MANAGER).await;
    const WRITERS: usize = 40;
    const REPLIES: usize = 5;
    let mut tasks = Vec::new();
    for n in 0..WRITERS {
        let http = run.http.clone();
        let base = run.sandbox.url();
        let token = token.clone();
        tasks.push(tokio::spawn(async move {
            let body = json!({ "BusinessId": 1001, "UserId": 2011, "Subject": format!("parallel {n}"), "Message": "m" });
            let created: serde_json::Value = http
                .post(format!("{base}/api/community/communitythreads"))
                .bearer_auth(&token)
                .json(&body)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            let id = created["Value"]["Id"].as_i64().expect("created");
            let replies = (0..REPLIES).map(|r| {
                let http = http.clone();
                let url = format!("{base}/api/community/communitymessages");
                let token = token.clone();
                async move {
                    let body = json!({ "CommunityThreadId": id, "UserId": 2011, "Message": format!("reply {r}") });
                    http.post(url).bearer_auth(&token).json(&body).send().await.unwrap().status().as_u16()
                }
            });
            let statuses = futures_join_all(replies).await;
            (id, statuses)
        }));
    }
    let mut ids = Vec::new();
    for task in tasks {
        let (id, statuses) = task.await.unwrap();
        assert!(statuses.iter().all(|s| *s == 200), "{statuses:?}");
        ids.push(id);
    }
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), WRITERS, "every create got its own id");
    let (_, threads) = run.get(&token, "/api/community/communitythreads?CommunityThread_Subject=parallel&size=1000").await;
    assert_eq!(threads["TotalItems"], WRITERS);
    for id in ids {
        let (_, replies) = run.get(&token, &format!("/api/community/communitymessages?CommunityMessage_CommunityThread={id}")).await;
        assert_eq!(replies["TotalItems"], REPLIES, "thread {id}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn members_replying_and_pressing_toggles_at_once_on_the_public_api() {
    let run = Running::start().await;
    let member = run.sign_in(MEMBER).await;
    let priya = run.sign_in(common::PRIYA).await;
    const BOARD: &str = "/api/public/community/board/threads";
    let (_, before) = run.get(&member, &format!("{BOARD}/10062/messages?size=1")).await;
    let (_, thread) = run.get(&member, &format!("{BOARD}/10062")).await;
    let likes_before = thread["LikeCount"].as_i64().unwrap();
    // 30 replies from two members and 10 like presses by each (an even number: both end unliked).
    let mut tasks = Vec::new();
    for n in 0..50 {
        let http = run.http.clone();
        let base = run.sandbox.url();
        let token = if n % 2 == 0 { member.clone() } else { priya.clone() };
        tasks.push(tokio::spawn(async move {
            let request = if n < 30 {
                http.post(format!("{base}{BOARD}/10062/messages")).json(&json!({ "Content": format!("at once {n}") }))
            } else {
                http.post(format!("{base}{BOARD}/10062/like"))
            };
            request.bearer_auth(&token).send().await.unwrap().status().as_u16()
        }));
    }
    for task in tasks {
        assert_eq!(task.await.unwrap(), 200);
    }
    let (_, after) = run.get(&member, &format!("{BOARD}/10062/messages?size=1")).await;
    assert_eq!(after["TotalItems"].as_i64().unwrap(), before["TotalItems"].as_i64().unwrap() + 30, "every reply is stored");
    let (_, thread) = run.get(&member, &format!("{BOARD}/10062")).await;
    assert_eq!(thread["LikeCount"].as_i64().unwrap(), likes_before, "ten presses each leave each member's like as it was");
}

/// Awaits every future concurrently (a tiny join_all, to keep the dependency list short).
async fn futures_join_all<F: std::future::Future<Output = u16> + Send + 'static>(futures: impl Iterator<Item = F>) -> Vec<u16> {
    let handles: Vec<_> = futures.map(tokio::spawn).collect();
    let mut out = Vec::new();
    for h in handles {
        out.push(h.await.unwrap());
    }
    out
}
