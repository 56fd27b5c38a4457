//! The SQLite file behind the sandbox: schema, connection settings, and a handle that runs
//! blocking database work off the async executor.

use std::path::Path;
use std::sync::{Arc, Mutex};

use rusqlite::Connection;

/// Bumped whenever `SCHEMA` changes; an older file is rebuilt and re-seeded rather than
/// half-migrated (the sandbox holds demo data, not records anyone must keep across versions).
pub const SCHEMA_VERSION: i64 = 3;

const SCHEMA: &str = r#"
CREATE TABLE businesses (
    id INTEGER PRIMARY KEY, unique_id TEXT NOT NULL, name TEXT NOT NULL, web_address TEXT NOT NULL,
    created_on TEXT NOT NULL, updated_on TEXT NOT NULL, updated_by TEXT, system_id TEXT
);
CREATE TABLE users (
    id INTEGER PRIMARY KEY, unique_id TEXT NOT NULL, email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    -- demo accounts only: the sandbox never holds a real member's password
    password TEXT NOT NULL, full_name TEXT NOT NULL, totp TEXT, is_admin INTEGER NOT NULL DEFAULT 0,
    roles TEXT NOT NULL DEFAULT '', active INTEGER NOT NULL DEFAULT 1, language INTEGER NOT NULL DEFAULT 1,
    created_on TEXT NOT NULL, updated_on TEXT NOT NULL, updated_by TEXT, system_id TEXT
);
CREATE TABLE coworkers (
    id INTEGER PRIMARY KEY, unique_id TEXT NOT NULL, user_id INTEGER NOT NULL REFERENCES users(id),
    business_id INTEGER NOT NULL REFERENCES businesses(id), full_name TEXT NOT NULL, email TEXT NOT NULL,
    company_name TEXT, position TEXT, can_access_community INTEGER NOT NULL DEFAULT 1,
    created_on TEXT NOT NULL, updated_on TEXT NOT NULL, updated_by TEXT, system_id TEXT
);
CREATE TABLE community_groups (
    id INTEGER PRIMARY KEY, unique_id TEXT NOT NULL, business_id INTEGER NOT NULL, user_id INTEGER NOT NULL,
    name TEXT NOT NULL, description TEXT, group_access INTEGER NOT NULL, team_guid TEXT, course_guid TEXT,
    created_on TEXT NOT NULL, updated_on TEXT NOT NULL, updated_by TEXT, system_id TEXT
);
CREATE TABLE community_group_members (
    group_id INTEGER NOT NULL REFERENCES community_groups(id) ON DELETE CASCADE,
    coworker_id INTEGER NOT NULL REFERENCES coworkers(id),
    PRIMARY KEY (group_id, coworker_id)
);
CREATE TABLE community_threads (
    id INTEGER PRIMARY KEY, unique_id TEXT NOT NULL, business_id INTEGER NOT NULL,
    community_group_id INTEGER REFERENCES community_groups(id), user_id INTEGER NOT NULL,
    coworker_id INTEGER, subject TEXT NOT NULL, message TEXT NOT NULL,
    instant_delivery INTEGER NOT NULL DEFAULT 0, tags TEXT, private INTEGER NOT NULL DEFAULT 0,
    last_message_date TEXT, include_zoom_invite INTEGER NOT NULL DEFAULT 0, zoom_event_data TEXT,
    created_on TEXT NOT NULL, updated_on TEXT NOT NULL, updated_by TEXT, system_id TEXT
);
CREATE INDEX community_threads_last_message ON community_threads(last_message_date);
CREATE INDEX community_threads_group ON community_threads(community_group_id);
CREATE TABLE community_thread_guests (
    thread_id INTEGER NOT NULL REFERENCES community_threads(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL,
    PRIMARY KEY (thread_id, user_id)
);
CREATE TABLE community_messages (
    id INTEGER PRIMARY KEY, unique_id TEXT NOT NULL,
    community_thread_id INTEGER NOT NULL REFERENCES community_threads(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL, coworker_id INTEGER, message TEXT,
    created_on TEXT NOT NULL, updated_on TEXT NOT NULL, updated_by TEXT, system_id TEXT
);
CREATE INDEX community_messages_thread ON community_messages(community_thread_id);
-- follows, likes and mutes share one shape: a user's mark on a thread
CREATE TABLE community_thread_follows (
    id INTEGER PRIMARY KEY, unique_id TEXT NOT NULL,
    thread_id INTEGER NOT NULL REFERENCES community_threads(id) ON DELETE CASCADE, user_id INTEGER NOT NULL,
    created_on TEXT NOT NULL, updated_on TEXT NOT NULL, updated_by TEXT, system_id TEXT
);
CREATE TABLE community_thread_likes (
    id INTEGER PRIMARY KEY, unique_id TEXT NOT NULL,
    thread_id INTEGER NOT NULL REFERENCES community_threads(id) ON DELETE CASCADE, user_id INTEGER NOT NULL,
    created_on TEXT NOT NULL, updated_on TEXT NOT NULL, updated_by TEXT, system_id TEXT
);
CREATE TABLE community_thread_mutes (
    id INTEGER PRIMARY KEY, unique_id TEXT NOT NULL,
    thread_id INTEGER NOT NULL REFERENCES community_threads(id) ON DELETE CASCADE, user_id INTEGER NOT NULL,
    created_on TEXT NOT NULL, updated_on TEXT NOT NULL, updated_by TEXT, system_id TEXT
);
-- one mark of each kind per user and thread (the Public API's toggles rely on it)
CREATE UNIQUE INDEX community_thread_follows_user ON community_thread_follows(thread_id, user_id);
CREATE UNIQUE INDEX community_thread_likes_user ON community_thread_likes(thread_id, user_id);
CREATE UNIQUE INDEX community_thread_mutes_user ON community_thread_mutes(thread_id, user_id);
-- a user's like on a reply; goes with its reply, and so with the thread
CREATE TABLE community_message_likes (
    id INTEGER PRIMARY KEY, unique_id TEXT NOT NULL,
    message_id INTEGER NOT NULL REFERENCES community_messages(id) ON DELETE CASCADE, user_id INTEGER NOT NULL,
    created_on TEXT NOT NULL, updated_on TEXT NOT NULL, updated_by TEXT, system_id TEXT,
    UNIQUE (message_id, user_id)
);
-- a picture or file on a thread's opening post; goes with its thread. The bytes and their
-- type are kept beside the record and are not record fields (served at .../{id}/file)
CREATE TABLE community_thread_files (
    id INTEGER PRIMARY KEY, unique_id TEXT NOT NULL,
    community_thread_id INTEGER NOT NULL REFERENCES community_threads(id) ON DELETE CASCADE,
    name TEXT, description TEXT, file_data_file_name TEXT, file_content_type TEXT, file_data BLOB,
    created_on TEXT NOT NULL, updated_on TEXT NOT NULL, updated_by TEXT, system_id TEXT
);
CREATE INDEX community_thread_files_thread ON community_thread_files(community_thread_id);
CREATE TABLE access_tokens (
    token TEXT PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id), expires_at INTEGER NOT NULL
);
CREATE TABLE refresh_tokens (
    token TEXT PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id), client_id TEXT NOT NULL,
    expires_at INTEGER NOT NULL
);
"#;

/// A shared handle to the one connection. SQLite has a single writer anyway; one connection
/// behind a mutex keeps every write serialised and none lost.
#[derive(Clone)]
pub struct Db {
    conn: Arc<Mutex<Connection>>,
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("the database worker stopped: {0}")]
    Worker(String),
}

