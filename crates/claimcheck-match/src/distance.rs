//! Distances measured with the bundled gazetteer and borders: geodesics on WGS84 between
//! places, or from a place to the nearest point of a country's border.

use claimcheck_core::{Claim, Comparator, DistanceDetails, Evidence, Mode, Status, Verdict};
use claimcheck_geo::{BorderDistance, Country, Place, Resolved, gazetteer, geodesic_km};

use crate::unverified;

/// How far a measured distance may stray from a claim before the verdict changes. Representative
/// points (a city's GeoNames point) stand for places that are kilometres wide, so every test
/// allows an absolute slack as well as a relative one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tolerances {
    /// An upper bound is contradicted only when the distance exceeds it by more than this
    /// fraction of the bound (and a lower bound, mirrored, when it falls short by more).
    pub bound: f64,
    /// Kilometres added to the bound tolerance.
    pub bound_km: f64,
    /// An upper bound is noted as loose when the distance is below this fraction of it (and a
    /// lower bound when the distance is above the bound divided by it).
    pub loose: f64,
    /// An approximate distance is supported within this fraction of the claimed value.
    pub approx: f64,
    /// An approximate distance is contradicted beyond this fraction; between the two it is
    /// borderline and stays unverified.
    pub approx_contradicted: f64,
    /// Kilometres within which an approximate distance is supported whatever its size, so
    /// "about 5 km" is not contradicted by a city's width. Contradiction needs twice as much.
    pub approx_km: f64,
}

/// Default tolerance on bounds: 5%.
pub const DEFAULT_BOUND: f64 = 0.05;
/// Default absolute slack on bounds: 2 km.
pub const DEFAULT_BOUND_KM: f64 = 2.0;
/// Default: a bound is loose when the distance is under half of it.
pub const DEFAULT_LOOSE: f64 = 0.5;
/// Default tolerance on approximate distances: 15% supported.
pub const DEFAULT_APPROX: f64 = 0.15;
/// Default: approximate distances off by more than 30% are contradicted.
pub const DEFAULT_APPROX_CONTRADICTED: f64 = 0.30;
/// Default absolute slack on approximate distances: 2 km.
pub const DEFAULT_APPROX_KM: f64 = 2.0;

impl Default for Tolerances {
    fn default() -> Self {
        Tolerances {
            bound: DEFAULT_BOUND,
            bound_km: DEFAULT_BOUND_KM,
            loose: DEFAULT_LOOSE,
            approx: DEFAULT_APPROX,
            approx_contradicted: DEFAULT_APPROX_CONTRADICTED,
            approx_km: DEFAULT_APPROX_KM,
        }
    }
}

const GEODESIC: &str = "geodesic on WGS84 (Karney, geographiclib)";

/// The verdict on a distance claim, and the distance measured (km, to 0.1 km) when one was.
/// `context_countries` are the countries the article names (codes or names); they settle
/// ambiguous place names.
pub(crate) fn check(
    claim: &Claim,
    details: &DistanceDetails,
    context_countries: &[String],
) -> (Verdict, Option<f64>) {
    check_with(claim, details, context_countries, &Tolerances::default())
}

