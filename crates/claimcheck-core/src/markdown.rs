//! Markdown (CommonMark with YAML front matter) to plain text with a source map.
//!
//! pulldown-cmark gives each text event the byte range it came from. Where the event's text is
//! the source's bytes, the piece maps verbatim; where it is not (a backslash escape, an entity),
//! [`crate::html::align`] pairs the decoded text with the source character by character.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::document::{Parsed, parse_metadata_date};
use crate::{Link, SourceMapBuilder, Span};

pub(crate) fn parse(source: &str) -> Parsed {
    let mut title = None;
    let mut published = None;
    let mut body_start = 0;
    if let Some((len, pairs)) = crate::front_matter::split(source) {
        body_start = len;
        for (key, value) in pairs {
            match key.as_str() {
                "date" | "published" | "pubDate" if published.is_none() => {
                    published = parse_metadata_date(&value);
                }
                "title" if title.is_none() && !value.is_empty() => title = Some(value),
                _ => {}
            }
        }
    }

    // The plain text is the body less its markup, so the body's length holds it: grown from
    // empty, it was copied at each doubling and ended with up to twice the room it needed.
    let mut b = SourceMapBuilder::with_capacity(source.len() - body_start);
    let mut links = Vec::new();
    let mut open_links: Vec<(usize, String)> = Vec::new();
    let mut skip_depth = 0usize;
    let mut heading: Option<usize> = None;
    let body = &source[body_start..];
    let parser = Parser::new_ext(body, Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES);
    for (event, range) in parser.into_offset_iter() {
        let range = range.start + body_start..range.end + body_start;
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::Image { .. } | Tag::HtmlBlock) => {
                skip_depth += 1;
            }
            Event::End(TagEnd::CodeBlock | TagEnd::Image | TagEnd::HtmlBlock) => {
                skip_depth = skip_depth.saturating_sub(1);
                block_break(&mut b);
            }
            _ if skip_depth > 0 => {}
            Event::Text(t) => crate::html::align(&mut b, &t, source, range),
            Event::Code(t) => {
                let at = source[range.clone()]
                    .find(t.as_ref())
                    .map(|i| range.start + i);
                match at {
                    Some(at) => b.verbatim(&t, at),
                    None => b.replaced(&t, range),
                }
            }
            Event::SoftBreak => b.replaced(" ", range),
            Event::HardBreak => b.replaced("\n", range),
            Event::Start(Tag::Link { dest_url, .. }) => {
                open_links.push((b.text().len(), dest_url.to_string()));
            }
            Event::End(TagEnd::Link) => {
                if let Some((start, url)) = open_links.pop() {
                    links.push(Link {
                        span: Span::new(start, b.text().len()),
                        url,
                    });
                }
            }
            Event::Start(Tag::Heading { .. }) => heading = Some(b.text().len()),
            Event::End(TagEnd::Heading(_)) => {
                if let Some(start) = heading.take()
                    && title.is_none()
                    && !b.text()[start..].trim().is_empty()
                {
                    title = Some(b.text()[start..].trim().to_string());
                }
                block_break(&mut b);
            }
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::FootnoteDefinition,
            ) => block_break(&mut b),
            Event::End(TagEnd::TableCell) => b.synthetic(" | "),
            Event::Rule => block_break(&mut b),
            _ => {}
        }
    }
    let (text, map) = b.finish(source);
    Parsed {
        text,
        map,
        title,
        published,
        links,
    }
}

/// Ends a block with a blank line, once.
pub(crate) fn block_break(b: &mut SourceMapBuilder) {
    if b.text().is_empty() || b.text().ends_with("\n\n") {
        return;
    }
    if b.text().ends_with('\n') {
        b.synthetic("\n");
    } else {
        b.synthetic("\n\n");
    }
}

#[cfg(test)]
mod tests {
    use crate::{Document, Format, Span};

    fn position_of(doc: &Document, needle: &str) -> (usize, usize, String) {
        let at = doc.text.find(needle).expect("needle in plain text");
        let fs = doc.file_span(Span::new(at, at + needle.len()));
        (
            fs.line,
            fs.column,
            doc.source()[fs.start..fs.end].to_string(),
        )
    }

    #[test]
    fn maps_through_markup_escapes_and_entities() {
        let src = "---\ntitle: T\ndate: 2023-09-12\n---\n# Heading\n\nIt *opened* on \
                   **Monday**, \\*not\\* Sunday &amp; [Tuesday](https://x.test/a).\n\
                   Second line \u{2013} caf\u{e9} 5 km.\n\n```\ncode 1953\n```\n";
        let doc = Document::parse("a.md", src.to_string(), Format::Markdown);
        assert_eq!(doc.title.as_deref(), Some("T"));
        assert_eq!(
            doc.published.map(|d| d.to_string()).as_deref(),
            Some("2023-09-12")
        );
        assert!(
            doc.text
                .starts_with("Heading\n\nIt opened on Monday, *not* Sunday & Tuesday.")
        );
        assert!(
            !doc.text.contains("1953"),
            "code blocks are not article text"
        );
        assert_eq!(position_of(&doc, "Monday"), (7, 18, "Monday".into()));
        assert_eq!(position_of(&doc, "*not*"), (7, 29, "*not\\*".into()));
        assert_eq!(position_of(&doc, "&"), (7, 43, "&amp;".into()));
        assert_eq!(position_of(&doc, "5 km"), (8, 20, "5 km".into()));
        assert_eq!(doc.links.len(), 1);
        assert_eq!(doc.links[0].url, "https://x.test/a");
        assert_eq!(
            &doc.text[doc.links[0].span.start..doc.links[0].span.end],
            "Tuesday"
        );
    }

    #[test]
    fn cited_links_are_those_of_the_paragraph_sentence_first() {
        let src = "A [first](https://a.test/1) note. The mayor said so, per \
                   [the record](https://a.test/2).\n\nOther [link](https://a.test/3).\n";
        let doc = Document::parse("a.md", src.to_string(), Format::Markdown);
        let at = doc.text.find("The mayor said so").expect("present");
        let cited: Vec<&str> = doc
            .cited_links(Span::new(at, at + 18))
            .iter()
            .map(|l| l.url.as_str())
            .collect();
        assert_eq!(cited, ["https://a.test/2", "https://a.test/1"]);
    }
}
