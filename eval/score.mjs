#!/usr/bin/env node
// Scores a FactFlag CLI on the evaluation set built by eval/build.mjs.
//
//   node eval/score.mjs [path/to/factflag] [--json] [--verbose]
//
// The binary defaults to /work/main/target/release/factflag. For every article it runs
//   factflag check eval/build/<id>.orig.txt --date <date> --format json
//   factflag check eval/build/<id>.twin.txt --date <date> --format json
// and reports:
// - originals: annotated true claims that got a contradicted finding (false alarms), annotated
//   false claims that got one (caught), and contradicted findings on no annotated claim (listed
//   for review), plus how many annotated claims got any verdict at all (supported or contradicted);
// - twins: recall, the edits whose changed words a contradicted finding overlaps, overall and per
//   class, and the contradicted findings that overlap no edit (false alarms in the twin).
//
// Findings are placed by their block and UTF-16 offsets, checked against their quote; the text is
// split into blocks the way the CLI splits plain text (at blank lines, whitespace collapsed), so
// anchors and edits are compared inside the same block text the CLI saw.
//
// No dependencies: Node's standard library only.

import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const EVAL = dirname(fileURLToPath(import.meta.url));
const BUILD = join(EVAL, "build");

const args = process.argv.slice(2);
const asJson = args.includes("--json");
const verbose = args.includes("--verbose");
const positional = args.filter((a) => !a.startsWith("--"));
for (const a of args.filter((a) => a.startsWith("--"))) {
  if (a !== "--json" && a !== "--verbose") {
    console.error(`score.mjs: unknown option ${a}\nusage: node eval/score.mjs [factflag-binary] [--json] [--verbose]`);
    process.exit(2);
  }
}
const BIN = positional[0] ?? "/work/main/target/release/factflag";
if (!existsSync(BIN)) {
  console.error(`score.mjs: no factflag binary at ${BIN} (pass its path as the first argument)`);
  process.exit(2);
}
const manifestPath = join(BUILD, "manifest.json");
if (!existsSync(manifestPath)) {
  console.error("score.mjs: eval/build/manifest.json is missing; run `node eval/build.mjs` first");
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));

/** Splits plain text as the CLI does (`split("\n\n")`, whitespace collapsed, empty blocks
 * dropped) and maps every non-space character of the file to [block, offset in block]. */
function blocksOf(text) {
  const blocks = [];
  const map = new Array(text.length).fill(null);
  let chunkStart = 0;
  const chunks = text.split("\n\n");
  for (const chunk of chunks) {
    let out = "";
    let pendingSpace = false;
    const bi = blocks.length;
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i];
      if (/\s/u.test(ch)) {
        if (out.length) pendingSpace = true;
        continue;
      }
      if (pendingSpace) {
        out += " ";
        pendingSpace = false;
      }
      map[chunkStart + i] = [bi, out.length];
      out += ch;
    }
    if (out.length) blocks.push(out);
    chunkStart += chunk.length + 2;
  }
  return { blocks, map };
}

/** A file span [s, e) as [block, start, end] in block text, or null if it is all whitespace. */
function toBlockSpan(map, s, e) {
  let a = s;
  while (a < e && !map[a]) a++;
  let b = e - 1;
  while (b >= a && !map[b]) b--;
  if (a > b) return null;
  const [ba, oa] = map[a];
  const [bb, ob] = map[b];
  if (ba !== bb) return [ba, oa, Number.MAX_SAFE_INTEGER]; // spans a blank line: not expected
  return [ba, oa, ob + 1];
}

/** Places a finding in block text: UTF-16 offsets, else UTF-8 byte offsets, else a search for
 * its quote (first in its block, then anywhere). Returns [block, start, end] or null. */
function placeFinding(f, blocks) {
  const b = blocks[f.block];
  if (b !== undefined) {
    if (Number.isInteger(f.start_utf16) && b.slice(f.start_utf16, f.end_utf16) === f.quote)
      return [f.block, f.start_utf16, f.end_utf16];
    const buf = Buffer.from(b, "utf8");
    if (Number.isInteger(f.start) && Number.isInteger(f.end) && f.end <= buf.length) {
      const s = buf.subarray(0, f.start).toString("utf8").length;
      const e = buf.subarray(0, f.end).toString("utf8").length;
      if (b.slice(s, e) === f.quote) return [f.block, s, e];
    }
    const i = b.indexOf(f.quote);
    if (i !== -1) return [f.block, i, i + f.quote.length];
  }
  for (let bi = 0; bi < blocks.length; bi++) {
    const i = blocks[bi].indexOf(f.quote);
    if (i !== -1) return [bi, i, i + f.quote.length];
  }
  return null;
}

const overlaps = (x, y) => x && y && x[0] === y[0] && x[1] < y[2] && y[1] < x[2];

