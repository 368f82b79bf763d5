//! Names, titles, organisations and countries, found in one pass over the words.
//!
//! Every name the table knows (people's names and aliases, office titles, organisation names
//! and acronyms, country names and demonyms) is indexed by its first word, lower-cased. A
//! block is scanned once, word by word: at each word start the candidates that begin with
//! that word are tried longest first, so that "Deputy Secretary of State" wins over
//! "Secretary of State", and the first that stands as whole words with the right case is a
//! hit. Case is checked per pattern: names must start with a capital, acronyms ("US", "PM",
//! "NATO") must match exactly, and titles may be in any case ("prime minister").
//!
//! Names only ever start at a word start, so a hash lookup per word finds them all. An
//! Aho-Corasick automaton did the same job before; building it was most of the core's
//! start-up in wasm (27 of 60 ms in node), while the index builds in well under a
//! millisecond and scans as fast.
use crate::facts::Table;
use crate::text::case::TextCase;
use rustc_hash::FxHashMap as HashMap;

/// What a hit can refer to. A hit keeps every candidate; the claim families narrow them down.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Ref {
    /// A person (index into `Table::people`); `shared` if the alias is a shared surname.
    Person(usize, bool),
    /// An office title (index into `Table::offices`).
    Office(usize),
    /// An organisation (index into `Table::orgs`).
    Org(usize),
    /// A country by name (index into `Table::countries`).
    Country(usize),
    /// A country by its adjective ("Japanese").
    Demonym(usize),
    /// A proposal, doctrine or phrase (index into `Table::proposals`).
    Proposal(usize),
}

/// The kind of a hit, decided by its candidates (see [`Kind::of`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A person.
    Person,
    /// An office title.
    Office,
    /// An organisation.
    Org,
    /// A country name.
    Country,
    /// A country adjective.
    Demonym,
    /// A proposal, doctrine or phrase.
    Proposal,
}

/// Every kind, numbered for snapshots.
const KINDS: [Kind; 6] = [Kind::Person, Kind::Office, Kind::Org, Kind::Country, Kind::Demonym, Kind::Proposal];

#[cfg_attr(not(test), allow(dead_code))]
fn kind_number(k: Kind) -> usize {
    KINDS.iter().position(|&x| x == k).expect("every kind is in KINDS")
}

