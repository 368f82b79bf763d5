//! Membership: "Japan is a member of the G7", "Ukraine, a member of NATO,", "Finland joined
//! NATO in 2023 as its 31st member", "Britain left the EU in 2020", "The Quad consists of the
//! United States, Japan, India and Australia".
//!
//! "Not a member" is only said of organisations whose member list in the table is complete,
//! and never of a country the table lists as a partner, observer or candidate.
use super::explain::{index_in, Joined, Row, Why};
use super::*;
use crate::facts::{Membership, Precision};
use crate::text::case::TextCase;
use crate::text::Has;

const ORDINALS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
    "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
];

fn ordinal(s: &str) -> Option<usize> {
    let s = s.lower();
    if let Some(i) = ORDINALS.iter().position(|o| *o == s) {
        return Some(i + 1);
    }
    s.trim_end_matches(|c: char| crate::text::case::is_alpha(c)).parse().ok()
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Rel {
    Is,
    Was,
    Joined,
    Left,
}

/// Which pattern matched, in the order of [`patterns`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// "Japan is a member of the G7", "Ukraine, a member of NATO,".
    IsMember,
    /// "Finland joined NATO in 2023 as its 31st member".
    Joined,
    /// "Finland became the 31st member of NATO".
    BecameNth,
    /// "Britain left the EU in 2020".
    Left,
    /// "the European Union, which Britain joined in 1973".
    WhichJoined,
    /// "South Africa was added in 2010" (to the organisation the paragraph is about).
    Added,
    /// "Finland – which joined in 2023", "Iran, which became a member in 2023" (the
    /// organisation the sentence names).
    CountryWhichJoined,
    /// "Sweden became NATO's 32nd member", "Sweden, the alliance's newest and 32nd member,".
    PossessiveNth,
}

const SHAPES: [Shape; 8] =
    [Shape::IsMember, Shape::Joined, Shape::BecameNth, Shape::Left, Shape::WhichJoined, Shape::Added, Shape::CountryWhichJoined, Shape::PossessiveNth];

pub(crate) fn patterns() -> &'static [Pattern; 8] {
    static RE: std::sync::OnceLock<[Pattern; 8]> = std::sync::OnceLock::new();
    crate::text::cached(&RE, || {
        let ord = r"(?P<n>\d+(?:st|nd|rd|th)|(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth))";
        // ("at the start of 2017" is 2017; not "at the end of 2018", which may mean the day after.)
        let date = r"(?:\s*,?\s+(?:(?i:in|on)|(?i:at the start of|at the beginning of|early in))\s+(?P<d>{D}))?";
        [
            // Japan is a member of the G7 / Ukraine, a member of NATO, / Sweden, a NATO member, /
            // Hungary is an EU member state / Poland, a member of NATO since 1999 (`since_joined`)
            // / Finland became a member of NATO in 2023 (the date
            // is read only after "became")
            pattern(
                r"(?P<c>{C})(?:\s+(?P<verb>(?i:is|was|has been|had been|has long been|remains|is still|became))\s+|,\s+(?:(?i:which|that)\s+(?P<rel>(?i:has been|had been|has long been))\s+)?)(?:(?i:a|an|the)\s+)?(?:(?:(?i:founding|full|permanent|longtime|long-standing|key|core|fellow)\s+)?(?i:members?)(?:\s+(?i:state|country|nation))?\s+(?i:of|in)\s+(?:(?i:the)\s+)?(?:(?P<g>{G})|(?P<the>{ORG}))|(?P<g4>{G})\s+(?:(?i:founding|full|permanent|longtime|long-standing|key|core|fellow)\s+)?(?i:member)(?:[\s-](?i:state|country|nation))?)(?:\s*,?\s+(?:(?i:in|on)\s+(?P<d>{D})|(?i:at)\s+(?:(?i:the|a)\s+)?(?P<d3>{D})(?:'s|’s)\s+(?:[a-z-]+\s+)?(?i:summit|meeting))|\s+(?i:since)\s+(?P<since>{D}))?",
            ),
            // Finland joined NATO in 2023 as its 31st member
            pattern(&format!(
                r"(?P<c>{{C}})\s+(?:(?i:formally|officially|finally)\s+)?(?i:joined|acceded to|was admitted to|was admitted into)\s+(?:(?i:the)\s+)?(?:(?P<g>{{G}})|(?P<the>{{ORG}})){date}(?:\s*,?\s+(?i:as|becoming)\s+(?:(?i:its|the|the\s+alliance's|the\s+bloc's|the\s+group's)\s+){ord}\s+(?i:member))?{}",
                date.replace("<d>", "<d2>")
            )),
            // Finland became the 31st member of NATO
            pattern(&format!(
                r"(?P<c>{{C}})\s+(?:(?i:formally|officially|finally)\s+)?(?i:became)\s+(?:(?i:the|its)\s+){ord}\s+(?i:member)(?:\s+(?i:state|country|nation))?\s+(?i:of|in)\s+(?:(?i:the)\s+)?(?:(?P<g>{{G}})|(?P<the>{{ORG}})){date}"
            )),
            // Britain left the EU in 2020
            pattern(&format!(
                r"(?P<c>{{C}})(?:\s*,\s+(?i:which|that))?\s+(?:(?i:formally|officially|finally)\s+)?(?i:left|withdrew from|exited|quit)\s+(?:(?i:the)\s+)?(?:(?P<g>{{G}})|(?P<the>{{ORG}})){date}"
            )),
            // the European Union, which Britain joined in 1973
            pattern(
                r"(?:(?P<g>{G})|(?P<the>{ORG})),\s+(?i:which)\s+(?P<c>{C})\s+(?:(?i:formally|officially|finally|first|later)\s+)?(?i:joined|acceded to)\s*,?\s+(?i:in|on)\s+(?P<d>{D})",
            ),
            // South Africa was added in 2010 (to the organisation the paragraph is about)
            pattern(
                r"(?P<c>{C})\s+(?i:was|were)\s+(?:(?i:formally|officially|finally|later)\s+)?(?i:added|admitted)(?:\s+(?i:to|into)\s+(?:(?P<g>{G})|(?P<the>{ORG})))?\s*,?\s+(?i:in|on)\s+(?P<d>{D})",
            ),
            // Finland – which joined in 2023 / Iran, which became a member in 2023 (the
            // organisation the sentence names)
            pattern(
                r"(?P<c>{C})\s*(?:,|–|—|--)\s*(?i:which|that)\s+(?:(?i:formally|officially|finally)\s+)?(?:(?i:joined)|(?i:became)\s+(?:(?i:a|an)\s+)?(?:(?i:full)\s+)?(?:(?P<g4>{G})\s+(?i:members?)|(?i:members?)(?:\s+(?i:state|country|nation))?(?:\s+(?i:of))?))(?:\s+(?:(?i:the)\s+)?(?:(?P<g>{G})|(?P<the>{ORG})))?\s*,?\s+(?i:in|on)\s+(?P<d>{D})",
            ),
            // Sweden became NATO's 32nd member / Sweden, the alliance's newest and 32nd member,
            pattern(&format!(
                r"(?P<c>{{C}})(?:\s+(?:(?i:formally|officially|finally)\s+)?(?i:became|becomes|is|was|joined\s+as)\s+|\s*,\s+(?:(?i:which|that)\s+(?i:became|is|was)\s+)?)(?:(?:(?i:the)\s+)?(?P<g>{{G}})|(?P<the>{{ORG}}))(?:'s|’s)\s+(?:(?i:newest|latest|most recent)\s+(?:(?i:and)\s+)?)?{ord}\s+(?i:member)(?:\s+(?i:state|country|nation))?{date}"
            )),
        ]
    })
}

