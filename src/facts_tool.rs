//! The options page's facts tool: checks a reader's own facts (files in the schema of `data/`)
//! with the same loader and lint as the CLI, merges them over the bundled table, and writes the
//! merged table as a snapshot for the core to load in place of the bundled one
//! (`wasm::init_with`). A WebAssembly module of its own (the `facts-tool` feature), loaded only
//! by the options page: it carries the `data/` files to merge with, which the core does not.
//!
//! ```js
//! const r = merge_facts(["people.tsv"], ["id\tname\t..."]);
//! // {errors: ["people.tsv:3: ..."]} or {errors: [], snapshot: Uint8Array, sources: [...], rows}
//! ```
use crate::entities::Matcher;
use crate::facts::Table;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn strings(v: &JsValue, what: &str) -> Result<Vec<String>, JsError> {
    let a: &js_sys::Array = v.dyn_ref().ok_or_else(|| JsError::new(&format!("{what} must be an array of strings")))?;
    a.iter().map(|x| x.as_string().ok_or_else(|| JsError::new(&format!("{what} must be an array of strings")))).collect()
}

fn set(o: &js_sys::Object, k: &str, v: &JsValue) {
    // Setting a property on a fresh plain object cannot fail.
    let _ = js_sys::Reflect::set(o, &JsValue::from_str(k), v);
}

/// Checks the files of your own facts (`names[i]` holds `texts[i]`) and merges them over the
/// bundled table. Returns `{errors}`, each error as "file:line: reason", when they do not load
/// or lint clean; else `{errors: [], snapshot, sources, rows}`: the merged table's snapshot, the
/// sources of your rows (the tooltip labels them "your facts"), and how many rows you gave.
#[wasm_bindgen]
pub fn merge_facts(names: JsValue, texts: JsValue) -> Result<JsValue, JsError> {
    let names = strings(&names, "names")?;
    let texts = strings(&texts, "texts")?;
    if names.len() != texts.len() {
        return Err(JsError::new("names and texts must be as long as each other"));
    }
    let yours: Vec<(String, String)> = names.into_iter().zip(texts).collect();
    let out = js_sys::Object::new();
    match Table::with_yours_linted(Table::bundled_files(), &yours) {
        Err(errors) => {
            let list: js_sys::Array = errors.iter().map(|e| JsValue::from_str(&e.to_string())).collect();
            set(&out, "errors", &list);
        }
        Ok(table) => {
            let matcher = Matcher::new(&table);
            let bytes = crate::snapshot::encode(&table, &matcher);
            let sources: js_sys::Array = table.sources_of_yours().into_iter().map(JsValue::from_str).collect();
            let rows = yours.iter().map(|(_, t)| t.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).count().saturating_sub(1)).sum::<usize>();
            set(&out, "errors", &js_sys::Array::new());
            set(&out, "snapshot", &js_sys::Uint8Array::from(bytes.as_slice()));
            set(&out, "sources", &sources);
            set(&out, "rows", &JsValue::from_f64(rows as f64));
        }
    }
    Ok(out.into())
}
