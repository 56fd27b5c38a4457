//! POST, PUT and DELETE on the community entities, over real HTTP.

mod common;

use common::{error_properties, Running, ADMIN, MANAGER, MEMBER, PRIYA, READER};
use serde_json::{json, Value};

const THREADS: &str = "/api/community/communitythreads";
const MESSAGES: &str = "/api/community/communitymessages";

/// The community manager: staff with every community REST role.
async fn manager(run: &Running) -> String {
    run.sign_in(MANAGER).await
}

async fn create_thread(run: &Running, token: &str, body: &Value) -> i64 {
    let (status, envelope) = run.post(token, THREADS, body).await;
    assert_eq!(status, 200, "{envelope}");
    envelope["Value"]["Id"].as_i64().unwrap()
}

#[tokio::test]
async fn create_answers_the_action_envelope_and_fills_server_fields() {
    let run = Running::start().await;
    let token = manager(&run).await;
    let (status, envelope) = run.post(&token, THREADS, &Running::new_thread("Hello board")).await;
    assert_eq!(status, 200);
    assert_eq!(envelope["Message"], "CommunityThread was successfully created.");
    assert_eq!((envelope["WasSuccessful"].as_bool(), envelope["Status"].as_i64()), (Some(true), Some(200)));
    assert_eq!(envelope["Errors"], Value::Null);
    assert_eq!(envelope["UpdatedBy"], "manager@example.com");
    let id = envelope["Value"]["Id"].as_i64().unwrap();

    let (_, record) = run.get(&token, &format!("{THREADS}/{id}")).await;
    assert_eq!(record["Subject"], "Hello board");
    assert_eq!(record["CoworkerId"], 3011, "the author's customer profile is filled in");
    assert_eq!(record["UniqueId"].as_str().unwrap().len(), 36);
    assert!(record["CreatedOn"].as_str().unwrap().ends_with('Z'));
    assert_eq!(record["LastMessageDate"], record["CreatedOn"], "a new thread is fresh activity");
    assert_eq!(record["UpdatedBy"], "manager@example.com");
    assert_eq!(record["Guests"], json!([]));
    // Read-only fields in a body are ignored, not stored.
    let mut body = Running::new_thread("Sneaky");
    body["Id"] = json!(1);
    body["CreatedOn"] = json!("2000-01-01T00:00:00Z");
    let other = create_thread(&run, &token, &body).await;
    assert_ne!(other, 1);
}

#[tokio::test]
async fn validation_lists_every_missing_required_field() {
    let run = Running::start().await;
    let token = manager(&run).await;
    let (status, body) = run.post(&token, THREADS, &json!({ "Subject": "  ", "Private": "perhaps" })).await;
    assert_eq!(status, 400);
    assert_eq!(body["WasSuccessful"], false);
    assert_eq!(body["Value"], Value::Null);
    assert_eq!(error_properties(&body), vec!["BusinessId", "Message", "Private", "Subject", "UserId"]);
    let message = body["Message"].as_str().unwrap();
    assert!(message.contains("Subject: may not be null or empty"), "{message}");
    let subject = body["Errors"].as_array().unwrap().iter().find(|e| e["PropertyName"] == "Subject").unwrap();
    assert_eq!(subject["AttemptedValue"], "  ");

    for bad in ["not json", "[1,2]", ""] {
        let response = run.http.post(run.url(THREADS)).bearer_auth(&token).header("Content-Type", "application/json").body(bad).send().await.unwrap();
        let (status, body) = common::read(response).await;
        assert_eq!(status, 400, "{bad:?}");
        assert_eq!(body["WasSuccessful"], false, "{bad:?}");
    }
    let mut unknown_group = Running::new_thread("x");
    unknown_group["CommunityGroupId"] = json!(999);
    let (status, body) = run.post(&token, THREADS, &unknown_group).await;
    assert_eq!((status, error_properties(&body)), (400, vec!["CommunityGroupId".to_owned()]));
}

