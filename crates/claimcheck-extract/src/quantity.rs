//! Quantity claims: counts, percentages, money and measures in units ("1,200 people", "35%",
//! "$700 million", "more than 10 1/2 miles", "between 3 and 5 kilometers"), and proportions in
//! words ("the majority of imports", "two-thirds of the budget").
//!
//! The reader here, [`measures`], is shared with the distance extractor, which looks for places
//! around the lengths it finds.

mod comparator;
mod proportion;
pub(crate) mod units;

pub(crate) use proportion::{proportions, proportions_with, required_words};

use std::sync::LazyLock;

use crate::ascii::with_lowercase;
use crate::nearby::Nearby;
use crate::tier::{Captures, Tiered};
use claimcheck_core::{Claim, Comparator, Details, QuantityDetails, Span, UnitScale};

use crate::number::{Number, NumberForm, numbers};
pub(crate) use units::{Dimension, Unit};
use units::{UnitMatch, prefix_before, unit_at, unit_named};

/// A number with what it counts or measures, as read from the text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Measure {
    /// From the comparator (when stated) to the end of the unit or counted noun.
    pub span: Span,
    /// From the first number to the end, without the comparator.
    pub core: Span,
    /// The value in `unit`; the lower end of a range.
    pub value: f64,
    /// The upper end of a range.
    pub value_max: Option<f64>,
    /// The unit the value is expressed in; `None` for a count.
    pub unit: Option<&'static Unit>,
    /// The unit as written.
    pub unit_text: Option<String>,
    pub comparator: Option<Comparator>,
    /// Whether the measure modifies a noun ("a 3-inch thickness", "the six-mile trip"): a size,
    /// not a distance between two places.
    pub attributive: bool,
}

/// Every quantity claim in `text`, in order.
pub fn extract_quantities(text: &str) -> Vec<Claim> {
    crate::tier::given(text.len());
    let _reading = crate::tier::reading(text.len());
    let proportions = proportions(text, &text.to_ascii_lowercase());
    quantities_from(text, measures(text), proportions)
}

/// [`extract_quantities`] from the text's [`measures`] and [`proportions`], already read.
pub(crate) fn quantities_from(
    text: &str,
    mut all: Vec<Measure>,
    proportions: Vec<Measure>,
) -> Vec<Claim> {
    if !proportions.is_empty() {
        // A fraction of a unit ("a quarter of a mile") holds the measure of its unit ("a
        // mile"), which it replaces.
        for p in &proportions {
            if p.unit.is_some_and(|u| u.name.as_str() != "proportion") {
                all.retain(|m| !p.span.contains(m.span));
            }
        }
        let mut taken = Nearby::of(all.iter().map(|m| m.span));
        for p in proportions {
            if !taken.overlaps(p.span) {
                taken.insert(p.span);
                all.push(p);
            }
        }
    }
    all.sort_by_key(|m| m.span.start);
    all.into_iter()
        .filter(|m| !is_definite_reference(text, m))
        .map(|m| {
            let details = QuantityDetails {
                value: m.value,
                value_max: m.value_max,
                unit: m.unit_text,
                comparator: m.comparator,
                unit_name: m.unit.map(|u| u.name.as_str().into()),
                scale: m.unit.map(|u| UnitScale {
                    dimension: u.dimension.name(),
                    factor: u.factor,
                }),
            };
            Claim::new(text, m.span, Details::Quantity(details))
        })
        .collect()
}

/// Whether a count names things already known rather than stating a figure: "the two
/// countries", "their three children" refer back, where "two countries signed" counts.
fn is_definite_reference(text: &str, m: &Measure) -> bool {
    if m.unit.is_some() || m.comparator.is_some() {
        return false;
    }
    let before = text[..m.span.start].trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    with_lowercase(word, |w| {
        matches!(
            w,
            "the" | "these" | "those" | "its" | "their" | "his" | "her" | "our" | "both" | "all"
        )
    })
}

/// Every measure in `text`, left to right, without overlap. [`crate::extract`] reads them once
/// for the distance and the quantity extractors.
pub(crate) fn measures(text: &str) -> Vec<Measure> {
    let nums = numbers(text);
    // At most one measure a number: room for them all, which a page holds only once written,
    // rather than a list copied at each doubling.
    let mut out = Vec::with_capacity(nums.len());
    let mut i = 0;
    while i < nums.len() {
        if let Some((m, next)) = one_in(text, &nums, i) {
            out.push(m);
            i = next;
            continue;
        }
        match measure_from(text, &nums, i) {
            Some((m, next)) => {
                out.push(m);
                i = next;
            }
            None => i += 1,
        }
    }
    // "a mile from the border", "a gallon of beer": an article counts one of a unit of size.
    // Built at the first article that stands for a measure, which most texts never have.
    let mut taken: Option<Nearby> = None;
    for article in articles(text) {
        let Some(m) = unit_at(text, article.end) else {
            continue;
        };
        let name = m.unit.name.as_str();
        // "a mile and a half", "an hour and a half": one and a half of any unit.
        let half = and_a_half(text, m.end);
        let sized = half.is_some()
            || matches!(
                m.unit.dimension,
                Dimension::Length | Dimension::Area | Dimension::Volume | Dimension::Mass
            );
        if m.symbol
            || !sized
            || name == "foot"
            || taken
                .get_or_insert_with(|| Nearby::of(out.iter().map(|m| m.span)))
                .overlaps(Span::new(article.start, m.end))
        {
            continue;
        }
        let stated = comparator::stated_before(text, article.start).filter(|s| !s.range_opener);
        let start = stated.map_or(article.start, |s| s.start);
        let end = half.unwrap_or(m.end);
        if let Some(taken) = &mut taken {
            taken.insert(Span::new(start, end));
        }
        out.push(Measure {
            span: Span::new(start, end),
            core: Span::new(article.start, end),
            value: if half.is_some() { 1.5 } else { 1.0 },
            value_max: None,
            unit: Some(m.unit),
            unit_text: Some(crate::collapse_white_space(&text[m.start..m.end])),
            comparator: stated.map(|s| s.comparator),
            attributive: text[m.end..].starts_with('-'),
        });
    }
    out.sort_by_key(|m| m.span.start);
    out
}

/// "one in four adults", "1 in 10", "two in every five": a share written as a count out of a
/// whole, read from `nums[i]` and the number after it, as a proportion (value `a / b`).
fn one_in(text: &str, nums: &[Number], i: usize) -> Option<(Measure, usize)> {
    let (a, b) = (nums[i], *nums.get(i + 1)?);
    let between = text.get(a.end..b.start).filter(|s| s.len() <= 10)?;
    let joined = [" in ", " in every ", " in each ", " out of "]
        .iter()
        .any(|w| between.eq_ignore_ascii_case(w));
    let whole = |v: f64| v.fract() == 0.0 && v >= 1.0;
    if !joined || !whole(a.value) || !whole(b.value) || a.value >= b.value || b.value > 1000.0 {
        return None;
    }
    // "3 in 5 years", "2 out of 3 km": the second figure measures something.
    if unit_after(text, b, false).is_some() || unit_after(text, a, false).is_some() {
        return None;
    }
    let unit = unit_named("proportion")?;
    let stated = comparator::stated_before(text, a.start).filter(|s| !s.range_opener);
    Some((
        Measure {
            span: Span::new(stated.map_or(a.start, |s| s.start), b.end),
            core: Span::new(a.start, b.end),
            value: a.value / b.value,
            value_max: None,
            unit: Some(unit),
            unit_text: Some(crate::collapse_white_space(&text[a.start..b.end])),
            comparator: stated.map(|s| s.comparator),
            attributive: false,
        },
        i + 2,
    ))
}

/// The indefinite articles that may stand for "one" before a unit, each with the spaces after
/// it: what `\b(?:[Aa]n?)[ \u{a0}]+` finds, read by hand. That pattern read the whole text at
/// every size, and its Unicode word boundary made it dear to compile (0.3 ms).
fn articles(text: &str) -> impl Iterator<Item = Span> + '_ {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'a', b'A', bytes).filter_map(move |i| {
        // Most of the letters found are inside words: the byte after an article is a space,
        // the first of a no-break space or the "n" of "an", and an ASCII byte before it is no
        // letter, digit or underscore (what `\w` is in ASCII). Only a byte before it outside
        // ASCII is decoded and looked up in Unicode's table. Those tests cost a few
        // instructions where decoding the character before every "a" of a text cost 0.4% of
        // extracting it.
        if !matches!(bytes.get(i + 1), Some(b' ' | 0xC2 | b'n')) {
            return None;
        }
        let word_before = match i.checked_sub(1).map(|k| bytes[k]) {
            None => false,
            Some(b) if b.is_ascii() => b.is_ascii_alphanumeric() || b == b'_',
            // The letter is ASCII, so `i` is a character boundary.
            Some(_) => text[..i]
                .chars()
                .next_back()
                .is_some_and(regex_syntax::is_word_character),
        };
        if word_before {
            return None;
        }
        let word_end = i + if bytes.get(i + 1) == Some(&b'n') {
            2
        } else {
            1
        };
        let mut end = word_end;
        loop {
            if bytes.get(end) == Some(&b' ') {
                end += 1;
            } else if bytes[end..].starts_with("\u{a0}".as_bytes()) {
                end += "\u{a0}".len();
            } else {
                break;
            }
        }
        // No match can hold another "a": they never overlap, as the pattern's never did.
        (end > word_end).then(|| Span::new(i, end))
    })
}

