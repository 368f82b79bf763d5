// Diagnostic (not part of make test): the marks and counts FactFlag gives benchmark pages that
// arrive at once, against the same pages served slowly in pieces (the test server's /slow/),
// which FactFlag reads while they are parsed. Prints SAME or DIFF per page, and how many
// blocks the slow load read before DOMContentLoaded.
//   node scripts/compare-slow.mjs chromium|firefox [page.html ...]
import { startServer, launch, sleep, marksIn, stateOf } from "../tests/e2e/harness.mjs";
const kind = process.argv[2] || "chromium";
const names = process.argv.slice(3);
const server = await startServer();
const b = await launch(kind);
// Until marks have appeared and none has been added for 1.2 s.
async function settled(pg) {
  let last = -1;
  let since = Date.now();
  for (;;) {
    const m = await pg.evaluate(() => document.getElementsByTagName("factflagmark").length);
    if (m !== last) [last, since] = [m, Date.now()];
    if (m > 0 && Date.now() - since > 1200) return;
    await sleep(150);
  }
}
for (const name of names.length ? names : ["article-05.html", "article-12.html", "encyclopedia-01.html", "encyclopedia-02.html", "liveblog-300k.html"]) {
  const out = [];
  for (const prefix of ["", "/slow"]) {
    const pg = await b.browser.newPage();
    await pg.goto(`${server.origin}${prefix}/bench/${name}`, { waitUntil: "load", timeout: 120000 });
    await settled(pg);
    const st = await stateOf(b, pg);
    out.push({ marks: await marksIn(pg), counts: st.counts, early: st.reading.blocksWhileParsing });
    await pg.close();
  }
  const same = JSON.stringify(out[0]) === JSON.stringify({ ...out[1], early: out[0].early });
  console.log(`${kind} ${name}: ${same ? "SAME" : "DIFF"}; ${out[0].marks.length} marks, counts ${JSON.stringify(out[0].counts)}${same ? "" : ` against ${JSON.stringify(out[1].counts)}`}; ${out[1].early} of ${out[1].counts.blocks} blocks read while parsing`);
}
await b.browser.close();
await server.close();
