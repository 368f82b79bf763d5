//! Explanations: the one place where a judgement is put into words.
//!
//! A family decides a claim and returns a structured judgement ([`Checked`]): its verdict, the
//! rule that decided it ([`Reason`]), the table's rows it used ([`Row`]) and what the reader
//! needs to be told ([`Why`]: ids, dates and the pattern of the explanation, never text).
//! [`write`] turns a `Why` into a sentence, and [`sources`] the rows into their URLs, only for
//! a finding that is shown: most findings of a page are only counted.
//!
//! Every statement that names an office names it from the row it is about (its `name`, "Prime
//! Minister of Japan"), never from the title as written, so an explanation cannot put a person
//! into another country's office.

use super::Checked;
use crate::facts::{human, DateRange, Table, Term};
use crate::text::case::TextCase;
use crate::{t, tr};
use chrono::NaiveDate;

/// A row of the table that a judgement used; its source is listed with the finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    /// A term of office (`terms`).
    Term(u32),
    /// An office (`offices`).
    Office(u32),
    /// A person's date of death (`people`, `deaths.tsv`).
    Death(u32),
    /// A membership (`memberships`).
    Membership(u32),
    /// An election (`elections`).
    Election(u32),
    /// An organisation (`orgs`): its founding.
    Org(u32),
    /// Where an organisation was founded (`founding.tsv`).
    Founding(u32),
    /// A proposal (`proposals`).
    Proposal(u32),
    /// A summit (`summits`).
    Summit(u32),
    /// A rotating presidency (`presidencies`).
    Presidency(u32),
    /// A party (`parties`).
    Party(u32),
    /// A person's party while in office (`affiliations`).
    Affiliation(u32),
    /// The parties in government (`governments`).
    Government(u32),
}

/// The index of `x` in `all`, which must hold it: rows are found by reference, and a judgement
/// keeps their indices.
pub fn index_in<T>(all: &[T], x: &T) -> u32 {
    let at = (x as *const T as usize).wrapping_sub(all.as_ptr() as usize) / std::mem::size_of::<T>().max(1);
    debug_assert!(at < all.len(), "a row outside its table");
    at as u32
}

/// The row of a term.
pub fn term_row(t: &Table, x: &Term) -> Row {
    Row::Term(index_in(&t.terms, x))
}

/// The date a claim is checked at, as it is written: a day, or the range the sentence gave.
#[derive(Clone, Copy, Debug)]
pub enum When {
    /// A day ("4 October 2021").
    Day(NaiveDate),
    /// A date as the sentence gave it ("2019", "October 2021").
    Range(DateRange),
}

impl When {
    /// The sentence's date, else the article's day.
    pub fn of(date: Option<DateRange>, reference: NaiveDate) -> When {
        date.map(When::Range).unwrap_or(When::Day(reference))
    }
}

impl std::fmt::Display for When {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            When::Day(d) => f.write_str(&human(*d)),
            When::Range(r) => write!(f, "{r}"),
        }
    }
}

/// What ends a sentence about a person's history in an office ([`Why::History`]).
#[derive(Clone, Copy, Debug)]
pub enum Then {
    /// Nothing more.
    Stop,
    /// The table does not reach the date.
    NotCovered(When),
    /// The title may mean something the table does not contradict.
    KeptAsHonorific,
    /// The article's date falls in the person's term: the title may be today's.
    TitleOfArticleDate,
    /// The sentence speaks of an earlier time.
    EarlierTime,
    /// The table has no holder of the office on a day.
    NoHolderOn(NaiveDate),
    /// The table has no holder of the office in a range.
    NoHolderIn(DateRange),
    /// A former holder who holds the office again.
    FormerAgain,
    /// Still in office on a day, so not a former holder.
    StillInOffice(NaiveDate),
    /// Never held it, so not a former holder.
    NotFormer,
    /// Another person held the office in a range, and this one never did.
    HeldInsteadBy(DateRange, NaiveDate),
    /// The person is of another country, and held no office of this one (a country's index).
    NoOfficeOf(u32),
}

/// What follows an election's days in an explanation ([`Why::Election`]).
#[derive(Clone, Copy, Debug)]
pub enum Poll {
    /// Nothing more.
    Stop,
    /// Not on the day the sentence gave.
    NotOn(NaiveDate),
    /// How many days after the article's date it is.
    DaysAfter,
    /// The sentence may mean another vote.
    MayMeanAnother,
    /// Who won it.
    WonBy(u32),
    /// Whose party came first (a person of [`crate::facts::Election::first`]), though the
    /// winner formed the government.
    CameFirst(u32),
    /// Its winner was elected on its decisive day, not on this one.
    ElectedOn(NaiveDate),
}

/// Where the table has no election ([`Why::NoElection`]).
#[derive(Clone, Copy, Debug)]
pub enum PollAt {
    /// In a year or month.
    In(DateRange),
    /// On a day.
    On(NaiveDate),
    /// After the article's date.
    After,
}

/// What an explanation of a founding says of its founders ([`Why::Founded`]).
#[derive(Clone, Debug)]
pub enum Founders {
    /// Nothing: the sentence named none.
    Unsaid,
    /// The sentence's list is confirmed.
    Confirmed,
    /// These countries the sentence named were not founders.
    Not(Vec<u32>),
}

/// What follows a handover in an explanation ([`Why::Succeeded`]).
#[derive(Clone, Copy, Debug)]
pub enum Handed {
    /// Nothing more.
    Stop,
    /// The sentence's date may be another event's.
    OtherEvent,
}

/// What follows a country's membership history in an explanation ([`Why::Member`]).
#[derive(Clone, Copy, Debug)]
#[allow(missing_docs)] // The fields, as in [`Why`].
pub enum Joined {
    /// Nothing more.
    Stop,
    /// The table runs to its `as_of`.
    TableRunsTo,
    /// So it was not a member on a day.
    NotMemberOn(NaiveDate),
    /// It did not join at the date given.
    DidNotJoin(DateRange),
    /// It was not the member number claimed: with it the body had `hi` members.
    NotNumber { lo: u32, hi: u32, claimed: u32 },
    /// It has not left.
    HasNotLeft,
    /// It did not leave at the date given.
    DidNotLeave(DateRange),
}

