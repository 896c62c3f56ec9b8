//! Date claims: finds the date expressions of news text and normalises each to an ISO value with a
//! precision, the weekday it states, how it relates to the event and which part of it is meant.
//!
//! Forms found:
//! - month names: "September 11", "Sept. 11", "September 13th", "11 September", "the 9th of
//!   June", "March 3, 2021", "05-Aug-2016", "October 1982", "October of next year", and a bare
//!   month after a preposition or part word ("in January", "since September", "early December");
//! - numbers: "2023-09-11", "31/12/2023", "3/4/2023" only when another numeric date of the text
//!   shows the order, "on 2/15" after a preposition;
//! - weekdays: before a day ("Monday, June 20", "Monday (September 11)", "Friday, 9 June",
//!   "Tuesday the 19th"), after one in apposition ("3 March 2023, a Friday", "June 20 (a
//!   Monday)"), alone ("on Monday", "Kim met Putin Wednesday"), shifted ("last
//!   Friday", "next Monday", "this coming Sunday"), in a week ("Monday next week") or a month
//!   ("the first Monday of March");
//! - relative: "today", "yesterday", "tomorrow", "last/this/next week|month|year", "two days
//!   ago", "three days from now", "in two weeks" (only where the sentence looks ahead), "the
//!   end of the year", and "the day" of market reports ("ended the day up 2%");
//! - years: "in 1953", "since 2017", "the 1991 agreement", "'82" after a preposition, and in
//!   words after a month or a preposition ("October two thousand and five", "in nineteen
//!   ninety-six");
//! - days in ordinal words: "the first of March", "March first", "Tuesday the eleventh", "the
//!   20th of next month", "the last day of October 2015";
//! - numeric months and compact days: "2015-03", "2014/10", "12/2015", "20161016";
//! - holidays (`date/holidays.tsv`): "Christmas", "last Easter", "Thanksgiving 2014";
//! - comparisons with a year before: "the same month a year ago" is the month the sentence named
//!   before it, a year earlier;
//! - a part before a month or year: "early December", "mid-2009", "the end of last year".
//! - ranges and lists that share a month or year (`date/range.rs`): "4 to 6 March 2024" (4 and
//!   6 March 2024), "Monday 4 to Wednesday 6 March", "March 4-6, 2024", "from 28 February to 2
//!   March 2024" (the year of both from the second).
//!
//! Decisions:
//! - A span covers the expression and its weekday and part, never the preposition before it:
//!   "on Monday (September 11)" gives "Monday (September 11)" with relation `on`.
//! - A year comes from the text, else from the publication date: the nearest such date around
//!   it, leaning to the past or the future as the nearest tense cue of the sentence does. A
//!   stated weekday is recorded but never used to choose the year, so the matcher can catch a
//!   weekday that does not fit the date.
//! - A bare weekday is the latest one up to the publication day unless the sentence looks
//!   ahead; "last Friday" and "next Friday" are the Fridays of the weeks before and after the
//!   publication week.
//! - Decades ("the 1990s") are not dates of a claim: they are skipped.
//! - A week ("last week") has no single day and no week precision: it is reported with no date
//!   and a note naming its days.
//! - A four-digit number is a year unless what stands around it says it counts or measures
//!   ("2000 people", "$ 2000", "about 2000", "1,500", "7223.98", "138-2010-2015").

mod alone;
mod anchor;
mod counted;
mod festive;
mod holiday;
mod lexicon;
mod numeric;
mod range;
mod relative;
mod spelled;

use crate::number::{SMALL_NUMBER_WORDS, TENS_WORDS};
use crate::tier::{Captures, Match, Sequence, StretchTest, Tiered, TriggerWords, Triggers};
use claimcheck_core::{
    CalendarDate, Claim, DateDetails, Details, Precision, READ_AHEAD, Relation, Span, YearSource,
    prefetch,
};
use jiff::civil::{Date, Weekday};

use crate::sentences::sentences;
use anchor::Occurrence;
use lexicon::Lean;

const MONTH: &str = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const FULL_MONTH: &str =
    "(?:january|february|march|april|may|june|july|august|september|october|november|december)";
const DAY: &str = "(?:[12][0-9]|3[01]|0?[1-9])";
const ORDINAL: &str = "(?:st|nd|rd|th)";
/// A year from 1500 to 2100: the end of the century is the one year past 2099 news often names
/// ("by 2100"), where a later four-digit number is more often an amount or a clock time.
const YEAR: &str = "(?:1[5-9][0-9]{2}|20[0-9]{2}|2100)";
const WEEKDAY: &str = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
/// A day of the month in ordinal words: "first", "twenty-second", "thirty first".
const DAY_WORD: &str = "(?:(?:twenty|thirty)[-\\s]?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)";
/// A year in words: "nineteen ninety-six", "nineteen hundred and five", "two thousand and
/// fifteen", "twenty twenty".
const YEAR_WORDS: &str = r"(?:two\s+thousand(?:\s+(?:and\s+)?(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten|one|two|three|four|five|six|seven|eight|nine))?|(?:eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\s+(?:hundred(?:\s+(?:and\s+)?(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten|one|two|three|four|five|six|seven|eight|nine))?|oh[-\s](?:one|two|three|four|five|six|seven|eight|nine)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten))";
const SMALL_COUNT: &str =
    "(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[0-9]{1,3})";

/// The note of a claim whose value needed a publication date that was not given.
const NO_ANCHOR: &str = "no publication date to anchor the year";

/// What an expression says, before the publication date fixes what it leaves open.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Value {
    /// A day, month or year the text states in full.
    Fixed(CalendarDate),
    /// A year written with two digits ("'82"), whose century comes from the publication date.
    ShortYear(i16),
    /// A month and day whose year comes from the publication date.
    MonthDay { month: i8, day: i8 },
    /// A day of the month whose month comes from the publication date ("on the 15th").
    DayOfMonth(i8),
    /// A weekday of a week near the publication week ("Monday next week" is 1).
    WeekdayInWeek { day: Weekday, weeks: i64 },
    /// The nth weekday of a month ("the first Monday of March"); `nth` is -1 for the last.
    NthWeekday {
        nth: i8,
        day: Weekday,
        month: MonthRef,
    },
    /// A month whose year comes from the publication date.
    Month { month: i8, shift: MonthShift },
    /// A weekday near the publication date.
    Weekday {
        day: Weekday,
        occurrence: Occurrence,
    },
    /// The day this many days from the publication date ("yesterday" is -1).
    Days(i64),
    /// The month this many months from the publication month ("last month" is -1).
    Months(i32),
    /// The year this many years from the publication year ("next year" is 1).
    Years(i32),
    /// The week this many weeks from the publication week.
    Weeks(i32),
    /// "the day" of a market report ("ended the day up 2%"): the day reported on, which only
    /// the publication date can stand for.
    ReportDay,
    /// A day of a month this many months from the publication month ("the 20th of next month").
    DayOfShiftedMonth { day: i8, months: i32 },
    /// A day and month with a two-digit year ("31-Oct-74"), whose century comes from the
    /// publication date.
    DayMonthShortYear { month: i8, day: i8, yy: i16 },
    /// The last day of a month ("the last day of October 2015", "the last day of June").
    LastDay(MonthRef),
    /// "the same month a year ago", "the same period last year": the date the sentence named
    /// before it, a year earlier; the year before the publication year when it named none.
    SamePeriodYearBefore,
    /// A day its month does not have: "30 February", "31 April", "29 February 2023".
    NoSuchDay {
        month: i8,
        day: i8,
        year: Option<i16>,
    },
    /// A holiday ("Christmas", "last Easter", "Thanksgiving 2014").
    Holiday {
        rule: holiday::Rule,
        year: HolidayYear,
    },
}

/// Which year's holiday a phrase means.
#[derive(Debug, Clone, Copy, PartialEq)]
enum HolidayYear {
    /// "Easter 2018".
    Stated(i16),
    /// "at Christmas": the nearest, on the side the sentence leans to.
    Nearest,
    /// "last Easter": the latest one before the publication date.
    Last,
    /// "next Thanksgiving": the first one after the publication date.
    Next,
    /// "this Christmas", "Easter of next year": the one in the year this many years from the
    /// publication year.
    InYear(i32),
}

/// The month an nth weekday falls in.
#[derive(Debug, Clone, Copy, PartialEq)]
enum MonthRef {
    /// "of March 2014": stated in full.
    Stated { year: i16, month: i8 },
    /// "of March": the nearest March, as a bare month is read.
    Named(i8),
    /// "of next month": this many months from the publication month.
    Shifted(i32),
}

/// Which occurrence of a month a phrase means.
#[derive(Debug, Clone, Copy, PartialEq)]
enum MonthShift {
    /// "in October": the nearest, on the side the sentence leans to.
    Nearest,
    /// "last September": the latest one before the publication month.
    Last,
    /// "next March": the first one after the publication month.
    Next,
    /// "October of next year": the one in the year this many years from the publication year.
    InYear(i32),
}

impl Value {
    fn precision(&self) -> Precision {
        match self {
            Value::Fixed(d) => d.precision(),
            Value::Month { .. } | Value::Months(_) => Precision::Month,
            Value::Years(_) | Value::ShortYear(_) | Value::SamePeriodYearBefore => Precision::Year,
            Value::MonthDay { .. }
            | Value::DayOfMonth(_)
            | Value::NthWeekday { .. }
            | Value::WeekdayInWeek { .. }
            | Value::Weekday { .. }
            | Value::Days(_)
            | Value::Weeks(_)
            | Value::ReportDay
            | Value::DayOfShiftedMonth { .. }
            | Value::LastDay(_)
            | Value::DayMonthShortYear { .. }
            | Value::NoSuchDay { .. }
            | Value::Holiday { .. } => Precision::Day,
        }
    }
}

/// A date expression found in the text, before overlapping ones are settled.
#[derive(Debug, Clone)]
struct Candidate {
    span: Span,
    value: Value,
    weekday: Option<Weekday>,
    part: Option<&'static str>,
    /// A span of time that names a date only when the sentence looks ahead: "will vote in two
    /// weeks" is a date, "doubled in two weeks" is a duration.
    ahead_only: bool,
}

/// Compiles a date pattern to run on the lowercased text, with ASCII word boundaries.
///
/// The patterns are written with `(?i)` for the reader; it is dropped here because the text they
/// run on is lowercased, so the literal words must be lowercase (checked). Without `(?i)` the
/// regex crate extracts far fewer literals for its prefilter, which made compiling three times
/// cheaper and searching several times faster. A Unicode `\b` cannot be evaluated by the lazy
/// DFA once the text holds a non-ASCII byte (a curly quote, a dash), so every search in
/// typographic news text fell back to the much slower PikeVM; the words these patterns match are
/// ASCII, so an ASCII boundary finds the same dates.
fn date_pattern(pattern: &str) -> String {
    let pattern = pattern.strip_prefix("(?i)").unwrap_or(pattern);
    let mut escaped = false;
    for ch in pattern.replace("(?P<", "(?<").chars() {
        assert!(
            escaped || !ch.is_ascii_uppercase(),
            "a date pattern runs on lowercased text, so its words must be lowercase: {pattern}"
        );
        escaped = ch == '\\' && !escaped;
    }
    pattern.replace(r"\b", r"(?-u:\b)")
}

/// Words of which a text must hold one from each group (lowercase, as in the lowercased text)
/// for a pattern to match in it.
enum Needs {
    All(&'static [&'static [&'static str]]),
    /// As `All`, and only in a text where the words of one of the [`Sequence`]s stand in
    /// sequence.
    InSequence(&'static [&'static [&'static str]], &'static [Sequence]),
    /// Every word of one of the holidays' spellings (see [`holiday::key_words`]).
    Holiday,
}

/// A digit and an ordinal suffix (every one of [`DAY`] and [`ORDINAL`]): what "on the 20th"
/// holds and most stretches with digits do not.
const DIGIT_ORDINALS: &[&str] = &[
    "0st", "0nd", "0rd", "0th", "1st", "1nd", "1rd", "1th", "2st", "2nd", "2rd", "2th", "3st",
    "3nd", "3rd", "3th", "4st", "4nd", "4rd", "4th", "5st", "5nd", "5rd", "5th", "6st", "6nd",
    "6rd", "6th", "7st", "7nd", "7rd", "7th", "8st", "8nd", "8rd", "8th", "9st", "9nd", "9rd",
    "9th",
];
const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
/// Month abbreviations and the ending every weekday name shares.
const MONTHS_OR_DAYS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "day",
];
/// What every [`DAY_WORD`] holds.
const DAY_WORDS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "teenth", "tieth",
];
/// What every [`YEAR_WORDS`] holds.
const YEAR_WORDS_CUES: &[&str] = &["thousand", "eleven", "twelve", "teen", "twenty"];
/// What [`MONTH_YEAR`] holds after its month: a [`YEAR`]'s first two digits ([`CENTURIES`]),
/// or "year" ("last year"). Without it every "may" of a text, a verb far more often than a
/// month, had its stretch searched.
const CENTURIES_OR_YEAR: &[&str] = &["15", "16", "17", "18", "19", "20", "21", "year"];
/// The first two digits of a year of [`YEAR`]: [`CENTURIES_OR_YEAR`] without "year".
const CENTURIES: &[&str] = match CENTURIES_OR_YEAR.split_last() {
    Some((_, centuries)) => centuries,
    None => &[],
};
const TIME_UNITS: &[&str] = &["day", "week", "fortnight", "month", "year"];
/// The quotes before a two-digit year ([`SHORT_YEAR`]).
const QUOTES: &[&str] = &["'", "\u{2019}", "\u{2018}", "`"];
/// What every match of [`CONSECUTIVE_DAY`] holds one of.
const CONSECUTIVE_WORDS: &[&str] = &["consecutive", "straight", "successive"];
/// What every match of [`SAME_PERIOD`] holds.
const SAME_WORD: &[&str] = &["same"];
/// What every match of [`AGO`] holds.
const AGO_WORD: &[&str] = &["ago"];
/// The days [`RELATIVE_DAY`] names.
pub(crate) const RELATIVE_DAYS: &[&str] = &["today", "yesterday", "tomorrow", "tonight"];
/// The units of [`RELATIVE_UNIT`].
const RELATIVE_UNITS: &[&str] = &["week", "month", "year", "yr"];
/// What every weekday's name ends with, and the day of [`REPORT_DAY`].
const WEEKDAY_END: &[&str] = &["day"];

/// A date pattern, compiled the first time a text that can hold its form is searched.
///
/// Compiling is most of the cost of checking a short article (a fresh process checks one or a
/// few), so a pattern is compiled only once some text holds the words every match of it holds:
/// an article without "ago" never compiles the "two days ago" pattern. The check is a substring
/// search of the lowercased text, stopped at the first hit.
struct Pattern {
    needs: Needs,
    regex: Tiered,
}

impl Pattern {
    const fn new(needs: Needs, regex: Tiered) -> Pattern {
        Pattern { needs, regex }
    }

    /// Whether `lower` holds what a match needs.
    fn may_match(&self, lower: &Triggers<'_>) -> bool {
        match self.needs {
            Needs::All(groups) => holds_each(lower, groups),
            Needs::InSequence(groups, sequences) => {
                holds_each(lower, groups) && sequences.iter().any(|s| s.may_stand(lower))
            }
            // Once the `regex` form is compiled, its search (from a literal prefilter) costs a
            // text less than the test below, which looks for each of a hundred words until a
            // spelling passes (a batch of 2,000 articles took 2,870 M instructions with the
            // test at every article, 2,811 M without it once the form is compiled).
            Needs::Holiday => self.regex.is_compiled() || holiday_may_match(lower),
        }
    }

    /// Every match in `lower`; in a long text, only the stretches that hold what a match needs
    /// are read (see [`Tiered::captures_iter_gated`]).
    fn captures_iter<'t>(&self, lower: &Triggers<'t>) -> impl Iterator<Item = Captures<'_, 't>> {
        self.may_match(lower)
            .then(|| {
                let (groups, keep) = self.gating(lower);
                self.regex.captures_iter_gated(lower, groups, keep)
            })
            .into_iter()
            .flatten()
    }

    fn find_iter<'t>(&self, lower: &Triggers<'t>) -> impl Iterator<Item = Match<'t>> {
        self.may_match(lower)
            .then(|| {
                let (groups, keep) = self.gating(lower);
                self.regex.find_iter_gated(lower, groups, keep)
            })
            .into_iter()
            .flatten()
    }

    /// The groups and the stretch test a search of `lower` is gated by: the holiday pattern's
    /// in a text of at least [`HOLIDAY_STRETCHES_FROM`] bytes, none in a shorter one (read
    /// whole), every other pattern's gate.
    fn gating(
        &self,
        lower: &Triggers<'_>,
    ) -> (
        &'static [&'static [&'static str]],
        Option<StretchTest<'static>>,
    ) {
        match self.needs {
            Needs::Holiday if lower.haystack().len() < HOLIDAY_STRETCHES_FROM => (&[], None),
            Needs::Holiday => (self.gate(), Some(&holiday_in_stretch)),
            _ => (self.gate(), None),
        }
    }

    /// The words a stretch of text must hold for a match (for holidays, a spelling's longest
    /// word, and the stretch is asked about the rest: see [`holiday_in_stretch`]).
    fn gate(&self) -> &'static [&'static [&'static str]] {
        match self.needs {
            Needs::All(groups) | Needs::InSequence(groups, _) => groups,
            Needs::Holiday => holiday::lead_words(),
        }
    }
}

static MONTH_DAY: Pattern = Pattern::new(
    Needs::All(&[MONTHS]),
    Tiered::new(|| {
        date_pattern(&format!(
            r"(?i)\b(?P<m>{MONTH})\b\.?(?:\s*(?:the\s+)?|[-/])(?P<d>{DAY})(?P<o>{ORDINAL})?\b(?:(?:\s*,?\s*|\s+of\s+|[-/])(?P<y>{YEAR})\b)?"
        ))
    }),
);

static DAY_MONTH_SHORT_YEAR: Pattern = Pattern::new(
    Needs::All(&[MONTHS, &["-"]]),
    Tiered::new(|| {
        date_pattern(&format!(
            r"(?i)\b(?P<d>{DAY})-(?P<m>{MONTH})-(?P<yy>[0-9]{{2}})\b"
        ))
    }),
);

static DAY_MONTH: Pattern = Pattern::new(
    Needs::All(&[MONTHS]),
    Tiered::new(|| {
        date_pattern(&format!(
            r"(?i)\b(?P<d>{DAY})(?P<o>{ORDINAL})?(?:\s+(?:day\s+)?(?:of\s+)?|[-/])(?P<m>{MONTH})\b\.?(?:(?:\s*,?\s*|\s+of\s+|[-/])(?P<y>{YEAR})\b)?"
        ))
    }),
);

static MONTH_YEAR: Pattern = Pattern::new(
    Needs::All(&[MONTHS, CENTURIES_OR_YEAR]),
    Tiered::new(|| {
        date_pattern(&format!(
            r"(?i)\b(?P<m>{MONTH})\b\.?(?:\s*,?\s+(?:of\s+)?|[-/])(?:(?P<y>{YEAR})\b|(?P<rel>next|last|this|the\s+previous)\s+year\b)"
        ))
    }),
);

/// A month alone; the match is the month, so it is searched without groups.
static MONTH_BARE: Pattern = Pattern::new(
    Needs::All(&[MONTHS]),
    Tiered::new(|| date_pattern(&format!(r"(?i)\b(?:{FULL_MONTH})\b"))),
);

static ISO: Pattern = Pattern::new(
    Needs::All(&[CENTURIES]),
    Tiered::new(|| {
        date_pattern(&format!(
            r"\b(?P<y>{YEAR})(?P<s1>[-/.])(?P<m>[0-9]{{1,2}})(?P<s2>[-/.])(?P<d>[0-9]{{1,2}})"
        ))
    }),
);

/// Read by hand from its separators (`date/numeric.rs`); searched whole, in a debug build's
/// check only, so that neither the digits nor the full stop, a third of a news text's trigger
/// words, need be found by the trigger pass.
static NUMERIC: Pattern = Pattern::new(
    Needs::All(&[]),
    Tiered::new(|| {
        date_pattern(
            r"\b(?P<a>[0-9]{1,2})\s?(?P<s1>[/.-])\s?(?P<b>[0-9]{1,2})(?:\s?(?P<s2>[/.-])\s?(?P<y>[0-9]{4}|[0-9]{2}))?",
        )
    }),
);

/// A year alone; the match is the year, so it is searched without groups (no engine for them).
static YEAR_ALONE: Pattern = Pattern::new(
    Needs::All(&[CENTURIES]),
    Tiered::new(|| date_pattern(&format!(r"\b(?:{YEAR})\b"))),
);

static SHORT_YEAR: Pattern = Pattern::new(
    Needs::All(&[QUOTES]),
    Tiered::new(|| date_pattern(r"(?P<q>['\u{2019}\u{2018}`])(?P<yy>[0-9]{2})\b")),
);

static RELATIVE_DAY: Pattern = Pattern::new(
    Needs::All(&[RELATIVE_DAYS]),
    Tiered::new(|| {
        date_pattern(
            r"(?i)\b(?:the\s+day\s+(?P<ba>before|after)\s+)?(?P<w>today|yesterday|tomorrow|tonight)\b",
        )
    }),
);

static REPORT_DAY: Pattern = Pattern::new(
    Needs::All(&[WEEKDAY_END]),
    Tiered::new(|| {
        date_pattern(
            r"(?i)\b(?:end|ended|ending|ends|finish|finished|finishing|finishes|close|closed|closing|closes|start|started|starting|starts|open|opened|opening|opens|for|late\s+in|early\s+in|earlier\s+in|later\s+in)\s+(?P<d>the\s+day)\b",
        )
    }),
);

static CONSECUTIVE_DAY: Pattern = Pattern::new(
    Needs::All(&[CONSECUTIVE_WORDS]),
    Tiered::new(|| {
        date_pattern(
            r"(?i)\ba\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|[2-9](?:nd|rd|th)|1[0-9]th)\s+(?:consecutive|straight|successive)\s+(?:trading\s+)?day\b",
        )
    }),
);

static PERIOD_EDGE: Pattern = Pattern::new(
    Needs::All(&[&["beginning", "start", "end", "middle"], &["year", "month"]]),
    Tiered::new(|| {
        date_pattern(
            r"(?i)\b(?:beginning|start|end|middle)\s+of\s+(?P<p>(?:the\s+)?(?:current\s+)?(?P<u>year|month))\b",
        )
    }),
);

static RELATIVE_UNIT: Pattern = Pattern::new(
    Needs::All(&[
        &[
            "this", "last", "next", "previous", "current", "coming", "date",
        ],
        RELATIVE_UNITS,
    ]),
    Tiered::new(|| {
        date_pattern(
            r"(?i)\b(?P<q>this|last|next|the\s+previous|(?:the\s+)?current|the\s+coming)\s+(?:calendar\s+)?(?P<u>week|month|year|yr)\b|\b(?P<ytd>the\s+year[-\s]to[-\s]date)\b",
        )
    }),
);

static AGO: Pattern = Pattern::new(
    Needs::All(&[AGO_WORD]),
    Tiered::new(|| {
        date_pattern(&format!(
            r"(?i)\b(?P<n>{SMALL_COUNT})\s+(?P<u>day|week|fortnight|month|year)s?\s+ago\b"
        ))
    }),
);

static IN_TIME: Pattern = Pattern::new(
    Needs::All(&[TIME_UNITS]),
    Tiered::new(|| {
        date_pattern(&format!(
            r"(?i)\bin\s+(?P<t>(?P<n>{SMALL_COUNT})\s+(?P<u>day|week|fortnight|month|year)s?)(?:['\u{{2019}}]?\s*time)?\b"
        ))
    }),
);

static FROM_BASE: Pattern = Pattern::new(
    Needs::All(&[TIME_UNITS, &["from", "after", "before", "hence"]]),
    Tiered::new(|| {
        date_pattern(&format!(
            r"(?i)\b(?P<n>{SMALL_COUNT})\s+(?P<u>day|week|fortnight|month|year)s?\s+(?:(?P<dir>from|after|before)\s+(?P<base>now|today|tomorrow|yesterday)|hence)\b"
        ))
    }),
);

static SHIFTED: Pattern = Pattern::new(
    Needs::All(&[
        &[
            "last",
            "next",
            "previous",
            "following",
            "past",
            "coming",
            "this",
        ],
        MONTHS_OR_DAYS,
    ]),
    Tiered::new(|| {
        date_pattern(&format!(
            r"(?i)\b(?P<q>last|next|previous|following|this\s+past|this\s+coming|coming|this)\s+(?P<n>{WEEKDAY}|{FULL_MONTH})\b"
        ))
    }),
);

/// A weekday alone; the match is the weekday, so it is searched without groups.
static WEEKDAY_ALONE: Pattern = Pattern::new(
    Needs::All(&[WEEKDAY_END]),
    Tiered::new(|| date_pattern(&format!(r"(?i)\b(?:{WEEKDAY})\b"))),
);

static WEEKDAY_ORDINAL: Pattern = Pattern::new(
    Needs::InSequence(
        &[&["day"], DIGIT_ORDINALS],
        &[Sequence {
            cues: &["day"],
            first: is_weekday,
            fillers: &["the"],
            then: is_digit_ordinal,
            backward: false,
        }],
    ),
    Tiered::new(|| {
        date_pattern(&format!(
            r"(?i)\b(?P<wd>{WEEKDAY}),?\s+(?:the\s+)?(?P<d>{DAY}){ORDINAL}\b"
        ))
    }),
);

static NTH_WEEKDAY: Pattern = Pattern::new(
    Needs::InSequence(
        &[&["day"], NTH_WORDS],
        &[Sequence {
            cues: NTH_WORDS,
            first: |w| NTH_WORDS.contains(&w),
            fillers: &[],
            then: is_weekday,
            backward: false,
        }],
    ),
    Tiered::new(|| {
        date_pattern(&format!(
            r"(?i)\b(?:the\s+)?(?P<nth>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+(?P<wd>{WEEKDAY})\s+(?:of|in)\s+(?:(?P<m>{MONTH})\b\.?(?:\s*,?\s*(?P<y>{YEAR})\b)?|(?P<rel>last|next|this|the)\s+month\b)"
        ))
    }),
);

static ORDINAL_DAY: Pattern = Pattern::new(
    Needs::InSequence(
        &[DIGIT_ORDINALS],
        &[Sequence {
            cues: DIGIT_ORDINALS,
            first: is_digit_ordinal,
            fillers: &["the"],
            then: |w| w == "on",
            backward: true,
        }],
    ),
    Tiered::new(|| {
        date_pattern(&format!(
            r"(?i)\bon\s+(?P<t>(?:the\s+)?(?P<d>{DAY}){ORDINAL})\b"
        ))
    }),
);

