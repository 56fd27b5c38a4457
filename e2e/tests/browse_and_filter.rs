//! Browsing as a member (the members' API): every filter lives in the URL, so back, forward,
//! reload and shared links work; and a list page costs at most two API requests (the threads,
//! whose summaries carry their authors' names, and the groups once). A reload's first list
//! page is asked for by the page's own script, for members and for staff on REST.

use board_e2e::Journey;
use board_sandbox::seed::{DEMO_MEMBER, MANAGER};

/// API requests of the list page itself (the session's own token and profile calls excluded).
async fn list_requests(j: &Journey) -> usize {
    j.api_paths().await.iter().filter(|p| *p != "/api/token" && *p != "/api/public/coworkers/profiles").count()
}

async fn subjects(j: &Journey) -> Vec<String> {
    let value = j.js("return [...document.querySelectorAll('.thread-subject')].map(e => e.textContent);", vec![]).await;
    serde_json::from_value(value).unwrap()
}

/// Until every row shows its author's name (the directory has them all).
async fn wait_for_authors(j: &Journey) {
    j.wait_until(
        "author names",
        "return [...document.querySelectorAll('.thread-author')].every(e => !e.hasAttribute('aria-busy') && e.textContent !== '' && e.textContent !== 'Unknown member');",
    )
    .await;
}

/// Until every row's group link names its group (`what` says which page's).
async fn wait_for_group_names(j: &Journey, what: &str) {
    j.wait_until(
        what,
        "return document.querySelectorAll('.thread-row').length > 0 && [...document.querySelectorAll('.thread-row .thread-group')].every(e => e.textContent !== 'Group');",
    )
    .await;
}

/// Each row's author, as (text, aria-busy).
async fn authors(j: &Journey) -> Vec<(String, Option<String>)> {
    let value = j.js("return [...document.querySelectorAll('.thread-author')].map(e => [e.textContent, e.getAttribute('aria-busy')]);", vec![]).await;
    serde_json::from_value(value).unwrap()
}

async fn wait_for_list(j: &Journey, expected_location: &str) {
    j.wait_until(
        &format!("the list at {expected_location}"),
        &format!("return location.pathname + location.search === {} && document.querySelectorAll('.thread-row').length > 0 && !document.querySelector('.skeleton') && !document.querySelector('[aria-busy=true]');",
            serde_json::Value::from(expected_location)),
    ).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_staff_reload_takes_the_rest_page_the_page_asked_for() {
    let j = Journey::start().await;
    j.sign_in(MANAGER.email, MANAGER.password).await;
    j.open("/").await;
    wait_for_list(&j, "/").await;
    j.browser.refresh().await.unwrap();
    wait_for_list(&j, "/").await;
    wait_for_authors(&j).await;
    // index.html renewed the session and then asked for REST's first page (the kept backend
    // is REST for staff); the board took that answer rather than asking again, and its own
    // requests (the authors) and the profile's renewal came after.
    let order = j.api_paths().await;
    assert_eq!(order.first().map(String::as_str), Some("/api/token"), "{order:?}");
    assert_eq!(order.get(1).map(String::as_str), Some("/api/community/communitythreads"), "{order:?}");
    assert_eq!(order.iter().filter(|p| *p == "/api/community/communitythreads").count(), 1, "{order:?}");
    assert_eq!(j.js("return window.communityBoardFirstRead === undefined;", vec![]).await, true, "the board took the page's read");
    let first_read =
        j.js("return performance.getEntriesByType('resource').find(e => e.name.includes('/api/community/communitythreads')).name;", vec![]).await;
    assert!(first_read.as_str().is_some_and(|u| u.ends_with("?page=1&size=25&orderBy=LastMessageDate&dir=-1")), "{first_read}");
    let profile_at = order.iter().position(|p| p == "/api/public/coworkers/profiles");
    assert!(profile_at.is_some_and(|at| at > 2), "the profile is renewed after the screen's requests: {order:?}");
    assert_eq!(j.count(".thread-row").await, 25);
    j.finish().await;
}

/// Staff on REST: the rows do not wait for their authors' names, a request later. They paint
/// with each name a busy placeholder; the names fill in when the batch answers; a batch that
/// fails leaves the rows, their authors unknown.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_staff_list_paints_before_its_authors_names_come() {
    let j = Journey::start().await;
    j.sign_in(MANAGER.email, MANAGER.password).await;
    j.open("/").await;
    wait_for_list(&j, "/").await;

    // The names held back for 3 s: a fresh document knows none of them.
    j.fault(serde_json::json!({ "path": "/api/sys/users", "kind": "delay", "delay_ms": 3000 })).await;
    j.browser.refresh().await.unwrap();
    j.wait_until("25 rows", "return document.querySelectorAll('.thread-row').length === 25;").await;
    let answered = j.js("return performance.getEntriesByType('resource').some(e => e.name.includes('/api/sys/users'));", vec![]).await;
    assert_eq!(answered, false, "the rows came before the names' answer");
    let waiting = authors(&j).await;
    assert_eq!(waiting.len(), 25);
    // (The placeholder's text is for screen readers only.)
    assert!(
        waiting.iter().all(|(name, busy)| name == "Name loading" && busy.as_deref() == Some("true")),
        "names on their way, not unknown: {waiting:?}"
    );
    // Its words are for screen readers: on screen the placeholder is a bar, and the portrait
    // shows no initials yet.
    let colour = j.js("return getComputedStyle(document.querySelector('.thread-author[aria-busy]')).color;", vec![]).await;
    assert_eq!(colour, "rgba(0, 0, 0, 0)", "the placeholder's words are not drawn");
    let initials = j.js("return [...document.querySelectorAll('.thread-row .avatar')].map(a => a.textContent).join('');", vec![]).await;
    assert_eq!(initials, "", "no initials before the names");
    wait_for_authors(&j).await;
    assert!(authors(&j).await.iter().all(|(name, busy)| !name.is_empty() && busy.is_none()));

    // Every try of the batch fails (the first and both retries): the rows stay.
    j.fault(serde_json::json!({ "path": "/api/sys/users", "kind": "server_error", "count": 3 })).await;
    j.browser.refresh().await.unwrap();
    j.wait_until(
        "the names given up",
        "return document.querySelectorAll('.thread-row').length === 25 && !document.querySelector('.thread-author[aria-busy]');",
    )
    .await;
    assert!(authors(&j).await.iter().all(|(name, _)| name == "Unknown member"));
    assert_eq!(j.count(".thread-row").await, 25);
    assert!(j.count("[role=alert]").await == 0, "a list without names is not an error");
    j.finish().await;
}

