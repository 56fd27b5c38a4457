//! A message written in the Members Portal's editor comes as HTML. The board shows its
//! allow-listed formatting on both backends, reads it as one line of text in the list, and
//! keeps a member's plain text (with `<` in it) exactly as typed.

use board_e2e::{Journey, MANAGER};
use board_sandbox::seed::DEMO_MEMBER;
use serde_json::json;

const BOARD: &str = "/api/public/community/board/threads";
const FORMATTED: &str = "<p>Hello <strong>there</strong> &amp; <em>welcome</em></p><ul><li>one</li><li>two</li></ul><p><a href=\"https://example.com/rules\">the rules</a></p>";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn portal_markup_shows_as_formatting_on_both_backends() {
    let j = Journey::start().await;
    let member = j.api(DEMO_MEMBER.email, DEMO_MEMBER.password).await;
    let made = member.post(BOARD, &json!({ "GroupId": 4001, "Title": "Formatted in the portal", "Content": FORMATTED })).await;
    let id = made["Value"]["Id"].as_i64().unwrap();
    member.post(&format!("{BOARD}/{id}/messages"), &json!({ "Content": "a < b, and <b>bold</b> & done" })).await;
    member.post(&format!("{BOARD}/{id}/messages"), &json!({ "Content": "I <3 plain text, <script>x</script> too" })).await;

    for (who, password) in [(DEMO_MEMBER.email, DEMO_MEMBER.password), (MANAGER.0, MANAGER.1)] {
        j.sign_in(who, password).await;
        j.open("/?group=4001").await;
        let excerpt = j.wait_for(&format!(".thread-row[data-thread-id='{id}'] .thread-excerpt")).await.text().await.unwrap();
        assert_eq!(excerpt, "Hello there & welcome one two the rules", "{who}: the list reads it as text");
        j.open(&format!("/threads/{id}")).await;
        j.wait_for(".thread-body .message-body.rich, .message-body.rich").await;
        let shown = j
            .js(
                "const b = document.querySelector('.message-body.rich');
                 return { strong: b.querySelector('p strong').textContent, em: b.querySelector('em').textContent,
                          items: [...b.querySelectorAll('ul > li')].map(li => li.textContent),
                          link: b.querySelector('a').getAttribute('href'), text: b.textContent };",
                vec![],
            )
            .await;
        assert_eq!(shown["strong"], "there", "{who}");
        assert_eq!(shown["em"], "welcome");
        assert_eq!(shown["items"], json!(["one", "two"]));
        assert_eq!(shown["link"], "https://example.com/rules");
        assert_eq!(shown["text"], "Hello there & welcomeonetwothe rules", "entities decoded once");
        j.wait_until("both replies", "return document.querySelectorAll('.reply').length === 2;").await;
        let replies = j
            .js("return [...document.querySelectorAll('.reply .message-body')].map(b => [b.classList.contains('rich'), b.textContent, !!b.querySelector('strong')]);", vec![])
            .await;
        assert_eq!(
            replies,
            json!([[true, "a < b, and bold & done", true], [false, "I <3 plain text, <script>x</script> too", false]]),
            "{who}: an allow-listed tag makes markup; anything else is text as typed"
        );
        j.click(".board-header .link-button").await;
        j.wait_for("#sign-in-email").await;
    }
    j.finish().await;
}
