//! Your own facts: files in the schema of `data/` (one kind of row per file, told by its header)
//! merged over a table's files. Your rows win: a row of the table with the same key as one of
//! yours (an id; a term's person, office and start; a membership's country and organisation;
//! ...) is left out, and yours is read in its place. The merged files load with the same loader
//! as `data/`, so a bad row of yours is reported with your file's name and line.
use super::load::{self, FactsError};

/// Where your rows stand in the merged files: under this prefix. A row whose origin's file
/// starts with it is one of yours ([`super::Origin::is_yours`]).
pub const PREFIX: &str = "yours/";

/// Each kind a file of yours may hold: its name, columns, the columns that make a row's key,
/// and where its file goes in the layout (`{}` is the file's own name).
const KINDS: &[(&str, &[&str], &[usize], &str)] = &[
    ("countries", load::COUNTRIES, &[0], "countries/{}"),
    ("people", load::PEOPLE, &[0], "people/{}"),
    ("offices", load::OFFICES, &[0], "offices/{}"),
    ("terms", load::TERMS, &[0, 1, 2], "terms/{}"),
    ("orgs", load::ORGS, &[0], "orgs.tsv"),
    ("memberships", load::MEMBERSHIPS, &[0, 1], "memberships/{}"),
    ("elections", load::ELECTIONS, &[0, 1, 3], "elections/{}"),
    ("verified", load::VERIFIED, &[0], "verified.tsv"),
    ("deaths", load::DEATHS, &[0], "deaths.tsv"),
    ("proposals", load::PROPOSALS, &[0], "proposals.tsv"),
    ("summits", load::SUMMITS, &[0, 1], "summits.tsv"),
    ("presidencies", load::PRESIDENCIES, &[0, 2], "presidencies.tsv"),
    ("parties", load::PARTIES, &[0], "parties/parties.tsv"),
    ("affiliations", load::AFFILIATIONS, &[0, 2], "parties/affiliations.tsv"),
    ("governments", load::GOVERNMENTS, &[0, 1], "parties/governments.tsv"),
    ("founding", load::FOUNDING, &[0], "founding.tsv"),
    ("capitals", load::CAPITALS, &[0], "capitals.tsv"),
];

/// The data lines of a file (not comments, not blank), with their index, after its header.
fn data_lines(contents: &str) -> impl Iterator<Item = (usize, &str)> {
    contents.split('\n').enumerate().map(|(i, l)| (i, l.strip_suffix('\r').unwrap_or(l))).filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty()).skip(1)
}

fn header(contents: &str) -> Vec<&str> {
    contents
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .find(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|h| h.split('\t').map(str::trim).collect())
        .unwrap_or_default()
}

fn key(line: &str, cols: &[usize]) -> Vec<String> {
    let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
    cols.iter().map(|&c| cells.get(c).copied().unwrap_or("").to_string()).collect()
}

/// The kind of a file of yours, from its header (and, where two kinds share their columns, as
/// people and parties do, from its name).
fn kind_of(name: &str, contents: &str) -> Result<usize, FactsError> {
    let h = header(contents);
    let fits: Vec<usize> = (0..KINDS.len()).filter(|&k| KINDS[k].1 == h.as_slice()).collect();
    let err = |reason: String| FactsError { file: name.to_string(), line: 0, reason };
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name).to_ascii_lowercase();
    match fits.as_slice() {
        [k] => Ok(*k),
        [] if h.is_empty() => Err(err("the file is empty: it needs a header line, as the files in data/ have".into())),
        [] => Err(err(format!(
            "header {:?} is not one of the table's: a file of your facts holds one kind of row, with the same columns as its file in data/ (data/README.md)",
            h.join(" | ")
        ))),
        many => many.iter().copied().find(|&k| file.contains(KINDS[k].0) || (KINDS[k].0 == "people" && file.contains("person"))).ok_or_else(|| {
            let names: Vec<&str> = many.iter().map(|&k| KINDS[k].0).collect();
            err(format!("these columns fit {}: put the kind in the file's name (such as {}.tsv)", names.join(" and "), names[0]))
        }),
    }
}

/// Files as `(path, contents)`.
pub type Files = Vec<(String, String)>;

/// `base` (files laid out as `data/`) with the files of `yours` (`(name, contents)`) merged
/// over it, ready for [`super::Table::from_files`]; and the merged path of each of yours, to
/// give errors back their own name ([`rename`]).
pub fn merge<P: AsRef<str>, C: AsRef<str>>(base: &[(P, C)], yours: &[(String, String)]) -> Result<(Files, Files), Vec<FactsError>> {
    let mut errors = Vec::new();
    let mut kinds = Vec::new();
    for (name, contents) in yours {
        match kind_of(name, contents) {
            Ok(k) => kinds.push(k),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // The keys of your rows, per kind.
    let mut keys: Vec<std::collections::HashSet<Vec<String>>> = vec![Default::default(); KINDS.len()];
    for ((_, contents), &k) in yours.iter().zip(&kinds) {
        keys[k].extend(data_lines(contents).map(|(_, l)| key(l, KINDS[k].2)));
    }
    // The table's files, with each row one of yours replaces made a comment (so every other
    // row keeps its line number).
    let mut files: Vec<(String, String)> = Vec::new();
    for (path, contents) in base {
        let (path, contents) = (path.as_ref(), contents.as_ref());
        let k = load::kind_of(path).and_then(|kind| KINDS.iter().position(|x| x.0 == kind));
        let Some(k) = k.filter(|&k| !keys[k].is_empty()) else {
            files.push((path.to_string(), contents.to_string()));
            continue;
        };
        let replaced: std::collections::HashSet<usize> = data_lines(contents).filter(|(_, l)| keys[k].contains(&key(l, KINDS[k].2))).map(|(i, _)| i).collect();
        let lines: Vec<&str> = contents.split('\n').collect();
        let out: Vec<String> =
            lines.iter().enumerate().map(|(i, l)| if replaced.contains(&i) { format!("# replaced by your facts: {l}") } else { l.to_string() }).collect();
        files.push((path.to_string(), out.join("\n")));
    }
    let mut names = Vec::new();
    for (i, ((name, contents), &k)) in yours.iter().zip(&kinds).enumerate() {
        let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
        let file = if file.ends_with(".tsv") { file.to_string() } else { format!("{file}.tsv") };
        let path = format!("{PREFIX}{i}/{}", KINDS[k].3.replace("{}", &file));
        names.push((path.clone(), name.clone()));
        files.push((path, contents.clone()));
    }
    Ok((files, names))
}

/// Errors with the merged path of a file of yours given its own name back.
pub fn rename(mut errors: Vec<FactsError>, names: &[(String, String)]) -> Vec<FactsError> {
    for e in &mut errors {
        if let Some((_, name)) = names.iter().find(|(p, _)| *p == e.file) {
            e.file = name.clone();
        }
    }
    errors
}
