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
use super::explain::{term_row, PowerRun, Row, Why};
use super::*;
use crate::facts::Term;
use chrono::{Datelike, NaiveDate};

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

/// A length as news writes it: "nearly two decades", "more than 20", "the past nine".
const LENGTH: &str = r"(?P<q>(?i:nearly|almost|close to|more than|well over|just over|over|at least|just under|less than|under|about|around|roughly|some|the best part of|the better part of|the past|the last)\s+)?(?:(?P<q2>(?i:the past|the last|nearly|almost|more than|over))\s+)?(?:(?P<n>\d{1,2}|(?i:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty))(?P<u>\s+(?i:years|year|decades|decade))|(?P<qc>(?i:a quarter(?:\s+of\s+a|-)\s*century|half a century)))";

/// What follows "since": a date ("since 2010"), the day of taking power ("since becoming
/// president in 1987") or an election ("since winning the 2014 election", "since the 2009
/// vote"). Other events ("since the 1979 revolution", "since a coup in 1980") are not read.
const SINCE: &str = r"(?:(?i:becoming|first becoming|taking office|taking power|coming to power|being elected|being sworn in)(?:\s+(?:(?i:as)\s+)?(?P<o2>{O}))?\s+(?i:in)\s+(?P<d>{D})|(?:(?i:winning)\s+)?(?:(?i:the|a|his|her)\s+)?(?P<de>{D})\s+(?:(?i:general|presidential|parliamentary|legislative)\s+)?(?i:elections?|polls?|vote)|(?P<d2>{D}))";

