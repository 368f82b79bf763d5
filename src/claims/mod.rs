//! Claims: each family finds its claims in a sentence and checks them against the table.
//!
//! A sentence with at least one entity hit is turned into a *skeleton*: the same text with
//! every entity and date replaced by a token such as `\u{E000}P3\u{E001}` (the fourth token, a
//! person). Each family's relation patterns are ordinary regular expressions over skeletons,
//! written with placeholders (`{P}` a person, `{O}` an office title, `{G}` an organisation,
//! `{C}` a country, `{A}` a country adjective, `{Q}` either of those two, `{D}` a date). This
//! keeps the patterns readable, runs them only where an entity was found, and never builds a
//! regex per name.
//!
//! Families: [`office`] (who holds which office), [`succession`], [`founding`],
//! [`membership`], [`election`], [`proposal`] and [`summit`]. Each returns a structured
//! judgement ([`Checked`]: verdict, [`Reason`], the rows used and an [`explain::Why`]); only
//! [`explain`] puts judgements into words, and only for the findings that are shown.

/// A claim's statement, written only when every finding is reported ([`Detail::All`]).
macro_rules! statement {
    ($ctx:expr, $($fmt:tt)*) => {
        if $ctx.detail.full() { format!($($fmt)*) } else { String::new() }
    };
}

/// A claim's structured data, built only when every finding is reported ([`Detail::All`]):
/// the extension's findings leave it out, so building it for each of them would be wasted.
macro_rules! claim {
    ($ctx:expr, $claim:expr) => {
        if $ctx.detail.full() {
            $claim
        } else {
            $crate::claims::Claim::default()
        }
    };
}

pub mod election;
pub mod explain;
pub mod founding;
pub mod membership;
pub mod office;
pub mod party;
pub mod proposal;
pub mod reading;
pub mod succession;
pub mod summit;
pub mod tenure;

use crate::entities::{Hit, Kind, Ref};
use crate::facts::{DateRange, Table};
use crate::text::case::TextCase;
use crate::text::dates::DateExpr;
use crate::text::groups::{Groups, Pattern, Regex};
use crate::text::Has;
use crate::Verdict;
use chrono::NaiveDate;
use serde::Serialize;
use std::fmt::Write as _;
use std::ops::Range;

const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// A token of a skeleton: an entity hit or a date.
#[derive(Clone, Debug)]
pub enum Token<'a> {
    /// An entity.
    Entity(Hit<'a>),
    /// A date expression.
    Date(DateExpr),
}

/// One sentence, ready for the families' patterns.
pub struct Sentence<'a> {
    /// The block the sentence is in.
    pub block: &'a str,
    /// The sentence's byte range in the block.
    pub range: Range<usize>,
    /// The skeleton.
    pub skeleton: String,
    /// Tokens, numbered as in the skeleton.
    pub tokens: Vec<Token<'a>>,
    /// Whether the sentence speaks of an election ("election", "polls").
    pub electoral: bool,
    /// (skeleton range, block range, is a token), in order.
    segs: Vec<(Range<usize>, Range<usize>, bool)>,
}

