//! Elections: "the U.S. presidential election on November 5", "the November 5 presidential
//! election", "less than three weeks until election day", "Biden won the 2020 presidential
//! election".
//!
//! The table holds national elections for the head of state or government only. So a claim
//! that names no kind of election ("election day") can be confirmed, never contradicted: the
//! writer may mean a midterm or a local vote.
use super::explain::{index_in, Poll, PollAt, Row, Why};
use super::*;
use crate::text::case::TextCase;
use crate::text::dates::day_nearest;

/// How far from the claimed day an election must be for the sentence to be about it.
const SAME_ELECTION_DAYS: i64 = 60;

/// Which pattern matched, in the order of [`patterns`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// "the U.S. presidential election on November 5", "… election, scheduled for October 27".
    OnDate,
    /// "the November 5 presidential election".
    DateBefore,
    /// "less than three weeks until election day".
    Countdown,
    /// "Biden won the 2020 presidential election".
    Won,
    /// "Milei won Argentina's presidential runoff on Sunday", "Lula won the presidential
    /// election": the date after the election, or none (the latest such vote).
    WonNamed,
    /// "Macron, who was elected on May 7", "Biden was elected president on November 3",
    /// "Macron, a 39-year-old centrist who was elected on May 7", "Bolsonaro won re-election":
    /// the day of a direct presidential vote the person won ([`elected_on`]).
    Elected,
    /// "Lee, who lost the 2017 presidential race to Yoon", "the 2018 election that brought
    /// Bolsonaro to power": the person after "to" or "brought" won that vote.
    WonAfter,
}

const SHAPES: [Shape; 9] =
    [Shape::OnDate, Shape::DateBefore, Shape::Countdown, Shape::Won, Shape::WonNamed, Shape::Elected, Shape::WonNamed, Shape::WonAfter, Shape::WonAfter];

