//! Snapshot files: expected output kept under `tests/snapshots/`, reviewed like code.
//! `UPDATE_SNAPSHOTS=1 cargo test -p claimcheck-report` rewrites them; review the diff.

use std::path::PathBuf;

fn path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name)
}

/// Compares `actual` with the snapshot `name`, or writes it when asked to.
pub fn assert_snapshot(name: &str, actual: &str) {
    let file = path(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&file, actual).expect("the snapshots folder is writable");
        return;
    }
    let expected = std::fs::read_to_string(&file).unwrap_or_else(|e| {
        panic!(
            "snapshot {} is missing ({e}); run with UPDATE_SNAPSHOTS=1 and review it",
            file.display()
        )
    });
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from its snapshot at line {}:\n  expected: {:?}\n  actual:   {:?}\n\
             rerun with UPDATE_SNAPSHOTS=1 if the change is intended, and review the diff",
            first + 1,
            expected.lines().nth(first),
            actual.lines().nth(first)
        );
    }
}
