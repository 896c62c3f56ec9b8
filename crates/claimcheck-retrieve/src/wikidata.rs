//! The Wikidata adapter (online, opt-in): event mentions to candidate timeline entries, and
//! place names to coordinates, read from Wikidata's search API and entity JSON through the
//! fetcher, so that the address policy, limits, cache and `claimcheck.lock` apply to them as to
//! cited pages, and an `--offline` rerun replays the same answers.
//!
//! ```no_run
//! use claimcheck_retrieve::{FetchOptions, Fetcher, WikidataOptions, wikidata_events, wikidata_timeline};
//!
//! let fetcher = Fetcher::new(FetchOptions::default())?;
//! let mentions = vec!["Korean Armistice Agreement".to_string()];
//! let results = wikidata_events(&fetcher, &WikidataOptions::default(), &mentions);
//! let mut timeline = claimcheck_events::bundled().clone();
//! timeline.merge(wikidata_timeline(&results), false)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Candidates become [`Event`]s by way of the timeline's own TOML format and parser, so they
//! obey every rule a newsroom's file obeys (a valid date, an `https://` source, a slug id).

mod entity;

use std::collections::{BTreeMap, BTreeSet};

use claimcheck_core::SourceOutcome;
use claimcheck_events::{Event, Timeline};
use serde::Serialize;
use url::Url;

use crate::Fetcher;
use entity::{Facts, Hit, WikiDate, entity_facts, search_hits};

/// The origin Wikidata entries name in evidence (as bundled entries name "corpora/events").
pub const WIKIDATA_ORIGIN: &str = "wikidata";

/// Where and how Wikidata is asked. The endpoints are configurable so that a mirror, or a test
/// server on 127.0.0.1, can stand in for wikidata.org.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WikidataOptions {
    /// The MediaWiki API that answers `wbsearchentities`.
    pub endpoint: String,
    /// An entity's JSON, with `{id}` standing for its id (`Q11707`).
    pub entity_endpoint: String,
    /// The page an entry names as its source, with `{id}` standing for the id; it must be an
    /// `https://` URL, as every timeline source is.
    pub page_url: String,
    /// The language of the search, labels, aliases and descriptions.
    pub language: String,
    /// The most entities taken from one search (Wikidata allows 1 to 50).
    pub max_results: usize,
}

impl Default for WikidataOptions {
    fn default() -> WikidataOptions {
        WikidataOptions {
            endpoint: "https://www.wikidata.org/w/api.php".to_string(),
            entity_endpoint: "https://www.wikidata.org/wiki/Special:EntityData/{id}.json"
                .to_string(),
            page_url: "https://www.wikidata.org/wiki/{id}".to_string(),
            language: "en".to_string(),
            max_results: 5,
        }
    }
}

impl WikidataOptions {
    /// The `wbsearchentities` URL for `query`, or why the endpoint is not a URL. The
    /// parameters are always in the same order, so the lock names the same URL every run.
    pub fn search_url(&self, query: &str) -> Result<String, String> {
        let limit = self.max_results.clamp(1, 50).to_string();
        Url::parse_with_params(
            &self.endpoint,
            [
                ("action", "wbsearchentities"),
                ("search", query),
                ("language", self.language.as_str()),
                ("uselang", self.language.as_str()),
                ("format", "json"),
                ("limit", limit.as_str()),
                ("type", "item"),
            ],
        )
        .map(String::from)
        .map_err(|e| format!("the wikidata endpoint {} is not a URL ({e})", self.endpoint))
    }

    /// The URL of the JSON of entity `id`.
    pub fn entity_url(&self, id: &str) -> String {
        self.entity_endpoint.replace("{id}", id)
    }
}

/// What Wikidata says about one event mention.
#[derive(Debug, Clone, PartialEq)]
pub struct WikidataResult {
    /// The mention as given.
    pub mention: String,
    /// The entities found that carry a date, in Wikidata's order of relevance: none when the
    /// search found nothing dated, several when the label is ambiguous. Empty when
    /// `unavailable` is set.
    pub candidates: Vec<WikidataCandidate>,
    /// Why Wikidata could not answer: the search, or one of the entities it found, could not
    /// be read. A mention is answered whole or not at all, so that a candidate missing for a
    /// failed read never makes an ambiguous mention look decided.
    pub unavailable: Option<String>,
    /// Every URL read for this mention (the search, then each entity) with its outcome, for
    /// the caller to record in the lock.
    pub sources: Vec<(String, SourceOutcome)>,
}