/// [`check`] with explicit tolerances.
pub(crate) fn check_with(
    claim: &Claim,
    details: &DistanceDetails,
    context_countries: &[String],
    tolerances: &Tolerances,
) -> (Verdict, Option<f64>) {
    if details.mode != Mode::Straight {
        let mode = match details.mode {
            Mode::Road => "road",
            Mode::Rail => "rail",
            Mode::Flight => "flight",
            Mode::Straight => "straight-line",
        };
        return (
            unverified(
                "distance.mode-unsupported",
                format!(
                    "a {mode} distance depends on the route, which the bundled data does not \
                     have (it gives straight-line distances only); a route planner or a source \
                     stating the {mode} distance would settle it"
                ),
            ),
            None,
        );
    }
    if !(details.claimed_km.is_finite() && details.claimed_km >= 0.0) {
        return (
            unverified(
                "distance.unknown-place",
                format!("no distance could be read from \"{}\"", claim.text),
            ),
            None,
        );
    }
    let context: Vec<&str> = context_countries.iter().map(String::as_str).collect();
    let (from_name, to_name) = match (details.from.as_deref(), details.to.as_deref()) {
        (Some(from), Some(to)) => (from, to),
        (None, Some(to)) => {
            return (
                unverified(
                    "distance.unknown-place",
                    format!("the claim does not say what is that far from {to}"),
                ),
                None,
            );
        }
        (Some(from), None) => {
            return (
                unverified(
                    "distance.unknown-place",
                    format!("the claim does not say what {from} is measured from"),
                ),
                None,
            );
        }
        (None, None) => {
            return (
                unverified(
                    "distance.unknown-place",
                    "the claim names neither end of the distance",
                ),
                None,
            );
        }
    };
    let g = gazetteer();
    let Some(from) = g.resolve(from_name, &context) else {
        return (unknown(from_name), None);
    };
    let Some(to) = g.resolve(to_name, &context) else {
        return (unknown(to_name), None);
    };
    let from = End::new(from, from_name, &context);
    let to = End::new(to, to_name, &context);
    // Measure from a point; when the claim puts the border first ("the border is 50 km from
    // Seoul"), measure from the other end.
    let (point, target) = match (&from, &to) {
        (End::Point { .. }, _) => (from, to),
        (_, End::Point { .. }) => (to, from),
        _ => {
            return (
                unverified(
                    "distance.unknown-place",
                    format!(
                        "neither {from_name} nor {to_name} is a place with a position: a distance \
                         between two countries is not one number"
                    ),
                ),
                None,
            );
        }
    };
    let End::Point { place, how } = point else {
        return (unknown(from_name), None);
    };
    let mut evidence = vec![place_evidence(&place, &how)];
    // The two places measured, when both are points: asked, only for a far-off contradiction,
    // whether they may not be the ones meant.
    let mut pair = None;
    let measurement = match target {
        End::Point {
            place: other,
            how: other_how,
        } => {
            evidence.push(place_evidence(&other, &other_how));
            pair = Some((place, other));
            let km = geodesic_km(place.position(), other.position());
            Measurement {
                km,
                sentence: format!("{} is {} from {}", place.name, fmt_km(km), other.name),
            }
        }
        End::Area { country, border } => {
            let Some(d) = claimcheck_geo::distance_to_border_km(place.position(), country.iso2)
            else {
                return (
                    unverified(
                        "distance.unknown-place",
                        format!(
                            "{} has no boundary in the bundled Natural Earth data, so the \
                             distance from {} cannot be measured",
                            country.name, place.name
                        ),
                    ),
                    None,
                );
            };
            evidence.push(border_evidence(&country, &d));
            Measurement {
                km: d.km,
                sentence: border_sentence(&place, &country, &d, border),
            }
        }
        End::Shared(a, b) => {
            let Some(d) = claimcheck_geo::borders().distance_to_shared_border(
                place.position(),
                a.iso2,
                b.iso2,
            ) else {
                return (
                    unverified(
                        "distance.unknown-place",
                        format!(
                            "{} and {} share no border in the bundled Natural Earth data",
                            a.name, b.name
                        ),
                    ),
                    None,
                );
            };
            evidence.push(shared_border_evidence(&a, &b, &d));
            Measurement {
                km: d.km,
                sentence: format!(
                    "{} is {} from the nearest point of the border between {} and {}",
                    place.name,
                    fmt_km(d.km),
                    a.name,
                    b.name
                ),
            }
        }
    };
    let km = (measurement.km * 10.0).round() / 10.0;
    evidence.push(Evidence::computed(
        GEODESIC,
        format!("{} km", fmt_km_bare(km)),
    ));
    let verdict = judge(details, &measurement, tolerances, evidence);
    if verdict.status == Status::Contradicted
        && far_off(details.claimed_km, km)
        && let Some((a, b)) = pair
        && let Some(why) = ambiguous_pair(&a, from_name, &b, to_name, &context, details.claimed_km)
    {
        return (
            Verdict {
                status: Status::Unverified,
                confidence: 0.5,
                rule: "distance.ambiguous-place".into(),
                explanation: format!(
                    "{}, {:.0} times the {} the claim says: {why}",
                    measurement.sentence,
                    ratio(details.claimed_km, km),
                    fmt_km(details.claimed_km)
                ),
                evidence: verdict.evidence,
            },
            Some(km),
        );
    }
    (verdict, Some(km))
}

