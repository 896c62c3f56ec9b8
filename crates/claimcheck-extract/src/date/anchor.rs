//! Fixing the year (or the day) of a date from the publication date: the nearest such date
//! around it, leaning to the past or the future as the sentence does.

use claimcheck_core::CalendarDate;
use jiff::civil::{Date, Weekday};

use super::HolidayYear;
use super::holiday::Rule;
use super::lexicon::Lean;

/// How much farther a date on the side the sentence does not lean to counts. News gives the year
/// of a date outside the current year, so a date without one is kept near the publication date
/// even against the tense: "Monday, June 20" in a past-tense article of June 16 stays in June so
/// the weekday check can catch it. Only a date much nearer on the other side wins ("met on June
/// 20" in a story of June 16 is four days ahead, counted as twelve, against 361 back). A month
/// alone counts more ([`MONTH_WRONG_SIDE_FACTOR`]).
const WRONG_SIDE_FACTOR: i64 = 3;

/// `date` moved by `days` days.
pub(super) fn add_days(date: Date, days: i64) -> Option<Date> {
    date.checked_add(jiff::Span::new().try_days(days).ok()?)
        .ok()
}

/// Days from `from` to `to`, negative when `to` is earlier.
fn days_between(from: Date, to: Date) -> i64 {
    to.duration_since(from).as_secs() / 86_400
}

/// The month `months` months from the publication month.
pub(super) fn shift_month(published: Date, months: i32) -> Option<CalendarDate> {
    let index = i32::from(published.year()) * 12 + i32::from(published.month()) - 1 + months;
    let year = i16::try_from(index.div_euclid(12)).ok()?;
    let month = i8::try_from(index.rem_euclid(12) + 1).ok()?;
    Some(CalendarDate::month(year, month))
}

/// The year of a month and day written without one: the publication year, the one before or the
/// one after, whichever puts the date nearest the publication date on the side the sentence leans
/// to. The stated weekday plays no part: checking it is the matcher's job.
pub(super) fn month_day(published: Date, month: i8, day: i8, lean: Lean) -> Option<CalendarDate> {
    let y = published.year();
    let mut best: Option<(i64, Date)> = None;
    for year in [y - 1, y, y + 1] {
        let Ok(date) = Date::new(year, month, day) else {
            continue;
        };
        let offset = days_between(published, date);
        let wrong_side = match lean {
            Lean::Past => offset > 0,
            Lean::Future => offset < 0,
            Lean::Neutral => false,
        };
        let cost = offset.abs() * if wrong_side { WRONG_SIDE_FACTOR } else { 1 };
        if best.is_none_or(|(c, _)| cost < c) {
            best = Some((cost, date));
        }
    }
    best.map(|(_, d)| CalendarDate::from_civil(d))
}

/// The month of a day written without one ("Tuesday the 19th", "on the 15th"): the publication
/// month, the one before or the one after, chosen as [`month_day`] chooses the year.
pub(super) fn day_of_month(published: Date, day: i8, lean: Lean) -> Option<CalendarDate> {
    let first = published.first_of_month();
    let mut best: Option<(i64, Date)> = None;
    for shift in [-1, 0, 1] {
        let Ok(month) = first.checked_add(jiff::Span::new().months(shift)) else {
            continue;
        };
        let Ok(date) = Date::new(month.year(), month.month(), day) else {
            continue;
        };
        let offset = days_between(published, date);
        let wrong_side = match lean {
            Lean::Past => offset > 0,
            Lean::Future => offset < 0,
            Lean::Neutral => false,
        };
        let cost = offset.abs() * if wrong_side { WRONG_SIDE_FACTOR } else { 1 };
        if best.is_none_or(|(c, _)| cost < c) {
            best = Some((cost, date));
        }
    }
    best.map(|(_, d)| CalendarDate::from_civil(d))
}

/// A weekday of the week `weeks` weeks from the publication week ("Monday next week").
pub(super) fn weekday_in_week(published: Date, day: Weekday, weeks: i64) -> Option<Date> {
    let monday = -i64::from(published.weekday().to_monday_zero_offset());
    add_days(
        published,
        monday + 7 * weeks + i64::from(day.to_monday_zero_offset()),
    )
}

/// How much farther a month alone on the side the sentence does not lean to counts: twice
/// [`WRONG_SIDE_FACTOR`], as no weekday can show a month wrong. "fell in January" written in
/// November is this year's January, two months ahead counting as twelve; the next month still
/// wins against eleven back, as a tense read from an adjective ("the affected area") is often
/// wrong and a story seldom names last year's month without "last".
const MONTH_WRONG_SIDE_FACTOR: i64 = 2 * WRONG_SIDE_FACTOR;

