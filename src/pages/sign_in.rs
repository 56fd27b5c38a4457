//! Email and password, and the one-time code when the API asks for it.

use crate::routing::{use_navigate, use_query_map};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::api::{self, ApiClient, ApiError, Directory};
use crate::components::writes::on_answer;
use crate::i18n::{use_i18n, LaterMsg};

#[component]
pub fn SignInPage() -> impl IntoView {
    let client = expect_context::<ApiClient>();
    let directory = expect_context::<Directory>();
    let session = client.session();
    let i18n = use_i18n();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let totp = RwSignal::new(String::new());
    let needs_totp = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let navigate = use_navigate();
    let params = use_query_map();
    // Only a path on this board: never an absolute URL someone put in a link.
    let next = move || params.read_untracked().get("next").filter(|n| n.starts_with('/') && !n.starts_with("//")).unwrap_or_else(|| "/".to_owned());
    let heading = NodeRef::new();
    crate::focus::heading_on_open(heading);
    let focus = crate::focus::use_focus();

    // (email, password, one-time code): a sign-in is a write, the token request.
    let signing_in = Action::new_local(move |(email, password, code): &(String, String, Option<String>)| {
        let (client, email, password, code) = (client.clone(), email.clone(), password.clone(), code.clone());
        async move {
            directory.clear();
            api::auth::sign_in(&client, &email, &password, code.as_deref()).await
        }
    });
    on_answer(signing_in, move |answer| match answer {
        Ok(()) => navigate(&next(), Default::default()),
        Err(ApiError::OAuth(e)) if e.error == "two_factor_auth_check" => {
            needs_totp.set(true);
            error.set(Some(i18n.text(e.explain())));
            focus.field("#sign-in-totp");
        }
        Err(e) => error.set(Some(i18n.text(e.describe()))),
    });
    let busy = signing_in.pending();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        // One sign-in at a time, however often the button is pressed.
        if busy.get_untracked() {
            return;
        }
        error.set(None);
        let code = needs_totp.get_untracked().then(|| totp.get_untracked());
        signing_in.dispatch_local((email.get_untracked(), password.get_untracked(), code));
    };

    view! {
        <section class="sign-in card" aria-labelledby="sign-in-heading">
            <h1 id="sign-in-heading" tabindex="-1" node_ref=heading>{i18n.t(LaterMsg::SignInHeading)}</h1>
            {move || session.notice().map(|n| view! { <p class="notice" role="status">{i18n.t(n)}</p> })}
            <form on:submit=submit>
                <div class="field">
                    <label for="sign-in-email">{i18n.t(LaterMsg::Email)}</label>
                    <input id="sign-in-email" name="email" type="email" autocomplete="username" required bind:value=email/>
                </div>
                <div class="field">
                    <label for="sign-in-password">{i18n.t(LaterMsg::Password)}</label>
                    <input id="sign-in-password" name="password" type="password" autocomplete="current-password" required bind:value=password/>
                </div>
                <Show when=move || needs_totp.get()>
                    <div class="field">
                        <label for="sign-in-totp">{i18n.t(LaterMsg::OneTimeCode)}</label>
                        <input id="sign-in-totp" name="totp" inputmode="numeric" autocomplete="one-time-code" bind:value=totp/>
                    </div>
                </Show>
                <p class="form-error" role="alert">{move || error.get()}</p>
                <button type="submit" class="primary" disabled=move || busy.get()>
                    {move || i18n.t(if busy.get() { LaterMsg::SigningIn } else { LaterMsg::SignIn })}
                </button>
            </form>
        </section>
    }
}
