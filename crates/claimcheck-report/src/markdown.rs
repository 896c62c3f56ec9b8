//! The Markdown report, for a pull-request comment or a GitHub job summary: counts by verdict,
//! then per file the claims that need attention (contradicted first) in a table, and the
//! supported ones folded away in `<details>`.

use std::fmt::Write as _;

use claimcheck_core::Status;

use crate::location::Location;
use crate::stream::write_if_long;
use crate::text::{message, verdict_word};
use crate::{DocumentResult, Finding, Level, Run, display_path};

/// The Markdown report, written to `sink` a megabyte or so at a time.
pub(crate) fn write_markdown(run: &Run, sink: &mut dyn std::io::Write) -> std::io::Result<()> {
    let s = run.summary();
    let mut out = String::new();
    let files = plural(s.documents, "file", "files");
    let claims = plural(s.claims, "claim", "claims");
    if run.verified {
        let _ = writeln!(
            out,
            "### claimcheck: {} contradicted · {} unverified · {} supported — {} {claims} in {} {files}\n",
            s.contradicted, s.unverified, s.supported, s.claims, s.documents
        );
        out.push_str("| Verdict | Claims |\n|---|---:|\n");
        for (status, n) in [
            (Status::Contradicted, s.contradicted),
            (Status::Unverified, s.unverified),
            (Status::Supported, s.supported),
        ] {
            let _ = writeln!(out, "| {} {} | {n} |", icon(Some(status)), status.as_str());
        }
        out.push('\n');
    } else {
        let _ = writeln!(
            out,
            "### claimcheck: {} {claims} extracted from {} {files}\n",
            s.claims, s.documents
        );
    }
    for d in &run.documents {
        document(&mut out, run, d, sink)?;
        write_if_long(&mut out, sink)?;
    }
    sink.write_all(out.as_bytes())
}

/// A document's part. A long one is written to `sink` a megabyte or so at a time.
fn document(
    out: &mut String,
    run: &Run,
    d: &DocumentResult,
    sink: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let path = display_path(&d.document.path);
    let _ = write!(out, "#### `{}`", path.replace('`', "'"));
    if let Some(title) = &d.document.title {
        let _ = write!(out, " — {}", cell(title));
    }
    out.push_str("\n\n");
    if d.findings.is_empty() {
        out.push_str("No checkable claims found.\n\n");
        return Ok(());
    }
    let mut open: Vec<&Finding> = d
        .findings
        .iter()
        .filter(|f| f.status() != Some(Status::Supported))
        .collect();
    // Contradicted first, then the louder unverified ones; document order within each.
    open.sort_by_key(|f| {
        (
            f.status() != Some(Status::Contradicted),
            std::cmp::Reverse(run.level(f)),
            f.claim.span.start,
        )
    });
    if open.is_empty() {
        out.push_str("Every claim is supported.\n\n");
    } else {
        out.push_str(
            "| | Location | Rule | Claim | Finding | Evidence |\n|---|---|---|---|---|---|\n",
        );
        for f in open {
            let at = Location::of(d, f);
            let mark = if run.level(f) <= Level::Info && f.status() == Some(Status::Unverified) {
                "ℹ️"
            } else {
                icon(f.status())
            };
            let _ = writeln!(
                out,
                "| {mark} | `{path}:{}:{}` | `{}` | {} | {} | {} |",
                at.line(),
                at.column(),
                f.rule_id(),
                cell(&f.claim.text),
                cell(&message(f)),
                evidence(f)
            );
            write_if_long(out, sink)?;
        }
        out.push('\n');
    }
    let supported: Vec<&Finding> = d
        .findings
        .iter()
        .filter(|f| f.status() == Some(Status::Supported))
        .collect();
    if !supported.is_empty() {
        let _ = writeln!(
            out,
            "<details><summary>{} supported {}</summary>\n",
            supported.len(),
            plural(supported.len(), "claim", "claims")
        );
        out.push_str("| Line | Rule | Claim | Finding | Evidence |\n|---|---|---|---|---|\n");
        for f in supported {
            let at = Location::of(d, f);
            let _ = writeln!(
                out,
                "| {} | `{}` | {} | {} | {} |",
                at.line(),
                f.rule_id(),
                cell(&f.claim.text),
                cell(&message(f)),
                evidence(f)
            );
            write_if_long(out, sink)?;
        }
        out.push_str("\n</details>\n\n");
    }
    Ok(())
}

fn icon(status: Option<Status>) -> &'static str {
    match status {
        Some(Status::Contradicted) => "❌",
        Some(Status::Unverified) => "⚠️",
        Some(Status::Supported) => "✅",
        None => "•",
    }
}

/// The evidence as links where it has a URL, values otherwise, separated by line breaks.
fn evidence(f: &Finding) -> String {
    let Some(v) = &f.verdict else {
        return verdict_word(f).to_string();
    };
    if v.evidence.is_empty() {
        return "—".to_string();
    }
    v.evidence
        .iter()
        .map(|e| {
            let mut s = match &e.url {
                Some(url) => format!("[{}]({})", cell(&e.source), url_cell(url)),
                None => cell(&e.source),
            };
            for part in [&e.value, &e.passage].into_iter().flatten() {
                s.push_str(": ");
                s.push_str(&cell(part));
            }
            s
        })
        .collect::<Vec<_>>()
        .join("<br>")
}

/// Text made safe for a table cell: Markdown and HTML syntax escaped, so article text can
/// neither break the table nor inject markup; line breaks become `<br>`.
fn cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' => out.push_str("<br>"),
            '\r' => {}
            '|' | '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// A URL as a link target: spaces and parentheses encoded so the link cannot end early.
fn url_cell(url: &str) -> String {
    url.replace(' ', "%20")
        .replace('(', "%28")
        .replace(')', "%29")
        .replace('|', "%7C")
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_cannot_break_the_table() {
        assert_eq!(cell("a|b\n<i>*x*"), "a\\|b<br>&lt;i&gt;\\*x\\*");
        assert_eq!(url_cell("https://e.org/a (b)"), "https://e.org/a%20%28b%29");
    }
}
