//! One conversation: the opening post with its pictures and files, its Zoom meeting and guests,
//! reactions, replies, and the reply composer.

use crate::routing::{use_navigate, use_thread_id, Link};
use leptos::prelude::*;

use crate::api::{board, ApiClient, ApiError, Directory};
use crate::components::avatar::Avatar;
use crate::components::confirm::ConfirmButton;
use crate::components::links::{GroupLink, TagLink};
use crate::components::live_region::Announcer;
use crate::components::message_body::MessageBody;
use crate::components::reactions::Reactions;
use crate::components::relative_time::RelativeTime;
use crate::components::replies::{FirstReplies, Replies};
use crate::components::require_member::RequireMember;
use crate::components::thread_files::ThreadFiles;
use crate::components::writes::on_answer;
use crate::i18n::{use_i18n, LaterMsg, LaterPhrase, Msg};
use crate::model::zoom::ZoomMeeting;
use crate::model::CommunityThread;
use crate::reads::Reads;
use crate::session::Session;
use crate::unread;

/// The thread and its first page of replies together (both need only the id), then one
/// batch for every person on screen: two round trips before the page paints, not four.
async fn load(client: &ApiClient, directory: Directory, id: i64) -> Result<(CommunityThread, FirstReplies), ApiError> {
    let (thread, replies) = futures::join!(board::thread(client, directory, id), board::replies(client, directory, id, 1));
    let thread = thread?;
    let mut people = thread.guests.clone();
    people.push(thread.user_id);
    // Replies that failed to load are asked for again by the replies list itself.
    let first = replies.ok().map(|page| {
        people.extend(page.records.iter().map(|m| m.user_id));
        (page.records, page.has_next)
    });
    directory.load_users(client, &people).await?;
    directory.load_groups_later(client);
    Ok((thread, first))
}

#[component]
pub fn ThreadPage() -> impl IntoView {
    view! { <RequireMember><ThreadScreen/></RequireMember> }
}

