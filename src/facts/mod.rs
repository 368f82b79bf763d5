//! The facts table: what FactFlag knows, loaded once and indexed for checking.
//!
//! The table is a set of tab-separated files under `data/` (see `data/README.md` for the
//! schema), bundled into the crate by `build.rs`, which also parses them, checks them and
//! stores the result as a snapshot that [`Table::bundled`] reads;
//! [`Table::from_files`] parses any other set of files with the same layout, which is how
//! `factflag facts lint --data DIR` and the tests check a table before it ships.
//!
//! Loading rejects a row that cannot be understood (a bad date, a missing or non-http(s)
//! source, a reference to an unknown id, a duplicate id) with the file, the line and the
//! reason. [`Table::lint`] adds the checks that need the whole table: overlapping terms in a
//! single-holder office, ends before starts, dates after `as_of`, and shared aliases that are
//! not marked as shared.

mod date;
mod due;
mod lint;
mod load;
pub mod yours;

pub use date::{human, DateRange, Precision, MONTHS};
pub use due::Due;
pub use load::FactsError;

use chrono::NaiveDate;
use rustc_hash::FxHashMap as HashMap;

/// A string of the table: borrowed from the bundled snapshot, which is part of the program,
/// or owned when the table was read from files. Reading the snapshot then allocates no string.
pub type Text = std::borrow::Cow<'static, str>;

/// Where a row came from, for error messages and audits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// The file, relative to the crate (`data/terms/asia.tsv`), shared by its rows.
    pub file: std::sync::Arc<str>,
    /// The 1-based line number.
    pub line: u64,
}

impl Origin {
    /// Whether the row is one of your own facts ([`yours`]), not the bundled table's.
    pub fn is_yours(&self) -> bool {
        self.file.starts_with(yours::PREFIX)
    }
}

/// A country.
#[derive(Clone, Debug)]
pub struct Country {
    /// ISO 3166-1 alpha-2, lower case.
    pub id: Text,
    /// Common English name.
    pub name: Text,
    /// Other names news uses.
    pub aliases: Vec<Text>,
    /// Demonyms used before titles ("Japanese").
    pub adjectives: Vec<Text>,
    /// Its capital or capitals, with the spellings news uses (`capitals.tsv`): places the
    /// table knows, so that a place named where another belongs is seen as a confusion.
    pub capitals: Vec<Text>,
    /// The page that states it.
    pub source: Text,
    /// Where the row is.
    pub origin: Origin,
}

/// A person.
#[derive(Clone, Debug)]
pub struct Person {
    /// Slug of the name.
    pub id: Text,
    /// Full name.
    pub name: Text,
    /// Other names; `shared` ones must be resolved from context.
    pub aliases: Vec<Alias>,
    /// Country of nationality, as an index into [`Table::countries`] (if known).
    pub country: Option<usize>,
    /// The page that states it.
    pub source: Text,
    /// The day the person died, and the page that states it (`data/deaths.tsv`).
    pub died: Option<(NaiveDate, Text)>,
    /// Where the row is.
    pub origin: Origin,
}

/// A name by which a person is known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alias {
    /// The text.
    pub text: Text,
    /// Written with a leading `?`: shared with another person, resolve from context.
    pub shared: bool,
}

/// What an office or an organisation belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Body {
    /// An index into [`Table::countries`].
    Country(usize),
    /// An index into [`Table::orgs`].
    Org(usize),
}

/// An office (a post that one person holds at a time).
#[derive(Clone, Debug)]
pub struct Office {
    /// `<jurisdiction>-<short>`.
    pub id: Text,
    /// Canonical name ("Prime Minister of Japan").
    pub name: Text,
    /// The country or organisation.
    pub jurisdiction: Body,
    /// Every title variant news uses.
    pub titles: Vec<Text>,
    /// `head_of_state`, `head_of_government`, `minister`, …
    pub kind: Text,
    /// The page that states it.
    pub source: Text,
    /// Where news keeps the title for former holders as an honorific ("President Trump" in
    /// 2022), the page that states the convention; `None` where a title before a name says
    /// the person holds the office on the date the sentence speaks of.
    pub honorific: Option<Text>,
    /// The last day for which a reference confirms who holds the office, and that reference,
    /// when it is earlier than the table's `as_of` (`data/verified.tsv`): claims about later
    /// days are `unknown`.
    pub verified_through: Option<(NaiveDate, Text)>,
    /// Where the row is.
    pub origin: Origin,
}

