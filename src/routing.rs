//! Client-side routing for both ways the board sits in a page: under a base path with the
//! History API, or in the URL fragment when an embedding host owns the path.
//!
//! (leptos_router 0.8 is hard-wired to real paths at the site root or under a base; it has no
//! fragment mode (leptos-rs/leptos#2184), so the board routes itself, in the same shape. The
//! pure half — which screen an address is and how an app path becomes an `href` — is
//! `model::route`.)
//!
//! Components work with app paths (`/threads/7?x=1`) only: `<Link to=…>` turns one into a
//! link (so opening it in a new tab works), `use_navigate()` goes there, `use_query_map()`
//! and `use_thread_id()` read the current one. The router's state is in context
//! (`RouterState`), one per mounted board.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::model::route::Routing;
use crate::model::route::{self, AppUrl, Page};

/// The router of the board now mounted, provided to every component: where the member is,
/// how places are written in the URL, and whether focus may move yet.
#[derive(Clone, Copy)]
pub struct RouterState {
    url: RwSignal<AppUrl>,
    routing: StoredValue<Routing>,
    /// Embedded in a host page: focus stays where the host has it until the member moves
    /// within the board (it must not pull focus into itself when the host page loads).
    embedded: bool,
    /// In-app navigations so far.
    navigations: StoredValue<u32>,
}

impl RouterState {
    /// The link for an app path in this board's routing mode.
    pub fn href(&self, app_path: &str) -> String {
        self.routing.with_value(|r| route::to_href(r, app_path))
    }

    /// Whether a screen may move focus to its heading now.
    pub fn may_move_focus(&self) -> bool {
        !self.embedded || self.navigations.get_value() > 0
    }

    fn browser_app_url(&self) -> Option<AppUrl> {
        self.routing.with_value(browser_app_url)
    }

    fn count_navigation(&self) {
        self.navigations.update_value(|n| *n += 1);
    }
}

/// Where the member is, as a node that lives as long as the screen now shown (see
/// `provide_screen_place`).
#[derive(Clone, Copy)]
struct ScreenPlace(Memo<String>);

/// Gives the screen now being built the current app path as a node of its own (`App` calls
/// this for every screen): links on it follow that node, not the router's session-long
/// signal, which keeps an entry for every reader that ever subscribed (see
/// `Directory::provide_changes`).
pub fn provide_screen_place() {
    let router = use_router();
    provide_context(ScreenPlace(Memo::new(move |_| router.url.with(AppUrl::to_app_path))));
}

/// The board's router, from a component.
pub fn use_router() -> RouterState {
    expect_context::<RouterState>()
}

#[derive(Clone, Copy, Debug, Default)]
pub struct NavigateOptions {
    /// Replace the current history entry instead of adding one (typing in the search box).
    pub replace: bool,
}

fn browser_app_url(routing: &Routing) -> Option<AppUrl> {
    let location = web_sys::window()?.location();
    let (pathname, search, hash) = (location.pathname().ok()?, location.search().ok()?, location.hash().ok()?);
    route::from_browser(routing, &pathname, &search, &hash)
}

/// Sets up routing for the board now being mounted, and listens for back/forward and for
/// clicks on the board's own links until the board goes away.
pub fn provide_router(routing: Routing, embedded: bool) {
    // A path outside the base is not a screen of the board (its "not found" page); a fragment
    // that is not a route (the host's own `#section`) leaves the board on its list.
    let initial = browser_app_url(&routing).unwrap_or_else(|| match routing {
        Routing::Hash => AppUrl::parse("/"),
        Routing::Path { .. } => AppUrl::parse("/outside-the-board"),
    });
    let hash = matches!(routing, Routing::Hash);
    let state = RouterState { url: RwSignal::new(initial), routing: StoredValue::new(routing), embedded, navigations: StoredValue::new(0) };
    provide_context(state);

    let Some(window) = web_sys::window() else { return };
    // Back and forward (and, with fragment routing, a hash typed or linked by the host).
    let on_history = Closure::<dyn Fn()>::new(move || {
        if let Some(url) = state.browser_app_url() {
            state.count_navigation();
            state.url.set(url);
        }
    });
    let events: &[&str] = if hash { &["popstate", "hashchange"] } else { &["popstate"] };
    for event in events {
        let _ = window.add_event_listener_with_callback(event, on_history.as_ref().unchecked_ref());
    }
    // Clicks on the board's links: handled in place instead of reloading the page.
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| intercept_link(&ev, state));
    let root = crate::mount::board_root();
    if let Some(root) = &root {
        let _ = root.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    }

    let listeners = send_wrapper::SendWrapper::new((on_history, on_click, root, events));
    on_cleanup(move || {
        let (on_history, on_click, root, events) = listeners.take();
        if let Some(window) = web_sys::window() {
            for event in events {
                let _ = window.remove_event_listener_with_callback(event, on_history.as_ref().unchecked_ref());
            }
        }
        if let Some(root) = root {
            let _ = root.remove_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
        }
    });
}

