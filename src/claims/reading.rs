//! How a reader takes a sentence: what a title is attached to, which time the sentence speaks
//! of, whether it asserts anything, and whether a bare surname can be trusted.
//!
//! These are the questions every family asks before it may contradict a claim, so they live
//! in one place. Each answers from the sentence's skeleton (entities and dates as tokens) and
//! the words around a claim, and each errs towards "cannot tell": a claim that the reading
//! leaves open is `unknown`, never contradicted.
//!
//! - [`qualifier_before`] / [`qualifier_after`]: "ECB President Mario Draghi", "Mario Draghi,
//!   president of the European Central Bank": a title is read as a table office only when
//!   nothing qualifies it, or when its qualifier names the office's own jurisdiction.
//! - [`past_context`]: "had", "at the time", "the late", "under Prime Minister X", a year long
//!   before the article: the title may describe that time, so it is not checked at the
//!   article's date.
//! - [`not_asserted`]: questions, hypotheticals, negations and reported beliefs.
//! - [`bare_surname_unsettled`]: a surname alone contradicts only when the article named the
//!   person in full, or the surname is the table's only one and nothing points elsewhere.
use super::{country_of, org_of, people_of, Sentence, Token, CLOSE, OPEN};
use crate::entities::{Hit, Kind, Ref};
use crate::facts::Table;
use crate::text::case::TextCase;
use crate::text::Has;
use std::cell::RefCell;

/// What a title is attached to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Qualifier {
    /// Nothing: the title stands alone ("Prime Minister Fumio Kishida").
    None,
    /// A country ("Japan's", "Japanese", "of Japan").
    Country(usize),
    /// An organisation the table knows ("UN", "NATO", "of the European Union").
    Org(usize),
    /// Another body the table does not hold: a parliament, a party, a bank, a court, a
    /// company, a university, a state ("Knesset Speaker", "ANC President", "the bank's
    /// president", "president and chief executive of Toyota").
    Other,
}

/// What the families remember across the sentences of one document.
#[derive(Debug, Default)]
pub struct Memory {
    /// People the document has named in full (name or a multi-word alias) so far.
    /// Sorted. These four are small lists, not hash maps: each hash map type brought its own
    /// copy of hashbrown's insert and rehash into the .wasm (about 1.3 KB each, twiggy), and a
    /// document names a few hundred people at most.
    pub named_in_full: Vec<usize>,
    /// Surnames the document gave another first name ("Ricardo Maduro", "Kenneth Clarke"):
    /// the table's person of that surname is not the one meant, here or later.
    pub namesakes: Vec<String>,
    /// The surnames of people named in full so far, with who they are.
    /// Sorted by surname.
    pub surnames: Vec<(String, Vec<Vec<usize>>)>,
    /// The person a paragraph's last sentence with people in it was about (the block's
    /// address, and the person's candidates), or nobody if it named several.
    pub subject: Option<(usize, Option<Vec<usize>>)>,
    /// People whose title an earlier mention attached to another body, and that body: a second
    /// reference ("President Draghi" after "ECB President Mario Draghi") inherits it.
    pub qualified: Vec<(usize, Qualifier)>,
    /// The organisation a paragraph is about (the block's address, and the organisation): the
    /// one its sentences named, until a sentence names another. "The bloc", "the alliance"
    /// stand for it.
    pub org: Option<(usize, usize)>,
    /// How many sentences of the paragraph have gone by since it last named an organisation:
    /// "the bloc" reaches back two sentences at most.
    pub org_age: usize,
}

