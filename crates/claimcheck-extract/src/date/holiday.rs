//! Holidays as dates: the table of names (`holidays.tsv`) and the rule that gives each one's day
//! in a year ("Christmas" is December 25, "Easter" follows the moon, "Thanksgiving" is the fourth
//! Thursday of November).

use crate::ascii::is_word_byte;
use std::sync::LazyLock;

use jiff::civil::{Date, Weekday};

use super::anchor;
use super::lexicon;

const TABLE: &str = include_str!("holidays.tsv");

/// How a holiday's day is found in a year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Rule {
    /// The same month and day every year.
    Fixed { month: i8, day: i8 },
    /// Days from Western Easter Sunday.
    Easter(i64),
    /// The nth weekday of a month (-1 for the last), then some days on.
    Weekday {
        month: i8,
        nth: i8,
        day: Weekday,
        offset: i64,
    },
}

impl Rule {
    /// The holiday's day in `year`.
    pub(super) fn in_year(self, year: i16) -> Option<Date> {
        match self {
            Rule::Fixed { month, day } => Date::new(year, month, day).ok(),
            Rule::Easter(offset) => anchor::add_days(easter(year)?, offset),
            Rule::Weekday {
                month,
                nth,
                day,
                offset,
            } => {
                let first = Date::new(year, month, 1).ok()?;
                anchor::add_days(first.nth_weekday_of_month(nth, day).ok()?, offset)
            }
        }
    }
}

/// A holiday of the table: its spellings and its rule.
#[derive(Debug)]
pub(super) struct Holiday {
    pub(super) spellings: Vec<String>,
    pub(super) rule: Rule,
}

/// The holidays, parsed once from the table.
pub(super) static HOLIDAYS: LazyLock<Vec<Holiday>> = LazyLock::new(|| {
    TABLE
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            let (spellings, rule) = match cols.as_slice() {
                [_, spellings, rule] => (spellings, rule),
                _ => panic!("holidays.tsv: three columns expected in {line:?}"),
            };
            Holiday {
                spellings: spellings.split('|').map(str::to_string).collect(),
                rule: parse_rule(rule)
                    .unwrap_or_else(|| panic!("holidays.tsv: bad rule in {line:?}")),
            }
        })
        .collect()
});

fn parse_rule(rule: &str) -> Option<Rule> {
    let parts: Vec<&str> = rule.split_whitespace().collect();
    match parts.as_slice() {
        ["fixed", md] => {
            let (m, d) = md.split_once('-')?;
            Some(Rule::Fixed {
                month: m.parse().ok()?,
                day: d.parse().ok()?,
            })
        }
        ["easter", n] => Some(Rule::Easter(n.parse().ok()?)),
        ["weekday", m, nth, wd, n] => Some(Rule::Weekday {
            month: m.parse().ok()?,
            nth: nth.parse().ok()?,
            day: lexicon::weekday(wd)?,
            offset: n.parse().ok()?,
        }),
        _ => None,
    }
}

/// For each spelling, the words every match of it holds as written (the letters between
/// spaces and apostrophes, but a lone "s", which may be left out): a text that lacks a word of
/// each spelling names no holiday. Every word of a spelling, rather than its longest, since
/// "year" (of "new year's day") or "may" (of "may day") alone is in most articles.
pub(super) fn key_words() -> &'static [Vec<String>] {
    static WORDS: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
        HOLIDAYS
            .iter()
            .flat_map(|h| h.spellings.iter())
            .map(|s| {
                s.split(|c: char| !c.is_ascii_alphabetic())
                    .filter(|w| !w.is_empty() && *w != "s")
                    .map(str::to_string)
                    .collect()
            })
            .collect()
    });
    &WORDS
}

/// [`key_words`] for asking a text about them: each distinct word once, with a searcher built
/// for it, and each spelling as the indices of its words.
pub(super) struct KeyWords {
    pub words: Vec<&'static str>,
    pub finders: Vec<memchr::memmem::Finder<'static>>,
    pub spellings: Vec<Vec<usize>>,
    /// Each spelling's lead word ([`lead_words`]), and the spellings each one leads.
    pub leads: Vec<&'static str>,
    led: rustc_hash::FxHashMap<&'static str, Vec<usize>>,
}

/// The one group of words that gates the holiday pattern's stretches: each spelling's longest
/// word (its first, of two as long), which every match of the spelling holds as written (see
/// [`key_words`]). A stretch that holds one is then asked whether the words of a spelling it
/// leads stand in sequence there ([`KeyWords::in_stretch`]).
pub(super) fn lead_words() -> &'static [&'static [&'static str]] {
    static GROUP: LazyLock<[&'static [&'static str]; 1]> =
        LazyLock::new(|| [key_word_index().leads.as_slice()]);
    GROUP.as_slice()
}

