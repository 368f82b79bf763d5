//! What `build.rs` bundles into the crate: the facts files as they are in `data/`, and the
//! snapshot of the table they make (see `snapshot`).
use crate::entities::Matcher;
use crate::facts::Table;

mod files {
    include!(concat!(env!("OUT_DIR"), "/bundle.rs"));
}

impl Table {
    /// The files bundled at build time, as `(path, contents)`.
    pub fn bundled_files() -> &'static [(&'static str, &'static str)] {
        files::FILES
    }

    /// The table bundled at build time. `build.rs` parsed and checked it; this reads its
    /// snapshot.
    pub fn bundled() -> Result<Table, Vec<crate::facts::FactsError>> {
        Ok(bundled().0)
    }
}

/// The bundled table and its name index, read from the snapshot.
pub(crate) fn bundled() -> (Table, Matcher) {
    crate::snapshot::decode(files::SNAPSHOT)
}
