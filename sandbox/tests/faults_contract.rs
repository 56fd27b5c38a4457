//! Fault injection: off by default, and each kind does what it says for the next N requests.

mod common;

use common::{Running, MANAGER, MEMBER};
use serde_json::json;

const THREADS: &str = "/api/community/communitythreads";

#[tokio::test]
async fn fault_routes_do_not_exist_unless_enabled() {
    let run = Running::start().await;
    let response = run.http.post(run.url("/__sandbox/faults")).json(&json!({ "path": "/", "kind": "server_error" })).send().await.unwrap();
    assert_eq!(response.status(), 404);
}

#[tokio::test]
async fn each_fault_kind_fails_the_next_requests_then_stops() {
    let run = Running::start_with(|c| c.faults = true).await;
    let token = run.sign_in(MANAGER).await;
    let queue = |fault: serde_json::Value| {
        let http = run.http.clone();
        let url = run.url("/__sandbox/faults");
        async move { assert_eq!(http.post(url).json(&fault).send().await.unwrap().status(), 200) }
    };

    queue(json!({ "path": THREADS, "kind": "server_error", "count": 2 })).await;
    for _ in 0..2 {
        let (status, body) = run.get(&token, THREADS).await;
        assert_eq!((status, body), (500, json!({ "Message": "An error has occurred." })));
    }
    assert_eq!(run.get(&token, THREADS).await.0, 200, "the fault is used up");

    queue(json!({ "path": THREADS, "kind": "throttle", "retry_after": 7 })).await;
    let response = run.http.get(run.url(THREADS)).bearer_auth(&token).send().await.unwrap();
    assert_eq!(response.status(), 409);
    assert_eq!(response.headers()["retry-after"], "7");
    assert_eq!(response.text().await.unwrap(), "");

    queue(json!({ "path": THREADS, "kind": "malformed_json" })).await;
    let response = run.http.get(run.url(THREADS)).bearer_auth(&token).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert!(serde_json::from_str::<serde_json::Value>(&response.text().await.unwrap()).is_err());

    queue(json!({ "path": THREADS, "kind": "unauthorized", "method": "POST" })).await;
    assert_eq!(run.get(&token, THREADS).await.0, 200, "a fault for POST leaves GET alone");
    assert_eq!(run.post(&token, THREADS, &Running::new_thread("x")).await.0, 401);

    queue(json!({ "path": THREADS, "kind": "delay", "delay_ms": 400 })).await;
    let started = std::time::Instant::now();
    assert_eq!(run.get(&token, THREADS).await.0, 200);
    assert!(started.elapsed() >= std::time::Duration::from_millis(400));

    let listed: serde_json::Value = run.http.get(run.url("/__sandbox/faults")).send().await.unwrap().json().await.unwrap();
    assert_eq!(listed, json!([]));
}

#[tokio::test]
async fn faults_apply_to_the_public_api_board_too() {
    let run = Running::start_with(|c| c.faults = true).await;
    let member = run.sign_in(MEMBER).await;
    const BOARD: &str = "/api/public/community/board/threads";
    let queue = |fault: serde_json::Value| {
        let http = run.http.clone();
        let url = run.url("/__sandbox/faults");
        async move { assert_eq!(http.post(url).json(&fault).send().await.unwrap().status(), 200) }
    };
    queue(json!({ "path": BOARD, "kind": "server_error" })).await;
    assert_eq!(run.get(&member, BOARD).await, (500, json!({ "Message": "An error has occurred." })));
    assert_eq!(run.get(&member, BOARD).await.0, 200);

    queue(json!({ "path": "/api/public/community/board/threads/10001/like", "kind": "throttle", "retry_after": 2, "method": "POST" })).await;
    let response = run.http.post(run.url("/api/public/community/board/threads/10001/like")).bearer_auth(&member).send().await.unwrap();
    assert_eq!((response.status().as_u16(), response.headers()["retry-after"].to_str().unwrap()), (409, "2"));
    // The throttled press changed nothing: the next one likes (the member does not like 10001 yet).
    let (status, body) = run.post(&member, "/api/public/community/board/threads/10001/like", &json!({})).await;
    assert_eq!((status, &body["Value"]), (200, &json!(true)));

    // A slow answer: the reply is stored although the answer comes late.
    queue(json!({ "path": "/api/public/community/board/threads/10062/messages", "kind": "slow_response", "delay_ms": 300, "method": "POST" })).await;
    let started = std::time::Instant::now();
    let (status, created) = run.post(&member, "/api/public/community/board/threads/10062/messages", &json!({ "Content": "late" })).await;
    assert!(started.elapsed() >= std::time::Duration::from_millis(300));
    assert_eq!(status, 200, "{created}");
    queue(json!({ "path": BOARD, "kind": "unauthorized" })).await;
    assert_eq!(run.get(&member, BOARD).await, (401, serde_json::Value::Null));
}
