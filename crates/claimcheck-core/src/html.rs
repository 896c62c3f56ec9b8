//! HTML to the article's plain text with a source map.
//!
//! html5ever (under scraper) builds a tree but keeps no source positions, and every claim must
//! point at the line and column of the file the user wrote. So the text is read by a small
//! tokenizer that keeps byte offsets: tags, comments, raw-text elements and entities. The same
//! tokens give the metadata (publication date, title). Every step is linear in the file, so a
//! hostile article (twenty thousand nested elements, thousands of unclosed `<script>` tags)
//! parses in bounded time; html5ever's tree building is quadratic in nesting depth.
//!
//! The article body is the content of `<article>` elements when there are any, else `<main>`,
//! else `<body>`; navigation, headers, footers, asides, scripts, styles, forms and elements
//! whose class or id marks a cookie banner, an advert or a share bar are dropped.

use std::collections::HashMap;
use std::ops::Range;

use crate::document::{Parsed, parse_metadata_date};
use crate::markdown::block_break;
use crate::{Link, SourceMapBuilder, Span};

use crate::furniture::{FURNITURE_WORDS as FURNITURE, SKIPPED_ELEMENTS as SKIPPED};

/// Elements whose content is raw text up to the matching end tag.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript"];

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "section",
    "article",
    "main",
    "tr",
    "table",
    "dd",
    "dt",
    "dl",
    "figcaption",
    "figure",
    "pre",
    "hr",
    "address",
    "details",
    "summary",
    "body",
];

#[derive(Debug)]
enum Token<'a> {
    Start {
        name: String,
        attrs: Vec<(String, String)>,
        self_closing: bool,
    },
    End {
        name: String,
    },
    Text {
        range: Range<usize>,
        raw: &'a str,
    },
    /// The content of a raw-text element (`<script>`, `<title>`, ...): never article text,
    /// but the title is read from it.
    RawText {
        raw: &'a str,
    },
}

pub(crate) fn parse(source: &str) -> Parsed {
    let tokens = tokenize(source);
    let has = |tag: &str| {
        tokens
            .iter()
            .any(|t| matches!(t, Token::Start { name, .. } if name == tag))
    };
    let container = if has("article") {
        Some("article")
    } else if has("main") {
        Some("main")
    } else if has("body") {
        Some("body")
    } else {
        None
    };

    let mut b = SourceMapBuilder::new();
    let mut links = Vec::new();
    // Each open element: its name, whether it is dropped, whether it is the container.
    let mut stack: Vec<(String, bool, bool)> = Vec::new();
    // How many elements of each name are open, so that an end tag with no open element is
    // passed over without a scan of the stack (a stray `</span>` under twenty thousand
    // `<div>`s must not cost twenty thousand comparisons each).
    let mut open: HashMap<&str, usize> = HashMap::new();
    let mut inside = if container.is_none() { 1 } else { 0 };
    let mut skipping = 0usize;
    let mut open_links: Vec<(usize, String)> = Vec::new();
    for token in &tokens {
        match token {
            Token::Start {
                name,
                attrs,
                self_closing,
            } => {
                let void = VOID.contains(&name.as_str()) || *self_closing;
                let skip = SKIPPED.contains(&name.as_str()) || is_furniture(attrs);
                let is_container = Some(name.as_str()) == container;
                if !void {
                    stack.push((name.clone(), skip, is_container));
                    *open.entry(name.as_str()).or_default() += 1;
                    if is_container {
                        inside += 1;
                    }
                    if skip {
                        skipping += 1;
                    }
                }
                if inside > 0 && skipping == 0 {
                    if name == "br" {
                        b.synthetic("\n");
                    } else if BLOCKS.contains(&name.as_str()) {
                        block_break(&mut b);
                    } else if name == "a" {
                        let href = attr(attrs, "href").unwrap_or_default();
                        open_links.push((b.text().len(), href.to_string()));
                    }
                }
            }
            Token::End { name } => {
                if open.get(name.as_str()).is_none_or(|&n| n == 0) {
                    continue;
                }
                let Some(depth) = stack.iter().rposition(|(n, ..)| n == name) else {
                    continue;
                };
                for (n, skip, is_container) in stack.drain(depth..).rev() {
                    if let Some(count) = open.get_mut(n.as_str()) {
                        *count -= 1;
                    }
                    if is_container {
                        inside -= 1;
                    }
                    if skip {
                        skipping -= 1;
                    }
                    if inside > 0 && skipping == 0 {
                        if BLOCKS.contains(&n.as_str()) {
                            block_break(&mut b);
                        } else if n == "a"
                            && let Some((start, url)) = open_links.pop()
                            && !url.is_empty()
                        {
                            links.push(Link {
                                span: Span::new(start, b.text().len()),
                                url,
                            });
                        }
                    }
                }
            }
            Token::Text { range, raw } => {
                if inside > 0 && skipping == 0 {
                    text_run(&mut b, raw, source, range.clone());
                }
            }
            Token::RawText { .. } => {}
        }
    }
    let (text, map) = b.finish(source);
    let (title, published) = metadata(&tokens);
    Parsed {
        text,
        map,
        title,
        published,
        links,
    }
}

