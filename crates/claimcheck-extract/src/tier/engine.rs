//! The engines behind a pattern's `regex` form: the `regex` crate's own (the meta regex,
//! compiled from the pattern's text), or the same engines started from automata carried in the
//! binary ([`super::automata`]), which spares a process compiling them.
//!
//! A prebuilt form searches as the meta regex does with no prefilter and no one-pass DFA: the
//! lazy DFAs find a match's bounds, then the bounded backtracker (or the PikeVM, for a span too
//! long for it) its groups within them; when a lazy DFA gives up, the backtracker or the PikeVM
//! reads the whole search. Every engine of `regex-automata` finds the same leftmost-first
//! matches with the same groups, so the two kinds of form find the same; only the time differs.

use regex_automata::hybrid;
use regex_automata::nfa::thompson::{NFA, backtrack, pikevm};
use regex_automata::util::captures::{Captures, GroupInfo};
use regex_automata::util::primitives::NonMaxUsize;
use regex_automata::{Anchored, HalfMatch, Input, Match, MatchKind, PatternID, meta};

/// A pattern's `regex` form.
pub(crate) enum Engine {
    Meta(meta::Regex),
    Prebuilt(Box<Prebuilt>),
}

/// A thread's search state for an [`Engine`]. Each thread holds one for each pattern it has
/// searched with, in place: boxing the larger variant would add a load to every search.
#[allow(clippy::large_enum_variant)]
pub(crate) enum Cache {
    Meta(meta::Cache),
    Prebuilt(PrebuiltCache),
}

/// The engines a prebuilt form searches with.
pub(crate) struct Prebuilt {
    /// `None` when the lazy DFAs could not be built with the cache capacity allowed (as the
    /// meta regex then goes without them).
    hybrid: Option<hybrid::regex::Regex>,
    backtrack: backtrack::BoundedBacktracker,
    pikevm: pikevm::PikeVM,
    group_info: GroupInfo,
}

/// A thread's state for a [`Prebuilt`] form; the fallback engines' states are made when first
/// needed, as the meta regex makes them.
pub(crate) struct PrebuiltCache {
    hybrid: Option<hybrid::regex::Cache>,
    backtrack: Option<backtrack::Cache>,
    pikevm: Option<pikevm::Cache>,
}

impl Prebuilt {
    /// The engines over the forward NFA `nfa` and the reverse NFA `reverse` of one pattern,
    /// configured as the meta regex configures them for a pattern without a prefilter, with a
    /// lazy DFA cache of at most `cache_capacity` bytes.
    pub(crate) fn new(nfa: NFA, reverse: NFA, cache_capacity: usize) -> Result<Self, String> {
        let dfa = hybrid::dfa::Config::new()
            .match_kind(MatchKind::LeftmostFirst)
            .starts_for_each_pattern(true)
            .unicode_word_boundary(true)
            .specialize_start_states(false)
            .cache_capacity(cache_capacity)
            .skip_cache_capacity_check(false)
            .minimum_cache_clear_count(Some(3))
            .minimum_bytes_per_state(Some(10));
        let forward = hybrid::dfa::Builder::new()
            .configure(dfa.clone())
            .build_from_nfa(nfa.clone());
        let backward = hybrid::dfa::Builder::new()
            .configure(dfa.match_kind(MatchKind::All))
            .build_from_nfa(reverse);
        let hybrid = match (forward, backward) {
            (Ok(f), Ok(b)) => Some(hybrid::regex::Builder::new().build_from_dfas(f, b)),
            _ => None,
        };
        let backtrack = backtrack::Builder::new()
            .build_from_nfa(nfa.clone())
            .map_err(|e| e.to_string())?;
        let pikevm = pikevm::Builder::new()
            .configure(pikevm::Config::new().match_kind(MatchKind::LeftmostFirst))
            .build_from_nfa(nfa.clone())
            .map_err(|e| e.to_string())?;
        Ok(Prebuilt {
            hybrid,
            backtrack,
            pikevm,
            group_info: nfa.group_info().clone(),
        })
    }

    fn create_cache(&self) -> PrebuiltCache {
        PrebuiltCache {
            hybrid: self.hybrid.as_ref().map(hybrid::regex::Regex::create_cache),
            backtrack: None,
            pikevm: None,
        }
    }