impl Memory {
    /// Records who a sentence of `block` is about: its one person, or nobody if it names
    /// several people or none.
    pub fn remember_subject(&mut self, block: &str, hits: &[Hit<'_>]) {
        // Compared by their candidate lists, without copying them: most sentences name one
        // person or none.
        let mut persons = hits.iter().filter(|h| h.kind == Kind::Person).map(|h| h.refs);
        let first = persons.next();
        let one = first.filter(|f| persons.all(|r| r == *f));
        let key = block.as_ptr() as usize;
        // A sentence about nobody, or about several people, ends the last subject's reach:
        // "he" after it is no longer plain.
        self.subject = Some((key, one.map(|r| r.iter().filter_map(|x| if let Ref::Person(p, _) = x { Some(*p) } else { None }).collect())));
    }

    /// The person the paragraph `block` was last about, if its last sentence with people
    /// named exactly one.
    pub fn last_subject(&self, block: &str) -> Option<Vec<usize>> {
        match &self.subject {
            Some((key, Some(p))) if *key == block.as_ptr() as usize => Some(p.clone()),
            _ => None,
        }
    }

    /// Records the organisations a sentence of `block` names: one keeps (or sets) the
    /// paragraph's organisation, several leave it unclear.
    pub fn remember_org(&mut self, block: &str, hits: &[Hit<'_>]) {
        let key = block.as_ptr() as usize;
        if self.org.is_some_and(|(k, _)| k != key) {
            self.org = None;
        }
        let mut orgs = hits.iter().filter_map(super::org_of);
        if let Some(first) = orgs.next() {
            self.org = if orgs.all(|o| o == first) { Some((key, first)) } else { None };
            self.org_age = 0;
        } else {
            self.org_age += 1;
        }
    }

    /// The organisation that "the bloc" or "the alliance" in `block` stands for: the one the
    /// paragraph named in one of the last two sentences.
    pub fn paragraph_org(&self, block: &str) -> Option<usize> {
        self.org.filter(|(k, _)| *k == block.as_ptr() as usize && self.org_age <= 1).map(|(_, o)| o)
    }

    /// Whether the document has named `person` in full so far.
    pub fn named(&self, person: usize) -> bool {
        self.named_in_full.binary_search(&person).is_ok()
    }
    /// The people named in full so far with this (lowercase) surname.
    fn surname(&self, key: &str) -> Option<&Vec<Vec<usize>>> {
        self.surnames.binary_search_by(|(k, _)| k.as_str().cmp(key)).ok().map(|at| &self.surnames[at].1)
    }
    /// The qualifier an earlier mention gave `person`'s title, if any.
    pub fn qualifier_of(&self, person: usize) -> Option<Qualifier> {
        self.qualified.iter().find(|(p, _)| *p == person).map(|(_, q)| *q)
    }
    /// Remembers that `person`'s title was attached to `q` (another body or an organisation).
    pub fn remember_qualifier(&mut self, person: usize, q: Qualifier) {
        if matches!(q, Qualifier::Other | Qualifier::Org(_)) && self.qualifier_of(person) != Some(q) {
            self.qualified.retain(|(p, _)| *p != person);
            self.qualified.push((person, q));
        }
    }
    /// Records the people a sentence names in full, and surnames it gives another first name:
    /// a one-word name right after a capitalised word that is neither a name the table knows
    /// nor a word that opens a phrase ("Ricardo Maduro", but not "President Maduro" or "When
    /// Maduro").
    pub fn remember_full_names(&mut self, block: &str, hits: &[Hit<'_>]) {
        for (i, h) in hits.iter().enumerate() {
            if h.kind != Kind::Person || block[h.start..h.end].contains(char::is_whitespace) {
                continue;
            }
            let before = block[..h.start].trim_end_matches([' ', '\u{a0}']);
            if before.len() == h.start || hits[..i].last().is_some_and(|p| p.end >= before.len()) {
                continue;
            }
            let word = before.rsplit(|c: char| !(crate::text::case::is_alnum(c) || c == '-' || c == '.')).next().unwrap_or("");
            let given = word.chars().next().is_some_and(crate::text::case::is_upper) && word.chars().count() > 1 && !word.ends_with('.');
            if !given {
                continue;
            }
            let lw = word.lower();
            if !FUNCTION_WORDS.contains(&lw.as_str()) && !TITLE_WORDS.contains(&lw.as_str()) {
                let surname = block[h.start..h.end].lower();
                if !self.namesakes.contains(&surname) {
                    self.namesakes.push(surname);
                }
            }
        }
        for h in hits.iter().filter(|h| h.kind == Kind::Person) {
            let written = &block[h.start..h.end];
            let Some(last) = written.rsplit_once(char::is_whitespace).map(|(_, l)| l) else { continue };
            // A full name's surname is taken: a later bare surname may be this person, not
            // the table's other person of that name ("Ricardo Maduro" … "President Maduro").
            let people = people_of(h);
            let key = last.lower();
            let at = match self.surnames.binary_search_by(|(k, _)| k.as_str().cmp(&key)) {
                Ok(at) => at,
                Err(at) => {
                    self.surnames.insert(at, (key, Vec::new()));
                    at
                }
            };
            let seen = &mut self.surnames[at].1;
            if !seen.contains(&people) {
                seen.push(people.clone());
            }
            for p in people {
                if let Err(at) = self.named_in_full.binary_search(&p) {
                    self.named_in_full.insert(at, p);
                }
            }
        }
    }
}

/// A document's memory, shared by the sentences the families read one after another.
pub type SharedMemory = RefCell<Memory>;

/// Capitalised words that start or join a phrase without naming a body: at the start of a
/// sentence ("When President …", "Then Prime Minister …") or in a headline.
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "and", "but", "or", "nor", "so", "yet", "when", "as", "then", "after", "before", "while", "whilst", "with", "without", "under", "on",
    "in", "at", "by", "for", "from", "to", "of", "into", "onto", "upon", "about", "against", "between", "meanwhile", "yesterday", "today", "tonight",
    "tomorrow", "also", "if", "since", "until", "because", "although", "though", "however", "earlier", "later", "last", "this", "that", "these", "those",
    "his", "her", "their", "its", "our", "my", "your", "said", "says", "told", "tells", "according", "dear", "mr", "mrs", "ms", "dr", "sir", "dame", "madam",
    "why", "how", "what", "who", "whom", "where", "which", "will", "can", "did", "does", "do", "is", "was", "were", "are", "be", "has", "have", "had", "now",
    "here", "there", "both", "all", "every", "each", "even", "only", "just", "still", "again", "once", "but", "thus", "hence", "indeed", "instead", "like",
    "unlike", "including", "via", "per", "welcome", "welcomes", "thank", "thanks", "congratulations", "breaking", "update", "analysis", "exclusive", "watch",
    "live", "video", "photos", "opinion", "editorial", "comment", "interview", "profile", "explainer", "factbox", "timeline", "q&a", "i", "we", "you", "he",
    "she", "it", "they", "former", "then", "acting", "interim", "caretaker", "current", "sitting", "incumbent",
];

/// Honorifics and titles the table may not hold, which stand before a surname without being
/// a first name ("Ayatollah Khamenei", "Chairman Mao").
const TITLE_WORDS: &[&str] = &[
    "president", "minister", "chancellor", "premier", "secretary", "king", "queen", "prince", "princess", "emperor", "sheikh", "ayatollah", "chairman",
    "general", "gen", "senator", "sen", "governor", "gov", "mayor", "judge", "justice", "lord", "lady", "baroness", "baron", "sir", "dame", "speaker",
    "leader", "chief", "commissioner", "ambassador", "envoy", "pope", "cardinal", "bishop", "rabbi", "imam", "colonel", "marshal", "admiral", "captain",
    "professor", "prof", "doctor", "dr", "rev", "father", "monsieur", "madame", "herr", "frau", "san", "shri", "shrimati", "smt", "pm", "fm", "mp", "mr",
    "mrs", "ms", "miss",
];

/// Words that describe the holder without changing the office ("Conservative Prime
/// Minister", "veteran President"): the qualifier, if any, stands before them.
const TRANSPARENT: &[&str] = &[
    "conservative", "labour", "labor", "national", "tory", "liberal", "socialist", "republican", "democratic", "democrat", "social", "christian", "centrist",
    "populist", "nationalist", "communist", "green", "centre-right", "centre-left", "center-right", "center-left", "right-wing", "left-wing", "far-right",
    "far-left", "hardline", "reformist", "moderate", "veteran", "embattled", "beleaguered", "long-serving", "longtime", "long-time", "popular", "unpopular",
    "powerful", "newly", "recently", "democratically", "elected", "re-elected", "reelected", "outspoken", "controversial", "charismatic", "pro-western",
    "pro-european", "pro-russian", "pro-business", "hawkish", "dovish", "military", "civilian", "female", "male", "young", "youthful", "ageing", "aging",
    "78-year-old", "islamist", "leftist", "rightist", "secular", "autocratic", "ailing",
];

/// Whether a word before a title only describes the person ("Labour", "veteran"), rather
/// than naming a body the title belongs to.
pub fn describes(w: &str) -> bool {
    TRANSPARENT.contains(&w.lower().as_str())
}

/// The word before descriptive ones that stand between it and a title at skeleton offset
/// `at` ("former" in "former Labour Prime Minister", "late" in "the late Conservative
/// leader"), lower-cased; `None` when no descriptive word stands there. "ex-Labour" is read as
/// "former".
pub fn word_before_descriptors(s: &Sentence, at: usize) -> Option<String> {
    let words = s.phrase_words_before(at, 4);
    let skipped = words.iter().take_while(|w| TRANSPARENT.contains(&w.as_str())).count();
    if skipped == 0 {
        return words.first().filter(|w| w.strip_prefix("ex-").is_some_and(|r| TRANSPARENT.contains(&r))).map(|_| "former".to_string());
    }
    words.get(skipped).map(|w| if w == "ex" { "former".to_string() } else { w.clone() })
}

/// Lower-case nouns and adjectives that attach a title to a body other than a nation's
/// government: "state attorney general", "provincial party chief", "the bank's president".
const OTHER_BODIES: &[&str] = &[
    "party", "parties", "bank", "banks", "court", "courts", "state", "states", "provincial", "province", "regional", "region", "municipal", "city", "county",
    "district", "local", "club", "university", "college", "school", "academy", "company", "companies", "firm", "corporation", "group", "union", "unions",
    "league", "federation", "association", "society", "foundation", "institute", "council", "committee", "commission", "board", "assembly", "parliament",
    "parliamentary", "senate", "chamber", "church", "tribunal", "agency", "authority", "fund", "team", "network", "movement", "alliance", "coalition",
    "opposition", "student", "students", "youth", "women's", "army", "navy", "force", "ministry", "department", "central", "supreme", "constitutional",
    "federal-state", "prefectural", "prefecture", "territorial", "tribal", "congressional", "house", "senatorial", "gubernatorial", "mayoral", "olympic",
    "football", "cricket", "fifa", "corporate", "conference", "summit", "bloc", "organisation", "organization", "forum", "council's", "diocese", "synod",
    "monastery", "temple", "mosque", "cathedral", "hospital", "museum", "orchestra", "festival", "jury", "panel", "caucus", "delegation",
];

/// Possessors that leave a title national: "the country's president".
const NATIONAL_POSSESSORS: &[&str] = &["country", "nation", "government", "republic", "kingdom", "administration", "cabinet"];

fn is_token(w: &str) -> bool {
    w.starts_with(OPEN) && w.ends_with(CLOSE)
}

/// The words of `text` (skeleton), original case, last first; a token is one word.
fn words_back(text: &str) -> impl Iterator<Item = &str> {
    text.rsplit(|c: char| c.is_whitespace()).filter(|w| !w.is_empty())
}

/// The words of `text` (skeleton), original case, in order; a token is one word.
fn words_forward(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty())
}

fn token_qualifier(s: &Sentence, w: &str) -> Option<Qualifier> {
    let tok = s.token_after_open(w.strip_prefix(OPEN)?)?;
    Some(match tok {
        Token::Entity(h) => match h.kind {
            Kind::Org => org_of(h).map(Qualifier::Org).unwrap_or(Qualifier::Other),
            Kind::Country | Kind::Demonym => country_of(h).map(Qualifier::Country).unwrap_or(Qualifier::None),
            _ => Qualifier::None,
        },
        Token::Date(_) => Qualifier::None,
    })
}

/// What qualifies a title that starts at skeleton offset `at`: the words right before it, in
/// the same phrase (no punctuation in between). A country or an organisation the table knows
/// is returned as such; any other capitalised name, a possessive or a noun of another body
/// ("state", "party", "bank") is [`Qualifier::Other`].
pub fn qualifier_before(s: &Sentence, at: usize) -> Qualifier {
    let before = &s.skeleton[..at];
    // Only white space may separate the qualifier from the title.
    if before.trim_end().len() < before.len() && before.trim_end().ends_with([',', ';', ':', '(', '"', '“', '”', '—', '–']) {
        return Qualifier::None;
    }
    for w in words_back(before).take(4) {
        if is_token(w) {
            return token_qualifier(s, w).unwrap_or(Qualifier::None);
        }
        // Punctuation ends the phrase: "in Frankfurt, President …", "(Reuters) President …".
        if w.ends_with([',', ';', ':', '.', '!', '?', ')', '"', '”', '’']) && !w.ends_with("’s") {
            return Qualifier::None;
        }
        // "Portugal's Socialist Prime Minister": a country's (or a body's) possessive reached past
        // a party's word. (A person's is left as any other possessor: "Obama's Democratic …".)
        if let Some(q) = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).filter(|t| is_token(t)).and_then(|t| token_qualifier(s, t)) {
            if matches!(q, Qualifier::Country(_) | Qualifier::Org(_)) {
                return q;
            }
        }
        let lw = w.trim_matches(|c: char| !crate::text::case::is_alnum(c) && c != '\'' && c != '’' && c != '-' && c != '&').lower();
        if lw.is_empty() {
            return Qualifier::None;
        }
        if TRANSPARENT.contains(&lw.as_str()) {
            continue;
        }
        if let Some(base) = lw.strip_suffix("'s").or_else(|| lw.strip_suffix("’s")) {
            // "Japan's" is a token; "the country's" stays national; any other possessor is
            // another body ("the party's", "Harvard's", "the bank's").
            return if NATIONAL_POSSESSORS.contains(&base) { Qualifier::None } else { Qualifier::Other };
        }
        // "The BJP, led by its president Amit Shah": a body's title; "its" and "their" stand
        // for the party, bank or bloc just named far more often than for a country.
        if OTHER_BODIES.contains(&lw.as_str()) || lw == "its" || lw == "their" {
            return Qualifier::Other;
        }
        let capital = w.chars().next().is_some_and(crate::text::case::is_upper);
        if capital && !FUNCTION_WORDS.contains(&lw.as_str()) && !lw.chars().all(|c| c.is_ascii_digit()) {
            return Qualifier::Other;
        }
        return Qualifier::None;
    }
    Qualifier::None
}

