//! Attributed words checked against cited pages served on 127.0.0.1, and against a local
//! corpus (issue 4).

use crate::support::{PageServer, claim, claimcheck, fixture, json_run, temp_dir};

fn statement() -> String {
    std::fs::read_to_string(fixture("sources/statement.html")).expect("fixture")
}

/// Writes the quotes article pointing at `base`, and returns its path.
fn article(dir: &std::path::Path, base: &str) -> String {
    let text = std::fs::read_to_string(fixture("harbour-quotes.md.in")).expect("fixture");
    let path = dir.join("harbour-quotes.md");
    std::fs::write(&path, text.replace("{base}", base)).expect("write");
    path.to_str().expect("utf-8 path").to_string()
}

#[test]
fn cited_pages_decide_quotes_and_the_lock_replays_them() {
    let server = PageServer::start(vec![("/statement.html", statement())]);
    let dir = temp_dir("sources");
    let path = article(&dir, &server.base);
    let cache = dir.join("cache");
    let lock = dir.join("claimcheck.lock");
    let flags = [
        "--allow-private-network",
        "--cache-dir",
        cache.to_str().expect("utf-8"),
        "--lockfile",
        lock.to_str().expect("utf-8"),
        "--timeout",
        "5",
    ];
    let mut args = vec!["check", path.as_str()];
    args.extend(flags);
    let (code, report) = json_run(&args);
    assert_eq!(code, 1, "an altered quote is contradicted");

    let verified = claim(&report, "attribution", "We will not reopen");
    assert_eq!(verified["verdict"], "supported", "{verified:#}");
    assert_eq!(verified["rule"], "quote.verified");
    let evidence = &verified["evidence"][0];
    assert!(
        evidence["url"]
            .as_str()
            .is_some_and(|u| u.ends_with("/statement.html"))
    );
    assert!(
        evidence["content_hash"]
            .as_str()
            .is_some_and(|h| h.starts_with("sha256:"))
    );

    let altered = claim(&report, "attribution", "We will reopen the north pier");
    assert_eq!(altered["verdict"], "contradicted");
    assert_eq!(altered["rule"], "quote.altered");
    assert!(
        altered["explanation"]
            .as_str()
            .expect("text")
            .contains("not"),
        "{altered:#}"
    );

    let misattributed = claim(&report, "attribution", "Every berth");
    assert_eq!(misattributed["verdict"], "contradicted");
    assert_eq!(misattributed["rule"], "quote.misattributed");
    assert!(
        misattributed["explanation"]
            .as_str()
            .expect("text")
            .contains("Okafor")
    );

    let missing = claim(&report, "attribution", "ferry fleet");
    assert_eq!(missing["verdict"], "unverified");
    assert_eq!(missing["rule"], "source.unavailable");
    assert!(
        missing["explanation"]
            .as_str()
            .expect("text")
            .contains("404")
    );

    let not_found = claim(&report, "attribution", "always run on time");
    assert_eq!(not_found["verdict"], "unverified");
    assert_eq!(not_found["rule"], "quote.not-found");

    // The boilerplate around the article body is not a source of words.
    let lock_text = std::fs::read_to_string(&lock).expect("the lock is written");
    assert!(lock_text.contains("/statement.html") && lock_text.contains("sha256:"));

    // Offline, from the cache: the same verdicts, and the lock does not change.
    let mut offline = args.clone();
    offline.push("--frozen");
    let (code_offline, replay) = json_run(&offline);
    assert_eq!(code_offline, 1);
    for needle in [
        "We will not reopen",
        "We will reopen the north pier",
        "Every berth",
        "always run on time",
    ] {
        assert_eq!(
            claim(&replay, "attribution", needle)["verdict"],
            claim(&report, "attribution", needle)["verdict"],
            "{needle}"
        );
    }

    // A lock that no longer matches what is cited fails a locked run with exit 2.
    std::fs::write(&lock, "{\"version\": 1, \"sources\": {}}\n").expect("write");
    let out = claimcheck()
        .args(&args)
        .args(["--locked", "--format", "json"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("the evidence lock would change"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn private_addresses_are_refused_without_the_flag() {
    let server = PageServer::start(vec![("/statement.html", statement())]);
    let dir = temp_dir("private");
    let path = article(&dir, &server.base);
    let cache = dir.join("cache");
    let lock = dir.join("claimcheck.lock");
    let (code, report) = json_run(&[
        "check",
        &path,
        "--cache-dir",
        cache.to_str().expect("utf-8"),
        "--lockfile",
        lock.to_str().expect("utf-8"),
    ]);
    assert_eq!(
        code, 0,
        "nothing could be checked, so nothing is contradicted"
    );
    let c = claim(&report, "attribution", "We will not reopen");
    assert_eq!(c["verdict"], "unverified");
    assert_eq!(c["rule"], "source.unavailable");
    let why = c["explanation"].as_str().expect("text");
    assert!(
        why.contains("127.0.0.1") && why.contains("--allow-private-network"),
        "{why}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn corpus_finds_supported_altered_and_missing_quotes() {
    let path = fixture("corpus-quotes.md");
    let corpus = fixture("corpus");
    let (code, report) = json_run(&["check", &path, "--corpus", &corpus]);
    assert_eq!(code, 1);
    let forty = claim(&report, "attribution", "forty homes");
    assert_eq!(forty["verdict"], "supported", "{forty:#}");
    assert!(forty["evidence"][0]["source"].as_str().is_some());
    let fourteen = claim(&report, "attribution", "fourteen homes");
    assert_eq!(fourteen["verdict"], "contradicted");
    assert_eq!(fourteen["rule"], "quote.altered");
    let afford = claim(&report, "attribution", "afford a second wall");
    assert_eq!(
        afford["verdict"], "contradicted",
        "a dropped negation: {afford:#}"
    );
    let harbour = claim(&report, "attribution", "harbour will close");
    assert_eq!(harbour["verdict"], "unverified");
    assert_eq!(harbour["rule"], "quote.not-found");
}
