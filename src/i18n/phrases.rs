//! Texts with values in them: counts, names, codes, an error put in a sentence.
//!
//! Each variant is written out once per language in an exhaustive `match`, so a new phrase
//! without its Spanish (or English) does not compile. Values that are themselves text (an
//! error, a name) arrive already in the member's language or as the API sent them.
//!
//! Plurals: English and Spanish both have two forms, "one" for exactly 1 and "other" for
//! everything else (0 included), which is all `plural` knows.

/// A unit of a relative time, as Intl.RelativeTimeFormat names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeUnit {
    Second,
    Minute,
    Hour,
    Day,
    Month,
    Year,
}

impl TimeUnit {
    /// The unit's name for `Intl.RelativeTimeFormat.prototype.format`.
    pub fn intl_name(self) -> &'static str {
        match self {
            TimeUnit::Second => "second",
            TimeUnit::Minute => "minute",
            TimeUnit::Hour => "hour",
            TimeUnit::Day => "day",
            TimeUnit::Month => "month",
            TimeUnit::Year => "year",
        }
    }
}

/// A text with values, rendered by `Locale::phrase` / `I18n::text`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Phrase {
    /// The pager's current page.
    Page(u32),
    /// A list row's replies: how many, and who wrote the last.
    RowReplies { count: u64, last_by: Option<String> },
    /// A tag link in the list.
    ShowTagged(String),
    /// The link clearing the list's tag filter.
    RemoveTagFilter(String),
    /// A token error code the board has no words for.
    SignInFailed(String),
    /// 409 with `Retry-After` seconds.
    Throttled(u32),
    /// Another HTTP status.
    ServerProblem(u16),
    /// A past time, where Intl cannot say it.
    TimeAgo { count: i64, unit: TimeUnit },
    /// A future time, where Intl cannot say it.
    TimeFromNow { count: i64, unit: TimeUnit },
}

/// The "one" form for exactly 1, else "other": the rule of both languages here.
pub(super) fn plural<'a>(count: impl Into<i64>, one: &'a str, other: &'a str) -> &'a str {
    if count.into() == 1 {
        one
    } else {
        other
    }
}

fn english_unit(unit: TimeUnit, count: i64) -> &'static str {
    match unit {
        TimeUnit::Second => plural(count, "second", "seconds"),
        TimeUnit::Minute => plural(count, "minute", "minutes"),
        TimeUnit::Hour => plural(count, "hour", "hours"),
        TimeUnit::Day => plural(count, "day", "days"),
        TimeUnit::Month => plural(count, "month", "months"),
        TimeUnit::Year => plural(count, "year", "years"),
    }
}

fn spanish_unit(unit: TimeUnit, count: i64) -> &'static str {
    match unit {
        TimeUnit::Second => plural(count, "segundo", "segundos"),
        TimeUnit::Minute => plural(count, "minuto", "minutos"),
        TimeUnit::Hour => plural(count, "hora", "horas"),
        TimeUnit::Day => plural(count, "día", "días"),
        TimeUnit::Month => plural(count, "mes", "meses"),
        TimeUnit::Year => plural(count, "año", "años"),
    }
}

impl Phrase {
    pub fn english(&self) -> String {
        match self {
            Phrase::Page(n) => format!("Page {n}"),
            Phrase::RowReplies { count: 0, .. } => "No replies yet".to_owned(),
            Phrase::RowReplies { count, last_by: None } => format!("{count} {}", plural(*count as i64, "reply", "replies")),
            Phrase::RowReplies { count, last_by: Some(name) } => {
                format!("{count} {}, the last by {name}", plural(*count as i64, "reply", "replies"))
            }
            Phrase::ShowTagged(tag) => format!("Show conversations tagged {tag}"),
            Phrase::RemoveTagFilter(tag) => format!("Remove the tag filter {tag}"),
            Phrase::SignInFailed(code) => format!("Sign-in failed ({code})."),
            Phrase::Throttled(s) => format!("The server is busy. Please try again in {s} {}.", plural(*s, "second", "seconds")),
            Phrase::ServerProblem(status) => format!("The server had a problem ({status}). Please try again."),
            Phrase::TimeAgo { count, unit } => format!("{count} {} ago", english_unit(*unit, *count)),
            Phrase::TimeFromNow { count, unit } => format!("in {count} {}", english_unit(*unit, *count)),
        }
    }

    pub fn spanish(&self) -> String {
        match self {
            Phrase::Page(n) => format!("Página {n}"),
            Phrase::RowReplies { count: 0, .. } => "Sin respuestas aún".to_owned(),
            Phrase::RowReplies { count, last_by: None } => format!("{count} {}", plural(*count as i64, "respuesta", "respuestas")),
            Phrase::RowReplies { count, last_by: Some(name) } => {
                format!("{count} {}, la última de {name}", plural(*count as i64, "respuesta", "respuestas"))
            }
            Phrase::ShowTagged(tag) => format!("Mostrar las conversaciones con la etiqueta {tag}"),
            Phrase::RemoveTagFilter(tag) => format!("Quitar el filtro de la etiqueta {tag}"),
            Phrase::SignInFailed(code) => format!("No se pudo iniciar sesión ({code})."),
            Phrase::Throttled(s) => {
                format!("El servidor está ocupado. Inténtalo de nuevo dentro de {s} {}.", plural(*s, "segundo", "segundos"))
            }
            Phrase::ServerProblem(status) => format!("El servidor tuvo un problema ({status}). Inténtalo de nuevo."),
            Phrase::TimeAgo { count, unit } => format!("hace {count} {}", spanish_unit(*unit, *count)),
            Phrase::TimeFromNow { count, unit } => format!("dentro de {count} {}", spanish_unit(*unit, *count)),
        }
    }
}
