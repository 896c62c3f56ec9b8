//! The local corpus (`--corpus DIR`): reference texts on disk, split into passages and ranked
//! for a claim's words with BM25, quoted words first.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use claimcheck_core::{Document, Format, SourceText};
use thiserror::Error;

use crate::bm25::{Bm25, tokens};
use crate::cache::content_hash;

/// A paragraph longer than this many words is split into overlapping windows of sentences,
/// so that a passage stays about the size of a quote's context.
const LONG_PARAGRAPH_WORDS: usize = 150;
const WINDOW_SENTENCES: usize = 4;
const WINDOW_STEP: usize = 2;

/// Why a corpus could not be indexed. Each message names the path.
#[derive(Debug, Error)]
pub enum CorpusError {
    #[error("{path}: no such corpus directory")]
    NotFound { path: String },
    #[error("{path}: the corpus must be a directory")]
    NotADirectory { path: String },
    /// The I/O error is part of the message only (see [`crate::LoadError::Io`]).
    #[error("{path}: cannot read: {error}")]
    Read { path: String, error: std::io::Error },
}

/// An indexed directory of `.txt`, `.md` and `.html` files.
#[derive(Debug)]
pub struct Corpus {
    passages: Vec<Passage>,
    tokens: Vec<Vec<String>>,
    index: Bm25,
    files: usize,
}

#[derive(Debug)]
struct Passage {
    location: String,
    title: Option<String>,
    text: String,
    /// The hash of the whole file the passage comes from.
    content_hash: String,
}

impl Corpus {
    /// Indexes every `.txt`, `.md`/`.markdown` and `.html`/`.htm` file under `dir`,
    /// recursively, in path order. Hidden files and directories are skipped, and symbolic
    /// links to directories are not followed (they could loop). Markdown and HTML are read as
    /// articles are (`Document::parse`: markup dropped, HTML reduced to its article body).
    pub fn index(dir: &Path) -> Result<Corpus, CorpusError> {
        let shown = dir.display().to_string();
        let meta = std::fs::metadata(dir).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => CorpusError::NotFound {
                path: shown.clone(),
            },
            _ => CorpusError::Read {
                path: shown.clone(),
                error: e,
            },
        })?;
        if !meta.is_dir() {
            return Err(CorpusError::NotADirectory { path: shown });
        }
        let mut passages = Vec::new();
        let files = corpus_files(dir)?;
        for file in &files {
            passages.extend(read_passages(file)?);
        }
        let tokens: Vec<Vec<String>> = passages.iter().map(|p| tokens(&p.text)).collect();
        Ok(Corpus {
            index: Bm25::new(&tokens),
            tokens,
            passages,
            files: files.len(),
        })
    }

    /// The number of files indexed.
    pub fn files(&self) -> usize {
        self.files
    }

    /// The number of passages indexed.
    pub fn len(&self) -> usize {
        self.passages.len()
    }

    pub fn is_empty(&self) -> bool {
        self.passages.is_empty()
    }

    /// The `k` passages most likely to hold what `query` says, best first. Words the query
    /// puts in quotation marks (straight or curly) are looked for as a run: a passage holding
    /// more of a quote's words in order ranks above any that holds fewer, so a quote's source
    /// (or a passage with the quote slightly altered) comes first; BM25 over all the query's
    /// words orders the rest. `location` is `path#paragraph-N`.
    pub fn search(&self, query: &str, k: usize) -> Vec<SourceText> {
        let terms = tokens(query);
        let scores = self.index.scores(&terms);
        let phrases: Vec<Vec<String>> = quoted(query)
            .iter()
            .map(|q| tokens(q))
            .filter(|t| t.len() >= 2)
            .collect();
        let mut phrase_scores: HashMap<usize, f64> = HashMap::new();
        for phrase in &phrases {
            for (doc, score) in self.phrase_matches(phrase) {
                *phrase_scores.entry(doc).or_default() += score;
            }
        }
        let mut ranked: Vec<(usize, f64, f64)> = scores
            .iter()
            .map(|(&doc, &bm25)| (doc, phrase_scores.get(&doc).copied().unwrap_or(0.0), bm25))
            .collect();
        ranked.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then(b.2.total_cmp(&a.2))
                .then(a.0.cmp(&b.0))
        });
        ranked
            .into_iter()
            .take(k)
            .map(|(doc, _, _)| {
                let p = &self.passages[doc];
                SourceText {
                    location: p.location.clone(),
                    title: p.title.clone(),
                    text: p.text.clone(),
                    retrieved: None,
                    content_hash: Some(p.content_hash.clone()),
                }
            })
            .collect()
    }

    /// For each passage holding enough of `phrase`'s words, the share of the phrase found
    /// there as one unbroken run (1.0 for the whole quote). Only passages holding at least
    /// three of its distinct words (or all, for a shorter phrase) are compared word by word,
    /// which the postings tell cheaply.
    fn phrase_matches(&self, phrase: &[String]) -> Vec<(usize, f64)> {
        let mut distinct: Vec<&str> = phrase.iter().map(String::as_str).collect();
        distinct.sort_unstable();
        distinct.dedup();
        let mut hits: HashMap<usize, usize> = HashMap::new();
        for term in &distinct {
            for &(doc, _) in self.index.postings(term) {
                *hits.entry(doc).or_default() += 1;
            }
        }
        let needed = distinct.len().min(3);
        let mut matches: Vec<(usize, f64)> = hits
            .into_iter()
            .filter(|&(_, n)| n >= needed)
            .filter_map(|(doc, _)| {
                let run = longest_common_run(phrase, &self.tokens[doc]);
                (run >= needed.min(phrase.len())).then(|| (doc, run as f64 / phrase.len() as f64))
            })
            .collect();
        matches.sort_by_key(|&(doc, _)| doc);
        matches
    }
}

