//! Proportions written in words, the statistical statements of news: "the majority of food
//! imports" (more than half), "a minority of voters" (less than half), "two-thirds of the
//! budget", "more than half of adults", "a quarter of homes".

use crate::tier::{Captures, Sequence, Tiered, Triggers};
use claimcheck_core::Comparator;

use super::comparator;
use super::units::unit_named;
use super::{Measure, Span};

/// A proportion word and the "of" that ties it to what it divides, in lowercase text.
///
/// Matched against an ASCII-lowercased copy of the text (same byte offsets), it compiles in less
/// than half the time the same pattern takes with `(?i)`; [`PROPORTION_FOLDING`] reads a text
/// where the two would differ.
static PROPORTION: Tiered = Tiered::new(|| String::from(&format!("(?x){PATTERN}")));

/// [`PROPORTION`] under `(?i)`, for the rare text with a Kelvin sign or a long s, which Unicode
/// case folding takes to "k" and "s" but ASCII lowercasing leaves alone.
static PROPORTION_FOLDING: Tiered = Tiered::new(|| String::from(&format!("(?ix){PATTERN}")));

/// [`PROPORTION`] with ASCII word boundaries, for a text whose only non-ASCII characters are
/// typographic punctuation and spaces ([`boundaries_are_ascii`]): there both kinds of boundary
/// fall in the same places, and a Unicode `\b` would send the whole search to the regex crate's
/// slowest engine as soon as it meets a curly quote (a tenth of extracting a news text).
static PROPORTION_ASCII: Tiered =
    Tiered::new(|| String::from(&format!("(?x){}", PATTERN.replace(r"\b", r"(?-u:\b)"))));

/// Whether every non-ASCII character of `text` is one that Unicode `\b` takes for a non-word
/// character: no-break and typographic spaces, dashes, quotation marks, ellipsis and common
/// signs. Listed rather than tested with `char` methods, which do not match the regex crate's
/// word class exactly (it includes combining marks and connector punctuation).
///
/// Only the non-ASCII characters are decoded: the runs of ASCII between them are passed over
/// byte by byte (decoding every character of a long text was most of the cost of finding its
/// proportions).
fn boundaries_are_ascii(text: &str) -> bool {
    non_ascii_chars(text).all(|c| {
        matches!(c,
            '\u{a0}' | '\u{a3}' | '\u{a5}' | '\u{a7}' | '\u{ab}' | '\u{b0}' | '\u{b1}' | '\u{bb}'
            | '\u{d7}' | '\u{f7}' | '\u{2000}'..='\u{200a}' | '\u{2010}'..='\u{2027}'
            | '\u{202f}' | '\u{2030}'..='\u{203e}' | '\u{205f}' | '\u{20ac}' | '\u{3000}')
    })
}

/// The characters of `text` outside ASCII, in order.
fn non_ascii_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let skip = first_non_ascii(&text.as_bytes()[at..])?;
        let c = text[at + skip..].chars().next()?;
        at += skip + c.len_utf8();
        Some(c)
    })
}

/// The offset of the first byte of `bytes` outside ASCII: 32 bytes at a time by `is_ascii`,
/// which reads a word at a time, then byte by byte in the block that holds it. Byte by byte
/// throughout, the two passes over a text cost 1.6% of extracting from 1 MB of the bench text.
fn first_non_ascii(bytes: &[u8]) -> Option<usize> {
    let mut base = 0;
    for block in bytes.chunks(32) {
        if !block.is_ascii() {
            return block.iter().position(|b| !b.is_ascii()).map(|k| base + k);
        }
        base += block.len();
    }
    None
}

/// Words one of which every proportion holds, none of them with a "k" or an "s".
static REQUIRED: [&str; 7] = [
    "majority", "minority", "half", "third", "quarter", "fifth", "tenth",
];

/// What every match of the lowercase forms holds: a proportion word (the last of its phrase),
/// then "of". Most texts hold "half" or "third" ("third-party", "a third time") and none of
/// these: the pattern was compiled (0.2-0.3 ms) to find nothing.
static IN_SEQUENCE: Sequence = Sequence {
    cues: &REQUIRED,
    first: |w| {
        matches!(
            w,
            "majority"
                | "minority"
                | "half"
                | "third"
                | "thirds"
                | "quarter"
                | "quarters"
                | "fifth"
                | "fifths"
                | "tenth"
                | "tenths"
        )
    },
    fillers: &[],
    then: |w| w == "of",
    backward: false,
};

