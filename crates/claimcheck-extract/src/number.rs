//! Numbers as news text writes them: digits with separators, decimals, fractions, number words
//! and scale words ("1,500,000", "2 1/2", "½", "twenty-five", "a hundred and two", "1.5 million").
//!
//! Distances, quantities and dates share this reader. The API is three functions:
//! [`parse_number`] reads a whole string, [`number_at`] reads the longest number that begins at
//! a byte offset, and [`numbers`] finds every number in a text, left to right, without overlap.

use crate::tier::Tiered;

/// A number found in a text: its byte range, its value and how it was written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Number {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub form: NumberForm,
}

/// How a number is written, which callers use to judge how likely it is to be a measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumberForm {
    /// Only digits and separators: "42", "1,500", "3.5", "2 1/2", "½".
    Digits,
    /// Digits with a scale word: "1.5 million", "25 lakh".
    DigitsWithScale,
    /// Number words: "eight", "twenty-five", "a hundred".
    Words,
}

/// Digits: a mixed fraction, a fraction, or an integer part (with comma or thin-space thousands
/// separators) and decimals, optionally followed by a vulgar fraction character.
static DIGITS: Tiered = Tiered::new(|| {
    String::from(
        r"^(?:(?P<whole>\d+)(?:[ \u{a0}]|-)(?P<num>\d+)/(?P<den>\d+)|(?P<fnum>\d+)/(?P<fden>\d+)|(?P<int>\d{1,3}(?:,\d{3})+|\d{1,3}(?:[\u{a0}\u{202f}\u{2009} ]\d{3})+|\d+)?(?P<dec>\.\d+)?)(?P<vulgar>[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])?",
    )
});

/// The scale word at the start of `after`, the text after digits ("1.5 million", "25 lakh",
/// "$3bn"), past spaces and no-break spaces, in any case, up to a word boundary: the length of
/// the whole and the word as written. What
/// `(?i)^[ \u{a0}]*(?P<scale>hundred|thousand|...|dozen)\b` finds, read by hand: it is asked
/// after most figures. Under Unicode's simple case folding "s" also matches the long s and "k"
/// the Kelvin sign, as in that pattern.
fn digit_scale(after: &str) -> Option<(usize, &str)> {
    const SCALES: &[&str] = &[
        "hundred", "thousand", "million", "billion", "trillion", "lakh", "crore", "bn", "mn",
        "dozen",
    ];
    let rest = after.trim_start_matches([' ', '\u{a0}']);
    let lead = after.len() - rest.len();
    SCALES.iter().find_map(|scale| {
        let mut chars = rest.char_indices();
        for want in scale.chars() {
            let (_, c) = chars.next()?;
            let folds = c.to_ascii_lowercase() == want
                || (want == 's' && c == '\u{17f}')
                || (want == 'k' && c == '\u{212a}');
            if !folds {
                return None;
            }
        }
        let len = chars.next().map_or(rest.len(), |(i, _)| i);
        let boundary = !rest[len..]
            .chars()
            .next()
            .is_some_and(regex_syntax::is_word_character);
        boundary.then(|| (lead + len, &rest[..len]))
    })
}

/// The length of an "m" glued to a number that stands for "million", as British papers write
/// it: before a unit of volume or mass, or a plural of things counted ("570m litres", "2.4m
/// tonnes", "30m people"). Before anything else "m" is the metre ("the 100m final", "a 50m
/// pool").
fn million_before_counted(after: &str) -> Option<usize> {
    const COUNTED: &[&str] = &[
        "litres",
        "liters",
        "gallons",
        "tonnes",
        "tons",
        "barrels",
        "cubic",
        "people",
        "users",
        "customers",
        "passengers",
        "viewers",
        "voters",
        "households",
        "homes",
        "jobs",
        "doses",
        "shares",
        "visitors",
        "tourists",
        "subscribers",
        "downloads",
        "acres",
        "hectares",
        "residents",
        "children",
        "adults",
        "workers",
        "patients",
        "cases",
        "vaccinations",
        "trees",
        "animals",
        "birds",
        "copies",
        "units",
        "vehicles",
        "cars",
        "journeys",
        "trips",
        "meals",
        "items",
        "tickets",
        "members",
        "followers",
        "listeners",
        "readers",
        "pupils",
        "students",
        "refugees",
        "migrants",
    ];
    let rest = after.strip_prefix('m')?.strip_prefix(' ')?;
    let word = rest.split(|c: char| !c.is_ascii_alphabetic()).next()?;
    COUNTED.contains(&word).then_some(1)
}

/// The length in bytes of the run of ASCII letters at the start of `s`, the unit that number
/// words are read in; `None` when `s` does not start with one. A byte loop: this runs at every
/// word of the text.
fn word_len(s: &[u8]) -> Option<usize> {
    let len = s.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    (len > 0).then_some(len)
}

/// The value of a whole string that is one number, such as "1,500,000", "2 1/2" or
/// "twenty-five"; `None` when the string is not exactly one number.
#[allow(
    dead_code,
    reason = "offered to the date extractor, which reads day and year numbers"
)]
pub(crate) fn parse_number(s: &str) -> Option<f64> {
    let s = s.trim();
    let n = number_at(s, 0)?;
    (n.end == s.len()).then_some(n.value)
}

/// The longest number that begins at byte offset `start` of `text`, if one does.
///
/// The caller chooses where words begin; this reads no context before `start`. A number may be
/// followed directly by letters ("3km"), which the caller judges.
pub(crate) fn number_at(text: &str, start: usize) -> Option<Number> {
    let rest = text.get(start..)?;
    let first = rest.chars().next()?;
    if first.is_ascii_digit() || first == '.' || vulgar_value(first).is_some() {
        digits_at(text, start)
    } else if first.is_ascii_alphabetic() {
        words_at(text, start)
    } else {
        None
    }
}

