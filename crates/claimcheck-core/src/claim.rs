//! A checkable statement found in an article, with the details each kind normalises.

use std::borrow::Cow;

use serde::Serialize;

use crate::{CalendarDate, Precision, Span};

/// The four kinds of claim of contract v1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    Distance,
    Date,
    Attribution,
    Quantity,
}

impl ClaimKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            ClaimKind::Distance => "distance",
            ClaimKind::Date => "date",
            ClaimKind::Attribution => "attribution",
            ClaimKind::Quantity => "quantity",
        }
    }
}

/// One claim. `span` is a byte range of the document's plain text; the report maps it back to
/// the file with [`crate::Document::file_span`]. `text` is the plain text under `span`.
///
/// The details are boxed: they are written once, while a claim moves several times on its way to
/// a report (its kind's list, the merged list, the finding), and a long article has
/// thousands of claims, so a claim of 80 bytes rather than 248 moves and faults in a third of
/// the memory.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    pub id: String,
    pub kind: ClaimKind,
    pub text: String,
    #[serde(skip)]
    pub span: Span,
    pub details: Box<Details>,
}

impl Claim {
    /// A claim over `span` of `text`; the id is given later, in document order.
    pub fn new(text: &str, span: Span, details: Details) -> Self {
        Claim {
            id: String::new(),
            kind: details.kind(),
            text: text[span.start..span.end].to_string(),
            span,
            details: Box::new(details),
        }
    }
}

/// The normalised details of a claim, one variant per kind; serialised flat.
///
/// A distance's and an attribution's details are boxed: they are the largest (128 and 176
/// bytes) and the fewest, and unboxed they made every claim's details 176 bytes, where the
/// dates and quantities, nearly all of a long text's claims, need 112 and 80 (4 MB of the
/// bench text: 3.3 MB less allocated, about 800 fewer page faults).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Details {
    Distance(Box<DistanceDetails>),
    Date(DateDetails),
    Attribution(Box<AttributionDetails>),
    Quantity(QuantityDetails),
}

impl Details {
    pub fn kind(&self) -> ClaimKind {
        match self {
            Details::Distance(_) => ClaimKind::Distance,
            Details::Date(_) => ClaimKind::Date,
            Details::Attribution(_) => ClaimKind::Attribution,
            Details::Quantity(_) => ClaimKind::Quantity,
        }
    }
}

/// How a claimed value relates to the truth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Comparator {
    Lt,
    Le,
    Gt,
    Ge,
    Approx,
    Eq,
    Between,
}

impl Comparator {
    /// The name contract v1 writes for it (as `Serialize` does).
    pub fn as_str(&self) -> &'static str {
        match self {
            Comparator::Lt => "lt",
            Comparator::Le => "le",
            Comparator::Gt => "gt",
            Comparator::Ge => "ge",
            Comparator::Approx => "approx",
            Comparator::Eq => "eq",
            Comparator::Between => "between",
        }
    }
}

/// How a distance is travelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Straight,
    Road,
    Rail,
    Flight,
}

impl Mode {
    /// The name contract v1 writes for it (as `Serialize` does).
    pub fn as_str(&self) -> &'static str {
        match self {
            Mode::Straight => "straight",
            Mode::Road => "road",
            Mode::Rail => "rail",
            Mode::Flight => "flight",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DistanceDetails {
    /// The place measured from, as named.
    pub from: Option<String>,
    /// The place, country or border measured to, as named; a border reads "North Korea (border)"
    /// once resolved, and the words as written ("the North Korean border") before that.
    pub to: Option<String>,
    pub comparator: Comparator,
    /// The number as written (the lower one for `between`).
    pub value: f64,
    /// The upper number of a `between` claim.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_max: Option<f64>,
    /// The unit as written: "km", "kilometers", "miles", ...
    pub unit: String,
    pub claimed_km: f64,
    pub mode: Mode,
    /// Filled by the matcher when it measured the distance.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measured_km: Option<f64>,
}

/// How a date relates to what the sentence says happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    On,
    In,
    Since,
    Before,
    After,
    Until,
    ScheduledFor,
}

impl Relation {
    /// The name contract v1 writes for it (as `Serialize` does).
    pub fn as_str(&self) -> &'static str {
        match self {
            Relation::On => "on",
            Relation::In => "in",
            Relation::Since => "since",
            Relation::Before => "before",
            Relation::After => "after",
            Relation::Until => "until",
            Relation::ScheduledFor => "scheduled_for",
        }
    }
}

