//! The Members Portal's Public API board (`/api/public/community/board/…`): the members'
//! backend. It acts as the signed-in customer, so visibility, posting rules and author-only
//! deletes are the server's; the board only reads and writes through it.

use super::client::{body, ApiClient};
use super::error::ApiError;
use crate::model::marks::{Mark, MarkState};
use crate::model::portal::{form_field, Group, NewReply, NewThread, Page, Reply, ThreadDetail, ThreadSummary};
use crate::model::query::{encode, ThreadQuery};
use crate::model::thread::ThreadsPage;
use crate::model::{ActionEnvelope, CommunityGroup, CommunityMessage, CommunityThread, ThreadDraft, User};

const BASE: &str = "/api/public/community/board";

/// One page of the list, with the authors' names (the summaries carry them). Search is one
/// request here: the Public API's `query` matches subject and message alike.
pub async fn threads(client: &ApiClient, query: &ThreadQuery) -> Result<(ThreadsPage, Vec<User>), ApiError> {
    let mut qs = format!("page={}&size={}", query.page, query.size);
    if let Some(group) = query.group {
        qs.push_str(&format!("&groupId={group}"));
    }
    for (key, value) in [("query", &query.search), ("tag", &query.tag)] {
        if let Some(value) = value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            qs.push_str(&format!("&{key}={}", encode(value)));
        }
    }
    let page: Page<ThreadSummary> = client.get_json(&format!("{BASE}/threads?{qs}")).await?;
    let has_next = page.has_next();
    let total = page.total_items;
    let (threads, authors) = page.records.into_iter().map(ThreadSummary::into_thread).unzip::<_, _, Vec<_>, Vec<_>>();
    Ok((ThreadsPage { threads, has_next, total }, authors.into_iter().flatten().collect()))
}

pub async fn thread(client: &ApiClient, id: i64) -> Result<(CommunityThread, Option<User>), ApiError> {
    let detail: ThreadDetail = client.get_json(&format!("{BASE}/threads/{id}")).await?;
    Ok(detail.into_thread())
}

/// Replies oldest first, a page at a time, with their authors.
pub async fn replies(client: &ApiClient, thread: i64, page: u32, size: u32) -> Result<(Page<CommunityMessage>, Vec<User>), ApiError> {
    let answer: Page<Reply> = client.get_json(&format!("{BASE}/threads/{thread}/messages?page={page}&size={size}")).await?;
    let (records, authors): (Vec<_>, Vec<_>) = answer.records.into_iter().map(|r| r.into_message(thread)).unzip();
    let page = Page {
        records,
        has_next_page: answer.has_next_page,
        current_page: answer.current_page,
        total_pages: answer.total_pages,
        total_items: answer.total_items,
    };
    Ok((page, authors.into_iter().flatten().collect()))
}

/// Replies after the first `known` (the Public API has no "newer than" filter, so the page
/// that holds reply `known + 1` is asked for, and what is already shown is merged away).
pub async fn replies_after(client: &ApiClient, thread: i64, known: usize, size: u32) -> Result<(Vec<CommunityMessage>, Vec<User>), ApiError> {
    let page = (known as u32 / size.max(1)) + 1;
    let (answer, authors) = replies(client, thread, page, size).await?;
    Ok((answer.records, authors))
}

pub async fn groups(client: &ApiClient) -> Result<Vec<CommunityGroup>, ApiError> {
    let answer: Page<Group> = client.get_json(&format!("{BASE}/groups")).await?;
    Ok(answer.records.into_iter().map(Group::into_group).collect())
}

/// A 400's field names as the board's forms name them.
fn in_form_terms(error: ApiError) -> ApiError {
    match error {
        ApiError::Validation(mut list) => {
            for e in &mut list {
                if let Some(name) = e.property_name.as_deref() {
                    e.property_name = Some(form_field(name).to_owned());
                }
            }
            ApiError::Validation(list)
        }
        other => other,
    }
}

/// Starts a conversation. The draft must have a group (the API requires one). `None`: the
/// answer named no id (the Public API documents no body for it); `board` then finds the post.
pub async fn create_thread(client: &ApiClient, draft: &ThreadDraft) -> Result<Option<i64>, ApiError> {
    let new = NewThread { group_id: draft.group.unwrap_or_default(), title: draft.subject.trim(), content: &draft.message, tags: &draft.tags };
    let envelope = client.post(&format!("{BASE}/threads"), Some(body(&new)?)).await.map_err(in_form_terms)?;
    Ok(envelope.created_id())
}

