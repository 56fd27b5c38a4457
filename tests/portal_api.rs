//! Native tests of the members' backend: the Public API's answers in each documented variant
//! become the board's types, its request bodies carry only what it takes, and the backend is
//! chosen as the README says.
#![cfg(not(target_arch = "wasm32"))]

use community_board::config::{BoardConfig, Setting, Source};
use community_board::model::backend::{ApiChoice, Backend, Probe};
use community_board::model::entities::decode;
use community_board::model::json_read::from_json;
use community_board::model::marks::MarkState;
use community_board::model::portal::{form_field, Group, NewReply, NewThread, Page, Reply, ThreadDetail, ThreadSummary};
use community_board::model::zoom::ZoomMeeting;
use serde_json::{json, Value};

/// Reads as the board does (`model::json_read::from_json`, from the answer's text).
fn read<T: serde::de::DeserializeOwned>(value: Value) -> T {
    from_json(&value.to_string()).expect("the documented shape reads")
}

#[test]
fn a_list_page_reads_with_its_summaries_and_authors() {
    let page: Page<ThreadSummary> = read(json!({
        "Records": [{
            "Id": 10061, "UniqueId": "u", "ThreadUniqueId": "u", "Subject": "Desk swap?",
            "Message": "Fish &amp; chips &lt;b&gt;", "Tags": ["food", "local"], "Private": false,
            "UserId": 2003, "CoworkerId": 3003, "FullName": "Priya Natarajan", "ShortFullName": "Priya N.",
            "GroupId": 4003, "GroupName": "Announcements", "BusinessId": 1001, "BusinessName": "Harbour Works",
            "MessageCount": 4, "LikeCount": 2, "LastMessage": "2026-12-01T10:00:00",
            "LastMessageUtc": "2026-12-01T10:00:00Z", "LastMessageText": null, "LastMessageUserFullName": null,
            "CreatedOn": "2026-11-30T09:00:00", "CreatedOnUtc": "2026-11-30T09:00:00Z", "SomethingNew": {"x": 1}
        }],
        "CurrentPageSize": 25, "CurrentPage": 1, "CurrentOrderField": "LastMessage", "CurrentSortDirection": "DESC",
        "FirstItem": 1, "LastItem": 1, "HasNextPage": true, "HasPreviousPage": false, "PageNumber": 1,
        "PageSize": 25, "TotalItems": 26, "TotalPages": 2
    }));
    assert!(page.has_next());
    assert_eq!(page.total_items, Some(26));
    let (thread, author) = page.records.into_iter().next().unwrap().into_thread();
    assert_eq!((thread.id, thread.user_id, thread.community_group_id, thread.coworker_id), (10061, 2003, Some(4003), Some(3003)));
    // HTML-encoded on the wire, decoded once: the text shows what the member typed.
    assert_eq!(thread.message, "Fish & chips <b>");
    assert_eq!(thread.tags.as_deref(), Some("food,local"));
    assert_eq!(thread.last_message_date.as_deref(), Some("2026-12-01T10:00:00Z"));
    assert_eq!((thread.like_count, thread.reply_count), (Some(2), Some(4)));
    let author = author.unwrap();
    assert_eq!((author.id, author.full_name.as_str()), (2003, "Priya Natarajan"));
}

#[test]
fn lists_read_as_bare_arrays_or_wrapped_with_nulls_anywhere() {
    let bare: Page<ThreadSummary> = read(json!([{ "Id": 1, "Subject": null, "Tags": "a, b,,", "Private": null }]));
    assert!(!bare.has_next());
    let (thread, author) = bare.records.into_iter().next().unwrap().into_thread();
    assert_eq!((thread.subject.as_str(), thread.tags.as_deref(), thread.private, author), ("", Some("a,b"), false, None));
    let groups: Page<Group> = read(json!({ "Groups": [
        { "Id": 4003, "Name": "Announcements", "GroupAccess": "Restricted", "CanPostMessages": false },
        { "Id": 4005, "Name": "Makers Lab", "GroupAccess": 3, "CanPostMessages": true }
    ]}));
    let groups: Vec<_> = groups.records.into_iter().map(Group::into_group).collect();
    assert_eq!((groups[0].group_access, groups[0].may_post(Some(3002))), (1, Some(false)));
    assert_eq!((groups[1].group_access, groups[1].may_post(None)), (3, Some(true)));
    let bare_groups: Page<Group> = read(json!([{ "Id": 4001, "Name": "General", "GroupAccess": "Public" }]));
    assert_eq!(bare_groups.records[0].group_access, Some(2));
    // Neither a list nor an object holding one is an error the client reports, not a panic.
    assert!(serde_json::from_value::<Page<Group>>(json!({ "Message": "DISABLED" })).is_err());
    assert!(serde_json::from_value::<Group>(json!({ "Id": 1, "GroupAccess": "Secret" })).is_err());
}

