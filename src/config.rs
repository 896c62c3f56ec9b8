//! `claimcheck.toml` (or `.claimcheck.toml`): found by walking up from the first checked path
//! (the current directory for standard input), or named with `--config`. Every flag of `check`
//! has a key here; a flag given on the command line wins over the file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Deserialize;

/// The names a configuration file may have, in order of preference in one directory.
pub const FILE_NAMES: &[&str] = &["claimcheck.toml", ".claimcheck.toml"];

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    #[serde(default)]
    pub check: CheckSection,
    #[serde(default)]
    pub files: FilesSection,
    /// Extra outputs: format name to path, as `--report FORMAT=PATH`.
    #[serde(default)]
    pub reports: BTreeMap<String, PathBuf>,
    #[serde(default)]
    pub baseline: BaselineSection,
    /// Per-rule settings: `[rules."date.unverified"] level = "off"`.
    #[serde(default)]
    pub rules: BTreeMap<String, RuleSection>,
    #[serde(default)]
    pub fetch: FetchSection,
    #[serde(default)]
    pub corpus: CorpusSection,
    #[serde(default)]
    pub events: EventsSection,
    #[serde(default)]
    pub wikidata: WikidataSection,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct WikidataSection {
    pub endpoint: Option<String>,
    pub entity_endpoint: Option<String>,
    pub language: Option<String>,
    pub max_results: Option<usize>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FetchSection {
    pub offline: Option<bool>,
    pub locked: Option<bool>,
    pub lockfile: Option<PathBuf>,
    pub cache_dir: Option<PathBuf>,
    pub allow_private_network: Option<bool>,
    /// Ask Wikidata about events the bundled timeline lacks.
    pub online: Option<bool>,
    /// Seconds.
    pub timeout: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CorpusSection {
    #[serde(default)]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct EventsSection {
    #[serde(default)]
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CheckSection {
    pub format: Option<String>,
    pub output_file: Option<PathBuf>,
    pub published: Option<String>,
    pub fail_on: Option<String>,
    pub min_level: Option<String>,
    pub exit_zero: Option<bool>,
    pub color: Option<String>,
    pub threads: Option<usize>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FilesSection {
    #[serde(default)]
    pub exclude: Vec<String>,
    #[serde(default)]
    pub force_exclude: bool,
    #[serde(default = "yes")]
    pub respect_gitignore: bool,
}

impl Default for FilesSection {
    fn default() -> Self {
        FilesSection {
            exclude: Vec::new(),
            force_exclude: false,
            respect_gitignore: true,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct BaselineSection {
    pub path: Option<PathBuf>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RuleSection {
    /// `error`, `warning`, `info`, `note`, or `off` to drop the rule's findings.
    pub level: Option<String>,
}

fn yes() -> bool {
    true
}

/// The configuration and the file it came from: `explicit` when given, else the nearest file
/// walking up from `start`, else the defaults. `isolated` ignores configuration files.
pub fn load(
    explicit: Option<&Path>,
    start: &Path,
    isolated: bool,
) -> Result<(Config, Option<PathBuf>)> {
    if isolated {
        return Ok((Config::default(), None));
    }
    let path = match explicit {
        Some(p) => Some(p.to_path_buf()),
        None => find(start),
    };
    let Some(path) = path else {
        return Ok((Config::default(), None));
    };
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("{}: cannot read the configuration", path.display()))?;
    let config = toml::from_str(&text).map_err(|e| {
        let msg = e.message().trim().replace('\n', " ");
        let at = e
            .span()
            .map(|s| format!(" (line {})", text[..s.start].matches('\n').count() + 1))
            .unwrap_or_default();
        anyhow::anyhow!("{}: invalid configuration{at}: {msg}", path.display())
    })?;
    Ok((config, Some(path)))
}

fn find(start: &Path) -> Option<PathBuf> {
    let start = std::fs::canonicalize(start).unwrap_or_else(|_| start.to_path_buf());
    let dir = if start.is_file() {
        start.parent()?.to_path_buf()
    } else {
        start
    };
    dir.ancestors()
        .flat_map(|d| FILE_NAMES.iter().map(move |n| d.join(n)))
        .find(|p| p.is_file())
}

/// Parses a configuration value with the same parser as its flag, naming the key on error.
pub fn value<T: std::str::FromStr>(
    key: &str,
    raw: Option<&str>,
    file: Option<&Path>,
) -> Result<Option<T>>
where
    T::Err: std::fmt::Display,
{
    raw.map(|v| {
        v.parse::<T>().map_err(|e| {
            let file =
                file.map_or_else(|| "configuration".to_string(), |f| f.display().to_string());
            anyhow::anyhow!("{file}: {key}: {e}")
        })
    })
    .transpose()
}