#[tokio::test]
async fn staff_post_as_themselves_in_any_group_and_members_and_the_reader_not_at_all() {
    let run = Running::start().await;
    let token = manager(&run).await;
    let mut as_someone_else = Running::new_thread("x");
    as_someone_else["UserId"] = json!(2003);
    assert_eq!(error_properties(&run.post(&token, THREADS, &as_someone_else).await.1), vec!["UserId"]);
    // Group rules are the members' (the Public API's): staff post in Restricted 4003 and
    // Private 4006 although they are members of neither.
    for group in [4003, 4006] {
        let mut body = Running::new_thread("x");
        body["CommunityGroupId"] = json!(group);
        assert_eq!(run.post(&token, THREADS, &body).await.0, 200, "group {group}");
    }
    let (status, _) = run.post(&token, MESSAGES, &json!({ "CommunityThreadId": 10051, "UserId": 2011, "Message": "staff reply" })).await;
    assert_eq!(status, 200, "a reply in a private thread the manager is no guest of");
    // The administrator may post for someone else.
    let admin = run.sign_in(ADMIN).await;
    assert_eq!(run.post(&admin, THREADS, &as_someone_else).await.0, 200);
    // The read-only staff account has no Create role, and a member no role at all.
    let reader = run.sign_in(READER).await;
    let mut theirs = Running::new_thread("x");
    theirs["UserId"] = json!(2010);
    assert_eq!(run.post(&reader, THREADS, &theirs).await, (401, Value::Null));
    let member = run.sign_in(MEMBER).await;
    let mut own = Running::new_thread("x");
    own["UserId"] = json!(2002);
    assert_eq!(run.post(&member, THREADS, &own).await, (401, Value::Null));
    assert_eq!(run.post(&member, MESSAGES, &json!({ "CommunityThreadId": 10062, "UserId": 2002, "Message": "x" })).await, (401, Value::Null));
    assert_eq!(run.delete(&member, &format!("{THREADS}/10062")).await, (401, Value::Null));
}

#[tokio::test]
async fn put_replaces_the_whole_record() {
    let run = Running::start().await;
    let token = manager(&run).await;
    let mut body = Running::new_thread("Original");
    body["Private"] = json!(true);
    body["Guests"] = json!([2003, 2004]);
    body["SystemId"] = json!("ext-1");
    let id = create_thread(&run, &token, &body).await;

    // Only the required fields and Id: every optional field is cleared.
    let (status, envelope) =
        run.put(&token, THREADS, &json!({ "Id": id, "BusinessId": 1001, "UserId": 2011, "Subject": "Renamed", "Message": "New body" })).await;
    assert_eq!(status, 200, "{envelope}");
    assert_eq!(envelope["Message"], "CommunityThread was successfully updated.");
    let (_, record) = run.get(&token, &format!("{THREADS}/{id}")).await;
    assert_eq!(record["Subject"], "Renamed");
    assert_eq!(
        (&record["Tags"], &record["InstantDelivery"], &record["Private"], &record["Guests"], &record["SystemId"], &record["CommunityGroupId"]),
        (&Value::Null, &json!(false), &json!(false), &json!([]), &Value::Null, &Value::Null)
    );

    // A GET, edit, PUT round trip keeps everything; AddedX and RemovedX edit the list.
    let mut record = record;
    record["Guests"] = json!([2003]);
    record["AddedGuests"] = json!([2005, 2006]);
    record["RemovedGuests"] = json!([2003]);
    record["Tags"] = json!("kept");
    assert_eq!(run.put(&token, THREADS, &record).await.0, 200);
    let (_, after) = run.get(&token, &format!("{THREADS}/{id}")).await;
    assert_eq!(after["Guests"], json!([2005, 2006]));
    assert_eq!(after["Tags"], "kept");
    assert_eq!(after["CreatedOn"], record["CreatedOn"]);

    // PUT needs Id, a record that exists, and the Edit role; the author never changes.
    let (status, body) = run.put(&token, THREADS, &json!({ "Subject": "x" })).await;
    assert_eq!((status, error_properties(&body)), (400, vec!["Id".to_owned()]));
    let mut missing = after.clone();
    missing["Id"] = json!(999_999);
    assert_eq!(run.put(&token, THREADS, &missing).await, (404, json!("Not found")));
    let mut hijack = after.clone();
    hijack["Subject"] = json!("mine now");
    for account in [PRIYA, READER] {
        assert_eq!(run.put(&run.sign_in(account).await, THREADS, &hijack).await, (401, Value::Null), "{}", account.0);
    }
    hijack["UserId"] = json!(2001);
    let admin = run.sign_in(ADMIN).await;
    assert_eq!(error_properties(&run.put(&admin, THREADS, &hijack).await.1), vec!["UserId"]);
    let mut bad_guest = after;
    bad_guest["Guests"] = json!([424242]);
    assert_eq!(error_properties(&run.put(&token, THREADS, &bad_guest).await.1), vec!["Guests"]);
}

