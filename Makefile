# FactFlag. Two commands on a fresh Debian machine:
#   make        installs what is missing, builds the extension and shows it on the demo page
#   make test   runs every test (Rust, wasm in node and in browsers, web-ext lint, end-to-end)
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)
CHROMEDRIVER ?= $(shell command -v chromedriver)
GECKODRIVER ?= $(shell command -v geckodriver)
export CHROMEDRIVER GECKODRIVER

WASM := extension/core/factflag_bg.wasm
TOOL_WASM := extension/core/facts_tool_bg.wasm
# The facts table's snapshot, beside the core (the table-beside feature): the background fetches
# it while the code compiles.
TABLE := extension/core/facts.bin
# The explanations' catalogues (src/words.rs): the background loads the one of the browser's
# language, so that the .wasm carries none.
LOCALES := $(patsubst src/locales/%,extension/core/locales/%,$(wildcard src/locales/*.tsv))
WASM_FEATURES := --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-reference-types --enable-multivalue --enable-mutable-globals
CLI := target/release/factflag
SOURCES := $(shell find src data -type f) Cargo.toml Cargo.lock build.rs

.PHONY: all setup build wasm cli dist demo screenshots test test-rust test-wasm test-lint test-e2e test-fuzz fuzz bench bench-smoke clean

all: setup build dist demo

setup:
	@bash scripts/setup.sh

build: wasm cli

wasm: $(WASM) $(TABLE) $(TOOL_WASM) $(LOCALES)

extension/core/locales/%.tsv: src/locales/%.tsv
	@mkdir -p extension/core/locales
	cp $< $@
# wasm-opt -O3 rather than -Os: measured side by side (node benches/run.mjs --core, three
# alternating pairs), -O3 gave 17.8-18.4 MB/s against 17.6-17.7 and a .wasm 650 B smaller
# gzipped; cargo's own opt-level stays "s" (Cargo.toml).
# -ocimfs 200: wasm-opt inlines a function with one caller only up to 200 bytes, not at any
# size. Merged, the table reader was one 34 KB function that V8's baseline compiler took 2-3 ms
# (and 2 MB of memory) to compile on a cold worker's first call, and the check one of 147 KB
# that the optimising tier took long to replace. Measured side by side (docs/performance.md):
# init 5.5-5.8 -> 4.6-4.8 ms and warm-up 160-240 -> 107-137 ms in node, throughput 15.6 ->
# 16.5-16.8 MB/s (two alternating pairs of `benches/run.mjs --core`), code 1.5 KB smaller.
# -ocimfs 100 rather than 200 (December 2026): code 1.4 KB smaller gzipped (307,953 ->
# 306,551 B, back under the 300 KB budget after the elected-on shape), throughput the same
# (three alternating pairs: 12.86-12.93 MB/s against 12.77-12.99).
# -ocimfs 50 (December 2026, the time-in-power family): 1.2 KB smaller again, code back under
# the budget; wasm throughput side by side with the build before the family and at 100: 11.42
# / 11.32 MB/s against 11.40 / 11.62 (two alternating pairs, a slow spell).
# -ocimfs 30 -aimfs 1 (December 2026, the explanations in the reader's language): 1.0 KB
# smaller gzipped than -ocimfs 50, which put the code back under its budget; throughput side by
# side in docs/performance.md.
# -ocimfs 15 --converge (6 December 2026, titles of holders who left long ago): 222 B smaller
# gzipped than -ocimfs 30 (307,317 -> 307,095 B, the bench's measure), back under the budget;
# wasm throughput side by side the same (two alternating runs of five passes: 20.12 and 20.08
# MB/s against 19.34 and 19.88 for the build before).
# -fimfs 10 (6 December 2026, the day-of-the-week and surname rules): 210 B smaller gzipped than
# the default 20; wasm throughput side by side with the build before both (six alternating passes
# over the bench pages in node): 23.12 MB/s against 22.72.
# -ocimfs 12 -fimfs 5 (same day, counts on the day of an accession): 127 B smaller than -ocimfs
# 15 -fimfs 10 (307,289 -> 307,162 B), back under the budget; throughput side by side with the
# build before the day's rules: 23.79 MB/s against 24.09, and 17.62 against 18.32 in a noisier
# run (ten and eight alternating passes).
# --low-memory-unused (7 December 2026, the summit's city after "the Latvian capital"): wasm-opt
# may fold a constant added to an address into the load's offset, since no data lives in the
# lowest 1 KB. rustc's wasm32 layout puts the 1 MB stack first, growing down from 1 MB, and the
# data above it, so those bytes are the stack's last, reached only at its overflow. 1.4 KB
# smaller gzipped (307,142 -> 305,779 B); throughput side by side (six alternating passes over
# the bench pages in node): 541.7 ms a pass against 591.9.
WASM_OPT_FLAGS := -O3 -ocimfs 12 -fimfs 5 -aimfs 1 --converge --low-memory-unused --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-reference-types --enable-multivalue --enable-mutable-globals
RAW_WASM := target/wasm32-unknown-unknown/wasm-release/factflag.wasm

# The core for the extension: cargo → wasm-opt → wasm-bindgen --target no-modules (a classic
# script that the background loads with importScripts: see extension/background.js). wasm-opt runs
# before wasm-bindgen on purpose: Debian's wasm-opt 108 breaks wasm-bindgen's externref table
# when run after it. Rebuild check: the same three commands give the same .wasm (README).
$(WASM): $(SOURCES)
	@echo "== building the core for wasm32 (cargo, wasm-opt -O3, wasm-bindgen --target no-modules)"
	cargo build --profile wasm-release --lib --target wasm32-unknown-unknown --features table-beside
	@mkdir -p target/wasm-opt extension/core
	wasm-opt $(WASM_OPT_FLAGS) $(RAW_WASM) -o target/wasm-opt/factflag.wasm
	wasm-bindgen --target no-modules --no-typescript --out-dir extension/core --out-name factflag target/wasm-opt/factflag.wasm
	node scripts/strip-sections.mjs $(WASM)
	@# (gzipped as the bench measures it, Node's zlib at level 9: a few hundred bytes more than gzip -9.)
	@printf 'core: %s bytes, %s gzipped (budget 307200)\n' "$$(stat -c %s $(WASM))" "$$(node -e 'console.log(require("zlib").gzipSync(require("fs").readFileSync(process.argv[1]),{level:9}).length)' $(WASM))"

# The options page's facts tool (src/facts_tool.rs, the facts-tool feature): the loader, lint and
# snapshot writer with the data/ files, to check a reader's own facts and merge them over the
# table. A module of its own, loaded only by the options page when the reader imports facts, so
# neither the core's size nor its start-up pays for it. -Oz: it runs once per import.
$(TOOL_WASM): $(SOURCES)
	@echo "== building the facts tool for the options page (cargo --features facts-tool, wasm-opt -Oz, wasm-bindgen)"
	cargo build --profile wasm-release --lib --target wasm32-unknown-unknown --features facts-tool
	@mkdir -p target/facts-tool
	wasm-opt -Oz $(WASM_FEATURES) $(RAW_WASM) -o target/facts-tool/opt.wasm
	wasm-bindgen --target no-modules --no-typescript --out-dir extension/core --out-name facts_tool target/facts-tool/opt.wasm
	@printf 'facts tool: %s bytes, %s gzipped\n' "$$(stat -c %s $(TOOL_WASM))" "$$(gzip -9c $(TOOL_WASM) | wc -c)"

# The same core with the entry points only tests and benchmarks call (Cargo.toml's
# dev-exports): the benchmark times the full report and lists the names with it. Never shipped.
# It shares cargo's target directory (only this crate differs), so it overwrites $(RAW_WASM):
# the shipped core is made from that file only by the rule above, which rebuilds it first.
DEV_WASM := target/dev-core/factflag_bg.wasm
$(DEV_WASM): $(SOURCES)
	@echo "== building the core with dev-exports for the benchmark (target/dev-core)"
	cargo build --profile wasm-release --lib --target wasm32-unknown-unknown --features dev-exports
	@mkdir -p target/dev-core
	wasm-opt $(WASM_OPT_FLAGS) $(RAW_WASM) -o target/dev-core/opt.wasm
	wasm-bindgen --target web --no-typescript --out-dir target/dev-core --out-name factflag target/dev-core/opt.wasm

$(TABLE): $(CLI)
	@mkdir -p extension/core
	$(CLI) facts snapshot --out $@
	@printf 'facts table: %s bytes, %s gzipped\n' "$$(stat -c %s $@)" "$$(gzip -9c $@ | wc -c)"

cli: $(CLI)
$(CLI): $(SOURCES)
	cargo build --release --bin factflag

dist: $(WASM) $(TABLE) $(TOOL_WASM) $(LOCALES)
	@mkdir -p dist
	@rm -f dist/factflag-chromium.zip dist/factflag-firefox.zip
	cd extension && zip -qr9 ../dist/factflag-chromium.zip . -x 'demo/*'
	npx web-ext build --source-dir extension --artifacts-dir dist --filename factflag-firefox.zip --overwrite-dest --ignore-files 'demo/**'
	@ls -l dist/*.zip

demo: $(CLI) $(WASM) $(TABLE)
	@echo "== factflag check extension/demo/index.html"
	$(CLI) check extension/demo/index.html
	@echo "== the extension on the demo page, in headless Chromium"
	node scripts/screenshot.mjs extension/demo/index.html dist/demo.png
	@echo "screenshot: dist/demo.png"

# README's pictures, from real headless browsers: the demo article with a tooltip open
# (Chromium), and the tooltip, the popup and the options page as the end-to-end tests render
# them in Chromium and Firefox (pages.test.mjs and reader.test.mjs write them to
# target/screenshots).
screenshots: build
	node scripts/screenshot.mjs extension/demo/index.html docs/screenshot.png --focus="Chancellor Friedrich Merz"
	node --test --test-concurrency=1 tests/e2e/pages.test.mjs tests/e2e/reader.test.mjs
	@mkdir -p docs/img
	cp target/screenshots/popup-chromium.png target/screenshots/popup-firefox.png target/screenshots/options-yours-chromium.png target/screenshots/popup-claimreview-firefox.png target/screenshots/tooltip-firefox.png docs/img/

test: setup build test-rust test-wasm test-lint test-fuzz bench-smoke test-e2e

test-rust:
	cargo fmt --check
	cargo test
	$(CLI) facts lint

test-wasm:
	wasm-pack test --node -- --test corpus
	wasm-pack test --headless --chrome --firefox -- --test browser --features dev-exports

# Fuzz targets (fuzz/, cargo-fuzz on the nightly toolchain): the check entry point over any
# text, dates and block splits, and the snapshot reader over any bytes. make test runs each
# for FUZZ_SECONDS (30); make fuzz for 15 minutes each. Without nightly they are skipped.
FUZZ_SECONDS ?= 30
test-fuzz:
	@if cargo +nightly --version >/dev/null 2>&1 && command -v cargo-fuzz >/dev/null; then \
	  cd fuzz && for t in check snapshot; do \
	    echo "== fuzz $$t for $(FUZZ_SECONDS) s"; \
	    cargo +nightly fuzz run -O $$t -- -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -rss_limit_mb=4096 -print_final_stats=1 2>&1 | grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+[[:space:]]+DONE)|panicked|ERROR|SUMMARY' ; \
	    test $${PIPESTATUS[0]} -eq 0 || exit 1; \
	  done; \
	else echo "== fuzz: skipped (no nightly toolchain or cargo-fuzz; see scripts/setup.sh)"; fi

fuzz:
	$(MAKE) test-fuzz FUZZ_SECONDS=900

test-lint:
	npx web-ext lint --source-dir extension --self-hosted --warnings-as-errors=false

test-e2e: $(WASM) $(TABLE) $(TOOL_WASM)
	node --test --test-concurrency=1 tests/e2e/

bench: setup build $(DEV_WASM)
	node benches/run.mjs | tee benches/out/latest.txt

bench-smoke: $(WASM) $(TABLE) $(DEV_WASM)
	node benches/run.mjs --smoke

clean:
	cargo clean
	rm -rf extension/core dist
