//! Native tests of the board's own JSON (src/json/), checked against serde_json as an
//! independent reading of the same texts.
#![cfg(not(target_arch = "wasm32"))]

use community_board::json::{decode, parse, FromJson, Json, Object};
use community_board::model::{CommunityGroup, ListEnvelope, Profile};

/// serde_json's reading of our text, and of the original, must agree.
fn same_as_serde(text: &str) {
    let ours = parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
    let written = ours.to_text();
    let reference: serde_json::Value = serde_json::from_str(text).unwrap();
    let rewritten: serde_json::Value = serde_json::from_str(&written).unwrap_or_else(|e| panic!("{written}: {e}"));
    assert_eq!(rewritten, reference, "{text} → {written}");
}

#[test]
fn valid_texts_read_and_write_back_as_the_same_json() {
    for text in [
        "null",
        " true ",
        "[false, null, 0, -0, 12, -3.5e2, 1E+2, 0.125]",
        r#"{"a": {"b": [1, {"c": "d"}]}, "e": []}"#,
        r#""plain""#,
        r#""quote \" backslash \\ slash \/ controls \b\f\n\r\t""#,
        r#""\u00e9 é \u20ac \ud83d\ude00 😀""#,
        r#""<script>alert('x')</script>""#,
        r#"{"Id": 9223372036854775807, "Name": ""}"#,
    ] {
        same_as_serde(text);
    }
}

#[test]
fn every_character_a_member_can_type_survives_a_round_trip() {
    let mut all = String::new();
    for code in (0u32..0x800).chain([0xFFFD, 0x1F600, 0x10FFFF]) {
        if let Some(c) = char::from_u32(code) {
            all.push(c);
        }
    }
    let written = Json::from(all.as_str()).to_text();
    assert_eq!(parse(&written).unwrap(), Json::String(all.clone()));
    assert_eq!(serde_json::from_str::<String>(&written).unwrap(), all, "serde_json reads our escapes the same");
}

#[test]
fn invalid_texts_are_refused_with_where_and_why() {
    for (text, why) in [
        ("", "ended before a value"),
        ("{", "expected a member name"),
        (r#"{"a" 1}"#, "expected `:`"),
        (r#"{"a": 1,}"#, "expected a member name"),
        ("[1 2]", "expected `,` or `]`"),
        ("[1,]", "expected a value"),
        ("01", "unexpected text after the value"),
        ("1.", "expected a digit after `.`"),
        ("-", "expected a digit"),
        ("1e", "expected an exponent"),
        ("tru", "expected a value"),
        ("\"abc", "ended inside a string"),
        ("\"a\tb\"", "control character"),
        (r#""\x""#, "unknown escape"),
        (r#""\u12G4""#, "bad \\u escape"),
        ("{} {}", "unexpected text after the value"),
        ("<html>502 Bad Gateway</html>", "expected a value"),
    ] {
        let error = parse(text).expect_err(text);
        assert!(error.0.contains(why) && error.0.contains("at byte"), "{text:?}: {error}");
        assert!(serde_json::from_str::<serde_json::Value>(text).is_err(), "serde_json refuses {text:?} too");
    }
}

#[test]
fn hostile_nesting_is_refused_without_exhausting_the_stack() {
    let deep = "[".repeat(100_000);
    assert!(parse(&deep).unwrap_err().0.contains("nested too deeply"));
    let fine = format!("{}{}", "[".repeat(100), "]".repeat(100));
    assert!(parse(&fine).is_ok());
}

#[test]
fn a_lone_surrogate_becomes_a_replacement_character() {
    assert_eq!(parse(r#""a\ud800b""#).unwrap(), Json::String("a\u{FFFD}b".into()));
    assert_eq!(parse(r#""\udc00""#).unwrap(), Json::String("\u{FFFD}".into()));
}

#[test]
fn objects_keep_their_order_and_set_replaces_in_place() {
    let mut o = parse(r#"{"b": 1, "a": 2, "b": 3}"#).unwrap().as_object().unwrap().clone();
    assert_eq!(o.get("b").and_then(Json::as_i64), Some(3), "a repeated key reads as its last value");
    o.set("a", "two");
    o.set("z", Json::Null);
    assert_eq!(Json::Object(o).to_text(), r#"{"b":1,"a":"two","b":3,"z":null}"#);
}

#[test]
fn fields_read_leniently_when_missing_or_null_and_strictly_when_mistyped() {
    let group = decode::<CommunityGroup>(r#"{"Id": 4001, "Name": null, "GroupAccess": 1, "Members": [3001, 3002]}"#).unwrap();
    assert_eq!((group.id, group.name.as_str(), group.members), (4001, "", Some(vec![3001, 3002])));
    let missing = decode::<CommunityGroup>("{}").unwrap();
    assert_eq!((missing.id, missing.members), (0, None));
    for (text, names) in [
        (r#"{"Id": "4001"}"#, "Id: expected a whole number"),
        (r#"{"Id": 40.5}"#, "Id: expected a whole number"),
        (r#"{"Name": 7}"#, "Name: expected a string"),
        (r#"{"Members": [1, "x"]}"#, "Members: expected a whole number"),
        (r#"{"Members": {}}"#, "Members: expected a list"),
        ("[]", "a group: expected an object"),
    ] {
        assert_eq!(decode::<CommunityGroup>(text).unwrap_err().0, names, "{text}");
    }
    let list = decode::<ListEnvelope<CommunityGroup>>(r#"{"TotalItems": 3}"#).unwrap_err();
    assert_eq!(list.0, "Records: missing");
    let bad_record = decode::<ListEnvelope<CommunityGroup>>(r#"{"Records": [{"Id": true}]}"#).unwrap_err();
    assert_eq!(bad_record.0, "Records: Id: expected a whole number");
}

#[test]
fn the_member_kept_over_a_reload_reads_back_as_it_was() {
    let text = r#"{"User": {"Id": 2002, "FullName": "Tomás \"T\" García", "Email": null},
        "DefaultBusiness": {"Id": 1001, "Name": "Demo Space"},
        "Profiles": [{"Id": 3002, "IsDefaultProfile": true}, {"Id": 3003, "IsDefaultProfile": false}]}"#;
    let profile = Profile::from_json(&parse(text).unwrap()).unwrap();
    let kept = profile.to_json().to_text();
    assert_eq!(decode::<Profile>(&kept).unwrap(), profile);
    assert_eq!(profile.author().coworker_id, Some(3002));
    let built = Object::new().with("n", 5).with("s", "x").with("none", None::<i64>).with("list", vec![1i64, 2]);
    assert_eq!(Json::Object(built).to_text(), r#"{"n":5,"s":"x","none":null,"list":[1,2]}"#);
}
