// An axe-core audit of FactFlag's marks and tooltip on a page, in real headless Chromium and
// Firefox-esr (the popup and the options page are audited in pages.test.mjs). The test copy's
// tooltip has an open shadow root here (launch's openTooltip), so the audit can reach it.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, open, until, settled, tooltipOf, axeViolations } from "./harness.mjs";

for (const kind of ["chromium", "firefox"]) {
  for (const scheme of ["light", "dark"]) {
    describe(`accessibility in ${kind} (${scheme})`, () => {
      let server;
      let b;
      before(async () => {
        server = await startServer();
        // Firefox takes its colour scheme from the profile's prefs (launch's `scheme`), so each
        // scheme has its own browser there; Chromium emulates it per page.
        b = await launch(kind, { openTooltip: true, scheme });
      });
      after(async () => {
        await b?.browser.close();
        await server?.close();
      });

      it(`marks and the tooltip, with its report open, pass axe-core with no violation (${scheme})`, async () => {
        const { page, log } = await open(b.browser, `${server.origin}/fixtures/article.html`);
        if (kind === "chromium") await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
        // The page sees the scheme audited (else the dark audit would audit the light one).
        assert.equal(await page.evaluate((s) => matchMedia(`(prefers-color-scheme: ${s})`).matches, scheme), true);
        await until(page, () => !!document.querySelector('p.lead factflagmark[tabindex="0"]'));
        await settled(b, page);
        await page.focus('p.lead factflagmark[tabindex="0"]');
        await tooltipOf(b, page);
        // Into the tooltip and on to "Report a mistake", which opens the report in it.
        for (let i = 0; i < 12 && (await tooltipOf(b, page)).focused !== "Report a mistake"; i++) await page.keyboard.press("Tab");
        await page.keyboard.press("Enter");
        for (const end = Date.now() + 10000; !(await tooltipOf(b, page)).reportStatus && Date.now() < end; );
        // The audit sees the tooltip's own elements (it is open in this copy) and the marks.
        const seen = await page.evaluate(() => document.querySelector('div[data-factflag="tooltip"]').shadowRoot.querySelectorAll("button, textarea, a").length);
        assert.ok(seen >= 4, `the audit would see ${seen} controls in the tooltip`);
        // The tooltip drawn in the scheme's own colours: its background dark in the dark scheme.
        const bg = await page.evaluate(() => {
          const sr = document.querySelector('div[data-factflag="tooltip"]').shadowRoot;
          const el = [sr.firstElementChild, ...sr.querySelectorAll("*")].find((e) => e && getComputedStyle(e).backgroundColor !== "rgba(0, 0, 0, 0)");
          const [r, g, bl] = getComputedStyle(el).backgroundColor.match(/\d+/g).map(Number);
          return (r + g + bl) / 3;
        });
        assert.ok(scheme === "dark" ? bg < 100 : bg > 155, `the tooltip's background has a mean channel of ${bg} in the ${scheme} scheme`);
        const violations = await axeViolations({ load: (src) => page.evaluate(src), run: (fn, arg) => page.evaluate(fn, arg) }, ['div[data-factflag="tooltip"]', "factflagmark"]);
        assert.deepEqual(violations, []);
        assert.deepEqual(log.errors, []);
        await page.close();
      });
    });
  }
}
