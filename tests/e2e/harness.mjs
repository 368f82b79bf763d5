// Shared end-to-end harness: a fixture server on 127.0.0.1 and the two browsers with the
// built extension loaded.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import os from "node:os";
import { fileURLToPath } from "node:url";
import puppeteer from "puppeteer-core";

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, "../..");
export const EXTENSION = path.join(ROOT, "extension");

// The contradicted claims of tests/e2e/fixtures/article.html, as marksIn lists them.
export const ARTICLE_FLAGS = [
  "Britain left the EU in 2016",
  "Finland joined NATO in 2022",
  "Fumio Kishida succeeded Yoshihide Suga as Japan's prime minister",
  "Japan is a member of NATO",
  "Japan is a member of NATO",
  "Sweden joined NATO in 2023",
].sort();

const STRICT_CSP = "default-src 'self'; script-src 'self'; object-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";

function which(cmd) {
  try {
    return execFileSync("sh", ["-c", `command -v ${cmd}`]).toString().trim();
  } catch {
    return null;
  }
}

// Serves tests/e2e/fixtures at /fixtures/, the demo at /demo/ and benchmark pages at /bench/;
// anything under /strict/ is served with a strict CSP, and anything under /slow/ arrives in
// SLOW_PIECES pieces SLOW_GAP_MS apart (cut at byte offsets, so mid-tag and mid-word too), as
// a long page on a slow connection does. Every request is logged.
const SLOW_PIECES = 12;
const SLOW_GAP_MS = 80;

export async function startServer() {
  const requests = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url);
    let url = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const strict = url.startsWith("/strict/");
    if (strict) url = url.slice("/strict".length);
    const slow = url.startsWith("/slow/");
    if (slow) url = url.slice("/slow".length);
    const map = [
      ["/fixtures/", path.join(here, "fixtures")],
      ["/demo/", path.join(EXTENSION, "demo")],
      ["/bench/", path.join(ROOT, "benches", "pages")],
      ["/vendor/", path.join(ROOT, "node_modules")],
    ];
    const hit = map.find(([p]) => url.startsWith(p));
    const file = hit && path.join(hit[1], url.slice(hit[0].length));
    if (!file || !file.startsWith(hit[1]) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end("not found");
      return;
    }
    const type = file.endsWith(".html") ? "text/html; charset=utf-8" : file.endsWith(".js") ? "text/javascript" : "application/octet-stream";
    const headers = { "content-type": type, "cache-control": "no-store" };
    if (strict) headers["content-security-policy"] = STRICT_CSP;
    res.writeHead(200, headers);
    if (slow) {
      const body = fs.readFileSync(file);
      const size = Math.ceil(body.length / SLOW_PIECES);
      let k = 0;
      const next = () => {
        res.write(body.subarray(k * size, (k + 1) * size));
        if (++k < SLOW_PIECES) setTimeout(next, SLOW_GAP_MS);
        else res.end();
      };
      next();
      return;
    }
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, requests, close: () => new Promise((r) => server.close(r)) };
}

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
  "--disable-features=Translate,OptimizationHints,MediaRouter",
];

