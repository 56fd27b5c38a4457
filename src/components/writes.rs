//! Writes go through Leptos' `Action`: it knows whether one is pending (the screens disable
//! their button and ignore a second press by it) and it keeps running when the screen that
//! started it goes away, as a post the server may already have should. What must happen
//! whatever the screen does (dropping a sent draft) happens in the action itself; what the
//! screen shows of the answer, here.

use leptos::prelude::*;

/// Calls `show` with each answer `action` gets while the calling component is there (an
/// effect: it ends with the component). `show` reads signals untracked.
pub fn on_answer<I: 'static, O: Clone + 'static>(action: Action<I, O>, show: impl Fn(O) + 'static) {
    let answers = action.value();
    Effect::new(move |_| {
        if let Some(answer) = answers.get() {
            untrack(|| show(answer));
        }
    });
}
