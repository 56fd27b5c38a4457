//! The screens other than the list are separate wasm chunks (src/pages/later.rs): they are not
//! fetched with the first page, a chunk that cannot be fetched is a notice with a retry (not
//! a dead board), and pointing at or focusing a link fetches its screen ahead of the click.
//! Their styles come with them (src/pages/screen_styles.rs).

use board_e2e::Journey;
use board_sandbox::seed::{DEMO_MEMBER, MANAGER};

/// The wasm files the page has fetched so far.
async fn fetched_wasm(j: &Journey) -> Vec<String> {
    j.fetched_paths().await.into_iter().filter(|p| p.ends_with(".wasm")).collect()
}

/// The split loader's address (wasm-split's `__wasm_split.js`).
const LOADER: &str = "/__wasm_split.js";

/// How many of the page's style rules are the thread screen's (`style/screens.css`).
const THREAD_RULES: &str = "return [...document.styleSheets, ...document.adoptedStyleSheets]
    .flatMap(s => [...s.cssRules]).filter(r => /\\.(thread|replies)(?![\\w-])/.test(r.selectorText || '')).length;";

/// The thread screen's styles at work: its card's border and the replies' spacing.
const LOOKS: &str = "return {
    sheets: document.adoptedStyleSheets.length,
    thread: getComputedStyle(document.querySelector('.thread')).borderTopStyle,
    replies: getComputedStyle(document.querySelector('.replies')).marginTop,
  };";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn screens_load_when_first_opened_and_a_failed_load_can_be_retried() {
    let mut j = Journey::start().await;
    // Signed in without the pointer: a pointer resting over the list would fetch the thread
    // screen ahead of time (as it should), and the browser would then have it cached.
    j.open("/sign-in").await;
    j.fill("#sign-in-email", DEMO_MEMBER.email).await;
    j.fill("#sign-in-password", DEMO_MEMBER.password).await;
    j.js("document.querySelector('.sign-in form').requestSubmit();", vec![]).await;
    j.wait_for(".board-member").await;
    j.open("/").await;
    j.wait_for(".thread-row").await;
    assert_eq!(fetched_wasm(&j).await, vec!["/community-board_bg.wasm"], "the list needs the main module only");
    // Nor the loader that fetches chunks (scripts/lazy-split-loader.mjs).
    assert!(!j.fetched_paths().await.contains(&LOADER.to_owned()), "the list's page has no split loader");
    // Nor the later screens' styles: no rule of the page styles the thread screen yet.
    assert_eq!(j.js(THREAD_RULES, vec![]).await, 0, "the first page's styles are the list's");

    // The server goes away: opening a thread cannot fetch its code.
    j.go_offline().await;
    j.click(".thread-row .thread-subject a").await;
    j.wait_for_text("main .notice.error[role=alert]", "could not be loaded").await;
    assert_eq!(j.count("header .board-title").await, 1, "the rest of the board is still there");

    // Back online, "Try again" brings the thread.
    j.come_back_online().await;
    j.click("main .notice.error button").await;
    j.wait_for("#thread-heading").await;
    j.wait_for_text("#replies-heading", "repl").await;
    assert!(fetched_wasm(&j).await.iter().any(|f| f.contains("thread") && !f.contains("new_thread")), "{:?}", fetched_wasm(&j).await);
    assert!(j.fetched_paths().await.contains(&LOADER.to_owned()), "the loader came with the first screen that needed it");
    // Its styles came with its code, adopted by the page once.
    assert!(j.js(THREAD_RULES, vec![]).await.as_u64().unwrap() > 0);
    let looks = j.js(LOOKS, vec![]).await;
    assert_eq!(looks, serde_json::json!({ "sheets": 1, "thread": "solid", "replies": "24px" }), "the thread page is styled");

    // Focus on "Start a conversation" fetches the composer's code before the click.
    j.open("/").await;
    j.wait_for(".thread-row").await;
    assert!(!fetched_wasm(&j).await.iter().any(|f| f.contains("new_thread")));
    j.js("document.querySelector('.page-head a.button').focus();", vec![]).await;
    j.wait_until("the composer's chunk", "return performance.getEntriesByType('resource').some(e => e.name.includes('new_thread'));").await;
    j.click(".page-head a.button").await;
    j.wait_for("#thread-subject").await;
    let sheets = j.js("return document.adoptedStyleSheets.length;", vec![]).await;
    assert_eq!(sheets, 1, "the composer's styles are the same sheet, not a second copy");
    j.finish().await;
}

/// A first screen that needs a chunk at once (a thread opened from a link; staff's list on
/// REST, whose reads are a chunk) gets the split loader as the glue starts, beside the main
/// module, not when the module first asks for it. Shown with the main module blocked: only the
/// glue can have asked for the loader.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_first_screen_that_needs_a_chunk_gets_the_loader_with_the_glue() {
    let j = Journey::start().await;
    j.sign_in(DEMO_MEMBER.email, DEMO_MEMBER.password).await;
    let thread = j.js("return new URL(document.querySelector('.thread-row .thread-subject a').href).pathname;", vec![]).await;
    loader_comes_with_the_glue(&j, thread.as_str().unwrap()).await;
    j.finish().await;

    let j = Journey::start().await;
    j.sign_in(MANAGER.email, MANAGER.password).await;
    loader_comes_with_the_glue(&j, "/").await;
    j.finish().await;
}

/// Opens `path` with the main module blocked and waits for the glue to fetch the loader.
async fn loader_comes_with_the_glue(j: &Journey, path: &str) {
    // (Fetched again, not taken from the cache, where the sign-in left them.)
    j.without_cache().await;
    j.block_urls(&["*/community-board_bg.wasm"]).await;
    j.open(path).await;
    j.wait_until(
        &format!("the loader on {path}, fetched by the glue"),
        &format!("return performance.getEntriesByType('resource').some(e => new URL(e.name).pathname === '{LOADER}');"),
    )
    .await;
    assert_eq!(j.count(".board-header").await, 0, "the main module never ran");
    j.block_urls(&[]).await;
}

/// On a member's list the glue imports the chunk loader when a screen first needs it: if that
/// import fails, the screen says so with a retry (the module is called back, not left
/// waiting), and the retry imports the loader again, under another address.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_loader_that_cannot_be_fetched_is_a_notice_with_a_retry() {
    let j = Journey::start().await;
    j.sign_in(DEMO_MEMBER.email, DEMO_MEMBER.password).await;
    // (Fetched again, not taken from the cache, where the sign-in page left the loader.)
    j.without_cache().await;
    j.block_urls(&["*/__wasm_split.js*"]).await;
    j.open("/").await;
    j.wait_for(".thread-row").await;
    j.click(".thread-row .thread-subject a").await;
    j.wait_for_text("main .notice.error[role=alert]", "could not be loaded").await;
    assert_eq!(j.count("header .board-title").await, 1, "the rest of the board is still there");

    j.block_urls(&[]).await;
    j.click("main .notice.error button").await;
    j.wait_for("#thread-heading").await;
    let loaders = j.js(&format!("return performance.getEntriesByType('resource').map(e => new URL(e.name)).filter(u => u.pathname === '{LOADER}').map(u => u.search);"), vec![]).await;
    assert!(
        loaders.as_array().unwrap().iter().any(|s| s.as_str().unwrap().starts_with("?retry=")),
        "imported again under another address: {loaders}"
    );
    j.finish().await;
}
