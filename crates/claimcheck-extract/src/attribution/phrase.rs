//! Noun phrases around a speaking verb: who speaks (a person, an institution, an outlet, an
//! unnamed expert), the role and organization of an appositive, and the outlet a hearer names.

use super::lexicon::{LEXICON, with_normalised};
use crate::ascii::{Form, Twin, with_lowercase, word_list};

/// Who a noun phrase says is speaking, before later mentions are resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Speaker {
    /// A named person, with the title written before the name ("President", "Kremlin spokesman").
    Person { name: String, title: Option<String> },
    /// A body that speaks as one: "the Kremlin", "the White House", "Russia’s foreign ministry".
    /// The name is kept as written, with a leading "The" lowercased, so "The White House" and
    /// "the White House" are the same speaker.
    Institution(String),
    /// A news outlet speaking for itself ("Yonhap reported that ...").
    Outlet(String),
    /// A speaker described but not named: "an expert", "a North Korea expert", "officials".
    Unnamed(String),
    /// "he", "she", "they", "it", lowercased; resolved against earlier speakers.
    Pronoun(String),
}

word_list!(
    is_determiner_word,
    [
        "the", "a", "an", "one", "another", "some", "two", "three", "several", "many", "most"
    ]
);
word_list!(is_pronoun_word, ["he", "she", "they", "it"]);
word_list!(
    /// Small words that stand inside a name ("Institute of Far Eastern Studies", "Osama bin
    /// Laden"), as written (lowercase).
    pub is_particle,
    [
        "of", "for", "and", "de", "del", "la", "le", "al", "bin", "van", "von", "der", "du", "da",
        "di", "y",
    ]
);
word_list!(
    /// Courtesy titles, dropped from a name rather than kept as a role ("Mr Lee" is Lee).
    is_honorific_word,
    ["mr", "mrs", "ms", "miss", "mx", "dr", "prof"]
);

pub fn is_determiner(word: &str) -> bool {
    with_lowercase(word, is_determiner_word)
}

pub fn is_pronoun(word: &str) -> bool {
    with_lowercase(word, is_pronoun_word)
}

pub fn is_honorific(word: &str) -> bool {
    with_normalised(word, is_honorific_word)
}

