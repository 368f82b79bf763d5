//! Date expressions in a sentence, resolved against the article's date.
//!
//! "October 1" means the article's year, or the year before if that day would fall after the
//! article; "in 2021", "last year" and full dates are read the obvious way. Month names are
//! matched with their capital letter only, so that the verb "may" and the word "march" are
//! not dates.
//!
//! A weekday, and a day written without its year, point back from the article ("said on
//! Tuesday") unless the sentence speaks of what is to come ("the election is on Thursday",
//! "voters go to the polls on Sunday", "ahead of Sunday's vote"): then they mean the next such
//! day. A weekday written beside a date ("on Thursday, June 8") is that date, and picks its
//! year when the date has none.
use super::groups::Pattern;
use crate::facts::DateRange;
use crate::text::case::TextCase;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use std::sync::OnceLock;

/// A date expression found in text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateExpr {
    /// Byte offset of its start in the text searched.
    pub start: usize,
    /// Byte offset of its end.
    pub end: usize,
    /// The days it means, resolved against the reference date.
    pub range: DateRange,
    /// Month and day when the year was left out ("on November 5"): a claim about an upcoming
    /// event may read it forwards instead.
    pub month_day: Option<(u32, u32)>,
    /// A weekday whose direction the sentence gave no sign of ("the election on Tuesday pits
    /// A against B"): read back, as a report is, but too weak to contradict a date with.
    pub guessed: bool,
}

const MONTH: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)";

pub(crate) fn regex() -> &'static Pattern {
    static RE: OnceLock<Pattern> = OnceLock::new();
    crate::text::cached(&RE, || {
        let m = MONTH;
        Pattern::new(crate::text::regex(&format!(
            r"(?x)
            (?-u:\b)(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})(?-u:\b)
          | (?-u:\b)(?P<m1>{m})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>\d{{4}})|\s+(?P<ry1>(?i-u:last|this|next))\s+year)?(?-u:\b)
          | (?-u:\b)(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{m})(?:,?\s+(?P<y2>\d{{4}})|\s+(?P<ry2>(?i-u:last|this|next))\s+year(?-u:\b))?
          | (?-u:\b)(?P<m3>{m})\s+(?P<y3>\d{{4}})(?-u:\b)
          | (?-u:\b)(?P<m4pre>[Ii]n|[Ll]ast|[Tt]his|[Ee]arly|[Ll]ate|[Mm]id-)\s*(?P<m4>{m})(?:,?\s+(?P<y5>\d{{4}})|\s+(?P<ry4>(?i-u:last|this|next))\s+year(?-u:\b)|\s+(?P<ryx>(?i-u:(?:of\s+)?(?:the|that|a)\s+(?:[a-z]+\s+)?year(?:\s+before\s+last)?))(?-u:\b))?
          | (?-u:\b)(?P<y4>(?:19|20)\d{{2}})(?-u:\b)
          | (?-u:\b)(?P<rel>(?i-u:yesterday|today|last\s+year|this\s+year|next\s+year|last\s+month|this\s+month|last\s+week|this\s+week|earlier\s+this\s+year|earlier\s+this\s+month))(?-u:\b)
          | (?-u:\b)(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?-u:\b)
            "
        )))
    })
}

pub(crate) fn month_number(s: &str) -> Option<u32> {
    const NAMES: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let key = s.get(..3)?.to_ascii_lowercase();
    NAMES.iter().position(|n| *n == key).map(|i| i as u32 + 1)
}

fn weekday(s: &str) -> Option<Weekday> {
    s.parse().ok()
}

