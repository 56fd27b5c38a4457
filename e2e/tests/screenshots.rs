//! Screenshots of the list, a thread and the composer at desktop and phone widths, kept as
//! artifacts; at 360 px nothing may scroll sideways.

use board_e2e::Journey;
use board_sandbox::seed::DEMO_MEMBER;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn list_thread_and_composer_at_desktop_and_phone_widths() {
    let j = Journey::start().await;
    j.sign_in(DEMO_MEMBER.email, DEMO_MEMBER.password).await;
    for (label, width, height) in [("desktop", 1280, 900), ("phone", 360, 740)] {
        j.resize(width, height).await;
        for (screen, path, ready) in
            [("list", "/", ".thread-row .thread-author"), ("thread", "/threads/10062", ".zoom-card"), ("composer", "/new", "#thread-subject")]
        {
            j.open(path).await;
            j.wait_for(ready).await;
            j.wait_until("rendering to settle", "return !document.querySelector('.skeleton') && !document.querySelector('.loading');").await;
            let overflow = j.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;", vec![]).await;
            assert!(overflow.as_i64().unwrap() <= 0, "{screen} scrolls sideways at {width}px by {overflow}");
            let shot = j.screenshot(&format!("{screen}-{label}")).await;
            assert!(std::fs::metadata(&shot).unwrap().len() > 5_000);
        }
    }
    j.finish().await;
}
