//! The table of units (`units.tsv`) and reading a unit where a number ends.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use crate::ascii::with_lowercase;

/// What a unit measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dimension {
    Length,
    Area,
    Volume,
    Mass,
    Speed,
    Temperature,
    Time,
    Ratio,
    Currency,
    Information,
    Energy,
    Power,
    Angle,
    Frequency,
    /// An earthquake's magnitude, a number on a scale with no unit of its own.
    Magnitude,
    Pressure,
}

impl Dimension {
    /// The dimension's name, as the unit table writes it.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Dimension::Length => "length",
            Dimension::Area => "area",
            Dimension::Volume => "volume",
            Dimension::Mass => "mass",
            Dimension::Speed => "speed",
            Dimension::Temperature => "temperature",
            Dimension::Time => "time",
            Dimension::Ratio => "ratio",
            Dimension::Currency => "currency",
            Dimension::Information => "information",
            Dimension::Energy => "energy",
            Dimension::Power => "power",
            Dimension::Angle => "angle",
            Dimension::Frequency => "frequency",
            Dimension::Magnitude => "magnitude",
            Dimension::Pressure => "pressure",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "length" => Dimension::Length,
            "area" => Dimension::Area,
            "volume" => Dimension::Volume,
            "mass" => Dimension::Mass,
            "speed" => Dimension::Speed,
            "temperature" => Dimension::Temperature,
            "time" => Dimension::Time,
            "ratio" => Dimension::Ratio,
            "currency" => Dimension::Currency,
            "information" => Dimension::Information,
            "energy" => Dimension::Energy,
            "power" => Dimension::Power,
            "angle" => Dimension::Angle,
            "frequency" => Dimension::Frequency,
            "magnitude" => Dimension::Magnitude,
            "pressure" => Dimension::Pressure,
            _ => return None,
        })
    }
}

/// One unit of the table.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Unit {
    /// The normalised English singular name: "kilometre", "US dollar".
    pub name: String,
    pub dimension: Dimension,
    /// The size of one unit in the base unit of its dimension (metres for lengths).
    pub factor: f64,
}

impl Unit {
    /// Kilometres in `value` of this unit, for lengths.
    pub fn to_km(&self, value: f64) -> f64 {
        value * self.factor / 1000.0
    }
}

/// The units, with the spellings that may follow a number and the prefixes that may precede one.
///
/// Spellings are looked up by hand rather than with one regex alternation of them all: compiling
/// that alternation, under `(?i)`, cost more than the rest of start-up put together. The lookup
/// keeps the alternation's meaning exactly (see [`Spellings::first_match`]).
struct Table {
    units: Vec<Unit>,
    /// Lowercased word spellings (white space collapsed) to unit index.
    words: HashMap<String, usize>,
    /// Case-sensitive symbols to unit index.
    symbols: HashMap<String, usize>,
    prefixes: HashMap<String, usize>,
    /// The last character of each prefix, once.
    prefix_ends: Vec<char>,
    word_spellings: Spellings,
    symbol_spellings: Spellings,
}

const UNITS_TSV: &str = include_str!("../units.tsv");

static TABLE: LazyLock<Table> = LazyLock::new(|| Table::parse(UNITS_TSV));

impl Table {
    fn parse(tsv: &str) -> Table {
        let mut units = Vec::new();
        let mut words = HashMap::default();
        let mut symbols = HashMap::default();
        let mut prefixes = HashMap::default();
        for line in tsv.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let (Some(name), Some(dim), Some(factor)) = (cols.first(), cols.get(1), cols.get(2))
            else {
                panic!("units.tsv: short line {line:?}");
            };
            let dimension =
                Dimension::parse(dim).unwrap_or_else(|| panic!("units.tsv: dimension {dim:?}"));
            let factor: f64 = factor
                .parse()
                .unwrap_or_else(|_| panic!("units.tsv: factor {factor:?}"));
            let index = units.len();
            units.push(Unit {
                name: (*name).to_string(),
                dimension,
                factor,
            });
            let field = |i: usize| {
                cols.get(i)
                    .filter(|f| **f != "-")
                    .map(|f| f.split('|'))
                    .into_iter()
                    .flatten()
            };
            for w in field(3) {
                // Case-insensitive matching below folds only ASCII letters (and the two
                // non-ASCII letters that fold to them), so a word spelling must be ASCII.
                assert!(w.is_ascii(), "units.tsv: word spelling {w:?} is not ASCII");
                let w = w.to_lowercase();
                for spelling in plurals(&w) {
                    words.entry(spelling).or_insert(index);
                }
            }
            for s in field(4) {
                symbols.entry(s.to_string()).or_insert(index);
            }
            for p in field(5) {
                prefixes.entry(p.to_string()).or_insert(index);
            }
        }
        let mut prefix_ends: Vec<char> = prefixes
            .keys()
            .filter_map(|p| p.chars().next_back())
            .collect();
        prefix_ends.sort_unstable();
        prefix_ends.dedup();
        let word_spellings = Spellings::new(words.keys(), true);
        let symbol_spellings = Spellings::new(symbols.keys(), false);
        Table {
            units,
            words,
            symbols,
            prefixes,
            prefix_ends,
            word_spellings,
            symbol_spellings,
        }
    }
}

