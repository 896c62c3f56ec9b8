//! The rules registry against the matchers: every rule id the matcher crate can emit is
//! registered, so no verdict reaches a report with an undocumented rule.

use std::path::Path;

use claimcheck_report::{Level, rule, rules};

/// Rule ids written as string literals in the matcher's sources.
fn matcher_rule_ids() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../claimcheck-match/src");
    let mut ids = Vec::new();
    let mut stack = vec![dir];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("the matcher's sources are beside this crate") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("sources are UTF-8");
                for literal in text.split('"').skip(1).step_by(2) {
                    let Some((family, rest)) = literal.split_once('.') else {
                        continue;
                    };
                    let families = ["date", "distance", "quote", "source", "quantity"];
                    if families.contains(&family)
                        && !rest.is_empty()
                        && rest.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                    {
                        ids.push(literal.to_string());
                    }
                }
            }
        }
    }
    ids.sort();
    ids.dedup();
    ids
}

#[test]
fn every_rule_the_matchers_emit_is_registered() {
    let ids = matcher_rule_ids();
    assert!(ids.len() >= 10, "found the matcher's rule ids: {ids:?}");
    for id in ids {
        assert!(
            rule(&id).is_some(),
            "{id} is emitted by claimcheck-match but not in rules.md"
        );
    }
}

#[test]
fn the_issue_s_rules_are_registered_with_their_levels() {
    let expected = [
        ("date.weekday", Level::Note),
        ("date.weekday-mismatch", Level::Error),
        ("date.no-such-day", Level::Error),
        ("date.no-anchor", Level::Warning),
        ("date.unverified", Level::Info),
        ("date.event", Level::Note),
        ("date.event-mismatch", Level::Error),
        ("date.event-other-instance", Level::Warning),
        ("date.event-since-earlier", Level::Warning),
        ("distance.bound", Level::Note),
        ("distance.approx", Level::Note),
        ("distance.contradicted", Level::Error),
        ("distance.borderline", Level::Warning),
        ("distance.mode-unsupported", Level::Warning),
        ("distance.ambiguous-place", Level::Warning),
        ("distance.unknown-place", Level::Warning),
        ("distance.unmeasured", Level::Warning),
        ("quote.verified", Level::Note),
        ("quote.altered", Level::Error),
        ("quote.misattributed", Level::Error),
        ("quote.not-found", Level::Warning),
        ("quote.inexact", Level::Warning),
        ("quote.speaker-not-found", Level::Warning),
        ("quote.unsourced", Level::Warning),
        ("source.unavailable", Level::Warning),
        ("quantity.unverified", Level::Info),
        ("quantity.conversion", Level::Note),
        ("quantity.conversion-mismatch", Level::Error),
        ("quantity.conversion-borderline", Level::Warning),
    ];
    let ids: Vec<&str> = rules().iter().map(|r| r.id).collect();
    assert_eq!(
        ids,
        expected.map(|(id, _)| id),
        "the registry's order is fixed"
    );
    for (id, level) in expected {
        assert_eq!(rule(id).map(|r| r.level), Some(level), "{id}");
    }
}
