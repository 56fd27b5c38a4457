//! Reading the Public API board's query strings and JSON bodies. Names match without regard
//! to case, as ASP.NET binds them. A malformed value is a 400 naming its parameter or
//! property; a body property the endpoint does not take is a 400 too, so nothing a client
//! sends is silently dropped.

use serde_json::{Map, Value};

use crate::error::{ApiError, FieldError};
use crate::list_query::{positive_int, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE};

/// A query string's parameters.
pub struct Query(Vec<(String, String)>);

impl Query {
    pub fn parse(raw: Option<&str>) -> Result<Query, ApiError> {
        serde_urlencoded::from_str(raw.unwrap_or(""))
            .map(Query)
            .map_err(|_| ApiError::invalid("query", "is not a valid query string", raw.unwrap_or("")))
    }

    /// The value of `name` (the last one, if repeated).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().rev().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// The value of `name`, trimmed; `None` when absent or empty (the portal sends empty ones).
    pub fn text(&self, name: &str) -> Option<&str> {
        self.get(name).map(str::trim).filter(|v| !v.is_empty())
    }

    /// A whole number, or `None` when absent or empty.
    pub fn id(&self, name: &str) -> Result<Option<i64>, ApiError> {
        self.text(name).map(|v| v.parse().map_err(|_| ApiError::invalid(name, "must be a whole number", v))).transpose()
    }

    /// `page` (default 1) and `size` (default 25, at most 1000).
    pub fn paging(&self) -> Result<(i64, i64), ApiError> {
        let page = self.text("page").map(|v| positive_int("page", v)).transpose()?.unwrap_or(1);
        let size = self.text("size").map(|v| positive_int("size", v)).transpose()?.unwrap_or(DEFAULT_PAGE_SIZE);
        Ok((page, size.min(MAX_PAGE_SIZE)))
    }
}

/// A request body: a JSON object, its properties matched without regard to case.
pub struct Body(Map<String, Value>);

impl Body {
    pub fn parse(bytes: &[u8]) -> Result<Body, ApiError> {
        match serde_json::from_slice::<Value>(bytes) {
            Ok(Value::Object(map)) => Ok(Body(map)),
            Ok(_) => Err(ApiError::invalid("", "The request body must be a JSON object.", Value::Null)),
            Err(e) => Err(ApiError::invalid("", &format!("The request body is not valid JSON: {e}"), Value::Null)),
        }
    }

    fn get(&self, prop: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k.eq_ignore_ascii_case(prop)).map(|(_, v)| v)
    }

    /// A 400 entry for each property not in `accepted`.
    pub fn reject_others(&self, accepted: &[&str], errors: &mut Vec<FieldError>) {
        for (key, value) in &self.0 {
            if !accepted.iter().any(|a| a.eq_ignore_ascii_case(key)) {
                errors.push(FieldError::new(key, "is not accepted by this endpoint", value.clone()));
            }
        }
    }

    /// A required text property: present, a string, and not blank.
    pub fn text(&self, prop: &str, errors: &mut Vec<FieldError>) -> Option<String> {
        match self.get(prop) {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
            None | Some(Value::Null) | Some(Value::String(_)) => {
                errors.push(FieldError::new(prop, "may not be null or empty", self.get(prop).cloned().unwrap_or(Value::Null)));
                None
            }
            Some(other) => {
                errors.push(FieldError::new(prop, "must be text", other.clone()));
                None
            }
        }
    }

    /// A required id. Numeric strings are read as numbers, as Newtonsoft does.
    pub fn id(&self, prop: &str, errors: &mut Vec<FieldError>) -> Option<i64> {
        let raw = self.get(prop).cloned().unwrap_or(Value::Null);
        let id = match &raw {
            Value::Null => {
                errors.push(FieldError::new(prop, "may not be null or empty", raw));
                return None;
            }
            Value::Number(n) => n.as_i64(),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        };
        if id.is_none() {
            errors.push(FieldError::new(prop, "must be a whole number", raw));
        }
        id
    }

    /// An optional list of tags (`["food","local"]`): trimmed, blanks and repeats dropped.
    /// Tags are stored comma-separated, so a tag may not hold a comma.
    pub fn tags(&self, prop: &str, errors: &mut Vec<FieldError>) -> Vec<String> {
        let items = match self.get(prop) {
            None | Some(Value::Null) => return Vec::new(),
            Some(Value::Array(items)) => items,
            Some(other) => {
                errors.push(FieldError::new(prop, "must be a list of tags", other.clone()));
                return Vec::new();
            }
        };
        let mut tags: Vec<String> = Vec::new();
        for item in items {
            match item {
                Value::String(s) if s.contains(',') => errors.push(FieldError::new(prop, "A tag may not contain a comma.", item.clone())),
                Value::String(s) => {
                    let tag = s.trim();
                    if !tag.is_empty() && !tags.iter().any(|t| t.to_lowercase() == tag.to_lowercase()) {
                        tags.push(tag.to_owned());
                    }
                }
                Value::Null => {}
                other => errors.push(FieldError::new(prop, "must be a list of tags", other.clone())),
            }
        }
        tags
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(errors: &[FieldError]) -> Vec<&str> {
        errors.iter().map(|e| e.property.as_str()).collect()
    }

    #[test]
    fn query_names_match_without_case_and_empty_means_absent() {
        let q = Query::parse(Some("GROUPID=&inbox=mine&page=2&size=5000")).unwrap();
        assert_eq!(q.id("groupId").unwrap(), None);
        assert_eq!(q.text("Inbox"), Some("mine"));
        assert_eq!(q.paging().unwrap(), (2, 1000));
        assert!(Query::parse(Some("groupId=x")).unwrap().id("groupId").is_err());
        assert!(Query::parse(Some("page=0")).unwrap().paging().is_err());
    }

    #[test]
    fn bodies_collect_every_problem() {
        let body = Body::parse(br#"{"groupid":"4001","Title":"  ","Content":5,"Tags":["a"," A ","",null,"b,c"],"Private":true}"#).unwrap();
        let mut errors = Vec::new();
        body.reject_others(&["GroupId", "Title", "Content", "Tags"], &mut errors);
        assert_eq!(body.id("GroupId", &mut errors), Some(4001));
        assert_eq!(body.text("Title", &mut errors), None);
        assert_eq!(body.text("Content", &mut errors), None);
        assert_eq!(body.tags("Tags", &mut errors), vec!["a"]);
        assert_eq!(names(&errors), ["Private", "Title", "Content", "Tags"]);
        assert!(Body::parse(b"[1]").is_err() && Body::parse(b"").is_err() && Body::parse(b"{").is_err());
    }
}
