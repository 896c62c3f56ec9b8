//! One entry of the timeline: what happened, when, where, who took part, and where that is
//! documented; read from the TOML format described in `corpora/events/README.md`.

use claimcheck_core::CalendarDate;
use serde::Deserialize;

use crate::EventsError;
use crate::text::{Tokens, tokens};
use crate::timeline::{Party, parties};

/// An event of the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// A stable slug, unique across the timeline ("korean-war-armistice").
    pub id: String,
    /// The name a report shows ("Korean War Armistice Agreement").
    pub label: String,
    /// Other names and short forms an article may use.
    pub aliases: Vec<String>,
    /// The day, month or year it happened, or began.
    pub start: CalendarDate,
    /// The day, month or year it ended, for an event that lasted (a war, a summit of several
    /// days); `None` for a single date.
    pub end: Option<CalendarDate>,
    /// What sort of event it is: `war`, `armistice`, `treaty`, `summit`, `election`, ...
    pub kind: String,
    /// Where it happened: ISO 3166-1 alpha-2 codes or place names.
    pub places: Vec<String>,
    /// Who took part: ISO alpha-2 codes for countries, organisations, people.
    pub actors: Vec<String>,
    /// Entries of one series share this slug ("dprk-icbm-launches"), so "since 2017" can be
    /// checked against the first of them.
    pub series: Option<String>,
    /// A stable reference page that documents the date.
    pub source: String,
    /// A remark on the date (a signing and an entry into force, local time against UTC); not
    /// used in matching, but worth showing next to a contradiction.
    pub note: Option<String>,
    /// Where the entry was read from: "corpora/events" or the path of a newsroom's file.
    pub origin: String,
    /// The label and aliases as matching tokens, computed once when the entry is read.
    pub(crate) names: Vec<Tokens>,
    /// The actors and places as the context is searched for them, each once, computed when the
    /// entry is read: `Timeline::find` looks for them in every call.
    pub(crate) parties: Vec<Party>,
}

impl Event {
    /// The first day the event covers, as (year, month, day).
    pub(crate) fn first_day(&self) -> Day {
        first_day(self.start)
    }

    /// The last day the event covers, as (year, month, day); a month or year ends on day 31 of
    /// its last month, which orders correctly against every real day.
    pub(crate) fn last_day(&self) -> Day {
        last_day(self.end.unwrap_or(self.start))
    }

    /// The date as a report writes it: "1953-07-27", or "1950-06-25 to 1953-07-27".
    pub fn date_text(&self) -> String {
        match self.end {
            Some(end) if end != self.start => format!("{} to {end}", self.start),
            _ => self.start.to_string(),
        }
    }
}

/// A day as (year, month, day), ordered like the calendar.
pub(crate) type Day = (i16, i8, i8);

pub(crate) fn first_day(d: CalendarDate) -> Day {
    (d.year, d.month.unwrap_or(1), d.day.unwrap_or(1))
}

pub(crate) fn last_day(d: CalendarDate) -> Day {
    (d.year, d.month.unwrap_or(12), d.day.unwrap_or(31))
}

/// A timeline file as written: a list of `[[event]]` tables.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFile {
    #[serde(default, rename = "event")]
    pub(crate) events: Vec<RawEvent>,
}

/// One `[[event]]` table as written; [`RawEvent::into_event`] checks it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEvent {
    id: String,
    label: String,
    #[serde(default)]
    aliases: Vec<String>,
    date: Option<String>,
    start: Option<String>,
    end: Option<String>,
    kind: String,
    #[serde(default)]
    places: Vec<String>,
    #[serde(default)]
    actors: Vec<String>,
    series: Option<String>,
    source: String,
    #[serde(default)]
    note: Option<String>,
}

