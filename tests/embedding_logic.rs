//! Native tests of what embedding depends on: reading settings from meta tags or a host's
//! options, and mapping the board's places to and from the browser's URL in both routing modes.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;

use community_board::config::{normalise_base_path, BoardConfig, Setting, Source, Theme};
use community_board::model::query::DirConvention;
use community_board::model::route::Routing;
use community_board::model::route::{decode, from_browser, to_href, AppUrl, Page};

fn parse(source: Source, pairs: &[(Setting, &str)]) -> (BoardConfig, Vec<String>) {
    let map: HashMap<&'static str, String> = pairs.iter().map(|(s, v)| (s.meta_name(), v.to_string())).collect();
    BoardConfig::parse(source, |s| map.get(s.meta_name()).cloned())
}

#[test]
fn no_settings_give_the_documented_defaults() {
    let (config, problems) = parse(Source::Page, &[]);
    assert!(problems.is_empty());
    assert_eq!(config, BoardConfig::default());
    assert_eq!(config.routing, Routing::Path { base: String::new() });
    assert_eq!((config.page_sizes.threads, config.page_sizes.replies), (25, 50));
    // Embedded without a base path, the host owns the path: the board takes the fragment.
    assert_eq!(parse(Source::Embedded, &[]).0.routing, Routing::Hash);
}

#[test]
fn every_setting_is_read() {
    let (config, problems) = parse(
        Source::Embedded,
        &[
            (Setting::ApiBase, "https://northside.spaces.nexudus.com/"),
            (Setting::SortConvention, "learn"),
            (Setting::RequestsPerMinute, "600"),
            (Setting::WritesPerMinute, "300"),
            (Setting::RequestSpacingMs, "0"),
            (Setting::Business, "1001"),
            (Setting::Locale, " es-MX "),
            (Setting::Theme, "dark"),
            (Setting::BasePath, "portal/community/"),
            (Setting::PageSize, "1000"),
            (Setting::RepliesPageSize, "500"),
        ],
    );
    assert_eq!(problems, Vec::<String>::new());
    assert_eq!(config.api_base, "https://northside.spaces.nexudus.com");
    assert_eq!(config.dir_convention, DirConvention::Learn);
    assert_eq!((config.limits.per_minute, config.limits.writes_per_minute, config.limits.spacing_ms), (600, 300, 0.0));
    assert_eq!(config.business, Some(1001));
    assert_eq!(config.locale.as_deref(), Some("es-MX"));
    assert_eq!(config.theme, Theme::Dark);
    assert_eq!(config.routing, Routing::Path { base: "/portal/community".into() });
    assert_eq!((config.page_sizes.threads, config.page_sizes.replies), (1000, 500));
}

#[test]
fn unusable_values_are_named_and_defaults_kept() {
    let (config, problems) = parse(
        Source::Embedded,
        &[
            (Setting::ApiBase, "northside.spaces.nexudus.com"),
            (Setting::Theme, "sepia"),
            (Setting::Routing, "memory"),
            (Setting::PageSize, "5000"),
            (Setting::Business, "abc"),
        ],
    );
    assert_eq!(problems.len(), 5, "{problems:?}");
    assert!(problems.iter().any(|p| p.contains("options.apiBase")), "{problems:?}");
    assert!(problems.iter().any(|p| p.contains("options.theme") && p.contains("sepia")), "{problems:?}");
    assert!(problems.iter().any(|p| p.contains("options.pageSize")), "{problems:?}");
    assert_eq!(config.api_base, "");
    assert_eq!(config.theme, Theme::Auto);
    assert_eq!(config.page_sizes.threads, 25);
    assert_eq!(config.business, None);
    // The same mistakes on the standalone page name the meta tag.
    let (_, problems) = parse(Source::Page, &[(Setting::Theme, "sepia")]);
    assert!(problems[0].contains("<meta name=\"board-theme\">"), "{problems:?}");
    // A language the board does not speak is named too, and the browser's is used instead.
    let (config, problems) = parse(Source::Embedded, &[(Setting::Locale, "fr-FR")]);
    assert_eq!(config.locale, None);
    assert!(problems[0].contains("options.locale") && problems[0].contains("fr-FR"), "{problems:?}");
    // An unusable routing keeps each source's own default.
    assert_eq!(parse(Source::Page, &[(Setting::Routing, "memory")]).0.routing, Routing::Path { base: String::new() });
    assert_eq!(parse(Source::Embedded, &[(Setting::Routing, "memory")]).0.routing, Routing::Hash);
}

