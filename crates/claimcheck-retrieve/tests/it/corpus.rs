//! The local corpus: indexing a directory and finding the passage that holds a quote.

use std::path::Path;

use claimcheck_retrieve::{Corpus, CorpusError};

fn corpus() -> Corpus {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/fixtures/corpus");
    Corpus::index(&dir).expect("index the fixture corpus")
}

#[test]
fn ranks_the_passage_with_the_quoted_words_first() {
    let corpus = corpus();
    assert_eq!(corpus.files(), 3);
    // notes.txt repeats the quote's rarer words and would win on word counts alone.
    let query = "Lee said \u{201c}Kim is seeking to make the most of the war in Ukraine to secure Russian technology\u{201d}";
    let found = corpus.search(query, 3);
    assert_eq!(found.len(), 3);
    assert!(
        found[0].location.ends_with("interviews/lee.md#paragraph-3"),
        "{:?}",
        found.iter().map(|f| &f.location).collect::<Vec<_>>()
    );
    assert_eq!(
        found[0].title.as_deref(),
        Some("Interview with Lee Byong-chul")
    );
    assert!(
        found[0]
            .text
            .contains("make the most of the war in Ukraine")
    );
    assert!(
        found[0]
            .content_hash
            .as_deref()
            .is_some_and(|h| h.starts_with("sha256:"))
    );
    assert_eq!(found[0].retrieved, None);
}

#[test]
fn finds_an_altered_quote_and_ranks_by_words_without_quotes() {
    let corpus = corpus();
    let altered = "\"Kim is trying to make the most of the war in Ukraine to get Russian money\"";
    assert!(
        corpus.search(altered, 1)[0]
            .location
            .ends_with("lee.md#paragraph-3")
    );
    let found = corpus.search("Vladivostok port", 5);
    assert!(
        found[0].location.ends_with("notes.txt#paragraph-3"),
        "{found:?}"
    );
    assert!(corpus.search("zebra", 5).is_empty());
}

#[test]
fn reads_html_without_its_boilerplate() {
    let corpus = corpus();
    let found = corpus.search("Copyright notice Home World", 10);
    assert!(
        found.iter().all(|f| !f.text.contains("Copyright")),
        "{found:?}"
    );
    let summit = corpus.search("Vostochny Cosmodrome satellites", 1);
    assert!(
        summit[0].location.ends_with("summit.html#paragraph-1"),
        "{summit:?}"
    );
    assert_eq!(summit[0].title.as_deref(), Some("Summit coverage"));
}

#[test]
fn names_a_missing_corpus() {
    let error = Corpus::index(Path::new("/nonexistent/corpus")).expect_err("missing");
    assert!(matches!(error, CorpusError::NotFound { .. }));
    assert_eq!(
        error.to_string(),
        "/nonexistent/corpus: no such corpus directory"
    );
}
