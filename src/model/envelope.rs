//! The list and action envelopes every REST endpoint wraps its answer in (contract doc §3).

use crate::json::{FromJson, Json, JsonError, Object};

/// A page of records. Only `Records` is required: the paging keys vary between doc revisions
/// (`PageNumber`/`PageSize` may be absent) and `CurrentSortDirection` is an int on REST but a
/// string on the portal API, so each is optional and read leniently.
#[derive(Debug, Clone, PartialEq)]
pub struct ListEnvelope<T> {
    pub records: Vec<T>,
    pub current_page: Option<u32>,
    pub current_page_size: Option<u32>,
    pub has_next_page: Option<bool>,
    pub has_previous_page: Option<bool>,
    pub total_items: Option<u64>,
    pub total_pages: Option<u32>,
    pub current_order_field: Option<String>,
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

impl<T: FromJson> FromJson for ListEnvelope<T> {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let o = value.object("a list answer")?;
        let records = o.opt_list("Records")?.ok_or_else(|| JsonError("Records: missing".into()))?;
        let count = |key: &str| -> Result<Option<u32>, JsonError> { Ok(o.opt_int(key)?.and_then(|n| u32::try_from(n).ok())) };
        Ok(ListEnvelope {
            records,
            current_page: count("CurrentPage")?,
            current_page_size: count("CurrentPageSize")?,
            has_next_page: o.opt_flag("HasNextPage")?,
            has_previous_page: o.opt_flag("HasPreviousPage")?,
            total_items: o.opt_int("TotalItems")?.and_then(|n| u64::try_from(n).ok()),
            total_pages: count("TotalPages")?,
            current_order_field: o.opt_text("CurrentOrderField")?,
            current_sort_direction: sort_direction(o),
        })
    }
}

/// `1`, `-1`, `0`, `"ASC"`, `"Descending"`...: kept as the text the server sent.
fn sort_direction(o: &Object) -> Option<String> {
    match o.get("CurrentSortDirection")? {
        Json::String(s) => Some(s.clone()),
        Json::Number(n) => Some(n.clone()),
        _ => None,
    }
}

/// One entry of a 400's `Errors`: shown beside the form field named by `property_name`.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldError {
    pub property_name: Option<String>,
    pub message: Option<String>,
    pub attempted_value: Json,
}

/// The answer to POST, PUT, DELETE and runcommand.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionEnvelope {
    pub status: Option<i32>,
    pub message: Option<String>,
    pub value: Option<Json>,
    pub was_successful: bool,
    pub errors: Option<Vec<FieldError>>,
}

impl FromJson for FieldError {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let o = value.object("a field error")?;
        Ok(FieldError {
            property_name: o.opt_text("PropertyName")?,
            message: o.opt_text("Message")?,
            attempted_value: o.get("AttemptedValue").cloned().unwrap_or_default(),
        })
    }
}

impl FromJson for ActionEnvelope {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let o = value.object("an action answer")?;
        Ok(ActionEnvelope {
            status: o.opt_int("Status")?.and_then(|n| i32::try_from(n).ok()),
            message: o.opt_text("Message")?,
            value: o.get("Value").filter(|v| !v.is_null()).cloned(),
            was_successful: o.flag("WasSuccessful")?,
            errors: o.opt_list("Errors")?,
        })
    }
}

impl ActionEnvelope {
    /// `Value.Id` of a successful create.
    pub fn created_id(&self) -> Option<i64> {
        self.value.as_ref()?.get("Id")?.as_i64()
    }
}
