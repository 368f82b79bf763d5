//! Summits and rotating chairs: "Japan hosted the G7 summit in Hiroshima in May 2023", "the
//! 15th BRICS summit in Johannesburg", "Hungary took over the rotating presidency of the EU on
//! July 1", "India handed the G20 presidency to Brazil".
//!
//! A summit is identified by its body and its date (a year at least) or its ordinal, never by
//! the article's date alone: "Japan hosted the G20 summit" is true of 2019 whenever it is
//! written. (The exceptions are leaders gathered or meeting in a city: "NATO leaders meeting in
//! Vilnius" speaks of the summit under way.) A summit after the article's date is a plan,
//! which what happened later does not contradict. A place is contradicted only when it is the
//! place of another summit of the same body (a confusion the table can see): a region, a venue
//! or a district the table does not list stays unknown. A presidency is checked at the date the sentence gives, or at the
//! article's date for the present tense.
use super::explain::{index_in, Met, Row, Why};
use super::*;
use crate::facts::{human, Presidency, Summit};
use crate::text::case::TextCase;
use crate::text::Has;

/// How far a "took over on DATE" day may be from the table's handover day.
const HANDOVER_TOLERANCE_DAYS: i64 = 7;

/// How long before its term ends a holder may hand the presidency over at a ceremony: the G20
/// gavel passes at the November summit for a term that starts on 1 December, APEC's and
/// ASEAN's at the autumn meetings (as early as September) for one that starts on 1 January.
/// Within it, "A handed the presidency to B" names A's successor.
const CEREMONY_BEFORE_DAYS: i64 = 120;

/// The groups that may name the body, in the patterns' order of preference.
const BODY_GROUPS: [&str; 8] = ["g", "g2", "g3", "g4", "g5", "g6", "g7", "ga"];

/// Which pattern matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// "C hosted the BODY summit [in CITY] [in DATE]".
    Hosted,
    /// "the BODY summit [was] hosted by C".
    HostedBy,
    /// "the [Nth] BODY summit in CITY [in DATE]"; "BODY leaders opened a two-day summit in
    /// CITY" (leaders only: a ministers' meeting is not the summit), "… the bloc's 17th summit
    /// in CITY"; "the 25th summit of the BODY in CITY"; "BODY leaders gathered [on DATE] in
    /// CITY for a two-day summit". A region after the city ("in Charlevoix, Quebec, on
    /// Monday") does not hide the date, nor what news puts before it ("in the Latvian capital
    /// Riga").
    Place,
    /// "C holds / took over the BODY presidency [for YEAR] [from C2] [on DATE] [, succeeding
    /// C2]", "LEADER took over as BODY chair from LEADER2", "LEADER received the BODY
    /// chairmanship from LEADER2", "LEADER was named chairman of the BODY, taking over from
    /// LEADER2": a leader stands for the country.
    Holds,
    /// "C handed the BODY presidency to C2" (or to C2's leader: "to Malaysian Prime Minister
    /// Najib Razak").
    Handover,
    /// "C's BODY presidency in DATE", "… this year" (checked only with a date).
    Possessive,
    /// "the African Union, currently chaired by Tanzanian President Jakaya Kikwete": held on
    /// the article's day (only with "currently", "now" or "is").
    ChairedBy,
    /// "Angolan President Joao Lourenco, the current chairperson of the African Union",
    /// "Malaysia, this year's ASEAN chair": held on the article's day, or in the year named
    /// (only with "current", "rotating", "incumbent", or "this / last / next year's"; a person
    /// only while a head of state or government, not "the chairperson of the AU" who chairs its
    /// Commission).
    ChairAppos,
}

const SHAPES: [Shape; 9] =
    [Shape::Hosted, Shape::HostedBy, Shape::Place, Shape::Holds, Shape::Handover, Shape::Possessive, Shape::ChairedBy, Shape::ChairAppos, Shape::ChairAppos];

const ORD: &str = r"(?P<n>\d+(?:st|nd|rd|th)|(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth))";
const MEETING: &str = r"(?:(?i:climate|leaders'?|economic leaders'?)\s+)?(?i:summits?|meetings?|conference|talks)";
/// A place name: up to three capitalised words. The regex build carries Unicode word classes
/// (`unicode-perl`) but not general categories, so capitals are a range, not `\p{Lu}`.
const CITY: &str = r"(?P<city>[A-ZÀ-ÝŁŚŻ][\w'\-]+(?:[ \-](?:(?:de|do|da|del|dos|das|es)\s+)?[A-ZÀ-ÝŁŚŻ][\w'\-]+){0,2})";
/// What news puts before a summit's city: "in the Latvian capital Riga", "in the Indonesian
/// resort island of Bali", "in the eastern Chinese city of Hangzhou", "in the capital, Vilnius",
/// "in the French seaside resort of Deauville".
const LEAD: &str = r"(?:(?i:the)\s+(?:(?i:northern|southern|eastern|western|north-eastern|north-western|south-eastern|south-western|northeastern|northwestern|southeastern|southwestern|central)\s+)?(?:{Q}\s+)?(?:(?i:seaside|coastal|lakeside|mountain|spa)\s+)?(?i:capital|city|port|resort|town)(?:\s+(?i:city|town|island))?(?:\s+(?i:of)|,)?\s+)?";