/// The spellings of a unit word: itself, and for a single word its -s or -es plural.
fn plurals(w: &str) -> Vec<String> {
    let mut out = vec![w.to_string()];
    if !w.contains(' ') && w.len() >= 3 && !w.ends_with('s') {
        if w.ends_with("ch") || w.ends_with("sh") || w.ends_with('x') {
            out.push(format!("{w}es"));
        } else {
            out.push(format!("{w}s"));
        }
    }
    out
}

/// What `(?i)` makes of a character when the pattern is lowercase ASCII: ASCII capitals match
/// their lowercase letter, and so do the Kelvin sign ("k") and the long s ("s"), the only
/// non-ASCII characters that Unicode case folding takes to an ASCII letter.
pub(crate) fn fold_char(c: char) -> char {
    match c {
        '\u{212a}' => 'k',
        '\u{17f}' => 's',
        c => c.to_ascii_lowercase(),
    }
}

/// Unit spellings that may begin at a position, as an anchored regex alternation of them would
/// read them: tried longest first (ties in byte order), the first that matches wins, whether
/// or not a longer text would match a later one. A space in a spelling matches a run of white
/// space for words (`\s+`) and at most one white space character for symbols (`\s?`).
struct Spellings {
    /// Spellings in the order they are tried, grouped by their first character, each with its
    /// second character unless that is a space or there is none: most spellings of a group
    /// are turned down on it without reading the text again.
    by_first: HashMap<char, Vec<(Option<char>, String)>>,
    /// Whether letters match in any case (words) or exactly (symbols).
    fold: bool,
}

impl Spellings {
    fn new<'a>(keys: impl Iterator<Item = &'a String>, fold: bool) -> Spellings {
        let mut keys: Vec<&String> = keys.collect();
        keys.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        let mut by_first: HashMap<char, Vec<(Option<char>, String)>> = HashMap::default();
        for k in keys {
            // An empty spelling would match anywhere; the table has none, and no character
            // could select it here.
            let mut chars = k.chars();
            let first = chars.next().expect("unit spellings are not empty");
            let second = chars.next().filter(|&c| c != ' ');
            by_first.entry(first).or_default().push((second, k.clone()));
        }
        Spellings { by_first, fold }
    }

    /// The length in bytes of the spelling matched at the start of `rest`, if any.
    fn first_match(&self, rest: &str) -> Option<usize> {
        let fold = |c: char| if self.fold { fold_char(c) } else { c };
        let mut chars = rest.chars().map(fold);
        let first = chars.next()?;
        let second = chars.next();
        self.by_first
            .get(&first)?
            .iter()
            .filter(|(s, _)| s.is_none_or(|s| Some(s) == second))
            .find_map(|(_, spelling)| self.match_len(rest, spelling))
    }

    /// The length in bytes of the text that `spelling` matches at the start of `rest`.
    fn match_len(&self, rest: &str, spelling: &str) -> Option<usize> {
        let mut text = rest.char_indices().peekable();
        let mut wanted = spelling.chars().peekable();
        while let Some(w) = wanted.next() {
            if w == ' ' {
                // A run of spaces in a spelling is that many white space patterns; each is
                // greedy, and as no spelling has white space after a run there is nothing to
                // give back.
                let mut run = 1;
                while wanted.next_if_eq(&' ').is_some() {
                    run += 1;
                }
                let mut seen = 0;
                while (self.fold || seen < run)
                    && text.next_if(|&(_, c)| c.is_whitespace()).is_some()
                {
                    seen += 1;
                }
                if self.fold && seen < run {
                    return None;
                }
                continue;
            }
            let (_, c) = text.next()?;
            let c = if self.fold { fold_char(c) } else { c };
            if c != w {
                return None;
            }
        }
        Some(text.peek().map_or(rest.len(), |&(i, _)| i))
    }
}

