//! `claimcheck init`: a commented starter `claimcheck.toml` and example CI jobs that use it.
//! Existing files are never overwritten.

use std::io::Write;
use std::path::Path;

use anyhow::{Result, bail};

const FILES: &[(&str, &str)] = &[
    ("claimcheck.toml", include_str!("init/claimcheck.toml")),
    (
        ".github/workflows/claimcheck.yml",
        include_str!("init/github.yml"),
    ),
    (".gitlab/claimcheck.yml", include_str!("init/gitlab-ci.yml")),
];

pub fn run(dir: &Path) -> Result<()> {
    if !dir.is_dir() {
        bail!("{}: not a directory", dir.display());
    }
    for (name, _) in FILES {
        let path = dir.join(name);
        if path.exists() {
            bail!("{}: already exists; not overwritten", path.display());
        }
    }
    let mut out = std::io::stdout().lock();
    for (name, text) in FILES {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| anyhow::anyhow!("{}: cannot create: {e}", parent.display()))?;
        }
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .and_then(|mut f| f.write_all(text.as_bytes()))
            .map_err(|e| anyhow::anyhow!("{}: cannot write: {e}", path.display()))?;
        writeln!(out, "wrote {}", path.display())?;
    }
    Ok(())
}
