//! The Wikidata adapter against a server on 127.0.0.1 that answers in Wikidata's documented
//! JSON shapes (`wbsearchentities` and `Special:EntityData`): found, not found, an ambiguous
//! label, server errors, a place, and replay from the cache and the lock offline. The entity
//! ids are illustrative; the shapes, down to Wikibase's `[]` for an empty map, are Wikidata's.

use std::path::Path;

use claimcheck_core::{CalendarDate, Relation, SourceOutcome};
use claimcheck_events::DateFit;
use claimcheck_retrieve::{
    FetchOptions, Fetcher, Lock, LockChange, WikidataOptions, WikidataResult, wikidata_events,
    wikidata_place, wikidata_timeline,
};
use serde_json::{Value, json};

use crate::server::{Reply, Server};
use crate::{options, reason, temp_dir};

const GREGORIAN: &str = "http://www.wikidata.org/entity/Q1985727";

fn wikidata(server: &Server) -> WikidataOptions {
    WikidataOptions {
        endpoint: server.url("/w/api.php"),
        entity_endpoint: server.url("/wiki/Special:EntityData/{id}.json"),
        ..WikidataOptions::default()
    }
}

/// The path and query the server sees for `url`.
fn route_of(server: &Server, url: &str) -> String {
    url.strip_prefix(&format!("http://{}", server.addr))
        .expect("a URL on the test server")
        .to_string()
}

fn json_reply(body: &Value) -> Reply {
    Reply::body(
        200,
        "application/json; charset=utf-8",
        body.to_string().into_bytes(),
    )
}

/// Serves the answer to a search for `query`.
fn serve_search(server: &Server, query: &str, hits: &[(&str, &str, &str)]) {
    let url = wikidata(server)
        .search_url(query)
        .expect("a valid endpoint");
    server.route(
        &route_of(server, &url),
        vec![json_reply(&search(query, hits))],
    );
}

/// Serves the JSON of entity `id`.
fn serve_entity(server: &Server, id: &str, body: &Value) {
    let url = wikidata(server).entity_url(id);
    server.route(&route_of(server, &url), vec![json_reply(body)]);
}

/// A `wbsearchentities` answer with hits of (id, label, description).
fn search(query: &str, hits: &[(&str, &str, &str)]) -> Value {
    let hits: Vec<Value> = hits
        .iter()
        .map(|(id, label, description)| {
            json!({
                "id": id,
                "title": id,
                "pageid": 1000,
                "concepturi": format!("http://www.wikidata.org/entity/{id}"),
                "repository": "wikidata",
                "url": format!("//www.wikidata.org/wiki/{id}"),
                "display": {
                    "label": { "value": label, "language": "en" },
                    "description": { "value": description, "language": "en" }
                },
                "label": label,
                "description": description,
                "match": { "type": "label", "language": "en", "text": label }
            })
        })
        .collect();
    json!({ "searchinfo": { "search": query }, "search": hits, "success": 1 })
}

/// A statement of `property` with a time value.
fn time_statement(property: &str, time: &str, precision: u8) -> Value {
    json!({
        "mainsnak": {
            "snaktype": "value",
            "property": property,
            "hash": "0c7bd2b5a4b1a5e4f6d8c9e0f1a2b3c4d5e6f7a8",
            "datavalue": {
                "value": {
                    "time": time,
                    "timezone": 0,
                    "before": 0,
                    "after": 0,
                    "precision": precision,
                    "calendarmodel": GREGORIAN
                },
                "type": "time"
            },
            "datatype": "time"
        },
        "type": "statement",
        "id": "Q1$5B5E6C1A-0000-4000-8000-000000000000",
        "rank": "normal"
    })
}

fn coordinate_statement(latitude: f64, longitude: f64) -> Value {
    json!({
        "mainsnak": {
            "snaktype": "value",
            "property": "P625",
            "datavalue": {
                "value": {
                    "latitude": latitude,
                    "longitude": longitude,
                    "altitude": null,
                    "precision": 0.0001,
                    "globe": "http://www.wikidata.org/entity/Q2"
                },
                "type": "globecoordinate"
            },
            "datatype": "globe-coordinate"
        },
        "type": "statement",
        "rank": "normal"
    })
}

