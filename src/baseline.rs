//! The baseline file: findings recorded once so that CI reports only new ones. Entries are
//! keyed by fingerprints that hash the rule, the path and the normalised claim text, never a
//! line number, so editing around a claim does not resurrect it.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};
use claimcheck_core::Status;
use claimcheck_report::{Run, display_path, run_fingerprints};
use serde::{Deserialize, Serialize};

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Baseline {
    pub version: u32,
    pub tool: String,
    pub entries: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Entry {
    pub path: String,
    pub rule: String,
    pub fingerprint: String,
    pub count: usize,
    pub excerpt: String,
}

impl Baseline {
    /// Reads a baseline; a missing or malformed file is an error naming it.
    pub fn read(path: &Path) -> Result<Baseline> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("{}: cannot read the baseline", path.display()))?;
        serde_json::from_str(&text)
            .map_err(|e| anyhow::anyhow!("{}: invalid baseline: {e}", path.display()))
    }

    /// A baseline of every finding of `run` that is not supported.
    pub fn from_run(run: &Run) -> Baseline {
        let prints = run_fingerprints(run);
        let mut entries: BTreeMap<String, Entry> = BTreeMap::new();
        for (d, doc) in run.documents.iter().enumerate() {
            for (f, finding) in doc.findings.iter().enumerate() {
                if finding.status() == Some(Status::Supported) {
                    continue;
                }
                let print = prints[d][f].to_string();
                entries.entry(print.clone()).or_insert_with(|| Entry {
                    path: display_path(&doc.document.path),
                    rule: finding.rule_id().to_string(),
                    fingerprint: print,
                    count: 1,
                    excerpt: excerpt(&finding.claim.text),
                });
            }
        }
        let mut entries: Vec<Entry> = entries.into_values().collect();
        entries.sort();
        Baseline {
            version: 1,
            tool: "claimcheck".into(),
            entries,
        }
    }

    /// `run` without the findings this baseline records.
    pub fn filter(&self, mut run: Run) -> Run {
        let known: std::collections::HashSet<&str> = self
            .entries
            .iter()
            .map(|e| e.fingerprint.as_str())
            .collect();
        let prints = run_fingerprints(&run);
        for (d, doc) in run.documents.iter_mut().enumerate() {
            let mut i = 0;
            doc.findings.retain(|_| {
                let keep = !known.contains(prints[d][i].as_str());
                i += 1;
                keep
            });
        }
        run
    }

    /// This baseline without the entries no finding of `run` matches any more.
    pub fn prune(mut self, run: &Run) -> (Baseline, usize) {
        let current: std::collections::HashSet<String> = run_fingerprints(run)
            .into_iter()
            .flatten()
            .map(|p| p.to_string())
            .collect();
        let before = self.entries.len();
        self.entries.retain(|e| current.contains(&e.fingerprint));
        let removed = before - self.entries.len();
        (self, removed)
    }

    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("a baseline always serialises");
        s.push('\n');
        s
    }
}

fn excerpt(text: &str) -> String {
    let t: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.chars().count() > 80 {
        let cut: String = t.chars().take(77).collect();
        format!("{cut}...")
    } else {
        t
    }
}
