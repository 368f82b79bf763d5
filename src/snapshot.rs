//! The bundled facts table as a snapshot: parsed, checked and indexed at build time, stored
//! as compact binary, and read back at start-up.
//!
//! `build.rs` loads `data/` with the same loader as [`Table::from_files`] (a bad row stops the
//! build with its file, line and reason), builds the [`Matcher`], and writes both with
//! [`encode`]. [`decode`] reads them back. Reading is much less work than parsing the TSV
//! and indexing every name, and it is what a cold extension worker waits for: there the work
//! runs in WebAssembly's baseline tier, which also compiles each function on its first call,
//! so a short, simple reader is what keeps start-up fast.
//!
//! Layout: `FFS1`, then the table and the index. Numbers are LEB128 varints (signed ones
//! zigzagged); a string is written out where it first appears and as a number after that (a
//! source URL that many rows share is stored once); dates are days from the common era. The snapshot is only ever read by the build that wrote it, so the format has
//! no version of its own.
use crate::entities::Matcher;
use crate::facts::{
    Alias, Body, Country, DateRange, Election, Membership, Office, Org, Origin, Person, Precision, Presidency, Proposal, Summit, Table, Term, Text,
};
use chrono::{Datelike, NaiveDate};
use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

const MAGIC: &[u8; 4] = b"FFS1";

/// Writes a snapshot (in build.rs and the tests; the crate itself only reads).
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) struct Enc {
    body: Vec<u8>,
    /// Every string written so far, with its number (its order of first appearance).
    ids: HashMap<String, u32>,
    /// The last line written for each file: rows come in file order, so lines are written as
    /// the (small, repetitive) step from the row before.
    last_line: HashMap<String, u64>,
}

#[cfg_attr(not(test), allow(dead_code))]
impl Enc {
    fn new() -> Enc {
        Enc { body: Vec::new(), ids: HashMap::default(), last_line: HashMap::default() }
    }

    pub(crate) fn n(&mut self, v: usize) {
        let mut v = v as u64;
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.body.push(b);
                return;
            }
            self.body.push(b | 0x80);
        }
    }

    fn i(&mut self, v: i64) {
        self.n(((v << 1) ^ (v >> 63)) as usize);
    }

    pub(crate) fn b(&mut self, v: bool) {
        self.body.push(v as u8);
    }

    /// A string: written out where it first appears (0, then its bytes), and from then on
    /// as its number (1 for the first string written, and so on).
    pub(crate) fn s(&mut self, v: &str) {
        match self.ids.get(v) {
            Some(&id) => self.n(id as usize + 1),
            None => {
                self.ids.insert(v.to_string(), self.ids.len() as u32);
                self.n(0);
                self.bytes(v.as_bytes());
            }
        }
    }

    fn bytes(&mut self, v: &[u8]) {
        self.n(v.len());
        self.body.extend_from_slice(v);
    }

    fn strs(&mut self, v: &[Text]) {
        self.n(v.len());
        for s in v {
            self.s(s);
        }
    }

    pub(crate) fn ns(&mut self, v: &[usize]) {
        self.n(v.len());
        for &x in v {
            self.n(x);
        }
    }

    fn opt_n(&mut self, v: Option<usize>) {
        self.n(v.map_or(0, |x| x + 1));
    }

    fn date(&mut self, d: NaiveDate) {
        self.i(d.num_days_from_ce() as i64);
    }

    fn range(&mut self, r: &DateRange) {
        self.date(r.start);
        self.date(r.end);
        self.body.push(match r.precision {
            Precision::Year => 0,
            Precision::Month => 1,
            Precision::Span => 2,
            Precision::Day => 3,
        });
    }

    fn origin(&mut self, o: &Origin) {
        self.s(&o.file);
        let last = self.last_line.insert(o.file.to_string(), o.line).unwrap_or(0);
        self.i(o.line as i64 - last as i64);
    }

    fn finish(self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&self.body);
        out
    }
}

/// Reads a snapshot. The snapshot is the build's own output, so a malformed one is a bug in
/// this module: reading it panics with that said.
pub(crate) struct Dec<'a> {
    data: &'a [u8],
    pos: usize,
    strings: Vec<&'a str>,
    /// Per string: the file it names, shared by its rows, and the last line read in it.
    files: Vec<Option<(Arc<str>, u64)>>,
}

pub(crate) fn corrupt() -> ! {
    panic!("the bundled facts snapshot is corrupt (a bug in src/snapshot.rs)")
}