/// One entity a mention may refer to, as a timeline entry.
#[derive(Debug, Clone, PartialEq)]
pub struct WikidataCandidate {
    /// The entity id (`Q11707`).
    pub id: String,
    /// The entry: id `wikidata-q11707` (the timeline's ids are lowercase slugs), label,
    /// aliases, date or start and end with Wikidata's precision, origin [`WIKIDATA_ORIGIN`],
    /// source the entity's page.
    pub event: Event,
    /// The entity's description, for a report to show what the candidate is.
    pub description: Option<String>,
    /// Where the entity's JSON was read, when, and the hash of the bytes read.
    pub entity_url: String,
    pub retrieved: Option<String>,
    pub content_hash: Option<String>,
    /// `event` as a timeline of one entry, so that [`wikidata_timeline`] can merge it.
    entry: Timeline,
}

/// A place Wikidata knows, for names the gazetteer lacks.
#[derive(Debug, Clone, PartialEq)]
pub struct WikidataPlace {
    /// The entity id (`Q1645`).
    pub id: String,
    pub label: String,
    pub latitude: f64,
    pub longitude: f64,
    /// The entity's page.
    pub source: String,
    /// Where the coordinates were read, when, and the hash of the bytes read.
    pub entity_url: String,
    pub retrieved: Option<String>,
    pub content_hash: Option<String>,
}

/// What Wikidata says about one place name.
#[derive(Debug, Clone, PartialEq)]
pub struct WikidataPlaceResult {
    pub name: String,
    /// The first entity in Wikidata's order whose label or an alias is the name (ignoring
    /// case) and that has coordinates on Earth; `None` when there is none or Wikidata could
    /// not be read.
    pub place: Option<WikidataPlace>,
    /// Why Wikidata could not answer.
    pub unavailable: Option<String>,
    /// Every URL read, with its outcome, for the lock.
    pub sources: Vec<(String, SourceOutcome)>,
}

/// Asks Wikidata about each event mention (the `event` of a date claim): one search per
/// distinct mention, then the JSON of every entity found, all through `fetcher` (with its lock,
/// cache and offline mode). Returns one result per mention, in order. Never fails: what cannot
/// be read makes its mention's result unavailable with the reason.
///
/// The search matches labels and aliases by prefix, as Wikidata's search box does, so the
/// mention is searched as written, without a leading article ("the armistice" as "armistice").
pub fn wikidata_events(
    fetcher: &Fetcher,
    options: &WikidataOptions,
    mentions: &[String],
) -> Vec<WikidataResult> {
    let queries: Vec<String> = mentions.iter().map(|m| query_of(m)).collect();
    let searched = search_all(fetcher, options, &queries);
    let ids: BTreeSet<&str> = searched
        .iter()
        .filter_map(|s| s.hits.as_ref().ok())
        .flatten()
        .map(|h| h.id.as_str())
        .collect();
    let entities = read_entities(fetcher, options, ids);
    mentions
        .iter()
        .zip(searched)
        .map(|(mention, search)| event_result(mention, search, &entities, options))
        .collect()
}

/// The timeline of every candidate of the answered mentions, each entity once, to merge into
/// the timeline the matcher uses (`timeline.merge(wikidata_timeline(&results), false)`: the
/// ids, `wikidata-q…`, never clash with bundled ones).
pub fn wikidata_timeline(results: &[WikidataResult]) -> Timeline {
    let mut timeline = Timeline::default();
    for candidate in results.iter().flat_map(|r| &r.candidates) {
        timeline
            .merge(candidate.entry.clone(), true)
            .expect("merging with replacement cannot clash");
    }
    timeline
}

