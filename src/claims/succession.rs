//! Succession: "A succeeded B (as office)", "A replaced B", "B was succeeded by A", "A took
//! over from B", "A, who succeeded B, …".
//!
//! Also "A …, succeeding B", "A was chosen … to replace B" and "his predecessor B".
//!
//! Without "as OFFICE" a succession is read in an office only when the sentence leaves a reader
//! no other: A took the top office of a state or government close to the date the sentence
//! speaks of, and B had held that office ([`inferred`]). Otherwise it is only ever
//! `supported` (a succession found in any office of the table) or `unknown`: people succeed
//! each other as party leaders, nominees and in posts the table does not hold ("Harris
//! replaced Biden" as the 2024 nominee).
use super::explain::{index_in, term_row, Handed, Row, Then, Why};
use super::*;
use crate::facts::{Precision, Term};
use crate::text::case::TextCase;
use crate::text::Has;

/// How far a day-precise date may be from the handover: the sentence's date can belong to its
/// main clause ("On October 1, after X succeeded Y, …"), which in news is close to the event.
const DAY_TOLERANCE: i64 = 7;

/// How long before a handover a successor may be chosen ("elected in July to succeed B" in
/// December): a year, longer than any usual wait between a vote and the taking of office.
const CHOICE_LEAD_DAYS: i64 = 366;

/// Which pattern matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// "A succeeded B", "A, who replaced B", "A took over from B".
    Active,
    /// "B was succeeded by A".
    Passive,
    /// "A has become prime minister, succeeding B".
    Participle,
    /// "A was chosen as leader on Friday to replace B": checked only after a verb of choosing.
    ChosenToReplace,
    /// "A's predecessor B", "his predecessor B".
    Predecessor,
    /// "B's successor A".
    Successor,
    /// "A was sworn in as prime minister, ending B's nine-year tenure": read only in the top
    /// office A had just taken ([`inferred`]), never in the office named.
    Ending,
    /// "B, A's predecessor,".
    PredecessorAfter,
    /// "A, B's successor,".
    SuccessorAfter,
}

const SHAPES: [Shape; 9] = [
    Shape::Active,
    Shape::Passive,
    Shape::Participle,
    Shape::ChosenToReplace,
    Shape::Predecessor,
    Shape::Successor,
    Shape::PredecessorAfter,
    Shape::SuccessorAfter,
    Shape::Ending,
];

/// Words between A and "to replace B" that make it a choice made ("was elected … to replace").
/// (The verbs of choosing first, then those of taking office: [`CHOICE`] is the first part.)
const CHOSEN: &[&str] = &["elected", "chosen", "picked", "named", "appointed", "nominated", "selected", "confirmed", "voted", "sworn", "installed"];

/// Words between A and "to replace B" that make it an attempt, a wish or a plan, not a
/// succession ("his failed bid to replace B", "hopes to succeed B").
const ATTEMPT: &[&str] = &[
    "bid", "bids", "attempt", "attempts", "attempted", "effort", "hope", "hopes", "hoped", "hoping", "campaign", "campaigned", "failed", "tried", "trying",
    "sought", "seeking", "seeks", "want", "wants", "wanted", "race", "running", "ran", "run", "challenge", "challenged", "plan", "plans", "planned", "vying",
    "expected", "likely", "tipped", "favourite", "favorite", "frontrunner", "front-runner", "contender", "candidate", "could", "would", "may", "might",
];

