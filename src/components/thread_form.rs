//! The composer for a new conversation and for editing one: subject, message, group, tags,
//! Private with guests, InstantDelivery, and an optional Zoom meeting. Checks mirror the API's
//! required fields; the API's own 400 errors appear beside the field they name. Everything
//! typed is kept as a draft until the API has stored it.

use crate::routing::{use_navigate, Link};
use leptos::prelude::*;

use super::field::{FieldErrors, FieldMessage};
use super::guest_picker::GuestPicker;
use super::live_region::{Announcer, DraftSavedNotice};
use super::mention_box::MentionBox;
use super::tag_input::TagInput;
use super::writes::on_answer;
use super::zoom_fields::ZoomFields;
use crate::api::{self, board, ApiClient, ApiError, Directory};
use crate::browser;
use crate::i18n::{use_i18n, Msg, Phrase};
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
        Action::new_local(move |(draft, author): &(ThreadDraft, crate::model::Author)| {
            let (client, draft, author, forget_draft) = (client.clone(), draft.clone(), *author, forget_draft.clone());
            async move {
                let result = match mode {
                    FormMode::New => post_once(&client, &draft, author, unsure).await,
                    // Fetch the record fresh and put it all back: fields this form does not
                    // show must survive the edit unchanged. A PUT may simply be repeated.
                    FormMode::Edit(id) => board::save_edit(&client, id, &draft).await.map(|_| id),
                };
                if result.is_ok() {
                    forget_draft();
                }
                result
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
        announcer.say(i18n.t(if mode == FormMode::New { Msg::ConversationPosted } else { Msg::ChangesSaved }));
        navigate(&format!("/threads/{id}"), Default::default());
    };
    on_answer(posting, {
        let succeed = succeed.clone();
        move |result| match result {
            Ok(id) => succeed(id),
            Err(ApiError::Validation(list)) => {
                // The server's own words beside each field; ours only when it gave none.
                errors.set_all(list.iter().map(|e| {
                    (e.property_name.clone().unwrap_or_default(), e.message.clone().unwrap_or_else(|| i18n.t(Msg::CheckThisField).to_owned()))
                }));
                form_error.set(Some(i18n.t(Msg::ServerRefusedFields).to_owned()));
            }
            Err(e) if unsure.get_untracked() => form_error.set(Some(i18n.text(Phrase::ThreadUnsure(i18n.text(e.describe()))))),
            Err(e) => form_error.set(Some(i18n.text(Phrase::DraftKept(i18n.text(e.describe()))))),
        }
    });
    on_answer(checking, move |found| match found {
        Ok(Some(id)) => {
            unsure.set(false);
            succeed(id);
        }
        Ok(None) => form_error.set(Some(i18n.t(Msg::NotArrivedDraftKept).to_owned())),
        Err(e) => form_error.set(Some(i18n.text(Phrase::DraftKept(i18n.text(e.describe()))))),
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
        posting.dispatch_local((draft, author));
    };
    let check_again = move |_| {
        let Some(author) = author else { return };
        if !busy.get_untracked() {
            checking.dispatch_local((author.user_id, subject.get_untracked()));
        }
    };

    let invalid = move |key: &'static str| move || errors.get(key).is_some().to_string();
    let submit_label = if mode == FormMode::New { Msg::PostConversation } else { Msg::SaveChanges };
    view! {
        <form class="thread-form card" on:submit=submit novalidate=true>
            <p class="form-error" role="alert">{move || form_error.get()}</p>
            <div class="field">
                <label for="thread-subject">{i18n.t(Msg::Subject)}</label>
                <input id="thread-subject" data-field="Subject" type="text" required bind:value=subject
                    aria-invalid=invalid("Subject") aria-describedby="Subject-error"/>
                <FieldMessage errors=errors key="Subject" id="Subject-error"/>
            </div>
            <div class="field">
                <label for="thread-message">{i18n.t(Msg::Message)}</label>
                // A mention (REST) makes the person a guest: the guest list below is theirs too.
                <MentionBox id="thread-message" value=message rows=8 required=true data_field="Message"
                    on_change=Callback::new(|_| ()) on_pick=Callback::new(move |person: Mentionable| {
                        if let Some(user) = person.user_id {
                            directory.remember(vec![User { id: user, full_name: person.name, ..User::default() }]);
                            guests.update(|g| if !g.contains(&user) { g.push(user) });
                        }
                    })
                    invalid=Signal::derive(invalid("Message")) described_by="Message-error thread-message-hint"/>
                <p class="hint" id="thread-message-hint">{i18n.t(if can.staff_composer { Msg::MentionHint } else { Msg::MentionsTextOnly })}</p>
                <FieldMessage errors=errors key="Message" id="Message-error"/>
            </div>
            <div class="field">
                <label for="thread-group">{i18n.t(Msg::Group)}</label>
                <select id="thread-group" data-field="CommunityGroupId" aria-describedby="CommunityGroupId-error"
                    on:change=move |ev| group.set(event_target_value(&ev).parse().ok())>
                    <option value="" selected=move || group.get().is_none()>
                        {i18n.t(if can.thread_without_group { Msg::NoGroup } else { Msg::ChooseGroup })}
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
                <label for="thread-private">{i18n.t(Msg::PrivateChoice)}</label>
            </div>
            <Show when=move || private.get() || !guests.with(Vec::is_empty)>
                <GuestPicker guests=guests private=private error=Signal::derive(move || errors.get("Guests"))/>
            </Show>
            <div class="field checkbox">
                <input id="thread-instant" type="checkbox" aria-describedby="thread-instant-hint"
                    prop:checked=move || instant.get() on:change=move |ev| instant.set(event_target_checked(&ev))/>
                <label for="thread-instant">{i18n.t(Msg::InstantDelivery)}</label>
                <p class="hint" id="thread-instant-hint">{i18n.t(Msg::InstantDeliveryHint)}</p>
            </div>
            <div class="field checkbox">
                <input id="thread-zoom" type="checkbox" prop:checked=move || with_zoom.get()
                    on:change=move |ev| { with_zoom.set(event_target_checked(&ev)); if !with_zoom.get_untracked() { zoom.set(ZoomMeeting::default()); } }/>
                <label for="thread-zoom">{i18n.t(Msg::AttachZoomMeeting)}</label>
            </div>
            <Show when=move || with_zoom.get()>
                <ZoomFields meeting=zoom errors=errors/>
            </Show>
            <FieldMessage errors=errors key="ZoomEventData" id="ZoomEventData-error"/>
            })}
            {(!can.staff_composer).then(|| view! { <p class="hint member-composer-note">{i18n.t(Msg::MemberComposerNote)}</p> })}
            <div class="form-actions">
                <button type="submit" class="primary" disabled=move || busy.get()>
                    {move || i18n.t(if busy.get() { Msg::Sending } else { submit_label })}
                </button>
                <Show when=move || unsure.get()>
                    <button type="button" class="secondary" disabled=move || busy.get() on:click=check_again>{i18n.t(Msg::CheckWhetherPosted)}</button>
                </Show>
                <Link to=match mode { FormMode::New => "/".to_owned(), FormMode::Edit(id) => format!("/threads/{id}") }>{i18n.t(Msg::Cancel)}</Link>
            </div>
        </form>
    }
}
