// The extension's own pages as they render, in Chromium (puppeteer) and in Firefox (a classic
// WebDriver session: webdriver.mjs says why): the popup and the options page. Each test drives
// the real page and checks what it did to the article open in another tab. Screenshots of
// each page go to target/screenshots/ (`make screenshots` copies them for README).
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startServer, launch, open, until, settled, openPopup, stateOf, axeViolations, ROOT, ARTICLE_FLAGS } from "./harness.mjs";
import { firefoxSession } from "./webdriver.mjs";

const SHOTS = path.join(ROOT, "target", "screenshots");
fs.mkdirSync(SHOTS, { recursive: true });

// One interface over both drivers, for a tab: run(fn, ...args) in it, until(fn, arg),
// click(css), type(css, text), shot(name).
function puppeteerTab(page) {
  return {
    run: (fn, ...args) => page.evaluate(fn, ...args),
    // One argument at most (harness.until's).
    until: (fn, arg) => until(page, fn, arg),
    click: (css) => page.evaluate((c) => document.querySelector(c).click(), css),
    upload: async (css, paths) => (await page.$(css)).uploadFile(...paths),
    type: async (css, text) => {
      await page.evaluate((c) => (document.querySelector(c).value = ""), css);
      await page.type(css, text);
    },
    // A tab in the background draws no frame to capture: brought to the front first.
    shot: async (name) => {
      await page.bringToFront();
      fs.writeFileSync(path.join(SHOTS, name), await page.screenshot({ fullPage: true }));
    },
    axe: () => axeViolations({ load: (src) => page.evaluate(src), run: (fn, arg) => page.evaluate(fn, arg) }),
  };
}
function webdriverTab(wd) {
  return {
    run: (fn, ...args) => wd.run(String(fn), ...args),
    until: (fn, arg) => wd.until(String(fn), arg),
    click: (css) => wd.click(css),
    upload: (css, paths) => wd.upload(css, paths),
    type: (css, text) => wd.type(css, text),
    shot: async (name) => fs.writeFileSync(path.join(SHOTS, name), await wd.screenshot()),
    axe: () => axeViolations({ load: (src) => wd.exec(src), run: (fn, arg) => wd.run(String(fn), arg) }),
  };
}

// The popup's list as rendered: for each claim, its number's line and its first line (the
// bottom of the number and of the claim's first character, which share a line when laid out
// right), and how many lines the claim takes.
function popupLayout() {
  return [...document.querySelectorAll("#list li")].map((li) => {
    const n = li.querySelector(".n").getBoundingClientRect();
    const b = li.querySelector("button");
    const r = document.createRange();
    r.setStart(b.firstChild, 0);
    r.setEnd(b.firstChild, 1);
    const first = r.getBoundingClientRect();
    const lineHeight = parseFloat(getComputedStyle(b).lineHeight);
    return { text: b.textContent, number: li.querySelector(".n").textContent, numberBottom: n.bottom, firstBottom: first.bottom, lines: Math.round(b.getBoundingClientRect().height / lineHeight) };
  });
}

function checkLayout(layout) {
  assert.equal(layout.length, 6);
  assert.deepEqual(layout.map((l) => l.number), ["1.", "2.", "3.", "4.", "5.", "6."]);
  assert.deepEqual(layout.map((l) => l.text).sort(), ARTICLE_FLAGS);
  // A claim long enough to wrap is there, so the check means something.
  assert.ok(layout.some((l) => l.lines >= 2), JSON.stringify(layout));
  for (const l of layout) assert.ok(Math.abs(l.numberBottom - l.firstBottom) < 3, `"${l.text}" does not start on its number's line: ${JSON.stringify(l)}`);
}

