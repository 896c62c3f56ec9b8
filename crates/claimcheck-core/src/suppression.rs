//! Inline suppressions: `<!-- claimcheck-... -->` comments in Markdown and HTML that silence
//! findings at claim granularity, with an optional `-- reason`.
//!
//! | directive | covers |
//! | --- | --- |
//! | `claimcheck-disable [RULES]` / `claimcheck-enable [RULES]` (`claimcheck off`/`on`) | the range between them |
//! | `claimcheck-disable-next [RULES]` | the next block (paragraph, list item, heading) |
//! | `claimcheck-ignore [RULES]` | the sentence that ends just before it |
//! | `claimcheck-verified [RULES]` | as `ignore`, recorded as a human sign-off |
//! | `claimcheck-disable-file [RULES]` | the whole file |
//!
//! RULES is a comma- or space-separated list of rule ids or prefixes (`date`,
//! `quote.altered`); a claim kind (`distance`) matches that kind's claims; no list covers all.
//! Directives inside fenced code blocks are text, not directives.

use std::ops::Range;

use crate::{Document, FileSpan, Format};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DirectiveKind {
    Disable,
    Enable,
    DisableNext,
    Ignore,
    Verified,
    DisableFile,
}

/// One suppression comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub kind: DirectiveKind,
    /// Rule ids, prefixes or kinds; empty for all.
    pub rules: Vec<String>,
    pub reason: Option<String>,
    /// The comment's bytes in the file.
    pub at: Range<usize>,
    /// The comment's 1-based line.
    pub line: usize,
    /// The file bytes it covers.
    covers: Range<usize>,
}

impl Directive {
    fn matches(&self, rule: &str, kind: &str) -> bool {
        self.rules.is_empty()
            || self.rules.iter().any(|r| {
                r == rule
                    || r == kind
                    || rule
                        .strip_prefix(r.as_str())
                        .is_some_and(|rest| rest.starts_with('.'))
            })
    }

    /// The directive as written, for messages: `claimcheck-ignore date` at line 7.
    pub fn describe(&self) -> String {
        let name = match self.kind {
            DirectiveKind::Disable => "claimcheck-disable",
            DirectiveKind::Enable => "claimcheck-enable",
            DirectiveKind::DisableNext => "claimcheck-disable-next",
            DirectiveKind::Ignore => "claimcheck-ignore",
            DirectiveKind::Verified => "claimcheck-verified",
            DirectiveKind::DisableFile => "claimcheck-disable-file",
        };
        if self.rules.is_empty() {
            name.to_string()
        } else {
            format!("{name} {}", self.rules.join(", "))
        }
    }
}

/// Why a finding is not reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    pub directive: String,
    pub line: usize,
    pub reason: Option<String>,
    /// A `claimcheck-verified` sign-off rather than an ignore.
    pub verified: bool,
}

/// The suppression directives of one document, and which of them were used.
#[derive(Debug, Clone, Default)]
pub struct Suppressions {
    directives: Vec<Directive>,
    used: Vec<bool>,
}