const PATTERN: &str = r"
        \b(?P<q>
            (?:the|a)\s+(?:(?:large|vast|slim|narrow|clear|small|tiny|big|substantial|overwhelming|sizeable|sizable)\s+)?(?P<side>majority|minority)
          | (?:one|a)[-\s]half | half
          | (?P<n>a|one|two|three|four)[-\s](?P<d>thirds?|quarters?|fifths?|tenths?)
        )
        \s+of\b";

/// Whether `rest` (what follows "of") opens with a number, after at most one word that
/// hedges it ("just 12", "about 170").
fn count_follows(rest: &str) -> bool {
    let rest = rest.trim_start();
    let rest = [
        "just ", "only ", "about ", "some ", "around ", "nearly ", "almost ", "over ",
    ]
    .iter()
    .find_map(|w| {
        rest.get(..w.len())
            .filter(|head| head.eq_ignore_ascii_case(w))
            .map(|_| rest[w.len()..].trim_start())
    })
    .unwrap_or(rest);
    rest.starts_with(|c: char| c.is_ascii_digit())
}

/// The words every proportion holds one of, which the date reader's trigger pass finds too.
pub(crate) fn required_words() -> &'static [&'static str] {
    &REQUIRED
}

/// The proportion measures of `text`: value as a fraction of one, unit `proportion`. `lower` is
/// `text` with its ASCII letters lowercased.
pub(crate) fn proportions(text: &str, lower: &str) -> Vec<Measure> {
    proportions_with(text, &Triggers::new(lower))
}

/// [`proportions`] with the trigger words of `lower` (the lowercased text) already found, as the
/// date reader's pass finds them: the proportion words' places are read off that pass rather
/// than looked for again, each over the whole text (seven searches to tell whether one is
/// there, and seven more for their places).
pub(crate) fn proportions_with(text: &str, triggers: &Triggers<'_>) -> Vec<Measure> {
    let lower = triggers.haystack();
    let Some(unit) = unit_named("proportion") else {
        return Vec::new();
    };
    // A text without a proportion word never compiles the pattern.
    if !triggers.holds_any(&REQUIRED) {
        return Vec::new();
    }
    let (pattern, haystack) = if non_ascii_chars(text).any(|c| matches!(c, '\u{212a}' | '\u{17f}'))
    {
        (&PROPORTION_FOLDING, text)
    } else if boundaries_are_ascii(text) {
        (&PROPORTION_ASCII, lower)
    } else {
        (&PROPORTION, lower)
    };
    let mut out = Vec::new();
    let found = if std::ptr::eq(pattern, &PROPORTION_FOLDING) {
        Some(pattern.captures_iter(haystack))
    } else if IN_SEQUENCE.may_stand(triggers) {
        Some(pattern.captures_iter_gated(triggers, &[&REQUIRED], None))
    } else {
        None
    };
    for caps in found.into_iter().flatten() {
        let Some(q) = caps.name("q") else { continue };
        let words = q.as_str().to_lowercase();
        // "the first half of the year", "the second quarter of": a part of a period.
        let previous = text[..q.start()]
            .trim_end()
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("")
            .to_lowercase();
        if matches!(
            previous.as_str(),
            "first"
                | "second"
                | "third"
                | "fourth"
                | "last"
                | "latter"
                | "former"
                | "other"
                | "back"
                | "front"
        ) {
            continue;
        }
        // "a majority of 174", "a minority of just 12 seats": a margin or a count, no share.
        if caps.name("side").is_some()
            && count_follows(&text[caps.get(0).map_or(q.end(), |m| m.end())..])
        {
            continue;
        }
        let stated = comparator::stated_before(text, q.start()).filter(|s| !s.range_opener);
        let (value, implied) = match caps.name("side").map(|s| s.as_str().to_lowercase()) {
            // A majority is more than half, a minority less, whatever word comes before.
            Some(side) if side == "majority" => (0.5, Some(Comparator::Gt)),
            Some(_) => (0.5, Some(Comparator::Lt)),
            None => match fraction(&caps) {
                Some(v) => (v, None),
                None if words.contains("half") => (0.5, None),
                None => continue,
            },
        };
        let start = if implied.is_none() {
            stated.map_or(q.start(), |s| s.start)
        } else {
            q.start()
        };
        // "cut rates by a quarter of a percentage point": a fraction of a unit is an amount in
        // it, not a share; its unit's words are written after "of a" ("percentage point").
        let (end, unit, unit_text) = match of_a_point(text, q.end()).filter(|_| implied.is_none()) {
            Some((unit_at, end, point)) => (end, point, &text[unit_at..end]),
            // As written, from the text rather than its lowercased copy.
            None => (q.end(), unit, &text[caps.name("side").unwrap_or(q).range()]),
        };
        out.push(Measure {
            span: Span::new(start, end),
            core: Span::new(q.start(), end),
            value,
            value_max: None,
            unit: Some(unit),
            unit_text: Some(unit_text.to_string()),
            comparator: implied.or(stated.map(|s| s.comparator)),
            attributive: false,
        });
    }
    let before = out.len();
    standing_alone(text, triggers, unit, &mut out);
    if out.len() > before {
        out.sort_by_key(|m| m.span.start);
    }
    out
}

