//! Distance claims: how far one place is from another, as news writes it ("Vladivostok, which is
//! less than 500 kilometers from the North Korean border as the crow flies", "Lyon, roughly
//! 390 km south-east of Paris", "Toronto and Montreal, which are separated by about 500 km").
//!
//! A distance is a length (read by [`crate::quantity::measures`]) tied to two places: the place
//! after it ("from Y", "south of Y", "within N km of Y", "between X and Y") and the place the
//! phrase attaches to before it, the nearest capitalised noun phrase. A length that relates no
//! places ("the 5.5 km bridge", "a 3-inch thickness") stays a quantity.

use claimcheck_core::{Claim, Comparator, Details, DistanceDetails, Mode, Span};

use crate::ascii::{Form, Twin};
use crate::quantity::{Dimension, Measure, measures};
use crate::sentences::sentences;
use crate::tier::Captures;

/// A capitalised noun phrase, the shape of a place name: "Vladivostok", "North Korean", "Rio de
/// Janeiro", "St. Petersburg", "Russia's", "O’Neill"; in the given form of a [`Twin`].
fn caps(form: Form) -> String {
    let (upper, letter) = match form {
        Form::Ascii => ("[A-Z]", r"[A-Za-z'\-]"),
        Form::AsciiWords => ("[A-Z]", r"[A-Za-z'’\-]"),
        Form::Unicode => (r"\p{Lu}", r"[\p{L}\p{M}'’\-]"),
    };
    format!(
        r"(?:(?:St|Ste|Mt|Ft)\.\s+)?{upper}{letter}*(?:\s+(?:(?:of|de|del|da|do|du|la|le|el|al|am|an|upon|on|sur)\s+)?{upper}{letter}*)*"
    )
}

/// Lowercase nouns that complete a place name: "the Russian border", "the Crimean isthmus".
const PLACE_NOUN: &str = r"border|frontier|boundary|coast|coastline|capital|city|town|region|province|state|port|airport|isthmus|peninsula|river|sea|lake|strait|bay|gulf|island|islands|mountains|oblast|district|county|frontline|front\s+line";

/// Compass directions: "north", "south-east", "northwest", "due west".
const DIRECTION: &str =
    r"(?:due\s+)?(?:(?:north|south)(?:[-\s]?(?:east|west))?|east|west)(?:ward|wards)?";

/// Ways of travelling written next to a distance.
const MODE: &str =
    r"as\s+the\s+crow\s+flies|in\s+a\s+straight\s+line|by\s+(?:road|car|bus|rail|train|air|plane)";

/// What follows a length when it measures to a place: an optional conversion in brackets
/// ("(34 miles)"), mode, trip noun or direction, and the relation word ("from", "of",
/// "south-east of", "between").
static TAIL: Twin = Twin::new(|form| {
    // Within the brackets, anything but a bracket: on the ASCII text the ASCII form reads, an
    // ASCII class matches what the Unicode one would, at a fraction of the compile (the Unicode
    // class repeated up to 40 times was most of this pattern's 0.6 ms).
    let inner = match form {
        Form::Ascii => r"[\x00-\x27\x2A-\x7F]",
        Form::AsciiWords | Form::Unicode => "(?u:[^()])",
    };
    format!(
        r"(?ix){u}^
        (?:\s*\({inner}{{1,40}}\))?
        (?:\s*,?\s*(?:{MODE})\s*,?)?
        \s*(?:(?:drive|journey|trip|ride|train\s+ride|train\s+journey|flight|walk|hike|march|road\s+trip)\s+)?
        (?:(?:away|further|farther|inland|offshore|out|upstream|downstream)\s+)?
        (?P<rel>
            (?:to\s+the\s+)?(?P<dir>{DIRECTION})\s+(?:of|from)
          | (?:away\s+)?from
          | of
          | outside(?:\s+of)?
          | off(?:\s+the\s+coast\s+of)?
          | short\s+of
          | beyond
          | between
        )\s+",
        u = form.flag()
    )
});

/// The place after the relation word: "the North Korean border", "the border with Ukraine",
/// "Paris", "downtown Phoenix" (the city).
static TO: Twin = Twin::new(|form| {
    let (u, caps) = (form.flag(), caps(form));
    format!(
        r"{u}^(?:the\s+)?(?:(?P<border>(?i:border|frontier|boundary)\s+(?:with|of)\s+(?:the\s+)?{caps})|(?:(?:capital|city|town|village|port|region|province)(?:\s+of)?,?\s+)?(?:(?:downtown|central|greater)\s+)?(?P<place>{caps})(?P<suffix>\s+(?:{PLACE_NOUN}))?)"
    )
});

/// Two places in a row: "Toronto and Montreal".
static PAIR: Twin = Twin::new(|form| {
    let (u, caps) = (form.flag(), caps(form));
    format!(r"{u}(?:the\s+)?(?P<a>{caps})\s*,?\s+and\s+(?:the\s+)?(?P<b>{caps})")
});

/// Two places framed before the length: "between X and Y", "from X to Y".
static FRAMED_PAIR: Twin = Twin::new(|form| {
    let (u, caps, b) = (form.flag(), caps(form), form.boundary());
    format!(
        r"{u}{b}(?:between\s+(?:the\s+)?(?P<a>{caps})\s+and|from\s+(?:the\s+)?(?P<c>{caps})\s+to)\s+(?:the\s+)?(?P<b>{caps})"
    )
});

static PLACE: Twin = Twin::new(|form| {
    let (u, caps, b) = (form.flag(), caps(form), form.boundary());
    format!(r"{u}{caps}(?:\s+(?:{PLACE_NOUN}){b})?")
});

/// "separated by" before a length, which then measures between the two places before it.
static SEPARATED: Twin =
    Twin::new(|form| format!(r"(?i){}{}separated\s+by\s*$", form.flag(), form.boundary()));

static APART: Twin = Twin::new(|form| format!(r"(?i){}^\s*apart{}", form.flag(), form.boundary()));

/// A mode of travel anywhere in a claim: "as the crow flies", "by road", "a two-hour flight".
static MODE_ANYWHERE: Twin = Twin::new(|form| {
    format!(
        r"(?i){u}{b}(?:(?P<straight>as\s+the\s+crow\s+flies|in\s+a\s+straight\s+line|straight[-\s]line)|(?P<road>by\s+(?:road|car|bus)|drive|driving|road\s+distance)|(?P<rail>by\s+(?:rail|train)|train\s+(?:ride|journey)|railway\s+distance)|(?P<flight>by\s+(?:air|plane)|flight|flying)){b}",
        u = form.flag(),
        b = form.boundary()
    )
});

/// A mode phrase right after the place: "... from the North Korean border as the crow flies".
static MODE_AFTER: Twin =
    Twin::new(|form| format!(r"(?i){}^\s*,?\s*(?:{MODE}){}", form.flag(), form.boundary()));

/// Capitalised words that start sentences or clauses without naming a place.
const NOT_PLACES: &[&str] = &[
    "The",
    "A",
    "An",
    "It",
    "Its",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Their",
    "Our",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "In",
    "On",
    "At",
    "By",
    "From",
    "To",
    "But",
    "And",
    "Or",
    "So",
    "If",
    "As",
    "When",
    "While",
    "After",
    "Before",
    "Since",
    "Some",
    "About",
    "According",
    "Which",
    "Who",
    "What",
    "Where",
    "Now",
    "Then",
    "Yet",
    "Also",
    "Only",
];