/// What a sentence's credit of a proposal comes to ([`Why::Proposal`]).
#[derive(Clone, Copy, Debug)]
pub enum Credited {
    /// The originator is named beside the person credited.
    BesideOriginator,
    /// A reaction to it, or its author named, not an attribution.
    Reaction,
    /// Who is credited is unclear.
    Unclear,
    /// Credited to its originator.
    Originator,
    /// Others are known for it too.
    SharedWithOthers,
    /// The table dates it after the article.
    DatedAfter,
    /// Credited to this person, not its originator.
    NotBy(u32),
}

/// What follows a summit in an explanation ([`Why::Summit`]).
#[derive(Clone, Debug)]
pub enum Met {
    /// Nothing more.
    Stop,
    /// Not in the place the sentence gave, where another summit met.
    NotIn(Box<str>),
    /// The table does not list the place the sentence gave.
    PlaceNotListed(Box<str>),
}

/// What an explanation says, as data. Its fields are named for what they hold: `person`,
/// `office`, `org`, `country`, `election`, `summit`, `proposal` are indices into the table's
/// lists of those; `from`, `to`, `term`, `prev`, `next` index terms (of office, or of a
/// rotating presidency); `day`, `began`, `upto`, `on`, `held_on` are days and `claimed` is what
/// the sentence said.
#[derive(Clone, Debug)]
#[allow(missing_docs)] // The fields, by the naming rule above.
pub enum Why {
    /// Nothing to say (an unknown finding that is never shown).
    Silent,
    /// A person's history in an office, then what follows from it.
    History {
        /// The person.
        person: u32,
        /// The office.
        office: u32,
        /// What follows.
        then: Then,
    },
    /// Held the office acting on the date.
    ActingHeld { person: u32, office: u32, when: When },
    /// No acting term on the date.
    NoActingTerm { person: u32, office: u32, when: When },
    /// "Has been X since D": the present tenure began on another day.
    SinceOtherDay { person: u32, office: u32, began: NaiveDate, claimed: DateRange },
    /// On a day someone else held the office: who, and the person's own history there (the
    /// day they took it, if later; other offices they held that day; their death).
    HeldBy { person: u32, office: u32, day: NaiveDate, later: Option<NaiveDate> },
    /// "Former X" of a person who only took the office after the date.
    NotYetFormer { person: u32, office: u32, began: NaiveDate, upto: NaiveDate },
    /// "Became X in D" of a person who became it on other days.
    BecameOtherDay { person: u32, office: u32, elected: bool, starts: Vec<NaiveDate>, claimed: DateRange, held_on: NaiveDate },
    /// An office whose list in the table begins after the person may have held it (it was
    /// created or renamed later, or the person's career began before the list does).
    CreatedLater { person: u32, office: u32 },
    /// A title of a body whose offices the table does not hold.
    OtherBody,
    /// A name that could mean several people.
    NameCouldMean(Vec<u32>),
    /// A title that could mean several offices.
    TitleCouldMean(Box<str>),
    /// Readings that disagree.
    ReadingsDisagree,
    /// Took office on the date.
    TookOffice { person: u32, office: u32, on: NaiveDate },
    /// Took office on another day: the first day, the present term's, who held it then.
    TookOfficeOtherDay { person: u32, office: u32, first: NaiveDate, present: NaiveDate, claimed: DateRange, held_on: NaiveDate },
    /// The sentence does not assert the claim.
    NotAsserted,
    /// A surname alone, not tied to the table's person.
    BareSurname(Box<str>),
    /// A name several people share, then what the claim's check found.
    SharedName(Box<str>, Box<Why>),
    /// An election as the table has it, then what follows.
    Election { election: u32, then: Poll },
    /// The table has no election of the kind in the country at the date.
    NoElection { country: u32, kind: Box<str>, at: PollAt },
    /// When an organisation was founded, and by whom.
    Founded { org: u32, founders: Founders, not_in: Option<[String; 2]> },
    /// A handover as the table lists it (terms `from` and `to`), then what follows.
    Succeeded { from: u32, to: u32, then: Handed },
    /// A handover on another day than the sentence's; the one on that day, if any.
    SucceededOtherDay { from: u32, to: u32, claimed: DateRange, then: Option<(u32, u32)> },
    /// The top office the person took about then, from someone else; when `before` had left it.
    Inferred { from: u32, to: u32, before: u32 },
    /// The predecessor's successor was someone else; when the person `named` took the office.
    SuccessorWas { from: u32, to: u32, named: u32 },
    /// The sentence names an office the table does not hold.
    OfficeNotHeld,
    /// No such succession in the table's offices.
    NoSuchSuccession,
    /// A country's rows in an organisation, then what follows.
    Member { country: u32, org: u32, then: Joined },
    /// A programme, area or part of an organisation, not the organisation.
    PartOfBody { org: u32 },
    /// The date is after the table's `as_of`.
    TableRunsTo,
    /// Listed countries that were not members on a day, and who the members were.
    NotMembers { org: u32, day: NaiveDate, not: Vec<u32>, members: Vec<u32> },
    /// The newest member of an organisation on a day, and when it joined.
    Newest { org: u32, day: NaiveDate, country: u32, joined: NaiveDate },
    /// Listed countries the table does not list as members (its list is not complete).
    NotListed { org: u32, day: NaiveDate, not: Vec<u32> },
    /// A list said to be complete that leaves members out.
    LeavesOut { org: u32, day: NaiveDate, members: Vec<u32> },
    /// The listed countries were members.
    Included { org: u32, day: NaiveDate, listed: Vec<u32> },
    /// How many members an organisation had on a day, and the number claimed if wrong.
    MemberCount { org: u32, day: NaiveDate, count: u32, claimed: Option<u32> },
    /// A proposal, and what the sentence's credit of it comes to.
    Proposal { proposal: u32, credited: Credited },
    /// A summit as the table has it, then what follows.
    Summit { summit: u32, then: Met },
    /// The table does not cover the sentence's date.
    DateNotCovered,
    /// The table cannot tell which summit is meant.
    WhichSummit,
    /// Terms of a rotating presidency of the sentence's body `org`, in order.
    Presidencies { org: u32, terms: Vec<u32> },
    /// A presidency term and the one before it: who took over from whom.
    TookOverFrom { org: u32, term: u32, prev: u32 },
    /// The party claimed for a person in an office, and the person's party rows then.
    PartyOf { person: u32, office: u32, claimed: u32, rows: Vec<u32> },
    /// The party claimed to be ruling in a country, and the government rows then.
    Ruling { country: u32, claimed: u32, governments: Vec<u32> },
    /// Whom a country handed the presidency to.
    HandedTo { org: u32, from: u32, next: u32 },
    /// "the first PARTY TITLE since …": the party's last holder of the office before the
    /// person's term (`last`, a term), and whether that settles the claim.
    FirstSince { person: u32, office: u32, party: u32, last: u32, later: bool },
    /// A person's runs in power in a country up to `on`, and the length or start claimed (as
    /// written): `former` when the person was out of power then.
    InPower { person: u32, country: u32, runs: Vec<PowerRun>, on: NaiveDate, former: bool, claimed: Box<str> },
}

