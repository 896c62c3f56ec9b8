//! The `claimcheck` binary: parses arguments, calls the libraries, renders, and maps the outcome
//! to an exit code (0 clean, 1 a finding at or above `--fail-on`, 2 the tool could not do its
//! job).

mod args;
mod baseline;
mod check;
mod config;
mod files;
mod init;

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::Parser;

use crate::args::{BaselineAction, Cli, Command};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return args::usage_error(e),
    };
    match dispatch(cli.command) {
        Ok(code) => code,
        Err(e) => {
            // A closed pipe (`claimcheck check a.md | head`) is the reader's choice, not an error.
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            let _ = writeln!(std::io::stderr(), "claimcheck: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn dispatch(command: Command) -> Result<ExitCode> {
    match command {
        Command::Check(a) => check::run(&a, true),
        Command::Extract(a) => check::run(&a, false),
        Command::Rules => {
            std::io::stdout()
                .lock()
                .write_all(claimcheck_report::rules_table().as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain { rule } => match claimcheck_report::explain(&rule) {
            Some(text) => {
                std::io::stdout().lock().write_all(text.as_bytes())?;
                Ok(ExitCode::SUCCESS)
            }
            None => bail!("{rule}: no such rule (see `claimcheck rules`)"),
        },
        Command::Init { dir } => {
            init::run(&dir)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Baseline {
            action,
            check: args,
        } => {
            let settings = check::Settings::resolve(&args)?;
            let path = settings
                .baseline
                .clone()
                .unwrap_or_else(|| std::path::PathBuf::from(".claimcheck/baseline.json"));
            let run = check::collect(&args, &settings, true)?;
            let (baseline, message) = match action {
                BaselineAction::Create => {
                    let b = baseline::Baseline::from_run(&run);
                    let n = b.entries.len();
                    (b, format!("{}: {n} findings recorded", path.display()))
                }
                BaselineAction::Prune => {
                    let (b, removed) = baseline::Baseline::read(&path)?.prune(&run);
                    (
                        b,
                        format!("{}: {removed} stale entries removed", path.display()),
                    )
                }
            };
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent)
                    .map_err(|e| anyhow::anyhow!("{}: cannot create: {e}", parent.display()))?;
            }
            check::write_file(&path, &baseline.to_json())?;
            writeln!(std::io::stderr(), "{message}")?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