/// Asks Wikidata for a place the gazetteer lacks: a search for `name`, then the JSON of the
/// entities found, through `fetcher`. The first entity in Wikidata's order whose label or an
/// alias is `name` and that has coordinates (P625) on Earth is the answer.
pub fn wikidata_place(
    fetcher: &Fetcher,
    options: &WikidataOptions,
    name: &str,
) -> WikidataPlaceResult {
    let query = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let searched = search_all(fetcher, options, std::slice::from_ref(&query))
        .pop()
        .expect("one search per query");
    let hits = searched.hits.as_ref().ok().cloned().unwrap_or_default();
    let entities = read_entities(
        fetcher,
        options,
        hits.iter().map(|h| h.id.as_str()).collect(),
    );
    let mut result = WikidataPlaceResult {
        name: name.to_string(),
        place: None,
        unavailable: None,
        sources: searched.source.into_iter().collect(),
    };
    if let Err(reason) = &searched.hits {
        result.unavailable = Some(reason.clone());
        return result;
    }
    // Every entity read is recorded, the ones after the answer too: they were read, and a
    // locked rerun reads them again.
    let reads: Vec<&Read> = hits.iter().filter_map(|h| entities.get(&h.id)).collect();
    result
        .sources
        .extend(reads.iter().map(|r| (r.url.clone(), r.outcome.clone())));
    let wanted = query.to_lowercase();
    for read in reads {
        let facts = match &read.facts {
            Ok(facts) => facts,
            Err(reason) => {
                result.unavailable = Some(reason.clone());
                return result;
            }
        };
        let named = facts
            .label
            .iter()
            .chain(&facts.aliases)
            .any(|n| n.to_lowercase() == wanted);
        if let (true, Some((latitude, longitude))) = (named, facts.coordinates) {
            result.place = Some(WikidataPlace {
                id: facts.id.clone(),
                label: facts.label.clone().unwrap_or_else(|| name.to_string()),
                latitude,
                longitude,
                source: options.page_url.replace("{id}", &facts.id),
                entity_url: read.url.clone(),
                retrieved: read.retrieved.clone(),
                content_hash: read.content_hash.clone(),
            });
            return result;
        }
    }
    result
}

/// The search text for a mention: its words, single-spaced, without a leading article.
fn query_of(mention: &str) -> String {
    let words: Vec<&str> = mention.split_whitespace().collect();
    let rest = match words.split_first() {
        Some((first, rest))
            if !rest.is_empty() && ["the", "a", "an"].contains(&first.to_lowercase().as_str()) =>
        {
            rest
        }
        _ => &words[..],
    };
    rest.join(" ")
}

/// One search: the hits, or why there are none to be had; and the URL read, if any.
struct Searched {
    hits: Result<Vec<Hit>, String>,
    source: Option<(String, SourceOutcome)>,
}

/// Runs the searches for `queries` together (one request per distinct query), in order.
fn search_all(fetcher: &Fetcher, options: &WikidataOptions, queries: &[String]) -> Vec<Searched> {
    let urls: Vec<Option<Result<String, String>>> = queries
        .iter()
        .map(|q| (!q.is_empty()).then(|| options.search_url(q)))
        .collect();
    let to_fetch: Vec<String> = urls.iter().flatten().flatten().cloned().collect();
    // The fetcher answers every URL, in order, so the outcomes line up with `to_fetch`.
    let mut outcomes = if to_fetch.is_empty() {
        Vec::new()
    } else {
        fetcher.fetch_api(&to_fetch)
    }
    .into_iter();
    urls.into_iter()
        .map(|url| match url {
            // A mention of no words finds nothing, without asking.
            None => Searched {
                hits: Ok(Vec::new()),
                source: None,
            },
            Some(Err(reason)) => Searched {
                hits: Err(reason),
                source: None,
            },
            Some(Ok(url)) => {
                let outcome = outcomes
                    .next()
                    .unwrap_or_else(|| SourceOutcome::Unavailable {
                        location: url.clone(),
                        reason: "no answer from the fetcher".to_string(),
                    });
                let hits = match &outcome {
                    SourceOutcome::Available(text) => {
                        search_hits(&text.text).map_err(|e| format!("wikidata search {url}: {e}"))
                    }
                    SourceOutcome::Unavailable { reason, .. } => {
                        Err(format!("wikidata search unavailable: {reason}"))
                    }
                };
                Searched {
                    hits,
                    source: Some((url, outcome)),
                }
            }
        })
        .collect()
}

