//! The words before a number that say how it bounds the truth: "less than", "about", "within".

use crate::ascii::is_word_byte;
use crate::tier::{Captures, Tiered};
use claimcheck_core::Comparator;
use std::sync::LazyLock;

use super::units::{floor_char_boundary, fold_char};

/// What a comparator phrase said, and where it began.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Stated {
    pub comparator: Comparator,
    pub start: usize,
    /// "between" or "from", which open a range.
    pub range_opener: bool,
}

/// Comparator phrases, ending where the number begins. An optional "only", "just" or "still"
/// before a phrase adds nothing to its meaning. Written in lowercase for [`ASCII_BEFORE`], which
/// compiles it without `(?i)` and Unicode classes, several times cheaper, and for
/// [`UNICODE_BEFORE`], the same under `(?i)` with Unicode `\b` and `\s`.
const BEFORE: &str = r"
        (?:\b(?:only|just|merely|still|now)\s+)?
        (?:
            (?P<lt>\b(?:(?:just|slightly|a\ little|well|far)\s+)?(?:less|fewer|lower|shorter)\s+than|\b(?:just\ |well\ )?(?:under|below)|<)
          | (?P<le>\b(?:no|not)\s+(?:more|further|farther)\s+than|\bat\s+(?:the\ )?most|\bup\s+to|\bwithin|≤|<=)
          | (?P<gt>\b(?:(?:just|slightly|a\ little|well|far)\s+)?(?:more|greater|higher|longer|further|farther)\s+than|\b(?:just\ |well\ )?(?:over|above|exceeding|in\ excess\ of)|>)
          | (?P<ge>\b(?:at\s+least|no\s+(?:less|fewer)\s+than|not\s+less\s+than|a\s+minimum\s+of)|≥|>=)
          | (?P<approx>\b(?:about|roughly|some|around|nearly|approximately|almost|close\s+to|circa|an\s+estimated|estimated|approx\.?|more\s+or\s+less|a\s+mere)|~|≈|\bc\.)
          | (?P<eq>\b(?:exactly|precisely|fully))
          | (?P<between>\b(?:between|from))
        )
        \s*\$?\s*$";

/// [`BEFORE`] for a window spelled out by [`ascii_shadow`]: ASCII `\b` and `\s`, no `(?i)`, and
/// the three non-ASCII signs written as the control characters the shadow puts for them.
static ASCII_BEFORE: Tiered = Tiered::new(|| {
    let pattern = BEFORE
        .replace('≤', r"\x01")
        .replace('≥', r"\x02")
        .replace('≈', r"\x03");
    String::from(&format!("(?x-u){pattern}"))
});

/// [`BEFORE`] as written, for the rare window that [`ascii_shadow`] cannot spell; compiled on
/// first use.
static UNICODE_BEFORE: Tiered = Tiered::new(|| String::from(&format!("(?ix){BEFORE}")));

/// `window` with one ASCII character for each of its characters, such that [`ASCII_BEFORE`]
/// matches the shadow where [`UNICODE_BEFORE`] matches the window (the match starting at the
/// same character). Letters are folded as `(?i)` folds them; other white space becomes a vertical
/// tab, which `\s` matches and no literal does; other letters become "_", a word character that
/// no literal matches; common punctuation becomes "#", which is neither. `None` when the window
/// has a character this cannot classify without Unicode tables (a mark, a digit outside ASCII,
/// a rare symbol): those take the Unicode pattern.
///
/// [`stated_before`] spells an ASCII window on the stack with [`shadow_byte`], as this does each
/// ASCII character.
fn ascii_shadow(window: &str) -> Option<String> {
    window
        .chars()
        .map(|c| {
            Some(match c {
                c if c.is_ascii() => char::from(shadow_byte(c as u8)),
                '≤' => '\u{1}',
                '≥' => '\u{2}',
                '≈' => '\u{3}',
                '\u{212a}' | '\u{17f}' => fold_char(c),
                c if c.is_whitespace() => '\u{b}',
                c if c.is_alphabetic() => '_',
                // Dashes, quotation marks, bullets and the ellipsis; per mille and primes; and
                // signs common in news: none is a word character.
                '\u{2010}'..='\u{2027}'
                | '\u{2030}'..='\u{2033}'
                | '£'
                | '€'
                | '¥'
                | '°'
                | '«'
                | '»'
                | '©'
                | '×'
                | '−' => '#',
                _ => return None,
            })
        })
        .collect()
}

