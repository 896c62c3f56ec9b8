//! Patterns that start in a cheap engine and move to the fast one once that has paid off.
//!
//! Compiling the `regex` crate's patterns was 80% of checking a one-paragraph article in a fresh
//! process (about 2 M instructions for a date pattern), paid again at every run. `regex-lite`
//! compiles the same pattern about nine times more cheaply but searches 30 to 100 times more
//! slowly, so a [`Tiered`] pattern searches with its `regex-lite` form until that has cost
//! [`LITE_SPEND`] times what compiling the lite form cost (a quarter of what compiling the
//! `regex` form would), and then compiles its `regex` form and keeps it: a short article never
//! pays for the fast engine, a long text or a batch pays for it once, as before, plus a little
//! (the rule for renting skis until they would have been paid for). Where one search would
//! overrun that budget by itself (a haystack over [`LITE_LONGEST`]), or where the document is
//! long enough that every pattern will ([`LITE_DOCUMENT`], told by [`reading`]), the `regex`
//! form is compiled at once.
//!
//! Most patterns no longer compile their `regex` form: their NFAs are carried in the binary
//! ([`automata`]) and the same engines are started from them ([`engine`]), for about a quarter
//! of what compiling cost. Such a pattern uses the lite form only while its process has been
//! given at most [`LITE_GIVEN_PREBUILT`] bytes of text, and otherwise goes to its `regex` form
//! at once; the
//! patterns left out of the table (those whose automata would be largest, and the tests')
//! follow the rule above.
//!
//! Both forms must find the same matches with the same groups. `regex-lite` matches codepoint by
//! codepoint like `regex`, but its `\d`, `\w`, `\s`, `\b` and case folding are ASCII's, so the
//! two read an ASCII haystack the same way, and [`lite_form`] has one rewrite for ASCII haystacks
//! (the `u` flag dropped) and, where it can, one for any haystack: a Unicode `\s` spelled out as
//! the White_Space class it stands for, and none for a Unicode `\w`, `\d`, `\b` or case folding.
//! `\p{..}` and class set operations are not rewritten. In a debug build (every test) each lite
//! search is also run in the `regex` form and the two are compared.

use claimcheck_core::{READ_AHEAD, prefetch};

use crate::ascii::Form;
use std::cell::{Cell, RefCell};
use std::ops::Index;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{LazyLock, OnceLock};
use std::time::Instant;

use regex_automata::util::captures as meta_captures;
use regex_automata::util::iter::Searcher;
use regex_automata::util::syntax;
use regex_automata::{Input, MatchKind, PatternID, meta};

mod automata;
mod engine;
mod prebuilt;
mod trigger_table;
mod words;

use engine::Engine;

/// How many times what compiling its lite form cost a pattern may spend searching with it before
/// its `regex` form is compiled. Compiling that costs about eight times as much (1.87 M against
/// 0.21 M instructions for the month-day date pattern), which was this value at first; 2 costs
/// a one-paragraph check nothing (its patterns stay well within it) and took 4% off extracting
/// 1 MB and 8% off 100 KB, where the lite searches had cost more than the compiles they put off.
/// Costs are measured in time, as the lite engine's cost per byte varies a hundredfold between
/// patterns; which engine reads a text changes nothing but the time.
const LITE_SPEND: u64 = 2;

/// The longest haystack the lite form reads: a longer one pays for the `regex` form at once.
/// One lite search costs 45 to 440 ns a byte, against 6 to 740 µs for compiling that lite form,
/// so a single search of a whole 10 KB article overran the budget of [`LITE_SPEND`] 6 to 34
/// times; extracting from a 10 KB text took 331 M instructions, more than from 100 KB. Reading
/// the bench text's first 1, 2, 3, 5 and 10 KB, both engines cost about the same at 1 to 1.5 KB
/// (36 M against 41 M instructions at 1 KB, 73 M against 60 M at 2 KB).
const LITE_LONGEST: usize = 1536;

/// The longest document ([`reading`]) whose patterns start in the lite form: in a longer one
/// each pattern is asked often enough to spend its budget, so the lite form's compiling and
/// searching would only come on top of the `regex` form's. From the bench text's first 20 KB
/// and 40 KB, the two cost the same at about 30 KB; at 100 KB, starting in the `regex` form
/// took 182 M instructions to 173 M.
const LITE_DOCUMENT: usize = 32 * 1024;

/// The most text a process may have been given ([`given`]) for its patterns with prebuilt
/// automata ([`automata`]) to start in the lite form: starting the `regex` form from the table
/// costs about what compiling the lite form and a few lite searches do, so only a process that
/// reads a very short text saves by the lite form, and a batch, which needs the `regex` forms
/// anyway, would only pay for both. Counted in instructions (bench text, fresh process): a
/// one-paragraph check 15.5 M with the lite forms against 17.0 M without, 1 KB 12.0 M against
/// 12.2 M, 2 KB 16.8 M against 16.2 M, 3 KB 20.5 M against 19.1 M, 10 KB 32.6 M against 30.1 M;
/// 1,000 articles of 1 KB, each given the lite forms, 870.7 M against 841.9 M.
const LITE_GIVEN_PREBUILT: usize = 1536;

/// The bytes of text the extraction entry points have been given in this process (see
/// [`LITE_GIVEN_PREBUILT`]).
static GIVEN: AtomicUsize = AtomicUsize::new(0);

/// Counts `bytes` of text given to the extraction (once a text, however many steps read it).
pub(crate) fn given(bytes: usize) {
    GIVEN.fetch_add(bytes, Ordering::Relaxed);
}

/// Whether a pattern with prebuilt automata goes to its `regex` form at once: past the first
/// [`LITE_GIVEN_PREBUILT`] bytes a process is given.
fn past_lite_for_prebuilt() -> bool {
    GIVEN.load(Ordering::Relaxed) > LITE_GIVEN_PREBUILT
}

/// The longest haystack below which a pattern's `regex` form is built without a literal
/// prefilter: a prefilter pays for its building only over long spans.
const PREFILTER_FROM: usize = 4 * 1024;

/// The most bytes of stretches a gated search reads, past which a pattern's `regex` form (when
/// that search compiles it) is built with a literal prefilter after all: over megabytes of
/// stretches the prefilter skips to its literals faster than the lazy DFA reads every byte.
/// Measured over the bench text's 10 MB, the gated searches took 52-55 ms with prefilters and
/// 62-65 ms without; with this bound, CPU at 4 and 10 MB fell by 3.6% (best of 11 runs), and
/// 1 MB was unchanged. From 16 KB and 64 KB, 1 and 4 MB took more instructions (the prefilters'
/// building and their restarts at each stretch) for no gain in time.
const STRETCHES_PREFILTER_FROM: usize = 256 * 1024;

/// The most memory each `regex` form's lazy DFAs keep for their states, per thread.
const HYBRID_CACHE_CAPACITY: usize = 2 * (1 << 20);

/// The shortest haystack a gated search cuts into stretches (see
/// [`Tiered::captures_iter_gated`]); a shorter one is read whole. Below it the automaton that
/// finds the trigger words costs more than it saves (2.3 M instructions to build: a 120-byte
/// text took 4.9 M instructions read whole and 7.2 M in stretches, a 385-byte one 15.6 M and
/// 15.1 M). Past it stretches pay at every size measured: from 16 KB down to 256 bytes, 10 KB
/// went from 85 M to 67 M instructions, 3 KB from 58 M to 47 M, 1 KB from 36 M to 27 M.
const GATE_FROM: usize = 256;

/// The most bytes of stretches a gated search reads with the lite form: the lite engine spends
/// one to three thousand instructions a byte on a date pattern, and compiling a date pattern's
/// `regex` form without a prefilter about 1 M, what 1 KB of lite searching costs. A gated
/// search is one call for the whole text, so the budget of [`LITE_SPEND`] could not stop it
/// half way. From 2 KB to 1 KB: the
/// bench text's first 10, 30 and 100 KB went from 52.5, 76.8 and 135.6 M instructions to 51.9,
/// 75.2 and 133.3 M (512 bytes: 50.5, 76.9 and 134.9 M), CPU time within the noise.
const LITE_STRETCHES: usize = 1024;

/// How far apart two stretches of a gated search may be and still be searched as one (see
/// [`Tiered::captures_iter_gated`]).
const MERGE_GAP: usize = 128;

/// In a debug build, the bytes a pattern's lite form reads (each also read by the `regex` form
/// and compared): far more than in a release build, so that the tests compare the two forms on
/// most of what they read, but bounded, as a pattern run on each suffix of a long text would make
/// the lite form's reading quadratic.
const DEBUG_LITE_BYTES: u64 = 1 << 20;

/// The White_Space characters the `regex` crate's Unicode `\s` matches, as class items that
/// also read right under the `x` flag (no literal space).
const WHITE_SPACE: &str =
    r"\t-\r\x20\x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}";

/// Where a [`Tiered`] pattern's text comes from.
enum Source {
    Plain(fn() -> String),
    /// One form of a pattern written for ASCII and Unicode haystacks (see `Twin`).
    Form(fn(Form) -> String, Form),
}

/// A pattern compiled on first use, in `regex-lite` and later in `regex` (see the module).
pub(crate) struct Tiered {
    source: Source,
    /// The lite form for ASCII haystacks, and the one for any haystack (`None` when there is
    /// none).
    lite_ascii: OnceLock<Option<regex_lite::Regex>>,
    lite_any: OnceLock<Option<regex_lite::Regex>>,
    /// The `regex` form: as the `regex` crate builds it, used through `regex-automata`'s meta
    /// regex so that each thread keeps its own search state (see [`STATE`]), or the same
    /// engines started from the automata carried in the binary (see [`Tiered::full`]).
    full: OnceLock<Engine>,
    /// The group names by index, the same in both forms.
    names: OnceLock<Box<[Option<Box<str>>]>>,
    /// This pattern's place in each thread's [`STATE`].
    slot: OnceLock<usize>,
    /// The pattern's entry in the table of prebuilt automata, if it has one.
    prebuilt: OnceLock<Option<&'static automata::Entry>>,
    /// The ASCII bytes no match can hold (see [`Tiered::captures_iter_gated`]).
    stops: OnceLock<[bool; 128]>,
    /// The parsed pattern read for [`Tiered::stops`], kept until the `regex` form is built from
    /// it rather than from the pattern parsed again.
    parsed: std::sync::Mutex<Option<regex_syntax::ast::Ast>>,
    /// Whether a thread is compiling the `regex` form.
    compiling: AtomicBool,
    /// Whether the pattern is searched in stretches ([`Tiered::captures_iter_gated`]): spans
    /// too short for a literal prefilter to pay for building it, unless there are megabytes
    /// of them ([`STRETCHES_PREFILTER_FROM`]).
    gated: AtomicBool,
    /// The longest haystack searched whole so far: a pattern asked only about short windows
    /// gets no literal prefilter either.
    longest: AtomicUsize,
    /// The most bytes of stretches one gated search has read with the `regex` form (see
    /// [`STRETCHES_PREFILTER_FROM`]).
    stretched: AtomicUsize,
    /// What compiling the lite forms cost, in nanoseconds.
    lite_cost: AtomicU64,
    /// What searching with the lite forms has cost so far: nanoseconds, or in a debug build
    /// bytes of haystack.
    spent: AtomicU64,
}

/// What a search reports: every match or the first, with its groups or only its whole span.
#[derive(Clone, Copy)]
struct Want {
    first_only: bool,
    groups: bool,
}

impl Want {
    const ALL_GROUPS: Want = Want {
        first_only: false,
        groups: true,
    };
    const FIRST_GROUPS: Want = Want {
        first_only: true,
        groups: true,
    };
    const ALL_WHOLE: Want = Want {
        first_only: false,
        groups: false,
    };
    const FIRST_WHOLE: Want = Want {
        first_only: true,
        groups: false,
    };
}

/// The nanoseconds since `start`.
fn nanos(start: Instant) -> u64 {
    u64::try_from(start.elapsed().as_nanos()).unwrap_or(u64::MAX)
}

/// Whether any flag group of `pattern` turns on case folding ("(?i)", "(?ix:", ...): then every
/// ASCII letter is read as both its cases.
fn folds_case(pattern: &str) -> bool {
    pattern.split("(?").skip(1).any(|rest| {
        // Flags are letters and '-' up to ':' or ')'; a name ("(?P<side>") is no flag group.
        let flags = rest
            .find(|c: char| !(c.is_ascii_alphabetic() || c == '-'))
            .filter(|&end| rest[end..].starts_with([':', ')']))
            .map_or("", |end| &rest[..end]);
        flags.split('-').next().is_some_and(|on| on.contains('i'))
    })
}

/// Marks every ASCII byte that `ast` can match, and perhaps more (never fewer): a negated or
/// Unicode class, a dot or an ASCII class marks everything.
fn mark_held(ast: &regex_syntax::ast::Ast, fold: bool, held: &mut [bool; 128]) {
    use regex_syntax::ast::Ast;
    match ast {
        Ast::Empty(_) | Ast::Flags(_) | Ast::Assertion(_) => {}
        Ast::Literal(lit) => mark_char(lit.c, fold, held),
        Ast::Dot(_) | Ast::ClassUnicode(_) => held.fill(true),
        Ast::ClassPerl(perl) => mark_perl(perl, held),
        Ast::ClassBracketed(class) => mark_bracketed(class, fold, held),
        Ast::Repetition(rep) => mark_held(&rep.ast, fold, held),
        Ast::Group(group) => mark_held(&group.ast, fold, held),
        Ast::Alternation(alt) => alt.asts.iter().for_each(|a| mark_held(a, fold, held)),
        Ast::Concat(cat) => cat.asts.iter().for_each(|a| mark_held(a, fold, held)),
    }
}

