//! axe-core finds no WCAG 2.0/2.1 A or AA violation on sign-in, list, thread and composer (also
//! with its validation errors showing), in the light and the dark theme, in English and in
//! Spanish. The Spanish journey takes its language from the browser, as a member's would be,
//! and also checks that no English text of the board is left on its screens. Every audited
//! screen is kept as a screenshot (`target/e2e-artifacts/{en,es}-{light,dark}-…png`).

use board_e2e::{Journey, Setup, MANAGER};
use board_sandbox::seed::DEMO_MEMBER;

/// Each screen: a name, where it is, what shows it is ready, and what to do there first.
const SCREENS: [(&str, &str, &str, Option<&str>); 4] = [
    ("list", "/?group=4001", ".thread-row .thread-author", None),
    ("thread", "/threads/10062", ".zoom-card", None),
    ("composer", "/new", "#thread-subject", None),
    // Sending an empty form puts an error beside each required field.
    ("composer with errors", "/new", "#thread-subject", Some("document.querySelector('.thread-form button[type=submit]').click();")),
];

/// Every text node and accessible label on the page.
const VISIBLE_TEXTS: &str = r#"
    const texts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) { const t = walker.currentNode.textContent.trim(); if (t) texts.push(t); }
    for (const el of document.querySelectorAll('[aria-label],[placeholder],[title],[alt]')) {
      for (const a of ['aria-label', 'placeholder', 'title', 'alt']) { const v = el.getAttribute(a); if (v) texts.push(v.trim()); }
    }
    return texts;
"#;

async fn settle(j: &Journey) {
    j.wait_until(
        "rendering to settle",
        "return !document.querySelector('.skeleton') && !document.querySelector('.loading') && !document.querySelector('[aria-busy=true]');",
    )
    .await;
}

/// axe in both themes on the screen now showing; failures are collected, not thrown, so one
/// run reports every screen's problems.
async fn audit(j: &Journey, language: &str, screen: &str, failures: &mut Vec<String>) {
    for theme in ["light", "dark"] {
        j.js("document.querySelector('.community-board').dataset.theme = arguments[0];", vec![theme.into()]).await;
        // The theme is the root's attribute: let the styles apply before measuring contrast.
        j.js("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));", vec![]).await;
        let dark = j
            .js(
                "const [r, g, b] = getComputedStyle(document.querySelector('.community-board')).backgroundColor.match(/\\d+/g).map(Number);
                 return (r + g + b) / 3 < 128;",
                vec![],
            )
            .await;
        assert_eq!(dark, (theme == "dark"), "{screen}: the {theme} theme's background");
        j.screenshot(&format!("{language}-{theme}-{}", screen.replace(' ', "-"))).await;
        for violation in j.axe_violations().await {
            failures.push(format!("[{language}, {theme}, {screen}] {violation}"));
        }
    }
}

/// Audits every screen; returns the violations and each screen's texts.
async fn audit_every_screen(j: &Journey, language: &str) -> (Vec<String>, Vec<(&'static str, Vec<String>)>) {
    let mut failures = Vec::new();
    let mut texts = Vec::new();
    j.open("/sign-in").await;
    j.wait_for("#sign-in-email").await;
    audit(j, language, "sign-in", &mut failures).await;
    texts.push(("sign-in", serde_json::from_value(j.js(VISIBLE_TEXTS, vec![]).await).unwrap()));
    j.sign_in(DEMO_MEMBER.email, DEMO_MEMBER.password).await;
    for (screen, path, ready, action) in SCREENS {
        j.open(path).await;
        j.wait_for(ready).await;
        settle(j).await;
        if let Some(action) = action {
            j.js(action, vec![]).await;
            j.wait_for("[aria-invalid=true]").await;
        }
        audit(j, language, screen, &mut failures).await;
        texts.push((screen, serde_json::from_value(j.js(VISIBLE_TEXTS, vec![]).await).unwrap()));
    }
    // Staff: the REST composer with every option open and its errors showing.
    j.click(".board-header .link-button").await;
    j.wait_for("#sign-in-email").await;
    j.sign_in(MANAGER.0, MANAGER.1).await;
    j.open("/new").await;
    j.wait_for("#thread-private").await;
    settle(j).await;
    j.js("document.querySelector('#thread-private').click(); document.querySelector('#thread-zoom').click();", vec![]).await;
    j.wait_for("#zoom-join-url").await;
    j.js("document.querySelector('.thread-form button[type=submit]').click();", vec![]).await;
    j.wait_for("[aria-invalid=true]").await;
    audit(j, language, "staff composer with errors", &mut failures).await;
    texts.push(("staff composer", serde_json::from_value(j.js(VISIBLE_TEXTS, vec![]).await).unwrap()));
    (failures, texts)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_wcag_violations_in_english_light_and_dark() {
    let j = Journey::start().await;
    let (failures, _) = audit_every_screen(&j, "en").await;
    assert_eq!(j.js("return document.documentElement.lang;", vec![]).await, "en");
    assert!(failures.is_empty(), "axe found {} violation(s):\n{}", failures.len(), failures.join("\n"));
    j.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_wcag_violations_in_spanish_light_and_dark_and_nothing_left_in_english() {
    let j = Journey::start_with(Setup { language: Some("es".into()), ..Setup::default() }).await;
    let (failures, texts) = audit_every_screen(&j, "es").await;
    assert!(failures.is_empty(), "axe found {} violation(s):\n{}", failures.len(), failures.join("\n"));
    assert_eq!(j.js("return document.documentElement.lang;", vec![]).await, "es", "the browser's language was taken");

    // Every text and accessible label of the board's own, on every screen, is Spanish: none
    // equals one of the English catalogue's texts (member content is excluded by being whole
    // texts the board did not write).
    let spanish_heading = texts.iter().any(|(screen, t)| *screen == "list" && t.iter().any(|t| t == "Conversaciones"));
    assert!(spanish_heading, "the list's texts were collected, in Spanish");
    let english: Vec<&str> = community_board::i18n::english_texts();
    let mut leftovers = Vec::new();
    for (screen, texts) in texts {
        for text in texts {
            if english.contains(&text.as_str()) {
                leftovers.push(format!("{screen}: {text:?}"));
            }
        }
    }
    assert!(leftovers.is_empty(), "English left on Spanish screens:\n{}", leftovers.join("\n"));
    j.finish().await;
}

/// The audit is not vacuous: markup planted in the page with an unnamed button and
/// low-contrast text is reported.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_audit_reports_planted_violations() {
    let j = Journey::start().await;
    j.sign_in(DEMO_MEMBER.email, DEMO_MEMBER.password).await;
    j.wait_for(".thread-row .thread-author").await;
    j.js(
        "const main = document.querySelector('main');
         const button = document.createElement('button'); main.append(button);
         const faint = document.createElement('p'); faint.textContent = 'faint text'; faint.style.color = '#eeeeee'; main.append(faint);",
        vec![],
    )
    .await;
    let violations = j.axe_violations().await;
    assert!(violations.iter().any(|v| v.starts_with("button-name")), "{violations:?}");
    assert!(violations.iter().any(|v| v.starts_with("color-contrast")), "{violations:?}");
    j.finish().await;
}
