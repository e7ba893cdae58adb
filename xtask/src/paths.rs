//! Where things live, relative to the repository root.

use std::path::PathBuf;

/// The repository root (the workspace that holds `book.toml`).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the root")
        .to_path_buf()
}

/// Git-ignored folder that the pinned tools are installed into.
pub fn tools() -> PathBuf {
    root().join(".tools")
}

pub fn tools_bin() -> PathBuf {
    tools().join("bin")
}

/// The built site.
pub fn book() -> PathBuf {
    root().join("book")
}

/// The browser tests (a node package of their own).
pub fn e2e() -> PathBuf {
    root().join("tests").join("e2e")
}

/// The benchmark's node package (Lighthouse), kept apart so the tests do not install it.
pub fn bench() -> PathBuf {
    root().join("bench")
}
