//! Who a source gives words to: the speaker (or the speaker's institution) named beside the
//! matched words, someone else named as saying them, or nobody near them.

use claimcheck_core::AttributionDetails;

use super::words::{Word, words};

/// The speaker a claim names, as the source may name them.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Who {
    /// The speaker as the article names them, for explanations.
    pub display: String,
    /// The speaker's name words, lowercase, without articles and titles.
    name: Vec<String>,
    /// The organization's words, lowercase, joined by spaces ("kyungnam university ...").
    organization: Option<String>,
}

/// How the source attributes the matched words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Attribution {
    /// The speaker (or the organization) is named in the same or a neighbouring sentence: the
    /// mention as written.
    Beside(String),
    /// A pronoun beside a cue ("he added") stands for the speaker, the last person named beside
    /// a cue in the sentences before: the mention as written.
    /// The pronoun with its cue ("he added") and the mention it stands for.
    Pronoun(String, String),
    /// Nobody is named as saying the words near them, but the source names the speaker
    /// elsewhere (the mention as written).
    Elsewhere(String),
    /// Someone else is named as saying the words: the name as written.
    Other(String),
    /// The source never names the speaker.
    Nowhere,
}

/// Words that attribute speech when a name stands before them ("Tomas Berg said").
const SPEECH_CUES: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "warned",
    "warns",
    "continued",
    "continues",
    "explained",
    "explains",
    "wrote",
    "writes",
    "argued",
    "argues",
    "insisted",
    "noted",
    "notes",
    "declared",
    "stated",
    "asked",
    "told",
    "tells",
    "replied",
    "claimed",
    "announced",
];

/// Whether `word` attributes speech to a name standing after it ("said Tomas Berg"): the same
/// cues, but not "told" or "tells", since the name after them is the listener ("told
/// Reuters").
fn cue_before_name(word: &str) -> bool {
    (SPEECH_CUES.contains(&word) && !matches!(word, "told" | "tells")) || word == "according"
}

/// Pronouns that stand for a speaker named earlier ("“...,” he added").
const PRONOUNS: &[&str] = &["he", "she", "they"];

/// How many sentences back a pronoun beside a cue is followed to the person it stands for.
const PRONOUN_LOOKBACK: usize = 4;

/// Capitalised words that open a sentence or a run without being a name, and titles that
/// precede one; a run of capitalised words is a name only after these are stripped.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "but",
    "or",
    "in",
    "on",
    "at",
    "as",
    "if",
    "when",
    "after",
    "before",
    "he",
    "she",
    "they",
    "it",
    "i",
    "we",
    "you",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "who",
    "which",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "professor",
    "president",
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "of",
    "yesterday",
    "today",
    "asked",
    "speaking",
];

impl Who {
    /// The speaker a claim names, or its organization when it names only that; `None` when the
    /// claim names nobody ("warns an expert").
    pub fn from_details(details: &AttributionDetails) -> Option<Who> {
        let organization = details
            .organization
            .as_deref()
            .map(|o| name_words(o).join(" "))
            .filter(|o| !o.is_empty());
        let named = details
            .speaker
            .as_deref()
            .filter(|s| s.chars().any(char::is_uppercase));
        match named {
            Some(speaker) => {
                let name = name_words(speaker);
                (!name.is_empty()).then(|| Who {
                    display: speaker.to_string(),
                    name,
                    organization,
                })
            }
            None => {
                let org = details.organization.as_deref()?;
                let name = name_words(org);
                (!name.is_empty()).then(|| Who {
                    display: org.to_string(),
                    name,
                    organization,
                })
            }
        }
    }

    /// Whether a run of capitalised words names this speaker: the run's last word is one of the
    /// speaker's (a surname alone, "Lee" for "Lee Byong-chul"), or the speaker's last word is in
    /// the run; or the run is a part of the organization's name ("Kyungnam University").
    fn is_named_by(&self, run: &[String]) -> bool {
        let (Some(run_last), Some(own_last)) = (run.last(), self.name.last()) else {
            return false;
        };
        if self.name.contains(run_last) || run.contains(own_last) {
            return true;
        }
        let joined = run.join(" ");
        run.len() >= 2
            && self
                .organization
                .as_deref()
                .is_some_and(|o| format!(" {o} ").contains(&format!(" {joined} ")))
    }
}

