// node scripts/throughput-sbs.mjs OLD_DIR NEW_DIR [ROUNDS]: check_marks over the bench pages' blocks, alternating
// the two cores (each dir holds factflag.js, factflag_bg.wasm, facts.bin); ms per pass, medians.
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const { ensurePages } = await import(path.join(ROOT, "benches/make-pages.mjs"));
const pages = ensurePages();
const blocksDir = path.join(ROOT, "target", "bench", "blocks");
if (!fs.existsSync(path.join(blocksDir, "big-2mb.html.json")))
  execFileSync("cargo", ["run", "-q", "--release", "--example", "throughput", "--", "--iterations", "1", "--dump", blocksDir, ...pages.map((p) => p.file)], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
const all = pages.map((p) => JSON.parse(fs.readFileSync(path.join(blocksDir, p.name + ".json"), "utf8")));
const bytes = all.flat().reduce((n, b) => n + b.length, 0);
const load = (dir) => {
  const core = new Function(`${fs.readFileSync(path.join(dir, "factflag.js"), "utf8")}\nreturn wasm_bindgen;`)();
  core.initSync({ module: fs.readFileSync(path.join(dir, "factflag_bg.wasm")) });
  core.init(fs.readFileSync(path.join(dir, "facts.bin")));
  return core;
};
const [A, B] = [load(process.argv[2]), load(process.argv[3])];
const date = "2024-10-19";
const pass = (c) => { const t = performance.now(); for (const b of all) c.check_marks(b, date, false, false, false); return performance.now() - t; };
const until = performance.now() + 4000;
while (performance.now() < until) { pass(A); pass(B); }
const rounds = +(process.argv[4] ?? 8);
const ta = [], tb = [];
for (let i = 0; i < rounds; i++) { if (i % 2) { tb.push(pass(B)); ta.push(pass(A)); } else { ta.push(pass(A)); tb.push(pass(B)); } }
const med = (v) => v.slice().sort((x, y) => x - y)[v.length >> 1];
console.log(`text ${(bytes / 1e6).toFixed(2)} MB; old ${med(ta).toFixed(1)} ms/pass (${(bytes / 1e3 / med(ta)).toFixed(2)} MB/s); new ${med(tb).toFixed(1)} ms/pass (${(bytes / 1e3 / med(tb)).toFixed(2)} MB/s); new/old time ${(med(tb) / med(ta)).toFixed(3)}`);