/// Whether a measured distance is so far from the claimed one (five times either way) that a
/// wrong place is likelier than a wrong figure.
fn far_off(claimed: f64, measured: f64) -> bool {
    ratio(claimed, measured) >= 5.0
}

/// The larger of two distances over the smaller.
fn ratio(claimed: f64, measured: f64) -> f64 {
    let (lo, hi) = if claimed < measured {
        (claimed, measured)
    } else {
        (measured, claimed)
    };
    if lo <= 0.0 { f64::INFINITY } else { hi / lo }
}

/// Why the two places measured may not be the ones the text means: another place of one of
/// the names lies at about the claimed distance (within a factor of two) from a place of the
/// other ("Geneva", Illinois, for a distance from Chicago), or the two are in different
/// countries the article does not name and one has under 200,000 people (a town too small for
/// the gazetteer, measured as its larger namesake abroad).
fn ambiguous_pair(
    a: &Place,
    a_written: &str,
    b: &Place,
    b_written: &str,
    context: &[&str],
    claimed_km: f64,
) -> Option<String> {
    let g = gazetteer();
    let or_chosen = |written: &str, chosen: &Place| {
        let mut all = g.candidates(written);
        all.truncate(12);
        if all.is_empty() {
            all.push(*chosen);
        }
        all
    };
    let (froms, tos) = (or_chosen(a_written, a), or_chosen(b_written, b));
    let near_claim = froms.iter().find_map(|x| {
        tos.iter()
            .filter(|y| (x.geonameid, y.geonameid) != (a.geonameid, b.geonameid))
            .find(|y| ratio(claimed_km, geodesic_km(x.position(), y.position())) <= 2.0)
            .map(|y| (x, y))
    });
    if let Some((x, y)) = near_claim {
        return Some(format!(
            "{}, {} and {}, {} are about that far apart, and the text may mean them",
            x.name, x.country, y.name, y.country
        ));
    }
    let named = |p: &Place| {
        context
            .iter()
            .filter_map(|c| g.country(c))
            .any(|c| c.iso2 == p.country)
    };
    // Only where one of the places is a town small enough for the one meant to be a namesake
    // the gazetteer lacks: two large cities far off are a wrong figure ("London is 30 miles
    // from Paris").
    let small = a.population.min(b.population) < 200_000;
    (small && a.country != b.country && !(named(a) && named(b))).then(|| {
        format!(
            "{} and {} are in different countries the article does not name, and the text \
                 may mean a place the bundled gazetteer lacks (it holds places of 15,000 people \
                 or more)",
            a.name, b.name
        )
    })
}

/// One end of the distance once resolved: a point (a place, a capital), or a country's area or
/// border, to which the distance is measured from a point.
enum End {
    Point { place: Place, how: String },
    Area { country: Country, border: bool },
    Shared(Country, Country),
}

impl End {
    fn new(resolved: Resolved, written: &str, context: &[&str]) -> End {
        match resolved {
            Resolved::Place(place) => End::Point {
                how: choice_note(&place, written, context),
                place,
            },
            Resolved::Capital(place) => End::Point {
                how: format!("\"{written}\" read as the capital, {}", place.name),
                place,
            },
            Resolved::Country(country) => End::Area {
                country,
                border: false,
            },
            Resolved::Border(country) => End::Area {
                country,
                border: true,
            },
            Resolved::SharedBorder(a, b) => End::Shared(a, b),
        }
    }
}

