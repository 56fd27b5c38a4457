//! The REST surface every community entity shares (contract doc §4.1): list, batch, get,
//! POST, PUT, DELETE, `commands` and `runcommand`, each behind its `<Entity>-<Action>` role.
//! An entity plugs in its own rules by implementing `Resource`.
//!
//! REST is the back office: Nexudus gives its roles to staff only (contract doc §2.4), so
//! whoever holds a role sees every record and, with `-Edit`/`-Delete`, may change or delete
//! any of them (moderation). Members' rules (visibility, posting, own posts only) belong to
//! the Public API (`routes::portal_board`).

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use rusqlite::types::Value as SqlValue;
use rusqlite::{params, Connection};
use serde_json::{json, Map, Value};

use super::listing::{self, Listing};
use crate::auth::Caller;
use crate::entity::{Entity, Field};
use crate::envelope::action_envelope;
use crate::error::{ApiError, FieldError};
use crate::list_query;
use crate::server::AppState;
use crate::writes::{self, Body};

/// A list-valued property kept in a join table: thread `Guests`, group `Members`.
/// Only get-by-id and batch return it; `X` replaces it, `AddedX` and `RemovedX` edit it.
pub struct Collection {
    pub prop: &'static str,
    /// The property it follows in the record, to keep the documented order.
    pub after: &'static str,
    pub table: &'static str,
    pub owner_column: &'static str,
    pub value_column: &'static str,
    /// The table the ids must exist in.
    pub refers_to: &'static str,
}

pub type Values = Vec<(&'static Field, SqlValue)>;

pub trait Resource: Send + Sync + 'static {
    const ENTITY: &'static Entity;
    const COLLECTION: Option<&'static Collection> = None;

    /// Checks a create (`existing` is `None`) or a replacement, and fills in what the server
    /// decides. Runs inside the write's transaction.
    fn check(_conn: &Connection, _caller: &Caller, _values: &mut Values, _existing: Option<&Map<String, Value>>) -> Result<(), ApiError> {
        Ok(())
    }

    /// Side effects of a new record, in the same transaction.
    fn after_create(_conn: &Connection, _id: i64, _values: &Values, _now: &str) -> rusqlite::Result<()> {
        Ok(())
    }

    /// Write-only properties (a file's `NewFileDataUrl`), applied to record `id` once it is
    /// written, in the same transaction: an error here leaves nothing stored.
    fn write_only(_conn: &Connection, _id: i64, _body: &Body<'_>) -> rusqlite::Result<Result<(), Vec<FieldError>>> {
        Ok(Ok(()))
    }

    /// Side effects of ids newly added to the record's collection (create or PUT).
    fn after_collection_added(_conn: &Connection, _caller: &Caller, _id: i64, _added: &[i64], _now: &str) -> rusqlite::Result<()> {
        Ok(())
    }
}

/// All routes of `R` under `base` (e.g. `/api/community/communitythreads`).
pub fn routes<R: Resource>(base: &str) -> Router<AppState> {
    Router::new()
        .route(base, get(list::<R>).post(create::<R>).put(replace::<R>))
        .route(&format!("{base}/"), get(list::<R>).post(create::<R>).put(replace::<R>))
        .route(&format!("{base}/commands"), get(commands::<R>))
        .route(&format!("{base}/runcommand"), post(run_command::<R>))
        .route(&format!("{base}/{{id}}"), get(get_one::<R>).delete(delete::<R>))
}

fn role<R: Resource>(action: &str) -> String {
    format!("{}-{action}", R::ENTITY.name)
}

async fn list<R: Resource>(State(state): State<AppState>, caller: Caller, RawQuery(query): RawQuery) -> Result<Response, ApiError> {
    let action = if list_query::is_batch(query.as_deref()) { "Read" } else { "List" };
    caller.require(&role::<R>(action))?;
    match (listing::list(&state, R::ENTITY, query).await?, R::COLLECTION) {
        (Listing::Batch(records), Some(collection)) => Ok(Json(with_collections(&state, collection, records).await?).into_response()),
        (listing, _) => Ok(listing.into_response()),
    }
}

/// Adds the collection property to each record of a batch answer (as the DEV batch example shows).
async fn with_collections(
    state: &AppState,
    collection: &'static Collection,
    records: Vec<Map<String, Value>>,
) -> Result<Vec<Map<String, Value>>, ApiError> {
    let records = state
        .db
        .call(move |conn| {
            let mut out = Vec::with_capacity(records.len());
            for mut record in records {
                add_collection(conn, collection, &mut record)?;
                out.push(record);
            }
            Ok(out)
        })
        .await?;
    Ok(records)
}

