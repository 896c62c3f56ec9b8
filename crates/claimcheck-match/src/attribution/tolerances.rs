//! How close a quote must be to a source's words to count as found, and how hard the matcher
//! looks, with the reason for each default.

/// The thresholds of quote matching. The defaults are the named constants below.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QuoteTolerances {
    /// Lowest character similarity (strsim normalised Levenshtein over the normalised words)
    /// between a quote and its best place in a source for the words to count as found there.
    pub found_score: f64,
    /// Lowest share of the quote's words that must stand unchanged in that place.
    pub found_same_share: f64,
    /// Quotes of at most this many words must be found exactly: a fuzzy match of two words
    /// says nothing.
    pub short_quote_words: usize,
    /// The most source words an ellipsis in a quote may stand for.
    pub max_ellipsis_gap: usize,
    /// A quote word found more often than this in a source does not vote for candidate places
    /// (unless no word of the quote is rarer), so common words do not flood the search.
    pub max_anchor_occurrences: usize,
    /// How many candidate places per source are aligned word by word.
    pub candidates: usize,
    /// An indirect claim is supported only when at least this share of its content words
    /// stand together in one passage of the source.
    pub indirect_coverage: f64,
    /// An indirect claim is contradicted (a number or a negation differs) only when the rest of
    /// its content words cover at least this share of one passage's match: a clear match.
    pub indirect_contradict_coverage: f64,
    /// The content words found must keep at least this share of their order in the passage.
    pub indirect_order: f64,
    /// An indirect claim with fewer content words than this cannot be matched with confidence.
    pub indirect_min_words: usize,
}

/// Default [`QuoteTolerances::found_score`]: 0.75. One changed word in a quote of five or more
/// stays above it (so the change can be reported), while a quote that merely shares a few words
/// with a passage falls well below it (about 0.3 to 0.5).
pub const DEFAULT_FOUND_SCORE: f64 = 0.75;
/// Default [`QuoteTolerances::found_same_share`]: 0.6, so that most of the words are the
/// quote's own and a match is not made of near-miss spellings.
pub const DEFAULT_FOUND_SAME_SHARE: f64 = 0.6;
/// Default [`QuoteTolerances::short_quote_words`]: 3 words.
pub const DEFAULT_SHORT_QUOTE_WORDS: usize = 3;
/// Default [`QuoteTolerances::max_ellipsis_gap`]: 40 words, about two sentences.
pub const DEFAULT_MAX_ELLIPSIS_GAP: usize = 40;
/// Default [`QuoteTolerances::max_anchor_occurrences`]: 50 occurrences.
pub const DEFAULT_MAX_ANCHOR_OCCURRENCES: usize = 50;
/// Default [`QuoteTolerances::candidates`]: 8 places, enough for a quote repeated in a source
/// and for a few decoys that share its rarer words.
pub const DEFAULT_CANDIDATES: usize = 8;
/// Default [`QuoteTolerances::indirect_coverage`]: 0.8 of the content words.
pub const DEFAULT_INDIRECT_COVERAGE: f64 = 0.8;
/// Default [`QuoteTolerances::indirect_contradict_coverage`]: 0.85, stricter than support,
/// because a contradiction is the stronger statement.
pub const DEFAULT_INDIRECT_CONTRADICT_COVERAGE: f64 = 0.85;
/// Default [`QuoteTolerances::indirect_order`]: 0.7 of the words in the same order.
pub const DEFAULT_INDIRECT_ORDER: f64 = 0.7;
/// Default [`QuoteTolerances::indirect_min_words`]: 3 content words.
pub const DEFAULT_INDIRECT_MIN_WORDS: usize = 3;

impl Default for QuoteTolerances {
    fn default() -> Self {
        QuoteTolerances {
            found_score: DEFAULT_FOUND_SCORE,
            found_same_share: DEFAULT_FOUND_SAME_SHARE,
            short_quote_words: DEFAULT_SHORT_QUOTE_WORDS,
            max_ellipsis_gap: DEFAULT_MAX_ELLIPSIS_GAP,
            max_anchor_occurrences: DEFAULT_MAX_ANCHOR_OCCURRENCES,
            candidates: DEFAULT_CANDIDATES,
            indirect_coverage: DEFAULT_INDIRECT_COVERAGE,
            indirect_contradict_coverage: DEFAULT_INDIRECT_CONTRADICT_COVERAGE,
            indirect_order: DEFAULT_INDIRECT_ORDER,
            indirect_min_words: DEFAULT_INDIRECT_MIN_WORDS,
        }
    }
}

impl QuoteTolerances {
    /// How far, in words, an alignment may start from a candidate place or stretch beyond the
    /// quote's length: a fifth of the quote, at least 2 words.
    pub(crate) fn slack(&self, quote_words: usize) -> usize {
        (quote_words / 5).max(2)
    }
}