/// Every number in `text`, left to right and without overlap, each beginning at a word start.
///
/// Digits glued to letters before them ("F-16", "L2", "COVID-19") belong to a name and are
/// skipped. A minus sign directly before digits, after a space or an opening bracket, makes the
/// number negative.
pub(crate) fn numbers(text: &str) -> Vec<Number> {
    let bytes = text.as_bytes();
    let shapes: &crate::ascii::Shapes = &WORD_SHAPES;
    // Room for a number every 40 bytes (the bench text holds one every 50 or so): growing the
    // list from nothing copied it a dozen times in a long text and touched twice the pages.
    let mut out = Vec::with_capacity(text.len() / 40);
    // Only some bytes can start a number: an ASCII letter or digit that starts a word, a point,
    // and a character beyond ASCII. `Blocks` finds them, and the length of each word of
    // letters, 64 bytes at a time without a branch for each byte (a byte loop's branches at
    // each word's start and end were most of this function's time); what is left is what
    // `number_at` and `starts_word` decide.
    let mut blocks = Blocks::new(bytes);
    let mut i = 0;
    while let Some(at) = blocks.next_start(i) {
        i = at;
        // A word of letters can begin a number only as a unit, a ten or an article (which
        // `words_at` reads first): any other word ("and", "half", "point", "hundred") is
        // passed over, letters and all, without reading what comes before it.
        let len = blocks.letters_at(i);
        if len > 0
            && !matches!(
                word_kind_in(shapes, &bytes[i..i + len]),
                Some(Word::Unit(_) | Word::Ten(_) | Word::Article)
            )
        {
            i += len;
            continue;
        }
        i = number_or_step(text, i, &mut out);
    }
    out
}

/// Reads the number that starts a word at byte `i` (a character boundary before the text's end)
/// into `out`, if one does, and gives where to look on from: past the number, else past the
/// character at `i`.
fn number_or_step(text: &str, i: usize, out: &mut Vec<Number>) -> usize {
    match signed_number_at(text, i) {
        Some(n) => {
            let end = n.end;
            out.push(n);
            end
        }
        None => i + text[i..].chars().next().map_or(1, char::len_utf8),
    }
}

/// The number that starts a word at byte `i`, with a minus sign directly before its digits
/// taken in.
fn signed_number_at(text: &str, i: usize) -> Option<Number> {
    if !starts_word(text, i) {
        return None;
    }
    let mut n = number_at(text, i)?;
    if n.form != NumberForm::Words
        && let Some(sign_at) = minus_before(text, n.start)
    {
        n.start = sign_at;
        n.value = -n.value;
    } else if let Some(word_at) = minus_word_before(text, n.start) {
        n.start = word_at;
        n.value = -n.value;
    }
    Some(n)
}

/// The offset of the word "minus" before `start`, one space between ("minus 5C", "Minus
/// twelve degrees"), unless "plus or minus" gives a margin rather than a sign.
fn minus_word_before(text: &str, start: usize) -> Option<usize> {
    let before = text[..start].strip_suffix(' ')?;
    let at = before.len().checked_sub(5)?;
    let word = before.get(at..)?;
    if !word.eq_ignore_ascii_case("minus")
        || before[..at]
            .bytes()
            .next_back()
            .is_some_and(crate::ascii::is_word_byte)
    {
        return None;
    }
    let margin = before[..at].trim_end().as_bytes();
    let ends_with = |tail: &str| {
        margin.len() >= tail.len()
            && margin[margin.len() - tail.len()..].eq_ignore_ascii_case(tail.as_bytes())
    };
    (!ends_with("plus or") && !ends_with("plus/")).then_some(at)
}

/// A text read in blocks of 64 bytes for [`numbers`], each as masks of a bit a byte: the places
/// where a number may start (an ASCII letter or digit after a byte that is none of those nor
/// `_`, a point, and the first byte of a character beyond ASCII), and the ASCII letters.
struct Blocks<'a> {
    bytes: &'a [u8],
    /// The block's first byte, a multiple of 64.
    base: usize,
    starts: u64,
    letters: u64,
}

