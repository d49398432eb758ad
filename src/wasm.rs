//! The WebAssembly binding: the only file where `wasm_bindgen` appears.
//!
//! A thin edge over the core: it converts JavaScript options to [`Options`], the [`Analysis`] to a plain JS
//! object (its JSON, as the CLI writes it, read by `JSON.parse`: the `newslens/1` shape of
//! `../shared/spec/analysis-json.md`), the page module's segment map to typed arrays, and errors to `JsError`.
//!
//! JavaScript API (ES module made by `scripts/build-wasm.sh`, `extension/pkg/newslens.js`):
//!
//! - `analyze(text, options?)` → the `newslens/1` object. `options`: `{lang?, reference?, referenceSource?,
//!   title?}`; without a reference, a dateline in the text, else the reader's local time (`"text"`, `"now"`).
//! - `scanDocument(document)` → `{text, title, published, lang, nodes, starts, lengths, nodeOffsets}`: the
//!   article of a live page and its segment map (see [`SegmentMapJs`]).
//! - `scanElement(element)` → the same for one element's subtree, read as a whole page (blocks added later).
//! - `scanSnapshot(json)` → the same with `nodeIndexes` (indexes of text nodes in the snapshot) instead of
//!   `nodes`: for the service worker, which has no DOM. The extension reads every page this way
//!   (`analyzeSnapshot`); the live-DOM calls serve pages that load the module themselves (tested by
//!   `wasm-pack test`).
//! - `analyzeDocument(document, options?)` / `analyzeSnapshot(json, options?)` → `{analysis, …segment map}`:
//!   scan, then analyse with the page's publication time, language and title unless `options` says otherwise.
//! - `analyzeSnapshotJson(json, options?)` → `analyzeSnapshot`'s result as one JSON string, plain arrays and no
//!   `text` (it is `analysis.text`): what the service worker sends the page.
//!
//! Offsets everywhere are UTF-16 code units into the article text, what DOM `Range`s use.

use js_sys::{Array, Object, Reflect, Uint32Array};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::analysis::{analyze as analyze_text, Analysis, Options, ReferenceSource};
use crate::dates::Reference;
use crate::error::Error;
use crate::lang::Lang;
use crate::page::dom::{scan_document, scan_element};
use crate::page::snapshot::scan_snapshot;
use crate::page::{Article, ArticleContent};

/// Options as JavaScript passes them (`{lang?, reference?, referenceSource?, title?}`).
#[derive(Default)]
struct JsOptions {
    lang: Option<String>,
    reference: Option<String>,
    reference_source: Option<ReferenceSource>,
    title: Option<String>,
}

fn js_error(e: Error) -> JsError {
    JsError::new(e.message())
}

const OPTIONS_SHAPE: &str = "options must be {lang?, reference?, referenceSource?, title?}";

/// Read the options property by property (a missing, undefined or null property is None). Not with
/// serde-wasm-bindgen's deserializer: it brought ~20 kB of code into the module (its error messages format
/// floats) for four strings.
fn read_options(options: JsValue) -> Result<JsOptions, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(JsOptions::default());
    }
    if !options.is_object() {
        return Err(JsError::new(&format!("{OPTIONS_SHAPE}, not {}", options.js_typeof().as_string().unwrap_or_default())));
    }
    // A getter that throws (a hostile object) is an error like any other wrong value.
    let text = |key: &str| -> Result<Option<String>, JsError> {
        let value = Reflect::get(&options, &JsValue::from_str(key)).map_err(|_| JsError::new(&format!("{OPTIONS_SHAPE}: {key} cannot be read")))?;
        if value.is_undefined() || value.is_null() {
            return Ok(None);
        }
        value.as_string().map(Some).ok_or_else(|| JsError::new(&format!("{OPTIONS_SHAPE}: {key} must be a string")))
    };
    let reference_source = match text("referenceSource")?.as_deref() {
        None => None,
        Some("cli") => Some(ReferenceSource::Cli),
        Some("meta") => Some(ReferenceSource::Meta),
        Some("text") => Some(ReferenceSource::Text),
        Some("now") => Some(ReferenceSource::Now),
        Some(other) => return Err(JsError::new(&format!("{OPTIONS_SHAPE}: referenceSource '{other}' is not one of cli, meta, text, now"))),
    };
    Ok(JsOptions { lang: text("lang")?, reference: text("reference")?, reference_source, title: text("title")? })
}