/// Finds and resolves the date expressions in `text` against `reference`.
pub fn find(text: &str, reference: NaiveDate) -> Vec<DateExpr> {
    let mut out = Vec::new();
    for c in regex().captures_iter(text) {
        let whole = c.get(0).unwrap();
        // "in May last year", "on March 5 next year": the year relative to the article's.
        let rel_year = ["ry1", "ry2", "ry4"]
            .into_iter()
            .find_map(|n| c.name(n))
            .and_then(|w| relative(&format!("{} year", w.as_str().to_ascii_lowercase()), reference))
            .map(|y| i64::from(y.start.year()));
        let num = |n: &str| c.name(n).and_then(|m| m.as_str().parse::<i64>().ok()).or(if matches!(n, "y1" | "y2" | "y5") { rel_year } else { None });
        // "in October the year before last", "in May of the previous year", "in June that
        // year": a year this reader does not count; the month alone would be misread.
        if c.name("ryx").is_some() {
            continue;
        }
        let mut month_day = None;
        let mut guessed = false;
        let range = if let (Some(y), Some(m), Some(d)) = (num("iy"), num("im"), num("id")) {
            NaiveDate::from_ymd_opt(y as i32, m as u32, d as u32).map(DateRange::day)
        } else if let Some(ms) = c.name("m1").or(c.name("m2")) {
            let month = month_number(ms.as_str());
            let day = num("d1").or(num("d2"));
            let year = num("y1").or(num("y2"));
            match (month, day, year) {
                (Some(m), Some(d), Some(y)) => NaiveDate::from_ymd_opt(y as i32, m, d as u32).map(DateRange::day),
                (Some(m), Some(d), None) => {
                    month_day = Some((m, d as u32));
                    if points_forward(text, whole.start(), whole.end()) {
                        day_in_next_year(m, d as u32, reference).map(DateRange::day)
                    } else {
                        day_in_latest_year(m, d as u32, reference).map(DateRange::day)
                    }
                }
                _ => None,
            }
        } else if let (Some(ms), Some(y)) = (c.name("m3"), num("y3")) {
            month_number(ms.as_str()).and_then(|m| DateRange::month(y as i32, m))
        } else if let (Some(ms), Some(y)) = (c.name("m4"), num("y5")) {
            month_number(ms.as_str()).and_then(|m| DateRange::month(y as i32, m))
        } else if let Some(ms) = c.name("m4") {
            month_number(ms.as_str()).and_then(|m| {
                // "in July": the latest July, or the next one in a sentence about what is to come.
                let y = if points_forward(text, whole.start(), whole.end()) {
                    if m < reference.month() {
                        reference.year() + 1
                    } else {
                        reference.year()
                    }
                } else if m > reference.month() {
                    reference.year() - 1
                } else {
                    reference.year()
                };
                DateRange::month(y, m)
            })
        } else if let Some(y) = num("y4") {
            DateRange::year(y as i32)
        } else if let Some(rel) = c.name("rel") {
            relative(&rel.as_str().to_ascii_lowercase(), reference)
        } else if let Some(wd) = c.name("wd").and_then(|w| weekday(w.as_str())) {
            let (from, to) = (reference.weekday().num_days_from_monday() as i64, wd.num_days_from_monday() as i64);
            let tense = tense_at(text, whole.start(), whole.end());
            guessed = tense.is_none();
            if tense == Some(true) {
                Some(DateRange::day(reference + Duration::days((7 + to - from) % 7)))
            } else {
                Some(DateRange::day(reference - Duration::days((7 + from - to) % 7)))
            }
        } else {
            None
        };
        // "in July": the preposition stays outside the date, so patterns can read "in {D}".
        let start = match c.name("m4pre") {
            Some(p) if p.as_str().eq_ignore_ascii_case("in") => c.name("m4").unwrap().start(),
            _ => whole.start(),
        };
        if let Some(range) = range {
            out.push(DateExpr { start, end: whole.end(), range, month_day, guessed });
        }
    }
    merge_weekdays(text, reference, &mut out);
    out
}

/// Joins a weekday to the date written right after it ("Thursday, June 8", "Sunday 7 May"):
/// the two are one date, and a date without a year takes the year in which that day falls on
/// that weekday, the one nearest the article.
fn merge_weekdays(text: &str, reference: NaiveDate, out: &mut Vec<DateExpr>) {
    let mut i = 0;
    while i + 1 < out.len() {
        let (w, d) = (&out[i], &out[i + 1]);
        let between = &text[w.end..d.start];
        let adjacent = between.len() <= 6 && between.chars().all(|c| c == ',' || c.is_whitespace() || crate::text::case::is_alpha(c)) && {
            let t = between.trim_matches(|c: char| c == ',' || c.is_whitespace());
            t.is_empty() || t.eq_ignore_ascii_case("the")
        };
        let wd = weekday(&text[w.start..w.end]);
        if let (true, Some(wd), true) = (adjacent, wd, d.range.precision == crate::facts::Precision::Day) {
            let mut merged = out.remove(i + 1);
            if let Some((m, day)) = merged.month_day {
                let fits = (-1..=1)
                    .filter_map(|k| NaiveDate::from_ymd_opt(reference.year() + k, m, day))
                    .filter(|x| x.weekday() == wd)
                    .min_by_key(|x| (*x - reference).num_days().abs());
                if let Some(x) = fits {
                    merged.range = DateRange::day(x);
                    merged.month_day = None;
                }
            }
            merged.start = out[i].start;
            out[i] = merged;
        }
        i += 1;
    }
}

