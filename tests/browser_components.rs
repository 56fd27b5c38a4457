//! Browser tests of components that need no server: message text, tags.
#![cfg(target_arch = "wasm32")]

#[path = "shared/letter_case.rs"]
mod letter_case;

use community_board::components::message_body::MessageBody;
use community_board::components::tag_input::TagInput;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn host() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host.unchecked_into()
}

async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn plain_text_is_never_markup_and_only_web_links_are_links() {
    let host = host();
    let text = "<img src=x onerror=\"window.__pwned=1\"> &lt;b&gt;hi&lt;/b&gt;\nsee https://example.com/x and javascript:alert(1)";
    let _handle = leptos::mount::mount_to(host.clone(), move || view! { <MessageBody text=text/> });
    tick().await;
    assert!(host.query_selector("img").unwrap().is_none(), "no element from the text");
    assert!(host.query_selector("b").unwrap().is_none());
    let links = host.query_selector_all("a").unwrap();
    assert_eq!(links.length(), 1);
    let link: web_sys::Element = links.item(0).unwrap().unchecked_into();
    assert_eq!(link.get_attribute("href").as_deref(), Some("https://example.com/x"));
    assert_eq!(link.get_attribute("rel").as_deref(), Some("noopener noreferrer ugc"));
    assert_eq!(host.text_content().unwrap(), text, "every character shows as typed");
    assert!(js_sys::Reflect::get(&web_sys::window().unwrap(), &"__pwned".into()).unwrap().is_undefined());
    host.remove();
}

/// Markup from the portal's editor: the allow-listed elements are rebuilt, with no attribute
/// but a checked link address; every other tag shows as the text it was, and nothing runs or
/// loads.
#[wasm_bindgen_test]
async fn portal_markup_keeps_allowed_elements_only() {
    let host = host();
    let text = concat!(
        "<p class=\"x\" style=\"color:red\" onclick=\"window.__pwned=1\">Tom &amp; <strong>Jerry</strong> <em>and</em> <u>co</u><br>next line</p>",
        "<ul><li>one</li><li><b>two</b></li></ul><ol><li>first</li></ol>",
        "<blockquote>quoted</blockquote><pre>  kept   spaces</pre><code>x = 1</code>",
        "<a href=\"https://example.com/a\" onmouseover=\"window.__pwned=1\" target=\"_self\">safe</a>",
        "<a href=\"javascript:window.__pwned=1\">unsafe</a><a href=\"mailto:hi@example.com\">mail</a>",
        "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=1</script><div>in a div</div>",
        "<svg><a href=\"https://example.com/svg\">svg link</a></svg><!-- a comment --><span>see https://example.com/b</span>",
    );
    let _handle = leptos::mount::mount_to(host.clone(), move || view! { <MessageBody text=text/> });
    tick().await;
    let body = host.query_selector(".message-body.rich").unwrap().expect("shown as markup");
    let tags: Vec<String> = {
        let all = body.query_selector_all("*").unwrap();
        (0..all.length()).map(|i| all.item(i).unwrap().unchecked_into::<web_sys::Element>().local_name()).collect()
    };
    for tag in &tags {
        assert!(["p", "strong", "em", "u", "br", "ul", "ol", "li", "blockquote", "pre", "code", "a"].contains(&tag.as_str()), "<{tag}> shown");
    }
    assert!(tags.contains(&"strong".to_owned()) && tags.contains(&"blockquote".to_owned()) && tags.contains(&"li".to_owned()));
    let all = body.query_selector_all("*").unwrap();
    for i in 0..all.length() {
        let el: web_sys::Element = all.item(i).unwrap().unchecked_into();
        let names: Vec<String> = el.get_attribute_names().iter().map(|n| n.as_string().unwrap()).collect();
        let expected: &[&str] = if el.local_name() == "a" { &["href", "rel", "target"] } else { &[] };
        let mut names = names;
        names.sort();
        assert_eq!(names, expected, "attributes on <{}>", el.local_name());
    }
    let hrefs: Vec<String> = {
        let links = body.query_selector_all("a").unwrap();
        (0..links.length()).map(|i| links.item(i).unwrap().unchecked_into::<web_sys::Element>().get_attribute("href").unwrap()).collect()
    };
    assert_eq!(
        hrefs,
        ["https://example.com/a", "mailto:hi@example.com", "https://example.com/svg", "https://example.com/b"],
        "checked links (the <svg> around one is text), and a web address in text"
    );
    let shown = body.text_content().unwrap();
    for part in [
        "Tom & Jerry",
        "unsafe",
        "<img src=x onerror=\"window.__pwned=1\">",
        "<script>window.__pwned=1</script>",
        "<div>in a div</div>",
        "<svg>",
        "<!-- a comment -->",
        "  kept   spaces",
    ] {
        assert!(shown.contains(part), "{part:?} shows as text in {shown:?}");
    }
    tick().await;
    assert!(js_sys::Reflect::get(&web_sys::window().unwrap(), &"__pwned".into()).unwrap().is_undefined(), "nothing ran");
    host.remove();
}

#[wasm_bindgen_test]
async fn tags_are_added_with_enter_and_refused_when_duplicated() {
    let host = host();
    let owner = Owner::new();
    owner.set();
    let tags = RwSignal::new(vec!["food".to_owned()]);
    let _handle = leptos::mount::mount_to(host.clone(), move || view! { <TagInput tags=tags/> });
    tick().await;
    let input: web_sys::HtmlInputElement = host.query_selector("#thread-tags").unwrap().unwrap().unchecked_into();
    let type_and_enter = |text: &str| {
        input.set_value(text);
        input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
        let init = web_sys::KeyboardEventInit::new();
        init.set_key("Enter");
        init.set_cancelable(true);
        let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        input.dispatch_event(&event).unwrap();
        event.default_prevented()
    };
    assert!(type_and_enter("  drinks "), "Enter adds a tag instead of submitting the form");
    tick().await;
    assert_eq!(tags.get_untracked(), vec!["food", "drinks"]);
    type_and_enter("FOOD");
    tick().await;
    assert_eq!(tags.get_untracked().len(), 2);
    assert!(host.query_selector("#thread-tags-error").unwrap().unwrap().text_content().unwrap().contains("already"));
    // Pasting a comma list makes one chip each.
    input.set_value("x, y,");
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    tick().await;
    assert_eq!(tags.get_untracked(), vec!["food", "drinks", "x", "y"]);
    assert_eq!(host.query_selector_all(".chip").unwrap().length(), 4);
    // Each chip can be removed by its labelled button.
    let remove: web_sys::HtmlElement = host.query_selector("button[aria-label='Remove tag drinks']").unwrap().unwrap().unchecked_into();
    remove.click();
    tick().await;
    assert_eq!(tags.get_untracked(), vec!["food", "x", "y"]);
    host.remove();
}

/// Letter case in the browser is JavaScript's (`model::case`).
#[wasm_bindgen_test]
fn letter_case_follows_unicode_in_the_browser() {
    letter_case::check_letter_case();
}
