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
//! - a term older than the office's usual term (the median of its terms since 2000) may have
//!   ended;
//! - a rotating presidency older than its usual length is due to hand over;
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
            // An office nobody holds in the table (abolished, or vacant by a note) has no holder
            // to confirm.
            let held = self.terms_of_office(oi).any(|x| x.end.is_none());
            if held && covered < self.as_of && covered < on {
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
        // Open terms older than the office's usual term (the median of its closed full terms
        // since 2000): a term of fixed length may have ended.
        let from2000 = NaiveDate::from_ymd_opt(2000, 1, 1).expect("a valid date");
        for (oi, o) in self.offices.iter().enumerate() {
            let mut lengths: Vec<i64> = self
                .terms_of_office(oi)
                .filter(|x| !x.acting && x.start >= from2000)
                .filter_map(|x| x.end.map(|e| (e - x.start).num_days()))
                .filter(|&d| d > 180)
                .collect();
            if lengths.len() < 3 {
                continue;
            }
            lengths.sort();
            let usual = lengths[lengths.len() / 2];
            for x in self.terms_of_office(oi).filter(|x| x.end.is_none() && !x.acting) {
                let due_on = x.start + chrono::Duration::days(usual);
                if due_on <= on && due_on > self.covered(oi) - chrono::Duration::days(usual / 4) {
                    out.push(Due {
                        since: due_on,
                        subject: o.id.to_string(),
                        what: format!(
                            "{} has held the office of {} since {}, longer than its usual term ({:.1} years): look up whether the term ended",
                            self.people[x.person].name,
                            o.name,
                            human(x.start),
                            usual as f64 / 365.25
                        ),
                    });
                }
            }
        }
        // Rotating presidencies and chairs whose usual length has passed.
        let mut bodies: Vec<usize> = self.presidencies.iter().map(|p| p.body).collect();
        bodies.sort();
        bodies.dedup();
        for b in bodies {
            let terms: Vec<&Presidency> = self.presidencies.iter().filter(|p| p.body == b).collect();
            let mut lengths: Vec<i64> = terms.iter().filter_map(|p| p.end.map(|e| (e - p.start).num_days())).collect();
            if lengths.is_empty() {
                continue;
            }
            lengths.sort();
            let usual = lengths[lengths.len() / 2];
            for p in terms.iter().filter(|p| p.end.is_none()) {
                let due_on = p.start + chrono::Duration::days(usual);
                if due_on <= on {
                    out.push(Due {
                        since: due_on,
                        subject: self.orgs[b].id.to_string(),
                        what: format!(
                            "the {} presidency held by {} since {} was due to hand over around {}: look up the next holder",
                            self.orgs[b].name,
                            self.countries[p.holder].name,
                            human(p.start),
                            human(due_on)
                        ),
                    });
                }
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
