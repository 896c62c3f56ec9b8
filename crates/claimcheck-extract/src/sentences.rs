//! Sentence boundaries in news text.
//!
//! A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets after it) followed by
//! white space and a capital, a digit or an opening quote, unless the word before the point is
//! an abbreviation or an initial. A line break ends a sentence too: plain-text articles put a
//! paragraph on each line, and the Markdown and HTML readers end blocks with blank lines.

use crate::ascii::{with_lowercase, word_list};
use claimcheck_core::Span;

word_list!(
    /// Abbreviations after which a point does not end a sentence.
    is_abbreviation,
    [
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt",
        "st", "jr", "sr", "mt", "ft", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb",
        "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n",
        "e.g", "i.e", "approx", "est", "dept", "univ", "assn", "bros", "ave", "blvd", "rd",
    ]
);

/// The longest sentence read as one: a longer run of text with no sentence end (a table, a
/// list, a transcript without points) is read in pieces of at most this many bytes, cut at a
/// space. Every extractor reads around each candidate within its sentence, so one sentence of a
/// whole text made each reading as long as the text: 400 KB of numbers with no point in it took
/// 5.6 s against 0.42 s for 100 KB. News sentences are a few hundred bytes; the longest in the
/// bench text is far below this.
pub const LONGEST_SENTENCE: usize = 2_000;

/// The part of `sentence` within `reach` bytes of `span` on either side, at character
/// boundaries, and always all of `span`: what a reader looks at around a candidate, so that a
/// very long "sentence" (a text without full stops) is not read whole for every candidate in it.
pub(crate) fn window(text: &str, sentence: Span, span: Span, reach: usize) -> Span {
    let mut from = span.start.saturating_sub(reach).max(sentence.start);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (span.end + reach)
        .min(sentence.end.max(span.end))
        .min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    Span::new(from, to.max(span.end))
}

/// The index of the first of `sentences` that does not end at or before `pos` (an empty one
/// counting as a byte long), which is `sentences.partition_point(..)` of that, found by walking
/// from `from`, the index found for an earlier position. Callers ask about the claims of a text
/// in order, and a binary search over a long text's sentences for each claim was 1% of
/// extracting it, most of that waiting on memory. Asked about an earlier position, it searches
/// as before, and gives the same index.
pub(crate) fn first_not_ending_by(sentences: &[Span], pos: usize, from: usize) -> usize {
    let ends_by = |s: &Span| s.end.max(s.start + 1) <= pos;
    let mut i = from.min(sentences.len());
    if i > 0 && !ends_by(&sentences[i - 1]) {
        return sentences.partition_point(ends_by);
    }
    while sentences.get(i).is_some_and(ends_by) {
        i += 1;
    }
    i
}

