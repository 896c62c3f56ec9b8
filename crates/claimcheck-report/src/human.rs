//! The terminal report: each claim as a rustc-like diagnostic (the source line with the claim
//! underlined, the verdict and its rule, the explanation and the evidence), then a summary.

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
use claimcheck_core::{Details, FileSpan, Status};

use crate::{Finding, Run};

/// The run for a person to read; `styled` adds colour.
pub fn human(run: &Run, styled: bool) -> String {
    crate::stream::to_string(|out| write_human(run, styled, out))
}

/// [`human`] written to `sink` a finding at a time, then the summary.
pub(crate) fn write_human(
    run: &Run,
    styled: bool,
    sink: &mut dyn std::io::Write,
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
            // 1 MB article take seconds. A line too long to show whole (a paragraph held on one
            // line, a file without line breaks) is shown around the claim only (see `Cut`).
            let source = d.document.source();
            let (from, to) = (d.document.map)
                .lines(source, fs.line, fs.end_line)
                .unwrap_or((fs.start, fs.end));
            let cut = (to - from > LONG_LINE).then(|| Cut::new(source, (from, to), fs));
            let (shown, start, end) = match &cut {
                Some(c) => (c.text.as_str(), c.start, c.end),
                None => (&source[from..to], fs.start - from, fs.end - from),
            };
            let mut group = title.element(
                Snippet::source(shown)
                    .line_start(fs.line)
                    .path(d.document.path.as_str())
                    .annotation(
                        AnnotationKind::Primary
                            .span(start..end)
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
            let rendered = renderer.render(&[group]);
            match &cut {
                Some(c) => out.push_str(&c.place_fixed(&rendered, fs)),
                None => out.push_str(&rendered),
            }
            out.push_str("\n\n");
            sink.write_all(out.as_bytes())?;
            out.clear();
        }
    }
    out.push_str(&summary_line(run));
    out.push('\n');
    sink.write_all(out.as_bytes())
}

/// The longest stretch of lines a claim is shown in whole (bytes): a long paragraph on one line
/// is shown whole, a text of hundreds of kilobytes without a line break is not.
const LONG_LINE: usize = 4096;

/// The bytes shown on each side of a claim on a longer line.
const CONTEXT: usize = 120;

/// A claim on a line longer than [`LONG_LINE`], shown with about [`CONTEXT`] bytes on each side
/// and an ellipsis where the line goes on. The renderer counts the column it prints from the start
/// of what it is given, so the place it prints is set right afterwards.
struct Cut {
    text: String,
    /// The claim's bytes in `text`.
    start: usize,
    end: usize,
}

impl Cut {
    fn new(source: &str, (from, to): (usize, usize), fs: FileSpan) -> Cut {
        // Out to character boundaries: `from` and `to` are line starts or the end, so neither
        // moves past them.
        let mut a = fs.start.saturating_sub(CONTEXT).max(from);
        while !source.is_char_boundary(a) {
            a -= 1;
        }
        let mut b = fs.end.saturating_add(CONTEXT).min(to);
        while !source.is_char_boundary(b) {
            b += 1;
        }
        let mut text = String::with_capacity(b - a + 6);
        if a > from {
            text.push('…');
        }
        let start = text.len() + (fs.start - a);
        let end = text.len() + (fs.end - a);
        text.push_str(&source[a..b]);
        if b < to {
            text.push('…');
        }
        Cut { text, start, end }
    }

    /// `rendered` with the column of its location line, which the renderer counted in the cut
    /// text, replaced by the claim's column in the file.
    fn place_fixed(&self, rendered: &str, fs: FileSpan) -> String {
        let counted = self.text[..self.start].chars().count() + 1;
        let wrong = format!(":{}:{counted}", fs.line);
        let right = format!(":{}:{}", fs.line, fs.column);
        let after = rendered.find("-->").unwrap_or(0);
        match rendered[after..].find(&wrong) {
            Some(k) => {
                let at = after + k;
                let mut fixed = String::with_capacity(rendered.len() + 8);
                fixed.push_str(&rendered[..at]);
                fixed.push_str(&right);
                fixed.push_str(&rendered[at + wrong.len()..]);
                fixed
            }
            None => rendered.to_string(),
        }
    }
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
            let value = match d.date {
                Some(v) => v.to_string(),
                None if d.no_such_day => "with no such day".to_string(),
                None => "unresolved".to_string(),
            };
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
    use super::*;

    /// A claim on a line of 100 KB is shown with its context, and the place printed is the
    /// claim's in the file, though the renderer counted it in the cut text.
    #[test]
    fn a_long_line_is_shown_around_the_claim() {
        use claimcheck_core::{Document, Format, Span};
        let mut text = "é word ".repeat(15_000);
        let at = text.len();
        text.push_str("5 km further");
        text.push_str(&" more".repeat(100));
        let run = Run {
            documents: vec![crate::DocumentResult {
                document: Document::parse("a.txt", text.clone(), Format::Text),
                published: None,
                findings: vec![crate::km_finding(&text, Span::new(at, at + 4), "c1")],
            }],
            ..Run::default()
        };
        let out = human(&run, false);
        let column = text[..at].chars().count() + 1;
        assert!(out.contains(&format!("--> a.txt:1:{column}\n")), "{out}");
        assert!(out.contains("1 | …é word é word"), "{out}");
        assert!(out.contains("é word 5 km further"), "{out}");
        assert!(out.len() < 2_000, "{} bytes", out.len());
    }
}
