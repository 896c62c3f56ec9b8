//! The four date patterns built around a month name, read by hand: `MONTH_DAY` ("September
//! 11", "Sept. 11th, 2001"), `DAY_MONTH` ("11 September", "the 9th of June"), `MONTH_YEAR`
//! ("October 1982", "March last year") and `MONTH_BARE` ("in May").
//!
//! Every match of these holds a month word, and the trigger pass has already found every
//! month abbreviation in the text, so each is read from the month words outward, where the
//! patterns' searches read every stretch around a month (a verb "may" among them), compiled
//! their engines in every process and filled their groups with a backtracker: together about
//! 4% of a long text's time and more of a short one's. The readers follow the patterns' own
//! rules (leftmost-first, greedy, ASCII word boundaries, `\s` as Unicode's white space), and a
//! debug build compares every result with the pattern's search (see `date.rs`), as the number
//! reader does with its pattern.
//!
//! A month word is a whole word, as `\b(?:MONTH)\b` reads it: letters, digits and `_` are word
//! bytes, any other byte (a non-ASCII one too) ends a word.

use claimcheck_core::Span;

/// Every spelling of [`super::MONTH`], in its order: "jan" or "january", "sep", "sept" or
/// "september", and so on.
const MONTH_WORDS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
];

/// The spellings of [`super::FULL_MONTH`].
const FULL_MONTH_WORDS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A match of `MONTH_DAY` or `DAY_MONTH`: its span and its groups.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct DayMatch {
    pub whole: Span,
    pub month: Span,
    pub day: Span,
    pub ordinal: Option<Span>,
    pub year: Option<Span>,
}

/// A match of `MONTH_YEAR`: the year as digits, or the word that shifts the year ("next",
/// "last", "this", "the previous").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct YearMatch {
    pub whole: Span,
    pub month: Span,
    pub year: Option<Span>,
    pub shift: Option<Span>,
}

/// A byte of a word, for an ASCII `\b`.
pub(super) use crate::ascii::is_word_byte as is_word;

/// Whether an ASCII `\b` holds at `at`.
pub(super) fn boundary(b: &[u8], at: usize) -> bool {
    let before = at > 0 && is_word(b[at - 1]);
    let after = b.get(at).is_some_and(|&c| is_word(c));
    before != after
}

