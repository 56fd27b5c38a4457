//! The board embedded in the sandbox's stand-in portal (`/portal/community/`) through
//! `embed.js` and `mount(element, options)`: it mounts in its element, takes its token from
//! the host's callback (never a password), lists, opens, posts, renews its token through the
//! host after a 401, routes under a base path or in the fragment, and neither the portal's
//! styles nor the board's cross the boundary. Screenshots: embedded, dark, Spanish.

use board_e2e::Journey;

/// The board's shadow root, for scripts.
const BOARD: &str = "document.querySelector('#community').shadowRoot";

async fn board_ready(j: &Journey, what: &str, css: &str) {
    j.wait_until(what, &format!("const r = {BOARD}; return !!r && !!r.querySelector({});", serde_json::Value::from(css))).await;
}

async fn board_js(j: &Journey, body: &str) -> serde_json::Value {
    j.js(&format!("const board = {BOARD}; {body}"), vec![]).await
}

async fn token_requests(j: &Journey) -> Vec<String> {
    serde_json::from_value(j.js("return window.portalDemo.tokenRequests;", vec![]).await).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_portal_embeds_the_board_with_its_own_token_and_path_routing() {
    let j = Journey::start().await;
    // General: a group the demo member may reply in.
    j.open("/portal/community/?group=4001").await;
    board_ready(&j, "the embedded list", ".thread-row .thread-author").await;
    assert!(board_js(&j, "return board.querySelectorAll('.thread-row').length;").await.as_u64().unwrap() > 3);
    // The token came from the host: no sign-in form, nothing of the board's in storage.
    assert_eq!(token_requests(&j).await, vec!["initial"]);
    assert_eq!(board_js(&j, "return !!board.querySelector('#sign-in-email');").await, false);
    assert_eq!(j.js("return Object.keys(sessionStorage).filter(k => k.startsWith('community-board')).length;", vec![]).await, 0);
    // The host page loaded without the board taking focus from it.
    assert_eq!(j.js("return document.activeElement === document.body;", vec![]).await, true);

    // The embedded board's own code (src/embedded.rs: a split module and the chunks it shares)
    // arrived preloaded by embed.js, each file once: the loader took the preloaded answers.
    let embed = std::fs::read_to_string(board_e2e::dist_dir().join("embed.js")).unwrap();
    let list = embed.split("const EMBEDDED_CODE = ").nth(1).and_then(|rest| rest.split(';').next()).expect("embed.js lists its code");
    let files: Vec<String> = serde_json::from_str(list).unwrap();
    assert!(files.contains(&"./split_board_embed.wasm".to_owned()), "{files:?}");
    let fetched = j.js("return performance.getEntriesByType('resource').map(e => [new URL(e.name).pathname, e.initiatorType]);", vec![]).await;
    for file in &files {
        let path = file.trim_start_matches('.');
        let times: Vec<&serde_json::Value> = fetched.as_array().unwrap().iter().filter(|e| e[0] == path).collect();
        assert_eq!(times, vec![&serde_json::json!([path, "link"])], "{file} fetched once, by its preload: {fetched}");
    }
    // And nothing the mount needed was missing from the list: no other chunk was fetched.
    let unlisted: Vec<&serde_json::Value> = fetched
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e[0].as_str().is_some_and(|p| p.ends_with(".wasm") && p != "/community-board_bg.wasm") && e[1] != "link")
        .collect();
    assert!(unlisted.is_empty(), "chunks fetched after the module started: {unlisted:?}");

    // The portal keeps its look; the portal's heavy-handed rules do not reach the board.
    let looks = j
        .js(
            "const css = (el, p) => getComputedStyle(el)[p];
             const board = document.querySelector('#community').shadowRoot;
             const boardButton = board.querySelector('.page-head .button');
             return {
               header: css(document.querySelector('.portal-header'), 'backgroundColor'),
               brandFont: css(document.querySelector('.portal-brand'), 'fontFamily'),
               portalButton: css(document.querySelector('#portal-reset'), 'backgroundColor'),
               portalButtonCase: css(document.querySelector('#portal-reset'), 'textTransform'),
               boardFont: css(board.querySelector('.board-main'), 'fontFamily'),
               boardHeadingCase: css(board.querySelector('h1'), 'textTransform'),
               boardButtonCase: css(boardButton, 'textTransform'),
               boardButtonBorder: css(boardButton, 'borderTopStyle'),
               boardLetterSpacing: css(board.querySelector('.thread-subject a'), 'letterSpacing'),
             };",
            vec![],
        )
        .await;
    assert_eq!(looks["header"], "rgb(107, 45, 0)", "{looks}");
    assert!(looks["brandFont"].as_str().unwrap().starts_with("Georgia"), "{looks}");
    assert_eq!(looks["portalButton"], "rgb(194, 65, 12)", "{looks}");
    assert_eq!(looks["portalButtonCase"], "uppercase", "{looks}");
    assert!(!looks["boardFont"].as_str().unwrap().contains("Georgia"), "{looks}");
    assert_eq!(looks["boardHeadingCase"], "none", "{looks}");
    assert_eq!(looks["boardButtonCase"], "none", "{looks}");
    assert_eq!(looks["boardButtonBorder"], "solid", "{looks}");
    assert_eq!(looks["boardLetterSpacing"], "normal", "{looks}");
    j.screenshot("embedded-list").await;

    // The host themes the board through its custom properties, which cross into the shadow root.
    j.js("document.querySelector('#community').style.setProperty('--board-accent', 'rgb(1, 2, 3)');", vec![]).await;
    let accent = board_js(&j, "return getComputedStyle(board.querySelector('.page-head .button')).backgroundColor;").await;
    assert_eq!(accent, "rgb(1, 2, 3)");
    j.js("document.querySelector('#community').style.removeProperty('--board-accent');", vec![]).await;

    // Open a conversation by its link: the URL moves under the base path, no page load.
    j.js("window.stillTheSamePage = true;", vec![]).await;
    board_js(&j, "board.querySelector('.thread-row .thread-subject a').click();").await;
    board_ready(&j, "the embedded thread", "#reply-text").await;
    let path = j.location().await;
    assert!(path.starts_with("/portal/community/threads/"), "{path}");
    assert_eq!(j.js("return window.stillTheSamePage === true;", vec![]).await, true, "routing stayed in the page");
    // After a navigation inside the board, focus goes to the new page's heading.
    j.wait_until("focus on the thread heading", &format!("return {BOARD}.activeElement && {BOARD}.activeElement.id === 'thread-heading';")).await;
    let thread_id: i64 = path.rsplit('/').next().unwrap().parse().unwrap();
    // The thread screen's styles came with its code into the board's shadow root, not the
    // portal's document.
    let looks = board_js(
        &j,
        "return {
           board: board.adoptedStyleSheets.length,
           portal: document.adoptedStyleSheets.length,
           thread: getComputedStyle(board.querySelector('.thread')).borderTopStyle,
           composer: getComputedStyle(board.querySelector('.reply-composer')).display,
         };",
    )
    .await;
    assert_eq!(looks, serde_json::json!({ "board": 1, "portal": 0, "thread": "solid", "composer": "flex" }), "{looks}");

    // Reply. The host's token is then refused once (a 401): the board asks the host again
    // ("expired") and the reply still lands, once.
    // (The portal signs in the demo member, so the board talks to the members' API.)
    j.fault(serde_json::json!({ "path": "/api/public/community/board/threads/", "method": "POST", "kind": "unauthorized", "count": 1 })).await;
    board_js(
        &j,
        "const box = board.querySelector('#reply-text');
         box.value = 'Posted from inside the portal';
         box.dispatchEvent(new Event('input', { bubbles: true }));
         board.querySelector('.reply-composer button[type=submit]').click();",
    )
    .await;
    j.wait_until(
        "the reply on screen",
        &format!("return [...{BOARD}.querySelectorAll('.reply .message-body')].some(e => e.textContent === 'Posted from inside the portal');"),
    )
    .await;
    assert_eq!(token_requests(&j).await, vec!["initial", "expired"]);
    let api = j.staff_api().await;
    let replies = api.get(&format!("/api/community/communitymessages?CommunityMessage_CommunityThread={thread_id}&size=1000")).await;
    let posted = replies["Records"].as_array().unwrap().iter().filter(|r| r["Message"] == "Posted from inside the portal").count();
    assert_eq!(posted, 1, "exactly one reply stored");

    // Back: the list again, from history, still in the page.
    j.browser.back().await.unwrap();
    board_ready(&j, "the list after going back", ".thread-row .thread-author").await;
    assert_eq!(j.location().await, "/portal/community/?group=4001");
    // A reload under the base path lands on the same place (the sandbox serves the portal there).
    j.open(&format!("/portal/community/threads/{thread_id}")).await;
    board_ready(&j, "the thread after a reload", "#thread-heading").await;

    // The host can take the board away again, and bring it back into the same element.
    j.js("window.communityBoard.unmount();", vec![]).await;
    assert_eq!(board_js(&j, "return board.querySelectorAll('.thread-row, #thread-heading').length;").await, 0);
    j.js("return window.portalDemo.mountAgain();", vec![]).await;
    board_ready(&j, "the board mounted again", "#thread-heading").await;
    assert_eq!(board_js(&j, "return board.querySelectorAll('.community-board').length;").await, 1);
    j.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hash_routing_dark_theme_and_spanish_from_the_host_options() {
    let j = Journey::start().await;
    j.open("/portal/community/?routing=hash&locale=es&theme=dark").await;
    board_ready(&j, "the embedded list", ".thread-row .thread-author").await;
    assert_eq!(board_js(&j, "return board.querySelector('.community-board').lang;").await, "es");
    assert_eq!(board_js(&j, "return board.querySelector('.community-board').dataset.theme;").await, "dark");
    let heading = board_js(&j, "return board.querySelector('h1').textContent;").await;
    assert_eq!(heading, "Conversaciones");
    // The portal page itself stays in its own language.
    assert_eq!(j.js("return document.documentElement.lang;", vec![]).await, "en");
    j.screenshot("embedded-dark-spanish-list").await;
    let violations = j.axe_violations().await;
    assert!(violations.is_empty(), "axe on the embedded board:\n{}", violations.join("\n"));

    // Only the fragment changes: the portal's path and query are its own. On the way the
    // host's token is refused twice at once (the thread and its replies load together): the
    // board asks the host once, and both are retried with the renewed token.
    // (Both are under one prefix on the members' API: the next two reads there are refused.)
    j.fault(serde_json::json!({ "path": "/api/public/community/board/threads/", "method": "GET", "kind": "unauthorized", "count": 2 })).await;
    // The portal's renewal is slow, so the second refusal arrives while the first is renewing.
    j.fault(serde_json::json!({ "path": "/api/token", "method": "POST", "kind": "delay", "delay_ms": 800, "count": 1 })).await;
    board_js(&j, "board.querySelector('.thread-row .thread-subject a').click();").await;
    board_ready(&j, "the embedded thread", "#thread-heading").await;
    let (path, hash) = (j.location().await, j.js("return location.hash;", vec![]).await);
    assert_eq!(path, "/portal/community/?routing=hash&locale=es&theme=dark");
    assert!(hash.as_str().unwrap().starts_with("#/threads/"), "{hash}");
    assert_eq!(token_requests(&j).await, vec!["initial", "expired"], "one renewal for two refusals");
    j.screenshot("embedded-dark-spanish-thread").await;
    let violations = j.axe_violations().await;
    assert!(violations.is_empty(), "axe on the embedded thread:\n{}", violations.join("\n"));
    // Back by the browser: the fragment goes back, the board follows.
    j.browser.back().await.unwrap();
    board_ready(&j, "the list after going back", ".thread-row .thread-author").await;
    j.finish().await;
}

/// The embedded board's code is a chunk fetched when the host mounts it (src/embedded.rs): if
/// that fetch fails, `mount()` rejects with a message the host can show, and the next
/// `mount()` fetches it again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mount_whose_code_cannot_be_fetched_rejects_and_the_next_one_mounts() {
    let j = Journey::start().await;
    j.block_urls(&["*/split_board_embed.wasm"]).await;
    j.open("/portal/community/").await;
    j.wait_until("the portal's message", "return document.querySelector('#community').textContent.includes('could not start');").await;
    let message = j.js("return document.querySelector('#community').textContent;", vec![]).await;
    assert_eq!(message, "The community board could not start: community board: its code could not be fetched; call mount() again");

    j.block_urls(&[]).await;
    j.js("document.querySelector('#community').textContent = ''; return window.portalDemo.mountAgain();", vec![]).await;
    board_ready(&j, "the board on the second mount", ".thread-row .thread-author").await;
    assert_eq!(board_js(&j, "return board.querySelectorAll('.community-board').length;").await, 1);
    j.finish().await;
}
