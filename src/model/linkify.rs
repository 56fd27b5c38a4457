//! Splits a message into plain text and http(s) links, so the view can render links as
//! anchors and everything else as text. Nothing else in a message is interpreted.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Text(String),
    Link(String),
}

/// Characters that end a URL in running text.
fn ends_url(c: char) -> bool {
    c.is_whitespace() || matches!(c, '<' | '>' | '"' | '\'' | '`') || c.is_control()
}

pub fn segments(text: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut rest = text;
    let mut plain = String::new();
    while !rest.is_empty() {
        let lower_start = rest.get(..8).map(str::to_ascii_lowercase).unwrap_or_default();
        let scheme_len = if lower_start.starts_with("https://") {
            8
        } else if lower_start.starts_with("http://") {
            7
        } else {
            0
        };
        // A link starts at a word boundary, not inside "xhttp://".
        let at_boundary = plain.chars().last().is_none_or(|c| !c.is_alphanumeric());
        if scheme_len > 0 && at_boundary {
            let end = rest.find(ends_url).unwrap_or(rest.len());
            let mut url = &rest[..end];
            // Trailing punctuation belongs to the sentence, not the link.
            while let Some(last) = url.chars().last() {
                let unbalanced_paren = last == ')' && url.matches('(').count() < url.matches(')').count();
                if matches!(last, '.' | ',' | ';' | ':' | '!' | '?') || unbalanced_paren {
                    url = &url[..url.len() - last.len_utf8()];
                } else {
                    break;
                }
            }
            if url.len() > scheme_len {
                if !plain.is_empty() {
                    out.push(Segment::Text(std::mem::take(&mut plain)));
                }
                out.push(Segment::Link(url.to_owned()));
                rest = &rest[url.len()..];
                continue;
            }
        }
        let c = rest.chars().next().expect("rest is not empty");
        plain.push(c);
        rest = &rest[c.len_utf8()..];
    }
    if !plain.is_empty() {
        out.push(Segment::Text(plain));
    }
    out
}

/// A short plain-text preview: whitespace folded, cut at a word near `max` characters.
pub fn excerpt(text: &str, max: usize) -> String {
    let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if folded.chars().count() <= max {
        return folded;
    }
    let cut: String = folded.chars().take(max).collect();
    let trimmed = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", trimmed.trim_end())
}