/// The longest window before a number that is read for a comparator.
const WINDOW: usize = 48;

/// [`ascii_shadow`] of an ASCII byte.
fn shadow_byte(b: u8) -> u8 {
    match b {
        1..=3 => b'#',
        b => b.to_ascii_lowercase(),
    }
}

/// Whether `word` is the last word of a phrase of [`BEFORE`] (all of "approx" and "c", which
/// may take a point), by `match` arms (a length and a comparison or two, where scanning a list
/// compared each).
fn is_last_word(word: &[u8]) -> bool {
    matches!(
        word,
        b"than"
            | b"under"
            | b"below"
            | b"most"
            | b"to"
            | b"within"
            | b"over"
            | b"above"
            | b"exceeding"
            | b"of"
            | b"least"
            | b"about"
            | b"roughly"
            | b"some"
            | b"around"
            | b"nearly"
            | b"approximately"
            | b"almost"
            | b"circa"
            | b"estimated"
            | b"approx"
            | b"less"
            | b"mere"
            | b"c"
            | b"exactly"
            | b"precisely"
            | b"fully"
            | b"between"
            | b"from"
    )
}

/// Whether a shadow window can end as [`ASCII_BEFORE`] requires: with a sign, or with the last
/// word of a phrase, whole, before the white space and dollar sign it allows; and when that word
/// is "of" or "to", which end few phrases and stand before many numbers ("of 4.7 billion"),
/// with the word before it in one of those phrases too. The number of every quantity is asked
/// about, and most have no comparator: this answers them without a regex search. It may say
/// yes wrongly ("that some"), never no. A shadow is ASCII, one byte a character, so it is read
/// as bytes.
fn may_end_a_comparator(shadow: &str) -> bool {
    let rest = trim_space(shadow.as_bytes());
    let rest = trim_space(rest.strip_suffix(b"$").unwrap_or(rest));
    let Some(&last) = rest.last() else {
        return false;
    };
    if matches!(last, b'<' | b'>' | b'=' | b'~' | 1..=3) {
        return true;
    }
    let rest = rest.strip_suffix(b".").unwrap_or(rest);
    let (before, word) = split_last_word(rest);
    // Every phrase's last word is the whole of a word: white space or the phrase's start (a
    // word boundary) stands before it.
    if before.last().is_some_and(|&c| is_word_byte(c)) {
        return false;
    }
    match word {
        b"of" => matches!(
            split_last_word(trim_space(before)).1,
            b"excess" | b"minimum"
        ),
        b"to" => matches!(split_last_word(trim_space(before)).1, b"up" | b"close"),
        _ => is_last_word(word),
    }
}

/// `s` without the ASCII white space it ends with (`\s` in ASCII).
fn trim_space(s: &[u8]) -> &[u8] {
    let end = s
        .iter()
        .rposition(|&b| !matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' '))
        .map_or(0, |k| k + 1);
    &s[..end]
}

/// `s` cut before the ASCII lowercase letters it ends with.
fn split_last_word(s: &[u8]) -> (&[u8], &[u8]) {
    let at = s
        .iter()
        .rposition(|b| !b.is_ascii_lowercase())
        .map_or(0, |k| k + 1);
    s.split_at(at)
}

