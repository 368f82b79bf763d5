//! Bundles the facts table into the crate, so that the extension and the CLI carry the same
//! table and never read files at run time:
//! - `data/**/*.tsv` as they are (`Table::bundled_files`; the tests compare the snapshot with
//!   the table they make);
//! - a snapshot of the table they make, parsed with the crate's own loader (a bad row stops
//!   the build with its file, line and reason) and indexed, so that start-up only reads it
//!   back (see `src/snapshot.rs`).
//!
//! The loader, the name index and the snapshot writer are the crate's own modules, compiled
//! into this script as well.
#![allow(dead_code, unused_imports)]
use std::{env, fs, path::Path};

#[path = "src/text/case.rs"]
mod case;
#[path = "src/entities.rs"]
mod entities;
#[path = "src/facts/mod.rs"]
mod facts;
#[path = "src/order.rs"]
mod order;
#[path = "src/snapshot.rs"]
mod snapshot;
#[path = "src/words.rs"]
mod words;
mod text {
    pub(crate) use super::case;
}

fn collect(dir: &Path, out: &mut Vec<String>) {
    let mut entries: Vec<_> = fs::read_dir(dir).expect("data/ is readable").flatten().collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "tsv") {
            out.push(p.to_string_lossy().into_owned());
        }
    }
}

fn main() {
    let root = env::var("CARGO_MANIFEST_DIR").unwrap();
    let out_dir = env::var("OUT_DIR").unwrap();
    let data = Path::new(&root).join("data");
    println!("cargo:rerun-if-changed=data");
    for f in ["src/entities.rs", "src/facts", "src/snapshot.rs"] {
        println!("cargo:rerun-if-changed={f}");
    }
    let mut files = Vec::new();
    collect(&data, &mut files);
    let mut src = String::from("/// The bundled facts table: (path relative to the crate, contents).\npub static FILES: &[(&str, &str)] = &[\n");
    let mut contents = Vec::new();
    for f in &files {
        println!("cargo:rerun-if-changed={f}");
        let rel = Path::new(f).strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
        src.push_str(&format!("    ({rel:?}, include_str!({f:?})),\n"));
        contents.push((rel, fs::read_to_string(f).unwrap_or_else(|e| panic!("{f}: {e}"))));
    }
    src.push_str("];\n");

    let table = match facts::Table::from_files(&contents) {
        Ok(t) => t,
        Err(errors) => {
            for e in &errors {
                println!("cargo:warning={e}");
            }
            panic!("the facts table in data/ has {} bad rows (listed above)", errors.len());
        }
    };
    let matcher = entities::Matcher::new(&table);
    let snapshot = Path::new(&out_dir).join("facts.snapshot");
    fs::write(&snapshot, snapshot::encode(&table, &matcher)).unwrap();
    src.push_str(&format!(
        "/// The table above, parsed and indexed (see src/snapshot.rs).\npub static SNAPSHOT: &[u8] = include_bytes!({:?});\n",
        snapshot.to_string_lossy()
    ));
    fs::write(Path::new(&out_dir).join("bundle.rs"), src).unwrap();
}
