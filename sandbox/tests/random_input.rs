//! Random query strings and bodies, on REST and on the Public API board: the sandbox answers
//! each with a 2xx or 4xx, never a 5xx, and stays up.

mod common;

use common::Running;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

const PATHS: [&str; 12] = [
    "/api/community/communitythreads",
    "/api/community/communitymessages",
    "/api/community/communitygroups",
    "/api/community/communitythreadlikes",
    "/api/sys/users",
    "/api/spaces/coworkers",
    "/api/public/community/board/threads",
    "/api/public/community/board/threads/10062/messages",
    "/api/public/community/board/threads/10059",
    "/api/public/community/board/threads/10062/like",
    "/api/public/community/board/10062/messages/50001/like",
    "/api/public/community/board/groups",
];

fn query_part() -> impl Strategy<Value = String> {
    let keys = prop::sample::select(vec![
        "page",
        "size",
        "orderBy",
        "orderby",
        "dir",
        "id",
        "Id",
        "UniqueId",
        "CommunityThread_Subject",
        "CommunityThread_CommunityGroup",
        "CommunityThread_Private",
        "from_CommunityThread_CreatedOn",
        "to_CommunityThread_LastMessageDate",
        "CommunityMessage_CommunityThread",
        "User_FullName",
        "from_Id",
        "zz",
        "groupId",
        "inbox",
        "query",
        "tag",
        "_shape",
    ]);
    let values = prop_oneof![
        "-?[0-9]{0,20}",
        "\\[[0-9,\\- ]{0,12}\\]?",
        "(true|false|Ascending|Descending|-1|0|1)",
        "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}",
        "\\PC{0,12}",
        "%[0-9A-Fa-f]{0,2}",
    ];
    (keys, values).prop_map(|(k, v)| format!("{k}={v}"))
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(serde_json::Value::from),
        "\\PC{0,16}".prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(2, 8, 4, |inner| prop::collection::vec(inner, 0..4).prop_map(serde_json::Value::from))
}

fn body() -> impl Strategy<Value = serde_json::Value> {
    let keys = prop::sample::select(vec![
        "Id",
        "BusinessId",
        "UserId",
        "CoworkerId",
        "CommunityGroupId",
        "Subject",
        "Message",
        "Tags",
        "Private",
        "Guests",
        "AddedGuests",
        "RemovedGuests",
        "IncludeZoomInvite",
        "ZoomEventData",
        "CommunityThreadId",
        "ThreadId",
        "Name",
        "GroupAccess",
        "Members",
        "InstantDelivery",
        "SystemId",
        "subject",
        "GroupId",
        "Title",
        "Content",
        "title",
    ]);
    prop::collection::vec((keys, json_value()), 0..10)
        .prop_map(|pairs| serde_json::Value::Object(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()))
}

#[test]
fn random_requests_never_get_a_server_error() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let run = runtime.block_on(Running::start());
    let tokens = [common::ADMIN, common::MANAGER, common::MEMBER].map(|account| runtime.block_on(run.sign_in(account)));
    let mut runner = TestRunner::new(Config { cases: 300, failure_persistence: None, ..Config::default() });
    let strategy = (prop::sample::select(PATHS.to_vec()), prop::collection::vec(query_part(), 0..5), body(), 0..4u8, 0..3usize);
    runner
        .run(&strategy, |(path, query, body, verb, who)| {
            let token = &tokens[who];
            let url = format!("{}?{}", run.url(path), query.join("&"));
            let (status, answer) = runtime.block_on(async {
                let request = match verb {
                    0 => run.http.get(&url),
                    1 => run.http.post(run.url(path)).json(&body),
                    2 => run.http.put(run.url(path)).json(&body),
                    _ => run.http.delete(format!("{}/{}", run.url(path), body.get("Id").map(|v| v.to_string()).unwrap_or_default())),
                };
                common::read(request.bearer_auth(token).send().await.unwrap()).await
            });
            prop_assert!(status < 500, "{verb} {url} {body} -> {status} {answer}");
            Ok(())
        })
        .unwrap();
    // Still serving after all of that.
    assert_eq!(runtime.block_on(run.get(&tokens[1], "/api/community/communitythreads")).0, 200);
    assert_eq!(runtime.block_on(run.get(&tokens[2], "/api/public/community/board/threads")).0, 200);
}
