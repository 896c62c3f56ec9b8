//! Quotation marks: which marks open and close a quotation, and the units of text (sentences,
//! joined where a quotation runs across a sentence end) that attribution reads one at a time.

use claimcheck_core::Span;

/// One top-level quotation: `outer` includes the marks, `inner` is the words between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteRun {
    pub outer: Span,
    pub inner: Span,
}

/// A stretch of text read as one statement: one sentence, or several when a quotation spans them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    pub span: Span,
    /// The index of the paragraph (line) the unit stands in.
    pub paragraph: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    CurlyDouble,
    CurlySingle,
    StraightDouble,
    StraightSingle,
}

/// The top-level quotations of `text`, in order. Quotations are paired within a paragraph; one
/// left open at the paragraph's end runs to that end, the convention for a quotation that goes on
/// in the next paragraph.
pub fn quote_runs(text: &str) -> Vec<QuoteRun> {
    let mut runs = Vec::new();
    // The lines are cut where `memchr` finds their breaks: `split('\n')` read a byte at a time.
    let mut line_start = 0;
    for end in memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]) {
        runs_in_line(&text[line_start..end], line_start, &mut runs);
        line_start = end + 1;
    }
    runs
}

fn runs_in_line(line: &str, base: usize, runs: &mut Vec<QuoteRun>) {
    let mut stack: Vec<(Mark, usize, usize)> = Vec::new();
    // Only the marks are visited: the two ASCII ones, and the byte 0xE2 that starts each curly
    // one in UTF-8 (and other punctuation such as dashes, passed over below). 0xE2 always starts
    // a character, so each offset found is a character boundary.
    for i in memchr::memchr3_iter(b'"', b'\'', 0xE2, line.as_bytes()) {
        let Some(c) = line[i..].chars().next() else {
            continue;
        };
        if !matches!(
            c,
            '"' | '\'' | '\u{2018}' | '\u{2019}' | '\u{201c}' | '\u{201d}' | '\u{201e}'
        ) {
            continue;
        }
        let prev = line[..i].chars().next_back();
        let next = line[i + c.len_utf8()..].chars().next();
        let letter_before = prev.is_some_and(char::is_alphanumeric);
        let letter_after = next.is_some_and(char::is_alphanumeric);
        let space_after = next.is_none_or(char::is_whitespace);
        let end = i + c.len_utf8();
        let (mark, opens) = match c {
            '\u{201c}' | '\u{201e}' => (Mark::CurlyDouble, true),
            '\u{201d}' => (Mark::CurlyDouble, false),
            '\u{2018}' if !letter_before => (Mark::CurlySingle, true),
            // A right single mark between letters, or after a letter with no single quotation
            // open, is an apostrophe ("Russia’s", "countries’").
            '\u{2019}' if !(letter_before && letter_after) => (Mark::CurlySingle, false),
            '"' => {
                let open = stack.iter().any(|(m, _, _)| *m == Mark::StraightDouble);
                if !open && space_after {
                    continue;
                }
                (Mark::StraightDouble, !open)
            }
            '\'' if !letter_before && letter_after => (Mark::StraightSingle, true),
            '\'' if !letter_after => (Mark::StraightSingle, false),
            _ => continue,
        };
        if opens {
            stack.push((mark, i, end));
            continue;
        }
        let Some(pos) = stack.iter().rposition(|(m, _, _)| *m == mark) else {
            continue;
        };
        let (_, open_start, open_end) = stack[pos];
        stack.truncate(pos);
        if stack.is_empty() {
            runs.push(QuoteRun {
                outer: Span::new(base + open_start, base + end),
                inner: Span::new(base + open_end, base + i),
            });
        }
    }
    // Only a double quotation left open runs to the end of the paragraph: a stray single mark is
    // far more often an apostrophe than a quotation.
    if let Some(&(Mark::CurlyDouble | Mark::StraightDouble, open_start, open_end)) = stack.first() {
        let trimmed = line.trim_end().len();
        if open_end <= trimmed {
            runs.push(QuoteRun {
                outer: Span::new(base + open_start, base + trimmed),
                inner: Span::new(base + open_end, base + trimmed),
            });
        }
    }
}

/// The units of `text`: its sentences, with a sentence joined to the next while a quotation
/// opened in it has not closed.
pub fn units(text: &str, sentences: &[Span], runs: &[QuoteRun]) -> Vec<Unit> {
    // At most a unit a sentence (see `measures` for the room).
    let mut out: Vec<Unit> = Vec::with_capacity(sentences.len());
    let line_starts = claimcheck_core::line_starts(text);
    let paragraph_of = |pos: usize| line_starts.partition_point(|&s| s <= pos) - 1;
    // Top-level quotations are sorted and do not overlap, so the one that can run over a
    // unit's end is the last one starting before it: a binary search, where scanning every
    // quotation for every sentence made a long text quadratic.
    let straddles = |end: usize| {
        let i = runs.partition_point(|r| r.outer.start < end);
        i > 0 && runs[i - 1].outer.end > end
    };
    for &s in sentences {
        let paragraph = paragraph_of(s.start);
        if let Some(last) = out.last_mut()
            && last.paragraph == paragraph
            && straddles(last.span.end)
        {
            last.span = Span::new(last.span.start, s.end);
            continue;
        }
        out.push(Unit { span: s, paragraph });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let got: Vec<&str> = quote_runs(text)
            .iter()
            .map(|r| &text[r.inner.start..r.inner.end])
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn pairs_marks() {
        check("\u{201c}Yes,\u{201d} he said.", &["Yes,"]);
        check(
            "Russia\u{2019}s \u{201c}win\u{201d} and the \"plan\".",
            &["win", "plan"],
        );
        check(
            "the \u{2018}New York Times\u{2019} said",
            &["New York Times"],
        );
        check("the 'Times' and Russia's view", &["Times"]);
        check(
            "\u{201c}He said \u{2018}no\u{2019} twice\u{201d}",
            &["He said \u{2018}no\u{2019} twice"],
        );
        check("\u{201c}Open to the end", &["Open to the end"]);
    }

    #[test]
    fn joins_sentences_inside_a_quotation() {
        let text = "\u{201c}It hurts. It is bad,\u{201d} Ann said. Then rain.";
        let runs = quote_runs(text);
        let got: Vec<&str> = units(text, &crate::sentences::sentences(text), &runs)
            .iter()
            .map(|u| &text[u.span.start..u.span.end])
            .collect();
        assert_eq!(
            got,
            [
                "\u{201c}It hurts. It is bad,\u{201d} Ann said.",
                "Then rain."
            ]
        );
    }
}
