//! Rendering: one run of the four benchmark articles, checked offline, written in every
//! output format; and one long article, the four joined and repeated, at two lengths ten times
//! apart, where a format whose cost grows faster than the article shows as more than ten times
//! slower at the longer.

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
    checked(
        ARTICLES
            .iter()
            .map(|&(path, text)| (path, text.to_string())),
    )
}

/// A run of one article: the four joined `copies` times over (7.6 KB a copy).
fn long_run(copies: usize) -> Run {
    let one: Vec<&str> = ARTICLES.iter().map(|(_, text)| text.trim_end()).collect();
    let text = vec![one.join("\n\n"); copies].join("\n\n");
    checked([("bench/long.txt", text)])
}

fn checked<'a>(articles: impl IntoIterator<Item = (&'a str, String)>) -> Run {
    let published = Some(jiff::civil::date(2024, 3, 13));
    let documents = articles
        .into_iter()
        .map(|(path, text)| {
            let document = Document::parse(path, text, Format::Text);
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

/// One article of the four bench articles joined, once (7.6 KB) and ten times over (76 KB).
#[divan::bench(args = OutputFormat::ALL, consts = [1, 10])]
fn long_article<const COPIES: usize>(bencher: divan::Bencher, format: OutputFormat) {
    let run = long_run(COPIES);
    let options = RenderOptions::default();
    bencher.bench(|| render(format, divan::black_box(&run), &options));
}
