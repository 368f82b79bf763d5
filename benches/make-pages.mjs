// Writes the benchmark corpus to benches/pages/: realistic news and encyclopedia-style pages
// built from a fixed seed, so every run measures the same bytes. The claims in them are a mix
// of true and false statements about real people and organisations; the rest is ordinary
// news prose.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(here, "pages");

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CLAIMS = [
  "President Biden met union leaders in Detroit.",
  "Vice President Harris campaigned in Pennsylvania on Saturday.",
  "Former President Trump held a rally in Ohio.",
  "Japanese Prime Minister Fumio Kishida visited Seoul.",
  "On October 1, after Fumio Kishida succeeded Yoshihide Suga as Japan’s prime minister, the cabinet met.",
  "Sweden joined NATO in 2023, a diplomat said.",
  "Finland joined NATO in 2023 as its 31st member.",
  "German Chancellor Olaf Scholz visited Beijing.",
  "Chancellor Friedrich Merz met Macron in Paris.",
  "British Prime Minister Keir Starmer flew to Washington.",
  "Foreign Secretary David Lammy arrived in Kyiv.",
  "NATO Secretary General Mark Rutte visited the troops.",
  "UN Secretary-General Antonio Guterres called for a ceasefire.",
  "The Quad consists of the United States, Japan, India and Australia.",
  "AUKUS was established in 2021.",
  "NATO was founded in 1949 to counter the Soviet Union.",
  "Britain left the EU in 2020.",
  "Japan is a member of the G7.",
  "Ukraine, a member of NATO, asked for help.",
  "There are less than three weeks until the U.S. presidential election.",
  "Chinese President Xi Jinping received the delegation.",
  "Prime Minister Narendra Modi inaugurated the temple.",
  "South Korean President Yoon Suk Yeol visited Washington.",
  "Australian Prime Minister Anthony Albanese met Xi.",
  "Secretary of State Antony Blinken arrived in Tokyo.",
  "Ukrainian President Volodymyr Zelensky addressed Congress.",
  "French President Emmanuel Macron hosted the summit.",
  "Mexican President Claudia Sheinbaum took questions.",
  "Egypt joined BRICS in 2024.",
  "Joe Biden succeeded Donald Trump as president.",
  "Keir Starmer succeeded Rishi Sunak as British prime minister in July 2024.",
  "President Lula met President Biden at the White House.",
  "Israeli Prime Minister Benjamin Netanyahu spoke at the rally.",
  "Prime Minister Shigeru Ishiba dissolved the lower house.",
  "The G7 includes France, Germany and Italy.",
];

const FILLER = [
  "Officials declined to comment on the details of the negotiations.",
  "The talks lasted several hours and ended without a joint statement.",
  "Analysts said the outcome would depend on the economy and on turnout.",
  "Markets rose slightly after the announcement, while bond yields fell.",
  "Residents queued outside polling stations from early morning.",
  "The ministry said it would publish a full report later in the year.",
  "Critics argued that the plan lacked funding and a clear timetable.",
  "Protesters gathered in the square, holding banners and chanting slogans.",
  "The committee is expected to vote on the measure next week.",
  "Several lawmakers called for an independent inquiry into the affair.",
  "The city has invested heavily in public transport over the past decade.",
  "Farmers warned that the drought could cut harvests by a third.",
  "The agreement covers trade, energy, technology and student exchanges.",
  "Observers noted that the delegation arrived a day earlier than planned.",
  "Unemployment fell to its lowest level in more than two decades.",
  "The court adjourned the hearing until the end of the month.",
  "Engineers said repairs to the bridge would take at least six weeks.",
  "The festival drew visitors from across the region despite the rain.",
  // News is typeset: curly quotes, apostrophes and dashes are part of the text to check.
  "“We are not there yet,” one negotiator said, asking not to be named.",
  "The plan — announced last spring — has already been revised twice.",
  "Officials described the meeting as “constructive” but gave no details.",
  "It’s too early to say, the mayor’s office said on Tuesday.",
];

const DATES = ["2019-06-01", "2021-03-01", "2022-08-01", "2023-05-07", "2024-01-10", "2024-10-19", "2025-03-01", "2025-06-01"];

function esc(s) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
}

// A sentence with some inline markup, so pages have many text nodes.
function inline(s, r, richness) {
  if (r() > richness) return esc(s);
  const words = s.split(" ");
  const i = Math.floor(r() * words.length);
  const tag = ["a href=\"#\"", "b", "em", "span class=\"x\""][Math.floor(r() * 4)];
  const close = tag.split(" ")[0];
  words[i] = `<${tag}>${esc(words[i])}</${close}>`;
  return words.map((w) => (w.startsWith("<") ? w : esc(w))).join(" ");
}

function paragraph(r, { claimRate = 0.3, richness = 0.5, sentences = [3, 6] } = {}) {
  const n = sentences[0] + Math.floor(r() * (sentences[1] - sentences[0] + 1));
  const out = [];
  for (let i = 0; i < n; i++) {
    const pool = r() < claimRate ? CLAIMS : FILLER;
    out.push(inline(pool[Math.floor(r() * pool.length)], r, richness));
  }
  return out.join(" ");
}

