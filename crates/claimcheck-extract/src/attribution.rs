//! Attribution claims: who is reported to have said what ("Lee, an expert at X, tells the Times:
//! ...", "..., warns an expert", "According to Yonhap, ...", "“...,” Lee continued.").
//!
//! The text is read one unit at a time: a sentence, or several joined when a quotation runs
//! across a sentence end. In each unit the first speaking verb (from `cue_verbs.txt`) or
//! "according to" outside quotation marks that fits one of these shapes makes a claim:
//!
//! - speaker first: `SPEAKER[, ROLE at ORGANIZATION,] VERB [to|tells OUTLET] [that|:] STATEMENT`;
//! - statement first: `STATEMENT, SPEAKER VERB [time phrase].` or `STATEMENT, VERB SPEAKER[, ROLE].`;
//! - a quotation split by its cue: `“A,” SPEAKER VERB, “B.”`;
//! - a participle after a clause: `SPEAKER VERB ..., saying|warning|adding [that] STATEMENT.`,
//!   the subject of the clause nearest the participle speaking;
//! - `According to SOURCE, STATEMENT.` and `STATEMENT, according to SOURCE.`.
//!
//! A unit that is only a quotation, with no cue, right after a quoted attribution continues it
//! with the same speaker and cue. Later mentions are resolved: a surname or given name ("Lee")
//! to the earlier speaker whose full name holds it ("Lee Byong-chul"), "he"/"she" to the last
//! named person, "they" to the last speaker, "it" to the last institution in the same or the previous paragraph.
//!
//! Naming choices, kept the same everywhere so that the matcher can compare speakers:
//! - an institution is named as written, with a leading "The" lowercased: "the Kremlin",
//!   "the White House", "Russia’s foreign ministry";
//! - an unnamed speaker has no `speaker` and its description, as written, in `role`
//!   ("an expert", "a North Korea expert");
//! - an outlet speaking for itself ("according to the news agency Yonhap") has no `speaker`, only
//!   `outlet`; outlet names drop "the" and quotation marks ("New York Times");
//! - a headline such as `Energy expert warns: “Prices will rise”` is an attribution like any
//!   other (an unnamed speaker, role "Energy expert"): it attributes words, and a reader takes it
//!   as such, so it is checked too;
//! - a quotation with no speaking verb (`a “win-win” situation`) is not an attribution.

mod clause;
mod lexicon;
mod phrase;
mod quotes;

pub(crate) use quotes::{QuoteRun, quote_runs};

use std::sync::LazyLock;

use claimcheck_core::{AttributionDetails, Claim, Details, Span};

use clause::{CONTINUING, Parsed};
use phrase::Speaker;

use crate::tier::{Occurrences, Triggers};

/// A person named earlier in the article, and what was said about them there.
#[derive(Debug, Clone)]
struct Known {
    name: String,
    role: Option<String>,
    organization: Option<String>,
    outlet: Option<String>,
    /// When the person was last mentioned: a later mention has a higher stamp.
    stamp: usize,
    /// The pronoun the article has already used for them ("he said", "she added").
    pronoun: Option<Pronoun>,
}

/// "he" or "she", as a speaker is referred back to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pronoun {
    He,
    She,
}

/// The named people met so far. A mention is resolved to the most recently mentioned person
/// whose name holds all its words, found through the fewest people holding one of them or
/// its first two together: looking through everyone at each mention made a text naming
/// thousands of people quadratic (4,000 people in 334 KB took 0.73 s, 18 times what 1,000
/// people in 84 KB took).
#[derive(Debug, Default)]
struct People {
    known: Vec<Known>,
    /// The people whose name holds each word.
    by_word: rustc_hash::FxHashMap<String, Vec<usize>>,
    /// The people whose name holds each pair of words, the pair in order: a full name's
    /// first and last words each recur among many people in a long text, both together
    /// seldom.
    by_pair: rustc_hash::FxHashMap<(String, String), Vec<usize>>,
    /// The stamp the next mention gets.
    next_stamp: usize,
    /// The people mentioned last, the latest first, at most [`RECENT`] of them: "he" and
    /// "she" name the first of them the other pronoun has not named, so that "she" never
    /// names a man the article called "he" (a quotation of one speaker went to the man named
    /// after her).
    recent: Vec<usize>,
}

/// How many of the people mentioned last a pronoun may reach back to.
const RECENT: usize = 8;

impl People {
    /// The most recently mentioned person that `mention` can name (see [`mentions`]).
    fn find(&self, mention: &str) -> Option<usize> {
        // A person the mention names holds every word of it, so is on each word's list and on
        // the list of any two of them: the shortest of those is read (the first word's list,
        // "Lee" or "Kim", can hold most people).
        let words: Vec<&str> = mention.split_whitespace().collect();
        let mut shortest: Option<&Vec<usize>> = None;
        for word in &words {
            let list = self.by_word.get(*word)?;
            if shortest.is_none_or(|s| list.len() < s.len()) {
                shortest = Some(list);
            }
        }
        if let [a, b, ..] = words[..]
            && a != b
        {
            let pair = if a < b { (a, b) } else { (b, a) };
            let list = self
                .by_pair
                .get(&(pair.0.to_string(), pair.1.to_string()))?;
            if shortest.is_none_or(|s| list.len() < s.len()) {
                shortest = Some(list);
            }
        }
        let Some(list) = shortest else {
            // No word to look for: every name holds all of none.
            return self.latest();
        };
        list.iter()
            .copied()
            .filter(|&k| mentions(&self.known[k].name, mention))
            .max_by_key(|&k| self.known[k].stamp)
    }

    /// The person mentioned last.
    fn latest(&self) -> Option<usize> {
        self.recent.first().copied()
    }

    /// Marks person `k` as the one mentioned last.
    fn touch(&mut self, k: usize) {
        self.known[k].stamp = self.next_stamp;
        self.next_stamp += 1;
        self.recent.retain(|&j| j != k);
        self.recent.insert(0, k);
        self.recent.truncate(RECENT);
    }

    /// The person "he" or "she" names, which is then theirs: the one mentioned last that the
    /// other pronoun has not named, among the last [`RECENT`].
    fn by_pronoun(&mut self, p: Pronoun) -> Option<usize> {
        let k = self
            .recent
            .iter()
            .copied()
            .find(|&j| self.known[j].pronoun.is_none_or(|q| q == p))?;
        self.known[k].pronoun = Some(p);
        Some(k)
    }

    /// Adds a person, mentioned last.
    fn add(&mut self, known: Known) {
        let k = self.known.len();
        let mut words: Vec<&str> = known.name.split_whitespace().collect();
        words.sort_unstable();
        words.dedup();
        for (i, a) in words.iter().enumerate() {
            for b in &words[i + 1..] {
                self.by_pair
                    .entry(((*a).to_string(), (*b).to_string()))
                    .or_default()
                    .push(k);
            }
        }
        for w in words {
            self.by_word.entry(w.to_string()).or_default().push(k);
        }
        self.known.push(known);
        self.touch(k);
    }
}

/// The speakers met so far, for resolving later mentions.
#[derive(Debug, Default)]
struct Speakers {
    /// Named people.
    people: People,
    /// The last institution speaker and the paragraph it spoke in.
    institution: Option<(String, usize)>,
    /// Who made the last claim, for "they".
    last: Option<LastSpeaker>,
}

/// The speaker, role and organization of the last claim: all "they" takes from it. (Keeping the
/// claim's whole details cloned its content, often a long sentence, at every claim.)
#[derive(Debug)]
struct LastSpeaker {
    speaker: Option<String>,
    role: Option<String>,
    organization: Option<String>,
}

impl Speakers {
    /// The details of `parsed` with its speaker resolved, updating what is known.
    fn resolve(&mut self, text: &str, parsed: Parsed, paragraph: usize) -> AttributionDetails {
        let continuing = crate::ascii::with_lowercase(&parsed.cue, |cue| CONTINUING.contains(&cue));
        let mut d = AttributionDetails {
            speaker: None,
            role: parsed.role,
            organization: parsed.organization,
            outlet: parsed.outlet,
            cue: parsed.cue,
            ..AttributionDetails::default()
        };
        match parsed.speaker {
            Speaker::Person { name, .. } => {
                // From where the speaker phrase (or the verb before it) starts: a courtesy title
                // inside the quotation before it is another person's ("Mrs Hill was ...," Mr
                // Hill said).
                let courtesy = courtesy_sex(
                    &text[parsed.speaker_start.max(parsed.span.start)..parsed.span.end],
                    &name,
                );
                let mut found = self.people.find(&name);
                // "Villa boss Unai Emery was left frustrated ... Emery said": a surname alone
                // names the person the text gave in full before, outside any attribution.
                let mut name = name;
                if found.is_none()
                    && !name.contains(' ')
                    && let Some((full, title)) = full_name_before(text, parsed.speaker_start, &name)
                {
                    found = self.people.find(&full);
                    name = full;
                    if d.role.is_none() {
                        d.role = title;
                    }
                }
                self.apply_person(found, name, &mut d, continuing);
                if courtesy.is_some()
                    && let Some(k) = self.people.find(d.speaker.as_deref().unwrap_or_default())
                {
                    let known = &mut self.people.known[k];
                    known.pronoun = known.pronoun.or(courtesy);
                }
            }
            Speaker::Pronoun(p) if p == "he" || p == "she" => {
                let pronoun = if p == "he" { Pronoun::He } else { Pronoun::She };
                if let Some(k) = self.people.by_pronoun(pronoun) {
                    let name = self.people.known[k].name.clone();
                    self.apply_person(Some(k), name, &mut d, continuing);
                }
            }
            Speaker::Pronoun(p) if p == "they" => {
                if let Some(last) = &self.last {
                    d.speaker = last.speaker.clone();
                    d.role = d.role.or(last.role.clone());
                    d.organization = d.organization.or(last.organization.clone());
                }
            }
            Speaker::Pronoun(_) => {
                // "It said" refers back only as far as the paragraph before.
                if let Some((name, p)) = &self.institution
                    && *p + 1 >= paragraph
                {
                    d.speaker = Some(name.clone());
                }
            }
            Speaker::Institution(name) => {
                self.institution = Some((name.clone(), paragraph));
                d.speaker = Some(name);
            }
            Speaker::Outlet(name) => d.outlet = d.outlet.or(Some(name)),
            Speaker::Unnamed(role) => {
                if !role.is_empty() {
                    d.role = Some(role);
                }
            }
        }
        d
    }

