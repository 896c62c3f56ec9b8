//! Verdicts to output formats: the terminal report and JSON contract v1.
//!
//! Rendering is pure: every format is a function from a [`Run`] to a string, so the binary
//! decides where it goes (stdout, a file) and tests compare strings.

mod human;
mod json;

use claimcheck_core::{Claim, Document, Status, Verdict};

pub use human::human;
pub use json::json;

/// A claim and, once checked, its verdict (`extract` reports claims with none).
#[derive(Debug, Clone)]
pub struct Finding {
    pub claim: Claim,
    pub verdict: Option<Verdict>,
}

/// One checked file.
#[derive(Debug, Clone)]
pub struct DocumentResult {
    pub document: Document,
    /// The publication date used as the anchor: `--published`, else the file's own.
    pub published: Option<jiff::civil::Date>,
    pub findings: Vec<Finding>,
}

/// Everything one invocation checked, in the order the files were given.
#[derive(Debug, Clone, Default)]
pub struct Run {
    pub documents: Vec<DocumentResult>,
    /// Whether the claims were verified (`check`) or only extracted (`extract`).
    pub verified: bool,
}

/// Counts over a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub documents: usize,
    pub claims: usize,
    pub supported: usize,
    pub contradicted: usize,
    pub unverified: usize,
}

impl Run {
    pub fn summary(&self) -> Summary {
        let mut s = Summary {
            documents: self.documents.len(),
            ..Summary::default()
        };
        for f in self.documents.iter().flat_map(|d| &d.findings) {
            s.claims += 1;
            match f.verdict.as_ref().map(|v| v.status) {
                Some(Status::Supported) => s.supported += 1,
                Some(Status::Contradicted) => s.contradicted += 1,
                Some(Status::Unverified) => s.unverified += 1,
                None => {}
            }
        }
        s
    }
}
