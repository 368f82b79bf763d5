//! Time in power: since when, or for how long, a person has led a country. "Viktor Orbán, who
//! has ruled Hungary since 2010", "Erdoğan has governed Turkey for two decades", "Merkel, who
//! led Germany for 16 years", "Putin's 24-year rule", "Mubarak resigned after 30 years in
//! power", "Lee Hsien Loong, who has led Singapore as prime minister since 2004".
//!
//! Power is the country's top offices together (head of state, head of government, and the
//! `leader` posts of one-party states), held without a break ([`runs`]): Putin's run goes from
//! prime minister to president and back, Erdoğan's from prime minister to president. With an
//! office named ("as prime minister", "after 12 years as chancellor") it is that office's.
//!
//! What is read, and how ([`When`]):
//! - "has ruled / has governed / has led C / has been in power" and the apposition "X, in
//!   power since …" speak of the run X is in on the sentence's date. "Since D" fits when a
//!   term of that run (or the run itself) began then; "for N years" fits the run's length, or
//!   X's time in power over all runs ("Netanyahu, who has led Israel for more than 15 years").
//!   Said of someone whose power had ended (months before the date, by a term that has an
//!   end), it is a former holder's description, as a title before their name would be.
//! - "had ruled … since" and "resigned after N years in power" speak of the run that ends on
//!   the sentence's date (or did in the months before); nothing is read when none does.
//! - "who ruled / governed / led C for N years" (past) and "X's N-year rule" fit any run of
//!   X's, or the total.
//! - Plural subjects, "de facto" and "effectively" rulers, mayors, governors and party
//!   leaders, and people the table holds in no such office are not read.
//!
//! Lengths are read as writers round them: [`fits`] has the tolerances.
use super::explain::{index_in, PowerRun, Row, Why};
use super::*;
use crate::text::Has;
use chrono::Datelike;

/// Which pattern matched, in the order of [`patterns`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// "X, who has ruled Hungary since 2010", "X has been in power for 20 years", "X, in power
    /// since 2010,", "X, who led Germany for 16 years", "X has led C as prime minister since …".
    Verb,
    /// "X's 24-year rule", "X's two decades in power".
    Possessive,
    /// "X resigned on Friday after 30 years in power / as Egypt's president".
    After,
}

const SHAPES: [Shape; 3] = [Shape::Verb, Shape::Possessive, Shape::After];

/// A length as news writes it: "nearly two decades", "more than 20", "the past nine". The
/// qualifier's kind and the unit are groups of their own, so the code reads which one took
/// part rather than comparing words (smaller in the .wasm).
const LENGTH: &str = r"(?P<len>(?:(?i:the past|the last)\s+)?(?:(?:(?P<nearly>(?i:nearly|almost|close to|just under|the best part of|the better part of))|(?P<more>(?i:more than|well over|just over|over|at least))|(?P<less>(?i:less than|under))|(?i:about|around|roughly|some))\s+)?(?:(?i:the past|the last)\s+)?(?:(?P<n>\d{1,2}|(?i:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty))(?:\s+(?P<dec>(?i:decades|decade))|\s+(?i:years|year))|(?P<qc>(?i:a quarter(?:\s+of\s+a|-)\s*century))|(?P<half>(?i:half a century))))";

/// What follows "since": a date ("since 2010"), the day of taking power ("since becoming
/// president in 1987") or an election ("since winning the 2014 election", "since the 2009
/// vote"). Other events ("since the 1979 revolution", "since a coup in 1980") are not read.
const SINCE: &str = r"(?:(?i:becoming|first becoming|taking office|taking power|coming to power|being elected|being sworn in)(?:\s+(?:(?i:as)\s+)?(?P<o2>{O}))?\s+(?i:in)\s+(?P<d>{D})|(?:(?i:winning)\s+)?(?:(?i:the|a|his|her)\s+)?(?P<de>{D})\s+(?:(?i:general|presidential|parliamentary|legislative)\s+)?(?i:elections?|polls?|vote)|(?P<d2>{D}))";

