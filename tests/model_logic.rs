//! Native tests of the board's pure logic: tags, links, Zoom data, drafts and edits, URL
//! filters, search merging, group posting rights.
#![cfg(not(target_arch = "wasm32"))]

#[path = "shared/letter_case.rs"]
mod letter_case;

use community_board::model::backend::Backend;
use community_board::model::draft::{draft_key, Author, DraftContext, RawRecord, ThreadDraft};
use community_board::model::group::CommunityGroup;
use community_board::model::json_read::from_json;
use community_board::model::linkify::{excerpt, segments, Segment};
use community_board::model::query::{DirConvention, ListFilters};
use community_board::model::search::merge_by_activity;
use community_board::model::tags::{add_tag, from_wire, to_wire, TagProblem};
use community_board::model::zoom::ZoomMeeting;
use community_board::model::CommunityThread;
use serde_json::{json, Value};

#[test]
fn tags_are_trimmed_deduplicated_and_comma_free() {
    let mut tags = Vec::new();
    assert_eq!(add_tag(&mut tags, "  food "), Ok(()));
    assert_eq!(add_tag(&mut tags, "FOOD"), Err(TagProblem::Duplicate));
    assert_eq!(add_tag(&mut tags, "a,b"), Err(TagProblem::HasComma));
    assert_eq!(add_tag(&mut tags, "   "), Err(TagProblem::Empty));
    assert_eq!(add_tag(&mut tags, &"x".repeat(51)), Err(TagProblem::TooLong));
    assert_eq!(add_tag(&mut tags, "Café"), Ok(()));
    assert_eq!(to_wire(&tags).as_deref(), Some("food,Café"));
    assert_eq!(to_wire(&[]), None);
    assert_eq!(from_wire(Some(" a, ,b,A ,")), vec!["a", "b"]);
}

#[test]
fn only_http_and_https_become_links() {
    let parts = segments("See https://example.com/a_(b). Or http://x.org, not javascript:alert(1) nor xhttp://y");
    assert_eq!(
        parts,
        vec![
            Segment::Text("See ".into()),
            Segment::Link("https://example.com/a_(b)".into()),
            Segment::Text(". Or ".into()),
            Segment::Link("http://x.org".into()),
            Segment::Text(", not javascript:alert(1) nor xhttp://y".into()),
        ]
    );
    assert_eq!(
        segments("<a href=\"https://e.com\">"),
        vec![Segment::Text("<a href=\"".into()), Segment::Link("https://e.com".into()), Segment::Text("\">".into()),]
    );
    assert_eq!(segments("https://"), vec![Segment::Text("https://".into())]);
    assert_eq!(segments("line one\nline two"), vec![Segment::Text("line one\nline two".into())]);
}

#[test]
fn excerpts_fold_whitespace_and_cut_at_a_word() {
    assert_eq!(excerpt("a\n\nb   c", 140), "a b c");
    let long = "word ".repeat(60);
    let cut = excerpt(&long, 20);
    assert!(cut.ends_with('…') && cut.chars().count() <= 21, "{cut}");
    assert_eq!(excerpt(&"x".repeat(30), 10), format!("{}…", "x".repeat(10)));
}

