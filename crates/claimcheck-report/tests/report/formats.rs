//! Every format rendered from the fixture run and compared with its reviewed snapshot, plus
//! targeted checks of what a snapshot would not make obvious: column units, the JSON contract,
//! fingerprints.

use claimcheck_report::{OutputFormat, RenderOptions, Run, fingerprint, render};
use serde_json::Value;

use crate::fixture;
use crate::snapshot::assert_snapshot;

fn out(format: OutputFormat) -> String {
    render(format, &fixture::run(), &RenderOptions::default())
}

#[test]
fn snapshots() {
    for (format, file) in [
        (OutputFormat::Human, "human.txt"),
        (OutputFormat::Concise, "concise.txt"),
        (OutputFormat::Json, "json.json"),
        (OutputFormat::JsonLines, "json-lines.jsonl"),
        (OutputFormat::Markdown, "markdown.md"),
        (OutputFormat::Sarif, "sarif.sarif"),
        (OutputFormat::Junit, "junit.xml"),
        (OutputFormat::Github, "github.txt"),
        (OutputFormat::Gitlab, "gitlab.json"),
        (OutputFormat::Rdjson, "rdjson.json"),
        (OutputFormat::Rdjsonl, "rdjsonl.jsonl"),
    ] {
        assert_snapshot(file, &out(format));
    }
}

#[test]
fn every_format_renders_an_empty_run() {
    let run = Run {
        verified: true,
        ..Run::default()
    };
    for format in OutputFormat::ALL {
        let s = render(format, &run, &RenderOptions::default());
        match format {
            OutputFormat::Gitlab => assert_eq!(s, "[]\n"),
            OutputFormat::Concise
            | OutputFormat::JsonLines
            | OutputFormat::Github
            | OutputFormat::Rdjsonl => assert_eq!(s, "", "{format}"),
            _ => assert!(!s.is_empty(), "{format}"),
        }
    }
}

#[test]
fn concise_counts_characters_after_curly_quotes() {
    let text = out(OutputFormat::Concise);
    // The claim c1 starts at the opening curly quote, line 8 column 1; "Monday" on line 10
    // starts at character 31.
    assert!(
        text.starts_with(
            "content/2024/05/flood-report.md:8:1: contradicted[quote.misattributed] Quote attributed"
        ),
        "{text}"
    );
    assert!(text.contains("content/2024/05/flood-report.md:10:31: contradicted[date.weekday-mismatch] May 14, 2024 was a Tuesday, not a Monday."));
    // A message with a line break stays on one line.
    assert_eq!(text.lines().count(), 11);
}

#[test]
fn rdjson_counts_utf8_bytes() {
    let v: Value = serde_json::from_str(&out(OutputFormat::Rdjson)).expect("rdjson is JSON");
    let diags = v["diagnostics"].as_array().expect("diagnostics");
    let misattributed = diags
        .iter()
        .find(|d| d["code"]["value"] == "quote.misattributed")
        .expect("the misattribution is reported");
    // "“We will rebuild every bridge,” said Mayor Ana Ruiz" is 51 characters with two
    // three-byte quotes, so it ends at byte column 56 but character column 52.
    assert_eq!(misattributed["location"]["range"]["start"]["column"], 1);
    assert_eq!(misattributed["location"]["range"]["end"]["column"], 56);
    let sarif: Value = serde_json::from_str(&out(OutputFormat::Sarif)).expect("SARIF is JSON");
    let region = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["endColumn"], 52);
    // Supported claims are not diagnostics.
    assert!(diags.iter().all(|d| d["code"]["value"] != "date.weekday"));
    assert_eq!(diags.len(), 7);
}

#[test]
fn json_stays_contract_v1() {
    let v: Value = serde_json::from_str(&out(OutputFormat::Json)).expect("json is JSON");
    assert_eq!(v["version"], 1);
    let text = out(OutputFormat::Json);
    let at = |key: &str| text.find(&format!("\n  \"{key}\": ")).unwrap_or(usize::MAX);
    assert!(at("version") < at("tool") && at("tool") < at("documents"));
    assert!(at("documents") < at("summary") && at("summary") < usize::MAX);
    let claim = &v["documents"][0]["claims"][1];
    for key in [
        "id",
        "kind",
        "text",
        "span",
        "details",
        "verdict",
        "confidence",
        "rule",
        "explanation",
        "evidence",
    ] {
        assert!(claim.get(key).is_some(), "claims keep {key}");
    }
    assert_eq!(
        v["summary"],
        serde_json::json!({"documents": 2, "claims": 11, "supported": 4, "contradicted": 3, "unverified": 4})
    );
}