/// A stretch of time in power: the top offices held one after another without a break.
#[derive(Clone, Debug)]
pub struct PowerRun {
    /// The first day.
    pub start: NaiveDate,
    /// The last day, if it ended by the sentence's date.
    pub end: Option<NaiveDate>,
    /// The last day the table vouches for (a running term's office's coverage).
    pub through: NaiveDate,
    /// The offices, in the order first held.
    pub offices: Vec<u32>,
    /// The terms, in order.
    pub terms: Vec<u32>,
}

/// "7 years and 1 month", "11 months".
fn length_words(from: NaiveDate, to: NaiveDate) -> String {
    // Whole months, rounded (an average month is 30.437 days).
    let months = ((to - from).num_days() * 1000 + 15_218) / 30_437;
    let (y, m) = (months / 12, months % 12);
    let mut out = String::new();
    for (n, months) in [(y, false), (m, true)] {
        if n == 0 && !(y == 0 && months) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(&t!(" and "));
        }
        let unit = match (months, n == 1) {
            (false, true) => tr!("{} year"),
            (false, false) => tr!("{} years"),
            (true, true) => tr!("{} month"),
            (true, false) => tr!("{} months"),
        };
        out.push_str(&t!(@ unit, n));
    }
    out
}

/// The explanation of a judgement made at the article's date `reference`, in words.
pub fn write(t: &Table, reference: NaiveDate, why: &Why) -> String {
    let name = |p: &u32| t.people[*p as usize].name.as_ref();
    let office = |o: &u32| t.offices[*o as usize].name.as_ref();
    let term = |x: &u32| &t.terms[*x as usize];
    match why {
        Why::Silent => String::new(),
        Why::History { person, office: o, then } => {
            let history = history_words(t, *person as usize, *o as usize);
            match then {
                Then::Stop => t!("{}.", history),
                Then::NotCovered(w) => t!("{}; the table does not cover {}.", history, w),
                Then::KeptAsHonorific => t!("{}; the title is kept by former holders as an honorific.", history),
                Then::TitleOfArticleDate => t!("{}; the title may be the one the person holds at the article's date.", history),
                Then::EarlierTime => t!("{}; the sentence speaks of an earlier time, which the title may describe.", history),
                Then::NoHolderOn(d) => t!("{}; the table does not say who held the office on {}.", history, human(*d)),
                Then::NoHolderIn(d) => t!("{}; the table does not say who held the office in {}.", history, d),
                Then::FormerAgain => t!("{}: a former holder who holds the office again.", history),
                Then::StillInOffice(d) => t!("{}: on {} {} was still in office, not a former {}.", history, human(*d), name(person), office(o)),
                Then::NotFormer => t!("{}, so is not a former {}.", history, office(o)),
                Then::NoOfficeOf(c) => t!("{}; the table has {} in no office of {}.", history, name(person), t.countries[*c as usize].name),
                Then::HeldInsteadBy(d, on) => {
                    t!("{}; {} the {} was {}.", history, d.with_preposition(), office(o), holders_words(t, *o as usize, *on).unwrap_or_default())
                }
            }
        }
        Why::ActingHeld { person, office: o, when } => t!("{} was acting {} on {}.", name(person), office(o), when),
        Why::NoActingTerm { person, office: o, when } => t!("The table has no acting term of {} as {} on {}.", name(person), office(o), when),
        Why::SinceOtherDay { person, office: o, began, claimed } => t!(
            "{} has been {} since {}, not {}. {}.",
            name(person),
            office(o),
            human(*began),
            claimed.with_preposition().trim_start_matches(t!("on {}", "").as_str()).trim_start_matches(t!("in {}", "").as_str()),
            history_words(t, *person as usize, *o as usize)
        ),
        Why::HeldBy { person, office: o, day, later } => {
            let who = holders_words(t, *o as usize, *day).unwrap_or_default();
            let mut why = match later {
                Some(l) => t!("On {} the {} was {}; {} only became {} on {}.", human(*day), office(o), who, name(person), office(o), human(*l)),
                None => t!("On {} the {} was {}. {}.", human(*day), office(o), who, history_words(t, *person as usize, *o as usize)),
            };
            let others = other_offices_on(t, *person as usize, *o as usize, *day);
            if !others.is_empty() {
                let names: Vec<&str> = others.iter().map(|&x| t.offices[x].name.as_ref()).collect();
                why.push_str(&t!(" On that day {} was {}.", name(person), names.join(t!(" and ").as_str())));
            }
            if let Some(died) = died_before(t, *person as usize, *day) {
                why.push_str(&t!(" {} died on {}.", name(person), human(died)));
            }
            why
        }
        Why::NotYetFormer { person, office: o, began, upto } => {
            t!("{} only became {} on {}, after {}.", name(person), office(o), human(*began), human(*upto))
        }
        Why::BecameOtherDay { person, office: o, elected, starts, claimed, held_on } => {
            let starts: Vec<String> = starts.iter().map(|d| human(*d)).collect();
            let (days, on, held) =
                (starts.join(t!(" and on ").as_str()), claimed.with_preposition(), holders_words(t, *o as usize, *held_on).unwrap_or_default());
            let said = match elected {
                true => tr!("{} took office as {} on {}, not {}; {} the office was held by {}."),
                false => tr!("{} became {} on {}, not {}; {} the office was held by {}."),
            };
            t!(@ said, name(person), office(o), days, on, on, held)
        }
        Why::CreatedLater { person, office: o } => t!(
            "The table lists holders of {} only from {}; {} may have held it, or a post it replaced, before.",
            office(o),
            super::office::list_start(t, *o as usize).map(human).unwrap_or_default(),
            name(person)
        ),
        Why::OtherBody => t!("The title here belongs to a body whose offices the table does not hold, so it is not checked."),
        Why::NameCouldMean(people) => {
            t!("The name could mean {}; the sentence does not say which.", people.iter().map(name).collect::<Vec<_>>().join(t!(" or ").as_str()))
        }
        Why::TitleCouldMean(title) => t!("The table cannot tell which office \"{}\" means here.", title),
        Why::ReadingsDisagree => t!("The sentence can be read as being about more than one person or office, and the readings disagree."),
        Why::TookOffice { person, office: o, on } => t!("{} took office as {} on {}.", name(person), office(o), human(*on)),
        Why::TookOfficeOtherDay { person, office: o, first, present, claimed, held_on } => {
            let mut why = t!("{} took office as {} on {}", name(person), office(o), human(*first));
            if first != present {
                why.push_str(&t!(" (the present term from {})", human(*present)));
            }
            if let Some(who) = holders_words(t, *o as usize, *held_on) {
                why.push_str(&t!("; {} the office was held by {}", claimed.with_preposition(), who));
            }
            why.push('.');
            why
        }
        Why::NotAsserted => t!("The sentence does not assert this (it asks, supposes, denies or reports a belief), so it is not checked."),
        Why::BareSurname(written) => {
            t!("\"{}\" alone may name someone else: the article has not named this person in full, so this is not flagged.", written)
        }
        Why::SharedName(written, inner) => t!("\"{}\" is a name several people share, so this is not flagged. {}", written, write(t, reference, inner)),
        Why::Election { election, then } => {
            let e = &t.elections[*election as usize];
            let days: Vec<String> = std::iter::once(e.date).chain(e.other_dates.iter().copied()).map(human).collect();
            let said = match e.date > reference {
                true => tr!("The {} election in {} is held on {}"),
                false => tr!("The {} election in {} was held on {}"),
            };
            let say = t!(@ said, crate::words::word(&e.kind), super::country_words(t, e.country), days.join(t!(" and ").as_str()));
            match then {
                Poll::Stop => t!("{}.", say),
                Poll::NotOn(d) => t!("{}, not on {}.", say, human(*d)),
                Poll::DaysAfter => t!("{}, {} days after {}.", say, (e.date - reference).num_days(), human(reference)),
                Poll::MayMeanAnother => t!("{}; the sentence may mean another vote.", say),
                Poll::WonBy(w) => t!("{}; {} won it.", say, name(w)),
                // (Written only of a vote whose winner the table holds.)
                Poll::CameFirst(p) => {
                    t!("{}; the party of {} came first, and {} formed the government.", say, name(p), name(&(e.winner.unwrap_or_default() as u32)))
                }
                Poll::ElectedOn(d) => match e.winner {
                    Some(w) => t!("{}; {} was elected on {}, not on {}.", say, name(&(w as u32)), human(e.date), human(*d)),
                    None => t!("{}, not on {}.", say, human(*d)),
                },
            }
        }
        Why::NoElection { country, kind, at } => {
            let cn = &t.countries[*country as usize].name;
            match at {
                PollAt::In(d) => {
                    let said = match d.precision == crate::facts::Precision::Day {
                        true => tr!("The table has no {} election in {} on {}."),
                        false => tr!("The table has no {} election in {} in {}."),
                    };
                    t!(@ said, crate::words::word(kind), cn, d)
                }
                PollAt::On(d) => t!("The table has no {} election in {} on {}.", crate::words::word(kind), cn, human(*d)),
                PollAt::After => t!("The table has no {} election in {} after {}.", crate::words::word(kind), cn, human(reference)),
            }
        }
        Why::Founded { org, founders, not_in } => {
            let o = &t.orgs[*org as usize];
            let founded = match o.founded {
                Some(f) => {
                    let alts: Vec<String> = o.founded_alt.iter().map(|d| d.to_string()).collect();
                    let name = super::org_sentence_start(&o.name);
                    let said = match (f.precision == crate::facts::Precision::Day, alts.is_empty()) {
                        (true, true) => tr!("{} was founded on {}"),
                        (false, true) => tr!("{} was founded in {}"),
                        (true, false) => tr!("{} was founded on {} (sources also give {})"),
                        (false, false) => tr!("{} was founded in {} (sources also give {})"),
                    };
                    t!(@ said, name, f, alts.join(", "))
                }
                None => t!("The table has no founding date for {}", super::membership::the(&o.name)),
            };
            let names = |cs: &mut dyn Iterator<Item = usize>| cs.map(|c| super::country_words(t, c)).collect::<Vec<_>>().join(", ");
            // A long list (the UN's 51 founders, the WTO's 125) is said as a count.
            let all = match o.founders.len() {
                n @ 21.. => t!("{} countries", n),
                _ => names(&mut o.founders.iter().copied()),
            };
            let said = match founders {
                Founders::Not(w) => {
                    t!("{}; its founders were {}, not {}.", founded, all, names(&mut w.iter().map(|&c| c as usize)))
                }
                Founders::Confirmed => t!("{} by {}.", founded, all),
                Founders::Unsaid => t!("{}.", founded),
            };
            // The place: the first of those the table gives ("It was founded in Washington, not
            // in Brussels.").
            match not_in {
                Some([at, not]) => t!("{} It was founded in {}, not in {}.", said, at, not),
                None => said,
            }
        }
        Why::Succeeded { from, to, then } => {
            let (a, b) = (term(from), term(to));
            let say = t!("{} succeeded {} as {} on {}", t.people[b.person].name, t.people[a.person].name, t.offices[b.office].name, human(b.start));
            match then {
                Handed::Stop => t!("{}.", say),
                Handed::OtherEvent => t!("{}; the date in the sentence may belong to another event.", say),
            }
        }
        Why::SucceededOtherDay { from, to, claimed, then } => {
            let (a, b) = (term(from), term(to));
            let say = t!("{} succeeded {} on {}", t.people[b.person].name, t.people[a.person].name, human(b.start));
            match then {
                Some((f, g)) => t!("{}; {} {} succeeded {}.", say, claimed.with_preposition(), t.people[term(g).person].name, t.people[term(f).person].name),
                None => t!("{} (as {}), not {}.", say, t.offices[b.office].name, claimed.with_preposition()),
            }
        }
        Why::Inferred { from, to, before } => {
            let (a, b) = (term(from), term(to));
            let mut why = t!("{} succeeded {} as {} on {}.", t.people[b.person].name, t.people[a.person].name, t.offices[b.office].name, human(b.start));
            let left = t.terms_of_office(b.office).filter(|y| y.person == *before as usize && y.end.is_some_and(|e| e <= b.start)).filter_map(|y| y.end).max();
            if let Some(e) = left {
                why.push_str(&t!(" {} had left the office on {}.", name(before), human(e)));
            }
            why
        }
        Why::SuccessorWas { from, to, named } => {
            let (a, b) = (term(from), term(to));
            let office = &t.offices[b.office].name;
            let mut why = t!("{}'s successor as {} was {} (on {}).", t.people[a.person].name, office, t.people[b.person].name, human(b.start));
            match t.terms_of_office(b.office).find(|x| x.person == *named as usize && !x.acting) {
                Some(x) => why.push_str(&t!(" {} took office as {} on {}.", name(named), office, human(x.start))),
                None => why.push_str(&t!(" {} has not held the office.", name(named))),
            }
            why
        }
        Why::OfficeNotHeld => t!("The office named is not one the table holds."),
        Why::NoSuchSuccession => t!("The table has no such succession, but it may have happened in a post the table does not hold."),
        Why::Member { country, org, then } => {
            let history = membership_words(t, *country as usize, *org as usize);
            match then {
                Joined::Stop => t!("{}.", history),
                Joined::TableRunsTo => t!("{}; the table runs to {}.", history, human(t.as_of)),
                Joined::NotMemberOn(d) => t!("{}, so on {} it was not a member.", history, human(*d)),
                Joined::DidNotJoin(d) => t!("{}; it did not join {}.", history, d.with_preposition()),
                Joined::NotNumber { lo, hi, claimed } => {
                    let count = if lo == hi { t!("member number {}", lo) } else { t!("one of members {} to {}", lo, hi) };
                    t!("{}; with it {} had {} members, so it was {}, not number {}.", history, t.orgs[*org as usize].name, hi, count, claimed)
                }
                Joined::HasNotLeft => t!("{}; it has not left.", history),
                Joined::DidNotLeave(d) => t!("{}; it did not leave {}.", history, d.with_preposition()),
            }
        }
        Why::PartOfBody { org } => t!(
            "This is about a programme, area or part of {}, not about membership of the organisation itself.",
            super::membership::the(&t.orgs[*org as usize].name)
        ),
        Why::TableRunsTo => t!("The table runs to {}.", human(t.as_of)),
        Why::Newest { org, day, country, joined } => t!(
            "On {} the newest member of {} was {}, a member since {}.",
            human(*day),
            super::membership::the(&t.orgs[*org as usize].name),
            super::country_words(t, *country as usize),
            human(*joined)
        ),
        Why::NotMembers { org, day, not, members } => {
            let g = *org as usize;
            let roles: String = not
                .iter()
                .flat_map(|&c| super::membership::member_rows(t, c as usize, g))
                .filter(|m| !m.is_member())
                .map(|m| t!(" ({} is {}, not a member)", super::country_words(t, m.country), role_noun(&m.role)))
                .collect();
            let said = match not.len() > 1 {
                true => tr!("{} are not members of {}{}; on {} its members were {}."),
                false => tr!("{} is not a member of {}{}; on {} its members were {}."),
            };
            t!(@ said, countries(t, not), super::membership::the(&t.orgs[g].name), roles, human(*day), countries(t, members))
        }
        Why::NotListed { org, day, not } => {
            t!("The table does not list {} as a member of {} on {}.", countries(t, not), super::membership::the(&t.orgs[*org as usize].name), human(*day))
        }
        Why::LeavesOut { org, day, members } => t!(
            "The list leaves out members: on {} the members of {} were {}.",
            human(*day),
            super::membership::the(&t.orgs[*org as usize].name),
            countries(t, members)
        ),
        Why::Included { org, day, listed } => {
            t!("On {} the members of {} included {}.", human(*day), super::membership::the(&t.orgs[*org as usize].name), countries(t, listed))
        }
        Why::MemberCount { org, day, count, claimed } => {
            let gn = super::membership::the(&t.orgs[*org as usize].name);
            match claimed {
                Some(n) => t!("On {} {} had {} members, not {}.", human(*day), gn, count, n),
                None => t!("On {} {} had {} members.", human(*day), gn, count),
            }
        }
        Why::Proposal { proposal, credited } => {
            let x = &t.proposals[*proposal as usize];
            let by = &t.people[x.originator].name;
            let start = || super::proposal::sentence_start(&x.name);
            match credited {
                Credited::BesideOriginator => {
                    t!("The sentence names {} beside the person it credits, so it may describe a joint launch or a reaction.", by)
                }
                Credited::Reaction => t!("The sentence reports a reaction to {}, or names its author, rather than attributing it.", x.name),
                Credited::Unclear => t!("The sentence does not make plain who proposed it."),
                Credited::Originator => t!("{} was {}'s proposal ({}).", start(), by, super::proposal::when(x)),
                Credited::SharedWithOthers => t!("{} is associated with {} ({}), but others are known for it too.", x.name, by, x.date),
                Credited::DatedAfter => t!("The table dates {} to {}, after this article.", x.name, x.date),
                Credited::NotBy(p) => t!("{} was {}'s proposal ({}), not {}'s.", start(), by, super::proposal::when(x), name(p)),
            }
        }
        Why::Summit { summit, then } => {
            let said = super::summit::summit_words(t, &t.summits[*summit as usize]).capitalised();
            match then {
                Met::Stop => t!("{}.", said),
                Met::NotIn(place) => t!("{}, not in {}.", said, place),
                Met::PlaceNotListed(place) => t!("{}; the table does not list {} for it.", said, place),
            }
        }
        Why::DateNotCovered => t!("The table does not cover that date."),
        Why::WhichSummit => t!("The table cannot tell which summit this is."),
        Why::Presidencies { org, terms } => {
            let parts: Vec<String> = terms.iter().map(|x| presidency_words(t, *org as usize, &t.presidencies[*x as usize])).collect();
            t!("{}.", parts.join("; ").capitalised())
        }
        Why::TookOverFrom { org, term, prev } => {
            let (x, y) = (&t.presidencies[*term as usize], &t.presidencies[*prev as usize]);
            t!(
                "{} took over the {} presidency from {} on {}.",
                super::country_words(t, x.holder).capitalised(),
                body_words(t, *org as usize),
                super::country_words(t, y.holder),
                human(x.start)
            )
        }
        Why::PartyOf { person, office: o, claimed, rows } => {
            let parts: Vec<String> = rows
                .iter()
                .map(|&r| {
                    let x = &t.affiliations[r as usize];
                    let party = x.party.map(|p| party_words(t, p)).unwrap_or_else(|| t!("no party"));
                    t!("{} {}", party, range_words(t, x.start, x.end))
                })
                .collect();
            let said = t!("As {}, {} belonged to {}", office(o), name(person), parts.join(t!(", then to ").as_str()));
            match rows.iter().any(|&r| t.affiliations[r as usize].party == Some(*claimed as usize)) {
                true => t!("{}.", said),
                false => t!("{}, not to {}.", said, party_words(t, *claimed as usize)),
            }
        }
        Why::FirstSince { person, office: o, party, last, later } => {
            let x = term(last);
            let said = t!(
                "Before {}, the last {} from {} was {}, {}",
                name(person),
                office(o),
                party_words(t, *party as usize),
                name(&(x.person as u32)),
                range_words(t, x.start, Some(t.term_end(x)))
            );
            if *later {
                t!("{}: later than the sentence says.", said)
            } else {
                t!("{}.", said)
            }
        }
        Why::InPower { person, country, runs, on, former, claimed } => {
            let parts: Vec<String> = runs
                .iter()
                .map(|r| {
                    let offices: Vec<&str> = r.offices.iter().map(office).collect();
                    let span = match r.end {
                        Some(e) => t!("from {} to {} ({})", human(r.start), human(e), length_words(r.start, e)),
                        None => t!("since {} ({} on {})", human(r.start), length_words(r.start, *on), human(*on)),
                    };
                    t!("{}, as {}", span, offices.join(t!(", then ").as_str()))
                })
                .collect();
            // "has been" for a run still going on the date; a run that ended (even that day) "was".
            let (country, runs_said) = (super::country_words(t, *country as usize), parts.join(t!("; and ").as_str()));
            let said = match runs.iter().all(|r| r.end.is_none()) {
                true => tr!("{} has been in power in {} {}"),
                false => tr!("{} was in power in {} {}"),
            };
            let said = t!(@ said, name(person), country, runs_said);
            if *former {
                t!("{}: out of power on {}, so not \"{}\".", said, human(*on), claimed)
            } else if claimed.is_empty() {
                t!("{}.", said)
            } else {
                t!("{}: not {}.", said, claimed)
            }
        }
        Why::Ruling { country, claimed, governments } => {
            let parts: Vec<String> = governments
                .iter()
                .map(|&g| {
                    let x = &t.governments[g as usize];
                    let ps: Vec<String> = x.parties.iter().map(|p| p.map(|p| party_words(t, p)).unwrap_or_else(|| t!("non-party ministers"))).collect();
                    t!("{} {}", ps.join(t!(" and ").as_str()), range_words(t, x.start, x.end))
                })
                .collect();
            let said = t!("The government of {} was formed by {}", super::country_words(t, *country as usize), parts.join(t!("; then by ").as_str()));
            match governments.iter().any(|&g| t.governments[g as usize].parties.contains(&Some(*claimed as usize))) {
                true => t!("{}.", said),
                false => t!("{}; {} was not in government.", said, party_words(t, *claimed as usize)),
            }
        }
        Why::HandedTo { org, from, next } => {
            let x = &t.presidencies[*next as usize];
            t!(
                "{} handed the {} presidency to {} on {}.",
                super::country_words(t, *from as usize).capitalised(),
                body_words(t, *org as usize),
                super::country_words(t, x.holder),
                human(x.start)
            )
        }
    }
}