/// What qualifies a title that ends at skeleton offset `at`, from the words after it: "of the
/// European Central Bank", "of Toyota", "and chief executive of Sony", "at Harvard", "for the
/// party". A country named there is returned too ("president of France").
pub fn qualifier_after(s: &Sentence, at: usize) -> Qualifier {
    let all: Vec<&str> = words_forward(&s.skeleton[at..]).take(9).collect();
    let mut words = all.iter().copied();
    // "president and chief executive of …", "chairman and CEO of …": the title is one of a pair.
    if all.first().is_some_and(|w| w.eq_ignore_ascii_case("and") || *w == "&") {
        let rest = &all[1..all.len().min(6)];
        if let Some(i) = rest.iter().position(|w| matches!(w.lower().as_str(), "of" | "at" | "for")) {
            // The other title may be one the table knows ("president and chief executive").
            let title_or_word = |w: &&str| !is_token(w) || w.strip_prefix(OPEN).is_some_and(|r| r.starts_with('O'));
            if i > 0 && rest[..i].iter().all(title_or_word) {
                words.nth(i);
            }
        }
    }
    let Some(prep) = words.next() else {
        return Qualifier::None;
    };
    if !matches!(prep.lower().as_str(), "of" | "at" | "for") {
        return Qualifier::None;
    }
    for w in words.take(3) {
        let lw = w.trim_matches(|c: char| !crate::text::case::is_alnum(c) && c != OPEN && c != CLOSE).lower();
        if matches!(lw.as_str(), "the" | "its" | "his" | "her" | "their" | "a" | "an") {
            continue;
        }
        if is_token(w.trim_end_matches(|c: char| !crate::text::case::is_alnum(c) && c != CLOSE)) {
            return token_qualifier(s, w.trim_end_matches(|c: char| !crate::text::case::is_alnum(c) && c != CLOSE)).unwrap_or(Qualifier::None);
        }
        if NATIONAL_POSSESSORS.contains(&lw.as_str()) {
            return Qualifier::None;
        }
        if OTHER_BODIES.contains(&lw.as_str()) || w.chars().next().is_some_and(crate::text::case::is_upper) {
            return Qualifier::Other;
        }
        return Qualifier::None;
    }
    Qualifier::None
}

