//! Which files a run checks: explicit files, directories walked with `.gitignore` respected,
//! and glob patterns, minus `--exclude` patterns, in a sorted, deterministic order.

use std::path::Path;

use anyhow::{Result, bail};
use globset::{Glob, GlobSet, GlobSetBuilder};

/// Extensions of the files a directory or a glob contributes.
const ARTICLE_EXTENSIONS: &[&str] = &["md", "markdown", "html", "htm", "txt"];

/// How inputs are expanded.
#[derive(Debug, Default)]
pub struct Selection {
    pub exclude: Vec<String>,
    /// Excludes apply to files named explicitly too.
    pub force_exclude: bool,
    pub respect_gitignore: bool,
}

/// The files to check, `-` kept as given. Each input contributes its files in sorted order;
/// a file reached twice is checked once.
pub fn expand(inputs: &[String], selection: &Selection) -> Result<Vec<String>> {
    let exclude = globs(&selection.exclude)?;
    let mut out: Vec<String> = Vec::new();
    for input in inputs {
        if input == "-" {
            out.push(input.clone());
            continue;
        }
        let path = Path::new(input);
        if path.is_file() {
            if !(selection.force_exclude && excluded(&exclude, input)) {
                out.push(input.clone());
            }
            continue;
        }
        let found = if path.is_dir() {
            walk(path, None, &exclude, selection)
        } else if input.contains(['*', '?', '[', '{']) {
            let base = glob_base(input);
            let pattern = globs(std::slice::from_ref(input))?;
            walk(Path::new(&base), Some(&pattern), &exclude, selection)
        } else {
            bail!("{input}: no such file");
        };
        if found.is_empty() {
            bail!("{input}: no article files (.md, .html, .txt) matched");
        }
        out.extend(found);
    }
    // One directory's walk names each file once: only several inputs can name one twice.
    if inputs.len() > 1 {
        let mut seen = std::collections::HashSet::new();
        out.retain(|p| p == "-" || seen.insert(p.clone()));
    }
    Ok(out)
}

fn globs(patterns: &[String]) -> Result<GlobSet> {
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        let glob = Glob::new(p).map_err(|e| anyhow::anyhow!("invalid glob {p:?}: {e}"))?;
        b.add(glob);
        // A directory pattern excludes what is below it.
        if !p.ends_with("/**")
            && !p.contains('.')
            && let Ok(g) = Glob::new(&format!("{}/**", p.trim_end_matches('/')))
        {
            b.add(g);
        }
    }
    b.build().map_err(|e| anyhow::anyhow!("invalid glob: {e}"))
}

fn excluded(set: &GlobSet, path: &str) -> bool {
    // Without patterns nothing is excluded: a batch's thousands of files skip making each path
    // and its ancestors into the set's candidates.
    if set.is_empty() {
        return false;
    }
    let trimmed = path.trim_start_matches("./");
    set.is_match(trimmed) || Path::new(trimmed).ancestors().any(|a| set.is_match(a))
}

/// The longest leading part of a glob pattern without glob characters, as a directory.
fn glob_base(pattern: &str) -> String {
    let literal: Vec<&str> = pattern
        .split('/')
        .take_while(|part| !part.contains(['*', '?', '[', '{']))
        .collect();
    let base = literal.join("/");
    if base.is_empty() {
        ".".to_string()
    } else {
        base
    }
}

fn walk(root: &Path, pattern: Option<&GlobSet>, exclude: &GlobSet, s: &Selection) -> Vec<String> {
    let mut files: Vec<String> = ignore::WalkBuilder::new(root)
        .git_ignore(s.respect_gitignore)
        .git_global(false)
        .git_exclude(s.respect_gitignore)
        .ignore(s.respect_gitignore)
        .require_git(false)
        .build()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
        .filter_map(|e| {
            let p = e.path().to_str()?;
            let p = p.strip_prefix("./").unwrap_or(p);
            let ext = Path::new(p).extension()?.to_str()?;
            (ARTICLE_EXTENSIONS
                .iter()
                .any(|known| known.eq_ignore_ascii_case(ext))
                && pattern.is_none_or(|g| g.is_match(p))
                && !excluded(exclude, p))
            .then(|| p.to_string())
        })
        .collect();
    files.sort();
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob_bases() {
        assert_eq!(glob_base("content/**/*.md"), "content");
        assert_eq!(glob_base("*.md"), ".");
        assert_eq!(glob_base("a/b/c.md"), "a/b/c.md");
    }
}