function runCli(file, date) {
  let out;
  try {
    out = execFileSync(BIN, ["check", file, "--date", date, "--format", "json"], {
      encoding: "utf8",
      maxBuffer: 64 << 20,
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (e) {
    throw new Error(`factflag failed on ${file}: ${e.stderr || e.message}`);
  }
  return JSON.parse(out);
}

const short = (s, n = 90) => (s.length > n ? s.slice(0, n - 1) + "…" : s);

const rows = [];
const perClass = new Map();
const review = { trueFlagged: [], falseCaught: [], unannotated: [], twinFalseAlarms: [], twinNear: [], missed: [] };

for (const m of manifest.articles) {
  const origText = readFileSync(join(BUILD, m.orig), "utf8");
  const twinText = readFileSync(join(BUILD, m.twin), "utf8");

  // ---- original ----
  const o = blocksOf(origText);
  const rep = runCli(join(BUILD, m.orig), m.date);
  const claimSpans = m.claims.map((c) => ({
    ...c,
    at: c.spans.map(([s, e]) => toBlockSpan(o.map, s, e)).filter(Boolean),
  }));
  const findings = rep.findings.map((f) => ({ f, at: placeFinding(f, o.blocks) }));
  const contradicted = findings.filter((x) => x.f.verdict === "contradicted");
  const decided = findings.filter((x) => x.f.verdict === "contradicted" || x.f.verdict === "supported");

  let trueFlagged = 0;
  let falseCaught = 0;
  let recognised = 0;
  const nTrue = claimSpans.filter((c) => c.truth).length;
  const nFalse = claimSpans.filter((c) => !c.truth).length;
  for (const c of claimSpans) {
    const hit = contradicted.filter((x) => c.at.some((a) => overlaps(a, x.at)));
    if (decided.some((x) => c.at.some((a) => overlaps(a, x.at)))) recognised++;
    if (!hit.length) continue;
    if (c.truth) {
      trueFlagged++;
      for (const x of hit)
        review.trueFlagged.push({ article: m.id, anchor: c.anchor, quote: x.f.quote, explanation: x.f.explanation });
    } else {
      falseCaught++;
      for (const x of hit) review.falseCaught.push({ article: m.id, anchor: c.anchor, quote: x.f.quote });
    }
  }
  const unannotated = contradicted.filter((x) => !claimSpans.some((c) => c.at.some((a) => overlaps(a, x.at))));
  for (const x of unannotated)
    review.unannotated.push({ article: m.id, quote: x.f.quote, explanation: x.f.explanation, placed: !!x.at });

  // ---- twin ----
  const t = blocksOf(twinText);
  const trep = runCli(join(BUILD, m.twin), m.date);
  const edits = m.edits.map((e) => ({
    ...e,
    spanAt: toBlockSpan(t.map, e.span[0], e.span[1]),
    changedAt: toBlockSpan(t.map, e.changed[0], e.changed[1]),
  }));
  const tcontra = trep.findings
    .filter((f) => f.verdict === "contradicted")
    .map((f) => ({ f, at: placeFinding(f, t.blocks) }));
  let caught = 0;
  for (const e of edits) {
    const hit = tcontra.some((x) => overlaps(e.changedAt, x.at));
    if (hit) caught++;
    else review.missed.push({ article: m.id, class: e.class, replace: e.replace });
    const k = perClass.get(e.class) ?? { edits: 0, caught: 0 };
    k.edits++;
    if (hit) k.caught++;
    perClass.set(e.class, k);
  }
  // The twin keeps the original's claims that no edit touched, at shifted places.
  const twinClaims = m.claims.map((c) => ({
    ...c,
    at: (c.twin_spans ?? []).map(([s, e]) => toBlockSpan(t.map, s, e)).filter(Boolean),
  }));
  let twinFalse = 0;
  let twinFalseCaught = 0;
  for (const x of tcontra) {
    if (edits.some((e) => overlaps(e.changedAt, x.at))) continue;
    if (edits.some((e) => overlaps(e.spanAt, x.at))) {
      review.twinNear.push({ article: m.id, quote: x.f.quote, explanation: x.f.explanation });
      continue;
    }
    const on = twinClaims.filter((c) => c.at.some((a) => overlaps(a, x.at)));
    if (on.length && on.every((c) => !c.truth)) {
      twinFalseCaught++; // one of the original's own false claims, still in the twin
      continue;
    }
    twinFalse++;
    review.twinFalseAlarms.push({
      article: m.id,
      quote: x.f.quote,
      explanation: x.f.explanation,
      anchor: on.find((c) => c.truth)?.anchor ?? null,
      placed: !!x.at,
    });
  }

  rows.push({
    id: m.id,
    date: m.date,
    claims: m.claims.length,
    true_claims: nTrue,
    false_claims: nFalse,
    recognised,
    true_flagged: trueFlagged,
    false_caught: falseCaught,
    unannotated_flags: unannotated.length,
    edits: edits.length,
    edits_caught: caught,
    twin_true_flagged: twinFalse,
    twin_original_false_caught: twinFalseCaught,
  });
}

const sum = (k) => rows.reduce((n, r) => n + r[k], 0);
const totals = {
  articles: rows.length,
  claims: sum("claims"),
  true_claims: sum("true_claims"),
  false_claims: sum("false_claims"),
  recognised: sum("recognised"),
  true_flagged: sum("true_flagged"),
  false_caught: sum("false_caught"),
  unannotated_flags: sum("unannotated_flags"),
  edits: sum("edits"),
  edits_caught: sum("edits_caught"),
  twin_true_flagged: sum("twin_true_flagged"),
  twin_original_false_caught: sum("twin_original_false_caught"),
};
totals.twin_recall = totals.edits ? totals.edits_caught / totals.edits : 0;
const classes = [...perClass.entries()]
  .map(([cls, v]) => ({ class: cls, edits: v.edits, caught: v.caught, recall: v.caught / v.edits }))
  .sort((a, b) => b.edits - a.edits || a.class.localeCompare(b.class));

if (asJson) {
  console.log(JSON.stringify({ binary: BIN, totals, classes, articles: rows, review }, null, 2));
  process.exit(0);
}

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(0)}%` : "-");
console.log(`FactFlag evaluation — binary: ${BIN}\n`);
console.log(
  `${pad("article", 28)}${pad("date", 11)}` +
    `${lpad("claims", 7)}${lpad("seen", 6)}${lpad("T-flag", 7)}${lpad("F-caught", 9)}${lpad("other", 6)}` +
    `${lpad("edits", 7)}${lpad("caught", 7)}${lpad("recall", 7)}${lpad("twinT", 6)}`,
);
for (const r of rows) {
  console.log(
    `${pad(r.id, 28)}${pad(r.date, 11)}` +
      `${lpad(r.claims, 7)}${lpad(r.recognised, 6)}${lpad(r.true_flagged, 7)}${lpad(`${r.false_caught}/${r.false_claims}`, 9)}${lpad(r.unannotated_flags, 6)}` +
      `${lpad(r.edits, 7)}${lpad(r.edits_caught, 7)}${lpad(pct(r.edits_caught, r.edits), 7)}${lpad(r.twin_true_flagged, 6)}`,
  );
}
const T = totals;
console.log(
  `${pad("TOTAL", 39)}${lpad(T.claims, 7)}${lpad(T.recognised, 6)}${lpad(T.true_flagged, 7)}${lpad(`${T.false_caught}/${T.false_claims}`, 9)}${lpad(T.unannotated_flags, 6)}` +
    `${lpad(T.edits, 7)}${lpad(T.edits_caught, 7)}${lpad(pct(T.edits_caught, T.edits), 7)}${lpad(T.twin_true_flagged, 6)}`,
);
console.log(
  "\ncolumns: claims = annotated claims in the original; seen = of those, how many got a supported or\n" +
    "contradicted finding; T-flag = true claims with a contradicted finding (false alarms);\n" +
    "F-caught = false claims in the original that were flagged / all false claims; other = contradicted\n" +
    "findings on no annotated claim (review below); edits/caught/recall = twin edits whose changed words\n" +
    "a contradicted finding overlaps; twinT = contradicted findings in the twin overlapping no edit\n" +
    "(nor one of the original's own false claims, which the twin keeps).",
);

console.log("\nTwin recall by class:");
for (const c of classes) console.log(`  ${pad(c.class, 26)}${lpad(`${c.caught}/${c.edits}`, 7)}${lpad(pct(c.caught, c.edits), 6)}`);

console.log(`\nOriginals — true claims flagged (${T.true_flagged}):`);
for (const x of review.trueFlagged) console.log(`  [${x.article}] "${x.quote}" — ${short(x.explanation, 160)}`);
console.log(`\nOriginals — contradicted findings on no annotated claim, for review (${review.unannotated.length}):`);
for (const x of review.unannotated) console.log(`  [${x.article}] "${x.quote}" — ${short(x.explanation, 160)}`);
console.log(`\nOriginals — false claims caught: ${T.false_caught} of ${T.false_claims}`);
for (const x of review.falseCaught) console.log(`  [${x.article}] "${x.quote}"`);
console.log(`\nTwins — contradicted findings overlapping no edit (${review.twinFalseAlarms.length}):`);
for (const x of review.twinFalseAlarms)
  console.log(`  [${x.article}] "${x.quote}"${x.anchor ? " (true claim)" : " (unannotated)"} — ${short(x.explanation, 160)}`);
if (review.twinNear.length) {
  console.log(`\nTwins — findings inside an edit's text but not on its changed words (not counted) (${review.twinNear.length}):`);
  for (const x of review.twinNear) console.log(`  [${x.article}] "${x.quote}"`);
}
if (verbose) {
  console.log(`\nTwins — edits not caught (${review.missed.length}):`);
  for (const x of review.missed) console.log(`  [${x.article}] (${x.class}) "${x.replace}"`);
}