/// The year of a month named without one: the nearest on the side the sentence leans to, the
/// publication month itself counting as both past and future, and the nearest of all when it
/// leans nowhere; a month on the other side counts [`MONTH_WRONG_SIDE_FACTOR`] times its
/// distance, and is never taken when `strict` ("since December" is behind).
pub(super) fn month(published: Date, month: i8, lean: Lean, strict: bool) -> Option<CalendarDate> {
    let here = i32::from(published.year()) * 12 + i32::from(published.month());
    let mut best: Option<(i64, i16)> = None;
    let y = published.year();
    for year in [y - 1, y, y + 1] {
        let offset = i32::from(year) * 12 + i32::from(month) - here;
        let wrong_side = match lean {
            Lean::Past => offset > 0,
            Lean::Future => offset < 0,
            Lean::Neutral => false,
        };
        if wrong_side && strict {
            continue;
        }
        let cost = i64::from(offset.abs())
            * if wrong_side {
                MONTH_WRONG_SIDE_FACTOR
            } else {
                1
            };
        if best.is_none_or(|(c, _)| cost < c) {
            best = Some((cost, year));
        }
    }
    best.map(|(_, year)| CalendarDate::month(year, month))
}

/// Which occurrence of a weekday a phrase means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Occurrence {
    /// "on Monday": the publication day or the nearest one on the side the sentence leans to,
    /// the past when it leans nowhere, as news mostly reports what happened.
    Nearest,
    /// "last Monday": the one of the week before the publication week (weeks start on Monday).
    Last,
    /// "next Monday": the one of the week after the publication week.
    Next,
    /// "this past Monday": the latest one strictly before the publication day.
    Past,
    /// "this coming Monday": the first one strictly after the publication day.
    Coming,
    /// "this Monday": the nearest one either side, unless the sentence leans.
    This,
    /// "Monday after next": a week after the first one strictly after the publication day.
    AfterNext,
}

/// The date of a weekday near the publication date.
pub(super) fn weekday(
    published: Date,
    day: Weekday,
    occurrence: Occurrence,
    lean: Lean,
) -> Option<Date> {
    let back = i64::from(published.weekday().since(day));
    let ahead = i64::from(day.since(published.weekday()));
    let offset = match occurrence {
        Occurrence::Past => -(if back == 0 { 7 } else { back }),
        Occurrence::Coming => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        Occurrence::AfterNext => 7 + if ahead == 0 { 7 } else { ahead },
        Occurrence::Last | Occurrence::Next => {
            let monday = -i64::from(published.weekday().to_monday_zero_offset());
            let week = if occurrence == Occurrence::Last {
                -7
            } else {
                7
            };
            monday + week + i64::from(day.to_monday_zero_offset())
        }
        Occurrence::Nearest => match lean {
            Lean::Future => ahead,
            Lean::Past | Lean::Neutral => -back,
        },
        Occurrence::This => match lean {
            Lean::Future => ahead,
            Lean::Past => -back,
            Lean::Neutral => {
                if ahead <= back {
                    ahead
                } else {
                    -back
                }
            }
        },
    };
    add_days(published, offset)
}

/// The day of a holiday written without a year: the nearest one on the side the sentence leans
/// to (chosen as [`month_day`] chooses), the latest before or the first after the publication
/// date, or the one of a year counted from the publication year.
pub(super) fn holiday(
    published: Date,
    rule: Rule,
    year: HolidayYear,
    lean: Lean,
) -> Option<CalendarDate> {
    let y = published.year();
    let around = || {
        [y - 1, y, y + 1]
            .into_iter()
            .filter_map(|year| rule.in_year(year))
    };
    let date = match year {
        HolidayYear::Stated(year) => rule.in_year(year),
        HolidayYear::InYear(k) => rule.in_year(y + i16::try_from(k).ok()?),
        HolidayYear::Last => around().filter(|d| *d < published).max(),
        HolidayYear::Next => around().filter(|d| *d > published).min(),
        // A holiday recurs each year: a tense says which side of the publication date it is
        // on ("the market crashed on Christmas Eve" is last year's in early December).
        HolidayYear::Nearest => match lean {
            Lean::Past => around().filter(|d| *d <= published).max(),
            Lean::Future => around().filter(|d| *d >= published).min(),
            Lean::Neutral => around().min_by_key(|d| days_between(published, *d).abs()),
        },
    };
    date.map(CalendarDate::from_civil)
}

/// The century of a two-digit year ("'82", "7/8/07"): the latest year with those digits no more
/// than ten years after the publication date, or in 1930..2029 without one.
pub(super) fn two_digit_year(yy: i16, published: Option<Date>) -> i16 {
    let limit = published.map_or(2029, |p| p.year() + 10);
    let mut year = (limit / 100) * 100 + yy;
    if year > limit {
        year -= 100;
    }
    year
}
