//! What the matcher concluded about a claim, and the evidence it consulted.

use serde::Serialize;

use crate::Claim;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Supported,
    Contradicted,
    Unverified,
}

impl Status {
    pub fn as_str(&self) -> &'static str {
        match self {
            Status::Supported => "supported",
            Status::Contradicted => "contradicted",
            Status::Unverified => "unverified",
        }
    }
}

/// One thing consulted for a verdict: a corpus record, a URL, a calendar computation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub passage: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retrieved: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_hash: Option<String>,
    /// A point the evidence places on the map (latitude, longitude), for the reports.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub point: Option<[f64; 2]>,
}

impl Evidence {
    /// The same evidence, placed on the map at `point` (latitude, longitude).
    pub fn with_point(mut self, point: [f64; 2]) -> Self {
        self.point = Some(point);
        self
    }

    pub fn computed(source: impl Into<String>, value: impl Into<String>) -> Self {
        Evidence {
            source: source.into(),
            value: Some(value.into()),
            passage: None,
            url: None,
            retrieved: None,
            content_hash: None,
            point: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    pub status: Status,
    pub confidence: f64,
    /// The rule id that names this outcome: `date.weekday-mismatch`, `distance.bound`, ...
    pub rule: String,
    pub explanation: String,
    pub evidence: Vec<Evidence>,
}

/// A claim with its verdict: what every report renders.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedClaim {
    pub claim: Claim,
    pub verdict: Verdict,
}
