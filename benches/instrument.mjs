// The page-side instrument shared by the benchmark and the diagnostic scripts: it records
// DOMContentLoaded, the load event and every <factflagmark> the extension inserts, in
// window.__ffbench. Install it with page.evaluateOnNewDocument(INSTRUMENT).
import { sleep } from "../tests/e2e/harness.mjs";

//
// The observer starts at DOMContentLoaded, not before: observing the whole document while it
// is parsed queues a record for every node the parser inserts, and on the 2 MB page that alone
// kept the page's main thread busy until 355-396 ms after DOMContentLoaded, against 220-248 ms
// without it (Chromium traces, no extension, scripts/trace-page.mjs). FactFlag inserts no mark
// before the document is parsed; any that were would be counted at DOMContentLoaded.
export const INSTRUMENT = `(() => {
  const b = (window.__ffbench = { dcl: null, load: null, lastMark: null, marks: 0 });
  document.addEventListener("DOMContentLoaded", () => {
    b.dcl = performance.now();
    b.marks = document.getElementsByTagName("factflagmark").length;
    new MutationObserver((recs) => { for (const r of recs) for (const n of r.addedNodes) if (n.localName === "factflagmark") { b.marks++; b.lastMark = performance.now(); } })
      .observe(document, { childList: true, subtree: true });
  });
  addEventListener("load", () => { b.load = performance.now(); });
})();`;

// Waits until marks have appeared and none has been added for 1.5 s (or `timeout` passes);
// returns the number of marks.
export async function settle(page, timeout = 90000) {
  const end = Date.now() + timeout;
  let last = -1, stableSince = Date.now();
  for (;;) {
    const m = await page.evaluate(() => window.__ffbench?.marks ?? 0);
    if (m !== last) { last = m; stableSince = Date.now(); }
    if (m > 0 && Date.now() - stableSince > 1500) return m;
    if (Date.now() > end) return m;
    await sleep(200);
  }
}
