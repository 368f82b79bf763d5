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
//! Layout: `FFS2`; every string once, in order of first use, as the count, each length, then
//! all their bytes (read and checked as UTF-8 in one pass); then the table and the index,
//! where a string's first use is 0 and a later one its number plus one. Numbers are LEB128 varints (signed ones zigzagged); dates are days from the
//! common era. The name index's first-word keys are stored too (computed with a hash that
//! gives the same number on every platform), so start-up neither hashes nor sorts them.
//!
//! The snapshot is only ever read by the build that wrote it, so the format has no version
//! of its own beyond the magic. It is still read as untrusted bytes: a malformed snapshot
//! (truncated, a number out of range, an index past its list) is an error that says where
//! reading stopped, never a panic or an out-of-bounds index later.
use crate::entities::Matcher;
use crate::facts::{
    Affiliation, Alias, Body, Country, DateRange, Election, Government, Membership, Office, Org, Origin, Party, Person, Precision, Presidency, Proposal,
    Summit, Table, Term, Text,
};
use chrono::{Datelike, NaiveDate};
use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

const MAGIC: &[u8; 4] = b"FFS2";

/// Writes a snapshot (in build.rs and the tests; the crate itself only reads).
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) struct Enc {
    body: Vec<u8>,
    /// Every string written so far, with its number (its order of first appearance).
    ids: HashMap<String, u32>,
    /// The strings in that order.
    strings: Vec<String>,
    /// The last line written for each file: rows come in file order, so lines are written as
    /// the (small, repetitive) step from the row before.
    last_line: HashMap<String, u64>,
}

#[cfg_attr(not(test), allow(dead_code))]
impl Enc {
    fn new() -> Enc {
        Enc { body: Vec::new(), ids: HashMap::default(), strings: Vec::new(), last_line: HashMap::default() }
    }

    pub(crate) fn n(&mut self, v: usize) {
        varint(&mut self.body, v as u64);
    }

    fn i(&mut self, v: i64) {
        self.n(((v << 1) ^ (v >> 63)) as usize);
    }

    pub(crate) fn b(&mut self, v: bool) {
        self.body.push(v as u8);
    }

    /// A string: 0 where it first appears (the next string of the string section, which
    /// holds them in order of first appearance), and from then on its number plus one. The
    /// body then carries no running count (gzipped, numbering first uses too made the
    /// snapshot a fifth larger).
    pub(crate) fn s(&mut self, v: &str) {
        match self.ids.get(v) {
            Some(&id) => self.n(id as usize + 1),
            None => {
                self.ids.insert(v.to_string(), self.strings.len() as u32);
                self.strings.push(v.to_string());
                self.n(0);
            }
        }
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

    /// A date that may be missing (a term still running): a flag, then the date.
    fn opt_date(&mut self, d: Option<NaiveDate>) {
        self.b(d.is_some());
        if let Some(d) = d {
            self.date(d);
        }
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

    pub(crate) fn finish(self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        varint(&mut out, self.strings.len() as u64);
        for x in &self.strings {
            varint(&mut out, x.len() as u64);
        }
        for x in &self.strings {
            out.extend_from_slice(x.as_bytes());
        }
        out.extend_from_slice(&self.body);
        out
    }
}

#[cfg_attr(not(test), allow(dead_code))]
fn varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// Why a snapshot could not be read: what was wrong, and the byte where reading stopped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SnapshotError {
    /// What was wrong.
    pub what: &'static str,
    /// The byte offset where it was found.
    pub at: usize,
}

impl std::fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "the bundled facts snapshot is malformed at byte {}: {}", self.at, self.what)
    }
}

impl std::error::Error for SnapshotError {}

/// Reads a snapshot. After the first fault it stops: every later read gives a neutral value
/// (0, "", an empty list) without looking at the bytes, and [`Dec::error`] says what and
/// where. So the readers of each record need no error paths of their own, and a corrupt
/// length can never start a long loop or a huge allocation.
pub(crate) struct Dec<'a> {
    data: &'a [u8],
    pos: usize,
    strings: Vec<&'a str>,
    /// The files rows have named: the string's number, the name shared by their rows, and
    /// the last line read in it. Rows come file by file, so the last one is nearly always
    /// the one asked for.
    files: Vec<(usize, Arc<str>, u64)>,
    /// The file of rows whose origin is not read (one shared empty name).
    #[cfg(feature = "table-beside")]
    no_file: Arc<str>,
    error: Option<SnapshotError>,
    /// The number of the next string to appear for the first time.
    next_new: usize,
    /// How a string becomes the table's: borrowed when the bytes live as long as the program.
    text: fn(&'a str) -> Text,
}

