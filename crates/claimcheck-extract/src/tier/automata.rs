//! The patterns' NFAs, compiled when the table in `prebuilt.rs` was written and carried in the
//! binary, so that a process rebuilds them from a list of states rather than compiling each
//! pattern's text (parsing, translating, and compiling a forward and a reverse NFA). Compiling
//! was most of what the first 100 KB a process reads paid once.
//!
//! `prebuilt.rs` is written by the test `prebuilt_automata_are_current`, from the patterns each
//! reader lists ([`listed`]): run it with `UPDATE_SNAPSHOTS=1` after changing a pattern. A
//! pattern whose text is not in the table is compiled as before, which costs time, not matches:
//! one changed and not written again, one of the tests', or one whose automata would take more
//! than [`MOST_WORDS`] numbers (the Unicode forms of the place and hearer patterns, whose letter
//! classes come to 75,000-224,000 each, for the few sentences with letters beyond ASCII), or
//! one with a number wider than a `u16`.
//!
//! The forward NFA is compiled as the meta regex compiles it; the reverse one, which only the
//! lazy DFA that finds where a match starts reads, is shrunk (`regex-automata`'s `shrink`, which
//! the meta regex leaves off): the same language in fewer states for most of these patterns
//! (the month-day date pattern's 191 against 251). The tests compare each prebuilt form's
//! matches with the meta regex's and the `regex` crate's, not only its states with the
//! compiled ones.
//!
//! Each NFA is a list of numbers: a header (flags, the anchored start, the unanchored start, the
//! pattern's start, the number of states), then each state as a tag and its fields, in the
//! NFA's own order, so that rebuilding it through `regex-automata`'s NFA builder gives every
//! state its former id. A state a state leads to is written as its distance from that state
//! (zigzag: 0, -1, 1, -2 as 0, 1, 2, 3), mostly a small number, so that every number fits in
//! a `u16` (the table's 184,000 numbers take 370 KB of the binary) and the table's text stays
//! short. The tests rebuild every listed pattern and compare the result with the compiled NFA
//! state by state.

use std::sync::Arc;

use regex_automata::nfa::thompson::{Builder, NFA, Transition};
use regex_automata::util::look::Look;
use regex_automata::util::primitives::StateID;

/// One pattern's automata.
pub(super) struct Entry {
    /// The pattern's text, as [`super::Tiered`] builds it.
    pub pattern: &'static str,
    /// Whether every match starts at the haystack's start (`^`), so that the meta regex would
    /// build no prefilter for it.
    pub anchored_start: bool,
    /// Whether every match ends at the haystack's end (`$`), is never empty, and may start
    /// anywhere: such a pattern is searched backwards from the end, as the meta regex searches
    /// it (see [`super::engine::Prebuilt`]).
    pub anchored_end: bool,
    pub forward: Automaton,
    pub reverse: Automaton,
}

/// One NFA: its states (see the module), and its capture groups' names by index.
pub(super) struct Automaton {
    pub words: &'static [u16],
    pub names: &'static [Option<&'static str>],
}

/// A state's distance from `from`, zigzag-coded (see the module).
#[cfg(test)]
fn relative(from: usize, to: usize) -> u32 {
    let d = to as i64 - from as i64;
    u32::try_from(if d < 0 { -2 * d - 1 } else { 2 * d }).expect("a small distance")
}

/// The state at zigzag-coded distance `coded` from `from`.
#[inline]
fn absolute(from: usize, coded: u32) -> Result<StateID, &'static str> {
    let d = i64::from(coded >> 1);
    let to = from as i64 + if coded & 1 == 1 { -d - 1 } else { d };
    usize::try_from(to)
        .ok()
        .and_then(|to| StateID::new(to).ok())
        .ok_or("a state out of range")
}

/// The longest list a pattern's two automata may take in the table: past it the pattern is
/// compiled when needed. The largest entry, the hearer pattern's form for text with curly
/// quotes, takes 19,905; the table holds about 184,000 numbers, and would hold about 979,000
/// with the Unicode forms of the place and hearer patterns.
#[cfg(test)]
const MOST_WORDS: usize = 25_000;

const UTF8: u32 = 1;
const REVERSE: u32 = 2;

