//! Dates checked against the calendar: a weekday stated with a day of the month. Dates tied
//! to an event are checked against the timeline first (`event.rs`).

use claimcheck_core::{Claim, DateDetails, Evidence, Status, Verdict, YearSource};
use jiff::civil::Weekday;

use crate::unverified;

const CALENDAR: &str = "calendar (proleptic Gregorian)";

pub(crate) fn check(claim: &Claim, details: &DateDetails) -> Verdict {
    if details.no_such_day {
        return no_such_day(details);
    }
    let Some(date) = details.date else {
        let why = details
            .note
            .as_deref()
            .unwrap_or("the date could not be resolved");
        // Anchored but still no single day ("next week"): a publication date would not help.
        if details.year_source != YearSource::Unknown {
            return unverified(
                "date.unverified",
                format!("{why}; the calendar checks only a day stated with its weekday"),
            );
        }
        return unverified(
            "date.no-anchor",
            format!("{why}; a publication date (--published, front matter `date:`) would fix it"),
        );
    };
    // A weekday can be checked only against a day the text states. The day of the month is
    // written in digits in every date form claimcheck reads, so a claim without a digit
    // ("on Monday", "last Friday") had its date computed from the weekday itself.
    let states_day = claim.text.chars().any(|c| c.is_ascii_digit());
    match (&details.weekday, date.to_civil()) {
        (Some(stated), Some(day)) if states_day => {
            let actual = day.weekday();
            let long = long_date(day);
            let year_note = match details.year_source {
                YearSource::Publication => " (the year taken from the publication date)",
                _ => "",
            };
            let evidence = vec![Evidence::computed(
                CALENDAR,
                format!("{date} is a {}", weekday_name(actual)),
            )];
            let confidence = match details.year_source {
                YearSource::Text => 0.99,
                _ => 0.9,
            };
            if weekday_name(actual).eq_ignore_ascii_case(stated) {
                Verdict {
                    status: Status::Supported,
                    confidence,
                    rule: "date.weekday".into(),
                    explanation: format!("{long} was a {}{year_note}.", weekday_name(actual)),
                    evidence,
                }
            } else {
                Verdict {
                    status: Status::Contradicted,
                    confidence,
                    rule: "date.weekday-mismatch".into(),
                    explanation: format!(
                        "{long} was a {}, not a {}{year_note}.",
                        weekday_name(actual),
                        capitalise(stated)
                    ),
                    evidence,
                }
            }
        }
        (Some(_), _) => unverified(
            "date.unverified",
            format!(
                "{date} was worked out from the weekday and the publication date, so the \
                 calendar cannot contradict it; an event record would settle it"
            ),
        ),
        _ => match &details.event {
            Some(event) => unverified(
                "date.unverified",
                format!(
                    "no record of \u{201c}{event}\u{201d} in the events timeline to check {date} \
                     against; an entry in an --events file would settle it"
                ),
            ),
            None => unverified(
                "date.unverified",
                format!(
                    "no record to check {date} against: the calendar checks only a stated \
                     weekday, and no event is named with it"
                ),
            ),
        },
    }
}

/// A day its month does not have ("30 February 2020", "31 April"): the calendar contradicts it
/// whatever the year.
fn no_such_day(details: &DateDetails) -> Verdict {
    let why = details
        .note
        .as_deref()
        .unwrap_or("the month has no such day");
    let stated_year = details.year_source == YearSource::Text;
    Verdict {
        status: Status::Contradicted,
        confidence: if stated_year { 0.99 } else { 0.95 },
        rule: "date.no-such-day".into(),
        explanation: format!("No such date: {why}."),
        evidence: vec![Evidence::computed(
            CALENDAR,
            "months have 30 or 31 days, February 28 (29 in a leap year)",
        )],
    }
}

fn long_date(day: jiff::civil::Date) -> String {
    let month = claimcheck_core::month_name(day.month());
    format!("{month} {}, {}", day.day(), day.year())
}

fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimcheck_core::{CalendarDate, Details, Precision, Span};

    fn check_date(text: &str, date: Option<CalendarDate>, weekday: Option<&str>) -> Verdict {
        let details = DateDetails {
            date,
            precision: Precision::Day,
            weekday: weekday.map(|w| w.to_string().into()),
            relation: None,
            event: None,
            part: None,
            // A date left unresolved had no publication date to anchor it.
            year_source: if date.is_some() {
                YearSource::Publication
            } else {
                YearSource::Unknown
            },
            note: None,
            no_such_day: false,
        };
        let claim = Claim::new(
            text,
            Span::new(0, text.len()),
            Details::Date(details.clone()),
        );
        check(&claim, &details)
    }

    #[test]
    fn weekday_against_the_calendar() {
        let v = check_date(
            "Monday (September 11)",
            CalendarDate::day(2023, 9, 11),
            Some("monday"),
        );
        assert_eq!(v.status, Status::Supported);
        let v = check_date(
            "Monday, June 20",
            CalendarDate::day(2023, 6, 20),
            Some("monday"),
        );
        assert_eq!(v.status, Status::Contradicted);
        assert!(
            v.explanation
                .starts_with("June 20, 2023 was a Tuesday, not a Monday")
        );
        assert_eq!(v.rule, "date.weekday-mismatch");
        let v = check_date("on Monday", CalendarDate::day(2023, 9, 11), Some("monday"));
        assert_eq!(v.status, Status::Unverified);
        let v = check_date("Monday, June 20", None, Some("monday"));
        assert_eq!(v.rule, "date.no-anchor");
        let v = check_date("in 1953", Some(CalendarDate::year(1953)), None);
        assert_eq!(v.status, Status::Unverified);
    }

    #[test]
    fn a_day_its_month_lacks_is_contradicted() {
        let details = DateDetails {
            date: None,
            precision: Precision::Day,
            weekday: Some("monday".into()),
            relation: None,
            event: None,
            part: None,
            year_source: YearSource::Text,
            note: Some("February has no 30th day".into()),
            no_such_day: true,
        };
        let text = "Monday, 30 February 2020";
        let claim = Claim::new(
            text,
            Span::new(0, text.len()),
            Details::Date(details.clone()),
        );
        let v = check(&claim, &details);
        assert_eq!(v.status, Status::Contradicted);
        assert_eq!(v.rule, "date.no-such-day");
        assert_eq!(v.explanation, "No such date: February has no 30th day.");
        // The same details with the day's flag down are a date the calendar cannot settle;
        // with no anchor, one a publication date might.
        let details = DateDetails {
            no_such_day: false,
            ..details
        };
        assert_eq!(check(&claim, &details).rule, "date.unverified");
        let details = DateDetails {
            year_source: YearSource::Unknown,
            ..details
        };
        assert_eq!(check(&claim, &details).rule, "date.no-anchor");
    }
}
