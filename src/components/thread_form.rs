//! The composer for a new conversation and for editing one: subject, message, group, tags,
//! Private with guests, InstantDelivery, an optional Zoom meeting, and a picture or file on a
//! new one. Checks mirror the API's required fields; the API's own 400 errors appear beside the
//! field they name. Everything typed is kept as a draft until the API has stored it.

use crate::routing::{use_navigate, Link};
use leptos::prelude::*;

use super::field::{FieldErrors, FieldMessage};
use super::file_attach::{carries_files, Attachment, FileAttach};
use super::guest_picker::GuestPicker;
use super::live_region::{Announcer, DraftSavedNotice};
use super::mention_box::MentionBox;
use super::tag_input::TagInput;
use super::writes::on_answer;
use super::zoom_fields::ZoomFields;
use crate::api::{self, board, ApiClient, ApiError, Directory};
use crate::browser;
use crate::file_dom;
use crate::i18n::{use_i18n, LaterMsg, LaterPhrase, Msg};
use crate::model::attachment::PickedFile;
use crate::model::draft::{draft_key, DraftContext};
use crate::model::user::{Mentionable, User};
use crate::model::zoom::ZoomMeeting;
use crate::model::{CommunityGroup, ThreadDraft};
use crate::session::Session;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FormMode {
    New,
    Edit(i64),
}

/// Groups the member may start a conversation in (fetching Restricted groups' members).
pub async fn postable_groups(client: &ApiClient, directory: Directory, coworker: Option<i64>) -> Result<Vec<CommunityGroup>, ApiError> {
    let mut out = Vec::new();
    for group in directory.groups(client).await? {
        if directory.may_post(client, &group, coworker).await? {
            out.push(group);
        }
    }
    Ok(out)
}

/// A few minutes back, as the API's range filters want it: far enough to cover a clock that
/// differs from the server's, near enough that an older post with the same subject is unlikely.
fn recent_since() -> String {
    crate::model::dates::iso_utc(browser::now_ms() as i64 - 10 * 60_000)
}

/// Posts a new conversation, never twice (see `api::once`).
async fn post_once(client: &ApiClient, draft: &ThreadDraft, author: crate::model::Author, unsure: RwSignal<bool>) -> Result<i64, ApiError> {
    let subject = draft.subject.trim().to_owned();
    let since = recent_since();
    let find = || board::find_own_thread(client, author.user_id, &subject, &since);
    let outcome = api::once::send_once(unsure.get_untracked(), find, board::create_thread(client, draft, author, &since)).await;
    unsure.set(outcome.unsure);
    outcome.result
}

/// How sending the form failed.
#[derive(Clone, Debug)]
enum SendError {
    /// The conversation or the edit was not stored (or whether it was is unknown: `unsure`).
    Post(ApiError),
    /// The conversation was stored as `thread`; its file was not.
    File { thread: i64, error: ApiError },
}

/// What one press of the submit button sends.
#[derive(Clone)]
struct Sending {
    draft: ThreadDraft,
    author: crate::model::Author,
    /// A conversation already stored by an earlier press whose file failed: only the file goes.
    stored: Option<i64>,
    file: Option<(PickedFile, String)>,
    /// The earlier file send failed in a way that leaves unknown whether it arrived.
    file_unsure: bool,
}

