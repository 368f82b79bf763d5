//! # FactFlag
//!
//! Finds political claims in news text and checks each one, offline, against a bundled and
//! sourced facts table, at the article's date.
//!
//! The flow is: text blocks → sentences → entities (one pass over the words, looking up every
//! name the table knows by its first word) → claims (one module per family in [`claims`]) →
//! a [`Verdict`] with an explanation written from the facts and the sources it used.
//!
//! A claim is [`Verdict::Contradicted`] only when the table positively contradicts it, and
//! [`Verdict::Supported`] when the table confirms it. Everything else is
//! [`Verdict::Unknown`]: an entity the table lacks, a date after the table's `as_of`, an
//! ambiguous name, a post the table does not hold.
//!
//! ## Usage
//!
//! ```
//! use factflag::{Checker, Verdict};
//!
//! // Load and index the bundled table once (a few milliseconds), then check many pages.
//! let checker = Checker::bundled().expect("the bundled table is valid");
//! let date = "2024-10-19".parse().unwrap();
//! let report = checker.check(
//!     &["On October 1, after Fumio Kishida succeeded Yoshihide Suga as Japan's prime minister, \
//!        the party met. Former President Donald Trump spoke."],
//!     date,
//! );
//! let flagged: Vec<_> = report.findings.iter().filter(|f| f.verdict == Verdict::Contradicted).collect();
//! assert_eq!(flagged.len(), 1);
//! assert!(flagged[0].quote.contains("Kishida succeeded Yoshihide Suga"));
//! assert!(flagged[0].explanation.contains("4 October 2021"));
//! ```
//!
//! ## Cost
//!
//! [`Checker::bundled`] reads the table and its name index from the snapshot `build.rs` made
//! of them (about 1 ms natively); [`Checker::new`] parses a table's files and indexes a few
//! thousand names by their first word (about 3 ms). Checking is one pass over the words of the
//! text plus, for each sentence that names something, a handful of regular expressions over a
//! short skeleton of that sentence: time grows linearly with the text.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod bundle;
pub mod claims;
pub mod entities;
pub mod facts;
mod order;
mod snapshot;
pub mod text;
pub mod words;

#[cfg(not(target_arch = "wasm32"))]
pub mod html;

#[cfg(all(target_arch = "wasm32", not(feature = "facts-tool")))]
pub mod wasm;

#[cfg(all(target_arch = "wasm32", feature = "facts-tool"))]
pub mod facts_tool;

use chrono::NaiveDate;
use claims::{Checked, Claim, Ctx, Family, Sentence};
pub use claims::{Detail, Reason};
use entities::{Kind, Matcher};
use facts::{FactsError, Table};
use serde::Serialize;

/// What the table says about a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// The table positively contradicts the claim.
    Contradicted,
    /// The table confirms the claim.
    Supported,
    /// The table cannot settle the claim.
    Unknown,
}

impl Verdict {
    /// The verdict's name as the JSON report writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Contradicted => "contradicted",
            Verdict::Supported => "supported",
            Verdict::Unknown => "unknown",
        }
    }
}

/// One claim found in a block, with its verdict.
#[derive(Clone, Debug, Serialize)]
pub struct Finding {
    /// Index of the block in the input.
    pub block: usize,
    /// Byte offset of the claim's start in the block (UTF-8).
    pub start: usize,
    /// Byte offset of the claim's end in the block (UTF-8).
    pub end: usize,
    /// Start in UTF-16 code units, for JavaScript.
    pub start_utf16: usize,
    /// End in UTF-16 code units, for JavaScript.
    pub end_utf16: usize,
    /// The exact text of the claim's span.
    pub quote: String,
    /// The claim family.
    pub family: Family,
    /// The claim as structured data (empty when only the marked findings are written out,
    /// [`Detail::Marked`]).
    pub claim: Claim,
    /// The verdict.
    pub verdict: Verdict,
    /// The rule that decided the verdict.
    pub reason: Reason,
    /// One sentence, written from the facts.
    pub explanation: String,
    /// The sources of the rows used.
    pub sources: Vec<String>,
    /// The table's `as_of` date.
    pub facts_as_of: NaiveDate,
    /// The terms of office or memberships the verdict rests on, to draw against the claim's
    /// date (the tooltip's timeline); none for other kinds of rows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeline: Option<claims::explain::Timeline>,
}

/// Counts for one check.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Counts {
    /// Claims found.
    pub claims: usize,
    /// Contradicted claims.
    pub contradicted: usize,
    /// Supported claims.
    pub supported: usize,
    /// Claims the table cannot settle.
    pub unknown: usize,
}

/// The result of checking a page.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// The article's date the claims were checked at.
    pub reference_date: NaiveDate,
    /// The table's `as_of` date.
    pub facts_as_of: NaiveDate,
    /// Counts per verdict.
    pub counts: Counts,
    /// The findings, by block and position, never overlapping.
    pub findings: Vec<Finding>,
}

