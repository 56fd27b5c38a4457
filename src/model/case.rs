//! Letter case for comparing and showing text in any script: tags that differ only in case are
//! one tag, a mention matches whatever case it was typed in, initials are capitals.
//!
//! In the browser this is JavaScript's own `toLowerCase`/`toUpperCase`, which use the Unicode
//! data the browser already has. Rust's `str::to_lowercase` would put its own copy of the case
//! tables into the download: measured at 20.5 KB of the first page's 199.4 KB (brotli). Both
//! follow the Unicode default case mappings, final sigma included; natively (tests) Rust's is
//! used.

/// `text` in lower case.
pub fn lowercase(text: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    return String::from(js_sys::JsString::from(text).to_lower_case());
    #[cfg(not(target_arch = "wasm32"))]
    return text.to_lowercase();
}

/// `text` in upper case.
pub fn uppercase(text: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    return String::from(js_sys::JsString::from(text).to_upper_case());
    #[cfg(not(target_arch = "wasm32"))]
    return text.to_uppercase();
}

/// Whether `a` and `b` are the same text but for case.
pub fn same_but_case(a: &str, b: &str) -> bool {
    a == b || lowercase(a) == lowercase(b)
}
