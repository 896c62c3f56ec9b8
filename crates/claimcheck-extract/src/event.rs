//! The event a date is tied to: in the sentence around a date claim, the words that name what
//! happened then ("the armistice after the Korean War in 1953") and how the date relates to it.
//!
//! Rules, tried in order (regex crate only, no part-of-speech tagger):
//! - scheduling: "<event> is scheduled to take place on <date>", "<event> will be held on
//!   <date>", "<event> is due on <date>": the subject before the verb, relation `scheduled_for`;
//! - `since` right before the date: "North Korea has fired several ICBMs since 2017", "Since
//!   2017, North Korea has launched ...": the predicate after the auxiliary (has, have, had),
//!   without quantifiers ("fired intercontinental ballistic missiles"), relation `since`;
//! - `in`, `on` or `during` right before the date: the noun phrase before the preposition,
//!   with an event participle after it ("the treaty signed in 1992") or a passive before it
//!   ("the armistice was signed in 1953"); relation `in` or `on`;
//! - a date inside a noun phrase: "the 1991 agreement", "the 2018 Singapore summit"; relation `in`.
//!
//! Decision: the relation is the date's relation to the event found, not to the clause. In
//! "has not fought a war since the armistice after the Korean War in 1953", 1953 is the date of
//! the armistice, so the result is ("armistice after the Korean War", `in`): the timeline checks
//! that the armistice was in 1953, which is what the article states. The `since` of the clause
//! says nothing checkable about the date.
//!
//! Whatever the rule, the phrase found must contain a word that names an event (armistice,
//! war, treaty, summit, meeting, election, launch, missile, earthquake, ...): a date tied to
//! "prices" or "the Kremlin" has no event, and none is invented for it.

use std::sync::LazyLock;

use crate::ascii::{self, Shapes, with_lowercase};
use crate::tier::Tiered;
use claimcheck_core::{Relation, Span};

/// Words that name an event, the head of any phrase returned.
const EVENT_NOUNS: &[&str] = &[
    "accession",
    "accord",
    "accords",
    "agreement",
    "agreements",
    "airlift",
    "annexation",
    "armistice",
    "assassination",
    "attack",
    "attacks",
    "battle",
    "blast",
    "blockade",
    "bombing",
    "bombings",
    "ceasefire",
    "cease-fire",
    "ceremony",
    "collapse",
    "conclave",
    "conference",
    "coup",
    "coups",
    "crash",
    "crisis",
    "cyclone",
    "death",
    "declaration",
    "derailment",
    "disaster",
    "dissolution",
    "earthquake",
    "earthquakes",
    "election",
    "elections",
    "epidemic",
    "eruption",
    "explosion",
    "fire",
    "fires",
    "flood",
    "floods",
    "founding",
    "funeral",
    "genocide",
    "handover",
    "hurricane",
    "icbm",
    "icbms",
    "inauguration",
    "independence",
    "invasion",
    "killing",
    "landing",
    "launch",
    "launches",
    "liberation",
    "massacre",
    "meeting",
    "meetings",
    "meltdown",
    "missile",
    "missiles",
    "occupation",
    "offensive",
    "olympics",
    "operation",
    "outbreak",
    "pact",
    "pandemic",
    "partition",
    "plebiscite",
    "raid",
    "referendum",
    "reunification",
    "revolution",
    "rocket",
    "rockets",
    "satellite",
    "shelling",
    "shooting",
    "siege",
    "sinking",
    "spill",
    "strike",
    "strikes",
    "summit",
    "summits",
    "surrender",
    "talks",
    "test",
    "tests",
    "treaty",
    "treaties",
    "truce",
    "tsunami",
    "typhoon",
    "unification",
    "uprising",
    "visit",
    "vote",
    "war",
    "wars",
    "wildfire",
    "wildfires",
    "withdrawal",
];

/// Participles that say an event took place ("the treaty signed in 1992"); after a noun phrase
/// they belong to the event, not to a clause of their own.
const EVENT_PARTICIPLES: &[&str] = &[
    "adopted",
    "agreed",
    "announced",
    "brokered",
    "carried",
    "concluded",
    "conducted",
    "declared",
    "established",
    "fired",
    "fought",
    "founded",
    "held",
    "hosted",
    "launched",
    "opened",
    "ratified",
    "reached",
    "signed",
    "staged",
    "struck",
    "tested",
    "waged",
];

/// Past-tense verbs of occurrence: "<event> began on <date>", "<event> struck on <date>".
const OCCURRENCE_VERBS: &[&str] = &[
    "began", "broke", "ended", "happened", "hit", "occurred", "started", "struck", "took",
];

