//! Texts for the tests that run an analyser two ways and compare (with and without a filter that must change
//! nothing): the table rows of a source file, and the corpus's dev texts when the corpus is there.

use std::cell::Cell;
use std::path::PathBuf;

thread_local! {
    /// Read by [`crate::shortcuts_off`]; set by [`differing`] on its own thread only.
    pub(crate) static SHORTCUTS_OFF: Cell<bool> = const { Cell::new(false) };
}

/// Every string literal that opens a table row of `source` (`("…", …`), escapes `\n` and `\"` undone.
pub(crate) fn table_texts(source: &str) -> Vec<String> {
    source
        .lines()
        .filter_map(|l| {
            let a = l.find("(\"")? + 2;
            let b = a + l[a..].find("\", ")?;
            Some(l[a..b].replace("\\n", "\n").replace("\\\"", "\""))
        })
        .collect()
}

/// The corpus folder (`$NEWSLENS_CORPUS`, default `../shared/corpus`), or `None` (said once by `who`) when absent.
pub(crate) fn corpus_dir(who: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(std::env::var("NEWSLENS_CORPUS").unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus").into()));
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("{who}: no corpus at {} (set NEWSLENS_CORPUS): table texts only", dir.display());
        None
    }
}

/// The `.txt` texts of the seed, fr-dev, en-quotes-dev and ftb-dev folders of `corpus`.
pub(crate) fn dev_texts(corpus: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    for dir in ["seed", "fr-dev", "en-quotes-dev", "dates/ftb-dev"] {
        let Ok(entries) = std::fs::read_dir(corpus.join(dir)) else { continue };
        for e in entries.flatten() {
            if e.path().extension().is_some_and(|x| x == "txt") {
                out.extend(std::fs::read_to_string(e.path()).ok());
            }
        }
    }
    out
}

/// The texts on which an analyser finds something else with its shortcuts off ([`crate::shortcuts_off`]):
/// `run(doc, lang)` with them on, then off, in French and in English; each difference as "Lang: the text's first
/// 120 characters".
pub(crate) fn differing(texts: &[String], mut run: impl FnMut(&crate::text::Doc, crate::lang::Lang) -> String) -> Vec<String> {
    let mut run_with = |doc: &crate::text::Doc, lang, off: bool| {
        SHORTCUTS_OFF.with(|c| c.set(off));
        let found = run(doc, lang);
        SHORTCUTS_OFF.with(|c| c.set(false));
        found
    };
    let mut out = Vec::new();
    for text in texts {
        let doc = crate::text::Doc::new(text);
        for lang in [crate::lang::Lang::Fr, crate::lang::Lang::En] {
            if run_with(&doc, lang, false) != run_with(&doc, lang, true) {
                out.push(format!("{lang:?}: {}", text.chars().take(120).collect::<String>()));
            }
        }
    }
    out
}
