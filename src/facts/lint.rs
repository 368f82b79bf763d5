//! Whole-table checks (`factflag facts lint`).
use super::*;

fn at(o: &Origin, reason: String) -> FactsError {
    FactsError { file: o.file.to_string(), line: o.line, reason }
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
    errs.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    errs
}
