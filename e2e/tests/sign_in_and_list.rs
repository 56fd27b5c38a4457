//! The first journey: the demo member signs in against the release build and sees the
//! seeded conversations.

use board_e2e::Journey;
use board_sandbox::seed::DEMO_MEMBER;
use fantoccini::Locator;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_member_signs_in_and_sees_the_seeded_threads() {
    let journey = Journey::start().await;
    journey.open("/").await;
    let policy: serde_json::Value = journey.js("return fetch('/').then(r => r.headers.get('content-security-policy'));", vec![]).await;
    let policy = policy.as_str().expect("the board is served with a Content-Security-Policy");
    for part in ["script-src 'self' 'wasm-unsafe-eval' 'sha256-", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'self'"] {
        assert!(policy.contains(part), "{part} missing from {policy}");
    }
    assert!(!policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'"));

    // Signed out, the board sends the member to the sign-in page.
    journey.wait_for("#sign-in-email").await;
    let url = journey.browser.current_url().await.unwrap();
    assert_eq!(url.path(), "/sign-in");

    // A wrong password is refused in words, and the member stays on the page.
    journey.browser.find(Locator::Css("#sign-in-email")).await.unwrap().send_keys(DEMO_MEMBER.email).await.unwrap();
    journey.browser.find(Locator::Css("#sign-in-password")).await.unwrap().send_keys("wrong").await.unwrap();
    journey.browser.find(Locator::Css("button[type=submit]")).await.unwrap().click().await.unwrap();
    let error = journey.wait_for(".form-error:not(:empty)").await;
    assert!(error.text().await.unwrap().contains("incorrect"), "the error says what went wrong");

    let password = journey.browser.find(Locator::Css("#sign-in-password")).await.unwrap();
    password.clear().await.unwrap();
    password.send_keys(DEMO_MEMBER.password).await.unwrap();
    journey.browser.find(Locator::Css("button[type=submit]")).await.unwrap().click().await.unwrap();

    journey.wait_for(".thread-row").await;
    let rows = journey.browser.find_all(Locator::Css(".thread-row")).await.unwrap();
    assert_eq!(rows.len(), 25, "a full first page of seeded threads");
    let first = rows[0].find(Locator::Css(".thread-subject")).await.unwrap().text().await.unwrap();
    assert!(!first.is_empty());
    let author = rows[0].find(Locator::Css(".thread-author")).await.unwrap().text().await.unwrap();
    assert_ne!(author, "Unknown member");
    let time = rows[0].find(Locator::Css("time")).await.unwrap();
    assert!(time.attr("datetime").await.unwrap().is_some_and(|d| d.ends_with('Z')));
    // The exact time for people comes once the rows are painted (browser::title_after_paint):
    // every time on the page gets it, as Intl writes a date with a year.
    journey
        .wait_until(
            "every time's title",
            "const times = [...document.querySelectorAll('time')];
             return times.length >= 25 && times.every(t => /\\d{4}/.test(t.getAttribute('title') || ''));",
        )
        .await;
    let member = journey.wait_for(".board-member").await.text().await.unwrap();
    assert_eq!(member, DEMO_MEMBER.full_name, "the header names the signed-in member");

    let shot = journey.screenshot("thread-list-desktop").await;
    assert!(std::fs::metadata(&shot).unwrap().len() > 10_000, "the screenshot has content");
    journey.finish().await;
}