/// Lowercase words that may follow a place without making it an adjective ("from Kyiv and ...").
const AFTER_PLACE: &[&str] = &[
    "and",
    "or",
    "as",
    "by",
    "in",
    "on",
    "at",
    "to",
    "for",
    "with",
    "while",
    "but",
    "where",
    "which",
    "that",
    "is",
    "was",
    "are",
    "were",
    "has",
    "had",
    "have",
    "will",
    "would",
    "said",
    "says",
    "according",
    "than",
    "if",
    "when",
    "after",
    "before",
    "since",
    "near",
    "into",
    "so",
    "its",
    "their",
    "his",
    "her",
    "the",
    "a",
    "an",
    "of",
    "via",
    "lies",
    "lie",
    "lay",
    "sits",
    "stands",
    "located",
    "situated",
    "remains",
    "lying",
    "sitting",
];

/// Every distance claim in `text`, in order.
pub fn extract_distances(text: &str) -> Vec<Claim> {
    crate::tier::given(text.len());
    let _reading = crate::tier::reading(text.len());
    distances_from(text, &sentences(text), &measures(text))
}

/// [`extract_distances`] from the text's [`measures`], already read.
pub(crate) fn distances_from(text: &str, sentences: &[Span], found: &[Measure]) -> Vec<Claim> {
    // Without a length there is no distance: a text without one compiles no place pattern.
    if !found
        .iter()
        .any(|m| m.unit.is_some_and(|u| u.dimension == Dimension::Length))
    {
        return Vec::new();
    }
    let mut claims: Vec<Claim> = Vec::new();
    for m in found {
        // A length inside a claim already read is its conversion: "55 km (34 miles) from".
        if !m.unit.is_some_and(|u| u.dimension == Dimension::Length)
            || claims.last().is_some_and(|c| c.span.overlaps(m.span))
        {
            continue;
        }
        // Sentences are in order: a binary search keeps this linear in the article's length.
        let i = sentences.partition_point(|s| s.end <= m.span.start);
        let sentence = sentences
            .get(i)
            .copied()
            .filter(|s| s.start <= m.span.start && m.span.end <= s.end)
            .unwrap_or(Span::new(0, text.len()));
        if m.attributive {
            // "the 21-mile crossing from Dover to Calais": a size, unless a trip between two
            // places follows it.
            if let Some(claim) = trip_between(text, sentence, m) {
                claims.push(claim);
            }
            continue;
        }
        let previous = claims.last().filter(|c| c.span.start >= sentence.start);
        if let Some(claim) = distance(text, sentence, m, previous) {
            claims.push(claim);
        }
    }
    claims
}

/// How far from its length, before and after, a distance claim's words are read: more than ten
/// times the longest distance claim of the bench text (73 bytes).
const DISTANCE_REACH: usize = 1_000;

/// The distance claim around length `m` in `sentence`, if the length ties two places together.
///
/// `previous` is the distance claim before it in the same sentence: in a chain of appositives
/// ("Kherson lies 100 km north-west of the isthmus, some 550 km from Kyiv") the second length
/// is measured from the first claim's place, not from the place that ends the first claim.
fn distance(text: &str, sentence: Span, m: &Measure, previous: Option<&Claim>) -> Option<Claim> {
    // The places of a distance are named near its length: the sentence is read within
    // `DISTANCE_REACH` bytes of it, so that a sentence of thousands of lengths (a list with no
    // full stop) is not read whole for each one, which made it quadratic.
    let sentence = crate::sentences::window(text, sentence, m.span, DISTANCE_REACH);
    let unit = m.unit?;
    let before = &text[sentence.start..m.span.start];
    let after_start = m.span.end;
    let after = &text[after_start..sentence.end];

    // "sections totalling nearly 14 miles between Montrose and Aberdeen": a sum of lengths
    // along the way, not how far apart the places are.
    if is_total(before) {
        return None;
    }
    let from: Option<(usize, String)>;
    let to: String;
    let mut end;
    // A trip between the length and its places: "a 505 km journey between X and Y".
    let mut trip = None;
    if let Some(tail) = TAIL.get(after).captures(after) {
        let rel_end = after_start + tail.get(0)?.end();
        trip = after[..tail.name("rel")?.start()]
            .split_whitespace()
            .find_map(route_word);
        let rel = tail.name("rel")?.as_str().to_ascii_lowercase();
        if rel == "between" {
            let rest = &text[rel_end..sentence.end];
            let pair = PAIR
                .get(rest)
                .captures(rest)
                .filter(|c| c.get(0).is_some_and(|g| g.start() == 0))?;
            let a = pair.name("a")?;
            from = Some((rel_end + a.start(), a.as_str().to_string()));
            to = pair.name("b")?.as_str().to_string();
            end = rel_end + pair.get(0)?.end();
        } else {
            let rest = &text[rel_end..sentence.end];
            let place = TO.get(rest).captures(rest)?;
            let written = place.get(0)?;
            let name = place_name(&place)?;
            // A bare "of" after a length may measure a thing ("200 km of Ukrainian territory"):
            // the capitalised word must be a place, not an adjective before a noun.
            if rel == "of"
                && !follows_as_noun(text, rel_end + written.end())
                && place.name("suffix").is_none()
                && place.name("border").is_none()
            {
                return None;
            }
            end = rel_end + written.end();
            // "30 miles from Inverness to Forres": the place after "from" is where the length
            // starts, and the one after "to" where it ends.
            let onward = (rel == "from")
                .then(|| onward_place(text, end, sentence.end))
                .flatten();
            if let Some((onward_end, onward)) = onward {
                from = Some((rel_end + written.start(), name));
                to = onward;
                end = onward_end;
                // A length from one place to another runs along a way ("the railway runs
                // 9,289 km from Moscow to Vladivostok", "walked 100 miles from London to
                // Brighton"), not in a straight line, unless the text says it does.
                trip = trip.or_else(|| way_before(before)).or(Some(Mode::Road));
            } else {
                to = name;
                let prev_from = |prev: &Claim| match &*prev.details {
                    Details::Distance(d) => d.from.clone().map(|f| (m.span.start, f)),
                    _ => None,
                };
                from = match previous {
                    Some(prev) if chained(text, prev, m) => prev_from(prev),
                    // "advanced to within 10km of Pokrovsk", "travel to within 10km of the
                    // border": how near something goes, from wherever it is; the name before
                    // is not where that is measured from.
                    _ if to_within(text, before, m.span.start) => None,
                    _ => match place_before(before, sentence.start) {
                        // "60 km north-west of Arequipa, Peru's second-largest city, and 770 km
                        // south-east of Lima": the nearest place is where the length before
                        // ends, so this one is a second length from the same point.
                        Some((at, _))
                            if previous.is_some_and(|p| {
                                p.span.start <= at
                                    && at < p.span.end
                                    && coordinated(&text[p.span.end..m.span.start])
                            }) =>
                        {
                            previous.and_then(prev_from)
                        }
                        found => found,
                    },
                };
            }
        }
    } else if SEPARATED.get(before).is_match(before)
        || APART.get(after).is_match(after)
        || (FRAMED_PAIR.get(before).is_match(before) && !changed_by(before))
    {
        // "Toronto and Montreal, which are separated by about 500 km", "X and Y are 40 km
        // apart", "the distance between X and Y is 300 km".
        let (a_at, a, b) =
            if let Some(framed) = FRAMED_PAIR.get(before).captures_iter(before).last() {
                let a = framed.name("a").or(framed.name("c"))?;
                (
                    a.start(),
                    a.as_str().to_string(),
                    framed.name("b")?.as_str().to_string(),
                )
            } else {
                let pair = PAIR.get(before).captures_iter(before).last()?;
                let a = pair.name("a")?;
                (
                    a.start(),
                    a.as_str().to_string(),
                    pair.name("b")?.as_str().to_string(),
                )
            };
        from = Some((sentence.start + a_at, a));
        to = b;
        end = m.span.end;
        if let Some(apart) = APART.get(after).find(after) {
            end = after_start + apart.end();
        }
    } else {
        return None;
    }
    let rest = &text[end..sentence.end];
    if let Some(mode) = MODE_AFTER.get(rest).find(rest) {
        end += mode.end();
    }
    let start = from
        .as_ref()
        .map_or(m.span.start, |(at, _)| *at)
        .min(m.span.start);
    let window_start =
        crate::quantity::units::floor_char_boundary(text, m.span.start.saturating_sub(25))
            .max(sentence.start);
    let words = &text[window_start.min(start)..end];
    let mode = match mode_in(words) {
        Mode::Straight if states_straight(words) => Mode::Straight,
        Mode::Straight => trip
            .or_else(|| route_before(text, sentence.start, start))
            .unwrap_or(Mode::Straight),
        stated => stated,
    };
    let comparator = m.comparator.unwrap_or(Comparator::Approx);
    let details = DistanceDetails {
        from: from.map(|(_, name)| name),
        to: Some(to),
        comparator,
        value: m.value,
        value_max: m.value_max,
        unit: m.unit_text.clone().unwrap_or_default(),
        claimed_km: unit.to_km(m.value),
        mode,
        measured_km: None,
    };
    Some(Claim::new(
        text,
        Span::new(start, end),
        Details::Distance(Box::new(details)),
    ))
}

