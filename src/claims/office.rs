//! Office held: "President Biden", "Japan's Prime Minister Fumio Kishida", "Kishida, Japan's
//! prime minister,", "former President Trump", "then-Prime Minister Abe", "Kishida became
//! prime minister in 2021".
//!
//! How a bare title is read: news keeps calling people by titles they once held ("President
//! Clinton"), and describes past events with the title a person holds now. So a bare title is
//! `contradicted` only when the person had **never** held the office by the article's date
//! (or by the sentence's explicit date, for "then-"). It is `supported` when the person held
//! it on the date, and `unknown` otherwise.
use super::explain::{self, term_row, Row, Then, When, Why};
use super::reading::{self, qualifier_after, qualifier_before, Qualifier};
use super::*;
use crate::facts::{Body, Term};
use crate::text::case::TextCase;
use crate::text::Has;

/// How far from the article's date a "new" holder may have taken, or be about to take, the
/// office.
const NEW_DAYS: i64 = 30;
/// How far ahead "will take office" may look (see `about_to_take_office`).
const TAKE_OFFICE_DAYS: i64 = 250;

/// How far a "became X on DATE" day may be from the table's start date before it is
/// contradicted: sources differ by a day or two between appointment and swearing-in.
const START_TOLERANCE_DAYS: i64 = 3;

/// How long after an election day a term may start and still be "elected in" that year or
/// month (US presidents take office 11 weeks after election day).
const ELECTED_WINDOW_DAYS: i64 = 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Current,
    /// "X, prime minister since 2005": holds it, in a term that began then.
    Since,
    Former,
    Then,
    Acting,
    Became,
    Elected,
}

/// Words right before a title that make it another office ("Deputy Prime Minister",
/// "Vice-President") or not a statement about holding it ("outgoing", "incoming", "a",
/// "Kenya's founding president", "the first prime minister").
const BLOCKERS: &[&str] = &[
    "deputy", "vice", "assistant", "under", "shadow", "junior", "associate", "lieutenant", "principal", "first", "second", "incoming", "late", "future",
    "would-be", "designate", "party", "opposition", "student", "club", "company", "university", "bank", "fmr", "presumptive", "potential", "possible", "next",
    "aspiring", "candidate", "self-declared", "self-styled", "elected", "lady", "an", "a", "ex", "founding", "inaugural", "onetime", "one-time", "erstwhile",
    // Words that say the person has lost the office or the life, or is being removed from it
    // ("ousted President X", "impeached President X"): the title may be what X was, as
    // "former" or "the late" says, so it is not checked.
    "ousted", "deposed", "toppled", "overthrown", "exiled", "jailed", "slain", "assassinated", "impeached",
];

/// Whether `w`, the word right before a title, keeps the title from saying the person holds
/// the office: one of [`BLOCKERS`], or a count of terms ("three-time prime minister X",
/// "two-term President X"), which sums up a career and may be all in the past. "Long-time"
/// describes a holder as "veteran" does.
fn blocks(w: &str) -> bool {
    BLOCKERS.contains(&w) || ((w.ends_with("-time") || w.ends_with("-term")) && !w.starts_with("long"))
}

/// Verbs of leaving an office ("resigned as prime minister"): the person held it up to the
/// clause's date, as "had been" reads.
const LEFT: &[&str] = &["resigned", "stepped down", "quit", "sacked", "fired", "dismissed", "ousted", "removed"];

/// Which pattern matched: each reads a title in one position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// "[former] [Japan's] Prime Minister Fumio Kishida".
    TitleBeforeName,
    /// "Fumio Kishida, Japan's prime minister,", "Kishida is Japan's prime minister".
    Apposition,
    /// "Kishida became prime minister in 2021".
    Became,
    /// "As president since 2012, Hollande …".
    AsSince,
    /// "Zimbabwe's Hakainde Hichilema" ([`possessive_country`]).
    Possessive,
}

const SHAPES: [Shape; 5] = [Shape::TitleBeforeName, Shape::Apposition, Shape::Became, Shape::AsSince, Shape::Possessive];

pub(crate) fn patterns() -> &'static [Pattern; 5] {
    static RE: std::sync::OnceLock<[Pattern; 5]> = std::sync::OnceLock::new();
    crate::text::cached(&RE, || {
        let m = r"(?:(?i:(?P<mod>former|then|acting|interim|caretaker|current|sitting|outgoing|new))(?:\s+|-)|(?P<ex>(?i:ex)-))";
        let m2 = r"(?:(?i:(?P<mod2>former|then|acting|interim|caretaker|current|sitting|outgoing|new))(?:\s+|-)|(?P<ex2>(?i:ex)-))";
        [
            // Shape::TitleBeforeName: [former] [Japan's | NATO] [former] [Labour] Prime Minister[,] Fumio Kishida
            pattern(&format!(r"{m}?(?:(?:(?P<q>{{Q}})|(?P<g>{{G}}))(?:'s|’s)?\s+{m2}?(?P<desc>[A-Z][A-Za-z'-]*\s+)?)?(?P<o>{{O}}),?\s+(?P<p>{{P}})")),
            // Shape::Apposition: Fumio Kishida, [the] [then] [Japan's] [Labour] prime minister[ of Japan],
            // and the same said with "is" or "remains": "Kishida is Japan's prime minister",
            // "Kishida, who is now prime minister,".
            pattern(&format!(
                r"(?P<p>{{P}})(?:,\s+(?:(?i:who)\s+(?i:is|remains)\s+)?|\s+(?P<cop2>(?i:is|remains))\s+)(?P<pre>(?:(?i:the|a|an|then|now|currently)\s+)*){m}?(?:(?:(?P<q>{{Q}})|(?P<g>{{G}}))(?:'s|’s)?\s+)?(?P<desc>(?:[A-Z][A-Za-z'-]*\s+){{1,2}})?(?P<o>{{O}})(?:\s+of\s+(?:the\s+)?(?:(?P<q2>{{Q}})|(?P<g2>{{G}})))?(?:\s+(?:(?i:continuously|uninterruptedly|without interruption|without a break)\s+)?(?i:since)\s+(?P<since>{{D}}))?(?:\s*(?:[,.;)]|$)|\s+(?i:and|who|said|says|told)(?-u:\b))"
            )),
            // Shape::Became: Kishida became [Japan's] prime minister [in 2021]
            pattern(
                r"(?P<p>{P})(?P<appos>,\s+[^,;:()]+?,)?(?:,\s+(?i:who))?\s+(?:(?i:had|has)\s+)?(?P<adv>(?i:first|later|eventually|finally|subsequently|then|briefly|also)\s+)?(?P<verb>(?i:became|was elected|was re-elected|was reelected|was chosen as|was voted in as|was sworn in as|was appointed|was reappointed|was re-appointed|has been appointed|has been reappointed|has been re-appointed|has been named|was named|took office as|took the oath as|took the oath of office as|was inaugurated as|returned as|had been|has been|had served as|has served as|served as|once served as|previously served as|had once been|resigned as|has resigned as|had resigned as|stepped down as|quit as|was sacked as|was fired as|was dismissed as|was ousted as|was removed as))\s+(?:(?i:the|a)\s+)?(?:(?i:country's|nation's)\s+)?(?:(?P<q>{Q})(?:'s|’s)?\s+)?(?:(?i:first|new|next)\s+(?P<adj>[a-z-]+\s+)?)?(?P<o>{O})(?:\s+of\s+(?:the\s+)?(?:(?P<q2>{Q})|(?P<g2>{G})))?(?:(?:\s+(?i:in|at)\s+(?:{Q}|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?))?\s*,?\s+(?i:in|on)\s+(?P<d>{D})|\s+(?:(?i:continuously|uninterruptedly|without interruption|without a break)\s+)?(?i:since)\s+(?P<since>{D}))?",
            ),
            // Shape::AsSince: As [Japan's] prime minister since 2012, Shinzo Abe …
            pattern(r"(?:^|[,;:]\s*|\s)(?i:as)\s+(?:(?P<q>{Q})(?:'s|’s)?\s+)?(?P<o>{O})\s+(?i:since)\s+(?P<since>{D})\s*,\s+(?P<p>{P})"),
            // Shape::Possessive: Zimbabwe's Hakainde Hichilema, the name ending the phrase or
            // before a verb.
            pattern(r"(?P<q>{C})(?:'s|’s)\s+(?P<p>{P})(?:\s*(?:[,.;:)]|$)|\s+(?i:and|said|says|has|had|is|was|will|would|who|told|met)(?-u:\b))"),
        ]
    })
}

