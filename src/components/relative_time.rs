//! A timestamp as "3 hours ago", with the exact time for machines (`datetime`) and people
//! (`title`, in their locale).

use leptos::prelude::*;

use crate::browser;
use crate::model::dates::{iso_utc, parse_timestamp_ms};

#[component]
pub fn RelativeTime(#[prop(into)] timestamp: Option<String>) -> impl IntoView {
    let ms = timestamp.as_deref().and_then(parse_timestamp_ms);
    ms.map(|ms| {
        let iso = iso_utc(ms);
        let title = browser::absolute_time(ms as f64);
        let text = browser::relative_time(ms as f64, browser::now_ms());
        view! { <time datetime=iso title=title>{text}</time> }
    })
}
