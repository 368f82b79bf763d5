//# allFunctionsCalledOnLoad
// FactFlag content script: collect the article's text, ask the background to check it, mark
// what the facts table contradicts. Quiet on failure: the page is never left half-changed.
"use strict";
(() => {
  const FF = globalThis.__factflag;
  if (FF.started) return;
  FF.started = true;
  // A frame of another site than the page (an advert, a video player, a comments widget) is
  // left alone, before anything is set up in it. A frame of the page's own site is read as a
  // page of its own.
  if (!FF.ownSiteFrame()) return;
  // Injected into a page that was already open (Firefox does so when the extension is updated
  // or reloaded): what an earlier injection drew goes first.
  if (document.readyState !== "loading") FF.removeStale();
  // This file's own run at injection is work on the page's main thread too: it sets up the
  // messaging (in Firefox, the first use of the runtime API in a content script costs about
  // 8 to 10 ms on every page) and asks for the settings. It is timed like the rest (FF.begin,
  // which counts in the test build).
  FF.begin();

  // The most text sent in one message: messages are serialised on the page's main thread, so
  // smaller ones keep each step short. Requests go out while the page is collected; marks
  // are drawn as answers arrive, in order.
  const MAX_REQUEST_CHARS = 50_000;
  // The longest marks wait for the page's load event.
  const LOAD_WAIT_MS = 2000;
  // Blocks looked at to tell whether a reading begun while the page was parsed still holds.
  const SAMPLE = 64;

  const state = {
    generation: 0,
    active: false,
    // Readings and settings requests under way: the page is settled when none is, no added
    // nodes wait for the observer and the document is parsed (FF.idle, for the tests).
    running: 0,
    // Whether to read the page while it is parsed (the settings allow it), and that reading.
    readWhileParsing: false,
    early: null,
    date: null,
    showSupported: false,
    // Whether claims the table cannot settle are marked too (faint, dotted): for newsrooms that
    // want to see what was read.
    showUnknown: false,
    // Quotes of the flags the reader hid on this page ("Hide this flag"): not drawn.
    hidden: new Set(),
    counts: { blocks: 0, claims: 0, contradicted: 0, supported: 0, unknown: 0 },
    checked: new WeakSet(),
    // Each block's key for the badge's count (see factflag:check): the same when it is read again.
    keys: new WeakMap(),
    stopObserving: null,
    removeEvents: null,
    // How the first full pass read the page (the tests assert it). startedAt: when reading
    // began (performance.now()); blocksWhileParsing: blocks read before the document was
    // parsed (see readEarly); readAgain: whether that reading was left at DOMContentLoaded and
    // the article read again. Durations and other moments are the test build's (FF.note).
    reading: { startedAt: 0, blocksWhileParsing: 0, readAgain: false },
  };
  FF.state = state;

  let lastKey = 0;
  const keyOf = (el) => {
    let k = state.keys.get(el);
    if (k === undefined) state.keys.set(el, (k = ++lastKey));
    return k;
  };

  // Tells the background that a reading has begun, which may send no check: the badge's count
  // for this frame starts afresh.
  const newReading = () =>
    FF.send({ type: FactFlagProtocol.TYPES.newReading, run: FF.run, reading: state.generation }).catch(() => {});

  function resetCounts() {
    state.counts = { blocks: 0, claims: 0, contradicted: 0, supported: 0, unknown: 0 };
  }

  // A request longer than one message may carry (a single huge block): its text goes as
  // slices, each sent after the one before was taken, so that no message blocks the page for
  // long; then the check names them.
  let partRequests = 0;
  async function sendInParts(msg) {
    const id = `${FF.run}-${++partRequests}`;
    const step = FactFlagProtocol.PART_CHARS;
    for (let i = 0; i < msg.blocks.length; i++) {
      const text = msg.blocks[i];
      let at = 0;
      do {
        await FF.send({ type: FactFlagProtocol.TYPES.part, id, block: i, text: text.slice(at, at + step) });
        at += step;
      } while (at < text.length);
    }
    const { blocks, ...rest } = msg;
    const r = await FF.send({ ...rest, blocks: [], parts: id });
    if (r?.lost) throw new Error(r.error);
    return r;
  }

  // Requests to the background, made as blocks come in: a request goes out as soon as it
  // holds MAX_REQUEST_CHARS of text, so the background checks while the page is still being
  // collected. drain() then takes the answers in order and draws their marks.
  function batcher(gen) {
    const chunks = [];
    const asks = [];
    let cur = [];
    let size = 0;
    let added = 0;
    const flush = () => {
      if (!cur.length) return;
      const chunk = cur;
      const long = size > FactFlagProtocol.PART_CHARS;
      cur = [];
      size = 0;
      chunks.push(chunk);
      const msg = {
        type: FactFlagProtocol.TYPES.check,
        blocks: chunk.map((b) => b.text),
        date: state.date,
        includeSupported: state.showSupported,
        includeUnknown: state.showUnknown,
        run: FF.run,
        reading: gen,
        keys: chunk.map((b) => keyOf(b.el)),
      };
      const send = long ? () => sendInParts(msg) : () => FF.send(msg);
      // Once more if the first try fails: a background stopped mid-request (a service worker
      // the browser shut down) answers nothing; the retry wakes it again.
      asks.push(
        send()
          .catch((e) => (FF.orphaned ? Promise.reject(e) : send()))
          .catch((e) => ({ ok: false, error: String(e?.message ?? e) })),
      );
      // The message holds its own copy: the page's text need not stay in memory here.
      for (const b of chunk) b.text = null;
    };
    return {
      // Blocks taken so far.
      get added() {
        return added;
      },
      // Whether the blocks taken are still in the page, judged from up to SAMPLE of them,
      // evenly spread, the first and the last included. A page that renders its article
      // anew replaces most of its blocks.
      intact() {
        const all = chunks.flat().concat(cur);
        const step = Math.max(1, (all.length - 1) / (SAMPLE - 1));
        for (let i = 0; i < all.length; i += step) if (!all[Math.floor(i)].el.isConnected) return false;
        return !all.length || all[all.length - 1].el.isConnected;
      },
      // Sends the blocks taken since the last request, if they come to at least `min`
      // characters: the promise of the answer, or null.
      sendNow(min) {
        if (size < min) return null;
        flush();
        return asks[asks.length - 1];
      },
      add(b) {
        if (state.checked.has(b.el)) return;
        state.checked.add(b.el);
        added++;
        if (cur.length && size + b.text.length > MAX_REQUEST_CHARS) flush();
        cur.push(b);
        size += b.text.length;
      },
      async drain() {
        flush();
        FF.note("sentAt");
        // Reading starts when the document is parsed, but marks are drawn only once the page
        // has loaded (or after LOAD_WAIT_MS): a page that hydrates server-rendered HTML with
        // its own scripts should find its DOM as it sent it. The answers keep coming meanwhile.
        if (document.readyState !== "complete") {
          await FF.pause(new Promise((r) => {
            addEventListener("load", r, { once: true });
            setTimeout(r, LOAD_WAIT_MS);
          }));
          if (gen !== state.generation) return;
        }
        for (let k = 0; k < chunks.length; k++) {
          const res = await FF.pause(asks[k]);
          if (gen !== state.generation) return;
          FF.note("firstAnswerAt");
          FF.note("lastAnswerAt", performance.now(), "last");
          if (!res?.ok) {
            for (const c of chunks.slice(k)) for (const b of c) state.checked.delete(b.el);
            console.info(`FactFlag is inactive on this page: ${res?.error ?? "no answer from the extension"}`);
            return;
          }
          FF.note("checkMs", res.timings?.checkMs ?? 0, "add");
          const r = res.report;
          state.counts.blocks += chunks[k].length;
          state.counts.claims += r.counts.claims;
          state.counts.contradicted += r.counts.contradicted;
          state.counts.supported += r.counts.supported;
          state.counts.unknown += r.counts.unknown;
          await wrapAll(chunks[k], r, gen);
        }
      },
    };
  }

  async function wrapAll(chunk, report, gen) {
    let wrapped = 0;
    // The findings come in block order; each block's are wrapped together.
    const shown = report.findings.filter(
      (f) =>
        (f.verdict === "contradicted" || (state.showSupported && f.verdict === "supported") || (state.showUnknown && f.verdict === "unknown")) &&
        !state.hidden.has(f.quote),
    );
    for (let i = 0; i < shown.length; ) {
      let j = i + 1;
      while (j < shown.length && shown[j].block === shown[i].block) j++;
      const group = shown.slice(i, j);
      i = j;
      for (const f of group) f.reference_date = report.reference_date;
      const t0 = performance.now();
      FF.wrapBlock(chunk[group[0].block], group);
      FF.note("wrapMs", performance.now() - t0, "add");
      wrapped += group.length;
      if (performance.now() - FF.sliceStart > FF.SLICE_MS) {
        FF.forgetOwnMutations();
        await FF.yieldToPage();
        if (gen !== state.generation) return;
      }
    }
    FF.forgetOwnMutations();
    if (wrapped) FF.note("lastMarkAt", performance.now(), "last");
  }

  async function onNodes(nodes, gen) {
    state.running++;
    try {
      await readNodes(nodes, gen);
    } finally {
      state.running--;
    }
  }

  // Text the page edited in place: each block it belongs to loses its marks (the page's edit
  // kept) and is read again. The counts lose the findings those marks showed.
  async function onChanged(texts, gen) {
    state.running++;
    try {
      const blocks = new Set();
      for (const t of texts) {
        for (let e = t.parentElement; e; e = e.parentElement) {
          if (state.checked.has(e)) {
            blocks.add(e);
            break;
          }
        }
      }
      if (!blocks.size) return;
      for (const el of blocks) {
        for (const f of FF.unwrapIn(el)) {
          state.counts.claims--;
          state.counts[f.verdict]--;
        }
        state.checked.delete(el);
      }
      FF.forgetOwnMutations();
      FF.hideTooltip(0);
      await readNodes([...blocks], gen);
    } finally {
      state.running--;
    }
  }

  // Custom elements the readings met (collect.js), and the open shadow roots already read.
  const hosts = new Set();
  let shadowsRead = new WeakSet();
  FF.onHost = (el) => hosts.add(el);

  // Reads the open shadow roots of the hosts met so far, each once, as small pages of their
  // own, and watches them for changes. A host not yet given a shadow root (its element not yet
  // defined) is asked again after the next reading. A closed shadow root is not read: the page
  // keeps it to itself.
  async function readShadows(gen) {
    const tops = [];
    for (const h of hosts) {
      const sr = h.shadowRoot;
      if (!sr && h.isConnected) continue; // asked again after the next reading
      hosts.delete(h);
      if (!sr || !h.isConnected || shadowsRead.has(sr)) continue;
      shadowsRead.add(sr);
      FF.observeShadow?.(sr);
      tops.push(...sr.children);
    }
    if (tops.length && gen === state.generation) await readNodes(tops, gen);
  }

  async function readNodes(nodes, gen) {
    FF.begin();
    const batch = batcher(gen);
    for (const n of nodes) {
      const el = n.nodeType === Node.ELEMENT_NODE ? n : n.parentElement;
      if (!el || el.closest("factflagmark")) continue;
      const t0 = performance.now();
      const finished = await FF.collect(el, batch.add, () => gen !== state.generation);
      FF.note("collectMs", performance.now() - t0, "add");
      if (!finished) break;
    }
    if (gen === state.generation) await batch.drain();
    FF.forgetOwnMutations();
    FF.end();
    await readShadows(gen);
  }

  // Reading while the page is still being parsed. A long page arrives over many parser tasks;
  // its text can be read, and checked by the background, as it arrives, so that at
  // DOMContentLoaded little is left to read. This needs what the reading at
  // DOMContentLoaded would use: the root (FF.root() prefers the first <article>, which a
  // later one cannot precede) and the article's date (its article:published_time meta, from
  // the head, which is parsed before the body; the other sources may come later in the page).
  // Nothing is drawn before the page has loaded either way (see drain()). Text that the page's
  // own script changes before DOMContentLoaded, after it was read, is checked as it was read;
  // its marks are drawn only where the text still reads as the quote (marks.js).
  const EARLY_POLL_MS = 50;
  // What is left at DOMContentLoaded is what the parser added in its last task, which then
  // lays the whole page out. It is read in longer slices, so that most of it is read before
  // that layout and checked while it runs, rather than after it; still well under the 50 ms
  // long-task bar with a garbage collection in the slice (25 ms slices with a 9.5 ms minor
  // GC made a 37 ms task on the 10 MB page, 50.3 under the benchmark's tracing).
  const TAIL_SLICE_MS = 15;
  // Polls that look for the <article> before reading early is given up: on a page without
  // one, each look is a search of the whole document.
  const EARLY_LOOKS = 6;
  // In Firefox, the least text a look sends at once to start the next look from its answer.
  const EARLY_SEND_CHARS = 8_000;

  let polling = false;
  // Whether FactFlag has nothing left to do on the page for now: what the tests wait for.
  FF.idle = () => state.running === 0 && !polling && !FF.observerPending?.() && document.readyState !== "loading";

  function readEarly() {
    if (polling) return;
    polling = true;
    let looks = 0;
    const again = () => void setTimeout(poll, EARLY_POLL_MS);
    const poll = async () => {
      if (document.readyState !== "loading" || state.active || !state.readWhileParsing) return void (polling = false);
      let e = state.early;
      if (!e) {
        if (document.body) {
          if (looks++ === EARLY_LOOKS) return void (polling = false);
          const root = document.querySelector("article");
          const pub = root && FF.publicationDate();
          if (pub?.from === "article:published_time") {
            const gen = ++state.generation;
            state.date = pub.date;
            e = state.early = { gen, root, date: pub.date, reader: FF.reader(root), batch: batcher(gen), busy: null };
          }
        }
        if (!e) return again();
      }
      FF.begin();
      const t0 = performance.now();
      state.reading.startedAt ||= t0;
      e.busy = e.reader.read(e.batch.add, { isDone: () => e.gen !== state.generation || document.readyState !== "loading", parsedOnly: true });
      await FF.pause(e.busy);
      FF.note("collectMs", performance.now() - t0, "add");
      FF.end();
      // Again while the page is parsed (with a new reading if the settings changed meanwhile).
      if (document.readyState === "loading" && !state.active) {
        // Firefox may hold a content script's timers back until a long page is parsed (loads
        // of the 2 MB page whose timers ran read most of it early, and the others nothing:
        // docs/performance.md), but it delivers the background's answers meanwhile. There,
        // what a look has read is sent at once, and its answer starts the next look; a look
        // that read little waits for its timer, so the looks never outrun the parser.
        if (!FF.firefox) return again();
        const answer = e.batch.sendNow(EARLY_SEND_CHARS);
        return void (answer ? answer.then(poll) : again());
      }
      polling = false;
    };
    // In Firefox the first look too comes without a timer (see below).
    if (FF.firefox) queueMicrotask(poll);
    else setTimeout(poll, 0);
  }

  async function start() {
    state.running++;
    try {
      await startReading();
    } finally {
      state.running--;
    }
  }

  async function startReading() {
    FF.begin();
    // Take over the reading begun while the page was parsed, if it is still current.
    const e = state.early;
    state.early = null;
    // If the page's own script has rendered the article anew since (its blocks are gone from
    // the page), the reading is left and the article read again.
    const early = e && e.gen === state.generation && e.root.isConnected && e.batch.intact() ? e : null;
    // A reading begun early and then left: its blocks are read again.
    if (e && !early) {
      state.checked = new WeakSet();
      state.reading.blocksWhileParsing = e.batch.added;
      state.reading.readAgain = true;
    }
    const gen = early ? early.gen : ++state.generation;
    if (e && !early) newReading(); // ahead of the new reading's first check
    const root = early ? early.root : FF.root();
    if (!root) return FF.end();
    state.active = true;
    state.date = early ? early.date : FF.publicationDate().date;
    state.removeEvents ??= FF.installTooltipEvents();
    state.stopObserving ??= FF.observe(root, {
      onNodes: (nodes) => onNodes(nodes, state.generation),
      onChanged: (texts) => onChanged(texts, state.generation),
      onHuge: () => restart(),
    });
    const t0 = performance.now();
    state.reading.startedAt ||= t0;
    const batch = early ? early.batch : batcher(gen);
    if (early?.busy) await FF.pause(early.busy); // the early read stops at its next slice
    if (early) state.reading.blocksWhileParsing = batch.added;
    const reader = early ? early.reader : FF.reader(root);
    await reader.read(batch.add, { isDone: () => gen !== state.generation, sliceMs: early ? TAIL_SLICE_MS : FF.SLICE_MS });
    FF.note("collectMs", performance.now() - t0, "add");
    FF.note("collectedAt");
    if (gen === state.generation) await batch.drain();
    FF.forgetOwnMutations();
    FF.end();
    await readShadows(gen);
  }

  function stop() {
    state.generation++;
    state.early = null;
    state.active = false;
    state.stopObserving?.();
    state.stopObserving = null;
    state.removeEvents?.();
    state.removeEvents = null;
    FF.unwrapAll();
    FF.removeTooltip();
    state.checked = new WeakSet();
    hosts.clear();
    shadowsRead = new WeakSet();
    resetCounts();
    newReading();
  }

  async function restart() {
    stop();
    await apply();
  }

  // The scripts run at document_start: the settings are asked for while the page is still
  // being parsed (which also wakes a stopped background), and reading starts as soon as the
  // document is parsed. The listener is on window, so the page's own DOMContentLoaded
  // listeners on document run first. In Chromium, document_end scripts of a large page are
  // injected only after its first layout, and its load event waits for them; from here the
  // load event does not wait, and reading begins before the page's first layout.
  const parsed = () =>
    document.readyState === "loading" ? new Promise((r) => addEventListener("DOMContentLoaded", r, { once: true })) : null;

  // apply() calls so far, and the latest of them whose settings have arrived: settings that
  // change while the page loads must not be undone by the first call's, which resume later.
  let asks = 0;
  let newest = 0;
  async function apply(asked) {
    state.running++;
    try {
      await applySettings(asked);
    } finally {
      state.running--;
    }
  }

  async function applySettings(asked) {
    const n = ++asks;
    const s = await (asked ?? FF.settings());
    if (n < newest) return;
    newest = n;
    FF.note("settingsAt");
    FF.settingsNow = s;
    const reread = applyHidden(s.hidden ?? []);
    // Paused: the reader paused FactFlag for this tab (from the popup), until they resume it.
    const wanted = s.enabled && s.siteEnabled && !s.paused;
    state.paused = !!s.paused;
    // A reading begun while the page is parsed, under settings that have changed since, is
    // left: its requests asked for other findings. Its blocks are read again.
    if (state.early && (!wanted || s.showSupported !== state.showSupported || !!s.showUnknown !== state.showUnknown)) {
      state.generation++;
      state.early = null;
      state.checked = new WeakSet();
    }
    if (document.readyState === "loading" && !state.active) {
      state.readWhileParsing = wanted;
      state.showSupported = s.showSupported;
      state.showUnknown = !!s.showUnknown;
      if (wanted) readEarly();
    }
    await parsed();
    if (n !== newest) return;
    state.showSupported = s.showSupported;
    state.showUnknown = !!s.showUnknown;
    if (wanted) {
      if (!state.active) await start();
      else if (reread) {
        stop();
        await start();
      }
    } else if (state.active) {
      stop();
    }
  }

  // A flag the reader hid: its marks go (every finding of the same claim on this page: the
  // reader hid the claim, not one occurrence of it) and, when `remember`, the background keeps
  // it for this page.
  FF.hideFinding = (f, remember) => {
    state.hidden.add(f.quote);
    for (const g of [...FF.findings.values()]) if (g.quote === f.quote) FF.unmarkFinding(g);
    FF.forgetOwnMutations();
    if (remember) FF.send({ type: FactFlagProtocol.TYPES.hide, page: FF.pageKey(), quote: f.quote }).catch(() => {});
  };

  // The hidden flags as the settings now list them: newly hidden ones go; one shown again
  // (from the popup) needs the page read again, as its marks were never drawn.
  function applyHidden(list) {
    const next = new Set(list);
    const shownAgain = [...state.hidden].some((q) => !next.has(q));
    state.hidden = next;
    for (const f of [...FF.findings.values()]) if (next.has(f.quote)) FF.unmarkFinding(f);
    FF.forgetOwnMutations();
    return shownAgain;
  }

  // The schema.org ClaimReview items the page publishes as JSON-LD (fact-check articles do), for
  // the popup: claim, rating, publisher, address and date, each as plain text. Read only when the
  // popup asks. What is not JSON, or not a ClaimReview, is skipped.
  const MAX_REVIEWS = 50;
  const MAX_FIELD = 500;
  function claimReviews() {
    const out = [];
    const text = (v) => (typeof v === "string" || typeof v === "number" ? String(v).slice(0, MAX_FIELD) : "");
    const nameOf = (v) => (Array.isArray(v) ? nameOf(v[0]) : typeof v === "string" ? text(v) : text(v?.name));
    const isReview = (t) => t === "ClaimReview" || (Array.isArray(t) && t.includes("ClaimReview"));
    const visit = (v, depth) => {
      if (depth > 8 || out.length >= MAX_REVIEWS || v === null || typeof v !== "object") return;
      if (Array.isArray(v)) {
        for (const x of v) visit(x, depth + 1);
        return;
      }
      if (isReview(v["@type"])) {
        const r = v.reviewRating ?? {};
        const scale = r.bestRating != null ? ` of ${text(r.bestRating)}` : "";
        out.push({
          claim: text(v.claimReviewed),
          rating: text(r.alternateName) || (r.ratingValue != null ? `${text(r.ratingValue)}${scale}` : ""),
          publisher: nameOf(v.author) || nameOf(v.publisher),
          url: text(v.url),
          date: text(v.datePublished),
        });
      }
      for (const k of ["@graph", "mainEntity", "review", "hasPart"]) if (v[k]) visit(v[k], depth + 1);
    };
    for (const s of document.querySelectorAll('script[type="application/ld+json"]')) {
      try {
        visit(JSON.parse(s.textContent), 0);
      } catch {
        // Not JSON: skipped.
      }
    }
    return out;
  }

  // The extension was updated, reloaded or removed under this page (platform.js): this script
  // can no longer ask anything. It stops reading and watching; the marks it drew stay, with
  // their tooltips, which need nothing from the extension. Said once.
  FF.onOrphaned = (why) => {
    console.info(`FactFlag is inactive on this page: ${why}`);
    state.generation++;
    state.early = null;
    state.stopObserving?.();
    state.stopObserving = null;
  };

  const quietly = (p) =>
    p.catch((e) => console.info(`FactFlag is inactive on this page: ${e?.message ?? e}`));

  FF.onMessage((msg) => {
    switch (msg.type) {
      case FactFlagProtocol.TYPES.settingsChanged:
        // From the background, whenever the popup (or anything) changes a setting.
        // A change of what is marked, or of the table (your own facts), reads the page anew.
        if (["showSupported", "showUnknown", "yourFacts"].some((k) => msg.changed?.includes(k)) && state.active) quietly(restart());
        else quietly(apply());
        return { ok: true };
      case FactFlagProtocol.TYPES.state:
        return {
          ok: true,
          active: state.active,
          date: state.date,
          counts: state.counts,
          host: location.hostname,
          paused: !!state.paused,
          reviews: claimReviews(),
          page: FF.pageKey(),
          hidden: state.hidden.size,
          // Every finding drawn, in page order: what the popup lists as every claim read.
          all: [...FF.findings.values()].sort((a, b) => a.id - b.id).map((f) => ({ id: f.id, quote: f.quote, verdict: f.verdict })),
          showUnknown: state.showUnknown,
          contradicted: [...FF.findings.values()]
            .filter((f) => f.verdict === "contradicted")
            .sort((a, b) => a.id - b.id)
            .map((f) => ({ id: f.id, quote: f.quote, explanation: f.explanation })),
          tooltip: FF.tooltipView(),
          reading: state.reading,
          idle: FF.idle(),
          // The test build's timings (FF.note); the shipped extension keeps none.
          timings: FF.timings,
        };
      case FactFlagProtocol.TYPES.reveal: {
        const f = FF.findings.get(msg.id);
        if (!f) return { ok: false };
        f.marks[0].scrollIntoView({ block: "center" });
        f.marks[0].focus({ preventScroll: true });
        return { ok: true };
      }
      default:
        return { ok: false, error: `unknown message ${msg.type}` };
    }
  });

  quietly(apply(FF.settings()));
  FF.end();
})();
