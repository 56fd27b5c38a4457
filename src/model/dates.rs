//! Reading the API's timestamps leniently and saying how long ago they were.
//!
//! Nexudus is a .NET backend: timestamps come with or without `Z`, with or without
//! fractional seconds (up to seven digits), sometimes with an offset. Parsing by hand keeps a
//! date crate out of the wasm bundle.

use crate::i18n::{Msg, Phrase, Text, TimeUnit};

/// Milliseconds since the Unix epoch, or `None` when `text` is not a timestamp.
/// A timestamp without zone is taken as UTC (the REST API's dates are UTC).
pub fn parse_timestamp_ms(text: &str) -> Option<i64> {
    let t = text.trim();
    let b = t.as_bytes();
    if b.len() < 16 || b[4] != b'-' || b[7] != b'-' || !(b[10] == b'T' || b[10] == b' ') || b[13] != b':' {
        return None;
    }
    let num = |range: std::ops::Range<usize>| -> Option<i64> {
        let s = t.get(range)?;
        if s.bytes().all(|c| c.is_ascii_digit()) {
            s.parse().ok()
        } else {
            None
        }
    };
    let (year, month, day, hour, minute) = (num(0..4)?, num(5..7)?, num(8..10)?, num(11..13)?, num(14..16)?);
    let mut rest = &t[16..];
    let mut second = 0;
    let mut millis = 0;
    if let Some(after) = rest.strip_prefix(':') {
        second = after.get(0..2).filter(|s| s.bytes().all(|c| c.is_ascii_digit()))?.parse().ok()?;
        rest = &after[2..];
        if let Some(frac) = rest.strip_prefix('.') {
            let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 {
                return None;
            }
            let ms_digits = &frac[..digits.min(3)];
            millis = ms_digits.parse::<i64>().ok()? * 10_i64.pow(3 - ms_digits.len() as u32);
            rest = &frac[digits..];
        }
    }
    let offset_minutes = match rest {
        "" | "Z" | "z" => 0,
        _ => {
            let sign = match rest.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let digits: String = rest[1..].chars().filter(|c| *c != ':').collect();
            if digits.len() != 4 || !digits.bytes().all(|c| c.is_ascii_digit()) {
                return None;
            }
            sign * (digits[0..2].parse::<i64>().ok()? * 60 + digits[2..4].parse::<i64>().ok()?)
        }
    };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let days = days_from_civil(year, month, day);
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset_minutes * 60;
    Some(seconds * 1000 + millis)
}

/// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// ISO-8601 UTC text for a `<time datetime>` attribute.
pub fn iso_utc(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { yoe + era * 400 + 1 } else { yoe + era * 400 }, m, d)
}

/// How long ago `then_ms` was, in the largest unit that fits. Anything under 45 seconds, and
/// times slightly in the future (clock skew), is `(0, Second)`.
pub fn relative_parts(then_ms: i64, now_ms: i64) -> (i64, TimeUnit) {
    match (now_ms - then_ms) / 1000 {
        s if s < 45 => (0, TimeUnit::Second),
        s if s < 3600 => ((s / 60).max(1), TimeUnit::Minute),
        s if s < 86_400 => (s / 3600, TimeUnit::Hour),
        s if s < 30 * 86_400 => (s / 86_400, TimeUnit::Day),
        s if s < 365 * 86_400 => (s / (30 * 86_400), TimeUnit::Month),
        s => (s / (365 * 86_400), TimeUnit::Year),
    }
}

/// "just now", "5 minutes ago"... as catalogue text, for where Intl cannot say it.
pub fn relative_time(then_ms: i64, now_ms: i64) -> Text {
    match relative_parts(then_ms, now_ms) {
        (0, _) => Msg::JustNow.into(),
        (count, unit) => Phrase::TimeAgo { count, unit }.into(),
    }
}
