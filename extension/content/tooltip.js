// Tooltip: one host element with a closed shadow root, so page CSS cannot reach it and page
// scripts can neither read it nor rewrite it (a page that could would swap a source link for
// its own). Built with textContent only: no page or fact text is ever parsed as HTML. It is
// shown only for a mark this extension made (FF.findingOf): a mark the page made or cloned
// shows nothing.
"use strict";
(() => {
  const FF = globalThis.__factflag;
  let host = null;
  let box = null;
  let current = null;
  let hideTimer = 0;

  const CSS = `
    :host { all: initial; }
    .box { position: fixed; z-index: 2147483647; max-width: min(420px, 90vw); box-sizing: border-box;
      padding: 10px 12px; border-radius: 8px; font: 14px/1.4 system-ui, sans-serif;
      background: #fff; color: #1c1b1f; border: 1px solid #c4c4c4; box-shadow: 0 4px 16px rgba(0,0,0,.18); }
    .verdict { font-weight: 700; margin-bottom: 4px; }
    .verdict.contradicted { color: #b3261e; }
    .verdict.supported { color: #1b5e20; }
    .explanation { margin: 0 0 6px; }
    .sources { margin: 0; padding-left: 18px; font-size: 12px; }
    .sources a { color: #0b57d0; word-break: break-all; }
    .asof { margin-top: 6px; font-size: 12px; color: #555; }
    @media (prefers-color-scheme: dark) {
      .box { background: #2b2930; color: #e6e1e5; border-color: #49454f; }
      .verdict.contradicted { color: #f2b8b5; }
      .verdict.supported { color: #a5d6a7; }
      .sources a { color: #a8c7fa; }
      .asof { color: #cac4d0; }
    }`;

  // The host is a <div>, not an element of a name of our own: a page can define any
  // hyphenated name as a custom element first (and attach its own shadow root in its
  // constructor), while a <div> is always the browser's. Its inline style is !important, so
  // page rules for div do not move it.
  const HOST_STYLE = "all:initial!important;position:fixed!important;top:0!important;left:0!important;width:0!important;height:0!important;z-index:2147483647!important;display:block!important;";
  FF.isTooltipHost = (el) => el === host;

  function ensure() {
    if (host?.isConnected) return;
    host = document.createElement("div");
    host.setAttribute("style", HOST_STYLE);
    host.setAttribute("data-factflag", "tooltip");
    const root = host.attachShadow({ mode: "closed" });
    const style = document.createElement("style");
    style.textContent = CSS;
    box = document.createElement("div");
    box.className = "box";
    box.setAttribute("role", "tooltip");
    box.hidden = true;
    box.addEventListener("mouseenter", () => clearTimeout(hideTimer));
    box.addEventListener("mouseleave", () => FF.hideTooltip(150));
    root.append(style, box);
    document.documentElement.appendChild(host);
  }

  function safeUrl(u) {
    try {
      const url = new URL(u);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch {
      return null;
    }
  }

  FF.showTooltip = (mark) => {
    const f = FF.findingOf(mark);
    if (!f || !FF.findings.has(f.id)) return;
    clearTimeout(hideTimer);
    ensure();
    current = f;
    box.replaceChildren();
    const v = document.createElement("div");
    v.className = `verdict ${f.verdict}`;
    v.textContent = f.verdict === "contradicted" ? "FactFlag: the facts table contradicts this" : "FactFlag: the facts table supports this";
    const e = document.createElement("p");
    e.className = "explanation";
    e.textContent = f.explanation;
    const list = document.createElement("ul");
    list.className = "sources";
    for (const s of f.sources) {
      const href = safeUrl(s);
      if (!href) continue;
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = href;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      a.textContent = href;
      li.append(a);
      list.append(li);
    }
    const asof = document.createElement("div");
    asof.className = "asof";
    asof.textContent = `Facts as of ${f.facts_as_of}; checked at the article's date, ${f.reference_date}.`;
    box.append(v, e, list, asof);
    box.hidden = false;
    const r = mark.getBoundingClientRect();
    const bw = box.offsetWidth;
    const bh = box.offsetHeight;
    const left = Math.max(4, Math.min(r.left, window.innerWidth - bw - 4));
    const top = r.bottom + 6 + bh < window.innerHeight ? r.bottom + 6 : Math.max(4, r.top - bh - 6);
    box.style.left = `${left}px`;
    box.style.top = `${top}px`;
  };

  FF.hideTooltip = (delay = 0) => {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => {
      if (box) box.hidden = true;
      current = null;
    }, delay);
  };

  // What the tooltip shows, for the popup's state (and the tests, which read it there: the
  // page cannot): null when it is hidden.
  FF.tooltipView = () =>
    box && !box.hidden && host?.isConnected
      ? {
          text: box.textContent,
          role: box.getAttribute("role"),
          links: [...box.querySelectorAll("a")].map((a) => ({ href: a.href, rel: a.rel, target: a.target, text: a.textContent })),
          elements: [...box.querySelectorAll("*")].map((e) => e.localName),
        }
      : null;

  FF.removeTooltip = () => {
    host?.remove();
    host = null;
    box = null;
    current = null;
  };

  const markOf = (t) => {
    const m = t instanceof Element ? t.closest("factflagmark") : null;
    return m && FF.findingOf(m) ? m : null;
  };
  // The innermost target of an event: inside an open shadow root, the node itself.
  const targetOf = (ev) => ev.composedPath?.()[0] ?? ev.target;

  FF.installTooltipEvents = () => {
    const over = (ev) => {
      const m = markOf(targetOf(ev));
      if (m) FF.showTooltip(m);
    };
    const out = (ev) => {
      if (markOf(targetOf(ev)) && !markOf(ev.relatedTarget)) FF.hideTooltip(300);
    };
    const focus = (ev) => {
      const m = markOf(targetOf(ev));
      if (m) {
        m.style.outline = "2px solid #0b57d0";
        m.style.outlineOffset = "1px";
        FF.showTooltip(m);
      }
    };
    const blur = (ev) => {
      const m = markOf(targetOf(ev));
      if (m) {
        m.style.outline = "";
        m.style.outlineOffset = "";
        FF.hideTooltip(300);
      }
    };
    const key = (ev) => {
      if (ev.key === "Escape" && current) FF.hideTooltip(0);
    };
    document.addEventListener("mouseover", over, true);
    document.addEventListener("mouseout", out, true);
    document.addEventListener("focusin", focus, true);
    document.addEventListener("focusout", blur, true);
    document.addEventListener("keydown", key, true);
    return () => {
      document.removeEventListener("mouseover", over, true);
      document.removeEventListener("mouseout", out, true);
      document.removeEventListener("focusin", focus, true);
      document.removeEventListener("focusout", blur, true);
      document.removeEventListener("keydown", key, true);
    };
  };
})();
