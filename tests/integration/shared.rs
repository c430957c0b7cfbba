//! Finds the shared evaluation data beside the repository (`../shared`) or at
//! `$QUOTATIVE_SHARED`. Tests that need it say so and return when it is absent.

use std::path::PathBuf;

/// The shared folder, when it exists.
pub(crate) fn dir() -> Option<PathBuf> {
    let candidate = std::env::var_os("QUOTATIVE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    candidate.is_dir().then_some(candidate)
}

/// The text of a file under the shared folder, or `None` (with a note on stderr) when absent.
pub(crate) fn read(relative: &str) -> Option<String> {
    let Some(dir) = dir() else {
        eprintln!("skipped: shared data not found (set QUOTATIVE_SHARED or put it at ../shared)");
        return None;
    };
    match std::fs::read_to_string(dir.join(relative)) {
        Ok(s) => Some(s),
        Err(e) => {
            eprintln!(
                "skipped: cannot read {relative} under {}: {e}",
                dir.display()
            );
            None
        }
    }
}