/// Whether `between` (from a length's claim to the next length) joins the next as a second
/// length ("..., and roughly"), rather than describing the place before it (", a city about").
fn coordinated(between: &str) -> bool {
    let tail = between.rsplit(',').next().unwrap_or(between);
    tail.split_whitespace()
        .next()
        .is_some_and(|w| matches!(w, "and" | "or" | "but" | "while"))
}

/// Whether the words right before a length (the comparator aside) make it a total:
/// "totalling nearly 14 miles", "a combined 30 km", "a total of 40 km".
fn is_total(before: &str) -> bool {
    let mut words = before
        .split(|c: char| !c.is_alphabetic())
        .rev()
        .filter(|w| !w.is_empty())
        .skip_while(|w| {
            crate::ascii::with_lowercase(w, |w| {
                matches!(
                    w,
                    "nearly"
                        | "about"
                        | "some"
                        | "around"
                        | "almost"
                        | "roughly"
                        | "approximately"
                        | "just"
                        | "over"
                        | "under"
                        | "more"
                        | "less"
                        | "than"
                        | "a"
                        | "an"
                )
            })
        });
    let word = words.next().unwrap_or("");
    crate::ascii::with_lowercase(word, |w| {
        matches!(
            w,
            "totalling" | "totaling" | "totalled" | "totaled" | "combined"
        ) || (w == "of"
            && words
                .next()
                .is_some_and(|t| t.eq_ignore_ascii_case("total")))
    })
}

/// Whether the length after `before` is a change to the distance between the places before
/// it, not the distance: "cut the distance between Lyon and Paris by about 40 km".
fn changed_by(before: &str) -> bool {
    let lead = before.trim_end().as_bytes();
    lead.len() > 3 && lead[lead.len() - 3..].eq_ignore_ascii_case(b" by")
}

/// The way a distance framed by its places is measured when a route names them: "the rail
/// line from Madrid to Lisbon is 620 km long", "the drive between X and Y". Read in the few
/// words before the frame that starts at `start`.
fn route_before(text: &str, sentence_start: usize, start: usize) -> Option<Mode> {
    let from = crate::quantity::units::floor_char_boundary(text, start.saturating_sub(40))
        .max(sentence_start);
    let words: Vec<&str> = text[from..start].split_whitespace().collect();
    // The frame's word ("from", "between") and up to three words before it.
    let (frame, lead) = words.split_last()?;
    if !(frame.eq_ignore_ascii_case("from") || frame.eq_ignore_ascii_case("between")) {
        return None;
    }
    lead.iter().rev().take(3).find_map(|w| route_word(w))
}

/// Each trip or route with the way its length is measured: a sea crossing and a flight in a
/// straight line or near it, the others along a route.
const TRIPS: &[(&str, Mode)] = &[
    ("crossing", Mode::Straight),
    ("voyage", Mode::Straight),
    ("flight", Mode::Flight),
    ("drive", Mode::Road),
    ("journey", Mode::Road),
    ("trip", Mode::Road),
    ("ride", Mode::Road),
    ("walk", Mode::Road),
    ("hike", Mode::Road),
    ("march", Mode::Road),
    ("trek", Mode::Road),
    ("commute", Mode::Road),
    ("route", Mode::Road),
    ("road", Mode::Road),
    ("motorway", Mode::Road),
    ("highway", Mode::Road),
    ("stretch", Mode::Road),
    ("railway", Mode::Rail),
    ("rail", Mode::Rail),
    ("track", Mode::Rail),
    ("train", Mode::Rail),
    ("line", Mode::Rail),
];

/// The way a route noun of [`TRIPS`] measures, read near the places rather than right after a
/// length: there a capitalised word is a name ("March"), and "line" alone may be a front line,
/// so neither counts.
fn route_word(word: &str) -> Option<Mode> {
    let w = word.trim_matches(|c: char| !c.is_ascii_alphabetic());
    if !w.starts_with(|c: char| c.is_ascii_lowercase()) || w == "line" {
        return None;
    }
    TRIPS.iter().find(|(t, _)| *t == w).map(|(_, mode)| *mode)
}

