//! Reads one unit of text (a sentence, or sentences joined by a quotation) for an attribution:
//! the speaking verb or "according to", the speaker before or after it, and the attributed words.

use crate::ascii::{self, with_lowercase, word_list};
use crate::tier::Tiered;
use claimcheck_core::Span;

use super::lexicon::{CueClass, LEXICON};
use super::phrase::{self, Speaker, is_acronym, is_capitalized, is_determiner, is_particle};
use super::quotes::QuoteRun;

/// What one unit attributes, before later mentions are resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub speaker: Speaker,
    pub role: Option<String>,
    pub organization: Option<String>,
    pub outlet: Option<String>,
    pub cue: String,
    /// The attributed words: one range, or two for a quotation split by its cue.
    pub content: Vec<Span>,
    /// What the claim covers: the unit, or its part when the unit holds two attributions.
    pub span: Span,
    /// Where the speaker phrase (or the cue, when it comes first) starts.
    pub speaker_start: usize,
    /// Where the cue ends, to go on looking after it.
    pub cue_end: usize,
}

/// A word or a single punctuation character, as a byte range of the whole text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Tok {
    start: usize,
    end: usize,
    word: bool,
}

/// The unit under analysis: the whole text (offsets are absolute), the unit's span and tokens,
/// and the quotations that start in the unit.
struct Reader<'a> {
    text: &'a str,
    span: Span,
    toks: Vec<Tok>,
    runs: &'a [QuoteRun],
}

word_list!(
    /// Words that stand between a speaker and the verb ("has long been warning").
    is_auxiliary,
    [
        "has", "have", "had", "is", "are", "was", "were", "been", "be", "will", "would", "did",
        "does", "do", "also", "already", "long", "once", "again", "later", "earlier", "still",
        "even", "just", "further", "then", "now",
    ]
);
word_list!(
    /// Auxiliaries that make a past participle passive ("is said to be"), which attributes
    /// nothing.
    is_passive,
    ["is", "are", "was", "were", "be", "been", "being"]
);
word_list!(
    /// Words that open a phrase rather than a statement after a participle ("adding to the
    /// pressure", "warning of floods").
    is_preposition,
    [
        "to", "of", "about", "against", "on", "for", "with", "in", "into", "up", "out", "over",
        "at", "by", "from", "nothing",
    ]
);
word_list!(
    /// Common verbs whose past tense does not end in "-ed", as a clause's main verb before a
    /// participle ("The company cut 500 jobs, saying ...").
    is_irregular_past,
    [
        "cut", "made", "gave", "put", "set", "sent", "took", "held", "left", "met", "began",
        "spoke", "wrote", "sought", "brought", "kept", "struck", "drew", "hit", "led", "ran",
        "shut", "spent", "stood", "went", "won", "lost", "broke", "chose", "rose", "fell", "paid",
        "built", "sold", "bought", "threw", "withdrew",
    ]
);

word_list!(
    /// Words that open a clause of its own, whose subject a participle after it may report.
    is_subordinator,
    [
        "after", "as", "when", "while", "because", "since", "before", "until", "once", "where",
        "though", "although",
    ]
);

/// Whether a speaker is one capitalised word and nothing more ("Shares", "Inflation", "Biden"),
/// which at the start of a sentence may be a name or a common noun.
fn is_bare_word(speaker: &Speaker) -> bool {
    matches!(speaker, Speaker::Person { name, title: None } if !name.contains(' '))
}

/// Whether `word` may be the main verb of a clause whose subject stands before it: lowercase,
/// and a past tense, an auxiliary or one of the common irregular pasts. A noun after a name
/// ("The United States auto maker ...") is none of these.
fn may_be_finite_verb(word: &str) -> bool {
    word.starts_with(|ch: char| ch.is_ascii_lowercase())
        && (word.ends_with("ed") || is_auxiliary(word) || is_irregular_past(word))
}

/// Whether `rest`, after a verb that needs "that" ("claimed", "warned", "denied"), opens a clause
/// without it: a subject pronoun and its verb ("claimed it had hit the targets"), or a short
/// noun phrase after a determiner and then its verb ("claimed its forces had carried out",
/// "denied the allegations were true"). "claimed responsibility", "confirmed the report" and
/// "claimed the lives of 30 people" have no verb after their object and stay no statement.
fn opens_bare_clause(rest: &str) -> bool {
    let mut words = rest
        .split_whitespace()
        .map(|w| w.trim_end_matches([',', '.', ';', ':']));
    let Some(first) = words.next() else {
        return false;
    };
    // An auxiliary or a modal, the only verb trusted after a noun: a past form there may be a
    // participle of the object's ("denied the allegations made by Ukraine").
    let auxiliary = |w: &str| THAT_VERBS.contains(&w) || matches!(w, "have" | "did");
    let verb = |w: &str| {
        auxiliary(w)
            || (w.starts_with(|c: char| c.is_ascii_lowercase())
                && ((w.len() > 4 && w.ends_with("ed")) || is_irregular_past(w)))
    };
    if matches!(first, "he" | "she" | "it" | "they" | "we" | "I" | "there") {
        return words.next().is_some_and(verb);
    }
    if !matches!(
        first,
        "its" | "his" | "her" | "their" | "our" | "the" | "these" | "those"
    ) {
        return false;
    }
    // One to three words of the noun phrase, then an auxiliary or a modal.
    for (k, w) in words.take(4).enumerate() {
        if k > 0 && auxiliary(w) {
            return true;
        }
        // "confirmed the speculation that has been going on": a relative clause goes on with
        // the object.
        if !w
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
            || is_preposition(w)
            || matches!(w, "that" | "which" | "who" | "whose" | "whom")
        {
            return false;
        }
    }
    false
}

/// Verbs after which the speaker keeps talking to the same hearer ("Lee continued").
pub const CONTINUING: &[&str] = &["continued", "continues", "added", "adds"];

/// Verbs that show a "that" before them is a pronoun, not a conjunction ("said that was wrong").
const THAT_VERBS: &[&str] = &[
    "is", "was", "were", "are", "has", "had", "will", "would", "could", "can", "may", "might",
    "should", "must",
];

/// Whether the "that" before `rest` is the subject of `rest` rather than a conjunction.
pub fn that_is_pronoun(rest: &str) -> bool {
    rest.split_whitespace()
        .next()
        .is_some_and(|w| THAT_VERBS.contains(&w))
}

/// What ends a speaker's clause before a second one: a conjunction or a semicolon.
static CONJUNCTION: Tiered = Tiered::new(|| {
    String::from(r"(?:,\s*|\s+)(?:but|while|whereas|and|although|though)\s*$|;\s*$")
});

/// The words [`parse_unit`] asks whether an attribution starts at them.
#[derive(Debug, Clone, Copy)]
pub enum Candidates<'a> {
    /// The words at the places of the cue words from the unit's start on (see
    /// [`super::cue_places`]), which hold every word of an ASCII unit that is a cue: its
    /// words' lowercase is the lowercase copy the places were found in. A unit beyond ASCII is
    /// read as with [`Candidates::Shapes`].
    Places(&'a [(u32, u32)]),
    /// The words the cue table's shapes let through, and "according".
    Shapes,
    /// Every word, as the reader did before either: what the tests hold the others to.
    #[cfg(test)]
    Every,
}