impl<'a> Blocks<'a> {
    fn new(bytes: &'a [u8]) -> Blocks<'a> {
        let (starts, letters) = block_masks(bytes, 0);
        Blocks {
            bytes,
            base: 0,
            starts,
            letters,
        }
    }

    /// Moves to the block that starts at byte `block`.
    fn load(&mut self, block: usize) {
        self.base = block;
        (self.starts, self.letters) = block_masks(self.bytes, block);
    }

    /// The first place a number may start at or after byte `from`.
    fn next_start(&mut self, from: usize) -> Option<usize> {
        if from >= self.bytes.len() {
            return None;
        }
        let block = from & !63;
        if block != self.base {
            self.load(block);
        }
        let mut starts = self.starts & (u64::MAX << (from - block));
        while starts == 0 {
            if self.base + 64 >= self.bytes.len() {
                return None;
            }
            self.load(self.base + 64);
            starts = self.starts;
        }
        Some(self.base + starts.trailing_zeros() as usize)
    }

    /// The length of the run of ASCII letters from byte `at`, in the current block.
    fn letters_at(&self, at: usize) -> usize {
        let offset = at - self.base;
        let run = (!(self.letters >> offset)).trailing_zeros() as usize;
        if offset + run < 64 {
            run
        } else {
            // The run goes on into the next block.
            let on = self.base + 64;
            run + self.bytes[on..]
                .iter()
                .take_while(|b| b.is_ascii_alphabetic())
                .count()
        }
    }
}

/// The masks of [`Blocks`] for the 64 bytes from `base` (fewer at the text's end), bit `k` for
/// byte `base + k`: where a number may start, and the ASCII letters. A whole block is classed
/// sixteen bytes at a time ([`vector_masks`]), a text's last, shorter one eight at a time
/// ([`lane_masks`]).
fn block_masks(bytes: &[u8], base: usize) -> (u64, u64) {
    let Classes {
        letter,
        alnum,
        word,
        other,
        initial,
    } = match bytes.get(base..base + 64) {
        Some(block) => vector_masks(block),
        None => lane_masks(bytes, base),
    };
    let word_before = base > 0 && crate::ascii::is_word_byte(bytes[base - 1]);
    // A word of letters can begin a number only with the first letter of a unit, a ten or an
    // article ([`INITIALS`]): the other words of letters, half of a news text's, are no places.
    let begins = (alnum & !letter) | initial;
    let starts = (alnum & !((word << 1) | u64::from(word_before)) & begins) | other;
    (starts, letter)
}

/// The first letters of the words that begin a number in words: the units ("zero" to
/// "nineteen"), the tens and the articles ("a", "an"). A test checks the list against the words.
const INITIALS: [u8; 8] = *b"aefnostz";

/// A block's bytes by class, a bit each ([`block_masks`]).
#[derive(Debug, Default, PartialEq, Eq)]
struct Classes {
    /// ASCII letters.
    letter: u64,
    /// ASCII letters and digits.
    alnum: u64,
    /// Those and `_`.
    word: u64,
    /// Points, and first bytes of characters beyond ASCII.
    other: u64,
    /// The letters of [`INITIALS`], in either case.
    initial: u64,
}

/// The [`Classes`] of the bytes from `base` to the block's end or the text's, eight at a time
/// as the lanes of a `u64` ([`crate::lanes`]).
fn lane_masks(bytes: &[u8], base: usize) -> Classes {
    use crate::lanes::{digits, equal, gather, leads, letters};
    let mut c = Classes::default();
    crate::lanes::each_lane(bytes, base, |x, bit| {
        let l = letters(x);
        let a = l | digits(x);
        let lower = x | 0x2020_2020_2020_2020;
        let i = INITIALS.iter().fold(0, |i, &b| i | equal(lower, b));
        c.letter |= gather(l) << bit;
        c.alnum |= gather(a) << bit;
        c.word |= gather(a | equal(x, b'_')) << bit;
        c.other |= gather(equal(x, b'.') | leads(x)) << bit;
        c.initial |= gather(i) << bit;
    });
    c
}

/// [`lane_masks`] for a whole block of 64 bytes, sixteen at a time in vector registers: a
/// compare gives each byte's class in all sixteen and one instruction gathers the sixteen bits,
/// where the lanes of a `u64` took about nine instructions a byte (2.3% of a 1 MB extraction's).
fn vector_masks(block: &[u8]) -> Classes {
    use wide::u8x16;
    // Whether each byte of `v` is at most `top` (unsigned).
    let at_most = |v: u8x16, top: u8| v.min(u8x16::splat(top)).simd_eq(v);
    let mut c = Classes::default();
    for (k, chunk) in block.chunks_exact(16).enumerate() {
        let x = u8x16::new(chunk.try_into().expect("sixteen bytes"));
        let lower = x | u8x16::splat(0x20);
        let l = at_most(lower - u8x16::splat(b'a'), b'z' - b'a');
        let a = l | at_most(x - u8x16::splat(b'0'), 9);
        let w = a | x.simd_eq(u8x16::splat(b'_'));
        // A point, or a byte of 0xC0 or more: the first of a character beyond ASCII.
        let o = x.simd_eq(u8x16::splat(b'.')) | x.max(u8x16::splat(0xC0)).simd_eq(x);
        let i = INITIALS
            .iter()
            .fold(u8x16::splat(0), |i, &b| i | lower.simd_eq(u8x16::splat(b)));
        let bit = 16 * k;
        c.letter |= u64::from(l.to_bitmask()) << bit;
        c.alnum |= u64::from(a.to_bitmask()) << bit;
        c.word |= u64::from(w.to_bitmask()) << bit;
        c.other |= u64::from(o.to_bitmask()) << bit;
        c.initial |= u64::from(i.to_bitmask()) << bit;
    }
    c
}

/// Whether a number may begin at byte `i`: not inside a word, not after a decimal point or a
/// thousands separator, and not in a name such as "F-16".
fn starts_word(text: &str, i: usize) -> bool {
    let mut before = text[..i].chars().rev();
    let Some(prev) = before.next() else {
        return true;
    };
    if prev.is_alphanumeric() || prev == '_' {
        return false;
    }
    match prev {
        '.' | ',' | ':' | '/' => !before.next().is_some_and(|c| c.is_ascii_digit()),
        '-' | '\u{2010}' | '\u{2011}' => {
            // Digits after "F-", "I7-" or "scp2-" belong to a name, but after "3-" or "3km-"
            // they end a range.
            let token = text[..i - prev.len_utf8()]
                .rsplit(|c: char| c.is_whitespace())
                .next()
                .unwrap_or_default()
                .trim_start_matches(|c: char| !c.is_alphanumeric());
            // "a magnitude-6.4 earthquake": the scale's name, then its reading.
            token.is_empty()
                || token.starts_with(|c: char| c.is_ascii_digit())
                || token.eq_ignore_ascii_case("magnitude")
        }
        _ => true,
    }
}

/// The offset of a minus sign standing directly before `start`, when it reads as a sign.
fn minus_before(text: &str, start: usize) -> Option<usize> {
    let mut before = text[..start].char_indices().rev();
    let (at, c) = before.next()?;
    if c != '-' && c != '\u{2212}' {
        return None;
    }
    match before.next() {
        None => Some(at),
        // After a number and a space, a dash joins a range ("75 -300mm"); it is no sign.
        Some((_, p)) if p.is_whitespace() => {
            let word_before = text[..at].trim_end().chars().next_back();
            (!word_before.is_some_and(|c| c.is_ascii_digit())).then_some(at)
        }
        Some((_, '(' | '[' | '$' | '€' | '£')) => Some(at),
        Some(_) => None,
    }
}

fn vulgar_value(c: char) -> Option<f64> {
    Some(match c {
        '½' => 1.0 / 2.0,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '¼' => 1.0 / 4.0,
        '¾' => 3.0 / 4.0,
        '⅕' => 1.0 / 5.0,
        '⅖' => 2.0 / 5.0,
        '⅗' => 3.0 / 5.0,
        '⅘' => 4.0 / 5.0,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅛' => 1.0 / 8.0,
        '⅜' => 3.0 / 8.0,
        '⅝' => 5.0 / 8.0,
        '⅞' => 7.0 / 8.0,
        _ => return None,
    })
}

fn scale_value(word: &str) -> Option<f64> {
    // Lowercased on the stack (no scale word is longer than "thousand"): this is asked at every
    // number followed by a word.
    let mut buf = [0u8; 8];
    Some(match crate::ascii::lowercase_on_stack(word, &mut buf)? {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "lakh" => 1e5,
        "million" | "mn" => 1e6,
        "crore" => 1e7,
        "billion" | "bn" => 1e9,
        "trillion" => 1e12,
        "dozen" => 12.0,
        _ => return None,
    })
}

/// `value`, written with `decimals` digits after its point, times a scale word's `factor`, as
/// the double nearest the decimal product: "$4.1bn" is 4,100,000,000, where `4.1 * 1e9` gives
/// 4,099,999,999.9999995. The digits are scaled to a whole number first (exact below 2^53), so
/// the one rounding left is the division's.
fn scaled(value: f64, decimals: usize, factor: f64) -> f64 {
    const EXACT: f64 = 9_007_199_254_740_992.0;
    let Some(&shift) = [1.0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6].get(decimals) else {
        return value * factor;
    };
    let whole = (value * shift).round();
    if decimals == 0 || (whole * factor).abs() >= EXACT || (whole / shift - value).abs() > 1e-9 {
        return value * factor;
    }
    whole * factor / shift
}

/// The value of `0` followed by `decimals` (a decimal point and its digits), read as
/// `format!("0{decimals}").parse()` reads it, without the allocation for a short one: this runs
/// at every number with a decimal point.
fn after_zero(decimals: &str) -> Option<f64> {
    let mut buf = [0u8; 32];
    match buf.get_mut(..decimals.len() + 1) {
        Some(out) => {
            out[0] = b'0';
            out[1..].copy_from_slice(decimals.as_bytes());
            std::str::from_utf8(out).ok()?.parse().ok()
        }
        None => format!("0{decimals}").parse().ok(),
    }
}

/// The groups of [`DIGITS`] at the start of a text, as byte ranges.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct DigitGroups {
    end: usize,
    whole: Option<(usize, usize)>,
    num: Option<(usize, usize)>,
    den: Option<(usize, usize)>,
    fnum: Option<(usize, usize)>,
    fden: Option<(usize, usize)>,
    int: Option<(usize, usize)>,
    dec: Option<(usize, usize)>,
    vulgar: Option<(usize, usize)>,
}

