//! Native core throughput on the benchmark corpus: MB/s of article text checked with the full
//! facts table, writing out the findings the extension marks (`mb_per_s`, the same work as
//! wasm's `check_marks`) and every finding (`full_mb_per_s`, as the CLI does). Prints one JSON
//! object. `--dump DIR` also writes each page's text blocks as
//! JSON, so that the wasm build is timed on exactly the same input (benches/run.mjs).
//!
//! cargo run --release --example throughput -- [--iterations N] [--dump DIR] [PAGE.html …]
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1).filter(|a| a != "--bench");
    let mut iterations = 5usize;
    let mut dump: Option<String> = None;
    let mut pages = Vec::new();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--iterations" => iterations = args.next().and_then(|n| n.parse().ok()).unwrap_or(5),
            "--dump" => dump = args.next(),
            _ => pages.push(a),
        }
    }
    let checker = factflag::Checker::bundled().expect("bundled table");
    let date = "2024-10-19".parse().unwrap();
    let mut rows = Vec::new();
    for p in &pages {
        let html = std::fs::read_to_string(p).expect("page");
        let page = factflag::html::read(&html);
        let bytes: usize = page.blocks.iter().map(String::len).sum();
        if let Some(d) = &dump {
            let name = std::path::Path::new(p).file_name().unwrap().to_string_lossy().to_string();
            std::fs::create_dir_all(d).unwrap();
            std::fs::write(format!("{d}/{name}.json"), serde_json::to_string(&page.blocks).unwrap()).unwrap();
        }
        // Warm up once, then take the median of the timed runs.
        let claims = checker.check(&page.blocks, date).counts.claims;
        let median_of = |detail: factflag::Detail| {
            let mut times: Vec<f64> = (0..iterations)
                .map(|_| {
                    let t = Instant::now();
                    std::hint::black_box(checker.check_with(&page.blocks, date, detail));
                    t.elapsed().as_secs_f64()
                })
                .collect();
            times.sort_by(|a, b| a.partial_cmp(b).unwrap());
            times[times.len() / 2]
        };
        let marked = median_of(factflag::Detail::Marked { supported: false, unknown: false });
        let full = median_of(factflag::Detail::All);
        rows.push(format!(
            "{{\"page\":{:?},\"text_bytes\":{bytes},\"claims\":{claims},\"seconds\":{marked:.6},\"mb_per_s\":{:.2},\"full_mb_per_s\":{:.2}}}",
            std::path::Path::new(p).file_name().unwrap().to_string_lossy(),
            bytes as f64 / 1e6 / marked,
            bytes as f64 / 1e6 / full
        ));
    }
    let t = Instant::now();
    let _ = factflag::Checker::bundled().unwrap();
    let startup_ms = t.elapsed().as_secs_f64() * 1e3;
    println!("{{\"startup_ms\":{startup_ms:.3},\"pages\":[{}]}}", rows.join(","));
}
