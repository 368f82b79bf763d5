//! Who proposed what: "Kishida called for an Asian version of NATO", "Kishida stated that
//! without a collective defence system like NATO in Asia …", "he floated the idea of an Asian
//! NATO".
//!
//! A proposal in `data/proposals.tsv` has one originator. A sentence that has another person
//! propose, call for, coin or argue it is contradicted, but only where the table marks the
//! proposal as exclusive to its originator, the person is certain (named, or a pronoun whose
//! referent is plain), and the sentence attributes it rather than reports a reaction to it
//! ("rejected", "welcomed", "Ishiba's Asian NATO").
use super::explain::{index_in, Credited, Row, Why};
use super::*;
use crate::facts::human;
use crate::text::case::TextCase;

/// Which pattern matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// "X called for / proposed / floated … Y".
    Proposed,
    /// "X stated / argued / wrote that … Y …".
    Argued,
    /// "Y, a forum first proposed in May by German Chancellor X", "Y, which was floated by X",
    /// "Y is the brainchild of X": the verbs of authorship only (not "championed" or
    /// "launched", which carry it out).
    ProposedBy,
}

const SHAPES: [Shape; 3] = [Shape::Proposed, Shape::Argued, Shape::ProposedBy];

pub(crate) fn patterns() -> &'static [Pattern; 3] {
    static RE: std::sync::OnceLock<[Pattern; 3]> = std::sync::OnceLock::new();
    crate::text::cached(&RE, || {
        let subject = r"(?P<p>{P})|(?-u:\b)(?P<pro>[Hh]e|[Ss]he)";
        let adverb = r"(?:(?i:has|had|have|also|first|repeatedly|publicly|then|once|long|recently|again|later|soon)\s+)*";
        [
            pattern(&format!(
                r"(?:{subject})\s+{adverb}(?P<verb>(?i:called for|proposed|advocated|floated|unveiled|coined|pushed for|championed|put forward|launched|came up with|pitched|mooted|touted|promoted|suggested|introduced|announced|set out|laid out))(?-u:\b)(?P<mid>(?:[^.;:{{}}\u{{E000}}]|\u{{E000}}[^P]){{0,80}}?)(?P<r>{{R}})"
            )),
            pattern(&format!(
                r"(?:{subject})\s+{adverb}(?P<verb>(?i:stated|said|argued|wrote|warned|insisted|declared|told [a-z ]{{1,30}}))\s+(?i:that)\s+(?P<mid>[^;]{{0,200}}?)(?P<r>{{R}})"
            )),
            pattern(
                r"(?P<r>{R})(?P<mid>\s*,\s*(?:(?i:a|an|the)\s+)?(?:[A-Za-z-]+\s+){0,3}?|\s+(?:(?i:which|that)\s+)?(?:(?i:was|had been|has been|were)\s+)?)(?:(?i:first|originally|initially)\s+)?(?:(?P<verb>(?i:proposed|floated|put forward|mooted|conceived|devised|coined|dreamed up|dreamt up|unveiled|launched|set out|laid out))(?:\s+(?i:in|on)\s+{D})?\s+(?i:by)|(?i:(?:is|was)\s+the\s+)?(?i:brainchild\s+of))\s+(?:{Q}(?:'s|’s)?\s+)?(?:{O}\s+)?(?P<p>{P})",
            ),
        ]
    })
}

/// Words between the verb and the proposal that make the sentence a reaction to it, or put it
/// in someone else's name: the proposal is not the subject's.
const REACTIONS: &[&str] = &[
    "rejected", "dismissed", "criticised", "criticized", "opposed", "against", "questioned", "doubted", "skeptical", "sceptical", "endorsed", "backed",
    "supported", "welcomed", "embraced", "adopted", "discussed", "debated", "responded", "reacted", "praised", "mocked", "ruled", "distanced", "shelved",
    "dropped", "abandoned", "inherited", "continued", "revived", "echoed", "took", "borrowed", "opposing", "rejecting", "unrealistic", "impossible",
    "premature", "no", "not", "never", "idea's", "predecessor's", "rival's", "successor's", "whether", "if", "objections", "concerns", "reservations",
    "alternative", "response", "criticism", "opposition", "doubts", "join", "joining", "joined", "sign", "signed", "signing", "withdraw", "leave", "quit",
];