#[component]
fn ThreadScreen() -> impl IntoView {
    let client = expect_context::<ApiClient>();
    let directory = expect_context::<Directory>();
    let i18n = use_i18n();
    let id = use_thread_id();
    let thread = LocalResource::new(move || {
        let client = client.clone();
        let id = id.get();
        async move {
            match id {
                Some(id) => load(&client, directory, id).await,
                None => Err(ApiError::NotFound),
            }
        }
    });

    view! {
        <Transition fallback=move || view! { <p class="loading" role="status">{i18n.t(LaterMsg::LoadingConversation)}</p> }>
            {move || Suspend::new(async move {
                match thread.await {
                    Ok((t, first)) => view! { <ThreadView thread=t first_replies=first/> }.into_any(),
                    Err(e) => view! {
                        <div class="notice error" role="alert">
                            <h1 id="thread-heading" tabindex="-1">{i18n.t(LaterMsg::ConversationUnavailable)}</h1>
                            <p>{i18n.text(e.describe())}</p>
                            {(e != ApiError::NotFound).then(|| view! {
                                <button type="button" on:click=move |_| thread.refetch()>{i18n.t(Msg::TryAgain)}</button>
                            })}
                            <p><Link to="/">{i18n.t(Msg::BackToConversations)}</Link></p>
                        </div>
                    }
                    .into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn ThreadView(thread: CommunityThread, first_replies: FirstReplies) -> impl IntoView {
    let client = expect_context::<ApiClient>();
    let directory = expect_context::<Directory>();
    let session = expect_context::<Session>();
    let announcer = expect_context::<Announcer>();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let heading = NodeRef::new();
    crate::focus::heading_on_open(heading);

    let id = thread.id;
    let author_id = thread.user_id;
    let mine = session.author().is_some_and(|a| a.user_id == author_id);
    // Where the member's unread replies begin, as it was before this visit; the visit itself
    // counts as seeing the conversation (its replies are marked as they show).
    let me = session.author().map(|a| a.user_id);
    let new_since = me.map(|user| unread::load(user).seen_until(id));
    if let Some(user) = me {
        unread::mark_seen(user, id, thread.last_activity());
    }
    // Staff moderate: they may edit and delete anyone's conversation.
    let can = session.capabilities();
    let may_delete = mine || can.moderate;
    let may_edit = can.edit_threads && may_delete;
    let author = move || directory.name_of(author_id).unwrap_or_else(|| i18n.t(Msg::UnknownMember).to_owned());
    let zoom = thread.zoom_event_data.as_deref().and_then(ZoomMeeting::from_event_data).filter(|z| z.safe_join_url().is_some());
    let tags = thread.tag_list().into_iter().map(str::to_owned).collect::<Vec<_>>();
    let guests = thread.guests.clone();
    // Replying follows the group's rules: a Restricted group's non-members may read only.
    // A signal filled by a task, not a resource: a resource still loading when it is read
    // here registers with the page's <Transition>, which then renders this view again once it
    // resolves, replacing the heading that had just been given focus (focus fell to <body> on
    // threads whose group's member list had to be fetched first; e2e/tests/focus.rs).
    let group = thread.community_group_id;
    let may_reply = RwSignal::new(None::<bool>);
    {
        let client = client.in_background();
        let coworker = session.author().and_then(|a| a.coworker_id);
        let answer = async move {
            let Some(group) = group else { return Some(true) };
            let known = directory.group(&client, group).await?;
            directory.may_post(&client, &known, coworker).await.ok()
        };
        Reads::new().spawn(answer, move |answer| may_reply.set(answer));
    }
    let delete_error = RwSignal::new(None::<String>);
    let deletion = Action::new_local(move |_: &()| {
        let client = client.clone();
        async move { board::delete_thread(&client, id).await }
    });
    on_answer(deletion, move |answer| match answer {
        Ok(()) | Err(ApiError::NotFound) => {
            announcer.say(i18n.t(LaterMsg::ConversationDeleted));
            navigate("/", Default::default());
        }
        Err(e) => delete_error.set(Some(i18n.text(e.describe()))),
    });
    let deleting = deletion.pending();
    let delete = move |_| {
        if !deleting.get_untracked() {
            delete_error.set(None);
            deletion.dispatch_local(());
        }
    };

    view! {
        <article class="thread" aria-labelledby="thread-heading">
            <p class="breadcrumb"><Link to="/">{i18n.t(LaterMsg::AllConversationsBack)}</Link></p>
            <h1 id="thread-heading" class="thread-title" tabindex="-1" node_ref=heading>{thread.subject.clone()}</h1>
            <div class="thread-byline">
                <Avatar name=author() coworker_id=thread.coworker_id/>
                <p class="thread-meta">
                    <span class="thread-author">{author}</span>
                    {thread.community_group_id.map(|g| view! { {format!(" {} ", i18n.t(Msg::InGroup))} <GroupLink group=g fallback=Msg::AGroup/> })}
                    {format!(" · {} ", i18n.t(LaterMsg::Started))} <RelativeTime timestamp=thread.created_on.clone()/>
                    {thread.last_message_date.clone().map(|d| view! { {format!(" · {} ", i18n.t(LaterMsg::LastActivity))} <RelativeTime timestamp=Some(d)/> })}
                </p>
            </div>
            // The Public API does not list a private thread's guests: then only the badge.
            {(thread.private && guests.is_empty()).then(|| view! {
                <p class="guests"><span class="badge badge-private">{i18n.t(Msg::PrivateBadge)}</span></p>
            })}
            {(!guests.is_empty()).then(|| view! {
                <section class="guests" aria-label=i18n.t(LaterMsg::PrivateConversation)>
                    <span class="badge badge-private">{i18n.t(Msg::PrivateBadge)}</span>
                    {format!(" {} ", i18n.t(LaterMsg::VisibleToAuthorAnd))}
                    <ul class="guest-list">
                        {guests.iter().map(|g| {
                            let g = *g;
                            view! { <li>{move || directory.name_of(g).unwrap_or_else(|| i18n.text(LaterPhrase::Member(g)))}</li> }
                        }).collect_view()}
                    </ul>
                </section>
            })}
            <MessageBody text=thread.message.clone() class="thread-message"/>
            {can.attach_files.then(|| view! { <ThreadFiles thread_id=id/> })}
            {zoom.map(|z| view! { <ZoomCard meeting=z/> })}
            <ul class="tags" aria-label=i18n.t(Msg::Tags)>
                {tags.into_iter().map(|tag| {
                    view! { <li><TagLink tag=tag.clone()/></li> }
                }).collect_view()}
            </ul>
            <Reactions thread_id=id like_count=thread.like_count/>
            {may_delete.then(|| view! {
                <div class="owner-actions">
                    {may_edit.then(|| view! { <Link to=format!("/threads/{id}/edit") class="button">{i18n.t(LaterMsg::Edit)}</Link> })}
                    <ConfirmButton label=LaterMsg::Delete confirm_label=LaterMsg::YesDelete question=LaterMsg::DeleteConversationQuestion on_confirm=delete busy=deleting/>
                    <p class="form-error" role="alert">{move || delete_error.get()}</p>
                </div>
            })}
        </article>
        <Replies thread_id=id first_page=first_replies can_reply=may_reply new_since=new_since/>
    }
}

#[component]
fn ZoomCard(meeting: ZoomMeeting) -> impl IntoView {
    let i18n = use_i18n();
    // A length that is not a number (written by another client) is shown as it came.
    let duration = match meeting.duration.trim().parse::<u64>() {
        Ok(minutes) => i18n.text(LaterPhrase::Minutes(minutes)),
        Err(_) => meeting.duration.clone(),
    };
    let url = meeting.safe_join_url().unwrap_or_default().to_owned();
    let topic = Some(meeting.topic.clone()).filter(|t| !t.trim().is_empty());
    view! {
        <section class="zoom-card" aria-labelledby="zoom-heading">
            <h2 id="zoom-heading">{i18n.t(Msg::ZoomMeeting)}</h2>
            {topic.map(|t| view! { <p class="zoom-topic">{t}</p> })}
            <dl>
                {(!meeting.meeting_id.is_empty()).then(|| view! { <dt>{i18n.t(LaterMsg::MeetingId)}</dt><dd>{meeting.meeting_id.clone()}</dd> })}
                {(!meeting.passcode.is_empty()).then(|| view! { <dt>{i18n.t(LaterMsg::Passcode)}</dt><dd>{meeting.passcode.clone()}</dd> })}
                {(!meeting.start.is_empty()).then(|| view! { <dt>{i18n.t(LaterMsg::Starts)}</dt><dd><RelativeTime timestamp=Some(meeting.start.clone())/></dd> })}
                {(!meeting.duration.is_empty()).then(|| view! { <dt>{i18n.t(LaterMsg::Duration)}</dt><dd>{duration}</dd> })}
            </dl>
            <a class="button primary" href=url rel="noopener noreferrer" target="_blank">{i18n.t(LaterMsg::JoinZoomMeeting)}</a>
        </section>
    }
}
