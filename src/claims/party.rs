//! Parties: the party a sentence puts before a head of state's or government's title
//! ("Conservative Prime Minister Boris Johnson", "Democratic President Joe Biden"), and the
//! party it calls ruling ("the ruling Liberal Democratic Party").
//!
//! Party names are not entities of the name index: they are looked for only next to a title
//! the office family has confirmed, or after "ruling" / "governing", and only among the parties
//! of that office's or sentence's country. A name that could be the start of another party's
//! name in that country ("Democratic" in Japan, where the Democratic Party of Japan and the
//! later Democratic Party both governed or led the opposition) names none.
use super::explain::{Row, Why};
use super::*;
use crate::facts::{Party, Term};
use crate::text::Has;

/// Whether `phrase` is a form of party `p`: its name or an alias as written, the singular of
/// a plural one ("Conservatives" → "Conservative", "Tories" → "Tory"), or one without its
/// last word "Party" or "Union" ("Labour Party" → "Labour", "Christian Democratic Union" →
/// "Christian Democratic").
fn names(p: &Party, phrase: &str) -> bool {
    std::iter::once(&p.name).chain(&p.aliases).any(|n| {
        let n: &str = n;
        n == phrase
            || n.strip_suffix(" Party").or_else(|| n.strip_suffix(" Union")) == Some(phrase)
            || n.strip_suffix("ies").is_some_and(|b| phrase.strip_suffix('y') == Some(b))
            || (n.strip_suffix('s') == Some(phrase) && !n.ends_with("ss"))
    })
}

/// Whether `phrase` begins a name or alias of party `p` ("Democratic" begins "Democratic
/// Party of Japan").
fn begins(p: &Party, phrase: &str) -> bool {
    std::iter::once(&p.name).chain(&p.aliases).any(|n| n.strip_prefix(phrase).is_some_and(|rest| rest.starts_with(' ')))
}

/// The one party of country `c` that `phrase` names, if exactly one does and no other party of
/// the country has a name that `phrase` begins.
fn party_named(t: &Table, c: usize, phrase: &str) -> Option<usize> {
    let mut found = None;
    for (i, p) in t.parties.iter().enumerate().filter(|(_, p)| p.country == c) {
        if names(p, phrase) {
            if found.is_some() {
                return None;
            }
            found = Some(i);
        }
    }
    let f = found?;
    let other = t.parties.iter().enumerate().any(|(i, p)| i != f && p.country == c && begins(p, phrase));
    (!other).then_some(f)
}

/// Capitalised words of `text`, each with its byte range.
fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut at = 0;
    for w in text.split(' ') {
        out.push((at, w));
        at += w.len() + 1;
    }
    out
}

/// The party named by the words just before block offset `end` (up to four, all
/// capitalised), and where its name starts: "… Labour Prime Minister …".
fn party_before(s: &Sentence, t: &Table, c: usize, end: usize) -> Option<(usize, usize)> {
    let before = s.block[s.range.start..end].trim_end();
    let ws = words(before);
    let n = ws.len();
    for k in (1..=4.min(n)).rev() {
        let (from, _) = ws[n - k];
        let phrase = &before[from..];
        if !ws[n - k..].iter().all(|(_, w)| w.chars().next().is_some_and(crate::text::case::is_upper)) {
            continue;
        }
        if let Some(p) = party_named(t, c, phrase) {
            return Some((p, s.range.start + from));
        }
    }
    None
}

/// The party named by the words just after block offset `start` (up to four): "the ruling
/// Liberal Democratic Party …".
pub(crate) fn party_after(s: &Sentence, t: &Table, c: usize, start: usize) -> Option<(usize, usize)> {
    let after = &s.block[start..s.range.end];
    let end_of = |w: &str| w.trim_end_matches([',', '.', ';', ':', '\'', '’', ')']).trim_end_matches("'s").trim_end_matches("’s").len();
    let ws = words(after);
    // Capitalised words, and the small words inside a name ("Democratic Party of Japan").
    let caps = ws.iter().take_while(|(_, w)| w.chars().next().is_some_and(crate::text::case::is_upper) || matches!(*w, "of" | "for" | "and" | "the")).count();
    for k in (1..=6.min(caps)).rev() {
        let (from, w) = ws[k - 1];
        let phrase = &after[..from + end_of(w)];
        if let Some(p) = party_named(t, c, phrase) {
            return Some((p, start + phrase.len()));
        }
    }
    None
}

