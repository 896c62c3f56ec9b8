//! reviewdog's Diagnostic Format: `rdjson` (one result object) and `rdjsonl` (one diagnostic
//! per line, each carrying its source), for `reviewdog -f=rdjson`. Columns are UTF-8 bytes, as
//! reviewdog.proto defines them. Supported claims are left out, as in every problem format.
//! reviewdog.proto has no fingerprint field, and reviewdog decodes with protobuf's JSON rules,
//! which refuse unknown fields, so the fingerprint is not written here.

use serde_json::{Value, json};

use crate::location::Location;
use crate::text::{evidence_line, message};
use crate::{INFORMATION_URI, Level, Run, display_path, rule};

pub(crate) fn rdjson(run: &Run) -> String {
    let result = json!({
        "source": source(),
        "severity": "WARNING",
        "diagnostics": diagnostics(run),
    });
    let mut out = serde_json::to_string_pretty(&result).expect("diagnostics always serialise");
    out.push('\n');
    out
}

pub(crate) fn rdjsonl(run: &Run) -> String {
    let mut out = String::new();
    for mut d in diagnostics(run) {
        d["source"] = source();
        out.push_str(&serde_json::to_string(&d).expect("diagnostics always serialise"));
        out.push('\n');
    }
    out
}

fn source() -> Value {
    json!({ "name": "claimcheck", "url": INFORMATION_URI })
}

fn diagnostics(run: &Run) -> Vec<Value> {
    let mut out = Vec::new();
    for d in &run.documents {
        for f in &d.findings {
            let level = run.level(f);
            if level == Level::Note || f.verdict.is_none() {
                continue;
            }
            let at = Location::of(d, f);
            let mut text = message(f);
            for e in f.verdict.iter().flat_map(|v| &v.evidence) {
                text.push_str("\nEvidence: ");
                text.push_str(&evidence_line(e));
            }
            let mut code = json!({ "value": f.rule_id() });
            if let Some(r) = rule(f.rule_id()) {
                code["url"] = json!(r.help_uri());
            }
            out.push(json!({
                "message": text,
                "location": {
                    "path": display_path(&d.document.path),
                    "range": {
                        "start": { "line": at.span.line, "column": at.byte_column },
                        "end": { "line": at.span.end_line, "column": at.end_byte_column },
                    },
                },
                "severity": severity(level),
                "code": code,
            }));
        }
    }
    out
}

fn severity(level: Level) -> &'static str {
    match level {
        Level::Error => "ERROR",
        Level::Warning => "WARNING",
        Level::Info | Level::Note => "INFO",
    }
}