    /// "Ms Reeves has warned ... she said": a "he" or "she" no quoted person answers names the
    /// last person the text before `at` names with a courtesy title ("Ms Reeves", "Mr. Obi")
    /// or a title before a full name ("Chancellor Rachel Reeves"), within the 600 bytes before
    /// it; a courtesy title of the other sex is passed over. The person is then known, as a
    /// speaker would be.
    fn named_before(
        &mut self,
        text: &str,
        at: usize,
        pronoun: Pronoun,
        d: &mut AttributionDetails,
    ) {
        let from = text.floor_char_boundary(at.saturating_sub(600));
        if let Some((name, title)) = self.named_in(&text[from..at], pronoun, false) {
            self.give_pronoun(name, title, pronoun, d);
        }
    }

    /// Whether the sentence that `words` open goes on to a pronoun of `pronoun`'s sex ("... for
    /// her speech").
    fn sexed_later(words: &[&str], pronoun: Pronoun) -> bool {
        for w in words {
            let bare = w.trim_end_matches(['.', '!', '?']);
            let sexed = match pronoun {
                Pronoun::He => matches!(bare, "he" | "him" | "his" | "himself"),
                Pronoun::She => matches!(bare, "she" | "her" | "hers" | "herself"),
            };
            if sexed {
                return true;
            }
            if bare.len() != w.len() {
                return false;
            }
        }
        false
    }

    /// The person `name` (a mention, or a new person, with the title the text gave them) as
    /// the speaker of `d`, who is then known as `pronoun`.
    fn give_pronoun(
        &mut self,
        name: String,
        title: Option<String>,
        pronoun: Pronoun,
        d: &mut AttributionDetails,
    ) {
        if d.role.is_none() {
            d.role = title;
        }
        let known = self.people.find(&name);
        self.apply_person(known, name, d, false);
        if let Some(k) = self.people.find(d.speaker.as_deref().unwrap_or_default()) {
            self.people.known[k].pronoun = Some(pronoun);
        }
    }

    /// The last person `window` names whom `pronoun` can stand for: after a courtesy title of
    /// the pronoun's sex or none ("Ms Reeves", "Dr Obi"), as a full name after a title of
    /// either case ("Chancellor Rachel Reeves", "Rovers manager Elena Marsh", "UN
    /// Secretary-General António Guterres", unless the pronoun named them as the other sex),
    /// or, with `known_too`, as a person already known whom the other pronoun has not named,
    /// named again where a sentence opens ("Albers, a former central banker, ..."; not an
    /// object, "attacked Albers"). `None` where a sentence after the name opens with a
    /// described person ("The minister resigned."), a nearer referent. The title before a new
    /// full name comes with it, with the title word before it ("Finance Minister", "chief
    /// executive").
    fn named_in(
        &self,
        window: &str,
        pronoun: Pronoun,
        known_too: bool,
    ) -> Option<(String, Option<String>)> {
        let words: Vec<&str> = window
            .split(|c: char| {
                c.is_whitespace()
                    || matches!(
                        c,
                        ',' | ';' | ':' | '(' | ')' | '"' | '\u{201c}' | '\u{201d}'
                    )
            })
            .filter(|w| !w.is_empty())
            .collect();
        fn name_word(w: &str) -> Option<&str> {
            // Most words of a window are lowercase, turned away before any trimming.
            if !w.chars().next().is_some_and(char::is_uppercase) {
                return None;
            }
            let w = w
                .trim_end_matches(['.', '\'', '\u{2019}'])
                .trim_end_matches("'s")
                .trim_end_matches("\u{2019}s");
            (w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '\u{2019}')
                && !lexicon::LEXICON.is_role(w)
                && !phrase::is_honorific(w)
                && !lexicon::LEXICON.is_adverbial(w))
            .then_some(w)
        }
        // A title, or a hyphenated one of which a part is ("Secretary-General"); not one that
        // ends a sentence ("lost its chief executive. Anna Berg left"): a point ends only a
        // short abbreviation of a title ("Gen.", "Sen.").
        let is_title = |w: &str| {
            if w.len() > 5 && w.ends_with('.') {
                return false;
            }
            lexicon::LEXICON.is_role(w)
                || (w.contains('-') && w.split('-').any(|part| lexicon::LEXICON.is_role(part)))
        };
        let mut found = None;
        let mut known = None;
        for k in (0..words.len()).rev() {
            let w = words[k];
            let courtesy = courtesy_title(w);
            // The name's words, up to the one that ends a sentence ("Ms Reeves. Treasury").
            let mut names: Vec<&str> = Vec::new();
            for w in words[k + 1..].iter().take(3) {
                let Some(name) = name_word(w) else {
                    break;
                };
                names.push(name);
                if w.ends_with('.') {
                    break;
                }
            }
            match courtesy {
                Some(sex) if !names.is_empty() && sex.is_none_or(|s| s == pronoun) => {
                    found = Some((names.join(" "), None, k));
                    break;
                }
                Some(_) => continue,
                None => {}
            }
            // Of the other sex, when the pronoun has named them before.
            let other_sex = |name: &str| {
                self.people
                    .find(name)
                    .is_some_and(|j| self.people.known[j].pronoun.is_some_and(|q| q != pronoun))
            };
            if names.len() >= 2 && is_title(w) && !other_sex(&names.join(" ")) {
                let title = match k.checked_sub(1).map(|j| words[j]) {
                    Some(before) if is_title(before) => format!("{before} {w}"),
                    _ => w.to_string(),
                };
                found = Some((names.join(" "), Some(title), k));
                break;
            }
            // A known person named again as a sentence opens ("Albers, a former banker, ..."),
            // not one named as an object ("attacked Albers"); the latest such mention wins over
            // a titled name before it.
            if known_too
                && known.is_none()
                && let Some(name) = name_word(w)
                && (k == 0 || words[k - 1].ends_with(['.', '!', '?']))
            {
                known = self
                    .people
                    .find(name)
                    .filter(|&j| self.people.known[j].pronoun.is_none_or(|q| q == pronoun))
                    .map(|j| (self.people.known[j].name.clone(), None, k));
                // A person the narrative introduces by full name as a sentence's subject:
                // "Amelia Grant drew the loudest applause. “...,” she said." A name of two or
                // three words, then a lowercase word (its verb); not a possessive ("Amelia
                // Grant's speech"), a body, a determiner or a date.
                // An age before the name is not part of it ("Eleven-year-old Amelia Grant").
                let aged = name.to_ascii_lowercase().ends_with("-old");
                let full: Vec<&str> = std::iter::once(name)
                    .filter(|_| !aged)
                    .chain(names.iter().copied().take(if aged { 3 } else { 2 }))
                    .collect();
                let skip = usize::from(aged);
                let last_raw = words
                    .get((k + skip + full.len()).saturating_sub(1))
                    .copied()
                    .unwrap_or("");
                let verb = words.get(k + skip + full.len()).copied().unwrap_or("");
                if known.is_none()
                    && full.len() >= 2
                    && !names.iter().take(2).any(|n| n.ends_with('.'))
                    && !last_raw.ends_with("'s")
                    && !last_raw.ends_with("\u{2019}s")
                    && !last_raw.ends_with(['.', '!', '?'])
                    // An age or a relative clause after it ("Margaret O'Donnell, 72, who has
                    // used the library ..., was not convinced"), or its verb with a pronoun of
                    // the person's sex later in the sentence ("Amelia Grant drew applause for
                    // her speech"): a club, a firm or a city opens sentences with a verb too
                    // ("Real Madrid won again", "Goldman Sachs raised its forecast").
                    && (verb == "who"
                        || (!verb.is_empty()
                            && verb.len() <= 3
                            && verb.bytes().all(|b| b.is_ascii_digit()))
                        || (verb.len() > 2
                            && verb.bytes().all(|b| b.is_ascii_lowercase())
                            && !matches!(verb, "and" | "of" | "for" | "the" | "which" | "said")
                            && Self::sexed_later(&words[(k + skip + full.len()).min(words.len())..], pronoun)))
                    && !phrase::is_determiner(full[0])
                    && !full.iter().any(|w| crate::date::is_calendar_word(w))
                    && !lexicon::LEXICON.is_institution(&full.join(" "))
                    && !phrase::is_outlet_name(&full.join(" "))
                    && !other_sex(&full.join(" "))
                {
                    known = Some((full.join(" "), None, k));
                }
            }
        }
        let (name, title, k) = known.or(found)?;
        let described = (k + 1..words.len().saturating_sub(1)).any(|j| {
            words[j - 1].ends_with('.')
                && matches!(words[j], "The" | "A" | "An")
                && lexicon::LEXICON.is_role(words[j + 1])
        });
        (!described).then_some((name, title))
    }

    /// Gives `d` the person at `found` (a later mention) or registers `name` as a new person.
    fn apply_person(
        &mut self,
        found: Option<usize>,
        name: String,
        d: &mut AttributionDetails,
        continuing: bool,
    ) {
        let Some(k) = found else {
            self.people.add(Known {
                name: name.clone(),
                role: d.role.clone(),
                organization: d.organization.clone(),
                outlet: d.outlet.clone(),
                stamp: 0,
                pronoun: d.role.as_deref().and_then(sex_of_role),
            });
            d.speaker = Some(name);
            return;
        };
        self.people.touch(k);
        let known = &mut self.people.known[k];
        d.speaker = Some(known.name.clone());
        // The role and organization describe the person, so they hold on every mention; the
        // outlet holds only while the speaker goes on talking to it ("Lee continued").
        d.role = d.role.take().or(known.role.clone());
        d.organization = d.organization.take().or(known.organization.clone());
        if continuing {
            d.outlet = d.outlet.take().or(known.outlet.clone());
        }
        known.role = known.role.take().or(d.role.clone());
        if known.pronoun.is_none() {
            known.pronoun = known.role.as_deref().and_then(sex_of_role);
        }
        known.organization = known.organization.take().or(d.organization.clone());
        if d.outlet.is_some() {
            known.outlet = d.outlet.clone();
        }
    }
}

/// The pronoun a role's words give its holder, where one of them is of one sex ("the
/// chairman", "a spokeswoman", "his wife"): a later "she" does not name "The chairman, Tom
/// Hill".
fn sex_of_role(role: &str) -> Option<Pronoun> {
    // A capitalised word is part of a name ("a Duke University economist") unless it is the
    // whole role, a title ("Prince").
    let single = !role.trim().contains(' ');
    role.split(|c: char| !c.is_alphabetic()).find_map(|w| {
        if !single && w.starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        crate::ascii::with_lowercase(w, |w| match w {
            "chairman" | "spokesman" | "congressman" | "businessman" | "councilman"
            | "sportsman" | "king" | "prince" | "duke" | "lord" | "sir" | "father" | "son"
            | "brother" | "husband" | "uncle" | "nephew" | "grandfather" | "boyfriend" | "monk" => {
                Some(Pronoun::He)
            }
            "chairwoman" | "spokeswoman" | "congresswoman" | "businesswoman" | "councilwoman"
            | "sportswoman" | "queen" | "princess" | "duchess" | "dame" | "lady" | "mother"
            | "daughter" | "sister" | "wife" | "aunt" | "niece" | "grandmother" | "girlfriend"
            | "nun" | "actress" => Some(Pronoun::She),
            _ => None,
        })
    })
}