/// Lower-case words and phrases that put a sentence's titles in the past: the title may
/// describe that time ("had", "at the time", "under Prime Minister X", "the late").
const PAST_WORDS: &[&str] = &[
    "at the time", "the late", "formerly", "previously", "ago", "back in", "era", "tenure", "memoir", "memoirs", "recalled", "recalls", "remembered",
    "remembers", "died", "dies", "death", "funeral", "obituary", "served", "legacy", "in office when", "years earlier", "years before", "years after",
    "in his day", "in her day", "governed", "ruled", "used to", "was then", "earlier in his career", "earlier in her career", "as a young", "archive",
    "archives", "documents show", "declassified", "first proposed", "first put forward", "first floated", "originally proposed",
];

/// Verbs that report speech: a past perfect with one ("said the talks had been constructive",
/// "the talks had been constructive, X said") is the speaker's tense, not a sign that the
/// sentence is about the past.
const REPORTING_WORDS: &[&str] = &[
    "said", "says", "told", "tells", "added", "noted", "stated", "announced", "warned", "explained", "acknowledged", "admitted", "confirmed", "reported",
    "wrote", "insisted", "argued", "complained", "conceded", "declared", "revealed", "suggested",
];

/// One case-insensitive pass for any of `words` as whole words: a word list is scanned once per
/// sentence, not once per word (measured: phrase-by-phrase search was about a tenth of the
/// checker's time on claim-dense text).
fn word_list_regex(words: &[&str]) -> crate::text::groups::Regex {
    let alts: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
    crate::text::regex(&format!(r"(?:^|[^\w'’-])(?i-u:{})(?:$|[^\w'’-])", alts.join("|")))
}