/// Whether "of the …" after a name (block offset `at`) names a party of one of the people's
/// countries.
fn of_a_party(s: &Sentence, ctx: &Ctx, at: usize, people: &[usize]) -> bool {
    let lead = if s.block[at..].starts_with(" of the ") { " of the ".len() } else { " of ".len() };
    people.iter().filter_map(|&p| ctx.table.people[p].country).any(|c| super::party::party_after(s, ctx.table, c, at + lead).is_some())
}

/// Whether the title's words are an abbreviation after a clock time: "at 3 PM Kishida said".
fn clock_time_before(s: &Sentence, at: usize, title: &str) -> bool {
    let short = title.len() <= 4 && title.chars().all(|c| c.is_ascii_uppercase() || c == '.');
    short && s.skeleton[..at].trim_end().chars().next_back().is_some_and(|c| c.is_ascii_digit())
}

/// Whether the words right after a title make it the possessor of what follows: "'s" at once
/// ("the prime minister's envoy"), or a name of up to four capitalised words that ends in
/// "'s" ("Prime Minister Shinzo Abe's foreign minister"; in the skeleton a name may be a
/// token).
fn possessor_follows(rest: &str) -> bool {
    if rest.starts_with("'s") || rest.starts_with("’s") {
        return true;
    }
    for w in rest.split_whitespace().take(4) {
        if !w.starts_with(|c: char| crate::text::case::is_upper(c) || c == OPEN) {
            return false;
        }
        if w.ends_with("'s") || w.ends_with("’s") {
            return true;
        }
        if w.ends_with([',', '.', ';', ':']) {
            return false;
        }
    }
    false
}

/// "Zimbabwe's Hakainde Hichilema": a country's possessive before the full name of one of the
/// table's officeholders who is of another country and held no office of this one. Not a
/// likeness ("dubbed Brazil's Donald Trump"), nor a name that only qualifies a noun after it
/// ("Ukraine's Donald Trump problem"): the name must end the phrase or come before a verb.
fn possessive_country(s: &Sentence, c: &Groups, ctx: &Ctx, out: &mut Vec<Checked>) {
    let t = ctx.table;
    let (Some(qh), Some(ph)) = (s.hit(c, "q"), s.hit(c, "p")) else { return };
    let people = people_of(ph);
    let (Some(country), &[p]) = (country_of(qh), &people[..]) else { return };
    let whole = c.get(0).unwrap();
    let likened = s
        .words_before(whole.start(), 1)
        .first()
        .is_some_and(|w| ["called", "dubbed", "nicknamed", "as", "like", "labelled", "labeled", "branded", "styled"].contains(&w.as_str()));
    let full = s.block[ph.start..ph.end].contains(' ') && !ph.refs.iter().any(|r| matches!(r, Ref::Person(_, true)));
    // A country's name that is also a U.S. state's: "Georgia's Jimmy Carter" is the state's.
    if &*t.countries[country].id == "ge" {
        return;
    }
    if likened || !full || t.people[p].country.is_none_or(|pc| pc == country) {
        return;
    }
    if t.terms_of_person(p).any(|x| t.offices[x.office].jurisdiction == crate::facts::Body::Country(country)) {
        return;
    }
    // The office the person held last by the article's date (terms are in order of start).
    let Some(x) = t.terms_of_person(p).filter(|x| x.start <= ctx.reference).last() else { return };
    let claim = claim!(
        ctx,
        Claim { statement: statement!(ctx, "{} is of {}", t.people[p].name, t.countries[country].name), relation: "country".into(), ..Claim::default() }
    );
    out.push(Checked {
        span: whole.start()..whole.end(),
        claim,
        verdict: Verdict::Contradicted,
        reason: Reason::plain(Verdict::Contradicted),
        why: Why::History { person: p as u32, office: x.office as u32, then: Then::NoOfficeOf(country as u32) },
        rows: vec![term_row(t, x)],
    });
}

