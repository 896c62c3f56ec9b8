//! JUnit parsed back with quick-xml: well-formed, one test case per claim, and the verdicts as
//! passes, failures and skips.

use claimcheck_report::{OutputFormat, RenderOptions, render};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::fixture;

#[derive(Debug, Default)]
struct Case {
    suite: String,
    classname: String,
    name: String,
    outcome: &'static str,
    message: String,
    body: String,
}

fn attr(e: &BytesStart<'_>, name: &str) -> String {
    e.attributes()
        .map(|a| a.expect("attributes are well-formed"))
        .find(|a| a.key.as_ref() == name.as_bytes())
        .map(|a| {
            a.unescape_value()
                .expect("attribute values unescape")
                .into_owned()
        })
        .unwrap_or_default()
}

fn parse(xml: &str) -> Vec<Case> {
    let mut reader = Reader::from_str(xml);
    let mut cases: Vec<Case> = Vec::new();
    let mut suite = String::new();
    let mut in_failure = false;
    loop {
        let event = reader.read_event().expect("the JUnit XML is well-formed");
        let (e, is_start) = match &event {
            Event::Start(e) => (Some(e.clone()), true),
            Event::Empty(e) => (Some(e.clone()), false),
            Event::End(e) => {
                if e.name().as_ref() == b"failure" {
                    in_failure = false;
                }
                (None, false)
            }
            Event::Text(t) if in_failure => {
                let text = t.unescape().expect("text unescapes");
                if let Some(c) = cases.last_mut() {
                    c.body.push_str(&text);
                }
                (None, false)
            }
            Event::Eof => break,
            _ => (None, false),
        };
        let Some(e) = e else { continue };
        match e.name().as_ref() {
            b"testsuite" => suite = attr(&e, "name"),
            b"testcase" => cases.push(Case {
                suite: suite.clone(),
                classname: attr(&e, "classname"),
                name: attr(&e, "name"),
                outcome: "passed",
                ..Case::default()
            }),
            b"failure" => {
                let c = cases.last_mut().expect("a failure is inside a test case");
                c.outcome = "failed";
                c.message = attr(&e, "message");
                in_failure = is_start;
            }
            b"skipped" => {
                let c = cases.last_mut().expect("a skip is inside a test case");
                c.outcome = "skipped";
                c.message = attr(&e, "message");
            }
            _ => {}
        }
    }
    cases
}

#[test]
fn one_test_case_per_claim_with_its_verdict() {
    let run = fixture::run();
    let xml = render(OutputFormat::Junit, &run, &RenderOptions::default());
    let cases = parse(&xml);
    assert_eq!(cases.len(), fixture::claim_ids(&run).len());
    let outcome = |suite: &str, id: &str| {
        cases
            .iter()
            .find(|c| c.suite == suite && c.name.starts_with(&format!("{id} ")))
            .unwrap_or_else(|| panic!("{suite} {id} has a test case"))
    };
    let article = "content/2024/05/flood-report.md";
    assert_eq!(outcome(article, "c1").outcome, "failed");
    assert_eq!(outcome(article, "c3").outcome, "passed");
    assert_eq!(outcome(article, "c7").outcome, "skipped");
    let c2 = outcome(article, "c2");
    assert_eq!(c2.message, "May 14, 2024 was a Tuesday, not a Monday.");
    assert!(c2.body.contains("Evidence: calendar"), "{}", c2.body);
    assert!(
        outcome(article, "c7")
            .message
            .ends_with("(quote.unsourced)")
    );
    assert_eq!(
        outcome("notes/brief, draft.txt", "c1").classname,
        "notes/brief, draft.txt"
    );
    // Names are unique within a suite (GitLab keeps only the first of equal names).
    let mut names: Vec<(&str, &str)> = cases
        .iter()
        .map(|c| (c.suite.as_str(), c.name.as_str()))
        .collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), cases.len());
    // The curly quotes survive the round trip.
    assert!(
        outcome(article, "c1")
            .name
            .contains("“We will rebuild every bridge,”")
    );
}

#[test]
fn counts_match_the_cases() {
    let xml = render(
        OutputFormat::Junit,
        &fixture::run(),
        &RenderOptions::default(),
    );
    assert!(xml.contains(
        "<testsuites name=\"claimcheck\" tests=\"11\" failures=\"3\" errors=\"0\" skipped=\"4\""
    ));
}

#[test]
fn markup_in_claims_is_escaped() {
    let mut run = fixture::run();
    let f = &mut run.documents[0].findings[1];
    f.claim.text = "<b>Monday</b> & \"14\" ]]> \u{1}".to_string();
    if let Some(v) = &mut f.verdict {
        v.explanation = "a < b && c > d, \"quoted\" 'single'".to_string();
    }
    let xml = render(OutputFormat::Junit, &run, &RenderOptions::default());
    let cases = parse(&xml);
    let c = cases
        .iter()
        .find(|c| c.name.starts_with("c2 "))
        .expect("c2 is there");
    assert!(c.name.contains("<b>Monday</b> & \"14\" ]]>"));
    assert_eq!(c.message, "a < b && c > d, \"quoted\" 'single'");
}
