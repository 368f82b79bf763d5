//! Date expressions in a sentence, resolved against the article's date.
//!
//! "October 1" means the article's year, or the year before if that day would fall after the
//! article; "in 2021", "last year", "on Tuesday" (the latest Tuesday on or before the
//! article) and full dates are read the obvious way. Month names are matched with their
//! capital letter only, so that the verb "may" and the word "march" are not dates.
use super::groups::Pattern;
use crate::facts::DateRange;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Regex;
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
}

const MONTH: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)";

pub(crate) fn regex() -> &'static Pattern {
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| {
        let m = MONTH;
        Pattern::new(Regex::new(&format!(
            r"(?x)
            (?-u:\b)(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})(?-u:\b)
          | (?-u:\b)(?P<m1>{m})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>\d{{4}}))?(?-u:\b)
          | (?-u:\b)(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{m})(?:,?\s+(?P<y2>\d{{4}}))?
          | (?-u:\b)(?P<m3>{m})\s+(?P<y3>\d{{4}})(?-u:\b)
          | (?-u:\b)(?P<m4pre>[Ii]n|[Ll]ast|[Tt]his|[Ee]arly|[Ll]ate|[Mm]id-)\s*(?P<m4>{m})(?:,?\s+(?P<y5>\d{{4}}))?
          | (?-u:\b)(?P<y4>(?:19|20)\d{{2}})(?-u:\b)
          | (?-u:\b)(?P<rel>(?i:yesterday|today|last\s+year|this\s+year|next\s+year|last\s+month|this\s+month|last\s+week|this\s+week|earlier\s+this\s+year|earlier\s+this\s+month))(?-u:\b)
          | (?-u:\b)(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?-u:\b)
            "
        ))
        .expect("date regex compiles"))
    })
}

fn month_number(s: &str) -> Option<u32> {
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
        let num = |n: &str| c.name(n).and_then(|m| m.as_str().parse::<i64>().ok());
        let mut month_day = None;
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
                    day_in_latest_year(m, d as u32, reference).map(DateRange::day)
                }
                _ => None,
            }
        } else if let (Some(ms), Some(y)) = (c.name("m3"), num("y3")) {
            month_number(ms.as_str()).and_then(|m| DateRange::month(y as i32, m))
        } else if let (Some(ms), Some(y)) = (c.name("m4"), num("y5")) {
            month_number(ms.as_str()).and_then(|m| DateRange::month(y as i32, m))
        } else if let Some(ms) = c.name("m4") {
            month_number(ms.as_str()).and_then(|m| {
                let y = if m > reference.month() { reference.year() - 1 } else { reference.year() };
                DateRange::month(y, m)
            })
        } else if let Some(y) = num("y4") {
            DateRange::year(y as i32)
        } else if let Some(rel) = c.name("rel") {
            relative(&rel.as_str().to_ascii_lowercase(), reference)
        } else if let Some(wd) = c.name("wd").and_then(|w| weekday(w.as_str())) {
            let back = (7 + reference.weekday().num_days_from_monday() as i64 - wd.num_days_from_monday() as i64) % 7;
            Some(DateRange::day(reference - Duration::days(back)))
        } else {
            None
        };
        // "in July": the preposition stays outside the date, so patterns can read "in {D}".
        let start = match c.name("m4pre") {
            Some(p) if p.as_str().eq_ignore_ascii_case("in") => c.name("m4").unwrap().start(),
            _ => whole.start(),
        };
        if let Some(range) = range {
            out.push(DateExpr { start, end: whole.end(), range, month_day });
        }
    }
    out
}

/// The day `month`/`day` in the reference year, or the year before if that is after it.
pub fn day_in_latest_year(month: u32, day: u32, reference: NaiveDate) -> Option<NaiveDate> {
    let d = NaiveDate::from_ymd_opt(reference.year(), month, day)?;
    if d > reference { NaiveDate::from_ymd_opt(reference.year() - 1, month, day) } else { Some(d) }
}

/// The occurrence of `month`/`day` nearest to `reference`, before or after it.
pub fn day_nearest(month: u32, day: u32, reference: NaiveDate) -> Option<NaiveDate> {
    (-1..=1)
        .filter_map(|k| NaiveDate::from_ymd_opt(reference.year() + k, month, day))
        .min_by_key(|d| (*d - reference).num_days().abs())
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
        // 2024-10-19 is a Saturday; Tuesday before it is the 15th.
        assert_eq!(one("said on Tuesday", "2024-10-19").start, d("2024-10-15"));
        assert_eq!(one("said yesterday", "2024-10-19").start, d("2024-10-18"));
        assert_eq!(one("in 2021", "2024-10-19"), DateRange::year(2021).unwrap());
        assert_eq!(one("in October 2021", "2024-10-19"), DateRange::month(2021, 10).unwrap());
    }

    #[test]
    fn words_that_are_not_dates() {
        assert!(find("She may march on.", d("2024-01-01")).is_empty());
        assert_eq!(day_nearest(11, 5, d("2024-10-19")), Some(d("2024-11-05")));
    }
}
