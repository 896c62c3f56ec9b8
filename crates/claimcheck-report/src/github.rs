//! GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` annotation per
//! claim that needs attention, errors first.
//!
//! GitHub shows only 10 annotations of each level per step, so at most that many are written per
//! level, and when any are left out a final `::notice::` says how many and where the full list is
//! (the Markdown job summary, SARIF). That notice is itself a notice, so when it is needed one
//! fewer ordinary notice is written. Supported claims are not annotated: they are not problems,
//! and they would crowd out the ones that are.

use std::fmt::Write as _;

use crate::location::Location;
use crate::text::{evidence_line, message};
use crate::{DocumentResult, Finding, Level, RenderOptions, Run, display_path};

/// GitHub's per-step display limit for each annotation level.
const GITHUB_LIMIT: usize = 10;

pub(crate) fn github(run: &Run, options: &RenderOptions) -> String {
    let limit = options.github_limit.unwrap_or(GITHUB_LIMIT).max(1);
    let mut items: Vec<(Level, &DocumentResult, &Finding)> = run
        .documents
        .iter()
        .flat_map(|d| d.findings.iter().map(move |f| (run.level(f), d, f)))
        .filter(|(level, _, f)| *level > Level::Note && f.verdict.is_some())
        .collect();
    // Loudest first; then path and position, so the order is the same on every run.
    items.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| display_path(&a.1.document.path).cmp(&display_path(&b.1.document.path)))
            .then_with(|| a.2.claim.span.start.cmp(&b.2.claim.span.start))
    });
    let count = |cmd: &str| items.iter().filter(|(l, _, _)| command(*l) == cmd).count();
    let overflow: usize = ["error", "warning", "notice"]
        .iter()
        .map(|cmd| count(cmd).saturating_sub(limit))
        .sum();
    let mut out = String::new();
    let mut written = [0usize; 3];
    let mut hidden = 0;
    for (level, d, f) in &items {
        let cmd = command(*level);
        let slot = match cmd {
            "error" => 0,
            "warning" => 1,
            _ => 2,
        };
        // The closing notice takes one of the notice slots when something is left out.
        let cap = if slot == 2 && overflow > 0 {
            limit - 1
        } else {
            limit
        };
        if written[slot] >= cap {
            hidden += 1;
            continue;
        }
        written[slot] += 1;
        out.push_str(&annotation(cmd, d, f));
    }
    if hidden > 0 {
        let _ = writeln!(
            out,
            "::notice title=claimcheck::{}",
            escape_data(&format!(
                "claimcheck: {hidden} more {} not annotated (GitHub shows {limit} per level per step); \
                 see the job summary (--report markdown=PATH) or the SARIF report for all of them",
                if hidden == 1 { "finding" } else { "findings" }
            ))
        );
    }
    out
}

fn command(level: Level) -> &'static str {
    match level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Info | Level::Note => "notice",
    }
}

fn annotation(cmd: &str, d: &DocumentResult, f: &Finding) -> String {
    let at = Location::of(d, f);
    let mut props = vec![
        format!("file={}", escape_property(&display_path(&d.document.path))),
        format!("line={}", at.span.line),
        format!("endLine={}", at.span.end_line),
    ];
    // GitHub reads columns only within one line.
    if at.single_line() {
        props.push(format!("col={}", at.span.column));
        props.push(format!("endColumn={}", at.span.end_column));
    }
    props.push(format!(
        "title={}",
        escape_property(&format!("claimcheck {}", f.rule_id()))
    ));
    let mut text = message(f);
    for e in f.verdict.iter().flat_map(|v| &v.evidence) {
        text.push_str("\nEvidence: ");
        text.push_str(&evidence_line(e));
    }
    format!("::{cmd} {}::{}\n", props.join(","), escape_data(&text))
}

/// A message as GitHub's toolkit escapes it (`escapeData`): `%`, CR and LF.
pub(crate) fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value as GitHub's toolkit escapes it (`escapeProperty`): also `:` and `,`, which
/// would otherwise end the value.
pub(crate) fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_toolkit_does() {
        assert_eq!(
            escape_data("5% off\r\nnext: a, b"),
            "5%25 off%0D%0Anext: a, b"
        );
        assert_eq!(escape_property("a,b:c%.md"), "a%2Cb%3Ac%25.md");
    }
}