/// "France, Germany, the Netherlands".
fn countries(t: &Table, cs: &[u32]) -> String {
    cs.iter().map(|&c| super::country_words(t, c as usize)).collect::<Vec<_>>().join(", ")
}

/// A country's history in an organisation: "Britain was a member of the European Union from
/// 1973 to 2020".
fn membership_words(t: &Table, c: usize, g: usize) -> String {
    let rows = super::membership::member_rows(t, c, g);
    let (cn, gn) = (super::country_words(t, c), super::membership::the(&t.orgs[g].name));
    if rows.is_empty() {
        // The table lists every member of some bodies only: of the others it knows some.
        if !t.orgs[g].members_complete {
            return t!("The table does not list every member of {}, and has no row for {}", gn, cn);
        }
        return t!("{} has not been a member of {} (the table runs to {})", cn, gn, human(t.as_of));
    }
    let parts: Vec<String> = rows
        .iter()
        .map(|m| {
            let role = match m.role.as_ref() {
                "founding-member" => t!("a founding member of"),
                "permanent-member" => t!("a permanent member of"),
                "partner" => t!("a partner of"),
                "observer" => t!("an observer at"),
                "candidate" => t!("a candidate for membership of"),
                _ => t!("a member of"),
            };
            // A step taken in stages (data/README.md, `joined`): its first day, then its last.
            let stages = |d: crate::facts::DateRange| match d.precision {
                crate::facts::Precision::Span => t!("{} (in stages to {})", human(d.start), human(d.end)),
                _ => d.to_string(),
            };
            match m.left {
                Some(l) => t!("{} was {} {} from {} to {}", cn, role, gn, stages(m.joined), stages(l)),
                None => t!("{} has been {} {} since {}", cn, role, gn, stages(m.joined)),
            }
        })
        .collect();
    parts.join("; ")
}

