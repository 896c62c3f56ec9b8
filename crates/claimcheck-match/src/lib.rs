//! Claims and evidence to verdicts.
//!
//! Matching never fetches and never reads a clock: it scores what it is handed (the document,
//! its claims, and the evidence retrieve found), so every verdict can be tested without a
//! network and is the same on every run.

mod attribution;
mod date;
mod distance;
mod event;
mod quantity;

use claimcheck_core::{CheckedClaim, Claim, Details, Document, Sources, Status, Verdict};

/// Knowledge a newsroom adds to the bundled data.
#[derive(Debug, Default)]
pub struct Knowledge {
    /// The events timeline to use: the bundled one merged with `--events` files; `None` for
    /// the bundled one alone.
    pub timeline: Option<claimcheck_events::Timeline>,
}

impl Knowledge {
    fn timeline(&self) -> &claimcheck_events::Timeline {
        self.timeline
            .as_ref()
            .unwrap_or_else(|| claimcheck_events::bundled())
    }
}

/// Verdicts for every claim of `document`, in the claims' order, from the bundled knowledge
/// (with `knowledge` added) and the `sources` retrieval found for each claim. A distance claim
/// gets its `measured_km` filled when it was measured.
pub fn check(
    document: &Document,
    claims: Vec<Claim>,
    sources: &Sources,
    knowledge: &Knowledge,
) -> Vec<CheckedClaim> {
    // The countries an article names settle ambiguous place names; they are looked up only
    // when the article has a distance to measure.
    let mut context: Option<Vec<String>> = None;
    let mut conversions = quantity::conversions(&document.text, &claims)
        .into_iter()
        .peekable();
    claims
        .into_iter()
        .enumerate()
        .map(|(k, mut claim)| {
            let conversion = conversions.next_if(|(at, _)| *at == k).map(|(_, v)| v);
            let verdict = match &*claim.details {
                Details::Date(d) => {
                    // Only a date tied to an event needs the timeline, whose bundled copy is
                    // built on first use (from entries the events crate carries already read).
                    let by_event = d.event.as_ref().and_then(|_| {
                        let context = context_of(document, claim.span);
                        event::check_with(knowledge.timeline(), &claim, d, &[context])
                    });
                    by_event.unwrap_or_else(|| date::check(&claim, d))
                }
                Details::Attribution(a) => {
                    attribution::check(document, &claim, a, sources.for_claim(&claim.id))
                }
                Details::Distance(d) => {
                    let context = context.get_or_insert_with(|| {
                        claimcheck_geo::gazetteer()
                            .countries_named_in(&document.text)
                            .into_iter()
                            .map(str::to_string)
                            .collect()
                    });
                    let (verdict, measured) = distance::check(&claim, d, context);
                    if let Details::Distance(d) = &mut *claim.details {
                        d.measured_km = measured;
                    }
                    verdict
                }
                Details::Quantity(_) => conversion.unwrap_or_else(|| {
                    unverified(
                        "quantity.unverified",
                        "no reference data for this figure: a source that states it would settle \
                         it",
                    )
                }),
            };
            CheckedClaim { claim, verdict }
        })
        .collect()
}

/// How far the context of a claim reaches on either side of it within its paragraph. A news
/// paragraph is a few hundred bytes; without this bound a text with no line break made every
/// dated event read the whole text (one 400 KB line took 1.9 s to check against 0.18 s for
/// 100 KB).
const CONTEXT_REACH: usize = 2_000;

/// The paragraph around `span`, or as much of it as lies within [`CONTEXT_REACH`] bytes, cut
/// at white space: the context that tells one "meeting" from another.
fn context_of(document: &Document, span: claimcheck_core::Span) -> &str {
    let text = &document.text;
    let paragraph = document.paragraph(span);
    let mut lo = span.start.saturating_sub(CONTEXT_REACH);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let mut hi = (span.end + CONTEXT_REACH).min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let start = if paragraph.start > lo || lo == 0 {
        paragraph.start
    } else {
        // Cut short: from the first word that starts within reach.
        text[lo..span.start]
            .char_indices()
            .find(|(_, c)| c.is_whitespace())
            .map_or(span.start, |(i, c)| lo + i + c.len_utf8())
    };
    let end = if paragraph.end < hi || hi == text.len() {
        paragraph.end
    } else {
        text[span.end..hi]
            .rfind(char::is_whitespace)
            .map_or(span.end, |i| span.end + i)
    };
    &text[start..end]
}

/// A verdict that no evidence could decide, with the reason.
pub(crate) fn unverified(rule: &str, explanation: impl Into<String>) -> Verdict {
    Verdict {
        status: Status::Unverified,
        confidence: 0.0,
        rule: rule.to_string(),
        explanation: explanation.into(),
        evidence: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimcheck_core::Span;

    fn around(text: &str, word: &str) -> String {
        let document = Document::parse("a.txt", text.to_string(), claimcheck_core::Format::Text);
        let at = text.find(word).expect("the word is in the text");
        context_of(&document, Span::new(at, at + word.len())).to_string()
    }

    #[test]
    fn a_claim_reads_its_paragraph() {
        let text = "First paragraph.\nThe summit met in Geneva on Monday.\nLast one.";
        assert_eq!(
            around(text, "Monday"),
            "The summit met in Geneva on Monday."
        );
        assert_eq!(around(text, "First"), "First paragraph.");
        assert_eq!(around(text, "Last"), "Last one.");
    }

    #[test]
    fn a_long_line_is_read_within_reach_cut_at_white_space() {
        // Words of two to four bytes with non-breaking spaces among the spaces, so that a cut
        // may fall inside a character.
        let filler = "talks\u{a0}met é \u{1f600} ".repeat(400);
        let text = format!("{filler}the summit on Monday {filler}");
        let got = around(&text, "Monday");
        assert!(
            got.len() <= 2 * CONTEXT_REACH + "Monday".len(),
            "{} bytes",
            got.len()
        );
        assert!(got.len() > CONTEXT_REACH, "{} bytes", got.len());
        assert!(got.contains("the summit on Monday"));
        let start = text.find(got.as_str()).expect("a slice of the text");
        let before = text[..start].chars().next_back().expect("cut short");
        let after = text[start + got.len()..].chars().next().expect("cut short");
        assert!(
            before.is_whitespace() && after.is_whitespace(),
            "{before:?} {after:?}"
        );
    }
}
