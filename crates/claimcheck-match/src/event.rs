//! Dates tied to an event ("the armistice after the Korean War in 1953", "has fired ICBMs since
//! 2017", "scheduled to take place on September 13th"), checked against the events timeline.
//!
//! Rules: `date.event` (supported: the entry's date fits the claimed one),
//! `date.event-mismatch` (contradicted: the entry clearly is the event, and its date lies
//! elsewhere), `date.event-since-earlier` (unverified: the series began before the "since"
//! date and went on after it, so the claim fits only if it means "continuing since"),
//! `date.event-other-instance` (unverified: "the 2006 summit" where the timeline holds a summit
//! of another year, which may be another of its kind). When no
//! entry matches, [`check_with`] gives `None` and the caller reports that the timeline has no record.

use claimcheck_core::{
    CalendarDate, Claim, DateDetails, Evidence, Precision, Relation, Status, Verdict, YearSource,
};
use claimcheck_events::{DateFit, Event, EventMatch, Timeline};

/// A verdict from `timeline` (the bundled one, or it merged with a newsroom's file) when the
/// claim's date is tied to an event the timeline decides. `sentence_context` holds the text
/// around the claim: it tells "the meeting" of Kim and Putin from any other meeting.
pub(crate) fn check_with(
    timeline: &Timeline,
    claim: &Claim,
    details: &DateDetails,
    sentence_context: &[&str],
) -> Option<Verdict> {
    let event = details.event.as_deref()?;
    let claimed = details.date?;
    // A date tied to an event with no preposition ("the 1991 agreement") is the event's date.
    let relation = details.relation.unwrap_or(Relation::In);
    let found = timeline.find(event, sentence_context, claimed, relation)?;
    // "the 2006 summit in Hanoi", "the 1992 presidential election": a year written before the
    // event names which of its kind is meant. An entry of another year is then another
    // instance, not a wrong date, where events of its kind recur or its name opens with its
    // own year ("2019 ... Hanoi Summit", "2006 Lebanon War").
    if found.fit == DateFit::Disagrees
        && names_the_instance(&claim.text, event, sentence_context)
        && (RECURRING_KINDS.contains(&found.event.kind.as_str())
            || names_another_year(found.event, claimed))
    {
        return Some(other_instance(claim, claimed, found.event));
    }
    // "Talks broke down on Thursday" in a paragraph naming Singapore: words that only name a
    // kind of event that recurs ("talks", "the summit", "the election") do not say which one
    // is meant, so an entry of another date is another meeting, not a wrong date. The date
    // is left to the calendar.
    // A year the text states, within the entry's years, still ties the words to the entry:
    // "The summit ended on June 14, 2018, in Singapore" is the 2018 summit on a wrong day.
    let e = found.event;
    let in_its_years = details.year_source == YearSource::Text
        && (e.start.year..=e.end.unwrap_or(e.start).year).contains(&claimed.year);
    if found.fit == DateFit::Disagrees
        && !in_its_years
        && RECURRING_KINDS.contains(&e.kind.as_str())
        && claimcheck_events::names_only_a_kind(event)
    {
        return None;
    }
    Some(verdict(claim, details, claimed, relation, &found))
}

/// The verdict on a date naming an instance of an event of which the timeline holds another:
/// unverified, with the entry it holds as the evidence.
fn other_instance(claim: &Claim, claimed: CalendarDate, e: &Event) -> Verdict {
    Verdict {
        status: Status::Unverified,
        confidence: 0.0,
        rule: "date.event-other-instance".into(),
        explanation: format!(
            "{} is dated {} in the events timeline; “{}” names one of {claimed}, which may be \
             another of its kind that the timeline does not hold.",
            e.label,
            e.date_text(),
            claim.text.trim()
        ),
        evidence: vec![evidence(e)],
    }
}

/// The kinds of event that recur, so that "the 2006 summit" may be any summit of that year.
const RECURRING_KINDS: &[&str] = &[
    "summit",
    "election",
    "referendum",
    "inauguration",
    "launch",
    "missile-test",
    "nuclear-test",
    "attack",
    "disaster",
    "battle",
    "operation",
    "crisis",
    "pandemic",
    "coup",
];

/// Whether the year `year` is written right before the event's words in the sentence ("the
/// 2006 summit", "the 2017 BRICS summit"), naming the instance rather than dating one.
fn names_the_instance(year: &str, event: &str, sentence_context: &[&str]) -> bool {
    let year = year.trim();
    let Some(first) = event.split_whitespace().next() else {
        return false;
    };
    sentence_context.iter().any(|sentence| {
        sentence.match_indices(year).any(|(at, _)| {
            let after = &sentence[at + year.len()..];
            after.strip_prefix(' ').is_some_and(|rest| {
                rest.get(..first.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(first))
            })
        })
    })
}