/// Days `[a, b]` that `rows` (start, end) cover, end `None` meaning `as_of`.
fn covered(t: &Table, rows: &[(NaiveDate, Option<NaiveDate>)], a: NaiveDate, b: NaiveDate) -> bool {
    let mut reach = a;
    loop {
        match rows.iter().filter(|(s, e)| *s <= reach && reach <= e.unwrap_or(t.as_of)).map(|(_, e)| e.unwrap_or(t.as_of)).max() {
            Some(e) if e >= b => return true,
            Some(e) if e > reach => reach = e,
            _ => return false,
        }
    }
}

/// The party a confirmed title's claim puts before it ("Conservative Prime Minister Boris
/// Johnson"), checked at the days the title was judged on: the person's terms in the office
/// within `window`. `title_at` is the block offset where the title (or its country) begins;
/// `end` the claim's end. Supported when the person belonged to the party then; contradicted
/// when the table's rows cover every such day with other parties (an independent is never
/// contradicted); otherwise nothing is said.
pub fn before_title(s: &Sentence, ctx: &Ctx, office_claim: &Checked, title_at: usize, end: usize, window: DateRange) -> Option<Checked> {
    let t = ctx.table;
    let o = office_claim.rows.iter().find_map(|r| if let Row::Office(o) = r { Some(*o as usize) } else { None })?;
    let p = office_claim.rows.iter().find_map(|r| if let Row::Term(x) = r { Some(t.terms[*x as usize].person) } else { None })?;
    if !matches!(&*t.offices[o].kind, "head_of_state" | "head_of_government") {
        return None;
    }
    let crate::facts::Body::Country(c) = t.offices[o].jurisdiction else { return None };
    // Before the title ("Labour Prime Minister X"), else after the name: "Prime Minister Yukio
    // Hatoyama of the Democratic Party of Japan", "President Barack Obama, a Democrat,".
    let (claimed, from, end) = match party_before(s, t, c, title_at) {
        Some((claimed, from)) => (claimed, from, end),
        None => {
            let rest = s.block.get(end..s.range.end).unwrap_or("");
            // (", leader of Pakistan Tehreek-e-Insaf,", ", of the Justicialist Party,", " of X",
            // the name only where it is a party's.)
            let lead =
                [" of the ", ", a ", ", an ", ", the ", ", of the ", ", leader of the ", ", leader of ", " of "].iter().find(|l| rest.starts_with(**l))?;
            let (claimed, party_end) = party_after(s, t, c, end + lead.len())?;
            // ", a Republican senator,": the word describes something else; so does a party's
            // possessive ("X of the Labour Party's rival").
            let next = s.block[party_end..s.range.end].trim_start();
            if next.starts_with(['\'', '’']) {
                return None;
            }
            if lead.starts_with(',') && !next.starts_with([',', '.', ';', ')']) && !next.is_empty() {
                return None;
            }
            (claimed, title_at, party_end)
        }
    };
    // The days the claim is about: the person's terms in the office, within the window.
    let terms: Vec<&Term> = t.terms_of_person(p).filter(|x| x.office == o && !x.acting).collect();
    let days: Vec<(NaiveDate, NaiveDate)> =
        terms.iter().map(|x| (x.start.max(window.start), t.term_end(x).min(window.end).min(ctx.reference))).filter(|(a, b)| a <= b).collect();
    let span = block_to_skeleton(s, from)..block_to_skeleton(s, end);
    judged(ctx, p, o, claimed, &days, window, span)
}