/// Why this place was chosen when the name has others: the article's countries, or population.
fn choice_note(place: &Place, written: &str, context: &[&str]) -> String {
    let others: Vec<Place> = gazetteer()
        .candidates(written)
        .into_iter()
        .filter(|p| p.geonameid != place.geonameid)
        .collect();
    if others.is_empty() {
        return String::new();
    }
    let listed: Vec<String> = others
        .iter()
        .take(3)
        .map(|p| format!("{}, {} (population {})", p.name, p.country, p.population))
        .collect();
    let context_codes: Vec<&str> = context
        .iter()
        .filter_map(|c| gazetteer().country(c))
        .map(|c| c.iso2)
        .collect();
    let by = if context_codes.contains(&place.country)
        && !others.iter().all(|o| context_codes.contains(&o.country))
    {
        "the article names its country"
    } else {
        "largest population"
    };
    format!(
        "chosen by {by} over {}{}",
        listed.join("; "),
        if others.len() > 3 { "; ..." } else { "" }
    )
}

fn unknown(name: &str) -> Verdict {
    unverified(
        "distance.unknown-place",
        format!(
            "\"{name}\" is not in the bundled gazetteer (GeoNames places of 15,000 people or \
             more, countries, their borders and capitals); its coordinates would settle it"
        ),
    )
}

struct Measurement {
    km: f64,
    /// "Vladivostok is 124 km from the nearest point of North Korea's border".
    sentence: String,
}

fn border_sentence(place: &Place, country: &Country, d: &BorderDistance, border: bool) -> String {
    let whose = possessive(country.name);
    if d.inside {
        format!(
            "{} is inside {} (its nearest border point is {} away), so the distance counts as 0 km",
            place.name,
            country.name,
            fmt_km(d.boundary_km)
        )
    } else if border {
        format!(
            "{} is {} from the nearest point of {whose} border",
            place.name,
            fmt_km(d.km)
        )
    } else {
        format!(
            "{} is {} from {} (its nearest border point)",
            place.name,
            fmt_km(d.km),
            country.name
        )
    }
}

fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

fn place_evidence(place: &Place, how: &str) -> Evidence {
    let mut e = Evidence::computed(
        format!(
            "corpora/geo: GeoNames {} ({}, {})",
            place.geonameid, place.name, place.country
        ),
        format!("{:.4}, {:.4}", place.lat, place.lon),
    );
    if !how.is_empty() {
        e.passage = Some(how.to_string());
    }
    e.point = Some([place.lat, place.lon]);
    e
}

fn border_evidence(country: &Country, d: &BorderDistance) -> Evidence {
    let name = country.natural_earth_name.unwrap_or(country.name);
    let value = if d.inside {
        format!(
            "contains the point; nearest border point {:.2}, {:.2}",
            d.nearest.0, d.nearest.1
        )
    } else {
        format!(
            "nearest border point {:.2}, {:.2}",
            d.nearest.0, d.nearest.1
        )
    };
    Evidence {
        point: Some([d.nearest.0, d.nearest.1]),
        ..Evidence::computed(
            format!("corpora/geo: Natural Earth 1:10m admin-0 ({name})"),
            value,
        )
    }
}

fn shared_border_evidence(a: &Country, b: &Country, d: &BorderDistance) -> Evidence {
    let name = |c: &Country| c.natural_earth_name.unwrap_or(c.name);
    Evidence::computed(
        format!(
            "corpora/geo: Natural Earth 1:10m admin-0 (the boundary {} and {} share)",
            name(a),
            name(b)
        ),
        format!(
            "nearest border point {:.2}, {:.2}",
            d.nearest.0, d.nearest.1
        ),
    )
    .with_point([d.nearest.0, d.nearest.1])
}

