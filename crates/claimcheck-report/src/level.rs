//! How loudly a finding is reported: the four levels rules default to and configuration sets.

use std::fmt;
use std::str::FromStr;

/// A finding's level, from the quietest to the loudest; `Ord` follows that order, so
/// `level >= Level::Warning` reads as "a warning or worse".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// A claim the evidence supports: recorded for the review report, never a problem.
    Note,
    /// Nothing could decide it, and nothing is expected to yet (a figure with no reference data).
    Info,
    /// Nothing could decide it, and a person should look (no source cited, a borderline value).
    Warning,
    /// The evidence contradicts the claim.
    Error,
}

impl Level {
    pub const ALL: [Level; 4] = [Level::Error, Level::Warning, Level::Info, Level::Note];

    pub fn as_str(&self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Info => "info",
            Level::Note => "note",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A level name that is not one of `error`, `warning`, `info`, `note`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLevel(pub String);

impl fmt::Display for UnknownLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown level \"{}\": expected error, warning, info or note",
            self.0
        )
    }
}

impl std::error::Error for UnknownLevel {}

impl FromStr for Level {
    type Err = UnknownLevel;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "error" => Ok(Level::Error),
            "warning" | "warn" => Ok(Level::Warning),
            "info" => Ok(Level::Info),
            "note" => Ok(Level::Note),
            _ => Err(UnknownLevel(s.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_from_quiet_to_loud_and_parses_its_names() {
        assert!(Level::Error > Level::Warning && Level::Warning > Level::Info);
        assert!(Level::Info > Level::Note);
        for level in Level::ALL {
            assert_eq!(level.as_str().parse::<Level>(), Ok(level));
        }
        assert!("fatal".parse::<Level>().is_err());
    }
}