/// An attributive length before a trip and the two places it joins: "the 21-mile crossing
/// from Dover to Calais", "a 300-mile drive between Edinburgh and Birmingham".
fn trip_between(text: &str, sentence: Span, m: &Measure) -> Option<Claim> {
    let unit = m.unit?;
    let after = &text[m.span.end..sentence.end];
    let noun = after.strip_prefix(' ')?;
    let len = noun
        .find(|c: char| !c.is_ascii_lowercase())
        .unwrap_or(noun.len());
    let (_, trip_mode) = TRIPS.iter().find(|(w, _)| *w == &noun[..len])?;
    let rest_at = m.span.end + 1 + len;
    let rest = text[rest_at..sentence.end].strip_prefix(' ')?;
    // The pattern is searched only where its frame opens the rest.
    if !(rest.starts_with("from ") || rest.starts_with("between ")) {
        return None;
    }
    let pair = FRAMED_PAIR
        .get(rest)
        .captures(rest)
        .filter(|c| c.get(0).is_some_and(|g| g.start() == 0))?;
    let a = pair.name("a").or(pair.name("c"))?.as_str();
    let b = pair.name("b")?.as_str();
    if NOT_PLACES.contains(&a) || NOT_PLACES.contains(&b) {
        return None;
    }
    let end = rest_at + 1 + pair.get(0)?.end();
    let details = DistanceDetails {
        from: Some(crate::collapse_white_space(a)),
        to: Some(crate::collapse_white_space(b)),
        comparator: m.comparator.unwrap_or(Comparator::Approx),
        value: m.value,
        value_max: m.value_max,
        unit: m.unit_text.clone().unwrap_or_default(),
        claimed_km: unit.to_km(m.value),
        mode: match mode_in(&text[m.span.start..end]) {
            Mode::Straight => *trip_mode,
            stated => stated,
        },
        measured_km: None,
    };
    Some(Claim::new(
        text,
        Span::new(m.span.start, end),
        Details::Distance(Box::new(details)),
    ))
}

/// Whether length `m` continues the claim `prev` as another appositive: only commas, dashes or
/// "and" stand between them.
fn chained(text: &str, prev: &Claim, m: &Measure) -> bool {
    prev.span.end <= m.span.start
        && text[prev.span.end..m.span.start]
            .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '-' | '–' | '—'))
            .trim_start_matches("and")
            .trim()
            .is_empty()
}

/// The place named by a match of [`TO`], without a leading "the".
fn place_name(place: &Captures<'_, '_>) -> Option<String> {
    if let Some(border) = place.name("border") {
        return Some(crate::collapse_white_space(border.as_str()));
    }
    let name = place.name("place")?.as_str();
    if NOT_PLACES.contains(&name) {
        return None;
    }
    let suffix = place.name("suffix").map_or("", |s| s.as_str());
    Some(crate::collapse_white_space(&format!("{name}{suffix}")))
}

/// Whether the place ending at `end` is a noun, not an adjective before a lowercase noun
/// ("200 km of Ukrainian territory").
fn follows_as_noun(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    let Some(next) = rest.strip_prefix(' ') else {
        return true;
    };
    let word: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
    if word.is_empty() || !word.starts_with(|c: char| c.is_lowercase()) {
        return true;
    }
    AFTER_PLACE.contains(&word.as_str())
}

/// The nearest place-like phrase in `before` (which starts at byte `offset` of the text): the
/// last capitalised noun phrase, without the capitalised function words that open sentences.
/// A date nearer the length than any place ("struck on Monday, some 37 km from Gaziantep")
/// leaves the distance with no place it is measured from: what stands that far away is then
/// not named, and a place before the date is the scene, not the point measured.
fn place_before(before: &str, offset: usize) -> Option<(usize, String)> {
    // What someone said is measured within it: "Okafor said the company would open a hub 40
    // miles east of Dallas" names no place it is measured from, and the speaker is not one.
    let aside = relative_clause(before);
    let reported = last_speech_verb(before, aside.clone());
    let candidates: Vec<_> = PLACE
        .get(&before[reported..])
        .find_iter(&before[reported..])
        .collect();
    for m in candidates.into_iter().rev() {
        let m_end = reported + m.end();
        if is_demonym_before_noun(before, m.as_str(), m_end)
            || is_people(m.as_str())
            || (possessive_place(m.as_str()).is_none()
                && is_possessive(m.as_str(), &before[m_end..]))
            || aside
                .as_ref()
                .is_some_and(|r| r.contains(&(reported + m.start())))
        {
            continue;
        }
        // "Mariupol's port lies 50 km from ...": the port of the place named. (Set off by
        // commas, "Mariupol, Ukraine's port, lies", the place is the name before.)
        let owner = possessive_place(m.as_str());
        if owner.is_some() && before[..reported + m.start()].trim_end().ends_with(',') {
            continue;
        }
        let mut words = owner.unwrap_or(m.as_str());
        let mut at = reported + m.start();
        // "In Kyiv" opens a sentence with a capitalised preposition.
        while let Some((first, rest)) = words.split_once(char::is_whitespace) {
            if NOT_PLACES.contains(&first) && first != "The" {
                let trimmed = rest.trim_start();
                at += words.len() - trimmed.len();
                words = trimmed;
            } else {
                break;
            }
        }
        if words.split_whitespace().all(crate::date::is_calendar_word) {
            return None;
        }
        if !NOT_PLACES.contains(&words) {
            // "Trenton, New Jersey, roughly 30 miles northeast of Philadelphia": a place and
            // its region, set off by commas, are measured from the place in the region.
            let set_off = before[reported + m.end()..].starts_with(',');
            if set_off
                && possessive_place(words).is_none()
                && !words.contains('\'')
                && !words.contains('\u{2019}')
                && let Some((city_at, city)) = place_and_region(before, reported, at)
            {
                let both = format!("{city}, {}", crate::collapse_white_space(words));
                return Some((offset + city_at, both));
            }
            return Some((offset + at, crate::collapse_white_space(words)));
        }
    }
    None
}

/// The capitalised place right before the region at `at` in `before`, when the two are written
/// "Place, Region," (from `from` on): its start and its words.
fn place_and_region(before: &str, from: usize, at: usize) -> Option<(usize, String)> {
    let lead = before.get(from..at)?.strip_suffix(", ")?;
    let name_start = lead
        .rfind(|c: char| !(c.is_alphabetic() || c == ' ' || c == '-' || c == '.' || c == '\''))
        .map_or(0, |i| {
            i + lead[i..].chars().next().map_or(1, char::len_utf8)
        });
    let mut words: Vec<&str> = lead[name_start..].split(' ').collect();
    // The capitalised words at the end: "from Trenton" gives "Trenton".
    let keep = words
        .iter()
        .rev()
        .take_while(|w| w.starts_with(|c: char| c.is_uppercase()))
        .count();
    if keep == 0 || keep > 3 {
        return None;
    }
    words.drain(..words.len() - keep);
    // "In Kharkiv, Ukraine, 30 km from ...": a capitalised preposition opening the sentence.
    while words.len() > 1 && NOT_PLACES.contains(&words[0]) {
        words.remove(0);
    }
    let city = words.join(" ");
    if NOT_PLACES.contains(&city.as_str()) || words.iter().any(|w| crate::date::is_calendar_word(w))
    {
        return None;
    }
    Some((from + lead.len() - city.len(), city))
}

/// Where the words after the last verb of speech in `before` start ("said", "told
/// reporters"), or 0 when it has none.
///
/// A verb set off by commas ("Dallas, officials said, lies ...") or inside a relative clause
/// (`aside`: "Kharkiv, which officials said was shelled, lies ...") reports nothing of the
/// length.
fn last_speech_verb(before: &str, aside: Option<std::ops::Range<usize>>) -> usize {
    SPEECH_VERBS
        .iter()
        .filter_map(|verb| {
            before.rmatch_indices(verb).find(|&(at, _)| {
                let end = at + verb.len();
                !parenthetical(before, at, end)
                    && !aside.as_ref().is_some_and(|r| r.contains(&at))
                    && at > 0
                    && before.as_bytes()[at - 1] == b' '
                    && before[end..].starts_with(|c: char| !c.is_alphanumeric())
            })
        })
        .map(|(at, verb)| at + verb.len())
        .max()
        .unwrap_or(0)
}

