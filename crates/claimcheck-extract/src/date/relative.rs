//! Three relative date patterns read by hand, each from the word the trigger pass found for it:
//! `RELATIVE_DAY` ("yesterday", "the day after tomorrow"), `REPORT_DAY` ("ended the day",
//! "late in the day") and `RELATIVE_UNIT` ("last week", "the current calendar year", "the
//! year to date"). Each match ends at that word (or, for the year to date, holds it), so the
//! reader looks back from it for what the pattern allows before, where the patterns' searches
//! read every stretch around "day" or a unit of time. A debug build compares each reader with
//! its pattern's search (see `date.rs`).

use super::spelled::{boundary, in_order, is_word, space_at, spaces_before, word_end};
use claimcheck_core::Span;

/// The whole word that ends at `end` (empty where the byte before is no word byte).
pub(super) fn word_ending_at(b: &[u8], end: usize) -> Span {
    let start = end - b[..end].iter().rev().take_while(|&&c| is_word(c)).count();
    Span::new(start, end)
}

/// The whole word before `at` across at least one white-space character (`WORD\s+` ending at
/// `at`), and whether it is `word`.
pub(super) fn word_before(s: &str, at: usize) -> Option<Span> {
    let spaces = spaces_before(s, at);
    (spaces < at).then(|| word_ending_at(s.as_bytes(), spaces))
}

/// The text of `span`.
pub(super) fn text(s: &str, span: Span) -> &str {
    &s[span.start..span.end]
}

/// The whole word at `place` (a trigger word's place), if the word there is that word alone.
fn whole_word(b: &[u8], place: (u32, u32)) -> Option<Span> {
    let (start, len) = (place.0 as usize, place.1 as usize);
    let word = Span::new(start, start + len);
    (boundary(b, word.start) && word_end(b, start) == word.end).then_some(word)
}

/// A match of `RELATIVE_DAY`: the whole, "before" or "after" of "the day before", and the
/// day's word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct RelativeDay {
    pub whole: Span,
    pub before_after: Option<Span>,
    pub word: Span,
}

/// Every match of `RELATIVE_DAY`,
/// `\b(?:the\s+day\s+(?P<ba>before|after)\s+)?(?P<w>today|yesterday|tomorrow|tonight)\b`, from
/// the places of its four words.
pub(super) fn relative_days(lower: &str, places: &[(u32, u32)]) -> Vec<RelativeDay> {
    let b = lower.as_bytes();
    let at = |place| {
        let word = whole_word(b, place)?;
        let alone = RelativeDay {
            whole: word,
            before_after: None,
            word,
        };
        let with_prefix = (|| {
            let ba = word_before(lower, word.start)?;
            let day = word_before(lower, ba.start)?;
            let the = word_before(lower, day.start)?;
            (matches!(text(lower, ba), "before" | "after")
                && text(lower, day) == "day"
                && text(lower, the) == "the")
                .then_some(RelativeDay {
                    whole: Span::new(the.start, word.end),
                    before_after: Some(ba),
                    word,
                })
        })();
        Some([with_prefix, Some(alone)])
    };
    in_order(places.iter().filter_map(|&p| at(p)), |h| h.whole)
}

/// The verbs and prepositions of `REPORT_DAY` before "the day".
const REPORT_WORDS: &[&str] = &[
    "end",
    "ended",
    "ending",
    "ends",
    "finish",
    "finished",
    "finishing",
    "finishes",
    "close",
    "closed",
    "closing",
    "closes",
    "start",
    "started",
    "starting",
    "starts",
    "open",
    "opened",
    "opening",
    "opens",
    "for",
];

/// The words of `REPORT_DAY` before "in the day" ("late in the day").
const REPORT_TIMES: &[&str] = &["late", "early", "earlier", "later"];

/// A match of `REPORT_DAY`: the whole and "the day" in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct ReportDay {
    pub whole: Span,
    pub day: Span,
}

/// Every match of `REPORT_DAY`, `\b(?:end|ended|...|for|late\s+in|early\s+in|earlier\s+in|
/// later\s+in)\s+(?P<d>the\s+day)\b`, from the places of "day".
pub(super) fn report_days(lower: &str, places: &[(u32, u32)]) -> Vec<ReportDay> {
    let b = lower.as_bytes();
    let at = |place| {
        let day = whole_word(b, place)?;
        let the = word_before(lower, day.start)?;
        if text(lower, day) != "day" || text(lower, the) != "the" {
            return None;
        }
        let word = word_before(lower, the.start)?;
        let start = if REPORT_WORDS.contains(&text(lower, word)) {
            word.start
        } else {
            let time = word_before(lower, word.start)?;
            (text(lower, word) == "in" && REPORT_TIMES.contains(&text(lower, time)))
                .then_some(time.start)?
        };
        Some([
            Some(ReportDay {
                whole: Span::new(start, day.end),
                day: Span::new(the.start, day.end),
            }),
            None,
        ])
    };
    in_order(places.iter().filter_map(|&p| at(p)), |h| h.whole)
}

