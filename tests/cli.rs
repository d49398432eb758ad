//! The `newslens` command line, end to end: arguments, errors, batch mode, and the seed article.
//!
//! The seed article is read from `$NEWSLENS_CORPUS` (default `../shared/corpus`); the tests that need it say
//! so and pass vacuously when it is absent, since it is a third party's text and never in the repository.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn newslens(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newslens"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the newslens binary runs");
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn json(out: &Output) -> Value {
    assert!(out.status.success(), "exit {:?}: {}", out.status, String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

fn corpus() -> Option<PathBuf> {
    let dir = std::env::var_os("NEWSLENS_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    if dir.join("seed/sessions-fr.txt").exists() {
        Some(dir)
    } else {
        eprintln!("SKIPPED: corpus not found at {} (set NEWSLENS_CORPUS)", dir.display());
        None
    }
}

#[test]
fn errors_are_clear_and_exit_non_zero() {
    let cases: &[(&[&str], &str)] = &[
        (&[], "usage: newslens analyze"),
        (&["frobnicate"], "unknown command"),
        (&["analyze"], "missing input file"),
        (&["analyze", "/nonexistent/file.txt"], "cannot read '/nonexistent/file.txt'"),
        (&["analyze", "-", "--reference", "jeudi"], "is not an ISO date"),
        (&["analyze", "-", "--reference"], "--reference needs a date"),
        (&["analyze", "-", "--lang", "xx"], "--lang 'xx' is not supported"),
        (&["analyze", "-", "--bogus"], "unknown option '--bogus'"),
    ];
    for (args, expected) in cases {
        let out = newslens(args, Some(""));
        assert!(!out.status.success(), "{args:?} should fail");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expected), "{args:?}: stderr {err:?} lacks {expected:?}");
        assert!(out.stdout.is_empty(), "{args:?}: nothing on stdout on error");
    }
}

#[test]
fn invalid_utf8_is_refused_with_its_position() {
    let dir = std::env::temp_dir().join(format!("newslens-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bad.txt");
    std::fs::write(&file, b"abc\xff\xfe").unwrap();
    let out = newslens(&["analyze", file.to_str().unwrap()], None);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not UTF-8 text (invalid byte at 3)"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn stdin_text_is_analysed_verbatim_with_utf16_offsets() {
    let text = "😀 « Je pars », a déclaré M. Dupont jeudi.";
    let a = json(&newslens(&["analyze", "-", "--reference", "2017-03-03T13:27", "--lang", "fr"], Some(text)));
    assert_eq!(a["schema"], "newslens/1");
    assert_eq!(a["lang"], "fr");
    assert_eq!(a["text"], text);
    assert_eq!(a["reference"], "2017-03-03T13:27:00");
    assert_eq!(a["reference_source"], "cli");
    // Every span's text is text[start..end] counted in UTF-16 units.
    let units: Vec<u16> = text.encode_utf16().collect();
    let check = |v: &Value| {
        let (s, e) = (v["start"].as_u64().unwrap() as usize, v["end"].as_u64().unwrap() as usize);
        assert_eq!(String::from_utf16(&units[s..e]).unwrap(), v["text"].as_str().unwrap());
    };
    for e in a["entities"].as_array().unwrap() {
        e["mentions"].as_array().unwrap().iter().for_each(check);
    }
    a["quotes"].as_array().unwrap().iter().for_each(check);
    a["dates"].as_array().unwrap().iter().for_each(check);
}

#[test]
fn without_reference_the_current_time_is_used_and_said() {
    let a = json(&newslens(&["analyze", "-"], Some("Plain text without any dateline.")));
    assert!(a["reference"].as_str().is_some_and(|r| r.starts_with("20")));
    assert_eq!(a["reference_source"], "now");
}

#[test]
fn a_dateline_gives_the_reference_when_none_is_given() {
    let cases: &[(&str, &str)] = &[
        ("Publié le 3 mars 2017 à 13h27\nIl est parti hier.", "2017-03-03T13:27:00"),
        ("Updated March 3, 2017\nHe left yesterday.", "2017-03-03T00:00:00"),
    ];
    for (text, reference) in cases {
        let a = json(&newslens(&["analyze", "-"], Some(text)));
        assert_eq!(a["reference"], *reference, "{text}");
        assert_eq!(a["reference_source"], "text", "{text}");
    }
    // A given reference wins over the dateline.
    let a = json(&newslens(&["analyze", "-", "--reference", "2020-01-01"], Some(cases[0].0)));
    assert_eq!((a["reference"].as_str(), a["reference_source"].as_str()), (Some("2020-01-01T00:00:00"), Some("cli")));
}

#[test]
fn batch_mode_echoes_ids_one_line_each() {
    let input = concat!(
        r#"{"id": "a", "text": "He said it yesterday.", "reference": "2012-08-10T12:00:00", "lang": "en"}"#,
        "\n\n",
        r#"{"id": 7, "text": "Il est parti hier."}"#,
        "\n"
    );
    let out = newslens(&["analyze", "--batch", "-", "--reference", "2017-03-03"], Some(input));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines: Vec<Value> = String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["lang"], "en");
    assert_eq!(lines[0]["reference"], "2012-08-10T12:00:00");
    assert_eq!(lines[1]["id"], 7);
    assert_eq!(lines[1]["reference"], "2017-03-03T00:00:00");
}

