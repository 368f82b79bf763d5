// Reader features in real headless Chromium and Firefox-esr: the tooltip as a keyboard-reachable
// dialog, "Report a mistake", "Hide this flag" (remembered for the page, and shown again from
// the popup), and the options page.
import { describe, it, before, after } from "node:test";
import fs from "node:fs";
import path from "node:path";
import assert from "node:assert/strict";
import { startServer, launch, open, until, marksIn, stateOf, hook, setStorage, settled, tooltipOf, openPopup, ROOT, ARTICLE_FLAGS } from "./harness.mjs";

const LEAD = "Fumio Kishida succeeded Yoshihide Suga as Japan's prime minister";

for (const kind of ["chromium", "firefox"]) {
  describe(`reader features in ${kind}`, () => {
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

    // Opens the article and waits until FactFlag has marked it and settled.
    async function article() {
      const opened = await open(b.browser, `${server.origin}/fixtures/article.html`);
      await until(opened.page, () => !!document.querySelector('p.lead factflagmark[tabindex="0"]'));
      await settled(b, opened.page);
      return opened;
    }

    // Presses Tab until the tooltip's focused control reads `label` (at most `max` times).
    async function tabTo(page, label, max = 12) {
      for (let i = 0; i < max; i++) {
        await page.keyboard.press("Tab");
        const tip = await tooltipOf(b, page);
        if (tip.focused === label) return tip;
      }
      throw new Error(`Tab never reached "${label}" in the tooltip`);
    }

    it("the tooltip is a labelled dialog: Tab enters its links and buttons, and leaves them for the page", async () => {
      const { page, log } = await article();
      await page.focus('p.lead factflagmark[tabindex="0"]');
      let tip = await tooltipOf(b, page);
      assert.equal(tip.role, "dialog");
      assert.equal(tip.label, "FactFlag: the facts table contradicts this");
      assert.deepEqual(tip.buttons, ["Report a mistake", "Hide this flag"]);
      // The first Tab goes to the tooltip's first source link, not past the tooltip.
      await page.keyboard.press("Tab");
      tip = await tooltipOf(b, page);
      assert.equal(tip.focused, tip.links[0].text);
      // Past its last control, focus comes back to the mark, and the next Tab leaves for the page.
      await tabTo(page, "Hide this flag");
      await page.keyboard.press("Tab");
      await until(page, () => document.activeElement?.localName === "factflagmark");
      await page.keyboard.press("Tab");
      await until(page, () => !document.activeElement?.closest("p.lead"));
      // Escape from inside the tooltip closes it and gives focus back to the mark.
      await page.focus('p.lead factflagmark[tabindex="0"]');
      await tooltipOf(b, page);
      await page.keyboard.press("Tab");
      await page.keyboard.press("Escape");
      await tooltipOf(b, page, { hidden: true });
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), (await page.evaluate(() => document.querySelector('p.lead factflagmark[tabindex="0"]').textContent)));
      assert.deepEqual(log.errors, []);
      await page.close();
    });

    it("the tooltip draws a timeline of the rows behind the verdict against the claim's date, and says the same in words", async () => {
      const { page, log } = await article();
      // "Sweden joined NATO in 2023": the claim's year, then Sweden's membership from March 2024.
      const sel = 'factflagmark[data-factflag-verdict="contradicted"][tabindex="0"]';
      const index = await page.evaluate((s) => [...document.querySelectorAll(s)].findIndex((m) => m.textContent.startsWith("Sweden joined NATO")), sel);
      assert.ok(index >= 0);
      await page.evaluate((s, i) => document.querySelectorAll(s)[i].setAttribute("data-test-target", ""), sel, index);
      await page.focus("[data-test-target]");
      // The timeline comes a moment after the tooltip (asked for when it opens).
      let tip = await tooltipOf(b, page);
      for (const end = Date.now() + 10000; !tip.timeline && Date.now() < end; ) tip = await tooltipOf(b, page);
      const tl = tip.timeline;
      assert.ok(tl, JSON.stringify(tip));
      assert.equal(tl.hidden, "true");
      assert.deepEqual(tl.bars.map((x) => x.claimed), [true]);
      // The claim's band ends before the bar begins: the reader sees the year was wrong.
      assert.ok(tl.when.x + tl.when.width < tl.bars[0].x, JSON.stringify(tl));
      assert.deepEqual(tl.text, ["Sweden, North Atlantic Treaty Organization: since 7 March 2024 (named in the claim).", "The claim is about 1 January 2023 to 31 December 2023."]);
      // README's picture of it in this browser (make screenshots).
      fs.mkdirSync(path.join(ROOT, "target", "screenshots"), { recursive: true });
      fs.writeFileSync(path.join(ROOT, "target", "screenshots", `tooltip-${kind}.png`), await page.screenshot());
      // A succession: both holders named, the handover where the table has it.
      await page.focus('p.lead factflagmark[tabindex="0"]');
      let lt = null;
      for (const end = Date.now() + 10000; !lt?.text?.[0]?.startsWith("Yoshihide") && Date.now() < end; ) lt = (await tooltipOf(b, page)).timeline;
      assert.deepEqual(lt.bars.map((x) => x.claimed), [true, true]);
      assert.deepEqual(lt.text.slice(0, 2), ["Yoshihide Suga, Prime Minister of Japan: 16 September 2020 to 4 October 2021 (named in the claim).", "Fumio Kishida, Prime Minister of Japan: 4 October 2021 to 1 October 2024 (named in the claim)."]);
      assert.deepEqual(log.errors, []);
      await page.close();
    });

    it("Report a mistake gives a ready report with the claim, the verdict, the sources, the page and the dates; nothing is sent", async () => {
      if (kind === "chromium") {
        await b.browser.defaultBrowserContext().overridePermissions(server.origin, ["clipboard-read", "clipboard-write", "clipboard-sanitized-write"]);
      }
      const before = server.requests.length;
      const { page, log } = await article();
      await page.focus('p.lead factflagmark[tabindex="0"]');
      const shown = await tooltipOf(b, page);
      await tabTo(page, "Report a mistake");
      await page.keyboard.press("Enter");
      const end = Date.now() + 10000;
      let tip = await tooltipOf(b, page);
      while (!tip.reportStatus && Date.now() < end) tip = await tooltipOf(b, page);
      const url = `${server.origin}/fixtures/article.html`;
      assert.ok(tip.report.includes(`Page: ${url}`), tip.report);
      assert.ok(tip.report.includes(`Claim: "${LEAD}"`), tip.report);
      assert.ok(tip.report.includes("Verdict: contradicted"), tip.report);
      assert.ok(tip.report.includes("Shigeru Ishiba succeeded Fumio Kishida"), tip.report);
      for (const l of shown.links) assert.ok(tip.report.includes(`  ${l.href}`), `${l.href} not in the report`);
      assert.match(tip.report, /Checked at the article's date \d{4}-\d{2}-\d{2}; facts table as of \d{4}-\d{2}-\d{2}\./);
      assert.match(tip.reportStatus, /Nothing has been sent\.$/);
      if (kind === "chromium") {
        // The clipboard holds the same report.
        assert.match(tip.reportStatus, /copied to the clipboard/);
        assert.equal(await page.evaluate(() => navigator.clipboard.readText()), tip.report);
      }
      // No report address is set: no link to open one.
      assert.ok(!tip.links.some((l) => l.text.startsWith("Open your report form")));
      // With one (set in the options; here written as the options page writes it), the report
      // can also be opened there, filled in: still nothing is sent.
      await setStorage(b, page, { reportTo: "mailto:desk@news.example" });
      await page.bringToFront();
      // The setting reaches the page by a message of its own: the report is opened again until
      // its link shows (each try waits for the report's status line first).
      let open = null;
      for (const end = Date.now() + 15000; !open && Date.now() < end; ) {
        await page.keyboard.press("Escape");
        await tooltipOf(b, page, { hidden: true });
        // Escape leaves focus on the mark, quietly: it is moved off and back to open the tooltip.
        await page.evaluate(() => document.activeElement?.blur());
        await page.focus('p.lead factflagmark[tabindex="0"]');
        await tooltipOf(b, page);
        await tabTo(page, "Report a mistake");
        await page.keyboard.press("Enter");
        let t = await tooltipOf(b, page);
        for (const e2 = Date.now() + 10000; !t.reportStatus && Date.now() < e2; ) t = await tooltipOf(b, page);
        open = t.links.find((l) => l.text === "Open your report form with this report");
      }
      assert.ok(open, "no link to the report address");
      const mail = new URL(open.href);
      assert.equal(`${mail.protocol}${mail.pathname}`, "mailto:desk@news.example");
      assert.equal(mail.searchParams.get("subject"), `FactFlag flag: "${LEAD}"`);
      assert.ok(mail.searchParams.get("body").includes(`Claim: "${LEAD}"`), mail.searchParams.get("body"));
      await setStorage(b, page, { reportTo: "" });
      // The page made no request beyond its own load.
      assert.deepEqual(server.requests.slice(before), ["/fixtures/article.html"]);
      assert.deepEqual(log.errors, []);
      await page.close();
    });

    it("a claim it could not settle, when the reader asks for those marks, has a faint mark whose tooltip says so", async () => {
      const { page, log } = await open(b.browser, `${server.origin}/fixtures/unread.html`);
      await settled(b, page);
      if (kind === "firefox") await hook(page, "set", { showUnknown: true });
      else {
        // Chromium's copy has no test hook: the popup's switch.
        const popup = await openPopup(b, page);
        await until(popup, () => !document.getElementById("unknownMarks").disabled);
        if (!(await popup.evaluate(() => document.getElementById("unknownMarks").checked))) await popup.evaluate(() => document.getElementById("unknownMarks").click());
        await until(popup, () => document.getElementById("unknownMarks").checked);
        await popup.close();
      }
      await until(page, () => !!document.querySelector('factflagmark[data-factflag-verdict="unknown"][tabindex="0"]'));
      // Faint and dotted, unlike a contradicted claim's wavy red line.
      const style = await page.evaluate(() => getComputedStyle(document.querySelector('factflagmark[data-factflag-verdict="unknown"]')).textDecorationStyle);
      assert.equal(style, "dotted");
      await page.focus('factflagmark[data-factflag-verdict="unknown"][tabindex="0"]');
      const tip = await tooltipOf(b, page);
      assert.equal(tip.label, "FactFlag: the facts table cannot settle this");
      assert.ok(tip.text.includes("The table has no general election in Japan on 30 June 2029."), tip.text);
      assert.equal(tip.links.length, 0);
      // Back to the default for the other tests.
      if (kind === "chromium") {
        const popup = await openPopup(b, page);
        await until(popup, () => !document.getElementById("unknownMarks").disabled);
        await popup.evaluate(() => document.getElementById("unknownMarks").click());
        await until(popup, () => !document.getElementById("unknownMarks").checked);
        await popup.close();
      } else await hook(page, "set", { showUnknown: false });
      await until(page, () => !document.querySelector('factflagmark[data-factflag-verdict="unknown"]'));
      assert.deepEqual(log.errors, []);
      await page.close();
    });

    it("Hide this flag hides every mark of that claim, remembers it for the page, and the popup shows it again", async () => {
      const { page, log } = await article();
      await page.focus('p.lead factflagmark[tabindex="0"]');
      await tooltipOf(b, page);
      await tabTo(page, "Hide this flag");
      await page.keyboard.press("Enter");
      const rest = ARTICLE_FLAGS.filter((q) => q !== LEAD);
      await until(page, (n) => document.querySelectorAll('factflagmark[data-factflag-id]').length > 0 && !document.querySelector("p.lead factflagmark"), rest.length);
      assert.deepEqual(await marksIn(page), rest);
      await tooltipOf(b, page, { hidden: true });
      // The text is the page's own again.
      assert.ok((await page.evaluate(() => document.querySelector("p.lead").textContent)).includes(LEAD));
      let st = await stateOf(b, page);
      assert.equal(st.hidden, 1);
      // Remembered: the page opened again shows the other flags, not that one.
      await page.reload({ waitUntil: "load" });
      await until(page, () => document.querySelectorAll('factflagmark[data-factflag-verdict="contradicted"]').length > 0);
      st = await settled(b, page);
      assert.deepEqual(await marksIn(page), rest);
      assert.equal(st.hidden, 1);
      // Shown again: from the popup's button in Chromium; in Firefox (whose popup the tests cannot
      // open) by the same write to storage.
      if (kind === "chromium") {
        const popup = await openPopup(b, page);
        await until(popup, () => !document.getElementById("hiddenFlags").hidden && document.getElementById("hiddenText").textContent);
        assert.equal(await popup.evaluate(() => document.getElementById("hiddenText").textContent), "1 flag you hid on this page is not shown.");
        await popup.evaluate(() => document.getElementById("unhide").click());
        await until(page, () => !!document.querySelector("p.lead factflagmark"));
        await popup.close();
      } else {
        await hook(page, "set", { hiddenFlags: {} });
        await until(page, () => !!document.querySelector("p.lead factflagmark"));
      }
      st = await settled(b, page);
      assert.deepEqual(await marksIn(page), ARTICLE_FLAGS);
      assert.equal(st.hidden, 0);
      assert.deepEqual(log.errors, []);
      await page.close();
    });
  });
}
