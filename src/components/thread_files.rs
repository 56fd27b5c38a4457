//! The pictures and files on a conversation's opening post. Pictures show inline with their
//! description as alternative text; other files are links that download them. Their bytes
//! come with the member's token and are shown through object URLs, given back when the view
//! goes. They load after the replies (a background read): the conversation is what the
//! member came for.

use leptos::prelude::*;

use crate::api::{board, ApiClient};
use crate::file_dom;
use crate::i18n::{use_i18n, LaterMsg};
use crate::model::attachment::{FileKind, ThreadFile};
use crate::reads::Reads;

/// A file as shown: its record, and its bytes' object URL and kind once fetched.
#[derive(Clone, Debug, PartialEq)]
struct Shown {
    file: ThreadFile,
    loaded: Option<(String, FileKind)>,
}

#[component]
pub fn ThreadFiles(thread_id: i64) -> impl IntoView {
    let client = expect_context::<ApiClient>().in_background();
    let i18n = use_i18n();
    let shown = RwSignal::new(Vec::<Shown>::new());
    let task = async move {
        let files = board::thread_files(&client, thread_id).await.unwrap_or_default();
        let mut out = Vec::with_capacity(files.len());
        for file in files.into_iter().filter(ThreadFile::has_file) {
            // One file that fails to load still leaves its name on screen.
            let loaded = match board::thread_file_content(&client, file.id).await {
                Ok((bytes, content_type)) => file_dom::object_url(&bytes, &content_type).map(|url| (url, FileKind::of(&content_type))),
                Err(_) => None,
            };
            out.push(Shown { file, loaded });
        }
        out
    };
    Reads::new().spawn(task, move |files| shown.set(files));
    on_cleanup(move || {
        // (Cleanups run before the owner's signals are disposed: `shown` is still there.)
        shown.with_untracked(|files| files.iter().filter_map(|s| s.loaded.as_ref()).for_each(|(url, _)| file_dom::revoke(url)));
    });

    view! {
        <Show when=move || shown.with(|s| !s.is_empty())>
            <section class="thread-files" aria-label=i18n.t(LaterMsg::AttachedFiles)>
                <ul>
                    {move || shown.get().into_iter().map(|s| {
                        let label = s.file.label();
                        match s.loaded {
                            Some((url, FileKind::Picture)) => view! {
                                <li><figure><img src=url alt=s.file.alt_text()/><figcaption>{label}</figcaption></figure></li>
                            }.into_any(),
                            Some((url, FileKind::Document)) => {
                                let download = label.clone();
                                view! { <li><a class="file-link" href=url download=download>{label}</a></li> }.into_any()
                            }
                            None => view! {
                                <li class="file-missing">{label}{format!(" ({})", i18n.t(LaterMsg::FileNotLoaded))}</li>
                            }.into_any(),
                        }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}
