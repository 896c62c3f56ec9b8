//! The timeline: entries read from TOML files, and finding the entry an article's words refer
//! to, with how the claimed date fits it.

use std::collections::HashSet;
use std::sync::OnceLock;

use claimcheck_core::{CalendarDate, Relation};

use crate::EventsError;
use crate::event::{Day, Event, RawFile, first_day, last_day};
use crate::text::{Words, kinds_named, search_key, tokens};

/// A set of events; see [`crate::bundled`] for the one shipped with claimcheck.
#[derive(Debug, Clone, Default)]
pub struct Timeline {
    events: Vec<Event>,
    /// The distinct words of the entries' names, which `find` compares with a mention once each.
    words: Words,
    /// For each entry (in the order of `events`), its names as indices into `words`.
    names: Vec<Vec<Vec<usize>>>,
}

/// Timelines are equal when their entries are: the word index is derived from them, and may
/// still hold the words of an entry that was replaced (they match no entry, so they change no
/// result).
impl PartialEq for Timeline {
    fn eq(&self, other: &Timeline) -> bool {
        self.events == other.events
    }
}

/// How the claimed date fits the entry a mention was matched to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateFit {
    /// The entry's date falls in the claimed period (for `since`, the first of a series does).
    Agrees,
    /// The entry's date lies outside the claimed period.
    Disagrees,
    /// For `since`: the entry (or its series) began before the claimed period and went on into
    /// it, so "since" fits only if the article means "continuing since".
    BeganEarlier,
}

/// The entry an event mention refers to, and what the timeline says of the claimed date.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EventMatch<'a> {
    /// The entry whose date was compared: for `since` and a series, the first of the series.
    pub event: &'a Event,
    pub fit: DateFit,
    /// Whether `event` was chosen as the first of its series (a `since` claim).
    pub first_of_series: bool,
    /// How sure the match is that the mention means this entry, from 0 to 1.
    pub confidence: f64,
}

/// Scores below are sums of a name fit (0 to 1), a kind bonus and context bonuses. A candidate
/// whose date agrees wins over a better one whose date does not only within this margin, and a
/// contradiction needs the best candidate ahead of every other event in the context by this
/// margin: a contradicted verdict must not rest on a coin toss between two entries.
const MARGIN: f64 = 0.5;
/// How much worse a rival's name may fit than the best's and still make the match ambiguous.
const NAME_MARGIN: f64 = 0.3;
const KIND_BONUS: f64 = 0.25;
const CONTEXT_BONUS: f64 = 0.35;

/// Words that end organisation names, not people's: "United Nations Command" must not be found
/// through "command".
const ORGANISATION_WORDS: &[&str] = &[
    "Agency",
    "Alliance",
    "Army",
    "Bank",
    "Command",
    "Commission",
    "Council",
    "Court",
    "Forces",
    "Front",
    "Group",
    "Nations",
    "Organisation",
    "Organization",
    "Party",
    "Republic",
    "States",
    "Union",
];

impl Timeline {
    /// Reads one timeline file; `origin` names it in errors and in each entry's `origin`.
    /// Every entry is checked (see `corpora/events/README.md`): a valid date or start and end,
    /// a label, a kind, an https source, and an id not used twice.
    pub fn parse(text: &str, origin: &str) -> Result<Timeline, EventsError> {
        let raw: RawFile = toml::from_str(text).map_err(|e| EventsError::Toml {
            origin: origin.to_string(),
            message: e.to_string().trim_end().replace('\n', " "),
        })?;
        let mut seen = HashSet::new();
        let mut timeline = Timeline::default();
        for r in raw.events {
            let e = r.into_event(origin)?;
            if !seen.insert(e.id.clone()) {
                return Err(EventsError::Entry {
                    origin: origin.to_string(),
                    id: e.id,
                    reason: "the id is used twice".into(),
                });
            }
            timeline.push(e);
        }
        Ok(timeline)
    }