/// The attributions in `span` of `text`: usually one, two when a conjunction joins two speakers
/// ("X said A, but Y said B"). A cue inside the statement of an earlier one is reported speech
/// within the statement ("Lee said that Kim told Putin ...") and makes no claim of its own.
pub fn parse_unit(
    text: &str,
    span: Span,
    runs: &[QuoteRun],
    candidates: Candidates<'_>,
) -> Vec<Parsed> {
    let ascii = text[span.start..span.end].is_ascii();
    // Where the unit's cue places are known, no word past the last of them is asked whether it
    // is a cue, and a reading at a cue looks at the tokens before it and the one after it (the
    // "to" of "according to"; the statement after a cue is read as text). So an ASCII unit is
    // tokenised only that far: most units end in a statement after their last cue.
    let last_place = match candidates {
        Candidates::Places(cues) if ascii => cues
            .iter()
            .take_while(|&&(at, _)| (at as usize) < span.end)
            .last()
            .map(|&(at, len)| at as usize + len as usize),
        _ => None,
    };
    let reader = Reader {
        text,
        span,
        toks: tokenize(text, span, ascii, last_place.unwrap_or(span.end)),
        runs,
    };
    let mut out: Vec<Parsed> = Vec::new();
    // Only a cue (or "according") can start an attribution: the other words are passed over
    // here, without a call to `Reader::at` for each (a tenth of the clause reader's time went
    // to calling it for words it turned away). Where the places of the cue words are known,
    // those are the words looked at; elsewhere, those the cue table's shapes let through.
    let lexicon = &*LEXICON;
    let may_start = |tok: Tok| {
        let word = &text[tok.start..tok.end];
        tok.word && (lexicon.may_be_cue(word) || word.eq_ignore_ascii_case("according"))
    };
    let mut places = match candidates {
        Candidates::Places(cues) if ascii => Some(
            cues.iter()
                .map(|&(at, len)| (at as usize, len as usize))
                .take_while(|&(at, _)| at < span.end),
        ),
        _ => None,
    };
    // The next token from `from` on that may be a cue.
    let mut candidate = |from: usize| match (&mut places, candidates) {
        (Some(places), _) => places.find_map(|(at, len)| {
            let k = reader.toks.partition_point(|t| t.start < at);
            let tok = reader.toks.get(k)?;
            (k >= from && tok.word && tok.start == at && tok.end == at + len).then_some(k)
        }),
        #[cfg(test)]
        (None, Candidates::Every) => (from < reader.toks.len()).then_some(from),
        (None, _) => (from..reader.toks.len()).find(|&k| may_start(reader.toks[k])),
    };
    let mut i = 0;
    while let Some(k) = candidate(i) {
        i = k;
        let Some(mut p) = reader.at(i) else {
            i += 1;
            continue;
        };
        i = reader.toks.partition_point(|t| t.start < p.cue_end);
        if let Some(prev) = out.last_mut() {
            let last = *prev.content.last().expect("a claim has content");
            let overlaps = p.content.iter().any(|c| c.overlaps(last));
            if last.start <= p.speaker_start && p.speaker_start < last.end {
                let Some(m) = CONJUNCTION.find(&text[last.start..p.speaker_start]) else {
                    continue;
                };
                let cut = last.start + m.start();
                if let Some(c) = prev.content.last_mut() {
                    *c = Span::new(c.start, cut);
                }
                prev.span = Span::new(prev.span.start, cut);
                p.span = Span::new(p.speaker_start, p.span.end);
            } else if overlaps {
                continue;
            }
        }
        out.push(p);
    }
    out
}

/// The tokens of `span` of `text`, which is all ASCII when `ascii` says so; of an ASCII span,
/// only those that start before `stop` and the one after them.
fn tokenize(text: &str, span: Span, ascii: bool, stop: usize) -> Vec<Tok> {
    let s = &text[span.start..span.end];
    if ascii {
        return tokenize_ascii(s.as_bytes(), span.start, stop);
    }
    tokenize_chars(s, span.start)
}

fn tokenize_chars(s: &str, base: usize) -> Vec<Tok> {
    let span = Span::new(base, base + s.len());
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut toks = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        if c.is_whitespace() {
            k += 1;
        } else if c.is_alphanumeric() {
            let mut j = k + 1;
            while j < chars.len() {
                let c = chars[j].1;
                let joins = matches!(c, '-' | '\u{2019}' | '\'' | '.')
                    && chars.get(j + 1).is_some_and(|n| n.1.is_alphanumeric());
                if c.is_alphanumeric() || (joins && chars[j - 1].1.is_alphanumeric()) {
                    j += 1;
                } else {
                    break;
                }
            }
            let mut end = chars.get(j).map_or(s.len(), |c| c.0);
            if s[end..].starts_with('.')
                && ((dotted_initials(&s.as_bytes()[i..end])
                    && !opens_sentence_after(&s[end + 1..]))
                    || title_before_name(&s.as_bytes()[i..end], &s.as_bytes()[end + 1..]))
            {
                end += 1;
                j += 1;
            }
            toks.push(Tok {
                start: span.start + i,
                end: span.start + end,
                word: true,
            });
            k = j;
        } else {
            let start = span.start + i;
            toks.push(Tok {
                start,
                end: start + c.len_utf8(),
                word: false,
            });
            k += 1;
        }
    }
    toks
}

/// [`tokenize`] for an ASCII unit, byte by byte: the same tokens without decoding characters
/// (the curly apostrophe that also joins words is not ASCII). Each byte's class comes from one
/// table ([`CLASSES`]).
fn tokenize_ascii(s: &[u8], base: usize, stop: usize) -> Vec<Tok> {
    let stop = stop.saturating_sub(base);
    let mut toks = Vec::with_capacity(stop.min(s.len()) / 4 + 1);
    let mut i = 0;
    while i < s.len() {
        if toks.last().is_some_and(|t: &Tok| t.start >= base + stop) {
            break;
        }
        match CLASSES[usize::from(s[i])] {
            ascii::SPACE => i += 1,
            ascii::ALNUM => {
                let mut end = ascii::word_end(s, &CLASSES, i);
                if s.get(end) == Some(&b'.')
                    && ((dotted_initials(&s[i..end])
                        && !opens_sentence_after(std::str::from_utf8(&s[end + 1..]).unwrap_or("")))
                        || title_before_name(&s[i..end], &s[end + 1..]))
                {
                    end += 1;
                }
                toks.push(Tok {
                    start: base + i,
                    end: base + end,
                    word: true,
                });
                i = end;
            }
            _ => {
                toks.push(Tok {
                    start: base + i,
                    end: base + i + 1,
                    word: false,
                });
                i += 1;
            }
        }
    }
    toks
}

/// Whether `word` is a title's abbreviation whose point is its own, before a name: "Dr.
/// Miriam Okafor", "Sen. John Thune", "Gov. Greg Abbott". The point kept with the word lets
/// the title open the speaker phrase ("..., Sen. John Thune said.") rather than end a piece.
fn title_before_name(word: &[u8], rest: &[u8]) -> bool {
    const TITLES: &[&[u8]] = &[
        b"mr", b"mrs", b"ms", b"dr", b"prof", b"sen", b"rep", b"gov", b"gen", b"lt", b"col",
        b"sgt", b"capt", b"maj", b"adm", b"rev", b"cmdr", b"supt", b"insp", b"det", b"cpl", b"pvt",
        b"amb", b"atty", b"lieut",
    ];
    word.first().is_some_and(u8::is_ascii_uppercase)
        && TITLES.iter().any(|t| t.eq_ignore_ascii_case(word))
        && rest.first() == Some(&b' ')
        && rest.get(1).is_some_and(|&b| {
            b.is_ascii_uppercase()
                // A capital beyond ASCII: "Dr. Łukasz Nowak" (the rest starts at a character).
                || (!b.is_ascii()
                    && std::str::from_utf8(&rest[1..rest.len().min(5)])
                        .or_else(|e| std::str::from_utf8(&rest[1..1 + e.valid_up_to()]))
                        .ok()
                        .and_then(|s| s.chars().next())
                        .is_some_and(char::is_uppercase))
        })
}

/// Whether `word` is capital initials joined by points, "U.S" or "U.N": the point after it
/// is the abbreviation's, so "the U.S. Geological Survey" stays one name.
fn dotted_initials(word: &[u8]) -> bool {
    word.len() >= 3
        && word.len() % 2 == 1
        && word.iter().enumerate().all(|(k, &b)| {
            if k % 2 == 0 {
                b.is_ascii_uppercase()
            } else {
                b == b'.'
            }
        })
}

/// Whether the words after an abbreviation's point open a sentence: a capitalised determiner,
/// pronoun or role ("He flew to the U.S. Officials said ..."), where a name's word ("the U.S.
/// Geological Survey", "the U.S. Army") goes on with the name.
fn opens_sentence_after(rest: &str) -> bool {
    let word = rest
        .trim_start()
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    word.starts_with(|c: char| c.is_uppercase())
        && (is_determiner(word)
            || matches!(
                word,
                "He" | "She" | "It" | "They" | "We" | "I" | "His" | "Her" | "Its" | "Their"
            )
            || LEXICON.is_role(word))
}

/// The byte classes of [`tokenize_ascii`]: words joined by "-", "'" and "."; every other byte
/// that is not white space is a token of its own.
static CLASSES: ascii::ByteClasses = ascii::byte_classes(b"-'.", &[]);

