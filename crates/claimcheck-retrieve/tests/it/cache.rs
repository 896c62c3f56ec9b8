//! The on-disk cache (offline runs, corrupted entries) and the evidence lock.

use std::path::{Path, PathBuf};

use claimcheck_core::{SourceOutcome, SourceText};
use claimcheck_retrieve::{FetchOptions, Fetcher, Lock, LockChange};

use crate::server::{Reply, Server};
use crate::{available, options, reason, temp_dir};

fn offline(cache: &Path) -> FetchOptions {
    FetchOptions {
        offline: true,
        ..options(cache)
    }
}

fn fetch(options: FetchOptions, urls: &[String]) -> Vec<SourceOutcome> {
    Fetcher::new(options).expect("fetcher").fetch_all(urls)
}

/// Where the cache keeps the body with `hash` (the layout documented in `cache.rs`).
fn body_path(cache: &Path, hash: &str) -> PathBuf {
    let hex = hash.strip_prefix("sha256:").expect("a sha256 hash");
    cache.join("bodies").join(&hex[..2]).join(hex)
}

#[test]
fn answers_offline_from_the_cache_after_an_online_fetch() {
    let server = Server::start();
    server.route(
        "/story",
        vec![Reply::html("<title>T</title><p>cached words</p>")],
    );
    let cache = temp_dir("offline-hit");
    let urls = [server.url("/story")];
    let online = fetch(options(&cache), &urls);
    let hits = server.total_hits();
    let again = fetch(offline(&cache), &urls);
    assert_eq!(again, online);
    assert_eq!(available(&again[0]).text, "cached words");
    assert_eq!(available(&again[0]).title.as_deref(), Some("T"));
    // A second online run is served from the cache too, so reruns agree.
    assert_eq!(fetch(options(&cache), &urls), online);
    assert_eq!(server.total_hits(), hits);
}

#[test]
fn reports_a_miss_offline_without_touching_the_network() {
    let server = Server::start();
    server.route("/story", vec![Reply::text("never fetched")]);
    let outcomes = fetch(offline(&temp_dir("offline-miss")), &[server.url("/story")]);
    assert_eq!(reason(&outcomes[0]), "not in the cache (offline)");
    assert_eq!(server.total_hits(), 0);
}

#[test]
fn detects_a_corrupted_cache_entry() {
    let server = Server::start();
    server.route("/story", vec![Reply::text("the true words")]);
    let cache = temp_dir("corrupt");
    let urls = [server.url("/story")];
    let first = fetch(options(&cache), &urls);
    let hash = available(&first[0]).content_hash.clone().expect("hash");
    std::fs::write(body_path(&cache, &hash), "the forged words").expect("corrupt the body");

    assert_eq!(
        reason(&fetch(offline(&cache), &urls)[0]),
        "cache entry corrupt"
    );
    // Online, the entry is fetched again and the cache repaired.
    let hits = server.hits("/story");
    let refetched = fetch(options(&cache), &urls);
    assert_eq!(available(&refetched[0]).text, "the true words");
    assert_eq!(server.hits("/story"), hits + 1);
    assert_eq!(
        available(&fetch(offline(&cache), &urls)[0]).text,
        "the true words"
    );
    // A truncated body is caught the same way.
    let body = body_path(&cache, &hash);
    std::fs::write(&body, "the true").expect("truncate the body");
    assert_eq!(
        reason(&fetch(offline(&cache), &urls)[0]),
        "cache entry corrupt"
    );
}

fn lock_of(urls: &[String], outcomes: &[SourceOutcome]) -> Lock {
    let mut lock = Lock::default();
    for (url, outcome) in urls.iter().zip(outcomes) {
        lock.record(url, outcome);
    }
    lock
}