pub(crate) fn contains_phrase(lower: &str, phrase: &str) -> bool {
    let mut from = 0;
    while let Some(i) = lower[from..].find_str(phrase) {
        let s = from + i;
        let e = s + phrase.len();
        let before_ok = s == 0 || !lower[..s].chars().next_back().is_some_and(crate::text::case::is_alnum);
        let after_ok = e == lower.len() || !lower[e..].chars().next().is_some_and(crate::text::case::is_alnum);
        if before_ok && after_ok {
            return true;
        }
        from = e;
    }
    false
}

/// Whether the sentence speaks of a time before the article's: a past-context word, "was …
/// when", or a date that ends before `grace_start` (other than `scope`, the date the claim is
/// checked at).
pub fn past_context(s: &Sentence, grace_start: chrono::NaiveDate, scope: Option<&crate::text::dates::DateExpr>) -> bool {
    static PAST: std::sync::OnceLock<crate::text::groups::Regex> = std::sync::OnceLock::new();
    // "Sentenced to death", "stabbed to death": a death that is news, not one that dates the
    // sentence ("after his death", "since Raisi's death"). "Ruled out", "ruled that", "ruled
    // against": a decision that is news, not a reign ("ruled the country").
    let past = crate::text::cached(&PAST, || word_list_regex(PAST_WORDS));
    let text = s.text();
    // Copied only for the few sentences that say it.
    let mut without: std::borrow::Cow<str> = text.into();
    for news in [" to death", " ruled out", " ruled that", " ruled on", " ruled against", " ruled in favo"] {
        if without.contains(news) {
            without = without.replace(news, "").into();
        }
    }
    if past.is_match(&without) {
        return true;
    }
    let lower = text.lower();
    // "had" with no reporting verb: "X had met Y".
    let words: Vec<&str> = lower.split(|c: char| !(crate::text::case::is_alnum(c) || c == '\'' || c == '-')).filter(|w| !w.is_empty()).collect();
    // Not "had the means" or "had to" (the past of "have"), and not reported speech, whose
    // tense is the speaker's ("…had been agreed, the minister said").
    if let Some(i) = words.iter().position(|w| *w == "had") {
        let perfect = words.get(i + 1).is_some_and(|n| !matches!(*n, "the" | "a" | "an" | "to" | "talks"));
        if perfect && !words.iter().any(|w| REPORTING_WORDS.contains(w)) {
            return true;
        }
    }
    if contains_phrase(&lower, "when") && (contains_phrase(&lower, "was") || contains_phrase(&lower, "were")) {
        return true;
    }
    s.tokens.iter().any(|t| match t {
        Token::Date(d) => d.range.end < grace_start && scope.is_none_or(|sc| sc != d),
        Token::Entity(_) => false,
    })
}

