//! `GET /api/community/communitythreads` and friends, over real HTTP.

mod common;

use board_sandbox::seed::{FIRST_THREAD_ID, THREAD_COUNT};
use common::{Running, MANAGER, MEMBER};
use serde_json::Value;

const ENVELOPE_KEYS: [&str; 13] = [
    "Records",
    "CurrentPageSize",
    "CurrentPage",
    "CurrentOrderField",
    "CurrentSortDirection",
    "FirstItem",
    "LastItem",
    "HasNextPage",
    "HasPreviousPage",
    "PageNumber",
    "PageSize",
    "TotalItems",
    "TotalPages",
];

fn ids(body: &Value) -> Vec<i64> {
    body["Records"].as_array().unwrap().iter().map(|r| r["Id"].as_i64().unwrap()).collect()
}

#[tokio::test]
async fn list_has_the_full_envelope_and_default_paging() {
    let run = Running::start().await;
    let admin = run.token_for("admin@example.com", "demo-admin").await;
    let (status, body) = run.get(&admin, "/api/community/communitythreads").await;
    assert_eq!(status, 200);
    let keys: Vec<&str> = body.as_object().unwrap().keys().map(String::as_str).collect();
    for key in ENVELOPE_KEYS {
        assert!(keys.contains(&key), "envelope lacks {key}");
    }
    assert_eq!(body["TotalItems"], THREAD_COUNT, "an administrator sees every thread");
    assert_eq!((body["CurrentPage"].as_i64(), body["CurrentPageSize"].as_i64()), (Some(1), Some(25)));
    assert_eq!((body["FirstItem"].as_i64(), body["LastItem"].as_i64()), (Some(1), Some(25)));
    assert_eq!(body["TotalPages"], 3);
    assert_eq!((body["HasNextPage"].as_bool(), body["HasPreviousPage"].as_bool()), (Some(true), Some(false)));
    assert_eq!(body["CurrentOrderField"], "Id");
    assert_eq!(body["CurrentSortDirection"], 1);
    assert_eq!(ids(&body), (FIRST_THREAD_ID..FIRST_THREAD_ID + 25).collect::<Vec<_>>());
    // Lists carry no collection properties.
    assert!(body["Records"][0].get("Guests").is_none());
    assert!(body["Records"][0].get("Subject").is_some());
}

#[tokio::test]
async fn paging_reaches_the_last_partial_page_and_beyond() {
    let run = Running::start().await;
    let admin = run.token_for("admin@example.com", "demo-admin").await;
    let (_, last) = run.get(&admin, "/api/community/communitythreads?page=3").await;
    assert_eq!(ids(&last).len(), (THREAD_COUNT - 50) as usize);
    assert_eq!((last["FirstItem"].as_i64(), last["LastItem"].as_i64()), (Some(51), Some(THREAD_COUNT)));
    assert_eq!((last["HasNextPage"].as_bool(), last["HasPreviousPage"].as_bool()), (Some(false), Some(true)));
    let (_, beyond) = run.get(&admin, "/api/community/communitythreads?page=9").await;
    assert!(ids(&beyond).is_empty());
    let (_, all) = run.get(&admin, "/api/community/communitythreads?size=5000").await;
    assert_eq!(all["PageSize"], 1000, "size is capped at 1000");
    assert_eq!(ids(&all).len(), THREAD_COUNT as usize);
    for bad in ["page=0", "size=-1", "page=abc"] {
        let (status, body) = run.get(&admin, &format!("/api/community/communitythreads?{bad}")).await;
        assert_eq!(status, 400, "{bad}");
        assert_eq!(body["WasSuccessful"], false);
        assert!(body["Errors"][0]["PropertyName"].is_string());
    }
}

