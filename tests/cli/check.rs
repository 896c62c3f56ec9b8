//! `check` and `extract` on fixture articles in each input format (issue 2).

use crate::support::{assert_span, claim, claimcheck, claims, fixture, json_run};

#[test]
fn markdown_weekday_mismatch_is_contradicted_with_exit_1() {
    let path = fixture("ferry-strike.md");
    let (code, report) = json_run(&["check", &path]);
    assert_eq!(code, 1, "a contradicted claim fails the run by default");
    assert_eq!(report["version"], 1);
    assert_eq!(
        report["documents"][0]["published"], "2023-06-16",
        "front matter date"
    );

    let monday = claim(&report, "date", "June 20");
    assert_eq!(monday["verdict"], "contradicted");
    assert_eq!(monday["details"]["date"], "2023-06-20");
    assert_eq!(monday["details"]["weekday"], "monday");
    assert_eq!(monday["rule"], "date.weekday-mismatch");
    let why = monday["explanation"].as_str().expect("explanation");
    assert!(
        why.starts_with("June 20, 2023 was a Tuesday, not a Monday"),
        "{why}"
    );
    assert_span(&path, monday, monday["text"].as_str().expect("text"));

    let thursday = claim(&report, "date", "June 15");
    assert_eq!(thursday["verdict"], "supported");
    assert_eq!(thursday["details"]["date"], "2023-06-15");
    let friday = claim(&report, "date", "9 June");
    assert_eq!(friday["verdict"], "supported");
    assert_eq!(friday["details"]["date"], "2023-06-09");

    let summary = &report["summary"];
    assert_eq!(summary["documents"], 1);
    assert_eq!(
        summary["claims"].as_u64(),
        Some(claims(&report).len() as u64)
    );
    assert_eq!(summary["contradicted"], 1);
}

#[test]
fn markdown_spans_point_through_markup() {
    let path = fixture("ferry-strike.md");
    let (_, report) = json_run(&["check", &path]);
    let thursday = claim(&report, "date", "June 15");
    assert_span(&path, thursday, thursday["text"].as_str().expect("text"));
    let distance = claim(&report, "distance", "80");
    assert_eq!(distance["details"]["claimed_km"], 80.0);
    assert_eq!(distance["details"]["from"], "Tallinn");
    assert_eq!(
        distance["verdict"], "supported",
        "Helsinki to Tallinn is about 80 km"
    );
    let quote = claim(&report, "attribution", "two weeks");
    assert_eq!(quote["details"]["speaker"], "Maria Lind");
    assert_eq!(quote["verdict"], "unverified");
}

#[test]
fn html_body_only_with_entities_mapped() {
    let path = fixture("bridge-opening.html");
    let (code, report) = json_run(&["check", &path]);
    assert_eq!(code, 1);
    assert_eq!(
        report["documents"][0]["published"], "2021-01-07",
        "article:published_time"
    );
    let dates: Vec<&str> = claims(&report)
        .iter()
        .filter(|c| c["kind"] == "date")
        .filter_map(|c| c["details"]["date"].as_str())
        .collect();
    for furniture in ["2021-01-01", "2021-01-03", "2021-01-04", "2021-01-09"] {
        assert!(
            !dates.contains(&furniture),
            "{furniture} comes from nav, script, banner or aside"
        );
    }
    let opened = claim(&report, "date", "January");
    assert_eq!(opened["details"]["date"], "2021-01-06");
    assert_eq!(opened["verdict"], "contradicted");
    assert!(
        opened["explanation"]
            .as_str()
            .expect("text")
            .contains("was a Wednesday, not a Tuesday")
    );
    // The claim's plain text has a no-break space where the file has `&nbsp;`.
    let file = std::fs::read_to_string(&path).expect("fixture");
    let start = opened["span"]["start"].as_u64().expect("start") as usize;
    let end = opened["span"]["end"].as_u64().expect("end") as usize;
    assert_eq!(&file[start..end], "Tuesday, January&nbsp;6, 2021");
    assert_eq!(opened["span"]["line"], 15);
    assert_eq!(opened["span"]["column"], 8);
    let began = claim(&report, "date", "2017");
    assert_eq!(began["details"]["date"], "2017");
    assert_eq!(began["verdict"], "unverified");
}

#[test]
fn text_with_published_flag_supports_the_weekday() {
    let path = fixture("summit-notes.txt");
    let (code, report) = json_run(&["check", "--published", "2023-09-12", &path]);
    assert_eq!(code, 0);
    let monday = claim(&report, "date", "September 11");
    assert_eq!(monday["verdict"], "supported");
    assert_eq!(monday["details"]["date"], "2023-09-11");
    assert_eq!(monday["details"]["year_source"], "publication");
    assert_span(&path, monday, monday["text"].as_str().expect("text"));
    let scheduled = claim(&report, "date", "September 13th");
    assert_eq!(scheduled["details"]["date"], "2023-09-13");
    assert_eq!(scheduled["verdict"], "unverified");
    let since = claim(&report, "date", "2017");
    assert_eq!(since["details"]["relation"], "since");
}

