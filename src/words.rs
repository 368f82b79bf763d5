//! The words of the explanations, in the reader's language.
//!
//! Every sentence and fragment the core writes for a reader goes through [`t!`]: its English
//! template is both the text written when no other language is set and the key of its
//! translation, as in gettext. A translation is a catalogue (`src/locales/de.tsv`): one line
//! per template, the English, a tab, the translation. `{}` in a template stands for the next
//! argument; a translation may say `{0}`, `{1}`, … to put them in another order. Where one
//! English text needs two translations, a context after `|` tells them apart, and a template
//! ends at `|`: `"in {}|year"` writes "in 2021", German "im Jahr 2021".
//!
//! English is compiled in. Other languages are data, loaded at run time ([`set_language`]):
//! the extension's background passes the catalogue of the browser's language, the CLI takes
//! `--lang`. So a language costs the `.wasm` nothing (its code budget had about 1 KB left),
//! and the names the table holds (people, offices, countries) stay as the table writes them.
//!
//! Hand-written rather than a crate (fluent, gettext): the substitution is twenty lines, and
//! either crate would add tens of kilobytes to a `.wasm` with about 1 KB of budget left.
use std::cell::RefCell;
use std::fmt::{Display, Write as _};

thread_local! {
    // The catalogue in use: (English template, translation), in the file's order. Empty:
    // English. A linear search: a page's shown findings ask for a few hundred words at most.
    static CATALOGUE: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
}

/// Writes the template `english`, or its translation in the language set, with `args` put in
/// place of `{}` (in order) or `{N}` (the Nth, from 0, N < 10).
#[inline(never)]
pub fn t(english: &str, args: &[&dyn Display]) -> String {
    CATALOGUE.with(|c| {
        let c = c.borrow();
        match c.iter().find(|(k, _)| k == english) {
            Some((_, tr)) => fill(tr, args),
            None => fill(english, args),
        }
    })
}

/// A word of the table's own vocabulary (an election's kind: "presidential"), in the language
/// set: its translation if the catalogue has one, else the word as the table writes it.
pub fn word(w: &str) -> String {
    t(w, &[])
}

// A byte loop, not `str::find` and `parse`: the same work in half the code (the `.wasm`'s
// code budget).
fn fill(template: &str, args: &[&dyn Display]) -> String {
    let mut out = String::new();
    let (b, mut next, mut from, mut i) = (template.as_bytes(), 0, 0, 0);
    while i < b.len() && b[i] != b'|' {
        if b[i] == b'{' {
            out.push_str(&template[from..i]);
            let n = match b.get(i + 1) {
                Some(d @ b'0'..=b'9') => {
                    i += 1;
                    (d - b'0') as usize
                }
                _ => {
                    next += 1;
                    next - 1
                }
            };
            if let Some(a) = args.get(n) {
                let _ = write!(out, "{a}");
            }
            i += 2; // past the digit, if any, and '}'
            from = i;
        } else {
            i += 1;
        }
    }
    out.push_str(template.get(from..i).unwrap_or(""));
    out
}

/// `t!("On {} the {} was {}.", day, office, who)`: the template must be a literal, so that
/// the catalogue test (`every_template_has_its_translation`) can find every one in the source.
#[macro_export]
macro_rules! t {
    (@ $template:expr $(, $arg:expr)* $(,)?) => {
        $crate::words::t($template, &[$(&$arg as &dyn ::std::fmt::Display),*])
    };
    ($english:literal $(, $arg:expr)* $(,)?) => {
        $crate::words::t($english, &[$(&$arg as &dyn ::std::fmt::Display),*])
    };
}

/// A template chosen at run time, written where it is chosen: `tr!("…")` is the literal
/// itself, marked so that the catalogue test finds it. `t!(@ template, args…)` then writes it,
/// in one call where several `t!` would each be code of their own.
#[macro_export]
macro_rules! tr {
    ($english:literal) => {
        $english
    };
}

