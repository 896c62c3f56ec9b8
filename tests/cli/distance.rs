//! Distance claims measured with the bundled gazetteer and borders (issue 3).

use crate::support::{claim, fixture, json_run};

/// Checks one distance claim: its verdict, rule, and (when measured) that the measured km is
/// within `range`.
fn check(
    report: &serde_json::Value,
    needle: &str,
    verdict: &str,
    rule: &str,
    range: Option<(f64, f64)>,
) {
    let c = claim(report, "distance", needle);
    assert_eq!(c["verdict"], verdict, "{c:#}");
    assert_eq!(c["rule"], rule, "{c:#}");
    let measured = c["details"]["measured_km"].as_f64();
    match range {
        Some((lo, hi)) => {
            let km = measured.unwrap_or_else(|| panic!("measured_km missing: {c:#}"));
            assert!(
                (lo..=hi).contains(&km),
                "{needle}: {km} km not in {lo}..{hi}"
            );
        }
        None => assert!(measured.is_none(), "{c:#}"),
    }
    assert!(!c["evidence"].as_array().expect("evidence").is_empty() || measured.is_none());
}

#[test]
fn fixture_distances_get_their_verdicts() {
    let path = fixture("distances.md");
    let (code, report) = json_run(&["check", &path]);
    assert_eq!(code, 1, "one claim is false");
    // City to city, an approximation.
    check(
        &report,
        "Lyon",
        "supported",
        "distance.approx",
        Some((385.0, 400.0)),
    );
    // City to a border, an upper bound.
    check(
        &report,
        "Strasbourg",
        "supported",
        "distance.bound",
        Some((2.0, 5.0)),
    );
    // "the Estonian capital" resolves to Tallinn.
    check(
        &report,
        "Narva",
        "supported",
        "distance.approx",
        Some((190.0, 200.0)),
    );
    // Miles are converted before comparing.
    check(
        &report,
        "Edinburgh",
        "supported",
        "distance.approx",
        Some((525.0, 540.0)),
    );
    let edinburgh = claim(&report, "distance", "Edinburgh");
    assert_eq!(edinburgh["details"]["unit"], "miles");
    assert!((edinburgh["details"]["claimed_km"].as_f64().expect("km") - 531.08).abs() < 0.1);
    // A false bound.
    check(
        &report,
        "Berlin, which",
        "contradicted",
        "distance.contradicted",
        Some((50.0, 90.0)),
    );
    // Road distances cannot be measured from straight lines.
    check(
        &report,
        "by road",
        "unverified",
        "distance.mode-unsupported",
        None,
    );
    // A place the gazetteer does not know is named in the explanation.
    check(
        &report,
        "Port Carrow",
        "unverified",
        "distance.unknown-place",
        None,
    );
    let unknown = claim(&report, "distance", "Port Carrow");
    assert!(
        unknown["explanation"]
            .as_str()
            .expect("text")
            .contains("Port Carrow")
    );
}

#[test]
fn loose_bound_is_supported_with_a_note() {
    let dir = std::env::temp_dir().join(format!("claimcheck-loose-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let article = dir.join("loose.txt");
    std::fs::write(
        &article,
        "The convoy reached Vladivostok, which is less than 500 kilometers from the North Korean border.\n",
    )
    .expect("write");
    let (_, report) = json_run(&["check", article.to_str().expect("utf-8 path")]);
    let c = claim(&report, "distance", "Vladivostok");
    assert_eq!(c["verdict"], "supported");
    let km = c["details"]["measured_km"].as_f64().expect("measured");
    assert!((115.0..135.0).contains(&km), "{km}");
    assert!(
        c["explanation"].as_str().expect("text").contains("loose"),
        "{c:#}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
