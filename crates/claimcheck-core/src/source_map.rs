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
    /// The characters of the file before each multiple of [`COLUMN_BLOCK`] bytes, so that a
    /// column is counted from the nearest of them rather than from the start of its line: on a
    /// file of one long line, counting each claim's column from the line's start was quadratic
    /// (a 400 KB line spent two thirds of its extraction there). Empty for a map built without
    /// its file, which then counts from the line's start.
    chars_before_block: Vec<usize>,
    /// How many line starts lie at or before each multiple of [`COLUMN_BLOCK`] bytes, so that
    /// a line is searched for among its block's lines only: the binary search of a 10 MB file's
    /// line starts waited on the caches at most of its steps, for every claim written out.
    /// Empty where `chars_before_block` is.
    lines_before_block: Vec<usize>,
}

/// The spacing of the character counts of [`SourceMap`].
const COLUMN_BLOCK: usize = 1024;

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

    /// A builder with room for `bytes` of plain text.
    pub fn with_capacity(bytes: usize) -> Self {
        SourceMapBuilder {
            text: String::with_capacity(bytes),
            ..SourceMapBuilder::default()
        }
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
        (self.text, SourceMap::over(source, self.segments))
    }
}

impl SourceMap {
    /// The identity map of a plain-text file.
    /// (Built without [`SourceMapBuilder`], which would copy the whole file into a text that
    /// the caller already has.)
    pub fn identity(source: &str) -> SourceMap {
        let segments = if source.is_empty() {
            Vec::new()
        } else {
            vec![Segment {
                plain: 0,
                plain_len: source.len(),
                orig: 0,
                orig_len: source.len(),
                verbatim: true,
            }]
        };
        SourceMap::over(source, segments)
    }

    /// The map of `segments` over the file `source`, with its line starts and block counts.
    fn over(source: &str, segments: Vec<Segment>) -> SourceMap {
        let line_starts = line_starts(source);
        // Each count is of the characters before the block's first boundary.
        let mut chars_before_block = vec![0];
        let mut from = 0;
        for k in 1..=source.len().div_ceil(COLUMN_BLOCK) {
            let to = floor_char_boundary(source, (k * COLUMN_BLOCK).min(source.len()));
            let before = chars_before_block[k - 1] + source[from..to].chars().count();
            chars_before_block.push(before);
            from = to;
        }
        let blocks = chars_before_block.len();
        let mut lines_before_block = Vec::with_capacity(blocks);
        let mut line = 0;
        for k in 0..blocks {
            while line_starts
                .get(line)
                .is_some_and(|&s| s <= k * COLUMN_BLOCK)
            {
                line += 1;
            }
            lines_before_block.push(line);
        }
        SourceMap {
            segments,
            line_starts,
            chars_before_block,
            lines_before_block,
        }
    }

