//! The list of output formats, their names on the command line, and the one entry point that
//! renders a run in any of them.

use std::fmt;
use std::str::FromStr;

use crate::Run;

/// Every format claimcheck writes. Names follow ruff's `--output-format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutputFormat {
    /// rustc-like diagnostics for a terminal (also accepted as `full`).
    Human,
    /// One line per claim: `path:line:col: verdict[rule] explanation`.
    Concise,
    /// Contract v1: one object with every document and claim.
    Json,
    /// One contract-v1 claim object per line, with its `path`, `level` and `fingerprint`.
    JsonLines,
    /// A pull-request comment or job summary.
    Markdown,
    /// A self-contained review page: the article with its claims highlighted.
    Html,
    /// SARIF 2.1.0, for code-scanning uploads and SARIF viewers.
    Sarif,
    /// JUnit XML: one test case per claim.
    Junit,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// GitLab Code Quality report.
    Gitlab,
    /// reviewdog's Diagnostic Format, one result object.
    Rdjson,
    /// reviewdog's Diagnostic Format, one diagnostic per line.
    Rdjsonl,
}

impl OutputFormat {
    pub const ALL: [OutputFormat; 12] = [
        OutputFormat::Human,
        OutputFormat::Concise,
        OutputFormat::Json,
        OutputFormat::JsonLines,
        OutputFormat::Markdown,
        OutputFormat::Html,
        OutputFormat::Sarif,
        OutputFormat::Junit,
        OutputFormat::Github,
        OutputFormat::Gitlab,
        OutputFormat::Rdjson,
        OutputFormat::Rdjsonl,
    ];

    /// The name on the command line and in `--report NAME=PATH`.
    pub fn name(&self) -> &'static str {
        match self {
            OutputFormat::Human => "human",
            OutputFormat::Concise => "concise",
            OutputFormat::Json => "json",
            OutputFormat::JsonLines => "json-lines",
            OutputFormat::Markdown => "markdown",
            OutputFormat::Html => "html",
            OutputFormat::Sarif => "sarif",
            OutputFormat::Junit => "junit",
            OutputFormat::Github => "github",
            OutputFormat::Gitlab => "gitlab",
            OutputFormat::Rdjson => "rdjson",
            OutputFormat::Rdjsonl => "rdjsonl",
        }
    }

    /// Whether the format is for a person at a terminal; machine formats never get a summary
    /// line or progress output mixed in.
    pub fn is_human_readable(&self) -> bool {
        matches!(self, OutputFormat::Human | OutputFormat::Concise)
    }
}

impl fmt::Display for OutputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A format name that names no format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownFormat(pub String);

impl fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = OutputFormat::ALL.iter().map(|f| f.name()).collect();
        write!(
            f,
            "unknown format \"{}\": expected one of {}",
            self.0,
            names.join(", ")
        )
    }
}

impl std::error::Error for UnknownFormat {}

impl FromStr for OutputFormat {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let name = s.trim().to_ascii_lowercase();
        let alias = match name.as_str() {
            "full" | "text" => Some(OutputFormat::Human),
            "jsonl" | "ndjson" | "json_lines" => Some(OutputFormat::JsonLines),
            "md" => Some(OutputFormat::Markdown),
            "xml" => Some(OutputFormat::Junit),
            "codequality" | "code-quality" => Some(OutputFormat::Gitlab),
            _ => None,
        };
        alias
            .or_else(|| OutputFormat::ALL.into_iter().find(|f| f.name() == name))
            .ok_or_else(|| UnknownFormat(s.to_string()))
    }
}

/// What a format may be told beyond the run itself.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Colour in the human format.
    pub styled: bool,
    /// SARIF: also write supported claims, as `kind: "pass"` with `level: "none"`, for an audit
    /// trail. Off by default, so code-scanning views list only what needs attention.
    pub include_supported: bool,
    /// GitHub: annotations written per level before the rest are summarised in one notice;
    /// `None` is GitHub's own per-step display limit, 10.
    pub github_limit: Option<usize>,
}

/// Renders `run` in `format`. Every format is pure: the same run gives the same string.
pub fn render(format: OutputFormat, run: &Run, options: &RenderOptions) -> String {
    match format {
        // Each document's lines serialised in parallel and joined, which a test holds to what
        // `render_to` writes in groups and chunks.
        OutputFormat::JsonLines => crate::json::json_lines(run),
        _ => crate::stream::to_string(|out| render_to(format, run, options, out)),
    }
}

/// Writes what [`render`] gives to `out`. A json-lines report is written part by part as it is
/// rendered (short documents a group at a time in parallel, a long one in chunks), never joined
/// into one string: for a large batch that saves a copy of the report and the page faults of a
/// buffer its size. The JSON, SARIF, GitLab and reviewdog reports are written a finding at a time,
/// the human report a claim at a time, and the HTML, JUnit, Markdown and concise ones a
/// megabyte or so at a time. Only GitHub's annotations, capped per level (ten by default),
/// are rendered whole.
pub fn render_to(
    format: OutputFormat,
    run: &Run,
    options: &RenderOptions,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match format {
        OutputFormat::JsonLines => crate::json::write_json_lines(run, out),
        OutputFormat::Json => crate::json::write_json(run, out),
        OutputFormat::Html => crate::html::write_html(run, out),
        OutputFormat::Human => crate::human::write_human(run, options.styled, out),
        OutputFormat::Sarif => crate::sarif::write_sarif(run, options, out),
        OutputFormat::Gitlab => crate::gitlab::write_gitlab(run, out),
        OutputFormat::Rdjson => crate::rdjson::write_rdjson(run, out),
        OutputFormat::Rdjsonl => crate::rdjson::write_rdjsonl(run, out),
        OutputFormat::Junit => crate::junit::write_junit(run, out),
        OutputFormat::Markdown => crate::markdown::write_markdown(run, out),
        OutputFormat::Concise => crate::concise::write_concise(run, out),
        OutputFormat::Github => out.write_all(crate::github::github(run, options).as_bytes()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_parses_back() {
        for f in OutputFormat::ALL {
            assert_eq!(f.name().parse::<OutputFormat>(), Ok(f));
        }
        assert_eq!("full".parse::<OutputFormat>(), Ok(OutputFormat::Human));
        let err = "yaml".parse::<OutputFormat>().expect_err("not a format");
        assert!(err.to_string().contains("json-lines"));
    }
}
