//! reviewdog's Diagnostic Format: `rdjson` (one result object) and `rdjsonl` (one diagnostic
//! per line, each carrying its source), for `reviewdog -f=rdjson`. Columns are UTF-8 bytes, as
//! reviewdog.proto defines them. Supported claims are left out, as in every problem format.
//! reviewdog.proto has no fingerprint field, and reviewdog decodes with protobuf's JSON rules,
//! which refuse unknown fields, so the fingerprint is not written here.

use std::io::{self, Write};

use serde_json::{Value, json};

use crate::location::Location;
use crate::stream::{Stream, write_pretty};
use crate::text::{evidence_line, message};
use crate::{INFORMATION_URI, Level, Run, display_path, rule};

/// The result object, written one diagnostic at a time (see [`crate::stream`]).
pub(crate) fn write_rdjson(run: &Run, out: &mut dyn Write) -> io::Result<()> {
    /// The keys in the order a `Value` map writes them, sorted, as the report always had.
    #[derive(serde::Serialize)]
    #[serde(bound = "Stream<D>: serde::Serialize")]
    struct Result<D> {
        diagnostics: Stream<D>,
        severity: &'static str,
        source: Value,
    }
    let result = Result {
        diagnostics: Stream::new(diagnostics(run)),
        severity: "WARNING",
        source: source(),
    };
    write_pretty(out, &result)
}

/// One diagnostic a line, each written as it is made.
pub(crate) fn write_rdjsonl(run: &Run, out: &mut dyn Write) -> io::Result<()> {
    for mut d in diagnostics(run) {
        d["source"] = source();
        serde_json::to_writer(&mut *out, &d)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

fn source() -> Value {
    json!({ "name": "claimcheck", "url": INFORMATION_URI })
}

fn diagnostics(run: &Run) -> impl Iterator<Item = Value> {
    run.documents.iter().flat_map(move |d| {
        d.findings.iter().filter_map(move |f| {
            let level = run.level(f);
            if level == Level::Note || f.verdict.is_none() {
                return None;
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
            Some(json!({
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
            }))
        })
    })
}

fn severity(level: Level) -> &'static str {
    match level {
        Level::Error => "ERROR",
        Level::Warning => "WARNING",
        Level::Info | Level::Note => "INFO",
    }
}
