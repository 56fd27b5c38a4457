//! `/api/community/communitythreads`: conversations on the REST backend (staff).

use super::client::ApiClient;
use super::error::ApiError;
use crate::model::draft::RawRecord;
use crate::model::query::ThreadQuery;
use crate::model::search::merge_by_activity;
use crate::model::thread::ThreadsPage;
use crate::model::{CommunityThread, ListEnvelope};

const PATH: &str = "/api/community/communitythreads";

pub async fn list(client: &ApiClient, query: &ThreadQuery) -> Result<ListEnvelope<CommunityThread>, ApiError> {
    let qs = query.to_query_string(client.dir_convention);
    client.get_json(&format!("{PATH}?{qs}")).await
}

/// One page for the list screen. With search text, REST cannot OR two filters, so the board
/// asks for subject matches and message matches (each the first `page × size` by activity)
/// and merges: the merged page is exact for the first 40 pages (the API's 1000-row cap).
pub async fn page(client: &ApiClient, query: &ThreadQuery) -> Result<ThreadsPage, ApiError> {
    let Some(text) = query.search.clone().filter(|s| !s.trim().is_empty()) else {
        let envelope = list(client, query).await?;
        return Ok(ThreadsPage { has_next: envelope.has_next(), total: envelope.total_items, threads: envelope.records });
    };
    let window = (query.page * query.size).min(1000);
    let base = ThreadQuery { page: 1, size: window, search: None, ..query.clone() };
    let by_subject = ThreadQuery { subject: Some(text.clone()), ..base.clone() };
    let by_message = ThreadQuery { message: Some(text), ..base };
    let (a, b) = futures::join!(list(client, &by_subject), list(client, &by_message));
    let (a, b) = (a?, b?);
    let more_beyond_window = a.has_next() || b.has_next();
    let merged = merge_by_activity(a.records, b.records);
    let start = ((query.page - 1) * query.size) as usize;
    let end = (start + query.size as usize).min(merged.len());
    let has_next = merged.len() > end || more_beyond_window;
    let threads = if start < merged.len() { merged[start..end].to_vec() } else { Vec::new() };
    Ok(ThreadsPage { threads, has_next, total: None })
}

pub async fn get(client: &ApiClient, id: i64) -> Result<CommunityThread, ApiError> {
    client.get_json(&format!("{PATH}/{id}")).await
}

/// The record exactly as sent, for an edit that must put back what it does not change.
pub async fn get_raw(client: &ApiClient, id: i64) -> Result<RawRecord, ApiError> {
    client.get_json(&format!("{PATH}/{id}")).await
}

/// Creates the thread in `body` (`ThreadDraft::to_create_body`).
pub async fn create(client: &ApiClient, body: String) -> Result<i64, ApiError> {
    let envelope = client.post(PATH, Some(body)).await?;
    envelope.created_id().ok_or_else(|| ApiError::Decode("no Value.Id in the create answer".into()))
}

/// Puts back the whole record in `record` (`ThreadDraft::apply_to_record`).
pub async fn replace(client: &ApiClient, record: String) -> Result<(), ApiError> {
    client.put(PATH, record).await?;
    Ok(())
}

/// Puts back the thread's record as it is now, with `users` in `AddedGuests`.
pub async fn add_guests(client: &ApiClient, id: i64, users: &[i64]) -> Result<(), ApiError> {
    let mut record = get_raw(client, id).await?;
    let added = serde_json::value::to_raw_value(users).map_err(|e| ApiError::Decode(e.to_string()))?;
    record.insert("AddedGuests".to_owned(), added);
    client.put(PATH, super::client::body(&record)?).await?;
    Ok(())
}

pub async fn delete(client: &ApiClient, id: i64) -> Result<(), ApiError> {
    client.delete(&format!("{PATH}/{id}")).await?;
    Ok(())
}

/// Whether a thread with this subject by this member appeared after `since` (ISO): how the
/// board tells, after an ambiguous failure, whether a post went through.
pub async fn find_own_since(client: &ApiClient, user_id: i64, subject: &str, since: &str) -> Result<Option<i64>, ApiError> {
    let qs = format!(
        "CommunityThread_User={user_id}&CommunityThread_Subject={}&from_CommunityThread_CreatedOn={}&orderBy=Id&dir={}",
        crate::model::query::encode(subject),
        crate::model::query::encode(&since[..since.len().min(16)]),
        client.dir_convention.code(crate::model::query::Direction::Descending),
    );
    let envelope: ListEnvelope<CommunityThread> = client.get_json(&format!("{PATH}?{qs}")).await?;
    Ok(envelope.records.into_iter().find(|t| t.subject.trim() == subject.trim()).map(|t| t.id))
}