// The options page, driven as a reader would: a site turned off, a report address refused and
// then saved, and the flags hidden on a page listed and shown again. `article` is the article's
// tab; `settings()` reads storage.local from the options page itself.
async function exerciseOptions(opts, article, host, port) {
  await opts.until(() => document.getElementById("noSites") && !document.getElementById("noSites").hidden);
  // A host name typed as an address is reduced to the host; nonsense is refused with a reason.
  await opts.type("#site", "not a host!");
  await opts.click('#addSite button[type="submit"]');
  await opts.until(() => document.getElementById("siteError").textContent.includes("is not a host name"));
  await opts.type("#site", `http://${host}:1234/some/page`);
  await opts.click('#addSite button[type="submit"]');
  await opts.until((h) => [...document.querySelectorAll("#sites li span")].some((s) => s.textContent === h), host);
  // The article's tab, already open, loses its marks at once.
  await article.until(() => document.querySelectorAll("factflagmark").length === 0);
  await opts.click("#sites li button");
  await opts.until(() => document.querySelectorAll("#sites li").length === 0);
  await article.until(() => document.querySelectorAll('factflagmark[data-factflag-verdict="contradicted"]').length >= 8);
  // The report address: refused unless mailto: or http(s).
  await opts.type("#reportTo", "javascript:alert(1)");
  await opts.click('#reportForm button[type="submit"]');
  await opts.until(() => document.getElementById("reportError").textContent.startsWith("Give a mailto: address"));
  await opts.type("#reportTo", "mailto:desk@news.example");
  await opts.click('#reportForm button[type="submit"]');
  await opts.until(() => document.getElementById("reportSaved").textContent === "Saved.");
  assert.equal(await opts.run(() => document.getElementById("reportError").textContent), "");
  // A flag hidden on the article (as its tooltip's "Hide this flag" stores it) is listed, and
  // "Show again" brings it back in the open tab.
  const page = `http://${host}:${port}/fixtures/article.html`;
  const quote = ARTICLE_FLAGS.find((q) => q.startsWith("Fumio Kishida"));
  await opts.run((pg, q) => (globalThis.browser ?? globalThis.chrome).storage.local.set({ hiddenFlags: { [pg]: [q] } }), page, quote);
  await article.until(() => !document.querySelector("p.lead factflagmark"));
  await opts.until((pg) => document.querySelector("#hiddenPages li span")?.textContent.startsWith(pg), page);
  assert.equal(await opts.run(() => document.querySelector("#hiddenPages li span").textContent), `${page}: “${quote}”`);
  await opts.click("#hiddenPages li button");
  await opts.until(() => document.querySelectorAll("#hiddenPages li").length === 0 && !document.getElementById("noHidden").hidden);
  await article.until(() => !!document.querySelector("p.lead factflagmark"));
}

