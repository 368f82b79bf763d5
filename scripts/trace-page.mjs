// Diagnostic (not part of make test): the page's own main-thread work after DOMContentLoaded,
// without the extension, from three Chromium traces: until when the main thread is busy, and
// its tasks (start+duration, ms after DCL). With `instrument`, the benchmark's page-side
// instrument is installed too, to check that it adds nothing to the page's own work.
//   node scripts/trace-page.mjs big-2mb.html [instrument]
import { startServer, launch, sleep } from "../tests/e2e/harness.mjs";
import { INSTRUMENT } from "../benches/instrument.mjs";
import fs from "node:fs";
const name = process.argv[2] || "big-2mb.html";
const instrument = process.argv[3] === "instrument";
const server = await startServer();
const b = await launch("chromium", { extension: null });
{ const w = await b.browser.newPage(); await w.goto(`${server.origin}/bench/${name}`, { waitUntil: "load", timeout: 120000 }); await sleep(1000); await w.close(); }
for (let round = 0; round < 3; round++) {
  const pg = await b.browser.newPage();
  if (instrument) await pg.evaluateOnNewDocument(INSTRUMENT);
  await pg.tracing.start({ path: "/tmp/d/tr.json", categories: ["devtools.timeline", "toplevel", "loading"] });
  await pg.goto(`${server.origin}/bench/${name}`, { waitUntil: "load", timeout: 120000 });
  await sleep(2500);
  await pg.tracing.stop();
  const ev = JSON.parse(fs.readFileSync("/tmp/d/tr.json")).traceEvents;
  const dcl = ev.find((e) => e.name === "MarkDOMContent");
  const tn = ev.find((e) => e.name === "thread_name" && e.pid === dcl.pid && e.args.name === "CrRendererMain");
  const main = ev.filter((e) => e.pid === dcl.pid && e.tid === tn.tid && e.ph === "X" && (e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask"));
  const after = main.filter((e) => e.ts + e.dur > dcl.ts && e.dur > 5000);
  const last = after.reduce((m, e) => Math.max(m, e.ts + e.dur), 0);
  const paints = ev.filter((e) => e.pid === dcl.pid && (e.name === "firstContentfulPaint" || e.name === "firstPaint" || e.name === "MarkLoad"));
  console.log(`${name}${instrument ? " (instrumented)" : ""}: main thread busy (tasks > 5 ms) until DCL + ${((last - dcl.ts) / 1000).toFixed(0)} ms; tasks after DCL: ${after.map((e) => `${((Math.max(e.ts, dcl.ts) - dcl.ts) / 1000).toFixed(0)}+${((e.ts + e.dur - Math.max(e.ts, dcl.ts)) / 1000).toFixed(0)}`).join(", ")}; ${paints.map((p) => `${p.name} ${((p.ts - dcl.ts) / 1000).toFixed(0)}`).join(", ")}`);
  await pg.close();
}
await b.browser.close(); await server.close();