/// Words that put a clause in the future or in a present that speaks of what is to come.
const FORWARD_WORDS: &[&str] = &[
    "will", "'ll", "shall", "could", "would", "might", "may", "can", "must", "should", "is", "are", "am", "go", "goes", "head", "heads", "vote", "votes",
    "face", "faces", "choose", "chooses", "elect", "elects", "hold", "holds", "holding", "open", "opens", "take", "takes", "begin", "begins", "start",
    "starts", "due", "scheduled", "set", "slated", "expected", "planned", "upcoming", "ahead", "before", "until", "till", "await", "awaits", "prepare",
    "prepares", "preparing", "tomorrow", "going", "next", "coming", "vote's", "election's", "poll", "polling",
];

/// Words that put a clause in the past.
const BACK_WORDS: &[&str] = &[
    "was", "were", "had", "did", "won", "lost", "chose", "went", "said", "told", "met", "began", "took", "after", "since", "ago", "last", "held", "elected",
    "voted", "spoke", "wrote", "gave", "came", "left", "ran", "fell", "rose", "saw", "became", "sworn",
];

/// The tense word nearest to a date in its sentence, if any: forward (`true`) or back.
fn tense_of(word: &str) -> Option<bool> {
    let w = word.lower();
    let w = w.trim_matches(|c: char| !crate::text::case::is_alnum(c) && c != '\'');
    if FORWARD_WORDS.contains(&w) {
        Some(true)
    } else if BACK_WORDS.contains(&w) || (w.len() >= 5 && w.ends_with("ed")) {
        Some(false)
    } else {
        None
    }
}

/// Whether a weekday or a day without a year at `text[start..end]` means the next such day:
/// "next"/"coming" before it, else the nearest tense word before it in the sentence, else
/// the nearest after it ("On Sunday, voters go to the polls"). With no sign either way it
/// points back, as a news report of what happened does. A day or month right after "for" is
/// what something is set for ("a snap election for October 27", "scheduled for March"), ahead
/// whatever the tense of the clause that set it; a weekday after "for" is left to the tense
/// ("gathered for Sunday's rally").
fn points_forward(text: &str, start: usize, end: usize) -> bool {
    text[..start].trim_end().rsplit(' ').next().is_some_and(|w| w.eq_ignore_ascii_case("for")) || tense_at(text, start, end).unwrap_or(false)
}

/// The tense the sentence gives a date at `text[start..end]`: forward, back, or no sign.
fn tense_at(text: &str, start: usize, end: usize) -> Option<bool> {
    // The sentence the date is in: back to the last sentence end, on to the next.
    let from = text[..start].rfind(['.', '!', '?', ';']).map(|i| i + 1).unwrap_or(0);
    let to = text[end..].find(['.', '!', '?', ';']).map(|i| end + i).unwrap_or(text.len());
    let before = text[from..start].split_whitespace().rev();
    match before.clone().next().map(|w| w.lower()) {
        Some(w) if w == "last" || w == "past" => return Some(false),
        Some(w) if w == "next" || w == "coming" => return Some(true),
        _ => {}
    }
    // Sixteen words back: a long object between "will" and the day ("will take over the rotating
    // presidency of the Council of the EU from Hungary on January 1") is fourteen.
    let words: Vec<&str> = before.take(16).collect();
    for (i, w) in words.iter().enumerate() {
        let Some(t) = tense_of(w) else { continue };
        // A participle takes its tense from its auxiliaries: "will be held", "is to be held"
        // look forward; "was held", "has been held" look back.
        if !t && participle(w) {
            // Only the words of its own clause: "from 2010 to 2016, returned" has no "to be".
            let clause = words[i + 1..].iter().take(3).take_while(|a| !a.ends_with([',', ';', ':', ')']));
            let aux = clause.clone().find_map(|a| match a.lower().as_str() {
                "will" | "'ll" | "shall" | "to" | "is" | "are" => Some(true),
                "was" | "were" | "had" | "has" | "have" => Some(false),
                _ => None,
            });
            return Some(aux.unwrap_or(false));
        }
        return Some(t);
    }
    // "Sunday's election": the possessive's own noun is not a tense word; read on. But not
    // into a verb phrase of its own after "and" or "but": in "took over … on January 1 and
    // will hold it until June", "will" is not the tense of January 1.
    let mut conj = false;
    for w in text[end..to].split_whitespace().take(8) {
        let t = tense_of(w);
        if t.is_some() {
            return t.filter(|_| !conj);
        }
        conj = matches!(w, "and" | "but");
    }
    None
}

