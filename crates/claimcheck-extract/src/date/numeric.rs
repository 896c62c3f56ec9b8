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

use super::spelled::{is_word, space_at};
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
        if start > 0 && is_word(b[start - 1]) {
            return None;
        }
        let digits4 = b.get(start..start + 4)?;
        let century = matches!(digits4[..2], [b'1', b'5'..=b'9'] | [b'2', b'0']);
        if !century || !digits4[2..].iter().all(u8::is_ascii_digit) {
            return None;
        }
        let y = Span::new(start, start + 4);
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
    let mut found: Vec<IsoMatch> = Vec::new();
    for &(start, _) in places {
        let start = start as usize;
        if found.last().is_some_and(|last| start < last.whole.end) {
            continue;
        }
        found.extend(at(start));
    }
    found
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
