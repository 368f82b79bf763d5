// FactFlag options: the switches, the sites FactFlag leaves alone, the report address, and the
// flags the reader hid. Everything lives in storage.local; the background tells every open tab
// when it changes (background.js), and this page draws itself again from storage then too.
"use strict";
const api = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);
const DEFAULTS = { enabled: true, disabledSites: [], showSupported: false, showUnknown: false, reportTo: "", hiddenFlags: {} };

// A host name as the popup's site switch stores it (location.hostname): lower case, no
// scheme, path or port. A pasted address is reduced to its host. null when it is none.
function hostOf(input) {
  const t = input.trim().toLowerCase();
  if (!t) return null;
  try {
    const h = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(t) ? t : `http://${t}`).hostname;
    return /^[a-z0-9.-]+$|^\[[0-9a-f:.]+\]$/.test(h) && !h.startsWith(".") ? h : null;
  } catch {
    return null;
  }
}

// Why `to` cannot be a report address, or null when it can ("" clears it).
function reportProblem(to) {
  if (to === "") return null;
  if (/^mailto:[^\s@]+@[^\s@]+$/i.test(to.split("?")[0])) return null;
  try {
    const u = new URL(to);
    if (u.protocol === "https:" || u.protocol === "http:") return null;
  } catch {
    // falls through
  }
  return "Give a mailto: address (mailto:name@example.com) or a web address (https://…).";
}

function item(text, buttonLabel, onClick) {
  const li = document.createElement("li");
  const span = document.createElement("span");
  span.textContent = text;
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = buttonLabel;
  b.addEventListener("click", onClick);
  li.append(span, b);
  return li;
}

async function render() {
  const s = await api.storage.local.get(DEFAULTS);
  $("enabled").checked = !!s.enabled;
  $("showSupported").checked = !!s.showSupported;
  $("showUnknown").checked = !!s.showUnknown;
  const sites = [...s.disabledSites].sort();
  $("sites").replaceChildren(
    ...sites.map((h) =>
      item(h, "Turn on again", () => api.storage.local.set({ disabledSites: s.disabledSites.filter((x) => x !== h) })),
    ),
  );
  $("noSites").hidden = sites.length > 0;
  if (document.activeElement !== $("reportTo")) $("reportTo").value = s.reportTo;
  const pages = Object.entries(s.hiddenFlags);
  $("hiddenPages").replaceChildren(
    ...pages.map(([page, quotes]) =>
      item(`${page}: ${quotes.map((q) => `“${q}”`).join(", ")}`, "Show again", async () => {
        const { hiddenFlags } = await api.storage.local.get({ hiddenFlags: {} });
        delete hiddenFlags[page];
        await api.storage.local.set({ hiddenFlags });
      }),
    ),
  );
  $("noHidden").hidden = pages.length > 0;
  $("unhideAll").hidden = pages.length === 0;
}

$("enabled").addEventListener("change", (e) => api.storage.local.set({ enabled: e.target.checked }));
$("showSupported").addEventListener("change", (e) => api.storage.local.set({ showSupported: e.target.checked }));
$("showUnknown").addEventListener("change", (e) => api.storage.local.set({ showUnknown: e.target.checked }));
$("addSite").addEventListener("submit", async (e) => {
  e.preventDefault();
  const h = hostOf($("site").value);
  if (!h) {
    $("siteError").textContent = `"${$("site").value.trim()}" is not a host name.`;
    return;
  }
  $("siteError").textContent = "";
  const { disabledSites } = await api.storage.local.get({ disabledSites: [] });
  await api.storage.local.set({ disabledSites: [...new Set([...disabledSites, h])] });
  $("site").value = "";
});
$("reportForm").addEventListener("submit", async (e) => {
  e.preventDefault();
  const to = $("reportTo").value.trim();
  const why = reportProblem(to);
  $("reportError").textContent = why ?? "";
  $("reportSaved").textContent = "";
  if (why) return;
  await api.storage.local.set({ reportTo: to });
  $("reportSaved").textContent = to ? "Saved." : "Saved: no report address.";
});
$("unhideAll").addEventListener("click", () => api.storage.local.set({ hiddenFlags: {} }));

api.storage.onChanged.addListener((_changes, area) => {
  if (area === "local") render();
});
render();
