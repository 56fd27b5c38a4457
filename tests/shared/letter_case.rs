//! Letter case checks run natively (Rust's case mappings) and in the browser (JavaScript's,
//! `model::case`): the two must give the same answers, in any script.

use community_board::model::case::{lowercase, same_but_case, uppercase};
use community_board::model::mention::split_mentions;
use community_board::model::tags::{add_tag, TagProblem};
use community_board::model::user::initials;

pub fn check_letter_case() {
    assert_eq!((lowercase("ÉLODIE ΣΟΦΙΑ"), uppercase("straße")), ("élodie σοφια".to_owned(), "STRASSE".to_owned()));
    assert!(same_but_case("Café", "CAFÉ") && !same_but_case("Café", "Cafe"));
    let mut tags = vec!["Café".to_owned()];
    assert_eq!(add_tag(&mut tags, "CAFÉ"), Err(TagProblem::Duplicate));
    assert_eq!(initials("élodie ñúñez"), "ÉÑ");
    assert_eq!(split_mentions("hola @ÁLVARO!", "Álvaro"), vec![(false, "hola "), (true, "@ÁLVARO"), (false, "!")]);
}
