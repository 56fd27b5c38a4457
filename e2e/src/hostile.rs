//! A corpus of hostile content: markup and script in every form a member could type or an
//! integration could store, markup as the portal's editor writes it with attacks inside, plus
//! text that stresses layout. Each payload that could run
//! script sets `window.__xss`, so a test can tell whether anything ran.

/// The hand-written vectors; `corpus()` multiplies them into encodings.
const VECTORS: &[&str] = &[
    "<script>window.__xss=1</script>",
    "<img src=x onerror=\"window.__xss=1\">",
    "<svg onload=\"window.__xss=1\">",
    "<svg><script>window.__xss=1</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>",
    "<iframe src=\"javascript:window.__xss=1\"></iframe>",
    "<a href=\"javascript:window.__xss=1\">click me</a>",
    "javascript:window.__xss=1",
    "JaVaScRiPt:window.__xss=1",
    "data:text/html,<script>window.__xss=1</script>",
    "<body onload=window.__xss=1>",
    "<details open ontoggle=window.__xss=1>x</details>",
    "<input autofocus onfocus=window.__xss=1>",
    "<object data=\"javascript:window.__xss=1\"></object>",
    "<embed src=\"data:text/html,<script>window.__xss=1</script>\">",
    "<style>body{display:none}</style>",
    "<link rel=stylesheet href=\"javascript:window.__xss=1\">",
    "<form action=\"javascript:window.__xss=1\"><button>go</button></form>",
    "\"><script>window.__xss=1</script>",
    "'><img src=x onerror=window.__xss=1>",
    "</textarea><script>window.__xss=1</script>",
    "</title><script>window.__xss=1</script>",
    "<base href=\"javascript:/\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:window.__xss=1\">",
    "<video><source onerror=\"window.__xss=1\"></video>",
    "<audio src=x onerror=window.__xss=1>",
    "<div style=\"background:url(javascript:window.__xss=1)\">styled</div>",
    "{{constructor.constructor('window.__xss=1')()}}",
    "${window.__xss=1}",
    "<scr<script>ipt>window.__xss=1</scr</script>ipt>",
    "https://example.com/\"onmouseover=\"window.__xss=1",
    "https://example.com/<script>window.__xss=1</script>",
    "http://x.example/?a=<img src=x onerror=window.__xss=1>",
    "mailto:someone@example.com?body=<script>window.__xss=1</script>",
    "java\u{0}script:window.__xss=1",
    "vbscript:msgbox(1)",
    "<svg><a xlink:href=\"javascript:window.__xss=1\"><text x=\"0\" y=\"10\">x</text></a></svg>",
    "<math href=\"javascript:window.__xss=1\">x</math>",
    "<template><script>window.__xss=1</script></template>",
    "<noscript><p title=\"</noscript><img src=x onerror=window.__xss=1>\">",
    "<!--<img src=x onerror=window.__xss=1>-->",
    "<![CDATA[<script>window.__xss=1</script>]]>",
    "<? window.__xss=1 ?>",
    "\u{202E}gnp.exe.txt (right-to-left override)",
    "zero\u{200B}width\u{200C}joiners\u{200D}and\u{FEFF}bom",
    "Z\u{338}\u{322}\u{31b}a\u{337}l\u{336}g\u{334}o\u{335} combining",
    "family 👩\u{200D}👩\u{200D}👧\u{200D}👦 emoji",
    "line\r\nbreaks\u{2028}and\u{2029}separators",
    "\u{200F}rtl mark and \u{2066}isolate\u{2069}",
    // Markup as the portal's editor writes it, with attacks inside the allowed elements: the
    // board shows these as formatting (model::markup), so their attributes, links and the
    // elements around them must come out clean.
    "<p onclick=\"window.__xss=1\" style=\"position:fixed;inset:0\">a <strong onmouseover=window.__xss=1>paragraph</strong></p>",
    "<p>x</p><script>window.__xss=1</script><img src=x onerror=window.__xss=1>",
    "<a href=\"javascript:window.__xss=1\">a <b>bold</b> false link</a>",
    "<a href=\" JAVA&#x09;SCRIPT:window.__xss=1\">entity-split scheme</a>",
    "<a href=\"https://safe.example/\" onclick=\"window.__xss=1\" target=\"_self\" style=\"color:red\">safe link</a>",
    "<a href=\"data:text/html,<script>window.__xss=1</script>\">data link</a>",
    "<ul><li><svg onload=window.__xss=1><a href=\"javascript:window.__xss=1\">svg a</a></svg></li></ul>",
    "<blockquote><iframe src=\"javascript:window.__xss=1\"></iframe>quote</blockquote>",
    "<pre><code><img src=x onerror=window.__xss=1>code</code></pre>",
    "<em><math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1></em>",
    "<p><template><script>window.__xss=1</script></template><noscript><img src=x onerror=window.__xss=1></noscript></p>",
    "<u>open tags <i>never closed",
    "</p></li></ul><br/><br><br />stray closers",
    "<p>deep</p>{DEEP}",
];

/// Every payload: each vector as typed, HTML-entity encoded (as the portal API returns
/// text), double encoded, and behind a bidi override; plus one 100 KB unbroken string.
pub fn corpus() -> Vec<String> {
    let mut out = Vec::new();
    for v in VECTORS {
        out.push((*v).to_owned());
        let encoded = encode_entities(v);
        out.push(encoded.clone());
        out.push(encode_entities(&encoded));
        out.push(format!("\u{202E}{v}"));
    }
    out.push("W".repeat(100_000));
    // Nesting far past what the board keeps as elements.
    for payload in out.iter_mut() {
        if payload.contains("{DEEP}") {
            *payload = payload.replace("{DEEP}", &format!("{}deep text{}", "<b><i>".repeat(300), "</i></b>".repeat(300)));
        }
    }
    out
}

fn encode_entities(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}