#[test]
fn json_lines_are_claims_with_their_path() {
    let text = out(OutputFormat::JsonLines);
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON object"))
        .collect();
    assert_eq!(lines.len(), 11);
    assert_eq!(lines[0]["path"], "content/2024/05/flood-report.md");
    assert_eq!(lines[0]["id"], "c1");
    assert_eq!(lines[0]["level"], "error");
    assert_eq!(lines[10]["path"], "notes/brief, draft.txt");
    assert_eq!(lines[1]["span"]["line"], 10);
    assert_eq!(
        lines[1]["fingerprint"],
        fingerprint(
            "date.weekday-mismatch",
            "content/2024/05/flood-report.md",
            "Monday, 14 May 2024",
            0
        )
    );
}

#[test]
fn identical_claims_get_distinct_fingerprints() {
    let text = out(OutputFormat::JsonLines);
    let trucks: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("JSON"))
        .filter(|v| v["text"] == "40 trucks")
        .collect();
    assert_eq!(trucks.len(), 2);
    assert_ne!(trucks[0]["fingerprint"], trucks[1]["fingerprint"]);
    assert_eq!(
        trucks[1]["fingerprint"],
        fingerprint(
            "quantity.unverified",
            "content/2024/05/flood-report.md",
            "40 trucks",
            1
        )
    );
}

#[test]
fn fingerprints_do_not_move_with_lines() {
    // The same article with two lines added at the top: every claim moves down, and every
    // fingerprint stays.
    let before = out(OutputFormat::JsonLines);
    let mut run = fixture::run();
    let moved = fixture::ARTICLE.replacen("# Floods", "A standfirst.\n\n# Floods", 1);
    let doc = claimcheck_core::Document::parse(
        fixture::ARTICLE_PATH,
        moved,
        claimcheck_core::Format::Markdown,
    );
    let shift = "A standfirst.\n\n".len();
    for f in &mut run.documents[0].findings {
        f.claim.span =
            claimcheck_core::Span::new(f.claim.span.start + shift, f.claim.span.end + shift);
    }
    run.documents[0].document = doc;
    let after = render(OutputFormat::JsonLines, &run, &RenderOptions::default());
    let prints = |s: &str| -> Vec<(Value, Value)> {
        s.lines()
            .map(|l| serde_json::from_str::<Value>(l).expect("JSON"))
            .map(|v| (v["fingerprint"].clone(), v["span"]["line"].clone()))
            .collect()
    };
    let (b, a) = (prints(&before), prints(&after));
    assert_eq!(b.len(), a.len());
    for (x, y) in b.iter().zip(&a).take(9) {
        assert_eq!(x.0, y.0, "fingerprint kept");
        assert_ne!(x.1, y.1, "line moved");
    }
}

#[test]
fn markdown_lists_problems_first_and_folds_supported() {
    let md = out(OutputFormat::Markdown);
    assert!(md.starts_with(
        "### claimcheck: 3 contradicted · 4 unverified · 4 supported — 11 claims in 2 files\n"
    ));
    let first_problem = md.find("| ❌ |").expect("a contradicted row");
    let first_unverified = md.find("| ⚠️ |").expect("an unverified row");
    assert!(first_problem < first_unverified);
    assert!(md.contains("<details><summary>3 supported claims</summary>"));
    // Article text cannot inject markup into the comment.
    assert!(!md.contains("<b>"));
    assert!(md.contains(
        "[council transcript, 14 May 2024](https://example.org/council/2024-05-14#item-7)"
    ));
}

#[test]
fn sarif_can_include_supported_claims_as_passes() {
    let options = RenderOptions {
        include_supported: true,
        ..RenderOptions::default()
    };
    let v: Value = serde_json::from_str(&render(OutputFormat::Sarif, &fixture::run(), &options))
        .expect("SARIF is JSON");
    let results = v["runs"][0]["results"].as_array().expect("results");
    assert_eq!(results.len(), 11);
    let passes: Vec<&Value> = results.iter().filter(|r| r["kind"] == "pass").collect();
    assert_eq!(passes.len(), 4);
    assert!(passes.iter().all(|r| r["level"] == "none"));
}

