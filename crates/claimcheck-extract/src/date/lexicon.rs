//! The words dates are written with: month and weekday names, and the cue words that say whether
//! a sentence looks back or ahead, or that a number counts things rather than naming a year.

use jiff::civil::Weekday;

use crate::ascii::{with_lowercase, word_list};

/// Whether a sentence speaks of the past or the future around a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Lean {
    Past,
    Future,
    Neutral,
}

/// The month a name or abbreviation stands for, 1-based; a trailing point is ignored.
pub(super) fn month_number(word: &str) -> Option<i8> {
    with_lowercase(word.trim_end_matches('.'), month_of)
}

fn month_of(w: &str) -> Option<i8> {
    let n = match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(n)
}

/// Whether a month word is an abbreviation ("Sept", "Jan") rather than the full name.
pub(super) fn is_abbreviation(word: &str) -> bool {
    with_lowercase(word.trim_end_matches('.'), |w| {
        w.len() <= 4 && !matches!(w, "may" | "june" | "july")
    })
}

/// Whether a month word is also a common English verb or name when written lowercase, so that
/// it only counts as a month where a number or a capital says so.
pub(super) fn is_ambiguous_month(word: &str) -> bool {
    with_lowercase(word, |w| matches!(w, "may" | "march")) || is_abbreviation(word)
}

/// The weekday a full name or a usual abbreviation stands for.
pub(super) fn weekday(word: &str) -> Option<Weekday> {
    with_lowercase(word.trim_end_matches('.'), weekday_of)
}

fn weekday_of(w: &str) -> Option<Weekday> {
    let day = match w {
        "monday" | "mon" => Weekday::Monday,
        "tuesday" | "tue" | "tues" => Weekday::Tuesday,
        "wednesday" | "wed" => Weekday::Wednesday,
        "thursday" | "thu" | "thur" | "thurs" => Weekday::Thursday,
        "friday" | "fri" => Weekday::Friday,
        "saturday" | "sat" => Weekday::Saturday,
        "sunday" | "sun" => Weekday::Sunday,
        _ => return None,
    };
    Some(day)
}

/// The lowercase English name of a weekday, as claims record it.
pub(super) fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "monday",
        Weekday::Tuesday => "tuesday",
        Weekday::Wednesday => "wednesday",
        Weekday::Thursday => "thursday",
        Weekday::Friday => "friday",
        Weekday::Saturday => "saturday",
        Weekday::Sunday => "sunday",
    }
}

/// Words that, before a weekday, make it the name of a day in history or the calendar ("Black
/// Monday", "Good Friday") rather than a day near the publication date.
pub(super) fn names_a_day(previous_word: &str) -> bool {
    word_list!(
        is_naming,
        [
            "black", "cyber", "good", "ash", "super", "holy", "easter", "palm", "bloody", "maundy",
            "shrove", "giving",
        ]
    );
    with_lowercase(previous_word, is_naming)
}

/// The value of a small count written as a word or in digits ("a", "two", "3").
pub(super) fn small_number(word: &str) -> Option<i64> {
    const WORDS: &[&str] = &[
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    let w = word.to_lowercase();
    if matches!(w.as_str(), "a" | "an") {
        return Some(1);
    }
    if let Some(i) = WORDS.iter().position(|x| *x == w) {
        return i64::try_from(i).ok();
    }
    w.parse().ok()
}

/// The ordinal words of the days of a month up to the nineteenth, in order.
pub(super) const DAY_ORDINALS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];

/// The day of the month an ordinal word stands for: "first" is 1, "twenty-second" 22.
pub(super) fn day_word(word: &str) -> Option<i8> {
    // An ASCII word (nearly every one asked about, at each word before a month) is lowercased
    // and closed up on the stack rather than in two new strings.
    let mut buf = [0u8; 32];
    let closed_up;
    let w: &str = if word.is_ascii() && word.len() <= buf.len() {
        let mut n = 0;
        for &b in word.as_bytes() {
            if !matches!(b, b'-' | b' ' | b'\t' | b'\n') {
                buf[n] = b.to_ascii_lowercase();
                n += 1;
            }
        }
        std::str::from_utf8(&buf[..n]).ok()?
    } else {
        closed_up = word.to_lowercase().replace(['-', ' ', '\t', '\n'], "");
        &closed_up
    };
    let ordinal = |s: &str| {
        DAY_ORDINALS
            .iter()
            .position(|u| *u == s)
            .and_then(|i| i8::try_from(i + 1).ok())
    };
    match w {
        "twentieth" => Some(20),
        "thirtieth" => Some(30),
        _ => {
            if let Some(rest) = w.strip_prefix("twenty") {
                ordinal(rest).filter(|d| *d < 10).map(|d| 20 + d)
            } else if let Some(rest) = w.strip_prefix("thirty") {
                ordinal(rest).filter(|d| *d == 1).map(|d| 30 + d)
            } else {
                ordinal(w)
            }
        }
    }
}