/// The verbs after which what is said follows: a place before one of them is the speaker's,
/// not a point the reported length is measured from.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "warned",
    "announced",
    "stated",
    "explained",
];

/// Whether the capitalised `words`, followed by `rest`, are a possessive before a noun
/// ("Peru's second-largest city", "Ukraine's port"): they qualify the noun, and are not the
/// place a length is measured from. A name that ends so before a verb is a place ("St John's
/// lies ...").
fn is_possessive(words: &str, rest: &str) -> bool {
    let marked = |w: &str| POSSESSIVE_MARKS.iter().any(|s| w.ends_with(s));
    // A lowercase place noun within the words ("Ukraine's port") follows the name.
    if let Some((name, noun)) = words.rsplit_once(char::is_whitespace)
        && noun.starts_with(|c: char| c.is_lowercase())
    {
        return marked(name.trim_end());
    }
    let after = if marked(words) {
        rest
    } else if let Some(after) = POSSESSIVE_MARKS.iter().find_map(|s| rest.strip_prefix(s)) {
        after
    } else {
        return false;
    };
    let next: String = after
        .strip_prefix(' ')
        .unwrap_or("")
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '-')
        .collect();
    next.starts_with(|c: char| c.is_lowercase()) && !AFTER_PLACE.contains(&next.as_str())
}

/// Whether the verb of speech at `at..end` stands between commas with its speaker (", officials
/// said,"), an aside inside the sentence rather than the start of what was said ("the General
/// Staff said, bringing the front to within 25 km of ...").
fn parenthetical(before: &str, at: usize, end: usize) -> bool {
    before[end..].starts_with(',')
        && before[..at]
            .rfind(',')
            .is_some_and(|comma| before[comma + 1..at].split_whitespace().count() <= 3)
}

/// How a possessive ends: "Peru's", "Peru’s", "Wales'".
const POSSESSIVE_MARKS: [&str; 3] = ["'s", "\u{2019}s", "s'"];

/// The owner of a possessive before a place noun: "Mariupol" of "Mariupol's port".
fn possessive_place(words: &str) -> Option<&str> {
    let (name, noun) = words.rsplit_once(char::is_whitespace)?;
    if !noun.starts_with(|c: char| c.is_lowercase()) {
        return None;
    }
    let name = name.trim_end();
    // Not "s'": the owner of "Wales' port" keeps its "s".
    POSSESSIVE_MARKS[..2]
        .iter()
        .find_map(|s| name.strip_suffix(s))
        .filter(|owner| !owner.is_empty())
}

/// The place after "to" that ends a length measured "from" a place (`end` is where that place
/// ends): "30 miles from Inverness to Forres". The place's end and its name.
fn onward_place(text: &str, end: usize, sentence_end: usize) -> Option<(usize, String)> {
    let rest = &text[end..sentence_end];
    let after_to = rest.strip_prefix(" to ")?;
    let at = end + rest.len() - after_to.len();
    let place = TO.get(after_to).captures(after_to)?;
    let name = place_name(&place)?;
    Some((at + place.get(0)?.end(), name))
}

/// The last relative clause set off by commas in `before`, when it closes before the length:
/// "Rafah, which sits on the border with Egypt, is about 30 km south of Gaza City" measures
/// from Rafah, not from the place inside the clause.
fn relative_clause(before: &str) -> Option<std::ops::Range<usize>> {
    let open = [", which ", ", who ", ", where "]
        .iter()
        .filter_map(|w| before.rfind(w))
        .max()?;
    let close = open + 2 + before[open + 2..].find(',')?;
    Some(open..close)
}

/// Whether `words` is a single nationality adjective before a noun ("Russian forces are 15 km
/// from Kyiv"), which names who is there rather than a place.
fn is_demonym_before_noun(text: &str, words: &str, end: usize) -> bool {
    !words.contains(char::is_whitespace)
        && ["an", "ese", "ish", "i", "ic"]
            .iter()
            .any(|s| words.ends_with(s))
        && !follows_as_noun(text, end)
}

/// Whether the length at `start` is stated "to within" ("advanced to within 10km"), with
/// `before` the sentence's text before it.
fn to_within(text: &str, before: &str, start: usize) -> bool {
    let stated = text[start..].get(..6);
    let lead = before.trim_end();
    stated.is_some_and(|w| w.eq_ignore_ascii_case("within"))
        && lead.len() >= 3
        && lead.as_bytes()[lead.len() - 3..].eq_ignore_ascii_case(b" to")
}

/// Whether `words` is a single plural of a nationality ("Britons", "Ukrainians"): people,
/// wherever they are, not a place a distance is measured from.
fn is_people(words: &str) -> bool {
    // ASCII only ("Orléans" is a place), and the endings of nationalities' plurals: "-ians",
    // "-eans", "-cans", "-mans", "-ese" aside (singular and plural alike), and "Britons".
    words == "Britons"
        || (words.is_ascii()
            && !words.contains(char::is_whitespace)
            && ["ians", "eans", "cans", "mans"]
                .iter()
                .any(|s| words.len() > s.len() + 2 && words.ends_with(s)))
}

/// Whether a claim's words say the distance is straight ("as the crow flies").
fn states_straight(words: &str) -> bool {
    MODE_ANYWHERE
        .get(words)
        .captures(words)
        .is_some_and(|c| c.name("straight").is_some())
}

/// The way a length before "from A to B" runs along, from the last five words before it: a
/// route's noun ("railway", "road"), else a verb of going ("flew" a flight, "walked", "runs"
/// by road).
fn way_before(before: &str) -> Option<Mode> {
    let words: Vec<&str> = before.split_whitespace().rev().take(5).collect();
    words.iter().find_map(|w| route_word(w)).or_else(|| {
        words.iter().find_map(|w| {
            let w = w.trim_matches(|c: char| !c.is_ascii_alphabetic());
            match w {
                "flew" | "flies" | "fly" | "flown" => Some(Mode::Flight),
                "runs" | "run" | "ran" | "stretches" | "stretched" | "extends" | "walked"
                | "walks" | "marched" | "hiked" | "cycled" | "drove" | "drives" | "sailed"
                | "travelled" | "traveled" | "trekked" => Some(Mode::Road),
                _ => None,
            }
        })
    })
}

/// The mode stated in a claim's words; straight-line when none is.
fn mode_in(words: &str) -> Mode {
    let Some(caps) = MODE_ANYWHERE.get(words).captures(words) else {
        return Mode::Straight;
    };
    if caps.name("road").is_some() {
        Mode::Road
    } else if caps.name("rail").is_some() {
        Mode::Rail
    } else if caps.name("flight").is_some() {
        Mode::Flight
    } else {
        Mode::Straight
    }
}

