//! A timestamp as "3 hours ago" in the member's language, with the exact time for machines
//! (`datetime`) and for people (`title`, also in their language).

use leptos::prelude::*;

use crate::browser;
use crate::i18n::use_i18n;
use crate::model::dates::{iso_utc, parse_timestamp_ms};

#[component]
pub fn RelativeTime(#[prop(into)] timestamp: Option<String>) -> impl IntoView {
    let tag = use_i18n().tag();
    let ms = timestamp.as_deref().and_then(parse_timestamp_ms);
    ms.map(|ms| {
        let iso = iso_utc(ms);
        let title = browser::absolute_time(ms as f64, tag);
        let text = browser::relative_time(ms as f64, browser::now_ms(), tag);
        view! { <time datetime=iso title=title>{text}</time> }
    })
}