/// One continuous term of one person in one office.
#[derive(Clone, Debug)]
pub struct Term {
    /// Index into [`Table::people`].
    pub person: usize,
    /// Index into [`Table::offices`].
    pub office: usize,
    /// First day in office.
    pub start: NaiveDate,
    /// Last day in office (the day power passed); `None` if still in office on `as_of`.
    pub end: Option<NaiveDate>,
    /// An acting or interim holder.
    pub acting: bool,
    /// The row's note says a gap next to it is deliberate: it starts with `gap:` (no holder
    /// before this term) or `abolished:` (none after it).
    pub gap_note: bool,
    /// The page that states it.
    pub source: Text,
    /// Where the row is.
    pub origin: Origin,
}

/// An organisation.
#[derive(Clone, Debug)]
pub struct Org {
    /// Short id (`nato`).
    pub id: Text,
    /// Full name.
    pub name: Text,
    /// Acronyms and other names.
    pub aliases: Vec<Text>,
    /// Founding date.
    pub founded: Option<DateRange>,
    /// Other founding dates that reputable sources give.
    pub founded_alt: Vec<DateRange>,
    /// Founding members (indexes into [`Table::countries`]).
    pub founders: Vec<usize>,
    /// Whether the memberships list every member, past and present.
    pub members_complete: bool,
    /// Where it was founded (`founding.tsv`): every city where reputable sources place a
    /// founding act. Empty when the table does not say.
    pub founded_in: Vec<Text>,
    /// The page that states where (empty with no places).
    pub founded_in_source: Text,
    /// The page that states it.
    pub source: Text,
    /// Where the row is.
    pub origin: Origin,
}

/// A country's relation with an organisation over a span of time.
#[derive(Clone, Debug)]
pub struct Membership {
    /// Index into [`Table::countries`].
    pub country: usize,
    /// Index into [`Table::orgs`].
    pub org: usize,
    /// `member`, `founding-member`, `permanent-member`, `partner`, `observer`, `candidate`.
    pub role: Text,
    /// When it began.
    pub joined: DateRange,
    /// When it ended, if it did before `as_of`.
    pub left: Option<DateRange>,
    /// The page that states it.
    pub source: Text,
    /// Where the row is.
    pub origin: Origin,
}

impl Membership {
    /// A full member (as opposed to a partner, observer or candidate).
    pub fn is_member(&self) -> bool {
        matches!(&*self.role, "member" | "founding-member" | "permanent-member")
    }
}

/// A national election.
#[derive(Clone, Debug)]
pub struct Election {
    /// Index into [`Table::countries`].
    pub country: usize,
    /// `presidential`, `general`, `federal`, `parliamentary`, `legislative`.
    pub kind: Text,
    /// The office it decides, if in the table.
    pub office: Option<usize>,
    /// Election day (the decisive round).
    pub date: NaiveDate,
    /// Other rounds or polling days.
    pub other_dates: Vec<NaiveDate>,
    /// The winner, if in the table.
    pub winner: Option<usize>,
    /// Who led the party or list that came first in votes or seats, where that is not the
    /// winner (news says they "won" it too: Feijóo in Spain, 2023).
    pub first: Vec<usize>,
    /// Who lost its decisive round, where that was a runoff between two (a person id).
    pub runner_up: Option<usize>,
    /// The page that states it.
    pub source: Text,
    /// Where the row is.
    pub origin: Origin,
}

/// A proposal, doctrine or signature phrase with a single, well-sourced originator
/// (`data/proposals.tsv`): "the Asian version of NATO" is Shigeru Ishiba's (2024).
#[derive(Clone, Debug)]
pub struct Proposal {
    /// Slug (`asian-nato`).
    pub id: Text,
    /// The usual English name.
    pub name: Text,
    /// Other forms news uses.
    pub aliases: Vec<Text>,
    /// Index into [`Table::people`].
    pub originator: usize,
    /// When it was first proposed.
    pub date: DateRange,
    /// Whether saying someone else proposed it is an error (authorship undisputed and
    /// nobody else known for it).
    pub exclusive: bool,
    /// The page that states it.
    pub source: Text,
    /// Where the row is.
    pub origin: Origin,
}

