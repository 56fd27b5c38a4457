//! The replies of a thread: oldest first, more on request, new ones fetched while the page is
//! visible, the member's own deletable, and the reply composer (with its draft) below.

use leptos::html;
use leptos::prelude::*;

use super::avatar::Avatar;
use super::confirm::ConfirmButton;
use super::live_region::{Announcer, DraftSavedNotice};
use super::mention_box::MentionBox;
use super::message_body::MessageBody;
use super::reactions::MarkToggle;
use super::relative_time::RelativeTime;
use super::writes::on_answer;
use crate::api::{self, board, ApiClient, ApiError, Directory};
use crate::browser;
use crate::i18n::{use_i18n, LaterMsg, LaterPhrase, Msg};
use crate::model::draft::{draft_key, DraftContext};
use crate::model::marks::{MarkState, MarkTarget};
use crate::model::user::Mentionable;
use crate::model::{dates, CommunityMessage};
use crate::reads::Reads;
use crate::session::Session;
use crate::unread;

/// How often to look for new replies. Nexudus allows about 120 requests a minute; this is 4.
pub const POLL_MS: i32 = 15_000;

/// The first page of replies when the thread page loaded it already: the records and whether
/// more pages follow.
pub type FirstReplies = Option<(Vec<CommunityMessage>, bool)>;

#[component]
pub fn Replies(
    thread_id: i64,
    /// Page 1, if already loaded (its authors too); otherwise the list asks for it.
    first_page: FirstReplies,
    /// Whether the member may reply here; `None` while that is being found out.
    #[prop(into)]
    can_reply: Signal<Option<bool>>,
    /// Activity up to this time (ms) had been seen before this visit: later replies by others
    /// are new, and the first of them is marked.
    #[prop(default = None)]
    new_since: Option<i64>,
) -> impl IntoView {
    let client = expect_context::<ApiClient>();
    let directory = expect_context::<Directory>();
    let announcer = expect_context::<Announcer>();
    let i18n = use_i18n();
    let replies = RwSignal::new(Vec::<CommunityMessage>::new());
    let next_page = RwSignal::new(Some(1u32));
    let loading = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let reads = Reads::new();

    let load_more = {
        let client = client.clone();
        move || {
            let Some(page) = next_page.get_untracked() else { return };
            if loading.get_untracked() {
                return;
            }
            loading.set(true);
            let client = client.clone();
            let load = async move {
                let answer = board::replies(&client, directory, thread_id, page).await?;
                let ids: Vec<i64> = answer.records.iter().map(|m| m.user_id).collect();
                let _ = directory.load_users(&client, &ids).await;
                Ok::<_, ApiError>(answer)
            };
            reads.spawn(load, move |answer| {
                match answer {
                    Ok(answer) => {
                        next_page.set(answer.has_next.then_some(page + 1));
                        replies.update(|all| merge(all, answer.records));
                        error.set(None);
                    }
                    Err(e) => error.set(Some(i18n.text(e.describe()))),
                }
                loading.set(false);
            });
        }
    };
    match first_page {
        Some((records, has_next)) => {
            next_page.set(has_next.then_some(2));
            replies.update(|all| merge(all, records));
        }
        None => load_more(),
    }

    // New replies from others appear without a reload: ask every POLL_MS while visible.
    let poll = {
        let client = client.clone();
        move || {
            // Hidden, or older pages still unread (the newest arrive with them).
            if !browser::page_visible() || next_page.get_untracked().is_some() {
                return;
            }
            let (after, known) = replies.with_untracked(|r| (r.iter().map(|m| m.id).max().unwrap_or(0), r.len()));
            let client = client.clone();
            let look = async move {
                let newer = board::newer_replies(&client, directory, thread_id, after, known).await.ok()?;
                let ids: Vec<i64> = newer.iter().map(|m| m.user_id).collect();
                let _ = directory.load_users(&client, &ids).await;
                Some(newer)
            };
            reads.spawn(look, move |newer| {
                let Some(newer) = newer.filter(|n| !n.is_empty()) else { return };
                let count = newer.len();
                replies.update(|all| merge(all, newer));
                announcer.say(i18n.text(LaterPhrase::NewReplies(count)));
            });
        }
    };
    if let Ok(handle) = set_interval_with_handle(poll.clone(), std::time::Duration::from_millis(POLL_MS as u64)) {
        on_cleanup(move || handle.clear());
    }
    // Coming back to the tab catches up at once instead of waiting for the next tick.
    browser::on_visible(poll.clone());

    let after_post = move |message: CommunityMessage| {
        replies.update(|all| merge(all, vec![message]));
        poll();
    };
    let on_posted = Callback::new(after_post);
    let remove = move |id: i64| replies.update(|all| all.retain(|m| m.id != id));

    // Unread: the first reply by someone else after `new_since` carries the marker, and every
    // reply shown counts as seen.
    let me = expect_context::<Session>().author().map(|a| a.user_id);
    let first_new = Memo::new(move |_| {
        let since = new_since?;
        replies.with(|all| {
            all.iter()
                .find(|m| Some(m.user_id) != me && m.created_on.as_deref().and_then(dates::parse_timestamp_ms).is_some_and(|at| at > since))
                .map(|m| m.id)
        })
    });
    Effect::new(move |_| {
        if let Some(user) = me {
            replies.with(|all| unread::mark_seen(user, thread_id, all.iter().filter_map(|m| m.created_on.as_deref())));
        }
    });

    view! {
        <section class="replies" aria-labelledby="replies-heading">
            <h2 id="replies-heading">{move || i18n.text(LaterPhrase::ReplyHeading(replies.with(Vec::len)))}</h2>
            <ol class="reply-list">
                <For each=move || replies.get() key=|m| m.id let:message>
                    <Reply first_new=Signal::derive({ let id = message.id; move || first_new.get() == Some(id) }) message=message on_deleted=Callback::new(remove)/>
                </For>
            </ol>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
            <Show when=move || next_page.get().is_some() && !replies.with(Vec::is_empty)>
                <button type="button" class="secondary" disabled=move || loading.get() on:click={
                    let load_more = load_more.clone();
                    move |_| load_more()
                }>{i18n.t(LaterMsg::LoadMoreReplies)}</button>
            </Show>
            {move || match can_reply.get() {
                Some(true) => view! {
                    <ReplyComposer thread_id=thread_id on_posted=on_posted
                        newest_id=Signal::derive(move || replies.with(|r| r.iter().map(|m| m.id).max().unwrap_or(0)))/>
                }
                .into_any(),
                Some(false) => view! { <p class="notice">{i18n.t(LaterMsg::OnlyMembersReply)}</p> }.into_any(),
                None => ().into_any(),
            }}
        </section>
    }
}