fn add_collection(conn: &Connection, c: &Collection, record: &mut Map<String, Value>) -> rusqlite::Result<()> {
    let id = record.get("Id").and_then(Value::as_i64).unwrap_or_default();
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {} FROM {} WHERE {} = ?1 ORDER BY {}", c.value_column, c.table, c.owner_column, c.value_column))?;
    let ids = stmt.query_map([id], |r| r.get::<_, i64>(0))?.collect::<Result<Vec<_>, _>>()?;
    insert_after(record, c.after, c.prop, Value::from(ids));
    Ok(())
}

/// Inserts `key` right after `anchor`, keeping the documented field order.
fn insert_after(record: &mut Map<String, Value>, anchor: &str, key: &str, value: Value) {
    let mut out = Map::with_capacity(record.len() + 1);
    for (k, v) in std::mem::take(record) {
        let is_anchor = k == anchor;
        out.insert(k, v);
        if is_anchor {
            out.insert(key.to_owned(), value.clone());
        }
    }
    *record = out;
}

async fn get_one<R: Resource>(State(state): State<AppState>, caller: Caller, Path(id): Path<String>) -> Result<Json<Map<String, Value>>, ApiError> {
    caller.require(&role::<R>("Read"))?;
    let id = listing::parse_id(&id)?;
    let mut record = listing::get_one(&state, R::ENTITY, id).await?;
    if let Some(collection) = R::COLLECTION {
        record = state
            .db
            .call(move |conn| {
                add_collection(conn, collection, &mut record)?;
                Ok(record)
            })
            .await?;
    }
    Ok(Json(record))
}

fn parse_body(bytes: &Bytes) -> Result<Value, ApiError> {
    serde_json::from_slice(bytes).map_err(|e| ApiError::invalid("", &format!("The request body is not valid JSON: {e}"), Value::Null))
}

async fn create<R: Resource>(State(state): State<AppState>, caller: Caller, bytes: Bytes) -> Result<Json<Value>, ApiError> {
    caller.require(&role::<R>("Create"))?;
    let body = parse_body(&bytes)?;
    let editor = caller.email.clone();
    let (id, now) = state
        .db
        .call(move |conn| {
            let parsed = Body::from_json(&body).and_then(|b| writes::column_values(R::ENTITY, &b).map_err(ApiError::Validation));
            let mut values = match parsed {
                Ok(v) => v,
                Err(e) => return Ok(Err(e)),
            };
            let tx = conn.transaction()?;
            if let Err(e) = R::check(&tx, &caller, &mut values, None) {
                return Ok(Err(e));
            }
            let now = writes::now_timestamp();
            let id = writes::insert(&tx, R::ENTITY, &values, &caller.email, &now)?;
            if let Err(e) = R::write_only(&tx, id, &Body::from_json(&body).expect("checked above"))? {
                return Ok(Err(ApiError::Validation(e)));
            }
            if let Some(collection) = R::COLLECTION {
                let body = Body::from_json(&body).expect("checked above");
                match write_collection(&tx, collection, id, &body, false)? {
                    Ok(added) => R::after_collection_added(&tx, &caller, id, &added, &now)?,
                    Err(e) => return Ok(Err(ApiError::Validation(e))),
                }
            }
            R::after_create(&tx, id, &values, &now)?;
            tx.commit()?;
            Ok(Ok((id, now)))
        })
        .await??;
    Ok(Json(action_envelope(format!("{} was successfully created.", R::ENTITY.name), json!({ "Id": id }), &now, &editor)))
}

async fn replace<R: Resource>(State(state): State<AppState>, caller: Caller, bytes: Bytes) -> Result<Json<Value>, ApiError> {
    caller.require(&role::<R>("Edit"))?;
    let body = parse_body(&bytes)?;
    let body_map = Body::from_json(&body)?;
    let id = match body_map.get("Id") {
        Some(Value::Number(n)) if n.as_i64().is_some() => n.as_i64().unwrap_or_default(),
        other => return Err(ApiError::invalid("Id", "may not be null or empty", other.cloned().unwrap_or(Value::Null))),
    };
    let existing = listing::get_one(&state, R::ENTITY, id).await?;
    let editor = caller.email.clone();
    let now = state
        .db
        .call(move |conn| {
            let body = Body::from_json(&body).expect("checked above");
            let mut values = match writes::column_values(R::ENTITY, &body) {
                Ok(v) => v,
                Err(e) => return Ok(Err(ApiError::Validation(e))),
            };
            let tx = conn.transaction()?;
            if let Err(e) = R::check(&tx, &caller, &mut values, Some(&existing)) {
                return Ok(Err(e));
            }
            let now = writes::now_timestamp();
            writes::replace(&tx, R::ENTITY, id, &values, &caller.email, &now)?;
            if let Err(e) = R::write_only(&tx, id, &body)? {
                return Ok(Err(ApiError::Validation(e)));
            }
            if let Some(collection) = R::COLLECTION {
                match write_collection(&tx, collection, id, &body, true)? {
                    Ok(added) => R::after_collection_added(&tx, &caller, id, &added, &now)?,
                    Err(e) => return Ok(Err(ApiError::Validation(e))),
                }
            }
            tx.commit()?;
            Ok(Ok(now))
        })
        .await??;
    Ok(Json(action_envelope(format!("{} was successfully updated.", R::ENTITY.name), json!({ "Id": id }), &now, &editor)))
}

