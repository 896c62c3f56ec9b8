//! Patterns that start in a cheap engine and move to the fast one once they have read enough.
//!
//! Compiling the `regex` crate's patterns was 80% of checking a one-paragraph article in a fresh
//! process (about 2 M instructions for a date pattern), paid again at every run. `regex-lite`
//! compiles the same pattern about nine times more cheaply but searches about thirty times more
//! slowly, so a [`Tiered`] pattern searches with its `regex-lite` form until it has read
//! [`LITE_BUDGET`] bytes of haystack in this process, and then compiles its `regex` form and keeps
//! it: a short article never pays for the fast engine, a long text or a batch pays for it once, as
//! before. Past the budget the cost is at most what compiling up front cost, plus the budget.
//!
//! Both forms must find the same matches with the same groups. `regex-lite` matches codepoint by
//! codepoint like `regex`, but its `\d`, `\w`, `\s`, `\b` and case folding are ASCII's, so the
//! two read an ASCII haystack the same way, and [`lite_form`] has one rewrite for ASCII haystacks
//! (the `u` flag dropped) and, where it can, one for any haystack: a Unicode `\s` spelled out as
//! the White_Space class it stands for, and none for a Unicode `\w`, `\d`, `\b` or case folding.
//! `\p{..}` and class set operations are not rewritten. In a debug build (every test) each lite
//! search is also run in the `regex` form and the two are compared.

use std::ops::Index;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use regex::Regex;

/// Bytes of haystack a pattern reads with its lite form before its `regex` form is compiled:
/// about where compiling a date pattern's `regex` form (0.4 ms) costs what reading this much
/// more slowly with the lite form costs, measured on this machine (BENCHMARKS.md).
const LITE_BUDGET: usize = 4096;

/// The White_Space characters the `regex` crate's Unicode `\s` matches, as class items that
/// also read right under the `x` flag (no literal space).
const WHITE_SPACE: &str =
    r"\t-\r\x20\x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}";

/// Where a [`Tiered`] pattern's text comes from.
enum Source {
    Plain(fn() -> String),
    /// One form of a pattern written for both ASCII and Unicode haystacks (see `Twin`).
    Form(fn(bool) -> String, bool),
}

/// A pattern compiled on first use, in `regex-lite` and later in `regex` (see the module).
pub(crate) struct Tiered {
    source: Source,
    /// The lite form for ASCII haystacks, and the one for any haystack (`None` when there is
    /// none).
    lite_ascii: OnceLock<Option<regex_lite::Regex>>,
    lite_any: OnceLock<Option<regex_lite::Regex>>,
    full: OnceLock<Regex>,
    /// Bytes of haystack handed to the lite form so far.
    spent: AtomicUsize,
}

impl Tiered {
    pub(crate) const fn new(source: fn() -> String) -> Self {
        Self::from_source(Source::Plain(source))
    }

    /// The form of a two-form pattern that `build` gives for `ascii`.
    pub(crate) const fn form(build: fn(bool) -> String, ascii: bool) -> Self {
        Self::from_source(Source::Form(build, ascii))
    }

    const fn from_source(source: Source) -> Self {
        Tiered {
            source,
            lite_ascii: OnceLock::new(),
            lite_any: OnceLock::new(),
            full: OnceLock::new(),
            spent: AtomicUsize::new(0),
        }
    }

    fn pattern(&self) -> String {
        match self.source {
            Source::Plain(build) => build(),
            Source::Form(build, ascii) => build(ascii),
        }
    }

    fn full(&self) -> &Regex {
        self.full.get_or_init(|| {
            let pattern = self.pattern();
            Regex::new(&pattern).unwrap_or_else(|e| panic!("invalid pattern {pattern}: {e}"))
        })
    }