/// Finds office claims in a sentence and checks them.
pub fn find(s: &Sentence, ctx: &Ctx) -> Vec<Checked> {
    let mut out = Vec::new();
    let (offices, countries) = (s.count(Kind::Office) > 0, s.count(Kind::Country) > 0);
    for (shape, re) in SHAPES.iter().zip(patterns().iter()) {
        // The rare shape only where its word is: a scan of the sentence costs more than a
        // substring search.
        if (*shape == Shape::AsSince && !s.skeleton.has("ince ")) || (if *shape == Shape::Possessive { !countries } else { !offices }) {
            continue;
        }
        for c in re.captures_iter(&s.skeleton) {
            if *shape == Shape::Possessive {
                possessive_country(s, &c, ctx, &mut out);
                continue;
            }
            let whole = c.get(0).unwrap();
            let (Some(ph), Some(oh)) = (s.hit(&c, "p"), s.hit(&c, "o")) else {
                continue;
            };
            let o_match = c.name("o").unwrap();
            // The title must not be part of a longer one ("Vice-President", "deputy prime minister").
            let title_at = c.name("q").or(c.name("g")).map(|q| q.start()).unwrap_or(o_match.start());
            let lead = c.name("mod").or(c.name("ex")).map(|m| m.start()).unwrap_or(title_at);
            let check_at = if *shape == Shape::Apposition { o_match.start() } else { lead };
            if s.skeleton[..check_at].ends_with('-') {
                continue;
            }
            let before = s.words_before(check_at, 1);
            // "TITLE, NAME" is an apposition only after a determiner or a qualifier ("Britain's
            // home secretary, Suella Braverman"); otherwise the comma ends a clause or a list
            // ("Braverman named home secretary, Gove returns as …").
            if *shape == Shape::TitleBeforeName && s.skeleton[o_match.end()..].starts_with(',') {
                // A title that names its country ("Argentina's economy minister") has one.
                let det = c.name("q").is_some()
                    || c.name("g").is_some()
                    || s.hit(&c, "o").map(|h| &s.block[h.start..h.end]).is_some_and(|title| title.contains("'s ") || title.contains("’s "))
                    || before
                        .first()
                        .is_some_and(|w| matches!(w.as_str(), "the" | "his" | "her" | "its" | "their" | "our") || w.ends_with("'s") || w.ends_with("’s"));
                // "With Javid gone as Britain's home secretary, Patel is tipped …": after "as" the
                // comma closes the phrase, and the name begins the main clause.
                if !det || before.first().is_some_and(|w| w == "as") {
                    continue;
                }
            }
            // A word before "former" or "then-" does not change the title ("elected former
            // Foreign Minister X", "a former prime minister").
            let modified = c.name("mod").or(c.name("ex")).is_some();
            // "elected LDP leader Yukio Hatoyama as prime minister": the title is the one held,
            // the post elected to comes after "as".
            let held = |w: &str| matches!(w, "elected" | "appointed" | "named") && s.skeleton[whole.end()..].starts_with(" as ");
            if *shape != Shape::Became && !modified && s.phrase_words_before(check_at, 1).first().is_some_and(|w| blocks(w) && !held(w)) {
                continue;
            }
            // An apposition between the name and the verb ("X, Abe's younger brother, was
            // named …") is a short phrase; a longer stretch is another clause. (Counted in
            // code: a bounded repeat of a Unicode class multiplies the regex's automaton.)
            if c.name("appos").is_some_and(|a| a.as_str().chars().count() > 100) {
                continue;
            }
            if *shape == Shape::Became && c.name("adj").is_some_and(|a| BLOCKERS.contains(&a.as_str().trim().lower().as_str())) {
                continue;
            }
            // "served as Prime Minister Abe's foreign minister", "was named the prime
            // minister's envoy": the title says whose post it was, not which post.
            if *shape == Shape::Became && c.name("d").is_none() && c.name("since").is_none() {
                let end = c.name("q2").or(c.name("g2")).map(|m| m.end()).unwrap_or(o_match.end());
                if possessor_follows(&s.skeleton[end..]) {
                    continue;
                }
            }
            if clock_time_before(s, o_match.start(), &s.block[oh.start..oh.end]) {
                continue;
            }
            // Descriptive words between a modifier and the title ("former Labour Prime
            // Minister X", "the late Conservative leader X") do not hide the modifier.
            let beyond = if *shape == Shape::TitleBeforeName && !modified { reading::word_before_descriptors(s, check_at) } else { None };
            if beyond.as_deref().is_some_and(blocks) {
                continue;
            }
            let beyond =
                beyond.filter(|w| matches!(w.as_str(), "former" | "then" | "acting" | "interim" | "caretaker" | "current" | "sitting" | "outgoing" | "new"));
            let modifier = c
                .name("mod")
                .or(c.name("mod2"))
                .map(|m| m.as_str().lower())
                .or_else(|| c.name("ex").or(c.name("ex2")).map(|_| "former".to_string()))
                .or(beyond);
            // "Biden is the president who signed the act" names him by a deed, not by an office
            // he holds that day: "is … who" is not read.
            if c.name("cop2").is_some() && whole.as_str().lower().ends_with("who") {
                continue;
            }
            let pre_then = c.name("pre").is_some_and(|p| p.as_str().lower().has("then"));
            let mode = match (shape, modifier.as_deref()) {
                (Shape::Became, _) => {
                    let v = c.name("verb").unwrap().as_str().lower();
                    // "had been / served as": held it at the clause's date, or ever before the
                    // article's, as "then-" reads.
                    let news_of_the_day =
                        (v == "returned as" || (v.starts_with("has been ") && v != "has been")) && c.name("d").is_none() && c.name("adv").is_none();
                    // "X has been chancellor since 1999": the term X holds now began then.
                    // Only with a year ("since May" may be any May) and in the present
                    // perfect ("had been … since" speaks of an earlier time).
                    let since_year = c.name("since").is_some_and(|d| s.block[s.span(d.range())].bytes().filter(u8::is_ascii_digit).count() >= 4);
                    if since_year && (v == "has been" || v == "has served as") && c.name("adv").is_none() {
                        Mode::Since
                    } else if news_of_the_day {
                        // "X returned as home secretary", "X has been appointed defence
                        // minister": news of the day, so X holds it now.
                        Mode::Current
                    } else if v.has("been") || v.has("served") || LEFT.iter().any(|l| v.has(l)) {
                        // "resigned / stepped down / was sacked as": held it until then.
                        Mode::Then
                    } else if ["elected", "chosen", "voted", "appointed", "named", "sworn", "inaugurated"].iter().any(|w| v.has(w)) {
                        // "was sworn in as president on Saturday" may open a second term, as
                        // "was re-elected" does: in office from that day, not first then.
                        Mode::Elected
                    } else {
                        Mode::Became
                    }
                }
                (_, Some("former")) => Mode::Former,
                (_, Some("then")) => Mode::Then,
                (_, Some("acting" | "interim" | "caretaker")) => Mode::Acting,
                _ if pre_then => Mode::Then,
                (Shape::Apposition | Shape::AsSince, None) if c.name("since").is_some() => Mode::Since,
                _ => Mode::Current,
            };
            // What the title is attached to: a country or organisation named with it, else the
            // words around it, else what an earlier mention of the person attached it to.
            let mut people = people_in(ph, ctx);
            // "Florida Governor Jeb Bush … after President Bush said": the title picks, among
            // the people a surname may stand for, the one who holds the office on the
            // article's date, whoever the article named in full before. (Not one who held it
            // long ago: after "Robert F. Kennedy Jr. spoke", "President Kennedy said" is about
            // him.)
            let titled = offices_of(oh);
            if people.len() == 1 && !s.block[ph.start..ph.end].contains(' ') {
                let all = people_of(ph);
                if all.len() > 1
                    && !holds_on(ctx.table, people[0], &titled, ctx.reference)
                    && all.iter().any(|&p| holds_on(ctx.table, p, &titled, ctx.reference))
                {
                    people = all;
                }
            }
            // A country or organisation that ends a longer name ("National Bank of Poland
            // President", "Boy Scouts of America President") qualifies the title with that body.
            let q_in_name = c.name("q").or(c.name("g")).is_some_and(|q| s.words_before(q.start(), 1).first().is_some_and(|w| w == "of" || w == "for"));
            let mut qualifier = match (["q", "q2"].iter().find_map(|n| s.hit(&c, n)), ["g", "g2"].iter().find_map(|n| s.hit(&c, n))) {
                _ if q_in_name => Qualifier::Other,
                (Some(q), _) => country_of(q).map(Qualifier::Country).unwrap_or(Qualifier::None),
                (None, Some(g)) => org_of(g).map(Qualifier::Org).unwrap_or(Qualifier::Other),
                (None, None) => match shape {
                    // "President Lagarde of the European Central Bank": after the name too.
                    Shape::TitleBeforeName => match qualifier_before(s, lead) {
                        // ("President Biden at the White House" is a place, not a body.)
                        // ("… of the Conservative Party" is the person's party: a claim of
                        // its own, read with the title's.)
                        Qualifier::None => match c.name("p") {
                            Some(p) if s.skeleton[p.end()..].starts_with(" of ") => match qualifier_after(s, p.end()) {
                                Qualifier::Other if of_a_party(s, ctx, s.to_block(p.end(), true), &people_in(ph, ctx)) => Qualifier::None,
                                q => q,
                            },
                            _ => Qualifier::None,
                        },
                        q => q,
                    },
                    _ => qualifier_after(s, o_match.end()),
                },
            };
            // Capitalised words between the determiner and the title are a qualifier unless
            // they only describe the person ("the Labour prime minister", but "the Harvard
            // president").
            if c.name("desc").is_some_and(|d| d.as_str().split_whitespace().any(|w| !reading::describes(w))) {
                qualifier = Qualifier::Other;
            }
            {
                let mut memory = ctx.memory.borrow_mut();
                if qualifier == Qualifier::None {
                    if let Some(q) = people.iter().find_map(|&p| memory.qualifier_of(p)) {
                        qualifier = q;
                    }
                } else {
                    for &p in &people {
                        memory.remember_qualifier(p, qualifier);
                    }
                }
            }
            // The date the claim is about: one written next to it, or one that opens the
            // sentence; "then-" takes only a date of its own clause.
            let scope = s.date(&c, "d").or_else(|| s.scope_date());
            let date = match mode {
                Mode::Then => s.date(&c, "d").or_else(|| clause_date(s, whole.start())).or(scope).map(|d| d.range),
                Mode::Since => s.date(&c, "since").map(|d| d.range),
                // "Australia's new defence minister X": holds it, or takes it, within weeks of
                // the date (news calls someone new from the nomination to the first weeks).
                // "outgoing": holds it, or left it in the last weeks ("pardons issued by
                // outgoing President X in his final hours", written days later).
                // "President X will take office on 20 January": the title of the office the
                // sentence says X is about to take. Holds it, or takes it before a president-
                // elect's longest usual wait (Indonesia's, about eight months), whatever date
                // the sentence gives: a day named for the future may read as a past one.
                _ if mode == Mode::Current && modifier.is_none() && about_to_take_office(&s.skeleton[whole.end()..]) => {
                    Some(DateRange::span(ctx.reference - chrono::Duration::days(NEW_DAYS), ctx.reference + chrono::Duration::days(TAKE_OFFICE_DAYS)))
                }
                _ if matches!(modifier.as_deref(), Some("new" | "outgoing")) || (*shape == Shape::Became && mode == Mode::Current) => {
                    scope.map(|d| d.range).or_else(|| {
                        let d = chrono::Duration::days(NEW_DAYS);
                        Some(DateRange::span(ctx.reference - d, ctx.reference + d))
                    })
                }
                _ => scope.map(|d| d.range).or_else(|| if mode == Mode::Current { day_of_the_week(s, ctx) } else { None }),
            };
            let grace = ctx.recent();
            // Read only for a former holder with a bare title, the one case that needs it.
            let past_once = std::cell::OnceCell::new();
            let past = || *past_once.get_or_init(|| reading::past_context(s, grace.start, scope));
            // "outgoing", "sitting", "current", "new" say the person holds it: never the honorific.
            let holds_now = matches!(modifier.as_deref(), Some("outgoing" | "sitting" | "current" | "new"));
            let reading = Reading { mode, date, past: &past, qualified: qualifier != Qualifier::None || holds_now, title: &s.block[oh.start..oh.end] };
            let Some(mut checked) = check(ctx, &people, &offices_of(oh), &s.block[oh.start..oh.end], qualifier, reading) else {
                continue;
            };
            downgrade_if_shared(&mut checked, ph, &s.block[ph.start..ph.end], ctx);
            if checked.verdict == Verdict::Contradicted {
                let claim_country = match qualifier {
                    Qualifier::Country(c) => Some(c),
                    _ => None,
                };
                let claim_words = s.span(whole.start()..whole.end());
                // "President Kennedy" of a table whose only Kennedy never held the office: a
                // surname alone with a title its person never held means a namesake who did,
                // unless the article named the person in full.
                let namesake = checked.reason == Reason::NeverHeld
                    && !s.block[ph.start..ph.end].contains(char::is_whitespace)
                    && !people.iter().any(|p| ctx.memory.borrow().named(*p));
                if namesake || reading::bare_surname_unsettled(s, ph, &ctx.memory.borrow(), ctx.table, claim_country, claim_words) {
                    downgrade_bare_surname(&mut checked, &s.block[ph.start..ph.end]);
                }
            }
            // The apposition's span runs to the end of the title (or "of Japan"), not over the
            // comma after it; the other patterns' spans are their whole match.
            let end = match shape {
                Shape::Apposition => c.name("since").or(c.name("q2")).or(c.name("g2")).unwrap_or(o_match).end(),
                _ => whole.end(),
            };
            // A party written before a confirmed title ("Labour Prime Minister X") is a claim
            // of its own, about the days the title was judged on.
            if checked.verdict == Verdict::Supported && matches!(shape, Shape::TitleBeforeName | Shape::Apposition) {
                let window = match mode {
                    Mode::Since => grace,
                    Mode::Current | Mode::Acting => date.unwrap_or(grace),
                    _ => date.unwrap_or(DateRange::span(NaiveDate::MIN, ctx.reference)),
                };
                let title_at = s.span(o_match.range()).start;
                if let Some(p) = party::before_title(s, ctx, &checked, title_at, s.span(whole.start()..end).end, window) {
                    out.push(p);
                }
            }
            out.push(Checked { span: whole.start()..end, ..checked });
        }
    }
    out
}

