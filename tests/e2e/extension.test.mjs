// The packaged extension in real headless Chromium and Firefox-esr, against fixture pages
// served on 127.0.0.1.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { startServer, launch, open, until, marksIn, popupView, setSwitch, setStorage, stateOf, settled, reading, tooltipOf, watchExtensionRequests, sleep, badgeReads, ARTICLE_FLAGS } from "./harness.mjs";

// The date the bundled table is true on, as data/meta.tsv states it.
const AS_OF = readFileSync(new URL("../../data/meta.tsv", import.meta.url), "utf8").match(/^as_of\t(\S+)/m)[1];


for (const kind of ["chromium", "firefox"]) {
  describe(`extension in ${kind}`, () => {
    let server;
    let b;
    let extensionRequests;
    before(async () => {
      server = await startServer();
      b = await launch(kind);
      extensionRequests = await watchExtensionRequests(b);
    });
    after(async () => {
      await b?.browser.close();
      await server?.close();
    });

    const onlyLocal = (log) => {
      const foreign = log.requests.filter((u) => !u.startsWith(server.origin) && !/^(chrome-extension|moz-extension|data|about):/.test(u));
      assert.deepEqual(foreign, [], "requests left the machine");
    };

    it("marks the contradicted claims, and only those, on the right spans", async () => {
      const { page, log } = await open(b.browser, `${server.origin}/fixtures/article.html`);
      await until(page, () => document.querySelectorAll('factflagmark[data-factflag-verdict="contradicted"]').length >= 8);
      await settled(b, page);
      assert.deepEqual(await marksIn(page), ARTICLE_FLAGS);
      // The span across <b> and <i> is one finding in several marks.
      const parts = await page.evaluate(() => {
        const first = document.querySelector("p.lead factflagmark");
        return document.querySelectorAll(`factflagmark[data-factflag-id="${first.dataset.factflagId}"]`).length;
      });
      assert.ok(parts >= 3, `the cross-element span has ${parts} marks`);
      // Two findings in one block, the second in an element of its own: both are marked, and
      // findings are numbered in page order.
      const pair = await page.evaluate(() => {
        const by = new Map();
        for (const m of document.querySelectorAll("p.pair factflagmark")) by.set(m.dataset.factflagId, (by.get(m.dataset.factflagId) ?? "") + m.textContent);
        return [...by.values()];
      });
      assert.deepEqual(pair, ["Britain left the EU in 2016", "Japan is a member of NATO"]);
      const ids = await page.evaluate(() => [...document.querySelectorAll("factflagmark[data-factflag-id]")].map((m) => Number(m.dataset.factflagId)));
      assert.deepEqual(ids, [...ids].sort((x, y) => x - y), "ids follow the page order");
      // True claims, navigation, asides, footers, editable text and textareas stay untouched.
      const untouched = await page.evaluate(() => ({
        nav: document.querySelector("nav").querySelectorAll("factflagmark").length,
        aside: document.querySelector("aside").querySelectorAll("factflagmark").length,
        footer: document.querySelector("footer").querySelectorAll("factflagmark").length,
        editable: document.querySelector("[contenteditable]").innerHTML.includes("factflag"),
        editableEmptyAttribute: document.querySelector('[contenteditable=""]').innerHTML.includes("factflag"),
        editablePlainText: document.querySelector('[contenteditable="plaintext-only"]').innerHTML.includes("factflag"),
        // A block with a nested paragraph and hidden text is read node by node: the hidden
        // claim is not read, and the nested paragraph is its own block.
        hidden: document.querySelector("section.mixed [hidden]").innerHTML.includes("factflag"),
        // A paragraph whose only other element is aria-hidden: the hidden claim is not read.
        ariaHidden: document.querySelector("p.veiled [aria-hidden]").innerHTML.includes("factflag"),
        textarea: document.querySelector("textarea").value,
        supportedMarks: document.querySelectorAll('factflagmark[data-factflag-verdict="supported"]').length,
      }));
      assert.deepEqual(untouched, { nav: 0, aside: 0, footer: 0, editable: false, editableEmptyAttribute: false, editablePlainText: false, hidden: false, ariaHidden: false, textarea: "Typed: President Harris signed it.", supportedMarks: 0 });
      assert.deepEqual(log.errors, []);
      onlyLocal(log);
      await page.close();
    });

    it("marks the three errors of the article FactFlag started from, each with its explanation, and nothing else", async () => {
      const { page, log } = await open(b.browser, `${server.origin}/fixtures/seed.html`);
      // One short page is one check: once its three marks are drawn, every finding is in.
      await until(page, () => document.querySelectorAll('factflagmark[data-factflag-verdict="contradicted"]').length >= 3);
      assert.deepEqual(await marksIn(page), [
        "Fumio Kishida succeeded Yoshihide Suga as Japan's prime minister",
        'Kishida called for the establishment of an "Asian version of NATO',
        "Kishida stated that without a collective defence system like NATO in Asia",
      ].sort());
      const st = await stateOf(b, page);
      const why = st.contradicted.map((f) => f.explanation);
      assert.equal(why.length, 3, why.join(" | "));
      assert.match(why[0], /Shigeru Ishiba succeeded Fumio Kishida/);
      assert.match(why[1], /Asian version of NATO was Shigeru Ishiba's proposal \(September 2024\), not Fumio Kishida's/);
      assert.match(why[2], /Asian version of NATO was Shigeru Ishiba's proposal \(September 2024\), not Fumio Kishida's/);
      // The true sentences beside them stay unmarked.
      assert.equal(await page.evaluate(() => document.querySelectorAll("p.true factflagmark").length), 0);
      assert.deepEqual(log.errors, []);
      onlyLocal(log);
      await page.close();
    });

    it("shows the facts in a tooltip on keyboard focus, and Escape closes it", async () => {
      const { page, log } = await open(b.browser, `${server.origin}/fixtures/article.html`);
      await until(page, () => !!document.querySelector('p.lead factflagmark[tabindex="0"]'));
      await page.focus('p.lead factflagmark[tabindex="0"]');
      const tip = await tooltipOf(b, page);
      assert.match(tip.text, /contradicts/);
      assert.match(tip.text, /Fumio Kishida succeeded Yoshihide Suga on 4 October 2021; on 1 October 2024 Shigeru Ishiba succeeded Fumio Kishida\./);
      assert.ok(tip.text.includes(`Facts as of ${AS_OF}`), tip.text);
      assert.ok(tip.links.length > 0 && tip.links.every((a) => a.href.startsWith("https://") && a.rel === "noopener noreferrer"), JSON.stringify(tip.links));
      assert.equal(tip.role, "dialog");
      await page.keyboard.press("Escape");
      await tooltipOf(b, page, { hidden: true });
      assert.deepEqual(log.errors, []);
      await page.close();
    });

    it("reads open shadow roots, also of components added after load, and leaves closed ones alone", async () => {
      const { page, log } = await open(b.browser, `${server.origin}/fixtures/shadow.html`);
      assert.deepEqual(await until(page, () => {
        const marks = [...document.querySelectorAll("open-card")].flatMap((c) => [...c.shadowRoot.querySelectorAll("factflagmark")].map((m) => m.textContent));
        return marks.length ? marks : null;
      }), ["Prime Minister Fumio Kishida"]);
      // The closed shadow root is the page's own: untouched.
      await settled(b, page);
      assert.equal(await page.evaluate(() => window.closedRoots[0].innerHTML), "<p>Prime Minister Fumio Kishida closed the summit in Tokyo, officials said.</p>");
      // A component added after load is read too.
      await page.evaluate(() => {
        const c = document.createElement("open-card");
        c.dataset.text = "Later, Chancellor Angela Merkel arrived from Berlin.";
        document.querySelector("article").append(c);
      });
      await until(page, () => [...document.querySelectorAll("open-card")].some((c) => [...c.shadowRoot.querySelectorAll('factflagmark[data-factflag-verdict="contradicted"]')].some((m) => m.textContent === "Chancellor Angela Merkel")));
      // Its tooltip opens on focus, through the shadow root.
      await page.evaluate(() => document.querySelector("open-card").shadowRoot.querySelector('factflagmark[tabindex="0"]').focus());
      const tip = await tooltipOf(b, page);
      assert.match(tip.text, /Shigeru Ishiba/);
      assert.deepEqual(log.errors, []);
      onlyLocal(log);
      await page.close();
    });

    it("marks a page served with a strict CSP (script-src 'self')", async () => {
      const { page, log } = await open(b.browser, `${server.origin}/strict/fixtures/strict.html`);
      await until(page, () => document.querySelectorAll('factflagmark[data-factflag-verdict="contradicted"]').length >= 2);
      assert.deepEqual(await marksIn(page), ["Chancellor Friedrich Merz", "President Harris"]);
      assert.deepEqual(log.errors, []);
      onlyLocal(log);
      await page.close();
    });

    it("reads a page while it is still arriving, and marks what it marks when the page comes at once", async () => {
      const whole = await open(b.browser, `${server.origin}/fixtures/article.html`);
      await until(whole.page, () => document.querySelectorAll('factflagmark[data-factflag-verdict="contradicted"]').length >= 8);
      await settled(b, whole.page);
      const atOnce = await stateOf(b, whole.page);
      await whole.page.close();

      // The page arrives in pieces cut mid-tag and mid-word, so the parser builds it over
      // many tasks, and text nodes grow after they are first seen.
      const { page, log } = await open(b.browser, `${server.origin}/slow/fixtures/article.html`);
      await until(page, () => document.querySelectorAll('factflagmark[data-factflag-verdict="contradicted"]').length >= 8);
      await settled(b, page);
      assert.deepEqual(await marksIn(page), ARTICLE_FLAGS);
      const st = await stateOf(b, page);
      assert.deepEqual(st.counts, atOnce.counts);
      assert.equal(st.reading.readAgain, false);
      // Reading began before the document was parsed, and read some of it then.
      const dcl = await page.evaluate(() => performance.getEntriesByType("navigation")[0].domContentLoadedEventStart);
      assert.ok(st.reading.startedAt > 0 && st.reading.startedAt < dcl, `reading began at ${st.reading.startedAt} ms, DOMContentLoaded at ${dcl} ms`);
      assert.ok(st.reading.blocksWhileParsing > 0, `${st.reading.blocksWhileParsing} of ${st.counts.blocks} blocks read while parsing`);
      // (How much of the page that came at once was read while it was parsed depends on how
      // busy the machine is: on a loaded one its parse spans several polls. Not asserted.)
      // The page's own snapshot at DOMContentLoaded saw no mark: nothing is drawn early.
      assert.equal(await page.evaluate(() => window.__original.includes("factflag")), false);
      assert.deepEqual(log.errors, []);
      await page.close();
    });

    it("reads again an article whose page rendered it anew after it was read, before DOMContentLoaded", async () => {
      const { page, log } = await open(b.browser, `${server.origin}/slow/fixtures/rebuilt.html`);
      await until(page, () => document.querySelectorAll('factflagmark[data-factflag-verdict="contradicted"]').length >= 1);
      await settled(b, page);
      assert.deepEqual(await marksIn(page), ["Sweden joined NATO in 2021"]);
      const st = await stateOf(b, page);
      assert.ok(st.reading.blocksWhileParsing > 0, "the article was read while the page was parsed");
      assert.equal(st.reading.readAgain, true);
      // The paragraphs it had read are gone: what it counts is the page as rendered.
      assert.deepEqual([st.counts.contradicted, st.counts.blocks], [1, 3]);
      assert.deepEqual(log.errors, []);
      await page.close();
    });

    it("applies a setting changed while the page is still arriving", async () => {
      // As the popup writes it (harness.setStorage).
      const setSetting = (page, value) => setStorage(b, page, value);
      const page = await b.browser.newPage();
      const errors = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      const loaded = page.goto(`${server.origin}/slow/fixtures/article.html`, { waitUntil: "load" });
      // Mid-way through the page, after FactFlag has begun reading it.
      await reading(b, page);
      await setSetting(page, { showSupported: true });
      await loaded;
      try {
        await until(page, () => document.querySelectorAll('factflagmark[data-factflag-verdict="supported"]').length >= 8);
        await settled(b, page);
        assert.equal((await marksIn(page, "supported")).length, 8);
        assert.deepEqual(await marksIn(page), ARTICLE_FLAGS);
        assert.ok((await stateOf(b, page)).reading.blocksWhileParsing > 0);
        assert.deepEqual(errors, []);
      } finally {
        await setSetting(page, { showSupported: false });
        await page.close();
      }
    });

    it("checks paragraphs added after load", async () => {
      const { page, log } = await open(b.browser, `${server.origin}/fixtures/article.html`);
      await until(page, () => document.querySelectorAll('factflagmark[data-factflag-verdict="contradicted"]').length >= 8);
      await page.evaluate(() => {
        const p = document.createElement("p");
        p.textContent = "Late update: Finland joined NATO in 2021, officials said.";
        document.querySelector("article").appendChild(p);
      });
      await until(page, () => [...document.querySelectorAll("factflagmark")].some((m) => m.textContent.includes("Finland joined NATO in 2021")));
      assert.deepEqual(log.errors, []);
      await page.close();
    });

    it("reads text edited in place again: its stale mark goes, a new error is marked, the edit is kept", async () => {
      const { page, log } = await open(b.browser, `${server.origin}/fixtures/article.html`);
      await until(page, () => document.querySelectorAll('factflagmark[data-factflag-verdict="contradicted"]').length >= 8);
      await settled(b, page);
      // The page edits the text node inside the mark on "Sweden joined NATO in 2023": the
      // claim now reads true, and the paragraph's other claim is untouched.
      await page.evaluate(() => {
        const m = [...document.querySelectorAll('factflagmark[data-factflag-verdict="contradicted"]')].find((x) => x.textContent === "Sweden joined NATO in 2023");
        m.firstChild.data = "Sweden joined NATO in 2024";
      });
      await until(page, () => ![...document.querySelectorAll("factflagmark")].some((m) => m.textContent.includes("Sweden joined NATO in 202")) || [...document.querySelectorAll('factflagmark[data-factflag-verdict="supported"]')].some((m) => m.textContent === "Sweden joined NATO in 2024"));
      await settled(b, page);
      const after = await page.evaluate(() => ({
        text: document.querySelector("article p:nth-of-type(2)")?.textContent ?? "",
        contradicted: [...document.querySelectorAll('factflagmark[data-factflag-verdict="contradicted"]')].map((m) => m.textContent),
      }));
      assert.ok(after.contradicted.every((t) => !t.includes("Sweden joined NATO")), after.contradicted.join(" | "));
      // The badge counts what the page now shows: the block's new findings replace its old.
      assert.equal(await badgeReads(b, page, "5"), "5");
      // The edit is the page's: it stays, whatever FactFlag did to its marks.
      const paragraphs = await page.evaluate(() => [...document.querySelectorAll("article p")].map((p) => p.textContent));
      assert.ok(paragraphs.some((t) => t.includes("Sweden joined NATO in 2024, a diplomat said.")), paragraphs.join(" | "));
      // A new error typed into a paragraph that had none is marked.
      await page.evaluate(() => {
        const p = [...document.querySelectorAll("article p")].find((x) => !x.querySelector("factflagmark") && x.firstChild?.nodeType === 3);
        p.firstChild.data = "Estonia joined NATO in 2009, the minister said. " + p.firstChild.data;
      });
      await until(page, () => [...document.querySelectorAll('factflagmark[data-factflag-verdict="contradicted"]')].some((m) => m.textContent === "Estonia joined NATO in 2009"));
      assert.equal(await badgeReads(b, page, "6"), "6");
      assert.deepEqual(log.errors, []);
      await page.close();
    });

    it("follows a single-page site: a new address or a replaced article is read anew", async () => {
      const { page, log } = await open(b.browser, `${server.origin}/fixtures/article.html`);
      await until(page, () => document.querySelectorAll('factflagmark[data-factflag-verdict="contradicted"]').length >= 8);
      await settled(b, page);
      // The site navigates with pushState and renders the next story into a new <article>.
      await page.evaluate(() => {
        history.pushState({}, "", "/fixtures/next-story");
        const a = document.createElement("article");
        a.innerHTML = "<h1>Next story</h1><p>Estonia joined NATO in 2009, the minister said.</p><p>Sweden joined NATO in 2024.</p>";
        document.querySelector("article").replaceWith(a);
      });
      await until(page, () => [...document.querySelectorAll('factflagmark[data-factflag-verdict="contradicted"]')].some((m) => m.textContent === "Estonia joined NATO in 2009"));
      await settled(b, page);
      const marks = await page.evaluate(() => [...document.querySelectorAll('factflagmark[data-factflag-verdict="contradicted"]')].map((m) => m.textContent));
      assert.deepEqual(marks, ["Estonia joined NATO in 2009"]);
      assert.equal(await badgeReads(b, page, "1"), "1");
      // The same with no new address: the article element replaced by the page's framework.
      await page.evaluate(() => {
        const a = document.createElement("article");
        a.innerHTML = "<p>Finland joined NATO in 2021, officials said.</p>";
        document.querySelector("article").replaceWith(a);
      });
      await until(page, () => [...document.querySelectorAll('factflagmark[data-factflag-verdict="contradicted"]')].some((m) => m.textContent === "Finland joined NATO in 2021"));
      await settled(b, page);
      assert.equal(await badgeReads(b, page, "1"), "1");
      assert.deepEqual(log.errors, []);
      await page.close();
    });

    it("counts in the popup, and the site switch removes every mark and restores the DOM exactly", async () => {
      const { page, log } = await open(b.browser, `${server.origin}/fixtures/article.html`);
      await until(page, () => document.querySelectorAll('factflagmark[data-factflag-verdict="contradicted"]').length >= 8);
      await settled(b, page);
      const counts = await popupView(b, page);
      assert.equal(counts.contradicted, 6);
      // Norway's membership is the eighth; the aria-hidden claim beside it is never read.
      assert.equal(counts.supported, 8);
      assert.ok(counts.claims >= 11, `claims ${counts.claims}`);
      assert.deepEqual(counts.listed, ARTICLE_FLAGS);
      assert.equal(counts.host, "127.0.0.1");
      // The toolbar button's badge counts them too (the background, from its check results).
      assert.equal(await badgeReads(b, page, "6"), "6");
      // Turn the site off (from the popup in Chromium).
      await setSwitch(b, page, "site", false);
      await until(page, () => document.querySelectorAll('factflagmark, [data-factflag="tooltip"]').length === 0);
      assert.equal(await badgeReads(b, page, ""), "");
      const same = await page.evaluate(() => {
        let n = 0;
        const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        while (w.nextNode()) n++;
        return { html: document.body.innerHTML === window.__original, textNodes: n === window.__textNodes };
      });
      assert.deepEqual(same, { html: true, textNodes: true });
      // And back on, with no reload.
      await setSwitch(b, page, "site", true);
      await until(page, () => document.querySelectorAll('factflagmark[data-factflag-verdict="contradicted"]').length >= 8);
      assert.deepEqual(await marksIn(page), ARTICLE_FLAGS);
      assert.equal(await badgeReads(b, page, "6"), "6");
      // Supported claims are marked only when asked for.
      await setSwitch(b, page, "supportedMarks", true);
      await until(page, () => document.querySelectorAll('factflagmark[data-factflag-verdict="supported"]').length > 0);
      await setSwitch(b, page, "supportedMarks", false);
      await until(page, () => document.querySelectorAll('factflagmark[data-factflag-verdict="supported"]').length === 0);
      // The global switch too.
      await setSwitch(b, page, "global", false);
      await until(page, () => document.querySelectorAll("factflagmark").length === 0);
      await setSwitch(b, page, "global", true);
      await until(page, () => document.querySelectorAll('factflagmark[data-factflag-verdict="contradicted"]').length >= 8);
      assert.deepEqual(log.errors, []);
      onlyLocal(log);
      await page.close();
    });

    it("makes no request of its own: the server saw only the pages the tests opened", async () => {
      // It opens a page of its own and waits for the extension to finish, so that it means the
      // same when it runs alone as after the others.
      const { page, log } = await open(b.browser, `${server.origin}/fixtures/article.html`);
      await until(page, () => document.querySelectorAll('factflagmark[data-factflag-verdict="contradicted"]').length >= 8);
      await settled(b, page);
      assert.ok(server.requests.includes("/fixtures/article.html"), server.requests.join(" "));
      const unexpected = server.requests.filter((u) => !/^\/((strict|slow)\/)?fixtures\/[a-z]+\.html$/.test(u));
      assert.deepEqual(unexpected, []);
      onlyLocal(log);
      if (extensionRequests) {
        // The watch on extension contexts sees a request the test makes in the service worker
        // (so it is watching), and nothing but the extension's own files.
        const sw = await b.browser.waitForTarget((t) => t.type() === "service_worker" && t.url() === `${b.base}/background.js`);
        await (await sw.worker()).evaluate(() => fetch(chrome.runtime.getURL("manifest.json")).then((r) => r.ok));
        for (const end = Date.now() + 5000; !extensionRequests.urls.some((u) => u.endsWith("/manifest.json")) && Date.now() < end; ) await sleep(20);
        assert.ok(extensionRequests.urls.some((u) => u.endsWith("/manifest.json")), extensionRequests.urls.join(" "));
        assert.deepEqual(extensionRequests.foreign(), [], "an extension context made a request");
      }
      await page.close();
    });
  });
}
