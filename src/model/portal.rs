//! The Members Portal's Public API board (contract doc §8) on the wire, read and written with
//! serde, and how its answers become the board's own types.
//!
//! Its names differ from REST's (`GroupId`/`Title`/`Content` on create, `FullName` on
//! summaries, a nested `User` on a thread and a reply) and its docs contradict themselves, so
//! every documented variant is read: a list is a bare array or an object holding `Records` (or
//! `Groups`); `Tags` is an array or a comma string; `GroupAccess` a name or the REST number.
//! `Message` comes HTML-encoded and is decoded here, once.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::entities;
use super::marks::MarkState;
use super::zoom::ZoomMeeting;
use super::{CommunityGroup, CommunityMessage, CommunityThread, User};

/// A page of records: `ApiListResult<T>`, or a bare array where the docs say "returns an array".
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub records: Vec<T>,
    pub has_next_page: Option<bool>,
    pub current_page: Option<u32>,
    pub total_pages: Option<u32>,
    pub total_items: Option<u64>,
}

impl<T> Page<T> {
    /// Whether a later page exists: `HasNextPage`, else the page counts; a bare array is all.
    pub fn has_next(&self) -> bool {
        super::envelope::has_later_page(self.has_next_page, self.current_page, self.total_pages)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Page<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(PageVisitor(PhantomData))
    }
}

struct PageVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for PageVisitor<T> {
    type Value = Page<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of records, or an object with Records")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Page<T>, A::Error> {
        let mut records = Vec::new();
        while let Some(record) = seq.next_element()? {
            records.push(record);
        }
        Ok(Page { records, has_next_page: None, current_page: None, total_pages: None, total_items: None })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Page<T>, A::Error> {
        let mut page = Page { records: Vec::new(), has_next_page: None, current_page: None, total_pages: None, total_items: None };
        let mut found = false;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "Records" | "Groups" => {
                    page.records = map.next_value::<Option<Vec<T>>>()?.unwrap_or_default();
                    found = true;
                }
                "HasNextPage" => page.has_next_page = map.next_value()?,
                "CurrentPage" => page.current_page = map.next_value()?,
                "TotalPages" => page.total_pages = map.next_value()?,
                "TotalItems" => page.total_items = map.next_value()?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        if found {
            Ok(page)
        } else {
            Err(de::Error::missing_field("Records"))
        }
    }
}

/// `Tags`: `["a","b"]`, `"a,b"` or null, as a list of non-empty tags.
fn tags<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    struct TagsVisitor;
    impl<'de> Visitor<'de> for TagsVisitor {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("tags as an array or a comma-separated string")
        }
        fn visit_str<E: de::Error>(self, text: &str) -> Result<Vec<String>, E> {
            Ok(super::tags::from_wire(Some(text)))
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<String>, A::Error> {
            let mut out = Vec::new();
            while let Some(tag) = seq.next_element::<Option<String>>()? {
                out.extend(tag.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()));
            }
            Ok(out)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Vec<String>, E> {
            Ok(Vec::new())
        }
        fn visit_none<E: de::Error>(self) -> Result<Vec<String>, E> {
            Ok(Vec::new())
        }
    }
    deserializer.deserialize_any(TagsVisitor)
}

/// `GroupAccess`: `"Restricted"`/`"Public"`/`"Private"` here, `1`/`2`/`3` on REST.
fn access<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<i64>, D::Error> {
    struct AccessVisitor;
    impl<'de> Visitor<'de> for AccessVisitor {
        type Value = Option<i64>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an access level: Restricted, Public, Private or 1, 2, 3")
        }
        fn visit_str<E: de::Error>(self, text: &str) -> Result<Option<i64>, E> {
            match text.trim().to_ascii_lowercase().as_str() {
                "restricted" | "1" => Ok(Some(1)),
                "public" | "2" => Ok(Some(2)),
                "private" | "3" => Ok(Some(3)),
                _ => Err(E::invalid_value(de::Unexpected::Str(text), &self)),
            }
        }
        fn visit_i64<E: de::Error>(self, n: i64) -> Result<Option<i64>, E> {
            Ok(Some(n))
        }
        fn visit_u64<E: de::Error>(self, n: u64) -> Result<Option<i64>, E> {
            Ok(i64::try_from(n).ok())
        }
        fn visit_unit<E: de::Error>(self) -> Result<Option<i64>, E> {
            Ok(None)
        }
    }
    deserializer.deserialize_any(AccessVisitor)
}

