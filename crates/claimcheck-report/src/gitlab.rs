//! GitLab Code Quality (`artifacts:reports:codequality`): a JSON array with one issue per claim
//! that needs attention. Always an array, `[]` when there is nothing, never an empty file.
//!
//! Severities: error → `major`, warning → `minor`, info → `info` (ruff's mapping). Locations
//! use `lines.begin`/`lines.end`, the shape every GitLab version reads; GitLab shows no columns.

use std::io::{self, Write};

use serde_json::json;

use crate::stream::{Stream, write_pretty};
use crate::text::{evidence_line, message};
use crate::{Level, Run, display_path, run_fingerprints};

/// The array of issues, written one issue at a time (see [`crate::stream`]).
pub(crate) fn write_gitlab(run: &Run, out: &mut dyn Write) -> io::Result<()> {
    let fingerprints = run_fingerprints(run);
    let issues = run
        .documents
        .iter()
        .zip(&fingerprints)
        .flat_map(|(d, prints)| {
            d.findings
                .iter()
                .zip(prints)
                .filter_map(move |(f, fingerprint)| {
                    let level = run.level(f);
                    if level == Level::Note || f.verdict.is_none() {
                        return None;
                    }
                    let span = d.document.file_span(f.claim.span);
                    let mut issue = json!({
                        "type": "issue",
                        "check_name": f.rule_id(),
                        "description": message(f),
                        "categories": ["Bug Risk"],
                        "severity": severity(level),
                        "fingerprint": fingerprint,
                        "location": {
                            "path": display_path(&d.document.path),
                            "lines": { "begin": span.line, "end": span.end_line },
                        },
                    });
                    let evidence: Vec<String> = f
                        .verdict
                        .iter()
                        .flat_map(|v| &v.evidence)
                        .map(|e| format!("Evidence: {}", evidence_line(e)))
                        .collect();
                    if !evidence.is_empty() {
                        issue["content"] = json!({ "body": evidence.join("\n") });
                    }
                    Some(issue)
                })
        });
    write_pretty(out, &Stream::new(issues))
}

fn severity(level: Level) -> &'static str {
    match level {
        Level::Error => "major",
        Level::Warning => "minor",
        Level::Info | Level::Note => "info",
    }
}
