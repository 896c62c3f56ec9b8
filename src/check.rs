//! `claimcheck check`, `extract` and the runs behind `baseline`: resolve the settings, read
//! every article, extract and verify its claims in parallel, drop suppressed and baselined
//! findings, render every requested format, and pick the exit code.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Result, bail};
use claimcheck_core::{Document, Sources, Suppressions};
use claimcheck_extract::ExtractOptions;
use claimcheck_report::{DocumentResult, Finding, Level, OutputFormat, RenderOptions, Run};
use rayon::prelude::*;

use crate::args::{CheckArgs, Color, FailOn};
use crate::baseline::Baseline;
use crate::config::{self, Config};
use crate::files::{self, Selection};

/// Everything a run needs, flags merged over the configuration file.
pub struct Settings {
    pub format: OutputFormat,
    pub output_file: Option<PathBuf>,
    pub reports: Vec<(OutputFormat, PathBuf)>,
    pub published: Option<jiff::civil::Date>,
    pub fail_on: FailOn,
    pub min_level: Level,
    pub exit_zero: bool,
    pub color: Color,
    pub threads: Option<usize>,
    pub selection: Selection,
    pub baseline: Option<PathBuf>,
    pub level_overrides: BTreeMap<String, Level>,
    pub disabled_rules: BTreeSet<String>,
    pub fetch: FetchSettings,
    pub corpus: Vec<PathBuf>,
    pub events: Vec<PathBuf>,
}

/// How cited sources are read.
pub struct FetchSettings {
    pub offline: bool,
    pub locked: bool,
    pub lockfile: PathBuf,
    pub cache_dir: PathBuf,
    pub allow_private_network: bool,
    pub timeout: Option<u64>,
    /// Ask Wikidata about events (`--online`), with these endpoints.
    pub online: bool,
    pub wikidata: claimcheck_retrieve::WikidataOptions,
}

impl Settings {
    pub fn resolve(args: &CheckArgs) -> Result<Settings> {
        let start = args
            .files
            .iter()
            .find(|f| *f != "-")
            .map_or_else(|| PathBuf::from("."), PathBuf::from);
        let (config, file) = config::load(args.config.as_deref(), &start, args.isolated)?;
        let file = file.as_deref();
        // Paths in the file are relative to the file's folder.
        let base = file
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let rel = |p: PathBuf| if p.is_absolute() { p } else { base.join(p) };
        let Config {
            check,
            files,
            reports,
            baseline,
            rules,
            fetch,
            corpus,
            events,
            wikidata,
        } = config;
        let mut wikidata_options = claimcheck_retrieve::WikidataOptions::default();
        if let Some(e) = args.wikidata_endpoint.clone().or(wikidata.endpoint) {
            wikidata_options.endpoint = e;
        }
        if let Some(e) = args
            .wikidata_entity_endpoint
            .clone()
            .or(wikidata.entity_endpoint)
        {
            wikidata_options.entity_endpoint = e;
        }
        if let Some(l) = wikidata.language {
            wikidata_options.language = l;
        }
        if let Some(n) = wikidata.max_results {
            wikidata_options.max_results = n;
        }

        let mut level_overrides = BTreeMap::new();
        let mut disabled_rules = BTreeSet::new();
        for (id, rule) in rules {
            if claimcheck_report::rule(&id).is_none() {
                bail!(
                    "{}: rules.\"{id}\": no such rule (see `claimcheck rules`)",
                    shown(file)
                );
            }
            match rule.level.as_deref() {
                Some("off") => {
                    disabled_rules.insert(id);
                }
                raw => {
                    if let Some(level) =
                        config::value::<Level>(&format!("rules.\"{id}\".level"), raw, file)?
                    {
                        level_overrides.insert(id, level);
                    }
                }
            }
        }
        let mut all_reports = Vec::new();
        for (format, path) in reports {
            let format = config::value::<OutputFormat>("reports", Some(&format), file)?
                .expect("a value was given");
            all_reports.push((format, rel(path)));
        }
        all_reports.extend(args.report.iter().cloned());

        Ok(Settings {
            format: match args.format {
                Some(f) => f,
                None => config::value("check.format", check.format.as_deref(), file)?
                    .unwrap_or(OutputFormat::Human),
            },
            output_file: args.output_file.clone().or(check.output_file.map(rel)),
            reports: all_reports,
            published: match args.published {
                Some(p) => Some(p),
                None => config::value("check.published", check.published.as_deref(), file)?,
            },
            fail_on: match args.fail_on {
                Some(f) => f,
                None => config::value("check.fail-on", check.fail_on.as_deref(), file)?
                    .unwrap_or(FailOn::Verdict(claimcheck_core::Status::Contradicted)),
            },
            min_level: match args.min_level {
                Some(l) => l,
                None => config::value("check.min-level", check.min_level.as_deref(), file)?
                    .unwrap_or(Level::Note),
            },
            exit_zero: args.exit_zero || check.exit_zero.unwrap_or(false),
            color: match args.color {
                Some(c) => c,
                None => config::value("check.color", check.color.as_deref(), file)?
                    .unwrap_or(Color::Auto),
            },
            threads: args.threads.or(check.threads),
            selection: Selection {
                exclude: files
                    .exclude
                    .into_iter()
                    .chain(args.exclude.iter().cloned())
                    .collect(),
                force_exclude: args.force_exclude || files.force_exclude,
                respect_gitignore: files.respect_gitignore && !args.no_ignore,
            },
            baseline: args.baseline.clone().or(baseline.path.map(&rel)),
            level_overrides,
            disabled_rules,
            fetch: FetchSettings {
                offline: args.offline || args.frozen || fetch.offline.unwrap_or(false),
                locked: args.locked || args.frozen || fetch.locked.unwrap_or(false),
                lockfile: args
                    .lockfile
                    .clone()
                    .or(fetch.lockfile.map(&rel))
                    .unwrap_or_else(|| PathBuf::from("claimcheck.lock")),
                cache_dir: args
                    .cache_dir
                    .clone()
                    .or(fetch.cache_dir.map(&rel))
                    .unwrap_or_else(|| PathBuf::from(".claimcheck-cache")),
                allow_private_network: args.allow_private_network
                    || fetch.allow_private_network.unwrap_or(false),
                timeout: args.timeout.or(fetch.timeout),
                online: args.online || fetch.online.unwrap_or(false),
                wikidata: wikidata_options,
            },
            corpus: corpus
                .paths
                .into_iter()
                .map(&rel)
                .chain(args.corpus.iter().cloned())
                .collect(),
            events: events
                .files
                .into_iter()
                .map(&rel)
                .chain(args.events.iter().cloned())
                .collect(),
        })
    }
}