/// The full name ending in `surname` that the text before `at` last gives (within
/// [`FULL_NAME_REACH`] bytes), with the title word before it if one stands there: "Villa boss
/// Unai Emery" for "Emery". The word before the surname must be a capitalised name word, not a
/// title, a courtesy title or a word that opens sentences.
fn full_name_before(text: &str, at: usize, surname: &str) -> Option<(String, Option<String>)> {
    let from = text.floor_char_boundary(at.saturating_sub(FULL_NAME_REACH));
    let window = &text[from..at];
    window.rmatch_indices(surname).find_map(|(k, _)| {
        let after = &window[k + surname.len()..];
        if after.starts_with(|c: char| c.is_alphanumeric()) {
            return None;
        }
        let before = window[..k].strip_suffix(' ')?;
        let first_at = before
            .char_indices()
            .rev()
            .find(|&(_, c)| !(c.is_alphabetic() || matches!(c, '-' | '\'' | '\u{2019}')))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let first = &before[first_at..];
        let name_word = first.chars().next().is_some_and(char::is_uppercase)
            && first.chars().skip(1).all(|c| c.is_lowercase() || c == '-')
            && first.len() > 1
            && !lexicon::LEXICON.is_role(first)
            && !phrase::is_honorific(first)
            && !lexicon::LEXICON.is_adverbial(first)
            && !phrase::is_determiner(first)
            && !crate::date::is_calendar_word(first);
        // "In London Johnson met ...": a sentence's opening place, not a first name; "his
        // wife, Melania Trump", "his son Hunter Biden": a relative of the one meant.
        let lead = before[..first_at].trim_end_matches([' ', ',']);
        let word_before = lead.rsplit(' ').next().unwrap_or("");
        let opening = matches!(
            word_before,
            "In" | "At" | "From" | "On" | "Near" | "Outside" | "Across"
        );
        let kin = crate::ascii::with_lowercase(word_before, |w| {
            matches!(
                w,
                "wife"
                    | "husband"
                    | "son"
                    | "daughter"
                    | "brother"
                    | "sister"
                    | "father"
                    | "mother"
                    | "widow"
                    | "partner"
                    | "niece"
                    | "nephew"
                    | "cousin"
                    | "grandson"
                    | "granddaughter"
            )
        });
        if !name_word || opening || kin || is_function_word(first) {
            return None;
        }
        // The title's words before the name: "Prime Minister Keir Starmer".
        let mut title_words: Vec<&str> = Vec::new();
        for w in before[..first_at].split_whitespace().rev().take(2) {
            // A role, or a capitalised word before one ("Prime", "Foreign").
            let titled = lexicon::LEXICON.is_role(w)
                || (!title_words.is_empty()
                    && w.starts_with(|c: char| c.is_uppercase())
                    && !phrase::is_determiner(w)
                    && !is_function_word(w));
            if titled && !w.ends_with(',') {
                title_words.insert(0, w);
            } else {
                break;
            }
        }
        let title = (!title_words.is_empty()).then(|| title_words.join(" "));
        Some((format!("{first} {surname}"), title))
    })
}

/// Whether `word` is a capitalised function word that opens sentences ("Under Starmer,
/// Labour ..."), never a first name.
fn is_function_word(word: &str) -> bool {
    matches!(
        word,
        "Under"
            | "For"
            | "Even"
            | "Only"
            | "Like"
            | "Despite"
            | "Without"
            | "Behind"
            | "Did"
            | "Has"
            | "Is"
            | "Was"
            | "Including"
            | "Against"
            | "Unlike"
            | "With"
            | "Among"
            | "Between"
            | "Through"
            | "During"
            | "Until"
            | "Whether"
            | "Why"
            | "How"
            | "Although"
            | "Though"
            | "Because"
            | "Unless"
            | "Beyond"
            | "Inside"
            | "Towards"
            | "Toward"
            | "Via"
            | "Per"
            | "Once"
            | "Had"
            | "Does"
            | "Do"
            | "Will"
            | "Would"
            | "Could"
            | "Should"
            | "Can"
            | "May"
            | "Might"
            | "Must"
            | "Not"
            | "No"
            | "Yes"
            | "Mr"
            | "Mrs"
            | "Ms"
            | "Dr"
            | "Sir"
            | "Dame"
            | "Lord"
            | "Lady"
    )
}

/// How far back [`full_name_before`] looks for a surname's full name.
const FULL_NAME_REACH: usize = 4_000;

/// The pronoun of the courtesy title before `name` in `claim` ("Mr Hill said", "said Mrs
/// Holt"), which the speaker's name is read without.
fn courtesy_sex(claim: &str, name: &str) -> Option<Pronoun> {
    // Most claims hold no courtesy title, which all begin "M".
    if !claim.contains('M') {
        return None;
    }
    claim.match_indices(name).take(1).find_map(|(at, _)| {
        let before = claim[..at].trim_end();
        let word = before
            .rsplit(|c: char| !c.is_alphabetic() && c != '.')
            .next()?;
        courtesy_title(word).flatten()
    })
}

/// A courtesy title ("Mr", "Ms.", "Dr") with the pronoun it gives, `Some(None)` for one of
/// either sex; `None` for another word.
fn courtesy_title(word: &str) -> Option<Option<Pronoun>> {
    crate::ascii::with_lowercase(word.trim_end_matches('.'), |w| match w {
        "mr" => Some(Some(Pronoun::He)),
        "mrs" | "ms" | "miss" => Some(Some(Pronoun::She)),
        "dr" | "prof" => Some(None),
        _ => None,
    })
}

/// Whether `mention` refers to the person named `full`: the same name, or some of its words
/// ("Lee" for "Lee Byong-chul", "Easley" for "Leif-Eric Easley").
fn mentions(full: &str, mention: &str) -> bool {
    let words: Vec<&str> = full.split_whitespace().collect();
    mention.split_whitespace().all(|m| words.contains(&m))
}

/// Whether `word` names a speaker by what they are ("official", "analyst", "resident"): a role
/// of the attribution lexicon.
pub(crate) fn is_speaker_noun(word: &str) -> bool {
    lexicon::LEXICON.is_role(word)
        || crate::ascii::with_lowercase(word, |w| {
            matches!(
                w,
                "resident"
                    | "witness"
                    | "eyewitness"
                    | "villager"
                    | "survivor"
                    | "local"
                    | "source"
            )
        })
}

/// Every attribution in `text`, in order.
pub fn extract_attributions(text: &str) -> Vec<Claim> {
    crate::tier::given(text.len());
    let _reading = crate::tier::reading(text.len());
    let runs = quote_runs(text);
    attributions_in(text, &crate::sentences::sentences(text), None, &runs)
}

/// The words that can make a unit an attribution: the speaking verbs in every form, and
/// "according" (of "according to"), lowercase.
pub(crate) fn cue_words() -> &'static [&'static str] {
    static WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        let mut words: Vec<&'static str> = lexicon::LEXICON
            .cues
            .keys()
            .map(String::as_str)
            .chain(["according"])
            .collect();
        words.sort_unstable();
        words
    });
    &WORDS
}

/// Where the words of [`cue_words`] occur in a long text, found by the date reader's pass over
/// its lowercase copy; `None` for a text that pass does not read (too short, or past the
/// offsets it keeps).
pub(crate) fn cue_places(triggers: &Triggers<'_>) -> Option<Occurrences> {
    triggers.occurrences(cue_words())
}

/// Whether a word of the unit `span` of `text` may be a cue, from the places of the cue words in
/// the text from the unit's start on (`cues`): one of them is a whole word of the unit, or the
/// unit is not ASCII.
///
/// The clause reader finds nothing in a unit without a cue (a speaking verb, or "according"
/// before "to"), and two fifths of the bench text's bytes are in such units: it tokenised them
/// and looked each word up for nothing. A cue is a whole token, so where it stands neither the
/// byte before it nor the one after is a letter or digit of the unit; a non-ASCII unit is always
/// read, word by word, since its words are lowercased by Unicode's rules, which turn a few other
/// letters into ASCII ones (the Kelvin sign into `k`).
fn may_hold_cue(text: &str, span: Span, cues: &[(u32, u32)]) -> bool {
    let bytes = text.as_bytes();
    let letter = |k: usize| bytes[k].is_ascii_alphanumeric();
    cues.iter()
        .map(|&(at, len)| (at as usize, len as usize))
        .take_while(|&(at, _)| at < span.end)
        .any(|(at, len)| {
            let end = at + len;
            end <= span.end
                && (at == span.start || !letter(at - 1))
                && (end == span.end || !letter(end))
        })
        || !text[span.start..span.end].is_ascii()
}

/// `items.partition_point(|x| key(x) < bound)` for `items` sorted by `key`, read on from where
/// the previous call left `from` when that is still before `bound`: units come in order, and a
/// binary search of a long text's lists at each unit waited on the caches at most of its steps.
fn first_from<T>(items: &[T], from: &mut usize, bound: usize, key: impl Fn(&T) -> usize) -> usize {
    if *from > 0 && key(&items[*from - 1]) >= bound {
        *from = items.partition_point(|x| key(x) < bound);
    } else {
        while items.get(*from).is_some_and(|x| key(x) < bound) {
            *from += 1;
        }
    }
    *from
}

/// [`extract_attributions`] with the text's sentences already split, and the places of the cue
/// words where they were found ([`cue_places`]).
/// The quotations `runs` are [`quote_runs`]'s of the text, which the caller keeps for more.
pub(crate) fn attributions_in(
    text: &str,
    sentences: &[Span],
    cues: Option<&[(u32, u32)]>,
    runs: &[QuoteRun],
) -> Vec<Claim> {
    attributions_reading(text, sentences, cues, runs, clause::Candidates::Shapes)
}