/// Whether a back word is a past participle, which may stand in a future passive.
fn participle(w: &str) -> bool {
    let w = w.lower();
    matches!(w.as_str(), "held" | "elected" | "chosen" | "taken" | "sworn" | "scheduled") || (w.len() >= 5 && w.ends_with("ed"))
}

/// The day `month`/`day` in the reference year, or the year after if that is before it.
pub fn day_in_next_year(month: u32, day: u32, reference: NaiveDate) -> Option<NaiveDate> {
    let d = NaiveDate::from_ymd_opt(reference.year(), month, day)?;
    if d < reference {
        NaiveDate::from_ymd_opt(reference.year() + 1, month, day)
    } else {
        Some(d)
    }
}

/// The day `month`/`day` in the reference year, or the year before if that is after it.
pub fn day_in_latest_year(month: u32, day: u32, reference: NaiveDate) -> Option<NaiveDate> {
    let d = NaiveDate::from_ymd_opt(reference.year(), month, day)?;
    if d > reference {
        NaiveDate::from_ymd_opt(reference.year() - 1, month, day)
    } else {
        Some(d)
    }
}

/// The occurrence of `month`/`day` nearest to `reference`, before or after it.
pub fn day_nearest(month: u32, day: u32, reference: NaiveDate) -> Option<NaiveDate> {
    (-1..=1).filter_map(|k| NaiveDate::from_ymd_opt(reference.year() + k, month, day)).min_by_key(|d| (*d - reference).num_days().abs())
}

