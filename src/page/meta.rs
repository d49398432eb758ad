//! Page metadata: title, publication time, language.
//!
//! Read from the flattened page that detection uses, so the live DOM and parsed HTML agree.
//! Orders of preference:
//! - title: `og:title`, JSON-LD `headline`, `twitter:title`, `<title>` (a trailing " | Site" part dropped when
//!   what remains is long enough to be a headline), the first `<h1>`;
//! - published: JSON-LD `datePublished` (anywhere in the JSON-LD, `@graph` arrays included), `<meta>`
//!   `article:published_time` and its usual aliases, an element with `itemprop="datePublished"`, the first
//!   `<time datetime>` inside the article, else a `<time pubdate>` or `<time class="…published…">`; an
//!   RFC 2822-style value is rewritten in ISO 8601, other values are kept as written;
//! - language: `<html lang>`, `og:locale` (`fr_FR` → `fr-FR`), `content-language`.

use super::detect::{Choice, Page};
use super::{Article, PageTree};

/// `<meta>` keys that carry the publication time, best first.
const PUBLISHED_METAS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "article.published",
    "published_time",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "citation_publication_date",
    "citation_date",
    "dcterms.issued",
    "dc.date",
    "dc:date",
    "dcterms.date",
    "date",
];

/// Read the metadata (text left empty).
pub(crate) fn read<P: PageTree>(tree: &P, page: &Page<'_, P::Node>, choice: &Choice) -> Article {
    let json_ld: Vec<JsonLd> = page.json_ld.iter().filter_map(|s| JsonLd::parse(unwrap_json_ld(s))).collect();
    Article { text: String::new(), title: title(page, &json_ld), published: published(tree, page, choice, &json_ld), lang: lang(tree, page) }
}

/// The JSON inside a JSON-LD script, without the `<![CDATA[ … ]]>` or `<!-- … -->` wrappers (and their
/// `//` comment guards) that some sites put around it.
fn unwrap_json_ld(script: &str) -> &str {
    let mut s = script.trim().trim_end_matches(';').trim();
    for (open, close) in [("<![CDATA[", "]]>"), ("<!--", "-->")] {
        let t = s.trim_start_matches("//").trim_start_matches("/*").trim_start();
        if let Some(inner) = t.strip_prefix(open) {
            let inner = inner.trim_end();
            let inner = inner.strip_suffix(close).unwrap_or(inner).trim_end();
            s = inner.trim_end_matches("//").trim_end_matches("/*").trim();
        }
    }
    s
}

fn meta<'p, N>(page: &'p Page<'_, N>, key: &str) -> Option<&'p str> {
    page.metas.iter().find(|(k, v)| k == key && !v.trim().is_empty()).map(|(_, v)| v.trim())
}

