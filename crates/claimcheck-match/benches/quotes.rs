//! Quote alignment: the attributed claims of a news-like article checked against cited source
//! texts of growing length (the words quoted sit at the end, after unrelated paragraphs), and
//! the whole `check` of every claim kind in the benchmark articles.

use claimcheck_core::{Claim, ClaimKind, Document, Format, SourceOutcome, SourceText, Sources};
use claimcheck_extract::{ExtractOptions, extract};
use claimcheck_match::{Knowledge, check};
use divan::Bencher;

const ARTICLES: [&str; 4] = [
    include_str!("../../../bench/articles/harbour-strike.txt"),
    include_str!("../../../bench/articles/flood-relief.txt"),
    include_str!("../../../bench/articles/summit-talks.txt"),
    include_str!("../../../bench/articles/budget-vote.txt"),
];

/// Source lengths in bytes, before the paragraph that holds the quoted words.
const SOURCE_SIZES: [usize; 3] = [2_000, 20_000, 200_000];

fn main() {
    divan::main();
}

fn document(text: &str) -> (Document, Vec<Claim>) {
    let document = Document::parse("bench.txt", text.to_string(), Format::Text);
    let options = ExtractOptions {
        published: Some(jiff::civil::date(2024, 3, 13)),
    };
    let claims = extract(&document.text, &options);
    (document, claims)
}

/// A source page: unrelated article paragraphs up to `size` bytes, then the article itself
/// with one quote reworded (so one claim aligns exactly and one only approximately).
fn source_text(size: usize) -> String {
    let mut text = String::new();
    for a in ARTICLES[1..].iter().cycle() {
        if text.len() >= size {
            break;
        }
        text.push_str(a);
        text.push_str("\n\n");
    }
    text.push_str(&ARTICLES[0].replace("Nine days is a very long time", "Nine days is too long"));
    text
}

fn sources_for(claims: &[Claim], text: &str) -> Sources {
    let mut sources = Sources::default();
    for c in claims.iter().filter(|c| c.kind == ClaimKind::Attribution) {
        sources.by_claim.insert(
            c.id.clone(),
            vec![SourceOutcome::Available(SourceText {
                location: "http://127.0.0.1/source".to_string(),
                title: None,
                text: text.to_string(),
                retrieved: None,
                content_hash: None,
            })],
        );
    }
    sources
}

/// Every attribution of the harbour article against one cited source of the given length.
#[divan::bench(args = SOURCE_SIZES, sample_count = 20)]
fn attributions_against_source(bencher: Bencher, size: usize) {
    let (document, claims) = document(ARTICLES[0]);
    let attributions: Vec<Claim> = claims
        .into_iter()
        .filter(|c| c.kind == ClaimKind::Attribution)
        .collect();
    let sources = sources_for(&attributions, &source_text(size));
    let knowledge = Knowledge::default();
    bencher
        .with_inputs(|| attributions.clone())
        .bench_values(|claims| check(&document, claims, &sources, &knowledge));
}

/// Every claim of each benchmark article, no sources: dates against the calendar and the
/// events timeline, distances against the gazetteer and borders.
#[divan::bench(args = [0, 1, 2, 3], sample_count = 20)]
fn whole_article_offline(bencher: Bencher, article: usize) {
    let (document, claims) = document(ARTICLES[article]);
    let sources = Sources::default();
    let knowledge = Knowledge::default();
    bencher
        .with_inputs(|| claims.clone())
        .bench_values(|claims| check(&document, claims, &sources, &knowledge));
}