/// A match of `RELATIVE_UNIT`: the whole, the word that places the unit ("last", "the
/// previous", "current") and the unit, or neither for "the year to date".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct RelativeUnit {
    pub whole: Span,
    pub which: Option<Span>,
    pub unit: Option<Span>,
    pub to_date: Option<Span>,
}

/// Every match of `RELATIVE_UNIT`, `\b(?P<q>this|last|next|the\s+previous|(?:the\s+)?current|
/// the\s+coming)\s+(?:calendar\s+)?(?P<u>week|month|year|yr)\b|\b(?P<ytd>the\s+year[-\s]to[-\s]
/// date)\b`, from the places of its units.
pub(super) fn relative_units(lower: &str, places: &[(u32, u32)]) -> Vec<RelativeUnit> {
    let b = lower.as_bytes();
    let at = |place| {
        let unit = whole_word(b, place)?;
        let mut word = word_before(lower, unit.start)?;
        if text(lower, word) == "calendar" {
            word = word_before(lower, word.start)?;
        }
        let the = word_before(lower, word.start).filter(|the| text(lower, *the) == "the");
        let placed = |start: usize| RelativeUnit {
            whole: Span::new(start, unit.end),
            which: Some(Span::new(start, word.end)),
            unit: Some(unit),
            to_date: None,
        };
        let hits = match text(lower, word) {
            "this" | "last" | "next" => [Some(placed(word.start)), None],
            "previous" | "coming" => [the.map(|the| placed(the.start)), None],
            "current" => [the.map(|the| placed(the.start)), Some(placed(word.start))],
            "the" if text(lower, unit) == "year" => [year_to_date(b, lower, word, unit), None],
            _ => return None,
        };
        Some(hits)
    };
    in_order(places.iter().filter_map(|&p| at(p)), |h| h.whole)
}

/// "the year to date" from its "the" and "year": `the\s+year[-\s]to[-\s]date\b`.
fn year_to_date(b: &[u8], lower: &str, the: Span, year: Span) -> Option<RelativeUnit> {
    let joiner = |at: usize| match b.get(at) {
        Some(b'-') => Some(at + 1),
        _ => Some(at + space_at(lower, at)).filter(|&end| end > at),
    };
    let to = joiner(year.end)?;
    let date = joiner(to + 2).filter(|_| b[to..].starts_with(b"to"))?;
    let end = date + 4;
    (b[date..].starts_with(b"date") && boundary(b, end)).then(|| {
        let whole = Span::new(the.start, end);
        RelativeUnit {
            whole,
            which: None,
            unit: None,
            to_date: Some(whole),
        }
    })
}

/// A match of `SHIFTED` ("last Friday", "this coming March"): the whole, the words that shift
/// it and the weekday or month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Shifted {
    pub whole: Span,
    pub which: Span,
    pub name: Span,
}

/// The words right before `name` that shift it, `(?P<q>last|next|previous|following|this\s+past|
/// this\s+coming|coming|this)\s+` (the set `SHIFTED` and `HOLIDAY` share): the one that
/// starts earliest first, and for "this coming" also "coming" alone, which a search takes where
/// "this" is before the end of the last match.
pub(super) fn shift_before(s: &str, name: Span) -> Option<[Option<Span>; 2]> {
    let word = word_before(s, name.start)?;
    let this = || {
        word_before(s, word.start)
            .filter(|w| text(s, *w) == "this")
            .map(|t| Span::new(t.start, word.end))
    };
    Some(match text(s, word) {
        "last" | "next" | "previous" | "following" | "this" => [Some(word), None],
        "coming" => [this(), Some(word)],
        "past" => [this(), None],
        _ => return None,
    })
}

/// Every match of `SHIFTED`, `\b(?P<q>last|next|previous|following|this\s+past|this\s+coming|
/// coming|this)\s+(?P<n>WEEKDAY|FULL_MONTH)\b`, given the weekdays and the months spelled in
/// full, in order.
pub(super) fn shifted(lower: &str, names: &[Span]) -> Vec<Shifted> {
    let at = |name: Span| {
        Some(shift_before(lower, name)?.map(|which| {
            which.map(|which| Shifted {
                whole: Span::new(which.start, name.end),
                which,
                name,
            })
        }))
    };
    in_order(names.iter().filter_map(|&n| at(n)), |h| h.whole)
}

/// A match of `PERIOD_EDGE` ("the end of the year"): the whole, the period with its "the" and
/// "current", and the unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct PeriodEdge {
    pub whole: Span,
    pub period: Span,
    pub unit: Span,
}