/// Turn JS options into core options, then complete them as the CLI does ([`Options::complete`]): the page's
/// metadata, else a dateline in the text, else the reader's clock.
fn core_options(js: JsOptions, text: &str, page: Option<&Article>) -> Result<Options, JsError> {
    let mut options = Options::default();
    if let Some(code) = js.lang.as_deref() {
        options.lang = Some(Lang::from_code(code).ok_or_else(|| JsError::new(&format!("lang '{code}' is not supported; use 'fr' or 'en'")))?);
    }
    if let Some(iso) = js.reference.as_deref() {
        options.reference = Some(
            Reference::parse_iso(iso)
                .ok_or_else(|| JsError::new(&format!("reference '{iso}' is not an ISO date; write it like 2017-03-03T13:27")))?,
        );
        options.reference_source = Some(js.reference_source.unwrap_or(ReferenceSource::Cli));
    }
    options.title = js.title;
    options.complete(text, page, now());
    Ok(options)
}

/// The reader's local wall-clock time: `std::time::SystemTime` panics on wasm32-unknown-unknown.
fn now() -> Reference {
    let d = js_sys::Date::new_0();
    Reference {
        year: d.get_full_year() as i32,
        month: d.get_month() + 1,
        day: d.get_date(),
        hour: d.get_hours(),
        minute: d.get_minutes(),
        second: d.get_seconds(),
    }
}

/// `value` as JavaScript sees it: written as JSON (serde_json, the CLI's writer) and read back with
/// `JSON.parse`. One string crosses the boundary and V8's own parser builds the objects: faster than building
/// them property by property from WebAssembly (serde-wasm-bindgen, used before), and one JSON writer in the
/// module instead of two.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let json = to_json(value)?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("cannot convert the result to JavaScript"))
}

fn to_json<T: Serialize>(value: &T) -> Result<String, JsError> {
    serde_json::to_string(value).map_err(|e| JsError::new(&format!("cannot write the result: {e}")))
}

fn set(obj: &Object, key: &str, value: &JsValue) {
    // Setting a property on a fresh plain object cannot fail.
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

fn opt_str(s: &Option<String>) -> JsValue {
    s.as_deref().map_or(JsValue::NULL, JsValue::from_str)
}

/// The segment map as JavaScript gets it: parallel arrays, one entry per text node, in text order.
///
/// - `starts[k]`: UTF-16 offset in `text` where node k's text starts; `lengths[k]`: its UTF-16 length there.
/// - `nodeOffsets[k]`: `null` when the node's data and its part of `text` are equal unit for unit, else a
///   `Uint32Array` giving, for each unit of its part of `text`, the offset in the node's data (whitespace
///   collapsing makes them differ).
///
/// Rule (STYLE.md point 6): an offset at the boundary of two nodes belongs to the start of the next one, so
/// a lookup takes the last `k` with `starts[k] <= offset`.
struct SegmentMapJs<'a> {
    starts: Vec<u32>,
    lengths: Vec<u32>,
    /// `None` for `null`.
    node_offsets: Vec<Option<&'a [u32]>>,
}

