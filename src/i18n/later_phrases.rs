//! Texts with values in them that only the screens that load later show (see
//! `later_catalogue.rs` for why they are apart; the rules are `phrases.rs`'s).

use super::phrases::plural;

/// A text with values of a later screen, rendered by `I18n::text`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LaterPhrase {
    /// The heading above the replies (0 says just "Replies").
    ReplyHeading(usize),
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
    /// A Zoom meeting's length.
    Minutes(u64),
}

impl LaterPhrase {
    pub fn english(&self) -> String {
        match self {
            LaterPhrase::ReplyHeading(0) => "Replies".to_owned(),
            LaterPhrase::ReplyHeading(n) => format!("{n} {}", plural(*n as i64, "reply", "replies")),
            LaterPhrase::MentionOptions(n) => {
                format!("{n} {} to mention: arrow keys to choose, Enter to pick.", plural(*n as i64, "person", "people"))
            }
            LaterPhrase::Mentioned(name) => format!("{name} mentioned."),
            LaterPhrase::NewReplies(n) => format!("{n} {}.", plural(*n as i64, "new reply", "new replies")),
            LaterPhrase::Member(id) => format!("member {id}"),
            LaterPhrase::RemovePerson(name) => format!("Remove {name}"),
            LaterPhrase::RemoveFile(name) => format!("Remove {name}"),
            LaterPhrase::FileAttached(name) => format!("{name} will be attached."),
            LaterPhrase::FileTooLarge { name, size } => format!("{name} is {size}; files up to 5 MB can be attached."),
            LaterPhrase::FileWrongType(name) => {
                format!("{name} cannot be attached: pictures (PNG, JPEG, GIF, WebP) and PDF, text, CSV and Office documents can.")
            }
            LaterPhrase::FileEmpty(name) => format!("{name} is empty."),
            LaterPhrase::FileUnreadable(name) => format!("{name} could not be read. Try picking it again."),
            LaterPhrase::FileNotAttached(why) => {
                format!("The conversation was posted, but the file was not attached: {why} Send again to attach it.")
            }
            LaterPhrase::AddPerson(name) => format!("Add {name}"),
            LaterPhrase::RemoveTag(tag) => format!("Remove tag {tag}"),
            LaterPhrase::CouldNotChange(error) => format!("Could not change that: {error}"),
            LaterPhrase::ReplyUnsure(error) => format!(
                "{error} It is not clear whether your reply was posted; it has not appeared yet. \
                 It is kept: send it again and the board checks first."
            ),
            LaterPhrase::ReplyKept(why) => format!("{why} Your reply is kept."),
            LaterPhrase::ThreadUnsure(error) => format!(
                "{error} It is not clear whether your conversation was posted; it has not appeared yet. \
                 Your draft is kept: check again, or send it again (the board looks first, so it is never posted twice)."
            ),
            LaterPhrase::DraftKept(error) => format!("{error} Your draft is kept."),
            LaterPhrase::Minutes(n) => format!("{n} {}", plural(*n as i64, "minute", "minutes")),
        }
    }

    pub fn spanish(&self) -> String {
        match self {
            LaterPhrase::ReplyHeading(0) => "Respuestas".to_owned(),
            LaterPhrase::ReplyHeading(n) => format!("{n} {}", plural(*n as i64, "respuesta", "respuestas")),
            LaterPhrase::MentionOptions(n) => {
                format!("{n} {} para mencionar: elige con las flechas y pulsa Intro.", plural(*n as i64, "persona", "personas"))
            }
            LaterPhrase::Mentioned(name) => format!("Has mencionado a {name}."),
            LaterPhrase::NewReplies(n) => format!("{n} {}.", plural(*n as i64, "respuesta nueva", "respuestas nuevas")),
            LaterPhrase::Member(id) => format!("miembro {id}"),
            LaterPhrase::RemovePerson(name) => format!("Quitar a {name}"),
            LaterPhrase::RemoveFile(name) => format!("Quitar {name}"),
            LaterPhrase::FileAttached(name) => format!("Se adjuntará {name}."),
            LaterPhrase::FileTooLarge { name, size } => format!("{name} ocupa {size}; se pueden adjuntar archivos de hasta 5 MB."),
            LaterPhrase::FileWrongType(name) => {
                format!(
                    "{name} no se puede adjuntar: se pueden adjuntar imágenes (PNG, JPEG, GIF, WebP) y documentos PDF, de texto, CSV y de Office."
                )
            }
            LaterPhrase::FileEmpty(name) => format!("{name} está vacío."),
            LaterPhrase::FileUnreadable(name) => format!("No se pudo leer {name}. Prueba a elegirlo de nuevo."),
            LaterPhrase::FileNotAttached(why) => {
                format!("La conversación se publicó, pero el archivo no se adjuntó: {why} Envía de nuevo para adjuntarlo.")
            }
            LaterPhrase::AddPerson(name) => format!("Añadir a {name}"),
            LaterPhrase::RemoveTag(tag) => format!("Quitar la etiqueta {tag}"),
            LaterPhrase::CouldNotChange(error) => format!("No se pudo cambiar: {error}"),
            LaterPhrase::ReplyUnsure(error) => format!(
                "{error} No está claro si tu respuesta se publicó; todavía no aparece. \
                 Se conserva: vuelve a enviarla y el tablón lo comprobará antes."
            ),
            LaterPhrase::ReplyKept(why) => format!("{why} Tu respuesta se conserva."),
            LaterPhrase::ThreadUnsure(error) => format!(
                "{error} No está claro si tu conversación se publicó; todavía no aparece. \
                 Tu borrador se conserva: compruébalo o vuelve a enviarla (el tablón la busca antes, así que nunca se publica dos veces)."
            ),
            LaterPhrase::DraftKept(error) => format!("{error} Tu borrador se conserva."),
            LaterPhrase::Minutes(n) => format!("{n} {}", plural(*n as i64, "minuto", "minutos")),
        }
    }
}
