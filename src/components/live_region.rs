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

/// "Draft saved", said once the member pauses typing rather than at every keystroke.
#[derive(Clone, Copy)]
pub struct DraftSavedNotice {
    announcer: Announcer,
    text: &'static str,
    timer: StoredValue<Option<i32>>,
}

/// How long typing must pause before the save is announced.
const PAUSE_MS: i32 = 1500;

impl Default for DraftSavedNotice {
    fn default() -> Self {
        Self::new()
    }
}

impl DraftSavedNotice {
    /// For the calling component; a pending notice is dropped when the component goes.
    pub fn new() -> Self {
        let notice = DraftSavedNotice {
            announcer: expect_context::<Announcer>(),
            text: crate::i18n::use_i18n().t(crate::i18n::Msg::DraftSaved),
            timer: StoredValue::new(None),
        };
        on_cleanup(move || notice.cancel());
        notice
    }

    /// The draft was just written: announce it after the pause, unless more typing follows.
    pub fn saved(&self) {
        self.cancel();
        let (announcer, text) = (self.announcer, self.text);
        self.timer.set_value(crate::browser::after_ms(PAUSE_MS, move || announcer.say(text)));
    }

    /// The draft is being sent: its outcome is what to announce now.
    pub fn cancel(&self) {
        // (Also from the component's cleanup, before its values are disposed.)
        if let Some(handle) = self.timer.get_value() {
            crate::browser::cancel_timer(handle);
        }
    }
}

#[component]
pub fn LiveRegion() -> impl IntoView {
    let announcer = expect_context::<Announcer>();
    view! { <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">{move || announcer.0.get()}</div> }
}
