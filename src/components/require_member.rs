//! Shows its children only to a signed-in member; sends anyone else to sign in, and back here
//! afterwards.

use leptos::prelude::*;

use crate::api::ApiClient;
use crate::i18n::{use_i18n, Msg};
use crate::model::query::encode;
use crate::routing::{use_location, Redirect};
use crate::session::{Session, Status};

#[component]
pub fn RequireMember(children: ChildrenFn) -> impl IntoView {
    let session = expect_context::<Session>();
    let location = use_location();
    let i18n = use_i18n();
    move || match session.status() {
        Status::Restoring => view! { <p class="loading" role="status">{i18n.t(Msg::RestoringSession)}</p> }.into_any(),
        // Embedded: no sign-in form; the host's session is the only way in.
        Status::SignedOut if session.host_token().is_some() => {
            let retry = move |_| {
                if let (Some(client), Some(host)) = (use_context::<ApiClient>(), session.host_token()) {
                    session.begin_restoring();
                    crate::api::auth::start_with_host_in_background(&client, host);
                }
            };
            view! {
                <div class="notice error" role="alert">
                    <p>{i18n.t(Msg::HostSessionFailed)}</p>
                    <button type="button" on:click=retry>{i18n.t(Msg::TryAgain)}</button>
                </div>
            }
            .into_any()
        }
        Status::SignedOut => {
            let here = location.get_untracked().to_app_path();
            view! { <Redirect path=format!("/sign-in?next={}", encode(&here))/> }.into_any()
        }
        Status::SignedIn => children().into_any(),
    }
}
