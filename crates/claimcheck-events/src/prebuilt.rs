//! The bundled timeline as it is read: every entry of `corpora/events/*.toml` checked, its names
//! reduced to tokens and its parties found, written out as data (`bundled.rs`) by the test
//! `the_prebuilt_timeline_is_current`, so that a process builds the timeline from it rather than
//! parsing 136 KB of TOML (about 5 ms, where `--version` takes 2: a paragraph with a date tied
//! to an event paid it in every check). Run the test with `UPDATE_SNAPSHOTS=1` after changing a
//! file of `corpora/events`; the test fails while `bundled.rs` and the files disagree, and
//! compares the timeline built from it with the one parsed from the files.
//!
//! The data holds no reference: every distinct string once in one text ([`TEXT`]), each string
//! as its bounds in it ([`STRINGS`]), and the entries, their lists, names and parties as numbers
//! into those. A static of `&str`s would be one pointer each for the loader to relocate at every
//! start, whether the process reads the timeline or not (13,000 here: `--version` took 1.65 M
//! instructions and 547 page faults with them, 1.48 M and 482 without); and tab-separated
//! text, read and split at first use, cost a paragraph with an event 5.7 M instructions to
//! this data's 3.5 M.

use claimcheck_core::CalendarDate;

use crate::bundled::{ENTRIES, LISTS, NAMES, PARTIES, STRINGS, TEXT};
use crate::event::Event;
use crate::timeline::{Party, Timeline};

/// No string, for an optional field.
const NONE: u32 = u32::MAX;

/// The fields of an entry in [`ENTRIES`], in order: each a string's number, a list's start and
/// length in [`LISTS`] (of names: in [`NAMES`]; of parties: in [`PARTIES`]), or a date.
const ID: usize = 0;
const LABEL: usize = 1;
const ALIASES: usize = 2;
const START: usize = 4;
const END: usize = 5;
const KIND: usize = 6;
const PLACES: usize = 7;
const ACTORS: usize = 9;
const SERIES: usize = 11;
const SOURCE: usize = 12;
const NOTE: usize = 13;
const NAMES_AT: usize = 14;
const PARTIES_AT: usize = 16;
/// How many numbers an entry takes.
pub(crate) const FIELDS: usize = 18;

fn text(k: u32) -> &'static str {
    let (start, end) = STRINGS[k as usize];
    &TEXT[start as usize..end as usize]
}

fn optional(k: u32) -> Option<String> {
    (k != NONE).then(|| text(k).to_string())
}

fn strings(ks: &[u32]) -> Vec<String> {
    ks.iter().map(|&k| text(k).to_string()).collect()
}