pub(crate) fn patterns() -> &'static [Pattern; 3] {
    static RE: std::sync::OnceLock<[Pattern; 3]> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        [
            pattern(&format!(
                r"(?P<p>{{P}})(?:,\s+(?:(?i:aged)\s+)?\d{{1,3}},)?(?P<sep>,\s+(?i:who)\s+|,\s+|\s+)(?P<aux>(?i:has|had)\s+)?(?:(?i:been)\s+)?(?P<v>(?i:ruled|governed|reigned|led|in power))(?:\s+(?i:over))?(?:\s+(?P<c>{{C}})|\s+(?P<own>(?i:the country|the nation|the kingdom)))?(?:\s+(?i:as)\s+(?P<o>{{O}}))?\s+(?:(?i:for)\s+{LENGTH}(?-u:\b)|(?i:since)\s+{SINCE})"
            )),
            pattern(&format!(
                r"(?P<p>{{P}})(?:'s|’s)\s+{LENGTH}?(?:(?P<n3>\d{{1,2}}|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty))-(?P<u3>(?i:year|decade))(?:-(?i:long))?\s+(?i:rule|reign|grip on power|hold on power|stay in power|time in power)|\s+(?i:in power|of rule|at the helm))(?-u:\b)"
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

/// A number as written: "nine", "9", "a".
fn number(w: &str) -> Option<f64> {
    const WORDS: [&str; 20] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
        "seventeen", "eighteen", "nineteen", "twenty",
    ];
    let w = w.to_ascii_lowercase();
    if let Ok(n) = w.parse::<u32>() {
        return Some(n as f64);
    }
    match w.as_str() {
        "a" => Some(1.0),
        "thirty" => Some(30.0),
        "forty" => Some(40.0),
        "fifty" => Some(50.0),
        _ => WORDS.iter().position(|x| *x == w).map(|i| (i + 1) as f64),
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
/// within [`RUN_GAP_DAYS`] of the last one's end. Each run lists its terms.
fn runs(t: &Table, p: usize, office: impl Fn(usize) -> bool) -> Vec<Vec<&Term>> {
    let mut terms: Vec<&Term> = t.terms_of_person(p).filter(|x| office(x.office)).collect();
    terms.sort_by_key(|x| x.start);
    let mut out: Vec<Vec<&Term>> = Vec::new();
    let mut end = NaiveDate::MIN;
    for x in terms {
        match out.last_mut() {
            Some(run) if x.start <= end + chrono::Duration::days(RUN_GAP_DAYS) => run.push(x),
            _ => out.push(vec![x]),
        }
        end = end.max(t.term_end(x));
    }
    out
}

/// Whether a claim of more time in power than the table holds must stay unsettled for a run:
/// one that began before 1995, when juntas, revolutionary councils and shared premierships
/// held power that the table's head-of-state and head-of-government rows do not show
/// ("Ortega has ruled Nicaragua for more than 25 years" counts the junta's years).
fn longer_unsettled(run: &[&Term]) -> bool {
    run[0].start.year() < 1995
}

/// Years between two days.
fn years(from: NaiveDate, to: NaiveDate) -> f64 {
    (to - from).num_days() as f64 / 365.25
}

/// Finds claims of time in power and checks them.
pub fn find(s: &Sentence, ctx: &Ctx) -> Vec<Checked> {
    let t = ctx.table;
    let mut out = Vec::new();
    let lower = s.text().to_ascii_lowercase();
    if INFORMAL.iter().any(|w| lower.contains(w)) || reading::points_elsewhere(s.text()) {
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
            let Some(country) = s.hit(&c, "c").and_then(country_of).or(t.people[p].country) else { continue };
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
            // The part of each run up to the date: a run that began after it does not count.
            let span = |run: &[&Term]| -> (NaiveDate, NaiveDate) {
                let end = run.iter().map(|x| t.term_end(x)).max().unwrap();
                (run[0].start, end.min(on))
            };
            // The last day of a run that has ended by the table's rows (no running term).
            let ended = |run: &[&Term]| -> Option<NaiveDate> { run.iter().map(|x| x.end).try_fold(NaiveDate::MIN, |m, e| e.map(|e| m.max(e))) };
            // The run with a term on the date (a running term counts only up to the day its
            // office is covered to).
            let current = all.iter().find(|run| run.iter().any(|x| x.start <= on && on <= t.term_end(x)));
            let recent =
                current.or_else(|| all.iter().find(|run| ended(run).is_some_and(|e| e <= on && (on - e).num_days() <= JUST_ENDED_DAYS && run[0].start <= on)));
            // Said in the present of someone out of power for months: a former holder.
            let former = when == When::Now
                && current.is_none()
                && all.iter().all(|run| ended(run).is_some_and(|e| (on - e).num_days() >= FORMER_AFTER_DAYS) || run[0].start > on)
                && all.iter().any(|run| run[0].start <= on);
            let relevant: Vec<&Vec<&Term>> = match when {
                When::Now if former => all.iter().filter(|r| r[0].start <= on).collect(),
                When::Now => current.into_iter().collect(),
                When::JustEnded => recent.into_iter().collect(),
                When::Any => all.iter().filter(|r| r[0].start <= on).collect(),
            };
            if relevant.is_empty() {
                continue;
            }
            let (verdict, reason) = if former {
                (Verdict::Contradicted, Reason::FormerHolder)
            } else if let Some((d, election)) = since {
                if d.start > on {
                    continue;
                }
                let run = relevant[0];
                // An election's winner takes office weeks or months after the vote.
                let widened = if election {
                    DateRange { start: d.start - chrono::Duration::days(31), end: d.end + chrono::Duration::days(200), precision: d.precision }
                } else {
                    d.widen(if d.precision == crate::facts::Precision::Day { 3 } else { 31 })
                };
                if run.iter().any(|x| widened.contains(x.start)) {
                    (Verdict::Supported, Reason::Confirmed)
                } else if d.end < run[0].start && (d.end.year() + 1 >= run[0].start.year() || longer_unsettled(run)) {
                    // A start a year early may count the months of power before the formal
                    // one ("Sisi, who has ruled Egypt since 2013"); see also [`longer_unsettled`].
                    (Verdict::Unknown, Reason::NotSettled)
                } else {
                    (Verdict::Contradicted, Reason::WrongDate)
                }
            } else {
                let Some((n, around, decades)) = length(&c) else { continue };
                let lengths: Vec<f64> = relevant.iter().map(|r| span(r)).map(|(a, b)| years(a, b)).collect();
                let total: f64 = all.iter().map(|r| span(r)).filter(|(a, b)| a <= b).map(|(a, b)| years(a, b)).sum();
                let results: Vec<Option<bool>> = lengths.iter().chain(std::iter::once(&total)).map(|&l| fits(l, n, around, decades)).collect();
                let longer = lengths.iter().chain(std::iter::once(&total)).all(|&l| l < n);
                if results.contains(&Some(true)) {
                    (Verdict::Supported, Reason::Confirmed)
                } else if longer && all.first().is_some_and(|r| longer_unsettled(r)) {
                    (Verdict::Unknown, Reason::NotSettled)
                } else if results.iter().all(|r| *r == Some(false)) {
                    (Verdict::Contradicted, Reason::WrongLength)
                } else {
                    (Verdict::Unknown, Reason::NotSettled)
                }
            };
            let claimed = claimed_words(s, &c);
            let mut rows: Vec<Row> = relevant.iter().flat_map(|r| r.iter().map(|x| term_row(t, x))).collect();
            rows.dedup();
            let why = Why::InPower {
                person: p as u32,
                country: country as u32,
                runs: relevant
                    .iter()
                    .map(|r| {
                        let mut offices: Vec<u32> = Vec::new();
                        for x in r.iter() {
                            if !offices.contains(&(x.office as u32)) {
                                offices.push(x.office as u32);
                            }
                        }
                        PowerRun { start: r[0].start, end: ended(r).filter(|&e| e <= on), offices }
                    })
                    .collect(),
                on,
                present: when == When::Now,
                former,
                claimed: claimed.as_str().into(),
            };
            let claim = claim!(
                ctx,
                Claim {
                    statement: statement!(ctx, "{} has been in power in {} {}", t.people[p].name, t.countries[country].name, claimed),
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
    let verb = c.name("v").map(|m| m.as_str().to_ascii_lowercase());
    let aux = c.name("aux").map(|m| m.as_str().trim().to_ascii_lowercase());
    let bare_comma = c.name("sep").is_some_and(|m| m.as_str().trim() == ",");
    // "led" needs its object: "led the party for 10 years" is another post. "The government
    // that Schroeder has led for …" has it before.
    let before = s.words_before(start, 2);
    let government_before = matches!(before.first().map(String::as_str), Some("that" | "which"))
        && before.get(1).is_some_and(|w| matches!(w.as_str(), "government" | "coalition" | "administration" | "cabinet" | "country" | "nation"));
    if verb.as_deref() == Some("led") && c.name("c").is_none() && c.name("own").is_none() && c.name("o").is_none() && !government_before {
        return None;
    }
    match (aux.as_deref(), verb.as_deref()) {
        (Some("had"), _) => Some(When::JustEnded),
        (Some(_), _) => Some(When::Now),
        // "X, in power since 2010,": the apposition is present.
        (None, Some("in power")) => bare_comma.then_some(When::Now),
        // "X, ruled Hungary …" is not a clause this reads.
        _ if bare_comma => None,
        _ => Some(When::Any),
    }
}

/// The claimed length in years, how it was qualified, and whether it was in decades; `None`
/// for a length too short to tell from the rounding of dates ("for a year").
fn length(c: &Groups) -> Option<(f64, Around, bool)> {
    let (n, decades) = match (c.name("n").or(c.name("n3")), c.name("qc")) {
        (Some(n), _) => {
            let unit = c.name("u").or(c.name("u3")).map(|u| u.as_str().trim().to_ascii_lowercase()).unwrap_or_default();
            let k = number(n.as_str())?;
            let decades = unit.starts_with("decade");
            (if decades { 10.0 * k } else { k }, decades)
        }
        (None, Some(qc)) => (if qc.as_str().to_ascii_lowercase().contains("half") { 50.0 } else { 25.0 }, true),
        (None, None) => return None,
    };
    if n < 2.0 {
        return None;
    }
    let q =
        [c.name("q"), c.name("q2")].iter().flatten().map(|m| m.as_str().trim().to_ascii_lowercase()).find(|w| !matches!(w.as_str(), "the past" | "the last"));
    let around = match q.as_deref() {
        Some("nearly" | "almost" | "close to" | "just under" | "the best part of" | "the better part of") => Around::Nearly,
        Some("more than" | "well over" | "just over" | "over" | "at least") => Around::AtLeast,
        Some("less than" | "under") => Around::AtMost,
        _ => Around::Exact,
    };
    Some((n, around, decades))
}

/// The claimed length or start as written, for the explanation: "nearly two decades",
/// "since 2012" ("the past nine years" → "nine years", "10-year" → "10 years").
fn claimed_words(s: &Sentence, c: &Groups) -> String {
    if let Some(d) = ["d", "d2", "de"].iter().find_map(|n| s.date(c, n)) {
        return format!("since {}", &s.block[d.start..d.end]);
    }
    let q = [c.name("q"), c.name("q2")]
        .into_iter()
        .flatten()
        .map(|m| m.as_str().trim().to_string())
        .filter(|w| !w.eq_ignore_ascii_case("the past") && !w.eq_ignore_ascii_case("the last"))
        .map(|w| format!("{w} "))
        .collect::<String>();
    match (c.name("n").or(c.name("n3")), c.name("u").or(c.name("u3")), c.name("qc")) {
        (Some(n), Some(u), _) => {
            let u = u.as_str().trim().to_ascii_lowercase();
            let one = number(n.as_str()) == Some(1.0);
            let unit = if u.starts_with("decade") { "decade" } else { "year" };
            format!("{q}{} {unit}{}", n.as_str(), if one { "" } else { "s" })
        }
        (_, _, Some(qc)) => format!("{q}{}", qc.as_str()),
        _ => q.trim().to_string(),
    }
}
