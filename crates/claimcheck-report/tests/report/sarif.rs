//! SARIF checked by Microsoft's validator (the `validate` command of `@microsoft/sarif-multitool`),
//! the check the issue's "Done when" names, plus structural checks of our own: the validator
//! passes a file it cannot deserialise without a word, so the test also proves it is reading.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use claimcheck_report::{OutputFormat, RenderOptions, render};
use serde_json::Value;

use crate::fixture;
use crate::tools::{run_with_limit, sarif_multitool, scratch};

/// The validator's findings on `file`: (level, rule id, message).
fn validate(file: &Path) -> Vec<(String, String, String)> {
    let log = file.with_extension("validation.sarif");
    let output = run_with_limit(
        Command::new(sarif_multitool())
            .arg("validate")
            .arg(file)
            .arg("--output")
            .arg(&log)
            .args(["--log", "ForceOverwrite"]),
        Duration::from_secs(120),
    );
    assert!(
        output.status.success(),
        "the validator failed to run: {}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let text = std::fs::read_to_string(&log).expect("the validator writes its log");
    let v: Value = serde_json::from_str(&text).expect("the validator's log is JSON");
    assert_eq!(
        v["runs"][0]["invocations"][0]["executionSuccessful"], true,
        "the validator ran to completion"
    );
    v["runs"][0]["results"]
        .as_array()
        .expect("the validator's log has results")
        .iter()
        .map(|r| {
            (
                // SARIF's default level for a result without one is "warning".
                r["level"].as_str().unwrap_or("warning").to_string(),
                r["ruleId"].as_str().unwrap_or("").to_string(),
                r["message"]["text"]
                    .as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| r["message"].to_string()),
            )
        })
        .collect()
}

fn check(name: &str, options: &RenderOptions) {
    let dir = scratch(&format!("sarif-{name}"));
    let file = dir.join("claimcheck.sarif");
    std::fs::write(&file, render(OutputFormat::Sarif, &fixture::run(), options))
        .expect("the scratch dir is writable");
    let findings = validate(&file);
    let errors: Vec<_> = findings.iter().filter(|f| f.0 == "error").collect();
    assert!(
        errors.is_empty(),
        "the SARIF validator reports errors: {errors:#?}"
    );
    // Warnings are the validator's advice for better results in viewers; none are expected.
    let warnings: Vec<_> = findings.iter().filter(|f| f.0 == "warning").collect();
    assert!(
        warnings.is_empty(),
        "the SARIF validator warns: {warnings:#?}"
    );
}

#[test]
fn passes_microsofts_validator() {
    check("default", &RenderOptions::default());
}

#[test]
fn passes_microsofts_validator_with_supported_claims() {
    check(
        "audit",
        &RenderOptions {
            include_supported: true,
            ..RenderOptions::default()
        },
    );
}

#[test]
fn the_validator_does_report_a_broken_file() {
    // A result with no rule id breaks §3.27.5; if the validator stays silent here, its silence
    // on our output proves nothing.
    let dir = scratch("sarif-broken");
    let file = dir.join("broken.sarif");
    std::fs::write(
        &file,
        r#"{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"message":{"text":"hi"}}]}]}"#,
    )
    .expect("the scratch dir is writable");
    let findings = validate(&file);
    assert!(
        findings
            .iter()
            .any(|f| f.0 == "error" && f.1 == "SARIF1010"),
        "{findings:#?}"
    );
}

#[test]
fn has_the_shape_code_scanning_reads() {
    let v: Value = serde_json::from_str(&render(
        OutputFormat::Sarif,
        &fixture::run(),
        &RenderOptions::default(),
    ))
    .expect("SARIF is JSON");
    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "claimcheck");
    let rules = driver["rules"].as_array().expect("rules");
    for result in run["results"].as_array().expect("results") {
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert!(["error", "warning", "note"].contains(&result["level"].as_str().expect("level")));
        assert_eq!(result["kind"], "fail");
        let uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .expect("uri");
        assert!(!uri.starts_with("./") && !uri.contains('\\'), "{uri}");
        assert_eq!(
            result["partialFingerprints"]["claimcheck/v1"]
                .as_str()
                .expect("fingerprint")
                .len(),
            32
        );
    }
    assert_eq!(run["results"].as_array().map(Vec::len), Some(7));
}
