//! SARIF 2.1.0, for `github/codeql-action/upload-sarif` and SARIF viewers: one run, the rule
//! table from the registry, and one result per claim that needs attention.
//!
//! Supported claims are omitted unless [`RenderOptions::include_supported`] asks for them; then
//! they are `kind: "pass"` with `level: "none"`, as the specification requires of non-failing
//! results. Columns are Unicode code points (`columnKind`), matching every other format.

use claimcheck_core::Status;
use serde_json::{Value, json};

use crate::location::Location;
use crate::text::{evidence_line, message};
use crate::{INFORMATION_URI, Level, RenderOptions, Run, display_path, rules, run_fingerprints};

pub(crate) fn sarif(run: &Run, options: &RenderOptions) -> String {
    // The rule table is the whole registry, in its fixed order, so `ruleIndex` values are
    // stable across runs; ids the registry does not know are appended as they appear.
    let mut rule_ids: Vec<String> = rules().iter().map(|r| r.id.to_string()).collect();
    let mut descriptors: Vec<Value> = rules()
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "name": r.name(),
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": first_paragraph(r.doc) },
                "helpUri": r.help_uri(),
                "help": { "text": r.doc, "markdown": r.doc },
                "defaultConfiguration": { "level": sarif_level(r.level) },
                "properties": { "tags": [r.category()] },
            })
        })
        .collect();

    let fingerprints = run_fingerprints(run);
    let mut results = Vec::new();
    for (d, prints) in run.documents.iter().zip(&fingerprints) {
        let uri = uri_reference(&display_path(&d.document.path));
        for (f, fingerprint) in d.findings.iter().zip(prints) {
            let supported = f.status() == Some(Status::Supported);
            // A claim without a verdict (`extract`) is not a result: nothing was checked.
            if f.verdict.is_none() || supported && !options.include_supported {
                continue;
            }
            let id = f.rule_id();
            let index = match rule_ids.iter().position(|r| r == id) {
                Some(i) => i,
                None => {
                    rule_ids.push(id.to_string());
                    descriptors.push(json!({
                        "id": id,
                        "shortDescription": { "text": format!("{id}.") },
                        "defaultConfiguration": { "level": sarif_level(run.level(f)) },
                    }));
                    rule_ids.len() - 1
                }
            };
            let at = Location::of(d, f);
            let mut text = message(f);
            if !text.ends_with(['.', '!', '?']) {
                text.push('.');
            }
            let mut result = json!({
                "ruleId": id,
                "ruleIndex": index,
                "message": { "text": text },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri },
                        "region": {
                            "startLine": at.span.line,
                            "startColumn": at.span.column,
                            "endLine": at.span.end_line,
                            "endColumn": at.span.end_column.max(1),
                            "snippet": { "text": f.claim.text },
                        },
                    },
                }],
                "partialFingerprints": { "claimcheck/v1": fingerprint },
                "properties": {
                    "claimId": f.claim.id,
                    "claimKind": f.claim.kind.as_str(),
                    "claimStatus": crate::text::verdict_word(f),
                },
            });
            if supported {
                result["kind"] = json!("pass");
                result["level"] = json!("none");
            } else {
                result["kind"] = json!("fail");
                result["level"] = json!(sarif_level(run.level(f)));
            }
            if let Some(v) = &f.verdict
                && !v.evidence.is_empty()
            {
                let evidence: Vec<String> = v.evidence.iter().map(evidence_line).collect();
                result["properties"]["evidence"] = json!(evidence);
                result["properties"]["confidence"] = json!(v.confidence);
            }
            results.push(result);
        }
    }

    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "claimcheck",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "informationUri": INFORMATION_URI,
                    "rules": descriptors,
                },
            },
            "automationDetails": { "id": "claimcheck/" },
            "columnKind": "unicodeCodePoints",
            "invocations": [{ "executionSuccessful": true }],
            "results": results,
        }],
    });
    let mut out = serde_json::to_string_pretty(&log).expect("SARIF values always serialise");
    out.push('\n');
    out
}

/// A relative path as an RFC 3986 URI reference: every byte outside the characters a path may
/// hold is percent-encoded (a space, `%`, `#`, `?`, non-ASCII letters as UTF-8). `:` is
/// encoded too, because in a first segment it would read as a scheme.
fn uri_reference(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        let keep = b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=@/".contains(&b);
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The first paragraph of a rule's documentation, joined onto one line: what the rule means.
fn first_paragraph(doc: &str) -> String {
    let para = doc.split("\n\n").next().unwrap_or(doc);
    para.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// SARIF has no `info`: both quiet levels are notes.
fn sarif_level(level: Level) -> &'static str {
    match level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Info | Level::Note => "note",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(
            uri_reference("notes/brief, draft.txt"),
            "notes/brief,%20draft.txt"
        );
        assert_eq!(uri_reference("a:b/é#1%.md"), "a%3Ab/%C3%A9%231%25.md");
    }
}