/// A summit of an organisation (`data/summits.tsv`): "the 49th G7 summit, Hiroshima, 19–21
/// May 2023, hosted by Japan".
#[derive(Clone, Debug)]
pub struct Summit {
    /// Index into [`Table::orgs`].
    pub body: usize,
    /// The official number, where the body numbers its summits.
    pub ordinal: Option<u32>,
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// The names news gives the place, the main one first (empty for a virtual summit).
    pub cities: Vec<Text>,
    /// The host countries (indexes into [`Table::countries`]).
    pub hosts: Vec<usize>,
    /// The person who chaired it, if in the table.
    pub chair: Option<usize>,
    /// The page that states it.
    pub source: Text,
    /// Where the row is.
    pub origin: Origin,
}

/// A political party (`data/parties/parties.tsv`): one row per lineage, a renamed party's
/// former names among its aliases.
#[derive(Clone, Debug)]
pub struct Party {
    /// Stable id (`gb-labour`).
    pub id: Text,
    /// Its name in English news ("Labour Party").
    pub name: Text,
    /// Other names, short forms and the plural its members go by ("Tories").
    pub aliases: Vec<Text>,
    /// Index into [`Table::countries`].
    pub country: usize,
    /// The page that states it.
    pub source: Text,
    /// Where the row is.
    pub origin: Origin,
}

/// A person's party while holding a head of state or government term
/// (`data/parties/affiliations.tsv`). Days no row covers are not confirmed either way.
#[derive(Clone, Debug)]
pub struct Affiliation {
    /// Index into [`Table::people`].
    pub person: usize,
    /// Index into [`Table::parties`]; `None` for a non-party ("independent") holder.
    pub party: Option<usize>,
    /// First day.
    pub start: NaiveDate,
    /// Last day confirmed, or the day of a change; `None` if still so on `as_of`.
    pub end: Option<NaiveDate>,
    /// The page that states it.
    pub source: Text,
    /// Where the row is.
    pub origin: Origin,
}

/// The parties in government in a parliamentary system (`data/parties/governments.tsv`): the
/// head of government's party first, then every formal coalition partner. Days no row covers
/// are not confirmed either way.
#[derive(Clone, Debug)]
pub struct Government {
    /// Index into [`Table::countries`].
    pub country: usize,
    /// First day.
    pub start: NaiveDate,
    /// The day it changed; `None` if still so on `as_of`.
    pub end: Option<NaiveDate>,
    /// Indices into [`Table::parties`]; `None` for a technocratic cabinet's non-party ministers.
    pub parties: Vec<Option<usize>>,
    /// The page that states it.
    pub source: Text,
    /// Where the row is.
    pub origin: Origin,
}

/// A country's term in a rotating presidency or chair (`data/presidencies.tsv`).
#[derive(Clone, Debug)]
pub struct Presidency {
    /// Index into [`Table::orgs`].
    pub body: usize,
    /// Index into [`Table::countries`].
    pub holder: usize,
    /// First day.
    pub start: NaiveDate,
    /// The day the next holder took over; `None` if still running on `as_of`.
    pub end: Option<NaiveDate>,
    /// The page that states it.
    pub source: Text,
    /// Where the row is.
    pub origin: Origin,
}

/// The whole table with its indexes. Built once, then only read.
#[derive(Clone, Debug)]
pub struct Table {
    /// The date the whole table is true on.
    pub as_of: NaiveDate,
    /// Countries.
    pub countries: Vec<Country>,
    /// People.
    pub people: Vec<Person>,
    /// Offices.
    pub offices: Vec<Office>,
    /// Terms of office.
    pub terms: Vec<Term>,
    /// Organisations.
    pub orgs: Vec<Org>,
    /// Memberships.
    pub memberships: Vec<Membership>,
    /// Elections.
    pub elections: Vec<Election>,
    /// Proposals, doctrines and signature phrases, each with its originator.
    pub proposals: Vec<Proposal>,
    /// Summits of the organisations, in order of start.
    pub summits: Vec<Summit>,
    /// Rotating presidencies and chairs, in order of start.
    pub presidencies: Vec<Presidency>,
    /// Political parties.
    pub parties: Vec<Party>,
    /// People's parties while in office.
    pub affiliations: Vec<Affiliation>,
    /// Parties in government, by country and date.
    pub governments: Vec<Government>,
    terms_by_office: Groups,
    terms_by_person: Groups,
    members_by_org: Groups,
    elections_by_country: Groups,
}