    /// The first match's slots by the engines that cannot give up: the backtracker where the
    /// span is short enough for it, else the PikeVM (the meta regex's choice).
    fn slots_nofail(
        &self,
        cache: &mut PrebuiltCache,
        input: &Input<'_>,
        slots: &mut [Option<NonMaxUsize>],
    ) -> Option<PatternID> {
        let backtracks = !(input.get_earliest() && input.haystack().len() > 128)
            && input.get_span().len() < self.backtrack.max_haystack_len();
        if backtracks {
            let state = cache
                .backtrack
                .get_or_insert_with(|| self.backtrack.create_cache());
            self.backtrack
                .try_search_slots(state, input, slots)
                .expect("the span fits the backtracker")
        } else {
            let state = cache
                .pikevm
                .get_or_insert_with(|| self.pikevm.create_cache());
            self.pikevm.search_slots(state, input, slots)
        }
    }

    fn match_nofail(&self, cache: &mut PrebuiltCache, input: &Input<'_>) -> Option<Match> {
        let mut slots = [None, None];
        let pid = self.slots_nofail(cache, input, &mut slots)?;
        let (start, end) = (slots[0]?.get(), slots[1]?.get());
        Some(Match::new(pid, start..end))
    }

    fn search(&self, cache: &mut PrebuiltCache, input: &Input<'_>) -> Option<Match> {
        if let (Some(h), Some(state)) = (&self.hybrid, &mut cache.hybrid)
            && let Ok(found) = h.try_search(state, input)
        {
            return found;
        }
        self.match_nofail(cache, input)
    }

    fn search_half(&self, cache: &mut PrebuiltCache, input: &Input<'_>) -> Option<HalfMatch> {
        if let (Some(h), Some(state)) = (&self.hybrid, &mut cache.hybrid)
            && let Ok(found) = h.forward().try_search_fwd(state.as_parts_mut().0, input)
        {
            return found;
        }
        self.match_nofail(cache, input)
            .map(|m| HalfMatch::new(m.pattern(), m.end()))
    }

    fn search_slots(
        &self,
        cache: &mut PrebuiltCache,
        input: &Input<'_>,
        slots: &mut [Option<NonMaxUsize>],
    ) -> Option<PatternID> {
        if slots.len() <= self.group_info.implicit_slot_len() {
            let m = self.search(cache, input)?;
            if let Some(slot) = slots.get_mut(0) {
                *slot = NonMaxUsize::new(m.start());
            }
            if let Some(slot) = slots.get_mut(1) {
                *slot = NonMaxUsize::new(m.end());
            }
            return Some(m.pattern());
        }
        let m = match (&self.hybrid, &mut cache.hybrid) {
            (Some(h), Some(state)) => match h.try_search(state, input) {
                Ok(Some(m)) => m,
                Ok(None) => return None,
                Err(_) => return self.slots_nofail(cache, input, slots),
            },
            _ => return self.slots_nofail(cache, input, slots),
        };
        // The groups, read within the match's bounds only.
        let input = input
            .clone()
            .span(m.start()..m.end())
            .anchored(Anchored::Pattern(m.pattern()));
        Some(
            self.slots_nofail(cache, &input, slots)
                .expect("a match found by the lazy DFAs is found again"),
        )
    }
}

impl Engine {
    pub(crate) fn create_cache(&self) -> Cache {
        match self {
            Engine::Meta(re) => Cache::Meta(re.create_cache()),
            Engine::Prebuilt(p) => Cache::Prebuilt(p.create_cache()),
        }
    }

    pub(crate) fn create_captures(&self) -> Captures {
        Captures::all(self.group_info().clone())
    }

    pub(crate) fn group_info(&self) -> &GroupInfo {
        match self {
            Engine::Meta(re) => re.group_info(),
            Engine::Prebuilt(p) => &p.group_info,
        }
    }

    /// The first match in `input` with its groups, in `caps`.
    pub(crate) fn search_captures_with(
        &self,
        cache: &mut Cache,
        input: &Input<'_>,
        caps: &mut Captures,
    ) {
        match (self, cache) {
            (Engine::Meta(re), Cache::Meta(c)) => re.search_captures_with(c, input, caps),
            (Engine::Prebuilt(p), Cache::Prebuilt(c)) => {
                caps.set_pattern(None);
                let pid = p.search_slots(c, input, caps.slots_mut());
                caps.set_pattern(pid);
            }
            _ => unreachable!("a cache is made by its own engine"),
        }
    }

    /// The first match in `input`, without its groups.
    pub(crate) fn search_with(&self, cache: &mut Cache, input: &Input<'_>) -> Option<Match> {
        match (self, cache) {
            (Engine::Meta(re), Cache::Meta(c)) => re.search_with(c, input),
            (Engine::Prebuilt(p), Cache::Prebuilt(c)) => p.search(c, input),
            _ => unreachable!("a cache is made by its own engine"),
        }
    }

