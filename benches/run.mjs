// make bench: FactFlag against a bare DOM walk, mark.js and its own native build, side by side
// in one run on this machine. Prints a table and writes benches/out/report.json.
//   node benches/run.mjs            the full corpus (21 pages, both browsers)
//   node benches/run.mjs --smoke    one page, a few iterations (make test runs this)
//   node benches/run.mjs --core     the core's figures only, no browsers
//   --pages=a.html,b.html           only these pages; --skip-markjs  leave mark.js out
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { ensurePages } from "./make-pages.mjs";
import { INSTRUMENT, settle } from "./instrument.mjs";
import os from "node:os";
import { startServer, launch, sleep, hook, until, ROOT } from "../tests/e2e/harness.mjs";

const SMOKE = process.argv.includes("--smoke");
const here = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(here, "out");
fs.mkdirSync(OUT, { recursive: true });
const log = (...a) => console.error(...a);

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN; };
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)] : NaN; };
const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const r2 = (x) => (Number.isFinite(x) ? Math.round(x * 100) / 100 : x);

let pages = ensurePages();
if (SMOKE) pages = pages.filter((p) => p.name === "article-05.html");
const only = process.argv.find((a) => a.startsWith("--pages="));
if (only) pages = pages.filter((p) => only.slice(8).split(",").includes(p.name));
const ITER = SMOKE ? 2 : 5;
// For quick iterations on the extension: leaves out mark.js (its budget then has no figure).
const SKIP_MARKJS = process.argv.includes("--skip-markjs");
// Page loads per page and browser, for the bare pass and for FactFlag alike (medians).
// The 2 MB page gets three: its latency is a budget of its own, and one load of it varied by
// more than 50 ms between runs.
const loadsOf = (p) => { const size = fs.statSync(p.file).size; return SMOKE ? 1 : size > 5_000_000 ? 1 : size > 200_000 ? 3 : 5; };
const bareDir = bareExtension();
// The long pages with a latency budget of their own, and their names in the budget lines.
const BIG_PAGES = [["big-2mb.html", "the 2 MB page"], ["sections-2mb.html", "the 2 MB page of 400 sections"]];
const report = {
  machine: machine(),
  smoke: SMOKE,
  methods: {
    core: "MB/s of page text, doing the extension's work: check_marks in node (after warm-up passes over all pages for at least 3 s) and Checker::check_with(Detail::Marked) natively (release build). Native and wasm are timed in alternating rounds (3, 1 in the smoke run), so that a slow spell of the machine falls on both; each figure is the median over rounds of each round's median. The full report (every finding written out) is timed beside it: check in wasm (the core built with dev-exports, warmed up in the same passes), Checker::check natively",
    main_thread: "Chromium: CDP CPU profiler at 50 µs, time of samples whose stack holds a chrome-extension:// frame, mean over the loads of a page. Firefox: the content scripts' own timing of every synchronous stretch of their work (FF.work)",
    bare_walk: "a minimal extension whose content script, injected at the same run_at, walks document.body's text nodes with a TreeWalker, reads their data and sends it to its background in one message (one round trip) once the document is parsed (DOMContentLoaded, when FactFlag starts reading, or reads what is left of a page it began reading while it was parsed); measured the same way as FactFlag in each browser",
    longest_task: "Chromium: one more load with a trace; RunTask events on the page's main thread with extension samples in them; a task counts whole when extension code is at least half of it, else only the extension's share",
    latency: "DOMContentLoaded to the last <factflagmark> inserted, median over the loads; in Chromium over as many loads again without the profiler",
    latency_floor: "on the 2 MB pages: DOMContentLoaded to the reply of the bare pass's one round trip, median over unprofiled loads (printed beside the latency budgets)",
    startup: "cold service worker (stopped over CDP, woken by an extension page), 9 times: performance.now() in the worker when the core is ready, i.e. from the worker's start; median",
    loads: "one warm-up load per browser first; then 5 loads per page under 200 KB, 3 under 5 MB, 1 above",
  },
  pages: {},
  budgets: [],
};

function machine() {
  const cpu = fs.readFileSync("/proc/cpuinfo", "utf8").match(/model name\s*:\s*(.*)/)?.[1] ?? "unknown";
  const ver = (cmd, args) => { try { return execFileSync(cmd, args).toString().trim().split("\n")[0]; } catch { return null; } };
  return { cpu, cores: fs.readFileSync("/proc/cpuinfo", "utf8").match(/^processor/gm).length, node: process.version,
    chromium: ver("chromium", ["--version"]), firefox: ver("firefox-esr", ["--version"]), rustc: ver("rustc", ["--version"]) };
}
function page(name) { return (report.pages[name] ??= {}); }