impl Db {
    /// Opens (creating if needed) the file. Returns the handle and whether the file holds
    /// no current schema, so the caller knows to seed it.
    pub fn open(path: &Path, reset: bool) -> Result<(Db, bool), DbError> {
        if let Some(dir) = path.parent() {
            if !dir.as_os_str().is_empty() {
                let _ = std::fs::create_dir_all(dir);
            }
        }
        let conn = Connection::open(path)?;
        // WAL: readers never block the writer, and a crash loses nothing committed.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        register_functions(&conn)?;
        let version: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
        let fresh = reset || version != SCHEMA_VERSION;
        if fresh {
            drop_all_tables(&conn)?;
            conn.execute_batch(SCHEMA)?;
            conn.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        }
        Ok((Db { conn: Arc::new(Mutex::new(conn)) }, fresh))
    }

    /// Runs `work` with the connection on a blocking thread.
    pub async fn call<T, F>(&self, work: F) -> Result<T, DbError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, DbError> + Send + 'static,
    {
        let conn = self.conn.clone();
        tokio::task::spawn_blocking(move || {
            // A panic while holding the lock poisons it; the connection itself is still sound.
            let mut guard = conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            work(&mut guard)
        })
        .await
        .map_err(|e| DbError::Worker(e.to_string()))?
    }

    /// Synchronous access for start-up work (seeding) before the server runs.
    pub fn with_conn<T>(&self, work: impl FnOnce(&mut Connection) -> T) -> T {
        let mut guard = self.conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        work(&mut guard)
    }
}

/// SQLite's own LIKE and lower() fold ASCII only; Nexudus matches text filters without regard
/// to case in any script, so the sandbox folds with Rust's Unicode lowercase.
fn register_functions(conn: &Connection) -> rusqlite::Result<()> {
    use rusqlite::functions::FunctionFlags;
    conn.create_scalar_function("board_contains", 2, FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC, |ctx| {
        let haystack: Option<String> = ctx.get(0)?;
        let needle: String = ctx.get(1)?;
        Ok(haystack.is_some_and(|h| h.to_lowercase().contains(&needle.to_lowercase())))
    })?;
    // board_has_tag(tags, tag): whether the comma-separated `tags` hold `tag`, without regard to case.
    conn.create_scalar_function("board_has_tag", 2, FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC, |ctx| {
        let tags: Option<String> = ctx.get(0)?;
        let wanted = ctx.get::<String>(1)?.trim().to_lowercase();
        Ok(tags.is_some_and(|t| t.split(',').any(|tag| tag.trim().to_lowercase() == wanted)))
    })
}

fn drop_all_tables(conn: &Connection) -> rusqlite::Result<()> {
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    let names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")?
        .query_map([], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    for name in names {
        conn.execute_batch(&format!("DROP TABLE IF EXISTS \"{name}\""))?;
    }
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}
