//! A fetched body to the title and main text of the page: the charset decoded, and for HTML
//! the article body without navigation, banners, asides, footers and other page furniture.
//!
//! The rules match the article reader in `claimcheck-core` (`html.rs`): `<article>` elements
//! if there are any, else `<main>`, else `<body>`. That reader keeps source positions with a
//! hand-written tokenizer, which a fetched page does not need, so pages are read with scraper
//! (html5ever), which copes with real-world markup better.

use scraper::{ElementRef, Html, Node, Selector};

use claimcheck_core::furniture::{FURNITURE_WORDS as FURNITURE, SKIPPED_ELEMENTS as SKIPPED};

/// Elements that end a paragraph where they open and where they close.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "figure",
    "figcaption",
    "hr",
    "address",
    "details",
    "summary",
    "body",
];

/// What a page says, as the evidence shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PageText {
    pub title: Option<String>,
    /// Paragraphs separated by blank lines, whitespace inside each collapsed.
    pub text: String,
}

/// Whether a media type (without parameters, lowercase) is read as HTML.
pub(crate) fn is_html(media_type: &str) -> bool {
    matches!(media_type, "text/html" | "application/xhtml+xml")
}

/// The media type of a Content-Type header value: lowercase, parameters dropped.
pub(crate) fn media_type(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// Reads a body served as `content_type` (a header value, possibly with a charset).
pub(crate) fn read_page(body: &[u8], content_type: &str) -> PageText {
    let text = decode(body, content_type);
    if is_html(&media_type(content_type)) {
        html_main_text(&text)
    } else {
        PageText {
            title: None,
            text: text.trim_start_matches('\u{feff}').to_string(),
        }
    }
}

/// Decodes a body by the charset its header names, else the one an HTML `<meta>` names in
/// the first kilobytes, else UTF-8 (with a byte-order mark honoured). Undecodable bytes become
/// U+FFFD rather than failing the source.
fn decode(body: &[u8], content_type: &str) -> String {
    let declared = charset_param(content_type).or_else(|| {
        is_html(&media_type(content_type))
            .then(|| meta_charset(&body[..body.len().min(4096)]))
            .flatten()
    });
    let encoding = declared
        .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()))
        .unwrap_or(encoding_rs::UTF_8);
    let (text, _, _) = encoding.decode(body);
    text.into_owned()
}

fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (key, value) = param.split_once('=')?;
        (key.trim().eq_ignore_ascii_case("charset"))
            .then(|| value.trim().trim_matches('"').to_string())
    })
}

/// The charset named by `<meta charset=...>` or `<meta http-equiv content="...charset=...">`.
fn meta_charset(head: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let rest = head[at..].trim_start_matches(['"', '\'', ' ']);
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(rest.len());
    (end > 0).then(|| rest[..end].to_string())
}

/// The deepest element nesting handed to the HTML parser. html5ever checks the stack of open
/// elements for every tag it opens, so parsing costs the square of the nesting depth: twenty
/// thousand nested `<div>`s took 37 s in a debug build. Browsers cap the depth too (Chromium
/// at 512); real articles stay far below this.
const MAX_NESTING: usize = 256;

/// Elements whose content is raw text, skipped whole when measuring nesting.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// Elements that never nest: void elements, and those whose end tag is optional and that the
/// parser closes when a sibling opens (a run of unclosed `<p>`s does not deepen the tree).
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead",
    "tbody", "tfoot", "rb", "rt", "rp", "colgroup", "caption", "html", "head", "body",
];

/// `html` with the start and end tags of elements nested deeper than `max_depth` removed (their
/// text kept), so that hostile markup parses in linear time. Pages within the limit are
/// returned untouched. The scan is deliberately rough (it does not parse attributes with `>`
/// in quotes, for one): it only has to bound the depth, not to understand the page.
fn limit_nesting(html: &str, max_depth: usize) -> std::borrow::Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    let mut stack: Vec<bool> = Vec::new();
    let mut copied = 0;
    let mut i = 0;
    while let Some(offset) = html[i..].find('<') {
        let start = i + offset;
        i = start + 1;
        if html[start..].starts_with("<!--") {
            i = html[start..]
                .find("-->")
                .map_or(html.len(), |e| start + e + 3);
            continue;
        }
        let closing = bytes.get(start + 1) == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let end = html[start..]
            .find('>')
            .map_or(html.len(), |e| start + e + 1);
        i = end;
        if NOT_NESTING.contains(&name.as_str()) {
            continue;
        }
        if RAW_TEXT.contains(&name.as_str()) {
            // A raw-text element holds no elements, so it never deepens the tree and is kept
            // at any depth (dropping its start tag would turn a script into text). Its content
            // up to the end tag is text, whatever it looks like; the end tag is found without
            // a lowercase copy of the rest of the page, which a page of thousands of
            // `<script>`s would pay for once per element.
            if !closing {
                i = find_end_tag(&html[end..], &name).map_or(html.len(), |e| end + e);
            }
            continue;
        }
        let self_closing = html[start..end].ends_with("/>");
        let drop = if closing {
            stack.pop().unwrap_or(false)
        } else if self_closing {
            false
        } else {
            stack.push(stack.len() >= max_depth);
            stack.len() > max_depth
        };
        if drop {
            let out = out.get_or_insert_with(|| String::with_capacity(html.len()));
            out.push_str(&html[copied..start]);
            copied = end;
        }
    }
    match out {
        Some(mut out) => {
            out.push_str(&html[copied..]);
            std::borrow::Cow::Owned(out)
        }
        None => std::borrow::Cow::Borrowed(html),
    }
}

