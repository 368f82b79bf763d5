//! The data-driven claim corpus (`tests/claims/*.toml`), run natively by `cargo test` and
//! against the wasm build by `wasm-pack test --node`.
use factflag::{Checker, Detail, Verdict};
use serde::Deserialize;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test;

const FILES: &[(&str, &str)] = &[
    ("office.toml", include_str!("claims/office.toml")),
    ("succession.toml", include_str!("claims/succession.toml")),
    ("founding.toml", include_str!("claims/founding.toml")),
    ("membership.toml", include_str!("claims/membership.toml")),
    ("election.toml", include_str!("claims/election.toml")),
    ("ambiguity.toml", include_str!("claims/ambiguity.toml")),
    ("typeset.toml", include_str!("claims/typeset.toml")),
    ("qualified_titles.toml", include_str!("claims/qualified_titles.toml")),
    ("dates_and_assertions.toml", include_str!("claims/dates_and_assertions.toml")),
    ("wrong_holders.toml", include_str!("claims/wrong_holders.toml")),
    ("proposals.toml", include_str!("claims/proposals.toml")),
    ("summits.toml", include_str!("claims/summits.toml")),
    ("members.toml", include_str!("claims/members.toml")),
    ("shapes.toml", include_str!("claims/shapes.toml")),
    ("readings.toml", include_str!("claims/readings.toml")),
    ("members2.toml", include_str!("claims/members2.toml")),
    ("parties.toml", include_str!("claims/parties.toml")),
    ("agency.toml", include_str!("claims/agency.toml")),
    ("tenure.toml", include_str!("claims/tenure.toml")),
    ("heads3.toml", include_str!("claims/heads3.toml")),
    ("hist.toml", include_str!("claims/hist.toml")),
    ("speakers_and_days.toml", include_str!("claims/speakers_and_days.toml")),
];

#[derive(Deserialize)]
struct File {
    #[serde(default)]
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    text: Option<String>,
    blocks: Option<Vec<String>>,
    date: String,
    expect: Vec<Expect>,
}

#[derive(Deserialize)]
struct Expect {
    quote: String,
    verdict: String,
    explains: Option<String>,
    /// The rule that must have decided it (`Reason`, snake_case: `former_holder`).
    reason: Option<String>,
    #[serde(default)]
    exact: bool,
}

