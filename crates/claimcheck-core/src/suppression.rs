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
        let source = doc.source.as_str();
        let fenced = fenced_ranges(source, doc.format);
        let mut directives = Vec::new();
        let mut open: Vec<(usize, Vec<String>)> = Vec::new();
        let mut search = 0;
        while let Some(rel) = source[search..].find("<!--") {
            let start = search + rel;
            let Some(end_rel) = source[start..].find("-->") else {
                break;
            };
            let end = start + end_rel + 3;
            search = end;
            if fenced.iter().any(|r| r.contains(&start)) {
                continue;
            }
            let body = source[start + 4..end - 3].trim();
            let Some((kind, rules, reason)) = parse_body(body) else {
                continue;
            };
            let line = source[..start].matches('\n').count() + 1;
            let covers = match kind {
                DirectiveKind::DisableFile => 0..source.len(),
                DirectiveKind::DisableNext => end..next_block_end(source, end, doc.format),
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

/// Where the block after `from` ends: at the first blank line after some content, or in HTML
/// at the first closing block tag.
fn next_block_end(source: &str, from: usize, format: Format) -> usize {
    let rest = &source[from..];
    let content = rest.len() - rest.trim_start().len();
    let body = &rest[content..];
    if format == Format::Html {
        let lower = body.to_ascii_lowercase();
        let close = [
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
        ]
        .iter()
        .filter_map(|t| lower.find(t).map(|i| i + t.len()))
        .min();
        if let Some(end) = close {
            return from + content + end;
        }
    }
    let end = body
        .find("\n\n")
        .or_else(|| body.find("\r\n\r\n"))
        .unwrap_or(body.len());
    from + content + end
}

/// The start of the sentence that ends just before `at`: after the previous sentence end
/// (`.`, `!` or `?` and a space) or the start of its block.
fn sentence_start(source: &str, at: usize) -> usize {
    let before = source[..at].trim_end();
    // The block starts after a blank line, or after the tag that opens an HTML element.
    let paragraph = before.rfind("\n\n").map_or(0, |i| i + 2);
    let tag = before.rfind('>').map_or(0, |i| i + 1);
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
        let at = doc.source.find(needle).expect("needle in source");
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
