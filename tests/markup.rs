//! Telling the portal editor's markup from plain text, the links that may be followed, and a
//! markup message read as one line.

use community_board::model::markup::{is_markup, plain_text, readable, safe_href, AllowedTag};

#[test]
fn markup_is_an_allow_listed_tag_written_as_html_writes_it() {
    for text in [
        "<p>Hello</p>",
        "line one<br>line two",
        "line one<br/>two",
        "<br />",
        "a <strong>bold</strong> move",
        "</em>",
        "<A HREF=\"https://example.com\">x</A>",
        "<ul>\n<li>one</li></ul>",
        "<blockquote>said</blockquote>",
        "<a\nhref=\"https://x.example\">x</a>",
    ] {
        assert!(is_markup(text), "{text:?} is markup");
    }
    for text in [
        "a < b and c > d",
        "I <3 this",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<pre",
        "<b",
        "<bold>not a tag we know</bold>",
        "<p-like>",
        "&lt;p&gt;encoded once more&lt;/p&gt;",
        "<a href=\"x\"",
        "plain text",
        "",
    ] {
        assert!(!is_markup(text), "{text:?} is plain text");
    }
}

#[test]
fn every_allowed_name_and_nothing_else() {
    let allowed = ["p", "br", "b", "strong", "i", "em", "u", "ul", "ol", "li", "blockquote", "pre", "code", "a"];
    for name in allowed {
        assert!(AllowedTag::from_name(name).is_some(), "{name}");
        assert!(AllowedTag::from_name(&name.to_uppercase()).is_some(), "{name} in capitals");
    }
    for name in ["script", "img", "svg", "iframe", "style", "span", "div", "h1", "table", "form", "input", "abbr", "s", ""] {
        assert!(AllowedTag::from_name(name).is_none(), "{name}");
    }
}

#[test]
fn only_http_https_and_mailto_links_are_followed() {
    for href in ["https://example.com/a?b=c", "http://example.com", "  https://example.com  ", "mailto:someone@example.com", "HTTPS://EXAMPLE.COM"] {
        assert!(safe_href(href).is_some(), "{href:?}");
    }
    for href in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\u{0}script:alert(1)",
        "https://exa\nmple.com",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//example.com",
        "/relative",
        "#top",
        "https://",
        "mailto:",
        "",
    ] {
        assert_eq!(safe_href(href), None, "{href:?}");
    }
}

#[test]
fn markup_reads_as_one_line_of_its_text() {
    assert_eq!(plain_text("<p>Tom &amp; Jerry</p><p>are <strong>back</strong></p>"), "Tom & Jerry are back");
    assert_eq!(plain_text("<ul><li>one</li><li>two</li></ul>"), "one two");
    assert_eq!(plain_text("a < b <br> c"), "a < b c");
    assert_eq!(plain_text("&amp;lt;p&amp;gt;"), "&lt;p&gt;", "decoded once, not twice");
    assert_eq!(readable("<p>Hi</p>"), "Hi");
    assert_eq!(readable("a < b & c"), "a < b & c", "plain text is left as it is");
}

#[test]
fn the_parser_is_given_bare_allowed_tags_and_everything_else_as_text() {
    use community_board::model::markup::clean_source;
    let cases = [
        ("<p class=\"x\" onclick=\"alert(1)\">hi</p>", "<p>hi</p>"),
        ("<P STYLE='color:red'>hi</P>", "<p>hi</p>"),
        ("a<br/>b<br />c<BR>", "a<br>b<br>c<br>"),
        ("<script>alert(1)</script>", "&lt;script>alert(1)&lt;/script>"),
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)>"),
        ("<!-- note -->", "&lt;!-- note -->"),
        ("a < b", "a &lt; b"),
        ("<b", "&lt;b"),
        ("<p title=\"a > b\">x</p>", "<p>x</p>"),
        ("<p title='it\"s'>x</p>", "<p>x</p>"),
        ("<p title=\"unterminated>x</p>", "&lt;p title=\"unterminated>x</p>"),
        ("<a href=\"https://example.com/?a=1&amp;b=2\" target=_self>x</a>", "<a href=\"https://example.com/?a=1&amp;b=2\">x</a>"),
        ("<a href=https://example.com/x onclick=y>x</a>", "<a href=\"https://example.com/x\">x</a>"),
        ("<a href=\"javascript:alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\" JAVA&#x09;SCRIPT:alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\"https://a.example\" href=\"javascript:alert(1)\">x</a>", "<a href=\"https://a.example\">x</a>"),
        ("<a href=\"javascript:alert(1)\" href=\"https://a.example\">x</a>", "<a>x</a>"),
        ("<a href=\"https://x.example/\\\"onmouseover=\\\"\">x</a>", "<a href=\"https://x.example/\\\">x</a>"),
        ("<svg><a href=\"https://example.com\">x</a></svg>", "&lt;svg><a href=\"https://example.com\">x</a>&lt;/svg>"),
        ("<strong\nclass=a\n>multi-line</strong >", "<strong>multi-line</strong>"),
        ("<p>ünïcödé <em title=\"é>\">ok</em></p>", "<p>ünïcödé <em>ok</em></p>"),
    ];
    for (given, expected) in cases {
        assert_eq!(clean_source(given), expected, "{given:?}");
    }
}
