//! The board in English and Spanish (Nexudus' own languages).
//!
//! One mechanism for every text the member reads:
//! - `Msg` and `LaterMsg`, the fixed texts, each written in both languages in one table
//!   (`catalogue.rs` for the first page, `later_catalogue.rs` for the screens that load later);
//! - `Phrase` and `LaterPhrase`, texts with counts, names or errors in them (`phrases.rs`,
//!   `later_phrases.rs`);
//! - `Text`, a first-page `Msg` or `Phrase` or text the API sent (kept as it came), for
//!   values that may be any of them (errors, validation messages). It holds no later text:
//!   that would bring the later tables into the first page.
//!
//! Components read the member's language with `use_i18n()` and say `i18n.t(Msg::…)` or
//! `i18n.text(Phrase::…)`. The model returns keys, never sentences, so it stays pure and
//! natively testable. Dates and relative times are Intl's business (`browser.rs`), given
//! `Locale::tag()`.

mod catalogue;
mod later_catalogue;
mod later_phrases;
mod phrases;

use leptos::prelude::*;

pub use catalogue::{Catalogue, Msg};
pub use later_catalogue::LaterMsg;
pub use later_phrases::LaterPhrase;
pub use phrases::{Phrase, TimeUnit};

/// A language the board speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Locale {
    #[default]
    En,
    Es,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Es];

    /// The BCP 47 tag, for Intl and the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Es => "es",
        }
    }

    /// The supported language of a tag ("es", "es-ES", "ES-mx", "en-GB"…), by its primary
    /// subtag; `None` for any other language.
    pub fn parse(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?;
        if primary.eq_ignore_ascii_case("en") {
            Some(Locale::En)
        } else if primary.eq_ignore_ascii_case("es") {
            Some(Locale::Es)
        } else {
            None
        }
    }

    /// The first supported language among `preferred` (most wanted first), else English.
    pub fn negotiate<I>(preferred: I) -> Locale
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        preferred.into_iter().find_map(|tag| Locale::parse(tag.as_ref())).unwrap_or_default()
    }

    /// The browser's choice: `navigator.languages` in order, then `navigator.language`.
    /// Read through `Reflect` so the crate needs no extra web-sys feature for it.
    pub fn from_browser() -> Locale {
        let Ok(navigator) = js_sys::Reflect::get(&js_sys::global(), &"navigator".into()) else {
            return Locale::default();
        };
        let mut tags: Vec<String> = js_sys::Reflect::get(&navigator, &"languages".into())
            .ok()
            .filter(js_sys::Array::is_array)
            .map(|list| js_sys::Array::from(&list).iter().filter_map(|t| t.as_string()).collect())
            .unwrap_or_default();
        if let Some(single) = js_sys::Reflect::get(&navigator, &"language".into()).ok().and_then(|t| t.as_string()) {
            tags.push(single);
        }
        Locale::negotiate(tags)
    }

    /// A fixed text in this language.
    pub fn message(self, msg: impl Catalogue) -> &'static str {
        match self {
            Locale::En => msg.english(),
            Locale::Es => msg.spanish(),
        }
    }

    /// Any text in this language.
    pub fn text(self, text: impl Say) -> String {
        text.say(self)
    }
}

/// Something to tell the member, not yet in a language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Text {
    Msg(Msg),
    Phrase(Phrase),
    /// Text the API sent (a server validation message, an error description): shown as is.
    Api(String),
}

impl From<Msg> for Text {
    fn from(msg: Msg) -> Text {
        Text::Msg(msg)
    }
}

impl From<Phrase> for Text {
    fn from(phrase: Phrase) -> Text {
        Text::Phrase(phrase)
    }
}

/// Anything the board can say in a language. Each kind is its own implementation, so a later
/// screen's texts are compiled where that screen uses them (see `catalogue.rs`).
pub trait Say {
    fn say(self, locale: Locale) -> String;
}

impl Say for Text {
    fn say(self, locale: Locale) -> String {
        match self {
            Text::Msg(msg) => msg.say(locale),
            Text::Phrase(phrase) => phrase.say(locale),
            Text::Api(text) => text,
        }
    }
}

/// Either table of fixed texts.
impl<M: Catalogue> Say for M {
    fn say(self, locale: Locale) -> String {
        locale.message(self).to_owned()
    }
}

impl Say for Phrase {
    fn say(self, locale: Locale) -> String {
        match locale {
            Locale::En => self.english(),
            Locale::Es => self.spanish(),
        }
    }
}

impl Say for LaterPhrase {
    fn say(self, locale: Locale) -> String {
        match locale {
            Locale::En => self.english(),
            Locale::Es => self.spanish(),
        }
    }
}

/// The member's language, in context. Plain data (no signal), so it is safe to use after an
/// `.await` and in timers even when the component that took it is gone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct I18n {
    pub locale: Locale,
}

impl I18n {
    pub fn new(locale: Locale) -> Self {
        I18n { locale }
    }

    /// A fixed text.
    pub fn t(self, msg: impl Catalogue) -> &'static str {
        self.locale.message(msg)
    }

    /// A phrase, or any text (`Say`).
    pub fn text(self, text: impl Say) -> String {
        self.locale.text(text)
    }

    /// The tag for Intl (dates, relative times).
    pub fn tag(self) -> &'static str {
        self.locale.tag()
    }
}

/// The member's language. Without a provided context (a component mounted on its own, as in
/// browser tests) the board speaks English.
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_default()
}

/// Every English text of both tables, for checks that no English is left on a Spanish page.
pub fn english_texts() -> Vec<&'static str> {
    Msg::ALL.iter().map(|m| m.english()).chain(LaterMsg::ALL.iter().map(|m| m.english())).collect()
}
