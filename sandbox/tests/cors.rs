//! CORS over real HTTP: pages on this machine (any port) and the configured `--cors-origin`s
//! may call the API from a browser; look-alike origins may not, for preflights and simple
//! requests alike (issue 15, defect 2).

mod common;

use common::{Running, MEMBER};

const CONFIGURED: &str = "https://portal.example.com";

/// Origins that only look like this machine's (or the configured one).
const LOOK_ALIKES: [&str; 12] = [
    "http://127.x.example",
    "http://127.evil.example.com",
    "http://127.0.0.1.example.net",
    "http://localhost.example.net",
    "http://localhost.",
    // The host is evil.example: "127.0.0.1" is only a user name.
    "http://127.0.0.1@evil.example",
    // The host really is 127.0.0.1, but a browser never sends an origin with a user name
    // (an origin is scheme, host and port), so such a header is refused.
    "http://evil.example@127.0.0.1",
    "HTTP://LOCALHOST.EVIL.EXAMPLE:8080",
    "http://127.0.0.1:8080/also-a-path",
    "https://portal.example.com.evil.example",
    "https://portal.example.com:8443",
    "null",
];

/// Real loopback origins: 127.0.0.0/8, `[::1]` and `localhost`, any port, either scheme, any case.
const LOOPBACK: [&str; 6] =
    ["http://127.0.0.1:39999", "http://127.10.20.30", "https://localhost:8443", "HTTP://LOCALHOST:8080", "http://[::1]:5173", CONFIGURED];

async fn preflight(run: &Running, origin: &str, path: &str) -> reqwest::Response {
    run.http
        .request(reqwest::Method::OPTIONS, run.url(path))
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization,content-type,x-use-timezone")
        .send()
        .await
        .unwrap()
}

fn allowed_origin(response: &reqwest::Response) -> Option<String> {
    response.headers().get("access-control-allow-origin").map(|v| v.to_str().unwrap().to_owned())
}

#[tokio::test]
async fn look_alike_origins_get_no_cors_headers() {
    let run = Running::start_with(|c| c.cors_origins = vec![CONFIGURED.to_owned()]).await;
    let token = run.sign_in(MEMBER).await;
    for origin in LOOK_ALIKES {
        for path in ["/api/community/communitythreads", "/api/public/community/board/threads", "/api/token"] {
            let answer = preflight(&run, origin, path).await;
            // Without Access-Control-Allow-Origin the browser stops there (the allowed methods and
            // headers are the same list for everyone and grant nothing on their own).
            assert_eq!(allowed_origin(&answer), None, "preflight from {origin} to {path}");
        }
        // A simple request is still answered (CORS is the browser's check), but without the
        // header that would let a page on that origin read the answer.
        let simple = run.http.get(run.url("/api/public/community/board/threads")).bearer_auth(&token).header("Origin", origin).send().await.unwrap();
        assert_eq!(simple.status(), 200);
        assert_eq!(allowed_origin(&simple), None, "simple request from {origin}");
    }
}

#[tokio::test]
async fn loopback_and_configured_origins_still_pass() {
    let run = Running::start_with(|c| c.cors_origins = vec![CONFIGURED.to_owned()]).await;
    let token = run.sign_in(MEMBER).await;
    for origin in LOOPBACK {
        let answer = preflight(&run, origin, "/api/public/community/board/threads").await;
        assert!(answer.status().is_success(), "preflight from {origin}");
        assert_eq!(allowed_origin(&answer).as_deref(), Some(origin), "preflight from {origin}");
        let headers = answer.headers()["access-control-allow-headers"].to_str().unwrap().to_lowercase();
        assert!(headers.contains("authorization") && headers.contains("x-use-timezone"), "{headers}");
        let simple = run.http.get(run.url("/api/public/community/board/threads")).bearer_auth(&token).header("Origin", origin).send().await.unwrap();
        assert_eq!(allowed_origin(&simple).as_deref(), Some(origin), "simple request from {origin}");
    }
    // Without --cors-origin, only this machine's pages.
    let plain = Running::start().await;
    assert_eq!(allowed_origin(&preflight(&plain, CONFIGURED, "/api/token").await), None);
    assert!(allowed_origin(&preflight(&plain, "http://127.0.0.1:1", "/api/token").await).is_some());
}