fn shown(file: Option<&Path>) -> String {
    file.map_or_else(|| "configuration".to_string(), |f| f.display().to_string())
}

/// `check` (verify) or `extract`: the whole run, to the exit code.
pub fn run(args: &CheckArgs, verify: bool) -> Result<ExitCode> {
    let settings = Settings::resolve(args)?;
    let paths = inputs(args, &settings)?;
    // Reports are rendered in the same pool: a batch's fingerprints are hashed in parallel.
    pool(&settings, paths.len(), true)?.install(|| {
        let run = collect_paths(&paths, args, &settings, verify)?;
        let run = match &settings.baseline {
            Some(path) if verify => Baseline::read(path)?.filter(run),
            _ => run,
        };
        write_outputs(&run, &settings)?;
        let code = exit_code(&run, &settings);
        // The process ends here: freeing every document and finding one by one took about
        // 10 ms of a 2,000-article batch, in one thread, for memory the exit frees anyway.
        std::mem::forget(run);
        Ok(code)
    })
}

/// Reads, extracts, verifies and filters every article named by `args`.
pub fn collect(args: &CheckArgs, settings: &Settings, verify: bool) -> Result<Run> {
    let paths = inputs(args, settings)?;
    // A pool of its own threads: one that counted this thread in would keep it registered
    // after returning, and the caller goes on to use rayon.
    pool(settings, paths.len(), false)?.install(|| collect_paths(&paths, args, settings, verify))
}

/// The files `args` names, checked not to be among the files the run writes.
fn inputs(args: &CheckArgs, settings: &Settings) -> Result<Vec<String>> {
    let paths = files::expand(&args.files, &settings.selection)?;
    refuse_overwriting_inputs(&paths, settings)?;
    Ok(paths)
}

/// The threads a run of `inputs` files works in: one per core unless told otherwise, and never
/// more than there are inputs. With `this_thread` this thread is one of them, so checking one
/// article starts no thread: starting the pool's threads, and the allocator arenas they need,
/// was a tenth of checking a paragraph. Such a pool must do all of the run's rayon work.
fn pool(settings: &Settings, inputs: usize, this_thread: bool) -> Result<rayon::ThreadPool> {
    let threads = settings
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
        .clamp(1, inputs.max(1));
    let builder = rayon::ThreadPoolBuilder::new().num_threads(threads);
    let builder = if this_thread {
        builder.use_current_thread()
    } else {
        builder
    };
    Ok(builder.build()?)
}