impl Suppressions {
    pub fn parse(doc: &Document) -> Suppressions {
        if doc.format == Format::Text {
            return Suppressions::default();
        }
        let source = doc.source();
        let fenced = fenced_ranges(source, doc.format);
        let mut directives = Vec::new();
        let mut open: Vec<(usize, Vec<String>)> = Vec::new();
        let mut ends: Option<BlockEnds> = None;
        // Lines are counted from the last directive on, so that a file of many directives is
        // read once, not once per directive.
        let (mut line, mut counted) = (1, 0);
        let mut search = 0;
        while let Some(rel) = source[search..].find("<!--") {
            let start = search + rel;
            let Some(end_rel) = source[start..].find("-->") else {
                break;
            };
            let end = start + end_rel + 3;
            search = end;
            // The fences are sorted and do not overlap.
            let fence = fenced.partition_point(|r| r.end <= start);
            if fenced.get(fence).is_some_and(|r| r.contains(&start)) {
                continue;
            }
            // `<!-->` is an empty comment whose `-->` overlaps its `<!--`.
            let body = source[start + 4..(end - 3).max(start + 4)].trim();
            let Some((kind, rules, reason)) = parse_body(body) else {
                continue;
            };
            line += source[counted..start].matches('\n').count();
            counted = start;
            let covers = match kind {
                DirectiveKind::DisableFile => 0..source.len(),
                DirectiveKind::DisableNext => {
                    let ends = ends.get_or_insert_with(|| BlockEnds::new(source, doc.format));
                    end..ends.next_after(source, end)
                }
                DirectiveKind::Ignore | DirectiveKind::Verified => {
                    sentence_start(source, start)..start
                }
                DirectiveKind::Disable => {
                    open.push((directives.len(), rules.clone()));
                    end..source.len()
                }
                DirectiveKind::Enable => {
                    // Close the latest disable with the same rules (or any, for a bare enable).
                    if let Some(pos) = open
                        .iter()
                        .rposition(|(_, r)| rules.is_empty() || *r == rules)
                    {
                        let (i, _) = open.remove(pos);
                        let d: &mut Directive = &mut directives[i];
                        d.covers.end = start;
                    }
                    start..start
                }
            };
            directives.push(Directive {
                kind,
                rules,
                reason,
                at: start..end,
                line,
                covers,
            });
        }
        let used = vec![false; directives.len()];
        Suppressions { directives, used }
    }

    /// The directive that suppresses a finding of `rule` on a claim of `kind` at `span`, if any;
    /// it is then counted as used.
    pub fn lookup(&mut self, span: FileSpan, rule: &str, kind: &str) -> Option<Suppression> {
        let i = self.directives.iter().position(|d| {
            d.kind != DirectiveKind::Enable
                && d.covers.start <= span.start
                && span.start < d.covers.end.max(d.covers.start + 1)
                && d.matches(rule, kind)
        })?;
        self.used[i] = true;
        let d = &self.directives[i];
        Some(Suppression {
            directive: d.describe(),
            line: d.line,
            reason: d.reason.clone(),
            verified: d.kind == DirectiveKind::Verified,
        })
    }

    /// Directives that suppressed nothing (`enable` comments are never reported).
    pub fn unused(&self) -> Vec<&Directive> {
        self.directives
            .iter()
            .zip(&self.used)
            .filter(|(d, used)| !**used && d.kind != DirectiveKind::Enable)
            .map(|(d, _)| d)
            .collect()
    }

    pub fn directives(&self) -> &[Directive] {
        &self.directives
    }
}

fn parse_body(body: &str) -> Option<(DirectiveKind, Vec<String>, Option<String>)> {
    let (head, reason) = match body.split_once(" -- ") {
        Some((h, r)) => (
            h.trim(),
            Some(r.trim().to_string()).filter(|r| !r.is_empty()),
        ),
        None => (body.strip_suffix("--").unwrap_or(body).trim(), None),
    };
    let mut words = head.split_whitespace();
    let first = words.next()?;
    let kind = match first {
        "claimcheck-disable" => DirectiveKind::Disable,
        "claimcheck-enable" => DirectiveKind::Enable,
        "claimcheck-disable-next" | "claimcheck-disable-next-line" => DirectiveKind::DisableNext,
        "claimcheck-ignore" => DirectiveKind::Ignore,
        "claimcheck-verified" => DirectiveKind::Verified,
        "claimcheck-disable-file" => DirectiveKind::DisableFile,
        "claimcheck" => match words.next()? {
            "off" => DirectiveKind::Disable,
            "on" => DirectiveKind::Enable,
            _ => return None,
        },
        _ => return None,
    };
    let rules = words
        .flat_map(|w| w.split(','))
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    Some((kind, rules, reason))
}

