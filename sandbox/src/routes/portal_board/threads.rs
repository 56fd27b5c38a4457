//! `…/board/threads`: the list (group, inbox, search and tag filters), one thread opened,
//! starting a conversation, and deleting one's own.

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::Json;
use rusqlite::types::Value as SqlValue;
use rusqlite::{params, OptionalExtension};
use serde_json::Value;

use super::input::{Body, Query};
use super::wire::{BusinessRef, Confirmation, Created, ListResult, Person, ThreadDetail, ThreadSummary};
use super::{groups, html_encode, local, short_name, tag_list, Customer, Ids};
use crate::error::{ApiError, FieldError};
use crate::server::AppState;
use crate::{visibility, writes};

/// Which threads `inbox` asks for.
enum Inbox {
    All,
    /// Threads the caller follows.
    Following,
    /// Threads the caller started.
    Mine,
}

/// The thread's author's name: their customer profile's, else their user's.
const AUTHOR_NAME: &str = "COALESCE(c.full_name, u.full_name, '')";

pub async fn list(State(state): State<AppState>, customer: Customer, RawQuery(raw): RawQuery) -> Result<Json<ListResult<ThreadSummary>>, ApiError> {
    let query = Query::parse(raw.as_deref())?;
    let (page, size) = query.paging()?;
    let group = query.id("groupId")?;
    let inbox = match query.text("inbox") {
        None => Inbox::All,
        Some(v) if v.eq_ignore_ascii_case("following") => Inbox::Following,
        Some(v) if v.eq_ignore_ascii_case("mine") => Inbox::Mine,
        Some(v) => return Err(ApiError::invalid("inbox", "must be empty, following or mine", v)),
    };
    let caller = customer.caller;
    let me = SqlValue::Integer(caller.user_id);
    let mut conditions = Vec::new();
    let mut params = Vec::new();
    if let Some((condition, values)) = visibility::threads(&caller, "t") {
        conditions.push(condition);
        params.extend(values);
    }
    if let Some(group) = group {
        conditions.push("t.community_group_id = ?".to_owned());
        params.push(SqlValue::Integer(group));
    }
    match inbox {
        Inbox::All => {}
        Inbox::Following => {
            conditions.push("EXISTS (SELECT 1 FROM community_thread_follows f WHERE f.thread_id = t.id AND f.user_id = ?)".to_owned());
            params.push(me);
        }
        Inbox::Mine => {
            conditions.push("t.user_id = ?".to_owned());
            params.push(me);
        }
    }
    if let Some(text) = query.text("query") {
        conditions.push("(board_contains(t.subject, ?) OR board_contains(t.message, ?))".to_owned());
        params.extend([SqlValue::Text(text.to_owned()), SqlValue::Text(text.to_owned())]);
    }
    if let Some(tag) = query.text("tag") {
        conditions.push("board_has_tag(t.tags, ?)".to_owned());
        params.push(SqlValue::Text(tag.to_owned()));
    }
    let filter = if conditions.is_empty() { "1".to_owned() } else { conditions.join(" AND ") };
    let (records, total) = state
        .db
        .call(move |conn| {
            let total: i64 = conn.query_row(
                &format!("SELECT COUNT(*) FROM community_threads t WHERE {filter}"),
                rusqlite::params_from_iter(params.iter()),
                |r| r.get(0),
            )?;
            // The page's ids first (most recent activity first), then their summaries: the
            // counts and the last reply are looked up for one page only.
            let sql = format!(
                "SELECT t.id, t.unique_id, t.subject, t.message, t.tags, t.private, t.user_id, t.coworker_id, {AUTHOR_NAME},
                        t.community_group_id, g.name, t.business_id, COALESCE(b.name, ''), COALESCE(b.web_address, ''),
                        (SELECT COUNT(*) FROM community_messages m WHERE m.community_thread_id = t.id),
                        (SELECT COUNT(*) FROM community_thread_likes l WHERE l.thread_id = t.id),
                        t.last_message_date, lm.message, COALESCE(lc.full_name, lu.full_name), t.created_on
                 FROM (SELECT t.id AS pid, COALESCE(t.last_message_date, t.created_on) AS activity FROM community_threads t
                       WHERE {filter} ORDER BY activity DESC, t.id DESC LIMIT ? OFFSET ?) p
                 JOIN community_threads t ON t.id = p.pid
                 LEFT JOIN coworkers c ON c.id = t.coworker_id
                 LEFT JOIN users u ON u.id = t.user_id
                 LEFT JOIN community_groups g ON g.id = t.community_group_id
                 LEFT JOIN businesses b ON b.id = t.business_id
                 LEFT JOIN community_messages lm ON lm.id = (SELECT m.id FROM community_messages m WHERE m.community_thread_id = t.id
                                                             ORDER BY m.created_on DESC, m.id DESC LIMIT 1)
                 LEFT JOIN coworkers lc ON lc.id = lm.coworker_id
                 LEFT JOIN users lu ON lu.id = lm.user_id
                 ORDER BY p.activity DESC, p.pid DESC"
            );
            let mut values = params;
            values.push(SqlValue::Integer(size));
            values.push(SqlValue::Integer((page - 1).saturating_mul(size)));
            let mut stmt = conn.prepare(&sql)?;
            let rows = stmt.query_map(rusqlite::params_from_iter(values.iter()), |r| {
                let tags: Option<String> = r.get(4)?;
                let full_name: String = r.get(8)?;
                let last: Option<String> = r.get(16)?;
                let last_text: Option<String> = r.get(17)?;
                let created: String = r.get(19)?;
                let unique_id: String = r.get(1)?;
                Ok(ThreadSummary {
                    id: r.get(0)?,
                    thread_unique_id: unique_id.clone(),
                    unique_id,
                    subject: r.get(2)?,
                    message: html_encode(&r.get::<_, String>(3)?),
                    tags: tag_list(tags.as_deref()),
                    private: r.get(5)?,
                    user_id: r.get(6)?,
                    coworker_id: r.get(7)?,
                    short_full_name: short_name(&full_name),
                    full_name,
                    group_id: r.get(9)?,
                    group_name: r.get(10)?,
                    business_id: r.get(11)?,
                    business_name: r.get(12)?,
                    business_web_address: r.get(13)?,
                    message_count: r.get(14)?,
                    like_count: r.get(15)?,
                    last_message: last.as_deref().map(local),
                    last_message_utc: last,
                    last_message_text: last_text.as_deref().map(html_encode),
                    last_message_user_full_name: r.get(18)?,
                    created_on: local(&created),
                    created_on_utc: created,
                })
            })?;
            Ok((rows.collect::<Result<Vec<_>, _>>()?, total))
        })
        .await?;
    Ok(Json(ListResult::new(records, page, size, total, "LastMessage", true)))
}