pub(crate) fn patterns() -> &'static [Pattern; 9] {
    static RE: std::sync::OnceLock<[Pattern; 9]> = std::sync::OnceLock::new();
    crate::text::cached(&RE, || {
        let kind = r"(?P<k>(?i:presidential|general|federal|parliamentary|legislative|midterm|local|state|regional|primary|municipal))";
        // "won a second full term in Thursday's election" says the vote was won.
        // "declared P the winner of Saturday's presidential election" says so too.
        // "Ruto's narrow win in the August 9 election" says it as well, and so does "defeated
        // P2 in the 2019 presidential election" ("in the first round of" says nothing of it).
        const WON: &str = r"(?:(?:,\s+(?:(?i:a|an|the)\s+[^,.;:\x{E000}]{1,60}?\s+)?(?i:who))?\s+(?:(?i:won|narrowly won|comfortably won|easily won)(?:\s+an?\s+(?:[a-z-]+\s+){0,2}(?:term|mandate)\s+in)?|(?i:defeated|beat|narrowly defeated|narrowly beat)\s+(?:{O}\s+)?(?:{P}|[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+){0,3})\s+(?i:in)|(?P<winner>(?i:the\s+winner\s+of)))|(?:'s|’s)\s+(?:(?i:narrow|landslide|surprise|resounding|decisive|comfortable|clear|convincing)\s+)?(?i:victory|win)\s+(?i:in))";
        [
            pattern(&format!(
                r"(?:(?P<q>{{Q}})(?:'s|’s)?\s+)?(?:{kind}\s+)?(?i:elections?),?\s+(?:(?i:is|was|will be|are)\s+)?(?:(?P<sched>(?i:held|scheduled|set|due|slated|taking place|to be held|being held|called))\s+)?(?P<prep>(?i:for|on))\s+(?P<d>{{D}})"
            )),
            pattern(&format!(r"(?P<d>{{D}})\s+(?:(?P<q>{{Q}})\s+)?{kind}\s+(?i:elections?)")),
            pattern(
                r"(?P<cmp>(?i:less than|fewer than|under|more than|over|about|around|roughly|nearly|almost|just over|just under|barely|only|some)\s+)?(?P<n>\d+|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a))\s+(?P<u>(?i:days?|weeks?|months?))\s+(?:(?i:left\s+)?(?i:until|before|to go until|to go before|ahead of|from))\s+(?:(?i:the)\s+)?(?:(?P<q>{Q})(?:'s|’s)?\s+)?(?:(?P<k>(?i:presidential|general|federal|midterm|local))\s+)?(?i:election(?:\s+day)?|vote|polls)",
            ),
            // "Biden won the 2020 presidential election", "Rouhani, who won the June 14
            // election", "Morrison won Australia's May 18 federal election", "Boric, who won
            // the Dec. 19 runoff": the kind of vote may be left out when the date is given.
            pattern(&format!(
                r"(?P<p>{{P}}){WON}\s+(?:(?i:the)\s+)?(?:(?P<q>{{Q}})(?:'s|’s)\s+)?(?:(?i:last|past)\s+)?(?P<d>{{D}})(?:'s|’s)?\s+(?:(?P<q2>{{Q}})\s+)?(?:(?i:snap|early)\s+)?(?:{kind}\s+)?(?i:elections?|runoff|run-off|re-run|rerun)"
            )),
            pattern(&format!(
                r"(?P<p>{{P}}){WON}\s+(?:(?i:the)\s+)?(?:(?P<q>{{Q}})(?:'s|’s)?\s+)?(?:(?:(?i:snap|early)\s+)?{kind}\s+(?i:elections?|runoff|run-off|re-run|rerun)|(?P<pres>(?i:presidency))(?:\s+(?i:by|in)\s+(?i:a)\s+(?i:landslide))?)(?:\s+(?i:on|in)\s+(?P<d>{{D}}))?"
            )),
            pattern(
                r"(?P<p>{P})(?:,\s+(?:(?i:a|an|the)\s+[^,.;:\x{E000}]{1,60}?\s+)?(?i:who))?\s+(?:(?i:was|had been|has been|is|were)\s+(?:(?i:first|narrowly|overwhelmingly|comfortably|easily|democratically|directly|popularly)\s+)?(?i:elected|re-elected|reelected)\s+(?:(?P<o>{O})\s+)?(?:(?i:on)\s+)?(?P<d>{D})|(?:(?i:easily|narrowly|comfortably|handily|has|had)\s+)?(?P<re>(?i:won|wins|secured))\s+(?i:re-?election)(?:\s+(?i:on|in)\s+(?P<d2>{D})(?:'s|’s)?(?:\s+(?i:runoff|run-off|election|vote))?)?)",
            ),
            // "Sunday's runoff was won by Javier Milei", "the 2019 election, which was won by
            // Alberto Fernández": the same claim as "P won", read as it is.
            pattern(&format!(
                r"(?:(?P<q>{{Q}})(?:'s|’s)\s+)?(?:(?P<d>{{D}})(?:'s|’s)?\s+)?(?:(?P<q2>{{Q}})\s+)?(?:(?i:snap|early)\s+)?(?:{kind}\s+)?(?i:elections?|runoff|run-off|re-run|rerun)(?:,\s+(?i:which))?\s+(?i:was|were)\s+(?:(?i:narrowly|comfortably|easily)\s+)?(?i:won)\s+(?i:by)\s+(?P<p>{{P}})"
            )),
            // "Lee Jae-myung, who lost the 2017 presidential race to Moon Jae-in": a vote with its
            // date, lost to the one named right after "to" (not "in California to", a part of it).
            pattern(&format!(
                r"(?i:lost|narrowly lost)\s+(?:(?i:the)\s+)?(?:(?P<q>{{Q}})(?:'s|’s)?\s+)?(?P<d>{{D}})(?:'s|’s)?\s+(?:(?P<q2>{{Q}})\s+)?(?:{kind}\s+)?(?i:elections?|race|runoff|run-off|vote)\s+(?i:to)\s+(?P<p>{{P}})"
            )),
            // "the 2018 election that brought Jair Bolsonaro to power"
            pattern(&format!(
                r"(?:(?P<q>{{Q}})(?:'s|’s)\s+)?(?P<d>{{D}})(?:'s|’s)?\s+(?:(?P<q2>{{Q}})\s+)?(?:(?i:snap|early)\s+)?(?:{kind}\s+)?(?i:elections?|vote|runoff|run-off)\s*,?\s+(?i:that|which)\s+(?:(?i:first|finally)\s+)?(?i:brought|swept|carried|propelled)\s+(?P<p>{{P}})\s+(?i:to power|into power|to office|into office)"
            )),
        ]
    })
}

