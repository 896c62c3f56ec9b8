//! Event names reduced to matching tokens: case and accents folded, function words dropped,
//! plurals and synonyms merged, so "fired several intercontinental ballistic missiles" and
//! "ICBM launch" share the tokens they mean alike.

use rustc_hash::FxHashMap as HashMap;

/// The tokens of a name, in order.
pub(crate) type Tokens = Vec<String>;

/// Words that say nothing about which event is meant: articles, prepositions, auxiliaries,
/// quantifiers and the verbs that only say an event happened.
const STOPWORDS: &[&str] = &[
    "a", "after", "against", "before", "during", "since", "until", "an", "and", "are", "at", "be",
    "been", "being", "between", "by", "dozen", "dozens", "few", "for", "from", "had", "has",
    "have", "her", "his", "in", "into", "is", "it", "its", "many", "more", "most", "multiple",
    "number", "numerous", "of", "on", "or", "over", "several", "some", "that", "the", "their",
    "these", "this", "those", "to", "various", "was", "were", "which", "who", "will", "with",
    "would", "two", "three", "four", "five", "signed", "held", "took", "place", "occurred",
    "happened", "began", "ended", "sign", "hold", "take",
];

/// Words merged into one token because news uses them for the same thing. Both sides of a
/// match (the article's words and the timeline's names) go through this table.
const SYNONYMS: &[(&str, &str)] = &[
    ("fired", "launch"),
    ("firing", "launch"),
    ("launched", "launch"),
    ("launching", "launch"),
    ("launche", "launch"),
    ("test", "launch"),
    ("tested", "launch"),
    ("testing", "launch"),
    ("meeting", "summit"),
    ("met", "summit"),
    ("meet", "summit"),
    ("talk", "summit"),
    ("summitry", "summit"),
    ("truce", "armistice"),
    ("ceasefire", "armistice"),
    ("agreement", "treaty"),
    ("accord", "treaty"),
    ("pact", "treaty"),
    ("vote", "election"),
    ("poll", "election"),
    ("ballot", "election"),
    ("runoff", "election"),
    ("invade", "invasion"),
    ("invaded", "invasion"),
    ("attacked", "attack"),
    ("bombing", "attack"),
    ("shooting", "attack"),
    ("assault", "attack"),
    ("quake", "earthquake"),
    ("tremor", "earthquake"),
    ("independent", "independence"),
    ("assassinated", "assassination"),
    ("putsch", "coup"),
];

/// Abbreviations written out, so "ICBM" meets "intercontinental ballistic missile".
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("icbm", "intercontinental ballistic missile"),
    ("icbms", "intercontinental ballistic missile"),
    ("slbm", "submarine launched ballistic missile"),
    ("irbm", "intermediate range ballistic missile"),
    ("wwi", "world war i"),
    ("wwii", "world war ii"),
    ("ww2", "world war ii"),
    ("ww1", "world war i"),
];

/// The kinds of entry a word of the article points to ("armistice" to `armistice` and
/// `ceasefire`). A mention that names a kind and the actors of an entry can be matched even
/// when its words are generic ("the meeting between the two heads of state").
const KIND_WORDS: &[(&str, &[&str])] = &[
    ("armistice", &["armistice", "ceasefire"]),
    ("treaty", &["treaty", "armistice", "ceasefire"]),
    ("summit", &["summit"]),
    ("conference", &["summit"]),
    ("visit", &["summit"]),
    ("election", &["election", "referendum"]),
    ("referendum", &["referendum"]),
    ("launch", &["launch", "missile-test", "nuclear-test"]),
    ("missile", &["missile-test"]),
    ("rocket", &["launch", "missile-test"]),
    ("satellite", &["launch"]),
    ("landing", &["launch"]),
    ("nuclear", &["nuclear-test"]),
    ("war", &["war"]),
    ("invasion", &["invasion", "war"]),
    ("offensive", &["war", "invasion", "battle"]),
    ("battle", &["battle"]),
    ("attack", &["attack"]),
    ("massacre", &["attack", "genocide"]),
    ("genocide", &["genocide"]),
    ("crisis", &["crisis"]),
    ("strike", &["operation", "attack"]),
    ("raid", &["operation"]),
    ("operation", &["operation"]),
    ("annexation", &["annexation"]),
    ("withdrawal", &["withdrawal"]),
    ("surrender", &["surrender"]),
    ("inauguration", &["inauguration"]),
    ("handover", &["handover"]),
    ("death", &["death"]),
    ("reunification", &["unification"]),
    ("unification", &["unification"]),
    ("collapse", &["dissolution"]),
    ("dissolution", &["dissolution"]),
    ("accession", &["accession"]),
    ("founding", &["founding"]),
    ("earthquake", &["disaster"]),
    ("tsunami", &["disaster"]),
    ("hurricane", &["disaster"]),
    ("cyclone", &["disaster"]),
    ("typhoon", &["disaster"]),
    ("flood", &["disaster"]),
    ("fire", &["disaster"]),
    ("wildfire", &["disaster"]),
    ("explosion", &["disaster"]),
    ("crash", &["disaster"]),
    ("sinking", &["disaster"]),
    ("disaster", &["disaster"]),
    ("accident", &["disaster"]),
    ("pandemic", &["pandemic"]),
    ("epidemic", &["pandemic"]),
    ("outbreak", &["pandemic"]),
    ("coup", &["coup"]),
    ("independence", &["independence"]),
    ("assassination", &["assassination"]),
    ("revolution", &["revolution"]),
    ("uprising", &["revolution"]),
];