impl<'a> Dec<'a> {
    fn new(data: &'a [u8]) -> Dec<'a> {
        if data.get(..4) != Some(MAGIC.as_slice()) {
            corrupt();
        }
        Dec { data, pos: 4, strings: Vec::with_capacity(8192), files: Vec::with_capacity(8192) }
    }

    pub(crate) fn n(&mut self) -> usize {
        let mut v = 0u64;
        let mut shift = 0;
        loop {
            let b = *self.data.get(self.pos).unwrap_or_else(|| corrupt());
            self.pos += 1;
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return v as usize;
            }
            shift += 7;
        }
    }

    fn i(&mut self) -> i64 {
        let v = self.n() as u64;
        ((v >> 1) as i64) ^ -((v & 1) as i64)
    }

    pub(crate) fn b(&mut self) -> bool {
        self.n() != 0
    }

    /// A string and its number.
    fn str_id(&mut self) -> (&'a str, usize) {
        match self.n() {
            0 => {
                let s = std::str::from_utf8(self.bytes()).unwrap_or_else(|_| corrupt());
                self.strings.push(s);
                self.files.push(None);
                (s, self.strings.len() - 1)
            }
            k => (self.strings.get(k - 1).copied().unwrap_or_else(|| corrupt()), k - 1),
        }
    }

    /// A string, borrowed from the snapshot.
    pub(crate) fn str(&mut self) -> &'a str {
        self.str_id().0
    }

    /// A string, borrowed from the snapshot for as long as the program runs.
    pub(crate) fn s(&mut self) -> Text
    where
        'a: 'static,
    {
        Text::Borrowed(self.str())
    }

    fn bytes(&mut self) -> &'a [u8] {
        let len = self.n();
        let v = self.data.get(self.pos..self.pos + len).unwrap_or_else(|| corrupt());
        self.pos += len;
        v
    }

    fn strs(&mut self) -> Vec<Text>
    where
        'a: 'static,
    {
        let len = self.n();
        (0..len).map(|_| self.s()).collect()
    }

    pub(crate) fn ns(&mut self) -> Vec<usize> {
        let len = self.n();
        (0..len).map(|_| self.n()).collect()
    }

    fn opt_n(&mut self) -> Option<usize> {
        self.n().checked_sub(1)
    }

    fn date(&mut self) -> NaiveDate {
        let days = i32::try_from(self.i()).unwrap_or_else(|_| corrupt());
        NaiveDate::from_num_days_from_ce_opt(days).unwrap_or_else(|| corrupt())
    }

    fn range(&mut self) -> DateRange {
        let (start, end) = (self.date(), self.date());
        let precision = match self.n() {
            0 => Precision::Year,
            1 => Precision::Month,
            2 => Precision::Span,
            3 => Precision::Day,
            _ => corrupt(),
        };
        DateRange { start, end, precision }
    }

    fn origin(&mut self) -> Origin {
        let (file, id) = self.str_id();
        let step = self.i();
        let (file, last) = self.files[id].get_or_insert_with(|| (Arc::from(file), 0));
        *last = last.checked_add_signed(step).unwrap_or_else(|| corrupt());
        Origin { file: file.clone(), line: *last }
    }

    fn list<T>(&mut self, mut one: impl FnMut(&mut Self) -> T) -> Vec<T> {
        let len = self.n();
        let mut v = Vec::with_capacity(len);
        for _ in 0..len {
            v.push(one(self));
        }
        v
    }
}