/// Words in an argued clause that give the proposal another actor: "said that Washington was
/// building an Asian NATO" reports an accusation, not the speaker's own proposal.
const ACTORS: &[&str] = &[
    "building", "build", "builds", "built", "create", "creating", "created", "forming", "form", "formed", "establishing", "trying", "tries", "tried", "seeks",
    "seeking", "sought", "plans", "planning", "wants", "wanted", "pursuing", "pursue", "pushing", "accused", "accuses", "accusing", "cobbling", "stitching",
    "assembling", "forge", "forging", "washington", "beijing", "moscow", "tokyo", "london", "paris", "berlin", "west", "western", "they", "others", "critics",
    "rivals",
];

/// Finds proposal claims and checks them.
pub fn find(s: &Sentence, ctx: &Ctx) -> Vec<Checked> {
    let t = ctx.table;
    let mut out = Vec::new();
    for (shape, re) in SHAPES.iter().zip(patterns().iter()) {
        for c in re.captures_iter(&s.skeleton) {
            let whole = c.get(0).unwrap();
            let Some(rh) = s.hit(&c, "r") else { continue };
            let Some(pr) = rh.refs.iter().find_map(|r| if let Ref::Proposal(i) = r { Some(*i) } else { None }) else { continue };
            let proposal = &t.proposals[pr];
            // The words between verb and proposal: a reaction, a possessive naming someone else
            // ("Ishiba's"), or a comparison make it not the subject's proposal.
            let mid = c.name("mid").map(|m| m.as_str()).unwrap_or("");
            let mid_words: Vec<String> =
                mid.split(|ch: char| !(crate::text::case::is_alnum(ch) || ch == '\'' || ch == '’')).filter(|w| !w.is_empty()).map(|w| w.lower()).collect();
            // A possessive right before the proposal names its author ("Ishiba's Asian NATO").
            let before_r = mid.trim_end();
            let possessive =
                before_r.ends_with("'s") || before_r.ends_with("’s") || before_r.ends_with(&format!("{CLOSE}'s")) || before_r.ends_with(&format!("{CLOSE}’s"));
            // "unveiled the Global Security Initiative concept paper": a thing of the proposal.
            let next: String = s.skeleton[c.name("r").map_or(0, |r| r.end())..].trim_start().chars().take_while(|c| crate::text::case::is_alnum(*c)).collect();
            let part = PARTS.contains(&next.lower().as_str());
            let reacted = possessive || part || mid_words.iter().any(|w| REACTIONS.contains(&w.as_str()));
            // In the "argued that" shape, another person or title inside the clause may be its
            // subject ("said that Ishiba's proposal …", "said that the prime minister wants …").
            let other_subject = *shape == Shape::Argued && (acts_in(mid) || mid_words.iter().any(|w| ACTORS.contains(&w.as_str())));
            // "Sarkozy and Mubarak launched …": a shared subject; and a sentence that names the
            // originator is a joint launch or a reaction, never a misattribution.
            let shared_subject = s.words_before(whole.start(), 1).first().is_some_and(|w| w == "and" || w == "&");
            let originator = &t.people[proposal.originator];
            let written = &s.block[rh.start..rh.end];
            let credited_in_name = std::iter::once(originator.name.as_ref())
                .chain(originator.aliases.iter().map(|a| a.text.as_ref()))
                .filter_map(|n| n.split_whitespace().last())
                .any(|surname| surname.len() > 2 && written.contains(surname));
            let originator_named =
                credited_in_name || s.tokens.iter().any(|tok| matches!(tok, Token::Entity(h) if people_of(h).contains(&proposal.originator)));
            let people: Vec<usize> = match (s.hit(&c, "p"), c.name("pro")) {
                (Some(ph), _) => people_of(ph),
                (None, Some(pro)) => pronoun_referent(s, pro.start(), ctx),
                _ => Vec::new(),
            };
            let statement =
                statement!(ctx, "{} proposed {}", people.iter().map(|&p| t.people[p].name.to_string()).collect::<Vec<_>>().join(" / "), proposal.name);
            let claim = claim!(
                ctx,
                Claim {
                    statement,
                    people: people.iter().map(|&p| t.people[p].id.to_string()).collect(),
                    relation: "proposed".into(),
                    date: Some(proposal.date),
                    ..Claim::default()
                }
            );
            let (verdict, reason, credited) = if shared_subject || (originator_named && !people.contains(&proposal.originator)) {
                (Verdict::Unknown, Reason::NotSettled, Credited::BesideOriginator)
            } else if reacted || other_subject {
                (Verdict::Unknown, Reason::NotAsserted, Credited::Reaction)
            } else if people.len() != 1 {
                (Verdict::Unknown, Reason::Ambiguous, Credited::Unclear)
            } else if people[0] == proposal.originator {
                (Verdict::Supported, Reason::Confirmed, Credited::Originator)
            } else if !proposal.exclusive {
                (Verdict::Unknown, Reason::NotSettled, Credited::SharedWithOthers)
            } else if ctx.reference < proposal.date.start {
                (Verdict::Unknown, Reason::NotSettled, Credited::DatedAfter)
            } else if carries_out(c.name("verb").map_or("", |v| v.as_str())) && serves_under(t, people[0], proposal.originator, ctx.reference) {
                // "Foreign Minister Qin Gang unveiled the Global Security Initiative": a minister
                // launching the leader's initiative claims no authorship.
                (Verdict::Unknown, Reason::NotSettled, Credited::SharedWithOthers)
            } else {
                (Verdict::Contradicted, Reason::WrongOriginator, Credited::NotBy(people[0] as u32))
            };
            let id = index_in(&t.proposals, proposal);
            let mut checked = Checked {
                span: whole.start()..whole.end(),
                claim,
                verdict,
                reason,
                why: Why::Proposal { proposal: id, credited },
                rows: vec![Row::Proposal(id)],
            };
            if let Some(ph) = s.hit(&c, "p") {
                downgrade_if_shared(&mut checked, ph, &s.block[ph.start..ph.end], ctx);
            }
            out.push(checked);
        }
    }
    out
}

