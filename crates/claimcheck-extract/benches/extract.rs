//! Extraction throughput: the whole of `extract` and each kind's extractor, over news-like text
//! written for the benchmarks (`bench/articles/`) repeated to 1 KB, 10 KB and 100 KB, so that
//! the per-byte cost at each size shows whether extraction stays linear.

use claimcheck_extract::{
    ExtractOptions, extract, extract_attributions, extract_dates, extract_distances,
    extract_quantities,
};
use divan::Bencher;
use divan::counter::BytesCount;

/// The benchmark articles, one after another.
const ARTICLES: [&str; 4] = [
    include_str!("../../../bench/articles/harbour-strike.txt"),
    include_str!("../../../bench/articles/flood-relief.txt"),
    include_str!("../../../bench/articles/summit-talks.txt"),
    include_str!("../../../bench/articles/budget-vote.txt"),
];

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

fn main() {
    divan::main();
}

/// Whole paragraphs of the articles, repeated until the text holds at least `size` bytes.
fn text(size: usize) -> String {
    let paragraphs: Vec<&str> = ARTICLES
        .iter()
        .flat_map(|a| a.split("\n\n"))
        .filter(|p| !p.trim().is_empty())
        .collect();
    let mut out = String::with_capacity(size + 4096);
    for p in paragraphs.iter().cycle() {
        if out.len() >= size {
            break;
        }
        out.push_str(p.trim());
        out.push_str("\n\n");
    }
    out
}

fn options() -> ExtractOptions {
    ExtractOptions {
        published: Some(jiff::civil::date(2024, 3, 13)),
    }
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn all_kinds(bencher: Bencher, size: usize) {
    let text = text(size);
    let options = options();
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| extract(divan::black_box(&text), &options));
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn dates(bencher: Bencher, size: usize) {
    let text = text(size);
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| extract_dates(divan::black_box(&text), options().published));
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn distances(bencher: Bencher, size: usize) {
    let text = text(size);
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| extract_distances(divan::black_box(&text)));
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn quantities(bencher: Bencher, size: usize) {
    let text = text(size);
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| extract_quantities(divan::black_box(&text)));
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn attributions(bencher: Bencher, size: usize) {
    let text = text(size);
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| extract_attributions(divan::black_box(&text)));
}
