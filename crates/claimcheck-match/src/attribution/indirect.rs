//! Reported speech ("she said the port would reopen") matched on its content words: the source
//! passage of one or two sentences that holds most of them, in about the same order, and the
//! numbers and negations there, which decide a contradiction.

use std::collections::HashMap;

use super::align::WordIndex;
use super::words::Word;

/// Words that carry no content of their own, or that reported speech changes ("will" becomes
/// "would", "we" becomes "they"), left out when matching indirect claims.
const STOP_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "if",
    "then",
    "than",
    "so",
    "as",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "by",
    "with",
    "about",
    "into",
    "over",
    "under",
    "after",
    "before",
    "between",
    "through",
    "during",
    "up",
    "down",
    "out",
    "off",
    "again",
    "also",
    "too",
    "very",
    "just",
    "only",
    "still",
    "even",
    "that",
    "this",
    "these",
    "those",
    "there",
    "here",
    "it",
    "its",
    "i",
    "me",
    "my",
    "we",
    "us",
    "our",
    "you",
    "your",
    "he",
    "him",
    "his",
    "she",
    "her",
    "they",
    "them",
    "their",
    "who",
    "whom",
    "whose",
    "which",
    "what",
    "when",
    "where",
    "why",
    "how",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "am",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "said",
    "says",
    "say",
    "told",
    "tells",
    "tell",
    "added",
    "according",
    "warned",
    "warns",
    "all",
    "any",
    "some",
    "such",
    "own",
    "same",
    "other",
    "more",
    "most",
    "much",
    "many",
    "each",
    "both",
    "while",
    "because",
    "whether",
    "already",
    "now",
    "percent",
];

/// The best passage of a source for an indirect claim.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Passage {
    /// The first and last source words of the stretch that holds the content words found.
    pub first: usize,
    pub last: usize,
    /// The share of the claim's content words found in the passage.
    pub coverage: f64,
    /// The share of the found words that keep the claim's order.
    pub order: f64,
    /// Numbers of the claim missing from the passage, and the passage's own numbers beside the
    /// found words (source word indexes).
    pub missing_numbers: Vec<String>,
    pub passage_numbers: Vec<usize>,
    /// Whether the claim and the passage (around the found words) are negated.
    pub claim_negated: bool,
    pub passage_negated: bool,
}

/// The content of an indirect claim: its content words (distinct, in order), its numbers and
/// whether it is negated.
pub(crate) struct Content {
    pub words: Vec<String>,
    numbers: Vec<String>,
    negated: bool,
}

impl Content {
    pub fn new(claim: &[Word]) -> Content {
        let mut words: Vec<String> = Vec::new();
        let mut numbers = Vec::new();
        for w in claim.iter().filter(|w| !w.ellipsis) {
            if w.is_number() {
                numbers.push(w.norm.clone());
            } else if !w.is_negation()
                && !STOP_WORDS.contains(&w.norm.as_str())
                && !words.contains(&w.norm)
            {
                words.push(w.norm.clone());
            }
        }
        Content {
            words,
            numbers,
            negated: claim.iter().any(Word::is_negation),
        }
    }
}

/// How many candidate passages are scored in full: the sentences holding most content words.
const PASSAGE_CANDIDATES: usize = 16;

/// The passage of `source` that holds most of the claim's content words.
pub(crate) fn best(content: &Content, source: &[Word], index: &WordIndex<'_>) -> Option<Passage> {
    if content.words.is_empty() || source.is_empty() {
        return None;
    }
    // Sentences ranked by how many distinct content words they hold, found through the index
    // rather than by reading every sentence.
    let mut hits: HashMap<usize, usize> = HashMap::new();
    for word in &content.words {
        let mut seen = Vec::new();
        for &p in index.positions(word) {
            let s = source[p].sentence;
            if !seen.contains(&s) {
                seen.push(s);
                *hits.entry(s).or_default() += 1;
            }
        }
    }
    let mut ranked: Vec<(usize, usize)> = hits.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let bounds = sentence_bounds(source);
    ranked
        .into_iter()
        .take(PASSAGE_CANDIDATES)
        .flat_map(|(s, _)| [(s, s), (s.saturating_sub(1), s), (s, s + 1)])
        .filter(|&(a, b)| b < bounds.len() && a <= b)
        .filter_map(|(a, b)| score(content, source, bounds[a].0, bounds[b].1))
        .max_by(|x, y| {
            (x.coverage, x.order)
                .partial_cmp(&(y.coverage, y.order))
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(y.last.cmp(&x.last))
        })
}

/// The first and last word of each sentence, by sentence index.
fn sentence_bounds(source: &[Word]) -> Vec<(usize, usize)> {
    let mut bounds: Vec<(usize, usize)> = Vec::new();
    for (i, w) in source.iter().enumerate() {
        if w.sentence >= bounds.len() {
            bounds.resize(w.sentence + 1, (i, i));
        }
        bounds[w.sentence].1 = i;
    }
    bounds
}

/// The claim's content words in `source[from..=to]`.
fn score(content: &Content, source: &[Word], from: usize, to: usize) -> Option<Passage> {
    let window = &source[from..=to];
    let positions: Vec<usize> = content
        .words
        .iter()
        .filter_map(|c| window.iter().position(|w| &w.norm == c))
        .collect();
    if positions.is_empty() {
        return None;
    }
    let first = from + positions.iter().min().copied().unwrap_or(0);
    let last = from + positions.iter().max().copied().unwrap_or(0);
    // A negation just before the found words belongs to them ("did not say the port ...").
    let around = &source[first.saturating_sub(3).max(from)..=last];
    let numbers: Vec<usize> = (from..=to).filter(|&i| source[i].is_number()).collect();
    // Only numbers among or right beside the found words can contradict the claim's; another
    // figure elsewhere in the two sentences is about something else.
    let near = first.saturating_sub(3).max(from)..=(last + 3).min(to);
    Some(Passage {
        first,
        last,
        coverage: positions.len() as f64 / content.words.len() as f64,
        order: longest_increasing(&positions) as f64 / positions.len() as f64,
        missing_numbers: content
            .numbers
            .iter()
            .filter(|n| !numbers.iter().any(|&i| &source[i].norm == *n))
            .cloned()
            .collect(),
        passage_numbers: numbers.into_iter().filter(|i| near.contains(i)).collect(),
        claim_negated: content.negated,
        passage_negated: around.iter().any(Word::is_negation),
    })
}

/// The length of the longest strictly increasing subsequence.
fn longest_increasing(xs: &[usize]) -> usize {
    let mut tails: Vec<usize> = Vec::new();
    for &x in xs {
        let at = tails.partition_point(|&t| t < x);
        if at == tails.len() {
            tails.push(x);
        } else {
            tails[at] = x;
        }
    }
    tails.len()
}

#[cfg(test)]
mod tests {
    use super::super::words::words;
    use super::*;

    #[test]
    fn passages_are_scored_on_content_words() {
        let source = words(
            "The harbour was busy. Berg said the port would reopen by the spring once dredging \
             ends. Fishing is down.",
        );
        let index = WordIndex::new(&source);
        let content = Content::new(&words("the port will reopen by spring when dredging ends"));
        let p = best(&content, &source, &index).expect("a passage");
        assert!(p.coverage > 0.99, "{p:?}");
        assert!(p.order > 0.99, "{p:?}");
        assert!(!p.passage_negated);
        assert_eq!(longest_increasing(&[3, 1, 2, 5, 4]), 3);
    }
}