/// Where the unit's words of " of a percentage point" (or " of a point", " of one percentage
/// point", or " of a mile", any unit written in words) start and where they end, when it
/// follows a fraction ending at `at`, with the unit.
fn of_a_point(text: &str, at: usize) -> Option<(usize, usize, &'static crate::quantity::Unit)> {
    let rest = &text[at..];
    // "a quarter of a mile", "three-quarters of an hour": a fraction of a unit the table
    // spells in words.
    for lead in [" of a ", " of an "] {
        if rest
            .get(..lead.len())
            .is_some_and(|r| r.eq_ignore_ascii_case(lead))
            && let Some(u) = crate::quantity::units::unit_at(text, at + lead.len())
            && !u.symbol
            && u.unit.dimension != crate::quantity::units::Dimension::Ratio
        {
            return Some((u.start, u.end, u.unit));
        }
    }
    let lead = [
        " of a percentage point",
        " of one percentage point",
        " of a point",
    ]
    .iter()
    .find(|lead| {
        rest.get(..lead.len())
            .is_some_and(|r| r.eq_ignore_ascii_case(lead))
    })?;
    let end = at + lead.len();
    // A whole word: not "of a pointed remark".
    if text[end..].starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let words = if lead.ends_with("percentage point") {
        "percentage point".len()
    } else {
        "point".len()
    };
    Some((end - words, end, unit_named("percentage point")?))
}

/// The proportions without "of" after them, which the pattern leaves: a plural fraction
/// ("turnout of nearly two-thirds", "three fifths said no"; not "quarters", most often the
/// periods of a year) and a fraction after "by" ("fell
/// by a third", "cut by half"). A bare "a third" or "half" is too often an ordinal or a part
/// of time ("a third term", "half an hour") to stand without either. Read from the places of
/// the proportion words (the trigger pass's, or found here), in `lower`, pushed onto `out`.
fn standing_alone(
    text: &str,
    triggers: &Triggers<'_>,
    unit: &'static super::units::Unit,
    out: &mut Vec<Measure>,
) {
    let lower = triggers.haystack();
    let b = lower.as_bytes();
    let places: Vec<usize> = match triggers.occurrences(&REQUIRED) {
        Some(places) => places.iter().map(|&(at, _)| at as usize).collect(),
        None => {
            let mut all: Vec<usize> = REQUIRED
                .iter()
                .flat_map(|w| memchr::memmem::find_iter(b, w.as_bytes()))
                .collect();
            all.sort_unstable();
            all
        }
    };
    for at in places {
        let end = at
            + b[at..]
                .iter()
                .take_while(|c| c.is_ascii_lowercase())
                .count();
        let word = &lower[at..end];
        let denominator = match word.trim_end_matches('s') {
            "half" => 2.0,
            "third" => 3.0,
            "quarter" => 4.0,
            "fifth" => 5.0,
            "tenth" => 10.0,
            _ => continue,
        };
        let plural = word.ends_with('s');
        // A whole word: not "halfway", "one-third-owned", "halftime"; and not followed by
        // "of", which the pattern reads.
        let next = b.get(end).copied();
        // Nor "two quarters in a row", periods of a year; nor a fraction before a noun ("by a
        // third round of talks").
        if (at > 0 && b[at - 1].is_ascii_alphanumeric())
            || next.is_some_and(|c| c.is_ascii_alphanumeric() || c == b'-')
            || word == "quarters"
            || starts_with_of(&lower[end..])
            || !ends_phrase(&lower[end..])
        {
            continue;
        }
        // The numerator: a word before, joined by a hyphen or a space.
        let lead = &lower[..at];
        let joined = lead.strip_suffix('-').or_else(|| lead.strip_suffix(' '));
        let numerator = joined.and_then(|j| {
            let w = &j[j.trim_end_matches(|c: char| c.is_ascii_lowercase()).len()..];
            let n = match w {
                "a" | "one" => 1.0,
                "two" => 2.0,
                "three" => 3.0,
                "four" => 4.0,
                "five" => 5.0,
                "six" => 6.0,
                "seven" => 7.0,
                "eight" => 8.0,
                "nine" => 9.0,
                _ => return None,
            };
            Some((j.len() - w.len(), n))
        });
        let (start, value) = match numerator {
            Some((start, n)) if n < denominator && (plural == (n > 1.0)) => {
                (start, n / denominator)
            }
            None if word == "half" => (at, 0.5),
            _ => continue,
        };
        // A plural fraction stands on its own; a single one only after "by".
        if !(plural || lower[..start].trim_end().ends_with(" by")) {
            continue;
        }
        let stated = comparator::stated_before(text, start).filter(|s| !s.range_opener);
        out.push(Measure {
            span: Span::new(stated.map_or(start, |s| s.start), end),
            core: Span::new(start, end),
            value,
            value_max: None,
            unit: Some(unit),
            unit_text: Some(text[start..end].to_string()),
            comparator: stated.map(|s| s.comparator),
            attributive: false,
        });
    }
}