/// Byte ranges of fenced code blocks in Markdown.
fn fenced_ranges(source: &str, format: Format) -> Vec<Range<usize>> {
    if format != Format::Markdown {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    let mut pos = 0;
    for line in source.split_inclusive('\n') {
        let t = line.trim_start();
        let fence = ["```", "~~~"].into_iter().find(|f| t.starts_with(f));
        match (open, fence) {
            (None, Some(f)) => open = Some((pos, f)),
            (Some((start, f)), Some(g)) if f == g => {
                out.push(start..pos + line.len());
                open = None;
            }
            _ => {}
        }
        pos += line.len();
    }
    if let Some((start, _)) = open {
        out.push(start..source.len());
    }
    out
}

/// Where blocks end in a file, found once, so that each `disable-next` directive costs a
/// binary search rather than a scan (and, in HTML, a lowercase copy) of the rest of the file.
struct BlockEnds {
    /// HTML only: the start and end of every closing block tag, in order.
    closes: Vec<(usize, usize)>,
    /// Where each blank line (`\n\n`) and each Windows blank line (`\r\n\r\n`) starts.
    blanks: Vec<usize>,
    crlf_blanks: Vec<usize>,
}

impl BlockEnds {
    const CLOSING: &[&str] = &[
        "</p>",
        "</li>",
        "</h1>",
        "</h2>",
        "</h3>",
        "</h4>",
        "</h5>",
        "</h6>",
        "</blockquote>",
        "</td>",
        "</figcaption>",
        "</div>",
    ];

    fn new(source: &str, format: Format) -> BlockEnds {
        let bytes = source.as_bytes();
        let closes = if format == Format::Html {
            source
                .match_indices("</")
                .filter_map(|(i, _)| {
                    Self::CLOSING.iter().find_map(|t| {
                        bytes
                            .get(i..i + t.len())
                            .is_some_and(|b| b.eq_ignore_ascii_case(t.as_bytes()))
                            .then_some((i, i + t.len()))
                    })
                })
                .collect()
        } else {
            Vec::new()
        };
        let starts = |pattern: &[u8]| -> Vec<usize> {
            bytes
                .windows(pattern.len())
                .enumerate()
                .filter(|(_, w)| *w == pattern)
                .map(|(i, _)| i)
                .collect()
        };
        BlockEnds {
            closes,
            blanks: starts(b"\n\n"),
            crlf_blanks: starts(b"\r\n\r\n"),
        }
    }

    /// Where the block after `from` ends: at the first blank line after some content, or in
    /// HTML at the first closing block tag.
    fn next_after(&self, source: &str, from: usize) -> usize {
        let rest = &source[from..];
        let body = from + (rest.len() - rest.trim_start().len());
        let first = |starts: &[usize]| starts.get(starts.partition_point(|&i| i < body)).copied();
        let close = self.closes.partition_point(|&(i, _)| i < body);
        if let Some(&(_, end)) = self.closes.get(close) {
            return end;
        }
        first(&self.blanks)
            .or_else(|| first(&self.crlf_blanks))
            .unwrap_or(source.len())
    }
}

/// The start of the sentence that ends just before `at`: after the previous sentence end
/// (`.`, `!` or `?` and a space) or the start of its block.
fn sentence_start(source: &str, at: usize) -> usize {
    let before = source[..at].trim_end();
    // The block starts after a blank line, or after the tag that opens an HTML element. The
    // blank line is looked for after the tag only: every directive ends in `>`, so a file of
    // many directives is not searched back to its start for each.
    let tag = before.rfind('>').map_or(0, |i| i + 1);
    let paragraph = before[tag..].rfind("\n\n").map_or(0, |i| tag + i + 2);
    let block = paragraph.max(tag).min(before.len());
    // The sentence's own closing point is the last character; look before it.
    let text = &before[..before.len().saturating_sub(1)];
    text[block.min(text.len())..]
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            let i = block + i;
            matches!(c, '.' | '!' | '?') && text[i + 1..].starts_with(' ')
        })
        .map_or(block, |(i, _)| block + i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Format};

    fn span(doc: &Document, needle: &str) -> FileSpan {
        let at = doc.source().find(needle).expect("needle in source");
        FileSpan {
            start: at,
            end: at + needle.len(),
            line: 0,
            column: 0,
            end_line: 0,
            end_column: 0,
        }
    }

    #[test]
    fn directives_cover_what_they_say() {
        let src = "Intro on Monday, June 20.\n\n\
            <!-- claimcheck-disable-next distance -- county GIS figure -->\n\
            Port Carrow lies 42 km north of Lake Ashby.\n\n\
            It rained on Friday, 9 June. Flood warnings lifted on Monday, 14 May.<!-- claimcheck-ignore date.weekday-mismatch -- quoting the bulletin -->\n\n\
            <!-- claimcheck-disable quote -->\nA said it.\n<!-- claimcheck-enable quote -->\n\nB said it.\n\n\
            ```\n<!-- claimcheck-disable-file -->\n```\n<!-- claimcheck-ignore date -->\n";
        let doc = Document::parse("a.md", src.to_string(), Format::Markdown);
        let mut s = Suppressions::parse(&doc);
        assert_eq!(s.directives().len(), 5, "the one in a code fence is text");
        assert!(
            s.lookup(
                span(&doc, "Monday, June 20"),
                "date.weekday-mismatch",
                "date"
            )
            .is_none()
        );
        let d = s
            .lookup(
                span(&doc, "Port Carrow lies"),
                "distance.unknown-place",
                "distance",
            )
            .expect("next block");
        assert_eq!(d.reason.as_deref(), Some("county GIS figure"));
        assert!(
            s.lookup(span(&doc, "Port Carrow lies"), "date.unverified", "date")
                .is_none()
        );
        assert!(
            s.lookup(
                span(&doc, "Friday, 9 June"),
                "date.weekday-mismatch",
                "date"
            )
            .is_none()
        );
        assert!(
            s.lookup(
                span(&doc, "Monday, 14 May"),
                "date.weekday-mismatch",
                "date"
            )
            .is_some()
        );
        assert!(
            s.lookup(span(&doc, "A said it"), "quote.unsourced", "attribution")
                .is_some()
        );
        assert!(
            s.lookup(span(&doc, "B said it"), "quote.unsourced", "attribution")
                .is_none()
        );
        let unused: Vec<String> = s.unused().iter().map(|d| d.describe()).collect();
        assert_eq!(unused, ["claimcheck-ignore date"]);
    }

    /// Issue 8, found by the `html` fuzz target: `<!-->` is a comment whose `-->` overlaps its
    /// `<!--`; reading its body sliced backwards and panicked.
    #[test]
    fn an_abruptly_closed_comment_is_not_a_directive() {
        for src in ["<body>\n<!--><a href=\"/\">Port</a>", "<!--->", "<!---->x"] {
            let doc = Document::parse("a.html", src.to_string(), Format::Html);
            assert!(Suppressions::parse(&doc).directives().is_empty(), "{src}");
        }
        let doc = Document::parse("a.md", "<!-->\n".to_string(), Format::Markdown);
        assert!(Suppressions::parse(&doc).directives().is_empty());
    }

    /// Issue 8: many directives are read in time linear in the file (each used to count the
    /// lines before it and, in HTML, lowercase the rest of the file).
    #[test]
    fn many_directives_are_read_in_linear_time() {
        let unit = "It rained on Friday, 9 June.<!-- claimcheck-ignore date -->\
                    <!-- claimcheck-disable-next --><P>Then</P>\n";
        let src = unit.repeat(20_000);
        let doc = Document::parse("a.html", src.clone(), Format::Html);
        let s = Suppressions::parse(&doc);
        assert_eq!(s.directives().len(), 40_000);
        let last = &s.directives()[39_999];
        assert_eq!(last.line, 20_000);
        let p = src.rfind("<P>Then</P>").expect("present");
        assert_eq!(last.covers.end, p + "<P>Then</P>".len());
        let ignore = &s.directives()[39_998];
        assert_eq!(
            src[ignore.covers.clone()].trim(),
            "It rained on Friday, 9 June."
        );
    }

    #[test]
    fn html_next_block_and_verified() {
        let src = "<article><!-- claimcheck-disable-next --><p>One on Monday, June 20.</p><p>Two on Monday, June 20.</p>\
                   <p>Three 5 km away.<!-- claimcheck-verified distance -- desk checked --></p></article>";
        let doc = Document::parse("a.html", src.to_string(), Format::Html);
        let mut s = Suppressions::parse(&doc);
        assert!(
            s.lookup(span(&doc, "One on"), "date.weekday-mismatch", "date")
                .is_some()
        );
        assert!(
            s.lookup(span(&doc, "Two on"), "date.weekday-mismatch", "date")
                .is_none()
        );
        let v = s.lookup(span(&doc, "5 km"), "quantity.unverified", "distance");
        assert!(v.is_some_and(|v| v.verified));
    }
}
