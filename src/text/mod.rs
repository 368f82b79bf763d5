//! Text: sentences, date expressions and offsets.
//!
//! Offsets inside the core are UTF-8 byte offsets into a block. The extension works in UTF-16
//! code units (JavaScript strings), so every finding also carries UTF-16 offsets, computed in
//! one pass per block by [`Utf16Map`].

pub mod case;
pub mod dates;
pub mod groups;

use std::ops::Range;

/// Substring search for the short words the families look for in a sentence. Hand-written
/// for a measured reason: `str::contains` builds a Two-Way searcher on every call, and in
/// wasm (which has no SIMD short-needle path) that construction was 11% of a check of the
/// 2 MB benchmark page; a scan for the first byte, then a compare, does the same for
/// needles of a few bytes in a sentence (docs/performance.md, 6 December 2026).
pub(crate) trait Has {
    /// Where `needle` first occurs, as `str::find` with a `&str` says.
    fn find_str(&self, needle: &str) -> Option<usize>;
    /// Whether `needle` occurs, as `str::contains` with a `&str` says.
    fn has(&self, needle: &str) -> bool;
}

impl Has for str {
    // One function that every call site calls (inlined, it made the code 0.8 KB larger).
    #[inline(never)]
    fn has(&self, needle: &str) -> bool {
        self.find_str(needle).is_some()
    }

    #[inline(always)]
    fn find_str(&self, needle: &str) -> Option<usize> {
        let (h, n) = (self.as_bytes(), needle.as_bytes());
        let Some(&first) = n.first() else {
            return Some(0);
        };
        let mut i = 0;
        while i + n.len() <= h.len() {
            if h[i] == first && h[i..i + n.len()] == *n {
                return Some(i);
            }
            i += 1;
        }
        None
    }
}

/// Words that end with a full stop without ending a sentence: "U.S. President Biden",
/// "Mr. Smith", "George W. Bush".
const ABBREVIATIONS: &[&str] = &[
    "U.S.", "U.K.", "U.N.", "E.U.", "Mr.", "Mrs.", "Ms.", "Dr.", "Sen.", "Rep.", "Gov.", "Gen.", "Lt.", "Col.", "St.", "Jr.", "Sr.", "Prof.", "No.", "Jan.",
    "Feb.", "Mar.", "Apr.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.", "vs.", "Pres.", "Amb.", "Adm.", "Capt.", "Maj.", "Sgt.", "Inc.", "Co.", "Corp.",
    "Ltd.", "Mt.", "Ft.", "D.C.", "Rev.", "Hon.",
];

fn ends_with_abbreviation(s: &str) -> bool {
    // The word before the full stop, with its own full stops ("U.S.").
    let word = s.rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“').next().unwrap_or(s);
    if ABBREVIATIONS.contains(&word) {
        return true;
    }
    // An initial: "George W. Bush".
    let mut cs = word.chars();
    matches!((cs.next(), cs.next(), cs.next()), (Some(c), Some('.'), None) if crate::text::case::is_upper(c))
}