/// The separator between the two ends of a range at the start of `s` ("3-5", "8- to 16-", "3
/// to 4", "5 and 6"): its length, and its word when it is one. What
/// `^(?:[ \u{a0}]*[-–—‒][ \u{a0}]*(?:to[ \u{a0}]+)?|[ \u{a0}]+(?P<word>to|and|or)[ \u{a0}]+)`
/// finds, read by hand: it is asked after nearly every number, and a space follows most.
fn range_sep(s: &str) -> Option<(usize, Option<&'static str>)> {
    // The end of the run of spaces and no-break spaces from `from`.
    let spaces = |at: usize| s.len() - s[at..].trim_start_matches([' ', '\u{a0}']).len();
    // A word and the spaces after it, which must be there.
    let word_at = |at: usize, word: &str| {
        s[at..]
            .starts_with(word)
            .then(|| spaces(at + word.len()))
            .filter(|&end| end > at + word.len())
    };
    let lead = spaces(0);
    // A dash, with spaces on either side and "to" after it as may be ("8- to 16-").
    if let Some(dash) = s[lead..]
        .chars()
        .next()
        .filter(|c| matches!(c, '-' | '\u{2013}' | '\u{2014}' | '\u{2012}'))
    {
        let after = spaces(lead + dash.len_utf8());
        return Some((word_at(after, "to").unwrap_or(after), None));
    }
    if lead == 0 {
        return None;
    }
    ["to", "and", "or"]
        .into_iter()
        .find_map(|word| Some((word_at(lead, word)?, Some(word))))
}

/// The separator between the parts of a compound length, weight or time: "7 feet 10 inches",
/// "2 km and 1 m", "1 hour 20 minutes".
static COMPOUND_SEP: Tiered = Tiered::new(|| {
    String::from(
        r"^(?:[ \u{a0}]*,[ \u{a0}]*(?:and[ \u{a0}]+)?|[ \u{a0}]+and[ \u{a0}]+|[ \u{a0}]+)?",
    )
});

/// Whether `s` starts with one of `chars`: the patterns read at every number below match only
/// from a few first characters, and most numbers are followed by none of them, which this
/// answers without a search.
fn starts_with_one_of(s: &str, chars: &[char]) -> bool {
    s.chars().next().is_some_and(|c| chars.contains(&c))
}

/// `pattern`'s groups at the start of `s`, searched only when `s` starts with one of `first`,
/// the characters a match can start with (see [`Tiered::captures_if`]).
fn captures_from<'t>(
    pattern: &'static Tiered,
    s: &'t str,
    first: &[char],
) -> Option<Captures<'static, 't>> {
    pattern.captures_if(starts_with_one_of(s, first), s)
}

/// The lowercase word after the space or no-break space that starts `s`, as a range of `s`:
/// ASCII letters, with hyphens joining more of them ("long-range"), up to a word boundary.
/// What `^[ \u{a0}]([a-z][a-z]*(?:-[a-z]+)*)\b` captures, read by hand: it is asked after
/// nearly every number, and the pattern's search cost a hundredth of extraction. As that
/// pattern backtracks, a word that runs into a word character ("km2") is cut back to before
/// its last hyphen, or is none.
fn noun_after(s: &str) -> Option<std::ops::Range<usize>> {
    let start = if s.starts_with(' ') {
        1
    } else if s.starts_with('\u{a0}') {
        '\u{a0}'.len_utf8()
    } else {
        return None;
    };
    let bytes = s.as_bytes();
    let letters = |from: usize| {
        bytes[from..]
            .iter()
            .take_while(|b| b.is_ascii_lowercase())
            .count()
    };
    let mut end = start + letters(start);
    if end == start {
        return None;
    }
    // Where the word ended before its last hyphen, for a word that does not end at a boundary.
    let mut before_hyphen = None;
    while bytes.get(end) == Some(&b'-') {
        let more = letters(end + 1);
        if more == 0 {
            break;
        }
        before_hyphen = Some(end);
        end += 1 + more;
    }
    let at_boundary = s[end..]
        .chars()
        .next()
        .is_none_or(|c| !regex_syntax::is_word_character(c));
    if at_boundary {
        Some(start..end)
    } else {
        before_hyphen.map(|e| start..e)
    }
}

/// A letter scale after a currency amount: "$10M", "€2.5bn", "$15k".
static MONEY_SCALE: Tiered =
    Tiered::new(|| String::from(r"^(?:(?P<k>[kK])|(?P<m>mn|m|M)|(?P<b>bn|b|B)|(?P<t>trn|tn|T))\b"));

/// Verbs that make "from X to Y" a change rather than a range; matched against [`fold_case`]
/// text, where it compiles in half the time it takes with `(?i)`.
static CHANGE_VERB: Tiered = Tiered::new(|| {
    String::from(
        r"\b(?:rose|rise[sn]?|rising|fell|falls?|falling|fallen|increased?|increasing|decreased?|decreasing|grew|grow(?:s|n|ing)?|dropped|drops?|dropping|climbed|climbs?|jumped|jumps?|surged?|soared?|plunged?|slumped?|cut|cutting|raised?|raising|reduced?|reducing|lowered?|lowering|lift(?:ed|ing|s)?|boost(?:ed|ing|s)?|hike[ds]?|hiking|slash(?:ed|es|ing)?|trimm(?:ed|ing)|changed?|up|down|went|go(?:es)?|moved?|shrank|shrunk|declined?|expanded?|widened|narrowed|revised)\b",
    )
});

/// Context that makes "pounds" money rather than weight; matched against [`fold_case`] text.
static MONEY_CONTEXT: Tiered = Tiered::new(|| {
    String::from(
        r"\b(?:cost|costs|costing|spent|spend|spending|paid|pay|pays|paying|worth|price|priced|fine|fined|raised|budget|funding|fund|salary|deal|bill|earn|earned|earns|owe|owed|invest|invested|investment|sum|compensation|bonus|revenue|profit|loss|sterling)\b",
    )
});

/// Words after a number that are not a counted noun.
const NOT_COUNTED: &str = include_str!("quantity/not_counted.txt");

static NOT_COUNTED_SET: LazyLock<rustc_hash::FxHashSet<&'static str>> = LazyLock::new(|| {
    NOT_COUNTED
        .split_whitespace()
        .filter(|w| !w.starts_with('#'))
        .collect()
});

/// The words that may follow an inch written "in", which is otherwise the preposition.
const AFTER_INCH: &[&str] = &[
    "thick", "thin", "long", "wide", "tall", "high", "deep", "across", "diameter", "in", "of",
    "by", "x",
];