static LAST_DAY: Pattern = Pattern::new(
    Needs::InSequence(
        &[MONTHS, &["last"]],
        &[Sequence {
            cues: &["last"],
            first: |w| w == "last",
            fillers: &["day", "of", "in"],
            then: is_month,
            backward: false,
        }],
    ),
    Tiered::new(|| {
        date_pattern(&format!(
            r"(?i)\b(?:the\s+)?last\s+day\s+(?:of|in)\s+(?P<m>{MONTH})\b\.?(?:\s*,?\s+(?P<y>{YEAR})\b)?"
        ))
    }),
);

static WEEKDAY_AFTER_NEXT: Pattern = Pattern::new(
    Needs::All(&[&["day"], &["after"]]),
    Tiered::new(|| date_pattern(&format!(r"(?i)\b(?P<wd>{WEEKDAY})\s+after\s+next\b"))),
);

static WEEKDAY_OF_WEEK: Pattern = Pattern::new(
    Needs::All(&[&["day"], &["week"]]),
    Tiered::new(|| {
        date_pattern(&format!(
            r"(?i)\b(?P<wd>{WEEKDAY})\s+(?:of\s+)?(?P<q>next|last|this)\s+week\b"
        ))
    }),
);

static WEEK_THEN_WEEKDAY: Pattern = Pattern::new(
    Needs::All(&[&["day"], &["week"]]),
    Tiered::new(|| {
        date_pattern(&format!(
            r"(?i)\b(?P<q>next|last|previous|this)\s+week,?\s*(?:-\s*)?(?:on\s+)?(?P<wd>{WEEKDAY})\b"
        ))
    }),
);

static PREFIX_WEEKDAY: Tiered = Tiered::new(|| {
    date_pattern(&format!(
        r"(?i)\b(?P<wd>{WEEKDAY}|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?[\s,]*(?P<open>\()?\s*$"
    ))
});

static PREFIX_PART: Tiered = Tiered::new(|| {
    date_pattern(
        r"(?i)\b(?P<p>early|mid|late|(?:the\s+)?(?:end|beginning|start|middle)\s+of)(?:\s*-\s*|\s+)$",
    )
});

/// The word relating a date to an event when it ends `before`, the lowercased text before the
/// date, with white space after it: "on", "in", "during", "since", "before", "after", "until",
/// "till", "by", "through", or "prior to" with any white space inside, after an ASCII word
/// boundary. What `\b(?P<r>on|in|...|prior\s+to)\s+$` (with an ASCII `\b`) captures, read by
/// hand: it is asked before most dates ("on Monday", "in May").
fn relation_before(before: &str) -> Option<&str> {
    const WORDS: &[&str] = &[
        "on", "in", "during", "since", "before", "after", "until", "till", "by", "through",
    ];
    let body = before.trim_end();
    if body.len() == before.len() {
        return None;
    }
    // An ASCII word boundary: no letter, digit or underscore just before.
    let bounded = |start: usize| {
        start == 0
            || !matches!(body.as_bytes()[start - 1], b'0'..=b'9' | b'A'..=b'Z' | b'a'..=b'z' | b'_')
    };
    if let Some(rest) = body.strip_suffix("to") {
        let gap = rest.trim_end();
        if gap.len() < rest.len() && gap.ends_with("prior") && bounded(gap.len() - "prior".len()) {
            return Some(&body[gap.len() - "prior".len()..]);
        }
    }
    WORDS.iter().find_map(|w| {
        let start = body.len().checked_sub(w.len())?;
        (body.ends_with(w) && bounded(start)).then(|| &body[start..])
    })
}

static PREFIX_SCHEDULED: Tiered = Tiered::new(|| {
    date_pattern(
        r"(?i)\b(?:scheduled|slated|set|planned|due)\s+(?:to\s+(?:[a-z]+\s+){1,4})?(?:on|for)\s+$",
    )
});

static WORD_DAY_MONTH: Pattern = Pattern::new(
    Needs::InSequence(
        &[MONTHS, DAY_WORDS],
        &[Sequence {
            cues: DAY_WORDS,
            first: is_day_word,
            fillers: &["day", "of"],
            then: is_month,
            backward: false,
        }],
    ),
    Tiered::new(|| {
        date_pattern(&format!(
            r"(?i)\b(?:the\s+)?(?P<d>{DAY_WORD})(?:\s+day)?\s+of\s+(?P<m>{MONTH})\b\.?(?:(?:\s*,\s*|\s+(?:of\s+)?)(?P<y>{YEAR})\b)?"
        ))
    }),
);

static MONTH_WORD_DAY: Pattern = Pattern::new(
    Needs::InSequence(
        &[MONTHS, DAY_WORDS],
        &[Sequence {
            cues: MONTHS,
            first: is_month,
            fillers: &["the"],
            then: is_day_word,
            backward: false,
        }],
    ),
    Tiered::new(|| {
        date_pattern(&format!(
            r"(?i)\b(?P<m>{MONTH})\b\.?,?\s+(?:the\s+)?(?P<d>{DAY_WORD})\b(?:(?:\s*,\s*|\s+(?:of\s+)?)(?P<y>{YEAR})\b)?"
        ))
    }),
);

static WEEKDAY_WORD_DAY: Pattern = Pattern::new(
    Needs::InSequence(
        &[&["day"], DAY_WORDS],
        &[Sequence {
            cues: &["day"],
            first: is_weekday,
            fillers: &["the"],
            then: is_day_word,
            backward: false,
        }],
    ),
    Tiered::new(|| {
        date_pattern(&format!(
            r"(?i)\b(?P<wd>{WEEKDAY}),?\s+the\s+(?P<d>{DAY_WORD})\b"
        ))
    }),
);

static SHIFTED_MONTH_DAY: Pattern = Pattern::new(
    Needs::All(&[&["month"]]),
    Tiered::new(|| {
        date_pattern(&format!(
            r"(?i)\b(?:the\s+)?(?P<d>{DAY}(?:{ORDINAL})?|{DAY_WORD})(?:\s+day)?\s+of\s+(?:(?:the\s+)?(?P<q>next|last|this|previous|current|coming|following)|the)\s+month\b"
        ))
    }),
);

static YEAR_MONTH: Pattern = Pattern::new(
    Needs::All(&[CENTURIES, &["-", "/"]]),
    Tiered::new(|| {
        date_pattern(&format!(
            r"\b(?P<y>{YEAR})(?:-(?P<mm>0[1-9]|1[0-2]|[1-9])|/(?P<m>0?[1-9]|1[0-2]))\b"
        ))
    }),
);

static MONTH_SLASH_YEAR: Pattern = Pattern::new(
    Needs::All(&[CENTURIES, &["-", "/"]]),
    Tiered::new(|| date_pattern(&format!(r"\b(?P<m>0?[1-9]|1[0-2])[/-](?P<y>{YEAR})\b"))),
);

static COMPACT: Pattern = Pattern::new(
    Needs::All(&[&["19", "20"]]),
    Tiered::new(|| {
        date_pattern(
            r"\b(?P<y>(?:19|20)[0-9]{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12][0-9]|3[01])\b",
        )
    }),
);

static HOLIDAY: Pattern = Pattern::new(
    Needs::Holiday,
    Tiered::new(|| {
        date_pattern(&format!(
            r"(?i)\b(?:(?P<q>last|next|this\s+coming|this\s+past|this|previous|following|coming)\s+)?(?P<h>{})\b(?:(?:\s*,\s*|\s+(?:of\s+|in\s+)?)(?P<y>{YEAR})\b|\s+(?:of\s+)?(?P<rel>next|last|this)\s+year\b)?",
            holiday::alternation()
        ))
    }),
);

/// A year in words alone; the match is the year, so it is searched without groups.
static YEAR_IN_WORDS: Pattern = Pattern::new(
    Needs::InSequence(&[YEAR_WORDS_CUES], &YEAR_SEQUENCES),
    Tiered::new(|| date_pattern(&format!(r"(?i)\b(?:{YEAR_WORDS})\b"))),
);

static DATE_YEAR_WORDS: Pattern = Pattern::new(
    Needs::InSequence(&[MONTHS, YEAR_WORDS_CUES], &YEAR_SEQUENCES),
    Tiered::new(|| {
        date_pattern(&format!(
            r"(?i)\b(?:(?P<d1>{DAY}){ORDINAL}?\s+(?:of\s+)?(?P<m1>{MONTH})|(?P<m2>{MONTH})\.?\s+(?P<d2>{DAY}){ORDINAL}?|(?P<m3>{MONTH}))\b\.?\s*,?\s+(?:of\s+)?(?P<yw>{YEAR_WORDS})\b"
        ))
    }),
);

static SAME_PERIOD: Pattern = Pattern::new(
    Needs::All(&[SAME_WORD]),
    Tiered::new(|| {
        date_pattern(
            r"(?i)\bthe\s+same\s+(?:month|period|quarter|week|day|time)\s+(?:a\s+year\s+(?:ago|earlier|before)|last\s+year|(?:of\s+)?the\s+(?:previous|prior)\s+year|the\s+year\s+before)\b",
        )
    }),
);

/// The date claims of `text`, in document order. `published` anchors the dates written without a
/// year; without it they come with no value, year source `unknown` and a note saying why.
pub fn extract_dates(text: &str, published: Option<Date>) -> Vec<Claim> {
    crate::tier::given(text.len());
    let _reading = crate::tier::reading(text.len());
    let lower = text.to_ascii_lowercase();
    dates_in(text, &triggers(text, &lower), &sentences(text), published)
}

/// The trigger words of `lower`, the lowercase copy of `text` that [`dates_in`] reads (and
/// where the attribution reader looks for its cues, found in the same pass).
pub(crate) fn triggers<'h>(text: &'h str, lower: &'h str) -> Triggers<'h> {
    Triggers::with_words(lower, &TRIGGER_WORDS).reading(text)
}

/// [`extract_dates`] with the text's sentences already split and its lowercase copy made.
///
/// The patterns run on `lower`, `text` with its ASCII letters lowercased, which has the same
/// length and byte offsets: patterns without `(?i)` compile about three times faster and search
/// several times faster. Whatever reads the words back reads them from `text`.
pub(crate) fn dates_in(
    text: &str,
    triggers: &Triggers<'_>,
    sentences: &[Span],
    published: Option<Date>,
) -> Vec<Claim> {
    dates_in_many(&[(text, triggers, sentences, published)])
        .pop()
        .expect("one text gives one list")
}

