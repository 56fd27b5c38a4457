//! What a member is writing: a new thread (or an edit) and a reply. Drafts are saved locally
//! per member and context so a reload or a failed send loses nothing.

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use super::tags;
use crate::i18n::Msg;
use super::zoom::ZoomMeeting;

/// The composer's state, and what a draft stores.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
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

/// Who is writing: the ids the API needs on every record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Author {
    pub user_id: i64,
    pub business_id: i64,
    pub coworker_id: Option<i64>,
}

/// A problem with one form field, keyed by the API's `PropertyName` or a form field id, and
/// what to tell the member (a catalogue key: the model says nothing in any one language).
pub type FieldProblem = (&'static str, Msg);

impl ThreadDraft {
    pub fn is_empty(&self) -> bool {
        *self == ThreadDraft::default()
    }

    /// The client-side checks that mirror the API's required fields, plus the Zoom fields.
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if self.subject.trim().is_empty() {
            out.push(("Subject", Msg::NeedSubject));
        }
        if self.message.trim().is_empty() {
            out.push(("Message", Msg::NeedMessage));
        }
        if self.private && self.guests.is_empty() {
            out.push(("Guests", Msg::NeedGuest));
        }
        if let Some(zoom) = &self.zoom {
            out.extend(zoom.problems());
        }
        out
    }

    fn zoom_fields(&self) -> (bool, Value) {
        match &self.zoom {
            Some(zoom) => (true, Value::String(zoom.to_event_data())),
            None => (false, Value::Null),
        }
    }

    /// The POST body of a new thread.
    pub fn to_create_body(&self, author: Author) -> Value {
        let (include_zoom, zoom_data) = self.zoom_fields();
        json!({
            "BusinessId": author.business_id,
            "CommunityGroupId": self.group,
            "UserId": author.user_id,
            "CoworkerId": author.coworker_id,
            "Subject": self.subject.trim(),
            "Message": self.message,
            "InstantDelivery": self.instant_delivery,
            "Tags": tags::to_wire(&self.tags),
            "Private": self.private,
            "Guests": if self.private { self.guests.clone() } else { Vec::new() },
            "IncludeZoomInvite": include_zoom,
            "ZoomEventData": zoom_data,
        })
    }

    /// The PUT body of an edit: the record as the API just sent it, with only the fields this
    /// form edits changed. Everything else (`SystemId`, `CoworkerId`, custom fields, whatever
    /// Nexudus adds later) goes back exactly as it came, so an edit never clears it.
    pub fn apply_to_record(&self, record: &Map<String, Value>) -> Value {
        let mut out = record.clone();
        let (include_zoom, zoom_data) = self.zoom_fields();
        out.insert("Subject".into(), self.subject.trim().into());
        out.insert("Message".into(), self.message.clone().into());
        out.insert("CommunityGroupId".into(), self.group.into());
        out.insert("Tags".into(), tags::to_wire(&self.tags).into());
        out.insert("Private".into(), self.private.into());
        out.insert("Guests".into(), json!(if self.private { self.guests.clone() } else { Vec::new() }));
        out.insert("InstantDelivery".into(), self.instant_delivery.into());
        out.insert("IncludeZoomInvite".into(), include_zoom.into());
        out.insert("ZoomEventData".into(), zoom_data);
        Value::Object(out)
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
