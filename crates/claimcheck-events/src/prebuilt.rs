//! The bundled timeline as it is read: every entry of `corpora/events/*.toml` checked, its names
//! reduced to tokens and its parties found, written out as plain text (`bundled.txt`) by the
//! test `the_prebuilt_timeline_is_current`, so that a process builds the timeline from it rather
//! than parsing 136 KB of TOML (about 5 ms, where `--version` takes 2: a paragraph with a date
//! tied to an event paid it in every check). Run the test with `UPDATE_SNAPSHOTS=1` after
//! changing a file of `corpora/events`; the test fails while `bundled.txt` and the files
//! disagree, and compares the timeline built from it with the one parsed from the files.
//!
//! One line an entry, its fields separated by tabs in the order of [`Event`]'s: id, label,
//! aliases, start, end, kind, places, actors, series, source, note, names, parties. A list's
//! items are separated by U+001F; a name is its tokens separated by spaces; a party is `c` and
//! a country code, or `n`, the search key and the surname, separated by U+001E. A missing value
//! is an empty field. Text rather than Rust statics: a static of `&str`s is one pointer each
//! for the loader to relocate at every start (13,000 here, 60 more page faults for
//! `--version`).

use crate::event::{Event, parse_date};
use crate::timeline::{Party, Timeline};

/// The entries, as the crate's tests wrote them.
const BUNDLED: &str = include_str!("bundled.txt");

/// Separates the items of a list.
const ITEM: char = '\u{1f}';
/// Separates the parts of a party.
const PART: char = '\u{1e}';

/// The pieces of `text` between the ASCII separator `sep`: a byte loop, where `str::split`
/// searched each short field with `memchr` (a tenth of building the timeline).
fn pieces(text: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let s = rest?;
        match s.bytes().position(|b| b == sep) {
            // The separator is ASCII, so both sides are character boundaries.
            Some(i) => {
                rest = Some(&s[i + 1..]);
                Some(&s[..i])
            }
            None => {
                rest = None;
                Some(s)
            }
        }
    })
}

fn list(field: &str) -> Vec<String> {
    if field.is_empty() {
        Vec::new()
    } else {
        pieces(field, ITEM as u8).map(str::to_string).collect()
    }
}

fn optional(field: &str) -> Option<String> {
    (!field.is_empty()).then(|| field.to_string())
}

/// The bundled timeline, from `bundled.txt`.
pub(crate) fn timeline() -> Timeline {
    let mut timeline = Timeline::default();
    for line in BUNDLED.lines() {
        let mut f = pieces(line, b'\t');
        let mut field = || {
            f.next()
                .unwrap_or_else(|| panic!("bundled.txt: a short line {line:?}"))
        };
        let date = |d: &str| parse_date(d).unwrap_or_else(|e| panic!("bundled.txt: {e}"));
        // The fields in their order (see the module); the lists of lists are split in place,
        // not gathered as strings first.
        let (id, label, aliases) = (field(), field(), field());
        let (start, end, kind) = (field(), field(), field());
        let (places, actors, series) = (field(), field(), field());
        let (source, note, names, parties) = (field(), field(), field(), field());
        assert!(f.next().is_none(), "bundled.txt: a long line {line:?}");
        let items = |list: &'static str| pieces(list, ITEM as u8).filter(move |_| !list.is_empty());
        timeline.push(Event {
            id: id.to_string(),
            label: label.to_string(),
            aliases: list(aliases),
            start: date(start),
            end: (!end.is_empty()).then(|| date(end)),
            kind: kind.to_string(),
            places: list(places),
            actors: list(actors),
            series: optional(series),
            source: source.to_string(),
            note: optional(note),
            origin: crate::BUNDLED_ORIGIN.to_string(),
            names: items(names)
                .map(|n| {
                    pieces(n, b' ')
                        .filter(|t| !t.is_empty())
                        .map(str::to_string)
                        .collect()
                })
                .collect(),
            parties: items(parties)
                .map(|p| {
                    let mut parts = pieces(p, PART as u8);
                    match (parts.next(), parts.next(), parts.next()) {
                        (Some("c"), Some(code), None) => Party::Country(code.to_string()),
                        (Some("n"), Some(key), Some(surname)) => Party::Named {
                            key: key.to_string(),
                            surname: optional(surname),
                        },
                        _ => panic!("bundled.txt: a bad party {p:?}"),
                    }
                })
                .collect(),
        });
    }
    timeline
}

/// The text of `bundled.txt` for `timeline`.
#[cfg(test)]
fn text_of(timeline: &Timeline) -> String {
    let clean = |s: &str| {
        assert!(
            !s.contains(['\t', '\n', '\r', ITEM, PART]),
            "a separator in {s:?}"
        );
        s.to_string()
    };
    // Each item is checked (`clean`) before it is joined: names and parties carry their own
    // separators.
    let join = |items: &[String]| items.join(&ITEM.to_string());
    let checked = |items: &[String]| items.iter().map(|s| clean(s)).collect::<Vec<_>>();
    let mut out = String::new();
    for e in timeline.events() {
        let names: Vec<String> = e
            .names
            .iter()
            .map(|n| {
                assert!(n.iter().all(|t| !t.is_empty() && !t.contains(' ')), "{n:?}");
                clean(&n.join(" "))
            })
            .collect();
        let parties: Vec<String> = e
            .parties
            .iter()
            .map(|p| match p {
                Party::Country(code) => format!("c{PART}{}", clean(code)),
                Party::Named { key, surname } => {
                    assert!(
                        surname.as_deref() != Some(""),
                        "an empty surname of {key:?}"
                    );
                    let surname = surname.as_deref().unwrap_or("");
                    format!("n{PART}{}{PART}{}", clean(key), clean(surname))
                }
            })
            .collect();
        let fields = [
            clean(&e.id),
            clean(&e.label),
            join(&checked(&e.aliases)),
            e.start.to_string(),
            e.end.map(|d| d.to_string()).unwrap_or_default(),
            clean(&e.kind),
            join(&checked(&e.places)),
            join(&checked(&e.actors)),
            clean(e.series.as_deref().unwrap_or("")),
            clean(&e.source),
            clean(e.note.as_deref().unwrap_or("")),
            join(&names),
            join(&parties),
        ];
        out.push_str(&fields.join("\t"));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `bundled.txt` is what reading `corpora/events` gives now, and the timeline built from it
    /// is the one parsed from the files. After changing a file, run this test with
    /// `UPDATE_SNAPSHOTS=1` to write `bundled.txt` again.
    #[test]
    fn the_prebuilt_timeline_is_current() {
        let parsed = crate::read_bundled().expect("every bundled file is valid");
        claimcheck_core::generated::assert_current(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/bundled.txt"),
            &text_of(&parsed),
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
}