/// A list of countries that ends just before a country with "and": "Estonia, Latvia and ".
fn listed_before() -> &'static Pattern {
    static RE: std::sync::OnceLock<Pattern> = std::sync::OnceLock::new();
    crate::text::cached(&RE, || pattern(r"(?:(?:(?i:the)\s+)?{C},\s*)*(?:(?i:the)\s+)?{C},?\s+(?i:and)\s+(?:(?i:the)\s+)?$"))
}

/// "Finland, NATO's newest member", "Croatia became the EU's latest member state": the country
/// that joined last among the members on the date. A country that was then no member is
/// contradicted as "a member" is; a member that was not the newest only when another joined
/// more than a year before the date (news keeps "newest" for a while). Only for organisations
/// whose members the table lists in full.
fn newest(s: &Sentence, ctx: &Ctx, window: DateRange) -> Vec<Checked> {
    static RE: std::sync::OnceLock<Pattern> = std::sync::OnceLock::new();
    let re = crate::text::cached(&RE, || {
        pattern(
            r"(?P<c>{C})(?:\s+(?i:is|was|became|remains)\s+|\s*,\s+)(?:(?i:the)\s+)?(?:(?P<g>{G})|(?P<the>{ORG}))(?:'s|’s)\s+(?i:newest|latest|most recent)\s+(?i:member)(?:\s+(?i:state|country|nation))?",
        )
    });
    let t = ctx.table;
    let mut out = Vec::new();
    for c in re.captures_iter(&s.skeleton) {
        let whole = c.get(0).unwrap();
        let (Some(ci), Some(g)) = (s.hit(&c, "c").and_then(country_of), org_in(s, &c, ctx)) else { continue };
        // "NATO's newest and 32nd member" is the ordinal shape's; "newest member until 2020",
        // "… at the time" give a time of their own, and so may a date elsewhere in the
        // sentence ("Montenegro, NATO's newest member, joined in 2017").
        let on = window.end;
        let rest = &s.skeleton[whole.end()..];
        let dated = s.dated_elsewhere(ctx.recent());
        if !t.orgs[g].members_complete || on > t.as_of || rest.trim_start().starts_with("and") || !phrase_ends(rest) || dated {
            continue;
        }
        let members: Vec<&Membership> = t.members_of(g).filter(|m| m.is_member() && m.joined.start <= on && m.left.is_none_or(|l| l.end >= on)).collect();
        let Some(own) = members.iter().find(|m| m.country == ci) else {
            out.push(check(ctx, ci, g, Rel::Is, Some(DateRange::day(on)), None, window, whole.start()..whole.end()));
            continue;
        };
        let Some(last) = members.iter().max_by_key(|m| m.joined.start) else { continue };
        let next = members.iter().map(|m| m.joined.start).filter(|&d| d > own.joined.start).min();
        let why = Why::Newest { org: g as u32, day: on, country: last.country as u32, joined: last.joined.start };
        let verdict = match next {
            None => Verdict::Supported,
            Some(d) if (on - d).num_days() <= COUNT_LAG_DAYS => Verdict::Unknown,
            Some(_) => Verdict::Contradicted,
        };
        let rows = vec![Row::Membership(index_in(&t.memberships, *own)), Row::Membership(index_in(&t.memberships, *last)), Row::Org(g as u32)];
        out.push(Checked { span: whole.start()..whole.end(), claim: Claim::default(), verdict, reason: Reason::plain(verdict), why, rows });
    }
    out
}