// 1. Core throughput: native (the release build) and wasm (in node), on the same text blocks,
// in alternating rounds.
const ROUNDS = SMOKE ? 1 : 3;
log("== core throughput: native");
const blocksDir = path.join(ROOT, "target", "bench", "blocks");
const nativeRounds = [];
const nativeRound = () => {
  const out = execFileSync("cargo", ["run", "-q", "--release", "--example", "throughput", "--", "--iterations", String(ITER), "--dump", blocksDir, ...pages.map((p) => p.file)], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] }).toString();
  const native = JSON.parse(out.trim().split("\n").pop());
  for (const r of native.pages) Object.assign(page(r.page), { text_bytes: r.text_bytes, claims: r.claims });
  nativeRounds.push(native.pages);
};
nativeRound();

log("== core throughput, memory and start-up: wasm in node");
// The extension's glue is a classic script (wasm-bindgen --target no-modules) that defines
// `wasm_bindgen`, as the background loads it.
const core = new Function(`${fs.readFileSync(path.join(ROOT, "extension", "core", "factflag.js"), "utf8")}\nreturn wasm_bindgen;`)();
const wasmBytes = fs.readFileSync(path.join(ROOT, "extension", "core", "factflag_bg.wasm"));
let t0 = performance.now();
const exports = core.initSync({ module: wasmBytes });
const instantiateMs = performance.now() - t0;
// The table ships beside the .wasm (core/facts.bin); the background fetches it while the code
// compiles and hands its bytes to init, as here.
const snapshot = fs.readFileSync(path.join(ROOT, "extension", "core", "facts.bin"));
t0 = performance.now();
core.init(snapshot);
const tableMs = performance.now() - t0;
report.node_startup = { compile_instantiate_ms: r2(instantiateMs), table_load_ms: r2(tableMs) };
// The full report and the name list come from the same core built with the entry points only
// tests and benchmarks call (Cargo.toml's dev-exports, `make` puts it in target/dev-core); the
// extension's core has only what the extension calls, and everything else is timed on it.
const dev = await import(path.join(ROOT, "target", "dev-core", "factflag.js"));
dev.initSync({ module: fs.readFileSync(path.join(ROOT, "target", "dev-core", "factflag_bg.wasm")) });
dev.init();
const date = "2024-10-19";
const memPage = pages.find((p) => p.name === "big-2mb.html") ?? pages[0];
core.check_marks(JSON.parse(fs.readFileSync(path.join(blocksDir, memPage.name + ".json"), "utf8")), date, false, false, false);
report.memory = { page: memPage.name, linear_memory_bytes: exports.memory.buffer.byteLength };
// Timed through the entry point the extension calls (check_marks: the whole check, with the
// findings it marks copied out), and through check (every finding copied out, as the CLI's
// JSON has them). One pass over every page first, so V8 has tiered the code up as it has in
// a background worker that has been checking pages.
const allBlocks = pages.map((p) => JSON.parse(fs.readFileSync(path.join(blocksDir, p.name + ".json"), "utf8")));
// Warm-up: whole passes over every page for at least 3 s (0.5 s in the smoke run). V8 runs
// wasm in its baseline tier first and optimises hot functions on background threads; on two
// busy cores one pass was sometimes not enough, and the figures then measured baseline code.
const warmUntil = performance.now() + (SMOKE ? 500 : 3000);
let warmPasses = 0;
do {
  for (const blocks of allBlocks) {
    core.check_marks(blocks, date, false, false, false);
    dev.check(blocks, date);
  }
  warmPasses++;
} while (performance.now() < warmUntil);
report.wasm_warm_up_passes = warmPasses;
const timeIt = (f) => {
  f();
  const times = [];
  for (let i = 0; i < ITER; i++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  return median(times);
};
const wasmRounds = [];
const wasmRound = () =>
  wasmRounds.push(
    pages.map((p, i) => {
      const blocks = allBlocks[i];
      const bytes = page(p.name).text_bytes;
      return {
        page: p.name,
        mb_per_s: bytes / 1e6 / (timeIt(() => core.check_marks(blocks, date, false, false, false)) / 1e3),
        full_mb_per_s: bytes / 1e6 / (timeIt(() => dev.check(blocks, date)) / 1e3),
      };
    }),
  );
wasmRound();
for (let k = 1; k < ROUNDS; k++) {
  log(`== core throughput: round ${k + 1} of ${ROUNDS}`);
  nativeRound();
  wasmRound();
}
const overRounds = (rounds, i, key) => median(rounds.map((r) => r[i][key]));
pages.forEach((p, i) => {
  const row = page(p.name);
  row.native_mb_s = r2(overRounds(nativeRounds, i, "mb_per_s"));
  row.native_full_report_mb_s = r2(overRounds(nativeRounds, i, "full_mb_per_s"));
  row.wasm_mb_s = r2(overRounds(wasmRounds, i, "mb_per_s"));
  row.wasm_full_report_mb_s = r2(overRounds(wasmRounds, i, "full_mb_per_s"));
  row.wasm_native_ratio = r2(row.wasm_mb_s / row.native_mb_s);
});
const names = dev.names();

// 2. Size.
const gz = (b) => zlib.gzipSync(b, { level: 9 }).length;
const dataFiles = [];
(function walk(d) { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else if (p.endsWith(".tsv")) dataFiles.push(p); } })(path.join(ROOT, "data"));
const dataBytes = Buffer.concat(dataFiles.map((f) => fs.readFileSync(f)));
const jsFiles = [];
(function walk(d) { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) { if (e.name !== "demo") walk(p); } else if (p.endsWith(".js")) jsFiles.push(p); } })(path.join(ROOT, "extension"));
const jsBytes = Buffer.concat(jsFiles.map((f) => fs.readFileSync(f)));
// The code is the .wasm as it ships: the table is a file of its own beside it (facts.bin, the
// snapshot build.rs wrote, src/snapshot.rs). Until 6 December 2026 the table was inside the
// .wasm and this cut its bytes out to measure the code (docs/performance.md).
const codeBytes = wasmBytes;
report.size = { wasm_bytes: wasmBytes.length, wasm_gzip_bytes: gz(wasmBytes), code_gzip_bytes: gz(codeBytes), facts_tsv_bytes: dataBytes.length, facts_tsv_gzip_bytes: gz(dataBytes),
  facts_snapshot_bytes: snapshot.length, facts_snapshot_gzip_bytes: gz(snapshot),
  js_bytes: jsBytes.length, js_gzip_bytes: gz(jsBytes) };