impl<'a> Dec<'a> {
    /// Never inlined into the reader (see [`read`]).
    #[inline(never)]
    fn new(data: &'a [u8], text: fn(&'a str) -> Text) -> Dec<'a> {
        let mut d = Dec {
            data,
            pos: 4,
            strings: Vec::new(),
            files: Vec::new(),
            #[cfg(feature = "table-beside")]
            no_file: Arc::from(""),
            error: None,
            next_new: 0,
            text,
        };
        if data.get(..4) != Some(MAGIC.as_slice()) {
            d.pos = 0;
            d.fail("it does not start with the snapshot's magic bytes");
            return d;
        }
        let count = d.n().min(data.len());
        let lens: Vec<usize> = (0..count).map(|_| d.n()).collect();
        let total = lens.iter().fold(0usize, |a, &l| a.saturating_add(l));
        let Some(blob) = data.get(d.pos..d.pos.saturating_add(total)) else {
            d.fail("the strings run past its end");
            return d;
        };
        let Ok(blob) = std::str::from_utf8(blob) else {
            d.fail("a string is not UTF-8");
            return d;
        };
        d.pos += total;
        d.strings.reserve_exact(count);
        let mut at = 0;
        for l in lens {
            match blob.get(at..at + l) {
                Some(x) => d.strings.push(x),
                None => {
                    d.fail("a string ends inside a character");
                    return d;
                }
            }
            at += l;
        }
        d
    }

    /// Records the first fault and stops reading.
    pub(crate) fn fail(&mut self, what: &'static str) {
        if self.error.is_none() {
            self.error = Some(SnapshotError { what, at: self.pos });
        }
        self.pos = self.data.len();
    }

    /// Whether reading has stopped at a fault.
    pub(crate) fn failed(&self) -> bool {
        self.error.is_some()
    }

    /// A number. One- and two-byte numbers (nearly all: lengths, list counts, string and
    /// row numbers below 16,384) are read inline; in WebAssembly's baseline tier, where the
    /// start-up read runs, a call per number was a fifth of its time (node's profiler).
    #[inline(always)]
    pub(crate) fn n(&mut self) -> usize {
        if let Some(&[a, b]) = self.data.get(self.pos..self.pos + 2).map(|x| <&[u8; 2]>::try_from(x).unwrap_or(&[0x80, 0x80])) {
            if a < 0x80 {
                self.pos += 1;
                return a as usize;
            }
            if b < 0x80 {
                self.pos += 2;
                return (a & 0x7f) as usize | (b as usize) << 7;
            }
        }
        self.n_long()
    }

    /// A number of any length, or the fault of a snapshot that ends inside one.
    #[inline(never)]
    fn n_long(&mut self) -> usize {
        let mut v = 0u64;
        let mut shift = 0;
        loop {
            let Some(&b) = self.data.get(self.pos) else {
                if !self.failed() {
                    self.fail("it ends in the middle of a record");
                }
                return 0;
            };
            self.pos += 1;
            if shift > 63 {
                self.fail("a number is too long");
                return 0;
            }
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return usize::try_from(v).unwrap_or_else(|_| {
                    self.fail("a number is too large");
                    0
                });
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
        let k = match self.n() {
            0 => {
                self.next_new += 1;
                self.next_new - 1
            }
            k => k - 1,
        };
        match self.strings.get(k) {
            Some(&x) => (x, k),
            None => {
                if !self.failed() {
                    self.fail("a string number is past the string section");
                }
                ("", usize::MAX)
            }
        }
    }

    /// A string, borrowed from the snapshot.
    pub(crate) fn str(&mut self) -> &'a str {
        self.str_id().0
    }

    /// A string for the table: borrowed from the bundled snapshot for as long as the program
    /// runs, copied from any other bytes.
    pub(crate) fn s(&mut self) -> Text {
        let x = self.str();
        (self.text)(x)
    }

    fn strs(&mut self) -> Vec<Text> {
        self.list(|d| d.s())
    }

    pub(crate) fn ns(&mut self) -> Vec<usize> {
        self.list(|d| d.n())
    }

    /// A list's length: never more than the bytes left, since every item takes at least one.
    pub(crate) fn len(&mut self) -> usize {
        let n = self.n();
        if n > self.data.len() - self.pos {
            self.fail("a list is longer than what is left");
            return 0;
        }
        n
    }

    fn opt_n(&mut self) -> Option<usize> {
        self.n().checked_sub(1)
    }

    /// A date that may be missing ([`Enc::opt_date`]).
    fn opt_date(&mut self) -> Option<NaiveDate> {
        if self.b() {
            Some(self.date())
        } else {
            None
        }
    }

    fn date(&mut self) -> NaiveDate {
        match i32::try_from(self.i()).ok().and_then(NaiveDate::from_num_days_from_ce_opt) {
            Some(d) => d,
            None => {
                self.fail("a date is out of range");
                NaiveDate::MIN
            }
        }
    }

    fn range(&mut self) -> DateRange {
        let (start, end) = (self.date(), self.date());
        let precision = match self.n() {
            0 => Precision::Year,
            1 => Precision::Month,
            2 => Precision::Span,
            3 => Precision::Day,
            _ => {
                self.fail("a date's precision is unknown");
                Precision::Day
            }
        };
        DateRange { start, end, precision }
    }

    fn origin(&mut self) -> Origin {
        let (file, id) = self.str_id();
        let step = self.i();
        // The extension's core never reads a row's file and line (lint, the CLI and the facts
        // tool do), so it reads past them: 239 B less code gzipped (measured 6 December 2026),
        // and no bookkeeping per row at start-up.
        #[cfg(feature = "table-beside")]
        {
            let _ = (file, id, step);
            Origin { file: self.no_file.clone(), line: 0 }
        }
        #[cfg(not(feature = "table-beside"))]
        self.origin_of(file, id, step)
    }

    #[cfg(not(feature = "table-beside"))]
    fn origin_of(&mut self, file: &str, id: usize, step: i64) -> Origin {
        if id == usize::MAX {
            return Origin { file: Arc::from(""), line: 0 };
        }
        let slot = match self.files.iter().rposition(|f| f.0 == id) {
            Some(i) => i,
            None => {
                self.files.push((id, Arc::from(file), 0));
                self.files.len() - 1
            }
        };
        let (_, file, last) = &mut self.files[slot];
        let line = last.checked_add_signed(step);
        *last = line.unwrap_or(0);
        let origin = Origin { file: file.clone(), line: *last };
        if line.is_none() {
            self.fail("a line number is out of range");
        }
        origin
    }

    /// Never inlined, so that each list's reader is a function of its own: in one function the
    /// whole reader was slow for the baseline compiler of a cold worker (Makefile, -ocimfs).
    #[inline(never)]
    fn list<T>(&mut self, mut one: impl FnMut(&mut Self) -> T) -> Vec<T> {
        let len = self.len();
        let mut v = Vec::with_capacity(len);
        for _ in 0..len {
            if self.failed() {
                break;
            }
            v.push(one(self));
        }
        v
    }
}