/// A `Special:EntityData` answer for one item.
fn entity(id: &str, label: &str, aliases: &[&str], description: &str, claims: Value) -> Value {
    let aliases: Vec<Value> = aliases
        .iter()
        .map(|a| json!({ "language": "en", "value": a }))
        .collect();
    json!({
        "entities": {
            id: {
                "pageid": 1000,
                "ns": 0,
                "title": id,
                "lastrevid": 2_000_000_000u64,
                "modified": "2026-10-01T12:00:00Z",
                "type": "item",
                "id": id,
                "labels": { "en": { "language": "en", "value": label } },
                "descriptions": { "en": { "language": "en", "value": description } },
                "aliases": { "en": aliases },
                "claims": claims,
                "sitelinks": {
                    "enwiki": { "site": "enwiki", "title": label, "badges": [] }
                }
            }
        }
    })
}

fn armistice_1953() -> Value {
    entity(
        "Q483942",
        "Korean Armistice Agreement",
        &["Korean War Armistice", "Panmunjom Armistice"],
        "1953 armistice agreement that ended the hostilities of the Korean War",
        json!({ "P585": [time_statement("P585", "+1953-07-27T00:00:00Z", 11)] }),
    )
}

fn events(server: &Server, fetch: FetchOptions, mentions: &[&str]) -> Vec<WikidataResult> {
    let fetcher = Fetcher::new(fetch).expect("fetcher");
    let mentions: Vec<String> = mentions.iter().map(|m| m.to_string()).collect();
    wikidata_events(&fetcher, &wikidata(server), &mentions)
}

#[test]
fn finds_an_event_dated_to_the_day() {
    let server = Server::start();
    serve_search(
        &server,
        "Korean Armistice Agreement",
        &[(
            "Q483942",
            "Korean Armistice Agreement",
            "1953 armistice agreement",
        )],
    );
    serve_entity(&server, "Q483942", &armistice_1953());
    let results = events(
        &server,
        options(&temp_dir("wikidata-found")),
        &["the Korean Armistice Agreement"],
    );
    let [result] = results.as_slice() else {
        panic!("one result per mention: {results:?}");
    };
    assert_eq!(result.mention, "the Korean Armistice Agreement");
    assert_eq!(result.unavailable, None);
    let [candidate] = result.candidates.as_slice() else {
        panic!("one candidate: {:?}", result.candidates);
    };
    assert_eq!(candidate.id, "Q483942");
    let event = &candidate.event;
    assert_eq!(event.id, "wikidata-q483942");
    assert_eq!(event.label, "Korean Armistice Agreement");
    assert_eq!(
        event.aliases,
        ["Korean War Armistice", "Panmunjom Armistice"]
    );
    assert_eq!(event.start, CalendarDate::day(1953, 7, 27).expect("a day"));
    assert_eq!(event.end, None);
    assert_eq!(event.date_text(), "1953-07-27");
    assert_eq!(event.kind, "armistice");
    assert_eq!(event.source, "https://www.wikidata.org/wiki/Q483942");
    assert_eq!(event.origin, "wikidata");
    assert_eq!(
        event.note.as_deref(),
        Some("Dated by Wikidata Q483942, point in time (P585).")
    );
    assert_eq!(
        candidate.entity_url,
        server.url("/wiki/Special:EntityData/Q483942.json")
    );
    assert!(
        candidate
            .content_hash
            .as_deref()
            .is_some_and(|h| h.starts_with("sha256:"))
    );
    // The search and the entity, for the lock.
    let urls: Vec<&str> = result.sources.iter().map(|(u, _)| u.as_str()).collect();
    assert_eq!(urls.len(), 2);
    assert!(urls[0].contains("action=wbsearchentities&search=Korean+Armistice+Agreement"));
    assert_eq!(urls[1], candidate.entity_url);
    // robots.txt governs crawlers, not API clients: it is never asked for.
    assert_eq!(server.hits("/robots.txt"), 0);

    // Merged into a timeline, the entry decides a claim as bundled entries do.
    let timeline = wikidata_timeline(&results);
    let found = timeline
        .find(
            "Korean Armistice Agreement",
            &[],
            CalendarDate::year(1953),
            Relation::In,
        )
        .expect("the Wikidata entry matches");
    assert_eq!(found.event.id, "wikidata-q483942");
    assert_eq!(found.fit, DateFit::Agrees);
    let mut merged = claimcheck_events::bundled().clone();
    merged
        .merge(timeline, false)
        .expect("wikidata ids never clash with bundled ones");
}