/// Why a sentence does not assert the claim that starts at skeleton offset `at`, if it does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotAsserted {
    /// A question, or a question headline.
    Question,
    /// A hypothetical, a rumour, a claim reported as false.
    Hypothetical,
    /// A negation right before the claim ("did not", "never", "would").
    Negated,
    /// A belief or a claim someone reports ("insists", "believes", "denied").
    Reported,
}

/// Verbs that report a belief or a claim rather than a fact: what follows them in the clause
/// is someone's view, which FactFlag does not contradict.
const BELIEF_WORDS: &[&str] = &[
    "insist", "insists", "insisted", "insisting", "believe", "believes", "believed", "believing", "claim", "claims", "claimed", "claiming", "allege",
    "alleges", "alleged", "allegedly", "alleging", "assert", "asserts", "asserted", "maintain", "maintains", "maintained", "argue", "argues", "argued",
    "contend", "contends", "contended", "think", "thinks", "thought", "convinced", "deny", "denies", "denied", "denying", "dispute", "disputes", "disputed",
    "doubt", "doubts", "doubted", "imagine", "imagines", "imagined", "pretend", "pretends", "pretended", "falsely", "wrongly", "supposedly", "purportedly",
    "fantasy", "fantasies", "dreams", "dreamed", "dreamt", "predicts", "predicted", "predict", "speculate", "speculated", "speculation", "prospect",
    "prospects", "scenario", "would-be", "suppose", "supposing", "if", "unless", "whether", "joked", "joking", "quipped",
];

/// Words right before a claim that negate or hedge it (the three words before it): the one
/// list every family's claims are tested against.
const NEGATION_WORDS: &[&str] = &[
    "not", "never", "no", "didn't", "did't", "wasn't", "isn't", "hasn't", "hadn't", "if", "whether", "would", "could", "might", "may", "will", "won't",
    "should", "expected", "likely", "unlikely", "set", "poised", "hopes", "hoped", "plans", "planned", "denied", "denies", "nor", "neither", "wants", "wanted",
    "aims", "aimed", "seeks", "sought", "bid", "race", "running", "nominee", "candidate", "hopeful", "vying",
];