/// The snapshot of `table` and its name index.
#[cfg_attr(not(test), allow(dead_code))]
pub fn encode(t: &Table, m: &Matcher) -> Vec<u8> {
    let mut e = Enc::new();
    encode_into(&mut e, t, m);
    e.finish()
}

#[cfg_attr(not(test), allow(dead_code))]
fn encode_into(e: &mut Enc, t: &Table, m: &Matcher) {
    e.date(t.as_of);
    e.n(t.countries.len());
    for c in &t.countries {
        e.s(&c.id);
        e.s(&c.name);
        e.strs(&c.aliases);
        e.strs(&c.adjectives);
        e.strs(&c.capitals);
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
        e.opt_date(x.end);
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
        e.strs(&g.founded_in);
        e.s(&g.founded_in_source);
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
        e.ns(&x.first);
        e.opt_n(x.runner_up);
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
        e.opt_date(x.end);
        e.s(&x.source);
        e.origin(&x.origin);
    }
    e.n(t.parties.len());
    for x in &t.parties {
        e.s(&x.id);
        e.s(&x.name);
        e.strs(&x.aliases);
        e.n(x.country);
        e.s(&x.source);
        e.origin(&x.origin);
    }
    // A party is an optional index (`opt_n`): none is no party ("independent").
    e.n(t.affiliations.len());
    for x in &t.affiliations {
        e.n(x.person);
        e.opt_n(x.party);
        e.date(x.start);
        e.opt_date(x.end);
        e.s(&x.source);
        e.origin(&x.origin);
    }
    e.n(t.governments.len());
    for x in &t.governments {
        e.n(x.country);
        e.date(x.start);
        e.opt_date(x.end);
        e.n(x.parties.len());
        for &p in &x.parties {
            e.opt_n(p);
        }
        e.s(&x.source);
        e.origin(&x.origin);
    }
    m.encode(e);
}

