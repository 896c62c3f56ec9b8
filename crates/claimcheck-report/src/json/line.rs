//! One `json-lines` claim, written field by field into a byte buffer.
//!
//! Extraction of a long text yields a claim every 80 bytes or so, and each line repeats the
//! claim's words (as `text`, and in an attribution as `content` too). Through serde_json those
//! lines cost about 6,700 instructions each at 1 MB of text: its string escaping reads a byte at
//! a time (5% of the whole run's instructions), and a flattened struct goes through its map
//! machinery. Here strings are scanned eight bytes at a time and the fields are written in
//! order. The serde-derived serialisation stays the definition: the pretty `json` report uses
//! it, and the tests hold these lines to it byte for byte. Numbers and the small enums still go
//! through serde_json, so a float or a variant name is written exactly as there.

use claimcheck_core::{CalendarDate, Details, FileSpan};
use serde::Serialize;

/// A finding's line, with its newline: the same bytes as serde_json's compact form of the
/// `LineOut` view (path, the claim's fields, level, fingerprint).
pub(super) struct Line<'a> {
    /// The path as a JSON string, quotes and escapes written (by [`push_str`]).
    pub path: &'a [u8],
    pub claim: &'a super::ClaimOut<'a>,
    pub level: crate::Level,
    /// The fingerprint's hex digits.
    pub fingerprint: &'a [u8],
}

impl Line<'_> {
    pub(super) fn push_to(&self, out: &mut Vec<u8>) {
        let c = self.claim;
        out.extend_from_slice(b"{\"path\":");
        out.extend_from_slice(self.path);
        out.extend_from_slice(b",\"id\":");
        push_id(out, c.id);
        out.extend_from_slice(b",\"kind\":");
        push_name(out, c.kind);
        out.extend_from_slice(b",\"text\":");
        push_str(out, c.text);
        out.extend_from_slice(b",\"span\":");
        push_span(out, &c.span);
        out.extend_from_slice(b",\"details\":");
        push_details(out, c.details);
        if let Some(verdict) = c.verdict {
            out.extend_from_slice(b",\"verdict\":");
            push_str(out, verdict);
        }
        if let Some(confidence) = c.confidence {
            out.extend_from_slice(b",\"confidence\":");
            push_value(out, &confidence);
        }
        if let Some(rule) = c.rule {
            out.extend_from_slice(b",\"rule\":");
            push_str(out, rule);
        }
        if let Some(explanation) = c.explanation {
            out.extend_from_slice(b",\"explanation\":");
            push_str(out, explanation);
        }
        if let Some(evidence) = c.evidence {
            out.extend_from_slice(b",\"evidence\":");
            push_value(out, evidence);
        }
        out.extend_from_slice(b",\"level\":");
        push_name(out, self.level.as_str());
        out.extend_from_slice(b",\"fingerprint\":");
        push_plain(out, self.fingerprint);
        out.extend_from_slice(b"}\n");
    }
}

/// A claim id as a JSON string. Those extraction gives (`c` and digits) need no escaping and
/// are copied as they are: the escape scan cost each about two hundred instructions. Any other
/// (a library caller's own id) is escaped.
fn push_id(out: &mut Vec<u8>, id: &str) {
    if id.bytes().all(|b| b.is_ascii_alphanumeric()) {
        push_plain(out, id.as_bytes());
    } else {
        push_str(out, id);
    }
}

/// A string of ASCII letters and digits (a fingerprint, which the run makes from hex digits)
/// as a JSON string, which it is without escaping.
fn push_plain(out: &mut Vec<u8>, s: &[u8]) {
    debug_assert!(s.iter().all(u8::is_ascii_alphanumeric), "{s:?}");
    out.push(b'"');
    out.extend_from_slice(s);
    out.push(b'"');
}

/// A name of contract v1 (a level, a kind, an enum's `as_str`: lowercase ASCII letters and
/// underscores) as a JSON string, which it is without escaping: serde_json's writer cost a
/// few dozen instructions for each of the three or four a line holds.
fn push_name(out: &mut Vec<u8>, name: &str) {
    debug_assert!(name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'));
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.push(b'"');
}

/// A value as serde_json writes it compactly: the numbers and the enum names.
fn push_value<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) {
    serde_json::to_writer(&mut *out, value).expect("report values always serialise");
}

