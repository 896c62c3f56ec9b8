//! Where a quote stands in a source text: candidate places found through the quote's rarer
//! words, each aligned word by word (a banded semiglobal alignment that lets an ellipsis stand
//! for omitted words), and the best scored with strsim over the normalised characters.

use std::collections::HashMap;

use super::tolerances::QuoteTolerances;
use super::words::{Word, joined};

/// One step of an alignment between the quote and the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    /// The quote's word `q` is the source's word `s`.
    Same { q: usize, s: usize },
    /// The quote's word `q` stands where the source has the different word `s`.
    Changed { q: usize, s: usize },
    /// The quote has word `q` where the source has nothing.
    Added { q: usize },
    /// The source has word `s` that the quote lacks, with no ellipsis to say so.
    Dropped { s: usize },
    /// The source words `from..to` are left out where the quote has an ellipsis.
    Elided { from: usize, to: usize },
}

/// The best place for a quote in one source.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Alignment {
    /// The first and last source words that the quote's words stand on (inclusive).
    pub first: usize,
    pub last: usize,
    pub steps: Vec<Step>,
    /// strsim's normalised Levenshtein similarity between the quote and the aligned source
    /// words (elided words left out), in 0..1.
    pub score: f64,
    /// The share of the quote's words found unchanged.
    pub same_share: f64,
}

/// The source's words by normalised form, built once per source and shared by every quote run.
pub(crate) struct WordIndex<'w> {
    positions: HashMap<&'w str, Vec<usize>>,
}

impl<'w> WordIndex<'w> {
    pub fn new(words: &'w [Word]) -> Self {
        let mut positions: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, w) in words.iter().enumerate().filter(|(_, w)| !w.ellipsis) {
            positions.entry(w.norm.as_str()).or_default().push(i);
        }
        WordIndex { positions }
    }

    pub fn positions(&self, norm: &str) -> &[usize] {
        self.positions.get(norm).map_or(&[], Vec::as_slice)
    }
}

/// The best alignment of `quote` in `source`, if the quote shares enough words with some place
/// of the source to be worth aligning.
pub(crate) fn best(
    quote: &[Word],
    source: &[Word],
    index: &WordIndex<'_>,
    tol: &QuoteTolerances,
) -> Option<Alignment> {
    let words: Vec<(usize, &Word)> = quote.iter().filter(|w| !w.ellipsis).enumerate().collect();
    let m = words.len();
    if m == 0 || source.is_empty() {
        return None;
    }
    let gaps = quote.iter().filter(|w| w.ellipsis).count();
    let slack = tol.slack(m);
    // Each source occurrence of a quote word votes for the place where the quote would start if
    // that word were in its place. Only the rarer words vote when there are any, so that a long
    // source is not scanned for every "the": this is the prefilter that keeps the alignment to a
    // handful of places.
    let rare: Vec<&(usize, &Word)> = words
        .iter()
        .filter(|(_, w)| {
            let n = index.positions(&w.norm).len();
            n > 0 && n <= tol.max_anchor_occurrences
        })
        .collect();
    let voters: Vec<&(usize, &Word)> = if rare.is_empty() {
        words.iter().collect()
    } else {
        rare
    };
    let mut votes: HashMap<isize, usize> = HashMap::new();
    for (qpos, w) in voters {
        for &p in index.positions(&w.norm) {
            *votes.entry(p as isize - *qpos as isize).or_default() += 1;
        }
    }
    let mut ranked: Vec<(isize, usize)> = votes.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut chosen: Vec<isize> = Vec::new();
    for (start, _) in ranked {
        if chosen.len() >= tol.candidates {
            break;
        }
        if chosen.iter().all(|c| c.abs_diff(start) > slack) {
            chosen.push(start);
        }
    }
    let quote_text = joined(quote);
    let reach = slack + gaps * tol.max_ellipsis_gap;
    chosen
        .into_iter()
        .filter_map(|start| {
            let lo = (start - reach as isize).max(0) as usize;
            let hi = ((start + (m + reach) as isize).max(0) as usize).min(source.len());
            (lo < hi).then(|| align(quote, source, lo, hi, tol))?
        })
        .map(|mut a| {
            let source_text = joined(aligned_words(source, &a));
            a.score = strsim::normalized_levenshtein(&quote_text, &source_text);
            a
        })
        .max_by(|a, b| {
            // On a tie the earlier place wins: max_by keeps the last of equals, so an earlier
            // start must compare as greater.
            a.score.total_cmp(&b.score).then(b.first.cmp(&a.first))
        })
}

