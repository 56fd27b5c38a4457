//! The Zoom meeting attached to a thread. Nexudus stores it as JSON text in `ZoomEventData`
//! without documenting the shape; the board writes Zoom's own field names (`join_url`, `id`,
//! `password`, `start_time`, `duration`, `topic`) and reads them back leniently.

use crate::json::{parse, FromJson, Json, JsonError, Object};

use super::draft::FieldProblem;
use crate::i18n::Msg;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ZoomMeeting {
    pub join_url: String,
    pub meeting_id: String,
    pub passcode: String,
    /// `YYYY-MM-DDTHH:MM` as a datetime-local input gives it.
    pub start: String,
    /// Minutes; empty when not given.
    pub duration: String,
    pub topic: String,
}

impl ZoomMeeting {
    /// Problems by form field, checked before anything is sent.
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        let url = self.join_url.trim();
        if url.is_empty() {
            out.push(("zoom-join-url", Msg::ZoomNeedJoinLink));
        } else if !url.to_ascii_lowercase().starts_with("https://") || url.len() <= 8 || url.contains(char::is_whitespace) {
            out.push(("zoom-join-url", Msg::ZoomJoinLinkHttps));
        }
        let id: String = self.meeting_id.chars().filter(|c| !c.is_whitespace()).collect();
        if !id.is_empty() && (!(9..=11).contains(&id.len()) || !id.chars().all(|c| c.is_ascii_digit())) {
            out.push(("zoom-meeting-id", Msg::ZoomMeetingIdDigits));
        }
        if !self.start.trim().is_empty() && crate::model::dates::parse_timestamp_ms(self.start.trim()).is_none() {
            out.push(("zoom-start", Msg::ZoomStartDateTime));
        }
        let duration = self.duration.trim();
        if !duration.is_empty() && !duration.parse::<u32>().is_ok_and(|m| (1..=1440).contains(&m)) {
            out.push(("zoom-duration", Msg::ZoomDurationRange));
        }
        out
    }

    /// The `ZoomEventData` text.
    pub fn to_event_data(&self) -> String {
        let mut data = Object::new().with("join_url", self.join_url.trim());
        let id: String = self.meeting_id.chars().filter(|c| !c.is_whitespace()).collect();
        if !id.is_empty() {
            data.set("id", id);
        }
        for (key, value) in [("password", &self.passcode), ("start_time", &self.start), ("topic", &self.topic)] {
            if !value.trim().is_empty() {
                data.set(key, value.trim());
            }
        }
        if let Ok(minutes) = self.duration.trim().parse::<u32>() {
            data.set("duration", i64::from(minutes));
        }
        Json::Object(data).to_text()
    }

    /// Reads `ZoomEventData`, whoever wrote it; `None` if it is not a JSON object.
    pub fn from_event_data(text: &str) -> Option<ZoomMeeting> {
        let value = parse(text).ok()?;
        let obj = value.as_object()?;
        let text_of = |keys: &[&str]| {
            keys.iter()
                .find_map(|k| obj.get(k))
                .map(|v| match v {
                    Json::String(s) => s.clone(),
                    Json::Number(n) => n.clone(),
                    _ => String::new(),
                })
                .unwrap_or_default()
        };
        Some(ZoomMeeting {
            join_url: text_of(&["join_url", "JoinUrl", "joinUrl", "url"]),
            meeting_id: text_of(&["id", "meeting_id", "MeetingId"]),
            passcode: text_of(&["password", "passcode"]),
            start: text_of(&["start_time", "start"]),
            duration: text_of(&["duration"]),
            topic: text_of(&["topic"]),
        })
    }

    /// The form's fields as a draft keeps them.
    pub fn to_json(&self) -> Json {
        Object::new()
            .with("join_url", self.join_url.as_str())
            .with("meeting_id", self.meeting_id.as_str())
            .with("passcode", self.passcode.as_str())
            .with("start", self.start.as_str())
            .with("duration", self.duration.as_str())
            .with("topic", self.topic.as_str())
            .into()
    }

    /// The join link, if it is safe to put in an href (https only).
    pub fn safe_join_url(&self) -> Option<&str> {
        let url = self.join_url.trim();
        (url.to_ascii_lowercase().starts_with("https://") && !url.contains(char::is_whitespace)).then_some(url)
    }
}

impl FromJson for ZoomMeeting {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let o = value.object("a Zoom meeting")?;
        Ok(ZoomMeeting {
            join_url: o.text("join_url")?,
            meeting_id: o.text("meeting_id")?,
            passcode: o.text("passcode")?,
            start: o.text("start")?,
            duration: o.text("duration")?,
            topic: o.text("topic")?,
        })
    }
}