    /// Adds an entry at the end, indexing its names.
    pub(crate) fn push(&mut self, e: Event) {
        self.names.push(self.words.add(&e.names));
        self.events.push(e);
    }

    /// Adds the entries of `other`. With `replace`, an entry of `other` replaces an entry with
    /// the same id (a newsroom correcting the bundled timeline); without it, a shared id is an
    /// error, as between the bundled files.
    pub fn merge(&mut self, other: Timeline, replace: bool) -> Result<(), EventsError> {
        for e in other.events {
            match self.events.iter().position(|x| x.id == e.id) {
                Some(i) if replace => {
                    self.names[i] = self.words.add(&e.names);
                    self.events[i] = e;
                }
                Some(_) => {
                    return Err(EventsError::Entry {
                        origin: e.origin.clone(),
                        id: e.id,
                        reason: "the id is already used by another timeline file".into(),
                    });
                }
                None => self.push(e),
            }
        }
        Ok(())
    }

    /// This timeline with a newsroom's file added: `text` is the file's content (the caller
    /// reads it) and `origin` its path. Its entries replace bundled entries with the same id.
    pub fn with_file(&self, text: &str, origin: &str) -> Result<Timeline, EventsError> {
        let mut merged = self.clone();
        merged.merge(Timeline::parse(text, origin)?, true)?;
        Ok(merged)
    }

    /// Names every entry's origin `origin` (the bundled files all say "corpora/events").
    #[cfg(test)]
    pub(crate) fn set_origin(&mut self, origin: &str) {
        for e in &mut self.events {
            e.origin = origin.to_string();
        }
    }

    /// Every entry, in file order.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }

    /// The entries of a series, earliest first.
    pub fn series(&self, series: &str) -> Vec<&Event> {
        let mut members: Vec<&Event> = self
            .events
            .iter()
            .filter(|e| e.series.as_deref() == Some(series))
            .collect();
        members.sort_by_key(|e| (e.first_day(), e.id.as_str()));
        members
    }