/// A unit read in a text: which one, and where it was written.
#[derive(Debug, Clone, Copy)]
pub(crate) struct UnitMatch {
    pub unit: &'static Unit,
    pub start: usize,
    pub end: usize,
    /// Whether it was written as a symbol ("km") rather than a word ("kilometres").
    pub symbol: bool,
}

/// The unit written at byte `pos`, if one is: the longest spelling that ends at a word boundary.
pub(crate) fn unit_at(text: &str, pos: usize) -> Option<UnitMatch> {
    let table = &*TABLE;
    let rest = text.get(pos..)?;
    let mut best: Option<UnitMatch> = None;
    for (spellings, symbol) in [
        (&table.word_spellings, false),
        (&table.symbol_spellings, true),
    ] {
        let Some(len) = spellings.first_match(rest) else {
            continue;
        };
        if !ends_at_boundary(rest, len) {
            continue;
        }
        let written = &rest[..len];
        let map = if symbol { &table.symbols } else { &table.words };
        // A spelling of several words is also looked up with its spaces taken out.
        let look_up = |key: &str| match map.get(key) {
            None if key.contains(' ') => map.get(&key.replace(' ', "")).copied(),
            found => found.copied(),
        };
        let index = if symbol {
            look_up(written)
        } else if !written.contains(char::is_whitespace) {
            // One word, the usual case, lowercased without a new string.
            with_lowercase(written, look_up)
        } else {
            look_up(
                &written
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase(),
            )
        };
        let Some(index) = index else { continue };
        if best.is_none_or(|b| len > b.end - pos) {
            best = Some(UnitMatch {
                unit: &table.units[index],
                start: pos,
                end: pos + len,
                symbol,
            });
        }
    }
    best
}

