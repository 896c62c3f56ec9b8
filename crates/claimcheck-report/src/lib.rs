//! Verdicts to output formats: every CI and review format claimcheck writes, from one [`Run`].
//!
//! Rendering is pure: every format is a function from a [`Run`] (and [`RenderOptions`]) to a
//! string, so the binary decides where it goes (stdout, a file, several files from one run) and
//! tests compare strings.
//!
//! ```
//! use claimcheck_report::{render, OutputFormat, RenderOptions, Run};
//! let run = Run { verified: true, ..Run::default() };
//! let out = render(OutputFormat::Gitlab, &run, &RenderOptions::default());
//! assert_eq!(out, "[]\n");
//! ```
//!
//! Each finding's rule id names its outcome; [`rules()`] lists every id with its default
//! [`Level`] (contradicted: error; unverified: warning, or info where nothing is expected yet;
//! supported: note), and [`fingerprint()`] gives the line-independent identity that SARIF,
//! GitLab, JSON lines and the baseline share.
//!
//! Decisions the formats share:
//! - Positions: lines 1-based; columns 1-based Unicode scalar values with an exclusive end, in
//!   every format but rdjson, whose columns are UTF-8 bytes (reviewdog.proto). Paths use `/`,
//!   without a leading `./`; SARIF percent-encodes them as URI references.
//! - Problem formats (SARIF, GitHub, GitLab, rdjson) report only findings above `note`:
//!   supported claims are left out. SARIF adds them as `kind: "pass"`, `level: "none"` when
//!   [`RenderOptions::include_supported`] is set.
//! - GitHub annotations: errors, then warnings, then notices, each sorted by path and position,
//!   at most 10 per level (GitHub's per-step display limit); anything left out is counted in a
//!   closing `::notice::`, which takes the tenth notice slot.
//! - Review formats (Markdown, HTML, JUnit, JSON) carry every claim.

mod concise;
mod fingerprint;
mod format;
mod github;
mod gitlab;
mod html;
mod human;
mod json;
mod junit;
mod level;
mod location;
mod markdown;
mod rdjson;
mod rules;
mod sarif;
mod stream;
mod text;

use std::collections::BTreeMap;

use claimcheck_core::{Claim, Document, Status, Verdict};

pub use fingerprint::{Fingerprint, fingerprint, normalise_claim_text, run_fingerprints};
pub use format::{OutputFormat, RenderOptions, UnknownFormat, render, render_to};
pub use human::human;
pub use json::json;
pub use level::{Level, UnknownLevel};
pub use location::display_path;
pub use rules::{Rule, explain, rule, rules, rules_table};

/// Where the tool's documentation lives: SARIF's `informationUri`, rdjson's `source.url` and
/// the base of each rule's help link. A placeholder until the project has a public home page.
pub const INFORMATION_URI: &str = "https://example.org/claimcheck";

/// A claim and, once checked, its verdict (`extract` reports claims with none).
#[derive(Debug, Clone)]
pub struct Finding {
    pub claim: Claim,
    /// Boxed for the reason [`Claim`]'s details are: a large run's findings move as a list.
    pub verdict: Option<Box<Verdict>>,
}

impl Finding {
    /// A finding for `claim`; constructing through this keeps callers compiling when fields
    /// with defaults (a suppression, a level override) are added later.
    pub fn new(claim: Claim, verdict: Option<Verdict>) -> Self {
        Finding {
            claim,
            verdict: verdict.map(Box::new),
        }
    }

    /// The rule id that names the outcome; before verification, the claim's kind.
    pub fn rule_id(&self) -> &str {
        match &self.verdict {
            Some(v) => v.rule.as_str(),
            None => self.claim.kind.as_str(),
        }
    }

    /// The verdict's status, when the claim was verified.
    pub fn status(&self) -> Option<Status> {
        self.verdict.as_ref().map(|v| v.status)
    }
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
    /// Levels set by configuration, by rule id; a rule not listed keeps its default level.
    pub level_overrides: BTreeMap<String, Level>,
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
            match f.status() {
                Some(Status::Supported) => s.supported += 1,
                Some(Status::Contradicted) => s.contradicted += 1,
                Some(Status::Unverified) => s.unverified += 1,
                None => {}
            }
        }
        s
    }

    /// The level a finding is reported at: the configured override for its rule, else the
    /// rule's default, else (a rule the registry does not know) one derived from the verdict.
    pub fn level(&self, finding: &Finding) -> Level {
        let id = finding.rule_id();
        if let Some(level) = self.level_overrides.get(id) {
            return *level;
        }
        if let Some(r) = rule(id) {
            return r.level;
        }
        match finding.status() {
            Some(Status::Contradicted) => Level::Error,
            Some(Status::Unverified) => Level::Warning,
            Some(Status::Supported) | None => Level::Note,
        }
    }
}

/// A finding for the unit tests: "5 km" over `span` of `text`, extracted (no verdict), with
/// the id `id`.
#[cfg(test)]
pub(crate) fn km_finding(text: &str, span: claimcheck_core::Span, id: &str) -> Finding {
    let details = claimcheck_core::Details::Quantity(claimcheck_core::QuantityDetails {
        value: 5.0,
        value_max: None,
        unit: Some("km".to_string()),
        comparator: None,
        unit_name: None,
        scale: None,
    });
    let mut claim = Claim::new(text, span, details);
    claim.id = id.to_string();
    Finding::new(claim, None)
}