/// Counts per kind, as `factflag facts stats` prints them.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Stats {
    /// The table's `as_of` date.
    pub as_of: String,
    /// Countries.
    pub countries: usize,
    /// People.
    pub people: usize,
    /// Offices.
    pub offices: usize,
    /// Terms of office.
    pub terms: usize,
    /// Organisations.
    pub organisations: usize,
    /// Organisations with at least one member row.
    pub organisations_with_members: usize,
    /// Membership rows.
    pub memberships: usize,
    /// Elections.
    pub elections: usize,
    /// Countries whose heads of state and of government are complete from 2000 to the day
    /// each office is confirmed: every such office of the country has a holder on every day,
    /// with no gap longer than a month.
    pub countries_complete: usize,
    /// Offices confirmed only to a date earlier than `as_of` (`verified.tsv`).
    pub offices_verified_earlier: usize,
    /// People with a date of death (`deaths.tsv`).
    pub deaths: usize,
}

impl Table {
    /// Whether office `o` has a holder on every day from 2000-01-01 to the day it is
    /// confirmed, with no gap longer than `max_gap` days.
    pub fn complete_since_2000(&self, o: usize, max_gap: i64) -> bool {
        let from = NaiveDate::from_ymd_opt(2000, 1, 1).expect("a valid date");
        let mut terms: Vec<&Term> = self.terms_of_office(o).collect();
        crate::order::by_key(&mut terms, |x| crate::order::date(x.start));
        let mut reach = from;
        for x in terms {
            if self.term_end(x) < from {
                continue;
            }
            if (x.start - reach).num_days() > max_gap {
                return false;
            }
            reach = reach.max(self.term_end(x));
        }
        (self.covered(o) - reach).num_days() <= max_gap || self.terms_of_office(o).any(|x| x.gap_note && x.end.is_some_and(|e| e == reach))
    }

    /// The countries whose heads of state and of government are complete since 2000.
    pub fn complete_countries(&self) -> Vec<usize> {
        (0..self.countries.len())
            .filter(|&c| {
                let heads: Vec<usize> = (0..self.offices.len())
                    .filter(|&o| self.offices[o].jurisdiction == Body::Country(c) && matches!(&*self.offices[o].kind, "head_of_state" | "head_of_government"))
                    .collect();
                heads.iter().any(|&o| &*self.offices[o].kind == "head_of_state") && heads.iter().all(|&o| self.complete_since_2000(o, 31))
            })
            .collect()
    }