/// The run of `table` that `entry` gives by its start at `at` and its length at `at + 1`.
fn run<T>(table: &'static [T], entry: &[u32; FIELDS], at: usize) -> &'static [T] {
    let start = entry[at] as usize;
    &table[start..start + entry[at + 1] as usize]
}

/// A date packed as year << 16 | month << 8 | day (the year's 16 bits as written), 0 for a
/// month or a day not given.
fn date(packed: u32) -> CalendarDate {
    let (month, day) = ((packed >> 8) as u8 as i8, packed as u8 as i8);
    CalendarDate {
        year: (packed >> 16) as u16 as i16,
        month: (month != 0).then_some(month),
        day: (day != 0).then_some(day),
    }
}

#[cfg(test)]
fn packed(d: CalendarDate) -> u32 {
    u32::from(d.year as u16) << 16
        | u32::from(d.month.unwrap_or(0) as u8) << 8
        | u32::from(d.day.unwrap_or(0) as u8)
}

/// The bundled timeline, from `bundled.rs`.
pub(crate) fn timeline() -> Timeline {
    let mut timeline = Timeline::default();
    for e in &ENTRIES {
        let names = run(&NAMES, e, NAMES_AT)
            .iter()
            .map(|&(at, n)| strings(&LISTS[at as usize..(at + n) as usize]))
            .collect();
        let parties = run(&PARTIES, e, PARTIES_AT)
            .iter()
            .map(|&(country, key, surname)| {
                if country != 0 {
                    Party::Country(text(key).to_string())
                } else {
                    Party::Named {
                        key: text(key).to_string(),
                        surname: optional(surname),
                    }
                }
            })
            .collect();
        timeline.push(Event {
            id: text(e[ID]).to_string(),
            label: text(e[LABEL]).to_string(),
            aliases: strings(run(&LISTS, e, ALIASES)),
            start: date(e[START]),
            end: (e[END] != 0).then(|| date(e[END])),
            kind: text(e[KIND]).to_string(),
            places: strings(run(&LISTS, e, PLACES)),
            actors: strings(run(&LISTS, e, ACTORS)),
            series: optional(e[SERIES]),
            source: text(e[SOURCE]).to_string(),
            note: optional(e[NOTE]),
            origin: crate::BUNDLED_ORIGIN.to_string(),
            names,
            parties,
        });
    }
    timeline
}

/// The text of `bundled.rs` for `timeline`.
#[cfg(test)]
fn source_of(timeline: &Timeline) -> String {
    use std::collections::HashMap;
    use std::fmt::Write;
    let mut text = String::new();
    let mut strings: Vec<(u32, u32)> = Vec::new();
    let mut seen: HashMap<String, u32> = HashMap::new();
    let mut string = |s: &str| -> u32 {
        if let Some(&k) = seen.get(s) {
            return k;
        }
        let k = u32::try_from(strings.len()).expect("few strings");
        let start = u32::try_from(text.len()).expect("a short text");
        text.push_str(s);
        strings.push((start, u32::try_from(text.len()).expect("a short text")));
        seen.insert(s.to_string(), k);
        k
    };
    let mut lists: Vec<u32> = Vec::new();
    let mut names: Vec<(u32, u32)> = Vec::new();
    let mut parties: Vec<(u32, u32, u32)> = Vec::new();
    let mut entries: Vec<[u32; FIELDS]> = Vec::new();
    let len = |n: usize| u32::try_from(n).expect("a short list");
    for e in timeline.events() {
        let mut list = |items: &[String], string: &mut dyn FnMut(&str) -> u32| -> [u32; 2] {
            let start = len(lists.len());
            for item in items {
                lists.push(string(item));
            }
            [start, len(items.len())]
        };
        let mut entry = [0u32; FIELDS];
        entry[ID] = string(&e.id);
        entry[LABEL] = string(&e.label);
        entry[ALIASES..ALIASES + 2].copy_from_slice(&list(&e.aliases, &mut string));
        entry[START] = packed(e.start);
        entry[END] = e.end.map_or(0, packed);
        // 0 stands for no end, so no date may pack to 0 (the year 0 with no month).
        assert!(entry[START] != 0 && e.end.is_none_or(|_| entry[END] != 0));
        entry[KIND] = string(&e.kind);
        entry[PLACES..PLACES + 2].copy_from_slice(&list(&e.places, &mut string));
        entry[ACTORS..ACTORS + 2].copy_from_slice(&list(&e.actors, &mut string));
        entry[SERIES] = e.series.as_deref().map_or(NONE, &mut string);
        entry[SOURCE] = string(&e.source);
        entry[NOTE] = e.note.as_deref().map_or(NONE, &mut string);
        entry[NAMES_AT] = len(names.len());
        entry[NAMES_AT + 1] = len(e.names.len());
        for name in &e.names {
            let [start, n] = list(name, &mut string);
            names.push((start, n));
        }
        entry[PARTIES_AT] = len(parties.len());
        entry[PARTIES_AT + 1] = len(e.parties.len());
        for p in &e.parties {
            parties.push(match p {
                Party::Country(code) => (1, string(code), NONE),
                Party::Named { key, surname } => {
                    (0, string(key), surname.as_deref().map_or(NONE, &mut string))
                }
            });
        }
        entries.push(entry);
    }
    let mut out = String::from(
        "//! Written by the test `the_prebuilt_timeline_is_current` (`src/prebuilt.rs`) from\n\
         //! `corpora/events/*.toml`; do not edit. See `prebuilt.rs` for what each number is.\n\n\
         use crate::prebuilt::FIELDS;\n\n",
    );
    let _ = writeln!(
        out,
        "#[rustfmt::skip]\npub(crate) const TEXT: &str = {text:?};\n"
    );
    let mut table = |name: &str, ty: &str, items: Vec<String>| {
        let _ = write!(
            out,
            "#[rustfmt::skip]\npub(crate) static {name}: [{ty}; {}] = [",
            items.len()
        );
        for (i, item) in items.iter().enumerate() {
            if i % 8 == 0 {
                out.push_str("\n    ");
            }
            out.push_str(item);
            out.push_str(", ");
        }
        out.push_str("\n];\n\n");
    };
    table(
        "STRINGS",
        "(u32, u32)",
        strings.iter().map(|(a, b)| format!("({a}, {b})")).collect(),
    );
    table("LISTS", "u32", lists.iter().map(u32::to_string).collect());
    table(
        "NAMES",
        "(u32, u32)",
        names.iter().map(|(a, b)| format!("({a}, {b})")).collect(),
    );
    table(
        "PARTIES",
        "(u32, u32, u32)",
        parties
            .iter()
            .map(|(a, b, c)| format!("({a}, {b}, {c})"))
            .collect(),
    );
    table(
        "ENTRIES",
        "[u32; FIELDS]",
        entries.iter().map(|e| format!("{e:?}")).collect(),
    );
    out.truncate(out.trim_end().len());
    out.push('\n');
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
        // Entries compare with their tokens and parties too; the origin is the bundle's.
        assert!(
            built == parsed,
            "the prebuilt timeline differs from the parsed one"
        );
        assert!(
            built
                .events()
                .iter()
                .all(|e| e.origin == crate::BUNDLED_ORIGIN)
        );
    }

    /// Dates pack and unpack to themselves, a year before the common era too.
    #[test]
    fn dates_pack_to_themselves() {
        for d in [
            CalendarDate::year(1953),
            CalendarDate::month(2024, 12),
            CalendarDate::day(1918, 11, 11).expect("a real day"),
            CalendarDate::year(-44),
        ] {
            assert_eq!(date(packed(d)), d);
        }
    }
}
