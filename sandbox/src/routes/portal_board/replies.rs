//! `…/board/threads/{id}/messages`: a visible thread's replies oldest first, replying where
//! the caller may post, and deleting one's own reply.

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::Json;
use rusqlite::{params, OptionalExtension};

use super::input::{Body, Query};
use super::wire::{Confirmation, Created, ListResult, Person, Reply, ThreadRef};
use super::{html_encode, local, Customer, Ids};
use crate::error::{ApiError, FieldError};
use crate::server::AppState;
use crate::{visibility, writes};

pub async fn list(
    State(state): State<AppState>,
    customer: Customer,
    Ids([thread]): Ids<1>,
    RawQuery(raw): RawQuery,
) -> Result<Json<ListResult<Reply>>, ApiError> {
    let (page, size) = Query::parse(raw.as_deref())?.paging()?;
    let caller = customer.caller;
    let answer = state
        .db
        .call(move |conn| {
            let Some(seen) = visibility::thread(conn, &caller, thread)? else { return Ok(None) };
            let total: i64 = conn.query_row("SELECT COUNT(*) FROM community_messages WHERE community_thread_id = ?1", [thread], |r| r.get(0))?;
            let mut stmt = conn.prepare(
                "SELECT m.id, m.unique_id, m.message, m.created_on, m.updated_on, m.user_id, COALESCE(c.full_name, u.full_name, ''),
                        COALESCE(u.email, ''), (SELECT COUNT(*) FROM community_message_likes l WHERE l.message_id = m.id)
                 FROM community_messages m
                 LEFT JOIN coworkers c ON c.id = m.coworker_id
                 LEFT JOIN users u ON u.id = m.user_id
                 WHERE m.community_thread_id = ?1 ORDER BY m.created_on, m.id LIMIT ?2 OFFSET ?3",
            )?;
            let rows = stmt.query_map(params![thread, size, (page - 1).saturating_mul(size)], |r| {
                let created: String = r.get(3)?;
                let updated: String = r.get(4)?;
                Ok(Reply {
                    id: r.get(0)?,
                    unique_id: r.get(1)?,
                    message: html_encode(&r.get::<_, Option<String>>(2)?.unwrap_or_default()),
                    posted_on: local(&created),
                    utc_posted_on: created.clone(),
                    community_thread: ThreadRef { id: thread, subject: seen.subject.clone() },
                    user: Person { id: r.get(5)?, full_name: r.get(6)?, email: r.get(7)? },
                    like_count: r.get(8)?,
                    created_on: local(&created),
                    updated_on: local(&updated),
                    created_on_utc: created,
                    updated_on_utc: updated,
                })
            })?;
            Ok(Some((rows.collect::<Result<Vec<_>, _>>()?, total)))
        })
        .await?;
    let (records, total) = answer.ok_or(ApiError::NotFound)?;
    Ok(Json(ListResult::new(records, page, size, total, "CreatedOn", false)))
}

/// `{"Content"}`: a reply as the caller, where the thread's group lets them post. It is the
/// thread's newest activity.
pub async fn create(
    State(state): State<AppState>,
    customer: Customer,
    Ids([thread]): Ids<1>,
    bytes: Bytes,
) -> Result<Json<Confirmation<Created>>, ApiError> {
    let Customer { caller, coworker_id } = customer;
    let id = state
        .db
        .call(move |conn| {
            let tx = conn.transaction()?;
            let Some(seen) = visibility::thread(&tx, &caller, thread)? else { return Ok(Err(ApiError::NotFound)) };
            let body = match Body::parse(&bytes) {
                Ok(body) => body,
                Err(e) => return Ok(Err(e)),
            };
            let mut errors: Vec<FieldError> = Vec::new();
            body.reject_others(&["Content"], &mut errors);
            let content = body.text("Content", &mut errors);
            if !visibility::may_post_in_group(&tx, &caller, seen.group)? {
                errors.push(writes::field_error("ThreadId", "You may not reply in this group.", thread));
            }
            let (Some(content), true) = (content, errors.is_empty()) else { return Ok(Err(ApiError::Validation(errors))) };
            let now = writes::now_timestamp();
            tx.execute(
                "INSERT INTO community_messages (unique_id, community_thread_id, user_id, coworker_id, message, created_on, updated_on, updated_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7)",
                params![writes::new_guid(), thread, caller.user_id, coworker_id, content, now, caller.email],
            )?;
            let id = tx.last_insert_rowid();
            tx.execute("UPDATE community_threads SET last_message_date = ?1 WHERE id = ?2", params![now, thread])?;
            tx.commit()?;
            Ok(Ok(id))
        })
        .await??;
    Ok(Json(Confirmation::ok("CommunityMessage was successfully created.", Created { id })))
}

/// The author's own reply, with its likes. A reply of another thread is not found here.
pub async fn delete(State(state): State<AppState>, customer: Customer, Ids([thread, message]): Ids<2>) -> Result<Json<Confirmation<()>>, ApiError> {
    let caller = customer.caller;
    state
        .db
        .call(move |conn| {
            if visibility::thread(conn, &caller, thread)?.is_none() {
                return Ok(Err(ApiError::NotFound));
            }
            let author: Option<i64> = conn
                .query_row("SELECT user_id FROM community_messages WHERE id = ?1 AND community_thread_id = ?2", [message, thread], |r| r.get(0))
                .optional()?;
            match author {
                None => Ok(Err(ApiError::NotFound)),
                Some(author) if author != caller.user_id => Ok(Err(ApiError::Unauthorized)),
                Some(_) => Ok(Ok(conn.execute("DELETE FROM community_messages WHERE id = ?1", [message])?)),
            }
        })
        .await??;
    Ok(Json(Confirmation::ok("The record was deleted successfully.", ())))
}