/// [`attributions_in`], asking `words` about the units it reads without the cues' places.
fn attributions_reading(
    text: &str,
    sentences: &[Span],
    cues: Option<&[(u32, u32)]>,
    runs: &[QuoteRun],
    words: clause::Candidates<'_>,
) -> Vec<Claim> {
    let units = quotes::units(text, sentences, runs);
    let mut speakers = Speakers::default();
    let mut claims: Vec<Claim> = Vec::new();
    let (mut runs_from, mut cues_from) = (0, 0);
    // The place in `claims` of the previous unit's claim when it quoted someone, for a
    // quotation that goes on in the next unit with no cue of its own (its details are copied
    // then, rather than at every quotation).
    let mut quoting: Option<usize> = None;
    // A quotation that opens a paragraph and runs on into the next one (its closing mark left
    // off, the convention for a quotation of several paragraphs) is spoken by whoever the next
    // paragraph's quotation is attributed to: the claim given the previous speaker, and its
    // paragraph; the first unit of a later paragraph may name the speaker.
    let mut pending: Option<(usize, usize)> = None;
    for unit in &units {
        // The first unit of a later paragraph settles a pending claim, whatever it holds.
        let settling = match pending {
            Some((k, paragraph)) if unit.paragraph > paragraph => {
                pending = None;
                Some(k)
            }
            _ => None,
        };
        let mut runs_on_here = false;
        // Only the quotations that start in the unit matter to it; runs are sorted by start.
        let first = first_from(runs, &mut runs_from, unit.span.start, |r| r.outer.start);
        let last = first + runs[first..].partition_point(|r| r.outer.start < unit.span.end);
        // The cue words' places from the unit's start on: the clause reader looks at those
        // places only, in a unit that holds one.
        let candidates = match cues {
            Some(cues) => {
                let at = first_from(cues, &mut cues_from, unit.span.start, |&(at, _)| {
                    at as usize
                });
                may_hold_cue(text, unit.span, &cues[at..])
                    .then_some(clause::Candidates::Places(&cues[at..]))
            }
            None => Some(words),
        };
        let parsed = candidates.map_or_else(Vec::new, |candidates| {
            clause::parse_unit(text, unit.span, &runs[first..last], candidates)
        });
        let found: Vec<(Span, AttributionDetails)> = if parsed.is_empty() {
            match quoting.take() {
                // `runs[first]` is the first quotation starting at or after the unit's start.
                Some(previous)
                    if runs
                        .get(first)
                        .is_some_and(|r| r.outer.start == unit.span.start) =>
                {
                    let Details::Attribution(previous) = &*claims[previous].details else {
                        continue;
                    };
                    // The speaker and the cue go on; the content and quotations are this
                    // unit's (`fill_content`).
                    let mut d = AttributionDetails {
                        speaker: previous.speaker.clone(),
                        role: previous.role.clone(),
                        organization: previous.organization.clone(),
                        outlet: previous.outlet.clone(),
                        cue: previous.cue.clone(),
                        ..AttributionDetails::default()
                    };
                    fill_content(text, &[unit.span], runs, &mut d);
                    let run = runs[first];
                    let new_paragraph = claims.last().is_some_and(|c| {
                        c.span.end <= unit.span.start
                            && text[c.span.end..unit.span.start].contains('\n')
                    });
                    runs_on_here = new_paragraph && runs_on(text, run);
                    vec![(unit.span, d)]
                }
                _ => continue,
            }
        } else {
            parsed
                .into_iter()
                .map(|p| {
                    let (span, content) = (p.span, p.content.clone());
                    let pronoun = match &p.speaker {
                        Speaker::Pronoun(w) if w == "he" => Some(Pronoun::He),
                        Speaker::Pronoun(w) if w == "she" => Some(Pronoun::She),
                        _ => None,
                    };
                    let speaker_start = p.speaker_start;
                    // A person the narrative names after the last claim and before this
                    // sentence is who "he" or "she" stands for, before anyone quoted earlier:
                    // "Chancellor Markus Brenner sought to play down the row. '...,' he said."
                    let since = claims.last().map_or(0, |c| c.span.end);
                    let from = text.floor_char_boundary(
                        since.max(unit.span.start.saturating_sub(NARRATIVE_REACH)),
                    );
                    let named = pronoun
                        .filter(|_| from < unit.span.start)
                        .and_then(|pronoun| {
                            speakers.named_in(&text[from..unit.span.start], pronoun, true)
                        });
                    let mut d;
                    if let (Some((name, title)), Some(pronoun)) = (named, pronoun) {
                        d = AttributionDetails {
                            role: p.role,
                            organization: p.organization,
                            outlet: p.outlet,
                            cue: p.cue,
                            ..AttributionDetails::default()
                        };
                        speakers.give_pronoun(name, title, pronoun, &mut d);
                    } else {
                        d = speakers.resolve(text, p, unit.paragraph);
                        if let Some(pronoun) = pronoun
                            && d.speaker.is_none()
                            && d.role.is_none()
                        {
                            speakers.named_before(text, speaker_start, pronoun, &mut d);
                        }
                    }
                    fill_content(text, &content, runs, &mut d);
                    (span, d)
                })
                .collect()
        };
        quoting = None;
        if let Some(k) = settling {
            let opens = runs
                .get(first)
                .is_some_and(|r| r.outer.start == unit.span.start);
            if let Some((_, next)) = found.first()
                && opens
                && next.direct
                && let Some(claim) = claims.get_mut(k)
                && let Details::Attribution(d) = &mut *claim.details
            {
                d.speaker.clone_from(&next.speaker);
                d.role.clone_from(&next.role);
                d.organization.clone_from(&next.organization);
                d.outlet.clone_from(&next.outlet);
                d.cue.clone_from(&next.cue);
            }
        }
        for (span, details) in found {
            if details.content.is_empty() {
                continue;
            }
            quoting = details.direct.then_some(claims.len());
            speakers.last = Some(LastSpeaker {
                speaker: details.speaker.clone(),
                role: details.role.clone(),
                organization: details.organization.clone(),
            });
            if runs_on_here {
                pending = Some((claims.len(), unit.paragraph));
            }
            claims.push(Claim::new(
                text,
                trim_edges(text, span),
                Details::Attribution(Box::new(details)),
            ));
        }
    }
    claims
}

/// How far back from a sentence whose speaker is "he" or "she" the narrative since the last
/// claim is read for the person it names.
const NARRATIVE_REACH: usize = 600;

/// Whether the quotation `run` is left open at its paragraph's end: no closing mark ends it.
fn runs_on(text: &str, run: QuoteRun) -> bool {
    run.inner.end == run.outer.end
        || !text[..run.outer.end].ends_with(['"', '\'', '\u{201d}', '\u{2019}'])
}

/// Sets the content, quotations and directness of `d` from the attributed ranges.
fn fill_content(text: &str, ranges: &[Span], runs: &[QuoteRun], d: &mut AttributionDetails) {
    let ranges: Vec<Span> = ranges
        .iter()
        .map(|r| trim_span(text, *r))
        .filter(|r| !r.is_empty())
        .collect();
    // Runs are sorted by start: only those starting within the ranges can be inside one, and
    // looking at those alone keeps a long text from comparing every claim with every quotation.
    let lo = ranges.iter().map(|r| r.start).min().unwrap_or(0);
    let hi = ranges.iter().map(|r| r.end).max().unwrap_or(0);
    let runs = &runs[runs.partition_point(|q| q.outer.start < lo)..];
    let runs = &runs[..runs.partition_point(|q| q.outer.start < hi)];
    let inside: Vec<&QuoteRun> = runs
        .iter()
        .filter(|q| {
            ranges
                .iter()
                .any(|r| r.start <= q.outer.start && q.outer.end <= r.end)
        })
        .collect();
    d.quoted = inside
        .iter()
        .map(|q| clean(&text[q.inner.start..q.inner.end]).to_string())
        .collect();
    d.quoted.retain(|q| !q.is_empty());
    d.direct = !d.quoted.is_empty();
    // A statement that is all quotation is given without its marks; a partial quotation keeps
    // them, so the reader sees which words are quoted.
    let whole_quotes = ranges.iter().all(|r| inside.iter().any(|q| q.outer == *r));
    let parts: Vec<&str> = if whole_quotes && !inside.is_empty() {
        d.quoted.iter().map(String::as_str).collect()
    } else {
        ranges
            .iter()
            .map(|r| clean(&text[r.start..r.end]))
            .collect()
    };
    d.content = parts.join(" ");
}

/// `span` without surrounding white space, a trailing comma or dash, a leading "that", or a lead
/// word with its comma ("However, ").
fn trim_span(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    let mut start = span.start + (s.len() - s.trim_start().len());
    let mut end = span.start
        + s.trim_end_matches([' ', ',', '\u{2014}', '\u{2013}', '\n', '\t'])
            .len();
    if end < start {
        end = start;
    }
    let inner = &text[start..end];
    if let Some((first, rest)) = lead_word(inner)
        && lexicon::LEXICON.is_adverbial(first)
    {
        start = end - rest.len();
    } else if let Some(rest) = inner.strip_prefix("that ")
        && !clause::that_is_pronoun(rest)
    {
        // "said that the plan failed" drops the conjunction; in "said that was wrong" the "that"
        // is the subject and stays.
        start = end - rest.len();
    }
    Span::new(start, end)
}

/// `s` split at its first ", " when what comes before holds no space ("However, ..."): that
/// comma stands just before the first space, which is all that is looked for (a search of the
/// whole statement for ", " cost about 700 instructions).
fn lead_word(s: &str) -> Option<(&str, &str)> {
    let k = s.bytes().position(|b| b == b' ')?;
    (k > 0 && s.as_bytes()[k - 1] == b',').then(|| (&s[..k - 1], &s[k + 1..]))
}

/// `span` without surrounding white space or a trailing comma, for the span of a claim.
fn trim_edges(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.start + s.trim_end_matches([' ', ',', ';', '\n', '\t']).len();
    Span::new(start, end.max(start))
}

/// Words without white space or the punctuation that closes them in running text.
fn clean(s: &str) -> &str {
    s.trim().trim_end_matches([',', '.', ';', ':', ' ']).trim()
}

/// Every pattern of the attribution reader, for the table of prebuilt automata
/// (`tier/automata.rs`).
#[cfg(test)]
pub(crate) fn tiered_patterns() -> Vec<&'static crate::tier::Tiered> {
    let mut all = clause::tiered_patterns();
    all.extend(phrase::tiered_patterns());
    all
}