pub(crate) fn patterns() -> &'static [Pattern; 3] {
    static RE: std::sync::OnceLock<[Pattern; 3]> = std::sync::OnceLock::new();
    crate::text::cached(&RE, || {
        [
            pattern(&format!(
                r"(?P<p>{{P}})(?P<age>,\s+(?:(?i:aged)\s+)?\d{{1,3}})?(?:,\s+(?i:who)\s+|(?P<comma>,\s+)|\s+)(?:(?P<has>(?i:has))\s+|(?P<had>(?i:had))\s+)?(?:(?i:been)\s+)?(?:(?P<led>(?i:led))|(?P<inpower>(?i:in power)|(?P<inoffice>(?i:in office))|(?P<cq>{{C}})(?:'s|’s)\s+(?i:ruler|leader|strongman))|(?i:ruled|governed|reigned))(?:\s+(?i:over))?(?:\s+(?P<c>{{C}})|\s+(?P<own>(?i:the country|the nation|the kingdom)))?(?:\s+(?i:as)\s+(?P<o>{{O}}))?(?:\s+(?i:continuously|uninterruptedly|without interruption|without a break))?\s+(?:(?i:for)\s+{LENGTH}(?-u:\b)|(?i:since)\s+{SINCE})"
            )),
            pattern(&format!(
                r"(?P<p>{{P}})(?:'s|’s)\s+{LENGTH}?(?:(?P<len3>(?P<n3>\d{{1,2}}|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty))-(?:(?P<dec3>(?i:decade))|(?i:year)))(?:-(?i:long))?\s+(?i:rule|reign|grip on power|hold on power|stay in power|time in power)|\s+(?i:in power|of rule|at the helm))(?-u:\b)"
            )),
            // Between the name and "after", only words and dates (another name or a title
            // would make the years someone else's); its length is counted in code.
            pattern(&format!(
                r"(?P<p>{{P}})(?P<mid>(?:[^.;:\u{{E000}}]|\u{{E000}}D\d+\u{{E001}})*?)\s+(?i:after)\s+{LENGTH}\s+(?:(?i:in power|at the helm|of rule|on the throne|in office)(?-u:\b)|(?i:as)\s+(?:(?P<c>{{C}})(?:'s|’s)\s+)?(?:(?i:the\s+)?(?i:leader|ruler|head of state)(?-u:\b)|(?P<o>{{O}})))"
            )),
        ]
    })
}

/// Which run of a person's a claim is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum When {
    /// The run on the sentence's date ("has ruled since").
    Now,
    /// The run that ends on the sentence's date or did in the months before ("had ruled
    /// since", "resigned after 30 years in power").
    JustEnded,
    /// Any run, or the total ("who ruled for 30 years", "X's 24-year rule").
    Any,
}

/// How long before the sentence's date a run may have ended and still be the one "had ruled"
/// or "resigned after …" speaks of: a resignation reported, a death mourned, a trial.
const JUST_ENDED_DAYS: i64 = 120;

/// A present-tense claim about someone whose power ended at least this long before the date
/// is a former holder's description; closer to the date, the writer may have written before
/// the handover.
const FORMER_AFTER_DAYS: i64 = 60;

/// How a length was qualified.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Around {
    /// "20 years", "about 20", "the past 20".
    Exact,
    /// "nearly 20", "almost two decades", "the best part of".
    Nearly,
    /// "more than 20", "over two decades", "at least".
    AtLeast,
    /// "less than 20", "under".
    AtMost,
}

/// Whether a time in power of `held` years fits a claimed `n` years: `Some(true)` when it
/// does, `Some(false)` when it plainly does not, `None` in between (not settled).
///
/// Writers round: "nine years" for 8.6 or 9.4, "two decades" for 18 to 22, "nearly 10" for
/// 8.5. So an exact length fits within a year or an eighth of itself (three years for decades),
/// and is wrong only half a year beyond that; "nearly" fits up to half a year over and well
/// below; "more than" and "less than" are wrong only by more than half a year (a quarter-year
/// margin for rounding to the month, and as much again for the writer's day).
fn fits(held: f64, n: f64, around: Around, decades: bool) -> Option<bool> {
    let slack = if decades { 3.0 } else { (0.125 * n).max(1.0) };
    let (ok, wrong) = match around {
        Around::Exact => ((held - n).abs() <= slack, (held - n).abs() > slack + 0.5),
        Around::Nearly => (held <= n + 0.5 && held >= n - slack - 1.0, held > n + 1.0 || held < n - slack - 2.0),
        Around::AtLeast => (held >= n - 0.1, held < n - 0.5),
        Around::AtMost => (held <= n + 0.1, held > n + 0.5),
    };
    if ok {
        Some(true)
    } else if wrong {
        Some(false)
    } else {
        None
    }
}

/// Words that make the sentence about informal power, or a shared one: not read.
const INFORMAL: &[&str] = &["de facto", "effectively", "in all but name", "behind the scenes", "real power", "power behind", "jointly", "together"];

