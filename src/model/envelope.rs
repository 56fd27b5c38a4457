//! The list and action envelopes every REST endpoint wraps its answer in (contract doc §3).

use serde::Deserialize;
use serde_json::value::RawValue;

use super::json_read::from_json;
use super::wire;

/// A page of records. Only `Records` is required: the paging keys vary between doc revisions
/// (`PageNumber`/`PageSize` may be absent) and `CurrentSortDirection` is an int on REST but a
/// string on the portal API, so each is optional and read leniently.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListEnvelope<T> {
    /// Required: an answer without it (or with it null) is not a list.
    pub records: Vec<T>,
    pub current_page: Option<u32>,
    pub current_page_size: Option<u32>,
    pub has_next_page: Option<bool>,
    pub has_previous_page: Option<bool>,
    pub total_items: Option<u64>,
    pub total_pages: Option<u32>,
    pub current_order_field: Option<String>,
    #[serde(default, deserialize_with = "wire::text_or_number")]
    pub current_sort_direction: Option<String>,
}

impl<T> ListEnvelope<T> {
    pub fn has_next(&self) -> bool {
        has_later_page(self.has_next_page, self.current_page, self.total_pages)
    }
}

/// Whether a later page exists, from `HasNextPage` or, failing that, the page counts (REST's
/// envelope and the Public API's `ApiListResult` alike; a bare array is all there is).
pub fn has_later_page(has_next_page: Option<bool>, current_page: Option<u32>, total_pages: Option<u32>) -> bool {
    match (has_next_page, current_page, total_pages) {
        (Some(next), _, _) => next,
        (None, Some(page), Some(pages)) => page < pages,
        _ => false,
    }
}

/// One entry of a 400's `Errors`: shown beside the form field named by `property_name`.
/// (`AttemptedValue` is not read: the board shows the member's own input.)
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct FieldError {
    pub property_name: Option<String>,
    pub message: Option<String>,
}

/// The answer to POST, PUT, DELETE and runcommand. Every request can get one (a 400), so it
/// is read on the first page: `Value`, whose shape depends on the action, is kept as its JSON
/// text and read by the action that knows its shape (`created_id`, `value_as`), so that no
/// reader of arbitrary JSON comes with the first page.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ActionEnvelope {
    pub status: Option<i32>,
    pub message: Option<String>,
    pub value: Option<Box<RawValue>>,
    #[serde(deserialize_with = "wire::or_default")]
    pub was_successful: bool,
    pub errors: Option<Vec<FieldError>>,
}

impl ActionEnvelope {
    /// `Value` read as a `T`, if it is one.
    pub fn value_as<T: serde::de::DeserializeOwned>(&self) -> Option<T> {
        from_json(self.value.as_ref()?.get()).ok()
    }

    /// `Value.Id` of a successful create.
    pub fn created_id(&self) -> Option<i64> {
        #[derive(Deserialize)]
        struct Created {
            #[serde(rename = "Id")]
            id: i64,
        }
        self.value_as::<Created>().map(|created| created.id)
    }
}
