//! Attributed statements checked against the sources retrieval found for them: quoted words
//! aligned with each source text, reported speech matched on its content words, and the speaker
//! the source names beside them.
//!
//! Rules: `quote.verified` (supported), `quote.altered` and `quote.misattributed`
//! (contradicted), `quote.not-found`, `quote.inexact`, `quote.speaker-not-found`,
//! `source.unavailable` and `quote.unsourced` (unverified).

mod align;
mod edits;
mod indirect;
mod speaker;
mod tolerances;
mod words;

use claimcheck_core::{
    AttributionDetails, Claim, Document, Evidence, SourceOutcome, SourceText, Status, Verdict,
};

pub use tolerances::QuoteTolerances;

use crate::unverified;
use align::{Alignment, WordIndex};
use edits::Edit;
use speaker::{Attribution, Who};
use words::Word;

/// How much a verified quote's confidence keeps when the source names the speaker only away
/// from the words: the attribution is then read from the page as a whole.
const ELSEWHERE_CONFIDENCE: f64 = 0.85;
/// How much a verified quote's confidence keeps when the article names no speaker: only the
/// words were checked.
const NO_SPEAKER_CONFIDENCE: f64 = 0.8;
/// How much a misattribution's confidence keeps: naming someone else beside the words is read
/// from cue words and capitalisation, which can mislead.
const MISATTRIBUTED_CONFIDENCE: f64 = 0.9;
/// A quote not found in a source still has its closest passage shown when the similarity is at
/// least this: the editor sees what the source says instead of a bare "not found".
const CLOSEST_SHOWN: f64 = 0.5;
/// How much supported reported speech keeps: matching content words is weaker evidence than
/// aligning the exact words, however complete the match.
const INDIRECT_CONFIDENCE: f64 = 0.9;

/// The verdict on an attribution from the `sources` retrieval found for it (cited links first,
/// then corpus passages); with none, the article's cited links say whether it had a source.
pub(crate) fn check(
    document: &Document,
    claim: &Claim,
    details: &AttributionDetails,
    sources: &[SourceOutcome],
) -> Verdict {
    check_with(
        document,
        claim,
        details,
        sources,
        &QuoteTolerances::default(),
    )
}