impl<'a> Sentence<'a> {
    /// Builds the skeleton of `block[range]` from the hits and dates inside it (both in block
    /// offsets, sorted). Dates that overlap a hit are dropped.
    pub fn new(block: &'a str, range: Range<usize>, hits: &[Hit<'a>], dates: &[DateExpr], electoral: bool) -> Sentence<'a> {
        let mut items: Vec<Token<'a>> = hits.iter().copied().map(Token::Entity).collect();
        for d in dates {
            if !hits.iter().any(|h| h.start < d.end && d.start < h.end) {
                items.push(Token::Date(d.clone()));
            }
        }
        crate::order::by_key(&mut items, |t| t.span().start as u64);
        let mut skeleton = String::with_capacity(range.len() + 8 * items.len());
        let mut segs = Vec::new();
        let mut pos = range.start;
        for (i, t) in items.iter().enumerate() {
            let sp = t.span();
            if sp.start > pos {
                let s0 = skeleton.len();
                skeleton.push_str(&block[pos..sp.start]);
                segs.push((s0..skeleton.len(), pos..sp.start, false));
            }
            let s0 = skeleton.len();
            skeleton.push(OPEN);
            skeleton.push(t.letter());
            write!(skeleton, "{i}").expect("writing to a String cannot fail");
            skeleton.push(CLOSE);
            segs.push((s0..skeleton.len(), sp.clone(), true));
            pos = sp.end;
        }
        if pos < range.end {
            let s0 = skeleton.len();
            skeleton.push_str(&block[pos..range.end]);
            segs.push((s0..skeleton.len(), pos..range.end, false));
        }
        Sentence { block, range, skeleton, tokens: items, electoral, segs }
    }

    /// The block offset of a skeleton offset.
    pub fn to_block(&self, at: usize, is_end: bool) -> usize {
        let i = self.segs.partition_point(|(s, _, _)| if is_end { s.end < at } else { s.end <= at });
        let Some((s, b, tok)) = self.segs.get(i) else {
            return self.range.end;
        };
        if *tok {
            if is_end {
                b.end
            } else {
                b.start
            }
        } else {
            b.start + at.saturating_sub(s.start).min(b.len())
        }
    }

    /// The block range of a skeleton range.
    pub fn span(&self, r: Range<usize>) -> Range<usize> {
        self.to_block(r.start, false)..self.to_block(r.end, true)
    }

    /// The token a capture group holds (the group must be exactly one token).
    pub fn token(&self, c: &Groups, name: &str) -> Option<&Token<'a>> {
        self.token_after_open(c.name(name)?.as_str().strip_prefix(OPEN)?)
    }

    /// The token whose text follows its opening mark: a kind letter, then its number.
    pub(crate) fn token_after_open(&self, rest: &str) -> Option<&Token<'a>> {
        // The kind letter is ASCII; the number is ASCII digits.
        let digits = rest.get(1..)?;
        let len = digits.bytes().take_while(u8::is_ascii_digit).count();
        self.tokens.get(digits[..len].parse::<usize>().ok()?)
    }

    /// The entity hit a capture group holds. (Out of line: inlined at each of its many callers,
    /// it cost 0.3 KB gzipped.)
    #[inline(never)]
    pub fn hit(&self, c: &Groups, name: &str) -> Option<&Hit<'a>> {
        match self.token(c, name)? {
            Token::Entity(h) => Some(h),
            Token::Date(_) => None,
        }
    }

    /// The date a capture group holds.
    pub fn date(&self, c: &Groups, name: &str) -> Option<&DateExpr> {
        match self.token(c, name)? {
            Token::Date(d) => Some(d),
            Token::Entity(_) => None,
        }
    }

    /// The date that scopes the whole sentence: "In 2019, …", "On October 1, …".
    pub fn scope_date(&self) -> Option<&DateExpr> {
        let c = scope_date_pattern().captures(&self.skeleton)?;
        self.date(&c, "d")
    }

    /// Whether the sentence has at least `n` tokens of `kind`.
    pub fn count(&self, kind: Kind) -> usize {
        self.tokens.iter().filter(|t| matches!(t, Token::Entity(h) if h.kind == kind)).count()
    }

    /// Whether the sentence names a date outside the article's week and opens with none:
    /// "NATO's 12 members signed the treaty in 1949", "the ruling DPJ lost power in 2012".
    /// A present-tense description in it may speak of that date, so the article's week
    /// cannot contradict it.
    pub fn dated_elsewhere(&self, recent: DateRange) -> bool {
        self.scope_date().is_none() && self.tokens.iter().any(|x| matches!(x, Token::Date(d) if !recent.widen(1).contains(d.range.start)))
    }

    /// The text of the sentence (block slice).
    pub fn text(&self) -> &str {
        &self.block[self.range.clone()]
    }

    /// The skeleton text before `at`, lower-cased, last `n` words.
    // Out of line: inlined at its callers it cost 0.1 KB gzipped.
    #[inline(never)]
    pub fn words_before(&self, at: usize, n: usize) -> Vec<String> {
        Self::words_back_in(&self.skeleton[..at], n)
    }

    /// The `n` words before skeleton offset `at` within its phrase: a comma, colon,
    /// semicolon, bracket, quotation mark or dash ends the phrase, so "two rivals in the
    /// party: London Mayor X" has no word before the title.
    pub fn phrase_words_before(&self, at: usize, n: usize) -> Vec<String> {
        let before = &self.skeleton[..at];
        let start = before.rmatch_indices([',', ';', ':', '(', ')', '"', '“', '”', '—', '–']).next().map_or(0, |(i, m)| i + m.len());
        Self::words_back_in(&before[start..], n)
    }

    fn words_back_in(before: &str, n: usize) -> Vec<String> {
        before
            .split(|c: char| !(crate::text::case::is_alnum(c) || c == '-' || c == '\'' || c == OPEN || c == CLOSE))
            .filter(|w| !w.is_empty())
            .rev()
            .take(n)
            .map(|w| w.lower())
            .collect()
    }
}

