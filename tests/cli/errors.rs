//! Bad input: one clear line on stderr and exit 2, never a panic (issue 2).

use crate::support::{claimcheck, fixture};

fn assert_one_line_exit_2(args: &[&str], stdin: Option<Vec<u8>>, expected: &str) {
    let mut cmd = claimcheck();
    cmd.args(args);
    if let Some(input) = stdin {
        cmd.write_stdin(input);
    }
    let out = cmd.output().expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr:?}");
    assert!(stderr.starts_with("claimcheck: "), "{stderr}");
    assert!(
        stderr.contains(expected),
        "{stderr:?} should mention {expected:?}"
    );
    assert!(out.stdout.is_empty(), "no report when an input is bad");
    assert!(!stderr.contains("panicked"));
}

#[test]
fn missing_file() {
    assert_one_line_exit_2(
        &["check", "no/such/article.md"],
        None,
        "no/such/article.md: no such file",
    );
}

#[test]
fn directory_without_articles() {
    let dir = std::env::temp_dir().join(format!("claimcheck-empty-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("sub")).expect("temp dir");
    std::fs::write(dir.join("sub/photo.png"), b"\x89PNG").expect("write");
    let shown = dir.to_str().expect("utf-8 path");
    assert_one_line_exit_2(
        &["check", shown],
        None,
        "no article files (.md, .html, .txt) matched",
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn malformed_config() {
    let dir = std::env::temp_dir().join(format!("claimcheck-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join("a.txt"), "It opened on Monday, June 20, 2022.\n").expect("write");
    std::fs::write(
        dir.join("claimcheck.toml"),
        "[check]\nfail-on = \"sometimes\"\n",
    )
    .expect("write");
    let article = dir.join("a.txt");
    let article = article.to_str().expect("utf-8 path");
    assert_one_line_exit_2(
        &["check", article],
        None,
        "check.fail-on: unknown value \"sometimes\"",
    );
    std::fs::write(dir.join("claimcheck.toml"), "[check\nformat = 1\n").expect("write");
    assert_one_line_exit_2(&["check", article], None, "invalid configuration (line 1)");
    std::fs::write(dir.join("claimcheck.toml"), "[check]\nno-such-key = 1\n").expect("write");
    assert_one_line_exit_2(&["check", article], None, "unknown field `no-such-key`");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_report_never_overwrites_an_article() {
    let dir = std::env::temp_dir().join(format!("claimcheck-overwrite-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let article = dir.join("a.md");
    std::fs::write(&article, "It opened on Monday, June 20, 2022.\n").expect("write");
    let shown = article.to_str().expect("utf-8 path");
    let report = format!("json={shown}");
    assert_one_line_exit_2(
        &["check", shown, "--report", &report],
        None,
        "refusing to overwrite",
    );
    assert_one_line_exit_2(
        &["check", shown, "-o", shown],
        None,
        "refusing to overwrite",
    );
    assert_eq!(
        std::fs::read_to_string(&article).expect("still there"),
        "It opened on Monday, June 20, 2022.\n"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn binary_and_invalid_utf8() {
    let dir = std::env::temp_dir().join(format!("claimcheck-errors-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let binary = dir.join("image.md");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").expect("write");
    let latin1 = dir.join("latin1.txt");
    std::fs::write(&latin1, b"Caf\xe9 opened on Monday, June 20.").expect("write");
    assert_one_line_exit_2(
        &["check", binary.to_str().expect("utf-8 path")],
        None,
        "binary file",
    );
    assert_one_line_exit_2(
        &["check", latin1.to_str().expect("utf-8 path")],
        None,
        "not valid UTF-8 (invalid byte at offset 3)",
    );
    assert_one_line_exit_2(
        &["check", "-"],
        Some(b"ok \xff".to_vec()),
        "-: not valid UTF-8",
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_bad_file_among_good_ones_fails_the_whole_run() {
    let good = fixture("summit-notes.txt");
    assert_one_line_exit_2(
        &["check", &good, "missing.txt"],
        None,
        "missing.txt: no such file",
    );
}

#[test]
fn unknown_option_values() {
    let good = fixture("summit-notes.txt");
    assert_one_line_exit_2(
        &["check", "--format", "yaml", &good],
        None,
        "invalid value 'yaml'",
    );
    assert_one_line_exit_2(
        &["check", "--fail-on", "sometimes", &good],
        None,
        "invalid value 'sometimes'",
    );
    assert_one_line_exit_2(
        &["check", "--published", "12/09/2023", &good],
        None,
        "--published",
    );
    assert_one_line_exit_2(&["check", "--no-such-flag", &good], None, "--no-such-flag");
}

/// Inputs are reported in argument order, and standard input is read in that order too: a
/// file named before `-` that cannot be read as text is reported at once, not after the input
/// ends (here it never does, as the test keeps it open).
#[test]
fn a_bad_file_before_stdin_is_reported_without_waiting_for_the_input() {
    use std::process::Stdio;
    use std::time::{Duration, Instant};

    let dir = crate::support::temp_dir("bad-before-stdin");
    let bad = dir.join("binary.md");
    std::fs::write(&bad, b"\xff\xfe\x00binary").expect("write the bad file");
    let bad = bad.to_str().expect("utf-8 path");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("claimcheck"))
        .args(["check", "--isolated", "--offline", bad, "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("claimcheck starts");
    let open_input = child.stdin.take();
    let deadline = Instant::now() + Duration::from_secs(120);
    let status = loop {
        if let Some(status) = child.try_wait().expect("claimcheck can be waited for") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("claimcheck waited for standard input before reporting the missing file");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    drop(open_input);
    assert_eq!(status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

/// In a batch, files are read by the threads that extract them, a group at a time; the run
/// still fails on the first file in order that cannot be read, whichever group a thread
/// finished first, and writes no report.
#[test]
fn the_first_bad_file_of_a_batch_is_the_one_reported() {
    let dir = crate::support::temp_dir("bad-in-batch");
    for i in 0..60 {
        let path = dir.join(format!("article-{i:02}.md"));
        let text: &[u8] = match i {
            // The earlier bad file is in one of the first groups, the later one in the last.
            3 => b"\xff\xfe\x00binary",
            57 => b"Caf\xe9 opened on Monday, June 20.",
            _ => b"The bridge reopened on Monday, June 20, 2022, 40 km from the border.\n",
        };
        std::fs::write(&path, text).expect("write an article");
    }
    let dir_arg = dir.to_str().expect("utf-8 path");
    for threads in ["1", "2", "4"] {
        assert_one_line_exit_2(
            &["check", "--isolated", "--offline", "-j", threads, dir_arg],
            None,
            "article-03.md",
        );
        assert_one_line_exit_2(
            &["extract", "--isolated", "-j", threads, dir_arg],
            None,
            "article-03.md",
        );
    }
    // The corpora are indexed before the inputs are read, but a bad input is still the error
    // reported before a bad corpus.
    let missing_corpus = dir.join("no-such-corpus");
    let corpus_arg = missing_corpus.to_str().expect("utf-8 path");
    let with_corpus = [
        "check",
        "--isolated",
        "--offline",
        "--corpus",
        corpus_arg,
        "-j",
        "2",
        dir_arg,
    ];
    assert_one_line_exit_2(&with_corpus, None, "article-03.md");
    std::fs::remove_file(dir.join("article-03.md")).expect("remove the first bad file");
    assert_one_line_exit_2(
        &["check", "--isolated", "--offline", "-j", "2", dir_arg],
        None,
        "article-57.md: not valid UTF-8",
    );
    std::fs::remove_file(dir.join("article-57.md")).expect("remove the other bad file");
    assert_one_line_exit_2(&with_corpus, None, "no such corpus directory");
    let _ = std::fs::remove_dir_all(&dir);
}
