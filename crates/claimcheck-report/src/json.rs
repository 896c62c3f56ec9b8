//! JSON contract version 1: one object with the tool, the documents and their claims, and a
//! summary. Fields may be added; none may be renamed or removed without bumping `version`.
//! Also `json-lines`: the same claim objects, one per line, each with its path.
//!
//! Both are serialised straight from borrowed views of the run into one byte buffer: an
//! extraction of a long article yields tens of thousands of claims, and a `String` (or a
//! `Vec` of views) per claim was a measurable share of `claimcheck extract`.

use std::io;

use claimcheck_core::{Details, Evidence, FileSpan, READ_AHEAD, prefetch};
use serde::{Serialize, Serializer};
use serde_json::ser::Formatter;

use rayon::prelude::*;

mod line;

use crate::{DocumentResult, Finding, Fingerprint, Run, Summary, display_path, run_fingerprints};

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    tool: Tool,
    documents: Vec<DocumentOut<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct DocumentOut<'a> {
    path: &'a str,
    published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    claims: Claims<'a>,
}

/// A document's claims, each viewed as [`ClaimOut`] only while it is written, so the pretty
/// report needs no list of views per document.
struct Claims<'a>(&'a DocumentResult);

impl Serialize for Claims<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let d = self.0;
        s.collect_seq(d.findings.iter().map(|f| claim_out(d, f)))
    }
}

#[derive(Serialize)]
struct ClaimOut<'a> {
    id: &'a str,
    kind: &'static str,
    text: &'a str,
    span: FileSpan,
    details: &'a Details,
    #[serde(skip_serializing_if = "Option::is_none")]
    verdict: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    confidence: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    explanation: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence: Option<&'a [Evidence]>,
}

fn claim_out<'a>(d: &'a DocumentResult, f: &'a Finding) -> ClaimOut<'a> {
    ClaimOut {
        id: &f.claim.id,
        kind: f.claim.kind.as_str(),
        text: &f.claim.text,
        span: d.document.file_span(f.claim.span),
        details: &f.claim.details,
        verdict: f.verdict.as_ref().map(|v| v.status.as_str()),
        confidence: f.verdict.as_ref().map(|v| v.confidence),
        rule: f.verdict.as_ref().map(|v| v.rule.as_str()),
        explanation: f.verdict.as_ref().map(|v| v.explanation.as_str()),
        evidence: f.verdict.as_ref().map(|v| v.evidence.as_slice()),
    }
}

/// serde_json writes only UTF-8, so the conversion cannot fail; it checks rather than trusts
/// because this crate forbids `unsafe`, at a cost far below the serialising itself.
fn into_string(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).expect("serde_json writes UTF-8")
}

/// The run as contract v1, pretty-printed, with a trailing newline.
pub fn json(run: &Run) -> String {
    crate::stream::to_string(|out| write_json(run, out))
}

/// [`json`] written to `out` as it is made, with no copy of the whole report in memory.
pub(crate) fn write_json(run: &Run, out: &mut dyn io::Write) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(&mut *out, Pretty::default());
    report(run).serialize(&mut serializer)?;
    out.write_all(b"\n")
}

fn report(run: &Run) -> Report<'_> {
    let documents = run
        .documents
        .iter()
        .map(|d| DocumentOut {
            path: &d.document.path,
            published: d.published.map(|p| p.to_string()),
            title: d.document.title.as_deref(),
            claims: Claims(d),
        })
        .collect();
    Report {
        version: 1,
        tool: Tool {
            name: "claimcheck",
            version: env!("CARGO_PKG_VERSION"),
        },
        documents,
        summary: run.summary(),
    }
}

/// The layout of `serde_json::to_string_pretty` (a line per value, two spaces per level,
/// `"key": value`), with each line break written together with its comma and indentation as one
/// slice. serde_json writes the indentation two bytes at a time, and in a report of tens of
/// thousands of claims, six levels deep, those small writes were the largest cost of
/// pretty-printing.
#[derive(Default)]
struct Pretty {
    depth: usize,
    /// Whether the innermost open array or object has a value yet, as serde_json tracks it: an
    /// empty one closes on the line it opened.
    has_value: bool,
}

