//! ASCII fast paths the extractors share: patterns compiled in an ASCII form for ASCII text, and
//! short words lowercased without allocating.

use crate::tier::Tiered;

/// A pattern in three forms, each compiled (or started from the table of prebuilt automata) on
/// first use (see [`Tiered`]), for the haystacks each [`Form`] names.
///
/// Unicode classes and case folding are most of the size of the place and hearer patterns
/// (compiling the distance pattern `TO` with `\p{Lu}` and `\p{L}` took about 5 ms, against 0.3
/// ms in ASCII), while most sentences are ASCII, and most of the others hold no letter beyond
/// ASCII, only curly quotes, dashes or no-break spaces. The builder must make each form find
/// what the Unicode form finds on the haystacks it reads: on ASCII text `\p{Lu}` can only meet
/// `[A-Z]`, `[\p{L}\p{M}'’\-]` only `[A-Za-z'\-]`, and `\s`, `\b` and `(?i)` differ only on
/// characters beyond ASCII; where those characters are none of them letters, marks or digits,
/// the letter classes still meet only ASCII letters and a Unicode `\b` is an ASCII one, while
/// `\s` and classes of punctuation keep their Unicode reading.
pub(crate) struct Twin {
    ascii: Tiered,
    ascii_words: Tiered,
    unicode: Tiered,
}

/// Which haystacks a form of a [`Twin`] reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Form {
    /// ASCII haystacks: ASCII mode.
    Ascii,
    /// Haystacks whose characters beyond ASCII are none of them letters, marks or digits
    /// ([`words_are_ascii`]): ASCII letter, digit and word-boundary classes, which meet nothing
    /// else there, in Unicode mode, so that `\s` and the punctuation the Unicode form names
    /// (curly quotes, dashes) read as they do there.
    AsciiWords,
    /// Any haystack.
    Unicode,
}

impl Form {
    /// The flags that start a pattern of this form: ASCII mode for ASCII haystacks.
    pub(crate) fn flag(self) -> &'static str {
        match self {
            Form::Ascii => "(?-u)",
            Form::AsciiWords | Form::Unicode => "(?u)",
        }
    }

    /// A word boundary of this form: an ASCII one wherever every word character is ASCII.
    pub(crate) fn boundary(self) -> &'static str {
        match self {
            Form::Ascii | Form::Unicode => r"\b",
            Form::AsciiWords => r"(?-u:\b)",
        }
    }
}

/// Whether every character of `text` beyond ASCII is neither a letter, a mark nor a digit of
/// any kind (what Unicode `\w`, `\p{L}`, `\p{M}` and `\p{N}` could meet): curly quotes, dashes,
/// spaces, symbols.
pub(crate) fn words_are_ascii(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_ascii() || !(c.is_alphanumeric() || regex_syntax::is_word_character(c)))
}

impl Twin {
    pub(crate) const fn new(build: fn(Form) -> String) -> Self {
        Twin {
            ascii: Tiered::form(build, Form::Ascii),
            ascii_words: Tiered::form(build, Form::AsciiWords),
            unicode: Tiered::form(build, Form::Unicode),
        }
    }

    /// The three forms, for the table of prebuilt automata.
    #[cfg(test)]
    pub(crate) fn forms(&'static self) -> [&'static Tiered; 3] {
        [&self.ascii, &self.ascii_words, &self.unicode]
    }

    /// The form that reads `haystack`.
    pub(crate) fn get(&self, haystack: &str) -> &Tiered {
        if haystack.is_ascii() {
            &self.ascii
        } else if words_are_ascii(haystack) {
            &self.ascii_words
        } else {
            &self.unicode
        }
    }
}