impl<'a> SegmentMapJs<'a> {
    /// The columns of `content`'s segment map (typed arrays in [`SegmentMapJs::fill`], plain arrays in
    /// [`SnapshotReply`]).
    fn of<N>(content: &'a ArticleContent<N>) -> Self {
        let segments = &content.segments;
        SegmentMapJs {
            starts: segments.iter().map(|s| s.start_u16 as u32).collect(),
            lengths: segments.iter().map(|s| s.len_u16 as u32).collect(),
            node_offsets: segments.iter().map(|s| (!s.node_offsets_u16.is_empty()).then_some(&s.node_offsets_u16[..])).collect(),
        }
    }

    fn fill<N>(obj: &Object, content: &ArticleContent<N>) {
        let map = SegmentMapJs::of(content);
        let node_offsets: Array = map.node_offsets.iter().map(|o| o.map_or(JsValue::NULL, |o| Uint32Array::from(o).into())).collect();
        set(obj, "text", &JsValue::from_str(&content.text));
        set(obj, "title", &opt_str(&content.meta.title));
        set(obj, "published", &opt_str(&content.meta.published));
        set(obj, "lang", &opt_str(&content.meta.lang));
        set(obj, "starts", &Uint32Array::from(&map.starts[..]));
        set(obj, "lengths", &Uint32Array::from(&map.lengths[..]));
        set(obj, "nodeOffsets", &node_offsets);
    }
}

/// The snapshot text node of each segment (its index among the snapshot's text nodes).
fn node_indexes(content: &ArticleContent<usize>) -> Vec<u32> {
    content.segments.iter().map(|s| s.node as u32).collect()
}

fn document_object(content: &ArticleContent<web_sys::Node>) -> Object {
    let obj = Object::new();
    SegmentMapJs::fill(&obj, content);
    let nodes: Array = content.segments.iter().map(|s| JsValue::from(s.node.clone())).collect();
    set(&obj, "nodes", &nodes);
    obj
}

fn snapshot_object(content: &ArticleContent<usize>) -> Object {
    let obj = Object::new();
    SegmentMapJs::fill(&obj, content);
    set(&obj, "nodeIndexes", &Uint32Array::from(&node_indexes(content)[..]));
    obj
}

fn analysis_with(obj: Object, analysis: &Analysis) -> Result<JsValue, JsError> {
    set(&obj, "analysis", &to_js(analysis)?);
    Ok(obj.into())
}

/// Analyse a text: returns the `newslens/1` object. `options` is `{lang?, reference?, referenceSource?,
/// title?}` or undefined.
#[wasm_bindgen(js_name = analyze)]
pub fn analyze_js(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options = core_options(read_options(options)?, text, None)?;
    to_js(&analyze_text(text, &options))
}

/// Find the article of a live page and collect its text nodes: `{text, title, published, lang, nodes,
/// starts, lengths, nodeOffsets}`.
#[wasm_bindgen(js_name = scanDocument)]
pub fn scan_document_js(document: &web_sys::Document) -> Result<JsValue, JsError> {
    let content = scan_document(document).map_err(js_error)?;
    Ok(document_object(&content).into())
}

/// Find the article inside one element of a live page (blocks added after the first scan): the same
/// object as `scanDocument`.
#[wasm_bindgen(js_name = scanElement)]
pub fn scan_element_js(element: &web_sys::Element) -> Result<JsValue, JsError> {
    let content = scan_element(element).map_err(js_error)?;
    Ok(document_object(&content).into())
}

/// Find the article in a JSON snapshot of a page (made by the content script where the page forbids
/// WebAssembly): `{text, title, published, lang, nodeIndexes, starts, lengths, nodeOffsets}`.
#[wasm_bindgen(js_name = scanSnapshot)]
pub fn scan_snapshot_js(json: &str) -> Result<JsValue, JsError> {
    let content = scan_snapshot(json).map_err(js_error)?;
    Ok(snapshot_object(&content).into())
}

