//! A component's reads, in the shape of leptos-use's fetch hooks: every task a component
//! starts here ends when the component is cleaned up, and a task started with `replace` also
//! ends when a newer one starts. An ended task is dropped where it stands: its request is
//! aborted (every request aborts its fetch when dropped, `api::client`), it retries and waits
//! no more, and its answer is never kept. So a screen that is gone sends nothing more, and
//! nothing here touches a disposed signal.
//!
//! Not `LocalResource`: its async machinery costs the first page about 30 KB of wasm, and the
//! list needs only "the newest answer, or none".

use std::future::Future;

use futures::channel::oneshot;
use futures::future::{select, AbortHandle, Abortable, FutureExt, LocalBoxFuture, Shared};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Reads(StoredValue<State, LocalStorage>);

struct State {
    /// Resolves when the component is cleaned up (its sender is dropped then).
    ended: Shared<oneshot::Receiver<()>>,
    /// The task `replace` started last.
    newest: Option<AbortHandle>,
}

impl Reads {
    /// Reads owned by the current component.
    pub fn new() -> Reads {
        let (end, ended) = oneshot::channel::<()>();
        let state = StoredValue::new_local(State { ended: ended.shared(), newest: None });
        // (Cleanups run before the owner's values are disposed: `state` is still there.)
        on_cleanup(move || {
            drop(end);
            let mut newest = None;
            state.update_value(|s| newest = s.newest.take());
            if let Some(newest) = newest {
                newest.abort();
            }
        });
        Reads(state)
    }

    /// Starts `task` beside any others (another page of replies, a poll); `keep` gets its
    /// answer, in the component's reactive scope, if the component is still there.
    pub fn spawn<T: 'static>(&self, task: impl Future<Output = T> + 'static, keep: impl FnOnce(T) + 'static) {
        let owner = Owner::current();
        self.run(
            async move {
                let answer = task.await;
                match owner {
                    Some(owner) => owner.with(|| keep(answer)),
                    None => keep(answer),
                }
            }
            .boxed_local(),
        );
    }

    /// Runs `job` (a task with its `keep`) until it is done or the component is cleaned up.
    /// Not generic, so the race is compiled once rather than once for every kind of answer.
    fn run(&self, job: LocalBoxFuture<'static, ()>) {
        let ended = self.0.with_value(|s| s.ended.clone());
        // The end is polled first: an answer that arrives in the same turn as the cleanup is
        // not kept.
        leptos::task::spawn_local(async move {
            select(ended, job).await;
        });
    }

    /// Starts `task` in place of the one `replace` started before (a list for new filters):
    /// only the newest answer is kept.
    pub fn replace<T: 'static>(&self, task: impl Future<Output = T> + 'static, keep: impl FnOnce(T) + 'static) {
        let (handle, registration) = AbortHandle::new_pair();
        let mut before = None;
        self.0.update_value(|s| before = s.newest.replace(handle));
        if let Some(before) = before {
            before.abort();
        }
        self.spawn(Abortable::new(task, registration), move |answer| {
            if let Ok(answer) = answer {
                keep(answer);
            }
        });
    }
}

impl Reads {
    /// Ends the task `replace` started last, if it is still running.
    pub fn stop(&self) {
        let mut newest = None;
        self.0.update_value(|s| newest = s.newest.take());
        if let Some(newest) = newest {
            newest.abort();
        }
    }
}

impl Default for Reads {
    fn default() -> Reads {
        Reads::new()
    }
}
