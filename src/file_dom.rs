//! Files in the browser: reading a picked, dropped or pasted file into the data URL the API
//! takes, and showing fetched bytes through an object URL (a picture behind a bearer token has
//! no address an `<img>` could load by itself).

use futures::channel::oneshot;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::model::attachment::{check_file, FileProblem, PickedFile};

/// Why a file could not be taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotTaken {
    Refused(FileProblem),
    /// The browser could not read it (removed from disk meanwhile, say).
    Unreadable,
}

/// Checks `file` by its declared type and size, then reads it. A refused file is never read.
pub async fn take(file: &web_sys::File) -> Result<PickedFile, NotTaken> {
    let content_type = file.type_();
    let bytes = file.size() as u64;
    let kind = check_file(&content_type, bytes).map_err(NotTaken::Refused)?;
    let data_url = read_data_url(file).await.ok_or(NotTaken::Unreadable)?;
    Ok(PickedFile { name: file.name(), bytes, kind, data_url })
}

/// A read in progress. Dropped before it ends (another file taken, the composer gone), it
/// stops the read and unhooks its handler, which would otherwise be called after being freed.
struct Reading {
    reader: web_sys::FileReader,
    _on_end: Closure<dyn FnMut()>,
}

impl Drop for Reading {
    fn drop(&mut self) {
        self.reader.set_onloadend(None);
        if self.reader.ready_state() == web_sys::FileReader::LOADING {
            self.reader.abort();
        }
    }
}

/// The file as `data:<type>;base64,…`, encoded by the browser.
async fn read_data_url(file: &web_sys::File) -> Option<String> {
    let reader = web_sys::FileReader::new().ok()?;
    let (done, finished) = oneshot::channel::<()>();
    let mut done = Some(done);
    // `loadend` comes after success and failure alike; the result tells which.
    let on_end = Closure::<dyn FnMut()>::new(move || {
        if let Some(done) = done.take() {
            let _ = done.send(());
        }
    });
    reader.set_onloadend(Some(on_end.as_ref().unchecked_ref()));
    let reading = Reading { reader, _on_end: on_end };
    reading.reader.read_as_data_url(file).ok()?;
    finished.await.ok()?;
    reading.reader.result().ok()?.as_string()
}

/// The first file a drop or a paste carries, if any.
pub fn first_file(transfer: Option<web_sys::DataTransfer>) -> Option<web_sys::File> {
    transfer?.files()?.get(0)
}

/// A `blob:` URL for `bytes`, to be given back with `revoke` when its view goes.
pub fn object_url(bytes: &[u8], content_type: &str) -> Option<String> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(content_type);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

pub fn revoke(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}
