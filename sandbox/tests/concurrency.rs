//! Many members writing at once: every thread and reply is stored, none lost.

mod common;

use common::Running;
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_creates_and_replies_are_all_stored() {
    let run = Running::start().await;
    let token = run.token_for("member@example.com", "demo-member").await;
    const WRITERS: usize = 40;
    const REPLIES: usize = 5;
    let mut tasks = Vec::new();
    for n in 0..WRITERS {
        let http = run.http.clone();
        let base = run.sandbox.url();
        let token = token.clone();
        tasks.push(tokio::spawn(async move {
            let body = json!({ "BusinessId": 1001, "UserId": 2002, "Subject": format!("parallel {n}"), "Message": "m" });
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
                    let body = json!({ "CommunityThreadId": id, "UserId": 2002, "Message": format!("reply {r}") });
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

/// Awaits every future concurrently (a tiny join_all, to keep the dependency list short).
async fn futures_join_all<F: std::future::Future<Output = u16> + Send + 'static>(futures: impl Iterator<Item = F>) -> Vec<u16> {
    let handles: Vec<_> = futures.map(tokio::spawn).collect();
    let mut out = Vec::new();
    for h in handles {
        out.push(h.await.unwrap());
    }
    out
}