/// Whether a phrase ends where `rest` begins: at the end of the sentence, a punctuation mark or
/// other sign in any script ("、", "”", "<"), or a conjunction ("Norway, a NATO member but not
/// an EU member"). Not a hyphen or an apostrophe, which carry the word on, nor a name.
fn phrase_ends(rest: &str) -> bool {
    let rest = rest.trim_start();
    match rest.chars().next() {
        None => true,
        Some(c) if crate::text::case::is_alnum(c) => ["and ", "but ", "or "].iter().any(|w| rest.starts_with(w)),
        Some(c) => !matches!(c, '-' | '\'' | '’' | OPEN),
    }
}

pub(crate) fn consists() -> &'static Pattern {
    static RE: std::sync::OnceLock<Pattern> = std::sync::OnceLock::new();
    crate::text::cached(&RE, || {
        pattern(
            r"(?P<g>{G})\s+(?:(?i:currently|now)\s+)?(?P<verb>(?i:consists of|comprises|is made up of|is composed of|includes|brings together))\s+(?P<list>(?:(?i:the)\s+)?{C}(?:(?:,\s*|,?\s+(?i:and)\s+)(?:(?i:the)\s+)?{C})*)(?P<more>\s*,?\s+(?i:and|among|as well as|plus|including)\s+(?i:others|other|more|several|many))?",
        )
    })
}

/// A list of members written after the word: "the SCO member states -- China, Russia, …",
/// "NATO members Poland and Romania", "members of ASEAN, including Vietnam and Laos", or one
/// member in apposition ("G7 member Spain"). Never a full list: only a country in it that was
/// not a member contradicts it.
pub(crate) fn member_list() -> &'static Pattern {
    static RE: std::sync::OnceLock<Pattern> = std::sync::OnceLock::new();
    crate::text::cached(&RE, || {
        let list = r"(?P<list>(?:(?i:the)\s+)?{C}(?:(?:,\s*|,?\s+(?i:and)\s+)(?:(?i:the)\s+)?{C})*)";
        pattern(&format!(
            r"(?:(?P<g>{{G}})(?:'s|’s)?\s+(?:(?i:fellow|other|founding)\s+)?(?i:member states|member-states|member countries|member nations|member state|member country|member nation|members|member)|(?i:member states|members|member countries) of (?:(?i:the)\s+)?(?P<g2>{{G}}))(?:\s*(?:--|—|–|:|,|\())?\s*(?:(?i:including|such as|like)\s+)?{list}"
        ))
    })
}

/// "the 27-nation EU", "the 32-member alliance", "the nine-member SCO", "NATO's 32 members",
/// "NATO now has 32 members", "all 27 EU member states": how many members the organisation has.
pub(crate) fn member_count() -> &'static Pattern {
    static RE: std::sync::OnceLock<Pattern> = std::sync::OnceLock::new();
    crate::text::cached(&RE, || {
        pattern(
            r"(?-u:\b)(?P<n>\d{1,3}|(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty))-(?i:nation|member|country|state|member-state|strong)\s+(?:(?P<g>{G})|(?P<the>{ORG}))|(?:(?P<g2>{G})|(?P<the2>{ORG}))(?:'s|’s)\s+(?P<n2>\d{1,3})\s+(?i:members|member states|member countries|member nations)(?-u:\b)|(?i:all|the)\s+(?P<n3>\d{1,3})\s+(?P<g3>{G})\s+(?i:members|member states|member countries|member nations)(?-u:\b)|(?i:bringing|taking|raising|expanding|swelling)\s+(?:(?i:its|their)\s+|(?:(?P<g4>{G})|(?P<the4>{ORG}))(?:'s|’s)?\s+)?(?i:membership|ranks|total membership)\s+(?i:to)\s+(?P<n4>\d{1,3}|(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty))(?-u:\b)|(?i:bringing|taking|raising|expanding|swelling)\s+(?:(?P<g5>{G})|(?P<the5>{ORG}))\s+(?i:to)\s+(?P<n5>\d{1,3}|(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty))\s+(?i:members|member states|member countries|member nations|countries|nations)(?-u:\b)|(?P<g6>{G})\s+(?:(?i:now|currently|today)\s+)?(?i:has)\s+(?P<n6>\d{1,3}|(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty))\s+(?i:members|member states|member countries|member nations)(?-u:\b)(?P<of>\s+(?i:of)\s)?",
        )
    })
}