/// Reads the measure that begins with `nums[i]`, and the index of the next unread number.
fn measure_from(text: &str, nums: &[Number], i: usize) -> Option<(Measure, usize)> {
    let first = nums[i];
    if first.form != NumberForm::Words
        && let Some((currency, prefix_start)) = prefix_before(text, first.start)
    {
        return money_from(text, nums, i, currency, prefix_start);
    }
    let stated = comparator::stated_before(text, first.start);
    let first_unit = unit_after(text, first, false);
    let mut value = first.value;
    let mut end = first.end;
    let mut unit: Option<UnitMatch> = None;
    let mut attributive = false;
    let mut next = i + 1;
    if let Some(u) = first_unit {
        match u {
            After::Unit(m, attr) => {
                unit = Some(m);
                attributive = attr;
                end = m.end;
            }
            After::Thousands(m) => {
                value *= 1000.0;
                unit = Some(m);
                end = m.end;
            }
            After::ThousandsCount(e) => {
                value *= 1000.0;
                end = e;
            }
        }
    }
    // "two miles and a half": half a unit more.
    if unit.is_some()
        && value.fract() == 0.0
        && let Some(e) = and_a_half(text, end)
    {
        value += 0.5;
        end = e;
    }

    // A range: "3-5 km", "between 3 and 5 km", "3km-5km", "8- to 16-meter", "eight to 10 feet".
    let mut value_max = None;
    let mut comparator = stated.map(|s| s.comparator);
    let opener = stated.filter(|s| s.range_opener);
    if let Some((sep_len, word)) = range_sep(&text[end..])
        && let Some(second) = nums.get(i + 1).copied()
        && second.start == end + sep_len
    {
        let change = opener.is_some_and(|o| is_change(text, o.start));
        let allowed = match word {
            Some("and") => opener.is_some_and(|o| starts_with_word(&text[o.start..], "between")),
            // "rose 3% to 45%": how much it moved, then where it ended; "went up 10 to 20 per
            // cent", with one unit for both, is a range.
            Some("to")
                if opener.is_none()
                    && unit.is_some()
                    && moved_by(text, first.start).is_some_and(|k| {
                        // A currency word written after each figure is an amount and a level
                        // at a smaller factor: "raised its dividend by 10 cents to 42 cents".
                        let k = match (unit, unit_after(text, second, false)) {
                            (Some(a), Some(After::Unit(b, _)))
                                if a.unit.dimension == units::Dimension::Currency
                                    && !a.symbol
                                    && std::ptr::eq(a.unit, b.unit) =>
                            {
                                k.min(2.0)
                            }
                            _ => k,
                        };
                        second.value >= k * value.abs()
                    }) =>
            {
                false
            }
            _ => !change,
        };
        let second_unit = match unit_after(text, second, false) {
            Some(After::Unit(m, attr)) => Some((m, attr)),
            _ => None,
        };
        // Each end written with a unit of its own, two different ones, after a verb of change
        // is an amount and a level, not a range, where the level is the larger by the factor
        // `moved_by` gives: "widened by 120 basis points to 11.4%" ("rise 50cm to 1m", "from
        // 50cm to 1m", "jailed for six months to two years" are ranges).
        let fits = match (unit, second_unit) {
            (None, Some(_)) => true,
            (Some(a), Some((b, _))) => {
                a.unit.dimension == b.unit.dimension
                    && (word != Some("to")
                        || opener.is_some()
                        || std::ptr::eq(a.unit, b.unit)
                        || !moved_by(text, first.start).is_some_and(|k| {
                            second.value >= k * (value * a.unit.factor / b.unit.factor).abs()
                        }))
            }
            _ => false,
        };
        // A range runs upward: "won 57% to 42%" is a vote's split (below zero, "-5 to -10C"
        // may run either way).
        let lo_of = |m2: UnitMatch| match unit {
            Some(a) => value * a.unit.factor / m2.unit.factor,
            None => value,
        };
        if allowed
            && fits
            && let Some((m2, attr2)) = second_unit
            && !(lo_of(m2) >= 0.0 && second.value < lo_of(m2))
        {
            let lo = lo_of(m2);
            value = lo;
            value_max = Some(second.value);
            unit = Some(m2);
            attributive = attr2;
            end = m2.end;
            next = i + 2;
            comparator = Some(Comparator::Between);
        }
    }
    if value_max.is_none() && comparator == Some(Comparator::Between) {
        // "between" or "from" with no range after it says nothing about bounds.
        comparator = None;
    }

    // A compound length, weight or time of the clock: "7 feet 10 inches", "2 km and 1 metre",
    // "1 hour 20 minutes". Days, months and years are each their own figure ("3 years, 2
    // months"), as a month has no fixed length.
    let clock = |u: &Unit| u.dimension == Dimension::Time && u.factor <= 3600.0;
    if value_max.is_none()
        && !attributive
        && let Some(mut current) = unit
        && (matches!(current.unit.dimension, Dimension::Length | Dimension::Mass)
            || clock(current.unit))
    {
        let mut base = value * current.unit.factor;
        let mut smallest = current;
        let mut combined = false;
        while let Some(sep) = COMPOUND_SEP.find(&text[end..]) {
            let Some(part) = nums.get(next).copied() else {
                break;
            };
            if part.start != end + sep.end() {
                break;
            }
            let Some(After::Unit(m, false)) = unit_after(text, part, true) else {
                break;
            };
            // Parts go from larger to smaller units ("7 feet 10 inches"); an explicit "and"
            // also adds a larger unit of another kind ("1 kilometer and 1 mile").
            let explicit_and = sep.as_str().contains("and") && m.unit != current.unit;
            if m.unit.dimension != current.unit.dimension
                || (m.unit.factor >= current.unit.factor && !explicit_and)
                || (m.unit.dimension == Dimension::Time
                    && (!clock(m.unit) || m.unit.factor >= current.unit.factor))
            {
                break;
            }
            base += part.value * m.unit.factor;
            if m.unit.factor < smallest.unit.factor {
                smallest = m;
            }
            current = m;
            end = m.end;
            next += 1;
            combined = true;
        }
        if combined {
            // The sum is expressed in the smallest unit written, as a reader would convert it.
            value = base / smallest.unit.factor;
            unit = Some(UnitMatch { end, ..smallest });
        }
    }

    // "a 39-year-old": the age reads to the end of the compound.
    if attributive
        && unit.is_some_and(|u| u.unit.dimension == Dimension::Time)
        && let Some(rest) = text[end..].strip_prefix("-old")
        && !rest.starts_with(|c: char| c.is_alphanumeric())
    {
        end += "-old".len();
    }
    let mut named_before = None;
    let (span_end, unit_text, unit) = match unit {
        Some(m) => {
            let mut resolved = m.unit;
            if resolved.name == "pound" && !m.symbol {
                // The clause before the number says whether it is money: "spent 20 pounds".
                let from = units::floor_char_boundary(text, first.start.saturating_sub(60));
                let clause = text[from..first.start]
                    .rsplit(['.', ';', '!', '?'])
                    .next()
                    .unwrap_or_default();
                if first.form == NumberForm::DigitsWithScale
                    || MONEY_CONTEXT.is_match(&fold_case(clause))
                {
                    resolved = unit_named("pound sterling").unwrap_or(resolved);
                }
            }
            (
                end,
                Some(crate::collapse_white_space(unit_written(text, m))),
                Some(resolved),
            )
        }
        None if first.form == NumberForm::Digits
            && let Some(at) = magnitude_before(text, first.start) =>
        {
            // "a magnitude 6.8 earthquake": the scale's name before the figure is its unit.
            named_before = Some(at);
            (
                end,
                Some(text[at..at + "magnitude".len()].to_string()),
                unit_named("magnitude"),
            )
        }
        // "a smaller 5.1 quake": a reading with a decimal before an earthquake's noun is its
        // magnitude.
        None if first.form == NumberForm::Digits
            && value.fract() != 0.0
            && value < 10.0
            && quake_after(text, end) =>
        {
            (end, None, unit_named("magnitude"))
        }
        None => {
            // A count needs a counted noun, and is neither a year nor a number in a name.
            if is_year(text, first)
                || follows_name(text, first.start)
                || ends_years(text, first)
                || ends_score(text, first)
            {
                return None;
            }
            if is_pronoun_one(text, first) {
                return None;
            }
            match counted_noun_end(text, first, value, end) {
                Some(counted) => (counted, None, None),
                None if stands_alone(
                    text,
                    first,
                    value_max.is_some() || comparator.is_some(),
                    stated.map_or("", |s| &text[s.start..first.start]),
                ) =>
                {
                    (end, None, None)
                }
                None => return None,
            }
        }
    };
    // "worth £1.2 billion over ten years", "3,200 volunteers over 18 months": "over" a span of
    // time after a noun is "during"; after "for", "lasted" or "took" it is "more than".
    if comparator == Some(Comparator::Gt)
        && value_max.is_none()
        && unit.is_some_and(|u| u.dimension == Dimension::Time)
        && stated.is_some_and(|s| over_means_during(text, s.start))
    {
        comparator = None;
    }
    let start = stated
        .filter(|_| comparator.is_some())
        .map_or(first.start, |s| s.start)
        .min(named_before.unwrap_or(usize::MAX));
    let measure = Measure {
        span: Span::new(start, span_end),
        core: Span::new(first.start, span_end),
        value,
        value_max,
        unit,
        unit_text,
        comparator,
        attributive,
    };
    Some((measure, next))
}

/// Whether `first` ends a score: "a 3-1 win", "a 2–0 defeat". It counts nothing on its own. (A
/// range before a counted noun, "200-300 homes", is a figure.)
fn ends_score(text: &str, first: Number) -> bool {
    let before = text[..first.start]
        .strip_suffix(['-', '\u{2013}'])
        .unwrap_or_default();
    let noun = text[first.end..]
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .trim_end_matches(|c: char| !c.is_ascii_alphabetic());
    before.ends_with(|c: char| c.is_ascii_digit())
        && matches!(
            noun,
            "win"
                | "victory"
                | "defeat"
                | "loss"
                | "draw"
                | "lead"
                | "scoreline"
                | "vote"
                | "verdict"
                | "majority"
                | "triumph"
                | "success"
                | "home"
                | "away"
        )
}

/// Where " and a half" after a unit ending at `end` ends ("a mile and a half").
fn and_a_half(text: &str, end: usize) -> Option<usize> {
    const AND_A_HALF: &str = " and a half";
    let after = end + AND_A_HALF.len();
    (text[end..]
        .get(..AND_A_HALF.len())
        .is_some_and(|w| w.eq_ignore_ascii_case(AND_A_HALF))
        && !text[after..].starts_with(|c: char| c.is_alphanumeric()))
    .then_some(after)
}

/// Whether an earthquake's noun follows the figure ending at `end`, one space between ("5.1
/// quake", "6.2 aftershocks").
fn quake_after(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start_matches(' ');
    ["quake", "earthquake", "tremor", "aftershock"]
        .iter()
        .any(|w| {
            rest.get(..w.len())
                .is_some_and(|r| r.eq_ignore_ascii_case(w))
                && !rest[w.len()..].starts_with(|c: char| c.is_alphabetic() && c != 's')
        })
        && text[end..].starts_with(' ')
}

/// Where "magnitude" starts when it is the word right before `start` ("a magnitude 6.8 quake",
/// "Magnitude-5.2"), with one space or hyphen between.
fn magnitude_before(text: &str, start: usize) -> Option<usize> {
    const WORD: &str = "magnitude";
    let before = text[..start].strip_suffix([' ', '-'])?;
    let at = before.len().checked_sub(WORD.len())?;
    let word = before.get(at..)?;
    (word.eq_ignore_ascii_case(WORD)
        && !before[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric))
    .then_some(at)
}