    /// The lite form, when it may read `haystack` and the budget allows it.
    fn lite_for(&self, haystack: &str) -> Option<&regex_lite::Regex> {
        if self.full.get().is_some() && !cfg!(debug_assertions) {
            return None;
        }
        // In a debug build the lite form reads far more, so that the tests compare the two forms
        // on most of what they read; bounded, as a pattern run on each suffix of a long text
        // would make the lite form's reading quadratic.
        let budget = if cfg!(debug_assertions) {
            1 << 20
        } else {
            LITE_BUDGET
        };
        let spent = self.spent.load(Ordering::Relaxed);
        if spent.saturating_add(haystack.len()) > budget {
            return None;
        }
        let ascii = haystack.is_ascii();
        let cell = if ascii {
            &self.lite_ascii
        } else {
            &self.lite_any
        };
        let lite = cell
            .get_or_init(|| {
                let pattern = lite_form(&self.pattern(), ascii)?;
                regex_lite::Regex::new(&pattern).ok()
            })
            .as_ref()?;
        self.spent.fetch_add(haystack.len(), Ordering::Relaxed);
        Some(lite)
    }

    pub(crate) fn captures_iter<'r, 'h>(&'r self, haystack: &'h str) -> CapturesIter<'r, 'h> {
        match self.lite_for(haystack) {
            Some(lite) if cfg!(debug_assertions) => {
                let found: Vec<Captures<'h>> = lite
                    .captures_iter(haystack)
                    .map(|c| Captures::lite(haystack, c))
                    .collect();
                let expected: Vec<Captures<'h>> = self
                    .full()
                    .captures_iter(haystack)
                    .map(|c| Captures::full(haystack, c))
                    .collect();
                self.check(haystack, &found, &expected);
                CapturesIter::Checked(found.into_iter())
            }
            Some(lite) => CapturesIter::Lite(haystack, lite.captures_iter(haystack)),
            None => CapturesIter::Full(haystack, self.full().captures_iter(haystack)),
        }
    }

    pub(crate) fn captures<'h>(&self, haystack: &'h str) -> Option<Captures<'h>> {
        self.captures_iter(haystack).next()
    }

    pub(crate) fn find_iter<'h>(&self, haystack: &'h str) -> impl Iterator<Item = Match<'h>> {
        self.captures_iter(haystack).map(|caps| caps.whole())
    }

    pub(crate) fn find<'h>(&self, haystack: &'h str) -> Option<Match<'h>> {
        self.captures(haystack).map(|caps| caps.whole())
    }

    pub(crate) fn is_match(&self, haystack: &str) -> bool {
        match self.lite_for(haystack) {
            Some(_) if cfg!(debug_assertions) => self.find(haystack).is_some(),
            Some(lite) => lite.is_match(haystack),
            None => self.full().is_match(haystack),
        }
    }

    /// Whether the pattern has a lite form, and whether that reads every haystack.
    #[cfg(test)]
    pub(crate) fn lite_exactness(&self) -> Option<bool> {
        let compiles = |pattern: String| {
            regex_lite::Regex::new(&pattern)
                .map_err(|e| eprintln!("regex-lite refuses {pattern}: {e}"))
                .is_ok()
        };
        let ascii = lite_form(&self.pattern(), true).is_some_and(compiles);
        let any = lite_form(&self.pattern(), false).is_some_and(compiles);
        ascii.then_some(any)
    }

    /// Panics when the two forms read `haystack` differently (debug builds only).
    fn check(&self, haystack: &str, found: &[Captures<'_>], expected: &[Captures<'_>]) {
        let spans = |all: &[Captures<'_>]| -> Vec<Vec<Option<(usize, usize)>>> {
            all.iter()
                .map(|c| {
                    (0..c.len())
                        .map(|i| c.get(i).map(|m| (m.start(), m.end())))
                        .collect()
                })
                .collect()
        };
        assert_eq!(
            spans(found),
            spans(expected),
            "the regex-lite form of {:?} reads {haystack:?} differently",
            self.pattern()
        );
    }
}

/// One match of a pattern: where it is in the haystack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Match<'h> {
    haystack: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Match<'h> {
    pub(crate) fn start(&self) -> usize {
        self.start
    }

    pub(crate) fn end(&self) -> usize {
        self.end
    }

    pub(crate) fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    pub(crate) fn as_str(&self) -> &'h str {
        &self.haystack[self.start..self.end]
    }
}

/// The groups of one match, from whichever form found it.
pub(crate) struct Captures<'h> {
    haystack: &'h str,
    groups: Groups<'h>,
}