/// The verdict for a measured distance under the claim's comparator.
fn judge(
    details: &DistanceDetails,
    m: &Measurement,
    t: &Tolerances,
    evidence: Vec<Evidence>,
) -> Verdict {
    let claimed = details.claimed_km;
    let said = claim_words(details);
    let measured = m.km;
    let verdict = |status: Status, rule: &str, confidence: f64, tail: String| Verdict {
        status,
        confidence,
        rule: rule.to_string(),
        explanation: format!("{}; the claim says {said}{tail}.", m.sentence),
        evidence: evidence.clone(),
    };
    let bound_slack = |bound: f64| bound * t.bound + t.bound_km;
    match details.comparator {
        Comparator::Lt | Comparator::Le => {
            if measured <= claimed {
                let loose = measured < claimed * t.loose;
                let tail = if loose { " (the bound is loose)" } else { "" };
                verdict(Status::Supported, "distance.bound", 0.97, tail.into())
            } else if measured > claimed + bound_slack(claimed) {
                verdict(
                    Status::Contradicted,
                    "distance.contradicted",
                    0.9,
                    format!(", but it is {} over", fmt_km(measured - claimed)),
                )
            } else {
                verdict(
                    Status::Unverified,
                    "distance.borderline",
                    0.0,
                    ": just over, within the tolerance of representative points (a \
                     measurement between the exact places meant would settle it)"
                        .into(),
                )
            }
        }
        Comparator::Gt | Comparator::Ge => {
            if measured >= claimed {
                let loose = t.loose > 0.0 && measured > claimed / t.loose;
                let tail = if loose { " (the bound is loose)" } else { "" };
                verdict(Status::Supported, "distance.bound", 0.97, tail.into())
            } else if measured < claimed - bound_slack(claimed) {
                verdict(
                    Status::Contradicted,
                    "distance.contradicted",
                    0.9,
                    format!(", but it is {} short", fmt_km(claimed - measured)),
                )
            } else {
                verdict(
                    Status::Unverified,
                    "distance.borderline",
                    0.0,
                    ": just under, within the tolerance of representative points (a \
                     measurement between the exact places meant would settle it)"
                        .into(),
                )
            }
        }
        Comparator::Between => {
            let hi = upper_km(details).unwrap_or(claimed);
            let (lo, hi) = (claimed.min(hi), claimed.max(hi));
            if (lo..=hi).contains(&measured) {
                verdict(Status::Supported, "distance.bound", 0.95, String::new())
            } else if measured < lo - bound_slack(lo) || measured > hi + bound_slack(hi) {
                verdict(
                    Status::Contradicted,
                    "distance.contradicted",
                    0.9,
                    String::new(),
                )
            } else {
                verdict(
                    Status::Unverified,
                    "distance.borderline",
                    0.0,
                    ": just outside the range, within the tolerance of representative points"
                        .into(),
                )
            }
        }
        Comparator::Approx | Comparator::Eq => {
            let off = (measured - claimed).abs();
            let pct = if claimed > 0.0 {
                format!(" ({:.0}% off)", 100.0 * off / claimed)
            } else {
                String::new()
            };
            if off <= (claimed * t.approx).max(t.approx_km) {
                verdict(Status::Supported, "distance.approx", 0.9, String::new())
            } else if off > (claimed * t.approx_contradicted).max(2.0 * t.approx_km) {
                verdict(
                    Status::Contradicted,
                    "distance.contradicted",
                    0.9,
                    format!(", but the distance is {}{pct}", fmt_km(measured)),
                )
            } else {
                verdict(
                    Status::Unverified,
                    "distance.borderline",
                    0.0,
                    format!(
                        "{pct}: between the {:.0}% an approximation allows and the {:.0}% that \
                         would contradict it",
                        100.0 * t.approx,
                        100.0 * t.approx_contradicted
                    ),
                )
            }
        }
    }
}

