//! What a member is writing: a new thread (or an edit) and a reply. Drafts are saved locally
//! per member and context so a reload or a failed send loses nothing.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use serde_json::value::RawValue;

use super::backend::Capabilities;
use super::problem::FieldProblem;
use super::tags;
use super::zoom::ZoomMeeting;
use crate::i18n::LaterMsg;

/// The composer's state, and what a draft stores on this device (under these field names).
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct ThreadDraft {
    pub subject: String,
    pub message: String,
    pub group: Option<i64>,
    pub tags: Vec<String>,
    pub private: bool,
    /// User ids allowed to read a private thread.
    pub guests: Vec<i64>,
    pub instant_delivery: bool,
    pub zoom: Option<ZoomMeeting>,
}

/// The fields of a thread the composer writes, by the API's names (for a create and an edit).
#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct ThreadFields<'a> {
    subject: &'a str,
    message: &'a str,
    community_group_id: Option<i64>,
    tags: Option<String>,
    private: bool,
    guests: &'a [i64],
    instant_delivery: bool,
    include_zoom_invite: bool,
    zoom_event_data: Option<String>,
}

/// `POST /api/community/communitythreads`: who writes it, and what they wrote.
#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct NewThread<'a> {
    business_id: i64,
    user_id: i64,
    coworker_id: Option<i64>,
    #[serde(flatten)]
    fields: ThreadFields<'a>,
}

/// A record as the API sent it, each field's value kept as its exact JSON text (numbers are
/// not reformatted, unknown fields not dropped), for an edit that must put back what it does
/// not change.
pub type RawRecord = BTreeMap<String, Box<RawValue>>;

/// Who is writing: the ids the API needs on every record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Author {
    pub user_id: i64,
    pub business_id: i64,
    pub coworker_id: Option<i64>,
}

impl ThreadDraft {
    pub fn is_empty(&self) -> bool {
        *self == ThreadDraft::default()
    }

    /// The client-side checks that mirror the API's required fields, plus the Zoom fields,
    /// for a backend that can do what `can` says.
    pub fn problems(&self, can: Capabilities) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if self.subject.trim().is_empty() {
            out.push(("Subject", LaterMsg::NeedSubject));
        }
        if self.message.trim().is_empty() {
            out.push(("Message", LaterMsg::NeedMessage));
        }
        if !can.thread_without_group && self.group.is_none() {
            out.push(("CommunityGroupId", LaterMsg::NeedGroup));
        }
        if can.staff_composer {
            if self.private && self.guests.is_empty() {
                out.push(("Guests", LaterMsg::NeedGuest));
            }
            if let Some(zoom) = &self.zoom {
                out.extend(zoom.problems());
            }
        }
        out
    }

    /// The draft with only what a backend that can do `can` takes: a draft begun where Private,
    /// InstantDelivery or Zoom were offered never sends them where they would be dropped.
    pub fn for_backend(mut self, can: Capabilities) -> ThreadDraft {
        if !can.staff_composer {
            self.private = false;
            self.guests.clear();
            self.instant_delivery = false;
            self.zoom = None;
        }
        self
    }

    /// The fields this form writes, as the API names them.
    fn fields(&self) -> ThreadFields<'_> {
        ThreadFields {
            subject: self.subject.trim(),
            message: &self.message,
            community_group_id: self.group,
            tags: tags::to_wire(&self.tags),
            private: self.private,
            // Guests are who may read a Private thread and who a thread mentions: sent either
            // way (mentioned people follow the thread).
            guests: &self.guests,
            instant_delivery: self.instant_delivery,
            include_zoom_invite: self.zoom.is_some(),
            zoom_event_data: self.zoom.as_ref().map(ZoomMeeting::to_event_data),
        }
    }

    /// The POST body of a new thread.
    pub fn to_create_body(&self, author: Author) -> String {
        let body = NewThread { business_id: author.business_id, user_id: author.user_id, coworker_id: author.coworker_id, fields: self.fields() };
        // Strings, numbers and flags only: writing them cannot fail.
        serde_json::to_string(&body).unwrap_or_default()
    }

    /// The PUT body of an edit: the record as the API just sent it, with only the fields this
    /// form edits changed. Everything else (`SystemId`, `CoworkerId`, custom fields, whatever
    /// Nexudus adds later) goes back exactly as it came, so an edit never clears it.
    pub fn apply_to_record(&self, record: &RawRecord) -> String {
        let mut out = record.clone();
        // The edited fields as JSON text each, to sit beside the untouched ones.
        let edited = serde_json::to_string(&self.fields()).ok().and_then(|text| serde_json::from_str::<RawRecord>(&text).ok());
        out.extend(edited.unwrap_or_default());
        serde_json::to_string(&out).unwrap_or_default()
    }

    /// The form's starting state for editing `record`.
    pub fn from_record(record: &super::CommunityThread) -> ThreadDraft {
        ThreadDraft {
            subject: record.subject.clone(),
            message: record.message.clone(),
            group: record.community_group_id,
            tags: tags::from_wire(record.tags.as_deref()),
            private: record.private,
            guests: record.guests.clone(),
            instant_delivery: record.instant_delivery,
            zoom: record
                .zoom_event_data
                .as_deref()
                .and_then(ZoomMeeting::from_event_data)
                .or_else(|| record.include_zoom_invite.then(ZoomMeeting::default)),
        }
    }
}

/// Where a draft is kept: one per member, per context.
pub fn draft_key(user_id: i64, context: &DraftContext) -> String {
    match context {
        DraftContext::NewThread => format!("community-board:draft:{user_id}:new-thread"),
        DraftContext::Edit(id) => format!("community-board:draft:{user_id}:edit:{id}"),
        DraftContext::Reply(id) => format!("community-board:draft:{user_id}:reply:{id}"),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftContext {
    NewThread,
    Edit(i64),
    Reply(i64),
}
