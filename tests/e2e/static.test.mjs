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
  for (const f of jsFiles(EXTENSION)) {
    const src = fs.readFileSync(f, "utf8");
    for (const bad of [/\bfetch\s*\(/, /XMLHttpRequest/, /WebSocket/, /sendBeacon/, /EventSource/, /\.innerHTML\s*=/, /insertAdjacentHTML/, /\beval\s*\(/]) {
      assert.ok(!bad.test(src), `${path.relative(ROOT, f)} uses ${bad}`);
    }
  }
});

it("the manifest loads in both engines: MV3, both background forms, gecko settings, wasm CSP", () => {
  const m = JSON.parse(fs.readFileSync(path.join(EXTENSION, "manifest.json"), "utf8"));
  assert.equal(m.manifest_version, 3);
  assert.equal(m.background.service_worker, "background.js");
  assert.deepEqual(m.background.scripts, ["background.js"]);
  assert.equal(m.background.type, "module");
  assert.ok(m.browser_specific_settings.gecko.id);
  assert.deepEqual(m.browser_specific_settings.gecko.data_collection_permissions, { required: ["none"] });
  assert.match(m.content_security_policy.extension_pages, /'wasm-unsafe-eval'/);
  assert.equal(m.content_scripts[0].run_at, "document_start");
  for (const f of m.content_scripts[0].js) assert.ok(fs.existsSync(path.join(EXTENSION, f)), f);
});
