//! An arena page tree: every node in one `Vec`, children as index lists.
//!
//! The tree behind the two non-DOM backends: [`super::html`] fills it from an HTML parser (CLI, tests on
//! saved pages) and [`super::snapshot`] from the JSON snapshot a content script sends. Nodes are plain
//! indices ([`NodeId`]), so building, walking and dropping the tree never recurses: a page nested ten
//! thousand levels deep costs no stack.

use std::borrow::Cow;

use super::{NodeKind, PageTree};

/// A node of an [`Arena`]: its index in the arena.
pub type NodeId = usize;

/// What an arena node holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArenaData {
    /// The document node (the arena's first node); its element child is the root.
    Document,
    /// An element: lower-case tag name and attributes (lower-case names, in source order).
    Element {
        /// Lower-case tag name.
        name: String,
        /// `(name, value)` pairs, names in lower case.
        attrs: Vec<(String, String)>,
    },
    /// A text node and its data.
    Text(String),
    /// Comment, doctype, template contents: present in the tree, never read.
    Other,
}

/// One node: its data, its parent and its children.
#[derive(Clone, Debug)]
pub struct ArenaNode {
    /// What the node is.
    pub data: ArenaData,
    /// The parent, `None` for the document and for detached nodes.
    pub parent: Option<NodeId>,
    /// Children in document order.
    pub children: Vec<NodeId>,
    /// Known not to be rendered (a snapshot's `"h": true`).
    pub hidden: bool,
}

/// A page tree stored in one vector. Node 0 is the document.
#[derive(Clone, Debug)]
pub struct Arena {
    nodes: Vec<ArenaNode>,
}

impl Default for Arena {
    fn default() -> Self {
        Arena::new()
    }
}

impl Arena {
    /// The document node's id.
    pub const DOCUMENT: NodeId = 0;

    /// An arena holding only the document node.
    pub fn new() -> Arena {
        Arena { nodes: vec![ArenaNode { data: ArenaData::Document, parent: None, children: Vec::new(), hidden: false }] }
    }

    /// Number of nodes, detached ones included.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Always false: the document node is always there.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// A node by id. Panics on an id this arena did not hand out.
    pub fn node(&self, id: NodeId) -> &ArenaNode {
        &self.nodes[id]
    }

    /// Add a detached node and return its id.
    pub fn create(&mut self, data: ArenaData) -> NodeId {
        self.nodes.push(ArenaNode { data, parent: None, children: Vec::new(), hidden: false });
        self.nodes.len() - 1
    }

    /// Add a detached element (the name is lower-cased).
    pub fn create_element(&mut self, name: &str, attrs: Vec<(String, String)>) -> NodeId {
        self.create(ArenaData::Element { name: name.to_ascii_lowercase(), attrs })
    }

    /// Add a detached text node.
    pub fn create_text(&mut self, text: &str) -> NodeId {
        self.create(ArenaData::Text(text.to_string()))
    }

    /// Mark a node as not rendered.
    pub fn set_hidden(&mut self, id: NodeId, hidden: bool) {
        self.nodes[id].hidden = hidden;
    }

    /// Replace a node's data (the snapshot reader learns a node's kind after creating it).
    pub fn set_data(&mut self, id: NodeId, data: ArenaData) {
        self.nodes[id].data = data;
    }

    /// Mutable access to an element's attributes (`None` for other nodes).
    pub fn attrs_mut(&mut self, id: NodeId) -> Option<&mut Vec<(String, String)>> {
        match &mut self.nodes[id].data {
            ArenaData::Element { attrs, .. } => Some(attrs),
            _ => None,
        }
    }

    /// Append `child` (detached first if needed) as the last child of `parent`.
    pub fn append(&mut self, parent: NodeId, child: NodeId) {
        self.detach(child);
        self.nodes[parent].children.push(child);
        self.nodes[child].parent = Some(parent);
    }

    /// Append text to `parent`, merging it into the last child when that is a text node (as a parser does).
    pub fn append_text(&mut self, parent: NodeId, text: &str) {
        if let Some(&last) = self.nodes[parent].children.last() {
            if let ArenaData::Text(data) = &mut self.nodes[last].data {
                data.push_str(text);
                return;
            }
        }
        let id = self.create_text(text);
        self.append(parent, id);
    }

    /// Insert `child` (detached first if needed) just before `sibling`, which must have a parent.
    pub fn insert_before(&mut self, sibling: NodeId, child: NodeId) {
        self.detach(child);
        let Some(parent) = self.nodes[sibling].parent else { return };
        let at = self.position(parent, sibling);
        self.nodes[parent].children.insert(at, child);
        self.nodes[child].parent = Some(parent);
    }