enum Groups<'h> {
    Full(regex::Captures<'h>),
    Lite(regex_lite::Captures<'h>),
}

impl<'h> Captures<'h> {
    fn full(haystack: &'h str, caps: regex::Captures<'h>) -> Self {
        Captures {
            haystack,
            groups: Groups::Full(caps),
        }
    }

    fn lite(haystack: &'h str, caps: regex_lite::Captures<'h>) -> Self {
        Captures {
            haystack,
            groups: Groups::Lite(caps),
        }
    }

    fn at(&self, span: Option<(usize, usize)>) -> Option<Match<'h>> {
        span.map(|(start, end)| Match {
            haystack: self.haystack,
            start,
            end,
        })
    }

    pub(crate) fn get(&self, i: usize) -> Option<Match<'h>> {
        self.at(match &self.groups {
            Groups::Full(c) => c.get(i).map(|m| (m.start(), m.end())),
            Groups::Lite(c) => c.get(i).map(|m| (m.start(), m.end())),
        })
    }

    pub(crate) fn name(&self, name: &str) -> Option<Match<'h>> {
        self.at(match &self.groups {
            Groups::Full(c) => c.name(name).map(|m| (m.start(), m.end())),
            Groups::Lite(c) => c.name(name).map(|m| (m.start(), m.end())),
        })
    }

    /// The whole match.
    pub(crate) fn whole(&self) -> Match<'h> {
        self.get(0).expect("group 0 is the whole match")
    }

    /// The number of groups, the whole match included.
    pub(crate) fn len(&self) -> usize {
        match &self.groups {
            Groups::Full(c) => c.len(),
            Groups::Lite(c) => c.len(),
        }
    }
}

impl Index<&str> for Captures<'_> {
    type Output = str;

    fn index(&self, name: &str) -> &str {
        self.name(name)
            .unwrap_or_else(|| panic!("no group named {name} took part in the match"))
            .as_str()
    }
}

impl Index<usize> for Captures<'_> {
    type Output = str;

    fn index(&self, i: usize) -> &str {
        self.get(i)
            .unwrap_or_else(|| panic!("group {i} took part in no match"))
            .as_str()
    }
}