/// The finding of a claim that person `p`, in office `o`, belonged to party `claimed` on
/// `days`: supported when a party row of theirs then names it; contradicted when their rows
/// cover every such day with other parties (an independent is never contradicted); otherwise
/// none.
fn judged(ctx: &Ctx, p: usize, o: usize, claimed: usize, days: &[(NaiveDate, NaiveDate)], window: DateRange, span: std::ops::Range<usize>) -> Option<Checked> {
    let t = ctx.table;
    let rows: Vec<(usize, &crate::facts::Affiliation)> =
        t.affiliations.iter().enumerate().filter(|(_, x)| x.person == p && days.iter().any(|(a, b)| x.start <= *b && *a <= x.end.unwrap_or(t.as_of))).collect();
    let spans: Vec<(NaiveDate, Option<NaiveDate>)> = rows.iter().map(|(_, x)| (x.start, x.end)).collect();
    let verdict = if rows.iter().any(|(_, x)| x.party == Some(claimed)) {
        Verdict::Supported
    } else if !days.is_empty() && rows.iter().all(|(_, x)| x.party.is_some()) && days.iter().all(|(a, b)| covered(t, &spans, *a, *b)) {
        Verdict::Contradicted
    } else {
        return None;
    };
    let used: Vec<u32> = rows.iter().map(|(i, _)| *i as u32).collect();
    let claim = claim!(
        ctx,
        Claim {
            statement: format!("{} belonged to the {} as {}", t.people[p].name, t.parties[claimed].name, t.offices[o].name),
            people: vec![t.people[p].id.to_string()],
            offices: vec![t.offices[o].id.to_string()],
            relation: "party".into(),
            date: Some(window),
            ..Claim::default()
        }
    );
    let why = Why::PartyOf { person: p as u32, office: o as u32, claimed: claimed as u32, rows: used.clone() };
    Some(finding(span, claim, verdict, why, used.into_iter().map(Row::Affiliation).chain([Row::Party(claimed as u32)]).collect()))
}

/// A party claim's finding; a contradicted one is [`Reason::WrongParty`].
fn finding(span: std::ops::Range<usize>, claim: Claim, verdict: Verdict, why: Why, rows: Vec<Row>) -> Checked {
    let reason = if verdict == Verdict::Contradicted { Reason::WrongParty } else { Reason::Confirmed };
    Checked { span, claim, verdict, reason, why, rows }
}

/// The skeleton offset of a block offset outside any token.
fn block_to_skeleton(s: &Sentence, at: usize) -> usize {
    (0..=s.skeleton.len()).filter(|&i| s.skeleton.is_char_boundary(i)).find(|&i| s.to_block(i, false) >= at).unwrap_or(s.skeleton.len())
}

/// "the ruling Liberal Democratic Party", "Britain's governing Conservatives": the party must
/// have been in government in the sentence's country on its date (the sentence's own date,
/// else the article's week). Contradicted only where the table's government rows cover every
/// day of it, none with that party; "then-ruling", "formerly ruling" and the like say nothing
/// of the date and are not read.
pub fn ruling(s: &Sentence, ctx: &Ctx) -> Vec<Checked> {
    let t = ctx.table;
    let mut out = Vec::new();
    let text = s.text();
    let countries: Vec<usize> = {
        let mut v: Vec<usize> = s
            .tokens
            .iter()
            .filter_map(|x| match x {
                Token::Entity(h) => country_of(h),
                _ => None,
            })
            .collect();
        v.dedup();
        v
    };
    let country = match countries.as_slice() {
        [c] => *c,
        [] => match ctx.context_country {
            Some(c) => c,
            None => return out,
        },
        _ => return out,
    };
    let scoped = s.scope_date();
    let window = scoped.map(|d| d.range).unwrap_or_else(|| ctx.recent());
    let (a, b) = (window.start, window.end.min(ctx.reference));
    // "The ruling Democratic Party of Japan lost power in 2012": a date later in the sentence
    // may be the one "ruling" speaks of, so the article's week cannot contradict it. Nor can
    // the nation's government contradict a sentence about a state, province, region or city
    // ("In India's southern state of Tamil Nadu, the ruling DMK …").
    let other_date = s.dated_elsewhere(ctx.recent()) || subnational(text);
    for word in ["ruling ", "governing "] {
        for (at, _) in text.match_indices(word) {
            let before = text[..at].trim_end();
            let last = before.rsplit([' ', '-']).next().unwrap_or("").lower();
            if before.ends_with('-') || matches!(last.as_str(), "then" | "formerly" | "once" | "former" | "previously" | "long") {
                continue;
            }
            let start = s.range.start + at + word.len();
            let Some((claimed, end)) = party_after(s, t, country, start) else { continue };
            let govs: Vec<(usize, &crate::facts::Government)> =
                t.governments.iter().enumerate().filter(|(_, g)| g.country == country && g.start <= b && a <= g.end.unwrap_or(t.as_of)).collect();
            let spans: Vec<(NaiveDate, Option<NaiveDate>)> = govs.iter().map(|(_, g)| (g.start, g.end)).collect();
            let verdict = if govs.iter().any(|(_, g)| g.parties.contains(&Some(claimed))) {
                Verdict::Supported
            } else if b <= t.as_of && !govs.is_empty() && !other_date && !lost_after(&s.block[end..]) && covered(t, &spans, a, b) {
                Verdict::Contradicted
            } else {
                continue;
            };
            let used: Vec<u32> = govs.iter().map(|(i, _)| *i as u32).collect();
            let claim = claim!(
                ctx,
                Claim {
                    statement: format!("the {} was in government in {}", t.parties[claimed].name, t.countries[country].name),
                    countries: vec![t.countries[country].id.to_string()],
                    relation: "ruling".into(),
                    date: Some(window),
                    ..Claim::default()
                }
            );
            let why = Why::Ruling { country: country as u32, claimed: claimed as u32, governments: used.clone() };
            let span = block_to_skeleton(s, s.range.start + at)..block_to_skeleton(s, end);
            out.push(finding(span, claim, verdict, why, used.into_iter().map(Row::Government).chain([Row::Party(claimed as u32)]).collect()));
        }
    }
    out
}