/// The words after a noun that describe a speaker by what follows ("sources close to her").
const LINKS: &[&str] = &["close", "familiar", "involved", "knowledgeable", "loyal"];

/// A noun a speaker described by what follows may have: a role ("sources", "officials") or
/// "people".
fn is_described_head(word: &str) -> bool {
    LEXICON.is_role(word) || with_lowercase(word, |w| matches!(w, "people" | "person"))
}

impl Reader<'_> {
    fn word(&self, i: usize) -> &str {
        &self.text[self.toks[i].start..self.toks[i].end]
    }

    fn in_quote(&self, pos: usize) -> bool {
        self.runs
            .iter()
            .any(|r| r.outer.start <= pos && pos < r.outer.end)
    }

    fn quote_starting_at(&self, pos: usize) -> Option<&QuoteRun> {
        self.runs.iter().find(|r| r.outer.start == pos)
    }

    /// Whether `start..end` is one quotation, give or take white space and a comma.
    fn whole_quote(&self, start: usize, end: usize) -> bool {
        let s = &self.text[start..end];
        let a = start + (s.len() - s.trim_start().len());
        let b = start + s.trim_end_matches([' ', ',']).len();
        self.runs
            .iter()
            .any(|r| r.outer.start == a && r.outer.end == b)
    }

    /// An attribution whose cue is token `i`.
    fn at(&self, i: usize) -> Option<Parsed> {
        let tok = self.toks[i];
        if !tok.word || self.in_quote(tok.start) {
            return None;
        }
        let word = self.word(i);
        if word.eq_ignore_ascii_case("according")
            && self
                .toks
                .get(i + 1)
                .is_some_and(|_| self.word(i + 1).eq_ignore_ascii_case("to"))
        {
            return self.according_to(i);
        }
        let class = LEXICON.cue(word)?;
        if is_capitalized(word) && i > 0 {
            return None;
        }
        // "Asked what she would tell a young reporter, Zhao paused": a verb inside the question
        // put reports nothing.
        let question = (i.saturating_sub(12)..i)
            .rev()
            .take_while(|&k| !matches!(self.word(k), "," | ";" | "and" | "but"))
            .any(|k| {
                k + 1 < i
                    && self.word(k).eq_ignore_ascii_case("asked")
                    && ["what", "whether", "how", "if", "why", "who", "when"]
                        .iter()
                        .any(|q| self.word(k + 1).eq_ignore_ascii_case(q))
            });
        if question {
            return None;
        }
        // "Avery added a third in stoppage time", "added two more", "added another": a thing
        // added, not words.
        if matches!(word, "add" | "adds" | "added")
            && self.toks.get(i + 1).is_some_and(|t| t.word)
            && with_lowercase(self.word(i + 1), |w| {
                matches!(w, "a" | "an" | "another")
                    || w.bytes().all(|b| b.is_ascii_digit())
                    || crate::number::parse_number(w).is_some()
            })
        {
            return None;
        }
        if i > 0
            && self.toks[i - 1].word
            && with_lowercase(self.word(i - 1), is_passive)
            && !word.ends_with("ing")
        {
            return None;
        }
        // A participle never comes before its speaker: "..., saying the minister" is no
        // inverted "..., said the minister".
        let participle = word.ends_with("ing");
        // "was quoted by the Interfax news agency as saying": the subject of "quoted" speaks.
        let quoted_as = i >= 2
            && self.word(i - 1) == "as"
            && (i.saturating_sub(10).max(1)..i - 1).any(|k| {
                self.word(k) == "quoted"
                    && self.toks[k - 1].word
                    && with_lowercase(self.word(k - 1), is_passive)
            });
        if participle
            && i > 0
            && ((!self.toks[i - 1].word && self.word(i - 1) == ",") || quoted_as)
            && let Some(mut parsed) = self.participle(i, class)
        {
            // The outlet that quoted: "by the Interfax news agency".
            if quoted_as
                && parsed.outlet.is_none()
                && let Some(by) = (i.saturating_sub(9)..i - 1).find(|&k| self.word(k) == "by")
            {
                let words = &self.text[self.toks[by].end..self.toks[i - 1].start];
                parsed.outlet = phrase::hearer(words).and_then(|h| h.outlet);
            }
            return Some(parsed);
        }
        if class != CueClass::Object
            && !participle
            && let Some(parsed) = self.verb_first(i)
        {
            return Some(parsed);
        }
        self.subject_first(i, class)
    }

    /// "The Met Office issued a warning on Monday, saying gusts could reach 80 mph": a speaking
    /// verb's participle after a comma reports what the subject of the clause before it says.
    /// The subject is the speaker phrase that opens the unit (or follows its lead-in, "On
    /// Monday, the ministry ..."), as grammar has it ("The prime minister resigned after the
    /// party lost, saying ..." is the prime minister's), else the one that opens the last
    /// clause before the participle; a verb ends it. The words after it are the statement, when
    /// they are a clause of three words or more rather than a phrase of its own ("warning of
    /// floods", "saying nothing"); after "adding", which as often adds a thing as words ("adding
    /// $60 billion to its value"), only words after "that", a colon or a quotation mark.
    fn participle(&self, i: usize, class: CueClass) -> Option<Parsed> {
        let tail = self.tail(i, class)?;
        let TailKind::Content(c) = tail.kind else {
            return None;
        };
        if with_lowercase(self.word(i), |w| w == "adding") {
            let between = self.text[self.toks[i].end..c].trim();
            let opened = self.quote_starting_at(c).is_some()
                || between.ends_with(':')
                || between.eq_ignore_ascii_case("that")
                || self.text[c..].starts_with(['"', '\u{201c}', '\u{2018}', '\''])
                || self.text[c..self.span.end]
                    .get(..5)
                    .is_some_and(|w| w.eq_ignore_ascii_case("that "));
            if !opened {
                return None;
            }
        }
        let statement = self.text[c..self.span.end].trim_end_matches(['.', '!', '?']);
        let mut words = statement.split_whitespace();
        let lead = words.next()?.trim_matches(|ch: char| !ch.is_alphanumeric());
        if words.take(2).count() < 2 || with_lowercase(lead, is_preposition) {
            return None;
        }
        // Where the subject may start: the unit's first token, or the one after a lead-in's
        // comma.
        let lead_in = (0..i - 1)
            .find(|&k| self.word(k) == "," && !self.in_quote(self.toks[k].start))
            .filter(|&k| k + 1 < i - 1 && !self.has_statement(self.span.start, self.toks[k].start))
            .map(|k| k + 1);
        // The last clause opened inside the sentence: after a subordinator ("after the party
        // lost"), or after "and"/"but" once the sentence has had a verb (not the "and" of "the
        // police and the army issued").
        let clause = (0..i - 1)
            .rev()
            .find(|&k| {
                self.toks[k].word
                    && with_lowercase(self.word(k), |w| {
                        is_subordinator(w)
                            || (matches!(w, "and" | "but")
                                && (0..k)
                                    .any(|j| self.toks[j].word && may_be_finite_verb(self.word(j))))
                    })
            })
            .map(|k| {
                (
                    k + 1,
                    with_lowercase(self.word(k), |w| matches!(w, "and" | "but")),
                )
            });
        // The speaker phrase from `first` that a verb ends, the longest.
        let subject = |first: usize| {
            (first + 1..(first + 11).min(i - 1))
                .rev()
                .filter(|&e| self.toks[e].word && may_be_finite_verb(self.word(e)))
                .find_map(|e| match self.np_before(e) {
                    Some((start, speaker)) if start == first => Some((first, speaker, e)),
                    _ => None,
                })
        };
        let main = [Some(0), lead_in].into_iter().flatten().find_map(subject);
        let inner = clause.and_then(|(first, _)| subject(first));
        // A participle after coordinated clauses reports the last one's subject ("Rain fell and
        // the Met Office issued a warning, saying ..."); after a subordinate clause, the
        // sentence's. A sentence opened by one bare capitalised word ("Shares fell after the
        // company cut its forecast, saying ...") could be either, a name or a noun: no claim.
        let (first, speaker, verb) = match (main, inner, clause) {
            (_, Some(inner), Some((_, true))) => inner,
            (Some(main), Some(_), _) if is_bare_word(&main.1) => return None,
            (Some(main), _, _) => main,
            (None, Some(inner), _) => inner,
            (None, None, _) => return None,
        };
        // The clause's verb must not itself be reported ("said"): that reading is the cue's own.
        if LEXICON.cue(self.word(verb)).is_some() {
            return None;
        }
        let role = match &speaker {
            Speaker::Person { title, .. } => title.clone(),
            _ => None,
        };
        Some(Parsed {
            speaker,
            role,
            organization: None,
            outlet: tail.outlet,
            cue: self.word(i).to_lowercase(),
            content: vec![Span::new(c, self.span.end)],
            span: self.span,
            speaker_start: self.toks[first].start,
            cue_end: self.toks[i].end,
        })
    }

    /// Whether the text before `pos` ends a statement the speaker comes after: a comma, a dash or
    /// a closing quotation mark.
    fn boundary_before(&self, pos: usize) -> Option<usize> {
        let before = self.text[self.span.start..pos].trim_end();
        let end = self.span.start + before.len();
        let last = before.chars().last()?;
        let closes_quote = self.runs.iter().any(|r| r.outer.end == end);
        (matches!(last, ',' | '\u{2014}' | '\u{2013}') || closes_quote).then_some(end)
    }

    /// Whether `start..end` holds a statement rather than a lead-in such as "However," or
    /// "In a statement on Monday,".
    fn has_statement(&self, start: usize, end: usize) -> bool {
        let s = self.text[start..end]
            .trim()
            .trim_end_matches([',', '\u{2014}', '\u{2013}']);
        if self
            .runs
            .iter()
            .any(|r| start <= r.outer.start && r.outer.end <= end)
        {
            return true;
        }
        // Only the first seven words matter: collecting them all made a long unit with many
        // speech verbs quadratic.
        let mut words = s.split_whitespace();
        match words.next() {
            None => false,
            Some(first) => {
                let short = words.take(6).count() < 6;
                !(short && LEXICON.is_adverbial(first.trim_matches(|c: char| !c.is_alphanumeric())))
            }
        }
    }

    /// "..., warns an expert." and "“...,” said Lee Ann, a lecturer at X.": the verb follows the
    /// statement and the speaker follows the verb, up to the end of the unit.
    fn verb_first(&self, i: usize) -> Option<Parsed> {
        let tok = self.toks[i];
        let boundary = self.boundary_before(tok.start)?;
        if !self.has_statement(self.span.start, boundary) {
            return None;
        }
        let after = self.text[tok.end..self.span.end].trim_end_matches(['.', '!', '?']);
        let (np_part, appositive) = match self.comma_outside_quotes(tok.end, after.len()) {
            Some(k) => (&after[..k], Some(&after[k + 1..])),
            None => (after, None),
        };
        // The speaker phrase stops at a time phrase or a hearer: "said the Kremlin on Monday";
        // not at the "to" or "with" of a speaker described by what follows ("said sources close
        // to the minister").
        let mut np_end = np_part.len();
        let mut outlet = None;
        let mut previous = "";
        let mut head = "";
        for (i, (k, w)) in word_offsets(np_part).enumerate() {
            let described = LINKS.contains(&previous) && is_described_head(head);
            if i > 0
                && !described
                && (LEXICON.is_adverbial(w) || matches!(w, "to" | "told" | "with"))
            {
                np_end = k;
                outlet = self.outlet_in(&np_part[k..]);
                break;
            }
            head = previous;
            previous = w;
        }
        // "said affected employees in the United States would receive ...": a verb after the
        // phrase makes the words after "said" a statement, not an inverted speaker.
        if word_offsets(&np_part[np_end..]).any(|(_, w)| with_lowercase(w, is_auxiliary)) {
            return None;
        }
        let np = np_part[..np_end].trim();
        let described = {
            let mut words = np.split_whitespace().skip_while(|w| is_determiner(w));
            let first = words.next().unwrap_or("");
            is_described_head(first) && words.next().is_some_and(|w| LINKS.contains(&w))
        };
        let (speaker, mut organization) = match phrase::classify(np) {
            Some(s) => (s, None),
            None if described => (Speaker::Unnamed(np.to_string()), None),
            None => {
                let (role, org) = phrase::split_role_org(np);
                (phrase::classify(&role?)?, org)
            }
        };
        let mut role = match &speaker {
            Speaker::Person { title, .. } => title.clone(),
            _ => None,
        };
        // An appositive describes the speaker only where its comma follows the speaker phrase:
        // after "on X, formerly Twitter" it describes the place.
        if let Some(appositive) = appositive.filter(|_| np_end == np_part.len()) {
            let (r, o) = phrase::split_role_org(appositive);
            role = r.or(role);
            organization = organization.or(o);
        }
        Some(Parsed {
            speaker,
            role,
            organization,
            outlet,
            cue: self.word(i).to_lowercase(),
            content: vec![Span::new(self.span.start, boundary)],
            span: self.span,
            speaker_start: tok.start,
            cue_end: tok.end,
        })
    }

    /// The byte offset in `after` (which starts at `from`) of its first comma outside quotations.
    fn comma_outside_quotes(&self, from: usize, len: usize) -> Option<usize> {
        self.text[from..from + len]
            .match_indices(',')
            .map(|(k, _)| k)
            .find(|&k| !self.in_quote(from + k))
    }

    /// An outlet named after "to", "with" or "told" somewhere in `s`.
    fn outlet_in(&self, s: &str) -> Option<String> {
        word_offsets(s)
            .filter(|(_, w)| matches!(*w, "to" | "told" | "with" | "tells"))
            .find_map(|(k, w)| phrase::hearer(&s[k + w.len()..]).and_then(|h| h.outlet))
    }

    /// "Lee Byong-chul, a ... expert at X, tells the “Times”: ...", "the Kremlin said ...", and
    /// the inverted "..., the Kremlin said on Monday.": the speaker stands before the verb.
    fn subject_first(&self, i: usize, class: CueClass) -> Option<Parsed> {
        let mut e = i;
        while e > 0 && self.toks[e - 1].word {
            let w = self.word(e - 1);
            let skipped = with_lowercase(w, |lower| {
                is_auxiliary(lower)
                    || (w == lower
                        && lower.ends_with("ly")
                        && lower.len() > 3
                        && !LEXICON.is_role(w)
                        && !LEXICON.is_institution(w)
                        && !(e >= 2 && self.toks[e - 2].word && is_determiner(self.word(e - 2))))
            });
            if skipped {
                e -= 1;
            } else {
                break;
            }
        }
        // A body's acronym in brackets after its name: "the World Health Organization (WHO)
        // said".
        if e >= 3
            && self.word(e - 1) == ")"
            && self.word(e - 3) == "("
            && self.toks[e - 2].word
            && is_acronym(self.word(e - 2))
        {
            e -= 3;
        }
        let (np_start, mut speaker, mut role, mut organization) = if e > 0
            && !self.toks[e - 1].word
            && self.word(e - 1) == ","
        {
            // An appositive between commas: "Name, role at organization, said".
            let comma = e - 1;
            let mut open = (0..comma)
                .rev()
                .find(|&k| self.word(k) == "," && !self.in_quote(self.toks[k].start))?;
            // An age before the role is part of the appositive: "Mark Jones, 54, a former
            // coach at X, said".
            if open >= 2
                && self.toks[open - 1].word
                && self.word(open - 1).bytes().all(|b| b.is_ascii_digit())
                && self.word(open - 2) == ","
            {
                open -= 2;
            }
            let mut found = self.np_before(open).map(|np| (open, np));
            if found.is_none() {
                // A relative clause with commas of its own: "Mayor Helen Ortiz, who had
                // threatened on Monday, November 18, to veto it, said".
                found = (0..open)
                    .rev()
                    .filter(|&k| self.word(k) == "," && !self.in_quote(self.toks[k].start))
                    .take(3)
                    .find(|&k| {
                        self.toks[k + 1].word
                                && matches!(self.word(k + 1), "who" | "which" | "whose")
                                // The clause goes on to the comma before the verb: no later
                                // piece opens with a verb of its own ("Chrysler, which was hit
                                // hard, has asked for a loan, saying").
                                && (k + 1..comma).all(|m| {
                                    self.word(m) != ","
                                        || !self.toks[m + 1].word
                                        || !with_lowercase(self.word(m + 1), is_auxiliary)
                                })
                    })
                    .and_then(|k| self.np_before(k).map(|np| (k, np)));
            }
            let (open, (start, speaker)) = found?;
            let appositive = &self.text[self.toks[open].end..self.toks[comma].start];
            // "A spokesperson for the utility, Gabriela Ornelas, said": the person named
            // between the commas speaks, as the role before the body.
            // (Only a name alone: "The letter, organised by the MP Rebecca Long-Bailey,
            // warns" is the letter's.)
            let bare_name = appositive
                .split_whitespace()
                .all(|w| is_capitalized(w) || is_particle(w));
            let named = match &speaker {
                Speaker::Institution(_) if bare_name => match phrase::classify(appositive.trim()) {
                    Some(person @ Speaker::Person { .. }) => Some(person),
                    _ => None,
                },
                _ => None,
            };
            // "Johan Rockström, director of the Potsdam Institute, who was not involved, said":
            // "who" stands for a person, the one the role before the body describes.
            let person_before = match &speaker {
                Speaker::Institution(_) | Speaker::Person { .. }
                    if appositive.trim_start().starts_with("who ") =>
                {
                    self.person_before_role_of(start)
                }
                _ => None,
            };
            match speaker {
                _ if person_before.is_some() => {
                    let (outer, person, role) = person_before.expect("matched above");
                    let body = self.text[self.toks[start].start..self.toks[open].start]
                        .trim()
                        .to_string();
                    (outer, person, Some(role), Some(body))
                }
                Speaker::Institution(body) if named.is_some() => {
                    let person = named.expect("matched above");
                    let described = (start >= 2
                        && self.toks[start - 1].word
                        && matches!(self.word(start - 1), "for" | "of" | "at" | "with"))
                    .then(|| self.np_before(start - 1))
                    .flatten();
                    match described {
                        Some((outer, Speaker::Unnamed(role))) => {
                            (outer, person, Some(role), Some(body))
                        }
                        _ => (start, person, None, Some(body)),
                    }
                }
                Speaker::Person { .. } | Speaker::Institution(_) => {
                    let (role, org) = phrase::split_role_org(appositive);
                    (start, speaker, role, org)
                }
                // "a fisherman, Ole Brekke, told": the description comes before the name.
                Speaker::Unnamed(description) => match phrase::classify(appositive.trim()) {
                    Some(person @ Speaker::Person { .. }) => {
                        (start, person, Some(description), None)
                    }
                    // "The minister, speaking in Brussels on Monday, said": a participle,
                    // a relative clause or an age between the commas leaves the
                    // description as the speaker.
                    _ if phrase::split_role_org(appositive) == (None, None) => {
                        (start, Speaker::Unnamed(description), None, None)
                    }
                    _ => return None,
                },
                _ => return None,
            }
        } else {
            let (start, speaker) = match self.described_by_what_follows(e) {
                Some(found) => found,
                None => match self.np_before(e) {
                    Some(found) => found,
                    None => self.subject_before_and(e)?,
                },
            };
            // "An expert at the Institute of X said": the phrase before "at" speaks, the
            // institution after it is where they work.
            if start >= 2
                && self.toks[start - 1].word
                && matches!(self.word(start - 1), "at" | "with" | "from" | "of" | "for")
                && let Some((outer, person @ (Speaker::Person { .. } | Speaker::Unnamed(_)))) =
                    self.np_before(start - 1)
            {
                let org = self.text[self.toks[start].start..self.toks[e - 1].end].to_string();
                (outer, person, None, Some(org))
            } else {
                (start, speaker, None, None)
            }
        };
        // "Detective Inspector Sarah Kaur of West Yorkshire Police": a full name, then the body
        // the person speaks for. (A name of one word before "of" is a name of its own:
        // "Catherine of Aragon"; a place after "of" is where the person is from, "Maria Lopez
        // of Houston", so the body must be one, or the person titled.)
        if let Speaker::Person { name, title } = &mut speaker
            && organization.is_none()
            && let Some(at) = name.as_bytes().windows(4).position(|w| w == b" of ")
            && let (person, body) = (&name[..at], &name[at + 4..])
            && person.split(' ').count() >= 2
            && person.split(' ').all(is_capitalized)
            // "of the University of Heidelberg" as well as "of West Yorkshire Police".
            && body
                .strip_prefix("the ")
                .unwrap_or(body)
                .starts_with(|c: char| c.is_uppercase())
            && (title.is_some()
                || LEXICON.is_institution(body)
                || body.split(' ').any(|w| LEXICON.is_institution(w)))
        {
            organization = Some(body.to_string());
            name.truncate(person.len());
        }
        if let Speaker::Person {
            title: Some(title), ..
        } = &speaker
        {
            role = role.or(Some(title.clone()));
        }
        let mut np_start = np_start;
        if let Speaker::Person { .. } = speaker
            && let Some((start, described)) = self.description_before(np_start)
        {
            np_start = start;
            role = role.or(Some(described));
        }
        let np_pos = self.toks[np_start].start;
        let mut tail = self.tail(i, class)?;
        let unit_end = self.span.end;
        let lead_only = !self.has_statement(self.span.start, np_pos);
        // A lead-in can name the outlet: "In an interview with CNN, the senator said ...".
        if lead_only && tail.outlet.is_none() {
            tail.outlet = self.outlet_in(&self.text[self.span.start..np_pos]);
        }
        let content = match (lead_only, self.boundary_before(np_pos), tail.kind) {
            (_, _, TailKind::None) => return None,
            (true, _, TailKind::Content(c) | TailKind::Split(c)) => vec![Span::new(c, unit_end)],
            (true, _, _) => return None,
            (false, Some(b), TailKind::Adverbial) => vec![Span::new(self.span.start, b)],
            (false, Some(b), TailKind::Split(c)) => {
                vec![Span::new(self.span.start, b), Span::new(c, unit_end)]
            }
            (false, Some(b), TailKind::Parenthetical(c)) => {
                let mut content = vec![Span::new(self.span.start, b)];
                if self.whole_quote(self.span.start, b) {
                    // "“A,” Scholz said, before adding: “B.”": the words between are the
                    // reporter's, only the quotations are the speaker's.
                    content.extend(
                        self.runs
                            .iter()
                            .filter(|r| c <= r.outer.start && r.outer.end <= unit_end)
                            .map(|r| r.outer),
                    );
                } else {
                    content.push(Span::new(c, unit_end));
                }
                content
            }
            (false, _, TailKind::Content(c)) => vec![Span::new(c, unit_end)],
            (false, _, _) => return None,
        };
        role = role.filter(|r| !r.is_empty());
        Some(Parsed {
            speaker,
            role,
            organization,
            outlet: tail.outlet,
            cue: self.word(i).to_lowercase(),
            content,
            span: self.span,
            speaker_start: np_pos,
            cue_end: self.toks[i].end,
        })
    }

    /// "“...,” a miner, Piotr Nowak, told ...": a description between a statement and a name,
    /// with its first token.
    fn description_before(&self, name_start: usize) -> Option<(usize, String)> {
        let comma = name_start.checked_sub(1)?;
        if self.word(comma) != "," {
            return None;
        }
        let start = (0..comma).rev().find(|&k| !self.toks[k].word)? + 1;
        let boundary = self.toks[start - 1];
        let after_quote = self.runs.iter().any(|r| r.outer.end == boundary.end);
        if start >= comma || !(after_quote || self.word(start - 1) == ",") {
            return None;
        }
        let described = &self.text[self.toks[start].start..self.toks[comma - 1].end];
        match phrase::classify(described)? {
            Speaker::Unnamed(role) => Some((start, role)),
            _ => None,
        }
    }

    /// "sources close to her said", "people familiar with the matter said", "a source briefed
    /// on the talks said": a speaker described by what follows the noun, the whole phrase
    /// before token `e` from the noun's determiner, as an unnamed speaker.
    fn described_by_what_follows(&self, e: usize) -> Option<(usize, Speaker)> {
        let link = (e.saturating_sub(8)..e).rev().find(|&k| {
            k > 0
                && self.toks[k].word
                && LINKS.contains(&self.word(k))
                && self.toks[k - 1].word
                && is_described_head(self.word(k - 1))
        })?;
        // Only words between the link and the verb: no clause of its own.
        if (link..e).any(|k| !self.toks[k].word || matches!(self.word(k), "and" | "but")) {
            return None;
        }
        let mut start = link - 1;
        if start > 0 && self.toks[start - 1].word && is_determiner(self.word(start - 1)) {
            start -= 1;
        }
        let phrase = &self.text[self.toks[start].start..self.toks[e - 1].end];
        Some((start, Speaker::Unnamed(phrase.to_string())))
    }

    /// The person of "Name, role of" before the body's phrase at token `body`: "Johan
    /// Rockström, director of" the Potsdam Institute. The person's phrase start, the person and
    /// the role.
    fn person_before_role_of(&self, body: usize) -> Option<(usize, Speaker, String)> {
        if body < 2
            || !self.toks[body - 1].word
            || !matches!(self.word(body - 1), "of" | "at" | "for")
        {
            return None;
        }
        let (role_start, role) = match self.np_before(body - 1)? {
            (k, Speaker::Unnamed(role)) => (k, role),
            _ => return None,
        };
        if role_start < 2 || self.word(role_start - 1) != "," {
            return None;
        }
        match self.np_before(role_start - 1)? {
            (k, person @ Speaker::Person { .. }) => Some((k, person, role)),
            _ => None,
        }
    }

    /// "President Jeri declared an emergency and said ...", "Police arrested two men and said
    /// ...": where "and" stands right before the verb at `e`, the speaker is the subject the
    /// clause opens with (after a lead-in and its comma, "On Monday, ..."), the noun phrase
    /// before its first lowercase word that is not part of one.
    fn subject_before_and(&self, e: usize) -> Option<(usize, Speaker)> {
        // A participle after "and" ("killing three and saying") is read as one, elsewhere.
        if e == 0
            || !self.toks[e - 1].word
            || self.word(e - 1) != "and"
            || self
                .toks
                .get(e)
                .is_none_or(|t| self.text[t.start..t.end].ends_with("ing"))
        {
            return None;
        }
        let mut from = 0;
        if self.toks.first().is_some_and(|t| t.word)
            && LEXICON.is_adverbial(self.word(0))
            && !is_acronym(self.word(0))
        {
            from = (0..e).find(|&k| self.word(k) == ",")? + 1;
        }
        let verb = (from..e - 1).find(|&k| {
            let w = self.word(k);
            !self.toks[k].word
                || !(is_capitalized(w)
                    || is_determiner(w)
                    || is_particle(w)
                    || LEXICON.is_role(w)
                    || LEXICON.is_institution(w))
        })?;
        // The subject ends at a word, which must be a verb's place: not a mark or "and".
        if verb == from || !self.toks[verb].word || self.word(verb) == "and" {
            return None;
        }
        // One clause from the subject's verb to "and": another clause between ("..., but
        // Zelensky visited Kharkiv and said", "after a woman called 999 and said", "nurses,
        // who walked out and said") has a subject of its own.
        let joined = (verb..e - 1).any(|k| {
            (!self.toks[k].word
                && matches!(
                    self.word(k),
                    "," | ";" | ":" | "(" | "\"" | "\u{201c}" | "\u{2014}" | "\u{2013}"
                ))
                || with_lowercase(self.word(k), |w| {
                    matches!(
                        w,
                        "but"
                            | "while"
                            | "whereas"
                            | "after"
                            | "before"
                            | "when"
                            | "who"
                            | "which"
                            | "that"
                            | "because"
                            | "as"
                            | "although"
                            | "though"
                            | "since"
                            | "until"
                            | "if"
                            | "unless"
                            | "where"
                            | "whom"
                            | "whose"
                    )
                })
        });
        if joined {
            return None;
        }
        // One bare capitalised word opening the sentence may be a name or a noun ("Troops
        // shelled the town and said"), as for a participle: no speaker.
        self.np_before(verb).filter(|(start, speaker)| {
            *start == from
                && !(verb == from + 1
                    && matches!(speaker, Speaker::Person { title: None, .. })
                    && !is_acronym(self.word(from)))
        })
    }

    /// The speaker phrase ending just before token `e`: its first token and what it names.
    fn np_before(&self, e: usize) -> Option<(usize, Speaker)> {
        let mut start = e;
        let mut seen_head = false;
        let mut modifiers = 0;
        let mut has_det = false;
        // The last "and" taken into the phrase, if any, and a comma before it.
        let mut joined = None;
        let mut comma = None;
        while start > 0 && e - start < 12 {
            let j = start - 1;
            if !self.toks[j].word {
                // A list inside a name: "the Department for Environment, Food and Rural
                // Affairs".
                if joined.is_some()
                    && comma.is_none()
                    && self.word(j) == ","
                    && j > 0
                    && self.toks[j - 1].word
                    && is_capitalized(self.word(j - 1))
                    && is_capitalized(self.word(start))
                {
                    comma = Some(j);
                    start = j;
                    continue;
                }
                break;
            }
            let w = self.word(j);
            if start == e && phrase::is_pronoun(w) {
                return Some((j, phrase::classify(w)?));
            }
            // "the" after "of" or "for" inside a name goes on with it: "the Office for the
            // Coordination of Humanitarian Affairs".
            let inner_the = w == "the"
                && start < e
                && is_capitalized(self.word(start))
                && j >= 2
                && self.toks[j - 1].word
                && matches!(self.word(j - 1), "of" | "for")
                && self.toks[j - 2].word
                && is_capitalized(self.word(j - 2));
            if inner_the {
                start = j - 1;
                continue;
            }
            if is_determiner(w) {
                start = j;
                has_det = true;
                break;
            }
            let caps = is_capitalized(w);
            // "and" between capitalised words may join one name ("the Food and Drug
            // Administration", "Marks and Spencer"); whether it does is settled below.
            let joining = w == "and"
                && start < e
                && is_capitalized(self.word(start))
                && j > 0
                && self.toks[j - 1].word
                && is_capitalized(self.word(j - 1));
            if joining {
                joined = Some(j);
                start = j;
                continue;
            }
            if LEXICON.is_adverbial(w) && !is_acronym(w) {
                // A capitalized lead word is part of a name only after a name word
                // ("Theresa May"), never at the start ("On Monday", "However").
                let in_name = caps
                    && j > 0
                    && self.toks[j - 1].word
                    && is_capitalized(self.word(j - 1))
                    && !LEXICON.is_adverbial(self.word(j - 1));
                if !in_name {
                    break;
                }
            }
            // A particle joins two capitalised words of one name ("Bank of England"); after a
            // lowercase role it opens the body spoken for ("a spokesman for Downing Street").
            let in_name = is_particle(w)
                && start < e
                && is_capitalized(self.word(start))
                && (j == 0 || !self.toks[j - 1].word || is_capitalized(self.word(j - 1)));
            let possessive = w.ends_with("\u{2019}s") || w.ends_with("'s");
            if caps || in_name || possessive {
                start = j;
            } else if LEXICON.is_role(w) || LEXICON.is_institution(w) {
                seen_head = true;
                start = j;
            } else if seen_head && modifiers < 3 {
                modifiers += 1;
                start = j;
            } else {
                break;
            }
        }
        // Trim what cannot begin a speaker phrase: a dangling "of", or lowercase modifiers with
        // no determiner before them ("independent analysts" is "analysts").
        // Kept after a mark before a role, alone or with a name: "..., regional governor Oleh
        // Kiper said", "..., senior economist John Smith said", "..., independent analysts
        // said".
        let titled_after_mark = (start == 0 || !self.toks[start - 1].word)
            && (start..e).any(|k| {
                LEXICON.is_role(self.word(k))
                    && (k + 1..e).all(|n| self.toks[n].word && is_capitalized(self.word(n)))
            });
        while start < e {
            let w = self.word(start);
            let modifier = !has_det
                && !titled_after_mark
                && !is_capitalized(w)
                && !LEXICON.is_role(w)
                && !LEXICON.is_institution(w);
            if is_particle(w) || modifier {
                start += 1;
            } else {
                break;
            }
        }
        if let Some(and) = joined
            && !self.and_joins_name(start, and, has_det)
        {
            start = match comma {
                Some(c) if self.and_joins_name(c + 1, and, false) => c + 1,
                _ => and + 1,
            };
        }
        if start >= e {
            return None;
        }
        let phrase_text = &self.text[self.toks[start].start..self.toks[e - 1].end];
        Some((start, phrase::classify(phrase_text)?))
    }

    /// Whether the "and" at token `and` joins one name in the speaker phrase from token `start`
    /// rather than two speakers or two clauses: the phrase must open its clause (at the unit's
    /// start, after a mark or after its determiner), and be an institution's ("The Food and
    /// Drug Administration"), a name with "of" or "for" before the "and" ("Department of Health
    /// and Social Care") or one word each side ("Marks and Spencer"). "Boris Johnson and Rishi
    /// Sunak said" keeps the last speaker, "prices rose in Leeds and Smith said" the last name.
    fn and_joins_name(&self, start: usize, and: usize, has_det: bool) -> bool {
        // Or the body a role speaks for ("a spokesperson for the Department for Business and
        // Trade").
        let spoken_for = start >= 2
            && matches!(self.word(start - 1), "for" | "of" | "at")
            && self.toks[start - 2].word
            && LEXICON.is_role(self.word(start - 2));
        let opens = start == 0 || !self.toks[start - 1].word || spoken_for;
        // "of" or "for" inside a body's name, not after a title ("Secretary of State Antony
        // Blinken and Sergei Lavrov" are two people).
        let named = (start + 1..and)
            .any(|k| matches!(self.word(k), "of" | "for") && !LEXICON.is_role(self.word(k - 1)));
        let first = start + usize::from(has_det);
        opens && (has_det || named || and == first + 1)
    }

    /// What follows the verb at token `i`: the hearer or outlet, and where the statement starts.
    fn tail(&self, i: usize, class: CueClass) -> Option<Tail> {
        let mut pos = self.toks[i].end;
        let end = self.span.end;
        let mut outlet = None;
        if class == CueClass::Object {
            let h = phrase::hearer(&self.text[pos..end])?;
            pos += h.len;
            outlet = h.outlet;
        } else {
            let rest = &self.text[pos..end];
            let trimmed = rest.trim_start();
            if let Some(after_to) = trimmed.strip_prefix("to ")
                && let Some(h) = phrase::hearer(after_to)
            {
                pos += rest.len() - after_to.len() + h.len;
                outlet = h.outlet;
            }
        }
        let rest = &self.text[pos..end];
        let r = rest.trim_start();
        let r_pos = pos + rest.len() - r.len();
        if r.trim_end_matches(['.', '!', '?']).trim().is_empty() {
            return Some(Tail {
                kind: TailKind::Adverbial,
                outlet,
            });
        }
        if let Some(after) = r.strip_prefix(':') {
            let c = r_pos + 1 + after.len() - after.trim_start().len();
            return Some(Tail {
                kind: TailKind::Content(c),
                outlet,
            });
        }
        if let Some(after) = r.strip_prefix(',') {
            let a = after.trim_start();
            let a_pos = r_pos + 1 + after.len() - a.len();
            if self.quote_starting_at(a_pos).is_some() {
                return Some(Tail {
                    kind: TailKind::Split(a_pos),
                    outlet,
                });
            }
            if let Some(that) = a.strip_prefix("that ") {
                let c = a_pos + a.len() - that.len();
                return Some(Tail {
                    kind: TailKind::Content(c),
                    outlet,
                });
            }
            return Some(Tail {
                kind: TailKind::Parenthetical(a_pos),
                outlet,
            });
        }
        if self.quote_starting_at(r_pos).is_some() {
            return Some(Tail {
                kind: TailKind::Content(r_pos),
                outlet,
            });
        }
        // A "that", a colon or a quotation within a few words, after only a time phrase, a
        // hearer or "in a statement": "said on Monday that ...".
        let first = r.split_whitespace().next().unwrap_or("");
        let first_word = first.trim_matches(|c: char| !c.is_alphanumeric());
        let pronoun_that = first_word == "that" && that_is_pronoun(&r[first.len()..]);
        // "told the AP by phone": how it was said, to the end of the sentence. ("by" is no
        // adverbial elsewhere: "By noon, 40 had died" states something.)
        let by_means = first_word == "by" && r.split_whitespace().count() <= 4;
        let adverbial = (LEXICON.is_adverbial(first_word) && !pronoun_that)
            || first.starts_with('(')
            || by_means;
        if adverbial || class == CueClass::Object {
            for (n, (k, w)) in word_offsets(r).enumerate().take(12) {
                let at = r_pos + k;
                let starts = if w == "that" && !that_is_pronoun(&r[k + 4..]) {
                    Some(at + 4)
                } else if w.starts_with(':') {
                    Some(at + 1)
                } else if self.quote_starting_at(at).is_some() && n > 0 && adverbial {
                    // After a time phrase ("told reporters on Monday “...”"); after a bare
                    // clause ("told the BBC the agency was “deeply concerned”") the quotation
                    // is part of the statement, which starts with the clause.
                    Some(at)
                } else {
                    None
                };
                if let Some(c) = starts {
                    let lead = &self.text[r_pos..at];
                    if outlet.is_none() {
                        outlet = self.outlet_in(lead);
                    }
                    let skip = self.text[c..end].len() - self.text[c..end].trim_start().len();
                    return Some(Tail {
                        kind: TailKind::Content(c + skip),
                        outlet,
                    });
                }
            }
        }
        // "said on Thursday it would cut jobs", "said in a statement it had summoned the
        // envoy": a bare clause after a time or a statement's name, with no "that".
        if adverbial
            && class == CueClass::Clause
            && !r.contains(':')
            && let Some(k) = clause_after_adverbial(r)
        {
            if outlet.is_none() {
                outlet = self.outlet_in(&r[..k]);
            }
            return Some(Tail {
                kind: TailKind::Content(r_pos + k),
                outlet,
            });
        }
        if adverbial {
            if r.contains(':') || r.split_whitespace().count() > 12 {
                // "The figures, the agency said in a statement, show ...": after the time phrase
                // or the statement's name, a comma resumes the interrupted statement.
                if let Some(k) = self.comma_outside_quotes(r_pos, r.len())
                    && !r[k + 1..].trim().is_empty()
                {
                    let a = &r[k + 1..];
                    let c = r_pos + k + 1 + a.len() - a.trim_start().len();
                    return Some(Tail {
                        kind: TailKind::Parenthetical(c),
                        outlet,
                    });
                }
                return Some(Tail {
                    kind: TailKind::None,
                    outlet,
                });
            }
            if let Some(k) = self.comma_outside_quotes(r_pos, r.len())
                && !r[k + 1..]
                    .trim_end_matches(['.', '!', '?'])
                    .trim()
                    .is_empty()
            {
                let a = &r[k + 1..];
                let c = r_pos + k + 1 + a.len() - a.trim_start().len();
                if outlet.is_none() {
                    outlet = self.outlet_in(&r[..k]);
                }
                return Some(Tail {
                    kind: TailKind::Parenthetical(c),
                    outlet,
                });
            }
            if outlet.is_none() {
                outlet = self.outlet_in(r);
            }
            return Some(Tail {
                kind: TailKind::Adverbial,
                outlet,
            });
        }
        match class {
            CueClass::Clause | CueClass::Object => Some(Tail {
                kind: TailKind::Content(r_pos),
                outlet,
            }),
            CueClass::That if opens_bare_clause(r) => Some(Tail {
                kind: TailKind::Content(r_pos),
                outlet,
            }),
            CueClass::That => Some(Tail {
                kind: TailKind::None,
                outlet,
            }),
        }
    }

    /// "According to X, ..." and "..., according to X.": X is an outlet, a speaker or a source
    /// described ("a report by X").
    fn according_to(&self, i: usize) -> Option<Parsed> {
        let to = self.toks.get(i + 1)?;
        let x_start = to.end;
        let comma = self.comma_outside_quotes(x_start, self.span.end - x_start);
        let x_end = comma.map_or(self.span.end, |k| x_start + k);
        let x = self.text[x_start..x_end]
            .trim()
            .trim_end_matches(['.', '!', '?']);
        let at_start = !self.has_statement(self.span.start, self.toks[i].start);
        let (speaker, mut organization) = source_of(x);
        let mut role = None;
        let content = if at_start {
            let mut c = x_end + 1;
            // "According to Dr Amy Chen, a virologist at Oxford, the variant ...": the
            // appositive describes the person; the statement follows it.
            if matches!(speaker, Speaker::Person { .. })
                && let Some(k) = self.comma_outside_quotes(c, self.span.end.saturating_sub(c))
            {
                let appositive = self.text[c..c + k].trim();
                let first = appositive.split_whitespace().next().unwrap_or("");
                if matches!(first, "a" | "an" | "the")
                    && let (Some(r), o) = phrase::split_role_org(appositive)
                    && (o.is_some() || r.split_whitespace().any(|w| LEXICON.is_role(w)))
                {
                    role = Some(r);
                    organization = o;
                    c += k + 1;
                }
            }
            if c >= self.span.end {
                return None;
            }
            vec![Span::new(c, self.span.end)]
        } else {
            let b = self
                .boundary_before(self.toks[i].start)
                .unwrap_or(self.toks[i].start);
            let mut spans = vec![Span::new(self.span.start, b)];
            if x_end + 1 < self.span.end {
                spans.push(Span::new(x_end + 1, self.span.end));
            }
            spans
        };
        Some(Parsed {
            speaker,
            role,
            organization,
            outlet: None,
            cue: "according to".to_string(),
            content,
            span: self.span,
            speaker_start: self.toks[i].start,
            cue_end: to.end,
        })
    }
}

