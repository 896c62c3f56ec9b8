//! A small BM25 ranking over lowercase word tokens, for the local corpus.
//!
//! Why hand-written: tantivy costs about two minutes of every clean CI build (the crate alone
//! compiles for over a minute), and a corpus of reference articles is small enough to index
//! in memory on each run. The `bm25` crate has no persistence either and adds little over the
//! sixty lines below, while these postings also serve the quoted-phrase search in
//! `corpus.rs`, which needs to know which passages hold which words.

use std::collections::HashMap;

/// BM25's term-frequency saturation and length normalisation, at their usual values.
const K1: f64 = 1.2;
const B: f64 = 0.75;

/// An inverted index over documents given as token lists.
#[derive(Debug, Default)]
pub(crate) struct Bm25 {
    /// For each term, the documents holding it and how often.
    postings: HashMap<String, Vec<(usize, u32)>>,
    lengths: Vec<usize>,
    average_length: f64,
}

/// Lowercase runs of letters and digits: "U.S.-Korea" gives "u", "s", "korea".
pub(crate) fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

impl Bm25 {
    pub fn new(documents: &[Vec<String>]) -> Bm25 {
        let mut postings: HashMap<String, Vec<(usize, u32)>> = HashMap::new();
        for (doc, terms) in documents.iter().enumerate() {
            let mut counts: HashMap<&str, u32> = HashMap::new();
            for term in terms {
                *counts.entry(term).or_default() += 1;
            }
            for (term, count) in counts {
                postings
                    .entry(term.to_string())
                    .or_default()
                    .push((doc, count));
            }
        }
        let lengths: Vec<usize> = documents.iter().map(Vec::len).collect();
        let total: usize = lengths.iter().sum();
        Bm25 {
            postings,
            average_length: total as f64 / lengths.len().max(1) as f64,
            lengths,
        }
    }

    /// The documents holding `term`, with its count in each.
    pub fn postings(&self, term: &str) -> &[(usize, u32)] {
        self.postings.get(term).map_or(&[], Vec::as_slice)
    }

    /// The BM25 score of every document sharing a term with `query`. A term repeated in the
    /// query counts once.
    pub fn scores(&self, query: &[String]) -> HashMap<usize, f64> {
        let n = self.lengths.len() as f64;
        let mut seen = std::collections::HashSet::new();
        let mut scores: HashMap<usize, f64> = HashMap::new();
        for term in query {
            if !seen.insert(term.as_str()) {
                continue;
            }
            let postings = self.postings(term);
            if postings.is_empty() {
                continue;
            }
            let df = postings.len() as f64;
            let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
            for &(doc, tf) in postings {
                let tf = f64::from(tf);
                let norm = 1.0 - B + B * self.lengths[doc] as f64 / self.average_length.max(1.0);
                *scores.entry(doc).or_default() += idf * tf * (K1 + 1.0) / (tf + K1 * norm);
            }
        }
        scores
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_rarer_and_more_frequent_terms_higher() {
        let docs: Vec<Vec<String>> = [
            "the summit was held in vladivostok",
            "the the the leaders",
            "vladivostok vladivostok port city",
        ]
        .iter()
        .map(|d| tokens(d))
        .collect();
        let index = Bm25::new(&docs);
        let scores = index.scores(&tokens("Vladivostok"));
        assert!(scores[&2] > scores[&0]);
        assert!(!scores.contains_key(&1));
        assert_eq!(
            tokens("U.S.-Korea’s 1,000"),
            ["u", "s", "korea", "s", "1", "000"]
        );
    }
}
