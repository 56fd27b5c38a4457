//! An inline "are you sure?" for destructive actions: keyboard-reachable, no browser dialog.

use leptos::prelude::*;

use crate::i18n::{use_i18n, LaterMsg};

#[component]
pub fn ConfirmButton(
    /// The button's text ("Delete").
    label: LaterMsg,
    /// The button that confirms ("Yes, delete").
    confirm_label: LaterMsg,
    /// The question asked before acting.
    question: LaterMsg,
    #[prop(into)] on_confirm: Callback<()>,
    #[prop(into, optional)] busy: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (label, confirm_label, question) = (i18n.t(label), i18n.t(confirm_label), i18n.t(question));
    let asking = RwSignal::new(false);
    view! {
        <Show
            when=move || asking.get()
            fallback=move || view! {
                <button type="button" class="danger-link" on:click=move |_| asking.set(true)>{label}</button>
            }
        >
            <span class="confirm" role="group" aria-label=question>
                <span>{question}</span>
                <button type="button" class="danger" disabled=move || busy.get() on:click=move |_| on_confirm.run(())>
                    {confirm_label}
                </button>
                <button type="button" on:click=move |_| asking.set(false)>{i18n.t(LaterMsg::Cancel)}</button>
            </span>
        </Show>
    }
}
