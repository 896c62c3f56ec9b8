//! Text to claims: dates, distances, attributions and quantities.
//!
//! Extraction is pure: it reads the plain text of a document and the options passed in, never a
//! file, a clock or the environment, so the same text and publication date give the same claims.

mod ascii;
mod attribution;
mod date;
mod distance;
mod event;
mod lanes;
mod nearby;
mod number;
mod quantity;
pub mod sentences;
#[cfg(test)]
mod testing;
mod tier;

use claimcheck_core::{Claim, ClaimKind, Details};

use nearby::Nearby;

pub use attribution::extract_attributions;
pub use date::extract_dates;
pub use distance::extract_distances;
pub use quantity::extract_quantities;

/// What extraction needs besides the text.
#[derive(Debug, Clone, Default)]
pub struct ExtractOptions {
    /// The publication date, the anchor of dates written without a year.
    pub published: Option<jiff::civil::Date>,
}

/// Every claim in `text`, in document order, with ids `c1`, `c2`, ...
///
/// A quantity inside a distance claim is part of that claim, not a claim of its own.
pub fn extract(text: &str, options: &ExtractOptions) -> Vec<Claim> {
    extract_many(&[(text, options)])
        .pop()
        .expect("one text gives one list")
}

/// [`extract`] of each text, in order: each step of the extraction taken for every text before
/// the next step, so that a batch of short articles keeps one step's code and tables in the
/// caches across several articles rather than running the whole extractor through them for
/// each. The claims are the same as [`extract`]'s for each text alone.
pub fn extract_many(texts: &[(&str, &ExtractOptions)]) -> Vec<Vec<Claim>> {
    extract_many_into(texts, |claim| claim)
}