/// A role that is not membership (`Membership::is_member`), as a noun: "an observer".
fn role_noun(role: &str) -> String {
    match role {
        "partner" => t!("a partner"),
        "candidate" => t!("a candidate for membership"),
        // The loader allows no other role that is not membership.
        _ => t!("an observer"),
    }
}

/// "the Labour Party", "Forza Italia": a party's name as a sentence uses it.
fn party_words(t: &Table, p: usize) -> String {
    let n = &t.parties[p].name;
    let the = (n.contains("Party")
        || ["Union", "Alliance", "Movement", "Rally", "Front", "League", "Congress", "Democrats", "Republicans", "Greens", "Left"]
            .iter()
            .any(|w| n.ends_with(w)))
        && !n.starts_with("The ");
    if the {
        t!("the {}", n)
    } else {
        n.to_string()
    }
}

/// "from 24 July 2019 to 6 September 2022", or "since 5 July 2024".
fn range_words(t: &Table, start: NaiveDate, end: Option<NaiveDate>) -> String {
    match end {
        Some(e) => t!("from {} to {}", human(start), human(e)),
        None => t!("since {} (the table runs to {})", human(start), human(t.as_of)),
    }
}

/// A body as its presidency is named: "G20", "Council of the European Union".
fn body_words(t: &Table, g: usize) -> String {
    t.orgs[g].aliases.first().map(|a| a.to_string()).unwrap_or_else(|| t.orgs[g].name.to_string())
}