/// The source words an alignment stands on, elided words and interrupting attributions left out.
pub(crate) fn aligned_words<'s>(
    source: &'s [Word],
    a: &Alignment,
) -> impl Iterator<Item = &'s Word> {
    let mut elided = vec![false; a.last + 1 - a.first];
    for step in &a.steps {
        if let Step::Elided { from, to } = *step {
            for i in from.max(a.first)..to.min(a.last + 1) {
                elided[i - a.first] = true;
            }
        }
    }
    // Inside a quoted stretch, words outside the quotation marks are the source's attribution
    // ("“We will,” Berg said, “win”") and are left out too.
    let quoted = source[a.first].in_quotes && source[a.last].in_quotes;
    source[a.first..=a.last]
        .iter()
        .zip(elided)
        .filter(move |(w, e)| !e && (w.in_quotes || !quoted))
        .map(|(w, _)| w)
}

/// The cost of a changed word. It is below that of an added or dropped word so that, at the
/// free end of the source, "this fight" against "this battle" aligns as a change rather than as
/// an added word, and two words are told as changed rather than one added and one dropped.
const CHANGED_COST: u32 = 2;
/// The cost of a word added to or dropped from the quote.
const GAP_COST: u32 = 3;

/// Back-pointers of the alignment table.
const DIAGONAL: u8 = 0;
const UP: u8 = 1;
const LEFT: u8 = 2;
const GAP: u8 = 3;