if (process.argv.includes("--core")) {
  // Core figures only (no browsers): for quick iterations on the core.
  console.log("page\ttext_bytes\tnative_mb_s\twasm_mb_s\twasm_native_ratio\tnative_full_report_mb_s\twasm_full_report_mb_s");
  for (const [n, r] of Object.entries(report.pages)) console.log([n, r.text_bytes, r.native_mb_s, r.wasm_mb_s, r.wasm_native_ratio, r.native_full_report_mb_s, r.wasm_full_report_mb_s].join("\t"));
  const m = (k) => median(Object.values(report.pages).map((r) => r[k]));
  console.log(`median: native ${m("native_mb_s")} MB/s, wasm ${m("wasm_mb_s")} MB/s, ratio ${m("wasm_native_ratio")}; wasm ${report.size.wasm_gzip_bytes} B gzipped`);
  process.exit(0);
}

// 3. Browsers.
const server = await startServer();
// The bare pass: a minimal extension whose content script walks the page's text nodes with a
// TreeWalker and reads their data, and nothing else: the floor any DOM scanner pays. It is
// injected at the same point of the page load as FactFlag's (same matches and run_at) and walks
// when FactFlag starts reading (once the document is parsed), so both are measured cold, the
// same way, in the same browser build.
function bareExtension() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factflag-bare-"));
  const ours = JSON.parse(fs.readFileSync(path.join(ROOT, "extension", "manifest.json"), "utf8"));
  const cs = ours.content_scripts[0];
  fs.writeFileSync(path.join(dir, "manifest.json"), JSON.stringify({
    manifest_version: 3, name: "bare TreeWalker pass", version: "1.0",
    background: { service_worker: "bg.js", scripts: ["bg.js"] },
    content_scripts: [{ matches: cs.matches, js: ["walk.js"], run_at: cs.run_at }],
    browser_specific_settings: { gecko: { id: "bare-walk@factflag.example", data_collection_permissions: { required: ["none"] } } },
  }));
  // FactFlag's content scripts start at document_start and read the page once it is parsed;
  // the bare pass walks at that same moment.
  // The floor includes one round trip to the background with the text (a decision recorded in
  // docs/DEVELOPERS.md): any extension that checks text off the page pays the message, and in
  // Firefox the first use of the runtime API costs several milliseconds by itself. The time is
  // the walk plus the synchronous part of sending; the reply only signals the harness.
  fs.writeFileSync(path.join(dir, "bg.js"), `"use strict";
(globalThis.browser ?? chrome).runtime.onMessage.addListener((m, _s, reply) => { reply({ chars: m.text.length }); });
`);
  fs.writeFileSync(path.join(dir, "walk.js"), `"use strict";
const walk = () => {
  const t0 = performance.now();
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let n, count = 0, chars = 0;
  const parts = [];
  while ((n = w.nextNode())) { chars += n.data.length; count++; parts.push(n.data); }
  const sent = (globalThis.browser ?? chrome).runtime.sendMessage({ text: parts.join("\\n") });
  const ms = performance.now() - t0;
  // replied: DOMContentLoaded to the reply, the latency floor of any checker in a background.
  sent.then(() => { document.documentElement.dataset.ffbare = JSON.stringify({ ms, count, chars, replied: performance.now() - t0 }); });
};
if (document.readyState === "loading") addEventListener("DOMContentLoaded", walk, { once: true });
else walk();
`);
  return dir;
}

