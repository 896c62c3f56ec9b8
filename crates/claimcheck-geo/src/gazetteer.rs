//! The gazetteer: GeoNames places and countries, found by the names an article uses for them.

use rustc_hash::FxHashMap as HashMap;

use crate::normalise::normalise;
use crate::{GeoError, LatLon, check_header};

const PLACES_TSV: &str = include_str!("../../../corpora/geo/places.tsv");
const NAMES_TSV: &str = include_str!("../../../corpora/geo/names.tsv");
const COUNTRIES_TSV: &str = include_str!("../../../corpora/geo/countries.tsv");
const DEMONYMS_TSV: &str = include_str!("../../../corpora/geo/demonyms.tsv");
/// Where each row of `places.tsv` after its header starts, as little-endian `u32`s, written by
/// `build.rs` from the same file.
const PLACE_STARTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/place_starts.bin"));

/// How much more a place counts when the name is its own rather than an alternate one. Own
/// names should win among places of a similar size, but "Odessa" means Odesa in Ukraine (an
/// alternate name, a million people) rather than Odessa, Texas (its own name, 114,000), and
/// "St. Petersburg" the Russian city rather than the one in Florida.
pub const OWN_NAME_WEIGHT: u64 = 4;

/// A populated place from GeoNames (population 15,000 or more, or a capital).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Place {
    pub geonameid: u32,
    pub name: &'static str,
    /// ISO 3166-1 alpha-2 code of its country.
    pub country: &'static str,
    /// GeoNames' first-level administrative code (a US state's postal code, for instance).
    pub admin1: &'static str,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
}

impl Place {
    /// Its representative point as (latitude, longitude).
    pub fn position(&self) -> LatLon {
        (self.lat, self.lon)
    }
}

/// A country from GeoNames' country table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Country {
    pub iso2: &'static str,
    pub iso3: &'static str,
    pub geonameid: u32,
    pub name: &'static str,
    /// The name of its Natural Earth 1:10m admin-0 feature, when it has a boundary there.
    pub natural_earth_name: Option<&'static str>,
    pub population: u64,
    capital_row: Option<usize>,
}

/// What a name in an article stands for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Resolved {
    /// A city or town.
    Place(Place),
    /// A country as a whole ("Estonia").
    Country(Country),
    /// A country's boundary ("the North Korean border", "the border with Belarus").
    Border(Country),
    /// The border two countries share ("the Russian-Ukrainian border", "the border between
    /// Russia and Ukraine").
    SharedBorder(Country, Country),
    /// A country's capital named through the country ("the Estonian capital").
    Capital(Place),
}

impl Resolved {
    /// How a report names what was resolved: "Vladivostok", "Estonia", "North Korea (border)",
    /// "Russia–Ukraine (border)".
    pub fn label(&self) -> String {
        match self {
            Resolved::Place(p) | Resolved::Capital(p) => p.name.to_string(),
            Resolved::Country(c) => c.name.to_string(),
            Resolved::Border(c) => format!("{} (border)", c.name),
            Resolved::SharedBorder(a, b) => format!("{}–{} (border)", a.name, b.name),
        }
    }
}

/// Places, countries and the names that lead to them; see [`crate::gazetteer`].
pub struct Gazetteer {
    /// The rows of `places.tsv` after its header (where each starts is in [`PLACE_STARTS`]).
    places: &'static str,
    /// The sorted rows of `names.tsv` after its header, searched in place.
    names: &'static [u8],
    countries: Vec<Country>,
    /// Country names, exonyms and short names, by key.
    country_names: HashMap<String, usize>,
    /// Country adjectives and demonyms ("north korean", "swiss"), by key.
    country_adjectives: HashMap<String, usize>,
}

impl Gazetteer {
    /// Reads the bundled files. Only the small country table is parsed; the place and name
    /// files are searched where they lie.
    pub fn bundled() -> Result<Gazetteer, GeoError> {
        let places = body(PLACES_TSV, "places.tsv", "claimcheck-geo-places")?;
        let names = body(NAMES_TSV, "names.tsv", "claimcheck-geo-names")?;
        let mut gazetteer = Gazetteer {
            places,
            names: names.as_bytes(),
            countries: Vec::new(),
            // Sized for the bundled tables (about 800 names and 300 adjectives); the keys are
            // short, and hashed with FxHash rather than SipHash: only bundled keys are inserted.
            country_names: HashMap::with_capacity_and_hasher(1024, Default::default()),
            country_adjectives: HashMap::with_capacity_and_hasher(512, Default::default()),
        };
        gazetteer.load_countries()?;
        gazetteer.load_demonyms()?;
        Ok(gazetteer)
    }

