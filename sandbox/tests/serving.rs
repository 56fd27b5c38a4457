//! The sandbox serving a built board: files, the SPA fallback, security headers, and API
//! 404s that stay JSON.

mod common;

use common::Running;

#[tokio::test]
async fn serves_the_board_with_an_spa_fallback_and_security_headers() {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(dist.path().join("index.html"), "<!DOCTYPE html><title>board</title>").unwrap();
    std::fs::write(dist.path().join("app.js"), "console.log(1)").unwrap();
    let dist_path = dist.path().to_owned();
    let run = Running::start_with(|c| c.dist_dir = Some(dist_path)).await;

    let index = run.http.get(run.url("/")).send().await.unwrap();
    assert_eq!(index.status(), 200);
    assert_eq!(index.headers()["x-content-type-options"], "nosniff");
    assert!(index.headers().contains_key("referrer-policy"));
    assert!(index.text().await.unwrap().contains("<title>board</title>"));

    let script = run.http.get(run.url("/app.js")).send().await.unwrap();
    assert!(script.headers()["content-type"].to_str().unwrap().contains("javascript"));

    // A board route reloaded in the browser gets the app, not a 404.
    let deep = run.http.get(run.url("/threads/10001?page=2")).send().await.unwrap();
    assert_eq!(deep.status(), 200);
    assert!(deep.text().await.unwrap().contains("<title>board</title>"));

    // Unknown API paths stay API answers.
    let (status, body) = common::read(run.http.get(run.url("/api/nothing/here")).send().await.unwrap()).await;
    assert_eq!((status, body), (404, serde_json::json!("Not found")));
}

#[tokio::test]
async fn files_and_answers_are_compressed_when_the_browser_asks() {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(dist.path().join("index.html"), "<!DOCTYPE html><title>board</title>").unwrap();
    let wasm_like = "fn render_row(thread) { return thread; }\n".repeat(2_000);
    std::fs::write(dist.path().join("board_bg.wasm"), &wasm_like).unwrap();
    let dist_path = dist.path().to_owned();
    let run = Running::start_with(|c| c.dist_dir = Some(dist_path)).await;

    for (asked, given) in [("br", "br"), ("gzip", "gzip"), ("gzip, deflate, br", "br")] {
        let file = run.http.get(run.url("/board_bg.wasm")).header("Accept-Encoding", asked).send().await.unwrap();
        assert_eq!(file.status(), 200);
        assert_eq!(file.headers()["content-encoding"], given, "asked for {asked}");
        let sent = file.bytes().await.unwrap().len();
        assert!(sent * 10 < wasm_like.len(), "{sent} bytes sent for {} ({asked})", wasm_like.len());
    }
    // Without Accept-Encoding (this test client by default), the bytes as they are.
    let plain = run.http.get(run.url("/board_bg.wasm")).send().await.unwrap();
    assert!(!plain.headers().contains_key("content-encoding"));
    assert_eq!(plain.bytes().await.unwrap().len(), wasm_like.len());
    // API answers too.
    let token = run.token_for("manager@example.com", "demo-manager").await;
    let list =
        run.http.get(run.url("/api/community/communitythreads?size=50")).bearer_auth(&token).header("Accept-Encoding", "br").send().await.unwrap();
    assert_eq!(list.headers()["content-encoding"], "br");
}

#[tokio::test]
async fn files_compressed_at_build_time_are_sent_as_they_are() {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(dist.path().join("index.html"), "<!DOCTYPE html><title>board</title>").unwrap();
    let wasm_like = "fn render_row(thread) { return thread; }\n".repeat(2_000);
    std::fs::write(dist.path().join("board_bg.wasm"), &wasm_like).unwrap();
    // Stand-ins for what scripts/precompress.mjs writes: the server cannot tell them from real
    // brotli and gzip, so what arrives shows which bytes were sent.
    std::fs::write(dist.path().join("board_bg.wasm.br"), b"made once at brotli quality 11").unwrap();
    std::fs::write(dist.path().join("board_bg.wasm.gz"), b"made once at gzip level 9").unwrap();
    let dist_path = dist.path().to_owned();
    let run = Running::start_with(|c| c.dist_dir = Some(dist_path)).await;

    // (This client does not decode: it sees the bytes as sent.)
    let client = &run.http;
    for (asked, given, body) in [
        ("br", "br", "made once at brotli quality 11"),
        ("gzip", "gzip", "made once at gzip level 9"),
        ("gzip, br", "br", "made once at brotli quality 11"),
    ] {
        let file = client.get(run.url("/board_bg.wasm")).header("Accept-Encoding", asked).send().await.unwrap();
        assert_eq!(file.status(), 200);
        assert_eq!(file.headers()["content-encoding"], given, "asked for {asked}");
        assert!(file.headers()["content-type"].to_str().unwrap().contains("wasm"));
        assert_eq!(file.bytes().await.unwrap(), body.as_bytes(), "the file made at build time, not a fresh compression ({asked})");
    }
    let plain = client.get(run.url("/board_bg.wasm")).send().await.unwrap();
    assert!(!plain.headers().contains_key("content-encoding"));
    assert_eq!(plain.bytes().await.unwrap().len(), wasm_like.len());
}

#[tokio::test]
async fn the_page_is_sent_compressed_at_brotli_s_highest_quality() {
    let dist = tempfile::tempdir().unwrap();
    let page = format!("<!DOCTYPE html><title>board</title><script>{}</script>", "var settings = document.querySelector('meta');\n".repeat(40));
    std::fs::write(dist.path().join("index.html"), &page).unwrap();
    let dist_path = dist.path().to_owned();
    let run = Running::start_with(|c| {
        c.dist_dir = Some(dist_path);
        c.board_meta = vec![("board-locale".into(), "es".into())];
    })
    .await;
    let sent = board_sandbox::web::with_meta(&page, &[("board-locale".into(), "es".into())]);
    let mut best = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    brotli::BrotliCompress(&mut sent.as_bytes(), &mut best, &params).unwrap();

    // The list, a reloaded board route, and `index.html` by name: the same bytes, quality 11.
    for path in ["/", "/threads/10001", "/index.html"] {
        for asked in ["br", "gzip, deflate, br, zstd", "BR;q=1"] {
            let answer = run.http.get(run.url(path)).header("Accept-Encoding", asked).send().await.unwrap();
            assert_eq!(answer.status(), 200);
            assert_eq!(answer.headers()["content-encoding"], "br", "{path}, asked for {asked}");
            assert_eq!(answer.headers()["vary"], "accept-encoding");
            assert!(answer.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
            assert!(answer.headers().contains_key("content-security-policy"), "{path}");
            let body = answer.bytes().await.unwrap();
            assert_eq!(body, best, "{path}: compressed once at quality 11, with the settings in");
            let mut plain = Vec::new();
            std::io::copy(&mut brotli::Decompressor::new(&body[..], 4096), &mut plain).unwrap();
            assert_eq!(String::from_utf8(plain).unwrap(), sent);
        }
    }
    // Brotli refused or not offered: gzip from the compression layer, or the page as it is.
    for refusal in ["gzip, br;q=0", "gzip, BR; Q=0.0"] {
        let refused = run.http.get(run.url("/")).header("Accept-Encoding", refusal).send().await.unwrap();
        assert_eq!(refused.headers()["content-encoding"], "gzip", "{refusal}");
    }
    let plain = run.http.get(run.url("/")).send().await.unwrap();
    assert!(!plain.headers().contains_key("content-encoding"));
    assert_eq!(plain.text().await.unwrap(), sent);
}
