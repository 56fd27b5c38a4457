//! Native tests of the board's languages: choosing one, the catalogue's completeness in both,
//! plurals, values in phrases, and the model speaking in keys.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;

use community_board::api::ApiError;
use community_board::i18n::TimeUnit;
use community_board::i18n::{english_texts, use_i18n, Catalogue, I18n, LaterMsg, LaterPhrase, Locale, Msg, Phrase, Say, Text};
use community_board::model::dates::relative_time;
use community_board::model::group::Access;
use community_board::model::json_read::from_json;
use community_board::model::tags::TagProblem;
use community_board::model::zoom::ZoomMeeting;
use community_board::model::{OAuthError, ThreadDraft};
use leptos::prelude::*;

/// Keys whose Spanish is rightly the same as the English (names, codes). Keep it short: every
/// entry here is a text a Spanish-speaking member reads in English.
const SAME_IN_BOTH: &[&str] = &[];

/// Every key of both tables (the first page's and the later screens'), by name, with its
/// English and its Spanish, read the way the board reads them (`Locale::message`).
fn every_text() -> Vec<(String, &'static str, &'static str)> {
    fn texts(name: String, msg: impl Catalogue) -> (String, &'static str, &'static str) {
        (name, Locale::En.message(msg), Locale::Es.message(msg))
    }
    let first = Msg::ALL.iter().map(|&m| texts(format!("{m:?}"), m));
    let later = LaterMsg::ALL.iter().map(|&m| texts(format!("{m:?}"), m));
    first.chain(later).collect()
}

#[test]
fn tags_are_read_by_their_language_whatever_the_region_or_case() {
    for (tag, expected) in [
        ("es", Some(Locale::Es)),
        ("es-ES", Some(Locale::Es)),
        ("ES-mx", Some(Locale::Es)),
        ("es_419", Some(Locale::Es)),
        (" es-AR ", Some(Locale::Es)),
        ("en", Some(Locale::En)),
        ("en-GB", Some(Locale::En)),
        ("EN-us", Some(Locale::En)),
        ("fr-FR", None),
        ("pt-BR", None),
        ("esp", None),
        ("english", None),
        ("", None),
    ] {
        assert_eq!(Locale::parse(tag), expected, "{tag:?}");
    }
    assert_eq!(Locale::En.tag(), "en");
    assert_eq!(Locale::Es.tag(), "es");
    for locale in Locale::ALL {
        assert_eq!(Locale::parse(locale.tag()), Some(locale), "a tag reads back as its locale");
    }
}

#[test]
fn the_first_supported_preference_wins_else_english() {
    assert_eq!(Locale::negotiate(["fr-FR", "es-MX", "en-US"]), Locale::Es);
    assert_eq!(Locale::negotiate(["en-GB", "es"]), Locale::En);
    assert_eq!(Locale::negotiate(["de", "fr"]), Locale::En);
    assert_eq!(Locale::negotiate(Vec::<String>::new()), Locale::En);
    assert_eq!(Locale::negotiate(vec!["".to_owned(), "ES".to_owned()]), Locale::Es);
    assert_eq!(Locale::default(), Locale::En);
}

#[test]
fn every_key_has_text_in_both_languages() {
    let all = every_text();
    assert!(all.len() > 100, "the tables list every key ({})", all.len());
    let distinct: HashSet<&str> = all.iter().map(|(name, _, _)| name.as_str()).collect();
    assert_eq!(distinct.len(), all.len(), "each key once, in one table only");
    assert_eq!(HashSet::<Msg>::from_iter(Msg::ALL.iter().copied()).len(), Msg::ALL.len(), "each key once in ALL");
    assert_eq!(HashSet::<LaterMsg>::from_iter(LaterMsg::ALL.iter().copied()).len(), LaterMsg::ALL.len(), "each key once in ALL");
    for (name, en, es) in &all {
        for (locale, text) in [(Locale::En, en), (Locale::Es, es)] {
            assert!(!text.trim().is_empty(), "{name} is empty in {locale:?}");
            assert_eq!(*text, text.trim(), "{name} in {locale:?} has stray spaces: spacing belongs to the view");
            assert!(!text.contains('{') && !text.contains('}'), "{name} in {locale:?} has a placeholder: make it a Phrase");
        }
    }
}

