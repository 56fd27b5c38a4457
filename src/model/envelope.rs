//! The list and action envelopes every REST endpoint wraps its answer in (contract doc §3).

use serde::{Deserialize, Deserializer};

/// A page of records. Only `Records` is required: the paging keys vary between doc revisions
/// (`PageNumber`/`PageSize` may be absent) and `CurrentSortDirection` is an int on REST but a
/// string on the portal API, so each is optional and read leniently.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListEnvelope<T> {
    pub records: Vec<T>,
    #[serde(default)]
    pub current_page: Option<u32>,
    #[serde(default)]
    pub current_page_size: Option<u32>,
    #[serde(default)]
    pub has_next_page: Option<bool>,
    #[serde(default)]
    pub has_previous_page: Option<bool>,
    #[serde(default)]
    pub total_items: Option<u64>,
    #[serde(default)]
    pub total_pages: Option<u32>,
    #[serde(default)]
    pub current_order_field: Option<String>,
    #[serde(default, deserialize_with = "sort_direction")]
    pub current_sort_direction: Option<String>,
}

impl<T> ListEnvelope<T> {
    /// Whether a later page exists, from `HasNextPage` or, failing that, the page counts.
    pub fn has_next(&self) -> bool {
        match (self.has_next_page, self.current_page, self.total_pages) {
            (Some(next), _, _) => next,
            (None, Some(page), Some(pages)) => page < pages,
            _ => false,
        }
    }
}

/// `1`, `-1`, `0`, `"ASC"`, `"Descending"`...: kept as the text the server sent.
fn sort_direction<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let value = Option::<serde_json::Value>::deserialize(d)?;
    Ok(match value {
        Some(serde_json::Value::String(s)) => Some(s),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        _ => None,
    })
}

/// One entry of a 400's `Errors`: shown beside the form field named by `property_name`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct FieldError {
    #[serde(default)]
    pub property_name: Option<String>,
    #[serde(default)]
    pub message: Option<String>,
    #[serde(default)]
    pub attempted_value: serde_json::Value,
}

/// The answer to POST, PUT, DELETE and runcommand.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ActionEnvelope {
    #[serde(default)]
    pub status: Option<i32>,
    #[serde(default)]
    pub message: Option<String>,
    #[serde(default)]
    pub value: Option<serde_json::Value>,
    #[serde(default)]
    pub was_successful: bool,
    #[serde(default)]
    pub errors: Option<Vec<FieldError>>,
}

impl ActionEnvelope {
    /// `Value.Id` of a successful create.
    pub fn created_id(&self) -> Option<i64> {
        self.value.as_ref()?.get("Id")?.as_i64()
    }
}
