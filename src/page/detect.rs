//! Article detection and text collection, written once over any [`PageTree`].
//!
//! The page is first flattened into a pre-order array (iteratively: no recursion, so any depth is safe),
//! skipping nodes that are never content (`script`, `style`, `nav`, `aside`, `footer`, hidden nodes…).
//! Every later step is a linear pass over that array:
//!
//! 1. **Statistics** per element, accumulated bottom-up: text length, link text length, commas, counts of
//!    paragraphs, list items, images, inputs.
//! 2. **Scoring**, after Mozilla Readability: each paragraph (a `p`, `pre`, `td`, `h2`–`h6`, or a `div`-like
//!    block holding text itself) of at least 25 characters scores `2 + commas + min(len/100, 3)` for its
//!    parent, half that for its grandparent and `1/(3·level)` for the next three ancestors; an ancestor
//!    starts from a tag prior and ±25 for its class/id hints; the final score is scaled by
//!    `1 − link density`.
//! 3. **Container choice**: the best candidate, moved up when its ancestors gather several near-best
//!    candidates or score higher, then joined with its siblings that score well or read like paragraphs —
//!    so an article split over sibling containers is found whole; also joined: an earlier sibling holding
//!    the `<h1>` (the article header: its standfirst is kept, its headline is not, being the title), and
//!    further elements with the best one's tag and class (an article cut into blocks by ads).
//! 4. **Cleaning** inside the containers (Readability's "clean conditionally"): lists, tables, forms and
//!    `div`s that look like link lists, share bars, comment threads, related-article lists, breadcrumbs,
//!    captions, credits, bylines, fact boxes, "read also" link paragraphs and image-credit lines
//!    ("(Credit: …)", "Crédit photo : …") are dropped.
//! 5. **Collection** of the text (`collect`): a drop cap (one capital letter in an inline element
//!    before its paragraph) is joined to its word.
//!
//! Table cells score only when they hold prose (50 characters, 8 words): a long table of names is not an
//! article. Hidden means: the `hidden` attribute, `aria-hidden="true"`, an inline `display:none` or
//! `visibility:hidden`, a utility class (`hidden`, `d-none`, `sr-only`, `visually-hidden`…), or what the
//! backend knows (computed style in the DOM, `"h": true` in a snapshot).
//!
//! When a pass finds less than 500 characters it is retried with fewer removals (first without removing
//! "unlikely" class names, then without class weights, then without cleaning), keeping the longest result —
//! except that a short first result inside (or holding the only) `<article>` or `itemprop="articleBody"` is
//! kept, rather than a longer one made of the page's menus.

use std::borrow::Cow;
use std::sync::LazyLock;

use super::hints::{has_sentence_end, HintSet, Hints};
use super::{NodeKind, PageTree, Segment};

const NONE: usize = usize::MAX;

/// Elements whose subtree is never article text. `form` is not here: some sites wrap the whole page in
/// one; forms inside the article are removed by the cleaning step instead.
const SKIP_TAGS: &[&str] = &[
    "aside", "audio", "button", "canvas", "embed", "figcaption", "footer", "iframe", "input", "link", "map", "math",
    "meta", "nav", "noscript", "object", "option", "script", "select", "style", "svg", "template", "textarea",
    "title", "video",
];

/// Elements that start a new line of text (block-level in the default style sheet).
const BLOCK_TAGS: &[&str] = &[
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
];

/// Blocks whose own text counts as a paragraph for scoring.
const PARAGRAPH_TAGS: &[&str] =
    &["p", "pre", "td", "h2", "h3", "h4", "h5", "h6", "div", "section", "article", "main", "blockquote", "center"];

/// Children that keep a `div` from being read as a paragraph (Readability's `DIV_TO_P_ELEMS`).
const DIV_BLOCK_CHILDREN: &[&str] = &["blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul", "section", "article"];

/// ARIA roles of page furniture.
const UNLIKELY_ROLES: &[&str] = &["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"];

/// Class/id hints of page furniture, removed on the first pass (Readability's `unlikelyCandidates`).
static UNLIKELY: Hints = Hints {
    anywhere: &[
        "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap", "disqus",
        "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox",
        "sidebar", "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager",
        "popup", "yom-remote", "newsletter", "subscribe",
    ],
    ..Hints::EMPTY
};
/// Hints that save an element from [`UNLIKELY`].
static MAYBE: Hints =
    Hints { anywhere: &["and", "article", "body", "column", "content", "main", "mathjax", "shadow"], ..Hints::EMPTY };
/// Class/id hints of article containers.
static POSITIVE: Hints = Hints {
    anywhere: &[
        "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post", "text",
        "blog", "story",
    ],
    ..Hints::EMPTY
};
/// Class/id hints of page furniture.
static NEGATIVE: Hints = Hints {
    anywhere: &[
        "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead", "media",
        "meta", "newsletter", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar",
        "skyscraper", "sponsor", "shopping", "tags", "taboola", "widget",
    ],
    tokens: &["ad", "ads"],
    token_starts: &["nav"],
    spaced: &["hid"],
    ..Hints::EMPTY
};
/// Share bars and the like: removed when short.
static SHARE: Hints = Hints { words: &["share", "sharedaddy", "social", "newsletter"], ..Hints::EMPTY };
/// Class/id words of comment threads and related-article lists: removed whatever else the hints say.
static JUNK: Hints = Hints {
    tokens: &[
        "comment", "comments", "comment-list", "related", "newsletter", "promo", "outbrain", "taboola", "most-read",
        "read-more", "readmore", "cta", "letters-cta", "factbox", "breadcrumb", "breadcrumbs", "fil-ariane", "ariane",
        "savoir-plus", "savoir_plus", "learn-more", "lire-aussi", "a-lire",
    ],
    ..Hints::EMPTY
};
/// Class/id hints of captions, credits, bylines and calls to action: removed when short.
static SHORT_JUNK: Hints = Hints {
    tokens: &[
        "wp-caption-text", "caption", "captions", "credit", "credits", "byline", "author", "copyright", "cta",
        "signup", "sign-up",
    ],
    ..Hints::EMPTY
};