/// A reason as the TOML files write it.
fn reason_name(r: factflag::Reason) -> String {
    serde_json::to_value(r).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// How many cases expect a warning, and how many expect none anywhere (must-not-flag): the
/// corpus holds both directions, and the second kind must outnumber the first.
fn directions() -> (usize, usize) {
    let (mut flag, mut quiet) = (0, 0);
    for (name, src) in FILES {
        let file: File = toml::from_str(src).unwrap_or_else(|e| panic!("{name}: {e}"));
        for case in &file.case {
            if case.expect.iter().any(|e| e.verdict == "contradicted") {
                flag += 1;
            } else {
                quiet += 1;
            }
        }
    }
    (flag, quiet)
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
fn the_corpus_holds_both_directions() {
    let (flag, quiet) = directions();
    assert!(quiet >= 400, "{quiet} must-not-flag cases; the corpus needs at least 400");
    assert!(flag >= 150, "{flag} contradicted cases; the corpus needs at least 150");
}

/// Runs every case; returns (cases run, failures).
fn run() -> (usize, Vec<String>) {
    let checker = Checker::bundled().expect("bundled table loads");
    let mut failures = Vec::new();
    let mut count = 0;
    for (name, src) in FILES {
        let file: File = toml::from_str(src).unwrap_or_else(|e| panic!("{name}: {e}"));
        for (i, case) in file.case.iter().enumerate() {
            count += 1;
            let blocks = case.blocks.clone().unwrap_or_else(|| vec![case.text.clone().expect("text or blocks")]);
            let date = case.date.parse().expect("case date");
            let report = checker.check(&blocks, date);
            let label = format!("{name} case {} ({:?})", i + 1, blocks.join(" / "));
            let shown = || {
                report
                    .findings
                    .iter()
                    .map(|f| format!("[{:?} {} {:?}: {}]", f.verdict, reason_name(f.reason), f.quote, f.explanation))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            for e in &case.expect {
                let matching: Vec<_> = report.findings.iter().filter(|f| if e.exact { f.quote == e.quote } else { f.quote.contains(&e.quote) }).collect();
                let ok = match e.verdict.as_str() {
                    "unflagged" => matching.iter().all(|f| f.verdict != Verdict::Contradicted),
                    v => matching.iter().any(|f| {
                        format!("{:?}", f.verdict).to_lowercase() == v
                            && e.explains.as_ref().is_none_or(|x| f.explanation.contains(x.as_str()))
                            && e.reason.as_ref().is_none_or(|r| reason_name(f.reason) == *r)
                    }),
                };
                if !ok {
                    failures.push(format!(
                        "{label}: expected {} on {:?}{}{}; got {}",
                        e.verdict,
                        e.quote,
                        e.explains.as_ref().map(|x| format!(" explaining {x:?}")).unwrap_or_default(),
                        e.reason.as_ref().map(|r| format!(" for reason {r:?}")).unwrap_or_default(),
                        shown()
                    ));
                }
            }
            // No warning that the case does not expect.
            for f in report.findings.iter().filter(|f| f.verdict == Verdict::Contradicted) {
                let expected = case.expect.iter().any(|e| e.verdict == "contradicted" && f.quote.contains(&e.quote));
                if !expected {
                    failures.push(format!("{label}: unexpected warning on {:?}: {}", f.quote, f.explanation));
                }
            }
            // Every warning about an office names that office, as the table names it ("Prime
            // Minister of Japan"), never another country's or body's.
            for f in report.findings.iter().filter(|f| f.verdict == Verdict::Contradicted && f.family == factflag::claims::Family::Office) {
                let table = checker.table();
                for id in &f.claim.offices {
                    let office = table.offices.iter().find(|o| &*o.id == id).expect("a claim's office is in the table");
                    if !f.explanation.contains(&*office.name) {
                        failures.push(format!("{label}: the warning on {:?} does not name {}: {}", f.quote, office.name, f.explanation));
                    }
                }
            }
            // A check that writes out only the marked findings (what the extension asks for)
            // finds and judges the same claims, and writes the same words for those it reports.
            for (supported, unknown) in [(false, false), (true, false), (true, true)] {
                let marked = checker.check_with(&blocks, date, Detail::Marked { supported, unknown });
                let key = |f: &factflag::Finding| {
                    (f.block, f.start, f.end, f.start_utf16, f.end_utf16, f.quote.clone(), f.verdict, f.explanation.clone(), f.sources.clone())
                };
                let want: Vec<_> = report
                    .findings
                    .iter()
                    .filter(|f| unknown || f.verdict == Verdict::Contradicted || (supported && f.verdict == Verdict::Supported))
                    .map(key)
                    .collect();
                let got: Vec<_> = marked.findings.iter().map(key).collect();
                if got != want {
                    failures
                        .push(format!("{label}: marked findings (supported: {supported}, unknown: {unknown}) differ from the full check's:\n  full   {want:?}\n  marked {got:?}"));
                }
                let counts = |r: &factflag::Report| (r.counts.claims, r.counts.contradicted, r.counts.supported, r.counts.unknown);
                if counts(&marked) != counts(&report) {
                    failures.push(format!("{label}: marked counts {:?} differ from the full check's {:?}", counts(&marked), counts(&report)));
                }
            }
            // Offsets agree with the quote, in bytes and in UTF-16.
            for f in &report.findings {
                let b = &blocks[f.block];
                assert_eq!(&b[f.start..f.end], f.quote);
                let u: Vec<u16> = b.encode_utf16().collect();
                assert_eq!(String::from_utf16(&u[f.start_utf16..f.end_utf16]).unwrap(), f.quote, "{label}: UTF-16 offsets");
            }
        }
    }
    (count, failures)
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
fn claim_corpus() {
    let (count, failures) = run();
    assert!(count >= 700, "the corpus has {count} cases; it should have at least 700");
    assert!(failures.is_empty(), "{} of {count} cases failed:\n{}", failures.len(), failures.join("\n"));
}

/// Every file in `tests/claims/` is in [`FILES`]: a file left out would never run.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn every_corpus_file_is_read() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/claims");
    let mut on_disk: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).filter(|n| n.ends_with(".toml")).collect();
    on_disk.sort();
    let mut listed: Vec<String> = FILES.iter().map(|(n, _)| n.to_string()).collect();
    listed.sort();
    assert_eq!(on_disk, listed, "tests/claims/*.toml and FILES in tests/corpus.rs differ");
}
