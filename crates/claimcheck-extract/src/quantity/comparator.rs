//! The words before a number that say how it bounds the truth: "less than", "about", "within".

use std::sync::LazyLock;

use claimcheck_core::Comparator;
use regex::Regex;

use super::units::floor_char_boundary;

/// What a comparator phrase said, and where it began.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Stated {
    pub comparator: Comparator,
    pub start: usize,
    /// "between" or "from", which open a range.
    pub range_opener: bool,
}

/// Comparator phrases, ending where the number begins. An optional "only", "just" or "still"
/// before a phrase adds nothing to its meaning.
static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        (?:\b(?:only|just|merely|still|now)\s+)?
        (?:
            (?P<lt>\b(?:(?:just|slightly|a\ little|well|far)\s+)?(?:less|fewer|lower|shorter)\s+than|\b(?:just\ |well\ )?(?:under|below)|<)
          | (?P<le>\b(?:no|not)\s+(?:more|further|farther)\s+than|\bat\s+(?:the\ )?most|\bup\s+to|\bwithin|≤|<=)
          | (?P<gt>\b(?:(?:just|slightly|a\ little|well|far)\s+)?(?:more|greater|higher|longer|further|farther)\s+than|\b(?:just\ |well\ )?(?:over|above|exceeding|in\ excess\ of)|>)
          | (?P<ge>\b(?:at\s+least|no\s+(?:less|fewer)\s+than|not\s+less\s+than|a\s+minimum\s+of)|≥|>=)
          | (?P<approx>\b(?:about|roughly|some|around|nearly|approximately|almost|close\s+to|circa|an\s+estimated|estimated|approx\.?|more\s+or\s+less|a\s+mere)|~|≈|\bc\.)
          | (?P<eq>\b(?:exactly|precisely|fully))
          | (?P<between>\b(?:between|from))
        )
        \s*\$?\s*$",
    )
    .expect("the comparator pattern is valid")
});

/// The comparator stated just before byte `start` of `text`, if any.
pub(crate) fn stated_before(text: &str, start: usize) -> Option<Stated> {
    let from = floor_char_boundary(text, start.saturating_sub(48));
    let window = &text[from..start];
    let caps = BEFORE.captures(window)?;
    let whole = caps.get(0)?;
    let (comparator, _) = [
        (Comparator::Lt, "lt"),
        (Comparator::Le, "le"),
        (Comparator::Gt, "gt"),
        (Comparator::Ge, "ge"),
        (Comparator::Approx, "approx"),
        (Comparator::Eq, "eq"),
        (Comparator::Between, "between"),
    ]
    .into_iter()
    .find(|(_, name)| caps.name(name).is_some())?;
    Some(Stated {
        comparator,
        start: from + whole.start(),
        range_opener: comparator == Comparator::Between,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Option<(Comparator, &str)>) {
        let got = stated_before(text, text.len()).map(|s| (s.comparator, &text[s.start..]));
        assert_eq!(got, expected, "{text:?}");
    }

    #[test]
    fn reads_comparators() {
        for (text, expected) in [
            ("which is less than ", Some((Comparator::Lt, "less than "))),
            ("only about ", Some((Comparator::Approx, "only about "))),
            ("roughly ", Some((Comparator::Approx, "roughly "))),
            ("no more than ", Some((Comparator::Le, "no more than "))),
            ("within ", Some((Comparator::Le, "within "))),
            ("at least ", Some((Comparator::Ge, "at least "))),
            ("just over ", Some((Comparator::Gt, "just over "))),
            ("it cost over $", Some((Comparator::Gt, "over $"))),
            ("between ", Some((Comparator::Between, "between "))),
            ("exactly ", Some((Comparator::Eq, "exactly "))),
            ("handsome ", None),
            ("is ", None),
        ] {
            check(text, expected);
        }
    }
}
