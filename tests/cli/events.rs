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
