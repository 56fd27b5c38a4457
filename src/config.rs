//! The board's settings, from one of two sources that share a single parser:
//!
//! - standalone (`index.html`): `<meta>` tags, so pointing the board at a real tenant is a
//!   change to the page, not to the code (`<meta name="nexudus-api-base"
//!   content="https://yourspace.spaces.nexudus.com">`);
//! - embedded (`mount(element, options)`): the host's options object (camelCase keys).
//!
//! | setting | meta tag | option | default |
//! |---|---|---|---|
//! | API origin | `nexudus-api-base` | `apiBase` | the origin that served the page |
//! | which API | `nexudus-api` (`auto`/`portal`/`rest`) | `api` | `auto`: decided after sign-in (see `api::choice`) |
//! | `dir` meaning | `nexudus-sort-convention` (`dev`/`learn`) | `sortConvention` | `dev` (`-1` = descending) |
//! | pacing | `nexudus-requests-per-minute`, `nexudus-writes-per-minute`, `nexudus-request-spacing-ms` | `requestsPerMinute`, `writesPerMinute`, `requestSpacingMs` | 120, 60, 100 |
//! | location | `nexudus-business` | `businessId` | all the member can see; posts go to their default business |
//! | language | `board-locale` | `locale` | the browser's languages |
//! | theme | `board-theme` (`auto`/`light`/`dark`) | `theme` | `auto` (follows `prefers-color-scheme`) |
//! | routing | `board-routing` (`path`/`hash`), `board-base-path` | `routing`, `basePath` | path routing at `/` standalone; embedded: hash, or path under `basePath` when given |
//! | page sizes | `board-page-size`, `board-replies-page-size` | `pageSize`, `repliesPageSize` | 25, 50 |
//!
//! Parsing is pure (a lookup function in, settings and problems out) so it is tested natively.

use crate::model::backend::ApiChoice;
use crate::model::pacing::Limits;
use crate::model::query::{DirConvention, PageSizes, PAGE_SIZE, REPLIES_PAGE_SIZE};
use crate::model::route::Routing;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follows the member's `prefers-color-scheme`.
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// The value of the board root's `data-theme` attribute.
    pub fn attribute(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct BoardConfig {
    /// Without a trailing slash; `""` means the page's own origin.
    pub api_base: String,
    /// The Members Portal API (members), REST (staff), or decided after sign-in.
    pub api: ApiChoice,
    pub dir_convention: DirConvention,
    pub limits: Limits,
    pub business: Option<i64>,
    /// The language tag asked for (`es`, `en-GB`); `None` = the browser's.
    pub locale: Option<String>,
    pub theme: Theme,
    pub routing: Routing,
    pub page_sizes: PageSizes,
}

impl Default for BoardConfig {
    fn default() -> Self {
        BoardConfig {
            api_base: String::new(),
            api: ApiChoice::Auto,
            dir_convention: DirConvention::Dev,
            limits: Limits::default(),
            business: None,
            locale: None,
            theme: Theme::Auto,
            routing: Routing::Path { base: String::new() },
            page_sizes: PageSizes::default(),
        }
    }
}

/// The settings' names, each with its meta tag and its option key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    ApiBase,
    Api,
    SortConvention,
    RequestsPerMinute,
    WritesPerMinute,
    RequestSpacingMs,
    Business,
    Locale,
    Theme,
    Routing,
    BasePath,
    PageSize,
    RepliesPageSize,
}

impl Setting {
    pub fn meta_name(self) -> &'static str {
        match self {
            Setting::ApiBase => "nexudus-api-base",
            Setting::Api => "nexudus-api",
            Setting::SortConvention => "nexudus-sort-convention",
            Setting::RequestsPerMinute => "nexudus-requests-per-minute",
            Setting::WritesPerMinute => "nexudus-writes-per-minute",
            Setting::RequestSpacingMs => "nexudus-request-spacing-ms",
            Setting::Business => "nexudus-business",
            Setting::Locale => "board-locale",
            Setting::Theme => "board-theme",
            Setting::Routing => "board-routing",
            Setting::BasePath => "board-base-path",
            Setting::PageSize => "board-page-size",
            Setting::RepliesPageSize => "board-replies-page-size",
        }
    }

    pub fn option_key(self) -> &'static str {
        match self {
            Setting::ApiBase => "apiBase",
            Setting::Api => "api",
            Setting::SortConvention => "sortConvention",
            Setting::RequestsPerMinute => "requestsPerMinute",
            Setting::WritesPerMinute => "writesPerMinute",
            Setting::RequestSpacingMs => "requestSpacingMs",
            Setting::Business => "businessId",
            Setting::Locale => "locale",
            Setting::Theme => "theme",
            Setting::Routing => "routing",
            Setting::BasePath => "basePath",
            Setting::PageSize => "pageSize",
            Setting::RepliesPageSize => "repliesPageSize",
        }
    }
}

/// Which source the settings come from: it changes one default (routing) and the names used
/// in problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Page,
    Embedded,
}

