//! Opening a conversation from the list puts focus on its heading, for every kind of thread
//! (each group access, no group, Private, Zoom, with and without replies), on its first and on
//! a repeat opening, by mouse and by keyboard, standalone and embedded. Focus is checked once
//! the screen has settled (replies and the reply permission loaded), because the defect this
//! pins lost focus after the heading had first received it.

use board_e2e::Journey;
use board_sandbox::seed::DEMO_MEMBER;

/// (thread, a list that shows it, what it is).
const KINDS: &[(i64, &str, &str)] = &[
    (10061, "/", "Restricted group the member is in, no replies"),
    (10064, "/", "Restricted group the member is not in, with replies, from the unfiltered list"),
    (10061, "/?group=4004", "Restricted group the member is in, no replies, from its group"),
    (10005, "/?group=4004", "Restricted group the member is in, with replies"),
    (10064, "/?group=4003", "Restricted group the member is not in, with replies"),
    (10062, "/?group=4001", "Public group, Zoom meeting, one reply"),
    (10019, "/?group=4002", "Public group, no replies"),
    (10059, "/?group=4002", "Private thread the member is a guest of, with replies"),
    (10007, "/?group=4005", "Private group, no replies"),
    (10023, "/?group=4005", "Private group, with replies"),
    (10057, "/", "no group, with replies"),
    (10049, "/", "no group, no replies"),
];

/// Waits until the thread screen has settled: heading, replies and whether the member may
/// reply (the composer or the notice) are all on screen, and a moment more for late work.
async fn settled_thread(j: &Journey, root: &str, id: i64) {
    j.wait_until(
        &format!("thread {id} to settle"),
        &format!(
            "const r = {root}; return !!r.querySelector('#thread-heading') && !!r.querySelector('#replies-heading')
               && (!!r.querySelector('#reply-text') || !!r.querySelector('.replies .notice')) && location.href.includes('{id}');"
        ),
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
}

async fn focused_id(j: &Journey, root: &str) -> String {
    j.js(&format!("const a = {root}.activeElement; return a ? a.id || a.tagName : 'none';"), vec![]).await.as_str().unwrap_or_default().to_owned()
}

async fn open_from_list(j: &Journey, root: &str, id: i64, keyboard: bool) {
    let link = format!("{root}.querySelector(\".thread-row[data-thread-id='{id}'] .thread-subject a\")");
    j.wait_until(&format!("thread {id} in the list"), &format!("return !!{link};")).await;
    if keyboard {
        // Focus the link as Tab would, then Enter.
        j.js(&format!("{link}.focus();"), vec![]).await;
        j.browser.active_element().await.unwrap().send_keys("\u{E007}").await.unwrap();
    } else if root == "document" {
        // A real pointer click (the link takes focus on mousedown, then leaves the page).
        j.click(&format!(".thread-row[data-thread-id='{id}'] .thread-subject a")).await;
    } else {
        // WebDriver's selectors do not reach into the shadow root: a script clicks there.
        j.js(&format!("{link}.click();"), vec![]).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn opening_any_kind_of_thread_focuses_its_heading() {
    let j = Journey::start().await;
    j.sign_in(DEMO_MEMBER.email, DEMO_MEMBER.password).await;
    let mut lost = Vec::new();
    for (round, keyboard) in [(1, false), (2, true)] {
        for (id, list, kind) in KINDS {
            j.open(list).await;
            j.wait_for(".thread-row .thread-author").await;
            open_from_list(&j, "document", *id, keyboard).await;
            settled_thread(&j, "document", *id).await;
            let focused = focused_id(&j, "document").await;
            if focused != "thread-heading" {
                lost.push(format!("{id} ({kind}), opening {round} by {}: focus on {focused}", if keyboard { "keyboard" } else { "mouse" }));
            }
        }
    }
    assert!(lost.is_empty(), "focus did not stay on the heading:\n{}", lost.join("\n"));
    j.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn opening_threads_in_the_embedded_board_focuses_their_heading() {
    const BOARD: &str = "document.querySelector('#community').shadowRoot";
    let j = Journey::start().await;
    j.open("/portal/community/").await;
    j.wait_until("the embedded list", &format!("return !!{BOARD} && !!{BOARD}.querySelector('.thread-row .thread-author');")).await;
    let mut lost = Vec::new();
    for (id, list, kind) in KINDS.iter().take(4) {
        for round in 1..=2 {
            j.open(&format!("/portal/community{list}")).await;
            j.wait_until("the embedded list", &format!("return !!{BOARD} && !!{BOARD}.querySelector('.thread-row .thread-author');")).await;
            open_from_list(&j, BOARD, *id, false).await;
            settled_thread(&j, BOARD, *id).await;
            let focused = focused_id(&j, BOARD).await;
            if focused != "thread-heading" {
                lost.push(format!("{id} ({kind}), opening {round}: focus on {focused}"));
            }
        }
    }
    assert!(lost.is_empty(), "focus did not stay on the heading in the embedded board:\n{}", lost.join("\n"));
    j.finish().await;
}
