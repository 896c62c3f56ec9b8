//! A figure and its conversion in brackets ("gusts of 80mph (129km/h)", "1.2 miles (3 km)"):
//! the one is computed from the other, so the pair can be checked with no reference data.
//!
//! The verdict goes to the bracketed figure, the conversion a writer or an editor added. It is
//! supported when the conversion agrees with the figure to the precision it is written in (its
//! last significant digit, or 2% of it, whichever is larger: "100 km (60 miles)" rounds 62.1 to
//! the tens), contradicted when it misses by more than twice that and 5%, and unverified in
//! between. Currencies (rates move), ratios and the units whose size depends on the country
//! (gallons, tons, pints, cups, fluid ounces) are not compared.

use claimcheck_core::{Claim, Details, Evidence, QuantityDetails, Status, Verdict};

/// Units left alone: their size differs between the US and imperial or metric systems, so a
/// conversion that looks wrong may be right in the writer's system.
const AMBIGUOUS: &[&str] = &["gallon", "ton", "pint", "quart", "cup", "fluid ounce"];

/// The verdict of each claim that is the bracketed conversion of the figure just before it,
/// with the claim's index in `claims`, in order (few claims are: a list of them all would be
/// megabytes for a long text).
pub(crate) fn conversions(text: &str, claims: &[Claim]) -> Vec<(usize, Verdict)> {
    let mut out = Vec::new();
    for (k, pair) in claims.windows(2).enumerate() {
        let (first, second) = (&pair[0], &pair[1]);
        let (Details::Quantity(a), Details::Quantity(b)) = (&*first.details, &*second.details)
        else {
            continue;
        };
        if first.span.end > second.span.start || !bracketed(text, first.span.end, second) {
            continue;
        }
        if let Some(verdict) = check(a, b, &first.text) {
            out.push((k + 1, verdict));
        }
    }
    out
}

/// Whether `second` stands in brackets right after a figure that ends at `end`: "80mph (129km/h)".
fn bracketed(text: &str, end: usize, second: &Claim) -> bool {
    let between = &text[end..second.span.start];
    let after = &text[second.span.end..];
    between.trim_matches([' ', '\u{a0}']) == "(" && after.trim_start_matches(' ').starts_with(')')
}

/// The verdict on `b`, written as the conversion of `a` (`a_text` as the article has it).
fn check(a: &QuantityDetails, b: &QuantityDetails, a_text: &str) -> Option<Verdict> {
    let (sa, sb) = (a.scale?, b.scale?);
    let (name_a, name_b) = (a.unit_name.as_deref()?, b.unit_name.as_deref()?);
    if sa.dimension != sb.dimension
        || name_a == name_b
        || matches!(sa.dimension, "currency" | "ratio")
        || AMBIGUOUS.contains(&name_a)
        || AMBIGUOUS.contains(&name_b)
        || a.value_max.is_some() != b.value_max.is_some()
    {
        return None;
    }
    let convert = |v: f64| {
        if sa.dimension == "temperature" {
            from_kelvin(name_b, to_kelvin(name_a, v)?)
        } else {
            Some(v * sa.factor / sb.factor)
        }
    };
    let mut pairs = vec![(convert(a.value)?, b.value)];
    if let (Some(x), Some(y)) = (a.value_max, b.value_max) {
        pairs.push((convert(x)?, y));
    }
    let unit_b = b.unit.as_deref().unwrap_or(name_b);
    let mut worst = Status::Supported;
    for &(expected, written) in &pairs {
        let slack = (precision(written) / 2.0).max(0.02 * expected.abs());
        let miss = (expected - written).abs();
        let status = if miss <= slack {
            Status::Supported
        } else if miss > (2.0 * slack).max(0.05 * expected.abs()) {
            Status::Contradicted
        } else {
            Status::Unverified
        };
        worst = worst.max(status);
    }
    // The conversion as written, and the figure's own conversion to one digit more than that.
    let expected = pairs
        .iter()
        .map(|&(e, w)| show(e, precision(w) / 10.0))
        .collect::<Vec<_>>()
        .join(" to ");
    let written = pairs
        .iter()
        .map(|&(_, w)| show(w, precision(w)))
        .collect::<Vec<_>>()
        .join(" to ");
    let (rule, confidence, explanation) = match worst {
        Status::Supported => (
            "quantity.conversion",
            0.95,
            format!("{a_text} is {expected} {unit_b}; the conversion says {written} {unit_b}."),
        ),
        Status::Contradicted => (
            "quantity.conversion-mismatch",
            0.9,
            format!(
                "{a_text} is {expected} {unit_b}, not the {written} {unit_b} the conversion says."
            ),
        ),
        Status::Unverified => (
            "quantity.conversion-borderline",
            0.0,
            format!(
                "{a_text} is {expected} {unit_b}; the conversion says {written} {unit_b}, a little \
                 more off than rounding explains."
            ),
        ),
    };
    Some(Verdict {
        status: worst,
        confidence,
        rule: rule.to_string(),
        explanation,
        evidence: vec![Evidence::computed(
            "unit conversion (claimcheck's unit table)",
            format!("{a_text} = {expected} {unit_b}"),
        )],
    })
}

/// The place value of the last significant digit of `v` as printed: 1 for 129, 10 for 60,
/// 0.01 for 1.93, a million for 528 million.
fn precision(v: f64) -> f64 {
    let v = v.abs();
    if v == 0.0 || !v.is_finite() {
        return 1.0;
    }
    if v.fract() != 0.0 {
        let printed = format!("{v}");
        let decimals = printed.split_once('.').map_or(0, |(_, d)| d.len());
        return 10f64.powi(-i32::try_from(decimals).unwrap_or(0));
    }
    let mut unit = 1.0;
    while unit < 1e18 && (v / (unit * 10.0)).fract() == 0.0 && v >= unit * 10.0 {
        unit *= 10.0;
    }
    unit
}

