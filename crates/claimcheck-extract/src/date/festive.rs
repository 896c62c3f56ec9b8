//! The holiday pattern read by hand (`HOLIDAY`: "Christmas", "last Easter", "St. Patrick's
//! Day 2019", "Thanksgiving of next year"). Every match holds its spelling's longest word (its
//! lead, as the pattern's gate has it), which the trigger pass finds; from each lead's place
//! the reader steps back over the words its spellings have before it ("new " before "year")
//! and reads forwards from there as the pattern does: the spellings in the pattern's order
//! (longest first), each with its leeway (an apostrophe, or the "'s", left out or curly, any
//! white space between words), then the words before that may shift the year and the year
//! after that may state it. The search's stretches were found around every lead (a "Friday"
//! for "Good Friday", a "year" for "New Year's Day"), 2% of a long text's time; a debug build
//! compares the reader with the search (see `date.rs`).

use super::relative::shift_before;
use super::spelled::spaces_before;
use super::spelled::{boundary, is_word, skip_spaces, space_at, year_at};
use claimcheck_core::Span;
use std::sync::LazyLock;

/// A piece of a spelling as the pattern reads it.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Piece {
    /// This byte.
    Byte(u8),
    /// `['’]?`: an apostrophe, straight or curly, or none.
    Quote,
    /// `(?:['’]?s)?`: the "'s" of "new year's", with or without its apostrophe, or neither.
    QuoteS,
    /// `\s+`.
    Spaces,
}

/// Every spelling as pieces, in the pattern's order (longest first), with the bytes a spelling
/// can start with.
struct Spellings {
    pieces: Vec<Vec<Piece>>,
    /// The spellings (by place in `pieces`, in order) each first byte starts.
    by_first: Vec<Vec<usize>>,
    /// For each lead word, what its spellings have before it ("new " before "year"), each
    /// once: bytes and white space only (checked when this is built).
    before_lead: rustc_hash::FxHashMap<&'static str, Vec<Vec<Piece>>>,
}

/// A spelling as pieces.
fn pieces_of(spelling: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    for (k, part) in spelling.split("'s").enumerate() {
        if k > 0 {
            out.push(Piece::QuoteS);
        }
        out.extend(part.bytes().map(|b| match b {
            b'\'' => Piece::Quote,
            b' ' => Piece::Spaces,
            b => Piece::Byte(b),
        }));
    }
    out
}

/// The byte where a spelling's lead word starts: its longest run of letters other than an
/// "s" alone, the first of two as long (as [`super::holiday::lead_words`] chooses).
fn lead_start(spelling: &str) -> (usize, &str) {
    let mut best: Option<(usize, &str)> = None;
    let mut at = 0;
    for word in spelling.split(|c: char| !c.is_ascii_alphabetic()) {
        if !word.is_empty() && word != "s" && best.is_none_or(|(_, b)| word.len() > b.len()) {
            best = Some((at, word));
        }
        at += word.len() + 1;
    }
    best.unwrap_or((0, spelling))
}

static SPELLINGS: LazyLock<Spellings> = LazyLock::new(|| {
    let spellings = super::holiday::spellings_in_order();
    let pieces: Vec<Vec<Piece>> = spellings
        .iter()
        .map(|spelling| {
            assert!(
                spelling.is_ascii(),
                "a holiday spelling is ASCII: {spelling}"
            );
            pieces_of(spelling)
        })
        .collect();
    let mut by_first = vec![Vec::new(); 256];
    for (i, p) in pieces.iter().enumerate() {
        if let Some(Piece::Byte(b)) = p.first() {
            by_first[usize::from(*b)].push(i);
        }
    }
    let mut before_lead: rustc_hash::FxHashMap<&'static str, Vec<Vec<Piece>>> = Default::default();
    for spelling in spellings {
        let (at, lead) = lead_start(spelling);
        let before = pieces_of(&spelling[..at]);
        assert!(
            before
                .iter()
                .all(|p| matches!(p, Piece::Byte(_) | Piece::Spaces)),
            "a holiday spelling with an apostrophe before its lead word: {spelling}"
        );
        let list = before_lead.entry(lead).or_default();
        if !list
            .iter()
            .any(|b| format!("{b:?}") == format!("{before:?}"))
        {
            list.push(before);
        }
    }
    Spellings {
        pieces,
        by_first,
        before_lead,
    }
});

/// Where `before` (bytes and white space) ends at `at` if it does: where it starts.
fn step_back(s: &str, before: &[Piece], mut at: usize) -> Option<usize> {
    let b = s.as_bytes();
    for piece in before.iter().rev() {
        match *piece {
            Piece::Byte(c) => {
                if at == 0 || b[at - 1] != c {
                    return None;
                }
                at -= 1;
            }
            Piece::Spaces => {
                let start = spaces_before(s, at);
                if start == at {
                    return None;
                }
                at = start;
            }
            Piece::Quote | Piece::QuoteS => unreachable!("checked when the spellings are built"),
        }
    }
    Some(at)
}

/// The length of an apostrophe, straight or curly, at `at`, or 0.
fn quote_at(s: &str, at: usize) -> usize {
    let rest = &s.as_bytes()[at.min(s.len())..];
    if rest.starts_with(b"'") {
        1
    } else if rest.starts_with("\u{2019}".as_bytes()) {
        3
    } else {
        0
    }
}