/// The phrases of [`BEFORE`] by the comparator each states, in the pattern's order, as a
/// shadow ([`ascii_shadow`]) spells them: `+` for `\s+`, a space for the pattern's `\ ` (one
/// space exactly), and `(a|b|)` for a choice, the empty one last. Each is the words a phrase
/// may start with ("just", "well") and the rest of it.
const PHRASES: &[(Comparator, &str, &str)] = &[
    (
        Comparator::Lt,
        "(just+|slightly+|a little+|well+|far+)",
        "(less|fewer|lower|shorter)+than",
    ),
    (Comparator::Lt, "(just |well )", "(under|below)"),
    (Comparator::Lt, "", "<"),
    (Comparator::Le, "", "(no|not)+(more|further|farther)+than"),
    (Comparator::Le, "", "at+(the |)most"),
    (Comparator::Le, "", "(up+to|within|\u{1}|<=)"),
    (
        Comparator::Gt,
        "(just+|slightly+|a little+|well+|far+)",
        "(more|greater|higher|longer|further|farther)+than",
    ),
    (
        Comparator::Gt,
        "(just |well )",
        "(over|above|exceeding|in excess of)",
    ),
    (Comparator::Gt, "", ">"),
    (
        Comparator::Ge,
        "",
        "(at+least|no+less+than|no+fewer+than|not+less+than|a+minimum+of|\u{2}|>=)",
    ),
    (
        Comparator::Approx,
        "",
        "(about|roughly|some|around|nearly|approximately|almost|close+to|circa|an+estimated\
         |estimated|approx|approx.|more+or+less|a+mere|~|\u{3}|c.)",
    ),
    (Comparator::Eq, "", "(exactly|precisely|fully)"),
    (Comparator::Between, "", "(between|from)"),
];

/// The words of [`BEFORE`]'s optional first part ("only about"), spelled as in [`PHRASES`].
const OPENERS: &str = "(only|just|merely|still|now)";

/// One spelling of the rest of a phrase of [`PHRASES`], with the spellings of the words it
/// may start with.
struct Spelling {
    comparator: Comparator,
    lead: Vec<Vec<u8>>,
    rest: Vec<u8>,
}

/// Every spelling of [`PHRASES`], in the pattern's order, by its last byte (a phrase ends
/// where the white space before the number begins, so one byte picks the few that can).
static SPELLINGS: LazyLock<Vec<Vec<Spelling>>> = LazyLock::new(|| {
    let mut by_last: Vec<Vec<Spelling>> = (0..=u8::MAX).map(|_| Vec::new()).collect();
    for &(comparator, lead, rest) in PHRASES {
        let lead = if lead.is_empty() {
            Vec::new()
        } else {
            spellings(lead.as_bytes())
        };
        for rest in spellings(rest.as_bytes()) {
            let last = *rest.last().expect("a phrase is not empty");
            by_last[usize::from(last)].push(Spelling {
                comparator,
                lead: lead.clone(),
                rest,
            });
        }
    }
    by_last
});

/// The spellings of [`OPENERS`].
static OPENER_SPELLINGS: LazyLock<Vec<Vec<u8>>> = LazyLock::new(|| spellings(OPENERS.as_bytes()));

/// Each spelling `phrase` stands for: its choices (which do not nest) taken every way, in order.
fn spellings(phrase: &[u8]) -> Vec<Vec<u8>> {
    let Some(open) = phrase.iter().position(|&b| b == b'(') else {
        return vec![phrase.to_vec()];
    };
    let close = open
        + phrase[open..]
            .iter()
            .position(|&b| b == b')')
            .expect("a choice is closed");
    assert!(
        !phrase[open + 1..close].contains(&b'('),
        "a choice in a choice"
    );
    let rest = spellings(&phrase[close + 1..]);
    phrase[open + 1..close]
        .split(|&b| b == b'|')
        .flat_map(|choice| {
            rest.iter()
                .map(move |tail| [&phrase[..open], choice, tail].concat())
        })
        .collect()
}

/// Where `spelling` starts if `shadow[..end]` ends with it, `+` standing for one or more white
/// space characters (all of those there: in every spelling a letter stands before `+`).
fn spelled_before(shadow: &[u8], end: usize, spelling: &[u8]) -> Option<usize> {
    let mut at = end;
    for &c in spelling.iter().rev() {
        if c == b'+' {
            let run = trim_space(&shadow[..at]).len();
            if run == at {
                return None;
            }
            at = run;
        } else if at > 0 && shadow[at - 1] == c {
            at -= 1;
        } else {
            return None;
        }
    }
    Some(at)
}