/// The rows paint before the groups are asked for; each row's group link names its group
/// once they come (before this was tested, the rows of a fresh page said "Group" for good).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rows_group_is_named_once_the_groups_come() {
    let j = Journey::start().await;
    j.sign_in(DEMO_MEMBER.email, DEMO_MEMBER.password).await;
    // The first page's own groups request done first, so the held-back one is the reload's.
    wait_for_group_names(&j, "the first page's group names").await;
    j.fault(serde_json::json!({ "path": "/api/public/community/board/groups", "kind": "delay", "delay_ms": 2000 })).await;
    j.browser.refresh().await.unwrap();
    j.wait_until("25 rows", "return document.querySelectorAll('.thread-row').length === 25;").await;
    let group_names = "return [...document.querySelectorAll('.thread-row .thread-group')].map(e => e.textContent);";
    let before: Vec<String> = serde_json::from_value(j.js(group_names, vec![]).await).unwrap();
    assert!(!before.is_empty() && before.iter().all(|g| g == "Group"), "the groups are not here yet: {before:?}");
    wait_for_group_names(&j, "the rows' group names").await;
    let after: Vec<String> = serde_json::from_value(j.js(group_names, vec![]).await).unwrap();
    let options: Vec<String> =
        serde_json::from_value(j.js("return [...document.querySelectorAll('#group-filter option')].map(o => o.textContent);", vec![]).await).unwrap();
    for name in &after {
        assert!(options.iter().any(|o| o.starts_with(name.as_str())), "{name:?} is one of the groups: {options:?}");
    }
    j.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn filters_search_and_paging_live_in_the_url() {
    let j = Journey::start().await;
    j.sign_in(DEMO_MEMBER.email, DEMO_MEMBER.password).await;

    // A cold load of the list: at most 2 requests (threads, groups), none of them REST.
    j.open("/").await;
    wait_for_list(&j, "/").await;
    wait_for_authors(&j).await;
    let first_page = list_requests(&j).await;
    println!("list page, cold: {first_page} API requests");
    assert!(first_page <= 2, "a cold list page made {first_page} requests");
    let paths = j.api_paths().await;
    assert!(paths.iter().all(|p| !p.starts_with("/api/community/") && !p.starts_with("/api/sys/")), "a member's board calls no REST: {paths:?}");
    // The first page was asked for by the page's own script with the renewed token (index.html),
    // and the board took that answer: one request for it, none of the board's own.
    let reads = paths.iter().filter(|p| *p == "/api/public/community/board/threads").count();
    assert_eq!(reads, 1, "{paths:?}");
    assert_eq!(j.js("return window.communityBoardFirstRead === undefined;", vec![]).await, true, "the board took the page's read");
    let page_one = subjects(&j).await;
    assert_eq!(page_one.len(), 25);

    // Next page through the pager: the URL says page 2; still at most 3 requests.
    j.click("a[rel=next]").await;
    wait_for_list(&j, "/?page=2").await;
    let second_page = list_requests(&j).await - first_page;
    println!("list page 2: {second_page} API requests");
    assert!(second_page <= 1, "page 2 made {second_page} requests");
    let page_two = subjects(&j).await;
    assert_ne!(page_two, page_one);

    // Back returns to page 1, forward to page 2, reload keeps page 2.
    j.browser.back().await.unwrap();
    wait_for_list(&j, "/").await;
    assert_eq!(subjects(&j).await, page_one);
    j.browser.forward().await.unwrap();
    wait_for_list(&j, "/?page=2").await;
    j.browser.refresh().await.unwrap();
    wait_for_list(&j, "/?page=2").await;
    assert_eq!(subjects(&j).await, page_two, "a reload shows the same page");
    // After a reload the list's own requests come right after the token exchange: the
    // member kept in the tab stands in for the profile until it is asked for afterwards.
    let order = j.api_paths().await;
    assert_eq!(order.first().map(String::as_str), Some("/api/token"), "{order:?}");
    assert_eq!(order.get(1).map(String::as_str), Some("/api/public/community/board/threads"), "{order:?}");
    let profile_at = order.iter().position(|p| p == "/api/public/coworkers/profiles");
    assert!(profile_at.is_some_and(|at| at > 2), "the profile is renewed after the screen's requests: {order:?}");
    // The renewal is sent by the page's own script (index.html marks the moment), and the
    // board uses its answer rather than renewing again.
    assert_eq!(order.iter().filter(|p| *p == "/api/token").count(), 1, "one token renewal per reload: {order:?}");
    let sent = j.js("return performance.getEntriesByName('community-board:renewal-sent').length;", vec![]).await;
    assert_eq!(sent, serde_json::json!(1), "index.html sent the renewal");

    // The group filter.
    j.open("/").await;
    wait_for_list(&j, "/").await;
    j.wait_for("#group-filter option[value='4001']").await;
    j.set_value("#group-filter", "4001").await;
    wait_for_list(&j, "/?group=4001").await;
    let groups = j.js("return [...document.querySelectorAll('.thread-row .thread-group')].map(e => e.textContent);", vec![]).await;
    let groups: Vec<String> = serde_json::from_value(groups).unwrap();
    assert!(!groups.is_empty() && groups.iter().all(|g| g == "General"), "{groups:?}");
    j.wait_for_text(".group-note", "You can post here").await;

    // A tag click narrows further; the tag is in the URL.
    let tag = j.js("return document.querySelector('.thread-row .tag').textContent;", vec![]).await;
    let tag = tag.as_str().unwrap().trim_start_matches('#').to_owned();
    j.click(".thread-row .tag").await;
    wait_for_list(&j, &format!("/?group=4001&tag={tag}")).await;
    let tagged = j.js("return [...document.querySelectorAll('.thread-row')].every(r => [...r.querySelectorAll('.tag')].some(t => t.textContent === '#' + arguments[0]));", vec![tag.clone().into()]).await;
    assert_eq!(tagged, serde_json::Value::Bool(true), "every row carries #{tag}");
    j.browser.back().await.unwrap();
    wait_for_list(&j, "/?group=4001").await;

    // A Restricted group the member is not in: reading yes, posting no.
    j.set_value("#group-filter", "4003").await;
    wait_for_list(&j, "/?group=4003").await;
    j.wait_for_text(".group-note", "only members can post").await;

    // Search looks in messages too: "vegetarian" is only in the lunch threads' bodies (one
    // request: the members' API matches subject and message alike).
    j.open("/").await;
    wait_for_list(&j, "/").await;
    j.fill("#thread-search", "Vegetarian").await;
    wait_for_list(&j, "/?q=Vegetarian").await;
    let found = subjects(&j).await;
    assert!(!found.is_empty() && found.iter().all(|s| s.starts_with("Lunch spots near the office?")), "{found:?}");
    j.browser.refresh().await.unwrap();
    wait_for_list(&j, "/?q=Vegetarian").await;
    assert_eq!(subjects(&j).await, found);
    let search_value = j.js("return document.querySelector('#thread-search').value;", vec![]).await;
    assert_eq!(search_value, "Vegetarian", "the box shows the search from the URL");

    // A search that matches nothing says so.
    j.open("/?q=zzzz-nothing").await;
    j.wait_for_text(".empty", "No conversations match").await;
    j.finish().await;
}