/// Verbs and nouns of events that follow or surround an election and have dates of their own.
const OTHER_EVENTS: &[&str] = &[
    "conceded", "concede", "concedes", "conceding", "concession", "certified", "certify", "certifies", "certifying", "certification", "called", "call",
    "calls", "calling", "projected", "projects", "projection", "declared", "declares", "declaration", "won", "wins", "win", "winning", "lost", "loses", "lose",
    "losing", "result", "results", "count", "counting", "recount", "tally", "congratulated", "congratulates", "recognised", "recognized", "recognise",
    "recognize", "acknowledged", "annulled", "overturned", "confirmed", "contested", "challenged", "disputed", "announced", "announces", "ruled", "postponed",
    "delayed", "rescheduled", "boycotted", "boycott", "cancelled", "canceled", "suspended", "upheld", "validated", "ratified", "endorsed", "stole", "stolen",
    "rigged", "winner", "winners", "victor", "victory",
];

/// Words after "won the … election" that make it a part of the vote, a seat or a ticket:
/// "in California", "from Amethi", "as her running mate", "alongside Rousseff". Not "with":
/// "won Thursday's election with 59 percent of the vote" is how agencies give the margin, and
/// a running mate "with" whom the vote was won is ruled out by [`can_win`].
const PART_OF_VOTE: &[&str] = &["in", "from", "for", "to", "at", "across", "among", "as", "alongside", "on", "outside"];

/// Whether "P won the election" can be contradicted by `e`'s winner. With a kind of vote the
/// table holds, when the family can deny at all (`kinded`); with none ("who won the June 14
/// election", where a governor or a mayor may have won a vote held the same day), only of
/// someone who held the office the vote decides at some time. Never of someone who held a
/// deputy office of the country 80 days after it (a running mate won it too), nor of a head of
/// state whose party won the vote that made someone else head of government ("Macron won the
/// legislative elections").
fn can_win(t: &crate::facts::Table, e: &crate::facts::Election, p: usize, kinded: bool, firm: bool) -> bool {
    let held = |kind: &str, on: NaiveDate| {
        t.terms_of_person(p).any(|x| {
            let o = &t.offices[x.office];
            &*o.kind == kind && o.jurisdiction == crate::facts::Body::Country(e.country) && x.start <= on && t.term_end(x) >= on
        })
    };
    let held_office = e.office.is_some_and(|o| t.terms_of_person(p).any(|x| x.office == o));
    let running_mate = held("deputy", e.date + chrono::Duration::days(80));
    let president_of_the_winners = e.office.is_some_and(|o| &*t.offices[o].kind == "head_of_government") && held("head_of_state", e.date);
    (kinded || (firm && held_office)) && !running_mate && !president_of_the_winners
}

/// Whether an event word stands before an election phrase that starts at `at`, in the same
/// clause (within eight words, no comma between: "declared Prabowo the winner of the
/// presidential election on Wednesday").
fn other_event_before(s: &Sentence, at: usize) -> bool {
    let before = &s.skeleton[..at];
    let clause = before.rsplit([',', ';', ':', '(', '—']).next().unwrap_or(before);
    clause.split_whitespace().rev().take(8).any(|w| OTHER_EVENTS.contains(&w.trim_matches(|c: char| !crate::text::case::is_alnum(c)).lower().as_str()))
}

