//! Hostile live pages in a browser (`wasm-pack test --headless --chrome`): what only a real DOM can hold.
//!
//! A JavaScript string may hold a lone UTF-16 surrogate, which no Rust `String` can: wasm-bindgen turns each
//! into U+FFFD, one code unit for one, so UTF-16 offsets in the article text still match the page's nodes.
//! Deep and wide DOMs scan without recursion, in time linear in their size.
#![cfg(target_arch = "wasm32")]

use js_sys::{JsString, Reflect};
use newslens::page::dom::scan_document;
use newslens::{analyze, Options, Reference};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const SENTENCE: &str = "« Nous ne céderons pas », a déclaré jeudi M. Jean Dupont, le ministre de l'Intérieur, à Paris. ";

fn document() -> web_sys::Document {
    web_sys::window().expect("a window").document().expect("a document")
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A text node whose data is the given UTF-16 units (lone surrogates allowed).
fn text_node(units: &[u16]) -> web_sys::Node {
    let node = document().create_text_node("");
    Reflect::set(&node, &JsValue::from_str("data"), &JsString::from_char_code(units)).expect("data set");
    node.into()
}

/// A detached `<div>` in the body holding `build`'s content; the caller removes it.
fn container() -> web_sys::Element {
    let div = document().create_element("div").expect("a div");
    document().body().expect("a body").append_child(&div).expect("appended");
    div
}

#[wasm_bindgen_test]
fn lone_surrogates_in_text_nodes_keep_offsets_right() {
    let root = container();
    let article = document().create_element("article").expect("an article");
    root.append_child(&article).unwrap();
    let s: Vec<u16> = SENTENCE.encode_utf16().collect();
    // Lone high and low surrogates at the start, inside, beside a quote mark, and at the end of nodes; one
    // high surrogate ends a node and its low half starts the next (a pair split across nodes).
    let mut nodes: Vec<Vec<u16>> = Vec::new();
    for k in 0..6 {
        let mut units = Vec::new();
        match k % 3 {
            0 => units.push(0xD800),
            1 => units.push(0xDFFF),
            _ => {}
        }
        units.extend_from_slice(&s);
        units.insert(units.len() / 2, 0xDC00);
        units.extend_from_slice(&s);
        units.push(0xD83D);
        nodes.push(units);
    }
    for units in &nodes {
        let p = document().create_element("p").unwrap();
        p.append_child(&text_node(units)).unwrap();
        article.append_child(&p).unwrap();
    }
    let last = article.last_element_child().unwrap();
    last.append_child(&text_node(&[0xDE00, b'x' as u16, b'.' as u16])).unwrap();

    let content = scan_document(&document()).expect("an article");
    let text: Vec<u16> = content.text.encode_utf16().collect();
    let mut checked = 0;
    for seg in &content.segments {
        let data: Vec<u16> = JsString::from(Reflect::get(&seg.node, &JsValue::from_str("data")).unwrap()).iter().collect();
        for k in 0..seg.len_u16 {
            let (unit, node_unit) = (text[seg.start_u16 + k], data[seg.node_offset(k)]);
            if (0xD800..0xE000).contains(&node_unit) {
                // A surrogate alone in its node becomes U+FFFD; each half of the split pair is alone too.
                assert_eq!(unit, 0xFFFD, "unit {k} of a segment");
                checked += 1;
            } else if unit != u16::from(b' ') {
                assert_eq!(unit, node_unit, "unit {k} of a segment");
            }
        }
    }
    // 4 leading, 6 inside, 6 trailing, and the low half that starts the last node.
    assert_eq!(checked, 17, "lone surrogates seen");

    // The analysis of that text: spans index it, and the quotes are still found beside the surrogates.
    let options = Options { reference: Reference::parse_iso("2017-03-03T13:27"), ..Options::default() };
    let a = analyze(&content.text, &options);
    for q in &a.quotes {
        assert_eq!(String::from_utf16(&text[q.start_u16..q.end_u16]).ok().as_deref(), Some(q.text.as_str()));
    }
    for m in a.entities.iter().flat_map(|e| &e.mentions) {
        assert_eq!(String::from_utf16(&text[m.start_u16..m.end_u16]).ok().as_deref(), Some(m.text.as_str()));
    }
    assert!(a.quotes.len() >= 6, "{} quotes", a.quotes.len());
    root.remove();
}

/// Scan a page of `build(n)`; milliseconds taken. In the live document (`windowless` false) the page goes
/// inside the body; otherwise into a document made with `createHTMLDocument`, which has no window and so no
/// layout: Chromium's renderer itself crashes on a live page some 5 000 levels deep, extension or not.
fn time_scan(n: usize, windowless: bool, build: &dyn Fn(&web_sys::Element, usize)) -> f64 {
    let doc = if windowless {
        document().implementation().expect("an implementation").create_html_document().expect("a document")
    } else {
        document()
    };
    let root = doc.create_element("div").expect("a div");
    doc.body().expect("a body").append_child(&root).expect("appended");
    build(&root, n);
    let start = now_ms();
    let content = scan_document(&doc).expect("an article");
    let took = now_ms() - start;
    assert!(content.text.contains("Nous ne céderons pas"));
    root.remove();
    took
}

/// `depth` nested `<div>`s around a paragraph.
fn nest(root: &web_sys::Element, depth: usize) {
    let doc = root.owner_document().expect("a document");
    let mut parent: web_sys::Element = root.clone();
    for _ in 0..depth {
        let div = doc.create_element("div").unwrap();
        parent.append_child(&div).unwrap();
        parent = div;
    }
    let p = doc.create_element("p").unwrap();
    p.set_text_content(Some(&SENTENCE.repeat(4)));
    parent.append_child(&p).unwrap();
}

/// `n` text nodes in paragraphs of 50.
fn wide(root: &web_sys::Element, n: usize) {
    let document = || root.owner_document().expect("a document");
    let article = document().create_element("article").unwrap();
    root.append_child(&article).unwrap();
    let mut p = document().create_element("p").unwrap();
    for k in 0..n {
        if k % 50 == 0 {
            p = document().create_element("p").unwrap();
            article.append_child(&p).unwrap();
        }
        let words = if k % 10 == 0 { SENTENCE } else { "mot " };
        p.append_child(&document().create_text_node(words)).unwrap();
    }
}

/// Linear: 8× the size takes at most 40× the time (quadratic is 64), best of two runs each, with a 5 ms floor
/// on the small run. The browser gives wall-clock time only, so the bound is looser than the native tests'.
fn assert_linear(name: &str, n: usize, windowless: bool, build: &dyn Fn(&web_sys::Element, usize)) {
    time_scan(n, windowless, build); // warm-up
    let small = time_scan(n, windowless, build).min(time_scan(n, windowless, build)).max(5.0);
    let large = time_scan(8 * n, windowless, build).min(time_scan(8 * n, windowless, build));
    let ratio = large / small;
    web_sys::console::log_1(&format!("{name}: {small:.0} ms → {large:.0} ms (×{ratio:.1})").into());
    assert!(ratio < 40.0, "{name}: 8× the size took {ratio:.1}× the time");
}

#[wasm_bindgen_test]
fn ten_thousand_levels_of_dom_scan_without_overflow() {
    time_scan(10_000, true, &nest);
    assert_linear("DOM depth", 1_500, true, &nest);
    // In the live page, about as deep as Chromium renders (it crashes near 3 000 levels).
    time_scan(2_000, false, &nest);
}

#[wasm_bindgen_test]
fn a_hundred_thousand_live_text_nodes() {
    time_scan(100_000, false, &wide);
    assert_linear("live DOM text nodes", 5_000, false, &wide);
}
