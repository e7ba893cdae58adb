//! For the unit tests: a temporary book folder holding the files a test names.

use std::fs;

/// A temporary folder with `files` (path, text) in it, their folders made.
pub fn with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    dir
}
