//! The bundled timeline as it is read: every entry of `corpora/events/*.toml` checked, its names
//! reduced to tokens and its parties found, written out as static data (`bundled.rs`) by the
//! test `the_prebuilt_timeline_is_current`, so that a process builds the timeline from it
//! rather than parsing 136 KB of TOML (about 5 ms, where `--version` takes 2: a paragraph with
//! a date tied to an event paid it in every check). Run the test with `UPDATE_SNAPSHOTS=1`
//! after changing a file of `corpora/events`; the test fails while `bundled.rs` and the files
//! disagree, and compares the timeline built from it with the one parsed from the files.

use claimcheck_core::CalendarDate;

use crate::event::Event;
use crate::timeline::{Party, Timeline};

/// One entry, as [`Event`] holds it (see there); a date is (year, month, day), 0 for a month or
/// a day not given.
pub(crate) struct Entry {
    pub id: &'static str,
    pub label: &'static str,
    pub aliases: &'static [&'static str],
    pub start: (i16, i8, i8),
    pub end: Option<(i16, i8, i8)>,
    pub kind: &'static str,
    pub places: &'static [&'static str],
    pub actors: &'static [&'static str],
    pub series: Option<&'static str>,
    pub source: &'static str,
    pub note: Option<&'static str>,
    pub names: &'static [&'static [&'static str]],
    pub parties: &'static [Named],
}

/// A party: a country by its code (`key` only), or a name with its search key and surname.
pub(crate) struct Named {
    pub country: bool,
    pub key: &'static str,
    pub surname: Option<&'static str>,
}

fn date((year, month, day): (i16, i8, i8)) -> CalendarDate {
    CalendarDate {
        year,
        month: (month != 0).then_some(month),
        day: (day != 0).then_some(day),
    }
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// The bundled timeline, from `bundled.rs`.
pub(crate) fn timeline() -> Timeline {
    let mut timeline = Timeline::default();
    for e in super::bundled::ENTRIES {
        timeline.push(Event {
            id: e.id.to_string(),
            label: e.label.to_string(),
            aliases: strings(e.aliases),
            start: date(e.start),
            end: e.end.map(date),
            kind: e.kind.to_string(),
            places: strings(e.places),
            actors: strings(e.actors),
            series: e.series.map(str::to_string),
            source: e.source.to_string(),
            note: e.note.map(str::to_string),
            origin: crate::BUNDLED_ORIGIN.to_string(),
            names: e.names.iter().map(|n| strings(n)).collect(),
            parties: e
                .parties
                .iter()
                .map(|p| {
                    if p.country {
                        Party::Country(p.key.to_string())
                    } else {
                        Party::Named {
                            key: p.key.to_string(),
                            surname: p.surname.map(str::to_string),
                        }
                    }
                })
                .collect(),
        });
    }
    timeline
}

/// The text of `bundled.rs` for `timeline`.
#[cfg(test)]
fn source_of(timeline: &Timeline) -> String {
    use std::fmt::Write;
    let date = |d: CalendarDate| {
        format!(
            "({}, {}, {})",
            d.year,
            d.month.unwrap_or(0),
            d.day.unwrap_or(0)
        )
    };
    let mut out = String::from(
        "//! Written by the test `the_prebuilt_timeline_is_current` (`src/prebuilt.rs`) from\n\
         //! `corpora/events/*.toml`; do not edit.\n\n\
         use crate::prebuilt::{Entry, Named};\n\n\
         #[rustfmt::skip]\n\
         pub(crate) static ENTRIES: &[Entry] = &[\n",
    );
    for e in timeline.events() {
        let parties: Vec<String> = e
            .parties
            .iter()
            .map(|p| match p {
                Party::Country(code) => {
                    format!("Named {{ country: true, key: {code:?}, surname: None }}")
                }
                Party::Named { key, surname } => {
                    format!("Named {{ country: false, key: {key:?}, surname: {surname:?} }}")
                }
            })
            .collect();
        let _ = writeln!(out, "    Entry {{");
        let _ = writeln!(out, "        id: {:?},", e.id);
        let _ = writeln!(out, "        label: {:?},", e.label);
        let _ = writeln!(out, "        aliases: &{:?},", e.aliases);
        let _ = writeln!(out, "        start: {},", date(e.start));
        let _ = writeln!(
            out,
            "        end: {},",
            e.end
                .map_or("None".into(), |d| format!("Some({})", date(d)))
        );
        let _ = writeln!(out, "        kind: {:?},", e.kind);
        let _ = writeln!(out, "        places: &{:?},", e.places);
        let _ = writeln!(out, "        actors: &{:?},", e.actors);
        let _ = writeln!(out, "        series: {:?},", e.series);
        let _ = writeln!(out, "        source: {:?},", e.source);
        let _ = writeln!(out, "        note: {:?},", e.note);
        let names: Vec<String> = e.names.iter().map(|n| format!("&{n:?}")).collect();
        let _ = writeln!(out, "        names: &[{}],", names.join(", "));
        let _ = writeln!(out, "        parties: &[{}],", parties.join(", "));
        out.push_str("    },\n");
    }
    out.push_str("];\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `bundled.rs` is what reading `corpora/events` gives now, and the timeline built from it
    /// is the one parsed from the files. After changing a file, run this test with
    /// `UPDATE_SNAPSHOTS=1` to write `bundled.rs` again.
    #[test]
    fn the_prebuilt_timeline_is_current() {
        let parsed = crate::read_bundled().expect("every bundled file is valid");
        claimcheck_core::generated::assert_current(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/bundled.rs"),
            &source_of(&parsed),
            "cargo test -p claimcheck-events prebuilt_timeline",
        );
        let built = timeline();
        assert_eq!(built.events().len(), parsed.events().len());
        assert!(
            built == parsed,
            "the prebuilt timeline differs from the parsed one"
        );
        // Entries compare with their tokens and parties too, which `==` on events covers; the
        // origin is the bundle's.
        assert!(
            built
                .events()
                .iter()
                .all(|e| e.origin == crate::BUNDLED_ORIGIN)
        );
    }
}