/// The top offices of a country whose terms make up time in power.
fn is_power(t: &Table, o: usize, country: usize) -> bool {
    t.offices[o].jurisdiction == crate::facts::Body::Country(country) && matches!(t.offices[o].kind.as_ref(), "head_of_state" | "head_of_government" | "leader")
}

/// A national office of `country` (not a party's, a region's or a body's).
fn national(t: &Table, o: usize, country: usize) -> bool {
    t.offices[o].jurisdiction == crate::facts::Body::Country(country) && !matches!(t.offices[o].kind.as_ref(), "party" | "regional")
}

/// Two terms this close (in days) make one run: a handover between offices, a caretaker's
/// weeks, an election's count.
const RUN_GAP_DAYS: i64 = 60;

/// A person's runs in the offices `office` picks (acting terms too), joined when one begins
/// within [`RUN_GAP_DAYS`] of the last one's end, in order.
///
/// Plain loops and one run type, not iterator chains over nested vectors: each new element
/// type brings its own copy of the vector and sorting code into the .wasm (the first version
/// of this family cost 13 KB gzipped, over the code budget).
fn runs(t: &Table, p: usize, office: impl Fn(usize) -> bool) -> Vec<PowerRun> {
    let mut terms: Vec<u32> = Vec::new();
    for x in t.terms_of_person(p) {
        if office(x.office) {
            // In order of start (a person has a handful of terms: insertion is enough).
            let i = index_in(&t.terms, x);
            let at = terms.iter().position(|&j| t.terms[j as usize].start > x.start).unwrap_or(terms.len());
            terms.insert(at, i);
        }
    }
    let mut out: Vec<PowerRun> = Vec::new();
    for i in terms {
        let x = &t.terms[i as usize];
        let joins = out.last().is_some_and(|r| x.start <= r.through + chrono::Duration::days(RUN_GAP_DAYS));
        if !joins {
            out.push(PowerRun { start: x.start, end: Some(x.start), through: x.start, offices: Vec::new(), terms: Vec::new() });
        }
        let r = out.last_mut().unwrap();
        r.through = r.through.max(t.term_end(x));
        r.end = match (r.end, x.end) {
            (Some(a), Some(b)) => Some(a.max(b)),
            _ => None,
        };
        if !r.offices.contains(&(x.office as u32)) {
            r.offices.push(x.office as u32);
        }
        r.terms.push(i);
    }
    out
}

/// Whether a claim of more time in power than the table holds must stay unsettled for a run:
/// one that began before 1995, when juntas, revolutionary councils and shared premierships
/// held power that the table's head-of-state and head-of-government rows do not show
/// ("Ortega has ruled Nicaragua for more than 25 years" counts the junta's years).
fn longer_unsettled(run: &PowerRun) -> bool {
    run.start.year() < 1995
}

