//! Founding: "NATO was founded in 1949", "the SCO, established in 2001,", "In 2021, Australia,
//! the UK and the US announced the establishment of AUKUS".
//!
//! A date matches when it overlaps the table's founding date or any of the other dates that
//! reputable sources give (`founded_alt`: the EU's 1957 and 1993, say), at the precision the
//! sentence uses.
use super::explain::{Founders, Row, Why};
use super::*;
use crate::facts::Precision;

/// Which pattern matched, in the order of [`patterns`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// "NATO was founded in 1949", "the SCO, established in 2001,", "The bloc was formed in …",
    /// "ASEAN, founded in 1967 by Indonesia, Malaysia, …".
    Founded,
    /// "Australia, the UK and the US announced the establishment of AUKUS".
    Announced,
    /// "Greece, one of NATO's 12 founding members", "Qatar was one of the five countries that
    /// founded OPEC", "India, a founding member of the SCO", "the SCO, which China, Russia
    /// and four Central Asian states founded in 2001".
    OneOf,
}

const SHAPES: [Shape; 4] = [Shape::Founded, Shape::Announced, Shape::OneOf, Shape::Founded];

pub(crate) fn patterns() -> &'static [Pattern; 4] {
    static RE: std::sync::OnceLock<[Pattern; 4]> = std::sync::OnceLock::new();
    crate::text::cached(&RE, || {
        // Where ("founded in Bangkok", "signed at a conference in Baghdad"): a name, read as a
        // place only if the table knows it (summit::known_place).
        let place = r"\s+(?:(?i:at)\s+(?i:a|an|the)\s+(?:[a-z]+\s+)?(?i:conference|meeting|summit)\s+)?(?i:in)\s+(?P<pl>[A-ZÀ-Ý][\w'\-]+(?:\s+(?:(?:de|del|es|al|el)\s+)?[A-ZÀ-Ý][\w'\-]+)?)";
        let place2 = place.replace("<pl>", "<pl2>");
        let between = r"(?:[^.;:\u{E000}]|\u{E000}[^G])";
        let signers =
            r"(?i:nations|states|countries|leaders|governments|founders|delegates|representatives|heads of state|heads of government|foreign ministers)";
        [
            pattern(&format!(
                r"(?:(?P<doc2>(?i:the)\s+(?:(?i:founding|original)\s+)?(?i:charter|treaty|declaration|convention|pact)\s+(?i:of)\s+(?:(?i:the)\s+)?))?(?:(?P<g>{{G}})(?P<doc>(?:'s|’s|,\s+(?i:whose))\s+(?:(?i:founding|original)\s+)?(?i:charter|treaty|declaration|convention|pact))?|(?P<the>{{ORG}}|[Tt]he\s+[a-z]+-(?:nation|member|country|state)\s+(?:bloc|alliance|grouping|group|organi[sz]ation)))(?:,\s+(?:(?i:which|that)\s+)?(?:(?i:was)\s+)?|\s+(?i:was|were|had been|has been)\s+|(?P<bare>\s+))(?:(?i:officially|formally|first|originally)\s+)?(?i:founded|established|formed|created|set up|came into being|came into existence|born|(?P<signed>signed))(?:{place})?(?:\s+(?:(?i:in|on)\s+(?P<d>{{D}})|(?P<ago>\d{{1,3}})\s+(?i:years\s+ago)(?:\s+{{D}})?))?(?:{place2})?(?:\s+(?i:by)\s+(?P<list>(?:(?i:the)\s+)?{{C}}(?:(?:,\s*|,?\s+(?i:and)\s+)(?:(?i:the)\s+)?{{C}})+))?"
            )),
            pattern(
                r"(?P<list>(?:(?i:the)\s+)?{C}(?:(?:,\s*|,?\s+(?i:and)\s+)(?:(?i:the)\s+)?{C})+)\s+(?:(?i:announced|agreed on|agreed to|signed|launched|unveiled)\s+(?:(?i:the)\s+)?(?i:establishment|creation|formation|founding|launch)\s+of\s+|(?P<act>(?:(?i:jointly|together)\s+)?(?i:founded|co-founded|set up|established|created|formed)\s+))(?:(?i:the)\s+)?(?:(?P<g>{G})|(?P<the>(?i:organi[sz]ation|bloc|cartel)))(?P<tail>['’+-]|\s+(?:[A-Z]|(?i:that|which|who|of)\b))?(?:\s*,?\s+(?i:in|on)\s+(?P<d>{D}))?",
            ),
            pattern(
                r"(?:(?P<one>{C})(?:,\s+(?:(?i:which|that)\s+(?:(?i:was|is)\s+)?)?|\s+(?i:was|is|became|remains)\s+)(?:(?i:one of)\s+(?:(?i:the)\s+)?(?:[\w-]+\s+)?|(?i:a|an)\s+)(?:(?i:founding|original)\s+(?i:members?|member states?|states?|countries|country|nations?|signatory|signatories)\s+(?i:of)\s+(?:(?i:the)\s+)?|(?i:countries|nations|states)\s+(?i:that|which|to)\s+(?i:founded|found|set up|established|created|formed)\s+(?:(?i:the)\s+)?)?(?P<g>{G})(?:(?:'s|’s)\s+(?:[\w-]+\s+)?(?i:founding|original)\s+(?i:members|member states|states|countries|nations|signatories))?|(?P<g4>{G}),\s+(?i:which)\s+(?P<list>(?:(?i:the)\s+)?{C}(?:(?:,\s*|,?\s+(?i:and)\s+)(?:(?i:the)\s+)?{C})+)\s+(?i:founded|set up|established|created|formed))(?:\s+(?i:in)\s+(?P<d>{D}))?",
            ),
            // Where its founders signed its charter: "NATO …, when 12 nations signed its
            // founding treaty in Washington", "SAARC, whose charter seven South Asian leaders
            // signed in Dhaka". The signers are a plural of nations or leaders (not one
            // country, which may sign the charter on joining), and no other body stands
            // between. Only the place is read: a charter may be signed years before the body
            // is founded (the African Union's in Lomé, 2000; founded 2002).
            pattern(&format!(
                r"(?P<g>{{G}})(?:,\s+(?i:whose)\s+(?:(?i:founding)\s+)?(?i:charter|treaty)\s+{between}{{0,60}}?\s*{signers}\s+(?i:signed)|{between}{{0,100}}?\s*{signers}\s+(?i:signed)\s+(?i:its)\s+(?:(?i:founding)\s+)?(?i:charter|treaty))(?:\s+(?i:on|in)\s+{{D}})?{place}"
            )),
        ]
    })
}

