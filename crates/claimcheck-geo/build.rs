//! Builds the row index of the bundled `places.tsv` at compile time.
//!
//! A place is found by its row number (from the name index and the country table), so the
//! gazetteer needs where each row starts. Finding the 34,000 line ends of the 1.7 MB file at
//! run time cost about 2.7 M instructions at every start of a check that resolves a place, a
//! tenth of checking a one-paragraph article; here it is done once per build and the offsets
//! are included in the binary (`gazetteer.rs` reads them).

use std::path::Path;

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let places = Path::new(&manifest).join("../../corpora/geo/places.tsv");
    println!("cargo::rerun-if-changed={}", places.display());
    let text =
        std::fs::read(&places).unwrap_or_else(|e| panic!("cannot read {}: {e}", places.display()));
    // Rows are counted after the header line, as `gazetteer::body` gives them.
    let body = match text.iter().position(|&b| b == b'\n') {
        Some(end) => &text[end + 1..],
        None => &[][..],
    };
    assert!(
        u32::try_from(body.len()).is_ok(),
        "places.tsv is larger than 4 GiB, which the row index cannot address"
    );
    let mut index = Vec::with_capacity(body.len() / 40 * 4);
    let mut start = 0;
    while start < body.len() {
        index.extend_from_slice(&(start as u32).to_le_bytes());
        start = match body[start..].iter().position(|&b| b == b'\n') {
            Some(end) => start + end + 1,
            None => body.len(),
        };
    }
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("place_starts.bin");
    std::fs::write(&out, index).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
