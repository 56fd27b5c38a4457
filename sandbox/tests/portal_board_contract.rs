//! The Members Portal's Public API board (`/api/public/community/board/…`), over real HTTP:
//! the wire shapes agreed in the README (The sandbox, Endpoints, Public API board), the filters, and the members' rules
//! (visibility, posting, author-only deletes, toggles).
//!
//! Seed facts used below: the demo member (user 2002, customer 3002) is in Founders Circle
//! (4004, Restricted) and Makers Lab (4005, Private), not in Announcements (4003, Restricted)
//! or Board of Directors (4006, Private: threads 10015, 10031, 10047, 10063). Thread 10059 is
//! Private with the member as a guest; 10051 is Private without them. 10062 has a Zoom meeting
//! and one reply; 10064 is in Announcements.

mod common;

use std::collections::BTreeSet;

use common::{error_properties, Running, ADMIN, MANAGER, MEMBER, PRIYA};
use serde_json::{json, Value};

const BOARD: &str = "/api/public/community/board";
/// Threads the demo member may not see.
const HIDDEN_FROM_MEMBER: [i64; 5] = [10015, 10031, 10047, 10063, 10051];

fn ids(body: &Value) -> Vec<i64> {
    body["Records"].as_array().unwrap().iter().map(|r| r["Id"].as_i64().unwrap()).collect()
}

/// Asserts `value` is an object with exactly these keys, in this order, of these JSON types
/// (`int`, `string`, `bool`, `array`, `object`, with `|null` when it may be null).
fn assert_shape(value: &Value, what: &str, spec: &[(&str, &str)]) {
    let object = value.as_object().unwrap_or_else(|| panic!("{what} is not an object: {value}"));
    let keys: Vec<&str> = object.keys().map(String::as_str).collect();
    let expected: Vec<&str> = spec.iter().map(|(k, _)| *k).collect();
    assert_eq!(keys, expected, "{what}'s keys");
    for (key, kind) in spec {
        let v = &object[*key];
        let ok = kind.split('|').any(|k| match k {
            "int" => v.is_i64(),
            "string" => v.is_string(),
            "bool" => v.is_boolean(),
            "array" => v.is_array(),
            "object" => v.is_object(),
            "null" => v.is_null(),
            other => panic!("unknown kind {other}"),
        });
        assert!(ok, "{what}.{key} should be {kind}, is {v}");
    }
}