#[test]
fn round_trips_the_lock() {
    let server = Server::start();
    server
        .route("/b", vec![Reply::text("bee")])
        .route("/a", vec![Reply::redirect(301, "/a2")])
        .route("/a2", vec![Reply::text("ay")]);
    let dir = temp_dir("lock-round-trip");
    let urls = [server.url("/b"), server.url("/a"), server.url("/gone")];
    let outcomes = fetch(options(&dir.join("cache")), &urls);
    let lock = lock_of(&urls, &outcomes);
    assert_eq!(lock.len(), 2, "an unavailable source is not locked");
    let entry = lock.entry(&server.url("/a")).expect("locked");
    assert_eq!(entry.final_url, server.url("/a2"));

    let path = dir.join("claimcheck.lock");
    assert_eq!(
        Lock::read(&path).expect("missing is empty"),
        Lock::default()
    );
    lock.write(&path).expect("write the lock");
    let read = Lock::read(&path).expect("read the lock");
    assert_eq!(read, lock);
    assert!(read.diff(&lock).is_empty());

    let written = std::fs::read_to_string(&path).expect("lock text");
    assert!(written.starts_with("{\n  \"version\": 1,\n  \"sources\": {\n"));
    assert!(written.ends_with("}\n"));
    let a = written.find("/a\"").expect("a listed");
    let b = written.find("/b\"").expect("b listed");
    assert!(a < b, "URLs are sorted:\n{written}");

    std::fs::write(&path, "{ \"version\": 1, \"sources\": [").expect("break the lock");
    let error = Lock::read(&path).expect_err("malformed").to_string();
    assert!(
        error.starts_with(&format!("{}: malformed lock file", path.display())),
        "{error}"
    );
}

#[test]
fn serves_locked_content_from_the_cache() {
    let server = Server::start();
    server.route(
        "/story",
        vec![Reply::text("first version"), Reply::text("second version")],
    );
    let cache = temp_dir("lock-pinned");
    let urls = [server.url("/story")];
    let first = fetch(options(&cache), &urls);
    let lock = lock_of(&urls, &first);

    // The page changes and the URL's cache record is lost (or was refreshed by another run);
    // the locked body is still in the cache.
    std::fs::remove_dir_all(cache.join("urls")).expect("drop the URL records");
    let locked = Fetcher::new(options(&cache))
        .expect("fetcher")
        .with_lock(&lock)
        .fetch_all(&urls);
    assert_eq!(locked, first);
    assert_eq!(server.hits("/story"), 1);

    // Without the lock the new version is fetched, and the lock would change.
    let unlocked = fetch(options(&cache), &urls);
    assert_eq!(available(&unlocked[0]).text, "second version");
    let newer = lock_of(&urls, &unlocked);
    assert_ne!(newer, lock);
    let changes = lock.diff(&newer);
    assert!(matches!(changes.as_slice(), [LockChange::Changed { .. }]));
    assert!(
        changes[0]
            .to_string()
            .starts_with(&format!("changed {}: sha256:", urls[0]))
    );

    // A lock whose content is in no cache cannot be honoured offline.
    let empty = temp_dir("lock-pinned-empty");
    let missing = Fetcher::new(offline(&empty))
        .expect("fetcher")
        .with_lock(&lock)
        .fetch_all(&urls);
    assert_eq!(reason(&missing[0]), "locked content not in the cache");
    // Online, the page is fetched again but no longer has the locked content.
    let changed = Fetcher::new(options(&empty))
        .expect("fetcher")
        .with_lock(&lock)
        .fetch_all(&urls);
    assert_eq!(
        reason(&changed[0]),
        "locked content not in the cache (the page has changed since it was locked)"
    );
}

#[test]
fn refetches_locked_content_that_is_unchanged() {
    let server = Server::start();
    server.route("/story", vec![Reply::text("stable words")]);
    let urls = [server.url("/story")];
    let first = fetch(options(&temp_dir("lock-refetch-a")), &urls);
    let lock = lock_of(&urls, &first);
    // A fresh checkout: the lock is committed, the cache is empty.
    let again = Fetcher::new(options(&temp_dir("lock-refetch-b")))
        .expect("fetcher")
        .with_lock(&lock)
        .fetch_all(&urls);
    let SourceOutcome::Available(SourceText { retrieved, .. }) = &again[0] else {
        panic!("{again:?}")
    };
    assert_eq!(again, first, "the locked retrieval time is kept");
    assert_eq!(retrieved, &available(&first[0]).retrieved);
}
