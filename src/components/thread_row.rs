//! One conversation in the list. Every piece of API text is rendered as a text node.

use leptos::prelude::*;

use crate::model::dates::{iso_utc, parse_timestamp_ms, relative_time};
use crate::model::user::initials;
use crate::model::{CommunityThread, User};

#[component]
pub fn ThreadRow(thread: CommunityThread, author: Option<User>, now_ms: i64) -> impl IntoView {
    let name = author.map(|a| a.full_name).filter(|n| !n.trim().is_empty()).unwrap_or_else(|| "Unknown member".to_owned());
    let activity = thread.last_activity().and_then(parse_timestamp_ms);
    let time = activity.map(|ms| {
        let iso = iso_utc(ms);
        view! { <time datetime=iso.clone() title=iso>{relative_time(ms, now_ms)}</time> }
    });
    view! {
        <li class="thread-row" data-thread-id=thread.id>
            <span class="avatar" aria-hidden="true">{initials(&name)}</span>
            <div class="thread-summary">
                <h2 class="thread-subject">{thread.subject}</h2>
                <p class="thread-meta">
                    <span class="thread-author">{name}</span>
                    " · "
                    <span class="thread-activity">"last activity "{time}</span>
                </p>
            </div>
        </li>
    }
}
