//! The standalone page's start: mounts the board where `index.html` asks for it. A host page
//! that imports the module only for `mount()` has no such place, and nothing happens here.
// talc instead of the standard library's dlmalloc: smaller (the whole page is one thread, so
// no locking is needed).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    console_error_panic_hook::set_once();
    community_board::mount::mount_standalone();
}