/// Applies `X` (replace; on PUT, absent means empty), then `AddedX`, then `RemovedX`.
/// Returns the ids that were not in the collection before, or validation errors for ids that
/// do not exist.
fn write_collection(
    conn: &Connection,
    c: &Collection,
    owner: i64,
    body: &Body<'_>,
    replacing: bool,
) -> rusqlite::Result<Result<Vec<i64>, Vec<FieldError>>> {
    let added_prop = format!("Added{}", c.prop);
    let removed_prop = format!("Removed{}", c.prop);
    let mut errors = Vec::new();
    let mut lists = Vec::new();
    for prop in [c.prop, added_prop.as_str(), removed_prop.as_str()] {
        match body.id_list(prop) {
            Ok(list) => lists.push(list),
            Err(e) => {
                errors.push(e);
                lists.push(None);
            }
        }
    }
    for list in lists.iter().take(2).flatten() {
        for id in list {
            if !writes::exists(conn, c.refers_to, *id)? {
                errors.push(writes::field_error(c.prop, "refers to a record that does not exist", *id));
            }
        }
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let (whole, added, removed) = (&lists[0], &lists[1], &lists[2]);
    let before: Vec<i64> = {
        let mut stmt = conn.prepare(&format!("SELECT {} FROM {} WHERE {} = ?1", c.value_column, c.table, c.owner_column))?;
        let rows = stmt.query_map([owner], |r| r.get(0))?;
        rows.collect::<Result<_, _>>()?
    };
    if whole.is_some() || replacing {
        conn.execute(&format!("DELETE FROM {} WHERE {} = ?1", c.table, c.owner_column), [owner])?;
    }
    let insert = format!("INSERT OR IGNORE INTO {} ({}, {}) VALUES (?1, ?2)", c.table, c.owner_column, c.value_column);
    let mut new_ids = Vec::new();
    for id in whole.iter().chain(added.iter()).flatten() {
        if conn.execute(&insert, params![owner, id])? == 1 && !before.contains(id) {
            new_ids.push(*id);
        }
    }
    for id in removed.iter().flatten() {
        conn.execute(&format!("DELETE FROM {} WHERE {} = ?1 AND {} = ?2", c.table, c.owner_column, c.value_column), params![owner, id])?;
        new_ids.retain(|x| x != id);
    }
    Ok(Ok(new_ids))
}

async fn delete<R: Resource>(State(state): State<AppState>, caller: Caller, Path(id): Path<String>) -> Result<Json<Value>, ApiError> {
    caller.require(&role::<R>("Delete"))?;
    let id = listing::parse_id(&id)?;
    listing::get_one(&state, R::ENTITY, id).await?;
    // Dependent rows (a thread's replies and their likes, the thread's likes, follows, mutes,
    // guests) go with it: ON DELETE CASCADE.
    state.db.call(move |conn| Ok(conn.execute(&format!("DELETE FROM {} WHERE id = ?1", R::ENTITY.table), [id])?)).await?;
    Ok(Json(action_envelope("The record was deleted successfully.".into(), Value::Null, &writes::now_timestamp(), &caller.email)))
}

/// No community command is documented, so the list is empty.
async fn commands<R: Resource>(caller: Caller) -> Result<Json<Value>, ApiError> {
    caller.require(&role::<R>("List"))?;
    Ok(Json(json!([])))
}

/// Answers 200 even when the command fails, as Nexudus does: the outcome is `WasSuccessful`.
async fn run_command<R: Resource>(caller: Caller, bytes: Bytes) -> Result<Json<Value>, ApiError> {
    caller.require(&role::<R>("Edit"))?;
    let body = parse_body(&bytes)?;
    let key = body.get("Key").and_then(Value::as_str).unwrap_or("").to_owned();
    Ok(Json(json!({
        "Status": 400, "Message": format!("The command '{key}' does not exist for {}.", R::ENTITY.name),
        "Value": null, "WasSuccessful": false, "Errors": null,
        "OpenInDialog": false, "OpenInWindow": false, "RedirectURL": null, "JavaScript": null,
    })))
}