/// Where `pieces` read from `at` end, followed by a word boundary, taking the pattern's first
/// way (its greedy choices first).
fn read(s: &str, pieces: &[Piece], at: usize) -> Option<usize> {
    let b = s.as_bytes();
    let Some((first, rest)) = pieces.split_first() else {
        return boundary(b, at).then_some(at);
    };
    match *first {
        Piece::Byte(c) => (b.get(at) == Some(&c))
            .then(|| read(s, rest, at + 1))
            .flatten(),
        Piece::Spaces => {
            let end = skip_spaces(s, at);
            (end > at).then(|| read(s, rest, end)).flatten()
        }
        Piece::Quote => {
            let q = quote_at(s, at);
            (q > 0)
                .then(|| read(s, rest, at + q))
                .flatten()
                .or_else(|| read(s, rest, at))
        }
        Piece::QuoteS => {
            let q = quote_at(s, at);
            let with_quote = (q > 0 && b.get(at + q) == Some(&b's'))
                .then(|| read(s, rest, at + q + 1))
                .flatten();
            with_quote
                .or_else(|| {
                    (b.get(at) == Some(&b's'))
                        .then(|| read(s, rest, at + 1))
                        .flatten()
                })
                .or_else(|| read(s, rest, at))
        }
    }
}

/// The holiday's name at `at`, by the first spelling that reads there: `(?P<h>...)\b`.
fn name_at(s: &str, at: usize) -> Option<Span> {
    let spellings = &*SPELLINGS;
    let first = *s.as_bytes().get(at)?;
    spellings.by_first[usize::from(first)]
        .iter()
        .find_map(|&i| read(s, &spellings.pieces[i], at))
        .map(|end| Span::new(at, end))
}

/// A match of `HOLIDAY`: the whole, the word that shifts the year ("last", "this coming"), the
/// name, and the year stated or shifted after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Festive {
    pub whole: Span,
    pub which: Option<Span>,
    pub name: Span,
    pub year: Option<Span>,
    pub year_shift: Option<Span>,
}

/// The year after a holiday's name ending at `at`: `(?:\s*,\s*|\s+(?:of\s+|in\s+)?)(?P<y>YEAR)
/// \b`, or `\s+(?:of\s+)?(?P<rel>next|last|this)\s+year\b`; with where it ends.
fn year_after(s: &str, at: usize) -> Option<(Option<Span>, Option<Span>, usize)> {
    let b = s.as_bytes();
    let spaces = skip_spaces(s, at);
    let stated = if b.get(spaces) == Some(&b',') {
        year_at(b, skip_spaces(s, spaces + 1))
    } else if spaces > at {
        let after = |word: &str| {
            b[spaces..]
                .starts_with(word.as_bytes())
                .then(|| skip_spaces(s, spaces + word.len()))
                .filter(|&k| k > spaces + word.len())
        };
        year_at(b, after("of").or_else(|| after("in")).unwrap_or(spaces))
    } else {
        None
    };
    if let Some(y) = stated {
        return Some((Some(y), None, y.end));
    }
    if spaces == at {
        return None;
    }
    let mut k = spaces;
    if b[k..].starts_with(b"of") && space_at(s, k + 2) > 0 {
        k = skip_spaces(s, k + 2);
    }
    let rel = ["next", "last", "this"]
        .iter()
        .find(|w| b[k..].starts_with(w.as_bytes()))
        .map(|w| Span::new(k, k + w.len()))?;
    let year = skip_spaces(s, rel.end);
    (year > rel.end && b[year..].starts_with(b"year") && boundary(b, year + 4)).then_some((
        None,
        Some(rel),
        year + 4,
    ))
}

/// Every match of `HOLIDAY` in `lower`, from the places of its lead words.
pub(super) fn holidays(lower: &str, places: &[(u32, u32)]) -> Vec<Festive> {
    let b = lower.as_bytes();
    let spellings = &*SPELLINGS;
    let mut starts: Vec<usize> = Vec::new();
    for &(at, len) in places {
        let (at, len) = (at as usize, len as usize);
        for before in spellings
            .before_lead
            .get(&lower[at..at + len])
            .into_iter()
            .flatten()
        {
            starts.extend(step_back(lower, before, at));
        }
    }
    starts.sort_unstable();
    starts.dedup();
    let mut found: Vec<Festive> = Vec::new();
    let mut from = 0;
    for at in starts {
        if at < from || (at > 0 && is_word(b[at - 1])) {
            continue;
        }
        let Some(name) = name_at(lower, at) else {
            continue;
        };
        // The words that shift the year, the earliest the search can take.
        let which = shift_before(lower, name)
            .into_iter()
            .flatten()
            .flatten()
            .find(|q| q.start >= from);
        let (year, year_shift, end) = year_after(lower, name.end).unwrap_or((None, None, name.end));
        let hit = Festive {
            whole: Span::new(which.map_or(name.start, |q| q.start), end),
            which,
            name,
            year,
            year_shift,
        };
        from = hit.whole.end;
        found.push(hit);
    }
    found
}
