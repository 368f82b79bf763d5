// Collect: DOM → text blocks, each with the text nodes it is made of, and the page's date.
// No text analysis happens here: the core does all of it.
"use strict";
(() => {
  const FF = globalThis.__factflag;

  // Subtrees that are never article text, or that the user may be editing.
  const SKIP = new Set([
    "SCRIPT", "STYLE", "NOSCRIPT", "TEXTAREA", "INPUT", "SELECT", "OPTION", "BUTTON", "NAV", "HEADER", "FOOTER",
    "ASIDE", "TEMPLATE", "SVG", "CANVAS", "IFRAME", "OBJECT", "HEAD", "FACTFLAG-TOOLTIP", "FORM",
  ]);
  const BLOCK_SELECTOR =
    "p,h1,h2,h3,h4,h5,h6,li,blockquote,figcaption,td,th,dd,dt,pre,caption,summary,div,section,article,main,body";

  FF.root = () => document.querySelector("article") || document.querySelector("main") || document.body;

  function skipped(el) {
    if (SKIP.has(el.tagName.toUpperCase())) return true;
    if (el.isContentEditable || el.getAttribute("contenteditable") === "true") return true;
    if (el.hidden || el.getAttribute("aria-hidden") === "true") return true;
    return false;
  }

  // Walks `root` and returns blocks: {el, text, nodes: [{node, start, end}]} (UTF-16 offsets).
  // Work is sliced so that no slice blocks the page for long.
  FF.collect = async (root, isDone = () => false) => {
    const blocks = [];
    const byEl = new Map();
    const blockOf = new Map(); // parent element → block element (cache: siblings share it)
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (n) =>
        n.nodeType === Node.ELEMENT_NODE ? (skipped(n) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP) : NodeFilter.FILTER_ACCEPT,
    });
    let sliceStart = performance.now();
    let n;
    let count = 0;
    while ((n = walker.nextNode())) {
      const parent = n.parentElement;
      if (!parent) continue;
      let blockEl = blockOf.get(parent);
      if (!blockEl) {
        blockEl = parent.closest(BLOCK_SELECTOR) || root;
        blockOf.set(parent, blockEl);
      }
      let b = byEl.get(blockEl);
      if (!b) {
        b = { el: blockEl, text: "", nodes: [] };
        byEl.set(blockEl, b);
        blocks.push(b);
      }
      const start = b.text.length;
      b.text += n.data;
      b.nodes.push({ node: n, start, end: b.text.length });
      if ((++count & 255) === 0 && performance.now() - sliceStart > FF.SLICE_MS) {
        await FF.yieldToPage();
        if (isDone()) return [];
        sliceStart = performance.now();
      }
    }
    // A block with no letters has no claims.
    return blocks.filter((b) => /\p{L}/u.test(b.text));
  };

  function dateOf(s) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec((s || "").trim());
    return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
  }

  function findDatePublished(v) {
    if (Array.isArray(v)) {
      for (const x of v) {
        const d = findDatePublished(x);
        if (d) return d;
      }
    } else if (v && typeof v === "object") {
      const d = typeof v.datePublished === "string" ? dateOf(v.datePublished) : null;
      if (d) return d;
      for (const x of Object.values(v)) {
        const d2 = findDatePublished(x);
        if (d2) return d2;
      }
    }
    return null;
  }

  // The article's date: article:published_time, JSON-LD datePublished, <time datetime>, else today.
  FF.publicationDate = () => {
    const meta = document.querySelector('meta[property="article:published_time"], meta[name="article:published_time"]');
    const fromMeta = dateOf(meta?.getAttribute("content"));
    if (fromMeta) return { date: fromMeta, from: "article:published_time" };
    for (const s of document.querySelectorAll('script[type="application/ld+json"]')) {
      try {
        const d = findDatePublished(JSON.parse(s.textContent));
        if (d) return { date: d, from: "JSON-LD datePublished" };
      } catch {
        // Broken JSON-LD: try the next one.
      }
    }
    const time = dateOf(document.querySelector("time[datetime]")?.getAttribute("datetime"));
    if (time) return { date: time, from: "<time datetime>" };
    const now = new Date();
    const pad = (x) => String(x).padStart(2, "0");
    return { date: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`, from: "today" };
  };
})();