/// A catalogue that cannot be used, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogueError {
    /// The line, from 1.
    pub line: usize,
    /// What is wrong with it.
    pub reason: String,
}

impl Display for CatalogueError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

/// Reads a catalogue: lines of English template, tab, translation; blank lines and lines
/// that begin with `#` are left out, and so is a byte-order mark. Outside the `.wasm` (the
/// CLI and the tests, which check the extension's catalogue) a translation must also use
/// every argument its template has and no other, and translate each template once; the
/// `.wasm` reads only catalogues that its build's tests have checked, and leaves the code out.
pub fn parse(text: &str) -> Result<Vec<(String, String)>, CatalogueError> {
    let mut out: Vec<(String, String)> = Vec::new();
    for (i, line) in text.trim_start_matches("\u{feff}").lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fail = |reason: &str| CatalogueError { line: i + 1, reason: reason.to_string() };
        let Some((en, tr)) = line.split_once('\t') else { return Err(fail("no tab between the English and its translation")) };
        #[cfg(not(target_arch = "wasm32"))]
        {
            if tr.contains('\t') {
                return Err(fail("more than one tab"));
            }
            if arguments(en) != arguments(tr) {
                return Err(fail(&format!("the English has the arguments {:?} and the translation {:?}", arguments(en), arguments(tr))));
            }
            if out.iter().any(|(k, _)| k == en) {
                return Err(fail(&format!("\"{en}\" is translated twice")));
            }
        }
        out.push((en.to_string(), tr.to_string()));
    }
    Ok(out)
}

