// Prints the README's performance table from benches/out/report.json (written by make bench).
//   node scripts/perf-table.mjs
import fs from "node:fs";
const r = JSON.parse(fs.readFileSync(new URL("../benches/out/report.json", import.meta.url), "utf8"));
const f = (x, d = 1) => (typeof x === "number" && Number.isFinite(x) ? x.toFixed(d) : x === Infinity ? "∞" : "–");
const cols = [
  ["page", (n) => n],
  ["text KB", (n, p) => f(p.text_bytes / 1000, 0)],
  ["native MB/s", (n, p) => f(p.native_mb_s)],
  ["wasm MB/s", (n, p) => f(p.wasm_mb_s)],
  ["Chromium: bare walk ms", (n, p) => f(p.chromium_bare_walk_ms, 2)],
  ["ext. ms", (n, p) => f(p.chromium_main_thread_ms, 2)],
  ["ratio", (n, p) => f(p.chromium_cost_ratio)],
  ["DCL→last mark ms", (n, p) => f(p.chromium_latency_ms, 0)],
  ["× mark.js", (n, p) => f(p.chromium_vs_markjs, 0)],
  ["longest task ms", (n, p) => f(p.chromium_longest_task_ms)],
  ["Firefox: bare walk ms", (n, p) => f(p.firefox_bare_walk_ms, 2)],
  ["ext. ms", (n, p) => f(p.firefox_main_thread_ms, 2)],
  ["ratio", (n, p) => f(p.firefox_cost_ratio)],
  ["DCL→last mark ms", (n, p) => f(p.firefox_latency_ms, 0)],
  ["× mark.js", (n, p) => f(p.firefox_vs_markjs, 0)],
];
console.log(`| ${cols.map((c) => c[0]).join(" | ")} |`);
console.log(`|${cols.map(() => "---").join("|")}|`);
for (const [n, p] of Object.entries(r.pages)) console.log(`| ${cols.map((c) => c[1](n, p)).join(" | ")} |`);
console.log();
console.log("```");
for (const b of r.budgets) console.log(`  ${b.pass ? "PASS" : "FAIL"}  ${b.name}: ${typeof b.value === "number" ? Math.round(b.value * 100) / 100 : b.value}`);
console.log(`\nbudgets met: ${r.budgets.filter((b) => b.pass).length} of ${r.budgets.length}`);
console.log("```");
console.log(`\nmachine: ${JSON.stringify(r.machine)}`);
console.log(`size: ${JSON.stringify(r.size)}\nmemory: ${JSON.stringify(r.memory)}\nnode start-up: ${JSON.stringify(r.node_startup)}\nchromium start-up: ${JSON.stringify(r.chromium_startup)}`);
console.log(`dynamic: ${JSON.stringify(r.chromium_dynamic)} ${JSON.stringify(r.firefox_dynamic)}`);
