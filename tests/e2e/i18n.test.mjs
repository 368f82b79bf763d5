// The extension in another language: the browsers with a German UI, whose words the extension
// takes from _locales/de (the tooltip and its report, the marks' labels, the popup and the
// options page; Firefox's extension pages through a classic WebDriver session) and the core's
// explanations from src/locales/de.tsv. Both locales are checked for the same keys in
// static.test.mjs, and the core's catalogue against its templates by `cargo test`.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, open, until, settled, tooltipOf, openPopup } from "./harness.mjs";
import { firefoxSession } from "./webdriver.mjs";

const POPUP_DE = { lang: "de", status: "6 Behauptungen auf dieser Seite widersprechen der Faktentabelle.", site: "Aktiv für 127.0.0.1", legend: "Einstellungen" };
const OPTIONS_DE = ["FactFlag-Optionen", "Markierungen", "Websites, auf denen FactFlag ausgeschaltet ist", "Fehler melden", "Ihre eigenen Fakten", "Von Ihnen ausgeblendete Markierungen"];
const popupView = () =>
  document.getElementById("counts").hidden
    ? null
    : { lang: document.documentElement.lang, status: document.getElementById("status").textContent, site: document.getElementById("siteLabel").textContent, legend: document.querySelector("legend").textContent };
const optionsHeads = () => document.querySelectorAll("h2").length && [document.querySelector("h1").textContent, ...[...document.querySelectorAll("h2")].map((h) => h.textContent)];

for (const kind of ["chromium", "firefox"]) describe(`the extension in German (${kind})`, () => {
  let server;
  let b;
  before(async () => {
    server = await startServer();
    b = await launch(kind, { lang: kind === "chromium" ? "de-DE" : "de" });
  });
  after(async () => {
    await b?.browser.close();
    await server?.close();
  });

  it("the tooltip, the marks' labels, the popup and the options page speak German", async () => {
    const { page, log } = await open(b.browser, `${server.origin}/fixtures/article.html`);
    await until(page, () => !!document.querySelector('p.lead factflagmark[tabindex="0"]'));
    await settled(b, page);
    const label = await page.evaluate(() => document.querySelector('p.lead factflagmark[tabindex="0"]').getAttribute("aria-label"));
    assert.ok(label.startsWith("FactFlag: widerlegte Behauptung. "), label);
    await page.focus('p.lead factflagmark[tabindex="0"]');
    const tip = await tooltipOf(b, page);
    assert.equal(tip.label, "FactFlag: Die Faktentabelle widerspricht dem");
    assert.deepEqual(tip.buttons, ["Fehler melden", "Diese Markierung ausblenden"]);
    assert.match(tip.text, /Fakten mit Stand \d{4}-\d{2}-\d{2}; geprüft zum Datum des Artikels, 2024-10-19\./);
    // The explanation the core wrote, in German (src/locales/de.tsv): its words and dates.
    assert.ok(tip.text.includes("Fumio Kishida folgte Yoshihide Suga am 4. Oktober 2021 nach; am 1. Oktober 2024 folgte Shigeru Ishiba Fumio Kishida nach."), tip.text);
    // The ready report of "Fehler melden", in German too.
    for (let i = 0; i < 12 && (await tooltipOf(b, page)).focused !== "Fehler melden"; i++) await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    let report = null;
    for (const end = Date.now() + 10000; !report && Date.now() < end; ) report = (await tooltipOf(b, page)).report;
    assert.ok(report?.startsWith("FactFlag: eine Markierung, die falsch sein kann\n"), report);
    assert.ok(report.includes("Urteil: widerlegt\n") && report.includes("Behauptung: „Fumio Kishida succeeded Yoshihide Suga as Japan's prime minister“"), report);
    assert.ok(report.includes("FactFlags Lesart der Fakten: Fumio Kishida folgte Yoshihide Suga am 4. Oktober 2021 nach"), report);
    if (kind === "firefox") {
      // Firefox's popup and options page, through a classic WebDriver session (webdriver.mjs).
      const wd = await firefoxSession({ lang: "de" });
      try {
        await wd.goto(`${server.origin}/fixtures/article.html`);
        await wd.until(String(() => document.querySelectorAll('factflagmark[data-factflag-verdict="contradicted"]').length >= 8));
        let t = await wd.openExtensionPage("popup/popup.html?tab={tab}");
        assert.deepEqual(await wd.until(String(popupView)), POPUP_DE);
        await t.close();
        t = await wd.openExtensionPage("options/options.html");
        assert.deepEqual(await wd.until(String(optionsHeads)), OPTIONS_DE);
        await t.close();
      } finally {
        await wd.quit();
      }
    } else {
      const popup = await openPopup(b, page);
      assert.deepEqual(await until(popup, popupView), POPUP_DE);
      await popup.close();
      const opts = await b.browser.newPage();
      await opts.goto(`${b.base}/options/options.html`);
      assert.deepEqual(await until(opts, optionsHeads), OPTIONS_DE);
      await opts.close();
    }
    assert.deepEqual(log.errors, []);
    await page.close();
  });
});
