//! A timeline of news events (wars, armistices, treaties, summits, elections, launches,
//! disasters) for checking dates tied to events, and matching an article's words to an entry.
//!
//! The bundled timeline lives in `corpora/events/*.toml` (format, sources and licence in its
//! README); the crate carries its entries already checked and tokenised (`prebuilt.rs`) and
//! builds the timeline from them on first use. A newsroom adds its own file
//! with [`Timeline::with_file`], passing the file's text: this crate does no IO.
//!
//! ```
//! use claimcheck_core::{CalendarDate, Relation};
//! use claimcheck_events::{DateFit, bundled};
//!
//! let found = bundled()
//!     .find("armistice after the Korean War", &["North Korea"], CalendarDate::year(1953), Relation::In)
//!     .expect("the armistice is in the timeline");
//! assert_eq!(found.event.id, "korean-war-armistice");
//! assert_eq!(found.event.date_text(), "1953-07-27");
//! assert_eq!(found.fit, DateFit::Agrees);
//! ```
//!
//! This crate depends on `claimcheck-geo` (one way) to recognise the countries a sentence
//! names, by name or adjective, as the ISO codes the timeline uses.

mod bundled;
mod error;
mod event;
mod prebuilt;
mod text;
mod timeline;

use std::sync::OnceLock;

pub use error::EventsError;
pub use event::Event;
pub use text::names_only_a_kind;
pub use timeline::{DateFit, EventMatch, Timeline};

/// The origin every bundled entry names in evidence.
pub const BUNDLED_ORIGIN: &str = "corpora/events";

/// The bundled files, by name; the README lists what each holds. A process reads them as
/// `bundled.rs` holds them, checked and tokenised (see `prebuilt.rs`).
#[cfg(test)]
const BUNDLED: &[(&str, &str)] = &[
    (
        "conflicts.toml",
        include_str!("../../../corpora/events/conflicts.toml"),
    ),
    (
        "diplomacy.toml",
        include_str!("../../../corpora/events/diplomacy.toml"),
    ),
    (
        "elections.toml",
        include_str!("../../../corpora/events/elections.toml"),
    ),
    (
        "launches.toml",
        include_str!("../../../corpora/events/launches.toml"),
    ),
    (
        "disasters.toml",
        include_str!("../../../corpora/events/disasters.toml"),
    ),
    (
        "states.toml",
        include_str!("../../../corpora/events/states.toml"),
    ),
];

/// The bundled timeline, built on first use from the entries as the crate's tests read them
/// (`prebuilt.rs`).
pub fn bundled() -> &'static Timeline {
    static TIMELINE: OnceLock<Timeline> = OnceLock::new();
    TIMELINE.get_or_init(prebuilt::timeline)
}

/// Parses every bundled file; an id used in two files is an error.
#[cfg(test)]
fn read_bundled() -> Result<Timeline, EventsError> {
    let mut all = Timeline::default();
    for (name, text) in BUNDLED {
        let mut part = Timeline::parse(text, &format!("{BUNDLED_ORIGIN}/{name}"))?;
        part.set_origin(BUNDLED_ORIGIN);
        all.merge(part, false)?;
    }
    Ok(all)
}

#[cfg(test)]
mod tests;
