//! Keyboard only: from the list to a thread, reply, start a conversation and post it, with no
//! pointer, as a member; and the staff composer's options. Focus lands on each new page's
//! heading.

use board_e2e::{Journey, MANAGER};
use board_sandbox::seed::DEMO_MEMBER;

const TAB: &str = "\u{E004}";
const ENTER: &str = "\u{E007}";
const ARROW_DOWN: &str = "\u{E015}";

/// Presses Tab until the focused element matches `css` (at most `limit` presses).
async fn tab_to(j: &Journey, css: &str, limit: usize) {
    for _ in 0..limit {
        let here = j.js("return document.activeElement.matches(arguments[0]);", vec![css.into()]).await;
        if here == true {
            return;
        }
        j.browser.active_element().await.unwrap().send_keys(TAB).await.unwrap();
    }
    panic!("Tab never reached {css}");
}

async fn press(j: &Journey, keys: &str) {
    j.browser.active_element().await.unwrap().send_keys(keys).await.unwrap();
}

async fn focused_id(j: &Journey) -> String {
    j.js("return document.activeElement.id;", vec![]).await.as_str().unwrap_or_default().to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_board_works_from_the_keyboard_alone() {
    let j = Journey::start().await;
    j.sign_in(DEMO_MEMBER.email, DEMO_MEMBER.password).await;
    // General: a group the member may reply in.
    j.open("/?group=4001").await;
    j.wait_for(".thread-row .thread-author").await;
    j.wait_until("focus on the heading", "return document.activeElement.id === 'board-heading';").await;

    // To the first conversation and into it.
    tab_to(&j, ".thread-row .thread-subject a", 40).await;
    press(&j, ENTER).await;
    j.wait_until("the thread page", "return location.pathname.startsWith('/threads/') && document.activeElement.id === 'thread-heading';").await;

    // Reply: to the box, type, to the button, Enter.
    tab_to(&j, "#reply-text", 60).await;
    press(&j, "Replying by keyboard").await;
    press(&j, TAB).await;
    assert!(
        j.js("return document.activeElement.matches('.reply-composer button[type=submit]');", vec![]).await == true,
        "Send follows the reply box"
    );
    press(&j, ENTER).await;
    j.wait_until("the reply", "return [...document.querySelectorAll('.reply .message-body')].some(e => e.textContent === 'Replying by keyboard');")
        .await;

    // Back to the list by the breadcrumb, then start a conversation.
    j.js("document.activeElement.blur(); window.scrollTo(0, 0);", vec![]).await;
    tab_to(&j, ".breadcrumb a", 10).await;
    press(&j, ENTER).await;
    j.wait_until("the list", "return location.pathname === '/' && document.activeElement.id === 'board-heading';").await;
    j.wait_for(".thread-row .thread-author").await;
    tab_to(&j, ".page-head a.button", 10).await;
    press(&j, ENTER).await;
    j.wait_until(
        "the composer",
        "return location.pathname === '/new' && !!document.querySelector('#thread-subject') && document.activeElement.id === 'compose-heading';",
    )
    .await;
    tab_to(&j, "#thread-subject", 10).await;
    press(&j, "Typed without a mouse").await;
    press(&j, TAB).await;
    assert_eq!(focused_id(&j).await, "thread-message");
    press(&j, "Every control reachable.").await;
    // Tags: Enter adds a chip instead of submitting.
    tab_to(&j, "#thread-tags", 5).await;
    press(&j, &format!("keyboard{ENTER}")).await;
    j.wait_for_text(".tag-input .chip", "keyboard").await;
    // The group (required on the members' API) is chosen with the arrow keys.
    j.js("document.activeElement.blur(); window.scrollTo(0, 0);", vec![]).await;
    tab_to(&j, "#thread-group", 10).await;
    press(&j, ARROW_DOWN).await;
    j.wait_until("a group chosen", "return document.querySelector('#thread-group').value !== '';").await;
    tab_to(&j, ".thread-form button[type=submit]", 15).await;
    press(&j, ENTER).await;
    j.wait_until("the new thread", "return /^\\/threads\\/\\d+$/.test(location.pathname) && document.activeElement.id === 'thread-heading';").await;
    j.wait_for_text("#thread-heading", "Typed without a mouse").await;

    // Staff: the REST composer's checkboxes toggle with Space, and Private opens the guest picker.
    j.click(".board-header .link-button").await;
    j.wait_for("#sign-in-email").await;
    j.sign_in(MANAGER.0, MANAGER.1).await;
    j.open("/new").await;
    j.wait_until("the composer", "return !!document.querySelector('#thread-subject') && document.activeElement.id === 'compose-heading';").await;
    tab_to(&j, "#thread-private", 30).await;
    press(&j, " ").await;
    j.wait_for("#guest-search").await;
    tab_to(&j, "#thread-instant", 10).await;
    press(&j, " ").await;
    assert_eq!(j.js("return document.querySelector('#thread-instant').checked;", vec![]).await, true);
    j.finish().await;
}