/// Where the end tag `</name` first stands in `s`, its name matched without regard to ASCII
/// case.
fn find_end_tag(s: &str, name: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    s.match_indices("</").map(|(i, _)| i).find(|&i| {
        bytes
            .get(i + 2..i + 2 + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
    })
}

/// The title and main text of an HTML page.
pub(crate) fn html_main_text(html: &str) -> PageText {
    let html = limit_nesting(html, MAX_NESTING);
    let doc = Html::parse_document(&html);
    let mut out = Paragraphs::default();
    for root in body_roots(&doc) {
        walk(root, &mut out, is_dropped);
        out.block_break();
    }
    let mut text = out.finish();
    if text.is_empty() {
        // The furniture words misfire on some sites (a wrapper `<div class="with-sidebar">`
        // around everything); a page is better read with its furniture than not at all.
        let mut out = Paragraphs::default();
        walk(doc.root_element(), &mut out, |el| {
            SKIPPED.contains(&el.value().name())
        });
        text = out.finish();
    }
    PageText {
        title: title(&doc),
        text,
    }
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("the selectors in this file are valid CSS")
}

/// The elements that hold the article: the outermost `<article>` elements outside page
/// furniture (related-story cards in an `<aside>` are articles too), else `<main>`, else
/// `<body>`, else the whole document.
fn body_roots(doc: &Html) -> Vec<ElementRef<'_>> {
    for css in ["article", "main"] {
        let sel = selector(css);
        let found: Vec<ElementRef<'_>> = doc
            .select(&sel)
            .filter(|el| {
                // `<html>` and `<body>` are not judged by their classes: a
                // `<body class="has-sidebar">` still holds the article.
                !el.ancestors()
                    .filter_map(ElementRef::wrap)
                    .filter(|a| !matches!(a.value().name(), "html" | "body"))
                    .any(|a| a.value().name() == css || is_dropped(a))
            })
            .collect();
        if !found.is_empty() {
            return found;
        }
    }
    let body = selector("body");
    match doc.select(&body).next() {
        Some(body) => vec![body],
        None => vec![doc.root_element()],
    }
}

/// Whether an element is dropped with its content: a skipped element, or one whose class,
/// id or role marks page furniture, or one hidden from readers.
fn is_dropped(el: ElementRef<'_>) -> bool {
    let e = el.value();
    if SKIPPED.contains(&e.name()) {
        return true;
    }
    e.attrs().any(|(k, v)| {
        let v = v.to_ascii_lowercase();
        match k {
            "class" | "id" | "role" => {
                FURNITURE.iter().any(|w| v.contains(w))
                    || matches!(
                        v.as_str(),
                        "navigation" | "banner" | "contentinfo" | "complementary"
                    )
            }
            "hidden" => true,
            "aria-hidden" => v == "true",
            "data-claimcheck" => v == "off",
            _ => false,
        }
    })
}