#[test]
fn without_a_publication_date_the_weekday_cannot_be_checked() {
    let path = fixture("summit-notes.txt");
    let (code, report) = json_run(&["check", &path]);
    assert_eq!(code, 0);
    assert_eq!(report["documents"][0]["published"], serde_json::Value::Null);
    let monday = claim(&report, "date", "September 11");
    assert_eq!(monday["verdict"], "unverified");
    assert_eq!(monday["rule"], "date.no-anchor");
    assert_eq!(monday["details"]["date"], serde_json::Value::Null);
}

#[test]
fn published_flag_overrides_the_file_and_fail_on_never_exits_0() {
    let path = fixture("ferry-strike.md");
    let (code, report) = json_run(&[
        "check",
        "--fail-on",
        "never",
        "--published",
        "2022-06-16",
        &path,
    ]);
    assert_eq!(code, 0);
    assert_eq!(report["documents"][0]["published"], "2022-06-16");
    let monday = claim(&report, "date", "June 20");
    assert_eq!(monday["details"]["date"], "2022-06-20");
    assert_eq!(monday["verdict"], "supported", "June 20, 2022 was a Monday");
}

#[test]
fn fail_on_unverified_fails_on_an_unverified_claim() {
    let path = fixture("summit-notes.txt");
    let (code, _) = json_run(&[
        "check",
        "--fail-on",
        "unverified",
        "--published",
        "2023-09-12",
        &path,
    ]);
    assert_eq!(code, 1);
}

#[test]
fn several_files_and_stdin_keep_their_order() {
    let md = fixture("ferry-strike.md");
    let txt = fixture("summit-notes.txt");
    let input = std::fs::read_to_string(&txt).expect("fixture");
    let out = claimcheck()
        .args([
            "check",
            "--format",
            "json",
            "--published",
            "2023-09-12",
            &md,
            "-",
            &txt,
        ])
        .write_stdin(input)
        .output()
        .expect("runs");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let paths: Vec<&str> = report["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .filter_map(|d| d["path"].as_str())
        .collect();
    assert_eq!(paths, [md.as_str(), "-", txt.as_str()]);
    assert_eq!(
        report["documents"][1]["claims"],
        report["documents"][2]["claims"]
    );
    assert_eq!(report["summary"]["documents"], 3);
}

#[test]
fn the_first_day_of_a_range_has_its_weekday_checked() {
    // "Monday 5 to Wednesday 6 March 2024": 5 March 2024 was a Tuesday. The first day shares the
    // month and year written after the second; read alone, "Monday" was a Monday near the
    // publication date and nothing could contradict it.
    let (dir, path) = crate::support::article(
        "range-weekday",
        "talks.md",
        "---\ndate: 2024-02-20\n---\nThe talks run from Monday 5 to Wednesday 6 March 2024 in Geneva.\n",
    );
    let path = path.as_str();
    let (code, report) = json_run(&["check", path]);
    assert_eq!(code, 1, "{report:#}");
    let first = claim(&report, "date", "Monday 5");
    assert_eq!(first["details"]["date"], "2024-03-05");
    assert_eq!(first["details"]["year_source"], "text");
    assert_eq!(first["verdict"], "contradicted");
    assert_eq!(first["rule"], "date.weekday-mismatch");
    assert_span(path, first, "Monday 5");
    let last = claim(&report, "date", "Wednesday 6 March 2024");
    assert_eq!(last["verdict"], "supported");
    assert_eq!(claims(&report).len(), 2, "{report:#}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_day_its_month_lacks_is_contradicted_with_exit_1() {
    let (dir, path) = crate::support::article(
        "no-such-day",
        "obituary.md",
        "---\ndate: 2024-03-01\n---\nShe was born on 29 February 1996 and died on 30 February 2020.\n",
    );
    let path = path.as_str();
    let (code, report) = json_run(&["check", path]);
    assert_eq!(code, 1, "{report:#}");
    let died = claim(&report, "date", "30 February 2020");
    assert_eq!(died["verdict"], "contradicted");
    assert_eq!(died["rule"], "date.no-such-day");
    assert_eq!(died["details"]["date"], serde_json::Value::Null);
    assert_eq!(died["details"]["note"], "February has no 30th day");
    assert_span(path, died, "30 February 2020");
    let born = claim(&report, "date", "29 February 1996");
    assert_eq!(born["details"]["date"], "1996-02-29");
    assert_ne!(born["verdict"], "contradicted");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn extract_prints_claims_without_verdicts() {
    let path = fixture("ferry-strike.md");
    let (code, report) = json_run(&["extract", &path]);
    assert_eq!(code, 0);
    let monday = claim(&report, "date", "June 20");
    assert!(monday.get("verdict").is_none());
    assert_eq!(
        monday["id"].as_str().map(|s| s.starts_with('c')),
        Some(true)
    );
}

#[test]
fn human_format_underlines_the_claim_and_summarises() {
    let path = fixture("ferry-strike.md");
    let out = claimcheck().args(["check", &path]).output().expect("runs");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        text.contains(
            "contradicted[date.weekday-mismatch]: June 20, 2023 was a Tuesday, not a Monday"
        ),
        "{text}"
    );
    assert!(
        text.contains(&format!("{path}:12:")),
        "location line: {text}"
    );
    assert!(text.contains("^^^^^^^^^^^^^^^"), "underline: {text}");
    assert!(text.contains("1 contradicted"), "summary: {text}");
    assert!(!text.contains('\u{1b}'), "no colour when not a terminal");
}
