//! Event names reduced to matching tokens: case and accents folded, function words dropped,
//! plurals and synonyms merged, so "fired several intercontinental ballistic missiles" and
//! "ICBM launch" share the tokens they mean alike.

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
    if a == b {
        return true;
    }
    let numeric = |s: &str| s.bytes().any(|c| c.is_ascii_digit());
    if numeric(a) || numeric(b) || a.len() < 5 || b.len() < 5 {
        return false;
    }
    strsim::jaro_winkler(a, b) >= 0.93
}

/// How well a mention's tokens fit a name's tokens: the F1 score of the words they share, from
/// 0 (nothing in common) to 1 (the same words).
pub(crate) fn name_fit(mention: &[String], name: &[String]) -> f64 {
    if mention.is_empty() || name.is_empty() {
        return 0.0;
    }
    let mut used = vec![false; name.len()];
    let mut shared = 0usize;
    for m in mention {
        if let Some(i) = (0..name.len()).find(|&i| !used[i] && same_word(m, &name[i])) {
            used[i] = true;
            shared += 1;
        }
    }
    // The counts are small, so the conversion to f64 is exact.
    2.0 * shared as f64 / (mention.len() + name.len()) as f64
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

    #[test]
    fn fit_of_names() {
        let fit = name_fit(
            &t("armistice after the Korean War"),
            &t("Korean War Armistice"),
        );
        assert!((fit - 1.0).abs() < 1e-9);
        assert!(name_fit(&t("armistace"), &t("armistice")) > 0.99);
        assert_eq!(name_fit(&t("summit"), &t("election")), 0.0);
        assert_eq!(name_fit(&t("1953"), &t("1955")), 0.0);
    }

    #[test]
    fn kinds_from_words() {
        assert_eq!(kinds_named(&t("the meeting")), ["summit"]);
        assert!(kinds_named(&t("ICBM launch")).contains(&"missile-test"));
        assert!(kinds_named(&t("the vote")).contains(&"election"));
    }
}