impl Kind {
    fn of(r: &Ref) -> Kind {
        match r {
            Ref::Person(..) => Kind::Person,
            Ref::Office(_) => Kind::Office,
            Ref::Org(_) => Kind::Org,
            Ref::Country(_) => Kind::Country,
            Ref::Demonym(_) => Kind::Demonym,
            Ref::Proposal(_) => Kind::Proposal,
        }
    }
    /// The letter that stands for the kind in a sentence skeleton.
    pub fn letter(self) -> char {
        match self {
            Kind::Person => 'P',
            Kind::Office => 'O',
            Kind::Org => 'G',
            Kind::Country => 'C',
            Kind::Demonym => 'A',
            Kind::Proposal => 'R',
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Case {
    /// Any case (office titles).
    Any,
    /// First letter must be upper case (names).
    Capital,
    /// Exactly as written (acronyms).
    Exact,
}

/// A name as the index holds it. Its text and candidates are ranges of the [`Matcher`]'s
/// shared buffers, so that reading the index from the snapshot allocates a few buffers rather
/// than two per name.
struct Pattern {
    /// `Matcher::pool[text.0..text.1]`.
    text: (u32, u32),
    case: Case,
    /// The kind chosen for this text.
    kind: Kind,
    /// Its candidates of that kind: `Matcher::refs[refs.0..refs.1]`.
    refs: (u32, u32),
    /// A word that makes a sentence worth reading with no entity in it ("election").
    keyword: bool,
}

/// A pattern while [`Matcher::new`] builds the index.
struct NewPattern {
    text: String,
    case: Case,
    kind: Kind,
    refs: Vec<Ref>,
    keyword: bool,
}

/// One entity found in a text. Cheap to copy: the candidates live in the [`Matcher`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit<'m> {
    /// Byte offset of the start.
    pub start: usize,
    /// Byte offset of the end.
    pub end: usize,
    /// The kind chosen for this hit.
    pub kind: Kind,
    /// Every candidate of that kind.
    pub refs: &'m [Ref],
}

/// What one pass over a text found.
#[derive(Clone, Debug, Default)]
pub struct Found<'m> {
    /// Entities, in order, non-overlapping.
    pub hits: Vec<Hit<'m>>,
    /// Offsets of keywords ("election", "polls").
    pub keywords: Vec<usize>,
}

/// Words that make a sentence worth reading even when it names no entity: "three weeks until
/// election day" takes its country from the document.
const KEYWORDS: &[&str] = &["election", "elections", "polls"];

/// The index of every name in the table. Built once per table.
pub struct Matcher {
    patterns: Vec<Pattern>,
    /// Every pattern's text, one after another.
    pool: String,
    /// Every pattern's candidates, one after another.
    refs: Vec<Ref>,
    /// Texts, each the patterns that share it up to ASCII case and differ in their case rules
    /// ("al-Assaf" and "Al-Assaf"): text `k` is `text_patterns[text_starts[k]..text_starts[k
    /// + 1]]`. A text's bytes are its first pattern's.
    text_patterns: Vec<u32>,
    text_starts: Vec<u32>,
    /// [`word_hash`] of a first word → the range of `first_word_texts` that holds the texts
    /// starting with that word, longest first. (Two words with the same hash would share a
    /// range; that costs a comparison, never a wrong hit, since a hit must match its text.)
    /// Sorted by hash, not a hash map (which brought hashbrown's insert and rehash into the
    /// .wasm for this one use): the keys come sorted from the build and the snapshot, and
    /// `word_buckets` says where the keys of each value of the hash's top bits begin.
    by_first_word: Vec<(u32, (u32, u32))>,
    /// `by_first_word[word_buckets[b]..word_buckets[b + 1]]` are the keys whose top
    /// [`BUCKET_BITS`] are `b`: a lookup scans one or two keys (searching the whole list by
    /// halves made the check 7% slower, docs/performance.md).
    word_buckets: Vec<u32>,
    first_word_texts: Vec<u32>,
    /// Beside `first_word_texts`, each text's bytes as a range of `pool`: the search compares
    /// hundreds of texts at a common first word ("the"), and reading a text's bytes through
    /// its pattern took a third of the search's time (docs/performance.md, 6 December 2026).
    first_word_bytes: Vec<(u32, u32)>,
    /// A bit per [`word_key`] of every first word: a word whose bit is clear starts no name.
    first_words: Vec<u64>,
}

/// Bits in `Matcher::first_words`: about 2,000 first words set under 6% of them.
const WORD_KEY_BITS: u32 = 15;

/// A number for a word from its length and its first two and last bytes (ASCII lower-cased),
/// below `1 << WORD_KEY_BITS`. Most words of a text start no name; this answers for nearly
/// all of them before the word is lower-cased and looked up. (Keyed on the first byte and
/// the length alone, 9 words in 10 still needed the lookup.)
fn word_key(w: &[u8]) -> usize {
    let low = |i: usize| w[i].to_ascii_lowercase() as u32;
    let n = w.len();
    let v = (n as u32) | low(0) << 8 | low(n.min(2) - 1) << 16 | low(n - 1) << 24;
    (v.wrapping_mul(0x9E37_79B1) >> (32 - WORD_KEY_BITS)) as usize
}

/// The top bits of a first word's hash that pick its bucket (`Matcher::word_buckets`).
const BUCKET_BITS: u32 = 12;

/// Where each bucket's keys begin in `runs` (sorted by hash), and where the last ends. A list
/// not sorted (a malformed snapshot) gives wrong buckets, never an index out of range.
fn buckets(runs: &[(u32, (u32, u32))]) -> Vec<u32> {
    let mut starts = vec![0u32; (1 << BUCKET_BITS) + 1];
    for r in runs {
        starts[(r.0 >> (32 - BUCKET_BITS)) as usize + 1] += 1;
    }
    for b in 1..starts.len() {
        starts[b] += starts[b - 1];
    }
    starts
}

/// A hash of a word, ASCII lower-cased: the first-word index's key. Computed from the text's
/// bytes as they are, so the scan lower-cases no copy of the word. FNV-1a, hand-written
/// rather than a crate's hasher: the snapshot stores these keys, written by the build script
/// on a 64-bit machine and read in 32-bit WebAssembly, and `FxHasher`'s result depends on
/// the word size. Per byte it costs the same (one xor, one multiply).
fn word_hash(w: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in w {
        h = (h ^ b.to_ascii_lowercase() as u32).wrapping_mul(0x0100_0193);
    }
    h
}

/// The lengths of the table's lists, which the name index's candidates point into.
pub(crate) struct Sizes {
    pub people: usize,
    pub offices: usize,
    pub orgs: usize,
    pub countries: usize,
    pub proposals: usize,
}

/// Whether the character at byte `i` of `text` is a letter or digit, and its length in bytes.
/// ASCII is decided from the byte, inline: the name scan asks this of every byte it reads.
#[inline(always)]
fn alnum_at(text: &str, i: usize) -> (bool, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        (b.is_ascii_alphanumeric(), 1)
    } else {
        non_ascii_alnum_at(text, i)
    }
}