/// An amount of money written with a currency symbol before it: "$700 million", "€10M", "£2,000".
fn money_from(
    text: &str,
    nums: &[Number],
    i: usize,
    currency: &'static Unit,
    prefix_start: usize,
) -> Option<(Measure, usize)> {
    let first = nums[i];
    let stated = comparator::stated_before(text, prefix_start);
    let (mut value, mut end) = scaled_money(text, first);
    let mut value_max = None;
    let mut next = i + 1;
    let mut comparator = stated.map(|s| s.comparator);
    // "$5-10 million" and "$5 to $10": the second end may repeat the symbol.
    if let Some((sep_len, word)) = range_sep(&text[end..])
        && let Some(second) = nums.get(i + 1).copied()
    {
        let after = end + sep_len;
        let joined = second.start == after
            || prefix_before(text, second.start).is_some_and(|(u, s)| u == currency && s == after);
        let opener = stated.filter(|s| s.range_opener);
        let allowed = match word {
            Some("and") => opener.is_some(),
            Some("to")
                if opener.is_none()
                    && moved_by(text, prefix_start)
                        .is_some_and(|k| second.value >= k * first.value.abs()) =>
            {
                false
            }
            _ => !opener.is_some_and(|o| is_change(text, o.start)),
        };
        let (hi, hi_end) = scaled_money(text, second);
        if joined && allowed && hi >= value {
            // "$5-10 million": the scale written on the upper end applies to the lower one.
            let raw = digits_value(text, second);
            if first.form == NumberForm::Digits
                && second.form == NumberForm::DigitsWithScale
                && raw > 0.0
            {
                value *= hi / raw;
            }
            value_max = Some(hi);
            end = hi_end;
            next = i + 2;
            comparator = Some(Comparator::Between);
        }
    }
    if value_max.is_none() && comparator == Some(Comparator::Between) {
        comparator = None;
    }
    // "jailed over £2.3m housing fraud", "a row over a £5bn contract": "over" before an amount
    // that names a thing is "about", not "more than".
    if comparator == Some(Comparator::Gt)
        && stated.is_some_and(|s| starts_with_word(&text[s.start..], "over"))
        && names_a_matter(&text[end..])
    {
        comparator = None;
    }
    let start = stated
        .filter(|_| comparator.is_some())
        .map_or(prefix_start, |s| s.start);
    let written = text[prefix_start..first.start].trim().to_string();
    Some((
        Measure {
            span: Span::new(start, end),
            core: Span::new(prefix_start, end),
            value,
            value_max,
            unit: Some(currency),
            unit_text: Some(written),
            comparator,
            attributive: false,
        },
        next,
    ))
}

/// Whether the words after an amount of money (`rest`) name what it is the amount of, within
/// two words: "fraud", "housing fraud", "contract", "pay deal".
fn names_a_matter(rest: &str) -> bool {
    rest.split_whitespace().take(2).any(|w| {
        let w = w.trim_end_matches(|c: char| !c.is_ascii_alphabetic());
        matches!(
            w,
            "fraud"
                | "scam"
                | "deal"
                | "contract"
                | "bill"
                | "loan"
                | "loans"
                | "debt"
                | "debts"
                | "scheme"
                | "payout"
                | "bonus"
                | "bonuses"
                | "claim"
                | "settlement"
                | "takeover"
                | "bid"
                | "budget"
                | "fine"
                | "theft"
                | "robbery"
                | "heist"
                | "lawsuit"
        )
    })
}

/// Whether the number at `start` follows a verb of change, "by" between as may be ("rose 3%",
/// "fell by 12 points"): the amount it moved, which a "to" after it does not make a range.
///
/// The factor the level after "to" must reach over the amount for the two not to be a range:
/// three after the verb or its "by" ("rose 3% to 45%"), five with an object between the verb
/// and "by" ("lifted the dividend by 5 cents to 48 cents"; "cut energy bills by 10% to 30%"
/// is a range).
fn moved_by(text: &str, start: usize) -> Option<f64> {
    let mut words = text[units::floor_char_boundary(text, start.saturating_sub(60))..start]
        .split(|c: char| !c.is_alphabetic())
        .rev()
        .filter(|w| !w.is_empty());
    let word = words.next().unwrap_or("");
    if word.eq_ignore_ascii_case("by") {
        return match words.next() {
            Some(w) if CHANGE_VERB.is_match(&fold_case(w)) => Some(3.0),
            Some(_) => words
                .take(MOVED_OBJECT_WORDS)
                .any(|w| CHANGE_VERB.is_match(&fold_case(w)))
                .then_some(5.0),
            None => None,
        };
    }
    (!word.is_empty() && CHANGE_VERB.is_match(&fold_case(word))).then_some(3.0)
}

/// The most words of an object between a verb of change and its "by" ("raised the bank's
/// main rate by").
const MOVED_OBJECT_WORDS: usize = 4;

/// Whether the "from" at `start` follows a verb of change ("rose from 3% to 5%"), which makes
/// the two numbers a before and an after, not a range.
fn is_change(text: &str, start: usize) -> bool {
    let from = units::floor_char_boundary(text, start.saturating_sub(40));
    starts_with_word(&text[start..], "from") && CHANGE_VERB.is_match(&fold_case(&text[from..start]))
}

/// `s` with every letter that `(?i)` takes to an ASCII letter written as that lowercase letter:
/// ASCII capitals, and the Kelvin sign and the long s, which Unicode case folding takes to "k"
/// and "s". A pattern of lowercase ASCII words matches the result where it would match `s` under
/// `(?i)`. Byte offsets may move, so this is for `is_match` only.
pub(crate) fn fold_case(s: &str) -> String {
    s.chars().map(units::fold_char).collect()
}

/// Whether `s` starts with `word` (lowercase ASCII) in any case, without lowercasing the rest.
fn starts_with_word(s: &str, word: &str) -> bool {
    s.as_bytes()
        .get(..word.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(word.as_bytes()))
}

/// The value of a number without its scale word ("5" of "5 million").
fn digits_value(text: &str, n: Number) -> f64 {
    let digits: String = text[n.start..n.end]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    digits.parse().unwrap_or(n.value)
}

/// A money amount with any letter scale glued to it ("10M"), and where it ends.
fn scaled_money(text: &str, n: Number) -> (f64, usize) {
    if let Some(caps) = captures_from(
        &MONEY_SCALE,
        &text[n.end..],
        &['k', 'K', 'm', 'M', 'b', 'B', 't', 'T'],
    ) {
        let factor = if caps.name("k").is_some() {
            1e3
        } else if caps.name("m").is_some() {
            1e6
        } else if caps.name("b").is_some() {
            1e9
        } else {
            1e12
        };
        return (n.value * factor, n.end + caps.get(0).map_or(0, |g| g.end()));
    }
    (n.value, n.end)
}

/// What follows a number.
#[derive(Debug, Clone, Copy)]
enum After {
    /// A unit, and whether it was joined by a hyphen to modify a noun ("3-inch").
    Unit(UnitMatch, bool),
    /// "k" for thousand before a unit: "0.5k miles".
    Thousands(UnitMatch),
    /// "k" for thousand before a counted noun, ending at the given byte.
    ThousandsCount(usize),
}

/// The unit written after number `n`, if a plausible one is. `in_compound` says the number
/// continues a compound length, where "in" is the inch.
fn unit_after(text: &str, n: Number, in_compound: bool) -> Option<After> {
    let rest = &text[n.end..];
    let (pos, hyphen) = if let Some(r) = rest.strip_prefix(['-', '\u{2010}', '\u{2011}']) {
        (n.end + rest.len() - r.len(), true)
    } else {
        let trimmed = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}', '\u{2009}']);
        let gap = rest.len() - trimmed.len();
        if gap > 2 {
            return None;
        }
        (n.end + gap, false)
    };
    // A unit in brackets: "20 (kg)".
    if !hyphen
        && let Some(open) = text[pos..]
            .chars()
            .next()
            .filter(|c| matches!(c, '(' | '[' | '{' | '<'))
    {
        let close = match open {
            '(' => ')',
            '[' => ']',
            '{' => '}',
            _ => '>',
        };
        let m = unit_at(text, pos + 1)?;
        if text[m.end..].starts_with(close) {
            return Some(After::Unit(
                UnitMatch {
                    end: m.end + 1,
                    ..m
                },
                false,
            ));
        }
        return None;
    }
    let m = unit_at(text, pos)?;
    let written = &text[m.start..m.end];
    let attached = pos == n.end;
    let digits = n.form != NumberForm::Words;
    if written == "k" {
        // "3k" is three kilometres in running; "0.5k miles" and "50k people" are thousands.
        if !attached || !digits {
            return None;
        }
        let after_k = &text[m.end..];
        let trimmed = after_k.trim_start_matches(' ');
        if trimmed.len() < after_k.len() {
            let at = m.end + after_k.len() - trimmed.len();
            if let Some(u) = unit_at(text, at) {
                return Some(After::Thousands(u));
            }
            if noun_after(after_k).is_some_and(|w| !NOT_COUNTED_SET.contains(&after_k[w])) {
                return Some(After::ThousandsCount(m.end));
            }
        }
        return Some(After::Unit(m, false));
    }
    if m.symbol && !plausible_symbol(text, n, m, attached, in_compound) {
        return None;
    }
    Some(After::Unit(m, hyphen))
}