/// `ZoomUrl` and `ZoomMeetingId` from the thread's `ZoomEventData` (Zoom's `join_url` and `id`).
fn zoom_fields(data: Option<&str>) -> (Option<String>, Option<String>) {
    let Some(data) = data.and_then(|d| serde_json::from_str::<Value>(d).ok()) else { return (None, None) };
    let url = data.get("join_url").and_then(Value::as_str).map(str::to_owned);
    let id = match data.get("id") {
        Some(Value::String(id)) => Some(id.clone()),
        Some(Value::Number(id)) => Some(id.to_string()),
        _ => None,
    };
    (url, id)
}

pub async fn detail(State(state): State<AppState>, customer: Customer, Ids([id]): Ids<1>) -> Result<Json<ThreadDetail>, ApiError> {
    let caller = customer.caller;
    let detail = state
        .db
        .call(move |conn| {
            let (visible, mut params) = visibility::condition(visibility::threads(&caller, "t"));
            params.insert(0, SqlValue::Integer(id));
            let sql = format!(
                "SELECT t.id, t.unique_id, t.subject, t.message, t.tags, t.private, t.community_group_id, g.name, t.created_on,
                        t.last_message_date, t.zoom_event_data, t.business_id, COALESCE(b.name, ''), COALESCE(b.web_address, ''),
                        t.user_id, {AUTHOR_NAME}, COALESCE(u.email, ''),
                        (SELECT COUNT(*) FROM community_messages m WHERE m.community_thread_id = t.id),
                        (SELECT COUNT(*) FROM community_thread_likes l WHERE l.thread_id = t.id), t.updated_on
                 FROM community_threads t
                 LEFT JOIN coworkers c ON c.id = t.coworker_id
                 LEFT JOIN users u ON u.id = t.user_id
                 LEFT JOIN community_groups g ON g.id = t.community_group_id
                 LEFT JOIN businesses b ON b.id = t.business_id
                 WHERE t.id = ? AND {visible}"
            );
            let row = conn.query_row(&sql, rusqlite::params_from_iter(params.iter()), |r| {
                let tags: Option<String> = r.get(4)?;
                let created: String = r.get(8)?;
                let updated: String = r.get(19)?;
                let (zoom_url, zoom_meeting_id) = zoom_fields(r.get::<_, Option<String>>(10)?.as_deref());
                Ok(ThreadDetail {
                    id: r.get(0)?,
                    unique_id: r.get(1)?,
                    subject: r.get(2)?,
                    message: html_encode(&r.get::<_, String>(3)?),
                    tags_array: tag_list(tags.as_deref()),
                    tags,
                    private: r.get(5)?,
                    group_id: r.get(6)?,
                    group_name: r.get(7)?,
                    posted_on: local(&created),
                    utc_posted_on: created.clone(),
                    last_message_date: r.get(9)?,
                    has_zoom: zoom_url.is_some() || zoom_meeting_id.is_some(),
                    zoom_url,
                    zoom_meeting_id,
                    business: BusinessRef { id: r.get(11)?, name: r.get(12)?, web_address: r.get(13)? },
                    user: Person { id: r.get(14)?, full_name: r.get(15)?, email: r.get(16)? },
                    message_count: r.get(17)?,
                    like_count: r.get(18)?,
                    created_on: local(&created),
                    updated_on: local(&updated),
                    created_on_utc: created,
                    updated_on_utc: updated,
                })
            });
            Ok(row.optional()?)
        })
        .await?;
    detail.map(Json).ok_or(ApiError::NotFound)
}