impl Pretty {
    /// A comma, a line break and the indentation of `depth` levels, to be sliced from: the
    /// report is never deeper than this, and deeper values fall back to writing by parts.
    const BREAK: &[u8] = b",\n                                                                ";

    /// Starts a new line at the current depth, after a comma unless it is the first value.
    fn new_line<W: ?Sized + io::Write>(&self, w: &mut W, first: bool) -> io::Result<()> {
        let from = usize::from(first);
        match Self::BREAK.get(from..2 + 2 * self.depth) {
            Some(line) => w.write_all(line),
            None => {
                w.write_all(&Self::BREAK[from..2])?;
                (0..self.depth).try_for_each(|_| w.write_all(b"  "))
            }
        }
    }

    fn open<W: ?Sized + io::Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + io::Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.new_line(w, true)?;
        }
        w.write_all(bracket)
    }
}

impl Formatter for Pretty {
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.new_line(w, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.new_line(w, first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// A claim of the `json-lines` stream: the path first, then the v1 claim's fields, then its
/// level and fingerprint (which the baseline and CI tools key on). The lines are written by
/// [`line::Line`]; this serde view defines them, and the tests hold the two together.
#[cfg(test)]
#[derive(Serialize)]
struct LineOut<'a> {
    path: &'a str,
    #[serde(flatten)]
    claim: ClaimOut<'a>,
    level: crate::Level,
    fingerprint: &'a str,
}

/// One compact JSON object per claim, in document order, each ended by a newline: every
/// document's lines in a buffer of their own, serialised in parallel (in the caller's rayon
/// pool) and joined. [`write_json_lines`] writes the same bytes without holding them all.
pub(crate) fn json_lines(run: &Run) -> String {
    let fingerprints = run_fingerprints(run);
    let parts: Vec<Vec<u8>> = run
        .documents
        .par_iter()
        .zip(&fingerprints)
        .map(|(d, prints)| document_buffer(run, d, prints))
        .collect();
    into_string(parts.concat())
}

/// Writes [`json_lines`] to `out` as it is serialised, rather than holding it whole: for 10 MB
/// of text the lines are 46 MB, which a buffer grown to hold them copied and faulted in page by
/// page. A long document is written 64 KB at a time; short ones are serialised in parallel, a
/// group at a time, each group written before the next is serialised (a batch of 8,000 short
/// articles held all its lines, 46 MB for 10 MB of articles, before writing any).
pub(crate) fn write_json_lines(run: &Run, out: &mut dyn io::Write) -> io::Result<()> {
    /// The findings from which a document is written on its own, as it is serialised.
    const LONG: usize = 4096;
    /// How many short documents are serialised together.
    const GROUP: usize = 256;
    let fingerprints = run_fingerprints(run);
    let mut buf = Vec::with_capacity(2 * CHUNK);
    // A run of one document has nothing to serialise side by side: it is written as it is
    // serialised, whatever its length, rather than into a buffer of its own first (100 KB of
    // the bench text, 1,300 lines: 15.9 -> 15.1 ms of CPU, 135 fewer page faults).
    let alone = run.documents.len() == 1;
    let mut k = 0;
    while k < run.documents.len() {
        if alone || run.documents[k].findings.len() >= LONG {
            document_lines(
                run,
                &run.documents[k],
                &fingerprints[k],
                &mut buf,
                CHUNK,
                &mut |b| out.write_all(b),
            )?;
            out.write_all(&buf)?;
            buf.clear();
            k += 1;
            continue;
        }
        let end = run.documents[k..]
            .iter()
            .take(GROUP)
            .position(|d| d.findings.len() >= LONG)
            .map_or((k + GROUP).min(run.documents.len()), |n| k + n);
        let parts: Vec<Vec<u8>> = run.documents[k..end]
            .par_iter()
            .zip(&fingerprints[k..end])
            .map(|(d, prints)| document_buffer(run, d, prints))
            .collect();
        for part in parts {
            out.write_all(&part)?;
        }
        k = end;
    }
    Ok(())
}

/// The lines of `d`'s findings, in one buffer.
fn document_buffer(run: &Run, d: &DocumentResult, prints: &[Fingerprint]) -> Vec<u8> {
    // Room for longer lines than most (the bench text's average 350 bytes, an attribution's
    // twice that): the pages reserved and never written are not touched, where growing the
    // buffer copied it into new ones (a 100 KB article's lines first-touched 0.9 MB; a batch of
    // short articles peaks 1-2% higher, their unused room sharing pages with other data).
    let mut buf = Vec::with_capacity(d.findings.len() * 512);
    document_lines(run, d, prints, &mut buf, usize::MAX, &mut |_| Ok(()))
        .expect("a buffer takes every line");
    buf
}

/// How much of a long document's lines [`write_json_lines`] holds before writing them.
const CHUNK: usize = 1 << 16;

/// Pushes the lines of `d`'s findings onto `buf`, handing `buf` to `flush` (and clearing it)
/// whenever it holds `chunk` bytes or more; what is left stays in `buf`.
fn document_lines(
    run: &Run,
    d: &DocumentResult,
    prints: &[Fingerprint],
    buf: &mut Vec<u8>,
    chunk: usize,
    flush: &mut dyn FnMut(&[u8]) -> io::Result<()>,
) -> io::Result<()> {
    // The path is the same on every line: escaped once.
    let mut path = Vec::new();
    line::push_str(&mut path, &display_path(&d.document.path));
    let source = d.document.source().as_bytes();
    for (i, (f, fingerprint)) in d.findings.iter().zip(prints).enumerate() {
        if let Some(f) = d.findings.get(i + READ_AHEAD) {
            let c = &f.claim;
            prefetch(c.id.as_bytes(), 0);
            prefetch(c.text.as_bytes(), 0);
            prefetch(std::slice::from_ref(&*c.details), 0);
            prefetch(source, c.span.start);
        }
        push_line(buf, run, d, f, &path, fingerprint.as_bytes());
        if buf.len() >= chunk {
            flush(buf)?;
            buf.clear();
        }
    }
    Ok(())
}

/// One finding's line, with its newline.
fn push_line(
    out: &mut Vec<u8>,
    run: &Run,
    d: &DocumentResult,
    f: &Finding,
    path: &[u8],
    fingerprint: &[u8],
) {
    line::Line {
        path,
        claim: &claim_out(d, f),
        level: run.level(f),
        fingerprint,
    }
    .push_to(out);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pretty(value: &serde_json::Value) -> String {
        let mut out = Vec::new();
        let mut serializer = serde_json::Serializer::with_formatter(&mut out, Pretty::default());
        value
            .serialize(&mut serializer)
            .expect("a value serialises");
        into_string(out)
    }

    /// The report's layout is part of contract v1's look: it must stay byte for byte what
    /// `serde_json::to_string_pretty` writes, for empty and nested containers and for nesting
    /// deeper than the precomputed indentation.
    #[test]
    fn pretty_matches_serde_json() {
        let mut deep = serde_json::json!({"leaf": [1, {}, []]});
        for i in 0..40 {
            deep = if i % 2 == 0 {
                serde_json::json!([deep, i])
            } else {
                serde_json::json!({"k": deep, "e": {}})
            };
        }
        for value in [
            serde_json::json!(null),
            serde_json::json!([]),
            serde_json::json!({}),
            serde_json::json!([[], {}, [[]], {"a": {}}]),
            serde_json::json!({"a": 1, "b": [1.5, "x\n\"y\""], "c": {"d": [{"e": null}]}}),
            deep,
        ] {
            let expected = serde_json::to_string_pretty(&value).expect("a value serialises");
            assert_eq!(pretty(&value), expected);
        }
    }
}