/// [`alnum_at`] for a character that is not ASCII.
fn non_ascii_alnum_at(text: &str, i: usize) -> (bool, usize) {
    let c = text[i..].chars().next().unwrap_or(' ');
    (crate::text::case::is_alnum(c), c.len_utf8())
}

/// The length in bytes of the word at the start of `s`: its run of alphanumeric characters.
fn word_len(s: &str) -> usize {
    s.find(|c: char| !crate::text::case::is_alnum(c)).unwrap_or(s.len())
}

fn case_of(s: &str, is_title: bool) -> Case {
    let letters = s.chars().filter(|c| crate::text::case::is_alpha(*c));
    let n = letters.clone().count();
    if n > 0 && n <= 5 && letters.clone().all(crate::text::case::is_upper) {
        Case::Exact
    } else if is_title {
        Case::Any
    } else if s.chars().next().is_some_and(crate::text::case::is_upper) {
        Case::Capital
    } else {
        Case::Any
    }
}

/// The index's buffers while they are filled (by [`Matcher::new`] or the snapshot reader).
struct Flat {
    patterns: Vec<Pattern>,
    pool: String,
    refs: Vec<Ref>,
    text_patterns: Vec<u32>,
    text_starts: Vec<u32>,
}

impl Default for Flat {
    fn default() -> Flat {
        Flat::with_capacity(0)
    }
}

impl Flat {
    fn with_capacity(patterns: usize) -> Flat {
        Flat {
            patterns: Vec::with_capacity(patterns),
            pool: String::with_capacity(patterns * 16),
            refs: Vec::with_capacity(patterns),
            text_patterns: Vec::with_capacity(patterns),
            text_starts: vec![0],
        }
    }

    /// Appends candidates; their range in `refs`.
    fn refs(&mut self, refs: impl IntoIterator<Item = Ref>) -> (u32, u32) {
        let a = self.refs.len() as u32;
        self.refs.extend(refs);
        (a, self.refs.len() as u32)
    }

    fn pattern_with(&mut self, text: &str, case: Case, kind: Kind, refs: (u32, u32), keyword: bool) {
        let a = self.pool.len() as u32;
        self.pool.push_str(text);
        self.patterns.push(Pattern { text: (a, self.pool.len() as u32), case, kind, refs, keyword });
    }

    fn pattern(&mut self, text: &str, case: Case, kind: Kind, refs: Vec<Ref>, keyword: bool) {
        let refs = self.refs(refs);
        self.pattern_with(text, case, kind, refs, keyword);
    }

    /// Appends a text: the patterns that share it.
    fn text(&mut self, patterns: impl IntoIterator<Item = u32>) {
        self.text_patterns.extend(patterns);
        self.text_starts.push(self.text_patterns.len() as u32);
    }
}

