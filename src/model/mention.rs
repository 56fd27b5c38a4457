//! @mentions in a message being written, and in one being read: which `@name` the caret is
//! in (to offer people), what picking one writes, and where a member's own name is mentioned.
//! Offsets are in characters, as a textarea's `selectionStart` counts (UTF-16 units differ
//! only outside the Basic Multilingual Plane; `utf16_*` converts).

/// The longest `@name` being typed that is still looked up.
const MAX_QUERY: usize = 40;

/// The `@name` the caret is at the end of: where its `@` is and the text typed after it.
/// The `@` must begin a word (start of text, or after a space, a line break or an opening
/// bracket), and the name may hold spaces (first and last names) but no line break.
pub fn active_query(text: &str, caret: usize) -> Option<(usize, String)> {
    let before: Vec<char> = text.chars().take(caret).collect();
    let at = before.iter().rposition(|c| *c == '@')?;
    if at > 0 && !matches!(before[at - 1], ' ' | '\n' | '\t' | '(' | '[') {
        return None;
    }
    let typed: String = before[at + 1..].iter().collect();
    let usable = !typed.starts_with(' ')
        && !typed.contains('\n')
        && !typed.contains("  ")
        && typed.chars().count() <= MAX_QUERY
        && typed.chars().all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '-' | '\'' | '’'));
    usable.then_some((at, typed))
}

/// The text with the `@name` at `at` (typed up to `caret`) replaced by `@Full Name `, and
/// where the caret goes after it.
pub fn insert(text: &str, at: usize, caret: usize, name: &str) -> (String, usize) {
    let chars: Vec<char> = text.chars().collect();
    let caret = caret.min(chars.len());
    let mut out: String = chars[..at.min(caret)].iter().collect();
    out.push('@');
    out.push_str(name);
    out.push(' ');
    let new_caret = out.chars().count();
    let rest: String = chars[caret..].iter().collect();
    out.push_str(rest.strip_prefix(' ').unwrap_or(&rest));
    (out, new_caret)
}

/// `text` cut into plain parts and mentions of `name` (`@Name`, any case, not running on into
/// a longer word): `(true, part)` for each mention.
pub fn split_mentions<'a>(text: &'a str, name: &str) -> Vec<(bool, &'a str)> {
    let name = name.trim();
    if name.is_empty() {
        return vec![(false, text)];
    }
    let needle = format!("@{}", super::case::lowercase(name));
    let lower = super::case::lowercase(text);
    // Lower-casing can change byte lengths outside ASCII; then mentions are left unmarked.
    if lower.len() != text.len() {
        return vec![(false, text)];
    }
    let mut parts = Vec::new();
    let mut from = 0;
    let mut search = 0;
    while let Some(found) = lower[search..].find(&needle) {
        let start = search + found;
        let end = start + needle.len();
        let ends_word = text[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        let starts_word = text[..start].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        if ends_word && starts_word {
            if start > from {
                parts.push((false, &text[from..start]));
            }
            parts.push((true, &text[start..end]));
            from = end;
        }
        search = end;
    }
    if from < text.len() {
        parts.push((false, &text[from..]));
    }
    parts
}

/// A caret position in UTF-16 units (the DOM's) as characters, in `text`.
pub fn utf16_to_chars(text: &str, units: usize) -> usize {
    let mut seen = 0;
    for (count, c) in text.chars().enumerate() {
        if seen >= units {
            return count;
        }
        seen += c.len_utf16();
    }
    text.chars().count()
}

/// A position in characters as UTF-16 units, in `text`.
pub fn chars_to_utf16(text: &str, chars: usize) -> usize {
    text.chars().take(chars).map(char::len_utf16).sum()
}
