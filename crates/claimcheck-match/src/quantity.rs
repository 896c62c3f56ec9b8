//! A figure and its conversion in brackets ("gusts of 80mph (129km/h)", "1.2 miles (3 km)"):
//! the one is computed from the other, so the pair can be checked with no reference data.
//!
//! The verdict goes to the bracketed figure, the conversion a writer or an editor added. It is
//! supported when the conversion agrees with the figure to the precision it is written in: half
//! its last significant digit ("100 km (60 miles)" rounds 62.1 to the tens), but never more than
//! 10% of it, nor less than 2%; a temperature, whose scales have no common zero, to half its
//! last digit, kept between one and two and a half degrees. It is contradicted when it misses by
//! more than twice that and 5% (for a temperature, three degrees), unless the figure rounded to
//! as few digits as the conversion shows is the conversion ("1 mile (2km)"), and unverified in
//! between. A temperature is converted as a difference, without the scales' offset, where the
//! words beside it say it is one ("warming of 1.5C (2.7F)", "rose by", "above the average").
//! Currencies (rates move), ratios, computer storage (binary or decimal prefixes) and the units
//! whose size depends on the country (gallons, tons, pints, cups, fluid ounces) are not
//! compared, nor a figure that is the second part of a compound ("11st 4lb (72kg)") or follows
//! "minus" or a dash, which the extractor does not read as a sign.

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
        if first.span.end > second.span.start
            || !bracketed(text, first.span.end, second)
            || !stands_alone(&text[..first.span.start])
        {
            continue;
        }
        let change = names_a_change(&text[..first.span.start], &text[second.span.end..]);
        if let Some(verdict) = check(a, b, &first.text, change) {
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

/// Whether the words around a temperature and its conversion say it is a change or a
/// difference ("warming of 1.5C (2.7F)", "rose by 2C (3.6F)", "10C (18F) above the average"),
/// which converts without the scales' offset: the two words before the figure and the two after
/// the bracket.
fn names_a_change(before: &str, after: &str) -> bool {
    /// Words that make a temperature beside them a difference.
    const MARKS: &[&str] = &[
        "by", "warming", "warmer", "cooler", "colder", "hotter", "above", "below", "higher",
        "lower",
    ];
    /// Nouns of a change, before "of": "a rise of 2C".
    const CHANGES: &[&str] = &[
        "rise", "fall", "drop", "increase", "decrease", "warming", "cooling", "change",
    ];
    let clean = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase()
    };
    let words_before: Vec<String> = before.split_whitespace().rev().take(2).map(clean).collect();
    let after = after.trim_start_matches([' ', ')']);
    let marked = |w: &String| MARKS.contains(&w.as_str());
    // "by" after the bracket is a time ("fell to 3C (37F) by the final whistle"), and a
    // figure after "to" a level reached, unless a mark after it says otherwise ("limit warming
    // to 1.5C (2.7F) above pre-industrial levels").
    let marked_after = after
        .split_whitespace()
        .take(2)
        .map(clean)
        .any(|w| w != "by" && marked(&w));
    if marked_after {
        return true;
    }
    if words_before.first().is_some_and(|w| w == "to") {
        return false;
    }
    words_before.iter().any(marked)
        || matches!(words_before.as_slice(), [of, noun] if of == "of" && CHANGES.contains(&noun.as_str()))
}

/// Whether a figure after `before` is read whole: not the second part of a compound ("11st
/// 4lb", the word before it starting with a digit) nor after "minus" or "negative", which the
/// extractor leaves out of the value.
fn stands_alone(before: &str) -> bool {
    let last = before
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    // A dash just before the figure may be a minus sign the extractor left out.
    !(last.starts_with(|c: char| c.is_ascii_digit())
        || before.ends_with(['\u{2013}', '\u{2014}'])
        || last.eq_ignore_ascii_case("minus")
        || last.eq_ignore_ascii_case("negative"))
}