/// Whether the words before an election phrase are "[subject] called a / an / the [snap,
/// early] …": the vote being called, with its date.
fn called_before(s: &Sentence, at: usize) -> bool {
    let words = s.words_before(at, 5);
    let mut it = words.iter().skip_while(|w| matches!(w.as_str(), "a" | "an" | "the" | "snap" | "early" | "fresh" | "new"));
    it.next().is_some_and(|w| w == "called") && it.next().is_none_or(|w| !matches!(w.as_str(), "be" | "been" | "being" | "not" | "never" | "to" | "have"))
}

fn number(s: &str) -> Option<i64> {
    const WORDS: [&str; 12] = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
    let l = s.lower();
    if l == "a" {
        return Some(1);
    }
    WORDS.iter().position(|w| *w == l).map(|i| i as i64 + 1).or_else(|| l.parse().ok())
}

/// Finds election claims and checks them.
pub fn find(s: &Sentence, ctx: &Ctx) -> Vec<Checked> {
    let t = ctx.table;
    let mut out = Vec::new();
    for (shape, re) in SHAPES.iter().zip(patterns()) {
        for c in re.captures_iter(&s.skeleton) {
            if *shape == Shape::Elected {
                out.extend(elected_on(s, &c, ctx));
                continue;
            }
            let whole = c.get(0).unwrap();
            // "conceded the election on Wednesday", "certified the election on January 6": the
            // date belongs to the other event, not to the vote.
            // ("called an election for October 27" schedules the vote: with "for", the words
            // before it are not another event's.)
            let scheduled = c.name("prep").is_some_and(|p| p.as_str().eq_ignore_ascii_case("for"));
            if *shape == Shape::OnDate && !scheduled && other_event_before(s, whole.start()) {
                continue;
            }
            // ("won Mexico's presidency in 2018" is the presidential vote.)
            let kind = c.name("k").map(|k| k.as_str().lower()).or_else(|| c.name("pres").map(|_| "presidential".to_string()));
            // The country: named in the claim, else the only one in the sentence, else the
            // document's (which can confirm but not contradict).
            let named = s.hit(&c, "q").or_else(|| s.hit(&c, "q2")).and_then(country_of);
            // The distinct countries, unsorted: only how many there are matters below (a sort
            // here brought a copy of the standard library's sort, 1 KB gzipped).
            let in_sentence: Vec<usize> = {
                let mut v: Vec<usize> = Vec::new();
                for c in s.tokens.iter().filter_map(|t| match t {
                    Token::Entity(h) => country_of(h).or_else(|| people_of(h).first().and_then(|&p| ctx.table.people[p].country)),
                    _ => None,
                }) {
                    if !v.contains(&c) {
                        v.push(c);
                    }
                }
                v
            };
            let (country, firm) = match (named, in_sentence.as_slice()) {
                (Some(c), _) => (Some(c), true),
                (None, [c]) => (Some(*c), true),
                (None, []) => (ctx.context_country, false),
                _ => (None, false),
            };
            let Some(country) = country else { continue };
            let in_table = |k: &Option<String>| kind.is_none() || t.elections_of(country).any(|e| k.as_deref() == Some(&*e.kind));
            // "for DATE" is the vote's date only when the sentence schedules it ("is set for",
            // ", called for", "Sunak called an election for"); otherwise it may be a plan
            // ruled out, considered or demanded ("ruled out an election for June 27"), which
            // can be confirmed, never contradicted.
            let fixed = !scheduled || c.name("sched").is_some() || called_before(s, whole.start());
            let can_deny = firm && fixed && kind.is_some() && in_table(&kind);
            let elections: Vec<&crate::facts::Election> = t.elections_of(country).filter(|e| kind.is_none() || kind.as_deref() == Some(&*e.kind)).collect();
            let cn = &t.countries[country].name;
            let kind_words = kind.clone().unwrap_or_else(|| "national".into());
            let mut claim = claim!(ctx, Claim { countries: vec![t.countries[country].id.to_string()], relation: "date".into(), ..Claim::default() });
            let days = |e: &crate::facts::Election| std::iter::once(e.date).chain(e.other_dates.iter().copied()).collect::<Vec<_>>();
            let row = |e: &crate::facts::Election| index_in(&t.elections, e);
            let said = |e: &crate::facts::Election, then: Poll| (Why::Election { election: row(e), then }, vec![Row::Election(row(e))]);
            let none = |at: PollAt| (Why::NoElection { country: country as u32, kind: kind_words.as_str().into(), at }, vec![]);
            let result = match shape {
                Shape::OnDate | Shape::DateBefore => {
                    let Some(d) = s.date(&c, "d") else { continue };
                    if matches!(d.range.precision, crate::facts::Precision::Year | crate::facts::Precision::Month) {
                        // "the 2024 presidential election", "the election scheduled for
                        // October": confirm only.
                        claim.statement = statement!(ctx, "a {kind_words} election in {cn} in {}", d.range);
                        claim.date = Some(d.range);
                        match elections.iter().find(|e| d.range.contains(e.date)) {
                            Some(e) => (Verdict::Supported, said(e, Poll::Stop)),
                            None => (Verdict::Unknown, none(PollAt::In(d.range))),
                        }
                    } else {
                        // "on November 5": the occurrence nearest to the article, forwards or back.
                        let day = nearest_day(d, ctx.reference);
                        claim.statement = statement!(ctx, "the {kind_words} election in {cn} is on {}", crate::facts::human(day));
                        claim.date = Some(DateRange::day(day));
                        let near: Vec<&&crate::facts::Election> =
                            elections.iter().filter(|e| days(e).iter().any(|x| (*x - day).num_days().abs() <= SAME_ELECTION_DAYS)).collect();
                        if let Some(e) = near.iter().find(|e| days(e).contains(&day)) {
                            (Verdict::Supported, said(e, Poll::Stop))
                        } else if let (Some(e), true) = (near.first(), can_deny && !d.guessed) {
                            (Verdict::Contradicted, said(e, Poll::NotOn(day)))
                        } else {
                            (Verdict::Unknown, none(PollAt::On(day)))
                        }
                    }
                }
                Shape::Countdown => {
                    let (Some(n), Some(u)) = (c.name("n").and_then(|n| number(n.as_str())), c.name("u")) else {
                        continue;
                    };
                    let unit = match u.as_str().lower().trim_end_matches('s') {
                        "day" => 1.0,
                        "week" => 7.0,
                        _ => 30.44,
                    };
                    let x = n as f64 * unit;
                    let cmp = c.name("cmp").map(|m| m.as_str().trim().lower()).unwrap_or_default();
                    // How far the real count may be from the words: half a unit either way
                    // for a bare number ("three weeks" is 17 to 25 days), at least a day.
                    // "nearly"/"almost" reach down to 70% of it, "just over" up to 130%, and
                    // "about"/"around" 25% either way, wide enough that a writer's rounding
                    // never contradicts, narrow enough that a wrong month or week still does.
                    let slack = (unit / 2.0).max(1.0);
                    let (lo, hi) = match cmp.as_str() {
                        "less than" | "fewer than" | "under" | "just under" | "nearly" | "almost" | "barely" | "only" => {
                            (if cmp == "nearly" || cmp == "almost" || cmp == "just under" { x * 0.7 } else { 0.0 }, x)
                        }
                        "more than" | "over" => (x, f64::MAX),
                        "just over" => (x, x * 1.3 + slack),
                        "about" | "around" | "roughly" | "some" => (x * 0.75 - slack, x * 1.25 + slack),
                        _ => (x - slack, x + slack),
                    };
                    claim.statement = statement!(
                        ctx,
                        "{} {} until the {kind_words} election in {cn}",
                        c.name("cmp").map(|m| m.as_str()).unwrap_or(""),
                        &s.skeleton[c.name("n").unwrap().start()..u.end()]
                    )
                    .trim()
                    .to_string();
                    claim.relation = "countdown".into();
                    let next = elections.iter().filter(|e| e.date >= ctx.reference).min_by_key(|e| e.date);
                    match next {
                        Some(e) => {
                            // A whole number of days ([`Poll::DaysAfter`] writes it as one:
                            // formatting an f64 would bring float formatting into the .wasm,
                            // about 5 KB gzipped, for this one sentence).
                            let gap = (e.date - ctx.reference).num_days() as f64;
                            claim.date = Some(DateRange::day(e.date));
                            if gap >= lo && gap <= hi {
                                (Verdict::Supported, said(e, Poll::DaysAfter))
                            } else if can_deny && gap <= 400.0 {
                                (Verdict::Contradicted, said(e, Poll::DaysAfter))
                            } else {
                                (Verdict::Unknown, said(e, Poll::MayMeanAnother))
                            }
                        }
                        None => (Verdict::Unknown, none(PollAt::After)),
                    }
                }
                Shape::Elected => continue,
                Shape::Won | Shape::WonNamed | Shape::WonAfter => {
                    let Some(ph) = s.hit(&c, "p") else { continue };
                    // "declared P the winner of …": a result that officials declared (the
                    // electoral commission, a court), not a victory a candidate's camp claims,
                    // nor one demanded ("urged the court to declare P the winner").
                    if c.name("winner").is_some() {
                        let before = s.phrase_words_before(whole.start(), 10);
                        let any = |ws: &[&str]| before.iter().any(|w| ws.contains(&w.as_str()));
                        if !(any(&["declared", "proclaimed", "certified", "confirmed"])
                            && any(&["commission", "court", "council", "tribunal", "officials", "authorities", "board"]))
                        {
                            continue;
                        }
                    }
                    // "won the 2016 presidential election in California", "won the general
                    // election from Amethi", "… as her running mate", "the election's first
                    // round": a part of the vote, a seat or a ticket, not the vote itself.
                    // (The shapes that end with the winner's name have read the vote's words.)
                    let after = s.skeleton[whole.end()..].trim_start();
                    let next = after.split(|c: char| !crate::text::case::is_alnum(c)).next().unwrap_or("").lower();
                    // ("won Sunday's runoff in Brazil": a country after "in" is the whole vote.)
                    let in_country = next == "in" && after[2..].trim_start().starts_with("\u{E000}C");
                    if *shape != Shape::WonAfter && (after.starts_with(['\'', '’']) || PART_OF_VOTE.contains(&next.as_str()) && !in_country) {
                        continue;
                    }
                    // With no date: the latest such vote, if one was held in the two months
                    // before the article (the news of its result).
                    let Some(range) = s.date(&c, "d").map(|d| d.range).or_else(|| latest_vote_of(&elections, ctx.reference)) else { continue };
                    let people = people_of(ph);
                    claim.relation = "won".into();
                    if ctx.detail.full() {
                        claim.people = people.iter().map(|&p| t.people[p].id.to_string()).collect();
                    }
                    claim.date = Some(range);
                    claim.statement = statement!(ctx, "{} won the {} {kind_words} election in {cn}", &s.block[ph.start..ph.end], range);
                    let day = range.precision == crate::facts::Precision::Day;
                    let held: Vec<&&crate::facts::Election> =
                        elections.iter().filter(|e| range.contains(e.date) || (day && e.other_dates.contains(&range.start))).collect();
                    match (held.iter().find(|e| e.winner.is_some_and(|w| people.contains(&w))), held.as_slice()) {
                        // A round before the decisive one decided nothing.
                        (_, [e, ..]) if day && range.start != e.date => (Verdict::Unknown, said(e, Poll::Stop)),
                        (Some(e), _) => (Verdict::Supported, said(e, Poll::WonBy(e.winner.unwrap_or_default() as u32))),
                        // News says the leader of the party that came first "won" the vote,
                        // even when another formed the government.
                        (None, [e]) if people.len() == 1 && e.winner.is_some() && e.first.contains(&people[0]) => {
                            (Verdict::Supported, said(e, Poll::CameFirst(people[0] as u32)))
                        }
                        (None, [e]) => match e.winner {
                            Some(w) if people.len() == 1 && can_win(t, e, people[0], kind.is_some() && can_deny, firm && fixed) => {
                                (Verdict::Contradicted, said(e, Poll::WonBy(w as u32)))
                            }
                            _ => (Verdict::Unknown, said(e, Poll::Stop)),
                        },
                        (None, [e, ..]) => (Verdict::Unknown, said(e, Poll::Stop)),
                        (None, []) => (Verdict::Unknown, none(PollAt::In(range))),
                    }
                }
            };
            let (verdict, (why, rows)) = result;
            let mut checked = Checked { span: whole.start()..whole.end(), claim, verdict, reason: Reason::plain(verdict), why, rows };
            if let Some(ph) = s.hit(&c, "p") {
                downgrade_if_shared(&mut checked, ph, &s.block[ph.start..ph.end], ctx);
            }
            out.push(checked);
        }
    }
    out
}

