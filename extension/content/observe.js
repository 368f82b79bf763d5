//# allFunctionsCalledOnLoad
// Observe: pages that change after load. Small batches of new nodes are checked on their own
// (live blogs, infinite scroll), so the cost follows what was added; text edited in place is
// checked again, block by block; a huge batch (a page rebuilt by its framework), an article
// root that was replaced, or a new address (a single-page site's navigation with
// history.pushState) gets one full rescan instead.
"use strict";
(() => {
  const FF = globalThis.__factflag;

  // Added nodes per batch above which a full rescan is cheaper than piecemeal checks.
  const HUGE_BATCH = 2000;
  // Quiet time before a batch is handled: live pages add nodes in bursts.
  const DEBOUNCE_MS = 250;

  FF.observe = (root, { onNodes, onChanged, onHuge }) => {
    let pending = new Set();
    let changed = new Set();
    // Open shadow roots read inside the root: watched as well (a MutationObserver on the
    // document does not see into them).
    const shadows = new Set();
    const inside = (n) => root.contains(n) || shadows.has(n.getRootNode());
    let rescan = false;
    let timer = 0;
    // The address without its fragment: following an in-page anchor is not a new page.
    const page = () => location.href.split("#")[0];
    const href = page();
    const flush = () => {
      const nodes = pending;
      const edits = changed;
      pending = new Set();
      changed = new Set();
      if (rescan || nodes.size > HUGE_BATCH || !root.isConnected || page() !== href) {
        rescan = false;
        onHuge();
        return;
      }
      if (edits.size) onChanged([...edits].filter((n) => n.isConnected));
      if (nodes.size) onNodes([...nodes].filter((n) => n.isConnected));
    };
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(flush, DEBOUNCE_MS);
    };
    // The whole document is watched when the root is an element inside it, so that a root the
    // page replaces is noticed; only what happens inside the root is read.
    const watched = root === document.body ? root : document.documentElement;
    const mo = new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === "characterData") {
          // Text edited in place: its block is read again. Not while the page is parsed: the
          // parser appending to the last text node is the page arriving, which the reading
          // while parsing already follows (main.js).
          if (document.readyState === "loading") continue;
          const t = r.target;
          if (inside(t)) changed.add(t);
          continue;
        }
        if (!root.isConnected) {
          rescan = true;
          continue;
        }
        if (r.target !== root && !inside(r.target)) continue;
        for (const n of r.addedNodes) {
          if (FF.isOurs(n)) continue;
          if (n.nodeType === Node.ELEMENT_NODE || (n.nodeType === Node.TEXT_NODE && /\S/.test(n.data))) pending.add(n);
        }
      }
      if (pending.size || changed.size || rescan || page() !== href) soon();
    });
    mo.observe(watched, { childList: true, subtree: true, characterData: true });
    // Back and forward in a single-page site: a new address, maybe with no DOM change.
    const onPop = () => {
      if (page() !== href) soon();
    };
    addEventListener("popstate", onPop);
    FF.observer = mo;
    FF.observeShadow = (sr) => {
      if (shadows.has(sr)) return;
      shadows.add(sr);
      mo.observe(sr, { childList: true, subtree: true, characterData: true });
    };
    // Changes not yet handed on (their debounce is running).
    FF.observerPending = () => pending.size > 0 || changed.size > 0 || rescan;
    return () => {
      clearTimeout(timer);
      mo.disconnect();
      removeEventListener("popstate", onPop);
      FF.observer = null;
      FF.observerPending = null;
      FF.observeShadow = null;
    };
  };

  // Drops the mutation records our own DOM writes produced (call right after writing,
  // before yielding to the page).
  FF.forgetOwnMutations = () => FF.observer?.takeRecords();
})();
