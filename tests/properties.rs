//! Properties of the check entry point over generated text (issue #18): it never panics, its
//! offsets are on character boundaries and quote the block, its UTF-16 offsets pick out the
//! same text, findings never overlap, and its time grows linearly with a block's length.
//! Native only; the fuzz-style inputs mix the table's own names and titles with dates,
//! punctuation, emoji, right-to-left and CJK text, combining marks and stray characters.
#![cfg(not(target_arch = "wasm32"))]
use chrono::NaiveDate;
use factflag::{Checker, Detail};
use proptest::prelude::*;
use std::sync::OnceLock;

fn checker() -> &'static Checker {
    static C: OnceLock<Checker> = OnceLock::new();
    C.get_or_init(|| Checker::bundled().expect("the bundled table reads"))
}

/// Pieces that make claims, or nearly: names and titles, verbs, dates, and text that is
/// hard on offsets.
const PIECES: &[&str] = &[
    "President", "Prime Minister", "former", "then-", "Chancellor", "Angela Merkel", "Olaf Scholz", "Joe Biden", "Donald Trump", "Emmanuel Macron",
    "Rishi Sunak", "Boris Johnson", "Narendra Modi", "Fumio Kishida", "NATO", "the EU", "Finland", "Sweden", "joined", "succeeded", "replaced",
    "won the election", "was elected", "founded", "in 2019", "on Tuesday", "on 5 May 2021", "last year", "said", "met", "who", "which", ",", ".", ". ", "?",
    "\"", "“", "”", "’s", "(", ")", " ", " ", " ", "\n\n", "😀", "👩‍👩‍👧", "مرحبا", "שלום", "総理大臣", "한국", "é", "e\u{301}", "\u{200d}", "\u{feff}", "İ", "ß",
    "ﬁ", "🇫🇷", "\u{0}", "\t", "Prime Minister Boris Johnson said", "Chancellor Olaf Scholz met", "Finland joined NATO in 2023.", "Sweden joined NATO in 2019.",
    "Rishi Sunak succeeded Liz Truss.", "President Donald Trump", "U.S. President Joe Biden",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop_oneof![4 => prop::sample::select(PIECES).prop_map(str::to_string), 1 => any::<char>().prop_map(|c| c.to_string())], 0..120)
        .prop_map(|parts| parts.join(" "))
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (1990i32..2030, 1u32..13, 1u32..29).prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

proptest! {
    // PROPTEST_CASES sets a longer run (the closing note's fuzz-style run used it).
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(400), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn offsets_quote_the_block_in_utf8_and_utf16(blocks in prop::collection::vec(text(), 1..5), on in date()) {
        let report = checker().check_with(&blocks, on, Detail::All);
        let mut last: Option<(usize, usize)> = None;
        for f in &report.findings {
            let block = &blocks[f.block];
            prop_assert!(block.is_char_boundary(f.start) && block.is_char_boundary(f.end) && f.start < f.end);
            prop_assert_eq!(&block[f.start..f.end], f.quote.as_str());
            let units: Vec<u16> = block.encode_utf16().collect();
            prop_assert!(f.end_utf16 <= units.len());
            prop_assert_eq!(String::from_utf16(&units[f.start_utf16..f.end_utf16]).unwrap(), f.quote.clone());
            // In order and never overlapping.
            if let Some((b, e)) = last {
                prop_assert!(f.block > b || f.start >= e);
            }
            last = Some((f.block, f.end));
        }
        let c = &report.counts;
        prop_assert_eq!(c.claims, c.contradicted + c.supported + c.unknown);
    }
}

#[test]
fn time_grows_linearly_with_a_blocks_length() {
    // One block of n sentences, then of 8n: the second may take about 8 times as long, not
    // 64. The best of three runs each, and a wide margin, so a noisy machine does not fail it.
    let sentence = "Italian Prime Minister Matteo Renzi met Chancellor Angela Merkel in Rome on Tuesday, officials said. ";
    let time = |n: usize| {
        let block = vec![sentence.repeat(n)];
        (0..3)
            .map(|_| {
                let t = std::time::Instant::now();
                let r = checker().check(&block, NaiveDate::from_ymd_opt(2019, 5, 10).unwrap());
                assert!(r.counts.claims >= n);
                t.elapsed().as_secs_f64()
            })
            .fold(f64::MAX, f64::min)
    };
    time(50); // warm the patterns up
    let (small, big) = (time(400), time(3_200));
    assert!(big < small * 8.0 * 3.0, "400 sentences {small:.4} s, 3,200 sentences {big:.4} s");
}

#[test]
fn the_generated_text_makes_claims() {
    // The properties above hold vacuously if the generator never makes a claim: it does.
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let (mut findings, mut contradicted) = (0, 0);
    for _ in 0..300 {
        let blocks = vec![text().new_tree(&mut runner).unwrap().current()];
        let r = checker().check(&blocks, NaiveDate::from_ymd_opt(2021, 6, 1).unwrap());
        findings += r.findings.len();
        contradicted += r.counts.contradicted;
    }
    assert!(findings > 300 && contradicted > 30, "{findings} findings, {contradicted} contradicted in 300 texts");
}