impl Matcher {
    /// Builds the index for `table`.
    pub fn new(table: &Table) -> Matcher {
        // Same text, same case rule: one pattern with several candidates. Exact patterns are
        // keyed as written, the others lower-cased.
        let mut index: HashMap<(Case, String), usize> = HashMap::with_capacity_and_hasher(4096, Default::default());
        let mut patterns: Vec<NewPattern> = Vec::with_capacity(4096);
        // Every candidate of each pattern, of every kind; the kind is chosen once all are in.
        let mut all: Vec<Vec<Ref>> = Vec::with_capacity(4096);
        let mut add = |text: &str, r: Ref, is_title: bool| {
            let text = text.trim();
            if text.chars().filter(|c| crate::text::case::is_alnum(*c)).count() < 2 {
                return;
            }
            let case = case_of(text, is_title);
            let key = match case {
                Case::Exact => text.to_string(),
                _ if text.is_ascii() => text.to_ascii_lowercase(),
                _ => text.lower(),
            };
            let i = *index.entry((case, key)).or_insert_with(|| {
                patterns.push(NewPattern { text: text.to_string(), case, kind: Kind::Country, refs: Vec::new(), keyword: false });
                all.push(Vec::new());
                patterns.len() - 1
            });
            if !all[i].contains(&r) {
                all[i].push(r);
            }
        };
        for (i, p) in table.people.iter().enumerate() {
            add(&p.name, Ref::Person(i, false), false);
            for a in &p.aliases {
                add(&a.text, Ref::Person(i, a.shared), false);
            }
        }
        for (i, o) in table.offices.iter().enumerate() {
            for t in &o.titles {
                add(t, Ref::Office(i), true);
            }
        }
        for (i, o) in table.orgs.iter().enumerate() {
            add(&o.name, Ref::Org(i), false);
            for a in &o.aliases {
                add(a, Ref::Org(i), false);
            }
        }
        for (i, p) in table.proposals.iter().enumerate() {
            add(&p.name, Ref::Proposal(i), false);
            for a in &p.aliases {
                add(a, Ref::Proposal(i), false);
            }
        }
        for (i, c) in table.countries.iter().enumerate() {
            add(&c.name, Ref::Country(i), false);
            for a in &c.aliases {
                add(a, Ref::Country(i), false);
            }
            for a in &c.adjectives {
                add(a, Ref::Demonym(i), false);
            }
        }
        // Priority when one text names things of several kinds: an organisation or a person is
        // more specific than a title or a country.
        for (p, all) in patterns.iter_mut().zip(&all) {
            p.kind = [Kind::Org, Kind::Person, Kind::Office, Kind::Country, Kind::Demonym, Kind::Proposal]
                .into_iter()
                .find(|k| all.iter().any(|r| Kind::of(r) == *k))
                .expect("a pattern has at least one candidate");
            p.refs = all.iter().filter(|r| Kind::of(r) == p.kind).copied().collect();
        }
        for k in KEYWORDS {
            patterns.push(NewPattern { text: k.to_string(), case: Case::Any, kind: Kind::Country, refs: Vec::new(), keyword: true });
        }
        // Texts are compared ASCII-case-insensitively, so byte offsets never move; patterns that
        // differ only in case share one text and are told apart by their case rules.
        let mut by_lower: HashMap<String, usize> = HashMap::with_capacity_and_hasher(4096, Default::default());
        let mut texts: Vec<Vec<usize>> = Vec::new();
        for (i, p) in patterns.iter().enumerate() {
            let k = *by_lower.entry(p.text.to_ascii_lowercase()).or_insert_with(|| {
                texts.push(Vec::new());
                texts.len() - 1
            });
            texts[k].push(i);
        }
        let mut flat = Flat::default();
        for p in patterns {
            flat.pattern(&p.text, p.case, p.kind, p.refs, p.keyword);
        }
        for t in texts {
            flat.text(t.into_iter().map(|i| i as u32));
        }
        Matcher::indexed(flat)
    }