function page({ title, date, body, style = "news" }) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<link rel="icon" href="data:,">
<meta property="article:published_time" content="${date}T08:00:00Z">
<style>body{font:17px/1.6 Georgia,serif;margin:0 auto;max-width:980px;padding:0 16px}nav a{margin-right:12px}.x{color:#333}table{border-collapse:collapse}td{border:1px solid #ccc;padding:2px 6px}</style>
</head><body>
<header><h2>The ${style === "news" ? "Morning Ledger" : "Open Encyclopedia"}</h2></header>
<nav>${["World", "Politics", "Business", "Science", "Opinion"].map((x) => `<a href="#">${x}</a>`).join("")}</nav>
<article><h1>${esc(title)}</h1>
${body}
</article>
<aside><h3>Most read</h3><ul><li>President Harris wins?</li><li>Markets today</li></ul></aside>
<footer>© Fixture Media. Generated benchmark page.</footer>
</body></html>
`;
}

function article(seed, targetBytes) {
  const r = rng(seed);
  let body = `<p class="byline">By Staff · <time datetime="${DATES[seed % DATES.length]}">today</time></p>\n`;
  let i = 0;
  while (body.length < targetBytes) {
    if (i > 0 && i % 5 === 0) body += `<h2>${esc(FILLER[Math.floor(r() * FILLER.length)].split(" ").slice(0, 5).join(" "))}</h2>\n`;
    body += `<p>${paragraph(r)}</p>\n`;
    i++;
  }
  return page({ title: `Diplomatic week, part ${seed}`, date: DATES[seed % DATES.length], body });
}

function encyclopedia(seed, targetBytes) {
  const r = rng(seed);
  let body = "";
  let i = 0;
  while (body.length < targetBytes) {
    if (i % 8 === 0) body += `<h2>Section ${i / 8 + 1}</h2>\n`;
    if (i % 11 === 5) {
      body += "<table>" + Array.from({ length: 6 }, () => `<tr><td>${paragraph(r, { sentences: [1, 1], richness: 0.2 })}</td><td>${1990 + Math.floor(r() * 35)}</td></tr>`).join("") + "</table>\n";
    } else if (i % 7 === 3) {
      body += "<ul>" + Array.from({ length: 5 }, () => `<li>${paragraph(r, { sentences: [1, 2], richness: 0.6 })}</li>`).join("") + "</ul>\n";
    } else {
      body += `<p>${paragraph(r, { claimRate: 0.25, richness: 0.8, sentences: [4, 8] })}</p>\n`;
    }
    i++;
  }
  return page({ title: `Foreign relations, volume ${seed}`, date: "2024-10-19", body, style: "encyclopedia" });
}

function liveblog(seed, targetBytes) {
  const r = rng(seed);
  let body = "";
  let i = 0;
  while (body.length < targetBytes) {
    const hh = String(23 - (i % 24)).padStart(2, "0");
    body += `<section class="post"><p><time>${hh}:${String(59 - (i % 60)).padStart(2, "0")}</time> <b>Update</b></p><p>${paragraph(r, { sentences: [1, 3], claimRate: 0.35 })}</p></section>\n`;
    i++;
  }
  return page({ title: "Live: summit day", date: "2024-10-19", body });
}

// Many short blocks with inline markup: a page with tens of thousands of text nodes.
function dense(seed, targetBytes) {
  const r = rng(seed);
  let body = "";
  while (body.length < targetBytes) {
    body += `<p>${paragraph(r, { sentences: [1, 3], richness: 1, claimRate: 0.2 })}</p>\n`;
  }
  return page({ title: "Archive index", date: "2024-10-19", body, style: "encyclopedia" });
}

// The shape issue #18 measured: one <article> of 400 <section>s, 2,400 paragraphs and one claim
// in each section (400), about 2 MB of HTML.
function sectioned(seed, sections, perSection) {
  const r = rng(seed);
  let body = "";
  for (let s = 0; s < sections; s++) {
    body += `<section id="part-${s + 1}"><h2>Part ${s + 1}</h2>\n`;
    const claimAt = Math.floor(r() * perSection);
    for (let p = 0; p < perSection; p++) {
      const claim = p === claimAt ? " " + inline(CLAIMS[Math.floor(r() * CLAIMS.length)], r, 0.3) : "";
      body += `<p>${paragraph(r, { claimRate: 0, richness: 0.3, sentences: [10, 13] })}${claim}</p>\n`;
    }
    body += "</section>\n";
  }
  return page({ title: "The year in diplomacy, section by section", date: "2024-10-19", body });
}

export const PAGES = [
  ...Array.from({ length: 16 }, (_, k) => ({ name: `article-${String(k + 1).padStart(2, "0")}.html`, kind: "article", make: () => article(k + 1, 5_000 + k * 1_600) })),
  { name: "encyclopedia-01.html", kind: "encyclopedia", make: () => encyclopedia(101, 60_000) },
  { name: "encyclopedia-02.html", kind: "encyclopedia", make: () => encyclopedia(102, 120_000) },
  { name: "liveblog-300k.html", kind: "liveblog", make: () => liveblog(201, 300_000) },
  { name: "big-2mb.html", kind: "big", make: () => dense(301, 2_000_000) },
  { name: "sections-2mb.html", kind: "big", make: () => sectioned(501, 400, 6) },
  { name: "stress-10mb.html", kind: "stress", make: () => dense(401, 10_000_000) },
];

// Pages are written again whenever this generator changes (its text is the stamp).
export function ensurePages() {
  fs.mkdirSync(OUT, { recursive: true });
  const stampFile = path.join(OUT, ".generator");
  const stamp = fs.readFileSync(fileURLToPath(import.meta.url), "utf8");
  const fresh = fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === stamp;
  for (const p of PAGES) {
    const file = path.join(OUT, p.name);
    if (!fresh || !fs.existsSync(file)) fs.writeFileSync(file, p.make());
  }
  fs.writeFileSync(stampFile, stamp);
  return PAGES.map((p) => ({ ...p, file: path.join(OUT, p.name), bytes: fs.statSync(path.join(OUT, p.name)).size }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const p of ensurePages()) console.log(`${p.name}\t${p.bytes}`);
}