// `raw`: load `extension` as it is (another extension, for the benchmark's bare pass): no
// wait for FactFlag's background, no test hook. `hooked`: in Chromium too, load the copy with
// the test hook (see testCopy); Firefox always has it.
// `openTooltip`: the test copy's tooltip has an open shadow root, so that the accessibility
// audit (axe-core, from the page) can reach inside it; every other test keeps it closed.
// `lang`: the browser's UI language, which the extension's _locales follow (Chromium needs
// chromium-l10n, Firefox its language pack: scripts/setup.sh installs the German ones).
// `scheme`: "dark" or "light", what prefers-color-scheme says in Firefox, set by its prefs (its
// WebDriver BiDi has no media emulation); in Chromium, pages emulate it (emulateMediaFeatures).
export async function launch(kind, { extension = EXTENSION, raw = false, hooked = false, openTooltip = false, lang = null, scheme = null } = {}) {
  if (kind === "chromium") {
    const executablePath = process.env.CHROMIUM_PATH || which("chromium") || which("chromium-browser");
    const browser = await puppeteer.launch({
      executablePath,
      pipe: true,
      headless: true,
      enableExtensions: extension ? [hooked || openTooltip ? testCopy(extension, { openTooltip }) : extension] : [],
      args: lang ? [...CHROMIUM_ARGS, `--lang=${lang}`] : CHROMIUM_ARGS,
      env: lang ? { ...process.env, LANGUAGE: lang.replace("-", "_") } : process.env,
    });
    let base = null;
    if (extension && !raw) {
      const sw = await browser.waitForTarget((t) => t.type() === "service_worker" && t.url().endsWith("/background.js"), { timeout: 20000 });
      base = sw.url().replace(/\/background\.js$/, "");
    }
    return { browser, kind, base };
  }
  const executablePath = process.env.FIREFOX_PATH || which("firefox-esr") || which("firefox");
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath,
    protocol: "webDriverBiDi",
    headless: true,
    extraPrefsFirefox: {
      "network.proxy.type": 0,
      "browser.safebrowsing.malware.enabled": false,
      "browser.safebrowsing.phishing.enabled": false,
      "app.update.enabled": false,
      "datareporting.policy.dataSubmissionEnabled": false,
      "toolkit.telemetry.enabled": false,
      // Full-resolution performance.now(): the benchmark's Firefox figures are self-timed.
      "privacy.reduceTimerPrecision": false,
      // The UI language (its language pack installed), which the extension's _locales follow.
      ...(lang ? { "intl.locale.requested": lang, "extensions.langpacks.signatures.required": false } : {}),
      // The colour scheme web content and extension pages see: 0 dark, 1 light.
      ...(scheme ? { "layout.css.prefers-color-scheme.content-override": scheme === "dark" ? 0 : 1, "ui.systemUsesDarkTheme": scheme === "dark" ? 1 : 0 } : {}),
    },
  });
  if (extension) await browser.installExtension(raw ? extension : testCopy(extension, { openTooltip }));
  return { browser, kind, base: null };
}

