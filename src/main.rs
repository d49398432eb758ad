//! `newslens`: analyse a text or a saved HTML page and print the `newslens/1` JSON.

use std::io::{self, Read, Write};
use std::process::ExitCode;

use newslens::analysis::ReferenceSource;
use newslens::{analyze, page, Analysis, Error, ErrorKind, Lang, Options, Reference};

const USAGE: &str = "usage: newslens analyze FILE|- [--reference ISO] [--lang fr|en] [--batch] [--html]

  FILE        a .txt file (analysed verbatim: offsets index the file) or a .html page (the article is found
              in it); - reads standard input (HTML when it starts with '<', or with --html)
  --reference the publication moment relative dates resolve against, e.g. 2017-03-03T13:27
              (default: the page's metadata, else a dateline in the text, else now)
  --lang      force the language instead of detecting it
  --batch     FILE is JSON lines {\"id\", \"text\", \"reference\"?, \"lang\"?, \"html\"?}; one analysis is printed a line
  --html      treat the input as HTML whatever its name";

struct Args {
    input: String,
    reference: Option<Reference>,
    lang: Option<Lang>,
    batch: bool,
    html: bool,
}

fn parse_args(argv: &[String]) -> Result<Args, Error> {
    let bad = |m: String| Error::new(ErrorKind::InvalidInput, m);
    let mut it = argv.iter();
    match it.next().map(String::as_str) {
        Some("analyze") => {}
        Some("-h" | "--help" | "help") | None => return Err(bad(USAGE.to_string())),
        Some(other) => return Err(bad(format!("unknown command '{other}'; try 'newslens analyze FILE'\n\n{USAGE}"))),
    }
    let mut args = Args { input: String::new(), reference: None, lang: None, batch: false, html: false };
    let mut input = None;
    while let Some(a) = it.next() {
        match a.as_str() {
            "--reference" => {
                let v = it.next().ok_or_else(|| bad("--reference needs a date, e.g. --reference 2017-03-03T13:27".into()))?;
                args.reference = Some(Reference::parse_iso(v).ok_or_else(|| {
                    bad(format!("--reference '{v}' is not an ISO date; write it like 2017-03-03 or 2017-03-03T13:27"))
                })?);
            }
            "--lang" => {
                let v = it.next().ok_or_else(|| bad("--lang needs a language: fr or en".into()))?;
                args.lang = Some(Lang::from_code(v).ok_or_else(|| bad(format!("--lang '{v}' is not supported; use fr or en")))?);
            }
            "--batch" => args.batch = true,
            "--html" => args.html = true,
            "-h" | "--help" => return Err(bad(USAGE.to_string())),
            s if s.starts_with("--") => return Err(bad(format!("unknown option '{s}'\n\n{USAGE}"))),
            s => {
                if input.replace(s.to_string()).is_some() {
                    return Err(bad("give one input file (or - for standard input)".into()));
                }
            }
        }
    }
    args.input = input.ok_or_else(|| bad(format!("missing input file\n\n{USAGE}")))?;
    Ok(args)
}

fn read_input(path: &str) -> Result<String, Error> {
    let mut bytes = Vec::new();
    let res = if path == "-" {
        io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes)).map(|_| ())
    };
    res.map_err(|e| Error::new(ErrorKind::Io, format!("cannot read '{path}': {e}")))?;
    String::from_utf8(bytes).map_err(|e| {
        Error::new(ErrorKind::InvalidInput, format!("'{path}' is not UTF-8 text (invalid byte at {}); convert it first", e.utf8_error().valid_up_to()))
    })
}

fn looks_like_html(path: &str, content: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    lower.ends_with(".html") || lower.ends_with(".htm") || (path == "-" && content.trim_start().starts_with('<'))
}

/// Analyse one document, plain text or HTML, choosing the reference as the CLI documents.
fn analyze_document(content: &str, html: bool, reference: Option<Reference>, lang: Option<Lang>) -> Result<Analysis, Error> {
    let mut options = Options { lang, reference, reference_source: reference.map(|_| ReferenceSource::Cli), title: None };
    let (text, article) = if html {
        let mut article = page::article_from_html(content)?;
        // The text moves out; the rest of the article (title, time, language) is what `complete` reads.
        (std::mem::take(&mut article.text), Some(article))
    } else {
        (content.to_string(), None)
    };
    options.complete(&text, article.as_ref(), now());
    Ok(analyze(&text, &options))
}

fn now() -> Reference {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
    Reference::from_unix_seconds(secs)
}

#[derive(serde::Deserialize)]
struct BatchLine {
    id: Option<serde_json::Value>,
    text: Option<String>,
    reference: Option<String>,
    lang: Option<String>,
    html: Option<serde_json::Value>,
}

fn run_batch(content: &str, args: &Args, out: &mut impl Write) -> Result<(), Error> {
    for (n, line) in content.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let bad = |m: String| Error::new(ErrorKind::InvalidInput, format!("{}: line {}: {m}", args.input, n + 1));
        let item: BatchLine = serde_json::from_str(line).map_err(|e| bad(format!("not a JSON object ({e})")))?;
        let reference = match item.reference.as_deref() {
            Some(r) => Some(Reference::parse_iso(r).ok_or_else(|| bad(format!("reference '{r}' is not an ISO date")))?),
            None => args.reference,
        };
        let lang = item.lang.as_deref().and_then(Lang::from_code).or(args.lang);
        let (content, html) = match (&item.html, &item.text) {
            (Some(serde_json::Value::String(h)), _) => (h.clone(), true),
            (Some(serde_json::Value::Bool(true)), Some(t)) => (t.clone(), true),
            (_, Some(t)) => (t.clone(), false),
            _ => return Err(bad("needs a \"text\" (or \"html\") string".into())),
        };
        let mut analysis = analyze_document(&content, html, reference, lang)?;
        analysis.id = item.id;
        let json = serde_json::to_string(&analysis).map_err(|e| bad(e.to_string()))?;
        writeln!(out, "{json}").map_err(|e| Error::new(ErrorKind::Io, format!("cannot write output: {e}")))?;
    }
    Ok(())
}

fn run(argv: &[String]) -> Result<(), Error> {
    let args = parse_args(argv)?;
    let content = read_input(&args.input)?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if args.batch {
        run_batch(&content, &args, &mut out)?;
    } else {
        let html = args.html || looks_like_html(&args.input, &content);
        let analysis = analyze_document(&content, html, args.reference, args.lang)?;
        let json = serde_json::to_string_pretty(&analysis).map_err(|e| Error::new(ErrorKind::InvalidInput, e.to_string()))?;
        writeln!(out, "{json}").map_err(|e| Error::new(ErrorKind::Io, format!("cannot write output: {e}")))?;
    }
    out.flush().map_err(|e| Error::new(ErrorKind::Io, format!("cannot write output: {e}")))
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match run(&argv) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(io::stderr(), "newslens: {e}");
            ExitCode::from(if e.kind() == ErrorKind::InvalidInput { 2 } else { 1 })
        }
    }
}
