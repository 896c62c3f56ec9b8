//! The mapping from a document's plain text back to the bytes of the file it came from.
//!
//! The plain text is built piece by piece. A verbatim piece maps byte for byte; a replaced piece
//! (an entity, an escape) maps as a whole to the original range; a synthetic piece (a paragraph
//! break the parser inserted) maps to the point where it was inserted.

use crate::{FileSpan, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    plain: usize,
    plain_len: usize,
    orig: usize,
    orig_len: usize,
    verbatim: bool,
}

/// Plain-text offsets to file offsets, and file offsets to lines and columns.
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    segments: Vec<Segment>,
    line_starts: Vec<usize>,
}

/// Builds a plain text and its [`SourceMap`] together.
#[derive(Debug, Default)]
pub struct SourceMapBuilder {
    text: String,
    segments: Vec<Segment>,
    last_orig: usize,
}

impl SourceMapBuilder {
    pub fn new() -> Self {
        SourceMapBuilder::default()
    }

    /// The plain text so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Appends `s`, which stands unchanged at `orig` in the file.
    pub fn verbatim(&mut self, s: &str, orig: usize) {
        if s.is_empty() {
            return;
        }
        self.segments.push(Segment {
            plain: self.text.len(),
            plain_len: s.len(),
            orig,
            orig_len: s.len(),
            verbatim: true,
        });
        self.text.push_str(s);
        self.last_orig = orig + s.len();
    }

    /// Appends `s`, which stands for the file's bytes `orig` (an entity, an escape, a break).
    pub fn replaced(&mut self, s: &str, orig: std::ops::Range<usize>) {
        if s.is_empty() {
            return;
        }
        self.segments.push(Segment {
            plain: self.text.len(),
            plain_len: s.len(),
            orig: orig.start,
            orig_len: orig.end - orig.start,
            verbatim: false,
        });
        self.text.push_str(s);
        self.last_orig = orig.end;
    }

    /// Appends `s`, which the parser inserted (a block separator): it maps to the point after
    /// the last mapped byte.
    pub fn synthetic(&mut self, s: &str) {
        let at = self.last_orig;
        self.replaced(s, at..at);
    }

    /// Ends the plain text with no more than one blank line of separators at its end.
    pub fn ends_with_break(&self) -> bool {
        self.text.is_empty() || self.text.ends_with('\n')
    }

    pub fn finish(self, source: &str) -> (String, SourceMap) {
        let mut line_starts = vec![0];
        line_starts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
        (
            self.text,
            SourceMap {
                segments: self.segments,
                line_starts,
            },
        )
    }
}

impl SourceMap {
    /// The identity map of a plain-text file.
    pub fn identity(source: &str) -> SourceMap {
        let mut b = SourceMapBuilder::new();
        b.verbatim(source, 0);
        b.finish(source).1
    }

    fn segment_at(&self, plain: usize) -> Option<&Segment> {
        let i = self
            .segments
            .partition_point(|s| s.plain + s.plain_len <= plain);
        self.segments.get(i)
    }

    /// The file offset where the plain-text offset `plain` starts.
    pub fn start_offset(&self, plain: usize) -> usize {
        match self.segment_at(plain) {
            Some(s) if s.plain <= plain => {
                if s.verbatim {
                    s.orig + (plain - s.plain)
                } else {
                    s.orig
                }
            }
            Some(s) => s.orig,
            None => self.segments.last().map_or(0, |s| s.orig + s.orig_len),
        }
    }

    /// The file offset where a plain-text range ending (exclusively) at `plain` ends.
    pub fn end_offset(&self, plain: usize) -> usize {
        if plain == 0 {
            return self.start_offset(0);
        }
        match self.segment_at(plain - 1) {
            Some(s) if s.plain < plain => {
                if s.verbatim {
                    s.orig + (plain - s.plain)
                } else {
                    s.orig + s.orig_len
                }
            }
            _ => self.start_offset(plain),
        }
    }

    /// The 1-based line and the 1-based column, in Unicode scalar values, of a file offset.
    pub fn line_column(&self, source: &str, offset: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let start = self.line_starts[line - 1];
        let offset = floor_char_boundary(source, offset.min(source.len()));
        let column = source.get(start..offset).map_or(0, |s| s.chars().count()) + 1;
        (line, column)
    }

    /// The file position of a plain-text span.
    pub fn file_span(&self, source: &str, span: Span) -> FileSpan {
        let start = self.start_offset(span.start);
        let end = self.end_offset(span.end).max(start);
        let (line, column) = self.line_column(source, start);
        // Nearly every claim ends on the line it starts on; its end column then follows from
        // the start column by counting only the claim's own characters, rather than searching
        // for the line again and recounting it from its beginning. That recount, twice per
        // claim, showed in profiles of extractions with long paragraphs.
        let next_line = self.line_starts.get(line).copied().unwrap_or(usize::MAX);
        let (end_line, end_column) = if end < next_line {
            let from = floor_char_boundary(source, start.min(source.len()));
            let to = floor_char_boundary(source, end.min(source.len()));
            let width = source.get(from..to).map_or(0, |s| s.chars().count());
            (line, column + width)
        } else {
            self.line_column(source, end)
        };
        FileSpan {
            start,
            end,
            line,
            column,
            end_line,
            end_column,
        }
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_verbatim_replaced_and_synthetic_pieces() {
        let source = "<p>Tom &amp; Jerry</p>\n<p>Caf\u{e9}</p>";
        let mut b = SourceMapBuilder::new();
        b.verbatim("Tom ", 3);
        b.replaced("&", 7..12);
        b.verbatim(" Jerry", 12);
        b.synthetic("\n\n");
        b.verbatim("Caf\u{e9}", 26);
        let (text, map) = b.finish(source);
        assert_eq!(text, "Tom & Jerry\n\nCaf\u{e9}");
        let jerry = text.find("Jerry").expect("present");
        assert_eq!(map.file_span(source, Span::new(jerry, jerry + 5)).start, 13);
        let amp = map.file_span(source, Span::new(4, 5));
        assert_eq!((amp.start, amp.end), (7, 12));
        let cafe = text.find("Caf").expect("present");
        let fs = map.file_span(source, Span::new(cafe, text.len()));
        assert_eq!(
            (fs.line, fs.column, fs.end_line, fs.end_column),
            (2, 4, 2, 8)
        );
    }

    /// `file_span` takes a shortcut for spans that end on their first line; every span,
    /// including ones past the end or inside a character, must end where `line_column` says.
    #[test]
    fn span_ends_agree_with_line_column() {
        let source = "Caf\u{e9} \u{2014} 5 km\n\nna\u{ef}ve \u{1F600} x\r\nend";
        let mut b = SourceMapBuilder::new();
        b.verbatim("Caf\u{e9} ", 0);
        b.replaced("-", 6..9);
        b.verbatim(" 5 km", 9);
        b.synthetic("\n\n");
        b.verbatim(&source[16..], 16);
        let (text, replaced) = b.finish(source);
        for map in [SourceMap::identity(source), replaced] {
            for a in 0..=text.len() + 2 {
                for z in a..=text.len() + 2 {
                    let fs = map.file_span(source, Span::new(a, z));
                    assert_eq!(
                        (fs.end_line, fs.end_column),
                        map.line_column(source, fs.end),
                        "span {a}..{z}"
                    );
                    assert_eq!((fs.line, fs.column), map.line_column(source, fs.start));
                }
            }
        }
    }
}