/// The comparator [`ASCII_BEFORE`] finds in `shadow` and where its match starts, read without a
/// search: the shadow's end must be a phrase of [`PHRASES`] (then the white space and dollar
/// sign the pattern allows), an opener of [`OPENERS`] and white space may stand before it, and
/// a phrase or opener that starts with a letter must start a word. Of the matches this leaves,
/// the pattern's search gives the one that starts first, and of those starting at the same
/// place, one with an opener before one without, and then the first in the pattern's order.
fn read_before(shadow: &[u8]) -> Option<(Comparator, usize)> {
    let rest = trim_space(shadow);
    let end = trim_space(rest.strip_suffix(b"$").unwrap_or(rest)).len();
    let &last = shadow[..end].last()?;
    // Whether a spelling that starts at `at` starts a word, as `\b` requires of those that
    // start with a letter.
    let starts_word = |spelling: &[u8], at: usize| {
        !spelling[0].is_ascii_lowercase() || at == 0 || !is_word_byte(shadow[at - 1])
    };
    let mut best: Option<((usize, bool), Comparator)> = None;
    let mut consider = |start: usize, comparator: Comparator| {
        let spaces = trim_space(&shadow[..start]).len();
        let opened = (spaces < start)
            .then(|| {
                OPENER_SPELLINGS.iter().find_map(|opener| {
                    spelled_before(shadow, spaces, opener).filter(|&o| starts_word(opener, o))
                })
            })
            .flatten();
        // The earliest start wins; at the same start, one with an opener; then the pattern's
        // order.
        let key = opened.map_or((start, true), |o| (o, false));
        if best.is_none_or(|(k, _)| key < k) {
            best = Some((key, comparator));
        }
    };
    for spelling in &SPELLINGS[usize::from(last)] {
        let Some(at) = spelled_before(shadow, end, &spelling.rest) else {
            continue;
        };
        if starts_word(&spelling.rest, at) {
            consider(at, spelling.comparator);
        }
        for lead in &spelling.lead {
            if let Some(from) =
                spelled_before(shadow, at, lead).filter(|&from| starts_word(lead, from))
            {
                consider(from, spelling.comparator);
            }
        }
    }
    best.map(|((start, _), comparator)| (comparator, start))
}

/// [`read_before`] of a shadow window, after the quick test; a debug build checks the result
/// against [`ASCII_BEFORE`]'s search.
fn read_shadow(shadow: &str) -> Option<(Comparator, usize)> {
    let read = if may_end_a_comparator(shadow) {
        read_before(shadow.as_bytes())
    } else {
        None
    };
    if cfg!(debug_assertions) {
        assert_eq!(
            read,
            searched_before(shadow),
            "the comparator in {shadow:?}"
        );
    }
    read
}

/// What [`ASCII_BEFORE`]'s search finds in a shadow window: the comparator and where it starts.
fn searched_before(shadow: &str) -> Option<(Comparator, usize)> {
    let caps = ASCII_BEFORE.captures(shadow)?;
    Some((comparator_of(&caps)?, caps.get(0)?.start()))
}

/// The comparator stated just before byte `start` of `text`, if any.
pub(crate) fn stated_before(text: &str, start: usize) -> Option<Stated> {
    let from = floor_char_boundary(text, start.saturating_sub(WINDOW));
    let window = &text[from..start];
    let (comparator, whole_start) = if window.is_ascii() {
        // The shadow of an ASCII window, on the stack rather than in a string allocated for
        // the number of every quantity.
        let mut buf = [0u8; WINDOW];
        let shadow = &mut buf[..window.len()];
        for (s, b) in shadow.iter_mut().zip(window.bytes()) {
            *s = shadow_byte(b);
        }
        // One byte for each character.
        read_shadow(std::str::from_utf8(shadow).ok()?)?
    } else {
        match ascii_shadow(window) {
            Some(shadow) => {
                // The shadow has one byte for each character of the window.
                let (comparator, chars) = read_shadow(&shadow)?;
                let at = window
                    .char_indices()
                    .nth(chars)
                    .map_or(window.len(), |(i, _)| i);
                (comparator, at)
            }
            None => {
                let caps = UNICODE_BEFORE.captures(window)?;
                (comparator_of(&caps)?, caps.get(0)?.start())
            }
        }
    };
    Some(Stated {
        comparator,
        start: from + whole_start,
        range_opener: comparator == Comparator::Between,
    })
}