#[test]
fn a_configured_location_filters_the_list() {
    use community_board::model::query::ThreadQuery;
    let query = ThreadQuery { business: Some(1001), ..ThreadQuery::default() };
    assert!(query.to_query_string(DirConvention::Dev).contains("&CommunityThread_Business=1001"));
    assert!(!ThreadQuery::default().to_query_string(DirConvention::Dev).contains("Business"));
}

#[test]
fn base_paths_are_normalised() {
    assert_eq!(normalise_base_path("/"), "");
    assert_eq!(normalise_base_path(" portal "), "/portal");
    assert_eq!(normalise_base_path("/portal/community/"), "/portal/community");
}

#[test]
fn app_paths_name_screens() {
    assert_eq!(Page::from_path("/"), Page::Board);
    assert_eq!(Page::from_path(""), Page::Board);
    assert_eq!(Page::from_path("/sign-in"), Page::SignIn);
    assert_eq!(Page::from_path("/new/"), Page::New);
    assert_eq!(Page::from_path("/threads/10001"), Page::Thread(10001));
    assert_eq!(Page::from_path("/threads/10001/edit"), Page::EditThread(10001));
    assert_eq!(Page::from_path("/threads/abc"), Page::NotFound);
    assert_eq!(Page::from_path("/threads/-3"), Page::NotFound);
    assert_eq!(Page::from_path("/threads/1/delete"), Page::NotFound);
    assert_eq!(Page::from_path("/elsewhere"), Page::NotFound);
}

#[test]
fn path_routing_maps_under_the_base() {
    let routing = Routing::Path { base: "/portal/community".into() };
    let at = |path: &str, search: &str| from_browser(&routing, path, search, "");
    assert_eq!(at("/portal/community", ""), Some(AppUrl::parse("/")));
    assert_eq!(at("/portal/community/", "?group=4001"), Some(AppUrl::parse("/?group=4001")));
    assert_eq!(at("/portal/community/threads/7", "").map(|u| u.page()), Some(Page::Thread(7)));
    assert_eq!(at("/portal/communityX/threads/7", ""), None);
    assert_eq!(at("/portal/bookings", ""), None);
    assert_eq!(to_href(&routing, "/"), "/portal/community/");
    assert_eq!(to_href(&routing, "/threads/7"), "/portal/community/threads/7");
    assert_eq!(to_href(&routing, "/?tag=food"), "/portal/community/?tag=food");
    // At the site root nothing is added.
    let root = Routing::Path { base: String::new() };
    assert_eq!(to_href(&root, "/threads/7?x=1"), "/threads/7?x=1");
    assert_eq!(from_browser(&root, "/new", "?group=2", "#main"), Some(AppUrl::parse("/new?group=2")));
}

#[test]
fn hash_routing_keeps_to_the_fragment() {
    let routing = Routing::Hash;
    let at = |hash: &str| from_browser(&routing, "/portal/page.aspx", "?portal=1", hash);
    assert_eq!(at(""), Some(AppUrl::parse("/")));
    assert_eq!(at("#"), Some(AppUrl::parse("/")));
    assert_eq!(at("#/threads/7?x=1"), Some(AppUrl::parse("/threads/7?x=1")));
    assert_eq!(at("#main"), None, "a fragment that is not a route is the host's");
    assert_eq!(to_href(&routing, "/threads/7"), "#/threads/7");
    assert_eq!(to_href(&routing, "/?q=caf%C3%A9"), "#/?q=caf%C3%A9");
}

#[test]
fn query_values_are_decoded() {
    let url = AppUrl::parse("/?q=caf%C3%A9+bar&tag=a%26b&empty=&q=second&flag");
    assert_eq!(url.param("q").as_deref(), Some("café bar"));
    assert_eq!(url.param("tag").as_deref(), Some("a&b"));
    assert_eq!(url.param("empty").as_deref(), Some(""));
    assert_eq!(url.param("flag").as_deref(), Some(""));
    assert_eq!(url.param("missing"), None);
    assert_eq!(decode("100%"), "100%");
    assert_eq!(decode("%zz%4"), "%zz%4");
    assert_eq!(decode("%E2%9C%93"), "✓");
}
