//! Dates that share their month or year with a date beside them, across a range or a list:
//! "4 to 6 March 2024", "Monday 4 to Wednesday 6 March", "4, 5 and 6 March", "March 4-6, 2024",
//! "from 28 February to 2 March 2024", "between January and March 2024".
//!
//! The readers find the date that names the month (and the year), and nothing of the day before
//! or after it: "4 to 6 March 2024" gave 6 March alone, and "Monday 4 to Wednesday 6 March" read
//! "Monday" as the Monday before the publication date. Here the settled candidates are read
//! again, in document order, and each bare day joined to a full date by a range or a list word
//! becomes a date of its own with that date's month and year, its weekday kept to be checked
//! against the calendar; a date with no year of its own before a joined date that states one
//! takes that year (the year before when its month comes later in the year: "December 28 to
//! January 2, 2024").
//!
//! What joins two dates: a dash (`-`, `–`, `—`), "to", "until", "till", "through", "thru" (a
//! range: the first day comes before the second), "and", "or", "&" (a list: the days differ),
//! and, before a list's last link, a comma ("4, 5 and 6 March"); a comma before a joining word
//! is part of it ("Tuesday, May 7, through Thursday, May 9"). A day after the month ("March 4
//! and 5") is read only where nothing can make it a count: a year, a stop or the end of the
//! text after it, or a dash between the two days with no space ("March 4-6"), so that "on March
//! 3 and 5 people died" stays one date.

use claimcheck_core::{CalendarDate, Span};

use super::spelled::year_at;
use super::{Candidate, MonthShift, Value, lexicon};

/// How a date is joined to the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Join {
    /// A dash or "to": the first day comes first.
    Range,
    /// "and", "or": the days differ.
    List,
    /// A comma, before the other links of a list.
    Comma,
}

/// A separator between two dates: how it joins them, whether it is a dash with no space on
/// either side, and the offsets of its outer edges (white space around it included).
#[derive(Debug, Clone, Copy)]
struct Separator {
    join: Join,
    tight: bool,
    start: usize,
    end: usize,
}

/// The settled candidates of a text with the days that share a joined date's month and the
/// years that a joined date gives, in document order.
pub(super) fn spread(text: &str, mut chosen: Vec<Candidate>) -> Vec<Candidate> {
    // Which candidates stay: left empty, with nothing allocated, until one gives way (most
    // texts have no range of days).
    let mut keep: Vec<bool> = Vec::new();
    let mut added: Vec<Candidate> = Vec::new();
    for i in 0..chosen.len() {
        if keep.get(i) == Some(&false) {
            continue;
        }
        let c = &chosen[i];
        // The separators first, the day in the candidate's text only beside one.
        let opening = text
            .as_bytes()
            .get(c.span.start)
            .map_or(0, u8::to_ascii_lowercase);
        let may_open_with_day = opening.is_ascii_digit() || b"mtwfs".contains(&opening);
        if may_open_with_day
            && separator_before(text, c.span.start).is_some_and(|s| s.join != Join::Comma)
            && let Some(first) = day_of(text, c, Side::Start)
        {
            days_before(text, &chosen, i, first, &mut keep, &mut added);
        }
        if ends_with_day(text.as_bytes(), c.span.end)
            && separator_after(text, c.span.end, false).is_some()
            && let Some(last) = day_of(text, c, Side::End)
        {
            day_after(text, &chosen, i, last, &mut keep, &mut added);
        }
    }
    if !added.is_empty() || !keep.is_empty() {
        keep.resize(chosen.len(), true);
        chosen = chosen
            .into_iter()
            .zip(keep)
            .filter_map(|(c, k)| k.then_some(c))
            .chain(added)
            .collect();
        chosen.sort_by_key(|c| c.span.start);
    }
    years_before(text, &mut chosen);
    chosen
}

