//! The rules registry: every rule id a verdict can carry, with its default level, a one-line
//! summary and the long documentation, read from `rules.md` (data, not code) at first use.

use std::fmt::Write as _;
use std::sync::OnceLock;

use crate::Level;

/// The documentation of every rule; see the file's own header for its shape.
const RULES_MD: &str = include_str!("rules.md");

/// One rule: a stable id that names a verdict's outcome, and how it is reported by default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// The stable id (`date.weekday-mismatch`); never renamed, because SARIF consumers,
    /// baselines and suppression comments refer to it.
    pub id: &'static str,
    pub level: Level,
    pub summary: &'static str,
    /// What it means, an example, how to fix or settle it; plain text with Markdown code spans.
    pub doc: &'static str,
}

impl Rule {
    /// The rule's family, the part before the dot (`date`, `distance`, `quote`, ...), which
    /// `--select` and suppression comments accept as a prefix.
    pub fn category(&self) -> &'static str {
        self.id.split_once('.').map_or(self.id, |(c, _)| c)
    }

    /// The rule as a PascalCase name (`DateWeekdayMismatch`), SARIF's `reportingDescriptor.name`.
    pub fn name(&self) -> String {
        pascal_case(self.id)
    }

    /// The page that documents the rule.
    pub fn help_uri(&self) -> String {
        format!("{}/rules/{}", crate::INFORMATION_URI, self.id)
    }
}

/// Every rule, in the registry's fixed order.
pub fn rules() -> &'static [Rule] {
    static RULES: OnceLock<Vec<Rule>> = OnceLock::new();
    RULES.get_or_init(|| parse(RULES_MD).expect("rules.md is valid: a unit test parses it"))
}

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    rules().iter().find(|r| r.id == id)
}

/// `claimcheck rules`: one line per rule with its id, default level and summary.
pub fn rules_table() -> String {
    let width = rules().iter().map(|r| r.id.len()).max().unwrap_or(0);
    let mut out = String::new();
    let _ = writeln!(out, "{:width$}  {:7}  SUMMARY", "RULE", "LEVEL");
    for r in rules() {
        let _ = writeln!(
            out,
            "{:width$}  {:7}  {}",
            r.id,
            r.level.as_str(),
            r.summary
        );
    }
    out
}

/// `claimcheck explain ID`: the rule's heading, default level and long documentation.
pub fn explain(id: &str) -> Option<String> {
    let r = rule(id)?;
    Some(format!(
        "{}\n\n{}\n\n{}\n\nDefault level: {}. To change it, in claimcheck.toml:\n\n    [rules.\"{}\"]\n    level = \"{}\"  # error, warning, info, note or off\n",
        r.id,
        r.summary,
        r.doc.trim_end(),
        r.level,
        r.id,
        if r.level == Level::Error {
            "warning"
        } else {
            "error"
        }
    ))
}

fn pascal_case(id: &str) -> String {
    id.split(['.', '-', '_'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |c| {
                c.to_uppercase().collect::<String>() + chars.as_str()
            })
        })
        .collect()
}

/// Reads the registry: sections start at `## id`; the first lines are `level:` and `summary:`.
fn parse(md: &'static str) -> Result<Vec<Rule>, String> {
    let mut out = Vec::new();
    for section in md.split("\n## ").skip(1) {
        let (id, rest) = section
            .split_once('\n')
            .ok_or_else(|| format!("rule heading without a body: {section}"))?;
        let id = id.trim();
        let mut level = None;
        let mut summary = None;
        let mut doc = "";
        let mut remaining = rest;
        while let Some((line, tail)) = remaining.split_once('\n') {
            if let Some(v) = line.strip_prefix("level:") {
                level = Some(v.parse::<Level>().map_err(|e| format!("{id}: {e}"))?);
            } else if let Some(v) = line.strip_prefix("summary:") {
                summary = Some(v.trim());
            } else {
                doc = remaining.trim();
                break;
            }
            remaining = tail;
        }
        let (Some(level), Some(summary)) = (level, summary) else {
            return Err(format!("{id}: needs a level: and a summary: line"));
        };
        if doc.is_empty() {
            return Err(format!("{id}: has no documentation"));
        }
        if out.iter().any(|r: &Rule| r.id == id) {
            return Err(format!("{id}: listed twice"));
        }
        out.push(Rule {
            id,
            level,
            summary,
            doc,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_registry_parses_and_every_rule_is_documented() {
        let rules = parse(RULES_MD).expect("rules.md parses");
        assert!(rules.len() >= 20);
        for r in &rules {
            assert!(
                r.summary.ends_with('.'),
                "{}: summary ends a sentence",
                r.id
            );
            assert!(r.doc.len() > 40, "{}: has a real doc", r.id);
            assert!(r.id.contains('.'), "{}: has a category", r.id);
        }
    }

    #[test]
    fn levels_follow_the_outcome() {
        let level = |id: &str| rule(id).map(|r| r.level);
        assert_eq!(level("date.weekday-mismatch"), Some(Level::Error));
        assert_eq!(level("distance.contradicted"), Some(Level::Error));
        assert_eq!(level("quote.unsourced"), Some(Level::Warning));
        assert_eq!(level("quantity.unverified"), Some(Level::Info));
        assert_eq!(level("distance.bound"), Some(Level::Note));
        assert_eq!(level("no.such-rule"), None);
    }

    #[test]
    fn names_and_texts() {
        let r = rule("date.weekday-mismatch").expect("registered");
        assert_eq!(r.name(), "DateWeekdayMismatch");
        assert_eq!(r.category(), "date");
        let table = rules_table();
        assert!(table.starts_with("RULE"));
        // Ids padded to the longest, then the level padded to seven.
        let width = rules().iter().map(|r| r.id.len()).max().unwrap_or(0);
        assert!(
            table.contains(&format!(
                "\n{:width$}  error    The weekday",
                "date.weekday-mismatch"
            )),
            "{table}"
        );
        let doc = explain("quote.misattributed").expect("registered");
        assert!(doc.starts_with("quote.misattributed\n\n"));
        assert!(doc.contains("Default level: error"));
        assert_eq!(explain("nope"), None);
    }

    #[test]
    fn a_malformed_section_is_refused() {
        assert!(parse("x\n## a.b\nlevel: loud\nsummary: s.\n\ndoc\n").is_err());
        assert!(parse("x\n## a.b\nsummary: s.\n\ndoc\n").is_err());
    }
}
