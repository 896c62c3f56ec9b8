//! Names as articles write them, resolved to places, countries, borders and capitals.

use claimcheck_geo::{Resolved, gazetteer};

fn place(name: &str, context: &[&str]) -> (String, String) {
    match gazetteer().resolve(name, context) {
        Some(Resolved::Place(p)) | Some(Resolved::Capital(p)) => {
            (p.name.to_string(), p.country.to_string())
        }
        other => panic!("{name}: expected a place, got {other:?}"),
    }
}

#[test]
fn geneva_by_context() {
    assert_eq!(place("Geneva", &[]), ("Geneva".into(), "CH".into()));
    assert_eq!(place("Geneva", &["CH"]), ("Geneva".into(), "CH".into()));
    assert_eq!(place("Geneva", &["US"]), ("Geneva".into(), "US".into()));
    assert_eq!(
        place("Geneva", &["United States"]),
        ("Geneva".into(), "US".into())
    );
    assert_eq!(
        place("Geneva, Switzerland", &["US"]),
        ("Geneva".into(), "CH".into())
    );
}

#[test]
fn names_fold_case_and_diacritics() {
    assert_eq!(place("Genève", &[]).1, "CH");
    assert_eq!(place("GENF", &[]).1, "CH");
    assert_eq!(place("vladivostok", &[]).0, "Vladivostok");
    assert_eq!(place("Cologne", &[]).1, "DE");
    assert_eq!(place("Paris", &[]).1, "FR");
}

#[test]
fn borders_by_name_and_adjective() {
    for phrase in [
        "the North Korean border",
        "North Korean border",
        "the border with North Korea",
        "North Korea (border)",
        "North Korea's border",
        "the DPRK border",
    ] {
        match gazetteer().resolve(phrase, &[]) {
            Some(Resolved::Border(c)) => assert_eq!(c.iso2, "KP", "{phrase}"),
            other => panic!("{phrase}: {other:?}"),
        }
    }
    match gazetteer().resolve("the Belarusian border", &[]) {
        Some(Resolved::Border(c)) => assert_eq!(c.iso2, "BY"),
        other => panic!("{other:?}"),
    }
    match gazetteer().resolve("the Swiss border", &[]) {
        Some(Resolved::Border(c)) => {
            assert_eq!(c.iso2, "CH");
            assert_eq!(c.natural_earth_name, Some("Switzerland"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn countries_and_demonyms() {
    for (name, code) in [
        ("North Korean", "KP"),
        ("North Korea", "KP"),
        ("Burma", "MM"),
        ("the Netherlands", "NL"),
        ("Czech Republic", "CZ"),
        ("Ivory Coast", "CI"),
    ] {
        match gazetteer().resolve(name, &[]) {
            Some(Resolved::Country(c)) => assert_eq!(c.iso2, code, "{name}"),
            other => panic!("{name}: {other:?}"),
        }
    }
}

#[test]
fn capitals() {
    for (phrase, city) in [
        ("the Estonian capital", "Tallinn"),
        ("Estonia's capital", "Tallinn"),
        ("the capital of Estonia", "Tallinn"),
        ("the North Korean capital", "Pyongyang"),
        ("the Swiss capital", "Bern"),
    ] {
        match gazetteer().resolve(phrase, &[]) {
            Some(Resolved::Capital(p)) => assert_eq!(p.name, city, "{phrase}"),
            other => panic!("{phrase}: {other:?}"),
        }
    }
}

#[test]
fn a_city_state_is_its_city() {
    assert_eq!(place("Singapore", &[]), ("Singapore".into(), "SG".into()));
}

#[test]
fn unknown_names() {
    assert_eq!(gazetteer().resolve("Xyzzyville", &[]), None);
    assert_eq!(gazetteer().resolve("the Xyzzyan border", &[]), None);
    assert_eq!(gazetteer().resolve("", &[]), None);
}

#[test]
fn every_country_with_a_boundary_has_an_adjective() {
    // Dominica is the known exception: "Dominican" means the Dominican Republic.
    let text = include_str!("../../../../corpora/geo/demonyms.tsv");
    for country in gazetteer().countries() {
        if country.natural_earth_name.is_none() || country.iso2 == "DM" {
            continue;
        }
        let has = text
            .lines()
            .any(|l| l.starts_with(&format!("{}\tadjective\t", country.iso2)));
        assert!(has, "no adjective for {} ({})", country.iso2, country.name);
    }
}

#[test]
fn shared_borders() {
    for phrase in [
        "the Russian-Ukrainian border",
        "the Russia-Ukraine border",
        "the border between Russia and Ukraine",
    ] {
        match gazetteer().resolve(phrase, &[]) {
            Some(Resolved::SharedBorder(a, b)) => {
                assert_eq!((a.iso2, b.iso2), ("RU", "UA"), "{phrase}")
            }
            other => panic!("{phrase}: {other:?}"),
        }
    }
}

#[test]
fn a_large_city_wins_its_alternate_name() {
    // Odesa (Ukraine) is "Odessa" in GeoNames' alternate names, Odessa (Texas) by its own.
    assert_eq!(place("Odessa", &[]).1, "UA");
    assert_eq!(place("Odessa", &["US"]).1, "US");
    assert_eq!(place("St. Petersburg", &[]).1, "RU");
    assert_eq!(place("Kiev", &[]).0, "Kyiv");
}

#[test]
fn labels() {
    let label = |n: &str| gazetteer().resolve(n, &[]).map(|r| r.label());
    assert_eq!(
        label("the North Korean border").as_deref(),
        Some("North Korea (border)")
    );
    assert_eq!(label("the Estonian capital").as_deref(), Some("Tallinn"));
    assert_eq!(
        label("the Russian-Ukrainian border").as_deref(),
        Some("Russia–Ukraine (border)")
    );
}

#[test]
fn countries_named_in_a_text() {
    let text = "Kim Jong Un may travel to Vladivostok, less than 500 kilometers from the North \
                Korean border, to meet Russia's president; the United States and South Korea \
                warned against it. Fine china is not a country.";
    assert_eq!(
        gazetteer().countries_named_in(text),
        vec!["KP", "RU", "US", "KR"]
    );
}
