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
            "ClaimReview" => {
                &["@context", "@type", "url", "claimReviewed", "datePublished", "author", "reviewRating", "itemReviewed", "reviewBody", "citation"]
            }
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
    // Standard input has no address of its own.
    let out = factflag(&["check", "-", "--format", "claimreview"]);
    assert_eq!(out.status.code(), Some(2));
}