#[tokio::test]
async fn replies_bump_the_thread_and_delete_cascades() {
    let run = Running::start().await;
    let token = manager(&run).await;
    let id = create_thread(&run, &token, &Running::new_thread("Doomed")).await;
    let (_, before) = run.get(&token, &format!("{THREADS}/{id}")).await;
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let (status, reply) = run.post(&token, MESSAGES, &json!({ "CommunityThreadId": id, "UserId": 2011, "Message": "First!" })).await;
    assert_eq!(status, 200, "{reply}");
    let reply_id = reply["Value"]["Id"].as_i64().unwrap();
    let (_, after) = run.get(&token, &format!("{THREADS}/{id}")).await;
    assert!(after["LastMessageDate"].as_str() > before["LastMessageDate"].as_str(), "a reply is new activity");
    let (_, replies) = run.get(&token, &format!("{MESSAGES}?CommunityMessage_CommunityThread={id}")).await;
    assert_eq!(replies["TotalItems"], 1);
    for (path, body) in [
        ("/api/community/communitythreadlikes", json!({ "ThreadId": id, "UserId": 2011 })),
        ("/api/community/communitythreadfollows", json!({ "ThreadId": id, "UserId": 2011 })),
        ("/api/community/communitythreadmutes", json!({ "ThreadId": id, "UserId": 2011 })),
    ] {
        assert_eq!(run.post(&token, path, &body).await.0, 200, "{path}");
        let (status, dup) = run.post(&token, path, &body).await;
        assert_eq!((status, error_properties(&dup)), (400, vec!["ThreadId".to_owned()]), "one {path} per user and thread");
    }

    let (status, envelope) = run.delete(&token, &format!("{THREADS}/{id}")).await;
    assert_eq!(status, 200);
    assert_eq!((envelope["WasSuccessful"].as_bool(), &envelope["Value"]), (Some(true), &Value::Null));
    assert_eq!(run.get(&token, &format!("{THREADS}/{id}")).await.0, 404);
    assert_eq!(run.get(&token, &format!("{MESSAGES}/{reply_id}")).await.0, 404);
    for path in ["communitythreadlikes", "communitythreadfollows", "communitythreadmutes"] {
        let prefix = match path {
            "communitythreadlikes" => "CommunityThreadLike",
            "communitythreadfollows" => "CommunityThreadFollow",
            _ => "CommunityThreadMute",
        };
        let admin = run.sign_in(ADMIN).await;
        let (_, list) = run.get(&admin, &format!("/api/community/{path}?{prefix}_Thread={id}")).await;
        assert_eq!(list["TotalItems"], 0, "{path} went with the thread");
    }
    assert_eq!(run.delete(&token, &format!("{THREADS}/{id}")).await, (404, json!("Not found")));
}

