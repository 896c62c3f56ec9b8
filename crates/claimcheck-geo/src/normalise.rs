//! Name keys: case- and diacritics-insensitive forms of place and country names.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use crate::GeoError;

const FOLD_TSV: &str = include_str!("../../../corpora/geo/fold.tsv");

/// Letters with diacritics (and apostrophes) mapped to lowercase ASCII. The table is generated
/// by `corpora/geo/build.py` with the same rules it used for the name index, so a name folds
/// to the same key on both sides.
struct Fold {
    /// The entries for ASCII characters, by code, so that most characters are looked up
    /// without hashing: keys are made for every capitalised phrase of every article.
    ascii: [Option<&'static str>; 128],
    other: HashMap<char, &'static str>,
}

impl Fold {
    fn get(&self, c: char) -> Option<&'static str> {
        match self.ascii.get(c as usize) {
            Some(entry) => *entry,
            None => self.other.get(&c).copied(),
        }
    }
}

fn fold() -> &'static Fold {
    static FOLD: OnceLock<Fold> = OnceLock::new();
    FOLD.get_or_init(|| {
        let other = parse_fold(FOLD_TSV).expect("fold.tsv is generated and hash-checked");
        let mut ascii = [None; 128];
        for (i, entry) in ascii.iter_mut().enumerate() {
            *entry = other.get(&char::from(i as u8)).copied();
        }
        Fold { ascii, other }
    })
}

pub(crate) fn parse_fold(text: &'static str) -> Result<HashMap<char, &'static str>, GeoError> {
    let mut lines = text.lines();
    crate::check_header(lines.next(), "fold.tsv", "claimcheck-geo-fold")?;
    let mut table = HashMap::with_capacity_and_hasher(text.len() / 8, Default::default());
    for (n, line) in lines.enumerate() {
        let bad = |reason: &str| GeoError::Line {
            file: "fold.tsv",
            line: n + 2,
            reason: reason.to_string(),
        };
        let (c, folded) = line.split_once('\t').ok_or_else(|| bad("no tab"))?;
        let mut chars = c.chars();
        let (Some(ch), None) = (chars.next(), chars.next()) else {
            return Err(bad("the first column is not one character"));
        };
        table.insert(ch, folded);
    }
    Ok(table)
}

/// The key a name is looked up by: letters folded to lowercase ASCII where they have an ASCII
/// base ("Genève" -> "geneve", "Łódź" -> "lodz"), apostrophes dropped ("N'Djamena" ->
/// "ndjamena"), any other punctuation a space, and one space between words.
pub fn normalise(name: &str) -> String {
    let table = fold();
    let mut out = String::with_capacity(name.len());
    if name.is_ascii() {
        // Byte by byte: most names and every key looked up from an ASCII article.
        for b in name.bytes() {
            if let Some(f) = table.ascii[usize::from(b)] {
                out.push_str(f);
            } else if b.is_ascii_alphanumeric() {
                out.push(char::from(b.to_ascii_lowercase()));
            } else {
                out.push(' ');
            }
        }
        return tidy(out);
    }
    for c in name.chars() {
        if let Some(f) = table.get(c) {
            out.push_str(f);
        } else if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !c.is_ascii() && c.is_alphanumeric() {
            // Letters of other scripts stay: they can never match an (ASCII) index key, which
            // is right, rather than vanishing and letting the rest of the name match.
            out.extend(c.to_lowercase());
        } else {
            out.push(' ');
        }
    }
    tidy(out)
}

/// `out` with one space between words and none around them.
fn tidy(out: String) -> String {
    // Most keys already have single spaces between words only.
    let spaced_once = !out.starts_with(' ')
        && !out.ends_with(' ')
        && !out.contains("  ")
        && out.chars().all(|c| c == ' ' || !c.is_whitespace());
    if spaced_once {
        return out;
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_diacritics_and_punctuation() {
        for (input, expected) in [
            ("Genève", "geneve"),
            ("  GENEVA ", "geneva"),
            ("Łódź", "lodz"),
            ("N'Djamena", "ndjamena"),
            ("São Tomé", "sao tome"),
            ("Baden-Baden", "baden baden"),
            ("St. Petersburg", "st petersburg"),
            ("Straße", "strasse"),
            ("Москва", "москва"),
        ] {
            assert_eq!(normalise(input), expected, "{input}");
        }
    }
}
