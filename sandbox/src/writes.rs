//! Create, full-replacement update and delete, written once against the entity
//! descriptions. Entity modules add their own rules (who may write, what a write implies)
//! around these.

use rusqlite::types::Value as SqlValue;
use rusqlite::{params_from_iter, Connection};
use serde_json::{Map, Value};

use crate::entity::{Access, Entity, Field, Kind};
use crate::error::{ApiError, FieldError};

/// A request body, read case-insensitively as ASP.NET binds JSON.
pub struct Body<'a>(pub &'a Map<String, Value>);

impl<'a> Body<'a> {
    pub fn from_json(value: &'a Value) -> Result<Body<'a>, ApiError> {
        value.as_object().map(Body).ok_or_else(|| ApiError::invalid("", "The request body must be a JSON object.", Value::Null))
    }

    pub fn get(&self, prop: &str) -> Option<&'a Value> {
        self.0.iter().find(|(k, _)| k.eq_ignore_ascii_case(prop)).map(|(_, v)| v)
    }

    /// An `int[]` property such as `Guests` or `AddedMembers`: `Ok(None)` when absent or null.
    pub fn id_list(&self, prop: &str) -> Result<Option<Vec<i64>>, FieldError> {
        match self.get(prop) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Array(items)) => items
                .iter()
                .map(|v| v.as_i64().ok_or_else(|| FieldError::new(prop, "must be a list of ids", Value::Array(items.clone()))))
                .collect::<Result<Vec<_>, _>>()
                .map(Some),
            Some(other) => Err(FieldError::new(prop, "must be a list of ids", other.clone())),
        }
    }
}

/// The writable properties of `entity` as column values. A property left out, or null, is
/// NULL (false for booleans): on PUT that is what clears it. Every problem is collected so
/// the client can show them all at once.
pub fn column_values(entity: &Entity, body: &Body<'_>) -> Result<Vec<(&'static Field, SqlValue)>, Vec<FieldError>> {
    let mut values = Vec::new();
    let mut errors = Vec::new();
    for field in entity.writable_fields() {
        let raw = body.get(field.prop).unwrap_or(&Value::Null);
        match to_sql(field, raw) {
            Ok(SqlValue::Null) if field.access == Access::Required => {
                errors.push(FieldError::new(field.prop, "may not be null or empty", raw.clone()))
            }
            Ok(value) => values.push((field, value)),
            Err(message) => errors.push(FieldError::new(field.prop, message, raw.clone())),
        }
    }
    if errors.is_empty() {
        Ok(values)
    } else {
        Err(errors)
    }
}

fn to_sql(field: &Field, raw: &Value) -> Result<SqlValue, &'static str> {
    Ok(match (field.kind, raw) {
        (Kind::Bool, Value::Null) => SqlValue::Integer(0),
        (_, Value::Null) => SqlValue::Null,
        (Kind::Int, Value::Number(n)) => SqlValue::Integer(n.as_i64().ok_or("must be a whole number")?),
        // Newtonsoft reads numeric strings into ints; so does the sandbox.
        (Kind::Int, Value::String(s)) => SqlValue::Integer(s.trim().parse().map_err(|_| "must be a whole number")?),
        (Kind::Bool, Value::Bool(b)) => SqlValue::Integer(i64::from(*b)),
        (Kind::Bool, Value::String(s)) if s.eq_ignore_ascii_case("true") => SqlValue::Integer(1),
        (Kind::Bool, Value::String(s)) if s.eq_ignore_ascii_case("false") => SqlValue::Integer(0),
        (Kind::Text, Value::String(s)) if s.trim().is_empty() => SqlValue::Null,
        (Kind::Text, Value::String(s)) => SqlValue::Text(s.clone()),
        (Kind::Date, Value::String(s)) => {
            let ms = parse_date(s).ok_or("must be a date like 2025-01-15T10:30:00Z")?;
            SqlValue::Text(ms)
        }
        (Kind::Int, _) => return Err("must be a whole number"),
        (Kind::Bool, _) => return Err("must be true or false"),
        (Kind::Text, _) | (Kind::Date, _) => return Err("must be text"),
    })
}

