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
use super::{scan, ArticleContent, NodeKind, PageTree};
use crate::error::{Error, ErrorKind};

/// Find the article in a JSON page snapshot. Segment nodes are text-node numbers (document order, from 0).
pub fn scan_snapshot(json: &str) -> Result<ArticleContent<usize>, Error> {
    let tree = SnapshotTree::read(json)?;
    let content = scan(&tree)?;
    let number = tree.text_numbers();
    Ok(content.map_nodes(|id| number[id]))
}

/// Build the arena tree of a JSON page snapshot (see the module documentation for the format).
pub fn snapshot_arena(json: &str) -> Result<Arena, Error> {
    Ok(SnapshotTree::read(json)?.to_arena())
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
pub(super) enum Event<'j> {
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

/// Read JSON into events handed to `emit` as they come, iteratively (a stack of open containers instead of
/// recursion). Fails on malformed JSON, after emitting the events before the fault.
pub(super) fn tokenize<'j>(json: &'j str, mut emit: impl FnMut(Event<'j>)) -> Result<(), Error> {
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
    let mut done = false;
    loop {
        while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
            i += 1;
        }
        if done {
            if i < b.len() {
                return Err(bad(format!("snapshot: unexpected data after the root node at byte {i}")));
            }
            return Ok(());
        }
        let Some(&c) = b.get(i) else {
            return Err(bad("snapshot: the json ends too early; send the whole snapshot"));
        };
        let value_allowed = matches!(want, Want::Value | Want::ValueOrEnd);
        let mut completed_value = false;
        match c {
            b'}' if matches!(want, Want::KeyOrEnd | Want::CommaOrEnd) && stack.last() == Some(&Open::Object) => {
                stack.pop();
                emit(Event::EndObject);
                i += 1;
                completed_value = true;
            }
            b']' if matches!(want, Want::ValueOrEnd | Want::CommaOrEnd) && stack.last() == Some(&Open::Array) => {
                stack.pop();
                emit(Event::EndArray);
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
                emit(Event::Key(s));
                i = next;
                want = Want::Colon;
            }
            b'"' if value_allowed => {
                let (s, next) = read_string(json, i)?;
                emit(Event::Str(s));
                i = next;
                completed_value = true;
            }
            b'{' if value_allowed => {
                stack.push(Open::Object);
                emit(Event::StartObject);
                want = Want::KeyOrEnd;
                i += 1;
            }
            b'[' if value_allowed => {
                stack.push(Open::Array);
                emit(Event::StartArray);
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
                    w if is_json_number(w.as_bytes()) => Event::Other,
                    _ => return Err(bad(format!("snapshot: invalid json value at byte {i}"))),
                };
                emit(event);
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

/// Whether `w` is a JSON number (RFC 8259: `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`). Its value is never
/// needed, only its validity: a grammar check instead of the float parser (~7 kB of WebAssembly), and stricter
/// than it (the parser also took "inf", "NaN", "+1", ".5" and "1.", which JSON.stringify never writes).
fn is_json_number(w: &[u8]) -> bool {
    let digits = |from: usize| from + w[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut i = usize::from(w.first() == Some(&b'-'));
    let int_end = digits(i);
    if int_end == i || (w[i] == b'0' && int_end > i + 1) {
        return false;
    }
    i = int_end;
    if w.get(i) == Some(&b'.') {
        let end = digits(i + 1);
        if end == i + 1 {
            return false;
        }
        i = end;
    }
    if matches!(w.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(w.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let end = digits(i);
        if end == i {
            return false;
        }
        i = end;
    }
    i == w.len()
}

/// Index of the first `"`, `\\` or control character (below U+0020) at or after `i` in `b`, or `b.len()`.
/// Eight bytes at a time while none of them is one (the text of a page is most of its snapshot).
fn next_special(b: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // Bit hacks: the high bit of some byte is set exactly when a byte of `v` is below `n` (n <= 128).
    let has_less = |v: u64, n: u8| v.wrapping_sub(ONES * n as u64) & !v & HIGHS;
    while let Some(chunk) = b.get(i..i + 8) {
        let v = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        if has_less(v ^ (ONES * b'"' as u64), 1) | has_less(v ^ (ONES * b'\\' as u64), 1) | has_less(v, 0x20) != 0 {
            break;
        }
        i += 8;
    }
    while i < b.len() && !matches!(b[i], b'"' | b'\\' | 0..=0x1f) {
        i += 1;
    }
    i
}

/// Read the JSON string starting at the quote at byte `start`; return it (borrowed when it has no escape)
/// and the byte after its closing quote.
fn read_string(json: &str, start: usize) -> Result<(Cow<'_, str>, usize), Error> {
    let b = json.as_bytes();
    // Unescaped text so far; `None` while there was no escape (the string is then a slice of the JSON).
    let mut out: Option<String> = None;
    let mut run = start + 1; // start of the current run of plain characters
    let mut i = run;
    loop {
        // `i` stops on an ASCII byte: slicing there is on a character boundary.
        i = next_special(b, i);
        let Some(&c) = b.get(i) else {
            return Err(bad("snapshot: unterminated json string"));
        };
        match c {
            b'"' => {
                let s = match out {
                    None => Cow::Borrowed(&json[run..i]),
                    Some(mut out) => {
                        out.push_str(&json[run..i]);
                        Cow::Owned(out)
                    }
                };
                return Ok((s, i + 1));
            }
            b'\\' => {
                let out = out.get_or_insert_with(String::new);
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
            _ => return Err(bad(format!("snapshot: control character in json string at byte {i}"))),
        }
    }
}

fn hex4(json: &str, at: usize) -> Result<u32, Error> {
    json.get(at..at + 4)
        .and_then(|h| u32::from_str_radix(h, 16).ok())
        .ok_or_else(|| bad(format!("snapshot: invalid \\u escape at byte {at}")))
}

/// A snapshot read into a few flat vectors: the [`PageTree`] that [`scan_snapshot`] walks. Its strings borrow
/// from the JSON (those without escapes: nearly all) and each node's children and attributes are a range of
/// one shared vector, so that reading a page allocates a handful of vectors instead of several per node
/// (issue #8: building an [`Arena`] was most of the scan). [`snapshot_arena`] copies it into an arena.
/// Node ids are the arena's: 0 the document, then the node objects in the order they open.
#[derive(Debug)]
struct SnapshotTree<'j> {
    nodes: Vec<SnapNode<'j>>,
    /// The children lists, each node's in one range.
    children: Vec<NodeId>,
    /// The attribute lists (lower-case names), each element's in one range.
    attrs: Vec<(Cow<'j, str>, Cow<'j, str>)>,
}

#[derive(Debug)]
struct SnapNode<'j> {
    data: SnapData<'j>,
    children: std::ops::Range<usize>,
    attrs: std::ops::Range<usize>,
    hidden: bool,
}

/// What a snapshot node is, as [`ArenaData`] says.
#[derive(Debug)]
enum SnapData<'j> {
    Document,
    /// An element and its lower-case tag name.
    Element(Cow<'j, str>),
    Text(Cow<'j, str>),
    Other,
}

impl<'j> SnapshotTree<'j> {
    /// Read a snapshot (see the module documentation for the format).
    fn read(json: &'j str) -> Result<SnapshotTree<'j>, Error> {
        let mut builder = Builder::default();
        tokenize(json, |event| builder.event(event))?;
        builder.finish()
    }

    fn children_of(&self, id: NodeId) -> &[NodeId] {
        &self.children[self.nodes[id].children.clone()]
    }

    /// Each text node's number in document (pre-)order over the whole tree (`usize::MAX`: not reachable).
    fn text_numbers(&self) -> Vec<usize> {
        let mut number = vec![usize::MAX; self.nodes.len()];
        let mut next = 0;
        let mut stack = vec![Arena::DOCUMENT];
        while let Some(id) = stack.pop() {
            if matches!(self.nodes[id].data, SnapData::Text(_)) {
                number[id] = next;
                next += 1;
            }
            stack.extend(self.children_of(id).iter().rev());
        }
        number
    }

    /// The same tree as an [`Arena`] (same node ids), its strings copied.
    fn to_arena(&self) -> Arena {
        let mut arena = Arena::new();
        for node in &self.nodes[1..] {
            let data = match &node.data {
                SnapData::Element(name) => ArenaData::Element {
                    name: name.to_string(),
                    attrs: self.attrs[node.attrs.clone()].iter().map(|(n, v)| (n.to_string(), v.to_string())).collect(),
                },
                SnapData::Text(text) => ArenaData::Text(text.to_string()),
                SnapData::Document | SnapData::Other => ArenaData::Other,
            };
            let id = arena.create(data);
            arena.set_hidden(id, node.hidden);
        }
        for id in 0..self.nodes.len() {
            for &child in self.children_of(id) {
                arena.append(id, child);
            }
        }
        arena
    }
}

impl PageTree for SnapshotTree<'_> {
    type Node = NodeId;

    /// The first element child of the document, or the document itself when it has none (as [`Arena`]).
    fn root(&self) -> NodeId {
        self.children_of(Arena::DOCUMENT)
            .iter()
            .copied()
            .find(|&c| matches!(self.nodes[c].data, SnapData::Element(_)))
            .unwrap_or(Arena::DOCUMENT)
    }

    fn children(&self, node: &NodeId) -> Cow<'_, [NodeId]> {
        Cow::Borrowed(self.children_of(*node))
    }

    fn kind(&self, node: &NodeId) -> NodeKind<'_> {
        match &self.nodes[*node].data {
            SnapData::Element(name) => NodeKind::Element(Cow::Borrowed(name)),
            SnapData::Text(_) => NodeKind::Text,
            SnapData::Document | SnapData::Other => NodeKind::Other,
        }
    }

    fn attr(&self, node: &NodeId, name: &str) -> Option<Cow<'_, str>> {
        let node = &self.nodes[*node];
        if !matches!(node.data, SnapData::Element(_)) {
            return None;
        }
        self.attrs[node.attrs.clone()].iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| Cow::Borrowed(&**v))
    }

    fn text(&self, node: &NodeId) -> Option<Cow<'_, str>> {
        match &self.nodes[*node].data {
            SnapData::Text(t) => Some(Cow::Borrowed(t)),
            _ => None,
        }
    }

    fn is_hidden(&self, node: &NodeId) -> bool {
        self.nodes[*node].hidden
    }
}