/// The year a phrase in words stands for: "nineteen ninety-six" is 1996, "two thousand and
/// fifteen" 2015, "nineteen hundred and five" 1905, "nineteen oh five" 1905, "twenty twenty"
/// 2020.
pub(super) fn year_words(phrase: &str) -> Option<i16> {
    let lower = phrase.to_lowercase().replace('-', " ");
    let words: Vec<&str> = lower.split_whitespace().filter(|w| *w != "and").collect();
    match words.as_slice() {
        ["two", "thousand", rest @ ..] => Some(2000 + under_hundred(rest)?),
        [century, "hundred", rest @ ..] => {
            Some(under_hundred(&[century])? * 100 + under_hundred(rest)?)
        }
        [century, "oh", one] => Some(under_hundred(&[century])? * 100 + under_hundred(&[one])?),
        [century, rest @ ..] if !rest.is_empty() => {
            let tail = under_hundred(rest)?;
            (tail >= 10).then_some(under_hundred(&[century])? * 100 + tail)
        }
        _ => None,
    }
}

/// A number under a hundred in words ("ninety six", "fifteen"); 0 for no words.
fn under_hundred(words: &[&str]) -> Option<i16> {
    const SMALL: &[&str] = &crate::number::SMALL_NUMBER_WORDS;
    const TENS: &[&str] = &crate::number::TENS_WORDS;
    let small = |w: &str| {
        SMALL
            .iter()
            .position(|x| *x == w)
            .and_then(|i| i16::try_from(i).ok())
    };
    let tens = |w: &str| {
        TENS.iter()
            .position(|x| *x == w)
            .and_then(|i| i16::try_from(i).ok())
            .map(|i| 20 + 10 * i)
    };
    match words {
        [] => Some(0),
        [w] => small(w).or_else(|| tens(w)),
        [t, u] => Some(tens(t)? + small(u).filter(|n| (1..10).contains(n))?),
        _ => None,
    }
}

/// Nouns that, after a number, show it counts or measures something: "2000 people" is no year.
pub(super) fn is_count_noun(word: &str) -> bool {
    word_list!(
        is_noun,
        [
            "people",
            "persons",
            "men",
            "women",
            "children",
            "soldiers",
            "troops",
            "workers",
            "jobs",
            "employees",
            "residents",
            "points",
            "votes",
            "units",
            "cars",
            "homes",
            "houses",
            "years",
            "days",
            "hours",
            "minutes",
            "miles",
            "km",
            "kilometres",
            "kilometers",
            "metres",
            "meters",
            "m",
            "ft",
            "feet",
            "tons",
            "tonnes",
            "dollars",
            "euros",
            "pounds",
            "yen",
            "members",
            "students",
            "cases",
            "deaths",
            "kg",
            "mph",
            "acres",
            "barrels",
            "copies",
            "shares",
            "times",
            "percent",
            "per",
            "hectares",
            "square",
            "calories",
            "words",
            "pages",
            "s",
        ]
    );
    with_lowercase(word, is_noun)
}

/// Whether a word after a number is a unit symbol ("1500 b", "2000 kW"): one or two lowercase
/// letters that are not a short English word, or a short mixed-case symbol. All-capital words
/// are left alone, as "the 2008 US election" names a year.
pub(super) fn is_unit_symbol(word: &str) -> bool {
    word_list!(
        is_short_word,
        [
            "a", "an", "in", "on", "at", "to", "of", "by", "as", "is", "it", "or", "if", "so",
            "up", "we", "he", "i", "me", "my", "no", "do", "be", "us",
        ]
    );
    let count = word.chars().count();
    let lower = word.chars().all(char::is_lowercase);
    let mixed =
        word.chars().any(char::is_lowercase) && word.chars().skip(1).any(char::is_uppercase);
    (lower && (1..=2).contains(&count) && !is_short_word(word))
        || (mixed && (2..=3).contains(&count))
}

/// Words before a number that make it an amount, never a year ("about 2000", "No. 1984").
pub(super) fn marks_amount(previous_word: &str) -> bool {
    word_list!(
        is_amount_word,
        [
            "no",
            "no.",
            "number",
            "nearly",
            "almost",
            "over",
            "than",
            "some",
            "approximately",
            "roughly",
            "about",
            "at",
            "us$",
            "$",
            "£",
            "€",
            "¥",
            "top",
            "just",
        ]
    );
    with_lowercase(previous_word, is_amount_word)
}

word_list!(
    /// The modal and scheduling words that make a date future ("may" only lowercase: the month
    /// is capitalised).
    FUTURE_WORDS,
    is_future_word,
    [
        "will", "should", "would", "might", "ll", "shall", "wo", "upcoming", "scheduled", "slated",
        "tomorrow", "next", "forthcoming",
    ]
);

