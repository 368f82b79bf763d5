//# allFunctionsCalledOnLoad
// Collect: DOM → text blocks, each with the text nodes it is made of, and the page's date.
// No text analysis happens here: the core does all of it.
"use strict";
(() => {
  const FF = globalThis.__factflag;

  // Subtrees that are never article text, or that the user may be editing.
  const SKIP = new Set([
    "SCRIPT", "STYLE", "NOSCRIPT", "TEXTAREA", "INPUT", "SELECT", "OPTION", "BUTTON", "NAV", "HEADER", "FOOTER",
    "ASIDE", "TEMPLATE", "SVG", "CANVAS", "IFRAME", "OBJECT", "HEAD", "FORM",
  ]);
  // Elements whose text is one block (a paragraph, a heading, a list item, a cell...).
  const BLOCKS = new Set([
    "P", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "BLOCKQUOTE", "FIGCAPTION", "TD", "TH", "DD", "DT", "PRE", "CAPTION",
    "SUMMARY", "DIV", "SECTION", "ARTICLE", "MAIN", "BODY",
  ]);

  // Node.ELEMENT_NODE and Node.TEXT_NODE, as constants: in a Firefox content script `Node` is
  // a wrapper, and reading a property of it on every node of a walk costs measurably.
  const ELEMENT = 1;
  const TEXT = 3;

  FF.root = () => document.querySelector("article") || document.querySelector("main") || document.body;

  // Attributes only: isContentEditable would make the browser recompute the page's style.
  // Editability is inherited, and blockOf decides ancestors first, so an editable ancestor
  // skips its whole subtree. The attributes are read through their reflecting properties
  // (contentEditable: "true", "plaintext-only", "false", or "inherit" when the attribute is
  // absent or invalid): in a Firefox content script every DOM method call crosses a wrapper,
  // and three getAttribute calls per element cost six times as much as these getters.
  // Elements without them (SVG, MathML) are read with getAttribute.
  function hiddenOrEditable(el) {
    const ce = el.contentEditable;
    if (ce === undefined) {
      const editable = el.getAttribute("contenteditable");
      if (editable !== null && editable.toLowerCase() !== "false") return true;
    } else if (ce !== "inherit" && ce !== "false") return true;
    if (el.hidden) return true;
    const ah = el.ariaHidden;
    return (ah === undefined ? el.getAttribute("aria-hidden") : ah) === "true";
  }

  // The block an element's text belongs to (its nearest block ancestor, or `fallback`), or
  // null if it lies in a skipped subtree. Each element is decided once, from its parent's
  // decision, so a page costs one check per element rather than a selector match per text
  // node; the decisions are kept in `memo`.
  function blockOf(el, memo, fallback) {
    let d = memo.get(el);
    if (d !== undefined) return d;
    const chain = [];
    for (let e = el; e; e = e.parentElement) {
      d = memo.get(e);
      if (d !== undefined) break;
      chain.push(e);
    }
    if (d === undefined) d = fallback;
    for (let i = chain.length - 1; i >= 0; i--) {
      const e = chain[i];
      if (d !== null) {
        const tag = e.tagName.toUpperCase();
        if (SKIP.has(tag) || hiddenOrEditable(e)) d = null;
        else if (BLOCKS.has(tag)) d = e;
        // A custom element may host a shadow root (it may get one when it is defined): told
        // to main.js, which reads an open one. Standard elements that can host one are rare in
        // articles, and asking every element for its shadow root would cost the walk.
        else if (tag.includes("-")) FF.onHost?.(e);
      }
      memo.set(e, d);
    }
    return d;
  }

  // Whether an element's text is its textContent: no element below it is skipped, a block, or
  // one that may hide or edit its text. Its elements are visited in document order until one
  // is; most paragraphs hold a few links or none.
  function plainBelow(el) {
    for (let e = el.firstElementChild; e; ) {
      const tag = e.tagName.toUpperCase();
      if (SKIP.has(tag) || BLOCKS.has(tag) || hiddenOrEditable(e)) return false;
      let next = e.firstElementChild;
      for (let a = e; !next && a !== el; a = a.parentElement) next = a.nextElementSibling;
      e = next;
    }
    return true;
  }

  // Phrasing elements that are never skipped and never blocks. A paragraph whose elements
  // are all of these, none of them hidden or editable, is plain: one query with this short
  // list answers for most paragraphs, natively. (A query listing every skipped and block tag
  // took four to six times as long in Chromium, twice as long in Firefox; one query for the
  // hidden and editable elements of the whole article was a task of up to 64 ms on the 10 MB
  // page.) When it finds an element, plainBelow decides.
  const PHRASING = "a,span,b,i,em,strong,abbr,cite,code,q,small,sub,sup,time,mark,u,s,br,wbr,img,bdi,bdo,data,dfn,kbd,samp,var,del,ins,label,font";
  const MAYBE_NOT_PLAIN = `:not(${PHRASING}),[contenteditable],[hidden],[aria-hidden]`;

  // The element or text node after `n` in document order within `root` (below `n` first,
  // unless `skip`), or null. This is a TreeWalker's nextNode() (and, with `skip`, its
  // nextSibling-or-up) written with the node getters: in a Firefox content script a
  // TreeWalker's method calls cost about a third more than the whole walk this way.
  function nextIn(n, root, skip) {
    let x = skip ? null : n.firstChild;
    for (;;) {
      for (let a = n; !x && a !== root && a; a = a.parentNode) x = a.nextSibling;
      if (!x) return null;
      const t = x.nodeType;
      if (t === ELEMENT || t === TEXT) return x;
      n = x;
      x = x.firstChild;
    }
  }

  // The deepest last node of the document and its ancestors: while the document is being
  // parsed, the parser adds nodes only there (the open elements and the last text node, which
  // may still grow). Everything before it in document order is finished. (The exception is
  // text that malformed table markup makes the parser put before the table: it may be missed
  // while parsing, and a mark is only ever drawn where the text still reads as the quote.)
  function parserEnd() {
    const chain = new Set();
    let n = document.documentElement;
    while (n) {
      chain.add(n);
      n = n.lastChild;
    }
    return chain;
  }

  // A reader of `root`'s text: it walks `root` and hands each block to `onBlock` as soon as
  // the walk has left it: {el, text}. Blocks with no letters are left out. Most blocks are
  // plain paragraphs: their text is read with one textContent, without visiting (and
  // wrapping for script) each of their text nodes, which on a large page is most of the
  // garbage a walk makes. Other blocks are read text node by text node. The walk is sliced so
  // that no slice blocks the page for long.
  //
  // read() goes on from where the last call stopped. With `parsedOnly`, it reads only what
  // the parser has finished (see parserEnd) and stops before the rest, so that a long page can
  // be read while it is still arriving; a later read() goes on from there. It resolves to
  // true once the walk has reached the end of `root`, false if it stopped before (because
  // `isDone()` said so, or at the end of what is parsed). It yields to the page every
  // `sliceMs`.
  FF.reader = (root) => {
    const byEl = new Map();
    const memo = new Map();
    const open = []; // blocks read node by node that the walk may still add to, outermost first
    let onBlock = null;
    let current = null;
    // Where the walk goes on: the node to visit next; or, when the walk had reached the end of
    // what was parsed, the node it visited last (`after`, left by its subtree if `afterSkip`).
    // `next` is undefined before the first read and null once the walk has ended.
    let next;
    let after = null;
    let afterSkip = false;
    const emit = (b) => {
      if (/\p{L}/u.test(b.text)) onBlock(b);
    };
    // Every open block that does not hold `node` is finished. `within` is the nearest block
    // that holds it, if known: when that is the innermost open block, nothing is finished
    // (and no contains() call is needed).
    const leaveTo = (node, within) => {
      if (within && open.length && open[open.length - 1].el === within) return;
      while (open.length && !open[open.length - 1].el.contains(node)) {
        const b = open.pop();
        byEl.delete(b.el);
        emit(b);
      }
    };
    const at = (el) => blockOf(el, memo, root);
    const plain = (el) => at(el) === el && (el.firstElementChild === null || el.querySelector(MAYBE_NOT_PLAIN) === null || plainBelow(el));
    const restart = () => {
      byEl.clear();
      memo.clear();
      open.length = 0;
      current = null;
      after = root;
      afterSkip = false;
      next = after;
    };
    // What the parser may still add to (see parserEnd), or null once `root` is finished.
    const unfinishedPart = (parsedOnly) => {
      if (!parsedOnly) return null;
      const chain = parserEnd();
      return chain.has(root) ? chain : null;
    };

    const read = async (handler, { isDone = () => false, parsedOnly = false, sliceMs = FF.SLICE_MS } = {}) => {
      onBlock = handler;
      if (next === null) return true;
      let unfinished = unfinishedPart(parsedOnly);
      if (next === undefined) {
        if (unfinished && root.firstChild === null) return false;
        if (!unfinished && root.nodeType === ELEMENT && plain(root)) {
          emit({ el: root, text: root.textContent });
          next = null;
          return true;
        }
        restart();
      }
      if (!root.contains(next)) {
        // The page's own script removed the node the walk was to go on from: read `root`
        // again from its start. The caller skips the blocks it was already handed.
        restart();
      }
      let n = next === after ? nextIn(after, root, afterSkip) : next;
      let count = 0;
      while (n) {
        if ((++count & 63) === 0 && performance.now() - FF.sliceStart > sliceMs) {
          next = n;
          await FF.yieldToPage();
          if (isDone()) return false;
          if (!root.contains(n)) return read(handler, { isDone, parsedOnly, sliceMs });
          unfinished = unfinishedPart(parsedOnly);
        }
        // Not yet finished by the parser: an open element is entered, never read whole or
        // skipped whole; the last node waits.
        const growing = unfinished !== null && unfinished.has(n);
        let skip = false;
        if (n.nodeType === ELEMENT) {
          const d = at(n);
          if (growing && (d === null || n.firstChild === null)) break;
          if (d === null) {
            skip = true;
          } else if (d === n && !growing && plain(n)) {
            const up = n.parentElement;
            leaveTo(n, up && at(up));
            current = null;
            emit({ el: n, text: n.textContent });
            skip = true;
          }
        } else {
          if (growing) break;
          const parent = n.parentElement;
          const blockEl = parent && at(parent);
          if (blockEl) {
            let b = current && current.el === blockEl ? current : byEl.get(blockEl);
            if (b !== current) {
              leaveTo(n, blockEl);
              if (!b) {
                b = { el: blockEl, text: "" };
                byEl.set(blockEl, b);
                open.push(b);
              }
              current = b;
            }
            b.text += n.data;
          }
        }
        const following = nextIn(n, root, skip);
        if (!following && unfinished) {
          // The end of what is parsed so far (its last node is not one the walk visits).
          after = n;
          afterSkip = skip;
          next = after;
          return false;
        }
        n = following;
      }
      if (n) {
        next = n;
        return false;
      }
      next = null;
      leaveTo(root.ownerDocument ?? document);
      return true;
    };
    return { read };
  };

  // Reads all of `root` (see FF.reader). Returns false if it stopped because `isDone()` said so.
  FF.collect = (root, onBlock, isDone = () => false) => FF.reader(root).read(onBlock, { isDone });

  // A block's text as the walk above reads it, with its text nodes and their offsets (for
  // drawing marks, once the background has answered).
  FF.textOf = (blockEl) => {
    const memo = new Map([[blockEl, blockEl]]);
    const walker = document.createTreeWalker(blockEl, NodeFilter.SHOW_TEXT);
    const nodes = [];
    const starts = [];
    let text = "";
    let n;
    while ((n = walker.nextNode())) {
      const parent = n.parentElement;
      if (!parent || blockOf(parent, memo, blockEl) !== blockEl) continue;
      nodes.push(n);
      starts.push(text.length);
      text += n.data;
    }
    return { nodes, starts, text };
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

  // The article's date: article:published_time, JSON-LD datePublished, <time datetime>; in a
  // frame without one, the page's (a frame of its own site: main.js); else today.
  FF.publicationDate = () => {
    const own = datedIn(document);
    if (own) return own;
    if (window !== window.top) {
      try {
        const top = datedIn(window.top.document);
        if (top) return { ...top, from: `the page's ${top.from}` };
      } catch {
        // A frame of another site is never read (main.js).
      }
    }
    const now = new Date();
    const pad = (x) => String(x).padStart(2, "0");
    return { date: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`, from: "today" };
  };

  function datedIn(document) {
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
    return null;
  }
})();