/// Adds replies not yet shown, keeping id (= time) order.
fn merge(all: &mut Vec<CommunityMessage>, new: Vec<CommunityMessage>) {
    for m in new {
        if !all.iter().any(|x| x.id == m.id) {
            all.push(m);
        }
    }
    all.sort_by_key(|m| m.id);
}

#[component]
fn Reply(
    message: CommunityMessage,
    on_deleted: Callback<i64>,
    /// The first reply the member has not seen.
    first_new: Signal<bool>,
) -> impl IntoView {
    let client = expect_context::<ApiClient>();
    let directory = expect_context::<Directory>();
    let session = expect_context::<Session>();
    let announcer = expect_context::<Announcer>();
    let i18n = use_i18n();
    let user_id = message.user_id;
    let id = message.id;
    let name = move || directory.name_of(user_id).unwrap_or_else(|| i18n.t(Msg::UnknownMember).to_owned());
    // The author, or staff moderating.
    let mine = session.author().is_some_and(|a| a.user_id == user_id) || session.capabilities().moderate;
    let editable = mine && session.capabilities().edit_replies;
    let thread_id = message.community_thread_id;
    let text = RwSignal::new(message.message.clone().unwrap_or_default());
    let editing = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let deletion = Action::new_local({
        let client = client.clone();
        move |_: &()| {
            let client = client.clone();
            async move { board::delete_reply(&client, thread_id, id).await }
        }
    });
    on_answer(deletion, move |answer| match answer {
        Ok(()) | Err(ApiError::NotFound) => {
            announcer.say(i18n.t(LaterMsg::ReplyDeleted));
            on_deleted.run(id);
        }
        Err(e) => error.set(Some(i18n.text(e.describe()))),
    });
    let busy = deletion.pending();
    let delete = move |_| {
        if !busy.get_untracked() {
            error.set(None);
            deletion.dispatch_local(());
        }
    };
    let edit_button = NodeRef::<html::Button>::new();
    let done_editing = Callback::new(move |saved: Option<String>| {
        if let Some(saved) = saved {
            text.set(saved);
            announcer.say(i18n.t(LaterMsg::ReplyUpdated));
        }
        editing.set(false);
        // Back to where the member started, once the button is there again.
        browser::after_ms(0, move || {
            if let Some(button) = edit_button.get_untracked() {
                let _ = button.focus();
            }
        });
    });
    view! {
        <li class="reply" class:first-new=first_new data-reply-id=id>
            <Show when=move || first_new.get()>
                <p class="new-replies-marker" id="new-replies">{i18n.t(LaterMsg::NewRepliesMarker)}</p>
            </Show>
            <Avatar name=name() coworker_id=message.coworker_id/>
            <div class="reply-body">
                <p class="reply-meta"><span class="reply-author">{name}</span> " · " <RelativeTime timestamp=message.created_on.clone()/></p>
                <Show when=move || editing.get() fallback=move || view! { <MessageBody text=text.get()/> }>
                    <ReplyEditor id=id text=text.get_untracked() on_done=done_editing/>
                </Show>
                <div class="reply-actions">
                    <MarkToggle target=MarkTarget::Reply { thread: thread_id, message: id } known=Some(message.like)/>
                    {(editable).then(|| view! {
                        <Show when=move || !editing.get()>
                            <button type="button" class="secondary" node_ref=edit_button on:click=move |_| editing.set(true)>
                                {i18n.t(LaterMsg::Edit)}
                            </button>
                        </Show>
                    })}
                    {mine.then(|| view! {
                        <ConfirmButton label=LaterMsg::Delete confirm_label=LaterMsg::YesDelete question=LaterMsg::DeleteReplyQuestion on_confirm=delete busy=busy/>
                        <span class="form-error" role="alert">{move || error.get()}</span>
                    })}
                </div>
            </div>
        </li>
    }
}

