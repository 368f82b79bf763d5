//# allFunctionsCalledOnLoad
// FactFlag's one message protocol: every message between the background, the content scripts
// and the popup, with its version and fields. Each side builds what it sends with `make` and
// checks what it receives with `accept`, which rejects anything else with one logged line.
// Loaded as the first content script, by the popup page, and by the background (importScripts
// in Chromium's worker, the manifest's list in Firefox); it defines one frozen global in the
// extension's own contexts (a page cannot see the content scripts' isolated world).
"use strict";
(() => {
  if (globalThis.FactFlagProtocol) return;
  const VERSION = 1;
  const is = {
    string: (v) => typeof v === "string",
    strings: (v) => Array.isArray(v) && v.every((x) => typeof x === "string"),
    boolean: (v) => typeof v === "boolean",
    count: (v) => Number.isInteger(v) && v >= 0,
    counts: (v) => Array.isArray(v) && v.every((x) => Number.isInteger(x) && x >= 0),
    date: (v) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v),
  };
  // type -> { from, to, fields: { name: kind } }; a kind ending in "?" may be absent.
  const MESSAGES = {
    // A request whose blocks hold more than PART_CHARS goes as parts first (factflag:part, one
    // slice of one block each, in order), then as a check that names them (parts) with no blocks.
    // run (the content script's), reading (its count of readings, which only grows) and keys
    // (one per block, the same for a block read again) let the background count what the page
    // shows for the badge: the findings of the latest reading, each block's latest.
    "factflag:check": { from: "content", to: "background", fields: { blocks: "strings", date: "date", includeSupported: "boolean?", includeUnknown: "boolean?", parts: "string?", run: "string", reading: "count", keys: "counts" } },
    "factflag:part": { from: "content", to: "background", fields: { id: "string", block: "count", text: "string" } },
    // page: the page's address without query or fragment, for the flags hidden on it.
    // tab: the tab the popup asks for (a content script's own tab is the sender's).
    "factflag:settings": { from: "content, popup", to: "background", fields: { host: "string", page: "string?", tab: "count?" } },
    // A finding's timeline, asked for when its tooltip opens (answers carry none: on a long page
    // they made the messages half as long again): its block's text is checked again and the
    // finding at `start` (UTF-16) with `quote` answers.
    "factflag:timeline": { from: "content", to: "background", fields: { text: "string", date: "date", start: "count", quote: "string" } },
    // The reader hid a flag on a page ("Hide this flag"): remembered for that page.
    "factflag:hide": { from: "content", to: "background", fields: { page: "string", quote: "string" } },
    // A reading begins that may send no check (the page was turned off, or navigated): the
    // frame's count for the badge starts afresh.
    "factflag:new-reading": { from: "content", to: "background", fields: { run: "string", reading: "count" } },
    "factflag:startup": { from: "popup, tests", to: "background", fields: {} },
    "factflag:settings-changed": { from: "background", to: "content", fields: { changed: "strings" } },
    "factflag:state": { from: "popup, tests", to: "content", fields: {} },
    "factflag:reveal": { from: "popup", to: "content", fields: { id: "count" } },
  };
  const TYPES = Object.freeze(Object.fromEntries(Object.keys(MESSAGES).map((t) => [t.slice("factflag:".length).replace(/-(.)/g, (_, c) => c.toUpperCase()), t])));

  // Why `msg` is not a valid message of one of `types`, or null when it is.
  function problem(msg, types) {
    if (typeof msg !== "object" || msg === null) return "not an object";
    if (!types.includes(msg.type)) return `unexpected type ${JSON.stringify(String(msg.type)).slice(0, 60)}`;
    if (msg.version !== VERSION) return `${msg.type}: protocol version ${msg.version}, expected ${VERSION}`;
    const fields = MESSAGES[msg.type].fields;
    for (const [name, kind] of Object.entries(fields)) {
      const optional = kind.endsWith("?");
      const v = msg[name];
      if (v === undefined ? !optional : !is[kind.replace("?", "")](v)) return `${msg.type}: field ${name} is not ${kind.replace("?", "")}`;
    }
    for (const name of Object.keys(msg)) {
      if (name !== "type" && name !== "version" && !(name in fields)) return `${msg.type}: unknown field ${name}`;
    }
    return null;
  }

  // A message of `type` with `fields`, checked as the receiver will check it.
  function make(type, fields = {}) {
    const msg = { type, version: VERSION, ...fields };
    const why = problem(msg, [type]);
    if (why) throw new TypeError(`FactFlag: cannot send ${why}`);
    return msg;
  }

  // Whether `msg` is a valid message this side accepts (`types`); logs one line when it is not
  // and looks like one of ours. Anything without our prefix is someone else's and ignored.
  function accept(msg, types) {
    const why = problem(msg, types);
    if (why && typeof msg?.type === "string" && msg.type.startsWith("factflag:")) console.warn(`FactFlag: rejected a message: ${why}`);
    return !why;
  }

  // An answer, stamped with the version; and whether an answer received is one.
  const answer = (fields) => ({ version: VERSION, ...fields });
  const isAnswer = (r) => typeof r === "object" && r !== null && r.version === VERSION && typeof r.ok === "boolean";

  // The most text one message carries: a longer request goes in parts. Firefox serialises a
  // message on the page's thread, about 11 ms a megabyte (a 10 MB block took 110 ms at once).
  const PART_CHARS = 500_000;

  // The settings in storage.local and their defaults, as the background serves them and the
  // options page edits them. reportTo: where "Report a mistake" offers to open the report (a
  // mailto: or web address; "" for none). hiddenFlags: page -> quotes of the flags hidden there.
  const SETTINGS = Object.freeze({ enabled: true, disabledSites: [], showSupported: false, showUnknown: false, reportTo: "", hiddenFlags: {} });

  globalThis.FactFlagProtocol = Object.freeze({ VERSION, TYPES, MESSAGES, PART_CHARS, SETTINGS, make, accept, answer, isAnswer, problem });
})();