// Sample times (µs, the browser's monotonic clock) whose stack holds an extension frame.
function extensionSamples(profile) {
  const parent = new Map(), byId = new Map();
  for (const n of profile.nodes) { byId.set(n.id, n); for (const c of n.children ?? []) parent.set(c, n.id); }
  const isExt = new Map();
  const ext = (id) => {
    if (isExt.has(id)) return isExt.get(id);
    const n = byId.get(id);
    const v = n.callFrame.url.startsWith("chrome-extension://") || (parent.has(id) && ext(parent.get(id)));
    isExt.set(id, v);
    return v;
  };
  const out = [];
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i];
    const dt = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i]) / 1000;
    if (ext(id)) out.push([t, dt]);
  });
  return out;
}

// Tasks on the page's main thread (the renderer's CrRendererMain with the most extension
// samples inside its tasks), from a trace taken alongside the profile: [start µs, duration µs].
function mainThreadTasks(trace, samples) {
  const names = new Map();
  for (const e of trace.traceEvents) if (e.ph === "M" && e.name === "thread_name") names.set(`${e.pid}:${e.tid}`, e.args.name);
  const byThread = new Map();
  for (const e of trace.traceEvents) {
    if (e.ph !== "X" || e.name !== "RunTask" || !e.dur) continue;
    const k = `${e.pid}:${e.tid}`;
    if (names.get(k) !== "CrRendererMain") continue;
    if (!byThread.has(k)) byThread.set(k, []);
    byThread.get(k).push([e.ts, e.dur]);
  }
  let best = [], bestHits = -1;
  for (const tasks of byThread.values()) {
    tasks.sort((x, y) => x[0] - y[0]);
    let hits = 0;
    for (const [t] of samples) if (taskAt(tasks, t)) hits++;
    if (hits > bestHits) { best = tasks; bestHits = hits; }
  }
  return best;
}
function taskAt(tasks, t) {
  let lo = 0, hi = tasks.length - 1, found = null;
  while (lo <= hi) { const mid = (lo + hi) >> 1; if (tasks[mid][0] <= t) { found = tasks[mid]; lo = mid + 1; } else hi = mid - 1; }
  return found && t <= found[0] + found[1] ? found : null;
}

// The extension's main-thread time, and its longest task: a task counts whole when the
// extension's code is most of it, else only the extension's share of it counts.
function extensionCost(profile, trace) {
  const samples = extensionSamples(profile);
  const total = samples.reduce((a, [, dt]) => a + dt, 0);
  const tasks = mainThreadTasks(trace, samples);
  const inTask = new Map();
  for (const [t, dt] of samples) { const k = taskAt(tasks, t); if (k) inTask.set(k, (inTask.get(k) ?? 0) + dt); }
  let longest = 0, longestTask = 0;
  for (const [[, dur], ext] of inTask) {
    const d = dur / 1000;
    longest = Math.max(longest, ext >= d / 2 ? d : ext);
    longestTask = Math.max(longestTask, d);
  }
  return { total, longest, longestTask, tasks: inTask.size };
}

const TRACE_CATEGORIES = ["toplevel", "disabled-by-default-devtools.timeline"];

async function profiled(pg, run, traced = false) {
  const cdp = await pg.createCDPSession();
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
  if (traced) await pg.tracing.start({ categories: TRACE_CATEGORIES });
  await cdp.send("Profiler.start");
  await run();
  const { profile } = await cdp.send("Profiler.stop");
  const trace = traced ? JSON.parse(new TextDecoder().decode(await pg.tracing.stop())) : null;
  await cdp.detach();
  if (!trace) return { total: extensionSamples(profile).reduce((a, [, dt]) => a + dt, 0) };
  return extensionCost(profile, trace);
}

