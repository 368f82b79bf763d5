//! Office held: "President Biden", "Japan's Prime Minister Fumio Kishida", "Kishida, Japan's
//! prime minister,", "former President Trump", "then-Prime Minister Abe", "Kishida became
//! prime minister in 2021".
//!
//! How a bare title is read: news keeps calling people by titles they once held ("President
//! Clinton"), and describes past events with the title a person holds now. So a bare title is
//! `contradicted` only when the person had **never** held the office by the article's date
//! (or by the sentence's explicit date, for "then-"). It is `supported` when the person held
//! it on the date, and `unknown` otherwise.
use super::*;
use crate::facts::{human, Body, Term};

/// How many days before the article's date a present-tense title may still describe: news
/// reports events of the last days, and the article's date may be its last update. A person
/// who held the office at any point in this window is not flagged as "not the holder".
const GRACE_DAYS: i64 = 7;

/// How far a "became X on DATE" day may be from the table's start date before it is
/// contradicted: sources differ by a day or two between appointment and swearing-in.
const START_TOLERANCE_DAYS: i64 = 3;

/// How long after an election day a term may start and still be "elected in" that year or
/// month (US presidents take office 11 weeks after election day).
const ELECTED_WINDOW_DAYS: i64 = 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Current,
    Former,
    Then,
    Acting,
    Became,
    Elected,
}

/// Words right before a title that make it another office ("Deputy Prime Minister",
/// "Vice-President") or not a statement about holding it ("outgoing", "incoming").
const BLOCKERS: &[&str] = &[
    "deputy", "vice", "assistant", "under", "shadow", "junior", "associate", "lieutenant", "principal", "first", "second",
    "outgoing", "incoming", "late", "future", "would-be", "designate", "party", "opposition", "student", "club", "company",
    "university", "bank", "fmr", "presumptive", "potential", "possible", "next", "new", "aspiring", "candidate", "self-declared",
    "self-styled", "elected", "lady", "an", "ex",
];

pub(crate) fn patterns() -> &'static [Pattern; 3] {
    static RE: std::sync::OnceLock<[Pattern; 3]> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        let m = r"(?:(?i:(?P<mod>former|then|acting|interim|caretaker|current|sitting))(?:\s+|-)|(?P<ex>(?i:ex)-))";
        let m2 = r"(?:(?i:(?P<mod2>former|then|acting|interim|caretaker|current|sitting))(?:\s+|-)|(?P<ex2>(?i:ex)-))";
        [
            // [former] [Japan's] [former] Prime Minister[,] Fumio Kishida
            pattern(&format!(r"{m}?(?:(?P<q>{{Q}})(?:'s|’s)?\s+{m2}?)?(?P<o>{{O}}),?\s+(?P<p>{{P}})")),
            // Fumio Kishida, [the] [then] Japan's prime minister[ of Japan],
            pattern(&format!(
                r"(?P<p>{{P}}),\s+(?P<pre>(?:(?i:the|a|an|then|now|currently)\s+)*){m}?(?:(?P<q>{{Q}})(?:'s|’s)?\s+)?(?P<o>{{O}})(?:\s+of\s+(?:the\s+)?(?P<q2>{{Q}}))?(?:\s*(?:[,.;)]|$)|\s+(?i:and|who|said|says|told)(?-u:\b))"
            )),
            // Kishida became [Japan's] prime minister [in 2021]
            pattern(
                r"(?P<p>{P})\s+(?:(?i:had|has)\s+)?(?P<verb>(?i:became|was elected|was re-elected|was reelected|was sworn in as|was appointed|was named|took office as|was inaugurated as))\s+(?:(?i:the|a)\s+)?(?:(?i:country's|nation's)\s+)?(?:(?P<q>{Q})(?:'s|’s)?\s+)?(?:(?i:first|new|next)\s+(?P<adj>[a-z-]+\s+)?)?(?P<o>{O})(?:\s+of\s+(?:the\s+)?(?P<q2>{Q}))?(?:\s*,?\s+(?i:in|on)\s+(?P<d>{D}))?",
            ),
        ]
    })
}