fn clean(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// A JSON-LD document, as much of it as the metadata reads. Read with the snapshot's JSON tokenizer
/// (`snapshot::tokenize`) rather than serde_json's, which made the WebAssembly module ~30 kB larger for this
/// one use: an object's members sorted by key, a repeated key's last value kept (as serde_json's map did).
#[derive(Debug, PartialEq)]
enum JsonLd {
    Str(String),
    Obj(Vec<(String, JsonLd)>),
    Arr(Vec<JsonLd>),
    /// Numbers, booleans, null.
    Other,
}

impl JsonLd {
    /// Nesting deeper than this is refused (serde_json's limit): a deep tree's drop would recurse.
    const MAX_DEPTH: usize = 128;

    /// The document in `json`, or `None` when it is not well-formed JSON or nests too deep.
    fn parse(json: &str) -> Option<JsonLd> {
        use super::snapshot::{tokenize, Event};
        // Open containers, each with the key its value goes under in the container above (none in an array).
        let mut stack: Vec<(Option<String>, JsonLd)> = Vec::new();
        let mut key: Option<String> = None;
        let mut done: Option<JsonLd> = None;
        let mut too_deep = false;
        let place = |stack: &mut Vec<(Option<String>, JsonLd)>, done: &mut Option<JsonLd>, key: Option<String>, value: JsonLd| match stack.last_mut() {
            Some((_, JsonLd::Obj(members))) => members.push((key.unwrap_or_default(), value)),
            Some((_, JsonLd::Arr(items))) => items.push(value),
            _ => *done = Some(value),
        };
        tokenize(json, |event| {
            if too_deep {
                return;
            }
            match event {
                Event::StartObject | Event::StartArray => {
                    if stack.len() >= Self::MAX_DEPTH {
                        too_deep = true;
                        return;
                    }
                    let empty = if event == Event::StartObject { JsonLd::Obj(Vec::new()) } else { JsonLd::Arr(Vec::new()) };
                    stack.push((key.take(), empty));
                }
                Event::EndObject | Event::EndArray => {
                    if let Some((under, mut value)) = stack.pop() {
                        if let JsonLd::Obj(members) = &mut value {
                            // Sorted by key, the last of equal keys kept: stable sort, then keep each run's last.
                            crate::text::sort_by_str(members, |m| &m.0);
                            let mut kept: Vec<(String, JsonLd)> = Vec::with_capacity(members.len());
                            for m in members.drain(..) {
                                match kept.last_mut() {
                                    Some(last) if last.0 == m.0 => *last = m,
                                    _ => kept.push(m),
                                }
                            }
                            *members = kept;
                        }
                        place(&mut stack, &mut done, under, value);
                    }
                }
                Event::Key(k) => key = Some(k.into_owned()),
                Event::Str(v) => place(&mut stack, &mut done, key.take(), JsonLd::Str(v.into_owned())),
                Event::Bool(_) | Event::Other => place(&mut stack, &mut done, key.take(), JsonLd::Other),
            }
        })
        .ok()?;
        if too_deep {
            // Dropped level by level: the open containers are at most MAX_DEPTH deep.
            return None;
        }
        done
    }

    /// The value of member `key` of an object.
    fn get(&self, key: &str) -> Option<&JsonLd> {
        match self {
            JsonLd::Obj(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// The first string value of `key` in JSON-LD documents, depth-first (an object's own member before those of
/// its children; members in key order), without recursion.
fn json_ld_string(docs: &[JsonLd], key: &str) -> Option<String> {
    let mut stack: Vec<&JsonLd> = docs.iter().rev().collect();
    while let Some(v) = stack.pop() {
        match v {
            JsonLd::Obj(members) => {
                if let Some(JsonLd::Str(s)) = v.get(key) {
                    if let Some(s) = clean(s) {
                        return Some(s);
                    }
                }
                stack.extend(members.iter().rev().map(|(_, v)| v));
            }
            JsonLd::Arr(items) => stack.extend(items.iter().rev()),
            _ => {}
        }
    }
    None
}

fn title<N>(page: &Page<'_, N>, json_ld: &[JsonLd]) -> Option<String> {
    let site = meta(page, "og:site_name").or_else(|| meta(page, "application-name")).and_then(clean);
    let strip = |t: String| strip_named_site(&t, site.as_deref());
    if let Some(t) = meta(page, "og:title").and_then(clean) {
        return Some(strip(t));
    }
    if let Some(t) = json_ld_string(json_ld, "headline") {
        return Some(strip(t));
    }
    if let Some(t) = meta(page, "twitter:title").and_then(clean) {
        return Some(strip(t));
    }
    if let Some(t) = page.title.as_deref().and_then(clean) {
        return Some(strip_site_name(&t));
    }
    let h1 = page.nodes.iter().position(|n| n.tag == "h1" && !n.in_head)?;
    let text: String = page.nodes[h1..page.nodes[h1].end].iter().filter(|n| n.is_text()).map(|n| &*n.text).collect();
    clean(&text)
}

/// Separators between a headline and the site's name.
const SEPARATORS: [&str; 7] = [" | ", " – ", " — ", " - ", " :: ", " / ", " » "];

/// "Headline | Site name" → "Headline" when the last part names the site (`og:site_name`).
fn strip_named_site(title: &str, site: Option<&str>) -> String {
    let Some(site) = site.map(str::to_lowercase) else { return title.to_string() };
    for sep in SEPARATORS {
        if let Some(at) = title.find(sep) {
            let (head, tail) = (title[..at].trim(), title[at + sep.len()..].to_lowercase());
            if !head.is_empty() && (tail.contains(&site) || site.contains(tail.trim())) {
                return head.to_string();
            }
        }
    }
    title.to_string()
}

/// "Headline | Site" → "Headline", when the headline keeps at least four words.
fn strip_site_name(title: &str) -> String {
    for sep in SEPARATORS {
        if let Some(at) = title.rfind(sep) {
            let head = title[..at].trim();
            if head.split_whitespace().count() >= 4 {
                return head.to_string();
            }
        }
    }
    title.to_string()
}

fn published<P: PageTree>(tree: &P, page: &Page<'_, P::Node>, choice: &Choice, json_ld: &[JsonLd]) -> Option<String> {
    published_as_written(tree, page, choice, json_ld).map(|d| rfc2822_to_iso(&d).unwrap_or(d))
}

/// An RFC 2822-style date ("Wed, 14 Jan 2015 09:42:15 -0500", "Thu, Dec 25 2014 16:57:37 +0000") as ISO 8601
/// ("2015-01-14T09:42:15-05:00"); `None` for anything else (ISO values are left as written). Only English
/// month names: the format is the e-mail and RSS one, never localised.
fn rfc2822_to_iso(s: &str) -> Option<String> {
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    if s.get(..4).is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let (mut day, mut month, mut year, mut time, mut zone) = (None, None, None, None, None);
    for word in s.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()) {
        let lower = word.to_ascii_lowercase();
        if let Some(m) = MONTHS.iter().position(|m| lower.starts_with(m)) {
            month = month.or(Some(m as u32 + 1));
        } else if word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit()) {
            day = day.or(word.parse::<u32>().ok());
        } else if word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()) {
            year = year.or(word.parse::<u32>().ok());
        } else if word.contains(':') && word.split(':').all(|p| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit())) {
            let parts: Vec<u32> = word.split(':').filter_map(|p| p.parse().ok()).collect();
            time = Some((parts[0], parts.get(1).copied().unwrap_or(0), parts.get(2).copied().unwrap_or(0)));
        } else if (word.starts_with('+') || word.starts_with('-')) && word.len() == 5 && word[1..].bytes().all(|b| b.is_ascii_digit()) {
            zone = Some(format!("{}:{}", &word[..3], &word[3..]));
        } else if matches!(word, "GMT" | "UTC" | "Z") {
            zone = Some("Z".to_string());
        }
    }
    let (day, month, year) = (day?, month?, year?);
    if !(1..=31).contains(&day) {
        return None;
    }
    let mut iso = format!("{year:04}-{month:02}-{day:02}");
    if let Some((h, m, sec)) = time.filter(|&(h, m, sec)| h < 24 && m < 60 && sec < 61) {
        iso.push_str(&format!("T{h:02}:{m:02}:{sec:02}"));
        iso.push_str(zone.as_deref().unwrap_or(""));
    }
    Some(iso)
}

fn published_as_written<P: PageTree>(tree: &P, page: &Page<'_, P::Node>, choice: &Choice, json_ld: &[JsonLd]) -> Option<String> {
    if let Some(d) = json_ld_string(json_ld, "datePublished") {
        return Some(d);
    }
    for key in PUBLISHED_METAS {
        if let Some(d) = meta(page, key).and_then(clean) {
            return Some(d);
        }
    }
    for n in &page.nodes {
        if n.itemprop.split_whitespace().any(|p| p == "datepublished") {
            let value = ["datetime", "content", "title"].iter().find_map(|a| tree.attr(&n.node, a));
            if let Some(d) = value.as_deref().and_then(clean) {
                return Some(d);
            }
        }
    }
    for &c in &choice.containers {
        for n in &page.nodes[c..page.nodes[c].end] {
            if n.tag == "time" {
                if let Some(d) = tree.attr(&n.node, "datetime").as_deref().and_then(clean) {
                    return Some(d);
                }
            }
        }
    }
    // Outside the article: a <time> that says it is the publication time (`pubdate`, class "published").
    for n in &page.nodes {
        if n.tag == "time" && (n.class.contains("publish") || tree.attr(&n.node, "pubdate").is_some()) {
            if let Some(d) = tree.attr(&n.node, "datetime").as_deref().and_then(clean) {
                return Some(d);
            }
        }
    }
    None
}

fn lang<P: PageTree>(tree: &P, page: &Page<'_, P::Node>) -> Option<String> {
    let root = tree.root();
    let declared = tree.attr(&root, "lang").or_else(|| tree.attr(&root, "xml:lang"));
    if let Some(l) = declared.as_deref().and_then(clean) {
        return Some(l);
    }
    if let Some(l) = meta(page, "og:locale").and_then(clean) {
        return Some(l.replace('_', "-"));
    }
    meta(page, "content-language").and_then(clean)
}

#[cfg(test)]
mod tests {
    use super::{json_ld_string, rfc2822_to_iso, unwrap_json_ld, JsonLd};

    #[test]
    fn rfc2822_dates_become_iso() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Wed, 14 Jan 2015 09:42:15 -0500", Some("2015-01-14T09:42:15-05:00")),
            ("Thu, Dec 25 2014 16:57:37 +0000", Some("2014-12-25T16:57:37+00:00")),
            ("14 January 2015", Some("2015-01-14")),
            ("Mon, 29 Feb 2016 23:10 GMT", Some("2016-02-29T23:10:00Z")),
            ("2015-01-14T09:42:15-05:00", None),
            ("05/29/2007 09:49:00", None),
            ("yesterday", None),
            ("Jan 2015", None),
        ];
        for (input, expected) in cases {
            assert_eq!(rfc2822_to_iso(input).as_deref(), *expected, "{input}");
        }
    }

    #[test]
    fn json_ld_wrappers_are_removed() {
        let cases = [
            ("{\"a\":1}", "{\"a\":1}"),
            ("  <![CDATA[ {\"a\":1} ]]>  ", "{\"a\":1}"),
            ("//<![CDATA[\n{\"a\":1}\n//]]>", "{\"a\":1}"),
            ("<!-- {\"a\":1} -->", "{\"a\":1}"),
            ("{\"a\":1};", "{\"a\":1}"),
        ];
        for (input, expected) in cases {
            assert_eq!(unwrap_json_ld(input), expected, "{input}");
        }
    }

    #[test]
    fn json_ld_strings_are_found_depth_first() {
        // (documents, key, first string value found)
        let cases: &[(&[&str], &str, Option<&str>)] = &[
            (&[r#"{"headline": "  A  title "}"#], "headline", Some("A title")),
            // an object's own member before its children's
            (&[r#"{"a": {"headline": "inner"}, "headline": "outer"}"#], "headline", Some("outer")),
            // members in key order; a repeated key keeps its last value
            (&[r#"{"z": {"k": "from z"}, "b": {"k": "from b"}}"#], "k", Some("from b")),
            (&[r#"{"k": "first", "k": "last"}"#], "k", Some("last")),
            // @graph arrays, several documents, escapes, a lone surrogate read as U+FFFD
            (&[r#"{"@graph": [{"@type": "WebPage"}, {"datePublished": "2020-03-01"}]}"#], "datePublished", Some("2020-03-01")),
            (&[r#"[]"#, r#"[{"k": 1}, {"k": "x\u00e9\"y"}]"#], "k", Some("xé\"y")),
            (&[r#"{"k": "a\ud800b"}"#], "k", Some("a\u{fffd}b")),
            // not a string, empty, absent
            (&[r#"{"k": 5, "j": {"k": "  "}}"#], "k", None),
            (&[r#"{"headline": "x"}"#], "datePublished", None),
        ];
        for (docs, key, expected) in cases {
            let parsed: Vec<JsonLd> = docs.iter().filter_map(|d| JsonLd::parse(d)).collect();
            assert_eq!(parsed.len(), docs.len(), "{docs:?}");
            assert_eq!(json_ld_string(&parsed, key).as_deref(), *expected, "{docs:?}");
        }
    }

    #[test]
    fn bad_or_too_deep_json_ld_is_ignored() {
        for bad in ["", "{", r#"{"a":}"#, r#"{"a":1,}"#, "{} {}", r#"{"a" "b"}"#, "<p>not json</p>"] {
            assert_eq!(JsonLd::parse(bad), None, "{bad:?}");
        }
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(JsonLd::parse(&deep(128)).is_some());
        assert_eq!(JsonLd::parse(&deep(129)), None);
        assert_eq!(JsonLd::parse(&deep(100_000)), None); // no stack overflow, building or dropping
    }
}