/// Whether a symbol after a number is the unit and not a word or a quotation mark.
fn plausible_symbol(
    text: &str,
    n: Number,
    m: UnitMatch,
    attached: bool,
    in_compound: bool,
) -> bool {
    let written = &text[m.start..m.end];
    let digits = n.form != NumberForm::Words;
    let single_letter = written.len() == 1 && written.chars().all(|c| c.is_ascii_alphabetic());
    if single_letter && !digits {
        return false;
    }
    match written {
        "in" => {
            if !digits {
                return false;
            }
            if in_compound {
                return true;
            }
            let after = text[m.end..].trim_start();
            match after.chars().next() {
                None => true,
                Some(c) if !c.is_alphanumeric() => true,
                Some(_) => {
                    let word: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
                    AFTER_INCH.contains(&word.to_ascii_lowercase().as_str())
                }
            }
        }
        "\"" | "''" | "″" => {
            // A closing quotation mark is not an inch: count the marks before it on its line.
            let line_start = text[..n.start].rfind('\n').map_or(0, |p| p + 1);
            let line_end = text[m.end..].find('\n').map_or(text.len(), |p| m.end + p);
            let even_before = text[line_start..n.start]
                .matches('"')
                .count()
                .is_multiple_of(2);
            let even_after = text[m.end..line_end].matches('"').count().is_multiple_of(2);
            // Detached from its number, a mark is an inch only if no quotation closes later.
            digits
                && (attached || written == "\"")
                && (written != "\"" || (even_before && (attached || even_after)))
        }
        "pm" => {
            // A clock time has an hour up to 12 and two digits of minutes ("2.30 pm").
            let number = &text[n.start..n.end];
            match number.split_once('.') {
                Some((_, minutes)) => minutes.len() != 2,
                None => n.value > 12.0,
            }
        }
        "'" => attached && digits && !text[m.end..].starts_with(|c: char| c.is_alphabetic()),
        // Pence are written against the figure ("412.5p"); "7 p.m." is a time and "1080p" a
        // video's lines.
        "p" => {
            let rest = &text.as_bytes()[m.end..];
            attached
                && !(rest.first() == Some(&b'.')
                    && rest.get(1).is_some_and(u8::is_ascii_alphabetic))
                && !(n.value.fract() == 0.0
                    && matches!(
                        n.value as u32,
                        240 | 360 | 480 | 576 | 720 | 1080 | 1440 | 2160 | 4320
                    ))
        }
        _ => true,
    }
}

/// Where the counted noun phrase after the number `first` (ending at `end`) ends: "15
/// soldiers", "three ballistic missiles", "12 named storms". `None` where no noun counts.
fn counted_noun_end(text: &str, first: Number, value: f64, end: usize) -> Option<usize> {
    let Some(noun) = noun_after(&text[end..]) else {
        return (value >= 2.0 && value.fract() == 0.0)
            .then(|| counted_after_names(text, end))
            .flatten();
    };
    let word = &text[end..][noun.clone()];
    // Past tenses and adverbs ("30 died", "two only") are not counted nouns; a participle
    // before a plural is an adjective ("12 named storms").
    if word.ends_with("ed") && !NOT_COUNTED_SET.contains(word) {
        let after = end + noun.end;
        let next = noun_after(&text[after..])?;
        let plural = &text[after..][next.clone()];
        if plural.len() < 3
            || !(plural.ends_with('s') || PLURALS.contains(&plural))
            || NOT_COUNTED_SET.contains(plural)
        {
            return None;
        }
        return Some(after + next.end);
    }
    // "half a million more people", "five other towns": the plural after the comparative.
    if matches!(word, "more" | "fewer" | "extra" | "additional" | "other") {
        let after = end + noun.end;
        let next = noun_after(&text[after..])?;
        let plural = &text[after..][next.clone()];
        return (plural.len() >= 3
            && (plural.ends_with('s') || PLURALS.contains(&plural))
            && !NOT_COUNTED_SET.contains(plural))
        .then_some(after + next.end);
    }
    if NOT_COUNTED_SET.contains(word) || word.ends_with("ly") || word.len() < 3 {
        return None;
    }
    // "a magnitude 6.8 earthquake struck": a fraction of one thing is no count; the figure is
    // a measure the text names no unit for. Nor is "a third term" a third of a term: an
    // ordinal read as a fraction.
    let singular = !word.ends_with('s') && !PLURALS.contains(&word);
    // "a phase 2 study", "stage 3 cancer": a number after a label's noun names which one, and
    // counts nothing. (Before a plural it counts: "Last week 200 people were arrested".)
    if singular && labelled(&text[..first.start]) {
        return None;
    }
    if singular
        && value.fract() != 0.0
        && (first.form == NumberForm::Digits || (first.form == NumberForm::Words && value < 1.0))
    {
        return None;
    }
    Some(counted_end(text, end + noun.end, word))
}

/// Whether `before` ends with a noun that a number after it labels: "phase", "stage", "round".
fn labelled(before: &str) -> bool {
    const LABELS: &[&str] = &[
        "phase",
        "stage",
        "level",
        "grade",
        "category",
        "type",
        "class",
        "tier",
        "article",
        "section",
        "chapter",
        "round",
        "step",
        "part",
        "page",
        "number",
        "no",
        "season",
        "series",
        "volume",
        "version",
        "zone",
        "game",
        "act",
        "clause",
        "paragraph",
        "gate",
        "platform",
        "room",
        "flight",
        "route",
        "ward",
        "district",
        "week",
        "day",
        "lane",
        "exit",
        "junction",
        "terminal",
        "pier",
        "berth",
        "block",
        "building",
        "unit",
        "floor",
    ];
    // Asked at every count: one space, then the letters before it, read back as bytes.
    let bytes = before.as_bytes();
    let Some(end) = bytes.len().checked_sub(1).filter(|&e| bytes[e] == b' ') else {
        return false;
    };
    let start = bytes[..end]
        .iter()
        .rposition(|b| !b.is_ascii_alphabetic())
        .map_or(0, |i| i + 1);
    (2..=9).contains(&(end - start))
        && crate::ascii::with_lowercase(&before[start..end], |w| LABELS.contains(&w))
}

/// Where a count's noun ends when capitalised words stand between the number (ending at
/// `end`) and it: "47 Labour MPs", "100 Premier League goals", "40 UN staff". One to three
/// capitalised words, none a month or weekday nor a street's, then a lowercase plural or a
/// plural acronym ("MPs").
fn counted_after_names(text: &str, end: usize) -> Option<usize> {
    let mut at = end;
    for k in 0..=COUNTED_NAME_WORDS {
        let rest = text[at..].strip_prefix(' ')?;
        let len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .unwrap_or(rest.len());
        let word = &rest[..len];
        let word_end = at + 1 + len;
        if word.starts_with(|c: char| c.is_ascii_lowercase()) {
            let plural = word.ends_with('s') || PLURALS.contains(&word);
            // A verb's object after the word makes it the verb: "Channel 4 News reports that",
            // "the iPhone 15 Pro costs $999", "At 74 Biden remains the oldest".
            let next = text[word_end..].trim_start_matches(' ');
            let object = next
                .starts_with(|c: char| c.is_ascii_digit() || matches!(c, '$' | '£' | '€'))
                || next
                    .split(|c: char| !c.is_ascii_alphabetic())
                    .next()
                    .is_some_and(|w| {
                        matches!(
                            w,
                            "that" | "the" | "a" | "an" | "his" | "her" | "its" | "their" | "to"
                        )
                    });
            return (k > 0
                && word.len() >= 3
                && plural
                && !object
                && !NOT_COUNTED_SET.contains(word))
            .then_some(word_end);
        }
        if !word.starts_with(|c: char| c.is_ascii_uppercase())
            || k == COUNTED_NAME_WORDS
            || crate::date::is_calendar_word(word)
            || matches!(
                word,
                "Street" | "Road" | "Avenue" | "Lane" | "Square" | "St" | "Rd"
            )
        {
            return None;
        }
        let stem = &word[..word.len() - 1];
        if word.len() >= 3 && word.ends_with('s') && stem.bytes().all(|b| b.is_ascii_uppercase()) {
            return Some(word_end);
        }
        at = word_end;
    }
    None
}

/// The most capitalised words [`counted_after_names`] reads between a number and its noun.
const COUNTED_NAME_WORDS: usize = 3;

/// Whether the comparator phrase at `start` is "over" used as "during": right after a figure
/// and what it counts ("worth £1.2 billion over ten years", "3,200 volunteers over 18 months"),
/// a figure within the three words before it. Elsewhere ("lived there over 20 years", "for
/// over a decade") it is "more than".
fn over_means_during(text: &str, start: usize) -> bool {
    if !text[start..]
        .get(..5)
        .is_some_and(|w| w.eq_ignore_ascii_case("over "))
    {
        return false;
    }
    let before = &text[units::floor_char_boundary(text, start.saturating_sub(40))..start];
    before
        .split_whitespace()
        .rev()
        .take(3)
        .any(|w| w.bytes().any(|b| b.is_ascii_digit()))
}

/// Whether `first` is the second year of a span written "2024-25", "2024–25" or "1998/99".
fn ends_years(text: &str, first: Number) -> bool {
    let before = &text[..first.start];
    first.end - first.start == 2 && before.ends_with(['-', '/', '\u{2013}']) && {
        let lead = before.trim_end_matches(['-', '/', '\u{2013}']);
        lead.len() >= 4
            && lead.as_bytes()[lead.len() - 4..]
                .iter()
                .all(u8::is_ascii_digit)
            && matches!(&lead[lead.len() - 4..lead.len() - 2], "19" | "20")
    }
}

