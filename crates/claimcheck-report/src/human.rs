//! The terminal report: each claim as a rustc-like diagnostic (the source line with the claim
//! underlined, the verdict and its rule, the explanation and the evidence), then a summary.

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
use claimcheck_core::{Details, Status};

use crate::{Finding, Run};

/// The run for a person to read; `styled` adds colour.
pub fn human(run: &Run, styled: bool) -> String {
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
            let mut group = title.element(
                Snippet::source(d.document.source())
                    .path(d.document.path.as_str())
                    .annotation(
                        AnnotationKind::Primary
                            .span(fs.start..fs.end)
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
        }
    }
    out.push_str(&summary_line(run));
    out.push('\n');
    out
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
