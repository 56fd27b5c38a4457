//! Tags: the API stores them as one comma-separated string; the composer edits them as chips.

use crate::i18n::LaterMsg;

/// Why a typed tag cannot be added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TagProblem {
    Empty,
    /// Commas separate tags on the wire, so a tag cannot hold one.
    HasComma,
    Duplicate,
    TooLong,
}

impl TagProblem {
    /// What to tell the member (`TagTooLong` states `MAX_TAG_LENGTH`).
    pub fn message(&self) -> LaterMsg {
        match self {
            TagProblem::Empty => LaterMsg::TagEmpty,
            TagProblem::HasComma => LaterMsg::TagHasComma,
            TagProblem::Duplicate => LaterMsg::TagDuplicate,
            TagProblem::TooLong => LaterMsg::TagTooLong,
        }
    }
}

pub const MAX_TAG_LENGTH: usize = 50;

/// Adds `typed` to `tags` (trimmed), or says why not. Duplicates are compared without case.
pub fn add_tag(tags: &mut Vec<String>, typed: &str) -> Result<(), TagProblem> {
    let tag = typed.trim();
    if tag.is_empty() {
        return Err(TagProblem::Empty);
    }
    if tag.contains(',') {
        return Err(TagProblem::HasComma);
    }
    if tag.chars().count() > MAX_TAG_LENGTH {
        return Err(TagProblem::TooLong);
    }
    if tags.iter().any(|t| super::case::same_but_case(t, tag)) {
        return Err(TagProblem::Duplicate);
    }
    tags.push(tag.to_owned());
    Ok(())
}

/// The API's comma string from chips; `None` when there are none.
pub fn to_wire(tags: &[String]) -> Option<String> {
    let joined = tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()).collect::<Vec<_>>().join(",");
    (!joined.is_empty()).then_some(joined)
}

/// Chips from the API's comma string: trimmed, empty and duplicate entries dropped.
pub fn from_wire(wire: Option<&str>) -> Vec<String> {
    let mut tags = Vec::new();
    for part in wire.unwrap_or("").split(',') {
        let _ = add_tag(&mut tags, part);
    }
    tags
}