/// Whether the person left every office of the office's country or body more than
/// [`LONG_AGO_YEARS`] before the article's date. Then a title before the name recalls the past:
/// "the accords signed by Egyptian President Anwar Sadat and Israeli Prime Minister Menachem
/// Begin", "British Prime Minister Clement Attlee's government". The writer's errors are of
/// people in politics lately: "Italian Prime Minister Matteo Renzi" three years after he left,
/// "Russian President Dmitry Medvedev" four years after he was prime minister, "Chief Justice
/// William Rehnquist" four years after his death.
/// (Called only for a person who held the office before the article's date.)
#[inline(never)]
fn left_long_ago(t: &Table, p: usize, o: usize, reference: NaiveDate) -> bool {
    let body = t.offices[o].jurisdiction;
    let since = reference - chrono::Duration::days(LONG_AGO_YEARS * 365);
    t.terms_of_person(p).all(|x| t.offices[x.office].jurisdiction != body || x.end.is_some_and(|e| e < since))
}

/// See [`left_long_ago`].
const LONG_AGO_YEARS: i64 = 10;

/// Whether person `p` holds one of `offices` on day `on`.
fn holds_on(t: &Table, p: usize, offices: &[usize], on: NaiveDate) -> bool {
    offices.iter().any(|&o| explain::holders(t, o, on).iter().any(|x| x.person == p))
}

/// The day of a sentence that names one date, a day of the article's week whose direction the
/// tense settles ("Prime Minister X met Y at the palace on Tuesday"): a present title is the
/// title of that day, not of any day of the week. A sentence with two dates may speak of two
/// days, and a weekday the tense leaves open may be next week's.
#[inline(never)]
fn day_of_the_week(s: &Sentence, ctx: &Ctx) -> Option<DateRange> {
    let mut day = None;
    for t in &s.tokens {
        if let Token::Date(d) = t {
            if day.is_some() {
                return None;
            }
            day = Some(d);
        }
    }
    let d = day?;
    (!d.guessed && d.range.precision == crate::facts::Precision::Day && ctx.recent().contains(d.range.start)).then_some(d.range)
}