pub(crate) fn patterns() -> &'static [Pattern; 9] {
    static RE: std::sync::OnceLock<[Pattern; 9]> = std::sync::OnceLock::new();
    crate::text::cached(&RE, || {
        let date = r"(?:\s*,?\s+(?:(?i:in|on)\s+)?(?P<d>{D}))?";
        let when = r"(?:\s*,?\s+(?:(?i:for the first time|formally|officially)\s+)?(?i:in|on|at the start of|at the beginning of|from)\s+(?P<d>{D}))?";
        // "the EU Council presidency", "the presidency of the Council of the EU", "the EU's
        // rotating presidency": the rotating presidency is the Council's, and news names it
        // either way.
        let presidency = r"(?:(?i:the|a)\s+|(?P<d0>{D})(?:'s|’s)\s+)?(?:(?i:rotating|six-month|annual|one-year)\s+){0,2}(?:(?P<g>{G})(?:'s|’s)?(?:\s+(?i:Council))?\s+(?:(?i:rotating|six-month|annual|one-year)\s+){0,2}(?i:presidency|chairmanship|chair)(?-u:\b)|(?i:presidency|chairmanship|chair)\s+of\s+(?:(?i:the)\s+)?(?:(?i:Council\s+of\s+the)\s+)?(?P<g2>{G})(?:\s+(?i:Council)\b)?)";
        // The one who handed it over: a country ("from Poland", "from Kenya's William Ruto") or
        // a leader, for whom the country stands ("from Comoros President Azali Assoumani").
        let giver = r"(?:(?:(?i:the)\s+)?(?P<from>{Q})(?:(?:'s|’s)\s+(?:{O}\s+)?{P})?|(?:{O}\s+)?(?P<fromp>{P})|(?P<fromo>{O}))";
        let giver2 = giver.replace("<from", "<from2");
        // The city where another shape needs a group name of its own.
        let [city2, city4, city5, city6, city7, city8] = ["<city2>", "<city4>", "<city5>", "<city6>", "<city7>", "<city8>"].map(|n| CITY.replace("<city>", n));
        [
            pattern(&format!(
                r"(?P<c>{{Q}})(?:,\s+(?i:which|that))?\s+(?P<verb>(?i:hosted|has hosted|had hosted|will host|is hosting|hosts|is to host|will be hosting|played host to|was host to))\s+(?:(?i:the|a|this year's|next year's|last year's)\s+)?(?:{ORD}\s+)?(?:(?P<d0>{{D}})(?:'s|’s)?\s+)?(?P<g>{{G}})(?:\s+{MEETING})?(?:\s+(?i:in|at)\s+{CITY})?{date}"
            )),
            pattern(&format!(
                r"(?:{ORD}\s+)?(?:(?P<d0>{{D}})(?:'s|’s)?\s+)?(?P<g>{{G}})\s+{MEETING}(?:\s+(?i:in|at)\s+{CITY})?{date},?\s+(?i:was|is|will be|being)?\s*(?i:hosted by)\s+(?P<c>{{Q}})(?:\s+(?i:in|at)\s+{city2})?(?:\s*,?\s+(?i:in|on)\s+(?P<d2>{{D}}))?"
            )),
            pattern(&format!(
                r"(?:(?i:the)\s+)?(?:{ORD}\s+)?(?:(?P<d0>{{D}})(?:'s|’s)?\s+)?(?:(?i:leaders\s+of\s+(?:the\s+)?)?(?P<g6>{{G}})(?:\s+(?i:leaders))?\s+(?:(?i:are|were)\s+)?(?i:meeting|gathering|gathered|assembled|met)\s+(?i:in)\s+{LEAD}{city6}(?:,\s+{{Q}})?|(?:(?i:leaders\s+of\s+(?:the\s+)?))?(?P<g>{{G}})\s+(?:(?i:(?:leaders\s+)?(?P<lv>opened|open|began|begin|convened|held|wrapped up|ended|closed|concluded|attended)\s+(?:a|an|the|their|(?:the\s+)?(?:bloc|group|alliance|grouping)(?:'s|’s))\s+(?:(?P<n2>\d+(?:st|nd|rd|th))\s+)?(?:(?:one|two|three)-day\s+|annual\s+)?))?{MEETING}(?:,?\s+(?i:opened|opens|began|begins|kicked off|got under way|was held|is held|is being held|held|took place|takes place|convened)(?:\s+(?i:on)\s+(?P<d4>{{D}}))?)?\s+(?i:in|at)\s+{LEAD}{CITY}(?:,\s+[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+)?)?(?:\s+(?i:opened|opens|began|begins|ended|ends|closed|wrapped up|kicked off|concluded)\s+(?:(?i:on)\s+)?(?P<d9>{{D}}))?|(?P<n3>\d+(?:st|nd|rd|th))\s+(?i:summit)\s+(?i:of)\s+(?:(?i:the)\s+)?(?P<g4>{{G}})\s+(?i:in|at)\s+{city4}|(?P<city3>[A-ZÀ-ÝŁŚŻ][\w'\-]+(?:[ \-][A-ZÀ-ÝŁŚŻ][\w'\-]+){{0,1}})\s+(?P<g3>{{G}})\s+{MEETING}|(?P<g5>{{G}})\s+(?i:leaders)\s+(?i:gathered|met|arrived|converged|assembled)\s+(?:(?i:on|in)\s+(?P<d5>{{D}})\s+)?(?i:in)\s+{LEAD}{city5}(?:\s+(?i:on)\s+(?P<d6>{{D}}))?\s+(?i:for)\s+(?i:a|an|the|their)\s+(?:(?P<n5>\d+(?:st|nd|rd|th))\s+)?(?:(?i:one|two|three)-day\s+|(?i:annual)\s+)?(?i:summit)|(?i:leaders)\s+(?i:gathered|met|arrived|converged|assembled)\s+(?i:in)\s+{LEAD}{city7}(?:\s+(?i:on)\s+(?P<d8>{{D}}))?\s+(?i:for)\s+(?i:a|an|the|their)\s+(?:(?P<n6>\d+(?:st|nd|rd|th))\s+)?(?:(?i:annual)\s+)?(?P<g7>{{G}})\s+(?i:summit)|(?i:at)\s+(?i:their|the)\s+(?:(?i:one|two|three)-day\s+|(?i:annual)\s+)?(?i:summit)\s+(?i:in)\s+{LEAD}{city8}(?:\s+(?:(?i:in|on)\s+)?(?P<d10>{{D}}))?,\s+(?P<ga>{{G}})\s+(?i:leaders)){date}"
            )),
            pattern(&format!(
                r"(?:(?P<c>{{Q}})|(?P<cp>{{P}}))(?:,\s+(?i:which|that))?\s+(?:(?i:formally|officially|now|also|currently)\s+)?(?P<verb>(?i:holds|held|has held|currently holds|took over|takes over|has taken over|assumed|assumes|has assumed|will take over|will assume|will hold|received|has received|inherited|was named|was elected|was appointed|became|has become|began|begins|started|starts))\s+(?:{presidency}|(?i:as)\s+(?:(?i:the)\s+)?(?:(?i:new)\s+)?(?P<g3>{{G}})(?:'s|’s)?\s+(?i:chairman|chairperson|chairwoman|chair)(?-u:\b)|(?:(?i:the)\s+)?(?:(?i:new)\s+)?(?i:chairman|chairperson|chairwoman|chair)\s+(?i:of)\s+(?:(?i:the)\s+)?(?P<g4>{{G}}))(?:\s+(?i:for)\s+(?:(?i:the\s+month\s+of)\s+)?(?:(?P<d3>{{D}})|(?P<mon>[A-Z][a-z]{{2,8}})\b))?(?:\s+(?i:from)\s+{giver})?{when}(?:\s*,?\s+(?i:succeeding|taking over from|replacing|from)\s+{giver2})?"
            )),
            pattern(&format!(
                r"(?:(?P<from>{{Q}})|(?P<fromp>{{P}}))(?:,\s+[^,;:]{{1,100}}?,)?\s+(?i:handed|passed|handed over|passed on|hands|hands over|will hand|will hand over)\s+(?:over\s+)?{presidency}\s+(?i:to)\s+(?:(?P<c>{{Q}})(?:(?:'s|’s)\s+(?:{{O}}\s+)?{{P}})?|(?:{{O}}\s+)?(?P<cp>{{P}})){date}"
            )),
            pattern(
                r"(?P<c>{Q})(?:'s|’s)\s+(?:(?i:rotating)\s+)?(?P<g>{G})\s+(?i:presidency|chairmanship)(?:\s+(?i:in|of)\s+(?:(?i:the\s+(?:first|second)\s+half\s+of)\s+)?(?P<d>{D})|\s+(?P<d7>{D}))?",
            ),
            // "The African Union, currently chaired by Tanzanian President Jakaya Kikwete" /
            // "ASEAN, which is chaired by Laos this year"
            pattern(
                r"(?P<g>{G})\s*,?\s+(?:(?i:which|that)\s+)?(?P<now>(?i:is\s+(?:currently\s+|now\s+)?|currently\s+|now\s+))(?i:chaired|presided over)\s+(?i:by)\s+(?:(?P<c>{Q})(?:'s|’s)?)?(?:\s*(?P<co>{O}))?(?:\s*(?P<cp>{P}))?(?:\s+(?P<d7>{D}))?",
            ),
            // "Angolan President Joao Lourenco, the current chairperson of the African Union" /
            // "Malaysia, this year's ASEAN chair"
            pattern(
                r"(?:(?P<co>{O})\s+)?(?:(?P<c>{Q})|(?P<cp>{P})),\s+(?:(?i:the\s+(?:current|rotating|incumbent))|(?P<d7>{D})(?:'s|’s))\s+(?:(?i:rotating)\s+)?(?:(?P<g4>{G})(?:'s|’s)?\s+(?i:chair|chairman|chairperson|chairwoman)(?-u:\b)|(?i:chair|chairman|chairperson|chairwoman)\s+(?i:of)\s+(?:(?i:the)\s+)?(?P<g2>{G}))",
            ),
            // The same, before: "As this year's ASEAN chair, Vietnam …", "As the current AU
            // chairperson, Senegalese President Macky Sall …".
            pattern(
                r"(?i:as)\s+(?:(?i:the\s+(?:current|rotating|incumbent))|(?P<d7>{D})(?:'s|’s))\s+(?:(?i:rotating)\s+)?(?:(?P<g4>{G})(?:'s|’s)?\s+(?i:chair|chairman|chairperson|chairwoman)(?-u:\b)|(?i:chair|chairman|chairperson|chairwoman)\s+(?i:of)\s+(?:(?i:the)\s+)?(?P<g2>{G})),\s+(?P<c>{Q})?(?:(?:'s|’s)?\s*(?P<co>{O}))?(?:\s*(?P<cp>{P}))?",
            ),
        ]
    })
}

