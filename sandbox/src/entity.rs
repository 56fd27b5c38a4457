//! Entity descriptions: which table holds an entity, which JSON property maps to which
//! column, and how each property may be filtered. The list, get and batch handlers are
//! written once against these descriptions.

use rusqlite::types::ValueRef;
use serde_json::{Map, Value};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Int,
    /// Stored as 0/1, sent as JSON booleans.
    Bool,
    Text,
    /// ISO-8601 UTC text (`2025-01-15T10:30:00Z`), so text order is time order.
    Date,
}

/// Whether a client may set a property, and must.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Maintained by the server; ignored in request bodies.
    ReadOnly,
    /// POST and PUT fail with a validation error without it.
    Required,
    /// May be sent; on PUT, leaving it out clears it (full replacement).
    Optional,
}

#[derive(Clone, Copy, Debug)]
pub struct Field {
    /// The JSON property, e.g. `CommunityGroupId`.
    pub prop: &'static str,
    pub column: &'static str,
    pub kind: Kind,
    /// The filter suffix after `<Entity>_`: foreign keys drop their `Id` (`CommunityGroup`).
    /// `None` for properties that cannot be filtered.
    pub filter: Option<&'static str>,
    pub access: Access,
}

/// An optional, filterable property.
const fn field(prop: &'static str, column: &'static str, kind: Kind, filter: &'static str) -> Field {
    Field { prop, column, kind, filter: Some(filter), access: Access::Optional }
}

const fn required(prop: &'static str, column: &'static str, kind: Kind, filter: &'static str) -> Field {
    Field { access: Access::Required, ..field(prop, column, kind, filter) }
}

const fn read_only(prop: &'static str, column: &'static str, kind: Kind, filter: &'static str) -> Field {
    Field { access: Access::ReadOnly, ..field(prop, column, kind, filter) }
}

impl Field {
    /// The SQL for this property on table alias `alias`. A column written in parentheses is
    /// an expression (a looked-up name, say) and is used as it is.
    pub fn sql(&self, alias: &str) -> String {
        if self.column.starts_with('(') {
            self.column.replace("{t}", alias)
        } else {
            format!("{alias}.{}", self.column)
        }
    }
}

#[derive(Debug)]
pub struct Entity {
    /// `CommunityThread`: the filter prefix, the role prefix and the message noun.
    pub name: &'static str,
    pub table: &'static str,
    /// Own fields, in the order Nexudus sends them; the common fields follow.
    pub fields: &'static [Field],
    /// The column shown as `ToStringText`.
    pub to_string_column: &'static str,
    /// Filters on a related record's property (`CommunityGroup_Business_Name` style), which
    /// are not properties of the record itself.
    pub related_filters: &'static [Field],
}

/// Fields every Nexudus record carries after its own.
pub const COMMON_FIELDS: &[Field] = &[
    read_only("Id", "id", Kind::Int, "Id"),
    read_only("UniqueId", "unique_id", Kind::Text, "UniqueId"),
    read_only("CreatedOn", "created_on", Kind::Date, "CreatedOn"),
    read_only("UpdatedOn", "updated_on", Kind::Date, "UpdatedOn"),
    Field { prop: "UpdatedBy", column: "updated_by", kind: Kind::Text, filter: None, access: Access::ReadOnly },
    field("SystemId", "system_id", Kind::Text, "SystemId"),
];

pub const COMMUNITY_THREAD: Entity = Entity {
    name: "CommunityThread",
    table: "community_threads",
    fields: &[
        required("BusinessId", "business_id", Kind::Int, "Business"),
        field("CommunityGroupId", "community_group_id", Kind::Int, "CommunityGroup"),
        required("UserId", "user_id", Kind::Int, "User"),
        field("CoworkerId", "coworker_id", Kind::Int, "Coworker"),
        required("Subject", "subject", Kind::Text, "Subject"),
        required("Message", "message", Kind::Text, "Message"),
        field("InstantDelivery", "instant_delivery", Kind::Bool, "InstantDelivery"),
        field("Tags", "tags", Kind::Text, "Tags"),
        field("Private", "private", Kind::Bool, "Private"),
        read_only("LastMessageDate", "last_message_date", Kind::Date, "LastMessageDate"),
        field("IncludeZoomInvite", "include_zoom_invite", Kind::Bool, "IncludeZoomInvite"),
        field("ZoomEventData", "zoom_event_data", Kind::Text, "ZoomEventData"),
    ],
    to_string_column: "subject",
    related_filters: &[],
};