impl KeyWords {
    /// Whether the words of a spelling (`spelling`, indices into [`KeyWords::words`]) stand in
    /// `lower` one after another, with at most what [`alternation`] lets stand between two of
    /// them (an apostrophe, an "s", a point and white space, each optional), the first starting
    /// and the last ending at a word boundary. More than the pattern allows, never less (every
    /// spelling starts and ends with one of its words), so a text this says no to holds no
    /// holiday. Most articles hold every word of some spelling somewhere ("new", "year" and
    /// "day"; "easter" is in every "eastern"), and compiled the holiday pattern (1.3 ms) to find
    /// nothing: extracting 10 KB of the bench text took 51.9 M instructions before this test
    /// and 43.8 M after.
    pub(super) fn in_sequence(&self, lower: &str, spelling: &[usize]) -> bool {
        let Some((&first, rest)) = spelling.split_first() else {
            return false;
        };
        let len = self.words[first].len();
        let bytes = lower.as_bytes();
        // The boundaries are ASCII's, as the pattern's are.
        self.finders[first].find_iter(bytes).any(|at| {
            !at.checked_sub(1).is_some_and(|b| is_word_byte(bytes[b]))
                && self.follow(lower, at + len, rest)
        })
    }

    /// Whether `stretch` of `lower` may hold a holiday: whether a spelling led by a word at one
    /// of `occurrences` (offset and length in `lower`, as the trigger pass gives them) has its
    /// words in sequence in the stretch ([`KeyWords::in_sequence`], read in the stretch alone,
    /// which can only say yes more often: its ends count as word boundaries).
    pub(super) fn in_stretch(
        &self,
        lower: &str,
        stretch: std::ops::Range<usize>,
        occurrences: &[(u32, u32)],
    ) -> bool {
        let text = &lower[stretch];
        // Each lead word's spellings asked about once, however often it stands in the stretch
        // (of the first few words: past them a word is asked about again).
        let mut asked: [&str; 8] = [""; 8];
        occurrences.iter().any(|&(at, len)| {
            let Some((&word, spellings)) = lower
                .get(at as usize..(at + len) as usize)
                .and_then(|w| self.led.get_key_value(w))
            else {
                return false;
            };
            if asked.contains(&word) {
                return false;
            }
            if let Some(free) = asked.iter_mut().find(|a| a.is_empty()) {
                *free = word;
            }
            spellings
                .iter()
                .any(|&s| self.in_sequence(text, &self.spellings[s]))
        })
    }

    /// Whether the words `rest` follow from byte `from` of `lower` (see
    /// [`KeyWords::in_sequence`]).
    fn follow(&self, lower: &str, from: usize, rest: &[usize]) -> bool {
        let Some((&next, rest)) = rest.split_first() else {
            return !lower.as_bytes().get(from).is_some_and(|&b| is_word_byte(b));
        };
        let word = self.words[next];
        let gap = &lower[from..];
        let apostrophe = gap
            .strip_prefix('\'')
            .or_else(|| gap.strip_prefix('\u{2019}'))
            .map_or(0, |after| gap.len() - after.len());
        // Each optional mark both with and without it: the next word may itself begin with an
        // "s".
        let mut starts = [0usize; 8];
        let mut n = 0;
        for a in [0, apostrophe] {
            for b in [a, a + usize::from(gap[a..].starts_with('s'))] {
                for c in [b, b + usize::from(gap[b..].starts_with('.'))] {
                    let spaced = gap[c..].trim_start_matches(char::is_whitespace);
                    let start = gap.len() - spaced.len();
                    if !starts[..n].contains(&start) {
                        starts[n] = start;
                        n += 1;
                    }
                }
            }
        }
        starts[..n].iter().any(|&start| {
            gap[start..].starts_with(word) && self.follow(lower, from + start + word.len(), rest)
        })
    }
}

pub(super) fn key_word_index() -> &'static KeyWords {
    static INDEX: LazyLock<KeyWords> = LazyLock::new(|| {
        let mut distinct: Vec<&'static str> = Vec::new();
        let spellings = key_words()
            .iter()
            .map(|words| {
                words
                    .iter()
                    .map(|w| {
                        distinct.iter().position(|d| d == w).unwrap_or_else(|| {
                            distinct.push(w);
                            distinct.len() - 1
                        })
                    })
                    .collect()
            })
            .collect();
        let mut leads: Vec<&'static str> = Vec::new();
        let mut led: rustc_hash::FxHashMap<&'static str, Vec<usize>> = Default::default();
        for (i, words) in key_words().iter().enumerate() {
            // The longest word; of two as long, the first.
            let Some(lead) = words
                .iter()
                .rev()
                .max_by_key(|w| w.len())
                .map(String::as_str)
            else {
                continue;
            };
            if !leads.contains(&lead) {
                leads.push(lead);
            }
            led.entry(lead).or_default().push(i);
        }
        KeyWords {
            words: distinct.clone(),
            finders: distinct
                .iter()
                .map(|w| memchr::memmem::Finder::new(w).into_owned())
                .collect(),
            spellings,
            leads,
            led,
        }
    });
    &INDEX
}

