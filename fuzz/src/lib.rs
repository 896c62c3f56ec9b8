//! What every fuzz target checks: the readers and the extractors take any input without a
//! panic, and every span they hand out stands inside the text it names, on character
//! boundaries, so that the reports can slice with it.

use claimcheck_core::{Document, Format, Span, Suppressions};
use claimcheck_extract::ExtractOptions;

/// The publication date the targets anchor dates to when the input states none (the sample
/// article's), so that dates without a year are resolved and checked too.
fn anchor() -> jiff::civil::Date {
    jiff::civil::date(2024, 3, 6)
}

/// Parses `source` as `format`, extracts its claims, and maps every claim and link back to
/// the file, as `claimcheck check` does before it reports.
pub fn check_document(source: &str, format: Format) {
    let doc = Document::parse("fuzz", source.to_string(), format);
    assert_eq!(doc.source, source);
    for link in &doc.links {
        assert_plain_span(&doc.text, link.span);
        assert_file_span(&doc, link.span);
    }
    let published = doc.published.or(Some(anchor()));
    let claims = claimcheck_extract::extract(&doc.text, &ExtractOptions { published });
    let mut directives = Suppressions::parse(&doc);
    for claim in &claims {
        assert_plain_span(&doc.text, claim.span);
        let fs = assert_file_span(&doc, claim.span);
        let _ = doc.cited_links(claim.span);
        let _ = directives.lookup(fs, "date.weekday-mismatch", claim.kind.as_str());
    }
    let _ = directives.unused();
    assert_file_span(&doc, Span::new(0, doc.text.len()));
}

/// Extracts the claims of a plain text, with or without a publication date.
pub fn check_text(text: &str, published: Option<jiff::civil::Date>) {
    let claims = claimcheck_extract::extract(text, &ExtractOptions { published });
    let mut last = 0;
    for claim in &claims {
        assert_plain_span(text, claim.span);
        assert!(claim.span.start >= last, "claims in document order");
        last = claim.span.start;
    }
}

fn assert_plain_span(text: &str, span: Span) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "span {span:?} outside a plain text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "span {span:?} not on character boundaries"
    );
}

fn assert_file_span(doc: &Document, span: Span) -> claimcheck_core::FileSpan {
    let fs = doc.file_span(span);
    let source = &doc.source;
    assert!(
        fs.start <= fs.end && fs.end <= source.len(),
        "file span {fs:?} of {span:?} outside a file of {} bytes",
        source.len()
    );
    assert!(
        source.is_char_boundary(fs.start) && source.is_char_boundary(fs.end),
        "file span {fs:?} of {span:?} not on character boundaries"
    );
    assert!(fs.line >= 1 && fs.column >= 1 && fs.end_line >= fs.line);
    fs
}
