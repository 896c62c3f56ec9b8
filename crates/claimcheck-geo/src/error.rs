//! Why bundled reference data could not be read.

use thiserror::Error;

/// A bundled data file that does not have the shape its loader expects. The files are generated
/// by `corpora/geo/build.py` and their hashes are checked by the tests, so this means a broken
/// build, not bad user input.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum GeoError {
    #[error("corpora/geo/{file}: expected format `{expected}` version {version} in the header")]
    Format {
        file: &'static str,
        expected: &'static str,
        version: u32,
    },
    #[error("corpora/geo/{file}: line {line}: {reason}")]
    Line {
        file: &'static str,
        line: usize,
        reason: String,
    },
    #[error("corpora/geo/borders.bin: {0}")]
    Borders(String),
}