/// The source named after "according to", and the organization when the source is a person
/// described at one ("an analyst at X").
fn source_of(x: &str) -> (Speaker, Option<String>) {
    let x = x.trim();
    // "according to Reuters": the whole source read as an outlet.
    if let Some(outlet) = phrase::whole_outlet(x) {
        return (Speaker::Outlet(outlet), None);
    }
    // "a report by Reuters", "a statement from the ministry": the source is after the preposition.
    let words: Vec<(usize, &str)> = word_offsets(x).collect();
    if words.len() > 2 && is_determiner(words[0].1) {
        for (k, w) in &words[1..words.len().min(4)] {
            if matches!(*w, "by" | "from" | "in" | "of" | "on") {
                return source_of(&x[k + w.len()..]);
            }
        }
    }
    if let Some(s) = phrase::classify(x) {
        return (s, None);
    }
    let (role, org) = phrase::split_role_org(x);
    match role.as_deref().and_then(phrase::classify) {
        Some(s) => (s, org),
        // An unusual description ("people familiar with the plans") still names the source.
        None => (Speaker::Unnamed(x.to_string()), None),
    }
}

/// The words of `s` with their byte offsets, split at white space.
/// Where a bare clause starts in `r`, the words after a verb of speech, when they open with
/// time phrases or a statement's name and go on with a subject: "on Thursday it would cut",
/// "in a statement on Monday the talks had failed", "late on Tuesday police had". `None` when
/// no such phrase opens `r`, or no subject follows one (a pronoun, an article or possessive, a
/// number or a capitalised word).
fn clause_after_adverbial(r: &str) -> Option<usize> {
    let words: Vec<(usize, &str)> = word_offsets(r).take(12).collect();
    let bare = |i: usize| {
        words
            .get(i)
            .map(|(_, w)| w.trim_matches(|c: char| !c.is_alphanumeric()))
    };
    let lower = |i: usize| bare(i).map(str::to_ascii_lowercase);
    let mut i = 0;
    let mut phrases = 0;
    while phrases < 3 {
        let w = lower(i)?;
        // A comma ends the phrase: what follows is read as a parenthetical elsewhere.
        if words[i].1.ends_with(',') {
            return None;
        }
        let next = lower(i + 1).unwrap_or_default();
        let taken = match w.as_str() {
            "yesterday" | "today" | "overnight" | "earlier" | "later" | "previously" => 1,
            "late" | "early" if next == "on" => 1,
            "last" | "this" | "next"
                if matches!(
                    next.as_str(),
                    "week" | "month" | "year" | "night" | "weekend"
                ) =>
            {
                2
            }
            "on" if bare(i + 1).is_some_and(crate::date::is_calendar_word) => {
                // "on Thursday", "on Nov. 3", "on 3 November", "on Tuesday evening".
                let mut n = 2;
                if lower(i + 2).is_some_and(|x| {
                    x.chars().all(|c| c.is_ascii_digit())
                        || matches!(x.as_str(), "morning" | "afternoon" | "evening" | "night")
                }) {
                    n += 1;
                }
                n
            }
            "on" if bare(i + 1).is_some_and(|x| x.chars().all(|c| c.is_ascii_digit()))
                && bare(i + 2).is_some_and(crate::date::is_calendar_word) =>
            {
                3
            }
            "in" | "at"
                if matches!(
                    next.as_str(),
                    "a" | "an" | "the" | "its" | "his" | "her" | "their"
                ) =>
            {
                let mut n = 2;
                if lower(i + 2).is_some_and(|x| {
                    matches!(
                        x.as_str(),
                        "news" | "press" | "written" | "joint" | "regulatory" | "televised"
                    )
                }) {
                    n += 1;
                }
                let noun = lower(i + n).unwrap_or_default();
                if !matches!(
                    noun.as_str(),
                    "statement"
                        | "interview"
                        | "post"
                        | "briefing"
                        | "filing"
                        | "letter"
                        | "report"
                        | "speech"
                        | "tweet"
                        | "conference"
                        | "release"
                        | "address"
                        | "email"
                        | "video"
                        | "message"
                ) {
                    return None;
                }
                n + 1
            }
            _ => break,
        };
        i += taken;
        phrases += 1;
        if words.get(i - 1).is_some_and(|(_, w)| w.ends_with(',')) {
            return None;
        }
    }
    if phrases == 0 {
        return None;
    }
    let (at, w) = *words.get(i)?;
    // A bracket after the time phrase is an aside ("said on Monday (September 11)"), and a
    // clause has a verb after its subject.
    if w.starts_with(['(', '[']) || words.len() < i + 3 {
        return None;
    }
    let first = w.trim_start_matches(|c: char| !c.is_alphanumeric());
    let subject = first.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        || matches!(
            first.to_ascii_lowercase().as_str(),
            "it" | "he"
                | "she"
                | "they"
                | "we"
                | "i"
                | "there"
                | "the"
                | "a"
                | "an"
                | "its"
                | "his"
                | "her"
                | "their"
                | "our"
                | "this"
                | "these"
                | "those"
                | "more"
                | "some"
                | "no"
                | "all"
                | "two"
                | "three"
                | "several"
                | "many"
                | "most"
        );
    (subject && i >= 1).then_some(at + (w.len() - first.len()))
}