pub const COMMUNITY_MESSAGE: Entity = Entity {
    name: "CommunityMessage",
    table: "community_messages",
    fields: &[
        required("CommunityThreadId", "community_thread_id", Kind::Int, "CommunityThread"),
        required("UserId", "user_id", Kind::Int, "User"),
        field("CoworkerId", "coworker_id", Kind::Int, "Coworker"),
        // Optional, surprisingly, per the docs.
        field("Message", "message", Kind::Text, "Message"),
    ],
    to_string_column: "message",
    related_filters: &[],
};

pub const COMMUNITY_GROUP: Entity = Entity {
    name: "CommunityGroup",
    table: "community_groups",
    fields: &[
        required("BusinessId", "business_id", Kind::Int, "Business"),
        read_only("BusinessName", "(SELECT b.name FROM businesses b WHERE b.id = {t}.business_id)", Kind::Text, "Business_Name"),
        required("UserId", "user_id", Kind::Int, "User"),
        required("Name", "name", Kind::Text, "Name"),
        field("Description", "description", Kind::Text, "Description"),
        required("GroupAccess", "group_access", Kind::Int, "GroupAccess"),
        field("TeamGuid", "team_guid", Kind::Text, "TeamGuid"),
        field("CourseGuid", "course_guid", Kind::Text, "CourseGuid"),
    ],
    to_string_column: "name",
    related_filters: &[],
};

/// Follows, likes and mutes: one user's mark on one thread.
const THREAD_MARK_FIELDS: &[Field] = &[required("ThreadId", "thread_id", Kind::Int, "Thread"), required("UserId", "user_id", Kind::Int, "User")];

const fn thread_mark(name: &'static str, table: &'static str) -> Entity {
    Entity { name, table, fields: THREAD_MARK_FIELDS, to_string_column: "unique_id", related_filters: &[] }
}

pub const COMMUNITY_THREAD_FOLLOW: Entity = thread_mark("CommunityThreadFollow", "community_thread_follows");
pub const COMMUNITY_THREAD_LIKE: Entity = thread_mark("CommunityThreadLike", "community_thread_likes");
pub const COMMUNITY_THREAD_MUTE: Entity = thread_mark("CommunityThreadMute", "community_thread_mutes");

/// A user's like on a reply. The path and fields are inferred (contract doc §7); so is the
/// filter by the reply's thread, named after the documented nested filters
/// (`CommunityGroup_Business_Name`), which lets a page of replies get its likes in one request.
pub const COMMUNITY_MESSAGE_LIKE: Entity = Entity {
    name: "CommunityMessageLike",
    table: "community_message_likes",
    fields: &[required("MessageId", "message_id", Kind::Int, "Message"), required("UserId", "user_id", Kind::Int, "User")],
    to_string_column: "unique_id",
    related_filters: &[read_only(
        "MessageCommunityThreadId",
        "(SELECT m.community_thread_id FROM community_messages m WHERE m.id = {t}.message_id)",
        Kind::Int,
        "Message_CommunityThread",
    )],
};

/// A picture or file on a thread's opening post. `NewFileDataUrl` and `ClearFileDataFile` are
/// write-only and not columns (`routes::files`); the filters on them that the docs list are
/// not offered, as filtering on a value never stored means nothing.
pub const COMMUNITY_THREAD_FILE: Entity = Entity {
    name: "CommunityThreadFile",
    table: "community_thread_files",
    fields: &[
        required("CommunityThreadId", "community_thread_id", Kind::Int, "CommunityThread"),
        field("Name", "name", Kind::Text, "Name"),
        field("Description", "description", Kind::Text, "Description"),
        read_only("FileDataFileName", "file_data_file_name", Kind::Text, "FileDataFileName"),
    ],
    to_string_column: "name",
    related_filters: &[],
};