    /// The entry `event_text` (the article's words: "armistice after the Korean War") refers
    /// to, and how `claimed` fits its date under `relation`.
    ///
    /// `context` holds the names the sentence or paragraph gives around the mention (or the
    /// sentence itself): countries are recognised by name or adjective ("North Korean"),
    /// people and organisations by their full name or, for people, their surname. Names,
    /// kind and context together pick the candidates; then:
    /// - a candidate that the mention identifies (see `Candidate::identified`) and whose date
    ///   agrees is returned unless a far better one exists;
    /// - else the best candidate is returned with [`DateFit::Disagrees`] only when it is clearly
    ///   the event (its name fits well and the context names one of its actors or places, or
    ///   its name fits almost exactly) and no other event comes close;
    /// - else `None`: the timeline cannot decide.
    ///
    /// Relations: `in` and `on` agree when the entry's dates overlap the claimed period;
    /// `scheduled for` when the entry began in it; `since` when the entry, or the first entry
    /// of its series, began in it. `before`, `after` and `until` tie the date to something
    /// else than the event, so they give `None`.
    pub fn find<'a>(
        &'a self,
        event_text: &str,
        context: &[&str],
        claimed: CalendarDate,
        relation: Relation,
    ) -> Option<EventMatch<'a>> {
        if !matches!(
            relation,
            Relation::In | Relation::On | Relation::Since | Relation::ScheduledFor
        ) {
            return None;
        }
        let mention = tokens(event_text);
        if mention.is_empty() {
            return None;
        }
        let kinds = kinds_named(&mention);
        let ctx = Context::new(event_text, context);
        let words = self.words.compare(&mention);
        let mut candidates: Vec<Candidate<'a>> = self
            .events
            .iter()
            .zip(&self.names)
            .filter_map(|(event, names)| {
                let name = names.iter().map(|n| words.fit(n)).fold(0.0, f64::max);
                let kind = kinds.contains(&event.kind.as_str());
                // An entry whose name fits poorly is a candidate only through its kind and the
                // context; without the kind, the context need not be searched for it.
                if name < 0.5 && !kind {
                    return None;
                }
                let hits = ctx.hits(event);
                if name < 0.5 && hits == 0 {
                    return None;
                }
                let score = name
                    + if kind { KIND_BONUS } else { 0.0 }
                    + CONTEXT_BONUS * f64::from(hits.min(2));
                Some(Candidate {
                    event,
                    name,
                    kind,
                    hits,
                    score,
                })
            })
            .collect();
        candidates.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.event.first_day().cmp(&b.event.first_day()))
                .then_with(|| a.event.id.cmp(&b.event.id))
        });
        let best = candidates.first()?;
        let judged = |c: &Candidate<'a>| self.judge(c, claimed, relation);
        if let Some((c, (event, fit, first))) = candidates
            .iter()
            .filter(|c| c.identified())
            .map(|c| (c, judged(c)))
            .find(|(_, (_, fit, _))| *fit == DateFit::Agrees)
            && c.score >= best.score - MARGIN
        {
            return Some(EventMatch {
                event,
                fit,
                first_of_series: first,
                confidence: c.confidence(),
            });
        }
        let clear = (best.name >= 0.6 && best.hits >= 1) || best.name >= 0.9;
        // Another entry is a rival, which leaves the match undecided, unless:
        // - the context names the best entry's actors and none of the rival's, and the mention
        //   is not the rival's name almost word for word ("the armistice" in a sentence about
        //   North Korea is not the armistice of 1918);
        // - the mention is the best entry's name almost word for word and only part of the
        //   rival's ("the fall of the Berlin Wall" is not its construction);
        // - the rival's name fits far worse, even if it shares the kind and the actors (a
        //   satellite launch for "nuclear tests").
        let alone = candidates
            .iter()
            .filter(|c| !same_event(c.event, best.event))
            .filter(|c| !(best.hits >= 1 && c.hits == 0 && c.name < 0.9))
            .filter(|c| !(best.name >= 0.9 && c.name < 0.8))
            .filter(|c| c.name > best.name - NAME_MARGIN)
            .all(|c| c.score <= best.score - MARGIN);
        if !(clear && alone) {
            return None;
        }
        let (event, fit, first) = judged(best);
        Some(EventMatch {
            event,
            fit,
            first_of_series: first,
            confidence: best.confidence(),
        })
    }

    /// The entry whose date is compared (the first of the series for `since`), the fit, and
    /// whether the entry was chosen as the first of its series.
    fn judge<'a>(
        &'a self,
        c: &Candidate<'a>,
        claimed: CalendarDate,
        relation: Relation,
    ) -> (&'a Event, DateFit, bool) {
        let (from, to) = (first_day(claimed), last_day(claimed));
        let agrees = |yes: bool| {
            if yes {
                DateFit::Agrees
            } else {
                DateFit::Disagrees
            }
        };
        let e = c.event;
        match relation {
            Relation::Since => {
                let (event, members) = match e.series.as_deref() {
                    Some(s) => {
                        let members = self.series(s);
                        (members.first().copied().unwrap_or(e), members)
                    }
                    None => (e, vec![e]),
                };
                let began = event.first_day();
                let fit = if (from..=to).contains(&began) {
                    DateFit::Agrees
                } else if began < from && members.iter().any(|m| m.last_day() >= from) {
                    DateFit::BeganEarlier
                } else {
                    DateFit::Disagrees
                };
                (event, fit, e.series.is_some())
            }
            Relation::ScheduledFor => {
                let (first, last) = (e.first_day(), last_day(e.start));
                (e, agrees(overlaps((first, last), (from, to))), false)
            }
            _ => (
                e,
                agrees(overlaps((e.first_day(), e.last_day()), (from, to))),
                false,
            ),
        }
    }
}

fn overlaps(a: (Day, Day), b: (Day, Day)) -> bool {
    a.0 <= b.1 && b.0 <= a.1
}

