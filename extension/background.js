// FactFlag background: the only place the core runs.
//
// Chromium refuses to compile WebAssembly in a content script on pages whose CSP lacks
// 'wasm-unsafe-eval' (most news sites send a strict CSP), so content scripts send text here
// and get findings back. The core is loaded once per background lifetime, as soon as the
// background starts (below): a request that wakes a stopped service worker waits for the
// load, so none is lost.
//
// A classic script, not a module: in Chromium a module worker fetches each imported module
// before its first line runs, and that took start-up 1.5-2 ms longer (median of 21 cold
// starts each). The service worker loads the shared protocol and wasm-bindgen's glue
// (`--target no-modules`, which defines `wasm_bindgen`) with importScripts; Firefox's
// background page lists the same files in the manifest.
// When this script began, from the worker's start (for the start-up benchmark).
const SCRIPT_STARTED = performance.now();
if (typeof importScripts === "function") importScripts("protocol.js", "core/factflag.js");
/* global wasm_bindgen */
const initWasm = wasm_bindgen;
const { init, check_marks, warm_up, set_language } = wasm_bindgen;

const api = globalThis.browser ?? globalThis.chrome;
const P = globalThis.FactFlagProtocol;
// The messages the background answers (protocol.js).
const ACCEPTS = [P.TYPES.check, P.TYPES.part, P.TYPES.settings, P.TYPES.hide, P.TYPES.timeline, P.TYPES.newReading, P.TYPES.startup];

// Parts of requests too long for one message, by sender and request, until their check comes.
// A few at most: a page sends one long request at a time, and a worker restarted between the
// parts has lost them (the check then says so, and the content script sends them again).
const parts = new Map();
const MAX_PENDING = 8;
const partsKey = (sender, id) => `${sender.tab?.id ?? "-"}:${sender.frameId ?? 0}:${id}`;