// Firefox's WebDriver BiDi neither opens nor scripts moz-extension:// pages, so in Firefox the
// tests cannot drive the popup. A temporary copy of the built extension gets one test-only
// content script instead: it answers the popup's questions (the same state the popup shows)
// and writes settings to storage.local the way the popup does, so the content script's
// reaction to a setting change is tested in Firefox too. The shipped extension has no hook.
export function testCopy(extension, { openTooltip = false } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factflag-ext-"));
  fs.cpSync(extension, dir, { recursive: true });
  if (openTooltip) {
    const tip = path.join(dir, "content", "tooltip.js");
    const src = fs.readFileSync(tip, "utf8");
    if (!src.includes('attachShadow({ mode: "closed" })')) throw new Error("testCopy: tooltip.js has no closed shadow root to open");
    fs.writeFileSync(tip, src.replace('attachShadow({ mode: "closed" })', 'attachShadow({ mode: "open" })'));
  }
  const mf = path.join(dir, "manifest.json");
  const m = JSON.parse(fs.readFileSync(mf, "utf8"));
  fs.writeFileSync(
    path.join(dir, "content", "test-hook.js"),
    `document.addEventListener("factflag-test", async (e) => {
      const api = globalThis.browser ?? chrome;
      const { op, value } = JSON.parse(e.detail);
      if (op === "set") await api.storage.local.set(value);
      // One of the extension's own pages opened in a new tab by the background, for the tests'
      // classic WebDriver session in Firefox (webdriver.mjs), which can script it there.
      if (op === "open") await api.runtime.sendMessage({ type: "factflag-test:open", path: value });
      const FF = globalThis.__factflag;
      // A finding made up by the test (as a table row could make it), drawn and shown the way
      // the core's own are: its mark's label and the tooltip it shows.
      let rendered = null;
      // The badge of this tab, which only the background can read (its test listener, below).
      const badge = op === "badge" ? (await api.runtime.sendMessage({ type: "factflag-test:badge" }))?.text : undefined;
      if (op === "render") {
        const el = document.querySelector(value.selector);
        const start = FF.textOf(el).text.indexOf(value.quote);
        const f = { verdict: "contradicted", facts_as_of: "2026-06-30", reference_date: "2024-06-01", ...value, start_utf16: start, end_utf16: start + value.quote.length };
        FF.wrapBlock({ el }, [f]);
        FF.showTooltip(f.marks[0]);
        rendered = { label: f.marks[0].getAttribute("aria-label"), tooltip: FF.tooltipView() };
      }
      document.documentElement.dataset.factflagTest = JSON.stringify({
        rendered,
        badge,
        op, counts: FF.state.counts, hidden: FF.state.hidden.size, tooltip: FF.tooltipView(), active: FF.state.active, reading: FF.state.reading, timings: FF.timings, work: FF.work, idle: FF.idle(),
        listed: [...FF.findings.values()].filter((f) => f.verdict === "contradicted").map((f) => f.quote),
        // As the popup's state has them (content/main.js, "factflag:state").
        contradicted: [...FF.findings.values()].filter((f) => f.verdict === "contradicted").sort((a, b) => a.id - b.id).map((f) => ({ id: f.id, quote: f.quote, explanation: f.explanation })),
      });
    });\n`,
  );
  m.content_scripts[0].js.push("content/test-hook.js");
  // The content scripts' own main-thread time, which the benchmark reads in Firefox: the
  // shipped FF.begin/FF.end do nothing (platform.js); these add every stretch up in FF.work.
  fs.writeFileSync(
    path.join(dir, "content", "test-timing.js"),
    `(() => {
      const FF = globalThis.__factflag;
      FF.work = { totalMs: 0, longestMs: 0, stretches: 0 };
      // Moments and durations of the first pass (FF.note in main.js): the first moment of a
      // kind, the last one ("last"), or a sum ("add").
      FF.timings = { injectedAt: performance.now() };
      FF.note = (key, value = performance.now(), how = "first") => {
        if (how === "add") FF.timings[key] = (FF.timings[key] ?? 0) + value;
        else if (how === "last" || FF.timings[key] === undefined) FF.timings[key] = value;
      };
      // The most page text one message to the background carried (the parts of a long request).
      const send = FF.send;
      FF.send = (m) => {
        const chars = (m.text?.length ?? 0) + (m.blocks ?? []).reduce((n, t) => n + t.length, 0);
        FF.timings.largestMessage = Math.max(FF.timings.largestMessage ?? 0, chars);
        return send(m);
      };
      let openedAt = -1;
      FF.begin = () => {
        if (openedAt < 0) openedAt = performance.now();
      };
      FF.end = () => {
        if (openedAt < 0) return;
        const d = performance.now() - openedAt;
        openedAt = -1;
        FF.work.totalMs += d;
        FF.work.stretches++;
        if (d > FF.work.longestMs) FF.work.longestMs = d;
      };
    })();\n`,
  );
  const js = m.content_scripts[0].js;
  js.splice(js.indexOf("content/platform.js") + 1, 0, "content/test-timing.js");
  // A hold on checks the tests can set in the background (globalThis.__factflagHold), to stop
  // the service worker while a request waits.
  const bg = path.join(dir, "background.js");
  const src = fs.readFileSync(bg, "utf8");
  const at = "case P.TYPES.check: {";
  if (!src.includes(at)) throw new Error(`testCopy: background.js has no "${at}"`);
  // And the badge's text for the tab that asks (browser.action has no getter a content script
  // or WebDriver BiDi can reach in Firefox).
  const badge = `
api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (msg?.type !== "factflag-test:badge") return false;
  api.action.getBadgeText({ tabId: sender.tab.id }).then((text) => sendResponse({ text }));
  return true;
});
api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (msg?.type !== "factflag-test:open") return false;
  const url = api.runtime.getURL(msg.path.replace("{tab}", String(sender.tab.id)));
  api.tabs.create({ url, active: true }).then(() => sendResponse({ ok: true }));
  return true;
});\n`;
  fs.writeFileSync(bg, src.replace(at, `${at}\n      await globalThis.__factflagHold?.();`) + badge);
  fs.writeFileSync(mf, JSON.stringify(m, null, 2));
  return dir;
}

export async function hook(page, op, value, timeout = 15000) {
  await page.evaluate(() => delete document.documentElement.dataset.factflagTest);
  await page.evaluate((d) => document.dispatchEvent(new CustomEvent("factflag-test", { detail: d })), JSON.stringify({ op, value }));
  const out = await until(page, () => document.documentElement.dataset.factflagTest, undefined, timeout);
  await page.evaluate(() => delete document.documentElement.dataset.factflagTest);
  return JSON.parse(out);
}

// Writes settings to storage.local as the popup and the options page do: in Firefox through the
// test hook of `page`'s content script (its extension pages are out of WebDriver BiDi's reach),
// in Chromium from an extension page.
export async function setStorage(b, page, value) {
  if (b.kind === "firefox") return hook(page, "set", value);
  const ext = await b.browser.newPage();
  await ext.goto(`${b.base}/popup/popup.html`);
  await ext.evaluate((v) => chrome.storage.local.set(v), value);
  await ext.close();
}

