//! `claimcheck.lock`: the content each cited URL was checked against, so that a rerun (in CI,
//! or next month) checks the same words and `--locked` can tell when that would change.
//!
//! The file is pretty-printed JSON with URLs sorted, one field per line, and no timestamps
//! but each entry's `retrieved`, so that it diffs well in review:
//!
//! ```json
//! {
//!   "version": 1,
//!   "sources": {
//!     "https://example.com/story": {
//!       "final_url": "https://www.example.com/story",
//!       "content_hash": "sha256:…",
//!       "retrieved": "2026-11-28T21:00:00Z"
//!     }
//!   }
//! }
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use claimcheck_core::SourceOutcome;
use serde::{Deserialize, Serialize};
use thiserror::Error;

const VERSION: u32 = 1;

/// What a URL was checked against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LockEntry {
    /// The URL after redirects.
    pub final_url: String,
    /// `sha256:<hex>` of the body read.
    pub content_hash: String,
    /// When it was fetched (RFC 3339, UTC).
    pub retrieved: String,
}

/// The evidence lock: entries keyed by the URL as the article cites it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lock {
    sources: BTreeMap<String, LockEntry>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct LockFile {
    version: u32,
    #[serde(default)]
    sources: BTreeMap<String, LockEntry>,
}

/// Why a lock file could not be read or written. Each message names the path.
#[derive(Debug, Error)]
pub enum LockError {
    /// The I/O error is part of the message only (see [`crate::LoadError::Io`]).
    #[error("{path}: cannot read the lock file: {error}")]
    Read { path: String, error: std::io::Error },
    #[error("{path}: malformed lock file: {message}")]
    Malformed { path: String, message: String },
    #[error("{path}: cannot write the lock file: {message}")]
    Write { path: String, message: String },
}

/// One difference between two locks, as `--locked` reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LockChange {
    Added {
        url: String,
        entry: LockEntry,
    },
    Removed {
        url: String,
        entry: LockEntry,
    },
    Changed {
        url: String,
        old: LockEntry,
        new: LockEntry,
    },
}

impl fmt::Display for LockChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LockChange::Added { url, entry } => {
                write!(f, "added {url} ({})", entry.content_hash)
            }
            LockChange::Removed { url, entry } => {
                write!(f, "removed {url} ({})", entry.content_hash)
            }
            LockChange::Changed { url, old, new } if old.content_hash != new.content_hash => {
                write!(
                    f,
                    "changed {url}: {} -> {}",
                    old.content_hash, new.content_hash
                )
            }
            LockChange::Changed { url, old, new } if old.final_url != new.final_url => {
                write!(
                    f,
                    "changed {url}: now redirects to {} (was {})",
                    new.final_url, old.final_url
                )
            }
            LockChange::Changed { url, old, new } => write!(
                f,
                "changed {url}: retrieved {} (was {})",
                new.retrieved, old.retrieved
            ),
        }
    }
}

impl Lock {
    /// Reads the lock at `path`; a missing file is an empty lock (the first run).
    pub fn read(path: &Path) -> Result<Lock, LockError> {
        let shown = path.display().to_string();
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Lock::default()),
            Err(error) => {
                return Err(LockError::Read { path: shown, error });
            }
        };
        let file: LockFile = serde_json::from_slice(&bytes).map_err(|e| LockError::Malformed {
            path: shown.clone(),
            message: e.to_string(),
        })?;
        if file.version != VERSION {
            return Err(LockError::Malformed {
                path: shown,
                message: format!(
                    "version {} is not supported (this claimcheck reads version {VERSION})",
                    file.version
                ),
            });
        }
        Ok(Lock {
            sources: file.sources,
        })
    }

    /// Writes the lock to `path` atomically (a temporary file renamed into place).
    pub fn write(&self, path: &Path) -> Result<(), LockError> {
        let mut json = serde_json::to_string_pretty(&LockFile {
            version: VERSION,
            sources: self.sources.clone(),
        })
        .map_err(|e| LockError::Write {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        json.push('\n');
        crate::cache::write_atomic(path, json.as_bytes()).map_err(|message| LockError::Write {
            path: path.display().to_string(),
            message,
        })
    }

    /// Records what `url` (as the article cites it) was checked against. An unavailable
    /// outcome leaves the entry as it was: the lock says what a source should be checked
    /// against, and a source that could not be read this time has not changed.
    pub fn record(&mut self, url: &str, outcome: &SourceOutcome) {
        let SourceOutcome::Available(text) = outcome else {
            return;
        };
        let (Some(content_hash), Some(retrieved)) = (&text.content_hash, &text.retrieved) else {
            return;
        };
        self.sources.insert(
            url.to_string(),
            LockEntry {
                final_url: text.location.clone(),
                content_hash: content_hash.clone(),
                retrieved: retrieved.clone(),
            },
        );
    }

    /// Keeps only the URLs `keep` accepts, so that sources no longer cited leave the lock.
    pub fn retain(&mut self, mut keep: impl FnMut(&str) -> bool) {
        self.sources.retain(|url, _| keep(url));
    }

    /// The entry for `url`, if it is locked.
    pub fn entry(&self, url: &str) -> Option<&LockEntry> {
        self.sources.get(url)
    }

    /// The entries, sorted by URL.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &LockEntry)> {
        self.sources
            .iter()
            .map(|(url, entry)| (url.as_str(), entry))
    }

    pub fn len(&self) -> usize {
        self.sources.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
    }

    /// What changes from `self` to `newer`, sorted by URL; empty when they are equal.
    pub fn diff(&self, newer: &Lock) -> Vec<LockChange> {
        let mut changes = Vec::new();
        for (url, old) in &self.sources {
            match newer.sources.get(url) {
                None => changes.push(LockChange::Removed {
                    url: url.clone(),
                    entry: old.clone(),
                }),
                Some(new) if new != old => changes.push(LockChange::Changed {
                    url: url.clone(),
                    old: old.clone(),
                    new: new.clone(),
                }),
                Some(_) => {}
            }
        }
        for (url, new) in &newer.sources {
            if !self.sources.contains_key(url) {
                changes.push(LockChange::Added {
                    url: url.clone(),
                    entry: new.clone(),
                });
            }
        }
        changes.sort_by(|a, b| change_url(a).cmp(change_url(b)));
        changes
    }
}

fn change_url(change: &LockChange) -> &str {
    match change {
        LockChange::Added { url, .. }
        | LockChange::Removed { url, .. }
        | LockChange::Changed { url, .. } => url,
    }
}