/// "Brazil held the G20 presidency from 1 December 2023 to 30 November 2024".
fn presidency_words(t: &Table, g: usize, x: &crate::facts::Presidency) -> String {
    let body = body_words(t, g);
    match x.end {
        Some(e) => t!("{} held the {} presidency from {} to {}", super::country_words(t, x.holder), body, human(x.start), human(e)),
        None => t!("{} has held the {} presidency since {}", super::country_words(t, x.holder), body, human(x.start)),
    }
}

/// The sources of the rows used, without repeats, in order.
pub fn sources(t: &Table, rows: &[Row]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in rows {
        let i = |n: &u32| *n as usize;
        let s: &str = match r {
            Row::Term(n) => &t.terms[i(n)].source,
            Row::Office(n) => &t.offices[i(n)].source,
            Row::Death(n) => match &t.people[i(n)].died {
                Some((_, s)) => s,
                None => continue,
            },
            Row::Membership(n) => &t.memberships[i(n)].source,
            Row::Election(n) => &t.elections[i(n)].source,
            Row::Org(n) => &t.orgs[i(n)].source,
            Row::Founding(n) => &t.orgs[i(n)].founded_in_source,
            Row::Proposal(n) => &t.proposals[i(n)].source,
            Row::Summit(n) => &t.summits[i(n)].source,
            Row::Presidency(n) => &t.presidencies[i(n)].source,
            Row::Party(n) => &t.parties[i(n)].source,
            Row::Affiliation(n) => &t.affiliations[i(n)].source,
            Row::Government(n) => &t.governments[i(n)].source,
        };
        if !out.iter().any(|o| o == s) {
            out.push(s.to_string());
        }
    }
    out
}