/// The hint lists asked of every element's `class` and `id`, matched once per attribute in [`flatten`]:
/// bit `k` of [`Flat::class_hints`] and [`Flat::id_hints`] is list `k` here (the `H_*` constants).
static HINT_SET: LazyLock<HintSet> =
    LazyLock::new(|| HintSet::new(&[&UNLIKELY, &MAYBE, &POSITIVE, &NEGATIVE, &SHARE, &JUNK, &SHORT_JUNK]));
const H_UNLIKELY: u32 = 1 << 0;
const H_MAYBE: u32 = 1 << 1;
const H_POSITIVE: u32 = 1 << 2;
const H_NEGATIVE: u32 = 1 << 3;
const H_SHARE: u32 = 1 << 4;
const H_JUNK: u32 = 1 << 5;
const H_SHORT_JUNK: u32 = 1 << 6;

/// What a tag name is for the detector (bits of [`Flat::tag_kinds`]), looked up once per element.
const T_SKIP: u8 = 1 << 0;
const T_BLOCK: u8 = 1 << 1;
const T_PARAGRAPH: u8 = 1 << 2;
const T_DIV_BLOCK_CHILD: u8 = 1 << 3;

/// Every tag of the lists above with its `T_*` bits, sorted for a binary search.
static TAG_KINDS: LazyLock<Vec<(&'static str, u8)>> = LazyLock::new(|| {
    let mut table: Vec<(&'static str, u8)> = Vec::new();
    for (list, bit) in [(SKIP_TAGS, T_SKIP), (BLOCK_TAGS, T_BLOCK), (PARAGRAPH_TAGS, T_PARAGRAPH), (DIV_BLOCK_CHILDREN, T_DIV_BLOCK_CHILD)] {
        for &tag in list {
            match table.iter_mut().find(|(t, _)| *t == tag) {
                Some((_, bits)) => *bits |= bit,
                None => table.push((tag, bit)),
            }
        }
    }
    // tags are unique (merged above): sorted by tag is sorted
    crate::text::sort_by_str(&mut table, |&(t, _)| t);
    table
});

/// The `T_*` bits of a lower-case tag name.
fn tag_kinds(tag: &str) -> u8 {
    let table = &*TAG_KINDS;
    table.binary_search_by(|(t, _)| (*t).cmp(tag)).map_or(0, |k| table[k].1)
}

/// The first word of an image credit or caption line ("(Credit: …)", "Photo : AFP", "Image illustrative : …",
/// "Crédit photo : …"; also "© …"): a short paragraph that opens so is about a picture, not article text.
const CREDIT_WORDS: &[&str] = &["photo", "image", "illustration", "picture", "crédit", "credit"];

/// True when a text opens like an image credit: an optional `(` or `[`, then `©`, or one of [`CREDIT_WORDS`]
/// (or its plural) and at most one more word before a colon.
fn credit_opening(text: &str) -> bool {
    let lower: String = text.trim_start().chars().take(200).flat_map(char::to_lowercase).collect();
    let s = lower.strip_prefix(['(', '[']).unwrap_or(&lower).trim_start();
    if s.starts_with('©') {
        return true;
    }
    // After the credit word: spaces and a colon, or spaces, one word, spaces and a colon.
    let colon_follows = |rest: &str| {
        let t = rest.trim_start();
        if t.starts_with(':') {
            return true;
        }
        if t.len() == rest.len() {
            return false; // the credit word runs on ("photographer")
        }
        let end = t.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(t.len());
        end > 0 && t[end..].trim_start().starts_with(':')
    };
    CREDIT_WORDS.iter().any(|w| {
        s.strip_prefix(w).is_some_and(|rest| colon_follows(rest) || rest.strip_prefix('s').is_some_and(colon_follows))
    })
}

/// One node of the flattened page. Strings borrow from the page tree when its backend can lend them (the
/// arena of the HTML and snapshot backends): flattening a page copies no text.
#[derive(Debug)]
pub(crate) struct Flat<'t, N> {
    /// The backend's handle.
    pub node: N,
    /// Index of the parent in the flat array (`NONE` for the root).
    pub parent: usize,
    /// One past the index of the last descendant: the subtree is `index..end`.
    pub end: usize,
    /// Lower-case tag name; empty for text nodes.
    pub tag: Cow<'t, str>,
    /// `T_*` bits of the tag.
    pub tag_kinds: u8,
    /// Text nodes: their data.
    pub text: Cow<'t, str>,
    /// Text nodes: their length once whitespace is collapsed and their commas ([`text_measure`]).
    pub chars: u32,
    pub commas: u32,
    /// Text nodes: their whitespace-separated words.
    pub words: u32,
    /// Elements: lower-case `class`.
    pub class: Cow<'t, str>,
    /// The hint lists that the lower-case `class` and `id` match (`H_*` bits).
    pub class_hints: u32,
    pub id_hints: u32,
    /// `<a href="#…">`: an in-page link counts less in the link density.
    pub hash_link: bool,
    /// `<a href="mailto:…">`: an address is content, not navigation; it does not count as link text.
    pub mail_link: bool,
    /// Inside `<head>`: never content.
    pub in_head: bool,
    /// Inside a `<figure>`, `<table>` or `<code>` (Readability spares those from some removals).
    pub in_figure: bool,
    pub in_table_or_code: bool,
    /// `role` attribute, lower-case.
    pub role: Cow<'t, str>,
    /// `itemprop` attribute, lower-case.
    pub itemprop: Cow<'t, str>,
    /// Number of form fields among its children (skipped, but counted by the cleaning step).
    pub inputs: u32,
}