/// [`dates_in`] of several texts (each with its triggers, sentences and publication date), each
/// kind of date looked for in every text before the next kind, so that a kind's patterns and
/// their engines stay in the caches from one text to the next (see
/// [`crate::extract_many`]).
pub(crate) fn dates_in_many(
    texts: &[(&str, &Triggers<'_>, &[Span], Option<Date>)],
) -> Vec<Vec<Claim>> {
    type Finder = fn(&str, &Triggers<'_>, &mut Vec<Candidate>);
    const FINDERS: [Finder; 9] = [
        find_spelled_dates,
        find_numeric_dates,
        find_years,
        find_relative_dates,
        find_weekdays,
        find_word_days,
        find_holidays,
        find_year_words,
        find_same_periods,
    ];
    // Room for a date every 128 bytes (the bench text holds one every 170), rather than a
    // list grown, and copied, from nothing.
    let mut found: Vec<Vec<Candidate>> = texts
        .iter()
        .map(|(text, ..)| Vec::with_capacity(text.len() / 128))
        .collect();
    for finder in FINDERS {
        for (k, (&(text, triggers, _, _), found)) in texts.iter().zip(&mut found).enumerate() {
            // The next text's trigger lists, out of the caches by now in a batch of short ones.
            if let Some(&(_, next, _, _)) = texts.get(k + 1) {
                next.prefetch_places();
            }
            let _reading = crate::tier::reading(text.len());
            finder(text, triggers, found);
        }
    }
    texts
        .iter()
        .zip(found)
        .map(|(&(text, triggers, sentences, published), found)| {
            let _reading = crate::tier::reading(text.len());
            dates_from(text, triggers.haystack(), sentences, published, found)
        })
        .collect()
}

/// "The same month a year ago" and its like.
fn find_same_periods(_text: &str, triggers: &Triggers<'_>, found: &mut Vec<Candidate>) {
    let same = checked_found(
        "SAME_PERIOD",
        read_at(triggers, SAME_WORD, relative::same_periods),
        &SAME_PERIOD,
        triggers,
    );
    for m in same {
        found.push(candidate(m, Value::SamePeriodYearBefore));
    }
}

/// The claims of `text` from its candidates, `found` in the order the finders gave them: each
/// widened by the words before it, overlaps settled, and each read in its sentence.
fn dates_from(
    text: &str,
    lower: &str,
    sentences: &[Span],
    published: Option<Date>,
    mut found: Vec<Candidate>,
) -> Vec<Claim> {
    // Each kind's candidates are in order of the text, one kind after another, far apart in a
    // long text: the window before a later one is asked for ahead (see `prefetch`).
    for i in 0..found.len() {
        if let Some(ahead) = found.get(i + READ_AHEAD) {
            prefetch(
                lower.as_bytes(),
                ahead.span.start.saturating_sub(PREFIX_WINDOW),
            );
            prefetch(lower.as_bytes(), ahead.span.start.saturating_sub(1));
        }
        extend_with_prefixes(text, lower, &mut found[i]);
    }
    let chosen = range::spread(text, settle_overlaps(found));
    // Each claim's sentence beside it, for "the same month a year ago" to find the date before
    // it in its sentence: a list of its own, so that the claims need not move into a list of
    // their own afterwards.
    let mut claims: Vec<Claim> = Vec::with_capacity(chosen.len());
    let mut claim_sentences: Vec<Span> = Vec::with_capacity(chosen.len());
    let mut i = 0;
    for c in chosen {
        i = crate::sentences::first_not_ending_by(sentences, c.span.start, i);
        let found = sentences
            .get(i)
            .copied()
            .filter(|s| s.start <= c.span.start);
        let sentence = found.unwrap_or(Span::new(0, text.len()));
        let Some(mut claim) = build_claim(text, lower, sentence, &c, published) else {
            continue;
        };
        if c.value == Value::SamePeriodYearBefore {
            year_before_antecedent(
                sentence,
                found.is_some(),
                &claim_sentences,
                &claims,
                &mut claim,
            );
        }
        if let Some(last) = claims.last_mut()
            && let Some(joined) = weekday_from_date(text, last, &claim)
        {
            *last = joined;
            continue;
        }
        claims.push(claim);
        claim_sentences.push(sentence);
    }
    claims
}

/// "the Monday after Thanksgiving", "the Friday before 25 December": a weekday claim (`last`)
/// that names its week by the day claimed right after it (`next`). The two become one claim
/// of the first such weekday after (or before) that day, in place of the weekday the
/// publication date would give. Its weekday is not kept as stated: the day was worked out from
/// it, so the calendar cannot contradict it.
fn weekday_from_date(text: &str, last: &Claim, next: &Claim) -> Option<Claim> {
    let (Details::Date(first), Details::Date(then)) = (&*last.details, &*next.details) else {
        return None;
    };
    let day = lexicon::weekday(&last.text)?;
    let between = text
        .get(last.span.end..next.span.start)
        .filter(|b| b.len() <= 10)?;
    let after = match between.trim() {
        w if w.eq_ignore_ascii_case("after") => true,
        w if w.eq_ignore_ascii_case("before") => false,
        _ => return None,
    };
    let lead = text[..last.span.start].trim_end().as_bytes();
    let the = lead.len() >= 3
        && lead[lead.len() - 3..].eq_ignore_ascii_case(b"the")
        && !lead[..lead.len() - 3]
            .last()
            .is_some_and(|&b| crate::ascii::is_word_byte(b));
    if !the || !between.starts_with(' ') || !between.ends_with(' ') {
        return None;
    }
    // A day to count from: "the Tuesday after March 2024" names no week.
    if then.precision != Precision::Day {
        return None;
    }
    let anchor = then.date?.to_civil()?;
    let step = if after { 1 } else { -1 };
    let date = (1..=7)
        .map(|k| anchor.checked_add(jiff::Span::new().days(step * k)))
        .find_map(|d| d.ok().filter(|d| d.weekday() == day))?;
    let details = DateDetails {
        date: Some(CalendarDate::from_civil(date)),
        precision: Precision::Day,
        weekday: None,
        year_source: then.year_source,
        note: None,
        ..first.clone()
    };
    Some(Claim::new(
        text,
        Span::new(last.span.start, next.span.end),
        Details::Date(details),
    ))
}

/// Gives "the same month a year ago" the month (or day) the sentence named before it, a year
/// earlier: "sales fell in January, compared to the same month a year ago" is January of the year
/// before.
fn year_before_antecedent(
    sentence: Span,
    in_a_sentence: bool,
    earlier_sentences: &[Span],
    earlier: &[Claim],
    claim: &mut Claim,
) {
    // Claims are in document order, so those of a sentence are the last ones: the search stops
    // at the first claim of another sentence, where it had read back to the start of the text
    // (quadratic in a long one). A claim between sentences is given the whole text's span,
    // which can recur apart, so it is still read the whole way back.
    let from = if in_a_sentence {
        earlier_sentences.len()
            - earlier_sentences
                .iter()
                .rev()
                .take_while(|s| **s == sentence)
                .count()
    } else {
        0
    };
    let antecedent = earlier_sentences[from..]
        .iter()
        .zip(&earlier[from..])
        .rev()
        .find_map(|(s, c)| match &*c.details {
            Details::Date(d) if *s == sentence => d
                .date
                .filter(|d| d.month.is_some())
                .map(|x| (x, d.year_source)),
            _ => None,
        });
    let Some((date, source)) = antecedent else {
        return;
    };
    let shifted = match (date.month, date.day) {
        (Some(m), Some(d)) => CalendarDate::day(date.year - 1, m, d),
        (Some(m), None) => Some(CalendarDate::month(date.year - 1, m)),
        _ => None,
    };
    if let (Some(shifted), Details::Date(d)) = (shifted, &mut *claim.details) {
        d.date = Some(shifted);
        d.precision = shifted.precision();
        d.year_source = source;
    }
}

/// Whether `word` is, or may end, a word of [`DAY_WORD`] ("first", "twentieth"; "first" of
/// "twenty-first"), or may begin one ("twenty" of "twenty first", "thirtyninth", which the
/// pattern reads too).
fn is_day_word(word: &str) -> bool {
    word.starts_with("twenty") || word.starts_with("thirty") || lexicon::day_word(word).is_some()
}

/// Whether `word` names a month or a weekday ("February", "Mon."): a word of a date, which
/// names no place.
pub(crate) fn is_calendar_word(word: &str) -> bool {
    lexicon::month_number(word).is_some() || lexicon::weekday(word).is_some()
}

/// Whether `word` is a month's name as [`MONTH`] spells one.
fn is_month(word: &str) -> bool {
    lexicon::month_number(word).is_some()
}

/// Whether `word` is a weekday's name.
fn is_weekday(word: &str) -> bool {
    lexicon::weekday(word).is_some()
}

/// Whether `word` may be a day written with digits and an ordinal ending ("21st").
fn is_digit_ordinal(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
        && ["st", "nd", "rd", "th"].iter().any(|o| word.ends_with(o))
}

/// The ordinals of [`NTH_WEEKDAY`].
const NTH_WORDS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "last", "1st", "2nd", "3rd", "4th", "5th",
];

/// What every year in words ([`YEAR_WORDS`]) holds: "two" before "thousand", or a century
/// word ("eleven" to "nineteen", "twenty") before a word that may come second ("hundred", "oh",
/// "ten" to "nineteen", "twenty" to "ninety"). Most news texts hold "twenty", a word in "teen"
/// or "thousand" somewhere, and compiled the two patterns with years in words (0.9 ms for the
/// one with a day and month) to find nothing.
static YEAR_SEQUENCES: [Sequence; 2] = [
    Sequence {
        cues: &["thousand"],
        first: |w| w == "thousand",
        fillers: &[],
        then: |w| w == "two",
        backward: true,
    },
    Sequence {
        cues: &["eleven", "twelve", "teen", "twenty"],
        first: |w| w == "twenty" || SMALL_NUMBER_WORDS[11..].contains(&w),
        fillers: &[],
        then: |w| {
            matches!(w, "hundred" | "oh")
                || SMALL_NUMBER_WORDS[10..].contains(&w)
                || TENS_WORDS.contains(&w)
        },
        backward: false,
    },
];

/// Whether `lower` holds each group's words (see [`Needs`]).
fn holds_each(lower: &Triggers<'_>, groups: &[&'static [&'static str]]) -> bool {
    groups.iter().all(|words| lower.holds_any(words))
}

/// Whether `lower` holds the words of a holiday's spelling in sequence (see
/// [`holiday::KeyWords::in_sequence`]). Each distinct word is looked for once: "day" ends a
/// dozen spellings.
fn holiday_may_match(lower: &Triggers<'_>) -> bool {
    let keys = holiday::key_word_index();
    let mut held: Vec<Option<bool>> = vec![None; keys.finders.len()];
    keys.spellings.iter().any(|words| {
        words
            .iter()
            .all(|&k| *held[k].get_or_insert_with(|| lower.holds_found_by(&keys.finders[k])))
            && keys.in_sequence(lower.haystack(), words)
    })
}

/// The shortest text whose holiday stretches are found ([`holiday_in_stretch`]); a shorter one
/// (with a holiday somewhere) is read whole. Finding the stretches reads the text around every
/// lead word byte by byte, about what the pattern's lazy DFA reading it costs once its states
/// are built: a batch of short articles, which builds them once, gained nothing, while a 10 KB
/// or 100 KB text, which builds them for itself, read fewer bytes with the DFA and took 6-7%
/// less time.
const HOLIDAY_STRETCHES_FROM: usize = 4 * 1024;

/// Whether a stretch of the lowercased text that holds a holiday spelling's longest word (at
/// `occurrences`) has that spelling's words in sequence: the holiday pattern reads only such
/// stretches. It read the whole of any text with a holiday somewhere, a twenty-fifth of the
/// time of extracting from 4 MB of the bench text, where most stretches hold "year" or "day".
fn holiday_in_stretch(
    lower: &str,
    stretch: std::ops::Range<usize>,
    occurrences: &[(u32, u32)],
) -> bool {
    holiday::key_word_index().in_stretch(lower, stretch, occurrences)
}

/// Every gated date pattern, by name.
static PATTERNS: &[(&str, &Pattern)] = &[
    ("MONTH_DAY", &MONTH_DAY),
    ("DAY_MONTH", &DAY_MONTH),
    ("DAY_MONTH_SHORT_YEAR", &DAY_MONTH_SHORT_YEAR),
    ("MONTH_YEAR", &MONTH_YEAR),
    ("MONTH_BARE", &MONTH_BARE),
    ("LAST_DAY", &LAST_DAY),
    ("WORD_DAY_MONTH", &WORD_DAY_MONTH),
    ("MONTH_WORD_DAY", &MONTH_WORD_DAY),
    ("DATE_YEAR_WORDS", &DATE_YEAR_WORDS),
    ("ISO", &ISO),
    ("NUMERIC", &NUMERIC),
    ("YEAR_ALONE", &YEAR_ALONE),
    ("SHORT_YEAR", &SHORT_YEAR),
    ("YEAR_MONTH", &YEAR_MONTH),
    ("MONTH_SLASH_YEAR", &MONTH_SLASH_YEAR),
    ("COMPACT", &COMPACT),
    ("RELATIVE_DAY", &RELATIVE_DAY),
    ("REPORT_DAY", &REPORT_DAY),
    ("CONSECUTIVE_DAY", &CONSECUTIVE_DAY),
    ("PERIOD_EDGE", &PERIOD_EDGE),
    ("RELATIVE_UNIT", &RELATIVE_UNIT),
    ("AGO", &AGO),
    ("IN_TIME", &IN_TIME),
    ("FROM_BASE", &FROM_BASE),
    ("SHIFTED", &SHIFTED),
    ("WEEKDAY_ALONE", &WEEKDAY_ALONE),
    ("WEEKDAY_ORDINAL", &WEEKDAY_ORDINAL),
    ("NTH_WEEKDAY", &NTH_WEEKDAY),
    ("ORDINAL_DAY", &ORDINAL_DAY),
    ("WEEKDAY_AFTER_NEXT", &WEEKDAY_AFTER_NEXT),
    ("WEEKDAY_OF_WEEK", &WEEKDAY_OF_WEEK),
    ("WEEK_THEN_WEEKDAY", &WEEK_THEN_WEEKDAY),
    ("WEEKDAY_WORD_DAY", &WEEKDAY_WORD_DAY),
    ("SHIFTED_MONTH_DAY", &SHIFTED_MONTH_DAY),
    ("YEAR_IN_WORDS", &YEAR_IN_WORDS),
    ("SAME_PERIOD", &SAME_PERIOD),
    ("HOLIDAY", &HOLIDAY),
];

/// The words the date patterns' gates look for, found in one pass of a long text, with the
/// attribution reader's cues (see [`crate::attribution::cue_places`]) and the proportion words
/// (see [`crate::quantity::proportions_with`]).
pub(crate) static TRIGGER_WORDS: std::sync::LazyLock<TriggerWords> =
    std::sync::LazyLock::new(|| {
        TriggerWords::new(
            PATTERNS
                .iter()
                .flat_map(|(_, p)| p.gate().iter().copied().flatten().copied())
                .chain(crate::attribution::cue_words().iter().copied())
                .chain(crate::quantity::required_words().iter().copied()),
        )
    });

/// Dates with a month name: "September 11", "11 September 2023", "October 1982", "in May".
///
/// The four patterns built around a month word are read by hand from the month words
/// ([`spelled`]); a debug build compares each reader with its pattern's search.
fn find_spelled_dates(text: &str, triggers: &Triggers<'_>, found: &mut Vec<Candidate>) {
    let lower = triggers.haystack();
    let months = read_at(triggers, MONTHS, spelled::month_words);
    let month_days = checked(
        "MONTH_DAY",
        spelled::month_days(lower, &months),
        &MONTH_DAY,
        triggers,
        day_match,
    );
    for hit in month_days {
        // "in April. 11 people": the point ends the sentence, and the number is the next one's.
        if point_ends_sentence(text, hit.month) {
            continue;
        }
        let Some(month) = lexicon::month_number(&text[hit.month.start..hit.month.end]) else {
            continue;
        };
        let day_end = hit.ordinal.map_or(hit.day.end, |o| o.end);
        if let Some(c) = spelled_day(
            text,
            hit.month.start,
            day_end,
            month,
            hit.year,
            hit.day,
            false,
        ) {
            found.push(c);
        }
    }
    let day_months = checked(
        "DAY_MONTH",
        spelled::day_months(lower, &months),
        &DAY_MONTH,
        triggers,
        day_match,
    );
    for hit in day_months {
        let (m, d) = (hit.month, hit.day);
        let word = &text[m.start..m.end];
        let Some(month) = lexicon::month_number(word) else {
            continue;
        };
        // "6,107.31 August 2019": the day is the end of a number.
        let mut before = text[..d.start].chars().rev();
        if amount_before(text, d.start)
            || (before.next().is_some_and(|c| matches!(c, '.' | ','))
                && before.next().is_some_and(|c| c.is_ascii_digit()))
        {
            continue;
        }
        let lowercase = word.starts_with(|c: char| c.is_lowercase());
        if lowercase
            && lexicon::is_ambiguous_month(word)
            && hit.ordinal.is_none()
            && hit.year.is_none()
        {
            continue;
        }
        let month_end = month_word_end(text, m.start, m.end);
        // "on 13 April. 2019 was": the year begins the next sentence.
        let year = hit.year.filter(|_| !point_ends_sentence(text, m));
        if let Some(c) = spelled_day(text, d.start, month_end, month, year, d, true) {
            found.push(c);
        }
    }
    // "31-Oct-74": a day, a month abbreviation and a two-digit year joined by hyphens.
    let short_year_days = checked(
        "DAY_MONTH_SHORT_YEAR",
        spelled::short_year_days(lower, &months),
        &DAY_MONTH_SHORT_YEAR,
        triggers,
        short_year_day,
    );
    for hit in short_year_days {
        let whole = hit.whole;
        if numeric_neighbour(text, whole) {
            continue;
        }
        let at = |span: Span| &text[span.start..span.end];
        let (Some(month), Ok(day), Ok(yy)) = (
            lexicon::month_number(at(hit.month)),
            at(hit.day).parse::<i8>(),
            at(hit.yy).parse::<i16>(),
        ) else {
            continue;
        };
        if CalendarDate::day(2000, month, day).is_some() {
            found.push(candidate(
                whole,
                Value::DayMonthShortYear { month, day, yy },
            ));
        }
    }
    let month_years = checked(
        "MONTH_YEAR",
        spelled::month_years(lower, &months),
        &MONTH_YEAR,
        triggers,
        year_match,
    );
    for hit in month_years {
        let m = hit.month;
        // "on 13 April. Last year, ...": the point after a full month name ends a sentence.
        if point_ends_sentence(text, m) {
            continue;
        }
        let Some(month) = lexicon::month_number(&text[m.start..m.end]) else {
            continue;
        };
        let value = if let Some(y) = hit.year {
            if lexicon::is_count_noun(next_word(text, y.end)) {
                continue;
            }
            let Ok(year) = text[y.start..y.end].parse() else {
                continue;
            };
            Value::Fixed(CalendarDate::month(year, month))
        } else {
            let shift = hit.shift.map_or("", |r| &lower[r.start..r.end]);
            let offset = match shift {
                "next" => 1,
                "this" => 0,
                _ => -1,
            };
            Value::Month {
                month,
                shift: MonthShift::InYear(offset),
            }
        };
        found.push(candidate(hit.whole, value));
    }
    let full_months = checked_found(
        "MONTH_BARE",
        spelled::full_months(lower, &months),
        &MONTH_BARE,
        triggers,
    );
    for m in full_months {
        let word = &text[m.start..m.end];
        let Some(month) = lexicon::month_number(word) else {
            continue;
        };
        if bare_month_stands(text, m.start, word) {
            found.push(candidate(
                m,
                Value::Month {
                    month,
                    shift: MonthShift::Nearest,
                },
            ));
        }
    }
}

/// What a hand reader (`read`) finds in the lowercased text from the places of `group`'s words:
/// the trigger pass's, or, where the pass did not read the text, found here.
fn read_at<T>(
    triggers: &Triggers<'_>,
    group: &'static [&'static str],
    read: impl FnOnce(&str, &[(u32, u32)]) -> T,
) -> T {
    let haystack = triggers.haystack();
    if let Some(places) = triggers.occurrences(group) {
        return read(haystack, &places);
    }
    let mut places: Vec<(u32, u32)> = group
        .iter()
        .flat_map(|w| {
            memchr::memmem::find_iter(haystack.as_bytes(), w.as_bytes())
                .filter_map(|at| Some((u32::try_from(at).ok()?, u32::try_from(w.len()).ok()?)))
        })
        .collect();
    places.sort_unstable();
    read(haystack, &places)
}

/// The span of a group the pattern may leave out.
fn group_span(caps: &Captures<'_, '_>, name: &str) -> Option<Span> {
    caps.name(name).map(|g| Span::new(g.start(), g.end()))
}

/// A match of `MONTH_DAY` or `DAY_MONTH` as the pattern's groups give it.
fn day_match(caps: &Captures<'_, '_>) -> spelled::DayMatch {
    spelled::DayMatch {
        whole: group(caps, "0"),
        month: group(caps, "m"),
        day: group(caps, "d"),
        ordinal: group_span(caps, "o"),
        year: group_span(caps, "y"),
    }
}

/// A match of `AGO`, `IN_TIME` or `FROM_BASE` as the pattern's groups give it.
fn counted_match(caps: &Captures<'_, '_>) -> counted::Counted {
    counted::Counted {
        whole: group(caps, "0"),
        count: group(caps, "n"),
        unit: group(caps, "u"),
        counted: group_span(caps, "t"),
        direction: group_span(caps, "dir"),
        base: group_span(caps, "base"),
    }
}

/// A match of `RELATIVE_DAY` as the pattern's groups give it.
fn relative_day(caps: &Captures<'_, '_>) -> relative::RelativeDay {
    relative::RelativeDay {
        whole: group(caps, "0"),
        before_after: group_span(caps, "ba"),
        word: group(caps, "w"),
    }
}

/// A match of `REPORT_DAY` as the pattern's groups give it.
fn report_day(caps: &Captures<'_, '_>) -> relative::ReportDay {
    relative::ReportDay {
        whole: group(caps, "0"),
        day: group(caps, "d"),
    }
}

/// A match of `RELATIVE_UNIT` as the pattern's groups give it.
fn relative_unit(caps: &Captures<'_, '_>) -> relative::RelativeUnit {
    relative::RelativeUnit {
        whole: group(caps, "0"),
        which: group_span(caps, "q"),
        unit: group_span(caps, "u"),
        to_date: group_span(caps, "ytd"),
    }
}

/// A match of `MONTH_YEAR` as the pattern's groups give it.
fn year_match(caps: &Captures<'_, '_>) -> spelled::YearMatch {
    spelled::YearMatch {
        whole: group(caps, "0"),
        month: group(caps, "m"),
        year: group_span(caps, "y"),
        shift: group_span(caps, "rel"),
    }
}

/// A match of `HOLIDAY` as the pattern's groups give it.
fn festive_match(caps: &Captures<'_, '_>) -> festive::Festive {
    festive::Festive {
        whole: group(caps, "0"),
        which: group_span(caps, "q"),
        name: group(caps, "h"),
        year: group_span(caps, "y"),
        year_shift: group_span(caps, "rel"),
    }
}

/// A match of `YEAR_MONTH` or `MONTH_SLASH_YEAR` as the pattern's groups give it.
fn year_and_month(caps: &Captures<'_, '_>) -> numeric::YearAndMonth {
    numeric::YearAndMonth {
        whole: group(caps, "0"),
        year: group(caps, "y"),
        month: group_span(caps, "m"),
        month_after_hyphen: group_span(caps, "mm"),
    }
}

/// A match of `COMPACT` as the pattern's groups give it.
fn compact_match(caps: &Captures<'_, '_>) -> numeric::Compact {
    numeric::Compact {
        whole: group(caps, "0"),
        y: group(caps, "y"),
        m: group(caps, "m"),
        d: group(caps, "d"),
    }
}

/// A match of `WEEKDAY_ORDINAL` as the pattern's groups give it.
fn weekday_ordinal(caps: &Captures<'_, '_>) -> alone::WeekdayOrdinal {
    alone::WeekdayOrdinal {
        whole: group(caps, "0"),
        weekday: group(caps, "wd"),
        day: group(caps, "d"),
    }
}

/// A match of `WEEKDAY_WORD_DAY` as the pattern's groups give it.
fn weekday_word_day(caps: &Captures<'_, '_>) -> alone::WeekdayWordDay {
    alone::WeekdayWordDay {
        whole: group(caps, "0"),
        weekday: group(caps, "wd"),
        day: group(caps, "d"),
    }
}

/// A match of `LAST_DAY` as the pattern's groups give it.
fn last_day_match(caps: &Captures<'_, '_>) -> spelled::LastDay {
    spelled::LastDay {
        whole: group(caps, "0"),
        month: group(caps, "m"),
        year: group_span(caps, "y"),
    }
}

/// A match of `DAY_MONTH_SHORT_YEAR` as the pattern's groups give it.
fn short_year_day(caps: &Captures<'_, '_>) -> spelled::ShortYearDay {
    spelled::ShortYearDay {
        whole: group(caps, "0"),
        day: group(caps, "d"),
        month: group(caps, "m"),
        yy: group(caps, "yy"),
    }
}

/// A match of `PERIOD_EDGE` as the pattern's groups give it.
fn period_edge(caps: &Captures<'_, '_>) -> relative::PeriodEdge {
    relative::PeriodEdge {
        whole: group(caps, "0"),
        period: group(caps, "p"),
        unit: group(caps, "u"),
    }
}

/// A match of `SHIFTED` as the pattern's groups give it.
fn shifted_match(caps: &Captures<'_, '_>) -> relative::Shifted {
    relative::Shifted {
        whole: group(caps, "0"),
        which: group(caps, "q"),
        name: group(caps, "n"),
    }
}

/// A match of `ISO` as the pattern's groups give it.
fn iso_match(caps: &Captures<'_, '_>) -> numeric::IsoMatch {
    numeric::IsoMatch {
        whole: group(caps, "0"),
        y: group(caps, "y"),
        s1: group(caps, "s1"),
        m: group(caps, "m"),
        s2: group(caps, "s2"),
        d: group(caps, "d"),
    }
}

/// A match of `SHORT_YEAR` as the pattern's groups give it.
fn short_year(caps: &Captures<'_, '_>) -> numeric::ShortYear {
    numeric::ShortYear {
        whole: group(caps, "0"),
        quote: group(caps, "q"),
        yy: group(caps, "yy"),
    }
}

/// A match of `NUMERIC` as the pattern's groups give it.
fn numeric_match(caps: &Captures<'_, '_>) -> numeric::NumericMatch {
    numeric::NumericMatch {
        whole: group(caps, "0"),
        a: group(caps, "a"),
        s1: group(caps, "s1"),
        b: group(caps, "b"),
        s2: group_span(caps, "s2"),
        y: group_span(caps, "y"),
    }
}

/// A hand reader's matches (`read`), which a debug build checks against its pattern's search.
fn checked<T: PartialEq + std::fmt::Debug>(
    name: &str,
    read: Vec<T>,
    pattern: &Pattern,
    triggers: &Triggers<'_>,
    of: impl Fn(&Captures<'_, '_>) -> T,
) -> Vec<T> {
    if cfg!(debug_assertions) {
        check_reader(name, &read, pattern, triggers, of);
    }
    read
}

/// As [`checked`], for a pattern searched without groups.
fn checked_found(
    name: &str,
    read: Vec<Span>,
    pattern: &Pattern,
    triggers: &Triggers<'_>,
) -> Vec<Span> {
    if cfg!(debug_assertions) {
        check_found(name, &read, pattern, triggers);
    }
    read
}

/// Checks a hand reader's matches against its pattern's search.
fn check_reader<T: PartialEq + std::fmt::Debug>(
    name: &str,
    read: &[T],
    pattern: &Pattern,
    triggers: &Triggers<'_>,
    of: impl Fn(&Captures<'_, '_>) -> T,
) {
    let searched: Vec<T> = pattern.captures_iter(triggers).map(|c| of(&c)).collect();
    if let Some(i) = (0..read.len().max(searched.len())).find(|&i| read.get(i) != searched.get(i)) {
        panic!(
            "the hand reader of {name} differs from the pattern at match {i}: read {:?}, searched {:?}",
            read.get(i),
            searched.get(i)
        );
    }
}

/// Checks a hand reader of a pattern searched without groups against its search.
fn check_found(name: &str, read: &[Span], pattern: &Pattern, triggers: &Triggers<'_>) {
    let searched: Vec<Span> = pattern
        .find_iter(triggers)
        .map(|m| Span::new(m.start(), m.end()))
        .collect();
    assert_eq!(
        read, searched,
        "the hand reader of {name} differs from the pattern"
    );
}

/// A day with a month name, from the start of the expression to `end` (the day's or the month's
/// end), with the year when the text gives one that is not a count. `day_first` when the day
/// is written before the month ("30 February").
fn spelled_day(
    text: &str,
    start: usize,
    end: usize,
    month: i8,
    year: Option<Span>,
    d: Span,
    day_first: bool,
) -> Option<Candidate> {
    let day: i8 = text[d.start..d.end].parse().ok()?;
    let year = year.filter(|y| !lexicon::is_count_noun(next_word(text, y.end)));
    if let Some(y) = year {
        let year: i16 = text[y.start..y.end].parse().ok()?;
        let value = match CalendarDate::day(year, month, day) {
            Some(date) => Value::Fixed(date),
            None => Value::NoSuchDay {
                month,
                day,
                year: Some(year),
            },
        };
        return Some(candidate(Span::new(start, y.end), value));
    }
    if lexicon::is_count_noun(next_word(text, end)) || next_char(text, end) == Some(':') {
        return None;
    }
    // February 29 exists in some year. A day no year has is a date that cannot be, when the day
    // comes first ("30 February"); after the month it may be a count ("In February 30 were
    // arrested"), and is dropped.
    if CalendarDate::day(2000, month, day).is_none() {
        return day_first.then(|| {
            candidate(
                Span::new(start, end),
                Value::NoSuchDay {
                    month,
                    day,
                    year: None,
                },
            )
        });
    }
    Some(candidate(
        Span::new(start, end),
        Value::MonthDay { month, day },
    ))
}

/// Whether a full month name standing alone is a month: it follows a preposition or a part
/// word ("in May", "since September", "early December"), and "may" and "march" are capitalised.
fn bare_month_stands(text: &str, start: usize, word: &str) -> bool {
    const CUES: &[&str] = &[
        "in",
        "since",
        "until",
        "till",
        "by",
        "of",
        "from",
        "through",
        "before",
        "after",
        "during",
        "early",
        "mid",
        "late",
        "between",
        "and",
        "or",
        "to",
        "last",
        "next",
        "this",
        "end",
        "beginning",
        "start",
        "middle",
    ];
    const LOOSE_CUES: &[&str] = &["and", "or", "to"];
    let capital = word.starts_with(|c: char| c.is_uppercase());
    let ambiguous = lexicon::is_ambiguous_month(word);
    if ambiguous && !capital {
        return false;
    }
    let before = text[..start].trim_end_matches([' ', '-', '\t']);
    let previous = last_word(before).to_lowercase();
    (CUES.contains(&previous.as_str()) && !(ambiguous && LOOSE_CUES.contains(&previous.as_str())))
        || (previous == "the" && !ambiguous && !noun_follows(text, start + word.len()))
}

/// Numeric dates: ISO "2023-09-11", and "31/12/2023" or "3/4/2023" when the order is clear.
fn find_numeric_dates(text: &str, triggers: &Triggers<'_>, found: &mut Vec<Candidate>) {
    let iso = checked(
        "ISO",
        read_at(triggers, CENTURIES, numeric::iso_dates),
        &ISO,
        triggers,
        iso_match,
    );
    for hit in iso {
        let whole = hit.whole;
        let at = |span: Span| &text[span.start..span.end];
        if at(hit.s1) != at(hit.s2)
            || next_char(text, whole.end).is_some_and(|c| c.is_ascii_digit())
        {
            continue;
        }
        let parse = |span: Span| at(span).parse::<i16>().ok();
        let (Some(y), Some(m), Some(d)) = (parse(hit.y), parse(hit.m), parse(hit.d)) else {
            continue;
        };
        let (Ok(m), Ok(d)) = (i8::try_from(m), i8::try_from(d)) else {
            continue;
        };
        if let Some(date) = CalendarDate::day(y, m, d) {
            found.push(candidate(whole, Value::Fixed(date)));
        }
    }
    // "2015-03", "2014/10": a year and a month, unless the second number is the end of a span of
    // years ("2010-12", "2009-10").
    let at = |span: Span| &text[span.start..span.end];
    let year_months = checked(
        "YEAR_MONTH",
        read_at(triggers, CENTURIES, numeric::year_months),
        &YEAR_MONTH,
        triggers,
        year_and_month,
    );
    for hit in year_months {
        let whole = hit.whole;
        if numeric_neighbour(text, whole) {
            continue;
        }
        let Ok(year) = at(hit.year).parse::<i16>() else {
            continue;
        };
        let month_text = hit.month_after_hyphen.or(hit.month).map_or("", at);
        let Ok(month) = month_text.parse::<i8>() else {
            continue;
        };
        if let Some(mm) = hit.month_after_hyphen {
            // The last digits of a later year: "2010-12" is 2010 to 2012, "1995-6" 1995 to 1996.
            let (modulus, most) = if mm.len() == 1 { (10, 1) } else { (100, 9) };
            if (1..=most).contains(&(i16::from(month) - year % modulus).rem_euclid(modulus)) {
                continue;
            }
        }
        found.push(candidate(
            whole,
            Value::Fixed(CalendarDate::month(year, month)),
        ));
    }
    // "12/2015", "2-2013": a month and a year.
    let month_slash_years = checked(
        "MONTH_SLASH_YEAR",
        read_at(triggers, CENTURIES, numeric::month_slash_years),
        &MONTH_SLASH_YEAR,
        triggers,
        year_and_month,
    );
    for hit in month_slash_years {
        let whole = hit.whole;
        if numeric_neighbour(text, whole) {
            continue;
        }
        let (Ok(month), Ok(year)) = (
            hit.month.map_or("", at).parse::<i8>(),
            at(hit.year).parse::<i16>(),
        ) else {
            continue;
        };
        found.push(candidate(
            whole,
            Value::Fixed(CalendarDate::month(year, month)),
        ));
    }
    // "20161016": a compact ISO day, only when it stands alone.
    let compacts = checked(
        "COMPACT",
        read_at(triggers, CENTURIES, numeric::compacts),
        &COMPACT,
        triggers,
        compact_match,
    );
    for hit in compacts {
        let whole = hit.whole;
        if numeric_neighbour(text, whole)
            || text[..whole.start].ends_with(['$', '£', '€', '#', '+'])
        {
            continue;
        }
        let parse = |span: Span| at(span).parse::<i16>().ok();
        let (Some(y), Some(m), Some(d)) = (parse(hit.y), parse(hit.m), parse(hit.d)) else {
            continue;
        };
        let (Ok(m), Ok(d)) = (i8::try_from(m), i8::try_from(d)) else {
            continue;
        };
        if let Some(date) = CalendarDate::day(y, m, d) {
            found.push(candidate(whole, Value::Fixed(date)));
        }
    }
    // Read once for the order and the dates.
    let numeric = checked(
        "NUMERIC",
        numeric::numeric_dates(triggers.haystack()),
        &NUMERIC,
        triggers,
        numeric_match,
    );
    let order = numeric_order(text, &numeric);
    for hit in &numeric {
        if let Some(c) = numeric_date(text, hit, order) {
            found.push(c);
        }
    }
}

/// Whether a number group touches more digits or separators on either side ("1.2015-03",
/// "2015-03-", "12/2015/7"), which makes it part of something longer than a date.
fn numeric_neighbour(text: &str, span: Span) -> bool {
    let before = text[..span.start].chars().next_back();
    let mut after = text[span.end..].chars();
    let next = after.next();
    let next2 = after.next();
    before.is_some_and(|c| c.is_ascii_digit() || matches!(c, '.' | '/' | '-' | ',' | ':'))
        || next.is_some_and(|c| c.is_ascii_digit())
        || (next.is_some_and(|c| matches!(c, '.' | '/' | '-' | ',' | ':'))
            && next2.is_some_and(|c| c.is_ascii_digit()))
}

/// How the text orders day and month in numeric dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Order {
    DayFirst,
    MonthFirst,
    Unknown,
}

/// The order the text's own numeric dates show: a first part over 12 can only be a day, a second
/// part over 12 can only be a day too. Both kinds in one text leave the order unknown.
fn numeric_order(text: &str, numeric: &[numeric::NumericMatch]) -> Order {
    let (mut day_first, mut month_first) = (false, false);
    for hit in numeric {
        let a: u32 = text[hit.a.start..hit.a.end].parse().unwrap_or(0);
        let b: u32 = text[hit.b.start..hit.b.end].parse().unwrap_or(0);
        if a > 12 && (1..=12).contains(&b) && a <= 31 {
            day_first = true;
        }
        if b > 12 && (1..=12).contains(&a) && b <= 31 {
            month_first = true;
        }
    }
    match (day_first, month_first) {
        (true, false) => Order::DayFirst,
        (false, true) => Order::MonthFirst,
        _ => Order::Unknown,
    }
}

fn numeric_date(text: &str, hit: &numeric::NumericMatch, order: Order) -> Option<Candidate> {
    let whole = hit.whole;
    let s1 = &text[hit.s1.start..hit.s1.end];
    let year_text = hit.y.map(|y| &text[y.start..y.end]);
    if let Some(s2) = hit.s2
        && text[s2.start..s2.end] != *s1
    {
        return None;
    }
    // A part of a longer number or date ("2009-10-11", "1.2.3.4") is no date of its own.
    let before = text[..whole.start].chars().next_back();
    if before.is_some_and(|c| c.is_ascii_digit() || matches!(c, '.' | '/' | '-' | ',')) {
        return None;
    }
    let rest = &text[whole.end..];
    let mut after = rest.chars();
    let next = after.next();
    if next.is_some_and(|c| c.is_ascii_digit())
        || (next.is_some_and(|c| matches!(c, '.' | '/' | '-' | ':'))
            && after.next().is_some_and(|c| c.is_ascii_digit()))
    {
        return None;
    }
    match (s1, year_text) {
        // A point or a dash between two small numbers is a decimal, a score or a range unless a
        // year follows.
        ("." | "-", None) => return None,
        ("." | "-", Some(y)) if y.len() == 2 && s1 == "." => return None,
        ("/", None) => {
            const CUES: &[&str] = &[
                "on", "by", "until", "till", "since", "before", "after", "from", "through", "dated",
            ];
            let previous = last_word(text[..whole.start].trim_end()).to_lowercase();
            if !CUES.contains(&previous.as_str()) && lexicon::weekday(&previous).is_none() {
                return None;
            }
        }
        _ => {}
    }
    let a: i8 = text[hit.a.start..hit.a.end].parse().ok()?;
    let b: i8 = text[hit.b.start..hit.b.end].parse().ok()?;
    let (month, day) = if a > 12 && b <= 12 {
        (b, a)
    } else if (b > 12 && a <= 12) || a == b {
        (a, b)
    } else {
        match order {
            Order::DayFirst => (b, a),
            Order::MonthFirst => (a, b),
            Order::Unknown => return None,
        }
    };
    let value = match year_text {
        Some(y) => {
            let digits: i16 = y.parse().ok()?;
            let year = if y.len() == 2 {
                anchor::two_digit_year(digits, None)
            } else {
                digits
            };
            Value::Fixed(CalendarDate::day(year, month, day)?)
        }
        None => {
            CalendarDate::day(2000, month, day)?;
            Value::MonthDay { month, day }
        }
    };
    Some(candidate(whole, value))
}

/// Years standing alone ("in 1953", "since 2017", "the 1991 agreement") and two-digit years
/// after a preposition ("since '82").
fn find_years(text: &str, triggers: &Triggers<'_>, found: &mut Vec<Candidate>) {
    let years = checked_found(
        "YEAR_ALONE",
        read_at(triggers, CENTURIES, alone::years),
        &YEAR_ALONE,
        triggers,
    );
    for y in years {
        let Ok(year) = text[y.start..y.end].parse::<i16>() else {
            continue;
        };
        if year_stands(text, y, year) {
            found.push(candidate(y, Value::Fixed(CalendarDate::year(year))));
        }
    }
    let short_years = checked(
        "SHORT_YEAR",
        read_at(triggers, QUOTES, numeric::short_years),
        &SHORT_YEAR,
        triggers,
        short_year,
    );
    for hit in short_years {
        const CUES: &[&str] = &[
            "since", "in", "of", "from", "until", "till", "by", "to", "class", "summer", "winter",
            "spring", "autumn", "fall", "before", "after",
        ];
        let whole = hit.whole;
        let before = text[..whole.start].chars().next_back();
        if before.is_some_and(|c| !c.is_whitespace() && c != '(') {
            continue;
        }
        let previous = last_word(text[..whole.start].trim_end()).to_lowercase();
        if !CUES.contains(&previous.as_str()) {
            continue;
        }
        let Ok(yy) = text[hit.yy.start..hit.yy.end].parse::<i16>() else {
            continue;
        };
        // The century is settled when the claim is built, where the publication date is known.
        found.push(candidate(whole, Value::ShortYear(yy)));
    }
}

/// Whether a four-digit number in the year range names a year rather than an amount.
fn year_stands(text: &str, y: Span, year: i16) -> bool {
    let before = text[..y.start].chars().next_back();
    let before2 = text[..y.start].chars().rev().nth(1);
    if before.is_some_and(|c| matches!(c, '$' | '£' | '€' | '¥' | '#' | '=' | '_' | '~'))
        || !in_hyphen_chain_as_year(text, y)
        || (before.is_some_and(|c| matches!(c, '.' | ',' | '/' | ':'))
            && before2.is_some_and(|c| c.is_ascii_digit()))
    {
        return false;
    }
    let mut rest = text[y.end..].chars();
    let next = rest.next();
    let next2 = rest.next();
    if next == Some('%')
        || (next.is_some_and(|c| matches!(c, '.' | ',' | ':' | '/'))
            && next2.is_some_and(|c| c.is_ascii_digit()))
    {
        return false;
    }
    // "the 1990's" is a decade; "2008's crisis" is a year.
    if matches!(next, Some('\'' | '\u{2019}')) && next2 == Some('s') && year % 10 == 0 {
        return false;
    }
    let before_words: Vec<&str> = text[..y.start].split_whitespace().rev().take(2).collect();
    let deadline = matches!(before_words.as_slice(), ["than", w] if matches!(w.to_lowercase().as_str(), "later" | "earlier" | "sooner" | "before" | "after"));
    if amount_before(text, y.start) && !deadline {
        return false;
    }
    let following = next_word(text, y.end);
    if lexicon::is_count_noun(following) || lexicon::is_unit_symbol(following) {
        return false;
    }
    // A round number before a plural noun counts things ("2000 tickets"); "2008 sales" is a year.
    const NOT_PLURAL: &[&str] = &[
        "was", "is", "has", "its", "this", "his", "as", "us", "does", "says", "thus", "plus",
    ];
    let plural = following.len() > 2
        && following.ends_with('s')
        && following.starts_with(|c: char| c.is_lowercase())
        && !NOT_PLURAL.contains(&following);
    !(plural && year % 100 == 0)
}

/// Whether a year joined by hyphens to other numbers still reads as a year: a range of years
/// ("2009-2011") or a season ("2009-10") does; a phone number, a code or "32-2015" does not.
fn in_hyphen_chain_as_year(text: &str, y: Span) -> bool {
    let is_group_char = |c: char| c.is_ascii_digit() || c == '-';
    let start = text[..y.start]
        .char_indices()
        .rev()
        .find(|(_, c)| !is_group_char(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[y.end..]
        .find(|c: char| !is_group_char(c))
        .map_or(text.len(), |i| y.end + i);
    let groups: Vec<&str> = text[start..end]
        .split('-')
        .filter(|g| !g.is_empty())
        .collect();
    match groups.as_slice() {
        [_] => true,
        [first, second] => {
            let is_year = |g: &str| {
                g.len() == 4 && g.parse::<i16>().is_ok_and(|n| (1500..=2100).contains(&n))
            };
            let year_is_second = start + first.len() <= y.start;
            if year_is_second {
                is_year(first)
            } else {
                is_year(second) || second.len() == 2
            }
        }
        _ => false,
    }
}

/// Whether the word before `pos` makes a number there an amount ("about", "$", "No.").
fn amount_before(text: &str, pos: usize) -> bool {
    let before = text[..pos].trim_end();
    let word = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    lexicon::marks_amount(word) || lexicon::marks_amount(word.trim_end_matches('.'))
}

/// Whether the day word at `word` ("Today", "Tomorrow") is capitalised where no sentence or
/// heading opens: then it is a name ("the Today programme", "USA Today").
fn named_day_word(text: &str, word: Span) -> bool {
    if !text[word.start..].starts_with(|c: char| c.is_ascii_uppercase()) {
        return false;
    }
    let before = text[..word.start].trim_end_matches(|c: char| {
        c == ' '
            || matches!(
                c,
                '"' | '\''
                    | '\u{201c}'
                    | '\u{2018}'
                    | '\u{201d}'
                    | '\u{2019}'
                    | '('
                    | '['
                    | '*'
                    | '_'
                    | '#'
            )
    });
    !(before.is_empty()
        || before.ends_with(['.', '!', '?', ':', '\n', '\u{2014}', '-', '|', '>'])
        || before.ends_with("\u{2013}"))
}

/// Dates relative to the publication date: "today", "last month", "two days ago", "next Monday".
fn find_relative_dates(text: &str, triggers: &Triggers<'_>, found: &mut Vec<Candidate>) {
    let lower = triggers.haystack();
    let relative_days = checked(
        "RELATIVE_DAY",
        read_at(triggers, RELATIVE_DAYS, relative::relative_days),
        &RELATIVE_DAY,
        triggers,
        relative_day,
    );
    for hit in relative_days {
        // "BBC Radio 4's Today programme", "USA Today": capitalised inside a sentence, the word
        // is a name.
        if named_day_word(text, hit.word) {
            continue;
        }
        let mut days = match &lower[hit.word.start..hit.word.end] {
            "yesterday" => -1,
            "tomorrow" => 1,
            _ => 0,
        };
        match hit.before_after.map(|ba| &lower[ba.start..ba.end]) {
            Some("before") => days -= 1,
            Some("after") => days += 1,
            _ => {}
        }
        found.push(candidate(hit.whole, Value::Days(days)));
    }
    let consecutive = checked_found(
        "CONSECUTIVE_DAY",
        read_at(triggers, CONSECUTIVE_WORDS, relative::consecutive_days),
        &CONSECUTIVE_DAY,
        triggers,
    );
    for m in consecutive {
        found.push(candidate(m, Value::ReportDay));
    }
    let report_days = checked(
        "REPORT_DAY",
        read_at(triggers, WEEKDAY_END, relative::report_days),
        &REPORT_DAY,
        triggers,
        report_day,
    );
    for hit in report_days {
        // "the day after" and "the day of the vote" point at another day.
        // "after falling" is a clause about the same day, so a gerund keeps it.
        let d = hit.day;
        let next = next_word(text, d.end).to_lowercase();
        let after_next = text[d.end..].trim_start().get(next.len()..).unwrap_or("");
        let clause = next_word(after_next, 0).ends_with("ing");
        let elsewhere = matches!(next.as_str(), "after" | "before") && !clause;
        if !elsewhere && !matches!(next.as_str(), "of" | "when" | "that" | "on") {
            found.push(candidate(d, Value::ReportDay));
        }
    }
    // "the end of the year" and "the start of the month" mean the current ones in news; "the
    // year" alone is too often some other year to be read so.
    let period_edges = checked(
        "PERIOD_EDGE",
        read_at(triggers, RELATIVE_UNITS, relative::period_edges),
        &PERIOD_EDGE,
        triggers,
        period_edge,
    );
    for hit in period_edges {
        let value = if &lower[hit.unit.start..hit.unit.end] == "year" {
            Value::Years(0)
        } else {
            Value::Months(0)
        };
        found.push(candidate(hit.period, value));
    }
    let relative_units = checked(
        "RELATIVE_UNIT",
        read_at(triggers, RELATIVE_UNITS, relative::relative_units),
        &RELATIVE_UNIT,
        triggers,
        relative_unit,
    );
    for hit in relative_units {
        let words = |span: Option<Span>| span.map_or("", |w| &lower[w.start..w.end]);
        let offset = match words(hit.which)
            .split_whitespace()
            .next_back()
            .unwrap_or("")
        {
            "last" | "previous" => -1,
            "next" | "coming" => 1,
            _ => 0,
        };
        let value = match words(hit.unit) {
            "week" => Value::Weeks(offset),
            "month" => Value::Months(offset),
            _ => Value::Years(offset),
        };
        found.push(candidate(hit.whole, value));
    }
    let ago = checked(
        "AGO",
        read_at(triggers, AGO_WORD, counted::ago),
        &AGO,
        triggers,
        counted_match,
    );
    for hit in ago {
        let Some(n) = lexicon::small_number(&text[hit.count.start..hit.count.end]) else {
            continue;
        };
        // "Thirty-seven years ago": the count's tens before its hyphen.
        let Some((start, n)) = with_tens(text, hit.count.start, n) else {
            continue;
        };
        let Some(value) = offset_value(&text[hit.unit.start..hit.unit.end], -n, 0) else {
            continue;
        };
        found.push(candidate(
            Span::new(start.min(hit.whole.start), hit.whole.end),
            value,
        ));
    }
    let in_time = checked(
        "IN_TIME",
        read_at(triggers, TIME_UNITS, counted::in_time),
        &IN_TIME,
        triggers,
        counted_match,
    );
    for hit in in_time {
        let Some(n) = lexicon::small_number(&text[hit.count.start..hit.count.end]) else {
            continue;
        };
        // "in twenty-five years" is no count the pattern reads: left out rather than misread.
        if with_tens(text, hit.count.start, n) != Some((hit.count.start, n)) {
            continue;
        }
        if counted_within(text, hit.whole.start) {
            continue;
        }
        let Some(value) = offset_value(&text[hit.unit.start..hit.unit.end], n, 0) else {
            continue;
        };
        let mut c = candidate(hit.counted.unwrap_or(hit.whole), value);
        c.ahead_only = true;
        found.push(c);
    }
    let from_base = checked(
        "FROM_BASE",
        read_at(triggers, TIME_UNITS, counted::from_base),
        &FROM_BASE,
        triggers,
        counted_match,
    );
    for hit in from_base {
        let Some(n) = lexicon::small_number(&text[hit.count.start..hit.count.end]) else {
            continue;
        };
        if with_tens(text, hit.count.start, n) != Some((hit.count.start, n)) {
            continue;
        }
        let words = |span: Option<Span>| span.map_or("", |w| &lower[w.start..w.end]);
        let sign = if words(hit.direction) == "before" {
            -1
        } else {
            1
        };
        let base = match words(hit.base) {
            "tomorrow" => 1,
            "yesterday" => -1,
            _ => 0,
        };
        let Some(value) = offset_value(&text[hit.unit.start..hit.unit.end], sign * n, base) else {
            continue;
        };
        found.push(candidate(hit.whole, value));
    }
    let months = read_at(triggers, MONTHS, spelled::month_words);
    let mut names = spelled::full_months(lower, &months);
    names.extend(read_at(triggers, WEEKDAY_END, alone::weekdays));
    names.sort_unstable_by_key(|n| n.start);
    let shifted = checked(
        "SHIFTED",
        relative::shifted(lower, &names),
        &SHIFTED,
        triggers,
        shifted_match,
    );
    for hit in shifted {
        let q = &lower[hit.which.start..hit.which.end];
        let name = &text[hit.name.start..hit.name.end];
        let last = matches!(q, "last" | "previous") || q.ends_with("past");
        let next = matches!(q, "next" | "following") || q.ends_with("coming");
        let value = if let Some(day) = lexicon::weekday(name) {
            let occurrence = match q {
                "last" | "previous" => Occurrence::Last,
                "next" | "following" => Occurrence::Next,
                _ if last => Occurrence::Past,
                _ if next => Occurrence::Coming,
                _ => Occurrence::This,
            };
            Value::Weekday { day, occurrence }
        } else if let Some(month) = lexicon::month_number(name) {
            if lexicon::is_ambiguous_month(name) && !name.starts_with(|c: char| c.is_uppercase()) {
                continue;
            }
            let shift = if last {
                MonthShift::Last
            } else if next {
                MonthShift::Next
            } else {
                MonthShift::InYear(0)
            };
            Value::Month { month, shift }
        } else {
            continue;
        };
        let mut c = candidate(hit.whole, value);
        c.weekday = lexicon::weekday(name);
        found.push(c);
    }
}

/// The date `n` units from the publication date, plus `base_days` for a day-precise unit ("two
/// days after tomorrow"); months and years keep their own precision.
fn offset_value(unit: &str, n: i64, base_days: i64) -> Option<Value> {
    let n32 = i32::try_from(n).ok()?;
    Some(match unit.to_lowercase().as_str() {
        "day" => Value::Days(base_days + n),
        "week" => Value::Days(base_days + 7 * n),
        "fortnight" => Value::Days(base_days + 14 * n),
        "month" => Value::Months(n32),
        _ => Value::Years(n32),
    })
}

/// Weekdays standing alone: "on Monday", "Kim met Putin Wednesday", "Monday 's email"; with a
/// day of the month ("Tuesday the 19th") or a week ("Monday next week"); and "on the 15th".
fn find_weekdays(text: &str, triggers: &Triggers<'_>, found: &mut Vec<Candidate>) {
    let weekdays = read_at(triggers, WEEKDAY_END, alone::weekdays);
    let weekday_ordinals = checked(
        "WEEKDAY_ORDINAL",
        alone::weekday_ordinals(triggers.haystack(), &weekdays),
        &WEEKDAY_ORDINAL,
        triggers,
        weekday_ordinal,
    );
    for hit in weekday_ordinals {
        let day = lexicon::weekday(&text[hit.weekday.start..hit.weekday.end]);
        let Ok(d) = text[hit.day.start..hit.day.end].parse() else {
            continue;
        };
        let mut c = candidate(hit.whole, Value::DayOfMonth(d));
        c.weekday = day;
        found.push(c);
    }
    for caps in NTH_WEEKDAY.captures_iter(triggers) {
        let Some(day) = lexicon::weekday(group_str(text, &caps, "wd")) else {
            continue;
        };
        let nth = match group_str(text, &caps, "nth").to_lowercase().as_str() {
            "first" | "1st" => 1,
            "second" | "2nd" => 2,
            "third" | "3rd" => 3,
            "fourth" | "4th" => 4,
            "fifth" | "5th" => 5,
            _ => -1,
        };
        let month = if let Some(m) = caps.name("m") {
            let Some(month) = lexicon::month_number(m.as_str()) else {
                continue;
            };
            match caps.name("y").and_then(|y| y.as_str().parse().ok()) {
                Some(year) => MonthRef::Stated { year, month },
                None => MonthRef::Named(month),
            }
        } else {
            match group_str(text, &caps, "rel").to_lowercase().as_str() {
                "last" => MonthRef::Shifted(-1),
                "next" => MonthRef::Shifted(1),
                _ => MonthRef::Shifted(0),
            }
        };
        let mut span = group(&caps, "0");
        if let (Some(m), None) = (caps.name("m"), caps.name("y")) {
            span.end = month_word_end(text, m.start(), m.end());
        }
        let mut c = candidate(span, Value::NthWeekday { nth, day, month });
        c.weekday = Some(day);
        found.push(c);
    }
    for caps in ORDINAL_DAY.captures_iter(triggers) {
        // "on the 20th" is a day only where no noun follows ("on the 20th floor").
        let t = group(&caps, "t");
        let rest = text[t.end..].trim_start_matches([' ', '\t']);
        let next = next_word(text, t.end);
        let noun_follows = rest.starts_with(|c: char| c.is_alphabetic())
            && !matches!(
                next.to_lowercase().as_str(),
                "at" | "in"
                    | "and"
                    | "or"
                    | "when"
                    | "but"
                    | "as"
                    | "with"
                    | "for"
                    | "from"
                    | "after"
                    | "before"
                    | "the"
                    | "a"
                    | "this"
                    | "next"
                    | "last"
                    | "until"
            );
        let Ok(d) = group_str(text, &caps, "d").parse() else {
            continue;
        };
        if !noun_follows {
            found.push(candidate(t, Value::DayOfMonth(d)));
        }
    }
    let months = read_at(triggers, MONTHS, spelled::month_words);
    let last_days = checked(
        "LAST_DAY",
        spelled::last_days(triggers.haystack(), &months),
        &LAST_DAY,
        triggers,
        last_day_match,
    );
    for hit in last_days {
        let m = hit.month;
        let word = &text[m.start..m.end];
        let Some(month) = lexicon::month_number(word) else {
            continue;
        };
        if lexicon::is_ambiguous_month(word) && word.starts_with(|c: char| c.is_lowercase()) {
            continue;
        }
        let month = match hit.year.and_then(|y| text[y.start..y.end].parse().ok()) {
            Some(year) => MonthRef::Stated { year, month },
            None => MonthRef::Named(month),
        };
        let span = match hit.year {
            Some(_) => hit.whole,
            None => Span::new(hit.whole.start, month_word_end(text, m.start, m.end)),
        };
        found.push(candidate(span, Value::LastDay(month)));
    }
    for caps in WEEKDAY_AFTER_NEXT.captures_iter(triggers) {
        let Some(day) = lexicon::weekday(group_str(text, &caps, "wd")) else {
            continue;
        };
        let mut c = candidate(
            group(&caps, "0"),
            Value::Weekday {
                day,
                occurrence: Occurrence::AfterNext,
            },
        );
        c.weekday = Some(day);
        found.push(c);
    }
    for re in [&WEEKDAY_OF_WEEK, &WEEK_THEN_WEEKDAY] {
        for caps in re.captures_iter(triggers) {
            let Some(day) = lexicon::weekday(group_str(text, &caps, "wd")) else {
                continue;
            };
            let weeks = match group_str(text, &caps, "q").to_lowercase().as_str() {
                "next" => 1,
                "this" => 0,
                _ => -1,
            };
            let mut c = candidate(group(&caps, "0"), Value::WeekdayInWeek { day, weeks });
            c.weekday = Some(day);
            found.push(c);
        }
    }
    let weekdays = checked_found("WEEKDAY_ALONE", weekdays, &WEEKDAY_ALONE, triggers);
    for w in weekdays {
        let Some(day) = lexicon::weekday(&text[w.start..w.end]) else {
            continue;
        };
        if lexicon::names_a_day(last_word(text[..w.start].trim_end())) {
            continue;
        }
        // "every Saturday", "each Monday", "the early hours of a Saturday in April": no one
        // day. (A weekday set off after a date is that date's, "3 March 2023, a Friday", and
        // one before a noun may be one, "in a Wednesday media event".)
        let lead = text[..w.start].trim_end();
        let previous = last_word(lead);
        if ["every", "each", "any"]
            .iter()
            .any(|q| previous.eq_ignore_ascii_case(q))
            || (["a", "an"].iter().any(|q| previous.eq_ignore_ascii_case(q))
                && !lead[..lead.len() - previous.len()]
                    .trim_end()
                    .ends_with(',')
                && indefinite_day_ends(&text[w.end..]))
        {
            continue;
        }
        // "Thursday week": a week after the coming Thursday, as British news writes it.
        // Not the end of a span of days ("a Monday to Thursday week").
        let week_on = text[w.end..]
            .strip_prefix(" week")
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric() || c == '\''))
            && !matches!(
                last_word(text[..w.start].trim_end()),
                "to" | "through" | "until" | "till" | "-"
            );
        let (w, occurrence) = if week_on {
            (
                Span::new(w.start, w.end + " week".len()),
                Occurrence::AfterNext,
            )
        } else {
            (w, Occurrence::Nearest)
        };
        let mut c = candidate(w, Value::Weekday { day, occurrence });
        c.weekday = Some(day);
        found.push(c);
    }
}

/// Days written in ordinal words ("the first of March", "March first", "the fourth of July,
/// 1995", "Tuesday the eleventh") and days of a month named by its distance from the publication
/// month ("the 20th of next month", "the fifteenth day of last month").
fn find_word_days(text: &str, triggers: &Triggers<'_>, found: &mut Vec<Candidate>) {
    for (re, month_first) in [(&WORD_DAY_MONTH, false), (&MONTH_WORD_DAY, true)] {
        for caps in re.captures_iter(triggers) {
            let m = group(&caps, "m");
            let word = &text[m.start..m.end];
            let Some(month) = lexicon::month_number(word) else {
                continue;
            };
            // "it may first", "march second": a lowercase "may", "march" or abbreviation before
            // the day is a verb or a word of its own unless a year follows.
            if month_first
                && lexicon::is_ambiguous_month(word)
                && word.starts_with(|c: char| c.is_lowercase())
                && caps.name("y").is_none()
            {
                continue;
            }
            let Some(day) = lexicon::day_word(group_str(text, &caps, "d")) else {
                continue;
            };
            let whole = group(&caps, "0");
            // "a third of March's rain", "two thirds of May": a fraction, not a day.
            let previous = last_word(text[..whole.start].trim_end()).to_lowercase();
            if !month_first && matches!(previous.as_str(), "a" | "one" | "two" | "three" | "four") {
                continue;
            }
            // "May first quarter", "March first time": the ordinal belongs to a noun.
            if month_first && caps.name("y").is_none() && noun_follows(text, whole.end) {
                continue;
            }
            let span = match caps.name("y") {
                Some(_) => whole,
                None if month_first => whole,
                None => Span::new(whole.start, month_word_end(text, m.start, m.end)),
            };
            let value = match caps.name("y").and_then(|y| y.as_str().parse().ok()) {
                Some(year) => match CalendarDate::day(year, month, day) {
                    Some(date) => Value::Fixed(date),
                    None => continue,
                },
                None => {
                    if CalendarDate::day(2000, month, day).is_none() {
                        continue;
                    }
                    Value::MonthDay { month, day }
                }
            };
            found.push(candidate(span, value));
        }
    }
    let weekdays = read_at(triggers, WEEKDAY_END, alone::weekdays);
    let word_days = checked(
        "WEEKDAY_WORD_DAY",
        alone::weekday_word_days(triggers.haystack(), &weekdays),
        &WEEKDAY_WORD_DAY,
        triggers,
        weekday_word_day,
    );
    for hit in word_days {
        if noun_follows(text, hit.whole.end) {
            continue;
        }
        let Some(day) = lexicon::day_word(&text[hit.day.start..hit.day.end]) else {
            continue;
        };
        let mut c = candidate(hit.whole, Value::DayOfMonth(day));
        c.weekday = lexicon::weekday(&text[hit.weekday.start..hit.weekday.end]);
        found.push(c);
    }
    for caps in SHIFTED_MONTH_DAY.captures_iter(triggers) {
        let d = group_str(text, &caps, "d");
        let digits: String = d.chars().take_while(char::is_ascii_digit).collect();
        let Some(day) = digits.parse().ok().or_else(|| lexicon::day_word(d)) else {
            continue;
        };
        let months = match group_str(text, &caps, "q").to_lowercase().as_str() {
            "next" | "coming" | "following" => 1,
            "last" | "previous" => -1,
            _ => 0,
        };
        found.push(candidate(
            group(&caps, "0"),
            Value::DayOfShiftedMonth { day, months },
        ));
    }
}

/// Years in words: after a month or a day and month ("October two thousand and five", "13 Sept
/// nineteen seventy-two"), or alone after a preposition where no noun follows ("in nineteen
/// ninety-six", but not "in two thousand homes"). "two thousand" alone is a number.
fn find_year_words(text: &str, triggers: &Triggers<'_>, found: &mut Vec<Candidate>) {
    for caps in DATE_YEAR_WORDS.captures_iter(triggers) {
        let Some(year) = lexicon::year_words(group_str(text, &caps, "yw")) else {
            continue;
        };
        let month_group = ["m1", "m2", "m3"].into_iter().find_map(|n| caps.name(n));
        let Some(month) = month_group.and_then(|m| lexicon::month_number(m.as_str())) else {
            continue;
        };
        let day = ["d1", "d2"]
            .into_iter()
            .find_map(|n| caps.name(n))
            .and_then(|d| d.as_str().parse::<i8>().ok());
        let date = match day {
            Some(d) => CalendarDate::day(year, month, d),
            None => Some(CalendarDate::month(year, month)),
        };
        if let Some(date) = date {
            found.push(candidate(group(&caps, "0"), Value::Fixed(date)));
        }
    }
    const CUES: &[&str] = &[
        "in", "since", "until", "till", "by", "from", "before", "after", "during", "of",
    ];
    for m in YEAR_IN_WORDS.find_iter(triggers) {
        let yw = Span::new(m.start(), m.end());
        let words = &text[yw.start..yw.end];
        let previous = last_word(text[..yw.start].trim_end()).to_lowercase();
        if !CUES.contains(&previous.as_str())
            || noun_follows(text, yw.end)
            || words.split_whitespace().count() < 3
        {
            continue;
        }
        if let Some(year) = lexicon::year_words(words) {
            found.push(candidate(yw, Value::Fixed(CalendarDate::year(year))));
        }
    }
}

/// Whether a word that is not a function word follows `pos`: "the first generation", where the
/// ordinal belongs to a noun rather than naming a day.
fn noun_follows(text: &str, pos: usize) -> bool {
    const FUNCTION: &[&str] = &[
        "at", "in", "on", "and", "or", "when", "but", "as", "with", "for", "from", "after",
        "before", "the", "a", "an", "this", "next", "last", "until", "of", "to", "by", "is", "was",
        "will", "that", "which", "we", "i", "he", "she", "they", "it", "you",
    ];
    let rest = text[pos..].trim_start_matches([' ', '\t']);
    // "March first-quarter results": a hyphen joins the ordinal to its noun.
    if text[pos..].starts_with('-') && text[pos + 1..].starts_with(|c: char| c.is_alphabetic()) {
        return true;
    }
    let next = next_word(text, pos).to_lowercase();
    rest.starts_with(|c: char| c.is_alphabetic()) && !FUNCTION.contains(&next.as_str())
}

/// Holidays: "Christmas", "on Christmas Eve", "last Easter", "Thanksgiving 2014", "Black Friday of
/// this year". A one-word name before a noun ("Christmas tree", "Easter Island") names no day, nor
/// does a name that goes on with a capital ("the Good Friday Agreement").
fn find_holidays(text: &str, triggers: &Triggers<'_>, found: &mut Vec<Candidate>) {
    const FOLLOWERS: &[&str] = &[
        "and",
        "or",
        "in",
        "on",
        "at",
        "of",
        "to",
        "for",
        "with",
        "is",
        "was",
        "will",
        "would",
        "when",
        "this",
        "that",
        "last",
        "next",
        "the",
        "a",
        "an",
        "until",
        "before",
        "after",
        "from",
        "by",
        "but",
        "as",
        "are",
        "were",
        "has",
        "had",
        "have",
        "morning",
        "night",
        "afternoon",
        "evening",
        "weekend",
        "falls",
        "fell",
        "s",
    ];
    let lower = triggers.haystack();
    let holidays = read_at(triggers, holiday::lead_words()[0], festive::holidays);
    let holidays = checked("HOLIDAY", holidays, &HOLIDAY, triggers, festive_match);
    for hit in holidays {
        let h = hit.name;
        let words = &text[h.start..h.end];
        let Some(rule) = holiday::named(words) else {
            continue;
        };
        let at = |span: Span| &lower[span.start..span.end];
        let year = if let Some(y) = hit.year.and_then(|y| at(y).parse().ok()) {
            HolidayYear::Stated(y)
        } else if let Some(rel) = hit.year_shift {
            match at(rel) {
                "next" => HolidayYear::InYear(1),
                "last" => HolidayYear::InYear(-1),
                _ => HolidayYear::InYear(0),
            }
        } else {
            match hit.which.map(at) {
                Some("last" | "previous" | "this past") => HolidayYear::Last,
                Some("next" | "following" | "coming" | "this coming") => HolidayYear::Next,
                Some(_) => HolidayYear::InYear(0),
                None => {
                    let next_raw = next_word(text, h.end);
                    let next = next_raw.to_lowercase();
                    let one_word = !words.trim().contains(char::is_whitespace);
                    let goes_on = next_raw.starts_with(char::is_uppercase)
                        && text[h.end..].starts_with([' ', '\u{a0}']);
                    if goes_on
                        || (one_word && !next.is_empty() && !FOLLOWERS.contains(&next.as_str()))
                    {
                        continue;
                    }
                    HolidayYear::Nearest
                }
            }
        };
        found.push(candidate(hit.whole, Value::Holiday { rule, year }));
    }
}

/// The last `WINDOW` bytes of the line before `pos`, with the offset where they start.
fn window_before(text: &str, pos: usize) -> (usize, &str) {
    let mut start = pos.saturating_sub(PREFIX_WINDOW);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    // Only the window is searched for the line's start: searching the whole line made a
    // single very long line quadratic. (`memrchr`: `rfind` read a byte at a time.)
    if let Some(i) = memchr::memrchr(b'\n', &text.as_bytes()[start..pos]) {
        start += i + 1;
    }
    (start, &text[start..pos])
}

/// How far before a date [`window_before`] reads.
const PREFIX_WINDOW: usize = 80;

/// The last words of the phrases [`PREFIX_WEEKDAY`] finds: a full name ends in "day".
const WEEKDAY_ENDS: &[&str] = &[
    "day", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
];

/// `pattern`'s groups in `before`, for a pattern that matches only at the end of the window and
/// only when, less what `trim` takes off the end, the window ends with one of `words`: asked
/// before every date, these are mostly no (see [`Tiered::captures_if`]).
fn ending_captures<'r, 't>(
    pattern: &'r Tiered,
    before: &'t str,
    words: &[&str],
    trim: fn(&str) -> &str,
) -> Option<Captures<'r, 't>> {
    let rest = trim(before);
    pattern.captures_if(words.iter().any(|w| rest.ends_with(w)), before)
}

/// Grows a candidate over a weekday written before a day ("Monday, June 20", "Monday (September
/// 11)") and a part written before a month or year ("early December", "the end of last year").
fn extend_with_prefixes(text: &str, lower: &str, c: &mut Candidate) {
    let precision = c.value.precision();
    let is_day =
        precision == Precision::Day && matches!(c.value, Value::Fixed(_) | Value::MonthDay { .. });
    if is_day {
        let (offset, before) = window_before(lower, c.span.start);
        if let Some(caps) = ending_captures(&PREFIX_WEEKDAY, before, WEEKDAY_ENDS, |s| {
            let s = s.trim_end();
            let s = s.strip_suffix('(').unwrap_or(s);
            let s = s.trim_end_matches(|c: char| c.is_whitespace() || c == ',');
            s.strip_suffix('.').unwrap_or(s)
        }) {
            let w = caps
                .name("wd")
                .expect("the weekday pattern always captures the weekday");
            // The capital is read in the text as written.
            let word = &text[offset + w.start()..offset + w.end()];
            // Abbreviations ("Sat", "Sun", "Wed") are words of their own unless capitalised.
            let full = word.len() >= 6;
            let capital = word.starts_with(|ch: char| ch.is_uppercase());
            // A point after a full name ends its sentence ("on Monday. June 20 was ...").
            let ends_sentence = full && before[w.end()..].contains('.');
            if let Some(day) =
                lexicon::weekday(word).filter(|_| (full || capital) && !ends_sentence)
            {
                c.span.start = offset + w.start();
                c.weekday = Some(day);
                if caps.name("open").is_some() {
                    let rest = &text[c.span.end..];
                    let trimmed = rest.trim_start_matches([' ', '\t']);
                    if trimmed.starts_with(')') {
                        c.span.end += rest.len() - trimmed.len() + 1;
                    }
                }
            }
        }
        if c.weekday.is_none() {
            extend_with_weekday_after(text, c);
        }
    } else if precision != Precision::Day {
        let (offset, before) = window_before(lower, c.span.start);
        if let Some(caps) =
            ending_captures(&PREFIX_PART, before, &["early", "mid", "late", "of"], |s| {
                let s = s.trim_end();
                s.strip_suffix('-').unwrap_or(s).trim_end()
            })
        {
            let m = caps
                .name("p")
                .expect("the part pattern always captures the part");
            let words = m.as_str().to_lowercase();
            let part = if words == "early" || words.contains("beginning") || words.contains("start")
            {
                "early"
            } else if words.starts_with("mid") || words.contains("middle") {
                "mid"
            } else {
                "late"
            };
            c.part = Some(part);
            c.span.start = offset + m.start();
        }
    }
}

/// Grows a day over the weekday an apposition gives it after it: "on 3 March 2023, a Friday",
/// "March 3 (a Friday)", "June 20, which was a Monday". The weekday is then the date's stated
/// one, checked against the calendar, rather than a day of its own near the publication date.
/// Only a full, capitalised name counts ("a Sat" or "a friday" are left as they are), and the
/// words may break across a line but not a paragraph.
fn extend_with_weekday_after(text: &str, c: &mut Candidate) {
    let rest = &text[c.span.end..text.floor_char_boundary(c.span.end + 64)];
    let b = rest.as_bytes();
    // The words after the day, each with where it ends, up to the name.
    let mut i = 0;
    let gap = |i: &mut usize| {
        let from = *i;
        while b
            .get(*i)
            .is_some_and(|&x| matches!(x, b' ' | b'\t' | b'\n' | b'\r'))
        {
            *i += 1;
        }
        // Two line breaks, with only white space between, end a paragraph.
        *i > from && b[from..*i].iter().filter(|&&x| x == b'\n').count() < 2
    };
    let word = |i: &mut usize| {
        let from = *i;
        while b.get(*i).is_some_and(u8::is_ascii_alphabetic) {
            *i += 1;
        }
        &rest[from..*i]
    };
    let paren = match b.first() {
        Some(b',') => {
            i = 1;
            if !gap(&mut i) {
                return;
            }
            false
        }
        _ => {
            if !gap(&mut i) || b.get(i) != Some(&b'(') {
                return;
            }
            i += 1;
            true
        }
    };
    let mut w = word(&mut i);
    if !paren && w == "which" {
        // "which was a", "which is a", "which will be a".
        for expected in [&["was", "is", "will"][..], &["be", "a"], &["a"]] {
            if !gap(&mut i) {
                return;
            }
            w = word(&mut i);
            if w == "a" {
                break;
            }
            if !expected.contains(&w) {
                return;
            }
        }
    }
    if w == "a" {
        if !gap(&mut i) {
            return;
        }
        w = word(&mut i);
    } else if !paren {
        return;
    }
    if w.len() < 6 || !w.starts_with(|ch: char| ch.is_ascii_uppercase()) {
        return;
    }
    let Some(day) = lexicon::weekday(w) else {
        return;
    };
    // The name must end there: punctuation, a line's or the text's end, or a word that opens a
    // clause may follow; not "a Sunday Times investigation", "a Monday-to-Friday curfew", "a
    // Tuesday filing showed" or "a Thursday's paper".
    let after = &rest[i..];
    let next = after.trim_start_matches([' ', '\t']);
    let ends = match next.chars().next() {
        None
        | Some('\n' | '\r' | ',' | '.' | ';' | ':' | ')' | '!' | '?' | '\u{2013}' | '\u{2014}') => {
            true
        }
        Some(c) if c.is_ascii_lowercase() && next.len() < after.len() => {
            let word = next
                .split(|c: char| !c.is_ascii_alphabetic())
                .next()
                .unwrap_or("");
            matches!(
                word,
                "when" | "which" | "that" | "and" | "but" | "in" | "at" | "as"
            )
        }
        _ => false,
    };
    if !ends {
        return;
    }
    if paren {
        if b.get(i) != Some(&b')') {
            return;
        }
        i += 1;
    }
    c.span.end += i;
    c.weekday = Some(day);
}

/// The candidates that do not overlap, the longest first, in document order: taken longest
/// first (of two as long, the earlier), each kept unless it overlaps one kept before it.
///
/// Only candidates within one run of overlapping spans can clash, so each run is settled on its
/// own, and a candidate alone in its run, as most are, is kept without being ordered among the
/// others: sorting every candidate by length and keeping a search tree of them all was 3% of
/// the CPU time of extracting a long text. The candidates themselves are moved once, in the end.
fn settle_overlaps(found: Vec<Candidate>) -> Vec<Candidate> {
    let mut by_start: Vec<(usize, usize, usize)> = found
        .iter()
        .enumerate()
        .map(|(i, c)| (c.span.start, c.span.end, i))
        .collect();
    by_start.sort_unstable();
    // The kept candidates, keyed for document order: by start, and of two kept at one start
    // (an empty span and the one it begins) in the order they were taken.
    let mut kept: Vec<(usize, std::cmp::Reverse<usize>, usize)> = Vec::with_capacity(found.len());
    let mut i = 0;
    while i < by_start.len() {
        // A run ends where a span starts at or after every earlier span's end: a span can only
        // overlap one that ends after it starts.
        let mut reach = by_start[i].1;
        let mut j = i + 1;
        while j < by_start.len() && by_start[j].0 < reach {
            reach = reach.max(by_start[j].1);
            j += 1;
        }
        settle_run(&mut by_start[i..j], &mut kept);
        i = j;
    }
    kept.sort_unstable();
    let mut slots: Vec<Option<Candidate>> = found.into_iter().map(Some).collect();
    kept.iter()
        .map(|&(_, _, i)| slots[i].take().expect("a candidate is kept once"))
        .collect()
}

/// Settles one run of overlapping spans, `(start, end, index)`, adding the kept to `kept`.
fn settle_run(
    run: &mut [(usize, usize, usize)],
    kept: &mut Vec<(usize, std::cmp::Reverse<usize>, usize)>,
) {
    let key = |&(start, end, i): &(usize, usize, usize)| (start, std::cmp::Reverse(end - start), i);
    if let [one] = run {
        kept.push(key(one));
        return;
    }
    run.sort_unstable_by_key(|&(start, end, i)| (std::cmp::Reverse(end - start), start, i));
    // The kept spans never overlap one another, so a span overlaps one of them exactly when it
    // overlaps the last one (by start, then end) starting before its end, which a search tree
    // finds without comparing each span with every kept one.
    let mut taken: std::collections::BTreeSet<(usize, usize)> = std::collections::BTreeSet::new();
    for &(start, end, i) in run.iter() {
        let clash = taken
            .range(..(end, 0))
            .next_back()
            .is_some_and(|&(_, e)| start < e);
        if !clash {
            taken.insert((start, end));
            kept.push(key(&(start, end, i)));
        }
    }
}

/// How the date relates to the event, from the words just before it (read in the lowercased
/// text).
fn relation(lower: &str, start: usize) -> Option<Relation> {
    let (_, before) = window_before(lower, start);
    // A match ends "on" or "for" with a verb among the six words before it ("set to take
    // place on"), which most windows ending "on" lack. Words are runs of ASCII letters, as the
    // pattern's are.
    let rest = before.trim_end();
    let may_match = ["on", "for"].iter().any(|w| rest.ends_with(w))
        && rest
            .split(|c: char| !c.is_ascii_alphabetic())
            .rev()
            .filter(|w| !w.is_empty())
            .skip(1)
            .take(6)
            .any(|w| SCHEDULING_VERBS.contains(&w));
    if PREFIX_SCHEDULED.captures_if(may_match, before).is_some() {
        return Some(Relation::ScheduledFor);
    }
    let word = relation_before(before)?;
    Some(match word.split_whitespace().next().unwrap_or("") {
        "on" => Relation::On,
        "in" | "during" => Relation::In,
        "since" => Relation::Since,
        "before" | "by" | "prior" => Relation::Before,
        "after" => Relation::After,
        _ => Relation::Until,
    })
}

/// Whether "until" and a time of day come before the "on" before `start`: "a warning until
/// 10am on Wednesday", "open till midnight on Friday". The day ends a span running from now, as
/// "until Wednesday" does.
fn until_a_time_on(text: &str, start: usize) -> bool {
    let (_, before) = window_before(text, start);
    let Some(rest) = before.trim_end().strip_suffix("on") else {
        return false;
    };
    // Read for most dates after "on", so the words are compared in place, not lowercased.
    let is = |w: &str, words: &[&str]| words.iter().any(|x| w.eq_ignore_ascii_case(x));
    let mut words = rest.split_whitespace().rev();
    let Some(last) = words.next() else {
        return false;
    };
    let (time, lead) = if is(last, &["am", "pm", "a.m.", "p.m.", "gmt", "bst", "utc"]) {
        (words.next(), words.next())
    } else {
        (Some(last), words.next())
    };
    let is_time = time.is_some_and(|t| {
        is(t, &["midnight", "noon", "midday"])
            || (t.starts_with(|c: char| c.is_ascii_digit())
                && t.trim_end_matches(['.', ','])
                    .trim_start_matches(|c: char| c.is_ascii_digit() || c == ':' || c == '.')
                    .chars()
                    .all(|c| c.is_ascii_alphabetic()))
    });
    is_time && lead.is_some_and(|w| is(w, &["until", "till"]))
}

/// Whether what follows "a Saturday" leaves it any Saturday: the sentence's end, a mark, or
/// a word that opens a phrase of its own ("of a Saturday in April", "on a Tuesday when").
fn indefinite_day_ends(after: &str) -> bool {
    let rest = after.trim_start_matches([' ', '\t']);
    let word: &str = rest
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    word.is_empty()
        || [
            "in", "of", "when", "that", "and", "or", "at", "for", "to", "but",
        ]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w))
}