#[test]
fn a_thread_reads_with_its_author_tags_and_zoom_meeting() {
    let detail: ThreadDetail = read(json!({
        "Id": 10062, "Subject": "Standup", "Message": "Line one\nLine &quot;two&quot;", "Tags": "x,y",
        "TagsArray": ["zoom", "weekly"], "Private": false, "GroupId": null, "GroupName": null,
        "PostedOn": "2026-12-01T08:00:00", "UtcPostedOn": "2026-12-01T08:00:00Z", "LastMessageDate": null,
        "HasZoom": true, "ZoomUrl": "https://zoom.us/j/123", "ZoomMeetingId": "123",
        "Business": { "Id": 1001, "Name": "Harbour Works", "WebAddress": "harbour" },
        "User": { "Id": 2002, "FullName": "Sam Rivera", "Email": "member@example.com" },
        "MessageCount": 0, "LikeCount": 5
    }));
    let (thread, author) = detail.into_thread();
    assert_eq!(thread.message, "Line one\nLine \"two\"");
    assert_eq!(thread.tag_list(), vec!["zoom", "weekly"]);
    assert_eq!((thread.user_id, thread.business_id, thread.community_group_id), (2002, 1001, None));
    assert_eq!(thread.created_on.as_deref(), Some("2026-12-01T08:00:00Z"));
    let zoom = ZoomMeeting::from_event_data(thread.zoom_event_data.as_deref().unwrap()).unwrap();
    assert_eq!((zoom.safe_join_url(), zoom.meeting_id.as_str()), (Some("https://zoom.us/j/123"), "123"));
    assert_eq!(author.unwrap().full_name, "Sam Rivera");
}

#[test]
fn a_reply_reads_with_its_author() {
    let reply: Reply = read(json!({
        "Id": 700, "UniqueId": "u", "Message": "&lt;script&gt;alert(1)&lt;/script&gt;", "PostedOn": "2026-12-01T08:00:00",
        "UtcPostedOn": "2026-12-01T08:00:00Z", "CommunityThread": { "Id": 10001, "Subject": "s" },
        "User": { "Id": 2004, "FullName": "Tomás García", "Email": null }, "LikeCount": 0
    }));
    let (message, author) = reply.into_message(1);
    assert_eq!((message.id, message.community_thread_id, message.user_id), (700, 10001, 2004));
    assert_eq!(message.message.as_deref(), Some("<script>alert(1)</script>"), "decoded into text, never markup");
    assert_eq!(author.unwrap().full_name, "Tomás García");
}

#[test]
fn entity_encoded_text_is_decoded_exactly_once() {
    assert_eq!(decode("a &amp;lt;b&amp;gt; c"), "a &lt;b&gt; c");
    assert_eq!(decode("&#39;&#x27;&apos;&quot;&nbsp;"), "'''\"\u{a0}");
    assert_eq!(decode("AT&T &unknown; & &#; &#x; &#0; &#xD800; &#1114112;"), "AT&T &unknown; & &#; &#x; &#0; &#xD800; &#1114112;");
    assert_eq!(decode("tail &amp"), "tail &amp");
    assert_eq!(decode("ünïcödé &lt;3"), "ünïcödé <3");
}

#[test]
fn create_bodies_carry_only_what_the_public_api_takes() {
    let tags = vec!["food".to_owned(), "local".to_owned()];
    let body = serde_json::to_value(NewThread { group_id: 4001, title: "Lunch?", content: "Where?", tags: &tags }).unwrap();
    assert_eq!(body, json!({ "GroupId": 4001, "Title": "Lunch?", "Content": "Where?", "Tags": ["food", "local"] }));
    assert_eq!(serde_json::to_value(NewReply { content: "Yes" }).unwrap(), json!({ "Content": "Yes" }));
    // Its 400s name its fields; the form shows them beside its own.
    assert_eq!(
        ["Title", "content", "GroupId", "ThreadId", "Tags"].map(form_field),
        ["Subject", "Message", "CommunityGroupId", "CommunityThreadId", "Tags"]
    );
}

#[test]
fn the_backend_follows_the_token_unless_the_deployment_fixes_it() {
    assert_eq!(Probe::Administrator.decide(), (Backend::Rest, true));
    assert_eq!(Probe::RestAnswered.decide(), (Backend::Rest, true));
    assert_eq!(Probe::RestRefused.decide(), (Backend::Portal, true));
    // Offline or a 5xx says nothing: the members' API for now, and ask again next time.
    assert_eq!(Probe::Unknown.decide(), (Backend::Portal, false));
    let choice = |value: &str| {
        let (config, problems) = BoardConfig::parse(Source::Page, |s| (s == Setting::Api).then(|| value.to_owned()));
        (config.api, problems.len())
    };
    assert_eq!(choice("portal"), (ApiChoice::Portal, 0));
    assert_eq!(choice(" rest "), (ApiChoice::Rest, 0));
    assert_eq!(choice("auto"), (ApiChoice::Auto, 0));
    assert_eq!(choice("graphql"), (ApiChoice::Auto, 1));
    let (_, problems) = BoardConfig::parse(Source::Embedded, |s| (s == Setting::Api).then(|| "members".to_owned()));
    assert_eq!(problems, vec!["options.api must be \"auto\", \"portal\" or \"rest\", got \"members\"".to_owned()]);
    assert_eq!(Backend::parse("rest"), Some(Backend::Rest));
    assert_eq!(Backend::parse("auto"), None);
}

#[test]
fn each_backend_offers_only_what_it_can_do() {
    let members = Backend::Portal.capabilities();
    assert!(!members.staff_composer && !members.edit_threads && !members.moderate && !members.people_lookup);
    assert!(!members.thread_without_group);
    let staff = Backend::Rest.capabilities();
    assert!(staff.staff_composer && staff.edit_threads && staff.moderate && staff.people_lookup);
}

#[test]
fn a_toggle_moves_the_count_with_it() {
    let before = MarkState { count: Some(3), on: None, record: None };
    assert_eq!(before.switched(true, None), MarkState { count: Some(4), on: Some(true), record: None });
    assert_eq!(before.switched(false, None).count, Some(2));
    assert_eq!(MarkState { count: Some(0), on: Some(true), record: Some(9) }.switched(false, None).count, Some(0));
    assert_eq!(MarkState::default().switched(true, Some(5)), MarkState { count: None, on: Some(true), record: Some(5) });
}