/// A person as the Public API nests one (`User`), or a thing by id (`Business`, `CommunityThread`).
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Named {
    pub id: Option<i64>,
    pub full_name: Option<String>,
}

/// A row of the thread list.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ThreadSummary {
    pub id: i64,
    pub subject: Option<String>,
    pub message: Option<String>,
    #[serde(deserialize_with = "tags")]
    pub tags: Vec<String>,
    pub private: Option<bool>,
    pub user_id: Option<i64>,
    pub coworker_id: Option<i64>,
    pub full_name: Option<String>,
    pub group_id: Option<i64>,
    pub business_id: Option<i64>,
    pub message_count: Option<u64>,
    pub like_count: Option<u64>,
    pub last_message: Option<String>,
    pub last_message_utc: Option<String>,
    /// Who wrote the last reply (none without replies).
    pub last_message_user_full_name: Option<String>,
    pub created_on: Option<String>,
    pub created_on_utc: Option<String>,
}

/// One conversation, opened.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ThreadDetail {
    pub id: i64,
    pub subject: Option<String>,
    pub message: Option<String>,
    #[serde(deserialize_with = "tags")]
    pub tags: Vec<String>,
    #[serde(deserialize_with = "tags")]
    pub tags_array: Vec<String>,
    pub private: Option<bool>,
    pub group_id: Option<i64>,
    pub posted_on: Option<String>,
    pub utc_posted_on: Option<String>,
    pub last_message_date: Option<String>,
    pub has_zoom: Option<bool>,
    pub zoom_url: Option<String>,
    pub zoom_meeting_id: Option<String>,
    pub business: Option<Named>,
    pub user: Option<Named>,
    /// Not in the docs' field list; read when a tenant sends it (for the portrait).
    pub coworker_id: Option<i64>,
    pub message_count: Option<u64>,
    pub like_count: Option<u64>,
    pub created_on: Option<String>,
    pub created_on_utc: Option<String>,
}

/// A reply.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Reply {
    pub id: i64,
    pub message: Option<String>,
    pub posted_on: Option<String>,
    pub utc_posted_on: Option<String>,
    pub community_thread: Option<Named>,
    pub user: Option<Named>,
    pub like_count: Option<u64>,
    pub created_on: Option<String>,
    pub created_on_utc: Option<String>,
    pub updated_on_utc: Option<String>,
}

/// A group, with whether the signed-in member may post in it.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Group {
    pub id: i64,
    pub name: Option<String>,
    pub description: Option<String>,
    #[serde(deserialize_with = "access")]
    pub group_access: Option<i64>,
    pub can_post_messages: Option<bool>,
}

/// `POST …/board/threads`. Only what the Public API takes: no Private, guests, InstantDelivery
/// or Zoom (the composer does not offer them on this backend).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct NewThread<'a> {
    pub group_id: i64,
    pub title: &'a str,
    pub content: &'a str,
    pub tags: &'a [String],
}

/// `POST …/board/threads/{id}/messages`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct NewReply<'a> {
    pub content: &'a str,
}

/// The Public API's field names on create, as the board's forms name the same fields (so its
/// 400s appear beside the right field).
pub fn form_field(property: &str) -> &str {
    match property.to_ascii_lowercase().as_str() {
        "title" => "Subject",
        "content" => "Message",
        "groupid" => "CommunityGroupId",
        "threadid" => "CommunityThreadId",
        _ => property,
    }
}