/// Whether the text before `end` ends with a day's digits, or with an ordinal ending after
/// them ("4", "4th"): what a candidate with a day after its month ends with.
fn ends_with_day(b: &[u8], end: usize) -> bool {
    match b.get(..end) {
        Some([.., d]) if d.is_ascii_digit() => true,
        Some([.., d, x, y]) => {
            d.is_ascii_digit() && x.is_ascii_alphabetic() && y.is_ascii_alphabetic()
        }
        _ => false,
    }
}

/// Lets a new day at `span` in: the candidates overlapping it, read from `near` outwards
/// (the settled candidates do not overlap, so the first one clear of it ends the run), give way
/// if `yields` says each may; false, and nothing changed, if one may not.
fn make_way(
    chosen: &[Candidate],
    near: impl Iterator<Item = usize>,
    span: Span,
    yields: impl Fn(&Value) -> bool,
    keep: &mut Vec<bool>,
) -> bool {
    let beside: Vec<usize> = near
        .take_while(|&j| chosen[j].span.start < span.end && span.start < chosen[j].span.end)
        .collect();
    if !beside.iter().all(|&j| yields(&chosen[j].value)) {
        return false;
    }
    for j in beside {
        give_way(keep, chosen.len(), j);
    }
    true
}

/// A day of a range or list as a candidate.
fn day_candidate(span: Span, value: Value, weekday: Option<jiff::civil::Weekday>) -> Candidate {
    Candidate {
        span,
        value,
        weekday,
        part: None,
        ahead_only: false,
    }
}

/// Drops candidate `j` of `n` from `keep` (see [`spread`]).
fn give_way(keep: &mut Vec<bool>, n: usize, j: usize) {
    if keep.is_empty() {
        keep.resize(n, true);
    }
    keep[j] = false;
}

/// Which edge of a candidate a day stands at.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Start,
    End,
}

/// The candidate's month and day when its day is written with digits at its `side`: "6 March",
/// "Wednesday 6 March" at the start, "March 4", "March 4th" at the end. Only a day and month
/// (with or without a year) qualifies.
fn day_of(text: &str, c: &Candidate, side: Side) -> Option<(i8, i8)> {
    let (month, day) = match c.value {
        Value::Fixed(CalendarDate {
            month: Some(m),
            day: Some(d),
            ..
        })
        | Value::MonthDay { month: m, day: d } => (m, d),
        _ => return None,
    };
    let s = &text[c.span.start..c.span.end];
    let written = match side {
        Side::Start => {
            // A weekday before it, with a comma or not: "Wednesday 6 March", "Wed, 6 March".
            let rest = s.trim_start_matches(|ch: char| ch.is_ascii_alphabetic());
            // A word before the day must be its weekday: "March 6" is read from its end.
            let word = &s[..s.len() - rest.len()];
            if !word.is_empty() && lexicon::weekday(word).is_none() {
                return None;
            }
            let rest = if rest.len() < s.len() {
                rest.trim_start_matches([',', '.'])
                    .trim_start_matches(char::is_whitespace)
            } else {
                rest
            };
            let digits = rest.len()
                - rest
                    .trim_start_matches(|ch: char| ch.is_ascii_digit())
                    .len();
            rest[..digits].parse::<i8>().ok()
        }
        Side::End => {
            let body = strip_ordinal(s);
            let digits = body.len() - body.trim_end_matches(|ch: char| ch.is_ascii_digit()).len();
            // A day after its month, not a year's last digits.
            (digits <= 2).then(|| body[body.len() - digits..].parse::<i8>().ok())?
        }
    };
    (written == Some(day)).then_some((month, day))
}

/// Whether `s` is an ordinal ending: "st", "nd", "rd" or "th", in any case.
fn is_ordinal_ending(s: &str) -> bool {
    ["st", "nd", "rd", "th"]
        .iter()
        .any(|o| o.eq_ignore_ascii_case(s))
}