#[test]
fn spanish_is_a_translation_not_a_copy() {
    for (name, en, es) in every_text() {
        if SAME_IN_BOTH.contains(&name.as_str()) {
            assert_eq!(en, es, "{name} is allowed the same text, so it should have it");
        } else {
            assert_ne!(en, es, "{name} is not translated");
        }
    }
}

#[test]
fn spanish_keeps_the_shape_of_the_english() {
    for (name, en, es) in every_text() {
        // A sentence stays a sentence, a pending state stays pending, a question a question.
        for ending in ['.', '…', '?', ':'] {
            assert_eq!(en.ends_with(ending), es.ends_with(ending), "{name}: {en:?} / {es:?} end differently");
        }
        if es.ends_with('?') {
            assert!(es.starts_with('¿'), "{name}: a Spanish question opens with ¿: {es:?}");
        }
        for arrow in ['←', '→'] {
            assert_eq!(en.contains(arrow), es.contains(arrow), "{name}: the arrow stays");
        }
    }
}

#[test]
fn english_texts_are_both_tables_in_english() {
    let texts = english_texts();
    assert_eq!(texts.len(), Msg::ALL.len() + LaterMsg::ALL.len());
    for expected in ["Sign in", "Conversations", "Start a conversation", "Your session has ended. Please sign in again.", "just now"] {
        assert!(texts.contains(&expected), "{expected:?}");
    }
    assert!(!texts.contains(&"Iniciar sesión"));
}

#[test]
fn a_few_texts_in_spanish() {
    let es = I18n::new(Locale::Es);
    assert_eq!(es.t(Msg::Conversations), "Conversaciones");
    assert_eq!(es.t(LaterMsg::SendReply), "Responder");
    assert_eq!(es.t(Msg::StartConversation), "Nueva conversación");
    assert_eq!(es.t(Msg::SignOut), "Cerrar sesión");
    assert_eq!(es.t(Msg::PrivateBadge), "Privada");
    assert_eq!(es.t(LaterMsg::InstantDelivery), "Entrega inmediata");
    assert_eq!(es.t(LaterMsg::DeleteReplyQuestion), "¿Eliminar esta respuesta?");
    assert_eq!(I18n::default().t(Msg::SignOut), "Sign out");
}

#[test]
fn counts_take_the_one_or_other_form() {
    let (en, es) = (Locale::En, Locale::Es);
    assert_eq!(en.text(LaterPhrase::ReplyHeading(0)), "Replies");
    assert_eq!(en.text(LaterPhrase::ReplyHeading(1)), "1 reply");
    assert_eq!(en.text(LaterPhrase::ReplyHeading(12)), "12 replies");
    assert_eq!(es.text(LaterPhrase::ReplyHeading(0)), "Respuestas");
    assert_eq!(es.text(LaterPhrase::ReplyHeading(1)), "1 respuesta");
    assert_eq!(es.text(LaterPhrase::ReplyHeading(12)), "12 respuestas");
    assert_eq!(en.text(LaterPhrase::NewReplies(1)), "1 new reply.");
    assert_eq!(en.text(LaterPhrase::NewReplies(3)), "3 new replies.");
    assert_eq!(es.text(LaterPhrase::NewReplies(1)), "1 respuesta nueva.");
    assert_eq!(es.text(LaterPhrase::NewReplies(3)), "3 respuestas nuevas.");
    assert_eq!(en.text(LaterPhrase::Minutes(1)), "1 minute");
    assert_eq!(en.text(LaterPhrase::Minutes(90)), "90 minutes");
    assert_eq!(es.text(LaterPhrase::Minutes(1)), "1 minuto");
    assert_eq!(es.text(LaterPhrase::Minutes(90)), "90 minutos");
    assert_eq!(en.text(Phrase::Throttled(1)), "The server is busy. Please try again in 1 second.");
    assert_eq!(en.text(Phrase::Throttled(3)), "The server is busy. Please try again in 3 seconds.");
    assert_eq!(es.text(Phrase::Throttled(1)), "El servidor está ocupado. Inténtalo de nuevo dentro de 1 segundo.");
    assert_eq!(es.text(Phrase::Throttled(3)), "El servidor está ocupado. Inténtalo de nuevo dentro de 3 segundos.");
    assert_eq!(es.text(Phrase::TimeAgo { count: 1, unit: TimeUnit::Month }), "hace 1 mes");
    assert_eq!(es.text(Phrase::TimeAgo { count: 2, unit: TimeUnit::Month }), "hace 2 meses");
    assert_eq!(en.text(Phrase::TimeFromNow { count: 1, unit: TimeUnit::Day }), "in 1 day");
    assert_eq!(es.text(Phrase::TimeFromNow { count: 4, unit: TimeUnit::Day }), "dentro de 4 días");
}