/// Words that begin a noun phrase.
const DETERMINERS: &[&str] = &[
    "a", "an", "another", "her", "his", "its", "my", "our", "the", "their", "these", "this",
    "those", "your",
];

/// Words that join two parts of one noun phrase ("the armistice after the Korean War", "talks
/// between Kim and Putin").
const CONNECTORS: &[&str] = &[
    "after", "against", "and", "at", "between", "for", "from", "in", "of", "on", "over", "with",
];

/// Words that cannot be part of a noun phrase: auxiliaries, pronouns, clause words, negations,
/// reporting verbs.
const NOT_IN_PHRASE: &[&str] = &[
    "according",
    "added",
    "also",
    "although",
    "am",
    "announced",
    "are",
    "as",
    "be",
    "because",
    "been",
    "before",
    "being",
    "but",
    "can",
    "claimed",
    "confirmed",
    "could",
    "did",
    "do",
    "does",
    "had",
    "has",
    "have",
    "he",
    "her",
    "him",
    "i",
    "if",
    "is",
    "it",
    "may",
    "might",
    "must",
    "never",
    "no",
    "nor",
    "noted",
    "not",
    "or",
    "reported",
    "said",
    "say",
    "says",
    "shall",
    "she",
    "should",
    "since",
    "so",
    "stated",
    "than",
    "that",
    "they",
    "them",
    "though",
    "till",
    "to",
    "told",
    "tells",
    "unless",
    "until",
    "us",
    "warned",
    "was",
    "we",
    "were",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "will",
    "would",
    "yet",
    "you",
];

/// A long list of lowercase words, with the shapes of its words (see [`Shapes`]): most words near
/// a date are turned away by the shapes before they are compared with each word of the list.
struct Listed {
    words: &'static [&'static str],
    shapes: LazyLock<Shapes>,
}