/// Whether the words after a title and name say the person is about to take office: "will take
/// office", "will be sworn in", "is to be inaugurated" (in the sentence, not a later clause's
/// other person: the words must come before any other person is named).
fn about_to_take_office(after: &str) -> bool {
    let upto = after.find("\u{E000}P").map_or(after, |i| &after[..i]).lower();
    ["will take office", "will be sworn in", "will be inaugurated", "is to be sworn in", "is to be inaugurated", "takes office next", "is due to take office"]
        .iter()
        .any(|w| upto.has(w))
}

/// The one date in the clause around skeleton offset `at` (between commas, semicolons and
/// dashes), if there is exactly one: "then-" describes its own clause's time, not that of a
/// relative clause beside it ("then-Prime Minister X, who took office in 1997, said in 2003").
fn clause_date<'s>(s: &'s Sentence, at: usize) -> Option<&'s crate::text::dates::DateExpr> {
    let sk = &s.skeleton;
    let is_break = |c: char| matches!(c, ',' | ';' | ':' | '—' | '–' | '(' | ')');
    let start = sk[..at].rfind(is_break).map(|i| i + 1).unwrap_or(0);
    let end = sk[at..].find(is_break).map(|i| at + i).unwrap_or(sk.len());
    let mut dates = sk[start..end].split(OPEN).skip(1).filter_map(|rest| match s.token_after_open(rest)? {
        Token::Date(d) => Some(d),
        Token::Entity(_) => None,
    });
    let first = dates.next()?;
    dates.next().is_none().then_some(first)
}

/// How a claim is read: the mode of its title, the date it speaks of, and whether the
/// sentence is about an earlier time.
#[derive(Clone, Copy)]
struct Reading<'a> {
    mode: Mode,
    date: Option<DateRange>,
    /// Whether the sentence speaks of an earlier time (asked only when it decides).
    past: &'a dyn Fn() -> bool,
    /// A qualifier names the title's country or body ("Japan's"): not the bare honorific.
    qualified: bool,
    /// The title as written.
    title: &'a str,
}

/// Whether a title as written names the office's own country or body ("U.S. president",
/// "UN Secretary-General"), which the bare honorific ("President Trump") does not.
fn names_jurisdiction(t: &Table, o: usize, title: &str) -> bool {
    let lower = title.lower();
    let has = |n: &str| reading::contains_phrase(&lower, &n.lower());
    match t.offices[o].jurisdiction {
        Body::Country(c) => {
            let k = &t.countries[c];
            has(&k.name) || k.aliases.iter().any(|a| has(a)) || k.adjectives.iter().any(|a| has(a))
        }
        Body::Org(g) => {
            let k = &t.orgs[g];
            has(&k.name) || k.aliases.iter().any(|a| has(a))
        }
    }
}

/// Picks the offices a title refers to. A qualifier picks the offices of its jurisdiction. A
/// bare title picks the offices the person held, else the one of the person's own country;
/// an office of another country or of an organisation the person never served is never read
/// into a bare title ("Secretary-General Stoltenberg" is not the UN's). Several are returned
/// only when the person held several offices with this title.
fn resolve_offices(t: &Table, candidates: &[usize], qualifier: Qualifier, person: usize, title: &str) -> Vec<usize> {
    let in_body = |o: usize, b: Body| t.offices[o].jurisdiction == b;
    match qualifier {
        Qualifier::Country(q) => return candidates.iter().copied().filter(|&o| in_body(o, Body::Country(q))).collect(),
        Qualifier::Org(g) => return candidates.iter().copied().filter(|&o| in_body(o, Body::Org(g))).collect(),
        Qualifier::Other => return Vec::new(),
        Qualifier::None => {}
    }
    // A title that names its own country or body ("Danish prime minister", "Prime Minister of
    // Norway") is that office, whoever the person is.
    // (A title shared by many offices, "prime minister", names none: tested only when few.)
    if candidates.len() <= 2 {
        let named: Vec<usize> = candidates.iter().copied().filter(|&o| names_jurisdiction(t, o, title)).collect();
        if !named.is_empty() {
            return named;
        }
    }
    let held: Vec<usize> = candidates.iter().copied().filter(|&o| t.terms_of_person(person).any(|x| x.office == o)).collect();
    if !held.is_empty() {
        return held;
    }
    // "President Draghi", "President von der Leyen": the person held a post of a body whose
    // title ends in the same word ("ECB President", "European Commission President"), which a
    // reader takes the bare title for; never the office of the person's own country.
    let word = title.lower();
    if t.terms_of_person(person).any(|x| {
        let o = &t.offices[x.office];
        matches!(o.jurisdiction, Body::Org(_)) && std::iter::once(&o.name).chain(&o.titles).any(|n| reading::contains_phrase(&n.lower(), &word))
    }) {
        return Vec::new();
    }
    match t.people[person].country {
        Some(c) => {
            let own: Vec<usize> = candidates.iter().copied().filter(|&o| in_body(o, Body::Country(c))).collect();
            if own.len() == 1 {
                own
            } else {
                Vec::new()
            }
        }
        None => Vec::new(),
    }
}