/// `{"GroupId", "Title", "Content", "Tags"}`: a new conversation in a group the caller may
/// post in, as themselves. Nothing else is accepted (no Private, guests or Zoom here).
pub async fn create(State(state): State<AppState>, customer: Customer, bytes: Bytes) -> Result<Json<Confirmation<Created>>, ApiError> {
    let body = Body::parse(&bytes)?;
    let mut errors: Vec<FieldError> = Vec::new();
    body.reject_others(&["GroupId", "Title", "Content", "Tags"], &mut errors);
    let group = body.id("GroupId", &mut errors);
    let title = body.text("Title", &mut errors);
    let content = body.text("Content", &mut errors);
    let tags = body.tags("Tags", &mut errors);
    let Customer { caller, coworker_id } = customer;
    let id = state
        .db
        .call(move |conn| {
            let tx = conn.transaction()?;
            let business = match group {
                Some(group) => groups::postable(&tx, &caller, group)?,
                None => None,
            };
            if let (Some(group), None) = (group, business) {
                errors.push(writes::field_error("GroupId", "must be a group you may post in", group));
            }
            let (Some(business), Some(title), Some(content), true) = (business, title, content, errors.is_empty()) else {
                return Ok(Err(ApiError::Validation(errors)));
            };
            let now = writes::now_timestamp();
            let tags = if tags.is_empty() { None } else { Some(tags.join(",")) };
            tx.execute(
                "INSERT INTO community_threads (unique_id, business_id, community_group_id, user_id, coworker_id, subject, message, tags,
                    last_message_date, created_on, updated_on, updated_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?9, ?10)",
                params![writes::new_guid(), business, group, caller.user_id, coworker_id, title, content, tags, now, caller.email],
            )?;
            let id = tx.last_insert_rowid();
            tx.commit()?;
            Ok(Ok(id))
        })
        .await??;
    Ok(Json(Confirmation::ok("CommunityThread was successfully created.", Created { id })))
}

/// The author's own conversation, with its replies, guests, likes, follows and mutes.
pub async fn delete(State(state): State<AppState>, customer: Customer, Ids([id]): Ids<1>) -> Result<Json<Confirmation<()>>, ApiError> {
    let caller = customer.caller;
    state
        .db
        .call(move |conn| {
            match visibility::thread(conn, &caller, id)? {
                None => Ok(Err(ApiError::NotFound)),
                Some(seen) if seen.author != caller.user_id => Ok(Err(ApiError::Unauthorized)),
                // Dependent rows go with it: ON DELETE CASCADE.
                Some(_) => Ok(Ok(conn.execute("DELETE FROM community_threads WHERE id = ?1", [id])?)),
            }
        })
        .await??;
    Ok(Json(Confirmation::ok("The record was deleted successfully.", ())))
}
