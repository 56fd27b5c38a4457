//! Field errors: the message beside a field, whether it came from the board's own checks or
//! from the API's 400 `Errors[]` (matched by `PropertyName`).

use std::collections::HashMap;

use leptos::prelude::*;

/// Errors by field key (the API's property name, or a form field id).
#[derive(Clone, Copy)]
pub struct FieldErrors(pub RwSignal<HashMap<String, String>>);

impl Default for FieldErrors {
    fn default() -> Self {
        Self::new()
    }
}

impl FieldErrors {
    pub fn new() -> Self {
        FieldErrors(RwSignal::new(HashMap::new()))
    }

    pub fn get(&self, key: &str) -> Option<String> {
        self.0.with(|m| m.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)).map(|(_, v)| v.clone()))
    }

    pub fn set_all(&self, errors: impl IntoIterator<Item = (String, String)>) {
        self.0.set(errors.into_iter().collect());
    }

    /// Sets one field's message (in place of any under the same key in another case),
    /// leaving the others.
    pub fn set_one(&self, key: &str, message: String) {
        self.0.update(|m| {
            m.retain(|k, _| !k.eq_ignore_ascii_case(key));
            m.insert(key.to_owned(), message);
        });
    }

    pub fn remove(&self, key: &str) {
        self.0.update(|m| m.retain(|k, _| !k.eq_ignore_ascii_case(key)));
    }

    pub fn clear(&self) {
        self.0.set(HashMap::new());
    }

    pub fn is_empty(&self) -> bool {
        self.0.with(HashMap::is_empty)
    }
}

/// The message under a field; its id is what the field's `aria-describedby` names.
#[component]
pub fn FieldMessage(errors: FieldErrors, key: &'static str, id: &'static str) -> impl IntoView {
    view! {
        <p class="field-error" id=id>{move || errors.get(key)}</p>
    }
}