fn push_usize(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

fn push_span(out: &mut Vec<u8>, span: &FileSpan) {
    for (key, n) in [
        (&b"{\"start\":"[..], span.start),
        (b",\"end\":", span.end),
        (b",\"line\":", span.line),
        (b",\"column\":", span.column),
        (b",\"end_line\":", span.end_line),
        (b",\"end_column\":", span.end_column),
    ] {
        out.extend_from_slice(key);
        push_usize(out, n);
    }
    out.push(b'}');
}

/// A date as its `Serialize` writes it, ISO 8601 in a string (or `null`): the digits written
/// directly where the year is 0 to 9999 and the month and day 0 to 99 (zero-padded, as
/// `Display` pads them), any other value through serde_json and `Display`, whose sign and
/// widths are left to it.
fn push_date(out: &mut Vec<u8>, date: Option<CalendarDate>) {
    let Some(date) = date else {
        out.extend_from_slice(b"null");
        return;
    };
    let two = |part: Option<i8>| part.map(|n| u8::try_from(n).ok().filter(|&n| n < 100));
    let (Ok(year @ 0..=9999), month, day) =
        (u16::try_from(date.year), two(date.month), two(date.day))
    else {
        push_value(out, &date);
        return;
    };
    if month == Some(None) || (month.is_some() && day == Some(None)) {
        push_value(out, &date);
        return;
    }
    let digit = |n: u16| b'0' + (n % 10) as u8;
    out.extend_from_slice(&[
        b'"',
        digit(year / 1000),
        digit(year / 100),
        digit(year / 10),
        digit(year),
    ]);
    // `Display` writes the day only after a month.
    if let Some(Some(m)) = month {
        out.extend_from_slice(&[b'-', b'0' + m / 10, b'0' + m % 10]);
        if let Some(Some(d)) = day {
            out.extend_from_slice(&[b'-', b'0' + d / 10, b'0' + d % 10]);
        }
    }
    out.push(b'"');
}

/// An object's fields after the first, each written only when present.
struct Fields<'o> {
    out: &'o mut Vec<u8>,
    first: bool,
}

impl<'o> Fields<'o> {
    fn open(out: &'o mut Vec<u8>) -> Self {
        out.push(b'{');
        Fields { out, first: true }
    }

    /// Starts the field `key` (a plain name, written as it is) and returns the buffer for its
    /// value.
    fn key(&mut self, key: &str) -> &mut Vec<u8> {
        if !self.first {
            self.out.push(b',');
        }
        self.first = false;
        self.out.push(b'"');
        self.out.extend_from_slice(key.as_bytes());
        self.out.extend_from_slice(b"\":");
        self.out
    }

    fn str(&mut self, key: &str, value: &str) {
        push_str(self.key(key), value);
    }

    /// A string or `null`, for the fields serialised even when absent.
    fn str_or_null(&mut self, key: &str, value: Option<&str>) {
        let out = self.key(key);
        match value {
            Some(v) => push_str(out, v),
            None => out.extend_from_slice(b"null"),
        }
    }

    /// A name of contract v1 (an enum's, as its `as_str` gives it), which needs no escaping.
    fn name(&mut self, key: &str, value: &str) {
        push_name(self.key(key), value);
    }

    fn some_name(&mut self, key: &str, value: Option<&str>) {
        if let Some(v) = value {
            self.name(key, v);
        }
    }

    fn some_str(&mut self, key: &str, value: Option<&str>) {
        if let Some(v) = value {
            self.str(key, v);
        }
    }

    fn value<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) {
        push_value(self.key(key), value);
    }

    fn some_value<T: Serialize>(&mut self, key: &str, value: Option<&T>) {
        if let Some(v) = value {
            self.value(key, v);
        }
    }

    fn close(self) {
        self.out.push(b'}');
    }
}