/// The length of the longest run of consecutive words shared by `a` and `b`.
fn longest_common_run(a: &[String], b: &[String]) -> usize {
    let mut previous = vec![0usize; b.len() + 1];
    let mut best = 0;
    for x in a {
        let mut current = vec![0usize; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            if x == y {
                current[j + 1] = previous[j] + 1;
                best = best.max(current[j + 1]);
            }
        }
        previous = current;
    }
    best
}

/// The stretches of `text` inside quotation marks: "…", “…”, „…“ and «…».
fn quoted(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in text.char_indices() {
        match open {
            None => {
                let close = match c {
                    '"' => '"',
                    '“' => '”',
                    '„' => '“',
                    '«' => '»',
                    _ => continue,
                };
                open = Some((i + c.len_utf8(), close));
            }
            Some((start, close)) if c == close || (close == '”' && c == '"') => {
                found.push(text[start..i].to_string());
                open = None;
            }
            Some(_) => {}
        }
    }
    found
}

/// The corpus files under `dir`, sorted, found with an explicit stack (no recursion limit).
fn corpus_files(dir: &Path) -> Result<Vec<PathBuf>, CorpusError> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        let read = |e| CorpusError::Read {
            path: current.display().to_string(),
            error: e,
        };
        for entry in std::fs::read_dir(&current).map_err(read)? {
            let entry = entry.map_err(read)?;
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let kind = entry.file_type().map_err(read)?;
            if kind.is_dir() {
                pending.push(path);
            } else if (kind.is_file() || kind.is_symlink() && path.is_file())
                && is_corpus_file(&path)
            {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

fn is_corpus_file(path: &Path) -> bool {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    matches!(
        ext.as_deref(),
        Some("txt" | "md" | "markdown" | "html" | "htm")
    )
}

fn read_passages(path: &Path) -> Result<Vec<Passage>, CorpusError> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| CorpusError::Read {
        path: shown.clone(),
        error: e,
    })?;
    let hash = content_hash(&bytes);
    // A reference file in another encoding still yields its readable words.
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let doc = Document::parse(&shown, text, Format::from_path(&shown));
    let title = doc
        .title
        .clone()
        .or_else(|| path.file_stem().map(|s| s.to_string_lossy().into_owned()));
    let mut passages = Vec::new();
    let normalised = doc.text.replace("\r\n", "\n");
    let paragraphs = normalised
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty());
    for (n, paragraph) in paragraphs.enumerate() {
        let location = format!("{shown}#paragraph-{}", n + 1);
        for text in windows(paragraph) {
            passages.push(Passage {
                location: location.clone(),
                title: title.clone(),
                text,
                content_hash: hash.clone(),
            });
        }
    }
    Ok(passages)
}

/// A paragraph as passages: itself when short, else overlapping windows of sentences.
fn windows(paragraph: &str) -> Vec<String> {
    if paragraph.split_whitespace().count() <= LONG_PARAGRAPH_WORDS {
        return vec![paragraph.to_string()];
    }
    let sentences = sentences(paragraph);
    let mut out = Vec::new();
    let mut start = 0;
    loop {
        let end = (start + WINDOW_SENTENCES).min(sentences.len());
        out.push(sentences[start..end].join(" "));
        if end == sentences.len() {
            return out;
        }
        start += WINDOW_STEP;
    }
}

/// Sentences, split after `.`, `!` or `?` (and any closing quotes) before white space. An
/// abbreviation splits a sentence too; the windows overlap, so a quote cut there is still
/// whole in the next window.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if matches!(c, '.' | '!' | '?') {
            let mut end = i + c.len_utf8();
            while let Some(&(j, q)) = chars.peek() {
                if matches!(q, '"' | '”' | '’' | '\'' | ')') {
                    end = j + q.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            if chars.peek().is_some_and(|&(_, n)| n.is_whitespace()) {
                out.push(text[start..end].trim());
                start = end;
            }
        }
    }
    if !text[start..].trim().is_empty() {
        out.push(text[start..].trim());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_quoted_stretches() {
        assert_eq!(
            quoted("Lee said “we will not yield” and \"never\" again"),
            ["we will not yield", "never"]
        );
    }

    #[test]
    fn measures_runs_of_words() {
        let a = tokens("we will not yield to pressure");
        let b = tokens("he said we will yield to pressure today");
        assert_eq!(longest_common_run(&a, &b), 3);
    }

    #[test]
    fn windows_long_paragraphs() {
        let paragraph = (1..=40)
            .map(|i| format!("Sentence number {i} has a few more words in it."))
            .collect::<Vec<_>>()
            .join(" ");
        let windows = windows(&paragraph);
        assert_eq!(windows.len(), 19);
        assert!(windows[0].starts_with("Sentence number 1 "));
        assert!(windows[1].starts_with("Sentence number 3 "));
    }
}