pub(crate) fn patterns() -> &'static [Pattern; 9] {
    static RE: std::sync::OnceLock<[Pattern; 9]> = std::sync::OnceLock::new();
    crate::text::cached(&RE, || {
        let tail = r"(?:\s+(?i:at the helm of|as head of|as the head of)\s+(?:the\s+)?(?P<g>{G})|(?P<as>\s+as\s+)(?:(?P<top>(?i:head of state|head of government))|(?:(?i:the)\s+)?(?:(?P<q>{Q})(?:'s|’s)?\s+)?(?:(?i:new|next|first|\d+(?:st|nd|rd|th))\s+)?(?P<o>{O})?(?:\s+of\s+(?:the\s+)?(?P<q2>{Q}))?))?(?:\s*,?\s+(?i:in|on)\s+(?P<d>{D}))?";
        // Before B: "succeeding South Africa's B", "replacing the impeached B", "succeeding
        // outgoing President B", "replacing his brother B".
        let pre = r"(?:(?:{Q}|[A-Z][\w\-]+(?:\s+(?:and\s+)?[A-Z][\w\-]+){0,3})(?:'s|’s)\s+)?(?:(?i:the)\s+)?(?:(?i:his|her)\s+(?:(?i:elder|older|younger|own)\s+)?(?i:brother|sister|father|mother|son|daughter|husband|wife|cousin|uncle|nephew|niece),?\s+)?(?:(?i:late|outgoing|ousted|impeached|embattled|former|interim|acting)\s+)?(?:[A-Z][a-z]+\s+)?(?:{O}\s+)?";
        // (A party's or a country's possessive may stand before B: "replacing Law and
        // Justice's B"; a kinship may take a comma: "succeeding his father, B".)
        // Skeleton text with no person token in it (other tokens may be there).
        let no_person = r"(?:[^\u{E000};]|\u{E000}[^P])";
        [
            // "succeeded his elder brother B": a kinship or a rivalry between the verb and B. An
            // age may stand after a name ("Gabriel Attal, 34, replaced"), and an adverb of time
            // or form before the verb ("formally took over from B"; not "effectively", which
            // may describe power without the office).
            pattern(&format!(
                r"(?P<a>{{P}})(?:,\s+\d{{1,3}},)?(?:,\s+(?i:who)\s+)?\s*(?:(?i:had|has)\s+(?:(?i:himself|herself|in turn)\s+)?)?(?:(?i:formally|officially|eventually|later|finally)\s+)?(?i:succeeded|replaced|took over from|taken over from|ousted and replaced)\s+(?:(?i:his|her|their)\s+(?:(?i:elder|older|younger|late|former|long-time|longtime)\s+)?(?i:brother|sister|father|mother|son|daughter|husband|wife|uncle|cousin|mentor|rival|ally|boss)\s+)?{pre}(?P<b>{{P}}){tail}"
            )),
            // "B was succeeded by A", "B was succeeded as chancellor by A", "B was replaced on
            // Thursday by A".
            pattern(&format!(
                r"(?P<b>{{P}})(?:,\s+\d{{1,3}},)?(?:,\s+(?i:who))?\s+(?i:was|had been|has been)\s+(?i:succeeded|replaced)(?:\s+as\s+(?:(?i:the)\s+)?(?:(?P<q3>{{Q}})(?:'s|’s)?\s+)?(?P<o2>{{O}}))?(?:\s*,?\s+(?i:on|in)\s+(?P<d2>{{D}}))?\s+by\s+(?P<a>{{P}}){tail}"
            )),
            // "A took over as O on D from B": "from" only after "over as" (checked in code).
            pattern(&format!(
                r"(?P<a>{{P}})(?P<mid>{no_person}*?)(?:,\s+(?i:succeeding|replacing|taking over from|(?P<pres>succeeds|replaces|takes over from))|(?P<from>\s+(?i:from)))\s+{pre}(?P<b>{{P}}){tail}"
            )),
            pattern(&format!(r"(?P<a>{{P}})(?P<mid>{no_person}*?)\s(?i:to replace|to succeed)\s+{pre}(?P<b>{{P}}){tail}")),
            pattern(r"(?:(?P<a>{P})(?:'s|’s)|(?-u:\b)(?P<pro>[Hh]is|[Hh]er))\s+(?:(?i:immediate|direct)\s+)?(?i:predecessor),?\s+(?P<b>{P})"),
            // No pronoun here: "his successor" would stand for B, whom the checks below need named.
            pattern(r"(?P<b>{P})(?:'s|’s)\s+(?:(?i:immediate|direct)\s+)?(?i:successor),?\s+(?P<a>{P})"),
            pattern(r"(?P<b>{P}),\s+(?P<a>{P})(?:'s|’s)\s+(?:(?i:immediate|direct)\s+)?(?i:predecessor)\s*[,.;]"),
            pattern(r"(?P<a>{P}),\s+(?P<b>{P})(?:'s|’s)\s+(?:(?i:immediate|direct)\s+)?(?i:successor)\s*[,.;]"),
            // "B's nearly 10-year tenure", "B's 44-day premiership": the words between are
            // read in code (a few, none a person).
            pattern(&format!(
                r"(?P<a>{{P}})(?P<mid>{no_person}*?),\s+(?i:ending)\s+(?P<b>{{P}})(?:'s|’s)\s+(?P<len>[^,;.\u{{E000}}]*?)(?i:tenure|rule|reign|premiership|presidency|chancellorship|stint)(?-u:\b){tail}"
            )),
        ]
    })
}

/// Whether a word of `text` (lower-cased; words split at what is not a letter, digit or
/// hyphen) is in `list`.
#[inline(never)]
fn any_word(text: &str, list: &[&str]) -> bool {
    text.lower().split(|ch: char| !(crate::text::case::is_alnum(ch) || ch == '-')).any(|w| list.contains(&w))
}

