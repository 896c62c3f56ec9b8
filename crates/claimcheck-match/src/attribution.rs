//! Attributed statements: what can be said before any source is fetched.

use claimcheck_core::{Claim, Document, Evidence, Verdict};

use crate::unverified;

pub(crate) fn check(document: &Document, claim: &Claim) -> Verdict {
    let paragraph = paragraph_of(&document.text, claim.span.start, claim.span.end);
    let cited: Vec<&str> = document
        .links
        .iter()
        .filter(|l| paragraph.0 <= l.span.start && l.span.end <= paragraph.1)
        .map(|l| l.url.as_str())
        .collect();
    if cited.is_empty() {
        return unverified(
            "quote.unsourced",
            "no source cited in the article: a link in the paragraph, or --corpus, would let the \
             words be checked",
        );
    }
    let mut v = unverified(
        "source.unavailable",
        format!(
            "source unavailable: {} was not fetched (no retrieval configured)",
            cited[0]
        ),
    );
    v.evidence = cited
        .iter()
        .map(|url| Evidence {
            url: Some((*url).to_string()),
            ..Evidence::computed("cited link", "not fetched")
        })
        .collect();
    v
}

/// The byte range of the paragraph (a run of text between blank lines, or a line in plain
/// text) around `start..end`.
fn paragraph_of(text: &str, start: usize, end: usize) -> (usize, usize) {
    let from = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let to = text[end..].find('\n').map_or(text.len(), |i| end + i);
    (from, to)
}
