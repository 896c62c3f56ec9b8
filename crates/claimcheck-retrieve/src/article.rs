//! Reading an article from a file or standard input into a [`Document`], refusing what is not
//! an article: a missing path, a directory, a binary file, text that is not UTF-8.

use std::io::Read;
use std::path::Path;

use claimcheck_core::{Document, Format};
use thiserror::Error;

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
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

/// Reads and parses the article at `path`, its format taken from the extension.
pub fn load_article(path: &str) -> Result<Document, LoadError> {
    let p = Path::new(path);
    let meta = std::fs::metadata(p).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound {
            path: path.to_string(),
        },
        _ => LoadError::Io {
            path: path.to_string(),
            source: e,
        },
    })?;
    if meta.is_dir() {
        return Err(LoadError::Directory {
            path: path.to_string(),
        });
    }
    let bytes = std::fs::read(p).map_err(|e| LoadError::Io {
        path: path.to_string(),
        source: e,
    })?;
    let text = decode(path, bytes)?;
    Ok(Document::parse(path, text, Format::from_path(path)))
}

/// Reads an article from standard input. `name` (from `--stdin-filename`) gives the format
/// and the path reports show; without it the text is read as HTML when it starts like HTML,
/// else as plain text.
pub fn load_stdin(name: Option<&str>) -> Result<Document, LoadError> {
    let shown = name.unwrap_or("-");
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::Io {
            path: shown.to_string(),
            source: e,
        })?;
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

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}
