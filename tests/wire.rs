//! Native tests of how the board reads and writes the wire with serde (src/model/): lenient
//! where the contract is (missing and null fields), strict where an answer is not what it
//! describes, and safe on hostile input.
#![cfg(not(target_arch = "wasm32"))]

use community_board::model::draft::{RawRecord, ThreadDraft};
use community_board::model::json_read::from_json;
use community_board::model::{ActionEnvelope, CommunityGroup, CommunityThread, ListEnvelope, Profile};

/// Reads as the board does (`model::json_read::from_json`: a record only from an object).
fn read<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    from_json(text).map_err(|e| e.to_string())
}

#[test]
fn fields_read_leniently_when_missing_or_null_and_strictly_when_mistyped() {
    let group = read::<CommunityGroup>(r#"{"Id": 4001, "Name": null, "GroupAccess": 1, "Members": [3001, 3002]}"#).unwrap();
    assert_eq!((group.id, group.name.as_str(), group.members), (4001, "", Some(vec![3001, 3002])));
    let missing = read::<CommunityGroup>("{}").unwrap();
    assert_eq!((missing.id, missing.members), (0, None));
    for (text, why) in [
        (r#"{"Id": "4001"}"#, "invalid type: string \"4001\", expected i64"),
        (r#"{"Id": 40.5}"#, "invalid type: floating point `40.5`, expected i64"),
        (r#"{"Name": 7}"#, "invalid type: integer `7`, expected a string"),
        (r#"{"Members": [1, "x"]}"#, "invalid type: string \"x\", expected i64"),
        (r#"{"Members": {}}"#, "invalid type: map, expected a sequence"),
        ("\"a group\"", "invalid type: string \"a group\", expected struct CommunityGroup"),
        ("7", "invalid type: integer `7`, expected struct CommunityGroup"),
    ] {
        let error = read::<CommunityGroup>(text).unwrap_err();
        assert!(error.starts_with(why), "{text}: {error}");
    }
    assert!(read::<ListEnvelope<CommunityGroup>>(r#"{"TotalItems": 3}"#).unwrap_err().starts_with("missing field `Records`"));
    assert!(read::<ListEnvelope<CommunityGroup>>(r#"{"Records": null}"#).is_err(), "a null list is no list");
    assert!(read::<ListEnvelope<CommunityGroup>>(r#"{"Records": [{"Id": true}]}"#).is_err(), "one bad record fails the page");
    assert!(read::<CommunityThread>("<html>502 Bad Gateway</html>").is_err());
}

#[test]
fn a_record_is_read_only_from_an_object_at_any_depth() {
    // serde's derive would take a record written as an array of its fields in order (`[]` an
    // empty group, `[4001, "G"]` a named one); the board's reader refuses both, as the
    // hand-written reader before serde did: no Nexudus answer is written that way.
    for text in ["[]", r#"[4001, "G"]"#] {
        let error = read::<CommunityGroup>(text).unwrap_err();
        assert!(error.starts_with("invalid type: sequence, expected struct CommunityGroup"), "{text}: {error}");
        // The same through serde_json alone, to show what the reader is for.
        assert!(serde_json::from_str::<CommunityGroup>(text).is_ok(), "{text}");
    }
    // Inside a list, inside an Option, inside a list envelope: still objects only.
    let nested = read::<ListEnvelope<CommunityGroup>>(r#"{"Records": [{"Id": 1}, [2, "G"]]}"#).unwrap_err();
    assert!(nested.starts_with("invalid type: sequence, expected struct CommunityGroup"), "{nested}");
    let listed = read::<ListEnvelope<CommunityGroup>>(r#"{"Records": [{"Id": 1, "Name": "A"}, {"Id": 2}], "TotalItems": 2}"#).unwrap();
    assert_eq!(listed.records.iter().map(|g| (g.id, g.name.as_str())).collect::<Vec<_>>(), [(1, "A"), (2, "")]);
    assert_eq!(read::<Option<CommunityGroup>>("null").unwrap(), None);
    assert_eq!(read::<Option<CommunityGroup>>(r#"{"Id": 7}"#).unwrap().map(|g| g.id), Some(7));
    assert!(read::<Option<CommunityGroup>>("[7]").is_err());
    // A record held in a record's field: a draft's Zoom meeting.
    assert!(read::<ThreadDraft>(r#"{"zoom": []}"#).unwrap_err().starts_with("invalid type: sequence, expected struct ZoomMeeting"));
    assert!(serde_json::from_str::<ThreadDraft>(r#"{"zoom": []}"#).is_ok());
    // A kept JSON value (an action's Value) passes through as the text it was.
    let envelope = read::<ActionEnvelope>(r#"{"WasSuccessful": true, "Value": {"Id": 10071, "Extra": [1, 2.50]}}"#).unwrap();
    assert_eq!(envelope.value.as_ref().map(|v| v.get()), Some(r#"{"Id": 10071, "Extra": [1, 2.50]}"#));
    assert_eq!(envelope.created_id(), Some(10071));
    // Only whitespace may follow the value, as with serde_json's own reader.
    assert!(read::<CommunityGroup>("{} ").is_ok());
    assert!(read::<CommunityGroup>("{} {}").unwrap_err().starts_with("trailing characters"));
}

#[test]
fn hostile_nesting_is_refused_without_exhausting_the_stack() {
    let deep = "[".repeat(100_000);
    let in_an_error = format!(r#"{{"WasSuccessful": false, "Errors": [{{"AttemptedValue": {deep}}}]}}"#);
    // (Refused where the brackets meet the record's own closing: not a value.)
    assert!(read::<ActionEnvelope>(&in_an_error).unwrap_err().starts_with("expected value"));
    // An action's answer skips what it does not read (an error's AttemptedValue) and keeps its
    // Value as text: serde_json does both without recursing, so 100,000 levels cost no stack...
    let balanced = format!("{deep}{}", "]".repeat(100_000));
    let skipped =
        format!(r#"{{"WasSuccessful": false, "Errors": [{{"PropertyName": "Subject", "AttemptedValue": {balanced}}}], "Value": {balanced}}}"#);
    let envelope = read::<ActionEnvelope>(&skipped).unwrap();
    assert_eq!(envelope.errors.as_ref().unwrap()[0].property_name.as_deref(), Some("Subject"));
    // ...and reading that Value as anything stops at the recursion limit.
    assert_eq!(envelope.value_as::<bool>(), None);
    assert!(read::<serde_json::Value>(envelope.value.as_ref().unwrap().get()).unwrap_err().contains("recursion limit"));
    let in_a_record = format!(r#"{{"Id": 1, "CustomFields": {deep}}}"#);
    assert!(read::<RawRecord>(&in_a_record).is_err());
    assert!(read::<CommunityThread>(&in_a_record).is_err());
    let fine = format!(r#"{{"Id": 1, "CustomFields": {}{}}}"#, "[".repeat(100), "]".repeat(100));
    assert_eq!(read::<CommunityThread>(&fine).unwrap().id, 1);
}

#[test]
fn the_member_kept_over_a_reload_reads_back_as_it_was() {
    let text = r#"{"User": {"Id": 2002, "FullName": "Tomás \"T\" García", "Email": null},
        "DefaultBusiness": {"Id": 1001, "Name": "Demo Space"},
        "Profiles": [{"Id": 3002, "IsDefaultProfile": true}, {"Id": 3003, "IsDefaultProfile": false}]}"#;
    let profile: Profile = read(text).unwrap();
    let kept = serde_json::to_string(&profile).unwrap();
    assert_eq!(read::<Profile>(&kept).unwrap(), profile);
    assert_eq!(profile.author().coworker_id, Some(3002));
    assert_eq!(profile.user.full_name, "Tomás \"T\" García");
}

#[test]
fn every_character_a_member_can_type_survives_a_draft_round_trip() {
    let mut all = String::new();
    for code in (0u32..0x800).chain([0xFFFD, 0x1F600, 0x10FFFF]) {
        if let Some(c) = char::from_u32(code) {
            all.push(c);
        }
    }
    let draft = ThreadDraft { subject: all.clone(), message: format!("<script>{all}</script>"), ..Default::default() };
    let kept = serde_json::to_string(&draft).unwrap();
    assert_eq!(read::<ThreadDraft>(&kept).unwrap(), draft);
    let a_lone_surrogate = read::<ThreadDraft>(r#"{"subject": "a\ud800b"}"#);
    assert!(a_lone_surrogate.is_err(), "not text any member typed: {a_lone_surrogate:?}");
}
