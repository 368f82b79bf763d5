// Shows the built extension working: loads it into headless Chromium, opens a page served on
// 127.0.0.1, focuses the first flagged claim so its tooltip opens, and saves a screenshot.
// Usage: node scripts/screenshot.mjs extension/demo/index.html dist/demo.png [--focus=TEXT]
//   --focus=TEXT  open the tooltip of the first flagged claim whose words contain TEXT
//                 (README's picture: --focus="Asian version of NATO")
import fs from "node:fs";
import path from "node:path";
import { startServer, launch, until, tooltipOf, ROOT } from "../tests/e2e/harness.mjs";

const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const focus = process.argv.find((a) => a.startsWith("--focus="))?.slice("--focus=".length);
const [page_ = "extension/demo/index.html", out = "dist/demo.png"] = args;
const rel = path.relative(path.join(ROOT, "extension", "demo"), path.resolve(page_));
const server = await startServer();
const b = await launch("chromium");
try {
  const page = await b.browser.newPage();
  await page.setViewport({ width: 1200, height: 900 });
  await page.goto(`${server.origin}/demo/${rel}`, { waitUntil: "load" });
  const n = await until(page, () => document.querySelectorAll('factflagmark[data-factflag-verdict="contradicted"]').length);
  const flagged = await page.evaluate(() => {
    const by = new Map();
    for (const m of document.querySelectorAll('factflagmark[data-factflag-verdict="contradicted"]')) {
      by.set(m.dataset.factflagId, (by.get(m.dataset.factflagId) || "") + m.textContent);
    }
    return [...by.values()];
  });
  console.log(`the extension flagged ${flagged.length} claims (${n} marks):`);
  for (const f of flagged) console.log(`  - ${f}`);
  if (focus) {
    // The claim's first mark (the one that takes focus), scrolled to the top third.
    const id = await page.evaluate((text) => {
      const by = new Map();
      for (const m of document.querySelectorAll('factflagmark[data-factflag-verdict="contradicted"]')) {
        by.set(m.dataset.factflagId, (by.get(m.dataset.factflagId) || "") + m.textContent);
      }
      return [...by.entries()].find(([, words]) => words.includes(text))?.[0] ?? null;
    }, focus);
    if (!id) throw new Error(`no flagged claim contains ${JSON.stringify(focus)}`);
    const sel = `factflagmark[data-factflag-id="${id}"][tabindex="0"]`;
    await page.evaluate((q) => {
      const m = document.querySelector(q);
      window.scrollTo(0, m.getBoundingClientRect().top + window.scrollY - 260);
    }, sel);
    await page.focus(sel);
  } else {
    await page.focus('factflagmark[tabindex="0"]');
  }
  // The tooltip, and its timeline if the finding has one (it is asked for when the tooltip
  // opens; a finding without one answers with none within the wait).
  let tip = await tooltipOf(b, page);
  for (const end = Date.now() + 3000; !tip.timeline && Date.now() < end; ) tip = await tooltipOf(b, page);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out });
} finally {
  await b.browser.close();
  await server.close();
}
