//! GitLab Code Quality: the required fields on every entry, and fingerprints unique across the
//! report even for identical claims.

use std::collections::HashSet;

use claimcheck_report::{OutputFormat, RenderOptions, Run, render};
use serde_json::Value;

use crate::fixture;

fn issues(run: &Run) -> Vec<Value> {
    let text = render(OutputFormat::Gitlab, run, &RenderOptions::default());
    serde_json::from_str::<Vec<Value>>(&text).expect("a JSON array")
}

#[test]
fn entries_have_the_required_fields_and_unique_fingerprints() {
    let entries = issues(&fixture::run());
    assert_eq!(entries.len(), 7);
    let mut seen = HashSet::new();
    for e in &entries {
        for key in ["description", "check_name", "fingerprint", "severity"] {
            assert!(e[key].is_string(), "{key} in {e}");
        }
        assert!(
            ["info", "minor", "major", "critical", "blocker"]
                .contains(&e["severity"].as_str().expect("severity"))
        );
        assert!(e["location"]["path"].is_string());
        assert!(
            e["location"]["lines"]["begin"]
                .as_u64()
                .expect("lines.begin")
                >= 1
        );
        assert!(
            seen.insert(e["fingerprint"].as_str().expect("fingerprint").to_string()),
            "unique: {e}"
        );
    }
    let severities: Vec<&str> = entries
        .iter()
        .map(|e| e["severity"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        severities,
        ["major", "major", "info", "major", "minor", "info", "minor"]
    );
}

#[test]
fn the_same_file_twice_still_gets_unique_fingerprints() {
    let run = Run {
        documents: vec![fixture::article(), fixture::article()],
        verified: true,
        ..Run::default()
    };
    let entries = issues(&run);
    let prints: HashSet<&str> = entries
        .iter()
        .map(|e| e["fingerprint"].as_str().expect("fingerprint"))
        .collect();
    assert_eq!(prints.len(), entries.len());
}
