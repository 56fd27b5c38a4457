//! The Zoom meeting attached to a thread. Nexudus stores it as JSON text in `ZoomEventData`
//! without documenting the shape; the board writes Zoom's own field names (`join_url`, `id`,
//! `password`, `start_time`, `duration`, `topic`) and reads them back leniently.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::problem::FieldProblem;
use super::wire;
use crate::i18n::LaterMsg;

/// The form's fields; a draft keeps them under these names.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct ZoomMeeting {
    #[serde(deserialize_with = "wire::or_default")]
    pub join_url: String,
    #[serde(deserialize_with = "wire::or_default")]
    pub meeting_id: String,
    #[serde(deserialize_with = "wire::or_default")]
    pub passcode: String,
    /// `YYYY-MM-DDTHH:MM` as a datetime-local input gives it.
    #[serde(deserialize_with = "wire::or_default")]
    pub start: String,
    /// Minutes; empty when not given.
    #[serde(deserialize_with = "wire::or_default")]
    pub duration: String,
    #[serde(deserialize_with = "wire::or_default")]
    pub topic: String,
}

/// `ZoomEventData` as the board writes it: Zoom's own names, empty fields left out.
#[derive(Serialize)]
struct EventData<'a> {
    join_url: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    password: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_time: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    topic: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    duration: Option<u32>,
}

impl ZoomMeeting {
    /// Problems by form field, checked before anything is sent.
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        let url = self.join_url.trim();
        if url.is_empty() {
            out.push(("zoom-join-url", LaterMsg::ZoomNeedJoinLink));
        } else if !url.to_ascii_lowercase().starts_with("https://") || url.len() <= 8 || url.contains(char::is_whitespace) {
            out.push(("zoom-join-url", LaterMsg::ZoomJoinLinkHttps));
        }
        let id: String = self.meeting_id.chars().filter(|c| !c.is_whitespace()).collect();
        if !id.is_empty() && (!(9..=11).contains(&id.len()) || !id.chars().all(|c| c.is_ascii_digit())) {
            out.push(("zoom-meeting-id", LaterMsg::ZoomMeetingIdDigits));
        }
        if !self.start.trim().is_empty() && crate::model::dates::parse_timestamp_ms(self.start.trim()).is_none() {
            out.push(("zoom-start", LaterMsg::ZoomStartDateTime));
        }
        let duration = self.duration.trim();
        if !duration.is_empty() && !duration.parse::<u32>().is_ok_and(|m| (1..=1440).contains(&m)) {
            out.push(("zoom-duration", LaterMsg::ZoomDurationRange));
        }
        out
    }

    /// The `ZoomEventData` text.
    pub fn to_event_data(&self) -> String {
        fn given(value: &str) -> Option<&str> {
            Some(value.trim()).filter(|v| !v.is_empty())
        }
        let id: String = self.meeting_id.chars().filter(|c| !c.is_whitespace()).collect();
        let data = EventData {
            join_url: self.join_url.trim(),
            id: (!id.is_empty()).then_some(id),
            password: given(&self.passcode),
            start_time: given(&self.start),
            topic: given(&self.topic),
            duration: self.duration.trim().parse().ok(),
        };
        // Plain strings and numbers: writing them cannot fail.
        serde_json::to_string(&data).unwrap_or_default()
    }

    /// Reads `ZoomEventData`, whoever wrote it; `None` if it is not a JSON object. Each field
    /// takes the first of its known names that is there, as a string or a number.
    pub fn from_event_data(text: &str) -> Option<ZoomMeeting> {
        let obj: Map<String, Value> = serde_json::from_str(text).ok()?;
        let text_of = |keys: &[&str]| {
            keys.iter()
                .find_map(|k| obj.get(*k))
                .map(|v| match v {
                    Value::String(s) => s.clone(),
                    Value::Number(n) => n.to_string(),
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

    /// The join link, if it is safe to put in an href (https only).
    pub fn safe_join_url(&self) -> Option<&str> {
        let url = self.join_url.trim();
        (url.to_ascii_lowercase().starts_with("https://") && !url.contains(char::is_whitespace)).then_some(url)
    }
}