/// Two entries are the same event for the uniqueness test when they are one entry or members
/// of one series: "North Korea's ICBM launches" may fit any of them equally.
fn same_event(a: &Event, b: &Event) -> bool {
    a.id == b.id || (a.series.is_some() && a.series == b.series)
}

struct Candidate<'a> {
    event: &'a Event,
    /// The best fit of the mention to the entry's label or an alias.
    name: f64,
    /// Whether the mention's words name the entry's kind.
    kind: bool,
    /// How many of the entry's actors and places the context names.
    hits: u32,
    score: f64,
}

impl Candidate<'_> {
    /// Whether the mention says enough to name this entry when its date agrees: a name that
    /// fits well with an actor or place in the context, a name that fits closely, or the kind
    /// and an actor ("the meeting" in a sentence naming Kim and Putin). A bare "the treaty"
    /// that merely shares its year with a treaty of the timeline is not enough.
    fn identified(&self) -> bool {
        (self.name >= 0.6 && self.hits >= 1) || self.name >= 0.8 || (self.kind && self.hits >= 1)
    }

    fn confidence(&self) -> f64 {
        let context = if self.hits >= 1 { 0.1 } else { 0.0 };
        let kind = if self.kind { 0.05 } else { 0.0 };
        (0.6 + 0.2 * self.name.min(1.0) + context + kind).min(0.97)
    }
}

/// The countries and names a mention's sentence gives.
struct Context {
    /// ISO alpha-2 codes of the countries named.
    codes: Vec<&'static str>,
    /// The context strings as whole-word search keys.
    keys: Vec<String>,
}

impl Context {
    fn new(event_text: &str, context: &[&str]) -> Context {
        let gazetteer = claimcheck_geo::gazetteer();
        let mut codes = Vec::new();
        let mut keys = Vec::new();
        for s in context.iter().copied().chain(std::iter::once(event_text)) {
            if let Some(c) = gazetteer.country(s) {
                codes.push(c.iso2);
            }
            codes.extend(gazetteer.countries_named_in(s));
            // News names governments by their capitals ("Pyongyang has fired ..."). A capital
            // named in `s` has its first word among the words of `s` (see `Capital::first`),
            // so only those capitals are searched for.
            let words: HashSet<&str> = s.split(|c: char| !c.is_alphanumeric()).collect();
            codes.extend(
                capitals()
                    .iter()
                    .filter(|c| c.first.is_none_or(|w| words.contains(w)) && names_word(s, c.name))
                    .map(|c| c.code),
            );
            keys.push(search_key(s));
        }
        Context { codes, keys }
    }

    /// How many of the entry's actors and places are named, each counted once.
    fn hits(&self, event: &Event) -> u32 {
        let mut hits = 0;
        for party in &event.parties {
            let found = match party {
                Party::Country(code) => self.codes.contains(&code.as_str()),
                Party::Named { key, surname } => {
                    self.has(key) || surname.as_ref().is_some_and(|s| self.has(s))
                }
            };
            if found {
                hits += 1;
            }
        }
        hits
    }

    /// Whether a context string holds the search key `key`.
    fn has(&self, key: &str) -> bool {
        self.keys.iter().any(|k| k.contains(key))
    }
}

/// An actor or place of an entry, prepared once for finding it in a mention's context.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Party {
    /// A country, by its ISO alpha-2 code.
    Country(String),
    /// A person, organisation or place, found by its name in full (`key`, a search key) or, for
    /// a person, by the last word of a name of two or more words ("Putin" for "Vladimir Putin").
    Named {
        key: String,
        surname: Option<String>,
    },
}