/// `s` without an ordinal ending after its digits ("4th" is "4").
fn strip_ordinal(s: &str) -> &str {
    match s.len().checked_sub(2).map(|at| s.split_at_checked(at)) {
        Some(Some((body, end)))
            if is_ordinal_ending(end) && body.ends_with(|ch: char| ch.is_ascii_digit()) =>
        {
            body
        }
        _ => s,
    }
}

/// The days written before candidate `i` that share its month: "4 to" of "4 to 6 March", "3, 4
/// and" of "3, 4 and 5 March", each with its weekday ("Monday 4 to Wednesday 6 March").
fn days_before(
    text: &str,
    chosen: &[Candidate],
    i: usize,
    (month, last): (i8, i8),
    keep: &mut Vec<bool>,
    added: &mut Vec<Candidate>,
) {
    let c = &chosen[i];
    let mut edge = c.span.start;
    let mut days = vec![last];
    let mut list = false;
    while let Some(sep) = separator_before(text, edge) {
        if sep.join == Join::Comma && !list {
            return;
        }
        list |= sep.join == Join::List;
        let Some((day, span, weekday)) = day_before(text, sep.start) else {
            return;
        };
        let fits = match sep.join {
            Join::Range => days.last().is_some_and(|&d| day < d),
            Join::List | Join::Comma => !days.contains(&day),
        };
        let Some(value) = fits.then(|| with_day(c.value, month, day)).flatten() else {
            return;
        };
        // A weekday read on its own ("Monday" of "Monday 4 to Wednesday 6 March") or a day of
        // the publication month ("Friday 13th" of "Friday 13th to Sunday 15th September") gives
        // way; any other date there keeps its place.
        let weekday_or_day = |v: &Value| matches!(v, Value::Weekday { .. } | Value::DayOfMonth(_));
        if !make_way(chosen, (0..i).rev(), span, weekday_or_day, keep) {
            return;
        }
        added.push(day_candidate(span, value, weekday));
        days.push(day);
        edge = span.start;
    }
}

/// The day written after candidate `i` that shares its month, and the year after that day,
/// which both then take: "-6, 2024" of "March 4-6, 2024", "and 5" of "March 4 and 5.".
fn day_after(
    text: &str,
    chosen: &[Candidate],
    i: usize,
    (month, first): (i8, i8),
    keep: &mut Vec<bool>,
    added: &mut Vec<Candidate>,
) {
    let c = &chosen[i];
    let Some(sep) = separator_after(text, c.span.end, false) else {
        return;
    };
    let b = text.as_bytes();
    let digits = b[sep.end..]
        .iter()
        .take(3)
        .take_while(|x| x.is_ascii_digit())
        .count();
    if !(1..=2).contains(&digits) {
        return;
    }
    let Ok(day) = text[sep.end..sep.end + digits].parse::<i8>() else {
        return;
    };
    let mut end = sep.end + digits;
    if text.get(end..end + 2).is_some_and(is_ordinal_ending) {
        end += 2;
    }
    if b.get(end).is_some_and(|x| x.is_ascii_alphanumeric()) {
        return;
    }
    // A decimal, a thousands separator or a time after the day: a number, not a day.
    if matches!(b.get(end), Some(b'.' | b',' | b':' | b'/'))
        && b.get(end + 1).is_some_and(u8::is_ascii_digit)
    {
        return;
    }
    let year = year_after(text, end);
    let stop = || {
        let rest = text[end..].trim_start_matches([' ', '\t']);
        rest.is_empty()
            || rest.starts_with(['.', ',', ';', ':', ')', '!', '?', '\n', '\r'])
            || rest.starts_with(['\u{2019}', '\u{201d}', '"'])
    };
    if year.is_none() && !sep.tight && !stop() {
        return;
    }
    let fits = match sep.join {
        Join::Range => day > first,
        Join::List | Join::Comma => day != first,
    };
    if !fits {
        return;
    }
    // The year, when there is one, is given to both days, unless the first has its own.
    let (value, first_value, span_end) = match (c.value, year) {
        (Value::MonthDay { .. }, Some((y, year_end))) => (
            with_day(Value::Fixed(CalendarDate::year(y)), month, day),
            CalendarDate::day(y, month, first).map(Value::Fixed),
            year_end,
        ),
        (Value::Fixed(_), Some(_)) => return,
        (v, None) => (with_day(v, month, day), Some(v), end),
        _ => return,
    };
    let (Some(value), Some(first_value)) = (value, first_value) else {
        return;
    };
    let span = Span::new(sep.end, span_end);
    // Only a year read on its own may stand in the day's span ("2024" of "March 4-6, 2024").
    let year_alone = |v: &Value| matches!(v, Value::Fixed(CalendarDate { month: None, .. }));
    if !make_way(chosen, i + 1..chosen.len(), span, year_alone, keep) {
        return;
    }
    added.push(day_candidate(span, value, None));
    // Candidate `i` is replaced by itself with the year: `keep` holds its place, `added` its
    // new value.
    if first_value != c.value {
        give_way(keep, chosen.len(), i);
        added.push(Candidate {
            value: first_value,
            ..c.clone()
        });
    }
}

