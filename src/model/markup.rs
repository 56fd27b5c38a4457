//! Messages written in the Members Portal's editor arrive as HTML (`<p>…</p>`). This module
//! decides which messages are markup, which elements and links may be shown, and what a
//! markup message reads as in one line (the list's excerpt). The parsing itself is the
//! browser's, in an inert document (`crate::markup_dom`); nothing here touches the DOM.
//!
//! What the parser is given is `clean_source`'s output: every tag that is not allow-listed
//! already turned into text and the allowed ones stripped of their attributes, so the inert
//! document never holds a script, a style or an event handler at all (Chromium reports those
//! to the page's Content-Security-Policy even in an inert document).
//!
//! **Markup or plain text.** After the Public API's entity encoding is undone (once, when the
//! answer is read), a message is markup when it holds at least one allow-listed tag, opening
//! or closing, written as HTML writes it: `<p>`, `<br/>`, `</strong>`, `<a href="…">`. Anything
//! else, `a < b`, `<3`, `<script>` on its own, is plain text and shows exactly as typed.

/// The elements a message may use. Everything else is shown as its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AllowedTag {
    Paragraph,
    LineBreak,
    Bold,
    Italic,
    Underline,
    UnorderedList,
    OrderedList,
    ListItem,
    Quote,
    Preformatted,
    Code,
    Link,
}

impl AllowedTag {
    /// The tag for an element name (any case); `b`/`strong` and `i`/`em` are one each.
    pub fn from_name(name: &str) -> Option<AllowedTag> {
        Some(match name.to_ascii_lowercase().as_str() {
            "p" => AllowedTag::Paragraph,
            "br" => AllowedTag::LineBreak,
            "b" | "strong" => AllowedTag::Bold,
            "i" | "em" => AllowedTag::Italic,
            "u" => AllowedTag::Underline,
            "ul" => AllowedTag::UnorderedList,
            "ol" => AllowedTag::OrderedList,
            "li" => AllowedTag::ListItem,
            "blockquote" => AllowedTag::Quote,
            "pre" => AllowedTag::Preformatted,
            "code" => AllowedTag::Code,
            "a" => AllowedTag::Link,
            _ => return None,
        })
    }
}

/// A message's content once parsed: text, or an allowed element around more of it. A link
/// keeps its address only when `safe_href` accepts it; otherwise it is shown as its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RichNode {
    Text(String),
    Element { tag: AllowedTag, href: Option<String>, children: Vec<RichNode> },
}

/// Whether `text` is markup: it holds an allow-listed tag as HTML writes one.
pub fn is_markup(text: &str) -> bool {
    let mut at = 0;
    while let Some(offset) = text[at..].find('<') {
        let start = at + offset + 1;
        at = start;
        let rest = &text[start..];
        let rest = rest.strip_prefix('/').unwrap_or(rest);
        let name_len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
        if name_len == 0 || AllowedTag::from_name(&rest[..name_len]).is_none() {
            continue;
        }
        // The name must end the way a tag's does: `>`, `/>`, or whitespace before attributes
        // that close with `>`.
        let after = &rest[name_len..];
        let closes = match after.bytes().next() {
            Some(b'>') => true,
            Some(b'/') => after[1..].starts_with('>'),
            Some(c) if c.is_ascii_whitespace() => after.contains('>'),
            _ => false,
        };
        if closes {
            return true;
        }
    }
    false
}

/// A link's address if it may be followed: http, https or mailto, after the whitespace the
/// HTML parser would trim. Control characters anywhere (`java\0script:`) refuse it.
pub fn safe_href(href: &str) -> Option<String> {
    let href = href.trim();
    if href.chars().any(char::is_control) {
        return None;
    }
    let lower = href.to_ascii_lowercase();
    let allowed = ["http://", "https://", "mailto:"].iter().any(|scheme| lower.starts_with(scheme) && lower.len() > scheme.len());
    allowed.then(|| href.to_owned())
}