/// The actors and places of an entry as [`Party`]s, each name once.
pub(crate) fn parties(actors: &[String], places: &[String]) -> Vec<Party> {
    let mut seen: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    let listed = actors.iter().map(|a| (a, true));
    for (name, actor) in listed.chain(places.iter().map(|p| (p, false))) {
        if seen.contains(&name.as_str()) {
            continue;
        }
        seen.push(name);
        out.push(if is_country_code(name) {
            Party::Country(name.clone())
        } else {
            let words: Vec<&str> = name.split_whitespace().collect();
            // A place is named in full: "Capella Hotel" is not any hotel, nor "Tiananmen
            // Square" any square.
            let surname = match words.as_slice() {
                [_, .., last]
                    if actor
                        && last.chars().count() >= 4
                        && last.starts_with(char::is_uppercase)
                        && !ORGANISATION_WORDS.contains(last) =>
                {
                    Some(search_key(last))
                }
                _ => None,
            };
            Party::Named {
                key: search_key(name),
                surname,
            }
        });
    }
    out
}

/// A capital of a country of the gazetteer.
struct Capital {
    name: &'static str,
    /// The ISO alpha-2 code of its country.
    code: &'static str,
    /// The letters and digits the name starts with, up to its first other character ("Kuala"
    /// for "Kuala Lumpur", "N" for "N'Djamena"); `None` when it starts with another character.
    /// Where [`names_word`] finds the name, the text has these as a whole word, between
    /// characters that are not letters or digits.
    first: Option<&'static str>,
}

/// The capitals of the gazetteer's countries.
fn capitals() -> &'static [Capital] {
    static CAPITALS: OnceLock<Vec<Capital>> = OnceLock::new();
    CAPITALS.get_or_init(|| {
        let gazetteer = claimcheck_geo::gazetteer();
        gazetteer
            .countries()
            .iter()
            .filter_map(|c| {
                let name = gazetteer.capital_of(c)?.name;
                let first = name.split(|c: char| !c.is_alphanumeric()).next();
                Some(Capital {
                    name,
                    code: c.iso2,
                    first: first.filter(|w| !w.is_empty()),
                })
            })
            .collect()
    })
}

