//! The words of a quote or a source text, normalised so that trivial differences (case, quote
//! marks, dashes, spacing, punctuation, contractions, "per cent", number formats) compare equal,
//! each word keeping its place in the original text so that a match can be shown as written.

/// One normalised word and where it stands in the text it came from.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Word {
    /// The normalised form: lowercase, straight apostrophes, no surrounding punctuation, numbers
    /// in digits without thousands separators. A contraction gives two words ("won't" gives
    /// "will" and "not") that share the span of the written word.
    pub norm: String,
    /// Byte range of the written word in the text.
    pub start: usize,
    pub end: usize,
    /// The written word starts with a capital letter.
    pub capitalised: bool,
    /// The index of the sentence the word belongs to (0 for the first).
    pub sentence: usize,
    /// The word stands between quotation marks in the text.
    pub in_quotes: bool,
    /// The written word is followed by punctuation (a comma, a full stop, a colon), which ends a
    /// run of capitalised words that could be a name.
    pub punct_after: bool,
    /// A marker for omitted words ("..." or "…") rather than a word; only quotes keep these.
    pub ellipsis: bool,
}

impl Word {
    /// Whether the word is written as a number ("12", "1200", "3.5", or a number word).
    pub fn is_number(&self) -> bool {
        !self.ellipsis
            && self.norm.chars().any(|c| c.is_ascii_digit())
            && self
                .norm
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    }

    /// Whether the word negates what it stands in.
    pub fn is_negation(&self) -> bool {
        NEGATIONS.contains(&self.norm.as_str())
    }
}

/// Words that turn a statement into its opposite; dropping or adding one changes the meaning of
/// a quote. "n't" is expanded to "not" before this list is consulted.
const NEGATIONS: &[&str] = &[
    "not", "no", "never", "nothing", "nobody", "none", "neither", "nor", "nowhere",
];

/// Abbreviations whose full stop does not end a sentence, so that "Mr. Lind said" keeps the name
/// in the sentence it belongs to.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "sen", "rep", "gov", "jr", "sr", "vs", "no",
    "lt", "col", "sgt", "capt", "rev", "hon", "inc", "corp", "co", "ltd", "etc",
];

/// Number words written out that are cheap to compare with digits: "five" is "5". Compound
/// numbers ("twenty-five") are left alone.
const NUMBER_WORDS: &[(&str, &str)] = &[
    ("zero", "0"),
    ("one", "1"),
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("ten", "10"),
    ("eleven", "11"),
    ("twelve", "12"),
    ("thirteen", "13"),
    ("fourteen", "14"),
    ("fifteen", "15"),
    ("sixteen", "16"),
    ("seventeen", "17"),
    ("eighteen", "18"),
    ("nineteen", "19"),
    ("twenty", "20"),
    ("thirty", "30"),
    ("forty", "40"),
    ("fifty", "50"),
    ("sixty", "60"),
    ("seventy", "70"),
    ("eighty", "80"),
    ("ninety", "90"),
    ("hundred", "100"),
];

/// Characters that separate words, besides white space: dashes of every kind and the slash, so
/// that "well-known" and "well known", or "2019–2020" and "2019 - 2020", compare equal.
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '/'
        )
}

fn is_opening_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201c}' | '\u{201e}' | '\u{00ab}')
}

fn is_closing_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201d}' | '\u{00bb}')
}

/// The words of `text` in order, with sentence indexes and quotation state.
pub(crate) fn words(text: &str) -> Vec<Word> {
    let mut out = Tokenizer {
        text,
        words: Vec::new(),
        sentence: 0,
        next_starts_sentence: false,
        in_quotes: false,
    };
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let three_dots = c == '.' && text[at..].starts_with("...");
        if is_separator(c) || c == '\u{2026}' || three_dots {
            if let Some(s) = start.take() {
                out.push_raw(s, at);
            }
            if c == '\n' {
                // A line break ends a paragraph in the plain text of a page or a corpus file, and
                // a quotation left open by a missing mark must not run on into the next one.
                out.next_starts_sentence = true;
                out.in_quotes = false;
            }
            if c == '\u{2026}' || three_dots {
                out.push_ellipsis(at);
                if three_dots {
                    while chars.peek().is_some_and(|&(_, d)| d == '.') {
                        chars.next();
                    }
                }
            }
        } else if start.is_none() {
            start = Some(at);
        }
    }
    if let Some(s) = start {
        out.push_raw(s, text.len());
    }
    merge_per_cent(out.words)
}