/// Finds claims of time in power and checks them. `lower` is the sentence's skeleton in
/// lower case, which the caller made to decide whether to look.
pub fn find(s: &Sentence, ctx: &Ctx, lower: &str) -> Vec<Checked> {
    let t = ctx.table;
    let mut out = Vec::new();
    if INFORMAL.iter().any(|w| lower.has(w)) || reading::points_elsewhere(s.text()) {
        return out;
    }
    for (shape, re) in SHAPES.iter().zip(patterns()) {
        for c in re.captures_iter(&s.skeleton) {
            let whole = c.get(0).unwrap();
            let Some(ph) = s.hit(&c, "p") else { continue };
            // "Sheikh Hasina and Khaleda Zia have ruled …": a shared time, not one person's.
            if s.words_before(whole.start(), 1).first().is_some_and(|w| w == "and" || w == "or") {
                continue;
            }
            let Some(when) = when(s, &c, *shape, whole.start()) else { continue };
            let people = people_in(ph, ctx);
            let [p] = people[..] else { continue };
            let Some(country) = s.hit(&c, "c").or_else(|| s.hit(&c, "cq")).and_then(country_of).or(t.people[p].country) else { continue };
            // With an office named, that office's terms; else the country's top offices.
            // ("Since becoming prime minister in 2003" only dates the start of the power.)
            let named: Option<Vec<usize>> = s.hit(&c, "o").map(|h| offices_of(h).into_iter().filter(|&o| national(t, o, country)).collect());
            if named.as_ref().is_some_and(|o| o.is_empty()) {
                continue;
            }
            let all = runs(t, p, |o| named.as_ref().map_or_else(|| is_power(t, o, country), |n| n.contains(&o)));
            if all.is_empty() {
                continue;
            }
            let since = ["d", "d2"].iter().find_map(|n| s.date(&c, n)).map(|d| (d.range, false)).or_else(|| s.date(&c, "de").map(|d| (d.range, true)));
            if since.is_some() && when == When::Any {
                continue;
            }
            let on = s.scope_date().map(|d| d.range.end).unwrap_or(ctx.reference).min(ctx.reference);
            // Which runs the claim is about (indices into `all`), and whether it speaks in the
            // present of someone out of power for months: a former holder.
            let mut current = None;
            let mut recent = None;
            let mut former = when == When::Now;
            let mut begun = Vec::new();
            for (k, r) in all.iter().enumerate() {
                if r.start > on {
                    continue;
                }
                begun.push(k);
                // A term on the date (a running one counts up to the day its office is covered to).
                if r.terms.iter().any(|&i| t.terms[i as usize].start <= on && on <= t.term_end(&t.terms[i as usize])) {
                    current = Some(k);
                } else if r.end.is_some_and(|e| e <= on && (on - e).num_days() <= JUST_ENDED_DAYS) {
                    recent = Some(k);
                }
                if r.end.is_none_or(|e| (on - e).num_days() < FORMER_AFTER_DAYS) {
                    former = false;
                }
            }
            let former = former && !begun.is_empty();
            // "X, in office since 2019": of someone in power on the date, that power; of anyone
            // else, an office the family does not read (a minister's).
            if c.name("inoffice").is_some() && current.is_none() {
                continue;
            }
            let relevant: Vec<usize> = match when {
                When::Now if former => begun.clone(),
                When::Now => current.into_iter().collect(),
                When::JustEnded => current.or(recent).into_iter().collect(),
                When::Any => begun.clone(),
            };
            if relevant.is_empty() {
                continue;
            }
            // A run's length up to the date, in years.
            let held = |r: &PowerRun| (r.through.min(on) - r.start).num_days() as f64 / 365.25;
            let (verdict, reason) = if former {
                (Verdict::Contradicted, Reason::FormerHolder)
            } else if let Some((d, election)) = since {
                if d.start > on {
                    continue;
                }
                let run = &all[relevant[0]];
                // An election's winner takes office weeks or months after the vote.
                let widened = if election {
                    DateRange { start: d.start - chrono::Duration::days(31), end: d.end + chrono::Duration::days(200), precision: d.precision }
                } else {
                    d.widen(if d.precision == crate::facts::Precision::Day { 3 } else { 31 })
                };
                if run.terms.iter().any(|&i| widened.contains(t.terms[i as usize].start)) {
                    (Verdict::Supported, Reason::Confirmed)
                } else if d.end < run.start && (d.end.year() + 1 >= run.start.year() || longer_unsettled(run)) {
                    // A start a year early may count the months of power before the formal
                    // one ("Sisi, who has ruled Egypt since 2013"); see also [`longer_unsettled`].
                    (Verdict::Unknown, Reason::NotSettled)
                } else {
                    (Verdict::Contradicted, Reason::WrongDate)
                }
            } else {
                let Some((n, around, decades)) = length(&c) else { continue };
                // Each relevant run's length, and the total over all runs begun by the date.
                let total: f64 = begun.iter().map(|&k| held(&all[k])).sum();
                let (mut fit, mut all_wrong, mut longer) = (false, true, true);
                for l in relevant.iter().map(|&k| held(&all[k])).chain(std::iter::once(total)) {
                    match fits(l, n, around, decades) {
                        Some(true) => fit = true,
                        Some(false) => {}
                        None => all_wrong = false,
                    }
                    longer &= l < n;
                }
                if fit {
                    (Verdict::Supported, Reason::Confirmed)
                } else if longer && longer_unsettled(&all[0]) {
                    (Verdict::Unknown, Reason::NotSettled)
                } else if all_wrong {
                    (Verdict::Contradicted, Reason::WrongLength)
                } else {
                    (Verdict::Unknown, Reason::NotSettled)
                }
            };
            let claimed = claimed_words(s, &c);
            let mut rows: Vec<Row> = Vec::new();
            let mut shown: Vec<PowerRun> = Vec::new();
            for &k in &relevant {
                let r = &all[k];
                rows.extend(r.terms.iter().map(|&i| Row::Term(i)));
                shown.push(PowerRun { end: r.end.filter(|&e| e <= on), ..r.clone() });
            }
            // A length that fits is said without "not …" (the explanation then only tells the run).
            let said = if verdict == Verdict::Supported { Box::default() } else { claimed.clone() };
            let why = Why::InPower { person: p as u32, country: country as u32, runs: shown, on, former, claimed: said };
            let claim = claim!(
                ctx,
                Claim {
                    statement: statement!(ctx, "{} has been in power in {} {}", t.people[p].name, t.countries[country].name, &*claimed),
                    people: vec![t.people[p].id.to_string()],
                    countries: vec![t.countries[country].id.to_string()],
                    relation: "in_power".into(),
                    date: since.map(|d| d.0),
                    ..Claim::default()
                }
            );
            let mut checked = Checked { span: whole.start()..whole.end(), claim, verdict, reason, why, rows };
            downgrade_if_shared(&mut checked, ph, &s.block[ph.start..ph.end], ctx);
            out.push(checked);
        }
    }
    out
}