/// Scan a live page and analyse its article: `{analysis, text, nodes, starts, lengths, nodeOffsets, …}`.
/// The page's publication time, language and title are used unless `options` gives them.
#[wasm_bindgen(js_name = analyzeDocument)]
pub fn analyze_document_js(document: &web_sys::Document, options: JsValue) -> Result<JsValue, JsError> {
    let js = read_options(options)?;
    let content = scan_document(document).map_err(js_error)?;
    let options = core_options(js, &content.text, Some(&content.meta))?;
    let analysis = analyze_text(&content.text, &options);
    analysis_with(document_object(&content), &analysis)
}

/// Scan a JSON page snapshot and analyse its article (the page's metadata unless `options` says otherwise).
fn scan_and_analyze_snapshot(json: &str, options: JsValue) -> Result<(ArticleContent<usize>, Analysis), JsError> {
    let js = read_options(options)?;
    let content = scan_snapshot(json).map_err(js_error)?;
    let options = core_options(js, &content.text, Some(&content.meta))?;
    let analysis = analyze_text(&content.text, &options);
    Ok((content, analysis))
}

/// Scan a JSON page snapshot and analyse its article: `{analysis, text, nodeIndexes, starts, lengths,
/// nodeOffsets, …}` (the content script's path when the service worker does not answer).
#[wasm_bindgen(js_name = analyzeSnapshot)]
pub fn analyze_snapshot_js(json: &str, options: JsValue) -> Result<JsValue, JsError> {
    let (content, analysis) = scan_and_analyze_snapshot(json, options)?;
    analysis_with(snapshot_object(&content), &analysis)
}

/// `analyzeSnapshot`'s result as one JSON string, for the service worker to pass on as it is:
/// `{analysis, title, published, lang, nodeIndexes, starts, lengths, nodeOffsets}` (plain arrays; the text is
/// `analysis.text`). Objects would be converted again for the message, object by object, in the worker and on
/// the page's main thread; one string crosses at the cost of a `JSON.parse` in the page.
#[wasm_bindgen(js_name = analyzeSnapshotJson)]
pub fn analyze_snapshot_json_js(json: &str, options: JsValue) -> Result<String, JsError> {
    let (content, analysis) = scan_and_analyze_snapshot(json, options)?;
    to_json(&SnapshotReply::new(&content, &analysis))
}

/// [`analyze_snapshot_json_js`]'s object; the fields are [`SegmentMapJs`]'s.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SnapshotReply<'a> {
    analysis: &'a Analysis,
    title: &'a Option<String>,
    published: &'a Option<String>,
    lang: &'a Option<String>,
    node_indexes: Vec<u32>,
    starts: Vec<u32>,
    lengths: Vec<u32>,
    node_offsets: Vec<Option<&'a [u32]>>,
}

impl<'a> SnapshotReply<'a> {
    fn new(content: &'a ArticleContent<usize>, analysis: &'a Analysis) -> Self {
        let SegmentMapJs { starts, lengths, node_offsets } = SegmentMapJs::of(content);
        SnapshotReply {
            analysis,
            title: &content.meta.title,
            published: &content.meta.published,
            lang: &content.meta.lang,
            node_indexes: node_indexes(content),
            starts,
            lengths,
            node_offsets,
        }
    }
}

