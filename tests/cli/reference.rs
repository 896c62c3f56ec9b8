//! The reference article of `../shared/examples` (kept out of the repository), checked offline
//! as its README's table says (issues 2 to 5). The test fails, saying why, if the file is
//! absent.

use crate::support::{claim, claims, json_run};

fn reference_article() -> String {
    let path = format!(
        "{}/../shared/examples/kim-putin-article.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    assert!(
        std::path::Path::new(&path).is_file(),
        "the reference article {path} is missing: this test needs ../shared/examples beside the repository"
    );
    path
}

#[test]
fn reference_article_offline() {
    let path = reference_article();
    let (code, report) = json_run(&["check", "--offline", "--published", "2023-09-12", &path]);
    assert_eq!(code, 0, "nothing in it is contradicted");

    // Row 1: the weekday against the calendar.
    let monday = claim(&report, "date", "Monday (September 11)");
    assert_eq!(monday["verdict"], "supported");
    assert_eq!(monday["details"]["date"], "2023-09-11");
    // Rows 2, 4, 5: dates tied to events, from the bundled timeline.
    for (needle, value) in [
        ("September 13th", "2023-09-13"),
        ("1953", "1953"),
        ("2017", "2017"),
    ] {
        let c = claim(&report, "date", needle);
        assert_eq!(c["details"]["date"], value);
        assert_eq!(c["verdict"], "supported", "{c:#}");
        assert_eq!(c["rule"], "date.event");
    }
    // Row 3: the distance, measured.
    let distance = claim(&report, "distance", "Vladivostok");
    assert_eq!(distance["verdict"], "supported");
    let km = distance["details"]["measured_km"]
        .as_f64()
        .expect("measured");
    assert!((115.0..135.0).contains(&km), "{km}");
    assert!(
        distance["explanation"]
            .as_str()
            .expect("text")
            .contains("loose")
    );

    // Rows 6 to 13: every attribution with its parts, none supported offline.
    let expect = [
        (
            "The White House has long been warning",
            Some("the White House"),
            None,
            None,
            "warning",
        ),
        (
            "According to the South Korean news agency Yonhap",
            None,
            None,
            Some("Yonhap"),
            "according to",
        ),
        (
            "Lee Byong-chul, a North Korea expert",
            Some("Lee Byong-chul"),
            Some("the Institute of Far Eastern Studies at Kyungnam University in Seoul"),
            Some("New York Times"),
            "tells",
        ),
        (
            "This is shocking news for both",
            Some("Lee Byong-chul"),
            None,
            None,
            "continued",
        ),
        (
            "North Korean ammunition could add fuel",
            Some("Lee Byong-chul"),
            None,
            None,
            "continued",
        ),
        (
            "Leif-Eric Easley",
            Some("Leif-Eric Easley"),
            Some("Ewha Womans University in Seoul"),
            Some("New York Times"),
            "added",
        ),
        ("warns an expert", None, None, None, "warns"),
        (
            "Kim will travel to Russia",
            Some("the Kremlin"),
            None,
            None,
            "said",
        ),
    ];
    for (needle, speaker, organization, outlet, cue) in expect {
        let c = claim(&report, "attribution", needle);
        let d = &c["details"];
        assert_eq!(d["speaker"].as_str(), speaker, "{needle}: {c:#}");
        if organization.is_some() {
            assert_eq!(d["organization"].as_str(), organization, "{needle}");
        }
        if outlet.is_some() {
            assert_eq!(d["outlet"].as_str(), outlet, "{needle}");
        }
        assert_eq!(d["cue"], cue, "{needle}");
        assert_ne!(c["verdict"], "supported", "{needle}");
    }
    let easley = claim(&report, "attribution", "Leif-Eric Easley");
    assert_eq!(
        easley["details"]["quoted"][0],
        "undermine peace and security in Europe and Asia"
    );
    assert_eq!(
        claim(&report, "attribution", "Lee Byong-chul, a North Korea")["details"]["role"],
        "a North Korea expert"
    );
    assert_eq!(
        claim(&report, "attribution", "warns an expert")["details"]["role"],
        "an expert"
    );
    assert!(
        claims(&report)
            .iter()
            .all(|c| c["verdict"] != "contradicted")
    );
}