#[tokio::test]
async fn order_by_last_message_date_descending_in_every_documented_form() {
    let run = Running::start().await;
    let admin = run.token_for("admin@example.com", "demo-admin").await;
    for form in ["orderBy=LastMessageDate&dir=-1", "orderby=lastmessagedate&dir=Descending"] {
        let (_, body) = run.get(&admin, &format!("/api/community/communitythreads?{form}&size=1000")).await;
        let dates: Vec<&str> = body["Records"].as_array().unwrap().iter().map(|r| r["LastMessageDate"].as_str().unwrap()).collect();
        let mut sorted = dates.clone();
        sorted.sort_unstable_by(|a, b| b.cmp(a));
        assert_eq!(dates, sorted, "{form}");
        assert_eq!(body["CurrentOrderField"], "LastMessageDate");
        assert_eq!(body["CurrentSortDirection"], -1);
    }
    let (status, _) = run.get(&admin, "/api/community/communitythreads?orderBy=Nonsense").await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn staff_see_every_thread_and_members_get_nothing_from_rest() {
    let run = Running::start().await;
    // REST is the back office: the community manager sees private threads and Private groups
    // she is in no way part of (members' visibility is the Public API's, portal_board_contract.rs).
    let manager = run.sign_in(MANAGER).await;
    let (_, body) = run.get(&manager, "/api/community/communitythreads?size=1000").await;
    let seen = ids(&body);
    assert_eq!(body["TotalItems"], THREAD_COUNT);
    assert!(seen.contains(&(FIRST_THREAD_ID + 50)) && seen.contains(&(FIRST_THREAD_ID + 58)), "private threads");
    let (_, in_board) = run.get(&manager, "/api/community/communitythreads?CommunityThread_CommunityGroup=4006").await;
    assert!(in_board["TotalItems"].as_i64().unwrap() > 0, "threads of the Private group 4006");
    assert_eq!(run.get(&manager, &format!("/api/community/communitythreads/{}", FIRST_THREAD_ID + 50)).await.0, 200);
    let (_, groups) = run.get(&manager, "/api/community/communitygroups").await;
    assert_eq!(groups["TotalItems"], 6, "every group, Private ones too");
    let (_, replies) = run.get(&manager, "/api/community/communitymessages?size=1").await;
    let (_, all_replies) = run.get(&run.sign_in(common::ADMIN).await, "/api/community/communitymessages?size=1").await;
    assert_eq!(replies["TotalItems"], all_replies["TotalItems"], "every reply, as the administrator sees them");

    // An ordinary member holds no REST role: every REST call is an empty 401.
    let member = run.sign_in(MEMBER).await;
    for path in [
        "/api/community/communitythreads".to_owned(),
        format!("/api/community/communitythreads/{FIRST_THREAD_ID}"),
        format!("/api/community/communitythreads/?id=[{FIRST_THREAD_ID}]"),
        "/api/community/communitymessages".to_owned(),
        "/api/community/communitygroups".to_owned(),
        "/api/community/communitythreadlikes".to_owned(),
        "/api/community/communitythreads/commands".to_owned(),
        "/api/sys/users".to_owned(),
        "/api/sys/users/?id=[2002]".to_owned(),
        "/api/spaces/coworkers".to_owned(),
        "/api/sys/businesses/1001".to_owned(),
    ] {
        assert_eq!(run.get(&member, &path).await, (401, Value::Null), "GET {path}");
    }
    // Their own profile and avatars still answer.
    assert_eq!(run.get(&member, "/api/public/coworkers/profiles").await.0, 200);
    assert_eq!(run.http.get(run.url("/media/coworker/3002/avatar")).send().await.unwrap().status(), 200);
}

#[tokio::test]
async fn get_by_id_includes_guests_and_unknown_ids_are_not_found() {
    let run = Running::start().await;
    let manager = run.sign_in(MANAGER).await;
    let (status, body) = run.get(&manager, &format!("/api/community/communitythreads/{}", FIRST_THREAD_ID + 58)).await;
    assert_eq!(status, 200);
    assert_eq!(body["Private"], true);
    assert_eq!(body["Guests"], serde_json::json!([2002, 2004]));
    for missing in ["999999", "abc"] {
        let (status, body) = run.get(&manager, &format!("/api/community/communitythreads/{missing}")).await;
        assert_eq!((status, body), (404, Value::String("Not found".into())));
    }
}

#[tokio::test]
async fn filters_match_text_without_case_and_ids_exactly() {
    let run = Running::start().await;
    let admin = run.token_for("admin@example.com", "demo-admin").await;
    let (_, body) = run.get(&admin, "/api/community/communitythreads?CommunityThread_Subject=LUNCH%20SPOTS").await;
    assert!(ids(&body).len() >= 2);
    for record in body["Records"].as_array().unwrap() {
        assert!(record["Subject"].as_str().unwrap().to_lowercase().contains("lunch spots"));
    }
    let (_, zoom) = run.get(&admin, "/api/community/communitythreads?CommunityThread_IncludeZoomInvite=true").await;
    assert_eq!(ids(&zoom), vec![FIRST_THREAD_ID + 61]);
    let (status, _) = run.get(&admin, "/api/community/communitythreads?CommunityThread_Private=maybe").await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn batch_forms_return_a_bare_array() {
    let run = Running::start().await;
    let manager = run.sign_in(MANAGER).await;
    let (status, body) = run.get(&manager, "/api/sys/users/?id=%5B2003%2C2002%5D").await;
    assert_eq!(status, 200);
    let names: Vec<&str> = body.as_array().unwrap().iter().map(|u| u["FullName"].as_str().unwrap()).collect();
    assert_eq!(names, vec!["Sam Rivera", "Priya Natarajan"]);
    let (_, threads) = run.get(&manager, &format!("/api/community/communitythreads/?id=[{},{}]", FIRST_THREAD_ID, FIRST_THREAD_ID + 1)).await;
    assert_eq!(threads.as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn who_am_i_names_the_member_and_business() {
    let run = Running::start().await;
    let member = run.sign_in(MEMBER).await;
    let (status, body) = run.get(&member, "/api/public/coworkers/profiles").await;
    assert_eq!(status, 200);
    assert_eq!(body["User"]["FullName"], "Sam Rivera");
    assert_eq!(body["DefaultBusiness"]["Id"], 1001);
    assert_eq!(body["Profiles"][0]["IsDefaultProfile"], true);
}

#[tokio::test]
async fn cors_preflight_from_another_loopback_port_allows_authorization() {
    let run = Running::start().await;
    let response = run
        .http
        .request(reqwest::Method::OPTIONS, run.url("/api/community/communitythreads"))
        .header("Origin", "http://127.0.0.1:39999")
        .header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "authorization")
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success());
    let headers = response.headers();
    assert_eq!(headers["access-control-allow-origin"], "http://127.0.0.1:39999");
    assert!(headers["access-control-allow-headers"].to_str().unwrap().to_lowercase().contains("authorization"));
    let foreign = run
        .http
        .request(reqwest::Method::OPTIONS, run.url("/api/community/communitythreads"))
        .header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "GET")
        .send()
        .await
        .unwrap();
    assert!(foreign.headers().get("access-control-allow-origin").is_none());
}

#[tokio::test]
async fn data_survives_a_restart_and_is_not_seeded_twice() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("persist.sqlite");
    let first = board_sandbox::Sandbox::start(board_sandbox::SandboxConfig::for_tests(&db)).await.unwrap();
    assert!(first.seeded);
    let run = Running { sandbox: first, http: reqwest::Client::new(), dir };
    let token = run.sign_in(MANAGER).await;
    let (_, before) = run.get(&token, "/api/community/communitythreads?size=1000").await;
    run.sandbox.stop().await;

    let second = board_sandbox::Sandbox::start(board_sandbox::SandboxConfig::for_tests(&db)).await.unwrap();
    assert!(!second.seeded, "an existing file is kept");
    let run2 = Running { sandbox: second, http: reqwest::Client::new(), dir: tempfile::tempdir().unwrap() };
    // Tokens are data too: the old one still works after the restart.
    let (status, after) = run2.get(&token, "/api/community/communitythreads?size=1000").await;
    assert_eq!(status, 200);
    assert_eq!(before, after);
}

