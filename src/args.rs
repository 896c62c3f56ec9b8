//! The command line: subcommands, flags and their values. Every flag of `check` has a key in
//! `claimcheck.toml` (see `config.rs`); a flag given on the command line wins.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::str::FromStr;

use claimcheck_core::Status;
use claimcheck_report::{Level, OutputFormat};
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
    /// List the rules: id, default level and summary.
    Rules,
    /// Explain one rule: what it means, an example, how to settle it.
    Explain {
        /// A rule id, such as `date.weekday-mismatch`.
        rule: String,
    },
    /// Write a commented starter `claimcheck.toml` and example CI jobs (GitHub, GitLab).
    Init {
        /// The directory to write into.
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Record today's findings so that CI reports only new ones, or drop stale entries.
    Baseline {
        #[arg(value_enum)]
        action: BaselineAction,
        #[command(flatten)]
        check: CheckArgs,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BaselineAction {
    /// Write a baseline of every current finding that is not supported.
    Create,
    /// Remove the entries that no longer match a finding.
    Prune,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Article files (.md, .html, .txt), directories, or glob patterns; `-` reads standard
    /// input.
    #[arg(required = true, value_name = "PATH")]
    pub files: Vec<String>,

    /// Output format on stdout: human, concise, json, json-lines, markdown, html, sarif, junit,
    /// github, gitlab, rdjson, rdjsonl. [config: check.format]
    #[arg(long, alias = "output-format", value_name = "FORMAT")]
    pub format: Option<OutputFormat>,

    /// Write the main output to this file instead of stdout. [config: check.output-file]
    #[arg(short = 'o', long, value_name = "PATH")]
    pub output_file: Option<PathBuf>,

    /// Also write FORMAT to PATH, from the same run; repeatable. [config: reports]
    #[arg(long, value_name = "FORMAT=PATH", value_parser = parse_report)]
    pub report: Vec<(OutputFormat, PathBuf)>,

    /// Publication date (YYYY-MM-DD), the anchor of dates written without a year; overrides
    /// the date the file states. [config: check.published]
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub published: Option<jiff::civil::Date>,

    /// Exit 1 when a finding reaches this: a verdict (contradicted, unverified), a level
    /// (error, warning, info, note), or never. Default: contradicted. [config: check.fail-on]
    #[arg(long, value_name = "THRESHOLD")]
    pub fail_on: Option<FailOn>,

    /// Hide findings below this level in the problem formats (human, concise, sarif, github,
    /// gitlab, rdjson). [config: check.min-level]
    #[arg(long, value_name = "LEVEL")]
    pub min_level: Option<Level>,

    /// Exit 0 even when findings reach --fail-on (2 still means claimcheck failed).
    /// [config: check.exit-zero]
    #[arg(long)]
    pub exit_zero: bool,

    /// The name standard input is reported under; its extension gives the format.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,

    /// When to colour the human format. [config: check.color]
    #[arg(long, value_enum)]
    pub color: Option<Color>,

    /// Use this configuration file instead of the nearest `claimcheck.toml`.
    #[arg(short = 'c', long, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Ignore configuration files.
    #[arg(long, conflicts_with = "config")]
    pub isolated: bool,

    /// Leave out files matching this glob; repeatable. [config: files.exclude]
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,

    /// Apply excludes to files named explicitly too. [config: files.force-exclude]
    #[arg(long)]
    pub force_exclude: bool,

    /// Walk directories without reading .gitignore. [config: files.respect-gitignore = false]
    #[arg(long)]
    pub no_ignore: bool,

    /// Files checked at once (default: the number of cores). [config: check.threads]
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,

    /// Show a progress bar on stderr: auto (a terminal, and CI unset), always, never.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub progress: Color,

    /// Drop the findings recorded in this baseline file. [config: baseline.path]
    #[arg(long, value_name = "PATH")]
    pub baseline: Option<PathBuf>,

    /// Never touch the network: cited sources come from the cache only, and a source missing
    /// there is unverified. [config: fetch.offline]
    #[arg(long)]
    pub offline: bool,

    /// Fail (exit 2) if the evidence lock would change. [config: fetch.locked]
    #[arg(long)]
    pub locked: bool,

    /// --offline and --locked together.
    #[arg(long)]
    pub frozen: bool,

    /// The evidence lock: what each cited source was checked against (default
    /// claimcheck.lock). [config: fetch.lockfile]
    #[arg(long, value_name = "PATH")]
    pub lockfile: Option<PathBuf>,

    /// Where fetched sources are cached (default .claimcheck-cache; env
    /// CLAIMCHECK_CACHE_DIR). [config: fetch.cache-dir]
    #[arg(long, value_name = "DIR", env = "CLAIMCHECK_CACHE_DIR")]
    pub cache_dir: Option<PathBuf>,

    /// Allow fetching from loopback, private and link-local addresses (refused by default, so
    /// that an article cannot make claimcheck reach internal services).
    /// [config: fetch.allow-private-network]
    #[arg(long)]
    pub allow_private_network: bool,

    /// Seconds to wait for one source in all (default 20). [config: fetch.timeout]
    #[arg(long, value_name = "SECONDS")]
    pub timeout: Option<u64>,

    /// A folder of source texts (.txt, .md, .html) searched for the words of attributed
    /// claims; repeatable. [config: corpus.paths]
    #[arg(long, value_name = "DIR")]
    pub corpus: Vec<PathBuf>,

    /// Ask Wikidata about events the bundled timeline lacks, through the same cache and lock
    /// as cited sources. [config: fetch.online]
    #[arg(long)]
    pub online: bool,

    /// The MediaWiki API that searches Wikidata (default https://www.wikidata.org/w/api.php).
    /// [config: wikidata.endpoint]
    #[arg(long, value_name = "URL")]
    pub wikidata_endpoint: Option<String>,

    /// Where an entity's JSON is, `{id}` standing for its id (default
    /// https://www.wikidata.org/wiki/Special:EntityData/{id}.json).
    /// [config: wikidata.entity-endpoint]
    #[arg(long, value_name = "URL")]
    pub wikidata_entity_endpoint: Option<String>,

    /// An events timeline file (TOML, the format of corpora/events) added to the bundled one;
    /// repeatable. [config: events.files]
    #[arg(long, value_name = "FILE")]
    pub events: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

impl FromStr for Color {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        <Color as ValueEnum>::from_str(s, true)
            .map_err(|_| format!("unknown value \"{s}\": expected auto, always or never"))
    }
}

/// What makes the run exit 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailOn {
    /// A finding with this verdict or a worse one.
    Verdict(Status),
    /// A finding at this level or a louder one.
    Level(Level),
    Never,
}

impl FromStr for FailOn {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "contradicted" => Ok(FailOn::Verdict(Status::Contradicted)),
            "unverified" => Ok(FailOn::Verdict(Status::Unverified)),
            "never" | "none" | "off" => Ok(FailOn::Never),
            other => other.parse::<Level>().map(FailOn::Level).map_err(|_| {
                format!(
                    "unknown value \"{s}\": expected contradicted, unverified, error, warning, \
                     info, note or never"
                )
            }),
        }
    }
}

fn parse_report(s: &str) -> Result<(OutputFormat, PathBuf), String> {
    let (format, path) = s
        .split_once('=')
        .ok_or_else(|| format!("\"{s}\" is not FORMAT=PATH (for example sarif=claims.sarif)"))?;
    let format = format.parse::<OutputFormat>().map_err(|e| e.to_string())?;
    if path.is_empty() {
        return Err(format!("\"{s}\" names no file"));
    }
    Ok((format, PathBuf::from(path)))
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