/// Marks `c` if it is ASCII, with its other case when folding.
fn mark_char(c: char, fold: bool, held: &mut [bool; 128]) {
    if c.is_ascii() {
        held[c as usize] = true;
        if fold {
            held[c.to_ascii_lowercase() as usize] = true;
            held[c.to_ascii_uppercase() as usize] = true;
        }
    }
}

/// Marks what `\d`, `\s` or `\w` holds in ASCII (as their Unicode forms do there); a
/// negated one marks everything.
fn mark_perl(perl: &regex_syntax::ast::ClassPerl, held: &mut [bool; 128]) {
    if perl.negated {
        held.fill(true);
        return;
    }
    mark_perl_kind(&perl.kind, held);
}

fn mark_perl_kind(kind: &regex_syntax::ast::ClassPerlKind, held: &mut [bool; 128]) {
    use regex_syntax::ast::ClassPerlKind;
    for b in 0u8..128 {
        let c = char::from(b);
        held[usize::from(b)] |= match kind {
            ClassPerlKind::Digit => c.is_ascii_digit(),
            ClassPerlKind::Space => matches!(b, b'\t'..=b'\r' | b' '),
            ClassPerlKind::Word => c.is_ascii_alphanumeric() || c == '_',
        };
    }
}

fn mark_bracketed(class: &regex_syntax::ast::ClassBracketed, fold: bool, held: &mut [bool; 128]) {
    use regex_syntax::ast::ClassSet;
    if class.negated {
        held.fill(true);
        return;
    }
    match &class.kind {
        ClassSet::Item(item) => mark_item(item, fold, held),
        // An intersection or a difference holds no byte its sides do not.
        ClassSet::BinaryOp(op) => {
            for side in [&op.lhs, &op.rhs] {
                mark_bracketed(
                    &regex_syntax::ast::ClassBracketed {
                        span: class.span,
                        negated: false,
                        kind: (**side).clone(),
                    },
                    fold,
                    held,
                );
            }
        }
    }
}

fn mark_item(item: &regex_syntax::ast::ClassSetItem, fold: bool, held: &mut [bool; 128]) {
    use regex_syntax::ast::ClassSetItem;
    match item {
        ClassSetItem::Empty(_) => {}
        ClassSetItem::Literal(lit) => mark_char(lit.c, fold, held),
        ClassSetItem::Range(range) => {
            for c in range.start.c..=range.end.c.min('\x7f') {
                mark_char(c, fold, held);
            }
        }
        ClassSetItem::Ascii(_) | ClassSetItem::Unicode(_) => held.fill(true),
        ClassSetItem::Perl(perl) => mark_perl(perl, held),
        ClassSetItem::Bracketed(class) => mark_bracketed(class, fold, held),
        ClassSetItem::Union(union) => union.items.iter().for_each(|i| mark_item(i, fold, held)),
    }
}

/// [`mark_held`] read from the pattern's text rather than from its syntax tree: the same bytes
/// for a pattern written plainly, `None` for one this reader leaves to the parser (the `x` flag,
/// a nested class or a class operation, an escape it does not know). Parsing each gated pattern
/// for its stop bytes took 2.8 M of the 24.1 M instructions of extracting from 1 KB of the bench
/// text, for patterns most of which a short text never compiles in the `regex` form.
fn scan_held(pattern: &str, fold: bool) -> Option<[bool; 128]> {
    let mut held = [false; 128];
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match scan_escape(&mut chars)? {
                Escaped::Char(c) => mark_char(c, fold, &mut held),
                Escaped::Class(class) => mark_class(class, &mut held),
                Escaped::Assertion => {}
            },
            '[' => {
                if !scan_class(&mut chars, fold, &mut held)? {
                    // A negated class: every byte is held, whatever follows.
                    return Some([true; 128]);
                }
            }
            '(' if chars.peek() == Some(&'?') => {
                chars.next();
                if matches!(chars.peek(), Some('P' | '<')) {
                    // A group's name, no literal.
                    chars.find(|&c| c == '>')?;
                } else {
                    // Flags up to ':' or ')'; under `x` white space and '#' stop being literals.
                    for c in chars.by_ref() {
                        match c {
                            ':' | ')' => break,
                            'x' => return None,
                            _ => {}
                        }
                    }
                }
            }
            '(' | ')' | '|' | '*' | '+' | '?' | '^' | '$' => {}
            // A repetition's counts.
            '{' => {
                chars.find(|&c| c == '}')?;
            }
            '.' => return Some([true; 128]),
            c => mark_char(c, fold, &mut held),
        }
    }
    Some(held)
}

/// [`scan_held`] and [`mark_held`] of `pattern`.
#[cfg(test)]
fn held_readings(pattern: &str) -> (Option<[bool; 128]>, [bool; 128]) {
    let fold = folds_case(pattern);
    let ast = regex_syntax::ast::parse::Parser::new()
        .parse(pattern)
        .unwrap_or_else(|e| panic!("invalid pattern {pattern}: {e}"));
    let mut held = [false; 128];
    mark_held(&ast, fold, &mut held);
    (scan_held(pattern, fold), held)
}

/// What an escape stands for, as [`scan_held`] reads it.
enum Escaped {
    Char(char),
    /// `\d`, `\s`, `\w`, or one that holds everything (a negated or Unicode class).
    Class(Option<regex_syntax::ast::ClassPerlKind>),
    Assertion,
}

/// Reads the escape after a backslash (`None` for one [`scan_held`] leaves to the parser).
fn scan_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> Option<Escaped> {
    use regex_syntax::ast::ClassPerlKind;
    let e = chars.next()?;
    Some(match e {
        'd' => Escaped::Class(Some(ClassPerlKind::Digit)),
        's' => Escaped::Class(Some(ClassPerlKind::Space)),
        'w' => Escaped::Class(Some(ClassPerlKind::Word)),
        'D' | 'S' | 'W' => Escaped::Class(None),
        'p' | 'P' => {
            if chars.next()? == '{' {
                chars.find(|&c| c == '}')?;
            }
            Escaped::Class(None)
        }
        'b' | 'B' | 'A' | 'z' | '<' | '>' if chars.peek() != Some(&'{') => Escaped::Assertion,
        'x' | 'u' | 'U' => {
            let digits: String = if chars.peek() == Some(&'{') {
                chars.next();
                chars.by_ref().take_while(|&c| c != '}').collect()
            } else {
                let width = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                chars.by_ref().take(width).collect()
            };
            Escaped::Char(char::from_u32(u32::from_str_radix(&digits, 16).ok()?)?)
        }
        'n' => Escaped::Char('\n'),
        't' => Escaped::Char('\t'),
        'r' => Escaped::Char('\r'),
        'f' => Escaped::Char('\x0c'),
        'v' => Escaped::Char('\x0b'),
        'a' => Escaped::Char('\x07'),
        e if e.is_ascii_punctuation() || !e.is_ascii() => Escaped::Char(e),
        _ => return None,
    })
}

fn mark_class(class: Option<regex_syntax::ast::ClassPerlKind>, held: &mut [bool; 128]) {
    match class {
        Some(kind) => mark_perl_kind(&kind, held),
        None => held.fill(true),
    }
}

/// Reads a bracketed class after its '[' and marks what it holds: `Some(false)` when it is
/// negated (it then holds everything), `None` for what [`scan_held`] leaves to the parser.
fn scan_class(
    chars: &mut std::iter::Peekable<std::str::Chars<'_>>,
    fold: bool,
    held: &mut [bool; 128],
) -> Option<bool> {
    if chars.peek() == Some(&'^') {
        return Some(false);
    }
    let mut first = true;
    loop {
        let c = chars.next()?;
        let start = match c {
            ']' if !first => return Some(true),
            '[' if chars.peek() == Some(&':') => {
                // An ASCII class such as [:alpha:], read as holding everything (as the parser's
                // reading does).
                held.fill(true);
                chars.find(|&c| c == ']')?;
                None
            }
            '[' => return None,
            '&' | '~' | '-' if chars.peek() == Some(&c) => return None,
            '\\' => match scan_escape(chars)? {
                Escaped::Char(c) => Some(c),
                Escaped::Class(class) => {
                    mark_class(class, held);
                    None
                }
                // "\b" is a backspace in a class.
                Escaped::Assertion => return None,
            },
            c => Some(c),
        };
        first = false;
        let Some(start) = start else { continue };
        let mut ahead = chars.clone();
        if ahead.next() == Some('-') && !matches!(ahead.peek(), Some(']') | None) {
            if ahead.peek() == Some(&'-') {
                return None;
            }
            chars.next();
            let end = match chars.next()? {
                '\\' => match scan_escape(chars)? {
                    Escaped::Char(c) => c,
                    _ => return None,
                },
                '[' => return None,
                c => c,
            };
            for c in start..=end.min('\x7f') {
                mark_char(c, fold, held);
            }
        } else {
            mark_char(start, fold, held);
        }
    }
}

/// The (offset, length) of each occurrence of a group's words, in order of offset.
///
/// Offsets are `u32`s: the places of a long text's trigger words were 10.6 of the 60 MB a 4 MB
/// extraction first-touched, and half of that was zeros. A haystack past [`GATED_UP_TO`] is
/// not gated.
pub(crate) type Occurrences = Rc<Vec<(u32, u32)>>;

/// A further test of a stretch for a gated search ([`Tiered::captures_iter_gated`]): given
/// the haystack, the stretch, and the (offset, length) of each occurrence in it of a word of the
/// gate's group that occurs least (of its only group, for a gate of one), whether the stretch
/// may hold a match. It must never turn away a stretch that holds one.
pub(crate) type StretchTest<'a> = &'a dyn Fn(&str, std::ops::Range<usize>, &[(u32, u32)]) -> bool;

/// The longest haystack whose trigger words are found: its offsets fit a `u32`. A longer one
/// (no article is: they stop at 25 MB) is searched whole, as a short one is.
const GATED_UP_TO: usize = u32::MAX as usize;

/// The builder of a pattern's meta regex, as `regex::Regex::new` configures it but for the
/// lazy DFA cache's `capacity` and whether it gets a literal prefilter (see `Tiered::full`).
fn meta_builder(capacity: usize, prefilter: bool) -> meta::Builder {
    let mut builder = meta::Builder::new();
    builder
        .configure(
            meta::Config::new()
                .nfa_size_limit(Some(10 * (1 << 20)))
                .hybrid_cache_capacity(capacity)
                .match_kind(MatchKind::LeftmostFirst)
                .utf8_empty(true)
                .auto_prefilter(prefilter),
        )
        .syntax(syntax::Config::new().utf8(true));
    builder
}

/// Raises `max` to `value` if it is lower. Read first, written only when it grows: these
/// counters sit beside what every search reads ([`Tiered`]), and an atomic maximum (or store)
/// at every search took their cache line from the other thread's core each time, though the
/// value seldom changes (the 2,000-article batch at `-j 2`: 325 → 320 ms of CPU, median of 21).
#[inline]
fn raise(max: &AtomicUsize, value: usize) {
    if value > max.load(Ordering::Relaxed) {
        max.fetch_max(value, Ordering::Relaxed);
    }
}

/// `at` as an offset of a haystack no longer than [`GATED_UP_TO`].
#[inline(always)]
fn offset(at: usize) -> u32 {
    debug_assert!(at <= GATED_UP_TO);
    at as u32
}

/// Where the words that gate patterns ([`Tiered::captures_iter_gated`]) occur in one
/// haystack: found once per word and shared by every pattern that reads the haystack.
pub(crate) struct Triggers<'h> {
    haystack: &'h str,
    /// The (offset, length) of every occurrence of a word of a group, by where the group's
    /// list is and its length (a list held at two addresses is only found twice); not kept for
    /// a group read off a short text's pairs (see [`Triggers::group`]).
    groups: RefCell<rustc_hash::FxHashMap<(usize, usize), Occurrences>>,
    /// The offsets of every occurrence of each word asked for that the shared list lacks.
    words: RefCell<rustc_hash::FxHashMap<&'static str, Rc<Vec<u32>>>>,
    /// Words whose occurrences are all found in one pass the first time one is asked for.
    shared: Option<&'static LazyLock<TriggerWords>>,
    /// The offsets of each word of `shared`, once found.
    shared_at: std::cell::OnceCell<Places>,
    ascii: std::cell::OnceCell<bool>,
    /// The text the haystack is a copy of (with the same offsets), where the caller reads the
    /// matches' groups: its bytes at each match are read ahead too (see [`CapturesIter`]).
    original: &'h str,
}

/// A fixed list of trigger words found together, in one pass of an Aho-Corasick automaton,
/// rather than each with a search of its own over the whole text: the date patterns' gate words
/// and the attribution reader's cues.
pub(crate) struct TriggerWords {
    pub(crate) words: Vec<&'static str>,
    /// Each word's place in the automaton's list.
    index: rustc_hash::FxHashMap<&'static str, usize>,
    /// The automaton, the table carried in the binary for the date patterns' list (see
    /// [`words`]), taken the first time it is asked for.
    dfa: OnceLock<words::WordsDfa>,
}

impl TriggerWords {
    pub(crate) fn new(words: impl IntoIterator<Item = &'static str>) -> Self {
        let mut words: Vec<&'static str> = words.into_iter().filter(|w| !w.is_empty()).collect();
        words.sort_unstable();
        words.dedup();
        let index = words.iter().enumerate().map(|(i, &w)| (w, i)).collect();
        TriggerWords {
            words,
            index,
            dfa: OnceLock::new(),
        }
    }

    /// Where `word` is in the list, if it is.
    fn index(&self, word: &str) -> Option<usize> {
        self.index.get(word).copied()
    }

    /// The offsets of every occurrence of each word in `haystack`, by the word's place in the
    /// sorted list.
    fn offsets(&self, haystack: &[u8]) -> Places {
        assert!(
            haystack.len() <= GATED_UP_TO,
            "a haystack too long for u32 offsets"
        );
        let dfa = self
            .dfa
            .get_or_init(|| words::WordsDfa::for_words(&self.words));
        Places::of(self.words.len(), overlapping_offsets(dfa, haystack))
    }
}

