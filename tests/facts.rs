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
    // A run without sentence breaks is read in pieces, not stalled on or skipped: the claim
    // at its end is found.
    let wall = "x".repeat(3_000_000) + " President Harris";
    let r = c.check(&[wall.as_str()], "2024-10-19".parse().unwrap());
    assert_eq!(r.counts.claims, 1);
    assert_eq!(r.findings[0].quote, "President Harris");
    assert_eq!(r.findings[0].start, 3_000_001);
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

fn lint_of(files: &[(&str, &str)]) -> Vec<String> {
    Table::from_files(files).expect("loads").lint().iter().map(|e| e.to_string()).collect()
}

/// After 2000 an office passes from holder to holder with no gap over 30 days, unless the row
/// after the gap says it is deliberate ("gap: …"), or the last row says the office ended.
#[test]
fn lint_finds_gaps_between_holders_unless_a_note_explains_them() {
    let terms = format!("{TERMS_HEADER}a\tjp-pm\t2000-01-01\t2010-01-01\t\thttps://example.org\t\nb\tjp-pm\t2010-06-01\t2020-01-01\t\thttps://example.org\t\n");
    let t = table(PEOPLE, &terms).expect("loads");
    let errs: Vec<String> = t.lint().iter().map(|e| e.to_string()).collect();
    assert!(errs.iter().any(|e| e.starts_with("data/terms/x.tsv:3:") && e.contains("no holder from 2010-01-01 to 2010-06-01")), "{errs:?}");
    // The last holder left in 2020 and nobody follows: the office stands empty to as_of.
    assert!(errs.iter().any(|e| e.contains("no holder from 2020-01-01 to 2025-06-30")), "{errs:?}");
    let explained = terms.replace(
        "2010-06-01\t2020-01-01\t\thttps://example.org\t",
        "2010-06-01\t2020-01-01\t\thttps://example.org\tgap: caretaker cabinet, no prime minister; abolished: 2020",
    );
    let errs: Vec<String> = table(PEOPLE, &explained).expect("loads").lint().iter().map(|e| e.to_string()).collect();
    assert!(!errs.iter().any(|e| e.contains("no holder")), "{errs:?}");
}

/// An office confirmed only to an earlier date: the date is within the table, and no term
/// reaches past it; claims after it are not checked.
#[test]
fn lint_checks_verified_through_dates() {
    let terms = format!("{TERMS_HEADER}a\tjp-pm\t2000-01-01\t\t\thttps://example.org\t\n");
    let late = "office\tverified_through\tsource\tnote\njp-pm\t2026-01-01\thttps://example.org/v\t\n";
    let files = [
        ("data/meta.tsv", META),
        ("data/countries/x.tsv", COUNTRIES),
        ("data/offices/x.tsv", OFFICES),
        ("data/people/x.tsv", PEOPLE),
        ("data/terms/x.tsv", terms.as_str()),
        ("data/verified.tsv", late),
    ];
    let errs = lint_of(&files);
    assert!(errs.iter().any(|e| e.starts_with("data/offices/x.tsv:2:") && e.contains("after the table's as_of")), "{errs:?}");
    let early = "office\tverified_through\tsource\tnote\njp-pm\t2024-01-01\thttps://example.org/v\t\n";
    let closed = format!("{TERMS_HEADER}a\tjp-pm\t2000-01-01\t2024-06-01\t\thttps://example.org\t\n");
    let files = [
        ("data/meta.tsv", META),
        ("data/countries/x.tsv", COUNTRIES),
        ("data/offices/x.tsv", OFFICES),
        ("data/people/x.tsv", PEOPLE),
        ("data/terms/x.tsv", closed.as_str()),
        ("data/verified.tsv", early),
    ];
    let errs = lint_of(&files);
    assert!(errs.iter().any(|e| e.starts_with("data/terms/x.tsv:2:") && e.contains("verified_through")), "{errs:?}");
    // With an open term, the office is covered to its verified date, not to as_of.
    let files = [
        ("data/meta.tsv", META),
        ("data/countries/x.tsv", COUNTRIES),
        ("data/offices/x.tsv", OFFICES),
        ("data/people/x.tsv", PEOPLE),
        ("data/terms/x.tsv", terms.as_str()),
        ("data/verified.tsv", early),
    ];
    let t = Table::from_files(&files).expect("loads");
    assert_eq!(t.covered(0).to_string(), "2024-01-01");
    assert!(t.lint().is_empty(), "{:?}", t.lint());
    let bad = "office\tverified_through\tsource\tnote\nno-such\t2024-01-01\tftp://x\t\n";
    let files = [("data/meta.tsv", META), ("data/countries/x.tsv", COUNTRIES), ("data/offices/x.tsv", OFFICES), ("data/verified.tsv", bad)];
    let errs: Vec<String> = Table::from_files(&files).unwrap_err().iter().map(|e| e.to_string()).collect();
    assert!(errs.iter().any(|e| e.starts_with("data/verified.tsv:2:") && e.contains("unknown office")), "{errs:?}");
    assert!(errs.iter().any(|e| e.starts_with("data/verified.tsv:2:") && e.contains("not an http(s) URL")), "{errs:?}");
}