fn text(value: Option<String>) -> String {
    value.unwrap_or_default()
}

/// The author an answer names (by id and name: the Public API's people carry no more the
/// board uses).
fn person(id: Option<i64>, full_name: Option<String>) -> Option<User> {
    id.map(|id| User { id, full_name: text(full_name), email: None, is_admin: false })
}

fn wire_tags(tags: &[String]) -> Option<String> {
    (!tags.is_empty()).then(|| tags.join(","))
}

impl ThreadSummary {
    /// The thread, and its author (the summary carries the name: no people lookup needed).
    pub fn into_thread(self) -> (CommunityThread, Option<User>) {
        let author = person(self.user_id, self.full_name);
        let thread = CommunityThread {
            id: self.id,
            business_id: self.business_id.unwrap_or_default(),
            community_group_id: self.group_id,
            user_id: self.user_id.unwrap_or_default(),
            coworker_id: self.coworker_id,
            subject: text(self.subject),
            message: entities::decode(&text(self.message)),
            tags: wire_tags(&self.tags),
            private: self.private.unwrap_or_default(),
            last_message_date: self.last_message_utc.or(self.last_message),
            created_on: self.created_on_utc.or(self.created_on),
            like_count: self.like_count,
            reply_count: self.message_count,
            last_reply_by: self.last_message_user_full_name.filter(|n| !n.trim().is_empty()),
            ..CommunityThread::default()
        };
        (thread, author)
    }
}

impl ThreadDetail {
    pub fn into_thread(self) -> (CommunityThread, Option<User>) {
        let user = self.user.unwrap_or_default();
        let author = person(user.id, user.full_name);
        let tags = if self.tags_array.is_empty() { self.tags } else { self.tags_array };
        let zoom = (self.has_zoom.unwrap_or(false) || self.zoom_url.is_some()).then(|| ZoomMeeting {
            join_url: text(self.zoom_url),
            meeting_id: text(self.zoom_meeting_id),
            ..ZoomMeeting::default()
        });
        let thread = CommunityThread {
            id: self.id,
            business_id: self.business.and_then(|b| b.id).unwrap_or_default(),
            community_group_id: self.group_id,
            user_id: user.id.unwrap_or_default(),
            coworker_id: self.coworker_id,
            subject: text(self.subject),
            message: entities::decode(&text(self.message)),
            tags: wire_tags(&tags),
            private: self.private.unwrap_or_default(),
            last_message_date: self.last_message_date,
            include_zoom_invite: zoom.is_some(),
            zoom_event_data: zoom.map(|z| z.to_event_data()),
            created_on: self.created_on_utc.or(self.utc_posted_on).or(self.posted_on).or(self.created_on),
            like_count: self.like_count,
            reply_count: self.message_count,
            ..CommunityThread::default()
        };
        (thread, author)
    }
}

impl Reply {
    pub fn into_message(self, thread: i64) -> (CommunityMessage, Option<User>) {
        let user = self.user.unwrap_or_default();
        let author = person(user.id, user.full_name);
        let message = CommunityMessage {
            id: self.id,
            community_thread_id: self.community_thread.and_then(|t| t.id).unwrap_or(thread),
            user_id: user.id.unwrap_or_default(),
            coworker_id: None,
            message: self.message.map(|m| entities::decode(&m)),
            created_on: self.created_on_utc.or(self.utc_posted_on).or(self.posted_on).or(self.created_on),
            updated_on: self.updated_on_utc,
            like: MarkState { count: self.like_count, on: None, record: None },
        };
        (message, author)
    }
}

impl Group {
    pub fn into_group(self) -> CommunityGroup {
        CommunityGroup {
            id: self.id,
            name: text(self.name),
            description: self.description,
            // Unknown levels read as Public, as on REST; posting follows `CanPostMessages`.
            group_access: self.group_access.unwrap_or(2),
            members: None,
            can_post: self.can_post_messages,
        }
    }
}