/// Where each word of a [`TriggerWords`] list occurs in one haystack: the starts of word `w`
/// are `starts[bounds[w]..bounds[w + 1]]`, in order.
///
/// One list holds every word's run, put in place from the pass's (word, start) pairs by
/// counting them, rather than a list a word grown as the pass went: a short article made a few
/// hundred empty lists and a few dozen small ones, and the patterns' gates, which ask for the
/// lists of a few dozen words each, read their scattered headers from memory (in a batch of
/// 8,000 articles of 1 KB the pass and the gates' reading of its lists were a tenth of the
/// run).
pub(crate) struct Places {
    bounds: Vec<u32>,
    starts: Vec<u32>,
    /// The pass's (word, start) pairs as it found them, kept for a text with few of them
    /// ([`FEW_PLACES`]): a group's places are then those pairs of its words, read in one go,
    /// where looking up each word's run read a few dozen scattered places of `bounds`.
    found: Option<Vec<(u32, u32)>>,
}

/// A bit for each of the first 512 words of a [`TriggerWords`] list (a group's words, see
/// [`GroupWords`]).
#[derive(Clone, Copy, Default)]
struct WordBits([u64; 8]);

impl WordBits {
    /// Sets word `w`'s bit; false for a word past the bits, or whose bit was set.
    fn set(&mut self, w: usize) -> bool {
        match self.0.get_mut(w / 64) {
            Some(bits) if *bits & (1 << (w % 64)) == 0 => {
                *bits |= 1 << (w % 64);
                true
            }
            _ => false,
        }
    }

    /// Whether word `w`'s bit is set; `None` for a word past the bits.
    fn get(&self, w: usize) -> Option<bool> {
        self.0.get(w / 64).map(|bits| bits & (1 << (w % 64)) != 0)
    }
}

/// The most trigger-word occurrences for which [`Places`] keeps the pass's pairs: about 4 KB
/// of the bench text.
const FEW_PLACES: usize = 256;

impl Places {
    /// The places of `words` words from the pass's pairs of (word, start), each word's starts in
    /// order among them.
    fn of(words: usize, found: Vec<(u32, u32)>) -> Self {
        let mut bounds = vec![0u32; words + 1];
        for &(w, _) in &found {
            bounds[w as usize + 1] += 1;
        }
        for w in 0..words {
            bounds[w + 1] += bounds[w];
        }
        let mut next = bounds.clone();
        let mut starts = vec![0u32; found.len()];
        for &(w, start) in &found {
            let at = &mut next[w as usize];
            starts[*at as usize] = start;
            *at += 1;
        }
        Places {
            bounds,
            starts,
            found: (found.len() <= FEW_PLACES).then_some(found),
        }
    }

    /// The starts of word `w`, in order.
    fn word(&self, w: usize) -> &[u32] {
        &self.starts[self.bounds[w] as usize..self.bounds[w + 1] as usize]
    }
}

/// The place in `shared`'s list of each word of `group` (`None` for a word it lacks), looked up
/// once a thread for each group and kept: every text asks about the same few dozen groups, and
/// looking each of their words up by its text, in every article of a batch, was 2-3% of the
/// batch's time.
fn shared_indices(shared: &'static TriggerWords, group: &'static [&'static str]) -> Rc<GroupWords> {
    type Kept = RefCell<rustc_hash::FxHashMap<(usize, usize, usize), Rc<GroupWords>>>;
    thread_local! {
        static KEPT: Kept = RefCell::default();
    }
    // A list and a group are `'static`: an address always holds the same words.
    let key = (
        std::ptr::from_ref(shared) as usize,
        group.as_ptr() as usize,
        group.len(),
    );
    KEPT.with(|kept| {
        if let Some(indices) = kept.borrow().get(&key) {
            return Rc::clone(indices);
        }
        let indices: Box<[Option<usize>]> = group.iter().map(|w| shared.index(w)).collect();
        let mut bits = WordBits::default();
        let mut distinct = true;
        for index in &indices {
            distinct &= index.is_some_and(|i| bits.set(i));
        }
        let words = Rc::new(GroupWords {
            indices,
            bits: distinct.then_some(bits),
        });
        kept.borrow_mut().insert(key, Rc::clone(&words));
        words
    })
}

/// A group's words by their places in a shared list ([`shared_indices`]).
struct GroupWords {
    /// Each word's place, `None` for a word the list lacks.
    indices: Box<[Option<usize>]>,
    /// A bit for each word's place, when every word has one under 512 and no two the same: a
    /// short text's occurrences of the group are then its pairs with those bits.
    bits: Option<WordBits>,
}

/// The (pattern, start) of every occurrence of each pattern of `automaton` (built with the
/// standard match kind) in `haystack`, each pattern's starts in order: what
/// `find_overlapping_iter` reports, from a loop of one transition a byte and a test for a match
/// state. The crate's own
/// overlapping search keeps a state for resuming after each match: with it the pass over 1 MB
/// of the bench text took 29.2 M instructions, with this loop 24.5 M (building the DFA in both).
///
/// A long haystack is read by two readers at once, one from its start and one from its middle,
/// in one loop. Each byte's transition waits on the one before it (a load from the automaton's
/// table), so one reader kept the processor waiting; two chains that do not depend on each other
/// are read side by side: the pass went from 5.0% to 2.0% of perf's samples at 10 MB. The first
/// reader reads on past the middle by the longest word less a byte and keeps only the words that
/// start before the middle; the second, starting afresh at the middle, finds every word that
/// starts there or later. (Four readers, written as a loop over arrays, were slower than two:
/// their states no longer fitted the registers.)
fn overlapping_offsets(automaton: &words::WordsDfa, haystack: &[u8]) -> Vec<(u32, u32)> {
    let start = automaton.start();
    let len = haystack.len();
    // The bench text holds a trigger word every 15 bytes or so (a third of them digits).
    let mut found: Vec<(u32, u32)> = Vec::with_capacity(len / 12);
    if len < TWO_READERS_FROM {
        read_words(
            automaton,
            haystack,
            (start, 0),
            len,
            len,
            &mut |w, start| found.push((offset(w), offset(start))),
        );
        return found;
    }
    let middle = len / 2;
    let first_end = (middle + automaton.max_len().saturating_sub(1)).min(len);
    // The second reader's words, in order, as (word, start): appended after the first reader's.
    let mut later: Vec<(u32, u32)> = Vec::with_capacity(len / 24);
    let (mut a, mut b) = ((start, 0), (start, middle));
    loop {
        let steps = (first_end - a.1).min(len - b.1);
        if steps == 0 {
            break;
        }
        let (first, second) = (&haystack[a.1..a.1 + steps], &haystack[b.1..b.1 + steps]);
        let (mut sa, mut sb) = (a.0, b.0);
        let mut k = 0;
        while k < steps {
            sa = automaton.next(sa, first[k]);
            sb = automaton.next(sb, second[k]);
            k += 1;
            if automaton.ends_word(sa) || automaton.ends_word(sb) {
                break;
            }
        }
        a = (sa, a.1 + k);
        b = (sb, b.1 + k);
        automaton.push_matches(a, middle, &mut |w, start| {
            found.push((offset(w), offset(start)));
        });
        automaton.push_matches(b, len, &mut |w, start| {
            later.push((offset(w), offset(start)));
        });
    }
    read_words(
        automaton,
        haystack,
        a,
        first_end,
        middle,
        &mut |w, start| found.push((offset(w), offset(start))),
    );
    read_words(automaton, haystack, b, len, len, &mut |w, start| {
        later.push((offset(w), offset(start)));
    });
    found.extend_from_slice(&later);
    found
}

/// The haystacks [`overlapping_offsets`] reads with two readers, the second reader's pairs
/// appended after the first's. (With a list a word, the second reader's words were kept apart
/// in one list so that a short text paid little for it: in a batch of 8,000 articles of 1 KB
/// the pass went from 4.4% to 3.6% of perf's samples.)
const TWO_READERS_FROM: usize = 512;

/// [`overlapping_offsets`] with one reader, from the state and place `from` up to `to`, giving
/// `keep` each word (its index and start) that starts before `before`.
fn read_words(
    automaton: &words::WordsDfa,
    haystack: &[u8],
    from: (u32, usize),
    to: usize,
    before: usize,
    keep: &mut impl FnMut(usize, usize),
) {
    let (mut sid, mut end) = from;
    while end < to {
        // The inner loop holds only the state and the position, so that both stay in registers:
        // with the match handling in the same loop the state went through the stack each byte.
        let mut state = sid;
        for &b in &haystack[end..to] {
            state = automaton.next(state, b);
            end += 1;
            if automaton.ends_word(state) {
                break;
            }
        }
        sid = state;
        automaton.push_matches((sid, end), before, keep);
    }
}

impl<'h> Triggers<'h> {
    pub(crate) fn new(haystack: &'h str) -> Self {
        Triggers {
            haystack,
            groups: RefCell::default(),
            words: RefCell::default(),
            shared: None,
            shared_at: std::cell::OnceCell::new(),
            ascii: std::cell::OnceCell::new(),
            original: haystack,
        }
    }

    /// These triggers, for a haystack that is a copy of `original` with the same offsets (the
    /// text with its ASCII letters lowercased), whose matches the caller reads from `original`.
    pub(crate) fn reading(self, original: &'h str) -> Self {
        debug_assert_eq!(original.len(), self.haystack.len());
        Triggers { original, ..self }
    }

    /// Triggers whose words of `shared` are found together (the automaton built on first use,
    /// so a short text that gates nothing never builds it).
    pub(crate) fn with_words(haystack: &'h str, shared: &'static LazyLock<TriggerWords>) -> Self {
        Triggers {
            shared: Some(shared),
            ..Triggers::new(haystack)
        }
    }

    /// The offsets of the shared list's word at `index`, every word of the list found at once
    /// the first time one is asked for.
    fn shared_offsets(&self, shared: &TriggerWords, index: usize) -> &[u32] {
        self.shared_places(shared).word(index)
    }

    /// Where every word of `shared` occurs, found the first time it is asked for.
    fn shared_places(&self, shared: &TriggerWords) -> &Places {
        self.shared_at
            .get_or_init(|| shared.offsets(self.haystack.as_bytes()))
    }

    /// Whether the haystack holds a word of `group` anywhere. A word of the shared list is
    /// answered from its one pass over a haystack long enough for gated searches (which make
    /// that pass anyway), rather than by a search of its own: a short article was read once for
    /// each of the few hundred words the date patterns and holidays ask about. The group's
    /// places in that list are looked up once a thread ([`shared_indices`]).
    pub(crate) fn holds_any(&self, group: &'static [&'static str]) -> bool {
        let search =
            |w: &str| memchr::memmem::find(self.haystack.as_bytes(), w.as_bytes()).is_some();
        if self.gates()
            && let Some(shared) = self.shared
        {
            let words = shared_indices(shared, group);
            let places = self.shared_places(shared);
            return group
                .iter()
                .zip(words.indices.iter())
                .any(|(w, index)| match index {
                    Some(index) => !places.word(*index).is_empty(),
                    None => search(w),
                });
        }
        group.iter().any(|w| search(w))
    }

    /// The haystack the triggers are found in.
    pub(crate) fn haystack(&self) -> &'h str {
        self.haystack
    }

    /// The (offset, length) of every occurrence of a word of `group`, in order, where the
    /// haystack [`Triggers::gates`]; `None` where it is too short or too long for the pass.
    pub(crate) fn occurrences(&self, group: &'static [&'static str]) -> Option<Occurrences> {
        self.gates().then(|| self.group(group))
    }

    /// Whether the haystack is long enough for the trigger pass (see [`GATE_FROM`]) and short
    /// enough for its offsets ([`GATED_UP_TO`]).
    pub(crate) fn gates(&self) -> bool {
        (GATE_FROM + 1..=GATED_UP_TO).contains(&self.haystack.len())
    }

    /// Whether `finder`'s word is in the haystack, for words asked about in every article.
    pub(crate) fn holds_found_by(&self, finder: &memchr::memmem::Finder<'_>) -> bool {
        finder.find(self.haystack.as_bytes()).is_some()
    }

    /// Whether the haystack is all ASCII, which lets every pattern use its ASCII lite form.
    fn is_ascii(&self) -> bool {
        *self.ascii.get_or_init(|| self.haystack.is_ascii())
    }

    /// The (offset, length) of every occurrence of a word of `group` in the haystack, in order:
    /// in a text that keeps its pairs ([`FEW_PLACES`]) read off them each time, else found once
    /// and kept. Asked only where the haystack [`Triggers::gates`].
    fn group(&self, group: &'static [&'static str]) -> Occurrences {
        debug_assert!(self.gates());
        let shared = self
            .shared
            .map(|shared| (&**shared, shared_indices(shared, group)));
        // A short text's pairs of the group's words, when every word is in the shared list:
        // read afresh each time, which costs less than keeping them by group (a map a text,
        // whose lookups missed the caches in a batch).
        if let Some((shared, words)) = &shared
            && let Some(bits) = &words.bits
            && let Some(pairs) = &self.shared_places(shared).found
        {
            // Sized for every pair (at most `FEW_PLACES`): a filtered list grown from empty was
            // reallocated a few times at every one of a short article's thirty-odd groups.
            let mut found: Vec<(u32, u32)> = Vec::with_capacity(pairs.len());
            found.extend(
                pairs
                    .iter()
                    // A word past the bits' 512 is in no such group.
                    .filter(|&&(w, _)| bits.get(w as usize) == Some(true))
                    .map(|&(w, start)| (start, offset(shared.words[w as usize].len()))),
            );
            // In the pass's order, which is by where each word ends: nearly sorted.
            found.sort_unstable();
            return Rc::new(found);
        }
        if let Some(found) = self.kept_group(group) {
            return found;
        }
        let lists = self.word_lists(group);
        // Sized once: a group of digits holds most of the figures of a long text, and growing
        // its list from empty copied it a dozen times.
        let total = lists.iter().map(|(list, _)| list.len()).sum();
        let mut found: Vec<(u32, u32)> = Vec::with_capacity(total);
        for (list, len) in &lists {
            found.extend(list.iter().map(|&i| (i, *len)));
        }
        // Each word's offsets are in order, so the list is that many sorted runs, which the
        // stable sort finds and merges (the unstable one sorted them afresh: 1 MB took 11 M
        // more instructions, most of them for the ten digits).
        found.sort();
        let found: Occurrences = Rc::new(found);
        self.groups
            .borrow_mut()
            .insert(group_key(group), Rc::clone(&found));
        found
    }

    /// The places of `group` found and kept by [`Triggers::group`] so far.
    fn kept_group(&self, group: &'static [&'static str]) -> Option<Occurrences> {
        self.groups.borrow().get(&group_key(group)).map(Rc::clone)
    }

    /// Asks for the trigger pass's lists of this text ahead of their use, when the pass has
    /// run: a batch of short articles reads them once for each of a reader's patterns, an
    /// article at a time, and by then the other articles of its group have pushed them out of
    /// the caches (the gate tests and the groups' places were a tenth of such a batch's time,
    /// nearly all of it waiting on them).
    pub(crate) fn prefetch_places(&self) {
        /// Bytes in a cache line.
        const LINE: usize = 64;
        fn ahead<T>(list: &[T]) {
            let step = (LINE / std::mem::size_of::<T>().max(1)).max(1);
            for i in (0..list.len()).step_by(step) {
                prefetch(list, i);
            }
        }
        if let Some(places) = self.shared_at.get() {
            ahead(&places.bounds);
            if let Some(found) = &places.found {
                ahead(found);
            }
        }
    }

    /// Whether the trigger pass kept its pairs, which [`Triggers::group`] reads a group off.
    fn keeps_pairs(&self) -> bool {
        self.shared
            .is_some_and(|shared| self.shared_places(shared).found.is_some())
    }

    /// Each word of `group`'s offsets, in order, with its length. A word of the shared list was
    /// found with it; any other is looked for on its own, with memchr's vectorised search, and
    /// kept for the other groups that hold it.
    fn word_lists(&self, group: &'static [&'static str]) -> Vec<(WordList<'_>, u32)> {
        let shared = self
            .shared
            .map(|shared| (&**shared, shared_indices(shared, group)));
        group
            .iter()
            .enumerate()
            .map(|(k, &w)| {
                let list = match shared
                    .as_ref()
                    .and_then(|(shared, words)| Some((*shared, words.indices[k]?)))
                {
                    Some((shared, index)) => WordList::Shared(self.shared_offsets(shared, index)),
                    None => WordList::Own(Rc::clone(
                        self.words.borrow_mut().entry(w).or_insert_with(|| {
                            Rc::new(
                                memchr::memmem::find_iter(self.haystack.as_bytes(), w.as_bytes())
                                    .map(offset)
                                    .collect(),
                            )
                        }),
                    )),
                };
                (list, offset(w.len()))
            })
            .collect()
    }
}

