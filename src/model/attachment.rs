//! Pictures and files on a conversation's opening post (`CommunityThreadFile`, contract doc
//! §7): which files the composer takes, and the records on the wire.
//!
//! Nexudus documents no size limit or type list for `NewFileDataUrl`. The board takes what the
//! sandbox takes (sandbox/src/attachment.rs): pictures a browser shows safely and common
//! documents, up to 5 MB. Nothing a browser could run (HTML, SVG) is sent.

use serde::{Deserialize, Serialize};

use super::wire;

/// The largest file the composer sends.
pub const MAX_FILE_BYTES: u64 = 5 * 1024 * 1024;

/// The types the composer sends; the first four (`PICTURE_TYPES`) are shown as pictures.
pub const ACCEPTED_TYPES: &[&str] = &[
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
    "application/pdf",
    "text/plain",
    "text/csv",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
];

/// The accepted types a browser shows as pictures.
const PICTURE_TYPES: &[&str] = ACCEPTED_TYPES.split_at(4).0;

/// What a file is shown as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Inline, with its description as the alternative text.
    Picture,
    /// A link that downloads it.
    Document,
}

impl FileKind {
    /// From the type an answer or a picked file declares.
    pub fn of(content_type: &str) -> FileKind {
        let declared = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
        if PICTURE_TYPES.contains(&declared.as_str()) {
            FileKind::Picture
        } else {
            FileKind::Document
        }
    }
}

/// Why the composer will not take a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileProblem {
    TooLarge { bytes: u64 },
    WrongType,
    Empty,
}

/// Checks a picked file by its declared type and size, before anything is read or sent.
pub fn check_file(content_type: &str, bytes: u64) -> Result<FileKind, FileProblem> {
    let declared = content_type.trim().to_ascii_lowercase();
    if !ACCEPTED_TYPES.contains(&declared.as_str()) {
        return Err(FileProblem::WrongType);
    }
    match bytes {
        0 => Err(FileProblem::Empty),
        n if n > MAX_FILE_BYTES => Err(FileProblem::TooLarge { bytes: n }),
        _ => Ok(FileKind::of(&declared)),
    }
}

/// A size as people read it: `820 KB`, `6.2 MB`.
pub fn readable_size(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes >= MB {
        format!("{:.1} MB", bytes as f64 / MB as f64)
    } else {
        format!("{} KB", bytes.div_ceil(1024).max(1))
    }
}

/// A file chosen in the composer, read and ready to send.
#[derive(Debug, Clone, PartialEq)]
pub struct PickedFile {
    pub name: String,
    pub bytes: u64,
    pub kind: FileKind,
    /// `data:<type>;base64,…`, as `NewFileDataUrl` wants it.
    pub data_url: String,
}

/// A `CommunityThreadFile` record. `FileDataFileName` is null when the record holds no file.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ThreadFile {
    #[serde(deserialize_with = "wire::or_default")]
    pub id: i64,
    #[serde(deserialize_with = "wire::or_default")]
    pub community_thread_id: i64,
    pub name: Option<String>,
    pub description: Option<String>,
    pub file_data_file_name: Option<String>,
}

impl ThreadFile {
    /// What the link or caption says: the name it was given, else the stored file's.
    pub fn label(&self) -> String {
        [&self.name, &self.file_data_file_name].into_iter().flatten().map(|s| s.trim()).find(|s| !s.is_empty()).unwrap_or("file").to_owned()
    }

    /// A picture's alternative text: its description, else its name (never empty, so a
    /// screen reader says what the picture is rather than skipping it).
    pub fn alt_text(&self) -> String {
        self.description.as_deref().map(str::trim).filter(|d| !d.is_empty()).map_or_else(|| self.label(), str::to_owned)
    }

    pub fn has_file(&self) -> bool {
        self.file_data_file_name.as_deref().is_some_and(|f| !f.trim().is_empty())
    }
}

/// The create body: the file goes up as a data URL.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct NewThreadFile<'a> {
    pub community_thread_id: i64,
    pub name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<&'a str>,
    pub new_file_data_url: &'a str,
}
