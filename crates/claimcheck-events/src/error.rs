//! Why a timeline file could not be read.

use thiserror::Error;

/// A timeline file that is not valid: bad TOML, or an entry that breaks a rule of the format
/// (`corpora/events/README.md`). `origin` names the file, so a newsroom that passes its own
/// file sees which one and which entry.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum EventsError {
    #[error("{origin}: {message}")]
    Toml { origin: String, message: String },
    #[error("{origin}: event `{id}`: {reason}")]
    Entry {
        origin: String,
        id: String,
        reason: String,
    },
}
