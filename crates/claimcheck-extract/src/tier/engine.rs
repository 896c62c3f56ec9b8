//! The engines behind a pattern's `regex` form: the `regex` crate's own (the meta regex,
//! compiled from the pattern's text), or the same engines started from automata carried in the
//! binary ([`super::automata`]), which spares a process compiling them.
//!
//! A prebuilt form searches as the meta regex does with no prefilter and no one-pass DFA: the
//! lazy DFAs find a match's bounds, then the bounded backtracker (or the PikeVM, for a span too
//! long for it) its groups within them; when a lazy DFA gives up, the backtracker or the PikeVM
//! reads the whole search. A pattern that always ends at the haystack's end (`$`, as the
//! patterns read in the window before a number or a date do) is searched backwards from the end
//! instead, anchored there, as the meta regex's reverse-anchored strategy searches it: a forward
//! search would try a start at every byte of the window. Every engine of `regex-automata` finds
//! the same leftmost-first matches with the same groups, so the two kinds of form find the
//! same; only the time differs.

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
    /// Whether the pattern is searched backwards from the haystack's end (see the module and
    /// [`super::automata::Entry::anchored_end`]).
    from_end: bool,
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
    /// lazy DFA cache of at most `cache_capacity` bytes; with `anchored_end`, for a pattern
    /// that always ends at the haystack's end, is never empty and may start anywhere.
    pub(crate) fn new(
        nfa: NFA,
        reverse: NFA,
        cache_capacity: usize,
        anchored_end: bool,
    ) -> Result<Self, String> {
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
            from_end: anchored_end,
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
            #[cfg(test)]
            if slots.len() > self.group_info.implicit_slot_len() {
                tests::PIKEVM_GROUPS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
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

    /// The first match by the lazy DFAs; `None` when there are none or they gave up.
    fn hybrid_search(&self, cache: &mut PrebuiltCache, input: &Input<'_>) -> Option<Option<Match>> {
        match (&self.hybrid, &mut cache.hybrid) {
            (Some(h), Some(state)) => h.try_search(state, input).ok(),
            _ => None,
        }
    }

    /// For a pattern searched from the end, the start of the match that ends at the span's
    /// end, by the reverse lazy DFA anchored there: it reads back only as far as a match can
    /// reach, and the last start it passes is the leftmost (with `earliest`, it stops at the
    /// first, the rightmost, as the meta regex's search does; the tier asks `earliest` only
    /// whether there is a match, whose end is the span's end either way). `None` for another
    /// pattern, an anchored search (which the forward engines read from its start), or when
    /// the lazy DFA gave up.
    fn start_from_end(
        &self,
        cache: &mut PrebuiltCache,
        input: &Input<'_>,
    ) -> Option<Option<HalfMatch>> {
        if !self.from_end || input.get_anchored().is_anchored() {
            return None;
        }
        let (Some(h), Some(state)) = (&self.hybrid, &mut cache.hybrid) else {
            return None;
        };
        let input = input.clone().anchored(Anchored::Yes);
        h.reverse()
            .try_search_rev(state.as_parts_mut().1, &input)
            .ok()
    }

    /// The first match by the lazy DFAs, from the end for a pattern searched so; `None` when
    /// they gave up.
    fn dfa_search(&self, cache: &mut PrebuiltCache, input: &Input<'_>) -> Option<Option<Match>> {
        if let Some(found) = self.start_from_end(cache, input) {
            return Some(found.map(|h| Match::new(h.pattern(), h.offset()..input.end())));
        }
        self.hybrid_search(cache, input)
    }

    fn search(&self, cache: &mut PrebuiltCache, input: &Input<'_>) -> Option<Match> {
        match self.dfa_search(cache, input) {
            Some(found) => found,
            None => self.match_nofail(cache, input),
        }
    }

    fn search_half(&self, cache: &mut PrebuiltCache, input: &Input<'_>) -> Option<HalfMatch> {
        if let Some(found) = self.start_from_end(cache, input) {
            return found.map(|h| HalfMatch::new(h.pattern(), input.end()));
        }
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
        let m = match self.dfa_search(cache, input) {
            Some(Some(m)) => m,
            Some(None) => return None,
            None => return self.slots_nofail(cache, input, slots),
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
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// The searches for groups the PikeVM made (the span too long for the backtracker).
    pub(super) static PIKEVM_GROUPS: AtomicUsize = AtomicUsize::new(0);

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
        // The same texts after a word of letters beyond ASCII: a lazy DFA for a Unicode word
        // boundary gives up at its first byte, so the searches for those patterns fall back to
        // the backtracker, and on the long haystack to the PikeVM.
        let accented: Vec<String> = texts.iter().map(|t| format!("Z\u{fc}rich {t}")).collect();
        texts.extend(accented);
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
            let prebuilt =
                Prebuilt::new(forward, reverse, 2 << 20, entry.anchored_end).expect("builds");
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
        assert!(
            PIKEVM_GROUPS.load(Ordering::Relaxed) > 0,
            "no search for groups reached the PikeVM"
        );
    }

    /// A meta regex configured as `Tiered::full` configures one without a prefilter.
    fn meta_for(pattern: &str, capacity: usize) -> meta::Regex {
        super::super::meta_builder(capacity, false)
            .build(pattern)
            .expect("a valid pattern")
    }

    fn groups(c: &Captures) -> Vec<Option<(usize, usize)>> {
        (0..c.group_len())
            .map(|i| c.get_group(i).map(|s| (s.start, s.end)))
            .collect()
    }

    /// Each prebuilt pattern searches as the meta regex searches, with a large and a tiny lazy
    /// DFA cache (which makes the lazy DFAs give up): the first match, its groups, where it
    /// ends, whether there is one (`earliest`) and every match in turn, on spans of pieces of
    /// the bench and fixture texts with characters beyond ASCII put in (letters, marks, quotes,
    /// the Kelvin sign, a line separator), anchored or not, some starting inside a character,
    /// and on two longer haystacks of such pieces.
    #[test]
    fn prebuilt_forms_search_as_the_meta_regex_on_random_spans() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut corpus = String::new();
        for dir in ["bench/articles", "tests/fixtures"] {
            for entry in std::fs::read_dir(root.join(dir))
                .expect("the texts exist")
                .flatten()
            {
                if let Ok(text) = std::fs::read_to_string(entry.path()) {
                    corpus.push_str(&text);
                    corpus.push_str(&text.to_ascii_lowercase());
                }
            }
        }
        let extras = [
            "\u{e9}",
            "\u{301}",
            "\u{1f600}",
            "\u{a0}",
            "\u{2019}",
            "\u{201c}",
            "\u{201d}",
            "\u{212a}",
            "\u{17f}",
            "\u{3b4}",
            "\u{2013}",
            "\u{200d}",
            "\u{b2}",
            "\u{660}",
            " ",
            "\n",
            "K",
            "Z\u{fc}rich",
            "\u{c9}mile",
            "\u{2028}",
        ];
        let floor = |s: &str, mut i: usize| {
            while !s.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let ceil = |s: &str, mut i: usize| {
            while !s.is_char_boundary(i) {
                i += 1;
            }
            i
        };
        let mut picks = crate::testing::Picks::new(0x9e37_79b9_7f4a_7c15);
        let mut hays = Vec::new();
        for _ in 0..200 {
            let len = 10 + picks.below(400);
            let start = floor(&corpus, picks.below(corpus.len() - len));
            let mut h = corpus[start..ceil(&corpus, start + len)].to_string();
            for _ in 0..picks.below(4) {
                let at = floor(&h, picks.below(h.len() + 1));
                h.insert_str(at, extras[picks.below(extras.len())]);
            }
            hays.push(h);
        }
        for kb in [3, 40] {
            let mut h = String::new();
            while h.len() < kb * 1024 {
                let s = floor(&corpus, picks.below(corpus.len() - 2000));
                h.push_str(&corpus[s..ceil(&corpus, s + 1500)]);
                h.push_str(extras[picks.below(extras.len())]);
            }
            hays.push(h);
        }
        let mut compared = 0;
        for capacity in [2 << 20, 4 * 1024] {
            for entry in super::super::prebuilt::TABLE {
                let forward = super::super::automata::rebuild(&entry.forward).expect("rebuilds");
                let reverse = super::super::automata::rebuild(&entry.reverse).expect("rebuilds");
                let prebuilt = Engine::Prebuilt(Box::new(
                    Prebuilt::new(forward, reverse, capacity, entry.anchored_end).expect("builds"),
                ));
                let meta = Engine::Meta(meta_for(entry.pattern, capacity));
                let (mut pc, mut mc) = (prebuilt.create_cache(), meta.create_cache());
                let (mut pcaps, mut mcaps) = (prebuilt.create_captures(), meta.create_captures());
                for h in &hays {
                    for _ in 0..3 {
                        let mut a = picks.below(h.len() + 1);
                        let mut b = a + picks.below(h.len() + 1 - a);
                        if picks.below(3) != 0 {
                            (a, b) = (floor(h, a), ceil(h, b));
                        }
                        let anchored = if picks.below(4) == 0 {
                            Anchored::Yes
                        } else {
                            Anchored::No
                        };
                        let input = Input::new(h.as_str()).range(a..b).anchored(anchored);
                        let what = format!("{:?} on {h:?} {a}..{b} {anchored:?}", entry.pattern);
                        assert_eq!(
                            prebuilt.search_with(&mut pc, &input),
                            meta.search_with(&mut mc, &input),
                            "match {what}"
                        );
                        prebuilt.search_captures_with(&mut pc, &input, &mut pcaps);
                        meta.search_captures_with(&mut mc, &input, &mut mcaps);
                        assert_eq!(groups(&pcaps), groups(&mcaps), "groups {what}");
                        assert_eq!(
                            prebuilt.search_half_with(&mut pc, &input),
                            meta.search_half_with(&mut mc, &input),
                            "end {what}"
                        );
                        let first = input.clone().earliest(true);
                        assert_eq!(
                            prebuilt.search_half_with(&mut pc, &first).is_some(),
                            meta.search_half_with(&mut mc, &first).is_some(),
                            "earliest {what}"
                        );
                        let (mut found, mut expected) = (Vec::new(), Vec::new());
                        let span = Input::new(h.as_str()).range(a..b);
                        let all = super::super::Want::ALL_GROUPS;
                        super::super::Tiered::search_into(
                            &prebuilt,
                            &mut pc,
                            &mut pcaps,
                            span.clone(),
                            all,
                            &mut found,
                        );
                        super::super::Tiered::search_into(
                            &meta,
                            &mut mc,
                            &mut mcaps,
                            span,
                            all,
                            &mut expected,
                        );
                        assert_eq!(found, expected, "every match {what}");
                        compared += 1;
                    }
                }
            }
        }
        assert!(compared > 90_000, "{compared} searches compared");
    }

    /// Each prebuilt pattern finds what the meta regex finds, with the same groups, in the
    /// windows a reader hands some patterns: the 60 bytes before each word's end in the bench
    /// articles, as written and lowercased, and short runs of the patterns' own words (where a
    /// pattern anchored at the end, like the comparators and the scheduling words, has its
    /// matches, and a reverse search decides where they start).
    #[test]
    fn prebuilt_forms_search_as_the_meta_regex_on_windows() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../bench/articles");
        let mut texts = Vec::new();
        for entry in std::fs::read_dir(root)
            .expect("the bench articles exist")
            .flatten()
        {
            if let Ok(text) = std::fs::read_to_string(entry.path()) {
                texts.push(text.to_ascii_lowercase());
                texts.push(text);
            }
        }
        let mut windows = Vec::new();
        for text in &texts {
            for (end, _) in text.match_indices(' ') {
                let mut start = end.saturating_sub(60);
                while !text.is_char_boundary(start) {
                    start -= 1;
                }
                windows.push(&text[start..end]);
            }
        }
        // And runs of the phrases the patterns are made of, where alternatives overlap ("no
        // fewer than", "fewer than"): a reverse search must find where the leftmost match starts.
        let words = [
            "no fewer than",
            "not more than",
            "no more than",
            "at least",
            "at most",
            "up to",
            "more than",
            "less than",
            "fewer than",
            "no less than",
            "not less than",
            "just over",
            "well under",
            "a little more than",
            "slightly less than",
            "only",
            "just",
            "about",
            "some",
            "nearly",
            "the day before",
            "the day after",
            "next week",
            "last year",
            "this past",
            "early",
            "mid",
            "late",
            "the end of",
            "march",
            "may",
            "3",
            "12",
            "2024",
            "scheduled for",
            "set to",
            "due",
            "on",
            "for",
            "the",
            "between",
            "from",
            "to",
            "and",
            "km",
            "by road",
            "as the crow flies",
            "said",
            "told",
            "half",
            "a",
            "of",
        ];
        let mut picks = crate::testing::Picks::new(77);
        let runs: Vec<String> = (0..3000)
            .map(|_| {
                let n = 1 + picks.below(5);
                let run: Vec<&str> = (0..n).map(|_| words[picks.below(words.len())]).collect();
                run.join(" ")
            })
            .collect();
        windows.extend(runs.iter().map(String::as_str));
        assert!(windows.len() > 1000, "{} windows", windows.len());
        let mut matched = 0;
        for entry in super::super::prebuilt::TABLE {
            let forward = super::super::automata::rebuild(&entry.forward).expect("rebuilds");
            let reverse = super::super::automata::rebuild(&entry.reverse).expect("rebuilds");
            let prebuilt = Engine::Prebuilt(Box::new(
                Prebuilt::new(forward, reverse, 2 << 20, entry.anchored_end).expect("builds"),
            ));
            let meta = Engine::Meta(meta_for(entry.pattern, 2 << 20));
            let (mut pc, mut mc) = (prebuilt.create_cache(), meta.create_cache());
            let (mut pcaps, mut mcaps) = (prebuilt.create_captures(), meta.create_captures());
            for w in &windows {
                let input = Input::new(*w);
                prebuilt.search_captures_with(&mut pc, &input, &mut pcaps);
                meta.search_captures_with(&mut mc, &input, &mut mcaps);
                assert_eq!(
                    groups(&pcaps),
                    groups(&mcaps),
                    "{:?} on {w:?}",
                    entry.pattern
                );
                matched += usize::from(mcaps.is_match());
            }
        }
        assert!(matched > 1000, "{matched} windows matched");
    }

    /// Patterns that match the empty string, or look around, rebuilt and searched in turn as
    /// the tier searches, find what the `regex` crate finds on Unicode text (each engine skips
    /// an empty match that would split a character).
    #[test]
    fn prebuilt_empty_matches_are_the_regex_crates() {
        let haystacks = [
            "",
            "aaba",
            " ,x",
            "caf\u{e9} \u{3b4}a\u{a0}K\u{212a}",
            "\u{1f600}a\u{1f600}",
            "\u{e9}\u{301}x y\n\u{2028}z",
            "\u{a0},\u{a0}and ",
        ];
        for pattern in [
            r"a*",
            r"\b",
            r"\B",
            r"(?i)(?P<w>\w+)(?:\s+|$)",
            r"^(?:[ \u{a0}]*,)?",
            r"(?m)$",
            r"x*|\u{e9}",
            r"(?-u:\b)",
            r"(?-u:\B)",
            r"(?s).{0,2}?",
            r"\b{start}|\b{end}",
            r"\b{start-half}",
        ] {
            let (forward, reverse, _, anchored_end) = super::super::automata::compile(pattern);
            let engine = Engine::Prebuilt(Box::new(
                Prebuilt::new(forward, reverse, 2 << 20, anchored_end).expect("builds"),
            ));
            let re = regex::Regex::new(pattern).expect("a valid pattern");
            for h in haystacks {
                let expected: Vec<Vec<Option<(usize, usize)>>> = re
                    .captures_iter(h)
                    .map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
                    .collect();
                let whole: Vec<_> = expected.iter().map(|m| vec![m[0]]).collect();
                assert_eq!(spans(&engine, h, true), expected, "{pattern} on {h:?}");
                assert_eq!(spans(&engine, h, false), whole, "{pattern} on {h:?}");
            }
        }
    }
}