/// [`extract_many`], each claim handed to `wrap` as the readers' lists are merged into document
/// order, and what it gives kept in its place: a caller that wants each claim in a larger value
/// (a report's finding) gets that list without a second list of every claim. A 10 MB text has
/// 130,000 claims, 10 MB of them.
pub fn extract_many_into<T>(
    texts: &[(&str, &ExtractOptions)],
    mut wrap: impl FnMut(Claim) -> T,
) -> Vec<Vec<T>> {
    tier::given(texts.iter().map(|(text, _)| text.len()).sum());
    // Each step reads one text at a time, with that text's length told to the patterns (see
    // `tier::reading`).
    fn each<'t, T>(
        texts: &[(&'t str, &ExtractOptions)],
        mut step: impl FnMut(usize, &'t str) -> T,
    ) -> Vec<T> {
        texts
            .iter()
            .enumerate()
            .map(|(k, &(text, _))| {
                let _reading = tier::reading(text.len());
                step(k, text)
            })
            .collect()
    }
    let sentences = each(texts, |_, text| sentences::sentences(text));
    // The date, event and proportion patterns read a copy with ASCII letters lowercased (see
    // `dates_in`).
    let lowers = each(texts, |_, text| text.to_ascii_lowercase());
    let triggers = each(texts, |k, text| date::triggers(text, &lowers[k]));
    let mut claims = date::dates_in_many(
        &texts
            .iter()
            .enumerate()
            .map(|(k, &(text, options))| {
                (
                    text,
                    &triggers[k],
                    sentences[k].as_slice(),
                    options.published,
                )
            })
            .collect::<Vec<_>>(),
    );
    // The attribution reader's cues are found in the date reader's pass over the text.
    // Each reads the next text's trigger lists ahead (see `Triggers::prefetch_places`).
    let read_ahead = |k: usize| {
        if let Some(next) = triggers.get(k + 1) {
            next.prefetch_places();
        }
    };
    let cues = each(texts, |k, _| {
        read_ahead(k);
        attribution::cue_places(&triggers[k])
    });
    // A date tied to an event keeps the event's words and how the date relates to it.
    each(texts, |k, text| {
        let mut sentence = 0;
        for claim in &mut claims[k] {
            sentence = sentences::first_not_ending_by(&sentences[k], claim.span.start, sentence);
            if let Details::Date(d) = &mut *claim.details
                && let Some((event, relation)) =
                    event::event_in(text, &lowers[k], &sentences[k], sentence, claim.span)
            {
                d.event = Some(event);
                d.relation = Some(relation);
            }
        }
    });
    let mut proportions = each(texts, |k, text| {
        read_ahead(k);
        quantity::proportions_with(text, &triggers[k])
    });
    drop(triggers);
    drop(lowers);
    let mut measures = each(texts, |_, text| quantity::measures(text));
    let mut distances = each(texts, |k, text| {
        distance::distances_from(text, &sentences[k], &measures[k])
    });
    let mut quantities = each(texts, |k, text| {
        // Each quantity is compared with the claims near it only (see `nearby`).
        let distance_spans = Nearby::of(distances[k].iter().map(|d| d.span));
        let date_spans = Nearby::of(claims[k].iter().map(|d| d.span));
        quantity::quantities_from(
            text,
            std::mem::take(&mut measures[k]),
            std::mem::take(&mut proportions[k]),
        )
        .into_iter()
        .filter(|q| {
            !distance_spans.overlaps(q.span) && !date_spans.near(q.span).any(|s| s.contains(q.span))
        })
        .collect::<Vec<_>>()
    });
    // The quotations, for the attributions and for the day words quoted (see
    // `without_quoted_day_words`).
    let runs = each(texts, |_, text| attribution::quote_runs(text));
    let mut attributions = each(texts, |k, text| {
        attribution::attributions_in(
            text,
            &sentences[k],
            cues[k].as_deref().map(Vec::as_slice),
            &runs[k],
        )
    });
    claims
        .into_iter()
        .enumerate()
        .map(|(k, dates)| {
            in_document_order(
                [
                    without_quoted_day_words(dates, &runs[k]),
                    std::mem::take(&mut distances[k]),
                    std::mem::take(&mut attributions[k]),
                    std::mem::take(&mut quantities[k]),
                ],
                &mut wrap,
            )
        })
        .collect()
}

/// `dates` less "today", "tonight", "tomorrow" and "yesterday" inside a quotation: there they
/// are counted from when the words were said, which the publication date does not give ("Today's
/// sentences send a message," she said of Thursday's hearing), or stand for the present and the
/// future at large ("every euro we spend today has to be earned tomorrow").
fn without_quoted_day_words(mut dates: Vec<Claim>, runs: &[attribution::QuoteRun]) -> Vec<Claim> {
    let is_day_word = |c: &Claim| {
        // Each day word starts with "t" or "y": most date claims are turned away by that.
        if !matches!(c.text.as_bytes().first(), Some(b't' | b'T' | b'y' | b'Y')) {
            return false;
        }
        let word = c.text.split(|ch: char| !ch.is_ascii_alphabetic()).next();
        word.is_some_and(|w| {
            date::RELATIVE_DAYS
                .iter()
                .any(|d| w.eq_ignore_ascii_case(d))
        })
    };
    dates.retain(|c| {
        if !is_day_word(c) {
            return true;
        }
        // The last quotation starting before the claim is the only one that can hold it: the
        // top-level quotations do not overlap.
        let k = runs.partition_point(|r| r.inner.start <= c.span.start);
        k.checked_sub(1)
            .is_none_or(|k| c.span.end > runs[k].inner.end)
    });
    dates
}

/// Where a claim stands in the document's list: by start, then kind, then end.
fn order_key(c: &Claim) -> (usize, u8, usize) {
    (c.span.start, kind_order(c.kind), c.span.end)
}

/// The claims of each kind in one list by [`order_key`], as a stable sort of the lists one
/// after another would put them (two claims of different kinds never tie), each given its id
/// (`c1`, `c2`, ...) and handed to `wrap`. Each kind's list is already in that order, or sorted
/// first, so they are merged: sorting the joined list took scratch room of half its size (4 MB
/// of the 35 MB a 4 MB text holds at its peak) and compared each claim a dozen times.
fn in_document_order<const N: usize, T>(
    lists: [Vec<Claim>; N],
    wrap: &mut impl FnMut(Claim) -> T,
) -> Vec<T> {
    let total = lists.iter().map(Vec::len).sum();
    let mut heads = lists.map(|mut list| {
        if !list.is_sorted_by_key(order_key) {
            list.sort_by_key(order_key);
        }
        list.into_iter().peekable()
    });
    let mut merged = Vec::with_capacity(total);
    loop {
        let mut next: Option<(usize, (usize, u8, usize))> = None;
        for (i, head) in heads.iter_mut().enumerate() {
            if let Some(c) = head.peek() {
                let key = order_key(c);
                if next.is_none_or(|(_, best)| key < best) {
                    next = Some((i, key));
                }
            }
        }
        let Some((i, _)) = next else {
            break;
        };
        if let Some(mut claim) = heads[i].next() {
            claim.id = claim_id(merged.len() + 1);
            merged.push(wrap(claim));
        }
    }
    merged
}

/// `s` with its runs of white space (Unicode's) closed up to one space and none at either end:
/// a place name or a unit as written, for a claim's details.
pub(crate) fn collapse_white_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// `format!("c{n}")` without the formatting machinery: a long text has a claim every 80 bytes
/// or so, and `format!` cost about 600 instructions an id.
fn claim_id(n: usize) -> String {
    let mut buf = itoa::Buffer::new();
    let digits = buf.format(n);
    let mut id = String::with_capacity(1 + digits.len());
    id.push('c');
    id.push_str(digits);
    id
}

fn kind_order(kind: ClaimKind) -> u8 {
    match kind {
        ClaimKind::Attribution => 0,
        ClaimKind::Distance => 1,
        ClaimKind::Date => 2,
        ClaimKind::Quantity => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a review of the probe-driven readings found they must leave alone or not break: a
    /// name with a curly apostrophe, relatives and opening words before a surname, clauses
    /// between a subject and "and said", a relative clause's fixture, a route's length, an
    /// appositive's place, ranges in two units, a negated "expect", verbs after a capitalised
    /// name, and "U.S." ending a sentence. Each line: the text, then what the claims must hold.
    #[test]
    fn readings_from_the_probes_keep_to_their_cases() {
        let options = ExtractOptions {
            published: Some(jiff::civil::date(2026, 11, 20)),
        };
        let summary = |text: &str| -> String {
            extract(text, &options)
                .iter()
                .map(|c| match &*c.details {
                    Details::Attribution(d) => format!(
                        "speaker={:?} role={:?}",
                        d.speaker.as_deref().unwrap_or(""),
                        d.role.as_deref().unwrap_or("")
                    ),
                    Details::Date(d) => {
                        format!("date={}", d.date.map(|x| x.to_string()).unwrap_or_default())
                    }
                    Details::Distance(d) => format!(
                        "from={:?} to={:?} mode={}",
                        d.from.as_deref().unwrap_or(""),
                        d.to.as_deref().unwrap_or(""),
                        d.mode.as_str()
                    ),
                    Details::Quantity(q) => format!("quantity={}:{:?}", q.value, q.value_max),
                })
                .collect::<Vec<_>>()
                .join("; ")
        };
        for (text, holds, lacks) in [
            (
                "The bill will pass, Sen. John Thune said.",
                r#"speaker="John Thune" role="Sen.""#,
                "",
            ),
            (
                "Two people were killed, regional governor Oleh Kiper said.",
                r#"speaker="Oleh Kiper" role="regional governor""#,
                "",
            ),
            (
                "Prices rose, independent analysts said.",
                r#"role="independent analysts""#,
                "",
            ),
            (
                "A spokesperson for the Department for Business and Trade said it was ready.",
                r#"speaker="" role="a spokesperson""#,
                "Trade",
            ),
            (
                "Professor Daniel Brandt of the University of Heidelberg said rates fell.",
                r#"speaker="Daniel Brandt""#,
                "Heidelberg",
            ),
            (
                "He waited until noon on Monday before calling police.",
                "date=2026-11-16",
                "",
            ),
            ("It cost $4.1bn.", "quantity=4100000000:None", ""),
            (
                "Thirty-seven years ago, the Berlin Wall fell.",
                "date=1989",
                "2019",
            ),
            (
                "It happened in the early hours of a Saturday in April.",
                "date=2026-04",
                "11-14",
            ),
            ("The market opens every Saturday.", "", "date"),
            (
                "In a Wednesday media event, Apple launched laptops.",
                "date=2026-11-18",
                "",
            ),
            (
                "The firm raised its quarterly dividend by 10 cents to 42 cents.",
                "quantity=10:None; quantity=42:None",
                "",
            ),
            (
                "Tom Verity said it was sound. Margaret O'Donnell, 72, who grew up here, was not \
                 convinced. \"This is where I learned to read,\" she said.",
                r#"speaker="Margaret O'Donnell""#,
                "",
            ),
            (
                "Tom Verity said it was sound. Amelia Grant drew applause for her speech. \"I \
                 come here every day,\" she said.",
                r#"speaker="Amelia Grant""#,
                "",
            ),
            (
                "Coach Tom Verity said it was sound. Real Madrid won again. \"We were unlucky,\" \
                 he said.",
                r#"speaker="Tom Verity" role="Coach"; speaker="Tom Verity""#,
                "Madrid",
            ),
            (
                "The firm loses 570m litres a day.",
                "quantity=570000000:None",
                "",
            ),
            ("An earlier phase 2 study found nothing.", "", "quantity"),
            (
                "The Russian Defence Ministry claimed its forces had hit the targets.",
                r#"speaker="the Russian Defence Ministry""#,
                "",
            ),
            ("The fire claimed the lives of 30 people.", "", "speaker"),
            (
                "The Russian leadership confirmed the speculation that has been going on.",
                "",
                "speaker",
            ),
            (
                "Ryabkov was quoted by Interfax as saying that talks were possible.",
                r#"speaker="Ryabkov""#,
                "",
            ),
            (
                "Substitute Tom Avery added a third in stoppage time.",
                "",
                "speaker",
            ),
            (
                "Asked what she would tell a young reporter, Zhao paused.",
                "",
                "speaker",
            ),
            (
                "The fire destroyed 64 homes, fire officials said.",
                r#"role="fire officials""#,
                "",
            ),
            (
                "Guard D’Angelo Russell scored. Russell said the team was improving.",
                r#"speaker="Russell""#,
                "Angelo",
            ),
            (
                "Under Starmer, Labour moved. Starmer said the party had changed.",
                r#"speaker="Starmer""#,
                "Under",
            ),
            (
                "He came with his wife, Melania Trump, on stage. Trump said it was booming.",
                r#"speaker="Trump""#,
                "Melania",
            ),
            (
                "Prime Minister Keir Starmer visited. Starmer said the plan would work.",
                r#"speaker="Keir Starmer" role="Prime Minister""#,
                "",
            ),
            (
                "Officials denied it, but Zelensky visited Kharkiv and said troops were ready.",
                "",
                "Officials",
            ),
            (
                "Police arrested two men after a woman called 999 and said she was attacked.",
                "",
                "Police",
            ),
            (
                "Bradford, who play in League Two, beat Leeds on Saturday.",
                "date=2026-11-14",
                "",
            ),
            (
                "Chelsea, who play at Newcastle on Sunday, are fourth.",
                "date=2026-11-22",
                "",
            ),
            (
                "The railway runs 9,289 km from Moscow to Vladivostok.",
                r#"from="Moscow" to="Vladivostok" mode=rail"#,
                "",
            ),
            (
                "The drone hit a depot 30 km from Belgorod, a city about 40 km from the Ukrainian border.",
                r#"from="Belgorod" to="Ukrainian border""#,
                "",
            ),
            (
                "Dallas, officials said, lies about 30 miles east of Fort Worth.",
                r#"from="Dallas""#,
                "",
            ),
            (
                "The combined force was within 10 km of Kyiv.",
                r#"to="Kyiv""#,
                "",
            ),
            (
                "He was jailed for six months to two years.",
                "quantity=0.5:Some(2.0)",
                "",
            ),
            (
                "Sea levels could rise 50cm to 1m by 2100.",
                "quantity=0.5:Some(1.0)",
                "",
            ),
            (
                "The plan would cut energy bills by 10% to 30%.",
                "quantity=10:Some(30.0)",
                "",
            ),
            (
                "Analysts did not expect Tuesday's sell-off.",
                "date=2026-11-17",
                "",
            ),
            (
                "“We are ready.” Today the minister will act.",
                "date=2026-11-20",
                "",
            ),
            (
                "The iPhone 15 Pro costs $999.",
                "quantity=999",
                "quantity=15",
            ),
            ("At 74 Biden remains the oldest.", "", "quantity=74"),
            (
                "He flew to the U.S. Officials said the trip was private.",
                r#"role="Officials""#,
                "U.S. Officials",
            ),
            (
                "Its value was cut in half a week later.",
                "",
                "quantity=0.5",
            ),
            (
                "Kim will travel to Russia, the Kremlin said on Monday (September 11).",
                r#"speaker="the Kremlin""#,
                "",
            ),
        ] {
            let got = summary(text);
            assert!(got.contains(holds), "{text:?}: wanted {holds:?} in {got}");
            assert!(
                lacks.is_empty() || !got.contains(lacks),
                "{text:?}: wanted no {lacks:?} in {got}"
            );
        }
    }

    /// A day counted from now is read against the publication date in the narrative, not in a
    /// quotation.
    #[test]
    fn a_day_word_inside_a_quotation_is_no_date_claim() {
        let options = ExtractOptions {
            published: Some(jiff::civil::date(2026, 11, 20)),
        };
        let dates: Vec<String> = extract(
            "\"Every euro we spend today has to be earned tomorrow,\" she said. The vote is \
             today. \u{201c}Yesterday was hard,\u{201d} he said yesterday.",
            &options,
        )
        .into_iter()
        .filter(|c| c.kind == ClaimKind::Date)
        .map(|c| c.text)
        .collect();
        assert_eq!(dates, ["today", "yesterday"]);
    }

    /// Several texts read together give each the claims it gives read alone: a long one (past
    /// the length where the patterns start in their `regex` form), short ones (too short for
    /// the trigger pass), one with curly quotes and accents, and each with its own publication
    /// date, which dates without a year and "yesterday" are read against.
    #[test]
    fn texts_read_together_give_what_each_gives_alone() {
        let articles =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../bench/articles");
        let mut paths: Vec<_> = std::fs::read_dir(&articles)
            .expect("bench/articles is in the repository")
            .map(|e| e.expect("a directory entry").path())
            .collect();
        paths.sort();
        let read: Vec<String> = paths
            .iter()
            .map(|p| std::fs::read_to_string(p).expect("a readable article"))
            .collect();
        let mut texts = read.clone();
        let long = read.concat();
        texts.push(long.repeat(40_000 / long.len() + 1));
        texts.push("Yesterday, on March 3, the council met 5 km from the border.".to_string());
        texts.push("\u{201c}We will rebuild,\u{201d} said Jos\u{e9} Ruiz on 4 May.".to_string());
        texts.push(String::new());
        let dates = ["2024-03-06", "2023-11-20", "2025-01-02"];
        let options: Vec<ExtractOptions> = (0..texts.len())
            .map(|k| ExtractOptions {
                published: Some(dates[k % dates.len()].parse().expect("a date")),
            })
            .collect();
        let together: Vec<(&str, &ExtractOptions)> =
            texts.iter().map(String::as_str).zip(&options).collect();
        let many = extract_many(&together);
        assert_eq!(many.len(), texts.len());
        let mut dated = 0;
        for ((text, options), claims) in together.iter().zip(&many) {
            let alone = extract(text, options);
            assert_eq!(claims, &alone, "{:?}", &text[..text.len().min(60)]);
            dated += alone.iter().filter(|c| c.kind == ClaimKind::Date).count();
        }
        assert!(
            dated > 50,
            "only {dated} dates: the texts no longer test the dates' anchor"
        );
    }

    /// The merge puts the claims where a stable sort of the lists one after another puts them:
    /// kinds apart at the same start, ties within a kind in their list's order, and a list
    /// given out of order sorted first. Checked on lists drawn at random, of each kind in the
    /// order `extract_many` passes them, long enough (up to 63 claims on 8 starts) that a sort
    /// that is not stable reorders ties.
    #[test]
    fn merged_kinds_stand_as_a_stable_sort_puts_them() {
        use claimcheck_core::{
            AttributionDetails, Comparator, DateDetails, DistanceDetails, Mode, Precision,
            QuantityDetails, Span, YearSource,
        };
        let text = "x".repeat(64);
        // Each claim tagged with a number of its own, so that two claims with the same span
        // and kind still differ.
        let claim = |kind: usize, start: usize, end: usize, tag: usize| {
            let details = match kind {
                0 => Details::Date(DateDetails {
                    date: None,
                    precision: Precision::Day,
                    weekday: None,
                    relation: None,
                    event: Some(tag.to_string()),
                    part: None,
                    year_source: YearSource::Unknown,
                    note: None,
                    no_such_day: false,
                }),
                1 => Details::Distance(Box::new(DistanceDetails {
                    from: None,
                    to: None,
                    comparator: Comparator::Eq,
                    value: tag as f64,
                    value_max: None,
                    unit: String::new(),
                    claimed_km: 0.0,
                    mode: Mode::Straight,
                    measured_km: None,
                })),
                2 => Details::Attribution(Box::new(AttributionDetails {
                    cue: tag.to_string(),
                    ..AttributionDetails::default()
                })),
                _ => Details::Quantity(QuantityDetails {
                    value: tag as f64,
                    value_max: None,
                    unit: None,
                    comparator: None,
                    unit_name: None,
                    scale: None,
                }),
            };
            Claim::new(&text, Span::new(start, end), details)
        };
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            usize::try_from(seed % n).expect("a small number")
        };
        let mut unsorted_seen = 0;
        for round in 0..400 {
            let mut lists: [Vec<Claim>; 4] = Default::default();
            for (kind, list) in lists.iter_mut().enumerate() {
                for tag in 0..next(64) {
                    let start = next(8);
                    list.push(claim(kind, start, start + next(3), tag + 100 * round));
                }
                // Most lists come in order, as the readers give them; some do not.
                if next(3) > 0 {
                    list.sort_by_key(|c| (c.span.start, c.span.end));
                } else {
                    unsorted_seen += usize::from(!list.is_sorted_by_key(order_key));
                }
            }
            let mut expected: Vec<Claim> = lists.concat();
            expected.sort_by_key(order_key);
            for (i, c) in expected.iter_mut().enumerate() {
                c.id = format!("c{}", i + 1);
            }
            // Each claim is handed on with its id, in order.
            let mut handed = 0;
            let merged = in_document_order(lists, &mut |c: Claim| {
                handed += 1;
                (handed, c)
            });
            assert_eq!(
                merged,
                expected
                    .into_iter()
                    .zip(1..)
                    .map(|(c, i)| (i, c))
                    .collect::<Vec<_>>(),
                "round {round}"
            );
        }
        assert!(
            unsorted_seen > 50,
            "only {unsorted_seen} lists out of order"
        );
    }

    #[test]
    fn claim_ids_are_c_and_the_number() {
        for n in [1, 9, 10, 99, 100, 12_345, usize::MAX] {
            assert_eq!(super::claim_id(n), format!("c{n}"));
        }
    }
}
