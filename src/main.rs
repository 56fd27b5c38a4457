//! The standalone page's start: mounts the board where `index.html` asks for it. A host page
//! that imports the module only for `mount()` has no such place, and nothing happens here.
fn main() {
    console_error_panic_hook::set_once();
    community_board::mount::mount_standalone();
}