const BYTE_RANGE: u32 = 0;
const SPARSE: u32 = 1;
const LOOK: u32 = 2;
const UNION: u32 = 3;
const BINARY_UNION: u32 = 4;
const CAPTURE_START: u32 = 5;
const CAPTURE_END: u32 = 6;
const FAIL: u32 = 7;
const MATCH: u32 = 8;

/// The table entry for `pattern`, if it has one.
pub(super) fn entry(pattern: &str) -> Option<&'static Entry> {
    super::prebuilt::TABLE
        .iter()
        .find(|e| e.pattern.len() == pattern.len() && e.pattern == pattern)
}

/// A list read from its start; a short list, or a state out of range, is an error, not a
/// panic (the NFA builder panics on a state it does not have).
struct Cursor<'a> {
    words: &'a [u16],
    at: usize,
    /// The number of states, which every state the list names must be below.
    states: usize,
}

impl Cursor<'_> {
    #[inline]
    fn next(&mut self) -> Result<u32, &'static str> {
        let w = *self
            .words
            .get(self.at)
            .ok_or("the automaton's list ends early")?;
        self.at += 1;
        Ok(u32::from(w))
    }

    /// State `id`, if the list has it.
    #[inline]
    fn state(&self, id: usize) -> Result<StateID, &'static str> {
        match StateID::new(id) {
            Ok(state) if id < self.states => Ok(state),
            _ => Err("a state out of range"),
        }
    }

    /// The state the next number leads to from state `from`.
    #[inline]
    fn to(&mut self, from: usize) -> Result<StateID, &'static str> {
        let to = absolute(from, self.next()?)?;
        self.state(to.as_usize())
    }

    /// A transition: the next number's byte range, and the state after it.
    #[inline]
    fn transition(&mut self, from: usize) -> Result<Transition, &'static str> {
        let w = self.next()?;
        let (start, end) = (w & 0xff, (w & 0xff) + (w >> 8));
        Ok(Transition {
            start: start as u8,
            end: u8::try_from(end).map_err(|_| "a bad byte range")?,
            next: self.to(from)?,
        })
    }
}

/// Rebuilds an NFA from its list.
pub(super) fn rebuild(automaton: &Automaton) -> Result<NFA, String> {
    thread_local! {
        /// One builder a thread, cleared for each NFA: its list of states keeps the room the
        /// largest NFA needed rather than growing again for each (a sixth of rebuilding).
        static BUILDER: std::cell::RefCell<Builder> = std::cell::RefCell::new(Builder::new());
    }
    BUILDER
        .with(|b| match b.try_borrow_mut() {
            Ok(mut builder) => {
                builder.clear();
                replay(automaton, &mut builder)
            }
            Err(_) => replay(automaton, &mut Builder::new()),
        })
        .map_err(str::to_string)
}

fn replay(automaton: &Automaton, builder: &mut Builder) -> Result<NFA, &'static str> {
    const REFUSED: &str = "the NFA builder refused the list";
    let mut c = Cursor {
        words: automaton.words,
        at: 0,
        states: 0,
    };
    let flags = c.next()?;
    let starts = [c.next()?, c.next()?, c.next()?];
    let states = c.next()?;
    c.states = states as usize;
    let (start_anchored, start_unanchored, start_pattern) = (
        c.state(starts[0] as usize)?,
        c.state(starts[1] as usize)?,
        c.state(starts[2] as usize)?,
    );
    builder.set_utf8(flags & UTF8 != 0);
    builder.set_reverse(flags & REVERSE != 0);
    builder.start_pattern().map_err(|_| REFUSED)?;
    for sid in 0..states as usize {
        let added = match c.next()? {
            BYTE_RANGE => builder.add_range(c.transition(sid)?),
            SPARSE => {
                let n = c.next()?;
                let mut transitions = Vec::with_capacity(n.min(256) as usize);
                for _ in 0..n {
                    transitions.push(c.transition(sid)?);
                }
                builder.add_sparse(transitions)
            }
            LOOK => {
                let look = Look::from_repr(c.next()?).ok_or("an unknown look-around")?;
                builder.add_look(c.to(sid)?, look)
            }
            UNION => {
                let n = c.next()?;
                let mut alternates = Vec::with_capacity(n.min(1024) as usize);
                for _ in 0..n {
                    alternates.push(c.to(sid)?);
                }
                builder.add_union(alternates)
            }
            BINARY_UNION => {
                let (a, b) = (c.to(sid)?, c.to(sid)?);
                builder.add_union(vec![a, b])
            }
            CAPTURE_START => {
                let to = c.to(sid)?;
                let group = c.next()?;
                let name = automaton
                    .names
                    .get(group as usize)
                    .copied()
                    .flatten()
                    .map(Arc::from);
                builder.add_capture_start(to, group, name)
            }
            CAPTURE_END => {
                let to = c.to(sid)?;
                builder.add_capture_end(to, c.next()?)
            }
            FAIL => builder.add_fail(),
            MATCH => builder.add_match(),
            _ => return Err("an unknown state tag"),
        };
        added.map_err(|_| REFUSED)?;
    }
    if c.at != c.words.len() {
        return Err("the automaton's list goes on past its states");
    }
    builder.finish_pattern(start_pattern).map_err(|_| REFUSED)?;
    builder
        .build(start_anchored, start_unanchored)
        .map_err(|_| REFUSED)
}