/// A regular expression alternation of every spelling, longest first, with an apostrophe-s
/// optional and any spacing between words.
pub(super) fn alternation() -> String {
    spellings_in_order()
        .iter()
        .map(|s| {
            // The apostrophe of "'s" is optional with the "s"; any other may be left out. (The
            // two were once replaced in turn, which put a class inside the first one's class.)
            regex::escape(s)
                .split("'s")
                .map(|part| part.replace('\'', "['\u{2019}]?"))
                .collect::<Vec<_>>()
                .join("(?:['\u{2019}]?s)?")
                .replace(' ', r"\s+")
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// Every spelling, longest first (of two as long, the first in the table): the order of
/// [`alternation`], which is the order its search tries them in.
pub(super) fn spellings_in_order() -> Vec<&'static str> {
    let mut spellings: Vec<&'static str> = HOLIDAYS
        .iter()
        .flat_map(|h| h.spellings.iter().map(String::as_str))
        .collect();
    spellings.sort_by_key(|s| std::cmp::Reverse(s.len()));
    spellings
}

/// The holiday a matched spelling names.
pub(super) fn named(words: &str) -> Option<Rule> {
    let key = normalise(words);
    HOLIDAYS
        .iter()
        .find(|h| h.spellings.iter().any(|s| normalise(s) == key))
        .map(|h| h.rule)
}

/// A spelling reduced to its words' letters without a plural or possessive s, so "New Years
/// Day" and "new year's day" compare equal.
fn normalise(words: &str) -> String {
    words
        .to_lowercase()
        .split_whitespace()
        .map(|w| {
            let letters: String = w.chars().filter(|c| c.is_alphabetic()).collect();
            letters.trim_end_matches('s').to_string()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Western Easter Sunday of `year` (the anonymous Gregorian computus).
pub(super) fn easter(year: i16) -> Option<Date> {
    let y = i32::from(year);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(words: &str, year: i16, expected: &str) {
        let rule = named(words).unwrap_or_else(|| panic!("{words:?} names no holiday"));
        let got = rule.in_year(year).map(|d| d.to_string());
        assert_eq!(got.as_deref(), Some(expected), "{words} {year}");
    }

    #[test]
    fn holidays_fall_on_their_days() {
        check("Christmas", 2024, "2024-12-25");
        check("New Years Day", 2014, "2014-01-01");
        check("new year's eve", 2013, "2013-12-31");
        check("Easter", 2013, "2013-03-31");
        check("Easter", 2019, "2019-04-21");
        check("Easter", 2010, "2010-04-04");
        check("Good Friday", 2024, "2024-03-29");
        check("Easter Monday", 2013, "2013-04-01");
        check("Thanksgiving", 2013, "2013-11-28");
        check("Black Friday", 2010, "2010-11-26");
        check("Memorial Day", 2024, "2024-05-27");
        check("MLK day", 2014, "2014-01-20");
        check("St Patricks Day", 2013, "2013-03-17");
        check("Pentecost", 2013, "2013-05-19");
    }

    /// "Valentine's Day" may drop or curl its apostrophe, and nothing else stands in for it.
    #[test]
    fn an_apostrophe_s_is_optional_and_only_an_apostrophe() {
        let alternation = regex::Regex::new(&format!("^(?:{})$", alternation())).expect("valid");
        for spelling in [
            "valentine's day",
            "valentine\u{2019}s day",
            "valentines day",
        ] {
            assert!(alternation.is_match(spelling), "{spelling}");
        }
        assert!(!alternation.is_match("valentine?s day"));
    }

    /// [`KeyWords::in_sequence`] looks for word boundaries at a spelling's first and last key
    /// words, which holds only while every spelling starts and ends with one.
    #[test]
    fn every_spelling_starts_and_ends_with_a_key_word() {
        for (spelling, words) in HOLIDAYS
            .iter()
            .flat_map(|h| h.spellings.iter())
            .zip(key_words())
        {
            let (first, last) = (&words[0], &words[words.len() - 1]);
            assert!(spelling.starts_with(first.as_str()), "{spelling}");
            assert!(spelling.ends_with(last.as_str()), "{spelling}");
        }
    }

    #[test]
    fn every_spelling_names_its_holiday() {
        for h in HOLIDAYS.iter() {
            for s in &h.spellings {
                assert_eq!(named(s), Some(h.rule), "{s}");
            }
        }
    }
}
