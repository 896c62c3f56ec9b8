//! An article as claimcheck reads it: the file's text, the plain text extracted from it, the
//! map between the two, and the metadata the checks need (title, publication date, links).

use crate::{FileSpan, SourceMap, Span};

/// How a file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl Format {
    /// The format a path's extension names; plain text when it names none we know.
    pub fn from_path(path: &str) -> Format {
        let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
        match ext.as_deref() {
            Some("md" | "markdown" | "mdown" | "mkd") => Format::Markdown,
            Some("html" | "htm" | "xhtml") => Format::Html,
            _ => Format::Text,
        }
    }
}

/// A link in the article: the span of its text in the plain text, and where it points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub span: Span,
    pub url: String,
}

/// A parsed article.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as the user gave it (`-` for standard input).
    pub path: String,
    pub format: Format,
    /// The file's text, exactly as read ([`Document::source`]), where it differs from `text`: a
    /// plain-text file's is its text, held once (a second copy of a 10 MB text was 10 MB more
    /// memory, its page faults and the copying).
    source: Option<String>,
    /// The article's plain text: markup dropped, entities decoded, blocks separated by blank
    /// lines.
    pub text: String,
    pub map: SourceMap,
    pub title: Option<String>,
    /// The publication date the file states (front matter `date:`, HTML
    /// `article:published_time` or `<time datetime>`).
    pub published: Option<jiff::civil::Date>,
    pub links: Vec<Link>,
    /// The offsets of the plain text's line breaks, which end its paragraphs: found once, so
    /// that finding a claim's paragraph does not read the paragraph (a text of one long line
    /// made that quadratic in its claims).
    breaks: Vec<usize>,
}

impl Document {
    /// Parses `source` as `format`. Parsing cannot fail: whatever is not understood as markup
    /// is kept as text.
    pub fn parse(path: &str, source: String, format: Format) -> Document {
        let (parsed, source) = match format {
            Format::Text => (
                Parsed {
                    map: SourceMap::identity(&source),
                    text: source,
                    ..Parsed::default()
                },
                None,
            ),
            Format::Markdown => (crate::markdown::parse(&source), Some(source)),
            Format::Html => (crate::html::parse(&source), Some(source)),
        };
        Document {
            path: path.to_string(),
            format,
            breaks: memchr::memchr_iter(b'\n', parsed.text.as_bytes()).collect(),
            text: parsed.text,
            map: parsed.map,
            title: parsed.title,
            published: parsed.published,
            links: parsed.links,
            source,
        }
    }

    /// The file's text, exactly as read: what the lines and columns of a [`FileSpan`] count in.
    pub fn source(&self) -> &str {
        self.source.as_deref().unwrap_or(&self.text)
    }

    /// The links cited for a claim at `span`: those in the same paragraph (a block, or a line
    /// of a plain-text file), the ones in the same sentence first.
    pub fn cited_links(&self, span: Span) -> Vec<&Link> {
        if self.links.is_empty() {
            return Vec::new();
        }
        let text = &self.text;
        let start = span.start.min(text.len());
        let end = span.end.clamp(start, text.len());
        let paragraph = self.paragraph(Span::new(start, end));
        let mut links: Vec<&Link> = self
            .links
            .iter()
            .filter(|l| paragraph.start <= l.span.start && l.span.end <= paragraph.end)
            .collect();
        if links.len() > 1 {
            let sentence_start = text[paragraph.start..start]
                .rfind(['.', '!', '?'])
                .map_or(paragraph.start, |i| paragraph.start + i + 1);
            let sentence_end = text[end..paragraph.end]
                .find(['.', '!', '?'])
                .map_or(paragraph.end, |i| end + i + 1);
            links.sort_by_key(|l| !(sentence_start <= l.span.start && l.span.end <= sentence_end));
        }
        links
    }

    /// The paragraph holding `span` of the plain text (a block, or a line of a plain-text
    /// file): from after the last line break before it to the first at or after its end.
    pub fn paragraph(&self, span: Span) -> std::ops::Range<usize> {
        let (start, end) = (span.start, span.end);
        let before = self.breaks.partition_point(|&b| b < start);
        let from = before.checked_sub(1).map_or(0, |k| self.breaks[k] + 1);
        let to = self.breaks[self.breaks.partition_point(|&b| b < end)..]
            .first()
            .copied()
            .unwrap_or(self.text.len());
        from..to
    }

    /// Where a plain-text span stands in the file.
    pub fn file_span(&self, span: Span) -> FileSpan {
        self.map.file_span(self.source(), span)
    }
}

/// What a format reader hands back.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    pub text: String,
    pub map: SourceMap,
    pub title: Option<String>,
    pub published: Option<jiff::civil::Date>,
    pub links: Vec<Link>,
}

/// The calendar date at the start of a metadata value such as `2023-09-12`,
/// `2023-09-12T08:00:00Z` or `"2023-09-12"`.
pub(crate) fn parse_metadata_date(value: &str) -> Option<jiff::civil::Date> {
    let v = value.trim().trim_matches(|c| c == '"' || c == '\'');
    v.get(..10)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A claim's paragraph, found from the line breaks kept at parsing, is the one found by
    /// reading the text back and forth from the claim, for every span of a text of several
    /// paragraphs (empty ones too) with and without a break at its end.
    #[test]
    fn paragraphs_from_the_kept_breaks_are_read_ones() {
        for src in ["One.\n\nTwo [a](https://a.test/1) x.\n\n\nThree", "A\nB\n"] {
            let doc = Document::parse("a.md", src.to_string(), Format::Markdown);
            let text = &doc.text;
            for start in 0..=text.len() {
                for end in start..=text.len() {
                    let from = text[..start].rfind('\n').map_or(0, |i| i + 1);
                    let to = text[end..].find('\n').map_or(text.len(), |i| end + i);
                    assert_eq!(
                        doc.paragraph(Span::new(start, end)),
                        from..to,
                        "{start}..{end}"
                    );
                }
            }
        }
    }
}