/// The NewsLens version, for the extension's diagnostics.
#[wasm_bindgen(js_name = version)]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Run in headless Chromium by `wasm-pack test --headless --chrome` (see scripts/test-all.sh): the binding's
/// contract as JavaScript sees it. Page detection itself is tested by the `page` module's own tests.
#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    wasm_bindgen_test_configure!(run_in_browser);

    fn get(v: &JsValue, key: &str) -> JsValue {
        Reflect::get(v, &JsValue::from_str(key)).unwrap()
    }

    fn options(pairs: &[(&str, &str)]) -> JsValue {
        let o = Object::new();
        for (k, v) in pairs {
            set(&o, k, &JsValue::from_str(v));
        }
        o.into()
    }

    #[wasm_bindgen_test]
    fn analyze_gives_the_newslens_1_shape() {
        let a = analyze_js("M. Jean Dupont est arrivé à Paris.", options(&[("reference", "2017-03-03T13:27")])).unwrap();
        assert_eq!(get(&a, "schema").as_string().as_deref(), Some("newslens/1"));
        assert_eq!(get(&a, "reference").as_string().as_deref(), Some("2017-03-03T13:27:00"));
        assert_eq!(get(&a, "reference_source").as_string().as_deref(), Some("cli"));
        // Absent values are null, as in the JSON, not undefined.
        assert!(get(&a, "title").is_null());
        assert!(Array::is_array(&get(&a, "entities")));
        assert!(Array::is_array(&get(&a, "quotes")));
        assert!(Array::is_array(&get(&a, "dates")));
        // A confidence is the decimal the CLI prints (an f32's shortest form), not the f32's exact value.
        let q = analyze_js("« Nous partons », a déclaré M. Jean Dupont.", JsValue::UNDEFINED).unwrap();
        let confidence = get(&Array::from(&get(&q, "quotes")).get(0), "confidence").as_f64().unwrap();
        assert!(confidence.to_string().len() <= 5, "{confidence}");
    }

    #[wasm_bindgen_test]
    fn options_are_read_and_checked() {
        // (options, Ok((reference_source, lang)) or Err(()) when refused)
        type Case<'a> = (&'a [(&'a str, &'a str)], Result<(&'a str, &'a str), ()>);
        let cases: &[Case] = &[
            (&[], Ok(("now", "fr"))),
            (&[("lang", "en")], Ok(("now", "en"))),
            (&[("reference", "2017-03-03"), ("referenceSource", "meta")], Ok(("meta", "fr"))),
            (&[("reference", "2017-03-03"), ("title", "T")], Ok(("cli", "fr"))),
            (&[("lang", "de")], Err(())),
            (&[("reference", "hier")], Err(())),
            (&[("referenceSource", "nowhere"), ("reference", "2017-03-03")], Err(())),
        ];
        for (pairs, expected) in cases {
            let got = analyze_js("Le texte.", options(pairs))
                .map(|a| (get(&a, "reference_source").as_string().unwrap(), get(&a, "lang").as_string().unwrap()));
            match expected {
                Ok((source, lang)) => assert_eq!(got.ok(), Some((source.to_string(), lang.to_string())), "{pairs:?}"),
                Err(()) => assert!(got.is_err(), "{pairs:?} should be refused"),
            }
        }
        // undefined and null mean no options.
        assert!(analyze_js("Le texte.", JsValue::UNDEFINED).is_ok());
        assert!(analyze_js("Le texte.", JsValue::NULL).is_ok());
        // Every reference source by its JSON name.
        for source in ["cli", "meta", "text", "now"] {
            let a = analyze_js("Le texte.", options(&[("reference", "2017-03-03"), ("referenceSource", source)])).unwrap();
            assert_eq!(get(&a, "reference_source").as_string().as_deref(), Some(source));
        }
        // Not an object, a property that is not a string, a getter that throws: refused, with the reason.
        let number_lang = options(&[]);
        Reflect::set(&number_lang, &JsValue::from_str("lang"), &JsValue::from_f64(3.0)).unwrap();
        let throwing = options(&[]);
        let getter = Object::new();
        Reflect::set(&getter, &JsValue::from_str("get"), &js_sys::Function::new_no_args("throw new Error('no')")).unwrap();
        Object::define_property(&throwing.clone().into(), &JsValue::from_str("title"), &getter);
        for (bad, why) in [(JsValue::from_f64(1.0), "not number"), (number_lang, "lang must be a string"), (throwing, "title cannot be read")] {
            let message = js_sys::Error::from(JsValue::from(analyze_js("Le texte.", bad).expect_err(why))).message();
            assert!(String::from(message).ends_with(why), "{why}");
        }
    }

    #[wasm_bindgen_test]
    fn a_dateline_gives_the_reference_before_the_clock() {
        let a = analyze_js("Publié le 14 juin 2016 à 9h10\nLe maire a parlé mardi.", JsValue::UNDEFINED).unwrap();
        assert_eq!(get(&a, "reference_source").as_string().as_deref(), Some("text"));
        assert_eq!(get(&a, "reference").as_string().as_deref(), Some("2016-06-14T09:10:00"));
    }

    #[wasm_bindgen_test]
    fn now_comes_from_the_js_clock() {
        let a = analyze_js("Le texte.", JsValue::UNDEFINED).unwrap();
        let year = js_sys::Date::new_0().get_full_year();
        assert!(get(&a, "reference").as_string().unwrap().starts_with(&format!("{year:04}-")));
    }

    const ARTICLE: &str = r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2017-03-03T13:27:00"}</script>
        <nav>Accueil · Monde</nav>
        <article><h1>Un titre d'essai</h1>
        <p>Le maire de Lyon, Jean Dupont, a présenté jeudi son projet de budget devant le conseil municipal réuni en séance extraordinaire.</p>
        <p>« Nous tiendrons nos engagements », a déclaré M. Dupont, qui s'exprimait après un long débat avec l'opposition.</p>
        <p>Le vote du budget est prévu le 15 mars, selon la mairie, qui espère une large majorité pour ce texte très attendu.</p>
        </article>"#;

    #[wasm_bindgen_test]
    fn analyze_document_maps_every_segment_to_its_text_node() {
        // Into the live page, beside the test runner's output (which must stay), then removed.
        let document = web_sys::window().unwrap().document().unwrap();
        let container = document.create_element("div").unwrap();
        container.set_inner_html(ARTICLE);
        document.body().unwrap().append_child(&container).unwrap();
        let r = analyze_document_js(&document, JsValue::UNDEFINED);
        container.remove();
        let r = r.unwrap();
        let analysis = get(&r, "analysis");
        let text = get(&r, "text").as_string().unwrap();
        assert_eq!(get(&analysis, "text").as_string(), Some(text.clone()));
        assert_eq!(get(&analysis, "reference_source").as_string().as_deref(), Some("meta"));
        assert_eq!(get(&analysis, "reference").as_string().as_deref(), Some("2017-03-03T13:27:00"));
        assert!(text.contains("Nous tiendrons nos engagements"));
        assert!(!text.contains("Accueil"), "the navigation is not article text");

        let nodes: Array = get(&r, "nodes").dyn_into().unwrap();
        let starts: Uint32Array = get(&r, "starts").dyn_into().unwrap();
        let lengths: Uint32Array = get(&r, "lengths").dyn_into().unwrap();
        let offsets: Array = get(&r, "nodeOffsets").dyn_into().unwrap();
        assert!(nodes.length() > 0);
        assert_eq!(starts.length(), nodes.length());
        assert_eq!(lengths.length(), nodes.length());
        assert_eq!(offsets.length(), nodes.length());
        let units: Vec<u16> = text.encode_utf16().collect();
        let mut previous_end = 0;
        for k in 0..nodes.length() {
            let node: web_sys::Text = nodes.get(k).dyn_into().expect("segments are text nodes");
            let (start, len) = (starts.get_index(k) as usize, lengths.get_index(k) as usize);
            assert!(start >= previous_end, "segments are in text order and do not overlap");
            previous_end = start + len;
            let data: Vec<u16> = node.data().encode_utf16().collect();
            let map = offsets.get(k);
            // Each unit of the article text is the unit of the node it maps to.
            for i in 0..len {
                let at = if map.is_null() { i } else { map.unchecked_ref::<Uint32Array>().get_index(i as u32) as usize };
                let same = data[at] == units[start + i] || (char::from_u32(units[start + i] as u32).is_some_and(char::is_whitespace));
                assert!(same, "segment {k} unit {i}");
            }
        }
    }

    #[wasm_bindgen_test]
    fn scan_errors_become_js_errors() {
        let document = web_sys::window().unwrap().document().unwrap();
        let empty = document.implementation().unwrap().create_html_document_with_title("empty").unwrap();
        assert!(scan_document_js(&empty).is_err(), "an empty page has no article");
        assert!(scan_snapshot_js("not json").is_err());
        assert!(analyze_snapshot_json_js("not json", JsValue::UNDEFINED).is_err());
    }

    /// The service worker's form: the same result as `analyzeSnapshot`'s objects, as one JSON string.
    #[wasm_bindgen_test]
    fn analyze_snapshot_json_is_analyze_snapshot_as_json() {
        let paragraph = |x: &str| format!(r#"{{"t":"p","c":[{{"x":{}}}]}}"#, serde_json::to_string(x).unwrap());
        let body = [
            "« Nous ne reculerons pas », a déclaré mardi la ministre de la Santé, Claire Morel, devant les députés réunis à Paris.",
            "Selon le porte-parole de la SNCF, Jean-Pierre Lambert, le trafic reprendra lundi 14 mars à 6h30 sur toute la ligne.",
            "Il a ajouté que les travaux dureraient deux ans et coûteraient   40 millions d'euros à la région.",
        ]
        .map(paragraph)
        .join(",");
        let snapshot = format!(
            r#"{{"url":"https://example.org/a","root":{{"t":"html","a":{{"lang":"fr"}},"c":[{{"t":"body","c":[{{"t":"article","c":[{body}]}}]}}]}}}}"#
        );
        let objects = analyze_snapshot_js(&snapshot, options(&[("reference", "2017-03-03T13:27")])).unwrap();
        let json = analyze_snapshot_json_js(&snapshot, options(&[("reference", "2017-03-03T13:27")])).unwrap();
        let parsed = js_sys::JSON::parse(&json).expect("the reply is JSON");
        let stringify = |v: &JsValue| js_sys::JSON::stringify(v).unwrap().as_string().unwrap();
        let (want, got) = (get(&objects, "analysis"), get(&parsed, "analysis"));
        assert!(Array::from(&get(&got, "quotes")).length() >= 2, "{json}");
        assert_eq!(stringify(&got), stringify(&want));
        assert!(get(&parsed, "text").is_undefined(), "the text is sent once, in the analysis");
        for key in ["title", "published", "lang"] {
            assert_eq!(get(&parsed, key), get(&objects, key), "{key}");
        }
        // The segment map: plain arrays with the typed arrays' values (a collapsed run of spaces maps back).
        let plain = |v: JsValue| -> Vec<JsValue> { Array::from(&v).to_vec() };
        for key in ["nodeIndexes", "starts", "lengths"] {
            let typed: Vec<u32> = get(&objects, key).unchecked_into::<Uint32Array>().to_vec();
            let from_json: Vec<u32> = plain(get(&parsed, key)).iter().map(|n| n.as_f64().unwrap() as u32).collect();
            assert_eq!(from_json, typed, "{key}");
        }
        let offsets = plain(get(&parsed, "nodeOffsets"));
        let want_offsets = plain(get(&objects, "nodeOffsets"));
        assert_eq!(offsets.len(), want_offsets.len());
        assert!(offsets.iter().any(|o| !o.is_null()), "the collapsed spaces need a node-offset map");
        for (o, w) in offsets.iter().zip(&want_offsets) {
            let got: Option<Vec<u32>> = (!o.is_null()).then(|| plain(o.clone()).iter().map(|n| n.as_f64().unwrap() as u32).collect());
            let want: Option<Vec<u32>> = (!w.is_null()).then(|| w.clone().unchecked_into::<Uint32Array>().to_vec());
            assert_eq!(got, want);
        }
    }
}
