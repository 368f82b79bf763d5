//! What `build.rs` bundles into the crate: the facts files as they are in `data/`, and the
//! snapshot of the table they make (see `snapshot`).
use crate::entities::Matcher;
use crate::facts::Table;

// The core built with its table beside it (`table-beside`) reads no bundled snapshot.
#[cfg_attr(feature = "table-beside", allow(dead_code))]
mod files {
    include!(concat!(env!("OUT_DIR"), "/bundle.rs"));
}

impl Table {
    /// The files bundled at build time, as `(path, contents)`.
    pub fn bundled_files() -> &'static [(&'static str, &'static str)] {
        files::FILES
    }

    /// The table bundled at build time. `build.rs` parsed and checked it; this reads its
    /// snapshot, and a snapshot that cannot be read is an error, not a panic.
    pub fn bundled() -> Result<Table, Vec<crate::facts::FactsError>> {
        bundled().map(|(t, _)| t)
    }
}

/// The bundled table and its name index, read from the snapshot.
#[cfg(not(feature = "table-beside"))]
pub(crate) fn bundled() -> Result<(Table, Matcher), Vec<crate::facts::FactsError>> {
    read(files::SNAPSHOT)
}

/// The extension's core carries no table: its snapshot ships beside the `.wasm`
/// (`core/facts.bin`), fetched while the code compiles, and `init` is given its bytes. Not
/// for speed (cold starts measured the same either way, docs/performance.md): the code budget
/// measures the `.wasm` as it ships, and a newsroom can ship its own table.
#[cfg(feature = "table-beside")]
pub(crate) fn bundled() -> Result<(Table, Matcher), Vec<crate::facts::FactsError>> {
    Err(vec![crate::facts::FactsError { file: "the facts table".into(), line: 0, reason: "this core carries none: load core/facts.bin with init".into() }])
}

/// A snapshot's table and index, or why it cannot be read (as the one error of the file).
pub(crate) fn read(bytes: &'static [u8]) -> Result<(Table, Matcher), Vec<crate::facts::FactsError>> {
    crate::snapshot::decode(bytes).map_err(|e| vec![crate::facts::FactsError { file: "the bundled facts snapshot".into(), line: 0, reason: e.to_string() }])
}

/// The bundled snapshot's bytes (for the fuzz targets and the CLI).
#[cfg(any(feature = "fuzzing", not(target_arch = "wasm32")))]
pub(crate) fn snapshot_bytes() -> &'static [u8] {
    files::SNAPSHOT
}