pub const USER: Entity = Entity {
    name: "User",
    table: "users",
    fields: &[
        read_only("FullName", "full_name", Kind::Text, "FullName"),
        read_only("Email", "email", Kind::Text, "Email"),
        read_only("Active", "active", Kind::Bool, "Active"),
        read_only("IsAdmin", "is_admin", Kind::Bool, "IsAdmin"),
        read_only("Language", "language", Kind::Int, "Language"),
    ],
    to_string_column: "full_name",
    related_filters: &[],
};

pub const COWORKER: Entity = Entity {
    name: "Coworker",
    table: "coworkers",
    fields: &[
        read_only("UserId", "user_id", Kind::Int, "User"),
        read_only("BusinessId", "business_id", Kind::Int, "Business"),
        read_only("FullName", "full_name", Kind::Text, "FullName"),
        read_only("Email", "email", Kind::Text, "Email"),
        read_only("CompanyName", "company_name", Kind::Text, "CompanyName"),
        read_only("Position", "position", Kind::Text, "Position"),
        read_only("CanAccessCommunity", "can_access_community", Kind::Bool, "CanAccessCommunity"),
    ],
    to_string_column: "full_name",
    related_filters: &[],
};

pub const BUSINESS: Entity = Entity {
    name: "Business",
    table: "businesses",
    fields: &[read_only("Name", "name", Kind::Text, "Name"), read_only("WebAddress", "web_address", Kind::Text, "WebAddress")],
    to_string_column: "name",
    related_filters: &[],
};

impl Entity {
    /// Properties a request body may set.
    pub fn writable_fields(&self) -> impl Iterator<Item = &'static Field> + '_ {
        self.all_fields().filter(|f| f.access != Access::ReadOnly)
    }

    pub fn all_fields(&self) -> impl Iterator<Item = &'static Field> + '_ {
        self.fields.iter().chain(COMMON_FIELDS.iter())
    }

    /// The property named `name`, matched case-insensitively as ASP.NET binding does.
    pub fn field_by_prop(&self, name: &str) -> Option<&'static Field> {
        self.all_fields().find(|f| f.prop.eq_ignore_ascii_case(name))
    }

    /// The property whose filter suffix is `suffix` (`CommunityGroup`, `Subject`, ...).
    pub fn field_by_filter(&self, suffix: &str) -> Option<&'static Field> {
        self.all_fields().chain(self.related_filters).find(|f| f.filter.is_some_and(|s| s.eq_ignore_ascii_case(suffix)))
    }

    /// `SELECT` list matching `record_from_row`.
    pub fn select_columns(&self, alias: &str) -> String {
        let mut cols: Vec<String> = self.all_fields().map(|f| f.sql(alias)).collect();
        cols.push(format!("{alias}.{}", self.to_string_column));
        cols.join(", ")
    }

    /// Builds the JSON record from a row selected with `select_columns`.
    pub fn record_from_row(&self, row: &rusqlite::Row<'_>) -> rusqlite::Result<Map<String, Value>> {
        let mut record = Map::new();
        let mut index = 0;
        for f in self.fields {
            record.insert(f.prop.to_owned(), column_value(row, index, f.kind)?);
            index += 1;
        }
        for f in COMMON_FIELDS {
            record.insert(f.prop.to_owned(), column_value(row, index, f.kind)?);
            index += 1;
            if f.prop == "UpdatedBy" {
                // Nexudus places IsNew between UpdatedBy and SystemId.
                record.insert("IsNew".into(), Value::Bool(false));
            }
        }
        record.insert("ToStringText".into(), column_value(row, index, Kind::Text)?);
        record.insert("LocalizationDetails".into(), Value::Null);
        record.insert("CustomFields".into(), Value::Null);
        Ok(record)
    }
}

fn column_value(row: &rusqlite::Row<'_>, index: usize, kind: Kind) -> rusqlite::Result<Value> {
    Ok(match (row.get_ref(index)?, kind) {
        (ValueRef::Null, _) => Value::Null,
        (ValueRef::Integer(i), Kind::Bool) => Value::Bool(i != 0),
        (ValueRef::Integer(i), _) => Value::from(i),
        (ValueRef::Real(r), _) => Value::from(r),
        (ValueRef::Text(t), _) => Value::String(String::from_utf8_lossy(t).into_owned()),
        (ValueRef::Blob(_), _) => Value::Null,
    })
}