/// [`check`] with explicit tolerances.
pub(crate) fn check_with(
    document: &Document,
    claim: &Claim,
    details: &AttributionDetails,
    sources: &[SourceOutcome],
    tol: &QuoteTolerances,
) -> Verdict {
    if sources.is_empty() {
        let cited = document.cited_links(claim.span);
        if cited.is_empty() {
            return unverified(
                "quote.unsourced",
                "no source cited in the article: a link in the paragraph, or --corpus, would let \
                 the words be checked",
            );
        }
        // Retrieval was not run (or found nothing) for a claim that cites a link.
        let mut v = unverified(
            "source.unavailable",
            format!(
                "source unavailable: {}: not fetched",
                cited
                    .iter()
                    .map(|l| l.url.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
        v.evidence = cited
            .iter()
            .map(|l| Evidence {
                url: Some(l.url.clone()),
                ..Evidence::computed("cited link", "not fetched")
            })
            .collect();
        return v;
    }
    let available: Vec<&SourceText> = sources
        .iter()
        .filter_map(|s| match s {
            SourceOutcome::Available(t) => Some(t),
            SourceOutcome::Unavailable { .. } => None,
        })
        .collect();
    let unavailable: Vec<(&str, &str)> = sources
        .iter()
        .filter_map(|s| match s {
            SourceOutcome::Unavailable { location, reason } => {
                Some((location.as_str(), reason.as_str()))
            }
            SourceOutcome::Available(_) => None,
        })
        .collect();
    let unavailable_note = unavailable
        .iter()
        .map(|(l, r)| format!("source unavailable: {l}: {r}"))
        .collect::<Vec<_>>()
        .join("; ");
    let unavailable_evidence = unavailable.iter().map(|(l, r)| Evidence {
        url: is_url(l).then(|| l.to_string()),
        ..Evidence::computed(*l, format!("unavailable: {r}"))
    });
    if available.is_empty() {
        let mut v = unverified("source.unavailable", unavailable_note);
        v.evidence = unavailable_evidence.collect();
        return v;
    }
    let who = Who::from_details(details);
    let read: Vec<Read<'_>> = available.iter().map(|t| Read::new(t)).collect();
    let quotes: Vec<&str> = if !details.quoted.is_empty() {
        details.quoted.iter().map(String::as_str).collect()
    } else if details.direct {
        vec![details.content.as_str()]
    } else {
        Vec::new()
    };
    let mut verdict = if quotes.is_empty() {
        indirect_verdict(&details.content, &read, who.as_ref(), tol)
    } else {
        direct_verdict(&quotes, &read, who.as_ref(), tol)
    };
    if verdict.status == Status::Unverified && !unavailable.is_empty() {
        verdict.explanation = format!("{}; {unavailable_note}", verdict.explanation);
        verdict.evidence.extend(unavailable_evidence);
    }
    verdict
}

/// A source text with its words, read once per claim.
struct Read<'s> {
    source: &'s SourceText,
    words: Vec<Word>,
}

impl<'s> Read<'s> {
    fn new(source: &'s SourceText) -> Self {
        Read {
            source,
            words: words::words(&source.text),
        }
    }

    /// The source as an explanation names it: its title, else its URL or path.
    fn name(&self) -> String {
        match self.source.title.as_deref().map(str::trim) {
            Some(t) if !t.is_empty() => format!("\u{201c}{t}\u{201d}"),
            _ => self.source.location.clone(),
        }
    }

    /// The source text of words `first..=last`, as written.
    fn passage(&self, first: usize, last: usize) -> &'s str {
        &self.source.text[self.words[first].start..self.words[last].end]
    }

    fn evidence(&self, value: String, passage: Option<String>) -> Evidence {
        let s = self.source;
        let label = if is_url(&s.location) {
            s.title.clone().unwrap_or_else(|| s.location.clone())
        } else {
            s.location.clone()
        };
        Evidence {
            source: label,
            value: Some(value),
            passage,
            url: is_url(&s.location).then(|| s.location.clone()),
            retrieved: s.retrieved.clone(),
            content_hash: s.content_hash.clone(),
            point: None,
        }
    }
}

fn is_url(location: &str) -> bool {
    location.contains("://")
}

/// What one source makes of a direct quote.
enum Outcome {
    /// The words are there with trivial differences; how the speaker was confirmed (`None` when
    /// the article names nobody).
    Verified(Option<Attribution>),
    /// A number, a negation or a name differs.
    Altered(Vec<Edit>),
    /// The source gives the words to this person.
    Misattributed(String),
    /// Other words differ, without an ellipsis to say so.
    Inexact(Vec<Edit>),
    /// The words are there, but the source never names the speaker.
    SpeakerUnconfirmed,
}

impl Outcome {
    /// Which outcome to report when two sources match equally well: the one that settles most.
    fn preference(&self) -> u8 {
        match self {
            Outcome::Verified(_) => 0,
            Outcome::Altered(_) => 1,
            Outcome::Misattributed(_) => 2,
            Outcome::Inexact(_) => 3,
            Outcome::SpeakerUnconfirmed => 4,
        }
    }
}

struct Finding<'r, 's> {
    read: &'r Read<'s>,
    outcome: Outcome,
    score: f64,
    passage: String,
    /// Whether every passage is the quoted run exactly as written, and how many source words
    /// the quote's ellipses stand for.
    verbatim: bool,
    elided: usize,
}

/// One quoted run and its words.
struct Run<'q> {
    text: &'q str,
    words: Vec<Word>,
}

