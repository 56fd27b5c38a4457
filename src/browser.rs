//! Small wrappers over browser APIs the board uses in several places.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// `localStorage`, where drafts live (never tokens).
pub fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

pub fn read_local(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok()?
}

pub fn write_local(key: &str, value: &str) {
    if let Some(s) = local_storage() {
        // A full or disabled storage only costs the draft's persistence, not the draft itself.
        let _ = s.set_item(key, value);
    }
}

pub fn remove_local(key: &str) {
    if let Some(s) = local_storage() {
        let _ = s.remove_item(key);
    }
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Whether the page is visible (polling pauses while it is not).
pub fn page_visible() -> bool {
    web_sys::window().and_then(|w| w.document()).map(|d| d.visibility_state() == web_sys::VisibilityState::Visible).unwrap_or(true)
}

/// Resolves after `ms` milliseconds.
pub async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Runs `f` after `ms` milliseconds; returns the timer handle for `cancel_timer`.
pub fn after_ms(ms: i32, f: impl FnOnce() + 'static) -> Option<i32> {
    let window = web_sys::window()?;
    let closure = Closure::once_into_js(f);
    window.set_timeout_with_callback_and_timeout_and_arguments_0(closure.unchecked_ref(), ms).ok()
}

pub fn cancel_timer(handle: i32) {
    if let Some(w) = web_sys::window() {
        w.clear_timeout_with_handle(handle);
    }
}

thread_local! {
    /// Intl formatters, made once per language: making one costs far more than using it, and
    /// a list of 1,000 rows formats 2,000 dates.
    static DATE_FORMAT: std::cell::RefCell<Option<(String, js_sys::Function)>> = const { std::cell::RefCell::new(None) };
    static RELATIVE_FORMAT: std::cell::RefCell<Option<(String, Option<js_sys::Intl::RelativeTimeFormat>)>> = const { std::cell::RefCell::new(None) };
}

/// An absolute date and time in the member's language (`locale_tag`, e.g. "es"), through
/// Intl, for `title` attributes.
pub fn absolute_time(ms: f64, locale_tag: &str) -> String {
    let format = DATE_FORMAT.with(|cell| {
        let mut cell = cell.borrow_mut();
        match cell.as_ref() {
            Some((tag, format)) if tag == locale_tag => format.clone(),
            _ => {
                let options = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
                let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
                let locales = js_sys::Array::of1(&locale_tag.into());
                let format = js_sys::Intl::DateTimeFormat::new(&locales, &options).format();
                *cell = Some((locale_tag.to_owned(), format.clone()));
                format
            }
        }
    });
    let date = js_sys::Date::new(&ms.into());
    format.call1(&wasm_bindgen::JsValue::NULL, &date).ok().and_then(|v| v.as_string()).unwrap_or_default()
}

thread_local! {
    /// Elements waiting for their `title` (`title_after_paint`).
    static TITLES_LATER: std::cell::RefCell<Vec<(web_sys::Element, f64, &'static str)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Gives `element` the absolute time `ms` as its `title` once the frame being built has been
/// painted. Making the first `Intl.DateTimeFormat` of a page costs some 50 ms (the browser
/// loads its locale data); a title is only read when the pointer rests on the time, so it
/// need not hold back the first rows. One task fills every title queued meanwhile.
pub fn title_after_paint(element: web_sys::Element, ms: f64, locale_tag: &'static str) {
    let first = TITLES_LATER.with(|queue| {
        let mut queue = queue.borrow_mut();
        queue.push((element, ms, locale_tag));
        queue.len() == 1
    });
    let Some(window) = web_sys::window().filter(|_| first) else { return };
    // A timer set from an animation frame runs after that frame is painted.
    let after_frame = Closure::once_into_js(|| {
        after_ms(0, || {
            for (element, ms, tag) in TITLES_LATER.with(|queue| std::mem::take(&mut *queue.borrow_mut())) {
                if element.is_connected() {
                    let _ = element.set_attribute("title", &absolute_time(ms, tag));
                }
            }
        });
    });
    let _ = window.request_animation_frame(after_frame.unchecked_ref());
}

/// Intl.RelativeTimeFormat for the language, or `None` where the browser lacks it (Safari
/// before 14).
fn relative_format(locale_tag: &str) -> Option<js_sys::Intl::RelativeTimeFormat> {
    RELATIVE_FORMAT.with(|cell| {
        let mut cell = cell.borrow_mut();
        if let Some((tag, format)) = cell.as_ref() {
            if tag == locale_tag {
                return format.clone();
            }
        }
        let available = js_sys::Reflect::get(&js_sys::global(), &"Intl".into())
            .and_then(|intl| js_sys::Reflect::has(&intl, &"RelativeTimeFormat".into()))
            .unwrap_or(false);
        let format = available.then(|| {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"numeric".into(), &"auto".into());
            js_sys::Intl::RelativeTimeFormat::new(&js_sys::Array::of1(&locale_tag.into()), &options)
        });
        *cell = Some((locale_tag.to_owned(), format.clone()));
        format
    })
}

/// "3 hours ago" in the member's language (`locale_tag`, e.g. "es"): through
/// Intl.RelativeTimeFormat, or the catalogue's words where the browser lacks it.
pub fn relative_time(then_ms: f64, now_ms: f64, locale_tag: &str) -> String {
    use crate::model::dates::{self, relative_parts};
    let future = then_ms > now_ms;
    // Future times (a Zoom meeting's start) count forward, past ones back.
    let (count, unit) = if future { relative_parts(now_ms as i64, then_ms as i64) } else { relative_parts(then_ms as i64, now_ms as i64) };
    let Some(format) = relative_format(locale_tag) else {
        let locale = crate::i18n::Locale::parse(locale_tag).unwrap_or_default();
        return match (future, count) {
            (true, 1..) => locale.text(crate::i18n::Phrase::TimeFromNow { count, unit }),
            _ => locale.text(dates::relative_time(then_ms as i64, now_ms as i64)),
        };
    };
    let value = if future { count as f64 } else { -(count as f64) };
    format.format(value, unit.intl_name()).into()
}

/// Calls `f` whenever the page becomes visible again, until the calling component is gone.
pub fn on_visible(f: impl Fn() + 'static) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let callback = Closure::<dyn Fn()>::new(move || {
        if page_visible() {
            f();
        }
    });
    let _ = document.add_event_listener_with_callback("visibilitychange", callback.as_ref().unchecked_ref());
    let callback = send_wrapper::SendWrapper::new(callback);
    leptos::prelude::on_cleanup(move || {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            let _ = document.remove_event_listener_with_callback("visibilitychange", callback.as_ref().as_ref().unchecked_ref());
        }
    });
}