/// Finds founding claims and checks them.
pub fn find(s: &Sentence, ctx: &Ctx) -> Vec<Checked> {
    let t = ctx.table;
    let mut out = Vec::new();
    for (shape, re) in SHAPES.iter().zip(patterns()) {
        let announced = *shape == Shape::Announced;
        let one_of = *shape == Shape::OneOf;
        for c in re.captures_iter(&s.skeleton) {
            let whole = c.get(0).unwrap();
            // "NATO founded a new command in 2010" is NATO's act: a participle with no comma or
            // "was" before it is read only after "the six-nation bloc".
            if c.name("bare").is_some() && c.name("g").is_some() {
                continue;
            }
            // A founding read needs a date, a place or founders; "signed" only a charter's or a
            // treaty's ("NATO's founding treaty was signed in Washington").
            let place = c.name("pl").or(c.name("pl2")).map(|m| m.as_str());
            if *shape == Shape::Founded
                && (["d", "ago", "list"].iter().all(|n| c.name(n).is_none()) && place.is_none()
                    || c.name("signed").is_some() && c.name("doc").or(c.name("doc2")).is_none())
            {
                continue;
            }
            // "One of NATO's founding members", "one of the countries that founded OPEC"; not
            // "one of NATO's members", nor "… of the EU's predecessor".
            if one_of
                && c.name("list").is_none()
                && (!whole.as_str().contains("ound") && !whole.as_str().contains("riginal") || s.skeleton[whole.end()..].starts_with(['\'', '’']))
            {
                continue;
            }
            // "Iran, Iraq, … founded OPEC" / "… founded the organisation": not "formed NATO's
            // rapid-reaction force" nor "set up the OPEC Fund" (`tail`), and "the organisation"
            // only for the body the sentence opens with, in the same clause ("Within the EU, …
            // formed the bloc" may be the Visegrad Group).
            if c.name("tail").is_some() {
                continue;
            }
            let org = match c.name("the") {
                Some(m) if announced => {
                    let head = &s.skeleton[..m.start()];
                    match head.strip_prefix("The ").unwrap_or(head).starts_with(OPEN) && !head.bytes().any(|b| b == b':' || b == b';') {
                        true => s.tokens_before(m.start()).first().and_then(|h| org_of(h)),
                        false => None,
                    }
                }
                _ => org_in(s, &c, ctx).or_else(|| s.hit(&c, "g4").and_then(org_of)),
            };
            let Some(org) = org else {
                continue;
            };
            let o = &t.orgs[org];
            // "founded 50 years ago": that many years before the article's, or one more (the
            // anniversary may be still to come).
            let ago = c.name("ago").and_then(|n| n.as_str().parse::<u32>().ok()).and_then(|n| {
                let y = chrono::Datelike::year(&ctx.reference) - n as i32;
                Some(DateRange::span(DateRange::year(y - 1)?.start, DateRange::year(y)?.end))
            });
            let date = s.date(&c, "d").or_else(|| if announced { s.scope_date() } else { None }).map(|d| d.range).or(ago);
            // "founded in 1967 by Indonesia, Malaysia, …": the founders, when the list ends the
            // phrase ("…, the United States, and Canada joined a year later" lists no founders).
            // One country said to be one of the founders is one listed; a list that founded it
            // ("which China, Russia and … founded") is read whole.
            let listed: Vec<usize> = match (c.name("list"), s.hit(&c, "one")) {
                (_, Some(h)) => country_of(h).into_iter().collect(),
                (Some(l), _) if announced || one_of || s.skeleton[l.end()..].trim_start().chars().next().is_none_or(|ch| ".,;:)".contains(ch)) => {
                    s.tokens_in(l).into_iter().filter_map(country_of).collect()
                }
                _ => Vec::new(),
            };
            let claim = claim!(
                ctx,
                Claim {
                    statement: statement!(
                        ctx,
                        "{} was founded{}{}",
                        o.name,
                        date.map(|d| format!(" in {d}")).unwrap_or_default(),
                        if listed.is_empty() {
                            String::new()
                        } else {
                            format!(" by {}", listed.iter().map(|&c| t.countries[c].name.as_ref()).collect::<Vec<_>>().join(", "))
                        }
                    ),
                    orgs: vec![o.id.to_string()],
                    countries: listed.iter().map(|&c| t.countries[c].id.to_string()).collect(),
                    relation: "founded".into(),
                    date,
                    ..Claim::default()
                }
            );
            let mut verdict = Verdict::Unknown;
            if let (Some(d), Some(_)) = (date, o.founded) {
                let tol = if d.precision == Precision::Day { 3 } else { 0 };
                let ok = o.founded.iter().chain(&o.founded_alt).any(|f| f.widen(tol).overlaps(&d));
                verdict = if ok { Verdict::Supported } else { Verdict::Contradicted };
            }
            // The founders, when the sentence lists some: the listed countries that were not
            // among them (none: the list is confirmed).
            let mut wrong_founders: Option<Vec<usize>> = None;
            if !listed.is_empty() && !o.founders.is_empty() {
                // A member by the latest founding date any source gives may be counted among the
                // founders: the EU of 1993 had twelve members, Britain among them; the G7 took
                // its name when Canada joined in 1976.
                let latest = o.founded.iter().chain(&o.founded_alt).map(|d| d.end).max();
                let member_by = |c: usize| latest.is_some_and(|l| t.members_of(org).any(|m| m.country == c && m.joined.start <= l));
                let wrong: Vec<usize> = listed.iter().copied().filter(|&c| !o.founders.contains(&c) && !member_by(c)).collect();
                if !wrong.is_empty() {
                    verdict = Verdict::Contradicted;
                    wrong_founders = Some(wrong);
                } else if verdict != Verdict::Contradicted {
                    verdict = Verdict::Supported;
                    wrong_founders = Some(wrong);
                }
            }
            // The place, when the table has the body's founding places: one of them confirms it;
            // another place the table knows is a confusion (any other name may be a venue).
            let mut not_in = None;
            if let (Some(p), Some(first)) = (place, o.founded_in.first()) {
                if o.founded_in.iter().any(|x| super::summit::same_place(x, p)) {
                    if verdict == Verdict::Unknown {
                        verdict = Verdict::Supported;
                    }
                } else if super::summit::known_place(t, p) {
                    verdict = Verdict::Contradicted;
                    not_in = Some([first.to_string(), p.to_string()]);
                }
            }
            let founders = match wrong_founders {
                Some(w) if !w.is_empty() => Founders::Not(w.iter().map(|&c| c as u32).collect()),
                Some(_) => Founders::Confirmed,
                None => Founders::Unsaid,
            };
            out.push(Checked {
                span: whole.start()..whole.end(),
                claim,
                verdict,
                reason: Reason::plain(verdict),
                why: Why::Founded { org: org as u32, founders, not_in },
                // (A place judged cites the row that says where, beside the body's own.)
                rows: if place.is_some() && !o.founded_in.is_empty() {
                    vec![Row::Org(org as u32), Row::Founding(org as u32)]
                } else {
                    vec![Row::Org(org as u32)]
                },
            });
        }
    }
    out
}
