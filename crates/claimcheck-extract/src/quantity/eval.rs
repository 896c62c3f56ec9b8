//! A throwaway measurement against the peer suites in `shared/eval` (run with `--ignored`); it
//! reads the data in place and prints how many expected lengths were found and read right.

use std::path::PathBuf;

use serde_json::Value;

use super::{Measure, measures, unit_named};

fn eval_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval")
}

fn cases(file: &str) -> Vec<Value> {
    let path = eval_dir().join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect()
}

/// A peer's unit name in this crate's spelling.
fn normalise_unit(name: &str) -> String {
    let lower = name
        .to_lowercase()
        .replace("meter", "metre")
        .replace("liter", "litre");
    match lower.as_str() {
        "m" => "metre".into(),
        "pound-mass" => "pound".into(),
        "percentage" => "percent".into(),
        "dollar" => "US dollar".into(),
        "metric ton" => "tonne".into(),
        "kilometre per hour" | "mile per hour" => lower,
        "degree celsius" => "degree Celsius".into(),
        "degree fahrenheit" => "degree Fahrenheit".into(),
        "dimensionless" => String::new(),
        "cubic centimetre" => "millilitre".into(),
        _ => lower,
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1e-9)
}

/// Whether `m` has `value` in unit `unit` (a normalised name, empty for a count), comparing
/// magnitudes when both units are in the table so that "7 feet 10 inches" equals 94 inches.
fn same(m: &Measure, value: f64, unit: &str) -> bool {
    match (m.unit, unit_named(unit)) {
        (None, None) => unit.is_empty() && close(m.value, value),
        (Some(mine), Some(theirs)) => {
            mine.dimension == theirs.dimension
                && close(m.value * mine.factor, value * theirs.factor)
        }
        _ => false,
    }
}

fn is_length(unit: &str) -> bool {
    unit_named(unit).is_some_and(|u| u.dimension == super::Dimension::Length)
}

#[derive(Default)]
struct Tally {
    cases: usize,
    found: usize,
    right: usize,
}

impl Tally {
    fn add(&mut self, found: bool, right: bool) {
        self.cases += 1;
        self.found += usize::from(found);
        self.right += usize::from(right);
    }
    fn line(&self, name: &str) -> String {
        let pct = |n: usize| 100.0 * n as f64 / self.cases.max(1) as f64;
        format!(
            "{name}: {} cases, found {} ({:.1}%), right {} ({:.1}%)",
            self.cases,
            self.found,
            pct(self.found),
            self.right,
            pct(self.right)
        )
    }
}

fn duckling() -> Tally {
    let mut t = Tally::default();
    for case in cases("duckling_distance.jsonl") {
        let text = case["text"].as_str().unwrap_or_default();
        let expected = case["expected"].as_str().unwrap_or_default();
        let found = measures(text);
        let best = found.iter().max_by_key(|m| m.span.len());
        let mut parts = expected.splitn(3, ' ');
        let (kind, unit, rest) = (
            parts.next().unwrap_or(""),
            parts.next().unwrap_or(""),
            parts.next().unwrap_or(""),
        );
        let unit = normalise_unit(unit);
        let right = best.is_some_and(|m| match kind {
            "between" => {
                let nums: Vec<f64> = rest
                    .trim_matches(|c| c == '(' || c == ')')
                    .split(',')
                    .filter_map(|s| s.trim().parse().ok())
                    .collect();
                nums.len() == 2
                    && m.comparator == Some(claimcheck_core::Comparator::Between)
                    && same(m, nums[0], &unit)
                    && m.value_max.is_some_and(|hi| {
                        same(
                            &Measure {
                                value: hi,
                                ..m.clone()
                            },
                            nums[1],
                            &unit,
                        )
                    })
            }
            "under" | "above" | "simple" => {
                let ok_cmp = match kind {
                    "under" => matches!(
                        m.comparator,
                        Some(claimcheck_core::Comparator::Lt | claimcheck_core::Comparator::Le)
                    ),
                    "above" => matches!(
                        m.comparator,
                        Some(claimcheck_core::Comparator::Gt | claimcheck_core::Comparator::Ge)
                    ),
                    _ => m.value_max.is_none(),
                };
                ok_cmp
                    && rest.parse().is_ok_and(|v| same(m, v, &unit))
                    && m.span.len() == text.trim().len()
            }
            _ => false,
        });
        if !right {
            println!("  duckling miss: {text:?} expected {expected}, got {best:?}");
        }
        t.add(best.is_some(), right);
    }
    t
}

