//! Texts consulted as evidence (a fetched page, a corpus file) and what retrieval found for
//! each claim, handed to the matcher so that it never fetches.

use std::collections::HashMap;

/// A text that was read: a fetched web page's main text, or a file of the local corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceText {
    /// The URL (after redirects) or the corpus file's path.
    pub location: String,
    pub title: Option<String>,
    /// The main text: for a web page, the article body without navigation or boilerplate.
    pub text: String,
    /// When it was fetched (RFC 3339, UTC), for fetched pages.
    pub retrieved: Option<String>,
    /// `sha256:<hex>` of the bytes read.
    pub content_hash: Option<String>,
}

/// What retrieval made of one source for a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceOutcome {
    Available(SourceText),
    /// The source could not be read; `reason` is one lowercase phrase ("timed out after 10 s",
    /// "HTTP 404", "refused: private address 10.0.0.1").
    Unavailable {
        location: String,
        reason: String,
    },
}

/// The sources retrieval found for each claim, by claim id, in the order to consult them
/// (cited links first, then corpus passages).
#[derive(Debug, Clone, Default)]
pub struct Sources {
    pub by_claim: HashMap<String, Vec<SourceOutcome>>,
}

impl Sources {
    /// The sources for the claim with id `id`, none when retrieval found none.
    pub fn for_claim(&self, id: &str) -> &[SourceOutcome] {
        self.by_claim.get(id).map_or(&[], Vec::as_slice)
    }
}