/// Normalises an incoming timestamp to the stored `YYYY-MM-DDTHH:MM:SSZ`.
fn parse_date(text: &str) -> Option<String> {
    let t = text.trim().trim_end_matches('Z');
    let parsed = chrono::NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S%.f")
        .or_else(|_| chrono::NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M"))
        .ok()?;
    Some(parsed.format("%Y-%m-%dT%H:%M:%SZ").to_string())
}

pub fn now_timestamp() -> String {
    crate::seed::timestamp(chrono::Utc::now())
}

/// A new random GUID (version 4) for `UniqueId`.
pub fn new_guid() -> String {
    let mut b = [0u8; 16];
    getrandom::fill(&mut b).expect("the OS random source is available");
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}

/// Inserts a record with the server-maintained fields; returns its id.
pub fn insert(conn: &Connection, entity: &Entity, values: &[(&'static Field, SqlValue)], editor: &str, now: &str) -> rusqlite::Result<i64> {
    let mut columns = vec!["unique_id", "created_on", "updated_on", "updated_by"];
    let mut params =
        vec![SqlValue::Text(new_guid()), SqlValue::Text(now.to_owned()), SqlValue::Text(now.to_owned()), SqlValue::Text(editor.to_owned())];
    for (field, value) in values {
        columns.push(field.column);
        params.push(value.clone());
    }
    let sql = format!("INSERT INTO {} ({}) VALUES ({})", entity.table, columns.join(", "), vec!["?"; columns.len()].join(", "));
    conn.execute(&sql, params_from_iter(params.iter()))?;
    Ok(conn.last_insert_rowid())
}

/// Replaces every writable column of record `id` (full-replacement semantics).
pub fn replace(
    conn: &Connection,
    entity: &Entity,
    id: i64,
    values: &[(&'static Field, SqlValue)],
    editor: &str,
    now: &str,
) -> rusqlite::Result<usize> {
    let mut sets = vec!["updated_on = ?".to_owned(), "updated_by = ?".to_owned()];
    let mut params = vec![SqlValue::Text(now.to_owned()), SqlValue::Text(editor.to_owned())];
    for (field, value) in values {
        sets.push(format!("{} = ?", field.column));
        params.push(value.clone());
    }
    params.push(SqlValue::Integer(id));
    conn.execute(&format!("UPDATE {} SET {} WHERE id = ?", entity.table, sets.join(", ")), params_from_iter(params.iter()))
}

/// The value a validated body gives `prop`, if any.
pub fn value_of(values: &[(&'static Field, SqlValue)], prop: &str) -> Option<SqlValue> {
    values.iter().find(|(f, _)| f.prop == prop).map(|(_, v)| v.clone())
}

pub fn int_of(values: &[(&'static Field, SqlValue)], prop: &str) -> Option<i64> {
    match value_of(values, prop) {
        Some(SqlValue::Integer(i)) => Some(i),
        _ => None,
    }
}

/// Sets `prop` in `values` (a server-decided value, such as a synthesised Zoom payload).
pub fn set_value(values: &mut [(&'static Field, SqlValue)], prop: &str, value: SqlValue) {
    if let Some(slot) = values.iter_mut().find(|(f, _)| f.prop == prop) {
        slot.1 = value;
    }
}

/// Whether a row with `id` exists in `table`.
pub fn exists(conn: &Connection, table: &str, id: i64) -> rusqlite::Result<bool> {
    conn.query_row(&format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)"), [id], |r| r.get(0))
}

/// A 400 for one property.
pub fn field_error(prop: &str, message: &str, attempted: impl Into<Value>) -> FieldError {
    FieldError::new(prop, message, attempted.into())
}

/// An error when a replacement moves the record to another parent (`prop`, e.g. a reply's or
/// a file's `CommunityThreadId`), which the API does not allow; `noun` names the record.
pub fn stays_with_parent(values: &[(&'static Field, SqlValue)], existing: Option<&Map<String, Value>>, prop: &str, noun: &str) -> Option<FieldError> {
    let parent = int_of(values, prop)?;
    let before = existing?.get(prop).and_then(Value::as_i64);
    (before != Some(parent)).then(|| field_error(prop, &format!("{noun} cannot move to another thread."), parent))
}

/// Checks the foreign keys a body names, collecting a validation error for each that does
/// not exist: `(property, table)` pairs, e.g. `("BusinessId", "businesses")`.
pub fn check_references(conn: &Connection, values: &[(&'static Field, SqlValue)], refs: &[(&str, &str)]) -> rusqlite::Result<Vec<FieldError>> {
    let mut errors = Vec::new();
    for (prop, table) in refs {
        if let Some(id) = int_of(values, prop) {
            if !exists(conn, table, id)? {
                errors.push(field_error(prop, "does not refer to an existing record", id));
            }
        }
    }
    Ok(errors)
}