/// The documents of a run that reads standard input (every input read first, in order), in
/// groups for [`claimcheck_extract::extract_many`], which reads a
/// group's texts one step of the extraction at a time: the step's code and tables stay in the
/// caches from one text to the next, where reading each text whole ran the whole extractor
/// through them again. A group takes documents while its texts come to less than
/// [`GROUP_BYTES`] (less where that would leave a thread of the pool fewer than
/// [`GROUPS_A_THREAD`] groups), so it ends under twice that; a document of that size or longer
/// is a group of its own.
///
/// Measured with `extract -j 1` (least CPU of 5 interleaved runs) against one document at a
/// time: 8,000 articles of 1 KB −13%, 800 of 10 KB −12%, 80 of 100 KB −8%; groups of 256 KB
/// rather than 1 MB left the 10 KB and 100 KB articles 4% dearer.
fn groups_to_extract(documents: Vec<Document>) -> Vec<Vec<Document>> {
    let most = group_bound(documents.iter().map(|d| d.text.len()).sum());
    groups_under(documents, most)
}

/// `documents` in order, in groups that take documents while their texts come to less than
/// `most` bytes (a document of that size or longer a group of its own).
fn groups_under(documents: Vec<Document>, most: usize) -> Vec<Vec<Document>> {
    let mut groups: Vec<Vec<Document>> = Vec::new();
    let mut bytes = 0;
    for document in documents {
        match groups.last_mut() {
            Some(group) if bytes < most && document.text.len() < most => {
                bytes += document.text.len();
                group.push(document);
            }
            _ => {
                bytes = document.text.len();
                groups.push(vec![document]);
            }
        }
    }
    groups
}

/// The bytes of text under which [`groups_to_extract`] adds a document to a group, for
/// documents of `total` bytes in all, in the current pool.
fn group_bound(total: usize) -> usize {
    GROUP_BYTES.min(total / (GROUPS_A_THREAD * rayon::current_num_threads()))
}

/// The bytes of text [`groups_to_extract`] puts in a group, and at which a task of
/// [`read_and_extract`] divides its documents into groups.
const GROUP_BYTES: usize = 1 << 20;

/// How many of the `left` paths not yet taken the next task of [`read_and_extract`] takes, in
/// a pool of `threads`: a share of what is left (guided scheduling), so that the first tasks
/// are long runs of consecutive files and the last ones single files. A thread that finishes
/// early then takes the small tasks at the end, and the threads end within about one file of
/// each other.
///
/// With runs of one length each (an eighth of a thread's share, handed out by rayon), one
/// thread waited for the other's last run at the end of the phase: timers in each task of the
/// 2,000-article batch at `-j 2` found the threads ending 0.7-32 ms apart (six runs on a busy
/// machine), and 0.1-1.1 ms apart with these tasks.
fn paths_a_task(left: usize, threads: usize) -> usize {
    (left / (GUIDED_SHARE * threads)).max(1)
}

/// What share of the paths left a task of [`read_and_extract`] takes, per thread: with 2, a
/// thread's first task is a quarter of its half of the files.
const GUIDED_SHARE: usize = 2;

/// Reads the files `paths` and extracts them (`extract`, a group of documents at a time), a
/// run of consecutive paths in each task (see [`paths_a_task`]), every thread of the current
/// pool taking the next task when it has finished one; or with `read_only` only reads them (the
/// run fails either way). The first file in order that cannot be read is the error.
///
/// Each task reads its files and extracts them while their texts are in its thread's caches.
/// Against every file read first, `check` of 2,000 small articles took 4% less time with one
/// thread or two, and `extract` of 8,000 articles of 1 KB 3-4% less with one and 4-7% less
/// with two (least and median of interleaved runs). A task stops at the first file it cannot
/// read; once one has failed, the tasks after it read nothing and those before it only read,
/// to find an earlier bad path.
fn read_and_extract(
    paths: &[String],
    extract: &(dyn Fn(Vec<Document>) -> Vec<Extracted> + Sync),
    read_only: bool,
) -> Result<Vec<Extracted>, claimcheck_retrieve::LoadError> {
    use claimcheck_retrieve::LoadError;
    type Task = (usize, Result<Vec<Extracted>, LoadError>);
    let threads = rayon::current_num_threads();
    // The first path no task has taken yet, and the first path of the first task that failed.
    let next = AtomicUsize::new(0);
    let first_failed = AtomicUsize::new(usize::MAX);
    let run_task = |from: usize, to: usize| -> Task {
        if from > first_failed.load(Ordering::Relaxed) {
            return (from, Ok(Vec::new()));
        }
        let documents = match paths[from..to]
            .iter()
            .map(|path| claimcheck_retrieve::load_article(path))
            .collect::<Result<Vec<_>, _>>()
        {
            Ok(documents) => documents,
            Err(e) => {
                first_failed.fetch_min(from, Ordering::Relaxed);
                return (from, Err(e));
            }
        };
        if read_only || first_failed.load(Ordering::Relaxed) != usize::MAX {
            return (from, Ok(Vec::new()));
        }
        let extracted = groups_under(documents, GROUP_BYTES)
            .into_iter()
            .flat_map(extract)
            .collect();
        (from, Ok(extracted))
    };
    // Where the task that starts at path `from` ends.
    let end_of = |from: usize| from + paths_a_task(paths.len() - from, threads);
    // Each thread takes tasks until none is left; a task is known by its first path.
    let take_tasks = || {
        let mut done = Vec::new();
        while let Ok(from) = next.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |from| {
            (from < paths.len()).then(|| end_of(from))
        }) {
            done.push(run_task(from, end_of(from)));
        }
        done
    };
    // A pool of one thread takes them itself: run through `rayon::broadcast`, a single long
    // text's extraction laid its memory out otherwise (10 MB: 123.0 MB at its peak and 28,477
    // page faults, against 117.5 MB and 27,092 this way, and 117.0 MB and 27,123 before the
    // tasks were guided).
    let mut tasks: Vec<Task> = if threads == 1 {
        take_tasks()
    } else {
        rayon::broadcast(|_| take_tasks())
            .into_iter()
            .flatten()
            .collect()
    };
    tasks.sort_unstable_by_key(|(from, _)| *from);
    let mut extracted = Vec::with_capacity(paths.len());
    for (_, task) in tasks {
        extracted.extend(task?);
    }
    Ok(extracted)
}