impl RawEvent {
    /// The entry, or the first rule of the format it breaks.
    pub(crate) fn into_event(self, origin: &str) -> Result<Event, EventsError> {
        let bad = |reason: String| EventsError::Entry {
            origin: origin.to_string(),
            id: self.id.clone(),
            reason,
        };
        if !is_slug(&self.id) {
            return Err(bad(
                "the id must be a slug of lowercase letters, digits and hyphens".into(),
            ));
        }
        if self.label.trim().is_empty() {
            return Err(bad("the label is empty".into()));
        }
        if !is_slug(&self.kind) {
            return Err(bad("the kind must be a lowercase slug such as `war`".into()));
        }
        if !self.source.starts_with("https://") || self.source.contains(char::is_whitespace) {
            return Err(bad(format!(
                "the source `{}` is not an https:// URL",
                self.source
            )));
        }
        if let Some(series) = &self.series
            && !is_slug(series)
        {
            return Err(bad("the series must be a slug".into()));
        }
        let (start, end) = match (&self.date, &self.start, &self.end) {
            (Some(date), None, None) => (parse_date(date).map_err(&bad)?, None),
            (None, Some(start), end) => {
                let start = parse_date(start).map_err(&bad)?;
                let end = end.as_deref().map(parse_date).transpose().map_err(&bad)?;
                (start, end)
            }
            (None, None, _) => return Err(bad("it has neither `date` nor `start`".into())),
            _ => {
                return Err(bad(
                    "give either `date`, or `start` with an optional `end`, not both".into(),
                ));
            }
        };
        if let Some(end) = end
            && last_day(end) < first_day(start)
        {
            return Err(bad(format!("it ends ({end}) before it starts ({start})")));
        }
        let names = std::iter::once(&self.label)
            .chain(&self.aliases)
            .map(|n| tokens(n))
            .collect();
        let parties = parties(&self.actors, &self.places);
        Ok(Event {
            id: self.id,
            label: self.label,
            aliases: self.aliases,
            start,
            end,
            kind: self.kind,
            places: self.places,
            actors: self.actors,
            series: self.series,
            source: self.source,
            note: self.note,
            origin: origin.to_string(),
            names,
            parties,
        })
    }
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A date as the files write it: `1953`, `1953-07` or `1953-07-27`, checked against the
/// calendar (no February 30).
pub(crate) fn parse_date(text: &str) -> Result<CalendarDate, String> {
    let bad = || format!("`{text}` is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
    let parts: Vec<&str> = text.split('-').collect();
    let number = |s: &str, digits: usize| -> Result<i16, String> {
        if s.len() != digits || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        s.parse::<i16>().map_err(|_| bad())
    };
    let small = |s: &str| -> Result<i8, String> { i8::try_from(number(s, 2)?).map_err(|_| bad()) };
    let date = match parts.as_slice() {
        [y] => CalendarDate::year(number(y, 4)?),
        [y, m] => {
            let month = small(m)?;
            if !(1..=12).contains(&month) {
                return Err(bad());
            }
            CalendarDate::month(number(y, 4)?, month)
        }
        [y, m, d] => CalendarDate::day(number(y, 4)?, small(m)?, small(d)?)
            .ok_or_else(|| format!("`{text}` is not a day of the calendar"))?,
        _ => return Err(bad()),
    };
    Ok(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_of_three_precisions() {
        assert_eq!(parse_date("1953"), Ok(CalendarDate::year(1953)));
        assert_eq!(parse_date("1953-07"), Ok(CalendarDate::month(1953, 7)));
        assert_eq!(
            parse_date("1953-07-27"),
            Ok(CalendarDate::day(1953, 7, 27).expect("a real day"))
        );
        assert!(parse_date("1953-02-30").is_err());
        assert!(parse_date("1953-13").is_err());
        assert!(parse_date("53").is_err());
        assert!(parse_date("1953-7-27").is_err());
        assert!(parse_date("July 1953").is_err());
    }

    #[test]
    fn a_month_orders_against_its_days() {
        let month = CalendarDate::month(2023, 9);
        let day = CalendarDate::day(2023, 9, 30).expect("a real day");
        assert!(first_day(month) <= first_day(day) && last_day(day) <= last_day(month));
    }
}