/// The sentences of `text`, as trimmed spans, in order.
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    // Only line breaks and the three marks matter; memchr finds the next of each.
    let find_break =
        |from: usize| memchr::memchr(b'\n', &bytes[from..]).map_or(bytes.len(), |k| from + k);
    let find_mark = |from: usize| {
        memchr::memchr3(b'.', b'!', b'?', &bytes[from..]).map_or(bytes.len(), |k| from + k)
    };
    let (mut next_break, mut next_mark) = (find_break(0), find_mark(0));
    while i < bytes.len() {
        if next_break < i {
            next_break = find_break(i);
        }
        if next_mark < i {
            next_mark = find_mark(i);
        }
        i = next_break.min(next_mark);
        if i >= bytes.len() {
            break;
        }
        let b = bytes[i];
        if b == b'\n' {
            push_trimmed(text, start, i, &mut out);
            start = i + 1;
        } else if matches!(b, b'.' | b'!' | b'?') {
            let mut end = i + 1;
            while end < text.len() {
                let c = text[end..].chars().next().unwrap_or(' ');
                if matches!(c, '"' | '\'' | '\u{201d}' | '\u{2019}' | ')' | ']') {
                    end += c.len_utf8();
                } else {
                    break;
                }
            }
            if ends_sentence(text, start, i, end) {
                push_trimmed(text, start, end, &mut out);
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn ends_sentence(text: &str, start: usize, point: usize, end: usize) -> bool {
    let rest = &text[end..];
    let after_space = rest.trim_start_matches([' ', '\t']);
    if after_space.len() == rest.len() && !rest.is_empty() && !rest.starts_with('\n') {
        return false;
    }
    let next = after_space.chars().next();
    let starts_new = match next {
        None | Some('\n') => true,
        Some(c) => {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(c, '"' | '\u{201c}' | '\'' | '\u{2018}' | '(' | '[')
        }
    };
    if !starts_new || text.as_bytes()[point] != b'.' {
        return starts_new;
    }
    let word = text[start..point]
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    let is_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    !(is_initial || with_lowercase(word, is_abbreviation) || time_goes_on(word, after_space))
}

/// Whether a clock time's "a.m." or "p.m." goes on into a day or a time zone ("until 6 p.m.
/// Saturday", "at 9 a.m. ET") rather than ending the sentence ("... at 6 p.m. The next day").
fn time_goes_on(word: &str, after: &str) -> bool {
    const DAYS_AND_ZONES: &[&str] = &[
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "ET",
        "EST",
        "EDT",
        "CT",
        "CST",
        "CDT",
        "MT",
        "PT",
        "PST",
        "PDT",
        "GMT",
        "BST",
        "UTC",
        "CET",
        "CEST",
        "local",
    ];
    if !matches!(word, "a.m" | "p.m" | "A.M" | "P.M") {
        return false;
    }
    let next = after
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    // Not a day's possessive, which opens a sentence: "... at 3 a.m. Sunday's service was
    // cancelled".
    DAYS_AND_ZONES.contains(&next) && !after[next.len()..].starts_with(['\'', '\u{2019}'])
}

/// Pushes the sentence `start..end` trimmed, in pieces of at most [`LONGEST_SENTENCE`] bytes.
/// A paragraph's dateline ("WASHINGTON —", "KYIV, Ukraine (Reuters) -") says where the story
/// was filed and is left out of its first sentence.
fn push_trimmed(text: &str, mut start: usize, end: usize, out: &mut Vec<Span>) {
    if start == 0 || text.as_bytes()[start - 1] == b'\n' {
        start += dateline_len(&text[start..end]);
    }
    while end - start > LONGEST_SENTENCE {
        // The last white space within the limit, else the last character boundary.
        let mut cut = start + LONGEST_SENTENCE;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        if let Some(k) = text[start..cut]
            .rfind(char::is_whitespace)
            .filter(|&k| k > 0)
        {
            cut = start + k;
        }
        push_piece(text, start, cut, out);
        start = cut;
    }
    push_piece(text, start, end, out);
}

/// The length of the dateline that opens `line`, with the dash and the white space after it;
/// 0 where there is none. A dateline is a place in capitals ("NEW YORK", "ST. LOUIS"),
/// perhaps a comma and a state or country ("KYIV, Ukraine"), perhaps an agency in brackets,
/// then a dash between spaces.
fn dateline_len(line: &str) -> usize {
    let lead = line.len() - line.trim_start().len();
    let b = line.as_bytes();
    // A hyphen only inside a name ("WILKES-BARRE"): the dash after it is read below.
    let mut caps_end = lead;
    while let Some(&c) = b.get(caps_end) {
        let joins = c == b'-' && b.get(caps_end + 1).is_some_and(u8::is_ascii_uppercase);
        if c.is_ascii_uppercase() || matches!(c, b' ' | b'.' | b'\'') || joins {
            caps_end += 1;
        } else {
            break;
        }
    }
    let letters = b[lead..caps_end]
        .iter()
        .filter(|c| c.is_ascii_uppercase())
        .count();
    // The capitals must end at a word's end ("NEW YORK", not the "NEW Y" of "NEW York").
    if letters < 3 || b.get(caps_end).is_some_and(u8::is_ascii_alphabetic) {
        return 0;
    }
    let mut k = caps_end;
    let rest = |k: usize| &line[k.min(line.len())..];
    // ", Ukraine", ", D.C.": a short run after a comma.
    if rest(k).starts_with(',') {
        let tail = rest(k + 1);
        let tail = &tail[..tail.floor_char_boundary(32)];
        let mark = tail.find(['(', '\u{2014}', '\u{2013}', ',', '\n']);
        let hyphen = tail.find(" -");
        let Some(run) = [mark, hyphen].into_iter().flatten().min() else {
            return 0;
        };
        k += 1 + run;
    }
    if rest(k).trim_start().starts_with('(') {
        let open = k + rest(k).len() - rest(k).trim_start().len();
        match rest(open).find(')').filter(|&n| n <= 30) {
            Some(n) => k = open + n + 1,
            None => return 0,
        }
    }
    let after = rest(k).trim_start_matches(' ');
    let dash = ["\u{2014}", "\u{2013}", "--", "-"]
        .iter()
        .find(|d| after.starts_with(**d))
        .map(|d| d.len());
    let Some(dash) = dash else {
        return 0;
    };
    // The dash stands between spaces (after the capitals' own trailing space, if any).
    let spaced_before = after.len() < rest(k).len() || b[k - 1] == b' ';
    let body = &after[dash..];
    let spaced_after = body.starts_with(' ');
    // The story opens with a capital after the dash; "NATO — which has 32 members — said" is
    // a sentence with a dash of its own.
    let opens = body.trim_start().starts_with(|c: char| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\'' | '\u{201c}' | '\u{2018}')
    });
    if !spaced_before || !spaced_after || !opens || k > 60 {
        return 0;
    }
    line.len() - body.trim_start().len()
}

fn push_piece(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(Span::new(start + lead, end - trail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let got: Vec<&str> = sentences(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(got, expected);
    }

    /// "p.m." before a day or a time zone goes on; before a sentence's words it ends one.
    #[test]
    fn a_clock_time_goes_on_into_its_day() {
        check(
            "Pickets stay until 6 p.m. Saturday, union leaders said. Polls close at 8 p.m. ET on Tuesday.",
            &[
                "Pickets stay until 6 p.m. Saturday, union leaders said.",
                "Polls close at 8 p.m. ET on Tuesday.",
            ],
        );
        check(
            "They left at 6 p.m. The next day it rained.",
            &["They left at 6 p.m.", "The next day it rained."],
        );
    }

    #[test]
    fn a_dateline_is_not_part_of_the_first_sentence() {
        check(
            "WASHINGTON \u{2014} Talks failed. NEW YORK \u{2014} Not here.\nKYIV, Ukraine (Reuters) - Shelling went on.\nST. LOUIS -- Rain fell.\nKYIV, Ukraine - Drones struck, officials said.",
            &[
                "Talks failed.",
                "NEW YORK \u{2014} Not here.",
                "Shelling went on.",
                "Rain fell.",
                "Drones struck, officials said.",
            ],
        );
        for line in [
            "NATO-led forces moved.",
            "US \u{2014} and allies \u{2014} agreed.",
            "The BBC \u{2014} in a report \u{2014} said so.",
            "NEW York - rain.",
            "LONDON\u{2014}rain fell.",
            "NATO \u{2014} which has 32 members \u{2014} said no.",
        ] {
            check(line, &[line]);
        }
    }

    /// The walk gives the binary search's index for every position, asked in order, in
    /// reverse and at random, from every starting index, on sentences with gaps, empty ones
    /// and one at the very end.
    #[test]
    fn walks_to_the_index_the_binary_search_gives() {
        let text = "One two.  Three four five.\n\nSix.\u{a0}Seven eight. Nine";
        let mut sentences = sentences(text);
        sentences.insert(2, Span::new(28, 28));
        sentences.push(Span::new(text.len(), text.len()));
        let expected = |pos: usize| sentences.partition_point(|s| s.end.max(s.start + 1) <= pos);
        let mut asked = 0;
        let positions: Vec<usize> = (0..=text.len() + 1).collect();
        let mut shuffled = positions.clone();
        let mut seed = 11u64;
        for k in (1..shuffled.len()).rev() {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
            shuffled.swap(k, (seed >> 33) as usize % (k + 1));
        }
        for order in [
            positions.clone(),
            positions.iter().rev().copied().collect(),
            shuffled,
        ] {
            let mut at = 0;
            for &pos in &order {
                at = first_not_ending_by(&sentences, pos, at);
                assert_eq!(at, expected(pos), "at {pos}");
                for from in 0..=sentences.len() + 1 {
                    assert_eq!(first_not_ending_by(&sentences, pos, from), expected(pos));
                    asked += 1;
                }
            }
        }
        assert!(asked > 3 * text.len() * sentences.len());
    }

    #[test]
    fn splits_news_sentences() {
        check(
            "Dr. Kim met Mr. J. Smith on Sept. 11. \u{201c}It went well,\u{201d} he said. Next?\nYes.",
            &[
                "Dr. Kim met Mr. J. Smith on Sept. 11.",
                "\u{201c}It went well,\u{201d} he said.",
                "Next?",
                "Yes.",
            ],
        );
        check(
            "The U.S. Army said so. It was 3.5 km away.",
            &["The U.S. Army said so.", "It was 3.5 km away."],
        );
    }

    #[test]
    fn a_run_without_sentence_ends_is_read_in_pieces_cut_at_spaces() {
        let text = "12 km and 7% in 1999 ".repeat(400);
        let got = sentences(&text);
        assert!(got.len() > 3, "{} pieces", got.len());
        for s in &got {
            assert!(s.len() <= LONGEST_SENTENCE, "a piece of {} bytes", s.len());
            // Cut between words: white space (or the text's edge) on both sides of each piece.
            assert!(text[..s.start].is_empty() || text[..s.start].ends_with(' '));
            assert!(text[s.end..].is_empty() || text[s.end..].starts_with(' '));
        }
        let covered: usize = got.iter().map(|s| s.len()).sum();
        assert_eq!(covered + got.len() - 1, text.trim_end().len());
        // A piece with no white space is cut at a character boundary.
        let word = "é".repeat(LONGEST_SENTENCE);
        let got = sentences(&word);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].len() + got[1].len(), word.len());
    }
}
