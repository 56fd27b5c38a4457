//! Shows its children only to a signed-in member; sends anyone else to sign in, and back here
//! afterwards.

use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;

use crate::i18n::{use_i18n, Msg};
use crate::model::query::encode;
use crate::session::{Session, Status};

#[component]
pub fn RequireMember(children: ChildrenFn) -> impl IntoView {
    let session = expect_context::<Session>();
    let location = use_location();
    let i18n = use_i18n();
    move || match session.status() {
        Status::Restoring => view! { <p class="loading" role="status">{i18n.t(Msg::RestoringSession)}</p> }.into_any(),
        Status::SignedOut => {
            let here = format!("{}{}", location.pathname.get_untracked(), location.search.get_untracked());
            view! { <Redirect path=format!("/sign-in?next={}", encode(&here))/> }.into_any()
        }
        Status::SignedIn => children().into_any(),
    }
}