/// Which run a match speaks of, from its shape and tense; `None` when it is not a claim this
/// reads ("X, ruled Hungary …", "led the party for 10 years", a long stretch before "after").
fn when(s: &Sentence, c: &Groups, shape: Shape, start: usize) -> Option<When> {
    match shape {
        Shape::Possessive => return Some(When::Any),
        Shape::After => {
            // The years are the subject's: the first person of the sentence, not one after a
            // preposition ("handed over to Scholz after 16 years as Germany's leader").
            let mid = c.name("mid").map_or("", |m| m.as_str());
            let first_person = s.tokens_before(start).iter().all(|h| h.kind != Kind::Person);
            let object = s
                .words_before(start, 1)
                .first()
                .is_some_and(|w| matches!(w.as_str(), "to" | "from" | "by" | "with" | "over" | "for" | "of" | "against" | "than"));
            return (mid.chars().count() <= 80 && first_person && !object).then_some(When::JustEnded);
        }
        Shape::Verb => {}
    }
    // "X, 85, who has ruled …", "X, 85, has ruled …": the age's comma closes the apposition.
    let comma = c.name("comma").is_some() && c.name("age").is_none();
    // "led" needs its object: "led the party for 10 years" is another post. "The government
    // that Schroeder has led for …" has it before.
    if c.name("led").is_some() && c.name("c").is_none() && c.name("own").is_none() && c.name("o").is_none() {
        let before = s.skeleton[..start].trim_end().to_ascii_lowercase();
        let nouns = ["government", "coalition", "administration", "cabinet", "country", "nation"];
        let by_noun = |w: &str| before.strip_suffix(w).is_some_and(|b| nouns.iter().any(|n| b.trim_end().ends_with(n)));
        if !by_noun("that") && !by_noun("which") {
            return None;
        }
    }
    if c.name("had").is_some() {
        Some(When::JustEnded)
    } else if c.name("has").is_some() {
        Some(When::Now)
    } else if c.name("inpower").is_some() {
        // "X, in power since 2010,", "X, Uganda's ruler since 1986,": the apposition is present.
        comma.then_some(When::Now)
    } else if comma {
        // "X, ruled Hungary …" is not a clause this reads.
        None
    } else {
        Some(When::Any)
    }
}

/// The claimed length in years, how it was qualified, and whether it was in decades; `None`
/// for a length too short to tell from the rounding of dates ("for a year").
fn length(c: &Groups) -> Option<(f64, Around, bool)> {
    let decades = c.name("dec").or(c.name("dec3")).is_some() || c.name("qc").is_some() || c.name("half").is_some();
    let n = match c.name("n").or(c.name("n3")) {
        Some(n) => small_number(n.as_str())? as f64 * if decades { 10.0 } else { 1.0 },
        None if c.name("half").is_some() => 50.0,
        None if c.name("qc").is_some() => 25.0,
        None => return None,
    };
    if n < 2.0 {
        return None;
    }
    let around = if c.name("nearly").is_some() {
        Around::Nearly
    } else if c.name("more").is_some() {
        Around::AtLeast
    } else if c.name("less").is_some() {
        Around::AtMost
    } else {
        Around::Exact
    };
    Some((n, around, decades))
}

/// The claimed length or start as written, for the explanation: "nearly two decades",
/// "since 2012" ("the past nine years" → "nine years"). The words as they stand, not rebuilt:
/// formatting them cost 1.8 KB of the code budget.
fn claimed_words(s: &Sentence, c: &Groups) -> Box<str> {
    if let Some(d) = ["d", "d2", "de"].iter().find_map(|n| s.date(c, n)) {
        return format!("since {}", &s.block[d.start..d.end]).into();
    }
    let words = c.name("len3").or(c.name("len")).map_or("", |m| m.as_str());
    let words = ["the past ", "the last "].iter().find_map(|p| words.strip_prefix(p)).unwrap_or(words);
    words.into()
}
