//! Liking replies on both backends, and editing one's own replies where the API allows it
//! (REST); on the members' API the board says that replies cannot be edited.

use board_e2e::{Journey, Setup, MANAGER};
use board_sandbox::seed::DEMO_MEMBER;
use serde_json::json;

/// "Welcome our new members!" in General: seeded with five replies, some liked.
const THREAD: i64 = 10054;

fn likes_of(message: i64) -> String {
    format!("/api/community/communitymessagelikes?CommunityMessageLike_Message={message}")
}

/// The id of the first reply on screen whose like count is at least `min`.
async fn reply_with_likes(j: &Journey, min: i64) -> i64 {
    j.wait_until("replies with their likes", "return !!document.querySelector('.reply .toggle-reply-like:not([disabled])');").await;
    let id = j
        .js(
            &format!(
                "const r = [...document.querySelectorAll('.reply')].find(r => +r.querySelector('.toggle-reply-like .count').textContent >= {min});
                 return r ? +r.dataset.replyId : null;"
            ),
            vec![],
        )
        .await;
    id.as_i64().expect("a reply with that many likes")
}

/// A member, in Spanish, on the members' API: the like count is the API's, a press toggles
/// the member's like (stored), and the reply box says that replies cannot be edited here.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_likes_a_reply_and_is_told_replies_cannot_be_edited() {
    let j = Journey::start_with(Setup { language: Some("es".into()), ..Setup::default() }).await;
    j.sign_in(DEMO_MEMBER.email, DEMO_MEMBER.password).await;
    let api = j.staff_api().await;
    j.open(&format!("/threads/{THREAD}")).await;
    let reply = reply_with_likes(&j, 1).await;
    let button = format!(".reply[data-reply-id='{reply}'] .toggle-reply-like");
    let stored = api.get(&likes_of(reply)).await["TotalItems"].as_i64().unwrap();
    let shown: i64 = j.text(&format!("{button} .count")).await.trim().parse().unwrap();
    assert_eq!(shown, stored, "the count is the API's");
    // The members' API never says whether the member's like is set: unknown until pressed.
    assert!(j.text(&button).await.starts_with("Me gusta o quitarlo"), "{}", j.text(&button).await);
    let mine = format!("{}&CommunityMessageLike_User={}", likes_of(reply), DEMO_MEMBER.user_id);
    let was_on = api.get(&mine).await["TotalItems"].as_i64().unwrap() == 1;
    j.click(&button).await;
    j.wait_until(
        "the like to switch",
        &format!("const b = document.querySelector(\"{button}\"); return b.getAttribute('aria-pressed') === '{}' && !b.dataset.busy;", !was_on),
    )
    .await;
    let expected = if was_on { stored - 1 } else { stored + 1 };
    assert_eq!(api.get(&likes_of(reply)).await["TotalItems"].as_i64().unwrap(), expected, "the like is stored");
    assert_eq!(j.text(&format!("{button} .count")).await.trim(), expected.to_string());
    assert_eq!(j.text(&button).await.trim_end_matches(char::is_numeric).trim(), "Me gusta", "known now: the plain name and aria-pressed");

    // The member's own reply can be deleted but not edited, and the board says so.
    j.fill("#reply-text", "Mi respuesta").await;
    j.click(".reply-composer button[type=submit]").await;
    j.wait_until("the reply", "return [...document.querySelectorAll('.reply .message-body')].some(e => e.textContent === 'Mi respuesta');").await;
    j.wait_for_text("#reply-edit-note", "Aquí no se pueden editar las respuestas").await;
    assert_eq!(j.count(".reply .reply-actions button.secondary:not(.toggle)").await, 0, "no Edit button on the members' API");
    assert!(j.count(".reply .confirm, .reply .reply-actions button").await > 0);
    j.finish().await;
}

