//! Integration tests of claimcheck-retrieve: fetching against a real HTTP server on
//! 127.0.0.1 that the tests start, the cache and the lock on disk, and the local corpus.

mod cache;
mod corpus;
mod fetch;
mod server;
mod wikidata;

use std::path::{Path, PathBuf};
use std::time::Duration;

use claimcheck_core::{SourceOutcome, SourceText};
use claimcheck_retrieve::FetchOptions;

/// A fresh, empty directory for one test under cargo's temporary directory for tests.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("claimcheck-retrieve")
        .join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create the test directory");
    dir
}

/// Options for a test: the test server is on 127.0.0.1, so private addresses are allowed
/// (tests of the address policy turn that off), and timeouts are short.
pub fn options(cache_dir: &Path) -> FetchOptions {
    FetchOptions {
        allow_private_network: true,
        cache_dir: cache_dir.to_path_buf(),
        connect_timeout: Duration::from_secs(1),
        timeout: Duration::from_secs(2),
        ..FetchOptions::default()
    }
}

pub fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/it/fixtures")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[track_caller]
pub fn available(outcome: &SourceOutcome) -> &SourceText {
    match outcome {
        SourceOutcome::Available(text) => text,
        SourceOutcome::Unavailable { location, reason } => {
            panic!("{location} unavailable: {reason}")
        }
    }
}

#[track_caller]
pub fn reason(outcome: &SourceOutcome) -> &str {
    match outcome {
        SourceOutcome::Unavailable { reason, .. } => reason,
        SourceOutcome::Available(text) => panic!("{} was available", text.location),
    }
}
