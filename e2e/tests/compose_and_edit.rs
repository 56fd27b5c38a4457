//! Starting a conversation: a member on the members' API (subject, message, group, tags),
//! and staff on REST with every option (Private with guests, InstantDelivery, Zoom), seeing
//! each in the thread view and in the API record, editing without disturbing any other field,
//! deleting, and moderating other members' posts.

use board_e2e::{Journey, MANAGER};
use board_sandbox::seed::DEMO_MEMBER;
use serde_json::{json, Value};

/// Deletes the conversation from its page: the button asks first, then the board goes back to
/// the list.
async fn delete_from_its_page(j: &Journey, id: i64) {
    j.open(&format!("/threads/{id}")).await;
    j.click(".owner-actions .danger-link").await;
    j.click(".owner-actions button.danger").await;
    j.wait_until("the list", "return location.pathname === '/';").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_starts_and_deletes_a_conversation() {
    let j = Journey::start().await;
    j.sign_in(DEMO_MEMBER.email, DEMO_MEMBER.password).await;
    let staff = j.staff_api().await;

    j.click(".page-head a.button").await;
    j.wait_for_text("#compose-heading", "Start a conversation").await;
    j.wait_for("#thread-group option[value='4001']").await;
    // The members' API takes no Private, InstantDelivery or Zoom: the form does not offer them,
    // and says who does.
    for absent in ["#thread-private", "#thread-instant", "#thread-zoom", "#guest-search"] {
        assert_eq!(j.count(absent).await, 0, "{absent} is not offered to a member");
    }
    j.wait_for_text(".member-composer-note", "community team").await;
    // Restricted groups the member is not in are not offered (Announcements); theirs are.
    assert_eq!(j.count("#thread-group option[value='4003']").await, 0);
    assert_eq!(j.count("#thread-group option[value='4004']").await, 1);

    // A group is required here: said beside the field before anything is sent.
    j.fill("#thread-subject", "Plant swap on Friday").await;
    j.fill(
        "#thread-message",
        "Bring a cutting, take a cutting.
https://example.com/plants",
    )
    .await;
    j.click(".thread-form button[type=submit]").await;
    j.wait_for_text("#CommunityGroupId-error", "Choose the group").await;
    j.set_value("#thread-group", "4001").await;
    for tag in ["plants", "friday"] {
        j.fill("#thread-tags", tag).await;
        j.browser.active_element().await.unwrap().send_keys("\u{E007}").await.unwrap();
        // Enter
    }

    // Double-clicking submit makes one conversation.
    j.js("const b = document.querySelector('.thread-form button[type=submit]'); b.click(); b.click();", vec![]).await;
    j.wait_until("the new thread's page", "return /^\\/threads\\/\\d+$/.test(location.pathname);").await;
    let id: i64 = j.location().await.trim_start_matches("/threads/").parse().unwrap();
    let made = staff.get("/api/community/communitythreads?CommunityThread_Subject=Plant%20swap").await;
    assert_eq!(made["TotalItems"], 1, "exactly one thread was created");
    j.wait_for_text("#thread-heading", "Plant swap on Friday").await;
    j.wait_for_text(".thread .tags", "#plants").await;
    let record = staff.get(&format!("/api/community/communitythreads/{id}")).await;
    assert_eq!(record["UserId"], DEMO_MEMBER.user_id);
    assert_eq!(record["Message"], "Bring a cutting, take a cutting.\nhttps://example.com/plants");
    assert_eq!((record["CommunityGroupId"].clone(), record["Tags"].clone()), (json!(4001), json!("plants,friday")));
    assert_eq!((record["Private"].clone(), record["InstantDelivery"].clone()), (json!(false), json!(false)));

    // Their own conversation: no edit (the members' API has none), but delete.
    assert_eq!(j.count(".owner-actions a.button").await, 0, "no edit link on the members' API");
    j.open(&format!("/threads/{id}/edit")).await;
    j.wait_for_text(".notice", "cannot be edited").await;
    // Someone else's (Amara's): neither.
    j.open("/threads/10002").await;
    j.wait_for_text(".thread-author", "Amara Okafor").await;
    assert_eq!(j.count(".owner-actions").await, 0, "a member cannot moderate");
    delete_from_its_page(&j, id).await;
    assert_eq!(staff.status(&format!("/api/community/communitythreads/{id}")).await, 404);
    j.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_create_edit_and_delete_a_conversation() {
    let j = Journey::start().await;
    j.sign_in(MANAGER.0, MANAGER.1).await;
    let api = j.staff_api().await;

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
        j.browser.active_element().await.unwrap().send_keys("\u{E007}").await.unwrap();
        // Enter
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
    j.wait_until(
        "the form to fill",
        "return document.querySelector('#thread-subject') && document.querySelector('#thread-subject').value === 'Board game café trip';",
    )
    .await;
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
    delete_from_its_page(&j, id).await;
    assert_eq!(api.status(&format!("/api/community/communitythreads/{id}")).await, 404);
    j.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_moderate_other_members_posts() {
    let j = Journey::start().await;
    let staff = j.staff_api().await;
    // A member's conversation with a reply, written through the members' API.
    let priya = j.api("priya@example.com", "demo-member").await;
    let made = priya.post("/api/public/community/board/threads", &json!({ "GroupId": 4001, "Title": "Spam spam spam", "Content": "Buy now" })).await;
    let id = made["Value"]["Id"].as_i64().expect("the create answer names the thread");
    let reply = priya.post(&format!("/api/public/community/board/threads/{id}/messages"), &json!({ "Content": "Still for sale" })).await;
    let reply_id = reply["Value"]["Id"].as_i64().expect("the create answer names the reply");

    j.sign_in(MANAGER.0, MANAGER.1).await;
    j.open(&format!("/threads/{id}")).await;
    j.wait_for_text("#thread-heading", "Spam spam spam").await;
    j.wait_for_text(".thread-author", "Priya Natarajan").await;
    // On REST the staff member's own like is known before pressing.
    j.wait_until("the like toggle", "return document.querySelector('.toggle-like').getAttribute('aria-pressed') === 'false';").await;
    j.click(".toggle-like").await;
    j.wait_until("the like to turn on", "return document.querySelector('.toggle-like').getAttribute('aria-pressed') === 'true' && !document.querySelector('.toggle-like').dataset.busy;").await;
    assert_eq!(
        staff.get(&format!("/api/community/communitythreadlikes?CommunityThreadLike_Thread={id}&CommunityThreadLike_User=2011")).await["TotalItems"],
        1
    );
    // Staff edit anyone's conversation.
    j.click(".owner-actions a.button").await;
    j.wait_until(
        "the form to fill",
        "return document.querySelector('#thread-subject') && document.querySelector('#thread-subject').value === 'Spam spam spam';",
    )
    .await;
    j.fill("#thread-subject", "[removed by the community team]").await;
    j.click(".thread-form button[type=submit]").await;
    j.wait_for_text("#thread-heading", "[removed by the community team]").await;
    let record = staff.get(&format!("/api/community/communitythreads/{id}")).await;
    assert_eq!(
        (record["Subject"].clone(), record["UserId"].clone()),
        (json!("[removed by the community team]"), json!(2003)),
        "the author stays Priya"
    );
    // And delete anyone's reply, then the conversation.
    j.wait_for(&format!(".reply[data-reply-id='{reply_id}'] .danger-link")).await;
    j.click(&format!(".reply[data-reply-id='{reply_id}'] .danger-link")).await;
    j.click(&format!(".reply[data-reply-id='{reply_id}'] button.danger")).await;
    j.wait_until("the reply to go", &format!("return !document.querySelector(\".reply[data-reply-id='{reply_id}']\");")).await;
    assert_eq!(staff.status(&format!("/api/community/communitymessages/{reply_id}")).await, 404);
    delete_from_its_page(&j, id).await;
    assert_eq!(staff.status(&format!("/api/community/communitythreads/{id}")).await, 404);
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
    // The server's own words (the members' API: "must be a group you may post in").
    j.wait_for_text("#CommunityGroupId-error", "may post in").await;
    assert_eq!(j.location().await, "/new", "the member stays on the form");
    let subject = j.js("return document.querySelector('#thread-subject').value;", vec![]).await;
    assert_eq!(subject, "Founders dinner", "nothing typed is lost");
    j.finish().await;
}