    /// The index over `patterns` grouped into `texts`: each text keyed by its first word,
    /// lower-cased (ASCII), longest text first. [`Matcher::new`] builds it here; the snapshot
    /// stores it, and [`Matcher::decode`] reads it back without sorting again.
    fn indexed(flat: Flat) -> Matcher {
        let mut m = Matcher::unindexed(flat);
        let n = m.text_starts.len() - 1;
        // Per text, one number: its first word's hash, then its length (inverted: longest
        // first; a name over 1,023 bytes counts as that long), then the text. Sorted, each
        // word's texts are a run. Integers sort several times faster than tuples, and sorting
        // is a large part of reading the index.
        assert!(n < 1 << 22, "more than 4 million names");
        let mut keyed: Vec<u64> = Vec::with_capacity(n);
        for k in 0..n {
            // A name can only be found at a word start, so its first word is its key. A name
            // that starts with punctuation would never be found: the table has none, and the
            // test `every_name_is_found_in_a_sentence` keeps it so.
            let t = m.text_str(k);
            let first = &t.as_bytes()[..word_len(t)];
            if !first.is_empty() {
                let len = t.len().min(1023) as u64;
                keyed.push((word_hash(first) as u64) << 32 | (1023 - len) << 22 | k as u64);
                let key = word_key(first);
                m.first_words[key >> 6] |= 1 << (key & 63);
            }
        }
        keyed.sort_unstable();
        m.by_first_word.reserve(keyed.len());
        let mut i = 0;
        while i < keyed.len() {
            let hash = keyed[i] >> 32;
            let j = i + keyed[i..].partition_point(|x| x >> 32 == hash);
            m.by_first_word.push((hash as u32, (i as u32, j as u32)));
            i = j;
        }
        m.first_word_texts = keyed.into_iter().map(|x| (x & ((1 << 22) - 1)) as u32).collect();
        m.derive();
        m
    }

    /// The names of `flat` with the first-word index empty, for [`Matcher::indexed`] to build
    /// and [`Matcher::decode`] to read.
    fn unindexed(flat: Flat) -> Matcher {
        let Flat { patterns, pool, refs, text_patterns, text_starts } = flat;
        Matcher {
            patterns,
            pool,
            refs,
            text_patterns,
            text_starts,
            by_first_word: Vec::new(),
            word_buckets: Vec::new(),
            first_word_texts: Vec::new(),
            first_word_bytes: Vec::new(),
            first_words: vec![0u64; 1 << (WORD_KEY_BITS - 6)],
        }
    }

    /// What follows from the first-word index once it is built or read: each indexed text's
    /// bytes (`first_word_bytes`) and the hash buckets (`word_buckets`).
    fn derive(&mut self) {
        self.first_word_bytes = self.first_word_texts.iter().map(|&k| self.patterns[self.text(k as usize)[0] as usize].text).collect();
        self.word_buckets = buckets(&self.by_first_word);
    }

    /// Text `k`'s bytes: its first pattern's.
    fn text_str(&self, k: usize) -> &str {
        self.text_of(&self.patterns[self.text(k)[0] as usize])
    }

    /// A pattern's text.
    fn text_of(&self, p: &Pattern) -> &str {
        &self.pool[p.text.0 as usize..p.text.1 as usize]
    }

    /// A pattern's candidates.
    fn refs_of(&self, p: &Pattern) -> &[Ref] {
        &self.refs[p.refs.0 as usize..p.refs.1 as usize]
    }

    /// The patterns of text `k`.
    fn text(&self, k: usize) -> &[u32] {
        &self.text_patterns[self.text_starts[k] as usize..self.text_starts[k + 1] as usize]
    }

