//! Issue 15 #5: the board's wasm memory does not grow as a member opens the list again and
//! again. It did, about 17 KB a list page, because every row's readers of session-long
//! signals stayed subscribed to them after the row was gone (see `Directory::provide_changes`).
//! Wasm memory never shrinks, so its size after many openings is the high-water mark: growth
//! between the 10th and the 60th opening is a leak, not a cache filling.

use board_e2e::Journey;
use board_sandbox::seed::DEMO_MEMBER;

/// The list, then a screen without rows, and back, by the router (as a click on a link does).
const GO: &str = "history.pushState(null, '', arguments[0]); dispatchEvent(new PopStateEvent('popstate'));";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn opening_the_list_again_and_again_does_not_grow_the_wasm_memory() {
    let j = Journey::start().await;
    // trunk's loader hands the instance out once, in an event, as the page starts.
    j.on_every_document("addEventListener('TrunkApplicationStarted', (e) => { window.__boardWasmMemory = e.detail.wasm.memory; });").await;
    j.sign_in(DEMO_MEMBER.email, DEMO_MEMBER.password).await;
    j.open("/").await;
    let list = "return document.querySelectorAll('.thread-list .thread-row').length === 25;";
    j.wait_until("the list", list).await;
    let mib = || async { j.js("return window.__boardWasmMemory.buffer.byteLength / 1048576;", vec![]).await.as_f64().expect("the wasm memory") };
    let mut after_10 = 0.0;
    for round in 1..=60 {
        j.js(GO, vec!["/nowhere".into()]).await;
        j.wait_until("the not-found screen", "return !document.querySelector('.thread-row') && !!document.querySelector('main h1');").await;
        j.js(GO, vec!["/".into()]).await;
        j.wait_until("the list again", list).await;
        if round == 10 {
            after_10 = mib().await;
        }
    }
    let after_60 = mib().await;
    println!("wasm memory: {after_10:.2} MiB after 10 openings of the list, {after_60:.2} MiB after 60");
    j.finish().await;
    // Before the fix: about 0.6 MiB more (1.75 → 2.38 in bench/leak-probe.mjs).
    assert!(after_60 - after_10 <= 0.25, "the wasm memory grew from {after_10:.2} to {after_60:.2} MiB over 50 openings of the list");
}