/// A year after a day: ", 2024" or " 2024", as the year and where it ends.
fn year_after(text: &str, at: usize) -> Option<(i16, usize)> {
    let rest = &text[at..];
    let trimmed = rest.strip_prefix(',').unwrap_or(rest);
    let spaced = trimmed.trim_start_matches([' ', '\t', '\u{a0}']);
    if spaced.len() == trimmed.len() {
        return None;
    }
    // A year as the day patterns read one, ending a word ("2024s" is something else).
    let year = year_at(text.as_bytes(), text.len() - spaced.len())?;
    Some((text[year.start..year.end].parse().ok()?, year.end))
}

/// The candidate's value with another day of the same month: `None` where that day does not
/// exist, or for a value that names no month and day.
fn with_day(value: Value, month: i8, day: i8) -> Option<Value> {
    match value {
        Value::Fixed(CalendarDate { year, .. }) => {
            CalendarDate::day(year, month, day).map(Value::Fixed)
        }
        // February 29 exists in a leap year, which the publication date may give.
        Value::MonthDay { .. } => CalendarDate::day(2024, month, day)
            .is_some()
            .then_some(Value::MonthDay { month, day }),
        _ => None,
    }
}

/// The separator that ends at `end` (white space before `end` included).
fn separator_before(text: &str, end: usize) -> Option<Separator> {
    let b = text.as_bytes();
    let after = spaces_before(text, end);
    let spaced_after = after < end;
    if after == 0 {
        return None;
    }
    // What a separator can end with: a dash (the last byte of an en or em dash's three), a
    // comma, "&", or the last letter of a word of [`join_word`]. Most dates have "on", "in" or
    // "of" before them, which the first test turns away.
    let last = b[after - 1];
    if !matches!(
        last.to_ascii_lowercase(),
        b'-' | 0x93 | 0x94 | b',' | b'&' | b'o' | b'd' | b'r' | b'l' | b'h' | b'u'
    ) || (!spaced_after && !matches!(last, b'-' | 0x93 | 0x94))
    {
        return None;
    }
    let (join, tight, at) = if let Some(dash) = dash_before(text, after) {
        let start = spaces_before(text, dash);
        (Join::Range, !spaced_after && start == dash, start)
    } else if b[after - 1] == b',' {
        if !spaced_after {
            return None;
        }
        (Join::Comma, false, after - 1)
    } else if b[after - 1] == b'&' {
        if !spaced_after {
            return None;
        }
        (Join::List, false, spaces_before(text, after - 1))
    } else {
        let from = b[..after]
            .iter()
            .rposition(|x| !x.is_ascii_alphabetic())
            .map_or(0, |p| p + 1);
        let join = join_word(&text[from..after])?;
        let before = spaces_before(text, from);
        if !spaced_after || before == from {
            return None;
        }
        // A comma before the word: "4, 5, and 6 March", "Monday 4, to Wednesday 6 March".
        let start = if before > 0 && b[before - 1] == b',' {
            before - 1
        } else {
            before
        };
        (join, false, start)
    };
    Some(Separator {
        join,
        tight,
        start: at,
        end,
    })
}