fn scope_date_pattern() -> &'static Pattern {
    static RE: std::sync::OnceLock<Pattern> = std::sync::OnceLock::new();
    crate::text::cached(&RE, || {
        pattern(
            r"^[\s“”\x22'‘(]*(?:[A-Z][A-Z\s.,]*\s*(?:—|–|--?)\s*)?(?:(?i:in|on|during|by|since|as of|back in|earlier in)\s+)?(?:(?i:early|late|mid-)\s*)?(?P<d>{D})\s*,",
        )
    })
}

impl Token<'_> {
    fn span(&self) -> Range<usize> {
        match self {
            Token::Entity(h) => h.start..h.end,
            Token::Date(d) => d.start..d.end,
        }
    }
    fn letter(&self) -> char {
        match self {
            Token::Entity(h) => h.kind.letter(),
            Token::Date(_) => 'D',
        }
    }
}

/// Compiles a skeleton pattern, expanding the placeholders.
pub fn pattern(p: &str) -> Pattern {
    let tok = |letters: &str| format!("\u{E000}[{letters}]\\d+\u{E001}");
    // Case-insensitive groups fold ASCII only ("(?i-u:"): the words they hold are English, and
    // Unicode case folding would bring its tables (tens of KB) into the .wasm.
    let expanded = p
        .replace("(?i:", "(?i-u:")
        .replace("{P}", &tok("P"))
        .replace("{O}", &tok("O"))
        .replace("{G}", &tok("G"))
        .replace("{C}", &tok("C"))
        .replace("{A}", &tok("A"))
        .replace("{Q}", &tok("CA"))
        .replace("{D}", &tok("D"))
        .replace("{R}", &tok("R"))
        .replace("{X}", &tok("POGCAD"))
        .replace("{ORG}", ORG_ANAPHOR);
    Pattern::new(crate::text::regex(&expanded))
}

/// What the families need besides the sentence.
pub struct Ctx<'t> {
    /// What earlier sentences of the document told the reader.
    pub memory: &'t reading::SharedMemory,
    /// The table.
    pub table: &'t Table,
    /// The article's date.
    pub reference: NaiveDate,
    /// The last country named before this sentence in the document, if any.
    pub context_country: Option<usize>,
    /// Which findings are written out in words.
    pub detail: Detail,
}

impl Ctx<'_> {
    /// The days a present-tense claim may describe: the article's date and the
    /// [`GRACE_DAYS`] before it.
    pub fn recent(&self) -> DateRange {
        DateRange::span(self.reference - chrono::Duration::days(GRACE_DAYS), self.reference)
    }
}

/// How many days before the article's date a present-tense claim may still describe: news
/// reports events of the last days, and the article's date may be its last update. A person
/// who held an office at any point in this window is not flagged as "not the holder".
pub const GRACE_DAYS: i64 = 7;

/// Which findings a check writes out in words (statement, explanation, sources). Every claim
/// is found and judged either way, so verdicts and counts never depend on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    /// Every finding, in full (the CLI, and `check` in wasm).
    All,
    /// Only the findings the extension marks: contradicted ones, supported ones if
    /// `supported` and unknown ones if `unknown`. The others are only counted. No finding
    /// carries its claim's structured data (`Finding::claim` is empty): the extension does not
    /// show it.
    Marked {
        /// Whether supported findings are marked too.
        supported: bool,
        /// Whether unknown findings are marked too (the reader asked to see what was read).
        unknown: bool,
    },
}