/// Whether a figure with no unit and no counted noun is still a figure the text states:
/// "about 86,000 remained cut off", "organisers expect 1.2 million": written with a scale or
/// with thousands separators, or hedged or bounded (`hedged`) in digits, or a part of a whole
/// counted after it ("31 of 35 drones"). A small bare number ("the 5 of them", "chapter 12") is
/// not.
fn stands_alone(text: &str, first: Number, hedged: bool, hedge: &str) -> bool {
    // "children under 16", "anyone over 65": a bound on an age or a size, no figure stated.
    let bound = ["under", "over", "above", "below"].iter().any(|w| {
        hedge
            .trim_start()
            .get(..w.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(w))
    });
    let hedged = hedged && !bound;
    let written = &text[first.start..first.end];
    // "shot down 31 of 35 drones", "won 8 of their 13 games": the part of a counted whole.
    if first.form != NumberForm::Words
        && text[first.end..].strip_prefix(" of ").is_some_and(|rest| {
            let rest = ["their ", "its ", "the ", "his ", "her "]
                .iter()
                .find_map(|d| rest.strip_prefix(d))
                .unwrap_or(rest);
            rest.starts_with(|c: char| c.is_ascii_digit())
        })
    {
        return true;
    }
    let next = text[first.end..].chars().next();
    if next.is_some_and(|c| matches!(c, '-' | '/' | ':') || c.is_alphanumeric()) {
        return false;
    }
    // "up from 890", "an average of 720": the figure a stated one is measured against, of the
    // same kind, its noun left out.
    let before = text[..first.start].trim_end();
    let baseline = [
        "up from",
        "down from",
        "compared with",
        "compared to",
        "an average of",
        "a total of",
    ]
    .iter()
    .any(|lead| {
        before.len() >= lead.len()
            && before.is_char_boundary(before.len() - lead.len())
            && before[before.len() - lead.len()..].eq_ignore_ascii_case(lead)
    });
    if baseline && first.form == NumberForm::Digits && first.value >= 10.0 {
        return true;
    }
    match first.form {
        NumberForm::DigitsWithScale => true,
        NumberForm::Digits => {
            (written.contains(',') && first.value >= 1000.0) || (hedged && first.value >= 10.0)
        }
        NumberForm::Words => false,
    }
}

/// Plural nouns without an "s".
const PLURALS: &[&str] = &[
    "people",
    "men",
    "women",
    "children",
    "police",
    "staff",
    "personnel",
    "cattle",
    "sheep",
    "fish",
    "aircraft",
    "troops",
    "feet",
    "teeth",
    "mice",
    "geese",
    "data",
    "media",
];

/// Where a counted noun phrase ends: "three ballistic missiles" reads on past the adjective to
/// the noun, "15 soldiers died" stops at the plural.
fn counted_end(text: &str, mut end: usize, first: &str) -> usize {
    let mut last = first;
    for _ in 0..2 {
        if last.ends_with('s') || PLURALS.contains(&last) {
            break;
        }
        let Some(next) = noun_after(&text[end..]) else {
            break;
        };
        let word = &text[end..][next.clone()];
        if NOT_COUNTED_SET.contains(word) || word.ends_with("ed") || word.ends_with("ly") {
            break;
        }
        end += next.end;
        last = word;
    }
    end
}

/// Whether "one" stands for a thing already named ("that one costs", "the one consultant")
/// rather than counting one.
fn is_pronoun_one(text: &str, n: Number) -> bool {
    if !text[n.start..n.end].eq_ignore_ascii_case("one") {
        return false;
    }
    let before = text[..n.start].trim_end();
    let word = &before[before.trim_end_matches(char::is_alphabetic).len()..];
    let lower = word.to_ascii_lowercase();
    // "said one resident", "according to one analyst": one of them speaks, none is counted
    // ("confirmed one death" counts one).
    let next = text[n.end..].trim_start();
    let noun = &next[..next
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(next.len())];
    let speaks = crate::attribution::is_speaker_noun(noun)
        && crate::attribution::cue_words()
            .binary_search(&lower.as_str())
            .is_ok()
        || (crate::attribution::is_speaker_noun(noun) && lower == "to" && {
            let lead = before[..before.len() - 2].trim_end().as_bytes();
            lead.len() >= 9 && lead[lead.len() - 9..].eq_ignore_ascii_case(b"according")
        });
    speaks
        || matches!(
            lower.as_str(),
            "the"
                | "that"
                | "this"
                | "which"
                | "each"
                | "every"
                | "no"
                | "any"
                | "only"
                | "some"
                | "for"
                | "last"
                | "next"
        )
}

/// Whether `n` is a four-digit year with no unit, such as "1953" or "2023".
fn is_year(text: &str, n: Number) -> bool {
    let written = &text[n.start..n.end];
    n.form == NumberForm::Digits
        && written.len() == 4
        && written.chars().all(|c| c.is_ascii_digit())
        && (1900.0..=2100.0).contains(&n.value)
}

/// Whether the number follows a capitalised word and so is part of a name: "Apollo 11",
/// "Boeing 737", "September 11", "Route 66".
fn follows_name(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', '\u{a0}']);
    if before.len() == text[..start].len() {
        return false;
    }
    // The word is read off `before` in place: this runs at every number after a space.
    let word = &before[before
        .trim_end_matches(|c: char| c.is_alphanumeric() || c == '.')
        .len()..];
    word.chars().next().is_some_and(char::is_uppercase) && !is_sentence_start(before, word.len())
}

/// Whether the word that ends `before` (of `len` bytes) begins a sentence.
fn is_sentence_start(before: &str, len: usize) -> bool {
    let prefix = before[..before.len() - len].trim_end();
    prefix.is_empty() || prefix.ends_with(['.', '!', '?', '"', '\u{201c}', ':', '\n'])
}

/// The unit's own spelling; a compound's smallest unit keeps its spelling, not the parts after.
fn unit_written(text: &str, m: UnitMatch) -> &str {
    let spelled = unit_at(text, m.start).map_or(m.end, |u| u.end);
    &text[m.start..spelled.min(m.end)]
}

