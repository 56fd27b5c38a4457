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
    /// The heading above the replies (0 says just "Replies").
    ReplyHeading(usize),
    /// A list row's replies: how many, and who wrote the last.
    RowReplies {
        count: u64,
        last_by: Option<String>,
    },
    /// Announced when people to mention are offered.
    MentionOptions(usize),
    /// Announced when a person is mentioned.
    Mentioned(String),
    /// Announced when replies from others arrive.
    NewReplies(usize),
    /// Someone whose name is not loaded yet, by user id.
    Member(i64),
    /// The remove button of a guest chip.
    RemovePerson(String),
    /// A guest search result's button.
    AddPerson(String),
    /// The remove button of the composer's file.
    RemoveFile(String),
    /// Announced when the composer takes a file.
    FileAttached(String),
    /// A file over the size limit, with its size as people read it.
    FileTooLarge {
        name: String,
        size: String,
    },
    /// A file of a type the board does not send.
    FileWrongType(String),
    FileEmpty(String),
    /// The browser could not read the file.
    FileUnreadable(String),
    /// The conversation was stored but its file was not; carries why.
    FileNotAttached(String),
    /// The remove button of a tag chip.
    RemoveTag(String),
    /// A tag link in the list.
    ShowTagged(String),
    /// The link clearing the list's tag filter.
    RemoveTagFilter(String),
    /// A like, follow or mute the API refused; carries the error.
    CouldNotChange(String),
    /// A reply whose send failed without knowing whether it arrived; carries the error.
    ReplyUnsure(String),
    /// A reply that failed; carries why.
    ReplyKept(String),
    /// A conversation whose send failed without knowing whether it arrived; carries the error.
    ThreadUnsure(String),
    /// A conversation or edit that failed; carries the error.
    DraftKept(String),
    /// A token error code the board has no words for.
    SignInFailed(String),
    /// 409 with `Retry-After` seconds.
    Throttled(u32),
    /// Another HTTP status.
    ServerProblem(u16),
    /// A Zoom meeting's length.
    Minutes(u64),
    /// A past time, where Intl cannot say it.
    TimeAgo {
        count: i64,
        unit: TimeUnit,
    },
    /// A future time, where Intl cannot say it.
    TimeFromNow {
        count: i64,
        unit: TimeUnit,
    },
}

