//! Dates tied to events, checked against the bundled timeline and a newsroom's file (issue 5).

use crate::support::{claim, fixture, json_run, temp_dir};

#[test]
fn event_dates_against_the_timeline() {
    let path = fixture("events.md");
    let (code, report) = json_run(&["check", &path]);
    assert_eq!(code, 1, "a wrong year is contradicted");

    let wrong = claim(&report, "date", "1955");
    assert_eq!(wrong["verdict"], "contradicted", "{wrong:#}");
    assert_eq!(wrong["rule"], "date.event-mismatch");
    assert!(
        wrong["explanation"]
            .as_str()
            .expect("text")
            .contains("1953")
    );

    let since = claim(&report, "date", "2017");
    assert_eq!(since["details"]["relation"], "since");
    assert_eq!(since["verdict"], "supported", "{since:#}");
    assert!(
        since["evidence"][0]["url"]
            .as_str()
            .is_some_and(|u| u.starts_with("https://"))
    );

    let armistice = claim(&report, "date", "1953");
    assert_eq!(armistice["verdict"], "supported");
    assert_eq!(armistice["rule"], "date.event");
    assert!(
        armistice["details"]["event"]
            .as_str()
            .is_some_and(|e| e.contains("armistice"))
    );
}

#[test]
fn a_newsroom_events_file_adds_entries() {
    let dir = temp_dir("events");
    let article = dir.join("bridge.md");
    std::fs::write(
        &article,
        "---\ndate: 2024-05-02\n---\nThe Lake Ashby fishing treaty signed in 2019 set the catch limits.\n",
    )
    .expect("write");
    let shown = article.to_str().expect("utf-8");
    let (_, before) = json_run(&["check", shown]);
    assert_eq!(claim(&before, "date", "2019")["verdict"], "unverified");

    let events = dir.join("desk.toml");
    std::fs::write(
        &events,
        "[[event]]\nid = \"lake-ashby-fishing-treaty\"\nlabel = \"Lake Ashby fishing treaty\"\n\
         aliases = [\"Lake Ashby treaty\"]\nkind = \"treaty\"\ndate = \"2018-06-01\"\n\
         places = [\"Lake Ashby\"]\nactors = []\nsource = \"https://desk.example/ashby\"\n",
    )
    .expect("write");
    let (_, after) = json_run(&["check", shown, "--events", events.to_str().expect("utf-8")]);
    let opened = claim(&after, "date", "2019");
    assert_eq!(opened["verdict"], "contradicted", "{opened:#}");
    assert!(
        opened["explanation"]
            .as_str()
            .expect("text")
            .contains("2018")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn online_asks_wikidata_and_replays_offline_from_the_lock() {
    let search = r#"{"searchinfo":{"search":"Lake Ashby fishing treaty"},"search":[{"id":"Q4242","label":"Lake Ashby fishing treaty","description":"fisheries agreement","match":{"type":"label","language":"en","text":"Lake Ashby fishing treaty"}}],"success":1}"#;
    let entity = r#"{"entities":{"Q4242":{"type":"item","id":"Q4242","labels":{"en":{"language":"en","value":"Lake Ashby fishing treaty"}},"descriptions":{"en":{"language":"en","value":"fisheries agreement"}},"aliases":{},"claims":{"P585":[{"mainsnak":{"snaktype":"value","property":"P585","datavalue":{"value":{"time":"+2018-06-01T00:00:00Z","timezone":0,"before":0,"after":0,"precision":11,"calendarmodel":"http://www.wikidata.org/entity/Q1985727"},"type":"time"},"datatype":"time"},"type":"statement","rank":"normal"}]}}}}"#;
    let server = crate::support::PageServer::start(vec![
        ("/w/api.php", search.to_string()),
        ("/entity/Q4242.json", entity.to_string()),
    ]);
    let dir = temp_dir("wikidata");
    let article = dir.join("treaty.md");
    std::fs::write(
        &article,
        "---\ndate: 2024-05-02\n---\nThe Lake Ashby fishing treaty signed in 2018 set the catch limits.\n",
    )
    .expect("write");
    let lock = dir.join("claimcheck.lock");
    let cache = dir.join("cache");
    let endpoint = format!("{}/w/api.php", server.base);
    let entity_endpoint = format!("{}/entity/{{id}}.json", server.base);
    let shown = article.to_str().expect("utf-8");
    let common = [
        "check",
        shown,
        "--online",
        "--allow-private-network",
        "--wikidata-endpoint",
        &endpoint,
        "--wikidata-entity-endpoint",
        &entity_endpoint,
        "--lockfile",
        lock.to_str().expect("utf-8"),
        "--cache-dir",
        cache.to_str().expect("utf-8"),
    ];
    let (_, offline_first) = json_run(&[&common[..], &["--offline"]].concat());
    assert_eq!(
        claim(&offline_first, "date", "2018")["verdict"],
        "unverified",
        "nothing cached yet"
    );

    let (_, online) = json_run(&common);
    let treaty = claim(&online, "date", "2018");
    assert_eq!(treaty["verdict"], "supported", "{treaty:#}");
    assert!(
        treaty["evidence"][0]["url"]
            .as_str()
            .is_some_and(|u| u.contains("Q4242")),
        "{treaty:#}"
    );
    let lock_text = std::fs::read_to_string(&lock).expect("lock written");
    assert!(lock_text.contains("Q4242"));

    // Replayed offline and locked: the same verdict, the lock unchanged.
    let (code, replay) = json_run(&[&common[..], &["--frozen"]].concat());
    assert_ne!(code, 2);
    assert_eq!(claim(&replay, "date", "2018")["verdict"], "supported");
    assert_eq!(std::fs::read_to_string(&lock).expect("lock"), lock_text);
    let _ = std::fs::remove_dir_all(&dir);
}
