//! Everything claimcheck reads from outside: the articles under review, the sources they cite
//! (fetched over HTTP, cached on disk, pinned by `claimcheck.lock`) and the local corpus. It
//! is the only crate that does IO.
//!
//! ```no_run
//! use claimcheck_retrieve::{FetchOptions, Fetcher, Lock};
//! use std::path::Path;
//!
//! let lock = Lock::read(Path::new("claimcheck.lock"))?;
//! let fetcher = Fetcher::new(FetchOptions::default())?.with_lock(&lock);
//! let urls = vec!["https://example.com/story".to_string()];
//! let mut updated = lock.clone();
//! for (url, outcome) in urls.iter().zip(fetcher.fetch_all(&urls)) {
//!     updated.record(url, &outcome);
//! }
//! if updated != lock {
//!     updated.write(Path::new("claimcheck.lock"))?;
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Invariants: no address that is not global unicast is contacted unless
//! `allow_private_network` is set (checked after DNS and on every redirect, and the
//! connection pinned to the checked address); `offline` never touches the network; a cached
//! body is used only when it matches its hash; every file written is written atomically.

mod address;
mod article;
mod bm25;
mod cache;
mod corpus;
mod fetch;
mod lock;
mod options;
mod page;
mod robots;
mod transfer;
mod wikidata;

pub use address::non_global;
pub use article::{LoadError, MAX_ARTICLE_BYTES, load_article, load_stdin};
pub use corpus::{Corpus, CorpusError};
pub use fetch::{FetchError, Fetcher};
pub use lock::{Lock, LockChange, LockEntry, LockError};
pub use options::FetchOptions;
pub use wikidata::{
    WIKIDATA_ORIGIN, WikidataCandidate, WikidataOptions, WikidataPlace, WikidataPlaceResult,
    WikidataResult, wikidata_events, wikidata_place, wikidata_timeline,
};
