// Hostile pages: pages that nobody here controls, built to break, slow down, read or command
// an extension. Each fixture (tests/e2e/fixtures/hostile/) is opened in both browsers, and
// each test asserts at least that the page's DOM outside FactFlag's marks is the DOM the page
// built (page.js keeps a copy of it from before any mark is drawn), that the page still works
// (its own button, and its own checks), and that it threw nothing.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, open, until, settled, stateOf, tooltipOf, setSwitch, hook, badgeReads } from "./harness.mjs";

const FINLAND = "Finland joined NATO in 2022";
const SWEDEN = "Sweden joined NATO in 2023";
const JAPAN = "Japan is a member of NATO";

for (const kind of ["chromium", "firefox"]) {
  describe(`hostile pages in ${kind}`, () => {
    let server;
    let b;
    before(async () => {
      server = await startServer();
      b = await launch(kind);
    });
    after(async () => {
      await b?.browser.close();
      await server?.close();
    });

    // Opens a fixture and waits until FactFlag has nothing left to do on it.
    async function visit(file, { prefix = "" } = {}) {
      const opened = await open(b.browser, `${server.origin}${prefix}/fixtures/hostile/${file}`);
      const state = await settled(b, opened.page, 60000);
      return { ...opened, state };
    }

    // What every fixture must show: FactFlag's marks as expected, the page's DOM otherwise its
    // own, the page working, no error, and no request but the page's own.
    async function intact({ page, log }, marks) {
      assert.deepEqual(await page.evaluate(() => __hostile.marks()), [...marks].sort());
      assert.equal(await page.evaluate(() => __hostile.diff()), null);
      assert.equal(await page.evaluate(() => __hostile.works()), true, "the page's own controls stopped working");
      assert.deepEqual(await page.evaluate(() => __hostile.errors), []);
      assert.deepEqual(log.errors, []);
      // The server answers as 127.0.0.1 and as localhost (the other site of the frames page).
      const port = new URL(server.origin).port;
      const foreign = log.requests.filter((u) => !u.startsWith("data:") && !(["127.0.0.1", "localhost"].includes(new URL(u).hostname) && new URL(u).port === port));
      assert.deepEqual(foreign, [], "requests left the machine");
    }

    it("a strict CSP in a meta element, and the same page with it as a header", async () => {
      for (const prefix of ["", "/strict"]) {
        const v = await visit("csp-meta.html", { prefix });
        await intact(v, [FINLAND]);
        await v.page.close();
      }
    });

    it("a page that replaces appendChild, insertBefore, splitText, createElement, textContent, MutationObserver, Range and customElements.define", async () => {
      const v = await visit("overrides.html");
      // Before any test read: FactFlag called none of the page's replacements.
      const calls = await v.page.evaluate(() => ({ ...window.calls }));
      assert.deepEqual(Object.values(calls).filter((n) => n !== 0), [], JSON.stringify(calls));
      await intact(v, [FINLAND]);
      await v.page.close();
    });

    it("a page that defines FactFlag's former element names as custom elements of its own", async () => {
      const v = await visit("own-element.html");
      assert.equal(await v.page.evaluate(() => window.hijacks), 0, "the page's constructors ran on FactFlag's elements");
      await v.page.focus('factflagmark[tabindex="0"]');
      assert.match((await tooltipOf(b, v.page)).text, /4 April 2023/);
      assert.equal(await v.page.evaluate(() => window.hijacks), 0, "the page's constructors ran on the tooltip");
      await intact(v, [FINLAND]);
      await v.page.close();
    });

    it("frames: a frame of the page's own site is read, a frame of another site is left alone", async () => {
      const v = await visit("frames.html");
      const frame = (host) => v.page.frames().find((f) => new URL(f.url()).hostname === host && f.url().endsWith("/frame.html"));
      const own = new URL(server.origin).hostname;
      const same = frame(own);
      const other = frame(own === "127.0.0.1" ? "localhost" : "127.0.0.1");
      assert.ok(same && other, v.page.frames().map((f) => f.url()).join(" "));
      // The frame of the page's own site gets its mark (and the date of its own meta).
      await until(same, () => document.querySelectorAll("factflagmark").length > 0, undefined, 30000);
      assert.deepEqual(await same.evaluate(() => [...document.querySelectorAll("factflagmark")].map((m) => m.textContent)), [FINLAND]);
      // The other frame has the same text and loaded with it: it would have been marked by now.
      assert.equal(await other.evaluate(() => document.documentElement.outerHTML.includes("factflag")), false);
      await intact(v, [JAPAN]);
      // The badge adds up the page's and its own site's frame: 1 + 1, whichever reported first.
      assert.equal(await badgeReads(b, v.page, "2"), "2");
      await v.page.close();
    });

    it("editable text: never marked or changed, even while the user types a false claim into it", async () => {
      const v = await visit("editable.html");
      await intact(v, [FINLAND]);
      const typed = " Japan is a member of NATO, and Finland joined NATO in 2022.";
      await v.page.click("#editor p");
      await v.page.keyboard.press("End");
      await v.page.keyboard.type(typed);
      await v.page.click("#ta");
      await v.page.keyboard.press("End");
      await v.page.keyboard.type(typed);
      await v.page.click("#inline");
      await v.page.keyboard.press("End");
      await v.page.keyboard.type(typed);
      await settled(b, v.page);
      const now = await v.page.evaluate(() => ({
        editor: document.querySelector("#editor").textContent,
        inline: document.querySelector("#inline").textContent,
        ta: document.querySelector("#ta").value,
        marksInEditable: document.querySelectorAll("[contenteditable] factflagmark, textarea factflagmark").length,
        focused: document.activeElement.id,
      }));
      assert.equal(now.editor, `Sweden joined NATO in 2023, I wrote.${typed}`);
      assert.equal(now.inline, `Japan is a member of NATO${typed}`);
      assert.equal(now.ta, `Sweden joined NATO in 2023.${typed}`);
      assert.equal(now.marksInEditable, 0);
      assert.equal(now.focused, "inline", "the caret left the field being typed in");
      assert.deepEqual(await v.page.evaluate(() => __hostile.marks()), [FINLAND]);
      await v.page.close();
    });

    it("a page that removes, moves and clones FactFlag's marks: no error, no tooltip for a clone, and the site switch keeps the page's changes", async () => {
      const v = await visit("moved.html");
      await intact(v, [FINLAND, JAPAN, SWEDEN]);
      await v.page.evaluate(() => {
        document.querySelector("#a factflagmark").remove();
        document.querySelector("#d").append(document.querySelector("#b factflagmark"));
        const clone = document.querySelector("#c factflagmark").cloneNode(true);
        clone.id = "clone";
        document.querySelector("#d").append(clone);
      });
      await settled(b, v.page);
      // A clone of a mark is the page's element: it shows nothing. The original still does.
      await v.page.focus("#clone");
      assert.equal(await tooltipOf(b, v.page, { hidden: true }), null);
      await v.page.focus('#c factflagmark[tabindex="0"]');
      assert.match((await tooltipOf(b, v.page)).text, /North Atlantic Treaty Organization/);
      await setSwitch(b, v.page, "site", false);
      await until(v.page, () => document.querySelectorAll("factflagmark:not(#clone)").length === 0);
      const after = await v.page.evaluate(() => ["a", "b", "c", "d"].map((id) => document.getElementById(id).innerHTML));
      // The removed claim stays removed, the moved one stays where the page put it (unmarked),
      // the clone is the page's; the mark the page left alone is gone and its text whole.
      assert.deepEqual(after.slice(0, 3), [", after decades of neutrality.", ", after the vote in Budapest.", "Japan is a member of NATO, a reader wrote."]);
      assert.match(after[3], /^Elsewhere:Sweden joined NATO in 2023<factflagmark [^>]*id="clone"[^>]*>Japan is a member of NATO<\/factflagmark>$/);
      assert.deepEqual(v.log.errors, []);
      await setSwitch(b, v.page, "site", true);
      await v.page.close();
    });

    it("right-to-left, CJK, emoji, combining marks and lone surrogates: every mark on exactly its words", async () => {
      const v = await visit("scripts.html");
      await intact(v, [FINLAND, FINLAND, FINLAND, JAPAN, SWEDEN, SWEDEN]);
      await v.page.close();
    });

    it("100,000 tiny text nodes, and a claim whose every word is a text node of its own", async () => {
      const v = await visit("many-nodes.html");
      await intact(v, [FINLAND]);
      if (v.state.work) console.log(`  ${kind}, 100,000 text nodes: FactFlag's longest stretch of work ${v.state.work.longestMs.toFixed(1)} ms, total ${v.state.work.totalMs.toFixed(1)} ms`);
      await v.page.close();
    });

    it("one text node of 10 MB with a claim at its end", async () => {
      const v = await visit("huge-node.html");
      await intact(v, [FINLAND]);
      // Sent in parts, none longer than a part (a 10 MB message blocked the page for 110 ms in
      // Firefox). The test build, which counts it, runs in Firefox.
      if (kind === "firefox") assert.ok(v.state.timings.largestMessage <= 500_000, `a message of ${v.state.timings.largestMessage} characters`);
      if (v.state.work) console.log(`  ${kind}, one 10 MB text node: FactFlag's longest stretch of work ${v.state.work.longestMs.toFixed(1)} ms, total ${v.state.work.totalMs.toFixed(1)} ms`);
      await v.page.close();
    });

    it("a page that tries to read the tooltip, to spoof a mark and to send FactFlag messages", async () => {
      const v = await visit("spoof.html");
      await intact(v, [FINLAND]);
      const before = await stateOf(b, v.page);
      // The page's own mark, dressed as FactFlag's with the id of a real finding: nothing.
      await v.page.focus("#fake factflagmark");
      assert.equal(await tooltipOf(b, v.page, { hidden: true }), null);
      // A real mark shows the tooltip; the page can find its host but not read or change it.
      await v.page.focus('article factflagmark[tabindex="0"]');
      assert.match((await tooltipOf(b, v.page)).text, /4 April 2023/);
      const seen = await v.page.evaluate(() => {
        const host = document.querySelector('[data-factflag="tooltip"]');
        let attached = "no";
        try {
          host.attachShadow({ mode: "open" });
          attached = "yes";
        } catch (e) {
          attached = e.name;
        }
        return { host: !!host, shadowRoot: host?.shadowRoot ?? null, children: host?.childNodes.length, text: host?.textContent, attached };
      });
      assert.deepEqual(seen, { host: true, shadowRoot: null, children: 0, text: "", attached: "NotSupportedError" });
      // Messages the page makes up: on window, on the document, and to the extension's runtime
      // (which a page cannot reach: the extension declares no externally_connectable).
      const sent = await v.page.evaluate(async (kind) => {
        const fake = { type: "factflag:settings-changed", version: 1, changed: ["enabled"] };
        window.postMessage(fake, "*");
        window.postMessage({ type: "factflag:reveal", version: 1, id: 1 }, "*");
        document.dispatchEvent(new CustomEvent("factflag:state", { detail: fake }));
        const rt = globalThis.chrome?.runtime ?? globalThis.browser?.runtime;
        return { runtime: typeof rt?.sendMessage, kind };
      }, kind);
      assert.equal(sent.runtime, "undefined");
      await settled(b, v.page);
      const afterwards = await stateOf(b, v.page);
      assert.deepEqual(afterwards.counts, before.counts);
      assert.equal(afterwards.active, true);
      assert.deepEqual(await v.page.evaluate(() => __hostile.marks()), [FINLAND]);
      assert.deepEqual(v.log.errors, []);
      await v.page.close();
    });

    it("a page built to inject markup: its text stays text, in the marks and in the tooltip", async () => {
      const v = await visit("inject.html");
      await intact(v, [FINLAND, JAPAN]);
      for (const sel of ["article p:first-of-type factflagmark", 'article p:last-of-type factflagmark[tabindex="0"]']) {
        await v.page.focus(sel);
        const tip = await tooltipOf(b, v.page);
        // Only the tooltip's own elements (with its timeline's SVG): none of the page's markup.
        const own = new Set(["a", "button", "div", "li", "p", "ul", "span", "svg", "defs", "pattern", "rect", "line", "text"]);
        assert.deepEqual([...new Set(tip.elements)].filter((e) => !own.has(e)), []);
        assert.ok(["a", "button", "div", "li", "p", "ul"].every((e) => tip.elements.includes(e)), tip.elements.join(" "));
        assert.ok(tip.links.every((a) => /^https?:\/\//.test(a.href) && a.rel === "noopener noreferrer"), JSON.stringify(tip.links));
      }
      assert.equal(await v.page.evaluate(() => window.pwned), undefined);
      await v.page.close();
    });
  });

  describe(`untrusted table rows in ${kind}`, () => {
    let server;
    let b;
    before(async () => {
      server = await startServer();
      // The copy with the test hook (in Firefox, always), which draws a finding the test makes up.
      b = await launch(kind, { hooked: true });
    });
    after(async () => {
      await b?.browser.close();
      await server?.close();
    });

    it("a row whose text is markup and whose sources are not http(s): text only, and only http(s) links", async () => {
      const { page, log } = await open(b.browser, `${server.origin}/fixtures/hostile/inject.html`);
      await settled(b, page);
      const out = await hook(page, "render", {
        selector: "h1",
        quote: "window.pwned = 1",
        explanation: `<img src=x onerror="window.pwned = 5">Not so.<script>window.pwned = 6</script>`,
        sources: ["javascript:window.pwned = 7", "data:text/html,<script>window.pwned = 8</script>", " https://example.org/ok", "https://example.org/a?<b>x</b>", "ftp://example.org/"],
      });
      const { tooltip, label } = out.rendered;
      assert.ok(tooltip.text.includes(`<img src=x onerror="window.pwned = 5">Not so.<script>window.pwned = 6</script>`), tooltip.text);
      assert.ok(label.includes("<img src=x"), label);
      assert.deepEqual([...new Set(tooltip.elements)].sort(), ["a", "button", "div", "li", "p", "ul"]);
      assert.deepEqual(tooltip.links.map((a) => [a.href, a.rel, a.target]), [
        ["https://example.org/ok", "noopener noreferrer", "_blank"],
        ["https://example.org/a?%3Cb%3Ex%3C/b%3E", "noopener noreferrer", "_blank"],
      ]);
      assert.equal(await page.evaluate(() => window.pwned), undefined);
      assert.deepEqual(log.errors, []);
      await page.close();
    });
  });
}
