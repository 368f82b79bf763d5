//# allFunctionsCalledOnLoad
// FactFlag content scripts share one namespace in the extension's isolated world (the page
// cannot see it). This file is the only one that touches the browser's extension API, and it
// uses runtime messaging only: settings come from the background, which also tells the page
// when they change. Each extension API a content script touches costs every page the time to
// set up its bindings (about a millisecond for storage in Chromium).
//
// The first line of this file and of the others that run on every page (all but tooltip.js,
// whose functions run only when a reader points at a mark) is V8's explicit compile hint
// (Chrome 136 and later; other engines ignore it): compile every function now, in one pass,
// rather than each on its first call. Measured in Chromium over 16 profiled loads of a typical
// article each: the extension's main-thread time 13.8 -> 7.8 ms, and the whole main
// thread's busy time did not grow (87 -> 79 ms).
"use strict";
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const FF = (globalThis.__factflag = globalThis.__factflag || {});
  const P = globalThis.FactFlagProtocol; // protocol.js, the first content script
  // The messages content scripts answer.
  const ACCEPTS = [P.TYPES.settingsChanged, P.TYPES.state, P.TYPES.reveal];
  // This injection's own id, on every mark it draws: a later injection into the same page (an
  // extension update, in Firefox, injects anew into open tabs) takes the marks of an earlier
  // one away and draws its own.
  FF.run = Math.random().toString(36).slice(2);
  // Whether this is Firefox: `cloneInto` is one of the functions Firefox gives content scripts
  // (no extension API call, whose first use costs Firefox several milliseconds).
  FF.firefox = typeof globalThis.cloneInto === "function";

  // Whether this document is the page, or a frame of the same origin as the page (each frame
  // on the way up: a cross-origin one in between makes reading the top's location throw).
  FF.ownSiteFrame = () => {
    if (window === window.top) return true;
    try {
      return window.top.location.origin === location.origin;
    } catch {
      return false;
    }
  };

  // Sends a message built and checked by the protocol; its answer must be one of the same
  // protocol version. When the extension has been updated, reloaded or removed since this
  // script was injected, the browser has cut it off (its runtime has no id any more): that is
  // told once, to FF.onOrphaned, and every send after fails at once.
  FF.send = async ({ type, ...fields }) => {
    if (FF.orphaned) throw new Error(ORPHANED);
    let r;
    try {
      r = await api.runtime.sendMessage(P.make(type, fields));
    } catch (e) {
      if (api.runtime?.id) throw e;
      FF.orphaned = true;
      FF.onOrphaned?.(ORPHANED);
      throw new Error(ORPHANED);
    }
    if (!P.isAnswer(r)) throw new Error(`an answer to ${type} that is not of protocol version ${P.VERSION}`);
    return r;
  };
  const ORPHANED = "FactFlag was updated, reloaded or turned off since this page was opened; reload the page to check it again";
  FF.orphaned = false;

  // A string of the extension's, in the browser's language (the background sends them with the
  // settings), with $1, $2 filled in.
  FF.t = (key, ...subs) => (FF.settingsNow?.strings?.[key] ?? key).replace(/\$(\d)/g, (_, i) => subs[i - 1] ?? "");

  // The page, as the flags hidden on it are remembered: its address without query or fragment.
  FF.pageKey = () => location.origin + location.pathname;

  // {enabled, siteEnabled, showSupported, showUnknown, paused, reportTo, hidden} for this page.
  FF.settings = async () => {
    const r = await FF.send({ type: P.TYPES.settings, host: location.hostname, page: FF.pageKey() });
    if (!r?.ok) throw new Error(r?.error ?? "no answer from the extension");
    return r.settings;
  };

  FF.onMessage = (fn) => {
    api.runtime.onMessage.addListener((msg, _sender, sendResponse) => {
      if (typeof msg?.type !== "string" || !msg.type.startsWith("factflag:")) return false;
      if (!P.accept(msg, ACCEPTS)) {
        sendResponse(P.answer({ ok: false, error: P.problem(msg, ACCEPTS) }));
        return false;
      }
      Promise.resolve(fn(msg)).then(
        (r) => sendResponse(P.answer(r)),
        (e) => sendResponse(P.answer({ ok: false, error: String(e) })),
      );
      return true;
    });
  };

  // Every synchronous stretch of the content scripts' work runs between FF.begin() and
  // FF.end() (awaits go through FF.pause, which ends the stretch and starts a new one after).
  // They do nothing here: the test build (tests/e2e/harness.mjs, testCopy) replaces them with
  // ones that add the stretches up in FF.work, which the benchmark reads in Firefox (it has no
  // CDP profiler). The shipped extension keeps no timing of its own.
  FF.begin = () => {};
  FF.end = () => {};
  // A moment or duration of the first pass, for diagnosis (scripts/timeline.mjs): the test
  // build records them in FF.timings; the shipped extension keeps none.
  FF.note = () => {};
  FF.pause = async (promise) => {
    FF.end();
    const from = performance.now();
    try {
      return await promise;
    } finally {
      FF.begin();
      // A wait that took time let the page run: the work after it starts a new slice.
      if (performance.now() - from > 1) FF.sliceStart = performance.now();
    }
  };

  // Let the page breathe between chunks of work: scheduler.yield where the browser has it,
  // else a macrotask.
  FF.yieldToPage = async () => {
    await FF.pause(globalThis.scheduler?.yield ? globalThis.scheduler.yield() : new Promise((r) => setTimeout(r, 0)));
    FF.sliceStart = performance.now();
  };

  // When the current slice of work began: every loop that yields measures its slice from
  // here. The clock is shared: an await of a promise that has already settled (an answer that
  // came while the marks of the one before were drawn) goes on in the same task, so loops
  // that each kept their own slice added up to one long task (70 ms on the 10 MB page).
  FF.sliceStart = performance.now();

  // How long one chunk of DOM work may run before yielding: well under the 50 ms long-task
  // bar, which leaves room for a garbage collection that lands in the slice.
  FF.SLICE_MS = 5;
})();
