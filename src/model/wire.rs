//! serde helpers for the API's leniency: a missing or null field reads as its empty value
//! (the contract's optional and nullable fields), while a field of the wrong type is still an
//! error naming it (an answer that is not what the contract describes).

use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;
use std::fmt;

/// `null` as the type's empty value; pair with `#[serde(default)]` for a missing field.
pub fn or_default<'de, D: Deserializer<'de>, T: Default + Deserialize<'de>>(deserializer: D) -> Result<T, D::Error> {
    Option::<T>::deserialize(deserializer).map(Option::unwrap_or_default)
}

/// A string or a number, kept as the text the server sent (`CurrentSortDirection` is `1` on
/// REST and `"ASC"` on the portal API); anything else reads as absent.
pub fn text_or_number<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    struct TextOrNumber;
    impl<'de> Visitor<'de> for TextOrNumber {
        type Value = Option<String>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string or a number")
        }
        fn visit_str<E: de::Error>(self, text: &str) -> Result<Option<String>, E> {
            Ok(Some(text.to_owned()))
        }
        fn visit_i64<E: de::Error>(self, n: i64) -> Result<Option<String>, E> {
            Ok(Some(n.to_string()))
        }
        fn visit_u64<E: de::Error>(self, n: u64) -> Result<Option<String>, E> {
            Ok(Some(n.to_string()))
        }
        fn visit_f64<E: de::Error>(self, n: f64) -> Result<Option<String>, E> {
            Ok(Some(n.to_string()))
        }
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Option<String>, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Option<String>, E> {
            Ok(None)
        }
        fn visit_none<E: de::Error>(self) -> Result<Option<String>, E> {
            Ok(None)
        }
        fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Option<String>, A::Error> {
            while seq.next_element::<de::IgnoredAny>()?.is_some() {}
            Ok(None)
        }
        fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Option<String>, A::Error> {
            while map.next_entry::<de::IgnoredAny, de::IgnoredAny>()?.is_some() {}
            Ok(None)
        }
    }
    deserializer.deserialize_any(TextOrNumber)
}