#[test]
fn a_span_from_start_and_end_time() {
    let server = Server::start();
    serve_search(
        &server,
        "Korean War",
        &[("Q8663", "Korean War", "1950–1953 war")],
    );
    serve_entity(
        &server,
        "Q8663",
        &entity(
            "Q8663",
            "Korean War",
            &[],
            "1950–1953 war between North and South Korea",
            json!({
                "P580": [time_statement("P580", "+1950-06-25T00:00:00Z", 11)],
                "P582": [time_statement("P582", "+1953-07-00T00:00:00Z", 10)],
            }),
        ),
    );
    let results = events(
        &server,
        options(&temp_dir("wikidata-span")),
        &["Korean War"],
    );
    let event = &results[0].candidates[0].event;
    assert_eq!(event.date_text(), "1950-06-25 to 1953-07");
    assert_eq!(event.kind, "war");
}

#[test]
fn not_found_gives_no_candidate() {
    let server = Server::start();
    serve_search(&server, "Armistice of Narnia", &[]);
    let results = events(
        &server,
        options(&temp_dir("wikidata-not-found")),
        &["Armistice of Narnia"],
    );
    assert_eq!(results[0].unavailable, None);
    assert!(results[0].candidates.is_empty());
    assert_eq!(results[0].sources.len(), 1);
    assert_eq!(server.total_hits(), 1);
}

#[test]
fn an_ambiguous_label_gives_every_dated_entity() {
    let server = Server::start();
    // "the armistice" is searched without its article; Wikidata's search ignores case.
    serve_search(
        &server,
        "armistice",
        &[
            ("Q483942", "Korean Armistice Agreement", "1953 armistice"),
            (
                "Q152402",
                "Armistice of 11 November 1918",
                "end of World War I",
            ),
            ("Q4792850", "Armistice", "2008 film"),
        ],
    );
    serve_entity(&server, "Q483942", &armistice_1953());
    serve_entity(
        &server,
        "Q152402",
        &entity(
            "Q152402",
            "Armistice of 11 November 1918",
            &["Armistice of Compiègne"],
            "armistice that ended fighting on the Western Front in World War I",
            json!({ "P585": [time_statement("P585", "+1918-11-11T00:00:00Z", 11)] }),
        ),
    );
    // A film has a publication date (P577), not a point in time: it is not an event.
    serve_entity(
        &server,
        "Q4792850",
        &entity(
            "Q4792850",
            "Armistice",
            &[],
            "2008 film",
            json!({ "P577": [time_statement("P577", "+2008-01-01T00:00:00Z", 9)] }),
        ),
    );
    let results = events(
        &server,
        options(&temp_dir("wikidata-ambiguous")),
        &["the armistice"],
    );
    let result = &results[0];
    assert_eq!(result.unavailable, None);
    let found: Vec<(&str, String)> = result
        .candidates
        .iter()
        .map(|c| (c.event.id.as_str(), c.event.date_text()))
        .collect();
    assert_eq!(
        found,
        [
            ("wikidata-q483942", "1953-07-27".to_string()),
            ("wikidata-q152402", "1918-11-11".to_string()),
        ]
    );
    // Every entity read is recorded, the film too: it decided that it is not a candidate.
    assert_eq!(result.sources.len(), 4);
    // Two armistices for a bare "armistice" and a year of neither: the matcher cannot decide.
    let timeline = wikidata_timeline(&results);
    assert_eq!(timeline.events().len(), 2);
    assert!(
        timeline
            .find("armistice", &[], CalendarDate::year(1955), Relation::In)
            .is_none()
    );
}

#[test]
fn a_server_error_makes_the_mention_unavailable() {
    let server = Server::start();
    let url = wikidata(&server).search_url("Korean War").expect("a URL");
    server.route(&route_of(&server, &url), vec![Reply::status(500)]);
    let results = events(&server, options(&temp_dir("wikidata-500")), &["Korean War"]);
    assert!(results[0].candidates.is_empty());
    assert_eq!(
        results[0].unavailable.as_deref(),
        Some("wikidata search unavailable: HTTP 500 (gave up after 3 attempts)")
    );
    assert_eq!(
        reason(&results[0].sources[0].1),
        "HTTP 500 (gave up after 3 attempts)"
    );
}