/// "AUKUS Pillar II", "NATO Parliamentary Assembly", "the Commonwealth of Independent States":
/// the organisation's name goes on into something else, which the claim is about.
fn name_continues(s: &Sentence, at: usize) -> bool {
    let rest = &s.skeleton[at..];
    let rest = rest.strip_prefix(" of").unwrap_or(rest);
    let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
    trimmed.len() < rest.len() && trimmed.chars().next().is_some_and(crate::text::case::is_upper)
}

/// Words after an organisation's name that make the phrase one of its programmes, areas,
/// commands or partnerships: joining that is not joining the organisation.
const PARTS: &[&str] = &[
    "programme", "program", "programmes", "programs", "area", "zone", "command", "commands", "partnership", "partnerships", "partner", "partners", "dialogue",
    "customs", "single", "military", "integrated", "mission", "missions", "operation", "operations", "pillar", "plus", "observer", "observers", "framework",
    "initiative", "scheme", "agreement", "accord", "pact", "treaty", "fund", "bank", "force", "forces", "battlegroup", "battlegroups", "exercise", "exercises",
    "talks", "forum", "council", "assembly", "summit", "process", "mechanism", "network", "office", "agency", "court", "parliament", "commission", "committee",
    "club", "group", "caucus", "system", "market", "union", "currency", "budget", "sanctions", "declaration", "charter",
];

/// "NATO's Partnership for Peace", "the EU customs union", "the ASEAN Regional Forum": the
/// phrase goes on past the organisation's name into one of its parts.
fn part_of_body(s: &Sentence, at: usize) -> bool {
    let rest = s.skeleton[at..].trim_start();
    if rest.starts_with("'s") || rest.starts_with("’s") {
        return true;
    }
    let next: String = rest.chars().take_while(|c| crate::text::case::is_alnum(*c) || *c == '-').collect::<String>().lower();
    if PARTS.contains(&next.as_str()) {
        return true;
    }
    // "joined ASEAN as an observer", "as a dialogue partner": a status short of membership.
    let mut words = rest.split_whitespace().map(|w| w.trim_matches(|c: char| !crate::text::case::is_alnum(c)).lower());
    words.next().is_some_and(|w| w == "as")
        && words
            .take(4)
            .any(|w| matches!(w.as_str(), "observer" | "observers" | "partner" | "partners" | "associate" | "candidate" | "guest" | "applicant" | "affiliate"))
}

/// "the European Union", but "AUKUS".
#[inline(never)]
pub(crate) fn the(name: &str) -> String {
    if name.contains(' ') && !name.starts_with("the ") {
        crate::t!("the {}", name)
    } else {
        name.to_string()
    }
}

pub(crate) fn member_rows(t: &Table, c: usize, g: usize) -> Vec<&Membership> {
    t.members_of(g).filter(|m| m.country == c).collect()
}

/// The countries that were full members of organisation `g` at some point in `r`, sorted.
fn members_during(t: &Table, g: usize, r: &DateRange) -> Vec<usize> {
    let mut v: Vec<usize> =
        t.members_of(g).filter(|m| m.is_member() && m.joined.start <= r.end && m.left.is_none_or(|l| l.end >= r.start)).map(|m| m.country).collect();
    crate::order::by_key(&mut v, |&c| c as u64);
    v.dedup();
    v
}

fn is_member_during(m: &[&Membership], r: &DateRange, t: &Table) -> bool {
    m.iter().any(|x| x.is_member() && x.joined.start <= r.end && x.left.map(|l| l.end).unwrap_or(t.as_of) >= r.start)
}

