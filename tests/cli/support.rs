//! Running the binary and reading its JSON report.

use assert_cmd::Command;
use serde_json::Value;

pub fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

pub fn claimcheck() -> Command {
    Command::cargo_bin("claimcheck").expect("the binary is built for integration tests")
}

/// Runs `claimcheck ARGS --format json` and returns the exit code and the parsed report.
pub fn json_run(args: &[&str]) -> (i32, Value) {
    let out = claimcheck()
        .args(args)
        .args(["--format", "json"])
        .output()
        .expect("runs");
    let code = out.status.code().expect("exits with a code");
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
    let report = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {stdout}\nstderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (code, report)
}

/// The claims of the report's first document.
pub fn claims(report: &Value) -> &Vec<Value> {
    report["documents"][0]["claims"]
        .as_array()
        .expect("claims array")
}

/// The first claim of `kind` whose text contains `needle`.
pub fn claim<'a>(report: &'a Value, kind: &str, needle: &str) -> &'a Value {
    claims(report)
        .iter()
        .find(|c| c["kind"] == kind && c["text"].as_str().is_some_and(|t| t.contains(needle)))
        .unwrap_or_else(|| panic!("no {kind} claim containing {needle:?} in {report:#}"))
}

/// Checks a claim's span against the file: the bytes it covers are `raw`, and its line and
/// column (1-based, columns in Unicode scalar values) are where `raw` first stands in the file.
pub fn assert_span(path: &str, claim: &Value, raw: &str) {
    let file = std::fs::read_to_string(path).expect("fixture readable");
    let span = &claim["span"];
    let start = span["start"].as_u64().expect("start") as usize;
    let end = span["end"].as_u64().expect("end") as usize;
    assert_eq!(&file[start..end], raw, "span of {claim:#}");
    let at = file.find(raw).expect("raw text in the file");
    assert_eq!(at, start, "first occurrence");
    let line = file[..at].matches('\n').count() + 1;
    let column = file[..at]
        .rsplit('\n')
        .next()
        .expect("a line")
        .chars()
        .count()
        + 1;
    assert_eq!(
        span["line"].as_u64(),
        Some(line as u64),
        "line of {claim:#}"
    );
    assert_eq!(
        span["column"].as_u64(),
        Some(column as u64),
        "column of {claim:#}"
    );
    let end_line = file[..end].matches('\n').count() + 1;
    let end_column = file[..end]
        .rsplit('\n')
        .next()
        .expect("a line")
        .chars()
        .count()
        + 1;
    assert_eq!(span["end_line"].as_u64(), Some(end_line as u64));
    assert_eq!(span["end_column"].as_u64(), Some(end_column as u64));
}

/// A real HTTP server on 127.0.0.1 serving fixture pages by path (the query is ignored), for
/// the life of the test process: JSON bodies as `application/json`, others as HTML. Unknown
/// paths get 404 (robots.txt too, which allows everything).
pub struct PageServer {
    pub base: String,
}

impl PageServer {
    pub fn start(pages: Vec<(&'static str, String)>) -> PageServer {
        use std::io::{BufRead, BufReader, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let base = format!("http://{}", listener.local_addr().expect("bound"));
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let mut reader = BufReader::new(stream.try_clone().expect("clone the stream"));
                let mut request = String::new();
                if reader.read_line(&mut request).is_err() {
                    continue;
                }
                // Drain the headers.
                let mut line = String::new();
                while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                    line.clear();
                }
                let target = request.split_whitespace().nth(1).unwrap_or("/");
                let path = target.split('?').next().unwrap_or("/").to_string();
                let response = match pages.iter().find(|(p, _)| *p == path) {
                    Some((_, body)) => format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                        if body.starts_with('{') {
                            "application/json"
                        } else {
                            "text/html; charset=utf-8"
                        },
                        body.len()
                    ),
                    None => {
                        "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .to_string()
                    }
                };
                let _ = stream.write_all(response.as_bytes());
            }
        });
        PageServer { base }
    }
}

/// An article with `text` written as `file` in a fresh temporary directory named for `test`:
/// the directory (to remove afterwards) and the article's path.
pub fn article(test: &str, file: &str, text: &str) -> (std::path::PathBuf, String) {
    let dir = temp_dir(test);
    let path = dir.join(file);
    std::fs::write(&path, text).expect("write article");
    let path = path.to_str().expect("UTF-8 path").to_string();
    (dir, path)
}

/// A fresh, empty temporary directory for one test.
pub fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("claimcheck-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}