// What the popup shows for `page`: counts and the contradicted claims it lists.
export async function popupView(b, page) {
  if (b.kind === "firefox") {
    const s = await hook(page, "state");
    return { claims: s.counts.claims, contradicted: s.counts.contradicted, supported: s.counts.supported, listed: s.listed.sort(), host: "127.0.0.1" };
  }
  const popup = await openPopup(b, page);
  const view = await until(popup, () =>
    document.getElementById("counts").hidden
      ? null
      : {
          claims: Number(document.getElementById("claims").textContent),
          contradicted: Number(document.getElementById("contradicted").textContent),
          supported: Number(document.getElementById("supported").textContent),
          listed: [...document.querySelectorAll("#list button")].map((x) => x.textContent).sort(),
          host: document.getElementById("host").textContent,
        },
  );
  await popup.close();
  return view;
}

// The content script's own state for `page` (what the popup asks for), with the test build's timings.
export async function stateOf(b, page, timeout = 15000) {
  if (b.kind === "firefox") return hook(page, "state", undefined, timeout);
  // Asked from the background's service worker, as the popup asks: no other page is opened,
  // so the page keeps its focus (and a tooltip shown on focus stays).
  const sw = await b.browser.waitForTarget((t) => t.type() === "service_worker" && t.url() === `${b.base}/background.js`, { timeout: 1000 }).catch(() => null);
  const worker = await sw?.worker().catch(() => null);
  if (worker) {
    await page.bringToFront();
    const st = await worker
      .evaluate(async () => {
        const [t] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return chrome.tabs.sendMessage(t.id, globalThis.FactFlagProtocol.make(globalThis.FactFlagProtocol.TYPES.state), { frameId: 0 });
      })
      .catch(() => null);
    if (st) return st;
  }
  const popup = await b.browser.newPage();
  await popup.goto(`${b.base}/popup/popup.html`);
  await page.bringToFront();
  const st = await popup.evaluate(async () => {
    const [t] = await chrome.tabs.query({ active: true, currentWindow: true });
    return chrome.tabs.sendMessage(t.id, { type: "factflag:state", version: 1 }, { frameId: 0 });
  });
  await popup.close();
  return st;
}

// Waits until `page`'s badge (the toolbar button's count; "" when there is none) reads `text`,
// and returns its last reading. Firefox: asked through the test hook (browser.action has no
// getter that a content script or WebDriver BiDi can reach). Chromium: asked from an extension
// page of its own (a service worker's target goes stale when the worker is stopped).
export async function badgeReads(b, page, text, timeout = 15000) {
  const end = Date.now() + timeout;
  let read;
  let ext = null;
  if (b.kind === "firefox") {
    read = async () => (await hook(page, "badge")).badge;
  } else {
    ext = await b.browser.newPage();
    await ext.goto(`${b.base}/popup/popup.html?tab=-1`);
    await page.bringToFront();
    // The page in front (brought there above): the extension has no "tabs" permission, so
    // it cannot find a tab by its address.
    read = () =>
      ext.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
        return tab ? chrome.action.getBadgeText({ tabId: tab.id }) : null;
      });
  }
  try {
    let seen = await read();
    while (seen !== text && Date.now() < end) {
      await sleep(50);
      seen = await read();
    }
    return seen;
  } finally {
    await ext?.close();
  }
}

// Flips a switch the way the popup does (in Chromium, by clicking it in the popup).
export async function setSwitch(b, page, id, on) {
  if (b.kind === "firefox") {
    const cur = await (async () => {
      if (id === "site") return { disabledSites: on ? [] : ["127.0.0.1"] };
      if (id === "supportedMarks") return { showSupported: on };
      return { enabled: on };
    })();
    await hook(page, "set", cur);
    return;
  }
  const popup = await openPopup(b, page);
  await until(popup, (i) => !document.getElementById(i).disabled, id);
  const checked = await popup.evaluate((i) => document.getElementById(i).checked, id);
  if (checked !== on) await popup.evaluate((i) => document.getElementById(i).click(), id);
  await until(popup, ([i, want]) => document.getElementById(i).checked === want, [id, on]);
  await popup.close();
}

export async function openPopup(b, page) {
  const popup = await b.browser.newPage();
  await popup.goto(`${b.base}/popup/popup.html`);
  await page.bringToFront();
  await popup.evaluate(() => render());
  return popup;
}

