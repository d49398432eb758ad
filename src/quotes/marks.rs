//! Quotation marks: pairs « », “ ”, " ", ‘ ’, „ “, ‹ › found per paragraph, with nesting.
//!
//! Only the outermost pair of a nest is returned (an inner quote belongs to its outer one). A quote never runs
//! past its paragraph: a paragraph that opens a quote without closing it gives a quote to the paragraph's end
//! only when the next paragraph opens again (the typographic convention for a quote running over several
//! paragraphs), when the mark opens the paragraph, or when it follows a colon; any other unbalanced mark is a
//! stray and yields nothing, so it cannot swallow the rest of the article.

use crate::text::{trim_span, Doc, Span};

/// A quoted stretch of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Marked {
    /// Bytes from the opening mark to the closing mark, both included (to the paragraph end when unclosed).
    pub outer: Span,
    /// Bytes inside the marks, trimmed of spaces (NBSP and narrow NBSP included).
    pub inner: Span,
    /// False when the quote runs to the end of its paragraph without a closing mark.
    pub closed: bool,
}

/// Deepest nest of quotations followed.
const MAX_DEPTH: usize = 6;

fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}')
}

/// The closing mark that pairs with an opening one (“ pairs with ” and, after „, with “ too).
fn closes(open: char, c: char) -> bool {
    matches!((open, c), ('«', '»') | ('“', '”') | ('"', '"') | ('‘', '’') | ('„', '“') | ('„', '”') | ('‹', '›') | ('»', '«'))
}

/// Find the quotations of `doc`, in text order.
pub fn find(doc: &Doc) -> Vec<Marked> {
    let text = doc.text;
    let mut out = Vec::new();
    let paras = &doc.paragraphs;
    for (pi, p) in paras.iter().enumerate() {
        let s = p.span.slice(text);
        let base = p.span.start;
        let mut stack: Vec<(char, usize)> = Vec::new(); // (opening mark, byte offset in text)
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Every mark starts with one of these bytes ('"', C2 for « », E2 for the others): the text between
            // marks is skipped without decoding it.
            match bytes[i..].iter().position(|&b| matches!(b, b'"' | 0xC2 | 0xE2)) {
                Some(k) => i += k,
                None => break,
            }
            let Some(c) = s[i..].chars().next() else { break };
            if !matches!(c, '«' | '»' | '“' | '”' | '„' | '‹' | '›' | '"' | '‘' | '’') {
                i += c.len_utf8();
                continue;
            }
            // The characters either side of the mark in the paragraph.
            let prev = s[..i].chars().next_back();
            let next = s[i + c.len_utf8()..].chars().next();
            let at = base + i;
            let prev_space = prev.map_or(true, |p| is_space(p) || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | '«' | '“' | '‘' | '„'));
            let next_space = next.map_or(true, is_space);
            match c {
                // A bounded nest: a run of stray openers cannot make the pairing quadratic.
                '«' | '„' | '‹' if stack.len() < MAX_DEPTH => stack.push((c, at)),
                '“' => {
                    if stack.last().is_some_and(|&(o, _)| o == '„') {
                        pop_to(&mut stack, '„', at + c.len_utf8(), text, &mut out);
                    } else if stack.len() < MAX_DEPTH {
                        stack.push((c, at));
                    }
                }
                '»' | '”' | '›' => {
                    if let Some(k) = stack.iter().rposition(|&(o, _)| closes(o, c)) {
                        let o = stack[k].0;
                        pop_to(&mut stack, o, at + c.len_utf8(), text, &mut out);
                    }
                }
                '"' => {
                    let open_here = stack.iter().rposition(|&(o, _)| o == '"');
                    match open_here {
                        Some(_) if !prev_space || next_space || stack.last().is_some_and(|&(o, _)| o == '"') => {
                            pop_to(&mut stack, '"', at + 1, text, &mut out);
                        }
                        _ if prev_space && !next_space && stack.len() < MAX_DEPTH => stack.push(('"', at)),
                        Some(_) => pop_to(&mut stack, '"', at + 1, text, &mut out),
                        // “…," mixed typography: a straight mark that closes (after a word or punctuation, before a
                        // space or the end) ends an open curly quote
                        None if !prev_space && (next_space || next.is_some_and(|n| matches!(n, ',' | '.' | ';' | ':' | ')' | '?' | '!'))) && stack.last().is_some_and(|&(o, _)| o == '“') => {
                            pop_to(&mut stack, '“', at + 1, text, &mut out);
                        }
                        None => {}
                    }
                }
                // after a letter or digit, ‘ is an apostrophe typed the wrong way round, not an opening mark
                '‘' if prev.map_or(true, |p| !p.is_alphanumeric()) && stack.len() < MAX_DEPTH => stack.push((c, at)),
                '’' => {
                    let apostrophe = prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
                    if !apostrophe && next.map_or(true, |n| !n.is_alphanumeric()) && stack.iter().any(|&(o, _)| o == '‘') {
                        pop_to(&mut stack, '‘', at + c.len_utf8(), text, &mut out);
                    }
                }
                _ => {}
            }
            i += c.len_utf8();
        }
        // An unclosed outermost quote at the paragraph's end.
        if let Some(&(o, at)) = stack.first() {
            let next_opens = paras.get(pi + 1).is_some_and(|n| n.span.slice(text).trim_start().starts_with(['«', '“', '"', '„', '‹']));
            let opens_para = at == p.span.start;
            let after_colon = text[..at].trim_end_matches(is_space).ends_with(':');
            if next_opens || opens_para || after_colon {
                let _ = o;
                let outer = Span::new(at, p.span.end);
                if let Some(inner) = trim_span(text, Span::new(at + o.len_utf8(), p.span.end)) {
                    out.push(Marked { outer, inner, closed: false });
                }
            }
        }
    }
    crate::text::sort_by_u64(&mut out, |m| m.outer.start as u64);
    out
}