fn direct_verdict(
    quotes: &[&str],
    read: &[Read<'_>],
    who: Option<&Who>,
    tol: &QuoteTolerances,
) -> Verdict {
    let runs: Vec<Run<'_>> = quotes
        .iter()
        .map(|q| Run {
            text: q,
            words: words::words(q),
        })
        .filter(|r| r.words.iter().any(|w| !w.ellipsis))
        .collect();
    let mut findings = Vec::new();
    let mut misses = Vec::new();
    for r in read {
        match quote_in(&runs, r, who, tol) {
            Ok(f) => findings.push(f),
            Err(miss) => misses.push((r, miss)),
        }
    }
    findings.sort_by(|a, b| {
        let key = |f: &Finding<'_, '_>| ((f.score * 1000.0).round() as i64, f.outcome.preference());
        let (ka, kb) = (key(a), key(b));
        kb.0.cmp(&ka.0).then(ka.1.cmp(&kb.1))
    });
    let Some(f) = findings.into_iter().next() else {
        return not_found(&misses, "");
    };
    let name = f.read.name();
    let how = match (f.verbatim, f.elided) {
        (true, 0) => "verbatim".to_string(),
        (false, 0) => "with trivial differences (case, punctuation, quotation marks, spacing or \
                       number format)"
            .to_string(),
        (_, n) => format!("with an ellipsis standing for {n} omitted words"),
    };
    let speaker = who.map_or("the speaker", |w| w.display.as_str());
    let evidence = |value: &str| vec![f.read.evidence(value.to_string(), Some(f.passage.clone()))];
    let similarity = format!("similarity {:.2}", f.score);
    let (status, confidence, rule, explanation) = match &f.outcome {
        Outcome::Verified(attribution) => {
            let (checked, factor) = match attribution {
                Some(Attribution::Beside(m)) => (
                    format!("{m} is named beside them, as the article says"),
                    1.0,
                ),
                Some(Attribution::Pronoun(pronoun, m)) => (
                    format!(
                        "the source has \u{201c}{pronoun}\u{201d} beside them, which stands for \
                         {m}, named as the speaker just before"
                    ),
                    1.0,
                ),
                Some(Attribution::Elsewhere(m)) => (
                    format!(
                        "the source names nobody beside the words and names {m} elsewhere, \
                         so the attribution rests on that"
                    ),
                    ELSEWHERE_CONFIDENCE,
                ),
                _ => (
                    "the article names no speaker, so only the words were checked".to_string(),
                    NO_SPEAKER_CONFIDENCE,
                ),
            };
            (
                Status::Supported,
                f.score * factor,
                "quote.verified",
                format!(
                    "the quoted words are in {name} {how}: \u{201c}{}\u{201d}; {checked}",
                    f.passage
                ),
            )
        }
        Outcome::Altered(edits) => (
            Status::Contradicted,
            f.score,
            "quote.altered",
            format!(
                "the quote differs in meaning from {name}: {}",
                describe(edits)
            ),
        ),
        Outcome::Misattributed(other) => (
            Status::Contradicted,
            f.score * MISATTRIBUTED_CONFIDENCE,
            "quote.misattributed",
            format!(
                "the words are in {name}, but it gives them to {other}, not {speaker}: \
                 \u{201c}{}\u{201d}",
                f.passage
            ),
        ),
        Outcome::Inexact(edits) => (
            Status::Unverified,
            0.0,
            "quote.inexact",
            format!(
                "close to but not the same words as {name}: {}; a wording change that may not \
                 alter the meaning, for an editor to judge",
                describe(edits)
            ),
        ),
        Outcome::SpeakerUnconfirmed => (
            Status::Unverified,
            0.0,
            "quote.speaker-not-found",
            format!(
                "the words are in {name} ({how}), but it does not name {speaker}, so who said \
                 them is not confirmed: \u{201c}{}\u{201d}",
                f.passage
            ),
        ),
    };
    Verdict {
        status,
        confidence: round2(confidence),
        rule: rule.to_string(),
        explanation,
        evidence: evidence(&similarity),
    }
}

/// Why a quote was not found in a source: the best similarity seen, and the closest passage
/// when it came near.
struct Miss {
    score: f64,
    closest: Option<String>,
}

impl Miss {
    const NOTHING: Miss = Miss {
        score: 0.0,
        closest: None,
    };
}

/// The quote's runs in one source: the finding when every run is found there, else the miss.
fn quote_in<'r, 's>(
    runs: &[Run<'_>],
    read: &'r Read<'s>,
    who: Option<&Who>,
    tol: &QuoteTolerances,
) -> Result<Finding<'r, 's>, Miss> {
    let index = WordIndex::new(&read.words);
    let mut aligned: Vec<(&Run<'_>, Alignment)> = Vec::new();
    let mut worst = 1.0f64;
    for run in runs {
        let Some(a) = align::best(&run.words, &read.words, &index, tol) else {
            return Err(Miss::NOTHING);
        };
        let length = run.words.iter().filter(|w| !w.ellipsis).count();
        let exact = a
            .steps
            .iter()
            .all(|s| matches!(s, align::Step::Same { .. } | align::Step::Elided { .. }));
        let found = a.score >= tol.found_score
            && a.same_share >= tol.found_same_share
            && (length > tol.short_quote_words || exact);
        worst = worst.min(a.score);
        if !found {
            return Err(Miss {
                score: a.score,
                closest: (a.score >= CLOSEST_SHOWN)
                    .then(|| read.passage(a.first, a.last).to_string()),
            });
        }
        aligned.push((run, a));
    }
    // The longest run places the quote for the speaker check.
    let (_, main) = aligned
        .iter()
        .max_by_key(|(r, _)| r.words.len())
        .ok_or(Miss::NOTHING)?;
    let edits: Vec<Edit> = aligned
        .iter()
        .flat_map(|(r, a)| edits::edits(r.text, &r.words, &read.source.text, &read.words, a))
        .collect();
    let meaning: Vec<Edit> = edits
        .iter()
        .filter(|e| e.kind.changes_meaning())
        .cloned()
        .collect();
    let mut matched: Vec<usize> = main
        .steps
        .iter()
        .filter_map(|s| match *s {
            align::Step::Same { s, .. } | align::Step::Changed { s, .. } => Some(s),
            _ => None,
        })
        .collect();
    matched.sort_unstable();
    let attribution = who.map(|w| {
        speaker::attribute(
            w,
            &read.source.text,
            &read.words,
            read.source.title.as_deref(),
            &matched,
        )
    });
    let outcome = if !meaning.is_empty() {
        Outcome::Altered(meaning)
    } else if let Some(Attribution::Other(other)) = &attribution {
        Outcome::Misattributed(other.clone())
    } else if !edits.is_empty() {
        Outcome::Inexact(edits)
    } else if attribution == Some(Attribution::Nowhere) {
        Outcome::SpeakerUnconfirmed
    } else {
        Outcome::Verified(attribution)
    };
    let passage = aligned
        .iter()
        .map(|(_, a)| read.passage(a.first, a.last))
        .collect::<Vec<_>>()
        .join(" \u{2026} ");
    let verbatim = aligned.iter().all(|(r, a)| {
        let elided = a
            .steps
            .iter()
            .any(|s| matches!(s, align::Step::Elided { .. }));
        !elided && read.passage(a.first, a.last) == r.text.trim()
    });
    let elided = aligned
        .iter()
        .flat_map(|(_, a)| &a.steps)
        .map(|s| match *s {
            align::Step::Elided { from, to } => to - from,
            _ => 0,
        })
        .sum();
    Ok(Finding {
        read,
        outcome,
        score: worst,
        passage,
        verbatim,
        elided,
    })
}

fn describe(edits: &[Edit]) -> String {
    edits
        .iter()
        .map(|e| e.description.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

/// `quote.not-found` naming every source consulted, with the closest passages that came near
/// and the best similarity seen in each.
fn not_found(misses: &[(&Read<'_>, Miss)], why: &str) -> Verdict {
    let names: Vec<String> = misses.iter().map(|(r, _)| r.name()).collect();
    let closest: String = misses
        .iter()
        .filter_map(|(r, m)| {
            let passage = m.closest.as_deref()?;
            Some(format!(
                "; the closest passage of {} is \u{201c}{passage}\u{201d} (similarity {:.2})",
                r.name(),
                m.score
            ))
        })
        .collect();
    let mut v = unverified(
        "quote.not-found",
        format!("not found in {}{why}{closest}", names.join(", ")),
    );
    v.evidence = misses
        .iter()
        .map(|(r, m)| {
            r.evidence(
                format!("not found (best similarity {:.2})", m.score),
                m.closest.clone(),
            )
        })
        .collect();
    v
}

fn indirect_verdict(
    content: &str,
    read: &[Read<'_>],
    who: Option<&Who>,
    tol: &QuoteTolerances,
) -> Verdict {
    let claim_words = words::words(content);
    let content = indirect::Content::new(&claim_words);
    let n = content.words.len();
    if n < tol.indirect_min_words {
        let misses: Vec<(&Read<'_>, Miss)> = read.iter().map(|r| (r, Miss::NOTHING)).collect();
        return not_found(
            &misses,
            &format!(
                ": the statement has {n} content word{}, too few to match reported speech",
                if n == 1 { "" } else { "s" }
            ),
        );
    }
    let mut best: Option<(&Read<'_>, indirect::Passage)> = None;
    for r in read {
        let index = WordIndex::new(&r.words);
        if let Some(p) = indirect::best(&content, &r.words, &index)
            && best
                .as_ref()
                .is_none_or(|(_, b)| (p.coverage, p.order) > (b.coverage, b.order))
        {
            best = Some((r, p));
        }
    }
    let misses: Vec<(&Read<'_>, Miss)> = read.iter().map(|r| (r, Miss::NOTHING)).collect();
    let Some((r, p)) = best else {
        return not_found(&misses, ": no passage shares the statement's content words");
    };
    let found = (p.coverage * n as f64).round() as usize;
    let shares = format!("{found} of {n} content words");
    let name = r.name();
    let passage = r.passage(p.first, p.last).to_string();
    if p.coverage < tol.indirect_coverage || p.order < tol.indirect_order {
        let mut v = not_found(
            &misses,
            &format!(
                ": the closest passage, in {name}, holds {shares} (\u{201c}{passage}\u{201d}){}, \
                 which is not enough to say it reports the same statement",
                if p.order < tol.indirect_order && p.coverage >= tol.indirect_coverage {
                    " in another order"
                } else {
                    ""
                }
            ),
        );
        v.confidence = 0.0;
        return v;
    }
    let evidence = vec![r.evidence(format!("{shares} in order"), Some(passage.clone()))];
    let clear = p.coverage >= tol.indirect_contradict_coverage;
    if !p.missing_numbers.is_empty() {
        if clear && !p.passage_numbers.is_empty() {
            let theirs: Vec<&str> = p
                .passage_numbers
                .iter()
                .map(|&i| &r.source.text[r.words[i].start..r.words[i].end])
                .collect();
            return Verdict {
                status: Status::Contradicted,
                confidence: round2(p.coverage * p.order),
                rule: "quote.altered".to_string(),
                explanation: format!(
                    "the matching passage in {name} says {}, the article {}: \u{201c}{passage}\u{201d}",
                    theirs.join(", "),
                    p.missing_numbers.join(", ")
                ),
                evidence,
            };
        }
        return not_found(
            &misses,
            &format!(
                ": the closest passage holds {shares} but not the number {}",
                p.missing_numbers.join(", ")
            ),
        );
    }
    if p.claim_negated != p.passage_negated {
        if clear {
            let difference = if p.passage_negated {
                "the source negates it and the article does not"
            } else {
                "the article negates it and the source does not"
            };
            return Verdict {
                status: Status::Contradicted,
                confidence: round2(p.coverage * p.order),
                rule: "quote.altered".to_string(),
                explanation: format!(
                    "the matching passage in {name} says \u{201c}{passage}\u{201d}: {difference}"
                ),
                evidence,
            };
        }
        return not_found(
            &misses,
            &format!(": the closest passage holds {shares} but differs in negation"),
        );
    }
    let Some(who) = who else {
        let mut v = unverified(
            "quote.speaker-not-found",
            format!(
                "a passage of {name} holds {shares} (\u{201c}{passage}\u{201d}), but the article \
                 names no speaker to check it against"
            ),
        );
        v.evidence = evidence;
        return v;
    };
    // Reported speech is supported only with the speaker named beside it: a page that merely
    // mentions the speaker somewhere is not enough when the words are the article's own.
    let matched: Vec<usize> = (p.first..=p.last).collect();
    match speaker::attribute(who, &r.source.text, &r.words, None, &matched) {
        Attribution::Beside(m) | Attribution::Pronoun(_, m) => Verdict {
            status: Status::Supported,
            confidence: round2(p.coverage * p.order * INDIRECT_CONFIDENCE),
            rule: "quote.verified".to_string(),
            explanation: format!(
                "reported speech matches {name}: \u{201c}{passage}\u{201d} holds {shares} in \
                 order, and {m} is named beside it"
            ),
            evidence,
        },
        other => {
            let why = match other {
                Attribution::Other(o) => format!("it gives them to {o}, not {}", who.display),
                _ => format!("it does not name {} beside them", who.display),
            };
            let mut v = unverified(
                "quote.speaker-not-found",
                format!(
                    "a passage of {name} holds {shares} (\u{201c}{passage}\u{201d}), but {why}"
                ),
            );
            v.evidence = evidence;
            v
        }
    }
}

fn round2(x: f64) -> f64 {
    (x.clamp(0.0, 1.0) * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use claimcheck_core::{Details, Format, Span};

    use super::*;

    /// One table row: the attribution as extracted, what retrieval found, and what the verdict
    /// must be.
    struct Case {
        name: &'static str,
        speaker: Option<&'static str>,
        /// The quoted runs; empty for reported speech, whose words are `content`.
        quoted: &'static [&'static str],
        content: &'static str,
        sources: Vec<SourceOutcome>,
        /// Whether the article's paragraph holds a link.
        cited: bool,
        status: Status,
        rule: &'static str,
        /// Words the explanation must contain.
        says: &'static [&'static str],
    }

    const BERG: Option<&str> = Some("Tomas Berg");

    fn page(title: &str, text: &str) -> SourceOutcome {
        SourceOutcome::Available(SourceText {
            location: format!(
                "https://news.test/{}",
                title.to_lowercase().replace(' ', "-")
            ),
            title: Some(title.to_string()),
            text: text.to_string(),
            retrieved: Some("2026-03-02T10:00:00Z".to_string()),
            content_hash: Some("sha256:00ff".to_string()),
        })
    }

    fn gone(location: &str, reason: &str) -> SourceOutcome {
        SourceOutcome::Unavailable {
            location: location.to_string(),
            reason: reason.to_string(),
        }
    }

    /// A port story in the source's own words, with the harbour master quoted.
    const PORT: &str = "The harbour council met on Tuesday to discuss the dredging works.\n\
        \u{201c}We will not back down from this fight,\u{201d} said Tomas Berg, the harbour \
        master. \u{201c}Fares will rise by 12 per cent next year, and we hired 1,200 new \
        drivers this year.\u{201d}\n\
        Berg said the port is expected to reopen by the spring, once the dredging has finished. The new \
        terminal was designed by Maria Arnesen and her team.\n\
        \u{201c}The port will reopen, once the dredging is finished, by the spring,\u{201d} he \
        added.\n\
        The port has been quiet since March.";

    fn run(case: &Case) -> Verdict {
        let article = if case.cited {
            "Berg spoke to [the council](https://news.test/port).\n"
        } else {
            "Berg spoke to the council.\n"
        };
        let document = Document::parse("a.md", article.to_string(), Format::Markdown);
        let details = AttributionDetails {
            speaker: case.speaker.map(str::to_string),
            cue: "said".to_string(),
            content: case.content.to_string(),
            direct: !case.quoted.is_empty(),
            quoted: case.quoted.iter().map(|q| q.to_string()).collect(),
            ..AttributionDetails::default()
        };
        let end = document.text.trim_end().len();
        let claim = Claim::new(
            &document.text,
            Span::new(0, end),
            Details::Attribution(Box::new(details.clone())),
        );
        check(&document, &claim, &details, &case.sources)
    }

    fn check_all(cases: Vec<Case>) {
        for case in cases {
            let v = run(&case);
            assert_eq!(
                (v.status, v.rule.as_str()),
                (case.status, case.rule),
                "{}: {}",
                case.name,
                v.explanation
            );
            for s in case.says {
                assert!(
                    v.explanation.contains(s),
                    "{}: {:?} not in {:?}",
                    case.name,
                    s,
                    v.explanation
                );
            }
            assert!((0.0..=1.0).contains(&v.confidence), "{}", case.name);
            if v.status != Status::Unverified {
                assert!(v.confidence > 0.5, "{}: {}", case.name, v.confidence);
                let e = v.evidence.first().expect("evidence");
                assert!(e.passage.is_some(), "{}", case.name);
                assert!(e.url.is_some() && e.retrieved.is_some() && e.content_hash.is_some());
            }
        }
    }

    fn quote(
        name: &'static str,
        quoted: &'static [&'static str],
        sources: Vec<SourceOutcome>,
        status: Status,
        rule: &'static str,
        says: &'static [&'static str],
    ) -> Case {
        Case {
            name,
            speaker: BERG,
            quoted,
            content: quoted.first().copied().unwrap_or_default(),
            sources,
            cited: true,
            status,
            rule,
            says,
        }
    }

    fn indirect(
        name: &'static str,
        content: &'static str,
        sources: Vec<SourceOutcome>,
        status: Status,
        rule: &'static str,
        says: &'static [&'static str],
    ) -> Case {
        Case {
            quoted: &[],
            content,
            ..quote(name, &[], sources, status, rule, says)
        }
    }

    use Status::{Contradicted, Supported, Unverified};

    #[test]
    fn direct_quotes() {
        let port = || vec![page("Harbour news", PORT)];
        check_all(vec![
            quote(
                "verbatim",
                &["We will not back down from this fight"],
                port(),
                Supported,
                "quote.verified",
                &[
                    "verbatim",
                    "\u{201c}Harbour news\u{201d}",
                    "Tomas Berg is named beside",
                ],
            ),
            quote(
                "straight quotes, a contraction and case",
                &["we won't back down from this FIGHT"],
                port(),
                Supported,
                "quote.verified",
                &["trivial differences"],
            ),
            quote(
                "percent and per cent",
                &["Fares will rise by 12 percent next year"],
                port(),
                Supported,
                "quote.verified",
                &["Fares will rise by 12 per cent next year"],
            ),
            quote(
                "thousands separator",
                &["we hired 1200 new drivers this year"],
                port(),
                Supported,
                "quote.verified",
                &["1,200"],
            ),
            quote(
                "an ellipsis for omitted words",
                &["The port will reopen \u{2026} by the spring"],
                port(),
                Supported,
                "quote.verified",
                &[
                    "ellipsis standing for 5 omitted words",
                    "\u{201c}he added\u{201d} beside them, which stands for Berg",
                ],
            ),
            quote(
                "a split quote",
                &["We will not back down", "Fares will rise by 12 per cent"],
                port(),
                Supported,
                "quote.verified",
                &[],
            ),
            quote(
                "a quote the source interrupts with its attribution",
                &["We will not back down from this fight. Fares will rise by 12 per cent"],
                vec![page(
                    "Harbour brief",
                    "\u{201c}We will not back down from this fight,\u{201d} Berg said. \
                     \u{201c}Fares will rise by 12 per cent.\u{201d}",
                )],
                Supported,
                "quote.verified",
                &["trivial differences", "Berg is named beside them"],
            ),
            quote(
                "a changed number",
                &["Fares will rise by 15 percent next year"],
                port(),
                Contradicted,
                "quote.altered",
                &["the source says 12, the article 15"],
            ),
            quote(
                "a changed name",
                &["The new terminal was designed by Lisa Arnesen and her team"],
                port(),
                Contradicted,
                "quote.altered",
                &["the source says \u{201c}Maria\u{201d}, the article \u{201c}Lisa\u{201d}"],
            ),
            quote(
                "a dropped negation",
                &["We will back down from this fight"],
                port(),
                Contradicted,
                "quote.altered",
                &[
                    "the source says \u{201c}will not back down\u{201d}; the article drops \u{201c}not\u{201d}",
                ],
            ),
            quote(
                "an added negation",
                &["The port will not reopen, once the dredging is finished, by the spring"],
                port(),
                Contradicted,
                "quote.altered",
                &["the article adds \u{201c}not\u{201d}"],
            ),
            quote(
                "a wording change is left to an editor",
                &["We will not back down from this battle"],
                port(),
                Unverified,
                "quote.inexact",
                &["the source says \u{201c}fight\u{201d}, the article \u{201c}battle\u{201d}"],
            ),
            quote(
                "misattributed to another speaker",
                &["We will not back down from this fight"],
                vec![page(
                    "Union news",
                    "The dockworkers met on Tuesday. \u{201c}We will not back down from this \
                     fight,\u{201d} said Anna Holm, who leads the union. Tomas Berg did not \
                     comment.",
                )],
                Contradicted,
                "quote.misattributed",
                &["gives them to Anna Holm, not Tomas Berg"],
            ),
            quote(
                "the speaker named elsewhere in the source",
                &["We will not back down from this fight"],
                vec![page(
                    "Harbour diary",
                    "Tomas Berg has run the harbour since 2019.\nThe council met.\nThe dredging \
                     started.\n\u{201c}We will not back down from this fight.\u{201d}",
                )],
                Supported,
                "quote.verified",
                &["names nobody beside the words and names Tomas Berg elsewhere"],
            ),
            quote(
                "the speaker named nowhere in the source",
                &["We will not back down from this fight"],
                vec![page(
                    "Harbour diary",
                    "The council met.\n\u{201c}We will not back down from this fight.\u{201d}",
                )],
                Unverified,
                "quote.speaker-not-found",
                &["does not name Tomas Berg"],
            ),
            Case {
                speaker: None,
                ..quote(
                    "an unnamed speaker",
                    &["We will not back down from this fight"],
                    port(),
                    Supported,
                    "quote.verified",
                    &["names no speaker, so only the words were checked"],
                )
            },
            quote(
                "a short quote must match exactly",
                &["within weeks"],
                port(),
                Unverified,
                "quote.not-found",
                &["not found in \u{201c}Harbour news\u{201d}"],
            ),
            quote(
                "not found",
                &["The budget has been approved by the regional assembly"],
                port(),
                Unverified,
                "quote.not-found",
                &["not found in \u{201c}Harbour news\u{201d}"],
            ),
            quote(
                "too far from the source, with the closest passage shown",
                &["We will not turn back from this fight for the harbour"],
                port(),
                Unverified,
                "quote.not-found",
                &[
                    "the closest passage of \u{201c}Harbour news\u{201d} is \u{201c}We will not back down from this fight",
                ],
            ),
            quote(
                "several sources, the second has it",
                &["We will not back down from this fight"],
                vec![
                    page("Weather", "Rain is expected all week along the coast."),
                    page("Harbour news", PORT),
                ],
                Supported,
                "quote.verified",
                &["\u{201c}Harbour news\u{201d}"],
            ),
            quote(
                "not found, and another source unavailable",
                &["The budget has been approved by the regional assembly"],
                vec![
                    page("Harbour news", PORT),
                    gone("https://news.test/b", "HTTP 404"),
                ],
                Unverified,
                "quote.not-found",
                &[
                    "not found in \u{201c}Harbour news\u{201d}",
                    "source unavailable: https://news.test/b: HTTP 404",
                ],
            ),
        ]);
    }

    #[test]
    fn missing_sources() {
        check_all(vec![
            quote(
                "source unavailable",
                &["We will not back down from this fight"],
                vec![gone("https://news.test/port", "timed out after 10 s")],
                Unverified,
                "source.unavailable",
                &["source unavailable: https://news.test/port: timed out after 10 s"],
            ),
            Case {
                cited: false,
                ..quote(
                    "unsourced",
                    &["We will not back down from this fight"],
                    vec![],
                    Unverified,
                    "quote.unsourced",
                    &[
                        "no source cited in the article: a link in the paragraph, or --corpus, \
                       would let the words be checked",
                    ],
                )
            },
            quote(
                "a cited link that retrieval did not fetch",
                &["We will not back down from this fight"],
                vec![],
                Unverified,
                "source.unavailable",
                &["https://news.test/port: not fetched"],
            ),
        ]);
    }

    #[test]
    fn reported_speech() {
        let port = || vec![page("Harbour news", PORT)];
        check_all(vec![
            indirect(
                "supported",
                "the port would reopen by the spring once the dredging was finished",
                port(),
                Supported,
                "quote.verified",
                &["reported speech matches", "Berg is named beside it"],
            ),
            indirect(
                "sharing only topic words",
                "the port would close for good because the dredging had failed",
                port(),
                Unverified,
                "quote.not-found",
                &["not enough to say it reports the same statement"],
            ),
            indirect(
                "a changed number in a clear match",
                "fares would rise by 15 percent next year",
                vec![page(
                    "Harbour news",
                    "Berg said fares would rise by 12 per cent next year.",
                )],
                Contradicted,
                "quote.altered",
                &["says 12, the article 15"],
            ),
            indirect(
                "a negation added in a clear match",
                "the port would not reopen by the spring once the dredging was finished",
                port(),
                Contradicted,
                "quote.altered",
                &["the article negates it and the source does not"],
            ),
            indirect(
                "given to someone else: unverified, never contradicted",
                "the port would reopen by the spring once the dredging was finished",
                vec![page(
                    "Union news",
                    "Anna Holm said the port would reopen by the spring once the dredging was \
                     finished.",
                )],
                Unverified,
                "quote.speaker-not-found",
                &["gives them to Anna Holm, not Tomas Berg"],
            ),
            indirect(
                "too few content words",
                "it would",
                port(),
                Unverified,
                "quote.not-found",
                &["too few"],
            ),
        ]);
    }

    #[test]
    fn a_long_source_with_the_quote_near_the_end() {
        let mut text = String::new();
        let mut i = 0;
        while text.len() < 50_000 {
            text.push_str(&format!(
                "Report {i} says we will look at the cranes, the tides and this year's cargo \
                 volumes in the bay. "
            ));
            if i % 7 == 0 {
                text.push('\n');
            }
            i += 1;
        }
        text.push_str("\n\u{201c}We will not back down from this fight,\u{201d} Berg said.\n");
        text.push_str("The council adjourned.");
        check_all(vec![quote(
            "long source",
            &["We will not back down from this fight"],
            vec![page("Harbour archive", &text)],
            Supported,
            "quote.verified",
            &["verbatim"],
        )]);
    }
}
