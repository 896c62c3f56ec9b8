//! Reading an article from a file or standard input into a [`Document`], refusing what is not
//! an article: a missing path, a directory, a binary file, text that is not UTF-8, a file
//! larger than [`MAX_ARTICLE_BYTES`].

use std::io::Read;
use std::path::Path;

use claimcheck_core::{Document, Format};
use thiserror::Error;

/// The largest article read, in bytes (25 MB). A news article is a few tens of kilobytes; a
/// file many times larger is an export or a mistake, and reading it would hold the whole file
/// and its plain text in memory several times over. Checked before the file is read, and on
/// standard input as it is read.
pub const MAX_ARTICLE_BYTES: u64 = 25_000_000;

/// Why an article could not be read. Each message names the path and fits on one line.
#[derive(Debug, Error)]
pub enum LoadError {
    #[error("{path}: no such file")]
    NotFound { path: String },
    #[error("{path}: is a directory, not an article file")]
    Directory { path: String },
    #[error("{path}: binary file (a NUL byte at offset {offset}), not an article")]
    Binary { path: String, offset: usize },
    #[error("{path}: not valid UTF-8 (invalid byte at offset {offset}); save it as UTF-8")]
    NotUtf8 { path: String, offset: usize },
    #[error("{path}: too large ({size}); articles are limited to 25 MB")]
    TooLarge { path: String, size: String },
    /// The I/O error is part of the message, not a source of its own, so that a report of the
    /// error's chain names it once.
    #[error("{path}: {error}")]
    Io { path: String, error: std::io::Error },
}

/// Reads and parses the article at `path`, its format taken from the extension.
pub fn load_article(path: &str) -> Result<Document, LoadError> {
    // Opened first and then asked its size, rather than the path looked up twice (a batch of
    // small articles spends a good part of its system time in path lookups).
    let not_found = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound {
            path: path.to_string(),
        },
        _ => LoadError::Io {
            path: path.to_string(),
            error: e,
        },
    };
    let file = std::fs::File::open(Path::new(path)).map_err(not_found)?;
    let meta = file.metadata().map_err(not_found)?;
    if meta.is_dir() {
        return Err(LoadError::Directory {
            path: path.to_string(),
        });
    }
    if meta.len() > MAX_ARTICLE_BYTES {
        return Err(too_large(path, Some(meta.len())));
    }
    // The file may have grown since its size was read (or be a named pipe), so the read is
    // capped too.
    let bytes = read_capped(file, path, meta.len())?;
    let text = decode(path, bytes)?;
    Ok(Document::parse(path, text, Format::from_path(path)))
}

/// Reads an article from standard input. `name` (from `--stdin-filename`) gives the format
/// and the path reports show; without it the text is read as HTML when it starts like HTML,
/// else as plain text.
pub fn load_stdin(name: Option<&str>) -> Result<Document, LoadError> {
    let shown = name.unwrap_or("-");
    let bytes = read_capped(std::io::stdin(), shown, 0)?;
    let text = decode(shown, bytes)?;
    let format = match name {
        Some(n) => Format::from_path(n),
        None => {
            let head = text
                .trim_start()
                .get(..15)
                .unwrap_or("")
                .to_ascii_lowercase();
            if head.starts_with("<!doctype html") || head.starts_with("<html") {
                Format::Html
            } else {
                Format::Text
            }
        }
    };
    Ok(Document::parse(shown, text, format))
}

/// Reads all of `reader`, failing once it passes [`MAX_ARTICLE_BYTES`]. `expected` is the size
/// the file had (0 when unknown): read into room for it at once, a long file is not copied
/// from buffer to doubled buffer on the way.
fn read_capped(reader: impl Read, path: &str, expected: u64) -> Result<Vec<u8>, LoadError> {
    let room = usize::try_from(expected.min(MAX_ARTICLE_BYTES)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(room.saturating_add(1));
    reader
        .take(MAX_ARTICLE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::Io {
            path: path.to_string(),
            error: e,
        })?;
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(too_large(path, None));
    }
    Ok(bytes)
}