/// Whether `text` speaks of a part of a country, whose own government "ruling" may mean:
/// "the state of Kerala", "Western Cape province", "the provincial government", a mayor, a
/// governor, a chief minister, the capital. Not "lost state elections" or "the regional
/// vote", which national ruling parties do too.
fn subnational(text: &str) -> bool {
    static RE: std::sync::OnceLock<crate::text::groups::Regex> = std::sync::OnceLock::new();
    crate::text::cached(&RE, || {
        crate::text::regex(
            r"(?i-u:\b(?:states?|provinces?|regions?|territory|territories|city|county|district)\s+of\b|\b(?:state|provincial|regional|city|municipal)\s+(?:government|administration|assembly|legislature|council)|\b(?:mayor|governor|chief minister|capital)\b)|\b[A-Z][a-z]+\s+(?:state|province|region)\b",
        )
    })
    .is_match(text)
}

/// Whether the words after "the ruling X" say it lost power ("lost its majority in the
/// October election", "was ousted"): "ruling" then speaks of the time it lost it, when it did
/// rule. (Not "lost the by-election" or "lost ground": a party in power does that too.)
fn lost_after(rest: &str) -> bool {
    static RE: std::sync::OnceLock<crate::text::groups::Regex> = std::sync::OnceLock::new();
    crate::text::cached(&RE, || {
        crate::text::regex(r"^[^A-Za-z]*(?:[^ ]+ +){0,2}?(?i-u:lost +(?:power|office|(?:its|their) +majority|the +(?:general +|parliamentary +|legislative +)?elections?\b)|was +(?:ousted|toppled|defeated)|voted +out|fell +from)")
    })
    .is_match(rest)
}