/// The currency symbol written just before byte `pos` ("$", "US$", "€ "), with its start.
///
/// The prefix is the leftmost text of the window that is a prefix spelling, followed by at
/// most one white space character, up to `pos`: a regex of the spellings anchored at the end
/// would find the same.
pub(crate) fn prefix_before(text: &str, pos: usize) -> Option<(&'static Unit, usize)> {
    let table = &*TABLE;
    let from = floor_char_boundary(text, pos.saturating_sub(8));
    let window = &text[from..pos];
    let spaced = window
        .strip_suffix(|c: char| c.is_whitespace())
        .unwrap_or(window);
    if !may_end_prefix(table, window, spaced) {
        return None;
    }
    let offset = prefix_offset(table, window, spaced)?;
    let written = window[offset..].trim_end();
    // A letter prefix such as "Rs" or "USD" must not end a longer word.
    let start = from + offset;
    if written.starts_with(|c: char| c.is_ascii_alphabetic())
        && text[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    let index = *table.prefixes.get(written)?;
    Some((&table.units[index], start))
}

/// Whether a prefix may end `window` or `spaced` (the window less one white space character at
/// its end), by their last characters. Most numbers follow a word or a space that ends no
/// prefix ("of 4.7"), and were turned away only after a lookup of every suffix of both (about
/// ten lookups a number, 1.3% of extracting from 1 MB of the bench text).
fn may_end_prefix(table: &Table, window: &str, spaced: &str) -> bool {
    let may_end = |s: &str| {
        s.chars()
            .next_back()
            .is_some_and(|c| table.prefix_ends.contains(&c))
    };
    may_end(window) || (spaced.len() < window.len() && may_end(spaced))
}

/// Where in `window` the leftmost suffix starts that is a prefix spelling, or that is one
/// followed by the white space character `spaced` lacks.
fn prefix_offset(table: &Table, window: &str, spaced: &str) -> Option<usize> {
    window.char_indices().map(|(i, _)| i).find(|&i| {
        table.prefixes.contains_key(&window[i..])
            || (i <= spaced.len()
                && spaced.len() < window.len()
                && table.prefixes.contains_key(&spaced[i..]))
    })
}

/// Whether a unit spelling of `len` bytes at the start of `rest` ends where a word ends.
fn ends_at_boundary(rest: &str, len: usize) -> bool {
    let last = rest[..len].chars().next_back();
    let next = rest[len..].chars().next();
    // A one-letter symbol joined by a hyphen to digits is part of a code ("24703 L-202"), while
    // "3km-5km" is a range.
    let after = &rest[len..];
    if len == 1 && after.starts_with('-') && after[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    match (last, next) {
        (_, None) => true,
        (Some(l), Some(n)) if l.is_alphanumeric() => !(n.is_alphanumeric() || n == '_'),
        // A symbol such as "%" or a quote mark may be followed by anything but a digit.
        (_, Some(n)) => !n.is_ascii_digit(),
    }
}

/// The largest char boundary at or below `i`.
pub(crate) fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The unit called `name` in the table.
pub(crate) fn unit_named(name: &str) -> Option<&'static Unit> {
    TABLE.units.iter().find(|u| u.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The test of last characters turns away only windows that end in no prefix, spaced or
    /// not, and turns away most of those a news text puts before numbers. Each window is up to
    /// eight bytes of prefixes, their parts, words, marks and spaces.
    #[test]
    fn only_windows_without_a_prefix_are_turned_away() {
        let table = &*TABLE;
        let mut pieces: Vec<&str> = table.prefixes.keys().map(String::as_str).collect();
        pieces.sort_unstable();
        pieces.extend([
            "of", "was", "Rs", "U", "S", "D", "s", ".", " ", " ", "\u{a0}", "\n", "(", "-",
            "\u{20ac}", "a", "\u{e9}", "1", "about",
        ]);
        let mut picks = crate::testing::Picks::new(0x9b05_688c_2b3e_6c1f);
        let (mut found, mut turned_away) = (0, 0);
        for _ in 0..50_000 {
            let count = 1 + picks.below(4);
            let text = picks.text(&pieces, count);
            let from = floor_char_boundary(&text, text.len().saturating_sub(8));
            let window = &text[from..];
            let spaced = window
                .strip_suffix(|c: char| c.is_whitespace())
                .unwrap_or(window);
            let offset = prefix_offset(table, window, spaced);
            if may_end_prefix(table, window, spaced) {
                found += usize::from(offset.is_some());
            } else {
                assert_eq!(offset, None, "{window:?}");
                turned_away += 1;
            }
        }
        assert!(
            found > 20_000 && turned_away > 8_000,
            "{found} {turned_away}"
        );
    }

    fn check(text: &str, expected: Option<(&str, &str)>) {
        let got = unit_at(text, 0).map(|m| (&text[m.start..m.end], m.unit.name.as_str()));
        assert_eq!(got, expected, "{text:?}");
    }

    #[test]
    fn reads_units() {
        for (text, expected) in [
            ("km from", Some(("km", "kilometre"))),
            ("kilometres south", Some(("kilometres", "kilometre"))),
            ("Kilometers", Some(("Kilometers", "kilometre"))),
            (
                "nautical miles off",
                Some(("nautical miles", "nautical mile")),
            ),
            ("miles an hour", Some(("miles an hour", "mile per hour"))),
            ("inches", Some(("inches", "inch"))),
            ("square meters of", Some(("square meters", "square metre"))),
            ("km2.", Some(("km2", "square kilometre"))),
            ("m212", None),
            ("% of", Some(("%", "percent"))),
            ("per cent", Some(("per cent", "percent"))),
            ("people", None),
            ("metric tons", Some(("metric tons", "tonne"))),
        ] {
            check(text, expected);
        }
    }

    #[test]
    fn table_is_consistent() {
        assert!(unit_named("kilometre").is_some_and(|u| u.factor == 1000.0));
        let text = "it cost US$5";
        assert_eq!(
            prefix_before(text, text.len() - 1).map(|(u, s)| (u.name.as_str(), s)),
            Some(("US dollar", 8))
        );
    }
}