for (const kind of ["chromium", "firefox"]) {
  describe(`the extension's pages in ${kind}`, () => {
    let server;
    let b = null;
    let wd = null;
    before(async () => {
      server = await startServer();
      if (kind === "chromium") b = await launch(kind);
      else wd = await firefoxSession();
    });
    after(async () => {
      await b?.browser.close();
      await wd?.quit();
      await server?.close();
    });

    // The article, open and settled, as a tab of either driver (in Firefox, of `session`).
    async function article(session = wd) {
      const url = `${server.origin}/fixtures/article.html`;
      if (b) {
        const { page } = await open(b.browser, url);
        await until(page, () => document.querySelectorAll('factflagmark[data-factflag-verdict="contradicted"]').length >= 8);
        await settled(b, page);
        return { page, tab: puppeteerTab(page) };
      }
      await session.goto(url);
      const tab = webdriverTab(session);
      await tab.until(() => document.querySelectorAll('factflagmark[data-factflag-verdict="contradicted"]').length >= 8);
      return { page: null, tab };
    }

    it("the popup counts the page's claims and lists each contradicted one beside its number, also when it wraps", async () => {
      const a = await article();
      let popup;
      let done;
      if (b) {
        const p = await openPopup(b, a.page);
        await p.setViewport({ width: 364, height: 560 });
        popup = puppeteerTab(p);
        done = () => p.close();
      } else {
        const t = await wd.openExtensionPage("popup/popup.html?tab={tab}");
        await wd.setSize(400, 700);
        popup = webdriverTab(wd);
        done = t.close;
      }
      await popup.until(() => document.querySelectorAll("#list li").length === 6 && !document.getElementById("counts").hidden);
      const counts = await popup.run(() => ["claims", "contradicted", "supported"].map((id) => Number(document.getElementById(id).textContent)));
      assert.equal(counts[1], 6);
      assert.equal(counts[2], 8);
      checkLayout(await popup.run(popupLayout));
      await popup.shot(`popup-${kind}.png`);
      assert.deepEqual(await popup.axe(), []);
      await done();
      if (a.page) await a.page.close();
    });

    it("the popup lists the fact-checks a page publishes as ClaimReview, as text, with their ratings and publishers", async () => {
      const url = `${server.origin}/fixtures/factcheck.html`;
      let popup;
      let done;
      let page = null;
      if (b) {
        ({ page } = await open(b.browser, url));
        await settled(b, page);
        const p = await openPopup(b, page);
        popup = puppeteerTab(p);
        done = () => p.close();
      } else {
        await wd.goto(url);
        await webdriverTab(wd).until(() => document.readyState === "complete");
        const t = await wd.openExtensionPage("popup/popup.html?tab={tab}");
        popup = webdriverTab(wd);
        done = t.close;
      }
      await popup.until(() => !document.getElementById("reviews").hidden);
      const listed = await popup.run(() =>
        [...document.querySelectorAll("#reviewList li")].map((li) => ({ text: li.textContent, links: [...li.querySelectorAll("a")].map((a) => a.href), elements: li.querySelectorAll("*").length })),
      );
      assert.deepEqual(listed, [
        { text: "Sweden joined NATO in 2022 rated False by Fixture Checks (the review)", links: ["https://checks.example/nato-sweden"], elements: 3 },
        // Markup in a review stays text, and an address that is not http(s) is not linked.
        { text: "<img src=x onerror=alert(1)> Finland joined NATO in 2023 rated 5 of 5 by Second <b>Desk</b>", links: [], elements: 2 },
      ]);
      // The one claim FactFlag itself contradicts here, said in the singular.
      assert.equal(await popup.run(() => document.getElementById("status").textContent), "1 claim on this page contradicts the facts table.");
      await popup.shot(`popup-claimreview-${kind}.png`);
      assert.deepEqual(await popup.axe(), []);
      await done();
      if (page) await page.close();
    });

    it("marking claims it could not settle, from the popup: faint marks on the page, and the popup lists every claim marked with its verdict in words", async () => {
      const url = `${server.origin}/fixtures/unread.html`;
      const unknownMark = () => [...document.querySelectorAll('factflagmark[data-factflag-verdict="unknown"]')].map((m) => m.textContent).join("|");
      let popup;
      let article;
      let reopen;
      let page = null;
      if (b) {
        ({ page } = await open(b.browser, url));
        await settled(b, page);
        article = puppeteerTab(page);
        reopen = async () => {
          const p = await openPopup(b, page);
          return { tab: puppeteerTab(p), close: () => p.close() };
        };
      } else {
        await wd.goto(url);
        article = webdriverTab(wd);
        await article.until(() => document.querySelectorAll("factflagmark").length > 0);
        reopen = async () => {
          const t = await wd.openExtensionPage("popup/popup.html?tab={tab}");
          return { tab: webdriverTab(wd), close: t.close };
        };
      }
      await article.until(() => document.querySelectorAll('factflagmark[data-factflag-verdict="contradicted"]').length === 1);
      assert.equal(await article.run(unknownMark), "");
      let p = await reopen();
      popup = p.tab;
      await popup.until(() => !document.getElementById("unknownMarks").disabled && !document.getElementById("counts").hidden);
      await popup.click("#unknownMarks");
      await popup.until(() => document.getElementById("unknownMarks").checked);
      await p.close();
      // The page's tab: the claim it could not settle gets its faint mark.
      await article.until(() => document.querySelectorAll('factflagmark[data-factflag-verdict="unknown"]').length > 0);
      assert.equal(await article.run(unknownMark), "general election is on 30 June 2029");
      p = await reopen();
      popup = p.tab;
      await popup.until(() => !document.getElementById("allClaims").hidden);
      const all = await popup.run(() => ({
        items: [...document.querySelectorAll("#allList li")].map((li) => li.textContent),
        summary: document.getElementById("allSummary").textContent,
        note: document.getElementById("allNote").textContent,
      }));
      assert.deepEqual(all, {
        // (The quotation marks are the <q> element's own, drawn by CSS, not text.)
        items: ["not settled: general election is on 30 June 2029", "contradicted: Sweden joined NATO in 2023"],
        summary: "Every claim marked on this page (2)",
        note: "Not marked, so not listed: supported claims (see the settings below).",
      });
      assert.deepEqual(await popup.axe(), []);
      // And off again: the faint mark goes.
      await popup.click("#unknownMarks");
      await popup.until(() => !document.getElementById("unknownMarks").checked);
      await p.close();
      await article.until(() => document.querySelectorAll('factflagmark[data-factflag-verdict="unknown"]').length === 0);
      if (page) await page.close();
    });

    it("Paused on this tab, from the popup, takes the marks off that tab only, and resuming brings them back", async () => {
      const marked = () => document.querySelectorAll('factflagmark[data-factflag-verdict="contradicted"]').length >= 8;
      const unmarked = () => document.querySelectorAll("factflagmark").length === 0;
      if (b) {
        const other = await article();
        const a = await article();
        const flip = async (on) => {
          const p = await openPopup(b, a.page);
          await until(p, () => !document.getElementById("paused").disabled);
          await p.evaluate(() => document.getElementById("paused").click());
          await until(p, (want) => document.getElementById("paused").checked === want, on);
          if (on) await until(p, () => document.getElementById("status").textContent === "FactFlag is paused on this tab.");
          await p.close();
        };
        await flip(true);
        await until(a.page, unmarked);
        assert.ok(await other.page.evaluate(marked), "the other tab lost its marks");
        await flip(false);
        await until(a.page, marked);
        await a.page.close();
        await other.page.close();
        return;
      }
      const first = await wd.current();
      await wd.newTab();
      const other = await article();
      await wd.switchTo(first);
      const a = await article();
      const flip = async (on) => {
        const t = await wd.openExtensionPage("popup/popup.html?tab={tab}");
        await wd.until(String(() => !document.getElementById("paused").disabled));
        await wd.click("#paused");
        await wd.until(String((want) => document.getElementById("paused").checked === want), on);
        await t.close();
      };
      await flip(true);
      await a.tab.until(unmarked);
      const here = await wd.current();
      const otherHandle = (await wd.handles()).find((h) => h !== here);
      await wd.switchTo(otherHandle);
      assert.ok(await other.tab.run(marked), "the other tab lost its marks");
      await wd.closeTab();
      await wd.switchTo(here);
      await flip(false);
      await a.tab.until(marked);
    });

    it("your own facts, imported in the options page, change a verdict on an open page, are labelled, and their removal restores it", async () => {
      const yours = ["people", "offices", "terms"].map((k) => path.join(ROOT, "tests", "yours", `${k}.tsv`));
      const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "factflag-yours-")), "terms.tsv");
      fs.writeFileSync(bad, fs.readFileSync(yours[2], "utf8").replace("2023-01-02\t\t\t", "2023-01-02\tsoon\t\t"));
      const url = `${server.origin}/fixtures/town.html`;
      const mayor = () => [...document.querySelectorAll('factflagmark[data-factflag-verdict="contradicted"]')].map((m) => m.textContent).join("|");
      // The article, open before the import: the town's mayor is no claim FactFlag can read yet.
      let article;
      let page = null;
      let articleHandle = null;
      if (b) {
        ({ page } = await open(b.browser, url));
        await settled(b, page);
        article = puppeteerTab(page);
      } else {
        await wd.goto(url);
        articleHandle = await wd.current();
        article = webdriverTab(wd);
        await article.until(() => document.querySelectorAll("factflagmark").length === 0 && document.readyState === "complete");
      }
      assert.equal(await article.run(mayor), "");
      let opts;
      let done;
      if (b) {
        const p = await b.browser.newPage();
        await p.goto(`${b.base}/options/options.html`);
        opts = puppeteerTab(p);
        done = () => p.close();
      } else {
        const t = await wd.openExtensionPage("options/options.html");
        opts = webdriverTab(wd);
        done = t.close;
      }
      const inArticle = async (fn) => {
        if (b) return article.until(fn);
        const here = await wd.current();
        await wd.switchTo(articleHandle);
        try {
          return await wd.until(String(fn));
        } finally {
          await wd.switchTo(here);
        }
      };
      // A file with a bad row: refused with its name and line, and nothing imported.
      await opts.upload("#factsFile", [yours[0], yours[1], bad]);
      await opts.until(() => document.querySelectorAll("#yoursErrors li").length > 0);
      const errors = await opts.run(() => [...document.querySelectorAll("#yoursErrors li")].map((li) => li.textContent));
      assert.ok(errors.some((e) => e.startsWith("terms.tsv:3: ") && e.includes('"soon"')), errors.join("\n"));
      assert.equal(await opts.run(() => document.getElementById("yoursFiles").children.length), 0);
      // The three clean files: imported, listed, and in use on the open tab at once.
      await opts.upload("#factsFile", yours);
      await opts.until(() => document.getElementById("yoursStatus").textContent.startsWith("Imported: 5 rows"));
      // The list is drawn again when storage says the facts changed, just after the status.
      await opts.until(() => document.querySelectorAll("#yoursFiles li").length === 3);
      assert.deepEqual(await opts.run(() => [...document.querySelectorAll("#yoursFiles li span")].map((s) => s.textContent)), ["people.tsv: 2 rows", "offices.tsv: 1 row", "terms.tsv: 2 rows"]);
      // Each can be exported as it was imported.
      const exported = await opts.run(() => [...document.querySelectorAll("#yoursFiles a.export")].map((a) => ({ name: a.download, blob: a.href.startsWith("blob:") })));
      assert.deepEqual(exported, ["people.tsv", "offices.tsv", "terms.tsv"].map((name) => ({ name, blob: true })));
      await inArticle(() => document.querySelector('factflagmark[data-factflag-verdict="contradicted"]')?.textContent === "Port Halden Mayor Alan Vance");
      // Its tooltip labels the sources from your facts (Chromium reads it through the extension;
      // Firefox's classic session through the test copy's hook).
      let tip;
      if (b) {
        await page.focus('factflagmark[data-factflag-verdict="contradicted"]');
        tip = (await stateOf(b, page)).tooltip;
      } else {
        const here = await wd.current();
        await wd.switchTo(articleHandle);
        await wd.run(() => document.querySelector('factflagmark[data-factflag-verdict="contradicted"]').focus());
        await wd.run(() => document.dispatchEvent(new CustomEvent("factflag-test", { detail: JSON.stringify({ op: "state" }) })));
        tip = JSON.parse(await wd.until(String(() => document.documentElement.dataset.factflagTest))).tooltip;
        await wd.switchTo(here);
      }
      assert.ok(tip.text.includes("On 31 May 2024 the Mayor of Port Halden was Beth Okafor"), tip.text);
      assert.ok(tip.text.includes("https://porthalden.example/council/mayors (your facts)"), tip.text);
      await opts.shot(`options-yours-${kind}.png`);
      assert.deepEqual(await opts.axe(), []);
      // A file with the same name replaces the one imported: by this one Alan Vance was still
      // mayor in June 2024, so the claim is no longer contradicted.
      const later = path.join(path.dirname(bad), "later", "terms.tsv");
      fs.mkdirSync(path.dirname(later));
      fs.writeFileSync(later, fs.readFileSync(yours[2], "utf8").replaceAll("2023-01-02", "2025-01-06"));
      // Dropped on the page this time, as a reader drags a file from their desktop. (The status
      // is cleared first, so that the wait below is for this import's.)
      await opts.run(() => (document.getElementById("yoursStatus").textContent = ""));
      await opts.run(
        (name, text) => {
          const dt = new DataTransfer();
          dt.items.add(new File([text], name, { type: "text/tab-separated-values" }));
          document.getElementById("dropZone").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
        },
        "terms.tsv",
        fs.readFileSync(later, "utf8"),
      );
      await opts.until(() => document.getElementById("yoursStatus").textContent.startsWith("Imported: 5 rows"));
      assert.equal(await opts.run(() => document.getElementById("yoursFiles").children.length), 3);
      await inArticle(() => document.querySelectorAll('factflagmark[data-factflag-verdict="contradicted"]').length === 0);
      // Removing the people file alone would leave terms of unknown people: refused, with why.
      await opts.click("#yoursFiles li button");
      await opts.until(() => [...document.querySelectorAll("#yoursErrors li")].some((li) => li.textContent.includes('unknown person "alan-vance"')));
      assert.equal(await opts.run(() => document.getElementById("yoursFiles").children.length), 3);
      // The terms file alone goes; then all of them: the open tab is back to the bundled table.
      await opts.click("#yoursFiles li:last-child button");
      await opts.until(() => document.getElementById("yoursFiles").children.length === 2);
      await inArticle(() => document.querySelectorAll('factflagmark[data-factflag-verdict="contradicted"]').length === 0);
      await opts.click("#removeYours");
      await opts.until(() => document.getElementById("yoursFiles").children.length === 0);
      await opts.until(() => document.getElementById("yoursStatus").textContent.startsWith("Your facts are removed"));
      await inArticle(() => document.querySelectorAll('factflagmark[data-factflag-verdict="contradicted"]').length === 0);
      await done();
      if (page) await page.close();
    });

    it("the options page turns a site off and on in the open tab, refuses a bad report address and saves a good one", async () => {
      const a = await article();
      let opts;
      let done;
      if (b) {
        const p = await b.browser.newPage();
        await p.setViewport({ width: 800, height: 900 });
        await p.goto(`${b.base}/options/options.html`);
        opts = puppeteerTab(p);
        done = () => p.close();
      } else {
        const t = await wd.openExtensionPage("options/options.html");
        await wd.setSize(820, 1000);
        opts = webdriverTab(wd);
        done = t.close;
      }
      // In Firefox one WebDriver session drives one tab at a time: the article's checks switch to it.
      const articleTab = b
        ? a.tab
        : {
            until: async (fn) => {
              const here = await wd.current();
              const handles = await wd.handles();
              await wd.switchTo(handles[0]);
              try {
                return await wd.until(String(fn));
              } finally {
                await wd.switchTo(here);
              }
            },
          };
      await exerciseOptions(opts, articleTab, "127.0.0.1", new URL(server.origin).port);
      assert.equal(await opts.run(() => document.getElementById("reportTo").value), "mailto:desk@news.example");
      await opts.shot(`options-${kind}.png`);
      assert.deepEqual(await opts.axe(), []);
      // Back to no address, so later tests start from the defaults.
      await opts.type("#reportTo", " ");
      await opts.click('#reportForm button[type="submit"]');
      await opts.until(() => document.getElementById("reportSaved").textContent === "Saved: no report address.");
      await done();
      if (a.page) await a.page.close();
    });

    // Dark: drawn in dark colours, and no axe-core violation (contrast is what changes). Chromium
    // emulates the scheme per page; Firefox takes it from its profile's prefs, so it gets a
    // session of its own.
    it("the popup, with its list, and the options page are dark in the dark scheme and pass axe-core", async () => {
      const dark = wd ? await firefoxSession({ scheme: "dark" }) : null;
      try {
        const a = await article(dark);
        const pages = [];
        const opened = [];
        if (b) {
          const p = await openPopup(b, a.page);
          await p.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "dark" }]);
          const o = await b.browser.newPage();
          await o.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "dark" }]);
          await o.goto(`${b.base}/options/options.html`);
          pages.push(["popup", puppeteerTab(p)], ["options", puppeteerTab(o)]);
          opened.push(p, o);
        } else {
          await dark.openExtensionPage("popup/popup.html?tab={tab}");
          pages.push(["popup", webdriverTab(dark)]);
        }
        for (const [name, tab] of pages) await audit(name, tab);
        if (dark) {
          // The test copy's background opens extension pages when the article's tab asks.
          await dark.switchTo((await dark.handles())[0]);
          await dark.openExtensionPage("options/options.html");
          await audit("options", webdriverTab(dark));
        }
        for (const x of [...opened, a.page].filter(Boolean)) await x.close();
      } finally {
        await dark?.quit();
      }
      async function audit(name, tab) {
        if (name === "popup") await tab.until(() => document.querySelectorAll("#list li").length === 6);
        else await tab.until(() => document.getElementById("noSites") && !document.getElementById("noSites").hidden);
        assert.equal(await tab.run(() => matchMedia("(prefers-color-scheme: dark)").matches), true, `${name}: the page sees the dark scheme`);
        const bg = await tab.run(() => {
          const [r, g, bl] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
          return (r + g + bl) / 3;
        });
        assert.ok(bg < 100, `${name}: the background's mean channel is ${bg} in the dark scheme`);
        assert.deepEqual(await tab.axe(), [], `${name} in the dark scheme`);
      }
    });
  });
}