#[test]
fn an_unreadable_entity_makes_the_whole_mention_unavailable() {
    let server = Server::start();
    serve_search(
        &server,
        "Armistice",
        &[
            ("Q483942", "Korean Armistice Agreement", "1953 armistice"),
            (
                "Q152402",
                "Armistice of 11 November 1918",
                "end of World War I",
            ),
        ],
    );
    serve_entity(&server, "Q483942", &armistice_1953());
    let broken = wikidata(&server).entity_url("Q152402");
    server.route(
        &route_of(&server, &broken),
        vec![Reply::html("<p>maintenance</p>")],
    );
    let results = events(
        &server,
        options(&temp_dir("wikidata-entity-error")),
        &["Armistice"],
    );
    // One armistice alone would look decided; the mention is unavailable instead.
    assert!(results[0].candidates.is_empty());
    assert_eq!(
        results[0].unavailable.as_deref(),
        Some("wikidata entity Q152402 unavailable: not JSON: text/html")
    );
}

#[test]
fn an_api_error_in_the_body_is_a_reason() {
    let server = Server::start();
    let url = wikidata(&server).search_url("Korean War").expect("a URL");
    server.route(
        &route_of(&server, &url),
        vec![json_reply(&json!({
            "error": { "code": "maxlag", "info": "Waiting for a database server: 6 seconds lagged." },
            "servedby": "mw1234"
        }))],
    );
    let results = events(
        &server,
        options(&temp_dir("wikidata-api-error")),
        &["Korean War"],
    );
    let reason = results[0].unavailable.as_deref().expect("unavailable");
    assert!(
        reason.ends_with(
            "the API answered with an error: Waiting for a database server: 6 seconds lagged."
        ),
        "{reason}"
    );
}

#[test]
fn finds_a_place_with_coordinates() {
    let server = Server::start();
    serve_search(
        &server,
        "narva",
        &[
            ("Q192", "Narva-Jõesuu", "town in Estonia"),
            ("Q1651", "Narva", "city in Estonia"),
        ],
    );
    serve_entity(
        &server,
        "Q192",
        &entity(
            "Q192",
            "Narva-Jõesuu",
            &[],
            "town in Estonia",
            json!({ "P625": [coordinate_statement(59.4589, 28.0408)] }),
        ),
    );
    serve_entity(
        &server,
        "Q1651",
        &entity(
            "Q1651",
            "Narva",
            &["Narwa"],
            "city in Estonia",
            json!({ "P625": [coordinate_statement(59.3772, 28.1903)] }),
        ),
    );
    let fetcher = Fetcher::new(options(&temp_dir("wikidata-place"))).expect("fetcher");
    let result = wikidata_place(&fetcher, &wikidata(&server), "narva");
    assert_eq!(result.unavailable, None);
    let place = result.place.expect("Narva is found");
    // The search's first hit only begins with the name; the place is the one named so.
    assert_eq!(
        (place.id.as_str(), place.label.as_str()),
        ("Q1651", "Narva")
    );
    assert_eq!((place.latitude, place.longitude), (59.3772, 28.1903));
    assert_eq!(place.source, "https://www.wikidata.org/wiki/Q1651");
    assert_eq!(result.sources.len(), 3);

    // A name no entity carries is not a place.
    serve_search(&server, "Atlantis", &[]);
    let none = wikidata_place(&fetcher, &wikidata(&server), "Atlantis");
    assert_eq!((none.place, none.unavailable), (None, None));
}

/// Records every URL a run read in a lock, as the binary does.
fn lock_of(results: &[WikidataResult]) -> Lock {
    let mut lock = Lock::default();
    for (url, outcome) in results.iter().flat_map(|r| &r.sources) {
        lock.record(url, outcome);
    }
    lock
}

fn serve_korean_armistice(server: &Server) {
    serve_search(
        server,
        "Korean Armistice Agreement",
        &[(
            "Q483942",
            "Korean Armistice Agreement",
            "1953 armistice agreement",
        )],
    );
    serve_entity(server, "Q483942", &armistice_1953());
}