/// The arguments a template uses, as their numbers, sorted: "{} and {}" and "{1} und {0}"
/// both use [0, 1].
#[cfg(not(target_arch = "wasm32"))]
pub fn arguments(template: &str) -> Vec<usize> {
    let mut next = 0;
    let mut out = Vec::new();
    for part in template.split('{').skip(1) {
        let inner = part.split('}').next().unwrap_or("");
        match inner.parse::<usize>() {
            Ok(i) => out.push(i),
            Err(_) => {
                out.push(next);
                next += 1;
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Sets the language of the explanations: a catalogue (see [`parse`]), or `""` for English.
/// Returns how many templates it translates. A catalogue with an error changes nothing.
pub fn set_language(catalogue: &str) -> Result<usize, CatalogueError> {
    let entries = parse(catalogue)?;
    let n = entries.len();
    CATALOGUE.with(|c| *c.borrow_mut() = entries);
    Ok(n)
}

/// The German catalogue, for the CLI's `--lang de` and the tests (the extension loads its
/// own copy of the file, so the `.wasm` does not carry it).
#[cfg(not(target_arch = "wasm32"))]
pub const GERMAN: &str = include_str!("locales/de.tsv");

// Native only: they read the source tree and the German catalogue from disk.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn arguments_go_in_order_or_by_number() {
        assert_eq!(fill("On {} the {} was {}.", &[&"1 May 2024", &"Prime Minister", &"X"]), "On 1 May 2024 the Prime Minister was X.");
        assert_eq!(fill("{1} war am {0} {2}.", &[&"1. Mai 2024", &"X", &"Premier"]), "X war am 1. Mai 2024 Premier.");
        assert_eq!(fill("no arguments", &[]), "no arguments");
        assert_eq!(arguments("{} and {}"), vec![0, 1]);
        assert_eq!(arguments("{1} und {0}"), vec![0, 1]);
    }

    #[test]
    fn a_bad_catalogue_is_refused_with_its_line_and_changes_nothing() {
        assert_eq!(parse("\u{feff}# c\n\nA {}\tB {}\r\n").unwrap(), vec![("A {}".to_string(), "B {}".to_string())]);
        assert_eq!(parse("A {}\tB\n").unwrap_err().line, 1);
        assert_eq!(parse("# c\nA\tB\nA\tC\n").unwrap_err().line, 3);
        assert_eq!(parse("A no tab\n").unwrap_err().reason, "no tab between the English and its translation");
        assert!(set_language("A {}\tB {1}\n").is_err());
        assert_eq!(t!("A {}", 5), "A 5");
        assert_eq!(t!("in {}|year", 2021), "in 2021");
    }

    // The same findings explained in German once the catalogue is set, and in English again
    // after: dates, joining words and the election's kind translated, the table's names kept.
    #[test]
    fn explanations_follow_the_language_set() {
        let checker = crate::Checker::bundled().expect("bundled table");
        let day = chrono::NaiveDate::from_ymd_opt(2024, 10, 19).unwrap();
        let text =
            ["Fumio Kishida succeeded Yoshihide Suga as Japan's prime minister in 2020.", "Japan's general election on October 20 will test the new leader."];
        let explain = || -> Vec<String> {
            checker.check(&text, day).findings.into_iter().filter(|f| f.verdict == crate::Verdict::Contradicted).map(|f| f.explanation).collect()
        };
        let english = explain();
        assert_eq!(english.len(), 2, "{english:?}");
        assert!(english[0].contains("succeeded Yoshihide Suga") && english[0].contains("4 October 2021"), "{}", english[0]);
        assert!(english[1].starts_with("The general election in Japan is held on 27 October 2024"), "{}", english[1]);
        assert!(set_language(GERMAN).unwrap() > 150);
        let german = explain();
        assert!(german[0].contains("folgte Yoshihide Suga am 4. Oktober 2021 nach"), "{}", german[0]);
        assert!(german[1].starts_with("Die Parlamentswahl in Japan findet am 27. Oktober 2024 statt, nicht am 20. Oktober 2024"), "{}", german[1]);
        set_language("").unwrap();
        assert_eq!(explain(), english);
    }

    // Every template written with `t!` in the source has its German translation, with the same
    // arguments, and the catalogue translates nothing the source no longer writes.
    #[test]
    fn every_template_has_its_translation() {
        let german = parse(GERMAN).expect("the German catalogue reads");
        let mut templates: Vec<String> = Vec::new();
        let mut stack = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
        while let Some(dir) = stack.pop() {
            for e in std::fs::read_dir(&dir).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "rs") && !p.ends_with("words.rs") {
                    templates.extend(literals(&std::fs::read_to_string(&p).unwrap()));
                }
            }
        }
        templates.extend(crate::facts::MONTHS.iter().map(|m| m.to_string()));
        // The election kinds the table and the election family use, which `word` translates.
        let table = crate::facts::Table::bundled().expect("bundled table");
        for k in table.elections.iter().map(|e| e.kind.to_string()).chain(["national".to_string()]) {
            if !templates.contains(&k) {
                templates.push(k);
            }
        }
        assert!(templates.len() > 100, "{} templates found", templates.len());
        let missing: Vec<&String> = templates.iter().filter(|x| !german.iter().any(|(k, _)| k == *x)).collect();
        assert!(missing.is_empty(), "no German for {missing:#?}");
        let unused: Vec<&String> = german.iter().map(|(k, _)| k).filter(|k| !templates.contains(k)).collect();
        assert!(unused.is_empty(), "translated but not written: {unused:#?}");
    }

    // The string literals that follow `t!(` or `tr!(` in Rust source (not `format!(`; escapes
    // as written: the templates use `\"` only).
    fn literals(src: &str) -> Vec<String> {
        let mut out = Vec::new();
        let starts = src.match_indices("t!(").map(|(at, _)| (at, at + 3)).chain(src.match_indices("tr!(").map(|(at, _)| (at, at + 4)));
        for (at, from) in starts {
            // A call of its own (not `format!(`), its template a literal, maybe on the next line.
            let rest = src[from..].trim_start();
            if src[..at].chars().next_back().is_some_and(|c| crate::text::case::is_alnum(c) || c == '_') || !rest.starts_with('"') {
                continue;
            }
            let mut s = String::new();
            let mut chars = rest[1..].chars();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => s.push(chars.next().unwrap_or('\\')),
                    '"' => break,
                    c => s.push(c),
                }
            }
            out.push(s);
        }
        out
    }
}