/// The comparator named by the group of [`BEFORE`] that matched.
fn comparator_of(caps: &Captures<'_, '_>) -> Option<Comparator> {
    [
        (Comparator::Lt, "lt"),
        (Comparator::Le, "le"),
        (Comparator::Gt, "gt"),
        (Comparator::Ge, "ge"),
        (Comparator::Approx, "approx"),
        (Comparator::Eq, "eq"),
        (Comparator::Between, "between"),
    ]
    .into_iter()
    .find(|(_, name)| caps.name(name).is_some())
    .map(|(comparator, _)| comparator)
}

/// The comparator patterns, for the table of prebuilt automata (`tier/automata.rs`).
#[cfg(test)]
pub(super) fn tiered_patterns() -> Vec<&'static Tiered> {
    vec![&ASCII_BEFORE, &UNICODE_BEFORE]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Option<(Comparator, &str)>) {
        let got = stated_before(text, text.len()).map(|s| (s.comparator, &text[s.start..]));
        assert_eq!(got, expected, "{text:?}");
    }

    /// The quick test before the search never turns away a window the pattern matches.
    #[test]
    fn the_quick_test_keeps_every_match() {
        let phrases = [
            "less than",
            "fewer than",
            "just under",
            "well below",
            "<",
            "no more than",
            "not further than",
            "at the most",
            "at most",
            "up to",
            "within",
            "\u{2264}",
            "<=",
            "slightly more than",
            "far longer than",
            "just over",
            "above",
            "exceeding",
            "in excess of",
            ">",
            "at least",
            "no fewer than",
            "not less than",
            "a minimum of",
            "\u{2265}",
            ">=",
            "about",
            "roughly",
            "some",
            "around",
            "nearly",
            "approximately",
            "almost",
            "close to",
            "circa",
            "an estimated",
            "estimated",
            "approx",
            "approx.",
            "more or less",
            "a mere",
            "~",
            "\u{2248}",
            "c.",
            "exactly",
            "precisely",
            "fully",
            "between",
            "from",
            "only about",
            "still over",
            "now nearly",
        ];
        for phrase in phrases {
            for after in ["", " ", " $", "$ ", "\u{a0}", " $\t"] {
                for before in ["", "it cost ", "It Was "] {
                    let window = format!("{before}{phrase}{after}");
                    let shadow = ascii_shadow(&window).expect("a spellable window");
                    assert!(ASCII_BEFORE.captures(&shadow).is_some(), "{window:?}");
                    assert!(may_end_a_comparator(&shadow), "{window:?}");
                }
            }
        }
        for window in ["is ", "the ", "in 2019, ", "and $"] {
            let shadow = ascii_shadow(window).expect("a spellable window");
            assert!(!may_end_a_comparator(&shadow), "{window:?}");
            assert!(ASCII_BEFORE.captures(&shadow).is_none(), "{window:?}");
        }
    }

    /// The quick test lets every window through that the pattern matches, among windows of
    /// phrases, parts of phrases and other words, signs, digits and white space, and turns
    /// away most windows that end in "of" or "to".
    #[test]
    fn the_quick_test_keeps_every_match_in_generated_windows() {
        let words = [
            "of", "to", "in", "excess", "minimum", "a", "up", "close", "at", "most", "least",
            "than", "less", "more", "or", "some", "handsome", "about", "c", "c.", "public", "ex",
            "approx", "approx.", "mere", "over", "from", "the", "only", "$", "<", "=", "~", "_",
            "7", "#", ".", "excess_", "x", "\t", "\u{b}",
        ];
        let pieces = crate::testing::with_spaces(&words);
        let tally = crate::testing::hold_gate(
            "the comparator test",
            (0x1f83_d9ab_fb41_bd6b, 60_000),
            ("", &pieces, 8),
            |text| {
                ascii_shadow(text).is_some_and(|shadow| ASCII_BEFORE.captures(&shadow).is_some())
            },
            |text| ascii_shadow(text).is_some_and(|shadow| may_end_a_comparator(&shadow)),
        );
        assert!(
            tally.found > 5_000 && tally.turned_away > 20_000,
            "{tally:?}"
        );
        for window in ["a share of ", "from 3 to ", "out of ", "rose to $"] {
            let shadow = ascii_shadow(window).expect("a spellable window");
            assert!(!may_end_a_comparator(&shadow), "{window:?}");
        }
    }

    /// The hand reader finds what the pattern's search finds, comparator and start, in windows
    /// of phrases, parts of phrases, openers, other words, signs and white space of each kind
    /// (a debug build also checks every window it reads; this holds a release build to it).
    #[test]
    fn the_reader_finds_what_the_pattern_finds() {
        let words = [
            "of",
            "to",
            "in",
            "excess",
            "minimum",
            "a",
            "up",
            "close",
            "at",
            "most",
            "least",
            "than",
            "less",
            "more",
            "fewer",
            "or",
            "some",
            "handsome",
            "about",
            "c",
            "c.",
            "ex",
            "approx",
            "approx.",
            "mere",
            "over",
            "under",
            "from",
            "between",
            "the",
            "only",
            "just",
            "well",
            "far",
            "little",
            "slightly",
            "no",
            "not",
            "still",
            "now",
            "an",
            "estimated",
            "within",
            "longer",
            "further",
            "exactly",
            "$",
            "<",
            ">",
            "=",
            "~",
            "\u{2264}",
            "\u{2265}",
            "\u{2248}",
            "_",
            "7",
            "#",
            ".",
            "x",
            "\t",
            "\u{b}",
            "\u{a0}",
            "\u{1}",
            "é",
            "at least",
            "no more than",
            "not less than",
            "no fewer than",
            "in excess of",
            "a little",
            "at the",
            "a minimum of",
            "more or less",
            "close to",
            "up to",
            "just under",
            "well over",
            "an estimated",
            "a mere",
        ];
        let pieces = crate::testing::with_spaces(&words);
        let mut picks = crate::testing::Picks::new(0x5d1c_0b7e_9a34_2f61);
        let (mut found, mut windows) = (0, 0);
        for _ in 0..60_000 {
            let count = 1 + picks.below(8);
            let text = picks.text(&pieces, count);
            let Some(shadow) = ascii_shadow(&text) else {
                continue;
            };
            windows += 1;
            let searched = searched_before(&shadow);
            assert_eq!(read_shadow(&shadow), searched, "{text:?}");
            found += usize::from(searched.is_some());
        }
        assert!(found > 8_000 && windows > 50_000, "{found} of {windows}");
    }

    #[test]
    fn reads_comparators() {
        for (text, expected) in [
            ("which is less than ", Some((Comparator::Lt, "less than "))),
            ("only about ", Some((Comparator::Approx, "only about "))),
            ("roughly ", Some((Comparator::Approx, "roughly "))),
            ("no more than ", Some((Comparator::Le, "no more than "))),
            ("within ", Some((Comparator::Le, "within "))),
            ("at least ", Some((Comparator::Ge, "at least "))),
            ("just over ", Some((Comparator::Gt, "just over "))),
            ("it cost over $", Some((Comparator::Gt, "over $"))),
            ("between ", Some((Comparator::Between, "between "))),
            ("exactly ", Some((Comparator::Eq, "exactly "))),
            ("handsome ", None),
            ("is ", None),
        ] {
            check(text, expected);
        }
    }
}
