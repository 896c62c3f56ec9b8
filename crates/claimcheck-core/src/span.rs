//! Byte ranges in a document's plain text, and their position in the file the user wrote.

use serde::Serialize;

/// A half-open byte range `[start, end)` in a document's plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Where a claim stands in the input file: UTF-8 byte offsets, 1-based lines, and 1-based
/// columns counted in Unicode scalar values (`end_column` exclusive), as contract v1 says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FileSpan {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}