/// Whether this build can write findings out in full. The shipped extension's core never does
/// (its only entry point marks, [`Detail::Marked`]), so there the claims' statements and
/// structured data are dead code, and left out: 7.6 KB gzipped of the .wasm. The CLI, the
/// tests and the dev-exports core write them.
const FULL_DETAIL: bool = cfg!(any(not(target_arch = "wasm32"), feature = "dev-exports"));

impl Detail {
    /// Whether every finding is written out in full, with its claim's statement and data.
    #[inline]
    pub fn full(self) -> bool {
        FULL_DETAIL && self == Detail::All
    }

    /// Whether findings with verdict `v` are written out.
    pub fn wants(self, v: Verdict) -> bool {
        match self {
            Detail::All => true,
            Detail::Marked { supported, unknown } => match v {
                Verdict::Contradicted => true,
                Verdict::Supported => supported,
                Verdict::Unknown => unknown,
            },
        }
    }
}

/// A claim found and checked by a family.
#[derive(Clone, Debug)]
pub struct Checked {
    /// Skeleton range of the claim (mapped to the block by the caller).
    pub span: Range<usize>,
    /// The claim as structured data.
    pub claim: Claim,
    /// The verdict.
    pub verdict: Verdict,
    /// Why: the rule that decided the verdict.
    pub reason: Reason,
    /// What the explanation says, as data ([`explain::write`] puts it into words).
    pub why: explain::Why,
    /// The table's rows used ([`explain::sources`] lists their sources).
    pub rows: Vec<explain::Row>,
}

/// The claim families.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Family {
    /// Who holds which office.
    Office,
    /// Who succeeded whom.
    Succession,
    /// When an organisation was founded, and by whom.
    Founding,
    /// Which countries belong to which organisation.
    Membership,
    /// When an election is held, and who won it.
    Election,
    /// Who proposed, coined or argued what.
    Proposal,
    /// Who hosted which summit, where, and who holds a rotating presidency.
    Summit,
    /// Which party a head of state or government belonged to, and which parties governed.
    Party,
}

/// Why a claim got its verdict: the rule that decided it. Tests assert these, and the words of
/// an explanation follow from them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// The table confirms the claim.
    Confirmed,
    /// The table contradicts the claim (families that give no finer reason).
    Contradicted,
    /// The table cannot settle the claim (families that give no finer reason).
    NotSettled,
    /// The person held the office on the date.
    Held,
    /// The person had held the office before the date, and the title is not one kept as an
    /// honorific: someone else held it then.
    FormerHolder,
    /// The person only held the office after the date.
    NotYetHolder,
    /// The person never held the office; someone else held it on the date.
    NeverHeld,
    /// A "former" holder who was still in office on the date.
    StillInOffice,
    /// Became or was elected on another date.
    WrongDate,
    /// A title that former holders keep as an honorific (US presidents).
    Honorific,
    /// The sentence speaks of an earlier time, so the title may describe it.
    PastContext,
    /// The title belongs to another body than the table's office ("ECB President").
    OtherBody,
    /// The words fit several offices or people, and the readings disagree.
    Ambiguous,
    /// A name several people share.
    SharedName,
    /// A surname alone, which the article has not tied to the table's person.
    BareSurname,
    /// A question, a hypothetical, a negation or a reported belief: the sentence does not
    /// assert the claim.
    NotAsserted,
    /// The date is after the table's `as_of`.
    AfterTable,
    /// The table holds no row that settles it.
    NotInTable,
    /// The wrong successor or predecessor.
    WrongSuccession,
    /// A date in the sentence belongs to another event (a concession, a certification).
    OtherEvent,
    /// A programme, area, command or partnership of an organisation, not the organisation.
    PartOfBody,
    /// A proposal attributed to someone other than its originator.
    WrongOriginator,
    /// A summit given the wrong host.
    WrongHost,
    /// A summit given the place of another summit of the same body.
    WrongPlace,
    /// A rotating presidency given the wrong holder.
    WrongHolder,
    /// A head of state or government given the wrong party, or a party called ruling that was
    /// not in government.
    WrongParty,
    /// A time in power given a length that the person's terms do not come to.
    WrongLength,
}

