//! The toggles: like, follow and mute a thread, like a reply. Each press flips the caller's
//! one mark and answers with its new state as `Value` (true: now on).

use axum::extract::State;
use axum::Json;
use rusqlite::{params, Connection, OptionalExtension};

use super::wire::Confirmation;
use super::{Customer, Ids};
use crate::error::ApiError;
use crate::server::AppState;
use crate::{visibility, writes};

/// A kind of mark: its table, the column naming what is marked, and its entity name.
struct Mark {
    table: &'static str,
    column: &'static str,
    entity: &'static str,
}

const THREAD_LIKE: Mark = Mark { table: "community_thread_likes", column: "thread_id", entity: "CommunityThreadLike" };
const THREAD_FOLLOW: Mark = Mark { table: "community_thread_follows", column: "thread_id", entity: "CommunityThreadFollow" };
const THREAD_MUTE: Mark = Mark { table: "community_thread_mutes", column: "thread_id", entity: "CommunityThreadMute" };
const MESSAGE_LIKE: Mark = Mark { table: "community_message_likes", column: "message_id", entity: "CommunityMessageLike" };

/// Removes the user's mark on `target` if there is one, else adds it; returns whether it is now on.
fn flip(conn: &Connection, mark: &Mark, target: i64, user: i64, editor: &str) -> rusqlite::Result<bool> {
    let existing: Option<i64> = conn
        .query_row(&format!("SELECT id FROM {} WHERE {} = ?1 AND user_id = ?2", mark.table, mark.column), [target, user], |r| r.get(0))
        .optional()?;
    if let Some(id) = existing {
        conn.execute(&format!("DELETE FROM {} WHERE id = ?1", mark.table), [id])?;
        return Ok(false);
    }
    let now = writes::now_timestamp();
    conn.execute(
        &format!(
            "INSERT INTO {} (unique_id, {}, user_id, created_on, updated_on, updated_by) VALUES (?1, ?2, ?3, ?4, ?4, ?5)",
            mark.table, mark.column
        ),
        params![writes::new_guid(), target, user, now, editor],
    )?;
    Ok(true)
}

fn answer(mark: &Mark, on: bool) -> Json<Confirmation<bool>> {
    let message = if on { format!("{} was successfully created.", mark.entity) } else { "The record was deleted successfully.".to_owned() };
    Json(Confirmation::ok(message, on))
}

async fn toggle_thread(state: AppState, customer: Customer, thread: i64, mark: &'static Mark) -> Result<Json<Confirmation<bool>>, ApiError> {
    let caller = customer.caller;
    let on = state
        .db
        .call(move |conn| {
            let tx = conn.transaction()?;
            if visibility::thread(&tx, &caller, thread)?.is_none() {
                return Ok(None);
            }
            let on = flip(&tx, mark, thread, caller.user_id, &caller.email)?;
            tx.commit()?;
            Ok(Some(on))
        })
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(answer(mark, on))
}

pub async fn like(State(state): State<AppState>, customer: Customer, Ids([thread]): Ids<1>) -> Result<Json<Confirmation<bool>>, ApiError> {
    toggle_thread(state, customer, thread, &THREAD_LIKE).await
}

pub async fn follow(State(state): State<AppState>, customer: Customer, Ids([thread]): Ids<1>) -> Result<Json<Confirmation<bool>>, ApiError> {
    toggle_thread(state, customer, thread, &THREAD_FOLLOW).await
}

pub async fn mute(State(state): State<AppState>, customer: Customer, Ids([thread]): Ids<1>) -> Result<Json<Confirmation<bool>>, ApiError> {
    toggle_thread(state, customer, thread, &THREAD_MUTE).await
}

/// `…/board/{threadId}/messages/{messageId}/like`: a reply of a thread the caller may see.
pub async fn like_message(
    State(state): State<AppState>,
    customer: Customer,
    Ids([thread, message]): Ids<2>,
) -> Result<Json<Confirmation<bool>>, ApiError> {
    let caller = customer.caller;
    let on = state
        .db
        .call(move |conn| {
            let tx = conn.transaction()?;
            let in_thread: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM community_messages WHERE id = ?1 AND community_thread_id = ?2)",
                [message, thread],
                |r| r.get(0),
            )?;
            if !in_thread || visibility::thread(&tx, &caller, thread)?.is_none() {
                return Ok(None);
            }
            let on = flip(&tx, &MESSAGE_LIKE, message, caller.user_id, &caller.email)?;
            tx.commit()?;
            Ok(Some(on))
        })
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(answer(&MESSAGE_LIKE, on))
}
