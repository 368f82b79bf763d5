//! Lower and upper case for the scripts the table's names and news text use.
//!
//! Hand-written rather than `str::to_lowercase`: the standard library's full Unicode case
//! tables are about 27 KB of the .wasm, 12 KB gzipped (measured with twiggy and gzip -9),
//! close to a third of what the code was over its 300 KB budget. Latin (with Latin-1,
//! Extended-A, the Romanian commas and Vietnamese), Greek and Cyrillic letters change case;
//! every other character is left as written, on both sides of every comparison, since the
//! name index and the text are lower-cased by these same functions.

/// Whether `c` is an upper-case letter of the scripts [`lower_char`] knows (the standard
/// library's `char::is_uppercase` brings its Unicode case tables into the .wasm, about 1 KB
/// gzipped with `is_lowercase`'s, for letters of scripts news in English does not put first).
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else {
        lower_char(c) != c
    }
}

/// Whether `c` is a lower-case letter of the scripts [`upper_char`] knows.
pub fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_lowercase()
    } else {
        upper_char(c) != c
    }
}

/// Whether `c` is a letter or a digit, as `char::is_alphanumeric` answers for the text news
/// prints: ASCII letters and digits, and every character from U+00C0 on that is not
/// punctuation, a symbol, a space or private use (the skeleton's token marks are private use).
/// Hand-written because the standard library's Alphabetic and Numeric tables are about 2 KB of
/// the .wasm; it differs from them only on letters' combining marks (a letter here) and on
/// characters news in English does not print.
#[inline(never)]
pub fn is_alnum(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0xAA | 0xB5 | 0xBA => true,
        0x80..=0xBF | 0xD7 | 0xF7 | 0x2000..=0x2BFF | 0x3000..=0x303F | 0xE000..=0xF8FF | 0xFE00..=0xFE6F | 0xFF00..=0xFF0F | 0xFFF0..=0xFFFF => false,
        _ => true,
    }
}

/// Whether `c` is a letter ([`is_alnum`] without the ASCII digits).
#[inline(never)]
pub fn is_alpha(c: char) -> bool {
    is_alnum(c) && !c.is_ascii_digit()
}

/// The lower-case form of one character (one character, unlike `char::to_lowercase`:
/// "İ" becomes "i").
pub fn lower_char(c: char) -> char {
    let u = c as u32;
    let to = match u {
        0x41..=0x5A => u + 32,
        0..=0x7F => u,
        0xC0..=0xDE if u != 0xD7 => u + 32,
        0x130 => 'i' as u32,
        0x100..=0x137 | 0x14A..=0x177 | 0x182..=0x185 | 0x1A0..=0x1A5 | 0x1DE..=0x1EF | 0x1F8..=0x21F if u % 2 == 0 => u + 1,
        0x139..=0x148 | 0x179..=0x17E | 0x1CD..=0x1DC if u % 2 == 1 => u + 1,
        0x178 => 0xFF,
        0x1AF => 0x1B0,
        0x386 => 0x3AC,
        0x388..=0x38A => u + 37,
        0x38C => 0x3CC,
        0x38E..=0x38F => u + 63,
        0x391..=0x3AB if u != 0x3A2 => u + 32,
        0x400..=0x40F => u + 80,
        0x410..=0x42F => u + 32,
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F if u % 2 == 0 => u + 1,
        0x1E00..=0x1E95 | 0x1EA0..=0x1EFF if u % 2 == 0 => u + 1,
        _ => u,
    };
    char::from_u32(to).unwrap_or(c)
}

/// The upper-case form of one character: the inverse of [`lower_char`] where it changes case.
pub fn upper_char(c: char) -> char {
    let u = c as u32;
    let to = match u {
        0x61..=0x7A => u - 32,
        0..=0x7F => u,
        0xE0..=0xFE if u != 0xF7 => u - 32,
        0xFF => 0x178,
        0x131 => 'I' as u32,
        0x101..=0x137 | 0x14B..=0x177 | 0x183..=0x185 | 0x1A1..=0x1A5 | 0x1DF..=0x1EF | 0x1F9..=0x21F if u % 2 == 1 => u - 1,
        0x13A..=0x148 | 0x17A..=0x17E | 0x1CE..=0x1DC if u % 2 == 0 => u - 1,
        0x1B0 => 0x1AF,
        0x3AC => 0x386,
        0x3AD..=0x3AF => u - 37,
        0x3CC => 0x38C,
        0x3CD..=0x3CE => u - 63,
        0x3C2 => 0x3A3,
        0x3B1..=0x3CB => u - 32,
        0x450..=0x45F => u - 80,
        0x430..=0x44F => u - 32,
        0x461..=0x481 | 0x48B..=0x4BF | 0x4D1..=0x52F if u % 2 == 1 => u - 1,
        0x1E01..=0x1E95 | 0x1EA1..=0x1EFF if u % 2 == 1 => u - 1,
        _ => u,
    };
    char::from_u32(to).unwrap_or(c)
}

/// Lower and upper case of whole strings.
pub trait TextCase {
    /// The text with [`lower_char`] applied to every character.
    fn lower(&self) -> String;
    /// The text with its first character in upper case ("the EU" → "The EU").
    fn capitalised(&self) -> String;
}

impl TextCase for str {
    fn lower(&self) -> String {
        if self.is_ascii() {
            self.to_ascii_lowercase()
        } else {
            self.chars().map(lower_char).collect()
        }
    }

    fn capitalised(&self) -> String {
        let mut cs = self.chars();
        cs.next().map(|f| format!("{}{}", upper_char(f), cs.as_str())).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_standard_library_where_it_changes_case() {
        // Every letter that these functions change must change the way std changes it
        // (one character to one character); İ is the one deliberate difference.
        let mut changed = 0;
        for u in 0..0x2000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            let l = lower_char(c);
            if l != c && c != 'İ' {
                changed += 1;
                let std: Vec<char> = c.to_lowercase().collect();
                assert_eq!(std, vec![l], "lower {c:?} (U+{u:04X})");
            }
            let up = upper_char(c);
            if up != c && c != 'ı' {
                let std: Vec<char> = c.to_uppercase().collect();
                assert_eq!(std, vec![up], "upper {c:?} (U+{u:04X})");
            }
        }
        assert!(changed > 400, "only {changed} letters change case");
    }

    #[test]
    fn names_in_the_scripts_of_the_table() {
        assert_eq!("ANDRZEJ DUDA".lower(), "andrzej duda");
        assert_eq!("Plenković".lower(), "plenković");
        assert_eq!("ŞTEFAN ŢIRIAC".lower(), "ştefan ţiriac");
        assert_eq!("Ștefan Țiriac".lower(), "ștefan țiriac");
        assert_eq!("İmamoğlu".lower(), "imamoğlu");
        assert_eq!("ΜΗΤΣΟΤΆΚΗΣ".lower().chars().next(), Some('μ'));
        assert_eq!("ЗЕЛЕНСЬКИЙ".lower(), "зеленський");
        assert_eq!("Nguyễn Phú Trọng".lower(), "nguyễn phú trọng");
        assert_eq!("ÉMILE".lower(), "émile");
        assert_eq!("élysée".capitalised(), "Élysée");
        assert_eq!("the EU".capitalised(), "The EU");
        assert_eq!("".capitalised(), "");
        // Scripts without case are left as written.
        assert_eq!("習近平".lower(), "習近平");
    }
}