#[tokio::test]
async fn ranges_ids_and_nested_filters() {
    let run = Running::start().await;
    let admin = run.token_for("admin@example.com", "demo-admin").await;
    let (_, all) = run.get(&admin, "/api/community/communitythreads?size=1000").await;
    let records = all["Records"].as_array().unwrap();
    // A range bounded by two seeded creation times, inclusive to the minute.
    let from = &records[10]["CreatedOn"].as_str().unwrap()[..16];
    let to = &records[19]["CreatedOn"].as_str().unwrap()[..16];
    let (_, ranged) = run
        .get(&admin, &format!("/api/community/communitythreads?from_CommunityThread_CreatedOn={from}&to_CommunityThread_CreatedOn={to}&size=1000"))
        .await;
    assert_eq!(ids(&ranged), (FIRST_THREAD_ID + 10..=FIRST_THREAD_ID + 19).collect::<Vec<_>>());
    let unique = records[3]["UniqueId"].as_str().unwrap();
    let (_, by_unique) = run.get(&admin, &format!("/api/community/communitythreads?UniqueId={unique}")).await;
    assert_eq!(ids(&by_unique), vec![FIRST_THREAD_ID + 3]);
    let (_, by_id) = run.get(&admin, &format!("/api/community/communitythreads?Id={}", FIRST_THREAD_ID + 4)).await;
    assert_eq!(ids(&by_id), vec![FIRST_THREAD_ID + 4]);
    let (_, int_range) =
        run.get(&admin, &format!("/api/community/communitythreads?from_Id={}&to_Id={}", FIRST_THREAD_ID + 1, FIRST_THREAD_ID + 2)).await;
    assert_eq!(ids(&int_range), vec![FIRST_THREAD_ID + 1, FIRST_THREAD_ID + 2]);
    let (_, nested) = run.get(&admin, "/api/community/communitygroups?CommunityGroup_Business_Name=harbour").await;
    assert_eq!(nested["TotalItems"], 6);
    let (_, none) = run.get(&admin, "/api/community/communitygroups?CommunityGroup_Business_Name=elsewhere").await;
    assert_eq!(none["TotalItems"], 0);
}