/// Semiglobal alignment of the whole quote against part of `source[lo..hi]`: the quote must be
/// used entirely, the source is free before and after. A changed, added or dropped word has a
/// cost; an ellipsis in the quote swallows up to `max_ellipsis_gap` source words for nothing.
fn align(
    quote: &[Word],
    source: &[Word],
    lo: usize,
    hi: usize,
    tol: &QuoteTolerances,
) -> Option<Alignment> {
    let region = &source[lo..hi];
    let (rows, cols) = (quote.len() + 1, region.len() + 1);
    let mut cost = vec![0u32; rows * cols];
    let mut back = vec![DIAGONAL; rows * cols];
    let mut gap_from = vec![0u32; rows * cols];
    for i in 1..rows {
        let qw = &quote[i - 1];
        cost[i * cols] = if qw.ellipsis {
            cost[(i - 1) * cols]
        } else {
            cost[(i - 1) * cols] + GAP_COST
        };
        back[i * cols] = if qw.ellipsis { GAP } else { UP };
        for j in 1..cols {
            let at = i * cols + j;
            if qw.ellipsis {
                // The cheapest earlier column within reach: the ellipsis stands for the words
                // between it and this one.
                let from = j.saturating_sub(tol.max_ellipsis_gap);
                let (k, c) = (from..=j)
                    .map(|k| (k, cost[(i - 1) * cols + k]))
                    .min_by_key(|&(k, c)| (c, std::cmp::Reverse(k)))
                    .expect("the range holds at least j");
                cost[at] = c;
                back[at] = GAP;
                gap_from[at] = k as u32;
                continue;
            }
            let same = qw.norm == region[j - 1].norm;
            let diagonal = cost[(i - 1) * cols + j - 1] + if same { 0 } else { CHANGED_COST };
            let up = cost[(i - 1) * cols + j] + GAP_COST;
            let left = cost[at - 1] + GAP_COST;
            (cost[at], back[at]) = if diagonal <= up && diagonal <= left {
                (diagonal, DIAGONAL)
            } else if up <= left {
                (up, UP)
            } else {
                (left, LEFT)
            };
        }
    }
    let last_row = (rows - 1) * cols;
    let end = (1..cols).min_by_key(|&j| (cost[last_row + j], j))?;
    let mut steps = Vec::new();
    let (mut i, mut j) = (rows - 1, end);
    while i > 0 {
        let at = i * cols + j;
        match back[at] {
            GAP => {
                let k = if j == 0 { 0 } else { gap_from[at] as usize };
                if k < j {
                    steps.push(Step::Elided {
                        from: lo + k,
                        to: lo + j,
                    });
                }
                i -= 1;
                j = k;
            }
            DIAGONAL if j > 0 => {
                let (q, s) = (i - 1, lo + j - 1);
                steps.push(if quote[q].norm == source[s].norm {
                    Step::Same { q, s }
                } else {
                    Step::Changed { q, s }
                });
                i -= 1;
                j -= 1;
            }
            LEFT => {
                steps.push(Step::Dropped { s: lo + j - 1 });
                j -= 1;
            }
            _ => {
                steps.push(Step::Added { q: i - 1 });
                i -= 1;
            }
        }
    }
    steps.reverse();
    let on_source = steps.iter().filter_map(|s| match *s {
        Step::Same { s, .. } | Step::Changed { s, .. } => Some(s),
        _ => None,
    });
    let first = on_source.clone().min()?;
    let last = on_source.max()?;
    // Dropped words and elisions outside the matched stretch are the free ends, not edits.
    steps.retain(|s| match *s {
        Step::Dropped { s } => s > first && s < last,
        Step::Elided { from, to } => from < last && to > first,
        _ => true,
    });
    let words = quote.iter().filter(|w| !w.ellipsis).count();
    let same = steps
        .iter()
        .filter(|s| matches!(s, Step::Same { .. }))
        .count();
    if same == 0 {
        return None;
    }
    Some(Alignment {
        first,
        last,
        steps,
        score: 0.0,
        same_share: same as f64 / words.max(1) as f64,
    })
}

#[cfg(test)]
mod tests {
    use super::super::words::words;
    use super::*;

    fn run(quote: &str, source: &str) -> Option<(String, Vec<Step>, f64)> {
        let (q, s) = (words(quote), words(source));
        let index = WordIndex::new(&s);
        let a = best(&q, &s, &index, &QuoteTolerances::default())?;
        let passage = source[s[a.first].start..s[a.last].end].to_string();
        Some((passage, a.steps, a.score))
    }

    #[test]
    fn finds_the_place_of_a_paraphrased_quote() {
        let (passage, _, score) = run(
            "we will not back down from this fight",
            "The mayor told supporters: \u{201c}We won\u{2019}t back down from this fight, not \
             now, not ever.\u{201d} Then she left.",
        )
        .expect("found");
        assert_eq!(passage, "We won\u{2019}t back down from this fight");
        assert!(score > 0.99, "{score}");
    }

    #[test]
    fn an_ellipsis_swallows_omitted_words() {
        let (passage, steps, score) = run(
            "the port will reopen \u{2026} by the spring",
            "Officials said the port will reopen, once the dredging is finished, by the spring.",
        )
        .expect("found");
        assert_eq!(
            passage,
            "the port will reopen, once the dredging is finished, by the spring"
        );
        assert!(steps.iter().any(|s| matches!(s, Step::Elided { .. })));
        assert!(score > 0.99, "{score}");
    }

    #[test]
    fn a_dropped_word_is_an_edit() {
        let (_, steps, _) =
            run("we will back down", "She said: we will not back down.").expect("found");
        assert_eq!(
            steps
                .iter()
                .filter(|s| matches!(s, Step::Dropped { .. }))
                .count(),
            1
        );
    }
}
