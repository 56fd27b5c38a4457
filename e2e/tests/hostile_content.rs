//! Hostile content, placed through the sandbox in subjects, messages, replies, tags, people's
//! names, group names, Zoom fields and the names and descriptions of attached pictures and
//! files, rendered in the list, every thread and every edit form: nothing runs, no element or attribute from a payload reaches the DOM, links are only
//! http, https or mailto, the layout holds, and every character shows as typed.
//!
//! Half the threads and every reply go in through the members' API (which sends `Message`
//! HTML-encoded: decoded once, then shown as text, or as allow-listed markup when it is the
//! portal editor's), the rest through REST with the fields only staff
//! can set (Zoom, Private with guests). A member reads the list and every thread on the
//! members' API; an administrator then opens every edit form on REST.

use board_e2e::hostile::corpus;
use board_e2e::Journey;
use board_sandbox::seed::DEMO_MEMBER;
use community_board::model::markup::{clean_source, is_markup};
use serde_json::{json, Value};

/// Where the members' board posts.
const BOARD: &str = "/api/public/community/board/threads";

/// The first reply as shown, whether as markup or text, and the text it should show: the
/// payload itself for text; for markup, the text of an inert parse of what the board gives
/// its parser (`clean_source`: other tags as text, allowed ones bare).
const SHOWN_REPLY: &str = r#"
const body = document.querySelector('.reply .message-body');
const rich = body.classList.contains('rich');
const expected = rich ? new DOMParser().parseFromString(arguments[1], 'text/html').body.textContent : arguments[0];
return { kind: rich ? 'markup' : 'text', shown: body.textContent, expected };
"#;

/// Returns what is wrong with the current page, as a list of sentences.
const AUDIT: &str = r#"
const problems = [];
if (window.__xss !== undefined) problems.push('a payload script ran');
const banned = ['script','iframe','object','embed','style','link','meta','base','svg','math','video','audio',
                'source','template','noscript','marquee','details','frame','frameset','applet'];
