// An axe-core audit of FactFlag's marks and tooltip on a page, in real headless Chromium and
// Firefox-esr (the popup and the options page are audited in pages.test.mjs). The test copy's
// tooltip has an open shadow root here (launch's openTooltip), so the audit can reach it.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, open, until, settled, tooltipOf, axeViolations } from "./harness.mjs";

for (const kind of ["chromium", "firefox"]) {
  describe(`accessibility in ${kind}`, () => {
    let server;
    let b;
    before(async () => {
      server = await startServer();
      b = await launch(kind, { openTooltip: true });
    });
    after(async () => {
      await b?.browser.close();
      await server?.close();
    });

    for (const scheme of ["light", "dark"]) {
      // Firefox's WebDriver BiDi has no media emulation: its dark scheme is not audited.
      const skip = kind === "firefox" && scheme === "dark" ? "no prefers-color-scheme emulation in Firefox's WebDriver BiDi" : false;
      it(`marks and the tooltip, with its report open, pass axe-core with no violation (${scheme})`, { skip }, async () => {
        const { page, log } = await open(b.browser, `${server.origin}/fixtures/article.html`);
        if (kind === "chromium") await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
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
        const violations = await axeViolations({ load: (src) => page.evaluate(src), run: (fn, arg) => page.evaluate(fn, arg) }, ['div[data-factflag="tooltip"]', "factflagmark"]);
        assert.deepEqual(violations, []);
        assert.deepEqual(log.errors, []);
        await page.close();
      });
    }
  });
}
