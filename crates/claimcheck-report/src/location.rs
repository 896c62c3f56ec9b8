//! Where a finding stands in its file, in each unit the formats need: lines, character columns
//! (every format but rdjson) and UTF-8 byte columns (rdjson), and the path as machine formats
//! write it.

use claimcheck_core::FileSpan;

use crate::{DocumentResult, Finding};

/// A path as every machine format writes it: `/` separators, no leading `./`.
pub fn display_path(path: &str) -> String {
    let p = path.replace('\\', "/");
    let mut p = p.as_str();
    while let Some(rest) = p.strip_prefix("./") {
        p = rest;
    }
    p.to_string()
}

/// A finding's position: 1-based lines; columns 1-based, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Location {
    pub span: FileSpan,
    /// Columns counted in UTF-8 bytes from the start of the line, as reviewdog wants them.
    pub byte_column: usize,
    pub end_byte_column: usize,
}

impl Location {
    pub fn of(d: &DocumentResult, f: &Finding) -> Location {
        let span = d.document.file_span(f.claim.span);
        let source = d.document.source();
        // The line's start from the map's line starts: searched for back from the claim, it
        // made a file of one long line quadratic in its claims.
        let byte_column = |offset: usize, line: usize| {
            let offset = offset.min(source.len());
            let line_start = (d.document.map)
                .lines(source, line, line)
                .map_or(0, |(start, _)| start.min(offset));
            offset - line_start + 1
        };
        Location {
            byte_column: byte_column(span.start, span.line),
            end_byte_column: byte_column(span.end, span.end_line),
            span,
        }
    }

    pub fn line(&self) -> usize {
        self.span.line
    }

    pub fn column(&self) -> usize {
        self.span.column
    }

    /// Whether the span starts and ends on one line (GitHub drops columns otherwise).
    pub fn single_line(&self) -> bool {
        self.span.line == self.span.end_line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_use_forward_slashes() {
        assert_eq!(display_path("./content\\a.md"), "content/a.md");
        assert_eq!(display_path("a.md"), "a.md");
    }
}
