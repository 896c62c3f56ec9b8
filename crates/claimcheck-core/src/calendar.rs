//! A calendar value with a precision: a day, a month or a year, as dates are written in news.

use std::fmt;

use serde::{Serialize, Serializer};

/// How much of a date the text fixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Year,
    Month,
    Day,
}

impl Precision {
    /// The name contract v1 writes for it (as `Serialize` does; a test in `claim.rs` holds the
    /// two together).
    pub fn as_str(&self) -> &'static str {
        match self {
            Precision::Year => "year",
            Precision::Month => "month",
            Precision::Day => "day",
        }
    }
}

/// The English name of month `month` (1 to 12), as reports write it; "the month" for any other
/// number.
pub fn month_name(month: i8) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    usize::try_from(month - 1)
        .ok()
        .and_then(|i| NAMES.get(i))
        .copied()
        .unwrap_or("the month")
}

/// A year, a month of a year, or a day, printed in ISO 8601 (`1953`, `2023-09`, `2023-09-11`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CalendarDate {
    pub year: i16,
    pub month: Option<i8>,
    pub day: Option<i8>,
}

impl CalendarDate {
    pub fn year(year: i16) -> Self {
        CalendarDate {
            year,
            month: None,
            day: None,
        }
    }

    pub fn month(year: i16, month: i8) -> Self {
        CalendarDate {
            year,
            month: Some(month),
            day: None,
        }
    }

    /// A day, or `None` when the day does not exist (February 30).
    pub fn day(year: i16, month: i8, day: i8) -> Option<Self> {
        jiff::civil::Date::new(year, month, day).ok()?;
        Some(CalendarDate {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    pub fn from_civil(date: jiff::civil::Date) -> Self {
        CalendarDate {
            year: date.year(),
            month: Some(date.month()),
            day: Some(date.day()),
        }
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The civil date when the value is a whole day.
    pub fn to_civil(&self) -> Option<jiff::civil::Date> {
        jiff::civil::Date::new(self.year, self.month?, self.day?).ok()
    }
}

impl fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl Serialize for CalendarDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_iso_with_precision() {
        assert_eq!(CalendarDate::year(1953).to_string(), "1953");
        assert_eq!(CalendarDate::month(2023, 9).to_string(), "2023-09");
        let d = CalendarDate::day(2023, 9, 11).expect("a real day");
        assert_eq!(d.to_string(), "2023-09-11");
        assert_eq!(d.precision(), Precision::Day);
        assert!(CalendarDate::day(2023, 2, 30).is_none());
    }
}