    fn load_countries(&mut self) -> Result<(), GeoError> {
        let text = body(COUNTRIES_TSV, "countries.tsv", "claimcheck-geo-countries")?;
        for (n, line) in text.lines().enumerate() {
            let bad = |reason: &str| GeoError::Line {
                file: "countries.tsv",
                line: n + 2,
                reason: reason.to_string(),
            };
            let f: Vec<&'static str> = line.split('\t').collect();
            let [
                iso2,
                iso3,
                _numeric,
                geonameid,
                name,
                _capital,
                capital_row,
                population,
                ..,
            ] = f[..]
            else {
                return Err(bad("fewer than 11 columns"));
            };
            let ne_name = f.get(10).copied().filter(|s| !s.is_empty());
            let country = Country {
                iso2,
                iso3,
                geonameid: geonameid.parse().map_err(|_| bad("bad geonameid"))?,
                name,
                natural_earth_name: ne_name,
                population: population.parse().map_err(|_| bad("bad population"))?,
                capital_row: if capital_row.is_empty() {
                    None
                } else {
                    Some(capital_row.parse().map_err(|_| bad("bad capital row"))?)
                },
            };
            let i = self.countries.len();
            self.countries.push(country);
            self.country_names.entry(normalise(name)).or_insert(i);
            if let Some(ne) = ne_name {
                self.country_names.entry(normalise(ne)).or_insert(i);
            }
        }
        Ok(())
    }