#[test]
fn batch_mode_names_the_bad_line() {
    let out = newslens(&["analyze", "--batch", "-"], Some("{\"id\":1,\"text\":\"ok\"}\nnot json\n"));
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 2: not a JSON object"));
}

/// Who said what, when and about whom in the seed article: the walking skeleton's acceptance test.
#[test]
fn seed_article_end_to_end() {
    let Some(corpus) = corpus() else { return };
    let path = corpus.join("seed/sessions-fr.txt");
    let a = json(&newslens(&["analyze", path.to_str().unwrap(), "--reference", "2017-03-03T13:27"], None));
    assert_eq!(a["lang"], "fr");
    assert_eq!(a["text"], std::fs::read_to_string(&path).unwrap());

    let entity = |name: &str| a["entities"].as_array().unwrap().iter().find(|e| e["name"] == name).cloned();
    let sessions = entity("Jeff Sessions").expect("Jeff Sessions is an entity");
    assert_eq!(sessions["type"], "person");
    assert_eq!(sessions["gender"], "male");
    assert!(sessions["aliases"].as_array().unwrap().iter().any(|x| x == "M. Sessions"));
    assert!(sessions["mentions"].as_array().unwrap().len() >= 12);
    for (name, kind) in [("Donald Trump", "person"), ("Nancy Pelosi", "person"), ("Sara Isgur Flores", "person"), ("Russie", "location"), ("Sénat", "organization")] {
        assert_eq!(entity(name).unwrap_or_else(|| panic!("{name} is an entity"))["type"], kind, "{name}");
    }

    let quote = |start: &str| a["quotes"].as_array().unwrap().iter().find(|q| q["text"].as_str().unwrap().starts_with(start)).cloned();
    let q = quote("J'ai rencontré un responsable russe").expect("first direct quote");
    assert_eq!(q["kind"], "direct");
    assert_eq!(q["speaker_name"], "Jeff Sessions");
    assert_eq!(q["speaker"], sessions["id"]);
    assert_eq!(q["cue"]["text"], "a confirmé");
    let q = quote("Ce n'était pas mon intention").expect("quote with a-t-il déclaré");
    assert_eq!(q["speaker_name"], "Jeff Sessions");
    let q = quote("La rencontre était courte").expect("the spokeswoman's quote");
    assert_eq!(q["speaker_name"], "Sara Isgur Flores");
    let q = quote("il se récuserait").expect("reported speech after 'a déclaré jeudi qu''");
    assert_eq!(q["kind"], "indirect");
    assert_eq!(q["speaker_name"], "Jeff Sessions");

    let date = |text: &str| a["dates"].as_array().unwrap().iter().find(|d| d["text"] == text).cloned();
    assert_eq!(date("jeudi").expect("jeudi")["value"], "2017-03-02");
    assert_eq!(date("l'an dernier").expect("l'an dernier")["value"], "2016");
    assert!(date("13h27").expect("13h27")["value"].as_str().unwrap().starts_with("2017-03-03T13:27"));
    assert_eq!(date("jeudi matin").expect("jeudi matin")["value"], "2017-03-02TMO");
    assert_eq!(date("février").expect("février")["value"], "2017-02");
}