/// One of each phrase (both tables) with a value in it, for the checks that every value lands
/// in the text: the phrase by name, its English and Spanish, and the value.
fn phrases_with_values() -> Vec<((String, String, String), String)> {
    fn both(phrase: impl Say + Clone + std::fmt::Debug) -> (String, String, String) {
        (format!("{phrase:?}"), Locale::En.text(phrase.clone()), Locale::Es.text(phrase))
    }
    let name = "Tomás García".to_owned();
    vec![
        (both(Phrase::Page(7)), "7".into()),
        (both(LaterPhrase::Member(2004)), "2004".into()),
        (both(LaterPhrase::RemovePerson(name.clone())), name.clone()),
        (both(LaterPhrase::AddPerson(name.clone())), name.clone()),
        (both(LaterPhrase::RemoveTag("café".into())), "café".into()),
        (both(Phrase::ShowTagged("café".into())), "café".into()),
        (both(Phrase::RemoveTagFilter("café".into())), "café".into()),
        (both(LaterPhrase::CouldNotChange("ERR".into())), "ERR".into()),
        (both(LaterPhrase::ReplyUnsure("ERR".into())), "ERR".into()),
        (both(LaterPhrase::ReplyKept("ERR".into())), "ERR".into()),
        (both(LaterPhrase::ThreadUnsure("ERR".into())), "ERR".into()),
        (both(LaterPhrase::DraftKept("ERR".into())), "ERR".into()),
        (both(Phrase::SignInFailed("odd_code".into())), "odd_code".into()),
        (both(Phrase::Throttled(42)), "42".into()),
        (both(Phrase::ServerProblem(503)), "503".into()),
        (both(LaterPhrase::Minutes(45)), "45".into()),
        (both(Phrase::TimeAgo { count: 5, unit: TimeUnit::Hour }), "5".into()),
        (both(Phrase::TimeFromNow { count: 6, unit: TimeUnit::Year }), "6".into()),
        (both(LaterPhrase::ReplyHeading(8)), "8".into()),
        (both(LaterPhrase::NewReplies(9)), "9".into()),
    ]
}

#[test]
fn phrases_carry_their_values_in_both_languages() {
    for ((phrase, en, es), value) in phrases_with_values() {
        for text in [&en, &es] {
            assert!(text.contains(&value), "{phrase:?}: {value:?} missing from {text:?}");
            assert!(!text.contains('{') && !text.contains('}'), "{phrase:?}: unfilled placeholder in {text:?}");
        }
        assert_ne!(en, es, "{phrase:?} is not translated");
    }
    assert_eq!(Locale::En.text(Phrase::Page(2)), "Page 2");
    assert_eq!(Locale::Es.text(Phrase::Page(2)), "Página 2");
    assert_eq!(Locale::En.text(LaterPhrase::DraftKept("Oops.".into())), "Oops. Your draft is kept.");
    assert_eq!(Locale::Es.text(LaterPhrase::DraftKept("Vaya.".into())), "Vaya. Tu borrador se conserva.");
    assert_eq!(Locale::Es.text(LaterPhrase::RemovePerson("Mei".into())), "Quitar a Mei");
}

#[test]
fn api_text_is_shown_as_it_came_in_any_language() {
    let text = Text::Api("may not be null or empty".into());
    assert_eq!(Locale::En.text(text.clone()), "may not be null or empty");
    assert_eq!(Locale::Es.text(text), "may not be null or empty");
}

