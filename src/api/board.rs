//! The one API the screens use. Each call goes to the backend chosen for the signed-in person
//! (`Session::backend`): the Members Portal's Public API for members (`portal`), the REST API
//! for staff (`threads`, `messages`, `marks`, `groups`). Screens never see which; they ask
//! `Session::capabilities` what to offer. Groups and people are cached per session in
//! `Directory`, which picks the backend the same way.

use super::client::ApiClient;
use super::directory::Directory;
use super::error::ApiError;
use super::{files, marks, messages, portal, threads};
use crate::model::attachment::{PickedFile, ThreadFile};
use crate::model::backend::Backend;
use crate::model::marks::{Mark, MarkState, MarkTarget};
use crate::model::query::ThreadQuery;
use crate::model::thread::ThreadsPage;
use crate::model::{Author, CommunityMessage, CommunityThread, ThreadDraft};

/// A page of replies and whether another follows.
pub struct RepliesPage {
    pub records: Vec<CommunityMessage>,
    pub has_next: bool,
}

fn backend(client: &ApiClient) -> Backend {
    client.session().backend()
}

/// The signed-in member's user id (REST finds their own mark records by it).
fn member_id(client: &ApiClient) -> i64 {
    client.session().author().map(|a| a.user_id).unwrap_or_default()
}

/// One page of the thread list. Its authors' names: the Public API's summaries carry them;
/// REST needs one batch of users, which the caller asks for with
/// `Directory::load_users_later` for the rows it keeps, and does not wait for (the rows paint
/// a request sooner, and the names fill in).
pub async fn threads_page(client: &ApiClient, directory: Directory, query: &ThreadQuery) -> Result<ThreadsPage, ApiError> {
    match backend(client) {
        Backend::Portal => {
            let (page, authors) = portal::threads(client, query).await?;
            directory.remember(authors);
            Ok(page)
        }
        Backend::Rest => super::staff_reads::threads_page(client, query).await,
    }
}

/// One conversation (without the REST record's unknown fields: edits fetch those fresh).
pub async fn thread(client: &ApiClient, directory: Directory, id: i64) -> Result<CommunityThread, ApiError> {
    match backend(client) {
        Backend::Portal => {
            let (thread, author) = portal::thread(client, id).await?;
            directory.remember(author.into_iter().collect());
            Ok(thread)
        }
        Backend::Rest => threads::get(client, id).await,
    }
}

/// A page of a thread's replies, oldest first. Their authors' names are remembered when the
/// answer carries them; on REST the caller loads them with everyone else on screen.
pub async fn replies(client: &ApiClient, directory: Directory, thread: i64, page: u32) -> Result<RepliesPage, ApiError> {
    match backend(client) {
        Backend::Portal => {
            let (answer, authors) = portal::replies(client, thread, page, client.page_sizes.replies).await?;
            directory.remember(authors);
            Ok(RepliesPage { has_next: answer.has_next(), records: answer.records })
        }
        Backend::Rest => {
            let (envelope, likes) = futures::join!(messages::for_thread(client, thread, page), marks::reply_likes(client, thread, member_id(client)));
            let envelope = envelope?;
            let has_next = envelope.has_next();
            let mut records = envelope.records;
            // Without the likes (a role the account lacks, say), the replies still show.
            if let Ok(likes) = likes {
                for reply in &mut records {
                    reply.like = likes.get(&reply.id).copied().unwrap_or(MarkState::counted(0, None));
                }
            }
            Ok(RepliesPage { records, has_next })
        }
    }
}

/// Replies that arrived after the newest shown (`after_id`; `known` replies are on screen).
pub async fn newer_replies(
    client: &ApiClient,
    directory: Directory,
    thread: i64,
    after_id: i64,
    known: usize,
) -> Result<Vec<CommunityMessage>, ApiError> {
    let records = match backend(client) {
        Backend::Portal => {
            let (records, authors) = portal::replies_after(client, thread, known, client.page_sizes.replies).await?;
            directory.remember(authors);
            records
        }
        // Just posted: no likes on REST yet (the Public API's replies count their own).
        Backend::Rest => messages::newer_than(client, thread, after_id)
            .await?
            .records
            .into_iter()
            .map(|m| CommunityMessage { like: MarkState::counted(0, None), ..m })
            .collect(),
    };
    Ok(records.into_iter().filter(|m| m.id > after_id).collect())
}

/// Starts a conversation and returns its id. The Public API documents no answer body for a
/// create, so when a tenant names no id the new thread is looked up (`since`: ISO, a little
/// before sending).
pub async fn create_thread(client: &ApiClient, draft: &ThreadDraft, author: Author, since: &str) -> Result<i64, ApiError> {
    let created = match backend(client) {
        Backend::Portal => portal::create_thread(client, draft).await?,
        Backend::Rest => Some(threads::create(client, draft.to_create_body(author)).await?),
    };
    match created {
        Some(id) => Ok(id),
        None => find_own_thread(client, author.user_id, &draft.subject, since).await?.ok_or_else(no_id),
    }
}

fn no_id() -> ApiError {
    ApiError::Decode("the create answer named no id and the post was not found".into())
}

/// The member's conversation with this subject started since `since` (ISO), if there is one:
/// how a write whose outcome is unknown is checked before it is sent again.
pub async fn find_own_thread(client: &ApiClient, user_id: i64, subject: &str, since: &str) -> Result<Option<i64>, ApiError> {
    match backend(client) {
        Backend::Portal => portal::find_own_thread(client, user_id, subject, since).await,
        Backend::Rest => threads::find_own_since(client, user_id, subject, since).await,
    }
}