/// Declares a [`Listed`] static for a list of words.
macro_rules! listed {
    ($(#[$doc:meta])* $name:ident, $words:ident) => {
        $(#[$doc])*
        static $name: Listed = Listed {
            words: $words,
            shapes: LazyLock::new(|| Shapes::of($words.iter().copied())),
        };
    };
}

listed!(EVENT_NOUN_LIST, EVENT_NOUNS);
listed!(NOT_IN_PHRASE_LIST, NOT_IN_PHRASE);
listed!(
    /// The determiners with their shapes: the noun phrase readers ask them of every word they
    /// walk, and most words are none.
    DETERMINER_LIST,
    DETERMINERS
);
listed!(
    /// The connectors with their shapes, asked as the determiners are.
    CONNECTOR_LIST,
    CONNECTORS
);

/// Auxiliaries skipped between a subject and its verb.
const AUXILIARIES: &[&str] = &[
    "am", "are", "be", "been", "being", "had", "has", "have", "is", "remain", "remains", "was",
    "were", "will", "would",
];

/// Quantifiers dropped from a `since` predicate: "fired several missiles" is about missiles.
const QUANTIFIERS: &[&str] = &[
    "a", "an", "dozens", "few", "many", "more", "multiple", "numerous", "of", "several", "some",
    "the", "their", "its", "various",
];

/// The longest noun phrase walked, in words: a phrase is a name, not a clause.
const MAX_PHRASE_WORDS: usize = 10;

/// The end of the text before a date that schedules it (on the lowercased text).
static SCHEDULED: Tiered = Tiered::new(|| {
    compile(
        r"\b(?:scheduled|slated|set|planned|due|expected|supposed)\s+(?:to\s+(?:take\s+place|be\s+held|happen|occur|begin|start|open|convene|be\s+signed)\s+)?(?:on|for|in|at)?\s*(?:the\s+)?$",
    )
});

/// The end of the text before a date that says an event will happen then (on the lowercased
/// text).
static FUTURE: Tiered = Tiered::new(|| {
    compile(
        r"\b(?:will|would|is\s+to|are\s+to)\s+(?:take\s+place|be\s+held|happen|occur|begin|start|open|convene|be\s+signed)\s+(?:on|in|at|during)?\s*$",
    )
});

/// Whether `before` may end as a match of [`SCHEDULED`]: it ends with one of the pattern's
/// verbs or of the last words of its phrases, then perhaps a preposition and "the" (which the
/// pattern lets stand against the preposition: "onthe"), and it holds a verb. Whether it may
/// end as one of [`FUTURE`]: a phrase's last word, then perhaps a preposition, and "will",
/// "would", "is" or "are" before. More than the patterns allow, never less, and far cheaper
/// than either, which most dates' words before them never match: a 10 KB article compiled
/// both to find nothing. Words are runs of ASCII letters, as all of the patterns' are, and
/// white space or a word boundary parts each from the one before.
fn may_be_scheduled(before: &str) -> bool {
    let (rest, word) = last_word(before);
    let (rest, word) = match word.strip_suffix("the") {
        Some("") => last_word(rest),
        Some(glued) => (rest, glued),
        None => (rest, word),
    };
    let ends = |w: &str| {
        matches!(
            w,
            "scheduled" | "slated" | "set" | "planned" | "due" | "expected" | "supposed"
        ) || is_phrase_end(w)
    };
    (ends(word) || (matches!(word, "on" | "for" | "in" | "at") && ends(last_word(rest).1)))
        && [
            "scheduled",
            "slated",
            "set",
            "planned",
            "due",
            "expected",
            "supposed",
        ]
        .iter()
        .any(|v| before.contains(v))
}

/// See [`may_be_scheduled`].
fn may_be_future(before: &str) -> bool {
    let (rest, word) = last_word(before);
    (is_phrase_end(word)
        || (matches!(word, "on" | "in" | "at" | "during") && is_phrase_end(last_word(rest).1)))
        && ["will", "would", "is", "are"]
            .iter()
            .any(|v| before.contains(v))
}

/// Whether `word` ends one of the phrases of [`SCHEDULED`] and [`FUTURE`] ("take place").
fn is_phrase_end(word: &str) -> bool {
    matches!(
        word,
        "place" | "held" | "happen" | "occur" | "begin" | "start" | "open" | "convene" | "signed"
    )
}

/// The last run of ASCII letters of `text` less white space at its end, and what comes before
/// that run.
fn last_word(text: &str) -> (&str, &str) {
    let text = text.trim_end();
    let start = text
        .bytes()
        .rposition(|b| !b.is_ascii_alphabetic())
        .map_or(0, |i| i + 1);
    text.split_at(start)
}

/// The patterns run on a lowercased copy of the words before the date rather than with `(?i)`,
/// and with ASCII word boundaries: both make them several times cheaper to compile, which a
/// one-paragraph check pays at start-up.
fn compile(pattern: &str) -> String {
    pattern.replace(r"\b", r"(?-u:\b)")
}

/// The clause marks that are tokens of their own.
const MARKS: &[char] = &[
    ',', ';', ':', '(', ')', '[', ']', '\u{201c}', '\u{201d}', '"', '\u{2013}', '\u{2014}', '!',
    '?',
];

/// The words (letters and digits, with inner hyphens and apostrophes) and clause marks of
/// `text[from..to]`.
///
/// Written by hand rather than as a regex: a Unicode letter class is costly to compile, and this
/// runs in every check that has a date. A letter is what `char::is_alphanumeric` says, which
/// for news text is the same as the `\p{L}\p{N}` of Unicode's categories (it adds combining
/// vowel signs of some scripts).
fn tokens(text: &str, from: usize, to: usize) -> Vec<Token<'_>> {
    if text[from..to].is_ascii() {
        tokens_ascii(text, from, to)
    } else {
        tokens_chars(text, from, to)
    }
}

/// [`tokens_chars`] byte by byte, for the usual ASCII window (no curly apostrophe). Each byte's
/// class comes from one table ([`CLASSES`]).
fn tokens_ascii(text: &str, from: usize, to: usize) -> Vec<Token<'_>> {
    let slice = &text[from..to];
    // About one token in four bytes of news text (a word and the space after it): sized once
    // rather than grown from empty in each window.
    let mut out = Vec::with_capacity(slice.len() / 4 + 4);
    let bytes = slice.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        i = match CLASSES[usize::from(bytes[i])] {
            ascii::ALNUM => ascii::word_end(bytes, &CLASSES, i),
            ascii::MARK => i + 1,
            _ => {
                i += 1;
                continue;
            }
        };
        out.push(Token {
            text: &slice[start..i],
            start: from + start,
            end: from + i,
        });
    }
    out
}

/// The byte classes of [`tokens_ascii`]: words joined by "'" and "-", and the ASCII [`MARKS`].
static CLASSES: ascii::ByteClasses = ascii::byte_classes(b"'-", MARKS);