#[test]
fn every_format_renders_an_extract_only_run() {
    // `claimcheck extract` hands over claims without verdicts.
    let mut run = fixture::run();
    run.verified = false;
    for d in &mut run.documents {
        for f in &mut d.findings {
            f.verdict = None;
        }
    }
    for format in OutputFormat::ALL {
        let s = render(format, &run, &RenderOptions::default());
        match format {
            OutputFormat::Concise | OutputFormat::JsonLines => {
                assert_eq!(s.lines().count(), 11, "{format}")
            }
            OutputFormat::Gitlab => assert_eq!(s, "[]\n"),
            OutputFormat::Github | OutputFormat::Rdjsonl => assert_eq!(s, "", "{format}"),
            _ => assert!(!s.is_empty(), "{format}"),
        }
    }
    let concise = render(OutputFormat::Concise, &run, &RenderOptions::default());
    assert!(concise.starts_with("content/2024/05/flood-report.md:8:1: extracted[attribution] "));
}

#[test]
fn configured_levels_override_the_rules_defaults() {
    let mut run = fixture::run();
    run.level_overrides.insert(
        "quote.unsourced".to_string(),
        claimcheck_report::Level::Error,
    );
    run.level_overrides.insert(
        "quantity.unverified".to_string(),
        claimcheck_report::Level::Note,
    );
    let github = render(OutputFormat::Github, &run, &RenderOptions::default());
    assert!(github.contains("::error file=content/2024/05/flood-report.md,line=16,"));
    assert!(
        !github.contains("quantity.unverified"),
        "a note is not annotated"
    );
    let gitlab: Vec<Value> = serde_json::from_str(&render(
        OutputFormat::Gitlab,
        &run,
        &RenderOptions::default(),
    ))
    .expect("JSON");
    assert_eq!(gitlab.len(), 5);
}

/// json-lines written part by part (a long document streamed in chunks, short ones serialised
/// a group at a time) is the rendered string byte for byte: with more short documents than one
/// group holds, a long document between them, and findings at the chunk boundaries.
#[test]
fn json_lines_written_in_parts_are_the_rendered_lines() {
    let published = jiff::civil::date(2024, 3, 6);
    let article = "Flood warnings were lifted on Monday, 14 May 2024, officials said. \
                   The convoy brought 40 trucks, 3.5 km of sandbags and 12,000 litres of water.\n\n";
    let document = |path: String, text: String| {
        let document = claimcheck_core::Document::parse(&path, text, claimcheck_core::Format::Text);
        let claims = claimcheck_extract::extract(
            &document.text,
            &claimcheck_extract::ExtractOptions {
                published: Some(published),
            },
        );
        claimcheck_report::DocumentResult {
            findings: claims
                .into_iter()
                .map(|c| claimcheck_report::Finding::new(c, None))
                .collect(),
            document,
            published: Some(published),
        }
    };
    let mut documents: Vec<_> = (0..600)
        .map(|k| document(format!("brief-{k}.txt"), article.repeat(1 + k % 3)))
        .collect();
    let long = document("long.txt".to_string(), article.repeat(1_200));
    assert!(
        long.findings.len() > 4_096,
        "{} findings",
        long.findings.len()
    );
    documents.insert(300, long);
    let run = Run {
        documents,
        verified: false,
        level_overrides: Default::default(),
    };
    let mut written = Vec::new();
    claimcheck_report::render_to(
        OutputFormat::JsonLines,
        &run,
        &RenderOptions::default(),
        &mut written,
    )
    .expect("a buffer takes every line");
    let rendered = render(OutputFormat::JsonLines, &run, &RenderOptions::default());
    assert_eq!(written.len(), rendered.len());
    assert!(written == rendered.as_bytes());
}

