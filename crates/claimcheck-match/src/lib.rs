//! Claims and evidence to verdicts.
//!
//! Matching never fetches and never reads a clock: it scores what it is handed (the document,
//! its claims, and the evidence retrieve found), so every verdict can be tested without a
//! network and is the same on every run.

mod attribution;
mod date;

use claimcheck_core::{CheckedClaim, Claim, Details, Document, Status, Verdict};

/// Verdicts for every claim of `document`, in the claims' order.
pub fn check(document: &Document, claims: Vec<Claim>) -> Vec<CheckedClaim> {
    claims
        .into_iter()
        .map(|claim| {
            let verdict = match &claim.details {
                Details::Date(d) => date::check(&claim, d),
                Details::Attribution(_) => attribution::check(document, &claim),
                Details::Distance(_) => unverified(
                    "distance.unmeasured",
                    "not measured: claimcheck has no gazetteer of places and borders to measure \
                     it with yet",
                ),
                Details::Quantity(_) => unverified(
                    "quantity.unverified",
                    "no reference data for this figure: a source that states it would settle it",
                ),
            };
            CheckedClaim { claim, verdict }
        })
        .collect()
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