/// A count read at `start` with the tens written before it and a hyphen ("Thirty-seven", the
/// pattern having read "seven"): where the whole number starts and its value. `None` when a
/// hyphen joins the count to a word that is no tens ("well-two"): no count to trust.
fn with_tens(text: &str, start: usize, n: i64) -> Option<(usize, i64)> {
    let Some(before) = text[..start].strip_suffix('-') else {
        return Some((start, n));
    };
    let word_start = before
        .rfind(|c: char| !c.is_ascii_alphabetic())
        .map_or(0, |i| i + 1);
    let word = &before[word_start..];
    let tens = crate::number::TENS_WORDS
        .iter()
        .position(|w| w.eq_ignore_ascii_case(word))?;
    let tens = 20 + 10 * i64::try_from(tens).ok()?;
    (1..=9).contains(&n).then_some((word_start, tens + n))
}

/// Which way a day after "until" lies. A span running from now looks ahead ("closed until
/// Friday", "a warning until 10am on Wednesday"), whatever its verb's tense ("was extended until
/// Sunday"), but not a span that is over: one a past verb of lasting fills ("waited until noon
/// on Monday", "the talks ran until Thursday") or one told by what had not happened before it
/// ("did not arrive until Tuesday", "it was not until Monday that").
fn until_lean(text: &str, start: usize) -> Lean {
    let (_, before) = window_before(text, start);
    let lower = before.to_ascii_lowercase().replace('\u{2019}', "'");
    // The clause before the last "until" or "till" (`before` ends at the day, after it).
    // A sentence's or a clause's mark is a word of its own, where the clause stops.
    let words: Vec<&str> = lower
        .split_inclusive(['.', ';', ':', '\u{2014}', '\u{2013}'])
        .flat_map(|piece| {
            let (words, mark) = match piece.char_indices().last() {
                Some((i, '.' | ';' | ':' | '\u{2014}' | '\u{2013}')) => (&piece[..i], Some(",")),
                _ => (piece, None),
            };
            words
                .split(|c: char| !(c.is_ascii_alphabetic() || c == '\'' || c == ','))
                .filter(|w| !w.is_empty())
                .chain(mark)
        })
        .collect();
    let Some(at) = words.iter().rposition(|w| matches!(*w, "until" | "till")) else {
        return Lean::Future;
    };
    let clause = words[..at]
        .iter()
        .rev()
        .take(6)
        .take_while(|w| !w.ends_with(','))
        .copied();
    const LASTING: &[&str] = &[
        "waited",
        "stayed",
        "remained",
        "lasted",
        "continued",
        "ran",
        "sat",
        "slept",
        "hid",
        "queued",
        "talked",
        "negotiated",
        "played",
        "fought",
        "worked",
        "lingered",
        "persisted",
        "lived",
        "served",
        "camped",
        "sheltered",
        "searched",
        "partied",
        "danced",
        "stood",
        "held",
        "kept",
        "detained",
        "trapped",
        "stuck",
        "went",
    ];
    const NEGATED_PAST: &[&str] = &["didn't", "wasn't", "weren't", "hadn't", "not", "never"];
    let clause: Vec<&str> = clause.collect();
    let mut previous_not = false;
    for (k, &w) in clause.iter().enumerate() {
        // A modal, "to" or a schedule between the verb and "until" looks ahead: "will
        // continue until Saturday", "whether to wait until Monday", "was not expected until".
        if matches!(
            w,
            "will"
                | "would"
                | "shall"
                | "should"
                | "could"
                | "can"
                | "may"
                | "might"
                | "must"
                | "to"
                | "expected"
                | "due"
                | "scheduled"
                | "set"
                | "slated"
                | "likely"
                | "planned"
                | "poised"
        ) {
            return Lean::Future;
        }
        // Not a participle after "be" or a present "are": "will be held until Sunday", "we
        // are stuck here until Monday".
        if LASTING.contains(&w)
            && !clause.get(k + 1).is_some_and(|b| {
                matches!(
                    *b,
                    "be" | "been" | "being" | "to" | "is" | "are" | "am" | "get" | "gets"
                )
            })
        {
            return Lean::Past;
        }
        // "did not ... until", "was not until": the word before the negation says its tense.
        if previous_not && matches!(w, "did" | "was" | "were" | "had") {
            return Lean::Past;
        }
        if matches!(w, "didn't" | "wasn't" | "weren't" | "hadn't") {
            return Lean::Past;
        }
        previous_not = NEGATED_PAST.contains(&w);
    }
    Lean::Future
}

