//! Starting a conversation, and editing one's own (or, for staff, anyone's).

use crate::routing::{use_query_map, use_thread_id};
use leptos::prelude::*;

use crate::api::{board, ApiClient, ApiError, Directory};
use crate::browser;
use crate::components::require_member::RequireMember;
use crate::components::thread_form::{postable_groups, FormMode, ThreadForm};
use crate::i18n::{use_i18n, LaterMsg, Msg};
use crate::model::draft::{draft_key, DraftContext};
use crate::model::json_read::from_json;
use crate::model::ThreadDraft;
use crate::session::Session;

/// The draft kept for this member and context, if any.
fn saved_draft(session: &Session, context: DraftContext) -> Option<ThreadDraft> {
    let key = draft_key(session.author()?.user_id, &context);
    from_json(&browser::read_local(&key)?).ok()
}

#[component]
pub fn NewThreadPage() -> impl IntoView {
    view! { <RequireMember><NewThread/></RequireMember> }
}

#[component]
fn NewThread() -> impl IntoView {
    let client = expect_context::<ApiClient>();
    let directory = expect_context::<Directory>();
    let session = expect_context::<Session>();
    let i18n = use_i18n();
    let params = use_query_map();
    let preset_group = params.read_untracked().get("group").and_then(|g| g.parse().ok());
    let restored = saved_draft(&session, DraftContext::NewThread).filter(|d| !d.is_empty());
    let was_restored = restored.is_some();
    let initial = restored.unwrap_or(ThreadDraft { group: preset_group, ..ThreadDraft::default() });
    let coworker = session.author().and_then(|a| a.coworker_id);
    let groups = LocalResource::new(move || {
        let client = client.clone();
        async move { postable_groups(&client, directory, coworker).await }
    });
    let heading = NodeRef::new();
    crate::focus::heading_on_open(heading);
    view! {
        <h1 id="compose-heading" tabindex="-1" node_ref=heading>{i18n.t(Msg::StartConversation)}</h1>
        {was_restored.then(|| view! { <p class="notice" role="status">{i18n.t(LaterMsg::YourDraftIsBack)}</p> })}
        <Suspense fallback=move || view! { <p class="loading" role="status">{i18n.t(LaterMsg::LoadingGroups)}</p> }>
            {move || {
                let initial = initial.clone();
                Suspend::new(async move {
                    match groups.await {
                        Ok(groups) => view! { <ThreadForm mode=FormMode::New initial=initial groups=groups/> }.into_any(),
                        Err(e) => view! { <p class="notice error" role="alert">{i18n.text(e.describe())}</p> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
pub fn EditThreadPage() -> impl IntoView {
    view! { <RequireMember><EditThread/></RequireMember> }
}

#[component]
fn EditThread() -> impl IntoView {
    let client = expect_context::<ApiClient>();
    let directory = expect_context::<Directory>();
    let session = expect_context::<Session>();
    let i18n = use_i18n();
    let id = use_thread_id().get_untracked();
    let coworker = session.author().and_then(|a| a.coworker_id);
    let me = session.author().map(|a| a.user_id);
    let can = session.capabilities();
    let loaded = LocalResource::new(move || {
        let client = client.clone();
        async move {
            let id = id.ok_or(ApiError::NotFound)?;
            if !can.edit_threads {
                return Ok(None);
            }
            let thread = board::thread(&client, directory, id).await?;
            if Some(thread.user_id) != me && !can.moderate {
                return Err(ApiError::NotAllowed);
            }
            directory.load_users(&client, &thread.guests).await?;
            let groups = postable_groups(&client, directory, coworker).await?;
            let draft = saved_draft(&session, DraftContext::Edit(id)).unwrap_or_else(|| ThreadDraft::from_record(&thread));
            Ok::<_, ApiError>(Some((id, draft, groups)))
        }
    });
    let heading = NodeRef::new();
    crate::focus::heading_on_open(heading);
    view! {
        <h1 id="compose-heading" tabindex="-1" node_ref=heading>{i18n.t(LaterMsg::EditConversation)}</h1>
        <Suspense fallback=move || view! { <p class="loading" role="status">{i18n.t(LaterMsg::Loading)}</p> }>
            {move || Suspend::new(async move {
                match loaded.await {
                    Ok(Some((id, draft, groups))) => view! { <ThreadForm mode=FormMode::Edit(id) initial=draft groups=groups/> }.into_any(),
                    Ok(None) => view! { <p class="notice" role="status">{i18n.t(LaterMsg::EditingNotAvailable)}</p> }.into_any(),
                    Err(e) => view! { <p class="notice error" role="alert">{i18n.text(e.describe())}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}