/// ASCII lower case, borrowed when it already is.
fn ascii_lower(s: Cow<'_, str>) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        s
    }
}

/// Where the builder is in the JSON.
enum Frame<'j> {
    /// Inside a node object; the key whose value comes next; where its children and attributes start on
    /// the builder's pending stacks.
    Node {
        id: NodeId,
        key: Option<Cow<'j, str>>,
        tag: Option<Cow<'j, str>>,
        text: Option<Cow<'j, str>>,
        children_from: usize,
        attrs_from: usize,
    },
    /// Inside a node's `"c"` array.
    Children,
    /// Inside a node's `"a"` object; the attribute name whose value comes next.
    Attrs(Option<Cow<'j, str>>),
    /// Inside a value we do not read; counts nesting.
    Skip(usize),
}

/// Builds the tree from the tokenizer's events as they come (no event list is kept), with a stack of
/// frames instead of recursion. The children and attributes of the open nodes wait on two stacks; a
/// node's are moved to the tree, in one range, when its object closes.
#[derive(Default)]
struct Builder<'j> {
    nodes: Vec<SnapNode<'j>>,
    children: Vec<NodeId>,
    attrs: Vec<(Cow<'j, str>, Cow<'j, str>)>,
    /// The document's children: the top node, and the nodes of `"root"` keys.
    document_children: Vec<NodeId>,
    pending_children: Vec<NodeId>,
    pending_attrs: Vec<(Cow<'j, str>, Cow<'j, str>)>,
    stack: Vec<Frame<'j>>,
    /// The top node, once the first event has opened it.
    root: Option<NodeId>,
    /// The first event did not open an object: not a snapshot (said once the JSON is known to be valid).
    not_a_node: bool,
}

