//! The checks every journey ends with can fail: a page that breaks the policy is reported (no
//! CSP violation), and a panic logged on any page is seen (no panic in the board's code).

use std::time::Duration;

use board_e2e::Journey;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_policy_violation_is_reported_to_the_sandbox() {
    let j = Journey::start().await;
    j.open("/sign-in").await;
    j.wait_for("#sign-in-email").await;
    assert_eq!(j.csp_reports().await, serde_json::json!([]));
    // What injected markup would try: an inline script. The policy blocks and reports it.
    let ran = j
        .js(
            "const s = document.createElement('script'); s.textContent = 'window.__ran = true'; document.body.appendChild(s); return !!window.__ran;",
            vec![],
        )
        .await;
    assert_eq!(ran, false, "the inline script did not run");
    let mut reports = j.csp_reports().await;
    for _ in 0..50 {
        if reports.as_array().is_some_and(|r| !r.is_empty()) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        reports = j.csp_reports().await;
    }
    let text = reports.to_string();
    assert!(text.contains("script-src"), "the violation was reported: {text}");
    // Not `finish()`: this journey broke the policy on purpose. Dropping it ends the browser.
}

/// The other check every journey ends with (no panic in the board's code) sees the console of
/// every page the journey opened, not only the last one.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_panic_on_an_earlier_page_is_seen() {
    let j = Journey::start().await;
    j.open("/sign-in").await;
    j.wait_for("#sign-in-email").await;
    // What console_error_panic_hook writes when the board panics.
    j.js("console.error('panicked at src/probe.rs:1:1:\\nprobe');", vec![]).await;
    j.open("/").await;
    j.wait_for(".board-title").await;
    let panics: Vec<String> = j.console_messages().await.into_iter().filter(|m| m.contains("panicked at")).collect();
    assert_eq!(panics.len(), 1, "{panics:?}");
    assert!(panics[0].starts_with("SEVERE: ") && panics[0].contains("src/probe.rs"), "{panics:?}");
    // Read, so not seen again: this journey ends as a clean one must.
    j.finish().await;
}
