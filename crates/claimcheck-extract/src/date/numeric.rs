//! The `NUMERIC` pattern read by hand: two numbers of one or two digits joined by a slash, a
//! point or a hyphen, perhaps with a year after another ("3/4/2023", "31.12.23", and every
//! decimal and score the pattern also matches, which the caller turns away).
//!
//! Every match holds a separator right after its first number, so the reader starts from the
//! separators (one vectorised pass for the three bytes) and reads each match forwards as the
//! pattern does: `\b(?P<a>[0-9]{1,2})\s?(?P<s1>[/.-])\s?(?P<b>[0-9]{1,2})`, then, if it is
//! there, `\s?(?P<s2>[/.-])\s?(?P<y>[0-9]{4}|[0-9]{2})`. Its search read a third of a news
//! text (the stretches with digits and a point) and filled eight groups at every decimal. A
//! debug build compares each result with the pattern's search (see `date.rs`).

use super::spelled::{boundary, in_order, is_word, space_at, year_at, year_digits};
use claimcheck_core::Span;

/// A match of `NUMERIC` and its groups.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct NumericMatch {
    pub whole: Span,
    pub a: Span,
    pub s1: Span,
    pub b: Span,
    pub s2: Option<Span>,
    pub y: Option<Span>,
}

/// The number of ASCII digits from `at`, counting at most `most`.
fn digits(b: &[u8], at: usize, most: usize) -> usize {
    b.get(at..).map_or(0, |rest| {
        rest.iter()
            .take(most)
            .take_while(|c| c.is_ascii_digit())
            .count()
    })
}

/// A separator of the pattern, `[/.-]`, at `at`, after one optional white-space character
/// (`\s?[/.-]`).
fn separator(s: &str, at: usize) -> Option<Span> {
    let k = at + space_at(s, at);
    matches!(s.as_bytes().get(k), Some(b'/' | b'.' | b'-')).then_some(Span::new(k, k + 1))
}

/// `count`'s digits after one optional white-space character: `\s?[0-9]{count}`, or as many
/// as there are up to `count` where `up_to` (`\s?[0-9]{1,count}`).
fn number(s: &str, at: usize, count: usize, up_to: bool) -> Option<Span> {
    let k = at + space_at(s, at);
    let n = digits(s.as_bytes(), k, count);
    (n == count || (up_to && n > 0)).then_some(Span::new(k, k + n))
}

/// The match that starts at `at`, if one does.
fn numeric_at(s: &str, at: usize) -> Option<NumericMatch> {
    let b = s.as_bytes();
    if at > 0 && is_word(b[at - 1]) {
        return None;
    }
    // Greedy, two digits then one; one would leave a digit where the separator must be.
    let n = digits(b, at, 3);
    if !(1..=2).contains(&n) {
        return None;
    }
    let a = Span::new(at, at + n);
    let s1 = separator(s, a.end)?;
    let second = number(s, s1.end, 2, true)?;
    let year = separator(s, second.end).and_then(|s2| {
        let y = number(s, s2.end, 4, false).or_else(|| number(s, s2.end, 2, false))?;
        Some((s2, y))
    });
    Some(NumericMatch {
        whole: Span::new(at, year.map_or(second.end, |(_, y)| y.end)),
        a,
        s1,
        b: second,
        s2: year.map(|(s2, _)| s2),
        y: year.map(|(_, y)| y),
    })
}

/// Every match of `NUMERIC` in `lower`, in order, each search from where the last match ended.
pub(super) fn numeric_dates(lower: &str) -> Vec<NumericMatch> {
    let b = lower.as_bytes();
    let mut found: Vec<NumericMatch> = Vec::new();
    let mut from = 0;
    for k in memchr::memchr3_iter(b'/', b'.', b'-', b) {
        // The first number ends at the separator or one white-space character before it.
        let end = lower[..k]
            .chars()
            .next_back()
            .filter(|c| c.is_whitespace())
            .map_or(k, |c| k - c.len_utf8());
        let n = b[..end]
            .iter()
            .rev()
            .take(3)
            .take_while(|c| c.is_ascii_digit())
            .count();
        if !(1..=2).contains(&n) || end - n < from {
            continue;
        }
        if let Some(hit) = numeric_at(lower, end - n) {
            from = hit.whole.end;
            found.push(hit);
        }
    }
    found
}