/// The length of the white-space character at `at` (as `\s` reads it: Unicode's White_Space),
/// or 0.
pub(super) fn space_at(s: &str, at: usize) -> usize {
    match s.as_bytes().get(at) {
        None => 0,
        Some(&c) if c.is_ascii() => {
            usize::from(matches!(c, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r'))
        }
        Some(_) => s
            .get(at..)
            .and_then(|rest| rest.chars().next())
            .filter(|c| c.is_whitespace())
            .map_or(0, char::len_utf8),
    }
}

/// Where the run of white space from `at` ends (`at` itself if there is none), as `\s*` reads
/// it.
pub(super) fn skip_spaces(s: &str, mut at: usize) -> usize {
    loop {
        let n = space_at(s, at);
        if n == 0 {
            return at;
        }
        at += n;
    }
}

/// Where the run of white space that ends at `at` begins (`at` itself if there is none).
pub(super) fn spaces_before(s: &str, mut at: usize) -> usize {
    while let Some(c) = s.get(..at).and_then(|before| before.chars().next_back()) {
        if !c.is_whitespace() {
            break;
        }
        at -= c.len_utf8();
    }
    at
}

/// Where `word` then at least one white-space character end, read from `at` (as `word\s+`).
pub(super) fn word_then_spaces(s: &str, at: usize, word: &str) -> Option<usize> {
    let b = s.as_bytes();
    if !b.get(at..)?.starts_with(word.as_bytes()) {
        return None;
    }
    let end = skip_spaces(s, at + word.len());
    (end > at + word.len()).then_some(end)
}

/// The end of the whole word that starts at `at`.
pub(super) fn word_end(b: &[u8], at: usize) -> usize {
    at + b[at..].iter().take_while(|&&c| is_word(c)).count()
}

/// The month word that starts at `at`, read as `MONTH\b` reads it (the caller has the
/// boundary before it): its span, if the word there is one of [`MONTH_WORDS`].
fn month_word_at(s: &str, at: usize) -> Option<Span> {
    let b = s.as_bytes();
    if !b.get(at).is_some_and(u8::is_ascii_lowercase) {
        return None;
    }
    let end = word_end(b, at);
    MONTH_WORDS
        .contains(&&s[at..end])
        .then_some(Span::new(at, end))
}

/// The month words of `lower` from the places of its month abbreviations (`places`, in order).
pub(super) fn month_words(lower: &str, places: &[(u32, u32)]) -> Vec<Span> {
    let b = lower.as_bytes();
    places
        .iter()
        .filter_map(|&(at, _)| {
            let at = at as usize;
            if at > 0 && is_word(b[at - 1]) {
                return None;
            }
            month_word_at(lower, at)
        })
        .collect()
}

/// The ends of the forms of [`super::DAY`] at `at`, in the order the pattern tries them:
/// `[12][0-9]`, `3[01]`, `0[1-9]`, `[1-9]`.
pub(super) fn day_ends(b: &[u8], at: usize) -> impl Iterator<Item = usize> {
    let byte = |k: usize| b.get(at + k).copied().unwrap_or(0);
    let (first, second) = (byte(0), byte(1));
    [
        (matches!(first, b'1' | b'2') && second.is_ascii_digit()).then_some(at + 2),
        (first == b'3' && matches!(second, b'0' | b'1')).then_some(at + 2),
        (first == b'0' && matches!(second, b'1'..=b'9')).then_some(at + 2),
        matches!(first, b'1'..=b'9').then_some(at + 1),
    ]
    .into_iter()
    .flatten()
}

/// The end of an ordinal suffix ([`super::ORDINAL`]) at `at`.
pub(super) fn ordinal_at(b: &[u8], at: usize) -> Option<usize> {
    let suffix = b.get(at..at + 2)?;
    matches!(suffix, b"st" | b"nd" | b"rd" | b"th").then_some(at + 2)
}

/// The span of a [`super::YEAR`] at `at`, `1[5-9][0-9]{2}|20[0-9]{2}|2100`, with no boundary
/// asked for on either side.
pub(super) fn year_digits(b: &[u8], at: usize) -> Option<Span> {
    let digits = b.get(at..at + 4)?;
    let century = matches!(digits[..2], [b'1', b'5'..=b'9'] | [b'2', b'0']);
    let year = (century && digits[2..].iter().all(u8::is_ascii_digit)) || digits == b"2100";
    year.then_some(Span::new(at, at + 4))
}

/// The span of a [`super::YEAR`] and the `\b` after it, at `at`.
pub(super) fn year_at(b: &[u8], at: usize) -> Option<Span> {
    year_digits(b, at).filter(|y| boundary(b, y.end))
}

/// The year the day patterns end with, read from `at`:
/// `(?:(?:\s*,?\s*|\s+of\s+|[-/])(?P<y>YEAR)\b)?`.
fn year_after_day(s: &str, at: usize) -> Option<Span> {
    let b = s.as_bytes();
    let mut k = skip_spaces(s, at);
    if b.get(k) == Some(&b',') {
        k = skip_spaces(s, k + 1);
    }
    if let Some(y) = year_at(b, k) {
        return Some(y);
    }
    let k = skip_spaces(s, at);
    if k > at
        && let Some(k) = word_then_spaces(s, k, "of")
        && let Some(y) = year_at(b, k)
    {
        return Some(y);
    }
    if matches!(b.get(at), Some(b'-' | b'/')) {
        return year_at(b, at + 1);
    }
    None
}

/// Where a month word's optional point (`\.?`) ends.
fn after_point(b: &[u8], month: Span) -> usize {
    month.end + usize::from(b.get(month.end) == Some(&b'.'))
}

/// `MONTH_DAY` at the month word `month`:
/// `\b(?P<m>MONTH)\b\.?(?:\s*(?:the\s+)?|[-/])(?P<d>DAY)(?P<o>ORDINAL)?\b(?:...(?P<y>YEAR)\b)?`.
fn month_day_at(s: &str, month: Span) -> Option<DayMatch> {
    let b = s.as_bytes();
    let i = after_point(b, month);
    let j = skip_spaces(s, i);
    let starts = [
        word_then_spaces(s, j, "the"),
        Some(j),
        matches!(b.get(i), Some(b'-' | b'/')).then_some(i + 1),
    ];
    starts.into_iter().flatten().find_map(|k| {
        let (day, ordinal) = day_and_ordinal(b, k, |end| boundary(b, end))?;
        let end = ordinal.map_or(day.end, |o| o.end);
        let year = year_after_day(s, end);
        Some(DayMatch {
            whole: Span::new(month.start, year.map_or(end, |y| y.end)),
            month,
            day,
            ordinal,
            year,
        })
    })
}

/// The first of the day's forms at `at`, each with its ordinal then without, after which
/// `rest` holds: `(?P<d>DAY)(?P<o>ORDINAL)?` followed by what `rest` reads.
fn day_and_ordinal(
    b: &[u8],
    at: usize,
    mut rest: impl FnMut(usize) -> bool,
) -> Option<(Span, Option<Span>)> {
    day_ends(b, at).find_map(|end| {
        let day = Span::new(at, end);
        if let Some(o) = ordinal_at(b, end)
            && rest(o)
        {
            return Some((day, Some(Span::new(end, o))));
        }
        rest(end).then_some((day, None))
    })
}

/// `DAY_MONTH` from `at`:
/// `\b(?P<d>DAY)(?P<o>ORDINAL)?(?:\s+(?:day\s+)?(?:of\s+)?|[-/])(?P<m>MONTH)\b\.?(?:...)?`.
fn day_month_at(s: &str, at: usize) -> Option<DayMatch> {
    let b = s.as_bytes();
    if !boundary(b, at) || !b.get(at).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let mut month = None;
    let (day, ordinal) = day_and_ordinal(b, at, |end| {
        month = month_after_day(s, end);
        month.is_some()
    })?;
    let month = month?;
    let i = after_point(b, month);
    let year = year_after_day(s, i);
    Some(DayMatch {
        whole: Span::new(at, year.map_or(i, |y| y.end)),
        month,
        day,
        ordinal,
        year,
    })
}

/// The month word after a day ending at `at`: `(?:\s+(?:day\s+)?(?:of\s+)?|[-/])(?P<m>MONTH)\b`.
fn month_after_day(s: &str, at: usize) -> Option<Span> {
    let b = s.as_bytes();
    let mut k = skip_spaces(s, at);
    if k > at {
        if let Some(after) = word_then_spaces(s, k, "day") {
            k = after;
        }
        if let Some(after) = word_then_spaces(s, k, "of") {
            k = after;
        }
        if let Some(m) = month_word_at(s, k) {
            return Some(m);
        }
    }
    if matches!(b.get(at), Some(b'-' | b'/')) {
        return month_word_at(s, at + 1);
    }
    None
}

/// Where what follows `\s*,?\s+` from byte `i` of `s` starts: after a comma, white space must
/// follow it; without one, white space must stand at `i`. `None` where the text does not read so.
fn after_comma_spaces(s: &str, i: usize) -> Option<usize> {
    let j = skip_spaces(s, i);
    if s.as_bytes().get(j) == Some(&b',') {
        let k = skip_spaces(s, j + 1);
        (k > j + 1).then_some(k)
    } else {
        (j > i).then_some(j)
    }
}

/// `MONTH_YEAR` at the month word `month`:
/// `\b(?P<m>MONTH)\b\.?(?:\s*,?\s+(?:of\s+)?|[-/])(?:(?P<y>YEAR)\b|(?P<rel>next|last|this|the\s+previous)\s+year\b)`.
fn month_year_at(s: &str, month: Span) -> Option<YearMatch> {
    let b = s.as_bytes();
    let i = after_point(b, month);
    let start = match after_comma_spaces(s, i) {
        Some(k) => word_then_spaces(s, k, "of").unwrap_or(k),
        None if matches!(b.get(i), Some(b'-' | b'/')) => i + 1,
        None => return None,
    };
    if let Some(year) = year_at(b, start) {
        return Some(YearMatch {
            whole: Span::new(month.start, year.end),
            month,
            year: Some(year),
            shift: None,
        });
    }
    let shift_end = ["next", "last", "this"]
        .iter()
        .find(|w| b[start..].starts_with(w.as_bytes()))
        .map(|w| start + w.len())
        .or_else(|| {
            let k = word_then_spaces(s, start, "the")?;
            b[k..]
                .starts_with(b"previous")
                .then_some(k + "previous".len())
        })?;
    let k = skip_spaces(s, shift_end);
    if k == shift_end || !b[k..].starts_with(b"year") || !boundary(b, k + 4) {
        return None;
    }
    Some(YearMatch {
        whole: Span::new(month.start, k + 4),
        month,
        year: None,
        shift: Some(Span::new(start, shift_end)),
    })
}

/// The matches as a search finds them, each from where the last ended: at each place, in
/// order, the first of the matches the pattern could make there (in the order it prefers them)
/// that does not start before the end of the last one.
pub(super) fn in_order<T, const N: usize>(
    places: impl Iterator<Item = [Option<T>; N]>,
    whole: impl Fn(&T) -> Span,
) -> Vec<T> {
    let mut found = Vec::new();
    let mut from = 0;
    for hits in places {
        if let Some(hit) = hits.into_iter().flatten().find(|h| whole(h).start >= from) {
            from = whole(&hit).end;
            found.push(hit);
        }
    }
    found
}

/// A match of `LAST_DAY` ("the last day of March, 2019"): the whole, the month word and the
/// year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct LastDay {
    pub whole: Span,
    pub month: Span,
    pub year: Option<Span>,
}

/// Where `word` starts when it ends `s[..end]` but for at least one white-space character after
/// it (as `word\s+` read back from `end`).
fn word_before_spaces(s: &str, end: usize, word: &str) -> Option<usize> {
    let spaces = spaces_before(s, end);
    (spaces < end && s[..spaces].ends_with(word)).then(|| spaces - word.len())
}

/// Every match of `LAST_DAY`,
/// `\b(?:the\s+)?last\s+day\s+(?:of|in)\s+(?P<m>MONTH)\b\.?(?:\s*,?\s+(?P<y>YEAR)\b)?`, in
/// `lower`, given its month words: read back from each month to "last" (and "the" before it,
/// which the match takes where a word boundary stands before it), then on to the year.
pub(super) fn last_days(lower: &str, months: &[Span]) -> Vec<LastDay> {
    let b = lower.as_bytes();
    let at = |month: Span| -> [Option<LastDay>; 2] {
        let last = word_before_spaces(lower, month.start, "of")
            .or_else(|| word_before_spaces(lower, month.start, "in"))
            .and_then(|of| word_before_spaces(lower, of, "day"))
            .and_then(|day| word_before_spaces(lower, day, "last"));
        let Some(last) = last else {
            return [None, None];
        };
        // `\.?` after the month, then `\s*,?\s+` and the year.
        let i = after_point(b, month);
        let year = after_comma_spaces(lower, i).and_then(|k| year_at(b, k));
        let end = year.map_or(i, |y| y.end);
        let hit = |start: usize| LastDay {
            whole: Span::new(start, end),
            month,
            year,
        };
        [
            word_before_spaces(lower, last, "the")
                .filter(|&the| boundary(b, the))
                .map(hit),
            boundary(b, last).then(|| hit(last)),
        ]
    };
    in_order(months.iter().map(|&m| at(m)), |hit| hit.whole)
}

/// Every match of `MONTH_DAY` in `lower`, given its month words.
pub(super) fn month_days(lower: &str, months: &[Span]) -> Vec<DayMatch> {
    in_order(months.iter().map(|&m| [month_day_at(lower, m)]), |hit| {
        hit.whole
    })
}

/// Every match of `MONTH_YEAR` in `lower`, given its month words.
pub(super) fn month_years(lower: &str, months: &[Span]) -> Vec<YearMatch> {
    in_order(months.iter().map(|&m| [month_year_at(lower, m)]), |hit| {
        hit.whole
    })
}

/// Every match of `MONTH_BARE`: the month words spelled in full.
pub(super) fn full_months(lower: &str, months: &[Span]) -> Vec<Span> {
    months
        .iter()
        .copied()
        .filter(|m| FULL_MONTH_WORDS.contains(&&lower[m.start..m.end]))
        .collect()
}

/// Every match of `DAY_MONTH` in `lower`, given its month words. A match starts at a day
/// before a month word, at most four bytes (two digits and an ordinal suffix) before the
/// separator: white space, perhaps with "day" and "of" ("the 9th day of June"), or a hyphen or
/// slash. Each place such a day can start is read forwards as the pattern reads it.
pub(super) fn day_months(lower: &str, months: &[Span]) -> Vec<DayMatch> {
    let b = lower.as_bytes();
    let mut starts = Vec::new();
    for m in months {
        let mut ends = [None; 5];
        if m.start > 0 && matches!(b[m.start - 1], b'-' | b'/') {
            ends[0] = Some(m.start - 1);
        }
        let spaces = spaces_before(lower, m.start);
        if spaces < m.start {
            ends[1] = Some(spaces);
            // "... day of June", "... of June", "... day June".
            let word_before = |end: usize, word: &str| {
                let start = end.checked_sub(word.len())?;
                let before = spaces_before(lower, start);
                (b[start..end] == *word.as_bytes() && before < start).then_some(before)
            };
            let of = word_before(spaces, "of");
            ends[2] = of;
            ends[3] = of.and_then(|end| word_before(end, "day"));
            ends[4] = word_before(spaces, "day");
        }
        for end in ends.into_iter().flatten() {
            starts.extend((end.saturating_sub(4)..end).filter(|&k| b[k].is_ascii_digit()));
        }
    }
    starts.sort_unstable();
    starts.dedup();
    let mut found: Vec<DayMatch> = Vec::new();
    let mut from = 0;
    for at in starts {
        if at < from {
            continue;
        }
        if let Some(hit) = day_month_at(lower, at) {
            from = hit.whole.end;
            found.push(hit);
        }
    }
    found
}

/// A match of `DAY_MONTH_SHORT_YEAR` ("31-Oct-74"): the whole, the day, the month, the year's
/// two digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct ShortYearDay {
    pub whole: Span,
    pub day: Span,
    pub month: Span,
    pub yy: Span,
}

/// Every match of `DAY_MONTH_SHORT_YEAR`, `\b(?P<d>DAY)-(?P<m>MONTH)-(?P<yy>[0-9]{2})\b`, given
/// the month words.
pub(super) fn short_year_days(lower: &str, months: &[Span]) -> Vec<ShortYearDay> {
    let b = lower.as_bytes();
    let at = |month: Span| {
        let hyphen = month.start.checked_sub(1).filter(|&h| b[h] == b'-')?;
        let run = b[..hyphen]
            .iter()
            .rev()
            .take(3)
            .take_while(|c| c.is_ascii_digit())
            .count();
        let start = hyphen - run;
        if !(1..=2).contains(&run)
            || !boundary(b, start)
            || day_ends(b, start).next() != Some(hyphen)
        {
            return None;
        }
        let yy = Span::new(month.end + 1, month.end + 3);
        (b.get(month.end) == Some(&b'-')
            && b.get(yy.start..yy.end)
                .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
            && boundary(b, yy.end))
        .then_some(ShortYearDay {
            whole: Span::new(start, yy.end),
            day: Span::new(start, hyphen),
            month,
            yy,
        })
    };
    in_order(months.iter().map(|&m| [at(m)]), |hit| hit.whole)
}
