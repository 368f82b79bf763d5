//# allFunctionsCalledOnLoad
// Marks: wrap the spans the core returns in <factflagmark> elements, and take them away again
// leaving the DOM exactly as it was.
//
// A span can cross element boundaries (<b>Fumio</b> Kishida): every text node it touches gets
// its own mark, and all marks of one finding share data-factflag-id. Text nodes are split
// with splitText; each original node remembers its data and the nodes split off it, so
// unwrapping puts back the very same node objects with the very same text.
//
// The block's text nodes are read again when a finding is wrapped (the collection keeps only
// the block element), and the finding's quote must match the text there: if the page has
// changed the paragraph since, the mark is not drawn rather than drawn on the wrong words.
"use strict";
(() => {
  const FF = globalThis.__factflag;
  // A name without a hyphen: no page can define it as a custom element of its own, whose
  // constructor would run on every mark made (a page that defined the hyphenated name
  // FactFlag once used rewrote each mark's text).
  const TAG = "factflagmark";
  // Inline styles only: no stylesheet is added to the page, and `all: unset` keeps the page's
  // own rules for unknown elements from reaching the mark (it inherits font and colour).
  const STYLE = {
    contradicted: "all:unset;text-decoration:underline wavy #c62828;text-decoration-thickness:1.5px;text-decoration-skip-ink:none;text-underline-offset:2px;cursor:help;",
    supported: "all:unset;text-decoration:underline dotted #2e7d32;text-decoration-skip-ink:none;text-underline-offset:2px;cursor:help;",
    // Faint: a claim read that the table cannot settle, shown only when the reader asks.
    unknown: "all:unset;text-decoration:underline dotted rgba(110,110,110,.55);text-decoration-skip-ink:none;text-underline-offset:3px;cursor:help;",
  };

  const originals = new Map(); // original text node → {data, added: Node[]}
  const origOf = new WeakMap(); // piece split off an original text node → that node
  const findings = new Map(); // id → finding (with .marks)
  // Each mark this script made → its finding. The tooltip shows a finding only for one of
  // these: a mark the page made itself, or cloned from ours, has no finding, whatever its
  // attributes say.
  const made = new WeakMap();
  let nextId = 1;

  FF.findings = findings;
  FF.findingOf = (el) => made.get(el);

  function record(orig, node) {
    if (node.nodeType === Node.TEXT_NODE) origOf.set(node, orig);
    let r = originals.get(orig);
    if (!r) {
      r = { data: orig.data, added: [] };
      originals.set(orig, r);
    }
    r.added.push(node);
  }

  // Split `node` (an original text node or a piece split off one) so that [a, b) of its
  // data stands alone; returns that middle piece.
  function isolate(piece, orig, a, b) {
    // Remember the original text before the first split changes it.
    if (!originals.has(orig)) originals.set(orig, { data: orig.data, added: [] });
    let mid = piece;
    if (a > 0) {
      mid = piece.splitText(a);
      record(orig, mid);
    }
    if (b - a < mid.data.length) {
      const rest = mid.splitText(b - a);
      record(orig, rest);
    }
    return mid;
  }

  // One mark per verdict, made once and cloned: a clone shares its style with the original
  // instead of parsing the style attribute again for every mark.
  const templates = {};
  function makeMark(f, first) {
    const verdict = f.verdict === "contradicted" || f.verdict === "unknown" ? f.verdict : "supported";
    let t = templates[verdict];
    if (!t) {
      t = templates[verdict] = document.createElement(TAG);
      t.setAttribute("data-factflag-verdict", verdict);
      t.setAttribute("data-factflag-run", FF.run);
      t.setAttribute("style", STYLE[verdict]);
    }
    const m = t.cloneNode(false);
    m.setAttribute("data-factflag-id", String(f.id));
    if (first) {
      m.tabIndex = 0;
      m.setAttribute("role", "note");
      m.setAttribute("aria-label", FF.t(f.verdict === "contradicted" ? "markContradicted" : f.verdict === "unknown" ? "markUnknown" : "markSupported", f.explanation));
    }
    return m;
  }

  // Wraps the findings of one block (UTF-16 offsets into the block's text; they never
  // overlap). The block's text nodes are read once, and the findings are wrapped from the last
  // to the first: splitting a text node leaves the nodes and offsets before the split as they
  // were.
  FF.wrapBlock = (block, fs) => {
    const read = FF.textOf(block.el);
    for (const f of fs) {
      f.id = nextId++; // ids in page order
      f.el = block.el; // its block, to ask for the finding's timeline when its tooltip opens
    }
    for (const f of [...fs].sort((a, b) => b.start_utf16 - a.start_utf16)) wrapIn(read, f);
  };

  // Wraps one finding, given its block's text nodes.
  function wrapIn({ nodes, starts, text }, f) {
    if (text.slice(f.start_utf16, f.end_utf16) !== f.quote) return;
    const marks = [];
    // Each node's extent is read from the block's text as it was before any of its findings
    // were wrapped (not from node.data, which a Firefox content script would copy on every
    // read): findings never overlap and are wrapped from the last, so a node split by a
    // later finding is only ever asked about the part it still holds.
    for (let i = 0; i < nodes.length; i++) {
      const start = starts[i];
      const end = i + 1 < nodes.length ? starts[i + 1] : text.length;
      if (end <= f.start_utf16 || start >= f.end_utf16) continue;
      const node = nodes[i];
      const a = Math.max(f.start_utf16, start) - start;
      const b = Math.min(f.end_utf16, end) - start;
      if (!/\S/.test(text.slice(start + a, start + b))) continue; // never wrap whitespace alone
      if (node.parentElement?.closest(TAG)) continue; // already marked by another finding
      const orig = origOf.get(node) ?? node;
      const mid = isolate(node, orig, a, b);
      const m = makeMark(f, marks.length === 0);
      mid.parentNode.insertBefore(m, mid);
      m.appendChild(mid);
      record(orig, m);
      made.set(m, f);
      marks.push(m);
    }
    if (marks.length) {
      f.marks = marks;
      findings.set(f.id, f);
    }
  }

  // Puts one original text node back: marks first (their text goes back where the mark
  // stands; the original node itself may be inside one), then the pieces split off it are
  // dropped and their text given back to it. The text given back is the pieces' text as it
  // is now, in order, so an edit the page made to a piece since is kept; unedited, it is the
  // node's text as it was. A piece the page has taken away (with its mark) stays away, and
  // one it has moved elsewhere stays where the page put it: both are the page's doing.
  function restore(orig, r) {
    for (const n of r.added) if (n.nodeType === Node.ELEMENT_NODE && n.parentNode) n.replaceWith(...n.childNodes);
    if (!orig.parentNode) return;
    const back = r.added.filter((n) => n.nodeType === Node.TEXT_NODE && n.parentNode === orig.parentNode);
    if (!back.length) return;
    const live = [orig, ...back];
    live.sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    const data = live.map((n) => n.data).join("");
    for (const n of back) n.remove();
    if (orig.data !== data) orig.data = data;
  }

  // Takes one finding's marks away (the reader hid the flag): each mark gives its text back to
  // where it stood. The text nodes split for it stay split (their original is still recorded),
  // so FF.unwrapAll joins them again as it does for the others.
  FF.unmarkFinding = (f) => {
    for (const m of f.marks ?? []) if (m.parentNode) m.replaceWith(...m.childNodes);
    findings.delete(f.id);
  };

  // Removes every mark and restores every split text node.
  FF.unwrapAll = () => {
    for (const [orig, r] of originals) restore(orig, r);
    originals.clear();
    findings.clear();
  };

  // Removes the marks inside `el` (a block the page has changed) and restores its text nodes;
  // returns the findings those marks showed.
  FF.unwrapIn = (el) => {
    if (!el.querySelector(TAG)) return []; // no mark of ours in it: nothing to take away
    for (const [orig, r] of originals) {
      if (el.contains(orig) || r.added.some((n) => el.contains(n))) {
        restore(orig, r);
        originals.delete(orig);
      }
    }
    const gone = [];
    for (const [id, f] of findings) {
      if (f.marks.some((m) => !m.isConnected || el.contains(m))) {
        gone.push(f);
        findings.delete(id);
      }
    }
    return gone;
  };

  // Takes away the marks and the tooltip an earlier injection of FactFlag left in the page
  // (see FF.run): their script is gone, so their tooltips would never open. Each mark gives
  // its text back to its parent, joined with the text beside it, as unwrapping does. A mark
  // without a run id is the page's own and stays.
  FF.removeStale = () => {
    for (const m of document.querySelectorAll(`${TAG}[data-factflag-run]`)) {
      if (m.getAttribute("data-factflag-run") === FF.run || !m.parentNode) continue;
      const parent = m.parentNode;
      const before = m.previousSibling;
      const after = m.nextSibling;
      m.replaceWith(...m.childNodes);
      // From the node before the mark to the node after it, each run of text nodes becomes one.
      const run = [];
      for (let n = before ?? parent.firstChild; n; n = n.nextSibling) {
        run.push(n);
        if (n === after) break;
      }
      let keep = null;
      for (const n of run) {
        if (n.nodeType !== Node.TEXT_NODE) keep = null;
        else if (!keep) keep = n;
        else {
          keep.appendData(n.data);
          n.remove();
        }
      }
    }
    for (const h of document.querySelectorAll('div[data-factflag="tooltip"]')) if (!FF.isTooltipHost?.(h)) h.remove();
  };

  FF.isOurs = (node) => node.nodeType === Node.ELEMENT_NODE && (node.localName === TAG || FF.isTooltipHost?.(node));
})();
