//! Reading a thread and taking part, as a member on the members' API: reply, like, follow,
//! mute; new replies from others arrive without a reload.

use board_e2e::Journey;
use board_sandbox::seed::DEMO_MEMBER;
use serde_json::json;

const ZOOM_THREAD: i64 = 10062;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn member_reads_replies_likes_and_follows() {
    let j = Journey::start().await;
    j.sign_in(DEMO_MEMBER.email, DEMO_MEMBER.password).await;
    // What the board stored is checked through staff REST (members get 401 there).
    let api = j.staff_api().await;

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
    let before =
        api.get(&format!("/api/community/communitymessages?CommunityMessage_CommunityThread={ZOOM_THREAD}")).await["TotalItems"].as_i64().unwrap();
    j.wait_for_text("#replies-heading", "repl").await;
    j.fill("#reply-text", "Count me in!\nI'll bring snacks.").await;
    j.click(".reply-composer button[type=submit]").await;
    j.wait_until(
        "the reply to show",
        "return [...document.querySelectorAll('.reply .message-body')].some(e => e.textContent === 'Count me in!\\nI\\'ll bring snacks.');",
    )
    .await;
    let textarea = j.js("return document.querySelector('#reply-text').value;", vec![]).await;
    assert_eq!(textarea, "", "the composer empties after sending");
    let after =
        api.get(&format!("/api/community/communitymessages?CommunityMessage_CommunityThread={ZOOM_THREAD}")).await["TotalItems"].as_i64().unwrap();
    assert_eq!(after, before + 1, "exactly one reply was stored");

    // A double click on "Send reply" sends one reply.
    j.fill("#reply-text", "Only once, please").await;
    j.js("const b = document.querySelector('.reply-composer button[type=submit]'); b.click(); b.click();", vec![]).await;
    j.wait_until(
        "the reply to show",
        "return [...document.querySelectorAll('.reply .message-body')].some(e => e.textContent === 'Only once, please');",
    )
    .await;
    let once = api
        .get(&format!("/api/community/communitymessages?CommunityMessage_CommunityThread={ZOOM_THREAD}&CommunityMessage_Message=Only%20once"))
        .await;
    assert_eq!(once["TotalItems"], 1, "a double click made one reply");

    // Like, follow and mute. The members' API only toggles and never says whether the
    // member's mark is set, so each toggle starts unknown ("Like or unlike", no aria-pressed);
    // a press switches it and the answer says which way, the like count moves by one, and
    // the API agrees. (The seed has the demo member already liking and following this thread.)
    for (css, path, entity, counted) in [
        (".toggle-like", "communitythreadlikes", "CommunityThreadLike", true),
        (".toggle-follow", "communitythreadfollows", "CommunityThreadFollow", false),
        (".toggle-mute", "communitythreadmutes", "CommunityThreadMute", false),
    ] {
        let mine_query = format!("/api/community/{path}?{entity}_Thread={ZOOM_THREAD}&{entity}_User={}", DEMO_MEMBER.user_id);
        let total_query = format!("/api/community/{path}?{entity}_Thread={ZOOM_THREAD}");
        j.wait_until(
            "the toggle to settle",
            &format!("return !document.querySelector('{css}').disabled && !document.querySelector('{css}').dataset.busy;"),
        )
        .await;
        assert_eq!(
            j.js(&format!("return document.querySelector('{css}').getAttribute('aria-pressed');"), vec![]).await,
            json!(null),
            "{css} starts unknown"
        );
        assert!(j.text(css).await.contains(" or "), "{css} says it switches either way");
        for _ in 0..2 {
            let stored_before = api.get(&mine_query).await["TotalItems"].as_i64().unwrap();
            let total_before = api.get(&total_query).await["TotalItems"].as_i64().unwrap();
            if counted {
                let shown: i64 = j.text(&format!("{css} .count")).await.trim().parse().unwrap();
                assert_eq!(shown, total_before, "{css} shows the API's count");
            }
            j.click(css).await;
            let now_on = (stored_before == 0).to_string();
            j.wait_until("the toggle to turn", &format!("return document.querySelector('{css}').getAttribute('aria-pressed') === '{now_on}' && !document.querySelector('{css}').dataset.busy;")).await;
            assert_eq!(api.get(&mine_query).await["TotalItems"].as_i64().unwrap(), 1 - stored_before, "{path} stored");
            if counted {
                let shown: i64 = j.text(&format!("{css} .count")).await.trim().parse().unwrap();
                assert_eq!(shown, api.get(&total_query).await["TotalItems"].as_i64().unwrap(), "{css} count follows");
            }
        }
    }

    // Someone else replies; the board shows it without a reload (the tab catching up on focus).
    let priya = j.api("priya@example.com", "demo-member").await;
    priya.post(&format!("/api/public/community/board/threads/{ZOOM_THREAD}/messages"), &json!({ "Content": "See you all there" })).await;
    j.js("document.dispatchEvent(new Event('visibilitychange'));", vec![]).await;
    j.wait_until("Priya's reply", "return [...document.querySelectorAll('.reply .message-body')].some(e => e.textContent === 'See you all there');")
        .await;
    j.wait_for_text(".reply:last-child .reply-author", "Priya Natarajan").await;

    // In a Restricted group the member is not in (Announcements), they read but cannot reply.
    j.open("/threads/10064").await;
    j.wait_for_text(".replies .notice", "Only members of this group can reply").await;
    assert_eq!(j.count("#reply-text").await, 0);
    j.finish().await;
}