/// The words (letters and digits, joined by an apostrophe or a hyphen before more) and clause
/// marks of `text[from..to]`.
fn tokens_chars(text: &str, from: usize, to: usize) -> Vec<Token<'_>> {
    let slice = &text[from..to];
    let mut out = Vec::new();
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            loop {
                while let Some(&(j, d)) = chars.peek() {
                    if !d.is_alphanumeric() {
                        break;
                    }
                    end = j + d.len_utf8();
                    chars.next();
                }
                // A joiner continues the word only when a letter or digit follows it.
                let mut ahead = chars.clone();
                match (ahead.next(), ahead.next()) {
                    (Some((_, '\'' | '\u{2019}' | '-')), Some((_, d))) if d.is_alphanumeric() => {
                        chars.next();
                    }
                    _ => break,
                }
            }
            out.push(Token {
                text: &slice[i..end],
                start: from + i,
                end: from + end,
            });
        } else if MARKS.contains(&c) {
            out.push(Token {
                text: &slice[i..i + c.len_utf8()],
                start: from + i,
                end: from + i + c.len_utf8(),
            });
        }
    }
    out
}

/// A word or clause mark of the sentence, with its byte range in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Token<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

impl Token<'_> {
    fn lower(&self) -> String {
        self.text.to_lowercase()
    }

    fn is_word(&self) -> bool {
        self.text.starts_with(|c: char| c.is_alphanumeric())
    }

    /// Whether the word, lowercased, is one of `list` (lowercase words). An ASCII word is
    /// compared in place: this runs for every word near every date, and a lowercase copy each
    /// time was a noticeable share of extraction.
    fn is(&self, list: &[&str]) -> bool {
        if self.text.is_ascii() {
            list.iter().any(|w| self.text.eq_ignore_ascii_case(w))
        } else {
            list.contains(&self.lower().as_str())
        }
    }

    /// [`Token::is`] for a long list, which the list's shapes answer at once for most words.
    fn is_listed(&self, list: &Listed) -> bool {
        list.shapes.may_hold(self.text) && self.is(list.words)
    }
}

/// The event the date at `date_span` is tied to, in the article's words, and the date's
/// relation to it; `None` when the sentence ties the date to no event.
#[cfg(test)]
pub(crate) fn event_for(text: &str, date_span: Span) -> Option<(String, Relation)> {
    let sentences = crate::sentences::sentences(text);
    let i = crate::sentences::first_not_ending_by(&sentences, date_span.start, 0);
    event_in(text, &text.to_ascii_lowercase(), &sentences, i, date_span)
}

/// [`event_for`] with the text's sentences split once by the caller: splitting them again for
/// every date made extraction quadratic in the length of the article.
///
/// `lower` is `text` with its ASCII letters lowercased, which the scheduling patterns read, and
/// `i` the index of the date's sentence as [`crate::sentences::first_not_ending_by`] finds it.
pub(crate) fn event_in(
    text: &str,
    lower: &str,
    sentences: &[Span],
    i: usize,
    date_span: Span,
) -> Option<(String, Relation)> {
    let whole = *sentences
        .get(i)
        .filter(|s| s.start <= date_span.start && date_span.start < s.end.max(s.start + 1))?;
    // The event is named near its date.
    let sentence = crate::sentences::window(text, whole, date_span, 300);
    let before_text = &lower[sentence.start..date_span.start];
    // The words before and after the date are read only by the readings that need them: most
    // dates need only the word just before them (see `last_token`).
    let before = || tokens(text, sentence.start, date_span.start);
    let after = || tokens(text, date_span.end, sentence.end.max(date_span.end));

    // Scheduling: the subject before "is scheduled to take place on".
    for (pattern, may_match) in [
        (&SCHEDULED, may_be_scheduled as fn(&str) -> bool),
        (&FUTURE, may_be_future),
    ] {
        if let Some(m) = pattern.find_if(may_match(before_text), before_text) {
            let cut = sentence.start + m.start();
            let subject: Vec<Token> = before().into_iter().filter(|t| t.end <= cut).collect();
            let end = skip_back(&subject, subject.len(), AUXILIARIES);
            return phrase_before(text, &subject, end).map(|e| (e, Relation::ScheduledFor));
        }
    }

    enum Last {
        Since,
        Preposition(Relation),
        Other,
    }
    let last_word = last_token(text, sentence.start, date_span.start);
    let last = last_word.map_or(Last::Other, |t| {
        with_lowercase(t.text, |word| match word {
            "since" => Last::Since,
            "on" => Last::Preposition(Relation::On),
            "in" | "during" => Last::Preposition(Relation::In),
            _ => Last::Other,
        })
    });
    match last {
        Last::Since => {
            let before = before();
            since_predicate(&before[..before.len() - 1], after)
        }
        Last::Preposition(relation) => {
            let before = before();
            occurrence_before(text, &before[..before.len() - 1]).map(|e| (e, relation))
        }
        Last::Other => phrase_after_date(text, last_word, after).map(|e| (e, Relation::In)),
    }
}

