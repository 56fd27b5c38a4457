//! A timestamp as "3 hours ago" in the member's language, with the exact time for machines
//! (`datetime`) and for people (`title`, also in their language, filled in after the first
//! paint: `browser::title_after_paint`).

use leptos::prelude::*;

use crate::browser;
use crate::i18n::use_i18n;
use crate::model::dates::{iso_utc, parse_timestamp_ms};

/// The directive that queues a `<time>`'s title.
fn title_later(element: leptos::web_sys::Element, (ms, tag): (f64, &'static str)) {
    browser::title_after_paint(element, ms, tag);
}

#[component]
pub fn RelativeTime(#[prop(into)] timestamp: Option<String>) -> impl IntoView {
    let tag = use_i18n().tag();
    let ms = timestamp.as_deref().and_then(parse_timestamp_ms);
    ms.map(|ms| {
        let iso = iso_utc(ms);
        let text = browser::relative_time(ms as f64, browser::now_ms(), tag);
        view! { <time datetime=iso use:title_later=(ms as f64, tag)>{text}</time> }
    })
}