/// Every pattern of the distance reader, for the table of prebuilt automata
/// (`tier/automata.rs`).
#[cfg(test)]
pub(crate) fn tiered_patterns() -> Vec<&'static crate::tier::Tiered> {
    twins().into_iter().flat_map(Twin::forms).collect()
}

/// The distance reader's patterns of three forms (see [`Twin`]).
#[cfg(test)]
pub(crate) fn twins() -> Vec<&'static Twin> {
    vec![
        &TAIL,
        &TO,
        &PAIR,
        &FRAMED_PAIR,
        &PLACE,
        &SEPARATED,
        &APART,
        &MODE_ANYWHERE,
        &MODE_AFTER,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A distance late in a sentence that never ends is read as in a short one: only the words
    /// near its length are read.
    #[test]
    fn a_distance_after_thousands_of_lengths_in_one_sentence() {
        let list = "3-5 miles, ".repeat(5_000);
        let text = format!("{list}and Kherson lies 100 km from Mykolaiv, {list}");
        let claims = extract_distances(&text);
        assert_eq!(claims.len(), 1, "{:?}", claims.first());
        let Details::Distance(d) = &*claims[0].details else {
            panic!("not a distance: {:?}", claims[0]);
        };
        assert_eq!(claims[0].text, "Kherson lies 100 km from Mykolaiv");
        assert_eq!(d.from.as_deref(), Some("Kherson"));
        assert_eq!(d.to.as_deref(), Some("Mykolaiv"));
    }

    /// What a test expects of the one distance claim in a text.
    struct Expected<'a> {
        text: &'a str,
        from: Option<&'a str>,
        to: &'a str,
        comparator: Comparator,
        value: f64,
        value_max: Option<f64>,
        unit: &'a str,
        km: f64,
        mode: Mode,
    }

    fn check(input: &str, expected: Option<Expected<'_>>) {
        let claims = extract_distances(input);
        let Some(e) = expected else {
            assert!(
                claims.is_empty(),
                "{input:?}: expected no distance, got {claims:#?}"
            );
            return;
        };
        assert_eq!(claims.len(), 1, "{input:?}: {claims:#?}");
        let claim = &claims[0];
        let Details::Distance(d) = &*claim.details else {
            panic!("{input:?}: not a distance: {claim:?}");
        };
        assert_eq!(claim.text, e.text, "{input:?}");
        assert_eq!(d.from.as_deref(), e.from, "{input:?}");
        assert_eq!(d.to.as_deref(), Some(e.to), "{input:?}");
        assert_eq!(d.comparator, e.comparator, "{input:?}");
        assert_eq!(d.value, e.value, "{input:?}");
        assert_eq!(d.value_max, e.value_max, "{input:?}");
        assert_eq!(d.unit, e.unit, "{input:?}");
        assert!(
            (d.claimed_km - e.km).abs() < 1e-6,
            "{input:?}: {} km",
            d.claimed_km
        );
        assert_eq!(d.mode, e.mode, "{input:?}");
        assert_eq!(d.measured_km, None);
    }

    #[test]
    fn a_place_inside_a_relative_clause_is_not_the_one_measured() {
        check(
            "The town of Rafah, which sits on the border with Egypt, is about 30 km south of Gaza City.",
            Some(Expected {
                text: "Rafah, which sits on the border with Egypt, is about 30 km south of Gaza City",
                from: Some("Rafah"),
                to: "Gaza City",
                comparator: Comparator::Approx,
                value: 30.0,
                value_max: None,
                unit: "km",
                km: 30.0,
                mode: Mode::Straight,
            }),
        );
    }

    /// The (from, to) of each distance claim in `text`.
    fn ends(text: &str) -> Vec<(Option<String>, Option<String>)> {
        extract_distances(text)
            .into_iter()
            .map(|c| match *c.details {
                Details::Distance(d) => (d.from, d.to),
                other => panic!("{text:?}: not a distance: {other:?}"),
            })
            .collect()
    }

    fn named(from: Option<&str>, to: &str) -> (Option<String>, Option<String>) {
        (from.map(str::to_string), Some(to.to_string()))
    }

    /// A possessive before a noun qualifies it: "Peru's" is not where "770 km" starts, and
    /// the nearest place left is where the length before ended, so both lengths are from one
    /// unnamed point. A name ending in "'s" before a verb is still a place.
    #[test]
    fn a_possessive_is_not_the_place_measured_from() {
        assert_eq!(
            ends(
                "Its epicentre was about 60 km north-west of Arequipa, Peru's second-largest \
                 city, and roughly 770 km south-east of the capital, Lima."
            ),
            [named(None, "Arequipa"), named(None, "Lima")]
        );
        assert_eq!(
            ends("Mariupol, Ukraine's port, lies 50 km from the Russian border."),
            [named(Some("Mariupol"), "Russian border")]
        );
        assert_eq!(
            ends("The Kremlin's forces are 20 km from Kharkiv."),
            [named(None, "Kharkiv")]
        );
        assert_eq!(
            ends("St John's lies 30 km from Paradise."),
            [named(Some("St John's"), "Paradise")]
        );
    }

    /// A length in what someone said is not measured from the speaker.
    #[test]
    fn a_speaker_is_not_the_place_measured_from() {
        assert_eq!(
            ends(
                "Okafor, who took over in March, said the company would open a hub about 40 \
                 miles east of Dallas."
            ),
            [named(None, "Dallas")]
        );
        assert_eq!(
            ends("Kyiv's mayor told reporters Russian troops were 30 km from Irpin."),
            [named(None, "Irpin")]
        );
        assert_eq!(
            ends("Officials said Kherson lies 100 km from Mykolaiv."),
            [named(Some("Kherson"), "Mykolaiv")]
        );
    }

    /// A total of lengths between two places is not the distance between them.
    #[test]
    fn a_total_length_is_no_distance() {
        assert_eq!(
            ends("Sections totalling nearly 14 miles between Montrose and Aberdeen will close."),
            []
        );
        assert_eq!(ends("A total of 40 km from Kyiv was mined."), []);
        assert_eq!(
            ends("Montrose is around 35 miles south of Aberdeen."),
            [named(Some("Montrose"), "Aberdeen")]
        );
    }

    /// "from A to B" after a length names both ends.
    #[test]
    fn a_length_from_one_place_to_another() {
        assert_eq!(
            ends("The road runs for 30 miles from Inverness to Forres."),
            [named(Some("Inverness"), "Forres")]
        );
        assert_eq!(
            ends("They fled 30 km from Kyiv to safety."),
            [named(None, "Kyiv")]
        );
    }

    /// Text beyond ASCII right before a length or a weekday is read without slicing a
    /// character.
    #[test]
    fn letters_beyond_ascii_before_a_length_or_a_weekday() {
        for text in [
            "Кременчуг within 10km of Kyiv.",
            "Ще the Monday after Christmas 2023 it rained.",
            "Ще́ the Monday after Christmas 2023, and 🎉 within 5 km of Lviv.",
        ] {
            crate::extract(text, &crate::ExtractOptions::default());
        }
    }

    /// A route named with the places is measured along it: the checker can then say it has
    /// no route data rather than hold the claim to a straight line.
    #[test]
    fn a_route_before_or_after_the_places_sets_the_mode() {
        let mode = |text: &str| match &*extract_distances(text)[0].details {
            Details::Distance(d) => (d.from.clone(), d.to.clone(), d.mode),
            _ => unreachable!(),
        };
        let between = |mode| (Some("Madrid".to_string()), Some("Lisbon".to_string()), mode);
        assert_eq!(
            mode("The rail line from Madrid to Lisbon is 750km long."),
            between(Mode::Rail)
        );
        assert_eq!(
            mode("The journey between Madrid and Lisbon is 620 km."),
            between(Mode::Road)
        );
        assert_eq!(
            mode("The 620 km journey between Madrid and Lisbon takes a day."),
            between(Mode::Road)
        );
        assert_eq!(
            mode("The distance between Madrid and Lisbon is 504 km."),
            between(Mode::Straight)
        );
        // A front line is no railway.
        assert_eq!(
            mode("The line between Madrid and Lisbon is 504 km long."),
            between(Mode::Straight)
        );
    }

    /// A length "by" which a distance changed is not the distance.
    #[test]
    fn a_change_to_a_distance_is_not_one() {
        check(
            "The motorway cut the distance between Lyon and Paris by about 40 kilometres.",
            None,
        );
        check(
            "The bypass shortened the drive from Leeds to York by 5 miles.",
            None,
        );
    }

    #[test]
    fn a_trip_of_a_length_between_two_places_is_a_distance() {
        check(
            "The ferry makes the 21-mile crossing from Dover to Calais in 90 minutes.",
            Some(Expected {
                text: "21-mile crossing from Dover to Calais",
                from: Some("Dover"),
                to: "Calais",
                comparator: Comparator::Approx,
                value: 21.0,
                value_max: None,
                unit: "mile",
                km: 33.796224,
                mode: Mode::Straight,
            }),
        );
        check(
            "A 40-mile stretch between Leeds and York was closed.",
            Some(Expected {
                text: "40-mile stretch between Leeds and York",
                from: Some("Leeds"),
                to: "York",
                comparator: Comparator::Approx,
                value: 40.0,
                value_max: None,
                unit: "mile",
                km: 64.37376,
                mode: Mode::Road,
            }),
        );
        // A size is no distance: "the 5.5 km bridge".
        check("The 5.5 km bridge over the Tagus opened.", None);
    }

    #[test]
    fn a_date_before_the_length_is_no_place() {
        for (input, text) in [
            (
                "The quake struck on Monday, some 37 km from Gaziantep.",
                "some 37 km from Gaziantep",
            ),
            (
                "It struck near Nurdagi on 6 February 2023, some 37 km from Gaziantep.",
                "some 37 km from Gaziantep",
            ),
            (
                "The quake hit in February, 37 km from Gaziantep.",
                "37 km from Gaziantep",
            ),
        ] {
            check(
                input,
                Some(Expected {
                    text,
                    from: None,
                    to: "Gaziantep",
                    comparator: Comparator::Approx,
                    value: 37.0,
                    value_max: None,
                    unit: "km",
                    km: 37.0,
                    mode: Mode::Straight,
                }),
            );
        }
        // A place with a weekday in its name is still a place.
        let claims = extract_distances("Friday Harbor is 30 km from Victoria.");
        let Details::Distance(d) = &*claims[0].details else {
            panic!("{claims:?}");
        };
        assert_eq!(d.from.as_deref(), Some("Friday Harbor"));
    }

    #[test]
    fn reads_distance_forms() {
        use Comparator::*;
        let cases = [
            (
                "Kim could travel in an armored train to Vladivostok, which is less than 500 kilometers from the North Korean border as the crow flies.",
                Expected {
                    text: "Vladivostok, which is less than 500 kilometers from the North Korean border as the crow flies",
                    from: Some("Vladivostok"),
                    to: "North Korean border",
                    comparator: Lt,
                    value: 500.0,
                    value_max: None,
                    unit: "kilometers",
                    km: 500.0,
                    mode: Mode::Straight,
                },
            ),
            (
                "Lyon is 390 km from Paris.",
                Expected {
                    text: "Lyon is 390 km from Paris",
                    from: Some("Lyon"),
                    to: "Paris",
                    comparator: Approx,
                    value: 390.0,
                    value_max: None,
                    unit: "km",
                    km: 390.0,
                    mode: Mode::Straight,
                },
            ),
            (
                "The talks were held in Lyon, roughly 390 km south-east of Paris.",
                Expected {
                    text: "Lyon, roughly 390 km south-east of Paris",
                    from: Some("Lyon"),
                    to: "Paris",
                    comparator: Approx,
                    value: 390.0,
                    value_max: None,
                    unit: "km",
                    km: 390.0,
                    mode: Mode::Straight,
                },
            ),
            (
                "They met in Toronto and Montreal, which are separated by about 500 km.",
                Expected {
                    text: "Toronto and Montreal, which are separated by about 500 km",
                    from: Some("Toronto"),
                    to: "Montreal",
                    comparator: Approx,
                    value: 500.0,
                    value_max: None,
                    unit: "km",
                    km: 500.0,
                    mode: Mode::Straight,
                },
            ),
            (
                "Refugees reached Przemysl, some 15 kilometres south of Rzeszow.",
                Expected {
                    text: "Przemysl, some 15 kilometres south of Rzeszow",
                    from: Some("Przemysl"),
                    to: "Rzeszow",
                    comparator: Approx,
                    value: 15.0,
                    value_max: None,
                    unit: "kilometres",
                    km: 15.0,
                    mode: Mode::Straight,
                },
            ),
            (
                "Shelling hit Kharkiv, only about 40 km from the Russian border.",
                Expected {
                    text: "Kharkiv, only about 40 km from the Russian border",
                    from: Some("Kharkiv"),
                    to: "Russian border",
                    comparator: Approx,
                    value: 40.0,
                    value_max: None,
                    unit: "km",
                    km: 40.0,
                    mode: Mode::Straight,
                },
            ),
            (
                "He lives in Narva, 2 miles from the border with Russia.",
                Expected {
                    text: "Narva, 2 miles from the border with Russia",
                    from: Some("Narva"),
                    to: "border with Russia",
                    comparator: Approx,
                    value: 2.0,
                    value_max: None,
                    unit: "miles",
                    km: 3.218688,
                    mode: Mode::Straight,
                },
            ),
            (
                "Officials warned Britons against travel to within 10km of the border with Lebanon.",
                Expected {
                    text: "within 10km of the border with Lebanon",
                    from: None,
                    to: "border with Lebanon",
                    comparator: Le,
                    value: 10.0,
                    value_max: None,
                    unit: "km",
                    km: 10.0,
                    mode: Mode::Straight,
                },
            ),
            (
                "Troops in Belgorod gathered within 30 km of Kharkiv.",
                Expected {
                    text: "Belgorod gathered within 30 km of Kharkiv",
                    from: Some("Belgorod"),
                    to: "Kharkiv",
                    comparator: Le,
                    value: 30.0,
                    value_max: None,
                    unit: "km",
                    km: 30.0,
                    mode: Mode::Straight,
                },
            ),
            (
                "Odesa is 475 km by road from Kyiv.",
                Expected {
                    text: "Odesa is 475 km by road from Kyiv",
                    from: Some("Odesa"),
                    to: "Kyiv",
                    comparator: Approx,
                    value: 475.0,
                    value_max: None,
                    unit: "km",
                    km: 475.0,
                    mode: Mode::Road,
                },
            ),
            (
                "Lviv is about 540 km from Kyiv by train.",
                Expected {
                    text: "Lviv is about 540 km from Kyiv by train",
                    from: Some("Lviv"),
                    to: "Kyiv",
                    comparator: Approx,
                    value: 540.0,
                    value_max: None,
                    unit: "km",
                    km: 540.0,
                    mode: Mode::Rail,
                },
            ),
            (
                "Seoul is a 900 km flight from Beijing.",
                Expected {
                    text: "Seoul is a 900 km flight from Beijing",
                    from: Some("Seoul"),
                    to: "Beijing",
                    comparator: Approx,
                    value: 900.0,
                    value_max: None,
                    unit: "km",
                    km: 900.0,
                    mode: Mode::Flight,
                },
            ),
            (
                "The ship sank 12 nautical miles off the coast of Lampedusa.",
                Expected {
                    text: "12 nautical miles off the coast of Lampedusa",
                    from: None,
                    to: "Lampedusa",
                    comparator: Approx,
                    value: 12.0,
                    value_max: None,
                    unit: "nautical miles",
                    km: 22.224,
                    mode: Mode::Straight,
                },
            ),
            (
                "Bakhmut lies between 10 and 15 kilometres from Soledar.",
                Expected {
                    text: "Bakhmut lies between 10 and 15 kilometres from Soledar",
                    from: Some("Bakhmut"),
                    to: "Soledar",
                    comparator: Between,
                    value: 10.0,
                    value_max: Some(15.0),
                    unit: "kilometres",
                    km: 10.0,
                    mode: Mode::Straight,
                },
            ),
            (
                "Mariupol is exactly 55 km from Berdiansk.",
                Expected {
                    text: "Mariupol is exactly 55 km from Berdiansk",
                    from: Some("Mariupol"),
                    to: "Berdiansk",
                    comparator: Eq,
                    value: 55.0,
                    value_max: None,
                    unit: "km",
                    km: 55.0,
                    mode: Mode::Straight,
                },
            ),
            (
                "Metz is more than 300 metres from the Moselle.",
                Expected {
                    text: "Metz is more than 300 metres from the Moselle",
                    from: Some("Metz"),
                    to: "Moselle",
                    comparator: Gt,
                    value: 300.0,
                    value_max: None,
                    unit: "metres",
                    km: 0.3,
                    mode: Mode::Straight,
                },
            ),
            (
                "Russian forces are 15 km from Kyiv, the Pentagon said.",
                Expected {
                    text: "15 km from Kyiv",
                    from: None,
                    to: "Kyiv",
                    comparator: Approx,
                    value: 15.0,
                    value_max: None,
                    unit: "km",
                    km: 15.0,
                    mode: Mode::Straight,
                },
            ),
            (
                "The town of Bakhmut, about 55 km (34 miles) north of Donetsk, has fallen.",
                Expected {
                    text: "Bakhmut, about 55 km (34 miles) north of Donetsk",
                    from: Some("Bakhmut"),
                    to: "Donetsk",
                    comparator: Approx,
                    value: 55.0,
                    value_max: None,
                    unit: "km",
                    km: 55.0,
                    mode: Mode::Straight,
                },
            ),
            (
                "Troops advanced to Irpin, some 20km north-west of the capital, Kyiv.",
                Expected {
                    text: "Irpin, some 20km north-west of the capital, Kyiv",
                    from: Some("Irpin"),
                    to: "Kyiv",
                    comparator: Approx,
                    value: 20.0,
                    value_max: None,
                    unit: "km",
                    km: 20.0,
                    mode: Mode::Straight,
                },
            ),
            (
                "Sailings to Tallinn, which is about 80 kilometres south of Helsinki across the Gulf of Finland,\nwill restart.",
                Expected {
                    text: "Tallinn, which is about 80 kilometres south of Helsinki",
                    from: Some("Tallinn"),
                    to: "Helsinki",
                    comparator: Approx,
                    value: 80.0,
                    value_max: None,
                    unit: "kilometres",
                    km: 80.0,
                    mode: Mode::Straight,
                },
            ),
            (
                "Toronto and Montreal are 540 km apart.",
                Expected {
                    text: "Toronto and Montreal are 540 km apart",
                    from: Some("Toronto"),
                    to: "Montreal",
                    comparator: Approx,
                    value: 540.0,
                    value_max: None,
                    unit: "km",
                    km: 540.0,
                    mode: Mode::Straight,
                },
            ),
        ];
        for (input, expected) in cases {
            check(input, Some(expected));
        }
    }

    #[test]
    fn a_place_and_its_region_are_measured_from_the_place() {
        assert_eq!(
            ends(
                "Commuters from Trenton, New Jersey, roughly 30 miles northeast of Philadelphia, said so."
            ),
            [named(Some("Trenton, New Jersey"), "Philadelphia")]
        );
        assert_eq!(
            ends("In Kharkiv, Ukraine, 30 km from the Russian border, shelling went on."),
            [named(Some("Kharkiv, Ukraine"), "Russian border")]
        );
        // Not a day before a body's possessive.
        assert_eq!(
            ends(
                "Troops advanced on Thursday, Ukraine's General Staff said, to within 25 km of Kramatorsk."
            ),
            ends("Troops advanced, Ukraine's General Staff said, to within 25 km of Kramatorsk.")
        );
    }

    #[test]
    fn a_chained_appositive_measures_from_the_first_place() {
        let claims = extract_distances(
            "Kherson lies about 100 km north-west of the Crimean isthmus, some 550 km by road from Kyiv.",
        );
        let second = claims.get(1).map(|c| (c.text.as_str(), &*c.details));
        let Some((text, Details::Distance(d))) = second else {
            panic!("expected two distances: {claims:#?}");
        };
        assert_eq!(text, "some 550 km by road from Kyiv");
        assert_eq!(
            (d.from.as_deref(), d.to.as_deref(), d.mode),
            (Some("Kherson"), Some("Kyiv"), Mode::Road)
        );
    }

    #[test]
    fn the_length_inside_a_distance_is_not_also_a_quantity() {
        let claims = crate::extract(
            "Lyon is 390 km from Paris.",
            &crate::ExtractOptions::default(),
        );
        let kinds: Vec<_> = claims.iter().map(|c| c.kind).collect();
        assert_eq!(kinds, vec![claimcheck_core::ClaimKind::Distance]);
    }

    #[test]
    fn lengths_that_relate_no_places_are_not_distances() {
        for input in [
            "3 km",
            "its greatest drawback may be its 3-inch thickness.",
            "An area about ten miles long was hit.",
            "The 5.5 km bridge opened in Crimea.",
            "It takes more than 10 1/2 miles of cable to hook it all up.",
            "Ukraine lost 200 km of Ukrainian territory.",
            "He walked 10 miles from his home.",
            "The missile flew 1,000 km before landing.",
        ] {
            check(input, None);
        }
    }
}
