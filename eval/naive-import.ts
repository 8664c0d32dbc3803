/**
 * `npx tsx eval/naive-import.ts [--out DIR] [--verbose] [--only-build] [--measure DIR]`: the query core over NAIVELY imported
 * knowledge, the measuring setup for answering over imported articles (issue 10, item 6).
 *
 * Builds one knowledge folder (a fresh temp dir, or DIR) from every article in ../shared/articles (the public
 * samples), eval/holdout-articles (written for this project and never tuned on) and the NBC text: every sentence that
 * is not a pure quote becomes a fact (no questions, no tags, no attribution), the hand-labelled quotes of
 * <slug>.quotes.jsonl become quotes with their speakers (a speaker without a role gets the placeholder "quoted in the
 * article"; for NBC the curated file's quotes and speakers stand in, without their questions, tags or context). All
 * articles share the one folder, so the core answers over several overlapping sources at once. Then it measures,
 * scored like eval/run.ts (the answer text contains an expected phrase; expect null must be declined): each article's
 * <slug>.questions.jsonl, and the NBC sets (eval/questions.jsonl, holdout*.jsonl, blind.jsonl) over the same folder.
 * The hold-out articles' figures are printed apart: they are the ones that say how well this generalises.
 * The folder can be measured again with `KNOWLEDGE_DIR=DIR npx tsx eval/run.ts FILE.jsonl`. `--measure DIR` builds
 * nothing and scores the same question sets over DIR instead (for instance a folder written by `briefbot import`).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import sbd from "sbd";
import { parse, stringify } from "yaml";
import { createCore } from "../src/core/core.js";
import { loadKnowledgeDir } from "../src/core/loader.js";
import { answerText } from "../src/render/text.js";
import { pct, type Case, type GoldQuote, type Meta } from "./score.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const sharedDir = join(root, "../shared/articles");
const holdoutDir = join(root, "eval/holdout-articles");
const argv = process.argv.slice(2);
const verbose = argv.includes("--verbose");
const outAt = argv.indexOf("--out");
const measureAt = argv.indexOf("--measure");
const measureOnly = measureAt >= 0 && argv[measureAt + 1] ? argv[measureAt + 1]! : null;
const out =
  measureOnly ?? (outAt >= 0 && argv[outAt + 1] ? argv[outAt + 1]! : mkdtempSync(join(tmpdir(), "briefbot-naive-")));
mkdirSync(out, { recursive: true });

const readJsonl = <T>(path: string): T[] =>
  readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as T);
const slugOf = (s: string, max = 30) =>
  s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/, "") || "x";

/** Sentences of a paragraph with their offsets in it (sbd splits; each is found back in the paragraph). */
function sentencesOf(paragraph: string): { text: string; start: number; end: number }[] {
  const outList: { text: string; start: number; end: number }[] = [];
  let from = 0;
  for (const s of sbd.sentences(paragraph, { preserve_whitespace: false, newline_boundaries: false })) {
    const text = s.trim();
    if (!text) continue;
    const at = paragraph.indexOf(text, from);
    const start = at >= 0 ? at : from;
    outList.push({ text, start, end: start + text.length });
    from = start + text.length;
  }
  return outList;
}

/** A sentence is a pure quote when at least 60% of its characters lie inside labelled quotes. */
function isPureQuote(sentence: { start: number; end: number }, spans: [number, number][]): boolean {
  let inside = 0;
  for (const [a, b] of spans) inside += Math.max(0, Math.min(b, sentence.end) - Math.max(a, sentence.start));
  return inside / Math.max(1, sentence.end - sentence.start) >= 0.6;
}

interface Article {
  slug: string;
  dir: string;
  textFile: string;
  headline: string;
  byline: string[];
  paragraphs: string[];
  meta: Meta;
  quotes: GoldQuote[];
}

function readArticle(dir: string, slug: string): Article {
  const lines = readFileSync(join(dir, `${slug}.txt`), "utf8").split("\n");
  const headline = lines[0]!.trim();
  const by = /^By (.+)$/.exec(lines[1]?.trim() ?? "");
  const byline = by
    ? by[1]!
        .split(/,\s*|\s+and\s+/)
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
  const paragraphs = lines
    .slice(by ? 2 : 1)
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const meta = JSON.parse(readFileSync(join(dir, `${slug}.meta.json`), "utf8")) as Meta;
  const quotes = readJsonl<GoldQuote>(join(dir, `${slug}.quotes.jsonl`));
  return { slug, dir, textFile: `${slug}.txt`, headline, byline, paragraphs, meta, quotes };
}