pub fn is_capitalized(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// An all-capitals acronym such as "WHO" or "NATO", which is never a lead-in word.
pub fn is_acronym(word: &str) -> bool {
    word.chars().count() > 1 && word.chars().all(|c| !c.is_lowercase())
}

/// Who `phrase` names, or `None` when it is not a speaker (a lowercase noun such as "the deal").
pub fn classify(phrase: &str) -> Option<Speaker> {
    // Digits alone are an age or a count ("The minister, 54, said"), never a name.
    if !phrase.chars().any(char::is_alphabetic) {
        return None;
    }
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let (&first, _) = words.split_first()?;
    if words.len() == 1 && is_pronoun(first) {
        return Some(Speaker::Pronoun(first.to_lowercase()));
    }
    // "the South Korean news agency Yonhap", "North Korea’s state news agency KCNA". A
    // capitalised descriptor that opens the phrase is a name's first word: "Network Rail".
    let named_by_descriptor = words.len() > 1
        && is_capitalized(first)
        && !is_acronym(first)
        && crate::ascii::with_lowercase(first, |w| OUTLET_WORDS.descriptor_ends.contains(w))
        && LEXICON.is_institution(phrase);
    if !named_by_descriptor && let Some(outlet) = whole_outlet(phrase) {
        return Some(Speaker::Outlet(outlet));
    }
    let head = *words.last()?;
    // A possessive modifies what follows it and cannot speak: "Russia’s claims that ...".
    if head.ends_with("\u{2019}s") || head.ends_with("'s") {
        return None;
    }
    if is_determiner(first) {
        let rest = &words[1..];
        if rest.is_empty() {
            return None;
        }
        let written = lowercase_first(phrase);
        if LEXICON.is_role(head) {
            return Some(Speaker::Unnamed(written));
        }
        let rest_text = rest.join(" ");
        if first.eq_ignore_ascii_case("the") && is_outlet_name(&rest_text) {
            return Some(Speaker::Outlet(rest_text));
        }
        if LEXICON.is_institution(&rest_text)
            || (first.eq_ignore_ascii_case("the") && name_like(rest))
        {
            return Some(Speaker::Institution(written));
        }
        // "The spokesperson Lin Jian", "the Chinese Foreign Ministry spokesperson Lin Jian": a
        // title before a name, after the article.
        if is_capitalized(head)
            && let Some(k) = rest.iter().rposition(|w| LEXICON.is_role(w))
            && k + 1 < rest.len()
            && name_like(&rest[k + 1..])
        {
            return Some(Speaker::Person {
                name: rest[k + 1..].join(" "),
                title: Some(rest[..=k].join(" ")),
            });
        }
        return None;
    }
    // A title or role word followed by a name: "President Vladimir Putin", "Kremlin spokesman
    // Dmitry Peskov". The name is what follows the last such word.
    // A possessive is part of a name, not a title: "Prof Marcus Hale of King's College".
    let last_role = words.iter().rposition(|w| {
        !(w.ends_with("'s") || w.ends_with("\u{2019}s")) && (LEXICON.is_role(w) || is_honorific(w))
    });
    if let Some(k) = last_role {
        let name = &words[k + 1..];
        if name.is_empty() {
            return (!is_honorific(head)).then(|| Speaker::Unnamed(phrase.to_string()));
        }
        // "Ukraine's General Staff": a body whose name holds a rank, not a person.
        if name.len() == 1 && LEXICON.is_institution(name[0]) {
            return Some(Speaker::Institution(phrase.to_string()));
        }
        if name_like(name) {
            let title: Vec<&str> = words[..=k]
                .iter()
                .copied()
                .filter(|w| !is_honorific(w))
                .collect();
            return Some(Speaker::Person {
                name: name.join(" "),
                title: (!title.is_empty()).then(|| title.join(" ")),
            });
        }
    }
    if LEXICON.is_institution(phrase) {
        return Some(Speaker::Institution(phrase.to_string()));
    }
    if name_like(&words) {
        if is_outlet_name(phrase) {
            return Some(Speaker::Outlet(phrase.to_string()));
        }
        return Some(Speaker::Person {
            name: phrase.to_string(),
            title: None,
        });
    }
    None
}

fn lowercase_first(phrase: &str) -> String {
    let mut chars = phrase.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Whether `words` read as a proper name: capitalized words with the small words of names between.
fn name_like(words: &[&str]) -> bool {
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    is_capitalized(first)
        && is_capitalized(last)
        && words.iter().enumerate().all(|(i, w)| {
            is_capitalized(w)
                || is_particle(w)
                || (*w == "the" && i > 0 && matches!(words[i - 1], "of" | "for"))
        })
}

/// Whether `name` (without "the" or quotation marks) is a news outlet: a listed name, or a name
/// ending in a head word such as "Times" or "News".
///
/// An "Agency" is an outlet only as a news or press agency ("the Korean Central News
/// Agency"): "the Environment Agency", "the European Space Agency" are public bodies.
pub fn is_outlet_name(name: &str) -> bool {
    let name = name.strip_prefix("The ").unwrap_or(name);
    let mut words = name.rsplit(' ');
    let head = words.next();
    let before_head = words.next();
    LEXICON.outlet_names.contains(name)
        || (before_head.is_some()
            && head.is_some_and(|head| LEXICON.outlet_heads.contains(head))
            && (head != Some("Agency") || matches!(before_head, Some("News" | "Press"))))
}

/// Where an appositive's organization starts (see [`split_role_org`]). Where every letter is
/// ASCII, `\p{Lu}` can only meet `[A-Z]`.
static PREP: Twin = Twin::new(|form| {
    let upper = match form {
        Form::Ascii | Form::AsciiWords => "[A-Z]",
        Form::Unicode => r"\p{Lu}",
    };
    format!(r"\s(at|with|for|from|of)\s+(the\s|{upper})")
});

/// The role and the organization of an appositive: "a North Korea expert at the Institute of Far
/// Eastern Studies" gives ("a North Korea expert", "the Institute of Far Eastern Studies"). The
/// organization starts at the first "at", "with", "for" or "from" before a name or "the", or "of"
/// before "the"; "professor of international studies" stays whole.
pub fn split_role_org(appositive: &str) -> (Option<String>, Option<String>) {
    let text = appositive.trim().trim_end_matches([',', '.', ';']);
    // An age before the role: "54, a former coach".
    if let Some((age, rest)) = text.split_once(',')
        && !age.is_empty()
        && age.trim().chars().all(|c| c.is_ascii_digit())
    {
        return split_role_org(rest);
    }
    // A relative clause after the role says what the person did, not what they are: "a market
    // trader in Chivay, who spent the night in the street" ends at its comma.
    let text = [", who ", ", which ", ", whose ", ", where "]
        .iter()
        .filter_map(|w| text.find(w))
        .min()
        .map_or(text, |at| &text[..at]);
    let first = text.split_whitespace().next().unwrap_or("");
    // A time or a circumstance is not a role: "54, after the final on 2 June".
    if LEXICON.is_adverbial(first) && !is_acronym(first) {
        return (None, None);
    }
    // A relative clause, a participle phrase ("speaking in Oslo", "published by X") or an age
    // ("34") is not a role.
    let lower = first.to_lowercase();
    let participle = lower.len() > 4 && (lower.ends_with("ing") || lower.ends_with("ed"));
    // Nor is a measure ("about 120 miles north of Edinburgh"), which says where, not who.
    if first.is_empty()
        || matches!(lower.as_str(), "who" | "which" | "whose" | "where" | "when")
        || matches!(
            lower.as_str(),
            "about" | "some" | "around" | "nearly" | "roughly" | "almost" | "approximately"
        )
        || participle
        || first.chars().all(|c| c.is_ascii_digit())
    {
        return (None, None);
    }
    for m in PREP.get(text).captures_iter(text) {
        let prep = m.get(1).expect("group 1 always takes part");
        let next = m.get(2).expect("group 2 always takes part");
        if prep.as_str() == "of" && next.as_str() != "the " {
            continue;
        }
        let role = text[..prep.start()].trim();
        let org = text[next.start()..].trim();
        return (non_empty(role), non_empty(org));
    }
    (non_empty(text), None)
}

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

/// A hearer after "told", "tells" or "to": its length in bytes, and the outlet when it is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hearer {
    pub len: usize,
    pub outlet: Option<String>,
}

/// The words an ASCII phrase holds when [`hearer`] reads all of it as an outlet without
/// quotation marks (see [`may_be_outlet`]).
struct OutletWords {
    /// The last word of each outlet descriptor, lowercase.
    descriptor_ends: rustc_hash::FxHashSet<String>,
    /// The last word of each outlet name and head, as written.
    name_ends: rustc_hash::FxHashSet<String>,
}

static OUTLET_WORDS: std::sync::LazyLock<OutletWords> = std::sync::LazyLock::new(|| {
    let last = |s: &String| s.split_whitespace().last().map(str::to_string);
    OutletWords {
        descriptor_ends: LEXICON.outlet_descriptors.iter().filter_map(last).collect(),
        name_ends: LEXICON
            .outlet_names
            .iter()
            .chain(&LEXICON.outlet_heads)
            .filter_map(last)
            .map(|w| w.trim_end_matches('.').to_string())
            .collect(),
    }
});

/// The outlet [`hearer`] reads the whole of `phrase` as, if it does. A hearer names an outlet
/// only in quotation marks or capitals, and as the whole phrase only with the words of
/// [`may_be_outlet`]: without them, it is not asked (a debug build asks anyway, and checks).
pub fn whole_outlet(phrase: &str) -> Option<String> {
    let may_name_outlet = phrase
        .contains(|c: char| c.is_uppercase() || matches!(c, '“' | '"' | '‘' | '\''))
        && may_be_outlet(phrase);
    if !may_name_outlet {
        if cfg!(debug_assertions) {
            assert!(
                hearer(phrase)
                    .filter(|h| h.len == phrase.len())
                    .and_then(|h| h.outlet)
                    .is_none(),
                "{phrase:?} names an outlet"
            );
        }
        return None;
    }
    hearer(phrase)
        .filter(|h| h.len == phrase.len())
        .and_then(|h| h.outlet)
}

/// Whether [`hearer`] may read all of `phrase` as an outlet; `false` only when it cannot. In an
/// ASCII phrase without quotation marks such an outlet is a name after a descriptor, whose
/// last word then stands between white space, or a name alone, which then ends in the last
/// word of an outlet name or head. Most phrases before a verb of speech are neither ("Dmitry
/// Peskov", "officials"), and the hearer pattern, asked of each, cost a fiftieth of extraction.
fn may_be_outlet(phrase: &str) -> bool {
    // A phrase the checks below cannot read is left to the pattern: non-ASCII text (its form
    // folds case by Unicode), quotation marks, and the vertical tab, white space to the
    // pattern but not to `split_ascii_whitespace`.
    if !phrase.is_ascii() || phrase.bytes().any(|b| matches!(b, b'"' | b'\'' | 0x0B)) {
        return true;
    }
    let words = &*OUTLET_WORDS;
    let mut buf = [0u8; 16];
    let mut last = "";
    for w in phrase.split_ascii_whitespace() {
        if crate::ascii::lowercase_on_stack(w, &mut buf)
            .is_some_and(|lower| words.descriptor_ends.contains(lower))
        {
            return true;
        }
        last = w;
    }
    words.name_ends.contains(last.trim_end_matches('.'))
}

/// The pattern of a hearer, in each form of [`HEARER`].
fn hearer_pattern(form: Form) -> String {
    let mut descriptors = LEXICON.outlet_descriptors.clone();
    // Longer descriptors first, so "state news agency" wins over "news agency".
    descriptors.sort_by_key(|d| std::cmp::Reverse(d.len()));
    let descriptors = descriptors
        .iter()
        .map(|d| regex::escape(d).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|");
    // The classes of each form; on the haystacks a form reads (see `Form`), each of its classes
    // meets exactly what the Unicode form's would.
    let (flags, upper, inner, word, open, quoted, close, lower) = match form {
        Form::Ascii => (
            "(?-u)",
            "[A-Z]",
            "[A-Za-z0-9'.&-]",
            "[A-Za-z'-]",
            "[\"']",
            // Every ASCII character but the quotes and a line break: on the ASCII text this
            // form reads, what `(?u:[^"'\n])` matches, at half the compile (the Unicode class,
            // repeated up to 80 times, was most of it).
            r"[\x00-\t\x0B-!#-&(-\x7F]",
            "[\"']",
            "[a-z]",
        ),
        Form::AsciiWords => (
            "",
            "[A-Z]",
            "[A-Za-z0-9’'.&-]",
            "[A-Za-z’'-]",
            "[“\"‘']",
            "[^”\"’'\n]",
            "[”\"’']",
            "[a-z]",
        ),
        Form::Unicode => (
            "",
            r"\p{Lu}",
            r"[\p{L}\p{M}\p{N}’'.&-]",
            r"[\p{L}’'-]",
            "[“\"‘']",
            "[^”\"’'\n]",
            "[”\"’']",
            r"\p{Ll}",
        ),
    };
    let name = format!(
        r"{upper}{inner}*(?:\s+(?:(?:of|for|and|de|del|la|le|al|van|von|der|du|da|di)\s+)*{upper}{inner}*)*"
    );
    // A descriptor is written as listed, in lowercase ("TV station" aside): capitalised, it
    // is a name's first word ("according to Network Rail").
    format!(
        r"{flags}^\s*(?:(?P<the>(?i:the))\s+|(?i:a|an)\s+)?(?:(?P<desc>(?:{word}+\s+){{0,3}}?(?:{descriptors}))\s+)?(?:{open}(?P<q>{quoted}{{1,80}}){close}|(?P<name>{name})|(?P<low>{lower}+))"
    )
}

/// A hearer at the start of a text: the article, a description of an outlet, and a quoted name,
/// a capitalised name or a lowercase word. Its Unicode letter classes made most of the cost of
/// compiling it (a fifteenth of a one-paragraph check), hence forms with ASCII letter classes
/// for text whose letters are all ASCII (see `Twin`).
static HEARER: Twin = Twin::new(hearer_pattern);

/// The hearer at the start of `s`: a quoted or listed outlet ("the “New York Times”", "the South
/// Korean news agency Yonhap", "Reuters"), or a person or audience ("Lee", "reporters", "him"),
/// which is a hearer but not an outlet.
pub fn hearer(s: &str) -> Option<Hearer> {
    let caps = HEARER.get(s).captures(s)?;
    let mut len = caps.get(0).map_or(0, |m| m.end());
    // "a news conference", "a joint press briefing": the pattern reads one lowercase word, and
    // the noun of the audience follows it, within two more words.
    if caps.name("low").is_some() {
        let mut at = len;
        for _ in 0..2 {
            let rest = &s[at..];
            let word = rest.trim_start();
            let end = word
                .find(|c: char| !c.is_ascii_lowercase())
                .unwrap_or(word.len());
            // A determiner or a pronoun opens the statement ("told him the meeting was off",
            // "told reporters the summit would go ahead"), never the audience's name.
            if word.len() == rest.len()
                || end == 0
                || is_determiner(&word[..end])
                || matches!(
                    &word[..end],
                    "his" | "her" | "their" | "its" | "our" | "this"
                )
            {
                break;
            }
            at += rest.len() - word.len() + end;
            if is_audience(&word[..end]) {
                len = at;
                break;
            }
        }
    }
    let described = caps.name("desc").is_some();
    let outlet = if let Some(q) = caps.name("q") {
        let q = q.as_str().trim();
        Some(q.strip_prefix("The ").unwrap_or(q).to_string())
    } else if let Some(name) = caps.name("name") {
        let name = name.as_str().trim_end_matches(['.', '’', '\'']);
        // A single head word is an outlet after "the" ("the Guardian", "the Economist").
        let the_head = caps.name("the").is_some() && LEXICON.outlet_heads.contains(name);
        (described || the_head || is_outlet_name(name)).then(|| name.to_string())
    } else if caps.name("low").is_some_and(|w| w.as_str() == "that") {
        // "told that ..." has no hearer; the statement starts at once.
        return None;
    } else {
        None
    };
    Some(Hearer { len, outlet })
}

word_list!(
    /// Nouns for an audience that end a hearer after a word before them ("a news conference").
    is_audience,
    [
        "conference", "conferences", "briefing", "briefings", "meeting", "rally", "audience",
        "gathering", "crowd", "summit", "hearing", "forum", "session", "committee", "panel",
        "reporters", "journalists", "correspondents", "lawmakers", "delegates", "supporters",
    ]
);

/// The phrase reader's patterns, for the table of prebuilt automata (`tier/automata.rs`).
#[cfg(test)]
pub(super) fn tiered_patterns() -> Vec<&'static crate::tier::Tiered> {
    twins().into_iter().flat_map(Twin::forms).collect()
}

/// The phrase reader's patterns of three forms (see [`Twin`]).
#[cfg(test)]
pub(crate) fn twins() -> Vec<&'static Twin> {
    vec![&PREP, &HEARER]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, title: Option<&str>) -> Option<Speaker> {
        Some(Speaker::Person {
            name: name.into(),
            title: title.map(Into::into),
        })
    }

    /// `may_be_outlet` turns a phrase away only when the pattern finds no outlet in all of it,
    /// and reads words up to 16 bytes: no descriptor may end in a longer one.
    #[test]
    fn outlet_prefilter_turns_away_only_non_outlets() {
        assert!(OUTLET_WORDS.descriptor_ends.iter().all(|w| w.len() <= 16));
        for phrase in [
            "the South Korean news agency Yonhap",
            "the state broadcaster NHK",
            "the Washington Post",
            "Reuters",
            "the Guardian.",
            "the \"Times\"",
            "the Russian state news agency TASS",
            "the wire\x0bservice AP",
        ] {
            let whole = hearer(phrase).filter(|h| h.len == phrase.len());
            assert!(whole.and_then(|h| h.outlet).is_some(), "{phrase:?}");
            assert!(may_be_outlet(phrase), "{phrase:?}");
        }
        for phrase in [
            "Dmitry Peskov",
            "officials",
            "Kremlin spokesman Dmitry Peskov",
            "the Post office workers",
        ] {
            assert!(!may_be_outlet(phrase), "{phrase:?}");
            let whole = hearer(phrase).filter(|h| h.len == phrase.len());
            assert!(whole.and_then(|h| h.outlet).is_none(), "{phrase:?}");
        }
        // A descriptor written capitalised is a name's first word, not a description.
        for phrase in ["Network Rail", "the Press Association"] {
            let whole = hearer(phrase).filter(|h| h.len == phrase.len());
            assert_eq!(
                whole.and_then(|h| h.outlet).as_deref(),
                (phrase != "Network Rail").then_some("Press Association"),
                "{phrase:?}"
            );
        }
    }

    #[test]
    fn classifies_speakers() {
        assert_eq!(classify("Lee Byong-chul"), person("Lee Byong-chul", None));
        assert_eq!(
            classify("Kremlin spokesman Dmitry Peskov"),
            person("Dmitry Peskov", Some("Kremlin spokesman"))
        );
        assert_eq!(classify("Dr Anna Berg"), person("Anna Berg", None));
        assert_eq!(
            classify("The White House"),
            Some(Speaker::Institution("the White House".into()))
        );
        assert_eq!(
            classify("the ministry"),
            Some(Speaker::Institution("the ministry".into()))
        );
        assert_eq!(
            classify("an expert"),
            Some(Speaker::Unnamed("an expert".into()))
        );
        assert_eq!(
            classify("Arctic policy analysts"),
            Some(Speaker::Unnamed("Arctic policy analysts".into()))
        );
        assert_eq!(classify("Reuters"), Some(Speaker::Outlet("Reuters".into())));
        assert_eq!(classify("she"), Some(Speaker::Pronoun("she".into())));
        assert_eq!(classify("the deal"), None);
        assert_eq!(classify("54"), None);
    }

    #[test]
    fn splits_appositives() {
        assert_eq!(
            split_role_org("a trade expert at the Centre for Port Studies at Halden College"),
            (
                Some("a trade expert".into()),
                Some("the Centre for Port Studies at Halden College".into())
            )
        );
        assert_eq!(
            split_role_org("lecturer in marine biology at Tromsø University"),
            (
                Some("lecturer in marine biology".into()),
                Some("Tromsø University".into())
            )
        );
        assert_eq!(split_role_org("who runs the port"), (None, None));
        assert_eq!(split_role_org("speaking in Oslo"), (None, None));
        assert_eq!(split_role_org("54"), (None, None));
        assert_eq!(
            split_role_org("54, after the final on 2 June"),
            (None, None)
        );
        assert_eq!(
            split_role_org("61, a retired judge"),
            (Some("a retired judge".into()), None)
        );
    }

    #[test]
    fn finds_outlets() {
        let outlet = |s: &str| hearer(s).and_then(|h| h.outlet);
        assert_eq!(
            outlet(" the \u{201c}Daily Planet\u{201d} : x"),
            Some("Daily Planet".into())
        );
        assert_eq!(
            outlet(" the Washington Post that"),
            Some("Washington Post".into())
        );
        assert_eq!(
            outlet(" the Norwegian news agency NTB, x"),
            Some("NTB".into())
        );
        assert_eq!(outlet(" Reuters on Monday"), Some("Reuters".into()));
        assert_eq!(outlet(" reporters that"), None);
        assert_eq!(outlet(" the Guardian: x"), Some("Guardian".into()));
        assert!(hearer(" reporters that").is_some());
    }
}