fn is_furniture(attrs: &[(String, String)]) -> bool {
    attrs.iter().any(|(k, v)| {
        (k == "class" || k == "id" || k == "role") && {
            let v = v.to_ascii_lowercase();
            FURNITURE.iter().any(|w| v.contains(w))
                || matches!(
                    v.as_str(),
                    "navigation" | "banner" | "contentinfo" | "complementary"
                )
        } || k == "hidden"
            || k == "aria-hidden" && v == "true"
            || k == "data-claimcheck" && v == "off"
    })
}

fn attr<'a>(attrs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// Appends an HTML text run: white space collapses to one space, entities decode.
fn text_run(b: &mut SourceMapBuilder, raw: &str, source: &str, range: Range<usize>) {
    let mut pos = 0;
    while pos < raw.len() {
        let rest = &raw[pos..];
        let ws = rest.len() - rest.trim_start().len();
        if ws > 0 {
            let at_start = b.text().is_empty() || b.text().ends_with(['\n', ' ']);
            if !at_start {
                b.replaced(" ", range.start + pos..range.start + pos + ws);
            }
            pos += ws;
            continue;
        }
        let word_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = &rest[..word_len];
        let decoded = html_escape::decode_html_entities(word);
        let start = range.start + pos;
        align(b, &decoded, source, start..start + word_len);
        pos += word_len;
    }
}

/// Appends `decoded`, which the parser produced from `source[range]`, mapping each character
/// verbatim where the source has it and, where it does not, to the escape or entity that
/// stands for it.
pub(crate) fn align(b: &mut SourceMapBuilder, decoded: &str, source: &str, range: Range<usize>) {
    let src = &source[range.clone()];
    if src == decoded {
        b.verbatim(decoded, range.start);
        return;
    }
    // `d` walks the decoded text and `s` the source; a verbatim run starts at decoded offset
    // `run_start`, which stands at source offset `run_src`.
    let (mut s, mut d, mut run_start, mut run_src) = (0, 0, 0, 0);
    while d < decoded.len() {
        let c = decoded[d..]
            .chars()
            .next()
            .expect("d is on a char boundary");
        let c_len = c.len_utf8();
        if src[s..].starts_with(c) && !(c == '&' && entity_len(&src[s..]).is_some()) {
            if run_start == d {
                run_src = s;
            }
            s += c_len;
            d += c_len;
            continue;
        }
        if d > run_start {
            b.verbatim(&decoded[run_start..d], range.start + run_src);
        }
        let width = if src[s..].starts_with('\\') {
            1 + src[s + 1..].chars().next().map_or(0, char::len_utf8)
        } else if let Some(n) = entity_len(&src[s..]) {
            n
        } else {
            // The decoded text and the source part ways: map what is left as one piece.
            b.replaced(&decoded[d..], range.start + s..range.end);
            return;
        };
        let width = width.min(src.len() - s);
        b.replaced(
            &decoded[d..d + c_len],
            range.start + s..range.start + s + width,
        );
        s += width;
        d += c_len;
        run_start = d;
        run_src = s;
    }
    if d > run_start {
        b.verbatim(&decoded[run_start..d], range.start + run_src);
    }
}