/// The value in `cell`, built by `build` on first use. Every lazily compiled pattern of the core
/// goes through here: not generic over the builder (a plain `fn`), so that the sites share one
/// `OnceLock::initialize` per type instead of one each (about 130 bytes of `.wasm` a site).
#[inline(never)]
pub(crate) fn cached<T: Sync + Send>(cell: &'static std::sync::OnceLock<T>, build: fn() -> T) -> &'static T {
    cell.get_or_init(build)
}

/// Compiles one of the core's regular expressions, with the Perl classes written out: `\s`
/// as Unicode's White_Space set, `\d` as ASCII digits, `\w` as the letters of the scripts
/// news names are written in (Latin, Greek, Cyrillic, kana, CJK, Hangul) with digits and `_`,
/// and `\b` as an ASCII word boundary. So regex needs no Unicode tables at all (its
/// `unicode-perl` feature is off): with them its parser carried every property name and value
/// for `\p{…}`, about 8 KB gzipped of the `.wasm`, which no pattern here uses. An ASCII word
/// boundary also keeps matching in the lazy DFA, which gives up on a Unicode one at the first
/// non-ASCII character. The classes nest, so they may stand inside brackets too (`[^\s,]`).
pub(crate) fn regex(p: &str) -> groups::Regex {
    const SPACE: &str = r"[\t\n\x0B\x0C\r\x20\x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}]";
    const WORD: &str = r"[0-9A-Za-z_\x{AA}\x{B5}\x{BA}\x{C0}-\x{24F}\x{370}-\x{52F}\x{1E00}-\x{1FFF}\x{3040}-\x{30FF}\x{4E00}-\x{9FFF}\x{AC00}-\x{D7AF}]";
    let mut out = String::with_capacity(p.len() * 2);
    let mut chars = p.chars();
    // Inside brackets a class nests as it is; outside, it is wrapped in `(?u-i:…)`, so that it
    // holds in a group that turned Unicode off (`(?i-u:…)`) and needs no case folding.
    let mut in_class = 0usize;
    let class = |out: &mut String, c: &str, in_class: usize| {
        if in_class > 0 {
            out.push_str(c);
        } else {
            out.push_str("(?u-i:");
            out.push_str(c);
            out.push(')');
        }
    };
    while let Some(c) = chars.next() {
        if c != '\\' {
            match c {
                '[' => in_class += 1,
                ']' => in_class = in_class.saturating_sub(1),
                _ => {}
            }
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('s') => class(&mut out, SPACE, in_class),
            Some('d') => out.push_str("[0-9]"),
            Some('w') => class(&mut out, WORD, in_class),
            Some('b') => out.push_str(r"(?-u:\b)"),
            Some(x) => {
                out.push('\\');
                out.push(x);
            }
            None => out.push('\\'),
        }
    }
    // The patterns are the core's own, and the native tests compile every one, so in the
    // extension a one-word message does (61 bytes less gzipped; regex keeps its own error texts).
    // Natively regex has Unicode case folding (another dependency turns its feature on); the
    // WebAssembly build has not, and there "(?i:" around any non-ASCII text fails to compile.
    #[cfg(not(target_arch = "wasm32"))]
    assert!(!out.contains("(?i:") && !out.contains("(?i)"), "pattern {p:?}: write (?i-u: (ASCII case folding), as the WebAssembly build has no other");
    #[cfg(not(target_arch = "wasm32"))]
    return groups::Regex::new(&out).unwrap_or_else(|e| panic!("pattern {p:?}: {e:?}"));
    #[cfg(target_arch = "wasm32")]
    groups::Regex::new(&out).unwrap_or_else(|_| panic!("pattern"))
}

/// Sentence ranges (byte offsets) of `text`.
///
/// A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets) followed by
/// white space and then a capital letter, a digit or an opening quote, unless the word before
/// is an abbreviation; a blank line also ends one. This is the part of Unicode's sentence
/// rules (UAX #29) that news text needs. We used `unicode-segmentation`'s UAX #29 splitter at
/// first: it was correct but ran at about 50 MB/s, half of the core's whole time budget, and
/// it still needed the abbreviation fix-ups above ("U.S. President" is a break under UAX #29).
/// One regular-expression scan for candidate breaks does the same job for news text at
/// several hundred MB/s.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    static BREAK: std::sync::OnceLock<crate::text::groups::Regex> = std::sync::OnceLock::new();
    let re = crate::text::cached(&BREAK, || regex(r#"[.!?…]+["'”’)\]]*\s+|\n\s*\n"#));
    let mut out = Vec::new();
    let mut start = 0;
    for m in re.find_iter(text) {
        let end = m.end();
        let next = text[end..].chars().next();
        let starts_sentence = next.is_none_or(|c| crate::text::case::is_upper(c) || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '['));
        let blank_line = m.as_str().trim_start_matches(|c: char| !c.is_whitespace()).matches('\n').count() >= 2;
        if !blank_line && (!starts_sentence || ends_with_abbreviation(&text[start..m.start() + m.as_str().find(char::is_whitespace).unwrap_or(m.len())])) {
            continue;
        }
        push_pieces(text, start..end, &mut out);
        start = end;
    }
    if start < text.len() {
        push_pieces(text, start..text.len(), &mut out);
    }
    out
}

/// The longest stretch of text, in bytes, that [`sentences`] returns. Real sentences are far
/// shorter; a longer run without a sentence break is a list, a table or a data dump, and
/// reading it whole would make the claim patterns' work grow with its length.
pub const MAX_SENTENCE_BYTES: usize = 4_000;

/// Pushes `range`, cut into pieces of at most [`MAX_SENTENCE_BYTES`] when it is longer: each
/// cut after the last "; " or ", " in reach (a clause break, so a title is never cut from its
/// qualifier), or after the last space when the stretch has neither, or at the limit.
fn push_pieces(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let mut start = range.start;
    while range.end - start > MAX_SENTENCE_BYTES {
        let mut limit = start + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &text[start..limit];
        let cut = [window.rfind("; "), window.rfind(", ")]
            .into_iter()
            .flatten()
            .max()
            .map(|i| i + 2)
            .or_else(|| window.rfind(char::is_whitespace).map(|i| i + window[i..].chars().next().map_or(1, char::len_utf8)))
            .filter(|&i| i > 0)
            .unwrap_or(window.len());
        out.push(start..start + cut);
        start += cut;
    }
    if start < range.end {
        out.push(start..range.end);
    }
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
    fn has_finds_what_str_find_finds() {
        let hays = ["", "a", "the ruling party", "Élysée’s successor", "predecessor", "ab", "aab", "xx it's yy", "ruling", "ßuccessor ucc"];
        let needles = ["", "a", "ab", "ruling ", "ruling", "redecessor", "’s ", "'s ", "ucc", "party", "y", "aab!", "Élysée"];
        for h in hays {
            for n in needles {
                assert_eq!(h.find_str(n), h.find(n), "{n:?} in {h:?}");
                assert_eq!(h.has(n), h.contains(n), "{n:?} in {h:?}");
            }
        }
    }

    #[test]
    fn perl_classes_are_written_out_and_hold_in_every_context() {
        // \s is Unicode white space, also where a group turned Unicode off.
        assert!(regex(r"a\sb").is_match("a\u{a0}b"));
        assert!(regex(r"(?i-u:last\s+week)").is_match("LAST\u{202f}week"));
        assert!(!regex(r"a\sb").is_match("a_b"));
        // Inside brackets, nested; negated with the rest.
        assert!(regex(r"^[^\s,]+$").is_match("São"));
        assert!(!regex(r"^[^\s,]+$").is_match("a\u{a0}b"));
        // \w: the letters of the scripts names are written in, not punctuation.
        assert!(regex(r"^\w+$").is_match("Łukaszenko_Зеленський_東京"));
        assert!(!regex(r"^\w+$").is_match("a-b"));
        // \d: ASCII digits; \b: an ASCII word boundary.
        assert!(regex(r"^\d{4}$").is_match("2024"));
        assert!(regex(r"\bsaid\b").is_match("he said."));
        assert!(!regex(r"\bsaid\b").is_match("unsaid"));
        // An escaped backslash stays one.
        assert!(regex(r"a\\s").is_match(r"a\s"));
    }

    #[test]
    fn a_run_longer_than_the_limit_is_read_in_pieces_cut_at_clause_breaks() {
        let clause = "the committee met and talked about roads and schools, ";
        let text = format!("{}said the minister. Next sentence.", clause.repeat(300));
        let got = sentences(&text);
        // Contiguous, every piece within the limit, every cut after ", ".
        assert_eq!(got[0].start, 0);
        assert_eq!(got.last().unwrap().end, text.len());
        for w in got.windows(2) {
            assert_eq!(w[0].end, w[1].start);
        }
        assert!(got.len() > 4, "{} pieces", got.len());
        for r in &got {
            assert!(r.len() <= MAX_SENTENCE_BYTES, "{r:?}");
        }
        for r in &got[..got.len() - 2] {
            assert!(text[r.clone()].ends_with(", "), "{:?}", &text[r.end - 10..r.end]);
        }
        // No comma or space: cut at the limit, on a character boundary.
        let text = "é".repeat(5_000);
        let got = sentences(&text);
        assert!(got.iter().all(|r| r.len() <= MAX_SENTENCE_BYTES && text.is_char_boundary(r.start) && text.is_char_boundary(r.end)));
        assert_eq!(got.last().unwrap().end, text.len());
        // A normal sentence is left whole.
        assert_eq!(sentences("President Biden spoke on Tuesday, and left."), vec![0..43]);
    }

    #[test]
    fn breaks_need_a_capital_after_them() {
        let t = "He said no. then left? Yes! “Quoted.” (Aside.) 3 votes. The end";
        let s: Vec<&str> = sentences(t).into_iter().map(|r| t[r].trim()).collect();
        assert_eq!(s, vec!["He said no. then left?", "Yes!", "“Quoted.”", "(Aside.)", "3 votes.", "The end"]);
        let joined: String = sentences(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(joined, t, "sentences cover the text");
    }

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
