// Diagnostic (not part of make test): when each step of the first pass happened on one
// benchmark page, relative to DOMContentLoaded, in Chromium (BROWSER=firefox for Firefox).
//   node scripts/timeline.mjs big-2mb.html [loads]   (EXT=/path/to/extension for another build)
// With loads > 1, the page is loaded that many times in one browser after a warm-up load of
// a short article, as the benchmark does (the background's core is then warm and tiered up).
import { startServer, launch, stateOf } from "../tests/e2e/harness.mjs";
import { INSTRUMENT, settle } from "../benches/instrument.mjs";
const name = process.argv[2] || "article-10.html";
const loads = +(process.argv[3] || 1);
const server = await startServer();
// The test build (hooked), whose content scripts record the first pass's timings.
const b = await launch(process.env.BROWSER ?? "chromium", { hooked: true, ...(process.env.EXT ? { extension: process.env.EXT } : {}) });
const open = async (page) => {
  const pg = await b.browser.newPage();
  await pg.evaluateOnNewDocument(INSTRUMENT);
  await pg.goto(`${server.origin}/bench/${page}`, { waitUntil: "domcontentloaded", timeout: 120000 });
  await settle(pg, 120000);
  return pg;
};
if (loads > 1) await (await open("article-01.html")).close();
for (let i = 0; i < loads; i++) {
  const pg = await open(name);
  const bench = await pg.evaluate(() => window.__ffbench);
  const st = await stateOf(b, pg);
  const t = st.timings, rel = (x) => (x ? (x - bench.dcl).toFixed(1) : "-");
  console.log(`${name}: load ${rel(bench.load)}, injected ${rel(t.injectedAt)}, settings ${rel(t.settingsAt)}, started ${rel(st.reading.startedAt)}, collected ${rel(t.collectedAt)}, sent ${rel(t.sentAt)}, first answer ${rel(t.firstAnswerAt)}, last answer ${rel(t.lastAnswerAt)}, last mark ${rel(bench.lastMark)} (ms after DCL)`);
  console.log(`   durations: collect ${t.collectMs?.toFixed(1)}, background check ${t.checkMs?.toFixed(1)}, wrap ${t.wrapMs?.toFixed(1)}; blocks read while parsing ${st.reading.blocksWhileParsing}`);
  await pg.close();
}
await b.browser.close(); await server.close();
