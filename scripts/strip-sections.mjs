// node scripts/strip-sections.mjs FILE.wasm: removes the custom sections (names, producers,
// target features) that wasm-bindgen leaves in the core, in place. No browser reads them, and
// they were about 300 bytes of the gzipped .wasm (the code's budget is 300 KB gzipped).
// Byte surgery, not wasm-opt: Debian's wasm-opt 108 run after wasm-bindgen breaks the
// externref table wasm-bindgen sets up (Makefile).
import fs from "node:fs";

const file = process.argv[2];
const b = fs.readFileSync(file);
if (b.readUInt32LE(0) !== 0x6d736100) throw new Error(`${file} is not a WebAssembly module`);
const leb = (i) => {
  let r = 0, s = 0, x;
  do { x = b[i++]; r |= (x & 0x7f) << s; s += 7; } while (x & 0x80);
  return [r >>> 0, i];
};
const kept = [b.subarray(0, 8)];
for (let i = 8; i < b.length;) {
  const start = i;
  const id = b[i++];
  const [n, body] = leb(i);
  i = body + n;
  if (i > b.length) throw new Error(`${file}: a section runs past the end of the file`);
  if (id !== 0) kept.push(b.subarray(start, i));
}
fs.writeFileSync(file, Buffer.concat(kept));
