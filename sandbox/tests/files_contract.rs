//! `CommunityThreadFile` over real HTTP: the file goes up as `NewFileDataUrl`, is never sent
//! back in a record, is served with headers that keep it inert, and is refused with the
//! documented 400 shape when it is not a data URL, of a type that could run, or too large.

mod common;

use base64::Engine;
use common::{error_properties, Running, MANAGER, MEMBER, READER};
use serde_json::{json, Value};

const FILES: &str = "/api/community/communitythreadfiles";
const THREADS: &str = "/api/community/communitythreads";

fn data_url(kind: &str, bytes: &[u8]) -> String {
    format!("data:{kind};base64,{}", base64::engine::general_purpose::STANDARD.encode(bytes))
}

async fn new_thread(run: &Running, token: &str) -> i64 {
    let (status, envelope) = run.post(token, THREADS, &Running::new_thread("With a file")).await;
    assert_eq!(status, 200, "{envelope}");
    envelope["Value"]["Id"].as_i64().unwrap()
}

/// GET of a file's bytes: status, headers and body.
async fn content(run: &Running, token: &str, id: i64) -> (u16, reqwest::header::HeaderMap, Vec<u8>) {
    let response = run.http.get(run.url(&format!("{FILES}/{id}/file"))).bearer_auth(token).send().await.unwrap();
    let (status, headers) = (response.status().as_u16(), response.headers().clone());
    (status, headers, response.bytes().await.unwrap().to_vec())
}

#[tokio::test]
async fn a_file_goes_up_as_a_data_url_and_comes_back_inert() {
    let run = Running::start().await;
    let token = run.sign_in(MANAGER).await;
    let thread = new_thread(&run, &token).await;
    let picture = b"\x89PNG\r\n\x1a\n picture bytes".to_vec();
    let body = json!({ "CommunityThreadId": thread, "Name": "Floor plan (v2).png", "Description": "Desks by the windows",
                       "NewFileDataUrl": data_url("image/png", &picture) });
    let (status, envelope) = run.post(&token, FILES, &body).await;
    assert_eq!(status, 200, "{envelope}");
    assert_eq!(envelope["Message"], "CommunityThreadFile was successfully created.");
    let id = envelope["Value"]["Id"].as_i64().unwrap();

    // The record: its name, description and stored file name; never the data URL.
    let (_, record) = run.get(&token, &format!("{FILES}/{id}")).await;
    assert_eq!(record["CommunityThreadId"], thread);
    assert_eq!((record["Name"].clone(), record["Description"].clone()), (json!("Floor plan (v2).png"), json!("Desks by the windows")));
    assert_eq!(record["FileDataFileName"], "Floor-plan--v2.png");
    assert!(record.get("NewFileDataUrl").is_none(), "write-only: {record}");
    let (_, listed) = run.get(&token, &format!("{FILES}?CommunityThreadFile_CommunityThread={thread}")).await;
    assert_eq!(listed["TotalItems"], 1);

    // The bytes: a picture is shown inline, never sniffed, and runs nothing if opened.
    let (status, headers, bytes) = content(&run, &token, id).await;
    assert_eq!((status, bytes), (200, picture));
    assert_eq!(headers["content-type"], "image/png");
    assert_eq!(headers["content-disposition"], "inline");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert!(headers["content-security-policy"].to_str().unwrap().contains("sandbox"));

    // A document downloads under its stored name.
    let body = json!({ "CommunityThreadId": thread, "Name": "rules.pdf", "NewFileDataUrl": data_url("application/pdf", b"%PDF-1.4") });
    let (_, envelope) = run.post(&token, FILES, &body).await;
    let pdf = envelope["Value"]["Id"].as_i64().unwrap();
    let (_, headers, _) = content(&run, &token, pdf).await;
    assert_eq!(headers["content-disposition"], "attachment; filename=\"rules.pdf\"");

    // A PUT without a new file keeps the file; ClearFileDataFile removes it.
    let mut record = record.clone();
    record["Description"] = json!("Updated");
    let (status, _) = run.put(&token, FILES, &record).await;
    assert_eq!(status, 200);
    assert_eq!(content(&run, &token, id).await.0, 200, "the file is still there");
    record["ClearFileDataFile"] = json!(true);
    run.put(&token, FILES, &record).await;
    assert_eq!(content(&run, &token, id).await.0, 404);
    let (_, cleared) = run.get(&token, &format!("{FILES}/{id}")).await;
    assert_eq!(cleared["FileDataFileName"], Value::Null);

    // Files go with their thread.
    run.delete(&token, &format!("{THREADS}/{thread}")).await;
    assert_eq!(run.get(&token, &format!("{FILES}/{pdf}")).await.0, 404);
    assert_eq!(content(&run, &token, pdf).await.0, 404);
}

