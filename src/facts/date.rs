//! Dates in the facts table and in claims: a day, a month or a year, always handled as an
//! inclusive range of days so that "in 2021" and "on 4 October 2021" compare the same way.
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::fmt;

/// An inclusive range of days, with the precision it was written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct DateRange {
    /// First day of the range.
    pub start: NaiveDate,
    /// Last day of the range (inclusive).
    pub end: NaiveDate,
    /// How precisely the date was given.
    pub precision: Precision,
}

/// How precisely a date was given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// A year ("in 2021").
    Year,
    /// A month ("in October 2021").
    Month,
    /// A span of days that is neither a month nor a year ("last week").
    Span,
    /// One day.
    Day,
}

impl DateRange {
    /// A single day.
    pub fn day(d: NaiveDate) -> Self {
        DateRange { start: d, end: d, precision: Precision::Day }
    }
    /// A whole year.
    pub fn year(y: i32) -> Option<Self> {
        Some(DateRange { start: NaiveDate::from_ymd_opt(y, 1, 1)?, end: NaiveDate::from_ymd_opt(y, 12, 31)?, precision: Precision::Year })
    }
    /// A whole month.
    pub fn month(y: i32, m: u32) -> Option<Self> {
        let start = NaiveDate::from_ymd_opt(y, m, 1)?;
        let next = if m == 12 { NaiveDate::from_ymd_opt(y + 1, 1, 1)? } else { NaiveDate::from_ymd_opt(y, m + 1, 1)? };
        Some(DateRange { start, end: next.pred_opt()?, precision: Precision::Month })
    }
    /// A span of days.
    pub fn span(start: NaiveDate, end: NaiveDate) -> Self {
        DateRange { start, end, precision: Precision::Span }
    }
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Self> {
        let num = |p: &str, len: usize| -> Option<u32> {
            if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse().ok()
            } else {
                None
            }
        };
        let mut parts = s.trim().split('-');
        let (y, m, d) = (parts.next()?, parts.next(), parts.next());
        if parts.next().is_some() {
            return None;
        }
        match (m, d) {
            (None, _) => DateRange::year(num(y, 4)? as i32),
            (Some(m), None) => DateRange::month(num(y, 4)? as i32, num(m, 2)?),
            (Some(m), Some(d)) => NaiveDate::from_ymd_opt(num(y, 4)? as i32, num(m, 2)?, num(d, 2)?).map(DateRange::day),
        }
    }
    /// Whether the two ranges share at least one day.
    pub fn overlaps(&self, other: &DateRange) -> bool {
        self.start <= other.end && other.start <= self.end
    }
    /// Whether `d` lies in the range.
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.start <= d && d <= self.end
    }
    /// The range widened by `days` on both sides.
    pub fn widen(&self, days: i64) -> DateRange {
        DateRange { start: self.start - chrono::Duration::days(days), end: self.end + chrono::Duration::days(days), precision: self.precision }
    }
}

impl DateRange {
    /// The date with the preposition English puts before it: "on 1 October 2018",
    /// "in October 2021", "in 2021", "from … to …".
    pub fn with_preposition(&self) -> String {
        match self.precision {
            Precision::Day => crate::t!("on {}", self),
            Precision::Span if self.start == self.end => crate::t!("on {}", self),
            Precision::Span => crate::t!("from {}", self),
            Precision::Month => crate::t!("in {}", self),
            Precision::Year => crate::t!("in {}|year", self),
        }
    }
}

impl fmt::Display for DateRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision {
            Precision::Day => f.write_str(&human(self.start)),
            Precision::Month => f.write_str(&crate::t!("{} {}", month(self.start), self.start.year())),
            Precision::Year => write!(f, "{}", self.start.year()),
            Precision::Span if self.start == self.end => f.write_str(&human(self.start)),
            Precision::Span => f.write_str(&crate::t!("{} to {}", human(self.start), human(self.end))),
        }
    }
}

/// The months' names, each a template of its own in the explanations' catalogues.
pub const MONTHS: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// The month's name in the explanations' language.
fn month(d: NaiveDate) -> String {
    crate::words::word(MONTHS[d.month0() as usize])
}

/// "4 October 2021" (in German "4. Oktober 2021"): the form every explanation uses. Written
/// out here rather than with chrono's `format`, whose strftime machinery was 20 KB of the wasm
/// for this one use.
#[inline(never)]
pub fn human(d: NaiveDate) -> String {
    crate::t!("{} {} {}", d.day(), month(d), d.year())
}