/// `nfa` as a list (see the module), with its groups' names.
#[cfg(test)]
pub(super) fn listing(nfa: &NFA) -> (Vec<u32>, Vec<Option<String>>) {
    use regex_automata::PatternID;
    use regex_automata::nfa::thompson::State;
    let range = |t: &Transition| u32::from(t.start) | u32::from(t.end - t.start) << 8;
    assert_eq!(nfa.pattern_len(), 1, "one pattern an NFA");
    let mut words = vec![
        (if nfa.is_utf8() { UTF8 } else { 0 }) | (if nfa.is_reverse() { REVERSE } else { 0 }),
        nfa.start_anchored().as_u32(),
        nfa.start_unanchored().as_u32(),
        nfa.start_pattern(PatternID::ZERO)
            .expect("one pattern")
            .as_u32(),
        u32::try_from(nfa.states().len()).expect("fewer than 2^32 states"),
    ];
    let info = nfa.group_info();
    for (sid, state) in nfa.states().iter().enumerate() {
        let to = |s: StateID| relative(sid, s.as_usize());
        match state {
            State::ByteRange { trans } => words.extend([BYTE_RANGE, range(trans), to(trans.next)]),
            State::Sparse(sparse) => {
                words.extend([SPARSE, sparse.transitions.len() as u32]);
                for t in sparse.transitions.iter() {
                    words.extend([range(t), to(t.next)]);
                }
            }
            State::Dense(_) => panic!("the compiler builds no dense states"),
            State::Look { look, next } => words.extend([LOOK, look.as_repr(), to(*next)]),
            State::Union { alternates } => {
                words.extend([UNION, alternates.len() as u32]);
                words.extend(alternates.iter().map(|&s| to(s)));
            }
            State::BinaryUnion { alt1, alt2 } => words.extend([BINARY_UNION, to(*alt1), to(*alt2)]),
            State::Capture {
                next,
                group_index,
                slot,
                ..
            } => {
                let start = info
                    .slot(PatternID::ZERO, group_index.as_usize())
                    .expect("a known group");
                let tag = if slot.as_usize() == start {
                    CAPTURE_START
                } else {
                    CAPTURE_END
                };
                words.extend([tag, to(*next), group_index.as_u32()]);
            }
            State::Fail => words.push(FAIL),
            State::Match { .. } => words.push(MATCH),
        }
    }
    let names = info
        .pattern_names(PatternID::ZERO)
        .map(|n| n.map(str::to_string))
        .collect();
    (words, names)
}

/// `pattern`'s forward NFA, compiled as the meta regex compiles it, its reverse NFA, shrunk (see
/// the module), and whether it is anchored at the start and at the end (see [`Entry`]).
#[cfg(test)]
pub(super) fn compile(pattern: &str) -> (NFA, NFA, bool, bool) {
    use regex_automata::nfa::thompson::{Compiler, Config, WhichCaptures};
    use regex_automata::util::syntax;
    let hir = syntax::parse_with(pattern, &syntax::Config::new().utf8(true))
        .unwrap_or_else(|e| panic!("invalid pattern {pattern}: {e}"));
    let config = Config::new().utf8(true).shrink(false);
    let forward = Compiler::new()
        .configure(config.clone().which_captures(WhichCaptures::All))
        .build_from_hir(&hir)
        .expect("the forward NFA compiles");
    let reverse = Compiler::new()
        .configure(
            config
                .which_captures(WhichCaptures::None)
                .reverse(true)
                .shrink(true),
        )
        .build_from_hir(&hir)
        .expect("the reverse NFA compiles");
    let properties = hir.properties();
    let anchored_start = properties
        .look_set_prefix()
        .contains(regex_syntax::hir::Look::Start);
    let anchored_end = !anchored_start
        && properties
            .look_set_suffix()
            .contains(regex_syntax::hir::Look::End)
        && properties.minimum_len().is_some_and(|n| n > 0);
    (forward, reverse, anchored_start, anchored_end)
}

