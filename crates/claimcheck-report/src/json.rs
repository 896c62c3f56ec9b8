//! JSON contract version 1: one object with the tool, the documents and their claims, and a
//! summary. Fields may be added; none may be renamed or removed without bumping `version`.

use claimcheck_core::{Details, Evidence, FileSpan};
use serde::Serialize;

use crate::{Run, Summary};

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

/// The run as contract v1, pretty-printed, with a trailing newline.
pub fn json(run: &Run) -> String {
    let documents = run
        .documents
        .iter()
        .map(|d| DocumentOut {
            path: &d.document.path,
            published: d.published.map(|p| p.to_string()),
            title: d.document.title.as_deref(),
            claims: d
                .findings
                .iter()
                .map(|f| ClaimOut {
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
                })
                .collect(),
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
