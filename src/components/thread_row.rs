//! One conversation in the list. Every piece of API text is rendered as a text node.

use leptos::prelude::*;

use super::avatar::Avatar;
use super::links::{GroupLink, TagLink};
use super::relative_time::RelativeTime;
use crate::api::{Directory, Person};
use crate::i18n::{use_i18n, I18n, Msg, Phrase};
use crate::model::linkify::excerpt;
use crate::model::markup::readable;
use crate::model::query::ListFilters;
use crate::model::CommunityThread;
use crate::routing::Link;

#[component]
pub fn ThreadRow(
    thread: CommunityThread,
    filters: ListFilters,
    /// Activity since the member last looked (`model::seen`).
    #[prop(optional)]
    is_new: bool,
) -> impl IntoView {
    let directory = expect_context::<Directory>();
    let i18n = use_i18n();
    let user_id = thread.user_id;
    // On REST the names come a request after the rows: until then the name is a busy
    // placeholder that says "Name loading" to screen readers (the stylesheet draws a bar).
    // (Each reader looks once: a memo a row would cost more than the look-ups it saves.)
    let person = move || directory.person(user_id);
    let name = move || said(person(), i18n);
    let asking = move || (person() == Person::Asking).then_some("true");
    // The portrait's initials: none while the name is on its way.
    let initials_of = move || match person() {
        Person::Asking => String::new(),
        known => said(known, i18n),
    };
    let group = thread.community_group_id.map(|g| view! { <GroupLink group=g fallback=Msg::GroupFallback/> });
    let tags = thread.tag_list().into_iter().map(|tag| view! { <li><TagLink tag=tag within=filters.group/></li> }).collect_view();
    let subject = thread.subject.clone();
    // Where the list says (the Public API); REST's list would need a request per row.
    let replies = thread.reply_count.map(|count| i18n.text(Phrase::RowReplies { count, last_by: thread.last_reply_by.clone() }));
    let has_zoom = thread.include_zoom_invite || thread.zoom_event_data.as_deref().is_some_and(|z| !z.trim().is_empty());
    view! {
        <li class="thread-row" class:unread=is_new data-thread-id=thread.id>
            <Avatar name=Signal::derive(initials_of) coworker_id=thread.coworker_id/>
            <div class="thread-summary">
                <h2 class="thread-subject">
                    <Link to=format!("/threads/{}", thread.id)>{subject}</Link>
                    {is_new.then(|| view! { " " <span class="badge badge-new">{i18n.t(Msg::NewBadge)}</span> })}
                </h2>
                <p class="thread-excerpt">{excerpt(&readable(&thread.message), 140)}</p>
                <p class="thread-meta">
                    <span class="thread-author" aria-busy=asking>{name}</span>
                    {group.map(|g| view! { {format!(" {} ", i18n.t(Msg::InGroup))} {g} })}
                    " · "
                    <span class="thread-activity"><RelativeTime timestamp=thread.last_activity().map(str::to_owned)/></span>
                    {thread.private.then(|| view! { <span class="badge badge-private">{i18n.t(Msg::PrivateBadge)}</span> })}
                    {has_zoom.then(|| view! { <span class="badge badge-zoom">{i18n.t(Msg::ZoomMeeting)}</span> })}
                </p>
                {replies.map(|text| view! { <p class="thread-replies">{text}</p> })}
                <ul class="tags" aria-label=i18n.t(Msg::Tags)>{tags}</ul>
            </div>
        </li>
    }
}

/// What a row says for its author.
fn said(person: Person, i18n: I18n) -> String {
    match person {
        Person::Named(name) => name,
        Person::Asking => i18n.t(Msg::NameLoading).to_owned(),
        Person::Unknown => i18n.t(Msg::UnknownMember).to_owned(),
    }
}
