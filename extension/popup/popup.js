// FactFlag popup: counts for this tab, the contradicted claims (click to scroll to one), and
// the on/off switches. Settings live in storage.local and apply at once, with no reload.
"use strict";
const api = globalThis.browser ?? globalThis.chrome;
const P = globalThis.FactFlagProtocol; // ../protocol.js
const $ = (id) => document.getElementById(id);
const { msg } = globalThis.FactFlagI18n; // ../i18n.js

// "On for <host>", with the host in a span of its own (id "host") wherever the language puts it.
function siteLabel(host) {
  const [before, after = ""] = msg("onForSite", "\u0000").split("\u0000");
  const span = document.createElement("span");
  span.id = "host";
  span.textContent = host;
  $("siteLabel").replaceChildren(before, span, after);
}

// Sends a protocol message to the background (tab == null) or the content script of a tab's
// top frame (frames of the same site run their own, which the popup does not list); null
// when there is no answer of this protocol version.
async function ask(tab, type, fields) {
  const msg = P.make(type, fields);
  const r = await (tab == null ? api.runtime.sendMessage(msg) : api.tabs.sendMessage(tab, msg, { frameId: 0 }));
  return P.isAnswer(r) ? r : null;
}

async function tabId() {
  const fromQuery = new URLSearchParams(location.search).get("tab");
  if (fromQuery) return Number(fromQuery);
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function pageState(id) {
  try {
    return await ask(id, P.TYPES.state);
  } catch {
    return null;
  }
}

// Whether the core runs: null when it does, else why not (the background says why).
async function coreProblem() {
  try {
    const r = await ask(null, P.TYPES.startup);
    return r?.ok ? null : (r?.error ?? "no answer from the background");
  } catch (e) {
    return String(e?.message ?? e);
  }
}

async function render() {
  const id = await tabId();
  const [st, problem] = await Promise.all([id == null ? null : pageState(id), coreProblem()]);
  const host = st?.host;
  // The settings as the background serves them to pages: {enabled, siteEnabled, showSupported}.
  const { settings } = await ask(null, P.TYPES.settings, id == null || id < 0 ? { host: host ?? "" } : { host: host ?? "", tab: id });
  $("paused").checked = !!settings.paused;
  $("paused").disabled = id == null || id < 0 || !st?.ok;
  $("global").checked = settings.enabled;
  $("supportedMarks").checked = settings.showSupported;
  $("unknownMarks").checked = !!settings.showUnknown;
  siteLabel(host || msg("thisSite"));
  $("site").disabled = !host;
  $("site").checked = !!host && settings.siteEnabled;
  const list = $("list");
  list.replaceChildren();
  // Every claim the page shows a mark for, with its verdict in words (not by colour alone); a
// note says which verdicts are not marked, and so not listed.
const VERDICT_WORDS = { contradicted: "wordContradicted", supported: "wordSupported", unknown: "wordUnknown" };
function showAll(st, settings) {
  const all = st.all ?? [];
  $("allClaims").hidden = all.length === 0;
  $("allSummary").textContent = msg("everyClaim", all.length);
  $("allList").replaceChildren(
    ...all.map((c) => {
      const li = document.createElement("li");
      const v = document.createElement("span");
      v.className = `verdict ${c.verdict}`;
      v.textContent = `${VERDICT_WORDS[c.verdict] ? msg(VERDICT_WORDS[c.verdict]) : c.verdict}: `;
      const q = document.createElement("q");
      q.textContent = c.quote;
      li.append(v, q);
      return li;
    }),
  );
  const off = [!settings.showSupported && msg("notListedSupported"), !settings.showUnknown && msg("notListedUnknown")].filter(Boolean);
  $("allNote").textContent = off.length ? msg("notListed", off.join(msg("and"))) : "";
}

// The page's own fact-checks need no checker: listed whatever else the popup says.
  showReviews(st?.ok ? st.reviews : []);
  if (problem) {
    // Quiet: the switches still work, and pages are left as they are.
    $("status").textContent = msg("unavailable");
    $("status").title = problem;
    $("counts").hidden = true;
    return;
  }
  if (!st?.ok) {
    $("status").textContent = msg("notHere");
    $("counts").hidden = true;
    return;
  }
  if (!st.active) {
    $("status").textContent = msg(!settings.enabled ? "off" : !settings.siteEnabled ? "offForSite" : settings.paused ? "paused" : "noArticle");
    $("counts").hidden = true;
    return;
  }
  $("counts").hidden = false;
  $("claims").textContent = st.counts.claims;
  $("contradicted").textContent = st.counts.contradicted;
  $("supported").textContent = st.counts.supported;
  $("status").textContent =
    st.counts.contradicted > 0
      ? st.counts.contradicted === 1
        ? msg("contradictOne")
        : msg("contradictMany", st.counts.contradicted)
      : msg("contradictNone");
  $("asof").textContent = msg("checkedAt", st.date);
  // Flags the reader hid on this page: said, with the way back.
  $("hiddenFlags").hidden = !st.hidden;
  $("hiddenText").textContent = st.hidden === 1 ? msg("hiddenOne") : msg("hiddenMany", st.hidden);
  $("unhide").onclick = () =>
    change(async () => {
      const { hiddenFlags } = await api.storage.local.get({ hiddenFlags: {} });
      delete hiddenFlags[st.page];
      await api.storage.local.set({ hiddenFlags });
    });
  showAll(st, settings);
  for (const [i, c] of st.contradicted.entries()) {
    const li = document.createElement("li");
    // The number is drawn here, in the claim's first line (see popup.css); the list is still
    // an <ol>, so screen readers count its items.
    const n = document.createElement("span");
    n.className = "n";
    n.setAttribute("aria-hidden", "true");
    n.textContent = `${i + 1}.`;
    li.append(n);
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = c.quote;
    b.title = c.explanation;
    b.addEventListener("click", () => ask(id, P.TYPES.reveal, { id: c.id }));
    li.append(b);
    list.append(li);
  }
}

// The page's own fact-checks (schema.org ClaimReview, as the content script read them): each
// claim with its rating and publisher, linked to the review when its address is http(s).
function showReviews(reviews = []) {
  $("reviews").hidden = reviews.length === 0;
  $("reviewList").replaceChildren(
    ...reviews.map((r) => {
      const li = document.createElement("li");
      const claim = document.createElement("q");
      claim.textContent = r.claim || msg("noClaimGiven");
      const verdict = document.createElement("span");
      verdict.className = "rating";
      const rating = r.rating || msg("noRating");
      verdict.textContent = r.publisher ? msg("ratedBy", rating, r.publisher) : msg("rated", rating);
      li.append(claim, verdict);
      let href = null;
      try {
        const u = new URL(r.url);
        if (u.protocol === "https:" || u.protocol === "http:") href = u.href;
      } catch {
        href = null;
      }
      if (href) {
        const a = document.createElement("a");
        a.href = href;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        a.textContent = msg("theReview");
        li.append(" (", a, ")");
      }
      return li;
    }),
  );
}

// Setting changes run one after another, each from the switch's state at the time it was
// flipped, so quick clicks cannot interleave a read and a write.
let queue = Promise.resolve();
function change(fn) {
  queue = queue.then(fn).then(() => new Promise((r) => setTimeout(r, 150))).then(render, render);
}

$("global").addEventListener("change", (e) => {
  const on = e.target.checked;
  change(() => api.storage.local.set({ enabled: on }));
});
$("unknownMarks").addEventListener("change", (e) => {
  const on = e.target.checked;
  change(() => api.storage.local.set({ showUnknown: on }));
});
$("supportedMarks").addEventListener("change", (e) => {
  const on = e.target.checked;
  change(() => api.storage.local.set({ showSupported: on }));
});
// Paused on this tab: a list of tab ids in storage.session (gone with the browser session); the
// background tells that tab.
$("paused").addEventListener("change", (e) => {
  const on = e.target.checked;
  change(async () => {
    const id = await tabId();
    const { pausedTabs } = await api.storage.session.get({ pausedTabs: [] });
    const next = on ? [...new Set([...pausedTabs, id])] : pausedTabs.filter((t) => t !== id);
    await api.storage.session.set({ pausedTabs: next });
  });
});
$("site").addEventListener("change", (e) => {
  const on = e.target.checked;
  const host = $("host").textContent;
  change(async () => {
    const { disabledSites } = await api.storage.local.get({ disabledSites: [] });
    const next = on ? disabledSites.filter((h) => h !== host) : [...new Set([...disabledSites, host])];
    await api.storage.local.set({ disabledSites: next });
  });
});

// The options open in a tab of their own (the popup would close under a file picker).
$("options").addEventListener("click", (e) => {
  e.preventDefault();
  api.runtime.openOptionsPage();
  window.close();
});

render();