word_list!(
    /// The irregular past forms and past time words that make a date past.
    PAST_WORDS,
    is_past_word,
    [
        "was", "were", "had", "did", "said", "told", "met", "went", "came", "took", "gave", "made",
        "fell", "rose", "won", "lost", "left", "held", "began", "became", "saw", "got", "sent",
        "ran", "brought", "thought", "spoke", "wrote", "been", "ago", "yesterday", "last", "paid",
        "sold", "bought", "hit", "cut", "put", "set", "shut", "led", "struck", "broke", "chose",
        "drove", "flew", "grew", "knew", "threw", "felt", "kept", "meant", "built", "spent", "sank",
        "shot", "stood", "understood", "wore", "earlier",
    ]
);

word_list!(
    /// Verbs in the present tense that news uses for what is scheduled: "City face Rovers on
    /// Sunday", "the offer ends on Monday", "the trial opens on Tuesday".
    SCHEDULE_WORDS,
    is_schedule_word,
    [
        "begins", "starts", "opens", "reopens", "resumes", "closes", "ends", "expires", "plays",
        "faces", "hosts", "travels", "meets", "kicks", "launches", "arrives", "departs",
    ]
);

/// The shapes of every word [`tense_of`] looks for in the word it is given.
static TENSE_SHAPES: std::sync::LazyLock<crate::ascii::Shapes> = std::sync::LazyLock::new(|| {
    crate::ascii::Shapes::of(
        FUTURE_WORDS
            .iter()
            .chain(PAST_WORDS)
            .chain(SCHEDULE_WORDS)
            .copied()
            .chain([
                "to", "may", "expected", "due", "forecast", "expect", "expects",
            ])
            .chain(["face", "play", "meet", "host", "travel"]),
    )
});

/// Whether `word` may be a regular past form ([`regular_past`]): five letters or more ending in
/// "ed".
fn may_be_regular_past(word: &str) -> bool {
    word.len() >= 5 && word.as_bytes()[word.len() - 2..].eq_ignore_ascii_case(b"ed")
}

/// The tense a single word signals, if any. Past-tense forms are the usual irregular verbs plus
/// regular "-ed" forms; future cues are the modal and scheduling words news uses, and verbs of
/// a schedule in the present ("the offer ends"). The word before decides for "to", "expected"
/// and "due", for a past form (after a modal or "be" it carries no tense) and for a schedule
/// verb (after a determiner it is a noun).
pub(super) fn tense_of(word: &str, previous: &str) -> Option<Lean> {
    // This runs for every word around every date. Most are none of the listed words (nor "to"
    // or "may"), which the lists' shapes say at once, and no regular past form. The others are
    // ASCII letters, lowercased on the stack and compared with `match` arms rather than scanned
    // lists. A word too long for the buffer is none of the listed ones (the longest has 11
    // letters). The word before matters only to the words listed in the doc above, so it is
    // lowercased only for them.
    if !TENSE_SHAPES.may_hold(word) && !may_be_regular_past(word) {
        return None;
    }
    let mut word_buf = [0u8; 16];
    let mut previous_buf = [0u8; 16];
    let w = crate::ascii::lowercase_on_stack(word, &mut word_buf).unwrap_or("");
    if w == "to"
        && matches!(
            crate::ascii::lowercase_on_stack(previous, &mut previous_buf).unwrap_or(""),
            "set"
                | "due"
                | "going"
                | "expected"
                | "plans"
                | "plan"
                | "planned"
                | "is"
                | "are"
                | "aims"
                | "aim"
                | "intends"
                | "intend"
                | "scheduled"
                | "slated"
                | "likely"
                | "poised"
                | "hopes"
                | "hope"
                | "wants"
        )
    {
        return Some(Lean::Future);
    }
    // The modal "may" is lowercase; the month is capitalised.
    if is_future_word(w) || word == "may" {
        return Some(Lean::Future);
    }
    // "We expect the storm to pass by Saturday": an expectation is of what is to come.
    if matches!(w, "expect" | "expects") {
        let p = crate::ascii::lowercase_on_stack(previous, &mut previous_buf).unwrap_or("");
        // Not a negated one: "did not expect Tuesday's sell-off".
        return (!matches!(p, "not" | "never" | "t" | "didn" | "don" | "doesn"))
            .then_some(Lean::Future);
    }
    // "is expected in December", "is due on Monday", "widely expected", "lows of minus 4C are
    // forecast"; not "than expected", "was due", nor "forecasters expected heavy rain", a past
    // form.
    if matches!(w, "expected" | "due" | "forecast") {
        let p = crate::ascii::lowercase_on_stack(previous, &mut previous_buf).unwrap_or("");
        return matches!(
            p,
            "is" | "are" | "s" | "be" | "widely" | "usually" | "generally" | "now" | "still"
        )
        .then_some(Lean::Future);
    }
    // "City face Rovers on Sunday", "United host Leeds", "Chelsea, who play at Newcastle on
    // Sunday": a team's name or a pronoun standing for it, then the plain verb (after another
    // lowercase word it is more often a noun, "face injuries", "the play").
    if matches!(w, "face" | "play" | "meet" | "host" | "travel") {
        let p = crate::ascii::lowercase_on_stack(previous, &mut previous_buf).unwrap_or("");
        return (previous.starts_with(|c: char| c.is_ascii_uppercase())
            || matches!(p, "who" | "they" | "we" | "which"))
        .then_some(Lean::Future);
    }
    let schedule = is_schedule_word(w);
    let past = !schedule && (is_past_word(w) || regular_past(word, w));
    if !schedule && !past {
        return None;
    }
    let p = crate::ascii::lowercase_on_stack(previous, &mut previous_buf).unwrap_or("");
    // A verb after a modal, "to" or a negation is not the one that carries the tense ("will
    // hit", "expected to cut", "did not play"): the words before it say.
    if matches!(
        p,
        "will"
            | "would"
            | "should"
            | "could"
            | "can"
            | "might"
            | "must"
            | "may"
            | "shall"
            | "ll"
            | "to"
            | "not"
            | "t"
            | "never"
    ) {
        return None;
    }
    if schedule {
        // A noun after a determiner ("the ends", "the plays"), not a verb.
        return (!matches!(
            p,
            "the" | "a" | "an" | "his" | "her" | "their" | "its" | "new"
        ))
        .then_some(Lean::Future);
    }
    // A participle after "be" is passive ("should be completed", "will be held"), and says
    // nothing of the time.
    (!matches!(p, "be" | "being")).then_some(Lean::Past)
}