/// Whether the claim at skeleton range `claim` names the speaker of the words before it:
/// "The economy could slow, ECB President X said", "…," said Chancellor X. A hedge, a
/// negation or a reported belief before the comma belongs to what was said, not to who said
/// it. A sentence that asks or supposes as a whole ([`super::hedged`]) is still not asserted.
#[inline(never)]
fn attributes_speech(s: &Sentence, claim: &std::ops::Range<usize>) -> bool {
    let b = s.skeleton.as_bytes();
    // A clause ends at a comma, or at a comma and a closing quotation mark ('"' or '”').
    let ends_clause = |mut i: usize| {
        while i > 0 && b[i - 1] == b' ' {
            i -= 1;
        }
        if b[..i].ends_with(b"\"") {
            i -= 1;
        } else if b[..i].ends_with("”".as_bytes()) {
            i -= 3;
        }
        i > 0 && b[i - 1] == b','
    };
    let said = |w: &[u8]| REPORTING_WORDS.iter().any(|r| r.as_bytes() == w);
    let word_len = |w: &[u8]| w.iter().position(|c| !c.is_ascii_lowercase()).unwrap_or(w.len());
    let after = b[claim.end..].strip_prefix(b" ").unwrap_or(b"");
    if said(&after[..word_len(after)]) && ends_clause(claim.start) {
        return true;
    }
    // The inverted form: `…," said ECB President X.`
    let mut end = claim.start;
    while end > 0 && b[end - 1] == b' ' {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && b[start - 1].is_ascii_lowercase() {
        start -= 1;
    }
    start < end && said(&b[start..end]) && ends_clause(start)
}

/// Whether the claim at skeleton range `claim` is asserted by the sentence, and why not.
pub fn not_asserted(s: &Sentence, claim: std::ops::Range<usize>) -> Option<NotAsserted> {
    let at = claim.start;
    let text = s.text().trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '”' | '’' | '\'' | ')' | ']'));
    if text.ends_with('?') {
        return Some(NotAsserted::Question);
    }
    if super::hedged(s.text()) {
        return Some(NotAsserted::Hypothetical);
    }
    if attributes_speech(s, &claim) {
        return None;
    }
    // An inverted conditional: "Had Kishida called for …, Beijing would have …".
    let first = s.text().split_whitespace().next().unwrap_or("").trim_matches(|c: char| !crate::text::case::is_alnum(c));
    if matches!(first, "Had" | "Were" | "Should") && contains_phrase(&s.text().lower(), "would") {
        return Some(NotAsserted::Hypothetical);
    }
    // "set" and "poised" hedge only as "set to" / "poised for" ("the course set by X" does not).
    let before = s.words_before(at, 3);
    let next_is = |i: usize, ws: &[&str]| i > 0 && ws.contains(&before[i - 1].as_str());
    if before.iter().enumerate().any(|(i, w)| match w.as_str() {
        "set" | "poised" => next_is(i, &["to", "for"]),
        w => NEGATION_WORDS.contains(&w),
    }) {
        return Some(NotAsserted::Negated);
    }
    // The clause before the claim: back to a semicolon or colon.
    let before = &s.skeleton[..at];
    let clause = before.rsplit([';', ':']).next().unwrap_or(before);
    static BELIEF: std::sync::OnceLock<crate::text::groups::Regex> = std::sync::OnceLock::new();
    let belief = crate::text::cached(&BELIEF, || word_list_regex(BELIEF_WORDS));
    // Or a belief that the sentence's last phrase reports: "X won the vote, his party insisted".
    let tail = &s.skeleton[claim.end..];
    // ("after a dispute over its quota", "a bitter dispute with Riyadh": the noun, a quarrel,
    // reports no one's view; nor does the adjective, "after January's disputed election".)
    let reports = |text: &str| {
        belief.find_iter(text).any(|m| {
            // (The match takes the characters on either side of the word, which may be more
            // than a byte: "“dispute".)
            let before = text[..m.start()].trim_end().rsplit(' ').next().unwrap_or("");
            let noun =
                matches!(before, "a" | "an" | "the" | "its" | "their" | "his" | "her" | "this" | "bitter") || before.ends_with("'s") || before.ends_with("’s");
            let word = m.as_str().trim_matches(|c: char| !crate::text::case::is_alnum(c));
            let quarrel = noun
                && (word.eq_ignore_ascii_case("disputed")
                    || (word.get(..7).is_some_and(|w| w.eq_ignore_ascii_case("dispute"))
                        && ["over ", "with ", "between "].iter().any(|w| text[m.end()..].starts_with(w))));
            // "claimed victory", "claims responsibility", "denied responsibility": a deed
            // claimed or denied, not a view of what the claim says.
            // So is "claimed a fourth straight term" (a word of winning within the next few).
            let rest = &text[m.end()..];
            let near = &rest[..(0..=32.min(rest.len())).rev().find(|&i| rest.is_char_boundary(i)).unwrap_or(0)];
            let deed = ["victory", "responsibility", "credit", " term", " win", " majority", " mandate", " landslide"].iter().any(|w| near.contains(w));
            !quarrel && !deed
        })
    };
    if reports(clause) || tail.rfind(',').is_some_and(|i| reports(&tail[i..])) {
        return Some(NotAsserted::Reported);
    }
    None
}

