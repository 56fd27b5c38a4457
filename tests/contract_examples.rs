//! Native tests: the board's models read the documented example payloads (made valid JSON
//! where the docs are not, see `fixtures/`) and produce the documented request shapes.
#![cfg(not(target_arch = "wasm32"))]

use community_board::i18n::Locale;
use community_board::model::dates::{iso_utc, parse_timestamp_ms, relative_time};
use community_board::model::json_read::from_json;
use community_board::model::query::{batch_ids_query, DirConvention, Direction, ThreadQuery};
use community_board::model::user::initials;
use community_board::model::{ActionEnvelope, CommunityThread, ListEnvelope, OAuthError, TokenRequest, TokenResponse};

/// Reads a wire type as the client does (`ApiClient::get_json`).
fn decode<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    from_json(text)
}

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn gitbook_list_example_reads_with_its_legacy_field_names() {
    let list: ListEnvelope<CommunityThread> = decode(&fixture("thread_list_gitbook.json")).unwrap();
    assert_eq!(list.records.len(), 1);
    assert_eq!(list.records[0].subject, "00001");
    assert_eq!(list.records[0].tag_list(), vec!["00001"]);
    assert_eq!(list.total_items, Some(60));
    assert_eq!(list.current_sort_direction.as_deref(), Some("1"));
    assert!(list.has_next());
}

#[test]
fn portal_list_with_string_sort_direction_reads() {
    let list: ListEnvelope<CommunityThread> = decode(&fixture("portal_list_string_direction.json")).unwrap();
    assert!(list.records.is_empty());
    assert_eq!(list.current_sort_direction.as_deref(), Some("ASC"));
    assert!(!list.has_next());
}

#[test]
fn thread_record_example_reads_every_field() {
    let t: CommunityThread = decode(&fixture("thread_record.json")).unwrap();
    assert_eq!((t.id, t.business_id, t.user_id, t.coworker_id), (87654321, 1001, 2001, Some(3001)));
    assert_eq!(t.community_group_id, None);
    assert_eq!(t.tag_list(), vec!["food", "local"]);
    assert_eq!(t.last_activity(), Some("2025-01-10T08:00:00Z"), "falls back to CreatedOn without replies");
    assert!(t.guests.is_empty() && !t.private && !t.include_zoom_invite);
}

#[test]
fn nulls_and_missing_fields_read_as_empty() {
    let t: CommunityThread = decode(r#"{"Id": 5, "Subject": null, "Private": null, "Guests": null}"#).unwrap();
    assert_eq!((t.id, t.subject.as_str(), t.private, t.guests.len()), (5, "", false, 0));
}

#[test]
fn action_envelopes_read_success_and_validation_failure() {
    let ok: ActionEnvelope = decode(&fixture("action_created.json")).unwrap();
    assert!(ok.was_successful);
    assert_eq!(ok.created_id(), Some(87654321));
    let bad: ActionEnvelope = decode(&fixture("action_validation.json")).unwrap();
    assert!(!bad.was_successful);
    let errors = bad.errors.unwrap();
    assert_eq!(errors[0].property_name.as_deref(), Some("Subject"));
    assert_eq!(errors[0].message.as_deref(), Some("may not be null or empty"));
}

#[test]
fn token_answers_read() {
    let ok: TokenResponse = decode(&fixture("token_response.json")).unwrap();
    assert_eq!(ok.token_type.as_deref(), Some("bearer"));
    assert_eq!(ok.expires_in, Some(86400));
    let err: OAuthError = decode(&fixture("token_error.json")).unwrap();
    assert_eq!(err.error, "invalid_grant");
    assert!(Locale::En.text(err.explain()).contains("password is incorrect"));
}

#[test]
fn password_grant_is_a_form_with_encoded_values() {
    let form = TokenRequest::Password { username: "member@example.com".into(), password: "p&ss w=rd".into(), totp: None }.to_form();
    assert_eq!(form, "grant_type=password&username=member%40example.com&password=p%26ss%20w%3Drd");
    let with_code = TokenRequest::Password { username: "a@b.c".into(), password: "x".into(), totp: Some("246810".into()) }.to_form();
    assert!(with_code.ends_with("&totp=246810"));
    let refresh = TokenRequest::Refresh { refresh_token: "r/t".into() }.to_form();
    assert_eq!(refresh, "grant_type=refresh_token&refresh_token=r%2Ft");
}

#[test]
fn default_thread_query_asks_for_most_recent_activity_first() {
    let q = ThreadQuery::default();
    assert_eq!(q.to_query_string(DirConvention::Dev), "page=1&size=25&orderBy=LastMessageDate&dir=-1");
    assert_eq!(q.to_query_string(DirConvention::Learn), "page=1&size=25&orderBy=LastMessageDate&dir=1");
    let filtered = ThreadQuery { page: 3, group: Some(4001), dir: Direction::Ascending, ..q.clone() };
    assert_eq!(filtered.to_query_string(DirConvention::Dev), "page=3&size=25&orderBy=LastMessageDate&dir=1&CommunityThread_CommunityGroup=4001");
}

#[test]
fn batch_query_encodes_the_id_list() {
    assert_eq!(batch_ids_query(&[2001, 2002]), "id=%5B2001%2C2002%5D");
}

#[test]
fn timestamps_parse_in_every_form_the_backend_sends() {
    let base = parse_timestamp_ms("2025-01-15T10:30:00Z").unwrap();
    assert_eq!(base, 1_736_937_000_000);
    assert_eq!(parse_timestamp_ms("2025-01-15T10:30:00"), Some(base));
    assert_eq!(parse_timestamp_ms("2025-01-15T10:30"), Some(base));
    assert_eq!(parse_timestamp_ms("2025-01-15T10:30:00.1234567Z"), Some(base + 123));
    assert_eq!(parse_timestamp_ms("2025-01-15T11:30:00+01:00"), Some(base));
    assert_eq!(iso_utc(base), "2025-01-15T10:30:00Z");
    for bad in ["", "yesterday", "2025-13-01T00:00:00Z", "2025-01-15T10:30:00+1", "2025-01-15T10:30:00.Z"] {
        assert_eq!(parse_timestamp_ms(bad), None, "{bad:?}");
    }
}

#[test]
fn relative_times_read_naturally() {
    let now = 1_736_937_000_000;
    let english = |then| Locale::En.text(relative_time(then, now));
    assert_eq!(english(now - 10_000), "just now");
    assert_eq!(english(now + 60_000), "just now");
    assert_eq!(english(now - 60_000), "1 minute ago");
    assert_eq!(english(now - 3 * 3_600_000), "3 hours ago");
    assert_eq!(english(now - 2 * 86_400_000), "2 days ago");
}

#[test]
fn initials_take_first_and_last_names() {
    assert_eq!(initials("Tomás García"), "TG");
    assert_eq!(initials("Priya Natarajan Rao"), "PR");
    assert_eq!(initials("cher"), "C");
    assert_eq!(initials("  "), "");
}
