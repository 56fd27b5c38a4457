//! Reading a thread and taking part: reply, like, follow; new replies from others arrive
//! without a reload.

use board_e2e::Journey;
use board_sandbox::seed::DEMO_MEMBER;
use serde_json::json;

const ZOOM_THREAD: i64 = 10062;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn member_reads_replies_likes_and_follows() {
    let j = Journey::start().await;
    j.sign_in(DEMO_MEMBER.email, DEMO_MEMBER.password).await;
    let api = j.api(DEMO_MEMBER.email, DEMO_MEMBER.password).await;

    // Open the thread from the list, by its link.
    j.open("/?group=4001").await;
    j.click(&format!(".thread-row[data-thread-id='{ZOOM_THREAD}'] .thread-subject a")).await;
    j.wait_for_text("#thread-heading", "Monthly members' town hall").await;
    assert_eq!(j.location().await, format!("/threads/{ZOOM_THREAD}"));
    let focused = j.js("return document.activeElement && document.activeElement.id;", vec![]).await;
    assert_eq!(focused, "thread-heading", "focus moves to the new page's heading");
    let join = j.wait_for(".zoom-card a").await.attr("href").await.unwrap();
    assert_eq!(join.as_deref(), Some("https://zoom.us/j/81234567890"));

    // Reply.
    let before = api.get(&format!("/api/community/communitymessages?CommunityMessage_CommunityThread={ZOOM_THREAD}")).await["TotalItems"].as_i64().unwrap();
    j.wait_for_text("#replies-heading", "repl").await;
    j.fill("#reply-text", "Count me in!\nI'll bring snacks.").await;
    j.click(".reply-composer button[type=submit]").await;
    j.wait_until("the reply to show", "return [...document.querySelectorAll('.reply .message-body')].some(e => e.textContent === 'Count me in!\\nI\\'ll bring snacks.');").await;
    let textarea = j.js("return document.querySelector('#reply-text').value;", vec![]).await;
    assert_eq!(textarea, "", "the composer empties after sending");
    let after = api.get(&format!("/api/community/communitymessages?CommunityMessage_CommunityThread={ZOOM_THREAD}")).await["TotalItems"].as_i64().unwrap();
    assert_eq!(after, before + 1, "exactly one reply was stored");

    // A double click on "Send reply" sends one reply.
    j.fill("#reply-text", "Only once, please").await;
    j.js("const b = document.querySelector('.reply-composer button[type=submit]'); b.click(); b.click();", vec![]).await;
    j.wait_until("the reply to show", "return [...document.querySelectorAll('.reply .message-body')].some(e => e.textContent === 'Only once, please');").await;
    let once = api.get(&format!("/api/community/communitymessages?CommunityMessage_CommunityThread={ZOOM_THREAD}&CommunityMessage_Message=Only%20once")).await;
    assert_eq!(once["TotalItems"], 1, "a double click made one reply");

    // Like and follow: each click turns the toggle at once, moves the count by one, and the
    // API agrees. (The seed has the demo member already liking and following this thread.)
    for (css, path, entity) in [
        (".toggle-like", "communitythreadlikes", "CommunityThreadLike"),
        (".toggle-follow", "communitythreadfollows", "CommunityThreadFollow"),
    ] {
        let mine_query = format!("/api/community/{path}?{entity}_Thread={ZOOM_THREAD}&{entity}_User={}", DEMO_MEMBER.user_id);
        for _ in 0..2 {
            j.wait_until("the toggle to settle", &format!("return !document.querySelector('{css}').disabled && !document.querySelector('{css}').dataset.busy;")).await;
            let was_pressed = j.js(&format!("return document.querySelector('{css}').getAttribute('aria-pressed') === 'true';"), vec![]).await == true;
            let stored_before = api.get(&mine_query).await["TotalItems"].as_i64().unwrap();
            assert_eq!(stored_before, i64::from(was_pressed), "{css} shows what the API holds");
            let count_before: i64 = j.text(&format!("{css} .count")).await.trim().parse().unwrap();
            j.click(css).await;
            let flipped = (!was_pressed).to_string();
            j.wait_until("the toggle to turn", &format!("return document.querySelector('{css}').getAttribute('aria-pressed') === '{flipped}';")).await;
            let count_after: i64 = j.text(&format!("{css} .count")).await.trim().parse().unwrap();
            assert_eq!(count_after, count_before + if was_pressed { -1 } else { 1 });
            j.wait_until("the request to finish", &format!("return !document.querySelector('{css}').dataset.busy;")).await;
            assert_eq!(api.get(&mine_query).await["TotalItems"].as_i64().unwrap(), i64::from(!was_pressed), "{path} stored");
        }
    }

    // Someone else replies; the board shows it without a reload (the tab catching up on focus).
    let priya = j.api("priya@example.com", "demo-member").await;
    priya.post("/api/community/communitymessages", &json!({ "CommunityThreadId": ZOOM_THREAD, "UserId": 2003, "Message": "See you all there" })).await;
    j.js("document.dispatchEvent(new Event('visibilitychange'));", vec![]).await;
    j.wait_until("Priya's reply", "return [...document.querySelectorAll('.reply .message-body')].some(e => e.textContent === 'See you all there');").await;
    j.wait_for_text(".reply:last-child .reply-author", "Priya Natarajan").await;

    // In a Restricted group the member is not in (Announcements), they read but cannot reply.
    j.open("/threads/10064").await;
    j.wait_for_text(".replies .notice", "Only members of this group can reply").await;
    assert_eq!(j.count("#reply-text").await, 0);
    j.finish().await;
}