/// Finds membership claims and checks them.
pub fn find(s: &Sentence, ctx: &Ctx) -> Vec<Checked> {
    let t = ctx.table;
    let mut out = Vec::new();
    let window = s.scope_date().map(|d| d.range).unwrap_or_else(|| ctx.recent());
    for (shape, re) in SHAPES.iter().zip(patterns()) {
        // The relative and passive shapes only where their words are.
        let sk = &s.skeleton;
        let present = match shape {
            Shape::WhichJoined | Shape::CountryWhichJoined => sk.has("which") || sk.has("that"),
            Shape::Added => sk.has("added") || sk.has("admitted"),
            Shape::PossessiveNth => sk.has("s member") || sk.has("th member") || sk.has("st member") || sk.has("d member"),
            _ => true,
        };
        if !present {
            continue;
        }
        for c in re.captures_iter(&s.skeleton) {
            let whole = c.get(0).unwrap();
            // "was added in 2010" names no organisation: the paragraph's.
            let g = s.hit(&c, "g4").and_then(org_of).or_else(|| org_in(s, &c, ctx)).or_else(|| match shape {
                Shape::Added if c.name("the").is_none() => ctx.memory.borrow().paragraph_org(s.block),
                // "Finland – which joined in 2023": the one organisation the sentence names
                // (a paragraph's earlier organisation is too far: "which joined in 1995" may
                // mean another body).
                Shape::CountryWhichJoined if c.name("the").is_none() => {
                    let orgs: Vec<usize> = s
                        .tokens
                        .iter()
                        .filter_map(|t| match t {
                            Token::Entity(h) if h.kind == Kind::Org => org_of(h),
                            _ => None,
                        })
                        .collect();
                    match orgs.as_slice() {
                        [first, rest @ ..] if rest.iter().all(|o| o == first) => Some(*first),
                        _ => None,
                    }
                }
                _ => None,
            });
            let (Some(ci), Some(g)) = (s.hit(&c, "c").and_then(country_of), g) else {
                continue;
            };
            let g_end = c.name("g").or(c.name("the")).or(c.name("g4")).map(|m| m.end());
            if g_end.is_some_and(|e| name_continues(s, e)) {
                continue;
            }
            // "Britain, a member of the EU until 2020", "… an EU member of 47 years", "… since
            // March 2024", "a NATO member-in-waiting": words after the membership say when or
            // what, which this shape does not read; it reads a phrase that ends there. And an
            // apposition in a sentence dated elsewhere ("Britain, an EU member, vetoed the
            // treaty in December 2011") may speak of that date.
            // ("Belarus became a member of the SCO at Tuesday's summit chaired by …" has given
            // its time: the words after it are not read.)
            let verb = c.name("verb").or(c.name("rel")).map(|v| v.as_str().lower()).unwrap_or_default();
            let became_on = verb == "became" && (c.name("d").is_some() || c.name("d3").is_some());
            // "a member of NATO since 2004" (not when the date goes on: "since 2004's summit").
            let rest = &s.skeleton[whole.end()..];
            let since = s.date(&c, "since").map(|d| d.range).filter(|_| !(rest.starts_with("'s") || rest.starts_with("’s")));
            // "Finland and Sweden joined NATO in 2023 and 2024": a date for each, in turn.
            if c.name("since").is_some() && since.is_none() || rest.starts_with(" and \u{E000}D") {
                continue;
            }
            if *shape == Shape::IsMember
                && !became_on
                && since.is_none()
                && (!phrase_ends(rest) || (c.name("verb").is_none() && s.dated_elsewhere(ctx.recent())))
            {
                continue;
            }
            // (Not "NATO's 32nd member": there the possessive is the shape's own, not a part.)
            let direct = matches!(shape, Shape::IsMember | Shape::Joined | Shape::BecameNth | Shape::Left);
            if direct && g_end.is_some_and(|e| part_of_body(s, e)) {
                let why = Why::PartOfBody { org: g as u32 };
                out.push(Checked {
                    span: whole.start()..whole.end(),
                    claim: Claim::default(),
                    verdict: Verdict::Unknown,
                    reason: Reason::PartOfBody,
                    why,
                    rows: Vec::new(),
                });
                continue;
            }
            if let Some(d) = since {
                out.extend(since_joined(ctx, ci, g, d, window, whole.start()..whole.end()));
                continue;
            }
            // "a founding member of the UN" says what it was at the start, not on the date.
            let founding = whole.as_str().to_ascii_lowercase().has("founding");
            let rel = match shape {
                Shape::IsMember if verb == "was" || verb == "had been" || founding => Rel::Was,
                Shape::IsMember if verb == "became" => Rel::Joined,
                Shape::IsMember => Rel::Is,
                Shape::Joined | Shape::BecameNth | Shape::WhichJoined | Shape::Added | Shape::CountryWhichJoined | Shape::PossessiveNth => Rel::Joined,
                Shape::Left => Rel::Left,
            };
            let said =
                if *shape == Shape::IsMember && verb != "became" { None } else { s.date(&c, "d").or_else(|| s.date(&c, "d2")).or_else(|| s.date(&c, "d3")) };
            let date = said.map(|d| d.range).or_else(|| s.scope_date().map(|d| d.range));
            let nth = c.name("n").and_then(|n| ordinal(n.as_str()));
            out.push(check(ctx, ci, g, rel, date, nth, window, whole.start()..whole.end()));
            // "Estonia, Latvia and Lithuania joined NATO in 2004", "Egypt and Iran became full
            // members of BRICS": each country the list names before the last, at the same date
            // (an ordinal is the last one's alone).
            // ("Albania and Croatia, which became NATO members in 2004": the plural says the
            // relative clause is about the whole list; "X and Y, which joined" may be Y alone.)
            let plural = *shape == Shape::CountryWhichJoined && whole.as_str().contains("members");
            if (direct || plural) && *shape != Shape::BecameNth && matches!(rel, Rel::Joined | Rel::Left) {
                let at = c.name("c").map_or(whole.start(), |m| m.start());
                if let Some(l) = listed_before().captures(&s.skeleton[..at]).and_then(|l| l.get(0)) {
                    for cj in s.tokens_in(l).into_iter().filter_map(country_of) {
                        out.push(check(ctx, cj, g, rel, date, None, window, l.start()..whole.end()));
                    }
                }
            }
        }
    }
    if s.skeleton.contains('-') || s.skeleton.has(" members") || s.skeleton.has(" member ") {
        out.extend(count(s, ctx));
    }
    if s.skeleton.has("newest") || s.skeleton.has("latest") || s.skeleton.has("most recent") {
        out.extend(newest(s, ctx, window));
    }
    let listed_members = s.skeleton.has("ember");
    let lists = consists()
        .captures_iter(&s.skeleton)
        .map(|c| (c, true))
        .chain(member_list().captures_iter(if listed_members { &s.skeleton } else { "" }).map(|c| (c, false)));
    for (c, full_list) in lists {
        let whole = c.get(0).unwrap();
        let gm = c.name("g").or(c.name("g2")).unwrap();
        let Some(g) = s.hit(&c, "g").or(s.hit(&c, "g2")).and_then(org_of) else {
            continue;
        };
        let l = c.name("list").unwrap();
        if full_list && name_continues(s, gm.end()) {
            continue;
        }
        // A list that runs on into a longer phrase ("… and Moldova's neighbour") is not one.
        let after = &s.skeleton[l.end()..];
        if after.starts_with("'s") || after.starts_with("’s") {
            continue;
        }
        // "former EU member Britain", "non-NATO member Austria", "would-be member Ukraine":
        // not a claim of membership on the date.
        if !full_list && s.words_before(gm.start(), 1).first().is_some_and(|w| NOT_NOW.contains(&w.trim_end_matches('-')) || w.starts_with("non")) {
            continue;
        }
        let listed: Vec<usize> = s.tokens_in(l).into_iter().filter_map(country_of).collect();
        let exhaustive = full_list && !c.name("verb").unwrap().as_str().eq_ignore_ascii_case("includes") && c.name("more").is_none();
        let o = &t.orgs[g];
        let claim = claim!(
            ctx,
            Claim {
                statement: statement!(
                    ctx,
                    "{} {} {}",
                    o.name,
                    if exhaustive { "consists of" } else { "includes" },
                    listed.iter().map(|&c| t.countries[c].name.as_ref()).collect::<Vec<_>>().join(", ")
                ),
                orgs: vec![o.id.to_string()],
                countries: listed.iter().map(|&c| t.countries[c].id.to_string()).collect(),
                relation: "consists-of".into(),
                date: Some(window),
                ..Claim::default()
            }
        );
        let members_now = members_during(t, g, &window);
        let not_members: Vec<usize> = listed.iter().copied().filter(|c| !members_now.contains(c)).collect();
        let ids = |v: &[usize]| v.iter().map(|&c| c as u32).collect::<Vec<u32>>();
        let rows = std::iter::once(Row::Org(g as u32))
            .chain(t.members_of(g).filter(|m| listed.contains(&m.country)).map(|m| Row::Membership(index_in(&t.memberships, m))))
            .collect();
        let (org, day) = (g as u32, window.end);
        let (verdict, why) = if window.end > t.as_of {
            (Verdict::Unknown, Why::TableRunsTo)
        } else if !not_members.is_empty() {
            if o.members_complete {
                (Verdict::Contradicted, Why::NotMembers { org, day, not: ids(&not_members), members: ids(&members_now) })
            } else {
                (Verdict::Unknown, Why::NotListed { org, day, not: ids(&not_members) })
            }
        } else if exhaustive && o.members_complete && listed.len() < members_now.len() {
            (Verdict::Unknown, Why::LeavesOut { org, day, members: ids(&members_now) })
        } else {
            (Verdict::Supported, Why::Included { org, day, listed: ids(&listed) })
        };
        out.push(Checked { span: whole.start()..whole.end(), claim, verdict, reason: Reason::plain(verdict), why, rows });
    }
    out
}

