//! Starting a conversation with every option, seeing each in the thread view and in the API
//! record, editing it without disturbing any other field, and deleting it.

use board_e2e::Journey;
use board_sandbox::seed::DEMO_MEMBER;
use serde_json::{json, Value};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn create_edit_and_delete_a_conversation() {
    let j = Journey::start().await;
    j.sign_in(DEMO_MEMBER.email, DEMO_MEMBER.password).await;
    let api = j.api(DEMO_MEMBER.email, DEMO_MEMBER.password).await;

    j.click(".page-head a.button").await;
    j.wait_for_text("#compose-heading", "Start a conversation").await;
    j.wait_for("#thread-subject").await;

    // The board's own checks, beside each field, before anything is sent.
    j.click(".thread-form button[type=submit]").await;
    j.wait_for_text("#Subject-error", "subject").await;
    j.wait_for_text("#Message-error", "message").await;
    assert_eq!(j.js("return document.querySelector('#thread-subject').getAttribute('aria-invalid');", vec![]).await, "true");

    j.fill("#thread-subject", "Board game café trip").await;
    j.fill("#thread-message", "Saturday afternoon.\nDetails: https://example.com/cafe").await;
    j.set_value("#thread-group", "4001").await;
    for tag in ["games", "weekend", "GAMES"] {
        j.fill("#thread-tags", tag).await;
        j.browser.active_element().await.unwrap().send_keys("\u{E007}").await.unwrap(); // Enter
    }
    j.wait_for_text("#thread-tags-error", "already added").await;
    assert_eq!(j.count(".tag-input .chip").await, 2);

    // Private, with a guest found by name.
    j.click("#thread-private").await;
    j.fill("#guest-search", "Tom").await;
    j.click(".guest-results button").await;
    j.wait_for_text(".guest-picker .chip", "Tomás García").await;
    j.click("#thread-instant").await;

    // Zoom: an http link is refused before sending.
    j.click("#thread-zoom").await;
    j.fill("#zoom-join-url", "http://zoom.us/j/98765432101").await;
    j.click(".thread-form button[type=submit]").await;
    j.wait_for_text("#zoom-join-url-error", "https://").await;
    j.fill("#zoom-join-url", "https://zoom.us/j/98765432101").await;
    j.fill("#zoom-meeting-id", "98765432101").await;
    j.fill("#zoom-passcode", "dice").await;
    j.set_value("#zoom-start", "2026-12-05T14:00").await;
    j.fill("#zoom-duration", "90").await;
    j.fill("#zoom-topic", "Café planning").await;

    // Double-clicking submit makes one conversation.
    j.js("const b = document.querySelector('.thread-form button[type=submit]'); b.click(); b.click();", vec![]).await;
    j.wait_until("the new thread's page", "return /^\\/threads\\/\\d+$/.test(location.pathname);").await;
    let id: i64 = j.location().await.trim_start_matches("/threads/").parse().unwrap();
    let mine = api.get("/api/community/communitythreads?CommunityThread_Subject=Board%20game%20caf%C3%A9").await;
    assert_eq!(mine["TotalItems"], 1, "exactly one thread was created");

    // What the thread view shows.
    j.wait_for_text("#thread-heading", "Board game café trip").await;
    j.wait_for_text(".guests", "Tomás García").await;
    j.wait_for_text(".thread .tags", "#games").await;
    j.wait_for_text(".thread .tags", "#weekend").await;
    j.wait_for_text(".zoom-card", "98765432101").await;
    let link = j.wait_for(".thread-message a").await;
    assert_eq!(link.attr("href").await.unwrap().as_deref(), Some("https://example.com/cafe"));
    assert_eq!(link.attr("rel").await.unwrap().as_deref(), Some("noopener noreferrer ugc"));
    let join = j.wait_for(".zoom-card a").await.attr("href").await.unwrap();
    assert_eq!(join.as_deref(), Some("https://zoom.us/j/98765432101"));

    // What the API stored.
    let record = api.get(&format!("/api/community/communitythreads/{id}")).await;
    assert_eq!(record["Subject"], "Board game café trip");
    assert_eq!(record["Message"], "Saturday afternoon.\nDetails: https://example.com/cafe");
    assert_eq!(record["CommunityGroupId"], 4001);
    assert_eq!(record["Tags"], "games,weekend");
    assert_eq!(record["Private"], true);
    assert_eq!(record["Guests"], json!([2004]));
    assert_eq!(record["InstantDelivery"], true);
    assert_eq!(record["IncludeZoomInvite"], true);
    let zoom: Value = serde_json::from_str(record["ZoomEventData"].as_str().unwrap()).unwrap();
    assert_eq!(zoom["join_url"], "https://zoom.us/j/98765432101");
    assert_eq!(zoom["id"], "98765432101");
    assert_eq!(zoom["duration"], 90);
    assert_eq!(zoom["topic"], "Café planning");

    // An integration sets a field the board never shows; an edit must leave it (and all the
    // rest) exactly as it was.
    let admin = j.api("admin@example.com", "demo-admin").await;
    let mut tagged = record.clone();
    tagged["SystemId"] = json!("crm-4711");
    let put = admin.http_put("/api/community/communitythreads", &tagged).await;
    assert_eq!(put, 200);
    let before = api.get(&format!("/api/community/communitythreads/{id}")).await;

    j.click(".owner-actions a.button").await;
    j.wait_for_text("#compose-heading", "Edit conversation").await;
    j.wait_until("the form to fill", "return document.querySelector('#thread-subject') && document.querySelector('#thread-subject').value === 'Board game café trip';").await;
    j.fill("#thread-subject", "Board game café trip (moved to Sunday)").await;
    j.click(".thread-form button[type=submit]").await;
    j.wait_for_text("#thread-heading", "moved to Sunday").await;
    let after = api.get(&format!("/api/community/communitythreads/{id}")).await;
    for (key, value) in before.as_object().unwrap() {
        match key.as_str() {
            "Subject" => assert_eq!(after[key], "Board game café trip (moved to Sunday)"),
            "UpdatedOn" | "UpdatedBy" | "ToStringText" => {}
            _ => assert_eq!(&after[key], value, "{key} changed in an edit that did not touch it"),
        }
    }

    // Delete asks first, then goes back to the list; the thread is gone.
    j.open(&format!("/threads/{id}")).await;
    j.click(".owner-actions .danger-link").await;
    j.click(".owner-actions button.danger").await;
    j.wait_until("the list", "return location.pathname === '/';").await;
    assert_eq!(api.status(&format!("/api/community/communitythreads/{id}")).await, 404);
    j.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_apis_validation_errors_appear_beside_the_field() {
    let j = Journey::start().await;
    j.sign_in(DEMO_MEMBER.email, DEMO_MEMBER.password).await;
    j.open("/new").await;
    j.wait_for("#thread-group option[value='4004']").await;
    j.fill("#thread-subject", "Founders dinner").await;
    j.fill("#thread-message", "Who's in?").await;
    j.set_value("#thread-group", "4004").await;

    // While the member writes, an administrator takes them out of the Restricted group.
    let admin = j.api("admin@example.com", "demo-admin").await;
    let mut group = admin.get("/api/community/communitygroups/4004").await;
    group["RemovedMembers"] = json!([3002]);
    assert_eq!(admin.http_put("/api/community/communitygroups", &group).await, 200);

    j.click(".thread-form button[type=submit]").await;
    j.wait_for_text("#CommunityGroupId-error", "may not post").await;
    assert_eq!(j.location().await, "/new", "the member stays on the form");
    let subject = j.js("return document.querySelector('#thread-subject').value;", vec![]).await;
    assert_eq!(subject, "Founders dinner", "nothing typed is lost");
    j.finish().await;
}