#[tokio::test]
async fn the_manager_lists_edits_and_deletes_a_members_thread_and_reply() {
    let run = Running::start().await;
    let token = manager(&run).await;
    // Priya, a member, posts through the Public API (she holds no REST role).
    let priya = run.sign_in(PRIYA).await;
    let portal = "/api/public/community/board/threads";
    let (status, created) = run.post(&priya, portal, &json!({ "GroupId": 4001, "Title": "Priya's question", "Content": "Anyone?" })).await;
    assert_eq!(status, 200, "{created}");
    let thread = created["Value"]["Id"].as_i64().unwrap();
    let (_, reply) = run.post(&priya, &format!("{portal}/{thread}/messages"), &json!({ "Content": "Bump" })).await;
    let reply_id = reply["Value"]["Id"].as_i64().unwrap();

    // The manager finds them over REST...
    let (_, hers) = run.get(&token, &format!("{THREADS}?CommunityThread_User=2003&CommunityThread_Subject=question")).await;
    assert_eq!(hers["Records"][0]["Id"], thread);
    let (_, replies) = run.get(&token, &format!("{MESSAGES}?CommunityMessage_CommunityThread={thread}")).await;
    assert_eq!(replies["Records"][0]["UserId"], 2003);
    // ...edits both (the author stays Priya; the editor is recorded)...
    let (_, mut record) = run.get(&token, &format!("{THREADS}/{thread}")).await;
    record["Subject"] = json!("Priya's question (moved to FAQ)");
    assert_eq!(run.put(&token, THREADS, &record).await.0, 200);
    let (_, edited) = run.get(&token, &format!("{THREADS}/{thread}")).await;
    assert_eq!(
        (&edited["Subject"], &edited["UserId"], &edited["UpdatedBy"]),
        (&json!("Priya's question (moved to FAQ)"), &json!(2003), &json!("manager@example.com"))
    );
    let (_, mut message) = run.get(&token, &format!("{MESSAGES}/{reply_id}")).await;
    message["Message"] = json!("[removed by a moderator]");
    assert_eq!(run.put(&token, MESSAGES, &message).await.0, 200);
    let (_, seen) = run.get(&priya, &format!("{portal}/{thread}/messages")).await;
    assert_eq!(seen["Records"][0]["Message"], "[removed by a moderator]", "the member sees the moderated text");
    // ...and deletes them, as she may any member's posts (a seeded one by another member too).
    assert_eq!(run.delete(&token, &format!("{MESSAGES}/{reply_id}")).await.0, 200);
    assert_eq!(run.delete(&token, &format!("{THREADS}/{thread}")).await.0, 200);
    assert_eq!(run.get(&priya, &format!("{portal}/{thread}")).await, (404, json!("Not found")));
    let (_, seeded) = run.get(&token, &format!("{THREADS}/10002")).await;
    assert_ne!(seeded["UserId"], 2011);
    assert_eq!(run.delete(&token, &format!("{THREADS}/10002")).await.0, 200);
    // The read-only staff account may do none of it.
    let reader = run.sign_in(READER).await;
    assert_eq!(run.put(&reader, THREADS, &seeded).await, (401, Value::Null));
    assert_eq!(run.delete(&reader, &format!("{THREADS}/10003")).await, (401, Value::Null));
    assert_eq!(run.delete(&reader, &format!("{MESSAGES}/50001")).await, (401, Value::Null));
}