impl<N> Flat<'_, N> {
    pub fn is_text(&self) -> bool {
        self.tag.is_empty()
    }

    /// A block element (`BLOCK_TAGS`): starts a new line of text.
    fn is_block(&self) -> bool {
        self.tag_kinds & T_BLOCK != 0
    }

    /// Whether `class` or `id` matches one of the `H_*` lists in `lists`.
    fn hints(&self, lists: u32) -> bool {
        (self.class_hints | self.id_hints) & lists != 0
    }
}

/// The flattened page, plus what the metadata reader needs from skipped nodes.
pub(crate) struct Page<'t, N> {
    pub nodes: Vec<Flat<'t, N>>,
    /// Index of `<body>` (or of the root when there is none).
    pub body: usize,
    /// The text of each `<script type="application/ld+json">`.
    pub json_ld: Vec<String>,
    /// The text of `<title>`.
    pub title: Option<String>,
    /// `<meta>` elements as (property or name or itemprop, content), lower-case keys.
    pub metas: Vec<(String, String)>,
}

fn is_hidden<P: PageTree>(tree: &P, node: &P::Node) -> bool {
    if tree.is_hidden(node) || tree.attr(node, "hidden").is_some() {
        return true;
    }
    if tree.attr(node, "aria-hidden").is_some_and(|v| v.trim().eq_ignore_ascii_case("true")) {
        // Readability's exception: some sites mark the visible fallback image this way.
        return !tree.attr(node, "class").is_some_and(|c| c.contains("fallback-image"));
    }
    // Utility classes that hide an element (or keep it for screen readers only) in every common CSS
    // framework; responsive variants like `hidden-xs` are not hidden everywhere and do not count.
    if let Some(class) = tree.attr(node, "class") {
        if class.split_ascii_whitespace().any(|c| {
            matches!(c, "hidden" | "d-none" | "sr-only" | "visually-hidden" | "visuallyhidden" | "screen-reader-text" | "is-hidden")
        }) {
            return true;
        }
    }
    if let Some(style) = tree.attr(node, "style") {
        let style: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    false
}

/// A string in lower case (Unicode), borrowed when it already is.
fn lower_case(s: Cow<'_, str>) -> Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        s
    } else {
        Cow::Owned(s.to_lowercase())
    }
}

/// Flatten the page in document order, iteratively.
pub(crate) fn flatten<P: PageTree>(tree: &P) -> Page<'_, P::Node> {
    let mut page = Page { nodes: Vec::new(), body: NONE, json_ld: Vec::new(), title: None, metas: Vec::new() };
    let mut stack = vec![(tree.root(), NONE)];
    let hint_set = &*HINT_SET;
    while let Some((node, parent)) = stack.pop() {
        let (in_head, in_figure, in_table_or_code) = match page.nodes.get(parent) {
            Some(p) => (p.in_head || p.tag == "head", p.in_figure || p.tag == "figure", p.in_table_or_code || p.tag == "table" || p.tag == "code"),
            None => (false, false, false),
        };
        let tag = match tree.kind(&node) {
            NodeKind::Other => continue,
            NodeKind::Text => {
                let text = tree.text(&node).unwrap_or_default();
                let (chars, commas, words) = text_measure(&text);
                page.nodes.push(Flat {
                    node,
                    parent,
                    end: 0,
                    tag: Cow::Borrowed(""),
                    tag_kinds: 0,
                    text,
                    chars,
                    commas,
                    words,
                    class: Cow::Borrowed(""),
                    class_hints: 0,
                    id_hints: 0,
                    hash_link: false,
                    mail_link: false,
                    in_head,
                    in_figure,
                    in_table_or_code,
                    role: Cow::Borrowed(""),
                    itemprop: Cow::Borrowed(""),
                    inputs: 0,
                });
                continue;
            }
            NodeKind::Element(tag) if tag.bytes().any(|b| b.is_ascii_uppercase()) => Cow::Owned(tag.to_ascii_lowercase()),
            NodeKind::Element(tag) => tag,
        };
        let tag_kinds = tag_kinds(&tag);
        if tag_kinds & T_SKIP != 0 {
            match &*tag {
                "script" if tree.attr(&node, "type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) => {
                    page.json_ld.push(child_text(tree, &node));
                }
                "title" if page.title.is_none() && in_head => page.title = Some(child_text(tree, &node)),
                "meta" => {
                    let key = ["property", "name", "itemprop", "http-equiv"].iter().find_map(|a| tree.attr(&node, a));
                    if let (Some(key), Some(content)) = (key, tree.attr(&node, "content")) {
                        page.metas.push((key.trim().to_ascii_lowercase(), content.into_owned()));
                    }
                }
                "input" | "select" | "textarea" => {
                    if let Some(p) = page.nodes.get_mut(parent) {
                        p.inputs += 1;
                    }
                }
                _ => {}
            }
            continue;
        }
        if !matches!(&*tag, "html" | "body" | "head") && is_hidden(tree, &node) {
            continue;
        }
        let lower = |name: &str| tree.attr(&node, name).map_or(Cow::Borrowed(""), lower_case);
        let index = page.nodes.len();
        if tag == "body" && page.body == NONE {
            page.body = index;
        }
        let href = if tag == "a" { tree.attr(&node, "href") } else { None };
        let hash_link = href.as_deref().is_some_and(|h| h.starts_with('#'));
        let mail_link = href.as_deref().is_some_and(|h| h.trim_start().to_ascii_lowercase().starts_with("mailto:"));
        let children = tree.children(&node);
        let (class, id) = (lower("class"), lower("id"));
        page.nodes.push(Flat {
            class_hints: hint_set.matches(&class),
            id_hints: hint_set.matches(&id),
            class,
            role: lower("role"),
            itemprop: lower("itemprop"),
            inputs: 0,
            node,
            parent,
            end: 0,
            tag,
            tag_kinds,
            text: Cow::Borrowed(""),
            chars: 0,
            commas: 0,
            words: 0,
            hash_link,
            mail_link,
            in_head,
            in_figure,
            in_table_or_code,
        });
        stack.extend(children.iter().rev().map(|c| (c.clone(), index)));
    }
    // Pre-order: every descendant comes after its ancestor, so one backward pass finds subtree ends.
    for i in 0..page.nodes.len() {
        page.nodes[i].end = i + 1;
    }
    for i in (0..page.nodes.len()).rev() {
        let (parent, end) = (page.nodes[i].parent, page.nodes[i].end);
        if parent != NONE && page.nodes[parent].end < end {
            page.nodes[parent].end = end;
        }
    }
    if page.body == NONE {
        page.body = 0;
    }
    page
}

