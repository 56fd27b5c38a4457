//! What a member is writing: a new thread (or an edit) and a reply. Drafts are saved locally
//! per member and context so a reload or a failed send loses nothing.

use crate::json::{FromJson, Json, JsonError, Object};

use super::backend::Capabilities;
use super::tags;
use super::zoom::ZoomMeeting;
use crate::i18n::Msg;

/// The composer's state, and what a draft stores.
#[derive(Debug, Clone, PartialEq, Default)]
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

    /// The client-side checks that mirror the API's required fields, plus the Zoom fields,
    /// for a backend that can do what `can` says.
    pub fn problems(&self, can: Capabilities) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if self.subject.trim().is_empty() {
            out.push(("Subject", Msg::NeedSubject));
        }
        if self.message.trim().is_empty() {
            out.push(("Message", Msg::NeedMessage));
        }
        if !can.thread_without_group && self.group.is_none() {
            out.push(("CommunityGroupId", Msg::NeedGroup));
        }
        if can.staff_composer {
            if self.private && self.guests.is_empty() {
                out.push(("Guests", Msg::NeedGuest));
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

    fn zoom_fields(&self) -> (bool, Json) {
        match &self.zoom {
            Some(zoom) => (true, Json::String(zoom.to_event_data())),
            None => (false, Json::Null),
        }
    }

    fn guests_to_send(&self) -> Json {
        if self.private {
            self.guests.clone().into()
        } else {
            Json::Array(Vec::new())
        }
    }

    /// The POST body of a new thread.
    pub fn to_create_body(&self, author: Author) -> Json {
        let (include_zoom, zoom_data) = self.zoom_fields();
        Object::new()
            .with("BusinessId", author.business_id)
            .with("CommunityGroupId", self.group)
            .with("UserId", author.user_id)
            .with("CoworkerId", author.coworker_id)
            .with("Subject", self.subject.trim())
            .with("Message", self.message.as_str())
            .with("InstantDelivery", self.instant_delivery)
            .with("Tags", tags::to_wire(&self.tags))
            .with("Private", self.private)
            .with("Guests", self.guests_to_send())
            .with("IncludeZoomInvite", include_zoom)
            .with("ZoomEventData", zoom_data)
            .into()
    }

    /// The PUT body of an edit: the record as the API just sent it, with only the fields this
    /// form edits changed. Everything else (`SystemId`, `CoworkerId`, custom fields, whatever
    /// Nexudus adds later) goes back exactly as it came, so an edit never clears it.
    pub fn apply_to_record(&self, record: &Object) -> Json {
        let mut out = record.clone();
        let (include_zoom, zoom_data) = self.zoom_fields();
        out.set("Subject", self.subject.trim());
        out.set("Message", self.message.as_str());
        out.set("CommunityGroupId", self.group);
        out.set("Tags", tags::to_wire(&self.tags));
        out.set("Private", self.private);
        out.set("Guests", self.guests_to_send());
        out.set("InstantDelivery", self.instant_delivery);
        out.set("IncludeZoomInvite", include_zoom);
        out.set("ZoomEventData", zoom_data);
        Json::Object(out)
    }

    /// The draft as kept on this device (the board's own keys; read back by `from_json`).
    pub fn to_json(&self) -> Json {
        let tags: Vec<Json> = self.tags.iter().map(|t| Json::from(t.as_str())).collect();
        Object::new()
            .with("subject", self.subject.as_str())
            .with("message", self.message.as_str())
            .with("group", self.group)
            .with("tags", tags)
            .with("private", self.private)
            .with("guests", self.guests.clone())
            .with("instant_delivery", self.instant_delivery)
            .with("zoom", self.zoom.as_ref().map(ZoomMeeting::to_json))
            .into()
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

impl FromJson for ThreadDraft {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let o = value.object("a draft")?;
        Ok(ThreadDraft {
            subject: o.text("subject")?,
            message: o.text("message")?,
            group: o.opt_int("group")?,
            tags: o.list("tags")?,
            private: o.flag("private")?,
            guests: o.list("guests")?,
            instant_delivery: o.flag("instant_delivery")?,
            zoom: o.opt_record("zoom")?,
        })
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
