//! Pictures and files on a new conversation's opening post (REST, staff): picked with the file
//! input, dropped on the composer or pasted into it; refused with the reason beside the field
//! when too large or of the wrong type, the draft untouched; a failed attach after the post
//! keeps the file for another try and does not post the conversation twice. The thread shows
//! a picture inline with its description as alternative text and another file as a link that
//! downloads it. A member on the members' API is told files are not theirs to attach.

use std::path::PathBuf;

use base64::Engine;
use board_e2e::{Journey, Setup, MANAGER};
use board_sandbox::seed::DEMO_MEMBER;
use serde_json::json;

/// A 1×1 PNG.
const PNG_BASE64: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

fn png() -> Vec<u8> {
    base64::engine::general_purpose::STANDARD.decode(PNG_BASE64).unwrap()
}

/// Writes `bytes` as `name` in a folder that lives as long as the returned guard.
fn file_on_disk(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Drops (`drop`) or pastes (`paste`) a file onto the composer, as a browser does when a
/// member drags one from their desktop or pastes a copied picture.
const SEND_FILE: &str = r#"
const [how, name, type, base64] = arguments;
const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
const transfer = new DataTransfer();
transfer.items.add(new File([bytes], name, { type }));
const target = how === 'paste' ? document.querySelector('#thread-message') : document.querySelector('.thread-form');
const event = how === 'paste'
  ? new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true })
  : new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true });
target.dispatchEvent(event);
return event.defaultPrevented;
"#;

