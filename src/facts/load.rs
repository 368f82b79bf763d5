//! Parsing the tab-separated files, with file:line errors.
use super::*;
use crate::text::case::TextCase;
use std::fmt;
use std::sync::Arc;

/// A row FactFlag could not accept, with where it is and why.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct FactsError {
    /// The file, relative to the crate.
    pub file: String,
    /// The 1-based line number (0 for a problem with the whole file).
    pub line: u64,
    /// What is wrong, in words an editor can act on.
    pub reason: String,
}

impl fmt::Display for FactsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.reason)
    }
}

impl std::error::Error for FactsError {}

struct Row<'c> {
    origin: Origin,
    cells: Vec<&'c str>,
}

impl<'c> Row<'c> {
    fn get(&self, i: usize) -> &'c str {
        self.cells.get(i).copied().unwrap_or("")
    }
    /// Cell `i`, owned.
    fn text(&self, i: usize) -> Text {
        Text::Owned(self.get(i).to_string())
    }
    fn list(&self, i: usize) -> Vec<Text> {
        self.get(i).split(';').map(str::trim).filter(|s| !s.is_empty()).map(|s| Text::Owned(s.to_string())).collect()
    }
}

struct Loader {
    errors: Vec<FactsError>,
}

impl Loader {
    fn err(&mut self, o: &Origin, reason: impl Into<String>) {
        self.errors.push(FactsError { file: o.file.to_string(), line: o.line, reason: reason.into() });
    }

    /// Reads one file, checking its header against `columns`. The files are plain
    /// tab-separated lines with no quoting (data/README.md): `#` starts a comment line, blank
    /// lines are skipped and cells are trimmed. That needs no CSV parser, and the table loads
    /// at every start of the extension's background worker, so it is read in one pass over
    /// borrowed lines.
    fn read<'c>(&mut self, path: &str, contents: &'c str, columns: &[&str]) -> Vec<Row<'c>> {
        let file: Arc<str> = Arc::from(path);
        let mut lines = contents
            .split('\n')
            .enumerate()
            .map(|(i, l)| (i as u64 + 1, l.strip_suffix('\r').unwrap_or(l)))
            .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty());
        let Some((hline, header)) = lines.next() else {
            self.err(&Origin { file, line: 1 }, format!("the file is empty; expected the columns {:?}", columns.join(" | ")));
            return Vec::new();
        };
        let got: Vec<&str> = header.split('\t').map(str::trim).collect();
        if got != columns {
            self.err(&Origin { file, line: hline }, format!("header is {:?}; expected the columns {:?}", got.join(" | "), columns.join(" | ")));
            return Vec::new();
        }
        let mut rows = Vec::new();
        for (line, l) in lines {
            let origin = Origin { file: file.clone(), line };
            let cells: Vec<&str> = l.split('\t').map(str::trim).collect();
            if cells.len() != columns.len() {
                self.err(&origin, format!("has {} cells; the header has {} ({})", cells.len(), columns.len(), columns.join(", ")));
                continue;
            }
            rows.push(Row { origin, cells });
        }
        rows
    }

    fn source(&mut self, row: &Row, i: usize) -> Text {
        let s = row.get(i);
        if s.is_empty() {
            self.err(&row.origin, "no source: every row needs an http(s) URL that states the fact");
        } else if !(s.starts_with("https://") || s.starts_with("http://")) || s.contains(char::is_whitespace) {
            self.err(&row.origin, format!("source {s:?} is not an http(s) URL"));
        }
        row.text(i)
    }

    fn date(&mut self, row: &Row, i: usize, what: &str, day_only: bool) -> Option<DateRange> {
        let s = row.get(i);
        // "2024-03-31/2025-01-01": a step taken in stages (Schengen's air and sea borders,
        // then its land borders), any day of which news may call the day it happened.
        let span = |s: &str| {
            let (a, b) = s.split_once('/')?;
            let (a, b) = (DateRange::parse(a)?, DateRange::parse(b)?);
            (a.end < b.start).then(|| DateRange::span(a.start, b.end))
        };
        match DateRange::parse(s).or_else(|| span(s).filter(|_| !day_only)) {
            Some(d) if !day_only || d.precision == Precision::Day => Some(d),
            Some(_) => {
                self.err(&row.origin, format!("{what} {s:?} must be a full date, YYYY-MM-DD"));
                None
            }
            None => {
                self.err(&row.origin, format!("{what} {s:?} is not a date (YYYY-MM-DD{})", if day_only { "" } else { ", YYYY-MM or YYYY" }));
                None
            }
        }
    }

    /// A list of place names: at least one, each a capitalised name ("The Hague", "Washington,
    /// D.C."), never a date or a code.
    fn places(&mut self, row: &Row, i: usize) -> Vec<Text> {
        let places = row.list(i);
        if places.is_empty() {
            self.err(&row.origin, "no place: write the city or cities, separated by ';'");
        }
        for p in &places {
            if !p.starts_with(char::is_uppercase) || p.contains(|c: char| c.is_ascii_digit()) || p.trim() != &**p {
                self.err(&row.origin, format!("place {p:?} is not a place name: write it as news spells it (\"Addis Ababa\")"));
            }
        }
        places
    }

    fn opt_date(&mut self, row: &Row, i: usize, what: &str, day_only: bool) -> Option<DateRange> {
        if row.get(i).is_empty() {
            None
        } else {
            self.date(row, i, what, day_only)
        }
    }

    fn lookup(&mut self, row: &Row, map: &HashMap<String, usize>, id: &str, what: &str) -> Option<usize> {
        let found = map.get(id).copied();
        if found.is_none() {
            self.err(&row.origin, format!("unknown {what} {id:?}"));
        }
        found
    }

    fn unique(&mut self, map: &mut HashMap<String, usize>, row: &Row, id: &str, index: usize, what: &str) {
        if id.is_empty() {
            self.err(&row.origin, format!("{what} has no id"));
        } else if !id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
            self.err(&row.origin, format!("{what} id {id:?} must be lower-case ASCII letters, digits and '-'"));
        } else if map.insert(id.to_string(), index).is_some() {
            self.err(&row.origin, format!("duplicate {what} id {id:?}"));
        }
    }
}

