//! The on-disk store of fetched sources, content-addressed, so that a rerun reads exactly the
//! bytes the first run read.
//!
//! Layout under the cache directory:
//!
//! ```text
//! bodies/<aa>/<sha256 hex>        the body bytes (after gzip decoding), named by their hash
//! bodies/<aa>/<sha256 hex>.type   the Content-Type the body was served with (charset included)
//! urls/<sha256 hex of the URL>.json  a record per requested URL: URL, final URL, status,
//!                                 content type, retrieved time, content hash
//! ```
//!
//! Every file is written to a temporary name in the same directory and renamed into place,
//! so a reader (another claimcheck sharing the cache) sees a whole file or none. A body is
//! checked against its hash whenever it is read: a truncated or edited entry is never trusted.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// What the cache knows about one requested URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Record {
    pub url: String,
    pub final_url: String,
    pub status: u16,
    pub content_type: String,
    pub retrieved: String,
    pub content_hash: String,
}

/// Why a body could not be read from the cache.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum BodyError {
    Missing,
    Corrupt,
}

/// A body read back from the cache, verified against its hash.
pub(crate) struct CachedBody {
    pub bytes: Vec<u8>,
    pub content_type: String,
}

#[derive(Debug, Clone)]
pub(crate) struct Cache {
    dir: PathBuf,
}

/// `sha256:<hex>` of `bytes`, the form content hashes take everywhere in claimcheck.
pub(crate) fn content_hash(bytes: &[u8]) -> String {
    format!("sha256:{}", hex(&Sha256::digest(bytes)))
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// The hex digest of a `sha256:<hex>` hash, when it is well formed. Hashes come from lock
/// files people edit, so a malformed one must never become a path (`../..`).
fn digest_of(hash: &str) -> Option<&str> {
    let hex = hash.strip_prefix("sha256:")?;
    (hex.len() == 64 && hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))).then_some(hex)
}

impl Cache {
    pub fn new(dir: &Path) -> Cache {
        Cache {
            dir: dir.to_path_buf(),
        }
    }

    fn record_path(&self, url: &str) -> PathBuf {
        let name = hex(&Sha256::digest(url.as_bytes()));
        self.dir.join("urls").join(format!("{name}.json"))
    }

    fn body_path(&self, digest: &str) -> PathBuf {
        self.dir.join("bodies").join(&digest[..2]).join(digest)
    }

    /// The record for `url`, if one was stored and reads back whole.
    pub fn record(&self, url: &str) -> Option<Record> {
        let bytes = std::fs::read(self.record_path(url)).ok()?;
        let record: Record = serde_json::from_slice(&bytes).ok()?;
        // A record is stored under the hash of its URL; one that names another URL was not
        // written by us and is ignored.
        (record.url == url).then_some(record)
    }

    /// The body whose hash is `hash`, verified.
    pub fn body(&self, hash: &str) -> Result<CachedBody, BodyError> {
        let digest = digest_of(hash).ok_or(BodyError::Corrupt)?;
        let path = self.body_path(digest);
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(BodyError::Missing),
            Err(_) => return Err(BodyError::Corrupt),
        };
        if content_hash(&bytes) != hash {
            return Err(BodyError::Corrupt);
        }
        let content_type =
            std::fs::read_to_string(path.with_extension("type")).map_err(|_| BodyError::Corrupt)?;
        Ok(CachedBody {
            bytes,
            content_type,
        })
    }

    /// Stores a body and the record of the URL that served it. The body goes first, so a
    /// record never names a body that is not there.
    pub fn store(&self, record: &Record, body: &[u8]) -> Result<(), String> {
        let digest = digest_of(&record.content_hash)
            .ok_or_else(|| format!("malformed content hash {}", record.content_hash))?;
        let body_path = self.body_path(digest);
        write_atomic(
            &body_path.with_extension("type"),
            record.content_type.as_bytes(),
        )?;
        write_atomic(&body_path, body)?;
        let json = serde_json::to_vec_pretty(record)
            .map_err(|e| format!("cannot encode the cache record for {}: {e}", record.url))?;
        write_atomic(&self.record_path(&record.url), &json)
    }
}

/// Writes `bytes` to `path` through a temporary file in the same directory and a rename, so
/// that no reader ever sees a partial file. The temporary name is unique per process and
/// write, so two processes sharing a cache do not trample each other's temporary files.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(
        ".{name}.tmp.{}.{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        format!("cannot write {}: {e}", path.display())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_as_sha256_hex() {
        assert_eq!(
            content_hash(b"abc"),
            "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn refuses_hashes_that_would_escape_the_cache() {
        assert_eq!(digest_of("sha256:../../etc/passwd"), None);
        assert_eq!(digest_of("md5:abc"), None);
        let cache = Cache::new(Path::new("/nonexistent"));
        assert!(matches!(cache.body("sha256:../x"), Err(BodyError::Corrupt)));
    }
}