/// One step of the walk over an element's content, kept on an explicit stack so that deeply
/// nested markup (twenty thousand `<div>`s) cannot overflow the thread's stack.
enum Step<'a> {
    Open(ElementRef<'a>),
    Text(&'a str),
    Close,
}

fn walk(root: ElementRef<'_>, out: &mut Paragraphs, dropped: impl Fn(ElementRef<'_>) -> bool) {
    let mut stack = vec![Step::Open(root)];
    let mut first = true;
    while let Some(step) = stack.pop() {
        match step {
            Step::Text(text) => out.push_text(text),
            Step::Close => out.block_break(),
            Step::Open(el) => {
                // The root is never furniture itself: a `<body class="has-cookie-banner">`
                // still holds the article.
                if !first && dropped(el) {
                    continue;
                }
                first = false;
                let name = el.value().name();
                if name == "br" {
                    out.push_text(" ");
                    continue;
                }
                let block = BLOCKS.contains(&name);
                if block {
                    out.block_break();
                    stack.push(Step::Close);
                }
                for child in el.children().rev() {
                    match child.value() {
                        Node::Text(t) => stack.push(Step::Text(&t.text)),
                        Node::Element(_) => {
                            if let Some(child) = ElementRef::wrap(child) {
                                stack.push(Step::Open(child));
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
    }
}

/// The page title: `<title>`, else `og:title`, else the first `<h1>`.
fn title(doc: &Html) -> Option<String> {
    let from_title = doc
        .select(&selector("title"))
        .next()
        .map(|t| collapse(&t.text().collect::<String>()));
    let from_og = || {
        doc.select(&selector("meta[property='og:title']"))
            .next()
            .and_then(|m| m.attr("content"))
            .map(collapse)
    };
    let from_h1 = || {
        doc.select(&selector("h1"))
            .next()
            .map(|h| collapse(&h.text().collect::<String>()))
    };
    from_title
        .filter(|t| !t.is_empty())
        .or_else(|| from_og().filter(|t| !t.is_empty()))
        .or_else(|| from_h1().filter(|t| !t.is_empty()))
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text gathered into paragraphs, with whitespace collapsed as a browser renders it.
#[derive(Default)]
struct Paragraphs {
    done: Vec<String>,
    current: String,
    space: bool,
}

impl Paragraphs {
    fn push_text(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() {
                self.space = true;
            } else {
                if self.space && !self.current.is_empty() {
                    self.current.push(' ');
                }
                self.space = false;
                self.current.push(c);
            }
        }
    }

    fn block_break(&mut self) {
        if !self.current.is_empty() {
            self.done.push(std::mem::take(&mut self.current));
        }
        self.space = false;
    }

    fn finish(mut self) -> String {
        self.block_break();
        self.done.join("\n\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_article_and_drops_furniture() {
        let page = html_main_text(
            "<html><head><title>Summit  news</title></head><body>\
             <nav>Home | World</nav>\
             <div class=\"cookie-banner\">We use cookies</div>\
             <article><h1>Leaders meet</h1><p>The leaders met\n  on Monday.</p>\
             <div class=\"share-bar\">Share this</div><p>They talked.<br>Then left.</p></article>\
             <aside><article><p>Related story</p></article></aside>\
             <footer>Copyright</footer></body></html>",
        );
        assert_eq!(page.title.as_deref(), Some("Summit news"));
        assert_eq!(
            page.text,
            "Leaders meet\n\nThe leaders met on Monday.\n\nThey talked. Then left."
        );
    }

    #[test]
    fn falls_back_to_main_then_body() {
        let page = html_main_text("<body><nav>x</nav><main><p>A</p></main><p>B</p></body>");
        assert_eq!(page.text, "A");
        let page = html_main_text("<body><p>A</p><footer>x</footer><p>B</p></body>");
        assert_eq!(page.text, "A\n\nB");
    }

    #[test]
    fn ignores_furniture_words_on_the_body_and_falls_back_when_nothing_is_left() {
        let page = html_main_text(
            "<body class=\"has-sidebar\"><article><p>A</p></article><p>B</p></body>",
        );
        assert_eq!(page.text, "A");
        let page = html_main_text(
            "<body><div class=\"layout-with-sidebar\"><p>A</p></div><nav>N</nav></body>",
        );
        assert_eq!(page.text, "A");
    }

    #[test]
    fn survives_deep_nesting() {
        let html = format!("{}text{}", "<div>".repeat(20_000), "</div>".repeat(20_000));
        assert_eq!(html_main_text(&html).text, "text");
    }

    /// Issue 8: a page of thousands of raw-text elements is read in linear time (each one
    /// used to lowercase the rest of the page).
    #[test]
    fn survives_many_raw_text_elements() {
        let html = format!(
            "<article><p>Kept</p>{}</article>",
            "<SCRIPT>if (a<b) {}</Script><div>".repeat(20_000)
        );
        assert_eq!(html_main_text(&html).text, "Kept");
        assert_eq!(find_end_tag("a</scrip </SCRIPT>", "script"), Some(9));
    }

    #[test]
    fn limits_nesting_but_keeps_ordinary_pages() {
        let page = "<div><p>a<p>b<script>if (a<b) {}</script><br><div>c</div></div>";
        assert_eq!(limit_nesting(page, 2), page);
        assert_eq!(
            limit_nesting("<div><div><div>x</div><i>y</i></div></div><b>z</b>", 2),
            "<div><div>xy</div></div><b>z</b>"
        );
    }

    #[test]
    fn decodes_the_declared_charset() {
        let body = b"caf\xe9";
        assert_eq!(
            read_page(body, "text/plain; charset=iso-8859-1").text,
            "café"
        );
        let html = b"<meta charset=\"windows-1252\"><p>caf\xe9</p>";
        assert_eq!(read_page(html, "text/html").text, "café");
        assert_eq!(read_page("café".as_bytes(), "text/plain").text, "café");
    }
}
