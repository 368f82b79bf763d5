//! Tests that need a browser's JavaScript engine: the binding's values as JS sees them, and
//! UTF-16 offsets checked against the browser's own strings. Run by
//! `wasm-pack test --headless --chrome --firefox -- --test browser`.
#![cfg(target_arch = "wasm32")]
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

#[wasm_bindgen_test]
fn offsets_are_utf16_code_units_of_the_browsers_strings() {
    // "Harris" is shared in the table: the full name first lets a reader (and the checker)
    // tell which Harris "President Harris" is.
    let block = "“Fünf” 😀🇯🇵 Kamala Harris flew in. — on 19 October, President Harris met Prime Minister Shigeru Ishiba. Sweden joined NATO in 2023.";
    let blocks = js_sys::Array::of1(&JsValue::from_str(block));
    let report = factflag::wasm::check(blocks.into(), "2024-10-19").unwrap();
    let findings: js_sys::Array = get(&report, "findings").into();
    assert!(findings.length() >= 3, "expected three claims, got {}", findings.length());
    let s = js_sys::JsString::from(block);
    for f in findings.iter() {
        let (a, b) = (get(&f, "start_utf16").as_f64().unwrap() as u32, get(&f, "end_utf16").as_f64().unwrap() as u32);
        let quote = get(&f, "quote").as_string().unwrap();
        assert_eq!(String::from(s.substring(a, b)), quote);
    }
    let verdicts: Vec<String> = findings.iter().map(|f| get(&f, "verdict").as_string().unwrap()).collect();
    assert_eq!(verdicts, vec!["contradicted", "supported", "contradicted"]);
}

#[wasm_bindgen_test]
fn bad_input_is_a_js_error_not_a_panic() {
    let e = factflag::wasm::check(JsValue::from_str("not an array"), "2024-10-19").unwrap_err();
    let e: JsValue = e.into();
    assert!(js_sys::Error::from(e).message().as_string().unwrap().contains("array of strings"));
    let e = factflag::wasm::check(js_sys::Array::new().into(), "19/10/2024").unwrap_err();
    assert!(js_sys::Error::from(JsValue::from(e)).message().as_string().unwrap().contains("YYYY-MM-DD"));
    // After an error the core still answers.
    let ok = factflag::wasm::check(js_sys::Array::of1(&"President Biden spoke.".into()).into(), "2024-10-19").unwrap();
    assert_eq!(get(&get(&ok, "counts"), "supported").as_f64(), Some(1.0));
}

#[wasm_bindgen_test]
fn init_reports_the_tables_date_and_stats() {
    // The date the bundled table is true on (data/meta.tsv), as the core read it.
    let as_of = factflag::facts::Table::bundled().unwrap().as_of.to_string();
    assert_eq!(factflag::wasm::init(None).unwrap(), as_of);
    assert!(as_of.as_str() >= "2026-06-30", "{as_of}");
    let stats = factflag::wasm::facts_stats().unwrap();
    assert!(get(&stats, "terms").as_f64().unwrap() > 100.0);
}

/// `check_marks` (built field by field with js-sys, for size) gives the extension what the
/// full report gives for the same findings: the same fields, values and types.
#[wasm_bindgen_test]
fn marks_match_the_full_reports_fields() {
    // The last sentence's election is after the table's `as_of`: unknown.
    let block = "Prime Minister Shigeru Ishiba met President Joe Biden. Sweden joined NATO in 2023. Italian Prime Minister Matteo Renzi spoke. Japan's next general election is on 30 June 2029.";
    let blocks = || js_sys::Array::of1(&JsValue::from_str(block)).into();
    let full = factflag::wasm::check(blocks(), "2024-10-19").unwrap();
    for unknown in [false, true] {
        marks_match(&full, &factflag::wasm::check_marks(blocks(), "2024-10-19", true, unknown, true).unwrap(), unknown);
    }
    // Without include_timelines (the check of a page), no finding carries one.
    let plain = factflag::wasm::check_marks(blocks(), "2024-10-19", true, true, false).unwrap();
    let findings = js_sys::Array::from(&get(&plain, "findings"));
    assert!(findings.length() >= 3);
    assert!(findings.iter().all(|f| get(&f, "timeline").is_undefined()));
}

fn marks_match(full: &JsValue, marks: &JsValue, unknown: bool) {
    let (full, marks) = (full.clone(), marks.clone());
    for key in ["reference_date", "facts_as_of"] {
        assert_eq!(get(&marks, key).as_string(), get(&full, key).as_string(), "{key}");
    }
    for key in ["claims", "contradicted", "supported", "unknown"] {
        assert_eq!(get(&get(&marks, "counts"), key).as_f64(), get(&get(&full, "counts"), key).as_f64(), "counts.{key}");
    }
    let shown: Vec<JsValue> =
        js_sys::Array::from(&get(&full, "findings")).iter().filter(|f| unknown || get(f, "verdict").as_string().as_deref() != Some("unknown")).collect();
    let marked: Vec<JsValue> = js_sys::Array::from(&get(&marks, "findings")).iter().collect();
    assert!(marked.len() >= 3, "expected at least three marked findings, got {}", marked.len());
    let unknowns = marked.iter().filter(|m| get(m, "verdict").as_string().as_deref() == Some("unknown")).count();
    assert_eq!(unknowns > 0, unknown, "unknown findings marked: {unknowns}");
    assert_eq!(marked.len(), shown.len());
    for (m, f) in marked.iter().zip(&shown) {
        for key in ["block", "start_utf16", "end_utf16"] {
            assert_eq!(get(m, key).as_f64(), get(f, key).as_f64(), "{key}");
            assert!(get(m, key).as_f64().is_some(), "{key} is a number");
        }
        // An unknown finding may have no words and no rows: the table could not settle it.
        let settled = get(m, "verdict").as_string().as_deref() != Some("unknown");
        for key in ["quote", "verdict", "explanation", "facts_as_of"] {
            assert_eq!(get(m, key).as_string(), get(f, key).as_string(), "{key}");
            assert!(get(m, key).as_string().is_some_and(|v| !v.is_empty() || (!settled && key == "explanation")), "{key} is a non-empty string");
        }
        // The timeline, field by field, where the full report has one.
        let (mt, ft) = (get(m, "timeline"), get(f, "timeline"));
        assert_eq!(mt.is_undefined(), ft.is_undefined(), "timeline present in one and not the other");
        if !ft.is_undefined() {
            for key in ["from", "to"] {
                assert_eq!(get(&mt, key).as_string(), get(&ft, key).as_string(), "timeline.{key}");
            }
            let (mb, fb) = (js_sys::Array::from(&get(&mt, "bars")), js_sys::Array::from(&get(&ft, "bars")));
            assert_eq!(mb.length(), fb.length());
            for (x, y) in mb.iter().zip(fb.iter()) {
                for key in ["label", "of", "start", "end"] {
                    assert_eq!(get(&x, key).as_string(), get(&y, key).as_string(), "bar.{key}");
                }
                assert_eq!(get(&x, "claimed").as_bool(), get(&y, "claimed").as_bool(), "bar.claimed");
            }
        }
        let urls = |v: &JsValue| js_sys::Array::from(&get(v, "sources")).iter().map(|u| u.as_string().unwrap()).collect::<Vec<_>>();
        assert_eq!(urls(m), urls(f));
        assert!(!settled || !urls(m).is_empty());
    }
}