for (const el of document.body.querySelectorAll('*')) {
  const tag = el.tagName.toLowerCase();
  if (banned.includes(tag)) problems.push('element <' + tag + '>');
  for (const a of el.attributes) {
    if (a.name.toLowerCase().startsWith('on')) problems.push('attribute ' + a.name + ' on <' + tag + '>');
  }
  if (el.hasAttribute('style')) problems.push('style attribute on <' + tag + '>');
  // Pictures: avatars, and a thread's attached pictures (blob: URLs of bytes the board fetched).
  const attached = !!el.closest('.thread-files');
  if (tag === 'img' && !el.closest('.avatar') && !attached) problems.push('an image outside an avatar');
  if (tag === 'form' && el.hasAttribute('action')) problems.push('a form with an action');
  if (tag === 'input' && el.hasAttribute('autofocus')) problems.push('an autofocus input');
  for (const name of ['href', 'src', 'action', 'formaction', 'xlink:href']) {
    const v = el.getAttribute(name);
    if (v !== null && !/^(\/|https?:\/\/|mailto:|#)/i.test(v) && !(attached && /^blob:/.test(v))) problems.push(name + '="' + v.slice(0, 60) + '"');
  }
}
const overflow = document.documentElement.scrollWidth - document.documentElement.clientWidth;
if (overflow > 0) problems.push('the page scrolls sideways by ' + overflow + 'px');
return problems;
"#;

async fn audit(j: &Journey, page: &str) {
    let problems = j.js(AUDIT, vec![]).await;
    assert_eq!(problems, json!([]), "on {page}");
    assert!(j.browser.get_alert_text().await.is_err(), "a dialog opened on {page}");
}

/// Client-side navigation, as a link click does, without reloading the app.
///
/// Chromium ignores history calls beyond about 200 in 10 seconds ("Throttling navigation to
/// prevent the browser from hanging"), and this journey makes some 400 as fast as the board
/// renders: a call the browser refused is made again after a pause, instead of waiting for a
/// page that was never asked for.
async fn go(j: &Journey, path: &str) {
    const GO: &str = "history.pushState(null, '', arguments[0]);
        if (location.pathname + location.search !== arguments[0]) return false;
        window.dispatchEvent(new PopStateEvent('popstate'));
        return true;";
    for _ in 0..60 {
        if j.js(GO, vec![path.into()]).await == Value::Bool(true) {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    panic!("the browser kept refusing to go to {path}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_content_renders_as_inert_text_everywhere() {
    let j = Journey::start().await;
    let payloads = corpus();
    assert!(payloads.len() >= 100, "the corpus has {} payloads", payloads.len());
    let member = j.api(DEMO_MEMBER.email, DEMO_MEMBER.password).await;
    let admin = j.api("admin@example.com", "demo-admin").await;

    // Group names.
    let mut groups = Vec::new();
    for name in payloads.iter().take(8) {
        let made = admin.post("/api/community/communitygroups", &json!({ "BusinessId": 1001, "UserId": 2001, "Name": name, "GroupAccess": 2 })).await;
        groups.push(made["Value"]["Id"].as_i64().expect("a hostile group is created"));
    }
    // People's names: no API route renames people, so straight into the sandbox's database.
    let names: Vec<String> = payloads.iter().skip(8).take(7).cloned().collect();
    {
        let names = names.clone();
        j.sandbox()
            .db()
            .call(move |conn| {
                for (i, name) in names.iter().enumerate() {
                    let user = 2003 + i as i64;
                    conn.execute("UPDATE users SET full_name = ?1 WHERE id = ?2", rusqlite_params(name, user))?;
                    conn.execute("UPDATE coworkers SET full_name = ?1 WHERE user_id = ?2", rusqlite_params(name, user))?;
                }
                Ok(())
            })
            .await
            .unwrap();
    }
    // Subjects, messages, tags, Zoom fields and replies: one thread per payload, by the demo
    // member (so the private ones are theirs to read).
    let mut threads = Vec::new();
    for (i, p) in payloads.iter().enumerate() {
        let group = groups[i % groups.len()];
        let message = format!("{p}\nSee https://safe.example/page and {p}");
        let made = if i % 2 == 0 {
            // The members' API takes tags as a list and refuses a comma inside one: a payload
            // with commas becomes several tags.
            let mut tags = vec!["hostile"];
            tags.extend(p.split(',').filter(|t| !t.trim().is_empty()));
            member.post(BOARD, &json!({ "GroupId": group, "Title": p, "Content": message, "Tags": tags })).await
        } else {
            let zoom = json!({ "join_url": p, "id": p, "password": p, "topic": p, "duration": p }).to_string();
            let private = i % 10 == 1;
            admin
                .post("/api/community/communitythreads", &json!({
                    "BusinessId": 1001, "UserId": DEMO_MEMBER.user_id, "CommunityGroupId": group,
                    "Subject": p, "Message": message, "Tags": format!("hostile,{p}"),
                    "IncludeZoomInvite": true, "ZoomEventData": zoom, "Private": private, "Guests": if private { json!([2003, 2004, 2005]) } else { json!([]) },
                }))
                .await
        };
        let id = made["Value"]["Id"].as_i64().unwrap_or_else(|| panic!("payload {i} was not stored: {made}"));
        let reply = member.post(&format!("{BOARD}/{id}/messages"), &json!({ "Content": p })).await;
        assert_eq!(reply["WasSuccessful"], true, "reply {i} was not stored: {reply}");
        threads.push((id, p.clone()));
    }
    // Pictures and files named and described by payloads, on every tenth REST thread: a picture
    // and a document each (staff only see them: the members' API has no files).
    const PNG: &str = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
    let mut with_files = Vec::new();
    for (i, (id, p)) in threads.iter().enumerate().filter(|(i, (_, p))| i % 10 == 3 && !p.trim().is_empty()) {
        for (url, name) in [(PNG, p.clone()), ("data:text/plain;base64,aGk=", format!("{p}.txt"))] {
            let made = admin
                .post(
                    "/api/community/communitythreadfiles",
                    &json!({ "CommunityThreadId": id, "Name": name, "Description": p, "NewFileDataUrl": url }),
                )
                .await;
            assert_eq!(made["WasSuccessful"], true, "file {i} was not stored: {made}");
        }
        // Shown trimmed, as the board shows every label.
        with_files.push((*id, p.trim().to_owned(), format!("{p}.txt").trim().to_owned()));
    }
    // Replies from people with hostile names, on a private thread they are guests of.
    let guests_thread = threads[1].0;
    for (i, email) in ["priya@example.com", "tomas@example.com", "amara@example.com"].iter().enumerate() {
        let them = j.api(email, "demo-member").await;
        them.post(&format!("{BOARD}/{guests_thread}/messages"), &json!({ "Content": names[i] })).await;
    }

    j.sign_in(DEMO_MEMBER.email, DEMO_MEMBER.password).await;

    // The list, every page of the hostile threads.
    let pages = payloads.len().div_ceil(25);
    for page in 1..=pages {
        let path = if page == 1 { "/?tag=hostile".to_owned() } else { format!("/?tag=hostile&page={page}") };
        go(&j, &path).await;
        j.wait_until(
            &format!("list page {page}"),
            &format!("return location.search === {} && document.querySelectorAll('.thread-row').length > 0 && !document.querySelector('.skeleton') && !document.querySelector('[aria-busy=true]') && [...document.querySelectorAll('.thread-author')].every(e => e.textContent !== 'Unknown member');", Value::from(path.trim_start_matches('/'))),
        )
        .await;
        audit(&j, &path).await;
    }
    // The group filter lists the hostile group names as plain option text.
    let options: Vec<String> =
        serde_json::from_value(j.js("return [...document.querySelectorAll('#group-filter option')].map(o => o.textContent);", vec![]).await).unwrap();
    assert!(payloads.iter().take(8).all(|name| options.iter().any(|o| o.starts_with(name.as_str()))), "group names show as typed");

    // Every thread.
    for (id, payload) in &threads {
        go(&j, &format!("/threads/{id}")).await;
        j.wait_until(
            &format!("thread {id}"),
            &format!("const h = document.querySelector('#thread-heading'); return location.pathname === '/threads/{id}' && !!h && h.textContent === arguments[0] && document.querySelectorAll('.reply').length > 0;").replace("arguments[0]", &Value::from(payload.as_str()).to_string()),
        )
        .await;
        audit(&j, &format!("/threads/{id}")).await;
        // Plain text shows as typed; markup (an allow-listed tag, `model::markup`) shows as
        // formatting whose text is exactly what an inert parse of it reads.
        let reply = j.js(SHOWN_REPLY, vec![payload.as_str().into(), clean_source(payload).into()]).await;
        let expected = if is_markup(payload) { "markup" } else { "text" };
        assert_eq!(reply["kind"], expected, "thread {id}: how the reply was read");
        assert_eq!(reply["shown"], reply["expected"], "thread {id}: the reply's text");
    }
    // The hostile people's names on replies.
    go(&j, &format!("/threads/{guests_thread}")).await;
    j.wait_until("the private thread", "return document.querySelectorAll('.reply').length >= 4;").await;
    let shown: Vec<String> =
        serde_json::from_value(j.js("return [...document.querySelectorAll('.reply-author')].map(e => e.textContent);", vec![]).await).unwrap();
    for name in names.iter().take(3) {
        assert!(shown.iter().any(|s| s == name), "{name:?} shows as typed among {shown:?}");
    }
    audit(&j, "the private thread with hostile names, as its author").await;

    // Staff: every edit form, on REST.
    j.click(".board-header .link-button").await;
    j.wait_for("#sign-in-email").await;
    j.sign_in("admin@example.com", "demo-admin").await;
    for (id, payload) in &threads {
        go(&j, &format!("/threads/{id}/edit")).await;
        // A one-line input drops line breaks from its value (HTML's value sanitisation).
        let one_line: String = payload.chars().filter(|c| *c != '\r' && *c != '\n').collect();
        // 197 forms, some with 100 KB fields: a slow moment on a busy CI machine is not a failure.
        j.wait_until_for(
            &format!("the edit form of {id}"),
            30,
            &format!(
                "const s = document.querySelector('#thread-subject'); return location.pathname === '/threads/{id}/edit' && !!s && s.value === {};",
                Value::from(one_line)
            ),
        )
        .await;
        audit(&j, &format!("/threads/{id}/edit")).await;
    }
    // Attached pictures and files: the names and descriptions as typed, in text and attributes.
    for (id, payload, document) in &with_files {
        go(&j, &format!("/threads/{id}")).await;
        j.wait_until_for(
            &format!("the files of {id}"),
            30,
            &format!("const i = document.querySelector('.thread-files img'); return location.pathname === '/threads/{id}' && !!i && i.complete && !!document.querySelector('.thread-files a.file-link');"),
        )
        .await;
        audit(&j, &format!("/threads/{id} with files")).await;
        let shown = j
            .js(
                "const f = document.querySelector('.thread-files'), a = f.querySelector('a.file-link');
                 return [f.querySelector('img').alt, f.querySelector('figcaption').textContent, a.textContent, a.getAttribute('download')];",
                vec![],
            )
            .await;
        assert_eq!(shown, json!([payload, payload, document, document]), "thread {id}: file names and descriptions as typed");
    }
    // The hostile people's names, in the guest list and on replies.
    go(&j, &format!("/threads/{guests_thread}")).await;
    j.wait_until("the first thread", "return !!document.querySelector('.guest-list li') && document.querySelectorAll('.reply').length >= 4;").await;
    let shown: Vec<String> =
        serde_json::from_value(j.js("return [...document.querySelectorAll('.guest-list li, .reply-author')].map(e => e.textContent);", vec![]).await)
            .unwrap();
    for name in names.iter().take(3) {
        assert!(shown.iter().any(|s| s == name), "{name:?} shows as typed among {shown:?}");
    }
    audit(&j, "the first thread with hostile names").await;
    // The audit itself can fail: markup put in the page is found, then taken out again.
    j.js("const d = document.createElement('div'); d.id = 'planted'; d.innerHTML = '<svg></svg><a href=\"javascript:void 0\">x</a>'; document.body.appendChild(d);", vec![]).await;
    let found = j.js(AUDIT, vec![]).await;
    assert_eq!(found, json!(["element <svg>", "href=\"javascript:void 0\""]), "the audit sees planted markup");
    j.js("document.getElementById('planted').remove();", vec![]).await;

    println!(
        "hostile content: {} payloads across list pages, {} threads and their edit forms, {} threads with hostile file names and descriptions: no script ran, nothing injected",
        payloads.len(),
        threads.len(),
        with_files.len()
    );
    j.finish().await;
}

fn rusqlite_params(name: &str, id: i64) -> impl rusqlite::Params + '_ {
    (name, id)
}