#[test]
fn zoom_fields_are_checked_and_round_trip() {
    let mut meeting = ZoomMeeting { join_url: "http://zoom.us/j/1".into(), meeting_id: "12ab".into(), duration: "0".into(), ..Default::default() };
    let fields: Vec<&str> = meeting.problems().iter().map(|(f, _)| *f).collect();
    assert_eq!(fields, vec!["zoom-join-url", "zoom-meeting-id", "zoom-duration"]);
    meeting = ZoomMeeting {
        join_url: " https://zoom.us/j/98765432101 ".into(),
        meeting_id: "987 6543 2101".into(),
        passcode: "pw".into(),
        start: "2026-12-05T14:00".into(),
        duration: "90".into(),
        topic: "Plan".into(),
    };
    assert!(meeting.problems().is_empty());
    let data = meeting.to_event_data();
    let parsed: Value = serde_json::from_str(&data).unwrap();
    assert_eq!(
        parsed,
        json!({"join_url": "https://zoom.us/j/98765432101", "id": "98765432101", "password": "pw", "start_time": "2026-12-05T14:00", "topic": "Plan", "duration": 90})
    );
    let back = ZoomMeeting::from_event_data(&data).unwrap();
    assert_eq!((back.join_url.as_str(), back.meeting_id.as_str(), back.duration.as_str()), ("https://zoom.us/j/98765432101", "98765432101", "90"));
    // Zoom's own create-meeting answer, numbers and all, reads too.
    let zoom_api = ZoomMeeting::from_event_data(r#"{"id": 81234567890, "join_url": "https://zoom.us/j/81234567890"}"#).unwrap();
    assert_eq!(zoom_api.meeting_id, "81234567890");
    assert_eq!(ZoomMeeting::from_event_data("not json"), None);
    assert_eq!(ZoomMeeting { join_url: "javascript:alert(1)".into(), ..Default::default() }.safe_join_url(), None);
}

fn author() -> Author {
    Author { user_id: 2002, business_id: 1001, coworker_id: Some(3002) }
}

#[test]
fn a_new_thread_body_has_every_field_the_api_takes() {
    let draft = ThreadDraft {
        subject: "  Hi ".into(),
        message: "Body".into(),
        group: Some(4001),
        tags: vec!["a".into(), "b".into()],
        private: true,
        guests: vec![2004],
        instant_delivery: true,
        zoom: Some(ZoomMeeting { join_url: "https://zoom.us/j/1".into(), ..Default::default() }),
    };
    assert!(draft.problems(Backend::Rest.capabilities()).is_empty());
    // Read back by serde_json: the board's own writer must produce JSON any server accepts.
    let as_sent = |draft: &ThreadDraft| -> Value { serde_json::from_str(&draft.to_create_body(author())).unwrap() };
    let body = as_sent(&draft);
    assert_eq!(body["Subject"], "Hi");
    assert_eq!((body["BusinessId"].as_i64(), body["UserId"].as_i64(), body["CoworkerId"].as_i64()), (Some(1001), Some(2002), Some(3002)));
    assert_eq!(body["Tags"], "a,b");
    assert_eq!(body["Guests"], json!([2004]));
    assert_eq!(
        (body["Private"].as_bool(), body["InstantDelivery"].as_bool(), body["IncludeZoomInvite"].as_bool()),
        (Some(true), Some(true), Some(true))
    );
    assert_eq!(body["ZoomEventData"], r#"{"join_url":"https://zoom.us/j/1"}"#);
    // Guests travel with a thread that is not Private too: they are the people it mentions.
    let public = ThreadDraft { private: false, ..draft };
    assert_eq!(as_sent(&public)["Guests"], json!([2004]));
}

#[test]
fn the_members_api_needs_a_group_and_takes_no_staff_fields() {
    let members = Backend::Portal.capabilities();
    let draft = ThreadDraft {
        subject: "s".into(),
        message: "m".into(),
        private: true,
        instant_delivery: true,
        zoom: Some(ZoomMeeting { join_url: "http://not-https".into(), ..Default::default() }),
        ..Default::default()
    };
    // Private without guests and a bad Zoom link are not problems where neither is sent...
    assert_eq!(draft.problems(members).iter().map(|(f, _)| *f).collect::<Vec<_>>(), vec!["CommunityGroupId"]);
    // ...and they are not sent: nothing the API would drop leaves the board.
    let sent = draft.clone().for_backend(members);
    assert_eq!((sent.private, sent.instant_delivery, sent.zoom.is_none(), sent.guests.is_empty()), (false, false, true, true));
    assert_eq!(draft.clone().for_backend(Backend::Rest.capabilities()), draft);
}

#[test]
fn client_checks_mirror_the_required_fields() {
    let empty = ThreadDraft::default();
    let fields: Vec<&str> = empty.problems(Backend::Rest.capabilities()).iter().map(|(f, _)| *f).collect();
    assert_eq!(fields, vec!["Subject", "Message"]);
    let private = ThreadDraft { subject: "s".into(), message: "m".into(), private: true, ..Default::default() };
    assert_eq!(private.problems(Backend::Rest.capabilities()).iter().map(|(f, _)| *f).collect::<Vec<_>>(), vec!["Guests"]);
}

#[test]
fn an_edit_puts_back_every_field_the_form_does_not_show() {
    let sent = r#"{
        "Id": 10062, "BusinessId": 1001, "CommunityGroupId": 4001, "UserId": 2002, "CoworkerId": 3002,
        "Subject": "Old", "Message": "Old body", "InstantDelivery": false, "Tags": "x", "Private": false,
        "Guests": [], "LastMessageDate": "2025-01-01T00:00:00Z", "IncludeZoomInvite": false, "ZoomEventData": null,
        "SystemId": "crm-1", "CustomFields": {"Floor": 3, "Rate": 1.50e1}, "SomethingNew": [1, 2]
    }"#;
    let record: RawRecord = serde_json::from_str(sent).unwrap();
    let thread: CommunityThread = from_json(sent).unwrap();
    let mut draft = ThreadDraft::from_record(&thread);
    assert_eq!((draft.subject.as_str(), draft.tags.clone()), ("Old", vec!["x".to_owned()]));
    draft.subject = "New".into();
    let put_text = draft.apply_to_record(&record);
    let put: Value = serde_json::from_str(&put_text).unwrap();
    let original: Value = serde_json::from_str(sent).unwrap();
    assert_eq!(put["Subject"], "New");
    for kept in [
        "Id",
        "BusinessId",
        "UserId",
        "CoworkerId",
        "SystemId",
        "CustomFields",
        "SomethingNew",
        "LastMessageDate",
        "Message",
        "Tags",
        "CommunityGroupId",
    ] {
        assert_eq!(put[kept], original[kept], "{kept}");
    }
    // Values go back as they came, byte for byte: numbers are not reformatted.
    assert!(put_text.contains(r#""CustomFields":{"Floor": 3, "Rate": 1.50e1}"#), "{put_text}");
}

#[test]
fn drafts_are_kept_per_member_and_context() {
    assert_ne!(draft_key(2002, &DraftContext::NewThread), draft_key(2003, &DraftContext::NewThread));
    assert_ne!(draft_key(2002, &DraftContext::Reply(1)), draft_key(2002, &DraftContext::Reply(2)));
    assert_ne!(draft_key(2002, &DraftContext::Edit(1)), draft_key(2002, &DraftContext::Reply(1)));
    let draft = ThreadDraft { subject: "s".into(), tags: vec!["t".into()], ..Default::default() };
    let full = ThreadDraft {
        message: "line 1\nline \"2\" ✓".into(),
        group: Some(4001),
        private: true,
        guests: vec![2004, 2005],
        zoom: Some(ZoomMeeting { join_url: "https://zoom.us/j/1".into(), duration: "30".into(), ..Default::default() }),
        ..draft.clone()
    };
    for kept in [draft, full] {
        let saved = serde_json::to_string(&kept).unwrap();
        assert_eq!(from_json::<ThreadDraft>(&saved).unwrap(), kept, "{saved}");
    }
    // A draft saved by an older board (fields missing) still loads, and so does one saved by
    // the serde-based board before it (the same keys).
    assert_eq!(from_json::<ThreadDraft>(r#"{"subject":"s"}"#).unwrap().subject, "s");
    let serde_era = r#"{"subject":"s","message":"m","group":null,"tags":["a"],"private":false,"guests":[],"instant_delivery":true,"zoom":{"join_url":"https://zoom.us/j/1","meeting_id":"","passcode":"","start":"","duration":"","topic":"T"}}"#;
    let old = from_json::<ThreadDraft>(serde_era).unwrap();
    assert_eq!((old.tags, old.instant_delivery, old.zoom.unwrap().topic), (vec!["a".to_owned()], true, "T".to_owned()));
}

#[test]
fn list_filters_round_trip_through_the_url() {
    let f = ListFilters::from_params(Some("4001"), Some("food & drink"), Some(" lunch "), Some("2"));
    assert_eq!(f.href(), "/?group=4001&tag=food%20%26%20drink&q=lunch&page=2");
    let back = ListFilters::from_params(Some("4001"), Some("food & drink"), Some("lunch"), Some("2"));
    assert_eq!(f, back);
    assert_eq!(ListFilters::from_params(Some("x"), Some(""), None, Some("-3")), ListFilters { page: 1, ..Default::default() });
    assert_eq!(ListFilters { page: 1, ..Default::default() }.href(), "/");
    let q = f.thread_query();
    assert_eq!(
        q.to_query_string(DirConvention::Dev),
        "page=2&size=25&orderBy=LastMessageDate&dir=-1&CommunityThread_CommunityGroup=4001&CommunityThread_Tags=food%20%26%20drink"
    );
    assert_eq!(q.search.as_deref(), Some("lunch"), "search text is handled by the API layer, not sent as one filter");
}

fn thread(id: i64, last: &str) -> CommunityThread {
    CommunityThread { id, last_message_date: Some(last.into()), ..Default::default() }
}

#[test]
fn subject_and_message_matches_merge_by_activity_without_duplicates() {
    let a = vec![thread(3, "2025-01-03T00:00:00Z"), thread(1, "2025-01-01T00:00:00Z")];
    let b = vec![thread(2, "2025-01-02T00:00:00"), thread(1, "2025-01-01T00:00:00Z")];
    let merged: Vec<i64> = merge_by_activity(a, b).iter().map(|t| t.id).collect();
    assert_eq!(merged, vec![3, 2, 1]);
}

#[test]
fn who_may_post_in_a_group() {
    let group = |access: i64, members: Option<Vec<i64>>| CommunityGroup { id: 1, group_access: access, members, ..Default::default() };
    assert_eq!(group(2, None).may_post(Some(3002)), Some(true));
    assert_eq!(group(3, None).may_post(Some(3002)), Some(true), "a visible private group is one the member is in");
    assert_eq!(group(1, None).may_post(Some(3002)), None, "restricted: needs the member list");
    assert_eq!(group(1, Some(vec![3002])).may_post(Some(3002)), Some(true));
    assert_eq!(group(1, Some(vec![3003])).may_post(Some(3002)), Some(false));
}

#[test]
fn unread_counts_from_first_use_and_from_what_was_seen() {
    use community_board::model::seen::{Seen, REMEMBERED};
    let mut seen = Seen::starting(1_000);
    assert!(!seen.is_new(1, Some(900)), "activity before first use is not new");
    assert!(seen.is_new(1, Some(1_001)), "activity after it is");
    assert!(!seen.is_new(1, None));
    assert!(seen.mark(1, 2_000));
    assert!(!seen.is_new(1, Some(2_000)) && seen.is_new(1, Some(2_001)));
    assert!(!seen.mark(1, 1_500), "never moves back");
    assert_eq!(seen.seen_until(1), 2_000);
    assert_eq!(seen.seen_until(2), 1_000, "never opened: from first use");
    for id in 0..(REMEMBERED as i64 + 10) {
        seen.mark(100 + id, 3_000 + id);
    }
    assert_eq!(seen.threads.len(), REMEMBERED, "the oldest looked-at are forgotten first");
    assert_eq!(seen.seen_until(1), 1_000, "thread 1 (looked at longest ago) went first");
    let text = serde_json::to_string(&seen).unwrap();
    assert_eq!(from_json::<Seen>(&text).unwrap(), seen, "kept as JSON");
}

#[test]
fn the_unread_filter_lives_in_the_url_and_has_one_page() {
    let f = ListFilters::from_params(Some("4001"), None, None, Some("3")).with_unread(Some("1"));
    assert!(f.unread);
    assert_eq!(f.page, 1, "one page: the unread among the most recent");
    assert_eq!(f.href(), "/?group=4001&unread=1");
    assert_eq!(f.thread_query().page, 1);
    assert!(!ListFilters::from_params(None, None, None, None).with_unread(Some("yes")).unread);
    assert_eq!(ListFilters::from_params(None, None, None, Some("2")).with_unread(None).href(), "/?page=2");
}

#[test]
fn mentions_are_found_while_typing_inserted_whole_and_marked_for_their_person() {
    use community_board::model::mention::{active_query, chars_to_utf16, insert, split_mentions, utf16_to_chars};
    assert_eq!(active_query("Hi @Pri", 7), Some((3, "Pri".to_owned())));
    assert_eq!(active_query("@Priya Nat", 10), Some((0, "Priya Nat".to_owned())), "first and last names");
    assert_eq!(active_query("(@jo", 4), Some((1, "jo".to_owned())));
    assert_eq!(active_query("mail me@example", 15), None, "an address is not a mention");
    assert_eq!(active_query("@ Priya", 7), None);
    assert_eq!(active_query("@Priya\nNext", 11), None, "not across lines");
    assert_eq!(active_query("@Priya  done", 12), None, "two spaces end it");
    assert_eq!(active_query("Hi @Pri and more", 7), Some((3, "Pri".to_owned())), "up to the caret");
    assert_eq!(active_query("no at sign", 10), None);
    assert_eq!(active_query("@Zoë", 4), Some((0, "Zoë".to_owned())));

    assert_eq!(insert("Hi @Pri", 3, 7, "Priya Natarajan"), ("Hi @Priya Natarajan ".to_owned(), 20));
    assert_eq!(insert("Hi @Pri and more", 3, 7, "Priya Natarajan"), ("Hi @Priya Natarajan and more".to_owned(), 20));
    assert_eq!(insert("@Zo", 0, 3, "Zoë Ñandú"), ("@Zoë Ñandú ".to_owned(), 11));

    let marked: Vec<(bool, &str)> = split_mentions("Thanks @Sam Rivera and @sam rivera, not @Sam Riveras", "Sam Rivera");
    assert_eq!(marked, vec![(false, "Thanks "), (true, "@Sam Rivera"), (false, " and "), (true, "@sam rivera"), (false, ", not @Sam Riveras")]);
    assert_eq!(split_mentions("email@Sam Rivera", "Sam Rivera"), vec![(false, "email@Sam Rivera")], "inside a word is no mention");
    assert_eq!(split_mentions("no name", ""), vec![(false, "no name")]);

    let text = "😀 @Pri";
    assert_eq!(utf16_to_chars(text, 7), 6, "an emoji is two UTF-16 units");
    assert_eq!(chars_to_utf16(text, 6), 7);
}

#[test]
fn files_are_checked_by_type_and_size_before_anything_is_read() {
    use community_board::model::attachment::{check_file, readable_size, FileKind, FileProblem, ThreadFile, MAX_FILE_BYTES};
    assert_eq!(check_file("image/PNG", 10), Ok(FileKind::Picture));
    assert_eq!(check_file("application/pdf", MAX_FILE_BYTES), Ok(FileKind::Document));
    assert_eq!(check_file("image/png", MAX_FILE_BYTES + 1), Err(FileProblem::TooLarge { bytes: MAX_FILE_BYTES + 1 }));
    for refused in ["image/svg+xml", "text/html", "application/javascript", ""] {
        assert_eq!(check_file(refused, 10), Err(FileProblem::WrongType), "{refused:?}");
    }
    assert_eq!(check_file("text/plain", 0), Err(FileProblem::Empty));
    assert_eq!((readable_size(6 * 1024 * 1024), readable_size(1), readable_size(820 * 1024)), ("6.0 MB".into(), "1 KB".into(), "820 KB".into()));
    assert_eq!(FileKind::of("image/webp; charset=binary"), FileKind::Picture);

    // Labels and alternative text: never empty, trimmed, the description first.
    let file: ThreadFile = from_json(
        &json!({
            "Id": 7, "CommunityThreadId": 3, "Name": "  plan.png ", "Description": null, "FileDataFileName": "plan.png"
        })
        .to_string(),
    )
    .unwrap();
    assert_eq!((file.label(), file.alt_text(), file.has_file()), ("plan.png".into(), "plan.png".into(), true));
    let described = ThreadFile { description: Some(" Desks by the window ".into()), ..file.clone() };
    assert_eq!(described.alt_text(), "Desks by the window");
    let bare = ThreadFile { name: None, file_data_file_name: None, ..file };
    assert_eq!((bare.label(), bare.has_file()), ("file".into(), false));
}

#[test]
fn letter_case_follows_unicode_natively() {
    letter_case::check_letter_case();
}
