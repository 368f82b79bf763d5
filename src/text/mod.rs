//! Text: sentences, date expressions and offsets.
//!
//! Offsets inside the core are UTF-8 byte offsets into a block. The extension works in UTF-16
//! code units (JavaScript strings), so every finding also carries UTF-16 offsets, computed in
//! one pass per block by [`Utf16Map`].

pub mod dates;

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// Words that end with a full stop without ending a sentence. UAX #29 (which
/// `unicode-segmentation` implements) breaks after "U.S." in "U.S. President Biden", because a
/// capital letter follows; news text is full of these, so the breaks after them are undone.
const ABBREVIATIONS: &[&str] = &[
    "U.S.", "U.K.", "U.N.", "E.U.", "Mr.", "Mrs.", "Ms.", "Dr.", "Sen.", "Rep.", "Gov.", "Gen.", "Lt.", "Col.", "St.",
    "Jr.", "Sr.", "Prof.", "No.", "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.", "vs.",
    "Pres.", "Amb.", "Adm.", "Capt.", "Maj.", "Sgt.", "Inc.", "Co.", "Corp.", "Ltd.", "Mt.", "Ft.", "D.C.", "Rev.", "Hon.",
];

fn ends_with_abbreviation(s: &str) -> bool {
    let s = s.trim_end();
    if ABBREVIATIONS.iter().any(|a| {
        s.ends_with(a) && s[..s.len() - a.len()].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
    }) {
        return true;
    }
    // An initial: "George W. Bush".
    let mut rev = s.chars().rev();
    matches!((rev.next(), rev.next(), rev.next()), (Some('.'), Some(c), Some(' ')) if c.is_uppercase())
}

/// Sentence ranges (byte offsets) of `text`, by UAX #29 with abbreviation breaks undone.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut glue = false;
    for (start, s) in text.split_sentence_bound_indices() {
        let r = start..start + s.len();
        match out.last_mut() {
            Some(last) if glue => last.end = r.end,
            _ => out.push(r),
        }
        glue = ends_with_abbreviation(s);
    }
    out
}

/// Converts byte offsets of one block into UTF-16 offsets, for JavaScript.
pub struct Utf16Map<'a> {
    text: &'a str,
    byte: usize,
    unit: usize,
}

impl<'a> Utf16Map<'a> {
    /// A map over `text`.
    pub fn new(text: &'a str) -> Self {
        Utf16Map { text, byte: 0, unit: 0 }
    }
    /// The UTF-16 offset of byte offset `b` (a char boundary). Cheap when called with
    /// non-decreasing offsets; a smaller offset restarts from the beginning.
    pub fn at(&mut self, b: usize) -> usize {
        if b < self.byte {
            self.byte = 0;
            self.unit = 0;
        }
        self.unit += self.text[self.byte..b].chars().map(char::len_utf16).sum::<usize>();
        self.byte = b;
        self.unit
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let t = "U.S. President Joe Biden met George W. Bush. Then he left! Mr. Smith stayed.";
        let s: Vec<&str> = sentences(t).into_iter().map(|r| t[r].trim()).collect();
        assert_eq!(s, vec!["U.S. President Joe Biden met George W. Bush.", "Then he left!", "Mr. Smith stayed."]);
    }

    #[test]
    fn utf16_offsets_count_surrogate_pairs() {
        let t = "a😀é b";
        let mut m = Utf16Map::new(t);
        assert_eq!(m.at(1), 1);
        assert_eq!(m.at(5), 3);
        assert_eq!(m.at(t.len()), 6);
        assert_eq!(m.at(0), 0);
    }
}
