//! Regular expressions whose capture groups are looked up by name without hashing.
//!
//! regex's `Captures::name` finds a group's number by hashing its name with SipHash on every
//! call; the claim code asks for several groups per match, and the lookups came to about 5% of
//! a native check. A pattern has a handful of named groups, so [`Groups::name`] compares the
//! name with each of them instead.
use regex::{Captures, Match, Regex};

/// A regex and the numbers of its named groups.
#[derive(Debug)]
pub struct Pattern {
    re: Regex,
    names: Box<[(Box<str>, usize)]>,
}

/// One match's groups.
pub struct Groups<'p, 'h> {
    caps: Captures<'h>,
    names: &'p [(Box<str>, usize)],
}

impl Pattern {
    /// Wraps `re`.
    pub fn new(re: Regex) -> Pattern {
        let names = re.capture_names().enumerate().filter_map(|(i, n)| Some((Box::from(n?), i))).collect();
        Pattern { re, names }
    }

    /// Every match in `hay`, with its groups (as `Regex::captures_iter`).
    pub fn captures_iter<'p, 'h>(&'p self, hay: &'h str) -> impl Iterator<Item = Groups<'p, 'h>> + 'p
    where
        'h: 'p,
    {
        self.re.captures_iter(hay).map(|caps| Groups { caps, names: &self.names })
    }

    /// The first match in `hay`, with its groups (as `Regex::captures`).
    pub fn captures<'p, 'h>(&'p self, hay: &'h str) -> Option<Groups<'p, 'h>> {
        self.re.captures(hay).map(|caps| Groups { caps, names: &self.names })
    }
}

impl<'h> Groups<'_, 'h> {
    /// The group numbered `i` (0 is the whole match), if it took part in the match.
    pub fn get(&self, i: usize) -> Option<Match<'h>> {
        self.caps.get(i)
    }

    /// The group named `name`, if the pattern has it and it took part in the match.
    pub fn name(&self, name: &str) -> Option<Match<'h>> {
        let &(_, i) = self.names.iter().find(|(n, _)| **n == *name)?;
        self.caps.get(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_are_found_by_name_as_regex_finds_them() {
        let p = Pattern::new(Regex::new(r"(?P<a>x)?(y)(?P<bc>z+)|(?P<d>w)").unwrap());
        for hay in ["xyzz", "yz", "w", "ayzzzw"] {
            let ours: Vec<_> = p.captures_iter(hay).map(|g| ["a", "bc", "d", "nope"].map(|n| g.name(n).map(|m| m.range()))).collect();
            let theirs: Vec<_> = p.re.captures_iter(hay).map(|c| ["a", "bc", "d", "nope"].map(|n| c.name(n).map(|m| m.range()))).collect();
            assert_eq!(ours, theirs, "{hay}");
            assert!(!ours.is_empty());
        }
    }
}