/// What [`DIGITS`] finds at the start of `rest`: read by hand, as it is asked at every number
/// of a text and a regex search with groups cost about 3,000 instructions each; the pattern
/// itself reads the rare text the hand reader leaves to it.
fn digit_groups(rest: &str) -> Option<DigitGroups> {
    let read = match read_digits(rest) {
        Some(read) => read,
        None => regex_digit_groups(rest)?,
    };
    if cfg!(debug_assertions) {
        assert_eq!(
            Some(read),
            regex_digit_groups(rest),
            "the hand reader of DIGITS differs from the pattern on {rest:?}"
        );
    }
    Some(read)
}

fn regex_digit_groups(rest: &str) -> Option<DigitGroups> {
    let caps = DIGITS.captures(rest)?;
    let span = |name: &str| caps.name(name).map(|m| (m.start(), m.end()));
    Some(DigitGroups {
        end: caps.get(0)?.end(),
        whole: span("whole"),
        num: span("num"),
        den: span("den"),
        fnum: span("fnum"),
        fden: span("fden"),
        int: span("int"),
        dec: span("dec"),
        vulgar: span("vulgar"),
    })
}

/// [`DIGITS`] read by hand, alternative by alternative in the pattern's order, each taken as
/// soon as it matches (all that follows each is optional). `None` when a character the pattern
/// would test as a digit is not ASCII: Unicode has other decimal digits, which the pattern
/// reads and this does not.
fn read_digits(rest: &str) -> Option<DigitGroups> {
    let b = rest.as_bytes();
    // The end of the run of ASCII digits from `i`, or `None` at a non-ASCII character.
    let run = |i: usize| -> Option<usize> {
        let mut j = i;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        (j == b.len() || b[j].is_ascii()).then_some(j)
    };
    // The byte length of `what` at `i`, when the text has it there.
    let has = |i: usize, what: &str| b[i.min(b.len())..].starts_with(what.as_bytes());
    let vulgar_at = |i: usize| -> Option<(usize, usize)> {
        // `i` follows ASCII (or starts the text), so it is a character boundary.
        let c = rest.get(i..)?.chars().next()?;
        vulgar_value(c).map(|_| (i, i + c.len_utf8()))
    };
    let vulgar = |i: usize| -> (usize, Option<(usize, usize)>) {
        match vulgar_at(i) {
            Some(v) => (v.1, Some(v)),
            None => (i, None),
        }
    };
    let lead = run(0)?;
    if lead > 0 {
        // A mixed fraction: digits, a space, a no-break space or a hyphen, digits/digits.
        let sep = [" ", "\u{a0}", "-"]
            .iter()
            .find(|s| has(lead, s))
            .map(|s| s.len());
        if let Some(sep) = sep {
            let num_end = run(lead + sep)?;
            if num_end > lead + sep && has(num_end, "/") {
                let den_end = run(num_end + 1)?;
                if den_end > num_end + 1 {
                    let (end, vulgar) = vulgar(den_end);
                    return Some(DigitGroups {
                        end,
                        whole: Some((0, lead)),
                        num: Some((lead + sep, num_end)),
                        den: Some((num_end + 1, den_end)),
                        vulgar,
                        ..DigitGroups::default()
                    });
                }
            }
        }
        // A fraction: digits/digits.
        if has(lead, "/") {
            let den_end = run(lead + 1)?;
            if den_end > lead + 1 {
                let (end, vulgar) = vulgar(den_end);
                return Some(DigitGroups {
                    end,
                    fnum: Some((0, lead)),
                    fden: Some((lead + 1, den_end)),
                    vulgar,
                    ..DigitGroups::default()
                });
            }
        }
    }
    // An integer part: thousands after commas, after spaces of four kinds, or plain digits.
    let grouped = |seps: &[&str]| -> Option<Option<usize>> {
        for first in (1..=lead.min(3)).rev() {
            let mut end = first;
            let mut groups = 0;
            while let Some(sep) = seps.iter().find(|s| has(end, s)).map(|s| s.len()) {
                let digits_end = (end + sep..end + sep + 3)
                    .take_while(|&k| k < b.len() && b[k].is_ascii_digit())
                    .count();
                if digits_end < 3 {
                    // The pattern tests the next character as a digit: it must be ASCII here.
                    if b.get(end + sep + digits_end).is_some_and(|c| !c.is_ascii()) {
                        return None;
                    }
                    break;
                }
                end += sep + 3;
                groups += 1;
            }
            if groups > 0 {
                return Some(Some(end));
            }
        }
        Some(None)
    };
    let int_end = if lead == 0 {
        None
    } else if let Some(end) = grouped(&[","])? {
        Some(end)
    } else if let Some(end) = grouped(&["\u{a0}", "\u{202f}", "\u{2009}", " "])? {
        Some(end)
    } else {
        Some(lead)
    };
    let int = int_end.map(|e| (0, e));
    let mut end = int_end.unwrap_or(0);
    let mut dec = None;
    if has(end, ".") {
        let dec_end = run(end + 1)?;
        if dec_end > end + 1 {
            dec = Some((end, dec_end));
            end = dec_end;
        }
    }
    let (end, vulgar) = vulgar(end);
    Some(DigitGroups {
        end,
        int,
        dec,
        vulgar,
        ..DigitGroups::default()
    })
}

