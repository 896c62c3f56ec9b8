//! The external programs some tests run, found where `.ci/install-test-tools` puts them; a
//! missing tool fails the test with the command that installs it, never a silent pass.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const INSTALL: &str = "run .ci/install-test-tools (it installs Debian's chromium and npm's \
                       @microsoft/sarif-multitool into .ci/node)";

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .expect("the crate sits two folders below the workspace root")
        .to_path_buf()
}

/// Microsoft's SARIF Multitool, the native binary inside the npm package (called directly,
/// because the package's `bin.js` passes its arguments through a shell).
pub fn sarif_multitool() -> PathBuf {
    let node = workspace_root().join(".ci/node/node_modules/@microsoft");
    let native = node.join("sarif-multitool-linux/Sarif.Multitool");
    assert!(
        native.is_file(),
        "the SARIF validator is not installed at {}: {INSTALL}",
        native.display()
    );
    native
}

/// Debian's Chromium.
pub fn chromium() -> PathBuf {
    let path = PathBuf::from("/usr/bin/chromium");
    assert!(
        path.is_file(),
        "chromium is not installed at /usr/bin/chromium: {INSTALL}"
    );
    path
}

/// A fresh scratch folder under Cargo's target tmp dir, emptied first.
pub fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("the target tmp dir is writable");
    dir
}

/// Runs a command to completion, killing it after `limit` so a hung browser cannot hang the
/// test suite.
pub fn run_with_limit(cmd: &mut Command, limit: Duration) -> Output {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {cmd:?}: {e}"));
    // Output is read on threads so a chatty child cannot block on a full pipe.
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let mut stderr = child.stderr.take().expect("stderr is piped");
    let out = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = std::io::Read::read_to_end(&mut stdout, &mut v);
        v
    });
    let err = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = std::io::Read::read_to_end(&mut stderr, &mut v);
        v
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("the child can be polled") {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{cmd:?} did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    Output {
        status,
        stdout: out.join().expect("the reader thread ends"),
        stderr: err.join().expect("the reader thread ends"),
    }
}