/// Finds office claims in a sentence and checks them.
pub fn find(s: &Sentence, ctx: &Ctx) -> Vec<Checked> {
    let mut out = Vec::new();
    for (pi, re) in patterns().iter().enumerate() {
        for c in re.captures_iter(&s.skeleton) {
            let whole = c.get(0).unwrap();
            let (Some(ph), Some(oh)) = (s.hit(&c, "p"), s.hit(&c, "o")) else { continue };
            // The title must not be part of a longer one ("Vice-President", "deputy prime minister").
            let title_at = c.name("q").map(|q| q.start()).unwrap_or(c.name("o").unwrap().start());
            let lead = c.name("mod").or(c.name("ex")).map(|m| m.start()).unwrap_or(title_at);
            let check_at = if pi == 1 { c.name("o").unwrap().start() } else { lead };
            if s.skeleton[..check_at].ends_with('-') {
                continue;
            }
            let before = s.words_before(check_at, 1);
            if pi != 2 && before.first().is_some_and(|w| BLOCKERS.contains(&w.as_str())) {
                continue;
            }
            if pi == 2 && c.name("adj").is_some_and(|a| BLOCKERS.contains(&a.as_str().trim().to_lowercase().as_str())) {
                continue;
            }
            if negated_or_hedged(&s.words_before(whole.start(), 3)) {
                continue;
            }
            let modifier = c
                .name("mod")
                .or(c.name("mod2"))
                .map(|m| m.as_str().to_lowercase())
                .or_else(|| c.name("ex").or(c.name("ex2")).map(|_| "former".to_string()));
            let pre_then = c.name("pre").is_some_and(|p| p.as_str().to_lowercase().contains("then"));
            let mode = match (pi, modifier.as_deref()) {
                (2, _) => {
                    let v = c.name("verb").unwrap().as_str().to_lowercase();
                    if v.contains("elected") || v.contains("appointed") || v.contains("named") { Mode::Elected } else { Mode::Became }
                }
                (_, Some("former")) => Mode::Former,
                (_, Some("then")) => Mode::Then,
                (_, Some("acting" | "interim" | "caretaker")) => Mode::Acting,
                _ if pre_then => Mode::Then,
                _ => Mode::Current,
            };
            let qualifier = ["q", "q2"].iter().find_map(|n| s.hit(&c, n)).and_then(country_of);
            // The date the claim is about: one written next to it, or one that opens the sentence.
            let date = s.date(&c, "d").or_else(|| s.scope_date()).map(|d| d.range);
            let Some(mut checked) = check(ctx, &people_of(ph), &offices_of(oh), qualifier, mode, date) else { continue };
            downgrade_if_shared(&mut checked, ph, &s.block[ph.start..ph.end], ctx);
            // The apposition's span runs to the end of the title (or "of Japan"), not over the
            // comma after it; the other patterns' spans are their whole match.
            let end = match pi {
                1 => c.name("q2").or(c.name("o")).unwrap().end(),
                _ => whole.end(),
            };
            out.push(Checked { span: whole.start()..end, ..checked });
        }
    }
    out
}

/// Picks the offices a title refers to: the one of the named country, else the one the person
/// held, else the one of the person's own country. Several are returned only when the
/// person held several offices with this title.
fn resolve_offices(t: &Table, candidates: &[usize], qualifier: Option<usize>, person: usize) -> Vec<usize> {
    let in_body = |o: usize, c: usize| t.offices[o].jurisdiction == Body::Country(c);
    if let Some(q) = qualifier {
        return candidates.iter().copied().filter(|&o| in_body(o, q)).collect();
    }
    if candidates.len() == 1 {
        return candidates.to_vec();
    }
    let held: Vec<usize> = candidates.iter().copied().filter(|&o| t.terms_of_person(person).any(|x| x.office == o)).collect();
    if !held.is_empty() {
        return held;
    }
    match t.people[person].country {
        Some(c) => {
            let own: Vec<usize> = candidates.iter().copied().filter(|&o| in_body(o, c)).collect();
            if own.len() == 1 { own } else { Vec::new() }
        }
        None => Vec::new(),
    }
}

