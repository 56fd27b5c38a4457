//! Parses a list request's query string (paging, sorting, `<Entity>_<Prop>` filters,
//! `from_`/`to_` ranges, `Id`/`UniqueId`, and the `id=[..]` batch form) into SQL pieces.
//!
//! Every malformed value is a 400 with the offending parameter as `PropertyName`;
//! parameters the entity does not know are ignored, as ASP.NET model binding does.

use rusqlite::types::Value as SqlValue;

use crate::config::DirConvention;
use crate::entity::{Entity, Field, Kind};
use crate::error::ApiError;

pub const DEFAULT_PAGE_SIZE: i64 = 25;
pub const MAX_PAGE_SIZE: i64 = 1000;

#[derive(Debug, Clone)]
pub struct Paging {
    pub page: i64,
    pub size: i64,
    /// The property as Nexudus echoes it in `CurrentOrderField`.
    pub order_prop: &'static str,
    /// The SQL to order by, on table alias `t`.
    pub order_sql: String,
    pub descending: bool,
    /// `CurrentSortDirection` in the configured convention.
    pub dir_code: i64,
}

impl Paging {
    pub fn offset(&self) -> i64 {
        // Saturating: a page number near i64::MAX is an empty page, not an overflow.
        (self.page - 1).saturating_mul(self.size)
    }
}

/// A parsed list request.
#[derive(Debug)]
pub struct ListQuery {
    pub paging: Paging,
    /// SQL conditions on the entity's table (aliased `t`), ANDed, with their parameters.
    pub conditions: Vec<String>,
    pub params: Vec<SqlValue>,
    /// `?id=[1,2,3]`: the batch form, answered with a bare array.
    pub batch_ids: Option<Vec<i64>>,
}

/// Whether the query is the `?id=[..]` batch form, which needs the Read role, not List.
pub fn is_batch(raw: Option<&str>) -> bool {
    serde_urlencoded::from_str::<Vec<(String, String)>>(raw.unwrap_or(""))
        .map(|pairs| pairs.iter().any(|(k, v)| k.eq_ignore_ascii_case("id") && v.trim_start().starts_with('[')))
        .unwrap_or(false)
}

pub fn parse(raw: Option<&str>, entity: &Entity, convention: DirConvention) -> Result<ListQuery, ApiError> {
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(raw.unwrap_or("")).map_err(|_| ApiError::invalid("query", "is not a valid query string", raw.unwrap_or("")))?;

    let mut page = 1;
    let mut size = DEFAULT_PAGE_SIZE;
    let mut order: &'static Field = entity.field_by_prop("Id").expect("every entity has Id");
    let mut descending = false;
    let mut query = ListQuery {
        paging: Paging { page: 1, size, order_prop: "Id", order_sql: "t.id".into(), descending, dir_code: 0 },
        conditions: Vec::new(),
        params: Vec::new(),
        batch_ids: None,
    };
    let prefix = format!("{}_", entity.name);

    for (key, value) in &pairs {
        let lower = key.to_ascii_lowercase();
        match lower.as_str() {
            "page" => page = positive_int(key, value)?,
            "size" => size = positive_int(key, value)?.min(MAX_PAGE_SIZE),
            "orderby" => {
                order =
                    entity.field_by_prop(value).ok_or_else(|| ApiError::invalid(key, "is not a property that can be ordered by", value.as_str()))?;
            }
            "dir" => descending = parse_dir(key, value, convention)?,
            "id" if value.trim_start().starts_with('[') => query.batch_ids = Some(parse_id_list(key, value)?),
            _ => {}
        }
        // ASCII lowercasing keeps byte offsets, so slicing `key` by `lower`'s prefixes is sound.
        let (range, rest) = if lower.starts_with("from_") {
            (Some(Range::From), &key[5..])
        } else if lower.starts_with("to_") {
            (Some(Range::To), &key[3..])
        } else {
            (None, key.as_str())
        };
        let field = if rest.eq_ignore_ascii_case("Id") || rest.eq_ignore_ascii_case("UniqueId") {
            entity.field_by_filter(rest)
        } else if rest.get(..prefix.len()).is_some_and(|p| p.eq_ignore_ascii_case(&prefix)) {
            entity.field_by_filter(&rest[prefix.len()..])
        } else {
            None
        };
        let Some(field) = field else { continue };
        if lower == "id" && query.batch_ids.is_some() {
            continue;
        }
        add_condition(&mut query, field, range, key, value)?;
    }

    let dir_code = match (convention, descending) {
        (DirConvention::Dev, false) => 1,
        (DirConvention::Dev, true) => -1,
        (DirConvention::Learn, false) => 0,
        (DirConvention::Learn, true) => 1,
    };
    query.paging = Paging { page, size, order_prop: order.prop, order_sql: order.sql("t"), descending, dir_code };
    Ok(query)
}

#[derive(Clone, Copy)]
enum Range {
    From,
    To,
}

