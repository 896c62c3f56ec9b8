//! What the tests share: a small deterministic source of choices for generated texts.

/// Choices from a fixed seed (xorshift64), so that a generated text that fails a test is the
/// same at every run.
pub(crate) struct Picks(u64);

impl Picks {
    pub(crate) fn new(seed: u64) -> Picks {
        Picks(seed.max(1))
    }

    /// A number below `n`.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        usize::try_from(self.0 % n as u64).expect("below n")
    }

    /// `count` of `pieces`, each picked at random, one after another.
    pub(crate) fn text(&mut self, pieces: &[&str], count: usize) -> String {
        (0..count)
            .map(|_| pieces[self.below(pieces.len())])
            .collect()
    }
}

/// Generated texts held against a cheap test of a pattern's matches: the test must let through
/// every text the pattern matches (`found`), and should turn many others away.
#[derive(Debug, Default)]
pub(crate) struct GateTally {
    pub(crate) found: usize,
    pub(crate) turned_away: usize,
}

impl GateTally {
    /// Counts `text`, which the pattern matches or not, and which the test (`gate`) lets
    /// through or not; panics, naming `what`, where the test turned a match away.
    pub(crate) fn count(&mut self, what: &str, text: &str, matches: bool, gate: bool) {
        if matches {
            assert!(gate, "{what} turned a match away: {text:?}");
            self.found += 1;
        } else if !gate {
            self.turned_away += 1;
        }
    }
}

/// Holds a cheap test (`gate`) to its pattern (`matches`) over `texts` generated texts, each
/// `filler` and then `1 + below(most)` of `pieces` from a generator seeded with `seed`; panics,
/// naming `what`, at a match the test turns away, and returns the tally.
pub(crate) fn hold_gate(
    what: &str,
    (seed, texts): (u64, usize),
    (filler, pieces, most): (&str, &[&str], usize),
    matches: impl Fn(&str) -> bool,
    gate: impl Fn(&str) -> bool,
) -> GateTally {
    let mut picks = Picks::new(seed);
    let mut tally = GateTally::default();
    for _ in 0..texts {
        let count = 1 + picks.below(most);
        let text = format!("{filler}{}", picks.text(pieces, count));
        tally.count(what, &text, matches(&text), gate(&text));
    }
    tally
}

/// White space and a comma, the pieces that stand between words in the generated texts of the
/// gate tests: mostly a space, and the no-break space and line break a pattern's `\s` matches.
pub(crate) const SPACES: [&str; 7] = [" ", " ", " ", "  ", "\u{a0}", "\n", ","];

/// The pieces of a gate test's texts: `words` and the [`SPACES`] between them.
pub(crate) fn with_spaces<'a>(words: &[&'a str]) -> Vec<&'a str> {
    [words, &SPACES[..]].concat()
}