/// The day a date names: "on November 5" with no year is the occurrence nearest the article,
/// forwards or back, unless the sentence looks forward ("will be held on November 5", written
/// in January: the coming one, which the date reader already chose); a date with its year is
/// that day.
fn nearest_day(d: &crate::text::dates::DateExpr, reference: NaiveDate) -> NaiveDate {
    match d.month_day {
        Some(_) if d.range.start > reference => d.range.start,
        Some((m, dd)) => day_nearest(m, dd, reference).unwrap_or(d.range.start),
        None => d.range.start,
    }
}

/// How many days after a vote news may still say someone "was elected" that day: the day the
/// result was called or declared ("Biden, who was elected on November 7").
const DECLARED_WITHIN_DAYS: i64 = 7;

/// "P was elected [president] on DAY": the direct presidential vote that P won nearest DAY
/// (within [`SAME_ELECTION_DAYS`]). Contradicted when DAY is another day: a first round, which
/// elected no one, a day before the vote, or one after the winner's term began. Between the
/// vote and the term, another stage may have elected the winner: left unknown. Only
/// presidential votes that choose a head of state: "elected prime minister on Tuesday" may
/// mean a vote in parliament,
/// and the table's votes for a head of government are general elections. A title named
/// ("elected party leader on …") must be the office the vote filled, or nothing is read.
///
/// "President P won re-election [on DAY]" (group `re`): the presidential vote of the office P
/// held, on DAY (its decisive round) or, with no day, in the week before the article.
/// Contradicted when someone else won it. Never a vote for a head of government: a prime
/// minister "won re-election" in a seat of their own while losing office. Nor "won
/// re-election to the Senate / as mayor / in his district".
fn elected_on(s: &Sentence, c: &Groups, ctx: &Ctx) -> Option<Checked> {
    let t = ctx.table;
    let ph = s.hit(c, "p")?;
    let re = c.name("re").is_some();
    let whole = c.get(0)?;
    let next = s.skeleton[whole.end()..].split_whitespace().next().unwrap_or("");
    if re
        && ["to", "as", "in", "from", "for", "at", "four", "two", "three", "five", "six", "years", "a", "last", "back"]
            .iter()
            .any(|w| w.eq_ignore_ascii_case(next))
    {
        return None;
    }
    // "elected on Dec. 14 by the Electoral College", "… by Congress": a vote of its own.
    if !re && next.eq_ignore_ascii_case("by") {
        return None;
    }
    let day = match s.date(c, "d").or_else(|| s.date(c, "d2")) {
        Some(d) if d.range.precision == crate::facts::Precision::Day && !d.guessed => Some(nearest_day(d, ctx.reference)),
        Some(_) => return None,
        None if re => None,
        None => return None,
    };
    let [p] = people_in(ph, ctx)[..] else { return None };
    let named: Option<Vec<usize>> = s.hit(c, "o").map(offices_of);
    let near = |e: &crate::facts::Election| match day {
        Some(day) => (e.date - day).num_days().abs(),
        None => (ctx.reference - e.date).num_days(),
    };
    let e = t
        .elections
        .iter()
        .filter(|e| {
            let Some(o) = e.office.filter(|&o| &*e.kind == "presidential" && &*t.offices[o].kind == "head_of_state") else { return false };
            let fits = named.as_ref().is_none_or(|os| os.contains(&o));
            let who = if re {
                // The incumbent: P held the office the day before the vote.
                t.terms_of_person(p).any(|x| x.office == o && x.start < e.date && t.term_end(x) >= e.date)
            } else {
                e.winner == Some(p)
            };
            // With no day, only the vote of the week before the article: the news of its
            // result ("Obama won re-election" in 2016 recalls 2012, when he was no candidate).
            let within = if re && day.is_none() { DECLARED_WITHIN_DAYS } else { SAME_ELECTION_DAYS };
            fits && who && (0..=within).contains(&near(e)) && (!re || day.is_none_or(|d| e.date == d || e.other_dates.contains(&d)))
        })
        .min_by_key(|e| near(e))?;
    let row = index_in(&t.elections, e);
    let (verdict, then) = match day {
        _ if re => match e.winner {
            // A first round decided nothing.
            _ if day.is_some_and(|d| d != e.date) => (Verdict::Unknown, Poll::Stop),
            Some(w) if w == p => (Verdict::Supported, Poll::Stop),
            Some(w) => (Verdict::Contradicted, Poll::WonBy(w as u32)),
            None => (Verdict::Unknown, Poll::Stop),
        },
        Some(day) if day == e.date => (Verdict::Supported, Poll::Stop),
        // After the vote and before the term began, a second stage may have elected the winner
        // (the Electoral College, a congress choosing between the leaders), and the result was
        // called or declared: not settled.
        Some(day) if day > e.date && e.office.is_some_and(|o| t.terms_of_person(p).any(|x| x.office == o && x.start > day && x.start > e.date)) => {
            (Verdict::Unknown, Poll::Stop)
        }
        Some(day) if (1..=DECLARED_WITHIN_DAYS).contains(&(day - e.date).num_days()) => (Verdict::Unknown, Poll::Stop),
        _ => (Verdict::Contradicted, Poll::ElectedOn(day.unwrap_or(e.date))),
    };
    let mut claim = claim!(ctx, Claim { countries: vec![t.countries[e.country].id.to_string()], relation: "elected".into(), ..Claim::default() });
    if ctx.detail.full() {
        claim.people = vec![t.people[p].id.to_string()];
    }
    claim.date = Some(DateRange::day(day.unwrap_or(e.date)));
    claim.statement = statement!(ctx, "{} was elected on {}", &s.block[ph.start..ph.end], crate::facts::human(day.unwrap_or(e.date)));
    let why = Why::Election { election: row, then };
    let mut checked = Checked { span: whole.start()..whole.end(), claim, verdict, reason: Reason::plain(verdict), why, rows: vec![Row::Election(row)] };
    downgrade_if_shared(&mut checked, ph, &s.block[ph.start..ph.end], ctx);
    Some(checked)
}

/// With no date: the latest of these votes held in the two months before the article (the
/// news of its result).
fn latest_vote_of(elections: &[&crate::facts::Election], reference: NaiveDate) -> Option<DateRange> {
    let e = elections.iter().filter(|e| e.date <= reference && (reference - e.date).num_days() <= SAME_ELECTION_DAYS).max_by_key(|e| e.date)?;
    Some(DateRange::day(e.date))
}