/// "Évian" and "Evian", "São Paulo" and "Sao Paulo": places compared without accents or case.
fn fold(s: &str) -> String {
    s.chars()
        .map(crate::text::case::lower_char)
        // (The Latin-1 letters à to ÿ by their base letter, from one row of bytes: smaller
        // in the .wasm than a match arm for each; '-' keeps the letter.)
        .map(|c| match c {
            'à'..='ÿ' => match b"aaaaaaaceeeeiiiidnooooo-ouuuuy-y"[c as usize - 0xE0] {
                b'-' => c,
                b => b as char,
            },
            '-' | '.' => ' ',
            c => c,
        })
        .collect()
}

/// Capitalised words the place patterns can take that are never a place.
const NOT_PLACES: &[&str] =
    &["the", "a", "an", "this", "that", "these", "last", "next", "its", "their", "his", "her", "our", "each", "every", "annual", "first"];

/// Whether a place the sentence names is one of a summit's: the same name, or whole words of
/// it ("Elmau" and "Schloss Elmau"), never a piece of a word or a lone "The" of "The Hague".
fn place_matches(s: &Summit, city: &str) -> bool {
    let c = padded(city);
    s.cities.iter().any(|x| same_padded(x, &c))
}

/// A name folded and padded with spaces (" sao paulo "), so that whole words compare.
fn padded(s: &str) -> String {
    format!(" {} ", fold(s))
}