/// The text a markup message reads as, on one line: tags dropped, the HTML's entities
/// decoded (once: markup's `&amp;` is an `&`). For excerpts; the message itself is shown
/// from the browser's parse.
pub fn plain_text(markup: &str) -> String {
    let mut out = String::with_capacity(markup.len());
    let mut rest = markup;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let starts_tag = after.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'));
        match after.find('>').filter(|_| starts_tag) {
            Some(close) => {
                // Block ends read as a space, so "<p>a</p><p>b</p>" is "a b", not "ab".
                out.push(' ');
                rest = &after[close + 1..];
            }
            None => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    let decoded = super::entities::decode(&out).replace('\u{a0}', " ");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A message as one line of text: markup without its tags, plain text as it is.
pub fn readable(message: &str) -> std::borrow::Cow<'_, str> {
    if is_markup(message) {
        plain_text(message).into()
    } else {
        message.into()
    }
}

/// The markup as the parser is given it: each allow-listed tag rewritten bare (`<p>`, `</em>`,
/// a link with only its checked `href`), every other `<` (other tags, comments, a `<` in
/// running text, an unterminated tag) written as `&lt;`, so it shows as the text it was.
pub fn clean_source(markup: &str) -> String {
    let mut out = String::with_capacity(markup.len() + 16);
    let mut rest = markup;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match allowed_tag(after) {
            Some((bare, used)) => {
                out.push_str(&bare);
                rest = &after[used..];
            }
            None => {
                out.push_str("&lt;");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// An allow-listed tag at the start of `text` (just after its `<`): the bare tag to write and
/// how many bytes it took, read with HTML's rules for names, quoted and unquoted values.
fn allowed_tag(text: &str) -> Option<(String, usize)> {
    let (closing, body) = match text.strip_prefix('/') {
        Some(body) => (true, body),
        None => (false, text),
    };
    let name_len = body.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let name = body.get(..name_len).filter(|n| n.starts_with(|c: char| c.is_ascii_alphabetic()))?;
    let tag = AllowedTag::from_name(name)?;
    let attrs = &body[name_len..];
    let bytes = attrs.as_bytes();
    match bytes.first() {
        Some(b'>' | b'/') => {}
        Some(c) if c.is_ascii_whitespace() => {}
        _ => return None,
    }
    let mut href = None;
    let mut i = 0;
    loop {
        while bytes.get(i).is_some_and(|b| b.is_ascii_whitespace() || *b == b'/') {
            i += 1;
        }
        match bytes.get(i) {
            None => return None,
            Some(b'>') => {
                i += 1;
                break;
            }
            _ => {}
        }
        // A name runs to whitespace, `/`, `>` or `=` (a leading `=` belongs to it).
        let start = i;
        i += 1;
        while bytes.get(i).is_some_and(|b| !b.is_ascii_whitespace() && !matches!(b, b'/' | b'>' | b'=')) {
            i += 1;
        }
        let attr = &attrs[start..i];
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        let mut value = None;
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
            }
            match bytes.get(i)? {
                quote @ (b'"' | b'\'') => {
                    let end = attrs[i + 1..].find(*quote as char)?;
                    value = Some(&attrs[i + 1..i + 1 + end]);
                    i += end + 2;
                }
                b'>' => {}
                _ => {
                    let start = i;
                    while bytes.get(i).is_some_and(|b| !b.is_ascii_whitespace() && *b != b'>') {
                        i += 1;
                    }
                    value = Some(&attrs[start..i]);
                }
            }
        }
        // The first `href` counts, as in HTML.
        if tag == AllowedTag::Link && href.is_none() && attr.eq_ignore_ascii_case("href") {
            href = Some(value.map(super::entities::decode).unwrap_or_default());
        }
    }
    let used = usize::from(closing) + name_len + i;
    let name = name.to_ascii_lowercase();
    let bare = match (closing, href.as_deref().and_then(safe_href)) {
        (true, _) => format!("</{name}>"),
        (false, Some(href)) => format!("<{name} href=\"{}\">", escape_attribute(&href)),
        (false, None) => format!("<{name}>"),
    };
    Some((bare, used))
}

fn escape_attribute(value: &str) -> String {
    value.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}
