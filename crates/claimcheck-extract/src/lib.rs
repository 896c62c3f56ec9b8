//! Text to claims: dates, distances, attributions and quantities.
//!
//! Extraction is pure: it reads the plain text of a document and the options passed in, never a
//! file, a clock or the environment, so the same text and publication date give the same claims.

mod ascii;
mod attribution;
mod date;
mod distance;
mod event;
mod nearby;
mod number;
mod quantity;
pub mod sentences;
#[cfg(test)]
mod testing;
mod tier;

use claimcheck_core::{Claim, ClaimKind, Details};

use nearby::Nearby;

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
    let _reading = tier::reading(text.len());
    let sentences = sentences::sentences(text);
    // The date, event and proportion patterns read a copy with ASCII letters lowercased (see
    // `dates_in`).
    let lower = text.to_ascii_lowercase();
    let triggers = date::triggers(text, &lower);
    let mut claims = date::dates_in(text, &triggers, &sentences, options.published);
    // The attribution reader's cues are found in the date reader's pass over the text.
    let cues = attribution::cue_places(&triggers);
    drop(triggers);
    // A date tied to an event keeps the event's words and how the date relates to it.
    let mut sentence = 0;
    for claim in &mut claims {
        sentence = sentences::first_not_ending_by(&sentences, claim.span.start, sentence);
        if let Details::Date(d) = &mut *claim.details
            && let Some((event, relation)) =
                event::event_in(text, &lower, &sentences, sentence, claim.span)
        {
            d.event = Some(event);
            d.relation = Some(relation);
        }
    }
    let proportions = quantity::proportions(text, &lower);
    drop(lower);
    let measures = quantity::measures(text);
    let distances = distance::distances_from(text, &sentences, &measures);
    // Each quantity is compared with the claims near it only (see `nearby`).
    let distance_spans = Nearby::of(distances.iter().map(|d| d.span));
    let date_spans = Nearby::of(claims.iter().map(|d| d.span));
    let quantities = quantity::quantities_from(text, measures, proportions)
        .into_iter()
        .filter(|q| {
            !distance_spans.overlaps(q.span) && !date_spans.near(q.span).any(|s| s.contains(q.span))
        })
        .collect::<Vec<_>>();
    claims.extend(distances);
    claims.extend(attribution::attributions_in(
        text,
        &sentences,
        cues.as_deref().map(Vec::as_slice),
    ));
    claims.extend(quantities);
    claims.sort_by_key(|c| (c.span.start, kind_order(c.kind), c.span.end));
    for (i, c) in claims.iter_mut().enumerate() {
        c.id = claim_id(i + 1);
    }
    claims
}

/// `format!("c{n}")` without the formatting machinery: a long text has a claim every 80 bytes
/// or so, and `format!` cost about 600 instructions an id.
fn claim_id(n: usize) -> String {
    let mut buf = [0u8; 20];
    let digits = claimcheck_core::decimal(n, &mut buf);
    let mut id = String::with_capacity(1 + digits.len());
    id.push('c');
    id.push_str(digits);
    id
}

fn kind_order(kind: ClaimKind) -> u8 {
    match kind {
        ClaimKind::Attribution => 0,
        ClaimKind::Distance => 1,
        ClaimKind::Date => 2,
        ClaimKind::Quantity => 3,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn claim_ids_are_c_and_the_number() {
        for n in [1, 9, 10, 99, 100, 12_345, usize::MAX] {
            assert_eq!(super::claim_id(n), format!("c{n}"));
        }
    }
}