fn check(ctx: &Ctx, people: &[usize], offices: &[usize], qualifier: Option<usize>, mode: Mode, date: Option<DateRange>) -> Option<Checked> {
    let t = ctx.table;
    // Every (person, office) reading of the words.
    let mut readings: Vec<(usize, Vec<usize>)> =
        people.iter().map(|&p| (p, resolve_offices(t, offices, qualifier, p))).filter(|(_, o)| !o.is_empty()).collect();
    if people.len() > 1 {
        // A shared surname: keep the people who ever held one of the offices.
        readings.retain(|(p, os)| os.iter().any(|&o| t.terms_of_person(*p).any(|x| x.office == o)));
    }
    let statement_office = offices.first().map(|&o| t.offices[o].name.clone()).unwrap_or_default();
    let mut results: Vec<Checked> = Vec::new();
    for (p, os) in &readings {
        for &o in os {
            results.push(check_one(ctx, *p, o, mode, date));
        }
    }
    let claim_for = |ps: Vec<usize>, os: Vec<usize>| claim!(ctx, Claim {
        statement: String::new(),
        people: ps.iter().map(|&p| t.people[p].id.to_string()).collect(),
        offices: os.iter().map(|&o| t.offices[o].id.to_string()).collect(),
        relation: format!("{mode:?}").to_lowercase(),
        date,
        ..Claim::default()
    });
    match results.len() {
        0 => {
            let names: Vec<&str> = people.iter().map(|&p| t.people[p].name.as_ref()).collect();
            let why = if people.len() > 1 {
                words!(ctx, Verdict::Unknown, "The name could mean {}; the sentence does not say which.", names.join(" or "))
            } else {
                words!(ctx, Verdict::Unknown, "The table cannot tell which office \"{}\" means here.", statement_office.to_lowercase())
            };
            let mut claim = claim_for(people.to_vec(), offices.to_vec());
            claim.statement = statement!(ctx, "{} holds a post titled like {}", names.join(" / "), statement_office);
            Some(Checked { span: 0..0, claim, verdict: Verdict::Unknown, explanation: why, sources: Vec::new() })
        }
        1 => results.pop(),
        _ => {
            // Several readings: a verdict only if they agree, else unknown.
            let supported: Vec<&Checked> = results.iter().filter(|r| r.verdict == Verdict::Supported).collect();
            if supported.len() == 1 {
                return Some(supported[0].clone());
            }
            if results.iter().all(|r| r.verdict == results[0].verdict) && results[0].verdict != Verdict::Contradicted {
                return Some(results[0].clone());
            }
            let mut claim = claim_for(readings.iter().map(|r| r.0).collect(), readings.iter().flat_map(|r| r.1.clone()).collect());
            claim.statement = "ambiguous".into();
            Some(Checked {
                span: 0..0,
                claim,
                verdict: Verdict::Unknown,
                explanation: "The sentence can be read as being about more than one person or office, and the readings disagree.".into(),
                sources: sources_for(ctx, Verdict::Unknown, results.into_iter().flat_map(|r| r.sources)),
            })
        }
    }
}

/// "from 4 October 2021 to 1 October 2024", or "since 4 October 2021".
fn span_words(t: &Table, x: &Term) -> String {
    match x.end {
        Some(e) => format!("from {} to {}", human(x.start), human(e)),
        None => format!("since {} (the table runs to {})", human(x.start), human(t.as_of)),
    }
}

fn terms_words(t: &Table, terms: &[&Term]) -> String {
    let parts: Vec<String> = terms.iter().map(|x| span_words(t, x)).collect();
    match parts.len() {
        0 => String::new(),
        1 => parts[0].clone(),
        _ => format!("{} and {}", parts[..parts.len() - 1].join(", "), parts[parts.len() - 1]),
    }
}

/// "X was O from A to B, and has been again since C" / "X has been O since C".
fn history_words(t: &Table, who: &str, office: &str, full: &[&Term]) -> String {
    let closed: Vec<&Term> = full.iter().copied().filter(|x| x.end.is_some()).collect();
    let open: Vec<&Term> = full.iter().copied().filter(|x| x.end.is_none()).collect();
    let since = |x: &Term| format!("since {} (the table runs to {})", human(x.start), human(t.as_of));
    match (closed.is_empty(), open.first()) {
        (true, None) => format!("{who} has not held the office of {office} (the table runs to {})", human(t.as_of)),
        (true, Some(o)) => format!("{who} has been {office} {}", since(o)),
        (false, None) => format!("{who} was {office} {}", terms_words(t, &closed)),
        (false, Some(o)) => format!("{who} was {office} {}, and has been again {}", terms_words(t, &closed), since(o)),
    }
}

fn holders_words(t: &Table, office: usize, on: NaiveDate) -> Option<(String, Vec<String>)> {
    let hs: Vec<&Term> = t.terms_of_office(office).filter(|x| !x.acting && x.start <= on && on <= t.term_end(x)).collect();
    if hs.is_empty() {
        return None;
    }
    let names: Vec<String> = hs.iter().map(|x| format!("{} ({})", t.people[x.person].name, span_words(t, x))).collect();
    Some((names.join(" and "), hs.iter().map(|x| x.source.to_string()).collect()))
}

