//! Spans indexed by start, for asking which of them can reach another: a span of length `n`
//! that reaches one starting at `p` starts no further back than `p - n`, so with the spans
//! sorted by start and the longest length known, only those starting in that stretch are read.
//! Comparing each new claim or measure with every one kept made long texts quadratic (2 MB of
//! "a mile" beside each figure took 16 s to extract, four times 1 MB).

use std::collections::BTreeMap;

use claimcheck_core::Span;

#[derive(Default)]
pub(crate) struct Nearby {
    /// The spans it was made with, by start.
    sorted: Vec<Span>,
    /// The spans added since, by start (few), each start with the furthest end.
    added: BTreeMap<usize, usize>,
    longest: usize,
}

impl Nearby {
    pub(crate) fn of(spans: impl IntoIterator<Item = Span>) -> Self {
        let mut sorted: Vec<Span> = spans.into_iter().collect();
        sorted.sort_unstable_by_key(|s| s.start);
        let longest = sorted.iter().map(Span::len).max().unwrap_or(0);
        Nearby {
            sorted,
            added: BTreeMap::new(),
            longest,
        }
    }

    pub(crate) fn insert(&mut self, span: Span) {
        let end = self.added.entry(span.start).or_insert(span.end);
        *end = (*end).max(span.end);
        self.longest = self.longest.max(span.len());
    }

    /// The spans kept that start before `span` ends and no further back than the longest one:
    /// among them every span that overlaps `span` or, when it is not empty, contains it. Of the
    /// spans added with the same start only the furthest end is given, which overlaps or
    /// contains whatever they do.
    pub(crate) fn near(&self, span: Span) -> impl Iterator<Item = Span> + '_ {
        let from = span.start.saturating_sub(self.longest);
        let first = self.sorted.partition_point(|s| s.start < from);
        self.sorted[first..]
            .iter()
            .copied()
            .take_while(move |s| s.start < span.end)
            .chain(
                self.added
                    .range(from..span.end)
                    .map(|(&start, &end)| Span::new(start, end)),
            )
    }

    /// Whether `span` overlaps a span kept.
    pub(crate) fn overlaps(&self, span: Span) -> bool {
        self.near(span).any(|s| s.overlaps(span))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index answers as asking every kept span does, for overlap and for containment of a
    /// span that is not empty (quantities, the spans asked about, never are).
    #[test]
    fn answers_as_every_kept_span_does() {
        let mut picks = crate::testing::Picks::new(0x510e_527f_ade6_82d1);
        let mut next = |n: usize| picks.below(n);
        for _ in 0..2_000 {
            let mut kept: Vec<Span> = (0..next(8))
                .map(|_| {
                    let start = next(60);
                    Span::new(start, start + next(12))
                })
                .collect();
            let mut nearby = Nearby::of(kept.clone());
            for _ in 0..12 {
                let start = next(60);
                let span = Span::new(start, start + next(12));
                let overlaps = kept.iter().any(|k| k.overlaps(span));
                assert_eq!(nearby.overlaps(span), overlaps, "{span:?} against {kept:?}");
                if !span.is_empty() {
                    let contained = kept.iter().any(|k| k.contains(span));
                    let found = nearby.near(span).any(|k| k.contains(span));
                    assert_eq!(found, contained, "{span:?} within {kept:?}");
                }
                if next(2) == 0 {
                    nearby.insert(span);
                    kept.push(span);
                }
            }
        }
    }
}
