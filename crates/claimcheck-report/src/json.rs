//! JSON contract version 1: one object with the tool, the documents and their claims, and a
//! summary. Fields may be added; none may be renamed or removed without bumping `version`.
//! Also `json-lines`: the same claim objects, one per line, each with its path.

use claimcheck_core::{Details, Evidence, FileSpan};
use serde::Serialize;

use crate::{DocumentResult, Finding, Level, Run, Summary, display_path, run_fingerprints};

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    tool: Tool,
    documents: Vec<DocumentOut<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct DocumentOut<'a> {
    path: &'a str,
    published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    claims: Vec<ClaimOut<'a>>,
}

#[derive(Serialize)]
struct ClaimOut<'a> {
    id: &'a str,
    kind: &'static str,
    text: &'a str,
    span: FileSpan,
    details: &'a Details,
    #[serde(skip_serializing_if = "Option::is_none")]
    verdict: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    confidence: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    explanation: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence: Option<&'a [Evidence]>,
}

fn claim_out<'a>(d: &'a DocumentResult, f: &'a Finding) -> ClaimOut<'a> {
    ClaimOut {
        id: &f.claim.id,
        kind: f.claim.kind.as_str(),
        text: &f.claim.text,
        span: d.document.file_span(f.claim.span),
        details: &f.claim.details,
        verdict: f.verdict.as_ref().map(|v| v.status.as_str()),
        confidence: f.verdict.as_ref().map(|v| v.confidence),
        rule: f.verdict.as_ref().map(|v| v.rule.as_str()),
        explanation: f.verdict.as_ref().map(|v| v.explanation.as_str()),
        evidence: f.verdict.as_ref().map(|v| v.evidence.as_slice()),
    }
}

/// The run as contract v1, pretty-printed, with a trailing newline.
pub fn json(run: &Run) -> String {
    let documents = run
        .documents
        .iter()
        .map(|d| DocumentOut {
            path: &d.document.path,
            published: d.published.map(|p| p.to_string()),
            title: d.document.title.as_deref(),
            claims: d.findings.iter().map(|f| claim_out(d, f)).collect(),
        })
        .collect();
    let report = Report {
        version: 1,
        tool: Tool {
            name: "claimcheck",
            version: env!("CARGO_PKG_VERSION"),
        },
        documents,
        summary: run.summary(),
    };
    let mut out = serde_json::to_string_pretty(&report).expect("report values always serialise");
    out.push('\n');
    out
}

/// A claim of the `json-lines` stream: the path first, then the v1 claim's fields, then its
/// level and fingerprint (which the baseline and CI tools key on).
#[derive(Serialize)]
struct LineOut<'a> {
    path: String,
    #[serde(flatten)]
    claim: ClaimOut<'a>,
    level: Level,
    fingerprint: &'a str,
}

/// One compact JSON object per claim, in document order, each ended by a newline.
pub(crate) fn json_lines(run: &Run) -> String {
    let fingerprints = run_fingerprints(run);
    let mut out = String::new();
    for (d, prints) in run.documents.iter().zip(&fingerprints) {
        for (f, fingerprint) in d.findings.iter().zip(prints) {
            let line = LineOut {
                path: display_path(&d.document.path),
                claim: claim_out(d, f),
                level: run.level(f),
                fingerprint,
            };
            out.push_str(&serde_json::to_string(&line).expect("report values always serialise"));
            out.push('\n');
        }
    }
    out
}