/// "Starmer, the first Labour prime minister since Gordon Brown", "the first Republican
/// president since 2009": no holder of the office from that party between the one named (or
/// the year given) and the term of the person the sentence is about. Contradicted when the
/// table knows a holder of that party who held the office after the person or year named;
/// supported when the party's last holder is the one named (or left office that year) and
/// the table knows the party of every holder in between; otherwise nothing is said.
pub fn first_since(s: &Sentence, ctx: &Ctx) -> Vec<Checked> {
    let t = ctx.table;
    let mut out = Vec::new();
    if !s.skeleton.has("first ") || !s.skeleton.has(" since ") {
        return out;
    }
    static RE: std::sync::OnceLock<Pattern> = std::sync::OnceLock::new();
    let re = crate::text::cached(&RE, || {
        pattern(r"(?i:the)\s+(?i:first)\s+(?P<w>(?:[A-Z][A-Za-z'’-]*\s+){1,4})(?P<o>{O})\s+(?i:since)\s+(?:(?P<p>{P})|(?P<d>{D}))")
    });
    for c in re.captures_iter(&s.skeleton) {
        let whole = c.get(0).unwrap();
        // Only where the phrase ends its clause: "the first Labour prime minister since Blair
        // to win three elections" counts elections won, not holders.
        if !s.skeleton[whole.end()..].trim_start().chars().next().is_none_or(|ch| matches!(ch, '.' | ',' | ';' | ':' | ')' | '—' | '–')) {
            continue;
        }
        let Some(oh) = s.hit(&c, "o") else { continue };
        let phrase = s.block[s.span(c.name("w").unwrap().range())].trim();
        // The person the sentence is about (another person named than the one after "since"),
        // the office and the party: a head of state's or government's office that person held,
        // of a country one of whose parties the words name; exactly one of each.
        let since_people: Vec<usize> = s.hit(&c, "p").map(|h| people_in(h, ctx)).unwrap_or_default();
        let mut named: Vec<usize> = Vec::new();
        for x in &s.tokens {
            if let Token::Entity(h) = x {
                named.extend(people_in(h, ctx).into_iter().filter(|p| !since_people.contains(p)));
            }
        }
        let held = |p: usize, o: usize| t.terms_of_person(p).any(|x| x.office == o && !x.acting);
        let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
        for o in offices_of(oh) {
            let crate::facts::Body::Country(cn) = t.offices[o].jurisdiction else { continue };
            if !matches!(&*t.offices[o].kind, "head_of_state" | "head_of_government") {
                continue;
            }
            let Some(p) = party_named(t, cn, phrase) else { continue };
            pairs.extend(named.iter().filter(|&&x| held(x, o)).map(|&x| (x, o, p)));
        }
        // (Compared to the first rather than sorted and deduplicated: a sort of these triples
        // would be one more sort instantiated in the .wasm, about 7 KB gzipped.)
        let Some(&(x, o, party)) = pairs.first() else { continue };
        if pairs.iter().any(|&q| q != (x, o, party)) {
            continue;
        }
        // X's term: the latest that began by the article's date.
        let Some(xs) = t.terms_of_person(x).filter(|y| y.office == o && !y.acting && y.start <= ctx.reference).max_by_key(|y| y.start) else {
            continue;
        };
        let before: Vec<&Term> = t.terms_of_office(o).filter(|y| !y.acting && y.person != x && t.term_end(y) <= xs.start).collect();
        let of_party = |y: &Term| -> Option<bool> {
            let rows: Vec<&crate::facts::Affiliation> =
                t.affiliations.iter().filter(|a| a.person == y.person && a.start <= t.term_end(y) && y.start <= a.end.unwrap_or(t.as_of)).collect();
            if rows.iter().any(|a| a.party == Some(party)) {
                Some(true)
            } else if !rows.is_empty() && covered(t, &rows.iter().map(|a| (a.start, a.end)).collect::<Vec<_>>(), y.start, t.term_end(y)) {
                Some(false)
            } else {
                None
            }
        };
        let Some(last) = before.iter().rev().find(|y| of_party(y) == Some(true)) else { continue };
        // The party of every holder after `last` (and before X) is known, and is another.
        let between_known = || before.iter().filter(|y| y.start > last.start).all(|y| of_party(y) == Some(false));
        let verdict = match (since_people.is_empty(), s.date(&c, "d")) {
            (false, _) => {
                // When the named person's latest term in the office began.
                let Some(named_start) = t.terms_of_office(o).filter(|y| since_people.contains(&y.person) && !y.acting).map(|y| y.start).max() else {
                    continue;
                };
                if since_people.contains(&last.person) {
                    if between_known() {
                        Verdict::Supported
                    } else {
                        continue;
                    }
                } else if last.start > named_start {
                    Verdict::Contradicted
                } else {
                    continue;
                }
            }
            (true, Some(d)) => {
                let year = chrono::Datelike::year(&d.range.start);
                if d.range.precision != crate::facts::Precision::Year {
                    continue;
                }
                let left = chrono::Datelike::year(&t.term_end(last));
                if left > year {
                    Verdict::Contradicted
                } else if left == year && between_known() {
                    Verdict::Supported
                } else {
                    continue;
                }
            }
            _ => continue,
        };
        let later = verdict == Verdict::Contradicted;
        let last_i = crate::claims::explain::index_in(&t.terms, *last);
        let claim = claim!(
            ctx,
            Claim {
                statement: format!(
                    "{} is the first {} {} since {}",
                    t.people[x].name,
                    t.parties[party].name,
                    t.offices[o].name,
                    &s.block[s.span(c.name("p").or(c.name("d")).map_or(whole.range(), |m| m.range()))]
                ),
                people: vec![t.people[x].id.to_string()],
                offices: vec![t.offices[o].id.to_string()],
                relation: "first-since".into(),
                ..Claim::default()
            }
        );
        let why = Why::FirstSince { person: x as u32, office: o as u32, party: party as u32, last: last_i, later };
        out.push(finding(whole.start()..whole.end(), claim, verdict, why, vec![Row::Term(last_i), Row::Party(party as u32)]));
    }
    out
}

