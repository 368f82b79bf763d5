// Diagnostic (not part of make test): where the extension's main-thread time goes on one
// benchmark page in Chromium, averaged over several profiled loads (one load is too noisy
// for differences of a millisecond). Self time per function, with the extension frame it
// ran under.   node scripts/profile-loads.mjs article-10.html [loads]
import { startServer, launch, sleep } from "../tests/e2e/harness.mjs";
import { INSTRUMENT, settle } from "../benches/instrument.mjs";
const name = process.argv[2] || "article-10.html"; const N = +(process.argv[3] || 6);
const server = await startServer();
const b = await launch("chromium", process.env.EXT ? { extension: process.env.EXT } : {});
{ const w = await b.browser.newPage(); await w.goto(`${server.origin}/bench/${name}`, { waitUntil: "load" }); await sleep(1500); await w.close(); }
const self = new Map(); let total = 0;
for (let k = 0; k < N; k++) {
  const pg = await b.browser.newPage();
  await pg.evaluateOnNewDocument(INSTRUMENT);
  const cdp = await pg.createCDPSession();
  await cdp.send("Profiler.enable"); await cdp.send("Profiler.setSamplingInterval", { interval: 50 }); await cdp.send("Profiler.start");
  await pg.goto(`${server.origin}/bench/${name}`, { waitUntil: "domcontentloaded" });
  await settle(pg, 60000);
  const { profile } = await cdp.send("Profiler.stop");
  const byId = new Map(profile.nodes.map((n) => [n.id, n])); const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i]) / 1000;
    const s = []; for (let c = id; c !== undefined; c = parent.get(c)) s.push(byId.get(c).callFrame);
    const ei = s.findIndex((f) => f.url.startsWith("chrome-extension://"));
    if (ei < 0) return;
    total += dt;
    const f = s[0]; const e = s[ei];
    const key = `${f.functionName || "(anon)"}${f.url ? " " + f.url.split("/").pop() + ":" + f.lineNumber : ""}  [in ${e.functionName || "(anon)"} ${e.url.split("/").pop()}:${e.lineNumber}]`;
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  await pg.close();
}
console.log(`${name}: mean extension main-thread ${(total / N).toFixed(2)} ms over ${N} loads`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${(v / N).toFixed(2).padStart(6)} ms  ${k}`);
await b.browser.close(); await server.close();