/// Nobody holds office after their death.
#[test]
fn lint_finds_terms_after_a_death() {
    let terms = format!("{TERMS_HEADER}a\tjp-pm\t2000-01-01\t2010-01-01\t\thttps://example.org\t\nb\tjp-pm\t2010-01-01\t\t\thttps://example.org\t\n");
    let deaths = "person\tdied\tsource\nb\t2015-03-01\thttps://example.org/d\n";
    let files = [
        ("data/meta.tsv", META),
        ("data/countries/x.tsv", COUNTRIES),
        ("data/offices/x.tsv", OFFICES),
        ("data/people/x.tsv", PEOPLE),
        ("data/terms/x.tsv", terms.as_str()),
        ("data/deaths.tsv", deaths),
    ];
    let errs = lint_of(&files);
    assert!(errs.iter().any(|e| e.starts_with("data/terms/x.tsv:3:") && e.contains("died on 2015-03-01")), "{errs:?}");
    let t = Table::from_files(&files).unwrap();
    assert_eq!(t.people[1].died.as_ref().map(|d| d.0.to_string()).as_deref(), Some("2015-03-01"));
}

/// The founders cell of an organisation and its founding-member rows agree.
#[test]
fn lint_finds_founders_that_disagree_with_founding_member_rows() {
    let orgs = "id\tname\taliases\tfounded\tfounded_alt\tfounders\tmembers_complete\tsource\nx\tX Org\t\t2001\t\tjp\tno\thttps://example.org/x\n";
    let members = "country\torg\trole\tjoined\tleft\tsource\njp\tx\tfounding-member\t2001\t\thttps://example.org/m\nus\tx\tfounding-member\t2001\t\thttps://example.org/m\n";
    let files = [("data/meta.tsv", META), ("data/countries/x.tsv", COUNTRIES), ("data/orgs.tsv", orgs), ("data/memberships.tsv", members)];
    let errs = lint_of(&files);
    assert!(errs.iter().any(|e| e.starts_with("data/orgs.tsv:2:") && e.contains("rows only [us]")), "{errs:?}");
    let fixed = orgs.replace("\tjp\tno", "\tjp;us\tno");
    let files = [("data/meta.tsv", META), ("data/countries/x.tsv", COUNTRIES), ("data/orgs.tsv", fixed.as_str()), ("data/memberships.tsv", members)];
    assert!(lint_of(&files).is_empty());
}