    /// The number of line starts at or before `offset`: the 1-based line it lies on.
    fn line_of(&self, offset: usize) -> usize {
        let block = offset / COLUMN_BLOCK;
        match (
            self.lines_before_block.get(block),
            self.lines_before_block.get(block + 1),
        ) {
            (Some(&lo), Some(&hi)) => {
                lo + self.line_starts[lo..hi].partition_point(|&s| s <= offset)
            }
            _ => self.line_starts.partition_point(|&s| s <= offset),
        }
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

    /// The file offsets of the 1-based lines `first..=last`: from the first's start to just
    /// after the last's line break, or the end of the file; `None` for a line the file does not
    /// have. Found from the line starts kept, without reading the lines: a file of one long line
    /// made a search back to its start, for each claim on it, quadratic.
    pub fn lines(&self, source: &str, first: usize, last: usize) -> Option<(usize, usize)> {
        let from = *self.line_starts.get(first.checked_sub(1)?)?;
        let to = self
            .line_starts
            .get(last.max(first))
            .copied()
            .unwrap_or(source.len());
        Some((from, to.max(from)))
    }

    /// The 1-based line and the 1-based column, in Unicode scalar values, of a file offset.
    pub fn line_column(&self, source: &str, offset: usize) -> (usize, usize) {
        let line = self.line_of(offset);
        let start = self.line_starts[line - 1];
        let offset = floor_char_boundary(source, offset.min(source.len()));
        (line, self.chars_between(source, start, offset) + 1)
    }

    /// The characters of `source[from..to]` (character boundaries). Where both ends lie in
    /// blocks of ASCII only, as most of English news does, from the block counts without
    /// counting; else near `from` counted from there, and further on from the counts.
    fn chars_between(&self, source: &str, from: usize, to: usize) -> usize {
        if let (Some(a), Some(b)) = (
            self.chars_before_in_ascii(source, from),
            self.chars_before_in_ascii(source, to),
        ) {
            return b - a;
        }
        (to > from + 2 * COLUMN_BLOCK)
            .then(|| Some(self.chars_before(source, to)? - self.chars_before(source, from)?))
            .flatten()
            .unwrap_or_else(|| source.get(from..to).map_or(0, |s| s.chars().count()))
    }

    /// The characters of `source` before byte `offset` (a character boundary), from the
    /// nearest block count; `None` without the counts of this very file.
    fn chars_before(&self, source: &str, offset: usize) -> Option<usize> {
        let block = self.block_of(source, offset)?;
        let from = floor_char_boundary(source, block * COLUMN_BLOCK);
        Some(self.chars_before_block[block] + source.get(from..offset)?.chars().count())
    }

    /// [`SourceMap::chars_before`] when `offset` lies in a block with as many characters as
    /// bytes (all ASCII), which needs no count; `None` in any other block.
    fn chars_before_in_ascii(&self, source: &str, offset: usize) -> Option<usize> {
        let block = self.block_of(source, offset)?;
        let before = self.chars_before_block[block];
        let within = *self.chars_before_block.get(block + 1)? - before;
        let from = floor_char_boundary(source, block * COLUMN_BLOCK);
        let to = floor_char_boundary(source, ((block + 1) * COLUMN_BLOCK).min(source.len()));
        (within == to - from).then(|| before + (offset - from))
    }

    /// The block of the counts that `offset` lies in; `None` without the counts of this very
    /// file.
    fn block_of(&self, source: &str, offset: usize) -> Option<usize> {
        let blocks = source.len().div_ceil(COLUMN_BLOCK);
        (self.chars_before_block.len() == blocks + 1 && offset <= source.len())
            .then_some(offset / COLUMN_BLOCK)
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
            (line, column + self.chars_between(source, from, to))
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

/// The offset of each line's start in `text`: 0, and one past each line break. The breaks are
/// found by `memchr`, a vector at a time: `match_indices('\n')` read a byte at a time, about
/// 350 instructions a line of the bench text.
pub fn line_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
    starts
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

    /// The lines' offsets run from the first's start to just after the last's break, for
    /// every pair of lines of a text that has CRLF, empty lines and no break at its end.
    #[test]
    fn lines_from_the_line_starts() {
        let text = "one\r\n\ntwo\nthree";
        let map = SourceMap::identity(text);
        let by_hand: Vec<&str> = text.split_inclusive('\n').collect();
        for first in 1..=by_hand.len() {
            for last in first..=by_hand.len() {
                let (from, to) = map
                    .lines(text, first, last)
                    .expect("the text has the lines");
                assert_eq!(&text[from..to], by_hand[first - 1..last].concat());
            }
        }
        assert_eq!(map.lines(text, 0, 1), None);
        assert_eq!(map.lines(text, 5, 5), None);
    }

    /// Columns counted from the block counts are those counted from the line's start, on
    /// lines many blocks long and with characters of one to four bytes across block edges, and
    /// in files where blocks of ASCII only (counted from their block's count alone) alternate
    /// with others; the end columns of spans too.
    #[test]
    fn columns_from_block_counts_are_counted_characters() {
        let line = "Caf\u{e9} \u{201c}na\u{ef}ve\u{201d} \u{1f600} km ".repeat(300);
        let source = format!("{line}\nshort\n{line}{line}\n\u{e9}");
        let map = SourceMap::identity(&source);
        assert!(map.chars_before_block.len() > 3);
        let ascii = "plain words, 42 km. ".repeat(260);
        let mixed = format!("{ascii}\n{line}{ascii}{ascii}\n{ascii}\u{e9}{ascii}\u{1f600}\n");
        let mixed_map = SourceMap::identity(&mixed);
        let mut checked = 0;
        for (source, map) in [(&source, &map), (&mixed, &mixed_map)] {
            let column_at = |offset: usize| {
                let start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
                let line = source[..start].matches('\n').count() + 1;
                (line, source[start..offset].chars().count() + 1)
            };
            let boundaries: Vec<usize> = (0..=source.len())
                .filter(|&i| source.is_char_boundary(i))
                .step_by(7)
                .collect();
            for &offset in &boundaries {
                assert_eq!(
                    map.line_column(source, offset),
                    column_at(offset),
                    "at {offset}"
                );
                checked += 1;
            }
            for (&from, &to) in boundaries.iter().zip(boundaries.iter().skip(9)) {
                let span = map.file_span(source, Span::new(from, to));
                assert_eq!(
                    (span.end_line, span.end_column),
                    column_at(to),
                    "{from}..{to}"
                );
            }
        }
        assert!(checked > 2_000);
        // A map built without its file counts from the line's start.
        let bare = SourceMap {
            chars_before_block: Vec::new(),
            lines_before_block: Vec::new(),
            ..map.clone()
        };
        assert_eq!(
            bare.line_column(&source, source.len()),
            map.line_column(&source, source.len())
        );
    }

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