/// The matching tokens of `text`.
pub(crate) fn tokens(text: &str) -> Tokens {
    // A possessive is not part of the name ("North Korea's first ICBM"), and "cease-fire" is
    // one word, not "cease" and "fire".
    let text = text
        .replace("'s ", " ")
        .replace("\u{2019}s ", " ")
        .replace("cease-fire", "ceasefire")
        .replace("Cease-fire", "ceasefire");
    let key = claimcheck_geo::normalise(&text);
    let mut out = Vec::new();
    for word in key.split_whitespace() {
        match ABBREVIATIONS.iter().find(|(a, _)| *a == word) {
            Some((_, long)) => out.extend(long.split(' ').filter_map(token)),
            None => out.extend(token(word)),
        }
    }
    out
}

/// One word as a token, or `None` for a stopword.
fn token(word: &str) -> Option<String> {
    if STOPWORDS.contains(&word) {
        return None;
    }
    let word = singular(word);
    let word = SYNONYMS
        .iter()
        .find(|(from, _)| *from == word)
        .map_or(word.as_str(), |(_, to)| *to)
        .to_string();
    Some(word)
}

/// A plural folded to its singular by the common English endings; words that only look plural
/// ("crisis", "status", "congress") stay as they are.
fn singular(word: &str) -> String {
    let n = word.len();
    if n > 4 && word.ends_with("ies") {
        return format!("{}y", &word[..n - 3]);
    }
    if n > 4 && (word.ends_with("ches") || word.ends_with("shes") || word.ends_with("xes")) {
        return word[..n - 2].to_string();
    }
    if n > 3
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
    {
        return word[..n - 1].to_string();
    }
    word.to_string()
}

/// Whether two tokens are the same word, allowing a typo or an inflection in longer words
/// ("armistace", "Korean" for "Korea"); numbers must be equal.
pub(crate) fn same_word(a: &str, b: &str) -> bool {
    a == b || (can_blur(a) && can_blur(b) && strsim::jaro_winkler(a, b) >= 0.93)
}

/// Whether a token may match a different token in [`same_word`]: words of five bytes or more
/// (letters, once folded to ASCII) without a digit. Any other token matches only itself, so it
/// needs no string similarity.
fn can_blur(word: &str) -> bool {
    word.len() >= 5 && !word.bytes().any(|c| c.is_ascii_digit())
}

/// How well a mention fits a name: the F1 score of the words they share, from 0 (nothing in
/// common) to 1 (the same words). `mention` and `name` count their tokens, and `same(i, j)` says
/// whether the mention's `i`th token and the name's `j`th are the same word ([`same_word`]);
/// each token of the mention takes the first token of the name it matches that no earlier one
/// took.
pub(crate) fn name_fit(mention: usize, name: usize, same: impl Fn(usize, usize) -> bool) -> f64 {
    if mention == 0 || name == 0 {
        return 0.0;
    }
    let mut used = vec![false; name];
    let mut shared = 0usize;
    for i in 0..mention {
        if let Some(j) = (0..name).find(|&j| !used[j] && same(i, j)) {
            used[j] = true;
            shared += 1;
        }
    }
    // The counts are small, so the conversion to f64 is exact.
    2.0 * shared as f64 / (mention + name) as f64
}

/// The distinct tokens of a timeline's names, each with an index. `Timeline::find` compares the
/// mention with each distinct token once per call instead of with every occurrence in every
/// entry, and runs the string similarity only on the tokens that can blur ([`can_blur`]).
#[derive(Debug, Clone, Default)]
pub(crate) struct Words {
    words: Vec<String>,
    index: HashMap<String, usize>,
    /// The indices of the words that can blur, with their letter counts.
    blurrable: Vec<(usize, Option<Letters>)>,
}

