//! What may have changed since the table was last confirmed (`factflag facts due`): the
//! routine that keeps the table current starts from this list.
//!
//! The table holds no legal term lengths or birth dates, so each rule reads the table's own
//! history:
//! - an office confirmed only to an earlier date (`verified.tsv`) needs its holder confirmed;
//! - an election is due when the usual interval between that country's elections of that kind
//!   (the median of the table's own) has passed since the last one;
//! - the holder of an office elected by such elections may have changed when that election is
//!   due;
//! - a holder who, after the office was last confirmed, has come to hold it longer than anyone
//!   else in it since 2000 may have left.
use super::*;

/// One thing to look up.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Due {
    /// Since when it may have changed.
    pub since: NaiveDate,
    /// What it is about: an office or a country id.
    pub subject: String,
    /// What to look up, in words.
    pub what: String,
}

/// Elections of one kind come round about this often at the least: two of them closer than
/// this (a snap election a year after the last) do not set the usual interval.
const MIN_CYCLE_DAYS: i64 = 700;

impl Table {
    /// What may have changed between the last confirmed day of each row and `on`, oldest
    /// first.
    pub fn due(&self, on: NaiveDate) -> Vec<Due> {
        let mut out = Vec::new();
        for (oi, o) in self.offices.iter().enumerate() {
            let covered = self.covered(oi);
            if covered < self.as_of && covered < on {
                out.push(Due {
                    since: covered,
                    subject: o.id.to_string(),
                    what: format!("confirm who has held the office of {} since {} (confirmed only to then)", o.name, human(covered)),
                });
            }
        }
        // Elections by country and kind, in order.
        let mut groups: HashMap<(usize, &str), Vec<&Election>> = HashMap::default();
        for e in &self.elections {
            groups.entry((e.country, &*e.kind)).or_default().push(e);
        }
        let mut keys: Vec<(usize, &str)> = groups.keys().copied().collect();
        keys.sort();
        for key in keys {
            let mut es = groups.remove(&key).unwrap_or_default();
            es.sort_by_key(|e| e.date);
            let gaps: Vec<i64> = es.windows(2).map(|w| (w[1].date - w[0].date).num_days()).filter(|&d| d >= MIN_CYCLE_DAYS).collect();
            let (Some(last), false) = (es.last(), gaps.is_empty()) else { continue };
            let mut sorted = gaps.clone();
            sorted.sort();
            let cycle = sorted[sorted.len() / 2];
            let next = last.date + chrono::Duration::days(cycle);
            if next <= on {
                let country = &self.countries[key.0].name;
                let office = last.office.map(|o| format!(" and who holds the office of {}", self.offices[o].name)).unwrap_or_default();
                out.push(Due {
                    since: next,
                    subject: self.countries[key.0].id.to_string(),
                    what: format!(
                        "a {} election in {country} was due around {} (the last was on {}, usually every {:.1} years): look up its date and winner{office}",
                        key.1,
                        human(next),
                        human(last.date),
                        cycle as f64 / 365.25
                    ),
                });
            }
        }
        // Open terms longer than any other in the office since 2000.
        let from = NaiveDate::from_ymd_opt(2000, 1, 1).expect("a valid date");
        for (oi, o) in self.offices.iter().enumerate() {
            let terms: Vec<&Term> = self.terms_of_office(oi).filter(|x| !x.acting && self.term_end(x) >= from).collect();
            let longest_closed = terms.iter().filter_map(|x| x.end.map(|e| (e - x.start.max(from)).num_days())).max();
            for x in terms.iter().filter(|x| x.end.is_none()) {
                let (held_on, held_then) = ((on - x.start).num_days(), (self.covered(oi) - x.start).num_days());
                if let Some(l) = longest_closed {
                    // Only a record passed after the office was last confirmed is news.
                    if held_on > l && held_then <= l && terms.len() > 2 {
                        out.push(Due {
                            since: x.start + chrono::Duration::days(l),
                            subject: o.id.to_string(),
                            what: format!(
                                "{} has held the office of {} since {}, longer than any other holder since 2000: check that they still hold it",
                                self.people[x.person].name,
                                o.name,
                                human(x.start)
                            ),
                        });
                    }
                }
            }
        }
        out.sort_by(|a, b| (a.since, &a.subject).cmp(&(b.since, &b.subject)));
        out
    }
}
