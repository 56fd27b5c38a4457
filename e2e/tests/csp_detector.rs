//! The check every journey ends with (no CSP violation reported) can fail: a page that breaks
//! the policy is reported.

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
