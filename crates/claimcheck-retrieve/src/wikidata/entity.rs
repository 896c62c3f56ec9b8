//! Wikidata's JSON read into the few facts claimcheck uses: the hits of a `wbsearchentities`
//! answer, and from an entity's `Special:EntityData` JSON its labels, aliases, description,
//! dates (point in time P585, start time P580, end time P582) and coordinates (P625).
//!
//! The JSON is walked as `serde_json::Value` rather than typed structs because Wikibase writes
//! an empty map as `[]` (`"labels": []`, `"claims": []`), which typed maps would refuse.

use serde_json::Value;

/// Point in time: the date of an event that happened on one day, month or year.
const POINT_IN_TIME: &str = "P585";
const START_TIME: &str = "P580";
const END_TIME: &str = "P582";
const COORDINATES: &str = "P625";

/// The calendar model of dates written in the Julian calendar; every other date is Gregorian.
const JULIAN: &str = "http://www.wikidata.org/entity/Q1985786";
/// The globe of coordinates on Earth (a coordinate without a globe is on Earth too).
const EARTH: &str = "http://www.wikidata.org/entity/Q2";

/// One hit of a search: the entity's id and the label the search showed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hit {
    pub id: String,
    pub label: Option<String>,
}

/// The hits of a `wbsearchentities` answer (`{"search": [{"id": "Q…", "label": …}]}`), in
/// Wikidata's order, or why the answer says nothing: an API error (`{"error": {"info": …}}`)
/// or a body of another shape.
pub(crate) fn search_hits(body: &str) -> Result<Vec<Hit>, String> {
    let json: Value = serde_json::from_str(body).map_err(|e| format!("not JSON ({e})"))?;
    if let Some(error) = json.get("error") {
        let info = error
            .get("info")
            .or_else(|| error.get("code"))
            .and_then(Value::as_str)
            .unwrap_or("no reason given");
        return Err(format!("the API answered with an error: {info}"));
    }
    let hits = json
        .get("search")
        .and_then(Value::as_array)
        .ok_or_else(|| "the answer has no `search` list".to_string())?;
    Ok(hits
        .iter()
        .filter_map(|hit| {
            let id = hit.get("id").and_then(Value::as_str)?;
            // Only item ids become URLs; anything else in the answer is not followed.
            is_item_id(id).then(|| Hit {
                id: id.to_string(),
                label: hit.get("label").and_then(Value::as_str).map(str::to_string),
            })
        })
        .collect())
}

/// Whether `id` is an item id (`Q` and digits), which alone is safe to put in a URL.
pub(crate) fn is_item_id(id: &str) -> bool {
    id.len() > 1
        && id.starts_with('Q')
        && id[1..].bytes().all(|b| b.is_ascii_digit())
        && !id[1..].starts_with('0')
}

/// A date as Wikidata gives it, reduced to what the timeline can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WikiDate {
    pub year: i16,
    pub month: Option<i8>,
    pub day: Option<i8>,
}

impl WikiDate {
    /// The date in the timeline's form: `1953`, `1953-07` or `1953-07-27`.
    pub fn text(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }
}

/// The facts of one entity that claimcheck uses.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Facts {
    pub id: String,
    /// The label in the requested language, else the multilingual (`mul`) one.
    pub label: Option<String>,
    pub aliases: Vec<String>,
    pub description: Option<String>,
    pub point_in_time: Option<WikiDate>,
    pub start: Option<WikiDate>,
    pub end: Option<WikiDate>,
    /// Latitude and longitude in degrees, on Earth.
    pub coordinates: Option<(f64, f64)>,
}

