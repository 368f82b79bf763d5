//! The core's regular expressions: regex's engine, with capture groups looked up by name
//! without hashing.
//!
//! The patterns are built with `regex_automata::meta::Regex`, the engine that `regex::Regex`
//! wraps (same matching, same caches, same defaults), for a measured reason: size.
//! `regex::Regex::new` formats a syntax error into its message as soon as there is one, which
//! links regex-syntax's error printer, about 2 KB of message strings and one more copy of the
//! standard library's stable sort into the `.wasm`; the meta engine's `BuildError` formats
//! nothing unless asked, and the core's own patterns never fail (the native tests compile every
//! one). See docs/performance.md, 7 December 2026.
//!
//! regex's `Captures::name` finds a group's number by hashing its name with SipHash on every
//! call; the claim code asks for several groups per match, and the lookups came to about 5% of
//! a native check. A pattern has a handful of named groups, so [`Groups::name`] compares the
//! name with each of them instead.
use core::ops::Range;
use regex_automata::meta;
use regex_automata::util::captures::Captures;

/// A compiled regular expression (leftmost-first, UTF-8, as `regex::Regex`).
#[derive(Debug)]
pub struct Regex(meta::Regex);

/// One match: where it is in the haystack, and its text (as `regex::Match`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match<'h> {
    hay: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Match<'h> {
    /// The byte offset where the match starts.
    pub fn start(&self) -> usize {
        self.start
    }

    /// The byte offset just past the match.
    pub fn end(&self) -> usize {
        self.end
    }

    /// The match's byte range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The match's length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the match is empty.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The matched text.
    pub fn as_str(&self) -> &'h str {
        &self.hay[self.start..self.end]
    }
}

impl Regex {
    /// Compiles `pattern`. The error says what is wrong only when it is printed.
    pub fn new(pattern: &str) -> Result<Regex, Box<meta::BuildError>> {
        meta::Regex::new(pattern).map(Regex).map_err(Box::new)
    }

    /// Whether `hay` has a match.
    pub fn is_match(&self, hay: &str) -> bool {
        self.0.is_match(hay)
    }

    /// Every match in `hay`, left to right, not overlapping.
    pub fn find_iter<'r, 'h>(&'r self, hay: &'h str) -> impl Iterator<Item = Match<'h>> + 'r
    where
        'h: 'r,
    {
        self.0.find_iter(hay).map(move |m| Match { hay, start: m.start(), end: m.end() })
    }
}

/// A regex and the numbers of its named groups.
#[derive(Debug)]
pub struct Pattern {
    re: meta::Regex,
    names: Box<[(Box<str>, usize)]>,
}

/// One match's groups.
pub struct Groups<'p, 'h> {
    caps: Captures,
    hay: &'h str,
    names: &'p [(Box<str>, usize)],
}

impl Pattern {
    /// Wraps `re`.
    pub fn new(re: Regex) -> Pattern {
        let re = re.0;
        let names = re.group_info().pattern_names(regex_automata::PatternID::ZERO).enumerate().filter_map(|(i, n)| Some((Box::from(n?), i))).collect();
        Pattern { re, names }
    }

    /// Every match in `hay`, with its groups (as `regex::Regex::captures_iter`).
    pub fn captures_iter<'p, 'h>(&'p self, hay: &'h str) -> impl Iterator<Item = Groups<'p, 'h>> + 'p
    where
        'h: 'p,
    {
        self.re.captures_iter(hay).map(move |caps| Groups { caps, hay, names: &self.names })
    }

    /// The first match in `hay`, with its groups (as `regex::Regex::captures`).
    pub fn captures<'p, 'h>(&'p self, hay: &'h str) -> Option<Groups<'p, 'h>> {
        let mut caps = self.re.create_captures();
        self.re.captures(hay, &mut caps);
        caps.is_match().then_some(Groups { caps, hay, names: &self.names })
    }
}

impl<'h> Groups<'_, 'h> {
    /// The group numbered `i` (0 is the whole match), if it took part in the match.
    pub fn get(&self, i: usize) -> Option<Match<'h>> {
        let s = self.caps.get_group(i)?;
        Some(Match { hay: self.hay, start: s.start, end: s.end })
    }

    /// The group named `name`, if the pattern has it and it took part in the match.
    pub fn name(&self, name: &str) -> Option<Match<'h>> {
        let &(_, i) = self.names.iter().find(|(n, _)| **n == *name)?;
        self.get(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_are_found_by_name_as_regex_finds_them() {
        let pat = r"(?P<a>x)?(y)(?P<bc>z+)|(?P<d>w)";
        let p = Pattern::new(Regex::new(pat).unwrap());
        let re = regex::Regex::new(pat).unwrap();
        for hay in ["xyzz", "yz", "w", "ayzzzw"] {
            let ours: Vec<_> = p.captures_iter(hay).map(|g| ["a", "bc", "d", "nope"].map(|n| g.name(n).map(|m| (m.range(), m.as_str())))).collect();
            let theirs: Vec<_> = re.captures_iter(hay).map(|c| ["a", "bc", "d", "nope"].map(|n| c.name(n).map(|m| (m.range(), m.as_str())))).collect();
            assert_eq!(ours, theirs, "{hay}");
            assert!(!ours.is_empty());
            let first = p.captures(hay).map(|g| (g.get(0).map(|m| m.range()), g.get(2).map(|m| m.range())));
            let theirs = re.captures(hay).map(|c| (c.get(0).map(|m| m.range()), c.get(2).map(|m| m.range())));
            assert_eq!(first, theirs, "{hay}");
        }
        assert!(p.captures("abc").is_none());
    }

    #[test]
    fn matches_are_found_as_regex_finds_them() {
        for (pat, hay) in [(r"a+|b", "caaab ab b"), (r"(?-u:\b)[a-zé]+", "Zürich, éa Paulo"), (r"", "ab"), (r"é?", "éa")] {
            let ours: Vec<_> = Regex::new(pat).unwrap().find_iter(hay).map(|m| (m.range(), m.as_str(), m.len(), m.is_empty())).collect();
            let theirs: Vec<_> = regex::Regex::new(pat).unwrap().find_iter(hay).map(|m| (m.range(), m.as_str(), m.len(), m.is_empty())).collect();
            assert_eq!(ours, theirs, "{pat} in {hay}");
            assert_eq!(Regex::new(pat).unwrap().is_match(hay), regex::Regex::new(pat).unwrap().is_match(hay));
        }
        assert!(Regex::new("(").is_err());
    }
}