/// An entity's JSON as read: the facts or why they could not be had.
struct Read {
    url: String,
    outcome: SourceOutcome,
    facts: Result<Facts, String>,
    retrieved: Option<String>,
    content_hash: Option<String>,
}

/// Reads the JSON of every entity in `ids` together, by id.
fn read_entities(
    fetcher: &Fetcher,
    options: &WikidataOptions,
    ids: BTreeSet<&str>,
) -> BTreeMap<String, Read> {
    let ids: Vec<&str> = ids.into_iter().collect();
    let urls: Vec<String> = ids.iter().map(|id| options.entity_url(id)).collect();
    let outcomes = if urls.is_empty() {
        Vec::new()
    } else {
        fetcher.fetch_api(&urls)
    };
    ids.into_iter()
        .zip(urls)
        .zip(outcomes)
        .map(|((id, url), outcome)| {
            let (facts, retrieved, content_hash) = match &outcome {
                SourceOutcome::Available(text) => (
                    entity_facts(&text.text, id, &options.language)
                        .map_err(|e| format!("wikidata entity {id} ({url}): {e}")),
                    text.retrieved.clone(),
                    text.content_hash.clone(),
                ),
                SourceOutcome::Unavailable { reason, .. } => (
                    Err(format!("wikidata entity {id} unavailable: {reason}")),
                    None,
                    None,
                ),
            };
            let read = Read {
                url,
                outcome,
                facts,
                retrieved,
                content_hash,
            };
            (id.to_string(), read)
        })
        .collect()
}

/// The result for one mention from its search and the entities read.
fn event_result(
    mention: &str,
    searched: Searched,
    entities: &BTreeMap<String, Read>,
    options: &WikidataOptions,
) -> WikidataResult {
    let mut result = WikidataResult {
        mention: mention.to_string(),
        candidates: Vec::new(),
        unavailable: None,
        sources: searched.source.into_iter().collect(),
    };
    let hits = match searched.hits {
        Ok(hits) => hits,
        Err(reason) => {
            result.unavailable = Some(reason);
            return result;
        }
    };
    let reads: Vec<(&Hit, &Read)> = hits
        .iter()
        .filter_map(|h| entities.get(&h.id).map(|r| (h, r)))
        .collect();
    result.sources.extend(
        reads
            .iter()
            .map(|(_, r)| (r.url.clone(), r.outcome.clone())),
    );
    for (hit, read) in reads {
        match &read.facts {
            Ok(facts) => {
                if let Some(candidate) = candidate(facts, hit, read, options) {
                    // A merged entity found twice under its old and new ids is one candidate.
                    if !result.candidates.iter().any(|c| c.id == candidate.id) {
                        result.candidates.push(candidate);
                    }
                }
            }
            Err(reason) => {
                result.unavailable = Some(reason.clone());
                result.candidates.clear();
                return result;
            }
        }
    }
    result
}

/// A timeline entry as the TOML format writes it (`corpora/events/README.md`).
#[derive(Serialize)]
struct EntryFile<'a> {
    event: [Entry<'a>; 1],
}

#[derive(Serialize)]
struct Entry<'a> {
    id: String,
    label: &'a str,
    aliases: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<String>,
    kind: String,
    source: String,
    note: String,
}

