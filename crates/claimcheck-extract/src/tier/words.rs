//! The trigger words' automaton ([`super::TriggerWords`]) as a plain table of transitions, and
//! the loop that reads a haystack with it.
//!
//! The automaton is `aho-corasick`'s DFA for the words, read out state by state through the
//! crate's public `Automaton` trait ([`Table::of`]): which state each byte leads to from each
//! state, which words end in each state. The crate cannot save an automaton, and building its
//! DFA for the date patterns' gate words and the attribution cues (278 words and 718 states then) cost
//! a process 5.4 M instructions, 6% of extracting from the first 100 KB (a process's first
//! 64 KB were read with its contiguous NFA instead, cheaper to build and slower to read, which
//! cost a 10 KB text 1.7 M). So the table for that list is written to `trigger_table.rs` by the test
//! `trigger_table_is_current` and carried in the binary, read in place: no process builds
//! it. Any other list (the tests'), or that list after a pattern's gate words changed and
//! before the table is written again (the test then fails), is built when first needed, by
//! the crate, and read out the same way.
//!
//! The states are numbered with the states where a word ends first, so that one comparison
//! tells whether a state ends a word, and each number is multiplied by the number of byte
//! classes, so that a step is one load from the state plus the byte's class.

use aho_corasick::Anchored;
use aho_corasick::automaton::{Automaton, StateID};

/// A DFA that finds every occurrence of each of its words, overlapping ones too, as
/// `aho-corasick`'s overlapping search finds them.
pub(crate) struct Table {
    /// The words, sorted, each followed by a line break: the list the table was made for.
    pub words: &'static str,
    /// Each byte's class; bytes that lead every state to the same state share one.
    pub classes: [u8; 256],
    /// The number of classes, which each state's number is multiplied by.
    pub stride: u32,
    pub start: u32,
    /// The states where a word ends are those numbered below this.
    pub match_below: u32,
    /// The words ending in the `i`-th such state are `match_words[match_bounds[i]..
    /// match_bounds[i + 1]]`, by their place in the list, in the order the crate gives them.
    pub match_bounds: &'static [u32],
    pub match_words: &'static [u32],
    /// The state each (state, class) leads to at `state + class`.
    pub trans: &'static [u32],
}

/// A [`Table`] and what reading with it needs of its words.
pub(super) struct WordsDfa {
    table: &'static Table,
    /// Each word's length in bytes, by its place in the list.
    lens: Box<[u32]>,
    max_len: usize,
}

impl WordsDfa {
    /// The automaton for `words` (sorted, without duplicates): the prebuilt table when it was
    /// made for these words, else one built now.
    pub(super) fn for_words(words: &[&str]) -> Self {
        let prebuilt = &super::trigger_table::TRIGGER_TABLE;
        let table = if prebuilt
            .words
            .split_terminator('\n')
            .eq(words.iter().copied())
        {
            prebuilt
        } else {
            // Kept for the rest of the process, as the table carried in the binary is: a list
            // of trigger words is a static, built once.
            Box::leak(Box::new(Table::build(words)))
        };
        WordsDfa {
            table,
            lens: words.iter().map(|w| w.len() as u32).collect(),
            max_len: words.iter().map(|w| w.len()).max().unwrap_or(0),
        }
    }

    /// Whether this is the table carried in the binary.
    #[cfg(test)]
    pub(super) fn is_prebuilt(&self) -> bool {
        std::ptr::eq(self.table, &super::trigger_table::TRIGGER_TABLE)
    }

    pub(super) fn start(&self) -> u32 {
        self.table.start
    }

    /// The longest word's length in bytes.
    pub(super) fn max_len(&self) -> usize {
        self.max_len
    }

    /// The state `byte` leads `state` to.
    #[inline(always)]
    pub(super) fn next(&self, state: u32, byte: u8) -> u32 {
        let t = self.table;
        t.trans[(state + u32::from(t.classes[usize::from(byte)])) as usize]
    }

    /// Whether a word ends in `state`.
    #[inline(always)]
    pub(super) fn ends_word(&self, state: u32) -> bool {
        state < self.table.match_below
    }

    /// Gives `keep` each word (its place in the list and its start) that ends at `end` in
    /// `state` and starts before `before`.
    #[inline(always)]
    pub(super) fn push_matches(
        &self,
        (state, end): (u32, usize),
        before: usize,
        keep: &mut impl FnMut(usize, usize),
    ) {
        if !self.ends_word(state) {
            return;
        }
        let t = self.table;
        let i = (state / t.stride) as usize;
        let (from, to) = (t.match_bounds[i] as usize, t.match_bounds[i + 1] as usize);
        for &w in &t.match_words[from..to] {
            let start = end - self.lens[w as usize] as usize;
            if start < before {
                keep(w as usize, start);
            }
        }
    }
}

impl Table {
    /// The table of `aho-corasick`'s DFA for `words`, built now.
    fn build(words: &[&str]) -> Self {
        let (text, built) = read_out(words);
        Table {
            words: Box::leak(text.into_boxed_str()),
            classes: built.classes,
            stride: built.stride,
            start: built.start,
            match_below: built.match_below,
            match_bounds: built.match_bounds.leak(),
            match_words: built.match_words.leak(),
            trans: built.trans.leak(),
        }
    }
}

