//! The REST backend's reads behind the first screens (the list, its authors, the groups and
//! their member lists), in a wasm chunk of their own. Only staff read through REST, so members
//! never download this code: it was about a ninth of the first page (20 KB of brotli), mostly
//! the REST records' serde readers. Staff fetch the chunk once, on their first REST read.
//!
//! Each `*_pending` function is a split point (with the `split` feature, as in
//! `pages::later`): it runs in the chunk and hands back the read as a boxed future. The plain
//! functions below are what the rest of the board calls.

use futures::future::{FutureExt, LocalBoxFuture};

use super::client::ApiClient;
use super::error::ApiError;
use super::{groups, threads, users};
use crate::model::query::ThreadQuery;
use crate::model::thread::ThreadsPage;
use crate::model::{CommunityGroup, User};

/// A read started inside the chunk.
type Pending<T> = LocalBoxFuture<'static, Result<T, ApiError>>;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for ApiError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> ApiError {
        // The chunk comes from the board's own server: failing to fetch it is a network failure.
        ApiError::Network("part of the board could not be fetched".into())
    }
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(board_rest, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_chunk))
)]
fn threads_page_pending(client: ApiClient, query: ThreadQuery) -> Result<Pending<ThreadsPage>, ApiError> {
    Ok(async move { threads::page(&client, &query).await }.boxed_local())
}

#[cfg_attr(feature = "split", leptos::wasm_split::wasm_split(board_rest, wasm_split_path = ::leptos::wasm_split, fallible))]
fn users_pending(client: ApiClient, ids: Vec<i64>) -> Result<Pending<Vec<User>>, ApiError> {
    Ok(async move { users::by_ids(&client, &ids).await }.boxed_local())
}

#[cfg_attr(feature = "split", leptos::wasm_split::wasm_split(board_rest, wasm_split_path = ::leptos::wasm_split, fallible))]
fn groups_pending(client: ApiClient) -> Result<Pending<Vec<CommunityGroup>>, ApiError> {
    Ok(async move { groups::all(&client).await }.boxed_local())
}

#[cfg_attr(feature = "split", leptos::wasm_split::wasm_split(board_rest, wasm_split_path = ::leptos::wasm_split, fallible))]
fn group_pending(client: ApiClient, id: i64) -> Result<Pending<CommunityGroup>, ApiError> {
    Ok(async move { groups::get(&client, id).await }.boxed_local())
}

/// Starts fetching the chunk as soon as the board knows the session reads through REST (a
/// kept session, or a sign-in just decided), so the list's first read does not wait for it.
/// A failed fetch is left for that read to report.
pub fn preload() {
    #[cfg(feature = "split")]
    leptos::task::spawn_local(async {
        let _ = preload_chunk().await;
    });
}

/// Waits for the chunk where there is one, then for the read itself. A screen's read counts
/// as a screen request throughout, so the session's background requests (the profile's
/// renewal) wait behind it as behind the request it leads to; a background read does not
/// (it would wait for itself).
macro_rules! in_chunk {
    ($client:expr, $call:expr) => {{
        let _screen = $client.as_screen_request();
        #[cfg(feature = "split")]
        let pending = $call.await?;
        #[cfg(not(feature = "split"))]
        let pending = $call?;
        pending.await
    }};
}

/// One page of the thread list (`threads::page`).
pub async fn threads_page(client: &ApiClient, query: &ThreadQuery) -> Result<ThreadsPage, ApiError> {
    in_chunk!(client, threads_page_pending(client.clone(), query.clone()))
}

/// People by id, in one batch (`users::by_ids`).
pub async fn users_by_ids(client: &ApiClient, ids: &[i64]) -> Result<Vec<User>, ApiError> {
    in_chunk!(client, users_pending(client.clone(), ids.to_vec()))
}

/// Every group the member can see (`groups::all`).
pub async fn all_groups(client: &ApiClient) -> Result<Vec<CommunityGroup>, ApiError> {
    in_chunk!(client, groups_pending(client.clone()))
}

/// One group with its member list (`groups::get`).
pub async fn group(client: &ApiClient, id: i64) -> Result<CommunityGroup, ApiError> {
    in_chunk!(client, group_pending(client.clone(), id))
}