/// How long after the days a sentence speaks of a person may take up the top office for a
/// party named beside them to be read as the party they took it for: an election's winner is
/// named with the party months before the inauguration (76 days in the United States, four
/// months in Taiwan and Mexico; Indonesia's eight are left out).
const ELECTED_LEAD_DAYS: i64 = 135;

/// A party given to a head of state or government by a possessive or a relative clause:
/// "Prime Minister Mark Carney's Liberals won", "Rajoy, whose People's Party won", "Modi's
/// BJP government", "Johnson's ruling Conservatives", "Modi's BJP is expected to win",
/// "President Lai Ching-te of the Democratic Progressive Party", "Ulf Kristersson, leader of
/// the Moderates,", "Tusk, leader of the Law and Justice party" (a name's "and", "of" or "for"
/// between capitalised words). Checked, as a party before a title is, against the person's
/// party rows on the sentence's date (else the article's week): contradicted only where the
/// rows cover every such day with other parties. Also "after his Awami League won" (the one
/// person named before), and a party named in the months before the person took office.
pub fn possessive(s: &Sentence, ctx: &Ctx) -> Vec<Checked> {
    let t = ctx.table;
    let mut out = Vec::new();
    static RE: std::sync::OnceLock<Pattern> = std::sync::OnceLock::new();
    let re = crate::text::cached(&RE, || {
        pattern(
            r"(?:(?P<p>{P})(?:(?:'s|’s)\s+|,\s+(?i:whose)\s+|\s+(?i:of)\s+(?i:the)\s+|,\s+(?:(?i:the)\s+)?(?i:leader|head|president|chairman|chairwoman|chair)\s+(?i:of)\s+(?i:the)\s+|,\s+(?P<lo>{O})(?P<oft>\s+(?i:of)\s+(?i:the)\s+)?)|(?-u:\b)(?P<pro>[Hh]is|[Hh]er)\s+)(?:(?P<rul>(?i:ruling|governing)\s+)?(?:(?:far-right|far-left|right-wing|left-wing|centre-right|center-right|centre-left|center-left|conservative|liberal|nationalist|populist|socialist)\s+)?(?P<w>(?:(?:[A-Z][A-Za-z'’-]*|{Q})\s+(?:(?:and|of|for)\s+)?){0,3}(?:[A-Z][A-Za-z’-]*|{Q}))(?P<pty>\s+(?i:party))?)?(?:\s+(?P<v>won|wins|lost|loses|swept|secured|formed|leads|led|governs|governed|gained|suffered|retained|government|administration|cabinet|said|says|defended|announced|proposed|introduced|pledged|promised|rejected|backed|controls|controlled|dominates|dominated|emerged|topped|finished|came|trailed|claimed|captured|is|are|was|were|has|have|had|will|would|remains)(?-u:\b)|\s*[,.;]|$|\s+(?P<lw>[a-z][a-z-]*)(?-u:\b))",
        )
    });
    // A date still to come ("will introduce a carbon tax on July 1") says nothing of the days
    // the party is named for: then the article's week.
    let window = s.scope_date().map(|d| d.range).filter(|d| d.start <= ctx.reference).unwrap_or_else(|| ctx.recent());
    let (a, b) = (window.start, window.end.min(ctx.reference));
    for c in re.captures_iter(&s.skeleton) {
        let whole = c.get(0).unwrap();
        // The party's words: after the joint, or in a title the matcher took ("Luxon, leader
        // of the Labour Party": Britain's office of that name), after its "leader of the".
        let (phrase, w_end) = match (c.name("w"), s.hit(&c, "lo")) {
            (Some(w), None) => (s.block[s.span(w.range())].trim(), w.end()),
            (w, Some(h)) => {
                let title = &s.block[h.start..h.end];
                let rest = ["leader of the ", "head of the "].iter().find_map(|l| title.get(l.len()..).filter(|_| title[..l.len()].eq_ignore_ascii_case(l)));
                match (rest, w) {
                    (Some(rest), _) => (rest, c.name("lo").unwrap().end()),
                    // "Sharif, president of the Pakistan Peoples Party": a bare title the
                    // matcher took as an office, then the party.
                    (None, Some(w))
                        if c.name("oft").is_some() && ["president", "chairman", "chairwoman", "chair"].iter().any(|x| title.eq_ignore_ascii_case(x)) =>
                    {
                        (s.block[s.span(w.range())].trim(), w.end())
                    }
                    _ => continue,
                }
            }
            _ => continue,
        };
        // "X's Liberals," alone is read only after "of the" ("Lai of the Kuomintang,"): a bare
        // possessive with no verb may be anything of the party's ("Carney's Conservative,").
        let joint = c.name("p").map_or("", |m| &s.skeleton[m.end()..c.name("w").map_or(m.end(), |w| w.start())]);
        // "X's ruling Conservatives" names X's party as plainly as a verb after it does; any
        // other word after a bare possessive ("Carney's Liberal colleagues") is not read.
        // The word "party" after the name says it is theirs too ("Samaras, whose PASOK party
        // trailed", "Meloni's Brothers of Italy party leader"), unless the words after it are
        // the party's people against them ("Sunak's Labour party rivals").
        let named_party = c.name("pty").is_some() && !c.name("lw").is_some_and(|w| AGAINST.contains(&w.as_str()));
        if c.name("v").is_none() && c.name("rul").is_none() && c.name("lo").is_none() && !joint.to_ascii_lowercase().has("of the") && !named_party {
            continue;
        }
        // "His Awami League won": the one person the sentence named before.
        let people = match (s.hit(&c, "p"), c.name("pro")) {
            (Some(ph), _) => people_in(ph, ctx),
            (None, Some(pro)) => pronoun_referent(s, pro.start(), ctx),
            _ => continue,
        };
        let [p] = people[..] else { continue };
        let Some((term, cn, days)) = top_term(t, p, a, b) else { continue };
        let Some(claimed) = party_named(t, cn, phrase) else { continue };
        out.extend(judged(ctx, p, term.office, claimed, &days, window, whole.start()..w_end));
    }
    out
}