// One load before measuring, in each browser: the first page a browser opens also pays for
// compiling the content scripts (later pages reuse the compiled code) and, for FactFlag, for
// starting the background. Both are figures of their own (start-up, below), not of a page.
async function warmUp(b) {
  const pg = await b.browser.newPage();
  await pg.goto(`${server.origin}/bench/${pages[0].name}`, { waitUntil: "load", timeout: 120000 });
  await sleep(1000);
  await pg.close();
}

async function measure(kind) {
  log(`== ${kind}: mark.js (no extension)`);
  const bare = await launch(kind, { extension: null });
  const markjs = fs.readFileSync(path.join(ROOT, "node_modules", "mark.js", "dist", "mark.min.js"), "utf8");
  const terms = SMOKE ? names.slice(0, 100) : names;
  for (const p of SKIP_MARKJS ? [] : pages) {
    const pg = await bare.browser.newPage();
    await pg.goto(`${server.origin}/bench/${p.name}`, { waitUntil: "load", timeout: 120000 });
    const row = page(p.name);
    // mark.js: the same names, in chunks, stopping after a time budget and extrapolating.
    await pg.evaluate(markjs);
    const budgetMs = SMOKE ? 3000 : 15000;
    const res = await pg.evaluate(async (ts, budget) => {
      const root = document.querySelector("article") || document.body;
      const inst = new Mark(root);
      let done = 0, spent = 0;
      for (let i = 0; i < ts.length && spent < budget; i += 25) {
        const chunk = ts.slice(i, i + 25);
        const t = performance.now();
        await new Promise((r) => inst.mark(chunk, { separateWordSearch: false, accuracy: "exactly", caseSensitive: false, done: r }));
        spent += performance.now() - t;
        done += chunk.length;
      }
      return { done, spent };
    }, terms, budgetMs);
    row[`${kind}_markjs_ms`] = r2(res.spent * (terms.length / res.done));
    row[`${kind}_markjs_extrapolated`] = res.done < terms.length;
    await pg.close();
  }
  await bare.browser.close();

  log(`== ${kind}: bare TreeWalker pass, as an extension`);
  const walker = await launch(kind, { extension: bareDir, raw: true });
  await warmUp(walker);
  for (const p of pages) {
    // One load of the page with the bare pass: what it timed itself, and the profiler's cost
    // when `profile` (Chromium only).
    const load = async (profile) => {
      const pg = await walker.browser.newPage();
      const go = async () => {
        await pg.goto(`${server.origin}/bench/${p.name}`, { waitUntil: "load", timeout: 120000 });
        await until(pg, () => document.documentElement.dataset.ffbare);
      };
      const cost = profile ? await profiled(pg, go) : (await go(), null);
      const self = JSON.parse(await pg.evaluate(() => document.documentElement.dataset.ffbare));
      await pg.close();
      return { cost, self };
    };
    const reps = [];
    for (let i = 0; i < loadsOf(p); i++) {
      const { cost, self } = await load(kind === "chromium");
      reps.push({ ms: cost ? cost.total : self.ms, self_ms: self.ms, nodes: self.count });
    }
    // On the 2 MB pages, as many loads again without the profiler, for the floor of latency:
    // when the bare pass's one round trip comes back. There the reply waits for the page's own
    // first layout, which no extension that checks in its background can draw a mark before.
    const floor = [];
    if (BIG_PAGES.some(([name]) => name === p.name)) {
      for (let i = 0; i < loadsOf(p); i++) floor.push((await load(false)).self.replied);
    }
    const row = page(p.name);
    if (floor.length) row[`${kind}_bare_reply_after_dcl_ms`] = r2(median(floor));
    row[`${kind}_text_nodes`] = reps[0].nodes;
    // The mean over the loads: a cold walk of a small page is only a few profiler samples.
    row[`${kind}_bare_walk_ms`] = r2(mean(reps.map((x) => x.ms)));
    row[`${kind}_bare_walk_self_timed_ms`] = r2(median(reps.map((x) => x.self_ms)));
  }
  await walker.browser.close();

  log(`== ${kind}: with the extension`);
  const b = await launch(kind);
  await warmUp(b);
  for (const p of pages) {
    log(`   ${p.name}`);
    // Main-thread cost from loads with the profiler alone; the longest task from one more
    // load with a trace as well (tracing slows every call into script, and FactFlag makes many
    // more of those than the bare pass). In Chromium, latency is taken from as many loads
    // again, without the profiler: sampling every 50 µs slows the page's scripts, FactFlag's
    // included, and latency read under it was too long (the 2 MB page: 475 ms profiled, where
    // unprofiled loads of the same build took 354-472 ms).
    const reps = [];
    let longest = null;
    const load = async (mode) => {
      const pg = await b.browser.newPage();
      await pg.evaluateOnNewDocument(INSTRUMENT);
      const go = async () => {
        await pg.goto(`${server.origin}/bench/${p.name}`, { waitUntil: "domcontentloaded", timeout: 120000 });
        await settle(pg);
      };
      const cost = mode === "plain" ? (await go(), null) : await profiled(pg, go, mode === "traced");
      const bench = await pg.evaluate(() => window.__ffbench);
      // Firefox has no CDP profiler: there the content scripts' own timing (FF.work) is read.
      const work = kind === "chromium" ? null : (await hook(pg, "state")).work;
      await pg.close();
      return { bench, cost, work };
    };
    for (let i = 0; i < loadsOf(p); i++) {
      if (kind === "chromium") {
        const { cost } = await load("profiled");
        const { bench } = await load("plain");
        reps.push({ latency: bench.lastMark - bench.dcl, marks: bench.marks, main: cost.total, longest: null });
      } else {
        const { bench, work } = await load("plain");
        reps.push({ latency: bench.lastMark - bench.dcl, marks: bench.marks, main: work.totalMs, longest: work.longestMs });
      }
    }
    if (kind === "chromium") longest = (await load("traced")).cost;
    const row = page(p.name);
    const med = (k) => r2(median(reps.map((x) => x[k])));
    row[`${kind}_latency_ms`] = med("latency");
    row[`${kind}_marks`] = reps[0].marks;
    row[`${kind}_main_thread_ms`] = r2(mean(reps.map((x) => x.main)));
    if (longest) {
      row.chromium_longest_task_ms = r2(longest.longest);
      row.chromium_longest_task_with_extension_ms = r2(longest.longestTask);
    } else {
      row[`${kind}_longest_self_timed_stretch_ms`] = r2(Math.max(...reps.map((x) => x.longest)));
    }
    row[`${kind}_cost_ratio`] = r2(row[`${kind}_main_thread_ms`] / row[`${kind}_bare_walk_ms`]);
    row[`${kind}_vs_markjs`] = r2(row[`${kind}_markjs_ms`] / row[`${kind}_latency_ms`]);
  }

  log(`== ${kind}: dynamic page`);
  // Dynamic page: append paragraphs in batches; each batch should cost what it adds.
  const batches = SMOKE ? 4 : 100;
  const pg = await b.browser.newPage();
  await pg.evaluateOnNewDocument(INSTRUMENT);
  await pg.goto(`${server.origin}/bench/${pages[0].name}`, { waitUntil: "domcontentloaded" });
  await settle(pg);
  const per = [];
  for (let i = 0; i < batches; i++) {
    const before = await pg.evaluate(() => window.__ffbench.marks);
    const t = await pg.evaluate((k) => {
      const art = document.querySelector("article");
      for (let j = 0; j < 10; j++) { const el = document.createElement("p"); el.textContent = `Update ${k}.${j}: Sweden joined NATO in 2022, officials said. The talks went on.`; art.appendChild(el); }
      return performance.now();
    }, i);
    let m;
    for (let w = 0; w < 200; w++) { m = await pg.evaluate(() => [window.__ffbench.marks, window.__ffbench.lastMark]); if (m[0] >= before + 10) break; await sleep(25); }
    per.push(m[1] - t);
  }
  const k = Math.max(1, Math.floor(batches / 10));
  // Text edited in place: one paragraph of the page at a time gets a new false claim in its
  // own text node (characterData); only that paragraph should be read again.
  const edits = SMOKE ? 4 : 40;
  const perEdit = [];
  for (let i = 0; i < edits; i++) {
    const before = await pg.evaluate(() => window.__ffbench.marks);
    const t = await pg.evaluate((k) => {
      const ps = [...document.querySelectorAll("article p")].filter((p) => [...p.childNodes].some((n) => n.nodeType === 3 && n.data.trim()));
      const p = ps[(k * 7) % ps.length];
      const tn = [...p.childNodes].find((n) => n.nodeType === 3 && n.data.trim());
      tn.data = `Edited ${k}: Finland joined NATO in 2021, officials said. `;
      return performance.now();
    }, i);
    let m;
    for (let w = 0; w < 200; w++) { m = await pg.evaluate(() => [window.__ffbench.marks, window.__ffbench.lastMark]); if (m[0] >= before + 1 && m[1] > t) break; await sleep(25); }
    perEdit.push(m[1] - t);
  }
  const ke = Math.max(1, Math.floor(edits / 10));
  report[`${kind}_dynamic`] = {
    batches,
    paragraphs_per_batch: 10,
    first_batches_ms: r2(median(per.slice(0, k))),
    last_batches_ms: r2(median(per.slice(-k))),
    edits,
    first_edits_ms: r2(median(perEdit.slice(0, ke))),
    last_edits_ms: r2(median(perEdit.slice(-ke))),
    note: "append (or edit in place) to last mark, includes the 250 ms debounce",
  };
  await pg.close();

  if (kind === "chromium") {
    log(`== ${kind}: cold start-up`);
    // Start-up, cold: stop the service worker, wake it with a page, read its own timing.
    const starts = [];
    for (let i = 0; i < (SMOKE ? 2 : 9); i++) {
      const cdpPage = await b.browser.newPage();
      const c = await cdpPage.createCDPSession();
      await c.send("ServiceWorker.enable");
      await c.send("ServiceWorker.stopAllWorkers");
      for (let j = 0; j < 50 && b.browser.targets().some((t) => t.type() === "service_worker"); j++) await sleep(100);
      await cdpPage.close();
      // Wake it from an extension page, which asks the background for its own timing.
      const pg2 = await b.browser.newPage();
      await pg2.goto(`${b.base}/popup/popup.html`);
      const info = await pg2.evaluate(() => chrome.runtime.sendMessage({ type: "factflag:startup", version: 1 }));
      if (!info?.ok) throw new Error(`no start-up timing: ${JSON.stringify(info)}`);
      starts.push(info);
      await pg2.close();
    }
    report.chromium_startup = {
      core_load_ms: starts.map((s) => r2(s.startupMs)),
      compile_instantiate_ms: starts.map((s) => r2(s.compileMs)),
      table_ms: starts.map((s) => r2(s.tableMs)),
      since_worker_start_ms: starts.map((s) => r2(s.sinceStartMs)),
      // The worker's own start, before our first line runs: an empty worker takes as long.
      before_script_ms: starts.map((s) => r2(s.scriptStartMs)),
    };
  }
  await b.browser.close();
}

