//! HTML character references in text the API sends encoded (the Public API's `Message`).
//!
//! Decoded exactly once, into text that is then rendered as text: `&amp;lt;b&amp;gt;` becomes
//! the characters `&lt;b&gt;`, never a `<b>` element. Only character references are decoded;
//! no markup is interpreted here.

/// `text` with `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&nbsp;` and numeric references
/// (`&#39;`, `&#x27;`) replaced by their characters. Anything else (an unknown name, a number
/// that is no character, a lone `&`) is kept as it came.
pub fn decode(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let candidate = &rest[at..];
        match reference(candidate) {
            Some((ch, used)) => {
                out.push(ch);
                rest = &candidate[used..];
            }
            None => {
                out.push('&');
                rest = &candidate[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character a reference at the start of `text` stands for, and its length in bytes.
fn reference(text: &str) -> Option<(char, usize)> {
    // The longest reference decoded is `&#x10FFFF;` (10 bytes).
    let end = text.char_indices().take(12).find(|(_, c)| *c == ';')?.0;
    let body = &text[1..end];
    let ch = match body {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        _ => {
            let number = body.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) => u32::from_str_radix(hex, 16).ok()?,
                Some(_) => return None,
                None if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) => number.parse().ok()?,
                None => return None,
            };
            // NUL and the surrogates are no characters to show.
            char::from_u32(code).filter(|c| *c != '\0')?
        }
    };
    Some((ch, end + 1))
}