struct Tokenizer<'t> {
    text: &'t str,
    words: Vec<Word>,
    sentence: usize,
    next_starts_sentence: bool,
    in_quotes: bool,
}

impl Tokenizer<'_> {
    fn begin_word(&mut self) -> usize {
        if self.next_starts_sentence && !self.words.is_empty() {
            self.sentence += 1;
        }
        self.next_starts_sentence = false;
        self.sentence
    }

    fn push_ellipsis(&mut self, at: usize) {
        let sentence = self.sentence;
        self.words.push(Word {
            norm: String::new(),
            start: at,
            end: at,
            capitalised: false,
            sentence,
            in_quotes: self.in_quotes,
            punct_after: true,
            ellipsis: true,
        });
    }

    /// Adds the words of the written word at `start..end` (between separators).
    fn push_raw(&mut self, start: usize, end: usize) {
        let raw = &self.text[start..end];
        let core_start = raw
            .char_indices()
            .find(|&(_, c)| c.is_alphanumeric())
            .map(|(i, _)| i);
        let Some(core_start) = core_start else {
            // Punctuation alone ("—", a lone quotation mark, "%") still opens or closes a
            // quotation, and a lone "%" is a word.
            self.track_quotes(raw, raw);
            if raw.contains('%') {
                let sentence = self.begin_word();
                let in_quotes = self.in_quotes;
                self.words
                    .push(plain_word("percent", start, end, sentence, in_quotes));
            }
            return;
        };
        let core_end = raw
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_alphanumeric())
            .map_or(raw.len(), |(i, c)| i + c.len_utf8());
        let (lead, core, trail) = (
            &raw[..core_start],
            &raw[core_start..core_end],
            &raw[core_end..],
        );
        if lead.chars().any(is_opening_quote) {
            self.in_quotes = true;
        }
        let sentence = self.begin_word();
        let in_quotes = self.in_quotes;
        let lower = core
            .to_lowercase()
            .replace(['\u{2019}', '\u{2018}', '\u{02bc}', '`'], "'");
        let capitalised = core.chars().next().is_some_and(char::is_uppercase);
        let punct_after = trail.chars().any(|c| !is_closing_quote(c) && c != '\'');
        let first = self.words.len();
        for norm in expand(&lower) {
            self.words.push(Word {
                norm,
                start: start + core_start,
                end: start + core_end,
                capitalised,
                sentence,
                in_quotes,
                punct_after: false,
                ellipsis: false,
            });
        }
        if trail.contains('%') {
            self.words.push(plain_word(
                "percent",
                start + core_start,
                end,
                sentence,
                in_quotes,
            ));
        }
        if self.words.len() > first
            && let Some(last) = self.words.last_mut()
        {
            last.punct_after = punct_after;
        }
        self.track_quotes("", trail);
        let ends = trail
            .trim_end_matches(|c: char| {
                is_closing_quote(c) || matches!(c, '\'' | ')' | ']' | '\u{2019}')
            })
            .ends_with(['.', '!', '?']);
        let abbreviation =
            ABBREVIATIONS.contains(&lower.as_str()) || (core.chars().count() == 1 && capitalised);
        if ends && !abbreviation {
            self.next_starts_sentence = true;
        }
    }

    /// Opens a quotation on an opening mark in `lead` and closes it on a closing mark in
    /// `trail`. A straight double quote opens when it leads a word and closes when it trails one.
    fn track_quotes(&mut self, lead: &str, trail: &str) {
        if lead.chars().any(is_opening_quote) && !lead.chars().any(|c| c == '\u{201d}') {
            self.in_quotes = true;
        }
        if trail.chars().any(is_closing_quote) {
            self.in_quotes = false;
        }
    }
}