/// Whether "in" at `start` gives the time a count took rather than a day ahead: "five matches in
/// 15 days", "3 goals in 10 minutes", a number and a plural noun right before it.
fn counted_within(text: &str, start: usize) -> bool {
    let mut words = text[..start].split_whitespace().rev();
    let (Some(noun), Some(count)) = (words.next(), words.next()) else {
        return false;
    };
    // "name the 12 finalists in two weeks": a count with a determiner is a group named, and
    // the time is ahead.
    let determined = words.next().is_some_and(|w| {
        ["the", "these", "those", "its", "their", "his", "her", "our"]
            .iter()
            .any(|d| w.eq_ignore_ascii_case(d))
    });
    !determined
        && noun.len() > 2
        && noun.ends_with('s')
        && noun.bytes().all(|b| b.is_ascii_lowercase())
        && (count.bytes().all(|b| b.is_ascii_digit() || b == b',')
            || lexicon::small_number(count).is_some())
}

/// The verbs of a schedule before "on" or "for" ("set to take place on", "was due on").
const SCHEDULING_VERBS: &[&str] = &["scheduled", "slated", "set", "planned", "due"];

/// Whether the schedule before `start` is told in the past: "was due on", "were scheduled for",
/// where the date may be behind the publication, as "is due on" is not.
fn scheduled_in_the_past(text: &str, start: usize) -> bool {
    let (_, before) = window_before(text, start);
    let words = before
        .split(|c: char| !c.is_ascii_alphabetic())
        .rev()
        .filter(|w| !w.is_empty());
    let mut previous_was_verb = false;
    for w in words.take(8) {
        // "was originally scheduled for", "had been scheduled for".
        if previous_was_verb
            && ["originally", "initially", "first", "been"]
                .iter()
                .any(|x| w.eq_ignore_ascii_case(x))
        {
            continue;
        }
        if previous_was_verb {
            return ["was", "were", "had"]
                .iter()
                .any(|x| w.eq_ignore_ascii_case(x));
        }
        previous_was_verb = SCHEDULING_VERBS.iter().any(|x| w.eq_ignore_ascii_case(x));
    }
    false
}

/// Whether the sentence around a date looks back or ahead: the nearest tense cue before the date,
/// else the nearest after it. "until" and "scheduled for" look ahead (unless told in the past,
/// "was scheduled for"), "since" looks back.
fn lean(text: &str, sentence: Span, span: Span, relation: Option<Relation>) -> Lean {
    match relation {
        Some(Relation::Until) => return until_lean(text, span.start),
        Some(Relation::ScheduledFor) if !scheduled_in_the_past(text, span.start) => {
            return Lean::Future;
        }
        Some(Relation::Since) => return Lean::Past,
        Some(Relation::On) if until_a_time_on(text, span.start) => {
            return until_lean(text, span.start);
        }
        _ => {}
    }
    // Tense cues are read near the date.
    let Span {
        start: from,
        end: to,
    } = crate::sentences::window(text, sentence, span, 400);
    // The words are the runs of ASCII letters of `from..to` (a run cut at either end is a word
    // there). The nearest cue wins, so they are read outwards from the date: back from it, then
    // on after it, each with the word before it (which a cue such as "to" depends on). They are
    // read one at a time, as most dates have a cue a few words away: collecting the window's
    // words first cost 1.5% of the instructions of extracting a news text.
    let bytes = text.as_bytes();
    let letter = |i: usize| bytes[i].is_ascii_alphabetic();
    let word_before = |end: usize| {
        let mut e = end;
        while e > from && !letter(e - 1) {
            e -= 1;
        }
        let mut s = e;
        while s > from && letter(s - 1) {
            s -= 1;
        }
        (s < e).then_some((s, e))
    };
    let word_after = |start: usize| {
        let mut s = start;
        while s < to && !letter(s) {
            s += 1;
        }
        let mut e = s;
        while e < to && letter(e) {
            e += 1;
        }
        (s < e).then_some((s, e))
    };
    let cue = |(s, e): (usize, usize), previous: Option<(usize, usize)>| {
        lexicon::tense_of(&text[s..e], previous.map_or("", |(a, b)| &text[a..b]))
    };
    // Back from the date, over the words that end before it starts: not one running into it.
    let mut limit = span.start;
    if limit > from && letter(limit) && letter(limit - 1) {
        while limit > from && letter(limit - 1) {
            limit -= 1;
        }
    }
    // A fixture's verb in a relative clause ("Bradford, who play in League Two, beat Leeds on
    // Saturday") tells the date's tense only inside that clause: not across a comma.
    let outside_clause = |(s, e): (usize, usize), previous: Option<(usize, usize)>| {
        previous.is_some_and(|(a, b)| {
            matches!(text[a..b].to_ascii_lowercase().as_str(), "who" | "which")
        }) && {
            let (lo, hi) = if e <= span.start {
                (e, span.start)
            } else {
                (span.end, s)
            };
            text[lo..hi].contains(',')
        }
    };
    let mut word = word_before(limit);
    while let Some(w) = word {
        let previous = word_before(w.0);
        if let Some(lean) = cue(w, previous)
            && !outside_clause(w, previous)
        {
            return lean;
        }
        word = previous;
    }
    // On after it, over the words that start after it ends: not one running out of it, whose
    // letters are still the word before the first.
    let mut at = span.end;
    if at < to && letter(at) && letter(at - 1) {
        while at < to && letter(at) {
            at += 1;
        }
    }
    let mut word = word_after(at);
    let mut previous = word.and_then(|(s, _)| word_before(s));
    while let Some(w) = word {
        if let Some(lean) = cue(w, previous)
            && !outside_clause(w, previous)
        {
            return lean;
        }
        previous = word;
        word = word_after(w.1);
    }
    Lean::Neutral
}

/// The value a candidate takes once the publication date fixes what the text leaves open.
struct Resolved {
    date: Option<CalendarDate>,
    source: YearSource,
    note: Option<String>,
}

/// `strict`: a month alone cannot be on the side the sentence does not lean to ("since
/// December"); a day keeps its usual weighing.
fn resolve(value: Value, published: Option<Date>, lean: Lean, strict: bool) -> Resolved {
    let fixed = |date| Resolved {
        date: Some(date),
        source: YearSource::Text,
        note: None,
    };
    match value {
        Value::Fixed(date) => return fixed(date),
        Value::NoSuchDay { month, day, year } => {
            return Resolved {
                date: None,
                source: if year.is_some() {
                    YearSource::Text
                } else {
                    YearSource::Unknown
                },
                note: Some(no_such_day_note(month, day, year)),
            };
        }
        Value::NthWeekday {
            nth,
            day,
            month: MonthRef::Stated { year, month },
        } => {
            if let Some(date) = nth_weekday(CalendarDate::month(year, month), nth, day) {
                return fixed(date);
            }
        }
        Value::ShortYear(yy) => {
            return fixed(CalendarDate::year(anchor::two_digit_year(yy, published)));
        }
        Value::DayMonthShortYear { month, day, yy } => {
            if let Some(date) = CalendarDate::day(anchor::two_digit_year(yy, published), month, day)
            {
                return fixed(date);
            }
        }
        Value::LastDay(MonthRef::Stated { year, month }) => {
            if let Some(date) = last_day(CalendarDate::month(year, month)) {
                return fixed(date);
            }
        }
        Value::Holiday {
            rule,
            year: HolidayYear::Stated(year),
        } => {
            if let Some(date) = rule.in_year(year) {
                return fixed(CalendarDate::from_civil(date));
            }
        }
        _ => {}
    }
    let Some(p) = published else {
        return Resolved {
            date: None,
            source: YearSource::Unknown,
            note: Some(NO_ANCHOR.into()),
        };
    };
    let date = match value {
        Value::Fixed(date) => Some(date),
        // Returned above, with its note.
        Value::NoSuchDay { .. } => None,
        Value::ShortYear(yy) => Some(CalendarDate::year(anchor::two_digit_year(yy, Some(p)))),
        Value::MonthDay { month, day } => anchor::month_day(p, month, day, lean),
        Value::Month { month, shift } => match shift {
            MonthShift::Nearest => anchor::month(p, month, lean, strict),
            MonthShift::Last => {
                let year = if month < p.month() {
                    p.year()
                } else {
                    p.year() - 1
                };
                Some(CalendarDate::month(year, month))
            }
            MonthShift::Next => {
                let year = if month > p.month() {
                    p.year()
                } else {
                    p.year() + 1
                };
                Some(CalendarDate::month(year, month))
            }
            MonthShift::InYear(k) => i16::try_from(k)
                .ok()
                .map(|k| CalendarDate::month(p.year() + k, month)),
        },
        Value::Weekday { day, occurrence } => {
            anchor::weekday(p, day, occurrence, lean).map(CalendarDate::from_civil)
        }
        Value::Days(n) => anchor::add_days(p, n).map(CalendarDate::from_civil),
        Value::DayOfMonth(d) => anchor::day_of_month(p, d, lean),
        Value::NthWeekday { nth, day, month } => {
            let month = match month {
                MonthRef::Stated { year, month } => Some(CalendarDate::month(year, month)),
                MonthRef::Named(m) => anchor::month(p, m, lean, strict),
                MonthRef::Shifted(n) => anchor::shift_month(p, n),
            };
            month.and_then(|m| nth_weekday(m, nth, day))
        }
        Value::WeekdayInWeek { day, weeks } => {
            anchor::weekday_in_week(p, day, weeks).map(CalendarDate::from_civil)
        }
        Value::ReportDay => {
            return Resolved {
                date: Some(CalendarDate::from_civil(p)),
                source: YearSource::Publication,
                note: Some("the day reported on, taken as the publication date".into()),
            };
        }
        Value::Months(n) => anchor::shift_month(p, n),
        Value::DayOfShiftedMonth { day, months } => {
            anchor::shift_month(p, months).and_then(|m| CalendarDate::day(m.year, m.month?, day))
        }
        Value::Holiday { rule, year } => anchor::holiday(p, rule, year, lean),
        Value::SamePeriodYearBefore => Some(CalendarDate::year(p.year() - 1)),
        Value::DayMonthShortYear { month, day, yy } => {
            CalendarDate::day(anchor::two_digit_year(yy, Some(p)), month, day)
        }
        Value::LastDay(month) => match month {
            MonthRef::Stated { year, month } => Some(CalendarDate::month(year, month)),
            MonthRef::Named(m) => anchor::month(p, m, lean, strict),
            MonthRef::Shifted(n) => anchor::shift_month(p, n),
        }
        .and_then(last_day),
        Value::Years(n) => i16::try_from(n)
            .ok()
            .map(|n| CalendarDate::year(p.year() + n)),
        Value::Weeks(n) => {
            let monday = anchor::add_days(
                p,
                i64::from(n) * 7 - i64::from(p.weekday().to_monday_zero_offset()),
            );
            let note = monday.and_then(|m| {
                let sunday = anchor::add_days(m, 6)?;
                Some(format!(
                    "the week of {m} to {sunday}, which has no single day"
                ))
            });
            return Resolved {
                date: None,
                source: YearSource::Publication,
                note,
            };
        }
    };
    match date {
        Some(d) => Resolved {
            date: Some(d),
            source: YearSource::Publication,
            note: None,
        },
        None => Resolved {
            date: None,
            source: YearSource::Unknown,
            note: Some("the date does not exist near the publication date".into()),
        },
    }
}

