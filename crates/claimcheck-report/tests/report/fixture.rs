//! A hand-built run every format test renders: a Markdown article with a claim of each verdict
//! and kind (nested claims, curly quotes before a claim, a distance with map points, the same
//! claim twice, messages with `%`, `:`, `,` and a line break), and a plain-text note whose path
//! has a comma and a space.

use claimcheck_core::{
    AttributionDetails, CalendarDate, Claim, Comparator, DateDetails, Details, DistanceDetails,
    Document, Evidence, Format, Mode, Precision, QuantityDetails, Relation, Span, Status, Verdict,
    YearSource,
};
use claimcheck_report::{DocumentResult, Finding, Run};

pub const ARTICLE: &str = "---
title: Floods close the valley road
date: 2024-05-15
---

# Floods close the valley road

“We will rebuild every bridge,” said Mayor Ana Ruiz, according to the [council transcript](https://example.org/council/2024-05-14#item-7).

Flood warnings were lifted on Monday, 14 May 2024, two days after the summit opened on Sunday, 12 May 2024.

The convoy came from Vladivostok, which is less than 500 kilometers from the North Korean border, and brought 40 trucks of sandbags.

Lyon lies roughly 150 km south-east of Paris, the <b>bulletin</b> said & repeated.

“Nobody saw the water coming on Monday, 13 May,” a resident said. Another 40 trucks followed.
";

pub const NOTE: &str =
    "The bridge reopened on Friday, 17 May 2024.\n\"It will hold,\" the engineer said.\n";

/// The article's path: nested folders, as a repository would have them.
pub const ARTICLE_PATH: &str = "./content/2024/05/flood-report.md";
/// The note's path has a comma and a space, which GitHub properties must escape.
pub const NOTE_PATH: &str = "notes/brief, draft.txt";

fn span_of(doc: &Document, needle: &str, nth: usize) -> Span {
    let start = doc
        .text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} (occurrence {nth}) is in the fixture text"))
        .0;
    Span::new(start, start + needle.len())
}

fn claim(doc: &Document, id: &str, needle: &str, nth: usize, details: Details) -> Claim {
    let mut c = Claim::new(&doc.text, span_of(doc, needle, nth), details);
    c.id = id.to_string();
    c
}

fn verdict(status: Status, rule: &str, explanation: &str, evidence: Vec<Evidence>) -> Verdict {
    Verdict {
        status,
        confidence: match status {
            Status::Unverified => 0.0,
            _ => 0.95,
        },
        rule: rule.to_string(),
        explanation: explanation.to_string(),
        evidence,
    }
}

fn date(y: i16, m: i8, d: i8, weekday: Option<&str>) -> Details {
    Details::Date(DateDetails {
        date: CalendarDate::day(y, m, d),
        precision: Precision::Day,
        weekday: weekday.map(|w| w.to_string().into()),
        relation: Some(Relation::On),
        event: None,
        part: None,
        year_source: YearSource::Text,
        note: None,
        no_such_day: false,
    })
}

fn quantity(value: f64, unit: &str) -> Details {
    Details::Quantity(QuantityDetails {
        value,
        value_max: None,
        unit: Some(unit.to_string()),
        comparator: None,
        unit_name: None,
        scale: None,
    })
}

fn attribution(speaker: Option<&str>, quoted: &str) -> Details {
    Details::Attribution(Box::new(AttributionDetails {
        speaker: speaker.map(str::to_string),
        role: speaker.is_none().then(|| "a resident".to_string()),
        cue: "said".to_string(),
        content: quoted.to_string(),
        direct: true,
        quoted: vec![quoted.to_string()],
        ..AttributionDetails::default()
    }))
}

fn distance(from: &str, to: &str, comparator: Comparator, value: f64, measured: f64) -> Details {
    Details::Distance(Box::new(DistanceDetails {
        from: Some(from.to_string()),
        to: Some(to.to_string()),
        comparator,
        value,
        value_max: None,
        unit: "km".to_string(),
        claimed_km: value,
        mode: Mode::Straight,
        measured_km: Some(measured),
    }))
}

fn calendar(value: &str) -> Evidence {
    Evidence::computed("calendar (proleptic Gregorian, jiff)", value)
}