/// The facts of entity `id` in a `Special:EntityData` body. An entity merged into another is
/// served under the other's id, so when `id` is missing the only entity present is taken.
pub(crate) fn entity_facts(body: &str, id: &str, language: &str) -> Result<Facts, String> {
    let json: Value = serde_json::from_str(body).map_err(|e| format!("not JSON ({e})"))?;
    let entities = json
        .get("entities")
        .and_then(Value::as_object)
        .ok_or_else(|| "the answer has no `entities` map".to_string())?;
    let (id, entity) = match entities.get(id) {
        Some(entity) => (id.to_string(), entity),
        None if entities.len() == 1 => {
            let (id, entity) = entities.iter().next().expect("the map has one entry");
            (id.clone(), entity)
        }
        None => return Err(format!("the answer does not hold {id}")),
    };
    let term = |field: &str, lang: &str| {
        entity
            .get(field)
            .and_then(|terms| terms.get(lang))
            .and_then(|t| t.get("value"))
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    let label = term("labels", language).or_else(|| term("labels", "mul"));
    let description = term("descriptions", language);
    let mut aliases: Vec<String> = Vec::new();
    for lang in [language, "mul"] {
        let terms = entity
            .get("aliases")
            .and_then(|a| a.get(lang))
            .and_then(Value::as_array);
        for alias in terms.into_iter().flatten() {
            if let Some(value) = alias.get("value").and_then(Value::as_str)
                && !aliases.iter().any(|a| a == value)
                && label.as_deref() != Some(value)
            {
                aliases.push(value.to_string());
            }
        }
    }
    let claims = entity.get("claims");
    let value_of = |property: &str, kind: &str| best_value(claims, property, kind);
    Ok(Facts {
        point_in_time: value_of(POINT_IN_TIME, "time").and_then(time),
        start: value_of(START_TIME, "time").and_then(time),
        end: value_of(END_TIME, "time").and_then(time),
        coordinates: value_of(COORDINATES, "globecoordinate").and_then(coordinate),
        id,
        label,
        aliases,
        description,
    })
}

/// The value of the best statement of `property` whose value has type `kind`: a preferred
/// statement if there is one, else the first normal one. Deprecated statements (known to be
/// wrong) and statements of "unknown value" or "no value" are passed over.
fn best_value<'a>(claims: Option<&'a Value>, property: &str, kind: &str) -> Option<&'a Value> {
    let statements = claims?.get(property)?.as_array()?;
    let usable = statements.iter().filter_map(|s| {
        let rank = s.get("rank").and_then(Value::as_str).unwrap_or("normal");
        let datavalue = s.get("mainsnak")?.get("datavalue")?;
        let typed = datavalue.get("type").and_then(Value::as_str) == Some(kind);
        (rank != "deprecated" && typed)
            .then(|| datavalue.get("value"))
            .flatten()
            .map(|v| (rank == "preferred", v))
    });
    let mut first = None;
    for (preferred, value) in usable {
        if preferred {
            return Some(value);
        }
        first.get_or_insert(value);
    }
    first
}

/// A time value (`{"time": "+1953-07-27T00:00:00Z", "precision": 11, "calendarmodel": …}`)
/// to a date of the precision Wikidata states: 9 a year, 10 a month, 11 (or finer) a day.
/// Coarser precisions (decades, centuries) and years before 1 cannot be held by the timeline
/// and give `None`. A Julian-calendar day is converted to the Gregorian calendar the timeline
/// uses; a Julian month is kept only to its year, since it can straddle two Gregorian months.
fn time(value: &Value) -> Option<WikiDate> {
    let text = value.get("time")?.as_str()?;
    let precision = value.get("precision")?.as_u64()?;
    let julian = value.get("calendarmodel").and_then(Value::as_str) == Some(JULIAN);
    let unsigned = text.strip_prefix('+')?;
    let (date, _) = unsigned.split_once('T')?;
    let mut parts = date.split('-');
    let year: i16 = parts.next()?.parse().ok()?;
    let month: i8 = parts.next()?.parse().ok()?;
    let day: i8 = parts.next()?.parse().ok()?;
    if year < 1 {
        return None;
    }
    match precision {
        9 => Some(WikiDate {
            year,
            month: None,
            day: None,
        }),
        10 if julian => Some(WikiDate {
            year,
            month: None,
            day: None,
        }),
        10 => (1..=12).contains(&month).then_some(WikiDate {
            year,
            month: Some(month),
            day: None,
        }),
        p if p >= 11 => {
            let date = jiff::civil::Date::new(year, month, day).ok()?;
            let date = if julian {
                julian_to_gregorian(date)?
            } else {
                date
            };
            Some(WikiDate {
                year: date.year(),
                month: Some(date.month()),
                day: Some(date.day()),
            })
        }
        _ => None,
    }
}

/// The Gregorian date of the day that the Julian calendar writes as `julian` (its fields read
/// as a Julian year, month and day), through the Julian day number.
fn julian_to_gregorian(julian: jiff::civil::Date) -> Option<jiff::civil::Date> {
    let (y, m, d) = (
        i64::from(julian.year()),
        i64::from(julian.month()),
        i64::from(julian.day()),
    );
    let a = (14 - m) / 12;
    let y = y + 4800 - a;
    let m = m + 12 * a - 3;
    let jdn = d + (153 * m + 2) / 5 + 365 * y + y / 4 - 32083;
    // 2440588 is the Julian day number of 1970-01-01 (Gregorian).
    let days = jiff::Span::new().try_days(jdn - 2_440_588).ok()?;
    jiff::civil::date(1970, 1, 1).checked_add(days).ok()
}

