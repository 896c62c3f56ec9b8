//! The word lists attribution extraction reads, loaded once from the data files beside this one.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use crate::ascii::{Shapes, with_lowercase};

/// What must follow a speaking verb when the speaker comes before it; see `cue_verbs.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueClass {
    /// A bare clause may follow: "said the talks failed".
    Clause,
    /// "that", a colon or a quotation must follow: "confirmed that ...".
    That,
    /// A hearer comes first: "told Reuters ...".
    Object,
}

/// Every list, lowercased where the lists are compared without case.
pub struct Lexicon {
    pub cues: HashMap<String, CueClass>,
    /// The first letters, lengths and last letters of the cues.
    cue_shapes: Shapes,
    pub outlet_names: HashSet<String>,
    pub outlet_heads: HashSet<String>,
    pub outlet_descriptors: Vec<String>,
    pub institutions: HashSet<String>,
    pub roles: HashSet<String>,
    pub adverbials: HashSet<String>,
}

/// The lexicon, parsed on first use.
pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let cues = parse_cues(include_str!("cue_verbs.txt"));
    let cue_shapes = Shapes::of(cues.keys().map(String::as_str));
    Lexicon {
        cues,
        cue_shapes,
        outlet_names: lines(include_str!("outlet_names.txt"))
            .map(str::to_string)
            .collect(),
        outlet_heads: lines(include_str!("outlet_heads.txt"))
            .map(str::to_string)
            .collect(),
        outlet_descriptors: lines(include_str!("outlet_descriptors.txt"))
            .map(str::to_lowercase)
            .collect(),
        institutions: lowercase_set(include_str!("institutions.txt")),
        roles: lowercase_set(include_str!("roles.txt")),
        adverbials: lowercase_set(include_str!("adverbials.txt")),
    }
});

impl Lexicon {
    /// The class of `word` when it is a speaking verb.
    #[inline]
    pub fn cue(&self, word: &str) -> Option<CueClass> {
        // Every word of every unit is looked up here. Most are no verb of speech, which the
        // table of shapes says at once for an ASCII word, in the caller's own code.
        if !self.cue_shapes.may_hold(word) {
            return None;
        }
        self.cue_of(word)
    }

    /// Whether `word` may be a speaking verb: `false` settles it, `true` asks [`Lexicon::cue`].
    #[inline]
    pub fn may_be_cue(&self, word: &str) -> bool {
        self.cue_shapes.may_hold(word)
    }

    #[inline(never)]
    fn cue_of(&self, word: &str) -> Option<CueClass> {
        with_lowercase(word, |lower| self.cues.get(lower).copied())
    }

    /// Whether `word` names what a speaker is ("expert", "spokesman", "Gen.").
    pub fn is_role(&self, word: &str) -> bool {
        with_normalised(word, |lower| self.roles.contains(lower))
    }

    /// Whether `phrase` (a whole name or its last word) is an institution.
    pub fn is_institution(&self, phrase: &str) -> bool {
        with_normalised(phrase, |lower| {
            self.institutions.contains(lower)
                || lower
                    .rsplit(' ')
                    .next()
                    .is_some_and(|head| self.institutions.contains(head))
        })
    }

    /// Whether `word` opens a lead-in or a time phrase.
    pub fn is_adverbial(&self, word: &str) -> bool {
        with_lowercase(word, |lower| self.adverbials.contains(lower))
    }
}

/// `f` of `word` lowercased without a possessive ending and a trailing point, so "Gen." matches
/// "gen" and "ministry's" matches "ministry"; without a new string for a short ASCII word.
pub fn with_normalised<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    with_lowercase(word, |lower| {
        let lower = lower.trim_end_matches('.');
        f(lower
            .strip_suffix("\u{2019}s")
            .or_else(|| lower.strip_suffix("'s"))
            .unwrap_or(lower))
    })
}

fn lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn lowercase_set(data: &str) -> HashSet<String> {
    lines(data).map(str::to_lowercase).collect()
}

fn parse_cues(data: &str) -> HashMap<String, CueClass> {
    let mut cues = HashMap::default();
    for line in lines(data) {
        let Some((class, forms)) = line.split_once(':') else {
            continue;
        };
        let class = match class.trim() {
            "that" => CueClass::That,
            "object" => CueClass::Object,
            _ => CueClass::Clause,
        };
        for form in forms.split_whitespace() {
            cues.insert(form.to_lowercase(), class);
        }
    }
    cues
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quick table of first letters and lengths turns away no cue, in any case.
    #[test]
    fn every_cue_passes_the_shape_table() {
        for (key, class) in &LEXICON.cues {
            let mut capital = key.clone();
            capital[..1].make_ascii_uppercase();
            for word in [key.clone(), capital, key.to_ascii_uppercase()] {
                assert_eq!(LEXICON.cue(&word), Some(*class), "{word:?}");
            }
        }
        assert_eq!(LEXICON.cue("the"), None);
    }

    #[test]
    fn lists_load() {
        assert_eq!(LEXICON.cue("Tells"), Some(CueClass::Object));
        assert_eq!(LEXICON.cue("warning"), Some(CueClass::That));
        assert!(LEXICON.is_role("Gen."));
        assert!(LEXICON.is_institution("Russia\u{2019}s foreign ministry"));
        assert!(LEXICON.outlet_names.contains("Yonhap"));
    }
}
