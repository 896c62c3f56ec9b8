//! Line-independent identities for findings: SARIF `partialFingerprints`, GitLab's
//! `fingerprint`, rdjson and the baseline all use the same value, so a finding keeps its identity
//! when text above it moves.

use std::collections::HashMap;

use sha2::{Digest, Sha256};

use crate::{Run, display_path};

/// The fingerprint of a finding: the first 128 bits, in hex, of SHA-256 over the rule, the
/// repo-relative path (with `/`), the normalised claim text and the occurrence index (0 for the
/// first finding with that rule and text in the file, 1 for the next, ...). Line numbers are
/// deliberately left out: a baseline must survive edits elsewhere in the article.
pub fn fingerprint(rule: &str, path: &str, claim_text: &str, occurrence: usize) -> String {
    let mut h = Sha256::new();
    // A version tag and separators that cannot occur in the parts keep the fields apart, so
    // ("a", "bc") and ("ab", "c") hash differently.
    for part in [
        "claimcheck/v1",
        rule,
        &display_path(path),
        &normalise_claim_text(claim_text),
        &occurrence.to_string(),
    ] {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    h.finalize()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A claim's text as fingerprints see it: lowercase, whitespace runs collapsed to one space,
/// curly quotes and primes folded to straight ones, dashes to a hyphen, so that retyping
/// punctuation does not change a finding's identity.
pub fn normalise_claim_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' => {
                    out.push('\'')
                }
                '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '«' | '»' => {
                    out.push('"')
                }
                '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

/// The fingerprint of every finding of a run, indexed like `run.documents[d].findings[f]`.
/// Occurrences are counted over the whole run, so a file given twice still gets unique values.
pub fn run_fingerprints(run: &Run) -> Vec<Vec<String>> {
    let mut seen: HashMap<(String, String, String), usize> = HashMap::new();
    run.documents
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
                    let n = seen.entry(key).or_insert(0);
                    let occurrence = *n;
                    *n += 1;
                    fingerprint(f.rule_id(), &d.document.path, &f.claim.text, occurrence)
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_case_space_and_quotes() {
        assert_eq!(
            normalise_claim_text("“We  will\nrebuild,” said Ruiz — Mayor’s"),
            "\"we will rebuild,\" said ruiz - mayor's"
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