    /// Insert text before `sibling`, merging it into the previous sibling when that is a text node.
    pub fn insert_text_before(&mut self, sibling: NodeId, text: &str) {
        let Some(parent) = self.nodes[sibling].parent else { return };
        let at = self.position(parent, sibling);
        if at > 0 {
            let prev = self.nodes[parent].children[at - 1];
            if let ArenaData::Text(data) = &mut self.nodes[prev].data {
                data.push_str(text);
                return;
            }
        }
        let id = self.create_text(text);
        self.insert_before(sibling, id);
    }

    /// Remove a node from its parent (it stays in the arena, unreachable).
    pub fn detach(&mut self, id: NodeId) {
        if let Some(parent) = self.nodes[id].parent.take() {
            let at = self.position(parent, id);
            self.nodes[parent].children.remove(at);
        }
    }

    /// Move all children of `from` to the end of `to`'s children.
    pub fn reparent_children(&mut self, from: NodeId, to: NodeId) {
        let moved = std::mem::take(&mut self.nodes[from].children);
        for &child in &moved {
            self.nodes[child].parent = Some(to);
        }
        self.nodes[to].children.extend(moved);
    }

    fn position(&self, parent: NodeId, child: NodeId) -> usize {
        // Parsers insert and remove near the end (foster parenting, adoption agency): search backwards.
        self.nodes[parent].children.iter().rposition(|&c| c == child).unwrap_or(0)
    }

    /// The text nodes reachable from the document, in document (pre-)order.
    pub fn text_nodes(&self) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut stack = vec![Arena::DOCUMENT];
        while let Some(id) = stack.pop() {
            let node = &self.nodes[id];
            if matches!(node.data, ArenaData::Text(_)) {
                out.push(id);
            }
            stack.extend(node.children.iter().rev());
        }
        out
    }
}

impl PageTree for Arena {
    type Node = NodeId;

    /// The first element child of the document (`<html>`), or the document itself when it has none.
    fn root(&self) -> NodeId {
        self.nodes[Arena::DOCUMENT]
            .children
            .iter()
            .copied()
            .find(|&c| matches!(self.nodes[c].data, ArenaData::Element { .. }))
            .unwrap_or(Arena::DOCUMENT)
    }

    fn children(&self, node: &NodeId) -> Cow<'_, [NodeId]> {
        Cow::Borrowed(&self.nodes[*node].children)
    }

    fn kind(&self, node: &NodeId) -> NodeKind<'_> {
        match &self.nodes[*node].data {
            ArenaData::Element { name, .. } => NodeKind::Element(Cow::Borrowed(name)),
            ArenaData::Text(_) => NodeKind::Text,
            ArenaData::Document | ArenaData::Other => NodeKind::Other,
        }
    }

    fn attr(&self, node: &NodeId, name: &str) -> Option<Cow<'_, str>> {
        match &self.nodes[*node].data {
            ArenaData::Element { attrs, .. } => {
                attrs.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| Cow::Borrowed(v.as_str()))
            }
            _ => None,
        }
    }

    fn text(&self, node: &NodeId) -> Option<Cow<'_, str>> {
        match &self.nodes[*node].data {
            ArenaData::Text(t) => Some(Cow::Borrowed(t)),
            _ => None,
        }
    }

    fn is_hidden(&self, node: &NodeId) -> bool {
        self.nodes[*node].hidden
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_merges_like_a_parser() {
        let mut a = Arena::new();
        let p = a.create_element("P", vec![]);
        a.append(Arena::DOCUMENT, p);
        a.append_text(p, "Hello ");
        a.append_text(p, "world");
        assert_eq!(a.node(p).children.len(), 1);
        assert_eq!(a.text(&a.node(p).children[0]).as_deref(), Some("Hello world"));
        assert_eq!(a.kind(&p), NodeKind::Element("p".into()));
        assert_eq!(a.root(), p);
    }

    #[test]
    fn insert_detach_and_reparent_keep_parents_right() {
        let mut a = Arena::new();
        let div = a.create_element("div", vec![]);
        a.append(Arena::DOCUMENT, div);
        let x = a.create_element("b", vec![]);
        let y = a.create_element("i", vec![]);
        a.append(div, y);
        a.insert_before(y, x);
        assert_eq!(a.node(div).children, vec![x, y]);
        a.insert_text_before(y, "t");
        assert_eq!(a.node(div).children.len(), 3);
        let other = a.create_element("span", vec![]);
        a.reparent_children(div, other);
        assert!(a.node(div).children.is_empty());
        assert_eq!(a.node(x).parent, Some(other));
        a.detach(x);
        assert_eq!(a.node(x).parent, None);
        assert_eq!(a.node(other).children.len(), 2);
    }

    #[test]
    fn deep_trees_build_walk_and_drop_without_recursion() {
        let mut a = Arena::new();
        let mut parent = Arena::DOCUMENT;
        for _ in 0..100_000 {
            let d = a.create_element("div", vec![]);
            a.append(parent, d);
            parent = d;
        }
        a.append_text(parent, "deep");
        assert_eq!(a.text_nodes().len(), 1);
    }
}
