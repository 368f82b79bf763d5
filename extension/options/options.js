// FactFlag options: the switches, the sites FactFlag leaves alone, the report address, and the
// flags the reader hid. Everything lives in storage.local; the background tells every open tab
// when it changes (background.js), and this page draws itself again from storage then too.
"use strict";
const api = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);
const { msg } = globalThis.FactFlagI18n; // ../i18n.js
const DEFAULTS = globalThis.FactFlagProtocol.SETTINGS; // ../protocol.js, as the background reads them

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
  return msg("reportBad");
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
      item(h, msg("turnOn"), () => api.storage.local.set({ disabledSites: s.disabledSites.filter((x) => x !== h) })),
    ),
  );
  $("noSites").hidden = sites.length > 0;
  if (document.activeElement !== $("reportTo")) $("reportTo").value = s.reportTo;
  const pages = Object.entries(s.hiddenFlags);
  $("hiddenPages").replaceChildren(
    ...pages.map(([page, quotes]) =>
      item(`${page}: ${quotes.map((q) => `“${q}”`).join(", ")}`, msg("showOneAgain"), async () => {
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
    $("siteError").textContent = msg("notHost", $("site").value.trim());
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
  $("reportSaved").textContent = msg(to ? "saved" : "savedNone");
});
$("unhideAll").addEventListener("click", () => api.storage.local.set({ hiddenFlags: {} }));

// Your own facts: files in the schema of data/, checked and merged over the bundled table by the
// facts tool (../core/facts_tool.js: the core's own loader and lint, compiled to a module of its
// own). Stored as {files: [{name, text}], snapshot (the merged table, base64), sources, rows};
// the background loads the snapshot in place of the bundled table.
const YOURS = "yourFacts";
let tool = null;
function factsTool() {
  /* global wasm_bindgen */
  tool ??= wasm_bindgen({ module_or_path: "../core/facts_tool_bg.wasm" }).then(() => wasm_bindgen);
  return tool;
}

function base64(bytes) {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

// Checks `files` ([{name, text}]) and, if they are clean, stores them with the merged table;
// an empty list removes your facts. Says what happened; on errors, lists them and keeps what
// was stored before.
async function saveYours(files) {
  $("yoursErrors").replaceChildren();
  if (files.length === 0) {
    await api.storage.local.remove(YOURS);
    $("yoursStatus").textContent = msg("yoursRemoved");
    return true;
  }
  $("yoursStatus").textContent = msg("yoursChecking");
  let r;
  try {
    const { merge_facts } = await factsTool();
    r = merge_facts(files.map((f) => f.name), files.map((f) => f.text));
  } catch (e) {
    r = { errors: [msg("yoursCannot", e?.message ?? e)] };
  }
  if (r.errors.length) {
    $("yoursStatus").textContent = msg("yoursProblems", r.errors.length);
    $("yoursErrors").replaceChildren(
      ...r.errors.map((e) => {
        const li = document.createElement("li");
        li.textContent = e;
        return li;
      }),
    );
    return false;
  }
  try {
    await api.storage.local.set({ [YOURS]: { files, snapshot: base64(r.snapshot), sources: r.sources, rows: r.rows } });
  } catch (e) {
    // Storage full, or the browser refused: nothing changed.
    $("yoursStatus").textContent = msg("yoursCannotStore", e?.message ?? e);
    return false;
  }
  $("yoursStatus").textContent = r.rows === 1 ? msg("yoursImportedOne") : msg("yoursImportedMany", r.rows);
  return true;
}

async function storedFiles() {
  const { [YOURS]: y } = await api.storage.local.get(YOURS);
  return y?.files ?? [];
}

// Files picked or dropped: each replaces a stored file of the same name, or is added.
async function importFiles(list) {
  const picked = await Promise.all([...list].map(async (f) => ({ name: f.name, text: await f.text() })));
  if (!picked.length) return;
  const files = (await storedFiles()).filter((f) => !picked.some((p) => p.name === f.name)).concat(picked);
  await saveYours(files);
}

async function renderYours() {
  const { [YOURS]: y } = await api.storage.local.get(YOURS);
  const files = y?.files ?? [];
  $("noYours").hidden = files.length > 0;
  $("removeYours").hidden = files.length === 0;
  $("yoursFiles").replaceChildren(
    ...files.map((f) => {
      const rows = f.text.split("\n").filter((l) => l.trim() && !l.startsWith("#")).length - 1;
      const li = item(rows === 1 ? msg("rowsOne", f.name) : msg("rowsMany", f.name, rows), msg("remove"), () => saveYours(files.filter((x) => x !== f)));
      const a = document.createElement("a");
      a.textContent = msg("export");
      a.download = f.name;
      a.href = URL.createObjectURL(new Blob([f.text], { type: "text/tab-separated-values" }));
      a.className = "export";
      li.append(" ", a);
      return li;
    }),
  );
}

$("removeYours").addEventListener("click", () => saveYours([]));
$("factsFile").addEventListener("change", async (e) => {
  await importFiles(e.target.files);
  e.target.value = "";
});
const drop = $("dropZone");
drop.addEventListener("dragover", (e) => {
  e.preventDefault();
  drop.classList.add("over");
});
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (e) => {
  e.preventDefault();
  drop.classList.remove("over");
  importFiles(e.dataTransfer.files);
});

api.storage.onChanged.addListener((_changes, area) => {
  if (area === "local") render().then(renderYours);
});
render().then(renderYours);
