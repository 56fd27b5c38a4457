//! An inline "are you sure?" for destructive actions: keyboard-reachable, no browser dialog.

use leptos::prelude::*;

#[component]
pub fn ConfirmButton(
    /// The button's text ("Delete").
    label: &'static str,
    /// The question asked before acting.
    question: &'static str,
    #[prop(into)] on_confirm: Callback<()>,
    #[prop(into, optional)] busy: Signal<bool>,
) -> impl IntoView {
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
                    {format!("Yes, {}", label.to_lowercase())}
                </button>
                <button type="button" on:click=move |_| asking.set(false)>"Cancel"</button>
            </span>
        </Show>
    }
}