/// `factflag facts due`: an election due by the table's own cycle, and an office confirmed
/// only to an earlier date.
#[test]
fn due_lists_elections_by_their_cycle_and_offices_to_confirm() {
    let terms = format!("{TERMS_HEADER}a\tjp-pm\t2000-01-01\t\t\thttps://example.org\t\n");
    let elections = "country\tkind\toffice\tdate\tother_dates\twinner\tfirst\trunner_up\tsource\njp\tgeneral\tjp-pm\t2013-07-01\t\t\t\t\thttps://example.org/e\njp\tgeneral\tjp-pm\t2017-07-01\t\t\t\t\thttps://example.org/e\njp\tgeneral\tjp-pm\t2021-07-01\t\t\t\t\thttps://example.org/e\n";
    let verified = "office\tverified_through\tsource\tnote\njp-pm\t2024-01-01\thttps://example.org/v\t\n";
    let files = [
        ("data/meta.tsv", META),
        ("data/countries/x.tsv", COUNTRIES),
        ("data/offices/x.tsv", OFFICES),
        ("data/people/x.tsv", PEOPLE),
        ("data/terms/x.tsv", terms.as_str()),
        ("data/elections/x.tsv", elections),
        ("data/verified.tsv", verified),
    ];
    let t = Table::from_files(&files).unwrap();
    let due = t.due("2025-12-01".parse().unwrap());
    assert!(due.iter().any(|d| d.subject == "jp" && d.since.to_string() == "2025-07-01" && d.what.contains("general election in Japan")), "{due:?}");
    assert!(due.iter().any(|d| d.subject == "jp-pm" && d.since.to_string() == "2024-01-01" && d.what.contains("confirm")), "{due:?}");
    // Before the election falls due, only the office is listed.
    assert!(!t.due("2025-01-01".parse().unwrap()).iter().any(|d| d.subject == "jp"));
}

/// `factflag facts due`: a term past the office's usual length, and an office nobody holds is
/// not listed for confirmation.
#[test]
fn due_lists_terms_past_their_usual_length_and_skips_offices_nobody_holds() {
    let people = "id\tname\taliases\tcountry\tsource\na\tAko A\t\tjp\thttps://example.org/a\nb\tBen B\t\tjp\thttps://example.org/b\nc\tCai C\t\tjp\thttps://example.org/c\nd\tDan D\t\tjp\thttps://example.org/d\n";
    let terms = format!("{TERMS_HEADER}a\tjp-pm\t2008-01-01\t2012-01-01\t\thttps://example.org\t\nb\tjp-pm\t2012-01-01\t2016-01-01\t\thttps://example.org\t\nc\tjp-pm\t2016-01-01\t2022-01-01\t\thttps://example.org\t\nd\tjp-pm\t2022-01-01\t\t\thttps://example.org\t\n");
    let t = table(people, &terms).expect("loads");
    // Terms of 4, 4 and 6 years: the usual term is 4 years, which the open one passes after
    // the table's as_of (2025-06-30).
    let due = t.due("2026-03-01".parse().unwrap());
    assert!(due.iter().any(|d| d.subject == "jp-pm" && d.what.contains("usual term (4.0 years)") && d.since.to_string() == "2026-01-01"), "{due:?}");
    assert!(!t.due("2025-09-01".parse().unwrap()).iter().any(|d| d.subject == "jp-pm"));
    let closed = terms.replace("d\tjp-pm\t2022-01-01\t\t", "d\tjp-pm\t2022-01-01\t2024-01-01\t");
    let closed = closed.replace("\thttps://example.org\t\n", "\thttps://example.org\tabolished: test\n");
    let t = table(people, &closed).expect("loads");
    assert!(t.due("2026-03-01".parse().unwrap()).iter().all(|d| d.subject != "jp-pm"), "{:?}", t.due("2026-03-01".parse().unwrap()));
}

/// A surname alias that is another person's surname must be marked shared, even when the
/// namesake does not carry it as an alias ("Blair" for Tony Blair and Bill Blair).
#[test]
fn lint_finds_an_alias_that_is_a_namesakes_surname() {
    let people = "id\tname\taliases\tcountry\tsource\na\tAko Blair\tBlair\tjp\thttps://example.org/a\nb\tBen Blair\t\tjp\thttps://example.org/b\n";
    let t = table(people, TERMS_HEADER).expect("loads");
    let errs: Vec<String> = t.lint().iter().map(|e| e.to_string()).collect();
    assert!(errs.iter().any(|e| e.starts_with("data/people/x.tsv:2:") && e.contains("also the surname of Ben Blair")), "{errs:?}");
    // Marked on both sides, it passes.
    let ok = "id\tname\taliases\tcountry\tsource\na\tAko Blair\t?Blair\tjp\thttps://example.org/a\nb\tBen Blair\t?Blair\tjp\thttps://example.org/b\n";
    let errs: Vec<String> = table(ok, TERMS_HEADER).expect("loads").lint().iter().map(|e| e.to_string()).collect();
    assert!(errs.iter().all(|e| !e.contains("surname")), "{errs:?}");
}

