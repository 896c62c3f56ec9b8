//! The command line: subcommands, flags and their values.

use std::io::Write;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "claimcheck",
    version,
    about = "Checks the factual claims in news articles"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract the claims of each article, verify them and report the verdicts.
    Check(CheckArgs),
    /// Extract the claims of each article and print them, without verifying.
    Extract(CheckArgs),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Article files (.md, .html, .txt); `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<String>,

    /// Output format.
    #[arg(long, alias = "output-format", value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,

    /// Publication date (YYYY-MM-DD), the anchor of dates written without a year; overrides
    /// the date the file states.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub published: Option<jiff::civil::Date>,

    /// Exit 1 when a claim has this verdict or a worse one.
    #[arg(long, value_enum, default_value_t = FailOn::Contradicted)]
    pub fail_on: FailOn,

    /// The name standard input is reported under; its extension gives the format.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,

    /// When to colour the human format.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// rustc-like diagnostics with the source line underlined, and a summary.
    Human,
    /// JSON contract version 1.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Contradicted,
    Unverified,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

/// Prints help and version as clap does; any other parse error becomes one line on stderr and
/// exit 2.
pub fn usage_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let _ = e.print();
        return ExitCode::SUCCESS;
    }
    if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        let _ = e.print();
        return ExitCode::from(2);
    }
    let rendered = e.render().to_string();
    let line = rendered
        .lines()
        .map(str::trim)
        .filter(|l| {
            !l.is_empty() && !l.starts_with("For more information") && !l.starts_with("Usage:")
        })
        .collect::<Vec<_>>()
        .join(" ");
    let line = line.strip_prefix("error: ").unwrap_or(&line);
    let _ = writeln!(std::io::stderr(), "claimcheck: {line}");
    ExitCode::from(2)
}
