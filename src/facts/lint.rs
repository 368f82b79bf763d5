//! Whole-table checks (`factflag facts lint`).
use super::*;
use crate::text::case::TextCase;

fn at(o: &Origin, reason: String) -> FactsError {
    FactsError { file: o.file.to_string(), line: o.line, reason }
}

/// How long an office may stand empty between two holders before lint asks for the missing
/// term: interregnums of a few weeks are common (coalition talks, a swearing-in after an
/// election), and longer ones are rare enough to explain in a note.
const MAX_GAP_DAYS: i64 = 30;

/// How long after a holder's death their term may formally end: power passes on a later day
/// in some systems (a successor sworn in, an acting holder named).
const MAX_DAYS_AFTER_DEATH: i64 = 30;

/// Gaps are looked for from this day: the table's full histories start in 2000.
fn gap_from() -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).expect("a valid date")
}

pub(super) fn lint(t: &Table) -> Vec<FactsError> {
    let mut errs = Vec::new();
    let after = |d: NaiveDate| d > t.as_of;

    for term in &t.terms {
        let who = &t.people[term.person].name;
        let office = &t.offices[term.office].name;
        if let Some(end) = term.end {
            if end < term.start {
                errs.push(at(&term.origin, format!("{who}'s term as {office} ends ({end}) before it starts ({})", term.start)));
            }
            if after(end) {
                errs.push(at(&term.origin, format!("end {end} is after the table's as_of {}; leave end empty for a term still running on as_of", t.as_of)));
            }
        }
        if after(term.start) {
            errs.push(at(&term.origin, format!("start {} is after the table's as_of {}", term.start, t.as_of)));
        }
    }

    // Single-holder offices: full (non-acting) terms may touch on the handover day, never overlap.
    for (oi, office) in t.offices.iter().enumerate() {
        let full: Vec<&Term> = t.terms_of_office(oi).filter(|x| !x.acting).collect();
        for (i, a) in full.iter().enumerate() {
            for b in &full[i + 1..] {
                let a_end = t.term_end(a);
                if b.start < a_end {
                    errs.push(at(
                        &b.origin,
                        format!(
                            "{}'s term as {} from {} overlaps {}'s term ({} to {}, {}:{})",
                            t.people[b.person].name,
                            office.name,
                            b.start,
                            t.people[a.person].name,
                            a.start,
                            a.end.map(|d| d.to_string()).unwrap_or_else(|| "open".into()),
                            a.origin.file,
                            a.origin.line
                        ),
                    ));
                }
            }
        }
    }

    // An office confirmed only to an earlier date: that date is within the table, and no term
    // of the office starts after it.
    for (oi, office) in t.offices.iter().enumerate() {
        let Some((v, _)) = &office.verified_through else { continue };
        if after(*v) {
            errs.push(at(&office.origin, format!("verified_through {v} of {} is after the table's as_of {}", office.id, t.as_of)));
        }
        for x in t.terms_of_office(oi).filter(|x| x.start > *v || x.end.is_some_and(|e| e > *v)) {
            errs.push(at(&x.origin, format!("this term of {} reaches past the office's verified_through date {v}", office.id)));
        }
    }

    // Nobody holds an office after their death: a term starts before it and ends within
    // MAX_DAYS_AFTER_DEATH of it (the day power formally passed).
    for x in &t.terms {
        let Some((died, _)) = &t.people[x.person].died else { continue };
        let who = &t.people[x.person].name;
        if x.start > *died || x.end.is_none_or(|e| e > *died + chrono::Duration::days(MAX_DAYS_AFTER_DEATH)) {
            errs.push(at(
                &x.origin,
                format!("{who} died on {died}, but this term runs {} to {}", x.start, x.end.map(|e| e.to_string()).unwrap_or_else(|| "open".into())),
            ));
        }
    }

    // After 2000, an office passes from one holder to the next without a gap of more than
    // MAX_GAP_DAYS, unless the row after the gap says it is deliberate (a note that starts
    // with "gap:"; for an office that ended, the last row's note starts with "abolished:").
    for (oi, office) in t.offices.iter().enumerate() {
        let mut all: Vec<&Term> = t.terms_of_office(oi).collect();
        all.sort_by_key(|x| x.start);
        let explained = |x: &Term, _word: &str| x.gap_note;
        let mut reach: Option<NaiveDate> = None;
        for x in &all {
            if let Some(r) = reach {
                if x.start > r + chrono::Duration::days(MAX_GAP_DAYS) && r >= gap_from() && !explained(x, "gap:") {
                    errs.push(at(
                        &x.origin,
                        format!("{} has no holder from {r} to {}: add the missing term, or a note starting with \"gap:\" on this row", office.id, x.start),
                    ));
                }
            }
            let end = t.term_end(x);
            reach = Some(reach.map_or(end, |r| r.max(end)));
        }
        if let (Some(r), Some(last)) = (reach, all.last()) {
            if r + chrono::Duration::days(MAX_GAP_DAYS) < t.covered(oi) && r >= gap_from() && !explained(last, "abolished:") && !explained(last, "gap:") {
                errs.push(at(
                    &last.origin,
                    format!(
                        "{} has no holder from {r} to {}: add the missing term, or a note starting with \"abolished:\" on this row",
                        office.id,
                        t.covered(oi)
                    ),
                ));
            }
        }
    }

    // The founders named in orgs.tsv are the founding-member rows of memberships. A body whose
    // list is not complete may name a founder with no row at all: one whose later membership
    // sources dispute (Cuba in the OAS, Ukraine in the CIS), left out so that no date of it
    // is judged.
    for (gi, org) in t.orgs.iter().enumerate() {
        let mut rows: Vec<usize> = t.members_of(gi).filter(|m| &*m.role == "founding-member").map(|m| m.country).collect();
        rows.sort();
        rows.dedup();
        let mut founders = org.founders.clone();
        founders.sort();
        founders.dedup();
        if !org.members_complete {
            founders.retain(|c| t.members_of(gi).any(|m| m.country == *c));
        }
        if !rows.is_empty() && rows != founders {
            let ids = |v: &[usize]| v.iter().map(|&c| t.countries[c].id.to_string()).collect::<Vec<_>>().join(";");
            let only_rows: Vec<usize> = rows.iter().copied().filter(|c| !founders.contains(c)).collect();
            let only_cell: Vec<usize> = founders.iter().copied().filter(|c| !rows.contains(c)).collect();
            errs.push(at(
                &org.origin,
                format!(
                    "founders of {} disagree with its founding-member rows: rows only [{}], founders cell only [{}]",
                    org.id,
                    ids(&only_rows),
                    ids(&only_cell)
                ),
            ));
        }
    }

    // Summits: within the table. (Rotating presidencies: below, with the other rows that hold
    // one at a time.)
    for x in &t.summits {
        if after(x.start) {
            errs.push(at(&x.origin, format!("summit start {} is after the table's as_of {}", x.start, t.as_of)));
        }
    }
    // Rows that hold one at a time: a body's rotating presidencies (one holder at a time), a
    // person's membership of a party, a country's government. Each lies within the table, ends
    // after it starts, and never overlaps another row of its key, (subject, party).
    type Span<'o> = ((usize, Option<usize>), NaiveDate, Option<NaiveDate>, &'o Origin);
    let spans = |rows: Vec<Span>, what: &str, subject: &dyn Fn(usize) -> String, errs: &mut Vec<FactsError>| {
        for (i, &(key, start, end, origin)) in rows.iter().enumerate() {
            if after(start) || end.is_some_and(after) {
                errs.push(at(origin, format!("{what} dates are after the table's as_of {}", t.as_of)));
            }
            if end.is_some_and(|e| e < start) {
                errs.push(at(origin, format!("{what} ends before it starts")));
            }
            for &(k2, s2, e2, o2) in &rows[i + 1..] {
                if k2 == key && s2 < end.unwrap_or(t.as_of) && start < e2.unwrap_or(t.as_of) {
                    errs.push(at(o2, format!("{what} of {} from {s2} overlaps the one from {start} ({}:{})", subject(k2.0), origin.file, origin.line)));
                }
            }
        }
    };
    spans(t.presidencies.iter().map(|x| ((x.body, None), x.start, x.end, &x.origin)).collect(), "presidency", &|g| t.orgs[g].id.to_string(), &mut errs);

    // Parties: as above for people's parties and governments; a person's party is of the
    // person's country, and no two parties of a country share a name. (A person may belong to
    // a joint list and to its member party at once: Berlusconi led The People of Freedom while
    // still in Forza Italia. The same party twice is an error.)
    spans(
        t.affiliations.iter().map(|x| ((x.person, x.party), x.start, x.end, &x.origin)).collect(),
        "party affiliation",
        &|p| t.people[p].id.to_string(),
        &mut errs,
    );
    spans(t.governments.iter().map(|x| ((x.country, None), x.start, x.end, &x.origin)).collect(), "government", &|c| t.countries[c].id.to_string(), &mut errs);
    for x in &t.affiliations {
        if let (Some(p), Some(c)) = (x.party, t.people[x.person].country) {
            if t.parties[p].country != c {
                errs.push(at(&x.origin, format!("{} is a party of another country than {}'s", t.parties[p].id, t.people[x.person].id)));
            }
        }
    }
    for x in &t.governments {
        if let Some(p) = x.parties.iter().flatten().find(|&&p| t.parties[p].country != x.country) {
            errs.push(at(&x.origin, format!("{} is not a party of {}", t.parties[*p].id, t.countries[x.country].id)));
        }
    }
    for (i, a) in t.parties.iter().enumerate() {
        let names = |p: &Party| std::iter::once(p.name.lower()).chain(p.aliases.iter().map(|x| x.lower())).collect::<Vec<_>>();
        let mine = names(a);
        for b in t.parties[i + 1..].iter().filter(|b| b.country == a.country) {
            if let Some(n) = names(b).iter().find(|n| mine.contains(n)) {
                errs.push(at(&b.origin, format!("{n:?} names both {} and {} ({}:{})", b.id, a.id, a.origin.file, a.origin.line)));
            }
        }
    }

    for m in &t.memberships {
        if after(m.joined.start) {
            errs.push(at(&m.origin, format!("joined {} is after the table's as_of {}", m.joined, t.as_of)));
        }
        if let Some(left) = m.left {
            if left.end < m.joined.start {
                errs.push(at(&m.origin, format!("left ({left}) before joining ({})", m.joined)));
            }
            if after(left.start) {
                errs.push(at(&m.origin, format!("left {left} is after the table's as_of {}", t.as_of)));
            }
        }
    }
    for o in &t.orgs {
        for d in o.founded.iter().chain(&o.founded_alt) {
            if after(d.start) {
                errs.push(at(&o.origin, format!("founding date {d} is after the table's as_of {}", t.as_of)));
            }
        }
    }
    for e in &t.elections {
        if after(e.date) || e.other_dates.iter().any(|&d| after(d)) {
            errs.push(at(&e.origin, format!("election date {} is after the table's as_of {}", e.date, t.as_of)));
        }
    }

    // An alias shared by two people must be marked shared (`?`) in every row that has it.
    let mut by_alias: HashMap<String, Vec<(usize, bool)>> = HashMap::default();
    for (pi, p) in t.people.iter().enumerate() {
        let mut names: Vec<(String, bool)> = p.aliases.iter().map(|a| (a.text.to_lowercase(), a.shared)).collect();
        names.push((p.name.to_lowercase(), false));
        names.sort();
        names.dedup_by(|a, b| a.0 == b.0);
        for (n, shared) in names {
            by_alias.entry(n).or_default().push((pi, shared));
        }
    }
    let mut shared: Vec<_> = by_alias.into_iter().filter(|(_, v)| v.len() > 1 && v.iter().any(|(_, s)| !s)).collect();
    shared.sort();
    for (alias, v) in shared {
        let names: Vec<&str> = v.iter().map(|(p, _)| &*t.people[*p].name).collect();
        for (p, s) in v.iter().filter(|(_, s)| !s) {
            let _ = s;
            errs.push(at(&t.people[*p].origin, format!(
                "alias {alias:?} is shared by {} without a disambiguating rule: write it as ?{alias} in every row that has it (a person's full name cannot be shared)",
                names.join(" and ")
            )));
        }
    }
    // A one-word alias (a surname) that is also the surname of another person in the table
    // must be marked shared too: "Johnson" alone may be either. The namesake need not carry
    // the surname as an alias of their own to be meant by it.
    let mut surnames: HashMap<String, Vec<usize>> = HashMap::default();
    for (pi, p) in t.people.iter().enumerate() {
        if let Some(last) = p.name.split_whitespace().last().filter(|_| p.name.contains(' ')) {
            surnames.entry(last.to_lowercase()).or_default().push(pi);
        }
    }
    for (pi, p) in t.people.iter().enumerate() {
        for a in p.aliases.iter().filter(|a| !a.shared && !a.text.contains(' ')) {
            let key = a.text.to_lowercase();
            let others: Vec<&str> = surnames.get(&key).into_iter().flatten().filter(|&&q| q != pi).map(|&q| &*t.people[q].name).collect();
            if !others.is_empty() {
                errs.push(at(
                    &p.origin,
                    format!(
                        "alias {:?} of {} is also the surname of {}: write it as ?{} (and give the namesake the same ?alias)",
                        &*a.text,
                        p.name,
                        others.join(" and "),
                        &*a.text
                    ),
                ));
            }
        }
    }
    errs.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    errs
}