/// The length of a character reference (`&amp;`, `&#8217;`, `&#x2019;`) at the start of `s`.
fn entity_len(s: &str) -> Option<usize> {
    let rest = s.strip_prefix('&')?;
    let end = rest.find(';')?;
    let body = &rest[..end];
    let ok = !body.is_empty()
        && end <= 32
        && (body.chars().all(|c| c.is_ascii_alphanumeric())
            || body.strip_prefix('#').is_some_and(|n| {
                n.chars().all(|c| c.is_ascii_digit())
                    || n.strip_prefix(['x', 'X'])
                        .is_some_and(|h| h.chars().all(|c| c.is_ascii_hexdigit()))
            }));
    ok.then_some(end + 2)
}

fn tokenize(source: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let bytes = source.as_bytes();
    let mut i = 0;
    let mut text_start = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        let rest = &source[i..];
        let next = rest.as_bytes().get(1).copied().unwrap_or(b' ');
        let end = if rest.starts_with("<!--") {
            rest.find("-->").map_or(source.len(), |e| i + e + 3)
        } else if next == b'!' || next == b'?' {
            rest.find('>').map_or(source.len(), |e| i + e + 1)
        } else if next.is_ascii_alphabetic() || next == b'/' {
            match tag_end(rest) {
                Some(e) => i + e,
                None => {
                    i += 1;
                    continue;
                }
            }
        } else {
            i += 1;
            continue;
        };
        if text_start < i {
            tokens.push(Token::Text {
                range: text_start..i,
                raw: &source[text_start..i],
            });
        }
        let tag = &source[i..end];
        i = end;
        text_start = end;
        if let Some(t) = parse_tag(tag) {
            let raw_name = match &t {
                Token::Start {
                    name,
                    self_closing: false,
                    ..
                } if RAW_TEXT.contains(&name.as_str()) => Some(name.clone()),
                _ => None,
            };
            tokens.push(t);
            if let Some(name) = raw_name {
                // Raw text runs to the matching end tag; nothing inside is markup.
                let stop = find_end_tag(&source[i..], &name).map_or(source.len(), |e| i + e);
                tokens.push(Token::RawText {
                    raw: &source[i..stop],
                });
                i = stop;
                text_start = stop;
            }
        }
    }
    if text_start < source.len() {
        tokens.push(Token::Text {
            range: text_start..source.len(),
            raw: &source[text_start..],
        });
    }
    tokens
}

/// The length of the tag at the start of `s`, minding quoted attribute values.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(i + 1),
            (None, '<') => return None,
            _ => {}
        }
    }
    None
}

fn parse_tag(tag: &str) -> Option<Token<'static>> {
    if tag.starts_with("<!") || tag.starts_with("<?") {
        return None;
    }
    let inner = tag.trim_start_matches('<').trim_end_matches('>');
    if let Some(name) = inner.strip_prefix('/') {
        let name = name.trim().to_ascii_lowercase();
        return Some(Token::End { name });
    }
    let self_closing = inner.ends_with('/');
    let inner = inner.trim_end_matches('/');
    let name_len = inner
        .find(|c: char| c.is_whitespace())
        .unwrap_or(inner.len());
    let name = inner[..name_len].to_ascii_lowercase();
    let attrs = parse_attrs(&inner[name_len..]);
    Some(Token::Start {
        name,
        attrs,
        self_closing,
    })
}

fn parse_attrs(s: &str) -> Vec<(String, String)> {
    let mut attrs = Vec::new();
    let mut rest = s.trim_start();
    while !rest.is_empty() {
        let key_len = rest
            .find(|c: char| c.is_whitespace() || c == '=')
            .unwrap_or(rest.len());
        let key = rest[..key_len].to_ascii_lowercase();
        rest = rest[key_len..].trim_start();
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (v, remaining) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let body = &after[1..];
                    let end = body.find(q).unwrap_or(body.len());
                    (&body[..end], body.get(end + 1..).unwrap_or(""))
                }
                _ => {
                    let end = after.find(char::is_whitespace).unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            value = html_escape::decode_html_entities(v).into_owned();
            rest = remaining.trim_start();
        }
        if key.is_empty() {
            break;
        }
        attrs.push((key, value));
    }
    attrs
}

