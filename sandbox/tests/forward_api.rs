//! `--forward-api`: one sandbox plays the tenant, a second forwards `/api` to it, and each
//! answer through the second must be the answer the tenant gives, over real HTTP.

mod common;

use std::time::{Duration, Instant};

use board_sandbox::forward::{ForwardApi, TenantOrigin};
use common::{read, Running};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const FORM: &str = "application/x-www-form-urlencoded";
const SIGN_IN: &str = "grant_type=password&username=member%40example.com&password=demo-member";

/// A sandbox forwarding `/api` to `tenant`, which may be any address.
async fn forwarding_to(tenant: &str, timeout: Duration) -> Running {
    let tenant = TenantOrigin::parse(tenant).unwrap();
    Running::start_with(|c| c.forward_api = Some(ForwardApi { tenant, timeout })).await
}

/// The tenant (seeded, with fault injection) and a sandbox in front of it.
async fn pair() -> (Running, Running) {
    let tenant = Running::start_with(|c| c.faults = true).await;
    let proxy = forwarding_to(&tenant.sandbox.url(), Duration::from_secs(30)).await;
    (tenant, proxy)
}

/// The same request to both: (status, body) through the proxy and from the tenant.
async fn both(tenant: &Running, proxy: &Running, token: &str, path: &str) -> ((u16, Value), (u16, Value)) {
    (proxy.get(token, path).await, tenant.get(token, path).await)
}

#[tokio::test]
async fn the_password_grant_and_the_refresh_work_through_the_proxy() {
    let (tenant, proxy) = pair().await;
    let signed_in =
        proxy.http.post(proxy.url("/api/token")).header("Content-Type", FORM).header("client_id", "tab-7").body(SIGN_IN).send().await.unwrap();
    let (status, tokens) = read(signed_in).await;
    assert_eq!(status, 200, "{tokens}");
    // The tenant issued it: it works there directly.
    let access = tokens["access_token"].as_str().unwrap();
    assert_eq!(tenant.get(access, "/api/public/coworkers/profiles").await.0, 200);

    // A refresh needs the client_id the sign-in used: the header went through both times.
    let refresh = format!("grant_type=refresh_token&refresh_token={}", tokens["refresh_token"].as_str().unwrap());
    let renewed = proxy
        .http
        .post(proxy.url("/api/token"))
        .header("Content-Type", FORM)
        .header("client_id", "tab-7")
        .body(refresh.clone())
        .send()
        .await
        .unwrap();
    let (status, body) = read(renewed).await;
    assert_eq!(status, 200, "{body}");
    assert!(body["access_token"].is_string());

    // And the tenant's refusals come back as they are.
    let reused =
        proxy.http.post(proxy.url("/api/token")).header("Content-Type", FORM).header("client_id", "tab-7").body(refresh).send().await.unwrap();
    let (status, body) = read(reused).await;
    assert_eq!((status, body["error"].as_str()), (400, Some("invalid_grant")));
}

#[tokio::test]
async fn lists_with_filters_and_paging_are_the_tenants() {
    let (tenant, proxy) = pair().await;
    let token = tenant.token_for("manager@example.com", "demo-manager").await;
    for path in [
        "/api/community/communitythreads?CommunityThread_CommunityGroup=4001&page=2&size=5&orderBy=Id&dir=-1",
        "/api/community/communitythreads?CommunityThread_Subject=welcome&size=3",
        "/api/community/communitythreads/?id=[10001,10059,10062]",
        "/api/community/communitymessages?CommunityMessage_CommunityThread=10001&page=1&size=2",
        "/api/sys/users/?id=[2001,2002]",
        "/api/community/communitythreads?from_CommunityThread_LastMessageDate=not-a-date",
        "/api/public/community/board/threads?groupId=4001&query=lunch&size=3",
        "/api/public/community/board/threads/10062/messages?size=2",
        "/api/public/community/board/groups",
    ] {
        let (through, direct) = both(&tenant, &proxy, &token, path).await;
        assert_eq!(through, direct, "{path}");
    }
    let (status, page) = proxy.get(&token, "/api/community/communitythreads?page=2&size=5").await;
    assert_eq!((status, page["CurrentPage"].as_i64(), page["Records"].as_array().map(Vec::len)), (200, Some(2), Some(5)));
}

#[tokio::test]
async fn writes_land_on_the_tenant_and_validation_errors_come_back() {
    let (tenant, proxy) = pair().await;
    let token = tenant.token_for("manager@example.com", "demo-manager").await;

    let mut invalid = Running::new_thread("x");
    invalid.as_object_mut().unwrap().remove("Subject");
    let through = proxy.post(&token, "/api/community/communitythreads", &invalid).await;
    let direct = tenant.post(&token, "/api/community/communitythreads", &invalid).await;
    assert_eq!(through.0, 400);
    assert_eq!(common::error_properties(&through.1), ["Subject"]);
    assert_eq!(through, direct);

    let (status, created) = proxy.post(&token, "/api/community/communitythreads", &Running::new_thread("Through the proxy")).await;
    assert_eq!(status, 200, "{created}");
    let id = created["Value"]["Id"].as_i64().unwrap();
    let (status, stored) = tenant.get(&token, &format!("/api/community/communitythreads/{id}")).await;
    assert_eq!((status, stored["Subject"].as_str()), (200, Some("Through the proxy")));
    // The proxy's own database was not touched.
    let local: i64 =
        proxy.sandbox.db().with_conn(|c| c.query_row("SELECT COUNT(*) FROM community_threads WHERE id = ?1", [id], |r| r.get(0))).unwrap_or(-1);
    assert_eq!(local, 0);
}

