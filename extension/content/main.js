// FactFlag content script: collect the article's text, ask the background to check it, mark
// what the facts table contradicts. Quiet on failure: the page is never left half-changed.
"use strict";
(() => {
  const FF = globalThis.__factflag;
  if (FF.started) return;
  FF.started = true;

  // The most text sent in one message: messages are serialised on the page's main thread, so
  // smaller ones keep each step short. All requests are sent at once; marks are drawn as
  // answers arrive, in order.
  const MAX_REQUEST_CHARS = 50_000;

  const state = {
    generation: 0,
    active: false,
    date: null,
    showSupported: false,
    counts: { blocks: 0, claims: 0, contradicted: 0, supported: 0, unknown: 0 },
    checked: new WeakSet(),
    stopObserving: null,
    removeEvents: null,
    timings: { collectMs: 0, checkMs: 0, wrapMs: 0, lastMarkAt: 0 },
  };
  FF.state = state;

  function resetCounts() {
    state.counts = { blocks: 0, claims: 0, contradicted: 0, supported: 0, unknown: 0 };
  }

  async function checkBlocks(blocks, gen) {
    blocks = blocks.filter((b) => !state.checked.has(b.el));
    const chunks = [];
    let i = 0;
    while (i < blocks.length) {
      const chunk = [];
      let size = 0;
      while (i < blocks.length && (chunk.length === 0 || size + blocks[i].text.length <= MAX_REQUEST_CHARS)) {
        size += blocks[i].text.length;
        chunk.push(blocks[i++]);
      }
      for (const b of chunk) state.checked.add(b.el);
      chunks.push(chunk);
    }
    // Every request goes out before the first answer is awaited, so the background works
    // while the page draws; sending is sliced like the rest (each message is copied on the
    // page's main thread).
    const asks = [];
    let sliceStart = performance.now();
    for (const chunk of chunks) {
      const msg = { type: "factflag:check", blocks: chunk.map((b) => b.text), date: state.date, includeSupported: state.showSupported };
      asks.push(FF.send(msg).catch((e) => ({ ok: false, error: String(e?.message ?? e) })));
      if (performance.now() - sliceStart > FF.SLICE_MS) {
        await FF.yieldToPage();
        if (gen !== state.generation) return;
        sliceStart = performance.now();
      }
    }
    for (let k = 0; k < chunks.length; k++) {
      const res = await FF.pause(asks[k]);
      if (gen !== state.generation) return;
      if (!res?.ok) {
        for (const b of chunks[k]) state.checked.delete(b.el);
        console.info(`FactFlag is inactive on this page: ${res?.error ?? "no answer from the extension"}`);
        return;
      }
      state.timings.checkMs += res.timings?.checkMs ?? 0;
      const r = res.report;
      state.counts.blocks += chunks[k].length;
      state.counts.claims += r.counts.claims;
      state.counts.contradicted += r.counts.contradicted;
      state.counts.supported += r.counts.supported;
      state.counts.unknown += r.counts.unknown;
      await wrapAll(chunks[k], r, gen);
    }
    if (gen === state.generation && chunks.length) FF.send({ type: "factflag:counts", contradicted: state.counts.contradicted }).catch(() => {});
  }

  async function wrapAll(chunk, report, gen) {
    let sliceStart = performance.now();
    let wrapped = 0;
    for (const f of report.findings) {
      if (!(f.verdict === "contradicted" || (state.showSupported && f.verdict === "supported"))) continue;
      f.reference_date = report.reference_date;
      const t0 = performance.now();
      FF.wrap(chunk[f.block], f);
      state.timings.wrapMs += performance.now() - t0;
      wrapped++;
      if (performance.now() - sliceStart > FF.SLICE_MS) {
        FF.forgetOwnMutations();
        await FF.yieldToPage();
        if (gen !== state.generation) return;
        sliceStart = performance.now();
      }
    }
    FF.forgetOwnMutations();
    if (wrapped) state.timings.lastMarkAt = performance.now();
  }

  async function onNodes(nodes, gen) {
    FF.begin();
    const blocks = [];
    for (const n of nodes) {
      const el = n.nodeType === Node.ELEMENT_NODE ? n : n.parentElement;
      if (!el || el.closest("factflag-mark,factflag-tooltip")) continue;
      const t0 = performance.now();
      blocks.push(...(await FF.collect(el, () => gen !== state.generation)));
      state.timings.collectMs += performance.now() - t0;
    }
    const seen = new Set();
    await checkBlocks(blocks.filter((b) => !seen.has(b.el) && seen.add(b.el)), gen);
    FF.forgetOwnMutations();
    FF.end();
  }

  async function start() {
    FF.begin();
    const gen = ++state.generation;
    const root = FF.root();
    if (!root) return FF.end();
    state.active = true;
    state.date = FF.publicationDate().date;
    state.removeEvents ??= FF.installTooltipEvents();
    state.stopObserving ??= FF.observe(root, {
      onNodes: (nodes) => onNodes(nodes, state.generation),
      onHuge: () => restart(),
    });
    const t0 = performance.now();
    const blocks = await FF.collect(root, () => gen !== state.generation);
    state.timings.collectMs += performance.now() - t0;
    if (gen === state.generation) await checkBlocks(blocks, gen);
    FF.forgetOwnMutations();
    FF.end();
  }

  function stop() {
    state.generation++;
    state.active = false;
    state.stopObserving?.();
    state.stopObserving = null;
    state.removeEvents?.();
    state.removeEvents = null;
    FF.unwrapAll();
    FF.removeTooltip();
    state.checked = new WeakSet();
    resetCounts();
    FF.send({ type: "factflag:counts", contradicted: 0 }).catch(() => {});
  }

  async function restart() {
    stop();
    await apply();
  }

  async function apply() {
    const s = await FF.settings();
    state.showSupported = s.showSupported;
    if (s.enabled && s.siteEnabled) {
      if (!state.active) await start();
    } else if (state.active) {
      stop();
    }
  }

  FF.onSettingsChanged((changes) => {
    if (changes.showSupported && state.active) restart();
    else apply();
  });

  FF.onMessage((msg) => {
    switch (msg.type) {
      case "factflag:state":
        return {
          ok: true,
          active: state.active,
          date: state.date,
          counts: state.counts,
          host: location.hostname,
          contradicted: [...FF.findings.values()]
            .filter((f) => f.verdict === "contradicted")
            .map((f) => ({ id: f.id, quote: f.quote, explanation: f.explanation })),
          timings: state.timings,
          work: FF.work,
        };
      case "factflag:reveal": {
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

  apply();
})();
