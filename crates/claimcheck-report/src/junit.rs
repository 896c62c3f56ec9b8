//! JUnit XML, for CI test dashboards (GitLab's test report, Jenkins): one `<testsuite>` per
//! document and one `<testcase>` per claim. A supported claim passes, a contradicted one fails
//! with the explanation, an unverified one is skipped with the reason; before verification
//! every claim passes.
//!
//! Hand-written rather than through quick-junit: the shape is small and fixed, and this keeps
//! the escaping (including characters XML cannot hold) in one audited function.

use std::fmt::Write as _;

use claimcheck_core::Status;

use crate::location::Location;
use crate::stream::write_if_long;
use crate::text::{evidence_line, message, xml_escape};
use crate::{Run, display_path};

/// The JUnit report, written to `sink` a megabyte or so at a time.
pub(crate) fn write_junit(run: &Run, sink: &mut dyn std::io::Write) -> std::io::Result<()> {
    let s = run.summary();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"claimcheck\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\" time=\"0\">",
        s.claims, s.contradicted, s.unverified
    );
    for d in &run.documents {
        let path = xml_escape(&display_path(&d.document.path));
        let count = |status: Status| {
            d.findings
                .iter()
                .filter(|f| f.status() == Some(status))
                .count()
        };
        let _ = writeln!(
            out,
            "  <testsuite name=\"{path}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\" time=\"0\">",
            d.findings.len(),
            count(Status::Contradicted),
            count(Status::Unverified)
        );
        for f in &d.findings {
            let at = Location::of(d, f);
            // The name is unique within the suite because the claim id is; GitLab keeps only the
            // first of equally named cases.
            let name = format!(
                "{} L{}:{} {}: {}",
                f.claim.id,
                at.line(),
                at.column(),
                f.claim.kind.as_str(),
                f.claim.text
            );
            let _ = write!(
                out,
                "    <testcase classname=\"{path}\" name=\"{}\" file=\"{path}\" line=\"{}\" time=\"0\"",
                xml_escape(&name),
                at.line()
            );
            let rule = xml_escape(f.rule_id());
            let explanation = xml_escape(&message(f));
            match f.status() {
                Some(Status::Contradicted) => {
                    let mut body = format!(
                        "contradicted[{}] {}:{}:{}\nClaim: {}\n{}",
                        f.rule_id(),
                        display_path(&d.document.path),
                        at.line(),
                        at.column(),
                        f.claim.text,
                        message(f)
                    );
                    for e in f.verdict.iter().flat_map(|v| &v.evidence) {
                        body.push_str("\nEvidence: ");
                        body.push_str(&evidence_line(e));
                    }
                    let _ = writeln!(
                        out,
                        ">\n      <properties><property name=\"level\" value=\"{}\"/></properties>\n      <failure type=\"{rule}\" message=\"{explanation}\">{}</failure>\n    </testcase>",
                        run.level(f),
                        xml_escape(&body)
                    );
                }
                Some(Status::Unverified) => {
                    let _ = writeln!(
                        out,
                        ">\n      <properties><property name=\"level\" value=\"{}\"/></properties>\n      <skipped message=\"{explanation} ({rule})\"/>\n    </testcase>",
                        run.level(f)
                    );
                }
                Some(Status::Supported) | None => out.push_str("/>\n"),
            }
            write_if_long(&mut out, sink)?;
        }
        out.push_str("  </testsuite>\n");
        write_if_long(&mut out, sink)?;
    }
    out.push_str("</testsuites>\n");
    sink.write_all(out.as_bytes())
}
