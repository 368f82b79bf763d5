//# allFunctionsCalledOnLoad
// Observe: pages that add text after load (live blogs, infinite scroll). Small batches of new
// nodes are checked on their own, so the cost follows what was added; a huge batch (a page
// rebuilt by its framework) gets one full rescan instead of thousands of small ones.
"use strict";
(() => {
  const FF = globalThis.__factflag;

  // Added nodes per batch above which a full rescan is cheaper than piecemeal checks.
  const HUGE_BATCH = 2000;
  // Quiet time before a batch is handled: live pages add nodes in bursts.
  const DEBOUNCE_MS = 250;

  FF.observe = (root, { onNodes, onHuge }) => {
    let pending = new Set();
    let timer = 0;
    const flush = () => {
      const nodes = pending;
      pending = new Set();
      if (nodes.size > HUGE_BATCH) onHuge();
      else onNodes([...nodes].filter((n) => n.isConnected));
    };
    const mo = new MutationObserver((records) => {
      for (const r of records) {
        if (r.type !== "childList") continue;
        for (const n of r.addedNodes) {
          if (FF.isOurs(n)) continue;
          if (n.nodeType === Node.ELEMENT_NODE || (n.nodeType === Node.TEXT_NODE && /\S/.test(n.data))) pending.add(n);
        }
      }
      if (pending.size) {
        clearTimeout(timer);
        timer = setTimeout(flush, DEBOUNCE_MS);
      }
    });
    mo.observe(root, { childList: true, subtree: true });
    FF.observer = mo;
    // Added nodes not yet handed to onNodes (their debounce is running).
    FF.observerPending = () => pending.size > 0;
    return () => {
      clearTimeout(timer);
      mo.disconnect();
      FF.observer = null;
      FF.observerPending = null;
    };
  };

  // Drops the mutation records our own DOM writes produced (call right after writing,
  // before yielding to the page).
  FF.forgetOwnMutations = () => FF.observer?.takeRecords();
})();