/// The error for an article over the limit; `size` when it is known (a file), else "over
/// 25 MB" (standard input, read up to the limit only).
fn too_large(path: &str, size: Option<u64>) -> LoadError {
    let size = match size {
        Some(n) => format!("{n} bytes"),
        None => "over 25 MB".to_string(),
    };
    LoadError::TooLarge {
        path: path.to_string(),
        size,
    }
}

fn decode(path: &str, bytes: Vec<u8>) -> Result<String, LoadError> {
    if let Some(offset) = memchr_nul(&bytes) {
        return Err(LoadError::Binary {
            path: path.to_string(),
            offset,
        });
    }
    String::from_utf8(bytes).map_err(|e| LoadError::NotUtf8 {
        path: path.to_string(),
        offset: e.utf8_error().valid_up_to(),
    })
}

/// The first NUL byte, by memchr's vectorised search: a byte loop was most of reading a long
/// article (1 MB of the bench text 4.9 M instructions, with the UTF-8 check).
fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(0, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one line the binary prints for an error: its message and each source's, as anyhow's
    /// `{:#}` writes them.
    fn chain(error: &dyn std::error::Error) -> String {
        let mut line = error.to_string();
        let mut cause = error.source();
        while let Some(c) = cause {
            line.push_str(": ");
            line.push_str(&c.to_string());
            cause = c.source();
        }
        line
    }

    /// An I/O error is named once in the line the binary prints, for an article, a corpus and
    /// the lock file alike (it was printed twice: in the message and again as its source).
    #[test]
    fn an_io_error_is_named_once() {
        let denied = || std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let cause = denied().to_string();
        let errors: [Box<dyn std::error::Error>; 3] = [
            Box::new(LoadError::Io {
                path: "a.md".to_string(),
                error: denied(),
            }),
            Box::new(crate::CorpusError::Read {
                path: "corpus".to_string(),
                error: denied(),
            }),
            Box::new(crate::LockError::Read {
                path: "claimcheck.lock".to_string(),
                error: denied(),
            }),
        ];
        for error in &errors {
            let line = chain(error.as_ref());
            assert_eq!(line.matches(&cause).count(), 1, "{line}");
        }
    }

    /// The vectorised search finds the first NUL where a byte loop does, at any place in long
    /// and short inputs, and none in text without one.
    #[test]
    fn finds_the_first_nul_byte() {
        let text = "A council approved the budget on Monday. ".repeat(100);
        assert_eq!(memchr_nul(b""), None);
        assert_eq!(memchr_nul(text.as_bytes()), None);
        for at in [0, 1, 15, 16, 31, 32, 33, 63, 64, 65, 1000, text.len() - 1] {
            let mut bytes = text.clone().into_bytes();
            bytes[at] = 0;
            if at + 7 < bytes.len() {
                bytes[at + 7] = 0;
            }
            assert_eq!(memchr_nul(&bytes), Some(at));
        }
    }

    #[test]
    fn refuses_an_article_over_the_limit() {
        let dir = std::env::temp_dir().join(format!("claimcheck-large-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("huge.txt");
        let file = std::fs::File::create(&path).expect("create");
        // A sparse file: its size is over the limit without writing 25 MB.
        file.set_len(MAX_ARTICLE_BYTES + 1).expect("set the length");
        let shown = path.to_str().expect("utf-8 path");
        let error = load_article(shown).expect_err("too large").to_string();
        assert_eq!(
            error,
            format!("{shown}: too large (25000001 bytes); articles are limited to 25 MB")
        );
        let _ = std::fs::remove_dir_all(&dir);
        let error = read_capped(std::io::repeat(b'a'), "-", 0).expect_err("too large");
        assert_eq!(
            error.to_string(),
            "-: too large (over 25 MB); articles are limited to 25 MB"
        );
    }
}