fn add_condition(q: &mut ListQuery, field: &Field, range: Option<Range>, key: &str, value: &str) -> Result<(), ApiError> {
    let col = field.sql("t");
    match (field.kind, range) {
        (Kind::Int, None) => {
            q.conditions.push(format!("{col} = ?"));
            q.params.push(SqlValue::Integer(int(key, value)?));
        }
        (Kind::Int, Some(r)) => {
            q.conditions.push(format!("{col} {} ?", if matches!(r, Range::From) { ">=" } else { "<=" }));
            q.params.push(SqlValue::Integer(int(key, value)?));
        }
        (Kind::Bool, None) => {
            q.conditions.push(format!("{col} = ?"));
            q.params.push(SqlValue::Integer(i64::from(boolean(key, value)?)));
        }
        (Kind::Text, None) => {
            // Text filters match a case-insensitive substring (Unicode-aware, see db.rs).
            q.conditions.push(format!("board_contains({col}, ?)"));
            q.params.push(SqlValue::Text(value.to_owned()));
        }
        (Kind::Date, None) => {
            let minute = date_minute(key, value)?;
            q.conditions.push(format!("substr({col}, 1, 16) = ?"));
            q.params.push(SqlValue::Text(minute));
        }
        (Kind::Date, Some(Range::From)) => {
            q.conditions.push(format!("{col} >= ?"));
            q.params.push(SqlValue::Text(format!("{}:00Z", date_minute(key, value)?)));
        }
        (Kind::Date, Some(Range::To)) => {
            // Inclusive of the whole named minute.
            q.conditions.push(format!("{col} <= ?"));
            q.params.push(SqlValue::Text(format!("{}:59Z", date_minute(key, value)?)));
        }
        (Kind::Bool | Kind::Text, Some(_)) => {} // Nexudus offers ranges on dates and numbers only.
    }
    Ok(())
}

/// `page` and `size`: a whole number of at least 1, else a 400 naming `key`.
pub fn positive_int(key: &str, value: &str) -> Result<i64, ApiError> {
    match value.trim().parse::<i64>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(ApiError::invalid(key, "must be a whole number of at least 1", value)),
    }
}

fn int(key: &str, value: &str) -> Result<i64, ApiError> {
    value.trim().parse().map_err(|_| ApiError::invalid(key, "must be a whole number", value))
}

fn boolean(key: &str, value: &str) -> Result<bool, ApiError> {
    match value.trim().to_ascii_lowercase().as_str() {
        "true" | "1" => Ok(true),
        "false" | "0" => Ok(false),
        _ => Err(ApiError::invalid(key, "must be true or false", value)),
    }
}

fn parse_dir(key: &str, value: &str, convention: DirConvention) -> Result<bool, ApiError> {
    let v = value.trim().to_ascii_lowercase();
    let descending = match (v.as_str(), convention) {
        ("ascending" | "asc", _) => false,
        ("descending" | "desc", _) => true,
        ("-1", _) => true,
        ("0", _) => false,
        ("1", DirConvention::Dev) => false,
        ("1", DirConvention::Learn) => true,
        _ => return Err(ApiError::invalid(key, "must be 1, -1, 0, Ascending or Descending", value)),
    };
    Ok(descending)
}

fn parse_id_list(key: &str, value: &str) -> Result<Vec<i64>, ApiError> {
    let inner = value.trim().strip_prefix('[').and_then(|v| v.strip_suffix(']'));
    let inner = inner.ok_or_else(|| ApiError::invalid(key, "must be a list like [1,2,3]", value))?;
    if inner.trim().is_empty() {
        return Ok(Vec::new());
    }
    inner.split(',').map(|part| int(key, part)).collect()
}

/// Accepts the documented `YYYY-MM-DDTHH:mm`, and the same with seconds, fractions or `Z`,
/// and returns the `YYYY-MM-DDTHH:MM` prefix used for comparison.
fn date_minute(key: &str, value: &str) -> Result<String, ApiError> {
    let v = value.trim();
    let ok = v.len() >= 16 && v.is_char_boundary(16) && chrono::NaiveDateTime::parse_from_str(&v[..16], "%Y-%m-%dT%H:%M").is_ok();
    if ok {
        Ok(v[..16].to_owned())
    } else {
        Err(ApiError::invalid(key, "must be a date and time like 2025-01-01T00:00", value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::COMMUNITY_THREAD;

    fn q(s: &str) -> ListQuery {
        parse(Some(s), &COMMUNITY_THREAD, DirConvention::Dev).unwrap()
    }

    #[test]
    fn defaults_are_first_page_of_25_by_id_ascending() {
        let p = q("").paging;
        assert_eq!((p.page, p.size, p.order_prop, p.descending, p.dir_code), (1, 25, "Id", false, 1));
    }

    #[test]
    fn size_is_capped_at_1000_and_zero_is_refused() {
        assert_eq!(q("size=5000").paging.size, 1000);
        assert!(parse(Some("size=0"), &COMMUNITY_THREAD, DirConvention::Dev).is_err());
    }

    #[test]
    fn dir_one_depends_on_the_convention() {
        assert!(!q("dir=1").paging.descending);
        let learn = parse(Some("dir=1"), &COMMUNITY_THREAD, DirConvention::Learn).unwrap();
        assert!(learn.paging.descending);
        assert!(q("dir=Descending").paging.descending);
        assert!(q("dir=-1").paging.descending);
    }

    #[test]
    fn foreign_key_filters_drop_the_id_suffix() {
        let query = q("CommunityThread_CommunityGroup=4001");
        assert_eq!(query.conditions, vec!["t.community_group_id = ?".to_owned()]);
    }

    #[test]
    fn ranges_and_batch_forms_parse() {
        let query = q("from_CommunityThread_CreatedOn=2025-01-01T00:00&id=[3,4]");
        assert_eq!(query.batch_ids, Some(vec![3, 4]));
        assert_eq!(query.conditions, vec!["t.created_on >= ?".to_owned()]);
        assert!(parse(Some("from_CommunityThread_CreatedOn=yesterday"), &COMMUNITY_THREAD, DirConvention::Dev).is_err());
    }
}