/// Where a group's places are kept: by the address of its words and their number (a list held
/// at two addresses is only found twice).
fn group_key(group: &'static [&'static str]) -> (usize, usize) {
    (group.as_ptr() as usize, group.len())
}

/// One word's offsets in a haystack (see [`Triggers::word_lists`]).
enum WordList<'t> {
    Shared(&'t [u32]),
    Own(Rc<Vec<u32>>),
}

impl std::ops::Deref for WordList<'_> {
    type Target = [u32];

    fn deref(&self) -> &[u32] {
        match self {
            WordList::Shared(list) => list,
            WordList::Own(list) => list,
        }
    }
}

/// A group other than the lead of a gated search ([`Tiered::stretches_where`]), asked only
/// whether a word of it stands inside each stretch in turn: its joined places when they are
/// kept, else each word's own places, with a cursor each.
enum Other<'t> {
    Joined(Occurrences, usize),
    Words(Vec<(WordList<'t>, u32, usize)>),
}

impl Other<'_> {
    /// How often words of the group occur.
    fn len(&self) -> usize {
        match self {
            Other::Joined(list, _) => list.len(),
            Other::Words(words) => words.iter().map(|(list, ..)| list.len()).sum(),
        }
    }

    /// Whether a word of the group lies wholly in `from..to`; stretches come in order, so the
    /// cursors only move on.
    fn holds(&mut self, from: u32, to: u32) -> bool {
        match self {
            Other::Joined(list, cursor) => {
                while list.get(*cursor).is_some_and(|&(q, _)| q < from) {
                    *cursor += 1;
                }
                list[*cursor..]
                    .iter()
                    .take_while(|&&(q, _)| q < to)
                    .any(|&(q, len)| q + len <= to)
            }
            // Each word has one length, so its first place at or after `from` decides: a later
            // one ends later.
            Other::Words(words) => {
                let mut holds = false;
                for (list, len, cursor) in words {
                    while list.get(*cursor).is_some_and(|&q| q < from) {
                        *cursor += 1;
                    }
                    holds |= list.get(*cursor).is_some_and(|&q| q < to && q + *len <= to);
                }
                holds
            }
        }
    }
}

/// Two words every match of a pattern holds one after the other: a word (a run of ASCII letters
/// and digits) that holds one of `cues` and that `first` accepts, then nothing but white space,
/// points, commas and words of `fillers`, then a word that `then` accepts (or all of that read
/// backward, from the first word to one before it). Asked of a text
/// before the pattern is compiled: news texts hold month names and "first", "last" or weekdays
/// everywhere, and compiled the date patterns of two such words (0.3-0.7 ms each) to find
/// nothing.
pub(crate) struct Sequence {
    pub(crate) cues: &'static [&'static str],
    pub(crate) first: fn(&str) -> bool,
    pub(crate) fillers: &'static [&'static str],
    pub(crate) then: fn(&str) -> bool,
    /// Whether the second word comes before the first rather than after it: the first is then
    /// the rarer ("on the 21st" is found from "21st").
    pub(crate) backward: bool,
}

impl Sequence {
    /// Whether the words may stand in sequence in `lower`: more than the pattern allows (the
    /// words are whole, as the pattern's word boundaries make them), never less. A text the
    /// trigger pass does not read (see [`Triggers::gates`]) may always hold them.
    pub(crate) fn may_stand(&self, lower: &Triggers<'_>) -> bool {
        let text = lower.haystack();
        if !lower.gates() {
            return true;
        }
        let bytes = text.as_bytes();
        let word_end = |mut at: usize| {
            while bytes.get(at).is_some_and(u8::is_ascii_alphanumeric) {
                at += 1;
            }
            at
        };
        let cues = lower.group(self.cues);
        cues.iter().enumerate().any(|(i, &(at, len))| {
            let (at, len) = (at as usize, len as usize);
            if let Some(&(ahead, _)) = cues.get(i + READ_AHEAD) {
                prefetch(bytes, (ahead as usize).saturating_sub(1));
            }
            let start = bytes[..at]
                .iter()
                .rposition(|b| !b.is_ascii_alphanumeric())
                .map_or(0, |k| k + 1);
            let mut pos = word_end(at + len);
            if !(self.first)(&text[start..pos]) {
                return false;
            }
            if self.backward {
                let mut pos = start;
                loop {
                    let rest = text[..pos]
                        .trim_end_matches(|c: char| c.is_whitespace() || c == '.' || c == ',');
                    pos = rest.len();
                    let begin = bytes[..pos]
                        .iter()
                        .rposition(|b| !b.is_ascii_alphanumeric())
                        .map_or(0, |k| k + 1);
                    if begin < pos && self.fillers.contains(&&text[begin..pos]) {
                        pos = begin;
                    } else {
                        return (self.then)(&text[begin..pos]);
                    }
                }
            }
            loop {
                let rest = &text[pos..];
                let next =
                    rest.trim_start_matches(|c: char| c.is_whitespace() || c == '.' || c == ',');
                pos += rest.len() - next.len();
                let end = word_end(pos);
                if end > pos && self.fillers.contains(&&text[pos..end]) {
                    pos = end;
                } else {
                    return (self.then)(&text[pos..end]);
                }
            }
        })
    }
}

/// A group's span in the haystack.
type Span = Option<(usize, usize)>;

/// The places handed out in [`STATE`], one per pattern that has used its `regex` form.
static SLOTS: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// Each thread's search cache and capture buffer for each pattern's `regex` form, by the
    /// pattern's slot. The `regex` crate keeps one cache per regex for its first thread and
    /// hands the others theirs through a lock, and every match it returns clones a shared
    /// reference count; with two threads searching the same patterns all the time, that
    /// sharing made each thread about a fifth slower (measured on a 2,000-article batch).
    static STATE: RefCell<Vec<Option<(engine::Cache, meta_captures::Captures)>>> =
        const { RefCell::new(Vec::new()) };
}

thread_local! {
    /// The length of the document this thread is extracting from, 0 outside one (see
    /// [`reading`]).
    static DOCUMENT: Cell<usize> = const { Cell::new(0) };
}

/// Tells the patterns that this thread reads a document of `len` bytes until the guard drops:
/// in a long one they skip the lite form ([`LITE_DOCUMENT`]). Which form reads a text changes
/// only the time.
pub(crate) fn reading(len: usize) -> Reading {
    Reading {
        outer: DOCUMENT.replace(len),
    }
}

/// Restores the document length that [`reading`] replaced.
pub(crate) struct Reading {
    outer: usize,
}

impl Drop for Reading {
    fn drop(&mut self) {
        DOCUMENT.set(self.outer);
    }
}

impl Tiered {
    pub(crate) const fn new(source: fn() -> String) -> Self {
        Self::from_source(Source::Plain(source))
    }

    /// The form of a pattern of three forms (see `Twin`) that `build` gives for `form`.
    pub(crate) const fn form(build: fn(Form) -> String, form: Form) -> Self {
        Self::from_source(Source::Form(build, form))
    }

    const fn from_source(source: Source) -> Self {
        Tiered {
            source,
            lite_ascii: OnceLock::new(),
            lite_any: OnceLock::new(),
            full: OnceLock::new(),
            names: OnceLock::new(),
            slot: OnceLock::new(),
            prebuilt: OnceLock::new(),
            stops: OnceLock::new(),
            parsed: std::sync::Mutex::new(None),
            compiling: AtomicBool::new(false),
            gated: AtomicBool::new(false),
            longest: AtomicUsize::new(0),
            stretched: AtomicUsize::new(0),
            lite_cost: AtomicU64::new(0),
            spent: AtomicU64::new(0),
        }
    }

    fn pattern(&self) -> String {
        match self.source {
            Source::Plain(build) => build(),
            Source::Form(build, form) => build(form),
        }
    }

    /// The `regex` form, built as `regex::Regex::new` builds it, except that a pattern searched
    /// in stretches of fewer than [`STRETCHES_PREFILTER_FROM`] bytes in all, or only ever on
    /// haystacks under [`PREFILTER_FROM`], gets no literal prefilter (which changes no match,
    /// only the time: building the prefilters was a fifth of compiling the date patterns, for
    /// spans of a few dozen bytes).
    ///
    /// Where it gets no prefilter and the pattern is in the table of prebuilt automata
    /// ([`automata`]), its engines are started from the table's NFAs rather than compiled: the
    /// same matches, without parsing and compiling. A fresh process reading 100 KB of the bench
    /// text started its 35 forms in 1.5-1.8 ms, where compiling them took 6.2-8.7 ms.
    fn full(&self) -> &Engine {
        if let Some(re) = self.full.get() {
            return re;
        }
        self.compiling.store(true, Ordering::Relaxed);
        let re = self.full.get_or_init(|| {
            let pattern = self.pattern();
            let parsed = self
                .parsed
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .take();
            let prefilter = if self.gated.load(Ordering::Relaxed) {
                self.stretched.load(Ordering::Relaxed) > STRETCHES_PREFILTER_FROM
            } else {
                self.longest.load(Ordering::Relaxed) > PREFILTER_FROM
            };
            if let Some(entry) = self.prebuilt().filter(|e| !prefilter || e.anchored_start) {
                let prebuilt = automata::rebuild(&entry.forward).and_then(|forward| {
                    let reverse = automata::rebuild(&entry.reverse)?;
                    engine::Prebuilt::new(
                        forward,
                        reverse,
                        HYBRID_CACHE_CAPACITY,
                        entry.anchored_end,
                    )
                });
                match prebuilt {
                    Ok(p) => return Engine::Prebuilt(Box::new(p)),
                    // The table is written by a test that rebuilds every entry, so this is a
                    // bug; compiling the pattern still gives the right matches.
                    Err(e) => debug_assert!(false, "the prebuilt {pattern} does not rebuild: {e}"),
                }
            }
            let builder = meta_builder(HYBRID_CACHE_CAPACITY, prefilter);
            Engine::Meta(
                match parsed {
                    // Translated as `build` would translate it (the syntax defaults, UTF-8 only).
                    Some(ast) => regex_syntax::hir::translate::Translator::new()
                        .translate(&pattern, &ast)
                        .map_err(|e| e.to_string())
                        .and_then(|hir| builder.build_from_hir(&hir).map_err(|e| e.to_string())),
                    None => builder.build(&pattern).map_err(|e| e.to_string()),
                }
                .unwrap_or_else(|e| panic!("invalid pattern {pattern}: {e}")),
            )
        });
        self.compiling.store(false, Ordering::Relaxed);
        re
    }