/// Verbs of choosing that come before the taking of office ("elected on Saturday, succeeding
/// B", who left in March).
const CHOICE: &[&str] = CHOSEN.split_at(9).0;

/// Whether a sentence dates its event to the last days or weeks in words the date reader
/// does not resolve ("last month", "this week", "recently").
fn recent_words(text: &str) -> bool {
    static RE: std::sync::OnceLock<crate::text::groups::Regex> = std::sync::OnceLock::new();
    crate::text::cached(&RE, || crate::text::regex(r"(?i-u)\b(?:(?:last|this|earlier this|past) (?:week|month)|recently|newly|days ago|weeks ago)(?-u:\b)"))
        .is_match(text)
}

/// How long before and after the date a sentence speaks of someone may have taken a top
/// office for a succession written with no office to be read in it: news writes "A, who
/// succeeded B" in the weeks around the handover, and of the post A has just taken.
const RECENT_BEFORE_DAYS: i64 = 120;
const RECENT_AFTER_DAYS: i64 = 45;

/// Words right before a name that make it an object, not the subject of what follows: "son of
/// Hun Sen", "studied under Xi Jinping", "met Xi Jinping".
const OBJECT_BEFORE: &[&str] = &[
    "of", "under", "with", "to", "by", "for", "from", "against", "than", "like", "met", "meets", "meeting", "beat", "beating", "defeated", "defeating",
    "including", "alongside", "behind", "between", "and", "or", "nor", "whom", "about", "on", "at", "in", "into", "over", "toward", "towards", "via",
];

/// Whether the name that `before` (the sentence's skeleton up to it) ends at is someone else
/// than the subject of the words after it: the object of a word before it ("son of former
/// Prime Minister X", "who met X"), or a name inside a relative clause that is still open
/// ("A, who met X last year, was sworn in …").
fn not_subject(before: &str) -> bool {
    // A relative clause opened and not yet closed by a comma.
    // (", who", ", whose", ", which", ", where", ", when".)
    if before.rfind(", wh").is_some_and(|i| !before[i + 2..].contains(',')) {
        return true;
    }
    let mut rest = before.trim_end();
    // An office's token right before the name.
    if rest.ends_with(CLOSE) {
        match rest.rfind(OPEN) {
            Some(i) if rest[i + OPEN.len_utf8()..].starts_with('O') => rest = rest[..i].trim_end(),
            _ => return false,
        }
    }
    let mut words = rest.rsplit(' ').filter(|w| !w.is_empty());
    let mut w = words.next();
    while w.is_some_and(|w| ["former", "late", "the", "then", "a", "an"].contains(&w)) {
        w = words.next();
    }
    w.is_some_and(|w| OBJECT_BEFORE.contains(&w))
}

/// The top office of a state or government: the post a succession with no office named is
/// read in.
#[inline(never)]
pub(crate) fn is_top(t: &Table, o: usize) -> bool {
    matches!(t.offices[o].kind.as_ref(), "head_of_state" | "head_of_government")
}

/// A succession written with no office ("Sunak, who succeeded Johnson", "his predecessor X"),
/// read in the top office that `a` took (as a full holder) close to the days `on` (a day, or a
/// year: "who took over from B in 2017"), when `b` had held that office: contradicted when `b`
/// did not hand it to `a`. `None` when no such reading is plain, and the claim stays unknown.
fn inferred(t: &Table, a: usize, b: usize, on: (NaiveDate, NaiveDate)) -> Option<(Why, Vec<Row>)> {
    let from = on.0 - chrono::Duration::days(RECENT_BEFORE_DAYS);
    let to = on.1 + chrono::Duration::days(RECENT_AFTER_DAYS);
    let took: Vec<&Term> =
        t.terms_of_person(a).filter(|x| !x.acting && is_top(t, x.office) && from <= x.start && x.start <= to && x.start <= t.covered(x.office)).collect();
    // B must have held one of them, or A may have succeeded B in another post.
    let x = took.iter().find(|x| t.terms_of_office(x.office).any(|y| y.person == b))?;
    // A succeeded B in one of them after all (through an acting holder, say): not this.
    if took.iter().any(|x| handovers(t, x.office).iter().any(|h| h.to.person == a && h.from.person == b && h.to.start == x.start)) {
        return None;
    }
    let h = handovers(t, x.office).into_iter().find(|h| h.to.person == a && h.to.start == x.start && !h.from.acting)?;
    Some((Why::Inferred { from: term_index(t, h.from), to: term_index(t, h.to), before: b as u32 }, rows(t, &h)))
}

