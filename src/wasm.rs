//! The JavaScript boundary: the only module that knows about wasm-bindgen.
//!
//! ```js
//! import init_wasm, { init, check_marks } from "./core/factflag.js";
//! await init_wasm();          // compile and instantiate the module
//! init();                     // load and index the bundled facts table
//! const marks = check_marks(["First paragraph…", "Second…"], "2024-10-19", false);
//! ```
//! `marks` is `{counts, findings: [{block, start_utf16, end_utf16, quote, verdict,
//! explanation, sources, facts_as_of, timeline?}]}`: plain objects and arrays (a timeline is
//! `{from, to, bars: [{label, of, start, end?, claimed}]}`). With the `dev-exports`
//! feature (tests and benchmarks), `check` returns the full report as the CLI's JSON has it.
use crate::Checker;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

// Talc instead of the default dlmalloc: the core allocates many small strings while it loads
// the table and writes explanations, and talc is both faster and smaller in wasm.
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

thread_local! {
    static CHECKER: RefCell<Option<Checker>> = const { RefCell::new(None) };
}

#[cfg(feature = "dev-exports")]
fn to_js<T: serde::Serialize>(v: &T) -> Result<JsValue, JsError> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsError::new(&format!("cannot return the result: {e}")))
}

/// Loads a table and indexes it: the bundled one, or, given a snapshot, that one in its place
/// (the bundled table with the reader's own facts merged over it, which the options page's facts
/// tool writes: `facts_tool::merge_facts`). Each call loads anew. Returns the table's `as_of`.
/// A snapshot's bytes are kept for as long as the core runs (the table's strings borrow them);
/// a reader imports their facts rarely.
#[wasm_bindgen]
pub fn init(snapshot: Option<Vec<u8>>) -> Result<String, JsError> {
    let read = match snapshot {
        Some(bytes) => crate::bundle::read(Box::leak(bytes.into_boxed_slice())),
        None => crate::bundle::bundled(),
    };
    let (table, matcher) =
        read.map_err(|errs| JsError::new(&format!("the facts table is invalid: {}", errs.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; "))))?;
    let as_of = table.as_of.to_string();
    CHECKER.with(|c| *c.borrow_mut() = Some(Checker { table, matcher }));
    Ok(as_of)
}

/// Sets the language of the explanations: a catalogue of translations (`src/locales/*.tsv`,
/// which `make` copies to `extension/core/locales/`), or `""` for English. Returns how many
/// templates it translates; a catalogue that cannot be read changes nothing.
#[wasm_bindgen]
pub fn set_language(catalogue: &str) -> Result<usize, JsError> {
    crate::words::set_language(catalogue).map_err(|e| JsError::new(&e.to_string()))
}

/// Loads the bundled table if no table is loaded yet.
fn ready() -> Result<(), JsError> {
    if CHECKER.with(|c| c.borrow().is_none()) {
        init(None)?;
    }
    Ok(())
}

/// Gets the core ready for its first check (see `Checker::warm_up`).
#[wasm_bindgen]
pub fn warm_up() -> Result<(), JsError> {
    ready()?;
    CHECKER.with(|c| c.borrow().as_ref().expect("initialised above").warm_up());
    Ok(())
}

/// Reads the arguments both entry points take and runs the core.
fn run(blocks: JsValue, reference_date: &str, detail: crate::Detail) -> Result<crate::Report, JsError> {
    // Read with js-sys, not serde-wasm-bindgen's deserializer: that one brought serde's error
    // texts and float formatting into the .wasm for one array of strings (measured: the code
    // over its budget, docs/performance.md).
    let array: &js_sys::Array = blocks.dyn_ref().ok_or_else(|| JsError::new("blocks must be an array of strings"))?;
    let mut list = Vec::with_capacity(array.length() as usize);
    for (i, b) in array.iter().enumerate() {
        list.push(b.as_string().ok_or_else(|| JsError::new(&format!("blocks must be an array of strings: item {i} is not a string")))?);
    }
    let blocks = list;
    // YYYY-MM-DD read here, not with the table's date parser (years, months and spans, which
    // the core needs nowhere else): 0.4 KB less of the code's gzipped budget.
    let digits = reference_date.len() == 10 && reference_date.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    let n = |r: std::ops::Range<usize>| reference_date[r].parse::<u32>().unwrap_or(0);
    let date = digits
        .then(|| chrono::NaiveDate::from_ymd_opt(n(0..4) as i32, n(5..7), n(8..10)))
        .flatten()
        .ok_or_else(|| JsError::new(&format!("reference date {reference_date:?} is not YYYY-MM-DD")))?;
    ready()?;
    Ok(CHECKER.with(|c| c.borrow().as_ref().expect("initialised above").check_with(&blocks, date, detail)))
}

/// Checks text blocks (an array of strings) written on `reference_date` (`YYYY-MM-DD`).
#[cfg(feature = "dev-exports")]
#[wasm_bindgen]
pub fn check(blocks: JsValue, reference_date: &str) -> Result<JsValue, JsError> {
    to_js(&run(blocks, reference_date, crate::Detail::All)?)
}

/// What the extension needs to draw marks: the counts for every claim, and the findings it
/// will mark (contradicted ones, supported ones if `include_supported`, unknown ones if
/// `include_unknown`), each with only the fields the page needs, and with its timeline only if
/// `include_timelines` (a tooltip asks for one when it opens: in every answer they made the
/// 2 MB page's messages 47% longer). The other findings are only counted: their explanations
/// are never written, and copying them into the page would cost it time for nothing it shows.
///
/// Built with js-sys, not serde-wasm-bindgen's serializer: for these few plain fields that one
/// brought serde's machinery, its error texts and chrono's date serialiser into the shipped
/// .wasm (measured: 2.0 KB of the code's 300 KB gzipped budget, docs/performance.md).
/// `tests/browser.rs` (marks_match_the_full_reports_fields) checks the objects against the
/// full report's fields.
#[wasm_bindgen]
pub fn check_marks(blocks: JsValue, reference_date: &str, include_supported: bool, include_unknown: bool, include_timelines: bool) -> Result<JsValue, JsError> {
    let r = run(blocks, reference_date, crate::Detail::Marked { supported: include_supported, unknown: include_unknown })?;
    let object = |fields: &[(&str, JsValue)]| -> JsValue {
        let o = js_sys::Object::new();
        for (k, v) in fields {
            // Setting a property on a fresh plain object cannot fail.
            let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), v);
        }
        o.into()
    };
    let number = |n: usize| JsValue::from_f64(n as f64);
    // A finding's keys are made into JS strings once per call, not once per finding (measured:
    // about 4% of a check of the 2 MB benchmark page, docs/performance.md).
    let keys = ["block", "start_utf16", "end_utf16", "quote", "verdict", "explanation", "sources", "facts_as_of"].map(JsValue::from_str);
    let findings: js_sys::Array = r
        .findings
        .iter()
        .map(|f| {
            let sources: js_sys::Array = f.sources.iter().map(|u| JsValue::from_str(u)).collect();
            let values = [
                number(f.block),
                number(f.start_utf16),
                number(f.end_utf16),
                JsValue::from_str(&f.quote),
                JsValue::from_str(f.verdict.as_str()),
                JsValue::from_str(&f.explanation),
                sources.into(),
                JsValue::from_str(&f.facts_as_of.to_string()),
            ];
            let o = js_sys::Object::new();
            for (k, v) in keys.iter().zip(&values) {
                let _ = js_sys::Reflect::set(&o, k, v);
            }
            if let Some(t) = f.timeline.as_ref().filter(|_| include_timelines) {
                let day = |d: &chrono::NaiveDate| JsValue::from_str(&d.to_string());
                let bars: js_sys::Array = t
                    .bars
                    .iter()
                    .map(|b| {
                        object(&[
                            ("label", JsValue::from_str(&b.label)),
                            ("of", JsValue::from_str(&b.of)),
                            ("start", day(&b.start)),
                            ("end", b.end.as_ref().map_or(JsValue::UNDEFINED, day)),
                            ("claimed", JsValue::from_bool(b.claimed)),
                        ])
                    })
                    .collect();
                let _ = js_sys::Reflect::set(&o, &JsValue::from_str("timeline"), &object(&[("from", day(&t.from)), ("to", day(&t.to)), ("bars", bars.into())]));
            }
            JsValue::from(o)
        })
        .collect();
    let c = &r.counts;
    let counts =
        object(&[("claims", number(c.claims)), ("contradicted", number(c.contradicted)), ("supported", number(c.supported)), ("unknown", number(c.unknown))]);
    Ok(object(&[
        ("reference_date", JsValue::from_str(&r.reference_date.to_string())),
        ("facts_as_of", JsValue::from_str(&r.facts_as_of.to_string())),
        ("counts", counts),
        ("findings", findings.into()),
    ]))
}

/// Counts per kind in the bundled table.
#[cfg(feature = "dev-exports")]
#[wasm_bindgen]
pub fn facts_stats() -> Result<JsValue, JsError> {
    ready()?;
    CHECKER.with(|c| to_js(&c.borrow().as_ref().unwrap().table().stats()))
}

/// Every name and title the core matches (for benchmarks that highlight the same list with
/// another tool).
#[cfg(feature = "dev-exports")]
#[wasm_bindgen]
pub fn names() -> Result<Vec<String>, JsError> {
    ready()?;
    CHECKER.with(|c| Ok(c.borrow().as_ref().unwrap().matcher().names().map(String::from).collect()))
}
