//! The check entry point over arbitrary text, dates and block splits: it must never panic,
//! and its offsets must quote the block in UTF-8 and UTF-16 (as tests/properties.rs asks).
#![no_main]
use arbitrary::Arbitrary;
use factflag::{Checker, Detail};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

#[derive(Arbitrary, Debug)]
struct Input {
    blocks: Vec<String>,
    days: i32,
    marked: bool,
    marked_unknown: bool,
}

fn checker() -> &'static Checker {
    static C: OnceLock<Checker> = OnceLock::new();
    C.get_or_init(|| Checker::bundled().expect("the bundled table reads"))
}

fuzz_target!(|input: Input| {
    let Some(on) = chrono::NaiveDate::from_num_days_from_ce_opt(693_960 + input.days.rem_euclid(60 * 366)) else { return };
    let detail = if input.marked { Detail::Marked { supported: true, unknown: input.marked_unknown } } else { Detail::All };
    let report = checker().check_with(&input.blocks, on, detail);
    for f in &report.findings {
        let block = &input.blocks[f.block];
        assert_eq!(&block[f.start..f.end], f.quote);
        let units: Vec<u16> = block.encode_utf16().collect();
        assert_eq!(String::from_utf16(&units[f.start_utf16..f.end_utf16]).unwrap(), f.quote);
    }
});
