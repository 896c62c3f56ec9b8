//! The three date patterns of a counted unit of time, read by hand: `AGO` ("two days ago"),
//! `IN_TIME` ("in three weeks", "in a fortnight's time") and `FROM_BASE` ("five years from
//! now", "a week hence"). Each match holds a unit the trigger pass has already found (or, for
//! `AGO`, "ago"), with the count as the whole word before it, so the reader looks out from
//! there as the pattern reads it, where the searches read every stretch around a unit of time
//! (a "day" in "today" and "Monday" among them). A debug build compares each reader with its
//! pattern's search (see `date.rs`).

use super::relative::{text, word_before};
use super::spelled::{boundary, in_order, is_word, skip_spaces, word_end};
use claimcheck_core::Span;

/// The words of [`super::SMALL_COUNT`]; its digits are `[0-9]{1,3}`.
const COUNT_WORDS: &[&str] = &[
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve",
];

/// The units of the three patterns.
const UNITS: &[&str] = &["day", "week", "fortnight", "month", "year"];

/// A match of one of the three patterns and its groups: the count, the unit (without its "s"),
/// for `IN_TIME` the count and unit together, for `FROM_BASE` the direction and the day
/// counted from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Counted {
    pub whole: Span,
    pub count: Span,
    pub unit: Span,
    pub counted: Option<Span>,
    pub direction: Option<Span>,
    pub base: Option<Span>,
}

/// Whether `word` is a [`super::SMALL_COUNT`].
fn is_count(word: &str) -> bool {
    COUNT_WORDS.contains(&word)
        || ((1..=3).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit()))
}

/// The whole word after `at` across at least one white-space character (`\s+WORD`).
fn word_after(s: &str, at: usize) -> Option<Span> {
    let start = skip_spaces(s, at);
    (start > at).then(|| Span::new(start, word_end(s.as_bytes(), start)))
}

/// The unit at `place`, if the trigger word there is one and starts a word, and the count
/// before it: `\b(?P<n>SMALL_COUNT)\s+(?P<u>UNIT)`.
fn count_before(s: &str, place: (u32, u32)) -> Option<(Span, Span)> {
    let start = place.0 as usize;
    let unit = Span::new(start, start + place.1 as usize);
    if !UNITS.contains(&text(s, unit)) || (start > 0 && is_word(s.as_bytes()[start - 1])) {
        return None;
    }
    let count = word_before(s, unit.start).filter(|c| is_count(text(s, *c)))?;
    Some((count, unit))
}

/// Where the unit's word ends if it is the unit with or without an "s" (`UNIT s?` and a word's
/// end).
fn unit_word_end(s: &str, unit: Span) -> Option<usize> {
    let end = word_end(s.as_bytes(), unit.start);
    (end == unit.end || (end == unit.end + 1 && s.as_bytes()[unit.end] == b's')).then_some(end)
}

/// A match of one count and unit, the rest of it given.
fn counted(whole: Span, count: Span, unit: Span) -> Counted {
    Counted {
        whole,
        count,
        unit,
        counted: None,
        direction: None,
        base: None,
    }
}

/// Every match of `AGO`, `\b(?P<n>SMALL_COUNT)\s+(?P<u>UNIT)s?\s+ago\b`, from the places of
/// "ago".
pub(super) fn ago(lower: &str, places: &[(u32, u32)]) -> Vec<Counted> {
    let b = lower.as_bytes();
    let at = |(start, len): (u32, u32)| {
        let ago = Span::new(start as usize, (start + len) as usize);
        if !boundary(b, ago.end) {
            return None;
        }
        let word = word_before(lower, ago.start)?;
        let unit_len = UNITS
            .iter()
            .find(|u| {
                text(lower, word)
                    .strip_suffix('s')
                    .unwrap_or(text(lower, word))
                    == **u
            })?
            .len();
        let (count, unit) = count_before(lower, (word.start as u32, unit_len as u32))?;
        Some([
            Some(counted(Span::new(count.start, ago.end), count, unit)),
            None,
        ])
    };
    in_order(places.iter().filter_map(|&p| at(p)), |h| h.whole)
}

/// Every match of `FROM_BASE`, `\b(?P<n>SMALL_COUNT)\s+(?P<u>UNIT)s?\s+(?:(?P<dir>from|after|
/// before)\s+(?P<base>now|today|tomorrow|yesterday)|hence)\b`, from the places of the units.
pub(super) fn from_base(lower: &str, places: &[(u32, u32)]) -> Vec<Counted> {
    let at = |place| {
        let (count, unit) = count_before(lower, place)?;
        let next = word_after(lower, unit_word_end(lower, unit)?)?;
        let hit = match text(lower, next) {
            "hence" => counted(Span::new(count.start, next.end), count, unit),
            "from" | "after" | "before" => {
                let base = word_after(lower, next.end).filter(|w| {
                    matches!(text(lower, *w), "now" | "today" | "tomorrow" | "yesterday")
                })?;
                Counted {
                    direction: Some(next),
                    base: Some(base),
                    ..counted(Span::new(count.start, base.end), count, unit)
                }
            }
            _ => return None,
        };
        Some([Some(hit), None])
    };
    in_order(places.iter().filter_map(|&p| at(p)), |h| h.whole)
}

/// Every match of `IN_TIME`, `\bin\s+(?P<t>(?P<n>SMALL_COUNT)\s+(?P<u>UNIT)s?)(?:['\u{2019}]?
/// \s*time)?\b`, from the places of the units.
pub(super) fn in_time(lower: &str, places: &[(u32, u32)]) -> Vec<Counted> {
    let b = lower.as_bytes();
    let at = |place| {
        let (count, unit) = count_before(lower, place)?;
        let word_in = word_before(lower, count.start)?;
        if text(lower, word_in) != "in" {
            return None;
        }
        // The "s", then "time", each taken where the rest still ends at a word's end.
        let with_s = (b.get(unit.end) == Some(&b's')).then_some(unit.end + 1);
        let hit = [with_s, Some(unit.end)]
            .into_iter()
            .flatten()
            .find_map(|t_end| {
                let quote = ["'", "\u{2019}"]
                    .iter()
                    .find(|q| lower[t_end..].starts_with(**q))
                    .map_or(0, |q| q.len());
                let time = skip_spaces(lower, t_end + quote);
                let end = if lower[time..].starts_with("time") && boundary(b, time + 4) {
                    time + 4
                } else if boundary(b, t_end) {
                    t_end
                } else {
                    return None;
                };
                Some(Counted {
                    counted: Some(Span::new(count.start, t_end)),
                    ..counted(Span::new(word_in.start, end), count, unit)
                })
            })?;
        Some([Some(hit), None])
    };
    in_order(places.iter().filter_map(|&p| at(p)), |h| h.whole)
}
