//! A picture or file for a new conversation's opening post: picked with the file input,
//! dropped on the composer, or pasted into it. A file of the wrong type or too large is
//! refused with the reason beside the field, before anything is read; the rest of the draft is
//! untouched either way.

use leptos::prelude::*;

use super::field::FieldErrors;
use super::live_region::Announcer;
use crate::file_dom::{self, NotTaken};
use crate::i18n::{use_i18n, I18n, LaterMsg, LaterPhrase};
use crate::model::attachment::{readable_size, FileKind, FileProblem, PickedFile, ACCEPTED_TYPES};
use crate::reads::Reads;

/// The property the API names in its errors about the file, and so the field's error key.
pub const FILE_FIELD: &str = "NewFileDataUrl";

/// The composer's file: what was taken, its description, and how a new one is taken.
#[derive(Clone, Copy)]
pub struct Attachment {
    pub file: RwSignal<Option<PickedFile>>,
    pub description: RwSignal<String>,
    errors: FieldErrors,
    reads: Reads,
    i18n: I18n,
    announcer: Announcer,
}

impl Attachment {
    /// Created by the composer, whose errors show the file's problems too.
    pub fn new(errors: FieldErrors) -> Attachment {
        Attachment {
            file: RwSignal::new(None),
            description: RwSignal::new(String::new()),
            errors,
            reads: Reads::new(),
            i18n: use_i18n(),
            announcer: expect_context::<Announcer>(),
        }
    }

    /// Takes `file` in place of any before it, or says why not.
    pub fn take(self, file: web_sys::File) {
        let (i18n, announcer) = (self.i18n, self.announcer);
        let name = file.name();
        self.reads.replace(async move { file_dom::take(&file).await }, move |taken| match taken {
            Ok(picked) => {
                self.errors.remove(FILE_FIELD);
                announcer.say(i18n.text(LaterPhrase::FileAttached(picked.name.clone())));
                self.file.set(Some(picked));
            }
            Err(not_taken) => self.errors.set_one(FILE_FIELD, i18n.text(refusal(name, not_taken))),
        });
    }

    pub fn clear(self) {
        self.file.set(None);
        self.description.set(String::new());
        self.errors.remove(FILE_FIELD);
    }
}

fn refusal(name: String, not_taken: NotTaken) -> LaterPhrase {
    match not_taken {
        NotTaken::Refused(FileProblem::TooLarge { bytes }) => LaterPhrase::FileTooLarge { name, size: readable_size(bytes) },
        NotTaken::Refused(FileProblem::WrongType) => LaterPhrase::FileWrongType(name),
        NotTaken::Refused(FileProblem::Empty) => LaterPhrase::FileEmpty(name),
        NotTaken::Unreadable => LaterPhrase::FileUnreadable(name),
    }
}

/// Whether a drag carries files (not text being moved within the form).
pub fn carries_files(ev: &web_sys::DragEvent) -> bool {
    ev.data_transfer().is_some_and(|t| t.types().iter().any(|k| k.as_string().as_deref() == Some("Files")))
}

#[component]
pub fn FileAttach(attachment: Attachment) -> impl IntoView {
    let i18n = use_i18n();
    let input = NodeRef::<leptos::html::Input>::new();
    let on_change = move |_| {
        let Some(input) = input.get() else { return };
        if let Some(file) = input.files().and_then(|list| list.get(0)) {
            attachment.take(file);
        }
        // The same file may be picked again after it is removed.
        input.set_value("");
    };
    let error = move || attachment.errors.get(FILE_FIELD);
    view! {
        <div class="field file-field" data-field=FILE_FIELD>
            <label for="thread-file">{i18n.t(LaterMsg::AttachFile)}</label>
            <input id="thread-file" type="file" node_ref=input accept=ACCEPTED_TYPES.join(",") on:change=on_change
                aria-invalid=move || error().is_some().to_string() aria-describedby="thread-file-hint NewFileDataUrl-error"/>
            <p class="hint" id="thread-file-hint">{i18n.t(LaterMsg::AttachFileHint)}</p>
            <p class="field-error" id="NewFileDataUrl-error">{error}</p>
            {move || attachment.file.get().map(|picked| view! { <PickedFileCard picked=picked attachment=attachment/> })}
        </div>
    }
}

#[component]
fn PickedFileCard(picked: PickedFile, attachment: Attachment) -> impl IntoView {
    let i18n = use_i18n();
    let label = format!("{} ({})", picked.name, readable_size(picked.bytes));
    let remove_label = i18n.text(LaterPhrase::RemoveFile(picked.name.clone()));
    let is_picture = picked.kind == FileKind::Picture;
    view! {
        <div class="picked-file">
            // The preview repeats what the description field says: hidden from screen readers.
            {is_picture.then(|| view! { <img class="picked-preview" src=picked.data_url.clone() alt=""/> })}
            <span class="picked-name">{label}</span>
            <button type="button" class="secondary" aria-label=remove_label on:click=move |_| attachment.clear()>{i18n.t(LaterMsg::RemoveFileButton)}</button>
        </div>
        <div class="field">
            <label for="thread-file-description">{i18n.t(if is_picture { LaterMsg::PictureDescription } else { LaterMsg::FileDescription })}</label>
            <input id="thread-file-description" type="text" data-field="Description" bind:value=attachment.description/>
        </div>
    }
}