fn check(ctx: &Ctx, people: &[usize], offices: &[usize], title: &str, qualifier: Qualifier, reading: Reading) -> Option<Checked> {
    let t = ctx.table;
    let mode = reading.mode;
    let date = reading.date;
    // Every (person, office) reading of the words.
    let mut readings: Vec<(usize, Vec<usize>)> =
        people.iter().map(|&p| (p, resolve_offices(t, offices, qualifier, p, title))).filter(|(_, o)| !o.is_empty()).collect();
    if people.len() > 1 {
        // A shared surname: keep the people who ever held one of the offices.
        readings.retain(|(p, os)| os.iter().any(|&o| t.terms_of_person(*p).any(|x| x.office == o)));
    }
    let statement_office = offices.first().map(|&o| t.offices[o].name.clone()).unwrap_or_default();
    let mut results: Vec<Checked> = Vec::new();
    for (p, os) in &readings {
        for &o in os {
            let mut r = check_one(ctx, *p, o, reading);
            // "Former X" and "was named X" speak of any time: not said of a post whose list in
            // the table may lack the person's term (see list_may_lack).
            let any_time = matches!(mode, Mode::Former | Mode::Became | Mode::Elected | Mode::Then);
            if r.verdict == Verdict::Contradicted && r.reason == Reason::NeverHeld && any_time && list_may_lack(t, o, *p) {
                r.verdict = Verdict::Unknown;
                r.reason = Reason::NotInTable;
                r.why = Why::CreatedLater { person: *p as u32, office: o as u32 };
                r.rows = Vec::new();
            }
            results.push(r);
        }
    }
    let claim_for = |ps: Vec<usize>, os: Vec<usize>| {
        claim!(
            ctx,
            Claim {
                statement: String::new(),
                people: ps.iter().map(|&p| t.people[p].id.to_string()).collect(),
                offices: os.iter().map(|&o| t.offices[o].id.to_string()).collect(),
                relation: format!("{mode:?}").lower(),
                date,
                ..Claim::default()
            }
        )
    };
    match results.len() {
        0 => {
            let names: Vec<&str> = people.iter().map(|&p| t.people[p].name.as_ref()).collect();
            let (reason, why) = if matches!(qualifier, Qualifier::Other | Qualifier::Org(_)) {
                (Reason::OtherBody, Why::OtherBody)
            } else if people.len() > 1 {
                (Reason::Ambiguous, Why::NameCouldMean(people.iter().map(|&p| p as u32).collect()))
            } else {
                (Reason::Ambiguous, Why::TitleCouldMean(title.into()))
            };
            let mut claim = claim_for(people.to_vec(), offices.to_vec());
            claim.statement = statement!(ctx, "{} holds a post titled like {}", names.join(" / "), statement_office);
            Some(Checked { span: 0..0, claim, verdict: Verdict::Unknown, reason, why, rows: Vec::new() })
        }
        1 => results.pop(),
        _ => {
            // Several readings: a verdict only if they agree, else unknown.
            // (Moved out, not cloned: a clone of the explanation's data cost 1 KB of the .wasm.)
            let supported = results.iter().filter(|r| r.verdict == Verdict::Supported).count();
            if supported == 1 {
                return results.into_iter().find(|r| r.verdict == Verdict::Supported);
            }
            if results.iter().all(|r| r.verdict == results[0].verdict) && results[0].verdict != Verdict::Contradicted {
                return results.into_iter().next();
            }
            let mut claim = claim_for(readings.iter().map(|r| r.0).collect(), readings.iter().flat_map(|r| r.1.clone()).collect());
            claim.statement = "ambiguous".into();
            Some(Checked {
                span: 0..0,
                claim,
                verdict: Verdict::Unknown,
                reason: Reason::Ambiguous,
                why: Why::ReadingsDisagree,
                rows: results.into_iter().flat_map(|r| r.rows).collect(),
            })
        }
    }
}

/// The starts of the unbroken tenure that ends with term `x`: `x`'s own start, then the start
/// of each earlier term of the person (acting ones too) that ran up to it, so that one row
/// per re-election, or an acting term before a full one, count as one tenure.
fn tenure_starts(t: &Table, terms: &[&Term], x: &Term) -> Vec<NaiveDate> {
    let mut starts = vec![x.start];
    let mut start = x.start;
    while let Some(y) = terms.iter().find(|y| y.start < start && t.term_end(y) + chrono::Duration::days(START_TOLERANCE_DAYS) >= start) {
        start = y.start;
        starts.push(start);
    }
    starts
}

/// Whether the table's list of office `o` may lack a term of person `p`, so that "never held"
/// cannot be said of them as a former holder: the list begins after 2000, when the office was
/// created or renamed (Japan's Ministry of Economy, Trade and Industry in 2001, the UK's Justice
/// Secretary in 2007; anyone may have held the post it replaced), or after the person's first
/// term in any office the table holds (their career began before the list does: "former
/// Foreign Secretary Anthony Eden", whose terms there were before the list's 1974 start).
fn list_may_lack(t: &Table, o: usize, p: usize) -> bool {
    let career = t.terms_of_person(p).map(|x| x.start).min();
    list_start(t, o).is_some_and(|first| first > NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() || career.is_some_and(|c| c < first))
}

/// Where the table's list of office `o` begins: where its unbroken run of holders does. An
/// older term listed only for a person's full history (Jerry Brown's first governorship,
/// 1975-83, before the list's 1999) leaves the years around it unlisted.
#[inline(never)]
pub(crate) fn list_start(t: &Table, o: usize) -> Option<NaiveDate> {
    let mut first = t.terms_of_office(o).map(|x| x.start).max()?;
    while let Some(s) = t.terms_of_office(o).filter(|x| x.start < first && first <= t.term_end(x) + chrono::Duration::days(31)).map(|x| x.start).min() {
        first = s;
    }
    Some(first)
}

