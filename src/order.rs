//! One sort for the core's own lists.
//!
//! Every `sort_by_key` on a new element type or key brings its own copy of the standard
//! library's stable sort (driftsort and its small-sort networks), 3 to 7 KB of wasm each,
//! and the core had a dozen (measured with twiggy: 55 KB of the .wasm was stable-sort code,
//! with the code over its size budget). Here each list is sorted through one instantiation
//! of `sort_unstable` on (key, position) pairs: no two pairs are equal, so the order is the
//! stable one.
use chrono::{Datelike, NaiveDate};

/// Lists up to this long are sorted by insertion, in place: no allocation, which in
/// WebAssembly's baseline tier cost more than the sort itself (the table's start-up read,
/// measured in node).
const SHORT: usize = 24;

/// Stable insertion sort by `key`.
fn insertion<T>(v: &mut [T], key: &impl Fn(&T) -> u64) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && key(&v[j - 1]) > key(&v[j]) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// The (key, position) pairs of `v`, sorted: the one `sort_unstable` both sorts below use.
fn sorted_positions<T>(v: &[T], key: &impl Fn(&T) -> u64) -> Vec<(u64, u32)> {
    let mut order: Vec<(u64, u32)> = v.iter().enumerate().map(|(i, x)| (key(x), i as u32)).collect();
    order.sort_unstable();
    order
}

/// Sorts `v` by `key`, keeping the order of elements with equal keys.
pub fn by_key<T>(v: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    if v.len() < 2 {
        return;
    }
    if v.len() <= SHORT {
        insertion(v, &key);
        return;
    }
    let order = sorted_positions(v, &key);
    if order.iter().enumerate().all(|(i, &(_, at))| at as usize == i) {
        return;
    }
    let mut old: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(order.iter().map(|&(_, at)| old[at as usize].take().expect("each position once")));
}

/// Sorts a slice of row numbers by `key`, keeping the order of equal keys: by insertion
/// when short, else through (key, position) pairs. Never inlined: the table's indexes call
/// it once per group at start-up, and inside their loops it made V8 compile each index's
/// builder, which runs once, again in its optimising tier (see `snapshot::read`).
#[inline(never)]
pub fn slice_by_key(v: &mut [u32], key: impl Fn(&u32) -> u64) {
    if v.len() <= SHORT {
        insertion(v, &key);
        return;
    }
    let order = sorted_positions(v, &key);
    let old = v.to_vec();
    for (slot, &(_, at)) in v.iter_mut().zip(&order) {
        *slot = old[at as usize];
    }
}

/// A date as a key below 2^32 that sorts as the date does.
pub fn date(d: NaiveDate) -> u64 {
    (d.num_days_from_ce() as i64 + (1 << 31)) as u64
}

/// Two keys below 2^32 as one that sorts as the pair does.
pub fn pair(a: u64, b: u64) -> u64 {
    debug_assert!(a < 1 << 32 && b < 1 << 32);
    a << 32 | b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_as_the_standard_stable_sort_does() {
        // Pseudo-random lists with many equal keys: the same order as `sort_by_key`.
        let mut seed = 7u64;
        for n in [0, 1, 2, 3, 10, 24, 25, 100, 1000] {
            let v: Vec<(u64, usize)> = (0..n)
                .map(|i| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    ((seed >> 33) % 7, i)
                })
                .collect();
            let mut ours = v.clone();
            by_key(&mut ours, |x| x.0);
            let mut std = v.clone();
            std.sort_by_key(|x| x.0);
            assert_eq!(ours, std, "n = {n}");
            // The slice version, on row numbers keyed by the same values.
            let mut rows: Vec<u32> = (0..n as u32).collect();
            slice_by_key(&mut rows, |&r| v[r as usize].0);
            assert_eq!(rows.iter().map(|&r| v[r as usize]).collect::<Vec<_>>(), std, "n = {n}");
        }
    }

    #[test]
    fn dates_and_pairs_keep_their_order() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert!(date(d(1999, 12, 31)) < date(d(2000, 1, 1)));
        assert!(date(d(-44, 3, 15)) < date(d(1, 1, 1)));
        assert!(pair(date(d(2020, 1, 1)), 5) < pair(date(d(2020, 1, 2)), 0));
        assert!(pair(1, 2) < pair(1, 3));
    }
}