/// The words of a name, lowercase, without articles and titles, possessives dropped.
fn name_words(name: &str) -> Vec<String> {
    words(name)
        .into_iter()
        .filter(|w| !w.ellipsis)
        .map(|w| bare(&w.norm).to_string())
        .filter(|w| !NOT_NAMES.contains(&w.as_str()))
        .collect()
}

/// A name word without a possessive "'s".
fn bare(norm: &str) -> &str {
    norm.strip_suffix("'s").unwrap_or(norm)
}

/// A run of capitalised words outside quotations: a possible name.
struct Run {
    from: usize,
    to: usize,
    words: Vec<String>,
    /// A cue word stands right before or after it ("said X", "X told").
    cue: bool,
}

/// The runs of capitalised words in sentences `lo..=hi`, outside quotations and other than the
/// `matched` words (sorted). Source words inside the match that the quote skipped stay: in
/// "“We will,” Berg said, “win”" they are the attribution.
fn runs(words: &[Word], lo: usize, hi: usize, matched: &[usize]) -> Vec<Run> {
    let usable = |i: usize| {
        let w = &words[i];
        w.capitalised
            && !w.in_quotes
            && !w.ellipsis
            && matched.binary_search(&i).is_err()
            && (lo..=hi).contains(&w.sentence)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !usable(i) {
            i += 1;
            continue;
        }
        let from = i;
        while i + 1 < words.len() && usable(i + 1) && !words[i].punct_after {
            i += 1;
        }
        let to = i;
        i += 1;
        let names: Vec<String> = words[from..=to]
            .iter()
            .map(|w| bare(&w.norm).to_string())
            .skip_while(|n| NOT_NAMES.contains(&n.as_str()))
            .collect();
        if names.is_empty() || names.iter().all(|n| NOT_NAMES.contains(&n.as_str())) {
            continue;
        }
        let after = words.get(to + 1).is_some_and(|n| {
            !words[to].punct_after
                && n.sentence == words[to].sentence
                && SPEECH_CUES.contains(&n.norm.as_str())
        });
        let before = from > 0 && {
            let p = &words[from - 1];
            let according = p.norm == "to" && from > 1 && words[from - 2].norm == "according";
            p.sentence == words[from].sentence
                && !p.punct_after
                && (cue_before_name(&p.norm) || according)
        };
        out.push(Run {
            from,
            to,
            words: names,
            cue: after || before,
        });
    }
    out
}

fn shown(text: &str, words: &[Word], run: &Run) -> String {
    text[words[run.from].start..words[run.to].end].to_string()
}