/// Words that say a surname belongs to someone outside national politics: a state office, a
/// court, a company, sport.
const ELSEWHERE_WORDS: &[&str] = &[
    "state", "states", "court", "judge", "justice", "justices", "attorney", "company", "firm", "inc", "corp", "ceo", "chairman", "executive", "club", "team",
    "coach", "player", "striker", "league", "county", "city", "mayor", "district", "governor", "senator", "congressman", "congresswoman", "representative",
    "sheriff", "bishop", "cardinal", "university", "professor", "actor", "actress", "singer", "novelist", "author", "prosecutor", "lawyer", "businessman",
    "businesswoman", "tycoon", "billionaire", "provincial", "province", "municipal", "footballer", "athlete", "champion", "olympic", "band", "film",
    "director", "general", "commander", "admiral", "colonel", "officer", "police", "detective", "chef", "artist",
];

/// Whether a sentence names a post outside national politics ("mayor", "governor", "court",
/// "company"): a start date or a title in it may be that post's.
pub fn points_elsewhere(text: &str) -> bool {
    static RE: std::sync::OnceLock<crate::text::groups::Regex> = std::sync::OnceLock::new();
    crate::text::cached(&RE, || word_list_regex(ELSEWHERE_WORDS)).is_match(text)
}

/// The US states whose names are not also the names of cities news datelines use ("New
/// York", "Washington"): a surname in a sentence with one is likely a state official's.
const US_STATES: &[&str] = &[
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida", "Hawaii", "Idaho", "Illinois", "Indiana",
    "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska",
    "Nevada", "New Hampshire", "New Jersey", "New Mexico", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island",
    "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "West Virginia", "Wisconsin", "Wyoming",
];

/// Whether a person written as a bare surname (one word) cannot be trusted to be the table's
/// person of that name: the document has not named them in full, and either the surname is
/// not the table's only one, or the sentence points elsewhere (a state, a court, a company,
/// or a country other than the person's: `claim_country`). The claim's own words (`claim`, a
/// block range: "Secretary of State", "Director-General") are not read for those pointers.
pub fn bare_surname_unsettled(s: &Sentence, h: &Hit<'_>, memory: &Memory, t: &Table, claim_country: Option<usize>, claim: std::ops::Range<usize>) -> bool {
    let written = &s.block[h.start..h.end];
    if written.split_whitespace().nth(1).is_some() {
        return false;
    }
    let key = written.lower();
    if memory.namesakes.contains(&key) {
        return true;
    }
    let people = people_of(h);
    // The article named someone else with this surname in full.
    if memory.surname(&key).is_some_and(|seen| seen.iter().any(|p| !p.iter().any(|x| people.contains(x)))) {
        return true;
    }
    if people.iter().any(|p| memory.named(*p)) {
        return false;
    }
    let shared = h.refs.iter().any(|r| matches!(r, Ref::Person(_, true)));
    if people.len() != 1 || shared {
        return true;
    }
    let own = t.people[people[0]].country;
    if claim_country.is_some() && own.is_some() && claim_country != own {
        return true;
    }
    let outside = [s.range.start..claim.start.max(s.range.start), claim.end.min(s.range.end)..s.range.end];
    outside.iter().filter(|r| r.start < r.end).any(|r| {
        static ELSEWHERE: std::sync::OnceLock<crate::text::groups::Regex> = std::sync::OnceLock::new();
        let text = &s.block[r.clone()];
        crate::text::cached(&ELSEWHERE, || word_list_regex(ELSEWHERE_WORDS)).is_match(text) || US_STATES.iter().any(|st| text.contains(st))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_whole_words_only() {
        assert!(contains_phrase("at the time he was", "at the time"));
        assert!(!contains_phrase("the lately elected", "late"));
        assert!(contains_phrase("the late prime minister", "late"));
        assert!(!contains_phrase("statement", "state"));
    }
}