/// The concatenated data of an element's text children (scripts and titles have nothing else).
fn child_text<P: PageTree>(tree: &P, node: &P::Node) -> String {
    tree.children(node).iter().filter_map(|c| tree.text(c)).collect()
}

/// Length of a text once whitespace runs are collapsed and the ends trimmed, in chars; its commas; its
/// whitespace-separated words.
fn text_measure(text: &str) -> (u32, u32, u32) {
    let mut chars = 0u32;
    let mut words = 0u32;
    for word in text.split_ascii_whitespace() {
        chars += word.chars().count() as u32;
        words += 1;
    }
    let commas = text.chars().filter(|c| matches!(c, ',' | '\u{060C}' | '\u{FE50}' | '\u{FE10}' | '\u{FE11}' | '\u{2E41}' | '\u{2E34}' | '\u{2E32}' | '\u{FF0C}')).count() as u32;
    (chars + words.saturating_sub(1), commas, words)
}

/// Per-element figures over the subtree (removed nodes excluded).
#[derive(Clone, Copy, Debug, Default)]
struct Stats {
    chars: u32,
    /// Characters inside links (in-page `#` links weighted 0.3).
    link_chars: f32,
    commas: u32,
    /// Characters whose nearest block ancestor is this element.
    own_chars: u32,
    own_commas: u32,
    p: u32,
    li: u32,
    li_chars: u32,
    img: u32,
    input: u32,
    heading_chars: u32,
    /// Whitespace-separated words.
    words: u32,
    /// Has an element child that stops a `div` from being a paragraph.
    has_block_child: bool,
}

impl Stats {
    fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars / self.chars as f32
        }
    }
}

/// Which removals a pass applies (Readability's flags).
#[derive(Clone, Copy)]
struct Flags {
    strip_unlikely: bool,
    weight_classes: bool,
    clean_conditionally: bool,
}

/// ±25 for each of `class` and `id` that matches [`POSITIVE`] or [`NEGATIVE`].
fn class_weight<N>(n: &Flat<'_, N>) -> i32 {
    let mut w = 0;
    for hints in [n.class_hints, n.id_hints] {
        if hints & H_NEGATIVE != 0 {
            w -= 25;
        }
        if hints & H_POSITIVE != 0 {
            w += 25;
        }
    }
    w
}

/// The chosen article: container indices in document order, and the removal mask used.
pub(crate) struct Choice {
    pub containers: Vec<usize>,
    /// Flat indices whose subtrees are left out of the text.
    removed: Vec<bool>,
}

/// Choose the article containers: passes with fewer removals until one yields 500 characters.
pub(crate) fn choose<N>(page: &Page<'_, N>) -> Choice {
    let passes = [
        Flags { strip_unlikely: true, weight_classes: true, clean_conditionally: true },
        Flags { strip_unlikely: false, weight_classes: true, clean_conditionally: true },
        Flags { strip_unlikely: false, weight_classes: false, clean_conditionally: true },
        Flags { strip_unlikely: false, weight_classes: false, clean_conditionally: false },
    ];
    let mut best: Option<(u32, Choice)> = None;
    for (pass, flags) in passes.into_iter().enumerate() {
        let choice = choose_with(page, flags);
        let len = text_len(page, &choice);
        if len >= 500 {
            return choice;
        }
        // A short article that the page marks up as such (`<article>`, `itemprop="articleBody"`): keep it
        // rather than the longer text a laxer pass finds in the page's menus and boxes.
        if pass == 0 && len >= 140 && in_marked_article(page, choice.containers[0]) {
            return choice;
        }
        if best.as_ref().map_or(true, |(l, _)| len > *l) {
            best = Some((len, choice));
        }
    }
    best.map(|(_, c)| c).unwrap_or(Choice { containers: vec![page.body], removed: vec![false; page.nodes.len()] })
}

fn is_marked_article<N>(n: &Flat<'_, N>) -> bool {
    n.tag == "article" || n.itemprop.split_whitespace().any(|p| p == "articlebody")
}

/// True when `i` is, is inside, or holds exactly one `<article>` or `itemprop="articleBody"` element.
fn in_marked_article<N>(page: &Page<'_, N>, i: usize) -> bool {
    let mut a = i;
    while a != NONE {
        if is_marked_article(&page.nodes[a]) {
            return true;
        }
        a = page.nodes[a].parent;
    }
    page.nodes[i..page.nodes[i].end].iter().filter(|n| n.tag == "article").count() == 1
}

/// Characters of text a choice would collect (an estimate, without building the text).
fn text_len<N>(page: &Page<'_, N>, choice: &Choice) -> u32 {
    let mut total = 0;
    for &c in &choice.containers {
        let mut i = c;
        while i < page.nodes[c].end {
            if choice.removed[i] {
                i = page.nodes[i].end;
                continue;
            }
            if page.nodes[i].is_text() {
                total += page.nodes[i].chars;
            }
            i += 1;
        }
    }
    total
}