/// How `text` (with its `words` and `title`) attributes the `matched` words (source word
/// indexes, sorted, at least one).
/// The sentences holding the match come first, then their neighbours, then the whole text.
pub(crate) fn attribute(
    who: &Who,
    text: &str,
    words: &[Word],
    title: Option<&str>,
    matched: &[usize],
) -> Attribution {
    let (Some(&first), Some(&last)) = (matched.first(), matched.last()) else {
        return Attribution::Nowhere;
    };
    let (lo, hi) = (words[first].sentence, words[last].sentence);
    let rings = [(lo, hi), (lo.saturating_sub(1), hi + 1)];
    for (ring, &(from, to)) in rings.iter().enumerate() {
        let found = runs(words, from, to, matched);
        let cued: Vec<&Run> = found.iter().filter(|r| r.cue).collect();
        // In the match's own sentences a name beside a cue decides: "“...,” Holm said,
        // rejecting Berg's plan" is Holm's words whoever else is mentioned.
        if ring == 0 && !cued.is_empty() {
            return match cued.iter().find(|r| who.is_named_by(&r.words)) {
                Some(r) => Attribution::Beside(shown(text, words, r)),
                None => Attribution::Other(shown(text, words, cued[0])),
            };
        }
        // A neighbouring sentence that names the speaker attributes the words; one that only
        // names someone else beside a cue gives them to that person.
        if let Some(r) = found.iter().find(|r| who.is_named_by(&r.words)) {
            return Attribution::Beside(shown(text, words, r));
        }
        if let Some(r) = cued.first() {
            return Attribution::Other(shown(text, words, r));
        }
    }
    // "“...,” he added": the pronoun stands for the last person named beside a cue before it.
    let pronoun_cue = words.windows(2).find(|p| {
        (lo..=hi).contains(&p[0].sentence)
            && p[1].sentence == p[0].sentence
            && !p[0].in_quotes
            && PRONOUNS.contains(&p[0].norm.as_str())
            && SPEECH_CUES.contains(&p[1].norm.as_str())
    });
    if let Some(pair) = pronoun_cue {
        let phrase = &text[pair[0].start..pair[1].end];
        for sentence in (lo.saturating_sub(PRONOUN_LOOKBACK)..lo).rev() {
            let found = runs(words, sentence, sentence, matched);
            if let Some(r) = found.iter().find(|r| r.cue) {
                if who.is_named_by(&r.words) {
                    return Attribution::Pronoun(phrase.to_string(), shown(text, words, r));
                }
                break;
            }
        }
    }
    let everywhere = runs(words, 0, usize::MAX, matched);
    if let Some(r) = everywhere.iter().find(|r| who.is_named_by(&r.words)) {
        return Attribution::Elsewhere(shown(text, words, r));
    }
    if let Some(title) = title {
        let title_words = super::words::words(title);
        let found = runs(&title_words, 0, usize::MAX, &[]);
        if let Some(r) = found.iter().find(|r| who.is_named_by(&r.words)) {
            return Attribution::Elsewhere(shown(title, &title_words, r));
        }
    }
    Attribution::Nowhere
}

#[cfg(test)]
mod tests {
    use super::*;

    fn who(speaker: &str) -> Who {
        Who::from_details(&AttributionDetails {
            speaker: Some(speaker.to_string()),
            ..AttributionDetails::default()
        })
        .expect("named")
    }

    fn check(speaker: &str, source: &str, quote: &str) -> Attribution {
        let ws = words(source);
        let at = source.find(quote).expect("quote in source");
        let first = ws.iter().position(|w| w.start >= at).expect("word");
        let last = ws
            .iter()
            .rposition(|w| w.end <= at + quote.len())
            .expect("word");
        let matched: Vec<usize> = (first..=last).collect();
        attribute(&who(speaker), source, &ws, None, &matched)
    }

    #[test]
    fn who_said_it() {
        let q = "We will win";
        assert_eq!(
            check("Tomas Berg", "\u{201c}We will win,\u{201d} Berg said.", q),
            Attribution::Beside("Berg".into())
        );
        assert_eq!(
            check(
                "Tomas Berg",
                "\u{201c}We will win,\u{201d} said Anna Holm, rejecting Berg's plan.",
                q
            ),
            Attribution::Other("Anna Holm".into())
        );
        assert_eq!(
            check(
                "Lee Byong-chul",
                "Lee spoke on Monday. \u{201c}We will win.\u{201d}",
                q
            ),
            Attribution::Beside("Lee".into())
        );
        assert_eq!(
            check(
                "the Kremlin",
                "Talks went on. \u{201c}We will win,\u{201d} he said.\nMore.\nLater the Kremlin wrote to them.",
                q
            ),
            Attribution::Elsewhere("Kremlin".into())
        );
        assert_eq!(
            check("Tomas Berg", "\u{201c}We will win,\u{201d} he said.", q),
            Attribution::Nowhere
        );
        assert_eq!(
            check(
                "Tomas Berg",
                "Berg said the port was busy. Cranes were idle. Boats waited.\n\u{201c}We will \
                 win,\u{201d} he added.",
                q
            ),
            Attribution::Pronoun("he added".into(), "Berg".into())
        );
    }
}
