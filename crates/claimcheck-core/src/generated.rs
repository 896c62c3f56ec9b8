//! For the tests that keep a generated source file in step with what it is generated from (the
//! prebuilt automata of the patterns, the prebuilt timeline).

use std::path::Path;

/// Panics unless the file at `path` holds `expected`, naming `command` to write it again; with
/// `UPDATE_SNAPSHOTS` set in the environment it writes the file instead (as the report snapshots
/// do), and the next run checks it.
pub fn assert_current(path: &Path, expected: &str, command: &str) {
    let current = std::fs::read_to_string(path).unwrap_or_default();
    if current == expected {
        return;
    }
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        if let Err(e) = std::fs::write(path, expected) {
            panic!("cannot write {}: {e}", path.display());
        }
    } else {
        panic!(
            "{} is not what it is generated from: run `UPDATE_SNAPSHOTS=1 {command}` and commit it",
            path.display()
        );
    }
}