/// The details object, field for field as `Details`' derived `Serialize` writes it (untagged,
/// so the variant's own fields only).
fn push_details(out: &mut Vec<u8>, details: &Details) {
    let mut o = Fields::open(out);
    match details {
        Details::Distance(d) => {
            o.str_or_null("from", d.from.as_deref());
            o.str_or_null("to", d.to.as_deref());
            o.name("comparator", d.comparator.as_str());
            o.value("value", &d.value);
            o.some_value("value_max", d.value_max.as_ref());
            o.str("unit", &d.unit);
            o.value("claimed_km", &d.claimed_km);
            o.name("mode", d.mode.as_str());
            o.some_value("measured_km", d.measured_km.as_ref());
        }
        Details::Date(d) => {
            push_date(o.key("date"), d.date);
            o.name("precision", d.precision.as_str());
            o.some_str("weekday", d.weekday.as_deref());
            o.some_name("relation", d.relation.map(|r| r.as_str()));
            o.some_str("event", d.event.as_deref());
            o.some_str("part", d.part.as_deref());
            o.name("year_source", d.year_source.as_str());
            o.some_str("note", d.note.as_deref());
        }
        Details::Attribution(a) => {
            o.str_or_null("speaker", a.speaker.as_deref());
            o.some_str("role", a.role.as_deref());
            o.some_str("organization", a.organization.as_deref());
            o.some_str("outlet", a.outlet.as_deref());
            o.str("cue", &a.cue);
            o.str("content", &a.content);
            o.value("direct", &a.direct);
            if !a.quoted.is_empty() {
                let out = o.key("quoted");
                out.push(b'[');
                for (i, q) in a.quoted.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    push_str(out, q);
                }
                out.push(b']');
            }
        }
        Details::Quantity(q) => {
            o.value("value", &q.value);
            o.some_value("value_max", q.value_max.as_ref());
            o.str_or_null("unit", q.unit.as_deref());
            o.some_name("comparator", q.comparator.map(|c| c.as_str()));
            o.some_str("unit_name", q.unit_name.as_deref());
        }
    }
    o.close();
}

const LOW_BITS: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// Whether any of the eight bytes of `word` is zero: exact as to whether one is, which is all
/// that is asked (the classic test; a borrow can only mark bytes above a real zero).
fn has_zero_byte(word: u64) -> bool {
    word.wrapping_sub(LOW_BITS) & !word & HIGH_BITS != 0
}

/// Whether any of the eight bytes needs escaping in JSON: a control character (below 0x20), a
/// quotation mark or a backslash.
fn needs_escape(word: u64) -> bool {
    let below_space = word.wrapping_sub(LOW_BITS * 0x20) & !word & HIGH_BITS != 0;
    below_space
        || has_zero_byte(word ^ (LOW_BITS * u64::from(b'"')))
        || has_zero_byte(word ^ (LOW_BITS * u64::from(b'\\')))
}