fn plain_word(norm: &str, start: usize, end: usize, sentence: usize, in_quotes: bool) -> Word {
    Word {
        norm: norm.to_string(),
        start,
        end,
        capitalised: false,
        sentence,
        in_quotes,
        punct_after: false,
        ellipsis: false,
    }
}

/// The normalised words of one lowercase written word: contractions expanded, thousands
/// separators dropped, small number words as digits.
fn expand(lower: &str) -> Vec<String> {
    if lower == "cannot" {
        return vec!["can".into(), "not".into()];
    }
    if let Some(stem) = lower.strip_suffix("n't") {
        let stem = match stem {
            "wo" => "will",
            "ca" => "can",
            "sha" => "shall",
            "ai" => "is",
            s => s,
        };
        return vec![stem.to_string(), "not".to_string()];
    }
    for (suffix, full) in [
        ("'re", "are"),
        ("'ll", "will"),
        ("'ve", "have"),
        ("'m", "am"),
    ] {
        if let Some(stem) = lower.strip_suffix(suffix)
            && !stem.is_empty()
        {
            return vec![stem.to_string(), full.to_string()];
        }
    }
    if lower.chars().next().is_some_and(|c| c.is_ascii_digit())
        && lower
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        // "1,200" and "1200" are the same number; a decimal point stays.
        return vec![lower.replace(',', "")];
    }
    if let Some((_, digits)) = NUMBER_WORDS.iter().find(|(w, _)| *w == lower) {
        return vec![(*digits).to_string()];
    }
    // Internal punctuation other than an apostrophe or a point ("U.S.") is dropped so that
    // "co-operate" written with an odd character still compares.
    let cleaned: String = lower
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '\'' | '.'))
        .collect();
    vec![cleaned]
}

/// "per cent" becomes the one word "percent".
fn merge_per_cent(words: Vec<Word>) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::with_capacity(words.len());
    for w in words {
        if w.norm == "cent"
            && let Some(prev) = out.last_mut()
            && prev.norm == "per"
            && !prev.punct_after
        {
            prev.norm = "percent".to_string();
            prev.end = w.end;
            prev.punct_after = w.punct_after;
            continue;
        }
        out.push(w);
    }
    out
}

/// The normalised words joined by single spaces, ellipses left out.
pub(crate) fn joined<'w>(words: impl IntoIterator<Item = &'w Word>) -> String {
    let mut s = String::new();
    for w in words.into_iter().filter(|w| !w.ellipsis) {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(&w.norm);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        words(text)
            .into_iter()
            .map(|w| {
                if w.ellipsis {
                    "…".to_string()
                } else {
                    w.norm
                }
            })
            .collect()
    }

    #[test]
    fn trivial_differences_normalise_away() {
        assert_eq!(
            norms("\u{201c}We won\u{2019}t back down\u{201d} \u{2014} 1,200 per cent, five."),
            ["we", "will", "not", "back", "down", "1200", "percent", "5"]
        );
        assert_eq!(
            norms("\"we won't back down\" - 1200 percent 5"),
            norms("\u{201c}We won\u{2019}t back down\u{201d} \u{2014} 1,200 per cent, five.")
        );
        assert_eq!(norms("12% of them"), ["12", "percent", "of", "them"]);
        assert_eq!(
            norms("ready ... and [\u{2026}] win"),
            ["ready", "…", "and", "…", "win"]
        );
    }

    #[test]
    fn sentences_and_quotations_are_tracked() {
        let ws = words("Mr. Lind spoke. \u{201c}We stay,\u{201d} he said.\nNext line");
        let by: Vec<(&str, usize, bool)> = ws
            .iter()
            .map(|w| (w.norm.as_str(), w.sentence, w.in_quotes))
            .collect();
        assert_eq!(
            by,
            [
                ("mr", 0, false),
                ("lind", 0, false),
                ("spoke", 0, false),
                ("we", 1, true),
                ("stay", 1, true),
                ("he", 1, false),
                ("said", 1, false),
                ("next", 2, false),
                ("line", 2, false),
            ]
        );
    }
}