impl Reason {
    /// The reason a family that gives no finer one reports for `verdict`.
    pub fn plain(verdict: Verdict) -> Reason {
        match verdict {
            Verdict::Contradicted => Reason::Contradicted,
            Verdict::Supported => Reason::Confirmed,
            Verdict::Unknown => Reason::NotSettled,
        }
    }
}

/// A claim as structured data: ids from the facts table, resolved dates, and the family's own
/// fields. Entities that the sentence left ambiguous are listed as all their candidates.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Claim {
    /// A short statement of the claim in words.
    pub statement: String,
    /// People (ids), in the claim's order (successor first for a succession).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<String>,
    /// Offices (ids).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub offices: Vec<String>,
    /// Organisations (ids).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub orgs: Vec<String>,
    /// Countries (ids).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<String>,
    /// The family's qualifier: `current`, `former`, `then`, `acting`, `became`, `elected`,
    /// `member`, `joined`, `left`, `consists-of`, `founded`, `date`, `countdown`, `won`.
    pub relation: String,
    /// The date the claim is about (inclusive range), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<DateRange>,
}

/// Compiles every pattern now rather than on first use ([`crate::Checker::warm_up`], which
/// the extension's background runs once the core is ready, before it handles the first
/// check): compiling them is most of the first check's time on a cold worker.
pub fn compile_patterns() {
    let _ = (office::patterns(), succession::patterns(), succession::title_after(), founding::patterns(), membership::patterns(), membership::consists());
    let _ = tenure::patterns();
    let _ = (election::patterns(), proposal::patterns(), summit::patterns(), crate::text::dates::regex(), scope_date_pattern());
    let _ = hedged("");
    let _ = crate::text::sentences("");
}

