//! The later screens' styles (`style/screens.css`: the thread page and its replies, the
//! composer, the sign-in form) travel with those screens' code, not in the first page's
//! `board.css`. Only the split screens in `later.rs` name this module, so the sheet's text is
//! in their wasm chunks (−0.6 KB brotli on the first page, bench/HISTORY.md).
//!
//! The text becomes a constructed stylesheet adopted by the board's root: the document on its
//! own page, the shadow root when embedded. Not a `<style>` element: the board's
//! Content-Security-Policy (`style-src 'self'`) refuses inline style elements, and a sheet
//! built through the CSSOM is the script's own work, which that policy does not govern. It is
//! applied synchronously, as the screen is built, so the screen is never seen unstyled.

use wasm_bindgen::JsCast;

use crate::mount::board_root;

const SCREENS_CSS: &str = include_str!("../../style/screens.css");

thread_local! {
    /// The one sheet of the page (a board mounted again, in a new shadow root, adopts the same).
    static SHEET: Option<web_sys::CssStyleSheet> = {
        let sheet = web_sys::CssStyleSheet::new().ok();
        sheet.filter(|s| s.replace_sync(SCREENS_CSS).is_ok())
    };
}

/// Adds the later screens' sheet to the board's root, once (a screen built again finds it
/// there). Adopted sheets apply after the root's own (`board.css`); no rule there sets the
/// same property on the same elements, so the order changes nothing.
pub fn adopt() {
    let Some(sheet) = SHEET.with(Clone::clone) else { return };
    let Some(root) = board_root() else { return };
    // The root's sheets with this one added, or `None` when it is there already.
    let with_sheet = |sheets: js_sys::Array| (!sheets.includes(&sheet, 0)).then(|| sheets.concat(&js_sys::Array::of1(&sheet)));
    if let Some(shadow) = root.dyn_ref::<web_sys::ShadowRoot>() {
        if let Some(sheets) = with_sheet(shadow.adopted_style_sheets()) {
            shadow.set_adopted_style_sheets(&sheets);
        }
    } else if let Some(document) = root.dyn_ref::<web_sys::Document>() {
        if let Some(sheets) = with_sheet(document.adopted_style_sheets()) {
            document.set_adopted_style_sheets(&sheets);
        }
    }
}
