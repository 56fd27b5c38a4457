//! One polite live region for the whole board: new replies, saved drafts, completed actions.

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Announcer(RwSignal<String>);

impl Default for Announcer {
    fn default() -> Self {
        Self::new()
    }
}

impl Announcer {
    pub fn new() -> Self {
        Announcer(RwSignal::new(String::new()))
    }

    /// Says `message` to assistive technology.
    pub fn say(&self, message: impl Into<String>) {
        self.0.set(message.into());
    }
}

#[component]
pub fn LiveRegion() -> impl IntoView {
    let announcer = expect_context::<Announcer>();
    view! { <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">{move || announcer.0.get()}</div> }
}
