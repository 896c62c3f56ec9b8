//! Checks of the bundled timeline data, and of finding the events of the reference sentences
//! in it.

use claimcheck_core::{CalendarDate, Relation};

use super::*;

/// The kinds `corpora/events/README.md` documents; an entry with another kind is a typo.
const KINDS: &[&str] = &[
    "war",
    "invasion",
    "battle",
    "operation",
    "armistice",
    "ceasefire",
    "surrender",
    "treaty",
    "summit",
    "accession",
    "withdrawal",
    "founding",
    "election",
    "referendum",
    "inauguration",
    "launch",
    "missile-test",
    "nuclear-test",
    "disaster",
    "pandemic",
    "attack",
    "assassination",
    "genocide",
    "coup",
    "crisis",
    "revolution",
    "independence",
    "unification",
    "dissolution",
    "annexation",
    "handover",
    "death",
];

#[test]
fn the_bundled_files_are_valid() {
    // Parsing checks dates, start before end, labels, kinds, https sources and duplicate ids.
    let timeline = read_bundled().expect("every bundled file is valid");
    assert!(
        timeline.events().len() >= 150,
        "{} entries",
        timeline.events().len()
    );
}

#[test]
fn every_entry_is_complete() {
    let readme = include_str!("../../../corpora/events/README.md");
    for e in bundled().events() {
        assert!(!e.label.trim().is_empty(), "{}: no label", e.id);
        assert!(
            KINDS.contains(&e.kind.as_str()),
            "{}: kind {}",
            e.id,
            e.kind
        );
        assert!(
            readme.contains(&format!("`{}`", e.kind)),
            "{}: kind {} is not in the README",
            e.id,
            e.kind
        );
        assert!(e.source.starts_with("https://"), "{}: {}", e.id, e.source);
        assert!(
            !e.actors.is_empty() || !e.places.is_empty(),
            "{}: no actor and no place",
            e.id
        );
        for a in &e.aliases {
            assert!(!a.trim().is_empty(), "{}: an empty alias", e.id);
        }
        assert_eq!(e.origin, BUNDLED_ORIGIN);
    }
}

#[test]
fn country_codes_are_real() {
    let gazetteer = claimcheck_geo::gazetteer();
    for e in bundled().events() {
        for name in e.actors.iter().chain(&e.places) {
            if name.len() == 2 && name.bytes().all(|b| b.is_ascii_uppercase()) {
                assert!(
                    gazetteer.country(name).is_some(),
                    "{}: {name} is not an ISO alpha-2 code",
                    e.id
                );
            }
        }
    }
}

#[test]
fn key_entries_have_their_dates() {
    let t = bundled();
    let date = |id: &str| t.get(id).map(Event::date_text);
    assert_eq!(date("korean-war-armistice").as_deref(), Some("1953-07-27"));
    assert_eq!(
        date("hwasong-14-first-launch").as_deref(),
        Some("2017-07-04")
    );
    assert_eq!(date("kim-putin-summit-2023").as_deref(), Some("2023-09-13"));
    let icbms = t.series("dprk-icbm-launches");
    assert!(icbms.len() >= 5);
    assert_eq!(icbms[0].id, "hwasong-14-first-launch");
}

fn day(y: i16, m: i8, d: i8) -> CalendarDate {
    CalendarDate::day(y, m, d).expect("a real day")
}