/// Every pattern of the quantity readers, for the table of prebuilt automata
/// (`tier/automata.rs`).
#[cfg(test)]
pub(crate) fn tiered_patterns() -> Vec<&'static Tiered> {
    let mut all = vec![&COMPOUND_SEP, &MONEY_SCALE, &CHANGE_VERB, &MONEY_CONTEXT];
    all.extend(comparator::tiered_patterns());
    all.extend(proportion::tiered_patterns());
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quantities expected in a text: the claim's words, value, unit as written, normalised
    /// unit name and comparator.
    type Expected<'a> = (
        &'a str,
        f64,
        Option<&'a str>,
        Option<&'a str>,
        Option<Comparator>,
    );

    /// A quantity claim read back from the extractor, in the order of [`Expected`].
    type Owned = (
        String,
        f64,
        Option<String>,
        Option<String>,
        Option<Comparator>,
    );

    fn check(input: &str, expected: &[Expected<'_>]) {
        let got: Vec<Owned> = extract_quantities(input)
            .into_iter()
            .map(|c| match *c.details {
                Details::Quantity(q) => (
                    c.text,
                    q.value,
                    q.unit,
                    q.unit_name.map(String::from),
                    q.comparator,
                ),
                other => panic!("{input:?}: not a quantity: {other:?}"),
            })
            .collect();
        let want: Vec<_> = expected
            .iter()
            .map(|(t, v, u, n, c)| {
                (
                    t.to_string(),
                    *v,
                    u.map(str::to_string),
                    n.map(str::to_string),
                    *c,
                )
            })
            .collect();
        assert_eq!(got.len(), want.len(), "{input:?}: got {got:#?}");
        for (g, w) in got.iter().zip(&want) {
            assert!(
                (g.1 - w.1).abs() <= 1e-9 * w.1.abs().max(1.0),
                "{input:?}: {g:?} against {w:?}"
            );
            assert_eq!(
                (&g.0, &g.2, &g.3, &g.4),
                (&w.0, &w.2, &w.3, &w.4),
                "{input:?}"
            );
        }
    }

    #[test]
    fn reads_quantities() {
        use Comparator::*;
        let cases: &[(&str, &[Expected<'_>])] = &[
            (
                "3 km",
                &[("3 km", 3.0, Some("km"), Some("kilometre"), None)],
            ),
            (
                "The 5.5 km bridge opened.",
                &[("5.5 km", 5.5, Some("km"), Some("kilometre"), None)],
            ),
            (
                "its 3-inch thickness",
                &[("3-inch", 3.0, Some("inch"), Some("inch"), None)],
            ),
            (
                "an area about ten miles long",
                &[(
                    "about ten miles",
                    10.0,
                    Some("miles"),
                    Some("mile"),
                    Some(Approx),
                )],
            ),
            (
                "eight mile",
                &[("eight mile", 8.0, Some("mile"), Some("mile"), None)],
            ),
            // Issue 9: proportions in words are statistical claims too.
            (
                "The majority of food imports come from China.",
                &[(
                    "The majority",
                    0.5,
                    Some("majority"),
                    Some("proportion"),
                    Some(Gt),
                )],
            ),
            (
                "Two-thirds of the budget went on defence, up 5%.",
                &[
                    (
                        "Two-thirds",
                        2.0 / 3.0,
                        Some("Two-thirds"),
                        Some("proportion"),
                        None,
                    ),
                    ("5%", 5.0, Some("%"), Some("percent"), None),
                ],
            ),
            // A count after a determiner refers back to known things; it states no figure.
            ("the two countries signed", &[]),
            ("Their three children", &[]),
            (
                "two countries signed",
                &[("two countries", 2.0, None, None, None)],
            ),
            (
                "more than 10 1/2 miles of cable",
                &[(
                    "more than 10 1/2 miles",
                    10.5,
                    Some("miles"),
                    Some("mile"),
                    Some(Gt),
                )],
            ),
            (
                "under 2 miles",
                &[("under 2 miles", 2.0, Some("miles"), Some("mile"), Some(Lt))],
            ),
            (
                "between 3 and 5 kilometers",
                &[(
                    "between 3 and 5 kilometers",
                    3.0,
                    Some("kilometers"),
                    Some("kilometre"),
                    Some(Between),
                )],
            ),
            (
                "3-5 km",
                &[("3-5 km", 3.0, Some("km"), Some("kilometre"), Some(Between))],
            ),
            (
                "7 feet 10 inches",
                &[("7 feet 10 inches", 94.0, Some("inches"), Some("inch"), None)],
            ),
            (
                "1,500,000 kilometres (930,000 mi)",
                &[
                    (
                        "1,500,000 kilometres",
                        1_500_000.0,
                        Some("kilometres"),
                        Some("kilometre"),
                        None,
                    ),
                    ("930,000 mi", 930_000.0, Some("mi"), Some("mile"), None),
                ],
            ),
            (
                "12 nautical miles",
                &[(
                    "12 nautical miles",
                    12.0,
                    Some("nautical miles"),
                    Some("nautical mile"),
                    None,
                )],
            ),
            (
                "It rose 35% while 12.5 per cent fell",
                &[
                    ("35%", 35.0, Some("%"), Some("percent"), None),
                    (
                        "12.5 per cent",
                        12.5,
                        Some("per cent"),
                        Some("percent"),
                        None,
                    ),
                ],
            ),
            (
                "a $700 million contract and £2,000 and €10M",
                &[
                    ("$700 million", 700e6, Some("$"), Some("US dollar"), None),
                    ("£2,000", 2000.0, Some("£"), Some("pound sterling"), None),
                    ("€10M", 10e6, Some("€"), Some("euro"), None),
                ],
            ),
            (
                "He spent 20 million pounds; the baby is over two pounds.",
                &[
                    (
                        "20 million pounds",
                        20e6,
                        Some("pounds"),
                        Some("pound sterling"),
                        None,
                    ),
                    (
                        "over two pounds",
                        2.0,
                        Some("pounds"),
                        Some("pound"),
                        Some(Gt),
                    ),
                ],
            ),
            (
                "killing at least fourteen people",
                &[("at least fourteen people", 14.0, None, None, Some(Ge))],
            ),
            (
                "North Korea fired three ballistic missiles.",
                &[("three ballistic missiles", 3.0, None, None, None)],
            ),
            (
                "Some 1,200 people and twenty-five soldiers",
                &[
                    ("Some 1,200 people", 1200.0, None, None, Some(Approx)),
                    ("twenty-five soldiers", 25.0, None, None, None),
                ],
            ),
            (
                "a hundred troops",
                &[("a hundred troops", 100.0, None, None, None)],
            ),
            (
                "1.5 million gallon aquarium",
                &[(
                    "1.5 million gallon",
                    1.5e6,
                    Some("gallon"),
                    Some("gallon"),
                    None,
                )],
            ),
            (
                "at 188 miles an hour",
                &[(
                    "188 miles an hour",
                    188.0,
                    Some("miles an hour"),
                    Some("mile per hour"),
                    None,
                )],
            ),
            (
                "45 degrees Celsius",
                &[(
                    "45 degrees Celsius",
                    45.0,
                    Some("degrees Celsius"),
                    Some("degree Celsius"),
                    None,
                )],
            ),
            (
                "Lows of minus 5C are forecast, and Minus 12 degrees Celsius in the hills.",
                &[
                    ("minus 5C", -5.0, Some("C"), Some("degree Celsius"), None),
                    (
                        "Minus 12 degrees Celsius",
                        -12.0,
                        Some("degrees Celsius"),
                        Some("degree Celsius"),
                        None,
                    ),
                ],
            ),
            (
                "Shares closed at 412.5p, the 5p charge went to 10p. It ends at 7 p.m. in 1080p.",
                &[
                    ("412.5p", 412.5, Some("p"), Some("penny"), None),
                    ("5p", 5.0, Some("p"), Some("penny"), None),
                    ("10p", 10.0, Some("p"), Some("penny"), None),
                ],
            ),
            (
                "Inflation rose 0.2% to 3.8%, and went up 10 to 20 per cent.",
                &[
                    ("0.2%", 0.2, Some("%"), Some("percent"), None),
                    ("3.8%", 3.8, Some("%"), Some("percent"), None),
                    (
                        "10 to 20 per cent",
                        10.0,
                        Some("per cent"),
                        Some("percent"),
                        Some(Between),
                    ),
                ],
            ),
            (
                "One in four adults smoke, nearly two in five object and he ran 3 in 5 minutes.",
                &[
                    (
                        "One in four",
                        0.25,
                        Some("One in four"),
                        Some("proportion"),
                        None,
                    ),
                    (
                        "nearly two in five",
                        0.4,
                        Some("two in five"),
                        Some("proportion"),
                        Some(Approx),
                    ),
                    ("5 minutes", 5.0, Some("minutes"), Some("minute"), None),
                ],
            ),
            (
                "A magnitude 6.8 earthquake struck; families have 2.5 children.",
                &[
                    (
                        "magnitude 6.8",
                        6.8,
                        Some("magnitude"),
                        Some("magnitude"),
                        None,
                    ),
                    ("2.5 children", 2.5, None, None, None),
                ],
            ),
            (
                "A 6.0-magnitude quake; it measured 6.1 on the Richter scale; a 4.5 reading.",
                &[
                    (
                        "6.0-magnitude",
                        6.0,
                        Some("magnitude"),
                        Some("magnitude"),
                        None,
                    ),
                    (
                        "6.1 on the Richter scale",
                        6.1,
                        Some("on the Richter scale"),
                        Some("magnitude"),
                        None,
                    ),
                ],
            ),
            (
                "Rates rose 25 basis points; the low was 950 millibars; a 3-1 win; 20-30 protesters.",
                &[
                    (
                        "25 basis points",
                        25.0,
                        Some("basis points"),
                        Some("basis point"),
                        None,
                    ),
                    (
                        "950 millibars",
                        950.0,
                        Some("millibars"),
                        Some("millibar"),
                        None,
                    ),
                    ("30 protesters", 30.0, None, None, None),
                ],
            ),
            (
                "The crossing takes about 1 hour 20 minutes, or 2 hours and 30 minutes; 45 \
                 minutes and 2 hours.",
                &[
                    (
                        "about 1 hour 20 minutes",
                        80.0,
                        Some("minutes"),
                        Some("minute"),
                        Some(Approx),
                    ),
                    (
                        "2 hours and 30 minutes",
                        150.0,
                        Some("minutes"),
                        Some("minute"),
                        None,
                    ),
                    ("45 minutes", 45.0, Some("minutes"), Some("minute"), None),
                    ("2 hours", 2.0, Some("hours"), Some("hour"), None),
                ],
            ),
            (
                "Rates were cut by a quarter of a percentage point, then three-quarters of a point.",
                &[
                    (
                        "a quarter of a percentage point",
                        0.25,
                        Some("percentage point"),
                        Some("percentage point"),
                        None,
                    ),
                    (
                        "three-quarters of a point",
                        0.75,
                        Some("point"),
                        Some("percentage point"),
                        None,
                    ),
                ],
            ),
            (
                "Two were jailed over £2.3m housing fraud; he paid over £2m to the firm.",
                &[
                    (
                        "£2.3m",
                        2_300_000.0,
                        Some("£"),
                        Some("pound sterling"),
                        None,
                    ),
                    (
                        "over £2m",
                        2_000_000.0,
                        Some("£"),
                        Some("pound sterling"),
                        Some(Gt),
                    ),
                ],
            ),
            (
                "It built 1,150 a year, up from 890, against an average of 720; 8 of their 13 \
                 were won.",
                &[
                    ("1,150", 1150.0, None, None, None),
                    ("890", 890.0, None, None, None),
                    ("720", 720.0, None, None, None),
                    ("8", 8.0, None, None, None),
                ],
            ),
            (
                "About 86,000 remained cut off, up from 1.2 million; more than 40 were hurt.",
                &[
                    ("About 86,000", 86000.0, None, None, Some(Approx)),
                    ("1.2 million", 1_200_000.0, None, None, None),
                    ("more than 40", 40.0, None, None, Some(Gt)),
                ],
            ),
            (
                "Only 5 came to chapter 12 in the 2024-25 season, after 12 named storms.",
                &[("12 named storms", 12.0, None, None, None)],
            ),
            (
                "A deal worth 5 euros over ten years, after talks for over 18 months.",
                &[
                    ("5 euros", 5.0, Some("euros"), Some("euro"), None),
                    ("ten years", 10.0, Some("years"), Some("year"), None),
                    (
                        "over 18 months",
                        18.0,
                        Some("months"),
                        Some("month"),
                        Some(Gt),
                    ),
                ],
            ),
            (
                "\"It is over,\" said one resident; according to one analyst, one man died.",
                &[("one man", 1.0, None, None, None)],
            ),
            (
                "Police confirmed one death.",
                &[("one death", 1.0, None, None, None)],
            ),
            (
                "Growth could rise 2% to 3%; 3 injured people; children under 16 were barred.",
                &[
                    ("2% to 3%", 2.0, Some("%"), Some("percent"), Some(Between)),
                    ("3 injured people", 3.0, None, None, None),
                ],
            ),
            (
                "They lived there over 20 years.",
                &[("over 20 years", 20.0, Some("years"), Some("year"), Some(Gt))],
            ),
            (
                "It shot down 31 of 35 drones.",
                &[
                    ("31", 31.0, None, None, None),
                    ("35 drones", 35.0, None, None, None),
                ],
            ),
            (
                "accurate to plus or minus 3 per cent",
                &[("3 per cent", 3.0, Some("per cent"), Some("percent"), None)],
            ),
            (
                "just a mile from the fence",
                &[("a mile", 1.0, Some("mile"), Some("mile"), None)],
            ),
            (
                "The 39-year-old leader",
                &[("39-year-old", 39.0, Some("year"), Some("year"), None)],
            ),
        ];
        for (input, expected) in cases {
            check(input, expected);
        }
    }

    #[test]
    fn range_separators_are_what_the_separator_pattern_finds() {
        let pieces = [
            " ", " ", "\u{a0}", "-", "\u{2013}", "\u{2014}", "\u{2012}", "\u{2015}", "to", "and",
            "or", "t", "o", "a", "n", "x", "1",
        ];
        let pattern = regex::Regex::new(
            r"^(?:[ \u{a0}]*[-–—‒][ \u{a0}]*(?:to[ \u{a0}]+)?|[ \u{a0}]+(?P<word>to|and|or)[ \u{a0}]+)",
        )
        .expect("a valid pattern");
        let mut picks = crate::testing::Picks::new(0x1405_7b7e_f767_814f);
        for _ in 0..40_000 {
            let len = picks.below(8);
            let text = picks.text(&pieces, len);
            let expected = pattern.captures(&text).map(|c| {
                let word = c.name("word").map(|w| w.as_str());
                (c[0].len(), word)
            });
            assert_eq!(range_sep(&text), expected, "{text:?}");
        }
    }

    #[test]
    fn nouns_are_what_the_noun_pattern_captures() {
        // Both spaces, lowercase letters and hyphens, and what ends or breaks a word: capitals,
        // digits, a connector, a Unicode letter and mark (word characters) and punctuation.
        let pieces = [
            " ", "\u{a0}", "a", "z", "k", "-", "-", "A", "1", "_", "\u{e9}", "\u{300}", ".", ",",
        ];
        let pattern =
            regex::Regex::new(r"^[ \u{a0}]([a-z][a-z]*(?:-[a-z]+)*)\b").expect("a valid pattern");
        let mut picks = crate::testing::Picks::new(0x2545_f491_4f6c_dd1d);
        for _ in 0..40_000 {
            let len = 1 + picks.below(10);
            let mut text = picks.text(&pieces, len);
            if picks.below(2) == 0 {
                text.insert(0, ' ');
            }
            let expected = pattern
                .captures(&text)
                .and_then(|c| c.get(1))
                .map(|m| m.range());
            assert_eq!(noun_after(&text), expected, "{text:?}");
        }
    }

    #[test]
    fn articles_are_what_the_article_pattern_finds() {
        // Texts of the characters the pattern turns on: the two letters and "n", both spaces,
        // letters, marks, digits and connectors (word characters) and what is none.
        let pieces = [
            "a", "A", "n", "N", " ", "\u{a0}", "b", "\u{e9}", "\u{300}", "_", "1", "-", ".",
            "\u{3b1}", "\u{2014}", "\u{a9}",
        ];
        let pattern = regex::Regex::new(r"\b(?:[Aa]n?)[ \u{a0}]+").expect("a valid pattern");
        let mut picks = crate::testing::Picks::new(0x9e37_79b9_7f4a_7c15);
        let mut next = |n: usize| picks.below(n);
        for _ in 0..20_000 {
            let len = next(12);
            let text: String = (0..len).map(|_| pieces[next(pieces.len())]).collect();
            let expected: Vec<Span> = pattern
                .find_iter(&text)
                .map(|m| Span::new(m.start(), m.end()))
                .collect();
            assert_eq!(articles(&text).collect::<Vec<_>>(), expected, "{text:?}");
        }
    }

    #[test]
    fn years_times_names_and_quotes_are_not_quantities() {
        for input in [
            "since the armistice after the Korean War in 1953",
            "In 2019 elections were held.",
            "Apollo 11 landed; Boeing 737 jets flew; F-16 pilots trained.",
            "At 2:00 pm, or 6pm, everybody left on September 11.",
            "The class is \"English 101\".",
            "The answer is 42, at the end of times.",
            "He is one of the few.",
            "Rates rose from 3 to 5.",
        ] {
            check(input, &[]);
        }
    }

    #[test]
    fn money_ranges_and_changes() {
        use Comparator::*;
        check(
            "a deal worth $5-10 million",
            &[(
                "$5-10 million",
                5e6,
                Some("$"),
                Some("US dollar"),
                Some(Between),
            )],
        );
        check(
            "Prices rose from $5 to $10.",
            &[
                ("$5", 5.0, Some("$"), Some("US dollar"), None),
                ("$10", 10.0, Some("$"), Some("US dollar"), None),
            ],
        );
    }

    #[test]
    fn a_change_from_one_value_to_another_is_not_a_range() {
        check(
            "Inflation rose from 3% to 5.4% in August.",
            &[
                ("3%", 3.0, Some("%"), Some("percent"), None),
                ("5.4%", 5.4, Some("%"), Some("percent"), None),
            ],
        );
    }

    /// A change's amount and the level it reached are two quantities, however the verb is
    /// written and whatever stands between it and "by"; a range with one unit stays a range.
    #[test]
    fn an_amount_moved_by_and_the_level_reached_are_not_a_range() {
        check(
            "Operating margin widened by 120 basis points to 11.4%.",
            &[
                (
                    "120 basis points",
                    120.0,
                    Some("basis points"),
                    Some("basis point"),
                    None,
                ),
                ("11.4%", 11.4, Some("%"), Some("percent"), None),
            ],
        );
        check(
            "The board lifted the quarterly dividend by 5 cents to 48 cents.",
            &[
                ("5 cents", 5.0, Some("cents"), Some("cent"), None),
                ("48 cents", 48.0, Some("cents"), Some("cent"), None),
            ],
        );
        check(
            "It is raising the income threshold from £11,500 to £35,000.",
            &[
                ("£11,500", 11500.0, Some("£"), Some("pound sterling"), None),
                ("£35,000", 35000.0, Some("£"), Some("pound sterling"), None),
            ],
        );
        check(
            "Prices will rise by 5 to 10 per cent.",
            &[(
                "5 to 10 per cent",
                5.0,
                Some("per cent"),
                Some("percent"),
                Some(Comparator::Between),
            )],
        );
        check(
            "The wall is from 50cm to 1m high.",
            &[(
                "from 50cm to 1m",
                0.5,
                Some("m"),
                Some("metre"),
                Some(Comparator::Between),
            )],
        );
    }

    /// Readings from probes of new articles: names between a number and what it counts, a
    /// comparative before the plural, a half of a unit, and an earthquake's magnitude written
    /// "magnitude-6.4" or before "quake".
    #[test]
    fn counts_past_names_halves_of_units_and_magnitudes() {
        check(
            "Since 47 Labour MPs and 40 UN staff left, on 12 May soldiers came.",
            &[
                ("47 Labour MPs", 47.0, None, None, None),
                ("40 UN staff", 40.0, None, None, None),
            ],
        );
        check(
            "It scored 100 Premier League goals and hit half a million more people.",
            &[
                ("100 Premier League goals", 100.0, None, None, None),
                ("half a million more people", 500_000.0, None, None, None),
            ],
        );
        check(
            "They walked for half an hour as rates rose by half a percentage point.",
            &[
                ("half an hour", 0.5, Some("hour"), Some("hour"), None),
                (
                    "half a percentage point",
                    0.5,
                    Some("percentage point"),
                    Some("percentage point"),
                    None,
                ),
            ],
        );
        check(
            "A magnitude-6.4 earthquake and a smaller 5.1 quake struck.",
            &[
                (
                    "magnitude-6.4",
                    6.4,
                    Some("magnitude"),
                    Some("magnitude"),
                    None,
                ),
                ("5.1", 5.1, None, Some("magnitude"), None),
            ],
        );
    }

    /// From the second probe: parts per million and billion, a fraction of a unit, a unit and
    /// a half, and a vote's split written as a falling "range".
    #[test]
    fn parts_per_million_fractions_of_units_halves_and_splits() {
        check(
            "CO2 reached 426.9 parts per million, up from 278 ppm.",
            &[
                (
                    "426.9 parts per million",
                    426.9,
                    Some("parts per million"),
                    Some("part per million"),
                    None,
                ),
                (
                    "278 ppm",
                    278.0,
                    Some("ppm"),
                    Some("part per million"),
                    None,
                ),
            ],
        );
        check(
            "It lies a quarter of a mile away, a mile and a half from the dam.",
            &[
                (
                    "a quarter of a mile",
                    0.25,
                    Some("mile"),
                    Some("mile"),
                    None,
                ),
                ("a mile and a half", 1.5, Some("mile"), Some("mile"), None),
            ],
        );
        check(
            "The talks lasted an hour and a half.",
            &[("an hour and a half", 1.5, Some("hour"), Some("hour"), None)],
        );
        check(
            "Briggs won 57% to 42%.",
            &[
                ("57%", 57.0, Some("%"), Some("percent"), None),
                ("42%", 42.0, Some("%"), Some("percent"), None),
            ],
        );
    }

    #[test]
    fn a_bare_length_is_a_quantity_in_extract() {
        let claims = crate::extract("3 km", &crate::ExtractOptions::default());
        assert_eq!(
            claims.iter().map(|c| c.kind).collect::<Vec<_>>(),
            vec![claimcheck_core::ClaimKind::Quantity]
        );
    }
}
