//! The differences between a quote and the source words it was aligned with, sorted into those
//! that change the meaning (a number, a negation, a name) and those that do not, each told in
//! the source's and the article's own words.

use super::align::{Alignment, Step};
use super::words::Word;

/// What kind of difference an edit makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Kind {
    /// A number changed, added or dropped.
    Number,
    /// A negation added or dropped.
    Negation,
    /// A name (a capitalised word inside a sentence) changed.
    Name,
    /// Any other word changed, added or dropped without an ellipsis.
    Wording,
}

impl Kind {
    /// Whether the edit changes what the quote says.
    pub fn changes_meaning(self) -> bool {
        self != Kind::Wording
    }
}

/// One difference, described for a reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Edit {
    pub kind: Kind,
    pub description: String,
}

/// The differences an alignment holds, in the quote's order. Elisions are not differences: the
/// ellipsis says words were left out.
pub(crate) fn edits(
    quote_text: &str,
    quote: &[Word],
    source_text: &str,
    source: &[Word],
    a: &Alignment,
) -> Vec<Edit> {
    let q = |i: usize| written(quote_text, &quote[i]);
    let s = |i: usize| written(source_text, &source[i]);
    let mut out = Vec::new();
    for step in &a.steps {
        match *step {
            Step::Same { .. } | Step::Elided { .. } => {}
            Step::Changed { q: qi, s: si } => {
                let (qw, sw) = (&quote[qi], &source[si]);
                let kind = if qw.is_number() || sw.is_number() {
                    Kind::Number
                } else if qw.is_negation() != sw.is_negation() {
                    // One negation for another ("not" for "never") keeps the sense; a negation
                    // for a plain word does not.
                    Kind::Negation
                } else if is_name(qw, quote, qi) || is_name(sw, source, si) {
                    Kind::Name
                } else {
                    Kind::Wording
                };
                let description = match kind {
                    Kind::Number => format!("the source says {}, the article {}", s(si), q(qi)),
                    _ => format!(
                        "the source says \u{201c}{}\u{201d}, the article \u{201c}{}\u{201d}",
                        s(si),
                        q(qi)
                    ),
                };
                out.push(Edit { kind, description });
            }
            Step::Added { q: qi } => {
                let qw = &quote[qi];
                let kind = classify_alone(qw);
                let context = context(source_text, source, a, None, Some(qi));
                out.push(Edit {
                    kind,
                    description: format!(
                        "the source says \u{201c}{context}\u{201d}; the article adds \u{201c}{}\u{201d}",
                        q(qi)
                    ),
                });
            }
            // Words outside quotation marks inside a quoted stretch of the source are its
            // attribution ("“We will,” Berg said, “win”"), not words the article left out.
            Step::Dropped { s: si }
                if !source[si].in_quotes
                    && source[a.first].in_quotes
                    && source[a.last].in_quotes => {}
            Step::Dropped { s: si } => {
                let sw = &source[si];
                let kind = classify_alone(sw);
                let context = context(source_text, source, a, Some(si), None);
                out.push(Edit {
                    kind,
                    description: format!(
                        "the source says \u{201c}{context}\u{201d}; the article drops \u{201c}{}\u{201d}",
                        s(si)
                    ),
                });
            }
        }
    }
    // A contraction gives two words with one span; a change to both halves is told once.
    out.dedup();
    out
}

fn classify_alone(w: &Word) -> Kind {
    if w.is_number() {
        Kind::Number
    } else if w.is_negation() {
        Kind::Negation
    } else {
        Kind::Wording
    }
}

/// A capitalised word that does not merely open a sentence, or one that the text capitalises
/// there too because it is a name is not knowable cheaply; a sentence-opening word counts only
/// when the word after it is capitalised as well ("Tomas Berg").
fn is_name(w: &Word, all: &[Word], i: usize) -> bool {
    // "I" is capitalised wherever it stands and names nobody.
    if !w.capitalised || w.norm == "i" {
        return false;
    }
    let opens = i == 0 || all[i - 1].sentence != w.sentence;
    !opens
        || all
            .get(i + 1)
            .is_some_and(|n| n.capitalised && n.sentence == w.sentence)
}

/// The word as written in its text; the "not" of a contraction ("won't") is shown as "not",
/// since that is the word the article adds or drops.
fn written<'t>(text: &'t str, w: &'t Word) -> &'t str {
    let raw = &text[w.start..w.end];
    if w.norm == "not" && raw.contains(['\'', '\u{2019}']) {
        &w.norm
    } else {
        raw
    }
}

/// A few source words around a dropped source word, or around the place where the quote's word
/// `added` would stand, as written, so that the reader sees the source's phrasing.
fn context(
    source_text: &str,
    source: &[Word],
    a: &Alignment,
    dropped: Option<usize>,
    added: Option<usize>,
) -> String {
    let (from, to) = match (dropped, added) {
        (Some(s), _) => (s.saturating_sub(1).max(a.first), (s + 2).min(a.last)),
        (None, Some(q)) => {
            // The source words aligned just before and just after the added quote word.
            let mut before = None;
            let mut after = None;
            for step in &a.steps {
                if let Step::Same { q: qi, s } | Step::Changed { q: qi, s } = *step {
                    if qi < q {
                        before = Some(s);
                    } else if after.is_none() {
                        after = Some(s);
                    }
                }
            }
            let before = before.or(after).unwrap_or(a.first);
            (before, after.unwrap_or(before).max(before))
        }
        (None, None) => (a.first, a.first),
    };
    let to = to.max(from);
    source_text[source[from].start..source[to].end].to_string()
}

#[cfg(test)]
mod tests {
    use super::super::align::{WordIndex, best};
    use super::super::tolerances::QuoteTolerances;
    use super::super::words::words;
    use super::*;

    fn run(quote: &str, source: &str) -> Vec<(Kind, String)> {
        let (q, s) = (words(quote), words(source));
        let index = WordIndex::new(&s);
        let a = best(&q, &s, &index, &QuoteTolerances::default()).expect("found");
        edits(quote, &q, source, &s, &a)
            .into_iter()
            .map(|e| (e.kind, e.description))
            .collect()
    }

    #[test]
    fn one_negation_for_another_is_wording() {
        assert_eq!(
            run(
                "we will never back down from this fight",
                "we will not back down from this fight"
            ),
            [(
                Kind::Wording,
                "the source says \u{201c}not\u{201d}, the article \u{201c}never\u{201d}"
                    .to_string()
            )]
        );
    }

    #[test]
    fn differences_are_sorted_by_meaning() {
        assert_eq!(
            run("we will back down from this fight", "we will not back down from this fight"),
            [(
                Kind::Negation,
                "the source says \u{201c}will not back down\u{201d}; the article drops \u{201c}not\u{201d}".to_string()
            )]
        );
        assert_eq!(
            run(
                "prices rose 15 percent last year",
                "Prices rose 12 per cent last year."
            ),
            [(
                Kind::Number,
                "the source says 12, the article 15".to_string()
            )]
        );
        assert_eq!(
            run(
                "the plan was drawn up by Lind and the council",
                "The plan was drawn up by Berg and the council."
            ),
            [(
                Kind::Name,
                "the source says \u{201c}Berg\u{201d}, the article \u{201c}Lind\u{201d}"
                    .to_string()
            )]
        );
        assert_eq!(
            run(
                "we will win this fight for sure",
                "we will win this battle for sure"
            ),
            [(
                Kind::Wording,
                "the source says \u{201c}battle\u{201d}, the article \u{201c}fight\u{201d}"
                    .to_string()
            )]
        );
    }
}