/// Words after a proposal's name that make the phrase a thing of it, not the proposal.
const PARTS: &[&str] =
    &["concept", "paper", "document", "report", "summit", "forum", "fund", "office", "secretariat", "conference", "meeting", "group", "roadmap", "white"];

/// Verbs that carry out a proposal as much as they author it.
fn carries_out(verb: &str) -> bool {
    matches!(verb.lower().as_str(), "launched" | "unveiled" | "introduced" | "announced" | "promoted" | "touted" | "championed" | "pushed for")
}

/// Whether `p` served as a minister in the government that `leader` headed on `day`: `p` held
/// a minister's or deputy's office of a country whose top office of state or government the
/// leader held that day.
fn serves_under(t: &Table, p: usize, leader: usize, day: NaiveDate) -> bool {
    let on = |x: &crate::facts::Term| x.start <= day && t.term_end(x) >= day;
    let country = |x: &crate::facts::Term| t.offices[x.office].jurisdiction;
    t.terms_of_person(p).filter(|x| on(x) && matches!(&*t.offices[x.office].kind, "minister" | "deputy")).any(|m| {
        t.terms_of_person(leader).any(|x| on(x) && country(x) == country(m) && matches!(&*t.offices[x.office].kind, "head_of_state" | "head_of_government"))
    })
}

/// Whether an entity in an argued clause acts as its subject ("said that Washington was
/// building …", "said that the US wants …"): a token followed by a verb.
fn acts_in(mid: &str) -> bool {
    const VERBS: &[&str] = &[
        "was", "is", "were", "are", "has", "had", "would", "will", "wants", "wanted", "plans", "planned", "seeks", "sought", "could", "might", "should",
        "must", "can",
    ];
    mid.split(CLOSE).skip(1).any(|after| {
        let next = after.split_whitespace().next().unwrap_or("").trim_matches(|c: char| !crate::text::case::is_alnum(c)).lower();
        VERBS.contains(&next.as_str())
    })
}

/// "in September 2024", "in 2013".
pub(crate) fn when(p: &crate::facts::Proposal) -> String {
    match p.date.precision {
        crate::facts::Precision::Day => human(p.date.start),
        _ => p.date.to_string(),
    }
}

/// "The Asian version of NATO", "Zeitenwende".
pub(crate) fn sentence_start(name: &str) -> String {
    let lower_start = name.chars().next().is_some_and(crate::text::case::is_lower);
    let article = name.split_whitespace().next().is_some_and(|w| w.chars().next().is_some_and(crate::text::case::is_upper))
        && name.contains(' ')
        && !name.starts_with("The ");
    match (lower_start, article) {
        (true, _) => name.capitalised(),
        (false, true) => crate::t!("The {}", name),
        _ => name.to_string(),
    }
}