fn offline(cache: &Path) -> FetchOptions {
    FetchOptions {
        offline: true,
        ..options(cache)
    }
}

#[test]
fn replays_offline_from_the_cache_and_the_lock() {
    let server = Server::start();
    serve_korean_armistice(&server);
    let cache = temp_dir("wikidata-replay");
    let mention = ["Korean Armistice Agreement"];
    let online = events(&server, options(&cache), &mention);
    assert_eq!(online[0].candidates.len(), 1);
    let lock = lock_of(&online);
    assert_eq!(lock.len(), 2);
    let lock_path = cache.join("claimcheck.lock");
    lock.write(&lock_path).expect("write the lock");
    let requests = server.total_hits();

    // Offline, with the lock read back: the same answer, and not one request more.
    let lock = Lock::read(&lock_path).expect("read the lock");
    let fetcher = Fetcher::new(offline(&cache))
        .expect("fetcher")
        .with_lock(&lock);
    let mentions: Vec<String> = mention.iter().map(|m| m.to_string()).collect();
    let replayed = wikidata_events(&fetcher, &wikidata(&server), &mentions);
    assert_eq!(replayed, online);
    assert_eq!(server.total_hits(), requests);
    assert!(lock_of(&replayed).diff(&lock).is_empty());

    // A mention the locked run did not ask about is not in the cache: unavailable, and the
    // lock it would write differs, which `--locked` reports.
    let mentions = vec![mentions[0].clone(), "Korean War".to_string()];
    let more = wikidata_events(&fetcher, &wikidata(&server), &mentions);
    assert_eq!(
        more[1].unavailable.as_deref(),
        Some("wikidata search unavailable: not in the cache (offline)")
    );
    assert_eq!(server.total_hits(), requests);
    serve_search(&server, "Korean War", &[]);
    let online_more = events(
        &server,
        options(&cache),
        &["Korean Armistice Agreement", "Korean War"],
    );
    let changes = lock.diff(&lock_of(&online_more));
    assert!(
        matches!(changes.as_slice(), [LockChange::Added { url, .. }] if url.contains("search=Korean+War&")),
        "{changes:?}"
    );
}

#[test]
fn offline_without_a_cache_never_asks() {
    let server = Server::start();
    serve_korean_armistice(&server);
    let results = events(
        &server,
        offline(&temp_dir("wikidata-offline-miss")),
        &["Korean Armistice Agreement"],
    );
    assert!(results[0].unavailable.is_some());
    assert_eq!(server.total_hits(), 0);
}

#[test]
fn private_addresses_are_refused_unless_allowed() {
    let server = Server::start();
    serve_korean_armistice(&server);
    let fetch = FetchOptions {
        allow_private_network: false,
        ..options(&temp_dir("wikidata-private"))
    };
    let results = events(&server, fetch, &["Korean Armistice Agreement"]);
    let reason = results[0].unavailable.as_deref().expect("refused");
    assert!(reason.contains("refused"), "{reason}");
    assert_eq!(server.total_hits(), 0);
}

#[test]
fn the_api_accepts_json_only_and_pages_refuse_it() {
    let server = Server::start();
    server.route("/data.json", vec![json_reply(&json!({ "a": 1 }))]);
    server.route("/page", vec![Reply::html("<p>words</p>")]);
    let fetcher = Fetcher::new(options(&temp_dir("wikidata-json-only"))).expect("fetcher");
    let api = fetcher.fetch_api(&[server.url("/data.json"), server.url("/page")]);
    match &api[0] {
        SourceOutcome::Available(text) => assert_eq!(text.text, r#"{"a":1}"#),
        SourceOutcome::Unavailable { reason, .. } => panic!("unavailable: {reason}"),
    }
    assert_eq!(reason(&api[1]), "not JSON: text/html");
    // A fresh cache: the one above now holds the JSON, and a cached body is served as it is.
    let fetcher = Fetcher::new(options(&temp_dir("wikidata-json-page"))).expect("fetcher");
    let pages = fetcher.fetch_all(&[server.url("/data.json")]);
    assert_eq!(reason(&pages[0]), "not HTML or text: application/json");
}
