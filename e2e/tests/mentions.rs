//! @mentions: typing `@` and a name offers people from the search the backend allows, from
//! the keyboard, announced; staff's mentions become the thread's guests (one list with the
//! guest picker) and follow it; a member's (members' API) are text, said so on screen; the
//! mentioned member sees their name highlighted. axe finds nothing with the list open.

use board_e2e::{Journey, Setup, MANAGER};
use board_sandbox::seed::DEMO_MEMBER;
use fantoccini::key::Key;
use serde_json::json;

const LIST_OPEN: &str = "return !!document.querySelector('[role=listbox].mention-list:not([hidden]) [role=option]');";

async fn type_into(j: &Journey, css: &str, text: &str) {
    j.wait_for(css).await.send_keys(text).await.unwrap_or_else(|e| panic!("typing into {css}: {e}"));
}

async fn press(j: &Journey, css: &str, key: Key) {
    let k: char = key.into();
    j.wait_for(css).await.send_keys(&k.to_string()).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_mention_someone_who_becomes_a_guest_and_follows() {
    let j = Journey::start().await;
    j.sign_in(MANAGER.0, MANAGER.1).await;
    let api = j.staff_api().await;
    j.open("/new").await;
    j.fill("#thread-subject", "Mentioning people").await;
    j.fill("#thread-message", "Hello ").await;
    type_into(&j, "#thread-message", "@na").await;
    j.wait_until("people to mention", LIST_OPEN).await;
    let offered: Vec<String> = serde_json::from_value(
        j.js("return [...document.querySelectorAll('#thread-message-mentions [role=option]')].map(o => o.textContent);", vec![]).await,
    )
    .unwrap();
    assert!(offered.iter().all(|n| n.to_lowercase().contains("na")), "{offered:?}");
    assert!(offered.contains(&"Priya Natarajan".to_owned()), "{offered:?}");
    // The box keeps focus; the highlighted option is its active descendant, and it is announced.
    let state = j
        .js(
            "const t = document.getElementById('thread-message');
             return [document.activeElement === t, t.getAttribute('aria-activedescendant'), t.getAttribute('aria-controls'),
                     document.querySelector('[role=status][aria-live]').textContent];",
            vec![],
        )
        .await;
    assert_eq!(state[0], true);
    assert_eq!(state[1], "thread-message-mention-0");
    assert_eq!(state[2], "thread-message-mentions");
    assert!(state[3].as_str().unwrap().contains("to mention"), "{state}");
    let violations = j.axe_violations().await;
    assert!(violations.is_empty(), "axe with the mention list open: {violations:#?}");

    // Arrow to Priya, Enter picks her.
    let priya_at = offered.iter().position(|n| n == "Priya Natarajan").unwrap();
    for _ in 0..priya_at {
        press(&j, "#thread-message", Key::Down).await;
    }
    assert_eq!(j.js("return document.querySelector('#thread-message-mentions [aria-selected=true]').textContent;", vec![]).await, "Priya Natarajan");
    press(&j, "#thread-message", Key::Enter).await;
    j.wait_until("the mention in the text", "return document.getElementById('thread-message').value === 'Hello @Priya Natarajan ';").await;
    assert_eq!(j.js(LIST_OPEN, vec![]).await, false, "the list closes");
    // One list: she is in the guest list, labelled as mentioned; Private makes it who may read.
    j.wait_for_text(".guest-picker .chip", "Priya Natarajan").await;
    assert_eq!(j.text("label[for=guest-search]").await, "Mentioned");
    j.click("#thread-private").await;
    j.wait_for_text("label[for=guest-search]", "Who may read it").await;
    // Escape closes a list without picking.
    type_into(&j, "#thread-message", "and @to").await;
    j.wait_until("people to mention", LIST_OPEN).await;
    press(&j, "#thread-message", Key::Escape).await;
    j.wait_until("the list to close", &format!("return !({})", LIST_OPEN.trim_start_matches("return ").trim_end_matches(';'))).await;
    assert_eq!(j.js("return document.getElementById('thread-message').value;", vec![]).await, "Hello @Priya Natarajan and @to");

    j.set_value("#thread-group", "4001").await;
    j.click(".thread-form button[type=submit]").await;
    j.wait_until("the new thread", "return /^\\/threads\\/\\d+$/.test(location.pathname);").await;
    let id: i64 = j.location().await.trim_start_matches("/threads/").parse().unwrap();
    let record = api.get(&format!("/api/community/communitythreads/{id}")).await;
    assert_eq!(record["Guests"], json!([2003]));
    assert_eq!(record["Private"], true);
    let follows = api.get(&format!("/api/community/communitythreadfollows?CommunityThreadFollow_Thread={id}&CommunityThreadFollow_User=2003")).await;
    assert_eq!(follows["TotalItems"], 1, "the mentioned member follows");

    // A reply that mentions someone makes them a guest too.
    j.wait_for("#reply-text").await;
    type_into(&j, "#reply-text", "Over to @tom").await;
    j.wait_until("people to mention", LIST_OPEN).await;
    press(&j, "#reply-text", Key::Enter).await;
    let reply_text = j.js("return document.getElementById('reply-text').value;", vec![]).await;
    assert!(reply_text.as_str().unwrap().starts_with("Over to @Tom"), "{reply_text}");
    j.click(".reply-composer button[type=submit]").await;
    j.wait_until("the reply", "return document.querySelectorAll('.reply').length === 1;").await;
    let mut guests = serde_json::Value::Null;
    for _ in 0..50 {
        guests = api.get(&format!("/api/community/communitythreads/{id}")).await["Guests"].clone();
        if guests.as_array().is_some_and(|g| g.len() == 2) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(guests, json!([2003, 2004]), "the reply's mention joined the guests");
    j.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_mentions_from_the_directory_and_the_mentioned_member_sees_it() {
    let j = Journey::start_with(Setup { language: Some("es".into()), ..Setup::default() }).await;
    j.sign_in(DEMO_MEMBER.email, DEMO_MEMBER.password).await;
    j.open("/threads/10054").await;
    j.wait_for_text("#reply-mention-hint", "Aquí una mención es texto").await;
    type_into(&j, "#reply-text", "Gracias @priya").await;
    j.wait_until("people to mention", LIST_OPEN).await;
    assert_eq!(j.text("#reply-text-mention-0").await, "Priya Natarajan");
    press(&j, "#reply-text", Key::Tab).await;
    j.wait_until("the mention", "return document.getElementById('reply-text').value === 'Gracias @Priya Natarajan ';").await;
    j.wait_for_text("[role=status][aria-live]", "Has mencionado a Priya Natarajan").await;
    j.click(".reply-composer button[type=submit]").await;
    j.wait_until(
        "the reply",
        "return [...document.querySelectorAll('.reply .message-body')].some(b => b.textContent === 'Gracias @Priya Natarajan ');",
    )
    .await;
    assert_eq!(j.count("mark.mention-me").await, 0, "not highlighted for the one who wrote it");

    // Priya reads it: her name is highlighted for her.
    j.click(".board-header .link-button").await;
    j.wait_for("#sign-in-email").await;
    j.sign_in("priya@example.com", "demo-member").await;
    j.open("/threads/10054").await;
    j.wait_for_text("mark.mention-me", "@Priya Natarajan").await;
    j.finish().await;
}