/// "Poland, a member of NATO since 1999", "Croatia, which has been an EU member since 2013":
/// the year the membership began. A year before the country joined is contradicted, and so is a
/// later one (news says "member since" of the day it joined). Not the year the body itself was
/// founded, for a founder or a member of a body it continued ("France, a member of the EU since
/// 1993": the EU continued the EEC): that stays unknown.
fn since_joined(ctx: &Ctx, c: usize, g: usize, d: DateRange, window: DateRange, span: std::ops::Range<usize>) -> Option<Checked> {
    let t = ctx.table;
    let o = &t.orgs[g];
    let founding = o.founded.iter().chain(&o.founded_alt).any(|f| f.overlaps(&d));
    let member_then = is_member_during(&member_rows(t, c, g), &DateRange::day(d.end), t);
    if founding && (member_then || o.founders.contains(&c)) {
        return None;
    }
    Some(check(ctx, c, g, Rel::Joined, Some(d), None, window, span))
}

/// Words before "ORG member(s)" that make it not a claim of membership on the date.
const NOT_NOW: &[&str] = &[
    "former", "ex", "ex-", "one-time", "onetime", "erstwhile", "would-be", "aspiring", "prospective", "future", "potential", "candidate", "hopeful", "non",
    "non-", "then", "founding-era", "fellow-traveller",
];