/// "B's successor A" where A took no top office then: the top office B had just left, and the
/// one who followed B in it, if that was someone else.
fn successor_was(t: &Table, a: usize, b: usize, on: NaiveDate) -> Option<(Why, Vec<Row>)> {
    let from = on - chrono::Duration::days(RECENT_BEFORE_DAYS);
    let to = on + chrono::Duration::days(RECENT_AFTER_DAYS);
    let x = t.terms_of_person(b).find(|x| {
        let end = t.term_end(x);
        !x.acting && is_top(t, x.office) && from <= end && end <= to && end <= t.covered(x.office)
    })?;
    let h = handovers(t, x.office).into_iter().find(|h| h.from.start == x.start && h.from.person == b && !h.to.acting)?;
    // (That A followed B in no office at all, the caller has found.)
    if h.to.person == a {
        return None;
    }
    Some((Why::SuccessorWas { from: term_index(t, h.from), to: term_index(t, h.to), named: a as u32 }, rows(t, &h)))
}

/// The words before a title that make it the post taken: "as", "became", "was elected",
/// "named", with the country ("as Canada's") or a number ("the 26th", "Britain's 58th") between.
pub(crate) fn title_after() -> &'static crate::text::groups::Regex {
    static RE: std::sync::OnceLock<crate::text::groups::Regex> = std::sync::OnceLock::new();
    crate::text::cached(&RE, || {
        crate::text::regex(
            // ("(?i-u:": ASCII case folding only; the WebAssembly build has no Unicode case tables.)
            r"(?:^|\s)(?i-u:as|became|elected|named|appointed|chosen|confirmed)(?:\s+(?i-u:the))?(?:\s+\x{E000}C\d+\x{E001}(?:'s|’s))?(?:\s+(?:\d+(?:st|nd|rd|th)|(?i-u:new|next|first)))?\s*$",
        )
    })
}

/// "A took over as NATO secretary-general on Thursday, succeeding B", "A became prime
/// minister, replacing B": the office A took, when the words between A and the participle name
/// one office only, after "as" or "became". With two ("A, who served as foreign secretary,
/// became prime minister, succeeding B") it is not plain which B held.
///
/// Also "was elected O", "named O" ("as" left out), with the country or a number before the
/// title ("as Canada's prime minister", "as the 26th governor"), and, for "elected A prime
/// minister to replace B" (`bare`), a title right after A.
fn participle_office<'s>(s: &'s Sentence, c: &Groups, bare: bool) -> Option<&'s Hit<'s>> {
    let mid = c.name("mid")?.as_str();
    let mut offices = mid.match_indices("\u{E000}O");
    let (at, _) = offices.next()?;
    if offices.next().is_some() {
        return None;
    }
    let before = &mid[..at];
    if !(title_after().is_match(before) || (bare && before.trim().is_empty())) {
        return None;
    }
    match s.token_after_open(mid[at..].strip_prefix(OPEN)?)? {
        Token::Entity(h) => Some(h),
        Token::Date(_) => None,
    }
}

/// "A took office in May, succeeding B": the date of A's taking office, in the words before the
/// participle. A date in a clause about A ("A, who had led the bank for years, was chosen on
/// Wednesday to succeed B") or after "since" ("in office since 2017") dates something else: the
/// last date outside those is the deed's.
fn mid_date<'s>(s: &'s Sentence, c: &Groups) -> Option<&'s DateExpr> {
    let mid = c.name("mid")?.as_str();
    // A relative clause runs from ", who" or ", which" to the next comma.
    let from = mid.find_str(", wh").unwrap_or(mid.len());
    let to = mid[(from + 2).min(mid.len())..].find_str(",").map_or(mid.len(), |e| from + 2 + e);
    let mut last = None;
    for (at, _) in mid.match_indices("\u{E000}D") {
        if (from..to).contains(&at) || mid[..at].trim_end().ends_with("since") {
            continue;
        }
        if let Some(Token::Date(d)) = s.token_after_open(&mid[at + OPEN.len_utf8()..]) {
            last = Some(d);
        }
    }
    last
}

fn term_index(t: &Table, x: &Term) -> u32 {
    index_in(&t.terms, x)
}

/// The rows of a handover: the two terms.
fn rows(t: &Table, h: &Handover) -> Vec<Row> {
    vec![term_row(t, h.from), term_row(t, h.to)]
}

/// A handover in an office: `to` followed `from`.
struct Handover<'t> {
    office: usize,
    from: &'t Term,
    to: &'t Term,
}