/// A globe coordinate (`{"latitude": …, "longitude": …, "globe": …}`) on Earth, in range.
fn coordinate(value: &Value) -> Option<(f64, f64)> {
    let globe = value.get("globe").and_then(Value::as_str).unwrap_or(EARTH);
    if globe != EARTH {
        return None;
    }
    let lat = value.get("latitude")?.as_f64()?;
    let lon = value.get("longitude")?.as_f64()?;
    ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)).then_some((lat, lon))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn date(time_text: &str, precision: u64, calendar: &str) -> Option<String> {
        let value = json!({
            "time": time_text,
            "timezone": 0,
            "before": 0,
            "after": 0,
            "precision": precision,
            "calendarmodel": calendar,
        });
        time(&value).map(|d| d.text())
    }

    const GREGORIAN: &str = "http://www.wikidata.org/entity/Q1985727";

    #[test]
    fn times_at_each_precision() {
        let check = |t: &str, p: u64, expected: Option<&str>| {
            assert_eq!(date(t, p, GREGORIAN).as_deref(), expected, "{t} at {p}");
        };
        check("+1953-07-27T00:00:00Z", 11, Some("1953-07-27"));
        check("+1953-07-00T00:00:00Z", 10, Some("1953-07"));
        check("+1953-00-00T00:00:00Z", 9, Some("1953"));
        check("+2023-09-13T08:30:00Z", 14, Some("2023-09-13"));
        // A decade or a century cannot be a timeline date.
        check("+1950-00-00T00:00:00Z", 8, None);
        check("+1901-00-00T00:00:00Z", 7, None);
        check("-0044-03-15T00:00:00Z", 11, None);
        check("+1953-02-30T00:00:00Z", 11, None);
        check("1953-07-27", 11, None);
    }

    #[test]
    fn julian_days_become_gregorian() {
        // The Battle of Hastings, 14 October 1066 (Julian), was 20 October 1066 (Gregorian).
        assert_eq!(
            date("+1066-10-14T00:00:00Z", 11, JULIAN).as_deref(),
            Some("1066-10-20")
        );
        // The first day of the Gregorian calendar followed Julian 4 October 1582.
        assert_eq!(
            date("+1582-10-05T00:00:00Z", 11, JULIAN).as_deref(),
            Some("1582-10-15")
        );
        assert_eq!(
            date("+1066-10-00T00:00:00Z", 10, JULIAN).as_deref(),
            Some("1066")
        );
    }

    #[test]
    fn preferred_statements_win_and_deprecated_ones_never_do() {
        let statement = |rank: &str, time_text: &str| {
            json!({
                "mainsnak": {
                    "snaktype": "value",
                    "property": "P585",
                    "datavalue": {
                        "value": { "time": time_text, "precision": 11,
                                   "calendarmodel": GREGORIAN },
                        "type": "time"
                    },
                    "datatype": "time"
                },
                "type": "statement",
                "rank": rank
            })
        };
        let claims = json!({ "P585": [
            statement("deprecated", "+1950-01-01T00:00:00Z"),
            statement("normal", "+1953-07-27T00:00:00Z"),
            statement("preferred", "+1953-07-28T00:00:00Z"),
        ]});
        let value = best_value(Some(&claims), "P585", "time").and_then(time);
        assert_eq!(value.map(|d| d.text()).as_deref(), Some("1953-07-28"));
        let no_value = json!({ "P585": [
            { "mainsnak": { "snaktype": "somevalue", "property": "P585" }, "rank": "normal" },
        ]});
        assert_eq!(best_value(Some(&no_value), "P585", "time"), None);
    }

    #[test]
    fn empty_maps_written_as_lists_are_read() {
        let body = r#"{"entities":{"Q42":{"id":"Q42","labels":[],"aliases":[],"descriptions":[],"claims":[]}}}"#;
        let facts = entity_facts(body, "Q42", "en").expect("a valid entity");
        assert_eq!(facts.label, None);
        assert!(facts.aliases.is_empty());
        assert_eq!(facts.point_in_time, None);
    }

    #[test]
    fn item_ids_only() {
        assert!(is_item_id("Q11707"));
        assert!(!is_item_id("Q"));
        assert!(!is_item_id("P585"));
        assert!(!is_item_id("Q01"));
        assert!(!is_item_id("Q1/../x"));
    }

    #[test]
    fn search_errors_are_reasons() {
        let err = search_hits(
            r#"{"error":{"code":"param-missing","info":"The \"search\" parameter must be set."}}"#,
        )
        .expect_err("an API error");
        assert_eq!(
            err,
            "the API answered with an error: The \"search\" parameter must be set."
        );
        assert!(search_hits("<html>").is_err());
        assert!(search_hits("{}").is_err());
    }

    #[test]
    fn coordinates_elsewhere_than_earth_are_ignored() {
        let mars = json!({"latitude": 4.5, "longitude": 137.4,
                          "globe": "http://www.wikidata.org/entity/Q111"});
        assert_eq!(coordinate(&mars), None);
        let narva = json!({"latitude": 59.3772, "longitude": 28.1903, "precision": 0.0001,
                           "globe": EARTH});
        assert_eq!(coordinate(&narva), Some((59.3772, 28.1903)));
    }
}