/// Whether the entry's label opens with a year other than `claimed`'s: a name qualified by
/// its year ("2019 North Korea–United States Hanoi Summit", "2006 Lebanon War") is one of
/// several of that name. (An alias with the year, "1953 armistice", names the one event.)
fn names_another_year(e: &Event, claimed: CalendarDate) -> bool {
    let digits: String = e.label.chars().take_while(char::is_ascii_digit).collect();
    digits.len() == 4 && e.label[4..].starts_with(' ') && digits != claimed.year.to_string()
}

fn verdict(
    claim: &Claim,
    details: &DateDetails,
    claimed: CalendarDate,
    relation: Relation,
    found: &EventMatch<'_>,
) -> Verdict {
    let e = found.event;
    let when = e.date_text();
    let as_written = claim.text.trim();
    let anchored = match details.year_source {
        YearSource::Text => "",
        _ => " (the year taken from the publication date)",
    };
    // The timeline may know only the month or year of an event that the claim dates to the day:
    // the dates agree as far as the timeline can tell, and the explanation says how far.
    let coarse = if e.start.precision() < claimed.precision() {
        format!(
            "; the timeline dates it only to the {}",
            precision_word(e.start.precision())
        )
    } else {
        String::new()
    };
    let series_note = if found.first_of_series {
        " (the first of its series in the timeline)"
    } else {
        ""
    };
    let evidence = vec![evidence(e)];
    let confidence = match details.year_source {
        YearSource::Text => found.confidence,
        _ => found.confidence - 0.1,
    };
    match found.fit {
        DateFit::Agrees => Verdict {
            status: Status::Supported,
            confidence,
            rule: "date.event".into(),
            explanation: match relation {
                Relation::ScheduledFor => format!(
                    "{} took place on {when}, the date it was scheduled for{anchored}{coarse}.",
                    e.label
                ),
                Relation::Since => format!(
                    "{}{series_note} is dated {when}, in {claimed}, as “since {as_written}” \
                     says{anchored}{coarse}.",
                    e.label
                ),
                _ => format!(
                    "{} is dated {when} in the events timeline, which fits {claimed}{anchored}{coarse}.",
                    e.label
                ),
            },
            evidence,
        },
        DateFit::Disagrees => Verdict {
            status: Status::Contradicted,
            confidence,
            rule: "date.event-mismatch".into(),
            explanation: match relation {
                Relation::ScheduledFor => format!(
                    "{} took place on {when}, not on {claimed}{anchored}.",
                    e.label
                ),
                Relation::Since => format!(
                    "{}{series_note} is dated {when}, not {claimed}: “since {as_written}” does not \
                     fit{anchored}.",
                    e.label
                ),
                _ => format!(
                    "{} is dated {when} in the events timeline, not {claimed}{anchored}.{}",
                    e.label,
                    e.note
                        .as_deref()
                        .map(|n| format!(" {n}"))
                        .unwrap_or_default()
                ),
            },
            evidence,
        },
        DateFit::BeganEarlier => Verdict {
            status: Status::Unverified,
            confidence: 0.0,
            rule: "date.event-since-earlier".into(),
            explanation: format!(
                "{}{series_note} is dated {when}, before {claimed}: “since {as_written}” fits \
                 only if it means the events went on since then, not that they began then.",
                e.label
            ),
            evidence,
        },
    }
}

/// The entry consulted: "corpora/events: korean-war-armistice (Korean War Armistice
/// Agreement)", its date, and its source page.
fn evidence(e: &Event) -> Evidence {
    let mut evidence = Evidence::computed(
        format!("{}: {} ({})", e.origin, e.id, e.label),
        e.date_text(),
    );
    evidence.url = Some(e.source.clone());
    evidence
}