/// The snapshot of `table` and its name index.
#[cfg_attr(not(test), allow(dead_code))]
pub fn encode(t: &Table, m: &Matcher) -> Vec<u8> {
    let mut e = Enc::new();
    e.date(t.as_of);
    e.n(t.countries.len());
    for c in &t.countries {
        e.s(&c.id);
        e.s(&c.name);
        e.strs(&c.aliases);
        e.strs(&c.adjectives);
        e.s(&c.source);
        e.origin(&c.origin);
    }
    e.n(t.people.len());
    for p in &t.people {
        e.s(&p.id);
        e.s(&p.name);
        e.n(p.aliases.len());
        for a in &p.aliases {
            e.s(&a.text);
            e.b(a.shared);
        }
        e.opt_n(p.country);
        e.s(&p.source);
        e.b(p.died.is_some());
        if let Some((d, src)) = &p.died {
            e.date(*d);
            e.s(src);
        }
        e.origin(&p.origin);
    }
    e.n(t.offices.len());
    for o in &t.offices {
        e.s(&o.id);
        e.s(&o.name);
        match o.jurisdiction {
            Body::Country(c) => {
                e.n(0);
                e.n(c);
            }
            Body::Org(g) => {
                e.n(1);
                e.n(g);
            }
        }
        e.strs(&o.titles);
        e.s(&o.kind);
        e.s(&o.source);
        e.b(o.honorific.is_some());
        if let Some(h) = &o.honorific {
            e.s(h);
        }
        e.b(o.verified_through.is_some());
        if let Some((d, src)) = &o.verified_through {
            e.date(*d);
            e.s(src);
        }
        e.origin(&o.origin);
    }
    e.n(t.terms.len());
    for x in &t.terms {
        e.n(x.person);
        e.n(x.office);
        e.date(x.start);
        e.b(x.end.is_some());
        if let Some(end) = x.end {
            e.date(end);
        }
        e.b(x.acting);
        e.b(x.gap_note);
        e.s(&x.source);
        e.origin(&x.origin);
    }
    e.n(t.orgs.len());
    for g in &t.orgs {
        e.s(&g.id);
        e.s(&g.name);
        e.strs(&g.aliases);
        e.b(g.founded.is_some());
        if let Some(f) = &g.founded {
            e.range(f);
        }
        e.n(g.founded_alt.len());
        for f in &g.founded_alt {
            e.range(f);
        }
        e.ns(&g.founders);
        e.b(g.members_complete);
        e.s(&g.source);
        e.origin(&g.origin);
    }
    e.n(t.memberships.len());
    for m in &t.memberships {
        e.n(m.country);
        e.n(m.org);
        e.s(&m.role);
        e.range(&m.joined);
        e.b(m.left.is_some());
        if let Some(l) = &m.left {
            e.range(l);
        }
        e.s(&m.source);
        e.origin(&m.origin);
    }
    e.n(t.elections.len());
    for x in &t.elections {
        e.n(x.country);
        e.s(&x.kind);
        e.opt_n(x.office);
        e.date(x.date);
        e.n(x.other_dates.len());
        for &d in &x.other_dates {
            e.date(d);
        }
        e.opt_n(x.winner);
        e.s(&x.source);
        e.origin(&x.origin);
    }
    e.n(t.proposals.len());
    for x in &t.proposals {
        e.s(&x.id);
        e.s(&x.name);
        e.strs(&x.aliases);
        e.n(x.originator);
        e.range(&x.date);
        e.b(x.exclusive);
        e.s(&x.source);
        e.origin(&x.origin);
    }
    e.n(t.summits.len());
    for x in &t.summits {
        e.n(x.body);
        e.opt_n(x.ordinal.map(|v| v as usize));
        e.date(x.start);
        e.date(x.end);
        e.strs(&x.cities);
        e.ns(&x.hosts);
        e.opt_n(x.chair);
        e.s(&x.source);
        e.origin(&x.origin);
    }
    e.n(t.presidencies.len());
    for x in &t.presidencies {
        e.n(x.body);
        e.n(x.holder);
        e.date(x.start);
        e.b(x.end.is_some());
        if let Some(end) = x.end {
            e.date(end);
        }
        e.s(&x.source);
        e.origin(&x.origin);
    }
    m.encode(&mut e);
    e.finish()
}

