// Marks: wrap the spans the core returns in <factflag-mark> elements, and take them away again
// leaving the DOM exactly as it was.
//
// A span can cross element boundaries (<b>Fumio</b> Kishida): every text node it touches gets
// its own mark, and all marks of one finding share data-factflag-id. Text nodes are split
// with splitText; each original node remembers its data and the nodes split off it, so
// unwrapping puts back the very same node objects with the very same text.
"use strict";
(() => {
  const FF = globalThis.__factflag;
  const TAG = "factflag-mark";
  // Inline styles only: no stylesheet is added to the page, and `all: unset` keeps the page's
  // own rules for unknown elements from reaching the mark (it inherits font and colour).
  const STYLE = {
    contradicted: "all:unset;text-decoration:underline wavy #c62828;text-decoration-thickness:1.5px;text-decoration-skip-ink:none;text-underline-offset:2px;cursor:help;",
    supported: "all:unset;text-decoration:underline dotted #2e7d32;text-decoration-skip-ink:none;text-underline-offset:2px;cursor:help;",
  };

  const originals = new Map(); // original text node → {data, added: Node[]}
  const findings = new Map(); // id → finding (with .marks)
  let nextId = 1;

  FF.findings = findings;

  function record(orig, node) {
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

  function makeMark(f, first) {
    const m = document.createElement(TAG);
    m.setAttribute("data-factflag-verdict", f.verdict);
    m.setAttribute("data-factflag-id", String(f.id));
    m.setAttribute("style", STYLE[f.verdict] || STYLE.supported);
    if (first) {
      m.tabIndex = 0;
      m.setAttribute("role", "note");
      m.setAttribute("aria-label", `FactFlag: ${f.verdict} claim. ${f.explanation}`);
    }
    return m;
  }

  // Current pieces of a block's text: original nodes may have been split by earlier marks.
  function pieces(block) {
    const out = [];
    for (let i = 0; i < block.nodes.length; i++) {
      const node = block.nodes[i];
      const start = block.starts[i];
      const r = originals.get(node);
      if (!r) {
        out.push({ node, orig: node, start, end: start + node.data.length });
        continue;
      }
      // The original and everything split off it, in document order.
      const all = [node, ...r.added.filter((x) => x.nodeType === Node.TEXT_NODE)];
      all.sort((x, y) => (x === y ? 0 : x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
      let s = start;
      for (const t of all) {
        out.push({ node: t, orig: node, start: s, end: s + t.data.length });
        s += t.data.length;
      }
    }
    return out;
  }

  // Wraps one finding (UTF-16 offsets into block.text). Returns the marks made.
  FF.wrap = (block, f) => {
    f.id = nextId++;
    const marks = [];
    for (const p of pieces(block)) {
      if (p.end <= f.start_utf16 || p.start >= f.end_utf16) continue;
      const a = Math.max(f.start_utf16, p.start) - p.start;
      const b = Math.min(f.end_utf16, p.end) - p.start;
      if (!/\S/.test(p.node.data.slice(a, b))) continue; // never wrap whitespace alone
      if (p.node.parentElement?.closest(TAG)) continue; // already marked by another finding
      const mid = isolate(p.node, p.orig, a, b);
      const m = makeMark(f, marks.length === 0);
      mid.parentNode.insertBefore(m, mid);
      m.appendChild(mid);
      record(p.orig, m);
      marks.push(m);
    }
    if (marks.length) {
      f.marks = marks;
      findings.set(f.id, f);
    }
    return marks;
  };

  // Removes every mark and restores every split text node.
  FF.unwrapAll = () => {
    for (const [orig, r] of originals) {
      // Marks first: put their text back where the mark stands (the original node itself
      // may be inside one), then drop the pieces split off, then give back the text.
      for (const n of r.added) if (n.nodeType === Node.ELEMENT_NODE) n.replaceWith(...n.childNodes);
      for (const n of r.added) if (n.nodeType === Node.TEXT_NODE) n.remove();
      orig.data = r.data;
    }
    originals.clear();
    findings.clear();
  };

  FF.isOurs = (node) => node.nodeType === Node.ELEMENT_NODE && (node.localName === TAG || node.localName === "factflag-tooltip");
})();