/// Words after "X's PARTY party" that make the party's people X's opponents, not X's party.
const AGAINST: &[&str] =
    &["rival", "rivals", "opponent", "opponents", "challenger", "challengers", "critic", "critics", "foe", "foes", "enemies", "counterpart", "counterparts"];

/// The days a party claim is checked on: one span.
type Days = [(NaiveDate, NaiveDate); 1];

/// Person `p`'s head-of-state or -government term on days `a..=b`, its country and the days
/// of it they fall on; or a term taken within ELECTED_LEAD_DAYS after them ("Modi's BJP won",
/// ten days before he took office), and its first day.
fn top_term(t: &Table, p: usize, a: NaiveDate, b: NaiveDate) -> Option<(&Term, usize, Days)> {
    let top = |x: &&Term| !x.acting && matches!(&*t.offices[x.office].kind, "head_of_state" | "head_of_government");
    let soon = b + chrono::Duration::days(ELECTED_LEAD_DAYS);
    let term = t
        .terms_of_person(p)
        .find(|x| top(x) && x.start <= b && a <= t.term_end(x))
        .or_else(|| t.terms_of_person(p).find(|x| top(x) && b < x.start && x.start <= soon))?;
    let crate::facts::Body::Country(cn) = t.offices[term.office].jurisdiction else { return None };
    Some((term, cn, [(a.max(term.start), b.max(term.start).min(t.term_end(term)))]))
}