/// Where the end tag `</name` first stands in `s`, its name matched without regard to ASCII
/// case. No lowercase copy of the rest of the file is made: an article with thousands of
/// `<script>` elements would pay for the whole file once per element.
fn find_end_tag(s: &str, name: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    s.match_indices("</").map(|(i, _)| i).find(|&i| {
        bytes
            .get(i + 2..i + 2 + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
    })
}

/// The title and the publication date, read from the tokens with the rules of the CSS
/// selectors they stand for: the first `meta[property="article:published_time"]`, else
/// `meta[name=...]`, else `meta[itemprop="datePublished"]`, else `time[datetime]`; the title from
/// `og:title`, else the first `article h1`, else the first `h1`, else `<title>`. Each value is
/// the first one that is not empty once white space is collapsed.
fn metadata(tokens: &[Token<'_>]) -> (Option<String>, Option<jiff::civil::Date>) {
    // Published-time candidates, in order of preference: property, name, itemprop.
    let mut published: [Option<String>; 3] = [None, None, None];
    let mut time = None;
    let mut og_title = None;
    let mut article_h1 = None;
    let mut h1 = None;
    let mut title = None;
    let mut articles = 0usize;
    for (i, token) in tokens.iter().enumerate() {
        match token {
            Token::Start {
                name,
                attrs,
                self_closing,
            } => match name.as_str() {
                "meta" => {
                    let content = attr(attrs, "content")
                        .map(collapse)
                        .filter(|v| !v.is_empty());
                    let keys = [
                        ("property", "article:published_time"),
                        ("name", "article:published_time"),
                        ("itemprop", "datePublished"),
                    ];
                    for (slot, (key, value)) in published.iter_mut().zip(keys) {
                        if slot.is_none() && attr(attrs, key) == Some(value) {
                            slot.clone_from(&content);
                        }
                    }
                    if og_title.is_none() && attr(attrs, "property") == Some("og:title") {
                        og_title = content;
                    }
                }
                "time" if time.is_none() => {
                    time = attr(attrs, "datetime")
                        .map(collapse)
                        .filter(|v| !v.is_empty());
                }
                "article" if !self_closing => articles += 1,
                "h1" if !self_closing && (h1.is_none() || articles > 0 && article_h1.is_none()) => {
                    let text = heading_text(&tokens[i + 1..]);
                    if !text.is_empty() {
                        if articles > 0 && article_h1.is_none() {
                            article_h1 = Some(text.clone());
                        }
                        h1.get_or_insert(text);
                    }
                }
                "title" if title.is_none() && !self_closing => {
                    if let Some(Token::RawText { raw }) = tokens.get(i + 1) {
                        title = Some(collapse(&html_escape::decode_html_entities(raw)))
                            .filter(|t| !t.is_empty());
                    }
                }
                _ => {}
            },
            Token::End { name } if name == "article" => articles = articles.saturating_sub(1),
            _ => {}
        }
    }
    let [property, name, itemprop] = published;
    let published = property
        .or(name)
        .or(itemprop)
        .and_then(|v| parse_metadata_date(&v))
        .or_else(|| time.and_then(|v| parse_metadata_date(&v)));
    let title = og_title.or(article_h1).or(h1).or(title);
    (title, published)
}

/// The text of a heading whose start tag precedes `tokens`: up to its end tag, or to the next
/// heading's start or end tag (a heading cannot hold another), entities decoded and white
/// space collapsed. Stopping at the next heading keeps a file of unclosed `<h1>`s linear.
fn heading_text(tokens: &[Token<'_>]) -> String {
    const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];
    let mut text = String::new();
    for token in tokens {
        match token {
            Token::Text { raw, .. } => text.push_str(&html_escape::decode_html_entities(raw)),
            Token::Start { name, .. } | Token::End { name }
                if HEADINGS.contains(&name.as_str()) =>
            {
                break;
            }
            _ => {}
        }
    }
    collapse(&text)
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use crate::{Document, Format, Span};

    #[test]
    fn keeps_the_article_body_and_maps_entities() {
        let src = "<!doctype html>\n<html><head><title>Site</title>\n\
            <meta property=\"article:published_time\" content=\"2023-06-16T09:00:00Z\">\n\
            <script>var x = '<p>Monday</p>';</script></head>\n<body>\n\
            <nav><a href=\"/\">Home 1999</a></nav>\n\
            <div class=\"cookie-banner\">We use cookies since 2001</div>\n\
            <article>\n<h1>Summit &amp; talks</h1>\n\
            <p>The talks open on <b>Monday,</b> June&nbsp;20 &ndash; in\n   Lyon.</p>\n\
            <aside>Related: 2002</aside>\n<p>See <a href=\"https://x.test/s\">the report</a>.</p>\n\
            </article>\n<footer>&copy; 2003</footer>\n</body></html>\n";
        let doc = Document::parse("a.html", src.to_string(), Format::Html);
        assert_eq!(
            doc.published.map(|d| d.to_string()).as_deref(),
            Some("2023-06-16")
        );
        assert_eq!(doc.title.as_deref(), Some("Summit & talks"));
        for absent in ["1999", "2001", "2002", "2003", "var x", "Site"] {
            assert!(!doc.text.contains(absent), "{absent} in {:?}", doc.text);
        }
        assert!(
            doc.text
                .contains("The talks open on Monday, June\u{a0}20 \u{2013} in Lyon.")
        );
        let at = doc.text.find("June").expect("June");
        let fs = doc.file_span(Span::new(at, at + "June\u{a0}20".len()));
        assert_eq!(&src[fs.start..fs.end], "June&nbsp;20");
        assert_eq!((fs.line, fs.column), (10, 37));
        let lyon = doc.text.find("Lyon").expect("Lyon");
        let fs = doc.file_span(Span::new(lyon, lyon + 4));
        assert_eq!((fs.line, fs.column), (11, 4));
        assert_eq!(doc.links.len(), 1);
        assert_eq!(
            &doc.text[doc.links[0].span.start..doc.links[0].span.end],
            "the report"
        );
    }

    #[test]
    fn reads_metadata_in_the_order_of_preference() {
        let doc = |src: &str| Document::parse("a.html", src.to_string(), Format::Html);
        let d = doc("<title>Site &amp; co</title><h1> </h1><h1>First  h1</h1>\
             <article><h1>Story</h1></article><time datetime=\"2021-05-04\">May</time>");
        assert_eq!(d.title.as_deref(), Some("Story"));
        assert_eq!(
            d.published.map(|d| d.to_string()).as_deref(),
            Some("2021-05-04")
        );
        let d = doc(
            "<meta property=\"og:title\" content=\"\"><meta property=\"og:title\" \
             content=\"OG\"><meta name=\"article:published_time\" content=\"2020-01-02\">\
             <meta itemprop=\"datePublished\" content=\"2019-01-01\"><h1>H</h1>",
        );
        assert_eq!(d.title.as_deref(), Some("OG"));
        assert_eq!(
            d.published.map(|d| d.to_string()).as_deref(),
            Some("2020-01-02")
        );
        let d = doc("<TITLE>Only the title</TITLE><p>Text</p>");
        assert_eq!(d.title.as_deref(), Some("Only the title"));
        assert_eq!(d.published, None);
    }

    /// Issue 8: hostile markup parses in time linear in the file; these took minutes when
    /// html5ever read the metadata and the raw-text scan lowercased the rest of the file.
    #[test]
    fn hostile_markup_is_read_in_linear_time() {
        let deep = format!(
            "<article>{}<h1>Deep</h1>It opened on Monday.{}</article>",
            "<div>".repeat(20_000),
            "</div>".repeat(20_000)
        );
        let d = Document::parse("a.html", deep, Format::Html);
        assert_eq!(d.title.as_deref(), Some("Deep"));
        assert!(d.text.contains("It opened on Monday."));
        let stray = format!("{}x{}", "<div>".repeat(20_000), "</span>".repeat(20_000));
        assert_eq!(Document::parse("a.html", stray, Format::Html).text, "x");
        let scripts = format!("{}<p>After</p>", "<script>a<b</SCRIPT >".repeat(20_000));
        assert_eq!(
            Document::parse("a.html", scripts, Format::Html)
                .text
                .trim_end(),
            "After"
        );
        let unclosed = format!("{}<SCRIPT>never closed", "<h1>".repeat(20_000));
        let d = Document::parse("a.html", unclosed, Format::Html);
        assert_eq!(d.title, None);
    }
}