/// The community manager on REST: the like state is known (aria-pressed from the start) and
/// toggles both ways; their reply is edited in place with the whole record put back, Escape
/// cancels, an empty text is refused next to the field, and a failed save keeps the edit.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_like_replies_and_edit_their_own() {
    let j = Journey::start().await;
    j.sign_in(MANAGER.0, MANAGER.1).await;
    let api = j.staff_api().await;
    j.open(&format!("/threads/{THREAD}")).await;
    let reply = reply_with_likes(&j, 0).await;
    let button = format!(".reply[data-reply-id='{reply}'] .toggle-reply-like");
    let before = api.get(&likes_of(reply)).await["TotalItems"].as_i64().unwrap();
    assert_eq!(j.text(&format!("{button} .count")).await.trim(), before.to_string());
    let pressed = j.js(&format!("return document.querySelector(\"{button}\").getAttribute('aria-pressed');"), vec![]).await;
    assert_eq!(pressed, json!("false"), "REST says the manager has not liked it");
    for (on, count) in [("true", before + 1), ("false", before)] {
        j.click(&button).await;
        j.wait_until(
            "the like to switch",
            &format!("const b = document.querySelector(\"{button}\"); return b.getAttribute('aria-pressed') === '{on}' && !b.dataset.busy;"),
        )
        .await;
        assert_eq!(api.get(&likes_of(reply)).await["TotalItems"].as_i64().unwrap(), count);
        assert_eq!(j.text(&format!("{button} .count")).await.trim(), count.to_string());
    }

    // Post a reply, then edit it.
    j.fill("#reply-text", "First words").await;
    j.click(".reply-composer button[type=submit]").await;
    j.wait_until("the reply", "return [...document.querySelectorAll('.reply .message-body')].some(e => e.textContent === 'First words');").await;
    let mine = j
        .js("return +[...document.querySelectorAll('.reply')].find(r => r.querySelector('.message-body').textContent === 'First words').dataset.replyId;", vec![])
        .await
        .as_i64()
        .unwrap();
    let record_before = api.get(&format!("/api/community/communitymessages/{mine}")).await;
    let row = format!(".reply[data-reply-id='{mine}']");
    assert_eq!(j.count("#reply-edit-note").await, 0, "REST edits replies: no notice");

    // Escape gives the edit up and puts focus back on Edit.
    j.click(&format!("{row} .reply-actions button.secondary:not(.toggle)")).await;
    j.wait_until("the editor, focused", &format!("return document.activeElement && document.activeElement.id === 'reply-edit-{mine}';")).await;
    j.fill(&format!("#reply-edit-{mine}"), "Thrown away").await;
    j.js(
        &format!("document.getElementById('reply-edit-{mine}').dispatchEvent(new KeyboardEvent('keydown', {{key: 'Escape', bubbles: true}}));"),
        vec![],
    )
    .await;
    j.wait_for_text(&format!("{row} .message-body"), "First words").await;
    j.wait_until(
        "focus back on Edit",
        &format!("return document.activeElement === document.querySelector(\"{row} .reply-actions button.secondary:not(.toggle)\");"),
    )
    .await;

    // Empty: refused next to the field, nothing sent.
    j.click(&format!("{row} .reply-actions button.secondary:not(.toggle)")).await;
    j.wait_for(&format!("#reply-edit-{mine}")).await;
    j.set_value(&format!("#reply-edit-{mine}"), "   ").await;
    j.click(&format!("{row} .reply-editor button[type=submit]")).await;
    j.wait_for_text(&format!("#reply-edit-error-{mine}"), "Write a reply first").await;

    // A server failure keeps the edited text in the box.
    j.fill(&format!("#reply-edit-{mine}"), "Better words\non two lines").await;
    j.fault(json!({ "path": "/api/community/communitymessages", "method": "PUT", "kind": "server_error" })).await;
    j.click(&format!("{row} .reply-editor button[type=submit]")).await;
    j.wait_for_text(&format!("#reply-edit-error-{mine}"), "Your reply is kept").await;
    let kept = j.js(&format!("return document.getElementById('reply-edit-{mine}').value;"), vec![]).await;
    assert_eq!(kept, "Better words\non two lines");

    // Saved: shown, announced, stored, every other field as it was.
    j.click(&format!("{row} .reply-editor button[type=submit]")).await;
    j.wait_for_text(&format!("{row} .message-body"), "Better words\non two lines").await;
    j.wait_for_text("[role=status][aria-live]", "Reply updated").await;
    let record_after = api.get(&format!("/api/community/communitymessages/{mine}")).await;
    assert_eq!(record_after["Message"], "Better words\non two lines");
    for field in ["CommunityThreadId", "UserId", "CoworkerId", "CreatedOn", "UniqueId"] {
        assert_eq!(record_after[field], record_before[field], "{field} kept");
    }
    j.finish().await;
}