fn check_one(ctx: &Ctx, p: usize, o: usize, mode: Mode, date: Option<DateRange>) -> Checked {
    let t = ctx.table;
    let person = &t.people[p];
    let office = &t.offices[o];
    let all: Vec<&Term> = t.terms_of_person(p).filter(|x| x.office == o).collect();
    let full: Vec<&Term> = all.iter().copied().filter(|x| !x.acting).collect();
    let reference = ctx.reference;
    let window = date.unwrap_or_else(|| DateRange::span(reference - chrono::Duration::days(GRACE_DAYS), reference));
    let held_in = |r: &DateRange, acting: bool| all.iter().any(|x| x.acting == acting && x.start <= r.end && r.start <= t.term_end(x));
    // The rows' sources, the date in words and the claim are only written for a finding that
    // is shown (the extension shows a few of the many it counts).
    let sources = || all.iter().map(|x| x.source.to_string()).chain(std::iter::once(office.source.to_string()));
    let history = LazyWords::new(|| history_words(t, person.name.as_ref(), office.name.as_ref(), &full));
    let when = LazyWords::new(|| date.map(|d| d.to_string()).unwrap_or_else(|| human(reference)));
    let claim = claim!(ctx, Claim {
        statement: match mode {
            Mode::Current => format!("{} is {} on {}", person.name, office.name, when),
            Mode::Former => format!("{} is a former {} on {}", person.name, office.name, when),
            Mode::Then => format!("{} was then {}", person.name, office.name),
            Mode::Acting => format!("{} is acting {}", person.name, office.name),
            Mode::Became => format!("{} became {}{}", person.name, office.name, date.map(|d| format!(" in {d}")).unwrap_or_default()),
            Mode::Elected => format!("{} was elected or appointed {}{}", person.name, office.name, date.map(|d| format!(" in {d}")).unwrap_or_default()),
        },
        people: vec![person.id.to_string()],
        offices: vec![office.id.to_string()],
        relation: format!("{mode:?}").to_lowercase(),
        date,
        ..Claim::default()
    });
    let done = |verdict: Verdict, explanation: String, extra: Vec<String>| Checked {
        span: 0..0,
        claim: claim.clone(),
        verdict,
        explanation,
        sources: sources_for(ctx, verdict, sources().chain(extra)),
    };
    let after_table = window.end > t.as_of;
    let ever_by = |d: NaiveDate| full.iter().any(|x| x.start <= d);

    match mode {
        Mode::Acting => {
            if !after_table && held_in(&window, true) {
                done(Verdict::Supported, words!(ctx, Verdict::Supported, "{} was acting {} on {when}.", person.name, office.name), vec![])
            } else {
                done(Verdict::Unknown, words!(ctx, Verdict::Unknown, "The table has no acting term of {} as {} on {when}.", person.name, office.name), vec![])
            }
        }
        Mode::Current | Mode::Then => {
            if held_in(&window, false) && (!after_table || window.start <= t.as_of && held_in(&DateRange::span(window.start, t.as_of), false)) && !(after_table && mode == Mode::Current) {
                return done(Verdict::Supported, words!(ctx, Verdict::Supported, "{history}."), vec![]);
            }
            if after_table && mode == Mode::Current {
                return done(Verdict::Unknown, words!(ctx, Verdict::Unknown, "{history}; the table does not cover {when}."), vec![]);
            }
            // Explicit date for "then-": held at that date or not.
            let check_day = if mode == Mode::Then && date.is_none() { reference } else { window.end.min(reference) };
            if mode == Mode::Then {
                if date.is_none() && ever_by(reference) {
                    return done(Verdict::Supported, words!(ctx, Verdict::Supported, "{history}."), vec![]);
                }
            } else if ever_by(reference) {
                return done(Verdict::Unknown, words!(ctx, Verdict::Unknown, "{history}; the title may refer to that time, or be used as an honorific."),
                    vec![],
                );
            }
            if check_day > t.as_of {
                return done(Verdict::Unknown, words!(ctx, Verdict::Unknown, "{history}; the table does not cover {}.", human(check_day)), vec![]);
            }
            match holders_words(t, o, check_day) {
                Some((who, src)) => {
                    let later = full.iter().find(|x| x.start > check_day).map(|x| format!("; {} only became {} on {}", person.name, office.name, human(x.start)));
                    let mut why = match later {
                        Some(l) => format!("On {} the {} was {}{l}.", human(check_day), office.name, who),
                        None => format!("{history}. On {} the {} was {}.", human(check_day), office.name, who),
                    };
                    if mode == Mode::Then && date.is_some() && !full.is_empty() {
                        why = format!("{history}. On {} the {} was {}.", human(check_day), office.name, who);
                    }
                    done(Verdict::Contradicted, why, src)
                }
                None => done(Verdict::Unknown, words!(ctx, Verdict::Unknown, "{history}; the table does not say who held the office on {}.", human(check_day)), vec![]),
            }
        }
        Mode::Former => {
            let upto = window.end.min(reference);
            let completed: Vec<&Term> = full.iter().copied().filter(|x| x.end.is_some_and(|e| e <= upto)).collect();
            let holding = upto <= t.as_of && held_in(&DateRange::day(upto), false);
            match (completed.is_empty(), holding) {
                (false, false) => done(Verdict::Supported, words!(ctx, Verdict::Supported, "{history}."), vec![]),
                (false, true) => done(Verdict::Unknown, words!(ctx, Verdict::Unknown, "{history}: a former holder who holds the office again."), vec![]),
                (true, true) => done(Verdict::Contradicted, words!(ctx, Verdict::Contradicted, "{history}: on {} {} was still in office, not a former {}.", human(upto), person.name, office.name), vec![]),
                (true, false) if upto <= t.as_of => {
                    let why = match full.iter().find(|x| x.start > upto) {
                        Some(x) => format!("{} only became {} on {}, after {}.", person.name, office.name, human(x.start), human(upto)),
                        None => format!("{history}, so is not a former {}.", office.name),
                    };
                    done(Verdict::Contradicted, why, vec![])
                }
                _ => done(Verdict::Unknown, words!(ctx, Verdict::Unknown, "{history}; the table does not cover {}.", human(upto)), vec![]),
            }
        }
        Mode::Became | Mode::Elected => {
            let Some(d) = date else {
                return if ever_by(reference) {
                    done(Verdict::Supported, words!(ctx, Verdict::Supported, "{history}."), vec![])
                } else if reference <= t.as_of && !full.iter().any(|x| x.start > reference) && t.terms_of_office(o).next().is_some() {
                    done(Verdict::Contradicted, words!(ctx, Verdict::Contradicted, "{history}."), vec![])
                } else {
                    done(Verdict::Unknown, words!(ctx, Verdict::Unknown, "{history}."), vec![])
                };
            };
            if d.start > t.as_of {
                return done(Verdict::Unknown, words!(ctx, Verdict::Unknown, "{history}; the table does not cover {d}."), vec![]);
            }
            let ok = if mode == Mode::Became {
                let w = d.widen(START_TOLERANCE_DAYS);
                full.iter().any(|x| w.contains(x.start))
            } else {
                let w = DateRange::span(d.start - chrono::Duration::days(START_TOLERANCE_DAYS), d.end + chrono::Duration::days(ELECTED_WINDOW_DAYS));
                // Elected or re-elected: in office at some point from the vote to the start of the term.
                full.iter().any(|x| x.start <= w.end && w.start <= t.term_end(x))
                    || t.elections.iter().any(|e| e.winner == Some(p) && e.office == Some(o) && d.contains(e.date))
            };
            if ok {
                return done(Verdict::Supported, words!(ctx, Verdict::Supported, "{history}."), vec![]);
            }
            if d.end.min(reference) > t.as_of {
                return done(Verdict::Unknown, words!(ctx, Verdict::Unknown, "{history}; the table does not cover {d}."), vec![]);
            }
            let on = d.start.max(full.first().map(|x| x.start).unwrap_or(d.start)).min(d.end);
            match holders_words(t, o, on).or_else(|| holders_words(t, o, d.start)) {
                Some((who, src)) if !full.is_empty() || t.terms_of_office(o).any(|x| x.start <= d.start) => {
                    let verb = if mode == Mode::Became { "became" } else { "took office as" };
                    let starts: Vec<String> = full.iter().map(|x| human(x.start)).collect();
                    let why = if starts.is_empty() {
                        format!("{history}; {} the {} was {}.", d.with_preposition(), office.name, who)
                    } else {
                        format!("{} {verb} {} on {}, not {}; {} the office was held by {}.", person.name, office.name, starts.join(" and on "), d.with_preposition(), d.with_preposition(), who)
                    };
                    done(Verdict::Contradicted, why, src)
                }
                _ => done(Verdict::Unknown, words!(ctx, Verdict::Unknown, "{history}; the table does not say who held the office in {d}."), vec![]),
            }
        }
    }
}
