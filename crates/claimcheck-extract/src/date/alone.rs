//! The two date patterns of one word, read by hand: `YEAR_ALONE` ("in 1953") and
//! `WEEKDAY_ALONE` ("on Monday"), and the two that add a day to a weekday ("Tuesday the 19th",
//! "Tuesday the nineteenth"). Each match holds a word the trigger pass has already found
//! (a year's first two digits, "day"), so each is read at those places rather than searched
//! for in every stretch that holds them, as the month readers are ([`super::spelled`]); a
//! debug build compares each with its pattern's search (see `date.rs`).

use super::lexicon::DAY_ORDINALS;
use super::spelled::{
    boundary, day_ends, in_order, is_word, ordinal_at, skip_spaces, space_at, word_then_spaces,
    year_at,
};
use claimcheck_core::Span;

/// The weekdays of [`super::WEEKDAY`].
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Every match of `YEAR_ALONE`, `\b(?:YEAR)\b`, in `lower`: from the places of a year's first
/// two digits (`places`, in order).
pub(super) fn years(lower: &str, places: &[(u32, u32)]) -> Vec<Span> {
    let b = lower.as_bytes();
    places
        .iter()
        .filter_map(|&(start, _)| {
            let start = start as usize;
            (start == 0 || !is_word(b[start - 1]))
                .then(|| year_at(b, start))
                .flatten()
        })
        .collect()
}

/// Every match of `WEEKDAY_ALONE`, `\b(?:WEEKDAY)\b`, in `lower`: from the places of "day"
/// (`places`, in order), each the end of a weekday's name or not.
pub(super) fn weekdays(lower: &str, places: &[(u32, u32)]) -> Vec<Span> {
    let b = lower.as_bytes();
    places
        .iter()
        .filter_map(|&(p, _)| {
            let end = p as usize + "day".len();
            if !boundary(b, end) {
                return None;
            }
            WEEKDAYS.iter().find_map(|w| {
                let start = end.checked_sub(w.len())?;
                (b[start..end] == *w.as_bytes() && boundary(b, start))
                    .then_some(Span::new(start, end))
            })
        })
        .collect()
}

/// Where the `,?\s+` after `weekday` ends, if white space follows it (after a comma or not).
fn after_weekday(lower: &str, weekday: Span) -> Option<usize> {
    let comma = weekday.end + usize::from(lower.as_bytes().get(weekday.end) == Some(&b','));
    let spaces = skip_spaces(lower, comma);
    (spaces > comma).then_some(spaces)
}

/// A match of `WEEKDAY_ORDINAL` ("Tuesday the 19th", "Friday, 9th"): the whole, the weekday
/// and the day's digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct WeekdayOrdinal {
    pub whole: Span,
    pub weekday: Span,
    pub day: Span,
}

/// Every match of `WEEKDAY_ORDINAL`, `\b(?P<wd>WEEKDAY),?\s+(?:the\s+)?(?P<d>DAY)ORDINAL\b`,
/// from the weekdays of [`weekdays`].
pub(super) fn weekday_ordinals(lower: &str, weekdays: &[Span]) -> Vec<WeekdayOrdinal> {
    let b = lower.as_bytes();
    let at = |weekday: Span| {
        let spaces = after_weekday(lower, weekday)?;
        let the = b[spaces..]
            .starts_with(b"the")
            .then(|| skip_spaces(lower, spaces + 3))
            .filter(|&k| k > spaces + 3);
        [the, Some(spaces)].into_iter().flatten().find_map(|k| {
            day_ends(b, k).find_map(|end| {
                let o = ordinal_at(b, end).filter(|&o| boundary(b, o))?;
                Some(WeekdayOrdinal {
                    whole: Span::new(weekday.start, o),
                    weekday,
                    day: Span::new(k, end),
                })
            })
        })
    };
    in_order(weekdays.iter().map(|&w| [at(w)]), |hit| hit.whole)
}

/// A match of `WEEKDAY_WORD_DAY` ("Tuesday the nineteenth"): the whole, the weekday and the
/// day's word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct WeekdayWordDay {
    pub whole: Span,
    pub weekday: Span,
    pub day: Span,
}

/// Every match of `WEEKDAY_WORD_DAY`, `\b(?P<wd>WEEKDAY),?\s+the\s+(?P<d>DAY_WORD)\b`, from
/// the weekdays of [`weekdays`].
pub(super) fn weekday_word_days(lower: &str, weekdays: &[Span]) -> Vec<WeekdayWordDay> {
    let at = |weekday: Span| {
        let day = word_then_spaces(lower, after_weekday(lower, weekday)?, "the")?;
        let end = day_word_end(lower, day)?;
        Some(WeekdayWordDay {
            whole: Span::new(weekday.start, end),
            weekday,
            day: Span::new(day, end),
        })
    };
    in_order(weekdays.iter().map(|&w| [at(w)]), |hit| hit.whole)
}

/// The end of [`super::DAY_WORD`] then `\b` at `at`, read as the pattern reads it: "twenty" or
/// "thirty", a hyphen or a white-space character or nothing, and a unit (the first nine
/// ordinals); else one of the single words, in order.
fn day_word_end(lower: &str, at: usize) -> Option<usize> {
    let b = lower.as_bytes();
    let rest = &lower[at..];
    let word_at = |k: usize, word: &str| {
        (lower[k..].starts_with(word) && boundary(b, k + word.len())).then(|| k + word.len())
    };
    if rest.starts_with("twenty") || rest.starts_with("thirty") {
        let tens = at + "twenty".len();
        let sep = if b.get(tens) == Some(&b'-') {
            1
        } else {
            space_at(lower, tens)
        };
        let units = (sep > 0).then_some(tens + sep).into_iter().chain([tens]);
        if let Some(end) = units
            .flat_map(|k| DAY_ORDINALS[..9].iter().map(move |u| (k, u)))
            .find_map(|(k, u)| word_at(k, u))
        {
            return Some(end);
        }
    }
    // The single words in the pattern's order: the ordinals to the nineteenth, then these two.
    DAY_ORDINALS
        .iter()
        .chain(&["twentieth", "thirtieth"])
        .find_map(|w| word_at(at, w))
}
