// Lifecycle and failure: a background stopped in the middle of a request, an extension
// reloaded or updated under open pages, and a core that cannot start.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startServer, launch, open, until, settled, marksIn, stateOf, tooltipOf, testCopy, openPopup, badgeReads, ARTICLE_FLAGS, EXTENSION } from "./harness.mjs";

// The background's service worker (Chromium) as a puppeteer WebWorker.
async function worker(b) {
  const sw = await b.browser.waitForTarget((t) => t.type() === "service_worker" && t.url() === `${b.base}/background.js`);
  return sw.worker();
}

// One fixture server for the file.
let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.close();
});

describe("lifecycle in chromium", () => {
  it("a service worker stopped while a check waits: the content script asks once more and the page gets its marks, once", async () => {
    const b = await launch("chromium", { hooked: true });
    try {
      const w = await worker(b);
      // The first check request is held for ever (the test copy's hold), and counted.
      await w.evaluate(() => {
        globalThis.__held = 0;
        globalThis.__factflagHold = () => {
          globalThis.__held++;
          return new Promise(() => {});
        };
      });
      const page = await b.browser.newPage();
      const log = [];
      page.on("console", (m) => log.push(`${m.type()}: ${m.text()}`));
      await page.goto(`${server.origin}/fixtures/article.html`, { waitUntil: "domcontentloaded" });
      const end = Date.now() + 15000;
      while (!(await w.evaluate(() => globalThis.__held))) if (Date.now() > end) throw new Error("no check request reached the background");
      // Stop the worker with the request still open, as the browser does to an idle one.
      const cdp = await page.createCDPSession();
      const statuses = [];
      let versionId = null;
      let seen = () => {};
      cdp.on("ServiceWorker.workerVersionUpdated", (e) => {
        for (const v of e.versions) {
          if (v.scriptURL !== `${b.base}/background.js`) continue;
          statuses.push(v.runningStatus);
          versionId = v.versionId;
        }
        seen();
      });
      const status = (want) =>
        new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`the worker never became ${want}: ${statuses.join(" ")}`)), 15000);
          seen = () => statuses.at(-1) === want && (clearTimeout(timer), resolve());
          seen();
        });
      // The worker stopped (as the browser stops an idle one), and the next one let run when a
      // message wakes it (under the test's debugger a new worker waits for it).
      const stop = async () => {
        await status("running");
        await cdp.send("ServiceWorker.stopWorker", { versionId });
        await status("stopped");
      };
      const resume = async () => {
        await status("starting");
        const bs = await b.browser.target().createCDPSession();
        const { targetInfos } = await bs.send("Target.getTargets");
        for (const t of targetInfos.filter((t) => t.type === "service_worker" && t.url === `${b.base}/background.js`)) {
          const { sessionId } = await bs.send("Target.attachToTarget", { targetId: t.targetId, flatten: true });
          await bs.connection().session(sessionId).send("Runtime.runIfWaitingForDebugger");
        }
      };
      await cdp.send("ServiceWorker.enable");
      // The content script's request fails with the worker, and its retry starts a new one.
      await stop();
      await resume();
      // The retry wakes a new worker (with no hold): the marks come, once each, and the badge
      // counts them.
      await until(page, () => document.querySelectorAll('factflagmark[data-factflag-verdict="contradicted"]').length >= 8);
      await settled(b, page);
      assert.deepEqual(await marksIn(page), ARTICLE_FLAGS);
      assert.equal(await badgeReads(b, page, "6"), "6");
      // Stopped again, idle: the page then edits one contradicted claim into a true one. The
      // new worker still knows the other five (they outlive a worker), and counts five.
      await stop();
      await page.evaluate(() => {
        const m = [...document.querySelectorAll('factflagmark[data-factflag-verdict="contradicted"]')].find((x) => x.textContent === "Sweden joined NATO in 2023");
        m.firstChild.data = "Sweden joined NATO in 2024";
      });
      await resume();
      await until(page, () => ![...document.querySelectorAll('factflagmark[data-factflag-verdict="contradicted"]')].some((m) => m.textContent.includes("Sweden")));
      await settled(b, page);
      assert.equal(await badgeReads(b, page, "5"), "5");
      assert.deepEqual(log.filter((l) => l.startsWith("error")), []);
    } finally {
      await b.browser.close();
    }
  });

  it("the extension reloaded under an open page: the old script says so once and stops, its marks stay, none is drawn twice", async () => {
    const b = await launch("chromium");
    try {
      const { page, log } = await open(b.browser, `${server.origin}/fixtures/article.html`);
      await settled(b, page);
      const lines = [];
      const said = new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no word from the old script: ${lines.join(" | ")}`)), 15000);
        page.on("console", (m) => {
          lines.push(m.text());
          if (m.text().includes("FactFlag was updated, reloaded or turned off")) resolve(clearTimeout(timer));
        });
      });
      const w = await worker(b);
      await w.evaluate(() => chrome.runtime.reload()).catch(() => {}); // the worker goes with it
      // New text makes the old script ask the background: it finds itself cut off.
      const add = (text) =>
        page.evaluate((t) => {
          const p = document.createElement("p");
          p.textContent = t;
          document.querySelector("article").append(p);
        }, text);
      await add("Later, Sweden joined NATO in 2022, officials said.");
      await said;
      assert.deepEqual(await marksIn(page), ARTICLE_FLAGS);
      assert.equal(lines.filter((l) => l.includes("FactFlag")).length, 1, lines.join(" | "));
      assert.deepEqual(log.errors, []);
    } finally {
      await b.browser.close();
    }
  });
});

describe("lifecycle in firefox", () => {
  it("an update injects FactFlag anew into open pages: the earlier marks go, the new ones come, once each, and open their tooltips", async () => {
    const b = await launch("firefox");
    try {
      const { page, log } = await open(b.browser, `${server.origin}/fixtures/article.html`);
      await settled(b, page);
      const runs = () => page.evaluate(() => [...new Set([...document.querySelectorAll("factflagmark")].map((m) => m.getAttribute("data-factflag-run")))]);
      const [old] = await runs();
      const text = await page.evaluate(() => document.body.textContent);
      await b.browser.installExtension(testCopy(EXTENSION));
      await until(page, (o) => {
        const r = new Set([...document.querySelectorAll("factflagmark")].map((m) => m.getAttribute("data-factflag-run")));
        return r.size === 1 && !r.has(o);
      }, old);
      await settled(b, page);
      assert.deepEqual(await marksIn(page), ARTICLE_FLAGS);
      assert.equal(await page.evaluate(() => document.body.textContent), text);
      await page.focus('p.lead factflagmark[tabindex="0"]');
      assert.match((await tooltipOf(b, page)).text, /Shigeru Ishiba/);
      assert.deepEqual(log.errors, []);
    } finally {
      await b.browser.close();
    }
  });
});

describe("a core that cannot start", () => {
  // The core's code is not WebAssembly; the table beside it (core/facts.bin) is cut short.
  const BROKEN = {
    code: ["factflag_bg.wasm", () => "this is not a WebAssembly module"],
    table: ["facts.bin", (bytes) => bytes.subarray(0, bytes.length >> 1)],
  };
  for (const [what, [file, spoil]] of Object.entries(BROKEN)) for (const kind of ["chromium", "firefox"]) {
    it(`its ${what} broken, in ${kind}: pages are left as they are${kind === "chromium" ? ", and the popup says FactFlag is unavailable, and why" : ""}`, async () => {
      const b = await launch(kind, { extension: brokenCopy(file, spoil) });
      try {
        const { page, log } = await open(b.browser, `${server.origin}/fixtures/article.html`);
        const html = await page.evaluate(() => document.body.innerHTML);
        const st = await settled(b, page);
        assert.equal(st.counts.claims, 0);
        assert.equal(await page.evaluate(() => document.body.innerHTML), html);
        assert.deepEqual(log.errors, []);
        // Firefox's WebDriver BiDi cannot open the popup (see harness.mjs).
        if (kind === "chromium") {
          const popup = await openPopup(b, page);
          const status = await until(popup, () => /unavailable/.test(document.getElementById("status").textContent) && document.getElementById("status").textContent);
          assert.match(status, /FactFlag is unavailable/);
          const why = await popup.evaluate(() => document.getElementById("status").title);
          assert.match(why, what === "table" ? /facts table is invalid/ : /WebAssembly|wasm/i);
          assert.equal(await popup.evaluate(() => document.getElementById("counts").hidden), true);
          await popup.close();
        }
      } finally {
        await b.browser.close();
      }
    });
  }
});

// A copy of the extension with one file of its core spoilt.
function brokenCopy(file, spoil) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factflag-broken-"));
  fs.cpSync(EXTENSION, dir, { recursive: true });
  const at = path.join(dir, "core", file);
  fs.writeFileSync(at, spoil(fs.readFileSync(at)));
  return dir;
}