/// `word` lowercased into `buf` when it is ASCII and fits, for looking words up in lists of
/// lowercase words where a `to_lowercase` copy per word was a noticeable cost; `None` otherwise.
/// A word already lowercase is given as it is (no copy, no check of the copy as UTF-8).
pub(crate) fn lowercase_on_stack<'a, const N: usize>(
    word: &'a str,
    buf: &'a mut [u8; N],
) -> Option<&'a str> {
    if word.len() <= N && is_own_lowercase(word) {
        return Some(word);
    }
    let out = buf.get_mut(..word.len()).filter(|_| word.is_ascii())?;
    out.copy_from_slice(word.as_bytes());
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

/// Whether `word` is ASCII with no capital, and so its own lowercase (as `to_lowercase` and
/// `to_ascii_lowercase` give it).
fn is_own_lowercase(word: &str) -> bool {
    !word
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
}

/// Declares a list of lowercase words, and a function telling whether a word is one of them
/// by `match` arms (a length and a comparison or two, where scanning the list compared each:
/// the sentence reader's 53 abbreviations cost about 400 instructions a word asked about). The
/// list itself is declared too where it is named, for the code that reads it whole.
macro_rules! word_list {
    ($(#[$doc:meta])* $list:ident, $is:ident, [$($word:literal),* $(,)?]) => {
        $(#[$doc])*
        const $list: &[&str] = &[$($word),*];

        word_list!($is, [$($word),*]);
    };
    ($(#[$doc:meta])* $vis:vis $is:ident, [$($word:literal),* $(,)?]) => {
        $(#[$doc])*
        $vis fn $is(w: &str) -> bool {
            matches!(w, $($word)|*)
        }
    };
}
pub(crate) use word_list;

/// `f` of `word` lowercased as `str::to_lowercase` does (for an ASCII word, the two lowercases
/// agree). For the word lists asked about the words of every speaker phrase and clause, where a
/// lowercase copy per word cost about 1% of extracting a news text.
///
/// An ASCII word is copied into a string each thread keeps, whose text stays valid as its ASCII
/// is lowercased: a copy on the stack had to be checked as UTF-8 again before it could be read
/// as a string, at a tenth of a million words in 1 MB of news text (1 MB 612.5 → 610.1 M
/// instructions). A word asked about from inside `f` gets a new string. A word with no
/// capital and nothing beyond ASCII, most words of a text, is its own lowercase and is given as
/// it is.
pub(crate) fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    thread_local! {
        static BUF: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    if is_own_lowercase(word) {
        return f(word);
    }
    if !word.is_ascii() {
        return f(&word.to_lowercase());
    }
    BUF.with(|cell| match cell.try_borrow_mut() {
        Ok(mut buf) => {
            buf.clear();
            buf.push_str(word);
            buf.make_ascii_lowercase();
            f(&buf)
        }
        Err(_) => f(&word.to_ascii_lowercase()),
    })
}

/// A byte of an ASCII word: what an ASCII `\b` reads as a word character (a letter, a digit or
/// `_`).
pub(crate) fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The class of each byte for the ASCII tokenisers (the clause reader's, the event reader's):
/// [`ALNUM`], [`JOIN`], [`MARK`], [`SPACE`] or [`OTHER`]. A table keeps the loop over a word's
/// letters to one load and compare a byte.
pub(crate) type ByteClasses = [u8; 256];

/// An ASCII letter or digit.
pub(crate) const ALNUM: u8 = 0;
/// A byte that joins two letters or digits into one word ("-" of "x-1", "'" of "won't").
pub(crate) const JOIN: u8 = 1;
/// A clause mark, a token of its own.
pub(crate) const MARK: u8 = 2;
/// ASCII white space.
pub(crate) const SPACE: u8 = 3;
/// Anything else, and every byte beyond ASCII.
pub(crate) const OTHER: u8 = 4;

/// The byte classes of a tokeniser whose words are joined by `joiners` and whose marks are the
/// ASCII ones of `marks` (a joiner or a mark is not also white space, a letter or a digit).
pub(crate) const fn byte_classes(joiners: &[u8], marks: &[char]) -> ByteClasses {
    let mut classes = [OTHER; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            classes[b] = ALNUM;
        } else if matches!(c, b'\t'..=b'\r' | b' ') {
            classes[b] = SPACE;
        }
        b += 1;
    }
    let mut k = 0;
    while k < joiners.len() {
        classes[joiners[k] as usize] = JOIN;
        k += 1;
    }
    let mut k = 0;
    while k < marks.len() {
        if marks[k].is_ascii() {
            classes[marks[k] as usize] = MARK;
        }
        k += 1;
    }
    classes
}

/// The end of the word of `bytes` that starts with the letter or digit at `start`: a run of
/// letters and digits, and more runs joined to it by a joiner between two of them.
#[inline]
pub(crate) fn word_end(bytes: &[u8], classes: &ByteClasses, start: usize) -> usize {
    let class = |k: usize| bytes.get(k).map_or(OTHER, |&b| classes[usize::from(b)]);
    let mut end = start + 1;
    loop {
        while class(end) == ALNUM {
            end += 1;
        }
        if class(end) == JOIN && class(end + 1) == ALNUM {
            end += 2;
        } else {
            return end;
        }
    }
}

/// The first letters, lengths and last letters of the words of a list, as a bit per last letter
/// under each lowercase ASCII first letter and length: most words of a text are known not to be
/// on the list at once, without lowercasing and hashing them. Asked at every word of a text (cue
/// verbs, number words). The last letter turns away two words in three of those the first
/// letter and the length let through (40% of a news text's words pass those for the cue verbs).
pub(crate) struct Shapes(Box<[[u32; 32]; 128]>);

/// A word's last byte as a bit: one per ASCII letter in any case, one for all else.
#[inline]
fn last_bit(word: &str) -> u32 {
    match word.as_bytes().last() {
        Some(&b) if b.is_ascii_alphabetic() => 1 << (b.to_ascii_lowercase() - b'a'),
        _ => 1 << 31,
    }
}

impl Shapes {
    /// The shapes of `words` (lowercase). A word of 32 bytes or more marks every length and
    /// last letter under its first letter, and one that does not start with ASCII marks all,
    /// so that nothing is turned away wrongly.
    pub(crate) fn of<'a>(words: impl IntoIterator<Item = &'a str>) -> Shapes {
        let mut shapes = Box::new([[0u32; 32]; 128]);
        for word in words {
            match word.as_bytes().first() {
                Some(&b) if b.is_ascii() => {
                    let row = &mut shapes[usize::from(b.to_ascii_lowercase())];
                    match row.get_mut(word.len()) {
                        Some(bits) => *bits |= last_bit(word),
                        None => row.fill(u32::MAX),
                    }
                }
                _ => shapes.iter_mut().for_each(|row| row.fill(u32::MAX)),
            }
        }
        Shapes(shapes)
    }

    /// Whether `word` may be on the list, in any ASCII case. `true` for a word the table
    /// cannot judge: empty, not ASCII, or 32 bytes or longer (an ASCII word's lowercase has
    /// its length and its letters, which is what makes the table exact).
    #[inline]
    pub(crate) fn may_hold(&self, word: &str) -> bool {
        match word.as_bytes().first() {
            Some(&first) if word.len() < 32 && word.is_ascii() => {
                self.0[usize::from(first.to_ascii_lowercase())][word.len()] & last_bit(word) != 0
            }
            _ => true,
        }
    }

    /// [`Shapes::may_hold`] for a word of one to 31 ASCII letters, which needs no test that it
    /// is ASCII.
    #[inline]
    pub(crate) fn may_hold_letters(&self, word: &[u8]) -> bool {
        debug_assert!(
            (1..32).contains(&word.len()) && word.iter().all(u8::is_ascii_alphabetic),
            "{word:?} is not a word of ASCII letters the table can judge"
        );
        match (word.first(), word.last()) {
            (Some(&first), Some(&last)) if word.len() < 32 => {
                self.0[usize::from(first.to_ascii_lowercase())][word.len()]
                    & (1 << (last.to_ascii_lowercase() - b'a'))
                    != 0
            }
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercases_short_ascii_words_only() {
        let mut buf = [0u8; 8];
        assert_eq!(lowercase_on_stack("Said", &mut buf), Some("said"));
        assert_eq!(lowercase_on_stack("Überall", &mut buf), None);
        assert_eq!(lowercase_on_stack("Extraordinary", &mut buf), None);
    }

    #[test]
    fn lowercases_as_to_lowercase_does() {
        let long = "A".repeat(70);
        for word in [
            "Said",
            "",
            "\u{212a}elvin",
            "\u{130}stanbul",
            "Gen.",
            long.as_str(),
        ] {
            assert_eq!(with_lowercase(word, str::to_string), word.to_lowercase());
        }
    }

    #[test]
    fn shapes_let_through_the_listed_words_in_any_case_and_turn_away_others() {
        let long = "a".repeat(40);
        let shapes = Shapes::of(["said", "told", "x-1", long.as_str()]);
        for word in ["said", "SAID", "Said", "told", "X-1", "x-9", "a1"] {
            assert!(shapes.may_hold(word), "{word}");
        }
        // The first letter, the length or the last letter differs; words starting with "a"
        // pass at every length, as a listed word of 40 letters does.
        for word in ["paid", "sai", "saids", "sail", "tolk", "x-a", "z"] {
            assert!(!shapes.may_hold(word), "{word}");
        }
        // What the table cannot judge passes.
        assert!(shapes.may_hold("säid") && shapes.may_hold(""));
        assert!(Shapes::of(["été"]).may_hold("word"));
    }

    /// The test for words of letters answers as the general one, on every word of one to four
    /// letters from a mixed alphabet and on long ones, against tables with a long word or not.
    #[test]
    fn shapes_of_letters_answer_as_shapes() {
        let long = "a".repeat(40);
        let tables = [
            Shapes::of(["said", "told", "one", "Seventeen", "a", "zz"]),
            Shapes::of(["said", long.as_str()]),
        ];
        let letters = ["a", "b", "O", "e", "s", "z", "Z", "n"];
        let mut words: Vec<String> = vec!["a".repeat(31), "seventeen".into(), "SAID".into()];
        for n in 1..=4 {
            let mut at = vec![0; n];
            loop {
                words.push(at.iter().map(|&k| letters[k]).collect());
                let Some(k) = at.iter().rposition(|&k| k + 1 < letters.len()) else {
                    break;
                };
                at[k] += 1;
                at[k + 1..].fill(0);
            }
        }
        let mut held = 0;
        for shapes in &tables {
            for word in &words {
                let answer = shapes.may_hold(word);
                assert_eq!(shapes.may_hold_letters(word.as_bytes()), answer, "{word}");
                held += usize::from(answer);
            }
        }
        assert!(held > 20 && held < words.len(), "{held} of {}", words.len());
    }

    #[test]
    fn each_haystack_gets_its_form() {
        static WORD: Twin = Twin::new(|form| format!(r"{}\w+", form.flag()));
        assert_eq!(
            WORD.get("café").find("café").map(|m| m.as_str()),
            Some("café")
        );
        assert_eq!(
            WORD.get("cafe").find("cafe").map(|m| m.as_str()),
            Some("cafe")
        );
    }

    /// Each form of each pattern of three forms finds what the Unicode form finds on the
    /// haystacks it reads: the ASCII form on ASCII text, the ASCII-words form on text whose
    /// characters beyond ASCII are quotes, dashes, spaces and symbols. Texts are made of the
    /// patterns' words, names and such characters; texts with a letter or a number beyond ASCII
    /// go to the Unicode form.
    #[test]
    fn each_form_finds_what_the_unicode_form_finds_on_its_haystacks() {
        let words = [
            "the",
            "The",
            "a",
            "an",
            "North Korean",
            "border",
            "with",
            "of",
            "Ukraine",
            "between",
            "Toronto",
            "and",
            "Montreal",
            "from",
            "to",
            "St. Petersburg",
            "Rio de Janeiro",
            "O'Neill",
            "O\u{2019}Neill",
            "km",
            "40",
            "apart",
            "separated by",
            "as the crow flies",
            "by road",
            "flight",
            "south-east",
            "told",
            "reporters",
            "New York Times",
            "Reuters",
            "state news agency",
            "Yonhap",
            "at",
            "for",
            "Institute",
            "Studies",
            "him",
            "said",
            "border with",
            "capital",
            "city",
            "region",
            "(34 miles)",
            "drive",
            "away",
        ];
        let marks = [
            "\u{201c}", "\u{201d}", "\u{2018}", "\u{2019}", "\u{a0}", "\u{2013}", "\u{2014}",
            "\u{2026}", "\u{b0}", "\u{d7}", "\u{20ac}", "\u{2009}", "\u{2022}", " ", " ", " ",
            ", ", ". ", "\"", "'", "(", ")", "-",
        ];
        let mut picks = crate::testing::Picks::new(23);
        let (mut ascii_texts, mut word_texts) = (Vec::new(), Vec::new());
        for round in 0..1500 {
            // Every third text draws only on the ASCII marks, at the end of the list.
            let from = if round % 3 == 0 { marks.len() - 10 } else { 0 };
            let mut text = String::new();
            for _ in 0..picks.below(14) + 1 {
                text.push_str(words[picks.below(words.len())]);
                text.push_str(marks[from + picks.below(marks.len() - from)]);
            }
            if text.is_ascii() {
                ascii_texts.push(text);
            } else {
                assert!(words_are_ascii(&text), "{text:?}");
                word_texts.push(text);
            }
        }
        assert!(ascii_texts.len() > 100 && word_texts.len() > 1000);
        for text in [
            "Z\u{fc}rich",
            "caf\u{e9}",
            "x\u{b2}",
            "e\u{301}",
            "\u{212a}m",
            "\u{663}",
        ] {
            assert!(!words_are_ascii(text), "{text:?}");
        }
        let spans = |re: &regex::Regex, text: &str| -> Vec<Vec<Option<(usize, usize)>>> {
            re.captures_iter(text)
                .map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
                .collect()
        };
        let twins = crate::distance::twins()
            .into_iter()
            .chain(crate::attribution::twins());
        for twin in twins {
            let unicode = regex::Regex::new(&twin.unicode.text()).expect("valid");
            for (form, texts) in [
                (&twin.ascii, &ascii_texts),
                (&twin.ascii_words, &word_texts),
            ] {
                let re = regex::Regex::new(&form.text()).expect("valid");
                for text in texts {
                    assert_eq!(spans(&re, text), spans(&unicode, text), "{re} on {text:?}");
                }
            }
        }
    }

    /// No character that [`words_are_ascii`] lets through beyond ASCII is one that a letter,
    /// mark, number, word or digit class, or a case-insensitive ASCII letter, could meet: the
    /// middle forms' ASCII classes then meet what the Unicode ones would. Every code point, so
    /// that a Unicode version that assigns a new letter or number is caught (the test reads
    /// `char`'s tables and `regex`'s, which need not be of the same Unicode version).
    #[test]
    fn what_words_are_ascii_lets_through_is_no_letter_mark_or_number() {
        let classes = regex::Regex::new(r"^(?:[\p{L}\p{M}\p{N}\w\d]|(?i:[a-z]))$").expect("valid");
        let mut one = String::new();
        let mut through = 0;
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            one.clear();
            one.push(c);
            if words_are_ascii(&one) {
                through += 1;
                assert!(!classes.is_match(&one), "{c:?} (U+{:04X})", u32::from(c));
            }
        }
        assert!(through > 900_000, "{through} characters let through");
    }
}
