// Diagnostic (not part of make test): the cold start of the background in Chromium, seven
// times: the service worker is stopped over CDP and woken by the popup page, and reports its
// own timing (see core() in extension/background.js).   node scripts/startup.mjs
// (EXT=/path/to/extension for another build of it)
import { launch, sleep } from "../tests/e2e/harness.mjs";
const b = await launch("chromium", process.env.EXT ? { extension: process.env.EXT } : {});
const p0 = await b.browser.newPage(); await p0.goto(`${b.base}/popup/popup.html`); await sleep(1000);
const rows = [];
for (let i = 0; i < 7; i++) {
  const cdpPage = await b.browser.newPage(); const c = await cdpPage.createCDPSession();
  await c.send("ServiceWorker.enable"); await c.send("ServiceWorker.stopAllWorkers");
  for (let j = 0; j < 50 && b.browser.targets().some((t) => t.type() === "service_worker"); j++) await sleep(100);
  await cdpPage.close();
  const pg2 = await b.browser.newPage();
  await pg2.goto(`${b.base}/popup/popup.html`);
  const info = await pg2.evaluate(() => chrome.runtime.sendMessage({ type: "factflag:startup", version: 1 }));
  rows.push(info); await pg2.close();
}
for (const r of rows) console.log(Object.entries(r).filter(([k]) => k !== "ok").map(([k, v]) => `${k} ${typeof v === "number" ? v.toFixed(1) : v}`).join("  "));
await b.browser.close();