/// The text of [`Table::words`] for `words`, and the parts of the crate's DFA for them.
fn read_out(words: &[&str]) -> (String, Built) {
    let dfa = aho_corasick::dfa::Builder::new()
        .prefilter(false)
        .build(words)
        .expect("trigger words build an automaton");
    let mut text = String::new();
    for w in words {
        text.push_str(w);
        text.push('\n');
    }
    (text, Built::of(&dfa))
}

/// A [`Table`]'s parts, read out of an automaton.
pub(super) struct Built {
    pub classes: [u8; 256],
    pub stride: u32,
    pub start: u32,
    pub match_below: u32,
    pub match_bounds: Vec<u32>,
    pub match_words: Vec<u32>,
    pub trans: Vec<u32>,
}

impl Built {
    /// Every state of `dfa` reachable from its unanchored start, and its transitions and
    /// words, renumbered (see the module).
    pub(super) fn of<A: Automaton>(dfa: &A) -> Self {
        let start = dfa
            .start_state(Anchored::No)
            .expect("an automaton built for unanchored searches");
        // The states in the order they are reached, breadth first.
        let mut states = vec![start];
        let mut seen = std::collections::HashSet::from([start]);
        let mut i = 0;
        while let Some(&s) = states.get(i) {
            for b in 0..=255u8 {
                let next = dfa.next_state(Anchored::No, s, b);
                if seen.insert(next) {
                    states.push(next);
                }
            }
            i += 1;
        }
        // Words' ends first. (An unanchored search never reaches the dead state: every failed
        // word falls back to a shorter one or the start.)
        states.sort_by_key(|&s| !dfa.is_match(s));
        let number: std::collections::HashMap<StateID, u32> = states
            .iter()
            .enumerate()
            .map(|(i, &s)| (s, i as u32))
            .collect();
        // Bytes whose columns are the same are one class.
        let mut classes = [0u8; 256];
        let mut columns: Vec<Vec<u32>> = Vec::new();
        for b in 0..=255u8 {
            let column: Vec<u32> = states
                .iter()
                .map(|&s| number[&dfa.next_state(Anchored::No, s, b)])
                .collect();
            let class = match columns.iter().position(|c| *c == column) {
                Some(class) => class,
                None => {
                    columns.push(column);
                    columns.len() - 1
                }
            };
            classes[usize::from(b)] = u8::try_from(class).expect("at most 256 classes");
        }
        let stride = columns.len() as u32;
        let mut trans = vec![0u32; states.len() * columns.len()];
        for (class, column) in columns.iter().enumerate() {
            for (state, &next) in column.iter().enumerate() {
                trans[state * columns.len() + class] = next * stride;
            }
        }
        let matching = states.iter().take_while(|&&s| dfa.is_match(s));
        let mut match_bounds = vec![0u32];
        let mut match_words = Vec::new();
        for &s in matching {
            match_words.extend((0..dfa.match_len(s)).map(|k| dfa.match_pattern(s, k).as_u32()));
            match_bounds.push(match_words.len() as u32);
        }
        Built {
            classes,
            stride,
            start: number[&start] * stride,
            match_below: (match_bounds.len() as u32 - 1) * stride,
            match_bounds,
            match_words,
            trans,
        }
    }
}

/// The text of `trigger_table.rs`: the table for `words` (sorted, without duplicates).
#[cfg(test)]
pub(super) fn table_source(words: &[&str]) -> String {
    use std::fmt::Write;
    fn numbers(out: &mut String, field: &str, list: &[u32]) {
        let _ = write!(out, "    {field}: &[");
        super::automata::push_numbers(out, "        ", 88, list.iter().copied());
        out.push_str("\n    ],\n");
    }
    assert!(
        words.iter().all(|w| !w.contains('\n')),
        "a trigger word with a line break"
    );
    let (text, built) = read_out(words);
    let mut out = String::from(
        "//! Written by the test `trigger_table_is_current` (`tier/words.rs`); do not edit.\n\
         //! The trigger words' automaton as a table of transitions (see `tier/words.rs`).\n\n\
         use super::words::Table;\n\n\
         #[rustfmt::skip]\n\
         pub(super) static TRIGGER_TABLE: Table = Table {\n",
    );
    let _ = writeln!(out, "    words: {text:?},");
    let _ = writeln!(out, "    classes: {:?},", built.classes);
    let _ = writeln!(out, "    stride: {},", built.stride);
    let _ = writeln!(out, "    start: {},", built.start);
    let _ = writeln!(out, "    match_below: {},", built.match_below);
    numbers(&mut out, "match_bounds", &built.match_bounds);
    numbers(&mut out, "match_words", &built.match_words);
    numbers(&mut out, "trans", &built.trans);
    out.push_str("};\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table carried in the binary is the one the date patterns' gate words and the
    /// attribution cues give now. After changing either, run this test with `UPDATE_SNAPSHOTS=1`
    /// to write it again.
    #[test]
    fn trigger_table_is_current() {
        let words = &crate::date::TRIGGER_WORDS.words;
        assert!(words.len() > 200, "{} trigger words", words.len());
        claimcheck_core::generated::assert_current(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tier/trigger_table.rs"),
            &table_source(words),
            "cargo test -p claimcheck-extract trigger_table",
        );
        assert!(WordsDfa::for_words(words).is_prebuilt());
        assert!(!WordsDfa::for_words(&words[1..]).is_prebuilt());
    }
}