/// Every match of `PERIOD_EDGE`, `\b(?:beginning|start|end|middle)\s+of\s+(?P<p>(?:the\s+)?
/// (?:current\s+)?(?P<u>year|month))\b`, from the places of the units.
pub(super) fn period_edges(lower: &str, places: &[(u32, u32)]) -> Vec<PeriodEdge> {
    let b = lower.as_bytes();
    let at = |place| {
        let unit = whole_word(b, place).filter(|u| matches!(text(lower, *u), "year" | "month"))?;
        // Back over "current" and "the", each optional, to "of".
        let mut period = unit;
        let mut word = word_before(lower, unit.start)?;
        for optional in ["current", "the"] {
            if text(lower, word) == optional {
                period.start = word.start;
                word = word_before(lower, word.start)?;
            }
        }
        let edge = word_before(lower, word.start)?;
        (text(lower, word) == "of"
            && matches!(text(lower, edge), "beginning" | "start" | "end" | "middle"))
        .then_some([
            Some(PeriodEdge {
                whole: Span::new(edge.start, unit.end),
                period,
                unit,
            }),
            None,
        ])
    };
    in_order(places.iter().filter_map(|&p| at(p)), |h| h.whole)
}

/// The whole words from `at` on, each after at least one white-space character (`\s+WORD`),
/// for reading a fixed phrase forwards.
fn words_after(s: &str, at: usize) -> impl Iterator<Item = Span> + '_ {
    let mut end = at;
    std::iter::from_fn(move || {
        let start = super::spelled::skip_spaces(s, end);
        if start == end {
            return None;
        }
        end = word_end(s.as_bytes(), start);
        (end > start).then_some(Span::new(start, end))
    })
}

/// Every match of `SAME_PERIOD` ("the same month a year ago"), `\bthe\s+same\s+(?:month|period|
/// quarter|week|day|time)\s+(?:a\s+year\s+(?:ago|earlier|before)|last\s+year|(?:of\s+)?the\s+
/// (?:previous|prior)\s+year|the\s+year\s+before)\b`, from the places of "same".
pub(super) fn same_periods(lower: &str, places: &[(u32, u32)]) -> Vec<Span> {
    let b = lower.as_bytes();
    let at = |place| {
        let same = whole_word(b, place).filter(|w| text(lower, *w) == "same")?;
        let the = word_before(lower, same.start).filter(|w| text(lower, *w) == "the")?;
        let words: Vec<Span> = words_after(lower, same.end).take(5).collect();
        let word = |k: usize| words.get(k).map_or("", |w| text(lower, *w));
        if !matches!(
            word(0),
            "month" | "period" | "quarter" | "week" | "day" | "time"
        ) {
            return None;
        }
        // The phrases after the period, in the pattern's order, as the number of words each
        // takes; the last word must end the match at a word's end, which whole words do.
        let taken = if word(1) == "a"
            && word(2) == "year"
            && matches!(word(3), "ago" | "earlier" | "before")
        {
            4
        } else if word(1) == "last" && word(2) == "year" {
            3
        } else if word(1) == "of"
            && word(2) == "the"
            && matches!(word(3), "previous" | "prior")
            && word(4) == "year"
        {
            5
        } else if word(1) == "the"
            && ((matches!(word(2), "previous" | "prior") && word(3) == "year")
                || (word(2) == "year" && word(3) == "before"))
        {
            4
        } else {
            return None;
        };
        Some([Some(Span::new(the.start, words[taken - 1].end)), None])
    };
    in_order(places.iter().filter_map(|&p| at(p)), |h| *h)
}

/// The ordinals of `CONSECUTIVE_DAY`: `second|...|tenth|[2-9](?:nd|rd|th)|1[0-9]th`.
fn is_nth(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    ];
    let b = word.as_bytes();
    WORDS.contains(&word)
        || (b.len() == 3 && matches!(b[0], b'2'..=b'9') && matches!(&b[1..], b"nd" | b"rd" | b"th"))
        || (b.len() == 4 && b[0] == b'1' && b[1].is_ascii_digit() && &b[2..] == b"th")
}

/// Every match of `CONSECUTIVE_DAY` ("a third straight day"), `\ba\s+(?:NTH)\s+(?:consecutive|
/// straight|successive)\s+(?:trading\s+)?day\b`, from the places of its three adjectives.
pub(super) fn consecutive_days(lower: &str, places: &[(u32, u32)]) -> Vec<Span> {
    let b = lower.as_bytes();
    let at = |place| {
        let word = whole_word(b, place)?;
        let nth = word_before(lower, word.start).filter(|w| is_nth(text(lower, *w)))?;
        let a = word_before(lower, nth.start).filter(|w| text(lower, *w) == "a")?;
        let mut after = words_after(lower, word.end);
        let mut next = after.next()?;
        if text(lower, next) == "trading" {
            next = after.next()?;
        }
        (text(lower, next) == "day").then_some([Some(Span::new(a.start, next.end)), None])
    };
    in_order(places.iter().filter_map(|&p| at(p)), |h| *h)
}