async fn files_of(api: &board_e2e::Api, thread: i64) -> serde_json::Value {
    api.get(&format!("/api/community/communitythreadfiles?CommunityThreadFile_CommunityThread={thread}")).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_attach_a_picture_and_a_file_and_see_them_on_the_thread() {
    let j = Journey::start().await;
    let dir = tempfile::tempdir().unwrap();
    j.sign_in(MANAGER.0, MANAGER.1).await;
    let api = j.staff_api().await;
    j.open("/new").await;
    j.wait_for("#thread-group option[value='4001']").await;
    j.fill("#thread-subject", "Floor plan for the new wing").await;
    j.fill("#thread-message", "Here is the plan.").await;
    j.set_value("#thread-group", "4001").await;

    // Too large: refused beside the field with the size, nothing read, the draft as it was.
    let big = file_on_disk(&dir, "huge.png", &vec![0u8; 6 * 1024 * 1024]);
    j.wait_for("#thread-file").await.send_keys(big.to_str().unwrap()).await.unwrap();
    j.wait_for_text("#NewFileDataUrl-error", "huge.png is 6.0 MB").await;
    assert_eq!(j.count(".picked-file").await, 0);
    // The wrong type: an SVG (it could run script) is refused by name.
    let svg = file_on_disk(&dir, "logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>");
    j.wait_for("#thread-file").await.send_keys(svg.to_str().unwrap()).await.unwrap();
    j.wait_for_text("#NewFileDataUrl-error", "logo.svg").await;
    assert_eq!(j.js("return document.querySelector('#thread-file').getAttribute('aria-invalid');", vec![]).await, "true");
    assert_eq!(
        j.js("return [document.querySelector('#thread-subject').value, document.querySelector('#thread-message').value];", vec![]).await,
        json!(["Floor plan for the new wing", "Here is the plan."]),
        "the draft is kept"
    );

    // Dropped: taken, the error gone, a preview shown.
    assert_eq!(j.js(SEND_FILE, vec!["drop".into(), "dropped.txt".into(), "text/plain".into(), "aGVsbG8=".into()]).await, true);
    j.wait_for_text(".picked-name", "dropped.txt").await;
    assert_eq!(j.text("#NewFileDataUrl-error").await, "");
    // Pasted: a copied picture replaces it.
    assert_eq!(j.js(SEND_FILE, vec!["paste".into(), "image.png".into(), "image/png".into(), PNG_BASE64.into()]).await, true);
    j.wait_for_text(".picked-name", "image.png").await;
    assert_eq!(j.js("return document.querySelector('#thread-message').value;", vec![]).await, "Here is the plan.", "pasting a file adds no text");
    // Picked with the input: the final choice, with its description.
    let plan = file_on_disk(&dir, "floor-plan.png", &png());
    j.wait_for("#thread-file").await.send_keys(plan.to_str().unwrap()).await.unwrap();
    j.wait_for_text(".picked-name", "floor-plan.png").await;
    assert_eq!(j.count(".picked-preview[alt='']").await, 1, "the preview is decorative: the description says what it is");
    j.fill("#thread-file-description", "The second floor: desks by the windows").await;
    let violations = j.axe_violations().await;
    assert!(violations.is_empty(), "axe on the composer with a file: {violations:?}");

    // Attaching fails once (after the conversation is stored): the file stays for another try.
    j.fault(json!({ "path": "/api/community/communitythreadfiles", "method": "POST", "kind": "server_error" })).await;
    j.click(".thread-form button[type=submit]").await;
    j.wait_for_text(".form-error", "was not attached").await;
    j.wait_for_text(".picked-name", "floor-plan.png").await;
    let made = api.get("/api/community/communitythreads?CommunityThread_Subject=Floor%20plan").await;
    assert_eq!(made["TotalItems"], 1);
    let id = made["Records"][0]["Id"].as_i64().unwrap();
    assert_eq!(files_of(&api, id).await["TotalItems"], 0);
    // Sent again: only the file goes; the conversation is not posted twice.
    j.click(".thread-form button[type=submit]").await;
    j.wait_until("the thread page", &format!("return location.pathname === '/threads/{id}';")).await;
    assert_eq!(api.get("/api/community/communitythreads?CommunityThread_Subject=Floor%20plan").await["TotalItems"], 1);
    let files = files_of(&api, id).await;
    assert_eq!(files["TotalItems"], 1);
    let record = &files["Records"][0];
    assert_eq!((record["Name"].clone(), record["Description"].clone()), (json!("floor-plan.png"), json!("The second floor: desks by the windows")));
    assert_eq!(record["FileDataFileName"], "floor-plan.png");
    let (status, bytes) = api.bytes(&format!("/api/community/communitythreadfiles/{}/file", record["Id"])).await;
    assert_eq!((status, bytes), (200, png()), "the bytes stored are the file's");

    // On the thread: the picture inline, its description as alternative text.
    j.wait_until("the picture", "const i = document.querySelector('.thread-files figure img'); return !!i && i.complete && i.naturalWidth === 1;")
        .await;
    assert_eq!(j.js("return document.querySelector('.thread-files img').alt;", vec![]).await, "The second floor: desks by the windows");
    assert!(j.js("return document.querySelector('.thread-files img').src;", vec![]).await.as_str().unwrap().starts_with("blob:"));

    // Another file, attached through the API: a link that downloads it under its name.
    let doc = format!("data:application/pdf;base64,{}", base64::engine::general_purpose::STANDARD.encode(b"%PDF-1.4 rules"));
    let attached =
        api.post("/api/community/communitythreadfiles", &json!({ "CommunityThreadId": id, "Name": "House rules.pdf", "NewFileDataUrl": doc })).await;
    assert_eq!(attached["WasSuccessful"], true, "{attached}");
    j.open(&format!("/threads/{id}")).await;
    j.wait_for_text(".thread-files a.file-link", "House rules.pdf").await;
    assert_eq!(j.js("return document.querySelector('.thread-files a.file-link').getAttribute('download');", vec![]).await, "House rules.pdf");
    let violations = j.axe_violations().await;
    assert!(violations.is_empty(), "axe on a thread with files: {violations:?}");
    // Leaving gives the pictures' object URLs back and the board goes on.
    j.click(".breadcrumb a").await;
    j.wait_until("the list after the thread", "return location.pathname === '/' && document.querySelectorAll('.thread-row').length > 0;").await;
    j.finish().await;
}

/// A member, in Spanish: the members' API takes no files, so the composer offers none and says
/// who attaches them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_is_told_files_are_attached_by_the_team() {
    let j = Journey::start_with(Setup { language: Some("es".into()), ..Setup::default() }).await;
    j.sign_in(DEMO_MEMBER.email, DEMO_MEMBER.password).await;
    j.open("/new").await;
    j.wait_for_text(".member-composer-note", "archivos").await;
    assert_eq!(j.count("#thread-file").await, 0, "no file input on the members' API");
    // A file dropped on the form is not taken either.
    j.wait_for("#thread-group option[value='4001']").await;
    assert_eq!(j.js(SEND_FILE, vec!["drop".into(), "x.png".into(), "image/png".into(), PNG_BASE64.into()]).await, false);
    assert_eq!(j.count(".picked-file").await, 0);
    j.finish().await;
}
