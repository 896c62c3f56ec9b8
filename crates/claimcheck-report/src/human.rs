//! The terminal report: each claim as a rustc-like diagnostic (the source line with the claim
//! underlined, the verdict and its rule, the explanation and the evidence), then a summary.

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
use claimcheck_core::{Details, Status};

use crate::{Finding, Run};

/// The run for a person to read; `styled` adds colour.
pub fn human(run: &Run, styled: bool) -> String {
    let mut out = String::new();
    human_in_parts(run, styled, &mut |part| {
        out.push_str(part);
        Ok(())
    })
    .expect("a report is written to memory");
    out
}

/// [`human`] written to `out` a finding at a time.
pub(crate) fn write_human(
    run: &Run,
    styled: bool,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    human_in_parts(run, styled, &mut |part| out.write_all(part.as_bytes()))
}

/// The report in parts, in order: each finding's diagnostic, then the summary.
fn human_in_parts(
    run: &Run,
    styled: bool,
    emit: &mut dyn FnMut(&str) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for d in &run.documents {
        for f in &d.findings {
            let fs = d.document.file_span(f.claim.span);
            let label = describe(f);
            let (level, title) = match &f.verdict {
                Some(v) => (level_of(v.status), v.explanation.as_str()),
                None => (
                    Level::INFO.with_name(Some(f.claim.kind.as_str())),
                    label.as_str(),
                ),
            };
            let mut title = level.primary_title(title);
            if let Some(v) = &f.verdict {
                title = title.id(v.rule.as_str());
            } else {
                title = title.id(f.claim.id.as_str());
            }
            // The snippet is given only the claim's own lines, numbered from its first: given
            // the whole file, the renderer walks it from the top for every claim, which made a
            // 1 MB article take seconds.
            let source = d.document.source();
            let (from, to) = lines_around(source, fs.start, fs.end);
            let mut group = title.element(
                Snippet::source(&source[from..to])
                    .line_start(fs.line)
                    .path(d.document.path.as_str())
                    .annotation(
                        AnnotationKind::Primary
                            .span(fs.start - from..fs.end - from)
                            .label(label.as_str()),
                    ),
            );
            if let Some(v) = &f.verdict {
                for e in &v.evidence {
                    let mut line = format!("evidence: {}", e.source);
                    for part in [&e.value, &e.passage, &e.url].into_iter().flatten() {
                        line.push_str(": ");
                        line.push_str(part);
                    }
                    group = group.element(Level::NOTE.message(line));
                }
            }
            out.push_str(&renderer.render(&[group]));
            out.push_str("\n\n");
            emit(&out)?;
            out.clear();
        }
    }
    out.push_str(&summary_line(run));
    out.push('\n');
    emit(&out)
}

/// The byte range of the whole lines that hold `start..end`: from after the last line break
/// before `start` to the first line break at or after `end` (or the end of the text).
fn lines_around(source: &str, start: usize, end: usize) -> (usize, usize) {
    let bytes = source.as_bytes();
    let start = start.min(bytes.len());
    let end = end.clamp(start, bytes.len());
    let from = bytes[..start]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let to = bytes[end..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |i| end + i);
    // A CRLF line's carriage return is the renderer's to drop, as it does within a text.
    let to = if to > end && bytes[to - 1] == b'\r' {
        to - 1
    } else {
        to
    };
    (from, to)
}

fn level_of(status: Status) -> Level<'static> {
    match status {
        Status::Supported => Level::HELP.with_name(Some("supported")),
        Status::Contradicted => Level::ERROR.with_name(Some("contradicted")),
        Status::Unverified => Level::WARNING.with_name(Some("unverified")),
    }
}

/// A short account of what was extracted, for the underline's label.
fn describe(f: &Finding) -> String {
    match &*f.claim.details {
        Details::Date(d) => {
            let value = d
                .date
                .map_or_else(|| "date unresolved".to_string(), |v| v.to_string());
            match &d.weekday {
                Some(w) => format!("date {value}, stated as a {w}"),
                None => format!("date {value}"),
            }
        }
        Details::Distance(d) => format!(
            "distance {} {} ({} km) from {} to {}",
            d.value,
            d.unit,
            d.claimed_km,
            d.from.as_deref().unwrap_or("?"),
            d.to.as_deref().unwrap_or("?")
        ),
        Details::Attribution(a) => {
            let who = a
                .speaker
                .as_deref()
                .or(a.role.as_deref())
                .unwrap_or("an unnamed speaker");
            format!("attributed to {who} ({})", a.cue)
        }
        Details::Quantity(q) => match &q.unit {
            Some(u) => format!("quantity {} {u}", q.value),
            None => format!("quantity {}", q.value),
        },
    }
}

fn summary_line(run: &Run) -> String {
    let s = run.summary();
    let files = if s.documents == 1 { "file" } else { "files" };
    let claims = if s.claims == 1 { "claim" } else { "claims" };
    if !run.verified {
        return format!(
            "{} {claims} extracted from {} {files}",
            s.claims, s.documents
        );
    }
    format!(
        "{} {claims} in {} {files}: {} supported, {} contradicted, {} unverified",
        s.claims, s.documents, s.supported, s.contradicted, s.unverified
    )
}

#[cfg(test)]
mod tests {
    use super::lines_around;

    #[test]
    fn lines_around_a_span() {
        let text = "one\ntwo three\r\nfour\nfive";
        let at = |s: &str| text.find(s).unwrap();
        // A span inside a line, on the first line and on the last line with no break after it.
        assert_eq!(
            &text[range(lines_around(text, at("three"), at("three") + 5))],
            "two three"
        );
        assert_eq!(&text[range(lines_around(text, 0, 3))], "one");
        assert_eq!(
            &text[range(lines_around(text, at("five"), text.len()))],
            "five"
        );
        // A span over a line break takes both lines whole.
        assert_eq!(
            &text[range(lines_around(text, at("three"), at("four") + 2))],
            "two three\r\nfour"
        );
        // An empty span at a line's start, and offsets past the end, stay in bounds.
        assert_eq!(
            &text[range(lines_around(text, at("four"), at("four")))],
            "four"
        );
        assert_eq!(lines_around(text, 99, 120), (at("five"), text.len()));
    }

    fn range((from, to): (usize, usize)) -> std::ops::Range<usize> {
        from..to
    }
}
