//! The Public API board's answers on the wire (the README (The sandbox, Endpoints, Public API board)): every key the
//! contract names, in its order. "Local" times are the business's (UTC here) without a zone;
//! `…Utc` ones end in `Z`.

use serde::Serialize;

use crate::envelope::PageFigures;

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct BusinessRef {
    pub id: i64,
    pub name: String,
    pub web_address: String,
}

/// A group's administrator.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Owner {
    pub id: i64,
    pub full_name: String,
}

/// The author of a thread or reply.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Person {
    pub id: i64,
    pub full_name: String,
    pub email: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Group {
    pub id: i64,
    pub unique_id: String,
    pub name: String,
    pub description: Option<String>,
    /// `Restricted`, `Public` or `Private`: a name here, a number on REST.
    pub group_access: &'static str,
    /// Whether the caller may start and reply to conversations in it.
    pub can_post_messages: bool,
    pub business: BusinessRef,
    pub user: Owner,
    pub created_on: String,
    pub updated_on: String,
    pub created_on_utc: String,
    pub updated_on_utc: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Groups {
    pub groups: Vec<Group>,
}

/// A thread in the list.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ThreadSummary {
    pub id: i64,
    pub unique_id: String,
    pub thread_unique_id: String,
    pub subject: String,
    /// HTML-encoded.
    pub message: String,
    pub tags: Vec<String>,
    pub private: bool,
    pub user_id: i64,
    pub coworker_id: Option<i64>,
    pub full_name: String,
    pub short_full_name: String,
    pub group_id: Option<i64>,
    pub group_name: Option<String>,
    pub business_id: i64,
    pub business_name: String,
    pub business_web_address: String,
    /// Replies, not counting the opening post.
    pub message_count: i64,
    pub like_count: i64,
    pub last_message: Option<String>,
    pub last_message_utc: Option<String>,
    /// The last reply's text, HTML-encoded; null without replies.
    pub last_message_text: Option<String>,
    pub last_message_user_full_name: Option<String>,
    pub created_on: String,
    pub created_on_utc: String,
}

/// One thread, opened.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ThreadDetail {
    pub id: i64,
    pub unique_id: String,
    pub subject: String,
    /// HTML-encoded.
    pub message: String,
    /// Comma-separated, as stored.
    pub tags: Option<String>,
    pub tags_array: Vec<String>,
    pub private: bool,
    pub group_id: Option<i64>,
    pub group_name: Option<String>,
    pub posted_on: String,
    pub utc_posted_on: String,
    /// UTC.
    pub last_message_date: Option<String>,
    pub has_zoom: bool,
    /// `join_url` of the thread's `ZoomEventData`.
    pub zoom_url: Option<String>,
    /// Its `id`, as a string.
    pub zoom_meeting_id: Option<String>,
    pub business: BusinessRef,
    pub user: Person,
    pub message_count: i64,
    pub like_count: i64,
    pub created_on: String,
    pub updated_on: String,
    pub created_on_utc: String,
    pub updated_on_utc: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ThreadRef {
    pub id: i64,
    pub subject: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Reply {
    pub id: i64,
    pub unique_id: String,
    /// HTML-encoded.
    pub message: String,
    pub posted_on: String,
    pub utc_posted_on: String,
    pub community_thread: ThreadRef,
    pub user: Person,
    pub like_count: i64,
    pub created_on: String,
    pub updated_on: String,
    pub created_on_utc: String,
    pub updated_on_utc: String,
}

/// `ApiListResult<T>`: REST's 13 keys, with the sort direction as a string (`"ASC"`/`"DESC"`).
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListResult<T> {
    pub records: Vec<T>,
    pub current_page_size: i64,
    pub current_page: i64,
    pub current_order_field: &'static str,
    pub current_sort_direction: &'static str,
    pub first_item: i64,
    pub last_item: i64,
    pub has_next_page: bool,
    pub has_previous_page: bool,
    pub page_number: i64,
    pub page_size: i64,
    pub total_items: i64,
    pub total_pages: i64,
}

impl<T> ListResult<T> {
    pub fn new(records: Vec<T>, page: i64, size: i64, total: i64, order_field: &'static str, descending: bool) -> ListResult<T> {
        let figures = PageFigures::new(page, size, records.len() as i64, total);
        ListResult {
            records,
            current_page_size: size,
            current_page: page,
            current_order_field: order_field,
            current_sort_direction: if descending { "DESC" } else { "ASC" },
            first_item: figures.first_item,
            last_item: figures.last_item,
            has_next_page: figures.has_next_page,
            has_previous_page: figures.has_previous_page,
            page_number: page,
            page_size: size,
            total_items: total,
            total_pages: figures.total_pages,
        }
    }
}

/// The action confirmation every write answers with (undocumented for these endpoints; the
/// Public API's ActionConfirmation shape).
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Confirmation<V> {
    pub status: u16,
    pub message: String,
    pub value: V,
    pub was_successful: bool,
    pub errors: Option<Vec<()>>,
}

impl<V> Confirmation<V> {
    pub fn ok(message: impl Into<String>, value: V) -> Confirmation<V> {
        Confirmation { status: 200, message: message.into(), value, was_successful: true, errors: None }
    }
}

/// `Value` of a create: the new record's id.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Created {
    pub id: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_result_names_its_keys_as_the_contract_does() {
        let list = ListResult::new(vec![1, 2], 2, 2, 5, "LastMessage", true);
        let json = serde_json::to_value(&list).unwrap();
        let keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "Records",
                "CurrentPageSize",
                "CurrentPage",
                "CurrentOrderField",
                "CurrentSortDirection",
                "FirstItem",
                "LastItem",
                "HasNextPage",
                "HasPreviousPage",
                "PageNumber",
                "PageSize",
                "TotalItems",
                "TotalPages"
            ]
        );
        assert_eq!((json["FirstItem"].as_i64(), json["LastItem"].as_i64(), json["TotalPages"].as_i64()), (Some(3), Some(4), Some(3)));
        assert_eq!(json["CurrentSortDirection"], "DESC");
    }

    #[test]
    fn a_confirmation_has_the_five_keys() {
        let json = serde_json::to_value(Confirmation::ok("x", Created { id: 7 })).unwrap();
        assert_eq!(json, serde_json::json!({"Status": 200, "Message": "x", "Value": {"Id": 7}, "WasSuccessful": true, "Errors": null}));
    }
}
