//! Editorial CI: folders, exit codes, suppressions, every format from one run, baselines,
//! configuration, rules and init (issue 6).

use crate::support::{claimcheck, fixture, json_run, temp_dir};

#[test]
fn a_folder_with_a_contradiction_fails_unless_told_not_to() {
    let folder = fixture("ci");
    let (code, report) = json_run(&["check", &folder]);
    assert_eq!(code, 1);
    let paths: Vec<&str> = report["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .filter_map(|d| d["path"].as_str())
        .collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "files come in a sorted, deterministic order");
    assert_eq!(paths.len(), 3);
    let (never, _) = json_run(&["check", &folder, "--fail-on", "never"]);
    assert_eq!(never, 0);
    let (zero, _) = json_run(&["check", &folder, "--exit-zero"]);
    assert_eq!(zero, 0);
    let (clean, _) = json_run(&["check", &fixture("ci/clean.md")]);
    assert_eq!(clean, 0);
    let (warning, _) = json_run(&["check", &fixture("ci/clean.md"), "--fail-on", "note"]);
    assert_eq!(warning, 1, "a supported claim is at level note");
}

#[test]
fn a_suppression_comment_removes_exactly_its_claim() {
    let path = fixture("ci/suppressed.md");
    let (code, report) = json_run(&["check", &path]);
    assert_eq!(code, 1, "the second, unsuppressed claim still fails");
    let dates: Vec<&serde_json::Value> = report["documents"][0]["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .filter(|c| c["kind"] == "date")
        .collect();
    assert_eq!(dates.len(), 1, "{dates:#?}");
    assert_eq!(dates[0]["span"]["line"], 6);

    let dir = temp_dir("unused");
    let article = dir.join("a.md");
    std::fs::write(&article, "Quiet day.<!-- claimcheck-ignore date -->\n").expect("write");
    let out = claimcheck()
        .args(["check", article.to_str().expect("utf-8")])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("meta.unused-directive") && stderr.contains(":1:"),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_format_from_one_run() {
    let dir = temp_dir("formats");
    let folder = fixture("ci");
    let mut args: Vec<String> = vec!["check".into(), folder, "--format".into(), "concise".into()];
    let formats = [
        "json",
        "json-lines",
        "markdown",
        "html",
        "sarif",
        "junit",
        "github",
        "gitlab",
        "rdjson",
    ];
    for f in formats {
        args.push("--report".into());
        args.push(format!("{f}={}", dir.join(format!("out.{f}")).display()));
    }
    let out = claimcheck().args(&args).output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let concise = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        concise.contains("weekday.md:4:21: contradicted[date.weekday-mismatch]"),
        "{concise}"
    );
    for f in formats {
        let text = std::fs::read_to_string(dir.join(format!("out.{f}"))).expect("report written");
        assert!(!text.trim().is_empty(), "{f} is empty");
    }
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("out.sarif")).expect("sarif"))
            .expect("JSON");
    assert_eq!(sarif["version"], "2.1.0");
    let github = std::fs::read_to_string(dir.join("out.github")).expect("github");
    assert!(
        github
            .lines()
            .next()
            .is_some_and(|l| l.starts_with("::error file=")),
        "{github}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_baseline_silences_known_findings_only() {
    let dir = temp_dir("baseline");
    let article = dir.join("a.md");
    std::fs::write(
        &article,
        "---\ndate: 2023-06-16\n---\nSailings restart on Monday, June 20.\n",
    )
    .expect("write");
    let baseline = dir.join("baseline.json");
    let shown = article.to_str().expect("utf-8");
    let b = baseline.to_str().expect("utf-8");
    let out = claimcheck()
        .args(["baseline", "create", shown, "--baseline", b])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recorded = std::fs::read_to_string(&baseline).expect("baseline written");
    assert!(recorded.contains("date.weekday-mismatch") && !recorded.contains("\"line\""));

    // Moving the claim down does not resurrect it: fingerprints carry no line numbers.
    std::fs::write(
        &article,
        "---\ndate: 2023-06-16\n---\nA new first line.\n\nSailings restart on Monday, June 20.\n",
    )
    .expect("write");
    let (code, _) = json_run(&["check", shown, "--baseline", b]);
    assert_eq!(code, 0);
    // A new contradiction is still reported.
    std::fs::write(&article, "---\ndate: 2023-06-16\n---\nSailings restart on Monday, June 20.\n\nThe pier opens on Friday, June 20.\n").expect("write");
    let (code, report) = json_run(&["check", shown, "--baseline", b]);
    assert_eq!(code, 1);
    assert_eq!(
        report["documents"][0]["claims"].as_array().map(Vec::len),
        Some(1)
    );

    // Pruning drops entries that no longer match.
    std::fs::write(&article, "---\ndate: 2023-06-16\n---\nNothing to see.\n").expect("write");
    let out = claimcheck()
        .args(["baseline", "prune", shown, "--baseline", b])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 stale entries removed"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn configuration_sets_levels_and_defaults() {
    let dir = temp_dir("config");
    let article = dir.join("a.md");
    std::fs::write(
        &article,
        "---\ndate: 2023-06-16\n---\nSailings restart on Monday, June 20.\n",
    )
    .expect("write");
    std::fs::write(
        dir.join("claimcheck.toml"),
        "[check]\nformat = \"json\"\nfail-on = \"never\"\n\n[rules.\"date.weekday-mismatch\"]\nlevel = \"off\"\n",
    )
    .expect("write");
    let out = claimcheck()
        .args(["check", article.to_str().expect("utf-8")])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("json from the config");
    assert_eq!(report["summary"]["contradicted"], 0, "the rule is off");
    let out = claimcheck()
        .args([
            "check",
            article.to_str().expect("utf-8"),
            "--isolated",
            "--format",
            "json",
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1), "--isolated ignores the file");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn rules_explain_and_init() {
    let out = claimcheck().arg("rules").output().expect("runs");
    let table = String::from_utf8(out.stdout).expect("UTF-8");
    for id in [
        "date.weekday-mismatch",
        "distance.contradicted",
        "quote.altered",
        "quote.misattributed",
        "quote.not-found",
        "source.unavailable",
    ] {
        assert!(table.contains(id), "{id} missing from `claimcheck rules`");
    }
    let out = claimcheck()
        .args(["explain", "quote.altered"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("quote.altered"));
    let out = claimcheck()
        .args(["explain", "no.such-rule"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));

    let dir = temp_dir("init");
    let out = claimcheck()
        .args(["init", dir.to_str().expect("utf-8")])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for f in [
        "claimcheck.toml",
        ".github/workflows/claimcheck.yml",
        ".gitlab/claimcheck.yml",
    ] {
        assert!(dir.join(f).is_file(), "{f}");
    }
    // The starter configuration is valid: a check with it runs.
    let article = dir.join("a.md");
    std::fs::write(&article, "Nothing here.\n").expect("write");
    let out = claimcheck()
        .args(["check", article.to_str().expect("utf-8")])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Init never overwrites.
    let out = claimcheck()
        .args(["init", dir.to_str().expect("utf-8")])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}
