//! The snapshot reader over arbitrary bytes, and over the bundled snapshot with bytes
//! changed: an error or a table that checks text, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Half the inputs are the real snapshot with a few bytes overwritten (deep coverage of
    // the reader), half are the bytes as given (its first checks).
    let bytes: Vec<u8> = match data.split_first() {
        Some((&0, edits)) => {
            let mut s = factflag::fuzzing::bundled_snapshot().to_vec();
            for e in edits.chunks(4) {
                if let [a, b, c, v] = *e {
                    let at = (u32::from_le_bytes([a, b, c, 0]) as usize) % s.len();
                    s[at] = v;
                }
            }
            s
        }
        _ => data.to_vec(),
    };
    factflag::fuzzing::read_snapshot_and_check(&bytes);
});