    /// Where the first match in `input` ends (with `earliest`, where one is first seen).
    pub(crate) fn search_half_with(
        &self,
        cache: &mut Cache,
        input: &Input<'_>,
    ) -> Option<HalfMatch> {
        match (self, cache) {
            (Engine::Meta(re), Cache::Meta(c)) => re.search_half_with(c, input),
            (Engine::Prebuilt(p), Cache::Prebuilt(c)) => p.search_half(c, input),
            _ => unreachable!("a cache is made by its own engine"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every match's group spans (or only the whole match's), as the tier's searches take them.
    fn spans(engine: &Engine, haystack: &str, groups: bool) -> Vec<Vec<Option<(usize, usize)>>> {
        let mut found = Vec::new();
        let want = if groups {
            super::super::Want::ALL_GROUPS
        } else {
            super::super::Want::ALL_WHOLE
        };
        super::super::Tiered::search_into(
            engine,
            &mut engine.create_cache(),
            &mut engine.create_captures(),
            Input::new(haystack),
            want,
            &mut found,
        );
        found
    }

    /// Each prebuilt pattern finds what the `regex` crate finds, with the same groups, where
    /// the whole-match search ends and whether there is a match at all: on the bench articles
    /// and test fixtures as written and lowercased (where the date patterns read), on Unicode
    /// text (where a lazy DFA with a Unicode word boundary gives up), and on a haystack too
    /// long for the backtracker (where the PikeVM finds the groups).
    #[test]
    fn prebuilt_forms_find_what_the_regex_crate_finds() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut texts = vec![
            String::new(),
            "caf\u{e9} \u{3b4}a\u{a0}K\u{212a} on May\u{a0}5, 2021, 40\u{a0}km from Z\u{fc}rich"
                .to_string(),
            "\u{1f600}a\u{1f600} \u{201c}We will,\u{201d} said Ana \u{d3}rla, 3\u{2013}4 km".into(),
        ];
        for dir in ["bench/articles", "tests/fixtures"] {
            for entry in std::fs::read_dir(root.join(dir))
                .expect("the texts exist")
                .flatten()
            {
                if let Ok(text) = std::fs::read_to_string(entry.path()) {
                    texts.push(text.to_ascii_lowercase());
                    texts.push(text);
                }
            }
        }
        assert!(texts.len() > 10, "too few texts: {}", texts.len());
        let long = texts
            .iter()
            .max_by_key(|t| t.len())
            .expect("texts")
            .repeat(40);
        let table = super::super::prebuilt::TABLE;
        assert!(table.len() > 50);
        let mut fallbacks = 0;
        for entry in table {
            let forward = super::super::automata::rebuild(&entry.forward).expect("rebuilds");
            let reverse = super::super::automata::rebuild(&entry.reverse).expect("rebuilds");
            let prebuilt = Prebuilt::new(forward, reverse, 2 << 20).expect("builds");
            if long.len() >= prebuilt.backtrack.max_haystack_len() {
                fallbacks += 1;
            }
            let engine = Engine::Prebuilt(Box::new(prebuilt));
            let re = regex::Regex::new(entry.pattern).expect("a valid pattern");
            for text in texts.iter().chain([&long]) {
                let expected: Vec<Vec<Option<(usize, usize)>>> = re
                    .captures_iter(text)
                    .map(|c| {
                        (0..c.len())
                            .map(|i| c.get(i).map(|m| (m.start(), m.end())))
                            .collect()
                    })
                    .collect();
                let whole: Vec<_> = expected.iter().map(|m| vec![m[0]]).collect();
                let pattern = entry.pattern;
                let head = &text[..text.floor_char_boundary(60)];
                assert_eq!(
                    spans(&engine, text, true),
                    expected,
                    "{pattern:?} on {head:?}"
                );
                assert_eq!(
                    spans(&engine, text, false),
                    whole,
                    "{pattern:?} on {head:?}"
                );
                let mut cache = engine.create_cache();
                let first_end = engine
                    .search_half_with(&mut cache, &Input::new(text.as_str()))
                    .map(|h| h.offset());
                assert_eq!(first_end, whole.first().map(|m| m[0].expect("a match").1));
                let seen = engine
                    .search_half_with(&mut cache, &Input::new(text.as_str()).earliest(true))
                    .is_some();
                assert_eq!(seen, re.is_match(text), "{pattern:?} on {head:?}");
            }
        }
        assert!(
            fallbacks > 10,
            "the long haystack fits the backtracker: {fallbacks}"
        );
    }
}