#[tokio::test]
async fn the_learn_convention_reads_dir_1_as_descending() {
    let run = Running::start_with(|c| c.dir_convention = board_sandbox::DirConvention::Learn).await;
    let admin = run.token_for("admin@example.com", "demo-admin").await;
    let (_, desc) = run.get(&admin, "/api/community/communitythreads?dir=1").await;
    assert_eq!(ids(&desc)[0], FIRST_THREAD_ID + THREAD_COUNT - 1);
    assert_eq!(desc["CurrentSortDirection"], 1);
    let (_, asc) = run.get(&admin, "/api/community/communitythreads?dir=0").await;
    assert_eq!(ids(&asc)[0], FIRST_THREAD_ID);
    assert_eq!(asc["CurrentSortDirection"], 0);
}

#[tokio::test]
async fn written_data_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("durable.sqlite");
    let first = board_sandbox::Sandbox::start(board_sandbox::SandboxConfig::for_tests(&db)).await.unwrap();
    let run = Running { sandbox: first, http: reqwest::Client::new(), dir };
    let token = run.sign_in(MANAGER).await;
    let (_, created) = run.post(&token, "/api/community/communitythreads", &Running::new_thread("Still here?")).await;
    let id = created["Value"]["Id"].as_i64().unwrap();
    run.sandbox.stop().await;
    let second = board_sandbox::Sandbox::start(board_sandbox::SandboxConfig::for_tests(&db)).await.unwrap();
    let run2 = Running { sandbox: second, http: reqwest::Client::new(), dir: tempfile::tempdir().unwrap() };
    let (status, record) = run2.get(&token, &format!("/api/community/communitythreads/{id}")).await;
    assert_eq!((status, record["Subject"].as_str()), (200, Some("Still here?")));
    // --reset wipes it and seeds again.
    run2.sandbox.stop().await;
    let mut config = board_sandbox::SandboxConfig::for_tests(&db);
    config.reset = true;
    let third = board_sandbox::Sandbox::start(config).await.unwrap();
    assert!(third.seeded);
    let run3 = Running { sandbox: third, http: reqwest::Client::new(), dir: tempfile::tempdir().unwrap() };
    let fresh = run3.sign_in(MANAGER).await;
    assert_eq!(run3.get(&fresh, &format!("/api/community/communitythreads/{id}")).await.0, 404);
}

#[tokio::test]
async fn the_large_data_set_adds_threads_and_a_busy_thread() {
    let size = board_sandbox::config::LargeSeed { threads: 300, replies: 700 };
    let run = Running::start_with(|c| c.large = Some(size)).await;
    let admin = run.token_for("admin@example.com", "demo-admin").await;
    let (_, threads) = run.get(&admin, "/api/community/communitythreads?size=1").await;
    assert_eq!(threads["TotalItems"], THREAD_COUNT + 300);
    // The newest large thread ("... #300") is the busy one.
    let (_, busiest) = run.get(&admin, "/api/community/communitythreads?CommunityThread_Subject=%23300").await;
    let busiest_id = ids(&busiest)[0];
    let (_, replies) = run.get(&admin, &format!("/api/community/communitymessages?CommunityMessage_CommunityThread={busiest_id}&size=1")).await;
    assert_eq!(replies["TotalItems"], 500);
}