/// The matches of a [`Tiered`] pattern, from the form that reads the haystack.
pub(crate) enum CapturesIter<'r, 'h> {
    Full(&'h str, regex::CaptureMatches<'r, 'h>),
    Lite(&'h str, regex_lite::CaptureMatches<'r, 'h>),
    /// Found by the lite form and compared with the other (debug builds).
    Checked(std::vec::IntoIter<Captures<'h>>),
}

impl<'h> Iterator for CapturesIter<'_, 'h> {
    type Item = Captures<'h>;

    fn next(&mut self) -> Option<Captures<'h>> {
        match self {
            CapturesIter::Full(h, it) => it.next().map(|c| Captures::full(h, c)),
            CapturesIter::Lite(h, it) => it.next().map(|c| Captures::lite(h, c)),
            CapturesIter::Checked(it) => it.next(),
        }
    }
}

/// `pattern` (written for the `regex` crate) rewritten for `regex-lite` to read ASCII haystacks
/// only, when `ascii`, or any haystack; `None` when it cannot be.
///
/// Every difference between the two crates is in characters beyond ASCII, so for ASCII
/// haystacks the `u` flag is only dropped (`regex-lite` has none: its classes are always
/// ASCII's, which is what `u` off means). For any haystack, a Unicode `\s` or `\S` is spelled
/// out as the White_Space class, and a Unicode `\d`, `\w`, `\b`, their negations or case
/// folding leave no rewrite. Either way `\p{..}` and class set operations have none.
pub(crate) fn lite_form(pattern: &str, ascii: bool) -> Option<String> {
    let (form, exact) = translate(pattern, !ascii)?;
    (ascii || exact).then_some(form)
}

/// The walk behind [`lite_form`]: the rewrite, with Unicode spaces spelled out when
/// `spell_out`, and whether it reads non-ASCII haystacks as the original does. It tracks
/// character classes and the `u`, `i` and `x` flags of each group.
fn translate(pattern: &str, spell_out: bool) -> Option<(String, bool)> {
    #[derive(Clone, Copy)]
    struct Flags {
        unicode: bool,
        fold: bool,
        verbose: bool,
    }
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut exact = true;
    let mut flags = Flags {
        unicode: true,
        fold: false,
        verbose: false,
    };
    let mut groups: Vec<Flags> = Vec::new();
    let mut in_class = false;
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let e = chars.next()?;
                match e {
                    'p' | 'P' => return None,
                    's' if flags.unicode && spell_out => {
                        if in_class {
                            out.push_str(WHITE_SPACE);
                        } else {
                            out.push('[');
                            out.push_str(WHITE_SPACE);
                            out.push(']');
                        }
                    }
                    'S' if flags.unicode && spell_out => {
                        if in_class {
                            return None;
                        }
                        out.push_str("[^");
                        out.push_str(WHITE_SPACE);
                        out.push(']');
                    }
                    _ => {
                        if flags.unicode && matches!(e, 'd' | 'D' | 'w' | 'W' | 'b' | 'B') {
                            exact = false;
                        }
                        out.push('\\');
                        out.push(e);
                    }
                }
                continue;
            }
            _ if in_class => {
                // Nested classes and set operations are not in `regex-lite`.
                if c == '[' || ((c == '&' || c == '-' || c == '~') && chars.peek() == Some(&c)) {
                    return None;
                }
                if c == ']' {
                    in_class = false;
                } else if flags.fold && flags.unicode && c.is_alphabetic() {
                    exact = false;
                }
                out.push(c);
            }
            '[' => {
                in_class = true;
                out.push('[');
                // A `]` (after an optional `^`) first in a class is a literal.
                if chars.peek() == Some(&'^') {
                    out.push('^');
                    chars.next();
                }
                if chars.peek() == Some(&']') {
                    out.push(']');
                    chars.next();
                }
            }
            '#' if flags.verbose => {
                // A comment, to the end of the line.
                out.push('#');
                for c in chars.by_ref() {
                    out.push(c);
                    if c == '\n' {
                        break;
                    }
                }
            }
            '(' => {
                groups.push(flags);
                if chars.peek() != Some(&'?') {
                    out.push('(');
                    continue;
                }
                chars.next();
                match chars.peek() {
                    Some(':') => {
                        out.push_str("(?");
                        continue;
                    }
                    Some('P' | '<') => {
                        // A group name, copied as it is.
                        out.push_str("(?");
                        for c in chars.by_ref() {
                            out.push(c);
                            if c == '>' {
                                break;
                            }
                        }
                        continue;
                    }
                    _ => {}
                }
                let (mut on, mut off, mut negate) = (String::new(), String::new(), false);
                let end = loop {
                    match chars.next()? {
                        '-' => negate = true,
                        ch @ (':' | ')') => break ch,
                        ch => {
                            let value = !negate;
                            match ch {
                                'u' => flags.unicode = value,
                                'i' => flags.fold = value,
                                'x' => flags.verbose = value,
                                'm' | 's' | 'U' | 'R' => {}
                                _ => return None,
                            }
                            if ch != 'u' {
                                if negate { &mut off } else { &mut on }.push(ch);
                            }
                        }
                    }
                };
                if end == ')' {
                    // The flags hold to the end of the enclosing group, which was not opened here.
                    groups.pop();
                }
                if !on.is_empty() || !off.is_empty() || end == ':' {
                    out.push_str("(?");
                    out.push_str(&on);
                    if !off.is_empty() {
                        out.push('-');
                        out.push_str(&off);
                    }
                    out.push(end);
                }
            }
            ')' => {
                flags = groups.pop()?;
                out.push(')');
            }
            _ => {
                if flags.fold && flags.unicode && c.is_alphabetic() {
                    exact = false;
                }
                out.push(c);
            }
        }
    }
    Some((out, exact))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rewrite for any haystack where there is one, else the ASCII one, and which it is.
    fn lite(pattern: &str) -> Option<(String, bool)> {
        match lite_form(pattern, false) {
            Some(form) => Some((form, true)),
            None => lite_form(pattern, true).map(|form| (form, false)),
        }
    }

    #[test]
    fn spells_out_unicode_space_and_drops_the_unicode_flag() {
        let (form, exact) = lite(r"(?-u:\b)may\s+(?P<d>[0-9]{1,2})[-\s]").expect("translatable");
        assert!(exact);
        assert_eq!(
            form,
            format!(r"(?:\b)may[{WHITE_SPACE}]+(?P<d>[0-9]{{1,2}})[-{WHITE_SPACE}]")
        );
        let (form, exact) = lite(r"(?x-u) a \s \w+ # note \d").expect("translatable");
        assert!(exact, "ASCII classes read the same in both");
        assert_eq!(form, r"(?x) a \s \w+ # note \d");
    }

    #[test]
    fn unicode_classes_and_folding_are_ascii_only_or_refused() {
        assert_eq!(lite(r"\bword\b").map(|(_, exact)| exact), Some(false));
        assert_eq!(lite(r"(?i)word").map(|(_, exact)| exact), Some(false));
        assert_eq!(lite(r"(?i-u)word").map(|(_, exact)| exact), Some(true));
        assert_eq!(lite(r"(?i:[0-9]+)x").map(|(_, exact)| exact), Some(true));
        assert_eq!(lite(r"(?i:a)\S").map(|(_, exact)| exact), Some(false));
        assert_eq!(lite(r"\p{Lu}\w"), None);
        assert_eq!(lite(r"[a-z&&[^x]]"), None);
        assert_eq!(lite(r"[^\S\n]").map(|(_, exact)| exact), Some(false));
        // For ASCII haystacks a Unicode `\s` is the ASCII one, and stays short.
        assert_eq!(
            lite_form(r"(?-u:\b)a\s+b", true).as_deref(),
            Some(r"(?:\b)a\s+b")
        );
    }

    /// Where `lite_form` says a form is exact, the two engines agree on characters where their
    /// classes differ: Unicode spaces, letters and digits, and the two letters Unicode case
    /// folding adds to ASCII ones.
    #[test]
    fn exact_forms_read_unicode_text_the_same() {
        let haystacks = [
            "on\u{a0}may\u{2003}5, 2020 and may\u{3000}6",
            "\u{17f}ix k\u{212a}m \u{661}\u{662} caf\u{e9} \u{3b4}\u{3b4}",
            "a\u{2028}b\u{85}c\u{200b}d\u{feff}e \t\n\r\u{b}\u{c}f",
        ];
        for pattern in [
            r"(?-u:\b)may\s+(?P<d>[0-9])",
            r"\s+(?P<w>[^\s]+)",
            r"\S+",
            r"(?-u)(?i)\b\w+\b",
            r"(?i:[0-9]+)\s*[a-z]+",
            r"[\s,]+(?-u:\b)",
        ] {
            let (form, exact) = lite(pattern).expect("translatable");
            assert!(exact, "{pattern}");
            let lite = regex_lite::Regex::new(&form).expect("regex-lite reads the form");
            let full = Regex::new(pattern).expect("a valid pattern");
            for h in haystacks {
                let a: Vec<_> = lite.find_iter(h).map(|m| m.range()).collect();
                let b: Vec<_> = full.find_iter(h).map(|m| m.range()).collect();
                assert_eq!(a, b, "{pattern} on {h:?}");
            }
        }
    }

    #[test]
    fn each_form_finds_the_same_groups() {
        static DATE: Tiered =
            Tiered::new(|| String::from(r"(?-u:\b)(?P<m>may|june)\s+(?P<d>[0-9]{1,2})"));
        let text = "from May 5 to june\u{a0}6";
        let lower = text.to_ascii_lowercase();
        let found: Vec<(String, String)> = DATE
            .captures_iter(&lower)
            .map(|c| (c["m"].to_string(), c["d"].to_string()))
            .collect();
        assert_eq!(
            found,
            [("may".into(), "5".into()), ("june".into(), "6".into())]
        );
        assert!(DATE.is_match("june 1"));
        assert_eq!(DATE.find("in may 30").map(|m| m.range()), Some(3..9));
    }

    /// The comparison that guards every lite search in a debug build does fail on a difference.
    #[test]
    #[should_panic(expected = "reads")]
    fn a_difference_between_the_forms_is_caught() {
        static WORD: Tiered = Tiered::new(|| String::from(r"\w+"));
        let full = Regex::new(r"\w+").expect("valid");
        let lite = regex_lite::Regex::new(r"\w+").expect("valid");
        let h = "caf\u{e9}";
        let found: Vec<Captures<'_>> = lite
            .captures_iter(h)
            .map(|c| Captures::lite(h, c))
            .collect();
        let expected: Vec<Captures<'_>> = full
            .captures_iter(h)
            .map(|c| Captures::full(h, c))
            .collect();
        WORD.check(h, &found, &expected);
    }
}