/// The table and name index that [`encode`] wrote.
pub fn decode(bytes: &'static [u8]) -> Result<(Table, Matcher), SnapshotError> {
    read(Dec::new(bytes, Text::Borrowed))
}

/// [`decode`] for bytes that do not live as long as the program: the table copies its strings.
#[cfg_attr(not(any(test, feature = "fuzzing")), allow(dead_code))]
pub fn decode_copied(bytes: &[u8]) -> Result<(Table, Matcher), SnapshotError> {
    read(Dec::new(bytes, |x| Text::Owned(x.to_string())))
}

/// Reads the table and its index. Its steps are functions of their own (`Dec::new`, each
/// list's reader, `refs_fit`, `Matcher::decode` and its per-name reader, the table's index
/// builders), none inlined into the next. A cold worker runs this read once, in V8's
/// baseline tier, and V8 compiles a function again in its optimising tier once it has run
/// long enough. That second compile runs beside the read and is of no use to a function that
/// runs once: with the read in three large functions it took 40-50 ms of a second core, and
/// on two cores the read itself took half as long again (node, `--trace-wasm-compilation-times`).
/// In small functions a row's reader is the one that gets hot, and it is cheap to compile.
/// Measured in a cold Chromium worker (`scripts/startup.mjs`, 14 starts of each, alternating):
/// the read 14.4 -> 9.3 ms (medians), core ready 45.8 -> 39.6 ms after the worker's start.
#[inline(never)]
fn read(mut d: Dec) -> Result<(Table, Matcher), SnapshotError> {
    let bytes = d.data;
    let as_of = d.date();
    let countries =
        d.list(|d| Country { id: d.s(), name: d.s(), aliases: d.strs(), adjectives: d.strs(), capitals: d.strs(), source: d.s(), origin: d.origin() });
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
            _ => {
                d.fail("an office's jurisdiction is neither a country nor an organisation");
                Body::Country(0)
            }
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
        end: d.opt_date(),
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
        founded_alt: d.list(Dec::range),
        founders: d.ns(),
        members_complete: d.b(),
        founded_in: d.strs(),
        founded_in_source: d.s(),
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
        other_dates: d.list(Dec::date),
        winner: d.opt_n(),
        first: d.ns(),
        runner_up: d.opt_n(),
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
        hosts: d.ns(),
        chair: d.opt_n(),
        source: d.s(),
        origin: d.origin(),
    });
    let presidencies = d.list(|d| Presidency { body: d.n(), holder: d.n(), start: d.date(), end: d.opt_date(), source: d.s(), origin: d.origin() });
    let parties = d.list(|d| Party { id: d.s(), name: d.s(), aliases: d.strs(), country: d.n(), source: d.s(), origin: d.origin() });
    let affiliations = d.list(|d| Affiliation { person: d.n(), party: d.opt_n(), start: d.date(), end: d.opt_date(), source: d.s(), origin: d.origin() });
    let governments =
        d.list(|d| Government { country: d.n(), start: d.date(), end: d.opt_date(), parties: d.list(Dec::opt_n), source: d.s(), origin: d.origin() });
    // Every index must point into its list before anything uses it: the table's code
    // indexes without checking.
    let ok = refs_fit(
        &countries, &people, &offices, &terms, &orgs, &memberships, &elections, &proposals, &summits, &presidencies, &parties, &affiliations, &governments,
    );
    if !ok {
        d.fail("a row refers to an entry past the end of its list");
    }
    let sizes =
        crate::entities::Sizes { people: people.len(), offices: offices.len(), orgs: orgs.len(), countries: countries.len(), proposals: proposals.len() };
    let matcher = Matcher::decode(&mut d, &sizes);
    if !d.failed() && d.pos != bytes.len() {
        d.fail("bytes are left over after the name index");
    }
    if let Some(e) = d.error {
        return Err(e);
    }
    let mut table = Table::assemble(as_of, countries, people, offices, terms, orgs, memberships, elections);
    table.proposals = proposals;
    table.summits = summits;
    table.presidencies = presidencies;
    table.parties = parties;
    table.affiliations = affiliations;
    table.governments = governments;
    Ok((table, matcher))
}