    /// The pattern's entry in the table of prebuilt automata ([`automata`]), looked up once.
    fn prebuilt(&self) -> Option<&'static automata::Entry> {
        *self
            .prebuilt
            .get_or_init(|| automata::entry(&self.pattern()))
    }

    /// Whether the `regex` form is compiled.
    pub(crate) fn is_compiled(&self) -> bool {
        self.full.get().is_some()
    }

    /// Runs `search` with this thread's state for the `regex` form.
    fn with_state<R>(
        &self,
        search: impl FnOnce(&Engine, &mut engine::Cache, &mut meta_captures::Captures) -> R,
    ) -> R {
        let re = self.full();
        let slot = *self
            .slot
            .get_or_init(|| SLOTS.fetch_add(1, Ordering::Relaxed));
        STATE.with_borrow_mut(|states| {
            if states.len() <= slot {
                states.resize_with(slot + 1, || None);
            }
            let (cache, caps) =
                states[slot].get_or_insert_with(|| (re.create_cache(), re.create_captures()));
            search(re, cache, caps)
        })
    }

    /// The group names, from whichever form is compiled (compiling none).
    fn names(&self) -> &[Option<Box<str>>] {
        self.names.get_or_init(|| {
            let lite = self
                .lite_ascii
                .get()
                .or(self.lite_any.get())
                .and_then(Option::as_ref);
            match lite {
                Some(lite) => lite.capture_names().map(|n| n.map(Box::from)).collect(),
                None => self
                    .full()
                    .group_info()
                    .pattern_names(PatternID::ZERO)
                    .map(|n| n.map(Box::from))
                    .collect(),
            }
        })
    }

    /// The lite form, when it may read `haystack` and the budget allows it.
    fn lite_for(&self, haystack: &str) -> Option<&regex_lite::Regex> {
        let spent = self.spent.load(Ordering::Relaxed);
        if cfg!(debug_assertions) {
            if spent.saturating_add(haystack.len() as u64) > DEBUG_LITE_BYTES {
                return None;
            }
        } else if self.full.get().is_some()
            || haystack.len() > LITE_LONGEST
            || DOCUMENT.get() > LITE_DOCUMENT
            || (self.prebuilt().is_some() && past_lite_for_prebuilt())
        {
            return None;
        }
        self.lite_in_budget(haystack.is_ascii(), spent)
    }

    /// The lite form for ASCII haystacks or for any, compiled on first use, unless the searches
    /// so far (`spent`) have used up its budget.
    fn lite_in_budget(&self, ascii: bool, spent: u64) -> Option<&regex_lite::Regex> {
        let cell = if ascii {
            &self.lite_ascii
        } else {
            &self.lite_any
        };
        let lite = cell
            .get_or_init(|| {
                let start = Instant::now();
                let pattern = lite_form(&self.pattern(), ascii)?;
                let lite = regex_lite::Regex::new(&pattern).ok();
                self.lite_cost.fetch_add(nanos(start), Ordering::Relaxed);
                lite
            })
            .as_ref()?;
        // Past its budget the lite form still serves while another thread compiles the `regex`
        // form, rather than this one waiting for it.
        if !cfg!(debug_assertions)
            && spent > LITE_SPEND.saturating_mul(self.lite_cost.load(Ordering::Relaxed))
            && !self.compiling.load(Ordering::Relaxed)
        {
            return None;
        }
        Some(lite)
    }

    /// Counts a lite search of `haystack` that started at `start` against the budget.
    fn charge(&self, haystack: &str, start: Instant) {
        let cost = if cfg!(debug_assertions) {
            haystack.len() as u64
        } else {
            nanos(start)
        };
        self.spent.fetch_add(cost, Ordering::Relaxed);
    }

    /// Every match's group spans from the `regex` form, or only the whole match's when `want`
    /// says so (a DFA search, without the slower engines that find groups).
    fn full_spans(&self, haystack: &str, want: Want) -> Vec<Vec<Span>> {
        self.with_state(|re, cache, caps| {
            let mut found = Vec::new();
            Self::search_into(re, cache, caps, Input::new(haystack), want, &mut found);
            found
        })
    }

    /// Pushes onto `found` every match in `input`'s span (or the first), as
    /// [`Tiered::full_spans`] gives them.
    fn search_into(
        re: &Engine,
        cache: &mut engine::Cache,
        caps: &mut meta_captures::Captures,
        input: Input<'_>,
        want: Want,
        found: &mut Vec<Vec<Span>>,
    ) {
        let mut it = Searcher::new(input);
        loop {
            let next = if want.groups {
                it.advance(|input| {
                    re.search_captures_with(cache, input, caps);
                    Ok(caps.get_match())
                })
                .map(|_| {
                    (0..caps.group_len())
                        .map(|i| caps.get_group(i).map(|s| (s.start, s.end)))
                        .collect()
                })
            } else {
                it.advance(|input| Ok(re.search_with(cache, input)))
                    .map(|m| vec![Some((m.start(), m.end()))])
            };
            let Some(spans) = next else { break };
            found.push(spans);
            if want.first_only {
                break;
            }
        }
    }

    /// Every match's group spans (or only the whole match's) from the lite form.
    fn lite_spans(lite: &regex_lite::Regex, haystack: &str, want: Want) -> Vec<Vec<Span>> {
        let spans = |c: regex_lite::Captures<'_>| -> Vec<Span> {
            (0..c.len())
                .map(|i| c.get(i).map(|m| (m.start(), m.end())))
                .collect()
        };
        let whole = |m: regex_lite::Match<'_>| vec![Some((m.start(), m.end()))];
        match (want.groups, want.first_only) {
            (true, true) => lite.captures(haystack).map(spans).into_iter().collect(),
            (true, false) => lite.captures_iter(haystack).map(spans).collect(),
            (false, true) => lite.find(haystack).map(whole).into_iter().collect(),
            (false, false) => lite.find_iter(haystack).map(whole).collect(),
        }
    }

    fn spans(&self, haystack: &str, want: Want) -> Vec<Vec<Span>> {
        raise(&self.longest, haystack.len());
        match self.lite_for(haystack) {
            Some(lite) => {
                let start = Instant::now();
                let found = Self::lite_spans(lite, haystack, want);
                self.charge(haystack, start);
                if cfg!(debug_assertions) {
                    self.check(haystack, &found, &self.full_spans(haystack, want));
                }
                found
            }
            None => self.full_spans(haystack, want),
        }
    }

    fn iter<'h>(&self, haystack: &'h str, want: Want) -> CapturesIter<'_, 'h> {
        // The search first: it decides which form is compiled, and the names come from that one.
        let found = self.spans(haystack, want);
        CapturesIter {
            haystack,
            original: haystack,
            names: self.names(),
            found: found.into_iter(),
        }
    }

    pub(crate) fn captures_iter<'h>(&self, haystack: &'h str) -> CapturesIter<'_, 'h> {
        self.iter(haystack, Want::ALL_GROUPS)
    }

    pub(crate) fn captures<'h>(&self, haystack: &'h str) -> Option<Captures<'_, 'h>> {
        self.iter(haystack, Want::FIRST_GROUPS).next()
    }

    /// [`Tiered::captures`], answered `None` without a search when the caller's cheap test
    /// says `haystack` cannot hold a match (it cannot start or end as every match must). The
    /// patterns asked at every number or date are mostly answered so. A debug build searches
    /// anyway and panics if the test was wrong.
    pub(crate) fn captures_if<'h>(
        &self,
        may_match: bool,
        haystack: &'h str,
    ) -> Option<Captures<'_, 'h>> {
        self.first_if(may_match, haystack, Want::FIRST_GROUPS)
    }

    pub(crate) fn find_iter<'h>(&self, haystack: &'h str) -> impl Iterator<Item = Match<'h>> {
        self.iter(haystack, Want::ALL_WHOLE)
            .map(|caps| caps.whole())
    }

    pub(crate) fn find<'h>(&self, haystack: &'h str) -> Option<Match<'h>> {
        self.iter(haystack, Want::FIRST_WHOLE)
            .next()
            .map(|caps| caps.whole())
    }

    /// [`Tiered::find`], answered `None` without a search when the caller's cheap test says
    /// `haystack` cannot hold a match; a debug build searches anyway, as
    /// [`Tiered::captures_if`] does.
    pub(crate) fn find_if<'h>(&self, may_match: bool, haystack: &'h str) -> Option<Match<'h>> {
        self.first_if(may_match, haystack, Want::FIRST_WHOLE)
            .map(|caps| caps.whole())
    }

    /// The first match in `haystack` unless `may_match` says there is none (checked in a debug
    /// build), for [`Tiered::captures_if`] and [`Tiered::find_if`].
    fn first_if<'h>(
        &self,
        may_match: bool,
        haystack: &'h str,
        want: Want,
    ) -> Option<Captures<'_, 'h>> {
        if !may_match {
            if cfg!(debug_assertions) {
                assert!(
                    self.iter(haystack, want).next().is_none(),
                    "{:?} matches {haystack:?}, which the caller's quick test turned away",
                    self.pattern()
                );
            }
            return None;
        }
        self.iter(haystack, want).next()
    }

    /// [`Tiered::captures_iter`] for a pattern every match of which holds a word of each of
    /// `groups` (lowercase, as they are looked for in `haystack` as written).
    ///
    /// A long haystack is cut at the bytes no match can hold ([`Tiered::stops`]) into stretches,
    /// and only the stretches that hold a word of every group are searched: a pattern that
    /// needs "ago" reads a few dozen stretches of a 10 MB text rather than all of it. Each
    /// stretch is searched as a span of the whole haystack, so word boundaries at its ends see
    /// the bytes beyond it, and as no match crosses a stop byte, the matches are exactly the
    /// whole haystack's (a debug build compares the two). With `keep`, only the stretches it
    /// also lets through are searched (see [`StretchTest`]).
    pub(crate) fn captures_iter_gated<'h>(
        &self,
        triggers: &Triggers<'h>,
        groups: &[&'static [&'static str]],
        keep: Option<StretchTest<'_>>,
    ) -> CapturesIter<'_, 'h> {
        self.iter_gated(triggers, groups, keep, Want::ALL_GROUPS)
    }

    /// [`Tiered::find_iter`] read as [`Tiered::captures_iter_gated`] reads.
    pub(crate) fn find_iter_gated<'h>(
        &self,
        triggers: &Triggers<'h>,
        groups: &[&'static [&'static str]],
        keep: Option<StretchTest<'_>>,
    ) -> impl Iterator<Item = Match<'h>> {
        self.iter_gated(triggers, groups, keep, Want::ALL_WHOLE)
            .map(|caps| caps.whole())
    }

    fn iter_gated<'h>(
        &self,
        triggers: &Triggers<'h>,
        groups: &[&'static [&'static str]],
        keep: Option<StretchTest<'_>>,
        want: Want,
    ) -> CapturesIter<'_, 'h> {
        let haystack = triggers.haystack;
        if !self.gated.load(Ordering::Relaxed) {
            self.gated.store(true, Ordering::Relaxed);
        }
        // A haystack the trigger pass does not read (too short or too long) is read whole, by
        // whichever form the budget gives it.
        let Some(stretches) = self.stretches_where(triggers, groups, keep) else {
            return self.iter(haystack, want);
        };
        // A few stretches are read by the lite form, so that a long text need not compile the
        // `regex` form of a pattern that seldom has anything to read.
        let mut found = Vec::new();
        let mut read = 0;
        let bytes: usize = stretches.iter().map(|r| r.len()).sum();
        // No stretch, no match: nothing is compiled for it (in a debug build the check below
        // compiles the `regex` form to compare).
        if let Some(lite) = (!stretches.is_empty() && bytes <= LITE_STRETCHES)
            .then(|| self.lite_for_stretches(triggers.is_ascii(), bytes))
            .flatten()
        {
            let start = Instant::now();
            for (i, range) in stretches.iter().enumerate() {
                if let Some(ahead) = stretches.get(i + READ_AHEAD) {
                    prefetch(haystack.as_bytes(), ahead.start.saturating_sub(1));
                }
                let Some(spans) = Self::lite_stretch_spans(lite, haystack, range, want) else {
                    // An empty match, which needs the iterator's own rules: all by the
                    // `regex` form.
                    found.clear();
                    read = 0;
                    break;
                };
                found.extend(spans);
                read += 1;
            }
            self.spent.fetch_add(
                if cfg!(debug_assertions) {
                    bytes as u64
                } else {
                    nanos(start)
                },
                Ordering::Relaxed,
            );
        }
        // (Not called when the lite form read every stretch: it would compile the `regex` form
        // for nothing.)
        if read < stretches.len() {
            let rest = stretches[read..].iter().map(|r| r.len()).sum();
            raise(&self.stretched, rest);
            found.extend(self.full_stretch_spans(haystack, &stretches[read..], want));
        }
        if cfg!(debug_assertions) {
            assert_eq!(
                found,
                self.full_spans(haystack, want),
                "the gated search of {:?} misses matches",
                self.pattern()
            );
        }
        CapturesIter {
            haystack,
            original: triggers.original,
            names: if found.is_empty() { &[] } else { self.names() },
            found: found.into_iter(),
        }
    }

    /// The lite form for `bytes` of stretches of a gated search, while the budget allows it.
    fn lite_for_stretches(&self, ascii: bool, bytes: usize) -> Option<&regex_lite::Regex> {
        let spent = self.spent.load(Ordering::Relaxed);
        if cfg!(debug_assertions) {
            if spent.saturating_add(bytes as u64) > DEBUG_LITE_BYTES {
                return None;
            }
        } else if self.full.get().is_some()
            || (self.prebuilt().is_some() && past_lite_for_prebuilt())
        {
            return None;
        }
        self.lite_in_budget(ascii, spent)
    }

    /// The matches in `range` by the lite form, which has no span to search in: the stretch is
    /// read in the haystack cut one byte after its end (a stop byte, which the word boundaries
    /// look at), from its start. `None` at an empty match, which would need the iterator's own
    /// rules.
    fn lite_stretch_spans(
        lite: &regex_lite::Regex,
        haystack: &str,
        range: &std::ops::Range<usize>,
        want: Want,
    ) -> Option<Vec<Vec<Span>>> {
        let mut found = Vec::new();
        let cut = &haystack[..(range.end + 1).min(haystack.len())];
        let mut at = range.start;
        loop {
            let spans: Vec<Span> = if want.groups {
                let Some(c) = lite.captures_at(cut, at) else {
                    break;
                };
                (0..c.len())
                    .map(|i| c.get(i).map(|m| (m.start(), m.end())))
                    .collect()
            } else {
                let Some(m) = lite.find_at(cut, at) else {
                    break;
                };
                vec![Some((m.start(), m.end()))]
            };
            let (start, end) = spans[0]?;
            if start >= range.end {
                break;
            }
            if start == end {
                return None;
            }
            found.push(spans);
            at = end;
        }
        Some(found)
    }

    /// The matches in `stretches` by the `regex` form, each stretch a span of the haystack.
    fn full_stretch_spans(
        &self,
        haystack: &str,
        stretches: &[std::ops::Range<usize>],
        want: Want,
    ) -> Vec<Vec<Span>> {
        self.with_state(|re, cache, caps| {
            let mut found = Vec::new();
            for (i, range) in stretches.iter().enumerate() {
                if let Some(ahead) = stretches.get(i + READ_AHEAD) {
                    prefetch(haystack.as_bytes(), ahead.start.saturating_sub(1));
                }
                let input = Input::new(haystack).range(range.clone());
                Self::search_into(re, cache, caps, input, want, &mut found);
            }
            found
        })
    }

    /// The stretches of `haystack` between stop bytes that hold a word of every group, in
    /// order; `None` when the trigger pass does not read the haystack ([`Triggers::gates`]) or
    /// the groups cannot gate this pattern (a word with a stop byte in it, or an empty group).
    #[cfg(test)]
    pub(crate) fn stretches(
        &self,
        triggers: &Triggers<'_>,
        groups: &[&'static [&'static str]],
    ) -> Option<Vec<std::ops::Range<usize>>> {
        self.stretches_where(triggers, groups, None)
    }

    /// [`Tiered::stretches`], less those `keep` turns away.
    fn stretches_where(
        &self,
        triggers: &Triggers<'_>,
        groups: &[&'static [&'static str]],
        keep: Option<StretchTest<'_>>,
    ) -> Option<Vec<std::ops::Range<usize>>> {
        // Every byte's answer in one table, so that the scans below make one test a byte.
        let stops = self.stops();
        let mut table = [false; 256];
        table[..128].copy_from_slice(stops);
        let stop = |b: u8| table[usize::from(b)];
        if !triggers.gates()
            || groups.is_empty()
            || groups
                .iter()
                .any(|g| g.is_empty() || g.iter().any(|w| w.is_empty() || w.bytes().any(stop)))
        {
            return None;
        }
        // The stretches are found from the group that occurs least, and checked for the others;
        // stretches come in order, so each list is read once, from a cursor. Only the lead's
        // places are joined into one list: the others are asked one stretch at a time whether
        // they hold a word, which each word's own list answers (the ten digits, which gate the
        // numeric patterns and lead none, were joined and sorted for nothing).
        // Each group read once here: a short text's off its pairs (never kept), a long text's as
        // kept joined or as its words' own places.
        let pairs = triggers.keeps_pairs();
        let mut others: Vec<Other<'_>> = groups
            .iter()
            .map(|g| {
                if pairs {
                    return Other::Joined(triggers.group(g), 0);
                }
                match triggers.kept_group(g) {
                    Some(list) => Other::Joined(list, 0),
                    None => Other::Words(
                        triggers
                            .word_lists(g)
                            .into_iter()
                            .map(|(list, len)| (list, len, 0))
                            .collect(),
                    ),
                }
            })
            .collect();
        let (lead_index, _) = others.iter().enumerate().min_by_key(|(_, l)| l.len())?;
        let lead = match others.remove(lead_index) {
            Other::Joined(list, _) => list,
            Other::Words(_) => triggers.group(groups[lead_index]),
        };
        let bytes = triggers.haystack.as_bytes();
        let mut out: Vec<std::ops::Range<usize>> = Vec::new();
        let mut i = 0;
        while let Some(&(p, _)) = lead.get(i) {
            let p = p as usize;
            // The scan back reads the byte before a trigger word first.
            if let Some(&(ahead, _)) = lead.get(i + READ_AHEAD) {
                prefetch(bytes, (ahead as usize).saturating_sub(1));
            }
            // Stop bytes are ASCII, so both ends are character boundaries; the previous stretch
            // ended at a stop byte, so the search back ends there at the latest.
            let start = bytes[..p]
                .iter()
                .rposition(|&b| stop(b))
                .map_or(0, |k| k + 1);
            let end = bytes[p..]
                .iter()
                .position(|&b| stop(b))
                .map_or(bytes.len(), |k| p + k);
            let mut holds = true;
            let (from, to) = (offset(start), offset(end));
            let first = i;
            for other in &mut others {
                holds &= other.holds(from, to);
            }
            while lead.get(i).is_some_and(|&(q, _)| q < to) {
                i += 1;
            }
            if holds && keep.is_none_or(|keep| keep(triggers.haystack, start..end, &lead[first..i]))
            {
                // A stretch close after the last one is searched with it, stop bytes and all
                // (no match holds one, so none is found across them): a search has a cost of
                // its own, about that of reading a hundred bytes.
                match out.last_mut() {
                    Some(last) if start - last.end <= MERGE_GAP => last.end = end,
                    _ => out.push(start..end),
                }
            }
        }
        Some(out)
    }

    /// Which ASCII bytes no match of the pattern can hold: those in none of its literals and
    /// classes (look-arounds hold no byte). Read from the pattern's syntax tree, parsed as the
    /// `regex` form parses it.
    fn stops(&self) -> &[bool; 128] {
        self.stops.get_or_init(|| {
            let pattern = self.pattern();
            let fold = folds_case(&pattern);
            // Every reading is on the side of holding more bytes.
            let held = scan_held(&pattern, fold).unwrap_or_else(|| {
                // Read from the parsed pattern without translating it (a third of the cost of
                // the syntax tree).
                let ast = regex_syntax::ast::parse::Parser::new()
                    .parse(&pattern)
                    .unwrap_or_else(|e| panic!("invalid pattern {pattern}: {e}"));
                let mut held = [false; 128];
                mark_held(&ast, fold, &mut held);
                if self.full.get().is_none() {
                    *self
                        .parsed
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(ast);
                }
                held
            });
            held.map(|h| !h)
        })
    }

    pub(crate) fn is_match(&self, haystack: &str) -> bool {
        raise(&self.longest, haystack.len());
        match self.lite_for(haystack) {
            Some(_) if cfg!(debug_assertions) => self.find(haystack).is_some(),
            Some(lite) => {
                let start = Instant::now();
                let found = lite.is_match(haystack);
                self.charge(haystack, start);
                found
            }
            None => self.with_state(|re, cache, _| {
                re.search_half_with(cache, &Input::new(haystack).earliest(true))
                    .is_some()
            }),
        }
    }

    /// The pattern's text.
    #[cfg(test)]
    pub(crate) fn text(&self) -> String {
        self.pattern()
    }

    /// What the pattern's text says its matches hold (`None` where that reading leaves it to
    /// the parser), and what its syntax tree says.
    #[cfg(test)]
    pub(crate) fn held_readings(&self) -> (Option<[bool; 128]>, [bool; 128]) {
        held_readings(&self.pattern())
    }

    /// Whether the pattern has a lite form, and whether that reads every haystack.
    #[cfg(test)]
    pub(crate) fn lite_exactness(&self) -> Option<bool> {
        let compiles = |pattern: String| {
            regex_lite::Regex::new(&pattern)
                .map_err(|e| eprintln!("regex-lite refuses {pattern}: {e}"))
                .is_ok()
        };
        let ascii = lite_form(&self.pattern(), true).is_some_and(compiles);
        let any = lite_form(&self.pattern(), false).is_some_and(compiles);
        ascii.then_some(any)
    }

    /// Panics unless the `regex` form finds in `haystack` what `regex::Regex` finds, with the
    /// same groups.
    #[cfg(test)]
    pub(crate) fn assert_full_form_is_regex(&self, haystack: &str) {
        let re = regex::Regex::new(&self.pattern()).expect("a valid pattern");
        let expected: Vec<Vec<Span>> = re
            .captures_iter(haystack)
            .map(|c| {
                (0..c.len())
                    .map(|i| c.get(i).map(|m| (m.start(), m.end())))
                    .collect()
            })
            .collect();
        let pattern = self.pattern();
        let whole: Vec<Vec<Span>> = expected.iter().map(|m| vec![m[0]]).collect();
        for (want, expected) in [
            (Want::ALL_GROUPS, expected.clone()),
            (
                Want::FIRST_GROUPS,
                expected.iter().take(1).cloned().collect(),
            ),
            (Want::ALL_WHOLE, whole.clone()),
            (Want::FIRST_WHOLE, whole.into_iter().take(1).collect()),
        ] {
            assert_eq!(
                self.full_spans(haystack, want),
                expected,
                "{pattern:?} on {haystack:?}"
            );
        }
        let is_match = self.with_state(|re, cache, _| {
            re.search_half_with(cache, &Input::new(haystack).earliest(true))
                .is_some()
        });
        assert_eq!(
            is_match,
            re.is_match(haystack),
            "{pattern:?} on {haystack:?}"
        );
    }

    /// Panics when the two forms read `haystack` differently (debug builds only).
    fn check(&self, haystack: &str, found: &[Vec<Span>], expected: &[Vec<Span>]) {
        assert_eq!(
            found,
            expected,
            "the regex-lite form of {:?} reads {haystack:?} differently",
            self.pattern()
        );
    }
}

