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

#[derive(Clone, Copy, Debug)]
pub struct Field {
    /// The JSON property, e.g. `CommunityGroupId`.
    pub prop: &'static str,
    pub column: &'static str,
    pub kind: Kind,
    /// The filter suffix after `<Entity>_`: foreign keys drop their `Id` (`CommunityGroup`).
    /// `None` for properties that cannot be filtered.
    pub filter: Option<&'static str>,
}

const fn field(prop: &'static str, column: &'static str, kind: Kind, filter: &'static str) -> Field {
    Field { prop, column, kind, filter: Some(filter) }
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
}

/// Fields every Nexudus record carries after its own.
pub const COMMON_FIELDS: &[Field] = &[
    field("Id", "id", Kind::Int, "Id"),
    field("UniqueId", "unique_id", Kind::Text, "UniqueId"),
    field("CreatedOn", "created_on", Kind::Date, "CreatedOn"),
    field("UpdatedOn", "updated_on", Kind::Date, "UpdatedOn"),
    Field { prop: "UpdatedBy", column: "updated_by", kind: Kind::Text, filter: None },
    field("SystemId", "system_id", Kind::Text, "SystemId"),
];

pub const COMMUNITY_THREAD: Entity = Entity {
    name: "CommunityThread",
    table: "community_threads",
    fields: &[
        field("BusinessId", "business_id", Kind::Int, "Business"),
        field("CommunityGroupId", "community_group_id", Kind::Int, "CommunityGroup"),
        field("UserId", "user_id", Kind::Int, "User"),
        field("CoworkerId", "coworker_id", Kind::Int, "Coworker"),
        field("Subject", "subject", Kind::Text, "Subject"),
        field("Message", "message", Kind::Text, "Message"),
        field("InstantDelivery", "instant_delivery", Kind::Bool, "InstantDelivery"),
        field("Tags", "tags", Kind::Text, "Tags"),
        field("Private", "private", Kind::Bool, "Private"),
        field("LastMessageDate", "last_message_date", Kind::Date, "LastMessageDate"),
        field("IncludeZoomInvite", "include_zoom_invite", Kind::Bool, "IncludeZoomInvite"),
        field("ZoomEventData", "zoom_event_data", Kind::Text, "ZoomEventData"),
    ],
    to_string_column: "subject",
};

pub const USER: Entity = Entity {
    name: "User",
    table: "users",
    fields: &[
        field("FullName", "full_name", Kind::Text, "FullName"),
        field("Email", "email", Kind::Text, "Email"),
        field("Active", "active", Kind::Bool, "Active"),
        field("IsAdmin", "is_admin", Kind::Bool, "IsAdmin"),
        field("Language", "language", Kind::Int, "Language"),
    ],
    to_string_column: "full_name",
};

impl Entity {
    pub fn all_fields(&self) -> impl Iterator<Item = &'static Field> + '_ {
        self.fields.iter().chain(COMMON_FIELDS.iter())
    }

    /// The property named `name`, matched case-insensitively as ASP.NET binding does.
    pub fn field_by_prop(&self, name: &str) -> Option<&'static Field> {
        self.all_fields().find(|f| f.prop.eq_ignore_ascii_case(name))
    }

    /// The property whose filter suffix is `suffix` (`CommunityGroup`, `Subject`, ...).
    pub fn field_by_filter(&self, suffix: &str) -> Option<&'static Field> {
        self.all_fields().find(|f| f.filter.is_some_and(|s| s.eq_ignore_ascii_case(suffix)))
    }

    /// `SELECT` list matching `record_from_row`.
    pub fn select_columns(&self, alias: &str) -> String {
        let mut cols: Vec<String> = self.all_fields().map(|f| format!("{alias}.{}", f.column)).collect();
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