/// Every handover between full (non-acting) holders of `office`, in order.
/// Every handover in `office`, in order: between full holders, passing over acting and
/// caretaker ones ("A succeeded B" when an interim holder came between), and into and out of
/// each acting term, as the table lists it ("el-Sisi succeeded interim president Mansour").
fn handovers(t: &Table, office: usize) -> Vec<Handover<'_>> {
    let all: Vec<&Term> = t.terms_of_office(office).collect();
    let full: Vec<&Term> = all.iter().copied().filter(|x| !x.acting).collect();
    let mut out: Vec<Handover> = full.windows(2).filter(|w| w[0].person != w[1].person).map(|w| Handover { office, from: w[0], to: w[1] }).collect();
    for w in all.windows(2) {
        if w[0].person != w[1].person && (w[0].acting || w[1].acting) {
            out.push(Handover { office, from: w[0], to: w[1] });
        }
    }
    crate::order::by_key(&mut out, |h| crate::order::date(h.to.start));
    out
}

fn date_matches(d: &DateRange, on: NaiveDate) -> bool {
    let tol = if d.precision == Precision::Day { DAY_TOLERANCE } else { 3 };
    d.widen(tol).contains(on)
}

/// Finds succession claims and checks them.
pub fn find(s: &Sentence, ctx: &Ctx) -> Vec<Checked> {
    let t = ctx.table;
    let mut out = Vec::new();
    for (shape, re) in SHAPES.iter().zip(patterns()) {
        // The rarer shapes only where their words are (a substring search costs less than a
        // regex scan of the sentence).
        let sk = &s.skeleton;
        let present = match shape {
            Shape::Participle => {
                sk.has("ucceeding")
                    || sk.has("eplacing")
                    || sk.has("aking over from")
                    || sk.has("over as ")
                    || sk.has("ucceeds ")
                    || sk.has("eplaces ")
                    || sk.has("akes over from")
            }
            Shape::ChosenToReplace => sk.has("to replace") || sk.has("to succeed"),
            Shape::Predecessor | Shape::PredecessorAfter => sk.has("redecessor"),
            Shape::Successor | Shape::SuccessorAfter => sk.has("uccessor"),
            Shape::Ending => sk.has(", ending "),
            Shape::Active | Shape::Passive => true,
        };
        if !present {
            continue;
        }
        for c in re.captures_iter(&s.skeleton) {
            let whole = c.get(0).unwrap();
            let Some(bh) = s.hit(&c, "b") else {
                continue;
            };
            // "A replaced B's protege C": B is C's patron, not the one replaced.
            let b_end = c.name("b").map_or(0, |m| m.end());
            if matches!(shape, Shape::Active | Shape::Participle | Shape::ChosenToReplace) && ["'s", "’s"].iter().any(|x| s.skeleton[b_end..].starts_with(x))
            {
                continue;
            }
            // "Rutte took over as NATO chief on Tuesday from B": "from" names B only there.
            if c.name("from").is_some() && !c.name("mid").is_some_and(|m| m.as_str().lower().has("over as ")) {
                continue;
            }
            // "A, sworn in on Friday as president, succeeds B": the present tense is read only
            // after the taking of office, told as done; "A, 51, succeeds B next month" and "A,
            // expected to be sworn in, replaces B" may be a plan.
            if c.name("pres").is_some() {
                // (`any_word` reads the words in lower case itself.)
                let mid = c.name("mid").map_or("", |m| m.as_str());
                let taken = any_word(mid, CHOSEN) || any_word(mid, &["took", "inaugurated", "became"]);
                if !taken || any_word(mid, ATTEMPT) || any_word(mid, &["will", "to", "set", "due", "if", "once", "when"]) {
                    continue;
                }
            }
            // "Lawmakers elected A prime minister to replace B": the choosing before A.
            let chosen_before = *shape == Shape::ChosenToReplace && any_word(&s.words_before(whole.start(), 2).join(" "), CHOSEN);
            if matches!(shape, Shape::ChosenToReplace | Shape::Ending) {
                let mid = c.name("mid").map(|m| m.as_str().lower()).unwrap_or_default();
                // Counted here, not in the pattern (a bounded repeat multiplies the automaton).
                // Between B's name and "tenure", a length of time at most ("nearly 10-year").
                if mid.chars().count() > 160 || c.name("len").is_some_and(|m| m.as_str().split_whitespace().count() > 3) {
                    continue;
                }
                // "A was sworn in, ending B's tenure" is a fact done; "A, who is expected to
                // be sworn in, ending …" or "A's bid …" is not.
                if (*shape == Shape::ChosenToReplace && !chosen_before && !any_word(&mid, CHOSEN)) || any_word(&mid, ATTEMPT) {
                    continue;
                }
            }
            // "his predecessor": the person the pronoun stands for.
            let a_hit = s.hit(&c, "a");
            // "Tarique Rahman, son of former Prime Minister Khaleda Zia, was sworn in …", "A,
            // who met X last year, was sworn in …": X is not the one who took office. (Not where
            // A comes after B: "B was succeeded by A".)
            let a_first = matches!(shape, Shape::Active | Shape::Participle | Shape::ChosenToReplace | Shape::Ending);
            if a_first && c.name("a").is_some_and(|m| not_subject(&s.skeleton[..m.start()])) {
                continue;
            }
            let a_c = match (a_hit, c.name("pro")) {
                (Some(ah), _) => people_in(ah, ctx),
                (None, Some(pro)) => pronoun_referent(s, pro.start(), ctx),
                (None, None) => continue,
            };
            if a_c.is_empty() {
                continue;
            }
            let a_words = match a_hit {
                Some(ah) => s.block[ah.start..ah.end].to_string(),
                None => a_c.iter().map(|&p| t.people[p].name.to_string()).collect::<Vec<_>>().join(" / "),
            };
            let date = s.date(&c, "d").or_else(|| s.date(&c, "d2")).or_else(|| mid_date(s, &c)).or_else(|| s.scope_date()).map(|d| d.range);
            // "A is due to take over from B in 2023" (written in 2021): a handover after the
            // article's date, or one the main clause says is due, is a plan, not checked ("A,
            // who is due to face voters, replaced B" is still read).
            if date.is_some_and(|d| d.start > ctx.reference)
                || c.name("mid").is_some_and(|m| any_word(m.as_str().rsplit(',').next().unwrap_or(""), &["due", "will", "poised", "slated", "scheduled"]))
            {
                continue;
            }
            // The day a succession with no office named is read around: the middle of the
            // sentence's date, else the article's.
            let on = date.map(|d| d.start + (d.end - d.start) / 2).unwrap_or(ctx.reference);
            // The days a top office taken is looked for in: that day, or the year written.
            let around = match date {
                Some(d) if d.precision == Precision::Year => (d.start, d.end),
                _ => (on, on),
            };
            let qualifier = ["q", "q2", "q3"].iter().find_map(|n| s.hit(&c, n)).and_then(country_of);
            // Ending: the office A took is the one B's tenure was in only when it is a top
            // office of a state (see [`inferred`]); a named one is not read.
            // "At the helm of the ECB": the body's one leading office.
            let helm = || {
                let g = s.hit(&c, "g").and_then(org_of)?;
                let mut os =
                    (0..t.offices.len()).filter(|&o| t.offices[o].jurisdiction == crate::facts::Body::Org(g) && t.offices[o].kind.as_ref() == "leader");
                let o = os.next()?;
                os.next().is_none().then(|| vec![o])
            };
            let explicit = if *shape == Shape::Ending {
                None
            } else {
                s.hit(&c, "o").or_else(|| s.hit(&c, "o2")).or_else(|| participle_office(s, &c, chosen_before)).map(offices_of).or_else(helm)
            };
            // "as" that names no post: "…, succeeding B as he prepared to …"; "as head of
            // state" names the top office, read as when no office is named.
            let as_post = c.name("as").is_some_and(|m| {
                let next = s.skeleton[m.end()..].split(' ').next().unwrap_or("");
                c.name("top").is_none() && !any_word(next, &["he", "she", "they", "it", "we", "i", "you", "part", "well", "expected", "soon"])
            });
            // The span leaves out an "as" that names nothing.
            let end = match c.name("as") {
                Some(m) if ["o", "q", "top"].iter().all(|n| c.name(n).is_none()) => m.start(),
                _ => whole.end(),
            };
            // "… ending B's tenure as party leader": another post. Ending reads only a top one.
            let other_office = as_post
                && match (*shape, s.hit(&c, "o")) {
                    (Shape::Ending, Some(h)) => !offices_of(h).iter().any(|&o| is_top(t, o)),
                    _ => explicit.is_none(),
                };
            let b_c = people_in(bh, ctx);
            let mut claim = claim!(
                ctx,
                Claim {
                    statement: statement!(
                        ctx,
                        "{} succeeded {}{}{}",
                        a_words,
                        &s.block[bh.start..bh.end],
                        explicit
                            .as_ref()
                            .and_then(|os| os.iter().find(|&&o| qualifier.is_none_or(|q| t.offices[o].jurisdiction == crate::facts::Body::Country(q))))
                            .map(|&o| format!(" as {}", t.offices[o].name))
                            .unwrap_or_default(),
                        date.map(|d| format!(" ({d})")).unwrap_or_default()
                    ),
                    people: a_c.iter().chain(&b_c).map(|&p| t.people[p].id.to_string()).collect(),
                    offices: explicit.iter().flatten().map(|&o| t.offices[o].id.to_string()).collect(),
                    relation: "succeeded".into(),
                    date,
                    ..Claim::default()
                }
            );
            let mk = |claim: Claim, verdict, why: Why, rows: Vec<Row>| Checked {
                span: whole.start()..end,
                claim,
                verdict,
                reason: if verdict == Verdict::Contradicted { Reason::WrongSuccession } else { Reason::plain(verdict) },
                why,
                rows,
            };
            if other_office {
                out.push(mk(claim, Verdict::Unknown, Why::OfficeNotHeld, vec![]));
                continue;
            }
            // Offices to look in: the named one (narrowed by country), else every office.
            let offices: Vec<usize> = match &explicit {
                Some(os) => os
                    .iter()
                    .copied()
                    .filter(|&o| match qualifier {
                        Some(q) => t.offices[o].jurisdiction == crate::facts::Body::Country(q),
                        None => true,
                    })
                    .collect(),
                None => (0..t.offices.len()).collect(),
            };
            // A bare title ("as prime minister"): the office of that title that either person held.
            let offices: Vec<usize> = if explicit.is_some() && qualifier.is_none() && offices.len() > 1 {
                offices.into_iter().filter(|&o| t.terms_of_office(o).any(|x| a_c.contains(&x.person) || b_c.contains(&x.person))).collect()
            } else {
                offices
            };
            let mut found: Vec<Handover> = Vec::new();
            let mut in_offices: Vec<Handover> = Vec::new();
            // ("as head of state": the top offices only, never a party's.)
            let top = c.name("top").is_some();
            for &o in &offices {
                let held = |p: &[usize]| t.terms_of_office(o).any(|x| p.contains(&x.person));
                if !(held(&a_c) || held(&b_c)) || top && !is_top(t, o) {
                    continue;
                }
                for h in handovers(t, o) {
                    if a_c.contains(&h.to.person) && b_c.contains(&h.from.person) {
                        found.push(h);
                    } else {
                        in_offices.push(h);
                    }
                }
            }
            let said = |h: &Handover, then: Handed| Why::Succeeded { from: term_index(t, h.from), to: term_index(t, h.to), then };
            let on_date = |d: &DateRange, office: usize| {
                in_offices
                    .iter()
                    .chain(found.iter())
                    .find(|h| h.office == office && date_matches(d, h.to.start))
                    .map(|h| (term_index(t, h.from), term_index(t, h.to)))
            };
            // "A, who succeeded B last month": the recent handover, not an earlier one of the
            // same two people (Trump succeeded Obama in 2017, and Biden in 2025).
            if explicit.is_none() && date.is_none() && a_c.len() == 1 && b_c.len() == 1 && recent_words(s.text()) {
                if let Some((why, rows)) = inferred(t, a_c[0], b_c[0], (ctx.reference, ctx.reference)) {
                    out.push(mk(claim, Verdict::Contradicted, why, rows));
                    continue;
                }
            }
            // "Trump was sworn in on Monday, ending Obama's presidency" (2025): the top office A
            // has just taken came from someone else, whatever A once took from B.
            if *shape == Shape::Ending && a_c.len() == 1 && b_c.len() == 1 {
                if let Some((why, rows)) = inferred(t, a_c[0], b_c[0], around) {
                    out.push(mk(claim, Verdict::Contradicted, why, rows));
                    continue;
                }
            }
            if !found.is_empty() {
                if ctx.detail.full() {
                    claim.offices = found.iter().map(|h| t.offices[h.office].id.to_string()).collect();
                    claim.offices.dedup();
                }
                // "A won the 2020 election, ending B's presidency": the date is of A's deed, which
                // ended B's tenure, not of the handover.
                let Some(d) = date.filter(|_| *shape != Shape::Ending) else {
                    out.push(mk(claim, Verdict::Supported, said(&found[0], Handed::Stop), rows(t, &found[0])));
                    continue;
                };
                // "A was chosen in July to succeed B": the date is the choice's, which comes
                // before the handover, by up to a year (an election in November for an
                // inauguration in January; a vote in July for a commission in December).
                // So too "A was elected chairperson on Saturday, succeeding B": the vote's day.
                let chose = *shape == Shape::ChosenToReplace || c.name("mid").is_some_and(|m| any_word(m.as_str(), CHOICE));
                let lead = if chose { CHOICE_LEAD_DAYS } else { 0 };
                let choice = DateRange::span(d.start, d.end + chrono::Duration::days(lead));
                if let Some(h) = found.iter().find(|h| date_matches(&d, h.to.start) || choice.contains(h.to.start)) {
                    out.push(mk(claim, Verdict::Supported, said(h, Handed::Stop), rows(t, h)));
                    continue;
                }
                // The right people, the wrong date. A top office A took around that date, which
                // B had held, is the one meant ("Martin, who succeeded Varadkar in January").
                if explicit.is_none() && a_c.len() == 1 && b_c.len() == 1 {
                    if let Some((why, rows)) = inferred(t, a_c[0], b_c[0], around) {
                        out.push(mk(claim, Verdict::Contradicted, why, rows));
                        continue;
                    }
                }
                // With no office named, only a wrong year counts.
                let h = &found[0];
                let year_off = d.precision == Precision::Year || !DateRange::year(chrono::Datelike::year(&h.to.start)).unwrap().overlaps(&d);
                if (explicit.is_some() || (found.len() == 1 && year_off)) && d.start <= t.covered(h.office) {
                    let why = Why::SucceededOtherDay { from: term_index(t, h.from), to: term_index(t, h.to), claimed: d, then: on_date(&d, h.office) };
                    out.push(mk(claim, Verdict::Contradicted, why, rows(t, h)));
                } else {
                    out.push(mk(claim, Verdict::Unknown, said(h, Handed::OtherEvent), rows(t, h)));
                }
                continue;
            }
            // No such succession. Contradicted only for a named office, when the table knows
            // who came after the predecessor (or that the predecessor never held it).
            let verdict_and_why = match (&explicit, offices.as_slice()) {
                // (The table covers the office on the article's date, or at least up to A's
                // taking it in the days around it: "Kast, who succeeded B on Wednesday".)
                (Some(_), [o])
                    if a_c.len() == 1
                        && b_c.len() == 1
                        && (ctx.reference <= t.covered(*o)
                            || t.terms_of_office(*o).any(|x| {
                                x.person == a_c[0] && !x.acting && x.start <= t.covered(*o) && (x.start - ctx.reference).num_days().abs() <= DAY_TOLERANCE
                            })) =>
                {
                    let o = *o;
                    let b_terms: Vec<&Term> = t.terms_of_office(o).filter(|x| x.person == b_c[0]).collect();
                    let after_b: Vec<Handover> = handovers(t, o).into_iter().filter(|h| h.from.person == b_c[0]).collect();
                    // B's handover nearest before A took office (B may have held the office twice).
                    let a_start = t.terms_of_office(o).find(|x| x.person == a_c[0] && !x.acting).map(|x| x.start);
                    let pick = after_b.iter().rev().find(|h| a_start.is_none_or(|a| h.to.start <= a)).or(after_b.first());
                    if let Some(h) = pick {
                        Some((
                            Verdict::Contradicted,
                            Why::SuccessorWas { from: term_index(t, h.from), to: term_index(t, h.to), named: a_c[0] as u32 },
                            rows(t, h),
                        ))
                    } else if b_terms.is_empty()
                        && t.terms_of_office(o).next().is_some()
                        // "sworn in as prime minister, taking over from interim chief adviser
                        // B": B led in another post, which ended as A took this one.
                        && !a_start.is_some_and(|a| t.terms_of_person(b_c[0]).any(|x| (t.term_end(x) - a).num_days().abs() <= DAY_TOLERANCE))
                        && !c.name("b").is_some_and(|m| any_word(&s.words_before(m.start(), 3).join(" "), &["interim", "acting", "caretaker", "transitional", "provisional"]))
                        // "Ardern was succeeded as Labour leader by Hipkins": a bare title
                        // neither person held is another body's (New Zealand's Labour, not
                        // Britain's), unless a country names the office.
                        && (qualifier.is_some() || t.terms_of_office(o).any(|x| x.person == a_c[0]))
                    {
                        Some((Verdict::Contradicted, Why::History { person: b_c[0] as u32, office: o as u32, then: Then::Stop }, vec![Row::Office(o as u32)]))
                    } else {
                        None
                    }
                }
                // No office named: read in the top office A had just taken, if B had held it;
                // for "B's successor A", else in the top office B had just left.
                (None, _) if a_c.len() == 1 && b_c.len() == 1 => inferred(t, a_c[0], b_c[0], around)
                    .or_else(|| {
                        if matches!(shape, Shape::Successor | Shape::SuccessorAfter | Shape::Passive) {
                            successor_was(t, a_c[0], b_c[0], on)
                        } else {
                            None
                        }
                    })
                    .map(|(why, rows)| (Verdict::Contradicted, why, rows)),
                _ => None,
            };
            match verdict_and_why {
                Some((v, why, rows)) => out.push(mk(claim, v, why, rows)),
                None => out.push(mk(claim, Verdict::Unknown, Why::NoSuchSuccession, vec![])),
            }
            let last = out.last_mut().unwrap();
            if let Some(ah) = a_hit {
                downgrade_if_shared(last, ah, &s.block[ah.start..ah.end], ctx);
            }
            downgrade_if_shared(last, bh, &s.block[bh.start..bh.end], ctx);
        }
    }
    out
}