#[component]
pub fn ThreadForm(mode: FormMode, initial: ThreadDraft, groups: Vec<CommunityGroup>) -> impl IntoView {
    let client = expect_context::<ApiClient>();
    let directory = expect_context::<Directory>();
    let session = expect_context::<Session>();
    let announcer = expect_context::<Announcer>();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let focus = crate::focus::use_focus();
    let author = session.author();
    // What this backend can take: the composer offers nothing it would drop.
    let can = session.capabilities();
    let context = match mode {
        FormMode::New => DraftContext::NewThread,
        FormMode::Edit(id) => DraftContext::Edit(id),
    };
    let key = author.map(|a| draft_key(a.user_id, &context));

    let subject = RwSignal::new(initial.subject.clone());
    let message = RwSignal::new(initial.message.clone());
    let group = RwSignal::new(initial.group);
    let tags = RwSignal::new(initial.tags.clone());
    let private = RwSignal::new(initial.private);
    let guests = RwSignal::new(initial.guests.clone());
    let instant = RwSignal::new(initial.instant_delivery);
    let with_zoom = RwSignal::new(initial.zoom.is_some());
    let zoom = RwSignal::new(initial.zoom.clone().unwrap_or_default());
    let errors = FieldErrors::new();
    let form_error = RwSignal::new(None::<String>);
    // A picture or file goes on a new conversation only, where the API takes one.
    let offer_files = mode == FormMode::New && can.attach_files;
    let attachment = Attachment::new(errors);
    // Set when the conversation was stored but its file was not: another press sends the file.
    let stored = RwSignal::new(None::<i64>);
    let file_unsure = RwSignal::new(false);

    let current = move || ThreadDraft {
        subject: subject.get(),
        message: message.get(),
        group: group.get(),
        tags: tags.get(),
        private: private.get(),
        guests: guests.get(),
        instant_delivery: instant.get(),
        zoom: with_zoom.get().then(|| zoom.get()),
    };
    // Every change is saved locally, so a reload or a failed send loses nothing.
    let save_key = key.clone();
    let draft_saved = DraftSavedNotice::new();
    Effect::new(move |first: Option<()>| {
        let draft = current();
        if first.is_some() {
            if let (Some(k), Ok(json)) = (&save_key, serde_json::to_string(&draft)) {
                browser::write_local(k, &json);
                draft_saved.saved();
            }
        }
    });

    // Set after a failure that leaves it unknown whether the post was stored.
    let unsure = RwSignal::new(false);
    // Stored: the draft goes, whatever the screen does meanwhile.
    let forget_draft = {
        let key = key.clone();
        move || {
            if let Some(k) = &key {
                browser::remove_local(k);
            }
        }
    };
    let posting = {
        let client = client.clone();
        let forget_draft = forget_draft.clone();
        Action::new_local(move |sending: &Sending| {
            let (client, sending, forget_draft) = (client.clone(), sending.clone(), forget_draft.clone());
            async move {
                let result = match (mode, sending.stored) {
                    (FormMode::New, Some(id)) => Ok(id),
                    (FormMode::New, None) => post_once(&client, &sending.draft, sending.author, unsure).await,
                    // Fetch the record fresh and put it all back: fields this form does not
                    // show must survive the edit unchanged. A PUT may simply be repeated.
                    (FormMode::Edit(id), _) => board::save_edit(&client, id, &sending.draft).await.map(|_| id),
                };
                let thread = match result {
                    Ok(thread) => thread,
                    Err(e) => return Err(SendError::Post(e)),
                };
                // The text is stored: its draft goes, whatever becomes of the file.
                forget_draft();
                if let Some((file, description)) = &sending.file {
                    if let Err(error) = board::attach_file(&client, thread, file, description, sending.file_unsure).await {
                        return Err(SendError::File { thread, error });
                    }
                }
                Ok(thread)
            }
        })
    };
    // After an unsure failure: whether the post arrived after all.
    let checking = Action::new_local(move |(user_id, subject): &(i64, String)| {
        let (client, user_id, subject, forget_draft) = (client.clone(), *user_id, subject.clone(), forget_draft.clone());
        async move {
            let found = board::find_own_thread(&client, user_id, &subject, &recent_since()).await;
            if let Ok(Some(_)) = found {
                forget_draft();
            }
            found
        }
    });
    let succeed = move |id: i64| {
        announcer.say(i18n.t(if mode == FormMode::New { LaterMsg::ConversationPosted } else { LaterMsg::ChangesSaved }));
        navigate(&format!("/threads/{id}"), Default::default());
    };
    on_answer(posting, {
        let succeed = succeed.clone();
        move |result| match result {
            Ok(id) => succeed(id),
            Err(SendError::Post(ApiError::Validation(list))) => {
                show_field_errors(errors, i18n, &list);
                form_error.set(Some(i18n.t(LaterMsg::ServerRefusedFields).to_owned()));
            }
            Err(SendError::Post(e)) if unsure.get_untracked() => form_error.set(Some(i18n.text(LaterPhrase::ThreadUnsure(i18n.text(e.describe()))))),
            Err(SendError::Post(e)) => form_error.set(Some(i18n.text(LaterPhrase::DraftKept(i18n.text(e.describe()))))),
            Err(SendError::File { thread, error }) => {
                stored.set(Some(thread));
                file_unsure.set(error.is_ambiguous());
                if let ApiError::Validation(list) = &error {
                    show_field_errors(errors, i18n, list);
                }
                form_error.set(Some(i18n.text(LaterPhrase::FileNotAttached(i18n.text(error.describe())))));
            }
        }
    });
    on_answer(checking, move |found| match found {
        Ok(Some(id)) => {
            unsure.set(false);
            succeed(id);
        }
        Ok(None) => form_error.set(Some(i18n.t(LaterMsg::NotArrivedDraftKept).to_owned())),
        Err(e) => form_error.set(Some(i18n.text(LaterPhrase::DraftKept(i18n.text(e.describe()))))),
    });
    let (posting_now, checking_now) = (posting.pending(), checking.pending());
    let busy = Memo::new(move |_| posting_now.get() || checking_now.get());

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        draft_saved.cancel();
        // One post per intent: a second click or Enter while sending does nothing.
        if busy.get_untracked() {
            return;
        }
        let draft = current().for_backend(can);
        let problems = draft.problems(can);
        if !problems.is_empty() {
            errors.set_all(problems.iter().map(|(k, m)| ((*k).to_owned(), i18n.t(*m).to_owned())));
            form_error.set(Some(i18n.t(Msg::CheckHighlightedFields).to_owned()));
            focus.field(&format!("[data-field='{}']", problems[0].0));
            return;
        }
        let Some(author) = author else { return };
        errors.clear();
        form_error.set(None);
        let file = attachment.file.get_untracked().map(|f| (f, attachment.description.get_untracked()));
        posting.dispatch_local(Sending { draft, author, stored: stored.get_untracked(), file, file_unsure: file_unsure.get_untracked() });
    };
    // A file dropped anywhere on the form, or pasted into it (a picture copied elsewhere). A
    // paste that carries text as well is left to the text field.
    let on_paste = move |ev: leptos::ev::ClipboardEvent| {
        let data = ev.clipboard_data();
        let has_text = data.as_ref().and_then(|d| d.get_data("text/plain").ok()).is_some_and(|t| !t.is_empty());
        if let (true, false, Some(file)) = (offer_files, has_text, file_dom::first_file(data)) {
            ev.prevent_default();
            attachment.take(file);
        }
    };
    let on_dragover = move |ev: leptos::ev::DragEvent| {
        if offer_files && carries_files(&ev) {
            ev.prevent_default();
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        if let (true, Some(file)) = (offer_files, file_dom::first_file(ev.data_transfer())) {
            ev.prevent_default();
            attachment.take(file);
        }
    };
    let check_again = move |_| {
        let Some(author) = author else { return };
        if !busy.get_untracked() {
            checking.dispatch_local((author.user_id, subject.get_untracked()));
        }
    };

    let invalid = move |key: &'static str| move || errors.get(key).is_some().to_string();
    let submit_label = if mode == FormMode::New { LaterMsg::PostConversation } else { LaterMsg::SaveChanges };
    view! {
        <form class="thread-form card" on:submit=submit novalidate=true on:paste=on_paste on:dragover=on_dragover on:drop=on_drop>
            <p class="form-error" role="alert">{move || form_error.get()}</p>
            <div class="field">
                <label for="thread-subject">{i18n.t(LaterMsg::Subject)}</label>
                <input id="thread-subject" data-field="Subject" type="text" required bind:value=subject
                    aria-invalid=invalid("Subject") aria-describedby="Subject-error"/>
                <FieldMessage errors=errors key="Subject" id="Subject-error"/>
            </div>
            <div class="field">
                <label for="thread-message">{i18n.t(LaterMsg::Message)}</label>
                // A mention (REST) makes the person a guest: the guest list below is theirs too.
                <MentionBox id="thread-message" value=message rows=8 required=true data_field="Message"
                    on_change=Callback::new(|_| ()) on_pick=Callback::new(move |person: Mentionable| {
                        if let Some(user) = person.user_id {
                            directory.remember(vec![User { id: user, full_name: person.name, ..User::default() }]);
                            guests.update(|g| if !g.contains(&user) { g.push(user) });
                        }
                    })
                    invalid=Signal::derive(invalid("Message")) described_by="Message-error thread-message-hint"/>
                <p class="hint" id="thread-message-hint">{i18n.t(if can.staff_composer { LaterMsg::MentionHint } else { LaterMsg::MentionsTextOnly })}</p>
                <FieldMessage errors=errors key="Message" id="Message-error"/>
            </div>
            <div class="field">
                <label for="thread-group">{i18n.t(Msg::Group)}</label>
                <select id="thread-group" data-field="CommunityGroupId" aria-describedby="CommunityGroupId-error"
                    on:change=move |ev| group.set(event_target_value(&ev).parse().ok())>
                    <option value="" selected=move || group.get().is_none()>
                        {i18n.t(if can.thread_without_group { LaterMsg::NoGroup } else { LaterMsg::ChooseGroup })}
                    </option>
                    {groups.into_iter().map(|g| {
                        let id = g.id;
                        view! { <option value=id.to_string() selected=move || group.get() == Some(id)>{format!("{} ({})", g.name, i18n.t(g.access().label()))}</option> }
                    }).collect_view()}
                </select>
                <FieldMessage errors=errors key="CommunityGroupId" id="CommunityGroupId-error"/>
            </div>
            <TagInput tags=tags/>
            <FieldMessage errors=errors key="Tags" id="Tags-error"/>
            {can.staff_composer.then(|| view! {
            <div class="field checkbox">
                <input id="thread-private" type="checkbox" prop:checked=move || private.get() on:change=move |ev| private.set(event_target_checked(&ev))/>
                <label for="thread-private">{i18n.t(LaterMsg::PrivateChoice)}</label>
            </div>
            <Show when=move || private.get() || !guests.with(Vec::is_empty)>
                <GuestPicker guests=guests private=private error=Signal::derive(move || errors.get("Guests"))/>
            </Show>
            <div class="field checkbox">
                <input id="thread-instant" type="checkbox" aria-describedby="thread-instant-hint"
                    prop:checked=move || instant.get() on:change=move |ev| instant.set(event_target_checked(&ev))/>
                <label for="thread-instant">{i18n.t(LaterMsg::InstantDelivery)}</label>
                <p class="hint" id="thread-instant-hint">{i18n.t(LaterMsg::InstantDeliveryHint)}</p>
            </div>
            <div class="field checkbox">
                <input id="thread-zoom" type="checkbox" prop:checked=move || with_zoom.get()
                    on:change=move |ev| { with_zoom.set(event_target_checked(&ev)); if !with_zoom.get_untracked() { zoom.set(ZoomMeeting::default()); } }/>
                <label for="thread-zoom">{i18n.t(LaterMsg::AttachZoomMeeting)}</label>
            </div>
            <Show when=move || with_zoom.get()>
                <ZoomFields meeting=zoom errors=errors/>
            </Show>
            <FieldMessage errors=errors key="ZoomEventData" id="ZoomEventData-error"/>
            })}
            {offer_files.then(|| view! { <FileAttach attachment=attachment/> })}
            {(!can.staff_composer).then(|| view! { <p class="hint member-composer-note">{i18n.t(LaterMsg::MemberComposerNote)}</p> })}
            <div class="form-actions">
                <button type="submit" class="primary" disabled=move || busy.get()>
                    {move || i18n.t(match (busy.get(), stored.get()) {
                        (true, _) => LaterMsg::Sending,
                        (false, Some(_)) => LaterMsg::AttachTheFile,
                        (false, None) => submit_label,
                    })}
                </button>
                {move || stored.get().map(|id| view! { <Link to=format!("/threads/{id}")>{i18n.t(LaterMsg::GoToConversation)}</Link> })}
                <Show when=move || unsure.get()>
                    <button type="button" class="secondary" disabled=move || busy.get() on:click=check_again>{i18n.t(LaterMsg::CheckWhetherPosted)}</button>
                </Show>
                <Link to=match mode { FormMode::New => "/".to_owned(), FormMode::Edit(id) => format!("/threads/{id}") }>{i18n.t(LaterMsg::Cancel)}</Link>
            </div>
        </form>
    }
}

/// The server's own words beside each field it named; ours only when it gave none.
fn show_field_errors(errors: FieldErrors, i18n: crate::i18n::I18n, list: &[crate::model::FieldError]) {
    errors.set_all(
        list.iter()
            .map(|e| (e.property_name.clone().unwrap_or_default(), e.message.clone().unwrap_or_else(|| i18n.t(Msg::CheckThisField).to_owned()))),
    );
}
