//! The `claimcheck` binary: parses arguments, calls the libraries, renders, and maps the outcome
//! to an exit code (0 clean, 1 a claim at or above `--fail-on`, 2 the tool could not do its job).

mod args;
mod check;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return args::usage_error(e),
    };
    let result = match cli.command {
        Command::Check(a) => check::run(&a, true),
        Command::Extract(a) => check::run(&a, false),
    };
    match result {
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