/// The candidate an entity makes, if it is dated: by its point in time, else by its start
/// time and, when given, its end time. An entity without a date the timeline can hold (a
/// person, a film, an event dated only to its decade) is not a candidate.
fn candidate(
    facts: &Facts,
    hit: &Hit,
    read: &Read,
    options: &WikidataOptions,
) -> Option<WikidataCandidate> {
    let label = facts
        .label
        .as_deref()
        .or(hit.label.as_deref())
        .unwrap_or(&facts.id);
    let (date, start, end, dated_by) = match (facts.point_in_time, facts.start) {
        (Some(at), _) => (Some(at.text()), None, None, "point in time (P585)"),
        (None, Some(start)) => {
            // An end before the start is an error in the data; the start alone still holds.
            let end = facts.end.filter(|e| !ends_before(*e, start));
            let by = if end.is_some() {
                "start time (P580) and end time (P582)"
            } else {
                "start time (P580)"
            };
            (None, Some(start.text()), end.map(|e| e.text()), by)
        }
        (None, None) => return None,
    };
    let entry = Entry {
        id: format!("wikidata-{}", facts.id.to_lowercase()),
        label,
        aliases: &facts.aliases,
        date,
        start,
        end,
        kind: kind_of(label, facts.description.as_deref()),
        source: options.page_url.replace("{id}", &facts.id),
        note: format!("Dated by Wikidata {}, {dated_by}.", facts.id),
    };
    let text = toml::to_string(&EntryFile { event: [entry] }).ok()?;
    // The timeline's parser checks the entry as it checks a newsroom's file; an entity it
    // refuses (a source that is not https, say) is not a candidate.
    let entry = Timeline::parse(&text, WIKIDATA_ORIGIN).ok()?;
    let event = entry.events().first()?.clone();
    Some(WikidataCandidate {
        id: facts.id.clone(),
        event,
        description: facts.description.clone(),
        entity_url: read.url.clone(),
        retrieved: read.retrieved.clone(),
        content_hash: read.content_hash.clone(),
        entry,
    })
}

/// Whether `end` lies wholly before `start`, at the precisions given.
fn ends_before(end: WikiDate, start: WikiDate) -> bool {
    let last = (end.year, end.month.unwrap_or(12), end.day.unwrap_or(31));
    let first = (start.year, start.month.unwrap_or(1), start.day.unwrap_or(1));
    last < first
}

/// The timeline kind an entity's label or description names ("Korean Armistice Agreement" is
/// an `armistice`), from the kinds the bundled timeline uses, so that the matcher's bonus for
/// a mention that names the kind applies to Wikidata entries too; `event` when none is named.
fn kind_of(label: &str, description: Option<&str>) -> String {
    let kinds: BTreeSet<&str> = claimcheck_events::bundled()
        .events()
        .iter()
        .map(|e| e.kind.as_str())
        .collect();
    let text = format!("{label} {}", description.unwrap_or_default()).to_lowercase();
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    for (i, word) in words.iter().enumerate() {
        // Two-word kinds ("missile test") are written with a hyphen.
        if let Some(next) = words.get(i + 1) {
            let pair = format!("{word}-{}", next.trim_end_matches('s'));
            if kinds.contains(pair.as_str()) {
                return pair;
            }
        }
        for form in [*word, word.trim_end_matches('s')] {
            if kinds.contains(form) {
                return form.to_string();
            }
        }
    }
    "event".to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_drop_a_leading_article() {
        assert_eq!(query_of("the  Korean War"), "Korean War");
        assert_eq!(query_of("An armistice"), "armistice");
        assert_eq!(query_of("The"), "The");
        assert_eq!(query_of("  "), "");
    }

    #[test]
    fn search_urls_are_stable() {
        let options = WikidataOptions::default();
        assert_eq!(
            options.search_url("Korean War").as_deref(),
            Ok(
                "https://www.wikidata.org/w/api.php?action=wbsearchentities&search=Korean+War\
                 &language=en&uselang=en&format=json&limit=5&type=item"
            )
        );
        assert_eq!(
            options.entity_url("Q8663"),
            "https://www.wikidata.org/wiki/Special:EntityData/Q8663.json"
        );
        let bad = WikidataOptions {
            endpoint: "not a url".to_string(),
            ..WikidataOptions::default()
        };
        assert!(bad.search_url("x").is_err());
    }

    #[test]
    fn kinds_from_label_and_description() {
        assert_eq!(kind_of("Korean Armistice Agreement", None), "armistice");
        assert_eq!(
            kind_of("Hwasong-15", Some("North Korean missile tests of 2017")),
            "missile-test"
        );
        assert_eq!(
            kind_of("2023 Russian presidential election", None),
            "election"
        );
        assert_eq!(kind_of("Douglas Adams", Some("English writer")), "event");
    }
}