fn digits_at(text: &str, start: usize) -> Option<Number> {
    let rest = &text[start..];
    let groups = digit_groups(rest)?;
    if groups.end == 0 {
        return None;
    }
    let group = |g: Option<(usize, usize)>| g.map(|(a, b)| &rest[a..b]);
    let float = |g: Option<(usize, usize)>| -> Option<f64> {
        group(g).and_then(|m| {
            // Most groups are plain digits, parsed without a copy.
            if m.bytes().all(|b| b.is_ascii_digit()) {
                return m.parse().ok();
            }
            m.replace([',', ' ', '\u{a0}', '\u{202f}', '\u{2009}'], "")
                .parse()
                .ok()
        })
    };
    let mut value = if let (Some(w), Some(n), Some(d)) =
        (float(groups.whole), float(groups.num), float(groups.den))
    {
        if d == 0.0 || n >= d {
            return None;
        }
        w + n / d
    } else if let (Some(n), Some(d)) = (float(groups.fnum), float(groups.fden)) {
        if d == 0.0 {
            return None;
        }
        n / d
    } else {
        let int = float(groups.int).unwrap_or(0.0);
        let dec = group(groups.dec).and_then(after_zero).unwrap_or(0.0);
        if groups.int.is_none() && groups.dec.is_none() && groups.vulgar.is_none() {
            return None;
        }
        int + dec
    };
    if let Some(v) = group(groups.vulgar)
        .and_then(|m| m.chars().next())
        .and_then(vulgar_value)
    {
        value += v;
    }
    let mut end = start + groups.end;
    // Thousands groups separated by spaces must end where the digits end ("1 0000" is not one).
    if text[end..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // A fraction glued to more slashes or digits is a date ("12/25/2023"), and digits with a
    // colon after them are a time ("2:00").
    let after = &text[end..];
    let fraction = groups.den.is_some() || groups.fden.is_some();
    if (fraction && after.starts_with('/'))
        || (after.starts_with(':') && after[1..].starts_with(|c: char| c.is_ascii_digit()))
    {
        return None;
    }
    let mut form = NumberForm::Digits;
    // Most numbers have no scale word after them: the pattern is asked only when the first
    // letter after the spaces could start one. No character folds onto these letters under
    // `(?i)` but their capitals, so the test is exact.
    let first = after.trim_start_matches([' ', '\u{a0}']).chars().next();
    let may = first.is_some_and(|c| "hHtTmMbBlLcCdD".contains(c));
    if let Some(len) = million_before_counted(after) {
        value = scaled(value, group(groups.dec).map_or(0, |d| d.len() - 1), 1e6);
        end += len;
        form = NumberForm::DigitsWithScale;
    } else if let Some((len, word)) = may.then(|| digit_scale(after)).flatten()
        && let Some(factor) = scale_value(word)
    {
        value = scaled(value, group(groups.dec).map_or(0, |d| d.len() - 1), factor);
        end += len;
        form = NumberForm::DigitsWithScale;
    }
    Some(Number {
        start,
        end,
        value,
        form,
    })
}

/// One number word and what it contributes.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Word {
    /// "zero" to "nineteen".
    Unit(f64),
    /// "twenty" to "ninety".
    Ten(f64),
    Hundred,
    /// "thousand", "million", ... and "dozen".
    Scale(f64),
    /// "a" or "an", which counts one before a scale ("a hundred") or a fraction ("a half").
    Article,
    /// "half", "third", "quarter"...: the denominator.
    Fraction(f64),
    And,
    Point,
}

