//! The committed data files against the hashes `corpora/geo/build.py` recorded in MANIFEST,
//! and how long the data takes to load.

use std::path::PathBuf;
use std::time::Instant;

use sha2::{Digest, Sha256};

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpora/geo")
}

#[test]
fn committed_files_match_the_manifest() {
    let dir = corpus();
    let manifest = std::fs::read_to_string(dir.join("MANIFEST")).expect("corpora/geo/MANIFEST");
    let mut checked = 0;
    for line in manifest
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let (hash, name) = line.split_once("  ").expect("`<sha256>  <file>` lines");
        let bytes = std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        let actual = format!("{:x}", Sha256::digest(&bytes));
        assert_eq!(
            actual, hash,
            "corpora/geo/{name} differs from the build script's output recorded in MANIFEST; \
             rerun `python3 corpora/geo/build.py`"
        );
        checked += 1;
    }
    assert_eq!(checked, 5, "MANIFEST should list the five generated files");
}

/// Run with `cargo test -p claimcheck-geo -- --ignored --nocapture load_time` to see how long
/// the first use of the gazetteer and the borders takes.
#[test]
#[ignore = "a measurement, not a check"]
fn load_time() {
    let start = Instant::now();
    let g = claimcheck_geo::gazetteer();
    let loaded_gazetteer = start.elapsed();
    let b = claimcheck_geo::borders();
    let loaded_borders = start.elapsed();
    let resolved = g.resolve("Vladivostok", &[]);
    let first_lookup = start.elapsed();
    let d = b.distance_to_border((43.10562, 131.87353), "KP");
    let first_distance = start.elapsed();
    println!(
        "gazetteer {loaded_gazetteer:?}, +borders {loaded_borders:?}, +first lookup \
         {first_lookup:?}, +Vladivostok-North Korea {first_distance:?} ({resolved:?}, {d:?})"
    );
}