/// Whether `text` contains `name` as written (case-sensitive, so "Male" the capital is not
/// "male" the word), between word boundaries.
fn names_word(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

fn is_country_code(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"
[[event]]
id = "korean-war-armistice"
label = "Korean War Armistice Agreement"
aliases = ["Korean Armistice Agreement", "Korean armistice"]
date = "1953-07-27"
kind = "armistice"
places = ["Panmunjom"]
actors = ["KP", "CN", "US", "United Nations Command"]
source = "https://en.wikipedia.org/wiki/Korean_Armistice_Agreement"

[[event]]
id = "armistice-of-11-november-1918"
label = "Armistice of 11 November 1918"
aliases = ["Armistice of Compiègne", "Armistice Day armistice"]
date = "1918-11-11"
kind = "armistice"
actors = ["DE", "FR", "GB"]
source = "https://en.wikipedia.org/wiki/Armistice_of_11_November_1918"

[[event]]
id = "hwasong-14-first-launch"
label = "First Hwasong-14 ICBM launch"
aliases = ["North Korean ICBM launch"]
date = "2017-07-04"
kind = "missile-test"
actors = ["KP"]
series = "dprk-icbm-launches"
source = "https://en.wikipedia.org/wiki/Hwasong-14"

[[event]]
id = "hwasong-15-launch"
label = "Hwasong-15 ICBM launch"
aliases = ["North Korean ICBM launch"]
date = "2017-11-29"
kind = "missile-test"
actors = ["KP"]
series = "dprk-icbm-launches"
source = "https://en.wikipedia.org/wiki/Hwasong-15"

[[event]]
id = "hwasong-19-launch"
label = "Hwasong-19 ICBM launch"
aliases = ["North Korean ICBM launch"]
date = "2024-10-31"
kind = "missile-test"
actors = ["KP"]
series = "dprk-icbm-launches"
source = "https://en.wikipedia.org/wiki/Hwasong-19"

[[event]]
id = "kim-putin-summit-2023"
label = "Kim Jong Un–Vladimir Putin summit at Vostochny Cosmodrome"
aliases = ["Kim–Putin summit"]
date = "2023-09-13"
kind = "summit"
places = ["Vostochny Cosmodrome", "RU"]
actors = ["KP", "RU", "Kim Jong Un", "Vladimir Putin"]
source = "https://en.wikipedia.org/wiki/2023_North_Korea%E2%80%93Russia_summit"

[[event]]
id = "kim-putin-summit-2019"
label = "Kim Jong Un–Vladimir Putin summit in Vladivostok"
date = "2019-04-25"
kind = "summit"
places = ["Vladivostok", "RU"]
actors = ["KP", "RU", "Kim Jong Un", "Vladimir Putin"]
source = "https://en.wikipedia.org/wiki/2019_North_Korea%E2%80%93Russia_summit"

[[event]]
id = "korean-war"
label = "Korean War"
start = "1950-06-25"
end = "1953-07-27"
kind = "war"
actors = ["KP", "KR", "CN", "US"]
source = "https://en.wikipedia.org/wiki/Korean_War"
"#;

    fn timeline() -> Timeline {
        Timeline::parse(SAMPLE, "sample.toml").expect("the sample is valid")
    }

    fn day(y: i16, m: i8, d: i8) -> CalendarDate {
        CalendarDate::day(y, m, d).expect("a real day")
    }

    /// The id and fit found for a mention, or `None`.
    fn check(
        text: &str,
        context: &[&str],
        claimed: CalendarDate,
        relation: Relation,
    ) -> Option<(String, DateFit)> {
        let t = timeline();
        t.find(text, context, claimed, relation)
            .map(|m| (m.event.id.clone(), m.fit))
    }

    fn found(id: &str, fit: DateFit) -> Option<(String, DateFit)> {
        Some((id.to_string(), fit))
    }

    #[test]
    fn armistice_in_its_year_and_out_of_it() {
        let ctx = ["North Korea"];
        let y = CalendarDate::year;
        assert_eq!(
            check(
                "armistice after the Korean War",
                &ctx,
                y(1953),
                Relation::In
            ),
            found("korean-war-armistice", DateFit::Agrees)
        );
        assert_eq!(
            check("armistice signed", &ctx, y(1955), Relation::In),
            found("korean-war-armistice", DateFit::Disagrees)
        );
        assert_eq!(
            check("the Korean armistice", &[], y(1953), Relation::In),
            found("korean-war-armistice", DateFit::Agrees)
        );
        // Without a context, "the armistice" could be either armistice: no contradiction.
        assert_eq!(check("armistice", &[], y(1955), Relation::In), None);
        assert_eq!(
            check("armistice", &["Germany", "France"], y(1918), Relation::In),
            found("armistice-of-11-november-1918", DateFit::Agrees)
        );
    }

    #[test]
    fn a_series_since_its_first_entry() {
        let ctx = ["North Korea has fired several missiles"];
        let y = CalendarDate::year;
        let text = "fired intercontinental ballistic missiles";
        assert_eq!(
            check(text, &ctx, y(2017), Relation::Since),
            found("hwasong-14-first-launch", DateFit::Agrees)
        );
        assert_eq!(
            check(text, &ctx, y(2016), Relation::Since),
            found("hwasong-14-first-launch", DateFit::Disagrees)
        );
        assert_eq!(
            check(text, &ctx, y(2020), Relation::Since),
            found("hwasong-14-first-launch", DateFit::BeganEarlier)
        );
        assert_eq!(
            check("ICBM launch", &ctx, y(2024), Relation::In),
            found("hwasong-19-launch", DateFit::Agrees)
        );
    }

    #[test]
    fn a_generic_meeting_found_through_its_actors() {
        let ctx = ["Kim Jong Un", "Vladimir Putin", "Russia"];
        let text = "meeting between the two heads of state";
        assert_eq!(
            check(text, &ctx, day(2023, 9, 13), Relation::ScheduledFor),
            found("kim-putin-summit-2023", DateFit::Agrees)
        );
        // Two summits of the same leaders: a wrong day cannot say which one was meant.
        assert_eq!(
            check(text, &ctx, day(2023, 9, 14), Relation::ScheduledFor),
            None
        );
        // Without the leaders named, a meeting is any meeting.
        assert_eq!(
            check(text, &[], day(2023, 9, 13), Relation::ScheduledFor),
            None
        );
    }

    /// A place of an entry is found by its name in full, a person also by the surname:
    /// "a downtown hotel" is not the summit's "Capella Hotel".
    #[test]
    fn places_are_named_in_full() {
        let found = parties(
            &["Donald Trump".to_string()],
            &["Capella Hotel".to_string()],
        );
        assert_eq!(
            found,
            [
                Party::Named {
                    key: search_key("Donald Trump"),
                    surname: Some(search_key("Trump")),
                },
                Party::Named {
                    key: search_key("Capella Hotel"),
                    surname: None,
                },
            ]
        );
    }

    #[test]
    fn a_war_spans_its_years() {
        let y = CalendarDate::year;
        assert_eq!(
            check("the Korean War", &[], y(1951), Relation::In),
            found("korean-war", DateFit::Agrees)
        );
        assert_eq!(
            check("the Korean War", &[], y(1960), Relation::In),
            found("korean-war", DateFit::Disagrees)
        );
        assert_eq!(
            check("the Korean War", &[], y(1960), Relation::Before),
            None
        );
    }

    #[test]
    fn capitals_name_their_countries() {
        let ctx = Context::new(
            "talks",
            &[
                "Envoys met in Kuala Lumpur, then in N'Djamena.",
                "Pyongyang's reply",
            ],
        );
        for code in ["MY", "TD", "KP"] {
            assert!(ctx.codes.contains(&code), "{code}: {:?}", ctx.codes);
        }
        // A capital's first word alone, or inside a longer word, does not name it.
        let ctx = Context::new("talks", &["Kuala Terengganu", "Pyongyangese", "Lumpur"]);
        assert!(ctx.codes.is_empty(), "{:?}", ctx.codes);
    }

    #[test]
    fn newsroom_files_add_and_replace() {
        let extra = r#"
[[event]]
id = "korean-war-armistice"
label = "Korean War Armistice Agreement"
date = "1953-07-27"
kind = "armistice"
source = "https://example.org/armistice"

[[event]]
id = "city-council-vote-2024"
label = "Springfield city council budget vote"
date = "2024-03-05"
kind = "election"
source = "https://example.org/vote"
"#;
        let t = timeline().with_file(extra, "desk.toml").expect("valid");
        assert_eq!(t.events().len(), timeline().events().len() + 1);
        let armistice = t.get("korean-war-armistice").expect("kept");
        assert_eq!(armistice.source, "https://example.org/armistice");
        assert_eq!(armistice.origin, "desk.toml");
        let mut bundled = timeline();
        let err = bundled.merge(timeline(), false).expect_err("shared ids");
        assert!(err.to_string().contains("already used"));
    }

    #[test]
    fn bad_entries_are_named() {
        let err = |text: &str| {
            Timeline::parse(text, "desk.toml")
                .expect_err("invalid")
                .to_string()
        };
        let base = "[[event]]\nid = \"x\"\nlabel = \"X\"\nkind = \"war\"\n";
        assert!(
            err(&format!(
                "{base}date = \"2023-02-30\"\nsource = \"https://a.b\"\n"
            ))
            .contains("desk.toml: event `x`: `2023-02-30` is not a day")
        );
        assert!(
            err(&format!("{base}date = \"2023\"\nsource = \"http://a.b\"\n"))
                .contains("not an https:// URL")
        );
        assert!(
            err(&format!(
                "{base}start = \"2023\"\nend = \"2022\"\nsource = \"https://a.b\"\n"
            ))
            .contains("ends (2022) before it starts (2023)")
        );
        assert!(err(&format!("{base}source = \"https://a.b\"\n")).contains("neither `date` nor"));
        assert!(err("[[event]]\nid = 1\n").starts_with("desk.toml: "));
        let twice = format!("{base}date = \"2023\"\nsource = \"https://a.b\"\n");
        assert!(err(&format!("{twice}{twice}")).contains("the id is used twice"));
    }
}