impl BoardConfig {
    /// Reads every setting through `lookup` (trimmed, empty = absent). A value that cannot be
    /// used is reported and its default kept, so a typo never leaves the member with no board.
    pub fn parse(source: Source, lookup: impl Fn(Setting) -> Option<String>) -> (BoardConfig, Vec<String>) {
        let mut problems = Vec::new();
        let get = |s: Setting| lookup(s).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
        let name = |s: Setting| match source {
            Source::Page => format!("<meta name=\"{}\">", s.meta_name()),
            Source::Embedded => format!("options.{}", s.option_key()),
        };
        let mut config = BoardConfig::default();

        if let Some(base) = get(Setting::ApiBase) {
            if base.starts_with("https://") || base.starts_with("http://") {
                config.api_base = base.trim_end_matches('/').to_owned();
            } else {
                problems.push(format!("{} must be an http(s) origin, got \"{base}\"", name(Setting::ApiBase)));
            }
        }
        if let Some(text) = get(Setting::Api) {
            match ApiChoice::parse(&text) {
                Some(choice) => config.api = choice,
                None => problems.push(format!("{} must be \"auto\", \"portal\" or \"rest\", got \"{text}\"", name(Setting::Api))),
            }
        }
        match get(Setting::SortConvention).as_deref() {
            None | Some("dev") => {}
            Some("learn") => config.dir_convention = DirConvention::Learn,
            Some(other) => problems.push(format!("{} must be \"dev\" or \"learn\", got \"{other}\"", name(Setting::SortConvention))),
        }

        // Whole numbers only (every setting is a count, milliseconds or an id); integer
        // parsing also keeps float parsing out of the wasm.
        let mut number = |s: Setting, min: u64, max: u64| -> Option<u64> {
            let text = get(s)?;
            match text.parse::<u64>() {
                Ok(n) if (min..=max).contains(&n) => Some(n),
                _ => {
                    problems.push(format!("{} must be a whole number from {min} to {max}, got \"{text}\"", name(s)));
                    None
                }
            }
        };
        let defaults = Limits::default();
        config.limits = Limits {
            spacing_ms: number(Setting::RequestSpacingMs, 0, 60_000).map_or(defaults.spacing_ms, |n| n as f64),
            per_minute: number(Setting::RequestsPerMinute, 1, 1_000_000).map_or(defaults.per_minute, |n| n as usize),
            writes_per_minute: number(Setting::WritesPerMinute, 1, 1_000_000).map_or(defaults.writes_per_minute, |n| n as usize),
        };
        config.business = number(Setting::Business, 1, i64::MAX as u64).map(|n| n as i64);
        // The API caps a page at 1000 records.
        config.page_sizes = PageSizes {
            threads: number(Setting::PageSize, 1, 1000).map_or(PAGE_SIZE, |n| n as u32),
            replies: number(Setting::RepliesPageSize, 1, 1000).map_or(REPLIES_PAGE_SIZE, |n| n as u32),
        };

        config.locale = get(Setting::Locale);
        if let Some(tag) = config.locale.as_deref().filter(|tag| crate::i18n::Locale::parse(tag).is_none()) {
            problems.push(format!("{} must be \"en\" or \"es\" (or a regional tag such as \"es-MX\"), got \"{tag}\"", name(Setting::Locale)));
            config.locale = None;
        }
        match get(Setting::Theme).as_deref() {
            None | Some("auto") => {}
            Some("light") => config.theme = Theme::Light,
            Some("dark") => config.theme = Theme::Dark,
            Some(other) => problems.push(format!("{} must be \"auto\", \"light\" or \"dark\", got \"{other}\"", name(Setting::Theme))),
        }

        let base = get(Setting::BasePath).map(|b| normalise_base_path(&b));
        config.routing = match (get(Setting::Routing).as_deref(), source, base) {
            (Some("hash"), _, _) => Routing::Hash,
            (Some("path"), _, base) | (None, Source::Page, base) => Routing::Path { base: base.unwrap_or_default() },
            // Embedded without a base path: the host owns the path, so only the fragment is ours.
            (None, Source::Embedded, Some(base)) => Routing::Path { base },
            (None, Source::Embedded, None) => Routing::Hash,
            (Some(other), source, base) => {
                problems.push(format!("{} must be \"path\" or \"hash\", got \"{other}\"", name(Setting::Routing)));
                match source {
                    Source::Page => Routing::Path { base: base.unwrap_or_default() },
                    Source::Embedded => Routing::Hash,
                }
            }
        };
        (config, problems)
    }

    /// Settings from the page's `<meta>` tags (the standalone board).
    pub fn from_document() -> (BoardConfig, Vec<String>) {
        BoardConfig::parse(Source::Page, |s| meta(s.meta_name()))
    }
}

/// `/portal/community/` → `/portal/community`; `portal` → `/portal`; `/` → `""`.
pub fn normalise_base_path(base: &str) -> String {
    let trimmed = base.trim().trim_matches('/');
    if trimmed.is_empty() {
        String::new()
    } else {
        format!("/{trimmed}")
    }
}

fn meta(name: &str) -> Option<String> {
    web_sys::window()?.document()?.query_selector(&format!("meta[name='{name}']")).ok().flatten()?.get_attribute("content")
}
