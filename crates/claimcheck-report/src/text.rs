//! Small text pieces several formats share: escaping for XML and HTML, and evidence written
//! as one line.

use claimcheck_core::Evidence;

use crate::Finding;

/// Escapes text for XML or HTML content and attribute values alike. Characters XML 1.0 cannot
/// hold at all (most C0 controls) become U+FFFD, so a stray control byte in an article never
/// makes a JUnit file unparseable.
pub(crate) fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// One piece of evidence as one line: `source: value: passage <url>`.
pub(crate) fn evidence_line(e: &Evidence) -> String {
    let mut line = e.source.clone();
    for part in [&e.value, &e.passage].into_iter().flatten() {
        line.push_str(": ");
        line.push_str(part);
    }
    if let Some(url) = &e.url {
        line.push_str(" <");
        line.push_str(url);
        line.push('>');
    }
    line
}

/// The finding's explanation, or for an unverified run what was extracted.
pub(crate) fn message(f: &Finding) -> String {
    match &f.verdict {
        Some(v) => v.explanation.clone(),
        None => format!("{} claim: {}", f.claim.kind.as_str(), f.claim.text),
    }
}

/// The verdict word, or `extracted` before verification.
pub(crate) fn verdict_word(f: &Finding) -> &'static str {
    f.status().map_or("extracted", |s| s.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_controls() {
        assert_eq!(
            xml_escape("a<b & \"c\" 'd'\u{1}"),
            "a&lt;b &amp; &quot;c&quot; &#39;d&#39;\u{FFFD}"
        );
    }
}
