//! The Zoom meeting's fields in the composer, each with its label and its own error.

use leptos::prelude::*;

use super::field::FieldErrors;
use crate::i18n::{use_i18n, LaterMsg, Msg};
use crate::model::zoom::ZoomMeeting;

#[component]
pub fn ZoomFields(meeting: RwSignal<ZoomMeeting>, errors: FieldErrors) -> impl IntoView {
    let i18n = use_i18n();
    let input = |id: &'static str, label: LaterMsg, kind: &'static str, get: fn(&ZoomMeeting) -> String, set: fn(&mut ZoomMeeting, String)| {
        let error_id = format!("{id}-error");
        view! {
            <div class="field">
                <label for=id>{i18n.t(label)}</label>
                <input id=id type=kind prop:value=move || meeting.with(get)
                    aria-invalid=move || errors.get(id).is_some().to_string()
                    aria-describedby=error_id.clone()
                    on:input=move |ev| { let v = event_target_value(&ev); meeting.update(|m| set(m, v)); }/>
                <p class="field-error" id=error_id>{move || errors.get(id)}</p>
            </div>
        }
    };
    view! {
        <fieldset class="zoom-fields">
            <legend>{i18n.t(Msg::ZoomMeeting)}</legend>
            {input("zoom-join-url", LaterMsg::ZoomJoinLink, "url", |m| m.join_url.clone(), |m, v| m.join_url = v)}
            {input("zoom-meeting-id", LaterMsg::MeetingId, "text", |m| m.meeting_id.clone(), |m, v| m.meeting_id = v)}
            {input("zoom-passcode", LaterMsg::Passcode, "text", |m| m.passcode.clone(), |m, v| m.passcode = v)}
            {input("zoom-start", LaterMsg::Starts, "datetime-local", |m| m.start.clone(), |m, v| m.start = v)}
            {input("zoom-duration", LaterMsg::ZoomDurationMinutes, "number", |m| m.duration.clone(), |m, v| m.duration = v)}
            {input("zoom-topic", LaterMsg::ZoomTopic, "text", |m| m.topic.clone(), |m, v| m.topic = v)}
        </fieldset>
    }
}