impl Words {
    /// The names (each a list of tokens) as lists of word indices, adding the new words.
    pub(crate) fn add(&mut self, names: &[Tokens]) -> Vec<Vec<usize>> {
        names
            .iter()
            .map(|name| name.iter().map(|t| self.add_word(t)).collect())
            .collect()
    }

    fn add_word(&mut self, word: &str) -> usize {
        if let Some(&i) = self.index.get(word) {
            return i;
        }
        let i = self.words.len();
        self.words.push(word.to_string());
        self.index.insert(word.to_string(), i);
        if can_blur(word) {
            self.blurrable.push((i, letters(word)));
        }
        i
    }

    /// Which words are the same word ([`same_word`]) as which tokens of `mention`.
    pub(crate) fn compare(&self, mention: &[String]) -> Comparison {
        let n = mention.len();
        let mut same = vec![false; self.words.len() * n];
        let mut any = vec![false; self.words.len()];
        for (i, m) in mention.iter().enumerate() {
            let mut mark = |w: usize| {
                same[w * n + i] = true;
                any[w] = true;
            };
            // A word that cannot blur is the same word as this token only when equal to it.
            if let Some(&w) = self.index.get(m) {
                mark(w);
            }
            if can_blur(m) {
                let m_letters = letters(m);
                for (w, w_letters) in &self.blurrable {
                    let word = &self.words[*w];
                    if let (Some(a), Some(b)) = (&m_letters, w_letters)
                        && !may_be_close(a, b, m.len(), word.len())
                    {
                        continue;
                    }
                    if same_word(m, word) {
                        mark(*w);
                    }
                }
            }
        }
        Comparison {
            mention: n,
            same,
            any,
        }
    }
}

/// How many times each letter from a to z occurs in a word.
type Letters = [u8; 26];

/// The letter counts of a word written in the letters a to z, and at most 255 bytes long (each
/// letter one byte and one `char`); `None` for any other word.
fn letters(word: &str) -> Option<Letters> {
    if word.len() > 255 {
        return None;
    }
    let mut counts = [0u8; 26];
    for b in word.bytes() {
        if !b.is_ascii_lowercase() {
            return None;
        }
        counts[usize::from(b - b'a')] += 1;
    }
    Some(counts)
}

/// Whether two words of `a_len` and `b_len` letters, with the letter counts `a` and `b`, may
/// reach the Jaro-Winkler similarity of 0.93 that [`same_word`] asks for; `false` only when they
/// cannot, so that the cheap test spares the similarity most pairs of words.
///
/// The prefix bonus adds at most 0.4 of what the Jaro similarity lacks of 1 (and only above
/// 0.7), so 0.93 needs a Jaro similarity of 0.825. Jaro is `(m/|a| + m/|b| + (m - t)/m) / 3`,
/// where the `m` matched characters are pairs of equal letters, so `m` is at most the number of
/// letters the words have in common, `c`: 0.825 needs `c/|a| + c/|b| >= 1.475`. The test asks
/// for 1.46, in integers, so the rounding of the similarity cannot matter.
fn may_be_close(a: &Letters, b: &Letters, a_len: usize, b_len: usize) -> bool {
    let common: usize = a.iter().zip(b).map(|(x, y)| usize::from(*x.min(y))).sum();
    100 * common * (a_len + b_len) >= 146 * a_len * b_len
}

/// A mention compared with every word of [`Words`]: `same[w * mention + i]` says whether word
/// `w` is the same word as the mention's `i`th token, `any[w]` whether it is for any token.
pub(crate) struct Comparison {
    mention: usize,
    same: Vec<bool>,
    any: Vec<bool>,
}

impl Comparison {
    /// [`name_fit`] of the mention and a name given as word indices.
    pub(crate) fn fit(&self, name: &[usize]) -> f64 {
        // Most names share no word with the mention, and their fit is 0.
        if !name.iter().any(|&w| self.any[w]) {
            return 0.0;
        }
        name_fit(self.mention, name.len(), |i, j| {
            self.same[name[j] * self.mention + i]
        })
    }
}

/// Whether a mention's words only name a kind of entry ("the talks", "the summit", "the
/// election") and nothing that tells one entry of the kind from another.
pub fn names_only_a_kind(mention: &str) -> bool {
    let tokens = tokens(mention);
    !tokens.is_empty()
        && tokens
            .iter()
            .all(|t| KIND_WORDS.iter().any(|(w, _)| w == t))
}

