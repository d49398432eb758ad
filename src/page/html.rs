//! Build an [`Arena`] from HTML with html5ever's tree builder (native only: the WebAssembly module reads the
//! live DOM and never parses HTML).
//!
//! html5ever does the HTML5 tree construction (implied tags, foster parenting, the adoption agency), so a
//! saved page gives the same tree as in a browser; we only provide the sink that stores nodes in the arena.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{parse_document, Attribute, QualName};

use super::arena::{Arena, ArenaData, NodeId};

/// Parse an HTML document into an arena tree. Never fails: HTML5 parsing recovers from any input.
pub fn parse_html(html: &str) -> Arena {
    let sink = Sink::default();
    parse_document(sink, Default::default()).one(StrTendril::from(html))
}

/// A node handle for the tree builder. It carries the element name so that `elem_name` can lend it
/// without borrowing the arena (the builder may hold a name while it adds nodes).
#[derive(Clone, Debug)]
struct Handle(Rc<(NodeId, Option<QualName>)>);

impl Handle {
    fn id(&self) -> NodeId {
        self.0 .0
    }
}

struct Sink {
    arena: RefCell<Arena>,
    document: Handle,
    /// `<template>` element → its contents fragment (kept out of the document tree, as in the DOM).
    templates: RefCell<HashMap<NodeId, Handle>>,
}

impl Default for Sink {
    fn default() -> Self {
        Sink {
            arena: RefCell::new(Arena::new()),
            document: Handle(Rc::new((Arena::DOCUMENT, None))),
            templates: RefCell::new(HashMap::new()),
        }
    }
}

impl Sink {
    fn new_other(&self) -> Handle {
        let id = self.arena.borrow_mut().create(ArenaData::Other);
        Handle(Rc::new((id, None)))
    }
}

fn attr_pairs(attrs: Vec<Attribute>) -> Vec<(String, String)> {
    attrs.into_iter().map(|a| (a.name.local.to_string().to_ascii_lowercase(), a.value.to_string())).collect()
}

impl TreeSink for Sink {
    type Handle = Handle;
    type Output = Arena;
    type ElemName<'a> = &'a QualName;

    fn finish(self) -> Arena {
        self.arena.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Handle {
        self.document.clone()
    }

    fn elem_name<'a>(&'a self, target: &'a Handle) -> &'a QualName {
        target.0 .1.as_ref().expect("html5ever asks element names of elements only")
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Handle {
        let id = self.arena.borrow_mut().create_element(&name.local, attr_pairs(attrs));
        if flags.template {
            let contents = self.new_other();
            self.templates.borrow_mut().insert(id, contents);
        }
        Handle(Rc::new((id, Some(name))))
    }

    fn create_comment(&self, _text: StrTendril) -> Handle {
        self.new_other()
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Handle {
        self.new_other()
    }

    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        let mut arena = self.arena.borrow_mut();
        match child {
            NodeOrText::AppendNode(node) => arena.append(parent.id(), node.id()),
            NodeOrText::AppendText(text) => arena.append_text(parent.id(), &text),
        }
    }

    fn append_based_on_parent_node(&self, element: &Handle, prev_element: &Handle, child: NodeOrText<Handle>) {
        let has_parent = self.arena.borrow().node(element.id()).parent.is_some();
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _name: StrTendril, _public_id: StrTendril, _system_id: StrTendril) {}

    fn get_template_contents(&self, target: &Handle) -> Handle {
        if let Some(contents) = self.templates.borrow().get(&target.id()) {
            return contents.clone();
        }
        // Not a template (the builder does not ask that): a detached node keeps its content out of the page.
        let contents = self.new_other();
        self.templates.borrow_mut().insert(target.id(), contents.clone());
        contents
    }

    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        x.id() == y.id()
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Handle, new_node: NodeOrText<Handle>) {
        let mut arena = self.arena.borrow_mut();
        match new_node {
            NodeOrText::AppendNode(node) => arena.insert_before(sibling.id(), node.id()),
            NodeOrText::AppendText(text) => arena.insert_text_before(sibling.id(), &text),
        }
    }

    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        let mut arena = self.arena.borrow_mut();
        if let Some(existing) = arena.attrs_mut(target.id()) {
            for (name, value) in attr_pairs(attrs) {
                if !existing.iter().any(|(n, _)| *n == name) {
                    existing.push((name, value));
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &Handle) {
        self.arena.borrow_mut().detach(target.id());
    }

    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        self.arena.borrow_mut().reparent_children(node.id(), new_parent.id());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::{NodeKind, PageTree};

    fn child_tags(a: &Arena, id: NodeId) -> Vec<String> {
        a.children(&id)
            .iter()
            .filter_map(|c| match a.kind(c) {
                NodeKind::Element(name) => Some(name.into_owned()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn builds_the_html5_tree() {
        let a = parse_html("<title>T</title><p class=x>One<p>Two &amp; <b>three</b>");
        let html = a.root();
        assert_eq!(a.kind(&html), NodeKind::Element("html".into()));
        assert_eq!(child_tags(&a, html), vec!["head", "body"]);
        let body = a.children(&html)[1];
        assert_eq!(child_tags(&a, body), vec!["p", "p"]);
        let p1 = a.children(&body)[0];
        assert_eq!(a.attr(&p1, "class").as_deref(), Some("x"));
        assert_eq!(a.attr(&p1, "CLASS").as_deref(), Some("x"));
        let p2 = a.children(&body)[1];
        assert_eq!(a.text(&a.children(&p2)[0]).as_deref(), Some("Two & "));
    }

    #[test]
    fn template_contents_stay_out_of_the_tree() {
        let a = parse_html("<body><template><p>hidden</p></template><p>shown</p>");
        let texts: Vec<String> = a.text_nodes().iter().filter_map(|t| a.text(t)).map(|t| t.into_owned()).collect();
        assert_eq!(texts, vec!["shown"]);
    }

    #[test]
    fn misnested_markup_is_repaired() {
        // The adoption agency moves nodes around: the sink's insert/detach/reparent paths are exercised.
        let a = parse_html("<p><b>bold <i>both</b> italic</i> plain</p><table><tr><td>cell</td>stray</table>");
        let texts: Vec<String> = a.text_nodes().iter().filter_map(|t| a.text(t)).map(|t| t.into_owned()).collect();
        assert_eq!(texts, vec!["bold ", "both", " italic", " plain", "stray", "cell"]);
    }

    #[test]
    fn ten_thousand_levels_parse_without_overflow() {
        let html = format!("{}deep{}", "<div>".repeat(10_000), "</div>".repeat(10_000));
        let a = parse_html(&html);
        assert_eq!(a.text_nodes().len(), 1);
    }
}