/// The reference article's sentences, in our own words, against the bundled timeline.
#[test]
fn reference_sentences() {
    let t = bundled();
    let sentence =
        "North Korea has not fought a war since the armistice after the Korean War in 1953.";
    let m = t
        .find(
            "armistice after the Korean War",
            &[sentence],
            CalendarDate::year(1953),
            Relation::In,
        )
        .expect("found");
    assert_eq!(
        (m.event.id.as_str(), m.fit),
        ("korean-war-armistice", DateFit::Agrees)
    );

    let sentence = "North Korea says its armistice signed in 1955 still holds.";
    let m = t
        .find(
            "armistice signed",
            &[sentence],
            CalendarDate::year(1955),
            Relation::In,
        )
        .expect("found");
    assert_eq!(
        (m.event.id.as_str(), m.fit),
        ("korean-war-armistice", DateFit::Disagrees)
    );

    let sentence = "Pyongyang has launched several intercontinental ballistic missiles since 2017.";
    let m = t
        .find(
            "launched intercontinental ballistic missiles",
            &[sentence, "North Korea"],
            CalendarDate::year(2017),
            Relation::Since,
        )
        .expect("found");
    assert_eq!(
        (m.event.id.as_str(), m.fit),
        ("hwasong-14-first-launch", DateFit::Agrees)
    );
    assert!(m.first_of_series);

    let context = [
        "Kim Jong Un will visit Russia at the invitation of Vladimir Putin.",
        "The talks between the two leaders are due to be held on September 13th.",
    ];
    let m = t
        .find(
            "talks between the two leaders",
            &context,
            day(2023, 9, 13),
            Relation::ScheduledFor,
        )
        .expect("found");
    assert_eq!(
        (m.event.id.as_str(), m.fit),
        ("kim-putin-summit-2023", DateFit::Agrees)
    );
}

/// The id and fit the bundled timeline gives a mention, or `None`.
fn check(
    text: &str,
    context: &[&str],
    claimed: CalendarDate,
    relation: Relation,
    expected: Option<(&str, DateFit)>,
) {
    let found = bundled()
        .find(text, context, claimed, relation)
        .map(|m| (m.event.id.as_str(), m.fit));
    assert_eq!(
        found, expected,
        "{text:?} {context:?} {claimed} {relation:?}"
    );
}

#[test]
fn bundled_matches() {
    use DateFit::{Agrees, BeganEarlier, Disagrees};
    use Relation::{In, Since};
    let y = CalendarDate::year;
    check("treaty signed", &[], y(1992), In, None);
    check(
        "treaty signed",
        &["The Maastricht summit"],
        y(1992),
        In,
        Some(("maastricht-treaty", Agrees)),
    );
    check(
        "the invasion",
        &["Russia", "Ukraine"],
        y(2022),
        In,
        Some(("russian-invasion-of-ukraine", Agrees)),
    );
    // Russia's 2014 takeover of Crimea is filed as an annexation: "the invasion in 2014" is
    // not the 2022 invasion, and no contradiction is drawn.
    check("the invasion", &["Russia", "Ukraine"], y(2014), In, None);
    check(
        "Russian invasion of Crimea",
        &[],
        y(2014),
        In,
        Some(("annexation-of-crimea", Agrees)),
    );
    check(
        "Brexit referendum",
        &[],
        y(2017),
        In,
        Some(("brexit-referendum", Disagrees)),
    );
    check(
        "fall of the Berlin Wall",
        &[],
        y(1990),
        In,
        Some(("fall-of-the-berlin-wall", Disagrees)),
    );
    check(
        "nuclear tests",
        &["North Korea"],
        y(2006),
        Since,
        Some(("dprk-nuclear-test-2006", Agrees)),
    );
    check(
        "nuclear tests",
        &["North Korea"],
        y(2010),
        Since,
        Some(("dprk-nuclear-test-2006", BeganEarlier)),
    );
    check(
        "election",
        &["Germany"],
        y(2021),
        In,
        Some(("2021-german-federal-election", Agrees)),
    );
    // Germany votes in other years too: a year without an entry is not a contradiction.
    check("election", &["Germany"], y(2020), In, None);
    check("tsunami", &["Japan"], y(2012), In, None);
    check(
        "Moon landing",
        &[],
        y(1969),
        In,
        Some(("apollo-11-moon-landing", Agrees)),
    );
    // Three Moon landings in the timeline: a wrong year cannot say which was meant.
    check("Moon landing", &[], y(1970), In, None);
    check(
        "Kim–Putin summit",
        &[],
        y(2019),
        In,
        Some(("kim-putin-summit-2019", Agrees)),
    );
    check("Kim–Putin summit", &[], y(2020), In, None);
    check(
        "meeting",
        &["Moon Jae-in", "Kim Jong Un"],
        y(2018),
        In,
        Some(("april-2018-inter-korean-summit", Agrees)),
    );
    check("pandemic", &[], y(2020), In, None);
    check(
        "COVID-19 pandemic",
        &[],
        y(2020),
        In,
        Some(("covid-19-pandemic-declared", Agrees)),
    );
}
