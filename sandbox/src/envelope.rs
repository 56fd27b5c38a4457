//! The list envelope (all 13 keys, contract doc §3.1) and the action envelope (§3.2).

use serde_json::{json, Map, Value};

use crate::list_query::Paging;

/// The figures every list envelope derives from its page, page size, the records it shows
/// and the total: REST's and the Public API's `ApiListResult` alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageFigures {
    pub first_item: i64,
    pub last_item: i64,
    pub total_pages: i64,
    pub has_next_page: bool,
    pub has_previous_page: bool,
}

impl PageFigures {
    pub fn new(page: i64, size: i64, shown: i64, total: i64) -> PageFigures {
        let total_pages = if total == 0 { 0 } else { (total + size - 1) / size };
        let first_item = if shown == 0 { 0 } else { (page - 1) * size + 1 };
        let last_item = if shown == 0 { 0 } else { first_item + shown - 1 };
        PageFigures { first_item, last_item, total_pages, has_next_page: page < total_pages, has_previous_page: page > 1 }
    }
}

pub fn list_envelope(records: Vec<Map<String, Value>>, paging: &Paging, total: i64) -> Value {
    let size = paging.size;
    let page = paging.page;
    let figures = PageFigures::new(page, size, records.len() as i64, total);
    json!({
        "Records": records,
        "CurrentPageSize": size,
        "CurrentPage": page,
        "CurrentOrderField": paging.order_prop,
        "CurrentSortDirection": paging.dir_code,
        "FirstItem": figures.first_item,
        "LastItem": figures.last_item,
        "HasNextPage": figures.has_next_page,
        "HasPreviousPage": figures.has_previous_page,
        "PageNumber": page,
        "PageSize": size,
        "TotalItems": total,
        "TotalPages": figures.total_pages,
    })
}

/// The success body of POST, PUT, DELETE and runcommand.
pub fn action_envelope(message: String, value: Value, updated_on: &str, updated_by: &str) -> Value {
    json!({
        "Status": 200, "Message": message, "Value": value, "WasSuccessful": true, "Errors": null,
        "OpenInDialog": false, "OpenInWindow": false, "RedirectURL": null, "JavaScript": null,
        "UpdatedOn": updated_on, "UpdatedBy": updated_by,
    })
}