/// Why a day its month lacks cannot be: "February has no 30th day", "2023 was not a leap year,
/// so February had no 29th day".
fn no_such_day_note(month: i8, day: i8, year: Option<i16>) -> String {
    let name = claimcheck_core::month_name(month);
    match year {
        Some(y) if month == 2 && day == 29 => {
            format!("{y} was not a leap year, so February {y} had no 29th day")
        }
        _ => format!(
            "{name} has no {day}{} day",
            if day % 10 == 1 && day != 11 {
                "st"
            } else {
                "th"
            }
        ),
    }
}

/// The last day of a month.
fn last_day(month: CalendarDate) -> Option<CalendarDate> {
    let first = Date::new(month.year, month.month?, 1).ok()?;
    Some(CalendarDate::from_civil(first.last_of_month()))
}

/// The nth weekday of a month (-1 for the last), when the month has one.
fn nth_weekday(month: CalendarDate, nth: i8, day: Weekday) -> Option<CalendarDate> {
    let first = Date::new(month.year, month.month?, 1).ok()?;
    first
        .nth_weekday_of_month(nth, day)
        .ok()
        .map(CalendarDate::from_civil)
}

fn build_claim(
    text: &str,
    lower: &str,
    sentence: Span,
    c: &Candidate,
    published: Option<Date>,
) -> Option<Claim> {
    let relation = relation(lower, c.span.start);
    let lean = lean(text, sentence, c.span, relation);
    if c.ahead_only && lean != Lean::Future {
        return None;
    }
    let resolved = resolve(c.value, published, lean, relation == Some(Relation::Since));
    let details = DateDetails {
        date: resolved.date,
        precision: resolved.date.map_or(c.value.precision(), |d| d.precision()),
        weekday: c.weekday.map(|d| lexicon::weekday_name(d).into()),
        relation,
        event: None,
        part: c.part.map(str::to_string),
        year_source: resolved.source,
        note: resolved.note,
        no_such_day: matches!(c.value, Value::NoSuchDay { .. }),
    };
    Some(Claim::new(text, c.span, Details::Date(details)))
}

fn candidate(span: Span, value: Value) -> Candidate {
    Candidate {
        span,
        value,
        weekday: None,
        part: None,
        ahead_only: false,
    }
}

/// The span of a named group that the pattern always captures.
fn group(caps: &Captures<'_, '_>, name: &str) -> Span {
    let m = if name == "0" {
        caps.get(0)
    } else {
        caps.name(name)
    };
    m.map_or(Span::new(0, 0), |m| Span::new(m.start(), m.end()))
}

fn group_str<'t>(text: &'t str, caps: &Captures<'_, '_>, name: &str) -> &'t str {
    let s = group(caps, name);
    &text[s.start..s.end]
}

/// The end of a month word, taking in the point of an abbreviation ("Sept.") but not a full
/// stop after a full name.
fn month_word_end(text: &str, start: usize, end: usize) -> usize {
    if lexicon::is_abbreviation(&text[start..end]) && next_char(text, end) == Some('.') {
        end + 1
    } else {
        end
    }
}

/// Whether a point follows the month word at `month` and, the word being a full name rather
/// than an abbreviation ("Sept."), ends the sentence there: a pattern that reads on past it
/// joins the next sentence's number or "last year" to this one's month.
fn point_ends_sentence(text: &str, month: Span) -> bool {
    next_char(text, month.end) == Some('.')
        && !lexicon::is_abbreviation(&text[month.start..month.end])
}

fn next_char(text: &str, pos: usize) -> Option<char> {
    text[pos..].chars().next()
}

/// The word after `pos`, skipping spaces: letters only, so "people," gives "people".
fn next_word(text: &str, pos: usize) -> &str {
    let rest = text[pos..].trim_start();
    let end = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    &rest[..end]
}

/// The last word of `before`, letters only.
fn last_word(before: &str) -> &str {
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    &before[start..]
}

