//! Place resolution, point-to-border distance and geodesics over the bundled data, plus the
//! one-time cost of opening the bundled gazetteer and borders (paid once per process).

use claimcheck_geo::{Borders, Gazetteer, Resolved, distance_to_border_km, gazetteer, geodesic_km};
use divan::Bencher;

/// Names as articles write them: plain places, ambiguous ones, demonym borders and capitals.
const NAMES: [&str; 8] = [
    "Narva",
    "Vladivostok",
    "Springfield",
    "the Finnish border",
    "the North Korean border",
    "the Estonian capital",
    "Gothenburg",
    "Olomouc",
];

/// (place, country ISO code) pairs measured in articles: near, far, inside and coastal cases.
const BORDER_CASES: [(&str, &str); 6] = [
    ("Narva", "FI"),
    ("Vladivostok", "KP"),
    ("Halden", "SE"),
    ("Brno", "AT"),
    ("Yerevan", "GE"),
    ("Paris", "FR"),
];

const ARTICLE: &str = include_str!("../../../bench/articles/summit-talks.txt");

fn main() {
    divan::main();
}

/// Opening the bundled gazetteer: what the first distance claim of a process pays.
#[divan::bench(sample_count = 20)]
fn open_gazetteer() -> Gazetteer {
    Gazetteer::bundled().expect("the bundled gazetteer is valid")
}

/// Opening the bundled border blob (its header only; countries are decoded on use).
#[divan::bench(sample_count = 20)]
fn open_borders() -> Borders {
    Borders::bundled().expect("the bundled borders are valid")
}

#[divan::bench(args = NAMES)]
fn resolve(name: &str) -> Option<Resolved> {
    gazetteer().resolve(divan::black_box(name), &[])
}

#[divan::bench]
fn countries_named_in_article(bencher: Bencher) {
    bencher
        .counter(divan::counter::BytesCount::of_str(ARTICLE))
        .bench(|| gazetteer().countries_named_in(divan::black_box(ARTICLE)));
}

#[divan::bench(args = BORDER_CASES)]
fn distance_to_border(bencher: Bencher, case: (&str, &str)) {
    let (place, iso2) = case;
    let p = gazetteer()
        .resolve_place(place, &[])
        .expect("the bench places are in the gazetteer")
        .position();
    bencher.bench(|| distance_to_border_km(divan::black_box(p), iso2));
}

#[divan::bench]
fn geodesic() -> f64 {
    geodesic_km(
        divan::black_box((48.85341, 2.3488)),
        divan::black_box((52.52437, 13.41053)),
    )
}
