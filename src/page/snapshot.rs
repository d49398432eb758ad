//! The JSON snapshot backend: how the extension reads every page.
//!
//! The content script walks the live page into this JSON (`extension/content/snapshot.js`, in slices so that
//! no task of the page's main thread is long) and the service worker's WebAssembly, instantiated once for
//! every tab, finds the article in it with the same detection as the live-DOM backend (`dom.rs`) and the
//! parsed-HTML one (`html.rs`), off the page's thread. A page whose worker does not answer is read the same
//! way by the module loaded in the content script.
//!
//! # Format
//!
//! One node is a JSON object:
//! - an element: `{"t": "p"}` with optional `"a": {"class": "…", …}` (the attributes the finder reads:
//!   `ATTRS` in `snapshot.js`, which a unit test keeps equal to the `attr(…)` calls of `detect.rs` and
//!   `meta.rs`), `"c": [children…]`, and `"h": true` when its computed style hides it;
//! - a text node: `{"x": "text"}`.
//!
//! The top value is the root element (`<html>`, or `<body>` alone). Text nodes are numbered in document
//! (pre-)order from 0 over the **whole** snapshot, hidden or not; [`scan_snapshot`] returns segments whose
//! node is that number, so the content script maps them back to the text nodes it serialised.
//!
//! The long key names `tag`, `attrs`, `children`, `hidden`, `text` are read as `t`, `a`, `c`, `h`, `x`, and
//! the top value may be an envelope `{"url": "…", "root": NODE}` (what the extension's `snapshot.js` sends).
//! Unknown keys are ignored. The JSON is read without recursion, so any nesting depth is accepted. A lone
//! UTF-16 surrogate (`"\ud800"`, which `JSON.stringify` writes for a broken string) becomes U+FFFD: one
//! code unit for one, so offsets stay right.

use std::borrow::Cow;

use super::arena::{Arena, ArenaData, NodeId};
use super::{scan, ArticleContent, PageTree};
use crate::error::{Error, ErrorKind};

/// Find the article in a JSON page snapshot. Segment nodes are text-node numbers (document order, from 0).
pub fn scan_snapshot(json: &str) -> Result<ArticleContent<usize>, Error> {
    let arena = snapshot_arena(json)?;
    let content = scan(&arena)?;
    let mut number = vec![usize::MAX; arena.len()];
    for (i, id) in arena.text_nodes().into_iter().enumerate() {
        number[id] = i;
    }
    Ok(content.map_nodes(|id| number[id]))
}

/// Build the arena tree of a JSON page snapshot (see the module documentation for the format).
pub fn snapshot_arena(json: &str) -> Result<Arena, Error> {
    let events = tokenize(json)?;
    build(events)
}

/// Write an arena as a snapshot (the short-key format above; all attributes; `"h": true` for nodes marked
/// hidden). What a content script sends, made from parsed HTML: tests run the snapshot path on saved pages
/// with it. Iterative, like the reader.
pub fn to_snapshot_json(arena: &Arena) -> String {
    let mut out = String::new();
    let json = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
    // (node, closing): a closing frame ends an element's children list.
    let mut stack = vec![(arena.root(), false)];
    let mut first_child = true;
    while let Some((id, closing)) = stack.pop() {
        if closing {
            out.push_str("]}");
            first_child = false;
            continue;
        }
        if !first_child {
            out.push(',');
        }
        let node = arena.node(id);
        match &node.data {
            ArenaData::Text(t) => {
                out.push_str("{\"x\":");
                out.push_str(&json(t));
                out.push('}');
                first_child = false;
            }
            ArenaData::Element { name, attrs } => {
                out.push_str("{\"t\":");
                out.push_str(&json(name));
                if !attrs.is_empty() {
                    out.push_str(",\"a\":{");
                    for (k, (n, v)) in attrs.iter().enumerate() {
                        if k > 0 {
                            out.push(',');
                        }
                        out.push_str(&json(n));
                        out.push(':');
                        out.push_str(&json(v));
                    }
                    out.push('}');
                }
                if node.hidden {
                    out.push_str(",\"h\":true");
                }
                out.push_str(",\"c\":[");
                stack.push((id, true));
                stack.extend(node.children.iter().rev().map(|&c| (c, false)));
                first_child = true;
            }
            ArenaData::Document | ArenaData::Other => {
                out.push_str("{}");
                first_child = false;
            }
        }
    }
    out
}

