//! The `factflag` command line, run as a user would.
#![cfg(not(target_arch = "wasm32"))]
use std::process::Command;

fn factflag(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_factflag")).args(args).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap()
}

#[test]
fn check_prints_json_with_the_pages_date_and_findings() {
    let out = factflag(&["check", "tests/e2e/fixtures/strict.html", "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["reference_date"], "2024-10-19");
    assert_eq!(v["facts_as_of"], "2026-06-30");
    let quotes: Vec<&str> = v["findings"].as_array().unwrap().iter().map(|f| f["quote"].as_str().unwrap()).collect();
    assert_eq!(quotes, vec!["President Harris", "Chancellor Friedrich Merz"]);
    assert!(v["findings"].as_array().unwrap().iter().all(|f| f["verdict"] == "contradicted" && f["sources"][0].as_str().unwrap().starts_with("https://")));
}

#[test]
fn date_flag_overrides_the_page_and_fail_flag_sets_the_exit_code() {
    let out = factflag(&["check", "tests/e2e/fixtures/strict.html", "--date", "2025-06-01", "--fail-on-contradiction"]);
    // In June 2025 Merz is chancellor; Harris still never was president.
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("1 contradicted, 1 supported"), "{text}");
}

#[test]
fn a_missing_file_or_a_bad_date_is_a_clear_error() {
    let out = factflag(&["check", "no/such/page.html"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read no/such/page.html"));
    let out = factflag(&["check", "tests/e2e/fixtures/strict.html", "--date", "19/10/2024"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a date"));
    // Text that is not UTF-8 is refused, not silently replaced.
    let bad = std::env::temp_dir().join(format!("factflag-latin1-{}.txt", std::process::id()));
    std::fs::write(&bad, b"President Biden \xe9t\xe9 spoke on Tuesday.").unwrap();
    let out = factflag(&["check", bad.to_str().unwrap(), "--date", "2024-01-10"]);
    std::fs::remove_file(&bad).ok();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("not UTF-8 text (the first invalid byte is at offset 16)"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn facts_stats_json_and_lint() {
    let out = factflag(&["facts", "stats", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for k in ["people", "offices", "terms", "organisations", "memberships", "elections"] {
        assert!(v[k].as_u64().unwrap() > 0, "{k}");
    }
    assert!(v["terms"].as_u64().unwrap() >= 800 && v["people"].as_u64().unwrap() >= 400 && v["elections"].as_u64().unwrap() >= 60);
    assert!(v["organisations_with_members"].as_u64().unwrap() >= 30);
    assert!(factflag(&["facts", "lint"]).status.success());
}

#[test]
fn claimreview_output_has_schema_org_shapes_and_matches_the_verdicts() {
    // schema.org's properties for each type used (https://schema.org/ClaimReview and the types
    // it refers to); every property written must be one of its type's, and the ones Google's
    // fact-check markup requires must be there.
    let allowed = |t: &str| -> &[&str] {
        match t {
            "ClaimReview" => &[
                "@context", "@type", "url", "inLanguage", "claimReviewed", "datePublished", "author", "reviewRating", "itemReviewed", "reviewBody", "citation",
            ],
            "Rating" => &["@type", "ratingValue", "bestRating", "worstRating", "alternateName"],
            "Claim" => &["@type", "datePublished", "appearance", "author"],
            "CreativeWork" => &["@type", "url", "datePublished"],
            "Organization" => &["@type", "name", "url"],
            _ => panic!("unexpected @type {t}"),
        }
    };
    fn walk(v: &serde_json::Value, allowed: &dyn Fn(&str) -> &'static [&'static str]) {
        if let Some(o) = v.as_object() {
            if let Some(t) = o.get("@type").and_then(|t| t.as_str()) {
                for k in o.keys() {
                    assert!(allowed(t).contains(&k.as_str()), "{t} has no property {k}");
                }
            }
            for x in o.values() {
                walk(x, allowed);
            }
        }
    }
    let page = "extension/demo/index.html";
    let out = factflag(&["check", page, "--format", "claimreview", "--url", "https://news.example/story"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let reviews: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let reviews = reviews.as_array().unwrap();
    let report: serde_json::Value = serde_json::from_slice(&factflag(&["check", page, "--format", "json"]).stdout).unwrap();
    let settled: Vec<&serde_json::Value> = report["findings"].as_array().unwrap().iter().filter(|f| f["verdict"] != "unknown").collect();
    assert_eq!(reviews.len(), settled.len());
    assert!(settled.iter().any(|f| f["verdict"] == "contradicted"));
    for (r, f) in reviews.iter().zip(settled) {
        walk(r, &|t| allowed(t));
        assert_eq!(r["@context"], "https://schema.org");
        assert_eq!(r["@type"], "ClaimReview");
        assert_eq!(r["url"], "https://news.example/story");
        assert_eq!(r["claimReviewed"], f["quote"]);
        assert_eq!(r["itemReviewed"]["@type"], "Claim");
        assert_eq!(r["itemReviewed"]["appearance"]["url"], "https://news.example/story");
        assert_eq!(r["itemReviewed"]["datePublished"], report["reference_date"]);
        assert_eq!(r["author"]["@type"], "Organization");
        let rating = &r["reviewRating"];
        let (value, name) = if f["verdict"] == "contradicted" { (1, "False") } else { (5, "True") };
        assert_eq!((rating["ratingValue"].as_i64().unwrap(), rating["alternateName"].as_str().unwrap()), (value, name));
        assert_eq!((rating["bestRating"].as_i64(), rating["worstRating"].as_i64()), (Some(5), Some(1)));
        assert_eq!(r["citation"], f["sources"]);
        assert!(r["datePublished"].as_str().unwrap().len() == 10);
    }
    assert!(reviews.iter().all(
        |r| r["inLanguage"] == "en" && r["reviewBody"].as_str().unwrap().ends_with(&format!("(Facts as of {}.)", report["facts_as_of"].as_str().unwrap()))
    ));
    // In German: the same reviews, their body and rating's name in German, and said so.
    let out = factflag(&["check", page, "--format", "claimreview", "--url", "https://news.example/story", "--lang", "de"]);
    let german: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let german = german.as_array().unwrap();
    assert_eq!(german.len(), reviews.len());
    for (g, r) in german.iter().zip(reviews) {
        walk(g, &|t| allowed(t));
        assert_eq!(
            (&g["inLanguage"], &g["claimReviewed"], &g["reviewRating"]["ratingValue"]),
            (&"de".into(), &r["claimReviewed"], &r["reviewRating"]["ratingValue"])
        );
        let name = if r["reviewRating"]["alternateName"] == "False" { "Falsch" } else { "Richtig" };
        assert_eq!(g["reviewRating"]["alternateName"], name);
        assert!(g["reviewBody"].as_str().unwrap().contains("(Faktenstand "), "{}", g["reviewBody"]);
        assert_ne!(g["reviewBody"], r["reviewBody"]);
    }
    // Standard input has no address of its own.
    let out = factflag(&["check", "-", "--format", "claimreview"]);
    assert_eq!(out.status.code(), Some(2));
}

/// `--facts` for the made-up town in tests/yours (people, offices, terms).
const YOURS: [&str; 6] = ["--facts", "tests/yours/people.tsv", "--facts", "tests/yours/offices.tsv", "--facts", "tests/yours/terms.tsv"];

#[test]
fn your_own_facts_change_a_verdict_and_are_labelled_as_yours() {
    // Without them the town's mayor is no claim FactFlag can read.
    let out = factflag(&["check", "tests/yours/page.html", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["counts"]["contradicted"], 0);
    assert!(v["findings"].as_array().unwrap().iter().all(|f| !f["quote"].as_str().unwrap().contains("Port Halden")));
    // With them, Alan Vance was no longer mayor on Friday 31 May 2024 (the page of 1 June says
    // he opened a bridge "on Friday"): contradicted, from your rows.
    let mut args = vec!["check", "tests/yours/page.html", "--format", "json"];
    args.extend(YOURS);
    let out = factflag(&args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = v["findings"].as_array().unwrap().iter().find(|f| f["quote"] == "Port Halden Mayor Alan Vance").expect("the mayor's claim is read");
    assert_eq!(f["verdict"], "contradicted");
    assert!(f["explanation"].as_str().unwrap().starts_with("On 31 May 2024 the Mayor of Port Halden was Beth Okafor"), "{}", f["explanation"]);
    assert_eq!(f["your_facts"], serde_json::json!(["https://porthalden.example/council/mayors", "https://porthalden.example/council"]));
    // The bundled rows beside them are not yours.
    let london = v["findings"].as_array().unwrap().iter().find(|f| f["quote"] == "London Mayor Sadiq Khan").unwrap();
    assert_eq!(london["verdict"], "supported");
    assert!(london.get("your_facts").is_none());
    // The text report labels the sources.
    let mut args = vec!["check", "tests/yours/page.html"];
    args.extend(YOURS);
    let text = String::from_utf8(factflag(&args).stdout).unwrap();
    assert!(text.contains("  source (your facts): https://porthalden.example/council/mayors\n"), "{text}");
    assert!(text.contains("  source: https://en.wikipedia.org/wiki/Mayor_of_London\n"), "{text}");
}

#[test]
fn your_rows_win_over_the_tables_rows_with_the_same_key() {
    // Your term of Sadiq Khan's (same person, office and start) ends in 2020: it replaces the
    // table's open one, so in 2024 he is no longer mayor by your facts, and since no row says who
    // was, the claim is no longer supported but unknown.
    let dir = std::env::temp_dir().join(format!("factflag-yours-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let terms = dir.join("terms.tsv");
    std::fs::write(
        &terms,
        "person\toffice\tstart\tend\tacting\tsource\tnote\nsadiq-khan\tgb-london-mayor\t2016-05-09\t2020-05-09\t\thttps://news.example/correction\t\n",
    )
    .unwrap();
    let out = factflag(&["check", "tests/yours/page.html", "--format", "json", "--facts", terms.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let london = v["findings"].as_array().unwrap().iter().find(|f| f["quote"] == "London Mayor Sadiq Khan").unwrap();
    assert_eq!(london["verdict"], "unknown", "{london}");
    assert!(london["explanation"].as_str().unwrap().starts_with("Sadiq Khan was Mayor of London from 9 May 2016 to 9 May 2020"), "{london}");
    assert_eq!(london["your_facts"], serde_json::json!(["https://news.example/correction"]));
    // A bad row of yours is refused with your file's name and line; a file of no kind, with why.
    std::fs::write(
        &terms,
        "person\toffice\tstart\tend\tacting\tsource\tnote\n# a comment\nsadiq-khan\tgb-london-mayor\t2016-05-09\tsoon\t\thttps://news.example/correction\t\n",
    )
    .unwrap();
    let out = factflag(&["check", "tests/yours/page.html", "--facts", terms.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("{}:3: ", terms.display())) && err.contains("\"soon\" is not a date"), "{err}");
    let odd = dir.join("notes.tsv");
    std::fs::write(&odd, "who\twhat\nme\tthings\n").unwrap();
    let out = factflag(&["facts", "lint", "--facts", odd.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not one of the table's"), "{}", String::from_utf8_lossy(&out.stderr));
    // People and parties share their columns: the file's name must say which.
    let both = dir.join("mine.tsv");
    std::fs::write(&both, "id\tname\taliases\tcountry\tsource\nx-y\tX Y\t\tus\thttps://news.example/x\n").unwrap();
    let out = factflag(&["facts", "lint", "--facts", both.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("fit people and parties"), "{}", String::from_utf8_lossy(&out.stderr));
    // Your facts that lint clean are reported so.
    let mut args = vec!["facts", "lint"];
    args.extend(YOURS);
    let out = factflag(&args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn findings_carry_a_timeline_of_the_rows_behind_them_with_the_claimed_holder_marked() {
    let out = factflag(&["check", "tests/e2e/fixtures/strict.html", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let merz = v["findings"].as_array().unwrap().iter().find(|f| f["quote"] == "Chancellor Friedrich Merz").unwrap();
    // On 19 October 2024 Scholz held the office; Merz, whom the claim names, only from May 2025.
    assert_eq!(
        merz["timeline"],
        serde_json::json!({
            "from": "2024-10-19", "to": "2024-10-19",
            "bars": [
                { "label": "Olaf Scholz", "of": "Chancellor of Germany", "start": "2021-12-08", "end": "2025-05-06", "claimed": false },
                { "label": "Friedrich Merz", "of": "Chancellor of Germany", "start": "2025-05-06", "claimed": true }
            ]
        })
    );
    // A membership claim: the claim's year, and the country's membership.
    let text = "Sweden joined NATO in 2023. AUKUS was established in 2019.";
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_factflag"))
        .args(["check", "-", "--date", "2024-10-19", "--format", "json"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write as _;
    child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&child.wait_with_output().unwrap().stdout).unwrap();
    let findings = v["findings"].as_array().unwrap();
    let sweden = findings.iter().find(|f| f["quote"] == "Sweden joined NATO in 2023").unwrap();
    assert_eq!(sweden["timeline"]["from"], "2023-01-01");
    assert_eq!(sweden["timeline"]["to"], "2023-12-31");
    assert_eq!(
        sweden["timeline"]["bars"],
        serde_json::json!([{ "label": "Sweden", "of": "North Atlantic Treaty Organization", "start": "2024-03-07", "claimed": true }])
    );
    // A founding rests on no term or membership: no timeline.
    let aukus = findings.iter().find(|f| f["quote"].as_str().unwrap().starts_with("AUKUS")).unwrap();
    assert!(aukus.get("timeline").is_none(), "{aukus}");
}

#[test]
fn facts_snapshot_writes_the_table_the_extension_loads() {
    let dir = std::env::temp_dir().join(format!("factflag-snapshot-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // The bundled table: the bytes build.rs wrote, which the wasm tests load.
    let out = dir.join("facts.bin");
    let o = factflag(&["facts", "snapshot", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let bundled = std::fs::read(&out).unwrap();
    assert_eq!(bundled, factflag::bundled_snapshot());
    assert!(bundled.starts_with(b"FFS2") && bundled.len() > 100_000);
    // With your facts merged over it: a table with more in it.
    let yours = dir.join("yours.bin");
    let mut args = vec!["facts", "snapshot", "--out", yours.to_str().unwrap()];
    args.extend(YOURS);
    let o = factflag(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let merged = std::fs::read(&yours).unwrap();
    assert!(merged.starts_with(b"FFS2") && merged.len() > bundled.len());
    assert!(merged.windows(11).any(|w| w == b"Port Halden"));
    // A bad row: the error names its file and line, and nothing is written.
    let bad = dir.join("terms.tsv");
    std::fs::write(&bad, "person\toffice\tstart\tend\tacting\tsource\tnote\nalan-vance\tus-port-halden-mayor\t2020-13-01\t\t\thttps://x.example\t\n").unwrap();
    let none = dir.join("none.bin");
    let o = factflag(&["facts", "snapshot", "--out", none.to_str().unwrap(), "--facts", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("terms.tsv:"), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(!none.exists());
    // A place it cannot write to.
    let o = factflag(&["facts", "snapshot", "--out", dir.join("no/such/dir/facts.bin").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot write the snapshot"));
    std::fs::remove_dir_all(&dir).unwrap();
}