impl<'j> Builder<'j> {
    /// The tree, or an error when the top value was not a node object.
    fn finish(mut self) -> Result<SnapshotTree<'j>, Error> {
        if self.root.is_none() {
            return Err(bad("snapshot: the root must be a node object like {\"t\":\"html\",\"c\":[…]}"));
        }
        let from = self.children.len();
        self.children.extend(self.document_children);
        self.nodes[Arena::DOCUMENT].children = from..self.children.len();
        Ok(SnapshotTree { nodes: self.nodes, children: self.children, attrs: self.attrs })
    }

    /// A new node (its kind is known when its object closes) and its frame.
    fn open_node(&mut self) -> NodeId {
        let id = self.nodes.len();
        self.nodes.push(SnapNode { data: SnapData::Other, children: 0..0, attrs: 0..0, hidden: false });
        self.stack.push(Frame::Node {
            id,
            key: None,
            tag: None,
            text: None,
            children_from: self.pending_children.len(),
            attrs_from: self.pending_attrs.len(),
        });
        id
    }

    fn event(&mut self, event: Event<'j>) {
        let Some(root) = self.root else {
            if event == Event::StartObject && !self.not_a_node {
                self.nodes.push(SnapNode { data: SnapData::Document, children: 0..0, attrs: 0..0, hidden: false });
                let root = self.open_node();
                self.document_children.push(root);
                self.root = Some(root);
            } else {
                self.not_a_node = true;
            }
            return;
        };
        // Once the top node is closed, what follows is not read.
        let Some(frame) = self.stack.last_mut() else { return };
        match frame {
            Frame::Skip(depth) => match event {
                Event::StartObject | Event::StartArray => *depth += 1,
                Event::EndObject | Event::EndArray => {
                    *depth -= 1;
                    if *depth == 0 {
                        self.stack.pop();
                    }
                }
                _ => {}
            },
            Frame::Attrs(key) => match event {
                Event::Key(k) => *key = Some(ascii_lower(k)),
                Event::Str(v) => {
                    if let Some(name) = key.take() {
                        self.pending_attrs.push((name, v));
                    }
                }
                Event::Bool(true) => {
                    // `"hidden": true` style boolean attributes.
                    if let Some(name) = key.take() {
                        self.pending_attrs.push((name, Cow::Borrowed("")));
                    }
                }
                Event::StartObject | Event::StartArray => self.stack.push(Frame::Skip(1)),
                Event::EndObject => {
                    self.stack.pop();
                }
                _ => {}
            },
            Frame::Children => match event {
                Event::StartObject => {
                    // Listed before it opens: its own children go above it on the pending stack.
                    self.pending_children.push(self.nodes.len());
                    self.open_node();
                }
                Event::StartArray => self.stack.push(Frame::Skip(1)),
                Event::EndArray => {
                    self.stack.pop();
                }
                _ => {} // strings or numbers in a children list: ignored
            },
            Frame::Node { id, key, tag, text, children_from, attrs_from } => match event {
                Event::Key(k) => *key = Some(k),
                Event::EndObject => {
                    let (id, children_from, attrs_from) = (*id, *children_from, *attrs_from);
                    let data = match (tag.take(), text.take()) {
                        (_, Some(text)) => SnapData::Text(text),
                        (Some(tag), None) => SnapData::Element(ascii_lower(tag)),
                        (None, None) => SnapData::Other,
                    };
                    self.stack.pop();
                    // Attributes (which may have come before the tag name) are kept for elements only.
                    let from = self.attrs.len();
                    if matches!(data, SnapData::Element(_)) {
                        self.attrs.extend(self.pending_attrs.drain(attrs_from..));
                    } else {
                        self.pending_attrs.truncate(attrs_from);
                    }
                    let node = &mut self.nodes[id];
                    node.attrs = from..self.attrs.len();
                    let from = self.children.len();
                    self.children.extend(self.pending_children.drain(children_from..));
                    node.children = from..self.children.len();
                    // An envelope is not a node: take it out so the page's root is the document's child.
                    if matches!(data, SnapData::Other) && id == root {
                        self.document_children.retain(|&c| c != id);
                    }
                    node.data = data;
                }
                _ => {
                    let id = *id;
                    match (key.take().as_deref(), event) {
                        (Some("t" | "tag"), Event::Str(s)) => *tag = Some(s),
                        (Some("x" | "text"), Event::Str(s)) => *text = Some(s),
                        (Some("h" | "hidden"), Event::Bool(h)) => self.nodes[id].hidden = h,
                        (Some("root"), Event::StartObject) => {
                            // The `{"url": …, "root": NODE}` envelope: NODE is the page's root.
                            let child = self.open_node();
                            self.document_children.push(child);
                        }
                        (Some("a" | "attrs"), Event::StartObject) => self.stack.push(Frame::Attrs(None)),
                        (Some("c" | "children"), Event::StartArray) => self.stack.push(Frame::Children),
                        (_, Event::StartObject | Event::StartArray) => self.stack.push(Frame::Skip(1)),
                        _ => {}
                    }
                }
            },
        }
    }
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
            assert!(tokenize(json, |_| {}).is_ok(), "{json}");
        }
        let bad = [r#""#, r#"{"t":"p""#, r#"{"t" "p"}"#, r#"{"t":"p",}"#, r#"[1,]"#, r#"{"t":tru}"#, r#"{} {}"#, "{\"x\":\"a\u{1}\"}"];
        for json in bad {
            let err = tokenize(json, |_| {}).expect_err(json);
            assert_eq!(err.kind(), ErrorKind::InvalidInput);
        }
    }

    #[test]
    fn json_numbers_follow_the_grammar() {
        for w in ["0", "-0", "7", "-12", "1.5", "-1.5e3", "10E+2", "2e-7", "0.0", "123456789012345678901234567890"] {
            assert!(is_json_number(w.as_bytes()), "{w}");
        }
        for w in ["", "-", "01", "-01", "1.", ".5", "+1", "1e", "1e+", "1.e3", "inf", "NaN", "0x10", "1_000", "1 ", "--1", "1.2.3"] {
            assert!(!is_json_number(w.as_bytes()), "{w}");
        }
    }

    #[test]
    fn the_word_at_a_time_scan_stops_where_the_byte_scan_does() {
        // Each special byte (and a harmless neighbour of each) at every position of a 20-byte text, so that
        // it falls at every place in an eight-byte word and in the tail after the last whole word.
        for special in [b'"', b'\\', 0x00, 0x1f, b' ', b'!', b'[', b']', 0x7f, 0xc3] {
            for at in 0..20 {
                let mut b = vec![b'a'; 20];
                b[at] = special;
                for from in 0..=20 {
                    let naive = (from..b.len()).find(|&i| matches!(b[i], b'"' | b'\\' | 0..=0x1f)).unwrap_or(b.len());
                    assert_eq!(next_special(&b, from), naive, "byte {special:#x} at {at}, from {from}");
                }
            }
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

    /// A page tree as text: each reachable node's kind, the attributes the finder reads, text, hidden flag.
    fn walk<P: PageTree<Node = NodeId>>(tree: &P) -> String {
        let mut out = String::new();
        let mut stack = vec![(tree.root(), 0)];
        while let Some((node, depth)) = stack.pop() {
            let attrs: Vec<_> = ["class", "id", "lang", "hidden", "CLASS"].iter().map(|a| tree.attr(&node, a)).collect();
            out.push_str(&format!("{depth} {:?} {attrs:?} {:?} {}\n", tree.kind(&node), tree.text(&node), tree.is_hidden(&node)));
            stack.extend(tree.children(&node).iter().rev().map(|&c| (c, depth + 1)));
        }
        out
    }

    #[test]
    fn the_borrowing_tree_reads_as_its_arena() {
        // Odd but valid snapshots: attributes before the tag, a text node with children, two children
        // lists, keys and tags in capitals, escapes, an envelope with children of its own, `"h": false`.
        let cases = [
            r#"{"a":{"CLASS":"Lead","lang":"fr"},"t":"HTML","c":[{"t":"body","c":[{"x":"a\u00e9","c":[{"x":"under text"}]}]}]}"#,
            r#"{"t":"div","c":[{"x":"one"}],"a":{"id":"x"},"c":[{"t":"p","h":true,"h":false,"c":[{"x":"two"}]}]}"#,
            r#"{"url":"u","c":[{"x":"lost"}],"root":{"t":"html","a":{"hidden":true},"c":[{"t":"b","a":{"class":"q\"r"}}]}}"#,
            r#"{"t":"p","x":"text wins","a":{"class":"dropped"},"c":[{"t":"i","a":{"x":{"nested":[1]}},"c":[[],"s",{"x":"y"}]}]}"#,
        ];
        for json in cases {
            let tree = SnapshotTree::read(json).unwrap();
            let arena = tree.to_arena();
            assert_eq!(walk(&tree), walk(&arena), "{json}");
            let numbers = tree.text_numbers();
            let numbered: Vec<NodeId> = (0..numbers.len()).filter(|&id| numbers[id] != usize::MAX).collect();
            let mut by_number = numbered.clone();
            by_number.sort_by_key(|&id| numbers[id]);
            assert_eq!(by_number, arena.text_nodes(), "{json}");
        }
    }

    #[test]
    fn deep_snapshots_do_not_overflow() {
        let json = format!("{}{{\"x\":\"deep\"}}{}", "{\"t\":\"div\",\"c\":[".repeat(20_000), "]}".repeat(20_000));
        let a = snapshot_arena(&json).unwrap();
        assert_eq!(a.text_nodes().len(), 1);
        assert_eq!(snapshot_arena(&to_snapshot_json(&a)).unwrap().text_nodes().len(), 1);
    }
}