/// One bar of a finding's timeline: a term of office or a membership that the judgement used,
/// for the tooltip to draw against the claim's date.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Bar {
    /// Who held the office (the person's name), or which country was the member.
    pub label: String,
    /// The office or the organisation.
    pub of: String,
    /// First day.
    pub start: NaiveDate,
    /// Last day; `None` if it still ran on the table's `as_of`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveDate>,
    /// Whether the claim names this holder or member.
    pub claimed: bool,
}

/// A finding's timeline: the days the claim is about (the date it gives, else the article's
/// date) and the bars to draw against them.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Timeline {
    /// First day the claim is about.
    pub from: NaiveDate,
    /// Last day the claim is about (the same day when it is about one).
    pub to: NaiveDate,
    /// The terms and memberships, in order of their start.
    pub bars: Vec<Bar>,
}

/// The most bars a timeline has.
const MAX_BARS: usize = 6;

impl Why {
    /// Whom the claim names (people, or a country, as the table's indices) and the date it
    /// gives, where the judgement keeps them: what a timeline marks as claimed. Read from the
    /// judgement rather than the claim's structured data, which the extension's core leaves out.
    fn subject(&self, t: &Table) -> ([Option<u32>; 2], Option<u32>, Option<DateRange>) {
        let day = |d: NaiveDate| Some(DateRange { start: d, end: d, precision: crate::facts::Precision::Day });
        let term = |n: &u32| Some(t.terms[*n as usize].person as u32);
        match self {
            Why::History { person, .. } | Why::ActingHeld { person, .. } | Why::NoActingTerm { person, .. } | Why::NotYetFormer { person, .. } => {
                ([Some(*person), None], None, None)
            }
            Why::HeldBy { person, day: d, .. } | Why::TookOffice { person, on: d, .. } => ([Some(*person), None], None, day(*d)),
            Why::SinceOtherDay { person, claimed, .. } | Why::BecameOtherDay { person, claimed, .. } | Why::TookOfficeOtherDay { person, claimed, .. } => {
                ([Some(*person), None], None, Some(*claimed))
            }
            Why::InPower { person, .. } => ([Some(*person), None], None, None),
            Why::SharedName(_, inner) => inner.subject(t),
            Why::Succeeded { from, to, .. } => ([term(from), term(to)], None, None),
            Why::SucceededOtherDay { from, to, claimed, .. } => ([term(from), term(to)], None, Some(*claimed)),
            Why::SuccessorWas { from, named, .. } => ([term(from), Some(*named)], None, None),
            Why::Member { country, then, .. } => (
                [None, None],
                Some(*country),
                match then {
                    Joined::DidNotJoin(d) | Joined::DidNotLeave(d) => Some(*d),
                    Joined::NotMemberOn(d) => day(*d),
                    _ => None,
                },
            ),
            Why::Newest { country, .. } => ([None, None], Some(*country), None),
            _ => ([None, None], None, None),
        }
    }
}

/// The timeline of a finding: the terms and memberships among its rows, in order of their
/// start; of more than [`MAX_BARS`], those around the claim's date. `None` when the judgement
/// used none (a founding, an election, a summit).
pub fn timeline(t: &Table, c: &Checked, reference: NaiveDate) -> Option<Timeline> {
    let (people, country, date) = c.why.subject(t);
    let (from, to) = date.map_or((reference, reference), |d| (d.start, d.end));
    // Each bar's row, as its place in the judgement's rows, sorted by the bar's start (through
    // the u32 sort the core already has).
    let span = |r: &Row| match *r {
        Row::Term(n) => Some((t.terms[n as usize].start, t.terms[n as usize].end)),
        Row::Membership(n) => Some((t.memberships[n as usize].joined.start, t.memberships[n as usize].left.map(|l| l.start))),
        _ => None,
    };
    let mut rows: Vec<u32> = Vec::new();
    for (i, r) in c.rows.iter().enumerate() {
        if span(r).is_some() && !c.rows[..i].contains(r) {
            rows.push(i as u32);
        }
    }
    let when = |i: &u32| span(&c.rows[*i as usize]).unwrap_or((reference, None));
    crate::order::slice_by_key(&mut rows, |i| crate::order::date(when(i).0));
    // The MAX_BARS in a row around the first that still ran on `from`.
    let at = rows.iter().position(|i| when(i).1.is_none_or(|e| e >= from)).unwrap_or(rows.len());
    let first = at.saturating_sub(MAX_BARS / 2).min(rows.len().saturating_sub(MAX_BARS));
    let mut bars = Vec::new();
    for i in rows.iter().skip(first).take(MAX_BARS) {
        let (start, end) = when(i);
        let (label, of, claimed) = match c.rows[*i as usize] {
            Row::Term(n) => {
                let x = &t.terms[n as usize];
                (&t.people[x.person].name, &t.offices[x.office].name, people.contains(&Some(x.person as u32)))
            }
            Row::Membership(n) => {
                let m = &t.memberships[n as usize];
                (&t.countries[m.country].name, &t.orgs[m.org].name, country == Some(m.country as u32))
            }
            _ => continue,
        };
        bars.push(Bar { label: label.to_string(), of: of.to_string(), start, end, claimed });
    }
    (!bars.is_empty()).then_some(Timeline { from, to, bars })
}