fn intercept_link(ev: &web_sys::MouseEvent, state: RouterState) {
    if ev.default_prevented() || ev.button() != 0 || ev.meta_key() || ev.ctrl_key() || ev.shift_key() || ev.alt_key() {
        return;
    }
    // composedPath reaches into the shadow root, where the event's target is the host.
    let path = ev.composed_path();
    let anchor = (0..path.length()).find_map(|i| path.get(i).dyn_into::<web_sys::HtmlAnchorElement>().ok());
    let Some(anchor) = anchor else { return };
    if !anchor.target().is_empty() || anchor.has_attribute("download") || anchor.get_attribute("href").is_none() {
        return;
    }
    let Some(location) = web_sys::window().map(|w| w.location()) else { return };
    if anchor.origin() != location.origin().unwrap_or_default() {
        return;
    }
    let app = state.routing.with_value(|r| route::from_browser(r, &anchor.pathname(), &anchor.search(), &anchor.hash()));
    if let Some(app) = app {
        ev.prevent_default();
        go(state, app, NavigateOptions::default());
    }
}

fn go(state: RouterState, url: AppUrl, options: NavigateOptions) {
    let target = state.href(&url.to_app_path());
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = if options.replace {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&target))
        } else {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&target))
        };
    }
    // A redirect (replace) is not the member moving: it must not pull focus into an
    // embedded board (e.g. to its sign-in form as the host page loads).
    if !options.replace {
        state.count_navigation();
    }
    // The screen changes on the next task: a page usually navigates from inside its own
    // handler (after a post), which must finish before that page is torn down.
    crate::browser::after_ms(0, move || {
        state.url.set(url);
    });
}

/// Goes to an app path (`/threads/7`).
pub fn use_navigate() -> impl Fn(&str, NavigateOptions) + Clone + 'static {
    let state = expect_context::<RouterState>();
    move |app_path: &str, options: NavigateOptions| go(state, AppUrl::parse(app_path), options)
}

/// The current place (app path and query).
pub fn use_location() -> Memo<AppUrl> {
    let state = expect_context::<RouterState>();
    Memo::new(move |_| state.url.get())
}

/// The current screen; changes only when the screen does, not with its query.
pub fn use_page() -> Memo<Page> {
    let state = expect_context::<RouterState>();
    Memo::new(move |_| state.url.with(AppUrl::page))
}

/// Query values of the current place (`?group=4001`).
pub fn use_query_map() -> Memo<Params> {
    let state = expect_context::<RouterState>();
    Memo::new(move |_| state.url.with(|url| Params(url.pairs())))
}

/// The thread of `/threads/:id` and `/threads/:id/edit`.
pub fn use_thread_id() -> Memo<Option<i64>> {
    let page = use_page();
    Memo::new(move |_| match page.get() {
        Page::Thread(id) | Page::EditThread(id) => Some(id),
        _ => None,
    })
}

/// Named values of a place.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Params(Vec<(String, String)>);

impl Params {
    pub fn get(&self, key: &str) -> Option<String> {
        self.get_str(key).map(str::to_owned)
    }

    pub fn get_str(&self, key: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }
}

/// Replaces the current place with `path` as soon as it renders.
#[component]
pub fn Redirect(#[prop(into)] path: String) -> impl IntoView {
    let navigate = use_navigate();
    // After this render: navigating while the current view is being built would rebuild it
    // from inside itself.
    crate::browser::after_ms(0, move || navigate(&path, NavigateOptions { replace: true }));
}

/// A link to an app path (`/threads/7`), written in the board's routing mode (a path under
/// its base, or a fragment), so it also opens in a new tab; a plain click is taken by the
/// router. `aria-current="page"` when it leads where the member is.
#[component]
pub fn Link(
    /// The app path and query.
    #[prop(into)]
    to: String,
    #[prop(optional)] class: Option<&'static str>,
    #[prop(optional)] rel: Option<&'static str>,
    /// An accessible name, when the text alone does not say enough.
    #[prop(optional, into)]
    label: Option<String>,
    children: Children,
) -> impl IntoView {
    // Without a router (a component mounted on its own, as in browser tests) the app path is
    // the link, and nothing is current.
    let router = use_context::<RouterState>();
    let href = router.map_or_else(|| to.clone(), |r| r.href(&to));
    // Plain values only in the closure: it runs when the place changes, which is also when
    // the screen holding this link may be taken down.
    let target = AppUrl::parse(&to).to_app_path();
    let place = use_context::<ScreenPlace>();
    let current = move || {
        let here = match (place, router) {
            (Some(ScreenPlace(place)), _) => place.with(|here| *here == target),
            (None, Some(router)) => router.url.with(|here| here.to_app_path() == target),
            (None, None) => false,
        };
        here.then_some("page")
    };
    view! { <a href=href class=class rel=rel aria-label=label aria-current=current>{children()}</a> }
}