/// One match of a pattern: where it is in the haystack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Match<'h> {
    haystack: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Match<'h> {
    pub(crate) fn start(&self) -> usize {
        self.start
    }

    pub(crate) fn end(&self) -> usize {
        self.end
    }

    pub(crate) fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    pub(crate) fn as_str(&self) -> &'h str {
        &self.haystack[self.start..self.end]
    }
}

/// The groups of one match, whichever form found it.
pub(crate) struct Captures<'r, 'h> {
    haystack: &'h str,
    names: &'r [Option<Box<str>>],
    spans: Vec<Span>,
}

impl<'h> Captures<'_, 'h> {
    pub(crate) fn get(&self, i: usize) -> Option<Match<'h>> {
        let (start, end) = self.spans.get(i).copied().flatten()?;
        Some(Match {
            haystack: self.haystack,
            start,
            end,
        })
    }

    pub(crate) fn name(&self, name: &str) -> Option<Match<'h>> {
        let i = self.names.iter().position(|n| n.as_deref() == Some(name))?;
        self.get(i)
    }

    /// The whole match.
    pub(crate) fn whole(&self) -> Match<'h> {
        self.get(0).expect("group 0 is the whole match")
    }
}

impl Index<&str> for Captures<'_, '_> {
    type Output = str;

    fn index(&self, name: &str) -> &str {
        self.name(name)
            .unwrap_or_else(|| panic!("no group named {name} took part in the match"))
            .as_str()
    }
}

impl Index<usize> for Captures<'_, '_> {
    type Output = str;

    fn index(&self, i: usize) -> &str {
        self.get(i)
            .unwrap_or_else(|| panic!("group {i} took part in no match"))
            .as_str()
    }
}

/// The matches of a [`Tiered`] pattern in one haystack.
pub(crate) struct CapturesIter<'r, 'h> {
    haystack: &'h str,
    /// Where the caller reads the matches (see [`Triggers::reading`]).
    original: &'h str,
    names: &'r [Option<Box<str>>],
    found: std::vec::IntoIter<Vec<Span>>,
}

impl<'r, 'h> Iterator for CapturesIter<'r, 'h> {
    type Item = Captures<'r, 'h>;

    fn next(&mut self) -> Option<Captures<'r, 'h>> {
        // The matches were all found before the first is read, so in a long text their bytes
        // have left the caches again (see `prefetch`).
        if let Some(&Some((ahead, _))) = self
            .found
            .as_slice()
            .get(READ_AHEAD)
            .and_then(|spans| spans.first())
        {
            prefetch(self.haystack.as_bytes(), ahead);
            if !std::ptr::eq(self.original, self.haystack) {
                prefetch(self.original.as_bytes(), ahead);
            }
        }
        self.found.next().map(|spans| Captures {
            haystack: self.haystack,
            names: self.names,
            spans,
        })
    }
}

/// `pattern` (written for the `regex` crate) rewritten for `regex-lite` to read ASCII haystacks
/// only, when `ascii`, or any haystack; `None` when it cannot be.
///
/// The two crates differ only on characters beyond ASCII, with one exception: Unicode case
/// folding makes the long s (U+017F) and the Kelvin sign (U+212A) match `s` and `k`. So for
/// ASCII haystacks the `u` flag is only dropped (`regex-lite` has none: its classes are always
/// ASCII's, which is what `u` off means), unless a case-insensitive pattern could name one of
/// those two (as a letter, a `\x`/`\u`/`\U` escape or a range beyond ASCII). For any haystack,
/// a Unicode `\s` or `\S` is spelled out as the White_Space class, and a Unicode `\d`, `\w`,
/// `\b`, `\<`, `\>`, their negations or case folding leave no rewrite. Either way `\p{..}` and
/// class set operations have none.
pub(crate) fn lite_form(pattern: &str, ascii: bool) -> Option<String> {
    let walk = translate(pattern, !ascii)?;
    let usable = if ascii {
        !walk.folds_onto_ascii
    } else {
        walk.exact
    };
    usable.then_some(walk.form)
}