fn recognizers() -> (Tally, Tally, usize) {
    let mut length = Tally::default();
    let mut all = Tally::default();
    let mut spurious = 0;
    for case in cases("recognizers_DimensionModel.jsonl") {
        let text = case["text"].as_str().unwrap_or_default();
        let found = measures(text);
        let expected = case["expected"].as_array().cloned().unwrap_or_default();
        let units: Vec<&Measure> = found.iter().filter(|m| m.unit.is_some()).collect();
        if expected.is_empty() {
            spurious += units.len();
            for m in &units {
                println!(
                    "  recognizers spurious: {text:?} {:?}",
                    &text[m.span.start..m.span.end]
                );
            }
        }
        for e in &expected {
            let span = e["span"].as_str().unwrap_or_default().to_lowercase();
            let Some(at) = text.to_lowercase().find(&span) else {
                continue;
            };
            let (s, end) = (at, at + span.len());
            let res = &e["resolution"];
            let unit = normalise_unit(res["unit"].as_str().unwrap_or_default());
            let value: Option<f64> = res["value"].as_str().and_then(|v| v.parse().ok());
            let hit = units.iter().find(|m| m.core.start < end && s < m.core.end);
            let right = hit.is_some_and(|m| {
                value.is_some_and(|v| {
                    same(m, v, &unit)
                        || m.value_max.is_some_and(|hi| {
                            same(
                                &Measure {
                                    value: hi,
                                    ..(*m).clone()
                                },
                                v,
                                &unit,
                            )
                        })
                })
            });
            let is_len = res["subtype"].as_str() == Some("Length");
            if !right {
                println!(
                    "  recognizers miss: {text:?} expected {span:?} {value:?} {unit}, got {hit:?}"
                );
            }
            all.add(hit.is_some(), right);
            if is_len {
                length.add(hit.is_some(), right);
            }
        }
    }
    (length, all, spurious)
}

fn quantulum() -> (Tally, Tally) {
    let mut length = Tally::default();
    let mut all = Tally::default();
    for case in cases("quantulum3_en.jsonl") {
        let text = case["text"].as_str().unwrap_or_default();
        let found = measures(text);
        let mut from = 0;
        for e in case["expected"].as_array().cloned().unwrap_or_default() {
            let surface = e["surface"].as_str().unwrap_or_default();
            let Some(at) = text[from..].find(surface).map(|p| p + from) else {
                continue;
            };
            from = at + surface.len();
            let end = at + surface.len();
            let unit = normalise_unit(e["unit"].as_str().unwrap_or_default());
            let value = e["value"].as_f64().unwrap_or(f64::NAN);
            let hit = found.iter().find(|m| m.core.start < end && at < m.core.end);
            let right = hit.is_some_and(|m| match m.value_max {
                Some(hi) => same(
                    &Measure {
                        value: (m.value + hi) / 2.0,
                        ..m.clone()
                    },
                    value,
                    &unit,
                ),
                None => same(m, value, &unit),
            });
            let is_len = is_length(&unit);
            if !right {
                println!(
                    "  quantulum miss: {text:?} expected {surface:?} {value} {unit:?}, got {:?}",
                    hit.map(|m| (
                        &text[m.span.start..m.span.end],
                        m.value,
                        m.unit.map(|u| &u.name)
                    ))
                );
            }
            all.add(hit.is_some(), right);
            if is_len {
                length.add(hit.is_some(), right);
            }
        }
    }
    (length, all)
}

#[test]
#[ignore = "reads the peer suites in ../shared/eval; run by hand with --ignored --nocapture"]
fn peer_suites() {
    let d = duckling();
    let (rl, ra, spurious) = recognizers();
    let (ql, qa) = quantulum();
    println!("{}", d.line("duckling distance (all length)"));
    println!("{}", rl.line("recognizers dimension, length"));
    let both = Tally {
        cases: d.cases + rl.cases,
        found: d.found + rl.found,
        right: d.right + rl.right,
    };
    println!(
        "{}",
        both.line("duckling + recognizers, length (issue 9 target 95%)")
    );
    println!("{}", ra.line("recognizers dimension, all"));
    println!("recognizers: {spurious} measures in sentences that expect none");
    println!("{}", ql.line("quantulum3, length"));
    println!("{}", qa.line("quantulum3, all"));
}