#[test]
fn a_membership_may_span_its_stages_but_not_backwards() {
    let orgs = "id\tname\taliases\tfounded\tfounded_alt\tfounders\tmembers_complete\tsource\nsa\tStaged Area\tSA\t1995\t\t\tyes\thttps://example.org/sa\n";
    let rows = |joined: &str| format!("country\torg\trole\tjoined\tleft\tsource\njp\tsa\tmember\t{joined}\t\thttps://example.org/jp\n");
    let load = |joined: &str| {
        Table::from_files(&[("data/meta.tsv", META), ("data/countries/x.tsv", COUNTRIES), ("data/orgs.tsv", orgs), ("data/memberships.tsv", &rows(joined))])
    };
    let t = load("2024-03-31/2025-01-01").expect("a span in order loads");
    let m = &t.memberships[0];
    assert_eq!((m.joined.start.to_string(), m.joined.end.to_string()), ("2024-03-31".to_string(), "2025-01-01".to_string()));
    for bad in ["2025-01-01/2024-03-31", "2024-03-31/", "2024/2024"] {
        let errs: Vec<String> = load(bad).unwrap_err().iter().map(|e| e.to_string()).collect();
        assert!(errs.iter().any(|e| e.starts_with("data/memberships.tsv:2:") && e.contains("is not a date")), "{bad}: {errs:?}");
    }
}

#[test]
fn a_founder_with_no_row_is_accepted_only_where_the_list_is_not_complete() {
    let lint = |complete: &str| {
        let orgs = format!("id\tname\taliases\tfounded\tfounded_alt\tfounders\tmembers_complete\tsource\nsa\tStaged Area\tSA\t1995\t\tjp;us\t{complete}\thttps://example.org/sa\n");
        let rows = "country\torg\trole\tjoined\tleft\tsource\njp\tsa\tfounding-member\t1995\t\thttps://example.org/jp\n";
        let t = Table::from_files(&[("data/meta.tsv", META), ("data/countries/x.tsv", COUNTRIES), ("data/orgs.tsv", &orgs), ("data/memberships.tsv", rows)])
            .expect("loads");
        t.lint().iter().map(|e| e.to_string()).collect::<Vec<_>>()
    };
    assert!(lint("no").is_empty(), "{:?}", lint("no"));
    assert!(lint("yes").iter().any(|e| e.contains("founders of sa disagree") && e.contains("founders cell only [us]")), "{:?}", lint("yes"));
}

#[test]
fn founding_places_and_capitals_load_and_bad_rows_are_named() {
    let orgs = "id\tname\taliases\tfounded\tfounded_alt\tfounders\tmembers_complete\tsource\nsa\tStaged Area\tSA\t1995\t\t\tno\thttps://example.org/sa\n";
    let load = |founding: &str, capitals: &str| {
        Table::from_files(&[
            ("data/meta.tsv", META),
            ("data/countries/x.tsv", COUNTRIES),
            ("data/orgs.tsv", orgs),
            ("data/founding.tsv", &format!("org\tplaces\tevent\tsource\tnote\n{founding}")),
            ("data/capitals.tsv", &format!("country\tcapitals\tsource\n{capitals}")),
        ])
    };
    let t = load("sa\tSchengen;Schengen-sur-Moselle\tsigned\thttps://example.org/sa\t\n", "jp\tTokyo\thttps://example.org/jp\n").expect("good rows load");
    assert_eq!(t.orgs[0].founded_in.iter().map(|p| p.as_ref()).collect::<Vec<_>>(), ["Schengen", "Schengen-sur-Moselle"]);
    assert_eq!(t.orgs[0].founded_in_source, "https://example.org/sa");
    assert_eq!(t.countries[0].capitals.iter().map(|p| p.as_ref()).collect::<Vec<_>>(), ["Tokyo"]);
    for (founding, capitals, line, want) in [
        ("xx\tParis\tsigned\thttps://example.org\t\n", "", "data/founding.tsv:2:", "unknown organisation \"xx\""),
        ("sa\t\tsigned\thttps://example.org\t\n", "", "data/founding.tsv:2:", "no place"),
        ("sa\t1995\tsigned\thttps://example.org\t\n", "", "data/founding.tsv:2:", "is not a place name"),
        ("sa\tParis\tsigned\t\t\n", "", "data/founding.tsv:2:", "no source"),
        ("sa\tParis\tsigned\thttps://example.org\t\nsa\tRome\tsigned\thttps://example.org\t\n", "", "data/founding.tsv:3:", "on another row too"),
        ("", "zz\tNowhere\thttps://example.org\n", "data/capitals.tsv:2:", "unknown country \"zz\""),
        ("", "jp\tparis\thttps://example.org\n", "data/capitals.tsv:2:", "is not a place name"),
    ] {
        let errs: Vec<String> = load(founding, capitals).unwrap_err().iter().map(|e| e.to_string()).collect();
        assert!(errs.iter().any(|e| e.starts_with(line) && e.contains(want)), "{want}: {errs:?}");
    }
}