    /// Writes the index into a snapshot (see `snapshot`).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn encode(&self, e: &mut crate::snapshot::Enc) {
        e.n(self.patterns.len());
        for p in &self.patterns {
            e.s(self.text_of(p));
            e.n(match p.case {
                Case::Any => 0,
                Case::Capital => 1,
                Case::Exact => 2,
            });
            e.n(kind_number(p.kind));
            // Every candidate is of the pattern's kind; a person's also says if it is shared.
            let refs = self.refs_of(p);
            e.n(refs.len());
            for r in refs {
                match *r {
                    Ref::Person(i, shared) => e.n(i << 1 | shared as usize),
                    Ref::Office(i) | Ref::Org(i) | Ref::Country(i) | Ref::Demonym(i) | Ref::Proposal(i) => e.n(i),
                }
            }
            e.b(p.keyword);
        }
        // The patterns' grouping into texts, written in the first-word index's order (then any
        // text it does not hold), so that the index's list of texts is just their count.
        let n = self.text_starts.len() - 1;
        let mut order: Vec<usize> = self.first_word_texts.iter().map(|&k| k as usize).collect();
        let mut indexed = vec![false; n];
        for &k in &order {
            indexed[k] = true;
        }
        order.extend((0..n).filter(|&k| !indexed[k]));
        e.n(n);
        for &k in &order {
            e.ns(&self.text(k).iter().map(|&i| i as usize).collect::<Vec<_>>());
        }
        // The first-word index as built: how many of those texts it holds, each key's run (its
        // hash and length), and the first words' bits (the set ones' numbers).
        e.n(self.first_word_texts.len());
        // In key order (the list's own, which is also its runs' order), so each hash is
        // written as its step from the one before.
        e.n(self.by_first_word.len());
        let mut prev = 0u32;
        for &(h, (a, b)) in &self.by_first_word {
            e.n(h.wrapping_sub(prev) as usize);
            prev = h;
            e.n((b - a) as usize);
        }
        // Ascending, so each as its step from the one before.
        let bits: Vec<usize> = (0..self.first_words.len() * 64).filter(|&k| self.first_words[k >> 6] & (1 << (k & 63)) != 0).collect();
        e.n(bits.len());
        let mut prev = 0;
        for k in bits {
            e.n(k - prev);
            prev = k;
        }
    }

    /// Reads the index that [`Matcher::encode`] wrote. A fault is recorded in `d` (see
    /// [`crate::snapshot::Dec`]); every number read is checked against its list, `sizes` for
    /// the candidates, so a corrupt snapshot can never make the scan index out of bounds.
    /// Not inlined into the table's reader, for the same reason as `Dec::list`.
    #[inline(never)]
    pub(crate) fn decode(d: &mut crate::snapshot::Dec, sizes: &Sizes) -> Matcher {
        let n = d.len();
        let mut flat = Flat::with_capacity(n);
        for _ in 0..n {
            Self::decode_name(d, sizes, &mut flat);
        }
        let patterns = flat.patterns.len();
        let texts = d.len();
        for _ in 0..texts {
            let members = d.len();
            if members == 0 {
                d.fail("a text's patterns are missing or past the end of the list");
            }
            for _ in 0..members {
                let p = d.n();
                if p >= patterns {
                    d.fail("a text's patterns are missing or past the end of the list");
                }
                flat.text_patterns.push(p as u32);
            }
            flat.text_starts.push(flat.text_patterns.len() as u32);
        }
        let mut m = Matcher::unindexed(flat);
        let held = d.n();
        if held > texts {
            d.fail("the first-word index holds more texts than there are");
        }
        m.first_word_texts = (0..held.min(texts) as u32).collect();
        let runs = d.len();
        m.by_first_word.reserve_exact(runs);
        let mut at = 0u32;
        let mut hash = 0u32;
        for _ in 0..runs {
            hash = hash.wrapping_add(d.n() as u32);
            let len = d.n() as u32;
            if at as usize + len as usize > m.first_word_texts.len() {
                d.fail("a first word's run is past the end of its list");
                break;
            }
            m.by_first_word.push((hash, (at, at + len)));
            at += len;
        }
        let mut key = 0usize;
        for step in d.ns() {
            key = key.saturating_add(step);
            match m.first_words.get_mut(key >> 6) {
                Some(w) => *w |= 1 << (key & 63),
                None => d.fail("a first word's bit is out of range"),
            }
        }
        // A malformed snapshot's lists may point past each other: derived only from a whole
        // one (the reader then returns the fault, never this index).
        if !d.failed() {
            m.derive();
        }
        m
    }

    /// One name of the snapshot's index, its candidates straight into the flat list. A
    /// function of its own, called once per name: a cold worker runs the read in the baseline
    /// tier, and a loop body this size inside `decode` made V8 compile all of `decode` again
    /// in its optimising tier (about 13 ms of a second core, for a function that runs once).
    #[inline(never)]
    fn decode_name(d: &mut crate::snapshot::Dec, sizes: &Sizes, flat: &mut Flat) {
        let text = d.str();
        let case = match d.n() {
            0 => Case::Any,
            1 => Case::Capital,
            2 => Case::Exact,
            _ => {
                d.fail("a name's case rule is unknown");
                Case::Any
            }
        };
        let kind = match KINDS.get(d.n()) {
            Some(&k) => k,
            None => {
                d.fail("a name's kind is unknown");
                Kind::Country
            }
        };
        // The candidates go straight into the flat list: no list per name (a cold
        // start reads about 12,000 names).
        let count = d.len();
        let first = flat.refs.len() as u32;
        for _ in 0..count {
            let i = d.n();
            let (r, limit) = match kind {
                Kind::Person => (Ref::Person(i >> 1, i & 1 == 1), sizes.people << 1),
                Kind::Office => (Ref::Office(i), sizes.offices),
                Kind::Org => (Ref::Org(i), sizes.orgs),
                Kind::Country => (Ref::Country(i), sizes.countries),
                Kind::Demonym => (Ref::Demonym(i), sizes.countries),
                Kind::Proposal => (Ref::Proposal(i), sizes.proposals),
            };
            if i >= limit {
                d.fail("a name's candidate is past the end of its list");
            }
            flat.refs.push(r);
        }
        // Read before `keyword`, which follows the candidates.
        let refs = (first, flat.refs.len() as u32);
        flat.pattern_with(text, case, kind, refs, d.b());
    }

    /// Number of distinct patterns in the index.
    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    /// Whether the index is empty.
    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// Every pattern text (names and titles), for benchmarks that highlight the same list
    /// with another tool.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.patterns.iter().filter(|p| !p.keyword).map(|p| self.text_of(p))
    }

    /// The pattern that lower-cased text `k` stands for at `text[s..e]`: whole words, and the
    /// first variant whose case rule the text meets.
    fn valid(&self, text: &str, s: usize, e: usize, k: usize) -> Option<usize> {
        if text[e..].chars().next().is_some_and(crate::text::case::is_alnum) {
            return None;
        }
        let found = &text[s..e];
        self.text(k).iter().map(|&pi| pi as usize).find(|&pi| {
            let p = &self.patterns[pi];
            // "Anwar Sadat", "Fidel V. Ramos", "Marcelo Caetano": a person's name that goes on
            // into another capitalised word is someone else's, whom the table does not hold.
            if p.kind == Kind::Person && name_goes_on(&text[e..]) {
                return false;
            }
            match p.case {
                Case::Any => true,
                Case::Capital => found.chars().next().is_some_and(crate::text::case::is_upper),
                Case::Exact => found == self.text_of(p),
            }
        })
    }

    /// All hits in `text`, in order, non-overlapping: at each word start, the longest name
    /// that begins there and stands as whole words with the right case. When the longest
    /// fails those checks ("U.S. president" inside "U.S. presidential"), shorter ones are
    /// tried, so it cannot hide "U.S.".
    pub fn find<'m>(&'m self, text: &str) -> Found<'m> {
        let mut out = Found::default();
        let bytes = text.as_bytes();
        let n = bytes.len();
        let mut i = 0;
        while i < n {
            // The next word start: a letter or digit after anything else.
            let s = i;
            let (is_word, len) = alnum_at(text, i);
            i += len;
            if !is_word {
                continue;
            }
            while i < n {
                let (is_word, len) = alnum_at(text, i);
                if !is_word {
                    break;
                }
                i += len;
            }
            // Most words start no name: one bit answers that before the word is lower-cased
            // and hashed.
            let key = word_key(&bytes[s..i]);
            if self.first_words[key >> 6] & (1 << (key & 63)) == 0 {
                continue;
            }
            let h = word_hash(&bytes[s..i]);
            let bucket = (h >> (32 - BUCKET_BITS)) as usize;
            let keys = &self.by_first_word[self.word_buckets[bucket] as usize..self.word_buckets[bucket + 1] as usize];
            let Some(&(_, (a, b))) = keys.iter().find(|r| r.0 == h) else {
                continue;
            };
            for j in a as usize..b as usize {
                let (ts, te) = self.first_word_bytes[j];
                let t = &self.pool.as_bytes()[ts as usize..te as usize];
                let e = s + t.len();
                if e > n || !text.is_char_boundary(e) || !bytes[s..e].eq_ignore_ascii_case(t) {
                    continue;
                }
                let Some(pi) = self.valid(text, s, e, self.first_word_texts[j] as usize) else {
                    continue;
                };
                let p = &self.patterns[pi];
                if p.keyword {
                    out.keywords.push(s);
                } else {
                    out.hits.push(Hit { start: s, end: e, kind: p.kind, refs: self.refs_of(p) });
                }
                i = e;
                break;
            }
        }
        out
    }
}