for (const kind of ["chromium", "firefox"]) await measure(kind);
await server.close();

// 4. Budgets.
const rows = Object.entries(report.pages);
const typical = rows.filter(([n]) => n.startsWith("article-"));
const budget = (name, value, pass, detail = "") => report.budgets.push({ name, value, pass, detail });
const wasmMbs = rows.map(([, r]) => r.wasm_mb_s);
budget("wasm/native throughput ≥ 0.5 (median)", median(rows.map(([, r]) => r.wasm_native_ratio)), median(rows.map(([, r]) => r.wasm_native_ratio)) >= 0.5);
// Throughput itself is reported, with no fixed bar (decision recorded in docs/DEVELOPERS.md): a
// claim shape may cost at most 20% of it, measured side by side with the code before it.
report.throughput_wasm_mb_s_median = median(wasmMbs);
for (const kind of ["chromium", "firefox"]) {
  // Every page counts: a page whose bare pass was too short to measure has an infinite ratio.
  const ratios = rows.map(([, r]) => r[`${kind}_cost_ratio`]).filter((x) => typeof x === "number" && !Number.isNaN(x));
  budget(`${kind}: main-thread cost ÷ bare walk, median ≤ 5`, median(ratios), median(ratios) <= 5);
  budget(`${kind}: main-thread cost ÷ bare walk, p95 ≤ 10`, p95(ratios), p95(ratios) <= 10);
  const lat = typical.map(([, r]) => r[`${kind}_latency_ms`]);
  if (lat.length) budget(`${kind}: DCL → last mark on typical articles, median ≤ 100 ms`, median(lat), median(lat) <= 100);
  for (const [page, what] of BIG_PAGES) {
    const big = report.pages[page];
    const floor = big?.[`${kind}_bare_reply_after_dcl_ms`];
    if (big) budget(`${kind}: DCL → last mark on ${what} ≤ 300 ms`, big[`${kind}_latency_ms`], big[`${kind}_latency_ms`] <= 300, floor ? `the bare pass's reply came ${floor} ms after DCL` : "");
  }
  const vs = rows.map(([, r]) => r[`${kind}_vs_markjs`]).filter(Number.isFinite);
  budget(`${kind}: ≥ 10× faster than mark.js (median)`, median(vs), median(vs) >= 10);
}
const longest = Math.max(...rows.map(([, r]) => r.chromium_longest_task_ms ?? 0));
budget("chromium: no task > 50 ms caused by the extension (trace tasks × profile samples)", longest, longest <= 50);
if (report.chromium_startup) {
  const s = median(report.chromium_startup.since_worker_start_ms);
  budget("chromium: start-up to core ready ≤ 30 ms (median, cold worker)", s, s <= 30, `from the script's first line: ${r2(median(report.chromium_startup.since_worker_start_ms.map((x, i) => x - report.chromium_startup.before_script_ms[i])))} ms`);
}
budget(".wasm code without the table ≤ 300 KB gzipped", report.size.code_gzip_bytes, report.size.code_gzip_bytes <= 300 * 1024);
budget("bundled table gzipped ≤ data/ TSV gzipped", report.size.facts_snapshot_gzip_bytes, report.size.facts_snapshot_gzip_bytes <= report.size.facts_tsv_gzip_bytes, `TSV ${report.size.facts_tsv_gzip_bytes} B`);
budget("linear memory ≤ 32 MB after the 2 MB page", report.memory.linear_memory_bytes, report.memory.linear_memory_bytes <= 32 * 1024 * 1024);
const dyn = report.chromium_dynamic ?? {};
budget("chromium: dynamic page, last batches ÷ first batches ≤ 2", r2(dyn.last_batches_ms / dyn.first_batches_ms), dyn.last_batches_ms / dyn.first_batches_ms <= 2);
budget("chromium: text edited in place, last edits ÷ first edits ≤ 2", r2(dyn.last_edits_ms / dyn.first_edits_ms), dyn.last_edits_ms / dyn.first_edits_ms <= 2);