pub(super) const META: &[&str] = &["key", "value"];
pub(super) const COUNTRIES: &[&str] = &["id", "name", "aliases", "adjectives", "source"];
pub(super) const PEOPLE: &[&str] = &["id", "name", "aliases", "country", "source"];
pub(super) const OFFICES: &[&str] = &["id", "name", "jurisdiction", "titles", "kind", "source", "honorific"];
pub(super) const TERMS: &[&str] = &["person", "office", "start", "end", "acting", "source", "note"];
pub(super) const ORGS: &[&str] = &["id", "name", "aliases", "founded", "founded_alt", "founders", "members_complete", "source"];
pub(super) const MEMBERSHIPS: &[&str] = &["country", "org", "role", "joined", "left", "source"];
pub(super) const ELECTIONS: &[&str] = &["country", "kind", "office", "date", "other_dates", "winner", "first", "runner_up", "source"];
pub(super) const VERIFIED: &[&str] = &["office", "verified_through", "source", "note"];
pub(super) const DEATHS: &[&str] = &["person", "died", "source"];
pub(super) const PROPOSALS: &[&str] = &["id", "name", "aliases", "originator", "date", "exclusive", "source", "note"];
pub(super) const SUMMITS: &[&str] = &["body", "ordinal", "start", "end", "city", "country", "chair", "source"];
pub(super) const PRESIDENCIES: &[&str] = &["body", "holder", "start", "end", "source"];
pub(super) const PARTIES: &[&str] = &["id", "name", "aliases", "country", "source"];
pub(super) const AFFILIATIONS: &[&str] = &["person", "party", "start", "end", "source"];
pub(super) const GOVERNMENTS: &[&str] = &["country", "start", "end", "parties", "source"];
pub(super) const FOUNDING: &[&str] = &["org", "places", "event", "source", "note"];
pub(super) const CAPITALS: &[&str] = &["country", "capitals", "source"];

/// Which kind of file a path holds, from its place under `data/`.
pub(super) fn kind_of(path: &str) -> Option<&'static str> {
    let p = path.replace('\\', "/");
    let p = p.strip_prefix("data/").unwrap_or(&p);
    let (dir, file) = p.rsplit_once('/').map(|(d, f)| (d.rsplit('/').next().unwrap_or(d), f)).unwrap_or(("", p));
    Some(match (dir, file) {
        (_, "meta.tsv") => "meta",
        ("countries", _) => "countries",
        ("people", _) => "people",
        ("offices", _) => "offices",
        ("terms", _) => "terms",
        ("elections", _) => "elections",
        ("memberships", _) => "memberships",
        (_, "orgs.tsv") => "orgs",
        (_, "memberships.tsv") => "memberships",
        (_, "verified.tsv") => "verified",
        (_, "deaths.tsv") => "deaths",
        (_, "proposals.tsv") => "proposals",
        (_, "summits.tsv") => "summits",
        (_, "presidencies.tsv") => "presidencies",
        (_, "founding.tsv") => "founding",
        (_, "capitals.tsv") => "capitals",
        ("parties", "parties.tsv") => "parties",
        ("parties", "affiliations.tsv") => "affiliations",
        ("parties", "governments.tsv") => "governments",
        _ => return None,
    })
}