/// The number words under twenty, by value.
pub(crate) const SMALL_NUMBER_WORDS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
/// The tens in words, from twenty.
pub(crate) const TENS_WORDS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Every number word by its lowercase spelling: a hash lookup, as this runs at every short word
/// of a text.
/// The number words by their bytes: a word lowercased on the stack is looked up without being
/// checked as UTF-8 again.
static WORDS: std::sync::LazyLock<rustc_hash::FxHashMap<&'static [u8], Word>> =
    std::sync::LazyLock::new(|| {
        let mut words = rustc_hash::FxHashMap::default();
        for (i, w) in SMALL_NUMBER_WORDS.iter().enumerate() {
            words.insert(*w, Word::Unit(i as f64));
        }
        for (i, w) in TENS_WORDS.iter().enumerate() {
            words.insert(*w, Word::Ten(20.0 + 10.0 * i as f64));
        }
        words.insert("hundred", Word::Hundred);
        for w in [
            "thousand", "million", "billion", "trillion", "lakh", "crore", "dozen",
        ] {
            if let Some(v) = scale_value(w) {
                words.insert(w, Word::Scale(v));
            }
        }
        let others: [(&[&'static str], Word); 11] = [
            (&["a", "an"], Word::Article),
            (&["half", "halves"], Word::Fraction(2.0)),
            (&["third", "thirds"], Word::Fraction(3.0)),
            (
                &["quarter", "quarters", "fourth", "fourths"],
                Word::Fraction(4.0),
            ),
            (&["fifth", "fifths"], Word::Fraction(5.0)),
            (&["sixth", "sixths"], Word::Fraction(6.0)),
            (&["seventh", "sevenths"], Word::Fraction(7.0)),
            (&["eighth", "eighths"], Word::Fraction(8.0)),
            (&["ninth", "ninths"], Word::Fraction(9.0)),
            (&["tenth", "tenths"], Word::Fraction(10.0)),
            (&["and"], Word::And),
        ];
        for (spellings, word) in others {
            for w in spellings {
                words.insert(*w, word);
            }
        }
        words.insert("point", Word::Point);
        words
            .into_iter()
            .map(|(w, kind)| (w.as_bytes(), kind))
            .collect()
    });

/// The length of the longest number word, "seventeen".
const MAX_WORD: usize = "seventeen".len();

/// The first letters, lengths and last letters of the number words: most words of a text
/// ("the", "of", "said") are no number word by this alone.
static WORD_SHAPES: std::sync::LazyLock<crate::ascii::Shapes> = std::sync::LazyLock::new(|| {
    crate::ascii::Shapes::of(
        WORDS
            .keys()
            .map(|w| std::str::from_utf8(w).expect("number words are ASCII")),
    )
});

/// The number word `w` (a run of ASCII letters) is, if it is one.
#[inline]
fn word_kind(w: &str) -> Option<Word> {
    word_kind_in(&WORD_SHAPES, w.as_bytes())
}

/// [`word_kind`] with the shapes already read (the number reader reads them once a text). The
/// test of the length and shape is inlined where the text's words are read: most words fail
/// it, and a call for each cost them some twenty instructions of its own; the words are runs
/// of ASCII letters, which the shapes need not test again.
#[inline]
fn word_kind_in(shapes: &crate::ascii::Shapes, w: &[u8]) -> Option<Word> {
    // No number word is longer than "seventeen": most words of a text stop here, unlowercased.
    if w.len() > MAX_WORD || !shapes.may_hold_letters(w) {
        return None;
    }
    number_word(w)
}

/// [`word_kind`] past the shape test: the word lowercased on the stack and looked up.
#[inline(never)]
fn number_word(w: &[u8]) -> Option<Word> {
    let mut buf = [0u8; 16];
    let lower = buf.get_mut(..w.len())?;
    lower.copy_from_slice(w);
    lower.make_ascii_lowercase();
    WORDS.get(&*lower).copied()
}

/// A number word at `pos` after the separator that joins it to the previous word, with the
/// separator's kind: a space, a hyphen, a comma or an ampersand.
fn next_word(text: &str, pos: usize) -> Option<(Word, usize, usize, char)> {
    let rest = &text[pos..];
    let (sep, skip) = if let Some(r) = rest.strip_prefix(", ") {
        (',', rest.len() - r.len())
    } else if let Some(r) = rest.strip_prefix(" & ") {
        ('&', rest.len() - r.len())
    } else if rest.starts_with('-') {
        ('-', 1)
    } else if rest.starts_with(' ') {
        (' ', 1)
    } else {
        return None;
    };
    let at = pos + skip;
    let len = word_len(&text.as_bytes()[at..])?;
    let kind = if sep == '&' {
        Word::And
    } else {
        word_kind(&text[at..at + len])?
    };
    // "&" stands for "and", so the word after it is read next.
    if sep == '&' {
        return Some((kind, at - 2, at - 1, sep));
    }
    Some((kind, at, at + len, sep))
}

/// Number words from `start`: "eight", "twenty-five", "a hundred and two", "three million, two
/// hundred & forty", "two and a half", "two thirds", "three point five".
fn words_at(text: &str, start: usize) -> Option<Number> {
    let len = word_len(&text.as_bytes()[start..])?;
    let first = word_kind(&text[start..start + len])?;
    let mut end = start + len;
    let mut total = 0.0;
    // The longest prefix read so far that is a complete number; an article alone is not one.
    let (mut group, mut best) = match first {
        Word::Unit(v) | Word::Ten(v) => (v, Some((end, v))),
        Word::Article => (1.0, None),
        _ => return None,
    };
    let mut prev = first;
    while let Some((kind, _, word_end, sep)) = next_word(text, end) {
        let before = total + group;
        let accepted = match (prev, kind, sep) {
            (Word::Ten(_), Word::Unit(v), ' ' | '-') if (1.0..10.0).contains(&v) => {
                group += v;
                true
            }
            (Word::Unit(_) | Word::Article, Word::Hundred, ' ') if group < 100.0 => {
                group *= 100.0;
                true
            }
            (Word::Unit(_) | Word::Ten(_) | Word::Hundred | Word::Article, Word::Scale(s), ' ')
                if total == 0.0 || s < smallest_scale(total) =>
            {
                total += group.max(1.0) * s;
                group = 0.0;
                true
            }
            (Word::Hundred | Word::Scale(_), Word::Unit(v) | Word::Ten(v), ' ') if v > 0.0 => {
                group += v;
                true
            }
            (Word::Scale(s), Word::Unit(v) | Word::Ten(v), ',') if v > 0.0 && s >= 1000.0 => {
                group += v;
                true
            }
            (Word::Hundred | Word::Scale(_), Word::And, _) => {
                // "and" joins only when a smaller number follows: "a hundred and two".
                match next_word(text, word_end) {
                    Some((k @ (Word::Unit(v) | Word::Ten(v)), _, e, ' ')) if v > 0.0 => {
                        group += v;
                        prev = k;
                        end = e;
                        best = Some((end, total + group));
                        continue;
                    }
                    Some((Word::Article, _, e, ' ')) => match next_word(text, e) {
                        Some((Word::Fraction(2.0), _, e2, ' ')) => {
                            best = Some((e2, before + 0.5));
                            break;
                        }
                        _ => false,
                    },
                    _ => false,
                }
            }
            (Word::Unit(_) | Word::Ten(_), Word::And, ' ') => {
                // "two and a half", and "one and a half million" with the scale after it.
                match next_word(text, word_end) {
                    Some((Word::Article, _, e, ' ')) => match next_word(text, e) {
                        Some((Word::Fraction(2.0), _, e2, ' ')) => {
                            best = match next_word(text, e2) {
                                Some((Word::Scale(s), _, e3, ' ')) if total == 0.0 => {
                                    Some((e3, (group + 0.5) * s))
                                }
                                _ => Some((e2, before + 0.5)),
                            };
                            break;
                        }
                        _ => false,
                    },
                    _ => false,
                }
            }
            (Word::Unit(_) | Word::Article, Word::Fraction(d), ' ' | '-')
                if total == 0.0 && group <= 10.0 =>
            {
                // "two thirds", "one-half", "a quarter"; a lone ordinal is not a fraction.
                best = Some((word_end, group / d));
                break;
            }
            (Word::Unit(_) | Word::Ten(_), Word::Point, ' ') => {
                let mut digits = String::new();
                let mut e = word_end;
                while let Some((Word::Unit(v), _, de, ' ')) = next_word(text, e) {
                    if v >= 10.0 {
                        break;
                    }
                    digits.push(char::from(b'0' + v as u8));
                    e = de;
                }
                if let Ok(frac) = format!("0.{digits}").parse::<f64>()
                    && !digits.is_empty()
                {
                    best = Some((e, before + frac));
                }
                break;
            }
            _ => false,
        };
        if !accepted {
            break;
        }
        prev = kind;
        end = word_end;
        if !matches!(kind, Word::And | Word::Article) {
            best = Some((end, total + group));
        }
    }
    // "half an hour", "half a percentage point": half of the one thing the article counts,
    // read as the number before its unit ("half a million" is read above, as a scale).
    if best.is_none()
        && first == Word::Article
        && let Some(half) = half_before(text, start)
        // "cut in half a week later": "half" ends its own phrase ("rose by half a percentage
        // point" is half a point).
        && !matches!(text[..half].trim_end().rsplit(' ').next(), Some("in" | "In"))
    {
        return Some(Number {
            start: half,
            end: start + len,
            value: 0.5,
            form: NumberForm::Words,
        });
    }
    let (end, mut value) = best?;
    let mut start = start;
    // "half a million", "half a dozen": the article's scale halved, from "half" on.
    if first == Word::Article
        && value >= 12.0
        && let Some(half) = half_before(text, start)
    {
        start = half;
        value /= 2.0;
    }
    Some(Number {
        start,
        end,
        value,
        form: NumberForm::Words,
    })
}

/// Where "half" and one space before `at` begin ("half" of "half a million").
fn half_before(text: &str, at: usize) -> Option<usize> {
    let before = text.get(..at)?.strip_suffix(' ')?;
    let start = before.len().checked_sub(4)?;
    let word = before.get(start..)?;
    let alone = start == 0 || !before.as_bytes()[start - 1].is_ascii_alphanumeric();
    (word.eq_ignore_ascii_case("half") && alone).then_some(start)
}

/// The smallest scale already used in `total`, so that "three million two thousand" reads on
/// while "thousand million" does not.
fn smallest_scale(total: f64) -> f64 {
    let mut scale = 1e12;
    while scale >= 1e3 {
        if (total / scale).fract().abs() > 1e-9 {
            scale /= 1000.0;
        } else {
            return scale;
        }
    }
    1e3
}

/// The number reader's pattern, for the table of prebuilt automata (`tier/automata.rs`).
#[cfg(test)]
pub(crate) fn tiered_patterns() -> Vec<&'static Tiered> {
    vec![&DIGITS]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`INITIALS`] are the first letters of the words that can begin a number in words.
    #[test]
    fn initials_are_those_of_the_number_words() {
        let mut firsts: Vec<u8> = WORDS
            .iter()
            .filter(|(_, w)| matches!(w, Word::Unit(_) | Word::Ten(_) | Word::Article))
            .map(|(w, _)| w[0])
            .collect();
        firsts.sort_unstable();
        firsts.dedup();
        assert_eq!(firsts, INITIALS);
    }

    /// The vector classes of a whole block are the lanes' classes: every byte value at every
    /// place of a block, among generated bytes.
    #[test]
    fn vector_masks_are_the_lanes_masks() {
        let mut picks = crate::testing::Picks::new(0x2545_f491_4f6c_dd1d);
        for round in 0..64 * 256 {
            let mut block: Vec<u8> = (0..64).map(|_| picks.below(256) as u8).collect();
            // Every byte value at every place, over the rounds.
            block[round % 64] = u8::try_from(round / 64).expect("a byte");
            assert_eq!(vector_masks(&block), lane_masks(&block, 0), "{block:?}");
        }
    }

    /// The byte loop [`numbers`] replaced: every byte looked at in turn, each place it stops at
    /// read as [`numbers`] reads it.
    fn numbers_by_bytes(text: &str) -> Vec<Number> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < text.len() {
            let b = bytes[i];
            if b.is_ascii_alphanumeric() {
                if i > 0 && crate::ascii::is_word_byte(bytes[i - 1]) {
                    i += 1;
                    while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                        i += 1;
                    }
                    continue;
                }
                if b.is_ascii_alphabetic() {
                    let len = word_len(&bytes[i..]).unwrap_or(1);
                    if !matches!(
                        word_kind(&text[i..i + len]),
                        Some(Word::Unit(_) | Word::Ten(_) | Word::Article)
                    ) {
                        i += len;
                        continue;
                    }
                }
            } else if b.is_ascii() && b != b'.' {
                i += 1;
                continue;
            }
            i = number_or_step(text, i, &mut out);
        }
        out
    }

    /// The block reader finds the numbers the byte loop found, on generated texts long enough
    /// to cross blocks (words of letters among them), with words, digits, points, underscores
    /// and characters beyond ASCII at every place in a block, and on the bench articles.
    #[test]
    fn numbers_are_found_as_the_byte_loop_found_them() {
        let pieces = [
            "one",
            "Twenty",
            "a",
            "an",
            "A",
            "hundred",
            "and",
            "five",
            "x",
            "the",
            "7",
            "42",
            "1,500",
            "3.5",
            ".5",
            "2 1/2",
            "F-16",
            "-3",
            "\u{2212}4",
            "\u{bd}",
            "\u{e9}",
            "_",
            "_9",
            "a9",
            "9a",
            "\u{a0}",
            "\u{2009}",
            " ",
            " ",
            " ",
            "-",
            ".",
            ",",
            "/",
            "(",
            "$",
            "\u{4e09}",
            "\u{1d7d9}",
            "thirty-two",
            "million",
            "\n",
            "extraordinarilylongwordsrunningonandonacrosstheedgeofablockofsixtyfourbytes",
        ];
        let mut picks = crate::testing::Picks::new(0x3c6e_f372_fe94_f82b);
        let mut found = 0;
        for i in 0..6_000 {
            let text = picks.text(&pieces, if i % 4 == 0 { 120 } else { 30 });
            let expected = numbers_by_bytes(&text);
            assert_eq!(numbers(&text), expected, "{text:?}");
            found += expected.len();
        }
        assert!(found > 30_000, "{found} numbers");
        let articles =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../bench/articles");
        let mut read = 0;
        for entry in std::fs::read_dir(&articles).expect("the bench articles") {
            let text = std::fs::read_to_string(entry.expect("an entry").path()).expect("text");
            assert_eq!(numbers(&text), numbers_by_bytes(&text));
            read += 1;
        }
        assert!(read > 0, "no article in {}", articles.display());
    }

    #[test]
    fn scales_are_what_the_scale_pattern_finds() {
        let pattern = regex::Regex::new(
            r"(?i)^[ \u{a0}]*(?P<scale>hundred|thousand|million|billion|trillion|lakh|crore|bn|mn|dozen)\b",
        )
        .expect("a valid pattern");
        let words = [
            "hundred",
            "Thousand",
            "MILLION",
            "billion",
            "trillion",
            "lakh",
            "crore",
            "bn",
            "Mn",
            "dozen",
            "billions",
            "thou\u{17f}and",
            "la\u{212a}h",
            "m\u{130}llion",
            "m\u{131}llion",
        ];
        let pieces = [
            " ", "\u{a0}", "s", "1", "_", "-", ".", "\u{e9}", "\u{300}", "b", "n", "x",
        ];
        let mut picks = crate::testing::Picks::new(0xbb67_ae85_84ca_a73b);
        let mut next = |n: usize| picks.below(n);
        for _ in 0..40_000 {
            let mut text: String = (0..next(3)).map(|_| pieces[next(2)]).collect();
            if next(4) > 0 {
                text.push_str(words[next(words.len())]);
            }
            (0..next(3)).for_each(|_| text.push_str(pieces[next(pieces.len())]));
            let expected = pattern
                .captures(&text)
                .map(|c| (c[0].len(), &text[c.name("scale").expect("scale").range()]));
            assert_eq!(digit_scale(&text), expected, "{text:?}");
        }
    }

    /// The table of first letters and lengths turns away no number word, in any case.
    #[test]
    fn every_number_word_passes_the_shape_table() {
        for (w, kind) in WORDS.iter() {
            let w = std::str::from_utf8(w).expect("number words are ASCII");
            for word in [
                w.to_string(),
                w.to_ascii_uppercase(),
                format!("{}{}", &w[..1].to_ascii_uppercase(), &w[1..]),
            ] {
                assert_eq!(word_kind(&word), Some(*kind), "{word:?}");
            }
        }
        assert_eq!(word_kind("the"), None);
    }

    /// `digits_at` asks for a scale word only after one of these letters: no other character
    /// may match the first letter of a scale word under `(?i)`.
    #[test]
    fn only_these_letters_start_a_scale_word() {
        let first = regex::Regex::new(r"(?i)^[htmblcd]").expect("a valid pattern");
        let others: Vec<char> = (0..=0x10ffff)
            .filter_map(char::from_u32)
            .filter(|&c| first.is_match(c.encode_utf8(&mut [0; 4])))
            .filter(|&c| !"hHtTmMbBlLcCdD".contains(c))
            .collect();
        assert_eq!(others, Vec::<char>::new());
    }

    #[test]
    fn the_hand_reader_of_digits_agrees_with_the_pattern() {
        let ascii = [
            "1,234",
            "1,2345",
            "1234,567",
            "12,345,678.9",
            "12 345",
            "1 0000",
            "2 1/2",
            "2-1/2",
            "3/4",
            "5/",
            "5 1/",
            "3.14",
            "7.",
            ".5",
            "1.2.3",
            "12/25/2023",
            "1,23",
            "0,000",
            "1 000 000 km",
            "100,000,0",
            "42",
            "007",
            "9-",
            "1/0",
            "3/4/",
            "x",
            "",
        ];
        for text in ascii {
            // The pattern's own answer is asserted against in `digit_groups` (debug build).
            assert!(
                read_digits(text).is_some(),
                "{text:?} is left to the pattern"
            );
            assert_eq!(digit_groups(text), regex_digit_groups(text), "{text:?}");
        }
        let unicode = [
            "5\u{bd} cups",
            "\u{bd}",
            "12\u{a0}345",
            "3\u{2009}000",
            "1\u{202f}000\u{202f}000",
            "2\u{a0}1/2",
            "\u{661}\u{662}\u{663}",
            "1,\u{663}45",
            "4\u{2013}5",
            "3.\u{663}",
            "5\u{bd}\u{2014}",
            "1 23\u{663}",
            "12/\u{663}",
        ];
        for text in unicode {
            assert_eq!(digit_groups(text), regex_digit_groups(text), "{text:?}");
        }
    }

    fn check(input: &str, expected: Option<f64>) {
        let got = parse_number(input);
        match (got, expected) {
            (Some(g), Some(e)) => assert!((g - e).abs() < 1e-9, "{input:?}: got {g}, expected {e}"),
            _ => assert_eq!(got, expected, "{input:?}"),
        }
    }

    #[test]
    fn parses_numbers() {
        for (input, expected) in [
            ("42", Some(42.0)),
            ("1,500,000", Some(1_500_000.0)),
            ("2,204.62", Some(2204.62)),
            ("3.0", Some(3.0)),
            (".5", Some(0.5)),
            ("10 000", Some(10_000.0)),
            ("2 1/2", Some(2.5)),
            ("1/4", Some(0.25)),
            ("½", Some(0.5)),
            ("2½", Some(2.5)),
            ("1/0", None),
            ("eight", Some(8.0)),
            ("twenty-five", Some(25.0)),
            ("twenty five", Some(25.0)),
            ("a hundred", Some(100.0)),
            ("a hundred and two", Some(102.0)),
            ("one hundred and two", Some(102.0)),
            ("ten thousand", Some(10_000.0)),
            ("1.5 million", Some(1_500_000.0)),
            ("2.4 billion", Some(2.4e9)),
            ("25 lakh", Some(2_500_000.0)),
            ("$3bn", None),
            ("three million, two hundred & forty", Some(3_000_240.0)),
            ("two and a half", Some(2.5)),
            ("one and a half million", Some(1_500_000.0)),
            ("two and a half billion", Some(2.5e9)),
            ("two thirds", Some(2.0 / 3.0)),
            ("one-half", Some(0.5)),
            ("three point five", Some(3.5)),
            ("nineteen hundred", Some(1900.0)),
            ("a dozen", Some(12.0)),
            ("seven", Some(7.0)),
            ("hello", None),
        ] {
            check(input, expected);
        }
    }

    /// A decimal before a scale word gives the double nearest the product, as the report prints
    /// it: not 4,099,999,999.9999995 for "4.1bn".
    #[test]
    fn scaled_decimals_are_the_nearest_double() {
        for (input, expected) in [
            ("4.1bn", 4_100_000_000.0),
            ("4.1 billion", 4_100_000_000.0),
            ("0.3 million", 300_000.0),
            ("1.15 trillion", 1_150_000_000_000.0),
            ("2.675 million", 2_675_000.0),
            ("7.7 thousand", 7_700.0),
            ("3 million", 3_000_000.0),
        ] {
            assert_eq!(parse_number(input), Some(expected), "{input:?}");
        }
        assert_eq!(scaled(4.1, 1, 1e9), 4_100_000_000.0);
        // Past the digits a double holds exactly, the plain product.
        assert_eq!(scaled(1.5, 1, 1e20), 1.5 * 1e20);
    }

    /// An "m" glued to a number is "million" before things counted, else the metre's.
    #[test]
    fn a_glued_m_is_million_before_things_counted() {
        assert_eq!(million_before_counted("m litres a day"), Some(1));
        assert_eq!(million_before_counted("m people"), Some(1));
        assert_eq!(million_before_counted("m final"), None);
        assert_eq!(million_before_counted("m. people"), None);
        assert_eq!(million_before_counted(" m people"), None);
    }

    /// The numbers found in `text`, as written and as read.
    fn found(text: &str) -> Vec<(&str, f64)> {
        numbers(text)
            .iter()
            .map(|n| (&text[n.start..n.end], n.value))
            .collect()
    }

    #[test]
    fn half_a_scale_is_half_of_it() {
        let text = "Half a million marched, about half a billion was spent, behalf a thousand.";
        assert_eq!(
            found(text),
            vec![
                ("Half a million", 500_000.0),
                ("half a billion", 5e8),
                ("a thousand", 1000.0)
            ]
        );
        // Half of the one thing an article counts is a half, read before its unit.
        let text = "Half a dozen came for half an hour and half a percentage point.";
        assert_eq!(
            found(text),
            vec![("Half a dozen", 6.0), ("half an", 0.5), ("half a", 0.5)]
        );
    }

    #[test]
    fn finds_numbers_in_text() {
        let text = "Some 1,200 people, three missiles, F-16 jets, COVID-19 and -10C at 2:00.";
        assert_eq!(
            found(text),
            vec![("1,200", 1200.0), ("three", 3.0), ("-10", -10.0)],
            "{text}"
        );
    }

    #[test]
    fn stops_where_the_number_stops() {
        let text = "between three and five miles, and six-mile trips";
        let found: Vec<&str> = numbers(text)
            .iter()
            .map(|n| &text[n.start..n.end])
            .collect();
        assert_eq!(found, vec!["three", "five", "six"]);
    }
}
