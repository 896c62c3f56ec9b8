//! Attributed statements checked against the sources retrieval found for them.

use claimcheck_core::{AttributionDetails, Claim, Document, Evidence, SourceOutcome, Verdict};

use crate::unverified;

pub(crate) fn check(
    document: &Document,
    claim: &Claim,
    _details: &AttributionDetails,
    sources: &[SourceOutcome],
) -> Verdict {
    let cited = document.cited_links(claim.span);
    if cited.is_empty() && sources.is_empty() {
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
            cited.first().map_or("the cited source", |l| l.url.as_str())
        ),
    );
    v.evidence = cited
        .iter()
        .map(|l| Evidence {
            url: Some(l.url.clone()),
            ..Evidence::computed("cited link", "not fetched")
        })
        .collect();
    v
}
