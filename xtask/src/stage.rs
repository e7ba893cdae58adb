//! How `cargo xtask test` runs its stages: each in order, every failure reported and the run
//! going on, except after a stage the later ones need; then a summary that names what failed and
//! what did not run (a stage that never ran is not counted as passed).

use crate::checks;
use anyhow::{bail, Result};

pub struct Stage {
    pub name: &'static str,
    run: Run,
    /// The later stages need this one: when it fails, they do not run.
    needed: bool,
}

enum Run {
    Task(fn() -> Result<()>),
    /// A check of the built site: `cargo test -p site-checks --test <name>`.
    SiteCheck(&'static str),
}

impl Stage {
    pub const fn new(name: &'static str, run: fn() -> Result<()>) -> Stage {
        Stage {
            name,
            run: Run::Task(run),
            needed: false,
        }
    }

    /// A stage the later ones need (the build).
    pub const fn needed(name: &'static str, run: fn() -> Result<()>) -> Stage {
        Stage {
            needed: true,
            ..Stage::new(name, run)
        }
    }

    /// The check of the built site in `crates/site-checks/tests/<test>.rs`.
    pub const fn site_check(name: &'static str, test: &'static str) -> Stage {
        Stage {
            name,
            run: Run::SiteCheck(test),
            needed: false,
        }
    }

    fn run(&self) -> Result<()> {
        match self.run {
            Run::Task(task) => task(),
            Run::SiteCheck(test) => checks::site(test),
        }
    }
}

/// The stages whose names hold `words` (any case), after the `needed` stages before them.
pub fn matching<'a>(stages: &'a [Stage], words: &str) -> Vec<&'a Stage> {
    let words = words.to_lowercase();
    let mut chosen: Vec<&Stage> = Vec::new();
    let mut needed: Vec<&Stage> = Vec::new();
    for stage in stages {
        if stage.name.to_lowercase().contains(&words) {
            chosen.append(&mut needed);
            chosen.push(stage);
        } else if stage.needed {
            needed.push(stage);
        }
    }
    chosen
}

pub fn run_all(stages: &[&Stage]) -> Result<()> {
    let mut passed = 0;
    let mut failed = Vec::new();
    let mut not_run = Vec::new();
    let mut stopped = false;
    for stage in stages {
        if stopped {
            not_run.push(stage.name);
            continue;
        }
        println!("\n== {}", stage.name);
        match stage.run() {
            Ok(()) => {
                println!("ok: {}", stage.name);
                passed += 1;
            }
            Err(err) => {
                println!("FAILED: {}: {err:#}", stage.name);
                failed.push(stage.name);
                stopped = stage.needed;
            }
        }
    }
    println!("\n{}", summary(passed, &failed, &not_run));
    if !failed.is_empty() {
        bail!("failed: {}", failed.join(", "));
    }
    Ok(())
}

/// "xtask: 2 passed, 1 failed (build with no warning), 10 not run (…)".
fn summary(passed: usize, failed: &[&str], not_run: &[&str]) -> String {
    let mut line = format!("xtask: {passed} passed, {} failed", failed.len());
    if !failed.is_empty() {
        line.push_str(&format!(" ({})", failed.join(", ")));
    }
    if !not_run.is_empty() {
        line.push_str(&format!(
            ", {} not run, as a stage they need failed ({})",
            not_run.len(),
            not_run.join(", ")
        ));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_that_did_not_run_are_not_counted_as_passed() {
        assert_eq!(
            summary(3, &["build with no warning"], &["key facts", "serve"]),
            "xtask: 3 passed, 1 failed (build with no warning), 2 not run, as a stage they need \
             failed (key facts, serve)"
        );
        assert_eq!(summary(13, &[], &[]), "xtask: 13 passed, 0 failed");
    }

    #[test]
    fn a_needed_stage_that_fails_stops_the_run_and_others_do_not() {
        let stages = [
            Stage::new("a", || bail!("a fails")),
            Stage::new("b", || Ok(())),
            Stage::needed("c", || bail!("c fails")),
            // Had it run, `d` would be in the failures: its absence shows that it did not.
            Stage::new("d", || bail!("d ran after a needed stage failed")),
        ];
        let err = run_all(&stages.iter().collect::<Vec<_>>())
            .unwrap_err()
            .to_string();
        assert_eq!(err, "failed: a, c");
    }

    #[test]
    fn a_stage_chosen_by_name_comes_with_the_needed_stages_before_it() {
        let stages = [
            Stage::new("rustfmt", || Ok(())),
            Stage::needed("build", || Ok(())),
            Stage::new("key facts", || Ok(())),
            Stage::new("links and anchors", || Ok(())),
        ];
        let names =
            |words| -> Vec<&str> { matching(&stages, words).iter().map(|s| s.name).collect() };
        assert_eq!(names("LINKS"), ["build", "links and anchors"]);
        assert_eq!(names("rustfmt"), ["rustfmt"]);
        assert_eq!(names("build"), ["build"]);
        assert!(names("nothing").is_empty());
    }
}