/// The fewest groups [`groups_to_extract`] leaves each thread of the pool, so that the threads
/// finish at about the same time.
const GROUPS_A_THREAD: usize = 8;

/// [`collect`] for the files `paths`, in the current rayon pool.
fn collect_paths(
    paths: &[String],
    args: &CheckArgs,
    settings: &Settings,
    verify: bool,
) -> Result<Run> {
    // Extraction: pure and independent per document, short documents a group at a time (see
    // `extract_many`).
    let extract_group = |documents: Vec<Document>| -> Vec<Extracted> {
        let options: Vec<ExtractOptions> = documents
            .iter()
            .map(|d| ExtractOptions {
                published: settings.published.or(d.published),
            })
            .collect();
        let texts: Vec<(&str, &ExtractOptions)> = documents
            .iter()
            .map(|d| d.text.as_str())
            .zip(&options)
            .collect();
        let claims: Vec<Claims> = if verify {
            claimcheck_extract::extract_many(&texts)
                .into_iter()
                .map(Claims::ToMatch)
                .collect()
        } else {
            claimcheck_extract::extract_many_into(&texts, |claim| Finding::new(claim, None))
                .into_iter()
                .map(Claims::Found)
                .collect()
        };
        documents
            .into_iter()
            .zip(claims)
            .zip(options)
            .map(|((document, claims), options)| (document, claims, options.published))
            .collect()
    };

    // The corpora are indexed first: with one that cannot be read, the inputs are only read,
    // not extracted, since the run fails either way.
    let corpora = settings
        .corpus
        .iter()
        .map(|dir| claimcheck_retrieve::Corpus::index(dir).map_err(anyhow::Error::from))
        .collect::<Result<Vec<_>>>();
    // Made before the reading, so that its clock counts the whole run; it is drawn only as
    // documents are matched.
    let progress = progress_bar(args.progress, paths.len());

    // Every input is read (and its Markdown or HTML parsed, in the pool) before anything is
    // reported, so a bad path fails the run cleanly, with the first bad path in argument order.
    let extracted: Vec<Extracted> = if paths.iter().any(|p| p == "-") {
        // Standard input is read in that order too, after the files before it have loaded: a
        // bad file named before `-` is reported without waiting for the input to end.
        let loaded: Vec<_> = paths
            .par_iter()
            .map(|path| (path != "-").then(|| claimcheck_retrieve::load_article(path)))
            .collect();
        let documents = loaded
            .into_iter()
            .map(|loaded| {
                loaded.unwrap_or_else(|| {
                    claimcheck_retrieve::load_stdin(args.stdin_filename.as_deref())
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        if corpora.is_err() {
            Vec::new()
        } else {
            groups_to_extract(documents)
                .into_par_iter()
                .flat_map_iter(extract_group)
                .collect()
        }
    } else {
        read_and_extract(paths, &extract_group, corpora.is_err())?
    };

    // The first bad input is reported before a bad corpus, as when the corpora were indexed
    // after every input was read.
    let corpora = corpora?;

    // Retrieval, once for the whole run: every cited link fetched once, the corpus searched.
    let (sources, wikidata) = if verify {
        retrieve(&extracted, &corpora, &settings.fetch)?
    } else {
        (vec![Sources::default(); extracted.len()], None)
    };
    let knowledge = knowledge(&settings.events, wikidata)?;

    // Matching, in parallel; each document and its claims move into its result.
    let check_one = |(i, (document, claims, published)): (usize, Extracted)| {
        let findings: Vec<Finding> = match claims {
            Claims::ToMatch(claims) => {
                claimcheck_match::check(&document, claims, &sources[i], &knowledge)
                    .into_iter()
                    .map(|c| Finding::new(c.claim, Some(c.verdict)))
                    .collect()
            }
            Claims::Found(findings) => findings,
        };
        let findings = suppress(&document, findings, &settings.disabled_rules);
        if let Some(bar) = &progress {
            bar.inc(1);
        }
        DocumentResult {
            document,
            published,
            findings,
        }
    };
    let results: Vec<DocumentResult> = extracted
        .into_par_iter()
        .enumerate()
        .map(check_one)
        .collect();
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    Ok(Run {
        documents: results,
        verified: verify,
        level_overrides: settings.level_overrides.clone(),
    })
}

/// The bundled events timeline with the newsroom's files and the Wikidata entries added.
fn knowledge(
    files: &[PathBuf],
    wikidata: Option<claimcheck_events::Timeline>,
) -> Result<claimcheck_match::Knowledge> {
    if files.is_empty() && wikidata.is_none() {
        return Ok(claimcheck_match::Knowledge::default());
    }
    let mut timeline = claimcheck_events::bundled().clone();
    for path in files {
        let text = std::fs::read_to_string(path)
            .map_err(|e| anyhow::anyhow!("{}: cannot read the events file: {e}", path.display()))?;
        timeline = timeline.with_file(&text, &path.display().to_string())?;
    }
    if let Some(w) = wikidata {
        timeline.merge(w, false)?;
    }
    Ok(claimcheck_match::Knowledge {
        timeline: Some(timeline),
    })
}

/// What one document's extraction produced: the document, its claims, its anchor date.
type Extracted = (Document, Claims, Option<jiff::civil::Date>);

/// A document's claims: to be matched with their sources, or, in a run that verifies nothing,
/// already its findings, made as extraction merged the readers' lists (a long text's findings
/// had been a second list of every claim, moved from the first).
enum Claims {
    ToMatch(Vec<claimcheck_core::Claim>),
    Found(Vec<Finding>),
}

impl Claims {
    /// The claims to match; none once they are findings.
    fn to_match(&self) -> &[claimcheck_core::Claim] {
        match self {
            Claims::ToMatch(claims) => claims,
            Claims::Found(_) => &[],
        }
    }
}

/// The sources for every attribution claim: the links cited in its paragraph (fetched once
/// each, through the cache and the lock), then the best passages of the local corpora. With
/// `--online`, also the Wikidata entries for the events that date claims name, as a timeline.
fn retrieve(
    extracted: &[Extracted],
    corpora: &[claimcheck_retrieve::Corpus],
    fetch: &FetchSettings,
) -> Result<(Vec<Sources>, Option<claimcheck_events::Timeline>)> {
    use claimcheck_core::{Details, SourceOutcome};
    // The URLs each attribution claim cites, by the claim's place in its document's claims.
    // Attributions are told by the kind each claim holds rather than by its boxed details, a
    // read from memory the caches no longer hold for every claim of the run, in one thread
    // (the 2,000-article batch's retrieval 1.1 -> 0.6 ms, from timers at the phase's ends).
    let cited: Vec<Vec<(usize, Vec<String>)>> = extracted
        .iter()
        .map(|(doc, claims, _)| {
            claims
                .to_match()
                .iter()
                .enumerate()
                .filter(|(_, c)| c.kind == claimcheck_core::ClaimKind::Attribution)
                .map(|(i, c)| {
                    let urls = doc
                        .cited_links(c.span)
                        .into_iter()
                        .map(|l| l.url.clone())
                        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
                        .collect();
                    (i, urls)
                })
                .collect()
        })
        .collect();
    let mut urls: Vec<String> = cited
        .iter()
        .flatten()
        .flat_map(|(_, u)| u.iter().cloned())
        .collect();
    urls.sort();
    urls.dedup();

    // The events date claims are tied to, for Wikidata.
    let mut mentions: Vec<String> = if fetch.online {
        extracted
            .iter()
            .flat_map(|(_, claims, _)| claims.to_match())
            .filter_map(|c| match &*c.details {
                Details::Date(d) if d.date.is_some() => d.event.clone(),
                _ => None,
            })
            .collect()
    } else {
        Vec::new()
    };
    mentions.sort();
    mentions.dedup();

    let (fetched, wikidata) = if urls.is_empty() && mentions.is_empty() {
        (BTreeMap::new(), None)
    } else {
        fetch_with_lock(&urls, &mentions, fetch)?
    };

    let sources = extracted
        .iter()
        .zip(&cited)
        .map(|((_, claims, _), cited)| {
            let mut sources = Sources::default();
            for (i, urls) in cited {
                let mut found: Vec<SourceOutcome> = urls
                    .iter()
                    .filter_map(|u| fetched.get(u).cloned())
                    .collect();
                // The claim by its place: finding it by id read every claim before it, for
                // every attribution (a text of 24,000 speakers took seconds).
                let claim = &claims.to_match()[*i];
                if let Details::Attribution(a) = &*claim.details
                    && !corpora.is_empty()
                {
                    let query = corpus_query(a);
                    for corpus in corpora {
                        found.extend(
                            corpus
                                .search(&query, 3)
                                .into_iter()
                                .map(SourceOutcome::Available),
                        );
                    }
                }
                if !found.is_empty() {
                    sources.by_claim.insert(claim.id.clone(), found);
                }
            }
            sources
        })
        .collect();
    Ok((sources, wikidata))
}

/// What to look for in a corpus: the quoted words when there are any, else the content, with
/// the speaker's name.
fn corpus_query(a: &claimcheck_core::AttributionDetails) -> String {
    let words = if a.quoted.is_empty() {
        a.content.clone()
    } else {
        a.quoted.join(" ")
    };
    match &a.speaker {
        Some(s) => format!("{words} {s}"),
        None => words,
    }
}

/// Fetches `urls` and asks Wikidata about `mentions`, through the cache and the evidence
/// lock, then records what was read in the lock, or with `--locked` fails if the lock would
/// change.
fn fetch_with_lock(
    urls: &[String],
    mentions: &[String],
    fetch: &FetchSettings,
) -> Result<(
    BTreeMap<String, claimcheck_core::SourceOutcome>,
    Option<claimcheck_events::Timeline>,
)> {
    let lock = claimcheck_retrieve::Lock::read(&fetch.lockfile)?;
    let mut options = claimcheck_retrieve::FetchOptions {
        allow_private_network: fetch.allow_private_network,
        offline: fetch.offline,
        cache_dir: fetch.cache_dir.clone(),
        ..claimcheck_retrieve::FetchOptions::default()
    };
    if let Some(secs) = fetch.timeout {
        options.timeout = std::time::Duration::from_secs(secs.max(1));
    }
    let fetcher = claimcheck_retrieve::Fetcher::new(options)?.with_lock(&lock);
    let outcomes = if urls.is_empty() {
        Vec::new()
    } else {
        fetcher.fetch_all(urls)
    };
    let wikidata = if mentions.is_empty() {
        Vec::new()
    } else {
        claimcheck_retrieve::wikidata_events(&fetcher, &fetch.wikidata, mentions)
    };
    for warning in fetcher.take_warnings() {
        let _ = writeln!(std::io::stderr(), "warning: {warning}");
    }
    let mut updated = lock.clone();
    let read = urls.iter().zip(&outcomes).chain(
        wikidata
            .iter()
            .flat_map(|r| r.sources.iter().map(|(u, o)| (u, o))),
    );
    let mut consulted: BTreeSet<String> = BTreeSet::new();
    for (url, outcome) in read {
        updated.record(url, outcome);
        consulted.insert(url.clone());
    }
    updated.retain(|u| consulted.contains(u));
    if updated != lock {
        if fetch.locked {
            let changes = lock.diff(&updated);
            let first = changes.first().map(ToString::to_string).unwrap_or_default();
            bail!(
                "{}: the evidence lock would change ({} changes; first: {first}); run without --locked to update it",
                fetch.lockfile.display(),
                changes.len()
            );
        }
        updated.write(&fetch.lockfile)?;
    }
    let timeline =
        (!wikidata.is_empty()).then(|| claimcheck_retrieve::wikidata_timeline(&wikidata));
    Ok((urls.iter().cloned().zip(outcomes).collect(), timeline))
}

/// Drops the findings of rules turned off and those an inline directive suppresses; reports
/// directives that suppressed nothing on stderr.
fn suppress(
    document: &Document,
    findings: Vec<Finding>,
    disabled: &BTreeSet<String>,
) -> Vec<Finding> {
    let mut directives = Suppressions::parse(document);
    // Most articles have no directive, and a file span per finding (to be looked up in none)
    // was 1% of a long extraction.
    let none = directives.directives().is_empty();
    let kept = findings
        .into_iter()
        .filter(|f| !disabled.contains(f.rule_id()))
        .filter(|f| {
            if none {
                return true;
            }
            let span = document.file_span(f.claim.span);
            directives
                .lookup(span, f.rule_id(), f.claim.kind.as_str())
                .is_none()
        })
        .collect();
    for d in directives.unused() {
        let _ = writeln!(
            std::io::stderr(),
            "warning[meta.unused-directive]: {}:{}: `{}` suppresses nothing",
            document.path,
            d.line,
            d.describe()
        );
    }
    kept
}

fn progress_bar(when: Color, len: usize) -> Option<indicatif::ProgressBar> {
    let show = match when {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stderr().is_terminal() && std::env::var_os("CI").is_none(),
    };
    (show && len > 1).then(|| {
        let bar = indicatif::ProgressBar::new(len as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} articles {elapsed}")
                .expect("the template is valid"),
        );
        bar
    })
}

/// An output file must never replace an article under review.
///
/// Only the existing output files are resolved against the inputs: a run that writes no file
/// (a batch to standard output) resolves no input, where resolving each article's path cost
/// four system calls an article.
fn refuse_overwriting_inputs(paths: &[String], settings: &Settings) -> Result<()> {
    let outputs: Vec<(&PathBuf, PathBuf)> = settings
        .output_file
        .iter()
        .chain(settings.reports.iter().map(|(_, p)| p))
        .filter_map(|out| Some((out, std::fs::canonicalize(out).ok()?)))
        .collect();
    if outputs.is_empty() {
        return Ok(());
    }
    for input in paths.iter().filter(|p| *p != "-") {
        let Ok(input) = std::fs::canonicalize(input) else {
            continue;
        };
        if let Some((out, _)) = outputs.iter().find(|(_, c)| *c == input) {
            bail!(
                "{}: is an input article; refusing to overwrite it with a report",
                out.display()
            );
        }
    }
    Ok(())
}

fn write_outputs(run: &Run, settings: &Settings) -> Result<()> {
    // The run without the findings below `--min-level`, made only if a format shows problems
    // and some finding is below it: a copy of every document, which a batch's json-lines report
    // does not need, nor any report at the default level, which keeps every finding.
    let shown = std::cell::OnceCell::new();
    let source = |format: OutputFormat| {
        if is_problem_format(format) {
            shown
                .get_or_init(|| {
                    let hidden = run
                        .documents
                        .iter()
                        .flat_map(|d| &d.findings)
                        .any(|f| run.level(f) < settings.min_level);
                    hidden.then(|| filter_level(run, settings.min_level))
                })
                .as_ref()
                .unwrap_or(run)
        } else {
            run
        }
    };
    let options = |styled: bool| RenderOptions {
        styled,
        ..RenderOptions::default()
    };
    let write = |format: OutputFormat, path: &Path| {
        write_file_with(path, |out| {
            claimcheck_report::render_to(format, source(format), &options(false), out)
        })
    };
    for (format, path) in &settings.reports {
        write(*format, path)?;
    }
    match &settings.output_file {
        Some(path) => write(settings.format, path)?,
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            claimcheck_report::render_to(
                settings.format,
                source(settings.format),
                &options(styled(settings.color)),
                &mut out,
            )?;
            out.flush()?;
        }
    }
    Ok(())
}

/// The formats that list problems for a person or a CI system to act on; the others (json,
/// json-lines, markdown, html, junit) are records of every claim and ignore `--min-level`.
fn is_problem_format(format: OutputFormat) -> bool {
    matches!(
        format,
        OutputFormat::Human
            | OutputFormat::Concise
            | OutputFormat::Sarif
            | OutputFormat::Github
            | OutputFormat::Gitlab
            | OutputFormat::Rdjson
            | OutputFormat::Rdjsonl
    )
}

/// The run without the findings below `min`, for the formats that list problems.
fn filter_level(run: &Run, min: Level) -> Run {
    let mut shown = run.clone();
    for d in &mut shown.documents {
        d.findings.retain(|f| run.level(f) >= min);
    }
    shown
}

/// Writes `text` to `path` through a temporary file and a rename, so a reader never sees half
/// a report and a failed write leaves the old file whole.
pub fn write_file(path: &Path, text: &str) -> Result<()> {
    write_file_with(path, |out| out.write_all(text.as_bytes()))
}

/// [`write_file`] for a report written part by part into the temporary file (through a
/// buffer), rather than made whole in memory first.
fn write_file_with(
    path: &Path,
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("report");
    let tmp = dir.join(format!(".{name}.claimcheck-{}.tmp", std::process::id()));
    /// The temporary file, removed unless it was renamed into place: after a failed write, and
    /// after a panic while the report was being written into it.
    struct Temporary<'a> {
        path: &'a Path,
        renamed: bool,
    }
    impl Drop for Temporary<'_> {
        fn drop(&mut self) {
            if !self.renamed {
                let _ = std::fs::remove_file(self.path);
            }
        }
    }
    let mut temporary = Temporary {
        path: &tmp,
        renamed: false,
    };
    std::fs::File::create(&tmp)
        .and_then(|file| {
            let mut out = std::io::BufWriter::new(file);
            write(&mut out)?;
            out.into_inner().map(drop).map_err(|e| e.into_error())
        })
        .and_then(|()| std::fs::rename(&tmp, path))
        .map_err(|e| anyhow::anyhow!("{}: cannot write: {e}", path.display()))?;
    temporary.renamed = true;
    Ok(())
}

