//! Text to claims: dates, distances, attributions and quantities.
//!
//! Extraction is pure: it reads the plain text of a document and the options passed in, never a
//! file, a clock or the environment, so the same text and publication date give the same claims.

mod attribution;
mod date;
mod distance;
mod event;
mod number;
mod quantity;
pub mod sentences;

use claimcheck_core::{Claim, ClaimKind, Details};

pub use attribution::extract_attributions;
pub use date::extract_dates;
pub use distance::extract_distances;
pub use quantity::extract_quantities;

/// What extraction needs besides the text.
#[derive(Debug, Clone, Default)]
pub struct ExtractOptions {
    /// The publication date, the anchor of dates written without a year.
    pub published: Option<jiff::civil::Date>,
}

/// Every claim in `text`, in document order, with ids `c1`, `c2`, ...
///
/// A quantity inside a distance claim is part of that claim, not a claim of its own.
pub fn extract(text: &str, options: &ExtractOptions) -> Vec<Claim> {
    let mut claims = extract_dates(text, options.published);
    // A date tied to an event keeps the event's words and how the date relates to it.
    for claim in &mut claims {
        if let Details::Date(d) = &mut claim.details
            && let Some((event, relation)) = event::event_for(text, claim.span)
        {
            d.event = Some(event);
            d.relation = Some(relation);
        }
    }
    let distances = extract_distances(text);
    let quantities = extract_quantities(text)
        .into_iter()
        .filter(|q| {
            !distances.iter().any(|d| d.span.overlaps(q.span))
                && !claims.iter().any(|d| d.span.contains(q.span))
        })
        .collect::<Vec<_>>();
    claims.extend(distances);
    claims.extend(extract_attributions(text));
    claims.extend(quantities);
    claims.sort_by_key(|c| (c.span.start, kind_order(c.kind), c.span.end));
    for (i, c) in claims.iter_mut().enumerate() {
        c.id = format!("c{}", i + 1);
    }
    claims
}

fn kind_order(kind: ClaimKind) -> u8 {
    match kind {
        ClaimKind::Attribution => 0,
        ClaimKind::Distance => 1,
        ClaimKind::Date => 2,
        ClaimKind::Quantity => 3,
    }
}