/// Words for a party's leader between the party and the name: "Labour leader Keir Starmer".
const LEADER: &[&str] = &["leader", "Leader", "chief", "boss", "chairman", "Chairman", "chairwoman", "Chairwoman"];

/// A party named right before a head of state's or government's name, with no title between:
/// "Social Democrat Angela Merkel", "Labour's Keir Starmer", "German Christian Democrat Angela
/// Merkel" (up to four capitalised words, the longest that names one party of the person's
/// country). Checked as a possessive's party is. The words must follow the previous name or
/// date of the sentence, so a title's party ("Labour Prime Minister X") is left to the office
/// family.
pub fn before_name(s: &Sentence, ctx: &Ctx) -> Vec<Checked> {
    let t = ctx.table;
    let mut out = Vec::new();
    let window = s.scope_date().map(|d| d.range).filter(|d| d.start <= ctx.reference).unwrap_or_else(|| ctx.recent());
    let (a, b) = (window.start, window.end.min(ctx.reference));
    let mut after = s.range.start;
    // Where the token before began, if it is a party leader's title right before this one
    // ("Liberal Party leader", which the matcher knows as an office of some country).
    let mut leader_title: Option<usize> = None;
    for tok in &s.tokens {
        let span = tok.span();
        if let Token::Entity(h) = tok {
            let after = match leader_title {
                Some(from) if s.block.get(after..h.start).is_some_and(|g| g.trim().is_empty()) => from,
                _ => after,
            };
            leader_title = (h.kind == Kind::Office && s.block[h.start..h.end].rsplit_once(' ').is_some_and(|(_, w)| LEADER.contains(&w))).then_some(h.start);
            let lead = s.block.get(after..h.start).unwrap_or("").trim_end();
            // "Labor leader Anthony Albanese": the party whose leader the person is.
            let lead = match lead.rfind(' ') {
                Some(i) if LEADER.contains(&&lead[i + 1..]) => lead[..i].trim_end(),
                _ => lead,
            };
            let end = after + lead.strip_suffix("'s").or_else(|| lead.strip_suffix("’s")).unwrap_or(lead).len();
            // A party's words are capitalised (`party_before`): any other word before the name
            // needs no look at the person's terms.
            let capital = lead.rsplit(' ').next().is_some_and(|w| w.starts_with(crate::text::case::is_upper));
            let people = if h.kind == Kind::Person && after + lead.len() < h.start && lead.ends_with(crate::text::case::is_alpha) && capital {
                people_in(h, ctx)
            } else {
                Vec::new()
            };
            if let [p] = people[..] {
                if let Some((term, cn, days)) = top_term(t, p, a, b) {
                    // The words stand alone before the name: at the sentence's start, after a
                    // comma, a colon, a quote or "by" ("a government led by Social Democrat"),
                    // or right after a name or date of the sentence ("German Social Democrat",
                    // "On Monday Labour's"). Not after another word, where they may end a clause
                    // whose comma is missing ("After meeting the Social Democrat Merkel said",
                    // "Against Labour Boris Johnson won"), nor a plural ("Democrats Joe Biden
                    // and Kamala Harris").
                    let stands = |from: usize| {
                        let before = s.block[s.range.start..from].trim_end();
                        let party = &s.block[from..end];
                        from >= after
                            && (!party.ends_with('s') || party.ends_with("ss"))
                            && (before.is_empty()
                                || before.ends_with([',', ':', '"', '“', '('])
                                || before.ends_with(" by")
                                || (s.range.start < after && s.range.start + before.len() == after))
                    };
                    if let Some((claimed, from)) = party_before(s, t, cn, end).filter(|&(_, from)| stands(from)) {
                        out.extend(judged(ctx, p, term.office, claimed, &days, window, block_to_skeleton(s, from)..block_to_skeleton(s, h.end)));
                    }
                }
            }
        }
        after = span.end;
    }
    out
}