/// What [`translate`] found.
struct Walk {
    /// The rewrite.
    form: String,
    /// Whether it reads non-ASCII haystacks as the original does.
    exact: bool,
    /// Whether the original, folding case, may match ASCII letters through characters beyond
    /// ASCII.
    folds_onto_ascii: bool,
}

/// The walk behind [`lite_form`], with Unicode spaces spelled out when `spell_out`. It tracks
/// character classes and the `u`, `i` and `x` flags of each group.
fn translate(pattern: &str, spell_out: bool) -> Option<Walk> {
    #[derive(Clone, Copy)]
    struct Flags {
        unicode: bool,
        fold: bool,
        verbose: bool,
    }
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut exact = true;
    let mut folds_onto_ascii = false;
    let mut flags = Flags {
        unicode: true,
        fold: false,
        verbose: false,
    };
    let mut groups: Vec<Flags> = Vec::new();
    let mut in_class = false;
    let mut chars = pattern.chars().peekable();
    // Whether anything is read under Unicode case folding, which `regex-lite` does not do.
    let mut folded = false;
    while let Some(c) = chars.next() {
        if flags.fold && flags.unicode && !matches!(c, '(' | ')') {
            folded = true;
        }
        match c {
            '\\' => {
                let e = chars.next()?;
                match e {
                    'p' | 'P' => return None,
                    's' if flags.unicode && spell_out => {
                        if in_class {
                            out.push_str(WHITE_SPACE);
                        } else {
                            out.push('[');
                            out.push_str(WHITE_SPACE);
                            out.push(']');
                        }
                    }
                    'S' if flags.unicode && spell_out => {
                        if in_class {
                            return None;
                        }
                        out.push_str("[^");
                        out.push_str(WHITE_SPACE);
                        out.push(']');
                    }
                    _ => {
                        if flags.unicode
                            && matches!(e, 'd' | 'D' | 'w' | 'W' | 'b' | 'B' | '<' | '>')
                        {
                            exact = false;
                        }
                        let range_end = in_class && out.ends_with('-');
                        out.push('\\');
                        out.push(e);
                        if matches!(e, 'x' | 'u' | 'U') {
                            // A code point: copied, and read for what it names.
                            let mut hex = String::new();
                            if chars.peek() == Some(&'{') {
                                out.push(chars.next()?);
                                for c in chars.by_ref() {
                                    out.push(c);
                                    if c == '}' {
                                        break;
                                    }
                                    hex.push(c);
                                }
                            } else {
                                let digits = match e {
                                    'x' => 2,
                                    'u' => 4,
                                    _ => 8,
                                };
                                for _ in 0..digits {
                                    let c = chars.next()?;
                                    out.push(c);
                                    hex.push(c);
                                }
                            }
                            let named = u32::from_str_radix(&hex, 16).ok()?;
                            let range_start = in_class && chars.peek() == Some(&'-');
                            if flags.unicode
                                && flags.fold
                                && (matches!(named, 0x17f | 0x212a)
                                    || (named > 0x7f && (range_start || range_end)))
                            {
                                folds_onto_ascii = true;
                            }
                        }
                    }
                }
                continue;
            }
            _ if in_class => {
                // Nested classes and set operations are not in `regex-lite`.
                if c == '[' || ((c == '&' || c == '-' || c == '~') && chars.peek() == Some(&c)) {
                    return None;
                }
                if c == ']' {
                    in_class = false;
                } else if flags.fold && flags.unicode {
                    // A range with an end beyond ASCII may hold the long s or the Kelvin sign.
                    let range = c == '-'
                        && !out.ends_with('[')
                        && !out.ends_with("[^")
                        && chars.peek() != Some(&']');
                    let beyond = |ch: Option<char>| ch.is_some_and(|ch| !ch.is_ascii());
                    if matches!(c, '\u{17f}' | '\u{212a}')
                        || (range && (beyond(out.chars().last()) || beyond(chars.peek().copied())))
                    {
                        folds_onto_ascii = true;
                    }
                }
                out.push(c);
            }
            '[' => {
                in_class = true;
                out.push('[');
                // A `]` (after an optional `^`) first in a class is a literal.
                if chars.peek() == Some(&'^') {
                    out.push('^');
                    chars.next();
                }
                if chars.peek() == Some(&']') {
                    out.push(']');
                    chars.next();
                }
            }
            '#' if flags.verbose => {
                // A comment, to the end of the line.
                out.push('#');
                for c in chars.by_ref() {
                    out.push(c);
                    if c == '\n' {
                        break;
                    }
                }
            }
            '(' => {
                groups.push(flags);
                if chars.peek() != Some(&'?') {
                    out.push('(');
                    continue;
                }
                chars.next();
                match chars.peek() {
                    Some(':') => {
                        out.push_str("(?");
                        continue;
                    }
                    Some('P' | '<') => {
                        // A group name, copied as it is.
                        out.push_str("(?");
                        for c in chars.by_ref() {
                            out.push(c);
                            if c == '>' {
                                break;
                            }
                        }
                        continue;
                    }
                    _ => {}
                }
                let (mut on, mut off, mut negate) = (String::new(), String::new(), false);
                let end = loop {
                    match chars.next()? {
                        '-' => negate = true,
                        ch @ (':' | ')') => break ch,
                        ch => {
                            let value = !negate;
                            match ch {
                                'u' => flags.unicode = value,
                                'i' => flags.fold = value,
                                'x' => flags.verbose = value,
                                'm' | 's' | 'U' | 'R' => {}
                                _ => return None,
                            }
                            if ch != 'u' {
                                if negate { &mut off } else { &mut on }.push(ch);
                            }
                        }
                    }
                };
                if end == ')' {
                    // The flags hold to the end of the enclosing group, which was not opened here.
                    groups.pop();
                }
                if !on.is_empty() || !off.is_empty() || end == ':' {
                    out.push_str("(?");
                    out.push_str(&on);
                    if !off.is_empty() {
                        out.push('-');
                        out.push_str(&off);
                    }
                    out.push(end);
                }
            }
            ')' => {
                flags = groups.pop()?;
                out.push(')');
            }
            _ => {
                if flags.fold && flags.unicode && matches!(c, '\u{17f}' | '\u{212a}') {
                    folds_onto_ascii = true;
                }
                out.push(c);
            }
        }
    }
    Some(Walk {
        form: out,
        exact: exact && !folded,
        folds_onto_ascii,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A group's occurrences are every place each of its words starts, by (offset, length),
    /// whichever way they are read: from a short text's pairs (every word in the shared list,
    /// none twice), from each word's run (a longer text), or with a word the list lacks or one
    /// listed twice; asked twice, as patterns sharing a group ask. The texts, of 150 to 700
    /// pieces, fall on both sides of [`FEW_PLACES`].
    #[test]
    fn groups_hold_every_place_of_their_words() {
        static SHARED: LazyLock<TriggerWords> = LazyLock::new(|| {
            TriggerWords::new(["jan", "january", "an", "may", "1", "19", "2019", "ago", "-"])
        });
        static GROUPS: [&[&str]; 5] = [
            &["jan", "january", "may"],
            &["1", "19", "2019", "-"],
            &["an", "ago", "may", "1"],
            // A word the list lacks is searched on its own.
            &["january", "uary"],
            // A word twice is found twice.
            &["may", "19", "may"],
        ];
        let pieces = [
            "jan", "uary", "an", "january", "may", "1", "19", "2019", "9", "ago", "go", "-", " ",
            "x", "\u{e9}", "\n",
        ];
        let mut picks = crate::testing::Picks::new(0x7137_4491_b5c0_fbcf);
        let (mut short, mut long) = (0, 0);
        for _ in 0..400 {
            let count = 150 + picks.below(550);
            let text = picks.text(&pieces, count);
            let triggers = Triggers::with_words(&text, &SHARED);
            assert!(triggers.gates(), "{} bytes", text.len());
            for group in GROUPS {
                let mut expected: Vec<(u32, u32)> = group
                    .iter()
                    .flat_map(|w| {
                        (0..text.len())
                            .filter(|&i| text.as_bytes()[i..].starts_with(w.as_bytes()))
                            .map(|i| (offset(i), offset(w.len())))
                    })
                    .collect();
                expected.sort_unstable();
                // Found, then (in a long text) kept.
                for _ in 0..2 {
                    assert_eq!(*triggers.group(group), expected, "{group:?} in {text:?}");
                }
            }
            match triggers.shared_places(&SHARED).found {
                Some(_) => short += 1,
                None => long += 1,
            }
        }
        assert!(short > 50 && long > 50, "{short} short texts, {long} long");
    }

    /// A group other than a gated search's lead answers, from each word's own places, what its
    /// joined places answer, and what reading the text says: whether a word of it lies wholly
    /// inside each of a run of stretches, which start anywhere (on a word, inside one, just past
    /// one). Its length is the joined list's too.
    #[test]
    fn unjoined_groups_answer_as_joined_ones() {
        static SHARED: LazyLock<TriggerWords> =
            LazyLock::new(|| TriggerWords::new(["jan", "january", "may", "1", "19", "2019", "-"]));
        static GROUPS: [&[&str]; 3] = [
            &["jan", "january", "may"],
            &["1", "19", "2019", "-"],
            &["january", "uary", "may"],
        ];
        let pieces = [
            "jan", "uary", "january", "may", "1", "19", "2019", "9", "-", " ", "x",
        ];
        let mut picks = crate::testing::Picks::new(0x2f1c_83a0_55d9_e417);
        let (mut asked, mut held) = (0, 0);
        for _ in 0..200 {
            let count = 400 + picks.below(400);
            let text = picks.text(&pieces, count);
            let triggers = Triggers::with_words(&text, &SHARED);
            assert!(!triggers.keeps_pairs(), "{} bytes", text.len());
            for group in GROUPS {
                let joined = triggers.group(group);
                let mut words = Other::Words(
                    triggers
                        .word_lists(group)
                        .into_iter()
                        .map(|(list, len)| (list, len, 0))
                        .collect(),
                );
                let mut whole = Other::Joined(Rc::clone(&joined), 0);
                assert_eq!(words.len(), joined.len());
                assert_eq!(whole.len(), joined.len());
                let mut from = picks.below(8);
                while from < text.len() {
                    let to = (from + 1 + picks.below(12)).min(text.len());
                    let (f, t) = (offset(from), offset(to));
                    // From the text itself: a word of the group starts at or after `from` and
                    // ends by `to`.
                    let expected = group.iter().any(|w| {
                        (from..to).any(|q| text.as_bytes()[q..to].starts_with(w.as_bytes()))
                    });
                    assert_eq!(
                        whole.holds(f, t),
                        expected,
                        "{group:?} {from}..{to} of {text:?}"
                    );
                    assert_eq!(
                        words.holds(f, t),
                        expected,
                        "{group:?} {from}..{to} of {text:?}"
                    );
                    asked += 1;
                    held += usize::from(expected);
                    from = to + picks.below(6);
                }
            }
        }
        assert!(
            held > asked / 10 && held < asked * 9 / 10,
            "{held} of {asked}"
        );
    }

    /// A shared list of more words than the bits hold (512): a group of words under the bound
    /// is read off a short text's pairs, which hold words past it, and a group with a word past
    /// it is read from the words' runs; both find every place, and whether each word occurs.
    #[test]
    fn groups_read_past_the_bits_of_a_long_list() {
        static SHARED: LazyLock<TriggerWords> = LazyLock::new(|| {
            TriggerWords::new((0..600).map(|i| &*Box::leak(format!("w{i:03}").into_boxed_str())))
        });
        static LOW: [&str; 2] = ["w001", "w511"];
        static HIGH: [&str; 2] = ["w002", "w599"];
        let text = "w001 w599 w512, w002 w511. ".repeat(12);
        let triggers = Triggers::with_words(&text, &SHARED);
        assert!(triggers.gates());
        assert!(triggers.shared_places(&SHARED).found.is_some());
        for group in [&LOW[..], &HIGH[..]] {
            let mut expected: Vec<(u32, u32)> = group
                .iter()
                .flat_map(|w| text.match_indices(w).map(|(i, _)| (offset(i), 4)))
                .collect();
            expected.sort_unstable();
            assert_eq!(expected.len(), 24);
            assert_eq!(*triggers.group(group), expected, "{group:?}");
        }
        assert!(triggers.holds_any(&["w599"]) && !triggers.holds_any(&["w598"]));
    }

    /// The loop over the table read out of the crate's automaton finds every occurrence that the
    /// crate's own overlapping search finds, on texts of overlapping words ("jan", "january",
    /// "an", digits and years) and other bytes; short texts with one reader, long ones with two
    /// (words across the middle included).
    #[test]
    fn trigger_words_are_found_as_the_overlapping_search_finds_them() {
        let words = [
            "-", "1", "19", "2019", "9", "ago", "an", "go", "jan", "january", "y",
        ];
        let pieces = [
            "jan", "uary", "an", "january", "y", "1", "19", "2019", "9", "ago", "go", "-", " ",
            "x", "\u{e9}", "\n",
        ];
        let mut picks = crate::testing::Picks::new(0x428a_2f98_d728_ae22);
        let dfa = words::WordsDfa::for_words(&words);
        assert!(!dfa.is_prebuilt());
        let reference = aho_corasick::AhoCorasick::new(words).expect("an automaton");
        let mut straddling = 0;
        for round in 0..2_400 {
            let count = if round < 2_000 {
                picks.below(30)
            } else {
                1_500 + picks.below(2_000)
            };
            let text = picks.text(&pieces, count);
            if text.len() >= TWO_READERS_FROM {
                let middle = text.len() / 2;
                straddling += usize::from(
                    reference
                        .find_overlapping_iter(&text)
                        .any(|m| m.start() < middle && middle < m.end()),
                );
            }
            let mut expected = vec![Vec::new(); words.len()];
            for m in reference.find_overlapping_iter(&text) {
                expected[m.pattern().as_usize()].push(offset(m.start()));
            }
            let places = Places::of(words.len(), overlapping_offsets(&dfa, text.as_bytes()));
            let by_word: Vec<&[u32]> = (0..words.len()).map(|w| places.word(w)).collect();
            assert_eq!(by_word, expected, "{text:?}");
        }
        assert!(
            straddling > 50,
            "only {straddling} long texts with a word across the middle"
        );
    }

    /// The table carried in the binary finds the date patterns' trigger words where the crate's
    /// overlapping search finds them, pair for pair and in the same order, in the bench
    /// articles and in text made of the words themselves, cut at random and run together.
    #[test]
    fn the_carried_trigger_table_finds_what_the_crate_finds() {
        let shared = &*crate::date::TRIGGER_WORDS;
        let dfa = words::WordsDfa::for_words(&shared.words);
        assert!(
            dfa.is_prebuilt(),
            "the trigger table is stale: run `UPDATE_SNAPSHOTS=1 cargo test -p claimcheck-extract trigger_table`"
        );
        let reference = aho_corasick::AhoCorasick::new(&shared.words).expect("an automaton");
        let articles =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../bench/articles");
        let mut texts: Vec<String> = std::fs::read_dir(&articles)
            .expect("bench/articles is in the repository")
            .map(|e| std::fs::read_to_string(e.expect("an entry").path()).expect("an article"))
            .map(|t| t.to_ascii_lowercase())
            .collect();
        let mut picks = crate::testing::Picks::new(0x3956_c25b_f348_b538);
        let mut pieces: Vec<&str> = shared.words.clone();
        pieces.extend([" ", "\u{201c}", "\u{e9}", "x", "\n", "s", "th"]);
        for _ in 0..200 {
            let count = picks.below(400);
            let text = picks.text(&pieces, count);
            // Words cut short or run on: each piece's first bytes, or two pieces together.
            let cut = picks.below(text.len() + 1);
            texts.push(format!(
                "{}{}",
                &text[..text.floor_char_boundary(cut)],
                text
            ));
        }
        for text in &texts {
            let mut expected: Vec<(u32, u32)> = Vec::new();
            let mut ends: Vec<(usize, u32, u32)> = reference
                .find_overlapping_iter(text)
                .enumerate()
                .map(|(k, m)| (k, offset(m.pattern().as_usize()), offset(m.start())))
                .collect();
            // One reader's order: by where each word ends, as the crate reports them.
            ends.sort_by_key(|&(k, _, _)| k);
            expected.extend(ends.iter().map(|&(_, w, s)| (w, s)));
            let mut found = Vec::new();
            read_words(
                &dfa,
                text.as_bytes(),
                (dfa.start(), 0),
                text.len(),
                text.len(),
                &mut |w, start| found.push((offset(w), offset(start))),
            );
            assert_eq!(found, expected, "{:?}", &text[..text.len().min(80)]);
        }
    }

    /// Panics unless `regex-lite` reading `form` finds in each haystack what `regex` reading
    /// `pattern` finds.
    fn assert_same_matches(pattern: &str, form: &str, haystacks: &[&str]) {
        let lite = regex_lite::Regex::new(form).expect("regex-lite reads the form");
        let full = regex::Regex::new(pattern).expect("a valid pattern");
        for h in haystacks {
            let a: Vec<_> = lite.find_iter(h).map(|m| m.range()).collect();
            let b: Vec<_> = full.find_iter(h).map(|m| m.range()).collect();
            assert_eq!(a, b, "{pattern} on {h:?}");
        }
    }

    /// The rewrite for any haystack where there is one, else the ASCII one, and which it is.
    fn lite(pattern: &str) -> Option<(String, bool)> {
        match lite_form(pattern, false) {
            Some(form) => Some((form, true)),
            None => lite_form(pattern, true).map(|form| (form, false)),
        }
    }

    #[test]
    fn spells_out_unicode_space_and_drops_the_unicode_flag() {
        let (form, exact) = lite(r"(?-u:\b)may\s+(?P<d>[0-9]{1,2})[-\s]").expect("translatable");
        assert!(exact);
        assert_eq!(
            form,
            format!(r"(?:\b)may[{WHITE_SPACE}]+(?P<d>[0-9]{{1,2}})[-{WHITE_SPACE}]")
        );
        let (form, exact) = lite(r"(?x-u) a \s \w+ # note \d").expect("translatable");
        assert!(exact, "ASCII classes read the same in both");
        assert_eq!(form, r"(?x) a \s \w+ # note \d");
    }

    #[test]
    fn unicode_classes_and_folding_are_ascii_only_or_refused() {
        assert_eq!(lite(r"\bword\b").map(|(_, exact)| exact), Some(false));
        assert_eq!(lite(r"(?i)word").map(|(_, exact)| exact), Some(false));
        assert_eq!(lite(r"(?i-u)word").map(|(_, exact)| exact), Some(true));
        assert_eq!(lite(r"(?i:[0-9]+)x").map(|(_, exact)| exact), Some(false));
        assert_eq!(lite(r"[0-9]+(?i)").map(|(_, exact)| exact), Some(true));
        assert_eq!(lite(r"\<a\>").map(|(_, exact)| exact), Some(false));
        assert_eq!(lite(r"(?i:a)\S").map(|(_, exact)| exact), Some(false));
        assert_eq!(lite(r"\p{Lu}\w"), None);
        assert_eq!(lite(r"[a-z&&[^x]]"), None);
        assert_eq!(lite(r"[^\S\n]").map(|(_, exact)| exact), Some(false));
        // For ASCII haystacks a Unicode `\s` is the ASCII one, and stays short.
        assert_eq!(
            lite_form(r"(?-u:\b)a\s+b", true).as_deref(),
            Some(r"(?:\b)a\s+b")
        );
    }

    /// Unicode case folding matches `s` and `k` through the long s and the Kelvin sign, so a
    /// case-insensitive pattern that may name either has no ASCII form; one that cannot keeps
    /// it. Where there is one, it reads ASCII text as the original does.
    #[test]
    fn folding_onto_ascii_letters_leaves_no_ascii_form() {
        for refused in [
            "(?i)\u{17f}",
            "(?i)x\u{212a}",
            r"(?i)\x{17F}",
            r"(?i)\u{212A}",
            "(?i)[\u{100}-\u{2200}]",
            "(?i)[a-\u{17f}]",
            r"(?i)[\x{100}-\x{2200}]",
            r"(?i)[a-\u{17F}]",
        ] {
            assert_eq!(lite_form(refused, true), None, "{refused}");
        }
        let haystacks = ["s k S K", "the Sk sk", "!~ \t"];
        for kept in [
            r"(?i)[!-~]+",
            "(?i)^[ \u{a0}]*(?P<scale>hundred|thousand)|s|k",
            "(?-u)(?i)\u{17f}|s",
            "(?i-u:[a-z]+)",
            r"(?i)^[ \u{a0}]*(?P<scale>hundred|thousand)\b",
        ] {
            let form = lite_form(kept, true).unwrap_or_else(|| panic!("{kept} has an ASCII form"));
            assert_same_matches(kept, &form, &haystacks);
        }
    }

    /// Where `lite_form` says a form is exact, the two engines agree on characters where their
    /// classes differ: Unicode spaces, letters and digits, and the two letters Unicode case
    /// folding adds to ASCII ones.
    #[test]
    fn exact_forms_read_unicode_text_the_same() {
        let haystacks = [
            "on\u{a0}may\u{2003}5, 2020 and may\u{3000}6",
            "\u{17f}ix k\u{212a}m \u{661}\u{662} caf\u{e9} \u{3b4}\u{3b4}",
            "a\u{2028}b\u{85}c\u{200b}d\u{feff}e \t\n\r\u{b}\u{c}f",
        ];
        for pattern in [
            r"(?-u:\b)may\s+(?P<d>[0-9])",
            r"\s+(?P<w>[^\s]+)",
            r"\S+",
            r"(?-u)(?i)\b\w+\b",
            r"(?i-u:[0-9]+)\s*[a-z]+",
            r"[\s,]+(?-u:\b)",
        ] {
            let (form, exact) = lite(pattern).expect("translatable");
            assert!(exact, "{pattern}");
            assert_same_matches(pattern, &form, &haystacks);
        }
    }

    #[test]
    fn each_form_finds_the_same_groups() {
        static DATE: Tiered =
            Tiered::new(|| String::from(r"(?-u:\b)(?P<m>may|june)\s+(?P<d>[0-9]{1,2})"));
        let text = "from May 5 to june\u{a0}6";
        let lower = text.to_ascii_lowercase();
        let found: Vec<(String, String)> = DATE
            .captures_iter(&lower)
            .map(|c| (c["m"].to_string(), c["d"].to_string()))
            .collect();
        assert_eq!(
            found,
            [("may".into(), "5".into()), ("june".into(), "6".into())]
        );
        assert!(DATE.is_match("june 1"));
        assert_eq!(DATE.find("in may 30").map(|m| m.range()), Some(3..9));
    }

    /// The `regex` form is the `regex` crate's engine used directly: the same matches, groups
    /// and empty-match steps, on patterns that match empty strings and on Unicode text.
    #[test]
    fn the_regex_form_finds_what_the_regex_crate_finds() {
        static EMPTY: Tiered = Tiered::new(|| String::from(r"a*"));
        static OPTIONAL: Tiered = Tiered::new(|| String::from(r"^(?:[ \u{a0}]*,)?"));
        static BOUNDARY: Tiered = Tiered::new(|| String::from(r"\b"));
        static WORDS: Tiered = Tiered::new(|| String::from(r"(?i)(?P<w>\w+)(?:\s+|$)"));
        for tiered in [&EMPTY, &OPTIONAL, &BOUNDARY, &WORDS] {
            for h in [
                "",
                "aaba",
                " ,x",
                "caf\u{e9} \u{3b4}a\u{a0}K\u{212a}",
                "\u{1f600}a\u{1f600}",
            ] {
                tiered.assert_full_form_is_regex(h);
            }
        }
    }

    /// The stop bytes of a gated search: what no match can hold, read on the side of holding
    /// more.
    #[test]
    fn stop_bytes_are_those_no_match_can_hold() {
        static AGO: Tiered = Tiered::new(|| String::from(r"(?-u:\b)(?P<n>[0-9]+)\s+days?\s+ago\b"));
        let stops = AGO.stops();
        let held: String = (0u8..128)
            .filter(|&b| !stops[usize::from(b)])
            .map(char::from)
            .collect();
        assert_eq!(held, "\t\n\u{b}\u{c}\r 0123456789adgosy");
        // Case folding holds both cases of letters and ranges; a group name is no flag.
        static FOLDED: Tiered = Tiered::new(|| String::from(r"(?i)ab[x-z](?P<side>c)"));
        let held: String = (0u8..128)
            .filter(|&b| !FOLDED.stops()[usize::from(b)])
            .map(char::from)
            .collect();
        assert_eq!(held, "ABCXYZabcxyz");
        static NAMED: Tiered = Tiered::new(|| String::from(r"(?P<side>c)(?-i:d)"));
        assert_eq!(NAMED.stops().iter().filter(|&&s| !s).count(), 2);
        // A negated class is read as holding everything.
        static NEGATED: Tiered = Tiered::new(|| String::from(r"a[^b]"));
        assert!(NEGATED.stops().iter().all(|&s| !s));
    }

    /// Reading a pattern's text finds the bytes its syntax tree holds, or leaves the pattern to
    /// the parser; never other bytes.
    #[test]
    fn the_text_of_a_pattern_holds_what_its_tree_holds() {
        let shown = |held: &[bool; 128]| -> String {
            (0u8..128)
                .filter(|&b| held[usize::from(b)])
                .map(char::from)
                .collect()
        };
        let read = [
            r"(?-u:\b)(?P<n>[0-9]+)\s+days?\s+ago\b",
            r"(?i)ab[x-z](?P<side>c)",
            r"(?<side>c)(?-i:d)",
            r"a[^b]",
            r"a.b",
            r"[]a][a-][-/][/.-]",
            r"[\x00-\t\x0B-!#-&(-\x7F]{1,80}",
            r"[A-Za-z'\-]+\.\s*,?",
            r"\x41\x{42}\u0043\u{44}\U00000045\n\t\v\f\r\a",
            r"[\t-\r\x20\x{85}\x{A0}]",
            r"a{2}b{1,3}c{4,}",
            r"\d\w\s\D",
            r"x\p{L}",
            r"x\pL",
            r"[[:alpha:]]",
            r"[\d\s]|[^\S]",
            r"\Aa\z\Bb\<c\>",
            "caf\u{e9} \u{2019}s",
            r"\.\-\/\(\)\[\]\{\}\*\+\?\|\^\$\#\&\~",
        ];
        for pattern in read {
            let (scanned, tree) = held_readings(pattern);
            assert_eq!(scanned.map(|h| shown(&h)), Some(shown(&tree)), "{pattern}");
        }
        // Left to the parser: the `x` flag, a nested class, a class operation, a boundary with
        // a name.
        for pattern in [
            "(?x) a # b",
            r"(?ix:a)",
            r"[a[bc]]",
            r"[a-z&&[^x]]",
            r"[a--b]",
            r"\b{start}a",
        ] {
            assert_eq!(held_readings(pattern).0, None, "{pattern}");
        }
    }

    /// The comparison that guards every lite search in a debug build does fail on a difference.
    #[test]
    #[should_panic(expected = "reads")]
    fn a_difference_between_the_forms_is_caught() {
        static WORD: Tiered = Tiered::new(|| String::from(r"\w+"));
        let h = "caf\u{e9}";
        let lite = regex_lite::Regex::new(r"\w+").expect("valid");
        let found = Tiered::lite_spans(&lite, h, Want::ALL_GROUPS);
        WORD.check(h, &found, &WORD.full_spans(h, Want::ALL_GROUPS));
    }
}
