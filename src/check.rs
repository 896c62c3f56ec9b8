//! `claimcheck check` and `claimcheck extract`: read every article, extract its claims, verify
//! them (check only), render, and pick the exit code.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Result;
use claimcheck_core::Status;
use claimcheck_extract::ExtractOptions;
use claimcheck_report::{DocumentResult, Finding, Run};

use crate::args::{CheckArgs, Color, FailOn, OutputFormat};

pub fn run(args: &CheckArgs, verify: bool) -> Result<ExitCode> {
    // Every input is read before anything is reported, so a bad path fails the run cleanly.
    let mut documents = Vec::with_capacity(args.files.len());
    for path in &args.files {
        let doc = if path == "-" {
            claimcheck_retrieve::load_stdin(args.stdin_filename.as_deref())?
        } else {
            claimcheck_retrieve::load_article(path)?
        };
        documents.push(doc);
    }

    let mut run = Run {
        verified: verify,
        ..Run::default()
    };
    for document in documents {
        let published = args.published.or(document.published);
        let claims = claimcheck_extract::extract(&document.text, &ExtractOptions { published });
        let findings = if verify {
            claimcheck_match::check(&document, claims, &claimcheck_core::Sources::default())
                .into_iter()
                .map(|c| Finding {
                    claim: c.claim,
                    verdict: Some(c.verdict),
                })
                .collect()
        } else {
            claims
                .into_iter()
                .map(|claim| Finding {
                    claim,
                    verdict: None,
                })
                .collect()
        };
        run.documents.push(DocumentResult {
            document,
            published,
            findings,
        });
    }

    let out = match args.format {
        OutputFormat::Json => claimcheck_report::json(&run),
        OutputFormat::Human => claimcheck_report::human(&run, styled(args.color)),
    };
    std::io::stdout().lock().write_all(out.as_bytes())?;
    Ok(exit_code(&run, args.fail_on))
}

fn styled(color: Color) -> bool {
    match color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal(),
    }
}

fn exit_code(run: &Run, fail_on: FailOn) -> ExitCode {
    let threshold = match fail_on {
        FailOn::Never => return ExitCode::SUCCESS,
        FailOn::Contradicted => &[Status::Contradicted][..],
        FailOn::Unverified => &[Status::Contradicted, Status::Unverified][..],
    };
    let failing = run
        .documents
        .iter()
        .flat_map(|d| &d.findings)
        .filter_map(|f| f.verdict.as_ref())
        .any(|v| threshold.contains(&v.status));
    if failing {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