/// A match of `ISO` and its groups.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct IsoMatch {
    pub whole: Span,
    pub y: Span,
    pub s1: Span,
    pub m: Span,
    pub s2: Span,
    pub d: Span,
}

/// A separator of the pattern, `[/.-]`, at `at`.
fn separator_at(b: &[u8], at: usize) -> Option<Span> {
    matches!(b.get(at), Some(b'/' | b'.' | b'-')).then_some(Span::new(at, at + 1))
}

/// Every match of `ISO`, `\b(?P<y>YEAR)(?P<s1>[-/.])(?P<m>[0-9]{1,2})(?P<s2>[-/.])
/// (?P<d>[0-9]{1,2})`, from the places of a year's first two digits.
pub(super) fn iso_dates(lower: &str, places: &[(u32, u32)]) -> Vec<IsoMatch> {
    let b = lower.as_bytes();
    let at = |start: usize| {
        let y = year_from(b, start)?;
        let s1 = separator_at(b, y.end)?;
        // The month's digits must be followed by the separator: one or two, and no more.
        let n = digits(b, s1.end, 3);
        let m = Span::new(s1.end, s1.end + n);
        let s2 = separator_at(b, m.end).filter(|_| (1..=2).contains(&n))?;
        let n = digits(b, s2.end, 2);
        let d = Span::new(s2.end, s2.end + n);
        (n > 0).then_some(IsoMatch {
            whole: Span::new(y.start, d.end),
            y,
            s1,
            m,
            s2,
            d,
        })
    };
    from_years(places, at, |h| h.whole)
}

/// A match of `SHORT_YEAR`: the quote and the two digits after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct ShortYear {
    pub whole: Span,
    pub quote: Span,
    pub yy: Span,
}

/// Every match of `SHORT_YEAR`, `(?P<q>['\u{2019}\u{2018}`])(?P<yy>[0-9]{2})\b` ("since '82"),
/// from the places of the quotes.
pub(super) fn short_years(lower: &str, places: &[(u32, u32)]) -> Vec<ShortYear> {
    let b = lower.as_bytes();
    places
        .iter()
        .filter_map(|&(start, len)| {
            let quote = Span::new(start as usize, (start + len) as usize);
            let yy = Span::new(quote.end, quote.end + 2);
            (digits(b, quote.end, 2) == 2 && !b.get(yy.end).is_some_and(|&c| is_word(c))).then_some(
                ShortYear {
                    whole: Span::new(quote.start, yy.end),
                    quote,
                    yy,
                },
            )
        })
        .collect()
}

/// The span of the first of `forms` (each a check of the two bytes at `at` and the length it
/// takes, 1 or 2) that reads at `at` and is followed by a word boundary.
fn first_form(b: &[u8], at: usize, forms: &[fn(u8, u8) -> Option<usize>]) -> Option<Span> {
    let (first, second) = (
        b.get(at).copied().unwrap_or(0),
        b.get(at + 1).copied().unwrap_or(0),
    );
    forms.iter().find_map(|form| {
        let n = form(first, second)?;
        boundary(b, at + n).then_some(Span::new(at, at + n))
    })
}

/// `0[1-9]`.
fn zero_digit(a: u8, b: u8) -> Option<usize> {
    (a == b'0' && matches!(b, b'1'..=b'9')).then_some(2)
}

/// `1[0-2]`.
fn ten_to_twelve(a: u8, b: u8) -> Option<usize> {
    (a == b'1' && matches!(b, b'0'..=b'2')).then_some(2)
}

/// `[1-9]`.
fn one_digit(a: u8, _: u8) -> Option<usize> {
    matches!(a, b'1'..=b'9').then_some(1)
}

/// A [`super::YEAR`] at `at` with a word boundary before it (and none needed after).
fn year_from(b: &[u8], at: usize) -> Option<Span> {
    year_digits(b, at).filter(|_| !(at > 0 && is_word(b[at - 1])))
}

/// A match of `YEAR_MONTH` ("2015-03", "2014/10") or `MONTH_SLASH_YEAR` ("12/2015"): the
/// whole, the year, and the month after a hyphen (`mm`) or otherwise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct YearAndMonth {
    pub whole: Span,
    pub year: Span,
    pub month: Option<Span>,
    pub month_after_hyphen: Option<Span>,
}

