#!/usr/bin/env node
// Builds the evaluation set: checks the cached article texts against eval/articles.json and
// writes, for every article, eval/build/<id>.orig.txt (the article as cached) and
// eval/build/<id>.twin.txt (the same article with the careless errors of its twin applied),
// plus eval/build/manifest.json with the character spans that score.mjs needs.
//
//   node eval/build.mjs                       # fails on any missing or changed cache file
//   node eval/build.mjs --allow-changed-cache # a changed file only warns (its anchors and
//                                             # finds must still all be found)
//
// No dependencies: Node's standard library only.

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const EVAL = dirname(fileURLToPath(import.meta.url));
const CACHE = join(EVAL, "cache");
const BUILD = join(EVAL, "build");
const HINT = "fill the cache with the search tool; see eval/README.md";

const args = process.argv.slice(2);
const allowChanged = args.includes("--allow-changed-cache");
for (const a of args) {
  if (a !== "--allow-changed-cache") {
    console.error(`build.mjs: unknown argument ${a}\nusage: node eval/build.mjs [--allow-changed-cache]`);
    process.exit(2);
  }
}

const data = JSON.parse(readFileSync(join(EVAL, "articles.json"), "utf8"));
const problems = [];
const warnings = [];
const manifest = { articles: [] };
const seen = new Set();

/** Every start index of `needle` in `hay`. */
function occurrences(hay, needle) {
  const out = [];
  if (!needle) return out;
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** The part of `replace` that differs from `find` (common prefix and suffix removed), as
 * offsets into `replace`. An edit is "caught" when a finding overlaps this part. */
function changedPart(find, replace) {
  let p = 0;
  while (p < find.length && p < replace.length && find[p] === replace[p]) p++;
  let s = 0;
  while (
    s < find.length - p &&
    s < replace.length - p &&
    find[find.length - 1 - s] === replace[replace.length - 1 - s]
  )
    s++;
  // Widen to whole words so that "2005" inside "since 2005," or a swapped surname is one token.
  let start = p;
  let end = replace.length - s;
  while (start > 0 && /[\p{L}\p{N}]/u.test(replace[start - 1])) start--;
  while (end < replace.length && /[\p{L}\p{N}]/u.test(replace[end])) end++;
  if (end <= start) end = Math.min(replace.length, start + 1);
  return [start, end];
}

const isUrl = (s) => typeof s === "string" && /^https?:\/\/\S+$/.test(s);

for (const a of data.articles) {
  const where = `article ${a.id ?? "(no id)"}`;
  for (const k of ["id", "url", "publisher", "title", "date", "sha256"]) {
    if (typeof a[k] !== "string" || !a[k]) problems.push(`${where}: missing field ${k}`);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(a.date ?? "")) problems.push(`${where}: date ${a.date} is not YYYY-MM-DD`);
  if (!isUrl(a.url)) problems.push(`${where}: url is not an http(s) URL`);
  if (seen.has(a.id)) problems.push(`${where}: duplicate id`);
  seen.add(a.id);

  const path = join(CACHE, `${a.id}.txt`);
  if (!existsSync(path)) {
    problems.push(`${where}: cache file eval/cache/${a.id}.txt is missing (${a.url}); ${HINT}`);
    continue;
  }
  const bytes = readFileSync(path);
  const sha = createHash("sha256").update(bytes).digest("hex");
  if (sha !== a.sha256) {
    const msg = `${where}: eval/cache/${a.id}.txt has sha256 ${sha}, expected ${a.sha256}; ${HINT}`;
    if (allowChanged) warnings.push(msg);
    else {
      problems.push(msg);
      continue;
    }
  }
  const text = bytes.toString("utf8");

  const claims = [];
  for (const [i, c] of (a.claims ?? []).entries()) {
    const w = `${where}, claim ${i + 1} (${JSON.stringify(c.anchor)})`;
    if (typeof c.truth !== "boolean") problems.push(`${w}: truth must be true or false`);
    if (!isUrl(c.source)) problems.push(`${w}: source is not an http(s) URL`);
    const at = occurrences(text, c.anchor);
    if (at.length === 0) problems.push(`${w}: anchor not found in the article`);
    claims.push({ anchor: c.anchor, truth: c.truth, spans: at.map((s) => [s, s + c.anchor.length]) });
  }

  const edits = [];
  for (const [i, e] of (a.twin ?? []).entries()) {
    const w = `${where}, edit ${i + 1} (${JSON.stringify(e.find)})`;
    for (const k of ["find", "replace", "class", "why"]) {
      if (typeof e[k] !== "string" || !e[k]) problems.push(`${w}: missing field ${k}`);
    }
    if (!isUrl(e.source)) problems.push(`${w}: source is not an http(s) URL`);
    if (e.find === e.replace) problems.push(`${w}: replace equals find`);
    const at = occurrences(text, e.find);
    if (at.length !== 1) problems.push(`${w}: find occurs ${at.length} times in the article (must be exactly once)`);
    else edits.push({ index: i, start: at[0], end: at[0] + e.find.length, ...e });
  }
  edits.sort((x, y) => x.start - y.start);
  for (let i = 1; i < edits.length; i++) {
    if (edits[i].start < edits[i - 1].end)
      problems.push(`${where}: edits ${edits[i - 1].index + 1} and ${edits[i].index + 1} overlap in the article`);
  }

  // Apply the edits, recording where each replacement lands in the twin.
  let twin = "";
  let pos = 0;
  const twinEdits = [];
  for (const e of edits) {
    twin += text.slice(pos, e.start);
    const at = twin.length;
    twin += e.replace;
    const [cs, ce] = changedPart(e.find, e.replace);
    twinEdits.push({
      index: e.index,
      class: e.class,
      find: e.find,
      replace: e.replace,
      span: [at, at + e.replace.length],
      changed: [at + cs, at + ce],
    });
    pos = e.end;
  }
  twin += text.slice(pos);
  twinEdits.sort((x, y) => x.index - y.index);

  // Where each claim's anchor lands in the twin: spans an edit touches are dropped (the edit
  // changed that claim); the others move by the length change of the edits before them.
  for (const c of claims) {
    c.twin_spans = [];
    for (const [s, e] of c.spans) {
      if (edits.some((x) => x.start < e && s < x.end)) continue;
      const shift = edits
        .filter((x) => x.end <= s)
        .reduce((n, x) => n + x.replace.length - x.find.length, 0);
      c.twin_spans.push([s + shift, e + shift]);
    }
  }

  manifest.articles.push({
    id: a.id,
    date: a.date,
    publisher: a.publisher,
    claims,
    edits: twinEdits,
    orig: `${a.id}.orig.txt`,
    twin: `${a.id}.twin.txt`,
    _text: text,
    _twin: twin,
  });
}

for (const w of warnings) console.error(`warning: ${w}`);
if (problems.length) {
  for (const p of problems) console.error(`error: ${p}`);
  console.error(`build.mjs: ${problems.length} problem(s); nothing written.`);
  process.exit(1);
}

mkdirSync(BUILD, { recursive: true });
for (const m of manifest.articles) {
  writeFileSync(join(BUILD, m.orig), m._text);
  writeFileSync(join(BUILD, m.twin), m._twin);
  delete m._text;
  delete m._twin;
}
writeFileSync(join(BUILD, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
const nClaims = manifest.articles.reduce((n, m) => n + m.claims.length, 0);
const nEdits = manifest.articles.reduce((n, m) => n + m.edits.length, 0);
console.log(
  `build.mjs: ${manifest.articles.length} articles, ${nClaims} annotated claims, ${nEdits} twin edits -> eval/build/`,
);