/// The longest stretch of text, in bytes, that the claim patterns read at once (see
/// [`text::sentences`]): a longer run without a sentence break is read in pieces cut after a
/// semicolon or comma, so every part of it is still read.
pub use text::MAX_SENTENCE_BYTES;

/// The bundled table's snapshot as `build.rs` wrote it: what `factflag facts snapshot` writes
/// for the extension, which loads it beside its `.wasm`.
#[cfg(not(target_arch = "wasm32"))]
pub fn bundled_snapshot() -> &'static [u8] {
    bundle::snapshot_bytes()
}

/// The snapshot of `table` (the format of [`bundled_snapshot`]).
#[cfg(not(target_arch = "wasm32"))]
pub fn snapshot_of(table: &Table) -> Vec<u8> {
    snapshot::encode(table, &Matcher::new(table))
}

/// The checker: the table, indexed, and the name index. Build once, check many times.
pub struct Checker {
    table: Table,
    matcher: Matcher,
}

/// What [`Checker::warm_up`] checks: a claim of every family (a test keeps it so).
const WARM_UP_SAMPLE: [&str; 3] = [
    "On 5 July 2024, Keir Starmer succeeded Rishi Sunak as British prime minister. Former President Joe Biden met Prime Minister Fumio Kishida.",
    "Sweden joined NATO in 2023, and Japan is a member of the G7. The European Union was founded in 1993. Japan hosted the G7 summit in Hiroshima in May 2023.",
    "Donald Trump won the 2024 presidential election, held on November 5, 2024. Shigeru Ishiba called for an Asian version of NATO.",
];

impl Checker {
    /// A checker over `table`.
    pub fn new(table: Table) -> Checker {
        let matcher = Matcher::new(&table);
        Checker { table, matcher }
    }

    /// A checker over the table bundled at build time: its snapshot, which `build.rs` wrote
    /// after parsing and checking `data/` and indexing every name.
    pub fn bundled() -> Result<Checker, Vec<FactsError>> {
        let (table, matcher) = bundle::bundled()?;
        Ok(Checker { table, matcher })
    }

    /// Gets ready for the first check: compiles every claim pattern, then runs one check of a
    /// few sentences and throws the report away. In a new WebAssembly instance each function is
    /// compiled on its first call, and the regex engine builds its automata's states as it
    /// first meets them; the background does this while it waits for the first page's text,
    /// so the first real check does not pay for it.
    pub fn warm_up(&self) {
        claims::compile_patterns();
        // Strings, as the extension's blocks are: a `&str` sample would compile a second copy
        // of `check_with` into the `.wasm`.
        let blocks: Vec<String> = WARM_UP_SAMPLE.iter().map(|b| b.to_string()).collect();
        let _ = self.check_with(&blocks, NaiveDate::from_ymd_opt(2024, 10, 19).expect("a valid date"), Detail::Marked { supported: true, unknown: false });
    }

    /// The table.
    pub fn table(&self) -> &Table {
        &self.table
    }

    /// The name index.
    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// Checks text blocks (paragraphs, list items, headings: each a separate string) written on
    /// `reference` (the article's publication date). Every finding is reported in full.
    pub fn check<S: AsRef<str>>(&self, blocks: &[S], reference: NaiveDate) -> Report {
        self.check_with(blocks, reference, Detail::All)
    }