/// The separator that starts at `start` (white space after it included); a comma only when
/// `comma` is set.
fn separator_after(text: &str, start: usize, comma: bool) -> Option<Separator> {
    let b = text.as_bytes();
    let from = skip_spaces(text, start);
    let spaced_before = from > start;
    // What a separator can start with, as in `separator_before`: a dash (the first byte of an
    // en or em dash), a comma, "&", or the first letter of a word of [`join_word`].
    let first = b.get(from).map(u8::to_ascii_lowercase);
    if !matches!(
        first,
        Some(b'-' | 0xE2 | b',' | b'&' | b't' | b'a' | b'o' | b'u')
    ) || (!spaced_before && !matches!(first, Some(b'-' | 0xE2 | b',')))
    {
        return None;
    }
    if first == Some(b',') {
        if spaced_before {
            return None;
        }
        // A comma before a word or a dash ("Tuesday, May 7, through Thursday, May 9") is part of
        // that separator; alone it is one only where asked for.
        return match separator_after(text, from + 1, false) {
            Some(sep) if sep.join != Join::Comma => Some(Separator {
                tight: false,
                start,
                ..sep
            }),
            _ => comma.then(|| Separator {
                join: Join::Comma,
                tight: false,
                start,
                end: skip_spaces(text, from + 1),
            }),
        }
        .filter(|sep| sep.end > from + 1);
    }
    let (join, tight, to) = if let Some(dash_end) = dash_after(text, from) {
        let end = skip_spaces(text, dash_end);
        (Join::Range, !spaced_before && end == dash_end, end)
    } else if b.get(from) == Some(&b'&') {
        let end = skip_spaces(text, from + 1);
        if !spaced_before || end == from + 1 {
            return None;
        }
        (Join::List, false, end)
    } else {
        let word_end = from
            + b[from..]
                .iter()
                .take(8)
                .take_while(|x| x.is_ascii_alphabetic())
                .count();
        let join = join_word(&text[from..word_end])?;
        let end = skip_spaces(text, word_end);
        if !spaced_before || end == word_end {
            return None;
        }
        (join, false, end)
    };
    (to > start).then_some(Separator {
        join,
        tight,
        start,
        end: to,
    })
}

/// How a word joins two dates, if it does.
fn join_word(word: &str) -> Option<Join> {
    const WORDS: [(&str, Join); 7] = [
        ("to", Join::Range),
        ("and", Join::List),
        ("or", Join::List),
        ("until", Join::Range),
        ("till", Join::Range),
        ("through", Join::Range),
        ("thru", Join::Range),
    ];
    WORDS
        .iter()
        .find(|(w, _)| w.len() == word.len() && w.eq_ignore_ascii_case(word))
        .map(|&(_, join)| join)
}

/// Where a dash that ends at `end` starts.
fn dash_before(text: &str, end: usize) -> Option<usize> {
    let before = text.get(..end)?;
    let ch = before.chars().next_back()?;
    matches!(ch, '-' | '\u{2013}' | '\u{2014}').then(|| end - ch.len_utf8())
}

/// Where a dash that starts at `start` ends.
fn dash_after(text: &str, start: usize) -> Option<usize> {
    let ch = text.get(start..)?.chars().next()?;
    matches!(ch, '-' | '\u{2013}' | '\u{2014}').then(|| start + ch.len_utf8())
}

/// Where the spaces and tabs that end at `end` start (one line break among them at most).
fn spaces_before(text: &str, end: usize) -> usize {
    let b = text.as_bytes();
    let mut i = end;
    let mut breaks = 0;
    while i > 0 && matches!(b[i - 1], b' ' | b'\t' | b'\n' | b'\r') {
        breaks += usize::from(b[i - 1] == b'\n');
        if breaks > 1 {
            break;
        }
        i -= 1;
    }
    i
}