/// A business-local time: `2025-01-15T10:30:00`, no zone.
fn assert_local(value: &Value, what: &str) {
    let text = value.as_str().unwrap_or_else(|| panic!("{what} is not a string: {value}"));
    assert!(chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S").is_ok(), "{what}: {text}");
}

/// A UTC time: `2025-01-15T10:30:00Z`.
fn assert_utc(value: &Value, what: &str) {
    let text = value.as_str().unwrap_or_else(|| panic!("{what} is not a string: {value}"));
    assert!(text.ends_with('Z') && chrono::DateTime::parse_from_rfc3339(text).is_ok(), "{what}: {text}");
}

const LIST_KEYS: [(&str, &str); 13] = [
    ("Records", "array"),
    ("CurrentPageSize", "int"),
    ("CurrentPage", "int"),
    ("CurrentOrderField", "string"),
    ("CurrentSortDirection", "string"),
    ("FirstItem", "int"),
    ("LastItem", "int"),
    ("HasNextPage", "bool"),
    ("HasPreviousPage", "bool"),
    ("PageNumber", "int"),
    ("PageSize", "int"),
    ("TotalItems", "int"),
    ("TotalPages", "int"),
];

const SUMMARY_KEYS: [(&str, &str); 24] = [
    ("Id", "int"),
    ("UniqueId", "string"),
    ("ThreadUniqueId", "string"),
    ("Subject", "string"),
    ("Message", "string"),
    ("Tags", "array"),
    ("Private", "bool"),
    ("UserId", "int"),
    ("CoworkerId", "int|null"),
    ("FullName", "string"),
    ("ShortFullName", "string"),
    ("GroupId", "int|null"),
    ("GroupName", "string|null"),
    ("BusinessId", "int"),
    ("BusinessName", "string"),
    ("BusinessWebAddress", "string"),
    ("MessageCount", "int"),
    ("LikeCount", "int"),
    ("LastMessage", "string|null"),
    ("LastMessageUtc", "string|null"),
    ("LastMessageText", "string|null"),
    ("LastMessageUserFullName", "string|null"),
    ("CreatedOn", "string"),
    ("CreatedOnUtc", "string"),
];

const DETAIL_KEYS: [(&str, &str); 23] = [
    ("Id", "int"),
    ("UniqueId", "string"),
    ("Subject", "string"),
    ("Message", "string"),
    ("Tags", "string|null"),
    ("TagsArray", "array"),
    ("Private", "bool"),
    ("GroupId", "int|null"),
    ("GroupName", "string|null"),
    ("PostedOn", "string"),
    ("UtcPostedOn", "string"),
    ("LastMessageDate", "string|null"),
    ("HasZoom", "bool"),
    ("ZoomUrl", "string|null"),
    ("ZoomMeetingId", "string|null"),
    ("Business", "object"),
    ("User", "object"),
    ("MessageCount", "int"),
    ("LikeCount", "int"),
    ("CreatedOn", "string"),
    ("UpdatedOn", "string"),
    ("CreatedOnUtc", "string"),
    ("UpdatedOnUtc", "string"),
];

const REPLY_KEYS: [(&str, &str); 12] = [
    ("Id", "int"),
    ("UniqueId", "string"),
    ("Message", "string"),
    ("PostedOn", "string"),
    ("UtcPostedOn", "string"),
    ("CommunityThread", "object"),
    ("User", "object"),
    ("LikeCount", "int"),
    ("CreatedOn", "string"),
    ("UpdatedOn", "string"),
    ("CreatedOnUtc", "string"),
    ("UpdatedOnUtc", "string"),
];

const BUSINESS_KEYS: [(&str, &str); 3] = [("Id", "int"), ("Name", "string"), ("WebAddress", "string")];
const PERSON_KEYS: [(&str, &str); 3] = [("Id", "int"), ("FullName", "string"), ("Email", "string")];

/// Every thread id the caller sees, through the list (all pages of 1000).
async fn visible(run: &Running, token: &str) -> BTreeSet<i64> {
    let (status, body) = run.get(token, &format!("{BOARD}/threads?size=1000")).await;
    assert_eq!(status, 200, "{body}");
    assert!(!body["HasNextPage"].as_bool().unwrap());
    ids(&body).into_iter().collect()
}

/// Ids from a REST list the administrator reads (to compare a portal filter with the data).
async fn rest_ids(run: &Running, path: &str, field: &str) -> BTreeSet<i64> {
    let admin = run.sign_in(ADMIN).await;
    let (status, body) = run.get(&admin, path).await;
    assert_eq!(status, 200, "{path}: {body}");
    body["Records"].as_array().unwrap().iter().map(|r| r[field].as_i64().unwrap()).collect()
}

async fn start_thread(run: &Running, token: &str, body: &Value) -> i64 {
    let (status, answer) = run.post(token, &format!("{BOARD}/threads"), body).await;
    assert_eq!(status, 200, "{answer}");
    answer["Value"]["Id"].as_i64().unwrap()
}

#[tokio::test]
async fn groups_are_listed_by_name_with_access_names_and_posting_rights() {
    let run = Running::start().await;
    let member = run.sign_in(MEMBER).await;
    let (status, body) = run.get(&member, &format!("{BOARD}/groups")).await;
    assert_eq!(status, 200);
    assert_shape(&body, "groups answer", &[("Groups", "array")]);
    let groups = body["Groups"].as_array().unwrap();
    for group in groups {
        assert_shape(
            group,
            "group",
            &[
                ("Id", "int"),
                ("UniqueId", "string"),
                ("Name", "string"),
                ("Description", "string|null"),
                ("GroupAccess", "string"),
                ("CanPostMessages", "bool"),
                ("Business", "object"),
                ("User", "object"),
                ("CreatedOn", "string"),
                ("UpdatedOn", "string"),
                ("CreatedOnUtc", "string"),
                ("UpdatedOnUtc", "string"),
            ],
        );
        assert_shape(&group["Business"], "group.Business", &BUSINESS_KEYS);
        assert_shape(&group["User"], "group.User", &[("Id", "int"), ("FullName", "string")]);
        assert_local(&group["CreatedOn"], "CreatedOn");
        assert_local(&group["UpdatedOn"], "UpdatedOn");
        assert_utc(&group["CreatedOnUtc"], "CreatedOnUtc");
        assert_utc(&group["UpdatedOnUtc"], "UpdatedOnUtc");
    }
    let seen: Vec<(&str, &str, bool)> =
        groups.iter().map(|g| (g["Name"].as_str().unwrap(), g["GroupAccess"].as_str().unwrap(), g["CanPostMessages"].as_bool().unwrap())).collect();
    // Board of Directors (Private, not a member) is left out; Announcements is readable, not postable.
    assert_eq!(
        seen,
        [
            ("Announcements", "Restricted", false),
            ("Events & Socials", "Public", true),
            ("Founders Circle", "Restricted", true),
            ("General", "Public", true),
            ("Makers Lab", "Private", true),
        ]
    );
    assert_eq!(groups[0]["Business"], json!({ "Id": 1001, "Name": "Harbour Works Coworking", "WebAddress": "harbourworks.spaces.nexudus.com" }));
    assert_eq!(groups[0]["User"], json!({ "Id": 2001, "FullName": "Olivia Bennett" }));

    // Priya is in neither Private group; the administrator sees and posts everywhere.
    let priya = run.sign_in(PRIYA).await;
    let (_, theirs) = run.get(&priya, &format!("{BOARD}/groups")).await;
    let names: Vec<&str> = theirs["Groups"].as_array().unwrap().iter().map(|g| g["Name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Announcements", "Events & Socials", "Founders Circle", "General"]);
    let admin = run.sign_in(ADMIN).await;
    let (_, all) = run.get(&admin, &format!("{BOARD}/groups")).await;
    let all = all["Groups"].as_array().unwrap();
    assert_eq!(all.len(), 6);
    assert!(all.iter().all(|g| g["CanPostMessages"] == true));
}

#[tokio::test]
async fn the_thread_list_has_the_documented_envelope_and_summaries() {
    let run = Running::start().await;
    let member = run.sign_in(MEMBER).await;
    // The portal sends every filter, empty; X-Use-Timezone is accepted and changes nothing.
    let response = run
        .http
        .get(run.url(&format!("{BOARD}/threads?groupId=&inbox=&query=&tag=")))
        .bearer_auth(&member)
        .header("X-Use-Timezone", "true")
        .send()
        .await
        .unwrap();
    let (status, body) = common::read(response).await;
    assert_eq!(status, 200, "{body}");
    assert_shape(&body, "list", &LIST_KEYS);
    assert_eq!((&body["CurrentOrderField"], &body["CurrentSortDirection"]), (&json!("LastMessage"), &json!("DESC")));
    assert_eq!((body["CurrentPage"].as_i64(), body["PageSize"].as_i64(), body["CurrentPageSize"].as_i64()), (Some(1), Some(25), Some(25)));
    assert_eq!(body["TotalItems"], 64 - HIDDEN_FROM_MEMBER.len() as i64);
    assert_eq!((body["FirstItem"].as_i64(), body["LastItem"].as_i64(), body["TotalPages"].as_i64()), (Some(1), Some(25), Some(3)));
    assert_eq!((body["HasNextPage"].as_bool(), body["HasPreviousPage"].as_bool()), (Some(true), Some(false)));
    for record in body["Records"].as_array().unwrap() {
        assert_shape(record, "summary", &SUMMARY_KEYS);
        assert_eq!(record["ThreadUniqueId"], record["UniqueId"]);
        assert_local(&record["CreatedOn"], "CreatedOn");
        assert_utc(&record["CreatedOnUtc"], "CreatedOnUtc");
        assert_local(&record["LastMessage"], "LastMessage");
        assert_utc(&record["LastMessageUtc"], "LastMessageUtc");
        assert_eq!(record["LastMessage"].as_str().unwrap(), record["LastMessageUtc"].as_str().unwrap().trim_end_matches('Z'));
    }
    // Most recent activity first.
    let (_, all) = run.get(&member, &format!("{BOARD}/threads?size=1000")).await;
    let records = all["Records"].as_array().unwrap();
    let activity: Vec<&str> = records.iter().map(|r| r["LastMessageUtc"].as_str().unwrap()).collect();
    let mut sorted = activity.clone();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    assert_eq!(activity, sorted);

    // One with a reply, one without a group and without replies.
    let zoom = records.iter().find(|r| r["Id"] == 10062).unwrap();
    assert_eq!((zoom["MessageCount"].as_i64(), zoom["GroupId"].as_i64(), zoom["GroupName"].as_str()), (Some(1), Some(4001), Some("General")));
    assert!(zoom["LastMessageText"].is_string() && zoom["LastMessageUserFullName"].is_string());
    assert_eq!(zoom["Tags"], json!(["events", "community"]));
    assert_eq!((&zoom["BusinessId"], &zoom["BusinessName"]), (&json!(1001), &json!("Harbour Works Coworking")));
    let plain = records.iter().find(|r| r["Id"] == 10001).unwrap();
    assert_eq!((&plain["GroupId"], &plain["GroupName"], &plain["MessageCount"]), (&Value::Null, &Value::Null, &json!(0)));
    assert_eq!((&plain["LastMessageText"], &plain["LastMessageUserFullName"]), (&Value::Null, &Value::Null));
    // The author's names.
    let sams = records.iter().find(|r| r["UserId"] == 2002).unwrap();
    assert_eq!((&sams["FullName"], &sams["ShortFullName"], &sams["CoworkerId"]), (&json!("Sam Rivera"), &json!("Sam R."), &json!(3002)));
}

#[tokio::test]
async fn paging_walks_every_visible_thread_once() {
    let run = Running::start().await;
    let member = run.sign_in(MEMBER).await;
    let all = visible(&run, &member).await;
    let mut walked = Vec::new();
    for page in 1..=6 {
        let (_, body) = run.get(&member, &format!("{BOARD}/threads?page={page}&size=10")).await;
        assert_eq!(body["PageNumber"], page);
        assert_eq!(body["HasPreviousPage"], page > 1);
        assert_eq!(body["HasNextPage"], page < 6);
        assert_eq!(body["FirstItem"], (page - 1) * 10 + 1);
        walked.extend(ids(&body));
    }
    assert_eq!(walked.len(), all.len());
    assert_eq!(walked.iter().copied().collect::<BTreeSet<_>>(), all);
    let (_, beyond) = run.get(&member, &format!("{BOARD}/threads?page=99&size=10")).await;
    assert!(ids(&beyond).is_empty());
    assert_eq!((beyond["FirstItem"].as_i64(), beyond["LastItem"].as_i64()), (Some(0), Some(0)));
    let (_, capped) = run.get(&member, &format!("{BOARD}/threads?size=5000&page=9223372036854775807")).await;
    assert_eq!(capped["PageSize"], 1000, "size is capped at 1000; a huge page is an empty one");
}

#[tokio::test]
async fn malformed_query_values_are_400s_naming_the_parameter() {
    let run = Running::start().await;
    let member = run.sign_in(MEMBER).await;
    for (query, parameter) in [
        ("groupId=general", "groupId"),
        ("groupId=4.5", "groupId"),
        ("inbox=everything", "inbox"),
        ("page=0", "page"),
        ("page=x", "page"),
        ("size=-3", "size"),
        ("size=99999999999999999999", "size"),
    ] {
        let (status, body) = run.get(&member, &format!("{BOARD}/threads?{query}")).await;
        assert_eq!(status, 400, "{query}");
        assert_eq!(body["WasSuccessful"], false);
        assert_eq!(error_properties(&body), [parameter], "{query}");
        assert!(body["Message"].as_str().unwrap().starts_with(&format!("{parameter}: ")), "{body}");
    }
    let (status, _) = run.get(&member, &format!("{BOARD}/threads/10062/messages?size=none")).await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn filters_by_group_inbox_query_and_tag() {
    let run = Running::start().await;
    let member = run.sign_in(MEMBER).await;
    let all = visible(&run, &member).await;

    // groupId: only that group's threads; a group the member cannot see has none for them.
    let (_, general) = run.get(&member, &format!("{BOARD}/threads?groupId=4001&size=1000")).await;
    assert_eq!(general["TotalItems"], 16);
    assert!(general["Records"].as_array().unwrap().iter().all(|r| r["GroupId"] == 4001));
    let (_, board) = run.get(&member, &format!("{BOARD}/threads?groupId=4006")).await;
    assert_eq!(board["TotalItems"], 0);
    let (_, makers) = run.get(&member, &format!("{BOARD}/threads?groupId=4005")).await;
    assert_eq!(makers["TotalItems"], 4, "a Private group the member is in");

    // inbox=mine: the member's own threads; inbox=following: the ones they follow.
    let (_, mine) = run.get(&member, &format!("{BOARD}/threads?inbox=mine&size=1000")).await;
    let expected_mine = rest_ids(&run, "/api/community/communitythreads?CommunityThread_User=2002&size=1000", "Id").await;
    assert!(!expected_mine.is_empty());
    assert_eq!(ids(&mine).into_iter().collect::<BTreeSet<_>>(), &expected_mine & &all);
    let (_, following) = run.get(&member, &format!("{BOARD}/threads?inbox=Following&size=1000")).await;
    let followed = rest_ids(&run, "/api/community/communitythreadfollows?CommunityThreadFollow_User=2002&size=1000", "ThreadId").await;
    let following: BTreeSet<i64> = ids(&following).into_iter().collect();
    assert!(!following.is_empty());
    assert_eq!(following, &followed & &all, "followed threads the member may see");

    // query: a case-insensitive substring of the subject or of the message.
    let (_, coffee) = run.get(&member, &format!("{BOARD}/threads?query=COFFEE&size=1000")).await;
    let by_subject = rest_ids(&run, "/api/community/communitythreads?CommunityThread_Subject=coffee&size=1000", "Id").await;
    let by_message = rest_ids(&run, "/api/community/communitythreads?CommunityThread_Message=coffee&size=1000", "Id").await;
    assert!(!by_subject.is_empty() && !by_message.is_empty() && by_subject.is_disjoint(&by_message), "the seed has both kinds");
    assert_eq!(ids(&coffee).into_iter().collect::<BTreeSet<_>>(), &(&by_subject | &by_message) & &all);
    let (_, nothing) = run.get(&member, &format!("{BOARD}/threads?query=zzzz-no-such-words")).await;
    assert_eq!(nothing["TotalItems"], 0);
    // Threads the member cannot see stay hidden from a search ("floor 2" is only in 4006).
    let (_, hidden) = run.get(&member, &format!("{BOARD}/threads?query=floor%202")).await;
    assert_eq!(hidden["TotalItems"], 0);

    // tag: that exact tag, without regard to case.
    let (_, food) = run.get(&member, &format!("{BOARD}/threads?tag=FOOD&size=1000")).await;
    assert_eq!(ids(&food).into_iter().collect::<BTreeSet<_>>(), BTreeSet::from([10032, 10064]));
    assert!(food["Records"].as_array().unwrap().iter().all(|r| r["Tags"].as_array().unwrap().contains(&json!("food"))));
    let (_, partial) = run.get(&member, &format!("{BOARD}/threads?tag=foo")).await;
    assert_eq!(partial["TotalItems"], 0, "a tag is matched whole");

    // Filters combine.
    let (_, both) = run.get(&member, &format!("{BOARD}/threads?groupId=4003&query=coffee&tag=facilities&size=1000")).await;
    assert!(!ids(&both).is_empty());
    assert!(both["Records"].as_array().unwrap().iter().all(|r| r["GroupId"] == 4003 && r["Subject"].as_str().unwrap().contains("Coffee")));
}

#[tokio::test]
async fn visibility_follows_groups_and_private_threads() {
    let run = Running::start().await;
    let member = run.sign_in(MEMBER).await;
    let seen = visible(&run, &member).await;
    for hidden in HIDDEN_FROM_MEMBER {
        assert!(!seen.contains(&hidden), "{hidden} is listed");
        assert_eq!(run.get(&member, &format!("{BOARD}/threads/{hidden}")).await, (404, json!("Not found")), "{hidden}");
        assert_eq!(run.get(&member, &format!("{BOARD}/threads/{hidden}/messages")).await.0, 404);
        for mark in ["like", "follow", "mute"] {
            assert_eq!(run.post(&member, &format!("{BOARD}/threads/{hidden}/{mark}"), &json!({})).await.0, 404, "{mark} {hidden}");
        }
        let (status, _) = run.post(&member, &format!("{BOARD}/threads/{hidden}/messages"), &json!({ "Content": "x" })).await;
        assert_eq!(status, 404, "reply to {hidden}");
        assert_eq!(run.delete(&member, &format!("{BOARD}/threads/{hidden}")).await.0, 404);
    }
    // A guest sees the private thread (and its author does); others do not.
    assert!(seen.contains(&10059));
    let (status, guest) = run.get(&member, &format!("{BOARD}/threads/10059")).await;
    assert_eq!((status, &guest["Private"]), (200, &json!(true)));
    let priya = run.sign_in(PRIYA).await;
    assert_eq!(run.get(&priya, &format!("{BOARD}/threads/10059")).await.0, 200, "the author");
    let amara = run.token_for("amara@example.com", "demo-member").await;
    assert_eq!(run.get(&amara, &format!("{BOARD}/threads/10059")).await.0, 404);
    assert_eq!(run.get(&amara, &format!("{BOARD}/threads/10051")).await.0, 200, "her own private thread");
    // The administrator sees everything; staff on the portal are customers like any other.
    let admin = run.sign_in(ADMIN).await;
    assert_eq!(visible(&run, &admin).await.len(), 64);
    let manager = run.sign_in(MANAGER).await;
    assert!(!visible(&run, &manager).await.contains(&10051));
}

#[tokio::test]
async fn thread_detail_has_the_documented_shape() {
    let run = Running::start().await;
    let member = run.sign_in(MEMBER).await;
    let (status, zoom) = run.get(&member, &format!("{BOARD}/threads/10062")).await;
    assert_eq!(status, 200);
    assert_shape(&zoom, "detail", &DETAIL_KEYS);
    assert_shape(&zoom["Business"], "detail.Business", &BUSINESS_KEYS);
    assert_shape(&zoom["User"], "detail.User", &PERSON_KEYS);
    assert_eq!(
        (&zoom["HasZoom"], &zoom["ZoomUrl"], &zoom["ZoomMeetingId"]),
        (&json!(true), &json!("https://zoom.us/j/81234567890"), &json!("81234567890"))
    );
    assert_eq!((&zoom["Tags"], &zoom["TagsArray"]), (&json!("events,community"), &json!(["events", "community"])));
    assert_eq!((&zoom["GroupId"], &zoom["GroupName"], &zoom["MessageCount"]), (&json!(4001), &json!("General"), &json!(1)));
    assert_eq!(zoom["User"], json!({ "Id": 2009, "FullName": "Chloé Martin", "Email": "twofactor@example.com" }));
    assert_local(&zoom["PostedOn"], "PostedOn");
    assert_utc(&zoom["UtcPostedOn"], "UtcPostedOn");
    assert_utc(&zoom["LastMessageDate"], "LastMessageDate");
    assert_eq!(zoom["PostedOn"].as_str().unwrap(), zoom["UtcPostedOn"].as_str().unwrap().trim_end_matches('Z'));
    assert_eq!(zoom["CreatedOnUtc"], zoom["UtcPostedOn"]);
    assert_local(&zoom["UpdatedOn"], "UpdatedOn");
    assert_utc(&zoom["UpdatedOnUtc"], "UpdatedOnUtc");

    let (_, plain) = run.get(&member, &format!("{BOARD}/threads/10001")).await;
    assert_shape(&plain, "detail", &DETAIL_KEYS);
    assert_eq!((&plain["HasZoom"], &plain["ZoomUrl"], &plain["ZoomMeetingId"]), (&json!(false), &Value::Null, &Value::Null));
    assert_eq!((&plain["GroupId"], &plain["GroupName"]), (&Value::Null, &Value::Null));
    // Message goes out HTML-encoded ("five minutes' walk").
    let (_, lunch) = run.get(&member, &format!("{BOARD}/threads/10064")).await;
    assert!(lunch["Message"].as_str().unwrap().contains("minutes&#39; walk"), "{}", lunch["Message"]);
    assert_eq!(lunch["Subject"], "Lunch spots near the office?", "the subject is plain");

    for bad in ["abc", "99999999", "99999999999999999999", "-1", "%FF"] {
        assert_eq!(run.get(&member, &format!("{BOARD}/threads/{bad}")).await, (404, json!("Not found")), "{bad}");
    }
}

#[tokio::test]
async fn starting_a_conversation_where_the_member_may_post() {
    let run = Running::start().await;
    let member = run.sign_in(MEMBER).await;
    let (status, created) = run
        .post(
            &member,
            &format!("{BOARD}/threads"),
            &json!({ "GroupId": 4001, "Title": "Fresh start", "Content": "Body", "Tags": ["Food", " local ", "food", ""] }),
        )
        .await;
    assert_eq!(status, 200, "{created}");
    assert_shape(
        &created,
        "confirmation",
        &[("Status", "int"), ("Message", "string"), ("Value", "object"), ("WasSuccessful", "bool"), ("Errors", "null")],
    );
    assert_eq!(
        (&created["Status"], &created["Message"], &created["WasSuccessful"]),
        (&json!(200), &json!("CommunityThread was successfully created."), &json!(true))
    );
    let id = created["Value"]["Id"].as_i64().unwrap();
    let (_, detail) = run.get(&member, &format!("{BOARD}/threads/{id}")).await;
    assert_eq!((&detail["Subject"], &detail["Message"], &detail["Private"]), (&json!("Fresh start"), &json!("Body"), &json!(false)));
    assert_eq!((&detail["Tags"], &detail["TagsArray"]), (&json!("Food,local"), &json!(["Food", "local"])));
    assert_eq!(detail["User"], json!({ "Id": 2002, "FullName": "Sam Rivera", "Email": "member@example.com" }));
    assert_eq!(detail["LastMessageDate"], detail["UtcPostedOn"], "a new thread is fresh activity");
    // It leads the list and the member's own inbox; REST shows who and where.
    let (_, list) = run.get(&member, &format!("{BOARD}/threads?size=1")).await;
    assert_eq!(ids(&list), [id]);
    let (_, mine) = run.get(&member, &format!("{BOARD}/threads?inbox=mine&size=1")).await;
    assert_eq!(ids(&mine), [id]);
    let manager = run.sign_in(MANAGER).await;
    let (_, record) = run.get(&manager, &format!("/api/community/communitythreads/{id}")).await;
    assert_eq!(
        (&record["UserId"], &record["CoworkerId"], &record["CommunityGroupId"], &record["BusinessId"]),
        (&json!(2002), &json!(3002), &json!(4001), &json!(1001))
    );

    // Restricted 4003 (not a member), Private 4006 (cannot see it), unknown 999: 400 GroupId.
    for group in [json!(4003), json!(4006), json!(999), json!(0)] {
        let (status, body) = run.post(&member, &format!("{BOARD}/threads"), &json!({ "GroupId": group, "Title": "x", "Content": "y" })).await;
        assert_eq!((status, error_properties(&body)), (400, vec!["GroupId".to_owned()]), "group {group}");
    }
    // Restricted 4004 and Private 4005, where the member is a member.
    for group in [4004, 4005] {
        start_thread(&run, &member, &json!({ "GroupId": group, "Title": "Members only", "Content": "y" })).await;
    }
    // The administrator posts anywhere.
    start_thread(&run, &run.sign_in(ADMIN).await, &json!({ "GroupId": 4006, "Title": "Board", "Content": "y" })).await;
}

#[tokio::test]
async fn a_create_refuses_missing_malformed_and_unknown_properties() {
    let run = Running::start().await;
    let member = run.sign_in(MEMBER).await;
    let path = format!("{BOARD}/threads");
    let (status, body) = run.post(&member, &path, &json!({})).await;
    assert_eq!((status, error_properties(&body)), (400, vec!["Content".to_owned(), "GroupId".to_owned(), "Title".to_owned()]));
    assert_eq!((&body["Status"], &body["Value"], &body["WasSuccessful"]), (&json!(400), &Value::Null, &json!(false)));
    assert!(body["Message"].as_str().unwrap().contains("Title: may not be null or empty"));
    // Every REST-only property is refused by name, never silently dropped.
    for extra in ["Private", "InstantDelivery", "Guests", "ZoomEventData", "IncludeZoomInvite", "Subject", "Message", "UserId", "CommunityGroupId"] {
        let mut body = json!({ "GroupId": 4001, "Title": "x", "Content": "y" });
        body[extra] = json!(true);
        let (status, answer) = run.post(&member, &path, &body).await;
        assert_eq!((status, error_properties(&answer)), (400, vec![extra.to_owned()]), "{extra}");
        assert!(answer["Errors"][0]["Message"].as_str().unwrap().contains("is not accepted by this endpoint"));
    }
    for (body, property) in [
        (json!({ "GroupId": "General", "Title": "x", "Content": "y" }), "GroupId"),
        (json!({ "GroupId": 4001, "Title": 5, "Content": "y" }), "Title"),
        (json!({ "GroupId": 4001, "Title": "x", "Content": "  " }), "Content"),
        (json!({ "GroupId": 4001, "Title": "x", "Content": "y", "Tags": "a,b" }), "Tags"),
        (json!({ "GroupId": 4001, "Title": "x", "Content": "y", "Tags": ["a,b"] }), "Tags"),
        (json!({ "GroupId": 4001, "Title": "x", "Content": "y", "Tags": [1] }), "Tags"),
    ] {
        let (status, answer) = run.post(&member, &path, &body).await;
        assert_eq!((status, error_properties(&answer)), (400, vec![property.to_owned()]), "{body}");
    }
    // Names bind without regard to case, and a numeric string is a number (as on Nexudus).
    start_thread(&run, &member, &json!({ "groupid": "4001", "TITLE": "Case", "content": "y" })).await;
    for raw in ["not json", "[1,2]", "", "{\"GroupId\":"] {
        let response = run.http.post(run.url(&path)).bearer_auth(&member).header("Content-Type", "application/json").body(raw).send().await.unwrap();
        let (status, body) = common::read(response).await;
        assert_eq!((status, &body["WasSuccessful"]), (400, &json!(false)), "{raw:?}");
    }
    // The reply body takes Content only.
    let (status, body) = run.post(&member, &format!("{BOARD}/threads/10062/messages"), &json!({ "Content": "x", "UserId": 2002 })).await;
    assert_eq!((status, error_properties(&body)), (400, vec!["UserId".to_owned()]));
    let (status, body) = run.post(&member, &format!("{BOARD}/threads/10062/messages"), &json!({ "Message": "x" })).await;
    assert_eq!((status, error_properties(&body)), (400, vec!["Content".to_owned(), "Message".to_owned()]));
}

#[tokio::test]
async fn replies_are_listed_oldest_first_and_posted_where_allowed() {
    let run = Running::start().await;
    let member = run.sign_in(MEMBER).await;
    let priya = run.sign_in(PRIYA).await;
    let id = start_thread(&run, &member, &json!({ "GroupId": 4001, "Title": "Replies", "Content": "Start" })).await;
    let (_, before) = run.get(&member, &format!("{BOARD}/threads/{id}")).await;
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let mut reply_ids = Vec::new();
    for (token, text) in [(&member, "first"), (&priya, "second"), (&member, "third")] {
        let (status, created) = run.post(token, &format!("{BOARD}/threads/{id}/messages"), &json!({ "Content": text })).await;
        assert_eq!(status, 200, "{created}");
        assert_eq!(created["Message"], "CommunityMessage was successfully created.");
        reply_ids.push(created["Value"]["Id"].as_i64().unwrap());
    }
    let (status, page) = run.get(&member, &format!("{BOARD}/threads/{id}/messages")).await;
    assert_eq!(status, 200);
    assert_shape(&page, "replies", &LIST_KEYS);
    assert_eq!((&page["CurrentSortDirection"], &page["TotalItems"], &page["PageSize"]), (&json!("ASC"), &json!(3), &json!(25)));
    assert_eq!(ids(&page), reply_ids, "oldest first");
    for reply in page["Records"].as_array().unwrap() {
        assert_shape(reply, "reply", &REPLY_KEYS);
        assert_shape(&reply["User"], "reply.User", &PERSON_KEYS);
        assert_shape(&reply["CommunityThread"], "reply.CommunityThread", &[("Id", "int"), ("Subject", "string")]);
        assert_eq!(reply["CommunityThread"], json!({ "Id": id, "Subject": "Replies" }));
        assert_local(&reply["PostedOn"], "PostedOn");
        assert_utc(&reply["UtcPostedOn"], "UtcPostedOn");
        assert_local(&reply["CreatedOn"], "CreatedOn");
        assert_utc(&reply["UpdatedOnUtc"], "UpdatedOnUtc");
    }
    assert_eq!(page["Records"][1]["User"], json!({ "Id": 2003, "FullName": "Priya Natarajan", "Email": "priya@example.com" }));
    let (_, second) = run.get(&member, &format!("{BOARD}/threads/{id}/messages?page=2&size=2")).await;
    assert_eq!((ids(&second), second["HasPreviousPage"].as_bool()), (vec![reply_ids[2]], Some(true)));
    // The thread moved: newest activity, the last reply's text and author.
    let (_, after) = run.get(&member, &format!("{BOARD}/threads/{id}")).await;
    assert!(after["LastMessageDate"].as_str() > before["LastMessageDate"].as_str());
    assert_eq!(after["MessageCount"], 3);
    let (_, list) = run.get(&member, &format!("{BOARD}/threads?size=1")).await;
    assert_eq!((&list["Records"][0]["Id"], &list["Records"][0]["LastMessageText"]), (&json!(id), &json!("third")));
    assert_eq!(list["Records"][0]["LastMessageUserFullName"], "Sam Rivera");

    // Announcements (Restricted): readable, no replies from non-members; members of it may.
    let (status, body) = run.post(&member, &format!("{BOARD}/threads/10064/messages"), &json!({ "Content": "x" })).await;
    assert_eq!((status, error_properties(&body)), (400, vec!["ThreadId".to_owned()]));
    assert_eq!(run.get(&member, &format!("{BOARD}/threads/10064/messages")).await.0, 200);
    let (status, _) = run.post(&run.sign_in(ADMIN).await, &format!("{BOARD}/threads/10064/messages"), &json!({ "Content": "x" })).await;
    assert_eq!(status, 200);
    // A Private thread's guest may reply (10059 is in the Public group 4002).
    assert_eq!(run.post(&member, &format!("{BOARD}/threads/10059/messages"), &json!({ "Content": "x" })).await.0, 200);
}

#[tokio::test]
async fn message_text_goes_out_html_encoded_and_titles_plain() {
    let run = Running::start().await;
    let member = run.sign_in(MEMBER).await;
    let hostile = r#"<img src=x onerror="alert('x')"> & more"#;
    let encoded = "&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; more";
    let id = start_thread(&run, &member, &json!({ "GroupId": 4001, "Title": "<b>Title</b> & co", "Content": hostile })).await;
    run.post(&member, &format!("{BOARD}/threads/{id}/messages"), &json!({ "Content": hostile })).await;
    let (_, detail) = run.get(&member, &format!("{BOARD}/threads/{id}")).await;
    assert_eq!((&detail["Message"], &detail["Subject"]), (&json!(encoded), &json!("<b>Title</b> & co")));
    let (_, list) = run.get(&member, &format!("{BOARD}/threads?size=1")).await;
    assert_eq!((&list["Records"][0]["Message"], &list["Records"][0]["LastMessageText"]), (&json!(encoded), &json!(encoded)));
    let (_, replies) = run.get(&member, &format!("{BOARD}/threads/{id}/messages")).await;
    assert_eq!(replies["Records"][0]["Message"], encoded);
    // Stored as written: REST shows the text itself.
    let (_, record) = run.get(&run.sign_in(MANAGER).await, &format!("/api/community/communitythreads/{id}")).await;
    assert_eq!(record["Message"], hostile);
}

#[tokio::test]
async fn only_the_author_deletes_and_a_thread_takes_everything_with_it() {
    let run = Running::start().await;
    let member = run.sign_in(MEMBER).await;
    let priya = run.sign_in(PRIYA).await;
    let id = start_thread(&run, &member, &json!({ "GroupId": 4001, "Title": "Doomed", "Content": "x" })).await;
    let (_, mine) = run.post(&member, &format!("{BOARD}/threads/{id}/messages"), &json!({ "Content": "mine" })).await;
    let (_, hers) = run.post(&priya, &format!("{BOARD}/threads/{id}/messages"), &json!({ "Content": "hers" })).await;
    let (mine, hers) = (mine["Value"]["Id"].as_i64().unwrap(), hers["Value"]["Id"].as_i64().unwrap());

    // Replies: the author only (401 for others, the thread's author too); 404 when not in that thread.
    assert_eq!(run.delete(&member, &format!("{BOARD}/threads/{id}/messages/{hers}")).await, (401, Value::Null));
    assert_eq!(run.delete(&priya, &format!("{BOARD}/threads/10062/messages/{hers}")).await, (404, json!("Not found")));
    assert_eq!(run.delete(&priya, &format!("{BOARD}/threads/{id}/messages/x")).await, (404, json!("Not found")));
    let (status, deleted) = run.delete(&priya, &format!("{BOARD}/threads/{id}/messages/{hers}")).await;
    assert_eq!(status, 200);
    assert_eq!(
        deleted,
        json!({ "Status": 200, "Message": "The record was deleted successfully.", "Value": null, "WasSuccessful": true, "Errors": null })
    );
    assert_eq!(run.delete(&priya, &format!("{BOARD}/threads/{id}/messages/{hers}")).await.0, 404);

    // Marks of every kind on the thread and the remaining reply.
    for token in [&member, &priya] {
        for mark in ["like", "follow", "mute"] {
            assert_eq!(run.post(token, &format!("{BOARD}/threads/{id}/{mark}"), &json!({})).await.1["Value"], true);
        }
        assert_eq!(run.post(token, &format!("{BOARD}/{id}/messages/{mine}/like"), &json!({})).await.1["Value"], true);
    }
    // Threads: the author only; the administrator is a customer here too.
    assert_eq!(run.delete(&priya, &format!("{BOARD}/threads/{id}")).await, (401, Value::Null));
    assert_eq!(run.delete(&run.sign_in(ADMIN).await, &format!("{BOARD}/threads/{id}")).await, (401, Value::Null));
    assert_eq!(run.delete(&priya, &format!("{BOARD}/threads/10059")).await.0, 200, "Priya's own private thread");
    let (status, deleted) = run.delete(&member, &format!("{BOARD}/threads/{id}")).await;
    assert_eq!((status, &deleted["Value"], &deleted["WasSuccessful"]), (200, &Value::Null, &json!(true)));
    assert_eq!(run.get(&member, &format!("{BOARD}/threads/{id}")).await, (404, json!("Not found")));
    assert_eq!(run.delete(&member, &format!("{BOARD}/threads/{id}")).await.0, 404);
    let left: i64 = run
        .sandbox
        .db()
        .with_conn(|c| {
            c.query_row(
                "SELECT (SELECT COUNT(*) FROM community_messages WHERE community_thread_id = ?1)
                      + (SELECT COUNT(*) FROM community_message_likes WHERE message_id = ?2)
                      + (SELECT COUNT(*) FROM community_thread_likes WHERE thread_id = ?1)
                      + (SELECT COUNT(*) FROM community_thread_follows WHERE thread_id = ?1)
                      + (SELECT COUNT(*) FROM community_thread_mutes WHERE thread_id = ?1)",
                [id, mine],
                |r| r.get(0),
            )
        })
        .unwrap();
    assert_eq!(left, 0, "replies, their likes, and the thread's likes, follows and mutes went with it");
}

#[tokio::test]
async fn toggles_flip_and_report_their_state() {
    let run = Running::start().await;
    let member = run.sign_in(MEMBER).await;
    let count = |body: &Value| body["LikeCount"].as_i64().unwrap();
    let (_, before) = run.get(&member, &format!("{BOARD}/threads/10062")).await;
    // The seed may already hold some of the member's marks: each press says where it went.
    for mark in ["like", "follow", "mute"] {
        let path = format!("{BOARD}/threads/10062/{mark}");
        let (status, first) = run.post(&member, &path, &json!({})).await;
        assert_eq!(status, 200);
        assert_shape(&first, "toggle", &[("Status", "int"), ("Message", "string"), ("Value", "bool"), ("WasSuccessful", "bool"), ("Errors", "null")]);
        let (_, second) = run.post(&member, &path, &json!({})).await;
        assert_eq!(second["Value"], !first["Value"].as_bool().unwrap(), "{mark} flips");
        // Without a body, as the board sends it.
        let response = run.http.post(run.url(&path)).bearer_auth(&member).send().await.unwrap();
        let (_, third) = common::read(response).await;
        assert_eq!(third["Value"], first["Value"], "{mark} flips back");
        run.post(&member, &path, &json!({})).await;
    }
    let (_, after) = run.get(&member, &format!("{BOARD}/threads/10062")).await;
    assert_eq!(count(&after), count(&before), "an even number of presses leaves the like as it was");

    // A like counts once per member; following shows in the inbox.
    let id = start_thread(&run, &member, &json!({ "GroupId": 4001, "Title": "Likeable", "Content": "x" })).await;
    let priya = run.sign_in(PRIYA).await;
    for (token, expected) in [(&member, 1), (&priya, 2)] {
        let (_, on) = run.post(token, &format!("{BOARD}/threads/{id}/like"), &json!({})).await;
        assert_eq!((&on["Value"], &on["Message"]), (&json!(true), &json!("CommunityThreadLike was successfully created.")));
        let (_, thread) = run.get(&member, &format!("{BOARD}/threads/{id}")).await;
        assert_eq!(count(&thread), expected);
    }
    let (_, off) = run.post(&priya, &format!("{BOARD}/threads/{id}/like"), &json!({})).await;
    assert_eq!(off["Value"], false);
    let (_, summary) = run.get(&member, &format!("{BOARD}/threads?size=1")).await;
    assert_eq!((&summary["Records"][0]["Id"], &summary["Records"][0]["LikeCount"]), (&json!(id), &json!(1)));
    assert_eq!(run.post(&priya, &format!("{BOARD}/threads/{id}/follow"), &json!({})).await.1["Value"], true);
    let (_, inbox) = run.get(&priya, &format!("{BOARD}/threads?inbox=following&size=1000")).await;
    assert!(ids(&inbox).contains(&id));
    assert_eq!(run.post(&priya, &format!("{BOARD}/threads/{id}/follow"), &json!({})).await.1["Value"], false);
    let (_, inbox) = run.get(&priya, &format!("{BOARD}/threads?inbox=following&size=1000")).await;
    assert!(!ids(&inbox).contains(&id));

    // A reply's like: the documented path has no `threads/` segment.
    let (_, reply) = run.post(&member, &format!("{BOARD}/threads/{id}/messages"), &json!({ "Content": "like me" })).await;
    let reply = reply["Value"]["Id"].as_i64().unwrap();
    let (status, liked) = run.post(&priya, &format!("{BOARD}/{id}/messages/{reply}/like"), &json!({})).await;
    assert_eq!((status, &liked["Value"], &liked["Message"]), (200, &json!(true), &json!("CommunityMessageLike was successfully created.")));
    let (_, replies) = run.get(&member, &format!("{BOARD}/threads/{id}/messages")).await;
    assert_eq!(replies["Records"][0]["LikeCount"], 1);
    assert_eq!(run.post(&priya, &format!("{BOARD}/{id}/messages/{reply}/like"), &json!({})).await.1["Value"], false);
    let (_, replies) = run.get(&member, &format!("{BOARD}/threads/{id}/messages")).await;
    assert_eq!(replies["Records"][0]["LikeCount"], 0);
    // A reply of another thread, a hidden thread's reply, nonsense ids: not found.
    assert_eq!(run.post(&priya, &format!("{BOARD}/10062/messages/{reply}/like"), &json!({})).await, (404, json!("Not found")));
    let hidden_reply: i64 = run
        .sandbox
        .db()
        .with_conn(|c| c.query_row("SELECT id FROM community_messages WHERE community_thread_id = 10051 LIMIT 1", [], |r| r.get(0)))
        .unwrap();
    assert_eq!(run.post(&member, &format!("{BOARD}/10051/messages/{hidden_reply}/like"), &json!({})).await.0, 404);
    assert_eq!(run.post(&member, &format!("{BOARD}/abc/messages/1/like"), &json!({})).await, (404, json!("Not found")));
}

#[tokio::test]
async fn only_customers_with_a_token_are_answered() {
    let run = Running::start().await;
    for (method, path) in [
        (reqwest::Method::GET, format!("{BOARD}/groups")),
        (reqwest::Method::GET, format!("{BOARD}/threads")),
        (reqwest::Method::GET, format!("{BOARD}/threads/10062")),
        (reqwest::Method::POST, format!("{BOARD}/threads")),
        (reqwest::Method::POST, format!("{BOARD}/threads/10062/like")),
        (reqwest::Method::DELETE, format!("{BOARD}/threads/10062")),
        (reqwest::Method::POST, format!("{BOARD}/10062/messages/50001/like")),
    ] {
        let response = run.http.request(method.clone(), run.url(&path)).send().await.unwrap();
        assert_eq!(common::read(response).await, (401, Value::Null), "{method} {path} without a token");
        let (status, body) = run.send(method.clone(), "not-a-token", &path, &json!({})).await;
        assert_eq!((status, body), (401, Value::Null), "{method} {path} with a bad token");
    }
    // A user with no customer profile (staff only, say) gets 401 from the Public API.
    run.sandbox
        .db()
        .with_conn(|c| {
            c.execute(
                "INSERT INTO users (id, unique_id, email, password, full_name, roles, created_on, updated_on)
                 VALUES (2099, 'u-2099', 'noprofile@example.com', 'pw', 'No Profile', 'CommunityThread-List', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')",
                [],
            )
        })
        .unwrap();
    let no_profile = run.token_for("noprofile@example.com", "pw").await;
    assert_eq!(run.get(&no_profile, &format!("{BOARD}/threads")).await, (401, Value::Null));
    assert_eq!(run.get(&no_profile, &format!("{BOARD}/groups")).await, (401, Value::Null));
    assert_eq!(
        run.post(&no_profile, &format!("{BOARD}/threads"), &json!({ "GroupId": 4001, "Title": "x", "Content": "y" })).await,
        (401, Value::Null)
    );
    // Its REST role still works: the two APIs check different things.
    assert_eq!(run.get(&no_profile, "/api/community/communitythreads").await.0, 200);
}

#[tokio::test]
async fn a_browser_page_on_another_loopback_port_may_send_x_use_timezone() {
    let run = Running::start().await;
    let preflight = run
        .http
        .request(reqwest::Method::OPTIONS, run.url(&format!("{BOARD}/threads")))
        .header("Origin", "http://localhost:5173")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization,content-type,x-use-timezone")
        .send()
        .await
        .unwrap();
    assert!(preflight.status().is_success());
    let allowed = preflight.headers()["access-control-allow-headers"].to_str().unwrap().to_lowercase();
    assert!(allowed.contains("x-use-timezone") && allowed.contains("authorization"), "{allowed}");
    assert_eq!(preflight.headers()["access-control-allow-origin"], "http://localhost:5173");
    let delete = run
        .http
        .request(reqwest::Method::OPTIONS, run.url(&format!("{BOARD}/threads/10062")))
        .header("Origin", "http://localhost:5173")
        .header("Access-Control-Request-Method", "DELETE")
        .send()
        .await
        .unwrap();
    assert!(delete.headers()["access-control-allow-methods"].to_str().unwrap().contains("DELETE"));
}

/// The members' directory (`/api/public/coworkers/published`), how members find people to
/// mention: customers only, the business's members by name, `query` in name or company, paged.
#[tokio::test]
async fn the_directory_lists_published_members_for_customers_only() {
    let run = Running::start().await;
    let member = run.sign_in(MEMBER).await;
    let path = "/api/public/coworkers/published";
    let (status, all) = run.get(&member, path).await;
    assert_eq!(status, 200, "{all}");
    let names: Vec<&str> = all["Records"].as_array().unwrap().iter().map(|p| p["FullName"].as_str().unwrap()).collect();
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(names, sorted, "by name");
    assert!(names.contains(&"Priya Natarajan"));
    assert_eq!(all["TotalItems"].as_i64().unwrap() as usize, names.len());
    let (_, found) = run.get(&member, &format!("{path}?query=PRIYA")).await;
    assert_eq!(found["TotalItems"], 1);
    let priya = &found["Records"][0];
    assert_eq!((priya["FullName"].as_str(), priya["GuessedFirstName"].as_str()), (Some("Priya Natarajan"), Some("Priya")));
    assert!(priya["Id"].as_i64().is_some() && priya.get("Email").is_none(), "a profile, without the address");
    let (_, paged) = run.get(&member, &format!("{path}?page=2&size=2")).await;
    assert_eq!((paged["CurrentPage"].as_i64(), paged["Records"].as_array().unwrap().len()), (Some(2), 2));
    assert_eq!(run.get(&member, &format!("{path}?size=0")).await.0, 400, "a bad size names itself");
    assert_eq!(run.get("not-a-token", path).await.0, 401, "no token, no directory");
}
