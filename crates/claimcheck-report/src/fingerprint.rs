//! Line-independent identities for findings: SARIF `partialFingerprints`, GitLab's
//! `fingerprint`, rdjson and the baseline all use the same value, so a finding keeps its identity
//! when text above it moves.

use claimcheck_core::{READ_AHEAD, prefetch};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::{Run, display_path};

/// The first part hashed. Changing it changes every fingerprint, and so invalidates every
/// baseline: only for a deliberate break.
const VERSION_TAG: &str = "claimcheck/v1";

/// The fingerprint of a finding: the first 128 bits, in hex, of SHA-256 over the rule, the
/// repo-relative path (with `/`), the normalised claim text and the occurrence index (0 for the
/// first finding with that rule and text in the file, 1 for the next, ...). Line numbers are
/// deliberately left out: a baseline must survive edits elsewhere in the article.
pub fn fingerprint(rule: &str, path: &str, claim_text: &str, occurrence: usize) -> String {
    let h = hash_parts(rule, &display_path(path), &normalise_claim_text(claim_text));
    finish(h, occurrence).as_str().to_string()
}

/// Starts the hash of a finding with every part but the occurrence, which a run only knows
/// once it has looked the normalised text up among those already seen.
/// A version tag and separators that cannot occur in the parts keep the fields apart, so
/// ("a", "bc") and ("ab", "c") hash differently.
fn hash_parts(rule: &str, display_path: &str, normalised: &str) -> Sha256 {
    let mut h = Sha256::new();
    for part in [VERSION_TAG, rule, display_path, normalised] {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    h
}

/// A finding's fingerprint: the 32 lowercase hex digits [`fingerprint`] gives, held inline, so
/// that a run's list of them is one allocation rather than one a finding (130,000 for a 10 MB
/// text).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Fingerprint([u8; 32]);

impl Fingerprint {
    /// The hex digits as text.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).expect("a fingerprint is hex digits")
    }

    /// The hex digits as bytes, which need no check to be written as text.
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

impl std::ops::Deref for Fingerprint {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Debug for Fingerprint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl serde::Serialize for Fingerprint {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl PartialEq<str> for Fingerprint {
    fn eq(&self, other: &str) -> bool {
        self.0.as_slice() == other.as_bytes()
    }
}

impl PartialEq<&str> for Fingerprint {
    fn eq(&self, other: &&str) -> bool {
        self.0.as_slice() == other.as_bytes()
    }
}

/// Adds the occurrence, in decimal as `usize::to_string` writes it, and renders the first 128
/// bits of the digest as lowercase hex. Digits and hex are written without `format!` because
/// this runs once per finding, and a `to_string` plus sixteen `format!` calls per finding showed
/// up in profiles of large extractions.
fn finish(mut h: Sha256, occurrence: usize) -> Fingerprint {
    h.update(itoa::Buffer::new().format(occurrence).as_bytes());
    h.update([0u8]);
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = h.finalize();
    let mut hex = [0u8; 32];
    for (pair, b) in hex.chunks_exact_mut(2).zip(&digest[..16]) {
        pair[0] = HEX[usize::from(b >> 4)];
        pair[1] = HEX[usize::from(b & 0x0f)];
    }
    Fingerprint(hex)
}

/// A claim's text as fingerprints see it: lowercase, whitespace runs collapsed to one space,
/// curly quotes and primes folded to straight ones, dashes to a hyphen, so that retyping
/// punctuation does not change a finding's identity.
pub fn normalise_claim_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_normalised(text, &mut out);
    out
}

/// Appends the normalised form of `text` to `out`, so a caller normalising many claims can
/// reuse one buffer. One pass over the characters: leading and trailing whitespace vanish and
/// an inner run of it becomes one space, as with `split_whitespace` (Unicode White_Space, so a
/// no-break space separates words too), and ASCII, nearly all of a claim, skips the Unicode
/// case tables.
fn push_normalised(text: &str, out: &mut String) {
    let start = out.len();
    // Most claims are already one run of printable ASCII with single spaces between words:
    // such a claim is copied whole and lowercased in place, where the byte loop below pushed
    // each byte (about 900 instructions a claim of the bench text). The test of each byte has
    // no early exit, so that it runs on whole vectors.
    let bytes = text.as_bytes();
    let unusual = bytes.iter().fold(false, |unusual, &b| {
        unusual | (b.wrapping_sub(b' ') > b'~' - b' ') | (b == b'`')
    });
    let doubled = bytes
        .iter()
        .zip(bytes.iter().skip(1))
        .fold(false, |doubled, (&a, &b)| {
            doubled | ((a == b' ') & (b == b' '))
        });
    if !unusual
        && !doubled
        && bytes.first().is_some_and(|&b| b != b' ')
        && bytes.last().is_some_and(|&b| b != b' ')
    {
        out.push_str(text);
        out[start..].make_ascii_lowercase();
        return;
    }
    // Nearly every claim is ASCII without a backtick or a vertical tab, the only ASCII
    // characters the loop below treats specially beyond case and the whitespace that
    // `split_ascii_whitespace` splits on: such a claim is copied a byte at a time, lowercased
    // and with its runs of white space closed up in the same pass, rather than decoded and
    // pushed as characters (which was most of the cost of fingerprinting), and rather than in
    // a pass to check, one to split and one to lowercase. A byte that needs more sends the
    // claim, from its start, to the character loop.
    let mut gap = false;
    let mut plain = true;
    for &b in text.as_bytes() {
        match b {
            b' ' | b'\t' | b'\n' | 0x0C | b'\r' => gap = true,
            b'`' | 0x0B | 0x80.. => {
                plain = false;
                break;
            }
            _ => {
                if gap && out.len() > start {
                    out.push(' ');
                }
                gap = false;
                out.push(char::from(b.to_ascii_lowercase()));
            }
        }
    }
    if plain {
        return;
    }
    out.truncate(start);
    let mut gap = false;
    for c in text.chars() {
        if c.is_whitespace() {
            gap = true;
            continue;
        }
        if gap && out.len() > start {
            out.push(' ');
        }
        gap = false;
        match c {
            '`' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => out.push('\''),
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '«' | '»' => {
                out.push('"')
            }
            '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// The fingerprint of every finding of a run, indexed like `run.documents[d].findings[f]`.
/// Occurrences are counted over the whole run, so a file given twice still gets unique values.
///
/// Occurrences are counted by (rule, path, text), so documents whose paths display differently
/// never share a count: then each document is fingerprinted on its own, in parallel (in the
/// caller's rayon pool), hashing being most of the cost of rendering a large run. Documents
/// whose paths display alike ("./a.md", "a.md", or one file given twice) share their counts,
/// and such a run is fingerprinted in order, in one thread.
pub fn run_fingerprints(run: &Run) -> Vec<Vec<Fingerprint>> {
    let paths: Vec<String> = run
        .documents
        .par_iter()
        .map(|d| display_path(&d.document.path))
        .collect();
    let mut shown: HashSet<&str> = HashSet::default();
    if paths.iter().all(|p| shown.insert(p.as_str())) {
        run.documents
            .par_iter()
            .zip(&paths)
            .map(|(d, path)| fingerprints_of(d, path, &mut HashMap::default()))
            .collect()
    } else {
        let mut seen = HashMap::default();
        run.documents
            .iter()
            .zip(&paths)
            .map(|(d, path)| fingerprints_of(d, path, &mut seen))
            .collect()
    }
}

/// Occurrences seen so far, by (rule, path) and then by normalised text.
type Seen<'a> = HashMap<(&'a str, &'a str), HashMap<String, usize>>;

/// The fingerprints of `document`'s findings, counting occurrences on from `seen`.
fn fingerprints_of<'a>(
    document: &'a crate::DocumentResult,
    path: &'a str,
    seen: &mut Seen<'a>,
) -> Vec<Fingerprint> {
    let mut text = String::new();
    let findings = &document.findings;
    findings
        .iter()
        .enumerate()
        .map(|(i, f)| {
            if let Some(ahead) = findings.get(i + READ_AHEAD) {
                prefetch(ahead.claim.text.as_bytes(), 0);
            }
            let rule = f.rule_id();
            text.clear();
            push_normalised(&f.claim.text, &mut text);
            let h = hash_parts(rule, path, &text);
            let counts = seen.entry((rule, path)).or_default();
            let occurrence = match counts.get_mut(text.as_str()) {
                Some(n) => {
                    *n += 1;
                    *n - 1
                }
                None => {
                    counts.insert(text.clone(), 1);
                    0
                }
            };
            finish(h, occurrence)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A run's fingerprints are those [`fingerprint`] gives each finding alone, with
    /// occurrences counted by rule and text, across documents whose paths display alike.
    #[test]
    fn run_fingerprints_are_each_findings_own() {
        use claimcheck_core::{Claim, Details, Document, Format, Span};
        let text = "On Monday 5 km and 5 km, then Monday again and 3 kg.";
        let quantity = |span| crate::km_finding(text, span, "");
        let attribution = |span| {
            let details = Details::Attribution(Box::default());
            crate::Finding::new(Claim::new(text, span, details), None)
        };
        let findings = || {
            vec![
                attribution(Span::new(3, 9)),
                quantity(Span::new(10, 14)),
                quantity(Span::new(19, 23)),
                attribution(Span::new(30, 36)),
                quantity(Span::new(47, 51)),
            ]
        };
        let document = |path: &str| crate::DocumentResult {
            document: Document::parse(path, text.to_string(), Format::Text),
            published: None,
            findings: findings(),
        };
        for paths in [["a.txt", "b.txt"], ["a.txt", "./a.txt"]] {
            let run = crate::Run {
                documents: paths.iter().map(|p| document(p)).collect(),
                ..crate::Run::default()
            };
            let mut seen: HashMap<(String, String, String), usize> = HashMap::default();
            let expected: Vec<Vec<String>> = run
                .documents
                .iter()
                .map(|d| {
                    d.findings
                        .iter()
                        .map(|f| {
                            let key = (
                                f.rule_id().to_string(),
                                display_path(&d.document.path),
                                normalise_claim_text(&f.claim.text),
                            );
                            let n = seen.entry(key).or_default();
                            *n += 1;
                            fingerprint(f.rule_id(), &d.document.path, &f.claim.text, *n - 1)
                        })
                        .collect()
                })
                .collect();
            let got: Vec<Vec<String>> = run_fingerprints(&run)
                .iter()
                .map(|d| d.iter().map(|p| p.to_string()).collect())
                .collect();
            assert_eq!(got, expected, "{paths:?}");
            assert_ne!(got[0][1], got[0][2], "a repeated text counts on");
        }
    }

    #[test]
    fn normalises_case_space_and_quotes() {
        assert_eq!(
            normalise_claim_text("“We  will\nrebuild,” said Ruiz — Mayor’s"),
            "\"we will rebuild,\" said ruiz - mayor's"
        );
    }

    /// The one-pass normaliser against the definition it replaced: words split on Unicode
    /// whitespace, joined by one space, each character folded.
    #[test]
    fn normalises_like_split_whitespace() {
        fn reference(text: &str) -> String {
            let words: Vec<String> = text
                .split_whitespace()
                .map(|w| {
                    w.chars()
                        .map(|c| match c {
                            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}'
                            | '`' => "'".to_string(),
                            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}'
                            | '«' | '»' => "\"".to_string(),
                            '\u{2010}'..='\u{2015}' | '\u{2212}' => "-".to_string(),
                            c => c.to_lowercase().collect(),
                        })
                        .collect()
                })
                .collect();
            words.join(" ")
        }
        for text in [
            "",
            " ",
            "\u{a0}\u{2003}\t\n",
            "  Leading and trailing \u{0b}",
            "ÉCOLE Straße İstanbul ΣΟΦΙΑ",
            "a\u{a0}b\u{3000}c\u{85}d\u{200b}e",
            "`quoted` «guillemets» ‘single’ ′ ″ ‐‑‒–—― −5",
            "MIXED case\r\n\r\nparagraphs  ",
            "ASCII only,\x0c form feed, `tick`, \x1f unit separator and \x0b tab",
            "Plain ASCII:\tTABS and\x0cFEEDS\r\n 42 \"Quoted\" it's",
            "The Mayor said 4.7 BILLION dollars, on Thursday (November 21).",
            "x",
            "~ {|} [\\] ^_ @",
        ] {
            assert_eq!(normalise_claim_text(text), reference(text), "{text:?}");
        }
        // Every ASCII character, alone and between words, so that the ASCII path and the
        // character loop are held to the same definition.
        for b in 0u8..128 {
            let c = char::from(b);
            for text in [format!("{c}"), format!("Ab{c}Cd {c} eF{c}")] {
                assert_eq!(normalise_claim_text(&text), reference(&text), "{text:?}");
            }
        }
    }

    #[test]
    fn occurrences_are_written_in_decimal() {
        let h = hash_parts("r", "p", "t");
        let mut reference = Sha256::new();
        for part in [VERSION_TAG, "r", "p", "t", "18446744073709551615"] {
            reference.update(part.as_bytes());
            reference.update([0u8]);
        }
        let expected: String = reference.finalize()[..16]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(finish(h, usize::MAX).as_str(), expected);
        assert_eq!(fingerprint("r", "p", "t", 10).len(), 32);
        assert_ne!(
            fingerprint("r", "p", "t", 10),
            fingerprint("r", "p", "t", 1)
        );
    }

    #[test]
    fn is_stable_and_separates_its_parts() {
        let a = fingerprint("date.weekday-mismatch", "a/b.md", "Monday, 14 May", 0);
        assert_eq!(a.len(), 32);
        assert_eq!(
            a,
            fingerprint("date.weekday-mismatch", "./a/b.md", "monday,  14 MAY", 0)
        );
        assert_ne!(
            a,
            fingerprint("date.weekday-mismatch", "a/b.md", "Monday, 14 May", 1)
        );
        assert_ne!(
            a,
            fingerprint("date.weekday", "a/b.md", "Monday, 14 May", 0)
        );
        assert_ne!(
            fingerprint("a", "bc", "x", 0),
            fingerprint("ab", "c", "x", 0)
        );
        assert_eq!(
            fingerprint("quote.misattributed", "content/a.md", "“Hello”", 0),
            fingerprint("quote.misattributed", "content/a.md", "\"hello\"", 0)
        );
        // The value is pinned: baselines written by one version must match the next.
        assert_eq!(
            fingerprint(
                "quote.misattributed",
                "content/2024/05/flood-report.md",
                "“We will rebuild every bridge,” said Mayor Ana Ruiz",
                0
            ),
            "c2ac2b48c74af011549c464d5057bf4c"
        );
    }
}