    /// A table from its rows, indexed.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn assemble(
        as_of: NaiveDate,
        countries: Vec<Country>,
        people: Vec<Person>,
        offices: Vec<Office>,
        terms: Vec<Term>,
        orgs: Vec<Org>,
        memberships: Vec<Membership>,
        elections: Vec<Election>,
    ) -> Table {
        let mut t = Table {
            as_of,
            countries,
            people,
            offices,
            terms,
            orgs,
            memberships,
            elections,
            proposals: Vec::new(),
            summits: Vec::new(),
            presidencies: Vec::new(),
            parties: Vec::new(),
            affiliations: Vec::new(),
            governments: Vec::new(),
            terms_by_office: Groups::default(),
            terms_by_person: Groups::default(),
            members_by_org: Groups::default(),
            elections_by_country: Groups::default(),
        };
        t.index();
        t
    }

    /// Parses a table from `(path, contents)` pairs laid out like `data/`: `meta.tsv`,
    /// `countries/*.tsv`, `people/*.tsv`, `offices/*.tsv`, `terms/*.tsv`, `orgs.tsv`,
    /// `memberships.tsv` and `elections/*.tsv`. Every bad row is reported, not just the first.
    pub fn from_files<P: AsRef<str>, C: AsRef<str>>(files: &[(P, C)]) -> Result<Table, Vec<FactsError>> {
        load::load(files)
    }

    /// `base` (files laid out like `data/`, such as [`Table::bundled_files`]) with your own facts
    /// merged over it (`(name, contents)` files in the schema of `data/`; see [`yours`]): your
    /// rows win. Errors in your files carry their own names and lines.
    pub fn with_yours<P: AsRef<str>, C: AsRef<str>>(base: &[(P, C)], yours: &[(String, String)]) -> Result<Table, Vec<FactsError>> {
        let (files, names) = yours::merge(base, yours)?;
        load::load(&files).map_err(|e| yours::rename(e, &names))
    }

    /// [`Table::with_yours`], then [`Table::lint`] over the merged table: errors in your files
    /// carry their own names and lines (a row of yours can also clash with the table's rows,
    /// which are named as they are in `data/`).
    pub fn with_yours_linted<P: AsRef<str>, C: AsRef<str>>(base: &[(P, C)], yours: &[(String, String)]) -> Result<Table, Vec<FactsError>> {
        let (files, names) = yours::merge(base, yours)?;
        let table = load::load(&files).map_err(|e| yours::rename(e, &names))?;
        let errors = table.lint();
        if errors.is_empty() {
            Ok(table)
        } else {
            Err(yours::rename(errors, &names))
        }
    }

    /// The sources of the rows that are your own facts ([`Table::with_yours`]).
    pub fn sources_of_yours(&self) -> std::collections::HashSet<&str> {
        let mut out = std::collections::HashSet::new();
        fn add<'a>(out: &mut std::collections::HashSet<&'a str>, o: &Origin, s: &'a str) {
            if o.is_yours() {
                out.insert(s);
            }
        }
        self.countries.iter().for_each(|x| add(&mut out, &x.origin, &x.source));
        self.people.iter().for_each(|x| add(&mut out, &x.origin, &x.source));
        self.offices.iter().for_each(|x| add(&mut out, &x.origin, &x.source));
        self.terms.iter().for_each(|x| add(&mut out, &x.origin, &x.source));
        self.orgs.iter().for_each(|x| add(&mut out, &x.origin, &x.source));
        self.memberships.iter().for_each(|x| add(&mut out, &x.origin, &x.source));
        self.elections.iter().for_each(|x| add(&mut out, &x.origin, &x.source));
        self.proposals.iter().for_each(|x| add(&mut out, &x.origin, &x.source));
        self.summits.iter().for_each(|x| add(&mut out, &x.origin, &x.source));
        self.presidencies.iter().for_each(|x| add(&mut out, &x.origin, &x.source));
        self.parties.iter().for_each(|x| add(&mut out, &x.origin, &x.source));
        self.affiliations.iter().for_each(|x| add(&mut out, &x.origin, &x.source));
        self.governments.iter().for_each(|x| add(&mut out, &x.origin, &x.source));
        out
    }

    /// The checks that need the whole table; an empty list means the table is clean.
    pub fn lint(&self) -> Vec<FactsError> {
        lint::lint(self)
    }

    /// Counts per kind.
    pub fn stats(&self) -> Stats {
        Stats {
            as_of: self.as_of.to_string(),
            countries: self.countries.len(),
            people: self.people.len(),
            offices: self.offices.len(),
            terms: self.terms.len(),
            organisations: self.orgs.len(),
            organisations_with_members: (0..self.orgs.len()).filter(|&g| !self.members_by_org.get(g).is_empty()).count(),
            memberships: self.memberships.len(),
            elections: self.elections.len(),
            countries_complete: self.complete_countries().len(),
            offices_verified_earlier: self.offices.iter().filter(|o| o.verified_through.is_some()).count(),
            deaths: self.people.iter().filter(|p| p.died.is_some()).count(),
        }
    }

    pub(crate) fn index(&mut self) {
        let terms = &self.terms;
        // Each row's sort key once: a date's day number takes chrono some arithmetic.
        let term_keys: Vec<u64> =
            terms.iter().map(|x| crate::order::pair(crate::order::date(x.start), x.end.map_or(0, |e| crate::order::date(e) + 1))).collect();
        self.terms_by_office = Groups::new(self.offices.len(), terms.iter().map(|x| x.office), &term_keys);
        self.terms_by_person = Groups::new(self.people.len(), terms.iter().map(|x| x.person), &term_keys);
        self.members_by_org = Groups::new(self.orgs.len(), self.memberships.iter().map(|m| m.org), &vec![0; self.memberships.len()]);
        let election_keys: Vec<u64> = self.elections.iter().map(|e| crate::order::date(e.date)).collect();
        self.elections_by_country = Groups::new(self.countries.len(), self.elections.iter().map(|e| e.country), &election_keys);
    }

    /// Terms of an office, ordered by start.
    pub fn terms_of_office(&self, office: usize) -> impl Iterator<Item = &Term> {
        self.terms_by_office.get(office).iter().map(move |&i| &self.terms[i as usize])
    }

    /// Terms of a person, ordered by start.
    pub fn terms_of_person(&self, person: usize) -> impl Iterator<Item = &Term> {
        self.terms_by_person.get(person).iter().map(move |&i| &self.terms[i as usize])
    }

    /// Memberships of an organisation.
    pub fn members_of(&self, org: usize) -> impl Iterator<Item = &Membership> {
        self.members_by_org.get(org).iter().map(move |&i| &self.memberships[i as usize])
    }

    /// Elections of a country, ordered by date.
    pub fn elections_of(&self, country: usize) -> impl Iterator<Item = &Election> {
        self.elections_by_country.get(country).iter().map(move |&i| &self.elections[i as usize])
    }

    /// The last day a term is known to hold: its end, or, for an open term, the last day its
    /// office is confirmed ([`Table::covered`]).
    /// (Out of line, as is [`Table::covered`]: inlined at their many callers the two cost 1.7 KB
    /// gzipped.)
    #[inline(never)]
    pub fn term_end(&self, t: &Term) -> NaiveDate {
        t.end.unwrap_or_else(|| self.covered(t.office))
    }

    /// The last day for which the table confirms who holds office `o`: `as_of`, or the
    /// office's earlier `verified_through` date.
    #[inline(never)]
    pub fn covered(&self, o: usize) -> NaiveDate {
        self.offices[o].verified_through.as_ref().map(|v| v.0.min(self.as_of)).unwrap_or(self.as_of)
    }
}