fs.writeFileSync(path.join(OUT, SMOKE ? "smoke.json" : "report.json"), JSON.stringify(report, null, 2));

// 5. Table.
const cols = ["text_bytes", "native_mb_s", "wasm_mb_s", "wasm_native_ratio", "chromium_text_nodes", "chromium_bare_walk_ms", "chromium_main_thread_ms", "chromium_cost_ratio", "chromium_latency_ms", "chromium_markjs_ms", "chromium_vs_markjs", "chromium_longest_task_ms", "firefox_bare_walk_ms", "firefox_main_thread_ms", "firefox_cost_ratio", "firefox_latency_ms", "firefox_markjs_ms", "firefox_vs_markjs"];
console.log(["page", ...cols].join("\t"));
for (const [n, r] of rows) console.log([n, ...cols.map((c) => r[c] ?? "")].join("\t"));
console.log(`\nsize: wasm ${report.size.wasm_bytes} B (${report.size.wasm_gzip_bytes} B gzipped); facts table beside it (facts.bin) ${report.size.facts_snapshot_bytes} B (${report.size.facts_snapshot_gzip_bytes} B gzipped; ${report.size.facts_tsv_bytes} B of TSV in data/, ${report.size.facts_tsv_gzip_bytes} B gzipped); JS ${report.size.js_bytes} B (${report.size.js_gzip_bytes} B gzipped)`);
console.log(`memory: ${report.memory.linear_memory_bytes} B of wasm linear memory after ${report.memory.page}`);
console.log(`node start-up: compile+instantiate ${report.node_startup.compile_instantiate_ms} ms, table ${report.node_startup.table_load_ms} ms`);
if (report.chromium_startup) {
  const s = report.chromium_startup;
  console.log(`chromium start-up (cold worker): since worker start ${s.since_worker_start_ms.join(", ")} ms; core load ${s.core_load_ms.join(", ")} ms, of which compile+instantiate ${s.compile_instantiate_ms.join(", ")} ms and table ${s.table_ms.join(", ")} ms; the worker's start before the script's first line ${s.before_script_ms.join(", ")} ms`);
}
for (const k of ["chromium", "firefox"]) console.log(`${k} dynamic: ${JSON.stringify(report[`${k}_dynamic`])}`);
console.log("\nbudgets:");
for (const b of report.budgets) console.log(`  ${b.pass ? "PASS" : "FAIL"}  ${b.name}: ${b.value}${b.detail ? ` (${b.detail})` : ""}`);
console.log(`\nbudgets met: ${report.budgets.filter((b) => b.pass).length} of ${report.budgets.length}${SMOKE ? " (smoke run: one page, so these figures are not the benchmark's)" : ""}`);
