//! A file sent as `NewFileDataUrl` (`data:<type>;base64,<data>`): what the sandbox accepts and
//! how it keeps it. Nexudus documents the property but neither a size limit nor the types it
//! takes, so the sandbox sets its own, on the strict side: pictures browsers show safely and
//! common documents, up to 5 MiB. Anything that a browser could run (HTML, SVG, scripts) is
//! refused, so a stored file can never become a page on the API's origin.

use base64::Engine;

/// The largest file accepted, decoded.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

/// The request body limit on the files resource: a largest file in base64 (4/3 of it) with
/// room for the JSON around it. Larger bodies are refused by the server before they are read.
pub const MAX_BODY_BYTES: usize = MAX_FILE_BYTES / 3 * 4 + 64 * 1024;

/// The types accepted, with the extension a stored file gets.
const TYPES: &[(&str, &str)] = &[
    ("image/png", "png"),
    ("image/jpeg", "jpg"),
    ("image/gif", "gif"),
    ("image/webp", "webp"),
    ("application/pdf", "pdf"),
    ("text/plain", "txt"),
    ("text/csv", "csv"),
    ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    ("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
];

/// A decoded, accepted file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upload {
    pub content_type: &'static str,
    pub extension: &'static str,
    pub bytes: Vec<u8>,
}

impl Upload {
    /// Pictures are shown where they are linked; everything else is downloaded.
    pub fn is_image(content_type: &str) -> bool {
        content_type.starts_with("image/")
    }
}

/// Why a data URL was refused: the message of the 400 beside `NewFileDataUrl`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    NotADataUrl,
    TypeNotAccepted(String),
    TooLarge(usize),
    Empty,
}

impl Refusal {
    pub fn message(&self) -> String {
        match self {
            Refusal::NotADataUrl => "must be a data URL: data:<type>;base64,<data>".to_owned(),
            Refusal::TypeNotAccepted(t) => {
                format!("files of type '{t}' cannot be attached (pictures: PNG, JPEG, GIF, WebP; documents: PDF, text, CSV, Word, Excel, PowerPoint)")
            }
            Refusal::TooLarge(n) => format!("the file is {n} bytes; the largest accepted is {MAX_FILE_BYTES} bytes (5 MB)"),
            Refusal::Empty => "the file is empty".to_owned(),
        }
    }
}

/// Reads a `data:` URL. Parameters other than `base64` (a `name=` some browsers add, a
/// charset) are allowed and ignored; the type is matched without regard to case.
pub fn parse_data_url(text: &str) -> Result<Upload, Refusal> {
    let rest = text.trim().strip_prefix("data:").ok_or(Refusal::NotADataUrl)?;
    let (header, data) = rest.split_once(',').ok_or(Refusal::NotADataUrl)?;
    let mut parts = header.split(';');
    let declared = parts.next().unwrap_or("").trim().to_ascii_lowercase();
    if !parts.any(|p| p.trim().eq_ignore_ascii_case("base64")) {
        return Err(Refusal::NotADataUrl);
    }
    let &(content_type, extension) = TYPES.iter().find(|(t, _)| *t == declared).ok_or(Refusal::TypeNotAccepted(declared.clone()))?;
    // Refused before decoding when the text alone is already too long.
    if data.len() / 4 * 3 > MAX_FILE_BYTES + 3 {
        return Err(Refusal::TooLarge(data.len() / 4 * 3));
    }
    let compact: String = data.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    let bytes = base64::engine::general_purpose::STANDARD.decode(compact).map_err(|_| Refusal::NotADataUrl)?;
    match bytes.len() {
        0 => Err(Refusal::Empty),
        n if n > MAX_FILE_BYTES => Err(Refusal::TooLarge(n)),
        _ => Ok(Upload { content_type, extension, bytes }),
    }
}

/// The stored file's name (`FileDataFileName`): the record's `Name` reduced to characters safe
/// in a header and a path, with the type's extension.
pub fn stored_name(name: Option<&str>, extension: &str) -> String {
    let name = name.unwrap_or("");
    // Only a short, plain extension is dropped: `../../etc/passwd` has none.
    let stem = match name.rsplit_once('.') {
        Some((stem, ext)) if (1..=5).contains(&ext.len()) && ext.chars().all(|c| c.is_ascii_alphanumeric()) => stem,
        _ => name,
    };
    let stem: String = stem.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '-' }).take(80).collect();
    let stem = stem.trim_matches('-');
    format!("{}.{extension}", if stem.is_empty() { "file" } else { stem })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(kind: &str, bytes: &[u8]) -> String {
        format!("data:{kind};base64,{}", base64::engine::general_purpose::STANDARD.encode(bytes))
    }

    #[test]
    fn accepts_listed_types_and_reads_their_bytes() {
        let upload = parse_data_url(&url("image/PNG", b"\x89PNG....")).unwrap();
        assert_eq!((upload.content_type, upload.extension, upload.bytes.as_slice()), ("image/png", "png", &b"\x89PNG...."[..]));
        assert!(parse_data_url("data:application/pdf;name=a.pdf;base64,JVBERi0=").is_ok());
    }

    #[test]
    fn refuses_what_a_browser_could_run_and_what_is_not_base64() {
        for kind in ["text/html", "image/svg+xml", "application/javascript", "application/xhtml+xml", ""] {
            assert!(matches!(parse_data_url(&url(kind, b"<script>alert(1)</script>")), Err(Refusal::TypeNotAccepted(_))), "{kind}");
        }
        assert_eq!(parse_data_url("data:image/png,plain"), Err(Refusal::NotADataUrl));
        assert_eq!(parse_data_url("http://example.com/a.png"), Err(Refusal::NotADataUrl));
        assert_eq!(parse_data_url("data:image/png;base64,***"), Err(Refusal::NotADataUrl));
        assert_eq!(parse_data_url("data:image/png;base64,"), Err(Refusal::Empty));
    }

    #[test]
    fn refuses_files_over_the_limit_and_takes_one_at_it() {
        assert!(parse_data_url(&url("text/plain", &vec![b'a'; MAX_FILE_BYTES])).is_ok());
        assert!(matches!(parse_data_url(&url("text/plain", &vec![b'a'; MAX_FILE_BYTES + 1])), Err(Refusal::TooLarge(_))));
    }

    #[test]
    fn stored_names_keep_only_safe_characters() {
        assert_eq!(stored_name(Some("Floor plan (v2).PNG"), "png"), "Floor-plan--v2.png");
        assert_eq!(stored_name(Some("\"><img src=x>.pdf"), "pdf"), "img-src-x.pdf");
        assert_eq!(stored_name(None, "txt"), "file.txt");
        assert_eq!(stored_name(Some("../../etc/passwd"), "txt"), "etc-passwd.txt");
    }
}