#[tokio::test]
async fn bad_files_get_the_documented_400_beside_new_file_data_url() {
    let run = Running::start().await;
    let token = run.sign_in(MANAGER).await;
    let thread = new_thread(&run, &token).await;
    let huge = vec![b'a'; 5 * 1024 * 1024 + 1];
    let cases = [
        (data_url("text/html", b"<script>alert(1)</script>"), "cannot be attached"),
        (data_url("image/svg+xml", b"<svg onload=alert(1)>"), "cannot be attached"),
        ("https://example.com/a.png".to_owned(), "must be a data URL"),
        ("data:image/png;base64,@@@".to_owned(), "must be a data URL"),
        (data_url("text/plain", &huge), "largest accepted"),
    ];
    for (url, says) in cases {
        let (status, body) = run.post(&token, FILES, &json!({ "CommunityThreadId": thread, "Name": "x", "NewFileDataUrl": url })).await;
        assert_eq!(status, 400, "{}", &url[..url.len().min(40)]);
        assert_eq!(error_properties(&body), vec!["NewFileDataUrl"]);
        let message = body["Errors"][0]["Message"].as_str().unwrap();
        assert!(message.contains(says), "{message}");
        assert!(body["Errors"][0]["AttemptedValue"].as_str().unwrap().chars().count() <= 49, "a refused file is not sent back whole");
    }
    // Nothing half-stored.
    let (_, listed) = run.get(&token, &format!("{FILES}?CommunityThreadFile_CommunityThread={thread}")).await;
    assert_eq!(listed["TotalItems"], 0);
    // The thread must exist.
    let (status, body) = run.post(&token, FILES, &json!({ "CommunityThreadId": 999_999, "NewFileDataUrl": data_url("text/plain", b"x") })).await;
    assert_eq!((status, error_properties(&body)), (400, vec!["CommunityThreadId".to_owned()]));
}

#[tokio::test]
async fn files_need_their_roles_as_every_rest_record_does() {
    let run = Running::start().await;
    let manager = run.sign_in(MANAGER).await;
    let thread = new_thread(&run, &manager).await;
    let (_, envelope) = run.post(&manager, FILES, &json!({ "CommunityThreadId": thread, "NewFileDataUrl": data_url("text/plain", b"hi") })).await;
    let id = envelope["Value"]["Id"].as_i64().unwrap();
    // A member holds no REST role: 401 for the list, the record and the bytes alike.
    let member = run.sign_in(MEMBER).await;
    assert_eq!(run.get(&member, FILES).await.0, 401);
    assert_eq!(content(&run, &member, id).await.0, 401);
    assert_eq!(run.post(&member, FILES, &json!({ "CommunityThreadId": thread })).await.0, 401);
    // A reader may read but not attach.
    let reader = run.sign_in(READER).await;
    assert_eq!(content(&run, &reader, id).await.0, 200);
    assert_eq!(run.post(&reader, FILES, &json!({ "CommunityThreadId": thread })).await.0, 401);
}