/// Family entry points: each returns the claims it found and checked in one sentence.
pub fn check_sentence(s: &Sentence, ctx: &Ctx) -> Vec<(Family, Checked)> {
    let mut out = Vec::new();
    if s.count(Kind::Person) > 0 && (s.count(Kind::Office) > 0 || s.count(Kind::Country) > 0) {
        // The office family also reads the party before a title it confirmed ("Labour Prime
        // Minister X"): those claims are the ones that used a party affiliation.
        let party = |c: &Checked| c.rows.iter().any(|r| matches!(r, explain::Row::Affiliation(_)));
        out.extend(office::find(s, ctx).into_iter().map(|c| (if party(&c) { Family::Party } else { Family::Office }, c)));
    }
    if s.skeleton.has("ruling ") || s.skeleton.has("governing ") {
        out.extend(party::ruling(s, ctx).into_iter().map(|c| (Family::Party, c)));
    }
    if s.count(Kind::Person) > 0 && s.count(Kind::Office) > 0 {
        out.extend(party::first_since(s, ctx).into_iter().map(|c| (Family::Party, c)));
    }
    let sk = &s.skeleton;
    let party_words =
        || ["'s ", "’s ", " whose ", " of the ", " his ", " her ", ", \u{E000}O"].iter().any(|w| sk.has(w)) || sk.starts_with("His ") || sk.starts_with("Her ");
    if s.count(Kind::Person) > 0 && party_words() {
        out.extend(party::possessive(s, ctx).into_iter().map(|c| (Family::Party, c)));
    }
    if s.count(Kind::Person) > 0 {
        out.extend(party::before_name(s, ctx).into_iter().map(|c| (Family::Party, c)));
    }
    if s.count(Kind::Person) > 0 && s.count(Kind::Office) == 0 && s.tokens.iter().any(|t| matches!(t, Token::Date(_))) {
        let lower = s.skeleton.to_ascii_lowercase();
        if ["took office", "took power", "came to power", "assumed office", "assumed power", "was inaugurated"].iter().any(|w| lower.has(w)) {
            out.extend(office::took_office(s, ctx).into_iter().map(|c| (Family::Office, c)));
        }
    }
    // Every pattern of the time-in-power family needs a length or "since" and a word of
    // ruling. The first test needs no lower-case copy of the sentence (measured: making one
    // for every sentence with a person cost about 5% of a check of the 2 MB benchmark page).
    let length_or_since = || ["year", "Year", "decade", "Decade", "centur", "Centur", " since ", " Since "].iter().any(|w| s.skeleton.has(w));
    if s.count(Kind::Person) > 0 && length_or_since() {
        let lower = s.skeleton.to_ascii_lowercase();
        let ruling = [
            " ruled ", " governed ", " reigned ", " led ", " in power", " in office since", " rule", " reign", " at the helm", " after ", " leader since",
            " strongman since",
        ]
        .iter()
        .any(|w| lower.has(w));
        if ruling {
            out.extend(tenure::find(s, ctx, &lower).into_iter().map(|c| (Family::Office, c)));
        }
    }
    if s.count(Kind::Person) >= 2 || (s.count(Kind::Person) == 1 && s.skeleton.has("redecessor")) {
        out.extend(succession::find(s, ctx).into_iter().map(|c| (Family::Succession, c)));
    }
    // "The bloc was formed in 2001": an organisation the paragraph named stands behind it.
    let anaphor = s.count(Kind::Org) == 0
        && ctx.memory.borrow().paragraph_org(s.block).is_some()
        && (ANAPHOR.is_match(&s.skeleton) || [" added ", " admitted "].iter().any(|w| s.skeleton.has(w)));
    if anaphor {
        out.extend(founding::find(s, ctx).into_iter().map(|c| (Family::Founding, c)));
        out.extend(membership::find(s, ctx).into_iter().map(|c| (Family::Membership, c)));
    }
    if s.count(Kind::Org) > 0 {
        out.extend(founding::find(s, ctx).into_iter().map(|c| (Family::Founding, c)));
        out.extend(membership::find(s, ctx).into_iter().map(|c| (Family::Membership, c)));
        let lower = s.skeleton.to_ascii_lowercase();
        if ["summit", "presidency", "chair", "conference", "meeting", "host", "leaders", "gather", " met "].iter().any(|w| lower.has(w)) {
            out.extend(summit::find(s, ctx).into_iter().map(|c| (Family::Summit, c)));
        }
    }
    if s.count(Kind::Proposal) > 0 {
        out.extend(proposal::find(s, ctx).into_iter().map(|c| (Family::Proposal, c)));
    }
    // "run" stands for "runoff", "run-off", "re-run" and "rerun"; "won the presidency" is a
    // vote too.
    if s.electoral || ["vote", "run", " elected ", "won the presidency", "s presidency"].iter().any(|w| s.skeleton.has(w)) {
        out.extend(election::find(s, ctx).into_iter().map(|c| (Family::Election, c)));
    }
    // One test of assertion for every family: a question, a hypothetical, a negation or a
    // reported belief settles nothing. And one test of names: a surname alone that the
    // article has not tied to the table's person contradicts nothing.
    for (fam, c) in out.iter_mut() {
        // The office family tests its own claim's person (a name in an apposition beside it
        // is not the claim's); its time-in-power claims are tested here, as the others are.
        if c.verdict == Verdict::Contradicted && (*fam != Family::Office || matches!(c.why, explain::Why::InPower { .. })) {
            let claim = s.span(c.span.clone());
            let memory = ctx.memory.borrow();
            let bare = s.tokens.iter().find_map(|t| match t {
                Token::Entity(h) if h.kind == Kind::Person && claim.start <= h.start && h.end <= claim.end => {
                    reading::bare_surname_unsettled(s, h, &memory, ctx.table, None, claim.clone()).then_some(h)
                }
                _ => None,
            });
            if let Some(h) = bare {
                downgrade_bare_surname(c, &s.block[h.start..h.end]);
            }
        }
        if c.verdict != Verdict::Unknown && reading::not_asserted(s, c.span.clone()).is_some() {
            c.verdict = Verdict::Unknown;
            c.reason = Reason::NotAsserted;
            c.why = explain::Why::NotAsserted;
            c.rows = Vec::new();
        }
    }
    out
}

/// Sentences that report a claim as false or doubtful ("falsely claimed that …"): the claim
/// inside is not the article's, and warning on it would warn on a true sentence.
pub(crate) fn hedged(text: &str) -> bool {
    static RE: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    crate::text::cached(&RE, || {
        crate::text::regex(r"(?i-u)\b(?:the prospect of|what if|misleading|doctored|fabricated|hoax|falsely|wrongly|incorrectly|erroneously|mistakenly|baseless|debunked|false claims?|untrue|rumou?rs?|rumou?red|misinformation|disinformation|conspiracy|hypothetical(?:ly)?|imagine|fictional|satire)(?-u:\b)")
    })
    .is_match(text)
}