/// Saves an edit: the record fetched fresh and put back whole with the form's fields changed.
/// Only REST can edit; the screens do not offer it elsewhere (`Capabilities::edit_threads`).
pub async fn save_edit(client: &ApiClient, id: i64, draft: &ThreadDraft) -> Result<(), ApiError> {
    match backend(client) {
        Backend::Portal => Err(ApiError::NotAllowed),
        Backend::Rest => {
            let record = threads::get_raw(client, id).await?;
            threads::replace(client, draft.apply_to_record(&record)).await
        }
    }
}

/// Adds people to a thread's guests (the people a reply mentions): the record put back whole
/// with `AddedGuests`. Only REST takes guests.
pub async fn add_guests(client: &ApiClient, thread: i64, users: &[i64]) -> Result<(), ApiError> {
    match backend(client) {
        Backend::Portal => Err(ApiError::NotAllowed),
        Backend::Rest => threads::add_guests(client, thread, users).await,
    }
}

/// The pictures and files on a conversation's opening post. The Public API documents none:
/// there a conversation has no files the board can see, and none is asked for.
pub async fn thread_files(client: &ApiClient, thread: i64) -> Result<Vec<ThreadFile>, ApiError> {
    match backend(client) {
        Backend::Portal => Ok(Vec::new()),
        Backend::Rest => files::for_thread(client, thread).await,
    }
}

/// A file's bytes and their type.
pub async fn thread_file_content(client: &ApiClient, id: i64) -> Result<(Vec<u8>, String), ApiError> {
    match backend(client) {
        Backend::Portal => Err(ApiError::NotAllowed),
        Backend::Rest => files::content(client, id).await,
    }
}

/// Attaches a file to a conversation (`Capabilities::attach_files`). After a failure whose
/// outcome is unknown (`unsure`), a file of the same name already there counts as sent.
pub async fn attach_file(client: &ApiClient, thread: i64, file: &PickedFile, description: &str, unsure: bool) -> Result<(), ApiError> {
    match backend(client) {
        Backend::Portal => Err(ApiError::NotAllowed),
        Backend::Rest => {
            if unsure && files::for_thread(client, thread).await?.iter().any(|f| f.name.as_deref() == Some(file.name.as_str())) {
                return Ok(());
            }
            files::create(client, thread, file, description).await.map(|_| ())
        }
    }
}

pub async fn delete_thread(client: &ApiClient, id: i64) -> Result<(), ApiError> {
    match backend(client) {
        Backend::Portal => portal::delete_thread(client, id).await,
        Backend::Rest => threads::delete(client, id).await,
    }
}

/// Posts a reply and returns its id (looked up when the answer names none; `since_id` is the
/// newest reply before it).
pub async fn create_reply(client: &ApiClient, thread: i64, author: Author, text: &str, since_id: i64) -> Result<i64, ApiError> {
    let created = match backend(client) {
        Backend::Portal => portal::create_reply(client, thread, text).await?,
        Backend::Rest => Some(messages::create(client, thread, author, text).await?),
    };
    match created {
        Some(id) => Ok(id),
        None => find_own_reply(client, thread, author.user_id, text, since_id).await?.ok_or_else(no_id),
    }
}

pub async fn find_own_reply(client: &ApiClient, thread: i64, user_id: i64, text: &str, since_id: i64) -> Result<Option<i64>, ApiError> {
    match backend(client) {
        Backend::Portal => portal::find_own_reply(client, thread, user_id, text, since_id).await,
        Backend::Rest => messages::find_own_since(client, thread, user_id, text, since_id).await,
    }
}

/// Saves an edited reply: the record fetched fresh and put back whole with its text changed.
/// Only REST can edit (`Capabilities::edit_replies`).
pub async fn save_reply_edit(client: &ApiClient, id: i64, text: &str) -> Result<(), ApiError> {
    match backend(client) {
        Backend::Portal => Err(ApiError::NotAllowed),
        Backend::Rest => messages::replace_text(client, id, text).await,
    }
}

pub async fn delete_reply(client: &ApiClient, thread: i64, id: i64) -> Result<(), ApiError> {
    match backend(client) {
        Backend::Portal => portal::delete_reply(client, thread, id).await,
        Backend::Rest => messages::delete(client, id).await,
    }
}

/// A mark's state before the member presses it. `like_count` is what the thread came with
/// (the Public API's only word on marks before a toggle).
pub async fn mark_state(client: &ApiClient, mark: Mark, thread: i64, like_count: Option<u64>) -> Result<MarkState, ApiError> {
    match backend(client) {
        Backend::Portal => Ok(portal::mark_state(mark, like_count)),
        Backend::Rest => marks::state(&client.in_background(), mark, thread, member_id(client)).await,
    }
}

/// Switches the member's mark on a thread or reply and returns its new state.
pub async fn toggle_mark(client: &ApiClient, target: MarkTarget, before: MarkState) -> Result<MarkState, ApiError> {
    match (backend(client), target) {
        (Backend::Portal, MarkTarget::Thread(thread, mark)) => portal::toggle_mark(client, mark, thread, before).await,
        (Backend::Rest, MarkTarget::Thread(thread, mark)) => marks::toggle(client, mark, thread, member_id(client), before).await,
        (Backend::Portal, MarkTarget::Reply { thread, message }) => portal::toggle_reply_like(client, thread, message, before).await,
        (Backend::Rest, MarkTarget::Reply { message, .. }) => marks::toggle_reply_like(client, message, member_id(client), before).await,
    }
}
