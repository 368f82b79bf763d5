//! The facts table: the bundled one is clean, and bad tables are rejected with file:line and
//! the reason.
use factflag::facts::Table;

const META: &str = "key\tvalue\nas_of\t2025-06-30\n";
const COUNTRIES: &str = "id\tname\taliases\tadjectives\tsource\njp\tJapan\t\tJapanese\thttps://en.wikipedia.org/wiki/Japan\nus\tUnited States\tU.S.\tAmerican\thttps://en.wikipedia.org/wiki/United_States\n";
const OFFICES: &str = "id\tname\tjurisdiction\ttitles\tkind\tsource\thonorific\njp-pm\tPrime Minister of Japan\tjp\tprime minister\thead_of_government\thttps://en.wikipedia.org/wiki/Prime_Minister_of_Japan\t\n";
const PEOPLE: &str = "id\tname\taliases\tcountry\tsource\na\tAko A\tAko\tjp\thttps://example.org/a\nb\tBen B\tBen\tjp\thttps://example.org/b\n";

fn table(people: &str, terms: &str) -> Result<Table, Vec<factflag::facts::FactsError>> {
    Table::from_files(&[
        ("data/meta.tsv", META),
        ("data/countries/x.tsv", COUNTRIES),
        ("data/offices/x.tsv", OFFICES),
        ("data/people/x.tsv", people),
        ("data/terms/x.tsv", terms),
    ])
}

const TERMS_HEADER: &str = "person\toffice\tstart\tend\tacting\tsource\tnote\n";

#[test]
fn the_bundled_table_loads_and_lints_clean() {
    let t = Table::bundled().expect("bundled table loads");
    let problems = t.lint();
    assert!(problems.is_empty(), "{}", problems.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"));
    let s = t.stats();
    assert!(s.terms > 0 && s.people > 0 && s.elections > 0 && s.organisations > 0);
}

#[test]
fn a_malformed_row_names_file_line_and_reason() {
    let terms = format!("{TERMS_HEADER}a\tjp-pm\t2020-13-01\t\t\thttps://example.org\t\nb\tjp-pm\t2021-01-01\n");
    let errs = table(PEOPLE, &terms).unwrap_err();
    let text: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
    assert!(text.iter().any(|e| e.starts_with("data/terms/x.tsv:2:") && e.contains("start \"2020-13-01\" is not a date")), "{text:?}");
    assert!(text.iter().any(|e| e.starts_with("data/terms/x.tsv:3:") && e.contains("has 3 cells")), "{text:?}");
}

#[test]
fn unknown_references_missing_sources_and_duplicates_are_rejected() {
    let people = format!("{PEOPLE}a\tAgain A\t\tjp\thttps://example.org/a2\nc\tCee C\t\tzz\tftp://example.org\n");
    let terms = format!("{TERMS_HEADER}nobody\tjp-pm\t2020-01-01\t\t\thttps://example.org\t\na\tno-office\t2020-01-01\t\t\t\t\n");
    let errs: Vec<String> = table(&people, &terms).unwrap_err().iter().map(|e| e.to_string()).collect();
    for want in [
        "duplicate person id \"a\"", "unknown country \"zz\"", "is not an http(s) URL", "unknown person \"nobody\"", "unknown office \"no-office\"",
        "no source",
    ] {
        assert!(errs.iter().any(|e| e.contains(want)), "missing {want:?} in {errs:?}");
    }
}

#[test]
fn lint_finds_overlaps_reversed_terms_late_dates_and_shared_aliases() {
    let people = "id\tname\taliases\tcountry\tsource\na\tAko A\tSame\tjp\thttps://example.org/a\nb\tBen B\tSame\tjp\thttps://example.org/b\n";
    let terms = format!(
        "{TERMS_HEADER}a\tjp-pm\t2020-01-01\t2021-06-01\t\thttps://example.org\t\nb\tjp-pm\t2021-01-01\t2020-12-01\t\thttps://example.org\t\nb\tjp-pm\t2025-01-01\t2025-08-01\t\thttps://example.org\t\n"
    );
    let t = table(people, &terms).expect("loads");
    let errs: Vec<String> = t.lint().iter().map(|e| e.to_string()).collect();
    for want in ["overlaps", "ends (2020-12-01) before it starts", "after the table's as_of", "alias \"same\" is shared"] {
        assert!(errs.iter().any(|e| e.contains(want)), "missing {want:?} in {errs:?}");
    }
    assert!(errs.iter().all(|e| e.starts_with("data/")), "{errs:?}");
}

#[test]
fn a_missing_as_of_date_is_an_error() {
    let errs = Table::from_files(&[("data/meta.tsv", "key\tvalue\n")]).unwrap_err();
    assert!(errs[0].reason.contains("no as_of"));
}

#[test]
fn a_huge_block_is_checked_in_linear_time_and_loses_nothing() {
    let c = factflag::Checker::bundled().unwrap();
    let para = "Sweden joined NATO in 2023. President Biden spoke about the weather, the economy and more. ";
    let block = para.repeat(20_000); // ~1.8 MB in one block
    let r = c.check(&[block.as_str()], "2024-10-19".parse().unwrap());
    assert_eq!(r.counts.contradicted, 20_000);
    assert_eq!(r.counts.supported, 20_000);
    // A run without sentence breaks is skipped, not stalled on.
    let wall = "x".repeat(3_000_000) + " President Harris";
    let r = c.check(&[wall.as_str()], "2024-10-19".parse().unwrap());
    assert_eq!(r.counts.claims, 0);
}

/// The honorific cell is empty or the page that states the convention; anything else is
/// rejected with the file and line.
#[test]
fn an_honorific_convention_needs_a_source_url() {
    let offices = "id\tname\tjurisdiction\ttitles\tkind\tsource\thonorific\njp-pm\tPrime Minister of Japan\tjp\tprime minister\thead_of_government\thttps://example.org/pm\tyes\n";
    let files = [("data/meta.tsv", META), ("data/countries/x.tsv", COUNTRIES), ("data/offices/x.tsv", offices)];
    let errs: Vec<String> = Table::from_files(&files).unwrap_err().iter().map(|e| e.to_string()).collect();
    assert!(errs.iter().any(|e| e.starts_with("data/offices/x.tsv:2:") && e.contains("not an http(s) URL")), "{errs:?}");
    let ok = offices.replace("\tyes\n", "\thttps://example.org/convention\n");
    let files = [("data/meta.tsv", META), ("data/countries/x.tsv", COUNTRIES), ("data/offices/x.tsv", ok.as_str())];
    let t = Table::from_files(&files).expect("loads");
    assert_eq!(t.offices[0].honorific.as_deref(), Some("https://example.org/convention"));
}
