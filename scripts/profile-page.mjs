// Diagnostic (not part of make test): load one benchmark page in Chromium with the extension,
// CPU-profile it, and print where the extension's main-thread time goes, including its
// longest uninterrupted run.   node scripts/profile-page.mjs big-2mb.html
import { startServer, launch, sleep } from "../tests/e2e/harness.mjs";
import { INSTRUMENT, settle } from "../benches/instrument.mjs";
const name = process.argv[2] || "article-10.html";
const server = await startServer();
const b = await launch("chromium");
// A first load, unmeasured, as in the benchmark: it compiles the content scripts and starts
// the background.
{
  const w = await b.browser.newPage();
  await w.goto(`${server.origin}/bench/${name}`, { waitUntil: "load", timeout: 120000 });
  await sleep(1500);
  await w.close();
}
const pg = await b.browser.newPage();
await pg.evaluateOnNewDocument(INSTRUMENT);
const cdp = await pg.createCDPSession();
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
await pg.tracing.start({ categories: ["toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline", "v8"] });
await cdp.send("Profiler.start");
await pg.goto(`${server.origin}/bench/${name}`, { waitUntil: "domcontentloaded", timeout: 120000 });
await settle(pg, 120000);
const bench = await pg.evaluate(() => window.__ffbench);
const { profile } = await cdp.send("Profiler.stop");
const trace = JSON.parse(new TextDecoder().decode(await pg.tracing.stop()));
const byId = new Map(profile.nodes.map((n) => [n.id, n])); const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const stack = (id) => { const s = []; for (let c = id; c !== undefined; c = parent.get(c)) s.push(byId.get(c).callFrame); return s; };
const isExt = (id) => stack(id).some((f) => f.url.startsWith("chrome-extension://"));
let total = 0, run = 0, runStart = 0, best = { len: 0, from: 0, to: 0 };
const self = new Map(), incl = new Map();
profile.samples.forEach((id, i) => {
  const dt = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i]) / 1000;
  if (isExt(id)) {
    total += dt; if (run === 0) runStart = i; run += dt; if (run > best.len) best = { len: run, from: runStart, to: i };
    const s = stack(id); const k = `${s[0].functionName || "(anon)"} ${s[0].url.split("/").pop()}:${s[0].lineNumber}`; self.set(k, (self.get(k) ?? 0) + dt);
    const seen = new Set(); for (const f of s) { const kk = `${f.functionName || "(anon)"} ${f.url.split("/").pop()}:${f.lineNumber}`; if (!seen.has(kk)) { seen.add(kk); incl.set(kk, (incl.get(kk) ?? 0) + dt); } }
  } else if (byId.get(id).callFrame.functionName !== "(idle)" || dt > 2) run = 0;
});
console.log(`${name}: latency ${(bench.lastMark - bench.dcl).toFixed(1)} ms, ${bench.marks} marks, extension main-thread ${total.toFixed(1)} ms, longest run ${best.len.toFixed(1)} ms`);
const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${v.toFixed(1).padStart(7)} ms  ${k}`).join("\n");
console.log("self:\n" + top(self, 15)); console.log("inclusive:\n" + top(incl, 15));
const inRun = new Map();
for (let i = best.from; i <= best.to; i++) { const s = stack(profile.samples[i]); const k = s.slice(0, 4).map((f) => f.functionName || "(anon)").join(" < "); inRun.set(k, (inRun.get(k) ?? 0) + 1); }
console.log("longest run, samples by stack:\n" + [...inRun].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `  ${v} ${k}`).join("\n"));
// The longest main-thread tasks with extension samples in them, and what those samples were.
{
  const names = new Map();
  for (const e of trace.traceEvents) if (e.ph === "M" && e.name === "thread_name") names.set(`${e.pid}:${e.tid}`, e.args.name);
  const tasks = trace.traceEvents.filter((e) => e.ph === "X" && e.name === "RunTask" && e.dur && names.get(`${e.pid}:${e.tid}`) === "CrRendererMain");
  let t = profile.startTime;
  const samples = profile.samples.map((id, i) => { t += profile.timeDeltas[i]; return [t, id]; });
  const rows = [];
  for (const task of tasks) {
    const inside = samples.filter(([ts, id]) => ts >= task.ts && ts <= task.ts + task.dur && isExt(id));
    if (inside.length) rows.push({ task, inside });
  }
  rows.sort((a, b) => b.task.dur - a.task.dur);
  for (const { task, inside } of rows.slice(0, 3)) {
    const agg = new Map();
    for (const [, id] of inside) { const k = stack(id).slice(0, 3).map((f) => f.functionName || "(anon)").join(" < "); agg.set(k, (agg.get(k) ?? 0) + 1); }
    console.log(`task ${(task.dur / 1000).toFixed(1)} ms with ${inside.length} extension samples: ` + [...agg].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, v]) => `${v} ${k}`).join("; "));
    const kids = new Map();
    for (const e of trace.traceEvents) if (e.ph === "X" && e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + task.dur && e !== task && e.dur > 2000) kids.set(e.name, (kids.get(e.name) ?? 0) + e.dur / 1000);
    console.log("   events in it: " + [...kids].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(", "));
  }
}
// STACK_OF="function name": also print the full stacks of the samples in that function.
if (process.env.STACK_OF) {
  const seen = new Map();
  profile.samples.forEach((id) => { const st = stack(id); if (st[0].functionName === process.env.STACK_OF) { const k = st.map((f) => `${f.functionName || "(anon)"}@${f.url.split("/").pop()}:${f.lineNumber}`).join(" < "); seen.set(k, (seen.get(k) ?? 0) + 1); } });
  console.log([...seen].slice(0, 5));
}
// Line-level ticks of the extension's functions with the most self time.
const lines = new Map();
for (const nd of profile.nodes) {
  if (!nd.callFrame.url.startsWith("chrome-extension://")) continue;
  for (const pt of nd.positionTicks ?? []) {
    const k = `${nd.callFrame.url.split("/").pop()}:${pt.line}`;
    lines.set(k, (lines.get(k) ?? 0) + pt.ticks);
  }
}
console.log("hottest lines (samples):\n" + [...lines].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `  ${v} ${k}`).join("\n"));
await b.browser.close(); await server.close();
