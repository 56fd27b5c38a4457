//! The list envelope (all 13 keys, contract doc §3.1) and the action envelope (§3.2).

use serde_json::{json, Map, Value};

use crate::list_query::Paging;

pub fn list_envelope(records: Vec<Map<String, Value>>, paging: &Paging, total: i64) -> Value {
    let size = paging.size;
    let page = paging.page;
    let total_pages = if total == 0 { 0 } else { (total + size - 1) / size };
    let shown = records.len() as i64;
    let first = if shown == 0 { 0 } else { (page - 1) * size + 1 };
    let last = if shown == 0 { 0 } else { first + shown - 1 };
    json!({
        "Records": records,
        "CurrentPageSize": size,
        "CurrentPage": page,
        "CurrentOrderField": paging.order_prop,
        "CurrentSortDirection": paging.dir_code,
        "FirstItem": first,
        "LastItem": last,
        "HasNextPage": page < total_pages,
        "HasPreviousPage": page > 1,
        "PageNumber": page,
        "PageSize": size,
        "TotalItems": total,
        "TotalPages": total_pages,
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