#[test]
fn relative_times_without_intl_come_from_the_catalogue() {
    let now = 1_736_937_000_000;
    let spanish = |then| Locale::Es.text(relative_time(then, now));
    assert_eq!(spanish(now - 10_000), "ahora mismo");
    assert_eq!(spanish(now - 60_000), "hace 1 minuto");
    assert_eq!(spanish(now - 3 * 3_600_000), "hace 3 horas");
    assert_eq!(spanish(now - 2 * 86_400_000), "hace 2 días");
    assert_eq!(spanish(now - 400 * 86_400_000), "hace 1 año");
}

#[test]
fn the_model_speaks_in_keys() {
    let problems = ThreadDraft { private: true, ..Default::default() }.problems(community_board::model::backend::Backend::Rest.capabilities());
    assert_eq!(problems, vec![("Subject", LaterMsg::NeedSubject), ("Message", LaterMsg::NeedMessage), ("Guests", LaterMsg::NeedGuest)]);
    let zoom = ZoomMeeting { join_url: "http://x".into(), ..Default::default() };
    assert_eq!(zoom.problems(), vec![("zoom-join-url", LaterMsg::ZoomJoinLinkHttps)]);
    assert_eq!(TagProblem::Duplicate.message(), LaterMsg::TagDuplicate);
    assert_eq!(Locale::Es.message(TagProblem::HasComma.message()), "Una etiqueta no puede contener comas.");
    assert_eq!(Access::Restricted.label(), Msg::AccessRestricted);
    assert_eq!(Locale::Es.message(Access::Private.explain()), "Solo los miembros pueden leer y publicar.");
}

#[test]
fn sign_in_errors_in_words() {
    let error = |code: &str, description: Option<&str>| OAuthError { error: code.into(), error_description: description.map(str::to_owned) };
    assert_eq!(error("invalid_grant", Some("ignored")).explain(), Text::Msg(Msg::OAuthInvalidGrant));
    assert_eq!(error("two_factor_auth_check", None).explain(), Text::Msg(Msg::OAuthTwoFactor));
    assert_eq!(Locale::Es.text(error("must_reset_password", None).explain()), "Tienes que restablecer tu contraseña antes de iniciar sesión.");
    // A code the board does not know: the server's description as sent, else the code.
    assert_eq!(Locale::Es.text(error("locked", Some("Account locked")).explain()), "Account locked");
    assert_eq!(Locale::En.text(error("locked", None).explain()), "Sign-in failed (locked).");
    assert_eq!(Locale::Es.text(error("locked", None).explain()), "No se pudo iniciar sesión (locked).");
}

#[test]
fn api_errors_say_the_same_in_english_as_before_and_have_spanish() {
    assert_eq!(ApiError::Timeout.to_string(), "The server took too long to answer. Please try again.");
    assert_eq!(ApiError::NotFound.to_string(), "That conversation no longer exists.");
    assert_eq!(ApiError::Server(502).to_string(), "The server had a problem (502). Please try again.");
    assert_eq!(Locale::Es.text(ApiError::NotFound.describe()), "Esa conversación ya no existe.");
    assert_eq!(
        Locale::Es.text(ApiError::Network("offline".into()).describe()),
        "No se pudo conectar con el servidor. Comprueba tu conexión e inténtalo de nuevo."
    );
    assert_eq!(Locale::Es.text(ApiError::Server(500).describe()), "El servidor tuvo un problema (500). Inténtalo de nuevo.");
    let validation = ApiError::Validation(vec![
        from_json(r#"{"PropertyName": "Subject", "Message": "may not be null or empty"}"#).unwrap(),
        from_json(r#"{"PropertyName": "Tags"}"#).unwrap(),
    ]);
    assert_eq!(validation.field_message("subject"), Some(Text::Api("may not be null or empty".into())));
    assert_eq!(validation.field_message("Tags").map(|t| Locale::Es.text(t)).as_deref(), Some("Revisa este campo."));
}

#[test]
fn components_read_the_language_from_context_else_english() {
    let owner = Owner::new();
    owner.with(|| {
        assert_eq!(use_i18n().locale, Locale::En, "no context: English");
        provide_context(I18n::new(Locale::Es));
        assert_eq!(use_i18n().locale, Locale::Es);
        assert_eq!(use_i18n().tag(), "es");
    });
}