/// `s` as a JSON string, escaped as serde_json escapes it: `\"`, `\\`, the five short escapes
/// of control characters and `\u00xx` for the others; everything else, UTF-8 included, as is.
pub(super) fn push_str(out: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            if !needs_escape(word) {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        let short: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            0x08 => b"\\b",
            b'\t' => b"\\t",
            b'\n' => b"\\n",
            0x0C => b"\\f",
            b'\r' => b"\\r",
            0x00..=0x1F => b"",
            _ => {
                i += 1;
                continue;
            }
        };
        out.extend_from_slice(&bytes[run..i]);
        if short.is_empty() {
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(b >> 4)]);
            out.push(HEX[usize::from(b & 0x0F)]);
        } else {
            out.extend_from_slice(short);
        }
        i += 1;
        run = i;
    }
    out.extend_from_slice(&bytes[run..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use claimcheck_core::{
        AttributionDetails, CalendarDate, Claim, Comparator, DateDetails, Details, DistanceDetails,
        Document, Evidence, Format, Mode, Precision, QuantityDetails, Relation, Span, Status,
        Verdict, YearSource,
    };

    use super::push_str;
    use crate::{DocumentResult, Finding, Level, Run};

    /// Every ASCII byte, alone and at each position of an eight-byte chunk and of the tail
    /// after it, and non-ASCII text around them, escaped as serde_json escapes it.
    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut checked = 0;
        for b in 0u8..128 {
            let c = char::from(b);
            for before in 0..18 {
                for after in [0, 1, 7, 8, 9] {
                    let s = format!(
                        "{}{c}{}",
                        "é".repeat(before % 3) + &"a".repeat(before),
                        "z".repeat(after)
                    );
                    let mut out = Vec::new();
                    push_str(&mut out, &s);
                    let expected = serde_json::to_string(&s).expect("a string serialises");
                    assert_eq!(String::from_utf8(out).expect("UTF-8"), expected, "{s:?}");
                    checked += 1;
                }
            }
        }
        for s in [
            "",
            "\u{7f}\u{80}\u{2028}\u{1f600}",
            "“quoted”\r\n\t\\ \"x\"\u{0}\u{1f}",
        ] {
            let mut out = Vec::new();
            push_str(&mut out, s);
            assert_eq!(out, serde_json::to_vec(s).expect("a string serialises"));
            checked += 1;
        }
        assert_eq!(checked, 128 * 18 * 5 + 3);
    }

    const TEXT: &str = "Line one \"quoted\" and a back\\slash.\n“Curly” words, a tab\there, 14 km.";

    /// The details of every kind twice: each optional field present (so a field added to a
    /// details struct must be added here, the literals having no `..`, and then shows up as a
    /// difference until the line writer writes it), and each absent; then dates of each
    /// precision and a day without a month, whose digits the line writer writes itself, and
    /// values no extractor makes, which it hands to `Display` (a year of five digits, a negative
    /// month or day).
    fn every_details() -> Vec<Details> {
        let s = |v: &str| Some(v.to_string());
        let bare = DateDetails {
            date: None,
            precision: Precision::Month,
            weekday: None,
            relation: None,
            event: None,
            part: None,
            year_source: YearSource::Unknown,
            note: None,
            no_such_day: false,
        };
        let on = |year: i16, month: Option<i8>, day: Option<i8>| {
            Details::Date(DateDetails {
                date: Some(CalendarDate { year, month, day }),
                ..bare.clone()
            })
        };
        let mut every = vec![
            Details::Distance(Box::new(DistanceDetails {
                from: s("Vladivostok \"port\""),
                to: s("North Korea (border)"),
                comparator: Comparator::Between,
                value: 1.5,
                value_max: Some(2e21),
                unit: "km".to_string(),
                claimed_km: 1.0 / 3.0,
                mode: Mode::Flight,
                measured_km: Some(f64::NAN),
            })),
            Details::Distance(Box::new(DistanceDetails {
                from: None,
                to: None,
                comparator: Comparator::Approx,
                value: 500.0,
                value_max: None,
                unit: "miles".to_string(),
                claimed_km: 804.672,
                mode: Mode::Straight,
                measured_km: None,
            })),
            Details::Date(DateDetails {
                date: CalendarDate::day(2024, 2, 29),
                precision: Precision::Day,
                weekday: Some("thursday".into()),
                relation: Some(Relation::ScheduledFor),
                event: s("the vote\non the budget"),
                part: s("early"),
                year_source: YearSource::Publication,
                note: s("a note with a \\ and a \u{1}"),
                no_such_day: false,
            }),
            Details::Date(bare.clone()),
            Details::Date(DateDetails {
                date: Some(CalendarDate::year(-44)),
                precision: Precision::Year,
                weekday: None,
                relation: Some(Relation::On),
                event: None,
                part: None,
                year_source: YearSource::Text,
                note: None,
                no_such_day: false,
            }),
            Details::Attribution(Box::new(AttributionDetails {
                speaker: s("Ana Ruiz"),
                role: s("mayor"),
                organization: s("city council"),
                outlet: s("the “Daily” News"),
                cue: "said".to_string(),
                content: "“We will rebuild,” she said; \"twice\"".to_string(),
                direct: true,
                quoted: vec!["We will rebuild,".to_string(), "twice".to_string()],
            })),
            Details::Attribution(Box::new(AttributionDetails {
                speaker: None,
                role: None,
                organization: None,
                outlet: None,
                cue: "according to".to_string(),
                content: String::new(),
                direct: false,
                quoted: Vec::new(),
            })),
            Details::Quantity(QuantityDetails {
                value: 4.7e9,
                value_max: Some(-0.0),
                unit: s("dollars"),
                comparator: Some(Comparator::Ge),
                unit_name: Some("US dollar".into()),
                scale: None,
            }),
            Details::Quantity(QuantityDetails {
                value: f64::INFINITY,
                value_max: None,
                unit: None,
                comparator: None,
                unit_name: None,
                scale: None,
            }),
        ];
        every.extend([
            on(2023, Some(9), None),
            on(7, None, None),
            on(12_345, Some(12), Some(31)),
            on(2024, Some(-3), Some(1)),
            on(2024, Some(2), Some(-1)),
            on(2024, None, Some(9)),
        ]);
        every
    }

    /// Each details object with and without a verdict, on spans across a line break, written
    /// by the line writer and by serde_json from the `LineOut` view: the same bytes.
    #[test]
    fn lines_are_the_serde_view_byte_for_byte() {
        let document = Document::parse("desk/a \"b\".md", TEXT.to_string(), Format::Text);
        let at = |words: &str| TEXT.find(words).expect("words of the text");
        let spans = [
            Span::new(0, 4),
            Span::new(5, at("words")),
            Span::new(at("14 km"), TEXT.len()),
        ];
        let verdict = |i: usize| Verdict {
            status: [Status::Supported, Status::Contradicted, Status::Unverified][i % 3],
            confidence: [0.9, 1.0, 0.123_456_789][i % 3],
            rule: "date.weekday-mismatch".to_string(),
            explanation: "It was a “Tuesday”,\nnot a Monday.".to_string(),
            evidence: vec![
                Evidence::computed("calendar", "2024-05-14 is a Tuesday").with_point([43.1, 131.9]),
                Evidence {
                    passage: Some("a \"passage\"".to_string()),
                    ..Evidence::computed("transcript", "speaker: Luis Ortega")
                },
            ],
        };
        let mut findings = Vec::new();
        for (i, details) in every_details().into_iter().enumerate() {
            let span = spans[i % spans.len()];
            let mut claim = Claim::new(TEXT, span, details);
            // An id a library caller gave, with characters to escape, now and then.
            claim.id = if i % 3 == 0 {
                format!("id \"{}\"\\", i + 1)
            } else {
                format!("c{}", i + 1)
            };
            findings.push(Finding::new(claim.clone(), None));
            findings.push(Finding::new(claim, Some(verdict(i))));
        }
        let run = Run {
            documents: vec![DocumentResult {
                document,
                published: None,
                findings,
            }],
            verified: true,
            level_overrides: [("date.weekday-mismatch".to_string(), Level::Info)].into(),
        };
        let d = &run.documents[0];
        let mut lines = 0;
        for (f, print) in d.findings.iter().zip(
            ["0123abcd", "", "86bfe557d5df5dbe679ebb2bb4717c07"]
                .iter()
                .cycle(),
        ) {
            // The path, written once for a document's lines, as a JSON string.
            let mut path = Vec::new();
            push_str(&mut path, "desk/a \"b\".md");
            let mut ours = Vec::new();
            super::super::push_line(&mut ours, &run, d, f, &path, print.as_bytes());
            let view = super::super::LineOut {
                path: "desk/a \"b\".md",
                claim: super::super::claim_out(d, f),
                level: run.level(f),
                fingerprint: print,
            };
            let mut expected = serde_json::to_vec(&view).expect("a line serialises");
            expected.push(b'\n');
            assert_eq!(
                String::from_utf8(ours).expect("UTF-8"),
                String::from_utf8(expected).expect("UTF-8")
            );
            lines += 1;
        }
        assert_eq!(lines, 2 * every_details().len());
    }
}