fn pop_to(stack: &mut Vec<(char, usize)>, open: char, end: usize, text: &str, out: &mut Vec<Marked>) {
    let Some(k) = stack.iter().rposition(|&(o, _)| o == open) else { return };
    let (_, at) = stack[k];
    stack.truncate(k);
    if k == 0 {
        let close_len = text[..end].chars().next_back().map_or(1, char::len_utf8);
        if let Some(inner) = trim_span(text, Span::new(at + open.len_utf8(), end - close_len)) {
            out.push(Marked { outer: Span::new(at, end), inner, closed: true });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(text: &str) -> Vec<&str> {
        let doc = Doc::new(text);
        find(&doc).iter().map(|m| m.inner.slice(text)).collect()
    }

    #[test]
    fn pairs() {
        let table: &[(&str, &[&str])] = &[
            ("Il a dit « Non merci » hier.", &["Non merci"]),
            ("Il a dit «Non» hier.", &["Non"]),
            ("Il a dit «\u{a0}Non\u{a0}» et «\u{202f}Oui\u{202f}».", &["Non", "Oui"]),
            ("She said “no” and “yes”.", &["no", "yes"]),
            ("She said \"no\" and \"yes\".", &["no", "yes"]),
            ("Er sagte „nein“.", &["nein"]),
            ("« Il a crié “au secours” puis s'est tu », dit-il.", &["Il a crié “au secours” puis s'est tu"]),
            ("“He said ‘Oh my gosh, the cupboards are bare.’ It’s true,” she said.", &["He said ‘Oh my gosh, the cupboards are bare.’ It’s true,"]),
            ("A stray » mark and a stray « one in the middle.\nNext paragraph « quoted » here.", &["quoted"]),
            ("« Début de citation\n« suite de la citation »", &["Début de citation", "suite de la citation"]),
            ("Il a répondu : « Je ne sais pas\nAutre paragraphe.", &["Je ne sais pas"]),
            ("Don’t split on apostrophes ‘quoted’ here.", &["quoted"]),
            // mixed typography: a curly opening closed by a straight mark
            ("“The path is far from clear,\" he said. “The odds have narrowed.”", &["The path is far from clear,", "The odds have narrowed."]),
        ];
        for (text, want) in table {
            assert_eq!(inner(text), *want, "{text}");
        }
    }
}
