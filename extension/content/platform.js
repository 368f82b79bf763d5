// FactFlag content scripts share one namespace in the extension's isolated world (the page
// cannot see it). This file is the only one that touches the browser's extension API.
"use strict";
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const FF = (globalThis.__factflag = globalThis.__factflag || {});
  FF.PROTOCOL = 1;
  FF.injectedAt = performance.now();

  FF.send = (msg) => api.runtime.sendMessage({ version: FF.PROTOCOL, ...msg });

  FF.settings = async () => {
    const s = await api.storage.local.get({ enabled: true, disabledSites: [], showSupported: false });
    return { ...s, siteEnabled: !s.disabledSites.includes(location.hostname) };
  };

  FF.onSettingsChanged = (fn) => {
    api.storage.onChanged.addListener((changes, area) => {
      if (area === "local") fn(changes);
    });
  };

  FF.onMessage = (fn) => {
    api.runtime.onMessage.addListener((msg, _sender, sendResponse) => {
      if (typeof msg?.type !== "string" || !msg.type.startsWith("factflag:")) return false;
      Promise.resolve(fn(msg)).then(sendResponse, (e) => sendResponse({ ok: false, error: String(e) }));
      return true;
    });
  };

  // The content scripts' own main-thread time: every synchronous stretch of their work runs
  // between FF.begin() and FF.end() (awaits go through FF.pause, which ends the stretch and
  // starts a new one after). The benchmark reads this in Firefox, which has no CDP profiler,
  // and the popup's state reports it.
  FF.work = { totalMs: 0, longestMs: 0, stretches: 0 };
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
  FF.pause = async (promise) => {
    FF.end();
    try {
      return await promise;
    } finally {
      FF.begin();
    }
  };

  // Let the page breathe between chunks of work: scheduler.yield where the browser has it,
  // else a macrotask.
  FF.yieldToPage = () =>
    FF.pause(globalThis.scheduler?.yield ? globalThis.scheduler.yield() : new Promise((r) => setTimeout(r, 0)));

  // How long one chunk of DOM work may run before yielding: well under the 50 ms long-task
  // bar, which leaves room for a garbage collection that lands in the slice.
  FF.SLICE_MS = 5;
})();