/// The attribution reader's patterns of three forms (see [`crate::ascii::Twin`]).
#[cfg(test)]
pub(crate) fn twins() -> Vec<&'static crate::ascii::Twin> {
    phrase::twins()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lead word's split is `split_once(", ")` with no space before the comma.
    #[test]
    fn lead_word_is_the_first_comma_split_without_a_space() {
        let pieces = [
            "However", ",", " ", "a", ", ", "é", ",,", "  ", "x,y", "\u{2014}",
        ];
        let mut checked = 0;
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let s = format!("{a}{b}{c}");
                    let expected = s.split_once(", ").filter(|(first, _)| !first.contains(' '));
                    assert_eq!(lead_word(&s), expected, "{s:?}");
                    checked += 1;
                }
            }
        }
        assert_eq!(checked, 1000);
    }

    /// Reading only the units that may hold a cue, and in them only the words at the cue
    /// words' places (or, without the places, the words the cue table's shapes let through),
    /// finds what asking every word of every unit finds: at the edges of units, beside joiners
    /// and capitals, with two cues in a unit or one cue inside another ("say" in "says"), in
    /// units with other scripts, and where a Kelvin sign makes "remarked" only once lowercased
    /// by Unicode's rules; in texts short enough for the trigger pass to keep its pairs and in
    /// texts too long for that.
    #[test]
    fn units_without_a_cue_word_are_skipped_without_loss() {
        let mut texts: Vec<String> = [
            include_str!("../../../bench/articles/summit-talks.txt"),
            include_str!("../../../bench/articles/harbour-strike.txt"),
            include_str!("../../../bench/articles/budget-vote.txt"),
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        let edges = [
            "\"We will rebuild,\" said Ruiz.",
            "Said the mayor: \"We will rebuild.\"",
            "The plan works, SAID officials on Monday.",
            "The un-said part was the vote, officials x-said.",
            "According to the ministry, 40 people died.",
            "Exports rose, remar\u{212A}ed the minister, who declined.",
            "The talks failed, the mayor said\u{2014}and left.",
            "Prices fell, Müller said on Tuesday.",
            "It was the saidness of it, warned-off critics added,",
            "added",
            "Lee said the talks failed, but Kim said they would resume.",
            "\"It is over,\" says Ruiz, who says he will stay, SAYS the aide.",
            "The said-so rule, officials told Reuters, stands according to them.",
            "Prices rose, ACCORDING TO the bank, which Told nobody.",
        ];
        for (k, edge) in edges.iter().enumerate() {
            // Long enough for the trigger pass, with the edge case at the start, in the middle
            // and at the end.
            let filler = "The council met in the hall and the vote was close. ".repeat(6);
            texts.push(format!("{edge} {filler}{edge}\n\n{filler}{edge}"));
            texts.push(format!("{filler}{}", edges[..=k].join(" ")));
        }
        // Every edge case, many times over: more cue words than the pass keeps as pairs.
        let all = edges.join("\n\n");
        texts.push(
            std::iter::repeat_n(all.as_str(), 40)
                .collect::<Vec<_>>()
                .join("\n\n"),
        );
        let mut with_some = 0;
        for text in &texts {
            let lower = text.to_ascii_lowercase();
            let sentences = crate::sentences::sentences(text);
            let triggers = crate::date::triggers(text, &lower);
            let cues = cue_places(&triggers).expect("a text long enough for the trigger pass");
            let runs = quote_runs(text);
            let every =
                attributions_reading(text, &sentences, None, &runs, clause::Candidates::Every);
            assert_eq!(
                attributions_in(text, &sentences, Some(&cues), &runs),
                every,
                "{text}"
            );
            assert_eq!(
                attributions_in(text, &sentences, None, &runs),
                every,
                "{text}"
            );
            with_some += usize::from(!every.is_empty());
        }
        // The comparison is of attributions, not of empty lists.
        assert!(
            with_some * 4 >= texts.len() * 3,
            "{with_some} of {} texts hold an attribution",
            texts.len()
        );
    }

    /// The indexed people resolve every mention as the plain list they replaced did: the most
    /// recent person whose name holds the mention's words, moved to the end when mentioned.
    #[test]
    fn indexed_people_resolve_mentions_as_a_list_does() {
        let words = ["Lee", "Kim", "Ann", "Park", "Jo", "Lee-Ann"];
        let mut picks = crate::testing::Picks::new(0x9E37_79B9_7F4A_7C15);
        let mut next = |n: usize| picks.below(n);
        let mut people = People::default();
        let mut list: Vec<String> = Vec::new();
        let mut resolved = 0;
        for _ in 0..3_000 {
            let len = 1 + next(3);
            let mention: Vec<&str> = (0..len).map(|_| words[next(words.len())]).collect();
            let mention = mention.join(" ");
            let expected = list.iter().rposition(|full| mentions(full, &mention));
            let found = people.find(&mention);
            assert_eq!(
                found.map(|k| people.known[k].name.as_str()),
                expected.map(|k| list[k].as_str()),
                "{mention}"
            );
            match found {
                Some(k) => {
                    resolved += 1;
                    people.touch(k);
                    let name = list.remove(expected.unwrap());
                    list.push(name);
                }
                None => {
                    people.add(Known {
                        name: mention.clone(),
                        role: None,
                        organization: None,
                        outlet: None,
                        stamp: 0,
                        pronoun: None,
                    });
                    list.push(mention);
                }
            }
            assert_eq!(
                people.latest().map(|k| people.known[k].name.as_str()),
                list.last().map(String::as_str)
            );
        }
        assert!(
            resolved > 1_000,
            "too few mentions resolved to test: {resolved}"
        );
    }

    /// What a test expects of one claim; `None` fields must be absent.
    #[derive(Debug, Default, Clone, PartialEq)]
    struct Want {
        speaker: Option<&'static str>,
        role: Option<&'static str>,
        organization: Option<&'static str>,
        outlet: Option<&'static str>,
        cue: &'static str,
        content: &'static str,
        quoted: &'static [&'static str],
    }

    impl Want {
        /// The details this expectation stands for; a claim is direct when it quotes.
        fn details(&self) -> AttributionDetails {
            let owned = |s: Option<&str>| s.map(str::to_string);
            AttributionDetails {
                speaker: owned(self.speaker),
                role: owned(self.role),
                organization: owned(self.organization),
                outlet: owned(self.outlet),
                cue: self.cue.to_string(),
                content: self.content.to_string(),
                direct: !self.quoted.is_empty(),
                quoted: self.quoted.iter().map(|q| q.to_string()).collect(),
            }
        }
    }

    fn check(text: &str, expected: &[Want]) {
        let got: Vec<AttributionDetails> = extract_attributions(text)
            .into_iter()
            .map(|c| match *c.details {
                Details::Attribution(d) => *d,
                other => panic!("not an attribution: {other:?}"),
            })
            .collect();
        let expected: Vec<AttributionDetails> = expected.iter().map(Want::details).collect();
        assert_eq!(got, expected, "in {text:?}");
    }

    /// The details of the first claim of `text`, which must be an attribution.
    fn first_attribution(text: &str) -> AttributionDetails {
        let claims = extract_attributions(text);
        match claims.first().map(|c| &*c.details) {
            Some(Details::Attribution(d)) => (**d).clone(),
            other => panic!("no attribution first in {text:?}: {other:?}"),
        }
    }

    fn want(speaker: Option<&'static str>, cue: &'static str, content: &'static str) -> Want {
        Want {
            speaker,
            cue,
            content,
            ..Want::default()
        }
    }

    #[test]
    fn said_with_that_and_a_bare_clause() {
        check(
            "Mayor Ines Okafor said that the bridge would reopen in May.",
            &[Want {
                role: Some("Mayor"),
                ..want(
                    Some("Ines Okafor"),
                    "said",
                    "the bridge would reopen in May",
                )
            }],
        );
        check(
            "The harbour master said the ferry was late again.",
            &[Want {
                role: Some("the harbour master"),
                ..want(None, "said", "the ferry was late again")
            }],
        );
    }

    /// A time word between the verb and the statement is the reporter's, not the speaker's.
    #[test]
    fn a_time_word_after_the_verb_is_not_the_statement() {
        check(
            "Coach Ana Silva said afterwards: \"The players were outstanding.\"",
            &[Want {
                role: Some("Coach"),
                quoted: &["The players were outstanding"],
                ..want(Some("Ana Silva"), "said", "The players were outstanding")
            }],
        );
    }

    /// A finding is attributed to what found it when "that" or a colon follows; a thing found
    /// is no statement.
    #[test]
    fn a_report_finds_that() {
        check(
            "The report, published on Monday, found that incomes had fallen.",
            &[want(Some("the report"), "found", "incomes had fallen")],
        );
        check(
            "Official data showed that inflation rose again.",
            &[want(
                Some("Official data"),
                "showed",
                "inflation rose again",
            )],
        );
        check("Police found the body of a man in the river.", &[]);
    }

    /// A quotation left open at its paragraph's end goes on in the next, whose speaker says
    /// it, not the speaker quoted before it.
    #[test]
    fn a_quotation_running_into_the_next_paragraph_is_its_speakers() {
        let text = "The mayor said the plan was \"a disgrace\".\n\n\"We had no warning. The \
                    water rose so fast.\n\n\"By then the floor was gone,\" said Maria Costa, 67.\n";
        let got: Vec<(Option<String>, String)> = extract_attributions(text)
            .into_iter()
            .map(|c| match *c.details {
                Details::Attribution(d) => (d.speaker, d.content),
                other => panic!("not an attribution: {other:?}"),
            })
            .collect();
        assert_eq!(
            got,
            [
                (None, "the plan was \"a disgrace\"".to_string()),
                (
                    Some("Maria Costa".to_string()),
                    "We had no warning. The water rose so fast".to_string()
                ),
                (
                    Some("Maria Costa".to_string()),
                    "By then the floor was gone".to_string()
                ),
            ]
        );
    }

    /// "According to X, a role at an organization, ...": the appositive is X's, not the
    /// statement's.
    #[test]
    fn according_to_a_person_with_an_appositive() {
        check(
            "According to Dr Amy Chen, a virologist at Oxford, the variant is mild.",
            &[Want {
                role: Some("a virologist"),
                organization: Some("Oxford"),
                ..want(Some("Amy Chen"), "according to", "the variant is mild")
            }],
        );
        check(
            "According to Smith, the plan, which cost millions, failed.",
            &[want(
                Some("Smith"),
                "according to",
                "the plan, which cost millions, failed",
            )],
        );
    }

    /// A speaker described by what follows the noun: "sources close to her", "people familiar
    /// with the matter", before the verb or after it.
    #[test]
    fn sources_close_to_someone_speak() {
        for (text, role, content) in [
            (
                "The minister resigned, sources close to her said.",
                "sources close to her",
                "The minister resigned",
            ),
            (
                "People familiar with the matter said on Monday that a deal was near.",
                "People familiar with the matter",
                "a deal was near",
            ),
            (
                "\"She has gone,\" said a source close to the minister.",
                "a source close to the minister",
                "She has gone",
            ),
        ] {
            let d = first_attribution(text);
            assert_eq!(
                (d.speaker.as_deref(), d.role.as_deref(), d.content.as_str()),
                (None, Some(role), content),
                "in {text:?}"
            );
        }
    }

    /// "she" with no quoted person to name is the last person named with a courtesy title or
    /// a title before a full name, unless a described person comes between.
    #[test]
    fn a_pronoun_names_the_last_titled_person() {
        for (text, speaker) in [
            (
                "Ms Reeves has warned of cuts. On Sunday, she said taxes would rise.",
                Some("Reeves"),
            ),
            (
                "President Joe Biden met the king. Afterwards he said the talks went well.",
                Some("Joe Biden"),
            ),
            // The courtesy title of the other sex is passed over.
            ("Mr Obi met the press. She said the vote was fair.", None),
            (
                "The plan was led by Ms Reeves. Treasury officials met. She said it was fair.",
                Some("Reeves"),
            ),
            (
                "Ms Reeves spoke first. The minister resigned. She said she had no choice.",
                None,
            ),
        ] {
            let d = first_attribution(text);
            assert_eq!(d.speaker.as_deref(), speaker, "in {text:?}");
        }
    }

    /// A person the narrative names between the last claim and a "he" or "she" is the one the
    /// pronoun stands for, before the person quoted earlier.
    #[test]
    fn a_pronoun_names_the_person_the_narrative_named_since_the_last_claim() {
        let speakers = |text: &str| -> Vec<(Option<String>, Option<String>)> {
            extract_attributions(text)
                .into_iter()
                .map(|c| match *c.details {
                    Details::Attribution(d) => (d.speaker, d.role),
                    _ => unreachable!(),
                })
                .collect()
        };
        let named = |s: &str, r: Option<&str>| (Some(s.to_string()), r.map(str::to_string));
        assert_eq!(
            speakers(
                "\"We will vote no,\" said Jonas Petersen, the Green leader.\n\n\
                 Chancellor Markus Brenner sought to play down the row. \"Coalitions argue,\" he \
                 said."
            ),
            [
                named("Jonas Petersen", Some("the Green leader")),
                named("Markus Brenner", Some("Chancellor")),
            ]
        );
        // A lowercase title, a hyphenated one, and a known person named again by surname.
        assert_eq!(
            speakers(
                "\"We lost,\" Okafor said. Rovers manager Elena Marsh praised her side. \"We \
                 were poor,\" she said."
            )[1],
            named("Elena Marsh", Some("manager"))
        );
        assert_eq!(
            speakers(
                "\"It is late,\" campaigners said. UN Secretary-General Ana Costa urged action. \
                 \"Promises are not enough,\" she said."
            )[1],
            named("Ana Costa", Some("Secretary-General"))
        );
        assert_eq!(
            speakers(
                "\"No,\" Finance Minister Katrin Albers said. \"Cuts hurt,\" Clemens Fuest \
                 said. Albers, a former banker, was asked about it. She said she would stay."
            )[2]
            .0
            .as_deref(),
            Some("Katrin Albers")
        );
        // With nothing named between, the pronoun goes on naming the last speaker.
        assert_eq!(
            speakers("\"Yes,\" Clemens Fuest said. \"It is bad,\" he added.")[1]
                .0
                .as_deref(),
            Some("Clemens Fuest")
        );
    }

    /// A comma after a place or time behind the speaker opens no appositive of the speaker.
    #[test]
    fn an_appositive_after_a_place_is_not_the_speakers() {
        check(
            "\"A dark day,\" wrote local MP Sarah Green on X, formerly Twitter.",
            &[Want {
                role: Some("local MP"),
                quoted: &["A dark day"],
                ..want(Some("Sarah Green"), "wrote", "A dark day")
            }],
        );
    }

    /// An audience of two words is the hearer, not the statement's start.
    #[test]
    fn a_news_conference_is_the_hearer() {
        check(
            "Mayor Ines Okafor told a news conference the bridge would reopen.",
            &[Want {
                role: Some("Mayor"),
                ..want(Some("Ines Okafor"), "told", "the bridge would reopen")
            }],
        );
        check(
            "Mayor Ines Okafor told a packed rally that the bridge would reopen.",
            &[Want {
                role: Some("Mayor"),
                ..want(Some("Ines Okafor"), "told", "the bridge would reopen")
            }],
        );
        // After a quotation, what follows the hearer is how or where it was said, not the
        // statement: the quotation is.
        check(
            "\"We are ready,\" Mayor Ines Okafor told a joint press conference in Leeds.",
            &[Want {
                role: Some("Mayor"),
                quoted: &["We are ready"],
                ..want(Some("Ines Okafor"), "told", "We are ready")
            }],
        );
        check(
            "\"We are digging,\" Ali Khan told the Associated Press by phone.",
            &[Want {
                outlet: Some("Associated Press"),
                quoted: &["We are digging"],
                ..want(Some("Ali Khan"), "told", "We are digging")
            }],
        );
    }

    /// Long names of bodies, with "the" inside them or their acronym in brackets, speak whole;
    /// a person "of" a body speaks for it; a name opening with a descriptor is no outlet.
    #[test]
    fn bodies_by_their_long_names_and_people_of_them() {
        let speaker = |text: &str| {
            let d = first_attribution(text);
            (d.speaker, d.organization, d.outlet)
        };
        let owned = |s: &str| Some(s.to_string());
        assert_eq!(
            speaker(
                "Some 1,200 people fled, the United Nations Office for the Coordination of \
                 Humanitarian Affairs (OCHA) said in a statement."
            ),
            (
                owned("the United Nations Office for the Coordination of Humanitarian Affairs"),
                None,
                None
            )
        );
        assert_eq!(
            speaker("The World Health Organization (WHO) said the outbreak was over."),
            (owned("the World Health Organization"), None, None)
        );
        assert_eq!(
            speaker(
                "Detective Inspector Sarah Kaur of West Yorkshire Police said officers had \
                 examined the files."
            ),
            (owned("Sarah Kaur"), owned("West Yorkshire Police"), None)
        );
        assert_eq!(
            speaker("Network Rail said the line would reopen."),
            (owned("Network Rail"), None, None)
        );
    }

    /// A surname alone names the person the text gave in full before, with the title they
    /// had there; a place opening the sentence before it is no first name.
    #[test]
    fn a_surname_takes_the_full_name_given_before() {
        let read = |text: &str| -> Vec<(Option<String>, Option<String>)> {
            extract_attributions(text)
                .into_iter()
                .map(|c| match *c.details {
                    Details::Attribution(d) => (d.speaker, d.role),
                    other => panic!("{other:?}"),
                })
                .collect()
        };
        let owned = |s: &str| Some(s.to_string());
        assert_eq!(
            read("Villa boss Unai Emery was frustrated. \"We were poor,\" Emery said."),
            [(owned("Unai Emery"), None)]
        );
        assert_eq!(
            read("Chancellor Rachel Reeves set out the plan. Reeves said it would save money."),
            [(owned("Rachel Reeves"), owned("Chancellor"))]
        );
        assert_eq!(
            read("In London Johnson met officials. Johnson said it went well."),
            [(owned("Johnson"), None)]
        );
    }

    /// A role of one sex ("the chairman") or a courtesy title ("Mr Hill") tells "she" from
    /// "he" before any pronoun has named the person.
    #[test]
    fn a_gendered_role_or_courtesy_title_keeps_the_other_pronoun_away() {
        let speakers = |text: &str| -> Vec<Option<String>> {
            extract_attributions(text)
                .into_iter()
                .map(|c| match *c.details {
                    Details::Attribution(d) => d.speaker,
                    other => panic!("{other:?}"),
                })
                .collect()
        };
        let named = |names: &[&str]| -> Vec<Option<String>> {
            names.iter().map(|n| Some(n.to_string())).collect()
        };
        assert_eq!(
            speakers(
                "Sarah Jones, the chief executive, said sales rose. The chairman, Tom Hill, \
                 said the board was pleased. She added that costs fell."
            ),
            named(&["Sarah Jones", "Tom Hill", "Sarah Jones"])
        );
        assert_eq!(
            speakers(
                "\"Sales rose,\" said Sarah Jones. \"We are pleased,\" said Mr. Hill. She added \
                 that costs fell. He said more would follow."
            ),
            named(&["Sarah Jones", "Hill", "Sarah Jones", "Hill"])
        );
        assert_eq!(
            speakers(
                "Mrs Holt said she was never late. Mr Reid said the rota was wrong. She said it was right."
            ),
            named(&["Holt", "Reid", "Holt"])
        );
    }

    /// Bodies and roles seen in probes of new articles: a government agency is no news agency,
    /// "U.S." keeps its point inside a name, a possessive inside a body's name is no title, and
    /// a relative clause after a role is not part of it.
    #[test]
    fn agencies_initials_colleges_and_clauses_after_a_role() {
        let read = |text: &str| {
            let d = first_attribution(text);
            (d.speaker, d.role, d.organization, d.outlet)
        };
        let owned = |s: &str| Some(s.to_string());
        assert_eq!(
            read("The Environment Agency said 40 flood warnings were in place."),
            (owned("the Environment Agency"), None, None, None)
        );
        assert_eq!(
            read("The talks failed, the Korean Central News Agency said."),
            (None, None, None, owned("Korean Central News Agency"))
        );
        assert_eq!(
            read("The quake struck at a depth of 35 km, the U.S. Geological Survey (USGS) said."),
            (owned("the U.S. Geological Survey"), None, None, None)
        );
        assert_eq!(
            read("The ship was hit, U.S. officials said."),
            (None, owned("U.S. officials"), None, None)
        );
        assert_eq!(
            read(
                "Its lead investigator, Prof Marcus Hale of King's College London, said the \
                 results were encouraging."
            ),
            (
                owned("Marcus Hale"),
                owned("Its lead investigator"),
                owned("King's College London"),
                None
            )
        );
        assert_eq!(
            read(
                "\"It was frightening,\" said Rosa Quispe, 38, a market trader in the town of \
                 Chivay, who spent the rest of the night in the street."
            ),
            (
                owned("Rosa Quispe"),
                owned("a market trader in the town of Chivay"),
                None,
                None
            )
        );
        assert_eq!(
            read("Train services will resume, according to Network Rail."),
            (owned("Network Rail"), None, None, None)
        );
        assert_eq!(
            read("The thinktank said the change would affect more people."),
            (owned("the thinktank"), None, None, None)
        );
        assert_eq!(
            read("One senior backbencher, who asked not to be named, said the mood was bad."),
            (None, owned("one senior backbencher"), None, None)
        );
        // A person named between commas after "a spokesperson for" a body speaks for it; a
        // title after the article comes with the name; a rank inside a body's name is no title.
        assert_eq!(
            read("A spokesperson for the utility, Gabriela Ornelas, said crews were working."),
            (
                owned("Gabriela Ornelas"),
                owned("a spokesperson"),
                owned("the utility"),
                None
            )
        );
        assert_eq!(
            read("The letter, organised by the MP Rebecca Long-Bailey, warns that it will hurt."),
            (owned("the letter"), None, None, None)
        );
        assert_eq!(
            read("The Foreign Ministry spokesperson Lin Jian told a briefing that talks went on."),
            (
                owned("Lin Jian"),
                owned("Foreign Ministry spokesperson"),
                None,
                None
            )
        );
        assert_eq!(
            read("Ukraine's General Staff said 40 attacks were repelled."),
            (owned("Ukraine's General Staff"), None, None, None)
        );
        // Words after "said" with a verb of their own are the statement, not a speaker.
        assert_eq!(
            read(
                "A Veridian spokeswoman, Ellen Park, said affected employees in the United \
                 States would receive severance."
            ),
            (
                owned("Ellen Park"),
                owned("a Veridian spokeswoman"),
                None,
                None
            )
        );
        // "Name, role of/at a body, who ..., said": "who" is the person's.
        assert_eq!(
            read(
                "Johan Rockström, director of the Potsdam Institute, who was not involved in \
                 the report, said the findings were alarming."
            ),
            (
                owned("Johan Rockström"),
                owned("director"),
                owned("the Potsdam Institute"),
                None
            )
        );
        assert_eq!(
            read("Sam Lee, an analyst at Nomura, who follows the firm, said shares would rise."),
            (owned("Sam Lee"), owned("an analyst"), owned("Nomura"), None)
        );
    }

    /// What the review of the pronoun, hearer and "of" readings found they must leave alone.
    #[test]
    fn hearers_times_places_and_objects_stay_what_they_were() {
        let d = first_attribution("She told him the meeting was cancelled.");
        assert_eq!(d.content, "the meeting was cancelled");
        let d = first_attribution("By noon, 40 people had died, police said.");
        assert_eq!(d.content, "By noon, 40 people had died");
        let d = first_attribution("Maria Lopez of Houston said the water was rising.");
        assert_eq!(
            (d.speaker.as_deref(), d.organization.as_deref()),
            (Some("Maria Lopez of Houston"), None)
        );
        // A known person named as an object is not who "he" stands for.
        let claims = extract_attributions(
            "\"Rates must fall,\" said Finance Minister Katrin Albers. Opposition leader Tom \
             Reid attacked Albers over the budget. \"It is a disgrace,\" he said.",
        );
        let Details::Attribution(d) = &*claims[1].details else {
            unreachable!()
        };
        assert_eq!(d.speaker.as_deref(), Some("Tom Reid"));
    }

    /// "and" inside a name joins it where the phrase opens its clause and reads as one body;
    /// two named people, or a name after a clause, keep the last speaker.
    #[test]
    fn and_inside_a_name_joins_it() {
        for (text, speaker) in [
            (
                "The Associated Society of Locomotive Engineers and Firemen said pay was low.",
                "the Associated Society of Locomotive Engineers and Firemen",
            ),
            (
                "The Department for Environment, Food and Rural Affairs said pay was low.",
                "the Department for Environment, Food and Rural Affairs",
            ),
            (
                "In London, the Food and Drug Administration said pay was low.",
                "the Food and Drug Administration",
            ),
            ("Marks and Spencer said pay was low.", "Marks and Spencer"),
            (
                "Boris Johnson and Rishi Sunak said pay was low.",
                "Rishi Sunak",
            ),
            ("Sales fell in Leeds and Smith said pay was low.", "Smith"),
            ("The army and the police said pay was low.", "the police"),
            (
                "Secretary of State Antony Blinken and Sergei Lavrov said pay was low.",
                "Sergei Lavrov",
            ),
        ] {
            let d = first_attribution(text);
            assert_eq!(d.speaker.as_deref(), Some(speaker), "in {text:?}");
            assert_eq!(d.content, "pay was low", "in {text:?}");
        }
    }

    #[test]
    fn a_participle_after_a_comma_reports_the_subject() {
        check(
            "The Met Office issued a warning on Monday, saying gusts of 80mph could hit the coast.",
            &[want(
                Some("the Met Office"),
                "saying",
                "gusts of 80mph could hit the coast",
            )],
        );
        check(
            "On Tuesday, the Ministry of Finance published its forecast, warning that growth \
             would slow.",
            &[want(
                Some("the Ministry of Finance"),
                "warning",
                "growth would slow",
            )],
        );
        check(
            "Protesters marched through the capital, saying the vote had been stolen.",
            &[Want {
                role: Some("Protesters"),
                ..want(None, "saying", "the vote had been stolen")
            }],
        );
        // The subject of the sentence speaks, not that of a clause inside it.
        check(
            "The minister resigned after the party lost the vote, saying she took the blame.",
            &[Want {
                role: Some("the minister"),
                ..want(None, "saying", "she took the blame")
            }],
        );
        check("Apple's shares rose, adding that demand had held up.", &[]);
        // Coordinated clauses: the last one's subject; a compound subject is no clause.
        check(
            "Rain fell overnight and the Met Office issued a warning, saying more was coming.",
            &[want(Some("the Met Office"), "saying", "more was coming")],
        );
        // One bare word opening the sentence may be a name or a noun: no claim.
        for text in [
            "Shares fell 4 percent after the company cut its forecast, saying demand had weakened.",
            "Inflation rose after the government raised taxes, saying the deficit was too large.",
        ] {
            check(text, &[]);
        }
        // "... and said": the subject the clause opens with speaks, unless it is one bare word.
        check(
            "President Jose Jeri declared an emergency and said funds would be released.",
            &[Want {
                role: Some("President"),
                ..want(Some("Jose Jeri"), "said", "funds would be released")
            }],
        );
        check(
            "On Monday, police arrested two men and said more arrests were likely.",
            &[want(Some("police"), "said", "more arrests were likely")],
        );
        check(
            "Putin met Xi in Beijing and said the talks were useful.",
            &[],
        );
        check(
            "The ministry raised its forecast, adding that exports had held up.",
            &[want(Some("the ministry"), "adding", "exports had held up")],
        );
        check(
            "Police arrested a man on Monday, saying no one had been hurt.",
            &[want(Some("Police"), "saying", "no one had been hurt")],
        );
        // Not "..., said X" inverted: the words after the participle are no speaker.
        check(
            "President Lula criticised the plan, saying it would hurt farmers.",
            &[Want {
                role: Some("President"),
                ..want(Some("Lula"), "saying", "it would hurt farmers")
            }],
        );
        check(
            "Ukraine's air force said it had downed 40 drones overnight.",
            &[want(
                Some("Ukraine's air force"),
                "said",
                "it had downed 40 drones overnight",
            )],
        );
        // The first cue's reading holds the participle's words already.
        check(
            "The Kremlin said it would respond, adding that the sanctions were illegal.",
            &[want(
                Some("the Kremlin"),
                "said",
                "it would respond, adding that the sanctions were illegal",
            )],
        );
        // A phrase after the participle is no statement; nor is one without a comma before it.
        for text in [
            "He left the room, saying nothing.",
            "The government raised taxes, adding to the pressure on households.",
            "Forecasters issued an alert, warning of floods in the north.",
            "Troops shelled the town, killing three and saying the town was a target.",
            "The agency issued figures on Monday saying exports fell.",
            // "adding" a thing rather than words.
            "Shares of Apple rose 2 percent, adding $60 billion to its market value.",
            "The club signed two players, adding depth to the squad.",
            "Ford expanded the plant, adding a third shift and 900 workers.",
            // No verb after the name: a noun ("auto") does not end a subject.
            "The United States auto maker Chrysler, which was hit hard, has asked for a loan, \
             saying it plans to cut jobs.",
        ] {
            check(text, &[]);
        }
    }

    #[test]
    fn institutions_speak() {
        check(
            "The Elysee Palace has repeatedly been warning that fuel stocks are low.",
            &[want(
                Some("the Elysee Palace"),
                "warning",
                "fuel stocks are low",
            )],
        );
        check(
            "Fares will rise by a tenth next year, the ministry announced on Friday (March 3).",
            &[want(
                Some("the ministry"),
                "announced",
                "Fares will rise by a tenth next year",
            )],
        );
    }

    #[test]
    fn unnamed_speakers_and_warns() {
        check(
            "Yet, a longer winter would hurt farmers in the north, warns an expert.",
            &[Want {
                role: Some("an expert"),
                ..want(
                    None,
                    "warns",
                    "a longer winter would hurt farmers in the north",
                )
            }],
        );
        check(
            "An official told reporters that the road was closed.",
            &[Want {
                role: Some("an official"),
                ..want(None, "told", "the road was closed")
            }],
        );
        // A quotation inside the clause after the hearer is part of it; after a time phrase
        // it opens the statement.
        check(
            "Ana Ruiz told the BBC the agency was \u{201c}deeply concerned\u{201d}.",
            &[Want {
                outlet: Some("BBC"),
                quoted: &["deeply concerned"],
                ..want(
                    Some("Ana Ruiz"),
                    "told",
                    "the agency was \u{201c}deeply concerned\u{201d}",
                )
            }],
        );
        check(
            "Ana Ruiz told reporters on Monday \u{201c}we are deeply concerned\u{201d}.",
            &[Want {
                quoted: &["we are deeply concerned"],
                ..want(
                    Some("Ana Ruiz"),
                    "told",
                    "\u{201c}we are deeply concerned\u{201d}",
                )
            }],
        );
    }

    #[test]
    fn outlets() {
        check(
            "According to the Norwegian news agency NTB, the ship left port at dawn.",
            &[Want {
                outlet: Some("NTB"),
                ..want(None, "according to", "the ship left port at dawn")
            }],
        );
        check(
            "The captain told Reuters the crew was safe.",
            &[Want {
                role: Some("the captain"),
                outlet: Some("Reuters"),
                ..want(None, "told", "the crew was safe")
            }],
        );
        check(
            "The vote was close, according to Ana Silva.",
            &[want(
                Some("Ana Silva"),
                "according to",
                "The vote was close",
            )],
        );
    }

    #[test]
    fn role_and_organization_appositive() {
        check(
            "Mara Holt, a port economist at the Centre for Sea Trade at Halden College in Oslo, tells the \u{201c}Daily Planet\u{201d} : Cargo volumes have doubled since 2019.",
            &[Want {
                role: Some("a port economist"),
                organization: Some("the Centre for Sea Trade at Halden College in Oslo"),
                outlet: Some("Daily Planet"),
                ..want(
                    Some("Mara Holt"),
                    "tells",
                    "Cargo volumes have doubled since 2019",
                )
            }],
        );
    }

    #[test]
    fn split_and_partial_quotes() {
        check(
            "\u{201c}We are ready,\u{201d} Tomas Berg said, \u{201c}and we will win.\u{201d}",
            &[Want {
                quoted: &["We are ready", "and we will win"],
                ..want(Some("Tomas Berg"), "said", "We are ready and we will win")
            }],
        );
        check(
            "Jon Amari, professor of maritime law at Nordvik University, added to the Harbour Times: New tolls would \u{201c}choke trade on the coast\u{201d} and raise prices.",
            &[Want {
                role: Some("professor of maritime law"),
                organization: Some("Nordvik University"),
                outlet: Some("Harbour Times"),
                quoted: &["choke trade on the coast"],
                ..want(
                    Some("Jon Amari"),
                    "added",
                    "New tolls would \u{201c}choke trade on the coast\u{201d} and raise prices",
                )
            }],
        );
    }

    #[test]
    fn later_mentions_and_continuations() {
        let role = Some("a climate scientist");
        let org = Some("the Polar Institute");
        check(
            "Kari Nordby-Lind, a climate scientist at the Polar Institute, told the Evening Post: The ice is thinning.\n\
             \u{201c}This cannot go on,\u{201d} Nordby-Lind continued. \u{201c}We need action.\u{201d}\n\
             She added that funding was short.\n\
             An \u{201c}urgent\u{201d} meeting is planned.",
            &[
                Want {
                    role,
                    organization: org,
                    outlet: Some("Evening Post"),
                    ..want(Some("Kari Nordby-Lind"), "told", "The ice is thinning")
                },
                Want {
                    role,
                    organization: org,
                    outlet: Some("Evening Post"),
                    quoted: &["This cannot go on"],
                    ..want(Some("Kari Nordby-Lind"), "continued", "This cannot go on")
                },
                Want {
                    role,
                    organization: org,
                    outlet: Some("Evening Post"),
                    quoted: &["We need action"],
                    ..want(Some("Kari Nordby-Lind"), "continued", "We need action")
                },
                Want {
                    role,
                    organization: org,
                    outlet: Some("Evening Post"),
                    ..want(Some("Kari Nordby-Lind"), "added", "funding was short")
                },
            ],
        );
    }

    #[test]
    fn she_does_not_name_a_man_called_he() {
        // Two speakers; each pronoun goes to the last one it can name.
        check(
            "Anna Berg said the port was safe.\n\
             Lee Park said the port was closed. He added that ships waited.\n\
             She said the report was wrong.",
            &[
                want(Some("Anna Berg"), "said", "the port was safe"),
                want(Some("Lee Park"), "said", "the port was closed"),
                want(Some("Lee Park"), "added", "ships waited"),
                want(Some("Anna Berg"), "said", "the report was wrong"),
            ],
        );
        // Nobody "she" can name: the speaker is left open rather than given to him.
        check(
            "Lee Park said the port was closed. He added that ships waited.\n\
             She said the report was wrong.",
            &[
                want(Some("Lee Park"), "said", "the port was closed"),
                want(Some("Lee Park"), "added", "ships waited"),
                want(None, "said", "the report was wrong"),
            ],
        );
    }

    #[test]
    fn partial_quote_with_the_speaker_after() {
        check(
            "The talks will resume \u{201c}within weeks\u{201d} in Geneva, the Kremlin said on Monday.",
            &[Want {
                quoted: &["within weeks"],
                ..want(
                    Some("the Kremlin"),
                    "said",
                    "The talks will resume \u{201c}within weeks\u{201d} in Geneva",
                )
            }],
        );
    }

    #[test]
    fn scare_quotes_and_non_speech_are_not_attributions() {
        check("The deal is a \u{201c}win-win\u{201d} for both sides.", &[]);
        check("The council has confirmed weeks of rumours.", &[]);
        check("A local expert warns of the risks for fishing.", &[]);
        check("The mayor is said to be unwell.", &[]);
    }

    #[test]
    fn two_speakers_in_one_sentence() {
        check(
            "Governor Lena Roth said the dam was safe, but Deputy Governor Ivo Brandt said that was premature.",
            &[
                Want {
                    role: Some("Governor"),
                    ..want(Some("Lena Roth"), "said", "the dam was safe")
                },
                Want {
                    role: Some("Deputy Governor"),
                    ..want(Some("Ivo Brandt"), "said", "that was premature")
                },
            ],
        );
        // Reported speech inside a statement is part of that statement, not a claim of its own.
        check(
            "Lena Roth said that the engineers told her the dam was safe.",
            &[want(
                Some("Lena Roth"),
                "said",
                "the engineers told her the dam was safe",
            )],
        );
    }

    #[test]
    fn a_spokesperson_speaks_for_a_body() {
        for (text, role, org) in [
            (
                "A spokesperson for the Department of Health said the figures were wrong.",
                "a spokesperson",
                "the Department of Health",
            ),
            (
                "A spokesman for Downing Street said the figures were wrong.",
                "a spokesman",
                "Downing Street",
            ),
            (
                "A spokeswoman for Amazon said the figures were wrong.",
                "a spokeswoman",
                "Amazon",
            ),
        ] {
            check(
                text,
                &[Want {
                    role: Some(role),
                    organization: Some(org),
                    ..want(None, "said", "the figures were wrong")
                }],
            );
        }
        // A particle between two capitalised words stays in the name.
        check(
            "The Secretary of State for Health said the plan was sound.",
            &[want(
                Some("the Secretary of State for Health"),
                "said",
                "the plan was sound",
            )],
        );
    }

    #[test]
    fn what_stands_between_commas_after_a_speaker() {
        // A participle, a relative clause or an age after a described speaker leaves the
        // description speaking; an age is neither a name nor a role.
        for text in [
            "The minister, speaking in Brussels on Monday, said the deal was dead.",
            "The minister, who spoke in Brussels, said the deal was dead.",
            "The minister, 54, said the deal was dead.",
        ] {
            check(
                text,
                &[Want {
                    role: Some("the minister"),
                    ..want(None, "said", "the deal was dead")
                }],
            );
        }
        check(
            "\u{201c}It is over,\u{201d} said coach Mark Jones, 54, after the final on 2 June.",
            &[Want {
                role: Some("coach"),
                quoted: &["It is over"],
                ..want(Some("Mark Jones"), "said", "It is over")
            }],
        );
        check(
            "Mark Jones, 54, a former coach at Lyon Academy, said the club was broke.",
            &[Want {
                role: Some("a former coach"),
                organization: Some("Lyon Academy"),
                ..want(Some("Mark Jones"), "said", "the club was broke")
            }],
        );
        check(
            "Mayor Helen Ortiz, who had threatened on Monday, November 18, to veto it, said she would sign.",
            &[Want {
                role: Some("Mayor"),
                ..want(Some("Helen Ortiz"), "said", "she would sign")
            }],
        );
        // Another description between the commas leaves who spoke unsure.
        check("The minister, the mayor, said the road was closed.", &[]);
    }

    #[test]
    fn interrupted_statements() {
        check(
            "The harvest, the cooperative said in a statement, was the best in years.",
            &[want(
                Some("the cooperative"),
                "said",
                "The harvest was the best in years",
            )],
        );
        check(
            "\u{201c}Nobody warned us,\u{201d} a fisherman, Ole Brekke, told the Guardian.",
            &[Want {
                role: Some("a fisherman"),
                outlet: Some("Guardian"),
                quoted: &["Nobody warned us"],
                ..want(Some("Ole Brekke"), "told", "Nobody warned us")
            }],
        );
        check(
            "\u{201c}We stay,\u{201d} said Prime Minister Eva Lind, speaking in Bergen. \u{201c}All of us.\u{201d}",
            &[
                Want {
                    role: Some("Prime Minister"),
                    quoted: &["We stay"],
                    ..want(Some("Eva Lind"), "said", "We stay")
                },
                Want {
                    role: Some("Prime Minister"),
                    quoted: &["All of us"],
                    ..want(Some("Eva Lind"), "said", "All of us")
                },
            ],
        );
    }

    #[test]
    fn spans_cover_each_statement() {
        let text =
            "Snow fell early.\nLena Roth said the dam was safe, but Ivo Brandt said it was not.";
        let got: Vec<String> = extract_attributions(text)
            .into_iter()
            .map(|c| c.text)
            .collect();
        assert_eq!(
            got,
            [
                "Lena Roth said the dam was safe",
                "Ivo Brandt said it was not."
            ]
        );
    }

    #[test]
    fn pronoun_it_and_according_to_inside_a_sentence() {
        check(
            "The utility said in a statement that bills would rise.\nIt said the rise was modest.",
            &[
                want(Some("the utility"), "said", "bills would rise"),
                want(Some("the utility"), "said", "the rise was modest"),
            ],
        );
        check(
            "The ferry, according to the coastguard, sank within minutes.",
            &[want(
                Some("the coastguard"),
                "according to",
                "The ferry sank within minutes",
            )],
        );
    }

    #[test]
    fn outlets_speaking_for_themselves() {
        check(
            "The Finnish news agency STT reported that the border was closed.",
            &[Want {
                outlet: Some("STT"),
                ..want(None, "reported", "the border was closed")
            }],
        );
    }

    #[test]
    fn headline_with_a_colon() {
        check(
            "Energy expert warns: \u{201c}Prices will rise\u{201d}",
            &[Want {
                role: Some("Energy expert"),
                quoted: &["Prices will rise"],
                ..want(None, "warns", "Prices will rise")
            }],
        );
    }

    /// Prints the claims of the reference article, which stays outside the repository, or of the
    /// article named by `CLAIMCHECK_ARTICLE`, for reading by eye.
    #[test]
    #[ignore = "reads an article from outside the repository"]
    fn reference_article() {
        let path = std::env::var("CLAIMCHECK_ARTICLE")
            .unwrap_or_else(|_| "/work/shared/examples/kim-putin-article.txt".to_string());
        let text = std::fs::read_to_string(&path).expect("the article is there");
        for c in extract_attributions(&text) {
            println!(
                "{}\n  {}\n",
                c.text,
                serde_json::to_string(&c.details).expect("details serialise")
            );
        }
    }
}