/// Whether name `x` and a place already [`padded`] are one place: the same name, or whole words
/// of it.
fn same_padded(x: &str, c: &str) -> bool {
    let x = padded(x);
    c.trim() != "the" && (x.contains(c) || c.contains(&x))
}

/// Whether two names are one place (see [`same_padded`]).
pub(crate) fn same_place(x: &str, place: &str) -> bool {
    same_padded(x, &padded(place))
}

/// Whether the table knows a name as a place: a summit's city, a capital or a place where a
/// body was founded. Only such a place, named where another belongs, is read as a confusion.
/// (The name is folded once, not for each of the table's some 900 places.)
pub(crate) fn known_place(t: &Table, place: &str) -> bool {
    let c = padded(place);
    let known = |v: &[crate::facts::Text]| v.iter().any(|x| same_padded(x, &c));
    t.summits.iter().any(|x| known(&x.cities)) || t.countries.iter().any(|c| known(&c.capitals)) || t.orgs.iter().any(|o| known(&o.founded_in))
}

/// The G8 and the G7 are one series of summits and presidencies: news calls a 2005 summit
/// either.
fn same_series(t: &Table, a: usize, b: usize) -> bool {
    let id = |g: usize| match &*t.orgs[g].id {
        "g8" => "g7",
        other => other,
    };
    a == b || id(a) == id(b)
}

/// Whether the words after a summit's body ("G20 summit in Africa on Saturday") restrict it
/// to summits of a kind: anything but the end of the phrase or the summit's own date ("the
/// first G20 summit staged in Africa", "… boycotted by the United States", "… following the
/// invasion"). Only then is "the first G20 summit" the series' first.
fn restricted(after_body: &str) -> bool {
    const MEETING_WORDS: &[&str] = &["climate", "leaders", "leaders'", "economic", "summit", "summits", "meeting", "meetings", "conference", "talks"];
    const STOPS: [char; 9] = ['.', ',', ';', ':', ')', '—', '–', '"', '”'];
    let is = |list: &[&str], w: &str| list.iter().any(|x| x.eq_ignore_ascii_case(w));
    fn trim(w: &str) -> &str {
        w.trim_matches(|c: char| c.is_ascii_punctuation() && c != '\'')
    }
    let date = |d: &str| d.strip_prefix(OPEN).is_some_and(|d| d.starts_with('D'));
    let mut words = after_body.split_whitespace().peekable();
    // The meeting's own words ("summit", "leaders' meeting"); a stop after one ends the phrase.
    let mut ended = after_body.trim_start().starts_with(STOPS);
    while let Some(w) = words.peek().copied() {
        if ended || !is(MEETING_WORDS, trim(w)) {
            break;
        }
        ended = w.ends_with(STOPS);
        words.next();
    }
    match words.next().map(trim) {
        _ if ended => false,
        None => false,
        // The summit's own date ("the first G20 summit on November 14").
        Some(w) if date(w) => false,
        Some(w) if is(&["in", "on"], w) && words.next().map(trim).is_some_and(date) => false,
        Some(_) => true,
    }
}

fn ordinal_of(s: &str) -> Option<u32> {
    const WORDS: [&str; 10] = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
    let l = s.lower();
    WORDS.iter().position(|w| *w == l).map(|i| i as u32 + 1).or_else(|| l.trim_end_matches(|c: char| crate::text::case::is_alpha(c)).parse().ok())
}

/// "COP28": the ordinal a conference's own name carries ("G20" is a name, not a number).
fn ordinal_in_name(written: &str) -> Option<u32> {
    if !written.to_ascii_uppercase().starts_with("COP") {
        return None;
    }
    let digits: String = written.chars().rev().take_while(char::is_ascii_digit).collect::<Vec<_>>().into_iter().rev().collect();
    digits.parse().ok()
}

/// "the 49th G7 summit (Hiroshima, 19 to 21 May 2023)".
pub(crate) fn summit_words(t: &Table, s: &Summit) -> String {
    let hosts: Vec<String> = s.hosts.iter().map(|&c| country_words(t, c)).collect();
    let place = s.cities.first().map(|c| crate::t!(" in {}", c)).unwrap_or_default();
    let ord = s.ordinal.map(ordinal).unwrap_or_default();
    let days = if s.start == s.end { human(s.start) } else { crate::t!("{} to {}", human(s.start), human(s.end)) };
    let body = t.orgs[s.body].aliases.first().map(|a| a.to_string()).unwrap_or_else(|| t.orgs[s.body].name.to_string());
    crate::t!("the {}{} summit was hosted by {}{} ({})", ord, body, hosts.join(crate::t!(" and ").as_str()), place, days)
}

/// "1st ", "22nd ", "13th ".
fn ordinal(n: u32) -> String {
    match (n % 10, n % 100) {
        (_, 11..=13) => crate::t!("{}th ", n),
        (1, _) => crate::t!("{}st ", n),
        (2, _) => crate::t!("{}nd ", n),
        (3, _) => crate::t!("{}rd ", n),
        _ => crate::t!("{}th ", n),
    }
}