/// `v` rounded to a multiple of `step` (a power of ten) and printed as a reader would quote it:
/// thousands grouped, no trailing zeros after the point ("2,204.6", "1.9", "0.5").
fn show(v: f64, step: f64) -> String {
    if !v.is_finite() {
        return format!("{v}");
    }
    if step >= 1.0 {
        return group_thousands(((v / step).round() * step) as i64);
    }
    let decimals = usize::try_from((-step.log10()).round() as i64).unwrap_or(0);
    let printed = format!("{v:.decimals$}");
    let (whole, fraction) = printed.split_once('.').unwrap_or((&printed, ""));
    let whole: i64 = whole.parse().unwrap_or(0);
    let sign = if v < 0.0 && whole == 0 { "-" } else { "" };
    let fraction = fraction.trim_end_matches('0');
    if fraction.is_empty() {
        format!("{sign}{}", group_thousands(whole))
    } else {
        format!("{sign}{}.{fraction}", group_thousands(whole))
    }
}

/// `n` with commas between its thousands.
fn group_thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    if n < 0 { format!("-{out}") } else { out }
}

fn to_kelvin(name: &str, v: f64) -> Option<f64> {
    match name {
        "degree Celsius" => Some(v + 273.15),
        "degree Fahrenheit" => Some((v - 32.0) * 5.0 / 9.0 + 273.15),
        "kelvin" => Some(v),
        _ => None,
    }
}

fn from_kelvin(name: &str, k: f64) -> Option<f64> {
    match name {
        "degree Celsius" => Some(k - 273.15),
        "degree Fahrenheit" => Some((k - 273.15) * 9.0 / 5.0 + 32.0),
        "kelvin" => Some(k),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The verdicts on the claims `claimcheck-extract` finds in `text`, with the claims' text.
    fn verdicts(text: &str) -> Vec<(String, Status, String)> {
        let claims =
            claimcheck_extract::extract(text, &claimcheck_extract::ExtractOptions::default());
        conversions(text, &claims)
            .into_iter()
            .map(|(k, v)| (claims[k].text.clone(), v.status, v.rule))
            .collect()
    }

    fn one(text: &str) -> (Status, String) {
        let v = verdicts(text);
        assert_eq!(v.len(), 1, "one conversion in {text:?}: {v:?}");
        (v[0].1, v[0].2.clone())
    }

    #[test]
    fn conversions_that_round_right_hold() {
        for text in [
            "Gusts of 80mph (129km/h) are expected.",
            "Waves of up to 10 metres (33ft) hit the pier.",
            "The tower rises 300 feet (91 metres).",
            "The road is 100 km (60 miles) long.",
            "It is 5 km (3 miles) away.",
            "The lake holds 2 billion litres (2 million cubic metres).",
            "Temperatures reached 40°C (104°F) on Sunday.",
            "Temperatures of 40C (104F) are forecast.",
            "It weighs 2.5 kilograms (5.5 pounds).",
        ] {
            assert_eq!(
                one(text),
                (Status::Supported, "quantity.conversion".to_string()),
                "{text}"
            );
        }
    }

    #[test]
    fn conversions_that_do_not_are_contradicted() {
        for text in [
            "The bridge is 1.2 miles (3 km) long.",
            "Gusts of 80mph (80km/h) are expected.",
            "Temperatures reached 40°C (40°F).",
            "The tower rises 300 feet (300 metres).",
        ] {
            assert_eq!(
                one(text),
                (
                    Status::Contradicted,
                    "quantity.conversion-mismatch".to_string()
                ),
                "{text}"
            );
        }
        // Just outside rounding: 128.7 written as 125.
        assert_eq!(
            one("Gusts of 80mph (125km/h) are expected."),
            (
                Status::Unverified,
                "quantity.conversion-borderline".to_string()
            )
        );
    }

    #[test]
    fn only_a_bracketed_figure_of_the_same_dimension_is_a_conversion() {
        for text in [
            "Gusts of 80mph and 129km/h winds.",
            "It cost $5 million (4.6 million euros).",
            "Turnout was 60 percent (12 points up).",
            "The lake holds 2 billion litres (528 million gallons).",
            "The road is 100 km (two hours) long.",
            "The road is 100 km (60 km of it paved).",
            "The road is 100 km (60 miles of it paved) long.",
        ] {
            assert_eq!(verdicts(text), vec![], "{text}");
        }
    }

    #[test]
    fn precision_is_the_last_significant_digit() {
        assert_eq!(precision(129.0), 1.0);
        assert_eq!(precision(60.0), 10.0);
        assert_eq!(precision(528_000_000.0), 1_000_000.0);
        assert_eq!(precision(1.93), 0.01);
        assert_eq!(precision(0.5), 0.1);
        assert_eq!(show(128.748, 0.1), "128.7");
        assert_eq!(show(1.9312, 0.1), "1.9");
        assert_eq!(show(2204.62, 0.1), "2,204.6");
        assert_eq!(show(528_344_105.0, 100_000.0), "528,300,000");
        assert_eq!(show(0.5, 0.01), "0.5");
        assert_eq!(show(-0.44, 0.1), "-0.4");
        assert_eq!(show(-9.44, 1.0), "-9");
    }
}