// The reader's own facts (the options page imports them): the merged table's snapshot, which the
// core loads in place of the bundled table, and the sources of the reader's rows, which the
// tooltip labels "your facts". Read from storage while the core compiles.
const YOURS = "yourFacts";
let yourSources = new Set();
async function yourSnapshot() {
  const { [YOURS]: y } = await api.storage.local.get(YOURS).catch(() => ({}));
  yourSources = new Set(y?.sources ?? []);
  if (!y?.snapshot) return undefined;
  const bin = atob(y.snapshot);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

// The bundled table: its snapshot ships beside the .wasm (core/facts.bin), fetched while the
// code compiles (as fast as a table inside the .wasm: docs/DEVELOPERS.md, "The snapshot").
async function bundledTable() {
  const r = await fetch(api.runtime.getURL("core/facts.bin"));
  if (!r.ok) throw new Error(`core/facts.bin: ${r.status}`);
  return new Uint8Array(await r.arrayBuffer());
}

// Loads the table: the merged one if the reader has facts of their own, else the bundled one.
// A snapshot that does not load (it should not: the options page made it with the same code)
// is said once and the bundled table used (`bundled`: its bytes if they are being fetched).
async function loadTable(yours, bundled) {
  if (yours) {
    try {
      return init(await yours);
    } catch (e) {
      console.warn(`FactFlag could not load your own facts, and checks with its own table: ${e?.message ?? e}`);
      yourSources = new Set();
    }
  }
  return init(await (bundled ?? bundledTable()));
}

// The explanations the core writes, in the browser's language where the core has a catalogue
// for it (src/locales/, copied to core/locales/ by make); else English, which the core carries.
// Fetched while the core compiles, only for those languages: English readers fetch nothing.
const CORE_LANGUAGES = ["de"];
async function catalogue() {
  const lang = String(api.i18n.getUILanguage?.() ?? "").toLowerCase().split(/[-_]/)[0];
  if (!CORE_LANGUAGES.includes(lang)) return "";
  const r = await fetch(api.runtime.getURL(`core/locales/${lang}.tsv`));
  if (!r.ok) throw new Error(`core/locales/${lang}.tsv: ${r.status}`);
  return r.text();
}

// Sets the explanations' language; one that cannot be set leaves them in English, said once.
function setLanguage(text) {
  if (!text) return;
  try {
    set_language(text);
  } catch (e) {
    console.warn(`FactFlag explains in English: the catalogue of your language could not be read: ${e?.message ?? e}`);
  }
}

let ready = null;
let coreFailureLogged = false;
function core() {
  ready ??= (async () => {
    const started = performance.now();
    const yours = yourSnapshot();
    const table = bundledTable();
    // Settled now and awaited later: a table that could not be fetched while the reader's own
    // loads is not an unhandled rejection.
    table.catch(() => {});
    const words = catalogue().catch((e) => (console.warn(`FactFlag explains in English: ${e?.message ?? e}`), ""));
    await initWasm({ module_or_path: api.runtime.getURL("core/factflag_bg.wasm") });
    const compiled = performance.now();
    const asOf = await loadTable(await yours, table);
    setLanguage(await words);
    // For the start-up benchmark: core load time (fetch, compile and instantiate, then the
    // table), and time since this background started.
    const info = {
      asOf,
      startupMs: performance.now() - started,
      compileMs: compiled - started,
      tableMs: performance.now() - compiled,
      sinceStartMs: performance.now(),
      scriptStartMs: SCRIPT_STARTED,
    };
    globalThis.__factflagStartup = info;
    return info;
  })().catch((e) => {
    ready = null; // try again on the next request
    // Said once per background lifetime: every page asks, and each would say it again.
    if (!coreFailureLogged) console.warn(`FactFlag's core could not start, so no page is checked: ${e?.message ?? e}`);
    coreFailureLogged = true;
    throw e;
  });
  return ready;
}

// Start loading the core first, before any listener is set up: fetching and compiling the
// wasm go on off this thread while the rest of this module runs. The background is usually
// woken by a page that is about to ask. Then warm the core up: compile the claim patterns and
// check a few sample sentences, so that compiling each wasm function on its first call
// happens while the page is still loading. On a cold worker this took the first check of an
// article from 18-28 ms to 6-12 ms.
let warmed = null;
function warm() {
  warmed ??= core().then(() => warm_up());
  return warmed;
}
warm().catch(() => {
  warmed = null;
});

// Settings live in storage.local (the popup writes them). Content scripts ask for them here
// rather than reading storage themselves: the storage API's bindings would cost every page
// the time to set them up.
const DEFAULTS = P.SETTINGS; // protocol.js, shared with the options page
// The words the content scripts show (the tooltip and the marks' labels), in the browser's
// language (_locales): sent with the settings, so that content scripts touch no i18n API of
// their own. "$1" and "$2" stand for what the content script fills in.
const CONTENT_STRINGS = ["verdictContradicted", "verdictSupported", "verdictUnknown", "noRow", "sources", "yourFacts", "asOf", "reportButton", "hideButton", "reportLabel", "reportCopied", "reportSelect", "reportOpen", "markContradicted", "markSupported", "markUnknown", "dateLocale", "timelineClaim", "timelineFromTo", "timelineSince", "timelineNamed", "timelineAboutDay", "timelineAboutSpan", "reportHeading", "reportPage", "reportClaim", "reportVerdict", "reportReading", "reportSources", "reportChecked", "reportWhat", "reportSubject", "wordContradicted", "wordSupported", "wordUnknown"];
let strings = null;
const contentStrings = () => (strings ??= Object.fromEntries(CONTENT_STRINGS.map((k) => [k, api.i18n.getMessage(k, ["$1", "$2"])])));

async function settingsFor(host, page, tabId) {
  const s = await api.storage.local.get(DEFAULTS);
  return {
    strings: contentStrings(),
    paused: tabId != null && (await pausedTabs()).includes(tabId),
    enabled: !!s.enabled,
    siteEnabled: !s.disabledSites.includes(host),
    showSupported: !!s.showSupported,
    showUnknown: !!s.showUnknown,
    reportTo: typeof s.reportTo === "string" ? s.reportTo : "",
    hidden: page ? (s.hiddenFlags?.[page] ?? []) : [],
  };
}

// The tabs the reader paused FactFlag on (the popup's "Pause on this tab"): in storage.session,
// which the popup writes, so it outlives the worker and ends with the browser session.
const PAUSED = "pausedTabs";
async function pausedTabs() {
  return (await api.storage.session?.get({ [PAUSED]: [] }).catch(() => null))?.[PAUSED] ?? [];
}

// The pages whose hidden flags are kept: the most recent, the oldest dropped first.
const MAX_HIDDEN_PAGES = 1000;
let hideQueue = Promise.resolve();
function hideFlag(page, quote) {
  hideQueue = hideQueue.then(async () => {
    const { hiddenFlags } = await api.storage.local.get({ hiddenFlags: {} });
    const quotes = hiddenFlags[page] ?? [];
    if (quotes.includes(quote)) return;
    delete hiddenFlags[page]; // re-added last: the newest
    hiddenFlags[page] = [...quotes, quote];
    const pages = Object.keys(hiddenFlags);
    for (const old of pages.slice(0, Math.max(0, pages.length - MAX_HIDDEN_PAGES))) delete hiddenFlags[old];
    await api.storage.local.set({ hiddenFlags });
  });
  return hideQueue;
}

// When a setting changes, tell the content script of every tab, which applies it at once.
// A tab paused or resumed: that tab only. Your own facts imported, replaced or removed: the core
// loads its table anew first, then every tab reads its page again.
api.storage.onChanged.addListener(async (changes, area) => {
  if (area === "local" && changes[YOURS]) {
    const before = ready;
    ready = (async () => {
      const info = await (before ?? core()).catch(() => null);
      const asOf = await loadTable(await yourSnapshot());
      return { ...(info ?? {}), asOf };
    })();
  }
  if (area === "session" && changes[PAUSED]) {
    const was = changes[PAUSED].oldValue ?? [];
    const now = changes[PAUSED].newValue ?? [];
    const msg = P.make(P.TYPES.settingsChanged, { changed: ["paused"] });
    for (const id of new Set([...was, ...now])) {
      if (was.includes(id) !== now.includes(id)) api.tabs.sendMessage(id, msg).catch(() => {});
    }
    return;
  }
  if (area !== "local") return;
  const msg = P.make(P.TYPES.settingsChanged, { changed: Object.keys(changes) });
  for (const tab of await api.tabs.query({})) {
    // A tab without FactFlag's content script (a browser page, a PDF) has no one to answer.
    api.tabs.sendMessage(tab.id, msg).catch(() => {});
  }
});

// The badge: contradicted claims per tab, counted here from the findings of the checks this
// background made. Per tab, per frame (a page and the frames of its own site each read their
// own text), per block: a block read again (the page edited it) replaces its count, and a
// new reading (the page navigated, was turned off, or was read anew) starts the frame afresh;
// a check of a reading since left counts for nothing. A new page in the top frame starts the
// tab afresh. Closed tabs are not listened for: a tabs.onRemoved listener wakes the background
// (and compiles the core) on every tab the user closes, and made the measured cold start-up
// three times as long (35 -> 100-129 ms since the worker's start, scripts/startup.mjs).
//
// The counts outlive the worker (which the browser stops when idle, and a page can edit its
// text after that) in storage.session, which is in memory and gone with the browser session.
// tabId -> { url, shown, frames: { frameId: { run, reading, blocks: { key: contradicted } } } }
const TALLIES = "badgeTallies";
// Tabs kept: the store holds no more than this, the newest tabs (a browser's tab ids grow, and
// an object lists integer keys in ascending order, so the first are the oldest).
const MAX_TABS = 200;
let tallies = null;
let tallyQueue = Promise.resolve();
let saveTimer = 0;

function tally(sender, run, reading, counts) {
  tallyQueue = tallyQueue.then(() => updateTally(sender, run, reading, counts)).catch(() => {});
}

async function updateTally(sender, run, reading, counts) {
  const tabId = sender.tab?.id;
  if (tabId == null) return;
  tallies ??= (await api.storage.session?.get(TALLIES).catch(() => null))?.[TALLIES] ?? {};
  const frameId = sender.frameId ?? 0;
  let t = tallies[tabId];
  // A new page in the top frame: another address, or another run of its content script. (A
  // frame of the page that spoke first has left the address unset: the top frame sets it.)
  const newTop = frameId === 0 && t && ((t.url !== undefined && t.url !== sender.url) || (t.frames[0] !== undefined && t.frames[0].run !== run));
  // A new page's badge is set whatever the last one showed: the browser clears it on navigation.
  if (!t || newTop) t = { url: undefined, shown: -1, frames: {} };
  if (frameId === 0) t.url = sender.url;
  tallies[tabId] = t;
  let f = t.frames[frameId];
  if (f?.run === run && reading < f.reading) return;
  if (f?.run !== run || reading > f.reading) f = t.frames[frameId] = { run, reading, blocks: {} };
  for (const [key, n] of counts) {
    if (n) f.blocks[key] = n;
    else delete f.blocks[key];
  }
  const tabs = Object.keys(tallies);
  for (const old of tabs.slice(0, Math.max(0, tabs.length - MAX_TABS))) delete tallies[old];
  saveTimer ||= setTimeout(() => {
    saveTimer = 0;
    api.storage.session?.set({ [TALLIES]: tallies }).catch(() => {});
  }, 100);
  let total = 0;
  for (const fr of Object.values(t.frames)) for (const n of Object.values(fr.blocks)) total += n;
  if (total === t.shown) return;
  t.shown = total;
  try {
    await api.action.setBadgeBackgroundColor({ tabId, color: "#b3261e" });
    await api.action.setBadgeText({ tabId, text: total > 0 ? String(total) : "" });
  } catch {
    // The tab may be gone; nothing to show.
  }
}

// How many contradicted findings each block of a check has, by the block's key.
function contradictedByKey(report, keys) {
  const n = new Array(keys.length).fill(0);
  for (const f of report.findings) if (f.verdict === "contradicted") n[f.block]++;
  return keys.map((k, i) => [k, n[i]]);
}

async function handle(msg, sender) {
  switch (msg.type) {
    case P.TYPES.part: {
      const key = partsKey(sender, msg.id);
      let p = parts.get(key);
      if (!p) {
        if (parts.size >= MAX_PENDING) parts.delete(parts.keys().next().value);
        parts.set(key, (p = []));
      }
      (p[msg.block] ??= []).push(msg.text);
      return { ok: true };
    }
    case P.TYPES.check: {
      let blocks = msg.blocks;
      if (msg.parts !== undefined) {
        const key = partsKey(sender, msg.parts);
        const p = parts.get(key);
        parts.delete(key);
        if (!p) return { ok: false, lost: true, error: "the parts of this request were lost" };
        blocks = Array.from(p, (b) => (b ?? []).join(""));
      }
      const { startupMs } = await core();
      const t0 = performance.now();
      const report = check_marks(blocks, msg.date, !!msg.includeSupported, !!msg.includeUnknown, false);
      // Which of each finding's sources are the reader's own facts, for the tooltip's label.
      if (yourSources.size) for (const f of report.findings) f.yours = f.sources.filter((s) => yourSources.has(s));
      const checkMs = performance.now() - t0;
      if (msg.keys.length === blocks.length) tally(sender, msg.run, msg.reading, contradictedByKey(report, msg.keys));
      return { ok: true, report, timings: { checkMs, startupMs } };
    }
    case P.TYPES.settings:
      return { ok: true, settings: await settingsFor(String(msg.host ?? ""), msg.page, msg.tab ?? sender.tab?.id) };
    case P.TYPES.timeline: {
      await core();
      // Timelines go only to a tooltip that asks: in every answer they made the 2 MB page's
      // messages 47% longer, and Firefox clones messages on the page's thread (its last mark
      // there 472.8 ms after DOMContentLoaded against 191.6 without them).
      const r = check_marks([msg.text], msg.date, true, true, true);
      const f = r.findings.find((x) => x.start_utf16 === msg.start && x.quote === msg.quote);
      return { ok: true, timeline: f?.timeline ?? null };
    }
    case P.TYPES.hide:
      await hideFlag(msg.page, msg.quote);
      return { ok: true };
    case P.TYPES.newReading:
      tally(sender, msg.run, msg.reading, []);
      return { ok: true };
    case P.TYPES.startup: {
      const info = await core();
      return { ok: true, ...info };
    }
    default:
      return { ok: false, error: `unknown message ${msg.type}` };
  }
}

api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (typeof msg?.type !== "string" || !msg.type.startsWith("factflag:")) return false;
  if (!P.accept(msg, ACCEPTS)) {
    sendResponse(P.answer({ ok: false, error: P.problem(msg, ACCEPTS) }));
    return false;
  }
  handle(msg, sender).then(
    (r) => sendResponse(P.answer(r)),
    (e) => sendResponse(P.answer({ ok: false, error: String(e?.message ?? e) })),
  );
  return true; // the answer comes asynchronously
});