/// The matches of a pattern, each from a year's place, as a search finds them.
fn from_years<T>(
    places: &[(u32, u32)],
    at: impl Fn(usize) -> Option<T>,
    whole: impl Fn(&T) -> Span,
) -> Vec<T> {
    in_order(places.iter().map(|&(start, _)| [at(start as usize)]), whole)
}

/// Every match of `YEAR_MONTH`, `\b(?P<y>YEAR)(?:-(?P<mm>0[1-9]|1[0-2]|[1-9])|/(?P<m>0?[1-9]|
/// 1[0-2]))\b`, from the places of a year's first two digits.
pub(super) fn year_months(lower: &str, places: &[(u32, u32)]) -> Vec<YearAndMonth> {
    let b = lower.as_bytes();
    let at = |start: usize| {
        let year = year_from(b, start)?;
        let (month, month_after_hyphen) = match b.get(year.end) {
            Some(b'-') => (
                None,
                Some(first_form(
                    b,
                    year.end + 1,
                    &[zero_digit, ten_to_twelve, one_digit],
                )?),
            ),
            Some(b'/') => (
                Some(first_form(
                    b,
                    year.end + 1,
                    &[zero_digit, one_digit, ten_to_twelve],
                )?),
                None,
            ),
            _ => return None,
        };
        let end = month.or(month_after_hyphen)?.end;
        Some(YearAndMonth {
            whole: Span::new(year.start, end),
            year,
            month,
            month_after_hyphen,
        })
    };
    from_years(places, at, |h| h.whole)
}

/// Every match of `MONTH_SLASH_YEAR`, `\b(?P<m>0?[1-9]|1[0-2])[/-](?P<y>YEAR)\b`, from the
/// places of a year's first two digits (the year's).
pub(super) fn month_slash_years(lower: &str, places: &[(u32, u32)]) -> Vec<YearAndMonth> {
    let b = lower.as_bytes();
    let at = |start: usize| {
        let separator = start
            .checked_sub(1)
            .filter(|&k| matches!(b[k], b'/' | b'-'))?;
        let year = year_at(b, start)?;
        // The month starts one or two bytes before the separator, at a word's start, and
        // reads to the separator by the first of its forms that does.
        (separator.saturating_sub(2)..separator).find_map(|m| {
            if m > 0 && is_word(b[m - 1]) || !b[m].is_ascii_digit() {
                return None;
            }
            let forms: [fn(u8, u8) -> Option<usize>; 3] = [zero_digit, one_digit, ten_to_twelve];
            let (first, second) = (b[m], b.get(m + 1).copied().unwrap_or(0));
            let n = forms
                .iter()
                .find_map(|f| f(first, second).filter(|&n| m + n == separator))?;
            Some(YearAndMonth {
                whole: Span::new(m, year.end),
                year,
                month: Some(Span::new(m, m + n)),
                month_after_hyphen: None,
            })
        })
    };
    from_years(places, at, |h| h.whole)
}

/// A match of `COMPACT` ("20161016"): the whole and its year, month and day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Compact {
    pub whole: Span,
    pub y: Span,
    pub m: Span,
    pub d: Span,
}

/// Every match of `COMPACT`, `\b(?P<y>(?:19|20)[0-9]{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|
/// [12][0-9]|3[01])\b`, from the places of a year's first two digits.
pub(super) fn compacts(lower: &str, places: &[(u32, u32)]) -> Vec<Compact> {
    let b = lower.as_bytes();
    let at = |start: usize| {
        let d8 = b.get(start..start + 8)?;
        let ok = matches!(d8[..2], [b'1', b'9'] | [b'2', b'0'])
            && d8.iter().all(u8::is_ascii_digit)
            && (zero_digit(d8[4], d8[5]).is_some() || ten_to_twelve(d8[4], d8[5]).is_some())
            && (zero_digit(d8[6], d8[7]).is_some()
                || matches!(d8[6], b'1' | b'2')
                || (d8[6] == b'3' && matches!(d8[7], b'0' | b'1')))
            && !(start > 0 && is_word(b[start - 1]))
            && boundary(b, start + 8);
        ok.then_some(Compact {
            whole: Span::new(start, start + 8),
            y: Span::new(start, start + 4),
            m: Span::new(start + 4, start + 6),
            d: Span::new(start + 6, start + 8),
        })
    };
    from_years(places, at, |h| h.whole)
}