fn bad(message: impl Into<String>) -> Error {
    Error::new(ErrorKind::InvalidInput, message)
}

/// A JSON token; the tokenizer has already checked that brackets, keys and commas are well formed. Strings
/// without escapes borrow from the JSON.
#[derive(Debug, PartialEq)]
enum Event<'j> {
    StartObject,
    EndObject,
    StartArray,
    EndArray,
    Key(Cow<'j, str>),
    Str(Cow<'j, str>),
    Bool(bool),
    /// Numbers and null: accepted, never used.
    Other,
}

/// Read JSON into a flat event list, iteratively (a stack of open containers instead of recursion).
fn tokenize(json: &str) -> Result<Vec<Event<'_>>, Error> {
    #[derive(Clone, Copy, PartialEq)]
    enum Open {
        Object,
        Array,
    }
    // What the parser expects next inside the innermost container.
    #[derive(Clone, Copy, PartialEq)]
    enum Want {
        Value,
        /// First key or `}` right after `{`.
        KeyOrEnd,
        Key,
        Colon,
        /// First value or `]` right after `[`.
        ValueOrEnd,
        CommaOrEnd,
    }
    let b = json.as_bytes();
    let mut i = 0;
    let mut stack: Vec<Open> = Vec::new();
    let mut want = Want::Value;
    let mut events = Vec::new();
    let mut done = false;
    loop {
        while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
            i += 1;
        }
        if done {
            if i < b.len() {
                return Err(bad(format!("snapshot: unexpected data after the root node at byte {i}")));
            }
            return Ok(events);
        }
        let Some(&c) = b.get(i) else {
            return Err(bad("snapshot: the json ends too early; send the whole snapshot"));
        };
        let value_allowed = matches!(want, Want::Value | Want::ValueOrEnd);
        let mut completed_value = false;
        match c {
            b'}' if matches!(want, Want::KeyOrEnd | Want::CommaOrEnd) && stack.last() == Some(&Open::Object) => {
                stack.pop();
                events.push(Event::EndObject);
                i += 1;
                completed_value = true;
            }
            b']' if matches!(want, Want::ValueOrEnd | Want::CommaOrEnd) && stack.last() == Some(&Open::Array) => {
                stack.pop();
                events.push(Event::EndArray);
                i += 1;
                completed_value = true;
            }
            b',' if want == Want::CommaOrEnd => {
                want = if stack.last() == Some(&Open::Object) { Want::Key } else { Want::Value };
                i += 1;
            }
            b':' if want == Want::Colon => {
                want = Want::Value;
                i += 1;
            }
            b'"' if matches!(want, Want::Key | Want::KeyOrEnd) => {
                let (s, next) = read_string(json, i)?;
                events.push(Event::Key(s));
                i = next;
                want = Want::Colon;
            }
            b'"' if value_allowed => {
                let (s, next) = read_string(json, i)?;
                events.push(Event::Str(s));
                i = next;
                completed_value = true;
            }
            b'{' if value_allowed => {
                stack.push(Open::Object);
                events.push(Event::StartObject);
                want = Want::KeyOrEnd;
                i += 1;
            }
            b'[' if value_allowed => {
                stack.push(Open::Array);
                events.push(Event::StartArray);
                want = Want::ValueOrEnd;
                i += 1;
            }
            _ if value_allowed => {
                let end = b[i..]
                    .iter()
                    .position(|c| matches!(c, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r'))
                    .map_or(b.len(), |p| i + p);
                let word = &json[i..end];
                let event = match word {
                    "true" => Event::Bool(true),
                    "false" => Event::Bool(false),
                    "null" => Event::Other,
                    w if !w.is_empty() && w.parse::<f64>().is_ok() => Event::Other,
                    _ => return Err(bad(format!("snapshot: invalid json value at byte {i}"))),
                };
                events.push(event);
                i = end;
                completed_value = true;
            }
            _ => return Err(bad(format!("snapshot: invalid json at byte {i}"))),
        }
        if completed_value {
            if stack.is_empty() {
                done = true;
            } else {
                want = Want::CommaOrEnd;
            }
        }
    }
}

/// Read the JSON string starting at the quote at byte `start`; return it (borrowed when it has no escape)
/// and the byte after its closing quote.
fn read_string(json: &str, start: usize) -> Result<(Cow<'_, str>, usize), Error> {
    let b = json.as_bytes();
    let mut i = start + 1;
    // Most strings have no escape: find the closing quote and lend the slice.
    while let Some(&c) = b.get(i) {
        match c {
            b'"' => return Ok((Cow::Borrowed(&json[start + 1..i]), i + 1)),
            b'\\' => break,
            c if c < 0x20 => return Err(bad(format!("snapshot: control character in json string at byte {i}"))),
            _ => i += 1,
        }
    }
    let mut out = String::new();
    let mut run = start + 1; // start of the current run of plain characters
    loop {
        let Some(&c) = b.get(i) else {
            return Err(bad("snapshot: unterminated json string"));
        };
        match c {
            b'"' => {
                out.push_str(&json[run..i]);
                return Ok((Cow::Owned(out), i + 1));
            }
            b'\\' => {
                out.push_str(&json[run..i]);
                let esc = *b.get(i + 1).ok_or_else(|| bad("snapshot: unterminated json string"))?;
                i += 2;
                match esc {
                    b'"' => out.push('"'),
                    b'\\' => out.push('\\'),
                    b'/' => out.push('/'),
                    b'b' => out.push('\u{8}'),
                    b'f' => out.push('\u{c}'),
                    b'n' => out.push('\n'),
                    b'r' => out.push('\r'),
                    b't' => out.push('\t'),
                    b'u' => {
                        let hi = hex4(json, i)?;
                        i += 4;
                        let ch = if (0xD800..0xDC00).contains(&hi) && b.get(i) == Some(&b'\\') && b.get(i + 1) == Some(&b'u') {
                            let lo = hex4(json, i + 2)?;
                            if (0xDC00..0xE000).contains(&lo) {
                                i += 6;
                                char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
                            } else {
                                None
                            }
                        } else {
                            char::from_u32(hi)
                        };
                        // A lone surrogate: one replacement character, one UTF-16 unit as in the page.
                        out.push(ch.unwrap_or('\u{FFFD}'));
                    }
                    _ => return Err(bad(format!("snapshot: invalid escape in json string at byte {}", i - 2))),
                }
                run = i;
            }
            c if c < 0x20 => return Err(bad(format!("snapshot: control character in json string at byte {i}"))),
            _ => i += 1,
        }
    }
}

fn hex4(json: &str, at: usize) -> Result<u32, Error> {
    json.get(at..at + 4)
        .and_then(|h| u32::from_str_radix(h, 16).ok())
        .ok_or_else(|| bad(format!("snapshot: invalid \\u escape at byte {at}")))
}

/// Turn the event list into an arena, with a stack of frames instead of recursion. Strings are moved
/// into the arena, not copied.
fn build(events: Vec<Event<'_>>) -> Result<Arena, Error> {
    enum Frame<'j> {
        /// Inside a node object; the key whose value comes next.
        Node { id: NodeId, key: Option<Cow<'j, str>>, tag: Option<Cow<'j, str>>, text: Option<Cow<'j, str>> },
        /// Inside a node's `"c"` array.
        Children(NodeId),
        /// Inside a node's `"a"` object; the attribute name whose value comes next.
        Attrs(NodeId, Option<String>),
        /// Inside a value we do not read; counts nesting.
        Skip(usize),
    }
    let mut arena = Arena::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut iter = events.into_iter();
    if iter.next() != Some(Event::StartObject) {
        return Err(bad("snapshot: the root must be a node object like {\"t\":\"html\",\"c\":[…]}"));
    }
    let root = arena.create(ArenaData::Other);
    arena.append(Arena::DOCUMENT, root);
    stack.push(Frame::Node { id: root, key: None, tag: None, text: None });

    for event in iter {
        let Some(frame) = stack.last_mut() else { break };
        match frame {
            Frame::Skip(depth) => match event {
                Event::StartObject | Event::StartArray => *depth += 1,
                Event::EndObject | Event::EndArray => {
                    *depth -= 1;
                    if *depth == 0 {
                        stack.pop();
                    }
                }
                _ => {}
            },
            Frame::Attrs(id, key) => match event {
                Event::Key(k) => {
                    let mut k = k.into_owned();
                    k.make_ascii_lowercase();
                    *key = Some(k);
                }
                Event::Str(v) => {
                    if let Some(name) = key.take() {
                        if let Some(a) = arena.attrs_mut(*id) {
                            a.push((name, v.into_owned()));
                        }
                    }
                }
                Event::Bool(true) => {
                    // `"hidden": true` style boolean attributes.
                    if let Some(name) = key.take() {
                        if let Some(a) = arena.attrs_mut(*id) {
                            a.push((name, String::new()));
                        }
                    }
                }
                Event::StartObject | Event::StartArray => stack.push(Frame::Skip(1)),
                Event::EndObject => {
                    stack.pop();
                }
                _ => {}
            },
            Frame::Children(parent) => match event {
                Event::StartObject => {
                    let parent = *parent;
                    let id = arena.create(ArenaData::Other);
                    arena.append(parent, id);
                    stack.push(Frame::Node { id, key: None, tag: None, text: None });
                }
                Event::StartArray => stack.push(Frame::Skip(1)),
                Event::EndArray => {
                    stack.pop();
                }
                _ => {} // strings or numbers in a children list: ignored
            },
            Frame::Node { id, key, tag, text } => match event {
                Event::Key(k) => *key = Some(k),
                Event::EndObject => {
                    let id = *id;
                    let data = match (tag.take(), text.take()) {
                        (_, Some(text)) => ArenaData::Text(text.into_owned()),
                        (Some(tag), None) => {
                            let mut name = tag.into_owned();
                            name.make_ascii_lowercase();
                            ArenaData::Element { name, attrs: Vec::new() }
                        }
                        (None, None) => ArenaData::Other,
                    };
                    // Attributes may have come before the tag name: keep them.
                    let attrs = arena.attrs_mut(id).map(std::mem::take).unwrap_or_default();
                    let data = match data {
                        ArenaData::Element { name, .. } => ArenaData::Element { name, attrs },
                        other => other,
                    };
                    // An envelope is not a node: take it out so the page's root is the document's child.
                    if matches!(data, ArenaData::Other) && id == root {
                        arena.detach(id);
                    }
                    arena.set_data(id, data);
                    stack.pop();
                }
                _ => {
                    let id = *id;
                    match (key.take().as_deref(), event) {
                        (Some("t" | "tag"), Event::Str(s)) => *tag = Some(s),
                        (Some("x" | "text"), Event::Str(s)) => *text = Some(s),
                        (Some("h" | "hidden"), Event::Bool(h)) => arena.set_hidden(id, h),
                        (Some("root"), Event::StartObject) => {
                            // The `{"url": …, "root": NODE}` envelope: NODE is the page's root.
                            let child = arena.create(ArenaData::Other);
                            arena.append(Arena::DOCUMENT, child);
                            stack.push(Frame::Node { id: child, key: None, tag: None, text: None });
                        }
                        (Some("a" | "attrs"), Event::StartObject) => {
                            // Attributes are stored on a provisional element until the tag is known.
                            if arena.attrs_mut(id).is_none() {
                                arena.set_data(id, ArenaData::Element { name: String::new(), attrs: Vec::new() });
                            }
                            stack.push(Frame::Attrs(id, None));
                        }
                        (Some("c" | "children"), Event::StartArray) => stack.push(Frame::Children(id)),
                        (_, Event::StartObject | Event::StartArray) => stack.push(Frame::Skip(1)),
                        _ => {}
                    }
                }
            },
        }
    }
    Ok(arena)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::{NodeKind, PageTree};

    #[test]
    fn tokenizer_accepts_json_and_rejects_garbage() {
        let ok = [
            r#"{"t":"p"}"#,
            r#" { "t" : "p" , "c" : [ ] , "n": -1.5e3, "z": null } "#,
            r#"{"x":"a\"b\\c\/d\n\u00e9\ud83d\ude00"}"#,
        ];
        for json in ok {
            assert!(tokenize(json).is_ok(), "{json}");
        }
        let bad = [r#""#, r#"{"t":"p""#, r#"{"t" "p"}"#, r#"{"t":"p",}"#, r#"[1,]"#, r#"{"t":tru}"#, r#"{} {}"#, "{\"x\":\"a\u{1}\"}"];
        for json in bad {
            let err = tokenize(json).expect_err(json);
            assert_eq!(err.kind(), ErrorKind::InvalidInput);
        }
    }

    #[test]
    fn strings_unescape_and_keep_utf16_lengths() {
        let (s, _) = read_string(r#""a\"b\\c\/d\n\u00e9\ud83d\ude00\udc00x""#, 0).unwrap();
        assert_eq!(s, "a\"b\\c/d\né😀\u{FFFD}x");
    }

    #[test]
    fn builds_elements_texts_attributes_and_hidden_flags() {
        let json = r#"{"t":"HTML","a":{"lang":"fr"},"c":[{"t":"body","c":[
            {"t":"p","a":{"class":"lead","hidden":""},"h":true,"c":[{"x":"Bonjour"}]},
            {"c":[{"x":" le monde"}],"t":"p"}]}]}"#;
        let a = snapshot_arena(json).unwrap();
        let html = a.root();
        assert_eq!(a.kind(&html), NodeKind::Element("html".into()));
        assert_eq!(a.attr(&html, "lang").as_deref(), Some("fr"));
        let body = a.children(&html)[0];
        let ps = a.children(&body);
        assert_eq!(a.attr(&ps[0], "class").as_deref(), Some("lead"));
        assert!(a.is_hidden(&ps[0]));
        assert!(!a.is_hidden(&ps[1]));
        assert_eq!(a.kind(&ps[1]), NodeKind::Element("p".into()));
        let texts: Vec<String> = a.text_nodes().iter().filter_map(|t| a.text(t)).map(|t| t.into_owned()).collect();
        assert_eq!(texts, vec!["Bonjour", " le monde"]);
    }

    #[test]
    fn long_keys_and_the_envelope_are_read_alike() {
        let short = r#"{"t":"html","c":[{"t":"body","a":{"class":"x"},"c":[{"t":"p","h":true,"c":[{"x":"a"}]},{"x":"b"}]}]}"#;
        let long = r#"{"url":"https://example.org/","root":{"tag":"html","children":[{"tag":"body","attrs":{"class":"x"},
            "children":[{"tag":"p","hidden":true,"children":[{"text":"a"}]},{"text":"b"}]}]}}"#;
        let (a, b) = (snapshot_arena(short).unwrap(), snapshot_arena(long).unwrap());
        for arena in [&a, &b] {
            let html = arena.root();
            assert_eq!(arena.kind(&html), NodeKind::Element("html".into()));
            let body = arena.children(&html)[0];
            assert_eq!(arena.attr(&body, "class").as_deref(), Some("x"));
            assert!(arena.is_hidden(&arena.children(&body)[0]));
            let texts: Vec<String> = arena.text_nodes().iter().filter_map(|t| arena.text(t)).map(|t| t.into_owned()).collect();
            assert_eq!(texts, vec!["a", "b"]);
        }
    }

    #[test]
    fn written_snapshots_read_back_the_same() {
        let json = r#"{"t":"html","a":{"lang":"fr"},"c":[{"t":"body","c":[{"t":"p","a":{"class":"a \"b\""},"h":true,"c":[{"x":"é\n😀"}]},{}]}]}"#;
        let arena = snapshot_arena(json).unwrap();
        assert_eq!(to_snapshot_json(&arena), json);
    }

    #[test]
    fn deep_snapshots_do_not_overflow() {
        let json = format!("{}{{\"x\":\"deep\"}}{}", "{\"t\":\"div\",\"c\":[".repeat(20_000), "]}".repeat(20_000));
        let a = snapshot_arena(&json).unwrap();
        assert_eq!(a.text_nodes().len(), 1);
        assert_eq!(snapshot_arena(&to_snapshot_json(&a)).unwrap().text_nodes().len(), 1);
    }
}