/// Where the spaces and tabs from `start` end (one line break among them at most).
fn skip_spaces(text: &str, start: usize) -> usize {
    let b = text.as_bytes();
    let mut i = start;
    let mut breaks = 0;
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
        breaks += usize::from(b[i] == b'\n');
        if breaks > 1 {
            break;
        }
        i += 1;
    }
    i
}

/// A day written with digits that ends at `end` (an ordinal ending allowed), with its span and
/// the weekday written before it: "4", "4th", "Monday 4", "Monday, 4".
fn day_before(text: &str, end: usize) -> Option<(i8, Span, Option<jiff::civil::Weekday>)> {
    let b = text.as_bytes();
    let body = strip_ordinal(&text[..end]).len();
    let digits = b[..body]
        .iter()
        .rev()
        .take(3)
        .take_while(|x| x.is_ascii_digit())
        .count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let start = body - digits;
    let day: i8 = text[start..body].parse().ok()?;
    if day == 0 {
        return None;
    }
    // What stands before the number must not make it part of another: a letter, a digit, a
    // decimal or thousands point, a currency sign, a slash.
    let open = match text[..start].chars().next_back() {
        None => true,
        Some(ch) => ch.is_whitespace() || matches!(ch, '(' | '"' | '\u{201c}' | '\u{2018}'),
    };
    if !open {
        return None;
    }
    let mut span = Span::new(start, end);
    let mut weekday = None;
    let before = spaces_before(text, start);
    let comma = before > 0 && b[before - 1] == b',';
    let word_end = if comma {
        spaces_before(text, before - 1)
    } else {
        before
    };
    if word_end < start && word_end > 0 {
        let word_start = b[..word_end]
            .iter()
            .rposition(|x| !x.is_ascii_alphabetic())
            .map_or(0, |p| p + 1);
        let word = &text[word_start..word_end];
        let capital = word.starts_with(|ch: char| ch.is_ascii_uppercase());
        if let Some(day) = lexicon::weekday(word).filter(|_| word.len() >= 6 || capital) {
            weekday = Some(day);
            span.start = word_start;
        }
    }
    Some((day, span, weekday))
}

/// Gives a date with no year of its own the year of the joined date after it: "28 February" of
/// "from 28 February to 2 March 2024", "January" of "between January and March 2024", "December
/// 28" of "December 28 to January 2, 2024" (the year before: its month comes later).
fn years_before(text: &str, claims: &mut [Candidate]) {
    for i in (1..claims.len()).rev() {
        let Value::Fixed(CalendarDate { month: Some(_), .. }) = claims[i].value else {
            continue;
        };
        let mut next = i;
        let mut list = false;
        while next > 0 {
            let prev = next - 1;
            // The values first: a separator is looked for only between two that can share.
            let (later, next_year) = match claims[next].value {
                Value::Fixed(CalendarDate {
                    year,
                    month: Some(m),
                    ..
                }) => (m, year),
                _ => break,
            };
            let (month, day) = match claims[prev].value {
                Value::MonthDay { month, day } => (month, Some(day)),
                Value::Month {
                    month,
                    shift: MonthShift::Nearest,
                } => (month, None),
                _ => break,
            };
            let Some(sep) = separator_after(text, claims[prev].span.end, true) else {
                break;
            };
            if sep.end != claims[next].span.start || (sep.join == Join::Comma && !list) {
                break;
            }
            list |= sep.join == Join::List;
            let y = if month > later {
                next_year - 1
            } else {
                next_year
            };
            let value = match day {
                Some(d) => CalendarDate::day(y, month, d),
                None => Some(CalendarDate::month(y, month)),
            };
            let Some(value) = value else {
                break;
            };
            claims[prev].value = Value::Fixed(value);
            next = prev;
        }
    }
}