/// The entry kinds the mention's words point to.
pub(crate) fn kinds_named(mention: &[String]) -> Vec<&'static str> {
    let mut kinds = Vec::new();
    for t in mention {
        if let Some((_, ks)) = KIND_WORDS.iter().find(|(w, _)| w == t) {
            for k in *ks {
                if !kinds.contains(k) {
                    kinds.push(*k);
                }
            }
        }
    }
    kinds
}

/// `text` as a key for whole-word search: folded, with one space between words and a space at
/// each end, so `" putin "` is found in `" vladimir putin said "` and not in `" putinism "`.
pub(crate) fn search_key(text: &str) -> String {
    format!(" {} ", claimcheck_geo::normalise(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str) -> Vec<String> {
        tokens(text)
    }

    #[test]
    fn function_words_dropped_and_synonyms_merged() {
        assert_eq!(
            t("the armistice after the Korean War"),
            ["armistice", "korean", "war"]
        );
        assert_eq!(
            t("fired several intercontinental ballistic missiles"),
            ["launch", "intercontinental", "ballistic", "missile"]
        );
        assert_eq!(
            t("ICBM tests"),
            ["intercontinental", "ballistic", "missile", "launch"]
        );
        assert_eq!(
            t("North Korea's first cease-fire"),
            ["north", "korea", "first", "armistice"]
        );
        assert_eq!(t("Hwasong-14"), ["hwasong", "14"]);
        assert_eq!(t("the crisis talks"), ["crisis", "summit"]);
    }

    /// The fit of two texts' tokens.
    fn fit(mention: &str, name: &str) -> f64 {
        let (m, n) = (t(mention), t(name));
        name_fit(m.len(), n.len(), |i, j| same_word(&m[i], &n[j]))
    }

    #[test]
    fn fit_of_names() {
        let same = fit("armistice after the Korean War", "Korean War Armistice");
        assert!((same - 1.0).abs() < 1e-9);
        assert!(fit("armistace", "armistice") > 0.99);
        assert_eq!(fit("summit", "election"), 0.0);
        assert_eq!(fit("1953", "1955"), 0.0);
    }

    /// The fit through [`Words`] is the fit of the tokens, for typos, repeated words, numbers
    /// and short words alike.
    #[test]
    fn fit_through_the_word_index() {
        let names = [
            "Korean War Armistice Agreement",
            "Armistice of 11 November 1918",
            "Hwasong-14 ICBM launch",
            "war war korea",
            "the",
        ];
        let mut words = Words::default();
        let tokens: Vec<Tokens> = names.iter().map(|n| t(n)).collect();
        let ids = words.add(&tokens);
        for mention in [
            "armistace after the Korean War",
            "war war war",
            "Hwasong-14 launches 1918",
            "Koreas armistices",
            "11 November",
            "summit",
        ] {
            let compared = words.compare(&t(mention));
            for (name, ids) in names.iter().zip(&ids) {
                let fast = compared.fit(ids);
                assert_eq!(
                    fast.to_bits(),
                    fit(mention, name).to_bits(),
                    "{mention} / {name}"
                );
            }
        }
    }

    /// The letter test never rules out a pair that `same_word` accepts, here every pair of a
    /// list of near-misses, inflections and unrelated words.
    #[test]
    fn letter_test_keeps_every_close_pair() {
        let words = [
            "armistice",
            "armistace",
            "armistices",
            "korean",
            "korea",
            "koreans",
            "launch",
            "launches",
            "hwasong",
            "hwasang",
            "missile",
            "missiles",
            "missle",
            "election",
            "elections",
            "summit",
            "summits",
            "ballistic",
            "balistic",
            "intercontinental",
            "treaty",
            "treatise",
            "martha",
            "marhta",
            "dwayne",
            "duane",
            "dixon",
            "dicksonx",
            "abcde",
            "edcba",
            "aaaaa",
            "aaaab",
            "jellyfish",
            "smellyfish",
        ];
        let mut kept = 0;
        for a in words {
            for b in words {
                let (la, lb) = (letters(a).expect("a-z"), letters(b).expect("a-z"));
                let close = may_be_close(&la, &lb, a.len(), b.len());
                assert!(close || !same_word(a, b), "{a} / {b}");
                kept += usize::from(close);
            }
        }
        // And it does rule out most pairs.
        assert!(kept < words.len() * words.len() / 3, "{kept}");
    }

    #[test]
    fn kinds_from_words() {
        assert_eq!(kinds_named(&t("the meeting")), ["summit"]);
        assert!(kinds_named(&t("ICBM launch")).contains(&"missile-test"));
        assert!(kinds_named(&t("the vote")).contains(&"election"));
    }
}