fn precision_word(p: Precision) -> &'static str {
    match p {
        Precision::Year => "year",
        Precision::Month => "month",
        Precision::Day => "day",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimcheck_core::{Details, Span};

    /// A date claim over `date_text` (the words of the date, as extraction spans them).
    fn claim(
        date_text: &str,
        date: CalendarDate,
        relation: Relation,
        event: &str,
        year_source: YearSource,
    ) -> (Claim, DateDetails) {
        let details = DateDetails {
            date: Some(date),
            precision: date.precision(),
            weekday: None,
            relation: Some(relation),
            event: Some(event.to_string()),
            part: None,
            year_source,
            note: None,
            no_such_day: false,
        };
        let claim = Claim::new(
            date_text,
            Span::new(0, date_text.len()),
            Details::Date(details.clone()),
        );
        (claim, details)
    }

    fn verdict_for(
        date_text: &str,
        date: CalendarDate,
        relation: Relation,
        event: &str,
        sentence: &str,
    ) -> Option<Verdict> {
        let (c, d) = claim(date_text, date, relation, event, YearSource::Text);
        check_with(claimcheck_events::bundled(), &c, &d, &[sentence])
    }

    /// Every recurring kind is one `corpora/events/README.md` documents: a misspelt kind would
    /// never match an entry.
    #[test]
    fn recurring_kinds_are_documented_kinds() {
        let readme = include_str!("../../../corpora/events/README.md");
        for kind in RECURRING_KINDS {
            assert!(
                readme.contains(&format!("`{kind}`")),
                "{kind} is not a documented kind"
            );
        }
    }

    /// Words that only name a recurring kind of event do not say which one: "talks" in a
    /// paragraph naming Singapore are not the 2018 summit there, and their date is no
    /// contradiction of its. The calendar is left to check the weekday.
    #[test]
    fn a_bare_kind_of_recurring_event_is_no_contradiction() {
        for (event, sentence) in [
            (
                "Talks",
                "Talks broke down on Wednesday, Nov. 18, in Singapore.",
            ),
            ("The summit", "The summit ended on Nov. 18 in Singapore."),
        ] {
            let v = verdict_for(
                "Nov. 18",
                CalendarDate::day(2026, 11, 18).expect("a real day"),
                Relation::On,
                event,
                sentence,
            );
            assert_eq!(v, None, "{sentence}");
        }
        // A year the text states within the entry's ties them: a wrong day is contradicted.
        let (c, d) = claim(
            "June 14, 2018",
            CalendarDate::day(2018, 6, 14).expect("a real day"),
            Relation::On,
            "The summit",
            YearSource::Text,
        );
        let v = check_with(
            claimcheck_events::bundled(),
            &c,
            &d,
            &["The summit ended on June 14, 2018, in Singapore."],
        )
        .expect("the timeline decides it");
        assert_eq!(v.status, Status::Contradicted);
        // Its own date still finds it, and a name that tells it apart still contradicts.
        let on = |date| {
            verdict_for(
                "June 12",
                date,
                Relation::On,
                "Singapore summit",
                "The Singapore summit between Trump and Kim was held on June 12.",
            )
            .expect("the timeline decides it")
            .status
        };
        assert_eq!(
            on(CalendarDate::day(2018, 6, 12).expect("a day")),
            Status::Supported
        );
        assert_eq!(
            on(CalendarDate::day(2018, 6, 14).expect("a day")),
            Status::Contradicted
        );
    }

    /// A year written before a recurring event names which one is meant: an entry of another
    /// year is another instance, not a contradiction. A unique event keeps its check.
    #[test]
    fn a_year_naming_another_instance_is_no_contradiction() {
        for (year, event, sentence) in [
            (
                2006,
                "summit",
                "The idea was first endorsed at the 2006 summit in Hanoi.",
            ),
            (
                2017,
                "BRICS summit",
                "Leaders met at the 2017 BRICS summit in Xiamen.",
            ),
            (
                1992,
                "presidential election",
                "Bill Clinton won the 1992 presidential election.",
            ),
            (1982, "Lebanon war", "He fought in the 1982 Lebanon war."),
        ] {
            let v = verdict_for(
                &year.to_string(),
                CalendarDate::year(year),
                Relation::In,
                event,
                sentence,
            );
            let v = v.expect("the timeline's entry is named");
            assert_eq!(v.status, Status::Unverified, "{sentence}: {v:?}");
            assert_eq!(v.rule, "date.event-other-instance");
        }
        let v = verdict_for(
            "1955",
            CalendarDate::year(1955),
            Relation::In,
            "armistice",
            "North Korea has not fought a war since the 1955 armistice.",
        )
        .expect("the timeline decides it");
        assert_eq!(v.status, Status::Contradicted);
    }

    #[test]
    fn armistice_of_1953_is_supported_with_the_entry_as_evidence() {
        let v = verdict_for(
            "1953",
            CalendarDate::year(1953),
            Relation::In,
            "armistice after the Korean War",
            "Pyongyang has not been at war since the armistice after the Korean War in 1953.",
        )
        .expect("the timeline decides it");
        assert_eq!(v.status, Status::Supported);
        assert_eq!(v.rule, "date.event");
        assert_eq!(
            v.evidence,
            vec![Evidence {
                source: "corpora/events: korean-war-armistice (Korean War Armistice Agreement)"
                    .into(),
                value: Some("1953-07-27".into()),
                passage: None,
                url: Some("https://en.wikipedia.org/wiki/Korean_Armistice_Agreement".into()),
                retrieved: None,
                content_hash: None,
                point: None,
            }]
        );
    }

    #[test]
    fn armistice_in_a_wrong_year_is_contradicted() {
        let v = verdict_for(
            "1955",
            CalendarDate::year(1955),
            Relation::In,
            "armistice signed",
            "North Korea has not fought a war since the armistice signed in 1955.",
        )
        .expect("the timeline decides it");
        assert_eq!(v.status, Status::Contradicted);
        assert_eq!(v.rule, "date.event-mismatch");
        assert_eq!(
            v.explanation,
            "Korean War Armistice Agreement is dated 1953-07-27 in the events timeline, not 1955."
        );
    }

    #[test]
    fn icbm_launches_since_2017() {
        let sentence = "Pyongyang has test-fired several intercontinental ballistic missiles since \
                        2017, South Korea's military says.";
        let v = verdict_for(
            "2017",
            CalendarDate::year(2017),
            Relation::Since,
            "test-fired intercontinental ballistic missiles",
            sentence,
        )
        .expect("the timeline decides it");
        assert_eq!(v.status, Status::Supported, "{}", v.explanation);
        assert!(v.evidence[0].source.contains("hwasong-14-first-launch"));
        assert_eq!(v.evidence[0].value.as_deref(), Some("2017-07-04"));
        assert!(v.explanation.contains("first of its series"));

        let v = verdict_for(
            "2015",
            CalendarDate::year(2015),
            Relation::Since,
            "test-fired intercontinental ballistic missiles",
            sentence,
        )
        .expect("the timeline decides it");
        assert_eq!(v.status, Status::Contradicted);

        let v = verdict_for(
            "2020",
            CalendarDate::year(2020),
            Relation::Since,
            "test-fired intercontinental ballistic missiles",
            sentence,
        )
        .expect("the timeline decides it");
        assert_eq!(v.status, Status::Unverified);
        assert_eq!(v.rule, "date.event-since-earlier");
    }

    #[test]
    fn scheduled_summit_took_place_that_day() {
        let day = CalendarDate::day(2023, 9, 13).expect("a real day");
        let (c, d) = claim(
            "September 13th",
            day,
            Relation::ScheduledFor,
            "meeting between the two heads of state",
            YearSource::Publication,
        );
        let context = [
            "Kim Jong Un will travel to Russia at the invitation of President Vladimir Putin.",
            "The meeting between the two heads of state is scheduled to take place on September 13th.",
        ];
        let v = check_with(claimcheck_events::bundled(), &c, &d, &context)
            .expect("the timeline decides it");
        assert_eq!(v.status, Status::Supported);
        assert!(v.evidence[0].source.contains("kim-putin-summit-2023"));
        assert!(
            v.explanation
                .contains("the year taken from the publication date")
        );
        // Without the leaders named around it, "the meeting" is no particular meeting.
        assert_eq!(
            check_with(
                claimcheck_events::bundled(),
                &c,
                &d,
                &["The meeting is on September 13th."]
            ),
            None
        );
    }

    #[test]
    fn no_event_or_no_entry_gives_none() {
        let none = verdict_for(
            "2019",
            CalendarDate::year(2019),
            Relation::In,
            "opening of the Springfield public library",
            "The opening of the Springfield public library in 2019 drew crowds.",
        );
        assert_eq!(none, None);
        let (c, mut d) = claim(
            "1953",
            CalendarDate::year(1953),
            Relation::In,
            "armistice",
            YearSource::Text,
        );
        d.event = None;
        assert_eq!(check_with(claimcheck_events::bundled(), &c, &d, &[]), None);
    }

    #[test]
    fn a_newsroom_timeline_decides_its_own_events() {
        let desk = claimcheck_events::bundled()
            .with_file(
                r#"
[[event]]
id = "springfield-library-opening"
label = "Opening of the Springfield public library"
date = "2019-05-04"
kind = "founding"
places = ["Springfield"]
source = "https://example.org/library"
"#,
                "desk-events.toml",
            )
            .expect("a valid file");
        let (c, d) = claim(
            "2018",
            CalendarDate::year(2018),
            Relation::In,
            "opening of the Springfield public library",
            YearSource::Text,
        );
        let v = check_with(
            &desk,
            &c,
            &d,
            &["In Springfield, the library opened in 2018."],
        )
        .expect("the desk's entry decides it");
        assert_eq!(v.status, Status::Contradicted);
        assert_eq!(
            v.evidence[0].source,
            "desk-events.toml: springfield-library-opening (Opening of the Springfield public library)"
        );
    }
}
