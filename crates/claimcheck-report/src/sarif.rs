//! SARIF 2.1.0, for `github/codeql-action/upload-sarif` and SARIF viewers: one run, the rule
//! table from the registry, and one result per claim that needs attention.
//!
//! Supported claims are omitted unless [`RenderOptions::include_supported`] asks for them; then
//! they are `kind: "pass"` with `level: "none"`, as the specification requires of non-failing
//! results. Columns are Unicode code points (`columnKind`), matching every other format.

use std::cell::RefCell;
use std::io::{self, Write};

use claimcheck_core::Status;
use serde::Serialize;
use serde_json::{Value, json};

use crate::location::Location;
use crate::stream::{Stream, write_pretty};
use crate::text::{evidence_line, message};
use crate::{INFORMATION_URI, Level, RenderOptions, Run, display_path, rules, run_fingerprints};

/// The SARIF log, written to `out` one result at a time (see [`crate::stream`]).
pub(crate) fn write_sarif(
    run: &Run,
    options: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    // The rule table is the whole registry, in its fixed order, so `ruleIndex` values are
    // stable across runs; ids the registry does not know are appended as they appear (the
    // table is written after the results, which is where its key puts it).
    let rule_ids: RefCell<Vec<String>> =
        RefCell::new(rules().iter().map(|r| r.id.to_string()).collect());
    let descriptors: RefCell<Vec<Value>> = RefCell::new(
        rules()
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
            .collect(),
    );

    let fingerprints = run_fingerprints(run);
    let results = run
        .documents
        .iter()
        .zip(&fingerprints)
        .flat_map(|(d, prints)| {
            let uri = uri_reference(&display_path(&d.document.path));
            let (rule_ids, descriptors) = (&rule_ids, &descriptors);
            d.findings
                .iter()
                .zip(prints)
                .filter_map(move |(f, fingerprint)| {
                    let supported = f.status() == Some(Status::Supported);
                    // A claim without a verdict (`extract`) is not a result: nothing was checked.
                    if f.verdict.is_none() || supported && !options.include_supported {
                        return None;
                    }
                    let id = f.rule_id();
                    let index = rule_index(id, run.level(f), rule_ids, descriptors);
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
                    Some(result)
                })
        });

    // The log's keys in the order a `Value` map writes them, sorted, as the report always had.
    #[derive(Serialize)]
    #[serde(bound = "Stream<R>: Serialize")]
    struct Log<'a, R> {
        #[serde(rename = "$schema")]
        schema: &'static str,
        runs: [SarifRun<'a, R>; 1],
        version: &'static str,
    }
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase", bound = "Stream<R>: Serialize")]
    struct SarifRun<'a, R> {
        automation_details: Value,
        column_kind: &'static str,
        invocations: Value,
        results: Stream<R>,
        tool: Tool<'a>,
    }
    /// The driver and its rule table, taken when it is written: after every result.
    struct Tool<'a>(&'a RefCell<Vec<Value>>);
    impl Serialize for Tool<'_> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let rules = std::mem::take(&mut *self.0.borrow_mut());
            json!({
                "driver": {
                    "name": "claimcheck",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "informationUri": INFORMATION_URI,
                    "rules": rules,
                },
            })
            .serialize(serializer)
        }
    }
    let log = Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        runs: [SarifRun {
            automation_details: json!({ "id": "claimcheck/" }),
            column_kind: "unicodeCodePoints",
            invocations: json!([{ "executionSuccessful": true }]),
            results: Stream::new(results),
            tool: Tool(&descriptors),
        }],
        version: "2.1.0",
    };
    write_pretty(out, &log)
}

/// The index of rule `id` in the table, which gets a short entry for an id the registry does
/// not know.
fn rule_index(
    id: &str,
    level: Level,
    rule_ids: &RefCell<Vec<String>>,
    descriptors: &RefCell<Vec<Value>>,
) -> usize {
    let mut ids = rule_ids.borrow_mut();
    if let Some(i) = ids.iter().position(|r| r == id) {
        return i;
    }
    ids.push(id.to_string());
    descriptors.borrow_mut().push(json!({
        "id": id,
        "shortDescription": { "text": format!("{id}.") },
        "defaultConfiguration": { "level": sarif_level(level) },
    }));
    ids.len() - 1
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
