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
}

const SHAPES: [Shape; 2] = [Shape::Founded, Shape::Announced];

pub(crate) fn patterns() -> &'static [Pattern; 2] {
    static RE: std::sync::OnceLock<[Pattern; 2]> = std::sync::OnceLock::new();
    crate::text::cached(&RE, || {
        [
            pattern(
                r"(?:(?P<g>{G})|(?P<the>{ORG}))(?:,\s+(?:(?i:which|that)\s+)?(?:(?i:was)\s+)?|\s+(?i:was|were|had been|has been)\s+)(?:(?i:officially|formally|first|originally)\s+)?(?i:founded|established|formed|created|set up)(?:\s+(?i:in)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?\s+(?i:in|on)\s+(?P<d>{D})(?:\s+(?i:by)\s+(?P<list>(?:(?i:the)\s+)?{C}(?:(?:,\s*|,?\s+(?i:and)\s+)(?:(?i:the)\s+)?{C})+))?",
            ),
            pattern(
                r"(?P<list>(?:(?i:the)\s+)?{C}(?:(?:,\s*|,?\s+(?i:and)\s+)(?:(?i:the)\s+)?{C})+)\s+(?i:announced|agreed on|agreed to|signed|launched|unveiled)\s+(?:(?i:the)\s+)?(?i:establishment|creation|formation|founding|launch)\s+of\s+(?:(?i:the)\s+)?(?P<g>{G})(?:\s*,?\s+(?i:in|on)\s+(?P<d>{D}))?",
            ),
        ]
    })
}

/// Finds founding claims and checks them.
pub fn find(s: &Sentence, ctx: &Ctx) -> Vec<Checked> {
    let t = ctx.table;
    let mut out = Vec::new();
    for (shape, re) in SHAPES.iter().zip(patterns()) {
        let announced = *shape == Shape::Announced;
        for c in re.captures_iter(&s.skeleton) {
            let whole = c.get(0).unwrap();
            let Some(org) = org_in(s, &c, ctx) else {
                continue;
            };
            let o = &t.orgs[org];
            let date = s.date(&c, "d").or_else(|| if announced { s.scope_date() } else { None }).map(|d| d.range);
            // "founded in 1967 by Indonesia, Malaysia, …": the founders, when the list ends the
            // phrase ("…, the United States, and Canada joined a year later" lists no founders).
            let listed: Vec<usize> = match c.name("list") {
                Some(l) if announced || s.skeleton[l.end()..].trim_start().chars().next().is_none_or(|ch| ".,;:)".contains(ch)) => {
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
                let wrong: Vec<usize> = listed.iter().copied().filter(|c| !o.founders.contains(c)).collect();
                if !wrong.is_empty() {
                    verdict = Verdict::Contradicted;
                    wrong_founders = Some(wrong);
                } else if verdict != Verdict::Contradicted {
                    verdict = Verdict::Supported;
                    wrong_founders = Some(wrong);
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
                why: Why::Founded { org: org as u32, founders },
                rows: vec![Row::Org(org as u32)],
            });
        }
    }
    out
}