/// Whether the text after a name goes on with another capitalised word of a name (one space,
/// then a capital): not a weekday or a month (AP's "Biden Monday signed"), nor "Jr."/"Sr." or
/// a regnal number.
fn name_goes_on(rest: &str) -> bool {
    let Some(next) = rest.strip_prefix(' ') else {
        return false;
    };
    if !next.starts_with(crate::text::case::is_upper) {
        return false;
    }
    // (A slice, not a copy: this runs on the matcher's path over every page.)
    let word = &next[..next.find(|c: char| !crate::text::case::is_alnum(c)).unwrap_or(next.len())];
    const NOT_NAMES: &[&str] = &[
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December", "Jr", "Sr", "II", "III", "IV", "I", "A", "The", "On", "In", "At",
    ];
    !NOT_NAMES.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts are compared lower-cased; names that differ only in case share one text and are
    /// told apart by their case rules.
    #[test]
    fn names_that_differ_only_in_case_are_both_found() {
        let mut t = Table::bundled().unwrap();
        let mut a = t.people[0].clone();
        a.name = "Ab Cd".into();
        a.aliases = vec![crate::facts::Alias { text: "US".into(), shared: false }];
        t.people.push(a);
        let m = Matcher::new(&t);
        let text = "Ab Cd met the US team; ab cd did not.";
        let found: Vec<(&str, Kind)> = m.find(text).hits.iter().map(|h| (&text[h.start..h.end], h.kind)).collect();
        // "US" is both a person alias (exact case) and the country: the person wins by priority.
        assert_eq!(found, vec![("Ab Cd", Kind::Person), ("US", Kind::Person)]);
    }

    /// Every name in the table, written in a sentence as the table writes it, is found as
    /// exactly one hit covering exactly that name.
    #[test]
    fn every_name_is_found_in_a_sentence() {
        let m = Matcher::new(&Table::bundled().unwrap());
        let mut missed = Vec::new();
        for name in m.names() {
            let text = format!("Then {name} spoke.");
            let hits: Vec<(usize, usize)> = m.find(&text).hits.iter().map(|h| (h.start, h.end)).collect();
            if !hits.contains(&(5, 5 + name.len())) {
                missed.push(name.to_string());
            }
        }
        assert!(m.names().count() > 2000);
        assert!(missed.is_empty(), "not found: {missed:?}");
    }

    #[test]
    fn a_failed_long_match_does_not_hide_a_shorter_one() {
        let m = Matcher::new(&Table::bundled().unwrap());
        let text = "the U.S. presidential race and US policy; thus Kishida said";
        let found: Vec<&str> = m.find(text).hits.iter().map(|h| &text[h.start..h.end]).collect();
        assert_eq!(found, vec!["U.S.", "US", "Kishida"]);
    }
}
