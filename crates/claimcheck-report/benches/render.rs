//! Rendering: one run of the four benchmark articles, checked offline, written in every
//! output format.

use claimcheck_core::{Document, Format, Sources};
use claimcheck_extract::{ExtractOptions, extract};
use claimcheck_match::{Knowledge, check};
use claimcheck_report::{DocumentResult, Finding, OutputFormat, RenderOptions, Run, render};

const ARTICLES: [(&str, &str); 4] = [
    (
        "bench/articles/harbour-strike.txt",
        include_str!("../../../bench/articles/harbour-strike.txt"),
    ),
    (
        "bench/articles/flood-relief.txt",
        include_str!("../../../bench/articles/flood-relief.txt"),
    ),
    (
        "bench/articles/summit-talks.txt",
        include_str!("../../../bench/articles/summit-talks.txt"),
    ),
    (
        "bench/articles/budget-vote.txt",
        include_str!("../../../bench/articles/budget-vote.txt"),
    ),
];

fn main() {
    divan::main();
}

fn run() -> Run {
    let published = Some(jiff::civil::date(2024, 3, 13));
    let documents = ARTICLES
        .iter()
        .map(|(path, text)| {
            let document = Document::parse(path, text.to_string(), Format::Text);
            let claims = extract(&document.text, &ExtractOptions { published });
            let findings = check(
                &document,
                claims,
                &Sources::default(),
                &Knowledge::default(),
            )
            .into_iter()
            .map(|c| Finding::new(c.claim, Some(c.verdict)))
            .collect();
            DocumentResult {
                document,
                published,
                findings,
            }
        })
        .collect();
    Run {
        documents,
        verified: true,
        ..Run::default()
    }
}

#[divan::bench(args = OutputFormat::ALL)]
fn format(bencher: divan::Bencher, format: OutputFormat) {
    let run = run();
    let options = RenderOptions::default();
    bencher.bench(|| render(format, divan::black_box(&run), &options));
}