/// The last of the [`tokens`] of `text[from..to]`. Read back from `to` over ASCII: past the
/// bytes no token holds, then over the word (or the one mark) that ends there, as far as a byte
/// that no word holds, or a joiner with no letter or digit before it. A word reads the same
/// from either end (a joiner joins only between two letters or digits), so this is the token
/// the reading from `from` ends with. A byte beyond ASCII among those read (a letter, a curly
/// quote or dash, which the character tokeniser reads) sends the span to [`tokens`].
fn last_token(text: &str, from: usize, to: usize) -> Option<Token<'_>> {
    let slice = &text[from..to];
    let bytes = slice.as_bytes();
    let class = |k: usize| match bytes[k] {
        0x80.. => None,
        b => Some(CLASSES[usize::from(b)]),
    };
    let mut end = bytes.len();
    loop {
        if end == 0 {
            return None;
        }
        match class(end - 1) {
            None => return last_token_read(text, from, to),
            Some(ascii::ALNUM | ascii::MARK) => break,
            Some(_) => end -= 1,
        }
    }
    let mut start = end - 1;
    if class(start) == Some(ascii::ALNUM) {
        loop {
            while start > 0 && class(start - 1) == Some(ascii::ALNUM) {
                start -= 1;
            }
            if start == 0 {
                break;
            }
            match (class(start - 1), start.checked_sub(2).map(class)) {
                (None, _) | (Some(ascii::JOIN), Some(None)) => {
                    return last_token_read(text, from, to);
                }
                (Some(ascii::JOIN), Some(Some(ascii::ALNUM))) => start -= 2,
                _ => break,
            }
        }
    }
    Some(Token {
        text: &slice[start..end],
        start: from + start,
        end: from + end,
    })
}

/// [`last_token`] by tokenising `text[from..to]`: from its last 64 bytes when they hold two
/// tokens or more. Tokens are found left to right, so a reading that starts inside the span may
/// cut its first word in two, but every token after that first one is the whole span's.
fn last_token_read(text: &str, from: usize, to: usize) -> Option<Token<'_>> {
    const TAIL: usize = 64;
    let mut start = to.saturating_sub(TAIL).max(from);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    if start > from {
        let tail = tokens(text, start, to);
        if tail.len() >= 2 {
            return tail.last().copied();
        }
    }
    tokens(text, from, to).last().copied()
}

/// Moves `end` back over the words of `list` just before it.
fn skip_back(tokens: &[Token], mut end: usize, list: &[&str]) -> usize {
    while end > 0 && tokens[end - 1].is(list) {
        end -= 1;
    }
    end
}

/// The event before "in/on <date>": a noun phrase, possibly followed by an event participle
/// ("the treaty signed"), an auxiliary and a participle ("the armistice was signed"), or a verb
/// of occurrence ("the earthquake struck", "the summit took place").
fn occurrence_before(text: &str, tokens: &[Token]) -> Option<String> {
    let mut end = tokens.len();
    let mut participle = None;
    // "took place", "broke out": the particle goes with the verb.
    if end >= 2
        && tokens[end - 1].is(&["place", "out", "off", "down"])
        && tokens[end - 2].is(OCCURRENCE_VERBS)
    {
        end -= 2;
    } else if end >= 1 && tokens[end - 1].is(OCCURRENCE_VERBS) {
        end -= 1;
    } else if end >= 1 && tokens[end - 1].is(EVENT_PARTICIPLES) {
        participle = Some(tokens[end - 1].text);
        end -= 1;
        // "carried out": the particle came last.
    } else if end >= 2 && tokens[end - 1].is(&["out"]) && tokens[end - 2].is(&["carried"]) {
        participle = Some("carried out");
        end -= 2;
    }
    // "was signed", "has been held", "is" ("the vote is on Sunday"): the subject stands
    // before the auxiliaries.
    let aux_end = skip_back(tokens, end, AUXILIARIES);
    let phrase = phrase_before(text, tokens, aux_end)?;
    Some(match participle {
        Some(p) => format!("{phrase} {p}"),
        None => phrase,
    })
}