/** Writes one naive knowledge file (and the article text beside it) for an article. */
function writeArticle(
  a: Article,
  nbc?: { speakers: unknown[]; quotes: { id: string; text: string; speaker: string }[] },
) {
  const key = slugOf(a.slug, 24);
  const speakers: { id: string; name: string; role: string; aliases: string[] }[] = [];
  const speakerId = new Map<string, string>();
  const quotes: { id: string; text: string; speaker: string }[] = [];
  if (nbc) {
    for (const s of nbc.speakers as { id: string; name: string; role?: string }[])
      speakers.push({ id: s.id, name: s.name, role: s.role ?? "quoted in the article", aliases: [] });
    quotes.push(...nbc.quotes.map((q) => ({ id: q.id, text: q.text, speaker: q.speaker })));
  } else {
    a.quotes.forEach((q, i) => {
      let id = speakerId.get(q.speaker);
      if (!id) {
        id = `${key}-${slugOf(q.speaker, 30)}`;
        speakerId.set(q.speaker, id);
        speakers.push({ id, name: q.speaker, role: q.role ?? "quoted in the article", aliases: [] });
      } else if (q.role) {
        const s = speakers.find((x) => x.id === id)!;
        if (s.role === "quoted in the article") s.role = q.role;
      }
      quotes.push({ id: `${key}-q${i + 1}`, text: q.text, speaker: id });
    });
  }
  const quoteTexts = quotes.map((q) => q.text.replace(/[\s,.;:]+$/, ""));
  const facts: { id: string; text: string; tags: string[] }[] = [];
  for (const p of a.paragraphs) {
    const spans: [number, number][] = [];
    for (const qt of quoteTexts) {
      for (let at = p.indexOf(qt); at >= 0 && qt.length > 0; at = p.indexOf(qt, at + 1))
        spans.push([at, at + qt.length]);
    }
    for (const s of sentencesOf(p)) {
      if (isPureQuote(s, spans)) continue;
      if (s.text.split(/\s+/).length < 3) continue;
      facts.push({ id: `${key}-f${facts.length + 1}`, text: s.text, tags: [] });
    }
  }
  const source: Record<string, unknown> = {
    id: slugOf(a.slug, 60),
    title: a.headline,
    publisher: a.meta.publisher,
    reporters: a.byline.length ? a.byline : [a.meta.publisher],
    ...(a.meta.date ? { date: a.meta.date } : {}),
    text: a.textFile,
  };
  copyFileSync(join(a.dir, a.textFile), join(out, a.textFile));
  const doc = { source, speakers, quotes, facts };
  writeFileSync(
    join(out, `${slugOf(a.slug, 60)}.yaml`),
    `# Naive import of ${a.textFile}: sentences as facts.\n${stringify(doc, { lineWidth: 0 })}`,
  );
  return { facts: facts.length, quotes: quotes.length, speakers: speakers.length };
}

const articles: { article: Article; holdout: boolean }[] = [];
for (const [dir, holdout] of [
  [sharedDir, false],
  [holdoutDir, true],
] as const) {
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir).sort())
    if (f.endsWith(".meta.json"))
      articles.push({ article: readArticle(dir, f.slice(0, -".meta.json".length)), holdout });
}

if (!measureOnly) build();
function build() {
  console.log(`naive import into ${out}`);
  for (const { article } of articles) {
    const n = writeArticle(article);
    console.log(`  ${article.slug}: ${n.facts} facts, ${n.quotes} quotes, ${n.speakers} speakers`);
  }
  // NBC: the article text (its first line is page debris, the second the headline) with the curated quotes and speakers.
  {
    const knowledgeDir = join(root, "knowledge");
    const curated = parse(readFileSync(join(knowledgeDir, "nbc-iran-social-media.yaml"), "utf8")) as {
      source: { title: string; publisher: string; reporters: string[] };
      speakers: unknown[];
      quotes: { id: string; text: string; speaker: string }[];
    };
    const lines = readFileSync(join(knowledgeDir, "nbc-iran-social-media.txt"), "utf8").split("\n");
    const body = lines
      .slice(1)
      .map((l) => l.trim())
      .filter((l) => l !== "");
    const nbc: Article = {
      slug: "nbc-iran-social-media",
      dir: knowledgeDir,
      textFile: "nbc-iran-social-media.txt",
      headline: curated.source.title,
      byline: curated.source.reporters,
      paragraphs: body.slice(1),
      meta: { title: curated.source.title, publisher: curated.source.publisher, reporters: curated.source.reporters },
      quotes: [],
    };
    const n = writeArticle(nbc, curated);
    console.log(`  nbc-iran-social-media: ${n.facts} facts, ${n.quotes} quotes, ${n.speakers} speakers`);
  }
}
if (argv.includes("--only-build")) process.exit(0);