/// Whether a fraction ending where `rest` starts ends its phrase: punctuation or the end
/// follows, or a word that opens another phrase ("fell by a third in a year", "cut by half
/// and"), not a noun it would modify.
fn ends_phrase(rest: &str) -> bool {
    let word = rest.trim_start_matches(' ');
    if word.len() == rest.len() && !rest.is_empty() {
        return true;
    }
    let end = word
        .find(|c: char| !c.is_ascii_lowercase())
        .unwrap_or(word.len());
    end == 0
        || matches!(
            &word[..end],
            "in" | "on"
                | "at"
                | "to"
                | "from"
                | "since"
                | "after"
                | "before"
                | "over"
                | "and"
                | "but"
                | "or"
                | "than"
                | "as"
                | "while"
                | "last"
                | "this"
                | "compared"
                | "between"
                | "during"
                | "for"
                | "by"
                | "said"
                | "says"
                | "according"
                | "year"
                | "years"
        )
}

/// Whether `rest` opens with white space then the word "of".
fn starts_with_of(rest: &str) -> bool {
    let trimmed = rest.trim_start();
    trimmed.len() < rest.len()
        && trimmed.starts_with("of")
        && !trimmed[2..].starts_with(|c: char| c.is_ascii_alphanumeric())
}

/// The value of "two-thirds", "a quarter", "three fifths".
fn fraction(caps: &Captures<'_, '_>) -> Option<f64> {
    let n = match caps.name("n")?.as_str().to_lowercase().as_str() {
        "a" | "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        _ => return None,
    };
    let d = caps.name("d")?.as_str().to_lowercase();
    let d = match d.trim_end_matches('s') {
        "third" => 3.0,
        "quarter" => 4.0,
        "fifth" => 5.0,
        "tenth" => 10.0,
        _ => return None,
    };
    (n < d).then_some(n / d)
}