fn check_one(ctx: &Ctx, p: usize, o: usize, reading: Reading) -> Checked {
    let Reading { mode, date, past, qualified, title } = reading;
    let t = ctx.table;
    let person = &t.people[p];
    let office = &t.offices[o];
    let all: Vec<&Term> = t.terms_of_person(p).filter(|x| x.office == o).collect();
    let full: Vec<&Term> = all.iter().copied().filter(|x| !x.acting).collect();
    let reference = ctx.reference;
    let grace = ctx.recent();
    let window = date.unwrap_or(grace);
    let held_in = |r: &DateRange, acting: bool| all.iter().any(|x| x.acting == acting && x.start <= r.end && r.start <= t.term_end(x));
    let (pi, oi) = (p as u32, o as u32);
    let when = When::of(date, reference);
    let history = |then: Then| Why::History { person: pi, office: oi, then };
    // The claim is only written for a finding that is shown (the extension shows a few of
    // the many it counts).
    let claim = claim!(
        ctx,
        Claim {
            statement: match mode {
                Mode::Current => format!("{} is {} on {}", person.name, office.name, when),
                Mode::Since => format!("{} has been {} since {}", person.name, office.name, when),
                Mode::Former => format!("{} is a former {} on {}", person.name, office.name, when),
                Mode::Then => format!("{} was then {}", person.name, office.name),
                Mode::Acting => format!("{} is acting {}", person.name, office.name),
                Mode::Became => format!("{} became {}{}", person.name, office.name, date.map(|d| format!(" in {d}")).unwrap_or_default()),
                Mode::Elected => format!("{} was elected or appointed {}{}", person.name, office.name, date.map(|d| format!(" in {d}")).unwrap_or_default()),
            },
            people: vec![person.id.to_string()],
            offices: vec![office.id.to_string()],
            relation: format!("{mode:?}").lower(),
            date,
            ..Claim::default()
        }
    );
    // The rows: the person's terms in the office, the office, and any the judgement adds (the
    // holders on the day, a death).
    let done = |verdict: Verdict, reason: Reason, why: Why, extra: Vec<Row>| Checked {
        span: 0..0,
        claim: claim.clone(),
        verdict,
        reason,
        why,
        rows: all.iter().map(|x| term_row(t, x)).chain([Row::Office(oi)]).chain(extra).collect(),
    };
    let holder_rows = |day: NaiveDate| -> Vec<Row> { explain::holders(t, o, day).into_iter().map(|x| term_row(t, x)).collect() };
    // The last day the table confirms this office's holder: as_of, or earlier.
    let covered = t.covered(o);
    let after_table = window.end > covered;
    let ever_by = |d: NaiveDate| full.iter().any(|x| x.start <= d);

    match mode {
        Mode::Acting => {
            if !after_table && held_in(&window, true) {
                done(Verdict::Supported, Reason::Held, Why::ActingHeld { person: pi, office: oi, when }, vec![])
            } else {
                done(Verdict::Unknown, Reason::NotInTable, Why::NoActingTerm { person: pi, office: oi, when }, vec![])
            }
        }
        Mode::Since => {
            // The term the person holds on the article's date must have begun on the date
            // given; one who does not hold the office is read as a present title.
            let Some(d) = date else { return check_one(ctx, p, o, Reading { mode: Mode::Current, date: None, ..reading }) };
            let current = full.iter().find(|x| x.start <= reference && grace.start <= t.term_end(x));
            match current {
                _ if after_table => done(Verdict::Unknown, Reason::AfterTable, history(Then::NotCovered(When::Day(reference))), vec![]),
                None => check_one(ctx, p, o, Reading { mode: Mode::Current, date: None, ..reading }),
                Some(x) if tenure_starts(t, &all, x).iter().any(|&st| d.widen(START_TOLERANCE_DAYS).contains(st)) => {
                    done(Verdict::Supported, Reason::Confirmed, history(Then::Stop), vec![])
                }
                Some(_) if d.start > reference => done(Verdict::Unknown, Reason::NotSettled, history(Then::Stop), vec![]),
                Some(x) => done(
                    Verdict::Contradicted,
                    Reason::WrongDate,
                    Why::SinceOtherDay { person: pi, office: oi, began: *tenure_starts(t, &all, x).last().unwrap_or(&x.start), claimed: d },
                    vec![],
                ),
            }
        }
        Mode::Current | Mode::Then => {
            if held_in(&window, false)
                && (!after_table || window.start <= covered && held_in(&DateRange::span(window.start, covered), false))
                && !(after_table && mode == Mode::Current)
            {
                return done(Verdict::Supported, Reason::Held, history(Then::Stop), vec![]);
            }
            if after_table && mode == Mode::Current {
                return done(Verdict::Unknown, Reason::AfterTable, history(Then::NotCovered(when)), vec![]);
            }
            // An acting or interim holder is called by the title itself ("President José
            // Jerí"); one who only ever held it so is never said not to have held it.
            if held_in(&window, true) {
                return done(Verdict::Supported, Reason::Held, Why::ActingHeld { person: pi, office: oi, when }, vec![]);
            }
            if full.is_empty() && !all.is_empty() {
                return done(Verdict::Unknown, Reason::NotSettled, Why::NoActingTerm { person: pi, office: oi, when }, vec![]);
            }
            // Explicit date for "then-": held at that date or not.
            let check_day = if mode == Mode::Then && date.is_none() { reference } else { window.end.min(reference) };
            if mode == Mode::Then {
                if date.is_none() && ever_by(reference) {
                    return done(Verdict::Supported, Reason::Held, history(Then::Stop), vec![]);
                }
            } else if ever_by(reference) {
                // A holder before the article's date, written with the bare title. News keeps
                // a title for former holders only where that is the office's convention, uses
                // the present title for a past event, or speaks of the past. (A day of the
                // article's own week is no earlier time: there the title is that day's.)
                let why_not = if office.honorific.is_some() && !qualified && !names_jurisdiction(t, o, title) {
                    Some((Reason::Honorific, Then::KeptAsHonorific))
                } else if date.is_some_and(|d| !(grace.start <= d.start && d.end <= reference)) && held_in(&grace, false) {
                    Some((Reason::PastContext, Then::TitleOfArticleDate))
                } else if past() || left_long_ago(t, p, o, reference) {
                    Some((Reason::PastContext, Then::EarlierTime))
                } else {
                    None
                };
                if let Some((reason, then)) = why_not {
                    return done(Verdict::Unknown, reason, history(then), vec![]);
                }
            }
            if check_day > covered {
                return done(Verdict::Unknown, Reason::AfterTable, history(Then::NotCovered(When::Day(check_day))), vec![]);
            }
            let holders = holder_rows(check_day);
            if holders.is_empty() {
                return done(Verdict::Unknown, Reason::NotInTable, history(Then::NoHolderOn(check_day)), vec![]);
            }
            let later = full.iter().find(|x| x.start > check_day);
            let reason = match (full.iter().any(|x| x.start <= check_day), later) {
                (true, _) => Reason::FormerHolder,
                (false, Some(_)) => Reason::NotYetHolder,
                (false, None) => Reason::NeverHeld,
            };
            let later = later.filter(|_| reason == Reason::NotYetHolder).map(|x| x.start);
            // At a handover the table's day and the news's may differ by the formalities (a
            // declaration signed, an oath, a ceremony the next day): a holder whose term the
            // table starts, or ends, within a few days of the day is not contradicted.
            let near = |d: NaiveDate| (d - check_day).num_days().abs() <= START_TOLERANCE_DAYS;
            if later.is_some_and(near) || full.iter().any(|x| x.end.is_some_and(|e| e < check_day && near(e))) {
                return done(Verdict::Unknown, Reason::NotSettled, history(Then::Stop), vec![]);
            }
            let mut extra = holders;
            if explain::died_before(t, p, check_day).is_some() {
                extra.push(Row::Death(pi));
            }
            done(Verdict::Contradicted, reason, Why::HeldBy { person: pi, office: oi, day: check_day, later }, extra)
        }
        Mode::Former => {
            let upto = window.end.min(reference);
            let completed: Vec<&Term> = full.iter().copied().filter(|x| x.end.is_some_and(|e| e <= upto)).collect();
            let holding = upto <= covered && held_in(&DateRange::day(upto), false);
            // A former acting holder may be called a former holder.
            if completed.is_empty() && all.iter().any(|x| x.acting && x.start <= upto) {
                return done(Verdict::Unknown, Reason::NotSettled, history(Then::Stop), vec![]);
            }
            match (completed.is_empty(), holding) {
                (false, false) => done(Verdict::Supported, Reason::Confirmed, history(Then::Stop), vec![]),
                (false, true) => done(Verdict::Unknown, Reason::Ambiguous, history(Then::FormerAgain), vec![]),
                (true, true) => done(Verdict::Contradicted, Reason::StillInOffice, history(Then::StillInOffice(upto)), vec![]),
                // No holder the table knows then (the office's list starts later): a namesake
                // or an earlier holder may be meant.
                (true, false) if upto <= covered && holder_rows(upto).is_empty() => {
                    done(Verdict::Unknown, Reason::NotInTable, history(Then::NoHolderOn(upto)), vec![])
                }
                (true, false) if upto <= covered => {
                    let (reason, why) = match full.iter().find(|x| x.start > upto) {
                        Some(x) => (Reason::NotYetHolder, Why::NotYetFormer { person: pi, office: oi, began: x.start, upto }),
                        None => (Reason::NeverHeld, history(Then::NotFormer)),
                    };
                    done(Verdict::Contradicted, reason, why, vec![])
                }
                _ => done(Verdict::Unknown, Reason::AfterTable, history(Then::NotCovered(When::Day(upto))), vec![]),
            }
        }
        Mode::Became | Mode::Elected => {
            let Some(d) = date else {
                return if ever_by(reference) || all.iter().any(|x| x.start <= reference) {
                    done(Verdict::Supported, Reason::Confirmed, history(Then::Stop), vec![])
                } else if reference <= covered && !full.iter().any(|x| x.start > reference) && t.terms_of_office(o).next().is_some() {
                    done(Verdict::Contradicted, Reason::NeverHeld, history(Then::Stop), vec![])
                } else {
                    done(Verdict::Unknown, Reason::NotInTable, history(Then::Stop), vec![])
                };
            };
            if d.start > covered {
                return done(Verdict::Unknown, Reason::AfterTable, history(Then::NotCovered(When::Range(d))), vec![]);
            }
            let ok = if mode == Mode::Became {
                // Sworn in as acting or interim holder: became it all the same.
                let w = d.widen(START_TOLERANCE_DAYS);
                all.iter().any(|x| w.contains(x.start))
            } else {
                let w = DateRange::span(d.start - chrono::Duration::days(START_TOLERANCE_DAYS), d.end + chrono::Duration::days(ELECTED_WINDOW_DAYS));
                // Elected or re-elected: in office at some point from the vote to the start of the term.
                let during = || full.iter().filter(|x| x.start <= w.end && w.start <= t.term_end(x));
                // "Boric was inaugurated as president on 11 March" (2026): his term ended that
                // day and another's began, so the term that touches the date is not one begun
                // then. Only when every such term of X's began before and ends within the
                // date, and another holder's term begins within it.
                let near = d.widen(START_TOLERANCE_DAYS);
                let handed_on = || {
                    during().all(|x| x.start < near.start && near.contains(t.term_end(x)))
                        && t.terms_of_office(o).any(|y| y.person != p && !y.acting && near.contains(y.start))
                };
                (during().next().is_some() && !handed_on()) || t.elections.iter().any(|e| e.winner == Some(p) && e.office == Some(o) && d.contains(e.date))
            };
            if ok {
                return done(Verdict::Supported, Reason::Confirmed, history(Then::Stop), vec![]);
            }
            if d.end.min(reference) > covered {
                return done(Verdict::Unknown, Reason::AfterTable, history(Then::NotCovered(When::Range(d))), vec![]);
            }
            let on = d.start.max(full.first().map(|x| x.start).unwrap_or(d.start)).min(d.end);
            // The holders on that day, else on the range's first day.
            let held_on = if explain::holders(t, o, on).is_empty() { d.start } else { on };
            let holders = holder_rows(held_on);
            if holders.is_empty() || (full.is_empty() && !t.terms_of_office(o).any(|x| x.start <= d.start)) {
                return done(Verdict::Unknown, Reason::NotInTable, history(Then::NoHolderIn(d)), vec![]);
            }
            if full.is_empty() && !all.is_empty() {
                return done(Verdict::Unknown, Reason::NotSettled, history(Then::Stop), vec![]);
            }
            let (reason, why) = if full.is_empty() {
                (Reason::NeverHeld, history(Then::HeldInsteadBy(d, held_on)))
            } else {
                let starts = full.iter().map(|x| x.start).collect();
                (Reason::WrongDate, Why::BecameOtherDay { person: pi, office: oi, elected: mode == Mode::Elected, starts, claimed: d, held_on })
            };
            done(Verdict::Contradicted, reason, why, holders)
        }
    }
}