fn relative(s: &str, r: NaiveDate) -> Option<DateRange> {
    let words: Vec<&str> = s.split_whitespace().collect();
    let monday = r - Duration::days(r.weekday().num_days_from_monday() as i64);
    let prev_month = if r.month() == 1 { (r.year() - 1, 12) } else { (r.year(), r.month() - 1) };
    match words.as_slice() {
        ["today"] => Some(DateRange::day(r)),
        ["yesterday"] => Some(DateRange::day(r - Duration::days(1))),
        ["last", "year"] => DateRange::year(r.year() - 1),
        ["this", "year"] => DateRange::year(r.year()),
        ["next", "year"] => DateRange::year(r.year() + 1),
        ["earlier", "this", "year"] => NaiveDate::from_ymd_opt(r.year(), 1, 1).map(|s| DateRange::span(s, r)),
        ["last", "month"] => DateRange::month(prev_month.0, prev_month.1),
        ["this", "month"] => DateRange::month(r.year(), r.month()),
        ["earlier", "this", "month"] => NaiveDate::from_ymd_opt(r.year(), r.month(), 1).map(|s| DateRange::span(s, r)),
        ["last", "week"] => Some(DateRange::span(monday - Duration::days(7), monday - Duration::days(1))),
        ["this", "week"] => Some(DateRange::span(monday, monday + Duration::days(6))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }
    fn one(text: &str, r: &str) -> DateRange {
        let v = find(text, d(r));
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        v[0].range
    }

    #[test]
    fn month_day_takes_the_reference_year_or_the_year_before() {
        assert_eq!(one("On October 1, he left", "2024-10-19").start, d("2024-10-01"));
        assert_eq!(one("On October 21, he left", "2024-10-19").start, d("2023-10-21"));
        assert_eq!(one("on 1 October 2021", "2024-10-19").start, d("2021-10-01"));
        assert_eq!(one("on Oct. 4, 2021", "2024-10-19").start, d("2021-10-04"));
    }

    #[test]
    fn relative_dates() {
        assert_eq!(one("last year", "2024-10-19"), DateRange::year(2023).unwrap());
        // A month or a day with "last/this/next year" after it: that year, not the latest.
        assert_eq!(one("in May last year", "2023-05-16"), DateRange::month(2022, 5).unwrap());
        assert_eq!(one("on May 23 last year", "2023-05-16"), DateRange::day(NaiveDate::from_ymd_opt(2022, 5, 23).unwrap()));
        assert_eq!(one("on 3 March next year", "2023-05-16"), DateRange::day(NaiveDate::from_ymd_opt(2024, 3, 3).unwrap()));
        // A year this reader does not count leaves the month unread.
        assert!(find("in October the year before last", NaiveDate::from_ymd_opt(2024, 2, 10).unwrap()).is_empty());
        // 2024-10-19 is a Saturday; Tuesday before it is the 15th.
        assert_eq!(one("said on Tuesday", "2024-10-19").start, d("2024-10-15"));
        assert_eq!(one("said yesterday", "2024-10-19").start, d("2024-10-18"));
        assert_eq!(one("in 2021", "2024-10-19"), DateRange::year(2021).unwrap());
        assert_eq!(one("in October 2021", "2024-10-19"), DateRange::month(2021, 10).unwrap());
    }

    #[test]
    fn weekdays_point_forward_in_sentences_about_what_is_to_come() {
        // 2017-06-06 is a Tuesday.
        assert_eq!(one("Britain's general election is on Thursday.", "2017-06-06").start, d("2017-06-08"));
        assert_eq!(one("Voters go to the polls on Thursday.", "2017-06-06").start, d("2017-06-08"));
        assert_eq!(one("On Thursday, voters will choose a parliament.", "2017-06-06").start, d("2017-06-08"));
        assert_eq!(one("ahead of Thursday's vote", "2017-06-06").start, d("2017-06-08"));
        // Back: a report of what happened.
        assert_eq!(one("The minister said on Thursday that talks went well.", "2017-06-06").start, d("2017-06-01"));
        assert_eq!(one("The vote was held on Thursday.", "2017-06-06").start, d("2017-06-01"));
        assert_eq!(one("Sunday's election", "2017-06-06").start, d("2017-06-04"));
        assert_eq!(one("last Thursday", "2017-06-06").start, d("2017-06-01"));
        // The article's own weekday is today.
        assert_eq!(one("The election is on Tuesday.", "2017-06-06").start, d("2017-06-06"));
        // A verb phrase of its own after "and" is not the date's tense; a second day is read on.
        let long = "Romania took over the rotating presidency of the Council of the European Union on January 1 and will hold it until June.";
        assert_eq!(one(long, "2019-01-15").start, d("2019-01-01"));
        assert_eq!(find("On Sunday and Monday, leaders will meet in Rome.", d("2017-06-06"))[0].range.start, d("2017-06-11"));
        assert_eq!(find("On Thursday and Friday voters will choose a parliament.", d("2017-06-06"))[0].range.start, d("2017-06-08"));
    }

    #[test]
    fn a_weekday_beside_a_date_is_that_date() {
        // "Thursday, June 8" in a 2017 article is 8 June 2017 (a Thursday), one date.
        assert_eq!(one("The election is on Thursday, June 8.", "2017-06-06").start, d("2017-06-08"));
        assert_eq!(one("Polls open on Sunday 28 April.", "2019-04-01").start, d("2019-04-28"));
        // The weekday picks the year: 8 June was a Thursday in 2017, not in 2016.
        assert_eq!(one("The vote, on Thursday June 8, was close.", "2018-01-10").start, d("2017-06-08"));
        // A day without a year about what is to come is the next one.
        assert_eq!(one("The election will be held on June 8.", "2017-06-06").start, d("2017-06-08"));
        assert_eq!(one("The election was held on June 8.", "2017-06-06").start, d("2016-06-08"));
    }

    #[test]
    fn words_that_are_not_dates() {
        assert!(find("She may march on.", d("2024-01-01")).is_empty());
        assert_eq!(day_nearest(11, 5, d("2024-10-19")), Some(d("2024-11-05")));
    }
}