/// The reports made as text (concise, JUnit, Markdown) go out a megabyte or so at a time for a
/// long document, with every finding in them once and in its place: each finding's verdict has
/// a rule of its own (`test.<index>`), so each line or row names the finding it is. A part
/// written twice or left out, a header repeated or an error from the output lost would show.
#[test]
fn text_reports_of_a_long_document_are_written_in_parts() {
    use claimcheck_core::{Status, Verdict};
    /// Keeps what is written and how many writes it took; the write numbered `fail_at` (from
    /// 0) fails, and only that one, so a report that went on past the error would end well.
    struct Parts {
        bytes: Vec<u8>,
        writes: usize,
        fail_at: usize,
    }
    impl std::io::Write for Parts {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.writes += 1;
            if self.writes - 1 == self.fail_at {
                return Err(std::io::Error::other("disk full"));
            }
            self.bytes.extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let article = "Flood warnings were lifted on Monday, 14 May 2024, officials said. \
                   The convoy brought 40 trucks, 3.5 km of sandbags and 12,000 litres of water.\n\n";
    let document = claimcheck_core::Document::parse(
        "long.txt",
        article.repeat(6_000),
        claimcheck_core::Format::Text,
    );
    let claims = claimcheck_extract::extract(
        &document.text,
        &claimcheck_extract::ExtractOptions {
            published: Some(jiff::civil::date(2024, 3, 6)),
        },
    );
    let statuses = [Status::Supported, Status::Unverified, Status::Contradicted];
    let findings: Vec<claimcheck_report::Finding> = claims
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let verdict = Verdict {
                status: statuses[i % 3],
                confidence: 0.9,
                rule: format!("test.{i}"),
                explanation: format!("finding {i}"),
                evidence: Vec::new(),
            };
            claimcheck_report::Finding::new(c, Some(verdict))
        })
        .collect();
    let n = findings.len();
    let run = Run {
        documents: vec![claimcheck_report::DocumentResult {
            findings,
            document,
            published: None,
        }],
        verified: true,
        level_overrides: Default::default(),
    };
    // The index of the finding each line names, in the order of the lines.
    let named = |lines: Vec<&str>, mark: &str| -> Vec<usize> {
        lines
            .iter()
            .map(|l| {
                let at = l.find(mark).unwrap_or_else(|| panic!("{l}")) + mark.len();
                let digits = l[at..].bytes().take_while(u8::is_ascii_digit).count();
                l[at..at + digits].parse().expect("an index")
            })
            .collect()
    };
    let every: Vec<usize> = (0..n).collect();
    let of = |status: usize| -> Vec<usize> { (status..n).step_by(3).collect() };
    for format in [
        OutputFormat::Concise,
        OutputFormat::Junit,
        OutputFormat::Markdown,
    ] {
        let mut parts = Parts {
            bytes: Vec::new(),
            writes: 0,
            fail_at: usize::MAX,
        };
        claimcheck_report::render_to(format, &run, &RenderOptions::default(), &mut parts)
            .expect("a buffer takes every part");
        let text = String::from_utf8(parts.bytes).expect("UTF-8");
        // More than a megabyte, so at least one part went out before the end.
        assert!(text.len() > 1 << 20, "{format:?}: {} bytes", text.len());
        assert!(parts.writes >= 2, "{format:?}: {} writes", parts.writes);
        match format {
            OutputFormat::Concise => {
                assert_eq!(named(text.lines().collect(), "[test."), every);
            }
            OutputFormat::Junit => {
                assert!(text.starts_with("<?xml "));
                assert_eq!(text.matches("<testsuites ").count(), 1);
                assert!(text.ends_with("</testsuite>\n</testsuites>\n"));
                let cases = text
                    .lines()
                    .filter(|l| l.trim_start().starts_with("<testcase "))
                    .collect();
                // Each case's name starts with its claim's id, `c` and its place from 1.
                let ids: Vec<usize> = named(cases, "name=\"c").iter().map(|k| k - 1).collect();
                assert_eq!(ids, every);
                assert_eq!(
                    named(
                        text.lines().filter(|l| l.contains("<failure ")).collect(),
                        "type=\"test."
                    ),
                    of(2)
                );
                assert_eq!(
                    named(
                        text.lines().filter(|l| l.contains("<skipped ")).collect(),
                        "(test."
                    ),
                    of(1)
                );
            }
            _ => {
                assert!(text.starts_with("### claimcheck: "));
                assert_eq!(text.matches("### claimcheck: ").count(), 1);
                // Contradicted first, then unverified, each in document order; the supported
                // ones folded away after them, in document order.
                let open = named(
                    text.lines()
                        .filter(|l| l.starts_with("| ❌ |") || l.starts_with("| ⚠️ |"))
                        .collect(),
                    "| `test.",
                );
                assert_eq!(open, [of(2), of(1)].concat());
                let supported = named(
                    text.lines()
                        .filter(|l| {
                            l.starts_with("| ")
                                && l.contains(" | `test.")
                                && !l.starts_with("| ❌")
                                && !l.starts_with("| ⚠️")
                        })
                        .collect(),
                    "| `test.",
                );
                assert_eq!(supported, of(0));
            }
        }
        // An output whose second write fails fails the report, though later writes would do.
        let mut failing = Parts {
            bytes: Vec::new(),
            writes: 0,
            fail_at: 1,
        };
        let result =
            claimcheck_report::render_to(format, &run, &RenderOptions::default(), &mut failing);
        assert!(result.is_err(), "{format:?}");
    }
}