    fn load_demonyms(&mut self) -> Result<(), GeoError> {
        for (n, line) in DEMONYMS_TSV.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |reason: String| GeoError::Line {
                file: "demonyms.tsv",
                line: n + 1,
                reason,
            };
            let mut cols = line.split('\t');
            let (Some(iso2), Some(kind), Some(term), None) =
                (cols.next(), cols.next(), cols.next(), cols.next())
            else {
                return Err(bad("expected three tab-separated columns".into()));
            };
            let i = self
                .country_index(iso2)
                .ok_or_else(|| bad(format!("unknown country code {iso2}")))?;
            // A note in parentheses explains the term to a reader; it is not part of it.
            let term = term.split('(').next().unwrap_or(term);
            let key = normalise(term);
            let map = match kind {
                "adjective" => &mut self.country_adjectives,
                "name" => &mut self.country_names,
                other => return Err(bad(format!("unknown kind {other}"))),
            };
            map.entry(key).or_insert(i);
        }
        Ok(())
    }

    fn country_index(&self, iso2: &str) -> Option<usize> {
        self.countries.binary_search_by(|c| c.iso2.cmp(iso2)).ok()
    }

    /// Every country of the table, in ISO code order.
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// A country by its ISO alpha-2 code ("KP"), its name ("North Korea"), another of its
    /// names ("DPRK", "Burma") or its adjective ("North Korean").
    pub fn country(&self, code_or_name: &str) -> Option<Country> {
        let code = code_or_name.trim();
        if code.len() == 2
            && code.bytes().all(|b| b.is_ascii_uppercase())
            && let Some(i) = self.country_index(code)
        {
            return Some(self.countries[i]);
        }
        self.country_by_key(&strip_the(&normalise(code_or_name)))
    }

    fn country_by_key(&self, key: &str) -> Option<Country> {
        self.country_names
            .get(key)
            .or_else(|| self.country_adjectives.get(key))
            .map(|&i| self.countries[i])
    }

    /// The countries a text names, by name or adjective ("Russia", "the North Korean border"),
    /// as ISO codes in order of first mention: the context that settles ambiguous place names.
    /// Only capitalised phrases of up to four words count, so "china" in "fine china" does not.
    pub fn countries_named_in(&self, text: &str) -> Vec<&'static str> {
        // Each word with whether a dollar sign follows it: "US$255", "A$40" name a currency,
        // not the country.
        let pieces: Vec<(&str, bool)> = text
            .split(|c: char| !(c.is_alphanumeric() || matches!(c, '.' | '\'' | '’')))
            .map(|w| {
                let end = w.as_ptr() as usize - text.as_ptr() as usize + w.len();
                (w.trim_matches('.'), text[end..].starts_with('$'))
            })
            .filter(|(w, _)| !w.is_empty())
            .collect();
        let words: Vec<&str> = pieces.iter().map(|&(w, _)| w).collect();
        let mut found: Vec<&'static str> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let mut step = 1;
            if words[i].starts_with(|c: char| c.is_uppercase()) {
                for n in (1..=4.min(words.len() - i)).rev() {
                    if n == 1 && pieces[i].1 {
                        continue;
                    }
                    let phrase = strip_possessive(&words[i..i + n].join(" "));
                    if let Some(country) = self.country_by_key(&normalise(&phrase)) {
                        if !found.contains(&country.iso2) {
                            found.push(country.iso2);
                        }
                        step = n;
                        break;
                    }
                }
            }
            i += step;
        }
        found
    }

    /// The capital of `country`, when GeoNames names one that the gazetteer holds.
    pub fn capital_of(&self, country: &Country) -> Option<Place> {
        country.capital_row.and_then(|row| self.place(row))
    }

    /// The place in row `row` of `places.tsv` (0 is the first row after the header).
    fn place(&self, row: usize) -> Option<Place> {
        let offset = PLACE_STARTS.get(row * 4..row * 4 + 4)?;
        let start = u32::from_le_bytes(offset.try_into().ok()?) as usize;
        let line = self.places[start..].lines().next()?;
        let f: Vec<&'static str> = line.split('\t').collect();
        let [geonameid, name, country, admin1, lat, lon, population] = f[..] else {
            return None;
        };
        Some(Place {
            geonameid: geonameid.parse().ok()?,
            name,
            country,
            admin1,
            lat: lat.parse().ok()?,
            lon: lon.parse().ok()?,
            population: population.parse().ok()?,
        })
    }

    /// The rows listed for `key` in the sorted name index, found by binary search over the
    /// file's bytes: lines are found around each probe, so nothing is parsed in advance.
    fn rows_for_key(&self, key: &str) -> Vec<usize> {
        let data = self.names;
        let (mut lo, mut hi) = (0usize, data.len());
        // Invariant: `lo` is the start of a line, and every line before `hi` ends before it.
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let start = data[lo..mid]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(lo, |p| lo + p + 1);
            let end = data[start..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(data.len(), |p| start + p);
            let line = &data[start..end];
            let Some(tab) = line.iter().position(|&b| b == b'\t') else {
                return Vec::new();
            };
            match line[..tab].cmp(key.as_bytes()) {
                std::cmp::Ordering::Equal => {
                    return std::str::from_utf8(&line[tab + 1..])
                        .map(|rows| rows.split(',').filter_map(|r| r.parse().ok()).collect())
                        .unwrap_or_default();
                }
                std::cmp::Ordering::Less => lo = end + 1,
                std::cmp::Ordering::Greater => hi = start,
            }
        }
        Vec::new()
    }

    /// Every place with this name (its own or an alternate one), most populous first.
    pub fn candidates(&self, name: &str) -> Vec<Place> {
        self.rows_for_key(&normalise(name))
            .into_iter()
            .filter_map(|row| self.place(row))
            .collect()
    }

    /// The place an article most likely means by `name`: one in a country the article names
    /// (`context_countries`, as codes or names) first, then the most populous, where a place
    /// whose own name it is counts [`OWN_NAME_WEIGHT`] times its population against places
    /// for which it is an alternate name.
    pub fn resolve_place(&self, name: &str, context_countries: &[&str]) -> Option<Place> {
        let context = self.context_codes(context_countries);
        // "Trenton, New Jersey": a US state after the name, as American papers write it,
        // picks the place in that state.
        if let Some((head, tail)) = name.rsplit_once(',')
            && let Some(state) = us_state(tail.trim())
            && !head.trim().is_empty()
        {
            let key = strip_the(&normalise(&strip_possessive(head)));
            // Not found in the state, the name may be another country's ("Tbilisi, Georgia").
            if let Some(place) = self
                .place_by_key(&key, &["US"], Some(state))
                .filter(|p| p.country == "US" && p.admin1 == state)
            {
                return Some(place);
            }
        }
        let (name, context) = self.split_qualifier(name, context);
        let key = strip_the(&normalise(&strip_possessive(name)));
        self.place_by_key(&key, &context, None).or_else(|| {
            key.strip_suffix(" city")
                .and_then(|k| self.place_by_key(k, &context, None))
        })
    }

    fn place_by_key(
        &self,
        key: &str,
        context: &[&'static str],
        admin1: Option<&str>,
    ) -> Option<Place> {
        let rows = self.rows_for_key(key);
        rows.into_iter()
            .filter_map(|row| self.place(row))
            .max_by_key(|p| {
                let own_name = normalise(p.name) == key;
                (
                    admin1.is_some_and(|a| a == p.admin1),
                    context.contains(&p.country),
                    p.population
                        .saturating_mul(if own_name { OWN_NAME_WEIGHT } else { 1 }),
                    std::cmp::Reverse(p.geonameid),
                )
            })
    }

    /// Country codes for the countries an article names, given as codes or names.
    fn context_codes(&self, context_countries: &[&str]) -> Vec<&'static str> {
        context_countries
            .iter()
            .filter_map(|c| self.country(c))
            .map(|c| c.iso2)
            .collect()
    }

    /// "Geneva, Switzerland": a trailing country narrows the search to that country.
    fn split_qualifier<'n>(
        &self,
        name: &'n str,
        context: Vec<&'static str>,
    ) -> (&'n str, Vec<&'static str>) {
        if let Some((head, tail)) = name.rsplit_once(',')
            && let Some(country) = self.country(tail)
            && !head.trim().is_empty()
        {
            return (head, vec![country.iso2]);
        }
        (name, context)
    }

    /// What `name`, as an article writes it, stands for: a place, a country, a country's
    /// border or its capital. Ambiguous place names are settled by `context_countries` (the
    /// countries the article names, as codes or names), then by population.
    ///
    /// A country whose capital has the same name (Singapore, Luxembourg, Djibouti) resolves to
    /// the capital: an article measuring a distance to it means the city.
    pub fn resolve(&self, name: &str, context_countries: &[&str]) -> Option<Resolved> {
        let key = strip_the(&normalise(&strip_possessive(name)));
        if key.is_empty() {
            return None;
        }
        if let Some(rest) = border_of(&key) {
            let rest = strip_the(rest);
            return match self.country_by_key(&rest) {
                Some(country) => Some(Resolved::Border(country)),
                None => self
                    .two_countries(&rest)
                    .map(|(a, b)| Resolved::SharedBorder(a, b)),
            };
        }
        if let Some(rest) = capital_of(&key) {
            let country = self.country_by_key(&strip_the(rest))?;
            return self.capital_of(&country).map(Resolved::Capital);
        }
        if let Some(country) = self.country_by_key(&key) {
            if let Some(capital) = self.capital_of(&country)
                && normalise(capital.name) == key
            {
                return Some(Resolved::Place(capital));
            }
            return Some(Resolved::Country(country));
        }
        self.resolve_place(name, context_countries)
            .map(Resolved::Place)
    }
}

