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
  // The mark the tooltip was opened from (focus goes back to it), and whether the next Tab on
  // it leaves it for the page's next control rather than entering the tooltip again.
  let currentMark = null;
  let passTab = false;
  // A mark given focus back by Escape: its focus does not open the tooltip again.
  let quietFocus = null;
  let hideTimer = 0;

  const CSS = `
    :host { all: initial; }
    .box { position: fixed; z-index: 2147483647; max-width: min(420px, 90vw); box-sizing: border-box;
      padding: 10px 12px; border-radius: 8px; font: 14px/1.4 system-ui, sans-serif;
      background: #fff; color: #1c1b1f; border: 1px solid #c4c4c4; box-shadow: 0 4px 16px rgba(0,0,0,.18); }
    .verdict { font-weight: 700; margin-bottom: 4px; }
    .verdict.contradicted { color: #b3261e; }
    .verdict.supported { color: #1b5e20; }
    .verdict.unknown { color: #49454f; }
    .explanation { margin: 0 0 6px; }
    .sources { margin: 0; padding-left: 18px; font-size: 12px; }
    .sources a { color: #0b57d0; word-break: break-all; }
    .asof { margin-top: 6px; font-size: 12px; color: #555; }
    .yours { font-weight: 600; }
    .timeline { margin: 2px 0 8px; }
    .timeline svg { display: block; width: 100%; height: auto; overflow: visible; }
    .timeline .bar { fill: #8aa4c8; }
    .timeline .bar.claimed { fill: url(#ff-hatch); stroke: #1c1b1f; stroke-width: 1; }
    .timeline .label { font: 11px system-ui, sans-serif; fill: currentColor; }
    .timeline .label.claimed { font-weight: 700; }
    .timeline .axis { font: 10px system-ui, sans-serif; fill: #555; }
    .timeline .when { fill: rgba(179, 38, 30, .18); stroke: #b3261e; stroke-width: 1.5; }
    .timeline .when-label { font: 10px system-ui, sans-serif; fill: #b3261e; font-weight: 700; }
    .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
    .actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; }
    button { font: 12px/1.3 system-ui, sans-serif; padding: 3px 8px; border-radius: 4px; cursor: pointer;
      border: 1px solid #79747e; background: transparent; color: inherit; }
    button:focus-visible, a:focus-visible, textarea:focus-visible { outline: 2px solid #0b57d0; outline-offset: 1px; }
    .report { margin-top: 8px; font-size: 12px; }
    .report textarea { display: block; box-sizing: border-box; width: 100%; height: 7.5em; margin-top: 4px;
      font: 11px/1.35 ui-monospace, monospace; color: inherit; background: transparent; border: 1px solid #79747e; resize: vertical; }
    @media (prefers-color-scheme: dark) {
      .box { background: #2b2930; color: #e6e1e5; border-color: #49454f; }
      .verdict.contradicted { color: #f2b8b5; }
      .verdict.supported { color: #a5d6a7; }
      .verdict.unknown { color: #cac4d0; }
      .sources a { color: #a8c7fa; }
      .asof { color: #cac4d0; }
      .timeline .bar { fill: #5b7aa6; }
      .timeline .bar.claimed { stroke: #e6e1e5; }
      .timeline .axis { fill: #cac4d0; }
      .timeline .when { fill: rgba(242, 184, 181, .22); stroke: #f2b8b5; }
      .timeline .when-label { fill: #f2b8b5; }
      button:focus-visible, a:focus-visible, textarea:focus-visible { outline-color: #a8c7fa; }
    }`;

  // The host is a <div>, not an element of a name of our own: a page can define any
  // hyphenated name as a custom element first (and attach its own shadow root in its
  // constructor), while a <div> is always the browser's. Where it sits and whether it shows
  // are !important, so page rules for div neither move nor hide it. The rest is reset without
  // !important: text spacing (letter, word and line spacing) that the reader's own style
  // sheet sets must still reach the tooltip (WCAG 1.4.12; axe-core's avoid-inline-spacing).
  const HOST_STYLE =
    "all:initial;position:fixed!important;top:0!important;left:0!important;width:0!important;height:0!important;z-index:2147483647!important;display:block!important;visibility:visible!important;opacity:1!important;transform:none!important;filter:none!important;";
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
    // A dialog, not a tooltip: it holds links and buttons. Not modal: the page stays usable.
    box.setAttribute("role", "dialog");
    box.hidden = true;
    box.addEventListener("mouseenter", () => clearTimeout(hideTimer));
    box.addEventListener("mouseleave", () => {
      if (!box.contains(root.activeElement)) FF.hideTooltip(150);
    });
    // Focus inside the tooltip keeps it open; leaving it for the page closes it.
    box.addEventListener("focusin", () => clearTimeout(hideTimer));
    box.addEventListener("focusout", (ev) => {
      if (!box.contains(ev.relatedTarget) && ev.relatedTarget !== currentMark) FF.hideTooltip(300);
    });
    box.addEventListener("keydown", (ev) => {
      const controls = [...box.querySelectorAll("a, button, textarea")];
      if (ev.key === "Escape") {
        ev.stopPropagation();
        const back = currentMark;
        FF.hideTooltip(0);
        // Focus back on the mark, without opening the tooltip the reader just closed.
        quietFocus = back;
        back?.focus({ preventScroll: true });
      } else if (ev.key === "Tab" && controls.length) {
        // Tab past the last control (or Shift+Tab before the first) goes back to the mark, and
        // the page's own order goes on from there.
        const first = ev.shiftKey ? controls[0] : controls[controls.length - 1];
        if (root.activeElement === first && currentMark?.isConnected) {
          ev.preventDefault();
          passTab = !ev.shiftKey;
          currentMark.focus({ preventScroll: true });
        }
      }
    });
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

  // The ready report "Report a mistake" gives the reader: everything a maintainer needs to
  // check the flag (the claim, the verdict and its reading of the facts, the sources, the page
  // and the dates), as plain text. Nothing is sent: the reader copies it, or opens the report
  // address they set in the options (a mailto: or a web form) with it filled in.
  FF.reportText = (f) =>
    [
      FF.t("reportHeading"),
      "",
      FF.t("reportPage", location.href),
      FF.t("reportClaim", f.quote),
      FF.t("reportVerdict", FF.t({ contradicted: "wordContradicted", supported: "wordSupported" }[f.verdict] ?? "wordUnknown")),
      FF.t("reportReading", f.explanation),
      FF.t("reportSources"),
      ...f.sources.map((u) => `  ${u}`),
      FF.t("reportChecked", f.reference_date, f.facts_as_of),
      "",
      FF.t("reportWhat"),
      "",
    ].join("\n");

  // The report address with the report filled in: a mailto: address gets subject and body, a
  // web address (an issue form) gets title and body as query parameters. Anything else: null.
  FF.reportLink = (to, f, text) => {
    const title = FF.t("reportSubject", f.quote.slice(0, 80));
    try {
      if (/^mailto:/i.test(to)) {
        const sep = to.includes("?") ? "&" : "?";
        return `${to}${sep}subject=${encodeURIComponent(title)}&body=${encodeURIComponent(text)}`;
      }
      const url = new URL(to);
      if (url.protocol !== "https:" && url.protocol !== "http:") return null;
      url.searchParams.set("title", title);
      url.searchParams.set("body", text);
      return url.href;
    } catch {
      return null;
    }
  };

  // The timeline: the terms of office or memberships the verdict rests on, as bars on a time
  // axis, against the days the claim is about (a red band), with the holder or member the claim
  // names hatched and in bold (never by colour alone). Drawn as SVG, hidden from screen
  // readers, which read the same as a list of sentences beside it.
  const SVG = "http://www.w3.org/2000/svg";
  const dayMs = (s) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10));
  // Dates written as the explanations write them ("7 March 2024"), in the extension's language.
  const humanDay = (s) => new Date(dayMs(s)).toLocaleDateString(FF.t("dateLocale"), { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  function svg(name, attrs, text) {
    const e = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function drawTimeline(f) {
    const tl = f.timeline;
    if (!tl?.bars?.length) return null;
    const end = (b) => dayMs(b.end ?? f.facts_as_of);
    let lo = Math.min(dayMs(tl.from), ...tl.bars.map((b) => dayMs(b.start)));
    let hi = Math.max(dayMs(tl.to), ...tl.bars.map(end));
    const pad = Math.max((hi - lo) * 0.04, 86400000 * 20);
    lo -= pad;
    hi += pad;
    const W = 380;
    const LABEL = 118;
    const ROW = 18;
    const TOP = 14;
    const H = TOP + tl.bars.length * ROW + 16;
    const x = (ms) => LABEL + ((ms - lo) / (hi - lo)) * (W - LABEL - 4);
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, "aria-hidden": "true", focusable: "false" });
    const defs = svg("defs", {});
    const pat = svg("pattern", { id: "ff-hatch", width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" });
    pat.append(svg("rect", { width: 6, height: 6, fill: "#f3c7c3" }), svg("line", { x1: 0, y1: 0, x2: 0, y2: 6, stroke: "#b3261e", "stroke-width": 3 }));
    defs.append(pat);
    root.append(defs);
    // The days the claim is about.
    const x0 = x(dayMs(tl.from));
    const x1 = Math.max(x(dayMs(tl.to) + 86400000), x0 + 2);
    root.append(svg("rect", { class: "when", x: x0, y: TOP - 4, width: x1 - x0, height: tl.bars.length * ROW + 4 }));
    root.append(svg("text", { class: "when-label", x: Math.min(x0, W - 60), y: TOP - 6 }, FF.t("timelineClaim")));
    tl.bars.forEach((b, i) => {
      const y = TOP + i * ROW;
      const label = b.label.length > 20 ? `${b.label.slice(0, 19)}…` : b.label;
      root.append(svg("text", { class: `label${b.claimed ? " claimed" : ""}`, x: 0, y: y + 11 }, label));
      const bx = x(dayMs(b.start));
      root.append(svg("rect", { class: `bar${b.claimed ? " claimed" : ""}`, x: bx, y: y + 2, width: Math.max(x(end(b)) - bx, 2), height: 11, rx: 2 }));
    });
    const years = [new Date(lo + pad).getUTCFullYear(), new Date(hi - pad).getUTCFullYear()];
    root.append(svg("text", { class: "axis", x: LABEL, y: H - 3 }, years[0]));
    root.append(svg("text", { class: "axis", x: W - 4, y: H - 3, "text-anchor": "end" }, years[1]));
    // The same for screen readers.
    const list = document.createElement("ul");
    list.className = "sr";
    for (const b of tl.bars) {
      const li = document.createElement("li");
      const span = b.end ? FF.t("timelineFromTo", humanDay(b.start), humanDay(b.end)) : FF.t("timelineSince", humanDay(b.start));
      li.textContent = `${b.label}, ${b.of}: ${span}${b.claimed ? ` (${FF.t("timelineNamed")})` : ""}.`;
      list.append(li);
    }
    const about = document.createElement("li");
    about.textContent = tl.from === tl.to ? FF.t("timelineAboutDay", humanDay(tl.from)) : FF.t("timelineAboutSpan", humanDay(tl.from), humanDay(tl.to));
    list.append(about);
    const wrap = document.createElement("div");
    wrap.className = "timeline";
    wrap.append(root, list);
    return wrap;
  }

  // Asks the background for a finding's timeline (the first time its tooltip opens) and draws it
  // before the sources if the tooltip still shows that finding. The block's text is sent again:
  // the background keeps nothing of the page. The block is checked alone: a claim the article
  // read with an earlier paragraph's help (a surname named in full before) is then found as a
  // name several people share, on the same rows, so its timeline is the same. A block longer
  // than one message carries gets none.
  function askTimeline(f, before) {
    f.timeline = null; // asked once
    if (!f.el?.isConnected) return;
    const text = FF.textOf(f.el).text;
    if (text.length > FactFlagProtocol.PART_CHARS) return;
    FF.send({ type: FactFlagProtocol.TYPES.timeline, text, date: f.reference_date, start: f.start_utf16, quote: f.quote })
      .then((r) => {
        f.timeline = r?.timeline ?? null;
        const drawn = current === f && box && !box.hidden && before.isConnected ? drawTimeline(f) : null;
        if (drawn) before.before(drawn);
      })
      .catch(() => {});
  }

  function button(label, onClick) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.addEventListener("click", onClick);
    return b;
  }

  // Opens the report under the tooltip: the text in a read-only box, copied to the clipboard
  // when the browser allows it (a click is a user gesture), with a status line that says which.
  async function openReport(f) {
    if (box.querySelector(".report")) return;
    const text = FF.reportText(f);
    const wrap = document.createElement("div");
    wrap.className = "report";
    const status = document.createElement("div");
    status.setAttribute("role", "status");
    const area = document.createElement("textarea");
    area.readOnly = true;
    area.value = text;
    area.setAttribute("aria-label", FF.t("reportLabel"));
    wrap.append(status, area);
    const link = FF.settingsNow?.reportTo ? FF.reportLink(FF.settingsNow.reportTo, f, text) : null;
    if (link) {
      const a = document.createElement("a");
      a.href = link;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      a.textContent = FF.t("reportOpen");
      wrap.append(a);
    }
    box.append(wrap);
    let copied = false;
    try {
      await navigator.clipboard.writeText(text);
      copied = true;
    } catch {
      // No clipboard API here (or no permission): the selection and the copy command.
      area.focus();
      area.select();
      try {
        copied = document.execCommand("copy");
      } catch {
        copied = false;
      }
    }
    status.textContent = copied ? FF.t("reportCopied") : FF.t("reportSelect");
  }

  FF.showTooltip = (mark) => {
    const f = FF.findingOf(mark);
    if (!f || !FF.findings.has(f.id) || f.hidden) return;
    clearTimeout(hideTimer);
    ensure();
    if (current === f && !box.hidden) return; // already shown, with what the reader opened in it
    current = f;
    currentMark = mark;
    box.replaceChildren();
    const v = document.createElement("div");
    v.className = `verdict ${f.verdict}`;
    v.textContent = FF.t(f.verdict === "contradicted" ? "verdictContradicted" : f.verdict === "unknown" ? "verdictUnknown" : "verdictSupported");
    v.id = "ff-verdict";
    box.setAttribute("aria-labelledby", "ff-verdict");
    const e = document.createElement("p");
    e.className = "explanation";
    e.textContent = f.explanation || FF.t("noRow");
    const list = document.createElement("ul");
    list.className = "sources";
    list.setAttribute("aria-label", FF.t("sources"));
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
      // A row of the reader's own facts (imported in the options), not the bundled table's.
      if (f.yours?.includes(s)) {
        const mine = document.createElement("span");
        mine.className = "yours";
        mine.textContent = ` (${FF.t("yourFacts")})`;
        li.append(mine);
      }
      list.append(li);
    }
    const asof = document.createElement("div");
    asof.className = "asof";
    asof.textContent = FF.t("asOf", f.facts_as_of, f.reference_date);
    const actions = document.createElement("div");
    actions.className = "actions";
    actions.append(
      button(FF.t("reportButton"), () => openReport(f)),
      button(FF.t("hideButton"), () => {
        const back = currentMark;
        FF.hideTooltip(0);
        FF.hideFinding?.(f, true);
        // Focus goes where the reader was (the flag's text), not to the top of the page.
        back?.focus?.({ preventScroll: true });
      }),
    );
    const timeline = drawTimeline(f);
    box.append(v, e, ...(timeline ? [timeline] : []), list, asof, actions);
    if (f.timeline === undefined) askTimeline(f, list);
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
      currentMark = null;
      passTab = false;
    }, delay);
  };

  // What the tooltip shows, for the popup's state (and the tests, which read it there: the
  // page cannot): null when it is hidden.
  FF.tooltipView = () =>
    box && !box.hidden && host?.isConnected
      ? {
          text: box.textContent,
          role: box.getAttribute("role"),
          label: box.querySelector(`#${box.getAttribute("aria-labelledby")}`)?.textContent ?? null,
          links: [...box.querySelectorAll("a")].map((a) => ({ href: a.href, rel: a.rel, target: a.target, text: a.textContent })),
          elements: [...box.querySelectorAll("*")].map((e) => e.localName),
          buttons: [...box.querySelectorAll("button")].map((b) => b.textContent),
          // Where focus is in the tooltip (the control's text), if it is there.
          focused: box.getRootNode().activeElement?.textContent || box.getRootNode().activeElement?.localName || null,
          report: box.querySelector(".report textarea")?.value ?? null,
          // The timeline as drawn (each bar's and the claim band's place) and as read aloud.
          timeline: box.querySelector(".timeline")
            ? {
                bars: [...box.querySelectorAll(".timeline rect.bar")].map((r) => ({ x: +r.getAttribute("x"), width: +r.getAttribute("width"), claimed: r.classList.contains("claimed") })),
                when: { x: +box.querySelector(".timeline rect.when").getAttribute("x"), width: +box.querySelector(".timeline rect.when").getAttribute("width") },
                hidden: box.querySelector(".timeline svg").getAttribute("aria-hidden"),
                text: [...box.querySelectorAll(".timeline li")].map((li) => li.textContent),
              }
            : null,
          reportStatus: box.querySelector('.report [role="status"]')?.textContent ?? null,
        }
      : null;

  FF.removeTooltip = () => {
    host?.remove();
    host = null;
    box = null;
    current = null;
    currentMark = null;
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
        if (m === quietFocus) quietFocus = null;
        else FF.showTooltip(m);
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
      // Tab on a mark whose tooltip is open enters the tooltip (its links and buttons); Tab
      // past its last control comes back to the mark, and the next Tab goes on in the page.
      if (ev.key !== "Tab" || ev.shiftKey || !current || !box || box.hidden) return;
      const m = markOf(targetOf(ev));
      if (!m || m !== currentMark) return;
      if (passTab) {
        passTab = false;
        return;
      }
      const first = box.querySelector("a, button");
      if (!first) return;
      ev.preventDefault();
      first.focus();
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