/// Who "he" or "she" at skeleton offset `at` refers to: the one person named earlier in the
/// sentence, else the subject the paragraph's previous sentence left ([`reading::Memory`]). A
/// sentence with two people leaves it unclear: nobody.
pub(crate) fn pronoun_referent(s: &Sentence, at: usize, ctx: &Ctx) -> Vec<usize> {
    let before: Vec<Vec<usize>> = s.tokens_before(at).iter().filter(|h| h.kind == Kind::Person).map(|h| people_of(h)).collect();
    let mut distinct = before.clone();
    distinct.dedup();
    match distinct.as_slice() {
        [one] => one.clone(),
        [] => ctx.memory.borrow().last_subject(s.block).unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// Whether a sentence names no entity but says "the bloc" or "the alliance" while its paragraph
/// is about one organisation: it is read too ("The alliance was founded in 1949.").
pub(crate) fn refers_to_paragraph_org(text: &str, block: &str, ctx_memory: &reading::SharedMemory) -> bool {
    ctx_memory.borrow().paragraph_org(block).is_some() && ANAPHOR.is_match(text)
}

/// A number written in digits or as a word up to fifty ("9", "nine", "a" for one), as counts
/// and lengths are written.
pub(crate) fn small_number(w: &str) -> Option<u32> {
    const WORDS: [&str; 20] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
        "seventeen", "eighteen", "nineteen", "twenty",
    ];
    if let Ok(n) = w.parse::<u32>() {
        return Some(n);
    }
    let w = w.to_ascii_lowercase();
    match w.as_str() {
        "a" | "an" => Some(1),
        "thirty" => Some(30),
        "forty" => Some(40),
        "fifty" => Some(50),
        _ => WORDS.iter().position(|x| *x == w).map(|i| i as u32 + 1),
    }
}

/// The words that stand for the organisation a paragraph is about ([`ORG_ANAPHOR`]).
static ANAPHOR: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| crate::text::regex(&format!(r"(?i-u)\b{ORG_ANAPHOR}\b")));

/// "The bloc", "the alliance", "the grouping", "the organisation": written in a pattern where
/// an organisation may stand (group `the`), they mean the one the paragraph named
/// ([`reading::Memory::paragraph_org`]).
pub(crate) const ORG_ANAPHOR: &str = r"(?:[Tt]he\s+(?:bloc|alliance|grouping|organi[sz]ation))";

/// The organisation a pattern's `g` group names, or that its `the` group ("the bloc") stands for.
pub(crate) fn org_in(s: &Sentence, c: &Groups, ctx: &Ctx) -> Option<usize> {
    match s.hit(c, "g") {
        Some(h) => org_of(h),
        None => c.name("the").and_then(|m| anaphor_org(s, m.start(), ctx)),
    }
}

/// The organisation "the bloc" or "the alliance" at skeleton offset `at` stands for: the one
/// the sentence named before it ("NATO leaders met, where the alliance's 31 members …"), else
/// the one the paragraph is about. Two organisations named before it leave it unresolved, and
/// so does an international office's title alone ("NATO Secretary-General X said the bloc's
/// members …" may well mean the EU).
pub(crate) fn anaphor_org(s: &Sentence, at: usize, ctx: &Ctx) -> Option<usize> {
    let mut named = None;
    for g in s.tokens_before(at).iter().filter_map(|h| org_of(h)) {
        match named {
            Some(a) if a != g => return None,
            _ => named = Some(g),
        }
    }
    named.or_else(|| ctx.memory.borrow().paragraph_org(s.block))
}

/// The one person a shared name stands for when the article has named exactly one of its
/// candidates in full before ("Kamala Harris …; later, President Harris"), as a reader takes it.
pub(crate) fn named_earlier(h: &Hit<'_>, ctx: &Ctx) -> Option<usize> {
    let candidates = people_of(h);
    if candidates.len() < 2 {
        return None;
    }
    let memory = ctx.memory.borrow();
    let mut named = candidates.iter().filter(|p| memory.named(**p));
    let first = *named.next()?;
    named.next().is_none().then_some(first)
}