/// Whether `word` (`w` lowercased) is a regular past form: a lowercase word of five letters or
/// more ending in "-ed" that is not one of the words that only look like one.
fn regular_past(word: &str, w: &str) -> bool {
    let lowercase_word = word.chars().next().is_some_and(char::is_lowercase);
    let ends_ed = word
        .len()
        .checked_sub(2)
        .and_then(|i| word.get(i..))
        .is_some_and(|end| end.eq_ignore_ascii_case("ed"));
    lowercase_word
        && word.len() >= 5
        && ends_ed
        && !matches!(
            w,
            "need"
                | "indeed"
                | "speed"
                | "proceed"
                | "exceed"
                | "succeed"
                | "hundred"
                | "embed"
                | "breed"
                | "bleed"
                | "feed"
                | "seed"
                | "weed"
                | "greed"
                | "scheduled"
                | "planned"
                | "expected"
                | "proposed"
                | "united"
                | "based"
                | "red"
                | "bed"
                | "shed"
                | "limited"
                | "detailed"
                | "advanced"
                | "related"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shapes that turn most words away at once let through every word the lists and the
    /// regular past forms hold, in any case, and turn away only words that signal nothing.
    #[test]
    fn tense_words_pass_their_shapes() {
        for word in FUTURE_WORDS {
            assert_eq!(tense_of(word, ""), Some(Lean::Future), "{word}");
            assert_eq!(
                tense_of(&word.to_uppercase(), ""),
                Some(Lean::Future),
                "{word}"
            );
        }
        for word in PAST_WORDS {
            assert_eq!(tense_of(word, "they"), Some(Lean::Past), "{word}");
            assert_eq!(tense_of(word, "be"), None, "{word}");
        }
        for (word, previous, lean) in [
            ("to", "scheduled", Some(Lean::Future)),
            ("TO", "Set", Some(Lean::Future)),
            ("to", "went", None),
            ("may", "", Some(Lean::Future)),
            ("May", "", None),
            ("completed", "was", Some(Lean::Past)),
            ("renamED", "", Some(Lean::Past)),
            ("Completed", "", None),
            ("exceed", "", None),
            // Regular past forms on no list: one beyond ASCII, which the shapes let through,
            // and one longer than the lowercasing buffer, which only the "-ed" test does.
            ("réformed", "", Some(Lean::Past)),
            ("internationalized", "", Some(Lean::Past)),
            ("talks", "the", None),
            ("cafés", "", None),
            ("play", "who", Some(Lean::Future)),
            ("face", "they", Some(Lean::Future)),
            ("face", "to", None),
            ("forecast", "are", Some(Lean::Future)),
            ("forecast", "the", None),
            ("expect", "we", Some(Lean::Future)),
            ("expect", "not", None),
        ] {
            assert_eq!(tense_of(word, previous), lean, "{word} after {previous}");
        }
    }
}