#[test]
fn a_place_of_founding_cites_the_row_that_says_where() {
    let checker = factflag::Checker::bundled().expect("bundled table loads");
    let t = checker.table();
    let asean = t.orgs.iter().find(|o| o.id == "asean").expect("ASEAN is in the table");
    assert!(!asean.founded_in_source.is_empty() && asean.founded_in_source != asean.source);
    let day = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    for (text, verdict) in
        [("ASEAN was founded in Manila in 1967.", factflag::Verdict::Contradicted), ("ASEAN was founded in Bangkok in 1967.", factflag::Verdict::Supported)]
    {
        let r = checker.check(&[text], day);
        let f = r.findings.iter().find(|f| f.quote.contains("founded")).unwrap_or_else(|| panic!("{text}: no finding"));
        assert_eq!(f.verdict, verdict, "{text}");
        assert!(f.sources.iter().any(|s| *s == asean.founded_in_source) && f.sources.iter().any(|s| *s == asean.source), "{text}: {:?}", f.sources);
    }
}

/// An election's `first` column names leaders of a first-placed party who did not win; the
/// winner there, or an unknown person, is an error with its file and line.
#[test]
fn an_elections_first_party_leaders_and_runner_up_are_people_other_than_the_winner() {
    let terms = format!("{TERMS_HEADER}a\tjp-pm\t2000-01-01\t2012-12-26\t\thttps://example.org\t\nb\tjp-pm\t2012-12-26\t\t\thttps://example.org\t\n");
    let header = "country\tkind\toffice\tdate\tother_dates\twinner\tfirst\trunner_up\tsource\n";
    let load = |row: &str| {
        let elections = format!("{header}{row}");
        Table::from_files(&[
            ("data/meta.tsv", META),
            ("data/countries/x.tsv", COUNTRIES),
            ("data/offices/x.tsv", OFFICES),
            ("data/people/x.tsv", PEOPLE),
            ("data/terms/x.tsv", terms.as_str()),
            ("data/elections/x.tsv", elections.as_str()),
        ])
    };
    let good = load("jp\tgeneral\tjp-pm\t2012-12-16\t\tb\ta\t\thttps://example.org/e\n").expect("loads");
    assert_eq!(good.elections[0].first, vec![0]);
    let runoff = load("jp\tpresidential\tjp-pm\t2012-12-16\t2012-12-02\tb\t\ta\thttps://example.org/e\n").expect("loads");
    assert_eq!(runoff.elections[0].runner_up, Some(0));
    for (row, says) in [
        ("jp\tgeneral\tjp-pm\t2012-12-16\t\tb\tb\t\thttps://example.org/e\n", "first names the winner"),
        ("jp\tgeneral\tjp-pm\t2012-12-16\t\tb\tzed\t\thttps://example.org/e\n", "unknown person \"zed\""),
        // A runner-up is the loser of a runoff: never the winner, never of a one-round vote.
        ("jp\tpresidential\tjp-pm\t2012-12-16\t2012-12-02\tb\t\tb\thttps://example.org/e\n", "runner_up is the loser of a runoff"),
        ("jp\tpresidential\tjp-pm\t2012-12-16\t\tb\t\ta\thttps://example.org/e\n", "runner_up is the loser of a runoff"),
    ] {
        let errs: Vec<String> = load(row).expect_err("rejected").iter().map(|e| e.to_string()).collect();
        assert!(errs.iter().any(|e| e.starts_with("data/elections/x.tsv:2:") && e.contains(says)), "{errs:?}");
    }
}