fn styled(color: Color) -> bool {
    match color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal(),
    }
}

fn exit_code(run: &Run, settings: &Settings) -> ExitCode {
    if settings.exit_zero {
        return ExitCode::SUCCESS;
    }
    let failing = run
        .documents
        .iter()
        .flat_map(|d| &d.findings)
        .any(|f| match settings.fail_on {
            FailOn::Never => false,
            FailOn::Verdict(threshold) => f.status().is_some_and(|s| fails(s, threshold)),
            FailOn::Level(min) => f.status().is_some() && run.level(f) >= min,
        });
    if failing {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Whether a verdict reaches a verdict threshold: contradicted reaches both thresholds,
/// unverified only `unverified`.
fn fails(status: claimcheck_core::Status, threshold: claimcheck_core::Status) -> bool {
    use claimcheck_core::Status::{Contradicted, Supported, Unverified};
    match (status, threshold) {
        (Contradicted, _) => true,
        (Unverified, Unverified) => true,
        (Unverified, _) | (Supported, _) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The groups hold every document once, in order; a group stops at the first document that
    /// takes it to the bound, and a document of the bound or longer starts a group of its own.
    #[test]
    fn groups_keep_the_documents_in_order_within_the_bound() {
        let sizes = [
            10,
            300_000,
            5,
            2_000_000,
            700_000,
            1,
            1,
            400_000,
            0,
            999_999,
            3,
            1 << 20,
            2,
            60,
        ];
        let documents: Vec<Document> = sizes
            .iter()
            .enumerate()
            .map(|(k, &n)| {
                Document::parse(
                    &format!("{k}.txt"),
                    "x".repeat(n),
                    claimcheck_core::Format::Text,
                )
            })
            .collect();
        let most = group_bound(sizes.iter().sum());
        let groups = groups_to_extract(documents);
        let paths: Vec<String> = groups.iter().flatten().map(|d| d.path.clone()).collect();
        let expected: Vec<String> = (0..sizes.len()).map(|k| format!("{k}.txt")).collect();
        assert_eq!(paths, expected);
        for group in &groups {
            let lengths: Vec<usize> = group.iter().map(|d| d.text.len()).collect();
            // Every document but the last joined a group still under the bound.
            let before_last: usize = lengths[..lengths.len() - 1].iter().sum();
            assert!(
                lengths.len() == 1 || (before_last < most && lengths.iter().all(|&n| n < most)),
                "{lengths:?} against {most}"
            );
        }
        assert!(
            groups.len() > 1 && groups.len() < sizes.len(),
            "{}",
            groups.len()
        );
    }

    /// Taken one after another, the tasks cover every path once: each a share of what is left,
    /// never larger than the one before, the last ones single files.
    #[test]
    fn tasks_shrink_to_single_files() {
        for threads in [1, 2, 3, 8] {
            for paths in [0, 1, 2, 7, 100, 2_000, 8_001] {
                let mut sizes = Vec::new();
                let mut from = 0;
                while from < paths {
                    let size = paths_a_task(paths - from, threads);
                    assert!(
                        size >= 1 && from + size <= paths,
                        "{paths} {threads} {from}"
                    );
                    sizes.push(size);
                    from += size;
                }
                assert_eq!(sizes.iter().sum::<usize>(), paths);
                assert!(sizes.windows(2).all(|w| w[0] >= w[1]), "{sizes:?}");
                if paths > 0 {
                    assert_eq!(sizes.last(), Some(&1), "{sizes:?}");
                    assert!(
                        sizes[0] <= paths.div_ceil(GUIDED_SHARE * threads),
                        "{sizes:?}"
                    );
                }
            }
        }
    }

    /// Whatever thread reads a task, the documents come back in the order of their paths, and
    /// the first unreadable path in that order is the error.
    #[test]
    fn files_come_back_in_order_and_the_first_bad_one_is_named() {
        let dir = std::env::temp_dir().join(format!("claimcheck-tasks-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a temporary folder");
        let paths: Vec<String> = (0..300)
            .map(|k| {
                let path = dir.join(format!("{k:03}.txt"));
                std::fs::write(&path, format!("Article {k}.")).expect("a file is written");
                path.display().to_string()
            })
            .collect();
        let keep = |documents: Vec<Document>| -> Vec<Extracted> {
            documents
                .into_iter()
                .map(|d| (d, Claims::ToMatch(Vec::new()), None))
                .collect()
        };
        for threads in [1, 2, 3, 7] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("a pool");
            let read = pool
                .install(|| read_and_extract(&paths, &keep, false))
                .expect("every file reads");
            let order: Vec<&str> = read.iter().map(|(d, _, _)| d.path.as_str()).collect();
            assert_eq!(order, paths, "{threads} threads");
            let mut broken = paths.clone();
            for k in [250, 40, 41] {
                broken[k] = dir.join(format!("missing-{k}.txt")).display().to_string();
            }
            let error = pool
                .install(|| read_and_extract(&broken, &keep, false))
                .map(|_| ())
                .expect_err("a missing file fails the run");
            assert!(
                error.to_string().contains("missing-40"),
                "{threads} threads: {error}"
            );
        }
        std::fs::remove_dir_all(&dir).expect("the folder is removed");
    }
}
