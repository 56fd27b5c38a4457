//! Typed reads of an object's fields, with the API's leniency: a missing or null field reads
//! as its empty value (the contract's optional and nullable fields), while a field of the
//! wrong type is an error naming it (an answer that is not what the contract describes).

use super::{parse, Json, JsonError, Object};

/// A model type read from a JSON value.
pub trait FromJson: Sized {
    fn from_json(value: &Json) -> Result<Self, JsonError>;
}

/// Parses `text` and reads a `T` from it.
pub fn decode<T: FromJson>(text: &str) -> Result<T, JsonError> {
    T::from_json(&parse(text)?)
}

impl Json {
    /// This value as an object, or an error saying what it should have been.
    pub fn object(&self, what: &str) -> Result<&Object, JsonError> {
        self.as_object().ok_or_else(|| JsonError(format!("{what}: expected an object")))
    }
}

impl FromJson for Json {
    fn from_json(value: &Json) -> Result<Json, JsonError> {
        Ok(value.clone())
    }
}

impl FromJson for Object {
    fn from_json(value: &Json) -> Result<Object, JsonError> {
        value.object("the answer").cloned()
    }
}

fn wrong(key: &str, expected: &str) -> JsonError {
    JsonError(format!("{key}: expected {expected}"))
}

impl Object {
    /// The field, or `None` when missing or null.
    fn present(&self, key: &str) -> Option<&Json> {
        self.get(key).filter(|v| !v.is_null())
    }

    pub fn opt_int(&self, key: &str) -> Result<Option<i64>, JsonError> {
        self.present(key).map(|v| v.as_i64().ok_or_else(|| wrong(key, "a whole number"))).transpose()
    }

    pub fn int(&self, key: &str) -> Result<i64, JsonError> {
        Ok(self.opt_int(key)?.unwrap_or(0))
    }

    pub fn opt_text(&self, key: &str) -> Result<Option<String>, JsonError> {
        self.present(key).map(|v| v.as_str().map(str::to_owned).ok_or_else(|| wrong(key, "a string"))).transpose()
    }

    pub fn text(&self, key: &str) -> Result<String, JsonError> {
        Ok(self.opt_text(key)?.unwrap_or_default())
    }

    /// A string the contract requires: missing or null is an error too.
    pub fn required_text(&self, key: &str) -> Result<String, JsonError> {
        self.opt_text(key)?.ok_or_else(|| wrong(key, "a string"))
    }

    pub fn opt_flag(&self, key: &str) -> Result<Option<bool>, JsonError> {
        self.present(key)
            .map(|v| match v {
                Json::Bool(b) => Ok(*b),
                _ => Err(wrong(key, "true or false")),
            })
            .transpose()
    }

    pub fn flag(&self, key: &str) -> Result<bool, JsonError> {
        Ok(self.opt_flag(key)?.unwrap_or(false))
    }

    pub fn opt_list<T: FromJson>(&self, key: &str) -> Result<Option<Vec<T>>, JsonError> {
        self.present(key).map(|v| Vec::<T>::from_json(v).map_err(|e| JsonError(format!("{key}: {e}")))).transpose()
    }

    pub fn list<T: FromJson>(&self, key: &str) -> Result<Vec<T>, JsonError> {
        Ok(self.opt_list(key)?.unwrap_or_default())
    }

    pub fn opt_record<T: FromJson>(&self, key: &str) -> Result<Option<T>, JsonError> {
        self.present(key).map(T::from_json).transpose()
    }

    pub fn record<T: FromJson + Default>(&self, key: &str) -> Result<T, JsonError> {
        Ok(self.opt_record(key)?.unwrap_or_default())
    }
}

impl FromJson for String {
    fn from_json(value: &Json) -> Result<String, JsonError> {
        value.as_str().map(str::to_owned).ok_or_else(|| JsonError("expected a string".into()))
    }
}

impl FromJson for i64 {
    fn from_json(value: &Json) -> Result<i64, JsonError> {
        value.as_i64().ok_or_else(|| JsonError("expected a whole number".into()))
    }
}

/// A bare list answer (the users batch).
impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &Json) -> Result<Vec<T>, JsonError> {
        value.as_array().ok_or_else(|| JsonError("expected a list".into()))?.iter().map(T::from_json).collect()
    }
}