/// Finds summit and presidency claims and checks them.
pub fn find(s: &Sentence, ctx: &Ctx) -> Vec<Checked> {
    let t = ctx.table;
    let mut out = Vec::new();
    for (shape, re) in SHAPES.iter().zip(patterns().iter()) {
        for c in re.captures_iter(&s.skeleton) {
            let whole = c.get(0).unwrap();
            let Some(gh) = BODY_GROUPS.into_iter().find_map(|n| s.hit(&c, n)) else { continue };
            let Some(g) = org_of(gh) else { continue };
            // "leaders met in Paris for the G7 summit": only where the phrase ends there (not
            // "… summit in Biarritz", "… summit preparations").
            if c.name("g7").is_some() && !s.skeleton[whole.end()..].trim_start().chars().next().is_none_or(|ch| ".,;:)".contains(ch)) {
                continue;
            }
            // "Leaders of the G7 are meeting in", "G7 leaders met in": the leaders, not the
            // body's ministers ("G7 finance ministers met in"), nor others' ("business leaders
            // of the G20 met in").
            if c.name("g6").is_some()
                && (!s.block[s.span(whole.range())].has("eaders")
                    || s.phrase_words_before(whole.start(), 1).first().is_some_and(|w| !["the", "as", "when", "while", "after", "and"].contains(&w.as_str())))
            {
                continue;
            }
            let written_body = &s.block[gh.start..gh.end];
            // "Japan's G7 presidency this year": a date right after the presidency only when it
            // is one relative to the article ("this year", "last year").
            if c.name("d7")
                .is_some_and(|m| !s.block[s.span(m.range())].get(..5).is_some_and(|w| ["this ", "last ", "next "].iter().any(|x| w.eq_ignore_ascii_case(x))))
            {
                continue;
            }
            let dexpr = ["d", "d2", "d0", "d3", "d4", "d5", "d6", "d7", "d8", "d9", "d10"].into_iter().find_map(|n| s.date(&c, n)).or_else(|| s.scope_date());
            let date = dexpr.map(|d| d.range);
            // "in June" with no year: the reader's June may be the coming one or the last.
            let implied_year =
                dexpr.is_some_and(|d| d.range.precision == crate::facts::Precision::Month && !s.block[d.start..d.end].bytes().any(|b| b.is_ascii_digit()));
            let claim = claim!(ctx, Claim { orgs: vec![t.orgs[g].id.to_string()], relation: format!("{shape:?}").lower(), date, ..Claim::default() });
            let mk = |verdict: Verdict, reason: Reason, why: Why, rows: Vec<Row>| Checked {
                span: whole.start()..whole.end(),
                claim: claim.clone(),
                verdict,
                reason,
                why,
                rows,
            };
            let checked = match shape {
                Shape::Hosted | Shape::HostedBy | Shape::Place => {
                    let country = s.hit(&c, "c").and_then(country_of);
                    // "The G7 summit", "This year's NATO summit": a capital that starts a
                    // sentence or a phrase is no place.
                    let city = ["city", "city2", "city3", "city4", "city5", "city6", "city7", "city8"]
                        .into_iter()
                        .find_map(|n| c.name(n))
                        .map(|m| m.as_str().trim())
                        .filter(|x| !NOT_PLACES.contains(&x.lower().as_str()));
                    // "The first G20 summit in Africa", "… on African soil", "… since the
                    // pandemic": a word ordinal that a phrase after the summit restricts counts
                    // the summits of that kind, not the series. Digits ("the 13th G20 summit")
                    // always number the series.
                    let word_ordinal = c.name("n").is_some_and(|n| n.as_str().starts_with(|ch: char| ch.is_ascii_alphabetic()));
                    let g_end = BODY_GROUPS.into_iter().find_map(|n| c.name(n)).map_or(whole.end(), |m| m.end());
                    let ordinal = if word_ordinal && restricted(&s.skeleton[g_end..]) {
                        None
                    } else {
                        ["n", "n2", "n3", "n5", "n6"]
                            .into_iter()
                            .find_map(|n| c.name(n))
                            .and_then(|n| ordinal_of(n.as_str()))
                            .or_else(|| ordinal_in_name(written_body))
                    };
                    // A plan ("will host the summit in June", written before June) is not
                    // contradicted by what happened later.
                    let planned = c.name("verb").is_some_and(|v| {
                        let v = v.as_str().lower();
                        v.starts_with("will") || v.starts_with("is to") || v == "is hosting"
                    });
                    if planned && date.is_none_or(|d| d.end >= ctx.reference) {
                        continue;
                    }
                    // "The NATO summit in Brussels next year": a plan, whatever was held later.
                    if date.is_some_and(|d| d.start > ctx.reference) {
                        continue;
                    }
                    // "Leaders gathered for the G7 summit hosted by Italy": with no date, place
                    // or number, a host claim about "the" summit is about the one of the
                    // article's days, if one was under way within a week of them.
                    let definite = s.words_before(whole.start(), 1).first().is_some_and(|w| w == "the");
                    // "BODY leaders meeting in CITY" (the participle, no date): the meeting under
                    // way: begun by the day after the article's and ended at most two days before
                    // it (not a summit days away, to which some of the same leaders may be
                    // travelling from another: APEC in Lima, then the G20 in Rio, 2024). And
                    // "BODY leaders gathered in CITY for a summit" with no date: the one they
                    // gathered for that week.
                    let date = match date {
                        None if c.name("g6").is_some() => {
                            Some(DateRange::span(ctx.reference - chrono::Duration::days(2), ctx.reference + chrono::Duration::days(1)))
                        }
                        None if c.name("g5").is_some()
                            || c.name("lv").is_some()
                            || c.name("ga").is_some()
                            || (*shape != Shape::Place && city.is_none() && ordinal.is_none() && definite) =>
                        {
                            Some(DateRange::span(ctx.reference - chrono::Duration::days(7), ctx.reference + chrono::Duration::days(7)))
                        }
                        d => d,
                    };
                    // A month with no year: the summit of either that month or the same month
                    // a year on the other side of the article; contradicted only if neither fits.
                    let other = date.filter(|_| implied_year && ordinal.is_none()).and_then(|d| {
                        let k = if d.start > ctx.reference { -1 } else { 1 };
                        DateRange::month(chrono::Datelike::year(&d.start) + k, chrono::Datelike::month(&d.start))
                    });
                    let first = check_summit(ctx, g, country, city, ordinal, date, mk);
                    match other {
                        None => first,
                        Some(d2) => either(first, check_summit(ctx, g, country, city, ordinal, Some(d2), mk)),
                    }
                }
                Shape::Holds | Shape::Handover | Shape::Possessive | Shape::ChairedBy | Shape::ChairAppos => {
                    // The holder and the giver: a country, or its leader ("Indonesian President
                    // Joko Widodo handed the G20 presidency to India"), for whom the country stands.
                    // Or a country's office ("from Comoros President Azali Assoumani", a name
                    // the table does not hold).
                    let country_in = |[n, np, no]: [&str; 3]| {
                        let person = || match s.hit(&c, np).map(|h| people_in(h, ctx)).as_deref() {
                            Some([p]) => t.people[*p].country,
                            _ => None,
                        };
                        // (Every office the title may name is that country's: a bare
                        // "President" names none.)
                        let office = || {
                            let os = offices_of(s.hit(&c, no)?);
                            let q = |o: &usize| match t.offices[*o].jurisdiction {
                                crate::facts::Body::Country(q) => Some(q),
                                _ => None,
                            };
                            let first = q(os.first()?)?;
                            os.iter().all(|o| q(o) == Some(first)).then_some(first)
                        };
                        s.hit(&c, n).and_then(country_of).or_else(person).or_else(office)
                    };
                    let Some(holder) = country_in(["c", "cp", "co"]) else { continue };
                    // The apposition's person chairs for a country only while heading it: "Moussa
                    // Faki, the current chairperson of the AU" chairs its Commission.
                    if *shape == Shape::ChairAppos && c.name("c").is_none() {
                        let on = date.map_or(ctx.reference, |d| d.start);
                        let heads = |p: usize| t.terms_of_person(p).any(|x| super::succession::is_top(t, x.office) && x.start <= on && on <= t.term_end(x));
                        if !s.hit(&c, "cp").is_some_and(|h| matches!(people_in(h, ctx).as_slice(), [p] if heads(*p))) {
                            continue;
                        }
                    }
                    // "The chairmanship of the African Union Commission": a name that goes on
                    // is another body's.
                    if let Some(m) = c.name("g2").or(c.name("g4")) {
                        let rest = s.skeleton[m.end()..].trim_start();
                        if rest.strip_prefix("Council").unwrap_or(rest).trim_start().starts_with(crate::text::case::is_upper) {
                            continue;
                        }
                    }
                    // "holds the presidency for November": a month with no "in" the date reader
                    // leaves alone; it is that month nearest the article's day (November 2025 in
                    // an article of 4 November 2025), not the article's day itself.
                    // (The holding shape reads the month itself, so that a handover after it is read.)
                    let next = c.name("mon").map(|m| m.as_str()).or_else(|| {
                        s.skeleton[whole.end()..].trim_start().strip_prefix("for ").and_then(|r| r.split(|ch: char| !crate::text::case::is_alpha(ch)).next())
                    });
                    // (A whole month's name or its three letters: not "Mayor", "Marine".)
                    const MONTHS: [&str; 12] =
                        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
                    let month = next.filter(|w| w.starts_with(crate::text::case::is_upper)).and_then(|w| {
                        let m = crate::text::dates::month_number(w)?;
                        let full = MONTHS[m as usize - 1];
                        (w.len() == 3 || w.eq_ignore_ascii_case(full)).then_some(m)
                    });
                    // ("for October on Friday": the month names the term, the day its start.)
                    let date = match (date, month) {
                        (d, Some(m)) if d.is_none() || c.name("mon").is_some() => {
                            // (Six months on either side: the article's year, or the one before
                            // or after it.)
                            let now = chrono::Datelike::month(&ctx.reference) as i32;
                            let shift = if m as i32 - now > 6 { -1 } else { i32::from(now - m as i32 > 6) };
                            DateRange::month(chrono::Datelike::year(&ctx.reference) + shift, m)
                        }
                        (d, _) => d,
                    };
                    let from = country_in(["from", "fromp", "fromo"]).or_else(|| country_in(["from2", "from2p", "from2o"]));
                    let verb = c.name("verb").map(|v| v.as_str().lower()).unwrap_or_else(|| match shape {
                        Shape::Possessive => "held".into(),
                        Shape::ChairedBy | Shape::ChairAppos if date.is_none() => "holds".into(),
                        Shape::ChairedBy | Shape::ChairAppos => "held".into(),
                        _ => String::new(),
                    });
                    check_presidency(ctx, g, holder, from, *shape, &verb, date, mk)
                }
            };
            if let Some(checked) = checked {
                out.push(checked);
            }
        }
    }
    out
}

