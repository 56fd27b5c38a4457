//! Drafts survive a reload: the new-conversation form and the reply box; saving one is
//! announced to assistive technology.

use board_e2e::Journey;
use board_sandbox::seed::DEMO_MEMBER;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn drafts_survive_a_reload() {
    let j = Journey::start().await;
    j.sign_in(DEMO_MEMBER.email, DEMO_MEMBER.password).await;

    j.open("/new").await;
    j.fill("#thread-subject", "Half-written idea").await;
    j.fill("#thread-message", "First line\nSecond line").await;
    // Once typing pauses, the live region says the draft is saved.
    j.wait_for_text("[role=status][aria-live=polite]", "Draft saved on this device.").await;
    j.fill("#thread-tags", "ideas").await;
    j.browser.active_element().await.unwrap().send_keys("\u{E007}").await.unwrap();
    j.wait_for(".tag-input .chip").await;
    j.browser.refresh().await.unwrap();
    j.wait_for_text(".notice", "draft is back").await;
    j.wait_until(
        "the restored subject",
        "return document.querySelector('#thread-subject') && document.querySelector('#thread-subject').value === 'Half-written idea';",
    )
    .await;
    assert_eq!(j.js("return document.querySelector('#thread-message').value;", vec![]).await, "First line\nSecond line");
    j.wait_for_text(".tag-input .chip", "ideas").await;

    j.open("/threads/10062").await;
    j.fill("#reply-text", "A reply in progress").await;
    j.browser.refresh().await.unwrap();
    j.wait_until(
        "the restored reply",
        "return document.querySelector('#reply-text') && document.querySelector('#reply-text').value === 'A reply in progress';",
    )
    .await;

    // Signing out and back in (the same member) keeps drafts; they are per member.
    j.click(".board-header .link-button").await;
    j.wait_for("#sign-in-email").await;
    j.sign_in(DEMO_MEMBER.email, DEMO_MEMBER.password).await;
    j.open("/threads/10062").await;
    j.wait_until(
        "the reply draft after signing in again",
        "return document.querySelector('#reply-text') && document.querySelector('#reply-text').value === 'A reply in progress';",
    )
    .await;
    j.finish().await;
}
