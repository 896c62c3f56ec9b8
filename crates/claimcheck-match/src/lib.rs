//! Claims and evidence to verdicts.
//!
//! Matching never fetches and never reads a clock: it scores what it is handed (the document,
//! its claims, and the evidence retrieve found), so every verdict can be tested without a
//! network and is the same on every run.

mod attribution;
mod date;
mod distance;
mod event;

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
    claims
        .into_iter()
        .map(|mut claim| {
            let verdict = match &claim.details {
                Details::Date(d) => {
                    // Only a date tied to an event needs the timeline, whose bundled copy is
                    // parsed on first use (about a tenth of a one-paragraph check's start-up).
                    let by_event = d.event.as_ref().and_then(|_| {
                        let paragraph = paragraph(&document.text, claim.span);
                        event::check_with(knowledge.timeline(), &claim, d, &[paragraph])
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
                    if let Details::Distance(d) = &mut claim.details {
                        d.measured_km = measured;
                    }
                    verdict
                }
                Details::Quantity(_) => unverified(
                    "quantity.unverified",
                    "no reference data for this figure: a source that states it would settle it",
                ),
            };
            CheckedClaim { claim, verdict }
        })
        .collect()
}

/// The paragraph around `span`: the context that tells one "meeting" from another.
fn paragraph(text: &str, span: claimcheck_core::Span) -> &str {
    let start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);
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