/// Of two readings of one claim, the one that confirms it; a contradiction only when both
/// contradict; else the one that settles nothing, or none.
fn either(a: Option<Checked>, b: Option<Checked>) -> Option<Checked> {
    let is = |x: &Option<Checked>, v: Verdict| x.as_ref().is_some_and(|x| x.verdict == v);
    if is(&a, Verdict::Supported) || (is(&a, Verdict::Contradicted) && is(&b, Verdict::Contradicted)) {
        a
    } else if is(&b, Verdict::Supported) {
        b
    } else if a.as_ref().is_some_and(|x| x.verdict == Verdict::Unknown) {
        a
    } else {
        b.filter(|x| x.verdict == Verdict::Unknown)
    }
}

#[allow(clippy::too_many_arguments)]
fn check_summit(
    ctx: &Ctx,
    g: usize,
    country: Option<usize>,
    city: Option<&str>,
    ordinal: Option<u32>,
    date: Option<DateRange>,
    mk: impl Fn(Verdict, Reason, Why, Vec<Row>) -> Checked,
) -> Option<Checked> {
    let t = ctx.table;
    let series: Vec<&Summit> = t.summits.iter().filter(|x| same_series(t, x.body, g)).collect();
    if series.is_empty() {
        return None;
    }
    // Which summit: by ordinal, else by the date (a year at least), else by a place that only
    // one summit of the body had.
    let by_city = |c: &str| series.iter().copied().filter(|x| place_matches(x, c)).collect::<Vec<_>>();
    let candidates: Vec<&Summit> = match (ordinal, date) {
        (Some(n), _) => series.iter().copied().filter(|x| x.ordinal == Some(n) && t.orgs[x.body].id == t.orgs[g].id).collect(),
        (None, Some(d)) if d.end <= t.as_of => series.iter().copied().filter(|x| x.start <= d.end && d.start <= x.end).collect(),
        (None, Some(_)) => return Some(mk(Verdict::Unknown, Reason::AfterTable, Why::DateNotCovered, vec![])),
        (None, None) => match city.map(by_city) {
            Some(v) if v.len() == 1 => v,
            _ => return None,
        },
    };
    // Two summits held together (ASEAN's double summits) are one event to a reader.
    let mut candidates = candidates;
    candidates.dedup_by(|a, b| a.hosts == b.hosts && a.cities == b.cities && a.start == b.start);
    let [summit] = candidates.as_slice() else {
        return Some(mk(Verdict::Unknown, Reason::NotInTable, Why::WhichSummit, vec![]));
    };
    let id = index_in(&t.summits, summit);
    let src = vec![Row::Summit(id)];
    let said = |then: Met| Why::Summit { summit: id, then };
    if let Some(c) = country {
        if !summit.hosts.contains(&c) {
            return Some(mk(Verdict::Contradicted, Reason::WrongHost, said(Met::Stop), src));
        }
    }
    if let Some(place) = city {
        if !summit.cities.is_empty() && !place_matches(summit, place) {
            // Only a place the table knows (another summit's city, a capital, a city where a
            // body was founded) is a confusion it can see; any other name may be a venue, a
            // region or a district.
            if known_place(t, place) {
                return Some(mk(Verdict::Contradicted, Reason::WrongPlace, said(Met::NotIn(place.into())), src));
            }
            return Some(mk(Verdict::Unknown, Reason::NotSettled, said(Met::PlaceNotListed(place.into())), vec![]));
        }
    }
    Some(mk(Verdict::Supported, Reason::Confirmed, said(Met::Stop), src))
}