#[tokio::test]
async fn a_bad_token_and_a_missing_record_are_the_tenants_answers() {
    let (tenant, proxy) = pair().await;
    let token = tenant.token_for("manager@example.com", "demo-manager").await;
    let (through, direct) = both(&tenant, &proxy, "not-a-token", "/api/community/communitythreads").await;
    assert_eq!(through, (401, Value::Null));
    assert_eq!(through, direct);
    for path in ["/api/community/communitythreads/999999", "/api/no/such/thing", "/api", "/api/"] {
        let (through, direct) = both(&tenant, &proxy, &token, path).await;
        assert_eq!(through, direct, "{path}");
        assert_eq!(through.0, 404, "{path}");
    }
}

#[tokio::test]
async fn a_large_message_round_trips() {
    let (tenant, proxy) = pair().await;
    let token = tenant.token_for("manager@example.com", "demo-manager").await;
    let message: String = (0..200 * 1024).map(|i| char::from(b'a' + (i % 26) as u8)).collect();
    let mut thread = Running::new_thread("Large");
    thread["Message"] = json!(message);
    let (status, created) = proxy.post(&token, "/api/community/communitythreads", &thread).await;
    assert_eq!(status, 200, "{created}");
    let path = format!("/api/community/communitythreads/{}", created["Value"]["Id"]);
    let (through, direct) = both(&tenant, &proxy, &token, &path).await;
    assert_eq!(through.1["Message"].as_str().map(str::len), Some(200 * 1024));
    assert_eq!(through, direct);
}

#[tokio::test]
async fn the_tenants_headers_and_throttling_come_back() {
    let (tenant, proxy) = pair().await;
    let token = tenant.token_for("manager@example.com", "demo-manager").await;
    let fault = json!({"path": "/api/community/communitythreads", "kind": "throttle", "retry_after": 3});
    assert_eq!(tenant.http.post(tenant.url("/__sandbox/faults")).json(&fault).send().await.unwrap().status(), 200);
    let answer = proxy.http.get(proxy.url("/api/community/communitythreads")).bearer_auth(&token).send().await.unwrap();
    assert_eq!(answer.status(), 409);
    assert_eq!(answer.headers().get("retry-after").and_then(|v| v.to_str().ok()), Some("3"));
    // /__sandbox stays local: the proxy has no fault routes of its own.
    assert_eq!(proxy.http.get(proxy.url("/__sandbox/faults")).send().await.unwrap().status(), 404);
}

#[tokio::test]
async fn an_unreachable_tenant_is_a_quick_502() {
    // A port that was free a moment ago: nothing listens there now.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
    let proxy = forwarding_to(&format!("http://{closed}"), Duration::from_secs(30)).await;
    let started = Instant::now();
    let (status, body) = proxy.get("t", "/api/community/communitythreads?q=secret").await;
    assert!(started.elapsed() < Duration::from_secs(5), "took {:?}", started.elapsed());
    assert_eq!(status, 502);
    let message = body["Message"].as_str().unwrap();
    assert!(message.contains("could not be reached") && !message.contains("secret"), "{message}");
    // The server is still there.
    assert_eq!(proxy.http.get(proxy.url("/__sandbox/csp-reports")).send().await.unwrap().status(), 200);
}

#[tokio::test]
async fn a_tenant_slower_than_the_limit_is_a_504() {
    let tenant = Running::start_with(|c| c.faults = true).await;
    let proxy = forwarding_to(&tenant.sandbox.url(), Duration::from_millis(500)).await;
    let fault = json!({"path": "/api/community/communitygroups", "kind": "delay", "delay_ms": 3000});
    assert_eq!(tenant.http.post(tenant.url("/__sandbox/faults")).json(&fault).send().await.unwrap().status(), 200);
    let started = Instant::now();
    let (status, body) = proxy.get("t", "/api/community/communitygroups").await;
    assert!(started.elapsed() < Duration::from_millis(2500), "took {:?}", started.elapsed());
    assert_eq!(status, 504, "{body}");
    assert!(body["Message"].as_str().unwrap().contains("did not answer in time"));
}

#[tokio::test]
async fn paths_that_climb_out_of_api_are_refused() {
    let (_tenant, proxy) = pair().await;
    // Raw HTTP: a client library would resolve the dots before sending.
    let mut stream = tokio::net::TcpStream::connect(proxy.sandbox.addr()).await.unwrap();
    stream.write_all(b"GET /api/%2e%2e/__sandbox/faults HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").await.unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 400") && answer.contains("leaves /api"), "{answer}");
}

#[tokio::test]
async fn a_sandbox_cannot_forward_to_itself() {
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut config = board_sandbox::SandboxConfig::for_tests(dir.path().join("s.sqlite"));
    config.addr = ([127, 0, 0, 1], port).into();
    config.forward_api = Some(ForwardApi::new(TenantOrigin::parse(&format!("http://localhost:{port}")).unwrap()));
    let error = board_sandbox::Sandbox::start(config).await.err().expect("refused");
    assert!(error.to_string().contains("own address"), "{error}");
}