/// Rows grouped by a key (an office, a person, an organisation, a country): the row numbers
/// of key `k` are `items[starts[k]..starts[k + 1]]`. One list for all keys rather than a
/// `Vec` per key: reading the bundled table at start-up made some 2,500 small vectors and
/// grew each by pushing, which in WebAssembly's baseline tier took a tenth of the read.
#[derive(Clone, Debug, Default)]
struct Groups {
    starts: Vec<u32>,
    items: Vec<u32>,
}

impl Groups {
    /// Groups rows by `keys` (one per row, each below `n`), each group ordered by the rows'
    /// `order` (stable: rows with equal keys stay in table order).
    /// Never inlined into `Table::index`: see `snapshot::read`.
    #[inline(never)]
    fn new(n: usize, keys: impl Iterator<Item = usize> + Clone, order: &[u64]) -> Groups {
        let mut starts = vec![0u32; n + 1];
        for k in keys.clone() {
            starts[k + 1] += 1;
        }
        for k in 0..n {
            starts[k + 1] += starts[k];
        }
        let mut next = starts.clone();
        let mut items = vec![0u32; starts[n] as usize];
        for (i, k) in keys.enumerate() {
            items[next[k] as usize] = i as u32;
            next[k] += 1;
        }
        for k in 0..n {
            crate::order::slice_by_key(&mut items[starts[k] as usize..starts[k + 1] as usize], |&i| order[i as usize]);
        }
        Groups { starts, items }
    }

    /// The rows of key `k` (none for a key past the end).
    fn get(&self, k: usize) -> &[u32] {
        match (self.starts.get(k), self.starts.get(k + 1)) {
            (Some(&a), Some(&b)) => &self.items[a as usize..b as usize],
            _ => &[],
        }
    }
}