/// "X took office in 2020", "X came to power in 2014", with no office named: read in the top
/// office of a state or government that X holds on the article's date (or left in the last
/// weeks), the post such a sentence is about. Contradicted when X took neither that office nor
/// any other office of the table on the date given. A sentence that names another title, or
/// a person who holds no top office, is not read.
pub fn took_office(s: &Sentence, ctx: &Ctx) -> Vec<Checked> {
    static RE: std::sync::OnceLock<Pattern> = std::sync::OnceLock::new();
    let re = crate::text::cached(&RE, || {
        pattern(
            r"(?P<p>{P})(?:,\s+(?:(?i:aged)\s+)?\d{1,3},)?(?:,\s+(?i:who))?\s+(?:(?i:first|had|has|had first|only)\s+)?(?i:took office|took power|came to power|assumed office|assumed power|was inaugurated)(?P<as>\s+as(?-u:\b))?(?:\s*,?\s+(?i:in|on)\s+(?P<d>{D}))",
        )
    });
    let t = ctx.table;
    let mut out = Vec::new();
    if s.count(Kind::Office) > 0 {
        return out;
    }
    for c in re.captures_iter(&s.skeleton) {
        let (Some(ph), Some(d)) = (s.hit(&c, "p"), s.date(&c, "d")) else { continue };
        if c.name("as").is_some() {
            continue;
        }
        // "… in 2018 as mayor": another post; "mayor", "governor": the sentence is about one.
        let after = s.skeleton[c.get(0).unwrap().end()..].trim_start_matches([',', ' ']);
        if after.get(..3).is_some_and(|w| w.eq_ignore_ascii_case("as ")) || reading::points_elsewhere(s.text()) {
            continue;
        }
        let [p] = people_of(ph)[..] else { continue };
        let d = d.range;
        let recent = ctx.reference - chrono::Duration::days(30);
        let holds: Vec<&Term> = t
            .terms_of_person(p)
            .filter(|x| !x.acting && matches!(t.offices[x.office].kind.as_ref(), "head_of_state" | "head_of_government"))
            .filter(|x| x.start <= ctx.reference && recent <= t.term_end(x) && ctx.reference <= t.covered(x.office))
            .collect();
        let [x] = holds[..] else { continue };
        let o = x.office;
        let widened = d.widen(START_TOLERANCE_DAYS);
        // Any office the person took on that date may be the one meant.
        // (A party's leadership is not "taking office".)
        let public = |y: &&Term| &*t.offices[y.office].kind != "party";
        let took_then = t.terms_of_person(p).filter(public).any(|y| widened.contains(y.start));
        // Holding the office already on the date: a new term's inauguration may be meant.
        let held_then = t.terms_of_person(p).any(|y| y.office == o && y.start <= d.end && d.start <= t.term_end(y));
        let whole = c.get(0).unwrap();
        let name = &t.offices[o].name;
        let first = t.terms_of_person(p).filter(|y| y.office == o && !y.acting).map(|y| y.start).min().unwrap_or(x.start);
        let mut rows = vec![term_row(t, x)];
        let (verdict, reason, why) = if took_then {
            let y = t.terms_of_person(p).filter(public).find(|y| widened.contains(y.start)).unwrap();
            (Verdict::Supported, Reason::Confirmed, Why::TookOffice { person: p as u32, office: y.office as u32, on: y.start })
        } else if held_then || d.start > t.covered(o) || d.start > ctx.reference {
            (Verdict::Unknown, Reason::NotSettled, Why::Silent)
        } else {
            let held_on = d.end.min(ctx.reference);
            rows.extend(explain::holders(t, o, held_on).into_iter().map(|y| term_row(t, y)));
            (
                Verdict::Contradicted,
                Reason::WrongDate,
                Why::TookOfficeOtherDay { person: p as u32, office: o as u32, first, present: x.start, claimed: d, held_on },
            )
        };
        let claim = claim!(
            ctx,
            Claim {
                statement: format!("{} took office as {name} {}", t.people[p].name, d.with_preposition()),
                people: vec![t.people[p].id.to_string()],
                offices: vec![t.offices[o].id.to_string()],
                relation: "took_office".into(),
                date: Some(d),
                ..Claim::default()
            }
        );
        let mut checked = Checked { span: whole.start()..whole.end(), claim, verdict, reason, why, rows };
        downgrade_if_shared(&mut checked, ph, &s.block[ph.start..ph.end], ctx);
        out.push(checked);
    }
    out
}