/// The verdict on `b`, written as the conversion of `a` (`a_text` as the article has it).
fn check(a: &QuantityDetails, b: &QuantityDetails, a_text: &str, change: bool) -> Option<Verdict> {
    let (sa, sb) = (a.scale?, b.scale?);
    let (name_a, name_b) = (a.unit_name.as_deref()?, b.unit_name.as_deref()?);
    if sa.dimension != sb.dimension
        || name_a == name_b
        || matches!(sa.dimension, "currency" | "ratio" | "information")
        || AMBIGUOUS.contains(&name_a)
        || AMBIGUOUS.contains(&name_b)
        || a.value_max.is_some() != b.value_max.is_some()
    {
        return None;
    }
    let temperature = sa.dimension == "temperature";
    // A figure's conversion: a temperature as a reading, or as a difference where the words
    // around it name a change.
    let (zero_a, degree_a) = if temperature {
        scale(name_a)?
    } else {
        (0.0, sa.factor)
    };
    let (zero_b, degree_b) = if temperature {
        scale(name_b)?
    } else {
        (0.0, sb.factor)
    };
    let convert = |v: f64| {
        if temperature && !change {
            (v * degree_a + zero_a - zero_b) / degree_b
        } else {
            v * degree_a / degree_b
        }
    };
    let mut pairs = vec![(convert(a.value), b.value)];
    if let (Some(x), Some(y)) = (a.value_max, b.value_max) {
        pairs.push((convert(x), y));
    }
    // A range is as good as its worse end.
    let worst = pairs
        .iter()
        .map(|&(expected, written)| judge(expected, written, temperature))
        .max_by_key(|&s| severity(s))?;
    let unit_b = b.unit.as_deref().unwrap_or(name_b);
    // The conversion as written, and the figure's own conversion to one digit more than that.
    let expected = pairs
        .iter()
        .map(|&(e, w)| show(e, (precision(w) / 10.0).min(three_digits(e))))
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

/// How badly a verdict speaks of the conversion: supported, too close to call, wrong.
fn severity(status: Status) -> u8 {
    match status {
        Status::Supported => 0,
        Status::Unverified => 1,
        Status::Contradicted => 2,
    }
}

/// Whether `written` is `expected` to the precision it is written in (see the module's notes).
fn judge(expected: f64, written: f64, temperature: bool) -> Status {
    let miss = (expected - written).abs();
    let (slack, wrong) = if temperature {
        let slack = (precision(written) / 2.0).clamp(1.0, 2.5);
        (slack, (2.0 * slack).max(3.0))
    } else {
        let size = expected.abs();
        let slack = (precision(written) / 2.0).min(0.1 * size).max(0.02 * size);
        (slack, (2.0 * slack).max(0.05 * size))
    };
    if miss <= slack {
        Status::Supported
    } else if miss <= wrong || rounds_to(expected, written) {
        // A figure rounded to as few digits as the conversion has ("1 mile (2km)") is rough,
        // not wrong.
        Status::Unverified
    } else {
        Status::Contradicted
    }
}

/// Whether `expected`, rounded to as many significant digits as `written` shows, is `written`:
/// 1.61 to one digit is 2, 128.7 is 100; 61 to one digit is 60, not 100.
fn rounds_to(expected: f64, written: f64) -> bool {
    if written == 0.0 || expected == 0.0 || !expected.is_finite() {
        return false;
    }
    let digits = written.abs().log10().floor() - precision(written).log10().round() + 1.0;
    let step = 10f64.powf(expected.abs().log10().floor() - digits + 1.0);
    ((expected / step).round() * step - written).abs() <= written.abs() * 1e-9
}

/// The place value of the third significant digit of `v`: 0.1 for 62.14, 10 for 2,414.
fn three_digits(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return 1.0;
    }
    10f64.powi(v.abs().log10().floor() as i32 - 2)
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

/// A temperature scale's zero and the size of its degree, in kelvins.
fn scale(name: &str) -> Option<(f64, f64)> {
    match name {
        "degree Celsius" => Some((273.15, 1.0)),
        "degree Fahrenheit" => Some((273.15 - 32.0 * 5.0 / 9.0, 5.0 / 9.0)),
        "kelvin" => Some((0.0, 1.0)),
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
            "The aim is to limit warming to 1.5C (2.7F) above pre-industrial levels.",
            "It was 10C (18F) above the seasonal average.",
            "Temperatures have risen by about 1.1C (2F).",
            "A rise of 2C (3.6F) would flood the delta.",
            "Temperatures rose to 30C (86F) on Friday.",
            "The temperature fell to 3C (37F) by the final whistle.",
            "Lows of -5C (23F) are expected.",
            "Speeds of 70 to 80mph (113 to 129km/h) were recorded.",
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
            // A round conversion is held to a tenth of the figure at most.
            "The road is 10 miles (10 km) long.",
            "It is 200 feet (100 metres) tall.",
            // The offset forgotten: no word says it is a change.
            "Temperatures reached 40C (72F) on Sunday.",
            "Temperatures fell to 0C (0F) overnight.",
            "Temperatures could reach 10C (100F) today.",
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
        // Just outside rounding: 128.7 written as 125, 104 degrees as 106.
        for text in [
            "Gusts of 80mph (125km/h) are expected.",
            "Temperatures of 40C (106F) are forecast.",
        ] {
            assert_eq!(
                one(text),
                (
                    Status::Unverified,
                    "quantity.conversion-borderline".to_string()
                ),
                "{text}"
            );
        }
        assert_eq!(
            one("Temperatures of 40C (109F) are forecast.").0,
            Status::Contradicted
        );
        // A sign written as a word converts with the figure.
        assert_eq!(
            one("Lows of minus 5C (23F) are expected.").0,
            Status::Supported
        );
        // Rounded to as few digits as the conversion shows: rough, not wrong.
        for text in [
            "The path runs 1 mile (2km).",
            "Gusts of 80mph (100km/h) hit.",
        ] {
            assert_eq!(one(text).0, Status::Unverified, "{text}");
        }
        assert!(rounds_to(1.609, 2.0) && rounds_to(128.7, 100.0) && rounds_to(0.047, 0.05));
        assert!(!rounds_to(60.96, 100.0) && !rounds_to(16.09, 10.0) && !rounds_to(1.93, 3.0));
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
            "The drive holds 1TB (1,024GB).",
            // The second part of a compound.
            "She weighed 11st 4lb (72kg) at the weigh-in.",
            "Lows of \u{2013}5C (23F) are expected.",
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