/// The upper value of a `between` claim in kilometres, by the claim's own unit conversion.
fn upper_km(details: &DistanceDetails) -> Option<f64> {
    let max = details.value_max?;
    (details.value > 0.0).then(|| max * details.claimed_km / details.value)
}

/// The claim's words for its comparator and value: "under 500 km", "about 300 miles (483 km)".
fn claim_words(details: &DistanceDetails) -> String {
    let unit = details.unit.trim();
    let is_km = matches!(
        unit.to_ascii_lowercase().as_str(),
        "km" | "kilometers" | "kilometres" | "kilometer" | "kilometre"
    );
    let with_km = |value: f64, km: f64| {
        if is_km {
            format!("{} {unit}", fmt_number(value))
        } else {
            format!("{} {unit} ({})", fmt_number(value), fmt_km(km))
        }
    };
    let value = with_km(details.value, details.claimed_km);
    match details.comparator {
        Comparator::Lt => format!("under {value}"),
        Comparator::Le => format!("at most {value}"),
        Comparator::Gt => format!("over {value}"),
        Comparator::Ge => format!("at least {value}"),
        Comparator::Approx => format!("about {value}"),
        Comparator::Eq => value,
        Comparator::Between => match (details.value_max, upper_km(details)) {
            (Some(max), Some(max_km)) => format!(
                "between {} and {}",
                fmt_number(details.value),
                with_km(max, max_km)
            ),
            _ => value,
        },
    }
}

fn fmt_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

/// Kilometres as a reader wants them: one decimal under 10 km, whole kilometres above.
fn fmt_km(km: f64) -> String {
    format!("{} km", fmt_km_bare(km))
}

