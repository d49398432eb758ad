//! The live-DOM backend in a browser: `wasm-pack test --headless --chrome` (or `--firefox`).
//!
//! Builds a small page with `set_inner_html`, scans it with `dom::scan_document`, and checks the text and
//! that every segment points back at the right units of the page's own text nodes.
#![cfg(target_arch = "wasm32")]

mod common;

use newslens::page::dom::scan_document;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const LONG: &str = "and the reporter wrote one more sentence about it, as reporters do. ";

fn document() -> web_sys::Document {
    web_sys::window().expect("a window").document().expect("a document")
}

/// Add the page beside the test runner's own output (replacing `<body>` would erase it and the runner would
/// report the test as not run); the caller removes it.
fn add_to_body(html: &str) -> web_sys::Element {
    let doc = document();
    let div = doc.create_element("div").expect("a div");
    div.set_inner_html(html);
    doc.body().expect("a body").append_child(&div).expect("appended");
    div
}

/// The segment map is exact (see `common::check_segments`), on the live DOM.
fn check_segments(content: &newslens::page::ArticleContent<web_sys::Node>) {
    common::check_segments(content, |n| n.node_value().expect("a text node"));
}

#[wasm_bindgen_test]
fn scans_the_article_of_a_live_page() {
    let long = LONG.repeat(4);
    let added = add_to_body(&format!(
        "<style>.gone {{ display: none }} .ghost {{ visibility: hidden }}</style>\
         <nav><a href='/'>Home</a></nav>\
         <article><h1>Le titre</h1>\
         <p>Premier   paragraphe, <b>gras</b> {long}</p>\
         <p class=gone>caché par la feuille de style</p>\
         <p>Second<br>ligne, <span class=ghost>fantôme</span>{long}</p>\
         <p>Troisième, {long}</p></article>\
         <footer>Pied de page</footer>"
    ));
    let content = scan_document(&document()).expect("an article");
    let text = &content.text;
    assert!(text.starts_with("Le titre\nPremier paragraphe, gras and the reporter"), "{text}");
    assert!(text.contains("\nSecond\nligne, and the reporter"), "{text}");
    for absent in ["Home", "caché", "fantôme", "Pied de page"] {
        assert!(!text.contains(absent), "{absent} in {text}");
    }
    check_segments(&content);
    // The segment of "gras" is the <b>'s own text node.
    let start = text.encode_utf16().collect::<Vec<_>>().len() - text[text.find("gras").unwrap()..].encode_utf16().count();
    let (node, offset) = content.locate(start).expect("an offset in the text");
    assert_eq!(node.node_value().as_deref(), Some("gras"));
    assert_eq!(offset, 0);
    added.remove();
}

#[wasm_bindgen_test]
fn live_text_nodes_with_entities_emoji_nbsp_and_soft_hyphens_map_exactly() {
    let long = LONG.repeat(4);
    // Text nodes as the DOM holds them: entities decoded, a soft hyphen inside a word, a CR LF that only
    // script can put there (the HTML parser normalises newlines).
    let added = add_to_body(&format!(
        "<article><p>caf&eacute; 😀 cinq&nbsp;mille inter\u{ad}na\u{ad}tional <b>😀</b>gras<br>ligne {long}</p>\
         <p id=crlf>x</p><p>{long}</p></article>"
    ));
    let crlf = document().get_element_by_id("crlf").expect("the paragraph");
    crlf.set_text_content(Some("avant\r\n  après, une phrase assez longue pour compter."));
    let content = scan_document(&document()).expect("an article");
    check_segments(&content);
    let text = &content.text;
    assert!(text.contains("café 😀 cinq\u{a0}mille international 😀gras\nligne"), "{text}");
    assert!(text.contains("avant après"), "{text}");
    // A word's offset in the text locates it in the page's own node, past emoji, NBSP and soft hyphens.
    let locate = |word: &str| {
        let start = text[..text.find(word).expect("the word")].encode_utf16().count();
        let (node, offset) = content.locate(start).expect("an offset in the text");
        (node.node_value().expect("a text node"), offset)
    };
    let (data, offset) = locate("international");
    assert!(data.starts_with("café 😀 cinq"), "{data}");
    assert_eq!(offset, 19);
    assert_eq!(locate("gras"), ("gras".to_string(), 0));
    let (data, offset) = locate("après");
    assert!(data.starts_with("avant\r\n"), "{data}");
    assert_eq!(offset, 9);
    added.remove();
}

#[wasm_bindgen_test]
fn a_page_without_text_is_no_article() {
    // A detached document: no window, so no computed style; the attribute checks still apply.
    let doc = document().implementation().expect("an implementation").create_html_document().expect("a document");
    doc.body().expect("a body").set_inner_html("<nav>Menu</nav><p hidden>hidden</p><script>x()</script>");
    let err = scan_document(&doc).unwrap_err();
    assert_eq!(err.kind(), newslens::ErrorKind::NoArticle);
}