/// A reply's text being edited: saved with the whole record put back (REST), kept in the box
/// when the save fails, given up with Cancel or Escape.
#[component]
fn ReplyEditor(id: i64, text: String, on_done: Callback<Option<String>>) -> impl IntoView {
    let client = expect_context::<ApiClient>();
    let i18n = use_i18n();
    let draft = RwSignal::new(text);
    let error = RwSignal::new(None::<String>);
    let field = NodeRef::<html::Textarea>::new();
    Effect::new(move |_| {
        if let Some(el) = field.get() {
            let _ = el.focus();
        }
    });
    let saving = Action::new_local(move |body: &String| {
        let (client, body) = (client.clone(), body.clone());
        async move { (board::save_reply_edit(&client, id, &body).await, body) }
    });
    on_answer(saving, move |(answer, body)| match answer {
        Ok(()) => on_done.run(Some(body)),
        Err(e) => {
            let why = e.field_message("Message").unwrap_or_else(|| e.describe());
            error.set(Some(i18n.text(LaterPhrase::ReplyKept(i18n.text(why)))));
        }
    });
    let busy = saving.pending();
    let field_id = format!("reply-edit-{id}");
    let error_id = format!("reply-edit-error-{id}");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let body = draft.get_untracked();
        if body.trim().is_empty() {
            error.set(Some(i18n.t(LaterMsg::WriteReplyFirst).to_owned()));
            return;
        }
        error.set(None);
        saving.dispatch_local(body);
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            on_done.run(None);
        }
    };
    view! {
        <form class="reply-editor" on:submit=submit on:keydown=on_key>
            <label for=field_id.clone()>{i18n.t(LaterMsg::EditReply)}</label>
            <textarea id=field_id rows="3" node_ref=field prop:value=move || draft.get()
                on:input=move |ev| draft.set(event_target_value(&ev)) aria-describedby=error_id.clone()></textarea>
            <p class="form-error" id=error_id role="alert">{move || error.get()}</p>
            <button type="submit" class="primary" disabled=move || busy.get()>{i18n.t(LaterMsg::SaveChanges)}</button>
            <button type="button" class="secondary" on:click=move |_| on_done.run(None)>{i18n.t(LaterMsg::Cancel)}</button>
        </form>
    }
}

/// Posts a reply, never twice (see `api::once`): the reply looked for is this member's, with
/// this text, newer than `since_id`.
async fn reply_once(
    client: &ApiClient,
    thread: i64,
    author: crate::model::Author,
    text: &str,
    since_id: i64,
    unsure: RwSignal<bool>,
) -> Result<i64, ApiError> {
    let find = || board::find_own_reply(client, thread, author.user_id, text, since_id);
    let outcome = api::once::send_once(unsure.get_untracked(), find, board::create_reply(client, thread, author, text, since_id)).await;
    unsure.set(outcome.unsure);
    outcome.result
}