fn fmt_km_bare(km: f64) -> String {
    if km < 10.0 {
        format!("{km:.1}")
    } else {
        format!("{km:.0}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimcheck_core::{Details, Span};

    fn details(
        from: &str,
        to: &str,
        comparator: Comparator,
        value: f64,
        unit: &str,
        claimed_km: f64,
    ) -> DistanceDetails {
        DistanceDetails {
            from: Some(from.to_string()),
            to: Some(to.to_string()),
            comparator,
            value,
            value_max: None,
            unit: unit.to_string(),
            claimed_km,
            mode: Mode::Straight,
            measured_km: None,
        }
    }

    fn run(d: &DistanceDetails, context: &[&str]) -> (Verdict, Option<f64>) {
        let text = "the claim";
        let claim = Claim::new(
            text,
            Span::new(0, text.len()),
            Details::Distance(Box::new(d.clone())),
        );
        let context: Vec<String> = context.iter().map(|s| s.to_string()).collect();
        check(&claim, d, &context)
    }

    /// One table row: the claim, and the expected status and rule.
    fn expect(d: DistanceDetails, context: &[&str], status: Status, rule: &str) -> Verdict {
        let (v, _) = run(&d, context);
        assert_eq!(
            (v.status, v.rule.as_str()),
            (status, rule),
            "{d:?}: {}",
            v.explanation
        );
        v
    }

    #[test]
    fn vladivostok_is_under_500_km_from_the_north_korean_border() {
        let d = details(
            "Vladivostok",
            "the North Korean border",
            Comparator::Lt,
            500.0,
            "kilometers",
            500.0,
        );
        let (v, km) = run(&d, &["North Korea", "Russia"]);
        assert_eq!(v.status, Status::Supported);
        assert_eq!(v.rule, "distance.bound");
        let km = km.expect("measured");
        assert!((115.0..135.0).contains(&km), "{km}");
        assert_eq!(
            v.explanation,
            "Vladivostok is 124 km from the nearest point of North Korea's border; the claim \
             says under 500 kilometers (the bound is loose)."
        );
        assert!(
            v.evidence[0]
                .source
                .contains("GeoNames 2013348 (Vladivostok, RU)")
        );
        assert_eq!(v.evidence[0].value.as_deref(), Some("43.1056, 131.8735"));
        assert!(
            v.evidence[1]
                .source
                .contains("Natural Earth 1:10m admin-0 (North Korea)")
        );
        assert!(
            v.evidence[1]
                .value
                .as_deref()
                .is_some_and(|s| s.starts_with("nearest border point 42."))
        );
    }

    #[test]
    fn bounds() {
        let d = |c, v| details("Vladivostok", "the border with North Korea", c, v, "km", v);
        expect(
            d(Comparator::Lt, 150.0),
            &[],
            Status::Supported,
            "distance.bound",
        );
        expect(
            d(Comparator::Lt, 100.0),
            &[],
            Status::Contradicted,
            "distance.contradicted",
        );
        // 124 km against "under 120 km" is within 5% + 2 km of the bound.
        expect(
            d(Comparator::Lt, 120.0),
            &[],
            Status::Unverified,
            "distance.borderline",
        );
        expect(
            d(Comparator::Gt, 100.0),
            &[],
            Status::Supported,
            "distance.bound",
        );
        expect(
            d(Comparator::Ge, 200.0),
            &[],
            Status::Contradicted,
            "distance.contradicted",
        );
        let v = expect(
            d(Comparator::Gt, 20.0),
            &[],
            Status::Supported,
            "distance.bound",
        );
        assert!(v.explanation.contains("(the bound is loose)"));
    }

    #[test]
    fn approximations() {
        // Paris to Berlin is 881 km between their GeoNames points.
        let d = |v| details("Paris", "Berlin", Comparator::Approx, v, "km", v);
        expect(d(880.0), &[], Status::Supported, "distance.approx");
        expect(d(1000.0), &[], Status::Supported, "distance.approx");
        expect(d(700.0), &[], Status::Unverified, "distance.borderline");
        let v = expect(d(500.0), &[], Status::Contradicted, "distance.contradicted");
        assert_eq!(
            v.explanation,
            "Paris is 881 km from Berlin; the claim says about 500 km, but the distance is \
             881 km (76% off)."
        );
        let eq = details("Paris", "Berlin", Comparator::Eq, 880.0, "km", 880.0);
        expect(eq, &[], Status::Supported, "distance.approx");
    }

    #[test]
    fn miles_are_shown_with_km() {
        let d = details("Paris", "Berlin", Comparator::Approx, 545.0, "miles", 877.1);
        let v = expect(d, &[], Status::Supported, "distance.approx");
        assert!(
            v.explanation.contains("about 545 miles (877 km)"),
            "{}",
            v.explanation
        );
    }

    #[test]
    fn between() {
        let mut d = details("Paris", "Berlin", Comparator::Between, 800.0, "km", 800.0);
        d.value_max = Some(900.0);
        expect(d.clone(), &[], Status::Supported, "distance.bound");
        d.value_max = Some(800.0);
        d.value = 600.0;
        d.claimed_km = 600.0;
        expect(d, &[], Status::Contradicted, "distance.contradicted");
    }

    #[test]
    fn road_rail_and_flight_are_unverified() {
        for mode in [Mode::Road, Mode::Rail, Mode::Flight] {
            let mut d = details("Paris", "Berlin", Comparator::Approx, 1050.0, "km", 1050.0);
            d.mode = mode;
            let (v, km) = run(&d, &[]);
            assert_eq!(v.rule, "distance.mode-unsupported");
            assert_eq!(v.status, Status::Unverified);
            assert!(v.explanation.contains("straight-line distances only"));
            assert_eq!(km, None);
        }
    }

    #[test]
    fn unknown_places_are_named() {
        let d = details("Xyzzyville", "Paris", Comparator::Lt, 10.0, "km", 10.0);
        let v = expect(d, &[], Status::Unverified, "distance.unknown-place");
        assert!(
            v.explanation.contains("\"Xyzzyville\""),
            "{}",
            v.explanation
        );
    }

    #[test]
    fn geneva_is_resolved_from_the_article_countries() {
        let d = details("Geneva", "Chicago", Comparator::Approx, 60.0, "km", 60.0);
        let v = expect(
            d.clone(),
            &["United States"],
            Status::Supported,
            "distance.approx",
        );
        assert!(v.evidence[0].source.contains("Geneva, US"));
        let note = v.evidence[0].passage.as_deref().unwrap_or("");
        assert!(note.contains("the article names its country"), "{note}");
        // Without the article's country, the larger Geneva is measured, about 6,900 km from
        // Chicago: far enough off that the other place of the name is likelier than a wrong
        // figure.
        let v = expect(d, &[], Status::Unverified, "distance.ambiguous-place");
        assert!(v.evidence[0].source.contains("Geneva, CH"));
        assert!(
            v.explanation.contains("Geneva, US and Chicago, US"),
            "{}",
            v.explanation
        );
    }

    #[test]
    fn a_far_off_figure_between_unambiguous_places_is_contradicted() {
        // Paris to Lyon is about 390 km: one name each, one country.
        let d = details("Lyon", "Paris", Comparator::Approx, 50.0, "km", 50.0);
        expect(d, &[], Status::Contradicted, "distance.contradicted");
        // Two large cities of two countries, far off: a wrong figure, not a namesake.
        let d = details("London", "Paris", Comparator::Approx, 30.0, "miles", 48.28);
        expect(d, &[], Status::Contradicted, "distance.contradicted");
        // A town measured as its namesake abroad: Whitby, Ontario, for the English one.
        let d = details("Whitby", "York", Comparator::Approx, 47.0, "miles", 75.64);
        expect(d, &[], Status::Unverified, "distance.ambiguous-place");
    }

    #[test]
    fn capitals_and_countries() {
        // Helsinki to Tallinn is about 80 km across the Gulf of Finland.
        let d = details(
            "Helsinki",
            "the Estonian capital",
            Comparator::Approx,
            80.0,
            "km",
            80.0,
        );
        let v = expect(d, &[], Status::Supported, "distance.approx");
        assert!(v.evidence[1].source.contains("Tallinn, EE"));
        // Basel lies a few kilometres from France.
        let d = details("Basel", "France", Comparator::Lt, 5.0, "km", 5.0);
        expect(d, &[], Status::Supported, "distance.bound");
        // The border first: measured from the place.
        let d = details("the French border", "Basel", Comparator::Lt, 5.0, "km", 5.0);
        expect(d, &[], Status::Supported, "distance.bound");
    }

    #[test]
    fn shared_border() {
        let d = details(
            "Kharkiv",
            "the Russian-Ukrainian border",
            Comparator::Approx,
            30.0,
            "km",
            30.0,
        );
        let v = expect(d, &[], Status::Supported, "distance.approx");
        assert!(
            v.explanation
                .contains("from the nearest point of the border between Russia and Ukraine"),
            "{}",
            v.explanation
        );
    }

    #[test]
    fn inside_the_country() {
        let d = details(
            "Paris",
            "the French border",
            Comparator::Gt,
            100.0,
            "km",
            100.0,
        );
        let (v, km) = run(&d, &[]);
        assert_eq!(km, Some(0.0));
        assert_eq!(v.status, Status::Contradicted);
        assert!(
            v.explanation.starts_with("Paris is inside France"),
            "{}",
            v.explanation
        );
    }

    #[test]
    fn tolerances_are_configurable() {
        let d = details("Paris", "Berlin", Comparator::Approx, 700.0, "km", 700.0);
        let claim = Claim::new("x", Span::new(0, 1), Details::Distance(Box::new(d.clone())));
        let wide = Tolerances {
            approx: 0.3,
            ..Tolerances::default()
        };
        let (v, _) = check_with(&claim, &d, &[], &wide);
        assert_eq!(v.status, Status::Supported);
    }
}