/// Every pattern of the date reader, for the table of prebuilt automata (`tier/automata.rs`).
#[cfg(test)]
pub(crate) fn tiered_patterns() -> Vec<&'static Tiered> {
    PATTERNS
        .iter()
        .map(|(_, p)| &p.regex)
        .chain([&PREFIX_WEEKDAY, &PREFIX_PART, &PREFIX_SCHEDULED])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::GateTally;

    /// The hand readers of the relative patterns against the patterns' searches, as below.
    #[test]
    fn relative_readers_match_their_patterns() {
        const PIECES: &[&str] = &[
            "today",
            "Today",
            "tomorrow",
            "tonight",
            "yesterday",
            "todays",
            "the",
            "The",
            "day",
            "days",
            "before",
            "after",
            "late",
            "later",
            "in",
            "ended",
            "for",
            "weekend",
            "end",
            "this",
            "last",
            "next",
            "previous",
            "current",
            "last friday",
            "next march",
            "this coming sunday",
            "previous june",
            "the same month a year ago",
            "the same",
            " period",
            " quarter",
            "of the prior year",
            "the year before",
            "a year earlier",
            "a third straight day",
            "a 3rd consecutive",
            " trading day",
            "12th",
            "22nd",
            "successive",
            "coming",
            "calendar",
            "week",
            "month",
            "year",
            "yr",
            "yrs",
            "to",
            "date",
            "dates",
            "lathe",
            " the day ",
            " the year ",
            " in the ",
            "the day after ",
            "the current ",
            " the year-to-date",
            "the year to date ",
            "the year\u{a0}to-date.",
            "ago",
            "agony",
            "chicago",
            "hence",
            "from",
            "now",
            "nowhere",
            "fortnight",
            "fortnights",
            "time",
            "'",
            "\u{2019}",
            "timer",
            "daytime",
            "two",
            "a",
            "an",
            "twelve",
            "1",
            "12",
            "123",
            "1234",
            "in two days",
            " a week ",
            "three years ",
            " ago",
            " ago ",
            " hence",
            " from now",
            " after tomorrow",
            " before yesterday",
            "two days ",
            "ended the day",
            " for the day",
            "late in the day",
            "friday",
            "March",
            "may",
            " this past ",
            " this coming ",
            "following",
            "end of ",
            "beginning of the current ",
            "middle of the month",
            "month",
            "current",
        ];
        on_generated_texts(0xbb67_ae85_84ca_a73b, PIECES, (200, 30), |_, triggers| {
            let days = read_at(triggers, RELATIVE_DAYS, relative::relative_days);
            check_reader("RELATIVE_DAY", &days, &RELATIVE_DAY, triggers, relative_day);
            let report = read_at(triggers, WEEKDAY_END, relative::report_days);
            check_reader("REPORT_DAY", &report, &REPORT_DAY, triggers, report_day);
            let units = read_at(triggers, RELATIVE_UNITS, relative::relative_units);
            check_reader(
                "RELATIVE_UNIT",
                &units,
                &RELATIVE_UNIT,
                triggers,
                relative_unit,
            );
            let ago = read_at(triggers, AGO_WORD, counted::ago);
            check_reader("AGO", &ago, &AGO, triggers, counted_match);
            let in_time = read_at(triggers, TIME_UNITS, counted::in_time);
            check_reader("IN_TIME", &in_time, &IN_TIME, triggers, counted_match);
            let from_base = read_at(triggers, TIME_UNITS, counted::from_base);
            check_reader("FROM_BASE", &from_base, &FROM_BASE, triggers, counted_match);
            let edges = read_at(triggers, RELATIVE_UNITS, relative::period_edges);
            check_reader("PERIOD_EDGE", &edges, &PERIOD_EDGE, triggers, period_edge);
            let lower = triggers.haystack();
            let months = read_at(triggers, MONTHS, spelled::month_words);
            let mut names = spelled::full_months(lower, &months);
            names.extend(read_at(triggers, WEEKDAY_END, alone::weekdays));
            names.sort_unstable_by_key(|n| n.start);
            let shifted = relative::shifted(lower, &names);
            check_reader("SHIFTED", &shifted, &SHIFTED, triggers, shifted_match);
            let same = read_at(triggers, SAME_WORD, relative::same_periods);
            check_found("SAME_PERIOD", &same, &SAME_PERIOD, triggers);
            let consecutive = read_at(triggers, CONSECUTIVE_WORDS, relative::consecutive_days);
            check_found("CONSECUTIVE_DAY", &consecutive, &CONSECUTIVE_DAY, triggers);
            [
                days.len(),
                report.len(),
                units.len(),
                ago.len(),
                in_time.len(),
                from_base.len(),
                edges.len(),
                shifted.len(),
                same.len(),
                consecutive.len(),
            ]
        });
    }

    /// The readers of "the last day of March 2019" and "Tuesday the nineteenth" against their
    /// patterns' searches, as above.
    #[test]
    fn last_day_and_word_day_readers_match_their_patterns() {
        const PIECES: &[&str] = &[
            "the",
            "The",
            "last",
            "Last",
            "day",
            "days",
            "of",
            "in",
            "on",
            "may",
            "March",
            "sept",
            "sept.",
            "mayor",
            "2019",
            "1499",
            ",",
            ", 2020",
            " ,2020",
            "the last day of",
            "last day in",
            "bathe",
            "atlast",
            "monday",
            "Tuesday",
            "sundays",
            "monday,",
            "first",
            "nineteenth",
            "Twentieth",
            "thirtieth",
            "twenty",
            "thirty",
            "twenty-first",
            "thirty first",
            "twentyfirst",
            "twenty\u{a0}second",
            "thirtyninth",
            "firsts",
            "fourteenth",
            "the fourth",
            "friday the",
            "the last day of may",
            "last day in March 2019",
            "last  day of sept.",
            "the\nlast day of dec, 1999",
            "monday the first",
            "Tuesday, the twenty-first",
            "sunday the thirty",
            "friday,  the ",
        ];
        on_generated_texts(
            0x9b05_688c_2b3e_6c1f,
            PIECES,
            (200, 30),
            |lower, triggers| {
                let months = read_at(triggers, MONTHS, spelled::month_words);
                let last_days = spelled::last_days(lower, &months);
                check_reader("LAST_DAY", &last_days, &LAST_DAY, triggers, last_day_match);
                let weekdays = read_at(triggers, WEEKDAY_END, alone::weekdays);
                let word_days = alone::weekday_word_days(lower, &weekdays);
                check_reader(
                    "WEEKDAY_WORD_DAY",
                    &word_days,
                    &WEEKDAY_WORD_DAY,
                    triggers,
                    weekday_word_day,
                );
                [last_days.len(), word_days.len()]
            },
        );
    }

    /// The holiday reader against the pattern's search, on short texts (read whole) and on
    /// texts past [`HOLIDAY_STRETCHES_FROM`] (searched in stretches).
    #[test]
    fn holiday_reader_matches_its_pattern() {
        let mut pieces: Vec<&str> = vec![
            "christmas",
            "xmas",
            "christmas eve",
            "new year's day",
            "new years day",
            "new year day",
            "new year\u{2019}s day",
            "new  year's\u{a0}day",
            "st. patrick's day",
            "st patricks day",
            "april fools' day",
            "april fool\u{2019}s day",
            "april fools day",
            "hallowe'en",
            "halloweens",
            "martin luther king jr. day",
            "mlk day",
            "mlk jr day",
            "easter",
            "eastern",
            "easter monday",
            "easter mon",
            "good friday",
            "black friday",
            "mother's day",
            "father\u{2019}s day",
            "may day",
            "day",
            "days",
            "s",
            "last",
            "next",
            "this",
            "coming",
            "past",
            "previous",
            "following",
            "this coming",
            "this past",
            "of",
            "in",
            "of next year",
            "in 2019",
            ", 2020",
            "2021",
            "next year",
            "year",
            "years",
            "Christmas",
            "Easter",
            "saint valentine's day",
            "all saints' day",
            "guy fawkes night",
            "international workers\u{2019} day",
            "ash wednesday",
            "mardi gras",
            "whitsunday",
            "saint  patricks day",
        ];
        pieces.extend([
            " ", " ", " ", "  ", "\n", "\u{a0}", "'", "\u{2019}", ".", ",", "-", "x",
        ]);
        let mut picks = crate::testing::Picks::new(0x3c6e_f372_fe94_f82b);
        let mut found = [0usize; 2];
        for i in 0..3_300 {
            let long = i % 11 == 0;
            let text = picks.text(&pieces, if long { 900 } else { 30 });
            let lower = text.to_ascii_lowercase();
            let triggers = triggers(&text, &lower);
            let read = read_at(&triggers, holiday::lead_words()[0], festive::holidays);
            check_reader("HOLIDAY", &read, &HOLIDAY, &triggers, festive_match);
            found[usize::from(text.len() >= HOLIDAY_STRETCHES_FROM)] += read.len();
        }
        assert!(
            found.iter().all(|&n| n > 200),
            "matches short and long: {found:?}"
        );
    }

    /// Runs `check` (given the lowercased text and its triggers) on 12,000 texts of `pieces`
    /// picked from `seed`, every third of `long` pieces and the others of `short`, and asserts
    /// that each reader it counts met enough matches for the comparison to mean something.
    fn on_generated_texts<const N: usize>(
        seed: u64,
        pieces: &[&str],
        (long, short): (usize, usize),
        check: impl Fn(&str, &Triggers<'_>) -> [usize; N],
    ) {
        // White space of both kinds (three of the plain space), and the marks and bytes that
        // end a word or a number.
        const JOINERS: &[&str] = &[
            " ", " ", " ", "  ", "\n", "\u{a0}", "\u{2009}", "\u{1c}", "-", ".", ",", "/", "x",
            "_", "é",
        ];
        let pieces = [pieces, JOINERS].concat();
        let mut picks = crate::testing::Picks::new(seed);
        let mut counts = [0usize; N];
        for i in 0..12_000 {
            let text = picks.text(&pieces, if i % 3 == 0 { long } else { short });
            let lower = text.to_ascii_lowercase();
            for (count, n) in counts
                .iter_mut()
                .zip(check(&lower, &triggers(&text, &lower)))
            {
                *count += n;
            }
        }
        assert!(
            counts.iter().all(|&n| n > 200),
            "matches by reader: {counts:?}"
        );
    }

    /// The hand readers of the month patterns and of the years and weekdays alone against the
    /// patterns' searches, over generated texts of the pieces their rules turn on (white space
    /// of both kinds, points, commas, hyphens, slashes, "the", "of", "day", ordinals, years,
    /// words around a month or a weekday), short ones from places found by `read_at` and long
    /// ones from the trigger pass. A release build runs this comparison only here.
    #[test]
    fn hand_readers_match_their_patterns() {
        const PIECES: &[&str] = &[
            "may",
            "May",
            "june",
            "jun",
            "sept",
            "Sept",
            "september",
            "sep",
            "dec",
            "march",
            "mar",
            "marchx",
            "mayor",
            "_may",
            "may_",
            "1",
            "2",
            "3",
            "0",
            "05",
            "12",
            "21",
            "30",
            "31",
            "32",
            "2019",
            "1999",
            "1499",
            "1500",
            "2099",
            "2100",
            "20155",
            "st",
            "nd",
            "rd",
            "th",
            "the",
            "of",
            "day",
            "days",
            "today",
            "monday",
            "Tuesday",
            "wednesday",
            "saturdays",
            "sun",
            "friday_",
            "next",
            "last",
            "this",
            "previous",
            "year",
            "years",
            "9",
            " 2019",
            ", 1999",
            " of 2020",
            " last year",
            " the previous year",
            " next  year",
            "may ",
            "oct. ",
            " sunday ",
            "123",
            "7.5",
            "3/4",
            " / ",
            "1.2.",
            "2024-03-06",
            "1999/12/3",
            "2019.1.123",
            "2020-",
            "'",
            "\u{2019}",
            "\u{2018}",
            "`",
            "'82",
            " since \u{2019}09",
            "2015-03",
            "2014/10",
            "2019/1",
            "12/2015",
            "2-2013",
            "20161016",
            "19991231",
            "31-oct-74",
            "5-may-19",
            "monday",
            ", the 19th",
            " 3rd",
            "tuesday the 1st",
        ];
        on_generated_texts(
            0x6a09_e667_f3bc_c908,
            PIECES,
            (300, 40),
            |lower, triggers| {
                let months = read_at(triggers, MONTHS, spelled::month_words);
                let month_days = spelled::month_days(lower, &months);
                check_reader("MONTH_DAY", &month_days, &MONTH_DAY, triggers, day_match);
                let day_months = spelled::day_months(lower, &months);
                check_reader("DAY_MONTH", &day_months, &DAY_MONTH, triggers, day_match);
                let month_years = spelled::month_years(lower, &months);
                check_reader(
                    "MONTH_YEAR",
                    &month_years,
                    &MONTH_YEAR,
                    triggers,
                    year_match,
                );
                let full_months = spelled::full_months(lower, &months);
                check_found("MONTH_BARE", &full_months, &MONTH_BARE, triggers);
                let years = read_at(triggers, CENTURIES, alone::years);
                check_found("YEAR_ALONE", &years, &YEAR_ALONE, triggers);
                let weekdays = read_at(triggers, WEEKDAY_END, alone::weekdays);
                check_found("WEEKDAY_ALONE", &weekdays, &WEEKDAY_ALONE, triggers);
                let numeric = numeric::numeric_dates(lower);
                check_reader("NUMERIC", &numeric, &NUMERIC, triggers, numeric_match);
                let iso = read_at(triggers, CENTURIES, numeric::iso_dates);
                check_reader("ISO", &iso, &ISO, triggers, iso_match);
                let short_years = read_at(triggers, QUOTES, numeric::short_years);
                check_reader(
                    "SHORT_YEAR",
                    &short_years,
                    &SHORT_YEAR,
                    triggers,
                    short_year,
                );
                let year_months = read_at(triggers, CENTURIES, numeric::year_months);
                check_reader(
                    "YEAR_MONTH",
                    &year_months,
                    &YEAR_MONTH,
                    triggers,
                    year_and_month,
                );
                let slash = read_at(triggers, CENTURIES, numeric::month_slash_years);
                check_reader(
                    "MONTH_SLASH_YEAR",
                    &slash,
                    &MONTH_SLASH_YEAR,
                    triggers,
                    year_and_month,
                );
                let compacts = read_at(triggers, CENTURIES, numeric::compacts);
                check_reader("COMPACT", &compacts, &COMPACT, triggers, compact_match);
                let short_days = spelled::short_year_days(lower, &months);
                check_reader(
                    "DAY_MONTH_SHORT_YEAR",
                    &short_days,
                    &DAY_MONTH_SHORT_YEAR,
                    triggers,
                    short_year_day,
                );
                let ordinals = alone::weekday_ordinals(lower, &weekdays);
                check_reader(
                    "WEEKDAY_ORDINAL",
                    &ordinals,
                    &WEEKDAY_ORDINAL,
                    triggers,
                    weekday_ordinal,
                );
                [
                    month_days.len(),
                    day_months.len(),
                    month_years.len(),
                    full_months.len(),
                    years.len(),
                    weekdays.len(),
                    numeric.len(),
                    iso.len(),
                    short_years.len(),
                    year_months.len(),
                    slash.len(),
                    compacts.len(),
                    short_days.len(),
                    ordinals.len(),
                ]
            },
        );
    }

    /// `lean` as it was first written, from every word of its window collected by a regex:
    /// the oracle for reading the words one at a time.
    fn lean_from_all_words(text: &str, sentence: Span, span: Span) -> Lean {
        let Span {
            start: from,
            end: to,
        } = crate::sentences::window(text, sentence, span, 400);
        let words: Vec<(usize, &str)> = regex::Regex::new("[A-Za-z]+")
            .expect("a valid pattern")
            .find_iter(&text[from..to])
            .map(|m| (from + m.start(), m.as_str()))
            .collect();
        let cue_at = |k: usize| {
            let previous = k.checked_sub(1).map_or("", |p| words[p].1);
            lexicon::tense_of(words[k].1, previous)
        };
        let ended = words.partition_point(|&(start, word)| start + word.len() <= span.start);
        let after = words.partition_point(|&(start, _)| start < span.end);
        (0..ended)
            .rev()
            .find_map(cue_at)
            .or_else(|| (after..words.len()).find_map(cue_at))
            .unwrap_or(Lean::Neutral)
    }

    #[test]
    fn lean_reads_the_words_every_word_of_the_window_gives() {
        // Cues, words that are none, words glued to the date and text that is no word, in
        // texts and windows short enough that the reach of 400 bytes cuts words too.
        let pieces = [
            "will", "was", "to", "set", "due", "said", "may", "next", "Mar", "5", " ", ", ",
            "\u{e9}", "x", "ed", "-",
        ];
        let mut picks = crate::testing::Picks::new(0x2545_f491_4f6c_dd1d);
        let mut next = |n: usize| picks.below(n);
        let mut leans = [0; 3];
        for round in 0..20_000 {
            let count = if round % 50 == 0 { 400 } else { 1 + next(14) };
            let text: String = (0..count).map(|_| pieces[next(pieces.len())]).collect();
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            let mut pick = || bounds[next(bounds.len())];
            let (a, b) = (pick(), pick());
            if a == b {
                continue;
            }
            let span = Span::new(a.min(b), a.max(b));
            let sentence = Span::new(pick().min(span.start), pick().max(span.end));
            let expected = lean_from_all_words(&text, sentence, span);
            leans[expected as usize] += 1;
            assert_eq!(
                lean(&text, sentence, span, None),
                expected,
                "{text:?} {span:?} {sentence:?}"
            );
        }
        // Every outcome was met, so the comparison could tell them apart.
        assert!(leans.iter().all(|&n| n > 100), "{leans:?}");
    }

    /// Checks the date claims of `text` against `expected`: one `(span text, ISO value or None,
    /// extras)` per claim, in order, where extras lists `key=value` pairs among `weekday`,
    /// `relation`, `part`, `source` and `precision` that must match.
    fn check(text: &str, published: Option<&str>, expected: &[(&str, Option<&str>, &str)]) {
        let published = published.map(|p| p.parse::<Date>().expect("test dates are valid"));
        let claims = extract_dates(text, published);
        let got: Vec<(String, Option<String>)> = claims
            .iter()
            .map(|c| match &*c.details {
                Details::Date(d) => (c.text.clone(), d.date.map(|d| d.to_string())),
                other => panic!("not a date: {other:?}"),
            })
            .collect();
        let want: Vec<(String, Option<String>)> = expected
            .iter()
            .map(|(s, d, _)| ((*s).to_string(), d.map(str::to_string)))
            .collect();
        assert_eq!(got, want, "in {text:?}");
        for (claim, (_, _, extras)) in claims.iter().zip(expected) {
            let Details::Date(d) = &*claim.details else {
                unreachable!()
            };
            let json = serde_json::to_value(d).expect("details serialise");
            for pair in extras.split_whitespace() {
                let (key, value) = pair.split_once('=').expect("extras are key=value");
                let key = if key == "source" { "year_source" } else { key };
                let value = value.replace('~', " ");
                assert_eq!(
                    json.get(key).and_then(|v| v.as_str()),
                    Some(value.as_str()),
                    "{key} of {:?} in {text:?}: {json}",
                    claim.text
                );
            }
        }
    }

    #[test]
    fn a_day_its_month_lacks_is_a_date_that_cannot_be() {
        let p = Some("2024-03-01");
        check(
            "He died on 30 February 2020, it said; the bill passed on 31 April.",
            p,
            &[
                (
                    "30 February 2020",
                    None,
                    "source=text note=February~has~no~30th~day",
                ),
                (
                    "31 April",
                    None,
                    "source=unknown note=April~has~no~31st~day",
                ),
            ],
        );
        check(
            "Voting ended on February 29, 2023, and again on 29 February.",
            p,
            &[
                (
                    "February 29, 2023",
                    None,
                    "note=2023~was~not~a~leap~year,~so~February~2023~had~no~29th~day",
                ),
                ("29 February", Some("2024-02-29"), ""),
            ],
        );
        // After the month with no year the number may count: no date of a day.
        check(
            "In February 30 were arrested.",
            p,
            &[("February", Some("2024-02"), "")],
        );
        let claims = extract_dates("It fell on 31 June 2021.", None);
        let Details::Date(d) = &*claims[0].details else {
            panic!("{claims:?}");
        };
        assert!(d.no_such_day, "{claims:?}");
        let claims = extract_dates("It fell on 30 June 2021.", None);
        let Details::Date(d) = &*claims[0].details else {
            panic!("{claims:?}");
        };
        assert!(!d.no_such_day && d.date.is_some(), "{claims:?}");
    }

    #[test]
    fn spreads_a_month_and_year_across_ranges_and_lists() {
        let p = Some("2024-02-01");
        check(
            "The festival ran from 4 to 6 March 2023 in Lyon.",
            p,
            &[
                ("4", Some("2023-03-04"), "source=text"),
                ("6 March 2023", Some("2023-03-06"), "source=text"),
            ],
        );
        check(
            "Talks were held on 4\u{2013}6 March 2023 and 10-12 April.",
            p,
            &[
                ("4", Some("2023-03-04"), "relation=on"),
                ("6 March 2023", Some("2023-03-06"), ""),
                ("10", Some("2024-04-10"), ""),
                ("12 April", Some("2024-04-12"), ""),
            ],
        );
        // A weekday before the first day is that day's, checked against the calendar, not a
        // weekday near the publication date.
        check(
            "The talks run from Monday 4 to Wednesday 6 March.",
            p,
            &[
                ("Monday 4", Some("2024-03-04"), "weekday=monday"),
                ("Wednesday 6 March", Some("2024-03-06"), "weekday=wednesday"),
            ],
        );
        check(
            "Polls open on Tuesday 5 and Wednesday 6 March 2024.",
            p,
            &[
                ("Tuesday 5", Some("2024-03-05"), "weekday=tuesday"),
                ("Wednesday 6 March 2024", Some("2024-03-06"), ""),
            ],
        );
        check(
            "Voting is on 3, 4, and 5 March, or between 9 and 11 March.",
            p,
            &[
                ("3", Some("2024-03-03"), ""),
                ("4", Some("2024-03-04"), ""),
                ("5 March", Some("2024-03-05"), ""),
                ("9", Some("2024-03-09"), ""),
                ("11 March", Some("2024-03-11"), ""),
            ],
        );
        check(
            "The festival runs from Friday 13th to Sunday 15th September 2024.",
            Some("2024-07-01"),
            &[
                (
                    "Friday 13th",
                    Some("2024-09-13"),
                    "weekday=friday source=text",
                ),
                ("Sunday 15th September 2024", Some("2024-09-15"), ""),
            ],
        );
        // After the month: the year that follows the last day is both days'.
        check(
            "The summit, on March 4-6, 2023, drew leaders.",
            p,
            &[
                ("March 4", Some("2023-03-04"), "source=text"),
                ("6, 2023", Some("2023-03-06"), "source=text"),
            ],
        );
        check(
            "It was held on March 4 and 5, 2023. It closed March 7th to 9th.",
            p,
            &[
                ("March 4", Some("2023-03-04"), ""),
                ("5, 2023", Some("2023-03-05"), ""),
                ("March 7th", Some("2024-03-07"), ""),
                ("9th", Some("2024-03-09"), ""),
            ],
        );
        // A date with no year before one that states it takes that year; a month later in the
        // year than the next date's is of the year before.
        check(
            "From 28 February to 2 March 2023 the roads were closed.",
            p,
            &[
                ("28 February", Some("2023-02-28"), "source=text"),
                ("2 March 2023", Some("2023-03-02"), ""),
            ],
        );
        check(
            "The office is closed from December 28 to January 2, 2025.",
            p,
            &[
                ("December 28", Some("2024-12-28"), "source=text"),
                ("January 2, 2025", Some("2025-01-02"), ""),
            ],
        );
        // A comma before the separator, after a weekday's date.
        check(
            "Parliament sat from Tuesday, May 7, 2023, or so. It sat from Tuesday, May 7, through Thursday, May 9, 2023.",
            p,
            &[
                ("Tuesday, May 7, 2023", Some("2023-05-07"), ""),
                (
                    "Tuesday, May 7",
                    Some("2023-05-07"),
                    "source=text weekday=tuesday",
                ),
                (
                    "Thursday, May 9, 2023",
                    Some("2023-05-09"),
                    "weekday=thursday",
                ),
            ],
        );
        check(
            "Sales rose between January and March 2023.",
            p,
            &[
                ("January", Some("2023-01"), "source=text"),
                ("March 2023", Some("2023-03"), ""),
            ],
        );
        // Nothing else a number beside a date can be: a count, a score, a decimal, a sum, a
        // year, a range backwards, a day the month lacks, a day after the month with words
        // after it.
        for (text, dates) in [
            ("On March 3 and 5 people died in the blast.", 1),
            ("On March 3, and 5 people died in the blast.", 1),
            ("It rose on March 3, to 5 percent.", 1),
            ("The rate rose on March 3 to 5.5% from 4.", 1),
            ("The score was 3-1 March 12 in Rome.", 1),
            ("He paid $4 to 6 March suppliers.", 1),
            ("Results for 2023 and 6 March were mixed.", 2),
            ("The price fell from 1,5 to 6 March levels.", 1),
            ("Chapter 12 to 4 March is missing.", 1),
            // The last day alone: one its month lacks, a date that cannot be.
            ("It ran from 30 to 31 February.", 1),
            ("It ran 29-31 April.", 1),
            ("The show runs March 4 through 9 in Geneva.", 1),
            ("It opened on 3.5 to 6 March.", 1),
            ("Pages 4 to\n\n6 March.", 1),
        ] {
            let claims = extract_dates(text, p.map(|p| p.parse().expect("a date")));
            assert_eq!(claims.len(), dates, "{text}: {claims:?}");
        }
    }

    #[test]
    fn reads_a_weekday_given_after_its_day() {
        let p = Some("2024-06-10");
        check(
            "The round ended on 3 March 2023, a Friday, in Doha.",
            p,
            &[(
                "3 March 2023, a Friday",
                Some("2023-03-03"),
                "weekday=friday relation=on",
            )],
        );
        // Across a line of the paragraph; a wrong weekday is kept as stated, for the matcher.
        check(
            "The vote fell on June 20, 2022,\nwhich was a Sunday.",
            p,
            &[(
                "June 20, 2022,\nwhich was a Sunday",
                Some("2022-06-20"),
                "weekday=sunday",
            )],
        );
        check(
            "It was signed on 21 June 2022 (Tuesday) and on March 3, 2023 (a Friday).",
            p,
            &[
                (
                    "21 June 2022 (Tuesday)",
                    Some("2022-06-21"),
                    "weekday=tuesday",
                ),
                (
                    "March 3, 2023 (a Friday)",
                    Some("2023-03-03"),
                    "weekday=friday",
                ),
            ],
        );
        check(
            "He arrives on 4 July 2024, which will be a Thursday.",
            p,
            &[(
                "4 July 2024, which will be a Thursday",
                Some("2024-07-04"),
                "weekday=thursday",
            )],
        );
        // Not a weekday of the day before it: a lowercase name, an abbreviation, another
        // paragraph, a word between, a bracket left open.
        check(
            "Reports came on 2 May 2024, a friday.",
            p,
            &[
                ("2 May 2024", Some("2024-05-02"), ""),
                ("friday", Some("2024-06-07"), ""),
            ],
        );
        check(
            "Reports came on 2 May 2024, a Fri.",
            p,
            &[("2 May 2024", Some("2024-05-02"), "")],
        );
        check(
            "It ended on 2 May 2024,\n\na Friday.",
            p,
            &[
                ("2 May 2024", Some("2024-05-02"), ""),
                ("Friday", Some("2024-06-07"), ""),
            ],
        );
        check(
            "It ended on 2 May 2024, and a Friday later it began.",
            p,
            &[
                ("2 May 2024", Some("2024-05-02"), ""),
                ("Friday", Some("2024-06-07"), ""),
            ],
        );
        // A name that goes on is no weekday of the day, nor one a blank line away.
        for text in [
            "It was published on 10 March 2023, a Sunday Times investigation found.",
            "On 5 March 2024, a Monday-to-Friday curfew began.",
            "It ended on 2 May 2024,\n  \na Friday came later.",
            "Profits rose in the year to 31 December 2023, a Tuesday filing showed.",
            "The deal closed on 1 March 2024, a Thursday's paper said.",
            "It was on 1 March 2024, a Friday\u{a0}Times report said.",
        ] {
            let claims = extract_dates(text, p.map(|p| p.parse().expect("a date")));
            assert!(
                claims.iter().all(|c| match &*c.details {
                    Details::Date(d) =>
                        d.weekday.is_none() || c.text.split_whitespace().count() < 2,
                    _ => true,
                }),
                "{text}: {claims:?}"
            );
        }
        // A character of several bytes where the look ahead ends.
        check(
            "It ended on 2 May 2024, a Friday\u{2014}\u{201c}\u{2014}\u{201c}\u{2014}\u{201c}\u{2014}.",
            p,
            &[("2 May 2024, a Friday", Some("2024-05-02"), "weekday=friday")],
        );
        for pad in 0..8 {
            let text = format!(
                "It ended on 2 May 2024,{} a \u{201c}Friday\u{201d}.",
                " ".repeat(pad)
            );
            let _ = extract_dates(&text, None);
        }
        check(
            "It ended on 2 May 2024 (Friday in Doha).",
            p,
            &[
                ("2 May 2024", Some("2024-05-02"), ""),
                ("Friday", Some("2024-06-07"), ""),
            ],
        );
    }

    #[test]
    fn finds_and_normalises_news_dates() {
        let p = Some("2023-09-12");
        check(
            "The summit began September 11.",
            p,
            &[(
                "September 11",
                Some("2023-09-11"),
                "source=publication precision=day",
            )],
        );
        check(
            "It began 11 September.",
            p,
            &[("11 September", Some("2023-09-11"), "")],
        );
        check(
            "It began Sept. 11 in Moscow.",
            p,
            &[("Sept. 11", Some("2023-09-11"), "")],
        );
        check(
            "They will meet on September 13th.",
            p,
            &[("September 13th", Some("2023-09-13"), "relation=on")],
        );
        check(
            "Kim arrived on Monday (September 11).",
            p,
            &[(
                "Monday (September 11)",
                Some("2023-09-11"),
                "weekday=monday relation=on",
            )],
        );
        check(
            "The talks were held Friday, 9 June.",
            p,
            &[("Friday, 9 June", Some("2023-06-09"), "weekday=friday")],
        );
        check(
            "The law passed on March 3, 2021.",
            p,
            &[("March 3, 2021", Some("2021-03-03"), "source=text")],
        );
        check(
            "Filed 2023-09-11 in court.",
            p,
            &[("2023-09-11", Some("2023-09-11"), "")],
        );
        check(
            "Kim met Putin on Monday.",
            p,
            &[("Monday", Some("2023-09-11"), "weekday=monday relation=on")],
        );
        check(
            "Kim met Putin Wednesday.",
            Some("2023-09-14"),
            &[("Wednesday", Some("2023-09-13"), "weekday=wednesday")],
        );
        // A weekday named by the day after it: one claim, the weekday worked out from the day.
        check(
            "The strike, on the Monday after Thanksgiving 2022, was called off.",
            p,
            &[("Monday after Thanksgiving 2022", Some("2022-11-28"), "")],
        );
        check(
            "Shops shut on the Friday before 25 December 2023 and on Monday after 2 May.",
            p,
            &[
                ("Friday before 25 December 2023", Some("2023-12-22"), ""),
                ("Monday", Some("2023-09-11"), "relation=on weekday=monday"),
                ("2 May", Some("2023-05-02"), "relation=after"),
            ],
        );
        // "until" a time on a day looks ahead, as "until Friday" does, whatever the verb.
        check(
            "The Met Office has issued a warning for ice until 10am on Friday.",
            p,
            &[("Friday", Some("2023-09-15"), "relation=on weekday=friday")],
        );
        check(
            "Roads were closed till 6 pm on Friday.",
            p,
            &[("Friday", Some("2023-09-15"), "relation=on weekday=friday")],
        );
        check(
            "The office issued a warning at 10am on Friday.",
            p,
            &[("Friday", Some("2023-09-08"), "relation=on weekday=friday")],
        );
        check(
            "Kim will meet Putin on Wednesday.",
            p,
            &[("Wednesday", Some("2023-09-13"), "")],
        );
        check(
            "The ship left last Friday.",
            p,
            &[("last Friday", Some("2023-09-08"), "weekday=friday")],
        );
        check(
            "The armistice was signed in 1953.",
            p,
            &[("1953", Some("1953"), "relation=in precision=year")],
        );
        check(
            "Sanctions have applied since 2017.",
            p,
            &[("2017", Some("2017"), "relation=since")],
        );
        check(
            "The vote is due in early December.",
            p,
            &[(
                "early December",
                Some("2023-12"),
                "part=early relation=in precision=month",
            )],
        );
        // A point after a full month name ends the sentence: the next one's "Last year" or
        // number is not the month's year or day; after an abbreviation it is read on.
        check(
            "The race is on 13 April. Last year, 56,000 ran. It peaked in May. 11 people won.",
            p,
            &[
                ("13 April", Some("2023-04-13"), ""),
                ("Last year", Some("2022"), ""),
                ("May", Some("2023-05"), ""),
            ],
        );
        check(
            "The vote was in Sept. 2021 and on 4 Aug. 2022.",
            p,
            &[
                ("Sept. 2021", Some("2021-09"), ""),
                ("4 Aug. 2022", Some("2022-08-04"), ""),
            ],
        );
        check(
            "Sales fell this month and last year, not today.",
            p,
            &[
                ("this month", Some("2023-09"), ""),
                ("last year", Some("2022"), ""),
                ("today", Some("2023-09-12"), ""),
            ],
        );
        // "Thursday week" is the Thursday after the coming one.
        check(
            "They play on Thursday week and met on Monday.",
            p,
            &[
                ("Thursday week", Some("2023-09-21"), ""),
                ("Monday", Some("2023-09-11"), ""),
            ],
        );
        // Capitalised inside a sentence, a day word is a name: "the Today programme".
        check(
            "Today, he told BBC Radio 4's Today programme and USA Today it was over.",
            p,
            &[("Today", Some("2023-09-12"), "")],
        );
        check(
            "It rained yesterday and will clear tomorrow.",
            p,
            &[
                ("yesterday", Some("2023-09-11"), ""),
                ("tomorrow", Some("2023-09-13"), ""),
            ],
        );
        check(
            "Prices rose next month, last month and next year.",
            p,
            &[
                ("next month", Some("2023-10"), ""),
                ("last month", Some("2023-08"), ""),
                ("next year", Some("2024"), ""),
            ],
        );
        check(
            "The lowest since October 1982 and since '82.",
            Some("2008-10-27"),
            &[
                ("October 1982", Some("1982-10"), ""),
                ("'82", Some("1982"), ""),
            ],
        );
        check(
            "The Dow ended the day up 2%.",
            p,
            &[("the day", Some("2023-09-12"), "source=publication")],
        );
        check(
            "It happened two days ago.",
            p,
            &[("two days ago", Some("2023-09-10"), "")],
        );
        check(
            "The plant closes at the end of last year.",
            p,
            &[("the end of last year", Some("2022"), "part=late")],
        );
        check(
            "Growth since mid-2009 was slow.",
            p,
            &[("mid-2009", Some("2009"), "part=mid")],
        );
        check(
            "Stocks had their best week since last September.",
            Some("2009-10-12"),
            &[("last September", Some("2009-09"), "")],
        );
        check(
            "Dealers close after October of next year.",
            Some("2009-05-15"),
            &[("October of next year", Some("2010-10"), "relation=after")],
        );
        check(
            "The trial is scheduled to take place on June 5.",
            p,
            &[("June 5", Some("2024-06-05"), "relation=scheduled_for")],
        );
        check(
            "Markets stay closed until Friday.",
            Some("2008-09-18"),
            &[("Friday", Some("2008-09-19"), "relation=until")],
        );
    }

    /// A day after "until" ends a span running from now, unless the span is over: a past verb
    /// of lasting fills it, or it is told by what had not happened before it.
    #[test]
    fn until_looks_back_when_the_span_is_over() {
        // 2026-11-20 is a Friday.
        let p = Some("2026-11-20");
        for (text, day, date) in [
            (
                "He waited until noon on Monday before calling police.",
                "Monday",
                "2026-11-16",
            ),
            ("The talks ran until Thursday.", "Thursday", "2026-11-19"),
            ("He did not arrive until Tuesday.", "Tuesday", "2026-11-17"),
            (
                "She didn\u{2019}t leave until Wednesday.",
                "Wednesday",
                "2026-11-18",
            ),
            (
                "It was not until Monday that the results came in.",
                "Monday",
                "2026-11-16",
            ),
            (
                "The roads will be closed until Monday.",
                "Monday",
                "2026-11-23",
            ),
            (
                "The exhibition will be held until Sunday.",
                "Sunday",
                "2026-11-22",
            ),
            (
                "The curfew was extended until Sunday.",
                "Sunday",
                "2026-11-22",
            ),
            (
                "Shops will not reopen until Tuesday.",
                "Tuesday",
                "2026-11-24",
            ),
            (
                "Polls are open until 8 p.m. on Tuesday.",
                "Tuesday",
                "2026-11-24",
            ),
            // A lasting verb in another clause does not reach across the comma.
            (
                "They stayed late, and the office is shut until Monday.",
                "Monday",
                "2026-11-23",
            ),
            // Nor across a sentence, a semicolon or a dash.
            (
                "He waited. The shop is closed until Monday.",
                "Monday",
                "2026-11-23",
            ),
            (
                "They fought for years; the truce holds until Sunday.",
                "Sunday",
                "2026-11-22",
            ),
            (
                "The team has worked hard and will continue until Saturday.",
                "Saturday",
                "2026-11-21",
            ),
            ("We are stuck here until Monday.", "Monday", "2026-11-23"),
            (
                "A decision was not expected until Monday.",
                "Monday",
                "2026-11-23",
            ),
            (
                "The markets were not due to open until Monday.",
                "Monday",
                "2026-11-23",
            ),
        ] {
            let published = p.map(|p| p.parse::<Date>().expect("test dates are valid"));
            let got: Vec<_> = extract_dates(text, published)
                .iter()
                .filter(|c| c.text == day)
                .map(|c| match &*c.details {
                    Details::Date(d) => d.date.map(|d| d.to_string()),
                    other => panic!("not a date: {other:?}"),
                })
                .collect();
            assert_eq!(got, [Some(date.to_string())], "{text}");
        }
    }

    #[test]
    fn fixes_the_year_from_the_publication_date_not_the_weekday() {
        // 2023-06-20 is a Tuesday: the claim keeps the date so the matcher catches the weekday.
        check(
            "They met on Monday, June 20.",
            Some("2023-06-16"),
            &[("Monday, June 20", Some("2023-06-20"), "weekday=monday")],
        );
        check(
            "The vote was held on December 20.",
            Some("2024-01-03"),
            &[("December 20", Some("2023-12-20"), "")],
        );
        check(
            "The vote will be held on January 5.",
            Some("2023-12-28"),
            &[("January 5", Some("2024-01-05"), "")],
        );
        check(
            "Sales fell in October.",
            Some("2009-06-05"),
            &[("October", Some("2008-10"), "")],
        );
        check(
            "The deal should close in October.",
            Some("2009-06-05"),
            &[("October", Some("2009-10"), "")],
        );
    }

    #[test]
    fn reads_the_tense_from_the_verb_that_carries_it() {
        // 2026-11-20 is a Friday.
        let p = Some("2026-11-20");
        let on = |text: &str, date: &str| check(text, p, &[("Sunday", Some(date), "")]);
        // A past form after a modal, "to" or a negation carries no tense.
        on("The storm will hit on Sunday.", "2026-11-22");
        on("The storm is expected to hit on Sunday.", "2026-11-22");
        on("The storm hit on Sunday.", "2026-11-15");
        on("The team did not play on Sunday.", "2026-11-15");
        on("The team didn't play on Sunday.", "2026-11-15");
        // Scheduling verbs in the present, and "likely to".
        on("City face a trip to Rovers on Sunday.", "2026-11-22");
        on("The offer ends on Sunday.", "2026-11-22");
        on("The road is likely to close on Sunday.", "2026-11-22");
        // The same words as nouns, and "expected" as a past form, look nowhere.
        on(
            "A man suffered face injuries in an attack on Sunday.",
            "2026-11-15",
        );
        on(
            "Forecasters expected heavy rain on Sunday, but it stayed dry.",
            "2026-11-15",
        );
        // A month alone stays on the side the sentence leans to.
        let month = |text: &str, date: &str| check(text, p, &[("January", Some(date), "")]);
        month("Prices fell in January.", "2026-01");
        month("Prices have fallen since January.", "2026-01");
        month("The law takes effect in January.", "2027-01");
        month("The law will take effect in January.", "2027-01");
        let december = |text: &str, date: &str| check(text, p, &[("December", Some(date), "")]);
        // "since" is behind even for the next month; "expected" looks ahead past an adjective
        // that reads as a past form ("affected").
        december("Prices have fallen since December.", "2025-12");
        december(
            "In the affected area the first snow is usually expected in December.",
            "2026-12",
        );
        // A schedule told in the past is read by its tense, not as ahead.
        check(
            "Rent was due on the last day of January.",
            p,
            &[("the last day of January", Some("2026-01-31"), "")],
        );
        check(
            "Rent is due on the last day of January.",
            p,
            &[("the last day of January", Some("2027-01-31"), "")],
        );
    }

    /// "in 15 days" after a count is how long the count took, not a day ahead.
    #[test]
    fn the_time_a_count_took_is_no_date() {
        let p = Some("2026-11-20");
        check("City play five matches in 15 days.", p, &[]);
        check("He scored 3 goals in 10 days.", p, &[]);
        check(
            "Ministers will name the 12 finalists in two weeks.",
            p,
            &[("two weeks", Some("2026-12-04"), "")],
        );
        check(
            "The vote will be held in 15 days.",
            p,
            &[("15 days", Some("2026-12-05"), "")],
        );
    }

    #[test]
    fn reads_the_end_of_the_century_as_a_year_and_no_later_one() {
        check(
            "Seas could rise a metre by 2100, and by 2050 half of that.",
            Some("2026-11-20"),
            &[
                ("2100", Some("2100"), "relation=before precision=year"),
                ("2050", Some("2050"), "relation=before precision=year"),
            ],
        );
        check(
            "The plan runs from 2030 to 2100.",
            Some("2026-11-20"),
            &[("2030", Some("2030"), ""), ("2100", Some("2100"), "")],
        );
        // A clock time, an amount, and a year past the end of the century.
        check(
            "The order came at 2100 GMT; 2100 people left; nothing is planned in 2101.",
            Some("2026-11-20"),
            &[],
        );
    }

    #[test]
    fn says_when_there_is_no_anchor() {
        check(
            "They met on Monday, June 20.",
            None,
            &[("Monday, June 20", None, "source=unknown weekday=monday")],
        );
        check(
            "It happened in 1953.",
            None,
            &[("1953", Some("1953"), "source=text")],
        );
        let claims = extract_dates("It rained yesterday.", None);
        let Details::Date(d) = &*claims[0].details else {
            unreachable!()
        };
        assert_eq!(d.note.as_deref(), Some(NO_ANCHOR));
    }

    #[test]
    fn reads_numeric_dates_only_when_the_order_is_clear() {
        let p = Some("2023-09-12");
        check(
            "Due 31/12/2023.",
            p,
            &[("31/12/2023", Some("2023-12-31"), "")],
        );
        check("Due 3/4/2023.", p, &[]);
        check(
            "Due 3/4/2023, paid 25/4/2023.",
            p,
            &[
                ("3/4/2023", Some("2023-04-03"), ""),
                ("25/4/2023", Some("2023-04-25"), ""),
            ],
        );
        check(
            "Held on 2/15 as planned.",
            p,
            &[("2/15", Some("2023-02-15"), "")],
        );
        check("Open 24/7 and a 3-2 win, 3.5 km.", p, &[]);
    }

    #[test]
    fn avoids_false_positives() {
        let p = Some("2023-09-12");
        check("Officials may resign; protesters march on.", p, &[]);
        check(
            "About 2000 people came, paying £2,000 and $ 1990 each.",
            p,
            &[],
        );
        check("The meeting starts at 10:30 and ends at 16:08 UTC.", p, &[]);
        check("Music of the 1990s and the 1980 s.", p, &[]);
        check("The index closed at 7223.98, up 1.67 %.", p, &[]);
        check("It was Black Monday all over again.", p, &[]);
        check("Book it for the day after the vote.", p, &[]);
        check(
            "It rebounded late in the day after falling.",
            p,
            &[("the day", Some("2023-09-12"), "")],
        );
        check(
            "They met on Monday. June 20 was hot.",
            p,
            &[
                ("Monday", Some("2023-09-11"), ""),
                ("June 20", Some("2023-06-20"), ""),
            ],
        );
        check("Call +86 138-2010-2015 or see id=1687.", p, &[]);
        check("It sends 1500 b packets at 2000 kW.", p, &[]);
        check(
            "Before the 2008 US election.",
            p,
            &[("2008", Some("2008"), "")],
        );
        check(
            "Output grew in 2009-2011.",
            p,
            &[
                ("2009", Some("2009"), "relation=in"),
                ("2011", Some("2011"), ""),
            ],
        );
        check("May I ask, said March Hare.", p, &[]);
    }

    #[test]
    fn resolves_weekdays_around_the_publication_day() {
        // 2008-10-27 is a Monday.
        let p = Some("2008-10-27");
        check(
            "On Monday, markets fell.",
            p,
            &[("Monday", Some("2008-10-27"), "")],
        );
        check(
            "Markets fell Sunday.",
            p,
            &[("Sunday", Some("2008-10-26"), "")],
        );
        check(
            "Markets will open Tuesday.",
            p,
            &[("Tuesday", Some("2008-10-28"), "")],
        );
        check(
            "See you next Monday.",
            p,
            &[("next Monday", Some("2008-11-03"), "")],
        );
    }

    #[test]
    fn reads_days_of_the_month_and_weekdays_of_nearby_weeks() {
        // 2013-02-12 is a Tuesday.
        let p = Some("2013-02-12");
        check(
            "The vote is on Tuesday the 19th.",
            p,
            &[("Tuesday the 19th", Some("2013-02-19"), "weekday=tuesday")],
        );
        check(
            "Rent is due on the 15th.",
            p,
            &[("the 15th", Some("2013-02-15"), "")],
        );
        check("She lives on the 20th floor.", p, &[]);
        check(
            "Clocks change on the last Sunday of March.",
            p,
            &[(
                "the last Sunday of March",
                Some("2013-03-31"),
                "weekday=sunday",
            )],
        );
        check(
            "It was the first Monday of last month.",
            p,
            &[("the first Monday of last month", Some("2013-01-07"), "")],
        );
        check(
            "It was the first Monday of March 2014.",
            None,
            &[(
                "the first Monday of March 2014",
                Some("2014-03-03"),
                "source=text",
            )],
        );
        check(
            "Talks resume Monday next week.",
            p,
            &[("Monday next week", Some("2013-02-18"), "weekday=monday")],
        );
        check(
            "They met last week on Friday.",
            p,
            &[("last week on Friday", Some("2013-02-08"), "")],
        );
        check(
            "He left last Wednesday and returns next Wednesday.",
            p,
            &[
                ("last Wednesday", Some("2013-02-06"), ""),
                ("next Wednesday", Some("2013-02-20"), ""),
            ],
        );
        check(
            "The vote will be held in two weeks.",
            p,
            &[("two weeks", Some("2013-02-26"), "relation=in")],
        );
        check("Sales doubled in two weeks.", p, &[]);
        check(
            "It opens three days from now, or 2 weeks after tomorrow.",
            p,
            &[
                ("three days from now", Some("2013-02-15"), ""),
                ("2 weeks after tomorrow", Some("2013-02-27"), ""),
            ],
        );
        check(
            "Prices hit a low later than 2020.",
            p,
            &[("2020", Some("2020"), "")],
        );
        check(
            "Files dated 05-Aug-2016 and Oct/2.",
            p,
            &[
                ("05-Aug-2016", Some("2016-08-05"), ""),
                ("Oct/2", Some("2012-10-02"), ""),
            ],
        );
    }

    /// Issue 9: the forms the peer suites showed missing, as news writes them.
    #[test]
    fn holidays_ordinal_words_and_numeric_months() {
        let p = Some("2013-02-12");
        // Holidays, with a year, a shift or nothing; a one-word name before a noun is no day.
        check(
            "The shops reopen after Christmas.",
            p,
            &[("Christmas", Some("2012-12-25"), "relation=after")],
        );
        // The tense picks the side of the publication date: "will ... fall on Christmas Eve"
        // is the next one, "crashed on Christmas Eve" the last, however near the other.
        check(
            "Prices will rise before Easter and fall on Christmas Eve.",
            p,
            &[
                ("Easter", Some("2013-03-31"), "relation=before"),
                ("Christmas Eve", Some("2013-12-24"), "relation=on"),
            ],
        );
        check(
            "The market crashed on Easter Monday.",
            Some("2013-03-20"),
            &[("Easter Monday", Some("2012-04-09"), "relation=on")],
        );
        check(
            "Sales fell at Easter 2010.",
            p,
            &[("Easter 2010", Some("2010-04-04"), "source=text")],
        );
        check(
            "They met last Easter.",
            p,
            &[("last Easter", Some("2012-04-08"), "")],
        );
        check(
            "The vote is next Thanksgiving.",
            p,
            &[("next Thanksgiving", Some("2013-11-28"), "")],
        );
        check(
            "Black Friday 2010 was busy.",
            p,
            &[("Black Friday 2010", Some("2010-11-26"), "")],
        );
        check("They bought a Christmas tree.", p, &[]);
        check("Easter Island is remote.", p, &[]);
        check("The Good Friday Agreement held.", p, &[]);
        check(
            "Profits rose in March first-quarter results.",
            p,
            &[("March", Some("2013-03"), "")],
        );
        // Days in ordinal words.
        check(
            "It opened on the first of March.",
            p,
            &[("the first of March", Some("2013-03-01"), "relation=on")],
        );
        check(
            "It was signed on the fourth of July, 1995.",
            p,
            &[("the fourth of July, 1995", Some("1995-07-04"), "")],
        );
        check(
            "It opened on March first.",
            p,
            &[("March first", Some("2013-03-01"), "")],
        );
        check(
            "It closed on January twenty-second 2000.",
            p,
            &[("January twenty-second 2000", Some("2000-01-22"), "")],
        );
        check(
            "It ends on the twenty third day of September.",
            p,
            &[("the twenty third day of September", Some("2013-09-23"), "")],
        );
        check(
            "They met on Tuesday the eleventh.",
            p,
            &[(
                "Tuesday the eleventh",
                Some("2013-02-11"),
                "weekday=tuesday",
            )],
        );
        check(
            "It unveiled on Tuesday the first generation of chips.",
            p,
            &[("Tuesday", Some("2013-02-12"), "")],
        );
        check("Profits in the May first quarter.", p, &[]);
        check(
            "It drew a third of March rainfall.",
            p,
            &[("March", Some("2013-03"), "")],
        );
        // A day of a month counted from the publication month.
        check(
            "Rent is due on the 20th of next month.",
            p,
            &[("the 20th of next month", Some("2013-03-20"), "")],
        );
        check(
            "It fell on the fifteenth day of last month.",
            p,
            &[("the fifteenth day of last month", Some("2013-01-15"), "")],
        );
        check(
            "Talks start on the first Monday of the month.",
            p,
            &[("the first Monday of the month", Some("2013-02-04"), "")],
        );
        check(
            "We meet Friday after next.",
            p,
            &[("Friday after next", Some("2013-02-22"), "")],
        );
        // Numeric months and compact days; a span of years stays a span.
        check(
            "Figures for 2015-03 were revised.",
            p,
            &[("2015-03", Some("2015-03"), "")],
        );
        check(
            "Sales in 2014/10 rose.",
            p,
            &[("2014/10", Some("2014-10"), "")],
        );
        check(
            "Sales in 12/2015 rose.",
            p,
            &[("12/2015", Some("2015-12"), "")],
        );
        check(
            "The 2009-10 season was long.",
            p,
            &[("2009", Some("2009"), "")],
        );
        check(
            "Filed 20161016 in court.",
            p,
            &[("20161016", Some("2016-10-16"), "")],
        );
        // The edges and names of the current period.
        check(
            "Growth slowed at the end of year.",
            p,
            &[("the end of year", Some("2013"), "part=late")],
        );
        check(
            "This calendar year is busy.",
            p,
            &[("This calendar year", Some("2013"), "")],
        );
        check("Sales rose next yr.", p, &[("next yr", Some("2014"), "")]);
        check(
            "It was signed on July 4th of 1995.",
            p,
            &[("July 4th of 1995", Some("1995-07-04"), "")],
        );
        // Years in words, after a month or a preposition; a count stays a count.
        check(
            "The conference was in October two thousand and five.",
            p,
            &[("October two thousand and five", Some("2005-10"), "")],
        );
        check(
            "It was founded on 13 Sept nineteen seventy-two.",
            p,
            &[("13 Sept nineteen seventy-two", Some("1972-09-13"), "")],
        );
        check(
            "They left in nineteen ninety six.",
            p,
            &[("nineteen ninety six", Some("1996"), "relation=in")],
        );
        check("It was sold in two thousand homes.", p, &[]);
        // The days of the current month, a month after "the", and the year to date.
        check(
            "Deliver before the twenty-sixth day of the month.",
            p,
            &[("the twenty-sixth day of the month", Some("2013-02-26"), "")],
        );
        check(
            "I went back in the April.",
            p,
            &[("April", Some("2012-04"), "")],
        );
        check(
            "The stock is down 20% in the year to date.",
            p,
            &[("the year to date", Some("2013"), "")],
        );
        check("I'll be out 2015-3.", p, &[("2015-3", Some("2015-03"), "")]);
        // Offsets "hence", the last day of a month, "on 24th".
        check(
            "Talks resume three weeks hence.",
            p,
            &[("three weeks hence", Some("2013-03-05"), "")],
        );
        check(
            "They met a fortnight ago.",
            p,
            &[("a fortnight ago", Some("2013-01-29"), "")],
        );
        check(
            "Born 31-Oct-74 in Leeds.",
            p,
            &[("31-Oct-74", Some("1974-10-31"), "")],
        );
        check(
            "The offer ends on the last day of October 2015.",
            p,
            &[("the last day of October 2015", Some("2015-10-31"), "")],
        );
        check(
            "Rent was due on the last day of January.",
            p,
            &[("the last day of January", Some("2013-01-31"), "")],
        );
        check(
            "We met on 24th and left.",
            p,
            &[("24th", Some("2013-01-24"), "")],
        );
        check(
            "It was 6,107.31 August 2019.",
            p,
            &[("August 2019", Some("2019-08"), "")],
        );
        // Market reports and comparisons with a year before.
        check(
            "Shares fell for a second consecutive day.",
            p,
            &[("a second consecutive day", Some("2013-02-12"), "")],
        );
        check(
            "Sales fell 35% in January, compared to the same month a year ago.",
            p,
            &[
                ("January", Some("2013-01"), ""),
                ("the same month a year ago", Some("2012-01"), ""),
            ],
        );
        check(
            "Sales fell compared to the same period last year.",
            p,
            &[("the same period last year", Some("2012"), "")],
        );
    }

    /// A long text is read in stretches (`Tiered::captures_iter_gated`). The bench articles and
    /// fixtures joined into one long text must give each gated pattern the matches a search of
    /// the whole text gives (a debug build also compares the two at every gated search).
    #[test]
    fn gated_searches_find_what_whole_searches_find() {
        let texts = bench_and_fixture_texts();
        let mut long = String::new();
        while long.len() < 80 * 1024 {
            for t in &texts {
                long.push_str(t);
                long.push_str("\n\n");
            }
        }
        let lower = long.to_ascii_lowercase();
        let triggers = Triggers::with_words(&lower, &TRIGGER_WORDS);
        let mut narrowed = 0;
        for (name, pattern) in all_patterns() {
            if !pattern.may_match(&triggers) {
                continue;
            }
            // Every group of every match, not only the whole match.
            let ranges = |caps: Vec<Captures<'_, '_>>| -> Vec<Vec<_>> {
                caps.iter()
                    .map(|c| (0..40).map(|i| c.get(i).map(|m| m.range())).collect())
                    .collect()
            };
            let gated = ranges(pattern.captures_iter(&triggers).collect());
            let whole = ranges(pattern.regex.captures_iter(&lower).collect());
            assert_eq!(gated, whole, "{name}");
            if let Some(stretches) = pattern.regex.stretches(&triggers, pattern.gate()) {
                let read: usize = stretches.iter().map(|r| r.len()).sum();
                narrowed += usize::from(read * 2 < lower.len());
            }
        }
        assert!(
            narrowed >= 20,
            "only {narrowed} patterns read less than half the text"
        );
    }

    /// The bench articles and the test fixtures, whole.
    fn bench_and_fixture_texts() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut texts = Vec::new();
        for dir in ["bench/articles", "tests/fixtures"] {
            let entries =
                std::fs::read_dir(root.join(dir)).expect("the bench and test texts exist");
            for entry in entries.flatten() {
                if let Ok(text) = std::fs::read_to_string(entry.path()) {
                    texts.push(text);
                }
            }
        }
        texts
    }

    /// Every gated date pattern, by name.
    fn all_patterns() -> &'static [(&'static str, &'static Pattern)] {
        assert_eq!(PATTERNS.len(), 37, "every gated pattern is listed here");
        PATTERNS
    }

    /// Every gated pattern's stop bytes are read from its text, as its syntax tree would give
    /// them: none is left to the parser, which would cost a short text a parse per pattern.
    #[test]
    fn stop_bytes_of_the_date_patterns_are_read_from_their_text() {
        for (name, pattern) in all_patterns() {
            let (scanned, tree) = pattern.regex.held_readings();
            assert_eq!(scanned, Some(tree), "{name}");
        }
    }

    /// Each pattern gated on a [`Sequence`] is turned away only from texts it finds nothing in:
    /// texts past the trigger pass's threshold, of its words, their fillers, separators and
    /// words that hold theirs.
    #[test]
    fn sequences_turn_away_no_match() {
        let pieces = crate::testing::with_spaces(&[
            "march",
            "mar",
            "sept",
            "may",
            "first",
            "twenty-first",
            "twenty first",
            "thirteenth",
            "twentieth",
            "second",
            "monday",
            "today",
            "1st",
            "21st",
            "5th",
            "last",
            "the",
            "day",
            "of",
            "in",
            "21",
            "3",
            ".",
            ", ",
            "x",
            "market",
            "theft",
            "oft",
            "dayx",
            "mon",
            "first monday of ",
            "last\u{a0}day in ",
            "twenty-first day of ",
            "march the ",
            "monday, the ",
            "monday the\n",
            "5th friday in ",
            "sept., the ",
            "day\u{a0}",
            "tuesday ",
            "thirtyninth",
            "on the ",
            "on ",
            "upon ",
            "marked",
            "month",
            "mayor",
            "2",
            "_",
        ]);
        let patterns = [
            ("ORDINAL_DAY", &ORDINAL_DAY),
            ("NTH_WEEKDAY", &NTH_WEEKDAY),
            ("LAST_DAY", &LAST_DAY),
            ("WORD_DAY_MONTH", &WORD_DAY_MONTH),
            ("MONTH_WORD_DAY", &MONTH_WORD_DAY),
            ("WEEKDAY_WORD_DAY", &WEEKDAY_WORD_DAY),
            ("WEEKDAY_ORDINAL", &WEEKDAY_ORDINAL),
        ];
        let filler = "zzz ".repeat(70);
        let tallies: Vec<GateTally> = patterns
            .iter()
            .map(|(name, pattern)| {
                crate::testing::hold_gate(
                    name,
                    (0x1f83_d9ab_fb41_bd6b, 20_000),
                    (&filler, &pieces, 8),
                    |text| pattern.regex.find(text).is_some(),
                    |text| pattern.may_match(&Triggers::with_words(text, &TRIGGER_WORDS)),
                )
            })
            .collect();
        assert!(
            tallies.iter().all(|t| t.found > 20 && t.turned_away > 1000),
            "{tallies:?}"
        );
    }

    /// The test for years in words turns away only texts in which neither pattern with a year
    /// in words finds one: texts past the trigger pass's threshold, of number words, months,
    /// days and white space.
    #[test]
    fn the_year_words_test_turns_away_no_year_in_words() {
        let pieces = crate::testing::with_spaces(&[
            "nineteen",
            "twenty",
            "eleven",
            "fifteenth",
            "canteen",
            "two",
            "thousand",
            "hundred",
            "oh",
            "-",
            "five",
            "eighty",
            "ten",
            "twenty-one",
            "sixty",
            "and",
            "of",
            "may",
            "june",
            "3",
            "21st",
            "x",
            "the",
            "nineteen eighty",
            "twenty twenty-four",
            "two thousand and five",
            "nineteen oh-five",
            "eleven hundred",
            "in nineteen\u{a0}ninety",
            " march 3 ",
        ]);
        let tally = crate::testing::hold_gate(
            "the year-words test",
            (0x5be0_cd19_137e_2179, 20_000),
            (&"words of no year at all, ".repeat(12), &pieces, 10),
            |text| {
                YEAR_IN_WORDS.regex.find(text).is_some()
                    || DATE_YEAR_WORDS.regex.find(text).is_some()
            },
            |text| {
                let triggers = Triggers::with_words(text, &TRIGGER_WORDS);
                YEAR_SEQUENCES.iter().any(|s| s.may_stand(&triggers))
            },
        );
        assert!(tally.found > 2000 && tally.turned_away > 3000, "{tally:?}");
    }

    /// Every spelling of every holiday.
    fn holiday_spellings() -> Vec<&'static str> {
        holiday::HOLIDAYS
            .iter()
            .flat_map(|h| h.spellings.iter().map(String::as_str))
            .collect()
    }

    /// A spelling picked from `spellings`, written onto `out` with each space one of `spaces`,
    /// each apostrophe one of `apostrophes`, and a point or an "s" left out one time in four.
    fn write_spelling(
        picks: &mut crate::testing::Picks,
        spellings: &[&str],
        spaces: &[&str],
        apostrophes: &[&str],
        out: &mut String,
    ) {
        for c in spellings[picks.below(spellings.len())].chars() {
            match c {
                ' ' => out.push_str(spaces[picks.below(spaces.len())]),
                '\'' => out.push_str(apostrophes[picks.below(apostrophes.len())]),
                '.' | 's' if picks.below(4) == 0 => {}
                c => out.push(c),
            }
        }
    }

    /// The holiday gate, and the test of a stretch by its lead words ([`holiday_in_stretch`]),
    /// turn away only texts in which the holiday pattern finds nothing, whatever stands between
    /// a spelling's words: spacing, apostrophes, an "s", a point. Each text is a spelling
    /// written with its marks changed, left out or doubled, between random words and marks.
    #[test]
    fn the_holiday_gate_turns_away_no_holiday() {
        let spellings = holiday_spellings();
        let pieces = [
            "new", "year", "day", "st", "may", "good", "all", "x", "s", " ", "\u{a0}", "'", ".",
            "_", "1", "\u{e9}",
        ];
        let spaces = [" ", "  ", "\u{a0}", "\n", "\u{2003}", "", "-"];
        let apostrophes = ["'", "\u{2019}", "", "''", "`"];
        let mut picks = crate::testing::Picks::new(0x3c6e_f372_fe94_f82b);
        let mut tally = GateTally::default();
        let mut stretch_tally = GateTally::default();
        for _ in 0..20_000 {
            let count = picks.below(4);
            let mut lower = picks.text(&pieces, count);
            write_spelling(&mut picks, &spellings, &spaces, &apostrophes, &mut lower);
            let count = picks.below(4);
            lower.push_str(&picks.text(&pieces, count));
            let matches = HOLIDAY.regex.find(&lower).is_some();
            let gate = holiday_may_match(&Triggers::with_words(&lower, &TRIGGER_WORDS));
            tally.count("the holiday gate", &lower, matches, gate);
            // The text as one stretch, with every place of a lead word in it, as the trigger
            // pass finds them (inside other words too).
            let mut leads: Vec<(u32, u32)> = holiday::lead_words()[0]
                .iter()
                .flat_map(|w| {
                    lower
                        .match_indices(w)
                        .map(|(at, w)| (at as u32, w.len() as u32))
                })
                .collect();
            leads.sort_unstable();
            let stretch = holiday_in_stretch(&lower, 0..lower.len(), &leads);
            stretch_tally.count("the holiday stretch test", &lower, matches, stretch);
        }
        assert!(tally.found > 2000 && tally.turned_away > 3000, "{tally:?}");
        assert!(
            stretch_tally.found > 2000 && stretch_tally.turned_away > 3000,
            "{stretch_tally:?}"
        );
    }

    /// In a text long enough for the holiday pattern's stretches (4 KB or more), the stretches
    /// it reads hold every match a search of the whole text finds, with the same groups: texts
    /// of spellings written with their spaces, apostrophes, points and "s" changed, after a
    /// qualifier and before a year or a stray mark, among words that stick letters onto them,
    /// stop bytes, Unicode spaces and the lead words alone ("year", "labor").
    #[test]
    fn the_holiday_stretches_hold_every_holiday() {
        let spellings = holiday_spellings();
        let fillers = [
            "the ", "said ", "on ", "x", "q", "_", "-", ";", "\"", "(", "!", ":", "/", ", ", ". ",
            "\n", "\u{a0}", "\u{2019}", "'", "s", "2024", " 1999", "year ", "day ", "new ", "may ",
            "st ", "eastern ", "sunday", "last ", "next ", "of ", "\u{e9}", "\u{2003}", "\u{85}",
            "\u{2028}", "\t", "z", "jr", "king", "saint", "paddy", "fools", "hallowe", "christma",
            "easter", "whit", "labor", "a.", "0",
        ];
        let spaces = [
            " ", "  ", "\u{a0}", "\n", "\u{2003}", "", "-", "\u{85}", "\u{2028}", "\t\r\n", "_",
        ];
        let apostrophes = ["'", "\u{2019}", "", "''", "`", "s"];
        let before = [
            "",
            "",
            "last ",
            "next ",
            "this coming ",
            "past\u{a0}",
            "following ",
        ];
        let after = [
            "",
            "",
            ", 2024",
            " 2031",
            " of 1999",
            " of next year",
            " this year",
            "s",
            "'s",
            "x",
            "_",
            ";",
            ".",
        ];
        let mut picks = crate::testing::Picks::new(0x1f83_d9ab_fb41_bd6b);
        let mut found = 0;
        for round in 0..60 {
            let mut lower = String::new();
            let length = HOLIDAY_STRETCHES_FROM + picks.below(8_000);
            while lower.len() < length {
                if picks.below(8) == 0 {
                    lower.push_str(before[picks.below(before.len())]);
                    write_spelling(&mut picks, &spellings, &spaces, &apostrophes, &mut lower);
                    lower.push_str(after[picks.below(after.len())]);
                } else {
                    let count = 1 + picks.below(6);
                    lower.push_str(&picks.text(&fillers, count));
                }
            }
            let triggers = Triggers::with_words(&lower, &TRIGGER_WORDS);
            let ranges = |caps: Vec<Captures<'_, '_>>| -> Vec<Vec<_>> {
                caps.iter()
                    .map(|c| (0..8).map(|i| c.get(i).map(|m| m.range())).collect())
                    .collect()
            };
            let whole = ranges(HOLIDAY.regex.captures_iter(&lower).collect());
            let gated = ranges(HOLIDAY.captures_iter(&triggers).collect());
            assert_eq!(gated, whole, "round {round}");
            found += whole.len();
        }
        assert!(found > 500, "only {found} holidays");
    }

    #[test]
    fn relation_words_are_what_the_relation_pattern_captures() {
        let pattern = regex::Regex::new(&date_pattern(
            r"(?i)\b(?P<r>on|in|during|since|before|after|until|till|by|through|prior\s+to)\s+$",
        ))
        .expect("a valid pattern");
        let pieces = [
            "on", "in", "during", "by", "till", "until", "through", "prior", "to", " ", " ", "\n",
            "\u{a0}", "\u{2003}", "x", "_", "1", "\u{e9}", ",", "\u{201c}",
        ];
        let mut picks = crate::testing::Picks::new(0x6a09_e667_f3bc_c908);
        let spaces = [" ", "\n", "\u{a0}", "\u{2003}", "x"];
        for round in 0..40_000 {
            let count = picks.below(7);
            let mut text = picks.text(&pieces, count);
            let mut next = |n: usize| picks.below(n);
            // Half the texts end as a match would, after anything: a word, spaces, and "to"
            // with spaces after it.
            if round % 2 == 0 {
                text.push_str(pieces[next(9)]);
                (0..next(3)).for_each(|_| text.push_str(spaces[next(spaces.len())]));
                if next(2) == 0 {
                    text.push_str("to");
                    (0..next(3)).for_each(|_| text.push_str(spaces[next(spaces.len())]));
                }
            }
            let expected = pattern
                .captures(&text)
                .map(|c| &text[c.name("r").expect("r").range()]);
            assert_eq!(relation_before(&text), expected, "{text:?}");
        }
    }

    /// The date patterns run on text that is often typographic (curly quotes, dashes), so each
    /// must have a `regex-lite` form that reads any text as its `regex` form does.
    #[test]
    fn every_date_pattern_has_an_exact_lite_form() {
        let mut others: Vec<&Tiered> = vec![&PREFIX_WEEKDAY, &PREFIX_PART, &PREFIX_SCHEDULED];
        others.extend(all_patterns().iter().map(|(_, p)| &p.regex));
        for (i, tiered) in others.iter().enumerate() {
            assert_eq!(tiered.lite_exactness(), Some(true), "pattern {i}");
        }
    }

    /// A pattern is skipped when the text lacks the words it needs, and a long text is read
    /// only in the stretches that hold them: that must never skip a match, so every match must
    /// itself hold a word of each group. Checked on every paragraph of the bench articles and
    /// test fixtures, on each holiday spelling, and on the phrases of the tests above.
    #[test]
    fn a_pattern_is_skipped_only_where_it_cannot_match() {
        let all = all_patterns();
        let mut texts: Vec<String> = bench_and_fixture_texts()
            .iter()
            .flat_map(|text| text.split("\n\n").map(str::to_string))
            .collect();
        texts.extend(holiday::HOLIDAYS.iter().flat_map(|h| h.spellings.clone()));
        let source = include_str!("date.rs");
        let tests = &source[source.find("mod tests").expect("this module")..];
        texts.extend(tests.split('"').skip(1).step_by(2).map(str::to_string));
        assert!(
            texts.len() > 300,
            "too few texts to check the gates on: {}",
            texts.len()
        );
        let mut matched = 0;
        for text in &texts {
            let lower = text.to_ascii_lowercase();
            for (name, pattern) in all {
                if pattern.regex.is_match(&lower) {
                    matched += 1;
                    assert!(
                        pattern.may_match(&Triggers::with_words(&lower, &TRIGGER_WORDS)),
                        "{name} matches {text:?} but was gated off"
                    );
                }
                // A long text is searched only in the stretches that hold the gate's words,
                // so each match itself must hold a word of every group.
                for m in pattern.regex.find_iter(&lower) {
                    for group in pattern.gate() {
                        assert!(
                            group.iter().any(|w| m.as_str().contains(w)),
                            "{name} matches {:?}, which holds none of {group:?}",
                            m.as_str()
                        );
                    }
                }
            }
        }
        assert!(
            matched > 500,
            "too few matches to check the gates on: {matched}"
        );
    }

    /// The date patterns' `regex` form (`tier.rs`) finds what the `regex` crate finds, on the
    /// paragraphs of the bench articles and test fixtures.
    #[test]
    fn the_regex_form_of_each_date_pattern_is_the_regex_crates() {
        let texts: Vec<String> = bench_and_fixture_texts()
            .iter()
            .map(|text| text.to_ascii_lowercase())
            .collect();
        assert!(texts.len() > 5, "too few texts: {}", texts.len());
        for (_, pattern) in all_patterns() {
            for text in &texts {
                pattern.regex.assert_full_form_is_regex(text);
            }
        }
    }

    /// The settling by runs gives what comparing with every chosen span gave, on pseudo-random
    /// spans with many overlaps, ties and empty spans.
    #[test]
    fn settles_overlaps_as_the_pairwise_rule_does() {
        let mut seed: u64 = 7;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        for round in 0..800 {
            // Dense rounds make long runs, sparse ones short runs and lone spans.
            let width = [60, 200, 800, 4000][round % 4];
            // Each candidate's value is its place in the list, so that of two with one span
            // the one kept is checked too (the first, as a stable sort keeps it).
            let found: Vec<Candidate> = (0..40)
                .map(|k| {
                    let start = next(width) as usize;
                    let len = next(12) as usize;
                    candidate(Span::new(start, start + len), Value::Days(k))
                })
                .collect();
            let mut naive = found.clone();
            naive.sort_by_key(|c| (std::cmp::Reverse(c.span.len()), c.span.start));
            let mut chosen: Vec<Candidate> = Vec::new();
            for c in naive {
                if !chosen.iter().any(|k| k.span.overlaps(c.span)) {
                    chosen.push(c);
                }
            }
            chosen.sort_by_key(|c| c.span.start);
            let spans = |v: &[Candidate]| v.iter().map(|c| (c.span, c.value)).collect::<Vec<_>>();
            assert_eq!(spans(&settle_overlaps(found)), spans(&chosen));
        }
    }
}