impl Gazetteer {
    /// Two countries named together: "russian ukrainian", "russia and ukraine".
    fn two_countries(&self, key: &str) -> Option<(Country, Country)> {
        let words: Vec<&str> = key.split(' ').collect();
        (1..words.len()).find_map(|i| {
            let left = strip_the(&words[..i].join(" "));
            let right = words[i..].join(" ");
            let right = right.strip_prefix("and ").unwrap_or(&right);
            let a = self.country_by_key(&left)?;
            let b = self.country_by_key(&strip_the(right))?;
            (a.iso2 != b.iso2).then_some((a, b))
        })
    }
}

/// The text after a `#format` header line, once the header names the expected format.
fn body(
    text: &'static str,
    file: &'static str,
    format: &'static str,
) -> Result<&'static str, GeoError> {
    let (header, rest) = text.split_once('\n').unwrap_or((text, ""));
    check_header(Some(header), file, format)?;
    Ok(rest)
}

/// "the Netherlands" and "Netherlands" are the same name.
fn strip_the(key: &str) -> String {
    key.strip_prefix("the ").unwrap_or(key).to_string()
}

/// "Estonia's capital" -> "Estonia capital": the possessive would otherwise fold into the
/// word ("estonias").
fn strip_possessive(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut chars = name.chars().peekable();
    while let Some(c) = chars.next() {
        if matches!(c, '\'' | '’') {
            let mut ahead = chars.clone();
            if ahead.next().is_some_and(|s| s == 's')
                && ahead.next().is_none_or(|n| !n.is_alphanumeric())
            {
                chars.next();
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// The country words of a border phrase: "north korean border", "border with belarus",
/// "russian frontier", "north korea border" (from "North Korea (border)").
fn border_of(key: &str) -> Option<&str> {
    for suffix in [
        " border",
        " borders",
        " frontier",
        " border area",
        " border region",
    ] {
        if let Some(rest) = key.strip_suffix(suffix) {
            return Some(rest);
        }
    }
    for prefix in [
        "border between ",
        "border with ",
        "border of ",
        "borders of ",
        "borders with ",
        "frontier with ",
        "frontier of ",
    ] {
        if let Some(rest) = key.strip_prefix(prefix) {
            return Some(rest);
        }
    }
    None
}

/// The country words of a capital phrase: "estonian capital", "capital of estonia".
fn capital_of(key: &str) -> Option<&str> {
    for suffix in [" capital", " capital city"] {
        if let Some(rest) = key.strip_suffix(suffix) {
            return Some(rest);
        }
    }
    key.strip_prefix("capital of ")
        .or_else(|| key.strip_prefix("capital city of "))
}

/// The postal code GeoNames uses as a US state's first-level code, from the state's name or
/// its code ("New Jersey", "NJ").
fn us_state(name: &str) -> Option<&'static str> {
    const STATES: &[(&str, &str)] = &[
        ("Alabama", "AL"),
        ("Alaska", "AK"),
        ("Arizona", "AZ"),
        ("Arkansas", "AR"),
        ("California", "CA"),
        ("Colorado", "CO"),
        ("Connecticut", "CT"),
        ("Delaware", "DE"),
        ("District of Columbia", "DC"),
        ("Florida", "FL"),
        ("Georgia", "GA"),
        ("Hawaii", "HI"),
        ("Idaho", "ID"),
        ("Illinois", "IL"),
        ("Indiana", "IN"),
        ("Iowa", "IA"),
        ("Kansas", "KS"),
        ("Kentucky", "KY"),
        ("Louisiana", "LA"),
        ("Maine", "ME"),
        ("Maryland", "MD"),
        ("Massachusetts", "MA"),
        ("Michigan", "MI"),
        ("Minnesota", "MN"),
        ("Mississippi", "MS"),
        ("Missouri", "MO"),
        ("Montana", "MT"),
        ("Nebraska", "NE"),
        ("Nevada", "NV"),
        ("New Hampshire", "NH"),
        ("New Jersey", "NJ"),
        ("New Mexico", "NM"),
        ("New York", "NY"),
        ("North Carolina", "NC"),
        ("North Dakota", "ND"),
        ("Ohio", "OH"),
        ("Oklahoma", "OK"),
        ("Oregon", "OR"),
        ("Pennsylvania", "PA"),
        ("Rhode Island", "RI"),
        ("South Carolina", "SC"),
        ("South Dakota", "SD"),
        ("Tennessee", "TN"),
        ("Texas", "TX"),
        ("Utah", "UT"),
        ("Vermont", "VT"),
        ("Virginia", "VA"),
        ("Washington", "WA"),
        ("West Virginia", "WV"),
        ("Wisconsin", "WI"),
        ("Wyoming", "WY"),
    ];
    STATES
        .iter()
        .find(|(n, code)| n.eq_ignore_ascii_case(name) || *code == name)
        .map(|&(_, code)| code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn possessives_are_dropped() {
        assert_eq!(strip_possessive("Estonia's capital"), "Estonia capital");
        assert_eq!(strip_possessive("Korea’s border"), "Korea border");
        assert_eq!(strip_possessive("N'Djamena"), "N'Djamena");
        assert_eq!(strip_possessive("Côte d'Ivoire"), "Côte d'Ivoire");
    }

    /// A US state after a name picks the place in that state; a name the state does not hold
    /// falls back on the country of that name ("Tbilisi, Georgia").
    #[test]
    fn a_us_state_qualifies_a_place() {
        let g = crate::gazetteer();
        let paris = g.resolve_place("Paris, Texas", &[]).expect("Paris, Texas");
        assert_eq!((paris.country, paris.admin1), ("US", "TX"));
        assert_eq!(g.resolve_place("Paris", &[]).map(|p| p.country), Some("FR"));
        let trenton = g
            .resolve_place("Trenton, New Jersey", &[])
            .expect("Trenton");
        assert_eq!((trenton.country, trenton.admin1), ("US", "NJ"));
        let tbilisi = g.resolve_place("Tbilisi, Georgia", &[]).expect("Tbilisi");
        assert_eq!(tbilisi.country, "GE");
        assert_eq!(us_state("NJ"), Some("NJ"));
        assert_eq!(us_state("Narnia"), None);
    }

    /// A currency's prefix ("US$255", "A$40") names no country.
    #[test]
    fn a_dollar_prefix_names_no_country() {
        let g = crate::gazetteer();
        assert_eq!(
            g.countries_named_in("wheat rose to $390 (US$255) a tonne"),
            Vec::<&str>::new()
        );
        assert_eq!(g.countries_named_in("the US and Canada"), ["US", "CA"]);
    }

    #[test]
    fn phrases() {
        assert_eq!(border_of("north korean border"), Some("north korean"));
        assert_eq!(
            border_of("border with the czech republic"),
            Some("the czech republic")
        );
        assert_eq!(border_of("berlin"), None);
        assert_eq!(capital_of("estonian capital"), Some("estonian"));
        assert_eq!(capital_of("capital of estonia"), Some("estonia"));
    }
}