pub(super) fn load<P: AsRef<str>, C: AsRef<str>>(files: &[(P, C)]) -> Result<Table, Vec<FactsError>> {
    let mut l = Loader { errors: Vec::new() };
    let mut by_kind: HashMap<&str, Vec<Row>> = HashMap::default();
    for (path, contents) in files {
        let (path, contents) = (path.as_ref(), contents.as_ref());
        if !path.ends_with(".tsv") {
            continue;
        }
        let Some(kind) = kind_of(path) else {
            l.err(&Origin { file: path.into(), line: 0 }, "not part of the table's layout (see data/README.md)");
            continue;
        };
        let cols = match kind {
            "meta" => META,
            "countries" => COUNTRIES,
            "people" => PEOPLE,
            "offices" => OFFICES,
            "terms" => TERMS,
            "orgs" => ORGS,
            "memberships" => MEMBERSHIPS,
            "verified" => VERIFIED,
            "deaths" => DEATHS,
            "proposals" => PROPOSALS,
            "summits" => SUMMITS,
            "presidencies" => PRESIDENCIES,
            "parties" => PARTIES,
            "affiliations" => AFFILIATIONS,
            "governments" => GOVERNMENTS,
            "founding" => FOUNDING,
            "capitals" => CAPITALS,
            _ => ELECTIONS,
        };
        let rows = l.read(path, contents, cols);
        by_kind.entry(kind).or_default().extend(rows);
    }
    let mut take = |k: &str| by_kind.remove(k).unwrap_or_default();

    // meta
    let mut as_of = None;
    for r in take("meta") {
        if r.get(0) == "as_of" {
            as_of = l.date(&r, 1, "as_of", true).map(|d| d.start);
        }
    }
    let Some(as_of) = as_of else {
        l.errors.push(FactsError { file: "data/meta.tsv".into(), line: 0, reason: "no as_of date: the table must say the date it is true on".into() });
        return Err(l.errors);
    };

    // countries
    let mut country_ids = HashMap::default();
    let mut countries = Vec::new();
    for r in take("countries") {
        l.unique(&mut country_ids, &r, r.get(0), countries.len(), "country");
        let source = l.source(&r, 4);
        if r.get(1).is_empty() {
            l.err(&r.origin, "country has no name");
        }
        countries.push(Country {
            id: r.text(0),
            name: r.text(1),
            aliases: r.list(2),
            adjectives: r.list(3),
            capitals: Vec::new(),
            source,
            origin: r.origin.clone(),
        });
    }
    for r in take("capitals") {
        let places = l.places(&r, 1);
        l.source(&r, 2);
        if let Some(c) = l.lookup(&r, &country_ids, r.get(0), "country") {
            if !countries[c].capitals.is_empty() {
                l.err(&r.origin, format!("country {:?} has its capitals on another row too", r.get(0)));
            }
            countries[c].capitals = places;
        }
    }

    // organisations (before offices: an office can belong to one)
    let mut org_ids = HashMap::default();
    let mut orgs = Vec::new();
    for r in take("orgs") {
        l.unique(&mut org_ids, &r, r.get(0), orgs.len(), "organisation");
        if country_ids.contains_key(r.get(0)) {
            l.err(&r.origin, format!("organisation id {:?} is also a country id", r.get(0)));
        }
        let founded = l.opt_date(&r, 3, "founded", false);
        let founded_alt = r
            .list(4)
            .iter()
            .filter_map(|s| {
                let d = DateRange::parse(s);
                if d.is_none() {
                    l.err(&r.origin, format!("founded_alt {s:?} is not a date"));
                }
                d
            })
            .collect();
        let founders = r.list(5).iter().filter_map(|c| l.lookup(&r, &country_ids, c, "country")).collect();
        let members_complete = match r.get(6) {
            "yes" => true,
            "no" | "" => false,
            other => {
                l.err(&r.origin, format!("members_complete is {other:?}; write yes or no"));
                false
            }
        };
        let source = l.source(&r, 7);
        orgs.push(Org {
            id: r.text(0),
            name: r.text(1),
            aliases: r.list(2),
            founded,
            founded_alt,
            founders,
            members_complete,
            founded_in: Vec::new(),
            founded_in_source: Text::default(),
            source,
            origin: r.origin.clone(),
        });
    }
    for r in take("founding") {
        let places = l.places(&r, 1);
        let source = l.source(&r, 3);
        if let Some(g) = l.lookup(&r, &org_ids, r.get(0), "organisation") {
            if !orgs[g].founded_in.is_empty() {
                l.err(&r.origin, format!("organisation {:?} has its founding places on another row too", r.get(0)));
            }
            orgs[g].founded_in = places;
            orgs[g].founded_in_source = source;
        }
    }

    // people
    let mut person_ids = HashMap::default();
    let mut people = Vec::new();
    for r in take("people") {
        l.unique(&mut person_ids, &r, r.get(0), people.len(), "person");
        let country = if r.get(3).is_empty() { None } else { l.lookup(&r, &country_ids, r.get(3), "country") };
        let aliases = r
            .list(2)
            .into_iter()
            .map(|a| match a.strip_prefix('?') {
                Some(t) => Alias { text: t.trim().to_string().into(), shared: true },
                None => Alias { text: a, shared: false },
            })
            .collect();
        let source = l.source(&r, 4);
        if r.get(1).is_empty() {
            l.err(&r.origin, "person has no name");
        }
        people.push(Person { id: r.text(0), name: r.text(1), aliases, country, source, died: None, origin: r.origin.clone() });
    }
    for r in take("deaths") {
        let person = l.lookup(&r, &person_ids, r.get(0), "person");
        let died = l.date(&r, 1, "died", true);
        let source = l.source(&r, 2);
        if let (Some(p), Some(d)) = (person, died) {
            if people[p].died.is_some() {
                l.err(&r.origin, format!("person {:?} has a date of death already", r.get(0)));
            }
            people[p].died = Some((d.start, source));
        }
    }

    // offices
    let mut office_ids = HashMap::default();
    let mut offices = Vec::new();
    for r in take("offices") {
        l.unique(&mut office_ids, &r, r.get(0), offices.len(), "office");
        let j = r.get(2);
        let jurisdiction = match (country_ids.get(j), org_ids.get(j)) {
            (Some(&c), _) => Body::Country(c),
            (None, Some(&o)) => Body::Org(o),
            (None, None) => {
                l.err(&r.origin, format!("unknown jurisdiction {j:?} (neither a country nor an organisation)"));
                Body::Country(usize::MAX)
            }
        };
        let titles = r.list(3);
        if titles.is_empty() {
            l.err(&r.origin, "office has no titles");
        }
        let source = l.source(&r, 5);
        // The convention that former holders keep the title: a source, or empty.
        let honorific = (!r.get(6).is_empty()).then(|| l.source(&r, 6));
        offices.push(Office {
            id: r.text(0),
            name: r.text(1),
            jurisdiction,
            titles,
            kind: r.text(4),
            source,
            honorific,
            verified_through: None,
            origin: r.origin.clone(),
        });
    }

    // offices confirmed only to an earlier date than as_of
    for r in take("verified") {
        let office = l.lookup(&r, &office_ids, r.get(0), "office");
        let date = l.date(&r, 1, "verified_through", true);
        let source = l.source(&r, 2);
        if let (Some(o), Some(d)) = (office, date) {
            if offices[o].verified_through.is_some() {
                l.err(&r.origin, format!("office {:?} has a verified_through date already", r.get(0)));
            }
            offices[o].verified_through = Some((d.start, source));
        }
    }

    // terms
    let mut terms = Vec::new();
    for r in take("terms") {
        let person = l.lookup(&r, &person_ids, r.get(0), "person");
        let office = l.lookup(&r, &office_ids, r.get(1), "office");
        let start = l.date(&r, 2, "start", true);
        let end = l.opt_date(&r, 3, "end", true);
        let acting = match r.get(4) {
            "" => false,
            "acting" | "interim" => true,
            other => {
                l.err(&r.origin, format!("acting is {other:?}; write acting, interim or nothing"));
                false
            }
        };
        let source = l.source(&r, 5);
        if let (Some(person), Some(office), Some(start)) = (person, office, start) {
            let note = r.get(6).trim_start().lower();
            let gap_note = note.starts_with("gap:") || note.starts_with("abolished:");
            terms.push(Term { person, office, start: start.start, end: end.map(|e| e.start), acting, gap_note, source, origin: r.origin.clone() });
        }
    }

    // memberships
    let mut memberships = Vec::new();
    for r in take("memberships") {
        let country = l.lookup(&r, &country_ids, r.get(0), "country");
        let org = l.lookup(&r, &org_ids, r.get(1), "organisation");
        let role = r.text(2);
        if !matches!(&*role, "member" | "founding-member" | "permanent-member" | "partner" | "observer" | "candidate") {
            l.err(&r.origin, format!("role {role:?} is not one of member, founding-member, permanent-member, partner, observer, candidate"));
        }
        let joined = l.date(&r, 3, "joined", false);
        let left = l.opt_date(&r, 4, "left", false);
        let source = l.source(&r, 5);
        if let (Some(country), Some(org), Some(joined)) = (country, org, joined) {
            memberships.push(Membership { country, org, role, joined, left, source, origin: r.origin.clone() });
        }
    }

    // elections
    let mut elections = Vec::new();
    for r in take("elections") {
        let country = l.lookup(&r, &country_ids, r.get(0), "country");
        let kind = r.text(1);
        if !matches!(&*kind, "presidential" | "general" | "federal" | "parliamentary" | "legislative") {
            l.err(&r.origin, format!("kind {kind:?} is not one of presidential, general, federal, parliamentary, legislative"));
        }
        let office = if r.get(2).is_empty() { None } else { l.lookup(&r, &office_ids, r.get(2), "office") };
        let date = l.date(&r, 3, "date", true);
        let other_dates: Vec<NaiveDate> = r
            .list(4)
            .iter()
            .filter_map(|s| match DateRange::parse(s) {
                Some(d) if d.precision == Precision::Day => Some(d.start),
                _ => {
                    l.err(&r.origin, format!("other_dates entry {s:?} is not a full date"));
                    None
                }
            })
            .collect();
        let winner = if r.get(5).is_empty() { None } else { l.lookup(&r, &person_ids, r.get(5), "person") };
        let first: Vec<usize> = r.list(6).iter().filter_map(|id| l.lookup(&r, &person_ids, id, "person")).collect();
        if winner.is_some_and(|w| first.contains(&w)) {
            l.err(&r.origin, "first names the winner; list there only the leaders of a first party who did not become the winner".to_string());
        }
        let runner_up = if r.get(7).is_empty() { None } else { l.lookup(&r, &person_ids, r.get(7), "person") };
        if runner_up.is_some() && (runner_up == winner || other_dates.is_empty()) {
            l.err(&r.origin, "runner_up is the loser of a runoff: another person than the winner, in an election with other_dates".to_string());
        }
        let source = l.source(&r, 8);
        if let (Some(country), Some(date)) = (country, date) {
            elections.push(Election { country, kind, office, date: date.start, other_dates, winner, first, runner_up, source, origin: r.origin.clone() });
        }
    }

    // proposals
    let mut proposals = Vec::new();
    let mut proposal_ids = HashMap::default();
    for r in take("proposals") {
        l.unique(&mut proposal_ids, &r, r.get(0), proposals.len(), "proposal");
        let originator = l.lookup(&r, &person_ids, r.get(3), "person");
        let date = l.date(&r, 4, "date", false);
        let exclusive = match r.get(5) {
            "yes" => true,
            "no" => false,
            other => {
                l.err(&r.origin, format!("exclusive is {other:?}; write yes or no"));
                false
            }
        };
        if r.get(1).is_empty() {
            l.err(&r.origin, "proposal has no name");
        }
        let source = l.source(&r, 6);
        if let (Some(originator), Some(date)) = (originator, date) {
            proposals.push(Proposal { id: r.text(0), name: r.text(1), aliases: r.list(2), originator, date, exclusive, source, origin: r.origin.clone() });
        }
    }

    // summits and rotating presidencies
    let mut summits = Vec::new();
    for r in take("summits") {
        let body = l.lookup(&r, &org_ids, r.get(0), "organisation");
        let ordinal = match r.get(1) {
            "" => None,
            n => match n.parse::<u32>() {
                Ok(v) => Some(v),
                Err(_) => {
                    l.err(&r.origin, format!("ordinal {n:?} is not a number"));
                    None
                }
            },
        };
        let start = l.date(&r, 2, "start", true);
        let end = l.date(&r, 3, "end", true);
        let hosts: Vec<usize> = r.list(5).iter().filter_map(|c| l.lookup(&r, &country_ids, c, "country")).collect();
        if hosts.is_empty() {
            l.err(&r.origin, "summit has no host country");
        }
        let chair = if r.get(6).is_empty() { None } else { l.lookup(&r, &person_ids, r.get(6), "person") };
        let source = l.source(&r, 7);
        if let (Some(body), Some(start), Some(end)) = (body, start, end) {
            if end.start < start.start {
                l.err(&r.origin, format!("summit ends ({}) before it starts ({})", end.start, start.start));
            }
            summits.push(Summit { body, ordinal, start: start.start, end: end.start, cities: r.list(4), hosts, chair, source, origin: r.origin.clone() });
        }
    }
    crate::order::by_key(&mut summits, |x| crate::order::pair(crate::order::date(x.start), x.body as u64));
    let mut presidencies = Vec::new();
    for r in take("presidencies") {
        let body = l.lookup(&r, &org_ids, r.get(0), "organisation");
        let holder = l.lookup(&r, &country_ids, r.get(1), "country");
        let start = l.date(&r, 2, "start", true);
        let end = l.opt_date(&r, 3, "end", true);
        let source = l.source(&r, 4);
        if let (Some(body), Some(holder), Some(start)) = (body, holder, start) {
            presidencies.push(Presidency { body, holder, start: start.start, end: end.map(|e| e.start), source, origin: r.origin.clone() });
        }
    }
    crate::order::by_key(&mut presidencies, |x| crate::order::pair(x.body as u64, crate::order::date(x.start)));

    // parties, people's parties and governments; `independent` is no party
    let mut party_ids = HashMap::default();
    let mut parties = Vec::new();
    for r in take("parties") {
        l.unique(&mut party_ids, &r, r.get(0), parties.len(), "party");
        let country = l.lookup(&r, &country_ids, r.get(3), "country");
        let source = l.source(&r, 4);
        if r.get(1).is_empty() {
            l.err(&r.origin, "party has no name");
        }
        if let Some(country) = country {
            parties.push(Party { id: r.text(0), name: r.text(1), aliases: r.list(2), country, source, origin: r.origin.clone() });
        }
    }
    let party = |l: &mut Loader, r: &Row, id: &str| -> Option<Option<usize>> {
        if id == "independent" {
            Some(None)
        } else {
            l.lookup(r, &party_ids, id, "party").map(Some)
        }
    };
    let mut affiliations = Vec::new();
    for r in take("affiliations") {
        let person = l.lookup(&r, &person_ids, r.get(0), "person");
        let p = party(&mut l, &r, r.get(1));
        let start = l.date(&r, 2, "start", true);
        let end = l.opt_date(&r, 3, "end", true);
        let source = l.source(&r, 4);
        if let (Some(person), Some(party), Some(start)) = (person, p, start) {
            affiliations.push(Affiliation { person, party, start: start.start, end: end.map(|e| e.start), source, origin: r.origin.clone() });
        }
    }
    crate::order::by_key(&mut affiliations, |x| crate::order::pair(x.person as u64, crate::order::date(x.start)));
    let mut governments = Vec::new();
    for r in take("governments") {
        let country = l.lookup(&r, &country_ids, r.get(0), "country");
        let start = l.date(&r, 1, "start", true);
        let end = l.opt_date(&r, 2, "end", true);
        let members: Vec<Option<Option<usize>>> = r.list(3).iter().map(|id| party(&mut l, &r, id)).collect();
        if members.is_empty() {
            l.err(&r.origin, "government lists no party");
        }
        let source = l.source(&r, 4);
        if let (Some(country), Some(start), true) = (country, start, members.iter().all(Option::is_some)) {
            let parties = members.into_iter().flatten().collect();
            governments.push(Government { country, start: start.start, end: end.map(|e| e.start), parties, source, origin: r.origin.clone() });
        }
    }
    crate::order::by_key(&mut governments, |x| crate::order::pair(x.country as u64, crate::order::date(x.start)));

    if !l.errors.is_empty() {
        return Err(l.errors);
    }

    let mut table = Table::assemble(as_of, countries, people, offices, terms, orgs, memberships, elections);
    table.proposals = proposals;
    table.summits = summits;
    table.presidencies = presidencies;
    table.parties = parties;
    table.affiliations = affiliations;
    table.governments = governments;
    Ok(table)
}