/// How far a count may lag: news keeps a count for a while after a member joins or leaves.
const COUNT_LAG_DAYS: i64 = 365;

/// "the 27-nation EU": supported when it is the count on the date; contradicted only when the
/// number is two or more away from every count the organisation had in the year around the
/// date (a count one off may count a suspended member, or lag a recent change), and only for
/// organisations whose members the table lists in full. A count of the year before is left
/// unknown.
fn count(s: &Sentence, ctx: &Ctx) -> Vec<Checked> {
    let t = ctx.table;
    let mut out = Vec::new();
    for c in member_count().captures_iter(&s.skeleton) {
        // "…, bringing the bloc's membership to 25", "bringing the alliance to 28 members": the
        // count on the day of an accession, which no earlier count can excuse.
        let bringing = c.name("n4").or(c.name("n5")).is_some();
        // "the EU has 720 members of parliament": members of something else.
        if c.name("of").is_some() {
            continue;
        }
        let g = match ["g2", "g3", "g4", "g5", "g6"].iter().find_map(|n| s.hit(&c, n)) {
            Some(h) => org_of(h),
            None if c.name("the2").is_some() => anaphor_org(s, c.name("the2").map_or(0, |m| m.start()), ctx),
            None if bringing => anaphor_org(s, c.get(0).map_or(0, |m| m.start()), ctx),
            None => org_in(s, &c, ctx),
        };
        let Some(g) = g else { continue };
        let Some(m) = ["n", "n2", "n3", "n4", "n5", "n6"].iter().find_map(|k| c.name(k)) else { continue };
        // "twenty-nine-member": the number goes on before the word the pattern found.
        if s.skeleton[..m.start()].ends_with(|ch: char| ch == '-' || crate::text::case::is_alnum(ch)) {
            continue;
        }
        let Some(n) = small_number(m.as_str()).map(|n| n as usize) else { continue };
        let o = &t.orgs[g];
        let on = s.scope_date().map(|d| d.range.end).unwrap_or(ctx.reference).min(ctx.reference);
        let at = |d: NaiveDate| members_during(t, g, &DateRange::day(d)).len();
        let now = at(on);
        let lag = chrono::Duration::days(COUNT_LAG_DAYS);
        // Every count in the year before the date and the month after it.
        let mut counts = vec![now, at(on + chrono::Duration::days(30))];
        if !bringing {
            counts.push(at(on - lag));
        }
        if !bringing {
            for m in t.members_of(g) {
                for d in [Some(m.joined.start), m.left.map(|l| l.end + chrono::Duration::days(1))].into_iter().flatten() {
                    if on - lag <= d && d <= on {
                        counts.push(at(d));
                    }
                }
            }
        }
        let whole = c.get(0).unwrap();
        let said = |claimed: Option<usize>| Why::MemberCount { org: g as u32, day: on, count: now as u32, claimed: claimed.map(|n| n as u32) };
        let (verdict, why) = if !o.members_complete || on > t.as_of {
            (Verdict::Unknown, Why::Silent)
        } else if n == now {
            (Verdict::Supported, said(None))
        } else if counts.contains(&n) {
            // A count the body had in the year before: the writer's may lag, but it is not
            // the count of the day, so it is not confirmed either.
            (Verdict::Unknown, said(None))
        } else if counts.iter().all(|&k| k.abs_diff(n) >= 2) && !s.dated_elsewhere(ctx.recent()) {
            (Verdict::Contradicted, said(Some(n)))
        } else {
            (Verdict::Unknown, Why::Silent)
        };
        let claim = claim!(
            ctx,
            Claim {
                statement: format!("{} has {n} members", o.name),
                orgs: vec![o.id.to_string()],
                relation: "member-count".into(),
                date: Some(DateRange::day(on)),
                ..Claim::default()
            }
        );
        out.push(Checked { span: whole.start()..whole.end(), claim, verdict, reason: Reason::plain(verdict), why, rows: vec![Row::Org(g as u32)] });
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn check(ctx: &Ctx, c: usize, g: usize, rel: Rel, date: Option<DateRange>, nth: Option<usize>, window: DateRange, span: std::ops::Range<usize>) -> Checked {
    let t = ctx.table;
    let o = &t.orgs[g];
    let rows = member_rows(t, c, g);
    let (cn, gn) = (t.countries[c].name.as_ref(), o.name.as_ref());
    let history = |then: Joined| Why::Member { country: c as u32, org: g as u32, then };
    let claim = claim!(
        ctx,
        Claim {
            statement: match rel {
                Rel::Is => format!("{cn} is a member of {gn}"),
                Rel::Was => format!("{cn} was a member of {gn}"),
                Rel::Joined => format!(
                    "{cn} joined {gn}{}{}",
                    date.map(|d| format!(" in {d}")).unwrap_or_default(),
                    nth.map(|n| format!(" as member number {n}")).unwrap_or_default()
                ),
                Rel::Left => format!("{cn} left {gn}{}", date.map(|d| format!(" in {d}")).unwrap_or_default()),
            },
            orgs: vec![o.id.to_string()],
            countries: vec![t.countries[c].id.to_string()],
            relation: format!("{rel:?}").lower(),
            date: date.or(Some(window)),
            ..Claim::default()
        }
    );
    let done = |verdict, why: Why| Checked {
        span: span.clone(),
        claim: claim.clone(),
        verdict,
        reason: Reason::plain(verdict),
        why,
        rows: rows.iter().map(|m| Row::Membership(index_in(&t.memberships, m))).chain([Row::Org(g as u32)]).collect(),
    };
    // A partner, observer or candidate is never called "not a member".
    let can_deny = o.members_complete && rows.iter().all(|m| m.is_member());
    let full: Vec<&&Membership> = rows.iter().filter(|m| m.is_member()).collect();
    match rel {
        Rel::Is => {
            let w = date.unwrap_or(window);
            if w.end > t.as_of {
                // Past membership that ended is still known; current membership is not.
                return done(Verdict::Unknown, history(Joined::TableRunsTo));
            }
            if is_member_during(&rows, &w, t) {
                done(Verdict::Supported, history(Joined::Stop))
            } else if o.members_complete {
                done(Verdict::Contradicted, history(Joined::NotMemberOn(w.end)))
            } else {
                done(Verdict::Unknown, history(Joined::Stop))
            }
        }
        Rel::Was => {
            let upto = DateRange::span(chrono::NaiveDate::MIN, ctx.reference.min(t.as_of));
            if is_member_during(&rows, &upto, t) {
                done(Verdict::Supported, history(Joined::Stop))
            } else if can_deny && ctx.reference <= t.as_of {
                done(Verdict::Contradicted, history(Joined::Stop))
            } else {
                done(Verdict::Unknown, history(Joined::Stop))
            }
        }
        Rel::Joined => {
            if full.is_empty() {
                return if can_deny && date.is_none_or(|d| d.start <= t.as_of) && ctx.reference <= t.as_of {
                    done(Verdict::Contradicted, history(Joined::Stop))
                } else {
                    done(Verdict::Unknown, history(Joined::Stop))
                };
            }
            if let Some(d) = date {
                let tol = if d.precision == Precision::Day { 3 } else { 0 };
                if !full.iter().any(|m| m.joined.widen(tol).overlaps(&d)) {
                    let precise = full.iter().all(|m| m.joined.precision >= d.precision.min(Precision::Month) || m.joined.precision == Precision::Day);
                    return if d.start <= t.as_of && precise {
                        done(Verdict::Contradicted, history(Joined::DidNotJoin(d)))
                    } else {
                        done(Verdict::Unknown, history(Joined::Stop))
                    };
                }
            }
            if let Some(n) = nth {
                if o.members_complete {
                    // Members at the moment it joined, counting those who joined the same day.
                    let j = full[0].joined.start;
                    let at = |strict: bool| {
                        let mut cs: Vec<usize> = t
                            .members_of(g)
                            .filter(|m| m.is_member() && if strict { m.joined.start < j } else { m.joined.start <= j } && m.left.is_none_or(|l| l.start > j))
                            .map(|m| m.country)
                            .collect();
                        crate::order::by_key(&mut cs, |&c| c as u64);
                        cs.dedup();
                        cs.len()
                    };
                    let (lo, hi) = (at(true) + 1, at(false));
                    if n < lo || n > hi {
                        return done(Verdict::Contradicted, history(Joined::NotNumber { lo: lo as u32, hi: hi as u32, claimed: n as u32 }));
                    }
                }
            }
            done(Verdict::Supported, history(Joined::Stop))
        }
        Rel::Left => {
            let left: Vec<&&Membership> = full.iter().copied().filter(|m| m.left.is_some()).collect();
            if left.is_empty() {
                return if !full.is_empty() && ctx.reference <= t.as_of && date.is_none_or(|d| d.end <= t.as_of) {
                    done(Verdict::Contradicted, history(Joined::HasNotLeft))
                } else {
                    done(Verdict::Unknown, history(Joined::Stop))
                };
            }
            match date {
                Some(d) if !left.iter().any(|m| m.left.unwrap().widen(3).overlaps(&d)) && d.start <= t.as_of => {
                    done(Verdict::Contradicted, history(Joined::DidNotLeave(d)))
                }
                _ => done(Verdict::Supported, history(Joined::Stop)),
            }
        }
    }
}
