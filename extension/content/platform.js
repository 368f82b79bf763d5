// FactFlag content scripts share one namespace in the extension's isolated world (the page
// cannot see it). This file is the only one that touches the browser's extension API.
"use strict";
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const FF = (globalThis.__factflag = globalThis.__factflag || {});
  FF.PROTOCOL = 1;

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

  // Let the page breathe between chunks of work: scheduler.yield where the browser has it,
  // else a macrotask.
  FF.yieldToPage = () =>
    globalThis.scheduler?.yield ? globalThis.scheduler.yield() : new Promise((r) => setTimeout(r, 0));

  // How long one chunk of DOM work may run before yielding (well under the 50 ms long-task bar).
  FF.SLICE_MS = 8;
})();