/// Where the year of a date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum YearSource {
    /// The text states it.
    Text,
    /// The publication date anchored it (the nearest such date around it).
    Publication,
    /// No anchor: the year could not be fixed.
    Unknown,
}

impl YearSource {
    /// The name contract v1 writes for it (as `Serialize` does).
    pub fn as_str(&self) -> &'static str {
        match self {
            YearSource::Text => "text",
            YearSource::Publication => "publication",
            YearSource::Unknown => "unknown",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateDetails {
    /// The ISO value (`2023-09-11`, `2023-09`, `1953`); `None` when it needed an anchor that
    /// was missing.
    pub date: Option<CalendarDate>,
    pub precision: Precision,
    /// The weekday stated in the text, lowercase ("monday"); the extractor's are borrowed from
    /// its list of names rather than allocated for each claim.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weekday: Option<Cow<'static, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relation: Option<Relation>,
    /// The event the date is tied to, in the article's words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    /// A part of the period: "early", "mid", "late".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    pub year_source: YearSource,
    /// Why the value is missing or uncertain, when it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The day written does not exist in its month ("30 February", "31 April", "29 February
    /// 2023"): `date` is then `None` and `note` says why. For the matcher; not written in the
    /// reports, which show the note.
    #[serde(skip)]
    pub no_such_day: bool,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct AttributionDetails {
    /// The speaker as named; on a later mention ("Lee continued") the full name.
    pub speaker: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// The word that attributes: "said", "tells", "warns", "according to".
    pub cue: String,
    /// What is attributed, in the article's words.
    pub content: String,
    /// Whether the content is, or contains, words in quotation marks.
    pub direct: bool,
    /// The words inside quotation marks, each run separately.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub quoted: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuantityDetails {
    /// The number as written (the lower one of a range).
    pub value: f64,
    /// The upper number of a range ("$5-10 million", "between 3 and 5 km").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_max: Option<f64>,
    /// The unit as written, `None` for a bare count.
    pub unit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comparator: Option<Comparator>,
    /// The normalised unit name ("kilometre", "percent", "US dollar"); the extractor's are
    /// borrowed from its unit table rather than allocated for each claim.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit_name: Option<Cow<'static, str>>,
    /// How the unit converts, for comparing a figure with its conversion ("80 mph (129 km/h)");
    /// not written in the reports.
    #[serde(skip)]
    pub scale: Option<UnitScale>,
}

/// A unit's dimension ("length", "temperature") and its size in the dimension's base unit
/// (metres for lengths; for temperatures, which need an offset too, 1 and the unit's name
/// says the scale).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UnitScale {
    pub dimension: &'static str,
    pub factor: f64,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names written without serde are the names serde writes.
    #[test]
    fn names_are_what_serialize_writes() {
        fn check<T: Serialize + Copy>(values: &[T], name: fn(&T) -> &'static str) {
            for value in values {
                let written = serde_json::to_string(value).expect("a name serialises");
                assert_eq!(written, format!("\"{}\"", name(value)));
            }
        }
        use Comparator as C;
        let comparators = [C::Lt, C::Le, C::Gt, C::Ge, C::Approx, C::Eq, C::Between];
        check(&comparators, C::as_str);
        check(
            &[Mode::Straight, Mode::Road, Mode::Rail, Mode::Flight],
            Mode::as_str,
        );
        use Relation as R;
        let relations = [
            R::On,
            R::In,
            R::Since,
            R::Before,
            R::After,
            R::Until,
            R::ScheduledFor,
        ];
        check(&relations, R::as_str);
        use YearSource as Y;
        check(&[Y::Text, Y::Publication, Y::Unknown], Y::as_str);
        use Precision as P;
        check(&[P::Year, P::Month, P::Day], P::as_str);
        use ClaimKind as K;
        check(
            &[K::Distance, K::Date, K::Attribution, K::Quantity],
            K::as_str,
        );
    }
}