/// The noun phrase that ends just before `tokens[end]`, without its leading determiner, if it
/// names an event.
fn phrase_before(text: &str, tokens: &[Token], end: usize) -> Option<String> {
    let mut start = end;
    let mut i = end;
    while i > 0 && end - (i - 1) <= MAX_PHRASE_WORDS {
        let t = tokens[i - 1];
        if !t.is_word() || t.is_listed(&NOT_IN_PHRASE_LIST) {
            break;
        }
        if t.is_listed(&DETERMINER_LIST) {
            start = i - 1;
            // A connector before the determiner continues the phrase ("armistice after the
            // Korean War") when a word of the phrase stands before it.
            if i >= 3 && tokens[i - 2].is_listed(&CONNECTOR_LIST) && is_phrase_word(tokens[i - 3]) {
                i -= 2;
                continue;
            }
            break;
        }
        if t.is_listed(&CONNECTOR_LIST) {
            if i >= 2 && is_phrase_word(tokens[i - 2]) {
                i -= 1;
                continue;
            }
            break;
        }
        // A past-tense verb ends the phrase ("Kim attended talks"); an event participle right
        // before the preposition was taken off by the caller.
        if is_verb_like(t) {
            break;
        }
        start = i - 1;
        i -= 1;
    }
    // Drop the determiners and connectors the phrase starts with.
    while start < end
        && (tokens[start].is_listed(&DETERMINER_LIST) || tokens[start].is_listed(&CONNECTOR_LIST))
    {
        start += 1;
    }
    if start >= end {
        return None;
    }
    let words = &tokens[start..end];
    if !words.iter().any(|t| t.is_listed(&EVENT_NOUN_LIST)) {
        return None;
    }
    Some(text[words[0].start..words[words.len() - 1].end].to_string())
}

/// Whether a word can stand inside a noun phrase before a connector.
fn is_phrase_word(t: Token) -> bool {
    t.is_word()
        && !t.is_listed(&NOT_IN_PHRASE_LIST)
        && !t.is_listed(&DETERMINER_LIST)
        && !is_verb_like(t)
}

/// A lowercase word ending in "-ed" that is not an event participle is taken for a verb; a
/// capitalised one ("United") is part of a name.
fn is_verb_like(t: Token) -> bool {
    // A word starting with a lowercase letter and ending in "ed": compared without a lowercase
    // copy when it is ASCII, as `is` does.
    t.text.starts_with(char::is_lowercase)
        && if t.text.is_ascii() {
            t.text.len() > 4 && t.text.as_bytes()[t.text.len() - 2..].eq_ignore_ascii_case(b"ed")
        } else {
            let lower = t.lower();
            lower.len() > 4 && lower.ends_with("ed")
        }
}

/// The event of "<subject> has <predicate> since <date>", or of "Since <date>, <subject> has
/// <predicate>": the predicate after the auxiliary, without quantifiers.
fn since_predicate<'a>(
    before: &[Token<'a>],
    after: impl FnOnce() -> Vec<Token<'a>>,
) -> Option<(String, Relation)> {
    let clause_start = before
        .iter()
        .rposition(|t| !t.is_word() || t.is(&["although", "though", "while", "because", "but"]))
        .map_or(0, |i| i + 1);
    let clause = &before[clause_start..];
    let predicate: Vec<Token> = if clause.is_empty() {
        // "Since 2017, North Korea has launched ...": the clause follows the date.
        let rest: Vec<Token> = after()
            .into_iter()
            .skip_while(|t| !t.is_word())
            .take_while(|t| t.is_word())
            .collect();
        after_auxiliary(&rest)?
    } else {
        after_auxiliary(clause)?
    };
    if predicate.iter().any(|t| t.is(&["not", "never", "no"])) {
        // "has not fought a war since 2017": what did not happen has no date to check.
        return None;
    }
    let words: Vec<&str> = predicate
        .iter()
        .filter(|t| !t.is(QUANTIFIERS))
        .map(|t| t.text)
        .collect();
    if words.len() < 2 || !predicate.iter().any(|t| t.is_listed(&EVENT_NOUN_LIST)) {
        return None;
    }
    Some((words.join(" "), Relation::Since))
}

/// The words after the first auxiliary "has", "have" or "had" (and a "been" after it).
fn after_auxiliary<'a>(clause: &[Token<'a>]) -> Option<Vec<Token<'a>>> {
    let at = clause.iter().position(|t| t.is(&["has", "have", "had"]))?;
    let rest: Vec<Token> = clause[at + 1..]
        .iter()
        .copied()
        .skip_while(|t| t.is(&["been"]))
        .collect();
    (!rest.is_empty()).then_some(rest)
}