const core = createCore(loadKnowledgeDir(out));
interface Score {
  set: string;
  inHit: number;
  inAll: number;
  outHit: number;
  outAll: number;
}
function measure(set: string, file: string): Score {
  const s: Score = { set, inHit: 0, inAll: 0, outHit: 0, outAll: 0 };
  const misses: string[] = [];
  for (const c of readJsonl<Case>(file)) {
    const r = core.ask(c.q);
    const text = r.answer ? answerText(r.answer) : null;
    if (c.expect === null) {
      s.outAll++;
      if (text === null) s.outHit++;
      else misses.push(`  answered out-of-scope: ${c.q}\n    -> ${text.split("\n")[0]} [${r.answer!.confidence}]`);
    } else {
      s.inAll++;
      if (text !== null && c.expect.some((p) => text.toLowerCase().includes(p.toLowerCase()))) s.inHit++;
      else
        misses.push(
          `  ${text === null ? "declined" : "wrong"}: ${c.q}${text ? `\n    -> ${text.split("\n")[0]} [${r.answer!.confidence}]` : ""}`,
        );
    }
  }
  console.log(
    `${set.padEnd(40)} in scope ${String(pct(s.inHit, s.inAll)).padStart(5)}% (${s.inHit}/${s.inAll})   declined ${String(pct(s.outHit, s.outAll)).padStart(5)}% (${s.outHit}/${s.outAll})`,
  );
  if (verbose && misses.length) console.log(misses.join("\n"));
  return s;
}
function total(name: string, list: Score[]): Score {
  const t = list.reduce(
    (acc, s) => ({
      set: name,
      inHit: acc.inHit + s.inHit,
      inAll: acc.inAll + s.inAll,
      outHit: acc.outHit + s.outHit,
      outAll: acc.outAll + s.outAll,
    }),
    { set: name, inHit: 0, inAll: 0, outHit: 0, outAll: 0 },
  );
  console.log(
    `${`= ${name}`.padEnd(40)} in scope ${String(pct(t.inHit, t.inAll)).padStart(5)}% (${t.inHit}/${t.inAll})   declined ${String(pct(t.outHit, t.outAll)).padStart(5)}% (${t.outHit}/${t.outAll})`,
  );
  return t;
}

console.log(`\none knowledge base: ${core.size} entries from ${core.knowledge.sources.length} sources\n`);
const groups: Record<string, Score[]> = { samples: [], holdout: [], nbc: [] };
for (const { article } of articles.filter((a) => !a.holdout))
  groups.samples!.push(measure(article.slug, join(article.dir, `${article.slug}.questions.jsonl`)));
const sampleTotal = total("public samples (tuned on)", groups.samples!);
console.log();
for (const { article } of articles.filter((a) => a.holdout))
  groups.holdout!.push(measure(article.slug, join(article.dir, `${article.slug}.questions.jsonl`)));
const holdoutTotal = total("hold-out articles (never tuned on)", groups.holdout!);
console.log();
for (const f of ["questions.jsonl", "holdout.jsonl", "holdout2.jsonl", "blind.jsonl"])
  groups.nbc!.push(measure(`nbc ${f}`, join(root, "eval", f)));
const nbcTotal = total("NBC sets over the naive import", groups.nbc!);
console.log(
  JSON.stringify({
    naiveImport: [sampleTotal, holdoutTotal, nbcTotal, ...groups.samples!, ...groups.holdout!, ...groups.nbc!].map(
      (s) => ({
        set: s.set,
        inScope: pct(s.inHit, s.inAll),
        declined: pct(s.outHit, s.outAll),
      }),
    ),
  }),
);