/// The "one" form for exactly 1, else "other": the rule of both languages here.
fn plural<'a>(count: impl Into<i64>, one: &'a str, other: &'a str) -> &'a str {
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
            Phrase::ReplyHeading(0) => "Replies".to_owned(),
            Phrase::ReplyHeading(n) => format!("{n} {}", plural(*n as i64, "reply", "replies")),
            Phrase::RowReplies { count: 0, .. } => "No replies yet".to_owned(),
            Phrase::RowReplies { count, last_by: None } => format!("{count} {}", plural(*count as i64, "reply", "replies")),
            Phrase::RowReplies { count, last_by: Some(name) } => {
                format!("{count} {}, the last by {name}", plural(*count as i64, "reply", "replies"))
            }
            Phrase::MentionOptions(n) => format!("{n} {} to mention: arrow keys to choose, Enter to pick.", plural(*n as i64, "person", "people")),
            Phrase::Mentioned(name) => format!("{name} mentioned."),
            Phrase::NewReplies(n) => format!("{n} {}.", plural(*n as i64, "new reply", "new replies")),
            Phrase::Member(id) => format!("member {id}"),
            Phrase::RemovePerson(name) => format!("Remove {name}"),
            Phrase::RemoveFile(name) => format!("Remove {name}"),
            Phrase::FileAttached(name) => format!("{name} will be attached."),
            Phrase::FileTooLarge { name, size } => format!("{name} is {size}; files up to 5 MB can be attached."),
            Phrase::FileWrongType(name) => {
                format!("{name} cannot be attached: pictures (PNG, JPEG, GIF, WebP) and PDF, text, CSV and Office documents can.")
            }
            Phrase::FileEmpty(name) => format!("{name} is empty."),
            Phrase::FileUnreadable(name) => format!("{name} could not be read. Try picking it again."),
            Phrase::FileNotAttached(why) => format!("The conversation was posted, but the file was not attached: {why} Send again to attach it."),
            Phrase::AddPerson(name) => format!("Add {name}"),
            Phrase::RemoveTag(tag) => format!("Remove tag {tag}"),
            Phrase::ShowTagged(tag) => format!("Show conversations tagged {tag}"),
            Phrase::RemoveTagFilter(tag) => format!("Remove the tag filter {tag}"),
            Phrase::CouldNotChange(error) => format!("Could not change that: {error}"),
            Phrase::ReplyUnsure(error) => format!(
                "{error} It is not clear whether your reply was posted; it has not appeared yet. \
                 It is kept: send it again and the board checks first."
            ),
            Phrase::ReplyKept(why) => format!("{why} Your reply is kept."),
            Phrase::ThreadUnsure(error) => format!(
                "{error} It is not clear whether your conversation was posted; it has not appeared yet. \
                 Your draft is kept: check again, or send it again (the board looks first, so it is never posted twice)."
            ),
            Phrase::DraftKept(error) => format!("{error} Your draft is kept."),
            Phrase::SignInFailed(code) => format!("Sign-in failed ({code})."),
            Phrase::Throttled(s) => format!("The server is busy. Please try again in {s} {}.", plural(*s, "second", "seconds")),
            Phrase::ServerProblem(status) => format!("The server had a problem ({status}). Please try again."),
            Phrase::Minutes(n) => format!("{n} {}", plural(*n as i64, "minute", "minutes")),
            Phrase::TimeAgo { count, unit } => format!("{count} {} ago", english_unit(*unit, *count)),
            Phrase::TimeFromNow { count, unit } => format!("in {count} {}", english_unit(*unit, *count)),
        }
    }

    pub fn spanish(&self) -> String {
        match self {
            Phrase::Page(n) => format!("Página {n}"),
            Phrase::ReplyHeading(0) => "Respuestas".to_owned(),
            Phrase::ReplyHeading(n) => format!("{n} {}", plural(*n as i64, "respuesta", "respuestas")),
            Phrase::RowReplies { count: 0, .. } => "Sin respuestas aún".to_owned(),
            Phrase::RowReplies { count, last_by: None } => format!("{count} {}", plural(*count as i64, "respuesta", "respuestas")),
            Phrase::RowReplies { count, last_by: Some(name) } => {
                format!("{count} {}, la última de {name}", plural(*count as i64, "respuesta", "respuestas"))
            }
            Phrase::MentionOptions(n) => {
                format!("{n} {} para mencionar: elige con las flechas y pulsa Intro.", plural(*n as i64, "persona", "personas"))
            }
            Phrase::Mentioned(name) => format!("Has mencionado a {name}."),
            Phrase::NewReplies(n) => format!("{n} {}.", plural(*n as i64, "respuesta nueva", "respuestas nuevas")),
            Phrase::Member(id) => format!("miembro {id}"),
            Phrase::RemovePerson(name) => format!("Quitar a {name}"),
            Phrase::RemoveFile(name) => format!("Quitar {name}"),
            Phrase::FileAttached(name) => format!("Se adjuntará {name}."),
            Phrase::FileTooLarge { name, size } => format!("{name} ocupa {size}; se pueden adjuntar archivos de hasta 5 MB."),
            Phrase::FileWrongType(name) => {
                format!(
                    "{name} no se puede adjuntar: se pueden adjuntar imágenes (PNG, JPEG, GIF, WebP) y documentos PDF, de texto, CSV y de Office."
                )
            }
            Phrase::FileEmpty(name) => format!("{name} está vacío."),
            Phrase::FileUnreadable(name) => format!("No se pudo leer {name}. Prueba a elegirlo de nuevo."),
            Phrase::FileNotAttached(why) => {
                format!("La conversación se publicó, pero el archivo no se adjuntó: {why} Envía de nuevo para adjuntarlo.")
            }
            Phrase::AddPerson(name) => format!("Añadir a {name}"),
            Phrase::RemoveTag(tag) => format!("Quitar la etiqueta {tag}"),
            Phrase::ShowTagged(tag) => format!("Mostrar las conversaciones con la etiqueta {tag}"),
            Phrase::RemoveTagFilter(tag) => format!("Quitar el filtro de la etiqueta {tag}"),
            Phrase::CouldNotChange(error) => format!("No se pudo cambiar: {error}"),
            Phrase::ReplyUnsure(error) => format!(
                "{error} No está claro si tu respuesta se publicó; todavía no aparece. \
                 Se conserva: vuelve a enviarla y el tablón lo comprobará antes."
            ),
            Phrase::ReplyKept(why) => format!("{why} Tu respuesta se conserva."),
            Phrase::ThreadUnsure(error) => format!(
                "{error} No está claro si tu conversación se publicó; todavía no aparece. \
                 Tu borrador se conserva: compruébalo o vuelve a enviarla (el tablón la busca antes, así que nunca se publica dos veces)."
            ),
            Phrase::DraftKept(error) => format!("{error} Tu borrador se conserva."),
            Phrase::SignInFailed(code) => format!("No se pudo iniciar sesión ({code})."),
            Phrase::Throttled(s) => {
                format!("El servidor está ocupado. Inténtalo de nuevo dentro de {s} {}.", plural(*s, "segundo", "segundos"))
            }
            Phrase::ServerProblem(status) => format!("El servidor tuvo un problema ({status}). Inténtalo de nuevo."),
            Phrase::Minutes(n) => format!("{n} {}", plural(*n as i64, "minuto", "minutos")),
            Phrase::TimeAgo { count, unit } => format!("hace {count} {}", spanish_unit(*unit, *count)),
            Phrase::TimeFromNow { count, unit } => format!("dentro de {count} {}", spanish_unit(*unit, *count)),
        }
    }
}