fn word_offsets(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TailKind {
    /// Nothing but a time phrase, a hearer or the end: the statement came before the verb.
    Adverbial,
    /// The statement starts here and runs to the end of the unit.
    Content(usize),
    /// A second quotation starts here: "“A,” Lee said, “B.”"
    Split(usize),
    /// The statement resumes here after a parenthetical "he said,".
    Parenthetical(usize),
    /// What follows does not fit an attribution ("confirmed the report").
    None,
}

struct Tail {
    kind: TailKind,
    outlet: Option<String>,
}

/// The clause reader's pattern, for the table of prebuilt automata (`tier/automata.rs`).
#[cfg(test)]
pub(super) fn tiered_patterns() -> Vec<&'static Tiered> {
    vec![&CONJUNCTION]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte reader of ASCII units gives the tokens the character reader gives.
    #[test]
    fn ascii_units_are_tokenised_alike() {
        for s in [
            "\"We won't stop,\" said Dr. J.R. Smith-Jones on Monday.",
            "U.S. officials - who spoke on condition of anonymity - told AP: 3.5 km (2 mi).",
            "a--b ''c' -d- e.f. g.\th\x0bi\x0cj\rk\n",
            "",
            "x",
            "...",
        ] {
            assert_eq!(
                tokenize_ascii(s.as_bytes(), 7, usize::MAX),
                tokenize_chars(s, 7),
                "{s:?}"
            );
        }
        // And on generated units of the bytes that matter: letters, digits, the joiners, white
        // space of each kind and other marks, in runs of every length.
        let pieces = [
            "a", "Z", "7", "-", "'", ".", " ", "\t", "\n", "\x0b", "\x0c", "\r", ",", "\"", "_",
            "~", "\x7f", "ab", "--", "''", "..",
        ];
        let mut picks = crate::testing::Picks::new(0x3c6e_f372_fe94_f82b);
        for _ in 0..20_000 {
            let count = picks.below(12);
            let s = picks.text(&pieces, count);
            let all = tokenize_chars(&s, 3);
            assert_eq!(tokenize_ascii(s.as_bytes(), 3, usize::MAX), all, "{s:?}");
            // Stopped: the tokens that start before the stop, and the one after them.
            let stop = 3 + picks.below(s.len() + 2);
            let before = all.iter().take_while(|t| t.start < stop).count();
            assert_eq!(
                tokenize_ascii(s.as_bytes(), 3, stop),
                all[..(before + 1).min(all.len())],
                "{s:?} stopped at {stop}"
            );
        }
    }
}
