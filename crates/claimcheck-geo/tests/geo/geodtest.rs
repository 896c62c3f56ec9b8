//! Geodesic distances against GeodTest-100 (Karney's reference set), read in place from the
//! shared evaluation folder.

use std::path::PathBuf;

use claimcheck_geo::geodesic_m;

fn eval_file() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/geodtest_100.jsonl")
}

#[test]
fn geodtest_100_within_a_micrometre() {
    let path = eval_file();
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "GeodTest-100 is missing: cannot read {} ({e}); this test needs the shared \
             evaluation data beside the repository",
            path.display()
        )
    });
    let mut largest: f64 = 0.0;
    let mut sum = 0.0;
    let mut n = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        let f = |a: &str, b: &str| v[a][b].as_f64().expect("a number");
        let s = geodesic_m(
            (f("input", "lat1"), f("input", "lon1")),
            (f("input", "lat2"), f("input", "lon2")),
        );
        let err = (s - f("expected", "s12_m")).abs();
        largest = largest.max(err);
        sum += err;
        n += 1;
    }
    assert_eq!(n, 100, "GeodTest-100 should have 100 lines");
    println!(
        "GeodTest-100: largest error {:.3e} m, mean {:.3e} m over {n} geodesics",
        largest,
        sum / n as f64
    );
    assert!(largest < 1e-6, "largest error {largest} m");
}