/// Whether every row's references point into their lists. A function of its own, like each
/// list's reader: see [`read`].
#[allow(clippy::too_many_arguments)]
#[inline(never)]
fn refs_fit(
    countries: &[Country],
    people: &[Person],
    offices: &[Office],
    terms: &[Term],
    orgs: &[Org],
    memberships: &[Membership],
    elections: &[Election],
    proposals: &[Proposal],
    summits: &[Summit],
    presidencies: &[Presidency],
    parties: &[Party],
    affiliations: &[Affiliation],
    governments: &[Government],
) -> bool {
    let (nc, np, no, ng) = (countries.len(), people.len(), offices.len(), orgs.len());
    let fits = |i: &usize, n: usize| *i < n;
    let opt = |i: &Option<usize>, n: usize| i.is_none_or(|i| i < n);
    people.iter().all(|p| opt(&p.country, nc))
        && offices.iter().all(|o| match o.jurisdiction {
            Body::Country(c) => c < nc,
            Body::Org(g) => g < ng,
        })
        && terms.iter().all(|x| fits(&x.person, np) && fits(&x.office, no))
        && orgs.iter().all(|g| g.founders.iter().all(|c| fits(c, nc)))
        && memberships.iter().all(|m| fits(&m.country, nc) && fits(&m.org, ng))
        && elections
            .iter()
            .all(|x| fits(&x.country, nc) && opt(&x.office, no) && opt(&x.winner, np) && x.first.iter().all(|p| fits(p, np)) && opt(&x.runner_up, np))
        && proposals.iter().all(|x| fits(&x.originator, np))
        && summits.iter().all(|x| fits(&x.body, ng) && x.hosts.iter().all(|c| fits(c, nc)) && opt(&x.chair, np))
        && presidencies.iter().all(|x| fits(&x.body, ng) && fits(&x.holder, nc))
        && parties.iter().all(|x| fits(&x.country, nc))
        && affiliations.iter().all(|x| fits(&x.person, np) && opt(&x.party, parties.len()))
        && governments.iter().all(|x| fits(&x.country, nc) && x.parties.iter().all(|p| opt(p, parties.len())))
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
        let (snap_table, snap_matcher) = crate::bundle::bundled().expect("the bundled snapshot reads");
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
        let (t2, m2) = decode(bytes).expect("a fresh snapshot reads");
        assert_eq!(encode(&t2, &m2), bytes);
        assert_eq!(format!("{t2:?}"), format!("{table:?}"));
    }

    #[test]
    fn a_truncated_snapshot_is_an_error_that_says_where() {
        let (table, matcher) = fresh();
        let bytes: &'static [u8] = encode(&table, &matcher).leak();
        // Cut everywhere from the magic to the last byte: never a panic, always an error.
        let step = bytes.len() / 150;
        for cut in (0..bytes.len()).step_by(step).chain([bytes.len() - 1]) {
            let e = decode(&bytes[..cut]).err().unwrap_or_else(|| panic!("a snapshot cut at {cut} of {} was read", bytes.len()));
            assert!(e.at <= cut, "{e} (cut at {cut})");
        }
        let e = decode(b"FFS1 an older or foreign file").err().expect("an error");
        assert!(e.to_string().contains("magic"), "{e}");
        // Extra bytes after the index are an error too.
        let mut long = bytes.to_vec();
        long.push(0);
        assert!(decode_copied(&long).err().expect("an error").to_string().contains("left over"));
    }

    #[test]
    fn a_damaged_snapshot_reads_as_an_error_or_as_a_table_that_checks_text() {
        // Bytes changed at pseudo-random places: reading must never panic, and whatever it
        // accepts must hold only indexes inside their lists, so checking text cannot panic.
        let (table, matcher) = fresh();
        let good: Vec<u8> = encode(&table, &matcher);
        let text = vec![
            "President Joe Biden met Prime Minister Rishi Sunak in Washington on Tuesday.".to_string(),
            "Finland joined NATO in 2023, and Sweden, which joined in 2024, became its 32nd member.".to_string(),
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let (mut errors, mut read) = (0, 0);
        for _ in 0..400 {
            let mut bytes = good.clone();
            for _ in 0..3 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let at = 4 + (seed as usize) % (bytes.len() - 4);
                bytes[at] = (seed >> 40) as u8;
            }
            match decode_copied(&bytes) {
                Err(_) => errors += 1,
                Ok((table, matcher)) => {
                    read += 1;
                    let checker = crate::Checker { table, matcher };
                    let _ = checker.check_with(&text, NaiveDate::from_ymd_opt(2024, 10, 19).unwrap(), crate::Detail::All);
                }
            }
        }
        // Most damage is in strings' bytes and dates, which still read; some is caught.
        assert!(errors > 0 && read > 0, "{errors} errors, {read} read");
    }
}