pub fn article() -> DocumentResult {
    let doc = Document::parse(ARTICLE_PATH, ARTICLE.to_string(), Format::Markdown);
    let transcript = Evidence {
        passage: Some("DEPUTY MAYOR LUIS ORTEGA: We will rebuild every bridge.".to_string()),
        url: Some("https://example.org/council/2024-05-14#item-7".to_string()),
        retrieved: Some("2024-05-15".to_string()),
        ..Evidence::computed("council transcript, 14 May 2024", "speaker: Luis Ortega")
    };
    let findings = vec![
        Finding::new(
            claim(
                &doc,
                "c1",
                "“We will rebuild every bridge,” said Mayor Ana Ruiz",
                0,
                attribution(Some("Ana Ruiz"), "We will rebuild every bridge"),
            ),
            Some(verdict(
                Status::Contradicted,
                "quote.misattributed",
                "Quote attributed to “Mayor Ana Ruiz”; the transcript gives the words to “Deputy Mayor Luis Ortega”.",
                vec![transcript],
            )),
        ),
        Finding::new(
            claim(
                &doc,
                "c2",
                "Monday, 14 May 2024",
                0,
                date(2024, 5, 14, Some("monday")),
            ),
            Some(verdict(
                Status::Contradicted,
                "date.weekday-mismatch",
                "May 14, 2024 was a Tuesday, not a Monday.",
                vec![calendar("2024-05-14 is a Tuesday")],
            )),
        ),
        Finding::new(
            claim(
                &doc,
                "c3",
                "Sunday, 12 May 2024",
                0,
                date(2024, 5, 12, Some("sunday")),
            ),
            Some(verdict(
                Status::Supported,
                "date.weekday",
                "May 12, 2024 was a Sunday.",
                vec![calendar("2024-05-12 is a Sunday")],
            )),
        ),
        Finding::new(
            claim(
                &doc,
                "c4",
                "Vladivostok, which is less than 500 kilometers from the North Korean border",
                0,
                distance(
                    "Vladivostok",
                    "North Korea (border)",
                    Comparator::Lt,
                    500.0,
                    124.0,
                ),
            ),
            Some(verdict(
                Status::Supported,
                "distance.bound",
                "Vladivostok is 124 km from the nearest point of North Korea's border; the claim says under 500 km (the bound is loose).",
                vec![
                    Evidence::computed(
                        "corpora/geo: GeoNames 2013348 (Vladivostok, RU)",
                        "43.1056, 131.8735",
                    )
                    .with_point([43.1056, 131.8735]),
                    Evidence::computed(
                        "corpora/geo: Natural Earth 1:10m admin-0 (North Korea)",
                        "nearest border point 42.29, 130.69",
                    )
                    .with_point([42.29, 130.69]),
                    Evidence::computed("geodesic on WGS84 (Karney)", "124 km"),
                ],
            )),
        ),
        Finding::new(
            claim(&doc, "c5", "40 trucks", 0, quantity(40.0, "trucks")),
            Some(verdict(
                Status::Unverified,
                "quantity.unverified",
                "no reference data for this figure: a source that states it would settle it",
                vec![],
            )),
        ),
        Finding::new(
            claim(
                &doc,
                "c6",
                "Lyon lies roughly 150 km south-east of Paris",
                0,
                distance("Lyon", "Paris", Comparator::Approx, 150.0, 392.0),
            ),
            Some(verdict(
                Status::Contradicted,
                "distance.contradicted",
                "Lyon is 392 km from Paris; the claim says about 150 km, but the distance is 392 km (161% off).\nA road distance would be longer still: check the figure, or the places.",
                vec![
                    Evidence::computed(
                        "corpora/geo: GeoNames 2996944 (Lyon, FR)",
                        "45.7485, 4.8467",
                    )
                    .with_point([45.7485, 4.8467]),
                    Evidence::computed(
                        "corpora/geo: GeoNames 2988507 (Paris, FR)",
                        "48.8534, 2.3488",
                    )
                    .with_point([48.8534, 2.3488]),
                    Evidence::computed("geodesic on WGS84 (Karney)", "392 km"),
                ],
            )),
        ),
        Finding::new(
            claim(
                &doc,
                "c7",
                "“Nobody saw the water coming on Monday, 13 May,” a resident said.",
                0,
                attribution(None, "Nobody saw the water coming on Monday, 13 May"),
            ),
            Some(verdict(
                Status::Unverified,
                "quote.unsourced",
                "no source cited in the article: a link in the paragraph, or --corpus, would let the words be checked",
                vec![],
            )),
        ),
        Finding::new(
            claim(
                &doc,
                "c8",
                "Monday, 13 May",
                0,
                date(2024, 5, 13, Some("monday")),
            ),
            Some(verdict(
                Status::Supported,
                "date.weekday",
                "May 13, 2024 was a Monday (the year from the publication date).",
                vec![calendar("2024-05-13 is a Monday")],
            )),
        ),
        Finding::new(
            claim(&doc, "c9", "40 trucks", 1, quantity(40.0, "trucks")),
            Some(verdict(
                Status::Unverified,
                "quantity.unverified",
                "no reference data for this figure: a source that states it would settle it",
                vec![],
            )),
        ),
    ];
    DocumentResult {
        published: doc.published,
        document: doc,
        findings,
    }
}

pub fn note() -> DocumentResult {
    let doc = Document::parse(NOTE_PATH, NOTE.to_string(), Format::Text);
    let findings = vec![
        Finding::new(
            claim(
                &doc,
                "c1",
                "Friday, 17 May 2024",
                0,
                date(2024, 5, 17, Some("friday")),
            ),
            Some(verdict(
                Status::Supported,
                "date.weekday",
                "May 17, 2024 was a Friday.",
                vec![calendar("2024-05-17 is a Friday")],
            )),
        ),
        Finding::new(
            claim(
                &doc,
                "c2",
                "\"It will hold,\" the engineer said.",
                0,
                attribution(None, "It will hold"),
            ),
            Some(verdict(
                Status::Unverified,
                "quote.not-found",
                "not found in 2 sources: 100% of the words are missing, searched: desk notes, wire",
                vec![],
            )),
        ),
    ];
    DocumentResult {
        published: None,
        document: doc,
        findings,
    }
}

/// The whole fixture run: the article, then the note.
pub fn run() -> Run {
    Run {
        documents: vec![article(), note()],
        verified: true,
        ..Run::default()
    }
}

/// Every claim of the run as (path, id).
pub fn claim_ids(run: &Run) -> Vec<(String, String)> {
    run.documents
        .iter()
        .flat_map(|d| {
            d.findings
                .iter()
                .map(move |f| (d.document.path.clone(), f.claim.id.clone()))
        })
        .collect()
}