    /// [`Checker::check`], reporting only the findings `detail` wants: the counts still cover
    /// every claim, and the findings reported are the same as in a full check.
    pub fn check_with<S: AsRef<str>>(&self, blocks: &[S], reference: NaiveDate, detail: Detail) -> Report {
        let mut findings = Vec::new();
        let mut counts = Counts::default();
        let mut context_country = None;
        let memory = claims::reading::SharedMemory::default();
        for (bi, block) in blocks.iter().enumerate() {
            let block = block.as_ref();
            let found_names = self.matcher.find(block);
            let (hits, keywords) = (&found_names.hits, &found_names.keywords);
            if hits.is_empty() && keywords.is_empty() {
                continue;
            }
            let mut found: Vec<(Family, Checked, std::ops::Range<usize>)> = Vec::new();
            let mut hi = 0;
            for range in text::sentences(block) {
                let first = hi;
                while hi < hits.len() && hits[hi].start < range.end {
                    hi += 1;
                }
                let sh = &hits[first..hi];
                let electoral = keywords.iter().any(|&k| range.contains(&k));
                let anaphoric = sh.is_empty() && claims::refers_to_paragraph_org(&block[range.clone()], block, &memory);
                if sh.is_empty() && !electoral && !anaphoric {
                    // A sentence about nobody still ends the last subject's reach.
                    memory.borrow_mut().remember_subject(block, sh);
                    memory.borrow_mut().remember_org(block, sh);
                    continue;
                }
                let sentence_text = &block[range.clone()];
                let dates: Vec<_> = text::dates::find(sentence_text, reference)
                    .into_iter()
                    .map(|mut d| {
                        d.start += range.start;
                        d.end += range.start;
                        d
                    })
                    .collect();
                let s = Sentence::new(block, range.clone(), sh, &dates, electoral);
                memory.borrow_mut().remember_full_names(block, sh);
                let ctx = Ctx { memory: &memory, table: &self.table, reference, context_country, detail };
                for (fam, c) in claims::check_sentence(&s, &ctx) {
                    let span = s.span(c.span.clone());
                    found.push((fam, c, span));
                }
                memory.borrow_mut().remember_subject(block, sh);
                memory.borrow_mut().remember_org(block, sh);
                if let Some(c) = sh.iter().rev().find(|h| matches!(h.kind, Kind::Country | Kind::Demonym)).and_then(claims::country_of) {
                    context_country = Some(c);
                }
            }
            // One mark per stretch of text: the most severe verdict, then the longest claim.
            // Packed as verdict (4 bits), 2^28 minus the length, start (32 bits).
            order::by_key(&mut found, |(_, c, sp)| (c.verdict as u64) << 60 | ((1 << 28) - (sp.len() as u64).min((1 << 28) - 1)) << 32 | sp.start as u64);
            let mut kept: Vec<(Family, Checked, std::ops::Range<usize>)> = Vec::new();
            for f in found {
                if f.2.is_empty() || kept.iter().any(|k| k.2.start < f.2.end && f.2.start < k.2.end) {
                    continue;
                }
                kept.push(f);
            }
            order::by_key(&mut kept, |k| k.2.start as u64);
            let mut u16 = text::Utf16Map::new(block);
            for (family, c, span) in kept {
                counts.claims += 1;
                match c.verdict {
                    Verdict::Contradicted => counts.contradicted += 1,
                    Verdict::Supported => counts.supported += 1,
                    Verdict::Unknown => counts.unknown += 1,
                }
                if !detail.wants(c.verdict) {
                    continue;
                }
                let (start_utf16, end_utf16) = (u16.at(span.start), u16.at(span.end));
                let (explanation, sources) = claims::explain::words(&self.table, reference, &c);
                let timeline = claims::explain::timeline(&self.table, &c, reference);
                findings.push(Finding {
                    block: bi,
                    start: span.start,
                    end: span.end,
                    start_utf16,
                    end_utf16,
                    quote: block[span.clone()].to_string(),
                    family,
                    claim: c.claim,
                    verdict: c.verdict,
                    reason: c.reason,
                    explanation,
                    sources,
                    facts_as_of: self.table.as_of,
                    timeline,
                });
            }
        }
        Report { reference_date: reference, facts_as_of: self.table.as_of, counts, findings }
    }
}

#[allow(dead_code)]
fn _assert_send_sync() {
    fn assert<T: Send + Sync>() {}
    assert::<Checker>();
}

/// Entry points for the fuzz targets in `fuzz/` (`make fuzz`), built only with the
/// `fuzzing` feature.
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
pub mod fuzzing {
    /// The bundled snapshot's bytes.
    pub fn bundled_snapshot() -> &'static [u8] {
        crate::bundle::snapshot_bytes()
    }

    /// Reads `bytes` as a snapshot and, if they read, checks a few sentences with the table.
    /// Panics only where the core would.
    pub fn read_snapshot_and_check(bytes: &[u8]) {
        if let Ok((table, matcher)) = crate::snapshot::decode_copied(bytes) {
            let checker = crate::Checker { table, matcher };
            let _ = checker.check(&super::WARM_UP_SAMPLE, chrono::NaiveDate::from_ymd_opt(2024, 10, 19).expect("a valid date"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_claim_at_the_end_of_a_very_long_sentence_is_read() {
        // 200 KB with no sentence break, then a claim: read, in time linear in the length.
        let c = Checker::bundled().unwrap();
        let filler = "the committee met and talked about roads and schools and ports, ".repeat(3_000);
        let text = format!("{filler}said Italian Prime Minister Matteo Renzi.");
        let r = c.check(&[text], NaiveDate::from_ymd_opt(2019, 5, 10).unwrap());
        assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
        assert_eq!(r.findings[0].quote, "Italian Prime Minister Matteo Renzi");
        assert_eq!(r.findings[0].verdict, Verdict::Contradicted);
    }

    #[test]
    fn the_warm_up_sample_has_a_claim_of_every_family() {
        let c = Checker::bundled().unwrap();
        let r = c.check(&WARM_UP_SAMPLE, NaiveDate::from_ymd_opt(2024, 10, 19).unwrap());
        for family in [Family::Office, Family::Succession, Family::Founding, Family::Membership, Family::Election, Family::Proposal, Family::Summit] {
            assert!(r.findings.iter().any(|f| f.family == family), "no {family:?} claim in the warm-up sample");
        }
    }
}