/// Puts a finding into words: its explanation and its sources, for a finding that is shown.
pub fn words(t: &Table, reference: NaiveDate, c: &Checked) -> (String, Vec<String>) {
    (write(t, reference, &c.why), sources(t, &c.rows))
}

/// "from 4 October 2021 to 1 October 2024", or "since 4 October 2021".
fn span_words(t: &Table, x: &Term) -> String {
    match x.end {
        Some(e) => t!("from {} to {}", human(x.start), human(e)),
        None => t!("since {}; the table runs to {}", human(x.start), human(t.covered(x.office))),
    }
}

fn terms_words(t: &Table, terms: &[&Term]) -> String {
    let parts: Vec<String> = terms.iter().map(|x| span_words(t, x)).collect();
    match parts.len() {
        0 => String::new(),
        1 => parts[0].clone(),
        _ => t!("{} and {}", parts[..parts.len() - 1].join(", "), parts[parts.len() - 1]),
    }
}

/// "X was O from A to B, and has been again since C" / "X has been O since C", from the
/// person's full (not acting) terms in the office.
pub fn history_words(t: &Table, p: usize, o: usize) -> String {
    let who = &t.people[p].name;
    let office = &t.offices[o].name;
    let full: Vec<&Term> = t.terms_of_person(p).filter(|x| x.office == o && !x.acting).collect();
    let closed: Vec<&Term> = full.iter().copied().filter(|x| x.end.is_some()).collect();
    let open: Vec<&Term> = full.iter().copied().filter(|x| x.end.is_none()).collect();
    let since = |x: &Term| t!("since {} (the table runs to {})", human(x.start), human(t.covered(x.office)));
    match (closed.is_empty(), open.first()) {
        (true, None) => {
            // Only acting terms: said as such, never "has not held the office" (a caretaker
            // who stood in between two holders).
            let acting: Vec<&Term> = t.terms_of_person(p).filter(|x| x.office == o).collect();
            if acting.is_empty() {
                t!("{} has not held the office of {} (the table runs to {})", who, office, human(t.as_of))
            } else {
                t!("{} has held the office of {} only as acting holder, {}", who, office, terms_words(t, &acting))
            }
        }
        (true, Some(o)) => t!("{} has been {} {}", who, office, since(o)),
        (false, None) => t!("{} was {} {}", who, office, terms_words(t, &closed)),
        (false, Some(o)) => t!("{} was {} {}, and has been again {}", who, office, terms_words(t, &closed), since(o)),
    }
}

/// The terms of the holders of an office on a day: the substantive holders, or an acting one
/// when the table lists no other (an attorney general fired and replaced by the deputy
/// "acting" until a successor is confirmed).
pub fn holders(t: &Table, office: usize, on: NaiveDate) -> Vec<&Term> {
    let on_day = |acting: bool| -> Vec<&Term> { t.terms_of_office(office).filter(|x| x.acting == acting && x.start <= on && on <= t.term_end(x)).collect() };
    let hs = on_day(false);
    if hs.is_empty() {
        on_day(true)
    } else {
        hs
    }
}

/// "Fumio Kishida (from 4 October 2021 to 1 October 2024)": the holders on a day, if any.
pub fn holders_words(t: &Table, office: usize, on: NaiveDate) -> Option<String> {
    let hs = holders(t, office, on);
    if hs.is_empty() {
        return None;
    }
    let names: Vec<String> =
        hs.iter().map(|x| t!("{} ({}{})", t.people[x.person].name, if x.acting { t!("acting, ") } else { String::new() }, span_words(t, x))).collect();
    Some(names.join(t!(" and ").as_str()))
}

/// The other offices of the same jurisdiction that `p` held on `day`: "Olaf Scholz was
/// Chancellor of Germany that day".
pub fn other_offices_on(t: &Table, p: usize, o: usize, day: NaiveDate) -> Vec<usize> {
    let body = t.offices[o].jurisdiction;
    let mut v: Vec<usize> = t
        .terms_of_person(p)
        .filter(|x| x.office != o && t.offices[x.office].jurisdiction == body && x.start <= day && day <= t.term_end(x))
        .map(|x| x.office)
        .collect();
    v.dedup();
    v
}

/// The day a person died, if before `day`.
pub fn died_before(t: &Table, p: usize, day: NaiveDate) -> Option<NaiveDate> {
    t.people[p].died.as_ref().map(|d| d.0).filter(|&d| d < day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_is_found_by_reference() {
        let v = [10u64, 20, 30];
        assert_eq!(index_in(&v, &v[2]), 2);
        assert_eq!(index_in(&v, &v[0]), 0);
    }

    #[test]
    fn sources_keep_their_order_and_drop_repeats() {
        let checker = crate::Checker::bundled().expect("bundled table");
        let t = checker.table();
        let rows = [Row::Term(0), Row::Term(1), Row::Term(0), Row::Office(t.terms[0].office as u32)];
        let got = sources(t, &rows);
        let mut want: Vec<String> = Vec::new();
        for s in [&t.terms[0].source, &t.terms[1].source, &t.terms[0].source, &t.offices[t.terms[0].office].source] {
            if !want.iter().any(|w| w == &**s) {
                want.push(s.to_string());
            }
        }
        assert_eq!(got, want);
        assert!(!got.is_empty());
    }

    #[test]
    fn a_silent_judgement_writes_nothing_and_a_held_by_names_the_office() {
        let checker = crate::Checker::bundled().expect("bundled table");
        let t = checker.table();
        assert_eq!(write(t, t.as_of, &Why::Silent), "");
        // Any term that ended: on its last day its holder held the office, and a later
        // holder's history is written beside it.
        let x = t.terms.iter().find(|x| x.end.is_some() && !x.acting).expect("a closed term");
        let day = x.end.unwrap();
        let other = t.terms.iter().find(|y| y.office != x.office && !y.acting).expect("another office");
        let words = write(t, day, &Why::HeldBy { person: other.person as u32, office: x.office as u32, day, later: None });
        assert!(words.contains(&*t.offices[x.office].name), "{words}");
        assert!(words.contains(&*t.people[x.person].name), "{words}");
    }
}