/// The table and name index that [`encode`] wrote.
pub fn decode(bytes: &'static [u8]) -> (Table, Matcher) {
    let mut d = Dec::new(bytes);
    let as_of = d.date();
    let countries = d.list(|d| Country { id: d.s(), name: d.s(), aliases: d.strs(), adjectives: d.strs(), source: d.s(), origin: d.origin() });
    let people = d.list(|d| Person {
        id: d.s(),
        name: d.s(),
        aliases: d.list(|d| Alias { text: d.s(), shared: d.b() }),
        country: d.opt_n(),
        source: d.s(),
        died: if d.b() { Some((d.date(), d.s())) } else { None },
        origin: d.origin(),
    });
    let offices = d.list(|d| Office {
        id: d.s(),
        name: d.s(),
        jurisdiction: match d.n() {
            0 => Body::Country(d.n()),
            1 => Body::Org(d.n()),
            _ => corrupt(),
        },
        titles: d.strs(),
        kind: d.s(),
        source: d.s(),
        honorific: if d.b() { Some(d.s()) } else { None },
        verified_through: if d.b() { Some((d.date(), d.s())) } else { None },
        origin: d.origin(),
    });
    let terms = d.list(|d| Term {
        person: d.n(),
        office: d.n(),
        start: d.date(),
        end: if d.b() { Some(d.date()) } else { None },
        acting: d.b(),
        gap_note: d.b(),
        source: d.s(),
        origin: d.origin(),
    });
    let orgs = d.list(|d| Org {
        id: d.s(),
        name: d.s(),
        aliases: d.strs(),
        founded: if d.b() { Some(d.range()) } else { None },
        founded_alt: d.list(|d| d.range()),
        founders: d.ns(),
        members_complete: d.b(),
        source: d.s(),
        origin: d.origin(),
    });
    let memberships = d.list(|d| Membership {
        country: d.n(),
        org: d.n(),
        role: d.s(),
        joined: d.range(),
        left: if d.b() { Some(d.range()) } else { None },
        source: d.s(),
        origin: d.origin(),
    });
    let elections = d.list(|d| Election {
        country: d.n(),
        kind: d.s(),
        office: d.opt_n(),
        date: d.date(),
        other_dates: d.list(|d| d.date()),
        winner: d.opt_n(),
        source: d.s(),
        origin: d.origin(),
    });
    let proposals = d.list(|d| Proposal {
        id: d.s(),
        name: d.s(),
        aliases: d.strs(),
        originator: d.n(),
        date: d.range(),
        exclusive: d.b(),
        source: d.s(),
        origin: d.origin(),
    });
    let summits = d.list(|d| Summit {
        body: d.n(),
        ordinal: d.opt_n().map(|v| v as u32),
        start: d.date(),
        end: d.date(),
        cities: d.strs(),
        hosts: d.list(|d| d.n()),
        chair: d.opt_n(),
        source: d.s(),
        origin: d.origin(),
    });
    let presidencies = d.list(|d| Presidency {
        body: d.n(),
        holder: d.n(),
        start: d.date(),
        end: if d.b() { Some(d.date()) } else { None },
        source: d.s(),
        origin: d.origin(),
    });
    let mut table = Table::assemble(as_of, countries, people, offices, terms, orgs, memberships, elections);
    table.proposals = proposals;
    table.summits = summits;
    table.presidencies = presidencies;
    let matcher = Matcher::decode(&mut d);
    if d.pos != bytes.len() {
        corrupt();
    }
    (table, matcher)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fresh() -> (Table, Matcher) {
        let table = Table::from_files(Table::bundled_files()).expect("the bundled files load");
        let matcher = Matcher::new(&table);
        (table, matcher)
    }

    /// Everything a matcher holds, in a comparable form.
    fn matcher_words(m: &Matcher) -> Vec<u8> {
        let mut e = Enc::new();
        m.encode(&mut e);
        e.finish()
    }

    #[test]
    fn the_bundled_snapshot_is_the_table_in_data() {
        let (table, matcher) = fresh();
        let (snap_table, snap_matcher) = crate::bundle::bundled();
        assert_eq!(format!("{snap_table:?}"), format!("{table:?}"));
        assert_eq!(matcher_words(&snap_matcher), matcher_words(&matcher));
        // And the index finds the same things in text that names every entry.
        let text: String = matcher.names().map(|n| format!("{n}. ")).collect();
        let hits = |m: &Matcher| m.find(&text).hits.iter().map(|h| (h.start, h.end, h.kind, h.refs.to_vec())).collect::<Vec<_>>();
        assert_eq!(hits(&snap_matcher), hits(&matcher));
        assert!(hits(&matcher).len() > 1000);
    }

    #[test]
    fn encoding_twice_gives_the_same_bytes_and_decoding_is_exact() {
        let (table, matcher) = fresh();
        // The decoder borrows its strings for the program's life, as from the bundled snapshot.
        let bytes: &'static [u8] = encode(&table, &matcher).leak();
        let (t2, m2) = decode(bytes);
        assert_eq!(encode(&t2, &m2), bytes);
        assert_eq!(format!("{t2:?}"), format!("{table:?}"));
    }

    #[test]
    #[should_panic(expected = "corrupt")]
    fn a_truncated_snapshot_is_reported_as_a_bug() {
        let (table, matcher) = fresh();
        let bytes: &'static [u8] = encode(&table, &matcher).leak();
        decode(&bytes[..bytes.len() / 2]);
    }
}