/// The reply box. The text is kept as a draft until the reply is stored; a failed send keeps
/// it.
#[component]
fn ReplyComposer(thread_id: i64, on_posted: Callback<CommunityMessage>, newest_id: Signal<i64>) -> impl IntoView {
    let client = expect_context::<ApiClient>();
    let directory = expect_context::<Directory>();
    let session = expect_context::<Session>();
    let announcer = expect_context::<Announcer>();
    let i18n = use_i18n();
    let key = session.author().map(|a| draft_key(a.user_id, &DraftContext::Reply(thread_id)));
    let text = RwSignal::new(key.as_deref().and_then(browser::read_local).unwrap_or_default());
    let unsure = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let draft_key_for_input = key.clone();
    let draft_saved = DraftSavedNotice::new();
    let on_change = move |value: String| {
        if let Some(k) = &draft_key_for_input {
            if value.trim().is_empty() {
                browser::remove_local(k);
            } else {
                browser::write_local(k, &value);
                draft_saved.saved();
            }
        }
    };
    // People picked to mention (REST: made guests of the thread once the reply is stored).
    let mentioned = RwSignal::new(Vec::<Mentionable>::new());
    // The reply as sent, with its id once stored. Sent, its draft goes even if the member has
    // left the thread meanwhile.
    let sending = Action::new_local(move |(body, author, since, people): &(String, crate::model::Author, i64, Vec<Mentionable>)| {
        let (client, key, body, author, since) = (client.clone(), key.clone(), body.clone(), *author, *since);
        // Those still mentioned in the text as sent.
        let guests: Vec<i64> = people.iter().filter(|p| body.contains(&format!("@{}", p.name))).filter_map(|p| p.user_id).collect();
        async move {
            let result = reply_once(&client, thread_id, author, &body, since, unsure).await;
            if let (Ok(_), Some(k)) = (&result, &key) {
                browser::remove_local(k);
            }
            if result.is_ok() && !guests.is_empty() {
                // The reply is stored either way; a refusal here costs only the invitation.
                let _ = board::add_guests(&client, thread_id, &guests).await;
            }
            // Why the API refused the thread: gone, or closed to this member.
            let result = match result {
                Err(e) if !unsure.get_untracked() && e.field_message("CommunityThreadId").is_some() => {
                    match board::thread(&client, directory, thread_id).await {
                        Err(ApiError::NotFound) => Err(ApiError::NotFound),
                        _ => Err(e),
                    }
                }
                other => other,
            };
            (result, body, author)
        }
    });
    let busy = sending.pending();
    on_answer(sending, move |(result, body, author)| match result {
        Ok(id) => {
            text.set(String::new());
            mentioned.set(Vec::new());
            announcer.say(i18n.t(LaterMsg::ReplyPosted));
            on_posted.run(CommunityMessage {
                id,
                community_thread_id: thread_id,
                user_id: author.user_id,
                coworker_id: author.coworker_id,
                message: Some(body),
                created_on: Some(crate::model::dates::iso_utc(browser::now_ms() as i64)),
                updated_on: None,
                like: MarkState { count: Some(0), on: None, record: None },
            });
        }
        Err(e) if unsure.get_untracked() => error.set(Some(i18n.text(LaterPhrase::ReplyUnsure(i18n.text(e.describe()))))),
        Err(e) => {
            let why = e.field_message("CommunityThreadId").unwrap_or_else(|| e.describe());
            error.set(Some(i18n.text(LaterPhrase::ReplyKept(i18n.text(why)))));
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        draft_saved.cancel();
        // One reply per intent, however often the button is pressed.
        if busy.get_untracked() {
            return;
        }
        let body = text.get_untracked();
        if body.trim().is_empty() {
            error.set(Some(i18n.t(LaterMsg::WriteReplyFirst).to_owned()));
            return;
        }
        let Some(author) = session.author() else { return };
        error.set(None);
        sending.dispatch_local((body, author, newest_id.get_untracked(), mentioned.get_untracked()));
    };
    view! {
        <form class="reply-composer" on:submit=submit>
            <label for="reply-text">{i18n.t(LaterMsg::YourReply)}</label>
            <MentionBox id="reply-text" value=text on_change=Callback::new(on_change)
                on_pick=Callback::new(move |person: Mentionable| mentioned.update(|m| m.push(person)))
                described_by="reply-error reply-mention-hint"/>
            <p class="form-error" id="reply-error" role="alert">{move || error.get()}</p>
            <p class="hint" id="reply-mention-hint">
                {i18n.t(if session.capabilities().staff_composer { LaterMsg::MentionHint } else { LaterMsg::MentionsTextOnly })}
            </p>
            {(!session.capabilities().edit_replies).then(|| view! { <p class="hint" id="reply-edit-note">{i18n.t(LaterMsg::RepliesNotEditable)}</p> })}
            <button type="submit" class="primary" disabled=move || busy.get()>
                {move || i18n.t(if busy.get() { LaterMsg::Sending } else { LaterMsg::SendReply })}
            </button>
        </form>
    }
}
