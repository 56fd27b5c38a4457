//! `/api/community/communitythreadfiles`: pictures and files on a thread's opening post
//! (contract doc §7, `CommunityThreadFile`). The file goes up as `NewFileDataUrl`, a write-only
//! data URL; `ClearFileDataFile` removes it; `FileDataFileName` names what is kept.
//!
//! Nexudus documents no URL for a file's bytes. The sandbox serves them at
//! `GET …/communitythreadfiles/{id}/file` behind `CommunityThreadFile-Read`, like every other
//! read of the record; the board keeps that path in one place (`src/api/files.rs`).

use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::{Map, Value};

use super::listing;
use super::resource::{self, Resource, Values};
use crate::attachment::{self, Upload, MAX_BODY_BYTES};
use crate::auth::Caller;
use crate::entity::{Entity, COMMUNITY_THREAD_FILE};
use crate::error::{ApiError, FieldError};
use crate::server::AppState;
use crate::writes::{self, Body};

pub const PATH: &str = "/api/community/communitythreadfiles";

pub struct ThreadFiles;

impl Resource for ThreadFiles {
    const ENTITY: &'static Entity = &COMMUNITY_THREAD_FILE;

    fn check(conn: &Connection, _caller: &Caller, values: &mut Values, existing: Option<&Map<String, Value>>) -> Result<(), ApiError> {
        let mut errors = writes::check_references(conn, values, &[("CommunityThreadId", "community_threads")])?;
        errors.extend(writes::stays_with_parent(values, existing, "CommunityThreadId", "A file"));
        if errors.is_empty() {
            Ok(())
        } else {
            Err(ApiError::Validation(errors))
        }
    }

    fn write_only(conn: &Connection, id: i64, body: &Body<'_>) -> rusqlite::Result<Result<(), Vec<FieldError>>> {
        if body.get("ClearFileDataFile").and_then(Value::as_bool) == Some(true) {
            conn.execute(
                "UPDATE community_thread_files SET file_data = NULL, file_content_type = NULL, file_data_file_name = NULL WHERE id = ?1",
                [id],
            )?;
        }
        let upload = match body.get("NewFileDataUrl") {
            None | Some(Value::Null) => return Ok(Ok(())),
            Some(Value::String(text)) if text.trim().is_empty() => return Ok(Ok(())),
            Some(Value::String(text)) => attachment::parse_data_url(text).map_err(|refusal| (refusal.message(), text.as_str())),
            Some(_) => Err(("must be text".to_owned(), "")),
        };
        let Upload { content_type, extension, bytes } = match upload {
            Ok(upload) => upload,
            // The attempted value is cut short: a refused file is not sent back whole.
            Err((message, text)) => return Ok(Err(vec![writes::field_error("NewFileDataUrl", &message, shortened(text))])),
        };
        let name = body.get("Name").and_then(Value::as_str);
        conn.execute(
            "UPDATE community_thread_files SET file_data = ?1, file_content_type = ?2, file_data_file_name = ?3 WHERE id = ?4",
            params![bytes, content_type, attachment::stored_name(name, extension), id],
        )?;
        Ok(Ok(()))
    }
}

fn shortened(text: &str) -> String {
    match text.char_indices().nth(48) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// The resource's routes, with a body limit that fits the largest accepted file, and its bytes.
pub fn routes() -> Router<AppState> {
    resource::routes::<ThreadFiles>(PATH).route(&format!("{PATH}/{{id}}/file"), get(content)).layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
}

/// The file's bytes. Pictures are shown inline; anything else is a download. Either way the
/// browser may not guess another type, and the answer may not run anything if opened.
async fn content(State(state): State<AppState>, caller: Caller, Path(id): Path<String>) -> Result<Response, ApiError> {
    caller.require("CommunityThreadFile-Read")?;
    let id = listing::parse_id(&id)?;
    let stored: Option<(Vec<u8>, String, String)> = state
        .db
        .call(move |conn| {
            Ok(conn
                .query_row(
                    "SELECT file_data, file_content_type, file_data_file_name FROM community_thread_files \
                     WHERE id = ?1 AND file_data IS NOT NULL",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?)
        })
        .await?;
    let (bytes, content_type, file_name) = stored.ok_or(ApiError::NotFound)?;
    let disposition = if Upload::is_image(&content_type) { "inline".to_owned() } else { format!("attachment; filename=\"{file_name}\"") };
    Ok((
        [
            (header::CONTENT_TYPE, content_type),
            (header::CONTENT_DISPOSITION, disposition),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
            (header::CONTENT_SECURITY_POLICY, "default-src 'none'; sandbox".to_owned()),
            (header::CACHE_CONTROL, "private, max-age=300".to_owned()),
        ],
        bytes,
    )
        .into_response())
}