#[allow(clippy::too_many_arguments)]
fn check_presidency(
    ctx: &Ctx,
    g: usize,
    holder: usize,
    from: Option<usize>,
    shape: Shape,
    verb: &str,
    date: Option<DateRange>,
    mk: impl Fn(Verdict, Reason, Why, Vec<Row>) -> Checked,
) -> Option<Checked> {
    let t = ctx.table;
    let terms: Vec<&Presidency> = t.presidencies.iter().filter(|x| same_series(t, x.body, g)).collect();
    if terms.is_empty() {
        return None;
    }
    let end_of = |x: &Presidency| x.end.unwrap_or(t.as_of);
    let row = |x: &Presidency| index_in(&t.presidencies, x);
    let org = g as u32;
    // "C took over from C2": the term's real predecessor.
    let took_over_from = |term: &Presidency, prev: &Presidency| {
        mk(
            Verdict::Contradicted,
            Reason::WrongHolder,
            Why::TookOverFrom { org, term: row(term), prev: row(prev) },
            vec![Row::Presidency(row(term)), Row::Presidency(row(prev))],
        )
    };
    let present = matches!(verb, "holds" | "currently holds" | "has assumed" | "has taken over" | "takes over" | "assumes");
    let future = verb.starts_with("will");
    match shape {
        Shape::Handover => {
            // "A handed the presidency to B": the term after A's last one before the date.
            let on = date.map(|d| d.end).unwrap_or(ctx.reference);
            let from = from?;
            let handed = terms
                .iter()
                .position(|x| x.holder == from && x.start <= on && x.end.is_some_and(|e| e <= on + chrono::Duration::days(HANDOVER_TOLERANCE_DAYS)));
            let i = terms.iter().rposition(|x| x.holder == from && x.start <= on).or(handed)?;
            // The row after it is the successor only if it starts where A's ends: a gap in the
            // table (a handover it could not date) names no one.
            let next = terms.get(i + 1).filter(|n| terms[i].end == Some(n.start))?;
            if next.holder == holder {
                Some(mk(
                    Verdict::Supported,
                    Reason::Confirmed,
                    Why::Presidencies { org, terms: vec![row(terms[i]), row(next)] },
                    vec![Row::Presidency(row(next))],
                ))
            } else if end_of(terms[i]) <= on + chrono::Duration::days(CEREMONY_BEFORE_DAYS) {
                Some(mk(
                    Verdict::Contradicted,
                    Reason::WrongHolder,
                    Why::HandedTo { org, from: from as u32, next: row(next) },
                    vec![Row::Presidency(row(next)), Row::Presidency(row(terms[i]))],
                ))
            } else {
                None
            }
        }
        _ => {
            // The day the claim speaks of: its date, or the article's for the present tense.
            // Every verb but "hold" speaks of the takeover: "took over", "assumed", "received",
            // "was named chairman", "became".
            let took = !verb.has("hold") && !verb.has("held");
            // "took over from C" with no date: the holder's terms and who came before each,
            // the coming one included when the ceremony comes before it (ASEAN's in October).
            if let (Some(f), true, None) = (from, took, date) {
                let soon = ctx.reference + chrono::Duration::days(CEREMONY_BEFORE_DAYS);
                // ("will take over from C": the holder's next term, whatever came before.)
                let mut mine: Vec<usize> = (0..terms.len())
                    .filter(|&i| terms[i].holder == holder && if future { terms[i].start > ctx.reference } else { terms[i].start <= soon })
                    .collect();
                if future {
                    mine.truncate(1);
                }
                if let Some(&i) = mine.iter().find(|&&i| i > 0 && terms[i - 1].holder == f && terms[i - 1].end == Some(terms[i].start)) {
                    let rows = vec![row(terms[i - 1]), row(terms[i])];
                    return Some(mk(
                        Verdict::Supported,
                        Reason::Confirmed,
                        Why::Presidencies { org, terms: rows.clone() },
                        rows.into_iter().map(Row::Presidency).collect(),
                    ));
                }
                if mine.is_empty() || mine.iter().any(|&i| i > 0 && terms[i - 1].holder == f) {
                    return None;
                }
                let i = *mine.last().unwrap();
                let prev = i.checked_sub(1).map(|j| terms[j]).filter(|p| p.end == Some(terms[i].start))?;
                return Some(took_over_from(terms[i], prev));
            }
            let when = match (date, present, future) {
                // A year the table covers in part ("in 2026") is read up to as_of.
                (Some(d), _, _) if d.start <= t.as_of && d.end > t.as_of => DateRange::span(d.start, t.as_of),
                (Some(d), _, _) => d,
                (None, true, _) => DateRange::day(ctx.reference),
                _ => return None,
            };
            if when.end > t.as_of {
                return Some(mk(Verdict::Unknown, Reason::AfterTable, Why::DateNotCovered, vec![]));
            }
            // "took over from C": the holder before this one's term, the coming one included
            // when the ceremony comes before it ("received the ASEAN chairmanship from Laos" in
            // October, for the term of 1 January).
            if let (Some(f), true) = (from, took) {
                let on = when.end;
                // The holder's term that starts in the days the claim speaks of, or the next one
                // when those days fall in the ceremony window at the end of the term before it.
                // With gaps in the table (the Security Council's months) an older or later term
                // of the holder's is another handover.
                let tol = chrono::Duration::days(HANDOVER_TOLERANCE_DAYS);
                let near = |i: usize| {
                    let x = terms[i];
                    let ceremony =
                        i > 0 && terms[i - 1].start <= on && on <= end_of(terms[i - 1]) && x.start <= on + chrono::Duration::days(CEREMONY_BEFORE_DAYS);
                    x.holder == holder && (when.start - tol <= x.start && x.start <= on + tol || ceremony)
                };
                if let Some(i) = (0..terms.len()).rev().find(|&i| near(i)) {
                    if let Some(prev) = i.checked_sub(1).map(|j| terms[j]) {
                        if prev.holder != f && prev.end.is_some_and(|e| (e - terms[i].start).num_days().abs() <= HANDOVER_TOLERANCE_DAYS) {
                            return Some(took_over_from(terms[i], prev));
                        }
                    }
                }
            }
            // A term's end is the day the next holder took over: a span of days ("this year")
            // that starts on it is the next holder's; a single day is either's.
            let during: Vec<&&Presidency> =
                terms.iter().filter(|x| x.start <= when.end && (when.start < end_of(x) || (when.start == when.end && when.start == end_of(x)))).collect();
            if took && when.precision == crate::facts::Precision::Day {
                // "took over on July 1": a term of the holder starts then.
                let w = when.widen(HANDOVER_TOLERANCE_DAYS);
                if let Some(x) = terms.iter().find(|x| x.holder == holder && w.contains(x.start)) {
                    return Some(mk(Verdict::Supported, Reason::Confirmed, Why::Presidencies { org, terms: vec![row(x)] }, vec![Row::Presidency(row(x))]));
                }
                if let Some(x) = terms.iter().find(|x| w.contains(x.start)) {
                    return Some(mk(Verdict::Contradicted, Reason::WrongHolder, Why::Presidencies { org, terms: vec![row(x)] }, vec![Row::Presidency(row(x))]));
                }
                return None;
            }
            if during.iter().any(|x| x.holder == holder) {
                let x = during.iter().find(|x| x.holder == holder).unwrap();
                Some(mk(Verdict::Supported, Reason::Confirmed, Why::Presidencies { org, terms: vec![row(x)] }, vec![Row::Presidency(row(x))]))
            } else if let [x] = during.as_slice() {
                // One holder the whole time: a window that runs into a gap of the table (a
                // handover it could not date) or before its first row settles nothing.
                (x.start <= when.start && when.end <= end_of(x))
                    .then(|| mk(Verdict::Contradicted, Reason::WrongHolder, Why::Presidencies { org, terms: vec![row(x)] }, vec![Row::Presidency(row(x))]))
            } else {
                None
            }
        }
    }
}
