// Checks on the extension's source that need no browser.
import { it } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { ROOT, EXTENSION } from "./harness.mjs";

function jsFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "core" || e.name === "demo" ? [] : jsFiles(p);
    return p.endsWith(".js") ? [p] : [];
  });
}

it("the extension's own code has no network API and no innerHTML", () => {
  let ownFiles = 0;
  for (const f of jsFiles(EXTENSION)) {
    const src = fs.readFileSync(f, "utf8");
    for (const bad of [/XMLHttpRequest/, /WebSocket/, /sendBeacon/, /EventSource/, /\.innerHTML\s*=/, /insertAdjacentHTML/, /\beval\s*\(/]) {
      assert.ok(!bad.test(src), `${path.relative(ROOT, f)} uses ${bad}`);
    }
    // fetch only of the extension's own files (the facts table and the explanations'
    // catalogue), by their runtime.getURL address: never of anything on the network.
    for (const m of src.matchAll(/\bfetch\s*\(([^)]*\)?)/g)) {
      assert.match(m[1], /^api\.runtime\.getURL\(/, `${path.relative(ROOT, f)}: fetch(${m[1]}`);
      ownFiles++;
    }
  }
  assert.equal(ownFiles, 2, "the background's fetches of its table and its catalogue are the only ones");
});

it("the manifest loads in both engines: MV3, both background forms, gecko settings, wasm CSP", () => {
  const m = JSON.parse(fs.readFileSync(path.join(EXTENSION, "manifest.json"), "utf8"));
  assert.equal(m.manifest_version, 3);
  assert.equal(m.background.service_worker, "background.js");
  // Classic scripts in both: Chromium's worker loads the others with importScripts, Firefox's
  // background page from this list, and the two must name the same files.
  assert.equal(m.background.type, undefined);
  assert.equal(m.background.scripts.at(-1), "background.js");
  const bg = fs.readFileSync(path.join(EXTENSION, "background.js"), "utf8");
  const imported = JSON.parse(`[${/importScripts\(([^)]*)\)/.exec(bg)[1]}]`);
  assert.deepEqual([...imported, "background.js"], m.background.scripts);
  for (const f of m.background.scripts) assert.ok(fs.existsSync(path.join(EXTENSION, f)), f);
  assert.ok(m.browser_specific_settings.gecko.id);
  assert.deepEqual(m.browser_specific_settings.gecko.data_collection_permissions, { required: ["none"] });
  assert.match(m.content_security_policy.extension_pages, /'wasm-unsafe-eval'/);
  assert.equal(m.content_scripts[0].run_at, "document_start");
  for (const f of m.content_scripts[0].js) assert.ok(fs.existsSync(path.join(EXTENSION, f)), f);
});

it("one protocol: every message type is defined in protocol.js and written nowhere else", async () => {
  await import(path.join(EXTENSION, "protocol.js"));
  const P = globalThis.FactFlagProtocol;
  const defined = new Set(Object.keys(P.MESSAGES));
  for (const f of jsFiles(EXTENSION)) {
    if (f.endsWith("protocol.js")) continue;
    const src = fs.readFileSync(f, "utf8");
    // The only "factflag:" literal allowed elsewhere is the prefix test for others' messages.
    const literals = [...src.matchAll(/["'`]factflag:([a-z-]+)["'`]/g)].map((m) => m[0]);
    assert.deepEqual(literals, [], `${path.relative(ROOT, f)} writes message types itself`);
    assert.ok(!/version:\s*\d/.test(src), `${path.relative(ROOT, f)} writes a protocol version itself`);
    for (const m of src.matchAll(/TYPES\.([A-Za-z]+)/g)) assert.ok(P.TYPES[m[1]], `${path.relative(ROOT, f)} uses unknown TYPES.${m[1]}`);
  }
  assert.equal(Object.keys(P.TYPES).length, defined.size);
});

it("the protocol accepts its own messages and rejects other versions, shapes and types", async () => {
  await import(path.join(EXTENSION, "protocol.js"));
  const P = globalThis.FactFlagProtocol;
  const check = P.make(P.TYPES.check, { blocks: ["Text."], date: "2024-10-19", includeSupported: false, run: "r1", reading: 1, keys: [1] });
  assert.equal(P.problem(check, [P.TYPES.check]), null);
  assert.throws(() => P.make(P.TYPES.check, { blocks: "Text.", date: "2024-10-19" }), /blocks is not strings/);
  const warned = [];
  const warn = console.warn;
  console.warn = (line) => warned.push(line);
  try {
    assert.equal(P.accept({ ...check, version: 2 }, [P.TYPES.check]), false);
    assert.equal(P.accept({ ...check, date: "19/10/2024" }, [P.TYPES.check]), false);
    assert.equal(P.accept({ ...check, extra: 1 }, [P.TYPES.check]), false);
    assert.equal(P.accept({ ...check, keys: [1.5] }, [P.TYPES.check]), false);
    assert.equal(P.accept(check, [P.TYPES.state]), false);
    assert.equal(P.accept({ type: "someone-else", version: 1 }, [P.TYPES.check]), false);
    assert.equal(P.accept(null, [P.TYPES.check]), false);
    assert.equal(P.accept(check, [P.TYPES.check]), true);
  } finally {
    console.warn = warn;
  }
  // One line per rejected message of ours; none for someone else's or for a valid one.
  assert.equal(warned.length, 5, warned.join("\n"));
  assert.match(warned[0], /protocol version 2, expected 1/);
  assert.equal(P.isAnswer(P.answer({ ok: true })), true);
  assert.equal(P.isAnswer({ ok: true }), false);
  assert.ok(Object.isFrozen(P));
});

it("README's commands to rebuild the .wasm are the Makefile's", () => {
  // Firefox's add-on review rebuilds the core from README; a flag changed in one place only
  // would give another .wasm.
  const make = fs.readFileSync(path.join(ROOT, "Makefile"), "utf8");
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8").replace(/\\\n\s*/g, "");
  const flags = /^WASM_OPT_FLAGS := (.*)$/m.exec(make)[1].trim();
  const opt = /^wasm-opt (.*) target\/wasm32-unknown-unknown\/wasm-release\/factflag\.wasm -o target\/wasm-opt\/factflag\.wasm$/m.exec(readme);
  assert.ok(opt, "README has no wasm-opt command");
  assert.equal(opt[1].replace(/\s+/g, " ").trim(), flags);
  const bindgen = /^\twasm-bindgen (.*extension\/core .*)$/m.exec(make)[1].trim();
  assert.ok(readme.includes(`wasm-bindgen ${bindgen}`), `README lacks: wasm-bindgen ${bindgen}`);
  assert.ok(readme.includes("cargo build --profile wasm-release --lib --target wasm32-unknown-unknown --features table-beside\n"));
  assert.ok(/^\tcargo build --profile wasm-release --lib --target wasm32-unknown-unknown --features table-beside$/m.test(make), "the Makefile's core build changed: update README and this test");
  assert.ok(/^\t\$\(CLI\) facts snapshot --out \$@$/m.test(make) && readme.includes("target/release/factflag facts snapshot --out extension/core/facts.bin\n"), "README and the Makefile write facts.bin differently");
  // The options page's facts tool, likewise.
  const features = /^WASM_FEATURES := (.*)$/m.exec(make)[1].trim();
  const toolOpt = /^wasm-opt (.*) target\/wasm32-unknown-unknown\/wasm-release\/factflag\.wasm -o target\/facts-tool\/opt\.wasm$/m.exec(readme);
  assert.ok(toolOpt, "README has no wasm-opt command for the facts tool");
  assert.equal(toolOpt[1].replace(/\s+/g, " ").trim(), `-Oz ${features}`);
  assert.ok(/^\twasm-opt -Oz \$\(WASM_FEATURES\) \$\(RAW_WASM\) -o target\/facts-tool\/opt\.wasm$/m.test(make), "the Makefile's facts tool rule changed: update README and this test");
  const toolBindgen = /^\twasm-bindgen (.*--out-name facts_tool .*)$/m.exec(make)[1].trim();
  assert.ok(readme.includes(`wasm-bindgen ${toolBindgen}`), `README lacks: wasm-bindgen ${toolBindgen}`);
  assert.ok(readme.includes("cargo build --profile wasm-release --lib --target wasm32-unknown-unknown --features facts-tool\n"));
});

it("two complete locales: the same keys and placeholders in each, and every key the extension uses is in them", () => {
  const load = (l) => JSON.parse(fs.readFileSync(path.join(ROOT, "extension", "_locales", l, "messages.json"), "utf8"));
  const en = load("en");
  const de = load("de");
  assert.deepEqual(Object.keys(de).sort(), Object.keys(en).sort());
  const slots = (m) => [...m.message.matchAll(/\$(\w+)\$/g)].map((x) => x[1].toLowerCase()).sort();
  for (const k of Object.keys(en)) {
    assert.deepEqual(slots(de[k]), slots(en[k]), `placeholders of ${k}`);
    assert.ok(de[k].message.trim() && en[k].message.trim(), `${k} is empty`);
  }
  // Keys used: data-i18n attributes, msg("...") and t("...") calls, the background's list, __MSG_..__.
  const used = new Set();
  const files = (dir) =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return ["core", "demo", "_locales"].includes(e.name) ? [] : files(p);
      return /\.(js|html|json)$/.test(p) ? [p] : [];
    });
  for (const f of files(EXTENSION)) {
    const src = fs.readFileSync(f, "utf8");
    for (const m of src.matchAll(/data-i18n(?:-attr)?="([^"]+)"/g)) for (const part of m[1].split(";")) used.add(part.split(":").pop());
    for (const m of src.matchAll(/\b(?:msg|FF\.t)\("(\w+)"/g)) used.add(m[1]);
    for (const m of src.matchAll(/__MSG_(\w+)__/g)) used.add(m[1]);
    const list = /CONTENT_STRINGS = \[([^\]]*)\]/.exec(src);
    if (list) for (const m of list[1].matchAll(/"(\w+)"/g)) used.add(m[1]);
  }
  assert.ok(used.size > 60, `only ${used.size} keys found in use`);
  const missing = [...used].filter((k) => !(k in en));
  assert.deepEqual(missing, []);
});
