//! Loading on a reactive source without an async resource (whose machinery costs the first
//! page ~30 KB of wasm): each change starts a task, and only the newest task's answer is kept,
//! so an answer that arrives after the member moved on is dropped.

use std::future::Future;

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Latest(StoredValue<u32>);

impl Latest {
    pub fn new() -> Latest {
        Latest(StoredValue::new(0))
    }

    /// Starts `task`; `keep` gets its answer unless a later task was started meanwhile (or
    /// the component is gone).
    pub fn spawn<T: 'static>(&self, task: impl Future<Output = T> + 'static, keep: impl FnOnce(T) + 'static) {
        let newest = self.0;
        let this = newest.get_value().wrapping_add(1);
        newest.set_value(this);
        leptos::task::spawn_local(async move {
            let answer = task.await;
            if newest.try_get_value() == Some(this) {
                keep(answer);
            }
        });
    }
}

impl Default for Latest {
    fn default() -> Latest {
        Latest::new()
    }
}