/// The member's newest conversation with this subject, if it is there.
pub async fn find_own_thread(client: &ApiClient, user_id: i64, subject: &str, since: &str) -> Result<Option<i64>, ApiError> {
    let path = format!("{BASE}/threads?inbox=mine&query={}&page=1&size=25", encode(subject.trim()));
    let page: Page<ThreadSummary> = client.get_json(&path).await?;
    let since = crate::model::dates::parse_timestamp_ms(since).unwrap_or(0);
    let recent = |t: &ThreadSummary| {
        let at = t.created_on_utc.as_deref().or(t.created_on.as_deref()).and_then(crate::model::dates::parse_timestamp_ms);
        at.is_none_or(|at| at >= since)
    };
    Ok(page
        .records
        .iter()
        .filter(|t| t.user_id == Some(user_id) && t.subject.as_deref().map(str::trim) == Some(subject.trim()) && recent(t))
        .map(|t| t.id)
        .max())
}

pub async fn delete_thread(client: &ApiClient, id: i64) -> Result<(), ApiError> {
    client.delete(&format!("{BASE}/threads/{id}")).await?;
    Ok(())
}

pub async fn create_reply(client: &ApiClient, thread: i64, text: &str) -> Result<Option<i64>, ApiError> {
    let envelope =
        client.post(&format!("{BASE}/threads/{thread}/messages"), Some(body(&NewReply { content: text })?)).await.map_err(in_form_terms)?;
    Ok(envelope.created_id())
}

/// The member's reply with this text, newer than `since_id`, if it reached the thread: the
/// last page of replies is where it would be.
pub async fn find_own_reply(client: &ApiClient, thread: i64, user_id: i64, text: &str, since_id: i64) -> Result<Option<i64>, ApiError> {
    const SIZE: u32 = 50;
    let (first, _) = replies(client, thread, 1, 1).await?;
    let total = first.total_items.unwrap_or(0) as u32;
    let last_page = total.div_ceil(SIZE).max(1);
    let (page, _) = replies(client, thread, last_page, SIZE).await?;
    Ok(page
        .records
        .iter()
        .filter(|m| m.id > since_id && m.user_id == user_id && m.message.as_deref().map(str::trim) == Some(text.trim()))
        .map(|m| m.id)
        .max())
}

pub async fn delete_reply(client: &ApiClient, thread: i64, id: i64) -> Result<(), ApiError> {
    client.delete(&format!("{BASE}/threads/{thread}/messages/{id}")).await?;
    Ok(())
}

/// What the member sees before pressing: the like count the thread came with, nothing about
/// their own marks (the Public API does not say).
pub fn mark_state(mark: Mark, like_count: Option<u64>) -> MarkState {
    MarkState { count: if mark == Mark::Like { like_count } else { None }, on: None, record: None }
}

/// Toggles a thread's mark.
pub async fn toggle_mark(client: &ApiClient, mark: Mark, thread: i64, before: MarkState) -> Result<MarkState, ApiError> {
    let action = match mark {
        Mark::Like => "like",
        Mark::Follow => "follow",
        Mark::Mute => "mute",
    };
    let envelope = client.post(&format!("{BASE}/threads/{thread}/{action}"), None).await?;
    Ok(toggled(&envelope, before))
}

/// Toggles the member's like on a reply (the documented path has no `threads/` segment).
pub async fn toggle_reply_like(client: &ApiClient, thread: i64, message: i64, before: MarkState) -> Result<MarkState, ApiError> {
    let envelope = client.post(&format!("{BASE}/{thread}/messages/{message}/like"), None).await?;
    Ok(toggled(&envelope, before))
}

/// A toggle's answer: its `Value` says whether the mark is now on. Without one (a tenant that
/// sends no body), the new state is the opposite of a known old one, else unknown.
fn toggled(envelope: &ActionEnvelope, before: MarkState) -> MarkState {
    let now_on = envelope.value_as::<bool>().or(before.on.map(|on| !on));
    match now_on {
        Some(on) => before.switched(on, None),
        None => MarkState { count: None, on: None, record: None },
    }
}