/// The proportion patterns, for the table of prebuilt automata (`tier/automata.rs`).
#[cfg(test)]
pub(super) fn tiered_patterns() -> Vec<&'static Tiered> {
    vec![&PROPORTION, &PROPORTION_FOLDING, &PROPORTION_ASCII]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sequence test turns away only texts in which neither lowercase form finds a
    /// proportion: texts past the trigger pass's threshold, of proportion words, the words
    /// before them, "of", white space and words that hold theirs.
    #[test]
    fn the_sequence_test_turns_away_no_proportion() {
        let pieces = crate::testing::with_spaces(&[
            "the",
            "a",
            "vast",
            "majority",
            "minority",
            "one",
            "half",
            "one-half",
            "two",
            "thirds",
            "third",
            "third-party",
            "quarter",
            "quarters",
            "fifths",
            "tenth",
            "of",
            "often",
            "off",
            "-",
            "x",
            "2",
            "\u{e9}",
            "the majority of ",
            "a half of ",
            "two-thirds\u{a0}of",
            " half of",
            "a quarter\nof ",
            "one fifth of",
        ]);
        let tally = crate::testing::hold_gate(
            "the proportion sequence",
            (0x428a_2f98_d728_ae22, 20_000),
            (&"zzz ".repeat(70), &pieces, 8),
            |text| PROPORTION.find(text).is_some() || PROPORTION_ASCII.find(text).is_some(),
            |text| IN_SEQUENCE.may_stand(&Triggers::new(text)),
        );
        assert!(tally.found > 1000 && tally.turned_away > 3000, "{tally:?}");
    }

    fn check(text: &str, expected: &[(&str, f64, Option<Comparator>)]) {
        let got: Vec<(&str, f64, Option<Comparator>)> =
            proportions(text, &text.to_ascii_lowercase())
                .iter()
                .map(|m| (&text[m.span.start..m.span.end], m.value, m.comparator))
                .collect();
        assert_eq!(got, expected, "{text:?}");
    }

    #[test]
    fn reads_proportions() {
        check(
            "The majority of food imports come from China.",
            &[("The majority", 0.5, Some(Comparator::Gt))],
        );
        check(
            "A slim minority of voters backed it.",
            &[("A slim minority", 0.5, Some(Comparator::Lt))],
        );
        check(
            "More than half of adults smoke.",
            &[("More than half", 0.5, Some(Comparator::Gt))],
        );
        check(
            "Two-thirds of the budget went on defence.",
            &[("Two-thirds", 2.0 / 3.0, None)],
        );
        check(
            "Nearly a quarter of homes lack heat.",
            &[("Nearly a quarter", 0.25, Some(Comparator::Approx))],
        );
        check("He won the majority vote.", &[]);
        check(
            "Labour won 412 seats, a majority of 174, the BBC said.",
            &[],
        );
        check("It passed with a majority of just 12 votes.", &[]);
        check("A majority of 18 voters said no.", &[]);
        check("In the first half of the year.", &[]);
    }

    #[test]
    fn reads_fractions_without_of() {
        check(
            "Turnout was nearly two-thirds, and three fifths said no.",
            &[
                ("nearly two-thirds", 2.0 / 3.0, Some(Comparator::Approx)),
                ("three fifths", 0.6, None),
            ],
        );
        check(
            "Sales fell by a third, costs were cut by half and profit rose by one-fifth.",
            &[
                ("a third", 1.0 / 3.0, None),
                ("half", 0.5, None),
                ("one-fifth", 0.2, None),
            ],
        );
        // A single fraction needs "by"; half-time and "behalf" are no share, nor periods
        // ("two quarters in a row") or a fraction before its noun ("by a third round").
        check(
            "A third term, half an hour at half-time, on behalf of us, two quarters in a row.",
            &[],
        );
        check("It was followed by a third round of talks.", &[]);
    }

    #[test]
    fn ascii_boundaries_only_beside_punctuation() {
        assert!(boundaries_are_ascii(
            "\u{201c}Half of us\u{201d} \u{2014} it\u{2019}s true\u{a0}"
        ));
        assert!(!boundaries_are_ascii("caf\u{e9} half of"));
        assert!(!boundaries_are_ascii("a\u{200d}half of"));
        let long: Vec<String> = [0, 1, 30, 31, 32, 33, 63, 64, 65, 100]
            .iter()
            .map(|&n| {
                format!(
                    "{}\u{e9}{}\u{201c}\u{201d}{}",
                    "a".repeat(n),
                    "b".repeat(n),
                    "c".repeat(n)
                )
            })
            .collect();
        for text in [
            "",
            "plain",
            "\u{e9}",
            "a\u{e9} b\u{201c}c\u{201d}",
            "\u{212a}x\u{17f}",
            "x\u{1f600}y\u{300}",
        ]
        .into_iter()
        .chain(long.iter().map(String::as_str))
        {
            let expected: String = text.chars().filter(|c| !c.is_ascii()).collect();
            assert_eq!(
                non_ascii_chars(text).collect::<String>(),
                expected,
                "{text:?}"
            );
        }
        let text = "\u{201c}A third of voters\u{201d} and \u{2018}the majority of\u{2019} them";
        let lower = text.to_ascii_lowercase();
        let spans = |re: &Tiered| re.find_iter(&lower).map(|m| m.range()).collect::<Vec<_>>();
        assert_eq!(spans(&PROPORTION_ASCII), spans(&PROPORTION));
        assert_eq!(spans(&PROPORTION).len(), 2);
    }
}