/// The person candidates of a hit, narrowed to the one the article named in full if it did
/// ([`named_earlier`]).
pub(crate) fn people_in(h: &Hit<'_>, ctx: &Ctx) -> Vec<usize> {
    named_earlier(h, ctx).map(|p| vec![p]).unwrap_or_else(|| people_of(h))
}

/// The person candidates of a hit.
pub fn people_of(h: &Hit<'_>) -> Vec<usize> {
    h.refs.iter().filter_map(|r| if let Ref::Person(p, _) = r { Some(*p) } else { None }).collect()
}

/// The office candidates of a hit.
pub fn offices_of(h: &Hit<'_>) -> Vec<usize> {
    h.refs.iter().filter_map(|r| if let Ref::Office(o) = r { Some(*o) } else { None }).collect()
}

/// The organisation of a hit (first candidate).
pub fn org_of(h: &Hit<'_>) -> Option<usize> {
    h.refs.iter().find_map(|r| if let Ref::Org(o) = r { Some(*o) } else { None })
}

/// The country of a country-name or adjective hit.
pub fn country_of(h: &Hit<'_>) -> Option<usize> {
    h.refs.iter().find_map(|r| match r {
        Ref::Country(c) | Ref::Demonym(c) => Some(*c),
        _ => None,
    })
}

/// A name written with `?` in the table is shared with people the table may not hold ("Carter"
/// is Ash Carter in the table, and Jimmy Carter outside it). Such a name can confirm a claim
/// once the context resolves it, but it never contradicts one.
pub fn downgrade_if_shared(c: &mut Checked, h: &Hit<'_>, written: &str, ctx: &Ctx) {
    let shared = h.refs.iter().any(|r| matches!(r, Ref::Person(_, true))) && named_earlier(h, ctx).is_none();
    if shared && c.verdict == Verdict::Contradicted {
        c.verdict = Verdict::Unknown;
        c.reason = Reason::SharedName;
        c.why = explain::Why::SharedName(written.into(), Box::new(std::mem::replace(&mut c.why, explain::Why::Silent)));
    }
}

/// A surname alone that the article has not tied to the table's person ([`reading::bare_surname_unsettled`])
/// contradicts nothing: the claim becomes `unknown`, and says why.
pub fn downgrade_bare_surname(c: &mut Checked, written: &str) {
    c.verdict = Verdict::Unknown;
    c.reason = Reason::BareSurname;
    c.why = explain::Why::BareSurname(written.into());
    c.rows = Vec::new();
}

impl<'a> Sentence<'a> {
    /// The entity hits before skeleton offset `at`, in order.
    pub fn tokens_before(&self, at: usize) -> Vec<&Hit<'a>> {
        self.entities_in(&self.skeleton[..at])
    }

    /// The entity hits whose tokens lie in a matched part of the skeleton (a list of countries).
    pub fn tokens_in(&self, m: crate::text::groups::Match) -> Vec<&Hit<'a>> {
        self.entities_in(m.as_str())
    }

    /// The entity hits of the tokens in a part of the skeleton, in order.
    fn entities_in(&self, part: &str) -> Vec<&Hit<'a>> {
        part.split(OPEN)
            .skip(1)
            .filter_map(|rest| match self.token_after_open(rest)? {
                Token::Entity(h) => Some(h),
                Token::Date(_) => None,
            })
            .collect()
    }
}

/// How a country is named inside a sentence: "the United States", "the Netherlands", "Japan".
#[inline(never)]
pub fn country_words(t: &Table, c: usize) -> String {
    let n = &t.countries[c].name;
    let plural = n.ends_with('s') && !matches!(&**n, "Laos" | "Belarus" | "Cyprus" | "Mauritius" | "Barbados");
    if n.starts_with("United ") || n.has("Republic") || plural || n.starts_with("State of") {
        crate::t!("the {}", n)
    } else {
        n.to_string()
    }
}

/// An organisation's name at the start of a sentence: "The European Union", "AUKUS".
pub fn org_sentence_start(name: &str) -> String {
    if name.contains(' ') && !name.starts_with("The ") {
        crate::t!("The {}", name)
    } else {
        name.to_string()
    }
}