fn choose_with<N>(page: &Page<'_, N>, flags: Flags) -> Choice {
    let nodes = &page.nodes;
    let n = nodes.len();
    let body = page.body;
    // Removal mask of this pass (subtree roots only; `gone` propagates to descendants).
    let mut removed = vec![false; n];
    let mut gone = vec![false; n];
    for i in 0..n {
        let node = &nodes[i];
        let parent_gone = node.parent != NONE && gone[node.parent];
        if parent_gone {
            gone[i] = true;
            continue;
        }
        if node.in_head || node.tag == "head" {
            gone[i] = true;
            continue;
        }
        if node.is_text() || i == body || node.tag == "body" || node.tag == "html" {
            continue;
        }
        let mut unlikely = UNLIKELY_ROLES.contains(&&*node.role);
        if flags.strip_unlikely && !unlikely && node.tag != "a" && node.tag != "article" && !node.in_table_or_code {
            // Readability matches these two lists on "class id"; no word holds a space, so matching each
            // attribute alone says the same.
            unlikely = (node.hints(H_UNLIKELY) && !node.hints(H_MAYBE)) || node.hints(H_JUNK);
        }
        if unlikely {
            removed[i] = true;
            gone[i] = true;
        }
    }

    let stats = compute_stats(page, &gone);

    // Score paragraphs into their ancestors.
    let mut score = vec![f32::NAN; n]; // NAN: not a candidate
    let init = |i: usize| -> f32 {
        let base = match &*nodes[i].tag {
            "div" => 5.0,
            "pre" | "td" | "blockquote" => 3.0,
            "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
            _ => 0.0,
        };
        let bonus = if nodes[i].tag == "article" { 10.0 } else { 0.0 };
        base + bonus + if flags.weight_classes { class_weight(&nodes[i]) as f32 } else { 0.0 }
    };
    for i in 0..n {
        if gone[i] || nodes[i].tag_kinds & T_PARAGRAPH == 0 {
            continue;
        }
        let s = &stats[i];
        // A div-like block with block children is a container, not a paragraph; its own loose text still is.
        let text_chars = if matches!(&*nodes[i].tag, "p" | "pre" | "td" | "h2" | "h3" | "h4" | "h5" | "h6") {
            s.chars
        } else {
            s.own_chars
        };
        if text_chars < 25 {
            continue;
        }
        // Table cells count only when they hold prose: a long table of names or addresses is not an article.
        if nodes[i].tag == "td" && (text_chars < 50 || s.words < 8) {
            continue;
        }
        let commas = if s.has_block_child { s.own_commas } else { s.commas };
        let content = 2.0 + commas as f32 + (text_chars / 100).min(3) as f32;
        let mut a = nodes[i].parent;
        let mut level = 0;
        while a != NONE && level < 5 {
            // Readability skips ancestors whose parent is the document (the <html> element).
            if nodes[a].parent == NONE {
                break;
            }
            if score[a].is_nan() {
                score[a] = init(a);
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            score[a] += content / divider;
            a = nodes[a].parent;
            level += 1;
        }
    }
    for i in 0..n {
        if !score[i].is_nan() {
            score[i] *= 1.0 - stats[i].link_density();
        }
    }

    // Top five candidates.
    let mut top: Vec<usize> = Vec::new();
    for i in 0..n {
        if score[i].is_nan() || gone[i] {
            continue;
        }
        let pos = top.iter().position(|&t| score[i] > score[t]).unwrap_or(top.len());
        if pos < 5 {
            top.insert(pos, i);
            top.truncate(5);
        }
    }
    let Some(&first) = top.first() else {
        return Choice { containers: vec![body], removed: clean(page, &stats, &score, body, &[body], removed, flags) };
    };
    if first == body || nodes[first].tag == "body" {
        return Choice { containers: vec![body], removed: clean(page, &stats, &score, body, &[body], removed, flags) };
    }
    let mut best = first;
    // Several near-best candidates under one ancestor: the article is that ancestor. Ancestors are counted
    // once per alternative (a count per node, so that a deep page costs its depth, not its depth squared).
    let alternatives: Vec<usize> = top[1..].iter().copied().filter(|&t| score[t] / score[best] >= 0.75).collect();
    if alternatives.len() >= 3 {
        let mut containing = vec![0usize; nodes.len()];
        for &t in &alternatives {
            let mut a = nodes[t].parent;
            while a != NONE {
                containing[a] += 1;
                a = nodes[a].parent;
            }
        }
        let mut p = nodes[best].parent;
        while p != NONE && p != body && nodes[p].tag != "body" {
            if containing[p] >= 3 {
                best = p;
                break;
            }
            p = nodes[p].parent;
        }
    }
    if score[best].is_nan() {
        score[best] = init(best);
    }
    // Climb while the parents' scores rise: more content lies in a sibling branch.
    let mut last = score[best];
    let threshold = last / 3.0;
    let mut p = nodes[best].parent;
    while p != NONE && p != body && nodes[p].tag != "body" {
        if score[p].is_nan() {
            p = nodes[p].parent;
            continue;
        }
        if score[p] < threshold {
            break;
        }
        if score[p] > last {
            best = p;
            break;
        }
        last = score[p];
        p = nodes[p].parent;
    }
    // An only child: use the parent, so that sibling joining sees the real neighbours.
    loop {
        let p = nodes[best].parent;
        if p == NONE || p == body || nodes[p].tag == "body" {
            break;
        }
        if element_children(page, p, &gone).len() != 1 {
            break;
        }
        best = p;
    }
    if score[best].is_nan() {
        score[best] = init(best);
    }

    // Join siblings.
    let mut containers = Vec::new();
    let parent = nodes[best].parent;
    let top_score = score[best];
    if parent == NONE {
        containers.push(best);
    } else {
        let threshold = (top_score * 0.2).max(10.0);
        for s in element_children(page, parent, &gone) {
            if s == best {
                containers.push(s);
                continue;
            }
            let bonus = if !nodes[best].class.is_empty() && nodes[s].class == nodes[best].class { top_score * 0.2 } else { 0.0 };
            let append = if !score[s].is_nan() && score[s] + bonus >= threshold {
                true
            } else if nodes[s].tag == "p" || (nodes[s].tag == "div" && !stats[s].has_block_child) {
                let st = &stats[s];
                let ld = st.link_density();
                let len = st.chars;
                (len > 80 && ld < 0.25) || (len > 0 && len < 80 && ld == 0.0 && has_sentence_end(&subtree_text(page, s, &gone)))
            } else {
                false
            };
            if append {
                containers.push(s);
            }
        }
    }
    // The article's header (headline, standfirst) as an earlier sibling of the body: many news sites keep
    // the lead paragraph there. Taken when the body has no <h1> of its own and the header is mostly text.
    let mut headline = None;
    if parent != NONE && !has_tag(page, best, "h1", &gone) {
        let first = containers.first().copied().unwrap_or(best);
        let mut header = None;
        for s in element_children(page, parent, &gone) {
            if s >= first {
                break;
            }
            if has_tag(page, s, "h1", &gone) {
                header = Some(s);
            }
        }
        if let Some(h) = header {
            let st = &stats[h];
            if st.link_density() < 0.5 && st.chars < 1500 {
                containers.insert(0, h);
                // Its headline is the page title (`Article::title`), not article text.
                headline = (h..nodes[h].end).find(|&j| nodes[j].tag == "h1");
            }
        }
    }
    // The same container repeated further down (an article cut by ads or "read also" boxes into several
    // blocks that are not siblings): same tag and class, prose with few links.
    if !nodes[best].class.trim().is_empty() {
        // The containers so far are disjoint and in document order: one cursor walks them with `j`.
        let chosen = containers.clone();
        let mut k = 0;
        let mut j = body;
        let end = nodes[body].end;
        while j < end {
            if gone[j] {
                j = nodes[j].end;
                continue;
            }
            while k < chosen.len() && nodes[chosen[k]].end <= j {
                k += 1;
            }
            if k < chosen.len() && chosen[k] <= j {
                j = nodes[chosen[k]].end;
                continue;
            }
            let nj = &nodes[j];
            if !nj.is_text() && nj.tag == nodes[best].tag && nj.class == nodes[best].class {
                let inside = k < chosen.len() && chosen[k] < nj.end;
                let st = &stats[j];
                if !inside && st.chars >= 50 && st.link_density() < 0.3 && (st.p > 0 || st.own_chars >= 50) {
                    containers.push(j);
                    j = nj.end;
                    continue;
                }
            }
            j += 1;
        }
        crate::text::sort_by_u64(&mut containers, |&j| j as u64);
    }
    let mut removed = clean(page, &stats, &score, best, &containers, removed, flags);
    if let Some(h) = headline {
        removed[h] = true;
    }
    Choice { containers, removed }
}

/// True when the subtree of `i` holds a `tag` element still in the page.
fn has_tag<N>(page: &Page<'_, N>, i: usize, tag: &str, gone: &[bool]) -> bool {
    (i..page.nodes[i].end).any(|j| !gone[j] && page.nodes[j].tag == tag)
}

/// Element children of `p` still in the page.
fn element_children<N>(page: &Page<'_, N>, p: usize, gone: &[bool]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut c = p + 1;
    while c < page.nodes[p].end {
        if !page.nodes[c].is_text() && !gone[c] {
            out.push(c);
        }
        c = page.nodes[c].end;
    }
    out
}

fn subtree_text<N>(page: &Page<'_, N>, i: usize, gone: &[bool]) -> String {
    let mut s = String::new();
    for (node, &gone) in page.nodes[i..page.nodes[i].end].iter().zip(&gone[i..]) {
        if node.is_text() && !gone {
            s.push_str(&node.text);
        }
    }
    s.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

fn compute_stats<N>(page: &Page<'_, N>, gone: &[bool]) -> Vec<Stats> {
    let nodes = &page.nodes;
    let n = nodes.len();
    let mut stats = vec![Stats::default(); n];
    // Nearest block ancestor of each node (forward pass: parents first).
    let mut block_of = vec![NONE; n];
    for i in 0..n {
        let p = nodes[i].parent;
        if p != NONE {
            block_of[i] = if nodes[p].is_block() { p } else { block_of[p] };
        }
    }
    for i in 0..n {
        if gone[i] || !nodes[i].is_text() {
            continue;
        }
        let (chars, commas) = (nodes[i].chars, nodes[i].commas);
        stats[i].chars = chars;
        stats[i].commas = commas;
        stats[i].words = nodes[i].words;
        let b = block_of[i];
        if b != NONE {
            stats[b].own_chars += chars;
            stats[b].own_commas += commas;
        }
    }
    // Backward pass: children before parents.
    for i in (0..n).rev() {
        if gone[i] {
            continue;
        }
        let tag = &*nodes[i].tag;
        stats[i].input += nodes[i].inputs;
        match tag {
            "a" => {
                let weight = match (nodes[i].hash_link, nodes[i].mail_link) {
                    (_, true) => 0.0,
                    (true, _) => 0.3,
                    _ => 1.0,
                };
                stats[i].link_chars = stats[i].chars as f32 * weight;
            }
            "p" => stats[i].p += 1,
            "li" => {
                stats[i].li += 1;
                stats[i].li_chars = stats[i].chars;
            }
            "img" => stats[i].img += 1,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => stats[i].heading_chars = stats[i].chars,
            _ => {}
        }
        let p = nodes[i].parent;
        if p == NONE {
            continue;
        }
        let s = stats[i];
        let ps = &mut stats[p];
        ps.chars += s.chars;
        ps.link_chars += s.link_chars;
        ps.commas += s.commas;
        ps.p += s.p;
        ps.li += s.li;
        ps.li_chars += s.li_chars;
        ps.img += s.img;
        ps.input += s.input;
        ps.heading_chars += s.heading_chars;
        ps.words += s.words;
        if nodes[i].tag_kinds & T_DIV_BLOCK_CHILD != 0 {
            ps.has_block_child = true;
        }
    }
    stats
}

/// Readability's clean-up inside the chosen containers: returns the removal mask for collection.
fn clean<N>(
    page: &Page<'_, N>,
    stats: &[Stats],
    score: &[f32],
    best: usize,
    containers: &[usize],
    mut removed: Vec<bool>,
    flags: Flags,
) -> Vec<bool> {
    let nodes = &page.nodes;
    for &c in containers {
        let mut i = c;
        while i < nodes[c].end {
            if removed[i] {
                i = nodes[i].end;
                continue;
            }
            let node = &nodes[i];
            if node.is_text() || i == best {
                i += 1;
                continue;
            }
            let s = &stats[i];
            let weight = if flags.weight_classes { class_weight(node) } else { 0 };
            let tag = &*node.tag;
            let mut drop = false;
            // Headings with furniture class names; short share/newsletter bars.
            if matches!(tag, "h1" | "h2") && weight < 0 {
                drop = true;
            }
            if flags.clean_conditionally && s.chars < 500 && node.hints(H_SHARE) {
                drop = true;
            }
            if flags.clean_conditionally && node.hints(H_JUNK) {
                drop = true;
            }
            let no_caption = |h: &str| h.contains("no_caption") || h.contains("no-caption");
            if flags.clean_conditionally
                && s.chars < 200
                && ((node.class_hints & H_SHORT_JUNK != 0 && !no_caption(&node.class)) || node.id_hints & H_SHORT_JUNK != 0)
            {
                drop = true;
            }
            // A paragraph that is a link with a short label ("Read also: …", "À lire aussi »").
            if flags.clean_conditionally
                && matches!(tag, "p" | "div")
                && !s.has_block_child
                && s.link_density() > 0.6
                && (s.chars as f32 - s.link_chars) < 30.0
            {
                drop = true;
            }
            // An image credit or caption written as a paragraph of its own (no caption markup).
            if flags.clean_conditionally
                && (tag == "p" || (tag == "div" && !s.has_block_child))
                && s.chars < 150
                && is_credit_line(page, i)
            {
                drop = true;
            }
            let conditional = match tag {
                "form" | "fieldset" | "table" | "ul" | "ol" => true,
                "div" | "section" => s.has_block_child || i == c,
                _ => false,
            };
            if flags.clean_conditionally && conditional && !drop {
                drop = clean_conditionally(node, s, weight, score[i]);
            }
            if drop {
                removed[i] = true;
                i = node.end;
            } else {
                i += 1;
            }
        }
    }
    removed
}

/// True when the text of `i` opens like an image credit ([`credit_opening`]); soft hyphens are ignored.
fn is_credit_line<N>(page: &Page<'_, N>, i: usize) -> bool {
    let mut text = String::new();
    for node in &page.nodes[i..page.nodes[i].end] {
        if node.is_text() {
            text.extend(node.text.chars().filter(|&c| c != '\u{AD}'));
        }
    }
    credit_opening(&text)
}

fn clean_conditionally<N>(node: &Flat<'_, N>, s: &Stats, weight: i32, score: f32) -> bool {
    let content_score = if score.is_nan() { 0.0 } else { score };
    if weight as f32 + content_score < 0.0 {
        return true;
    }
    if s.commas >= 10 {
        return false;
    }
    let is_list = matches!(&*node.tag, "ul" | "ol") || (s.chars > 0 && s.li_chars as f32 / s.chars as f32 > 0.9);
    let p = s.p as f32;
    let img = s.img as f32;
    let li = s.li as f32 - 100.0;
    let heading_density = if s.chars == 0 { 0.0 } else { s.heading_chars as f32 / s.chars as f32 };
    let ld = s.link_density();
    (img > 1.0 && p / img < 0.5 && !node.in_figure)
        || (!is_list && li > p)
        || (s.input as f32 > (p / 3.0).floor())
        || (!is_list && heading_density < 0.9 && s.chars < 25 && (s.img == 0 || s.img > 2) && !node.in_figure)
        || (!is_list && weight < 25 && ld > 0.2)
        || (weight >= 25 && ld > 0.5)
}

/// Collect the text of the containers: blocks and `<br>` become `\n`, whitespace runs collapse to one
/// space, the ends of blocks are trimmed, soft hyphens (U+00AD) are dropped from the text (they stay in
/// the node; `node_offsets_u16` maps around them), NBSP is kept; whitespace in `<pre>` is kept.
pub(crate) fn collect<N: Clone>(page: &Page<'_, N>, choice: &Choice) -> (String, Vec<Segment<N>>) {
    let mut c = Collector { out: String::new(), out_u16: 0, segs: Vec::new(), pending: None, drop_cap: false, line_start: 0 };
    let nodes = &page.nodes;
    for &root in &choice.containers {
        c.boundary();
        // Open elements: (end, is_block, is_pre).
        let mut open: Vec<(usize, bool, bool)> = Vec::new();
        let mut pre_depth = 0usize;
        let mut i = root;
        let end = nodes[root].end;
        while i < end {
            while let Some(&(e, block, pre)) = open.last() {
                if e > i {
                    break;
                }
                open.pop();
                if block {
                    c.boundary();
                }
                if pre {
                    pre_depth -= 1;
                }
            }
            if choice.removed[i] {
                // A removed element still separates what is around it.
                if nodes[i].is_block() {
                    c.boundary();
                }
                i = nodes[i].end;
                continue;
            }
            let node = &nodes[i];
            if node.is_text() {
                c.text(i, &node.text, pre_depth > 0);
                // A drop cap: one capital letter in an inline element, its paragraph opening next.
                let parent = node.parent;
                if !node.text.trim().is_empty() {
                    c.drop_cap = parent != NONE
                        && !nodes[parent].is_block()
                        && c.line_is_one_capital()
                        && node.text.trim().chars().count() == 1;
                }
            } else if node.tag == "br" {
                c.line_break();
            } else {
                let block = node.is_block();
                if block {
                    if c.drop_cap && c.line_is_one_capital() {
                        c.drop_cap = false;
                        c.pending = None;
                    } else {
                        c.boundary();
                    }
                }
                let pre = node.tag == "pre";
                if pre {
                    pre_depth += 1;
                }
                open.push((node.end, block, pre));
            }
            i += 1;
        }
        c.boundary();
    }
    // Drop the trailing separator (a newline inside a `<pre>` segment is text and stays).
    let covered = c.segs.last().map_or(0, |s| s.start + s.offsets.len());
    while c.out.ends_with('\n') && c.out_u16 > covered {
        c.out.pop();
        c.out_u16 -= 1;
    }
    let segments = c
        .segs
        .into_iter()
        .map(|s| {
            let identity = s.offsets.iter().enumerate().all(|(k, &o)| o as usize == k);
            Segment {
                node: nodes[s.flat].node.clone(),
                start_u16: s.start,
                len_u16: s.offsets.len(),
                node_offsets_u16: if identity { Vec::new() } else { s.offsets },
            }
        })
        .collect();
    (c.out, segments)
}

struct SegBuild {
    flat: usize,
    start: usize,
    offsets: Vec<u32>,
}

struct Collector {
    out: String,
    out_u16: usize,
    segs: Vec<SegBuild>,
    /// A whitespace run not yet written: (flat index of its node, UTF-16 offset in the node).
    pending: Option<(usize, u32)>,
    /// The current line is a drop cap: the next block opening continues it.
    drop_cap: bool,
    /// Byte offset in `out` where the current line starts (kept so that no check rescans the text).
    line_start: usize,
}

impl Collector {
    fn line_is_one_capital(&self) -> bool {
        let line = &self.out[self.line_start..];
        if line.len() > 4 {
            return false;
        }
        let mut chars = line.chars();
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
    }

    fn boundary(&mut self) {
        self.drop_cap = false;
        self.pending = None;
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
            self.out_u16 += 1;
            self.line_start = self.out.len();
        }
    }

    fn line_break(&mut self) {
        self.boundary();
    }

    fn emit(&mut self, flat: usize, node_off: u32, ch: char) {
        if self.segs.last().map_or(true, |s| s.flat != flat) {
            self.segs.push(SegBuild { flat, start: self.out_u16, offsets: Vec::new() });
        }
        let seg = self.segs.last_mut().expect("just pushed");
        let units = ch.len_utf16();
        for k in 0..units {
            seg.offsets.push(node_off + k as u32);
        }
        self.out.push(ch);
        self.out_u16 += units;
        if ch == '\n' {
            self.line_start = self.out.len();
        }
    }

    /// Write `run` (no whitespace to collapse, no soft hyphen, no `\n`), which starts at UTF-16 offset
    /// `node_off` of node `flat`: what `emit` does for each of its characters, in one go.
    fn emit_run(&mut self, flat: usize, node_off: u32, run: &str) {
        if self.segs.last().map_or(true, |s| s.flat != flat) {
            self.segs.push(SegBuild { flat, start: self.out_u16, offsets: Vec::new() });
        }
        let seg = self.segs.last_mut().expect("just pushed");
        let units = run.encode_utf16().count();
        seg.offsets.extend(node_off..node_off + units as u32);
        self.out.push_str(run);
        self.out_u16 += units;
    }

    fn text(&mut self, flat: usize, text: &str, pre: bool) {
        if !pre {
            return self.collapsed_text(flat, text);
        }
        let mut off = 0u32;
        for ch in text.chars() {
            let units = ch.len_utf16() as u32;
            if pre {
                if ch != '\r' && ch != '\u{AD}' {
                    self.emit(flat, off, ch);
                }
            } else if matches!(ch, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
                if self.pending.is_none() {
                    self.pending = Some((flat, off));
                }
            } else if ch != '\u{AD}' {
                if let Some((pf, po)) = self.pending.take() {
                    if !self.out.is_empty() && !self.out.ends_with('\n') {
                        self.emit(pf, po, ' ');
                    }
                }
                self.emit(flat, off, ch);
            }
            off += units;
        }
    }

    /// `text` outside `<pre>`: whitespace runs collapse to one pending space, soft hyphens are dropped, and
    /// the runs of other characters between them are written whole.
    fn collapsed_text(&mut self, flat: usize, text: &str) {
        let is_break = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}' | '\u{AD}');
        let mut off = 0u32; // UTF-16 offset of `rest` in the node
        let mut rest = text;
        while !rest.is_empty() {
            let end = rest.find(is_break).unwrap_or(rest.len());
            if end > 0 {
                if let Some((pf, po)) = self.pending.take() {
                    if !self.out.is_empty() && !self.out.ends_with('\n') {
                        self.emit(pf, po, ' ');
                    }
                }
                let run = &rest[..end];
                self.emit_run(flat, off, run);
                off += run.encode_utf16().count() as u32;
                rest = &rest[end..];
            }
            // Whitespace and soft hyphens, one character at a time (they are one byte or two).
            while let Some(ch) = rest.chars().next().filter(|&c| is_break(c)) {
                if ch != '\u{AD}' && self.pending.is_none() {
                    self.pending = Some((flat, off));
                }
                off += 1;
                rest = &rest[ch.len_utf8()..];
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credit_openings() {
        let cases: &[(&str, bool)] = &[
            ("(Credit: Jane Doe / Agency)", true),
            ("Photo : AFP", true),
            ("Photos: Reuters", true),
            ("Image illustrative\u{a0}: des briques", true),
            ("Crédit photo : X", true),
            ("[Illustration: Y]", true),
            ("© Reuters", true),
            ("  Picture credit: Z", true),
            ("Photographer: W", false),
            ("Photos of the flood were shared widely: kept.", false),
            ("The photo: a caption inside a sentence", false),
            ("Credit card debt rose again.", false),
        ];
        for &(text, expected) in cases {
            assert_eq!(credit_opening(text), expected, "{text}");
        }
    }
}