// Opens `url`, recording console errors, page errors and every request the page makes.
export async function open(browser, url) {
  const page = await browser.newPage();
  const log = { errors: [], requests: [] };
  page.on("console", (m) => {
    if (m.type() === "error") log.errors.push(m.text());
  });
  page.on("pageerror", (e) => log.errors.push(String(e)));
  page.on("request", (r) => log.requests.push(r.url()));
  await page.goto(url, { waitUntil: "load" });
  return { page, log };
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Waits until `fn` (run in the page) returns a truthy value.
export async function until(page, fn, arg, timeout = 15000) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await page.evaluate(fn, arg);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${fn.toString().slice(0, 120)}`);
    await sleep(100);
  }
}

// Waits until FactFlag reports that it has nothing left to do on the page (no reading, no
// request, no added nodes waiting for the observer): the signal to assert that nothing more
// will be marked. Returns the state it reported.
export async function settled(b, page, timeout = 15000) {
  const end = Date.now() + timeout;
  for (;;) {
    // While the page navigates, a question can be lost with its document, or find no
    // content script yet: it is asked again, each time with a short wait.
    const st = await stateOf(b, page, 1000).catch(() => null);
    if (st?.idle) return st;
    if (Date.now() > end) throw new Error("timed out waiting for FactFlag to settle");
  }
}

// Every request made by an extension context (the service worker, also each one started
// later, and the extension's pages) in Chromium, over CDP: {urls, foreign()}, foreign() being
// those that are not the extension's own files. Firefox's WebDriver BiDi does not reach
// extension contexts: null there.
export async function watchExtensionRequests(b) {
  if (b.kind !== "chromium") return null;
  const urls = [];
  const seen = new Set();
  const attach = async (t) => {
    if (seen.has(t) || !t.url().startsWith("chrome-extension://")) return;
    seen.add(t);
    const s = await t.createCDPSession().catch(() => null);
    if (!s) return;
    s.on("Network.requestWillBeSent", (e) => urls.push(e.request.url));
    await s.send("Network.enable").catch(() => {});
  };
  for (const t of b.browser.targets()) await attach(t);
  b.browser.on("targetcreated", attach);
  b.browser.on("targetchanged", attach);
  return { urls, foreign: () => urls.filter((u) => !/^(chrome-extension|data|blob):/.test(u)) };
}

// What FactFlag's tooltip on `page` shows ({text, role, links, elements}), once it shows
// something; with `hidden`, waits until it is hidden and returns null. Read through the
// extension, as the popup reads its state: the page itself cannot read the tooltip.
export async function tooltipOf(b, page, { hidden = false, timeout = 15000 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const st = await stateOf(b, page, 1000).catch(() => null);
    if (st?.counts && (hidden ? !st.tooltip : st.tooltip)) return st.tooltip ?? null;
    if (Date.now() > end) throw new Error(`timed out waiting for the tooltip to be ${hidden ? "hidden" : "shown"}`);
    await sleep(100);
  }
}

// Waits until FactFlag has begun reading the page (its first reading has a start time).
export async function reading(b, page, timeout = 15000) {
  const end = Date.now() + timeout;
  for (;;) {
    const st = await stateOf(b, page, 1000).catch(() => null);
    if (st?.reading?.startedAt) return st;
    if (Date.now() > end) throw new Error("timed out waiting for FactFlag to begin reading");
  }
}

// The text of each finding's marks, by data-factflag-id.
export function marksIn(page, verdict = "contradicted") {
  return page.evaluate((v) => {
    const by = new Map();
    for (const m of document.querySelectorAll(`factflagmark[data-factflag-verdict="${v}"]`)) {
      const id = m.getAttribute("data-factflag-id");
      by.set(id, (by.get(id) || "") + m.textContent);
    }
    return [...by.values()].sort();
  }, verdict);
}

// axe-core (npm), to audit FactFlag's own UI for accessibility: its source, to run in a page.
export const AXE_SOURCE = fs.readFileSync(path.join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");

// Runs axe-core in the current page over `include` (CSS selectors; the whole page if none) and
// returns its violations as {id, impact, help, nodes}: [] when there are none. `load(source)`
// runs a script's source in the page, `run(fn, arg)` a function (puppeteer's evaluate, or a
// WebDriver session's).
export async function axeViolations({ load, run }, include) {
  await load(`${AXE_SOURCE}\n;undefined`);
  return run(async (inc) => {
    const context = inc ? { include: inc.map((s) => [s]) } : document;
    const r = await globalThis.axe.run(context, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
  }, include ?? null);
}