#[tokio::test]
async fn zoom_invite_without_data_gets_a_generated_meeting() {
    let run = Running::start().await;
    let token = manager(&run).await;
    let mut body = Running::new_thread("Standup");
    body["IncludeZoomInvite"] = json!(true);
    let id = create_thread(&run, &token, &body).await;
    let (_, record) = run.get(&token, &format!("{THREADS}/{id}")).await;
    let zoom: Value = serde_json::from_str(record["ZoomEventData"].as_str().unwrap()).unwrap();
    assert!(zoom["join_url"].as_str().unwrap().starts_with("https://zoom.us/j/"));
    // Data the client sends is kept as it is.
    body["ZoomEventData"] = json!(r#"{"id":"1","join_url":"https://zoom.us/j/1"}"#);
    let id = create_thread(&run, &token, &body).await;
    let (_, record) = run.get(&token, &format!("{THREADS}/{id}")).await;
    assert_eq!(record["ZoomEventData"], body["ZoomEventData"]);
}

#[tokio::test]
async fn groups_show_members_in_gets_and_batches_only() {
    let run = Running::start().await;
    let token = manager(&run).await;
    let (_, list) = run.get(&token, "/api/community/communitygroups").await;
    let names: Vec<&str> = list["Records"].as_array().unwrap().iter().map(|g| g["Name"].as_str().unwrap()).collect();
    assert!(names.contains(&"Makers Lab") && names.contains(&"Board of Directors"), "staff see Private groups: {names:?}");
    assert!(list["Records"][0].get("Members").is_none());
    assert_eq!(list["Records"][0]["BusinessName"], "Harbour Works Coworking");
    let (_, batch) = run.get(&token, "/api/community/communitygroups/?id=[4004,4005]").await;
    assert_eq!(batch[0]["Members"], json!([3002, 3003, 3005]));
    let (_, one) = run.get(&token, "/api/community/communitygroups/4005").await;
    assert_eq!(one["Members"], json!([3002, 3004, 3006]));
    // The read-only account may not create groups; the manager may, and validation applies.
    let group = json!({ "BusinessId": 1001, "UserId": 2001, "Name": "Runners", "GroupAccess": 2, "Members": [3002] });
    assert_eq!(run.post(&run.sign_in(READER).await, "/api/community/communitygroups", &group).await.0, 401);
    assert_eq!(run.post(&token, "/api/community/communitygroups", &group).await.0, 200);
    let admin = run.sign_in(ADMIN).await;
    let mut bad = group.clone();
    bad["GroupAccess"] = json!(7);
    assert_eq!(error_properties(&run.post(&admin, "/api/community/communitygroups", &bad).await.1), vec!["GroupAccess"]);
}

#[tokio::test]
async fn commands_runcommand_and_no_patch() {
    let run = Running::start().await;
    let token = manager(&run).await;
    assert_eq!(run.get(&token, &format!("{THREADS}/commands")).await, (200, json!([])));
    let (status, body) = run.post(&token, &format!("{THREADS}/runcommand"), &json!({ "Key": "NOPE", "Ids": [10001] })).await;
    assert_eq!(status, 200, "runcommand answers 200 even when it fails");
    assert_eq!(body["WasSuccessful"], false);
    let response = run.http.patch(run.url(THREADS)).bearer_auth(&token).json(&json!({})).send().await.unwrap();
    assert_eq!(response.status(), 405);
}

#[tokio::test]
async fn people_and_places_read_only() {
    let run = Running::start().await;
    let token = manager(&run).await;
    let (_, coworkers) = run.get(&token, "/api/spaces/coworkers?Coworker_User=2004").await;
    assert_eq!(coworkers["Records"][0]["FullName"], "Tomás García");
    assert_eq!(coworkers["Records"][0]["Id"], 3004);
    let (_, business) = run.get(&token, "/api/sys/businesses/1001").await;
    assert_eq!(business["WebAddress"], "harbourworks.spaces.nexudus.com");
    let (_, users) = run.get(&token, "/api/sys/users?User_FullName=rivera").await;
    assert_eq!(users["TotalItems"], 1);
    assert_eq!(run.post(&token, "/api/sys/users", &json!({})).await.0, 405);
    let avatar = run.http.get(run.url("/media/coworker/3004/avatar")).send().await.unwrap();
    assert_eq!(avatar.status(), 200);
    assert_eq!(avatar.headers()["content-type"], "image/svg+xml");
    assert!(avatar.text().await.unwrap().contains(">TG<"));
    assert_eq!(run.http.get(run.url("/media/coworker/1/avatar")).send().await.unwrap().status(), 404);
}

/// Likes on replies over REST (`communitymessagelikes`): one per user and reply, listed by
/// the reply's thread in one request, counted the same by the Public API, gone with the reply.
#[tokio::test]
async fn reply_likes_are_records_listed_by_thread_and_shared_with_the_portal() {
    let run = Running::start().await;
    let token = manager(&run).await;
    let priya = run.sign_in(PRIYA).await;
    let portal = "/api/public/community/board/threads";
    let (_, created) = run.post(&priya, portal, &json!({ "GroupId": 4001, "Title": "Likes on replies", "Content": "Go" })).await;
    let thread = created["Value"]["Id"].as_i64().unwrap();
    let (_, reply) = run.post(&priya, &format!("{portal}/{thread}/messages"), &json!({ "Content": "Like me" })).await;
    let reply_id = reply["Value"]["Id"].as_i64().unwrap();

    let likes = "/api/community/communitymessagelikes";
    let body = json!({ "MessageId": reply_id, "UserId": 2011 });
    let (status, envelope) = run.post(&token, likes, &body).await;
    assert_eq!((status, envelope["Message"].as_str()), (200, Some("CommunityMessageLike was successfully created.")));
    let like_id = envelope["Value"]["Id"].as_i64().unwrap();
    let (status, dup) = run.post(&token, likes, &body).await;
    assert_eq!((status, error_properties(&dup)), (400, vec!["MessageId".to_owned()]), "one like per user and reply");
    let (status, missing) = run.post(&token, likes, &json!({ "MessageId": 999_999_999, "UserId": 2011 })).await;
    assert_eq!((status, error_properties(&missing)), (400, vec!["MessageId".to_owned()]), "the reply must exist");

    // One request finds the likes of every reply of the thread, and only those.
    let (_, listed) = run.get(&token, &format!("{likes}?CommunityMessageLike_Message_CommunityThread={thread}&size=1000")).await;
    assert_eq!(listed["TotalItems"], 1);
    assert_eq!((listed["Records"][0]["MessageId"].as_i64(), listed["Records"][0]["UserId"].as_i64()), (Some(reply_id), Some(2011)));
    assert!(listed["Records"][0].get("MessageCommunityThreadId").is_none(), "a filter, not a property of the record");
    let (_, other) = run.get(&token, &format!("{likes}?CommunityMessageLike_Message_CommunityThread=10001")).await;
    assert!(other["Records"].as_array().unwrap().iter().all(|l| l["MessageId"] != reply_id));

    // The Public API counts the same like, and its toggle adds Priya's.
    let (_, replies) = run.get(&priya, &format!("{portal}/{thread}/messages")).await;
    assert_eq!(replies["Records"][0]["LikeCount"], 1);
    let (_, toggled) = run.post(&priya, &format!("/api/public/community/board/{thread}/messages/{reply_id}/like"), &json!({})).await;
    assert_eq!(toggled["Value"], true);
    let (_, listed) = run.get(&token, &format!("{likes}?CommunityMessageLike_Message={reply_id}")).await;
    assert_eq!(listed["TotalItems"], 2);

    // A member holds no REST role for it.
    assert_eq!(run.get(&priya, likes).await.0, 401);
    assert_eq!(run.delete(&token, &format!("{likes}/{like_id}")).await.0, 200);
    assert_eq!(run.delete(&token, &format!("{MESSAGES}/{reply_id}")).await.0, 200);
    let (_, listed) = run.get(&token, &format!("{likes}?CommunityMessageLike_Message={reply_id}")).await;
    assert_eq!(listed["TotalItems"], 0, "likes go with their reply");
}

/// "Mentioned users auto-follow": a guest added to a thread (on create, by `Guests` or
/// `AddedGuests` on PUT) follows it; one already following keeps their one follow.
#[tokio::test]
async fn new_guests_follow_the_thread() {
    let run = Running::start().await;
    let token = manager(&run).await;
    let id = create_thread(
        &run,
        &token,
        &json!({ "BusinessId": 1001, "UserId": 2011, "Subject": "Mentions", "Message": "@Priya", "Private": true, "Guests": [2003] }),
    )
    .await;
    let follows = |user: i64| format!("/api/community/communitythreadfollows?CommunityThreadFollow_Thread={id}&CommunityThreadFollow_User={user}");
    assert_eq!(run.get(&token, &follows(2003)).await.1["TotalItems"], 1, "the guest follows");
    assert_eq!(run.get(&token, &follows(2004)).await.1["TotalItems"], 0);
    let (_, mut record) = run.get(&token, &format!("{THREADS}/{id}")).await;
    record["AddedGuests"] = json!([2004, 2003]);
    assert_eq!(run.put(&token, THREADS, &record).await.0, 200);
    assert_eq!(run.get(&token, &follows(2004)).await.1["TotalItems"], 1, "an added guest follows");
    assert_eq!(run.get(&token, &follows(2003)).await.1["TotalItems"], 1, "still one follow");
}