/// Every pattern the readers list, each text once, in the order listed.
#[cfg(test)]
pub(super) fn listed() -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    crate::date::tiered_patterns()
        .into_iter()
        .chain(crate::distance::tiered_patterns())
        .chain(crate::event::tiered_patterns())
        .chain(crate::number::tiered_patterns())
        .chain(crate::quantity::tiered_patterns())
        .chain(crate::attribution::tiered_patterns())
        .map(super::Tiered::pattern)
        .filter(|p| seen.insert(p.clone()))
        .collect()
}

/// `numbers` as the items of an array in a generated file: each on the line after the last,
/// each line starting with `indent` and at most `width` long after it (without the line break
/// before the first item's line).
#[cfg(test)]
pub(super) fn push_numbers(
    out: &mut String,
    indent: &str,
    width: usize,
    numbers: impl IntoIterator<Item = u32>,
) {
    let mut line = 0;
    for n in numbers {
        let text = format!("{n},");
        if line == 0 || line + text.len() > width {
            out.push('\n');
            out.push_str(indent);
            line = 0;
        }
        out.push_str(&text);
        line += text.len();
    }
}

/// The text of `prebuilt.rs` for `patterns`.
#[cfg(test)]
pub(super) fn table_source(patterns: &[String]) -> String {
    use std::fmt::Write;
    fn automaton(out: &mut String, field: &str, (words, names): (Vec<u32>, Vec<Option<String>>)) {
        let _ = writeln!(out, "        {field}: Automaton {{");
        let _ = writeln!(out, "            names: &{names:?},");
        out.push_str("            words: &[");
        let words = words
            .into_iter()
            .map(|w| u32::from(u16::try_from(w).expect("lists with wider numbers are left out")));
        push_numbers(out, "                ", 84, words);
        out.push_str("\n            ],\n        },\n");
    }
    let mut out = String::from(
        "//! Written by the test `prebuilt_automata_are_current` (`tier/automata.rs`); do not edit.\n\
         //! Each pattern's forward and reverse NFAs as lists of states (see `tier/automata.rs`).\n\n\
         use super::automata::{Automaton, Entry};\n\n\
         #[rustfmt::skip]\n\
         pub(super) static TABLE: &[Entry] = &[\n",
    );
    for pattern in patterns {
        let (forward, reverse, anchored_start, anchored_end) = compile(pattern);
        let (forward, reverse) = (listing(&forward), listing(&reverse));
        // Left out, to be compiled when needed: the largest, and any with a number past a
        // `u16` (a look-around such as `\b{start-half}` is written as 1 << 16 or more).
        let wide = |list: &[u32]| list.iter().any(|&w| w > u32::from(u16::MAX));
        if forward.0.len() + reverse.0.len() > MOST_WORDS || wide(&forward.0) || wide(&reverse.0) {
            continue;
        }
        let _ = writeln!(out, "    Entry {{\n        pattern: {pattern:?},");
        let _ = writeln!(out, "        anchored_start: {anchored_start},");
        let _ = writeln!(out, "        anchored_end: {anchored_end},");
        automaton(&mut out, "forward", forward);
        automaton(&mut out, "reverse", reverse);
        out.push_str("    },\n");
    }
    out.push_str("];\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex_automata::PatternID;

    /// The table holds every listed pattern's automata as compiling it gives them now. When a
    /// pattern changes, run this test with `UPDATE_SNAPSHOTS=1` to write the table again.
    #[test]
    fn prebuilt_automata_are_current() {
        let patterns = listed();
        assert!(patterns.len() > 60, "{} patterns listed", patterns.len());
        claimcheck_core::generated::assert_current(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tier/prebuilt.rs"),
            &table_source(&patterns),
            "cargo test -p claimcheck-extract prebuilt_automata",
        );
    }

    /// Each listed pattern's automata rebuilt from the table are the compiled ones, state for
    /// state, with the same starts and groups.
    #[test]
    fn rebuilt_automata_are_the_compiled_ones() {
        let listed = listed();
        assert!(super::super::prebuilt::TABLE.len() > 50);
        for entry in super::super::prebuilt::TABLE {
            let pattern = entry.pattern;
            assert!(listed.iter().any(|p| p == pattern), "{pattern} is listed");
            let (forward, reverse, anchored_start, anchored_end) = compile(pattern);
            assert_eq!(entry.anchored_start, anchored_start, "{pattern}");
            assert_eq!(entry.anchored_end, anchored_end, "{pattern}");
            for (built, automaton) in [(forward, &entry.forward), (reverse, &entry.reverse)] {
                let rebuilt = rebuild(automaton).expect("the table's automata rebuild");
                assert_eq!(rebuilt.states(), built.states(), "{pattern}");
                assert_eq!(rebuilt.start_anchored(), built.start_anchored());
                assert_eq!(rebuilt.start_unanchored(), built.start_unanchored());
                assert_eq!(
                    rebuilt.start_pattern(PatternID::ZERO),
                    built.start_pattern(PatternID::ZERO)
                );
                assert_eq!(rebuilt.is_utf8(), built.is_utf8());
                assert_eq!(rebuilt.is_reverse(), built.is_reverse());
                assert_eq!(rebuilt.look_set_any(), built.look_set_any());
                assert_eq!(rebuilt.has_empty(), built.has_empty());
                assert_eq!(
                    format!("{:?}", rebuilt.byte_classes()),
                    format!("{:?}", built.byte_classes())
                );
                let names = |n: &NFA| -> Vec<Vec<Option<String>>> {
                    n.group_info()
                        .all_names()
                        .fold(Vec::new(), |mut v, (pid, i, name)| {
                            if v.len() <= pid.as_usize() {
                                v.push(Vec::new());
                            }
                            v[pid.as_usize()].push(name.map(|s| format!("{i}:{s}")));
                            v
                        })
                };
                assert_eq!(names(&rebuilt), names(&built), "{pattern}");
                assert_eq!(
                    rebuilt.group_info().slot_len(),
                    built.group_info().slot_len(),
                    "{pattern}"
                );
            }
        }
    }

    /// A list cut short or holding an unknown tag is refused, not a panic.
    #[test]
    fn broken_lists_are_refused() {
        let entry = &super::super::prebuilt::TABLE[0];
        let words = entry.forward.words;
        for cut in [0, 3, 5, words.len() / 2, words.len() - 1] {
            let short = Automaton {
                words: &words[..cut],
                names: entry.forward.names,
            };
            assert!(rebuild(&short).is_err(), "cut at {cut}");
        }
        let broken = |f: &dyn Fn(&mut Vec<u16>)| {
            let mut list = words.to_vec();
            f(&mut list);
            rebuild(&Automaton {
                words: Vec::leak(list),
                names: entry.forward.names,
            })
        };
        // An unknown tag, a start past the states, fewer states than the list holds, more
        // than it holds, a transition to a state past the last, and a list that goes on.
        assert!(broken(&|l| l[5] = 99).is_err());
        assert!(broken(&|l| l[1] = 60_000).is_err());
        assert!(broken(&|l| l[4] -= 1).is_err());
        assert!(broken(&|l| l[4] += 1).is_err());
        assert!(
            broken(&|l| {
                let last = l.len() - 1;
                l[last] = 60_000;
            })
            .is_err()
        );
        assert!(broken(&|l| l.push(0)).is_err());
        assert!(broken(&|_| ()).is_ok());
    }

    /// Distances come back as they went in.
    #[test]
    fn distances_read_back() {
        for (from, to) in [(0, 0), (5, 4), (4, 5), (100, 0), (0, 100), (7, 7)] {
            assert_eq!(
                absolute(from, relative(from, to)).ok(),
                StateID::new(to).ok()
            );
        }
        assert!(absolute(0, 1).is_err(), "before the first state");
    }
}