/// The event named by words after a date inside a noun phrase: "the 1991 agreement", "the 2018
/// Singapore summit", "Kim's September 13th meeting". The date must follow a determiner or a
/// possessive, and the phrase ends at its last event noun.
fn phrase_after_date<'a>(
    text: &str,
    last: Option<Token<'a>>,
    after: impl FnOnce() -> Vec<Token<'a>>,
) -> Option<String> {
    let opens = last.is_some_and(|t| {
        t.is_listed(&DETERMINER_LIST) || t.text.ends_with("'s") || t.text.ends_with("’s")
    });
    if !opens {
        return None;
    }
    let words: Vec<Token> = after()
        .into_iter()
        .take_while(|t| {
            t.is_word() && !t.is_listed(&NOT_IN_PHRASE_LIST) && !t.is_listed(&CONNECTOR_LIST)
        })
        .take(5)
        .collect();
    let last = words.iter().rposition(|t| t.is_listed(&EVENT_NOUN_LIST))?;
    Some(text[words[0].start..words[last].end].to_string())
}

/// Every pattern of the event reader, for the table of prebuilt automata (`tier/automata.rs`).
#[cfg(test)]
pub(crate) fn tiered_patterns() -> Vec<&'static Tiered> {
    vec![&SCHEDULED, &FUTURE]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The scheduling tests turn away only texts their patterns find nothing in: texts built
    /// from their words, other words that end or begin alike, and white space.
    #[test]
    fn the_scheduling_test_turns_away_no_match() {
        let pieces = crate::testing::with_spaces(&[
            "scheduled",
            "set",
            "due",
            "expected",
            "to",
            "take",
            "place",
            "be",
            "held",
            "signed",
            "open",
            "will",
            "would",
            "is",
            "are",
            "on",
            "for",
            "in",
            "at",
            "during",
            "the",
            "onthe",
            "bathe",
            "that",
            "reset",
            "x",
            "",
            "will take place ",
            "is to be held",
            "are to\u{a0}begin ",
            "would be signed ",
            "scheduled to take place",
            "due to open ",
        ]);
        let tests = [
            (
                "SCHEDULED",
                &SCHEDULED,
                may_be_scheduled as fn(&str) -> bool,
            ),
            ("FUTURE", &FUTURE, may_be_future),
        ];
        let tallies = tests.map(|(name, pattern, may_match)| {
            crate::testing::hold_gate(
                name,
                (0xbb67_ae85_84ca_a73b, 40_000),
                ("", &pieces, 9),
                |text| pattern.find(text).is_some(),
                may_match,
            )
        });
        assert!(
            tallies
                .iter()
                .all(|t| t.found > 200 && t.turned_away > 10_000),
            "{tallies:?}"
        );
    }

    /// The byte reader of ASCII windows gives the tokens the character reader gives.
    #[test]
    fn ascii_windows_are_tokenised_alike() {
        let alike = |text: &str, from: usize, to: usize| {
            assert_eq!(
                tokens_ascii(text, from, to),
                tokens_chars(text, from, to),
                "{:?}",
                &text[from..to]
            );
        };
        for s in [
            "The summit, held in Geneva (Switzerland) on 12 May, won't start; it's \"delayed\"!",
            "a--b ''c' -d- x-1 1-x rock'n'roll 3.5 km? [sic]",
            "",
            "x",
            "--",
        ] {
            alike(&format!("..{s}.."), 2, 2 + s.len());
        }
        // And on generated windows of the bytes that matter: letters, digits, the joiners, the
        // marks and others, in runs of every length.
        let pieces = [
            "a", "Z", "7", "-", "'", ".", " ", "\t", ",", ";", ":", "(", ")", "[", "]", "\"", "!",
            "?", "_", "~", "\x7f", "ab", "--", "''",
        ];
        let mut picks = crate::testing::Picks::new(0xa54f_f53a_5f1d_36f1);
        for _ in 0..20_000 {
            let count = picks.below(12);
            let s = picks.text(&pieces, count);
            alike(&format!("a{s}-"), 1, 1 + s.len());
        }
    }

    /// The last token read from the end of a span is the one the whole span's reading gives:
    /// on generated texts long enough to cut words at the 64-byte mark, with curly apostrophes
    /// and dashes, at every start and end.
    #[test]
    fn the_last_token_is_read_from_the_end_alike() {
        // Words and spaces longer than the 64 bytes read, so that the end holds one token cut
        // in two, or none.
        let long_word = "anti-establishment".repeat(5);
        let long_space = " ".repeat(70);
        let pieces = [
            "word",
            "Summit",
            "7",
            " ",
            "  ",
            "-",
            "'",
            "\u{2019}",
            ",",
            "(",
            "\u{201c}",
            "\u{2014}",
            "\u{e9}t\u{e9}",
            "rock'n'roll",
            "x-1",
            ".",
            "\t",
            &long_word,
            &long_space,
        ];
        let mut picks = crate::testing::Picks::new(0x1f83_d9ab_fb41_bd6b);
        for _ in 0..4_000 {
            let count = 1 + picks.below(60);
            let text = picks.text(&pieces, count);
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            let to = bounds[picks.below(bounds.len())];
            let from = bounds[picks.below(bounds.len())].min(to);
            assert_eq!(
                last_token(&text, from, to),
                tokens(&text, from, to).last().copied(),
                "{:?}",
                &text[from..to]
            );
        }
    }

    /// The event found for the date written `date` in `sentence`.
    fn check(sentence: &str, date: &str, expected: Option<(&str, Relation)>) {
        let at = sentence.find(date).expect("the date is in the sentence");
        let found = event_for(sentence, Span::new(at, at + date.len()));
        let found = found.as_ref().map(|(e, r)| (e.as_str(), *r));
        assert_eq!(found, expected, "in {sentence:?}");
    }

    #[test]
    fn the_reference_sentences() {
        check(
            "North Korea has a surplus because the country has not fought a war since the \
             armistice after the Korean War in 1953.",
            "1953",
            Some(("armistice after the Korean War", Relation::In)),
        );
        check(
            "Although North Korea has fired several intercontinental ballistic missiles since \
             2017, experts still doubt it.",
            "2017",
            Some(("fired intercontinental ballistic missiles", Relation::Since)),
        );
        check(
            "The meeting between the two heads of state is scheduled to take place on \
             September 13th.",
            "September 13th",
            Some((
                "meeting between the two heads of state",
                Relation::ScheduledFor,
            )),
        );
    }

    #[test]
    fn noun_phrases_before_in_and_on() {
        check(
            "Under the treaty signed in 1992, the border was fixed.",
            "1992",
            Some(("treaty signed", Relation::In)),
        );
        check(
            "The armistice was signed in 1953.",
            "1953",
            Some(("armistice signed", Relation::In)),
        );
        check(
            "It was North Korea's first ICBM test in 2017.",
            "2017",
            Some(("North Korea's first ICBM test", Relation::In)),
        );
        check(
            "The earthquake struck on February 6.",
            "February 6",
            Some(("earthquake", Relation::On)),
        );
        check(
            "The summit took place on 12 June 2018.",
            "12 June 2018",
            Some(("summit", Relation::On)),
        );
        check(
            "Kim attended talks in 2019.",
            "2019",
            Some(("talks", Relation::In)),
        );
        check(
            "The talks between Kim and Putin in 2019 went well.",
            "2019",
            Some(("talks between Kim and Putin", Relation::In)),
        );
    }

    #[test]
    fn since_and_scheduled() {
        check(
            "Since 2017, North Korea has launched several ICBMs.",
            "2017",
            Some(("launched ICBMs", Relation::Since)),
        );
        check(
            "The summit will take place on Wednesday.",
            "Wednesday",
            Some(("summit", Relation::ScheduledFor)),
        );
        check(
            "Talks with Japan are due on March 3.",
            "March 3",
            Some(("Talks with Japan", Relation::ScheduledFor)),
        );
        check(
            "North Korea has not launched a missile since 2017.",
            "2017",
            None,
        );
    }

    #[test]
    fn dates_inside_a_phrase() {
        check(
            "He praised the 2018 Singapore summit.",
            "2018",
            Some(("Singapore summit", Relation::In)),
        );
        check(
            "Under the 1991 agreement, troops left.",
            "1991",
            Some(("agreement", Relation::In)),
        );
    }

    #[test]
    fn dates_tied_to_no_event() {
        check(
            "Kim will travel to Russia, the Kremlin said on Monday (September 11).",
            "Monday (September 11)",
            None,
        );
        check("Sanctions have applied since 2017.", "2017", None);
        check("Prices rose in 2017.", "2017", None);
        check("He was born in 1953.", "1953", None);
        check("The report was published on Monday.", "Monday", None);
        check("It happened in 2017.", "2017", None);
    }

    #[test]
    fn splits_words_and_clause_marks() {
        let text = "x The treaty’s well-known end—in Seoul, “signed” 1953 -a it's- ok?";
        let words: Vec<&str> = tokens(text, 2, text.len()).iter().map(|t| t.text).collect();
        assert_eq!(
            words,
            [
                "The",
                "treaty’s",
                "well-known",
                "end",
                "—",
                "in",
                "Seoul",
                ",",
                "“",
                "signed",
                "”",
                "1953",
                "a",
                "it's",
                "ok",
                "?"
            ]
        );
        let t = tokens(text, 2, text.len());
        assert_eq!(&text[t[1].start..t[1].end], "treaty’s");
    }
}
